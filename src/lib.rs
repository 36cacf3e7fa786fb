//! spacekg turns press releases about international space partnerships into an RDF
//! knowledge graph: nations, organizations, people, events, initiatives, agreements, places
//! and quotes, each fact with the sentence that states it.
//!
//! The modules, bottom to top; each uses only the ones above it in this list (a test,
//! `tidy`, checks it). See ARCHITECTURE.md.
//!
//! - foundations: `text` (slugs and form keys), `date`, `vocab` (every IRI); each stage
//!   keeps its own error types;
//! - `knowledge`: the gazetteers, cue phrases and ontology loaded from `data/` and
//!   `ontology/`, and the checks of ontology extensions;
//! - `reading`: files to releases (text, HTML, layouts), and which files are releases;
//! - `extract`: releases to entities, relations and quotes (rules as units), knowing no RDF;
//! - `rdf`: an extraction to quads;
//! - `store`: quads in Oxigraph, SPARQL out, SHACL validation;
//! - `ingest`: the pipeline run over files into a store (and re-extraction), interruptible;
//! - `views`: SPARQL to petgraph to DOT/SVG.
//!
//! The command line (`src/main.rs`, `src/cli/`) and its developer tools (`eval`, `bench`,
//! `generate`) are the binary's, not the library's; the fuzz harness is the `tools/` crate's.

pub mod date;
pub mod text;
pub mod vocab;

pub mod extract;
pub mod ingest;
pub mod knowledge;
pub mod rdf;
pub mod reading;
pub mod store;
pub mod views;

pub use extract::{Extraction, Extractor};
pub use knowledge::error::{KnowledgeError, OntologyProblem};
pub use knowledge::Knowledge;
pub use reading::error::{ReadError, SelectionError};
pub use store::error::{ShaclError, StoreError};
pub use store::{EmbeddedStore, GraphStore};
pub use views::error::ViewError;
