//! The ontology as a whole, core and extensions: its classes and properties with their
//! labels, comments, parents, triggers and head words, read from Turtle. Three uses:
//! `check` explains each problem of extension files with its file and line, `tree` lists the
//! terms as an indented tree, and `markdown` writes the reference page (docs/ontology.md).

use crate::knowledge::error::KnowledgeError;
use crate::knowledge::error::OntologyProblem;
use crate::knowledge::{Knowledge, CORE_ONTOLOGY, ONTOLOGY_NS};
use crate::text::form_key;
use crate::vocab::{OWL, RDFS, RDF_TYPE, SKOS};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The name under which the core ontology is reported.
pub(crate) const CORE_FILE: &str = "ontology/spacekg.ttl";

/// What kind of term an IRI is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TermKind {
    Class,
    ObjectProperty,
    DatatypeProperty,
    AnnotationProperty,
}

impl TermKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TermKind::Class => "class",
            TermKind::ObjectProperty => "object property",
            TermKind::DatatypeProperty => "datatype property",
            TermKind::AnnotationProperty => "annotation property",
        }
    }
    fn is_property(self) -> bool {
        self != TermKind::Class
    }
}

/// A class or property with what the files say of it.
#[derive(Debug, Clone)]
pub struct OntologyTerm {
    pub iri: String,
    pub kind: TermKind,
    pub label: Option<String>,
    pub comment: Option<String>,
    /// rdfs:subClassOf or rdfs:subPropertyOf (named parents only).
    pub parents: Vec<String>,
    /// rdfs:domain and rdfs:range, each a list of alternatives (an owl:unionOf, or one class).
    pub domain: Vec<Vec<String>>,
    pub range: Vec<Vec<String>>,
    /// (trigger, file) pairs: a core class may get triggers from an extension.
    pub triggers: Vec<(String, String)>,
    pub head_words: Vec<String>,
    /// The file that declared it first.
    pub file: String,
    /// Declared by the core ontology.
    pub core: bool,
}

/// A named individual an ontology file declares (a known organization or person).
#[derive(Debug, Clone, Default)]
pub struct Individual {
    pub classes: Vec<String>,
    pub label: Option<String>,
    pub alt_labels: Vec<String>,
    /// The file that typed it first.
    pub file: String,
    pub core: bool,
}

/// A problem with the file and line (1-based) it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub problem: OntologyProblem,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

/// One parsed file: its quads, prefixes and text (for locating subjects).
struct ParsedFile {
    name: String,
    text: String,
    quads: Vec<Quad>,
    prefixes: Vec<(String, String)>,
}

/// At most this many syntax errors are reported per file.
const MAX_SYNTAX_ERRORS: usize = 20;

fn parse(name: &str, text: &str, problems: &mut Vec<Problem>) -> ParsedFile {
    let mut parser = RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes());
    let mut quads = Vec::new();
    let mut errors = 0;
    for r in parser.by_ref() {
        match r {
            Ok(q) => quads.push(q),
            Err(e) => {
                errors += 1;
                if errors > MAX_SYNTAX_ERRORS {
                    break;
                }
                let line = e.location().map(|l| l.start.line as usize + 1);
                let message = e.to_string();
                let problem = match undeclared_prefix(&message) {
                    Some(p) => OntologyProblem::UnknownPrefix(p),
                    None => OntologyProblem::Syntax(message),
                };
                problems.push(Problem {
                    file: name.to_string(),
                    line,
                    problem,
                });
            }
        }
    }
    let prefixes = parser
        .prefixes()
        .map(|(p, i)| (p.to_string(), i.to_string()))
        .collect();
    ParsedFile {
        name: name.to_string(),
        text: text.to_string(),
        quads,
        prefixes,
    }
}

/// The prefix named by the parser's "The prefix X: has not been declared" message.
fn undeclared_prefix(message: &str) -> Option<String> {
    let rest = message.split("The prefix ").nth(1)?;
    let (prefix, tail) = rest.split_once(':')?;
    tail.contains("not been declared")
        .then(|| prefix.to_string())
}

/// The named members of the owl:unionOf list of blank node `node`.
fn union_members(quads: &[Quad], node: &str) -> Vec<String> {
    let object_of = |s: &str, p: &str| {
        quads.iter().find_map(|q| match (&q.subject, &q.object) {
            (NamedOrBlankNode::BlankNode(b), o) if b.as_str() == s && q.predicate.as_str() == p => {
                Some(o.clone())
            }
            _ => None,
        })
    };
    let rdf = |l: &str| format!("{}{l}", crate::vocab::RDF);
    let mut out = Vec::new();
    let mut item = object_of(node, &format!("{OWL}unionOf"));
    while let Some(Term::BlankNode(cell)) = item {
        if let Some(Term::NamedNode(n)) = object_of(cell.as_str(), &rdf("first")) {
            out.push(n.as_str().to_string());
        }
        item = object_of(cell.as_str(), &rdf("rest"));
    }
    out
}

/// The classes and properties of a set of ontology files.
#[derive(Debug, Default)]
pub struct Ontology {
    pub terms: BTreeMap<String, OntologyTerm>,
    /// Named individuals typed with a class, e.g. known organizations and persons.
    pub individuals: BTreeMap<String, Individual>,
    /// The core ontology's header: IRI, title, description, version.
    pub iri: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub version: Option<String>,
    /// The core file's prefixes (name, namespace), for compact names in documentation.
    pub prefixes: Vec<(String, String)>,
}

impl Ontology {
    /// The core ontology and the given extension files (name, Turtle); problems found
    /// while parsing are returned beside it.
    pub fn read(extensions: &[(String, String)]) -> (Self, Vec<Problem>) {
        let mut problems = Vec::new();
        let core = parse(CORE_FILE, CORE_ONTOLOGY, &mut problems);
        let ext: Vec<ParsedFile> = extensions
            .iter()
            .map(|(n, t)| parse(n, t, &mut problems))
            .collect();
        let mut o = Ontology::default();
        o.add(&core, true);
        for f in &ext {
            o.add(f, false);
        }
        (o, problems)
    }

    fn add(&mut self, f: &ParsedFile, core: bool) {
        if core {
            self.prefixes = f.prefixes.clone();
            self.read_header(f);
        }
        let sk = |l: &str| format!("{ONTOLOGY_NS}{l}");
        let rdfs = |l: &str| format!("{RDFS}{l}");
        let owl = |l: &str| format!("{OWL}{l}");
        let kind_of = |iri: &str| -> Option<TermKind> {
            [
                (owl("Class"), TermKind::Class),
                (rdfs("Class"), TermKind::Class),
                (owl("ObjectProperty"), TermKind::ObjectProperty),
                (owl("DatatypeProperty"), TermKind::DatatypeProperty),
                (owl("AnnotationProperty"), TermKind::AnnotationProperty),
            ]
            .into_iter()
            .find(|(i, _)| i == iri)
            .map(|(_, k)| k)
        };
        let new_term = |iri: &str, kind: TermKind| OntologyTerm {
            iri: iri.to_string(),
            kind,
            label: None,
            comment: None,
            parents: Vec::new(),
            domain: Vec::new(),
            range: Vec::new(),
            triggers: Vec::new(),
            head_words: Vec::new(),
            file: f.name.clone(),
            core,
        };
        // Declarations first, so that annotations attach to known terms.
        for q in &f.quads {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                continue;
            };
            let p = q.predicate.as_str();
            if p == sk("trigger") || p == sk("headWord") {
                // Triggers make it a class even when the file forgot to say so.
                self.terms
                    .entry(s.as_str().to_string())
                    .or_insert_with(|| new_term(s.as_str(), TermKind::Class));
            }
            let Term::NamedNode(o) = &q.object else {
                continue;
            };
            let kind = if p == RDF_TYPE {
                kind_of(o.as_str())
            } else if p == rdfs("subClassOf") {
                Some(TermKind::Class)
            } else if p == rdfs("subPropertyOf") {
                Some(TermKind::ObjectProperty)
            } else {
                None
            };
            match kind {
                Some(k) => {
                    self.terms
                        .entry(s.as_str().to_string())
                        .or_insert_with(|| new_term(s.as_str(), k));
                }
                None if p == RDF_TYPE => self
                    .individuals
                    .entry(s.as_str().to_string())
                    .or_insert_with(|| Individual {
                        file: f.name.clone(),
                        core,
                        ..Individual::default()
                    })
                    .classes
                    .push(o.as_str().to_string()),
                None => {}
            }
        }
        for q in &f.quads {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                continue;
            };
            let p = q.predicate.as_str();
            if let (Some(i), Term::Literal(l)) = (self.individuals.get_mut(s.as_str()), &q.object) {
                if p == rdfs("label") && (i.label.is_none() || l.language() == Some("en")) {
                    i.label = Some(l.value().to_string());
                } else if p == format!("{SKOS}altLabel") {
                    i.alt_labels.push(l.value().to_string());
                }
            }
            let Some(t) = self.terms.get_mut(s.as_str()) else {
                continue;
            };
            match &q.object {
                Term::NamedNode(o) => {
                    let o = o.as_str().to_string();
                    if p == RDF_TYPE {
                        // A property declared with a more specific kind.
                        if let Some(k) = kind_of(&o).filter(|k| k.is_property()) {
                            t.kind = k;
                        }
                    } else if (p == rdfs("subClassOf") || p == rdfs("subPropertyOf"))
                        && !t.parents.contains(&o)
                    {
                        t.parents.push(o);
                    } else if p == rdfs("domain") {
                        t.domain.push(vec![o]);
                    } else if p == rdfs("range") {
                        t.range.push(vec![o]);
                    }
                }
                Term::BlankNode(b) if p == rdfs("domain") || p == rdfs("range") => {
                    let members = union_members(&f.quads, b.as_str());
                    if !members.is_empty() {
                        if p == rdfs("domain") {
                            t.domain.push(members);
                        } else {
                            t.range.push(members);
                        }
                    }
                }
                Term::Literal(l) => {
                    let v = l.value().to_string();
                    let english = matches!(l.language(), None | Some("en"));
                    if p == rdfs("label") && (t.label.is_none() || english) {
                        t.label = Some(v);
                    } else if p == rdfs("comment") && (t.comment.is_none() || english) {
                        t.comment = Some(v);
                    } else if p == sk("trigger") {
                        t.triggers.push((v, f.name.clone()));
                    } else if p == sk("headWord") {
                        t.head_words.push(v);
                    }
                }
                _ => {}
            }
        }
    }

    fn read_header(&mut self, f: &ParsedFile) {
        let dcterms = crate::vocab::DCTERMS;
        let onto = f.quads.iter().find_map(|q| match (&q.subject, &q.object) {
            (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o))
                if q.predicate.as_str() == RDF_TYPE && o.as_str() == format!("{OWL}Ontology") =>
            {
                Some(s.as_str().to_string())
            }
            _ => None,
        });
        let Some(onto) = onto else { return };
        for q in &f.quads {
            let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object) else {
                continue;
            };
            if s.as_str() != onto {
                continue;
            }
            let v = Some(l.value().to_string());
            match q.predicate.as_str() {
                p if p == format!("{dcterms}title") => self.title = v,
                p if p == format!("{dcterms}description") => self.description = v,
                p if p == format!("{OWL}versionInfo") => self.version = v,
                _ => {}
            }
        }
        self.iri = Some(onto);
    }

    /// A compact name with the core file's prefixes (`sk:Event`, `foaf:Agent`).
    pub(crate) fn curie(&self, iri: &str) -> String {
        self.prefixes
            .iter()
            .filter(|(_, ns)| iri.starts_with(ns.as_str()) && iri.len() > ns.len())
            .max_by_key(|(_, ns)| ns.len())
            .map(|(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
            .unwrap_or_else(|| format!("<{iri}>"))
    }

    /// Whether `iri` reaches `target` through its parents (itself included).
    pub fn reaches(&self, iri: &str, target: &str) -> bool {
        self.ancestors(iri).iter().any(|a| a == target)
    }

    /// The term and all its ancestors.
    pub(crate) fn ancestors(&self, iri: &str) -> Vec<String> {
        let mut seen = vec![iri.to_string()];
        let mut todo = vec![iri.to_string()];
        while let Some(c) = todo.pop() {
            if let Some(t) = self.terms.get(&c) {
                for p in &t.parents {
                    if !seen.contains(p) {
                        seen.push(p.clone());
                        todo.push(p.clone());
                    }
                }
            }
        }
        seen
    }

    /// Whether a class is sk:Event or below it.
    pub(crate) fn is_event_class(&self, iri: &str) -> bool {
        self.reaches(iri, &format!("{ONTOLOGY_NS}Event"))
    }

    /// The terms listed by `tree` and `markdown`: those of the spacekg namespace and every
    /// term an extension declares (alignment terms such as foaf:Agent are left out).
    fn shown(&self, t: &OntologyTerm) -> bool {
        t.iri.starts_with(ONTOLOGY_NS) || !t.core
    }
}

/// `sk:Name` for spacekg terms, else the IRI in angle brackets.
pub fn short(iri: &str) -> String {
    match iri.strip_prefix(ONTOLOGY_NS) {
        Some(l) => format!("sk:{l}"),
        None => {
            for (p, ns) in [("owl", OWL), ("rdfs", RDFS), ("xsd", crate::vocab::XSD)] {
                if let Some(l) = iri.strip_prefix(ns) {
                    return format!("{p}:{l}");
                }
            }
            format!("<{iri}>")
        }
    }
}

/// Checks extension files (name, Turtle) against the core ontology and the background
/// data: syntax, unknown prefixes, classes without a parent in the core, labels, triggers
/// and trigger clashes, and the known organizations and persons they declare.
pub fn check(extensions: &[(String, String)], kb: &Knowledge) -> Vec<Problem> {
    let (o, mut problems) = Ontology::read(extensions);
    let texts: BTreeMap<&str, ParsedFile> = extensions
        .iter()
        .map(|(n, t)| (n.as_str(), parse(n, t, &mut Vec::new())))
        .collect();
    let at = |file: &str, needle: Locate<'_>| -> Option<usize> {
        let f = texts.get(file)?;
        match needle {
            Locate::Subject(iri) => locate_subject(f, iri),
            Locate::Literal(iri, lit) => locate_literal(f, lit).or_else(|| locate_subject(f, iri)),
        }
    };
    let core_classes: BTreeSet<&str> = o
        .terms
        .values()
        .filter(|t| t.core && t.kind == TermKind::Class)
        .map(|t| t.iri.as_str())
        .collect();
    for t in o.terms.values().filter(|t| !t.core) {
        let name = short(&t.iri);
        let line = at(&t.file, Locate::Subject(&t.iri));
        let mut report = |problem| {
            problems.push(Problem {
                file: t.file.clone(),
                line,
                problem,
            })
        };
        if t.label.is_none() {
            report(OntologyProblem::NoLabel(name.clone()));
        }
        if t.kind != TermKind::Class {
            continue;
        }
        let event = o.is_event_class(&t.iri);
        if t.parents.is_empty() {
            report(OntologyProblem::NoParent(name.clone()));
        } else if !o
            .ancestors(&t.iri)
            .iter()
            .any(|a| core_classes.contains(a.as_str()))
        {
            report(OntologyProblem::NoCoreParent {
                class: name.clone(),
                parents: t
                    .parents
                    .iter()
                    .map(|p| short(p))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        } else if !event && (!t.triggers.is_empty() || !t.head_words.is_empty()) {
            report(OntologyProblem::NotAnEvent(name.clone()));
        }
        if event && t.triggers.is_empty() {
            report(OntologyProblem::NoTrigger(name.clone()));
        }
    }
    // Triggers given in an extension that another class already uses.
    let mut by_key: BTreeMap<String, Vec<(&str, &str, &str)>> = BTreeMap::new();
    for t in o.terms.values() {
        for (trig, file) in &t.triggers {
            by_key.entry(form_key(trig)).or_default().push((
                t.iri.as_str(),
                trig.as_str(),
                file.as_str(),
            ));
        }
    }
    for uses in by_key.values() {
        for (i, (class, trig, file)) in uses.iter().enumerate() {
            if *file == CORE_FILE {
                continue;
            }
            // The first other class using it (core before extensions, then file order).
            if let Some((other, other_trig, other_file)) = uses
                .iter()
                .enumerate()
                .find(|(j, (c, _, _))| *j != i && c != class)
                .map(|(_, u)| *u)
            {
                problems.push(Problem {
                    file: file.to_string(),
                    line: at(file, Locate::Literal(class, trig)),
                    problem: OntologyProblem::TriggerClash {
                        trigger: trig.to_string(),
                        class: short(class),
                        other_trigger: other_trig.to_string(),
                        other_class: short(other),
                        other_file: other_file.to_string(),
                    },
                });
            }
        }
    }
    problems.extend(check_entities(extensions, &texts, kb));
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    problems.dedup();
    problems
}

enum Locate<'a> {
    Subject(&'a str),
    Literal(&'a str, &'a str),
}

/// Organizations and persons declared by extension files: the shapes
/// examples/extension/ontology/sda-wargame.ttl documents.
fn check_entities(
    extensions: &[(String, String)],
    texts: &BTreeMap<&str, ParsedFile>,
    kb: &Knowledge,
) -> Vec<Problem> {
    let (nation_ns, rank_ns) = (crate::vocab::NATION, crate::vocab::RANK);
    let org = format!("{ONTOLOGY_NS}Organization");
    let person = format!("{ONTOLOGY_NS}Person");
    let mut out = Vec::new();
    // Organizations known to the gazetteer or declared by any extension file.
    let mut known_orgs: BTreeSet<String> = kb
        .organizations
        .iter()
        .map(|o| crate::vocab::entity_iri(&format!("org/{}", o.id)).into_string())
        .collect();
    for f in texts.values() {
        for q in &f.quads {
            if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object) {
                if q.predicate.as_str() == RDF_TYPE && o.as_str() == org {
                    known_orgs.insert(s.as_str().to_string());
                }
            }
        }
    }
    for (name, _) in extensions {
        let Some(f) = texts.get(name.as_str()) else {
            continue;
        };
        let mut subjects: BTreeMap<String, Vec<&Quad>> = BTreeMap::new();
        for q in &f.quads {
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                subjects.entry(s.as_str().to_string()).or_default().push(q);
            }
        }
        for (s, qs) in &subjects {
            let typed = |c: &str| {
                qs.iter().any(|q| {
                    q.predicate.as_str() == RDF_TYPE
                        && matches!(&q.object, Term::NamedNode(o) if o.as_str() == c)
                })
            };
            let (is_org, is_person) = (typed(&org), typed(&person));
            if !is_org && !is_person {
                continue;
            }
            let line = locate_subject(f, s);
            let mut report = |message: String| {
                out.push(Problem {
                    file: name.clone(),
                    line,
                    problem: OntologyProblem::Entity {
                        subject: short(s),
                        message,
                    },
                })
            };
            if is_org {
                let id = crate::knowledge::individual_id(s, "org/");
                for q in qs.iter().filter(|q| {
                    q.predicate.as_str() == format!("{RDFS}label")
                        || q.predicate.as_str() == format!("{SKOS}altLabel")
                }) {
                    let Term::Literal(l) = &q.object else {
                        continue;
                    };
                    for e in kb.lookup(l.value()) {
                        if let crate::knowledge::Entry::Organization(k) = e {
                            let other = &kb.organizations[*k];
                            if other.id != id {
                                report(format!(
                                    "\"{}\" already names {} (org/{}) in data/organizations.tsv: the same form for two organizations makes mentions ambiguous",
                                    l.value(),
                                    other.name,
                                    other.id
                                ));
                            }
                        }
                    }
                }
            }
            let ns = if is_org { "org/" } else { "person/" };
            let id_ns = crate::vocab::ID;
            if !s.starts_with(&format!("{id_ns}{ns}")) {
                report(format!(
                    "its IRI should be {id_ns}{ns}<id> so that releases and background name the same node"
                ));
            }
            if !qs
                .iter()
                .any(|q| q.predicate.as_str() == format!("{RDFS}label"))
            {
                report("no rdfs:label (its name)".into());
            }
            for q in qs {
                let Term::NamedNode(o) = &q.object else {
                    continue;
                };
                let p = q.predicate.as_str();
                let o = o.as_str();
                if p == format!("{ONTOLOGY_NS}country") && kb.nation_code(o).is_none() {
                    report(format!(
                        "sk:country <{o}> is no known nation (use {nation_ns} and an ISO 3166 alpha-2 code from data/nations.tsv)"
                    ));
                }
                let org_link = ["subOrganizationOf", "memberOf", "heads"]
                    .iter()
                    .any(|l| p == format!("{ONTOLOGY_NS}{l}"));
                if org_link && !known_orgs.contains(o) {
                    report(format!(
                        "<{o}> is no known organization (data/organizations.tsv or an extension)"
                    ));
                }
                if p == format!("{ONTOLOGY_NS}rank") {
                    let known = crate::vocab::rank_slug(o)
                        .is_some_and(|r| kb.ranks.iter().any(|k| crate::text::slug(&k.name) == r));
                    if !known {
                        report(format!(
                            "sk:rank <{o}> is no known rank (use {rank_ns} and the slug of a rank in data/ranks.tsv)"
                        ));
                    }
                }
            }
        }
    }
    out
}

/// The 1-based line where a subject is first written (as `prefix:local` or `<iri>`)
/// outside comments.
fn locate_subject(f: &ParsedFile, iri: &str) -> Option<usize> {
    let mut forms = vec![format!("<{iri}>")];
    for (p, ns) in &f.prefixes {
        if let Some(local) = iri.strip_prefix(ns.as_str()) {
            forms.push(format!("{p}:{local}"));
        }
    }
    forms
        .iter()
        .filter_map(|form| find_token(&f.text, form))
        .min()
        .map(|offset| line_of(&f.text, offset))
}

/// The 1-based line of a quoted literal's first occurrence outside comments.
fn locate_literal(f: &ParsedFile, value: &str) -> Option<usize> {
    let quoted = format!("\"{value}\"");
    let mut from = 0;
    while let Some(i) = f.text[from..].find(&quoted) {
        let at = from + i;
        if !in_comment(&f.text, at) {
            return Some(line_of(&f.text, at));
        }
        from = at + quoted.len();
    }
    None
}

/// The first offset of `token` not inside a longer name and not in a comment line.
fn find_token(text: &str, token: &str) -> Option<usize> {
    let name_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '%');
    let mut from = 0;
    while let Some(i) = text[from..].find(token) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + token.len()..].chars().next();
        let bounded = !before.is_some_and(name_char) && !after.is_some_and(name_char);
        if bounded && !in_comment(text, at) {
            return Some(at);
        }
        from = at + token.len();
    }
    None
}

/// Whether `offset` stands on a line that is a comment.
fn in_comment(text: &str, offset: usize) -> bool {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[start..offset].trim_start().starts_with('#')
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// The classes and properties as an indented tree (children under their parent, by IRI);
/// extension terms are marked with their file.
pub fn tree(o: &Ontology) -> String {
    let mut out = String::new();
    for (title, is_class) in [("Classes", true), ("Properties", false)] {
        out.push_str(title);
        out.push('\n');
        let members: BTreeSet<&str> = o
            .terms
            .values()
            .filter(|t| o.shown(t) && (t.kind == TermKind::Class) == is_class)
            .map(|t| t.iri.as_str())
            .collect();
        let roots = members.iter().filter(|i| {
            o.terms[**i]
                .parents
                .iter()
                .all(|p| !members.contains(p.as_str()))
        });
        for r in roots {
            tree_node(o, &members, r, 1, &mut out, &mut Vec::new());
        }
    }
    let known: Vec<(&String, &Individual)> =
        o.individuals.iter().filter(|(_, i)| !i.core).collect();
    if !known.is_empty() {
        out.push_str("Known entities\n");
        for (iri, i) in known {
            let classes: Vec<String> = i.classes.iter().map(|c| short(c)).collect();
            out.push_str(&format!(
                "  {} \"{}\" ({}){}  (extension: {})\n",
                o.curie(iri),
                i.label.as_deref().unwrap_or(""),
                classes.join(", "),
                if i.alt_labels.is_empty() {
                    String::new()
                } else {
                    format!(" also {}", i.alt_labels.join(", "))
                },
                i.file
            ));
        }
    }
    out
}

fn tree_node(
    o: &Ontology,
    members: &BTreeSet<&str>,
    iri: &str,
    depth: usize,
    out: &mut String,
    path: &mut Vec<String>,
) {
    let t = &o.terms[iri];
    let mut line = format!("{}{}", "  ".repeat(depth), short(iri));
    if let Some(l) = &t.label {
        line.push_str(&format!(" \"{l}\""));
    }
    if t.kind.is_property() {
        line.push_str(&format!(" ({})", t.kind.as_str()));
    }
    if !t.triggers.is_empty() {
        line.push_str(&format!(" [{} triggers]", t.triggers.len()));
    }
    if !t.core {
        line.push_str(&format!("  (extension: {})", t.file));
    } else if t.triggers.iter().any(|(_, f)| f != CORE_FILE) {
        line.push_str("  (triggers added by an extension)");
    }
    out.push_str(&line);
    out.push('\n');
    path.push(iri.to_string());
    for child in members
        .iter()
        .filter(|c| o.terms[**c].parents.iter().any(|p| p == iri))
    {
        if !path.iter().any(|p| p == child) {
            tree_node(o, members, child, depth + 1, out, path);
        }
    }
    path.pop();
}

/// The classes in tree order (parents before children), each with its depth.
fn tree_order<'a>(o: &'a Ontology, members: &BTreeSet<&'a str>) -> Vec<(&'a str, usize)> {
    fn walk<'a>(
        o: &'a Ontology,
        members: &BTreeSet<&'a str>,
        iri: &'a str,
        depth: usize,
        out: &mut Vec<(&'a str, usize)>,
    ) {
        if out.iter().any(|(i, _)| *i == iri) {
            return;
        }
        out.push((iri, depth));
        for c in members
            .iter()
            .filter(|c| o.terms[**c].parents.iter().any(|p| p == iri))
        {
            walk(o, members, c, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for r in members.iter().filter(|i| {
        o.terms[**i]
            .parents
            .iter()
            .all(|p| !members.contains(p.as_str()))
    }) {
        walk(o, members, r, 0, &mut out);
    }
    out
}

fn anchor(curie: &str) -> String {
    curie.replace(':', "-")
}

/// The reference page of the ontology in Markdown, from its labels, comments, parents,
/// domains, ranges, triggers and head words (docs/ontology.md is this page for the core).
pub fn markdown(o: &Ontology) -> String {
    let mut md = String::new();
    let title = o.title.clone().unwrap_or_else(|| "Ontology".into());
    md.push_str(&format!("# {title}\n\n"));
    md.push_str(
        "<!-- Generated by `spacekg ontology doc` from the labels and comments of \
         ontology/spacekg.ttl (and any extensions loaded); edit the Turtle, not this page. -->\n\n",
    );
    if let Some(d) = &o.description {
        md.push_str(&format!("{d}\n\n"));
    }
    if let Some(i) = &o.iri {
        md.push_str(&format!("- Ontology IRI: `{i}`\n"));
    }
    if let Some((p, ns)) = o.prefixes.iter().find(|(_, ns)| ns == ONTOLOGY_NS) {
        md.push_str(&format!("- Namespace: `{ns}` (prefix `{p}:`)\n"));
    }
    if let Some(v) = &o.version {
        md.push_str(&format!("- Version: {v}\n"));
    }
    md.push_str("- Files: `ontology/spacekg.ttl` (OWL 2 in Turtle); SHACL shapes of a well-formed graph: `ontology/shapes.ttl`\n");
    let extensions: BTreeSet<&str> = o
        .terms
        .values()
        .filter(|t| !t.core)
        .map(|t| t.file.as_str())
        .collect();
    for e in &extensions {
        md.push_str(&format!("- Extension: `{e}`\n"));
    }
    md.push('\n');
    let list = |v: &[String]| -> String {
        v.iter()
            .map(|i| {
                let c = o.curie(i);
                if o.terms.get(i).is_some_and(|t| o.shown(t)) {
                    format!("[`{c}`](#{})", anchor(&c))
                } else {
                    format!("`{c}`")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let alternatives = |v: &[Vec<String>]| -> String {
        v.iter()
            .map(|alts| list(alts).replace(", ", " or "))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let quoted = |v: &[String]| -> String {
        v.iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sections = [
        ("Classes", TermKind::Class),
        ("Object properties", TermKind::ObjectProperty),
        ("Datatype properties", TermKind::DatatypeProperty),
        ("Annotation properties", TermKind::AnnotationProperty),
    ];
    // The class tree first, as a table of contents.
    let sections: Vec<(&str, TermKind, BTreeSet<&str>)> = sections
        .into_iter()
        .map(|(title, kind)| {
            let members = o
                .terms
                .values()
                .filter(|t| o.shown(t) && t.kind == kind)
                .map(|t| t.iri.as_str())
                .collect();
            (title, kind, members)
        })
        .collect();
    md.push_str("## Contents\n\n");
    for (title, _, members) in &sections {
        md.push_str(&format!("- {title}\n"));
        for (iri, depth) in tree_order(o, members) {
            let c = o.curie(iri);
            md.push_str(&format!(
                "{}- [`{c}`](#{})\n",
                "  ".repeat(depth + 1),
                anchor(&c)
            ));
        }
    }
    md.push('\n');
    for &(title, kind, ref members) in &sections {
        md.push_str(&format!("## {title}\n\n"));
        for (iri, _) in tree_order(o, members) {
            let t = &o.terms[iri];
            let c = o.curie(iri);
            md.push_str(&format!("<a id=\"{}\"></a>\n\n### `{c}`", anchor(&c)));
            if let Some(l) = &t.label {
                md.push_str(&format!(": {l}"));
            }
            md.push_str("\n\n");
            if let Some(cm) = &t.comment {
                md.push_str(&format!("{cm}\n\n"));
            }
            let parent_word = if kind == TermKind::Class {
                "Subclass of"
            } else {
                "Subproperty of"
            };
            if !t.parents.is_empty() {
                md.push_str(&format!("- {parent_word}: {}\n", list(&t.parents)));
            }
            let children: Vec<String> = members
                .iter()
                .filter(|m| o.terms[**m].parents.iter().any(|p| p == iri))
                .map(|m| m.to_string())
                .collect();
            if !children.is_empty() {
                let word = if kind == TermKind::Class {
                    "Subclasses"
                } else {
                    "Subproperties"
                };
                md.push_str(&format!("- {word}: {}\n", list(&children)));
            }
            if !t.domain.is_empty() {
                md.push_str(&format!("- Domain: {}\n", alternatives(&t.domain)));
            }
            if !t.range.is_empty() {
                md.push_str(&format!("- Range: {}\n", alternatives(&t.range)));
            }
            if !t.triggers.is_empty() {
                let words: Vec<String> = t.triggers.iter().map(|(w, _)| w.clone()).collect();
                md.push_str(&format!("- Triggers: {}\n", quoted(&words)));
            }
            if !t.head_words.is_empty() {
                md.push_str(&format!("- Name head words: {}\n", quoted(&t.head_words)));
            }
            if !t.core {
                md.push_str(&format!("- Defined in the extension `{}`\n", t.file));
            }
            md.push('\n');
        }
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

/// The ontology files of a loaded `Knowledge` minus the core: the extensions.
pub fn extension_files(kb: &Knowledge) -> Vec<(String, String)> {
    kb.ontology_files
        .iter()
        .filter(|(_, t)| t != CORE_ONTOLOGY)
        .cloned()
        .collect()
}

/// Reads the extension files of a folder for `check`.
pub fn read_folder(dir: &std::path::Path) -> Result<Vec<(String, String)>, KnowledgeError> {
    if !dir.is_dir() {
        return Err(KnowledgeError::Io {
            path: dir.into(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such folder of ontology extensions",
            ),
        });
    }
    crate::knowledge::read_ttl_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(ext: &str) -> Vec<String> {
        let kb = Knowledge::load(&[]).expect("knowledge");
        check(&[("ext.ttl".into(), ext.into())], &kb)
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    const HEAD: &str = "@prefix sk: <https://w3id.org/spacekg/ontology#> .\n\
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
        @prefix owl: <http://www.w3.org/2002/07/owl#> .\n";

    #[test]
    fn a_good_extension_has_no_problems() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/extension/ontology/sda-wargame.ttl"
        ))
        .expect("example");
        assert_eq!(problems(&text), Vec::<String>::new());
    }

    #[test]
    fn each_problem_names_its_line() {
        let ext = format!(
            "{HEAD}\n\
             sk:Orphan a owl:Class ;\n  rdfs:label \"Orphan\"@en ;\n  sk:trigger \"orphaned\" .\n\
             sk:Liaison rdfs:subClassOf sk:Meeting ;\n  sk:trigger \"liaison posting\" .\n\
             sk:Quiet rdfs:subClassOf sk:Visit ;\n  rdfs:label \"Quiet\"@en .\n\
             sk:Clash rdfs:subClassOf sk:Exercise ;\n  rdfs:label \"Clash\"@en ;\n  sk:trigger \"Signed\" .\n"
        );
        let p = problems(&ext);
        let expect = [
            "ext.ttl:5: class sk:Orphan has no parent",
            "ext.ttl:8: sk:Liaison has no rdfs:label",
            "ext.ttl:10: event class sk:Quiet has no sk:trigger",
            "ext.ttl:14: trigger \"Signed\" of sk:Clash clashes with the trigger \"signed\" of sk:Signing (ontology/spacekg.ttl)",
        ];
        for e in expect {
            assert!(p.iter().any(|x| x.starts_with(e)), "{e}\nnot in {p:#?}");
        }
        assert_eq!(p.len(), expect.len(), "{p:#?}");
    }

    #[test]
    fn syntax_errors_and_unknown_prefixes_carry_their_line() {
        let p = problems(&format!(
            "{HEAD}\nsk:A rdfs:subClassOf sk:Event ;\n  rdfs:label \"A\"@en ;\n  sk:trigger \"a thing\" .\n\nex:B rdfs:label \"B\" .\n"
        ));
        assert!(
            p.iter()
                .any(|x| x.starts_with("ext.ttl:9: unknown prefix `ex:`")),
            "{p:#?}"
        );
        let p = problems(&format!("{HEAD}\nsk:A rdfs:label \"A\"@en\nsk:B .\n"));
        assert!(
            p.iter()
                .any(|x| x.starts_with("ext.ttl:6: Turtle syntax error")),
            "{p:#?}"
        );
    }

    #[test]
    fn a_parent_outside_the_core_and_a_bad_entity_are_reported() {
        let p = problems(&format!(
            "{HEAD}@prefix ex: <http://example.org/> .\n\
             sk:A rdfs:subClassOf ex:Thing ; rdfs:label \"A\"@en ; sk:trigger \"a thing\" .\n\
             <https://w3id.org/spacekg/id/org/x> a sk:Organization ; rdfs:label \"X\"@en ;\n\
               sk:country <https://w3id.org/spacekg/id/nation/ZZ> .\n"
        ));
        assert!(
            p.iter()
                .any(|x| x.starts_with("ext.ttl:5: class sk:A has no parent in the core")),
            "{p:#?}"
        );
        assert!(
            p.iter().any(
                |x| x.starts_with("ext.ttl:6: <https://w3id.org/spacekg/id/org/x>: sk:country")
            ),
            "{p:#?}"
        );
    }

    #[test]
    fn an_acronym_of_another_organization_is_reported() {
        let p = problems(&format!(
            "{HEAD}@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
             <https://w3id.org/spacekg/id/org/nsa2> a sk:Organization ;\n\
               rdfs:label \"National Space Agency\"@en ; skos:altLabel \"NASA\"@en .\n"
        ));
        assert!(
            p.iter().any(|x| x.starts_with(
                "ext.ttl:5: <https://w3id.org/spacekg/id/org/nsa2>: \"NASA\" already names"
            )),
            "{p:#?}"
        );
        assert_eq!(p.len(), 1, "{p:#?}");
    }

    #[test]
    fn the_tree_marks_extension_terms() {
        let (o, problems) = Ontology::read(&[(
            "ext.ttl".into(),
            format!("{HEAD}sk:B rdfs:subClassOf sk:Exercise ; rdfs:label \"B\"@en ; sk:trigger \"bee drill\" ."),
        )]);
        assert!(problems.is_empty());
        let t = tree(&o);
        assert!(t.contains("\n  sk:Event \"Event\"\n"), "{t}");
        assert!(
            t.contains("\n      sk:B \"B\" [1 triggers]  (extension: ext.ttl)\n"),
            "{t}"
        );
        assert!(
            t.contains("\n    sk:host \"host\" (object property)\n"),
            "{t}"
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of Turtle, valid and broken, that extension files are made of.
    const PIECES: &[&str] = &[
        "@prefix sk: <https://w3id.org/spacekg/ontology#> .\n",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n",
        "@prefix ex: <http://example.org/> .\n",
        "sk:A",
        "sk:B",
        "ex:C",
        "zz:D",
        "<https://w3id.org/spacekg/id/org/x>",
        " rdfs:subClassOf ",
        " rdfs:label ",
        " sk:trigger ",
        " a ",
        " sk:Organization",
        " sk:Event",
        " sk:Talks",
        "\"talks\"",
        "\"a b\"@en",
        " ; ",
        " , ",
        " .\n",
        "\n",
        "# sk:A comment\n",
        "[",
        "]",
        "(",
        "\"",
        "<",
        "é",
        "\t",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any file, however broken, is checked without panicking, and every problem points
        /// at a line of that file.
        #[test]
        fn every_problem_points_into_its_file(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
        ) {
            let text: String = parts.concat();
            let lines = text.split('\n').count();
            let kb = Knowledge::default();
            for p in check(&[("x.ttl".to_string(), text.clone())], &kb) {
                prop_assert_eq!(&p.file, "x.ttl");
                if let Some(l) = p.line {
                    prop_assert!(l >= 1 && l <= lines, "line {} of {}: {}", l, lines, p);
                }
            }
        }
    }
}
