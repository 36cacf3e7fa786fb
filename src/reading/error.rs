//! Why a file could not be read as a release, and bad file selections.

use std::path::PathBuf;

/// Why one input file could not be read as a release.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read the file")]
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
#[error("{flag} {pattern:?} is not a valid glob")]
pub struct SelectionError {
    pub flag: &'static str,
    pub pattern: String,
    #[source]
    pub source: globset::Error,
}
