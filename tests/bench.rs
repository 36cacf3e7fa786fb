//! The release generator and the benchmark through the real `spacekg` binary. No test here
//! asserts a time: figures are reported, never checked.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_spacekg"));
    c.env_remove("SPACEKG_STORE")
        .env_remove("SPACEKG_ONTOLOGY")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn ok(args: &[&str]) -> String {
    let out = bin().args(args).output().expect("the binary runs");
    assert!(
        out.status.success(),
        "spacekg {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
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

#[test]
fn generate_is_deterministic_and_its_releases_ingest_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a"),
        dir.path().join("b"),
        dir.path().join("c"),
    );
    let out = ok(&[
        "generate",
        "--count",
        "30",
        "--seed",
        "9",
        "--out",
        a.to_str().unwrap(),
    ]);
    assert!(out.starts_with("30 releases"), "{out}");
    ok(&[
        "generate",
        "--count",
        "30",
        "--seed",
        "9",
        "--out",
        b.to_str().unwrap(),
    ]);
    ok(&[
        "generate",
        "--count",
        "30",
        "--seed",
        "10",
        "--out",
        c.to_str().unwrap(),
    ]);
    let (fa, fb, fc) = (files(&a), files(&b), files(&c));
    assert_eq!(fa.len(), 30);
    assert_eq!(fa, fb, "the same seed gives the same files");
    assert_ne!(fa, fc, "another seed gives other releases");

    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    let out = ok(&["--store", s, "ingest", a.to_str().unwrap()]);
    assert!(out.contains("30 new") && out.contains("0 failed"), "{out}");
    let stats = ok(&["--store", s, "stats"]);
    for t in [
        "Agreement",
        "Event",
        "Initiative",
        "Nation",
        "Organization",
        "Person",
        "Place",
    ] {
        let n: usize = stats
            .lines()
            .find_map(|l| l.strip_prefix(&format!("entities {t}: ")))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(n > 0, "no {t} in\n{stats}");
    }
    let again = ok(&["--store", s, "ingest", a.to_str().unwrap()]);
    assert!(again.contains("30 unchanged"), "{again}");
}

#[test]
fn bench_prints_a_table_with_every_measure_for_every_size() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    let out = ok(&[
        "bench",
        "--sizes",
        "12,20",
        "--runs",
        "2",
        "--keep",
        "--dir",
        work.to_str().unwrap(),
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "| measure | 12 releases | 20 releases |", "{out}");
    assert_eq!(lines[1], "| --- | ---: | ---: |");
    let row = |name: &str| -> Vec<String> {
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("| {name}")))
            .unwrap_or_else(|| panic!("no row {name} in\n{out}"));
        line.trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_string())
            .collect()
    };
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
    // One row per competency query, with its p50, p99 and row count.
    let mut queries: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/queries"))
            .unwrap()
            .filter_map(|e| {
                let p = e.ok()?.path();
                (p.extension()? == "rq")
                    .then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
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
    // Extraction throughput is given in MB/s and releases/s; ratios as multiples.
    assert!(row("extraction, 1 thread")[1].contains("MB/s"));
    assert!(row("extraction, all cores")[2].contains("releases/s"));
    assert!(row("ingest ÷ bulk loader")[1].ends_with('×'));
    // The 12-release column counts 12 releases' quads; both stores were built and kept.
    let quads = |cell: &str| -> usize {
        cell.split(", ")
            .nth(1)
            .and_then(|q| q.strip_suffix(" quads"))
            .and_then(|q| q.parse().ok())
            .expect("quads")
    };
    let input = row("input");
    assert!(quads(&input[1]) < quads(&input[2]), "{input:?}");
    for store in ["store-fresh", "store-bulk", "store-increment"] {
        assert!(work.join("size-20").join(store).is_dir(), "{store}");
    }
    assert_eq!(files(&work.join("size-12/releases")).len(), 12);
}

#[test]
fn bench_names_a_missing_query_folder() {
    let out = bin()
        .args(["bench", "--sizes", "5", "--queries", "/nonexistent/queries"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/queries"), "{err}");
}
