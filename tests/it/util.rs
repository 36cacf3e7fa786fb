//! What every test module shares: the binary and its output, SPARQL rows, the tools a test
//! needs (failing when one is missing, never passing silently), and folders built once per
//! test binary (the sample corpus's store, ...) of which each test takes its own copy, since
//! one process at a time may open a store.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, OnceLock};

/// A row of a SELECT: variable to plain value.
pub type Row = BTreeMap<String, String>;

/// The checkout's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `spacekg` binary, deaf to the environment variables that would change what it reads.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_spacekg"));
    c.env_remove("SPACEKG_STORE")
        .env_remove("SPACEKG_ONTOLOGY")
        .env_remove("SPACEKG_NO_GRAPHVIZ")
        .env_remove("SPACEKG_TRACE");
    c
}

/// `spacekg ARGS --store STORE`.
pub fn run(store: &Path, args: &[&str]) -> Output {
    bin()
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .expect("the binary runs")
}

/// `spacekg ARGS` in the folder `cwd` (its default store and extension folder are there).
pub fn run_in(cwd: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The standard output of a command that must succeed.
pub fn succeeded(args: &[&str], out: Output) -> String {
    assert!(
        out.status.success(),
        "spacekg {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

/// The standard output of `spacekg ARGS --store STORE`, which must succeed.
pub fn ok(store: &Path, args: &[&str]) -> String {
    succeeded(args, run(store, args))
}

/// The standard output of `spacekg ARGS` in `cwd`, which must succeed.
pub fn ok_in(cwd: &Path, args: &[&str]) -> String {
    succeeded(args, run_in(cwd, args))
}

/// The error of `spacekg ARGS --store STORE`, which must fail with exit code 2.
pub fn fails(store: &Path, args: &[&str]) -> String {
    let out = run(store, args);
    assert_eq!(out.status.code(), Some(2), "spacekg {args:?} should fail");
    stderr(&out)
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Rows of SPARQL JSON results.
pub fn rows(json: &str) -> Vec<Row> {
    let v: Value = serde_json::from_str(json).expect("SPARQL JSON results");
    v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .expect("binding object")
                .iter()
                .map(|(k, t)| {
                    (
                        k.clone(),
                        t["value"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

/// Rows of a SELECT over STORE.
pub fn select(store: &Path, query: &str) -> Vec<Row> {
    rows(&ok(store, &["query", query, "--format", "json"]))
}

/// Rows of a SELECT over the default store of `cwd`.
pub fn select_in(cwd: &Path, query: &str) -> Vec<Row> {
    rows(&ok_in(cwd, &["query", query, "--format", "json"]))
}

/// The number after `key` on a line of `text` (`quads: 123`).
pub fn count_after(text: &str, key: &str) -> usize {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no `{key}N` line in\n{text}"))
}

/// Fails the test, saying what to install, when Graphviz's `dot` does not run here.
pub fn require_graphviz() {
    let runs = Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        runs,
        "this test needs Graphviz's `dot`, which does not run here: install the graphviz \
         package (bash scripts/install-deps.sh does)"
    );
}

/// Renders DOT with Graphviz; an error or a warning fails the test.
pub fn render_cleanly(name: &str, dot: &str) {
    use std::io::Write;
    require_graphviz();
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("dot reads");
    let out = child.wait_with_output().expect("dot finishes");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && err.trim().is_empty(),
        "Graphviz on the {name} view: {err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("</svg>"));
}

/// A test's own folder: a temp dir, and in it `store` (for `--store`) or the copy of a
/// fixture folder.
pub struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `store` in the folder.
    pub fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// A file of the folder.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Folders built once per test binary, removed when it exits.
static FIXTURES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

extern "C" fn remove_fixtures() {
    if let Ok(dirs) = FIXTURES.lock() {
        for d in dirs.iter() {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

/// A folder that lives until the test binary exits (statics are never dropped, so the
/// folders are removed by an exit handler).
pub fn lasting_dir(name: &str) -> PathBuf {
    static HANDLER: OnceLock<()> = OnceLock::new();
    HANDLER.get_or_init(|| {
        // SAFETY: registers a plain function without arguments to run at exit.
        let registered = unsafe { libc::atexit(remove_fixtures) };
        assert_eq!(registered, 0, "an exit handler is registered");
    });
    let dir = tempfile::Builder::new()
        .prefix(&format!("spacekg-it-{name}-"))
        .tempdir()
        .expect("temp dir")
        .keep();
    FIXTURES.lock().expect("fixture list").push(dir.clone());
    dir
}

/// A copy of a fixture folder in a test's own scratch folder.
pub fn copy_of(fixture: &Path) -> Scratch {
    let s = Scratch::new();
    copy_dir(fixture, s.path());
    s
}

/// Copies a folder and what it holds.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("a fixture folder") {
        let e = e.expect("an entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("a file type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// The folder whose `store` holds the bundled sample releases, built once.
fn sample_fixture() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = lasting_dir("sample");
        let releases = root().join("data/releases");
        let out = ok(
            &dir.join("store"),
            &["ingest", releases.to_str().expect("path")],
        );
        assert!(out.contains("36 new"), "{out}");
        dir
    })
}

/// A scratch folder whose `store` holds the bundled sample releases.
pub fn sample_store() -> Scratch {
    copy_of(sample_fixture())
}

/// `count` generated releases in `dir/releases`.
pub fn generated(dir: &Path, count: usize) -> PathBuf {
    let out = dir.join("releases");
    let o = bin()
        .args([
            "generate",
            "--count",
            &count.to_string(),
            "--seed",
            "11",
            "--out",
        ])
        .arg(&out)
        .output()
        .expect("the binary runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// A path as the binary takes it.
pub fn arg(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}
