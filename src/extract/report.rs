//! What extraction found in one release, as text for a reader: the metadata, every entity
//! with its other names, every relation with its rule and sentence, every quote with its
//! speaker (`spacekg extract`). For looking at one release, or a new rule, without a store.

use super::{Extraction, Object};
use crate::reading::Release;
use std::fmt::Write as _;

/// The text `spacekg extract` prints for one release.
pub fn describe(release: &Release, x: &Extraction) -> String {
    let mut s = String::new();
    let name = |i: usize| x.entities[i].name.as_str();
    let opt = |i: Option<usize>| i.map_or("-", name);
    let _ = writeln!(s, "== {}", release.source);
    let _ = writeln!(s, "title: {}", release.title.as_deref().unwrap_or("-"));
    let _ = writeln!(
        s,
        "published: {} | author: {} | publisher: {} | dateline: {}",
        x.metadata
            .published
            .map_or_else(|| "-".to_string(), |d| d.to_string()),
        opt(x.metadata.author),
        opt(x.metadata.publisher),
        opt(x.metadata.dateline),
    );
    let _ = writeln!(s, "entities:");
    for e in &x.entities {
        let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        let _ = write!(s, "  {:<13} {}", e.kind.as_str(), e.name);
        if !aliases.is_empty() {
            let _ = write!(s, "  [{}]", aliases.join(" | "));
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "relations:");
    for r in &x.relations {
        let object = match &r.object {
            Object::Entity(o) => name(*o).to_string(),
            Object::Date(d) => d.to_string(),
        };
        let sentence: String = release.content[r.evidence.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            s,
            "  {} --{}--> {}  ({})  \"{}\"",
            name(r.subject),
            r.predicate.local_name(),
            object,
            r.rule,
            snippet(&sentence, 110)
        );
    }
    let _ = writeln!(s, "quotes:");
    for q in &x.quotes {
        let _ = writeln!(
            s,
            "  {}: \"{}\"  ({})",
            opt(q.speaker),
            snippet(&q.text, 70),
            q.rule
        );
    }
    s
}

/// The first `n` characters of a text, with an ellipsis when cut.
fn snippet(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use crate::knowledge::Knowledge;
    use crate::reading::parse_text;

    #[test]
    fn the_report_names_entities_relations_rules_and_quotes() {
        let kb = Knowledge::load(&[]).expect("knowledge");
        let r = parse_text(
            "t.txt",
            "Title\n\nOSLO, Norway -- Gen. Ola Berg, commander of Norwegian Space Command, spoke.\n\n“We will watch the sky together with our allies,” Berg said.\n",
        );
        let x = Extractor::new(&kb).extract(&r);
        let text = describe(&r, &x);
        assert!(text.contains("Person        Ola Berg"), "{text}");
        assert!(
            text.contains("Ola Berg --heads--> Norwegian Space Command  (appositive-post)"),
            "{text}"
        );
        assert!(text.contains("Ola Berg: \"We will watch the sky"), "{text}");
        assert!(text.contains("dateline: Oslo"), "{text}");
    }

    #[test]
    fn a_byline_naming_an_office_gives_the_publisher_not_an_author() {
        let kb = Knowledge::load(&[]).expect("knowledge");
        let r = parse_text(
            "t.txt",
            "Title\n\n  • By Arctic Planning and Readiness Command Public Affairs\n\nOSLO, Norway -- Gen. Ola Berg spoke.\n",
        );
        let x = Extractor::new(&kb).extract(&r);
        let text = describe(&r, &x);
        assert!(
            text.contains(
                "author: - | publisher: Arctic Planning and Readiness Command Public Affairs"
            ),
            "{text}"
        );
        assert!(!text.contains("Person        Arctic"), "{text}");
    }
}
