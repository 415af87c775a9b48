//! The answers: action filters and sorting, the modification register,
//! listings in every format, minutes, the status report, and the safety
//! of record text in CSV, Markdown and HTML.

mod common;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone};
use common::{copy_tree, edit, minimal_example, real_records, stderr, stdout, tsc};
use scraper::{Html, Selector};
use serde_json::Value;
use tsc::actions::{ActionQuery, ActionSort, query_actions};
use tsc::load::load;
use tsc::today::{is_overdue, today_in};

fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn run_ok(records: &Path, args: &[&str]) -> String {
    let mut all = vec!["--records", records.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = tsc(&all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn json(records: &Path, args: &[&str]) -> Vec<Value> {
    let text = run_ok(records, args);
    let value: Value = serde_json::from_str(&text).expect("JSON that parses");
    assert_eq!(value["version"], 1, "{text}");
    value["rows"]
        .as_array()
        .expect("a JSON array of rows")
        .clone()
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn open_actions_as_of_the_day_after_the_meeting_are_four_json_objects() {
    let rows = json(
        &real_records(),
        &[
            "actions",
            "--open",
            "--as-of",
            "2016-06-17",
            "--format",
            "json",
        ],
    );
    assert_eq!(ids(&rows), ["TSC07/01", "TSC07/02", "TSC07/03", "TSC07/04"]);
    for row in &rows {
        assert_eq!(row["owner"], "SECAS");
        assert_eq!(row["meeting"], "TSC_07_1606");
        assert_eq!(row["raised"], "2016-06-16");
        assert_eq!(row["status"], "open");
        assert_eq!(row["overdue"], false);
        assert!(row["due"].is_null());
    }
    let items: Vec<i64> = rows
        .iter()
        .map(|r| r["agenda_item"].as_i64().unwrap())
        .collect();
    assert_eq!(items, [2, 4, 5, 6]);
}

#[test]
fn status_and_phase_filters_take_ids_in_any_case_and_labels() {
    let open = json(
        &minimal_example(),
        &["actions", "--status", "OPEN", "--format", "json"],
    );
    assert_eq!(ids(&open), ["TSC01/02", "TSC02/01", "TSC02/10"]);
    let phase = json(
        &real_records(),
        &[
            "mods",
            "--status",
            "Initial consideration",
            "--format",
            "json",
        ],
    );
    assert_eq!(ids(&phase), ["SECMP0014"]);
}

#[test]
fn high_interest_register_is_exactly_three_proposals() {
    let rows = json(
        &real_records(),
        &["mods", "--interest", "high", "--format", "json"],
    );
    assert_eq!(ids(&rows), ["SECMP0005", "SECMP0007", "SECMP0014"]);
    assert!(rows.iter().all(|r| r["interest_label"] == "High"));
    assert!(rows.iter().all(|r| r["assessed_at"] == "TSC_07_1606"));
    assert_eq!(rows[2]["title"], "Standardise Formatting of Device ID");
    // The alias and a label spelled differently give the same answer.
    let table = run_ok(&real_records(), &["modifications", "--interest", "High"]);
    let listed: Vec<&str> = table
        .lines()
        .filter_map(|l| l.split('|').nth(1).map(str::trim))
        .filter(|c| c.starts_with("SECMP"))
        .collect();
    assert_eq!(listed, ["SECMP0005", "SECMP0007", "SECMP0014"]);
    let watching = json(
        &real_records(),
        &["mods", "--interest", "Watching Brief", "--format", "json"],
    );
    assert_eq!(watching.len(), 7);
}

#[test]
fn an_unknown_interest_level_is_a_usage_error_and_an_unknown_owner_a_warning() {
    let records = real_records();
    let out = tsc(&[
        "mods",
        "--interest",
        "hihg",
        "--records",
        records.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use one of: high, medium, watching-brief, no-interest"));
    let out = tsc(&[
        "actions",
        "--owner",
        "SECSA",
        "--records",
        records.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out),
        "tsc: warning: no person or organisation has the ID `SECSA`; did you mean `SECAS`?\n"
    );
    assert_eq!(stdout(&out), "no actions match\n");
}

/// A copy of the seed with action TSC07/02's owner written `owner`.
fn seed_with_tsc07_02_owner(owner: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, root) = common::copy_tree(&real_records());
    let file = root.join("actions/TSC07-02.yaml");
    common::edit(&file, "owner: SECAS", &format!("owner: {owner}"));
    (dir, root)
}

/// An owner the table shows can be filtered on even when no person or
/// organisation has that ID (`tsc validate` reports it as E0103): the
/// filter agrees with the table, and the unknown owner is a warning.
#[test]
fn an_owner_only_the_actions_name_can_be_filtered_on() {
    let (_dir, root) = seed_with_tsc07_02_owner("SECSA");
    let records = root.to_str().unwrap();
    let table = run_ok(&root, &["actions", "--format", "csv"]);
    assert!(table.contains("TSC07/02,SECSA,"), "{table}");
    let out = tsc(&[
        "actions",
        "--owner",
        "SECSA",
        "--format",
        "csv",
        "--records",
        records,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{}", stdout(&out));
    assert!(rows[0].starts_with("TSC07/02,SECSA,"), "{}", rows[0]);
    assert!(
        stderr(&out).starts_with("tsc: warning: no person or organisation has the ID `SECSA`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn rendered_minutes_carry_every_fact_of_the_seed() {
    let md = run_ok(&real_records(), &["minutes", "TSC_07_1606"]);
    assert!(md.starts_with("# Technical Sub-Committee (TSC) Final Minutes"));
    assert!(md.contains(
        "**Meeting TSC_07_1606**, meeting number 7, 16 June 2016, 10:00 – 16:00, 8 Fenchurch Place, London, EC3M 4AJ"
    ));
    for name in [
        "Julian Hughes",
        "David Speake (alternate to Rochelle Harrison)",
        "Paul Saker (alternate to Ashley Pocock)",
        "Grahame Weir",
        "Stephanie Shepherd",
        "Colin Rowland",
        "Tim Newton",
        "Alan Creighton",
        "Leigh Page",
        "Andrew Campbell",
        "Tim Boyle",
        "Seamus Gallagher",
        "Matt Roderick",
        "Joana Esgalhado",
        "Alys Garrett (part)",
        "Kevin Atkin (part)",
        "David Barber (part)",
        "Sarah Gratte (part)",
        // Apologies.
        "Andy Knowles",
        "Mike Bennett",
        "Nigel Nash",
    ] {
        assert!(md.contains(name), "{name} missing");
    }
    let apologies = &md[md.find("## Apologies").unwrap()..md.find("## 1.").unwrap()];
    // Organisations as the minutes' apologies table has them: `DECC`, as
    // among the attendees, and `Ofgem`, its name, not its ID.
    assert!(
        apologies.contains("| DECC (Secretary of State) | Mike Bennett |"),
        "{apologies}"
    );
    assert!(apologies.contains("| Ofgem | Nigel Nash |"), "{apologies}");
    assert!(!apologies.contains("OFGEM"), "{apologies}");
    // What the notes already say is not repeated after them.
    assert!(md.contains("Will be considered together with SECMP0011 regarding MAP ID"));
    assert!(!md.contains("Considered together with SECMP0011"), "{md}");
    assert!(md.contains("does not align with Principles 1, 3, and 4"));
    assert!(
        !md.contains("Does not align with principles 1, 3, 4"),
        "{md}"
    );
    for (id, item) in [
        ("TSC07/01", "## 2."),
        ("TSC07/02", "## 4."),
        ("TSC07/03", "## 5."),
        ("TSC07/04", "## 6."),
    ] {
        let line = format!("> **ACTION {id}:** SECAS — ");
        let at = md.find(&line).unwrap_or_else(|| panic!("{line} missing"));
        assert!(
            md[..at].rfind(item) > md[..at].rfind("## 1."),
            "{id} not under {item}"
        );
    }
    let levels = [
        ("SECMP0002", "Watching Brief"),
        ("SECMP0003", "Watching Brief"),
        ("SECMP0004", "Medium"),
        ("SECMP0005", "High"),
        ("SECMP0006", "Watching Brief"),
        ("SECMP0007", "High"),
        ("SECMP0008", "Medium"),
        ("SECMP0009", "Medium"),
        ("SECMP0010", "Watching Brief"),
        ("SECMP0011", "Medium"),
        ("SECMP0012", "Watching Brief"),
        ("SECMP0013", "Watching Brief"),
        ("SECMP0014", "High"),
        ("SECMP0015", "Watching Brief"),
        ("SECMP0016", "No interest"),
        ("SECMP0017", "No interest"),
    ];
    for (id, level) in levels {
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {id} ")))
            .unwrap_or_else(|| panic!("no assessment row for {id}"));
        assert!(row.ends_with(&format!("| {level} |")), "{id}: {row}");
    }
    assert!(md.contains("| SECMP0014 Standardise Formatting of Device ID | Yes | Yes |"));
    let loaded = load(&real_records()).unwrap();
    let mut decisions = 0;
    let meeting = loaded
        .records
        .meetings
        .iter()
        .find(|m| m.record.id.value == "TSC_07_1606")
        .unwrap();
    for item in &meeting.record.agenda {
        for d in &item.decisions {
            let text = format!("- **{}** {}", d.verb.value, d.text.get().trim());
            assert!(md.contains(&text), "{text} missing");
            decisions += 1;
        }
    }
    assert_eq!(decisions, 13);
    assert!(md.contains(
        "- **NOTED** the contents of the paper; and\n- **APPROVED** the TSC Draft Work Package"
    ));
}

#[test]
fn hostile_text_is_safe_in_csv() {
    let text = run_ok(&hostile(), &["mods", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let title = headers.iter().position(|h| h == "title").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][title], "'=HYPERLINK(\"x\")");
    let actions = run_ok(
        &hostile(),
        &["actions", "--format", "csv", "--as-of", "2024-06-01"],
    );
    let mut reader = csv::Reader::from_reader(actions.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[2], "Compare A | B and report <back>.");
    // Numbers and booleans stay unquoted values.
    assert_eq!(&row[5], "1");
    assert_eq!(&row[10], "false");
}

#[test]
fn hostile_text_is_safe_in_markdown() {
    let actions = run_ok(&hostile(), &["actions", "--format", "markdown"]);
    assert!(
        actions.contains("| Compare A \\| B and report &lt;back&gt;. |"),
        "{actions}"
    );
    let md = run_ok(&hostile(), &["minutes", "TSC_09_2405"]);
    assert!(!md.contains("<script>"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
    assert!(
        md.contains("Someone pasted &lt;script&gt;alert(\"x\")&lt;/script&gt; into the minutes.")
    );
    assert!(md.contains("Eve &lt;b&gt;Tester&lt;/b&gt;"));
    // The newline inside the note becomes <br>, the pipe is escaped, and
    // the row stays one table row.
    let row = md.lines().find(|l| l.starts_with("| SECMP0901")).unwrap();
    assert!(
        row.contains("first line<br>second line \\| with a pipe"),
        "{row}"
    );
    assert!(row.ends_with("| High |"));
    assert!(
        md.contains("- **NOTED** that A \\| B is not a table."),
        "{md}"
    );
}

#[test]
fn hostile_text_is_safe_in_html() {
    let page = run_ok(&hostile(), &["minutes", "TSC_09_2405", "--format", "html"]);
    let doc = Html::parse_document(&page);
    assert_eq!(doc.select(&Selector::parse("script").unwrap()).count(), 0);
    assert_eq!(doc.select(&Selector::parse("b").unwrap()).count(), 0);
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("Someone pasted <script>alert(\"x\")</script> into the minutes."));
    assert!(text.contains("Eve <b>Tester</b>"));
    let cells: Vec<String> = doc
        .select(&Selector::parse("td").unwrap())
        .map(|td| td.text().collect())
        .collect();
    assert!(
        cells
            .iter()
            .any(|c| c == "=HYPERLINK(\"x\")" || c.contains("=HYPERLINK(\"x\")"))
    );
    assert!(
        cells
            .iter()
            .any(|c| c.contains("first line") && c.contains("second line | with a pipe"))
    );
    let report = run_ok(
        &hostile(),
        &["report", "--format", "html", "--as-of", "2024-06-02"],
    );
    let doc = Html::parse_document(&report);
    assert_eq!(doc.select(&Selector::parse("script").unwrap()).count(), 0);
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("Compare A | B and report <back>."));
    assert!(text.contains("1 open, 1 overdue."));
}

#[test]
fn report_html_is_one_well_formed_page_with_tables_and_svg_charts() {
    let page = run_ok(
        &real_records(),
        &["report", "--format", "html", "--as-of", "2016-06-17"],
    );
    let doc = Html::parse_document(&page);
    let select = |s: &str| doc.select(&Selector::parse(s).unwrap()).count();
    assert_eq!(select("html > head > style"), 1);
    assert_eq!(select("link"), 0, "no external style sheets");
    assert_eq!(select("script"), 0);
    assert_eq!(select("[src]"), 0, "no external assets");
    assert_eq!(select("figure > svg"), 2);
    assert!(
        select("table") >= 5,
        "open actions, four interest levels, meetings"
    );
    let text: String = doc.root_element().text().collect();
    assert!(text.contains(
        "As of 2016-06-17: only meetings held, actions raised and action updates made by then \
         are counted."
    ));
    assert!(text.contains("Valid: 2 meetings, 16 modification proposals, 4 actions"));
    assert!(text.contains("4 open, 0 overdue."));
    assert!(text.contains("Open actions after each meeting"));
    assert!(text.contains("Proposals by interest level"));
    for level in [
        "High (3)",
        "Medium (4)",
        "Watching Brief (7)",
        "No interest (2)",
    ] {
        assert!(text.contains(level), "{level}");
    }
    // The chart's axis carries the meeting.
    let svg_text: String = doc
        .select(&Selector::parse("svg text").unwrap())
        .flat_map(|t| t.text())
        .collect();
    assert!(svg_text.contains("TSC_07_1606"), "{svg_text}");
}

#[test]
fn report_markdown_groups_open_and_overdue_actions_by_owner() {
    let md = run_ok(&minimal_example(), &["report", "--as-of", "2024-03-02"]);
    assert!(md.contains("As of 2024-03-02: only meetings held"));
    assert!(md.contains("3 open, 2 overdue."));
    let acme = &md[md.find("### ACME").unwrap()..md.find("### SECAS").unwrap()];
    assert!(acme.contains(
        "| TSC02/10 | Confirm the example widget count. | TSC_02_2402 | 2024-02-20 | **overdue** |"
    ));
    // A person owner is headed by name, an organisation by its acronym.
    assert!(md.contains("### Bram Sample"));
    assert!(
        md.contains("| 2024-02-15 | TSC_02_2402 | Draft | 2 | 2 | 2 |"),
        "{md}"
    );
}

#[test]
fn report_output_is_written_atomically_and_never_into_the_records() {
    let (dir, copy) = copy_tree(&minimal_example());
    let target = dir.path().join("report.md");
    let records = copy.to_str().unwrap();
    let args = ["--records", records, "report", "--as-of", "2024-03-02"];
    let printed = stdout(&tsc(&args));
    let out = tsc(&[&args[..], &["--output", target.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), printed);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(
        leftovers, 2,
        "only records/ and report.md; no temporary file left"
    );
    let inside = copy.join("meetings/report.md");
    let out = tsc(&[&args[..], &["--output", inside.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("inside the records directory"));
    assert!(!inside.exists());
}

/// Regression: `report --output site/report.html` without `--format`
/// wrote Markdown into a file named `.html`. The format now follows the
/// file's extension unless `--format` says otherwise.
#[test]
fn report_output_html_file_without_format_is_html() {
    let dir = tempfile::tempdir().unwrap();
    let records = minimal_example();
    let args = [
        "--records",
        records.to_str().unwrap(),
        "report",
        "--as-of",
        "2024-03-02",
    ];
    let html = dir.path().join("report.HTML");
    let out = tsc(&[&args[..], &["--output", html.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(&html).unwrap();
    let expected = stdout(&tsc(&[&args[..], &["--format", "html"]].concat()));
    assert!(written.starts_with("<!DOCTYPE html>"), "{written}");
    assert_eq!(written, expected);

    // Any other name, and standard output, stay Markdown; an explicit
    // --format wins over the extension.
    let text = dir.path().join("report.txt");
    tsc(&[&args[..], &["--output", text.to_str().unwrap()]].concat());
    assert!(std::fs::read_to_string(&text).unwrap().starts_with("# "));
    let md_in_html = dir.path().join("md.html");
    let out = tsc(&[
        &args[..],
        &[
            "--format",
            "markdown",
            "--output",
            md_in_html.to_str().unwrap(),
        ],
    ]
    .concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&md_in_html)
            .unwrap()
            .starts_with("# ")
    );
}

#[cfg(unix)]
#[test]
fn report_output_keeps_an_existing_files_permissions_and_writes_through_pipes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.html");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    let records = minimal_example();
    let args = [
        "--records",
        records.to_str().unwrap(),
        "report",
        "--format",
        "html",
    ];
    let out = tsc(&[&args[..], &["--output", target.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    // `-` is standard output; a directory is refused without being touched.
    let dash = tsc(&[&args[..], &["--output", "-"]].concat());
    assert!(stdout(&dash).starts_with("<!DOCTYPE html>"));
    assert!(
        !std::env::temp_dir().join("-").exists(),
        "no file named `-`"
    );
    let into_dir = tsc(&[&args[..], &["--output", dir.path().to_str().unwrap()]].concat());
    assert_eq!(into_dir.status.code(), Some(2));
    assert!(
        stderr(&into_dir).contains("is a directory"),
        "{}",
        stderr(&into_dir)
    );

    // /dev/null stays a device: the report is written through it.
    let null = tsc(&[&args[..], &["--output", "/dev/null"]].concat());
    assert_eq!(null.status.code(), Some(0), "{}", stderr(&null));
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
}

#[test]
fn actions_sort_by_natural_id_and_by_due_date_with_undated_last() {
    let by_id = json(&minimal_example(), &["actions", "--format", "json"]);
    assert_eq!(
        ids(&by_id),
        ["TSC01/01", "TSC01/02", "TSC02/01", "TSC02/10"]
    );
    let by_due = json(
        &minimal_example(),
        &["actions", "--sort", "due", "--format", "json"],
    );
    assert_eq!(
        ids(&by_due),
        ["TSC01/01", "TSC02/10", "TSC01/02", "TSC02/01"]
    );
    // A tie on the due date is broken by natural ID order.
    let (_dir, copy) = copy_tree(&minimal_example());
    let file = copy.join("actions/TSC02-01.yaml");
    edit(&file, "status: open", "due: 2024-02-20\nstatus: open");
    let tied = json(&copy, &["actions", "--sort", "due", "--format", "json"]);
    assert_eq!(ids(&tied), ["TSC01/01", "TSC02/01", "TSC02/10", "TSC01/02"]);
}

#[test]
fn natural_order_puts_2_before_10_and_99_before_the_next_meeting() {
    let (_dir, copy) = copy_tree(&minimal_example());
    let actions = copy.join("actions");
    for (from, id) in [
        ("TSC02-01", "TSC07/99"),
        ("TSC02-10", "TSC08/01"),
        ("TSC01-01", "TSC07/10"),
        ("TSC01-02", "TSC07/2"),
    ] {
        let text = std::fs::read_to_string(actions.join(format!("{from}.yaml"))).unwrap();
        let old = text
            .lines()
            .find(|l| l.starts_with("id:"))
            .unwrap()
            .to_owned();
        std::fs::write(
            actions.join(format!("{from}.yaml")),
            text.replace(&old, &format!("id: \"{id}\"")),
        )
        .unwrap();
    }
    let loaded = load(&copy).unwrap();
    let rows = query_actions(
        &tsc::index::Index::new(&loaded.records),
        &ActionQuery::all(date("2024-01-01")),
    );
    let got: Vec<&str> = rows.iter().map(|r| r.id).collect();
    assert_eq!(got, ["TSC07/2", "TSC07/10", "TSC07/99", "TSC08/01"]);
}

#[test]
fn filters_combine_and_overdue_starts_the_day_after_the_due_date() {
    let records = minimal_example();
    let on_due_day = json(
        &records,
        &[
            "actions",
            "--overdue",
            "--as-of",
            "2024-03-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(ids(&on_due_day), ["TSC02/10"]);
    let next_day = json(
        &records,
        &[
            "actions",
            "--overdue",
            "--as-of",
            "2024-03-02",
            "--format",
            "json",
        ],
    );
    assert_eq!(ids(&next_day), ["TSC01/02", "TSC02/10"]);
    let closed = json(
        &records,
        &["actions", "--status", "closed", "--format", "json"],
    );
    assert_eq!(ids(&closed), ["TSC01/01"]);
    assert_eq!(closed[0]["closed"], "2024-02-15");
    let secas_open = json(
        &records,
        &["actions", "--open", "--owner", "SECAS", "--format", "json"],
    );
    assert_eq!(ids(&secas_open), ["TSC02/01"]);
    let person = json(
        &records,
        &["actions", "--owner", "bram-sample", "--format", "json"],
    );
    assert_eq!(ids(&person), ["TSC01/02"]);
    let m2 = json(
        &records,
        &["actions", "--meeting", "TSC_02_2402", "--format", "json"],
    );
    assert_eq!(ids(&m2), ["TSC02/01", "TSC02/10"]);
    let before = json(
        &records,
        &[
            "actions",
            "--due-before",
            "2024-02-21",
            "--open",
            "--format",
            "json",
        ],
    );
    assert_eq!(ids(&before), ["TSC02/10"]);
    let loaded = load(&records).unwrap();
    let query = ActionQuery {
        open_only: true,
        due_before: Some(date("2024-03-02")),
        sort: ActionSort::Due,
        ..ActionQuery::all(date("2024-02-25"))
    };
    let rows = query_actions(&tsc::index::Index::new(&loaded.records), &query);
    let flags: Vec<(&str, bool)> = rows.iter().map(|r| (r.id, r.overdue)).collect();
    assert_eq!(flags, [("TSC02/10", true), ("TSC01/02", false)]);
}

/// The local calendar date at `h:m` on `day` in `zone`, as an instant.
fn at<Tz: TimeZone>(zone: &Tz, day: &str, h: u32, m: u32) -> chrono::DateTime<chrono::Utc> {
    let d = date(day);
    zone.from_local_datetime(&d.and_hms_opt(h, m, 0).unwrap())
        .single()
        .unwrap()
        .to_utc()
}

fn check_zone<Tz: TimeZone>(zone: &Tz) {
    let due = date("2024-03-01");
    for (h, m) in [(0, 0), (23, 59)] {
        let today = today_in(at(zone, "2024-03-01", h, m), zone);
        assert_eq!(today, due);
        assert!(!is_overdue(due, today), "due all day, {h}:{m}");
    }
    let today = today_in(at(zone, "2024-03-02", 0, 0), zone);
    assert!(
        is_overdue(due, today),
        "overdue from the next day's first minute"
    );
    let today = today_in(at(zone, "2024-02-29", 23, 59), zone);
    assert!(!is_overdue(due, today));
}

#[test]
fn due_dates_are_whole_days_in_zones_east_and_west_of_utc() {
    check_zone(&chrono_tz::Pacific::Auckland); // UTC+13 in March
    check_zone(&chrono_tz::America::Los_Angeles); // UTC-8 in March
    check_zone(&chrono::FixedOffset::east_opt(5 * 3600 + 1800).unwrap());
    check_zone(&chrono::FixedOffset::west_opt(10 * 3600).unwrap());
    check_zone(&chrono::Utc);
    // One instant, two answers: 2024-03-01T12:00Z is already the 2nd in
    // Auckland but still the 1st in Los Angeles.
    let instant = at(&chrono::Utc, "2024-03-01", 12, 0);
    assert!(is_overdue(
        date("2024-03-01"),
        today_in(instant, &chrono_tz::Pacific::Auckland)
    ));
    assert!(!is_overdue(
        date("2024-03-01"),
        today_in(instant, &chrono_tz::America::Los_Angeles)
    ));
}

#[test]
fn meetings_people_and_organisations_count_what_each_did() {
    let meetings = json(&real_records(), &["meetings", "--format", "json"]);
    // The May 2016 meeting is known only from TSC_07_1606: a stub.
    assert_eq!(meetings.len(), 2);
    assert_eq!(meetings[0]["id"], "TSC_06_1605");
    assert_eq!(meetings[0]["recorded"], false);
    assert_eq!(meetings[0]["date"], "2016-05");
    let m = &meetings[1];
    assert_eq!(
        (m["id"].as_str(), m["date"].as_str()),
        (Some("TSC_07_1606"), Some("2016-06-16"))
    );
    assert_eq!(
        (
            m["attendees"].as_i64(),
            m["apologies"].as_i64(),
            m["decisions"].as_i64(),
            m["actions_raised"].as_i64(),
            m["assessments"].as_i64()
        ),
        (Some(18), Some(3), Some(13), Some(4), Some(16))
    );
    let orgs = json(&real_records(), &["organisations", "--format", "json"]);
    let secas = orgs.iter().find(|o| o["id"] == "SECAS").unwrap();
    assert_eq!(secas["open_actions"], 4);
    assert_eq!(secas["attended"], serde_json::json!(["TSC_07_1606"]));
    let ofgem = orgs.iter().find(|o| o["id"] == "OFGEM").unwrap();
    assert_eq!(ofgem["apologies"], serde_json::json!(["TSC_07_1606"]));
    assert_eq!(ofgem["attended"], serde_json::json!([]));
    let people = json(&minimal_example(), &["people", "--format", "json"]);
    let bram = people.iter().find(|p| p["id"] == "bram-sample").unwrap();
    assert_eq!(bram["actions"], serde_json::json!(["TSC01/02"]));
    assert_eq!(bram["organisation"], "ACME");
}

#[test]
fn show_gives_history_for_every_record_kind() {
    let records = minimal_example();
    let proposal = run_ok(&records, &["show", "SECMP0101"]);
    let first = proposal.find("2024-01-18 TSC_01_2401").unwrap();
    let second = proposal.find("2024-02-15 TSC_02_2402").unwrap();
    assert!(first < second, "assessments in date order");
    assert!(proposal[first..second].contains("interest Medium"));
    assert!(proposal[second..].contains("interest High"));
    let action = run_ok(&records, &["show", "TSC01/01"]);
    assert!(action.contains("Raised: 2024-01-18 TSC_01_2401 under item 2"));
    assert!(action.contains("- 2024-02-15 at TSC_02_2402 [Closed]: The attachment was circulated"));
    assert!(action.contains("Closed: 2024-02-15"));
    let meeting = run_ok(&real_records(), &["show", "TSC_07_1606"]);
    assert!(meeting.contains(
        "6. Modification Development Update — NOTED, CONSIDERED, AGREED — 16 proposals assessed"
    ));
    let person = run_ok(&real_records(), &["show", "julian-hughes"]);
    assert!(person.contains("Attended: TSC_07_1606 (2016-06-16)"));
    // IDs that differ only in case name the same record.
    let organisation = run_ok(&real_records(), &["show", "secas"]);
    assert!(
        organisation.starts_with("Organisation SECAS:"),
        "{organisation}"
    );
    let out = tsc(&[
        "show",
        "SECMP0041",
        "--records",
        real_records().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `SECMP0011`?"));
}

/// Regression: a merge left `tsc show MEETING` printing "Actions
/// reviewed" twice (the second time without owner or status, from a scan
/// of every action), and status ids (`closed`) where the listing shows
/// labels (`Closed`); the report's "Since the last meeting" did the same.
#[test]
fn show_meeting_lists_reviewed_actions_once_with_status_labels() {
    let meeting = run_ok(&minimal_example(), &["show", "TSC_02_2402"]);
    assert_eq!(meeting.matches("Actions reviewed").count(), 1, "{meeting}");
    assert!(meeting.contains("Actions reviewed (1):\n- TSC01/01 (SECAS, Closed): The attachment was circulated; the committee agreed to close the action.\n"), "{meeting}");
    let report = run_ok(&minimal_example(), &["report", "--as-of", "2024-03-02"]);
    assert!(report.contains("| TSC01/01 | SECAS | Circulate the example attachment to members. | Closed | 2024-02-15 |"), "{report}");
}

/// Regression: principles are records too, but `tsc show 3` said "no
/// record has the ID `3`".
#[test]
fn show_principle_by_number_gives_wording_status_and_misaligned_proposals() {
    let three = run_ok(&real_records(), &["show", "3"]);
    assert!(three.starts_with("Principle 3\n===========\nImpact to the Technical/ Business Architecture should be limited, unless significant benefit is identified.\nStatus: Agreed (decided at 2016-06-16 TSC_07_1606)\n"), "{three}");
    assert!(three.contains("\nNotes:\n\n- It was noted that the reason behind this principle is to give stability of operating design.\n"), "{three}");
    assert!(
        three.ends_with("Proposals assessed as not aligning with it (1):\n\n- 2016-06-16 TSC_07_1606 (item 6): SECMP0014\n"),
        "{three}"
    );
    // Principle 2 has no misaligned proposal in the seed.
    assert!(!run_ok(&real_records(), &["show", "2"]).contains("not aligning"));

    // A merged principle names where it went, and the survivor names it.
    let (_dir, copy) = copy_tree(&minimal_example());
    let path = copy.join("principles.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "    status: agreed\n    decided_at: TSC_01_2401\n    notes:",
        "    status: merged\n    merged_into: 1\n    decided_at: TSC_02_2402\n    notes:",
    );
    std::fs::write(&path, text).unwrap();
    let two = run_ok(&copy, &["show", "2"]);
    assert!(
        two.contains("Status: Merged, into principle 1 (decided at 2024-02-15 TSC_02_2402)\n"),
        "{two}"
    );
    assert!(run_ok(&copy, &["show", "1"]).contains("Merged into it: 2\n"));
}

#[test]
fn completions_and_man_page_need_no_records() {
    let out = tsc(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The dynamic script: bash asks tsc for candidates.
    assert!(
        stdout(&out).contains("COMPLETE=\"bash\""),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out)
            .contains("complete -o nospace -o bashdefault -o nosort -F _clap_complete_tsc tsc")
    );
    let out = tsc(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(".TH tsc 1"));

    // Every page tsc(1) refers to exists, with that command's options.
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man1");
    let out = tsc(&["man", "--out-dir", pages.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let actions = std::fs::read_to_string(pages.join("tsc-actions.1")).unwrap();
    assert!(actions.contains(".TH tsc-actions 1"), "{actions}");
    assert!(actions.contains("overdue"), "{actions}");
    for command in [
        "validate",
        "mods",
        "minutes",
        "report",
        "show",
        "diff",
        "log",
        "init",
        "organisation",
    ] {
        assert!(
            pages.join(format!("tsc-{command}.1")).is_file(),
            "{command}"
        );
    }
    // Every page tsc(1) names exists: no tsc-help(1).
    let top = std::fs::read_to_string(pages.join("tsc.1")).unwrap();
    let named: Vec<&str> = top
        .lines()
        .filter_map(|l| l.strip_prefix("tsc\\-").and_then(|l| l.strip_suffix("(1)")))
        .collect();
    assert_eq!(named.len(), 20, "{named:?}");
    assert!(!named.contains(&"help"), "{named:?}");
    for name in named {
        assert!(pages.join(format!("tsc-{name}.1")).is_file(), "{name}");
    }
}

/// A page as `man` shows it at 80 columns.
fn man_page(path: &Path) -> String {
    let out = std::process::Command::new("man")
        .arg("-l")
        .arg(path)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("MAN_KEEP_FORMATTING", "0")
        .env_remove("MANROFFOPT")
        .output()
        .expect("man runs (installed by scripts/test.sh)");
    assert!(out.status.success(), "{}", stderr(&out));
    // Plain text: drop the overstrike bold and underline.
    let text = stdout(&out);
    let mut plain = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if i + 2 < chars.len() && chars[i + 1] == '\u{8}' {
            i += 2;
            continue;
        }
        plain.push(chars[i]);
        i += 1;
    }
    plain
}

#[test]
fn man_pages_have_exit_status_environment_files_and_value_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = tsc(&["man", "--out-dir", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let top = man_page(&dir.path().join("tsc.1"));
    for section in ["SYNOPSIS", "EXIT STATUS", "ENVIRONMENT", "FILES"] {
        assert!(
            top.lines().any(|l| l == section),
            "{section} missing:\n{top}"
        );
    }
    for variable in [
        "TSC_RECORDS",
        "TSC_CACHE_DIR",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
    ] {
        assert!(
            top.contains(&format!("       {variable}\n")),
            "{variable}:\n{top}"
        );
    }
    // The synopsis may wrap, and man justifies the lines it wraps.
    let words = top.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("tsc [--records DIR] [--color WHEN] [--cache-dir DIR] [--no-cache]"),
        "{top}"
    );
    assert!(!top.contains("tsc-help"), "{top}");
    let actions = man_page(&dir.path().join("tsc-actions.1"));
    assert!(actions.contains("[--owner ORG|PERSON]"), "{actions}");
    assert!(actions.contains("[--status S]"), "{actions}");
    assert!(actions.contains("EXIT STATUS"), "{actions}");
}

#[test]
fn piped_tables_are_plain_ascii() {
    let text = run_ok(&real_records(), &["mods", "--width", "80"]);
    assert!(!text.contains(['─', '│', '┌', '═']), "{text}");
    assert!(
        text.contains("| SECMP0002  |"),
        "IDs are never split: {text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn listing_tables_fit_80_columns_without_breaking_short_words() {
    let records = real_records();
    for command in ["mods", "meetings", "people", "organisations", "actions"] {
        let out = tsc(&[
            "--records",
            records.to_str().unwrap(),
            command,
            "--width",
            "80",
        ]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let text = stdout(&out);
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "{command}: {line}");
        }
    }
    let mods = stdout(&tsc(&[
        "--records",
        records.to_str().unwrap(),
        "mods",
        "--width",
        "80",
    ]));
    // Each phase and the titles' words stay whole when there is room.
    assert_eq!(mods.matches("| Refinement ").count(), 15, "{mods}");
    assert!(mods.contains("| Add New "), "{mods}");
    // 16 proposals in at most 41 lines (40 when the phase was shown by its
    // ID, `initial-consideration`, which could break at its hyphen; its
    // label, "Initial consideration", keeps its words whole), and no word
    // of 12 characters or fewer broken: every such word of every title is
    // whole in the table.
    assert!(
        mods.lines().count() <= 41,
        "{} lines:\n{mods}",
        mods.lines().count()
    );
    let cells: std::collections::HashSet<&str> = mods
        .split(|c: char| c.is_whitespace() || c == '|')
        .collect();
    for row in json(&records, &["mods", "--format", "json"]) {
        for word in row["title"].as_str().unwrap().split_whitespace() {
            if word.chars().count() <= 12 {
                assert!(cells.contains(word), "`{word}` broken:\n{mods}");
            }
        }
    }
    assert!(mods.contains("| SECMP0014  |"), "{mods}");
    assert!(mods.contains("| Initial consideration |"), "{mods}");
    // IDs and numbers never wrap; headers are abbreviated instead.
    let meetings = stdout(&tsc(&[
        "--records",
        records.to_str().unwrap(),
        "meetings",
        "--width",
        "80",
    ]));
    assert!(
        meetings.contains("| 2016-06-16 | TSC_07_1606 | 7   | Final    | 18 "),
        "{meetings}"
    );
    assert!(meetings.contains("| Asse. |"), "{meetings}");
    let people = stdout(&tsc(&[
        "--records",
        records.to_str().unwrap(),
        "people",
        "--width",
        "80",
    ]));
    assert!(people.contains("| alan-creighton     | Alan "), "{people}");
}

#[test]
fn piped_tables_have_a_header_rule_with_junctions() {
    let text = run_ok(&real_records(), &["meetings"]);
    let rule = text.lines().nth(2).unwrap();
    assert_eq!(
        rule,
        "+============+=============+=====+==============+===========+===========+=========+=============+"
    );
    assert!(
        text.lines()
            .next()
            .unwrap()
            .starts_with("+------------+-------------+")
    );
}

#[test]
fn a_decision_written_with_its_own_full_stop_gets_no_second_one() {
    let (_dir, copy) = copy_tree(&minimal_example());
    edit(
        &copy.join("meetings/TSC_01_2401.yaml"),
        "text: the contents of the paper",
        "text: the contents of the paper.",
    );
    for format in ["markdown", "html"] {
        let out = tsc(&[
            "--records",
            copy.to_str().unwrap(),
            "minutes",
            "TSC_01_2401",
            "--format",
            format,
        ]);
        let text = stdout(&out);
        assert!(text.contains("the contents of the paper."), "{text}");
        assert!(!text.contains("paper.."), "{format}: {text}");
    }
}

#[test]
fn the_report_counts_warnings_beside_errors() {
    let (_dir, copy) = copy_tree(&minimal_example());
    let secmp0102 = copy.join("modifications/SECMP0102.yaml");
    // SECMP0102 stops listing SECMP0101 as related: W0601 on SECMP0101.
    edit(&secmp0102, "related:\n  - SECMP0101\n", "");
    let text = run_ok(&copy, &["report", "--as-of", "2024-03-02"]);
    assert!(text.contains("Valid, with 1 warning: 2 meetings"), "{text}");
    // And a proposal related to itself as well: an error beside it.
    edit(&secmp0102, "notes:", "related: [SECMP0102]\nnotes:");
    let text = run_ok(&copy, &["report", "--as-of", "2024-03-02"]);
    assert!(
        text.contains("1 error and 1 warning in the records"),
        "{text}"
    );
}

#[test]
fn minutes_of_a_meeting_whose_file_does_not_load_say_so() {
    let (_dir, copy) = copy_tree(&minimal_example());
    edit(
        &copy.join("meetings/TSC_01_2401.yaml"),
        "location:",
        "locaton:",
    );
    let out = tsc(&[
        "--records",
        copy.to_str().unwrap(),
        "minutes",
        "TSC_01_2401",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the meeting file for `TSC_01_2401` could not be read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_sections_are_left_out_or_say_none() {
    // Rochelle Harrison is named only as the member an alternate stood in for.
    let person = run_ok(&real_records(), &["show", "rochelle-harrison"]);
    assert!(person.contains("Attended: none"), "{person}");
    assert!(
        person.trim_end().ends_with("Actions owned: none"),
        "{person}"
    );
    let (_dir, copy) = copy_tree(&minimal_example());
    let meeting = copy.join("meetings/TSC_02_2402.yaml");
    let text = std::fs::read_to_string(&meeting).unwrap();
    let start = text.find("attendees:").unwrap();
    let end = text
        .find("apologies:")
        .or_else(|| text.find("agenda:"))
        .unwrap();
    std::fs::write(&meeting, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let minutes = run_ok(&copy, &["minutes", "TSC_02_2402"]);
    assert!(!minutes.contains("## Attendees"), "{minutes}");
}

#[test]
fn report_as_of_counts_only_what_existed_by_then() {
    // On 2024-02-10 only TSC_01_2401 had been held; TSC01/01 (closed at
    // TSC_02_2402 on 2024-02-15) was still open and, due 2024-02-01,
    // overdue; TSC02/01 and TSC02/10 had not been raised.
    let md = run_ok(&minimal_example(), &["report", "--as-of", "2024-02-10"]);
    assert!(md.contains(
        "As of 2024-02-10: only meetings held, actions raised and action updates made by then \
         are counted."
    ));
    assert!(
        md.contains("Valid: 1 meeting, 2 modification proposals, 2 actions"),
        "{md}"
    );
    assert!(md.contains("2 open, 1 overdue."), "{md}");
    assert!(md.contains(
        "| TSC01/01 | Circulate the example attachment to members. | TSC_01_2401 | 2024-02-01 | **overdue** |"
    ), "{md}");
    assert!(!md.contains("TSC02/10"), "{md}");
    assert!(!md.contains("TSC_02_2402"), "{md}");
    // The day of the closing update counts it: closed by the end of the day.
    let md = run_ok(&minimal_example(), &["report", "--as-of", "2024-02-15"]);
    assert!(md.contains("3 open, 0 overdue."), "{md}");
    // Not an open action any more; listed among the closures instead.
    assert!(
        !md.contains("| TSC01/01 | Circulate the example attachment to members. | TSC_01_2401 |"),
        "{md}"
    );
    assert!(
        md.contains("| TSC01/01 | SECAS | Circulate the example attachment to members. | Closed | 2024-02-15 |"),
        "{md}"
    );
    // Without --as-of, the report says the day it was generated for.
    let md = run_ok(&minimal_example(), &["report"]);
    assert!(md.contains("Generated for "), "{md}");
}

/// Runs `script` with `sh -c`, with `$TSC` the binary and `$RECORDS` the
/// example records, in `dir`.
fn shell(dir: &Path, script: &str) -> std::process::Output {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("TSC", env!("CARGO_BIN_EXE_tsc"))
        .env("RECORDS", minimal_example())
        .env_remove("TSC_RECORDS")
        .output()
        .unwrap();
    assert!(out.status.success(), "{script}: {}", stderr(&out));
    out
}

#[cfg(unix)]
#[test]
fn report_output_to_our_standard_output_appends_through_the_shells_redirection() {
    let dir = tempfile::tempdir().unwrap();
    let report = stdout(&tsc(&[
        "--records",
        minimal_example().to_str().unwrap(),
        "report",
        "--as-of",
        "2024-03-02",
    ]));
    assert!(report.starts_with("# "), "{report}");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    for target in ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"] {
        shell(
            dir.path(),
            &format!(
                "printf 'PREVIOUS\\n' > s.md; \"$TSC\" --records \"$RECORDS\" report --as-of 2024-03-02 --output {target} >> s.md"
            ),
        );
        assert_eq!(read("s.md"), format!("PREVIOUS\n{report}"), "{target}");
        shell(
            dir.path(),
            &format!(
                "{{ echo HEADER; \"$TSC\" --records \"$RECORDS\" report --as-of 2024-03-02 --output {target}; echo FOOTER; }} > g.md"
            ),
        );
        assert_eq!(
            read("g.md"),
            format!("HEADER\n{report}FOOTER\n"),
            "{target}"
        );
    }
    shell(
        dir.path(),
        "{ echo HEADER >&2; \"$TSC\" --records \"$RECORDS\" report --as-of 2024-03-02 --output /dev/stderr; echo FOOTER >&2; } 2> e.md",
    );
    assert_eq!(read("e.md"), format!("HEADER\n{report}FOOTER\n"));
    // The file standard output is open on, named by its own path, and
    // another open descriptor: written through, never replaced.
    shell(
        dir.path(),
        "printf 'PREVIOUS\\n' > s.md; \"$TSC\" --records \"$RECORDS\" report --as-of 2024-03-02 --output s.md >> s.md",
    );
    assert_eq!(read("s.md"), format!("PREVIOUS\n{report}"));
    shell(
        dir.path(),
        "printf 'PREVIOUS\\n' > t.md; \"$TSC\" --records \"$RECORDS\" report --as-of 2024-03-02 --output /dev/fd/3 3>> t.md",
    );
    assert_eq!(read("t.md"), format!("PREVIOUS\n{report}"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".tsc-report-")),
        "{names:?}"
    );
}

#[cfg(unix)]
#[test]
fn report_output_refuses_a_read_only_file_and_keeps_an_owner() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.md");
    std::fs::write(&target, "KEEP\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
    let records = minimal_example();
    let args = ["--records", records.to_str().unwrap(), "report", "--output"];
    let out = tsc(&[&args[..], &[target.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is read-only; refusing to replace it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "KEEP\n");

    // Replacing a file keeps its owner and group where the process may:
    // root may give the new file any owner, so the test checks a foreign
    // one; anyone else keeps their own.
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let me = std::fs::metadata(dir.path()).unwrap().uid();
    let owner = if me == 0 { 65534 } else { me };
    if me == 0 {
        std::os::unix::fs::chown(&target, Some(owner), Some(owner)).unwrap();
    }
    let out = tsc(&[&args[..], &[target.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::metadata(&target).unwrap();
    assert_eq!((meta.uid(), meta.mode() & 0o777), (owner, 0o640));
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("# "));
}

#[test]
fn a_temporary_file_left_by_a_killed_write_is_ignored_and_then_removed() {
    let (dir, copy) = copy_tree(&minimal_example());
    let target = dir.path().join("report.md");
    assert_eq!(
        tsc::output::file::temp_prefix(&target),
        ".tsc-report-report.md."
    );
    // What `kill -9` during a write leaves: the temporary file, half full.
    let leftover = dir.path().join(".tsc-report-report.md.Ab3dE9.tmp");
    std::fs::write(&leftover, "# Technical Sub-Comm").unwrap();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&leftover)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    // A young one may be another tsc's write in progress: it is kept.
    let in_progress = dir.path().join(".tsc-report-report.md.Xy7kL2.tmp");
    std::fs::write(&in_progress, "# Technical").unwrap();
    let other = dir.path().join(".tsc-report-other.md.Ab3dE9.tmp");
    std::fs::write(&other, "another target's").unwrap();
    // One in the records tree is not a record (the loader skips it).
    std::fs::write(copy.join("actions/.tsc-report-x.md.Ab3dE9.tmp"), "id: [").unwrap();
    let records = copy.to_str().unwrap();
    let valid = tsc(&["--records", records, "validate"]);
    assert_eq!(valid.status.code(), Some(0), "{}", stdout(&valid));
    let out = tsc(&[
        "--records",
        records,
        "report",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!leftover.exists(), "the next write removes its leftover");
    assert!(
        in_progress.exists(),
        "a temporary file younger than ten minutes is left alone"
    );
    assert!(
        other.exists(),
        "another target's temporary file is left alone"
    );
}

#[test]
fn show_counts_one_proposal_assessed_in_the_singular() {
    let (_dir, copy) = copy_tree(&minimal_example());
    edit(
        &copy.join("meetings/TSC_02_2402.yaml"),
        "      - modification: SECMP0102\n        ec_notification: \"no\"\n        interest: no-interest\n",
        "",
    );
    let text = run_ok(&copy, &["show", "TSC_02_2402"]);
    assert!(
        text.contains("  2. Modification Development Update — CONSIDERED — 1 proposal assessed\n"),
        "{text}"
    );
    let two = run_ok(&minimal_example(), &["show", "TSC_02_2402"]);
    assert!(two.contains(" — 2 proposals assessed\n"), "{two}");
}

#[test]
fn show_wraps_to_the_width_with_a_hanging_indent() {
    let text = run_ok(&real_records(), &["show", "SECMP0008", "--width", "50"]);
    assert!(text.lines().all(|l| l.chars().count() <= 50), "{text}");
    assert!(
        text.contains(
            "- 2016-06-16 TSC_07_1606 (item 6, Modification\n  Development Update): interest Medium\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  Impact: technical yes, business yes; EC\n          notification: -\n"),
        "{text}"
    );
    let action = run_ok(&real_records(), &["show", "TSC07/01", "--width", "50"]);
    assert!(
        action.contains("Action: Amend the levels of consultant resource\n        allocated under"),
        "{action}"
    );
    // Piped without --width: lines as they are.
    let piped = run_ok(&real_records(), &["show", "SECMP0008"]);
    assert!(piped.contains(
        "- 2016-06-16 TSC_07_1606 (item 6, Modification Development Update): interest Medium\n"
    ));
}

#[test]
fn minutes_remark_on_principles_and_joint_consideration_only_when_the_notes_do_not() {
    let (_dir, copy) = copy_tree(&real_records());
    let meeting = copy.join("meetings/TSC_07_1606.yaml");
    edit(
        &meeting,
        "Will be considered together with SECMP0011 regarding MAP ID, for efficiency of implementation.",
        "To be taken forward for efficiency of implementation.",
    );
    edit(
        &meeting,
        "The TSC stated this Modification Proposal does not align with Principles 1, 3, and 4.",
        "The TSC discussed the principles.",
    );
    let md = run_ok(&copy, &["minutes", "TSC_07_1606"]);
    assert!(md.contains("Considered together with SECMP0011"), "{md}");
    assert!(
        md.contains("Does not align with principles 1, 3, 4"),
        "{md}"
    );
}

/// `--output /dev/fd/3` where descriptor 3 is open on a record file is
/// refused like that file's own path, and the record is left as it was.
#[cfg(target_os = "linux")]
#[test]
fn report_output_descriptor_into_records() {
    let (_dir, copy) = copy_tree(&minimal_example());
    let record = copy.join("people.yaml");
    let before = std::fs::read_to_string(&record).unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec 3<\"$1\"; exec \"$2\" --records \"$3\" report --output /dev/fd/3")
        .args([
            "sh",
            record.to_str().unwrap(),
            env!("CARGO_BIN_EXE_tsc"),
            copy.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("inside the records directory"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&record).unwrap(), before);
}

/// `--owner SECAS` does not list an action whose owner is written `secas`
/// (an unknown owner to `tsc validate`, and not counted for SECAS by `tsc
/// organisations`); `--owner secas` lists it, with a warning, and an
/// unknown `--meeting` is a warning too.
#[test]
fn owner_filter_matches_ids_exactly() {
    let (_dir, root) = seed_with_tsc07_02_owner("secas");
    let records = root.to_str().unwrap();
    let ids = |owner: &str| {
        let out = tsc(&[
            "actions",
            "--owner",
            owner,
            "--format",
            "csv",
            "--records",
            records,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        let ids: Vec<String> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect();
        (ids, stderr(&out))
    };
    let (secas, warning) = ids("SECAS");
    assert!(!secas.contains(&"TSC07/02".to_owned()), "{secas:?}");
    assert!(!secas.is_empty());
    assert_eq!(warning, "");
    let (lower, warning) = ids("secas");
    assert_eq!(lower, ["TSC07/02"]);
    assert_eq!(
        warning,
        "tsc: warning: no person or organisation has the ID `secas`; did you mean `SECAS`?\n"
    );
    let out = tsc(&["actions", "--meeting", "TSC_07_1607", "--records", records]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "tsc: warning: no meeting has the ID `TSC_07_1607`; did you mean `TSC_07_1606`?\n"
    );
    assert_eq!(stdout(&out), "no actions match\n");
}
