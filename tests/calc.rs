//! LibreOffice Calc opening `tsc`'s CSV (`libreoffice-calc-nogui`,
//! installed by scripts/test.sh with apt-get): each CSV is converted by
//! `soffice --headless --convert-to html` and the cells are read back.
//!
//! What Calc 7.4 does, and so what these tests pin (docs/output.md,
//! "Encoding"):
//! - opened without filter options (the command line's `--convert-to`, and
//!   any program driving Calc through its API), Calc reads a CSV as
//!   Windows-1252 and does not look for a byte-order mark, so non-ASCII
//!   names come out as mojibake with or without `--bom`, and the mark
//!   itself shows as `ï»¿` before the first header;
//! - told the file is UTF-8, which is what the Text Import dialog
//!   preselects when it finds the mark (the dialog a double-click opens;
//!   it cannot run headless), Calc keeps the names and drops the mark.

mod common;

use std::path::Path;
use std::process::Command;

use common::{copy_tree, edit, real_records, stderr, tsc};
use scraper::{Html, Selector};

const NAME: &str = "Zoë Müller – résumé";

/// `tsc people --format csv` on the real records with Julian Hughes
/// renamed to [`NAME`], with `extra` arguments (`--bom`).
fn people_csv(extra: &[&str]) -> Vec<u8> {
    let (_dir, root) = copy_tree(&real_records());
    edit(
        &root.join("people.yaml"),
        "name: Julian Hughes",
        &format!("name: {NAME}"),
    );
    let mut args = vec![
        "--records",
        root.to_str().unwrap(),
        "people",
        "--format",
        "csv",
    ];
    args.extend_from_slice(extra);
    let out = tsc(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    out.stdout
}

/// The cells of the sheet Calc makes of `csv`, row by row: the file is
/// written to `dir` as `name.csv`, opened by Calc (with the CSV filter's
/// `options` when given, else Calc's default) and saved as HTML. Calc runs
/// with its own profile in `dir`, so tests never share one.
fn calc_cells(dir: &Path, name: &str, csv: &[u8], options: Option<&str>) -> Vec<Vec<String>> {
    let input = dir.join(format!("{name}.csv"));
    std::fs::write(&input, csv).unwrap();
    let out_dir = dir.join(format!("{name}-out"));
    let mut soffice = Command::new("soffice");
    soffice
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join(format!("{name}-profile")).display()
        ))
        .arg("--headless");
    if let Some(options) = options {
        soffice.arg(format!("--infilter=Text - txt - csv (StarCalc):{options}"));
    }
    let out = soffice
        .args(["--convert-to", "html", "--outdir"])
        .arg(&out_dir)
        .arg(&input)
        .env("HOME", dir)
        .output()
        .expect("soffice runs (libreoffice-calc-nogui, installed by scripts/test.sh)");
    let html = std::fs::read_to_string(out_dir.join(format!("{name}.html")))
        .unwrap_or_else(|e| panic!("no HTML from soffice ({e}): {}", stderr(&out)));
    let doc = Html::parse_document(&html);
    let (tr, td) = (
        Selector::parse("tr").unwrap(),
        Selector::parse("td").unwrap(),
    );
    doc.select(&tr)
        .map(|row| {
            row.select(&td)
                .map(|cell| cell.text().collect::<String>().trim().to_owned())
                .collect()
        })
        .collect()
}

/// The row of `cells` whose first cell is `id`.
fn row<'a>(cells: &'a [Vec<String>], id: &str) -> &'a [String] {
    cells
        .iter()
        .find(|r| r.first().is_some_and(|c| c == id))
        .unwrap_or_else(|| panic!("no row {id} in {cells:?}"))
}

#[test]
fn calc_told_utf8_keeps_the_names_and_drops_the_mark() {
    let dir = tempfile::tempdir().unwrap();
    // 44: comma, 34: double quote, 76: UTF-8.
    let cells = calc_cells(dir.path(), "bom", &people_csv(&["--bom"]), Some("44,34,76"));
    assert_eq!(cells[0][..3], ["id", "name", "organisation"], "{cells:?}");
    assert_eq!(row(&cells, "julian-hughes")[1], NAME);
    assert_eq!(row(&cells, "alys-garrett")[1..3], ["Alys Garrett", "SECAS"]);
}

#[test]
fn calc_without_options_reads_windows_1252_and_ignores_the_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mojibake = "ZoÃ« MÃ¼ller â€“ rÃ©sumÃ©";
    let plain = calc_cells(dir.path(), "plain", &people_csv(&[]), None);
    assert_eq!(plain[0][0], "id", "{plain:?}");
    assert_eq!(row(&plain, "julian-hughes")[1], mojibake);
    let bom = calc_cells(dir.path(), "bom", &people_csv(&["--bom"]), None);
    assert_eq!(bom[0][0], "ï»¿id", "{bom:?}");
    assert_eq!(row(&bom, "julian-hughes")[1], mojibake);
}
