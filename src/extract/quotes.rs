//! Quotations and their speakers: "“...,” X said", "said X", "X said: “...”", a
//! continuation after "he said", a quote whose speaker was introduced in the paragraph
//! before, and a quote that runs over paragraphs.

use super::mentions::Found;
use super::quotation::quote_ranges;
use super::{Entities, EntityType, Extractor, Quote};
use crate::reading::Release;
use std::ops::Range;

/// Persons mentioned in a byte range, with their mention starts, in text order.
fn persons_in(found: &Found, ents: &Entities, r: &Range<usize>) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = found
        .mentions
        .iter()
        .filter(|m| r.contains(&m.span.start) && ents.get(m.entity).kind == EntityType::Person)
        .map(|m| (m.span.start, ents.resolve(m.entity)))
        .collect();
    v.sort();
    v
}

fn is_speech_verb(ex: &Extractor<'_>, w: &str) -> bool {
    ex.kb.speech_verbs.contains(&w.to_lowercase())
}

/// The speaker named in a stretch of text next to a quote: the person nearest a speech
/// verb ("Mastalir said", "said Air Marshal Godfrey", "he said" meaning `last`).
fn attribution(
    ex: &Extractor<'_>,
    text: &str,
    found: &Found,
    ents: &Entities,
    r: Range<usize>,
    last: Option<usize>,
) -> Option<(usize, &'static str)> {
    let toks = ex.tokenizer.tokenize(&text[r.clone()], r.start);
    let verb = toks.iter().position(|t| is_speech_verb(ex, t.text(text)))?;
    let persons = persons_in(found, ents, &r);
    let vpos = toks[verb].start;
    // A pronoun right before or after the verb: the speaker already speaking.
    let near: Vec<&str> = toks[verb.saturating_sub(1)..(verb + 2).min(toks.len())]
        .iter()
        .map(|t| t.text(text))
        .collect();
    if persons.is_empty()
        && near
            .iter()
            .any(|w| matches!(*w, "he" | "she" | "He" | "She"))
    {
        return last.map(|l| (l, "pronoun-continues-speaker"));
    }
    // The person closest to the verb.
    persons
        .iter()
        .min_by_key(|(start, _)| start.abs_diff(vpos))
        .map(|&(_, p)| (p, "speech-verb"))
}

pub(crate) fn extract(
    ex: &Extractor<'_>,
    release: &Release,
    found: &Found,
    ents: &Entities,
) -> Vec<Quote> {
    let text = release.content.as_str();
    let quotes = quote_ranges(text, &release.paragraphs);
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<usize> = None;
    for p in &release.paragraphs {
        let qs: Vec<Range<usize>> = quotes
            .iter()
            .filter(|q| p.contains(&q.start))
            .cloned()
            .collect();
        if qs.is_empty() {
            // The last person named outside quotes speaks next if a quote follows.
            if let Some(&(_, pid)) = persons_in(found, ents, p).last() {
                last_speaker = Some(pid);
            }
            continue;
        }
        // Gaps between quotes: where attributions stand.
        let mut speakers: Vec<Option<(usize, &'static str)>> = Vec::new();
        for (i, q) in qs.iter().enumerate() {
            let after_end = qs.get(i + 1).map(|n| n.start).unwrap_or(p.end);
            let before_start = if i == 0 { p.start } else { qs[i - 1].end };
            let after = attribution(ex, text, found, ents, q.end..after_end, last_speaker);
            let s = after.or_else(|| {
                attribution(ex, text, found, ents, before_start..q.start, last_speaker)
                    .map(|(s, _)| (s, "speaker-before-quote"))
            });
            speakers.push(s);
        }
        // Continuations: a quote with no attribution takes its paragraph's speaker, else the
        // speaker introduced just before.
        let para_speaker = speakers.iter().flatten().next().copied();
        for (q, s) in qs.iter().zip(speakers) {
            let (speaker, rule) =
                match s.or(para_speaker.map(|(p, _)| (p, "continuation-in-paragraph"))) {
                    Some((p, r)) => (Some(p), r),
                    None => match last_speaker {
                        Some(p) => (Some(p), "speaker-of-previous-paragraph"),
                        None => (None, "no-speaker"),
                    },
                };
            let inner = q.start + first_len(&text[q.clone()])..q.end - last_len(&text[q.clone()]);
            out.push(Quote {
                speaker,
                text: text[inner.clone()].trim().to_string(),
                span: inner,
                evidence: p.clone(),
                rule,
            });
            if speaker.is_some() {
                last_speaker = speaker;
            }
        }
    }
    out
}

fn first_len(q: &str) -> usize {
    q.chars().next().map(char::len_utf8).unwrap_or(0)
}

fn last_len(q: &str) -> usize {
    match q.chars().last() {
        Some(c @ ('”' | '"')) if q.chars().count() > 1 => c.len_utf8(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::quotation::is_quotation;

    #[test]
    fn names_in_quotes_are_not_quotations() {
        assert!(!is_quotation("“Partner to Win”"));
        assert!(is_quotation("“We are ready,”"));
        assert!(is_quotation(
            "“Through these talks and Space Working Groups to follow"
        ));
    }
}
