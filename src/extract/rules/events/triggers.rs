//! Event triggers: the words of the ontology's event classes (`sk:trigger`) that tell an
//! event ("signed", "ceremony", "met"), found outside quotations and names.

use super::super::context::Ctx;
use super::super::cues::signs_described_agreement;
use crate::extract::mentions::Mention;
use crate::extract::tokens::Token;
use crate::extract::EntityType;
use crate::knowledge::Cue;

/// A trigger: where it stands in the sentence, how many words it has, and the event class
/// it tells (a later trigger of a subclass refines it).
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub at: usize,
    pub len: usize,
    pub class: String,
}

/// The first trigger of an event class outside quotes and names.
pub(crate) fn find_trigger(
    c: &Ctx<'_, '_>,
    words: &[String],
    toks: &[Token],
    ms: &[Mention],
) -> Option<Trigger> {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    for i in 0..words.len() {
        if c.quoted(toks[i].start) {
            continue;
        }
        for (phrase, class) in &c.ex.lexicon.triggers {
            if i + phrase.len() <= words.len() && words[i..i + phrase.len()] == phrase[..] {
                // Inside a name ("Space Symposium") the name carries the event; a described
                // agreement ("a data-sharing agreement") is no name.
                let in_name = ms.iter().any(|m| {
                    m.toks.contains(&i)
                        && c.text[m.span.clone()]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                });
                if in_name
                    || founds_programme(c, words, ms, i)
                    || signs_another(c, words, ms, i)
                    || joins_no_programme(c, words, ms, i)
                {
                    continue;
                }
                found.push((i, phrase.len(), class.clone()));
                break;
            }
        }
    }
    // The first trigger places the event; a later one of a subclass ("signed a data-sharing
    // agreement": a data-sharing signing) gives its kind.
    let (i, n, class) = found.first()?.clone();
    // "concluded a three-day official visit to Norway": a verb whose object is an event noun
    // of another kind tells that event (the noun heads its phrase: "visited the launch site"
    // stays a visit).
    let joins = |w: &str| {
        matches!(
            w,
            "of" | "at" | "in" | "on" | "to" | "with" | "for" | "by" | "from" | "and" | ","
        )
    };
    let object = (words[i].ends_with("ed") && words[i].len() > 4)
        .then(|| {
            found.iter().skip(1).find(|(j, m, k)| {
                *k != class
                    && *j >= i + n
                    && *j <= i + n + 4
                    && !words[i + n..*j].iter().any(|w| joins(w))
                    && words.get(j + m).is_none_or(|w| joins(w) || w == ".")
            })
        })
        .flatten();
    // "met in Oslo on May 5 for talks on space security", "arrived for a three-day visit":
    // a verb whose purpose is an event noun of another kind, after "for", tells that event
    // (the verb still places it).
    let purpose = event_verb(c, words, i)
        .then(|| {
            found.iter().skip(1).find(|(j, _, k)| {
                let Some(before) = words.get(i + n..*j) else {
                    return false;
                };
                let det = |w: &String| matches!(w.as_str(), "the" | "a" | "an");
                let after_for = match before {
                    [.., f, d] if f == "for" && det(d) => true,
                    [.., f] => f == "for",
                    _ => false,
                };
                *k != class
                    && *j <= i + n + 12
                    && after_for
                    && !before
                        .iter()
                        .any(|w| matches!(w.as_str(), "and" | ";" | "." | "to"))
            })
        })
        .flatten()
        .map(|(_, _, k)| (i, n, k.clone()));
    // "announced today that it has signed an agreement": the act a verb reports, in the
    // clause after "that", is the event.
    let reported = (i + n..(i + n + 3).min(words.len()))
        .find(|&t| words[t] == "that")
        .and_then(|t| found.iter().skip(1).find(|(j, _, k)| *j > t && *k != class))
        .cloned();
    let (i, n, class) = reported
        .or(object.cloned())
        .or(purpose)
        .unwrap_or((i, n, class));
    let kb = c.ex.kb;
    let specific = found
        .iter()
        .skip(1)
        .filter(|(_, _, k)| *k != class && kb.is_event_subclass(k, &class))
        .map(|(_, _, k)| k.clone())
        .next_back()
        .unwrap_or(class);
    Some(Trigger {
        at: i,
        len: n,
        class: specific,
    })
}

/// Whether a verb of joining at `i` ("joined the") has no agreement or initiative right
/// after it: "X joined the opening session" joins an occasion, it signs nothing.
fn joins_no_programme(c: &Ctx<'_, '_>, words: &[String], ms: &[Mention], i: usize) -> bool {
    c.ex.kb.cue_at(Cue::JoinVerb, words, i).is_some()
        && !ms.iter().any(|m| {
            matches!(
                c.kind(m.entity),
                EntityType::Agreement | EntityType::Initiative
            ) && m.toks.start > i
                && m.toks.start <= i + 4
        })
}

/// Whether the verb of signing at `i` tells of another agreement than the one the sentence
/// names, described right before it ("The memorandum replaces an agreement signed 14 years
/// ago between A and B"): no event of the release.
fn signs_another(c: &Ctx<'_, '_>, words: &[String], ms: &[Mention], i: usize) -> bool {
    signs_described_agreement(c, words, i)
        && ms
            .iter()
            .any(|m| c.kind(m.entity) == EntityType::Agreement && m.toks.end != i)
}

/// Whether the word at `i` tells that an initiative or agreement was set up rather than an
/// event: a sponsor cue right before one ("launched the Polar Access Initiative"), or after
/// one and before "by" ("the Polar Orbit Coalition, an effort launched by Norway in 2021").
/// The programmes' sponsor rules read these.
fn founds_programme(c: &Ctx<'_, '_>, words: &[String], ms: &[Mention], i: usize) -> bool {
    let kb = c.ex.kb;
    let programme = |m: &&Mention| {
        matches!(
            c.kind(m.entity),
            EntityType::Initiative | EntityType::Agreement
        )
    };
    let before_one = kb.cue_at(Cue::SponsorOf, words, i).is_some_and(|n| {
        ms.iter().filter(programme).any(|m| {
            m.toks.start >= i + n
                && words[i + n..m.toks.start]
                    .iter()
                    .all(|w| matches!(w.as_str(), "the" | "a" | "an" | "its" | "their"))
        })
    });
    let after_one = kb.cue_at(Cue::SponsorBy, words, i).is_some_and(|n| {
        words[i + n..(i + n + 4).min(words.len())]
            .iter()
            .any(|w| w == "by")
            && ms.iter().filter(programme).any(|m| {
                m.toks.end <= i
                    && i - m.toks.end <= 6
                    && words[m.toks.end..i].iter().any(|w| w == ",")
            })
    });
    before_one || after_one
}

/// Whether the trigger at word `i` is a verb: a past form ("signed") or a verb of role
/// `event-verb` that does not end in -ed ("met", "signs").
pub(crate) fn event_verb(c: &Ctx<'_, '_>, words: &[String], i: usize) -> bool {
    let w = &words[i];
    (w.ends_with("ed") && w.len() > 4)
        || c.ex
            .kb
            .cue_at(crate::knowledge::Cue::EventVerb, words, i)
            .is_some()
}

/// "a visit to Washington", "a trip to the Philippines": whether the word at `at` follows a
/// trigger and "to" (the place is where the event took place).
pub(crate) fn trigger_to(c: &Ctx<'_, '_>, words: &[String], at: usize) -> bool {
    if at < 2 {
        return false;
    }
    let to = if words[at - 1] == "the" {
        at - 2
    } else {
        at - 1
    };
    words.get(to).is_some_and(|w| w == "to")
        && c.ex
            .lexicon
            .triggers
            .iter()
            .any(|(phrase, _)| to >= phrase.len() && words[to - phrase.len()..to] == phrase[..])
}
