//! Changes of command: "Lt. Col. X assumed command of Y" (a cue of role `command`, the
//! person just before it), and the organization a release is about.

use super::super::context::{Ctx, View};
use crate::extract::EntityType;
use crate::knowledge::Cue;
use std::collections::HashMap;

/// A change of command told at word `i`: the person who took command, and the organization
/// named after "of", if one is.
pub(crate) fn change_at(c: &Ctx<'_, '_>, v: &View<'_>, i: usize) -> Option<(usize, Option<usize>)> {
    let (ms, words) = (&v.mentions, &v.words);
    let n = c.ex.kb.cue_at(Cue::Command, words, i)?;
    if c.quoted_at(v, i) {
        return None;
    }
    // The person just before the verb.
    let p = ms
        .iter()
        .rev()
        .find(|m| m.toks.end <= i && m.toks.end + 2 >= i)
        .filter(|m| c.kind(m.entity) == EntityType::Person)
        .map(|m| m.entity)?;
    let named = ms
        .iter()
        .find(|o| {
            !o.inside
                && c.kind(o.entity) == EntityType::Organization
                && words.get(i + n).map(String::as_str) == Some("of")
                && (o.toks.start == i + n + 1
                    || (o.toks.start == i + n + 2 && words[i + n + 1] == "the"))
        })
        .map(|o| o.entity);
    Some((p, named))
}

/// The organization the release is about: the one it names most often (outside other
/// names), the first created on a tie.
pub(crate) fn principal_organization(c: &Ctx<'_, '_>) -> Option<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for v in c.views {
        for m in &v.mentions {
            if !m.inside && c.kind(m.entity) == EntityType::Organization {
                *counts.entry(m.entity).or_default() += 1;
            }
        }
    }
    counts
        .iter()
        .max_by_key(|&(&e, &n)| (n, std::cmp::Reverse(e)))
        .map(|(&e, _)| e)
}
