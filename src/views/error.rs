//! Why a view could not be drawn.

use crate::store::error::StoreError;

/// An error while drawing a view.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("Graphviz `dot` failed: {0}")]
    Graphviz(String),
    #[error("cannot write the diagram")]
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
