//! A small SHACL core evaluator: the subset `ontology/shapes.ttl` uses (sh:NodeShape,
//! sh:targetClass, sh:property with an IRI sh:path, sh:minCount, sh:maxCount, sh:class,
//! sh:datatype, sh:nodeKind, sh:or of those, sh:message, sh:severity), run over the merge of
//! the store's graphs. Shapes outside the subset are refused when read, never ignored.
//!
//! sh:class follows the SHACL definition: a value is an instance of C when one of its
//! rdf:type values reaches C through rdfs:subClassOf statements of the data (the store's
//! ontology graph holds them, extensions included).

use crate::store::error::ShaclError;
use crate::store::GraphStore;
use crate::vocab::{RDFS_SUBCLASSOF, RDF_FIRST, RDF_LANG_STRING, RDF_NIL, RDF_REST, RDF_TYPE, SH};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The bundled shapes.
pub(crate) const SHAPES: &str = include_str!("../../ontology/shapes.ttl");

/// How serious a failed constraint is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Violation,
    Warning,
    Info,
}

/// sh:nodeKind values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Iri,
    BlankNode,
    Literal,
    BlankNodeOrIri,
    BlankNodeOrLiteral,
    IriOrLiteral,
}

/// The value constraints of a property shape (also the members of its sh:or).
#[derive(Debug, Clone, Default)]
pub struct ValueConstraints {
    pub class: Vec<String>,
    pub datatype: Option<String>,
    pub node_kind: Option<NodeKind>,
    pub or: Vec<ValueConstraints>,
}

#[derive(Debug, Clone)]
pub struct PropertyShape {
    pub path: String,
    pub min_count: Option<usize>,
    pub max_count: Option<usize>,
    pub values: ValueConstraints,
    pub message: Option<String>,
    pub severity: Severity,
}

#[derive(Debug, Clone)]
pub struct NodeShape {
    pub iri: String,
    pub target_classes: Vec<String>,
    pub properties: Vec<PropertyShape>,
}

/// A failed constraint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ValidationResult {
    pub severity: Severity,
    pub focus: String,
    pub path: String,
    pub message: String,
    pub shape: String,
}

/// The outcome of a validation.
#[derive(Debug, Default)]
pub struct ValidationReport {
    pub results: Vec<ValidationResult>,
    pub focus_nodes: usize,
}

impl ValidationReport {
    /// Whether no result has sh:Violation severity.
    pub fn conforms(&self) -> bool {
        !self
            .results
            .iter()
            .any(|r| r.severity == Severity::Violation)
    }
}

/// The subjects' outgoing edges and the data's class hierarchy.
struct Data {
    out: HashMap<String, Vec<(String, Term)>>,
    instances: HashMap<String, BTreeSet<String>>,
    superclasses: HashMap<String, Vec<String>>,
}

fn node_text(n: &NamedOrBlankNode) -> String {
    match n {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

fn term_key(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        _ => None,
    }
}

impl Data {
    fn new(triples: Vec<Triple>) -> Self {
        let mut out: HashMap<String, Vec<(String, Term)>> = HashMap::new();
        let mut instances: HashMap<String, BTreeSet<String>> = HashMap::new();
        let mut superclasses: HashMap<String, Vec<String>> = HashMap::new();
        let mut seen: HashSet<String> = HashSet::new();
        for t in triples {
            // A CONSTRUCT may give a triple more than once.
            if !seen.insert(t.to_string()) {
                continue;
            }
            let s = node_text(&t.subject);
            let p = t.predicate.as_str().to_string();
            if p == RDF_TYPE {
                if let Some(c) = term_key(&t.object) {
                    instances.entry(c).or_default().insert(s.clone());
                }
            } else if p == RDFS_SUBCLASSOF {
                if let Some(c) = term_key(&t.object) {
                    superclasses.entry(s.clone()).or_default().push(c);
                }
            }
            out.entry(s).or_default().push((p, t.object));
        }
        Data {
            out,
            instances,
            superclasses,
        }
    }

    fn values(&self, focus: &str, path: &str) -> Vec<&Term> {
        self.out
            .get(focus)
            .map(|v| {
                v.iter()
                    .filter(|(p, _)| p == path)
                    .map(|(_, o)| o)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `class` and every class below it.
    fn subclasses(&self, class: &str) -> HashSet<String> {
        let mut below: HashMap<&str, Vec<&str>> = HashMap::new();
        for (c, sups) in &self.superclasses {
            for s in sups {
                below.entry(s.as_str()).or_default().push(c.as_str());
            }
        }
        let mut all = HashSet::from([class.to_string()]);
        let mut todo = vec![class];
        while let Some(c) = todo.pop() {
            for sub in below.get(c).into_iter().flatten() {
                if all.insert(sub.to_string()) {
                    todo.push(sub);
                }
            }
        }
        all
    }

    /// SHACL instances of `class`: typed with it or with a subclass.
    fn instances_of(&self, class: &str) -> BTreeSet<String> {
        self.subclasses(class)
            .iter()
            .filter_map(|c| self.instances.get(c))
            .flatten()
            .cloned()
            .collect()
    }

    fn is_instance(
        &self,
        node: &str,
        class: &str,
        cache: &mut HashMap<String, HashSet<String>>,
    ) -> bool {
        let subs = cache
            .entry(class.to_string())
            .or_insert_with(|| self.subclasses(class));
        self.values(node, RDF_TYPE)
            .iter()
            .filter_map(|t| term_key(t))
            .any(|t| subs.contains(&t))
    }
}

/// Reads shapes from Turtle; refuses SHACL features outside the subset.
pub(crate) fn parse_shapes(name: &str, turtle: &str) -> Result<Vec<NodeShape>, ShaclError> {
    let mut triples: Vec<(String, String, Term)> = Vec::new();
    for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
        let q = q.map_err(|e| ShaclError::Syntax {
            file: name.to_string(),
            message: e.to_string(),
        })?;
        triples.push((
            node_text(&q.subject),
            q.predicate.as_str().to_string(),
            q.object,
        ));
    }
    let get = |s: &str, p: &str| -> Vec<Term> {
        triples
            .iter()
            .filter(|(ts, tp, _)| ts == s && tp == p)
            .map(|(_, _, o)| o.clone())
            .collect()
    };
    let sh = |l: &str| format!("{SH}{l}");
    let unsupported = |s: &str, allowed: &[&str]| -> Result<(), ShaclError> {
        for (ts, tp, _) in &triples {
            if ts == s {
                if let Some(l) = tp.strip_prefix(SH) {
                    if !allowed.contains(&l) {
                        return Err(ShaclError::Unsupported {
                            file: name.to_string(),
                            feature: format!("sh:{l}"),
                        });
                    }
                }
            }
        }
        Ok(())
    };
    let iri_of = |t: &Term, what: &str| -> Result<String, ShaclError> {
        match t {
            Term::NamedNode(n) => Ok(n.as_str().to_string()),
            _ => Err(ShaclError::Unsupported {
                file: name.to_string(),
                feature: format!("{what} that is not an IRI"),
            }),
        }
    };
    let count = |t: &Term| -> Result<usize, ShaclError> {
        match t {
            Term::Literal(l) => l.value().parse().map_err(|_| ShaclError::Syntax {
                file: name.to_string(),
                message: format!("count `{}` is not a non-negative integer", l.value()),
            }),
            _ => Err(ShaclError::Syntax {
                file: name.to_string(),
                message: "a count is not a literal".into(),
            }),
        }
    };
    let list = |head: &Term| -> Vec<String> {
        let mut out = Vec::new();
        let mut node = term_key(head);
        while let Some(n) = node.filter(|n| n != RDF_NIL) {
            if let Some(first) = get(&n, RDF_FIRST).first().and_then(term_key) {
                out.push(first);
            }
            node = get(&n, RDF_REST).first().and_then(term_key);
        }
        out
    };
    fn values_of(
        node: &str,
        name: &str,
        get: &dyn Fn(&str, &str) -> Vec<Term>,
        list: &dyn Fn(&Term) -> Vec<String>,
        iri_of: &dyn Fn(&Term, &str) -> Result<String, ShaclError>,
    ) -> Result<ValueConstraints, ShaclError> {
        let sh = |l: &str| format!("{SH}{l}");
        let mut v = ValueConstraints::default();
        for c in get(node, &sh("class")) {
            v.class.push(iri_of(&c, "sh:class")?);
        }
        if let Some(d) = get(node, &sh("datatype")).first() {
            v.datatype = Some(iri_of(d, "sh:datatype")?);
        }
        if let Some(k) = get(node, &sh("nodeKind")).first() {
            let k = iri_of(k, "sh:nodeKind")?;
            v.node_kind = Some(match k.strip_prefix(SH).unwrap_or("") {
                "IRI" => NodeKind::Iri,
                "BlankNode" => NodeKind::BlankNode,
                "Literal" => NodeKind::Literal,
                "BlankNodeOrIRI" => NodeKind::BlankNodeOrIri,
                "BlankNodeOrLiteral" => NodeKind::BlankNodeOrLiteral,
                "IRIOrLiteral" => NodeKind::IriOrLiteral,
                _ => {
                    return Err(ShaclError::Unsupported {
                        file: name.to_string(),
                        feature: format!("sh:nodeKind <{k}>"),
                    })
                }
            });
        }
        for o in get(node, &sh("or")) {
            for member in list(&o) {
                v.or.push(values_of(&member, name, get, list, iri_of)?);
            }
        }
        Ok(v)
    }
    let severity = |node: &str| -> Severity {
        match get(node, &sh("severity")).first() {
            Some(Term::NamedNode(n)) if n.as_str() == sh("Warning") => Severity::Warning,
            Some(Term::NamedNode(n)) if n.as_str() == sh("Info") => Severity::Info,
            _ => Severity::Violation,
        }
    };
    let mut shapes = Vec::new();
    let node_shapes: BTreeSet<String> = triples
        .iter()
        .filter(|(_, p, o)| {
            p == RDF_TYPE && matches!(o, Term::NamedNode(n) if n.as_str() == sh("NodeShape"))
        })
        .map(|(s, _, _)| s.clone())
        .collect();
    for s in node_shapes {
        unsupported(&s, &["targetClass", "property", "severity", "message"])?;
        let mut shape = NodeShape {
            iri: s.clone(),
            target_classes: get(&s, &sh("targetClass"))
                .into_iter()
                .map(|t| iri_of(&t, "sh:targetClass"))
                .collect::<Result<_, _>>()?,
            properties: Vec::new(),
        };
        let node_severity = severity(&s);
        for p in get(&s, &sh("property")) {
            let Some(pn) = term_key(&p) else { continue };
            unsupported(
                &pn,
                &[
                    "path",
                    "minCount",
                    "maxCount",
                    "class",
                    "datatype",
                    "nodeKind",
                    "or",
                    "message",
                    "severity",
                    "name",
                    "description",
                ],
            )?;
            let path = match get(&pn, &sh("path")).first() {
                Some(t) => iri_of(t, "sh:path")?,
                None => {
                    return Err(ShaclError::Syntax {
                        file: name.to_string(),
                        message: format!("a property shape of {s} has no sh:path"),
                    })
                }
            };
            let sev = if get(&pn, &sh("severity")).is_empty() {
                node_severity
            } else {
                severity(&pn)
            };
            shape.properties.push(PropertyShape {
                path,
                min_count: get(&pn, &sh("minCount")).first().map(&count).transpose()?,
                max_count: get(&pn, &sh("maxCount")).first().map(&count).transpose()?,
                values: values_of(&pn, name, &get, &list, &iri_of)?,
                message: get(&pn, &sh("message")).first().map(|t| match t {
                    Term::Literal(l) => l.value().to_string(),
                    other => other.to_string(),
                }),
                severity: sev,
            });
        }
        shapes.push(shape);
    }
    Ok(shapes)
}

fn node_kind_ok(k: NodeKind, t: &Term) -> bool {
    let (iri, blank, lit) = (
        matches!(t, Term::NamedNode(_)),
        matches!(t, Term::BlankNode(_)),
        matches!(t, Term::Literal(_)),
    );
    match k {
        NodeKind::Iri => iri,
        NodeKind::BlankNode => blank,
        NodeKind::Literal => lit,
        NodeKind::BlankNodeOrIri => blank || iri,
        NodeKind::BlankNodeOrLiteral => blank || lit,
        NodeKind::IriOrLiteral => iri || lit,
    }
}

/// Whether a value meets the constraints; the reason when it does not.
fn value_ok(
    d: &Data,
    v: &ValueConstraints,
    t: &Term,
    cache: &mut HashMap<String, HashSet<String>>,
) -> Result<(), String> {
    for c in &v.class {
        let ok = term_key(t).is_some_and(|n| d.is_instance(&n, c, cache));
        if !ok {
            return Err(format!("value {} is not a {}", show(t), short(c)));
        }
    }
    if let Some(dt) = &v.datatype {
        let ok = match t {
            Term::Literal(l) => {
                let actual = if l.language().is_some() {
                    RDF_LANG_STRING
                } else {
                    l.datatype().as_str()
                };
                actual == dt
            }
            _ => false,
        };
        if !ok {
            return Err(format!(
                "value {} is not of datatype {}",
                show(t),
                short(dt)
            ));
        }
    }
    if let Some(k) = v.node_kind {
        if !node_kind_ok(k, t) {
            return Err(format!("value {} is not of node kind {k:?}", show(t)));
        }
    }
    if !v.or.is_empty() && !v.or.iter().any(|m| value_ok(d, m, t, cache).is_ok()) {
        return Err(format!("value {} meets none of the alternatives", show(t)));
    }
    Ok(())
}

fn show(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => crate::store::shorten(n.as_ref()),
        Term::Literal(l) => {
            let v: String = l.value().chars().take(40).collect();
            format!("\"{v}\"")
        }
        other => other.to_string(),
    }
}

fn short(iri: &str) -> String {
    crate::store::shorten(oxigraph::model::NamedNodeRef::new_unchecked(iri))
}

/// Validates triples against shapes.
pub(crate) fn validate_triples(triples: Vec<Triple>, shapes: &[NodeShape]) -> ValidationReport {
    let d = Data::new(triples);
    let mut cache = HashMap::new();
    let mut report = ValidationReport::default();
    let mut focus_all = BTreeSet::new();
    for shape in shapes {
        let focus: BTreeSet<String> = shape
            .target_classes
            .iter()
            .flat_map(|c| d.instances_of(c))
            .collect();
        for f in &focus {
            focus_all.insert(f.clone());
            for p in &shape.properties {
                let values = d.values(f, &p.path);
                let mut fail = |detail: String| {
                    report.results.push(ValidationResult {
                        severity: p.severity,
                        focus: if f.starts_with("_:") {
                            f.clone()
                        } else {
                            short(f)
                        },
                        path: short(&p.path),
                        message: match &p.message {
                            Some(m) => format!("{m} ({detail})"),
                            None => detail,
                        },
                        shape: short(&shape.iri),
                    })
                };
                if let Some(min) = p.min_count {
                    if values.len() < min {
                        fail(format!("{} values, at least {min} expected", values.len()));
                    }
                }
                if let Some(max) = p.max_count {
                    if values.len() > max {
                        fail(format!("{} values, at most {max} expected", values.len()));
                    }
                }
                for v in &values {
                    if let Err(why) = value_ok(&d, &p.values, v, &mut cache) {
                        fail(why);
                    }
                }
            }
        }
    }
    report.results.sort();
    report.results.dedup();
    report.focus_nodes = focus_all.len();
    report
}

/// Validates the merge of the store's graphs against the bundled shapes, or `shapes` (name,
/// Turtle) when given.
pub fn validate(
    store: &dyn GraphStore,
    shapes: Option<(&str, &str)>,
) -> Result<ValidationReport, ShaclError> {
    let (name, text) = shapes.unwrap_or(("ontology/shapes.ttl", SHAPES));
    let shapes = parse_shapes(name, text)?;
    let triples = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")?;
    Ok(validate_triples(triples, &shapes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triples(turtle: &str) -> Vec<Triple> {
        RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(turtle.as_bytes())
            .map(|q| Triple::from(q.expect("test data parses")))
            .collect()
    }

    const PREFIXES: &str = "@prefix sk: <https://w3id.org/spacekg/ontology#> .\n\
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\
        @prefix ex: <https://w3id.org/spacekg/id/> .\n";

    #[test]
    fn the_bundled_shapes_are_in_the_subset() {
        let shapes = parse_shapes("shapes.ttl", SHAPES).expect("parses");
        assert!(shapes.len() >= 10);
        assert!(shapes
            .iter()
            .any(|s| s.target_classes.iter().any(|c| c.ends_with("#Event"))));
    }

    #[test]
    fn each_constraint_reports_its_focus_and_path() {
        let shapes = parse_shapes("shapes.ttl", SHAPES).expect("parses");
        let data = format!(
            "{PREFIXES}\
             sk:Exercise rdfs:subClassOf sk:Event .\n\
             sk:Nation rdfs:subClassOf sk:Agent .\n\
             ex:p a sk:Person .\n\
             ex:jp a sk:Nation ; rdfs:label \"Japan\"@en ; sk:isoCode \"JP\" .\n\
             ex:e1 a sk:Event, sk:Exercise ; rdfs:label \"E1\"@en ; sk:participant ex:jp ;\n\
               sk:location ex:jp ; sk:date \"2024-01-02\"^^xsd:date .\n\
             ex:e2 a sk:Event ; rdfs:label \"E2\"@en ; sk:host ex:thing ; sk:date \"2024\" ;\n\
               sk:location ex:p .\n"
        );
        let r = validate_triples(triples(&data), &shapes);
        assert!(!r.conforms());
        let got: Vec<String> = r
            .results
            .iter()
            .map(|v| format!("{} {} {}", v.focus, v.path, v.message))
            .collect();
        for expected in [
            "id:p <http://www.w3.org/2000/01/rdf-schema#label> a person has a label (the name) (0 values, at least 1 expected)",
            "id:e2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> an event has a kind",
            "id:e2 sk:host an event's host is a nation, organization or person (value id:thing is not a sk:Agent)",
            "id:e2 sk:date an event's date is an xsd:date (value \"2024\" is not of datatype <http://www.w3.org/2001/XMLSchema#date>)",
            "id:e2 sk:location an event's location is a place or a nation (value id:p meets none of the alternatives)",
        ] {
            assert!(got.iter().any(|g| g.starts_with(expected)), "{expected}\nnot in {got:#?}");
        }
        // e1 and the nation are well formed.
        assert!(
            !got.iter()
                .any(|g| g.starts_with("id:e1") || g.starts_with("id:jp")),
            "{got:#?}"
        );
        assert_eq!(got.len(), 5, "{got:#?}");
    }

    #[test]
    fn a_quote_is_spoken_by_a_person_or_an_organization_not_a_place() {
        let shapes = parse_shapes("shapes.ttl", SHAPES).expect("parses");
        let data = format!(
            "{PREFIXES}\
             sk:Organization rdfs:subClassOf sk:Agent .\n\
             ex:agency a sk:Organization ; rdfs:label \"Polar Space Agency\"@en .\n\
             ex:oslo a sk:Place ; rdfs:label \"Oslo\"@en .\n\
             ex:q1 a sk:Quote ; sk:speaker ex:agency .\n\
             ex:q2 a sk:Quote ; sk:speaker ex:oslo .\n"
        );
        let r = validate_triples(triples(&data), &shapes);
        let speakers: Vec<&str> = r
            .results
            .iter()
            .filter(|v| v.path.ends_with("speaker"))
            .map(|v| v.focus.as_str())
            .collect();
        assert_eq!(speakers, ["id:q2"], "{:#?}", r.results);
    }

    #[test]
    fn warnings_do_not_fail_and_unknown_features_are_refused() {
        let shapes = format!(
            "@prefix sh: <http://www.w3.org/ns/shacl#> .\n{PREFIXES}\
             ex:s a sh:NodeShape ; sh:targetClass sk:Person ; sh:severity sh:Warning ;\n\
               sh:property [ sh:path rdfs:label ; sh:minCount 1 ] .\n"
        );
        let shapes = parse_shapes("w.ttl", &shapes).expect("parses");
        let r = validate_triples(triples(&format!("{PREFIXES}ex:p a sk:Person .")), &shapes);
        assert_eq!(r.results.len(), 1);
        assert_eq!(r.results[0].severity, Severity::Warning);
        assert!(r.conforms());
        let bad = format!(
            "@prefix sh: <http://www.w3.org/ns/shacl#> .\n{PREFIXES}\
             ex:s a sh:NodeShape ; sh:targetClass sk:Person ;\n\
               sh:property [ sh:path rdfs:label ; sh:pattern \"^A\" ] .\n"
        );
        let e = parse_shapes("bad.ttl", &bad).expect_err("sh:pattern is outside the subset");
        assert!(e.to_string().contains("sh:pattern"), "{e}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n",
        "@prefix sk: <https://w3id.org/spacekg/ontology#> .\n",
        "sk:S",
        " a sh:NodeShape",
        " sh:targetClass sk:Person",
        " sh:property ",
        "[",
        "]",
        " sh:path sk:rank",
        " sh:path [ sh:inversePath sk:x ]",
        " sh:minCount 1",
        " sh:maxCount \"x\"",
        " sh:class sk:Rank",
        " sh:or ( [ sh:class sk:A ] )",
        " sh:nodeKind sh:IRI",
        " sh:nodeKind sh:Nope",
        " sh:datatype 3",
        " ; ",
        " .\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any shapes text either reads or gives an error naming the file; never a panic.
        #[test]
        fn shapes_read_or_fail_cleanly(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..30)
        ) {
            match parse_shapes("s.ttl", &parts.concat()) {
                Ok(shapes) => {
                    let r = validate_triples(Vec::new(), &shapes);
                    prop_assert!(r.results.is_empty());
                }
                Err(e) => prop_assert!(e.to_string().starts_with("s.ttl: "), "{}", e),
            }
        }
    }
}
