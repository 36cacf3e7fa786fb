//! Ontology extensions through the real `spacekg` binary: the worked example of
//! examples/extension (ingest, add the extension, re-extract, query, export), the default
//! extension folder, `ontology check`, `ontology list`, `ontology doc` and `validate`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary run in `cwd` (so that no stray ./spacekg-ontology folder is picked up).
fn run_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spacekg"))
        .env_remove("SPACEKG_STORE")
        .env_remove("SPACEKG_ONTOLOGY")
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok_in(cwd: &Path, args: &[&str]) -> String {
    let out = run_in(cwd, args);
    assert!(
        out.status.success(),
        "spacekg {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

fn select(cwd: &Path, query: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let out = ok_in(cwd, &["query", query, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).expect("SPARQL JSON results");
    v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .expect("binding object")
                .iter()
                .map(|(k, t)| (k.clone(), t["value"].as_str().unwrap_or("").to_string()))
                .collect()
        })
        .collect()
}

fn example(p: &str) -> String {
    root()
        .join("examples/extension")
        .join(p)
        .display()
        .to_string()
}

const SDA: &str = "https://w3id.org/spacekg/ontology#SpaceDomainAwarenessWargame";
const EXERCISE: &str = "https://w3id.org/spacekg/ontology#Exercise";

/// The classes of the events the store holds (besides sk:Event).
fn event_classes(cwd: &Path) -> Vec<String> {
    let mut v: Vec<String> = select(
        cwd,
        "SELECT DISTINCT ?c WHERE { ?e a sk:Event ; a ?c FILTER(?c != sk:Event) }",
    )
    .into_iter()
    .map(|r| r["c"].clone())
    .collect();
    v.sort();
    v
}

/// The loop, as examples/extension/README.md tells it.
#[test]
fn extension_example_types_the_event_after_reextract() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cwd = dir.path();
    let out = ok_in(cwd, &["ingest", &example("releases")]);
    assert!(out.contains("1 new"), "{out}");
    // Before: the core trigger "wargame" makes it a plain exercise; FFI is unknown.
    assert_eq!(event_classes(cwd), vec![EXERCISE.to_string()]);
    let ffi = "SELECT ?o WHERE { ?e a sk:Event ; sk:participant ?o . ?o skos:altLabel \"FFI\"@en }";
    assert!(select(cwd, ffi).is_empty());
    let event = select(cwd, "SELECT ?e WHERE { ?e a sk:Exercise }");
    let dot = ok_in(
        cwd,
        &["diagram", "event", &event[0]["e"], "--format", "dot"],
    );
    assert!(dot.contains("Exercise (hexagon)"), "{dot}");
    assert!(!dot.contains("Space domain awareness wargame"), "{dot}");

    // Re-extracting with the same ontology changes nothing.
    let out = ok_in(cwd, &["reextract"]);
    assert!(
        out.contains("0 rewritten") && out.contains("0 entities retyped"),
        "{out}"
    );

    // After: the extension's class, and the organization it declares, through reextract.
    let ext = example("ontology");
    let out = ok_in(cwd, &["--ontology", &ext, "reextract", "--verbose"]);
    assert!(out.contains("1 rewritten"), "{out}");
    assert!(out.contains("1 entities retyped"), "{out}");
    assert!(
        out.contains("sk:Event sk:Exercise -> sk:Event sk:SpaceDomainAwarenessWargame"),
        "{out}"
    );
    assert!(
        out.contains("+ doc:") && out.contains("sk:participant id:org/ffi"),
        "{out}"
    );
    assert_eq!(event_classes(cwd), vec![SDA.to_string()]);
    // It answers a query that asks for the new class, and one that asks for exercises
    // through the extension's rdfs:subClassOf (stored in the ontology graph).
    let rows = select(
        cwd,
        "SELECT ?e ?date ?host WHERE { ?e a sk:SpaceDomainAwarenessWargame ; sk:date ?date ; \
         sk:host ?host }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["date"], "2025-04-07");
    assert_eq!(rows[0]["host"], "https://w3id.org/spacekg/id/org/spoc");
    let rows = select(
        cwd,
        "SELECT ?e WHERE { ?e a ?c . ?c rdfs:subClassOf+ sk:Exercise }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    // The organization the extension declares is known by its acronym, with its nation and
    // parent in the background graph.
    let rows = select(cwd, ffi);
    assert_eq!(rows[0]["o"], "https://w3id.org/spacekg/id/org/ffi");
    let rows = select(
        cwd,
        "SELECT ?n ?p WHERE { GRAPH <https://w3id.org/spacekg/graph/background> { \
         <https://w3id.org/spacekg/id/org/ffi> sk:country ?n ; sk:subOrganizationOf ?p } }",
    );
    assert_eq!(rows[0]["n"], "https://w3id.org/spacekg/id/nation/NO");
    assert_eq!(rows[0]["p"], "https://w3id.org/spacekg/id/org/no_mod");
    // It appears in `diagram event` as its own kind: a legend row and a colour of its own.
    let rows = select(
        cwd,
        "SELECT ?e WHERE { ?e a sk:SpaceDomainAwarenessWargame }",
    );
    let dot = ok_in(
        cwd,
        &[
            "--ontology",
            &ext,
            "diagram",
            "event",
            &rows[0]["e"],
            "--format",
            "dot",
        ],
    );
    assert!(
        dot.contains("Space domain awareness wargame (hexagon)"),
        "the legend names the new kind: {dot}"
    );
    // The exported graph carries the new class.
    let ttl = ok_in(cwd, &["export", "--format", "turtle"]);
    assert!(
        ttl.contains("sk:SpaceDomainAwarenessWargame"),
        "export lacks the class"
    );
    // A second run with the extension changes nothing more.
    let out = ok_in(cwd, &["--ontology", &ext, "reextract"]);
    assert!(out.contains("0 rewritten"), "{out}");
}

#[test]
fn default_extension_folder_is_used_when_present() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cwd = dir.path();
    let folder = cwd.join("spacekg-ontology");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::copy(
        example("ontology/sda-wargame.ttl"),
        folder.join("sda-wargame.ttl"),
    )
    .expect("copy");
    ok_in(cwd, &["ingest", &example("releases")]);
    assert_eq!(event_classes(cwd), vec![SDA.to_string()]);
    // A folder given explicitly must exist.
    let out = run_in(cwd, &["--ontology", "no-such-folder", "reextract"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-folder") && err.contains("does not exist"),
        "{err}"
    );
}

#[test]
fn ontology_check_explains_each_problem_with_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cwd = dir.path();
    // The worked example is clean.
    let out = ok_in(cwd, &["ontology", "check", &example("ontology")]);
    assert!(out.contains("1 file checked, 0 problems"), "{out}");
    // A folder with one file of each kind of problem.
    let ext = cwd.join("ext");
    std::fs::create_dir(&ext).expect("mkdir");
    std::fs::write(
        ext.join("bad.ttl"),
        "@prefix sk: <https://w3id.org/spacekg/ontology#> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         \n\
         # sk:LiaisonPosting is mentioned in this comment first.\n\
         sk:LiaisonPosting rdfs:label \"Liaison posting\"@en ;\n\
         \x20   sk:trigger \"liaison posting\" .\n\
         \n\
         sk:LaunchAgreementSigning rdfs:subClassOf sk:Signing ;\n\
         \x20   sk:trigger \"launch agreement\" , \"inked\" .\n\
         \n\
         sk:Thing rdfs:subClassOf ex:Stuff .\n",
    )
    .expect("write");
    std::fs::write(
        ext.join("broken.ttl"),
        "@prefix sk: <https://w3id.org/spacekg/ontology#> .\n\nsk:A sk:trigger \"a\"\nsk:B .\n",
    )
    .expect("write");
    let out = run_in(cwd, &["ontology", "check", ext.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let bad = ext.join("bad.ttl").display().to_string();
    let broken = ext.join("broken.ttl").display().to_string();
    for expected in [
        format!("{bad}:5: class sk:LiaisonPosting has no parent"),
        format!("{bad}:8: sk:LaunchAgreementSigning has no rdfs:label"),
        format!("{bad}:9: trigger \"inked\" of sk:LaunchAgreementSigning clashes with the trigger \"inked\" of sk:Signing"),
        format!("{bad}:11: unknown prefix `ex:`"),
        format!("{broken}:4: Turtle syntax error"),
    ] {
        assert!(text.contains(&expected), "missing `{expected}` in\n{text}");
    }
    assert!(text.contains("2 files checked"), "{text}");
    // Only what is wrong: the first class has a label, the clash is only "inked".
    assert!(!text.contains("LiaisonPosting has no rdfs:label"), "{text}");
    assert!(!text.contains("\"launch agreement\" of"), "{text}");
}

#[test]
fn ontology_list_shows_core_and_extension_terms_as_a_tree() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cwd = dir.path();
    let core = ok_in(cwd, &["ontology", "list"]);
    assert!(core.contains("\n    sk:Exercise \"Exercise\""), "{core}");
    assert!(!core.contains("SpaceDomainAwarenessWargame"));
    let ext = ok_in(
        cwd,
        &["--ontology", &example("ontology"), "ontology", "list"],
    );
    let line = ext
        .lines()
        .find(|l| l.contains("sk:SpaceDomainAwarenessWargame"))
        .expect("the extension class is listed");
    assert!(
        line.starts_with("      sk:"),
        "indented under sk:Exercise: {line}"
    );
    assert!(
        line.contains("(extension: ") && line.contains("sda-wargame.ttl"),
        "{line}"
    );
    assert!(
        ext.contains("\n    sk:host \"host\" (object property)"),
        "{ext}"
    );
    // The organizations and the person the extension declares.
    let known = ext
        .split("Known entities\n")
        .nth(1)
        .expect("a section of known entities");
    assert!(
        known.contains("\"Norwegian Defence Research Establishment\" (sk:Organization) also FFI, Forsvarets forskningsinstitutt"),
        "{known}"
    );
    assert!(known.contains("\"Ingrid Aas\" (sk:Person)"), "{known}");
    assert!(!core.contains("Known entities"));
}

#[test]
fn validate_accepts_the_sample_corpus_and_reports_violations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cwd = dir.path();
    let releases = root().join("data/releases").display().to_string();
    ok_in(
        cwd,
        &[
            "--ontology",
            &example("ontology"),
            "ingest",
            &releases,
            &example("releases"),
        ],
    );
    let out = ok_in(cwd, &["validate"]);
    assert!(
        out.contains(" 0 violations") && out.contains("the graph conforms"),
        "{out}"
    );
    let checked: usize = out
        .split(" focus nodes checked")
        .next()
        .and_then(|n| n.trim().parse().ok())
        .expect("a count of focus nodes");
    assert!(checked > 1000, "{out}");
    // Stricter shapes of the same subset: persons without a rank are violations, named with
    // their focus node and path; exit code 1.
    let shapes = cwd.join("strict.ttl");
    std::fs::write(
        &shapes,
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\
         @prefix sk: <https://w3id.org/spacekg/ontology#> .\n\
         <urn:spacekg:test:persons> a sh:NodeShape ; sh:targetClass sk:Person ;\n\
         \x20 sh:property [ sh:path sk:rank ; sh:minCount 1 ; sh:message \"a person has a rank\" ] .\n",
    )
    .expect("write");
    let out = run_in(cwd, &["validate", "--shapes", shapes.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "Violation: id:person/ingrid-aas sk:rank: a person has a rank (0 values, at least 1 expected)"
        ),
        "{text}"
    );
    assert!(text.contains("the graph does not conform"), "{text}");
}

#[test]
fn committed_ontology_page_is_up_to_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = ok_in(dir.path(), &["ontology", "doc"]);
    let committed =
        std::fs::read_to_string(root().join("docs/ontology.md")).expect("docs/ontology.md");
    assert!(
        page == committed,
        "docs/ontology.md is stale: run `cargo run -- ontology doc -o docs/ontology.md`"
    );
    // Every class and property of the core has its section, from its label and comment.
    assert!(page.contains("### `sk:Exercise`: Exercise\n\nAn event in which forces"));
    assert!(page.contains("- Range: [`sk:Place`](#sk-Place) or [`sk:Nation`](#sk-Nation)"));
    // With an extension loaded, its terms are documented and marked.
    let ext = ok_in(
        dir.path(),
        &["--ontology", &example("ontology"), "ontology", "doc"],
    );
    assert!(
        ext.contains("### `sk:SpaceDomainAwarenessWargame`: Space domain awareness wargame"),
        "{ext}"
    );
    assert!(ext.contains("- Defined in the extension `"));
    assert!(ext.contains("- Subclasses: [`sk:SpaceDomainAwarenessWargame`]"));
}
