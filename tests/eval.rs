//! `spacekg eval` through the real binary: a small release whose gold file fixes every
//! tp/fp/fn, the same release against a gold file changed in known ways, a malformed gold
//! file among good ones, and the floors of the sample corpus's scores.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn eval(args: &[&Path]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_spacekg"))
        .env_remove("SPACEKG_STORE")
        .env_remove("SPACEKG_ONTOLOGY")
        .arg("eval")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

/// The table's rows: label to (tp, fp, fn).
fn rows(text: &str) -> BTreeMap<String, (usize, usize, usize)> {
    let mut m = BTreeMap::new();
    for line in text.lines() {
        let Some((head, counts)) = line.split_once("   tp ") else {
            continue;
        };
        let n: Vec<usize> = counts
            .split_whitespace()
            .filter_map(|t| t.parse().ok())
            .collect();
        let label = head
            .split("  ")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        m.insert(label, (n[0], n[1], n[2]));
    }
    m
}

fn row(text: &str, label: &str) -> (usize, usize, usize) {
    rows(text)
        .get(label)
        .copied()
        .unwrap_or_else(|| panic!("no row '{label}' in\n{text}"))
}

/// The last line's numbers by name: entity, relation, quote, metadata, releases, failed.
fn summary(text: &str) -> BTreeMap<String, f64> {
    let last = text.lines().last().expect("a summary line");
    let t: Vec<&str> = last.split_whitespace().collect();
    assert_eq!(t.len(), 16, "summary line: {last}");
    [
        ("entity", 2),
        ("relation", 5),
        ("quote", 8),
        ("metadata", 11),
        ("releases", 13),
        ("failed", 15),
    ]
    .into_iter()
    .map(|(k, i)| (k.to_string(), t[i].parse().expect("a number")))
    .collect()
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/eval")
}

/// tests/fixtures/eval/talks.gold.json records what the release states. The extractor finds
/// all nine entities with their ranks, ISO codes and kind, the quote and the five metadata
/// fields, and all sixteen relations once heads implies memberOf and leader implies
/// participant (Lindqvist "led the U.S. delegation": she led the talks, and as commander of a
/// wing of the U.S. Space Force she serves the United States, as the wing belongs to it). The borderline partnership is
/// not extracted and so does not count.
#[test]
fn fixture_release_scores_what_its_gold_file_fixes() {
    let out = eval(&[&fixture()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert_eq!(row(&text, "entity Nation"), (2, 0, 0));
    assert_eq!(row(&text, "entity Organization"), (3, 0, 0));
    assert_eq!(row(&text, "entity Person"), (2, 0, 0));
    assert_eq!(row(&text, "entity Event"), (1, 0, 0));
    assert_eq!(row(&text, "entity Place"), (1, 0, 0));
    assert_eq!(row(&text, "entities (micro)"), (9, 0, 0));
    assert_eq!(row(&text, "relation memberOf"), (2, 0, 0));
    assert_eq!(row(&text, "relation heads"), (1, 0, 0));
    assert_eq!(row(&text, "relation country"), (5, 0, 0));
    assert_eq!(row(&text, "relation participant"), (3, 0, 0));
    assert_eq!(row(&text, "relation leader"), (1, 0, 0));
    assert_eq!(row(&text, "relations (micro)"), (16, 0, 0));
    assert!(!text.contains("relation partner"), "borderline: {text}");
    assert_eq!(row(&text, "quotes"), (1, 0, 0));
    assert_eq!(row(&text, "attributes"), (5, 0, 0));
    assert_eq!(row(&text, "metadata"), (5, 0, 0));
    assert!(
        text.contains("duplicate nodes: 0; releases failed: 0 of 1"),
        "{text}"
    );
    assert_eq!(
        text.lines().last(),
        Some("entity F1 1.000 relation F1 1.000 quote F1 1.000 metadata recall 1.000 releases 1 failed 0")
    );
}

/// The fixture's gold file changed in known ways, the release in another folder.
#[test]
fn changed_gold_file_gives_the_extras_and_misses_it_implies() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (gold_dir, rel_dir) = (dir.path().join("gold"), dir.path().join("releases"));
    std::fs::create_dir_all(&gold_dir).expect("mkdir");
    std::fs::create_dir_all(&rel_dir).expect("mkdir");
    std::fs::copy(fixture().join("talks.txt"), rel_dir.join("talks.txt")).expect("copy");
    let text = std::fs::read_to_string(fixture().join("talks.gold.json")).expect("gold");
    let mut gold: Value = serde_json::from_str(&text).expect("JSON");
    let entities = gold["entities"].as_array_mut().expect("entities");
    // The wing left out: its node and the three relations naming it become extras.
    entities.retain(|e| e["id"] != "wing");
    // A person the release does not name: missed.
    entities.push(serde_json::json!(
        {"id": "doe", "type": "Person", "name": "Jane Doe", "aliases": []}
    ));
    // A wrong ISO code: an attribute missed.
    for e in entities.iter_mut().filter(|e| e["id"] == "us") {
        e["iso"] = "UM".into();
    }
    gold["relations"]
        .as_array_mut()
        .expect("relations")
        .retain(|r| r[0] != "wing" && r[2] != "wing");
    // A quote the release does not hold, a wrong dateline: missed.
    gold["quotes"]
        .as_array_mut()
        .expect("quotes")
        .push(serde_json::json!(
            {"speaker": "doe", "starts": "Nothing of this is in the release"}
        ));
    gold["source"]["dateline"] = "Tokyo".into();
    std::fs::write(gold_dir.join("talks.gold.json"), gold.to_string()).expect("write");
    let json = dir.path().join("scores.json");
    let out = eval(&[
        &gold_dir,
        Path::new("--releases"),
        &rel_dir,
        Path::new("-v"),
        Path::new("--json"),
        &json,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert_eq!(row(&text, "entity Organization"), (2, 1, 0));
    assert_eq!(row(&text, "entity Person"), (2, 0, 1));
    assert_eq!(row(&text, "entities (micro)"), (8, 1, 1));
    assert_eq!(row(&text, "relation memberOf"), (1, 1, 0));
    assert_eq!(row(&text, "relation heads"), (0, 1, 0));
    assert_eq!(row(&text, "relation subOrganizationOf"), (1, 1, 0));
    assert_eq!(row(&text, "relation country"), (4, 1, 0));
    // Twelve gold relations found; heads, memberOf, subOrganizationOf and country of the
    // wing extra.
    assert_eq!(row(&text, "relations (micro)"), (12, 4, 0));
    assert_eq!(row(&text, "quotes"), (1, 0, 1));
    assert_eq!(row(&text, "attributes"), (4, 0, 1));
    assert_eq!(row(&text, "metadata"), (4, 0, 1));
    let wing = "'?https://w3id.org/spacekg/id/org/space-force-test-wing'";
    for note in [
        "== talks.txt: entity F1 0.89, relation F1 0.86".to_string(),
        "   extra Organization: ['Space Force Test Wing']".to_string(),
        "   missed Person: 'Jane Doe'".to_string(),
        format!("   extra relation ('lindqvist', 'heads', {wing})"),
        format!("   extra relation ({wing}, 'subOrganizationOf', 'ussf')"),
        format!("   extra relation ({wing}, 'country', 'us')"),
        "   attribute wrong or missing on 'United States'".to_string(),
        "   missed quote by doe: 'Nothing of this is in the release'".to_string(),
        "   metadata dateline missing or wrong (want 'Tokyo')".to_string(),
    ] {
        assert!(
            text.lines().any(|l| l == note),
            "no line '{note}' in\n{text}"
        );
    }
    let scores: Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("JSON written")).expect("JSON");
    let talks = &scores["talks.txt"];
    assert_eq!(talks["entity_f1"].as_f64(), Some(8.0 / 9.0));
    assert_eq!(talks["failed"], false);
    assert_eq!(talks["notes"].as_array().map(Vec::len), Some(9));
}

#[test]
fn malformed_gold_file_is_named_and_the_others_are_scored() {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in ["talks.txt", "talks.gold.json"] {
        std::fs::copy(fixture().join(f), dir.path().join(f)).expect("copy");
    }
    std::fs::copy(fixture().join("talks.txt"), dir.path().join("broken.txt")).expect("copy");
    std::fs::write(dir.path().join("broken.gold.json"), "{\"entities\": [").expect("write");
    std::fs::write(dir.path().join("orphan.gold.json"), "{\"entities\": []}").expect("write");
    // An unreadable release: its gold entities are all missed.
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let one_nation = r#"{"entities": [{"id": "jp", "type": "Nation", "name": "Japan"}]}"#;
    std::fs::write(dir.path().join("empty.gold.json"), one_nation).expect("write");
    let out = eval(&[dir.path()]);
    assert_eq!(out.status.code(), Some(1), "a failed release fails the run");
    let text = stdout(&out);
    let failed = text
        .lines()
        .find(|l| l.starts_with("broken.txt: FAILED: "))
        .unwrap_or_else(|| panic!("no failure line in\n{text}"));
    assert!(
        failed.contains("broken.gold.json: not a valid gold file"),
        "{failed}"
    );
    let empty = text
        .lines()
        .find(|l| l.starts_with("empty.txt: FAILED: "))
        .unwrap_or_else(|| panic!("no failure line in\n{text}"));
    assert!(empty.contains("empty.txt: the file is empty"), "{empty}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("orphan.gold.json"), "{stderr}");
    // The good release is scored as alone; the unreadable one adds a missed nation.
    assert_eq!(row(&text, "entity Nation"), (2, 0, 1));
    assert_eq!(row(&text, "entities (micro)"), (9, 0, 1));
    assert_eq!(row(&text, "relations (micro)"), (16, 0, 0));
    // Entity F1: P 1, R 9/10.
    assert!(text.ends_with(
        "entity F1 0.947 relation F1 1.000 quote F1 1.000 metadata recall 1.000 releases 3 failed 2\n"
    ), "{text}");
}

#[test]
fn folder_without_pairs_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = eval(&[dir.path()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no NAME.txt + NAME.gold.json pairs found"),
        "{stderr}"
    );
}

/// The sample corpus's scores stay at or above the floors in tests/eval-floors.json.
#[test]
fn sample_corpus_scores_stay_above_the_floors() {
    let floors: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/eval-floors.json")).expect("floors file"),
    )
    .expect("floors JSON");
    let floor = |k: &str| floors[k].as_f64().unwrap_or_else(|| panic!("no floor {k}"));
    let out = eval(&[
        &root().join("tests/gold"),
        Path::new("--releases"),
        &root().join("data/releases"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let s = summary(&text);
    assert_eq!((s["releases"], s["failed"]), (36.0, 0.0), "{text}");
    for (score, key) in [
        ("entity", "entity_f1"),
        ("relation", "relation_f1"),
        ("quote", "quote_f1"),
        ("metadata", "metadata_recall"),
    ] {
        assert!(
            s[score] >= floor(key),
            "{score} {} below its floor {}:\n{text}",
            s[score],
            floor(key)
        );
    }
    let dups: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("duplicate nodes: "))
        .and_then(|l| l.split(';').next())
        .and_then(|n| n.parse().ok())
        .expect("a duplicate nodes line");
    assert!(
        dups <= floor("max_duplicate_nodes"),
        "{dups} duplicate nodes:\n{text}"
    );
}

/// `--rules` lists each rule with its facts, and data/confidence.tsv is what `spacekg eval`
/// measures on the sample corpus today (regenerate it with `bash scripts/confidence.sh`).
#[test]
fn rule_confidence_file_is_current() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_file = dir.path().join("confidence.tsv");
    let out = eval(&[
        &root().join("tests/gold"),
        Path::new("--releases"),
        &root().join("data/releases"),
        Path::new("--rules"),
        Path::new("--confidence-out"),
        &out_file,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let header = text.lines().next().unwrap_or("");
    assert!(
        header.starts_with("rule") && header.contains("confidence"),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with("speech-verb ")),
        "{text}"
    );
    assert!(
        text.lines().last().unwrap_or("").starts_with("entity F1"),
        "{text}"
    );
    let measured = std::fs::read_to_string(&out_file).expect("written");
    let committed =
        std::fs::read_to_string(root().join("data/confidence.tsv")).expect("committed file");
    assert!(
        measured == committed,
        "data/confidence.tsv is out of date: run `bash scripts/confidence.sh`"
    );
}
