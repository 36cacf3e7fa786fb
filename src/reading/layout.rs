//! The genre's plain-text layout: which lines are the header (title, kind of document,
//! release number, date line, byline, office, "From:" line, a dateline on a line of its own),
//! where the body begins (a dateline, or the first sentence), and which parts of the body are
//! the release's own text, a "Quotes" section, background ("About X", notes to editors,
//! quick facts), photo captions, or lines that state nothing (contacts, links, credits).
//!
//! The words of the layout ("Media note", "From", "Notes to editors", "-30-") are data:
//! `data/layout.tsv`. What the layout does not give stays empty; reading never fails.
//!
//! ```text
//! Royal Air Force stands up a space wing          <- title
//!                                                 <- header lines, any of:
//! From: Ministry of Defence                       <-   publisher
//! News release                                    <-   kind of document (skipped)
//! 3 March 2025 – Ottawa, Ontario                  <-   date and dateline
//! OSLO, Norway (May 2, 2025) -- The body ...      <- or a dateline opening the body
//! ```

use crate::date::{find_dates, is_weekday, parse_date, Date};
use crate::reading::{Block, Dateline, Release};
use crate::text::LONGEST_NAME;
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// What a phrase of `data/layout.tsv` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Kind,
    LabelPublisher,
    LabelAuthor,
    LabelPublished,
    LabelUpdated,
    LabelPlace,
    Number,
    SectionAbout,
    SectionNotes,
    SectionQuotes,
    SectionFacts,
    SectionNone,
    End,
    Caption,
    Credit,
    CreditWord,
    CityPart,
}

/// The layout's phrases by role, keyed by `key`.
struct Layout {
    roles: HashMap<String, Vec<Role>>,
    /// The longest phrase, in words.
    max_words: usize,
}

const LAYOUT_TSV: &str = include_str!("../../data/layout.tsv");

static LAYOUT: LazyLock<Layout> = LazyLock::new(|| Layout::parse(LAYOUT_TSV));

/// Lowercase, curly apostrophes straightened, spaces collapsed, outer punctuation (other
/// than the marks that are phrases themselves) trimmed.
fn key(text: &str) -> String {
    let lower = text.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    let trimmed = joined.trim_matches(|c: char| matches!(c, ':' | ',' | ';' | '|'));
    trimmed.to_string()
}

impl Layout {
    fn parse(tsv: &str) -> Self {
        let mut roles: HashMap<String, Vec<Role>> = HashMap::new();
        for line in tsv.lines().skip(1) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((phrase, role)) = line.split_once('\t') else {
                continue;
            };
            let role = match role.trim() {
                "kind" => Role::Kind,
                "label-publisher" => Role::LabelPublisher,
                "label-author" => Role::LabelAuthor,
                "label-published" => Role::LabelPublished,
                "label-updated" => Role::LabelUpdated,
                "label-place" => Role::LabelPlace,
                "number" => Role::Number,
                "section-about" => Role::SectionAbout,
                "section-notes" => Role::SectionNotes,
                "section-quotes" => Role::SectionQuotes,
                "section-facts" => Role::SectionFacts,
                "section-none" => Role::SectionNone,
                "end" => Role::End,
                "caption" => Role::Caption,
                "credit" => Role::Credit,
                "credit-word" => Role::CreditWord,
                "city-part" => Role::CityPart,
                // The bundled file is checked by a test; an unknown role is skipped.
                _ => continue,
            };
            roles.entry(key(phrase)).or_default().push(role);
        }
        let max_words = roles
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Self { roles, max_words }
    }

    fn is(&self, text: &str, role: Role) -> bool {
        self.roles
            .get(&key(text))
            .is_some_and(|r| r.contains(&role))
    }

    /// The longest phrase of `role` that opens `text` (whole words), and the rest after it
    /// (a colon after the phrase is dropped).
    fn opening<'t>(&self, text: &'t str, role: Role) -> Option<&'t str> {
        let words: Vec<(usize, &str)> = word_starts(text, self.max_words + 1);
        // A label glued to its value ("From:National Defence"): the text before the first
        // colon, when that colon comes within the label's words.
        let glued = words
            .iter()
            .find_map(|&(start, word)| word.find(':').map(|at| start + at));
        for n in (1..=self.max_words.min(words.len())).rev() {
            let end = words
                .get(n)
                .map_or(text.len(), |&(start, _)| start)
                .min(text.len());
            let head = text[..end].trim_end();
            let (head, colon) = match head.strip_suffix(':') {
                Some(h) => (h, true),
                None => (head, false),
            };
            if self.is(head, role) {
                let rest = text[end..].trim_start();
                let rest = if colon {
                    rest
                } else {
                    rest.strip_prefix(':').unwrap_or(rest).trim_start()
                };
                return Some(rest);
            }
            // "From:" glued to the value: "From:National Defence".
            if let Some(colon) = glued.filter(|_| n == 1) {
                if self.is(&text[..colon], role) {
                    return Some(text[colon + 1..].trim_start());
                }
            }
        }
        None
    }
}

/// The byte offset and text of the first `limit` whitespace-separated words.
fn word_starts(text: &str, limit: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if out.len() >= limit {
            return out;
        }
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// A month word, capitalized or in capitals, optionally abbreviated; the day before or
/// after it, as a number or an ordinal ("11th September, 2025").
const DATE: &str = r"(?:(?:[A-Z][a-z]{2,8}|[A-Z]{3,9})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?\s+(?:of\s+)?(?:[A-Z][a-z]{2,8}|[A-Z]{3,9})\.?(?:,?\s+\d{4})?)";

/// A dateline that opens the body: `CITY, Region (date) --`, `CITY, Region, date (Agency)
/// —`, `CITY, date /Wire/ --`, `City, 20 April 2025 –`, `City, 20 April 2025.`.
static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)^
        (?P<place>[A-Z][A-Z0-9\x20.'’&-]*[A-Z.]                # CITY in capitals
          |[A-Z][\p{{Ll}}'’.-]+(?:[\x20-][A-Z][\p{{Ll}}'’.-]+){{0,3}})  # or a City in Title Case
        (?:,\s*(?P<region>[A-Z][A-Za-z\x20.'’-]*?[A-Za-z.]))?  # , Country or state
        (?:,?\s*\((?P<paren>[^)]{{2,40}})\))?                 # (date) or (Agency)
        (?:,\s*(?P<date>{DATE}))?                             # , date
        (?:\s*\((?P<agency>[^)]{{2,40}})\))?                  # (Agency)
        (?:\s*/(?P<wire>[^/]{{2,40}})/)?                      # /PRNewswire/
        \s*(?:(?:--|—|–)\s*|-\s+|(?P<colon>:)\s+)           # a dash, or a wire's colon"
    ))
    .expect("the dateline pattern is valid")
});

/// A dateline ended by a full stop after its date: `Rome, 7 December 2023. Today, ...`.
static DATELINE_STOP_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)^
        (?P<place>[A-Z][A-Z0-9\x20.'’&-]*[A-Z.]
          |[A-Z][\p{{Ll}}'’.-]+(?:[\x20-][A-Z][\p{{Ll}}'’.-]+){{0,3}})
        (?:,\s*(?P<region>[A-Z][A-Za-z\x20.'’-]*?[A-Za-z.]))?
        ,\s*(?P<date>{DATE})\.\s+"
    ))
    .expect("the stopped dateline pattern is valid")
});

/// A wire's dateline with no place: `April 6 (UPI) --`.
static WIRE_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)^(?P<date>{DATE})\s*\((?P<agency>[A-Z][^)]{{1,39}})\)\s*(?:--|—|–|-)\s+"
    ))
    .expect("the wire date pattern is valid")
});

/// A place and a date on a line of their own: `Abu Dhabi, 20 July 2020`.
static PLACE_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)^
        (?P<place>[A-Z][\p{{L}}'’.-]*(?:\x20[A-Z][\p{{L}}'’.-]*){{0,3}})
        (?:,\s*(?P<region>[A-Z][A-Za-z\x20.'’-]*?[A-Za-z.]))?
        ,\s*(?P<date>{DATE})\s*$"
    ))
    .expect("the place-date pattern is valid")
});

/// A line of capitalized words, as places are written (`Ottawa, Ontario`).
fn is_place_phrase(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "du" | "la" | "le" | "of" | "the")
        })
}

/// Whether a line reads as a sentence of the body rather than a header line.
fn is_sentence(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.len() >= 160
        || (words >= 6
            && line
                .trim_end_matches(['"', '”', '’', ')'])
                .ends_with(['.', '!', '?', ':']))
}

/// Whether a short line is written as a name: every word capitalized (or a small word of
/// names), or the whole line in capitals.
fn is_name_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 12
        || line.ends_with(['.', '!', '?', ';'])
        || !line.chars().any(char::is_alphabetic)
    {
        return false;
    }
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                w,
                "of" | "for" | "and" | "the" | "on" | "in" | "de" | "du" | "des" | "la" | "le"
            )
    })
}

/// A line in capitals written in Title Case ("OFFICE OF THE SPOKESPERSON" -> "Office of the
/// Spokesperson"); other lines as printed.
fn name_case(line: &str) -> String {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || !letters.iter().all(|c| c.is_uppercase()) {
        return line.to_string();
    }
    line.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && matches!(lower.as_str(), "of" | "for" | "and" | "the" | "on" | "in") {
                lower
            } else if w.len() <= 4 && w.chars().any(|c| c == '.') {
                w.to_string()
            } else {
                let mut cs = lower.chars();
                match cs.next() {
                    Some(f) => f.to_uppercase().chain(cs).collect(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What one header line says.
enum HeaderItem {
    Kind,
    Publisher(String),
    Author(String),
    Published(Date),
    Updated(Date),
    Dateline(Dateline, Option<String>),
    /// "Location: Canberra, ACT": the place the release comes from.
    Place(Dateline),
    Office(String),
}

/// A date that makes up the whole line, but for a weekday or a time after it ("Friday,
/// April 14, 2023", "JANUARY 31, 2023", "12 May 2024 10:00 CET").
fn date_line(line: &str) -> Option<Date> {
    if line.len() > 60 {
        return None;
    }
    let found = find_dates(line, None);
    let d = found.iter().find(|d| d.how == "absolute")?;
    let before = line[..d.start].trim().trim_end_matches(',');
    let after = line[d.end..].trim();
    let weekday_only = before.is_empty() || is_weekday(before);
    // "10:00 AM ET", "14.30 CET": a time of day after the date.
    let time_only = after.is_empty()
        || (after.split_whitespace().count() <= 3
            && after.split_whitespace().next().is_some_and(|w| {
                w.contains([':', '.']) && w.starts_with(|c: char| c.is_ascii_digit())
            }));
    (weekday_only && time_only && !before.chars().any(|c| c.is_ascii_digit())).then_some(d.date)
}

/// `line` starts at `offset` in the content.
fn header_item(line: &str, offset: usize) -> Option<HeaderItem> {
    let layout = &*LAYOUT;
    let bare = line.trim_end_matches(':').trim();
    if layout.is(bare, Role::Kind) {
        return Some(HeaderItem::Kind);
    }
    // "Press release No. 045-2023", "RELEASE 23-071", "No. 18/2023".
    let numbered = |rest: &str| {
        let n = rest.split_whitespace().count();
        (1..=3).contains(&n)
            && rest.chars().any(|c| c.is_ascii_digit())
            && date_line(rest).is_none()
    };
    if let Some(rest) = layout.opening(bare, Role::Number) {
        if numbered(rest) {
            return Some(HeaderItem::Kind);
        }
    }
    if let Some(rest) = layout.opening(bare, Role::Kind) {
        if numbered(rest) || layout.opening(rest, Role::Number).is_some_and(numbered) {
            return Some(HeaderItem::Kind);
        }
    }
    if let Some(rest) = layout.opening(line, Role::LabelPublished) {
        // "Posted On: 06 MAY 2025 5:30PM by PIB Delhi": the date before who posted it.
        let dated = rest.split_once(" by ").map_or(rest, |(d, _)| d);
        if let Some(d) = date_line(dated) {
            return Some(HeaderItem::Published(d));
        }
        // A label that opens a sentence of the body ("On 27 April 2017, the agencies
        // signed ...") is no header line.
        if rest.split_whitespace().count() <= 6 {
            return Some(match parse_date(rest) {
                Some(d) => HeaderItem::Published(d),
                None => HeaderItem::Kind,
            });
        }
    }
    if let Some(rest) = layout.opening(line, Role::LabelUpdated) {
        return Some(match parse_date(rest) {
            Some(d) => HeaderItem::Updated(d),
            None => HeaderItem::Kind,
        });
    }
    if let Some(rest) = layout.opening(line, Role::LabelPlace) {
        if line.contains(':') && is_place_phrase(&rest.replace(',', " ")) {
            let at = offset + line.len() - rest.len();
            let (place, region) = match rest.split_once(", ") {
                Some((p, r)) => (p, Some(r)),
                None => (rest, None),
            };
            return Some(HeaderItem::Place(Dateline {
                place: place.to_string(),
                place_span: at..at + place.len(),
                region: region.map(str::to_string),
                region_span: region.map(|r| at + rest.len() - r.len()..at + rest.len()),
                date: None,
            }));
        }
    }
    // "Source: RSA", "Credit: NASA" above the body: a credit, no office.
    if credit_label(line) {
        return Some(HeaderItem::Kind);
    }
    if let Some(rest) = layout.opening(line, Role::LabelPublisher) {
        if !rest.is_empty() && rest.chars().next().is_some_and(char::is_uppercase) {
            return Some(HeaderItem::Publisher(rest.trim().to_string()));
        }
    }
    if let Some(rest) = layout.opening(line, Role::LabelAuthor) {
        let words = rest.split_whitespace().count();
        if (1..=12).contains(&words) && rest.chars().next().is_some_and(char::is_uppercase) {
            return Some(HeaderItem::Author(rest.trim().to_string()));
        }
    }
    if let Some(d) = date_line(line) {
        return Some(HeaderItem::Published(d));
    }
    if let Some(item) = place_date_line(line, offset) {
        return Some(item);
    }
    if let Some(item) = place_line(line, offset) {
        return Some(item);
    }
    if is_name_line(line) && date_line(line).is_none() {
        return Some(HeaderItem::Office(name_case(line)));
    }
    None
}

/// "Credit: NASA", "Source: RSA": a credit word (role `credit`) with its colon, stating
/// nothing.
fn credit_label(s: &str) -> bool {
    LAYOUT.opening(s, Role::Credit).is_some() && s.contains(':')
}

/// A line of capitals naming a place, its region and nation, and nothing else:
/// "COLORADO SPRINGS, CO, UNITED STATES" (a place line above the body, as DVIDS prints
/// one): the place where the release was written, not an office.
fn place_line(line: &str, offset: usize) -> Option<HeaderItem> {
    let parts: Vec<&str> = line.split(", ").collect();
    let short_caps = |p: &str| {
        let n = p.split_whitespace().count();
        (1..=3).contains(&n)
            && p.chars().any(char::is_alphabetic)
            && p.chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-'))
    };
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| short_caps(p)) {
        return None;
    }
    let place = parts[0];
    let region = parts[1..].join(", ");
    let region_at = offset + place.len() + ", ".len();
    Some(HeaderItem::Place(Dateline {
        place: place.to_string(),
        place_span: offset..offset + place.len(),
        region_span: Some(region_at..region_at + region.len()),
        region: Some(region),
        date: None,
    }))
}

/// "Abu Dhabi, 20 July 2020"; "December 16, 2020 – Longueuil, Quebec"; "July 22, 2022 –
/// Ottawa, Ontario – Department of National Defence".
fn place_date_line(line: &str, offset: usize) -> Option<HeaderItem> {
    if let Some(c) = PLACE_DATE_RE.captures(line) {
        let place = c.name("place")?;
        let date = parse_date(c.name("date")?.as_str())?;
        let region = c.name("region");
        return Some(HeaderItem::Dateline(
            Dateline {
                place: place.as_str().to_string(),
                place_span: offset + place.start()..offset + place.end(),
                region: region.map(|r| r.as_str().to_string()),
                region_span: region.map(|r| offset + r.start()..offset + r.end()),
                date: Some(date),
            },
            None,
        ));
    }
    // Date – Place[, Region] [– office].
    let mut parts: Vec<(usize, &str)> = Vec::new();
    let mut from = 0;
    for (i, dash) in line.match_indices([' ']).filter_map(|(i, _)| {
        let rest = &line[i + 1..];
        ["– ", "— ", "-- ", "- "]
            .iter()
            .find(|d| rest.starts_with(**d))
            .map(|d| (i, d.len() + 1))
    }) {
        if i < from {
            continue;
        }
        parts.push((from, &line[from..i]));
        from = i + dash;
    }
    parts.push((from, &line[from..]));
    if parts.len() < 2 {
        return None;
    }
    let date = date_line(parts[0].1.trim())?;
    let (at, place_part) = parts[1];
    let place_part = place_part.trim_end();
    if !is_place_phrase(&place_part.replace(',', " ")) {
        return None;
    }
    let (place, region) = match place_part.split_once(", ") {
        Some((p, r)) => (p, Some(r)),
        None => (place_part, None),
    };
    let region_at = region.map(|r| at + place_part.len() - r.len());
    let office = parts
        .get(2)
        .map(|(_, o)| o.trim().to_string())
        .filter(|o| !o.is_empty());
    Some(HeaderItem::Dateline(
        Dateline {
            place: place.to_string(),
            place_span: offset + at..offset + at + place.len(),
            region: region.map(str::to_string),
            region_span: region
                .zip(region_at)
                .map(|(r, s)| offset + s..offset + s + r.len()),
            date: Some(date),
        },
        office,
    ))
}

/// The dateline that opens the body's first paragraph, and the agency or wire it names.
fn body_dateline(
    content: &str,
    start: usize,
    published: Option<Date>,
) -> Option<(Dateline, Option<String>)> {
    let para = &content[start..];
    let c = DATELINE_RE
        .captures(para)
        .or_else(|| DATELINE_STOP_RE.captures(para))?;
    let place = c.name("place")?;
    let title_case = place.as_str().chars().any(char::is_lowercase);
    let paren = c.name("paren").map(|p| p.as_str());
    let paren_date = paren.and_then(|p| find_dates(p, published).first().map(|d| d.date));
    let written = c
        .name("date")
        .and_then(|d| find_dates(d.as_str(), published).first().map(|d| d.date));
    let date = paren_date.or(written);
    // Nothing after the dash: a heading, not a dateline.
    if para[c.get(0)?.end()..].trim().is_empty() {
        return None;
    }
    let agency = c
        .name("agency")
        .map(|a| a.as_str())
        .or(paren.filter(|_| paren_date.is_none()))
        .or(c.name("wire").map(|w| w.as_str()))
        .map(|a| a.trim().to_string());
    // A colon ends a dateline only after a wire's name ("Abu Dhabi, Mar 21 (Wire): ").
    if c.name("colon").is_some() && agency.is_none() {
        return None;
    }
    // A dateline in Title Case is told apart from a sentence by its date (with or without
    // its year), region or wire.
    let marked = date.is_some() || c.name("date").is_some() || c.name("region").is_some();
    if title_case && !marked && agency.is_none() {
        return None;
    }
    let region = c.name("region");
    Some((
        Dateline {
            place: place.as_str().trim().to_string(),
            place_span: start + place.start()..start + place.end(),
            region: region.map(|r| r.as_str().trim().to_string()),
            region_span: region.map(|r| start + r.start()..start + r.end()),
            date,
        },
        agency,
    ))
}

/// Whether a dateline's region is part of the city's name ("Washington, D.C.").
pub(crate) fn region_is_city_part(region: &str) -> bool {
    LAYOUT.is(region, Role::CityPart)
}

/// A paragraph that is a section heading, and the section it opens.
fn heading(text: &str) -> Option<Option<Block>> {
    let layout = &*LAYOUT;
    if text.contains('\n') || text.split_whitespace().count() > 10 || text.ends_with('.') {
        return None;
    }
    let bare = text.trim_end_matches(':').trim();
    let section = |r: Role| match r {
        Role::SectionNotes | Role::End => Some(Some(Block::Notes)),
        Role::SectionQuotes => Some(Some(Block::Quotes)),
        Role::SectionFacts => Some(Some(Block::Facts)),
        Role::SectionNone => Some(None),
        _ => None,
    };
    for r in [
        Role::SectionNotes,
        Role::End,
        Role::SectionQuotes,
        Role::SectionFacts,
        Role::SectionNone,
    ] {
        if layout.is(bare, r) {
            return section(r);
        }
    }
    // "About the UAE Space Agency": capitalized words after "About".
    if let Some(rest) = layout.opening(bare, Role::SectionAbout) {
        if !rest.is_empty() && is_name_line(rest) {
            return Some(Some(Block::About));
        }
    }
    None
}

/// Where a photo credit starts in a paragraph: "Credit: MHI", "(U.S. Space Command photo)",
/// "(Photo by ...)" at its end.
fn credit_start(text: &str) -> Option<usize> {
    let layout = &*LAYOUT;
    // A parenthesis at the end that speaks of a photo.
    if text.trim_end().ends_with(')') {
        if let Some(open) = text.rfind('(') {
            let inner = &text[open + 1..text.trim_end().len() - 1];
            let words: Vec<String> = inner
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if words.iter().any(|w| layout.is(w, Role::CreditWord)) && words.len() <= 12 {
                return Some(open);
            }
        }
    }
    // "... Credit: MHI" after the caption's sentence.
    for (i, _) in text.match_indices(". ") {
        let rest = &text[i + 2..];
        if credit_label(rest) {
            return Some(i + 1);
        }
    }
    None
}

/// Reads text in the genre's layout. Never fails: what the layout does not give stays empty.
pub(crate) fn parse_text(source: &str, text: &str) -> Release {
    let content = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut release = Release {
        source: source.to_string(),
        content: String::new(),
        title: None,
        title_span: None,
        author_span: None,
        publisher_span: None,
        published: None,
        author: None,
        publisher: None,
        dateline: None,
        paragraphs: Vec::new(),
        blocks: Vec::new(),
        name_lines: Vec::new(),
    };
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    let mut titled = false;
    for line in content.split('\n') {
        // "News release | Ministry of Defence | 12 March 2024": header items on one line,
        // read one by one (below the title, when every item is short).
        let items: Vec<&str> = line.split(" | ").collect();
        if titled && items.len() > 1 && items.iter().all(|s| s.split_whitespace().count() <= 8) {
            let mut at = pos;
            for item in items {
                lines.push(at..at + item.len());
                at += item.len() + " | ".len();
            }
        } else {
            lines.push(pos..pos + line.len());
        }
        titled |= !line.trim().is_empty();
        pos += line.len() + 1;
    }
    let trimmed = |r: &Range<usize>| -> Range<usize> {
        let raw = &content[r.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let trail = raw.len() - raw.trim_end().len();
        r.start + lead..(r.end - trail).max(r.start + lead)
    };
    let mut body_from = None;
    let mut header_lines = 0;
    let mut updated = None;
    let mut header_dateline: Option<Dateline> = None;
    let mut late_dateline: Option<usize> = None;
    let mut office: Option<(String, Range<usize>)> = None;
    for (i, r) in lines.iter().enumerate() {
        let span = trimmed(r);
        let line = &content[span.clone()];
        if line.is_empty() {
            continue;
        }
        if release.title.is_none() {
            // A kind of document, a number or a date above the title ("Press release",
            // "RELEASE 23-071", "March 9, 2016"): read as header lines, the title after them.
            match header_item(line, span.start) {
                Some(HeaderItem::Kind) => continue,
                Some(HeaderItem::Published(d)) => {
                    release.published.get_or_insert(d);
                    continue;
                }
                _ => {}
            }
            release.title = Some(line.to_string());
            release.title_span = Some(span);
            continue;
        }
        let (item_text, item_at, bullet) =
            match line.strip_prefix('•').or_else(|| line.strip_prefix("* ")) {
                Some(b) => {
                    let inner = b.trim_start();
                    (inner, span.end - inner.len(), true)
                }
                None => (line, span.start, false),
            };
        // A dateline opens the body.
        if !bullet && body_dateline(&content, span.start, release.published).is_some() {
            body_from = Some(i);
            break;
        }
        if !bullet && (is_sentence(line) || header_lines >= 10) {
            // A standfirst that reads as a sentence, with the dateline in one of the next
            // two paragraphs: the body begins at the standfirst (it states facts of its
            // own: "A, B and C signed an agreement on May 6"), the dateline is the later one.
            late_dateline = lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .filter(|(_, r)| !content[(*r).clone()].trim().is_empty())
                .take(2)
                .find(|(_, r)| {
                    body_dateline(&content, trimmed(r).start, release.published).is_some()
                })
                .map(|(j, _)| trimmed(&lines[j]).start);
            body_from = Some(i);
            break;
        }
        header_lines += 1;
        let item_span = item_at..span.end;
        let no_publisher = release.publisher.is_none();
        match header_item(item_text, item_at) {
            Some(HeaderItem::Publisher(p)) if no_publisher => {
                release.publisher = Some(p);
                release.publisher_span = Some(item_span);
            }
            Some(HeaderItem::Author(a)) if release.author.is_none() => {
                // "By Jane Roe, Space Delta 2 Public Affairs": the office after the name.
                // ("By Tom Lee, Jr." keeps its one-word suffix.)
                let (name, rest) = match a.split_once(", ") {
                    Some((n, o)) if is_name_line(o) && o.contains(' ') => {
                        (n.to_string(), Some(o.to_string()))
                    }
                    _ => (a.clone(), None),
                };
                release.author = Some(name);
                release.author_span = Some(item_span.clone());
                if let (Some(o), true) = (rest, no_publisher) {
                    release.publisher = Some(o);
                    release.publisher_span = Some(item_span);
                }
            }
            Some(HeaderItem::Published(d)) => {
                release.published.get_or_insert(d);
            }
            Some(HeaderItem::Updated(d)) => {
                updated.get_or_insert(d);
            }
            Some(HeaderItem::Place(dl)) => {
                header_dateline.get_or_insert(dl);
            }
            Some(HeaderItem::Dateline(dl, line_office)) => {
                if let Some(d) = dl.date {
                    release.published.get_or_insert(d);
                }
                if let (Some(o), None) = (line_office, &office) {
                    office = Some((o, item_span));
                }
                header_dateline.get_or_insert(dl);
            }
            // A bullet line that is nothing else names the office.
            Some(HeaderItem::Office(_)) | None
                if bullet
                    && no_publisher
                    && !item_text.is_empty()
                    && item_text.split_whitespace().nth(LONGEST_NAME).is_none() =>
            {
                release.publisher = Some(item_text.to_string());
                release.publisher_span = Some(item_span);
            }
            Some(HeaderItem::Office(o)) => {
                release.name_lines.push((o, item_span));
            }
            // A kind of document, a second publisher or author, a subtitle or standfirst
            // (it restates the title): nothing more to record.
            _ => {}
        }
    }
    if release.publisher.is_none() {
        if let Some((o, span)) = office {
            release.publisher = Some(o);
            release.publisher_span = Some(span);
        }
    }
    let mut closing = None;
    if let Some(start) = body_from {
        closing = read_body(&content, &lines[start..], &mut release);
    }
    let dateline_at = late_dateline.or(release.paragraphs.first().map(|p| p.start));
    if let Some(at) = dateline_at {
        if let Some((dl, agency)) = body_dateline(&content, at, release.published) {
            if release.published.is_none() {
                release.published = dl.date;
            }
            if release.publisher.is_none() {
                release.publisher = agency;
            }
            release.dateline = Some(dl);
        }
    }
    // "April 6 (UPI) -- The ...": a wire's date and name, no place.
    if release.dateline.is_none() {
        // (A photo caption may stand before it.)
        if let Some(c) = release
            .paragraphs
            .iter()
            .take(3)
            .find_map(|p| WIRE_DATE_RE.captures(&content[p.start..]))
        {
            if release.publisher.is_none() {
                release.publisher = c.name("agency").map(|a| a.as_str().trim().to_string());
            }
            if release.published.is_none() {
                release.published = c
                    .name("date")
                    .and_then(|d| find_dates(d.as_str(), None).first().map(|d| d.date));
            }
        }
    }
    if release.dateline.is_none() {
        release.dateline = header_dateline.or(closing);
    }
    if release.published.is_none() {
        release.published = release.dateline.as_ref().and_then(|d| d.date).or(updated);
    }
    release.content = content;
    release
}

/// Paragraphs (runs of non-empty lines) from the body's first line on, each with the part of
/// the release it belongs to; headings, contact and link sections and photo credits left
/// out. A place and date closing the release ("Tokyo, 14 March 2024") are returned as its
/// dateline, not read as text.
fn read_body(content: &str, lines: &[Range<usize>], release: &mut Release) -> Option<Dateline> {
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for r in lines {
        let raw = &content[r.clone()];
        if raw.trim().is_empty() {
            if let Some(c) = current.take() {
                paragraphs.push(c);
            }
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let trail = raw.len() - raw.trim_end().len();
        let span = r.start + lead..r.end - trail;
        // A heading on a line of its own opens a paragraph of its own ("Notes to editors"
        // followed at once by "1. ...").
        let line = &content[span.clone()];
        let is_heading = heading(line).is_some();
        current = match current {
            Some(c) if !is_heading && heading(&content[c.clone()]).is_none() => {
                Some(c.start..span.end)
            }
            Some(c) => {
                paragraphs.push(c);
                Some(span)
            }
            None => Some(span),
        };
    }
    if let Some(c) = current {
        paragraphs.push(c);
    }
    let layout = &*LAYOUT;
    let mut section = Some(Block::Body);
    for p in paragraphs {
        let text = &content[p.clone()];
        if let Some(opens) = heading(text) {
            section = opens;
            continue;
        }
        let Some(block) = section else {
            continue;
        };
        // "Contact: Libre Space Foundation, Athens": a line that states nothing.
        if layout.opening(text, Role::SectionNone).is_some() && text.contains(':') {
            continue;
        }
        let mut span = p.clone();
        let mut kind = block;
        if let Some(rest) = layout.opening(text, Role::Caption) {
            if text[..text.len() - rest.len()].contains(':') {
                span.start = p.end - rest.len();
                kind = Block::Caption;
            }
        }
        if let Some(cut) = credit_start(&content[span.clone()]) {
            span.end = span.start + content[span.start..span.start + cut].trim_end().len();
            kind = Block::Caption;
        }
        if span.is_empty() {
            continue;
        }
        release.paragraphs.push(span);
        release.blocks.push(kind);
    }
    // The last paragraph of the body a place and a date alone.
    let last = release.paragraphs.len().checked_sub(1)?;
    let span = release.paragraphs[last].clone();
    if last == 0 || content[span.clone()].contains('\n') {
        return None;
    }
    match place_date_line(&content[span.clone()], span.start) {
        Some(HeaderItem::Dateline(dl, _)) => {
            release.paragraphs.pop();
            release.blocks.pop();
            Some(dl)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_layout_words_all_have_known_roles() {
        for line in LAYOUT_TSV.lines().skip(1) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (phrase, _) = line.split_once('\t').expect("phrase and role");
            assert!(
                LAYOUT.roles.contains_key(&key(phrase)),
                "{line}: unknown role"
            );
        }
    }

    fn read(text: &str) -> Release {
        parse_text("t.txt", text)
    }

    #[test]
    fn header_lines_without_bullets() {
        let r = read("Norway opens a space centre\n\nMEDIA NOTE\n\nOFFICE OF THE PRESS SECRETARY\n\nMARCH 3, 2025\n\nOfficials of Norway met in Oslo on March 2 to open the centre.\n");
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2025-03-03")
        );
        let names: Vec<&str> = r.name_lines.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["Office of the Press Secretary"]);
        assert_eq!(r.paragraphs.len(), 1);
    }

    #[test]
    fn from_lines_and_date_place_lines() {
        let r = read("Air force forms a new wing\n\nFrom: Department of Air Affairs\n\nNews release\n\nMay 4, 2024 – Halifax, Nova Scotia – Department of Air Affairs\n\nThe wing was formed today.\n");
        assert_eq!(r.publisher.as_deref(), Some("Department of Air Affairs"));
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2024-05-04")
        );
        let dl = r.dateline.expect("a dateline");
        assert_eq!(dl.place, "Halifax");
        assert_eq!(dl.region.as_deref(), Some("Nova Scotia"));
        assert_eq!(&r.content[dl.place_span], "Halifax");
    }

    #[test]
    fn a_date_then_a_place_line() {
        let r = read("Title\n\nNews release\n\nMarch 2, 2025 – Gander, Newfoundland\n\nThe station opened today.\n");
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2025-03-02")
        );
        let dl = r.dateline.expect("a dateline");
        assert_eq!(
            (dl.place.as_str(), dl.region.as_deref()),
            ("Gander", Some("Newfoundland"))
        );
        let r = read("Title\n\nMarch 2, 2025 10:30 CET\n\nThe station opened today.\n");
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2025-03-02")
        );
    }

    #[test]
    fn a_date_line_opened_by_on_and_datelines_with_an_ordinal_day_or_a_full_stop() {
        for text in [
            "Title\n\non 9 June 2024\n\nThe probe reached orbit today, the agency said.\n",
            "Title\n\nOn: 9 June 2024\n\nThe probe reached orbit today, the agency said.\n",
            "Title\n\nSTRELSAU, 9th June, 2024 (RNA) – The probe reached orbit today, the agency said.\n",
            "Title\n\nStrelsau, 9 June 2024. Today the probe reached orbit, the agency said.\n",
        ] {
            let r = read(text);
            assert_eq!(
                r.published.map(|d| d.to_string()).as_deref(),
                Some("2024-06-09"),
                "{text}"
            );
        }
        let r = read("Title\n\nStrelsau, 9 June 2024. Today the probe reached orbit.\n");
        assert_eq!(r.dateline.expect("a dateline").place, "Strelsau");
        // A full stop after a place with no date ends a sentence, not a dateline.
        let r = read("Title\n\nThe probe flew over Strelsau, Ruritania. It reached orbit today.\n");
        assert!(r.dateline.is_none());
        // A sentence of the body opened by "On" and a date is no date line.
        let r = read(
            "Title\n\nOn 9 June 2024, the probe reached orbit, the agency said in a statement.\n",
        );
        assert_eq!(r.published, None);
    }

    #[test]
    fn an_office_line_above_the_kind_and_a_place_date_line() {
        let r = read("Probe reaches orbit\n\nRuritania Space Agency\nPress Release\n\nStrelsau, 9 June 2024\n\nThe probe reached orbit today, the agency said.\n");
        assert_eq!(r.name_lines[0].0, "Ruritania Space Agency");
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2024-06-09")
        );
        assert_eq!(r.dateline.expect("a dateline").place, "Strelsau");
    }

    #[test]
    fn name_lines_are_kept_for_extraction_to_tell_apart() {
        let r = read("Title\n\nEmbassy of Ruritania\nStrelsau\n\nMarch 2, 2025\n\nThe two sides met in Strelsau today to open the talks.\n");
        let names: Vec<&str> = r.name_lines.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["Embassy of Ruritania", "Strelsau"]);
        for (_, span) in &r.name_lines {
            assert!(!r.content[span.clone()].is_empty());
        }
        assert_eq!(r.publisher, None);
    }

    #[test]
    fn a_place_and_date_closing_the_release_are_its_dateline() {
        let r = read("Title\n\nThe two ministers met today and signed the arrangement.\n\nThey will meet again next year.\n\nStrelsau, 4 June 2024\n");
        let dl = r.dateline.expect("a dateline");
        assert_eq!(dl.place, "Strelsau");
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2024-06-04")
        );
        assert_eq!(r.paragraphs.len(), 2);
    }

    #[test]
    fn kinds_and_dates_above_the_title_and_labelled_places() {
        let r = read("Press release\n\nMarch 9, 2025\n\nRuritania and Norway sign a space pact\n\nLocation: Strelsau, Ruritania\n\nThe two nations signed a pact on space data today.\n");
        assert_eq!(
            r.title.as_deref(),
            Some("Ruritania and Norway sign a space pact")
        );
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2025-03-09")
        );
        let dl = r.dateline.expect("a dateline");
        assert_eq!(
            (dl.place.as_str(), dl.region.as_deref()),
            ("Strelsau", Some("Ruritania"))
        );
        assert_eq!(&r.content[dl.place_span], "Strelsau");
    }

    #[test]
    fn a_subtitle_is_no_publisher() {
        let r = read("Two agencies sign a pact\n\nThe pact covers lunar science and data for the next ten years\n\nOSLO, Norway -- The agencies signed today.\n");
        assert_eq!(r.publisher, None);
        assert_eq!(r.dateline.expect("a dateline").place, "OSLO");
    }

    #[test]
    fn header_items_on_one_line_and_dotted_dates() {
        let r = read("Two agencies sign a pact\n\nNews release | Ruritanian Space Agency | 12.03.2024\n\nThe agencies signed a pact in Oslo on Tuesday.\n");
        // An office line, which extraction takes as the publisher when the text names no place
        // or person so.
        let names: Vec<&str> = r.name_lines.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Ruritanian Space Agency"]);
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-12")
        );
        // A date alone on a line is no office.
        let r = read("Two agencies sign a pact\n\nPress release\n\n12.03.2024\n\nThe agencies signed a pact in Oslo on Tuesday.\n");
        assert_eq!((r.publisher, r.name_lines.len()), (None, 0));
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-12")
        );
    }

    #[test]
    fn a_standfirst_before_the_dateline_is_body_and_a_place_line_is_no_office() {
        let r = read("Agencies sign a pact\n\nSTRELSAU, RU, RURITANIA\n\n04.19.2023\n\nRuritanian Space Agency\n\nThe Ruritanian Space Agency and the Borduria Space Office signed a pact on Tuesday.\n\nDirector Anna Berg and Minister Karl Holm signed the pact in Strelsau.\n\nSTRELSAU, Ruritania –\nRelease No. 2023-04-03\n\nThe pact covers orbit data.\n");
        // The standfirst states facts: it is the body's first paragraph.
        let first = r.paragraphs.first().cloned().expect("a paragraph");
        assert!(r.content[first].starts_with("The Ruritanian Space Agency and"));
        // The dateline is the later one; the capitals line above names the same place.
        let dl = r.dateline.expect("a dateline");
        assert_eq!(
            (dl.place.as_str(), dl.region.as_deref()),
            ("STRELSAU", Some("Ruritania"))
        );
        // A month-first dotted date (its second number past 12).
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2023-04-19")
        );
        // The place line is no office; the name line after the date is.
        let names: Vec<&str> = r.name_lines.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Ruritanian Space Agency"]);
    }

    #[test]
    fn a_source_line_above_the_body_is_a_credit_not_an_office() {
        let r = read("Delegates visit\n\nSource: ROO\n\nA team from the Rwandan Orbital Office visited Kyoto on Monday.\n");
        assert_eq!((r.publisher, r.name_lines.len()), (None, 0));
    }

    #[test]
    fn a_wire_date_with_no_place_names_the_wire() {
        let r = read("Norway joins a programme\n\nMay 6 (Fjord Wire) -- The Ruritanian Space Agency is to share orbit data with Norway.\n");
        assert_eq!(r.publisher.as_deref(), Some("Fjord Wire"));
        assert!(r.dateline.is_none());
        let r = read("Norway joins a programme\n\nMay 6, 2025 (Fjord Wire) -- The agency is to share orbit data.\n");
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2025-05-06")
        );
    }

    #[test]
    fn a_wire_dateline_in_title_case_may_end_in_a_bare_dash_or_a_colon() {
        for body in [
            "Oslo, May 6 (Fjord Wire)--The agency is to share orbit data.",
            "Oslo, May 6 (Fjord Wire): The agency is to share orbit data.",
        ] {
            let r = read(&format!("Norway joins a programme\n\n{body}\n"));
            assert_eq!(r.publisher.as_deref(), Some("Fjord Wire"), "{body}");
            assert_eq!(
                r.dateline.map(|d| d.place).as_deref(),
                Some("Oslo"),
                "{body}"
            );
        }
        // A colon after a place and a date with no wire opens a sentence, not a dateline.
        let r =
            read("Norway joins a programme\n\nOslo, May 6: The agency is to share orbit data.\n");
        assert!(r.dateline.is_none());
    }

    #[test]
    fn a_bullet_line_longer_than_any_name_is_no_publisher() {
        let office = "Northern Fleet Public Affairs ".repeat(10);
        let r = read(&format!(
            "Title\n\n  • {office}\n\nOSLO, Norway -- The fleet sailed.\n"
        ));
        assert_eq!(r.publisher, None);
        let r = read(
            "Title\n\n  • Northern Fleet Public Affairs\n\nOSLO, Norway -- The fleet sailed.\n",
        );
        assert_eq!(
            r.publisher.as_deref(),
            Some("Northern Fleet Public Affairs")
        );
    }

    #[test]
    fn wire_datelines_name_the_agency() {
        let r = read("Title\n\nFriday, June 7, 2024\n\nOSLO, June 7 (Northern Wire) - Norway joined the group on Friday.\n");
        assert_eq!(r.publisher.as_deref(), Some("Northern Wire"));
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2024-06-07")
        );
        let r = read("Title\n\nOSLO, Norway, June 7, 2024 (Fjord Press Service) — Norway joined the group.\n");
        assert_eq!(r.publisher.as_deref(), Some("Fjord Press Service"));
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2024-06-07")
        );
        let dl = r.dateline.expect("a dateline");
        assert_eq!(
            (dl.place.as_str(), dl.region.as_deref()),
            ("OSLO", Some("Norway"))
        );
        let r = read("Title\n\nBergen, 7 June 2024 – Norway joined the group.\n");
        assert_eq!(r.dateline.expect("a dateline").place, "Bergen");
    }

    #[test]
    fn sections_captions_and_credits() {
        let r = read("Title\n\nOSLO, Norway -- The centre opened.\n\nPhoto: The centre at night. Credit: Nordic Photo Bureau\n\nGen. Ola Berg opens the centre in Oslo, March 3, 2025. (Royal Norwegian Air Force photo by Sgt. Kari Lie)\n\nQuick facts\n\n- The centre employs 40 people.\n\nAssociated links\n\n- Royal Norwegian Air Force\n\nContacts\n\nMedia Relations\nPhone: 555-0100\n\n– Ends –\n\nAbout the Centre\nThe centre tracks satellites.\n");
        let texts: Vec<(&str, Block)> = r
            .paragraphs
            .iter()
            .zip(&r.blocks)
            .map(|(p, b)| (&r.content[p.clone()], *b))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("OSLO, Norway -- The centre opened.", Block::Body),
                ("The centre at night.", Block::Caption),
                (
                    "Gen. Ola Berg opens the centre in Oslo, March 3, 2025.",
                    Block::Caption
                ),
                ("- The centre employs 40 people.", Block::Facts),
                ("The centre tracks satellites.", Block::About),
            ]
        );
    }

    #[test]
    fn a_sentence_starting_with_about_is_no_heading() {
        let r = read("Title\n\nOSLO -- It opened.\n\nAbout an hour later the team reported in.\n");
        assert_eq!(r.blocks, vec![Block::Body, Block::Body]);
    }

    #[test]
    fn release_numbers_and_document_kinds_are_skipped() {
        for line in [
            "Press release No. 045-2023",
            "RELEASE 23-071",
            "No. 18/2023",
            "Joint Statement",
        ] {
            let r = read(&format!(
                "Title\n\n{line}\n\nOSLO -- Body text of the release.\n"
            ));
            assert_eq!(r.publisher, None, "{line}");
        }
    }
}
