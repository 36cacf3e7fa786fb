//! Failures of the store, of a query, and of SHACL validation.

use std::path::PathBuf;

/// A failure of the store or of a query against it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store could not be opened; `step` says what failed after the files opened (empty
    /// when opening them failed).
    #[error("cannot open the store at {path}{step}")]
    Open {
        path: PathBuf,
        step: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error(
        "the store at {path} is in use by another spacekg process; {}",
        crate::store::LOCKED_HINT
    )]
    Locked { path: PathBuf },
    #[error("storage error")]
    Storage(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("the SPARQL query does not parse")]
    QuerySyntax(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("the SPARQL query failed")]
    Query(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("cannot write the output")]
    Output(#[from] std::io::Error),
    #[error("{0}")]
    Invalid(String),
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

/// An error and its chain of causes on one line ("storage error: disk full"), for reports
/// that keep errors as text.
pub fn with_causes(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_storage_error_keeps_its_cause_as_its_source() {
        let e = StoreError::Storage(Box::new(std::io::Error::other("disk full")));
        let source = std::error::Error::source(&e).map(ToString::to_string);
        assert_eq!(source.as_deref(), Some("disk full"));
        assert_eq!(with_causes(&e), "storage error: disk full");
    }
}
