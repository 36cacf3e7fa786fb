//! The store: the only module that touches Oxigraph's `Store`. Everything else speaks to
//! the `GraphStore` trait (documents in, SPARQL out), so a remote SPARQL 1.1 triple store can
//! stand behind the same interface later.
//!
//! Invariants: a document is written or replaced all or nothing (a transaction, or a bulk
//! load of whole documents committed at once); the document IRI
//! derives from the release's content, so ingesting the same release twice changes
//! nothing.
//!
//! The default graph is the merge of every named graph: each triple any graph holds, once.
//! The store keeps it so: a document's triples go into its own graph and into the default
//! graph in the same write, and removing a graph removes from the default graph only the
//! triples no other graph still holds. Queries read the default graph, so a statement made
//! by a thousand releases is one solution, not a thousand, and a join over it does not
//! multiply; `GRAPH ?g { … }` still reaches each release's own statements. A store written
//! before the merged graph existed is brought up to date when it is opened.

pub mod error;

pub mod shacl;

use crate::rdf;
use crate::store::error::StoreError;
use crate::vocab::{self, DCTERMS, DOC, ID, RDF, RDFS, SK, SKOS, XSD};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, QuadRef,
    Term, Triple,
};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::{Store, Transaction};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One row of a SELECT: variable names and values (None when unbound).
pub type Row = Vec<Option<Term>>;

/// Rows of a SELECT with their variable names.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub vars: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The value of `var` in row `i` as plain text (IRI, literal value).
    pub fn text(&self, i: usize, var: &str) -> Option<String> {
        let c = self.vars.iter().position(|v| v == var)?;
        self.rows.get(i)?.get(c)?.as_ref().map(term_text)
    }
}

/// A term as a person reads it: an IRI or a literal's lexical value.
pub(crate) fn term_text(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// What the store already knows of a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentState {
    /// This exact content is stored.
    Unchanged,
    /// Not stored; replaces these older documents read from the same source.
    New { replaces: Vec<NamedNode> },
}

/// A new document's graph ready for a bulk write (a document that replaces older ones goes
/// through `GraphStore::put_document` instead).
#[derive(Debug, Clone)]
pub struct DocumentWrite {
    /// The document IRI, which names its graph.
    pub doc: NamedNode,
    pub quads: Vec<Quad>,
}

/// Sizes of the store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: usize,
    /// Quads in the named graphs: what the releases, the background knowledge and the
    /// ontology state.
    pub quads: usize,
    /// Distinct triples in the merged default graph.
    pub merged: usize,
    pub entities_by_type: Vec<(String, usize)>,
    pub relations: usize,
    pub quotes: usize,
    /// Bytes the store's folder takes on disk (none for a store in memory).
    pub disk_bytes: Option<u64>,
}

/// Output formats of a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

/// New documents written together: nothing added is visible before `commit`, and a commit
/// stores all of it or none of it.
pub trait BulkWrite {
    /// Queues documents that replace nothing. An error means that nothing added since the
    /// last commit will be stored.
    fn add(&mut self, docs: Vec<DocumentWrite>) -> Result<(), StoreError>;
    fn commit(self: Box<Self>) -> Result<(), StoreError>;
}

/// Oxigraph's bulk loader: each `add` is encoded and sorted into index files on a
/// background thread while the caller goes on; `commit` ingests every file at once.
struct EmbeddedBulk<'a> {
    loader: oxigraph::store::BulkLoader<'a>,
}

impl BulkWrite for EmbeddedBulk<'_> {
    fn add(&mut self, docs: Vec<DocumentWrite>) -> Result<(), StoreError> {
        self.loader
            .load_quads(docs.into_iter().flat_map(|d| {
                d.quads.into_iter().flat_map(|q| {
                    let copy = merged_copy(q.as_ref());
                    [q, copy]
                })
            }))
            .map_err(storage)
    }

    fn commit(self: Box<Self>) -> Result<(), StoreError> {
        self.loader.commit().map_err(storage)
    }
}

/// What spacekg needs of a triple store.
pub trait GraphStore {
    fn document_state(&self, source: &str, doc: &NamedNode) -> Result<DocumentState, StoreError>;
    /// Writes a document's graph, removing the graphs it replaces, in one transaction.
    fn put_document(
        &self,
        doc: &NamedNode,
        replaces: &[NamedNode],
        quads: &[Quad],
    ) -> Result<(), StoreError>;
    /// Every stored document with the source it was read from: (document IRI, source).
    fn documents(&self) -> Result<Vec<(NamedNode, String)>, StoreError>;
    /// A bulk write of new documents (documents that replace nothing): `add` them in
    /// batches, then `commit` stores every document added, or none of them.
    fn bulk(&self) -> Box<dyn BulkWrite + '_>;
    /// Replaces a whole graph (background knowledge, ontology) if its content changed.
    fn put_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<bool, StoreError>;
    fn select(&self, sparql: &str) -> Result<Table, StoreError>;
    fn construct(&self, sparql: &str) -> Result<Vec<Triple>, StoreError>;
    fn query_to(
        &self,
        sparql: &str,
        format: ResultFormat,
        out: &mut dyn Write,
    ) -> Result<(), StoreError>;
    fn export(
        &self,
        format: RdfFormat,
        graph: Option<&NamedNode>,
        out: &mut dyn Write,
    ) -> Result<(), StoreError>;
    fn stats(&self) -> Result<Stats, StoreError>;
    /// Every quad of one named graph (empty when the graph does not exist).
    fn graph_quads(&self, graph: &NamedNode) -> Result<Vec<Quad>, StoreError>;
}

/// The embedded on-disk store (RocksDB), or an in-memory one for tests.
pub struct EmbeddedStore {
    store: Store,
    /// The folder of an on-disk store.
    path: Option<PathBuf>,
    /// Leftover bulk-load files of an interrupted run removed when the store was opened.
    leftovers: Leftovers,
}

/// Files an interrupted bulk write left in the store's folder, removed at the next open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Leftovers {
    pub files: usize,
    pub bytes: u64,
}

/// Whether a file name is one Oxigraph's bulk loader gives the index files it writes into
/// the store's folder before a commit ingests them: `bulk-` and a decimal number, `.sst`.
/// RocksDB's own files are numbered without a prefix (`000123.sst`), so this never names one.
pub(crate) fn is_bulk_load_file(name: &str) -> bool {
    name.strip_prefix("bulk-")
        .and_then(|n| n.strip_suffix(".sst"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes the bulk loader's files left in `dir` by a process that died before its commit
/// (a commit copies them into the store and removes them, so no live store refers to one).
/// Only call this while holding the store's lock: another process's bulk write would lose
/// its files.
fn remove_leftovers(dir: &Path) -> std::io::Result<Leftovers> {
    let mut removed = Leftovers::default();
    // RocksDB removes its own obsolete files in the background once open: a file listed here
    // may be gone a moment later, which is no error.
    let gone = |e: &std::io::Error| e.kind() == std::io::ErrorKind::NotFound;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_bulk_load_file) {
            continue;
        }
        let meta = match entry.metadata() {
            Ok(m) => m,
            Err(e) if gone(&e) => continue,
            Err(e) => return Err(e),
        };
        if !meta.file_type().is_file() {
            continue;
        }
        match std::fs::remove_file(entry.path()) {
            Ok(()) => {
                removed.files += 1;
                removed.bytes += meta.len();
            }
            Err(e) if gone(&e) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}

/// Bytes of every file under `dir` (0 when it cannot be read).
pub fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// What the user is told when another process holds the store.
pub(crate) const LOCKED_HINT: &str =
    "one process at a time may open a store: let that command finish or \
     close it, then run this one again (a shared server, `spacekg serve`, that would let \
     several commands use one store at once is planned but does not exist yet)";

/// Whether Oxigraph's error on opening says that RocksDB's lock is held.
fn is_lock_error(message: &str) -> bool {
    message.contains("lock file") || message.contains("lock hold by current process")
}

fn storage<E: std::error::Error + Send + Sync + 'static>(e: E) -> StoreError {
    StoreError::Storage(Box::new(e))
}

impl EmbeddedStore {
    /// Opens (or creates) the store in `path` for reading and writing. Bulk-load files an
    /// interrupted run left there are removed (see `leftovers_removed`). A store another
    /// process holds is `StoreError::Locked`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let store = Store::open(path).map_err(|e| {
            if is_lock_error(&e.to_string()) {
                StoreError::Locked { path: path.into() }
            } else {
                StoreError::Open {
                    path: path.into(),
                    step: "",
                    source: Box::new(e),
                }
            }
        })?;
        // The lock is held from here on: no other process is writing bulk-load files.
        let leftovers = remove_leftovers(path).map_err(|e| StoreError::Open {
            path: path.into(),
            step: ": could not remove the bulk-load files of an interrupted run",
            source: Box::new(e),
        })?;
        let s = Self {
            store,
            path: Some(path.into()),
            leftovers,
        };
        s.ensure_merged().map_err(|e| StoreError::Open {
            path: path.into(),
            step: ": could not build the merged default graph",
            source: Box::new(e),
        })?;
        Ok(s)
    }

    pub fn in_memory() -> Result<Self, StoreError> {
        let s = Self {
            store: Store::new().map_err(storage)?,
            path: None,
            leftovers: Leftovers::default(),
        };
        s.ensure_merged()?;
        Ok(s)
    }

    /// The bulk-load files of an interrupted run that opening the store removed.
    pub fn leftovers_removed(&self) -> Leftovers {
        self.leftovers
    }

    /// Builds the merged default graph of a store written by an older spacekg, which kept
    /// named graphs only: such a store has named graphs and an empty default graph, which a
    /// store kept by this version never has.
    fn ensure_merged(&self) -> Result<(), StoreError> {
        let merged = self
            .store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .next()
            .is_some();
        if merged || self.store.is_empty().map_err(storage)? {
            return Ok(());
        }
        let mut copies = Vec::new();
        for q in self.store.iter() {
            copies.push(merged_copy(q.map_err(storage)?.as_ref()));
        }
        let mut loader = self.store.bulk_loader();
        loader.load_quads(copies).map_err(storage)?;
        loader.commit().map_err(storage)
    }

    fn evaluate(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        SparqlEvaluator::new()
            .with_prefix("sk", SK)
            .and_then(|e| e.with_prefix("rdfs", RDFS))
            .and_then(|e| e.with_prefix("skos", SKOS))
            .and_then(|e| e.with_prefix("dcterms", DCTERMS))
            .and_then(|e| e.with_prefix("rdf", RDF))
            .and_then(|e| e.with_prefix("xsd", XSD))
            .map_err(|e| StoreError::QuerySyntax(Box::new(e)))?
            .parse_query(sparql)
            .map_err(|e| StoreError::QuerySyntax(Box::new(e)))?
            .on_store(&self.store)
            .execute()
            .map_err(|e| StoreError::Query(Box::new(e)))
    }

    /// Loads N-Quads with Oxigraph's bulk loader and nothing else: the baseline the
    /// benchmark compares ingestion with.
    pub fn bulk_load_nquads(&self, reader: impl std::io::Read) -> Result<(), StoreError> {
        let mut loader = self.store.bulk_loader();
        loader
            .load_from_reader(RdfFormat::NQuads, reader)
            .map_err(storage)?;
        loader.commit().map_err(storage)
    }

    fn graph_hash(&self, graph: &NamedNode) -> Result<Option<String>, StoreError> {
        let p = vocab::sk("contentHash");
        let q = self
            .store
            .quads_for_pattern(
                Some(graph.as_ref().into()),
                Some(p.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .next();
        match q {
            Some(Ok(q)) => Ok(Some(term_text(&q.object))),
            Some(Err(e)) => Err(storage(e)),
            None => Ok(None),
        }
    }
}

/// A quad's triple in the default graph, where the merge of every graph is kept.
fn merged_copy(q: QuadRef<'_>) -> Quad {
    Quad::new(
        q.subject.into_owned(),
        q.predicate.into_owned(),
        q.object.into_owned(),
        GraphName::DefaultGraph,
    )
}

/// Removes named graphs and, from the merged default graph, each of their triples that no
/// other named graph holds.
fn remove_graphs(t: &mut Transaction<'_>, graphs: &[&NamedNode]) -> Result<(), StoreError> {
    let mut triples: Vec<Quad> = Vec::new();
    for g in graphs {
        for q in t.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref()))) {
            triples.push(merged_copy(q.map_err(storage)?.as_ref()));
        }
        t.remove_named_graph(NamedOrBlankNodeRef::NamedNode(g.as_ref()))
            .map_err(storage)?;
    }
    triples.sort_by_cached_key(|q| q.to_string());
    triples.dedup();
    for m in &triples {
        let mut held = false;
        for q in t.quads_for_pattern(
            Some(m.subject.as_ref()),
            Some(m.predicate.as_ref()),
            Some(m.object.as_ref()),
            None,
        ) {
            if !q.map_err(storage)?.graph_name.is_default_graph() {
                held = true;
                break;
            }
        }
        if !held {
            t.remove(m);
        }
    }
    Ok(())
}

fn quads_hash(quads: &[Quad]) -> String {
    let mut lines: Vec<String> = quads.iter().map(|q| q.to_string()).collect();
    lines.sort();
    rdf::content_hash(&lines.join("\n"))
}

impl GraphStore for EmbeddedStore {
    fn document_state(&self, source: &str, doc: &NamedNode) -> Result<DocumentState, StoreError> {
        let exists = self
            .store
            .contains_named_graph(NamedOrBlankNodeRef::NamedNode(doc.as_ref()))
            .map_err(storage)?;
        if exists {
            return Ok(DocumentState::Unchanged);
        }
        // Older versions read from the same source.
        let src = vocab::sk("source");
        let lit = Literal::new_simple_literal(source);
        let mut replaces = Vec::new();
        for q in
            self.store
                .quads_for_pattern(None, Some(src.as_ref()), Some(lit.as_ref().into()), None)
        {
            let q = q.map_err(storage)?;
            if let oxigraph::model::GraphName::NamedNode(g) = q.graph_name {
                if g != *doc && !replaces.contains(&g) {
                    replaces.push(g);
                }
            }
        }
        Ok(DocumentState::New { replaces })
    }

    fn put_document(
        &self,
        doc: &NamedNode,
        replaces: &[NamedNode],
        quads: &[Quad],
    ) -> Result<(), StoreError> {
        let mut t = self.store.start_transaction().map_err(storage)?;
        let mut gone: Vec<&NamedNode> = replaces.iter().collect();
        gone.push(doc);
        remove_graphs(&mut t, &gone)?;
        t.insert_named_graph(NamedOrBlankNodeRef::NamedNode(doc.as_ref()));
        for q in quads {
            t.insert(q);
            t.insert(&merged_copy(q.as_ref()));
        }
        t.commit().map_err(storage)
    }

    fn documents(&self) -> Result<Vec<(NamedNode, String)>, StoreError> {
        let src = vocab::sk("source");
        let mut out = Vec::new();
        for q in self
            .store
            .quads_for_pattern(None, Some(src.as_ref()), None, None)
        {
            let q = q.map_err(storage)?;
            if let (oxigraph::model::GraphName::NamedNode(g), Term::Literal(l)) =
                (q.graph_name, q.object)
            {
                out.push((g, l.value().to_string()));
            }
        }
        Ok(out)
    }

    /// One loader thread: the other cores go on extracting while it encodes and sorts.
    fn bulk(&self) -> Box<dyn BulkWrite + '_> {
        Box::new(EmbeddedBulk {
            loader: self.store.bulk_loader().with_num_threads(1),
        })
    }

    fn put_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<bool, StoreError> {
        let hash = quads_hash(quads);
        if self.graph_hash(graph)?.as_deref() == Some(hash.as_str()) {
            return Ok(false);
        }
        let mut t = self.store.start_transaction().map_err(storage)?;
        remove_graphs(&mut t, &[graph])?;
        let lit = Literal::new_simple_literal(&hash);
        let hash_quad = Quad::new(
            graph.clone(),
            vocab::sk("contentHash"),
            lit,
            GraphName::NamedNode(graph.clone()),
        );
        for q in quads.iter().chain([&hash_quad]) {
            t.insert(q);
            t.insert(&merged_copy(q.as_ref()));
        }
        t.commit().map_err(storage)?;
        Ok(true)
    }

    fn select(&self, sparql: &str) -> Result<Table, StoreError> {
        match self.evaluate(sparql)? {
            QueryResults::Solutions(sol) => solutions_table(sol),
            _ => Err(StoreError::Invalid("expected a SELECT query".into())),
        }
    }

    fn construct(&self, sparql: &str) -> Result<Vec<Triple>, StoreError> {
        match self.evaluate(sparql)? {
            QueryResults::Graph(triples) => triples
                .map(|t| t.map_err(|e| StoreError::Query(Box::new(e))))
                .collect(),
            _ => Err(StoreError::Invalid(
                "expected a CONSTRUCT or DESCRIBE query".into(),
            )),
        }
    }

    fn query_to(
        &self,
        sparql: &str,
        format: ResultFormat,
        out: &mut dyn Write,
    ) -> Result<(), StoreError> {
        match self.evaluate(sparql)? {
            QueryResults::Solutions(sol) => {
                if format == ResultFormat::Table {
                    return write_table(&solutions_table(sol)?, out);
                }
                let f = match format {
                    ResultFormat::Json => QueryResultsFormat::Json,
                    ResultFormat::Csv => QueryResultsFormat::Csv,
                    _ => QueryResultsFormat::Tsv,
                };
                let mut w = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(out, sol.variables().to_vec())?;
                for s in sol {
                    let s = s.map_err(|e| StoreError::Query(Box::new(e)))?;
                    w.serialize(s.iter())?;
                }
                w.finish()?;
                Ok(())
            }
            QueryResults::Boolean(b) => {
                if format == ResultFormat::Table {
                    writeln!(out, "{b}")?;
                } else {
                    let f = match format {
                        ResultFormat::Json => QueryResultsFormat::Json,
                        ResultFormat::Csv => QueryResultsFormat::Csv,
                        _ => QueryResultsFormat::Tsv,
                    };
                    QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, b)?;
                }
                Ok(())
            }
            QueryResults::Graph(triples) => {
                let mut w = RdfSerializer::from_format(RdfFormat::Turtle)
                    .with_prefix("sk", SK)
                    .map_err(|e| StoreError::Invalid(e.to_string()))?
                    .for_writer(out);
                for t in triples {
                    let t = t.map_err(|e| StoreError::Query(Box::new(e)))?;
                    w.serialize_triple(&t)?;
                }
                w.finish()?;
                Ok(())
            }
        }
    }

    fn export(
        &self,
        format: RdfFormat,
        graph: Option<&NamedNode>,
        out: &mut dyn Write,
    ) -> Result<(), StoreError> {
        if let Some(g) = graph {
            let exists = self
                .store
                .contains_named_graph(NamedOrBlankNodeRef::NamedNode(g.as_ref()))
                .map_err(storage)?;
            if !exists {
                return Err(StoreError::Invalid(format!(
                    "the store has no graph <{}>",
                    g.as_str()
                )));
            }
        }
        let prefixed = |s: RdfSerializer| -> RdfSerializer {
            let mut s = s;
            for (p, iri) in [
                ("sk", SK),
                ("skos", SKOS),
                ("dcterms", DCTERMS),
                ("rdfs", RDFS),
                ("xsd", XSD),
                ("id", ID),
            ] {
                s = match s.clone().with_prefix(p, iri) {
                    Ok(n) => n,
                    Err(_) => s,
                };
            }
            s
        };
        if format.supports_datasets() && graph.is_none() {
            // The whole dataset, merged default graph included, so that another SPARQL
            // store answers default-graph queries as this one does.
            let mut w = prefixed(RdfSerializer::from_format(format)).for_writer(out);
            for q in self.store.iter() {
                w.serialize_quad(&q.map_err(storage)?)?;
            }
            w.finish()?;
            return Ok(());
        }
        // A graph format: one graph, or the merge of all graphs (the default graph), in a
        // stable order so that exports diff well.
        let gn = Some(match graph {
            Some(g) => GraphNameRef::NamedNode(g.as_ref()),
            None => GraphNameRef::DefaultGraph,
        });
        let mut triples: Vec<(String, Triple)> = Vec::new();
        for q in self.store.quads_for_pattern(None, None, None, gn) {
            let q = q.map_err(storage)?;
            let t = Triple::new(q.subject, q.predicate, q.object);
            triples.push((t.to_string(), t));
        }
        triples.sort_by(|a, b| a.0.cmp(&b.0));
        triples.dedup_by(|a, b| a.0 == b.0);
        let mut w = prefixed(RdfSerializer::from_format(format)).for_writer(out);
        for (_, t) in &triples {
            w.serialize_triple(t)?;
        }
        w.finish()?;
        Ok(())
    }

    fn graph_quads(&self, graph: &NamedNode) -> Result<Vec<Quad>, StoreError> {
        self.store
            .quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .map(|q| q.map_err(storage))
            .collect()
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let docs = self
            .select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a sk:Document } }")?;
        let by_type = self.select(
            "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?d { ?d sk:mentions ?e . ?e a ?c } \
             VALUES (?c ?t) { (sk:Nation \"Nation\") (sk:Organization \"Organization\") (sk:Person \"Person\") \
             (sk:Event \"Event\") (sk:Initiative \"Initiative\") (sk:Agreement \"Agreement\") (sk:Place \"Place\") } } GROUP BY ?t ORDER BY ?t",
        )?;
        let facts = self.select("SELECT (COUNT(?f) AS ?n) WHERE { GRAPH ?d { ?f a sk:Fact } }")?;
        let quotes =
            self.select("SELECT (COUNT(?q) AS ?n) WHERE { GRAPH ?d { ?q a sk:Quote } }")?;
        let num = |t: &Table| t.text(0, "n").and_then(|s| s.parse().ok()).unwrap_or(0);
        let merged = self
            .store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .count();
        Ok(Stats {
            documents: num(&docs),
            quads: self.store.len().map_err(storage)? - merged,
            merged,
            entities_by_type: (0..by_type.rows.len())
                .filter_map(|i| Some((by_type.text(i, "t")?, by_type.text(i, "n")?.parse().ok()?)))
                .collect(),
            relations: num(&facts),
            quotes: num(&quotes),
            disk_bytes: self.path.as_deref().map(dir_size),
        })
    }
}

/// Every solution of a SELECT, collected.
fn solutions_table(sol: oxigraph::sparql::QuerySolutionIter<'_>) -> Result<Table, StoreError> {
    let vars: Vec<String> = sol
        .variables()
        .iter()
        .map(|v| v.as_str().to_string())
        .collect();
    let mut rows = Vec::new();
    for s in sol {
        let s = s.map_err(|e| StoreError::Query(Box::new(e)))?;
        rows.push(vars.iter().map(|v| s.get(v.as_str()).cloned()).collect());
    }
    Ok(Table { vars, rows })
}

/// A text table of a SELECT's rows, IRIs shortened with the usual prefixes.
pub(crate) fn write_table(t: &Table, out: &mut dyn Write) -> Result<(), StoreError> {
    let cells: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.as_ref().map(short).unwrap_or_default())
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = t.vars.iter().map(|v| v.chars().count() + 1).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count().min(60));
        }
    }
    let line = |out: &mut dyn Write, vals: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, v) in vals.iter().enumerate() {
            let v: String = if v.chars().count() > 60 {
                v.chars().take(59).collect::<String>() + "…"
            } else {
                v.clone()
            };
            let pad = widths[i].saturating_sub(v.chars().count());
            s.push_str(&v);
            if i + 1 < vals.len() {
                s.push_str(&" ".repeat(pad + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    let head: Vec<String> = t.vars.iter().map(|v| format!("?{v}")).collect();
    line(out, &head)?;
    line(
        out,
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    )?;
    for r in &cells {
        line(out, r)?;
    }
    writeln!(
        out,
        "({} row{})",
        cells.len(),
        if cells.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}

fn short(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => shorten(n.as_ref()),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// An IRI with the project's prefixes applied (`sk:Talks`, `id:nation/JP`).
pub(crate) fn shorten(n: NamedNodeRef<'_>) -> String {
    let s = n.as_str();
    for (p, iri) in [("sk:", SK), ("id:", ID), ("doc:", DOC)] {
        if let Some(rest) = s.strip_prefix(iri) {
            return format!("{p}{rest}");
        }
    }
    format!("<{s}>")
}

/// A store for tests whose writes fail where told to (a full disk), reading and every
/// other write going to a real store.
#[cfg(test)]
pub(crate) struct FaultyStore<'a> {
    pub inner: &'a EmbeddedStore,
    /// The document whose transaction fails.
    pub refuse_document: Option<NamedNode>,
    /// Whether bulk writes fail at their commit.
    pub refuse_commits: bool,
}

#[cfg(test)]
struct RefusedCommit;

#[cfg(test)]
impl BulkWrite for RefusedCommit {
    fn add(&mut self, _: Vec<DocumentWrite>) -> Result<(), StoreError> {
        Ok(())
    }
    fn commit(self: Box<Self>) -> Result<(), StoreError> {
        Err(StoreError::Storage("no space left on device (test)".into()))
    }
}

#[cfg(test)]
impl GraphStore for FaultyStore<'_> {
    fn document_state(&self, source: &str, doc: &NamedNode) -> Result<DocumentState, StoreError> {
        self.inner.document_state(source, doc)
    }
    fn put_document(
        &self,
        doc: &NamedNode,
        replaces: &[NamedNode],
        quads: &[Quad],
    ) -> Result<(), StoreError> {
        if self.refuse_document.as_ref() == Some(doc) {
            return Err(StoreError::Storage("disk full (test)".into()));
        }
        self.inner.put_document(doc, replaces, quads)
    }
    fn documents(&self) -> Result<Vec<(NamedNode, String)>, StoreError> {
        self.inner.documents()
    }
    fn bulk(&self) -> Box<dyn BulkWrite + '_> {
        if self.refuse_commits {
            Box::new(RefusedCommit)
        } else {
            self.inner.bulk()
        }
    }
    fn put_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<bool, StoreError> {
        self.inner.put_graph(graph, quads)
    }
    fn select(&self, sparql: &str) -> Result<Table, StoreError> {
        self.inner.select(sparql)
    }
    fn construct(&self, sparql: &str) -> Result<Vec<Triple>, StoreError> {
        self.inner.construct(sparql)
    }
    fn query_to(
        &self,
        sparql: &str,
        format: ResultFormat,
        out: &mut dyn Write,
    ) -> Result<(), StoreError> {
        self.inner.query_to(sparql, format, out)
    }
    fn export(
        &self,
        format: RdfFormat,
        graph: Option<&NamedNode>,
        out: &mut dyn Write,
    ) -> Result<(), StoreError> {
        self.inner.export(format, graph, out)
    }
    fn stats(&self) -> Result<Stats, StoreError> {
        self.inner.stats()
    }
    fn graph_quads(&self, graph: &NamedNode) -> Result<Vec<Quad>, StoreError> {
        self.inner.graph_quads(graph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::GraphName;

    fn doc(n: usize, source: &str, extra: usize) -> DocumentWrite {
        let d = NamedNode::new_unchecked(format!("https://w3id.org/spacekg/doc/test{n}"));
        let g = GraphName::NamedNode(d.clone());
        let mut quads = vec![Quad::new(
            d.clone(),
            vocab::sk("source"),
            Literal::new_simple_literal(source),
            g.clone(),
        )];
        for i in 0..extra {
            quads.push(Quad::new(
                d.clone(),
                vocab::sk("mentions"),
                NamedNode::new_unchecked(format!("https://w3id.org/spacekg/id/thing/{n}-{i}")),
                g.clone(),
            ));
        }
        DocumentWrite { doc: d, quads }
    }

    #[test]
    fn new_documents_are_stored_at_the_commit_and_a_changed_one_replaces_its_graph() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = EmbeddedStore::open(dir.path()).expect("store");
        let batch = vec![doc(1, "a.txt", 3), doc(2, "b.txt", 4), doc(3, "c.txt", 5)];
        let mut bulk = store.bulk();
        bulk.add(batch[..2].to_vec()).expect("add");
        bulk.add(batch[2..].to_vec()).expect("add");
        assert_eq!(
            store.documents().expect("documents").len(),
            0,
            "not before the commit"
        );
        bulk.commit().expect("commit");
        // Each document: its source and its mentions.
        assert_eq!(store.stats().expect("stats").quads, 4 + 5 + 6);
        let mut docs = store.documents().expect("documents");
        docs.sort_by(|a, b| a.1.cmp(&b.1));
        let sources: Vec<&str> = docs.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(sources, ["a.txt", "b.txt", "c.txt"]);
        for d in &batch {
            assert!(store
                .store
                .contains_named_graph(NamedOrBlankNodeRef::NamedNode(d.doc.as_ref()))
                .expect("lookup"));
        }

        // A new version of b.txt replaces document 2 and leaves the others alone.
        let newer = doc(4, "b.txt", 1);
        store
            .put_document(
                &newer.doc,
                std::slice::from_ref(&batch[1].doc),
                &newer.quads,
            )
            .expect("replace");
        let mut bulk = store.bulk();
        bulk.add(vec![doc(5, "d.txt", 2)]).expect("add");
        bulk.commit().expect("commit");
        let docs = store.documents().expect("documents");
        assert_eq!(docs.len(), 4);
        assert_eq!(docs.iter().filter(|(_, s)| s == "b.txt").count(), 1);
        assert!(!store
            .store
            .contains_named_graph(NamedOrBlankNodeRef::NamedNode(batch[1].doc.as_ref()))
            .expect("lookup"));
        assert_eq!(store.stats().expect("stats").quads, 4 + 6 + 2 + 3);
    }

    fn count(store: &EmbeddedStore, sparql: &str) -> usize {
        let t = store.select(sparql).expect("query");
        t.text(0, "n")
            .and_then(|n| n.parse().ok())
            .expect("a count")
    }

    /// A document of `source` stating that each thing in `things` is a sk:Nation.
    fn stating(n: usize, source: &str, things: &[&str]) -> DocumentWrite {
        let mut d = doc(n, source, 0);
        let g = GraphName::NamedNode(d.doc.clone());
        for t in things {
            d.quads.push(Quad::new(
                NamedNode::new_unchecked(format!("https://w3id.org/spacekg/id/{t}")),
                vocab::sk("isoCode"),
                Literal::new_simple_literal(*t),
                g.clone(),
            ));
        }
        d
    }

    #[test]
    fn the_default_graph_holds_each_triple_once_until_no_graph_states_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = EmbeddedStore::open(dir.path()).expect("store");
        // Two releases state JP, one states FR; written in one bulk batch.
        let a = stating(1, "a.txt", &["JP", "FR"]);
        let b = stating(2, "b.txt", &["JP"]);
        let mut bulk = store.bulk();
        bulk.add(vec![a.clone(), b.clone()]).expect("add");
        bulk.commit().expect("commit");
        let jp = "SELECT (COUNT(*) AS ?n) WHERE { ?s sk:isoCode \"JP\" }";
        let fr = "SELECT (COUNT(*) AS ?n) WHERE { ?s sk:isoCode \"FR\" }";
        let per_graph = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s sk:isoCode \"JP\" } }";
        assert_eq!(
            count(&store, jp),
            1,
            "one solution however many releases state it"
        );
        assert_eq!(
            count(&store, per_graph),
            2,
            "each release keeps its own statement"
        );
        assert_eq!(count(&store, fr), 1);

        // a.txt changes and no longer states FR or JP: FR goes, JP stays (b.txt states it).
        let a2 = stating(3, "a.txt", &["DE"]);
        store
            .put_document(&a2.doc, std::slice::from_ref(&a.doc), &a2.quads)
            .expect("replace");
        assert_eq!(count(&store, jp), 1);
        assert_eq!(count(&store, fr), 0, "no graph states FR any more");
        // b.txt changes too: JP goes.
        let b2 = stating(4, "b.txt", &["DE"]);
        store
            .put_document(&b2.doc, std::slice::from_ref(&b.doc), &b2.quads)
            .expect("replace");
        assert_eq!(count(&store, jp), 0);
        let de = "SELECT (COUNT(*) AS ?n) WHERE { ?s sk:isoCode \"DE\" }";
        assert_eq!(count(&store, de), 1);
        // The merge is exactly the distinct triples of the named graphs.
        let stats = store.stats().expect("stats");
        let distinct = count(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
        );
        assert_eq!(stats.merged, distinct);
        assert_eq!(stats.merged, 2 + 1, "two documents' sources, one DE");
    }

    #[test]
    fn a_store_without_the_merged_graph_gets_it_when_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        {
            // What an older spacekg wrote: named graphs only.
            let old = Store::open(dir.path()).expect("store");
            for d in [stating(1, "a.txt", &["JP"]), stating(2, "b.txt", &["JP"])] {
                for q in &d.quads {
                    old.insert(q).expect("insert");
                }
            }
        }
        let store = EmbeddedStore::open(dir.path()).expect("store");
        let jp = "SELECT (COUNT(*) AS ?n) WHERE { ?s sk:isoCode \"JP\" }";
        assert_eq!(count(&store, jp), 1);
        assert_eq!(
            store.stats().expect("stats").merged,
            2 + 1,
            "two sources, one JP"
        );
    }
}
