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
    examples: &[
        Example {
            text: "Accord signed\n\nTALLINN, Estonia (May 6, 2025) -- Estonia and Latvia signed the Baltic Orbit Accord in Tallinn on Monday.\n",
            yields: &[(
                "Signing of Baltic Orbit Accord at Tallinn, 2025-05-05",
                Predicate::Agreement,
                "Baltic Orbit Accord",
            )],
            absent: &[],
        },
        // Another agreement signed by those who signed the first is signed at the same
        // occasion; one with another party is another signing.
        Example {
            text: "Pact signed\n\nOSLO, Norway (May 9, 2025) -- Director Ana Ruiz of the Arctic Space Office and Director Ivo Berg of the Polar Data Directorate signed the Polar Data Accord in Oslo on May 8.\n\nAna Ruiz and Ivo Berg also signed the Orbit Safety Accord.\n\nThe Arctic Space Office signed the Ice Watch Accord with Chile the same day.\n",
            yields: &[
                ("Signing of Polar Data Accord at Oslo, 2025-05-08", Predicate::Agreement, "Orbit Safety Accord"),
                ("Signing of Ice Watch Accord", Predicate::Agreement, "Ice Watch Accord"),
            ],
            absent: &[(
                "Signing of Polar Data Accord at Oslo, 2025-05-08",
                Predicate::Agreement,
                "Ice Watch Accord",
            )],
        },
    ],
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
