//! Record text cannot change what a reader sees: the same hostile payload
//! (terminal escapes: CSI `\e[2J`, an OSC 8 link, an OSC 52 clipboard
//! write, BEL, C1 CSI `U+009B`, DEL, U+202E RIGHT-TO-LEFT OVERRIDE, and a
//! line `::add-mask::SECAS`) is put
//! in every kind of record text and pushed through every command and
//! format; no raw control character other than `\n` and `\t` reaches the
//! output, and no line of record text starts with `::`. Markdown documents
//! are rendered with cmark-gfm (GitHub's renderer, installed by
//! scripts/test.sh) and keep their structure whatever the records say.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use common::{copy_tree, edit, minimal_example, stderr, stdout, tsc};
use scraper::{Html, Selector};

/// The payload as a YAML double-quoted scalar.
const PAYLOAD: &str = r#""x\e[2J\e]8;;https://evil.example\alink\e]8;;\a\e]52;c;ZXZpbA==\a\x9b31m\x7f\r\u202eSACES\nnext\n::add-mask::SECAS""#;

/// `examples/minimal` with the payload in an action's text and owner, a
/// decision, a person's and an organisation's name, a proposal's title,
/// and in the name of a file that does not parse.
fn hostile_tree() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = copy_tree(&minimal_example());
    edit(
        &root.join("actions/TSC02-10.yaml"),
        "text: Confirm the example widget count.",
        &format!("text: {PAYLOAD}"),
    );
    edit(
        &root.join("actions/TSC02-01.yaml"),
        "owner: SECAS",
        r#"owner: "SEC\e]52;c;eA==\aAS""#,
    );
    edit(
        &root.join("meetings/TSC_02_2402.yaml"),
        "text: the closure of action TSC01/01",
        &format!("text: {PAYLOAD}"),
    );
    edit(
        &root.join("people.yaml"),
        "name: Ada Example",
        &format!("name: {PAYLOAD}"),
    );
    edit(
        &root.join("organisations.yaml"),
        "name: ACME Example Metering Ltd",
        &format!("name: {PAYLOAD}"),
    );
    edit(
        &root.join("modifications/SECMP0101.yaml"),
        "title: Example proposal to add a widget count to the example inventory",
        &format!("title: {PAYLOAD}"),
    );
    std::fs::write(root.join("actions/\u{1b}[2J\u{9b}\n::x.yaml"), "id: [\n").unwrap();
    (dir, root)
}

/// Every control character in `out` that may not be there, and every
/// line that starts with `::` other than the workflow commands tsc writes
/// in the GitHub format.
fn violations(out: &[u8], github: bool, styled: bool) -> Vec<String> {
    let text = String::from_utf8_lossy(out);
    // The colours tsc itself adds (SGR sequences) are not record text.
    let sgr = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    let text = if styled {
        sgr.replace_all(&text, "")
    } else {
        text
    };
    let mut found: Vec<String> = text
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n' && *c != '\t') || ('\u{202a}'..='\u{202e}').contains(c)
        })
        .map(|c| format!("{c:?}"))
        .collect();
    for line in text.lines() {
        let ours = github && (line.starts_with("::error ") || line.starts_with("::warning "));
        if line.starts_with("::") && !ours {
            found.push(format!("line {line:?}"));
        }
    }
    found
}

#[test]
fn no_command_or_format_lets_a_control_character_or_workflow_command_through() {
    let (_dir, root) = hostile_tree();
    let records = root.to_str().unwrap();
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for command in ["actions", "mods", "meetings", "people", "organisations"] {
        for format in ["table", "json", "csv", "markdown"] {
            runs.push(vec![command, "--format", format]);
        }
    }
    for id in [
        "TSC02/10",
        "TSC02/01",
        "SECMP0101",
        "TSC_02_2402",
        "ada-example",
        "ACME",
    ] {
        runs.push(vec!["show", id]);
    }
    for format in ["markdown", "html"] {
        runs.push(vec!["minutes", "TSC_02_2402", "--format", format]);
        runs.push(vec!["report", "--format", format]);
    }
    for format in ["human", "json", "github"] {
        runs.push(vec!["validate", "--format", format]);
    }
    runs.push(vec!["validate", "--color", "always"]);
    let mut checked = 0;
    for run in &runs {
        let args: Vec<&str> = ["--records", records]
            .into_iter()
            .chain(run.iter().copied())
            .collect();
        let out = tsc(&args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{run:?}: {}",
            stderr(&out)
        );
        // The payload (or its escaped form) is in the output: it was tested.
        let shown = stdout(&out);
        assert!(
            shown.contains("u{1b}") || shown.contains("u001b") || run[0] == "meetings",
            "{run:?} did not show the payload: {shown}"
        );
        let github = run.contains(&"github");
        let bad = violations(&out.stdout, github, run.contains(&"always"));
        assert!(bad.is_empty(), "{run:?} printed {bad:?}:\n{shown}");
        let bad = violations(&out.stderr, false, false);
        assert!(bad.is_empty(), "{run:?} printed {bad:?} on standard error");
        checked += 1;
    }
    assert_eq!(checked, 20 + 6 + 4 + 4);
    // An error message that quotes what the user typed.
    let out = tsc(&["--records", records, "show", "\u{1b}[2J\n::add-mask::x"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(violations(&out.stderr, false, false), Vec::<String>::new());
    assert!(
        stderr(&out).contains("tsc: error: no record has the ID `\\u{1b}[2J\n\\::add-mask::x`"),
        "{}",
        stderr(&out)
    );

    // The escapes as documented: text and CSV show `\u{1b}`, JSON its own
    // `\u001b`, and a line of record text `::` gets a backslash.
    let csv = stdout(&tsc(&["--records", records, "actions", "--format", "csv"]));
    assert!(
        csv.contains("x\\u{1b}[2J\\u{1b}]8;;https://evil.example\\u{7}link"),
        "{csv}"
    );
    assert!(csv.contains("\n\\::add-mask::SECAS"), "{csv}");
    let json = stdout(&tsc(&["--records", records, "actions", "--format", "json"]));
    assert!(
        json.contains(r"x\u001b[2J\u001b]8;;https://evil.example\u0007link"),
        "{json}"
    );
    assert!(
        json.contains(r"\u009b31m\u007f\r\u202eSACES\nnext\n::add-mask::SECAS"),
        "{json}"
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let texts: Vec<&str> = value["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["text"].as_str())
        .collect();
    assert!(texts.contains(&"x\u{1b}[2J\u{1b}]8;;https://evil.example\u{7}link\u{1b}]8;;\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{7f}\r\u{202e}SACES\nnext\n::add-mask::SECAS"));
    let human = stdout(&tsc(&["--records", records, "validate"]));
    assert!(
        human.contains("actions/\\u{1b}[2J\\u{9b}\\n::x.yaml"),
        "{human}"
    );
    assert!(
        human.contains("error[E0103]: unknown owner `SEC\\u{1b}]52;c;eA==\\u{7}AS`"),
        "{human}"
    );
}

/// cmark-gfm, from Debian's package (scripts/test.sh installs it).
fn cmark_gfm(markdown: &str) -> String {
    let mut child = Command::new("cmark-gfm")
        .args([
            "-e",
            "table",
            "-e",
            "autolink",
            "-e",
            "strikethrough",
            "-e",
            "tagfilter",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cmark-gfm is missing; run ./scripts/test.sh, which installs it");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(markdown.as_bytes())
        .unwrap();
    let out: Output = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn count(html: &Html, selector: &str) -> usize {
    html.select(&Selector::parse(selector).unwrap()).count()
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    html.select(&Selector::parse(selector).unwrap())
        .map(|e| e.text().collect::<String>())
        .collect()
}

/// A summary with an unclosed fence, a setext heading, a bare URL, raw
/// HTML and a table; action text with a URL and a `www.` address.
fn markdown_tree() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = copy_tree(&minimal_example());
    edit(
        &root.join("meetings/TSC_02_2402.yaml"),
        "      The minutes of meeting 1 were agreed as final. Action TSC01/01 was closed.\n",
        "      The minutes were agreed. See https://evil.example/x and www.evil.example.\n      ```\n      text\n      ===\n\n      a | b\n      --|--\n      <img src=x onerror=alert(1)>\n\n      - # listed heading\n      - kept item\n",
    );
    edit(
        &root.join("actions/TSC02-10.yaml"),
        "text: Confirm the example widget count.",
        "text: \"Confirm https://evil.example/y\\n===\\n```\"",
    );
    (dir, root)
}

fn assert_no_structure_from_records(html: &Html, page: &str) {
    assert_eq!(count(html, "pre, code"), 0, "a code block: {page}");
    assert_eq!(count(html, "a"), 0, "a link: {page}");
    assert_eq!(count(html, "img"), 0, "an image: {page}");
    assert_eq!(count(html, "h1"), 1, "one title only: {page}");
}

#[test]
fn record_text_cannot_change_the_structure_of_the_minutes() {
    let (_dir, root) = markdown_tree();
    let records = root.to_str().unwrap();
    let md = stdout(&tsc(&["--records", records, "minutes", "TSC_02_2402"]));
    let page = cmark_gfm(&md);
    let html = Html::parse_document(&page);
    assert_no_structure_from_records(&html, &page);
    // As many tables and list items as the same minutes without the
    // hostile text, plus the two items the summary lists.
    let clean = minimal_example();
    let plain = stdout(&tsc(&[
        "--records",
        clean.to_str().unwrap(),
        "minutes",
        "TSC_02_2402",
    ]));
    let plain = Html::parse_document(&cmark_gfm(&plain));
    assert_eq!(count(&html, "table"), count(&plain, "table"), "{page}");
    assert_eq!(count(&html, "h2, h3"), count(&plain, "h2, h3"), "{page}");
    assert_eq!(count(&html, "li"), count(&plain, "li") + 2, "{page}");
    // Everything after the unclosed fence is still there, as it should be:
    // the later agenda item, its decisions, and all four actions.
    let headings = texts(&html, "h2, h3");
    assert!(
        headings
            .iter()
            .any(|h| h.contains("Modification Development Update")),
        "{headings:?}"
    );
    let items = texts(&html, "li");
    assert!(
        items
            .iter()
            .any(|i| i == "CONSIDERED the degree of interest in the example proposals."),
        "{items:?}"
    );
    assert!(items.iter().any(|i| i == "# listed heading"), "{items:?}");
    assert!(items.iter().any(|i| i == "kept item"), "{items:?}");
    let actions = texts(&html, "blockquote");
    assert_eq!(actions.len(), 2, "{page}");
    assert!(actions[0].contains("ACTION TSC02/01: SECAS"), "{actions:?}");
    assert!(
        actions[1].contains("ACTION TSC02/10: ACME — Confirm https://evil.example/y===```"),
        "{actions:?}"
    );
    let paragraphs = texts(&html, "p").join("\n");
    assert!(
        paragraphs.contains("See https://evil.example/x and www.evil.example."),
        "{paragraphs}"
    );
    assert!(paragraphs.contains("```\ntext\n==="), "{paragraphs}");
    assert!(
        paragraphs.contains("<img src=x onerror=alert(1)>"),
        "{paragraphs}"
    );
}

#[test]
fn record_text_cannot_change_the_structure_of_listings_and_the_report() {
    let (_dir, root) = markdown_tree();
    let records = root.to_str().unwrap();
    let listing = stdout(&tsc(&[
        "--records",
        records,
        "actions",
        "--format",
        "markdown",
    ]));
    let page = cmark_gfm(&listing);
    let html = Html::parse_document(&page);
    assert_eq!(count(&html, "a, pre, code, h1, h2"), 0, "{page}");
    assert_eq!(count(&html, "table"), 1, "{page}");
    assert!(
        texts(&html, "td")
            .iter()
            .any(|c| c == "Confirm https://evil.example/y===```"),
        "{page}"
    );
    let report = stdout(&tsc(&[
        "--records",
        records,
        "report",
        "--as-of",
        "2024-03-02",
    ]));
    let page = cmark_gfm(&report);
    let html = Html::parse_document(&page);
    assert_no_structure_from_records(&html, &page);
}

#[test]
fn the_renderer_is_the_real_one() {
    // Unescaped, the same text would make a heading, a link and a fence.
    let page = cmark_gfm("text\n===\n\nsee https://evil.example/x\n\n```\ncode\n");
    let html = Html::parse_document(&page);
    assert_eq!(
        (count(&html, "h1"), count(&html, "a"), count(&html, "pre")),
        (1, 1, 1),
        "{page}"
    );
}

/// A git repository whose first commit is `examples/minimal` and whose
/// second is `tree` (the hostile or Markdown tree) over it.
fn repository_of(tree: &std::path::Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records");
    common::copy_dir(&minimal_example(), &records);
    common::git(dir.path(), &["init", "-q"]);
    common::git(dir.path(), &["add", "."]);
    common::git(dir.path(), &["commit", "-q", "-m", "Minimal example"]);
    common::copy_dir(tree, &records);
    common::git(dir.path(), &["add", "."]);
    common::git(dir.path(), &["commit", "-q", "-m", "Hostile text"]);
    dir
}

/// `tsc ARGS` in `dir`.
fn tsc_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsc"))
        .args(args)
        .current_dir(dir)
        .env_remove("TSC_RECORDS")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap()
}

#[test]
fn diff_and_log_let_no_control_character_or_workflow_command_through() {
    let (_tree_dir, tree) = hostile_tree();
    let repo = repository_of(&tree);
    let mut checked = 0;
    for (args, styled) in [
        (&["diff", "HEAD~1", "HEAD"][..], false),
        (&["diff", "HEAD~1", "HEAD", "--color", "always"], true),
        (&["diff", "HEAD~1", "HEAD", "--format", "markdown"], false),
        (&["diff", "HEAD~1", "HEAD", "--format", "json"], false),
        (&["log", "TSC02/10"], false),
        (&["log", "TSC02/10", "--color", "always"], true),
        (&["log", "ada-example", "--format", "json"], false),
    ] {
        let out = tsc_in(repo.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("SACES") || text.contains("202e"),
            "{args:?}: {text}"
        );
        assert_eq!(
            violations(&out.stdout, false, styled),
            Vec::<String>::new(),
            "{args:?}"
        );
        checked += 1;
    }
    assert_eq!(checked, 7);
}

#[test]
fn record_text_cannot_change_the_structure_of_the_diff() {
    let (_tree_dir, tree) = markdown_tree();
    let repo = repository_of(&tree);
    let out = tsc_in(
        repo.path(),
        &["diff", "HEAD~1", "HEAD", "--format", "markdown"],
    );
    let md = stdout(&out);
    let page = cmark_gfm(&md);
    let html = Html::parse_document(&page);
    assert_eq!(count(&html, "a, pre, code, h1, img, table"), 0, "{page}");
    assert_eq!(count(&html, "h2"), 1, "{page}");
    assert!(
        texts(&html, "li")
            .iter()
            .any(|li| li == "text TSC02/10 is now: Confirm https://evil.example/y === ```"),
        "{page}"
    );
}

/// A workflow command after leading white space (the GitHub runner trims
/// it before it reads a line) is escaped like one at the start of a line.
#[test]
fn workflow_command_after_leading_whitespace_is_escaped() {
    let (_dir, root) = copy_tree(&minimal_example());
    let payload = r#""ok\n  ::add-mask::SECAS\n\t::stop-commands::t\n\u00a0##[error]x""#;
    edit(
        &root.join("actions/TSC02-10.yaml"),
        "text: Confirm the example widget count.",
        &format!("text: {payload}"),
    );
    edit(
        &root.join("actions/TSC02-01.yaml"),
        "owner: SECAS",
        &format!("owner: {payload}"),
    );
    let records = root.to_str().unwrap();
    let runs: [&[&str]; 6] = [
        &["validate"],
        &["actions", "--format", "csv"],
        &["actions", "--format", "table"],
        &["show", "TSC02/10"],
        &["minutes", "TSC_02_2402", "--format", "html"],
        &["report", "--format", "html"],
    ];
    for run in runs {
        let args: Vec<&str> = ["--records", records]
            .into_iter()
            .chain(run.iter().copied())
            .collect();
        let out = tsc(&args);
        let text = stdout(&out);
        assert!(
            text.contains("add-mask"),
            "{run:?} did not show the payload: {text}"
        );
        for line in text.lines().chain(stderr(&out).lines()) {
            let trimmed = line.trim_start();
            assert!(
                !trimmed.starts_with("::") && !trimmed.starts_with("##["),
                "{run:?} printed {line:?}:\n{text}"
            );
        }
    }
    let csv = stdout(&tsc(&["--records", records, "actions", "--format", "csv"]));
    assert!(
        csv.contains("\n  \\::add-mask::SECAS\n\t\\::stop-commands::t\n\u{a0}\\##[error]x"),
        "{csv}"
    );
}

/// A record file with CRLF line endings: its quoted lines are shown
/// without the `\r` (once shown as U+FFFD at the end of every line).
#[test]
fn crlf_source_lines() {
    let (_dir, root) = copy_tree(&minimal_example());
    let file = root.join("actions/TSC02-10.yaml");
    edit(&file, "owner: ACME", "owner: NOBODY");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace('\n', "\r\n")).unwrap();
    let out = tsc(&["--records", root.to_str().unwrap(), "validate"]);
    let shown = stdout(&out);
    assert!(
        shown.contains("error[E0103]: unknown owner `NOBODY`"),
        "{shown}"
    );
    assert!(
        shown.lines().any(|l| l.ends_with("| owner: NOBODY")),
        "{shown}"
    );
    assert!(
        !shown.contains('\u{fffd}') && !shown.contains('\r'),
        "{shown:?}"
    );
}

/// A file name with a line break is escaped in the E0202 message and the
/// E0201 help as in the ` --> ` line, so no line of output starts inside it.
#[test]
fn file_names_escaped_in_messages_and_help() {
    let (_dir, root) = copy_tree(&minimal_example());
    let actions = root.join("actions");
    std::fs::copy(actions.join("TSC02-10.yaml"), actions.join("A\nB.yaml")).unwrap();
    let out = tsc(&["--records", root.to_str().unwrap(), "validate"]);
    let shown = stdout(&out);
    assert!(
        shown.contains("error[E0202]: action ID `TSC02/10` does not match the file name `A\\nB`"),
        "{shown}"
    );
    assert!(shown.contains("it is also defined in "), "{shown}");
    assert!(
        shown.contains("actions/A\\nB.yaml; keep one definition"),
        "{shown}"
    );
    assert!(!shown.lines().any(|l| l.starts_with('B')), "{shown}");
}
