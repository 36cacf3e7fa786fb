//! Problems in the background knowledge, the ontology and its extension files.

use std::path::PathBuf;

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
    #[error("{path}: cannot read")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
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
