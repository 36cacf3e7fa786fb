//! The release generator and the benchmark through the real `spacekg` binary. No test here
//! asserts a time: figures are reported, never checked.

use crate::util::{arg, bin, lasting_dir, root, succeeded, Scratch};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `spacekg ARGS`, run from the checkout, which must succeed.
fn ok(args: &[&str]) -> String {
    succeeded(
        args,
        bin()
            .current_dir(root())
            .args(args)
            .output()
            .expect("the binary runs"),
    )
}

/// Every file of a folder: (name, bytes), in name order.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("a folder")
        .map(|e| {
            let p: PathBuf = e.expect("an entry").path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("readable"))
        })
        .collect();
    out.sort();
    out
}

/// `generate --count 30 --seed SEED` into `out`.
fn generate(seed: &str, out: &Path) -> String {
    ok(&[
        "generate",
        "--count",
        "30",
        "--seed",
        seed,
        "--out",
        arg(out),
    ])
}

#[test]
fn generate_writes_as_many_releases_as_asked() {
    let s = Scratch::new();
    let out = generate("9", &s.file("a"));
    assert!(out.starts_with("30 releases"), "{out}");
    assert_eq!(files(&s.file("a")).len(), 30);
}

#[test]
fn generate_with_the_same_seed_writes_the_same_files() {
    let s = Scratch::new();
    generate("9", &s.file("a"));
    generate("9", &s.file("b"));
    assert_eq!(
        files(&s.file("a")),
        files(&s.file("b")),
        "the same seed gives the same files"
    );
}

#[test]
fn generate_with_another_seed_writes_other_releases() {
    let s = Scratch::new();
    generate("9", &s.file("a"));
    generate("10", &s.file("c"));
    assert_ne!(
        files(&s.file("a")),
        files(&s.file("c")),
        "another seed gives other releases"
    );
}

/// Thirty generated releases ingested into `store`: the scratch folder and the report.
fn generated_and_ingested() -> (Scratch, String) {
    let s = Scratch::new();
    generate("9", &s.file("a"));
    let out = ok(&["--store", arg(&s.store()), "ingest", arg(&s.file("a"))]);
    (s, out)
}

#[test]
fn generated_releases_ingest_cleanly_with_every_entity_type() {
    let (s, out) = generated_and_ingested();
    assert!(out.contains("30 new") && out.contains("0 failed"), "{out}");
    let stats = ok(&["--store", arg(&s.store()), "stats"]);
    let absent: Vec<&str> = [
        "Agreement",
        "Event",
        "Initiative",
        "Nation",
        "Organization",
        "Person",
        "Place",
    ]
    .into_iter()
    .filter(|t| {
        let n: usize = stats
            .lines()
            .find_map(|l| l.strip_prefix(&format!("entities {t}: ")))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        n == 0
    })
    .collect();
    assert!(absent.is_empty(), "no {absent:?} in\n{stats}");
}

#[test]
fn generated_releases_ingested_again_are_unchanged() {
    let (s, _) = generated_and_ingested();
    let again = ok(&["--store", arg(&s.store()), "ingest", arg(&s.file("a"))]);
    assert!(again.contains("30 unchanged"), "{again}");
}

/// `bench --sizes 12,20 --runs 2 --keep`, run once: its work folder and its table.
fn bench_run() -> &'static (PathBuf, String) {
    static RUN: OnceLock<(PathBuf, String)> = OnceLock::new();
    RUN.get_or_init(|| {
        let work = lasting_dir("bench").join("work");
        let out = ok(&[
            "bench",
            "--sizes",
            "12,20",
            "--runs",
            "2",
            "--keep",
            "--dir",
            arg(&work),
        ]);
        (work, out)
    })
}

/// The cells of the row whose measure starts with `name`.
fn row(name: &str) -> Vec<String> {
    let out = &bench_run().1;
    let line = out
        .lines()
        .find(|l| l.starts_with(&format!("| {name}")))
        .unwrap_or_else(|| panic!("no row {name} in\n{out}"));
    line.trim_matches('|')
        .split(" | ")
        .map(|c| c.trim().to_string())
        .collect()
}

#[test]
fn bench_table_has_a_column_per_size() {
    let out = &bench_run().1;
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "| measure | 12 releases | 20 releases |", "{out}");
    assert_eq!(lines[1], "| --- | ---: | ---: |");
}

#[test]
fn bench_table_has_every_measure_for_every_size() {
    for name in [
        "input",
        "raw read of the files (floor)",
        "read as releases",
        "extraction, 1 thread",
        "extraction, all cores",
        "ingest into a fresh store",
        "Oxigraph bulk loader, same quads",
        "ingest ÷ bulk loader",
        "ingest ÷ raw read",
        "last 10% into a store holding 90%",
        "re-ingest, nothing changed",
        "re-ingest ÷ raw read",
        "peak memory (RSS), ingest",
        "peak memory (RSS), bulk loader",
        "store on disk (bulk loader's store)",
        "all competency queries together: p50 / p99",
        "view partners",
    ] {
        let cells = row(name);
        assert_eq!(cells.len(), 3, "{name}: {cells:?}");
        assert!(
            cells[1..].iter().all(|c| !c.is_empty()),
            "{name}: {cells:?}"
        );
    }
}

/// One row per competency query, with its p50, p99 and row count.
#[test]
fn bench_table_has_a_row_per_competency_query() {
    let mut queries: Vec<String> = std::fs::read_dir(root().join("examples/queries"))
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "rq").then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    queries.sort();
    assert!(!queries.is_empty());
    for q in &queries {
        let cells = row(&format!("query {q}: p50 / p99"));
        assert!(
            cells[1].contains(" ms / ") && cells[1].ends_with(" rows)"),
            "{cells:?}"
        );
    }
}

/// Extraction throughput is given in MB/s and releases/s; ratios as multiples.
#[test]
fn bench_table_gives_throughput_and_ratios_in_their_units() {
    assert!(row("extraction, 1 thread")[1].contains("MB/s"));
    assert!(row("extraction, all cores")[2].contains("releases/s"));
    assert!(row("ingest ÷ bulk loader")[1].ends_with('×'));
}

/// The 12-release column counts 12 releases' quads.
#[test]
fn bench_input_row_counts_each_size_quads() {
    let quads = |cell: &str| -> usize {
        cell.split(", ")
            .nth(1)
            .and_then(|q| q.strip_suffix(" quads"))
            .and_then(|q| q.parse().ok())
            .expect("quads")
    };
    let input = row("input");
    assert!(quads(&input[1]) < quads(&input[2]), "{input:?}");
}

/// With --keep, both stores and the releases are kept in the work folder.
#[test]
fn bench_keeps_its_stores_and_releases_when_asked() {
    let work = &bench_run().0;
    for store in ["store-fresh", "store-bulk", "store-increment"] {
        assert!(work.join("size-20").join(store).is_dir(), "{store}");
    }
    assert_eq!(files(&work.join("size-12/releases")).len(), 12);
}

#[test]
fn bench_names_a_missing_query_folder() {
    let out = bin()
        .current_dir(root())
        .args(["bench", "--sizes", "5", "--queries", "/nonexistent/queries"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/queries"), "{err}");
}
