//! An agreement named in the clause telling an event is the event's (what was signed):
//! "Estonia and Latvia signed the Baltic Orbit Accord". Not a framework it falls under
//! ("concluded under the Baltic Framework Agreement").

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::arguments::before;
use super::Clause;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "agreement-in-event-sentence",
    reads: &[Reads::Mentions(EntityType::Agreement)],
    states: &[Predicate::Agreement],
    run: Run::ClauseMention(run),
    examples: &[Example {
        text: "Accord signed\n\nTALLINN, Estonia (May 6, 2025) -- Estonia and Latvia signed the Baltic Orbit Accord in Tallinn on Monday.\n",
        yields: &[(
            "Signing of Baltic Orbit Accord at Tallinn, 2025-05-05",
            Predicate::Agreement,
            "Baltic Orbit Accord",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) {
    let m = &clause.mentions[mi];
    if c.kind(m.entity) == EntityType::Agreement
        && !before(clause, m, 3).iter().any(|w| w == "under")
    {
        c.facts.add(
            clause.event,
            Predicate::Agreement,
            m.entity,
            &clause.view.span,
        );
    }
}
