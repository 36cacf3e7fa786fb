//! Interrupted ingests through the real binary: SIGKILL at chosen and random moments, Ctrl-C
//! once and twice, and the bulk-load files a killed ingest leaves. (The SIGKILL test is the
//! longest of the binary; libtest starts tests in name order, and this module's name lets it
//! start early, beside the others.)

use crate::util::{bin, generated, ok, root, run};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Small batches and commits, so that a collection of a few hundred releases goes through
/// several bulk writes and commits.
const SMALL_WRITES: [&str; 4] = ["--batch-quads", "1500", "--commit-quads", "4500"];

/// An ingest whose events (`SPACEKG_TRACE`) are read line by line as it runs.
struct Traced {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

fn traced_ingest(store: &Path, releases: &Path) -> Traced {
    traced_ingest_with(store, releases, &SMALL_WRITES)
}

fn traced_ingest_with(store: &Path, releases: &Path, args: &[&str]) -> Traced {
    let mut child = bin()
        .arg("ingest")
        .arg(releases)
        .arg("--store")
        .arg(store)
        .args(args)
        .env("SPACEKG_TRACE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let stderr = child.stderr.take().expect("stderr is piped");
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    Traced {
        child,
        lines,
        seen: Vec::new(),
    }
}

impl Traced {
    /// Waits for the `n`-th event `event`; false when the process ends first.
    fn wait_for(&mut self, event: &str, n: usize) -> bool {
        let prefix = format!("spacekg-trace: {event}");
        self.wait_until(|l| l == prefix || l.starts_with(&format!("{prefix} ")), n)
    }

    /// Waits for the `n`-th line that `hit` accepts; false when the process ends first.
    fn wait_until(&mut self, hit: impl Fn(&str) -> bool, n: usize) -> bool {
        let mut count = 0;
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(300)) {
            let hit = hit(&line);
            self.seen.push(line);
            if hit {
                count += 1;
                if count == n {
                    return true;
                }
            }
        }
        false
    }

    /// Everything the process wrote to stderr until it ended.
    fn finish(mut self) -> (std::process::ExitStatus, Vec<String>) {
        let status = self.child.wait().expect("the process ends");
        self.seen.extend(self.lines.iter());
        (status, self.seen)
    }

    /// Kills the process with SIGKILL.
    fn kill(mut self) -> Vec<String> {
        self.child.kill().expect("SIGKILL is sent");
        self.finish().1
    }
}

/// Files named as Oxigraph's bulk loader names its files, in the store's folder.
fn bulk_files(store: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(store) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("bulk-") && name.ends_with(".sst")
        })
        .collect()
}

/// The store's N-Quads export, every line, sorted.
fn export_lines(store: &Path) -> Vec<String> {
    let mut lines: Vec<String> = ok(store, &["export", "--format", "nquads"])
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

/// The export's quads by graph (the default graph under "").
fn by_graph(lines: &[String]) -> BTreeMap<String, BTreeSet<String>> {
    let text = lines.join("\n");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for q in RdfParser::from_format(RdfFormat::NQuads).for_slice(text.as_bytes()) {
        let q: Quad = q.expect("the export parses");
        let g = match &q.graph_name {
            GraphName::NamedNode(n) => n.as_str().to_string(),
            _ => String::new(),
        };
        let triple = format!("{} {} {}", q.subject, q.predicate, q.object);
        out.entry(g).or_default().insert(triple);
    }
    out
}

/// A small pseudo-random generator (SplitMix64) for the kill moments.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n.max(1)
    }
}

/// Sends SIGINT, as Ctrl-C does.
fn interrupt(child: &Child) {
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    // SAFETY: kill(2) with a pid this test started and a valid signal number.
    let sent = unsafe { libc::kill(pid, libc::SIGINT) };
    assert_eq!(sent, 0, "SIGINT is sent");
}

/// The number after `key` on a line of the output.
fn number_after(text: &str, key: &str) -> usize {
    let at = text
        .find(key)
        .unwrap_or_else(|| panic!("{key:?} in {text}"));
    text[at + key.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("a number after {key:?} in {text}"))
}

#[test]
fn sigkill_at_any_moment_leaves_each_document_whole_or_absent_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let releases = generated(dir.path(), 80);
    let seed = std::env::var("SPACEKG_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("crash test seed {seed} (SPACEKG_CRASH_SEED={seed} repeats it)");
    let mut rng = Rng(seed);

    // The uninterrupted run: what every document must be, and how long a run takes.
    let clean = dir.path().join("clean");
    let started = Instant::now();
    let (status, trace) = traced_ingest(&clean, &releases).finish();
    let full = started.elapsed();
    assert!(status.success(), "{trace:?}");
    let commits = trace
        .iter()
        .filter(|l| l.starts_with("spacekg-trace: commit-start"))
        .count();
    let batches = trace
        .iter()
        .filter(|l| l.starts_with("spacekg-trace: batch"))
        .count();
    assert!(
        commits >= 4 && batches >= 8,
        "{commits} commits, {batches} batches"
    );
    let clean_export = export_lines(&clean);
    let clean_graphs = by_graph(&clean_export);
    assert_eq!(
        clean_graphs.len(),
        80 + 3,
        "documents, background, ontology, default"
    );

    // Where to kill: the n-th event of a kind (reading, extraction, a batch handed to the
    // bulk write, a commit starting or just done), a few milliseconds after it or at once,
    // and two moments drawn over the length of a whole run.
    let mut points: Vec<(&str, usize, u64)> = vec![
        ("read", 1, 0),
        ("read", 1 + rng.below(70) as usize, rng.below(20)),
        ("extracted", 1 + rng.below(10) as usize, 0),
        ("extracted", 10 + rng.below(60) as usize, rng.below(20)),
        ("batch", 1, 0),
        (
            "batch",
            2 + rng.below(batches as u64 - 2) as usize,
            rng.below(30),
        ),
        ("commit-start", 1, 0),
        (
            "commit-start",
            2 + rng.below(commits as u64 - 2) as usize,
            0,
        ),
        ("commit-start", commits, rng.below(10)),
        ("commit-done", 1 + rng.below(commits as u64 - 1) as usize, 0),
    ];
    let whole_run = full.as_millis() as u64;
    points.push(("planned", 1, rng.below(whole_run)));
    points.push(("planned", 1, rng.below(whole_run)));

    let mut leftovers_seen = 0;
    let mut report = Vec::new();
    for (k, (event, n, delay)) in points.iter().enumerate() {
        let store = dir.path().join(format!("store-{k}"));
        let mut ingest = traced_ingest(&store, &releases);
        assert!(
            ingest.wait_for(event, *n),
            "the ingest ended before {event} #{n}"
        );
        std::thread::sleep(Duration::from_millis(*delay));
        let seen = ingest.kill();
        let last: Vec<&str> = seen
            .iter()
            .rev()
            .filter_map(|l| l.strip_prefix("spacekg-trace: "))
            .filter(|l| !l.starts_with("progress"))
            .take(2)
            .collect();
        let leftovers = bulk_files(&store);
        leftovers_seen += leftovers.len();

        // It opens, tells what it removed, and leaves no bulk-load file behind.
        let opened = run(&store, &["stats"]);
        assert!(
            opened.status.success(),
            "after kill #{k}: {}",
            String::from_utf8_lossy(&opened.stderr)
        );
        if !leftovers.is_empty() {
            assert!(String::from_utf8_lossy(&opened.stderr).contains("bulk-load file"));
        }
        assert!(bulk_files(&store).is_empty(), "after kill #{k}");
        let stored = number_after(&String::from_utf8_lossy(&opened.stdout), "documents: ");

        // Every graph is whole or absent; the merged default graph is the union of the others.
        let graphs = by_graph(&export_lines(&store));
        let mut union = BTreeSet::new();
        for (g, triples) in &graphs {
            if g.is_empty() {
                continue;
            }
            union.extend(triples.iter().cloned());
            assert!(
                clean_graphs.get(g) == Some(triples),
                "after kill #{k} ({event} #{n}), graph {g} is not as a clean ingest writes it"
            );
        }
        assert_eq!(
            graphs.get("").cloned().unwrap_or_default(),
            union,
            "after kill #{k}: the merged default graph"
        );

        // Running the ingest again completes it: the same export as an uninterrupted run.
        ok(
            &store,
            &[
                "ingest",
                releases.to_str().unwrap(),
                SMALL_WRITES[0],
                SMALL_WRITES[1],
                SMALL_WRITES[2],
                SMALL_WRITES[3],
            ],
        );
        assert!(
            export_lines(&store) == clean_export,
            "after kill #{k} ({event} #{n}) and a second run, the export differs from a clean run"
        );
        assert!(bulk_files(&store).is_empty());
        report.push(format!(
            "kill #{k:2}: {event} #{n} +{delay} ms; last events {last:?}; {} bulk-load files left; {stored} documents stored",
            leftovers.len()
        ));
        let _ = std::fs::remove_dir_all(&store);
    }
    eprintln!("{}", report.join("\n"));
    assert!(
        leftovers_seen > 0,
        "no kill left bulk-load files, so their removal was never tested:\n{}",
        report.join("\n")
    );
}

#[test]
fn ctrl_c_stores_what_was_read_says_so_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let releases = generated(dir.path(), 120);
    let store = dir.path().join("store");
    let mut ingest = traced_ingest(&store, &releases);
    assert!(ingest.wait_for("commit-done", 1), "a first commit");
    interrupt(&ingest.child);
    let (status, lines) = ingest.finish();
    let text = lines.join("\n");
    assert_eq!(status.code(), Some(130), "{text}");
    assert!(text.contains("stopping at the next safe point"), "{text}");
    assert!(text.contains("run the same command again"), "{text}");
    let stored = number_after(&text, "interrupted: ");
    let not_read = number_after(&text, "documents stored by this run, ");
    assert!(stored > 0 && not_read > 0, "{text}");
    let stats = ok(&store, &["stats"]);
    assert_eq!(number_after(&stats, "documents: "), stored, "{stats}");
    assert!(bulk_files(&store).is_empty());
    let again = ok(&store, &["ingest", releases.to_str().unwrap()]);
    assert_eq!(number_after(&again, "documents: "), 120 - stored, "{again}");
    assert_eq!(
        number_after(&ok(&store, &["stats"]), "documents: "),
        120,
        "every release is stored after the second run"
    );
}

#[test]
fn a_second_ctrl_c_aborts_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let releases = generated(dir.path(), 120);
    let store = dir.path().join("store");
    // One commit at the end (the default sizes): after the first Ctrl-C, everything read so
    // far is still to be stored when the second comes.
    let mut ingest = traced_ingest_with(&store, &releases, &[]);
    assert!(ingest.wait_for("extracted", 60));
    interrupt(&ingest.child);
    assert!(ingest.wait_until(|l| l.contains("stopping at the next safe point"), 1));
    interrupt(&ingest.child);
    let (status, lines) = ingest.finish();
    let text = lines.join("\n");
    assert_eq!(status.code(), Some(130), "{text}");
    assert!(text.contains("spacekg: aborted"), "{text}");
    assert!(!text.contains("documents stored by this run"), "{text}");
    // The store opens, and whatever the abort left is removed.
    let stats = run(&store, &["stats"]);
    assert!(stats.status.success());
    assert!(bulk_files(&store).is_empty());
}

#[test]
fn opening_a_store_removes_bulk_load_leftovers_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let release = root().join("data/releases/009-india-artemis-accords.txt");
    ok(&store, &["ingest", release.to_str().unwrap()]);
    let before = ok(&store, &["stats"]);
    let leftover = store.join("bulk-123456789012345678901234567890.sst");
    std::fs::write(&leftover, vec![7u8; 3 * 1024 * 1024]).unwrap();
    let kept = [
        store.join("bulk-notes.sst"),
        store.join("bulk-12.sst.bak"),
        store.join("my-bulk-1.sst"),
    ];
    for k in &kept {
        std::fs::write(k, "keep").unwrap();
    }
    let out = run(&store, &["stats"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("removed 1 bulk-load file (3.0 MiB)"), "{err}");
    assert!(!leftover.exists());
    for k in &kept {
        assert!(k.exists(), "{} must stay", k.display());
    }
    // Stats tell the size on disk, and the store still holds its document.
    let stats = String::from_utf8_lossy(&out.stdout);
    assert!(number_after(&stats, "size on disk: ") > 0, "{stats}");
    assert_eq!(
        number_after(&stats, "documents: "),
        number_after(&before, "documents: ")
    );
}
