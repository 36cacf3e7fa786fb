//! A larger name built on a known organization's: "NASA Lunar Relay Office" is part of
//! NASA (the organization printed first in the run of names is its parent).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "name-built-on-parent",
    reads: &[Reads::Mentions(EntityType::Organization)],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Relay office opens\n\nHOUSTON (May 6, 2025) -- The NASA Lunar Relay Office opened on Monday.\n",
        yields: &[(
            "NASA Lunar Relay Office",
            Predicate::SubOrganizationOf,
            "National Aeronautics and Space Administration",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let m = &v.mentions[mi];
    if c.kind(m.entity) != EntityType::Organization {
        return;
    }
    for &x in &m.prefix {
        let x = c.ents.resolve(x);
        if c.kind(x) == EntityType::Organization && !m.inside {
            c.facts
                .add(m.entity, Predicate::SubOrganizationOf, x, &v.span);
        }
    }
}
