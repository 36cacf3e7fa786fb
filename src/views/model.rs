//! What the views read from the store: entities with their type, label, aliases, country and
//! date; the facts between them (each an `sk:Fact` of one document); the roles people hold;
//! the ontology's labels for relations and event kinds. A handful of simple SELECTs, joined
//! here: one large SPARQL join over every document graph is far slower in Oxigraph.

use crate::store::{GraphStore, Table};
use crate::views::error::ViewError;
use crate::vocab::{self, SK};
use std::collections::{BTreeMap, BTreeSet};

/// The type of a node, which decides its shape and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    Nation,
    Organization,
    Person,
    Event,
    Initiative,
    Agreement,
    Place,
    /// A date or another literal value.
    Value,
    /// Anything else a CONSTRUCT may return.
    Other,
}

impl NodeKind {
    pub const ALL: [NodeKind; 9] = [
        NodeKind::Nation,
        NodeKind::Organization,
        NodeKind::Person,
        NodeKind::Event,
        NodeKind::Initiative,
        NodeKind::Agreement,
        NodeKind::Place,
        NodeKind::Value,
        NodeKind::Other,
    ];

    /// The kind of an entity class's local name in the ontology.
    pub(crate) fn of_class(local: &str) -> Option<NodeKind> {
        Some(match local {
            "Nation" => NodeKind::Nation,
            "Organization" => NodeKind::Organization,
            "Person" => NodeKind::Person,
            "Event" => NodeKind::Event,
            "Initiative" => NodeKind::Initiative,
            "Agreement" => NodeKind::Agreement,
            "Place" => NodeKind::Place,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Nation => "Nation",
            NodeKind::Organization => "Organization",
            NodeKind::Person => "Person",
            NodeKind::Event => "Event",
            NodeKind::Initiative => "Initiative",
            NodeKind::Agreement => "Agreement",
            NodeKind::Place => "Place",
            NodeKind::Value => "Date or value",
            NodeKind::Other => "Other",
        }
    }

    /// Agents: what can partner, take part, sign or belong.
    pub(crate) fn is_agent(self) -> bool {
        matches!(
            self,
            NodeKind::Nation | NodeKind::Organization | NodeKind::Person
        )
    }
}

/// One entity of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
    /// The event's kind as the ontology labels it ("Talks", "Signing").
    pub event_kind: Option<String>,
    pub aliases: BTreeSet<String>,
    /// The nation an organization, person or place belongs to.
    pub country: Option<String>,
    /// An event's date (ISO 8601).
    pub date: Option<String>,
}

/// The object of a fact: an entity or a literal value (a date).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Object {
    Entity(String),
    Value(String),
}

/// One stated relation: subject, predicate, object, and where it is stated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The `sk:Fact` node; empty for background knowledge (gazetteers), which has no sentence.
    pub iri: String,
    pub subject: String,
    /// The predicate's local name in the `sk:` namespace ("participant").
    pub predicate: String,
    pub object: Object,
    /// The document graph stating it (or the background graph).
    pub document: String,
}

/// The rank and post a person held, and in which organization.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Role {
    pub holder: String,
    pub rank: Option<String>,
    pub post: Option<String>,
    pub organization: Option<String>,
    pub as_of: Option<String>,
}

/// A release as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub source: String,
    pub title: Option<String>,
    pub issued: Option<String>,
}

/// Everything the views draw from, read from the store once.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub entities: BTreeMap<String, Entity>,
    pub facts: Vec<Fact>,
    pub roles: Vec<Role>,
    /// Labels of relations and classes from the ontology graph, by IRI.
    pub labels: BTreeMap<String, String>,
    pub documents: BTreeMap<String, Document>,
    /// The confidence (`sk:confidence`) of each fact, by the fact's IRI.
    pub confidence: BTreeMap<String, f64>,
}

/// The types of everything labelled, from the merged default graph (each triple once).
const TYPES: &str = "SELECT DISTINCT ?e ?c WHERE { ?e a ?c ; rdfs:label [] }";
const ALIASES: &str = "SELECT DISTINCT ?e ?alt WHERE { GRAPH ?g { ?e skos:altLabel ?alt } }";
/// The three parts of every reified fact, read apart: each single pattern is a fast scan,
/// where their join across the document graphs is several times slower.
const FACT_SUBJECTS: &str = "SELECT ?f ?x ?g WHERE { GRAPH ?g { ?f rdf:subject ?x } }";
const FACT_PREDICATES: &str = "SELECT ?f ?x WHERE { GRAPH ?g { ?f rdf:predicate ?x } }";
const FACT_OBJECTS: &str = "SELECT ?f ?x WHERE { GRAPH ?g { ?f rdf:object ?x } }";
const FACT_CONFIDENCE: &str = "SELECT ?f ?x WHERE { GRAPH ?g { ?f sk:confidence ?x } }";
const ROLES: &str = "SELECT DISTINCT ?h ?rank ?post ?org ?asof WHERE { GRAPH ?g { ?r a sk:Role ; \
    sk:holder ?h OPTIONAL { ?r sk:rank ?rank } OPTIONAL { ?r sk:post ?post } \
    OPTIONAL { ?r sk:organization ?org } OPTIONAL { ?r sk:asOf ?asof } } }";
const DOCUMENTS: &str = "SELECT ?g ?src ?title ?issued WHERE { GRAPH ?g { ?g a sk:Document ; \
    sk:source ?src OPTIONAL { ?g dcterms:title ?title } OPTIONAL { ?g dcterms:issued ?issued } } }";

fn background_facts() -> String {
    format!(
        "SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH <{}> {{ ?s ?p ?o \
         FILTER(?p = sk:country || ?p = sk:subOrganizationOf) }} }}",
        vocab::background_graph().as_str()
    )
}

/// Each label of each node with the number of graphs that give it, the ontology's aside.
fn label_counts() -> String {
    format!(
        "SELECT ?e ?label (COUNT(?g) AS ?n) WHERE {{ GRAPH ?g {{ ?e rdfs:label ?label }} \
         FILTER(?g != <{}>) }} GROUP BY ?e ?label",
        vocab::ontology_graph().as_str()
    )
}

fn background_labels() -> String {
    format!(
        "SELECT ?e ?label WHERE {{ GRAPH <{}> {{ ?e rdfs:label ?label }} }}",
        vocab::background_graph().as_str()
    )
}

fn ontology_labels() -> String {
    format!(
        "SELECT ?x ?label WHERE {{ GRAPH <{}> {{ ?x rdfs:label ?label }} }}",
        vocab::ontology_graph().as_str()
    )
}

fn event_kinds() -> String {
    format!(
        "SELECT ?c WHERE {{ GRAPH <{}> {{ ?c rdfs:subClassOf+ sk:Event }} }}",
        vocab::ontology_graph().as_str()
    )
}

/// Direct parents of the classes in the ontology graph (to find an event's most specific
/// kind).
fn class_parents() -> String {
    format!(
        "SELECT ?c ?p WHERE {{ GRAPH <{}> {{ ?c rdfs:subClassOf ?p }} }}",
        vocab::ontology_graph().as_str()
    )
}

/// Iterates the rows of a table as maps of the given variables (unbound ones empty).
fn rows<'a>(t: &'a Table, vars: &'a [&'a str]) -> impl Iterator<Item = Vec<Option<String>>> + 'a {
    (0..t.rows.len()).map(move |i| vars.iter().map(|v| t.text(i, v)).collect())
}

pub use crate::vocab::sk_local;

impl Model {
    /// Reads the model from the store.
    pub fn load(store: &dyn GraphStore) -> Result<Model, ViewError> {
        let mut m = Model::default();

        for r in rows(&store.select(&ontology_labels())?, &["x", "label"]) {
            if let [Some(x), Some(l)] = &r[..] {
                m.labels.entry(x.clone()).or_insert_with(|| l.clone());
            }
        }
        let event_classes: BTreeSet<String> = rows(&store.select(&event_kinds())?, &["c"])
            .filter_map(|r| r[0].clone())
            .collect();
        let mut parents: BTreeMap<String, String> = BTreeMap::new();
        for r in rows(&store.select(&class_parents())?, &["c", "p"]) {
            if let [Some(c), Some(p)] = &r[..] {
                parents.entry(c.clone()).or_insert_with(|| p.clone());
            }
        }
        // How many steps below sk:Event a class sits: the deepest is the event's kind.
        let depth = |c: &str| -> usize {
            let mut d = 0;
            let mut at = c.to_string();
            while let Some(p) = parents.get(&at) {
                d += 1;
                if d > 32 {
                    break;
                }
                at = p.clone();
            }
            d
        };
        let mut kind_depth: BTreeMap<String, usize> = BTreeMap::new();
        let background = vocab::background_graph();
        // Labels: the background's name first, then the one most documents use.
        let mut names: BTreeMap<String, BTreeMap<String, (bool, usize)>> = BTreeMap::new();
        let mut kinds: BTreeMap<String, (NodeKind, Option<String>)> = BTreeMap::new();
        // Labels, with how many graphs give each (the ontology graph's descriptions of known
        // organizations and persons do not make them entities of a view) …
        for r in rows(&store.select(&label_counts())?, &["e", "label", "n"]) {
            let [Some(e), Some(label), Some(n)] = &r[..] else {
                continue;
            };
            names
                .entry(e.clone())
                .or_default()
                .insert(label.clone(), (false, n.parse().unwrap_or(1)));
        }
        // … and which of them the background knowledge gives.
        for r in rows(&store.select(&background_labels())?, &["e", "label"]) {
            if let [Some(e), Some(label)] = &r[..] {
                if let Some(n) = names.get_mut(e).and_then(|n| n.get_mut(label)) {
                    n.0 = true;
                }
            }
        }
        // Types, read once each from the merged default graph.
        for r in rows(&store.select(TYPES)?, &["e", "c"]) {
            let [Some(e), Some(c)] = &r[..] else {
                continue;
            };
            if !names.contains_key(e) {
                continue;
            }
            let kind = match sk_local(c).and_then(NodeKind::of_class) {
                Some(k) => k,
                None if event_classes.contains(c) => NodeKind::Event,
                None => continue,
            };
            let entry = kinds.entry(e.clone()).or_insert((kind, None));
            if kind < entry.0 && entry.0 != NodeKind::Event {
                entry.0 = kind;
            }
            if event_classes.contains(c) {
                entry.0 = NodeKind::Event;
                let d = depth(c);
                let best = kind_depth.entry(e.clone()).or_insert(0);
                if entry.1.is_none() || d > *best {
                    *best = d;
                    entry.1 = Some(m.labels.get(c).cloned().unwrap_or_else(|| local_name(c)));
                }
            }
        }
        for (iri, (kind, event_kind)) in kinds {
            let label = names
                .get(&iri)
                .and_then(|n| {
                    n.iter()
                        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                        .map(|(l, _)| l.clone())
                })
                .unwrap_or_else(|| local_name(&iri));
            m.entities.insert(
                iri.clone(),
                Entity {
                    iri,
                    label,
                    kind,
                    event_kind,
                    aliases: BTreeSet::new(),
                    country: None,
                    date: None,
                },
            );
        }
        for r in rows(&store.select(ALIASES)?, &["e", "alt"]) {
            if let [Some(e), Some(a)] = &r[..] {
                if let Some(ent) = m.entities.get_mut(e) {
                    ent.aliases.insert(a.clone());
                }
            }
        }
        let mut facts: Vec<Fact> = Vec::new();
        let part = |q: &str| -> Result<BTreeMap<String, String>, ViewError> {
            Ok(rows(&store.select(q)?, &["f", "x"])
                .filter_map(|r| Some((r[0].clone()?, r[1].clone()?)))
                .collect())
        };
        let predicates = part(FACT_PREDICATES)?;
        let objects = part(FACT_OBJECTS)?;
        m.confidence = part(FACT_CONFIDENCE)?
            .into_iter()
            .filter_map(|(f, c)| Some((f, c.parse::<f64>().ok()?)))
            .collect();
        for r in rows(&store.select(FACT_SUBJECTS)?, &["f", "x", "g"]) {
            let [Some(f), Some(s), Some(g)] = &r[..] else {
                continue;
            };
            let (Some(p), Some(o)) = (predicates.get(f), objects.get(f)) else {
                continue;
            };
            let Some(p) = sk_local(p) else { continue };
            let object = if m.entities.contains_key(o) {
                Object::Entity(o.clone())
            } else {
                Object::Value(o.clone())
            };
            facts.push(Fact {
                iri: f.clone(),
                subject: s.clone(),
                predicate: p.to_string(),
                object,
                document: g.clone(),
            });
        }
        for r in rows(&store.select(&background_facts())?, &["s", "p", "o"]) {
            let [Some(s), Some(p), Some(o)] = &r[..] else {
                continue;
            };
            let Some(p) = sk_local(p) else { continue };
            facts.push(Fact {
                iri: String::new(),
                subject: s.clone(),
                predicate: p.to_string(),
                object: Object::Entity(o.clone()),
                document: background.as_str().to_string(),
            });
        }
        facts.sort_by(|a, b| {
            (&a.subject, &a.predicate, &a.object, &a.document, &a.iri).cmp(&(
                &b.subject,
                &b.predicate,
                &b.object,
                &b.document,
                &b.iri,
            ))
        });
        for f in &facts {
            match (&f.object, f.predicate.as_str()) {
                (Object::Value(d), "date") => {
                    if let Some(e) = m.entities.get_mut(&f.subject) {
                        if e.date.as_ref().is_none_or(|old| d < old) {
                            e.date = Some(d.clone());
                        }
                    }
                }
                (Object::Entity(n), "country") => {
                    if let Some(e) = m.entities.get_mut(&f.subject) {
                        e.country.get_or_insert_with(|| n.clone());
                    }
                }
                _ => {}
            }
        }
        m.facts = facts;
        for r in rows(&store.select(ROLES)?, &["h", "rank", "post", "org", "asof"]) {
            let Some(holder) = r[0].clone() else { continue };
            m.roles.push(Role {
                holder,
                rank: r[1].clone(),
                post: r[2].clone(),
                organization: r[3].clone(),
                as_of: r[4].clone(),
            });
        }
        m.roles.sort();
        m.roles.dedup();
        // Ranks are labelled in the background graph, not entities of a view.
        let rank_labels = store.select(&format!(
            "SELECT ?r ?label WHERE {{ GRAPH <{}> {{ ?r a sk:Rank ; rdfs:label ?label }} }}",
            background.as_str()
        ))?;
        for r in rows(&rank_labels, &["r", "label"]) {
            if let [Some(x), Some(l)] = &r[..] {
                m.labels.entry(x.clone()).or_insert_with(|| l.clone());
            }
        }
        for r in rows(&store.select(DOCUMENTS)?, &["g", "src", "title", "issued"]) {
            let Some(g) = r[0].clone() else { continue };
            m.documents.insert(
                g,
                Document {
                    source: r[1].clone().unwrap_or_default(),
                    title: r[2].clone(),
                    issued: r[3].clone(),
                },
            );
        }
        Ok(m)
    }

    /// The ontology's label of a relation (`participant`), or its local name.
    pub(crate) fn relation_label(&self, predicate: &str) -> String {
        self.labels
            .get(&format!("{SK}{predicate}"))
            .cloned()
            .unwrap_or_else(|| predicate.to_string())
    }

    pub(crate) fn label_of(&self, iri: &str) -> String {
        self.entities
            .get(iri)
            .map(|e| e.label.clone())
            .or_else(|| self.labels.get(iri).cloned())
            .unwrap_or_else(|| local_name(iri))
    }

    /// The date a fact is about: its event's date, else the date of the release stating it.
    pub(crate) fn fact_date(&self, f: &Fact) -> Option<String> {
        let date_of = |iri: &str| self.entities.get(iri).and_then(|e| e.date.clone());
        date_of(&f.subject)
            .or_else(|| match &f.object {
                Object::Entity(o) => date_of(o),
                Object::Value(_) => None,
            })
            .or_else(|| self.documents.get(&f.document)?.issued.clone())
    }

    /// Facts between two entities (not dates), the ones the graph views draw.
    pub fn links(&self) -> impl Iterator<Item = (&Fact, &str)> + '_ {
        self.facts.iter().filter_map(|f| match &f.object {
            Object::Entity(o) if self.entities.contains_key(&f.subject) => Some((f, o.as_str())),
            _ => None,
        })
    }
}

/// The last segment of an IRI, as a fallback label.
pub(crate) fn local_name(iri: &str) -> String {
    iri.rsplit(['#', '/'])
        .find(|s| !s.is_empty())
        .unwrap_or(iri)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_of_iris() {
        assert_eq!(local_name("https://w3id.org/spacekg/id/nation/JP"), "JP");
        assert_eq!(
            local_name("https://w3id.org/spacekg/ontology#Talks"),
            "Talks"
        );
        assert_eq!(local_name("urn:x"), "urn:x");
    }

    #[test]
    fn entity_classes_map_to_kinds() {
        assert_eq!(NodeKind::of_class("Nation"), Some(NodeKind::Nation));
        assert_eq!(NodeKind::of_class("Sentence"), None);
        assert!(NodeKind::Person.is_agent() && !NodeKind::Event.is_agent());
    }
}
