//! An organization, a lowercase role noun, then names: the persons serve the organization
//! ("European Space Agency (ESA) engineers Mia Holt and Per Lund": both serve ESA).
//! The role nouns are cues of role `person-role`.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::person_at;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "organization-role-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::PersonRole),
    ],
    states: &[Predicate::MemberOf],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Crew named\n\nNOORDWIJK, Netherlands (May 6, 2025) -- European Space Agency (ESA) engineers Mia Holt and Per Lund began the tests.\n",
        yields: &[
            ("Mia Holt", Predicate::MemberOf, "European Space Agency"),
            ("Per Lund", Predicate::MemberOf, "European Space Agency"),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let (ms, words) = (&v.mentions, &v.words);
    let mut at = m.lead.min(m.toks.start);
    // The second of "A and B" shares the first one's role.
    if at >= 1 && words[at - 1] == "and" {
        if let Some(prev) = ms[..mi].iter().rev().find(|o| o.toks.end + 1 == at) {
            if c.kind(prev.entity) == EntityType::Person {
                at = prev.lead.min(prev.toks.start);
            }
        }
    }
    let role = at >= 1 && c.ex.kb.has_cue(Cue::PersonRole, &words[at - 1..at]);
    if !role {
        return;
    }
    if let Some(o) = ms[..mi].iter().rev().find(|o| {
        !o.inside
            && c.kind(o.entity) == EntityType::Organization
            && (o.toks.end + 1 == at
                || (words.get(o.toks.end).map(String::as_str) == Some("(")
                    && words.get(at - 2).map(String::as_str) == Some(")")))
    }) {
        c.facts
            .add(m.entity, Predicate::MemberOf, o.entity, &v.span);
    }
}
