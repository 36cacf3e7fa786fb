//! Quotations and their speakers: "“...,” X said", "said X", "X said: “...”", a
//! continuation after "he said", "the Secretary said" (the person of that title), a quote
//! whose speaker was introduced in the paragraph before, a quote followed by a line naming
//! its speaker (the "Quotes" sections of some layouts), "“...” - X, Minister of ...", an
//! organization that speaks when no person does ("said the Agency", "it stated"), and a
//! quote that runs over paragraphs.

use super::mentions::Found;
use super::quotation::quote_ranges;
use super::{Entities, EntityType, Extractor, Quote};
use crate::reading::Release;
use std::ops::Range;

/// Persons mentioned in a byte range, with their mention starts, in text order.
/// Every person mention as (where it starts, the person), in text order.
fn person_mentions(found: &Found, ents: &Entities) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = found
        .mentions
        .iter()
        .filter(|m| ents.get(m.entity).kind == EntityType::Person)
        .map(|m| (m.span.start, ents.resolve(m.entity)))
        .collect();
    v.sort();
    v
}

/// The person mentions that start in `r` (a slice of `person_mentions`).
fn persons_in<'p>(people: &'p [(usize, usize)], r: &Range<usize>) -> &'p [(usize, usize)] {
    let from = people.partition_point(|&(at, _)| at < r.start);
    let to = people.partition_point(|&(at, _)| at < r.end);
    &people[from..to.max(from)]
}

fn is_speech_verb(ex: &Extractor<'_>, w: &str) -> bool {
    ex.kb.speech_verbs.contains(&w.to_lowercase())
}

/// The speaker named in a stretch of text next to a quote: the person nearest a speech
/// verb ("Mastalir said", "said Air Marshal Godfrey", "he said" meaning `last`, "the
/// Secretary said" meaning the person of that title).
fn attribution(
    ex: &Extractor<'_>,
    text: &str,
    found: &Found,
    ents: &Entities,
    people: &[(usize, usize)],
    r: Range<usize>,
    last: Option<usize>,
) -> Option<(usize, &'static str)> {
    let toks = ex.tokenizer.tokenize(&text[r.clone()], r.start);
    let verb = toks.iter().position(|t| is_speech_verb(ex, t.text(text)))?;
    let persons = persons_in(people, &r);
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
    // "the Secretary said", "said the Agency": a capitalized word after "the" near the verb.
    let the_word = (verb.saturating_sub(2)..(verb + 3).min(toks.len()))
        .filter(|&i| i > 0 && matches!(toks[i - 1].text(text), "the" | "The"))
        .map(|i| toks[i].text(text))
        .find(|w| w.chars().next().is_some_and(char::is_uppercase));
    // "the Secretary said", "said the Minister": the one person of the release whose
    // title, post or rank that word is.
    if persons.is_empty() {
        if let Some(word) = the_word {
            if let Some(p) = person_titled(ex, found, ents, word, r.start) {
                return Some((p, "title-names-speaker"));
            }
        }
    }
    // The person closest to the verb.
    if let Some(&(_, p)) = persons.iter().min_by_key(|(start, _)| start.abs_diff(vpos)) {
        return Some((p, "speech-verb"));
    }
    // No person: an organization speaks ("said the Polar Space Agency", "the Agency said in
    // a statement", "it stated" after it spoke).
    let bodies: Vec<(usize, usize)> = found
        .mentions
        .iter()
        .filter(|m| r.contains(&m.span.start) && !m.inside)
        .filter(|m| ents.get(m.entity).kind == EntityType::Organization)
        .map(|m| (m.span.start, ents.resolve(m.entity)))
        .collect();
    if let Some(&(_, o)) = bodies
        .iter()
        .filter(|(start, _)| start.abs_diff(vpos) <= 60)
        .min_by_key(|(start, _)| start.abs_diff(vpos))
    {
        return Some((o, "organization-speaks"));
    }
    if near.iter().any(|w| matches!(*w, "it" | "It")) {
        return last
            .filter(|&l| ents.get(l).kind == EntityType::Organization)
            .map(|l| (l, "organization-speaks"));
    }
    // "the Agency said": the one body of the release with that head word.
    organization_headed(ex, found, ents, the_word?, r.start).map(|o| (o, "organization-speaks"))
}

/// The one organization mentioned before `before` whose name ends in `word` ("the Agency"
/// for the Polar Space Agency), when `word` is an organization's head word.
fn organization_headed(
    ex: &Extractor<'_>,
    found: &Found,
    ents: &Entities,
    word: &str,
    before: usize,
) -> Option<usize> {
    let key = crate::text::form_key(word);
    let head = ex.lexicon.head_of(std::slice::from_ref(&key));
    if !matches!(
        head,
        Some((
            super::mentions::Head::Kind(crate::knowledge::HeadKind::Organization),
            _
        ))
    ) {
        return None;
    }
    the_one_before(found, ents, before, |_, e| {
        e.kind == EntityType::Organization
            && e.name
                .split_whitespace()
                .last()
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

/// The one entity mentioned before `before` that `fits` (given the mention and the entity),
/// when there is one only.
fn the_one_before(
    found: &Found,
    ents: &Entities,
    before: usize,
    fits: impl Fn(&super::mentions::Mention, &super::Entity) -> bool,
) -> Option<usize> {
    let mut hits: Vec<usize> = Vec::new();
    for m in found.mentions.iter().filter(|m| m.span.start < before) {
        let x = ents.resolve(m.entity);
        if !hits.contains(&x) && fits(m, ents.get(x)) {
            hits.push(x);
        }
    }
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "“...” - Jane Roe, Minister of ...": a dash right after the quote, then a person's name
/// within the next few words.
fn dashed(text: &str, people: &[(usize, usize)], r: Range<usize>) -> Option<usize> {
    let rest = &text[r.clone()];
    let trimmed = rest.trim_start_matches([' ', ',']);
    let dash = trimmed.strip_prefix(['-', '–', '—'])?;
    let at = r.start + (rest.len() - dash.len());
    let lead = dash.len() - dash.trim_start().len();
    persons_in(people, &(at..r.end))
        .first()
        .filter(|(start, _)| text[at + lead..*start].split_whitespace().count() <= 3)
        .map(|&(_, p)| p)
}

/// The person mentioned before `before` whose title, post or rank includes `word`
/// ("Secretary" for "Secretary of State Antony J. Blinken"), when there is one only.
fn person_titled(
    ex: &Extractor<'_>,
    found: &Found,
    ents: &Entities,
    word: &str,
    before: usize,
) -> Option<usize> {
    let is_title = ex.kb.lookup(word).iter().any(|e| {
        matches!(
            e,
            crate::knowledge::Entry::Title(_) | crate::knowledge::Entry::Rank(_)
        )
    }) || ex.lexicon.post(&word.to_lowercase()).is_some();
    if !is_title {
        return None;
    }
    let has = |s: &str| s.split_whitespace().any(|w| w.eq_ignore_ascii_case(word));
    the_one_before(found, ents, before, |m, e| {
        let rank = e.rank.map(|r| ex.kb.ranks[r].name.as_str());
        e.kind == EntityType::Person
            && (m.titles.iter().any(|t| has(t))
                || e.post.as_deref().is_some_and(has)
                || rank.is_some_and(has))
    })
}

/// The speaker a line after a quote names: a short paragraph of its own that opens with a
/// person's name, titles aside ("The Honourable Jane Roe, Minister of ...").
fn speaker_line(found: &Found, ents: &Entities, text: &str, p: &Range<usize>) -> Option<usize> {
    let line = &text[p.clone()];
    if line.split_whitespace().count() > 24 || line.contains(['“', '”', '"']) {
        return None;
    }
    let first = found
        .mentions
        .iter()
        .filter(|m| p.contains(&m.span.start))
        .min_by_key(|m| m.span.start)?;
    let person = ents.resolve(first.entity);
    let lead_words = text[p.start..first.span.start].split_whitespace().count();
    (ents.get(person).kind == EntityType::Person && lead_words <= 5).then_some(person)
}

pub(crate) fn extract(
    ex: &Extractor<'_>,
    release: &Release,
    found: &Found,
    ents: &Entities,
) -> Vec<Quote> {
    let text = release.content.as_str();
    let quotes = quote_ranges(text, &release.paragraphs);
    let people = person_mentions(found, ents);
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<usize> = None;
    for (pi, p) in release.paragraphs.iter().enumerate() {
        // The quotations are in text order: those that start in this paragraph.
        let from = quotes.partition_point(|q| q.start < p.start);
        let to = quotes.partition_point(|q| q.start < p.end);
        let qs: Vec<Range<usize>> = quotes[from..to].to_vec();
        if qs.is_empty() {
            // The last person named outside quotes speaks next if a quote follows.
            if let Some(&(_, pid)) = persons_in(&people, p).last() {
                last_speaker = Some(pid);
            }
            continue;
        }
        // Gaps between quotes: where attributions stand.
        let mut speakers: Vec<Option<(usize, &'static str)>> = Vec::new();
        for (i, q) in qs.iter().enumerate() {
            let after_end = qs.get(i + 1).map(|n| n.start).unwrap_or(p.end);
            let before_start = if i == 0 { p.start } else { qs[i - 1].end };
            // "he said": the person last named before the quote, in its paragraph outside
            // quotes, else the speaker before.
            let named_before = persons_in(&people, &(p.start..q.start))
                .iter()
                .filter(|(at, _)| !qs.iter().any(|x| x.contains(at)))
                .map(|&(_, pid)| pid)
                .next_back();
            let last = named_before.or(last_speaker);
            let after = dashed(text, &people, q.end..after_end)
                .map(|s| (s, "speaker-after-dash"))
                .or_else(|| attribution(ex, text, found, ents, &people, q.end..after_end, last));
            let s = after.or_else(|| {
                attribution(ex, text, found, ents, &people, before_start..q.start, last)
                    .map(|(s, _)| (s, "speaker-before-quote"))
            });
            speakers.push(s);
        }
        // Continuations: a quote with no attribution takes its paragraph's speaker, else the
        // speaker a line of its own names next, else the speaker introduced just before.
        let para_speaker = speakers.iter().flatten().next().copied().or_else(|| {
            let next = release.paragraphs.get(pi + 1)?;
            let unquoted = !quotes.iter().any(|q| next.contains(&q.start));
            let whole = qs.first()?.start <= p.start + 3;
            if !(unquoted && whole) {
                return None;
            }
            speaker_line(found, ents, text, next).map(|s| (s, "speaker-line-after-quote"))
        });
        for (q, s) in qs.iter().zip(speakers) {
            let (speaker, rule) = match s.or(para_speaker.map(|(p, r)| match r {
                "speaker-line-after-quote" => (p, r),
                _ => (p, "continuation-in-paragraph"),
            })) {
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
mod attribution_tests {
    //! Each way of naming a speaker, on sentences written for these tests.
    use crate::extract::{Extraction, Extractor};
    use crate::knowledge::Knowledge;
    use crate::reading::parse_text;

    fn extract(text: &str) -> Extraction {
        let kb = Knowledge::load(&[]).expect("knowledge");
        Extractor::new(&kb).extract(&parse_text("t.txt", text))
    }

    fn speaker_of(x: &Extraction, start: &str) -> Option<(String, &'static str)> {
        x.quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .and_then(|q| q.speaker.map(|s| (x.entities[s].name.clone(), q.rule)))
    }

    #[test]
    fn a_line_after_the_quote_names_its_speaker() {
        let x = extract("Title\n\nOSLO, Norway -- The wing stood up today.\n\nQuotes\n\n“Our crews have trained for this day for two long years.”\n\nColonel Ingrid Solberg, Commander, Northern Space Wing\n\n“The wing will keep watch over the Arctic for all of us.”\n\nThe Honourable Per Aas, Minister of Defence\n");
        assert_eq!(
            speaker_of(&x, "Our crews have trained"),
            Some(("Ingrid Solberg".into(), "speaker-line-after-quote"))
        );
        assert_eq!(
            speaker_of(&x, "The wing will keep watch"),
            Some(("Per Aas".into(), "speaker-line-after-quote"))
        );
    }

    #[test]
    fn he_said_after_a_person_named_in_the_same_paragraph() {
        let x = extract("Title\n\nOSLO, Norway -- Gen. Ola Berg spoke first.\n\nKari Nygaard, director of the Arctic Satellite Office, said the work would go on. “Every pass of the satellite teaches us something,” she said.\n");
        assert_eq!(
            speaker_of(&x, "Every pass of the satellite"),
            Some(("Kari Nygaard".into(), "pronoun-continues-speaker"))
        );
    }

    #[test]
    fn the_title_alone_names_the_one_person_who_holds_it() {
        let x = extract("Title\n\nOSLO, Norway -- Secretary of State Lena Vik met Ambassador Tor Dahl on Monday.\n\n“We have built this partnership one launch at a time,” the Secretary said.\n");
        assert_eq!(
            speaker_of(&x, "We have built this partnership"),
            Some(("Lena Vik".into(), "title-names-speaker"))
        );
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
