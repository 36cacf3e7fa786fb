//! Reading releases: plain text in the genre's layout and saved HTML pages, from files or
//! whole folders. A release is reduced to its text (the `content` every offset refers to)
//! and the metadata its layout states: title, publication date, byline, office, dateline.
//!
//! Plain text layout (as a reader copies a release from the publisher's page):
//!
//! ```text
//! US, Japan host first-ever Space Engagement Talks      <- title
//!   • Published Dec. 14, 2022                           <- bullet lines (optional)
//!   • By Tech. Sgt. Nick Wilson
//!   • Pacific Air Forces Public Affairs                 <- office: the publisher
//! YOKOTA AIR BASE, Japan -- The ongoing race ...        <- dateline, then the body
//! ```
//!
//! An HTML page is turned into the same layout (title, bullets from its metadata, one
//! paragraph per block element of the article), then read like text.

pub mod error;

pub mod html;
mod layout;
pub mod selection;

use crate::date::Date;
use crate::reading::error::ReadError;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Largest file read as one release; larger files are refused with a clear error.
pub(crate) const MAX_RELEASE_BYTES: u64 = 10 * 1024 * 1024;

/// Longest release text, in characters (after an HTML page is reduced to its text); longer
/// releases are refused with a clear error. A release runs to a few thousand characters.
pub(crate) const MAX_TEXT_CHARS: usize = 1_000_000;

/// Longest paragraph (and title line), in characters: extraction's work on a paragraph grows
/// faster than its length, so a paragraph this long is refused. A release's paragraphs run to
/// a few hundred characters; a whole release pasted without blank lines stays well below.
pub(crate) const MAX_PARAGRAPH_CHARS: usize = 20_000;

pub use crate::reading::html::{check_shape, PageLimit};

/// A release as read, before extraction.
#[derive(Debug, Clone)]
pub struct Release {
    /// Where it was read from (a path as the user gave it, or a name).
    pub source: String,
    /// The text every offset refers to.
    pub content: String,
    pub title: Option<String>,
    /// Where the title stands in the content.
    pub title_span: Option<Range<usize>>,
    pub published: Option<Date>,
    /// The byline's person as printed, rank included ("Tech. Sgt. Nick Wilson").
    pub author: Option<String>,
    /// The office line, or the wire named in the dateline.
    pub publisher: Option<String>,
    /// The byline's and the office's lines in the content (evidence for what they state).
    pub author_span: Option<Range<usize>>,
    pub publisher_span: Option<Range<usize>>,
    pub dateline: Option<Dateline>,
    /// Byte ranges of the body's paragraphs (the dateline's paragraph included); headings,
    /// contact and link sections and photo credits are left out.
    pub paragraphs: Vec<Range<usize>>,
    /// The part of the release each paragraph belongs to (one per paragraph).
    pub blocks: Vec<Block>,
    /// Header lines written as a name and nothing else ("UAE Space Agency", "OFFICE OF THE
    /// SPOKESPERSON", "Tokyo"), in name case, with their place in the content: each is the
    /// office that publishes the release or the place it comes from, which extraction tells
    /// apart with the gazetteers.
    pub name_lines: Vec<(String, Range<usize>)>,
}

/// The part of a release a paragraph belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// The release's own text.
    Body,
    /// A "Quotes" section: quotations, each followed by a line naming the speaker.
    Quotes,
    /// "Quick facts": background facts.
    Facts,
    /// "About <organization>": boilerplate describing a body.
    About,
    /// Notes to editors, and what follows an end mark ("-30-", "Ends").
    Notes,
    /// A photo caption (its credit cut off).
    Caption,
}

/// The dateline that opens the body: `CITY, Region (date) --`.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// The place as printed ("YOKOTA AIR BASE").
    pub place: String,
    pub place_span: Range<usize>,
    /// What follows the place: a nation or region ("Japan", "Colo."), if printed.
    pub region: Option<String>,
    pub region_span: Option<Range<usize>>,
    pub date: Option<Date>,
}

/// What `read_path` made of one file.
#[derive(Debug)]
pub enum Input {
    Release(Box<Release>),
    /// Not a release file type; skipped with this reason.
    Skipped {
        path: PathBuf,
        reason: String,
    },
}

/// The files under `paths` that may hold releases (folders are walked recursively, in
/// name order), and the files skipped by type or name (see `selection`).
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let c =
        crate::reading::selection::collect(paths, &crate::reading::selection::Selection::default());
    (c.files.into_iter().map(|f| f.path).collect(), c.skipped)
}

fn extension(p: &Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether a file's name says it holds a release: `.txt`, `.text`, `.md`, `.html`, `.htm`.
/// Gold annotation files (`.gold.json`) and everything else are not releases.
pub(crate) fn is_release_file(p: &Path) -> bool {
    matches!(
        extension(p).as_str(),
        "txt" | "text" | "md" | "html" | "htm" | "xhtml"
    )
}

/// Reads one file as a release. Empty, binary, non-UTF-8 and oversized files are errors that
/// name the file and the problem.
pub fn read_path(path: &Path) -> Result<Release, ReadError> {
    let meta = std::fs::metadata(path).map_err(|source| ReadError::Io {
        path: path.into(),
        source,
    })?;
    if meta.len() > MAX_RELEASE_BYTES {
        return Err(ReadError::TooLarge {
            path: path.into(),
            size: meta.len(),
            limit: MAX_RELEASE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.into(),
        source,
    })?;
    let source = path.display().to_string();
    let ext = extension(path);
    let html = matches!(ext.as_str(), "html" | "htm" | "xhtml");
    read_bytes(&source, &bytes, html).map_err(|e| e.with_path(path))
}

/// Reads a release from bytes; `html` chooses the HTML reader.
pub fn read_bytes(source: &str, bytes: &[u8], html: bool) -> Result<Release, ReadError> {
    let path = PathBuf::from(source);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty { path });
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary { path });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        path: path.clone(),
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let layout;
    let text = if html || looks_like_html(text) {
        layout =
            crate::reading::html::html_to_layout(text).map_err(|limit| ReadError::PageLimit {
                path: path.clone(),
                limit,
            })?;
        if layout.trim().is_empty() {
            return Err(ReadError::NoText {
                path,
                reason: "the page has no article text".into(),
            });
        }
        layout.as_str()
    } else {
        text
    };
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ReadError::TextTooLong {
            path,
            chars,
            limit: MAX_TEXT_CHARS,
        });
    }
    let release = parse_text(source, text);
    let longest = release
        .paragraphs
        .iter()
        .chain(&release.title_span)
        .filter(|r| r.len() > MAX_PARAGRAPH_CHARS)
        .map(|r| release.content[r.clone()].chars().count())
        .max();
    if let Some(chars) = longest.filter(|c| *c > MAX_PARAGRAPH_CHARS) {
        return Err(ReadError::ParagraphTooLong {
            path,
            chars,
            limit: MAX_PARAGRAPH_CHARS,
        });
    }
    Ok(release)
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

impl ReadError {
    fn with_path(self, p: &Path) -> Self {
        let path = p.to_path_buf();
        match self {
            ReadError::Empty { .. } => ReadError::Empty { path },
            ReadError::Binary { .. } => ReadError::Binary { path },
            ReadError::NotUtf8 { offset, .. } => ReadError::NotUtf8 { path, offset },
            ReadError::NoText { reason, .. } => ReadError::NoText { path, reason },
            ReadError::PageLimit { limit, .. } => ReadError::PageLimit { path, limit },
            ReadError::TextTooLong { chars, limit, .. } => {
                ReadError::TextTooLong { path, chars, limit }
            }
            ReadError::ParagraphTooLong { chars, limit, .. } => {
                ReadError::ParagraphTooLong { path, chars, limit }
            }
            other => other,
        }
    }
}

pub(crate) use crate::reading::layout::{parse_text, region_is_city_part};

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "US, Japan host talks\n\n  • Published Dec. 14, 2022\n  • By Tech. Sgt. Nick Wilson\n  • Pacific Air Forces Public Affairs\n\nYOKOTA AIR BASE, Japan -- The first paragraph.\n\nThe second paragraph.\n";

    #[test]
    fn reads_the_layout() {
        let r = parse_text("s.txt", SAMPLE);
        assert_eq!(r.title.as_deref(), Some("US, Japan host talks"));
        assert_eq!(r.published.unwrap().to_string(), "2022-12-14");
        assert_eq!(r.author.as_deref(), Some("Tech. Sgt. Nick Wilson"));
        assert_eq!(
            r.publisher.as_deref(),
            Some("Pacific Air Forces Public Affairs")
        );
        let dl = r.dateline.unwrap();
        assert_eq!(dl.place, "YOKOTA AIR BASE");
        assert_eq!(dl.region.as_deref(), Some("Japan"));
        assert_eq!(&r.content[dl.place_span], "YOKOTA AIR BASE");
        assert_eq!(r.paragraphs.len(), 2);
        assert_eq!(&r.content[r.paragraphs[1].clone()], "The second paragraph.");
    }

    #[test]
    fn reads_a_posted_date_before_who_posted_it() {
        let r = parse_text(
            "x",
            "Agencies sign\n\nPosted On: 06 MAY 2025 5:30PM by Polar Press Office\n\nThe agencies signed an accord.\n",
        );
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2025-05-06")
        );
    }

    #[test]
    fn reads_datelines_with_dates_and_wires() {
        let r = parse_text(
            "x",
            "Title\n\nSEOUL, Republic of Korea (August 29, 2021) -- Body.\n",
        );
        assert_eq!(r.published.unwrap().to_string(), "2021-08-29");
        assert_eq!(
            r.dateline.unwrap().region.as_deref(),
            Some("Republic of Korea")
        );
        let r = parse_text(
            "x",
            "Title\n\nSubtitle line\n\nATHENS, Greece, July 1, 2021 /PRNewswire/ -- Body.\n",
        );
        assert_eq!(r.publisher.as_deref(), Some("PRNewswire"));
        assert_eq!(r.published.unwrap().to_string(), "2021-07-01");
        let r = parse_text(
            "x",
            "Title\n\nRELEASE 23-071\nJune 21, 2023\n\nWASHINGTON -- Body.\n",
        );
        assert_eq!(r.published.unwrap().to_string(), "2023-06-21");
        assert_eq!(r.dateline.unwrap().place, "WASHINGTON");
    }

    #[test]
    fn refuses_bad_bytes_with_reasons() {
        assert!(matches!(
            read_bytes("e", b"  \n", false),
            Err(ReadError::Empty { .. })
        ));
        assert!(matches!(
            read_bytes("b", b"ab\0cd", false),
            Err(ReadError::Binary { .. })
        ));
        assert!(matches!(
            read_bytes("u", b"ok \xff\xfe", false),
            Err(ReadError::NotUtf8 { offset: 3, .. })
        ));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any text reads without panicking, and every range lands on character boundaries
        /// inside the content.
        #[test]
        fn any_text_reads_to_valid_ranges(text in "(\\PC|\\n|•| -- |[A-Z]{3,10}, ){0,300}") {
            let r = parse_text("p.txt", &text);
            let ok = |rg: &std::ops::Range<usize>| {
                rg.start <= rg.end
                    && rg.end <= r.content.len()
                    && r.content.is_char_boundary(rg.start)
                    && r.content.is_char_boundary(rg.end)
            };
            for p in &r.paragraphs {
                prop_assert!(ok(p));
            }
            if let Some(t) = &r.title_span {
                prop_assert!(ok(t));
            }
            if let Some(d) = &r.dateline {
                prop_assert!(ok(&d.place_span));
            }
        }

        #[test]
        fn any_bytes_read_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read_bytes("b.txt", &bytes, false);
            let _ = read_bytes("b.html", &bytes, true);
        }
    }
}
