//! `spacekg eval` through the real binary: a small release whose gold file fixes every
//! tp/fp/fn, the same release against a gold file changed in known ways, a malformed gold
//! file among good ones, and the floors of the sample corpus's scores. Each run of `eval`
//! is made once and read by the tests of what it shows.

use crate::util::{bin, root, stdout};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

fn eval(args: &[&Path]) -> Output {
    bin()
        .arg("eval")
        .args(args)
        .output()
        .expect("the binary runs")
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

/// Every row's (tp, fp, fn) as expected; all mismatches are named at once.
fn assert_rows(text: &str, expected: &[(&str, (usize, usize, usize))]) {
    let got = rows(text);
    let wrong: Vec<String> = expected
        .iter()
        .filter(|(label, want)| got.get(*label) != Some(want))
        .map(|(label, want)| format!("{label}: want {want:?}, got {:?}", got.get(*label)))
        .collect();
    assert!(wrong.is_empty(), "{}\nin\n{text}", wrong.join("\n"));
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

/// `spacekg eval` on the fixture folder, run once.
fn fixture_run() -> &'static str {
    static RUN: OnceLock<String> = OnceLock::new();
    RUN.get_or_init(|| {
        let out = eval(&[&fixture()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&out)
    })
}

/// tests/fixtures/eval/talks.gold.json records what the release states. The extractor finds
/// all nine entities with their ranks, ISO codes and kind, the quote and the five metadata
/// fields, and all sixteen relations once heads implies memberOf and leader implies
/// participant (Lindqvist "led the U.S. delegation": she led the talks, and as commander of a
/// wing of the U.S. Space Force she serves the United States, as the wing belongs to it).
#[test]
fn fixture_release_scores_what_its_gold_file_fixes() {
    assert_rows(
        fixture_run(),
        &[
            ("entity Nation", (2, 0, 0)),
            ("entity Organization", (3, 0, 0)),
            ("entity Person", (2, 0, 0)),
            ("entity Event", (1, 0, 0)),
            ("entity Place", (1, 0, 0)),
            ("entities (micro)", (9, 0, 0)),
            ("relation memberOf", (2, 0, 0)),
            ("relation heads", (1, 0, 0)),
            ("relation country", (5, 0, 0)),
            ("relation participant", (3, 0, 0)),
            ("relation leader", (1, 0, 0)),
            ("relations (micro)", (16, 0, 0)),
            ("quotes", (1, 0, 0)),
            ("attributes", (5, 0, 0)),
            ("metadata", (5, 0, 0)),
        ],
    );
}

/// The borderline partnership is not extracted and so does not count.
#[test]
fn fixture_borderline_relation_does_not_count() {
    let text = fixture_run();
    assert!(!text.contains("relation partner"), "borderline: {text}");
}

#[test]
fn fixture_release_has_no_duplicate_node_and_a_perfect_summary() {
    let text = fixture_run();
    assert!(
        text.contains("duplicate nodes: 0; releases failed: 0 of 1"),
        "{text}"
    );
    assert_eq!(
        text.lines().last(),
        Some("entity F1 1.000 relation F1 1.000 quote F1 1.000 metadata recall 1.000 releases 1 failed 0")
    );
}

/// The fixture's gold file changed in known ways, the release in another folder: `eval -v
/// --json`, run once (its table and notes, and the JSON file).
fn changed_gold_run() -> &'static (String, Value) {
    static RUN: OnceLock<(String, Value)> = OnceLock::new();
    RUN.get_or_init(|| {
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
        let scores: Value =
            serde_json::from_str(&std::fs::read_to_string(&json).expect("JSON written"))
                .expect("JSON");
        (stdout(&out), scores)
    })
}

#[test]
fn changed_gold_file_gives_the_extras_and_misses_it_implies() {
    assert_rows(
        &changed_gold_run().0,
        &[
            ("entity Organization", (2, 1, 0)),
            ("entity Person", (2, 0, 1)),
            ("entities (micro)", (8, 1, 1)),
            ("relation memberOf", (1, 1, 0)),
            ("relation heads", (0, 1, 0)),
            ("relation subOrganizationOf", (1, 1, 0)),
            ("relation country", (4, 1, 0)),
            // Twelve gold relations found; heads, memberOf, subOrganizationOf and country
            // of the wing extra.
            ("relations (micro)", (12, 4, 0)),
            ("quotes", (1, 0, 1)),
            ("attributes", (4, 0, 1)),
            ("metadata", (4, 0, 1)),
        ],
    );
}

#[test]
fn changed_gold_file_notes_name_each_extra_and_miss() {
    let text = &changed_gold_run().0;
    let wing = "'?https://w3id.org/spacekg/id/org/space-force-test-wing'";
    let missing: Vec<String> = [
        "== talks.txt: entity F1 0.89, relation F1 0.86".to_string(),
        "   extra Organization: ['Space Force Test Wing']".to_string(),
        "   missed Person: 'Jane Doe'".to_string(),
        format!("   extra relation ('lindqvist', 'heads', {wing})"),
        // An extra names the rules that stated it.
        format!("   extra relation ({wing}, 'subOrganizationOf', 'ussf') by name-built-on-parent"),
        format!("   extra relation ({wing}, 'country', 'us') by nation-of-parent-body"),
        "   attribute wrong or missing on 'United States'".to_string(),
        "   missed quote by doe: 'Nothing of this is in the release'".to_string(),
        "   metadata dateline missing or wrong (want 'Tokyo')".to_string(),
    ]
    .into_iter()
    .filter(|note| !text.lines().any(|l| l == note))
    .collect();
    assert!(missing.is_empty(), "no lines {missing:#?} in\n{text}");
}

#[test]
fn changed_gold_file_scores_are_written_as_json() {
    let talks = &changed_gold_run().1["talks.txt"];
    assert_eq!(talks["entity_f1"].as_f64(), Some(8.0 / 9.0));
    assert_eq!(talks["failed"], false);
    assert_eq!(talks["notes"].as_array().map(Vec::len), Some(9));
}

/// A folder of the fixture's pair, a gold file that does not parse, a gold file without its
/// release and an unreadable release with its gold file: `eval`, run once.
fn malformed_run() -> &'static Output {
    static RUN: OnceLock<Output> = OnceLock::new();
    RUN.get_or_init(|| {
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
        eval(&[dir.path()])
    })
}

#[test]
fn malformed_gold_file_is_named_and_fails_the_run() {
    let out = malformed_run();
    assert_eq!(out.status.code(), Some(1), "a failed release fails the run");
    let text = stdout(out);
    let failed = text
        .lines()
        .find(|l| l.starts_with("broken.txt: FAILED: "))
        .unwrap_or_else(|| panic!("no failure line in\n{text}"));
    assert!(
        failed.contains("broken.gold.json: not a valid gold file"),
        "{failed}"
    );
}

#[test]
fn unreadable_release_is_named_as_failed() {
    let text = stdout(malformed_run());
    let empty = text
        .lines()
        .find(|l| l.starts_with("empty.txt: FAILED: "))
        .unwrap_or_else(|| panic!("no failure line in\n{text}"));
    assert!(empty.contains("empty.txt: the file is empty"), "{empty}");
}

#[test]
fn gold_file_without_its_release_is_named() {
    let stderr = String::from_utf8_lossy(&malformed_run().stderr);
    assert!(stderr.contains("orphan.gold.json"), "{stderr}");
}

/// The good release is scored as alone; the unreadable one adds a missed nation.
#[test]
fn releases_beside_a_malformed_gold_file_are_still_scored() {
    let text = stdout(malformed_run());
    assert_rows(
        &text,
        &[
            ("entity Nation", (2, 0, 1)),
            ("entities (micro)", (9, 0, 1)),
            ("relations (micro)", (16, 0, 0)),
        ],
    );
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

/// `spacekg eval` on the sample corpus (tests/gold and data/releases), run once.
fn sample_run() -> &'static str {
    static RUN: OnceLock<String> = OnceLock::new();
    RUN.get_or_init(|| {
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
        stdout(&out)
    })
}

/// A floor of tests/eval-floors.json.
fn floor(key: &str) -> f64 {
    let floors: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/eval-floors.json")).expect("floors file"),
    )
    .expect("floors JSON");
    floors[key]
        .as_f64()
        .unwrap_or_else(|| panic!("no floor {key}"))
}

/// The sample corpus's scores stay at or above the floors in tests/eval-floors.json.
#[test]
fn sample_corpus_scores_stay_above_the_floors() {
    let text = sample_run();
    let s = summary(text);
    assert_eq!((s["releases"], s["failed"]), (36.0, 0.0), "{text}");
    let below: Vec<String> = [
        ("entity", "entity_f1"),
        ("relation", "relation_f1"),
        ("quote", "quote_f1"),
        ("metadata", "metadata_recall"),
    ]
    .into_iter()
    .filter(|(score, key)| s[*score] < floor(key))
    .map(|(score, key)| format!("{score} {} below its floor {}", s[score], floor(key)))
    .collect();
    assert!(below.is_empty(), "{}:\n{text}", below.join("; "));
}

#[test]
fn sample_corpus_duplicate_nodes_stay_within_their_floor() {
    let text = sample_run();
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

/// `eval --rules --confidence-out FILE` on the sample corpus, run once: its output and the
/// file it wrote.
fn rules_run() -> &'static (String, String) {
    static RUN: OnceLock<(String, String)> = OnceLock::new();
    RUN.get_or_init(|| {
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
        let measured = std::fs::read_to_string(&out_file).expect("written");
        (stdout(&out), measured)
    })
}

/// `--rules` lists each rule with its facts and confidence before the usual table.
#[test]
fn rules_table_lists_each_rule_with_its_confidence() {
    let text = &rules_run().0;
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
}

/// data/confidence.tsv is what `spacekg eval` measures on the sample corpus today
/// (regenerate it with `bash scripts/confidence.sh`).
#[test]
fn rule_confidence_file_is_current() {
    let measured = &rules_run().1;
    let committed =
        std::fs::read_to_string(root().join("data/confidence.tsv")).expect("committed file");
    assert!(
        *measured == committed,
        "data/confidence.tsv is out of date: run `bash scripts/confidence.sh`"
    );
}
