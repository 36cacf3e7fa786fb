//! "X’s Y": a nation or organization printed with a possessive just before an initiative or
//! agreement sponsors it ("Finland’s Polar Access Initiative").

use super::super::context::{is_agent, Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::programme_at;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "possessive-sponsor",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
    ],
    states: &[Predicate::Sponsor],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Initiative grows\n\nHELSINKI, Finland (May 6, 2025) -- Finland’s Polar Access Initiative welcomed two new members on Monday.\n",
        yields: &[("Polar Access Initiative", Predicate::Sponsor, "Finland")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = programme_at(c, &v.mentions, mi) else {
        return;
    };
    if mi == 0 {
        return;
    }
    let prev = &v.mentions[mi - 1];
    if is_agent(c.kind(prev.entity))
        && c.kind(prev.entity) != EntityType::Person
        && v.words.get(prev.toks.end).map(String::as_str) == Some("'s")
        && m.toks.start <= prev.toks.end + 2
    {
        c.facts
            .add(m.entity, Predicate::Sponsor, prev.entity, &v.span);
    }
}
