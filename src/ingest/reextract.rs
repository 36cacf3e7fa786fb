//! Re-extraction: runs extraction again over every release the store holds, with the
//! current ontology (core and extensions) and background data, and replaces each document
//! graph in one transaction. The store keeps each release's text (`sk:content`) and source
//! (`sk:source`); reading that text again gives the same `Release` the file gave, so every
//! offset and evidence sentence refers to the same content as before.
//!
//! The report says, per document and in total, which facts are new, which are gone, and
//! which entities changed their `rdf:type` (an event now typed by an extension class).

use crate::extract::Extractor;
use crate::ingest;
use crate::ingest::control::{emit, Event, Observer, StopFlag};
use crate::knowledge::Knowledge;
use crate::rdf;
use crate::reading;
use crate::store::error::StoreError;
use crate::store::{shorten, term_text, GraphStore};
use crate::vocab;
use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeMap, BTreeSet};

/// A fact as `subject predicate object`, IRIs shortened (`id:nation/JP sk:partner id:nation/US`).
pub type FactText = (String, String, String);

/// An entity whose classes changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retyped {
    pub entity: String,
    pub label: Option<String>,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// What re-extraction changed in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentChange {
    pub document: String,
    pub source: String,
    pub new_facts: Vec<FactText>,
    pub removed_facts: Vec<FactText>,
    pub retyped: Vec<Retyped>,
    /// Entities the document now mentions and did not before, and the reverse.
    pub new_entities: Vec<String>,
    pub removed_entities: Vec<String>,
    /// Whether the graph was rewritten (false when extraction gave the same quads).
    pub rewritten: bool,
}

impl DocumentChange {
    /// Whether anything a reader would notice changed.
    pub fn is_empty(&self) -> bool {
        self.new_facts.is_empty()
            && self.removed_facts.is_empty()
            && self.retyped.is_empty()
            && self.new_entities.is_empty()
            && self.removed_entities.is_empty()
    }
}

/// What re-extraction did to the whole store.
#[derive(Debug, Default)]
pub struct ReextractReport {
    pub documents: Vec<DocumentChange>,
    /// Documents that could not be re-extracted (source, reason); their graphs are untouched.
    pub failed: Vec<(String, String)>,
    /// Whether a stop was requested before every document was done; `not_reached` were not.
    pub interrupted: bool,
    pub not_reached: usize,
}

impl ReextractReport {
    pub fn new_facts(&self) -> usize {
        self.documents.iter().map(|d| d.new_facts.len()).sum()
    }
    pub fn removed_facts(&self) -> usize {
        self.documents.iter().map(|d| d.removed_facts.len()).sum()
    }
    pub fn retyped(&self) -> usize {
        self.documents.iter().map(|d| d.retyped.len()).sum()
    }
    pub fn rewritten(&self) -> usize {
        self.documents.iter().filter(|d| d.rewritten).count()
    }
}

/// A stored document: its IRI, source and text.
struct StoredDocument {
    iri: NamedNode,
    source: String,
    content: String,
}

fn stored_documents(store: &dyn GraphStore) -> Result<Vec<StoredDocument>, StoreError> {
    let t = store.select(
        "SELECT ?d ?source ?content WHERE { GRAPH ?d { ?d a sk:Document ; sk:source ?source ; \
         sk:content ?content } } ORDER BY ?source ?d",
    )?;
    let mut out = Vec::new();
    for i in 0..t.rows.len() {
        let (Some(d), Some(source), Some(content)) =
            (t.text(i, "d"), t.text(i, "source"), t.text(i, "content"))
        else {
            continue;
        };
        let iri = NamedNode::new(d).map_err(|e| StoreError::Invalid(e.to_string()))?;
        out.push(StoredDocument {
            iri,
            source,
            content,
        });
    }
    Ok(out)
}

/// Re-extracts every stored release with `kb` and replaces the graphs that change. The
/// ontology and background graphs are refreshed first, so extension classes are queryable.
pub fn reextract(store: &dyn GraphStore, kb: &Knowledge) -> Result<ReextractReport, StoreError> {
    reextract_with(store, kb, None, None)
}

/// Re-extracts as `reextract` does, checking `stop` between documents (each document is
/// written in its own transaction, so stopping there leaves every document whole) and
/// telling `observer` how far it got.
pub fn reextract_with(
    store: &dyn GraphStore,
    kb: &Knowledge,
    stop: Option<&StopFlag>,
    observer: Option<Observer<'_>>,
) -> Result<ReextractReport, StoreError> {
    ingest::prepare(store, kb)?;
    let extractor = Extractor::new(kb);
    let mut report = ReextractReport::default();
    let docs = stored_documents(store)?;
    emit(observer, Event::Planned { total: docs.len() });
    for (i, doc) in docs.iter().enumerate() {
        if stop.is_some_and(StopFlag::requested) {
            emit(observer, Event::Stopping);
            report.interrupted = true;
            report.not_reached = docs.len() - i;
            break;
        }
        match reextract_one(store, &extractor, doc) {
            Ok(change) => report.documents.push(change),
            Err(e) => report
                .failed
                .push((doc.source.clone(), crate::store::error::with_causes(&e))),
        }
        emit(
            observer,
            Event::Progress {
                done: i + 1,
                stored: report.rewritten(),
            },
        );
    }
    Ok(report)
}

fn reextract_one(
    store: &dyn GraphStore,
    extractor: &Extractor<'_>,
    doc: &StoredDocument,
) -> Result<DocumentChange, StoreError> {
    // The stored content is the text the reader produced (line ends normalized, HTML already
    // reduced to the text layout), so reading it again yields the same release.
    let release = reading::parse_text(&doc.source, &doc.content);
    let extraction = extractor.extract(&release);
    let (new_iri, new_quads) = rdf::document_quads(&release, &extraction, extractor.kb);
    let old_quads = store.graph_quads(&doc.iri)?;
    let mut change = diff(&old_quads, &new_quads);
    change.document = new_iri.as_str().to_string();
    change.source = doc.source.clone();
    let same = {
        let a: BTreeSet<String> = old_quads.iter().map(|q| q.to_string()).collect();
        let b: BTreeSet<String> = new_quads.iter().map(|q| q.to_string()).collect();
        a == b
    };
    if !same {
        // The IRI derives from the content, which did not change; should it differ (a store
        // written by an older hashing), the old graph is replaced all the same.
        let replaces: Vec<NamedNode> = if new_iri != doc.iri {
            vec![doc.iri.clone()]
        } else {
            Vec::new()
        };
        store.put_document(&new_iri, &replaces, &new_quads)?;
        change.rewritten = true;
    }
    Ok(change)
}

fn text(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => shorten(n.as_ref()),
        other => term_text(other),
    }
}

fn subject_text(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => shorten(n.as_ref()),
        other => other.to_string(),
    }
}

/// What one graph states: its facts, and each mentioned entity's classes and label.
#[derive(Default)]
struct Summary {
    facts: BTreeSet<FactText>,
    types: BTreeMap<String, BTreeSet<String>>,
    labels: BTreeMap<String, String>,
}

fn summarize(quads: &[Quad]) -> Summary {
    let subject = rdfv::SUBJECT.into_owned();
    let predicate = rdfv::PREDICATE.into_owned();
    let object = rdfv::OBJECT.into_owned();
    let mentions = vocab::sk("mentions");
    let label = oxigraph::model::vocab::rdfs::LABEL.into_owned();
    // Reified facts: fact node -> (s, p, o).
    let mut parts: BTreeMap<String, [Option<String>; 3]> = BTreeMap::new();
    let mut mentioned: BTreeSet<String> = BTreeSet::new();
    let mut types: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for q in quads {
        let s = subject_text(&q.subject);
        let slot = if q.predicate == subject {
            Some(0)
        } else if q.predicate == predicate {
            Some(1)
        } else if q.predicate == object {
            Some(2)
        } else {
            None
        };
        if let Some(i) = slot {
            parts.entry(s).or_default()[i] = Some(text(&q.object));
        } else if q.predicate == mentions {
            mentioned.insert(text(&q.object));
        } else if q.predicate == rdfv::TYPE {
            types.entry(s).or_default().insert(text(&q.object));
        } else if q.predicate == label {
            labels.insert(s, term_text(&q.object));
        }
    }
    let facts = parts
        .into_values()
        .filter_map(|[s, p, o]| Some((s?, p?, o?)))
        .collect();
    let types = types
        .into_iter()
        .filter(|(e, _)| mentioned.contains(e))
        .collect();
    Summary {
        facts,
        types,
        labels,
    }
}

/// The differences between a document's old and new quads.
fn diff(old: &[Quad], new: &[Quad]) -> DocumentChange {
    let a = summarize(old);
    let b = summarize(new);
    let mut change = DocumentChange {
        new_facts: b.facts.difference(&a.facts).cloned().collect(),
        removed_facts: a.facts.difference(&b.facts).cloned().collect(),
        ..DocumentChange::default()
    };
    for (e, after) in &b.types {
        match a.types.get(e) {
            None => change.new_entities.push(e.clone()),
            Some(before) if before != after => change.retyped.push(Retyped {
                entity: e.clone(),
                label: b.labels.get(e).cloned(),
                before: before.iter().cloned().collect(),
                after: after.iter().cloned().collect(),
            }),
            Some(_) => {}
        }
    }
    change.removed_entities = a
        .types
        .keys()
        .filter(|e| !b.types.contains_key(*e))
        .cloned()
        .collect();
    change
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::EmbeddedStore;

    const RELEASE: &str = "Allies sign space data accord\n\nBERLIN, Germany (March 3, 2025) -- \
        Germany and Japan signed a space data exchange accord in Berlin on March 3, 2025, \
        the German Ministry of Defence said.\n";

    fn ingest(store: &EmbeddedStore, kb: &Knowledge) {
        let release = reading::parse_text("mem:release.txt", RELEASE);
        let ex = Extractor::new(kb);
        ingest::prepare(store, kb).expect("prepare");
        ingest::ingest_release(store, &ex, &release).expect("ingest");
    }

    #[test]
    fn the_same_ontology_changes_nothing() {
        let kb = Knowledge::load(&[]).expect("knowledge");
        let store = EmbeddedStore::in_memory().expect("store");
        ingest(&store, &kb);
        let report = reextract(&store, &kb).expect("reextract");
        assert_eq!(report.documents.len(), 1);
        assert!(report.documents[0].is_empty(), "{:?}", report.documents[0]);
        assert!(!report.documents[0].rewritten);
    }

    #[test]
    fn a_subclass_with_the_trigger_retypes_the_event() {
        let kb = Knowledge::load(&[]).expect("knowledge");
        let store = EmbeddedStore::in_memory().expect("store");
        ingest(&store, &kb);
        let ext = "@prefix sk: <https://w3id.org/spacekg/ontology#> .\n\
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
            sk:DataAccordSigning rdfs:subClassOf sk:Signing ; rdfs:label \"Data accord signing\"@en ;\n\
              sk:trigger \"signed a space data exchange accord\" .\n";
        let kb2 = Knowledge::from_parts(vec![
            ("spacekg.ttl".into(), crate::knowledge::CORE_ONTOLOGY.into()),
            ("ext.ttl".into(), ext.into()),
        ])
        .expect("knowledge with extension");
        let report = reextract(&store, &kb2).expect("reextract");
        let d = &report.documents[0];
        assert!(d.rewritten);
        assert!(
            d.retyped
                .iter()
                .any(|r| r.after.contains(&"sk:DataAccordSigning".to_string())
                    && !r.before.contains(&"sk:DataAccordSigning".to_string())),
            "{d:?}"
        );
        // Running it again with the same ontology changes nothing more.
        let again = reextract(&store, &kb2).expect("reextract");
        assert!(again.documents[0].is_empty() && !again.documents[0].rewritten);
    }

    #[test]
    fn a_failed_write_is_reported_and_leaves_its_graph_alone() {
        let kb = Knowledge::load(&[]).expect("knowledge");
        let store = EmbeddedStore::in_memory().expect("store");
        ingest(&store, &kb);
        let other = RELEASE.replace("March 3, 2025", "March 4, 2025");
        let second = reading::parse_text("mem:second.txt", &other);
        ingest::ingest_release(&store, &Extractor::new(&kb), &second).expect("ingest");
        let first = vocab::document_iri(&rdf::content_hash(
            &reading::parse_text("mem:release.txt", RELEASE).content,
        ));
        let before = store.graph_quads(&first).expect("quads").len();
        let kb2 = Knowledge::from_parts(vec![
            ("spacekg.ttl".into(), crate::knowledge::CORE_ONTOLOGY.into()),
            (
                "ext.ttl".into(),
                "@prefix sk: <https://w3id.org/spacekg/ontology#> .\n\
                 @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
                 sk:DataAccordSigning rdfs:subClassOf sk:Signing ; rdfs:label \"D\"@en ;\n\
                 sk:trigger \"signed a space data exchange accord\" .\n"
                    .into(),
            ),
        ])
        .expect("knowledge with extension");
        // A store whose write of the first document fails (a full disk).
        let failing = crate::store::FaultyStore {
            inner: &store,
            refuse_document: Some(first.clone()),
            refuse_commits: false,
        };
        let report = reextract(&failing, &kb2).expect("the batch runs");
        assert_eq!(report.failed.len(), 1, "{:?}", report.failed);
        assert_eq!(report.failed[0].0, "mem:release.txt");
        assert!(report.failed[0].1.contains("disk full"));
        assert_eq!(report.documents.len(), 1);
        assert!(report.documents[0].rewritten);
        assert_eq!(report.documents[0].source, "mem:second.txt");
        // The refused document still holds exactly its old graph.
        let after = store.graph_quads(&first).expect("quads");
        assert_eq!(after.len(), before);
        assert!(!after
            .iter()
            .any(|q| q.object.to_string().contains("DataAccordSigning")));
    }
}
