//! Cue look-ups beyond "is there a cue of this role at word i" (`Knowledge::cue_at`): cues
//! said after an agent, and cues that name the agent after them ("hosted by X", "at the
//! invitation of X").

use super::context::Ctx;
use crate::extract::mentions::Head;
use crate::knowledge::{Cue, HeadKind};

/// Whether `words` hold a cue of `role` anywhere.
pub(crate) fn says(c: &Ctx<'_, '_>, role: Cue, words: &[String]) -> bool {
    c.ex.kb.has_cue(role, words)
}

/// Whether the words after an agent say it does `role`: cues that end in "of" ("at the
/// invitation of") name the agent after them, not before, and so does a cue in the passive
/// ("an exercise hosted by Norway").
/// A cue after "to" or after a cue of role `future` ("will") tells a later occasion and
/// says nothing ("Chile is set to host the next round").
pub(crate) fn says_after(c: &Ctx<'_, '_>, role: Cue, words: &[String]) -> bool {
    // Where the first cue of a later occasion ends, once.
    let future_end = (0..words.len())
        .find_map(|j| c.ex.kb.cue_at(Cue::Future, words, j).map(|n| j + n))
        .unwrap_or(usize::MAX);
    c.ex.kb
        .cues
        .of(role)
        .iter()
        .filter(|cue| cue.last().is_none_or(|w| w != "of"))
        .any(|cue| {
            words.windows(cue.len()).enumerate().any(|(i, w)| {
                // "set to host the next round", "will host": a later occasion.
                let later = (i > 0 && words[i - 1] == "to") || future_end <= i;
                w == &cue[..] && !later && words.get(i + cue.len()).is_none_or(|n| n != "by")
            })
        })
}

/// The cue of `role` that `before` (the words before a name) ends with, an article after it
/// allowed ("a visit to the", "toured"); the longest when several end there.
pub(crate) fn cue_before<'w>(
    c: &Ctx<'_, '_>,
    role: Cue,
    before: &'w [String],
) -> Option<&'w [String]> {
    let before = before.strip_suffix(&["the".to_string()]).unwrap_or(before);
    (before.len().saturating_sub(4)..before.len())
        .find(|&i| c.ex.kb.cue_at(role, before, i) == Some(before.len() - i))
        .map(|i| &before[i..])
}

/// Whether `before` (the words before an agent) ends with "<cue of role> by" or with a cue
/// of `role` ending in "of" ("at the invitation of").
pub(crate) fn by_cue(c: &Ctx<'_, '_>, role: Cue, before: &[String]) -> bool {
    // "hosted by X", "hosted by the X", "hosted on 1 December 2023 by X": the cue among the
    // words before "by", in the same clause.
    let before = before.strip_suffix(&["the".to_string()]).unwrap_or(before);
    let n = before.len();
    let clause_start = before[..n.saturating_sub(1)]
        .iter()
        .rposition(|w| matches!(w.as_str(), "," | ";"))
        .map_or(0, |p| p + 1);
    (n >= 1
        && before[n - 1] == "by"
        && (clause_start..n - 1).any(|i| c.ex.kb.cue_at(role, &before[..n - 1], i).is_some()))
        || c.ex
            .kb
            .cues
            .of(role)
            .iter()
            .any(|cue| cue.last().is_some_and(|w| w == "of") && before.ends_with(cue))
}

/// Whether word `i` is a verb of signing right after an agreement the sentence describes with
/// an indefinite article ("replaces an agreement signed 14 years ago"): the verb tells of that
/// agreement, not of one the sentence names.
pub(crate) fn signs_described_agreement(c: &Ctx<'_, '_>, words: &[String], i: usize) -> bool {
    i >= 2
        && c.ex.kb.cue_at(Cue::SigningVerb, words, i).is_some()
        && matches!(words[i - 2].as_str(), "a" | "an" | "another")
        && c.ex
            .lexicon
            .head_of(&words[i - 1..i])
            .is_some_and(|(h, _)| matches!(h, Head::Kind(HeadKind::Agreement)))
}
