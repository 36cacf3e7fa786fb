//! A body with no nation of its own is in its parent's, through the nesting the release
//! states ("The Polar Tracking Squadron, a component of the Arctic Space Wing of the Royal
//! Norwegian Air Force": the squadron and the wing are Norway's). A body whose own name or
//! gazetteer entry gives a nation keeps it.

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::nations::organization_nations;
use crate::extract::Predicate;

pub(crate) const RULE: Rule = Rule {
    name: "nation-of-parent-body",
    reads: &[
        Reads::Facts(Predicate::SubOrganizationOf),
        Reads::Facts(Predicate::Country),
        Reads::Gazetteer,
    ],
    states: &[Predicate::Country],
    run: Run::Document(run),
    examples: &[
        Example {
            text: "Squadron drills\n\nOSLO, Norway (May 6, 2025) -- The Polar Tracking Squadron is a component of the Arctic Space Wing, which reports to the Royal Norwegian Air Force.\n",
            yields: &[
                ("Arctic Space Wing", Predicate::Country, "Norway"),
                ("Polar Tracking Squadron", Predicate::Country, "Norway"),
            ],
            absent: &[],
        },
        // A part of a body of no nation has none.
        Example {
            text: "Lab opens\n\nOSLO, Norway (May 6, 2025) -- The Orbital Debris Lab, a component of the Nordic Orbital Consortium, opened on Monday.\n",
            yields: &[],
            absent: &[("Orbital Debris Lab", Predicate::Country, "Norway")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>) {
    let mut found: Vec<_> = organization_nations(c)
        .into_iter()
        .filter_map(|(o, (n, via))| via.map(|ev| (o, n, ev)))
        .filter(|(o, _, _)| !c.facts.has(*o, Predicate::Country))
        .collect();
    found.sort_by_key(|(o, _, ev)| (ev.start, *o));
    for (o, n, ev) in found {
        c.facts.add(o, Predicate::Country, n, &ev);
    }
}
