//! spacekg turns press releases about international space partnerships into an RDF
//! knowledge graph: nations, organizations, people, events, initiatives, agreements, places
//! and quotes, each fact with the sentence that states it.
//!
//! The pipeline, one module a stage, each knowing only the one before it:
//! `reading` (files to releases) → `extract` (releases to entities, relations, quotes) →
//! `rdf` (extraction to quads) → `store` (quads in Oxigraph, SPARQL out) → `views`
//! (SPARQL to petgraph to DOT/SVG). `ingest` runs the first four; `knowledge` holds the
//! background data and ontology every stage reads. See ARCHITECTURE.md.

pub mod bench;
pub mod control;
pub mod date;
pub mod error;
pub mod eval;
pub mod extract;
pub mod generate;
pub mod ingest;
pub mod knowledge;
pub mod ontology;
pub mod rdf;
pub mod reading;
mod reading_html;
mod reading_layout;
pub mod reextract;
pub mod selection;
pub mod shacl;
pub mod store;
pub mod text;
pub mod views;
pub mod vocab;

pub use error::{
    BenchError, EvalError, GenerateError, KnowledgeError, OntologyProblem, ReadError,
    SelectionError, ShaclError, StoreError, ViewError,
};
pub use extract::{Extraction, Extractor};
pub use knowledge::Knowledge;
pub use store::{EmbeddedStore, GraphStore};
