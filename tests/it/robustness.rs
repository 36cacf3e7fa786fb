//! Hostile and odd inputs through the real binary: a store another process holds, documents
//! that are not releases, pages built to be slow, and the progress display.

use crate::util::{generated, ok, root, run, select};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[test]
fn a_store_held_by_another_process_gets_the_same_message_from_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let release = root().join("data/releases/009-india-artemis-accords.txt");
    ok(&store, &["ingest", release.to_str().unwrap()]);
    // This test process holds the store, as a running `spacekg ingest` would.
    let held = oxigraph::store::Store::open(&store).expect("the store opens");
    let mut messages = BTreeSet::new();
    for args in [
        vec!["stats"],
        vec!["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
        vec!["export"],
        vec!["ingest", release.to_str().unwrap()],
        vec!["reextract"],
        vec!["validate"],
        vec!["diagram", "partners"],
        vec!["path", "India", "United States"],
        vec!["rank"],
    ] {
        let out = run(&store, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
        assert!(err.contains("in use"), "{args:?}: {err}");
        assert!(
            err.contains("spacekg serve") && err.contains("planned"),
            "{err}"
        );
        messages.insert(err);
    }
    assert_eq!(messages.len(), 1, "{messages:#?}");
    drop(held);
    ok(&store, &["stats"]);
}

/// A folder `in` of one release, documentation files and texts that are no releases.
fn release_among_documentation(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    let release = root().join("data/releases/009-india-artemis-accords.txt");
    std::fs::copy(&release, input.join("india.txt")).unwrap();
    let doc = "# Release corpus and gold annotations\n\nEach release is a pair of files in \
               the same folder, with the United States and Japan named as partners.\n\n\
               ```json\n{\"source\": {}}\n```\n";
    for name in ["README.md", "GUIDE.md", "CHANGELOG.md", "LICENSE.txt"] {
        std::fs::write(input.join(name), doc).unwrap();
    }
    std::fs::write(
        input.join("howto.md"),
        "How to add releases\n\nPut each release in its own file and run the ingest command again.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("names.txt"),
        "Names\n\nJapan\nIndia\nUnited States\n",
    )
    .unwrap();
    input
}

#[test]
fn documentation_and_text_without_sentences_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let input = release_among_documentation(dir.path());
    let store = dir.path().join("store");
    let out = run(&store, &["ingest", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "skipped files are no failure");
    let err = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let unreported: Vec<_> = [
        ("README.md", "documentation"),
        ("GUIDE.md", "documentation"),
        ("CHANGELOG.md", "documentation"),
        ("LICENSE.txt", "documentation"),
        ("howto.md", "neither a dateline nor a publication date"),
        ("names.txt", "no sentence"),
    ]
    .into_iter()
    .filter(|(name, reason)| {
        !err.lines()
            .any(|l| l.starts_with("skipped") && l.contains(name) && l.contains(reason))
    })
    .collect();
    assert!(
        unreported.is_empty(),
        "not skipped with their reason: {unreported:?}\n{err}"
    );
    assert!(
        stdout.contains("1 new") && stdout.contains("6 skipped"),
        "{stdout}"
    );
    let docs = select(&store, "SELECT ?d WHERE { GRAPH ?d { ?d a sk:Document } }");
    assert_eq!(docs.len(), 1);
}

/// --include takes what a user chooses, documentation or not; --exclude leaves out.
#[test]
fn include_and_exclude_globs_choose_the_files_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = release_among_documentation(dir.path());
    let store = dir.path().join("store");
    ok(&store, &["ingest", input.to_str().unwrap()]);
    let chosen = run(
        &store,
        &[
            "ingest",
            input.to_str().unwrap(),
            "--include",
            "how*.md",
            "--include",
            "*.txt",
            "--exclude",
            "LICENSE*",
        ],
    );
    let err = String::from_utf8_lossy(&chosen.stderr);
    let stdout = String::from_utf8_lossy(&chosen.stdout);
    assert!(
        stdout.contains("1 new") && stdout.contains("1 unchanged"),
        "{stdout}\n{err}"
    );
    assert!(err.contains("excluded by --exclude LICENSE*"), "{err}");
    assert!(
        err.contains("3 files in the folders matched no --include glob"),
        "{err}"
    );
}

#[test]
fn an_include_glob_that_does_not_parse_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = release_among_documentation(dir.path());
    let store = dir.path().join("store");
    let bad = run(
        &store,
        &["ingest", input.to_str().unwrap(), "--include", "a["],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a valid glob"));
}

#[test]
fn hostile_pages_are_refused_quickly_naming_the_file_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let head =
        "<!DOCTYPE html><html><head><title>Talks</title></head><body><article><h1>Talks</h1>\
                <p>WASHINGTON -- The United States and Japan held space talks.</p>";
    // 200,000 nested elements (2.6 MB): this took 106 s to read before the limits.
    std::fs::write(
        input.join("nested.html"),
        format!("{head}{}", "<div><span>".repeat(100_000)),
    )
    .unwrap();
    std::fs::write(
        input.join("many.html"),
        format!(
            "{head}{}</article></body></html>",
            "<p>x</p>".repeat(150_000)
        ),
    )
    .unwrap();
    std::fs::write(
        input.join("attributes.html"),
        format!(
            "{head}<p {}>x</p></article></body></html>",
            (0..50_000).map(|k| format!("a{k}=1 ")).collect::<String>()
        ),
    )
    .unwrap();
    std::fs::write(
        input.join("reopened.html"),
        format!(
            "{head}<div>{}{}</article></body></html>",
            (0..100)
                .map(|k| format!("<b class=c{k}>"))
                .collect::<String>(),
            "</div><div>x".repeat(20_000)
        ),
    )
    .unwrap();
    std::fs::write(
        input.join("long.txt"),
        format!(
            "Talks\n\nWASHINGTON -- {}",
            "The United States and Japan held talks. ".repeat(30_000)
        ),
    )
    .unwrap();
    std::fs::write(
        input.join("paragraph.txt"),
        format!(
            "Talks\n\nWASHINGTON -- {}said.\n",
            "Space Force ".repeat(2_000)
        ),
    )
    .unwrap();
    // Deep, but within the limits: read.
    std::fs::write(
        input.join("deep-but-fine.html"),
        format!("{head}{}</article></body></html>", "<div>".repeat(150)),
    )
    .unwrap();
    let store = dir.path().join("store");
    let started = Instant::now();
    let out = run(&store, &["ingest", input.to_str().unwrap()]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for (name, reason) in [
        ("nested.html", "levels deep"),
        ("many.html", "more than 100000 elements"),
        ("attributes.html", "more than 256 attributes"),
        ("reopened.html", "formatting elements"),
        ("long.txt", "1000000-character limit"),
        ("paragraph.txt", "20000-character limit"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("failed") && l.contains(name) && l.contains(reason)),
            "{name} should be refused with `{reason}`:\n{err}"
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 new") && stdout.contains("6 failed"),
        "{stdout}"
    );
    // A generous bound, far below the minutes a quadratic reading takes on these pages.
    assert!(took < Duration::from_secs(60), "{took:?}");
}

#[test]
fn ingest_off_a_terminal_prints_its_report_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let releases = generated(dir.path(), 120);
    let store = dir.path().join("plain");
    let out = run(&store, &["ingest", releases.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

/// On a terminal (`script` runs the command on a pseudo-terminal): a bar with counts, rate
/// and time left.
#[test]
fn ingest_on_a_terminal_shows_a_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    let releases = generated(dir.path(), 120);
    let store = dir.path().join("tty");
    let command = format!(
        "{} ingest {} --store {}",
        env!("CARGO_BIN_EXE_spacekg"),
        releases.display(),
        store.display()
    );
    let tty = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("SPACEKG_STORE")
        .env_remove("SPACEKG_ONTOLOGY")
        .output()
        .expect("`script` (bsdutils) runs a command on a terminal");
    let screen = String::from_utf8_lossy(&tty.stdout);
    assert!(tty.status.success(), "{screen}");
    assert!(screen.contains("/120 files"), "{screen}");
    assert!(screen.contains("/s") && screen.contains("left"), "{screen}");
    assert!(screen.contains("120 new"), "{screen}");
}
