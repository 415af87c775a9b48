//! Criterion benchmarks of the library's three steps on synthetic trees:
//! `load::load` (read and parse every file), `validate::validate` (the
//! cross-record checks on what was loaded), the open-action listing
//! (`query_actions` plus the table `tsc actions --open` prints) and the
//! HTML status report (`report::build` plus `report::html::render`).
//!
//! Sizes: S = 120 meetings (a decade of one committee) and M = 1,200,
//! generated once with seed 1 into `target/bench-data/{S,M}` (the same
//! trees `scripts/bench.sh` uses) when absent.
//!
//! ```text
//! cargo bench --bench records            # all
//! cargo bench --bench records -- load/M  # one
//! ```
//!
//! Under `cargo test --all-targets` (no `--bench` argument) criterion runs
//! each benchmark once; then a 3-meeting tree in a temporary directory
//! stands in, so the test suite stays fast.

#[path = "../examples/synth/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tsc::actions::{ActionQuery, listing, query_actions};
use tsc::index::Index;
use tsc::load::load;
use tsc::output::table::TableStyle;
use tsc::output::{Format, render};
use tsc::report::{build, html};
use tsc::validate::validate;

/// The seed every benchmark tree is generated with.
const SEED: u64 = 1;

/// `target/bench-data/NAME` with `meetings` meetings, generated (into a
/// `.partial` sibling, then renamed) when it does not exist yet.
fn tree(name: &str, meetings: usize) -> PathBuf {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let dir = data.join(name);
    if !dir.is_dir() {
        let partial = data.join(format!("{name}.partial"));
        let _ = std::fs::remove_dir_all(&partial);
        generate::generate(&partial, meetings, SEED).expect("the synthetic tree is written");
        std::fs::rename(&partial, &dir).expect("the synthetic tree is moved into place");
    }
    dir
}

/// The trees to measure: S and M under `cargo bench`, a tiny one under
/// `cargo test` (kept alive by the returned guard).
fn trees() -> (Option<tempfile::TempDir>, Vec<(&'static str, PathBuf)>) {
    if std::env::args().any(|a| a == "--bench") {
        (None, vec![("S", tree("S", 120)), ("M", tree("M", 1_200))])
    } else {
        let tmp = tempfile::tempdir().expect("a temporary directory");
        let dir = tmp.path().join("records");
        generate::generate(&dir, 3, SEED).expect("the synthetic tree is written");
        (Some(tmp), vec![("tiny", dir)])
    }
}

fn benches(c: &mut Criterion) {
    let (_guard, trees) = trees();
    for (name, dir) in &trees {
        let loaded = load(dir).expect("the tree loads");
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        assert_eq!(validate(&loaded).error_count(), 0);

        let mut group = c.benchmark_group("load");
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(15));
        group.bench_with_input(BenchmarkId::from_parameter(name), dir, |b, dir| {
            b.iter(|| load(dir).expect("the tree loads"));
        });
        group.finish();

        let mut group = c.benchmark_group("validate");
        group.sample_size(20);
        group.bench_with_input(BenchmarkId::from_parameter(name), &loaded, |b, loaded| {
            b.iter(|| validate(loaded));
        });
        group.finish();

        let mut group = c.benchmark_group("actions_open");
        group.sample_size(20);
        group.bench_with_input(BenchmarkId::from_parameter(name), &loaded, |b, loaded| {
            let query = ActionQuery {
                open_only: true,
                ..ActionQuery::all(today())
            };
            let style = TableStyle::for_stdout(false, true, None);
            b.iter(|| {
                let index = Index::new(&loaded.records);
                let rows = query_actions(&index, &query);
                render(&listing(&rows), Format::Table, style)
            });
        });
        group.finish();

        let mut group = c.benchmark_group("report_html");
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::from_parameter(name), &loaded, |b, loaded| {
            b.iter(|| {
                let index = Index::new(&loaded.records);
                html::render(&build(loaded, &index, today()))
            });
        });
        group.finish();
    }
}

/// A fixed "today", so every run measures the same overdue set.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2100, 1, 1).expect("a valid date")
}

criterion_group!(records, benches);
criterion_main!(records);
