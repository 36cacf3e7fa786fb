//! An initiative named in the clause telling an event is what the event serves: "Norway and
//! Finland took part in the Polar Lantern Exercise under the Polar Access Initiative".

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::Clause;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "initiative-in-event-sentence",
    reads: &[Reads::Mentions(EntityType::Initiative)],
    states: &[Predicate::Initiative],
    run: Run::ClauseMention(run),
    examples: &[Example {
        text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise under the Polar Access Initiative on May 8.\n",
        yields: &[(
            "Polar Lantern Exercise",
            Predicate::Initiative,
            "Polar Access Initiative",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) {
    let m = &clause.mentions[mi];
    if c.kind(m.entity) == EntityType::Initiative {
        c.facts.add(
            clause.event,
            Predicate::Initiative,
            m.entity,
            &clause.view.span,
        );
    }
}
