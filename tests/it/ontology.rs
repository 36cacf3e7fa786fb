//! Ontology extensions through the real `spacekg` binary: the worked example of
//! examples/extension (ingest, add the extension, re-extract, query, export), the default
//! extension folder, `ontology check`, `ontology list`, `ontology doc` and `validate`.

use crate::util::{copy_dir, copy_of, lasting_dir, ok_in, root, run_in, select_in, Scratch};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
    let mut v: Vec<String> = select_in(
        cwd,
        "SELECT DISTINCT ?c WHERE { ?e a sk:Event ; a ?c FILTER(?c != sk:Event) }",
    )
    .into_iter()
    .map(|r| r["c"].clone())
    .collect();
    v.sort();
    v
}

// The worked example, as examples/extension/README.md tells it: the release ingested with
// the core ontology, then re-extracted with the extension.

/// The folder in which the example's release was ingested with the core ontology.
fn before_extension() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let cwd = lasting_dir("extension-before");
        let out = ok_in(&cwd, &["ingest", &example("releases")]);
        assert!(out.contains("1 new"), "{out}");
        cwd
    })
}

/// The folder of `before_extension` re-extracted with the extension, and what
/// `reextract --verbose` printed.
fn after_extension() -> &'static (PathBuf, String) {
    static DIR: OnceLock<(PathBuf, String)> = OnceLock::new();
    DIR.get_or_init(|| {
        let cwd = lasting_dir("extension-after");
        copy_dir(before_extension(), &cwd);
        let out = ok_in(
            &cwd,
            &["--ontology", &example("ontology"), "reextract", "--verbose"],
        );
        (cwd, out)
    })
}

const FFI_PARTICIPANT: &str =
    "SELECT ?o WHERE { ?e a sk:Event ; sk:participant ?o . ?o skos:altLabel \"FFI\"@en }";

/// Before: the core trigger "wargame" makes it a plain exercise.
#[test]
fn without_the_extension_the_wargame_is_a_plain_exercise() {
    let s = copy_of(before_extension());
    assert_eq!(event_classes(s.path()), vec![EXERCISE.to_string()]);
}

/// Before: FFI is unknown.
#[test]
fn without_the_extension_its_organization_is_unknown() {
    let s = copy_of(before_extension());
    assert!(select_in(s.path(), FFI_PARTICIPANT).is_empty());
}

#[test]
fn without_the_extension_the_event_view_draws_an_exercise() {
    let s = copy_of(before_extension());
    let event = select_in(s.path(), "SELECT ?e WHERE { ?e a sk:Exercise }");
    let dot = ok_in(
        s.path(),
        &["diagram", "event", &event[0]["e"], "--format", "dot"],
    );
    assert!(dot.contains("Exercise (hexagon)"), "{dot}");
    assert!(!dot.contains("Space domain awareness wargame"), "{dot}");
}

#[test]
fn reextract_with_the_same_ontology_changes_nothing() {
    let s = copy_of(before_extension());
    let out = ok_in(s.path(), &["reextract"]);
    assert!(
        out.contains("0 rewritten") && out.contains("0 entities retyped"),
        "{out}"
    );
}

#[test]
fn reextract_with_the_extension_reports_retyped_entities_and_new_facts() {
    let out = &after_extension().1;
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
}

#[test]
fn after_reextract_the_event_has_the_extension_class() {
    let s = copy_of(&after_extension().0);
    assert_eq!(event_classes(s.path()), vec![SDA.to_string()]);
}

/// It answers a query that asks for the new class.
#[test]
fn after_reextract_a_query_for_the_new_class_answers() {
    let s = copy_of(&after_extension().0);
    let rows = select_in(
        s.path(),
        "SELECT ?e ?date ?host WHERE { ?e a sk:SpaceDomainAwarenessWargame ; sk:date ?date ; \
         sk:host ?host }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["date"], "2025-04-07");
    assert_eq!(rows[0]["host"], "https://w3id.org/spacekg/id/org/spoc");
}

/// One that asks for exercises finds it through the extension's rdfs:subClassOf (stored in
/// the ontology graph).
#[test]
fn after_reextract_a_query_for_exercises_finds_it_through_its_parent_class() {
    let s = copy_of(&after_extension().0);
    let rows = select_in(
        s.path(),
        "SELECT ?e WHERE { ?e a ?c . ?c rdfs:subClassOf+ sk:Exercise }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
}

/// The organization the extension declares is known by its acronym.
#[test]
fn after_reextract_the_extension_organization_is_known_by_its_acronym() {
    let s = copy_of(&after_extension().0);
    let rows = select_in(s.path(), FFI_PARTICIPANT);
    assert_eq!(rows[0]["o"], "https://w3id.org/spacekg/id/org/ffi");
}

/// ... with its nation and parent in the background graph.
#[test]
fn after_reextract_the_extension_organization_has_its_nation_and_parent() {
    let s = copy_of(&after_extension().0);
    let rows = select_in(
        s.path(),
        "SELECT ?n ?p WHERE { GRAPH <https://w3id.org/spacekg/graph/background> { \
         <https://w3id.org/spacekg/id/org/ffi> sk:country ?n ; sk:subOrganizationOf ?p } }",
    );
    assert_eq!(rows[0]["n"], "https://w3id.org/spacekg/id/nation/NO");
    assert_eq!(rows[0]["p"], "https://w3id.org/spacekg/id/org/no_mod");
}

/// It appears in `diagram event` as its own kind: a legend row and a colour of its own.
#[test]
fn after_reextract_the_event_view_names_the_new_kind_in_its_legend() {
    let s = copy_of(&after_extension().0);
    let rows = select_in(
        s.path(),
        "SELECT ?e WHERE { ?e a sk:SpaceDomainAwarenessWargame }",
    );
    let dot = ok_in(
        s.path(),
        &[
            "--ontology",
            &example("ontology"),
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
}

#[test]
fn after_reextract_the_export_carries_the_new_class() {
    let s = copy_of(&after_extension().0);
    let ttl = ok_in(s.path(), &["export", "--format", "turtle"]);
    assert!(
        ttl.contains("sk:SpaceDomainAwarenessWargame"),
        "export lacks the class"
    );
}

#[test]
fn a_second_reextract_with_the_extension_changes_nothing() {
    let s = copy_of(&after_extension().0);
    let out = ok_in(s.path(), &["--ontology", &example("ontology"), "reextract"]);
    assert!(out.contains("0 rewritten"), "{out}");
}

#[test]
fn default_extension_folder_is_used_when_present() {
    let s = Scratch::new();
    let folder = s.file("spacekg-ontology");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::copy(
        example("ontology/sda-wargame.ttl"),
        folder.join("sda-wargame.ttl"),
    )
    .expect("copy");
    ok_in(s.path(), &["ingest", &example("releases")]);
    assert_eq!(event_classes(s.path()), vec![SDA.to_string()]);
}

#[test]
fn an_extension_folder_given_explicitly_must_exist() {
    let s = Scratch::new();
    let out = run_in(s.path(), &["--ontology", "no-such-folder", "reextract"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-folder") && err.contains("does not exist"),
        "{err}"
    );
}

#[test]
fn ontology_check_passes_the_worked_example() {
    let s = Scratch::new();
    let out = ok_in(s.path(), &["ontology", "check", &example("ontology")]);
    assert!(out.contains("1 file checked, 0 problems"), "{out}");
}

/// `ontology check` on a folder with one file of each kind of problem: exit code 1, and the
/// report, with the paths of the two files.
fn check_bad_extension() -> (Scratch, std::process::Output, String, String) {
    let s = Scratch::new();
    let ext = s.file("ext");
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
    let out = run_in(s.path(), &["ontology", "check", ext.to_str().unwrap()]);
    let bad = ext.join("bad.ttl").display().to_string();
    let broken = ext.join("broken.ttl").display().to_string();
    (s, out, bad, broken)
}

#[test]
fn ontology_check_explains_each_problem_with_file_and_line() {
    let (_s, out, bad, broken) = check_bad_extension();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let missing: Vec<String> = [
        format!("{bad}:5: class sk:LiaisonPosting has no parent"),
        format!("{bad}:8: sk:LaunchAgreementSigning has no rdfs:label"),
        format!("{bad}:9: trigger \"inked\" of sk:LaunchAgreementSigning clashes with the trigger \"inked\" of sk:Signing"),
        format!("{bad}:11: unknown prefix `ex:`"),
        format!("{broken}:4: Turtle syntax error"),
    ]
    .into_iter()
    .filter(|expected| !text.contains(expected))
    .collect();
    assert!(missing.is_empty(), "missing {missing:#?} in\n{text}");
    assert!(text.contains("2 files checked"), "{text}");
}

/// Only what is wrong: the first class has a label, the clash is only "inked".
#[test]
fn ontology_check_reports_nothing_that_is_right() {
    let (_s, out, _, _) = check_bad_extension();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("LiaisonPosting has no rdfs:label"), "{text}");
    assert!(!text.contains("\"launch agreement\" of"), "{text}");
}

#[test]
fn ontology_list_shows_the_core_as_a_tree() {
    let s = Scratch::new();
    let core = ok_in(s.path(), &["ontology", "list"]);
    assert!(core.contains("\n    sk:Exercise \"Exercise\""), "{core}");
    assert!(!core.contains("SpaceDomainAwarenessWargame"));
    assert!(!core.contains("Known entities"));
}

fn list_with_extension() -> String {
    let s = Scratch::new();
    ok_in(
        s.path(),
        &["--ontology", &example("ontology"), "ontology", "list"],
    )
}

#[test]
fn ontology_list_places_extension_classes_under_their_parent_marked() {
    let ext = list_with_extension();
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
}

/// The organizations and the person the extension declares.
#[test]
fn ontology_list_shows_the_entities_an_extension_declares() {
    let ext = list_with_extension();
    let known = ext
        .split("Known entities\n")
        .nth(1)
        .expect("a section of known entities");
    assert!(
        known.contains("\"Norwegian Defence Research Establishment\" (sk:Organization) also FFI, Forsvarets forskningsinstitutt"),
        "{known}"
    );
    assert!(known.contains("\"Ingrid Aas\" (sk:Person)"), "{known}");
}

/// The folder whose default store holds the sample releases and the extension example,
/// ingested with the extension.
fn sample_with_extension() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let cwd = lasting_dir("sample-extension");
        let releases = root().join("data/releases").display().to_string();
        ok_in(
            &cwd,
            &[
                "--ontology",
                &example("ontology"),
                "ingest",
                &releases,
                &example("releases"),
            ],
        );
        cwd
    })
}

#[test]
fn validate_accepts_the_sample_corpus_with_the_extension() {
    let s = copy_of(sample_with_extension());
    let out = ok_in(s.path(), &["validate"]);
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
}

/// Stricter shapes of the same subset: persons without a rank are violations, named with
/// their focus node and path; exit code 1.
#[test]
fn validate_names_each_violation_of_stricter_shapes() {
    let s = copy_of(sample_with_extension());
    let shapes = s.file("strict.ttl");
    std::fs::write(
        &shapes,
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\
         @prefix sk: <https://w3id.org/spacekg/ontology#> .\n\
         <urn:spacekg:test:persons> a sh:NodeShape ; sh:targetClass sk:Person ;\n\
         \x20 sh:property [ sh:path sk:rank ; sh:minCount 1 ; sh:message \"a person has a rank\" ] .\n",
    )
    .expect("write");
    let out = run_in(
        s.path(),
        &["validate", "--shapes", shapes.to_str().unwrap()],
    );
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

/// `ontology doc` with the core ontology.
fn core_page() -> String {
    ok_in(Scratch::new().path(), &["ontology", "doc"])
}

#[test]
fn committed_ontology_page_is_up_to_date() {
    let committed =
        std::fs::read_to_string(root().join("docs/ontology.md")).expect("docs/ontology.md");
    assert!(
        core_page() == committed,
        "docs/ontology.md is stale: run `cargo run -- ontology doc -o docs/ontology.md`"
    );
}

/// Every class and property of the core has its section, from its label and comment.
#[test]
fn ontology_page_documents_each_term_from_its_label_and_comment() {
    let page = core_page();
    assert!(page.contains("### `sk:Exercise`: Exercise\n\nAn event in which forces"));
    assert!(page.contains("- Range: [`sk:Place`](#sk-Place) or [`sk:Nation`](#sk-Nation)"));
}

/// With an extension loaded, its terms are documented and marked.
#[test]
fn ontology_page_documents_and_marks_extension_terms() {
    let ext = ok_in(
        Scratch::new().path(),
        &["--ontology", &example("ontology"), "ontology", "doc"],
    );
    assert!(
        ext.contains("### `sk:SpaceDomainAwarenessWargame`: Space domain awareness wargame"),
        "{ext}"
    );
    assert!(ext.contains("- Defined in the extension `"));
    assert!(ext.contains("- Subclasses: [`sk:SpaceDomainAwarenessWargame`]"));
}
