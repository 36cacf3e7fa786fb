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
    #[error("{path}: the page {}, over the limit for one release page; refused unread", limit.describe())]
    PageLimit {
        path: PathBuf,
        limit: crate::reading::PageLimit,
    },
    #[error("{path}: the release text is {chars} characters long, more than the {limit}-character limit for one release")]
    TextTooLong {
        path: PathBuf,
        chars: usize,
        limit: usize,
    },
    #[error("{path}: a paragraph (or the title line) is {chars} characters long, more than the {limit}-character limit; separate its paragraphs with blank lines")]
    ParagraphTooLong {
        path: PathBuf,
        chars: usize,
        limit: usize,
    },
}

/// A glob given to `--include` or `--exclude` that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("{flag} {pattern:?} is not a valid glob: {source}")]
pub struct SelectionError {
    pub flag: &'static str,
    pub pattern: String,
    #[source]
    pub source: globset::Error,
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
    #[error(
        "the store at {path} is in use by another spacekg process; {}",
        crate::store::LOCKED_HINT
    )]
    Locked { path: PathBuf },
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
    #[error("no {what} in the graph matches {name:?}{hint}")]
    NotFound {
        what: String,
        name: String,
        hint: String,
    },
    #[error("{name:?} matches {} entities; name one of them:\n{}", candidates.len(), candidates.iter().map(|c| format!("  {c}")).collect::<Vec<_>>().join("\n"))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    #[error("{0:?} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    #[error("--min-confidence {0} is out of range: give a number from 0 to 1")]
    BadConfidence(f64),
    #[error("{0}")]
    Unavailable(String),
}

/// A problem found in an ontology extension file by `ontology check`; `Problem` adds the
/// file and line it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OntologyProblem {
    #[error("Turtle syntax error: {0}")]
    Syntax(String),
    #[error("unknown prefix `{0}:`: declare it with `@prefix {0}: <...> .`")]
    UnknownPrefix(String),
    #[error("class {0} has no parent: give it rdfs:subClassOf a core class (for an event kind, sk:Event or one of its subclasses such as sk:Exercise)")]
    NoParent(String),
    #[error("class {class} has no parent in the core: its parents ({parents}) never reach a class of the core ontology")]
    NoCoreParent { class: String, parents: String },
    #[error("class {0} has sk:trigger or sk:headWord values but is no event class: make it a subclass of sk:Event or one of its subclasses")]
    NotAnEvent(String),
    #[error("{0} has no rdfs:label")]
    NoLabel(String),
    #[error("event class {0} has no sk:trigger: give it the words or phrases that signal it in running text")]
    NoTrigger(String),
    #[error("trigger \"{trigger}\" of {class} clashes with the trigger \"{other_trigger}\" of {other_class} ({other_file}): a trigger belongs to one class only")]
    TriggerClash {
        trigger: String,
        class: String,
        other_trigger: String,
        other_class: String,
        other_file: String,
    },
    #[error("{subject}: {message}")]
    Entity { subject: String, message: String },
}

/// Shapes that cannot be read, or a store that cannot be read for validation.
#[derive(Debug, thiserror::Error)]
pub enum ShaclError {
    #[error("{file}: the shapes do not parse: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: {feature} is outside the SHACL subset spacekg evaluates (sh:NodeShape, sh:targetClass, sh:property, sh:path as an IRI, sh:minCount, sh:maxCount, sh:class, sh:datatype, sh:nodeKind, sh:or, sh:message, sh:severity)")]
    Unsupported { file: String, feature: String },
    #[error(transparent)]
    Store(#[from] StoreError),
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
