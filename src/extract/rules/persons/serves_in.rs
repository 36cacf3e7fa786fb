//! "X was commissioned into Y", "X previously served at Y": the person before the verb (a
//! cue of role `serves-in`) serves in the organization named within a few words after it,
//! before the clause ends ("Col. Lars Vik previously served at the Arctic Space Office").
//! A post once held: the countries rules do not take a nation from it.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "serves-in",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::ServesIn),
    ],
    states: &[Predicate::MemberOf],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "New chief named\n\nOSLO, Norway (May 6, 2025) -- Col. Lars Vik previously served at the Arctic Space Office.\n",
        yields: &[("Lars Vik", Predicate::MemberOf, "Arctic Space Office")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let (ms, words) = (&v.mentions, &v.words);
    let mut found = Vec::new();
    for i in 0..words.len() {
        let Some(n) = c.ex.kb.cue_at(Cue::ServesIn, words, i) else {
            continue;
        };
        if c.quoted_at(v, i) {
            continue;
        }
        let Some(p) = ms
            .iter()
            .rev()
            .find(|m| m.toks.end <= i && c.kind(m.entity) == EntityType::Person)
            .map(|m| m.entity)
        else {
            continue;
        };
        // The organization within a few words ("the senior staff of the United States
        // Space Force"), before the clause ends.
        let end = (i + n + 7).min(words.len());
        let stop = (i + n..end)
            .find(|&k| matches!(words[k].as_str(), "," | ";" | "."))
            .unwrap_or(end);
        if let Some(o) = ms.iter().find(|o| {
            !o.inside
                && o.toks.start >= i + n
                && o.toks.start < stop
                && c.kind(o.entity) == EntityType::Organization
        }) {
            found.push((p, o.entity));
        }
    }
    for (p, o) in found {
        c.facts.add(p, Predicate::MemberOf, o, &v.span);
    }
}
