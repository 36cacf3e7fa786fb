//! Ingesting releases: read each file, extract, map to quads and write its document graph
//! in one transaction. One bad file is reported and never stops the batch.

use crate::error::StoreError;
use crate::extract::Extractor;
use crate::knowledge::Knowledge;
use crate::rdf;
use crate::reading::{self, Release};
use crate::store::{DocumentState, GraphStore};
use std::path::{Path, PathBuf};

/// What happened to each input.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub new: Vec<PathBuf>,
    /// New content for a source already stored: its old graph was replaced.
    pub replaced: Vec<PathBuf>,
    pub unchanged: Vec<PathBuf>,
    /// Files that could not be read or stored, with the reason.
    pub failed: Vec<(PathBuf, String)>,
    /// Files not of a release type.
    pub skipped: Vec<(PathBuf, String)>,
    /// Entities and quads written by this run.
    pub entities: usize,
    pub quads: usize,
}

/// Loads the ontology and background knowledge graphs if they changed.
pub fn prepare(store: &dyn GraphStore, kb: &Knowledge) -> Result<(), StoreError> {
    let onto = rdf::ontology_quads(kb).map_err(|e| StoreError::Invalid(e.to_string()))?;
    store.put_graph(&rdf::ontology_graph(), &onto)?;
    store.put_graph(&rdf::background_graph(), &rdf::background_quads(kb))?;
    Ok(())
}

/// Ingests one release already read.
pub fn ingest_release(
    store: &dyn GraphStore,
    extractor: &Extractor<'_>,
    release: &Release,
) -> Result<(DocumentState, usize, usize), StoreError> {
    let doc = rdf::document_iri(&rdf::content_hash(&release.content));
    let state = store.document_state(&release.source, &doc)?;
    if state == DocumentState::Unchanged {
        return Ok((state, 0, 0));
    }
    let extraction = extractor.extract(release);
    let (doc, quads) = rdf::document_quads(release, &extraction, extractor.kb);
    let replaces = match &state {
        DocumentState::New { replaces } => replaces.clone(),
        DocumentState::Unchanged => Vec::new(),
    };
    store.put_document(&doc, &replaces, &quads)?;
    Ok((state, extraction.entities.len(), quads.len()))
}

/// Ingests every release file under `paths`.
pub fn ingest_paths(
    store: &dyn GraphStore,
    kb: &Knowledge,
    paths: &[PathBuf],
) -> Result<IngestReport, StoreError> {
    prepare(store, kb)?;
    let extractor = Extractor::new(kb);
    let (files, skipped) = reading::collect_files(paths);
    let mut report = IngestReport {
        skipped,
        ..IngestReport::default()
    };
    for f in files {
        ingest_file(store, &extractor, &f, &mut report);
    }
    Ok(report)
}

fn ingest_file(
    store: &dyn GraphStore,
    extractor: &Extractor<'_>,
    path: &Path,
    report: &mut IngestReport,
) {
    let release = match reading::read_path(path) {
        Ok(r) => r,
        Err(e) => {
            report.failed.push((path.to_path_buf(), e.to_string()));
            return;
        }
    };
    match ingest_release(store, extractor, &release) {
        Ok((DocumentState::Unchanged, _, _)) => report.unchanged.push(path.to_path_buf()),
        Ok((DocumentState::New { replaces }, entities, quads)) => {
            if replaces.is_empty() {
                report.new.push(path.to_path_buf());
            } else {
                report.replaced.push(path.to_path_buf());
            }
            report.entities += entities;
            report.quads += quads;
        }
        Err(e) => report
            .failed
            .push((path.to_path_buf(), format!("{}: {e}", path.display()))),
    }
}
