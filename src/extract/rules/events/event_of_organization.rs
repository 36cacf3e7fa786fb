//! "Polar Lantern 2025, the Arctic Space Command’s flagship exercise": the organization (or
//! nation) whose event an appositive after the event's name says it is hosts it.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "event-of-organization",
    reads: &[
        Reads::Mentions(EntityType::Event),
        Reads::Mentions(EntityType::Organization),
        Reads::Mentions(EntityType::Nation),
    ],
    states: &[Predicate::Host],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- The Polar Lantern Exercise, Arctic Space Command’s flagship exercise, ended on May 8.\n",
        yields: &[(
            "Polar Lantern Exercise",
            Predicate::Host,
            "Arctic Space Command",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let m = &v.mentions[mi];
    if c.kind(m.entity) != EntityType::Event {
        return;
    }
    let words = &v.words;
    let mut i = m.toks.end;
    // Skip "(PL25)".
    if words.get(i).map(String::as_str) == Some("(") {
        while i < words.len() && words[i] != ")" {
            i += 1;
        }
        i += 1;
    }
    if words.get(i).map(String::as_str) != Some(",") {
        return;
    }
    let owner = v.mentions.iter().find(|o| {
        o.toks.start == i + 1
            && matches!(
                c.kind(o.entity),
                EntityType::Organization | EntityType::Nation
            )
            && words.get(o.toks.end).map(String::as_str) == Some("'s")
    });
    if let Some(o) = owner {
        c.facts.add(m.entity, Predicate::Host, o.entity, &v.span);
    }
}
