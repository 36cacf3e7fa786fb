//! Coordinated lists of agents: "NASA, ESA and the U.S. Department of State", read forward
//! from a word ("signed by A and B") or backward from it ("A and B signed").

use super::context::{Ctx, View};
use super::organizations::nests;
use crate::extract::EntityType;
use crate::knowledge::Cue;

/// The organizations and nations of a list that starts at word `at` (`forward`) or ends
/// just before it. A body nested in the one before it ("the Space Office of the Ministry of
/// X of the Republic of Chile") is one item, the first.
pub(crate) fn coordinated(c: &Ctx<'_, '_>, v: &View<'_>, at: usize, forward: bool) -> Vec<usize> {
    let words = &v.words;
    let joiner = |w: &str| matches!(w, "," | "and" | "the" | "its" | "both");
    let agents: Vec<_> = v
        .mentions
        .iter()
        .filter(|o| {
            !o.inside
                && matches!(
                    c.kind(o.entity),
                    EntityType::Organization | EntityType::Nation
                )
        })
        .collect();
    let mut out = Vec::new();
    if forward {
        let mut pos = at;
        loop {
            while pos < words.len() && joiner(&words[pos]) {
                pos += 1;
            }
            match agents.iter().find(|o| o.toks.start == pos) {
                Some(o) => {
                    out.push(o.entity);
                    pos = o.toks.end;
                    while let Some(q) = agents
                        .iter()
                        .find(|q| q.toks.start > pos && nests(&words[pos..q.toks.start]))
                    {
                        pos = q.toks.end;
                    }
                    // "NASA (the agency)" or an acronym in parentheses.
                    if words.get(pos).map(String::as_str) == Some("(") {
                        pos = (pos..words.len())
                            .find(|&j| words[j] == ")")
                            .map_or(pos, |j| j + 1);
                    }
                }
                None => break,
            }
        }
    } else {
        let mut pos = at;
        loop {
            while pos > 0 && joiner(&words[pos - 1]) {
                pos -= 1;
            }
            if pos > 0 && words[pos - 1] == ")" {
                pos = (0..pos - 1).rev().find(|&j| words[j] == "(").unwrap_or(pos);
            }
            match agents.iter().find(|o| o.toks.end == pos) {
                Some(o) => {
                    let mut head = o;
                    while let Some(p) = agents.iter().find(|p| {
                        p.toks.end < head.toks.start && nests(&words[p.toks.end..head.toks.start])
                    }) {
                        head = p;
                    }
                    out.push(head.entity);
                    pos = head.toks.start;
                }
                None => break,
            }
        }
    }
    out
}

/// The persons a verb at word `at` has for subject: the last person before it in its clause,
/// and those joined to it by "and" ("X, director of Y, and Z, the agency's deputy, co-chaired
/// the meeting": X and Z).
pub(crate) fn subject_persons(c: &Ctx<'_, '_>, v: &View<'_>, at: usize) -> Vec<usize> {
    let words = &v.words;
    let persons: Vec<_> = v
        .mentions
        .iter()
        .filter(|o| !o.inside && o.toks.end <= at && c.kind(o.entity) == EntityType::Person)
        .collect();
    let Some(last) = persons.last() else {
        return Vec::new();
    };
    // Nothing but the subject's own appositive between it and the verb.
    if words[last.toks.end..at]
        .iter()
        .any(|w| matches!(w.as_str(), ";" | ".") || c.ex.kb.is_cue_word(Cue::SubjectBreak, w))
    {
        return Vec::new();
    }
    let mut out = vec![last.entity];
    let mut next = last.toks.start;
    for p in persons.iter().rev().skip(1) {
        let between = &words[p.toks.end..next];
        let joined = between.iter().any(|w| w == "and")
            && !between.iter().any(|w| {
                matches!(w.as_str(), ";" | ".") || c.ex.kb.is_cue_word(Cue::CoSubjectBreak, w)
            });
        if !joined {
            break;
        }
        out.push(p.entity);
        next = p.toks.start;
    }
    out
}
