//! Error types of the library. Each error names the file or the input it is about and what a
//! user can do next; the binary prints them with their chain of causes.

use std::path::PathBuf;

/// Why one input file could not be read as a release.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: the file looks binary (it holds NUL bytes), not a release")]
    Binary { path: PathBuf },
    #[error(
        "{path}: the file is not valid UTF-8 (first bad byte at offset {offset}); save it as UTF-8"
    )]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: the file is {size} bytes, more than the {limit}-byte limit for one release")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: no release text found ({reason})")]
    NoText { path: PathBuf, reason: String },
}

/// A problem in the background knowledge or ontology files.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("{file}:{line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: the Turtle does not parse: {message}")]
    Turtle { file: String, message: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// A failure of the store or of a query against it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error("storage error: {0}")]
    Storage(String),
    #[error("the SPARQL query does not parse: {0}")]
    QuerySyntax(String),
    #[error("the SPARQL query failed: {0}")]
    Query(String),
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("{0}")]
    Invalid(String),
}

/// An error while drawing a view.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("Graphviz `dot` failed: {0}")]
    Graphviz(String),
    #[error("cannot write the diagram: {0}")]
    Io(#[from] std::io::Error),
}

/// A failure while generating synthetic releases.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("the generator's vocabulary: {0}")]
    Vocabulary(#[from] KnowledgeError),
    #[error("{path}: cannot write: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("a generator thread panicked")]
    Panicked,
}

/// A failure while benchmarking.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Generate(#[from] GenerateError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    View(#[from] ViewError),
    #[error("competency query {0}: {1}")]
    Query(String, #[source] StoreError),
    #[error("the benchmark's input: {0}")]
    Input(String),
}
