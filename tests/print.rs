//! Printed documents: the minutes and the report are printed to A4 PDF by
//! headless Chromium (`--print-to-pdf`, installed by scripts/test.sh with
//! apt-get), and the PDF is read back with poppler's pdfinfo and pdftotext.

mod common;

#[allow(dead_code)]
#[path = "../examples/synth/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{real_records, stderr, stdout, tsc};
use serde_json::Value;

/// Prints `html` to a PDF in `dir` and returns its path.
fn print_to_pdf(dir: &Path, name: &str, html: &str) -> PathBuf {
    let page = dir.join(format!("{name}.html"));
    std::fs::write(&page, html).unwrap();
    let pdf = dir.join(format!("{name}.pdf"));
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .env("HOME", dir)
        .output()
        .expect("chromium runs (installed by scripts/test.sh)");
    assert!(pdf.is_file(), "no PDF: {}", stderr(&out));
    pdf
}

/// pdfinfo's `Pages:` and `Page size:` values.
fn info(pdf: &Path) -> (usize, String) {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let text = stdout(&out);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map_or_else(|| panic!("{name} not in {text}"), |v| v.trim().to_owned())
    };
    (field("Pages:").parse().unwrap(), field("Page size:"))
}

/// The text of each page, laid out as printed.
fn pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    stdout(&out)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

fn html_of(args: &[&str]) -> String {
    let records = real_records();
    let mut all = vec!["--records", records.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = tsc(&all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn the_minutes_print_on_a4_with_headings_kept_with_what_follows() {
    let dir = tempfile::tempdir().unwrap();
    let html = html_of(&["minutes", "TSC_07_1606", "--format", "html"]);
    let pdf = print_to_pdf(dir.path(), "minutes", &html);
    let (count, size) = info(&pdf);
    assert!(size.ends_with("(A4)"), "{size}");
    let text = pages(&pdf);
    assert_eq!(text.len(), count);
    // Ten pages with Chromium's default fonts; the bounds leave room for
    // other fonts, not for a layout that falls apart.
    assert!((8..=12).contains(&count), "{count} pages");
    let all = text.join("\n");
    for fact in [
        "ACTION TSC07/01:",
        "ACTION TSC07/04:",
        "Ofgem",
        "Nigel Nash",
        "SECMP0017",
        "There was no further business",
    ] {
        assert!(all.contains(fact), "{fact} missing");
    }
    // No page ends with a heading: an agenda item's heading is followed on
    // its own page by what it heads.
    let headings: Vec<String> = (1..=8).map(|n| format!("{n}. ")).collect();
    for (i, page) in text.iter().enumerate() {
        let last = page.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
        assert!(
            !headings
                .iter()
                .any(|h| last.trim_start().starts_with(h.as_str()) && last.trim().len() < 60),
            "page {} ends with the heading `{last}`",
            i + 1
        );
    }
    // The assessment table's header row is repeated on every page it runs
    // onto.
    let continued = text
        .iter()
        .filter(|p| p.trim_start().starts_with("Modification"))
        .count();
    assert!(continued >= 2, "{continued}");
}

#[test]
fn the_report_prints_on_a4_with_whole_dates() {
    let dir = tempfile::tempdir().unwrap();
    let html = html_of(&["report", "--format", "html", "--as-of", "2016-07-01"]);
    // Charts fill the column and their labels are readable.
    assert!(html.contains("<svg width=\"900\" height=\"360\""), "{html}");
    let sizes: Vec<f64> = html
        .split("font-size=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert!(sizes.len() > 10, "{sizes:?}");
    assert!(
        sizes.iter().all(|&s| s >= 12.0),
        "axis text under 12 px: {sizes:?}"
    );
    let pdf = print_to_pdf(dir.path(), "report", &html);
    let (count, size) = info(&pdf);
    assert!(size.ends_with("(A4)"), "{size}");
    assert!((2..=4).contains(&count), "{count} pages");
    let all = pages(&pdf).join("\n");
    assert!(all.contains("TSC07/01"), "{all}");
    // Dates never wrap (`2016-` / `06-16`).
    assert!(
        !all.lines().any(|l| l.trim_end().ends_with("2016-")),
        "{all}"
    );
    assert!(all.matches("2016-06-16").count() >= 16, "{all}");
}

/// The script that measures each chart as laid out (see the file).
const CHART_LAYOUT_JS: &str = include_str!("fixtures/print/chart-layout.js");

/// Each chart of `html` as headless Chromium lays it out in a window
/// `width` CSS px wide: the measurements of `fixtures/print/chart-layout.js`
/// (`viewBox`, `width`, `columnWidth`, and `texts` with their boxes in SVG
/// units and `px` font sizes).
fn chart_layout(dir: &Path, html: &str, width: u32) -> Vec<Value> {
    let page = dir.join(format!("layout-{width}.html"));
    let script = format!("<script>{CHART_LAYOUT_JS}</script></body>");
    std::fs::write(&page, html.replace("</body>", &script)).unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--dump-dom",
        ])
        .arg(format!("--window-size={width},1200"))
        .arg(format!("file://{}", page.display()))
        .env("HOME", dir)
        .output()
        .expect("chromium runs (installed by scripts/test.sh)");
    let dom = stdout(&out);
    let json = dom
        .rsplit_once("<pre id=\"chart-layout\">")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map_or_else(
            || panic!("no measurements: {}", stderr(&out)),
            |(json, _)| {
                json.replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
            },
        );
    serde_json::from_str::<Value>(&json)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Every chart fills its column, and each of its text elements lies
/// inside the SVG's viewBox and is drawn at 10 px or more.
fn assert_charts_fit(charts: &[Value], width: u32, x_labels: &[&[&str]]) {
    assert_eq!(charts.len(), x_labels.len(), "{charts:?}");
    for (chart, labels) in charts.iter().zip(x_labels) {
        let num = |v: &Value| v.as_f64().unwrap();
        let (w, h) = (num(&chart["viewBox"][0]), num(&chart["viewBox"][1]));
        let (drawn, column) = (num(&chart["width"]), num(&chart["columnWidth"]));
        assert!(
            (drawn - column).abs() < 1.0,
            "at {width} px: chart {drawn} px wide in a {column} px column"
        );
        let texts = chart["texts"].as_array().unwrap();
        for t in texts {
            let what = format!("at {width} px: {t}");
            assert!(num(&t["left"]) >= 0.0 && num(&t["top"]) >= 0.0, "{what}");
            assert!(num(&t["right"]) <= w && num(&t["bottom"]) <= h, "{what}");
            assert!(num(&t["px"]) >= 10.0, "{what}");
        }
        let shown: Vec<&str> = texts.iter().map(|t| t["text"].as_str().unwrap()).collect();
        for label in *labels {
            assert!(
                shown.contains(label),
                "at {width} px: {label} not in {shown:?}"
            );
        }
    }
}

#[test]
fn report_charts_fill_the_column_with_readable_unclipped_text() {
    let dir = tempfile::tempdir().unwrap();
    let html = html_of(&["report", "--format", "html", "--as-of", "2016-07-01"]);
    // 24 meetings of the synthetic generator: five x labels, the longest
    // IDs, and five interest levels.
    let synth = dir.path().join("synth");
    generate::generate(&synth, 24, 1).unwrap();
    let out = tsc(&[
        "--records",
        synth.to_str().unwrap(),
        "report",
        "--format",
        "html",
        "--as-of",
        "2002-01-31",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let long = stdout(&out);
    // A 1280 px screen (a 960 px column), and A4 as printed: 210 mm less
    // the print style sheet's 14 mm margins is a 688 px column, which a
    // 720 px window gives on screen (the body's 16 px padding each side).
    for width in [1280, 720] {
        let charts = chart_layout(dir.path(), &html, width);
        let levels = ["High", "Medium", "Watching Brief", "No interest"];
        assert_charts_fit(&charts, width, &[&["TSC_06_1605", "TSC_07_1606"], &levels]);
        let charts = chart_layout(dir.path(), &long, width);
        let x = ["TSC_01_0001", "TSC_06_0006", "TSC_21_0109"];
        let levels = [&levels[..], &["Not assessed"]].concat();
        assert_charts_fit(&charts, width, &[&x, &levels]);
    }
}
