//! Scoring extraction against gold annotations written in the corpus format
//! (`NAME.txt` beside `NAME.gold.json`, see the corpus GUIDE.md): entity, relation, quote,
//! attribute and metadata precision/recall, computed exactly as the project's independent
//! scorer `kg-eval` computes them from an export of the store.
//!
//! Each release is read and extracted alone; its document quads, the background graph and
//! the ontology graph (what a store holding only that release would hold) form the dataset
//! that is scored. Everything is read through the RDF, as `kg-eval` reads it: types through
//! `rdfs:subClassOf`, relations through `rdfs:subPropertyOf`, labels from every graph.
//!
//! The scorer's contract (the seven entity types, the fifteen relations, which relation
//! implies which) is the gold format's, spelled once below.
//!
//! Where kg-eval's outcome hangs on the iteration order of a Python set or of its export
//! (which of two nodes standing for one gold entity carries the attributes, which of two
//! fitting quotes a gold quote is credited to, the order of notes), this module takes the
//! document's order: entities as the document lists them, quotes as numbered, labels of the
//! document's graph before the background's; notes on relations are sorted. Beyond kg-eval,
//! a gold file is checked (known types and relations, unique ids, references to declared
//! entities) and a bad one fails its release instead of the run.

use oxigraph::model::vocab::{rdf as rdfv, rdfs};
use oxigraph::model::{GraphName, NamedNode, Quad, Term};
use serde::Deserialize;
use spacekg::extract::Extractor;
use spacekg::knowledge::Knowledge;
use spacekg::rdf;
use spacekg::reading;
use spacekg::vocab;
use spacekg::{KnowledgeError, ReadError};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// The entity types of the gold format, in the order of the table (and of precedence when a
/// node has several).
pub const TYPES: [&str; 7] = [
    "Nation",
    "Organization",
    "Person",
    "Event",
    "Initiative",
    "Agreement",
    "Place",
];

/// The relations of the gold format, in the order of the table.
pub const RELATIONS: [&str; 15] = [
    "memberOf",
    "heads",
    "country",
    "subOrganizationOf",
    "participant",
    "host",
    "leader",
    "location",
    "date",
    "initiative",
    "sponsor",
    "member",
    "signatory",
    "agreement",
    "partner",
];

/// Event kinds a gold `kind` can name (`Other` and unknown kinds are not scored).
const EVENT_KINDS: [&str; 8] = [
    "Talks",
    "Meeting",
    "Visit",
    "Signing",
    "Exercise",
    "Conference",
    "Launch",
    "Ceremony",
];

/// The relation a stated relation implies (`heads` implies `memberOf`, ...).
fn implied(p: &str) -> Option<&'static str> {
    match p {
        "heads" => Some("memberOf"),
        "host" | "leader" => Some("participant"),
        _ => None,
    }
}

/// Unordered relations.
fn symmetric(p: &str) -> bool {
    p == "partner"
}

// ---------------------------------------------------------------------------------------
// Gold files

/// One gold file: what a careful analyst records from one release.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub source: GoldSource,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// The release's metadata; a missing or null field is not scored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldSource {
    pub title: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub dateline: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Counts neither as missed nor as wrong.
    #[serde(default)]
    pub optional: Option<bool>,
    /// An event without a proper name, matched by its relations.
    #[serde(default)]
    pub unnamed: Option<bool>,
    pub rank: Option<String>,
    pub iso: Option<String>,
    /// The event kind.
    #[serde(rename = "kind")]
    pub event_kind: Option<String>,
}

impl GoldEntity {
    fn is_optional(&self) -> bool {
        self.optional == Some(true)
    }
    fn is_unnamed(&self) -> bool {
        self.unnamed == Some(true)
    }
}

/// `[subject, relation, object]` or `[subject, relation, object, "optional"]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "Vec<String>")]
pub struct GoldRelation {
    pub subject: String,
    pub predicate: String,
    pub object: String,
    /// Borderline: counts neither as missed nor as wrong.
    pub optional: bool,
}

impl TryFrom<Vec<String>> for GoldRelation {
    type Error = String;
    fn try_from(v: Vec<String>) -> Result<Self, String> {
        if !(3..=4).contains(&v.len()) {
            return Err(format!(
                "a relation is [subject, relation, object] with an optional fourth \"optional\", not {} strings",
                v.len()
            ));
        }
        let mut it = v.into_iter();
        let (s, p, o) = (it.next(), it.next(), it.next());
        Ok(GoldRelation {
            subject: s.unwrap_or_default(),
            predicate: p.unwrap_or_default(),
            object: o.unwrap_or_default(),
            optional: it.next().as_deref() == Some("optional"),
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub speaker: String,
    pub starts: String,
}

impl Gold {
    /// Parses and checks a gold file's text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Gold, EvalError> {
        let bad = |message: String| EvalError::Gold {
            path: path.to_path_buf(),
            message,
        };
        let gold: Gold = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        gold.check().map_err(bad)?;
        Ok(gold)
    }

    /// Reads and checks a gold file.
    pub fn read(path: &Path) -> Result<Gold, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Gold::parse(path, &text)
    }

    /// What the format requires beyond its JSON shape: unique ids, known types and
    /// relations, references to declared entities.
    fn check(&self) -> Result<(), String> {
        let mut ids = HashSet::new();
        for e in &self.entities {
            if !ids.insert(e.id.as_str()) {
                return Err(format!("entity id '{}' is declared twice", e.id));
            }
            if !TYPES.contains(&e.kind.as_str()) {
                return Err(format!(
                    "entity '{}' has type '{}' (one of {} expected)",
                    e.id,
                    e.kind,
                    TYPES.join(", ")
                ));
            }
        }
        for r in &self.relations {
            if !RELATIONS.contains(&r.predicate.as_str()) {
                return Err(format!(
                    "relation [{}, {}, {}]: unknown relation '{}'",
                    r.subject, r.predicate, r.object, r.predicate
                ));
            }
            let objects_entity = r.predicate != "date";
            for id in [Some(&r.subject), objects_entity.then_some(&r.object)]
                .into_iter()
                .flatten()
            {
                if !ids.contains(id.as_str()) {
                    return Err(format!(
                        "relation [{}, {}, {}] names '{id}', which is no entity id",
                        r.subject, r.predicate, r.object
                    ));
                }
            }
        }
        for q in &self.quotes {
            if !ids.contains(q.speaker.as_str()) {
                return Err(format!(
                    "the quote starting '{}' has speaker '{}', which is no entity id",
                    q.starts, q.speaker
                ));
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Normalized labels

/// Python's `\w`: letters (L*), numbers (N*) and the underscore.
fn is_word(c: char) -> bool {
    use std::sync::OnceLock;
    static WORD: OnceLock<regex::Regex> = OnceLock::new();
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let re = WORD.get_or_init(|| regex::Regex::new(r"^[\p{L}\p{N}]$").expect("a valid pattern"));
    let mut buf = [0u8; 4];
    re.is_match(c.encode_utf8(&mut buf))
}

/// The case-, accent- and punctuation-insensitive form of a label that names are compared
/// in: NFKD without combining marks, lower case, `&` as "and", possessive `'s`, dots and
/// quote marks dropped, other non-word runs as one space, a leading "the" dropped.
pub fn norm(text: &str) -> String {
    let t: String = text
        .nfkd()
        .filter(|c| canonical_combining_class(*c) == 0)
        .collect::<String>()
        .to_lowercase()
        .replace('\u{2019}', "'")
        .replace('&', " and ");
    // "'s" at the end of a word.
    let chars: Vec<char> = t.chars().collect();
    let mut kept = String::with_capacity(t.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\''
            && chars.get(i + 1) == Some(&'s')
            && !chars.get(i + 2).is_some_and(|c| is_word(*c))
        {
            i += 2;
            continue;
        }
        kept.push(chars[i]);
        i += 1;
    }
    let mut out = String::with_capacity(kept.len());
    let mut gap = false;
    for c in kept.chars() {
        if matches!(
            c,
            '.' | '\u{2018}' | '\u{201c}' | '\u{201d}' | '"' | '\'' | '`'
        ) {
            continue;
        }
        if is_word(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// The first `n` characters.
fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// A string as Python writes it in a list or tuple (`'x'`), so notes read like kg-eval's.
fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

// ---------------------------------------------------------------------------------------
// Counts and scores

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }

    /// Precision, recall, F1. No prediction and nothing to find is perfect precision.
    pub fn prf(&self) -> (f64, f64, f64) {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp > 0 {
            tp / (tp + fp)
        } else if self.fn_ == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            tp / (tp + fn_)
        } else {
            1.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// The scores of one release (or of a whole run, summed).
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// By entity type.
    pub entities: BTreeMap<String, Counts>,
    /// By relation.
    pub relations: BTreeMap<String, Counts>,
    pub quotes: Counts,
    /// Person rank, nation ISO code, event kind.
    pub attributes: Counts,
    pub metadata: Counts,
    /// Extracted nodes that repeat an entity already matched.
    pub duplicates: usize,
    /// By extraction rule (`sk:rule`): the relations and quotes it stated that are right
    /// (tp) or wrong (fp). A relation stated by two rules counts for both; `fn_` stays 0.
    pub rules: BTreeMap<String, Counts>,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        for (k, c) in &o.entities {
            self.entities.entry(k.clone()).or_default().add(c);
        }
        for (k, c) in &o.relations {
            self.relations.entry(k.clone()).or_default().add(c);
        }
        self.quotes.add(&o.quotes);
        self.attributes.add(&o.attributes);
        self.metadata.add(&o.metadata);
        self.duplicates += o.duplicates;
        for (k, c) in &o.rules {
            self.rules.entry(k.clone()).or_default().add(c);
        }
    }

    fn sum<'a>(m: impl Iterator<Item = &'a Counts>) -> Counts {
        let mut all = Counts::default();
        for c in m {
            all.add(c);
        }
        all
    }

    /// All entities together (micro-averaged), every type of the map.
    pub fn entities_micro(&self) -> Counts {
        Self::sum(self.entities.values())
    }

    /// All relations together (micro-averaged), every relation of the map.
    pub fn relations_micro(&self) -> Counts {
        Self::sum(self.relations.values())
    }

    fn entity(&mut self, t: &str) -> &mut Counts {
        self.entities.entry(t.to_string()).or_default()
    }

    fn relation(&mut self, p: &str) -> &mut Counts {
        self.relations.entry(p.to_string()).or_default()
    }
}

/// The result for one release.
#[derive(Debug, Clone, Default)]
pub struct ReleaseResult {
    /// The release's file name.
    pub name: String,
    pub scores: Scores,
    /// Every miss and extra, in words.
    pub notes: Vec<String>,
    /// Why the release could not be scored (unreadable release, malformed gold file).
    pub failure: Option<String>,
}

/// The result of a run over many releases.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub releases: Vec<ReleaseResult>,
    /// Gold files whose release was not found: not scored.
    pub without_release: Vec<PathBuf>,
}

// ---------------------------------------------------------------------------------------
// The dataset read as kg-eval reads its export

fn text_of(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        Term::BlankNode(b) => b.as_str().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// The union of a release's graphs, indexed; each triple once, in first-seen order.
struct Dataset {
    by_sp: HashMap<(Term, NamedNode), Vec<Term>>,
    by_po: HashMap<(NamedNode, Term), Vec<Term>>,
    /// Triples of each named graph, by predicate.
    graph_by_p: HashMap<(Term, NamedNode), Vec<(Term, Term)>>,
}

impl Dataset {
    fn new(parts: &[&[Quad]]) -> Dataset {
        let mut seen: HashSet<(Term, NamedNode, Term)> = HashSet::new();
        let mut seen_g: HashSet<&Quad> = HashSet::new();
        let mut ds = Dataset {
            by_sp: HashMap::new(),
            by_po: HashMap::new(),
            graph_by_p: HashMap::new(),
        };
        for q in parts.iter().flat_map(|p| p.iter()) {
            let s: Term = q.subject.clone().into();
            if let GraphName::NamedNode(g) = &q.graph_name {
                if seen_g.insert(q) {
                    ds.graph_by_p
                        .entry((g.clone().into(), q.predicate.clone()))
                        .or_default()
                        .push((s.clone(), q.object.clone()));
                }
            }
            if !seen.insert((s.clone(), q.predicate.clone(), q.object.clone())) {
                continue;
            }
            ds.by_sp
                .entry((s.clone(), q.predicate.clone()))
                .or_default()
                .push(q.object.clone());
            ds.by_po
                .entry((q.predicate.clone(), q.object.clone()))
                .or_default()
                .push(s);
        }
        ds
    }

    fn objects(&self, s: &Term, p: &NamedNode) -> &[Term] {
        self.by_sp
            .get(&(s.clone(), p.clone()))
            .map_or(&[], |v| v.as_slice())
    }

    fn subjects(&self, p: &NamedNode, o: &Term) -> &[Term] {
        self.by_po
            .get(&(p.clone(), o.clone()))
            .map_or(&[], |v| v.as_slice())
    }

    /// The (subject, object) pairs of `p` in graph `g`.
    fn graph_pairs(&self, g: &Term, p: &NamedNode) -> &[(Term, Term)] {
        self.graph_by_p
            .get(&(g.clone(), p.clone()))
            .map_or(&[], |v| v.as_slice())
    }

    /// `start` and every node that reaches it through `pred` (subclasses, sub-properties).
    fn closure(&self, start: &NamedNode, pred: &NamedNode) -> Vec<Term> {
        let start = Term::from(start.clone());
        let mut seen = vec![start.clone()];
        let mut set: HashSet<Term> = HashSet::from([start.clone()]);
        let mut todo = vec![start];
        while let Some(n) = todo.pop() {
            for s in self.subjects(pred, &n) {
                if set.insert(s.clone()) {
                    seen.push(s.clone());
                    todo.push(s.clone());
                }
            }
        }
        seen
    }

    fn has_type_in(&self, e: &Term, class: &str) -> bool {
        let ty = rdfv::TYPE.into_owned();
        self.closure(&vocab::sk(class), &rdfs::SUB_CLASS_OF.into_owned())
            .iter()
            .any(|c| self.objects(e, &ty).contains(c))
    }
}

// ---------------------------------------------------------------------------------------
// Scoring one release

type Key = (String, String, String);

fn key(s: String, p: &str, o: String) -> Key {
    if symmetric(p) && o < s {
        (o, p.to_string(), s)
    } else {
        (s, p.to_string(), o)
    }
}

fn key_repr(k: &Key) -> String {
    format!("({}, {}, {})", py_repr(&k.0), py_repr(&k.1), py_repr(&k.2))
}

/// Scores the quads a store would hold for one release (its document graph, the
/// background and ontology graphs) against its gold annotations. Returns the scores and a
/// note for every miss and extra.
pub fn score_quads(quads: &[&[Quad]], gold: &Gold) -> (Scores, Vec<String>) {
    let ds = Dataset::new(quads);
    let docs = ds.subjects(&rdfv::TYPE.into_owned(), &vocab::sk("Document").into());
    if docs.len() != 1 {
        let mut out = Scores::default();
        for g in gold.entities.iter().filter(|g| !g.is_optional()) {
            out.entity(&g.kind).fn_ += 1;
        }
        let note = format!("expected one sk:Document, found {}", docs.len());
        return (out, vec![note]);
    }
    let doc = docs[0].clone();
    let mut s = Scorer::new(ds, doc, gold);
    s.map_named();
    s.pair_unnamed();
    let matched = s.score_entities();
    s.score_attributes(&matched);
    s.score_relations();
    s.score_quotes();
    s.score_metadata();
    (s.out, s.notes)
}

/// One release's dataset, read as kg-eval reads an export, and its gold file.
struct Scorer<'g> {
    ds: Dataset,
    doc: Term,
    gold: &'g Gold,
    gold_by_id: HashMap<&'g str, &'g GoldEntity>,
    /// The core type of every typed node.
    type_of: HashMap<Term, &'static str>,
    /// The typed entities the document mentions, in the order it lists them.
    mentioned: Vec<Term>,
    /// Preferred and alternative labels of each mentioned entity, from every graph.
    labels: HashMap<Term, (Vec<String>, Vec<String>)>,
    /// The gold entity each mentioned entity stands for, if any.
    mapped: HashMap<Term, Option<&'g str>>,
    /// Every core relation of the document's graph (through sub-properties, with the
    /// relations they imply).
    raw_rel: Vec<(Term, &'static str, Term)>,
    /// The rules that state each relation of `raw_rel`, from the document's `sk:Fact`s.
    rules_of: HashMap<(Term, &'static str, Term), BTreeSet<String>>,
    out: Scores,
    notes: Vec<String>,
}

impl<'g> Scorer<'g> {
    fn new(ds: Dataset, doc: Term, gold: &'g Gold) -> Self {
        let ty = rdfv::TYPE.into_owned();
        // The first of TYPES whose class (or a subclass of it) the node has.
        let mut type_of: HashMap<Term, &'static str> = HashMap::new();
        for t in TYPES {
            for cls in ds.closure(&vocab::sk(t), &rdfs::SUB_CLASS_OF.into_owned()) {
                for e in ds.subjects(&ty, &cls) {
                    type_of.entry(e.clone()).or_insert(t);
                }
            }
        }
        let mut mentioned: Vec<Term> = Vec::new();
        for (_, e) in ds.graph_pairs(&doc, &vocab::sk("mentions")) {
            if type_of.contains_key(e) && !mentioned.contains(e) {
                mentioned.push(e.clone());
            }
        }
        let labels = mentioned
            .iter()
            .map(|e| {
                let texts = |p: &NamedNode| ds.objects(e, p).iter().map(text_of).collect();
                let pair = (
                    texts(&rdfs::LABEL.into_owned()),
                    texts(&vocab::skos("altLabel")),
                );
                (e.clone(), pair)
            })
            .collect();
        let mut raw_rel = Vec::new();
        // The core relation each property (or sub-property) stands for.
        let mut core_of: HashMap<Term, &'static str> = HashMap::new();
        for p in RELATIONS {
            for prop in ds.closure(&vocab::sk(p), &rdfs::SUB_PROPERTY_OF.into_owned()) {
                core_of.entry(prop.clone()).or_insert(p);
                let Term::NamedNode(prop) = prop else {
                    continue;
                };
                for (s, o) in ds.graph_pairs(&doc, &prop) {
                    raw_rel.push((s.clone(), p, o.clone()));
                    if let Some(q) = implied(p) {
                        raw_rel.push((s.clone(), q, o.clone()));
                    }
                }
            }
        }
        let mut rules_of: HashMap<(Term, &'static str, Term), BTreeSet<String>> = HashMap::new();
        let fact: Term = vocab::sk("Fact").into();
        for (f, class) in ds.graph_pairs(&doc, &rdfv::TYPE.into_owned()) {
            if *class != fact {
                continue;
            }
            let one = |p: NamedNode| ds.objects(f, &p).first().cloned();
            let (Some(s), Some(p), Some(o)) = (
                one(rdfv::SUBJECT.into_owned()),
                one(rdfv::PREDICATE.into_owned()),
                one(rdfv::OBJECT.into_owned()),
            ) else {
                continue;
            };
            let Some(&core) = core_of.get(&p) else {
                continue;
            };
            for rule in ds.objects(f, &vocab::sk("rule")) {
                let rule = text_of(rule);
                rules_of
                    .entry((s.clone(), core, o.clone()))
                    .or_default()
                    .insert(rule.clone());
                if let Some(q) = implied(core) {
                    rules_of
                        .entry((s.clone(), q, o.clone()))
                        .or_default()
                        .insert(rule);
                }
            }
        }
        Scorer {
            gold_by_id: gold.entities.iter().map(|g| (g.id.as_str(), g)).collect(),
            ds,
            doc,
            gold,
            type_of,
            mentioned,
            labels,
            mapped: HashMap::new(),
            raw_rel,
            rules_of,
            out: Scores::default(),
            notes: Vec::new(),
        }
    }

    /// The gold id a node was mapped to.
    fn gold_id(&self, t: &Term) -> Option<String> {
        self.mapped.get(t).copied().flatten().map(str::to_string)
    }

    /// Maps each extracted entity to a named gold entity: the first of its labels
    /// (preferred, then alternative) that is a form of one, an entity of the same type
    /// preferred, the first in the gold file otherwise.
    fn map_named(&mut self) {
        let forms: Vec<(&str, HashSet<String>)> = self
            .gold
            .entities
            .iter()
            .filter(|g| !g.is_unnamed())
            .map(|g| {
                let f = std::iter::once(&g.name).chain(&g.aliases);
                (g.id.as_str(), f.map(|x| norm(x)).collect())
            })
            .collect();
        for e in &self.mentioned {
            let (pref, alt) = &self.labels[e];
            let mut hit = None;
            for cand in pref.iter().chain(alt).map(|x| norm(x)) {
                let ids: Vec<&str> = forms
                    .iter()
                    .filter(|(_, fs)| fs.contains(&cand))
                    .map(|(id, _)| *id)
                    .collect();
                let same_type = ids
                    .iter()
                    .find(|id| self.gold_by_id[*id].kind == self.type_of[e]);
                if let Some(first) = same_type.or(ids.first()) {
                    hit = Some(*first);
                    break;
                }
            }
            self.mapped.insert(e.clone(), hit);
        }
    }

    /// Pairs each unnamed gold event with the unmapped extracted event that shares the most
    /// relations with it (agreement, date, place, participants): two shared relations, or
    /// one and the same kind; ties go to the same kind, then to the greater IRI.
    fn pair_unnamed(&mut self) {
        let unnamed: Vec<&GoldEntity> = self
            .gold
            .entities
            .iter()
            .filter(|g| g.is_unnamed() && !g.is_optional())
            .collect();
        if unnamed.is_empty() {
            return;
        }
        let mut got_args: Vec<(Term, HashSet<(String, String)>)> = Vec::new();
        for (s, p, o) in &self.raw_rel {
            let unmapped_event =
                self.mapped.get(s) == Some(&None) && self.type_of.get(s) == Some(&"Event");
            let value = if *p == "date" {
                Some(prefix(&text_of(o), 10))
            } else {
                self.gold_id(o)
            };
            let Some(v) = value.filter(|v| !v.is_empty() && unmapped_event) else {
                continue;
            };
            match got_args.iter_mut().find(|(e, _)| e == s) {
                Some((_, args)) => {
                    args.insert((p.to_string(), v));
                }
                None => got_args.push((s.clone(), HashSet::from([(p.to_string(), v)]))),
            }
        }
        let mut gold_args: HashMap<&str, HashSet<(String, String)>> = HashMap::new();
        for r in &self.gold.relations {
            let o = if r.predicate == "date" {
                prefix(&r.object, 10)
            } else {
                r.object.clone()
            };
            let args = gold_args.entry(r.subject.as_str()).or_default();
            args.insert((r.predicate.clone(), o.clone()));
            if let Some(q) = implied(&r.predicate) {
                args.insert((q.to_string(), o));
            }
        }
        let none = HashSet::new();
        let mut pairs: Vec<(usize, bool, String, Term, &str)> = Vec::new();
        for (e, args) in &got_args {
            for g in &unnamed {
                let want = gold_args.get(g.id.as_str()).unwrap_or(&none);
                let shared = args.intersection(want).count();
                let same_kind = g
                    .event_kind
                    .as_deref()
                    .is_some_and(|k| EVENT_KINDS.contains(&k) && self.ds.has_type_in(e, k));
                if shared >= 2 || (shared == 1 && same_kind) {
                    pairs.push((shared, same_kind, text_of(e), e.clone(), g.id.as_str()));
                }
            }
        }
        pairs.sort_by(|a, b| (a.0, a.1, &a.2, a.4).cmp(&(b.0, b.1, &b.2, b.4)).reverse());
        let mut taken = HashSet::new();
        for (_, _, _, e, gid) in pairs {
            if self.mapped.get(&e) == Some(&None) && taken.insert(gid) {
                self.mapped.insert(e, Some(gid));
            }
        }
    }

    /// Each extracted entity is a match, a wrong type, a duplicate node or an extra; each
    /// gold entity not matched is missed. Returns the matched gold ids.
    fn score_entities(&mut self) -> HashSet<&'g str> {
        let mut matched: HashSet<&str> = HashSet::new();
        for e in &self.mentioned {
            let t = self.type_of[e];
            let Some(gid) = self.mapped[e] else {
                self.out.entity(t).fp += 1;
                let first = self.labels[e].0.first().cloned();
                let first = first.unwrap_or_else(|| text_of(e));
                self.notes.push(format!("extra {t}: [{}]", py_repr(&first)));
                continue;
            };
            let g = self.gold_by_id[gid];
            if g.is_optional() {
                continue;
            }
            if g.kind != t {
                self.out.entity(t).fp += 1;
                let note = format!("wrong type {t} for gold {} '{}'", g.kind, g.name);
                self.notes.push(note);
            } else if !matched.insert(gid) {
                self.out.entity(t).fp += 1;
                self.out.duplicates += 1;
                self.notes.push(format!("duplicate node for '{}'", g.name));
            } else {
                self.out.entity(t).tp += 1;
            }
        }
        for g in self.gold.entities.iter().filter(|g| !g.is_optional()) {
            if !matched.contains(g.id.as_str()) {
                self.out.entity(&g.kind).fn_ += 1;
                self.notes.push(format!("missed {}: '{}'", g.kind, g.name));
            }
        }
        matched
    }

    /// Whether the node has the gold attribute: a person's rank (a literal or a rank node's
    /// label), a nation's ISO code, an event's kind. None when the gold entity has none.
    fn attribute_ok(&self, g: &GoldEntity, e: &Term) -> Option<bool> {
        let given = |v: &Option<String>| v.clone().filter(|v| !v.is_empty());
        match g.kind.as_str() {
            "Person" => {
                let rank = given(&g.rank)?;
                let mut got = HashSet::new();
                for r in self.ds.objects(e, &vocab::sk("rank")) {
                    if let Term::Literal(l) = r {
                        got.insert(norm(l.value()));
                        continue;
                    }
                    let labels = self.ds.objects(r, &rdfs::LABEL.into_owned());
                    let pref = self.ds.objects(r, &vocab::skos("prefLabel"));
                    got.extend(labels.iter().chain(pref).map(|l| norm(&text_of(l))));
                }
                Some(got.contains(&norm(&rank)))
            }
            "Nation" => {
                let iso = given(&g.iso)?.to_uppercase();
                let codes = self.ds.objects(e, &vocab::sk("isoCode"));
                Some(codes.iter().any(|c| text_of(c).to_uppercase() == iso))
            }
            "Event" => {
                let kind = given(&g.event_kind).filter(|k| EVENT_KINDS.contains(&k.as_str()))?;
                Some(self.ds.has_type_in(e, &kind))
            }
            _ => None,
        }
    }

    /// Attributes of matched entities, read on the first node mapped to each.
    fn score_attributes(&mut self, matched: &HashSet<&str>) {
        let mut first_node: Vec<(&str, &Term)> = Vec::new();
        for e in &self.mentioned {
            if let Some(gid) = self.mapped[e] {
                if matched.contains(gid) && !first_node.iter().any(|(g, _)| *g == gid) {
                    first_node.push((gid, e));
                }
            }
        }
        for (gid, e) in first_node {
            let g = self.gold_by_id[gid];
            match self.attribute_ok(g, e) {
                Some(true) => self.out.attributes.tp += 1,
                Some(false) => {
                    self.out.attributes.fn_ += 1;
                    let note = format!("attribute wrong or missing on '{}'", g.name);
                    self.notes.push(note);
                }
                None => {}
            }
        }
    }

    /// Relations: gold closed under the implications, optional entities and borderline
    /// relations neither missed nor wrong, dates compared on their first ten characters,
    /// `partner` unordered.
    fn score_relations(&mut self) {
        let optional: HashSet<&str> = self
            .gold
            .entities
            .iter()
            .filter(|g| g.is_optional())
            .map(|g| g.id.as_str())
            .collect();
        let mut gold_rel: HashSet<Key> = HashSet::new();
        let mut borderline: HashSet<Key> = HashSet::new();
        for r in &self.gold.relations {
            let (s, p) = (&r.subject, r.predicate.as_str());
            if optional.contains(s.as_str()) || optional.contains(r.object.as_str()) {
                continue;
            }
            // A date range "A/B" is scored by its first day.
            let o = if p == "date" {
                prefix(&r.object, 10)
            } else {
                r.object.clone()
            };
            let target = if r.optional {
                &mut borderline
            } else {
                &mut gold_rel
            };
            target.insert(key(s.clone(), p, o));
            if let Some(q) = implied(p) {
                target.insert(key(s.clone(), q, r.object.clone()));
            }
        }
        let mut got_rel: HashSet<Key> = HashSet::new();
        let mut rules: HashMap<Key, BTreeSet<String>> = HashMap::new();
        for (s, p, o) in &self.raw_rel {
            let gs = self.gold_id(s);
            let go = if *p == "date" {
                Some(prefix(&text_of(o), 10)).filter(|d| !d.is_empty())
            } else {
                self.gold_id(o)
            };
            let is_optional =
                |id: &Option<String>| id.as_deref().is_some_and(|i| optional.contains(i));
            if is_optional(&gs) || is_optional(&go) {
                continue;
            }
            let k = key(
                gs.unwrap_or_else(|| format!("?{}", text_of(s))),
                p,
                go.unwrap_or_else(|| format!("?{}", text_of(o))),
            );
            if let Some(r) = self.rules_of.get(&(s.clone(), *p, o.clone())) {
                rules
                    .entry(k.clone())
                    .or_default()
                    .extend(r.iter().cloned());
            }
            got_rel.insert(k);
        }
        got_rel.retain(|k| !borderline.contains(k) || gold_rel.contains(k));
        let mut got_sorted: Vec<&Key> = got_rel.iter().collect();
        got_sorted.sort();
        for k in got_sorted {
            let right = gold_rel.contains(k);
            if right {
                self.out.relation(&k.1).tp += 1;
            } else {
                self.out.relation(&k.1).fp += 1;
                let by: Vec<&str> = rules
                    .get(k)
                    .into_iter()
                    .flatten()
                    .map(String::as_str)
                    .collect();
                let note = if by.is_empty() {
                    format!("extra relation {}", key_repr(k))
                } else {
                    format!("extra relation {} by {}", key_repr(k), by.join(", "))
                };
                self.notes.push(note);
            }
            for r in rules.get(k).into_iter().flatten() {
                let c = self.out.rules.entry(r.clone()).or_default();
                if right {
                    c.tp += 1;
                } else {
                    c.fp += 1;
                }
            }
        }
        let mut missed: Vec<&Key> = gold_rel.difference(&got_rel).collect();
        missed.sort();
        for k in missed {
            self.out.relation(&k.1).fn_ += 1;
            self.notes.push(format!("missed relation {}", key_repr(k)));
        }
    }

    /// Quotes: a gold quote is found when its normalized start lies inside an extracted
    /// quote attributed to the gold speaker. One extracted quote may hold two printed
    /// passages and satisfy two gold entries; one that satisfies none is wrong.
    fn score_quotes(&mut self) {
        let quote_class: Term = vocab::sk("Quote").into();
        let quotes = self.ds.subjects(&rdfv::TYPE.into_owned(), &quote_class);
        let got: Vec<(String, HashSet<Option<String>>)> = quotes
            .iter()
            .map(|q| {
                let text: Vec<String> = self
                    .ds
                    .objects(q, &vocab::sk("text"))
                    .iter()
                    .map(text_of)
                    .collect();
                let speakers = self.ds.objects(q, &vocab::sk("speaker"));
                let speakers = speakers.iter().map(|s| self.gold_id(s)).collect();
                (norm(&text.join(" ")), speakers)
            })
            .collect();
        let quote_rules: Vec<Vec<String>> = quotes
            .iter()
            .map(|q| {
                let rules = self.ds.objects(q, &vocab::sk("rule"));
                rules.iter().map(text_of).collect()
            })
            .collect();
        let mut used = BTreeSet::new();
        for gq in &self.gold.quotes {
            let start = norm(&gq.starts);
            let speaker = Some(gq.speaker.clone());
            let hit = got
                .iter()
                .position(|(t, sp)| t.contains(&start) && sp.contains(&speaker));
            if let Some(i) = hit {
                used.insert(i);
                self.out.quotes.tp += 1;
            } else {
                self.out.quotes.fn_ += 1;
                let starts = prefix(&gq.starts, 40);
                let note = format!("missed quote by {}: '{starts}'", gq.speaker);
                self.notes.push(note);
            }
        }
        self.out.quotes.fp += got.len() - used.len();
        for (i, (t, _)) in got.iter().enumerate() {
            let right = used.contains(&i);
            if !right {
                let note = format!("extra or misattributed quote: '{}'", prefix(t, 40));
                self.notes.push(note);
            }
            for r in &quote_rules[i] {
                let c = self.out.rules.entry(r.clone()).or_default();
                if right {
                    c.tp += 1;
                } else {
                    c.fp += 1;
                }
            }
        }
    }

    /// The normalized forms of the document's values of `p` and of their labels.
    fn names(&self, p: &NamedNode) -> HashSet<String> {
        let mut set = HashSet::new();
        for node in self.ds.objects(&self.doc, p) {
            set.insert(norm(&text_of(node)));
            for l in self.ds.objects(node, &rdfs::LABEL.into_owned()) {
                set.insert(norm(&text_of(l)));
            }
        }
        set
    }

    /// Document metadata: recall of each field the gold file gives (the title compared
    /// normalized, the date on its first ten characters, author, publisher and dateline by
    /// the node or any of its labels).
    fn score_metadata(&mut self) {
        let src = &self.gold.source;
        let fields: [(&str, &Option<String>); 5] = [
            ("title", &src.title),
            ("published", &src.published),
            ("author", &src.author),
            ("publisher", &src.publisher),
            ("dateline", &src.dateline),
        ];
        for (field, want) in fields {
            let Some(want) = want.as_deref().filter(|w| !w.is_empty()) else {
                continue;
            };
            let values = |p: NamedNode, f: fn(&str) -> String| -> HashSet<String> {
                let v = self.ds.objects(&self.doc, &p).iter();
                v.map(|t| f(&text_of(t))).collect()
            };
            let found = match field {
                "title" => values(vocab::dct("title"), norm).contains(&norm(want)),
                "published" => values(vocab::dct("issued"), |d| prefix(d, 10)).contains(want),
                "author" => self.names(&vocab::dct("creator")).contains(&norm(want)),
                "publisher" => self.names(&vocab::dct("publisher")).contains(&norm(want)),
                _ => self.names(&vocab::sk("dateline")).contains(&norm(want)),
            };
            if found {
                self.out.metadata.tp += 1;
            } else {
                self.out.metadata.fn_ += 1;
                let note = format!("metadata {field} missing or wrong (want '{want}')");
                self.notes.push(note);
            }
        }
    }
}

/// The confidence a fact takes from its rule: the rule's precision, smoothed toward one
/// half so that a rule seen a few times is not taken as certain, `(tp + 1) / (tp + fp + 2)`.
pub fn confidence(tp: usize, fp: usize) -> f64 {
    (tp as f64 + 1.0) / ((tp + fp) as f64 + 2.0)
}

// ---------------------------------------------------------------------------------------
// Runs over folders

/// A release and its gold annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub release: PathBuf,
    pub gold: PathBuf,
}

/// What a gold folder holds: the pairs to score, and gold files whose release is missing.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub pairs: Vec<Pair>,
    pub without_release: Vec<PathBuf>,
}

/// The release/gold pairs to score: every `NAME.gold.json` in `gold_dir` whose release
/// `NAME.txt` is in `releases_dir` (the same folder when not given), sorted by name.
pub fn find_pairs(gold_dir: &Path, releases_dir: Option<&Path>) -> Result<Found, EvalError> {
    let releases_dir = releases_dir.unwrap_or(gold_dir);
    let io = |source| EvalError::Io {
        path: gold_dir.to_path_buf(),
        source,
    };
    let mut names: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(gold_dir).map_err(io)? {
        let name = entry
            .map_err(io)?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".gold.json") {
            names.push(name);
        }
    }
    names.sort();
    let mut found = Found::default();
    for name in names {
        let gold = gold_dir.join(&name);
        let stem = &name[..name.len() - ".gold.json".len()];
        let release = releases_dir.join(format!("{stem}.txt"));
        if release.is_file() {
            found.pairs.push(Pair { release, gold });
        } else {
            found.without_release.push(gold);
        }
    }
    if found.pairs.is_empty() {
        return Err(EvalError::NoPairs {
            gold: gold_dir.to_path_buf(),
            releases: releases_dir.to_path_buf(),
        });
    }
    Ok(found)
}

/// Scores each release alone against its gold file. A release that cannot be read or a gold
/// file that is malformed is a failed release, reported with the reason; the others are
/// scored.
pub fn evaluate(kb: &Knowledge, pairs: &[Pair]) -> Result<Report, EvalError> {
    let extractor = Extractor::new(kb);
    let background = rdf::background_quads(kb);
    let ontology = rdf::ontology_quads(kb)?;
    let mut report = Report::default();
    for Pair {
        release: txt,
        gold: gold_path,
    } in pairs
    {
        let name = txt.file_name().map_or_else(
            || txt.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut result = ReleaseResult {
            name,
            ..ReleaseResult::default()
        };
        let gold = match Gold::read(gold_path) {
            Ok(g) => g,
            Err(e) => {
                result.failure = Some(e.to_string());
                result.notes.push(e.to_string());
                report.releases.push(result);
                continue;
            }
        };
        match reading::read_path(txt) {
            Ok(release) => {
                let extraction = extractor.extract(&release);
                let (_, quads) = rdf::document_quads(&release, &extraction, kb);
                let (scores, notes) = score_quads(&[&quads, &background, &ontology], &gold);
                result.scores = scores;
                result.notes = notes;
            }
            Err(e) => {
                for g in gold.entities.iter().filter(|g| !g.is_optional()) {
                    result.scores.entity(&g.kind).fn_ += 1;
                }
                result.failure = Some(e.to_string());
                result.notes.push(e.to_string());
            }
        }
        report.releases.push(result);
    }
    Ok(report)
}

/// Scores every release of `gold_dir` that has a gold file (see [`find_pairs`] and
/// [`evaluate`]).
pub fn evaluate_dir(
    kb: &Knowledge,
    gold_dir: &Path,
    releases_dir: Option<&Path>,
) -> Result<Report, EvalError> {
    let found = find_pairs(gold_dir, releases_dir)?;
    let mut report = evaluate(kb, &found.pairs)?;
    report.without_release = found.without_release;
    Ok(report)
}

fn line(label: &str, c: &Counts) -> String {
    let (p, r, f) = c.prf();
    format!(
        "{label:<22} {p:6.3} {r:6.3} {f:6.3}   tp {:4} fp {:4} fn {:4}",
        c.tp, c.fp, c.fn_
    )
}

impl Report {
    /// The sums over all releases.
    pub fn totals(&self) -> Scores {
        let mut t = Scores::default();
        for r in &self.releases {
            t.add(&r.scores);
        }
        t
    }

    pub fn failed(&self) -> usize {
        self.releases.iter().filter(|r| r.failure.is_some()).count()
    }

    /// Entities of the seven types, micro-averaged.
    pub fn entity_counts(&self) -> Counts {
        let t = self.totals();
        Scores::sum(TYPES.iter().filter_map(|k| t.entities.get(*k)))
    }

    /// The fifteen relations, micro-averaged.
    pub fn relation_counts(&self) -> Counts {
        let t = self.totals();
        Scores::sum(RELATIONS.iter().filter_map(|k| t.relations.get(*k)))
    }

    /// The last line: entity F1, relation F1, quote F1, metadata recall, releases, failed.
    pub fn summary(&self) -> String {
        let t = self.totals();
        format!(
            "entity F1 {:.3} relation F1 {:.3} quote F1 {:.3} metadata recall {:.3} releases {} failed {}",
            self.entity_counts().prf().2,
            self.relation_counts().prf().2,
            t.quotes.prf().2,
            t.metadata.prf().1,
            self.releases.len(),
            self.failed()
        )
    }

    /// What the scorer prints: failures, with `verbose` every release's misses and extras,
    /// the table by type and relation, and the summary line last.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        for r in &self.releases {
            if let Some(why) = &r.failure {
                let _ = writeln!(s, "{}: FAILED: {why}", r.name);
            }
            if verbose {
                let _ = writeln!(
                    s,
                    "== {}: entity F1 {:.2}, relation F1 {:.2}",
                    r.name,
                    r.scores.entities_micro().prf().2,
                    r.scores.relations_micro().prf().2
                );
                for n in &r.notes {
                    let _ = writeln!(s, "   {n}");
                }
            }
        }
        let t = self.totals();
        let _ = writeln!(s, "{:<22} {:>6} {:>6} {:>6}", "", "P", "R", "F1");
        let zero = Counts::default();
        for k in TYPES {
            let _ = writeln!(
                s,
                "{}",
                line(&format!("entity {k}"), t.entities.get(k).unwrap_or(&zero))
            );
        }
        let _ = writeln!(s, "{}", line("entities (micro)", &self.entity_counts()));
        for k in RELATIONS {
            if let Some(c) = t.relations.get(k).filter(|c| **c != zero) {
                let _ = writeln!(s, "{}", line(&format!("relation {k}"), c));
            }
        }
        let _ = writeln!(s, "{}", line("relations (micro)", &self.relation_counts()));
        let _ = writeln!(s, "{}", line("quotes", &t.quotes));
        let _ = writeln!(s, "{}", line("attributes", &t.attributes));
        let _ = writeln!(s, "{}", line("metadata", &t.metadata));
        let _ = writeln!(
            s,
            "duplicate nodes: {}; releases failed: {} of {}",
            t.duplicates,
            self.failed(),
            self.releases.len()
        );
        let _ = writeln!(s, "{}", self.summary());
        s
    }

    /// Each rule's facts (relations and quotes) over every release: `(rule, counts)`, in
    /// name order.
    pub fn rule_counts(&self) -> Vec<(String, Counts)> {
        self.totals().rules.into_iter().collect()
    }

    /// The table of `spacekg eval --rules`: per rule the facts it stated, how many are right
    /// and wrong, its precision and the confidence stored facts take from it.
    pub fn render_rules(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<36} {:>6} {:>5} {:>5} {:>9} {:>10}",
            "rule", "facts", "tp", "fp", "precision", "confidence"
        );
        for (rule, c) in self.rule_counts() {
            let _ = writeln!(
                s,
                "{rule:<36} {:>6} {:>5} {:>5} {:>9.3} {:>10.3}",
                c.tp + c.fp,
                c.tp,
                c.fp,
                c.prf().0,
                confidence(c.tp, c.fp)
            );
        }
        s
    }

    /// The confidence data file (`data/confidence.tsv`): each rule's counts and confidence,
    /// and a `*` row, from all relations together, for rules the corpus never fired.
    pub fn confidence_tsv(&self) -> String {
        let mut s = String::from(
            "rule\ttp\tfp\tconfidence\n\
             # Each extraction rule's measured precision on the sample corpus, smoothed:\n\
             # confidence = (tp + 1) / (tp + fp + 2), tp and fp counted by `spacekg eval` as\n\
             # kg-eval scores relations and quotes. Every stored fact carries its rule's\n\
             # confidence (sk:confidence); the `*` row (all relations together) serves rules\n\
             # that stated nothing here. Generated: bash scripts/confidence.sh\n",
        );
        let all = self.relation_counts();
        let _ = writeln!(
            s,
            "*\t{}\t{}\t{:.3}",
            all.tp,
            all.fp,
            confidence(all.tp, all.fp)
        );
        for (rule, c) in self.rule_counts() {
            let _ = writeln!(
                s,
                "{rule}\t{}\t{}\t{:.3}",
                c.tp,
                c.fp,
                confidence(c.tp, c.fp)
            );
        }
        s
    }

    /// Per-release scores as JSON: `{NAME: {entity_f1, relation_f1, quote_f1,
    /// metadata_recall, failed, notes}}` (kg-eval's `--json` fields and more).
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        for r in &self.releases {
            m.insert(
                r.name.clone(),
                serde_json::json!({
                    "entity_f1": r.scores.entities_micro().prf().2,
                    "relation_f1": r.scores.relations_micro().prf().2,
                    "quote_f1": r.scores.quotes.prf().2,
                    "metadata_recall": r.scores.metadata.prf().1,
                    "duplicates": r.scores.duplicates,
                    "failed": r.failure.is_some(),
                    "notes": r.notes,
                }),
            );
        }
        serde_json::Value::Object(m)
    }
}

/// A problem while scoring extraction against gold annotations.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: not a valid gold file: {message}")]
    Gold { path: PathBuf, message: String },
    #[error("{path}: cannot read")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "no NAME.txt + NAME.gold.json pairs found (gold files in {gold}, releases in {releases})"
    )]
    NoPairs { gold: PathBuf, releases: PathBuf },
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::vocab::xsd;
    use oxigraph::model::Literal;
    use proptest::prelude::*;

    /// A hand-built dataset: one document graph and an ontology graph.
    struct Doc {
        doc: NamedNode,
        quads: Vec<Quad>,
        ontology: Vec<Quad>,
    }

    fn lit(s: &str) -> Term {
        Literal::new_language_tagged_literal_unchecked(s, "en").into()
    }

    fn date(s: &str) -> Term {
        Literal::new_typed_literal(s, xsd::DATE).into()
    }

    impl Doc {
        fn new() -> Doc {
            let doc = vocab::document_iri("0123456789abcdef01234567");
            let mut d = Doc {
                doc: doc.clone(),
                quads: Vec::new(),
                ontology: Vec::new(),
            };
            d.add(&doc, rdfv::TYPE.into_owned(), vocab::sk("Document"));
            d
        }

        fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
            let g = GraphName::NamedNode(self.doc.clone());
            self.quads.push(Quad::new(s.clone(), p, o.into(), g));
        }

        /// A mentioned entity with its classes, preferred label and alternative labels.
        fn entity(&mut self, key: &str, classes: &[&str], label: &str, alt: &[&str]) -> NamedNode {
            let e = vocab::entity_iri(key);
            for c in classes {
                self.add(&e, rdfv::TYPE.into_owned(), vocab::sk(c));
            }
            self.add(&e, rdfs::LABEL.into_owned(), lit(label));
            for a in alt {
                self.add(&e, vocab::skos("altLabel"), lit(a));
            }
            let doc = self.doc.clone();
            self.add(&doc, vocab::sk("mentions"), e.clone());
            e
        }

        fn rel(&mut self, s: &NamedNode, p: &str, o: &NamedNode) {
            self.add(s, vocab::sk(p), o.clone());
        }

        fn subclass(&mut self, class: &str, of: &str) {
            let g = GraphName::NamedNode(vocab::ontology_graph());
            let (c, of) = (vocab::sk(class), vocab::sk(of));
            let q = Quad::new(c, rdfs::SUB_CLASS_OF.into_owned(), of, g);
            self.ontology.push(q);
        }

        fn quote(&mut self, key: &str, text: &str, speaker: &NamedNode) {
            let q = vocab::entity_iri(key);
            self.add(&q, rdfv::TYPE.into_owned(), vocab::sk("Quote"));
            self.add(&q, vocab::sk("text"), Literal::new_simple_literal(text));
            self.add(&q, vocab::sk("speaker"), speaker.clone());
        }

        fn score(&self, gold: &str) -> (Scores, Vec<String>) {
            let gold = Gold::parse(Path::new("case.gold.json"), gold).expect("valid gold");
            score_quads(&[&self.quads, &self.ontology], &gold)
        }
    }

    fn c(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    fn of(m: &BTreeMap<String, Counts>, k: &str) -> Counts {
        m.get(k).copied().unwrap_or_default()
    }

    #[test]
    fn norm_folds_case_accents_punctuation_and_the() {
        assert_eq!(norm("The U.S. Space Force"), "us space force");
        assert_eq!(
            norm("Japan’s Air Self-Defense Force"),
            "japan air self defense force"
        );
        assert_eq!(norm("São Tomé & Príncipe"), "sao tome and principe");
        assert_eq!(norm("John W. “Jay” Raymond"), "john w jay raymond");
        assert_eq!(norm("  ﬁrst -- Talks!  "), "first talks");
        assert_eq!(norm("Theory of the Case"), "theory of the case");
        assert_eq!(norm("the the end"), "the end");
        // A possessive 's goes, an 's inside a word stays; quote marks go without a gap.
        assert_eq!(norm("NASA's 'sky' it's"), "nasa sky it");
        assert_eq!(norm("O'Shea's"), "oshea");
        assert_eq!(norm("snake_case 2024"), "snake_case 2024");
        assert_eq!(norm(""), "");
    }

    #[test]
    fn precision_recall_f1_follow_the_scorer_at_the_edges() {
        assert_eq!(c(0, 0, 0).prf(), (1.0, 1.0, 1.0));
        assert_eq!(c(0, 0, 2).prf(), (0.0, 0.0, 0.0));
        assert_eq!(c(0, 3, 0).prf(), (0.0, 1.0, 0.0));
        let (p, r, f) = c(3, 1, 2).prf();
        assert_eq!((p, r), (0.75, 0.6));
        assert!((f - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-15);
    }

    #[test]
    fn preferred_label_first_then_same_type() {
        let mut d = Doc::new();
        // Labelled "Japan" first: maps to the nation, whatever its alternative labels.
        d.entity("org/japan", &["Organization"], "Japan", &["JASDF"]);
        // "Nippon" is no form; its alternative label "Japan" is.
        d.entity("nation/JP", &["Nation"], "Nippon", &["Japan"]);
        // "Artemis" names an initiative and (as an alias) an agreement: same type wins.
        d.entity("agreement/artemis", &["Agreement"], "Artemis", &[]);
        let (s, notes) = d.score(
            r#"{"entities": [
                {"id": "jp", "type": "Nation", "name": "Japan"},
                {"id": "jasdf", "type": "Organization", "name": "JASDF"},
                {"id": "prog", "type": "Initiative", "name": "Artemis"},
                {"id": "acc", "type": "Agreement", "name": "Artemis Accords", "aliases": ["Artemis"]}
            ]}"#,
        );
        assert_eq!(of(&s.entities, "Nation"), c(1, 0, 0));
        assert_eq!(of(&s.entities, "Organization"), c(0, 1, 1));
        assert_eq!(of(&s.entities, "Agreement"), c(1, 0, 0));
        assert_eq!(of(&s.entities, "Initiative"), c(0, 0, 1));
        assert!(notes.contains(&"wrong type Organization for gold Nation 'Japan'".to_string()));
        assert!(notes.contains(&"missed Initiative: 'Artemis'".to_string()));
    }

    #[test]
    fn duplicates_extras_and_optional_entities() {
        let mut d = Doc::new();
        d.entity("nation/JP", &["Nation"], "Japan", &[]);
        d.entity("nation/japan", &["Nation"], "JAPAN", &[]);
        d.entity("place/nowhere", &["Place"], "Nowhere", &[]);
        d.entity("org/indopacom", &["Organization"], "INDOPACOM", &[]);
        // Not of a core type: not an entity at all.
        d.entity("thing/x", &["Rank"], "Colonel", &[]);
        let (s, notes) = d.score(
            r#"{"entities": [
                {"id": "jp", "type": "Nation", "name": "Japan", "iso": "JP"},
                {"id": "indopacom", "type": "Organization", "name": "INDOPACOM", "optional": true}
            ]}"#,
        );
        assert_eq!(of(&s.entities, "Nation"), c(1, 1, 0));
        assert_eq!(of(&s.entities, "Place"), c(0, 1, 0));
        assert_eq!(of(&s.entities, "Organization"), c(0, 0, 0));
        assert_eq!(s.duplicates, 1);
        // The ISO code is read on the first node: it has none.
        assert_eq!(s.attributes, c(0, 0, 1));
        assert!(notes.contains(&"duplicate node for 'Japan'".to_string()));
        assert!(notes.contains(&"extra Place: ['Nowhere']".to_string()));
    }

    #[test]
    fn unnamed_events_pair_by_shared_relations_and_kind() {
        let mut d = Doc::new();
        d.subclass("Signing", "Event");
        d.subclass("Meeting", "Event");
        let us = d.entity("nation/US", &["Nation"], "United States", &[]);
        let india = d.entity("nation/IN", &["Nation"], "India", &[]);
        // Typed only by a subclass of sk:Event.
        let signing = d.entity("local/e1", &["Signing"], "Signing of the Accords", &[]);
        d.rel(&signing, "participant", &us);
        d.add(&signing, vocab::sk("date"), date("2023-06-21"));
        // Shares one relation and is of another kind: not paired.
        let meeting = d.entity("local/e2", &["Meeting"], "Meeting", &[]);
        d.rel(&meeting, "participant", &india);
        let (s, notes) = d.score(
            r#"{"entities": [
                {"id": "us", "type": "Nation", "name": "United States"},
                {"id": "in", "type": "Nation", "name": "India"},
                {"id": "sign", "type": "Event", "name": "India's signing", "unnamed": true,
                 "kind": "Signing"}
            ], "relations": [
                ["sign", "participant", "us"], ["sign", "participant", "in"],
                ["sign", "date", "2023-06-21"]
            ]}"#,
        );
        assert_eq!(of(&s.entities, "Event"), c(1, 1, 0));
        assert_eq!(
            s.attributes,
            c(1, 0, 0),
            "the kind of the paired event is read"
        );
        assert_eq!(of(&s.relations, "participant"), c(1, 1, 1));
        assert_eq!(of(&s.relations, "date"), c(1, 0, 0));
        let extra = format!(
            "extra relation ('?{}', 'participant', 'in')",
            meeting.as_str()
        );
        assert!(notes.contains(&extra), "{notes:?}");
    }

    #[test]
    fn relations_implied_symmetric_optional_and_dated() {
        let mut d = Doc::new();
        let garrant = d.entity("person/garrant", &["Person"], "Philip A. Garrant", &[]);
        let ussf = d.entity("org/ussf", &["Organization"], "U.S. Space Force", &[]);
        let us = d.entity("nation/US", &["Nation"], "United States", &[]);
        let jp = d.entity("nation/JP", &["Nation"], "Japan", &[]);
        let fr = d.entity("nation/FR", &["Nation"], "France", &[]);
        let gb = d.entity("nation/GB", &["Nation"], "United Kingdom", &[]);
        let set = d.entity("event/set", &["Event"], "Space Engagement Talks", &[]);
        d.rel(&garrant, "heads", &ussf); // implies memberOf
        d.rel(&jp, "partner", &us); // gold says us partner jp
        d.add(&set, vocab::sk("date"), date("2023-07-13"));
        d.rel(&set, "participant", &fr); // borderline in gold
        d.rel(&set, "participant", &gb); // an optional entity
        d.rel(&set, "host", &us); // not in gold: host and the participant it implies
        let (s, notes) = d.score(
            r#"{"entities": [
                {"id": "garrant", "type": "Person", "name": "Philip A. Garrant"},
                {"id": "ussf", "type": "Organization", "name": "U.S. Space Force"},
                {"id": "us", "type": "Nation", "name": "United States"},
                {"id": "jp", "type": "Nation", "name": "Japan"},
                {"id": "fr", "type": "Nation", "name": "France"},
                {"id": "gb", "type": "Nation", "name": "United Kingdom", "optional": true},
                {"id": "set", "type": "Event", "name": "Space Engagement Talks"}
            ], "relations": [
                ["garrant", "heads", "ussf"], ["us", "partner", "jp"],
                ["set", "date", "2023-07-13/2023-07-14"],
                ["set", "participant", "fr", "optional"], ["set", "participant", "gb"],
                ["set", "leader", "garrant"]
            ]}"#,
        );
        assert_eq!(of(&s.relations, "heads"), c(1, 0, 0));
        assert_eq!(of(&s.relations, "memberOf"), c(1, 0, 0));
        assert_eq!(of(&s.relations, "partner"), c(1, 0, 0));
        assert_eq!(of(&s.relations, "date"), c(1, 0, 0));
        assert_eq!(of(&s.relations, "host"), c(0, 1, 0));
        // The host's implied participant is extra; the leader's implied one is missed.
        assert_eq!(of(&s.relations, "participant"), c(0, 1, 1));
        assert_eq!(of(&s.relations, "leader"), c(0, 0, 1));
        assert!(notes.contains(&"missed relation ('set', 'leader', 'garrant')".to_string()));
    }

    #[test]
    fn quotes_by_start_and_speaker() {
        let mut d = Doc::new();
        let m = d.entity("person/mastalir", &["Person"], "Anthony J. Mastalir", &[]);
        d.entity("person/garrant", &["Person"], "Philip A. Garrant", &[]);
        // Two printed passages kept as one quote satisfy two gold entries.
        d.quote(
            "q1",
            "“The talks represent a milestone,” he said. “We look forward to more.”",
            &m,
        );
        // Garrant's words attributed to Mastalir: wrong, and Garrant's quote is missed.
        d.quote("q2", "Space is a team sport.", &m);
        let (s, notes) = d.score(
            r#"{"entities": [
                {"id": "mastalir", "type": "Person", "name": "Anthony J. Mastalir"},
                {"id": "garrant", "type": "Person", "name": "Philip A. Garrant"}
            ], "quotes": [
                {"speaker": "mastalir", "starts": "The talks represent a milestone"},
                {"speaker": "mastalir", "starts": "We look forward to more"},
                {"speaker": "garrant", "starts": "Space is a team sport"}
            ]}"#,
        );
        assert_eq!(s.quotes, c(2, 1, 1));
        assert!(notes.contains(&"missed quote by garrant: 'Space is a team sport'".to_string()));
        assert!(
            notes.contains(&"extra or misattributed quote: 'space is a team sport'".to_string())
        );
    }

    #[test]
    fn each_rule_is_credited_with_the_relations_and_quotes_it_stated() {
        let mut d = Doc::new();
        let p = d.entity("person/kim", &["Person"], "Dana Kim", &[]);
        let o = d.entity("org/nspo", &["Organization"], "Northern Space Office", &[]);
        let x = d.entity("org/wrong", &["Organization"], "Harbour Board", &[]);
        let fact = |d: &mut Doc, n: &str, s: &NamedNode, pred: &str, o: &NamedNode, rule: &str| {
            d.rel(s, pred, o);
            let f = vocab::entity_iri(&format!("fact/{n}"));
            d.add(&f, rdfv::TYPE.into_owned(), vocab::sk("Fact"));
            d.add(&f, rdfv::SUBJECT.into_owned(), s.clone());
            d.add(&f, rdfv::PREDICATE.into_owned(), vocab::sk(pred));
            d.add(&f, rdfv::OBJECT.into_owned(), o.clone());
            d.add(&f, vocab::sk("rule"), Literal::new_simple_literal(rule));
        };
        // "heads" implies "memberOf": one right fact counts twice for its rule.
        fact(&mut d, "1", &p, "heads", &o, "post-rule");
        // The same relation stated by two rules counts for both.
        fact(&mut d, "2", &p, "memberOf", &x, "post-rule");
        fact(&mut d, "3", &p, "memberOf", &x, "other-rule");
        d.quote("q1", "We will keep the sky open for all,", &p);
        let q = vocab::entity_iri("q1");
        d.add(
            &q,
            vocab::sk("rule"),
            Literal::new_simple_literal("speech-rule"),
        );
        let (s, _) = d.score(
            r#"{"entities": [
                {"id": "kim", "type": "Person", "name": "Dana Kim"},
                {"id": "nspo", "type": "Organization", "name": "Northern Space Office"},
                {"id": "hb", "type": "Organization", "name": "Harbour Board"}
            ], "relations": [["kim", "heads", "nspo"]],
            "quotes": [{"speaker": "kim", "starts": "We will keep the sky open"}]}"#,
        );
        assert_eq!(of(&s.rules, "post-rule"), c(2, 1, 0));
        assert_eq!(of(&s.rules, "other-rule"), c(0, 1, 0));
        assert_eq!(of(&s.rules, "speech-rule"), c(1, 0, 0));
        assert_eq!(confidence(2, 1), 0.6);
        assert_eq!(confidence(0, 0), 0.5);
    }

    #[test]
    fn metadata_recall_by_value_or_label() {
        let mut d = Doc::new();
        let doc = d.doc.clone();
        let wilson = d.entity("person/nick-wilson", &["Person"], "Nick Wilson", &[]);
        d.add(
            &doc,
            vocab::dct("title"),
            Literal::new_simple_literal("US, Japan host Talks"),
        );
        d.add(&doc, vocab::dct("issued"), date("2023-07-19"));
        d.add(&doc, vocab::dct("creator"), wilson);
        let (s, notes) = d.score(
            r#"{"source": {"title": "U.S., Japan host talks", "published": "2023-07-19",
                "author": "Nick Wilson", "publisher": null, "dateline": "Yokota Air Base"},
               "entities": []}"#,
        );
        assert_eq!(s.metadata, c(3, 0, 1));
        assert_eq!(
            notes,
            vec![
                "extra Person: ['Nick Wilson']".to_string(),
                "metadata dateline missing or wrong (want 'Yokota Air Base')".to_string()
            ]
        );
    }

    #[test]
    fn no_single_document_counts_every_gold_entity_missed() {
        let d = Doc {
            doc: vocab::document_iri("00"),
            quads: Vec::new(),
            ontology: Vec::new(),
        };
        let (s, notes) = d.score(
            r#"{"entities": [{"id": "jp", "type": "Nation", "name": "Japan"},
                {"id": "x", "type": "Place", "name": "X", "optional": true}]}"#,
        );
        assert_eq!(of(&s.entities, "Nation"), c(0, 0, 1));
        assert_eq!(of(&s.entities, "Place"), c(0, 0, 0));
        assert_eq!(notes, vec!["expected one sk:Document, found 0".to_string()]);
    }

    fn parse_error(text: &str) -> String {
        match Gold::parse(Path::new("dir/bad.gold.json"), text) {
            Ok(_) => panic!("{text} should not parse"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn malformed_gold_files_are_errors_naming_the_file() {
        let e = parse_error(r#"{"entities": [ {"id": "a""#);
        assert!(
            e.starts_with("dir/bad.gold.json: not a valid gold file"),
            "{e}"
        );
        let e = parse_error(r#"{"relations": []}"#);
        assert!(e.contains("missing field `entities`"), "{e}");
        let e = parse_error(
            r#"{"entities": [{"id": "a", "type": "Nation", "name": "A"}], "relations": [["a", "partner"]]}"#,
        );
        assert!(e.contains("not 2 strings"), "{e}");
        let e = parse_error(r#"{"entities": [{"id": "a", "type": "Country", "name": "A"}]}"#);
        assert!(e.contains("has type 'Country'"), "{e}");
        let e = parse_error(
            r#"{"entities": [{"id": "a", "type": "Nation", "name": "A"},
                {"id": "a", "type": "Nation", "name": "B"}]}"#,
        );
        assert!(e.contains("'a' is declared twice"), "{e}");
        let e = parse_error(
            r#"{"entities": [{"id": "a", "type": "Nation", "name": "A"}],
                "relations": [["a", "partner", "b"]]}"#,
        );
        assert!(e.contains("names 'b', which is no entity id"), "{e}");
        let e = parse_error(
            r#"{"entities": [{"id": "a", "type": "Event", "name": "A"}],
                "relations": [["a", "date", "2024-01-02"], ["a", "hosts", "a"]]}"#,
        );
        assert!(e.contains("unknown relation 'hosts'"), "{e}");
    }

    #[test]
    fn report_prints_the_scorers_table_and_summary() {
        let mut scores = Scores::default();
        scores.entities.insert("Nation".into(), c(2, 1, 0));
        scores
            .relations
            .insert("subOrganizationOf".into(), c(1, 0, 1));
        scores.metadata = c(3, 0, 1);
        let report = Report {
            releases: vec![
                ReleaseResult {
                    name: "a.txt".into(),
                    scores,
                    notes: vec!["missed relation ('a', 'b', 'c')".into()],
                    failure: None,
                },
                ReleaseResult {
                    name: "b.txt".into(),
                    failure: Some("b.gold.json: not a valid gold file: oops".into()),
                    ..ReleaseResult::default()
                },
            ],
            without_release: Vec::new(),
        };
        let text = report.render(true);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "== a.txt: entity F1 0.80, relation F1 0.67");
        assert_eq!(lines[1], "   missed relation ('a', 'b', 'c')");
        assert_eq!(
            lines[2],
            "b.txt: FAILED: b.gold.json: not a valid gold file: oops"
        );
        assert!(text
            .contains("\nentity Nation           0.667  1.000  0.800   tp    2 fp    1 fn    0\n"));
        assert!(text.contains(
            "\nrelation subOrganizationOf  1.000  0.500  0.667   tp    1 fp    0 fn    1\n"
        ));
        assert!(
            !text.contains("relation heads"),
            "relations never seen are left out"
        );
        assert_eq!(
            lines.last().copied(),
            Some("entity F1 0.800 relation F1 0.667 quote F1 1.000 metadata recall 0.750 releases 2 failed 1")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn norm_gives_lowercase_words_single_spaced(s in "\\PC{0,40}") {
            let n = norm(&s);
            prop_assert!(!n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "));
            prop_assert!(n.chars().all(|c| c == ' ' || is_word(c)));
            prop_assert!(!n.chars().any(|c| c.is_ascii_uppercase()));
        }

        #[test]
        fn any_text_parses_or_fails_naming_the_file(s in "\\PC{0,200}") {
            if let Err(e) = Gold::parse(Path::new("x.gold.json"), &s) {
                prop_assert!(e.to_string().starts_with("x.gold.json: "));
            }
        }
    }
}
