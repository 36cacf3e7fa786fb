//! Background knowledge: nations, places, ranks, civil titles and known organizations from
//! the TSV files under `data/`, and the event classes with their trigger words and name head
//! words from the ontology's Turtle (core plus any extension files). Loaded and compiled
//! once; extraction only reads it.

pub mod error;

pub mod ontology;

use crate::knowledge::error::KnowledgeError;
use crate::text::{form_key, slug};
use crate::vocab::{
    local_name, DCTERMS_TYPE, RDFS_COMMENT, RDFS_LABEL, RDFS_SUBCLASSOF, RDF_TYPE, SKOS_ALT_LABEL,
};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};

pub use crate::vocab::SK as ONTOLOGY_NS;

/// The core ontology, compiled into the binary so it works from any folder.
pub(crate) const CORE_ONTOLOGY: &str = include_str!("../../ontology/spacekg.ttl");
const NATIONS: &str = include_str!("../../data/nations.tsv");
const PLACES: &str = include_str!("../../data/places.tsv");
const CITIES: &str = include_str!("../../data/cities.tsv");
const PROGRAMS: &str = include_str!("../../data/programs.tsv");
const RANKS: &str = include_str!("../../data/ranks.tsv");
const TITLES: &str = include_str!("../../data/titles.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.tsv");
const POSTS: &str = include_str!("../../data/posts.tsv");
const STOPWORDS: &str = include_str!("../../data/stopwords.txt");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");
const HEDGES: &str = include_str!("../../data/hedges.txt");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");
const CUES: &str = include_str!("../../data/cues.tsv");
const POST_ORGANIZATIONS: &str = include_str!("../../data/post_organizations.tsv");
const CONFIDENCE: &str = include_str!("../../data/confidence.tsv");

#[derive(Debug, Clone)]
pub struct Nation {
    pub iso2: String,
    pub iso3: String,
    pub wikidata: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: String,
    pub nation: Option<String>,
    pub parent: Option<String>,
    pub wikidata: Option<String>,
}

/// A known programme, mission, partnership or agreement (`data/programs.tsv`).
#[derive(Debug, Clone)]
pub struct Program {
    pub name: String,
    pub aliases: Vec<String>,
    /// Whether it is an agreement (a signed text) rather than an initiative.
    pub agreement: bool,
    pub kind: String,
}

/// A person named in an ontology extension: name, other forms, rank, post, organization
/// and nation.
#[derive(Debug, Clone)]
pub struct KnownPerson {
    /// The key part after `person/` (the slug of the name, as extraction keys persons).
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Index into `Knowledge::ranks`.
    pub rank: Option<usize>,
    pub post: Option<String>,
    /// Organization id (`org/{id}`) the person serves in or heads.
    pub organization: Option<String>,
    pub heads: bool,
    /// ISO alpha-2 code.
    pub nation: Option<String>,
    /// Which ontology file defined it.
    pub file: String,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: String,
    pub nation: Option<String>,
    pub region: Option<String>,
    /// From the curated `data/places.tsv` (read anywhere and in the background graph), not
    /// from the generated city list `data/cities.tsv` (read only where the text places a
    /// name: see [`Knowledge::city`]).
    pub curated: bool,
}

#[derive(Debug, Clone)]
pub struct Rank {
    pub name: String,
    pub abbreviations: Vec<String>,
    pub grade: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// Dr., Sir, the Hon: dropped from names.
    Honorific,
    /// A civil post printed before a name: Ambassador, Administrator, Minister.
    Post,
    /// Letters printed after a name: MP, OBE, PhD. Dropped from names.
    Postnominal,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub text: String,
    pub kind: TitleKind,
}

/// An event class of the ontology (core or extension) and the words that signal it.
#[derive(Debug, Clone)]
pub struct EventClass {
    pub iri: String,
    pub label: String,
    pub comment: Option<String>,
    /// The direct parent class IRI.
    pub parent: Option<String>,
    /// Words or phrases in running text that signal an occurrence ("signed").
    pub triggers: Vec<String>,
    /// Words that end a proper name of this class ("Talks").
    pub head_words: Vec<String>,
    /// Which ontology file defined it.
    pub file: String,
}

/// What a normalized surface form refers to in the gazetteers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    Nation(usize, NationForm),
    Organization(usize),
    Place(usize),
    Program(usize),
    /// A person an ontology extension declares (`Knowledge::persons`).
    Person(usize),
    Rank(usize),
    Title(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NationForm {
    Name,
    Demonym,
    Capital,
}

/// Kinds of named thing whose names end in a head word ("Command", "Accords").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HeadKind {
    Organization,
    Initiative,
    Agreement,
    Place,
}

/// All background knowledge, compiled for lookups.
#[derive(Debug, Default)]
pub struct Knowledge {
    pub nations: Vec<Nation>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    pub programs: Vec<Program>,
    pub ranks: Vec<Rank>,
    pub titles: Vec<Title>,
    pub event_classes: Vec<EventClass>,
    /// Persons declared in ontology extensions (background knowledge; not in the lexicon).
    pub persons: Vec<KnownPerson>,
    /// Head words of organizations, initiatives, agreements and places, from the ontology.
    pub head_words: BTreeMap<HeadKind, Vec<String>>,
    /// The ontology files read: (name, Turtle text).
    pub ontology_files: Vec<(String, String)>,
    /// Post words ("commander", "deputy director") -> whether the post heads its
    /// organization.
    pub posts: HashMap<String, bool>,
    /// Posts that name the one organization they head ("chief of space operations" -> ussf).
    pub post_organizations: HashMap<String, (String, bool)>,
    /// Each extraction rule's confidence (`data/confidence.tsv`: its smoothed precision on
    /// the sample corpus).
    pub rule_confidence: HashMap<String, f64>,
    /// The confidence of a rule the file does not list (all relations together).
    pub default_confidence: f64,
    /// Capitalized words that never begin a name ("The", "During").
    pub stopwords: std::collections::HashSet<String>,
    /// Verbs that attribute a quotation ("said").
    pub speech_verbs: std::collections::HashSet<String>,
    /// Words that make a statement hypothetical ("considering", "plans").
    pub hedges: std::collections::HashSet<String>,
    /// Given names of many nations, as printed ("Ingrid", "Kenji").
    pub given_names: std::collections::HashSet<String>,
    /// Cue phrases by role ("took part" -> participation), each as its words.
    pub cues: Cues,
    lexicon: HashMap<String, Vec<Entry>>,
    /// Cities of `data/cities.tsv` by the key of their name: index into `places`.
    city_forms: HashMap<String, usize>,
    /// The longest gazetteer form, in words.
    pub max_form_words: usize,
    org_by_id: HashMap<String, usize>,
}

impl Knowledge {
    /// The confidence of a fact stated by `rule`: the rule's measured precision, or that of
    /// all relations together for a rule the sample corpus never fired.
    pub fn confidence(&self, rule: &str) -> f64 {
        self.rule_confidence
            .get(rule)
            .copied()
            .unwrap_or(self.default_confidence)
    }
}

fn split_list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn opt(field: &str) -> Option<String> {
    let f = field.trim();
    (!f.is_empty()).then(|| f.to_string())
}

/// Rows of a TSV file with its header checked; yields (line number, fields).
fn rows<'a>(
    file: &'a str,
    text: &'a str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'a str>)>, KnowledgeError> {
    let mut lines = text.lines().enumerate();
    let first = lines.next().map(|(_, l)| l).unwrap_or("");
    let got: Vec<&str> = first.split('\t').map(str::trim).collect();
    if got != header {
        return Err(KnowledgeError::Data {
            file: file.into(),
            line: 1,
            message: format!("header should be `{}`", header.join("\\t")),
        });
    }
    let mut out = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f: Vec<&str> = line.split('\t').collect();
        if f.len() > header.len() {
            return Err(KnowledgeError::Data {
                file: file.into(),
                line: i + 1,
                message: format!("{} fields, expected {}", f.len(), header.len()),
            });
        }
        f.resize(header.len(), "");
        out.push((i + 1, f));
    }
    Ok(out)
}

impl Knowledge {
    /// The bundled data and core ontology, plus every `.ttl` file in `extension_dirs`.
    pub fn load(extension_dirs: &[PathBuf]) -> Result<Self, KnowledgeError> {
        let mut files = vec![("spacekg.ttl".to_string(), CORE_ONTOLOGY.to_string())];
        for dir in extension_dirs {
            files.extend(read_ttl_dir(dir)?);
        }
        Self::from_parts(files)
    }

    /// The bundled data and the given ontology files.
    pub(crate) fn from_parts(
        ontology_files: Vec<(String, String)>,
    ) -> Result<Self, KnowledgeError> {
        let mut k = Knowledge::default();
        for (_, f) in rows(
            "data/nations.tsv",
            NATIONS,
            &[
                "iso2", "iso3", "wikidata", "name", "aliases", "demonyms", "capitals",
            ],
        )? {
            k.nations.push(Nation {
                iso2: f[0].trim().to_string(),
                iso3: f[1].trim().to_string(),
                wikidata: opt(f[2]),
                name: f[3].trim().to_string(),
                aliases: split_list(f[4]),
                demonyms: split_list(f[5]),
                capitals: split_list(f[6]),
            });
        }
        for (_, f) in rows(
            "data/organizations.tsv",
            ORGANIZATIONS,
            &[
                "id", "name", "aliases", "kind", "nation", "parent", "wikidata",
            ],
        )? {
            k.organizations.push(Organization {
                id: f[0].trim().to_string(),
                name: f[1].trim().to_string(),
                aliases: split_list(f[2]),
                kind: f[3].trim().to_string(),
                nation: opt(f[4]),
                parent: opt(f[5]),
                wikidata: opt(f[6]),
            });
        }
        for (_, f) in rows(
            "data/places.tsv",
            PLACES,
            &["name", "aliases", "kind", "iso2", "region"],
        )? {
            k.places.push(Place {
                name: f[0].trim().to_string(),
                aliases: split_list(f[1]),
                kind: f[2].trim().to_string(),
                nation: opt(f[3]),
                region: opt(f[4]),
                curated: true,
            });
        }
        for (_, f) in rows("data/cities.tsv", CITIES, &["name", "iso2", "population"])? {
            k.places.push(Place {
                name: f[0].trim().to_string(),
                aliases: Vec::new(),
                kind: "city".to_string(),
                nation: opt(f[1]),
                region: None,
                curated: false,
            });
        }
        for (line, f) in rows(
            "data/programs.tsv",
            PROGRAMS,
            &["name", "aliases", "type", "kind"],
        )? {
            let agreement = match f[2].trim() {
                "Initiative" => false,
                "Agreement" => true,
                other => {
                    return Err(KnowledgeError::Data {
                        file: "data/programs.tsv".into(),
                        line,
                        message: format!("type `{other}` is neither Initiative nor Agreement"),
                    })
                }
            };
            k.programs.push(Program {
                name: f[0].trim().to_string(),
                aliases: split_list(f[1]),
                agreement,
                kind: f[3].trim().to_string(),
            });
        }
        for (_, f) in rows(
            "data/ranks.tsv",
            RANKS,
            &["rank", "abbreviations", "grade", "services"],
        )? {
            k.ranks.push(Rank {
                name: f[0].trim().to_string(),
                abbreviations: split_list(f[1]),
                grade: opt(f[2]),
            });
        }
        let mut prefixes = Vec::new();
        for (line, f) in rows("data/titles.tsv", TITLES, &["title", "kind"])? {
            let kind = match f[1].trim() {
                "honorific" => TitleKind::Honorific,
                "post" => TitleKind::Post,
                "postnominal" => TitleKind::Postnominal,
                "post-prefix" => {
                    prefixes.push(f[0].trim().to_string());
                    continue;
                }
                other => {
                    return Err(KnowledgeError::Data {
                        file: "data/titles.tsv".into(),
                        line,
                        message: format!(
                            "kind `{other}` is not honorific, post, postnominal or post-prefix"
                        ),
                    })
                }
            };
            k.titles.push(Title {
                text: f[0].trim().to_string(),
                kind,
            });
        }
        // "Deputy Secretary of State": a post-prefix before a post is a post too.
        let known: HashSet<String> = k.titles.iter().map(|t| form_key(&t.text)).collect();
        let derived: Vec<Title> = k
            .titles
            .iter()
            .filter(|t| t.kind == TitleKind::Post)
            .flat_map(|t| prefixes.iter().map(move |p| format!("{p} {}", t.text)))
            .filter(|text| !known.contains(&form_key(text)))
            .map(|text| Title {
                text,
                kind: TitleKind::Post,
            })
            .collect();
        k.titles.extend(derived);
        for (line, f) in rows("data/posts.tsv", POSTS, &["post", "relation"])? {
            let heads = match f[1].trim() {
                "heads" => true,
                "memberOf" => false,
                other => {
                    return Err(KnowledgeError::Data {
                        file: "data/posts.tsv".into(),
                        line,
                        message: format!("relation `{other}` is neither heads nor memberOf"),
                    })
                }
            };
            k.posts.insert(form_key(f[0]), heads);
        }
        for (line, f) in rows(
            "data/post_organizations.tsv",
            POST_ORGANIZATIONS,
            &["post", "organization", "relation"],
        )? {
            let id = f[1].trim();
            let heads = match f.get(2).map(|r| r.trim()).unwrap_or("") {
                "" | "heads" => true,
                "memberOf" => false,
                other => {
                    return Err(KnowledgeError::Data {
                        file: "data/post_organizations.tsv".into(),
                        line,
                        message: format!("relation `{other}` is neither heads nor memberOf"),
                    })
                }
            };
            if !k.organizations.iter().any(|o| o.id == id) {
                return Err(KnowledgeError::Data {
                    file: "data/post_organizations.tsv".into(),
                    line,
                    message: format!("organization `{id}` is not in data/organizations.tsv"),
                });
            }
            k.post_organizations
                .insert(form_key(f[0]), (id.to_string(), heads));
        }
        for (line, f) in rows(
            "data/confidence.tsv",
            CONFIDENCE,
            &["rule", "tp", "fp", "confidence"],
        )? {
            let value = f
                .get(3)
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|v| (0.0..=1.0).contains(v))
                .ok_or_else(|| KnowledgeError::Data {
                    file: "data/confidence.tsv".into(),
                    line,
                    message: "the confidence should be a number from 0 to 1".into(),
                })?;
            match f[0].trim() {
                "*" => k.default_confidence = value,
                rule => {
                    k.rule_confidence.insert(rule.to_string(), value);
                }
            }
        }
        k.stopwords = word_list(STOPWORDS);
        k.speech_verbs = word_list(SPEECH_VERBS);
        k.hedges = word_list(HEDGES);
        k.given_names = word_list(GIVEN_NAMES);
        for (line, f) in rows("data/cues.tsv", CUES, &["cue", "role"])? {
            let Some(role) = Cue::parse(f[1].trim()) else {
                return Err(KnowledgeError::Data {
                    file: "data/cues.tsv".into(),
                    line,
                    message: format!("unknown role `{}`", f[1].trim()),
                });
            };
            // Each word as the extractor sees a token ("co-chaired" -> "co chaired").
            let words: Vec<String> = f[0].split_whitespace().map(form_key).collect();
            if !words.is_empty() {
                k.cues.push(role, words);
            }
        }
        k.read_ontology(ontology_files)?;
        k.index();
        Ok(k)
    }

    fn read_ontology(&mut self, files: Vec<(String, String)>) -> Result<(), KnowledgeError> {
        // class IRI -> (parents, label, comment, triggers, heads, file)
        type ClassInfo = (
            Vec<String>,
            Option<String>,
            Option<String>,
            Vec<String>,
            Vec<String>,
            String,
        );
        let mut classes: BTreeMap<String, ClassInfo> = BTreeMap::new();
        let mut individuals: BTreeMap<String, Individual> = BTreeMap::new();
        let trigger = format!("{ONTOLOGY_NS}trigger");
        let head = format!("{ONTOLOGY_NS}headWord");
        for (name, text) in &files {
            for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
                let quad = quad.map_err(|e| KnowledgeError::Turtle {
                    file: name.clone(),
                    message: e.to_string(),
                })?;
                let NamedOrBlankNode::NamedNode(s) = &quad.subject else {
                    continue;
                };
                let p = quad.predicate.as_str();
                individual_statement(&mut individuals, s.as_str(), p, &quad.object, name);
                let entry = || (Vec::new(), None, None, Vec::new(), Vec::new(), name.clone());
                match (&quad.object, p) {
                    (Term::NamedNode(o), RDFS_SUBCLASSOF) => {
                        let e = classes.entry(s.as_str().to_string()).or_insert_with(entry);
                        e.0.push(o.as_str().to_string());
                        e.5 = name.clone();
                    }
                    (Term::Literal(l), RDFS_LABEL) => {
                        let e = classes.entry(s.as_str().to_string()).or_insert_with(entry);
                        if e.1.is_none() || l.language() == Some("en") {
                            e.1 = Some(l.value().to_string());
                        }
                    }
                    (Term::Literal(l), RDFS_COMMENT) => {
                        classes
                            .entry(s.as_str().to_string())
                            .or_insert_with(entry)
                            .2 = Some(l.value().to_string());
                    }
                    (Term::Literal(l), p) if p == trigger => {
                        classes
                            .entry(s.as_str().to_string())
                            .or_insert_with(entry)
                            .3
                            .push(l.value().to_string());
                    }
                    (Term::Literal(l), p) if p == head => {
                        classes
                            .entry(s.as_str().to_string())
                            .or_insert_with(entry)
                            .4
                            .push(l.value().to_string());
                    }
                    _ => {}
                }
            }
        }
        // Event classes: sk:Event and everything that reaches it through rdfs:subClassOf.
        let event = format!("{ONTOLOGY_NS}Event");
        let is_event = |iri: &str| {
            let mut seen = vec![iri.to_string()];
            let mut todo = vec![iri.to_string()];
            while let Some(c) = todo.pop() {
                if c == event {
                    return true;
                }
                if let Some(info) = classes.get(&c) {
                    for p in &info.0 {
                        if !seen.contains(p) {
                            seen.push(p.clone());
                            todo.push(p.clone());
                        }
                    }
                }
            }
            false
        };
        for (iri, info) in &classes {
            if is_event(iri) {
                let parent = info.0.iter().find(|p| is_event(p)).cloned();
                self.event_classes.push(EventClass {
                    iri: iri.clone(),
                    label: info.1.clone().unwrap_or_else(|| local_name(iri).into()),
                    comment: info.2.clone(),
                    parent,
                    triggers: info.3.clone(),
                    head_words: info.4.clone(),
                    file: info.5.clone(),
                });
            }
        }
        for (kind, local) in [
            (HeadKind::Organization, "Organization"),
            (HeadKind::Initiative, "Initiative"),
            (HeadKind::Agreement, "Agreement"),
            (HeadKind::Place, "Place"),
        ] {
            let heads = classes
                .get(&format!("{ONTOLOGY_NS}{local}"))
                .map(|c| c.4.clone())
                .unwrap_or_default();
            self.head_words.insert(kind, heads);
        }
        self.ontology_files = files;
        self.add_individuals(individuals);
        Ok(())
    }

    /// Organizations and persons declared in ontology files join the gazetteers: an
    /// organization found under an id already known adds its forms to that entry.
    fn add_individuals(&mut self, individuals: BTreeMap<String, Individual>) {
        let org_class = format!("{ONTOLOGY_NS}Organization");
        let person_class = format!("{ONTOLOGY_NS}Person");
        for (iri, ind) in individuals {
            let Some(name) = ind.label.clone() else {
                continue;
            };
            if ind.types.contains(&org_class) {
                let id = individual_id(&iri, "org/");
                let nation = ind.country.as_deref().and_then(|c| self.nation_code(c));
                let parent = ind.parent.as_deref().map(|p| individual_id(p, "org/"));
                if let Some(o) = self.organizations.iter_mut().find(|o| o.id == id) {
                    for a in std::iter::once(&name).chain(&ind.alt_labels) {
                        if *a != o.name && !o.aliases.contains(a) {
                            o.aliases.push(a.clone());
                        }
                    }
                    o.nation = o.nation.take().or(nation);
                    o.parent = o.parent.take().or(parent);
                } else {
                    self.organizations.push(Organization {
                        id,
                        name,
                        aliases: ind.alt_labels.clone(),
                        kind: ind.kind.clone().unwrap_or_else(|| "organization".into()),
                        nation,
                        parent,
                        wikidata: None,
                    });
                }
            } else if ind.types.contains(&person_class) {
                let rank = ind.rank.as_deref().and_then(|r| {
                    let r = crate::vocab::rank_slug(r)?;
                    self.ranks.iter().position(|k| slug(&k.name) == r)
                });
                let (organization, heads) = match (&ind.heads, &ind.member_of) {
                    (Some(o), _) => (Some(individual_id(o, "org/")), true),
                    (None, Some(o)) => (Some(individual_id(o, "org/")), false),
                    (None, None) => (None, false),
                };
                self.persons.push(KnownPerson {
                    id: slug(&name),
                    name,
                    aliases: ind.alt_labels.clone(),
                    rank,
                    post: ind.post.clone(),
                    organization,
                    heads,
                    nation: ind.country.as_deref().and_then(|c| self.nation_code(c)),
                    file: ind.file.clone(),
                });
            }
        }
    }

    /// The ISO code of a nation IRI (`…/id/nation/JP`) the gazetteer knows.
    pub(crate) fn nation_code(&self, iri: &str) -> Option<String> {
        let code = crate::vocab::nation_code(iri)?;
        self.nation_by_iso(code).map(|(_, n)| n.iso2.clone())
    }

    fn index(&mut self) {
        let mut lex: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut add = |form: &str, e: Entry| {
            let k = form_key(form);
            if k.is_empty() {
                return;
            }
            let v = lex.entry(k).or_default();
            if !v.contains(&e) {
                v.push(e);
            }
        };
        for (i, n) in self.nations.iter().enumerate() {
            add(&n.name, Entry::Nation(i, NationForm::Name));
            for a in &n.aliases {
                add(a, Entry::Nation(i, NationForm::Name));
            }
            for d in &n.demonyms {
                add(d, Entry::Nation(i, NationForm::Demonym));
            }
            for c in &n.capitals {
                add(c, Entry::Nation(i, NationForm::Capital));
            }
        }
        for (i, o) in self.organizations.iter().enumerate() {
            add(&o.name, Entry::Organization(i));
            for a in &o.aliases {
                add(a, Entry::Organization(i));
            }
        }
        for (i, p) in self.places.iter().enumerate() {
            if !p.curated {
                continue;
            }
            add(&p.name, Entry::Place(i));
            for a in &p.aliases {
                add(a, Entry::Place(i));
            }
        }
        for (i, p) in self.programs.iter().enumerate() {
            add(&p.name, Entry::Program(i));
            for a in &p.aliases {
                add(a, Entry::Program(i));
            }
        }
        for (i, p) in self.persons.iter().enumerate() {
            add(&p.name, Entry::Person(i));
            for a in &p.aliases {
                add(a, Entry::Person(i));
            }
        }
        for (i, r) in self.ranks.iter().enumerate() {
            add(&r.name, Entry::Rank(i));
            for a in &r.abbreviations {
                add(a, Entry::Rank(i));
            }
        }
        for (i, t) in self.titles.iter().enumerate() {
            add(&t.text, Entry::Title(i));
        }
        self.max_form_words = lex.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        // The generated cities, apart: a curated place of the same name wins.
        for (i, p) in self.places.iter().enumerate().filter(|(_, p)| !p.curated) {
            let key = form_key(&p.name);
            let curated = lex
                .get(&key)
                .is_some_and(|es| es.iter().any(|e| matches!(e, Entry::Place(_))));
            if !curated {
                self.city_forms.entry(key).or_insert(i);
            }
        }
        self.lexicon = lex;
        self.org_by_id = self
            .organizations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
    }

    /// What a surface form may refer to.
    /// A city of the generated list (`data/cities.tsv`, GeoNames) of this name, as an
    /// index into `places`. Consulted only where the text already says a name is a place
    /// (a dateline, "in X", "X, Country"): many cities share their names with words and
    /// people.
    pub(crate) fn city(&self, form: &str) -> Option<usize> {
        self.city_forms.get(&form_key(form)).copied()
    }

    pub(crate) fn lookup(&self, form: &str) -> &[Entry] {
        self.lexicon
            .get(&form_key(form))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether `form` is an honorific the titles list knows ("Dr.", "The Hon").
    pub(crate) fn is_honorific(&self, form: &str) -> bool {
        self.lookup(form)
            .iter()
            .any(|e| matches!(e, Entry::Title(i) if self.titles[*i].kind == TitleKind::Honorific))
    }

    pub(crate) fn organization_by_id(&self, id: &str) -> Option<&Organization> {
        self.org_by_id.get(id).map(|&i| &self.organizations[i])
    }

    pub(crate) fn nation_by_iso(&self, iso2: &str) -> Option<(usize, &Nation)> {
        self.nations
            .iter()
            .enumerate()
            .find(|(_, n)| n.iso2.eq_ignore_ascii_case(iso2))
    }

    /// The event class with this IRI.
    /// Whether `form` as printed may stand for `e`: an acronym ("KARI", "ESA") is read only
    /// when printed in capitals, so the given name "Kari" is no institute.
    pub(crate) fn case_fits(&self, e: Entry, form: &str) -> bool {
        let names: Vec<&String> = match e {
            Entry::Organization(i) => {
                let o = &self.organizations[i];
                std::iter::once(&o.name).chain(o.aliases.iter()).collect()
            }
            Entry::Program(i) => {
                let p = &self.programs[i];
                std::iter::once(&p.name).chain(p.aliases.iter()).collect()
            }
            _ => return true,
        };
        let key = form_key(form);
        let acronym = |s: &str| {
            s.chars().any(char::is_alphabetic)
                && s.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        };
        names
            .iter()
            .filter(|n| form_key(n) == key)
            .any(|n| !acronym(n) || acronym(form))
    }

    /// Whether event class `sub` is `sup` or one of its descendants.
    pub(crate) fn is_event_subclass(&self, sub: &str, sup: &str) -> bool {
        let mut at = Some(sub.to_string());
        let mut steps = 0;
        while let Some(c) = at {
            if c == sup {
                return true;
            }
            steps += 1;
            if steps > 32 {
                return false;
            }
            at = self.event_class(&c).and_then(|k| k.parent.clone());
        }
        false
    }

    pub(crate) fn event_class(&self, iri: &str) -> Option<&EventClass> {
        self.event_classes.iter().find(|c| c.iri == iri)
    }

    /// Every abbreviation with a period that the tokenizer must keep whole ("Lt.", "Dr.").
    pub(crate) fn abbreviations(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let forms = self
            .ranks
            .iter()
            .flat_map(|r| r.abbreviations.iter())
            .chain(self.titles.iter().map(|t| &t.text))
            .chain(
                self.places
                    .iter()
                    .filter(|p| p.curated)
                    .flat_map(|p| p.aliases.iter()),
            )
            .chain(self.nations.iter().flat_map(|n| n.aliases.iter()))
            .chain(self.organizations.iter().flat_map(|o| o.aliases.iter()));
        for f in forms {
            for w in f.split_whitespace() {
                if w.ends_with('.') && w.len() <= 8 && !out.iter().any(|o| o == w) {
                    out.push(w.to_string());
                }
            }
        }
        out
    }
}

/// What an ontology file states about one named individual (an organization or a person).
#[derive(Debug, Default)]
struct Individual {
    types: Vec<String>,
    label: Option<String>,
    alt_labels: Vec<String>,
    kind: Option<String>,
    country: Option<String>,
    parent: Option<String>,
    rank: Option<String>,
    post: Option<String>,
    member_of: Option<String>,
    heads: Option<String>,
    file: String,
}

fn individual_statement(
    map: &mut BTreeMap<String, Individual>,
    subject: &str,
    predicate: &str,
    object: &Term,
    file: &str,
) {
    let sk = |local: &str| format!("{ONTOLOGY_NS}{local}");
    let iri = match object {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    };
    let lit = match object {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    };
    let ind = || Individual {
        file: file.to_string(),
        ..Individual::default()
    };
    match predicate {
        RDF_TYPE => {
            if let Some(t) = iri {
                map.entry(subject.into()).or_insert_with(ind).types.push(t);
            }
        }
        RDFS_LABEL => {
            if let (Some(l), Term::Literal(t)) = (lit, object) {
                let i = map.entry(subject.into()).or_insert_with(ind);
                if i.label.is_none() || t.language() == Some("en") {
                    i.label = Some(l);
                }
            }
        }
        SKOS_ALT_LABEL => {
            if let Some(l) = lit {
                map.entry(subject.into())
                    .or_insert_with(ind)
                    .alt_labels
                    .push(l);
            }
        }
        DCTERMS_TYPE => map.entry(subject.into()).or_insert_with(ind).kind = lit,
        p if p == sk("country") => map.entry(subject.into()).or_insert_with(ind).country = iri,
        p if p == sk("subOrganizationOf") => {
            map.entry(subject.into()).or_insert_with(ind).parent = iri
        }
        p if p == sk("rank") => map.entry(subject.into()).or_insert_with(ind).rank = iri,
        p if p == sk("post") => map.entry(subject.into()).or_insert_with(ind).post = lit,
        p if p == sk("memberOf") => map.entry(subject.into()).or_insert_with(ind).member_of = iri,
        p if p == sk("heads") => map.entry(subject.into()).or_insert_with(ind).heads = iri,
        _ => {}
    }
}

/// The gazetteer id of an individual's IRI: the part after `…/id/org/` (or `…/id/person/`),
/// else the slug of the IRI's last segment.
pub(crate) fn individual_id(iri: &str, kind: &str) -> String {
    match crate::vocab::entity_key(iri).and_then(|key| key.strip_prefix(kind)) {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => slug(local_name(iri)),
    }
}

fn word_list(text: &str) -> std::collections::HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// What a cue phrase of `data/cues.tsv` signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Participation,
    Membership,
    Signing,
    SigningVerb,
    SponsorBy,
    SponsorOf,
    Host,
    Lead,
    Command,
    Component,
    Parent,
    Partnership,
    PartnerWith,
    /// "Norway belongs to X together with A and B": the list after it shares the verb.
    Company,
    ParentBody,
    MemberOn,
    MemberAmong,
    PersonRole,
    ServesIn,
    SucceededBy,
    Succeeds,
    Future,
    StandsForState,
    Ordinal,
    EditionNoun,
    OtherOccasion,
    EventVerb,
    Delegation,
    NameConnector,
    AdjectivalSuffix,
    SideIncludes,
    SidePeople,
    OnBehalf,
    SponsorSuffix,
    WhoLeads,
    JoinVerb,
    Auxiliary,
    SubjectBreak,
    CoSubjectBreak,
    StateBody,
    NameFirst,
    ClassNoun,
    PlaceVerb,
    FirstEdition,
    MultiDay,
    OpeningOccasion,
    StatePost,
    Counterpart,
    Visited,
    /// "discussed X", "cooperation on X": the name after it is what is talked of.
    Topic,
}

impl Cue {
    fn parse(s: &str) -> Option<Cue> {
        Some(match s {
            "participation" => Cue::Participation,
            "membership" => Cue::Membership,
            "signing" => Cue::Signing,
            "signing-verb" => Cue::SigningVerb,
            "sponsor-by" => Cue::SponsorBy,
            "sponsor-of" => Cue::SponsorOf,
            "host" => Cue::Host,
            "lead" => Cue::Lead,
            "command" => Cue::Command,
            "component" => Cue::Component,
            "parent" => Cue::Parent,
            "partnership" => Cue::Partnership,
            "partner-with" => Cue::PartnerWith,
            "company" => Cue::Company,
            "parent-body" => Cue::ParentBody,
            "member-on" => Cue::MemberOn,
            "member-among" => Cue::MemberAmong,
            "person-role" => Cue::PersonRole,
            "serves-in" => Cue::ServesIn,
            "succeeded-by" => Cue::SucceededBy,
            "succeeds" => Cue::Succeeds,
            "future" => Cue::Future,
            "stands-for-state" => Cue::StandsForState,
            "ordinal" => Cue::Ordinal,
            "edition-noun" => Cue::EditionNoun,
            "other-occasion" => Cue::OtherOccasion,
            "event-verb" => Cue::EventVerb,
            "delegation" => Cue::Delegation,
            "side-includes" => Cue::SideIncludes,
            "side-people" => Cue::SidePeople,
            "on-behalf" => Cue::OnBehalf,
            "name-connector" => Cue::NameConnector,
            "adjectival-suffix" => Cue::AdjectivalSuffix,
            "sponsor-suffix" => Cue::SponsorSuffix,
            "who-leads" => Cue::WhoLeads,
            "join-verb" => Cue::JoinVerb,
            "auxiliary" => Cue::Auxiliary,
            "subject-break" => Cue::SubjectBreak,
            "co-subject-break" => Cue::CoSubjectBreak,
            "state-body" => Cue::StateBody,
            "name-first" => Cue::NameFirst,
            "class-noun" => Cue::ClassNoun,
            "place-verb" => Cue::PlaceVerb,
            "first-edition" => Cue::FirstEdition,
            "multi-day" => Cue::MultiDay,
            "opening-occasion" => Cue::OpeningOccasion,
            "state-post" => Cue::StatePost,
            "counterpart" => Cue::Counterpart,
            "visited" => Cue::Visited,
            "topic" => Cue::Topic,
            _ => return None,
        })
    }
}

/// The cue phrases of `data/cues.tsv`, by role: each role's phrases in file order, and an
/// index of them by first word, so finding the cue at a word compares only the phrases that
/// start with it (the extractor asks at every word of every sentence).
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// Indexed by `Cue as usize`.
    roles: Vec<RoleCues>,
}

#[derive(Debug, Clone, Default)]
struct RoleCues {
    phrases: Vec<Vec<String>>,
    /// First word -> indices into `phrases`, in file order.
    by_first: HashMap<String, Vec<usize>, BuildHasherDefault<WordHasher>>,
}

/// FNV-1a over a word's bytes: the index is asked about short words millions of times, and
/// needs no defence against chosen collisions (its keys are the project's own cue file).
#[derive(Debug, Clone, Copy)]
struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Cues {
    fn push(&mut self, role: Cue, words: Vec<String>) {
        let r = role as usize;
        if self.roles.len() <= r {
            self.roles.resize_with(r + 1, RoleCues::default);
        }
        let rc = &mut self.roles[r];
        rc.by_first
            .entry(words[0].clone())
            .or_default()
            .push(rc.phrases.len());
        rc.phrases.push(words);
    }

    /// The phrases of `role`, in file order.
    pub(crate) fn of(&self, role: Cue) -> &[Vec<String>] {
        self.roles
            .get(role as usize)
            .map_or(&[], |rc| rc.phrases.as_slice())
    }

    /// The phrases of `role` whose first word is `word`, in file order.
    fn starting<'a>(&'a self, role: Cue, word: &str) -> impl Iterator<Item = &'a Vec<String>> {
        let rc = self.roles.get(role as usize);
        let found = rc.and_then(|rc| rc.by_first.get(word).map(|ix| (rc, ix)));
        found
            .into_iter()
            .flat_map(|(rc, ix)| ix.iter().map(move |&i| &rc.phrases[i]))
    }
}

impl Knowledge {
    /// The length of the cue of `role` that starts at word `i` of `words` (the first such
    /// cue of the file).
    pub(crate) fn cue_at(&self, role: Cue, words: &[String], i: usize) -> Option<usize> {
        let first = words.get(i)?;
        self.cues.starting(role, first).find_map(|c| {
            (i + c.len() <= words.len() && words[i..i + c.len()] == c[..]).then_some(c.len())
        })
    }

    /// The one-word cues of `role`.
    pub(crate) fn cue_words(&self, role: Cue) -> Vec<String> {
        self.cues
            .of(role)
            .iter()
            .filter(|c| c.len() == 1)
            .map(|c| c[0].clone())
            .collect()
    }

    /// Whether `word` is, as written, a one-word cue of `role`.
    pub(crate) fn is_cue_word(&self, role: Cue, word: &str) -> bool {
        self.cues.starting(role, word).any(|c| c.len() == 1)
    }

    /// Whether `words` hold a cue of `role`.
    pub(crate) fn has_cue(&self, role: Cue, words: &[String]) -> bool {
        (0..words.len()).any(|i| self.cue_at(role, words, i).is_some())
    }
}

/// Every `.ttl` file in a folder, in name order, as (path, text).
pub(crate) fn read_ttl_dir(dir: &Path) -> Result<Vec<(String, String)>, KnowledgeError> {
    let mut out = Vec::new();
    if !dir.exists() {
        return Ok(out);
    }
    let rd = std::fs::read_dir(dir).map_err(|source| KnowledgeError::Io {
        path: dir.into(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.extension().and_then(|e| e.to_str()) == Some("ttl") {
            let text = std::fs::read_to_string(&p).map_err(|source| KnowledgeError::Io {
                path: p.clone(),
                source,
            })?;
            out.push((p.display().to_string(), text));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_table_finds_phrases_by_first_word_in_file_order() {
        let w = |s: &str| -> Vec<String> { s.split(' ').map(str::to_string).collect() };
        let mut cues = Cues::default();
        cues.push(Cue::Host, w("hosted"));
        cues.push(Cue::Host, w("at the invitation of"));
        cues.push(Cue::Lead, w("led"));
        cues.push(Cue::Host, w("at the"));
        let k = Knowledge {
            cues,
            ..Knowledge::default()
        };
        let words = w("met at the invitation of Norway");
        // The file's first phrase that fits, not the shortest or the longest.
        assert_eq!(k.cue_at(Cue::Host, &words, 1), Some(4));
        assert_eq!(k.cue_at(Cue::Host, &w("met at the base"), 1), Some(2));
        assert_eq!(k.cue_at(Cue::Host, &words, 0), None);
        assert_eq!(k.cue_at(Cue::Lead, &words, 1), None);
        assert_eq!(k.cue_at(Cue::Participation, &words, 1), None);
        assert_eq!(k.cue_at(Cue::Host, &words, words.len()), None);
        assert!(k.is_cue_word(Cue::Host, "hosted") && !k.is_cue_word(Cue::Host, "at"));
        assert_eq!(k.cues.of(Cue::Host).len(), 3);
        assert_eq!(k.cue_words(Cue::Lead), vec!["led".to_string()]);
    }

    #[test]
    fn form_keys_fold_the_variants_releases_use() {
        assert_eq!(form_key("U.S."), form_key("US"));
        assert_eq!(form_key("Air Vice-Marshal"), form_key("Air Vice Marshal"));
        assert_eq!(form_key("Japan’s"), "japan's");
    }

    #[test]
    fn a_post_prefix_before_a_post_makes_a_post() {
        let kb = Knowledge::load(&[]).expect("knowledge");
        let post = |form: &str| {
            kb.lookup(form).iter().any(|e| match e {
                Entry::Title(i) => kb.titles[*i].kind == TitleKind::Post,
                _ => false,
            })
        };
        assert!(post("Secretary of State"));
        assert!(post("Deputy Secretary of State"));
        assert!(post("Acting Under Secretary"));
        assert!(!post("Deputy"), "a prefix alone is no post");
        assert!(!post("Deputy Dr."), "no honorific takes a prefix");
    }

    const EXTENSION: &str = r#"
@prefix sk: <https://w3id.org/spacekg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix skorg: <https://w3id.org/spacekg/id/org/> .
@prefix sknation: <https://w3id.org/spacekg/id/nation/> .
@prefix skrank: <https://w3id.org/spacekg/rank/> .
skorg:nordsat a sk:Organization ;
    rdfs:label "Nordic Satellite Watch Centre"@en ;
    skos:altLabel "NSWC"@en ;
    sk:country sknation:NO ;
    sk:subOrganizationOf skorg:nato .
<https://w3id.org/spacekg/id/person/kari-lund> a sk:Person ;
    rdfs:label "Kari Lund"@en ;
    sk:rank skrank:major-general ;
    sk:post "Director" ;
    sk:heads skorg:nordsat .
"#;

    #[test]
    fn extension_entities_join_the_gazetteers() {
        let kb = Knowledge::from_parts(vec![
            ("spacekg.ttl".into(), CORE_ONTOLOGY.into()),
            ("ext.ttl".into(), EXTENSION.into()),
        ])
        .expect("loads");
        let org = kb
            .lookup("NSWC")
            .iter()
            .find_map(|e| match e {
                Entry::Organization(i) => Some(&kb.organizations[*i]),
                _ => None,
            })
            .expect("the acronym is a known organization");
        assert_eq!(org.id, "nordsat");
        assert_eq!(org.name, "Nordic Satellite Watch Centre");
        assert_eq!(org.nation.as_deref(), Some("NO"));
        assert_eq!(org.parent.as_deref(), Some("nato"));
        assert!(!kb.lookup("Nordic Satellite Watch Centre").is_empty());
        let p = &kb.persons[0];
        assert_eq!((p.id.as_str(), p.name.as_str()), ("kari-lund", "Kari Lund"));
        assert_eq!(
            p.rank.map(|r| kb.ranks[r].name.as_str()),
            Some("Major General")
        );
        assert_eq!(p.organization.as_deref(), Some("nordsat"));
        assert!(p.heads);
        // Without the extension neither is known.
        let core = Knowledge::load(&[]).expect("loads");
        assert!(core.lookup("NSWC").is_empty());
        assert!(core.persons.is_empty());
    }
}
