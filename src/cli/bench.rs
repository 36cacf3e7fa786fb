//! The benchmark: how fast spacekg reads, extracts, stores, queries and draws synthetic
//! collections of releases (`generate`), and how that compares with what a user would use
//! instead: Oxigraph's own bulk loader loading the N-Quads spacekg produced, and the raw
//! read of the input files (the floor).
//!
//! Figures are wall-clock times on the machine it runs on; peak memory is the process's
//! high-water mark (`VmHWM`), reset before each measured step through
//! `/proc/self/clear_refs` (Linux). Nothing here asserts a time.

use super::generate;
use super::generate::GenerateError;
use oxigraph::io::RdfFormat;
use spacekg::extract::Extractor;
use spacekg::ingest;
use spacekg::ingest::control::Observer;
use spacekg::knowledge::Knowledge;
use spacekg::reading::{self, Release};
use spacekg::store::{EmbeddedStore, GraphStore};
use spacekg::views;
use spacekg::{StoreError, ViewError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Collection sizes, in releases.
    pub sizes: Vec<usize>,
    pub seed: u64,
    /// Where releases, stores and exports are written (one sub-folder per size).
    pub work_dir: PathBuf,
    /// Folder of competency queries (`*.rq`).
    pub queries_dir: PathBuf,
    /// Runs of each query (its first run is not counted).
    pub query_runs: usize,
    /// Threads for the "all cores" figures.
    pub threads: usize,
    /// Keep the releases and stores after measuring.
    pub keep: bool,
}

/// The figures of one collection size.
#[derive(Debug, Clone, Default)]
pub struct SizeResult {
    pub releases: usize,
    pub bytes: u64,
    pub threads: usize,
    /// Reading every file's bytes (page cache warm: the files were just written).
    pub raw_read: Duration,
    /// Reading the files as releases (layout, dates, dateline).
    pub parse: Duration,
    pub extract_one: Duration,
    pub extract_all: Duration,
    /// Everything `spacekg ingest` does, into an empty store.
    pub ingest_fresh: Duration,
    pub ingest_fresh_peak: Option<u64>,
    pub quads: usize,
    pub store_bytes: u64,
    /// The same files again: nothing changed.
    pub reingest: Duration,
    /// The last tenth of the files into a store that holds the rest.
    pub ingest_increment: Duration,
    pub increment_releases: usize,
    /// Oxigraph's bulk loader alone on the N-Quads export of the fresh store.
    pub bulk_load: Duration,
    pub bulk_load_peak: Option<u64>,
    /// The bulk-loaded store's size on disk.
    pub bulk_store_bytes: u64,
    pub nquads_bytes: u64,
    /// (query file stem, rows, p50, p99)
    pub queries: Vec<(String, usize, Duration, Duration)>,
    /// p50 and p99 over the runs of every competency query together, each query giving the
    /// same number of runs (the latency of the question set as a workload).
    pub all_queries: (Duration, Duration),
    /// (view, time)
    pub views: Vec<(String, Duration)>,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> BenchError + '_ {
    move |source| BenchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Resets the process's peak resident memory; false where the kernel does not allow it.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The process's peak resident memory since the last reset, in bytes.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn measure_peak<T>(f: impl FnOnce() -> T) -> (T, Duration, Option<u64>) {
    let resettable = reset_peak();
    let t = Instant::now();
    let out = f();
    let d = t.elapsed();
    (out, d, if resettable { peak_rss() } else { None })
}

pub use spacekg::store::dir_size;

/// Runs `f` over `items` on `threads` threads; returns the sum of its results.
fn parallel_sum<T: Sync>(items: &[T], threads: usize, f: impl Fn(&T) -> usize + Sync) -> usize {
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut sum = 0;
                    while let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
                        sum += f(item);
                    }
                    sum
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    })
}

/// The competency queries: (file stem, text), in name order.
pub fn competency_queries(dir: &Path) -> Result<Vec<(String, String)>, BenchError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_err(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(io_err(&p))?;
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok((stem, text))
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// p50 and p99 of the runs of several queries together, each query giving as many runs as
/// the one with the fewest (a slow query stopped early by the time budget does not weigh less).
fn pooled_percentiles(runs: &[Vec<Duration>]) -> (Duration, Duration) {
    let k = runs.iter().map(Vec::len).min().unwrap_or(0);
    let mut all: Vec<Duration> = runs.iter().flat_map(|r| r[..k].iter().copied()).collect();
    all.sort();
    (percentile(&all, 50.0), percentile(&all, 99.0))
}

/// Longest time spent on one query's runs before stopping early (at least 3 runs count).
const QUERY_BUDGET: Duration = Duration::from_secs(20);

/// Measures every size; `progress` hears what is being done, `observer` how each ingest goes.
pub fn run(
    kb: &Knowledge,
    opts: &BenchOptions,
    progress: &mut dyn FnMut(&str),
    observer: Option<Observer<'_>>,
) -> Result<Vec<SizeResult>, BenchError> {
    let queries = competency_queries(&opts.queries_dir)?;
    let mut results = Vec::new();
    for &n in &opts.sizes {
        let dir = opts.work_dir.join(format!("size-{n}"));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io_err(&dir))?;
        }
        let r = run_size(kb, opts, n, &dir, &queries, progress, observer);
        if !opts.keep {
            // Best effort: a leftover folder is no reason to lose the figures.
            let _ = std::fs::remove_dir_all(&dir);
        }
        results.push(r?);
    }
    Ok(results)
}

/// Extraction is timed this many times and the fastest run kept: a run of a second or so
/// is easily slowed by whatever else the machine does, never sped up.
const EXTRACTION_RUNS: usize = 3;

/// The result of `f` and the shortest of `runs` timings of it.
fn fastest_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (T, Duration) {
    let t = Instant::now();
    let out = f();
    let mut best = t.elapsed();
    for _ in 1..runs {
        let t = Instant::now();
        let _ = f();
        best = best.min(t.elapsed());
    }
    (out, best)
}

fn run_size(
    kb: &Knowledge,
    opts: &BenchOptions,
    n: usize,
    dir: &Path,
    queries: &[(String, String)],
    progress: &mut dyn FnMut(&str),
    observer: Option<Observer<'_>>,
) -> Result<SizeResult, BenchError> {
    let threads = opts.threads.max(1);
    let ingest_options = ingest::IngestOptions {
        threads,
        observer,
        ..ingest::IngestOptions::default()
    };
    let ingest_all = |store: &EmbeddedStore, paths: &[PathBuf]| {
        ingest::ingest(store, kb, paths, &ingest_options)
    };
    let mut r = SizeResult {
        releases: n,
        threads,
        ..SizeResult::default()
    };
    let releases_dir = dir.join("releases");
    progress(&format!("{n}: generating releases"));
    let written = generate::write_releases(kb, n, opts.seed, &releases_dir)?;
    r.bytes = written.bytes;
    let files = written.files;

    progress(&format!("{n}: raw read and parse"));
    let t = Instant::now();
    let mut raw = 0u64;
    for f in &files {
        raw += std::fs::read(f).map_err(io_err(f))?.len() as u64;
    }
    r.raw_read = t.elapsed();
    debug_assert_eq!(raw, r.bytes);
    let t = Instant::now();
    let mut releases: Vec<Release> = Vec::with_capacity(files.len());
    for f in &files {
        releases.push(
            reading::read_path(f)
                .map_err(|e| BenchError::Input(spacekg::store::error::with_causes(&e)))?,
        );
    }
    r.parse = t.elapsed();

    progress(&format!("{n}: extraction on 1 and {threads} threads"));
    let extractor = Extractor::new(kb);
    let (one, one_time) = fastest_of(EXTRACTION_RUNS, || {
        parallel_sum(&releases, 1, |rel| extractor.extract(rel).relations.len())
    });
    r.extract_one = one_time;
    let (all, all_time) = fastest_of(EXTRACTION_RUNS, || {
        parallel_sum(&releases, threads, |rel| {
            extractor.extract(rel).relations.len()
        })
    });
    r.extract_all = all_time;
    if one != all {
        return Err(BenchError::Input(format!(
            "extraction on {threads} threads found {all} relations, on one {one}"
        )));
    }
    drop(releases);

    progress(&format!("{n}: ingest into a fresh store"));
    let fresh_dir = dir.join("store-fresh");
    let paths = [releases_dir.clone()];
    {
        let store = EmbeddedStore::open(&fresh_dir)?;
        let (report, time, peak) = measure_peak(|| ingest_all(&store, &paths));
        let report = report?;
        if !report.failed.is_empty() {
            return Err(BenchError::Input(format!(
                "{} generated releases failed to ingest, first: {}",
                report.failed.len(),
                report.failed[0].1
            )));
        }
        r.ingest_fresh = time;
        r.ingest_fresh_peak = peak;
        r.quads = store.stats()?.quads;
    }
    r.store_bytes = dir_size(&fresh_dir);

    progress(&format!("{n}: re-ingest of unchanged releases"));
    let store = EmbeddedStore::open(&fresh_dir)?;
    let t = Instant::now();
    let again = ingest_all(&store, &paths)?;
    r.reingest = t.elapsed();
    if again.unchanged.len() != n {
        return Err(BenchError::Input(format!(
            "re-ingest found {} of {n} releases unchanged",
            again.unchanged.len()
        )));
    }

    progress(&format!("{n}: competency queries and views"));
    let mut runs: Vec<Vec<Duration>> = Vec::new();
    for (name, text) in queries {
        // The first run warms the caches and is not counted.
        let rows = store
            .select(text)
            .map_err(|e| BenchError::Query(name.clone(), e))?
            .rows
            .len();
        let mut times = Vec::new();
        let started = Instant::now();
        for i in 0..opts.query_runs.max(1) {
            if i >= 3 && started.elapsed() > QUERY_BUDGET {
                break;
            }
            let t = Instant::now();
            store
                .select(text)
                .map_err(|e| BenchError::Query(name.clone(), e))?;
            times.push(t.elapsed());
        }
        runs.push(times.clone());
        times.sort();
        r.queries.push((
            name.clone(),
            rows,
            percentile(&times, 50.0),
            percentile(&times, 99.0),
        ));
    }
    r.all_queries = pooled_percentiles(&runs);
    // Every view `spacekg diagram` draws, each built from the store's model and rendered
    // to DOT (views::time_views: the model load is its own row).
    for (name, took, _nodes) in views::time_views(&store)? {
        r.views.push((name, took));
    }

    progress(&format!("{n}: Oxigraph bulk loader on the same quads"));
    let nq = dir.join("export.nq");
    {
        let file = std::fs::File::create(&nq).map_err(io_err(&nq))?;
        let mut w = std::io::BufWriter::new(file);
        store.export(RdfFormat::NQuads, None, &mut w)?;
        std::io::Write::flush(&mut w).map_err(io_err(&nq))?;
    }
    drop(store);
    r.nquads_bytes = std::fs::metadata(&nq).map_err(io_err(&nq))?.len();
    // At 100,000 releases each store and the export take several GiB: what is measured
    // already goes, unless kept.
    let discard = |p: &Path| {
        if !opts.keep {
            let _ = std::fs::remove_dir_all(p).or_else(|_| std::fs::remove_file(p));
        }
    };
    discard(&fresh_dir);
    {
        let bulk_dir = dir.join("store-bulk");
        let bulk = EmbeddedStore::open(&bulk_dir)?;
        let file = std::fs::File::open(&nq).map_err(io_err(&nq))?;
        let (loaded, time, peak) =
            measure_peak(|| bulk.bulk_load_nquads(std::io::BufReader::new(file)));
        loaded?;
        r.bulk_load = time;
        r.bulk_load_peak = peak;
        drop(bulk);
        r.bulk_store_bytes = dir_size(&bulk_dir);
        discard(&bulk_dir);
    }
    discard(&nq);

    progress(&format!(
        "{n}: the last tenth into a store holding the rest"
    ));
    let split = n - n / 10;
    r.increment_releases = n - split;
    {
        let store = EmbeddedStore::open(&dir.join("store-increment"))?;
        ingest_all(&store, &files[..split])?;
        let t = Instant::now();
        let last = ingest_all(&store, &files[split..])?;
        r.ingest_increment = t.elapsed();
        if last.new.len() != n - split {
            return Err(BenchError::Input(format!(
                "the last tenth stored {} of {} releases",
                last.new.len(),
                n - split
            )));
        }
    }
    Ok(r)
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 1.0 {
        ms(d)
    } else if s >= 10.0 {
        format!("{s:.1} s")
    } else {
        format!("{s:.2} s")
    }
}

fn ms(d: Duration) -> String {
    let m = d.as_secs_f64() * 1000.0;
    if m >= 100.0 {
        format!("{m:.0} ms")
    } else {
        format!("{m:.1} ms")
    }
}

fn mib(b: u64) -> String {
    format!("{:.0} MiB", b as f64 / (1024.0 * 1024.0))
}

fn ratio(a: Duration, b: Duration) -> String {
    if b.is_zero() {
        "n/a".into()
    } else {
        format!("{:.2}×", a.as_secs_f64() / b.as_secs_f64())
    }
}

fn rate(n: usize, bytes: u64, d: Duration) -> String {
    let s = d.as_secs_f64().max(1e-9);
    format!(
        "{} ({:.1} MB/s, {:.0} releases/s)",
        secs(d),
        bytes as f64 / 1e6 / s,
        n as f64 / s
    )
}

/// The rows of the results table, first column the measure.
pub fn rows(results: &[SizeResult]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |name: &str, f: &dyn Fn(&SizeResult) -> String| {
        let mut r = vec![name.to_string()];
        r.extend(results.iter().map(f));
        rows.push(r);
    };
    row("input", &|r| {
        format!("{:.2} MB, {} quads", r.bytes as f64 / 1e6, r.quads)
    });
    row("raw read of the files (floor)", &|r| secs(r.raw_read));
    row("read as releases (layout, dates)", &|r| secs(r.parse));
    row("extraction, 1 thread", &|r| {
        rate(r.releases, r.bytes, r.extract_one)
    });
    row("extraction, all cores", &|r| {
        format!(
            "{} on {} threads",
            rate(r.releases, r.bytes, r.extract_all),
            r.threads
        )
    });
    row("ingest into a fresh store", &|r| {
        rate(r.releases, r.bytes, r.ingest_fresh)
    });
    row("Oxigraph bulk loader, same quads (N-Quads)", &|r| {
        secs(r.bulk_load)
    });
    row("ingest ÷ bulk loader", &|r| {
        ratio(r.ingest_fresh, r.bulk_load)
    });
    row("ingest ÷ raw read", &|r| ratio(r.ingest_fresh, r.raw_read));
    row("last 10% into a store holding 90%", &|r| {
        format!(
            "{} ({} releases)",
            secs(r.ingest_increment),
            r.increment_releases
        )
    });
    row("re-ingest, nothing changed", &|r| secs(r.reingest));
    row("re-ingest ÷ raw read", &|r| ratio(r.reingest, r.raw_read));
    row("peak memory (RSS), ingest", &|r| {
        r.ingest_fresh_peak.map(mib).unwrap_or_else(|| "n/a".into())
    });
    row("peak memory (RSS), bulk loader", &|r| {
        r.bulk_load_peak.map(mib).unwrap_or_else(|| "n/a".into())
    });
    row("store on disk (bulk loader's store)", &|r| {
        format!("{} ({})", mib(r.store_bytes), mib(r.bulk_store_bytes))
    });
    let query_names: Vec<String> = results
        .first()
        .map(|r| r.queries.iter().map(|q| q.0.clone()).collect())
        .unwrap_or_default();
    for (i, q) in query_names.iter().enumerate() {
        row(&format!("query {q}: p50 / p99"), &|r| {
            r.queries
                .get(i)
                .map(|(_, rows, p50, p99)| format!("{} / {} ({rows} rows)", ms(*p50), ms(*p99)))
                .unwrap_or_default()
        });
    }
    row("all competency queries together: p50 / p99", &|r| {
        format!("{} / {}", ms(r.all_queries.0), ms(r.all_queries.1))
    });
    let view_names: Vec<String> = results
        .first()
        .map(|r| r.views.iter().map(|v| v.0.clone()).collect())
        .unwrap_or_default();
    for (i, v) in view_names.iter().enumerate() {
        row(&format!("view {v}"), &|r| {
            r.views.get(i).map(|(_, d)| ms(*d)).unwrap_or_default()
        });
    }
    rows
}

/// The results as a Markdown table: one row a measure, one column a size.
pub fn markdown(results: &[SizeResult]) -> String {
    let mut out = String::from("| measure |");
    for r in results {
        out.push_str(&format!(" {} releases |", r.releases));
    }
    out.push_str("\n| --- |");
    for _ in results {
        out.push_str(" ---: |");
    }
    out.push('\n');
    for row in rows(results) {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

/// A failure while benchmarking.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Generate(#[from] GenerateError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    View(#[from] ViewError),
    #[error("competency query {0}")]
    Query(String, #[source] StoreError),
    #[error("the benchmark's input: {0}")]
    Input(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_the_rank() {
        let d: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&d, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&d, 99.0), Duration::from_millis(99));
        assert_eq!(percentile(&d[..3], 99.0), Duration::from_millis(3));
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
    }

    #[test]
    fn pooled_percentiles_weigh_every_query_the_same() {
        let ms = Duration::from_millis;
        // A fast query run ten times, a slow one stopped after three runs.
        let fast: Vec<Duration> = (1..=10).map(ms).collect();
        let slow = vec![ms(900), ms(1000), ms(1100)];
        let (p50, p99) = pooled_percentiles(&[fast, slow]);
        // Three runs each: 1, 2, 3, 900, 1000, 1100.
        assert_eq!(p50, ms(3));
        assert_eq!(p99, ms(1100));
    }

    #[test]
    fn the_table_has_a_column_per_size_and_a_row_per_query_and_view() {
        let r = SizeResult {
            releases: 10,
            bytes: 2_000_000,
            ingest_fresh: Duration::from_secs(3),
            bulk_load: Duration::from_secs(2),
            queries: vec![(
                "01-q".into(),
                4,
                Duration::from_millis(5),
                Duration::from_millis(9),
            )],
            views: vec![("partners".into(), Duration::from_millis(12))],
            all_queries: (Duration::from_millis(5), Duration::from_millis(9)),
            ..SizeResult::default()
        };
        let t = markdown(&[r.clone(), r]);
        assert!(t.starts_with("| measure | 10 releases | 10 releases |\n| --- | ---: | ---: |\n"));
        assert!(
            t.contains("| ingest ÷ bulk loader | 1.50× | 1.50× |"),
            "{t}"
        );
        assert!(
            t.contains("| query 01-q: p50 / p99 | 5.0 ms / 9.0 ms (4 rows) |"),
            "{t}"
        );
        assert!(t.contains("| view partners | 12.0 ms |"), "{t}");
        assert!(
            t.contains("| all competency queries together: p50 / p99 | 5.0 ms / 9.0 ms |"),
            "{t}"
        );
        let widths: Vec<usize> = t.lines().map(|l| l.matches(" | ").count()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{t}");
    }

    #[test]
    fn peak_memory_is_read_from_proc() {
        if Path::new("/proc/self/status").exists() {
            let p = peak_rss().expect("VmHWM");
            assert!(p > 1024 * 1024);
        }
    }
}
