//! Ingesting releases: read each file, extract, map to quads and write its document graph,
//! each document all or nothing. Extraction runs on every core; the store is written in
//! input order. One bad file is reported and never stops the batch.

pub mod control;
pub mod reextract;

use crate::extract::Extractor;
use crate::ingest::control::{emit, Event, Observer, StopFlag};
use crate::knowledge::Knowledge;
use crate::rdf;
use crate::reading;
use crate::reading::selection::{self, Candidate, Selection};
use crate::store::error::StoreError;
use crate::store::{BulkWrite, DocumentWrite, GraphStore};
use crate::vocab;
use oxigraph::model::{NamedNode, Quad};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// What happened to each input.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub new: Vec<PathBuf>,
    /// New content for a source already stored: its old graph was replaced.
    pub replaced: Vec<PathBuf>,
    pub unchanged: Vec<PathBuf>,
    /// Files that could not be read or stored, with the reason.
    pub failed: Vec<(PathBuf, String)>,
    /// Files not taken as releases (by type, name, `--exclude`, or because they do not read
    /// as a release), with the reason.
    pub skipped: Vec<(PathBuf, String)>,
    /// Files in the folders that no `--include` glob matched.
    pub not_included: usize,
    /// Entities and quads written by this run.
    pub entities: usize,
    pub quads: usize,
    /// Whether a stop was requested: the files before it were stored (or failed), the rest
    /// (`not_reached`) were not read.
    pub interrupted: bool,
    pub not_reached: usize,
}

impl IngestReport {
    /// Documents this run stored: new and replaced.
    pub fn stored(&self) -> usize {
        self.new.len() + self.replaced.len()
    }
}

/// Loads the ontology and background knowledge graphs if they changed.
pub(crate) fn prepare(store: &dyn GraphStore, kb: &Knowledge) -> Result<(), StoreError> {
    let onto = rdf::ontology_quads(kb)
        .map_err(|e| StoreError::Invalid(crate::store::error::with_causes(&e)))?;
    store.put_graph(&vocab::ontology_graph(), &onto)?;
    store.put_graph(&vocab::background_graph(), &rdf::background_quads(kb))?;
    Ok(())
}

/// Ingests one release already read (the tests' way to store a release as it stands).
#[cfg(test)]
pub(crate) fn ingest_release(
    store: &dyn GraphStore,
    extractor: &Extractor<'_>,
    release: &reading::Release,
) -> Result<(crate::store::DocumentState, usize, usize), StoreError> {
    let doc = vocab::document_iri(&rdf::content_hash(&release.content));
    let state = store.document_state(&release.source, &doc)?;
    if state == crate::store::DocumentState::Unchanged {
        return Ok((state, 0, 0));
    }
    let extraction = extractor.extract(release);
    let (doc, quads) = rdf::document_quads(release, &extraction, extractor.kb);
    let replaces = match &state {
        crate::store::DocumentState::New { replaces } => replaces.clone(),
        crate::store::DocumentState::Unchanged => Vec::new(),
    };
    store.put_document(&doc, &replaces, &quads)?;
    Ok((state, extraction.entities.len(), quads.len()))
}

/// Quads gathered before new documents are handed to the bulk write together.
pub const BATCH_QUADS: usize = 400_000;

/// Quads handed to one bulk write before it is committed: its index files wait on disk, not
/// in memory, and are ingested together, so fewer commits mean less merging of the store's
/// files (and what a failed commit loses is at most this much, to be ingested again).
pub const COMMIT_QUADS: usize = 12_000_000;

/// Prepared documents that extraction may run ahead of the writer (a generated release gives
/// about 260 quads, so this is about one batch).
const AHEAD: usize = 1_500;

/// The threads extraction runs on: every core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// How an ingest runs.
#[derive(Clone)]
pub struct IngestOptions<'a> {
    /// Threads reading and extracting files.
    pub threads: usize,
    /// Quads gathered before new documents are handed to the bulk write (`BATCH_QUADS`).
    pub batch_quads: usize,
    /// Quads handed to one bulk write before it is committed (`COMMIT_QUADS`).
    pub commit_quads: usize,
    /// Which files of the folders are read.
    pub selection: Selection,
    /// Checked between files: once requested, no more files are read, and what was read is
    /// stored.
    pub stop: Option<StopFlag>,
    pub observer: Option<Observer<'a>>,
}

impl Default for IngestOptions<'_> {
    fn default() -> Self {
        IngestOptions {
            threads: default_threads(),
            batch_quads: BATCH_QUADS,
            commit_quads: COMMIT_QUADS,
            selection: Selection::default(),
            stop: None,
            observer: None,
        }
    }
}

/// What the stored documents are: their IRIs, and the documents read from each source.
#[derive(Debug, Default)]
struct DocumentIndex {
    docs: HashSet<NamedNode>,
    by_source: HashMap<String, Vec<NamedNode>>,
}

impl DocumentIndex {
    fn load(store: &dyn GraphStore) -> Result<Self, StoreError> {
        let mut index = DocumentIndex::default();
        for (doc, source) in store.documents()? {
            index.docs.insert(doc.clone());
            let docs = index.by_source.entry(source).or_default();
            if !docs.contains(&doc) {
                docs.push(doc);
            }
        }
        Ok(index)
    }
}

/// One file after reading and extraction, before the store.
enum Prepared {
    Failed(String),
    /// Read, but not a release.
    Skipped(String),
    /// Its content is stored already.
    Unchanged,
    Ready {
        source: String,
        doc: NamedNode,
        quads: Vec<Quad>,
        entities: usize,
    },
}

/// Reads, hashes and (unless stored) extracts one file: a pure function of the file, the
/// knowledge and the documents stored before the run, so it runs on any thread.
fn prepare_file(
    file: &Candidate,
    index: usize,
    extractor: &Extractor<'_>,
    stored: &HashSet<NamedNode>,
    observer: Option<Observer<'_>>,
) -> Prepared {
    let release = match reading::read_path(&file.path) {
        Ok(r) => r,
        Err(e) => return Prepared::Failed(crate::store::error::with_causes(&e)),
    };
    emit(observer, Event::Read { index });
    let doc = vocab::document_iri(&rdf::content_hash(&release.content));
    if stored.contains(&doc) {
        return Prepared::Unchanged;
    }
    if let Some(why) = selection::not_a_release(file, &release) {
        return Prepared::Skipped(why);
    }
    let extraction = extractor.extract(&release);
    emit(observer, Event::Extracted { index });
    let (doc, quads) = rdf::document_quads(&release, &extraction, extractor.kb);
    Prepared::Ready {
        source: release.source,
        doc,
        quads,
        entities: extraction.entities.len(),
    }
}

/// Ingests every release file under `paths`, extracting on every core.
pub fn ingest_paths(
    store: &dyn GraphStore,
    kb: &Knowledge,
    paths: &[PathBuf],
) -> Result<IngestReport, StoreError> {
    ingest(store, kb, paths, &IngestOptions::default())
}

/// Ingests every release file under `paths` with `threads` extraction threads (tests).
#[cfg(test)]
pub(crate) fn ingest_paths_with(
    store: &dyn GraphStore,
    kb: &Knowledge,
    paths: &[PathBuf],
    threads: usize,
) -> Result<IngestReport, StoreError> {
    let options = IngestOptions {
        threads,
        ..IngestOptions::default()
    };
    ingest(store, kb, paths, &options)
}

/// Ingests the release files under `paths`.
///
/// Files are read and extracted in parallel (the matchers are built once and shared); the
/// store is written from this thread in input order, so the result does not depend on the
/// number of threads. Which documents are stored is read once at the start, not asked per
/// file. New documents are written in batches of whole documents (`GraphStore::bulk`);
/// a document that replaces an older version of its source is written alone, after
/// everything before it. A file that fails is reported and the batch goes on. When a stop is
/// requested, no further file is read, and every file taken up so far is stored before this
/// returns (the safe point: documents are whole or absent).
pub fn ingest(
    store: &dyn GraphStore,
    kb: &Knowledge,
    paths: &[PathBuf],
    options: &IngestOptions<'_>,
) -> Result<IngestReport, StoreError> {
    prepare(store, kb)?;
    let extractor = Extractor::new(kb);
    let collected = selection::collect(paths, &options.selection);
    let files = collected.files;
    let mut report = IngestReport {
        skipped: collected.skipped,
        not_included: collected.not_included,
        ..IngestReport::default()
    };
    let observer = options.observer;
    emit(observer, Event::Planned { total: files.len() });
    let mut index = DocumentIndex::load(store)?;
    let stored = index.docs.clone();
    let threads = options.threads.clamp(1, files.len().max(1));
    let next = AtomicUsize::new(0);
    let stop = options.stop.clone().unwrap_or_default();
    let mut writer = Writer::new(store, options);
    let mut due = 0;
    std::thread::scope(|s| {
        // Room for about a batch of prepared documents, so that extraction goes on while
        // the writer waits for a batch to be loaded.
        let (tx, rx) = mpsc::sync_channel::<(usize, Prepared)>(AHEAD);
        for _ in 0..threads {
            let tx = tx.clone();
            let (files, extractor, stored, next, stop) =
                (&files, &extractor, &stored, &next, &stop);
            s.spawn(move || loop {
                if stop.requested() {
                    return;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else {
                    return;
                };
                let prepared = prepare_file(file, i, extractor, stored, observer);
                if tx.send((i, prepared)).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        // Results come in any order; they are taken up in input order.
        let mut pending: BTreeMap<usize, Prepared> = BTreeMap::new();
        for (i, prepared) in rx {
            if stop.requested() {
                // Dropping the receiver stops the readers at their next file.
                break;
            }
            pending.insert(i, prepared);
            while let Some(p) = pending.remove(&due) {
                let path = &files[due].path;
                due += 1;
                writer.take(&mut index, &mut report, path, p);
                emit(
                    observer,
                    Event::Progress {
                        done: due,
                        stored: report.stored(),
                    },
                );
            }
        }
    });
    if stop.requested() && due < files.len() {
        emit(observer, Event::Stopping);
        report.interrupted = true;
        report.not_reached = files.len() - due;
    }
    writer.commit(&mut index, &mut report);
    emit(
        observer,
        Event::Progress {
            done: due,
            stored: report.stored(),
        },
    );
    Ok(report)
}

/// New documents on their way to the store: gathered into a batch, the batch handed to a
/// bulk write (which encodes it in the background), the bulk write committed every
/// `COMMIT_QUADS` quads and at the end. A document counts as new once its commit succeeded.
struct Writer<'s> {
    store: &'s dyn GraphStore,
    batch_quads_limit: usize,
    commit_quads_limit: usize,
    observer: Option<Observer<'s>>,
    bulk: Option<Box<dyn BulkWrite + 's>>,
    batch: Vec<DocumentWrite>,
    batch_quads: usize,
    /// Every document handed to the bulk write since its last commit: file, document,
    /// entities, quads.
    pending: Vec<(PathBuf, NamedNode, usize, usize)>,
    pending_quads: usize,
}

impl<'s> Writer<'s> {
    fn new(store: &'s dyn GraphStore, options: &IngestOptions<'s>) -> Self {
        Writer {
            store,
            batch_quads_limit: options.batch_quads.max(1),
            commit_quads_limit: options.commit_quads.max(1),
            observer: options.observer,
            bulk: None,
            batch: Vec::new(),
            batch_quads: 0,
            pending: Vec::new(),
            pending_quads: 0,
        }
    }

    fn take(
        &mut self,
        index: &mut DocumentIndex,
        report: &mut IngestReport,
        path: &Path,
        prepared: Prepared,
    ) {
        let (source, doc, quads, entities) = match prepared {
            Prepared::Failed(why) => {
                report.failed.push((path.to_path_buf(), why));
                return;
            }
            Prepared::Skipped(why) => {
                report.skipped.push((path.to_path_buf(), why));
                return;
            }
            Prepared::Unchanged => {
                report.unchanged.push(path.to_path_buf());
                return;
            }
            Prepared::Ready {
                source,
                doc,
                quads,
                entities,
            } => (source, doc, quads, entities),
        };
        // The same content may come twice in one run (two copies of a file).
        if index.docs.contains(&doc) {
            report.unchanged.push(path.to_path_buf());
            return;
        }
        let replaces: Vec<NamedNode> = index
            .by_source
            .get(&source)
            .map(|d| d.iter().filter(|d| **d != doc).cloned().collect())
            .unwrap_or_default();
        for old in &replaces {
            index.docs.remove(old);
        }
        index.docs.insert(doc.clone());
        index.by_source.insert(source, vec![doc.clone()]);
        if !replaces.is_empty() {
            // Whatever came before is stored first, then the replacement in a transaction
            // that removes the older graphs.
            self.commit(index, report);
            match self.store.put_document(&doc, &replaces, &quads) {
                Ok(()) => {
                    report.replaced.push(path.to_path_buf());
                    report.entities += entities;
                    report.quads += quads.len();
                }
                Err(e) => {
                    index.docs.remove(&doc);
                    report.failed.push((
                        path.to_path_buf(),
                        format!(
                            "{}: {}",
                            path.display(),
                            crate::store::error::with_causes(&e)
                        ),
                    ));
                }
            }
            return;
        }
        self.batch_quads += quads.len();
        self.pending
            .push((path.to_path_buf(), doc.clone(), entities, quads.len()));
        self.batch.push(DocumentWrite { doc, quads });
        if self.batch_quads >= self.batch_quads_limit {
            self.send(index, report);
        }
        if self.pending_quads >= self.commit_quads_limit {
            self.commit(index, report);
        }
    }

    /// Hands the batch to the bulk write.
    fn send(&mut self, index: &mut DocumentIndex, report: &mut IngestReport) {
        if self.batch.is_empty() {
            return;
        }
        let store = self.store;
        let bulk = self.bulk.get_or_insert_with(|| store.bulk());
        self.pending_quads += self.batch_quads;
        emit(
            self.observer,
            Event::BatchSent {
                documents: self.batch.len(),
                quads: self.batch_quads,
            },
        );
        self.batch_quads = 0;
        if let Err(e) = bulk.add(std::mem::take(&mut self.batch)) {
            self.bulk = None;
            self.fail_pending(index, report, &e);
        }
    }

    /// Stores everything handed over so far, all or nothing.
    fn commit(&mut self, index: &mut DocumentIndex, report: &mut IngestReport) {
        self.send(index, report);
        let Some(bulk) = self.bulk.take() else {
            return;
        };
        let documents = self.pending.len();
        emit(self.observer, Event::CommitStarted { documents });
        match bulk.commit() {
            Ok(()) => {
                emit(self.observer, Event::Committed { documents });
                for (path, _, entities, quads) in self.pending.drain(..) {
                    report.new.push(path);
                    report.entities += entities;
                    report.quads += quads;
                }
                self.pending_quads = 0;
            }
            Err(e) => self.fail_pending(index, report, &e),
        }
    }

    /// The documents of a failed bulk write: none of them was stored.
    fn fail_pending(
        &mut self,
        index: &mut DocumentIndex,
        report: &mut IngestReport,
        e: &StoreError,
    ) {
        for (path, doc, _, _) in self.pending.drain(..) {
            // Not stored after all: a later copy of the same content may try again.
            index.docs.remove(&doc);
            let why = format!(
                "{}: not stored: {}",
                path.display(),
                crate::store::error::with_causes(e)
            );
            report.failed.push((path, why));
        }
        self.pending_quads = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::EmbeddedStore;
    use oxigraph::io::RdfFormat;

    /// The first `n` bundled sample releases, copied into a fresh folder.
    fn corpus(n: usize) -> (Knowledge, tempfile::TempDir) {
        let kb = Knowledge::load(&[]).expect("knowledge");
        let dir = tempfile::tempdir().expect("temp dir");
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/releases");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&samples)
            .expect("data/releases")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        assert!(files.len() >= n, "{} sample releases", files.len());
        for f in &files[..n] {
            let name = f.file_name().expect("file name");
            std::fs::copy(f, dir.path().join(name)).expect("copy");
        }
        (kb, dir)
    }

    /// The store's quads, sorted, without the ontology graph (its blank nodes, and so its
    /// content hash, are named afresh by each load).
    fn export(store: &EmbeddedStore) -> Vec<String> {
        let mut out = Vec::new();
        store
            .export(RdfFormat::NQuads, None, &mut out)
            .expect("export");
        let mut lines: Vec<String> = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .filter(|l| !l.ends_with(&format!("<{}> .", vocab::ontology_graph().as_str())))
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    }

    #[test]
    fn the_graph_does_not_depend_on_the_number_of_threads() {
        let (kb, dir) = corpus(24);
        let paths = [dir.path().to_path_buf()];
        let one = EmbeddedStore::in_memory().expect("store");
        let r1 = ingest_paths_with(&one, &kb, &paths, 1).expect("ingest");
        let four = EmbeddedStore::in_memory().expect("store");
        let r4 = ingest_paths_with(&four, &kb, &paths, 4).expect("ingest");
        assert_eq!(r1.new, r4.new);
        assert_eq!(r1.new.len(), 24);
        assert_eq!((r1.quads, r1.entities), (r4.quads, r4.entities));
        let (a, b) = (export(&one), export(&four));
        assert!(a.len() > 24 * 100);
        let diff: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).take(3).collect();
        assert!(a == b, "{} and {} quads; {diff:?}", a.len(), b.len());
        assert_eq!(one.documents().expect("documents").len(), 24);
    }

    #[test]
    fn unchanged_copies_and_bad_files_change_nothing_and_a_changed_file_replaces_its_graph() {
        let (kb, dir) = corpus(12);
        let files: Vec<PathBuf> = reading::collect_files(&[dir.path().to_path_buf()]).0;
        // A copy of a release under another name, and an empty file, among the others.
        let copy = dir.path().join("zz-copy-of-a-release.txt");
        std::fs::copy(&files[2], &copy).expect("copy");
        let empty = dir.path().join("zz-empty.txt");
        std::fs::write(&empty, "  \n").expect("empty file");
        let store = EmbeddedStore::in_memory().expect("store");
        let paths = [dir.path().to_path_buf()];
        let first = ingest_paths_with(&store, &kb, &paths, 3).expect("ingest");
        assert_eq!(first.new.len(), 12);
        assert_eq!(first.unchanged, vec![copy.clone()]);
        assert_eq!(first.failed.len(), 1);
        assert_eq!(first.failed[0].0, empty);
        let before = export(&store);

        let again = ingest_paths_with(&store, &kb, &paths, 2).expect("ingest again");
        assert!(again.new.is_empty() && again.replaced.is_empty());
        assert_eq!(again.unchanged.len(), 13);
        assert!(export(&store) == before, "the store changed");

        // Edit one release: its old graph goes, the new one comes, nothing else moves.
        let edited = &files[7];
        let text = std::fs::read_to_string(edited).expect("read");
        std::fs::write(edited, format!("{text}\n\nAn added paragraph closes it.\n"))
            .expect("write");
        let third = ingest_paths_with(&store, &kb, &paths, 2).expect("ingest edited");
        assert_eq!(third.replaced, vec![edited.clone()]);
        assert!(third.new.is_empty());
        let docs = store.documents().expect("documents");
        assert_eq!(docs.len(), 12, "one document per source");
        let source = edited.display().to_string();
        assert_eq!(docs.iter().filter(|(_, s)| *s == source).count(), 1);
    }

    #[test]
    fn a_failed_commit_names_every_file_it_held_and_stores_none_of_them() {
        let (kb, dir) = corpus(6);
        let inner = EmbeddedStore::in_memory().expect("store");
        let store = crate::store::FaultyStore {
            inner: &inner,
            refuse_document: None,
            refuse_commits: true,
        };
        let report =
            ingest_paths_with(&store, &kb, &[dir.path().to_path_buf()], 2).expect("ingest");
        assert!(report.new.is_empty());
        assert_eq!(report.failed.len(), 6);
        assert!(report.failed.iter().all(
            |(p, why)| why.contains(&p.display().to_string()) && why.contains("no space left")
        ));
        assert!(
            inner.documents().expect("documents").is_empty(),
            "nothing half-written"
        );
        // Run again on a working store: every file is new, none is taken as stored.
        let again = ingest_paths_with(&inner, &kb, &[dir.path().to_path_buf()], 2).expect("ingest");
        assert_eq!(again.new.len(), 6);
    }
}
