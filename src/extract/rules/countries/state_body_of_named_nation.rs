//! A known state body (an agency, ministry, department or command of the gazetteer) belongs
//! to its nation once the release names that nation, even when its own name does not print
//! it ("NASA briefed visitors from the United States and Finland": NASA's country is the
//! United States).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::nations::{is_state_body, of_organization};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "state-body-of-named-nation",
    reads: &[
        Reads::Mentions(EntityType::Organization),
        Reads::Mentions(EntityType::Nation),
        Reads::Gazetteer,
    ],
    states: &[Predicate::Country],
    run: Run::Entity(run),
    examples: &[Example {
        text: "Guests\n\nHOUSTON (May 6, 2025) -- NASA briefed visitors from the United States and Finland on Monday.\n",
        yields: &[(
            "National Aeronautics and Space Administration",
            Predicate::Country,
            "United States",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, id: usize) {
    if c.kind(id) != EntityType::Organization {
        return;
    }
    let ev = c.first_sentence_of(id);
    if let Some((n, false)) = of_organization(c, id) {
        if is_state_body(c, id) {
            c.facts.add(id, Predicate::Country, n, &ev);
        }
    }
}
