//! "X, who led Y": heading stated by a relative clause right after the name ("Gen. Rolf
//! Dahl, who commands the Northern Space Group, spoke": he heads the group).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::person_at;
use crate::extract::mentions::Mention;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "who-led",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
    ],
    states: &[Predicate::Heads],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "General retires\n\nOSLO, Norway (May 6, 2025) -- Gen. Rolf Dahl, who commands the Northern Space Group, will retire in June.\n",
            yields: &[("Rolf Dahl", Predicate::Heads, "Northern Space Group")],
            absent: &[],
        },
        // A nation's possessive before the body.
        Example {
            text: "Minister travels\n\nOSLO, Norway (May 6, 2025) -- Kari Nordmann, who chairs Norway’s Space Safety Board, arrived in Santiago.\n",
            yields: &[("Kari Nordmann", Predicate::Heads, "Space Safety Board")],
            absent: &[],
        },
    ],
};

/// The organization named within four words after the person at `mi`, if the next mention
/// there is one; a nation's possessive may stand before it ("who heads Chile's Ministry of
/// Mining").
pub(crate) fn next_organization<'v>(
    c: &Ctx<'_, '_>,
    v: &'v View<'_>,
    mi: usize,
) -> Option<&'v Mention> {
    let m = &v.mentions[mi];
    let mut next = v.mentions.iter().skip(mi + 1).filter(|o| !o.inside);
    let first = next.next().filter(|o| o.toks.start <= m.toks.end + 4)?;
    let possessive = c.kind(first.entity) == EntityType::Nation
        && v.words.get(first.toks.end).map(String::as_str) == Some("'s");
    let o = if possessive {
        next.next().filter(|o| o.toks.start == first.toks.end + 1)?
    } else {
        first
    };
    (c.kind(o.entity) == EntityType::Organization).then_some(o)
}

/// Whether ", who led" (or commands, heads, directs ...) follows the name at `mi`.
pub(crate) fn led(c: &Ctx<'_, '_>, v: &View<'_>, mi: usize) -> bool {
    let end = v.mentions[mi].toks.end;
    let after_words: Vec<&str> = v.words[end..(end + 4).min(v.words.len())]
        .iter()
        .map(String::as_str)
        .collect();
    matches!(
        after_words.as_slice(),
        [",", "who", verb, ..] if c.ex.kb.is_cue_word(Cue::WhoLeads, verb)
    )
}

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    if let Some(o) = next_organization(c, v, mi) {
        if led(c, v, mi) {
            c.facts.add(m.entity, Predicate::Heads, o.entity, &v.span);
        }
    }
}
