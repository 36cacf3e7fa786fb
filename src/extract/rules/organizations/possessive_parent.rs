//! "the Y’s X", "Y, whose X": the organization before the possessive holds the one after it
//! ("the Arctic Space Command’s Polar Tracking Unit" is part of the command).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::component_cue::part_of;
use super::pairs::organizations;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "possessive-parent",
    reads: &[
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::Parent),
        Reads::Cue(Cue::Component),
    ],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Pair(run),
    examples: &[Example {
        text: "Unit stands up\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Command’s Polar Tracking Unit opened a new site.\n",
        yields: &[(
            "Polar Tracking Unit",
            Predicate::SubOrganizationOf,
            "Arctic Space Command",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, i: usize, j: usize) {
    let Some(pair) = organizations(c, v, i, j) else {
        return;
    };
    let between = pair.between.join(" ");
    if !part_of(c, &pair) && (between == "'s" || between == "whose" || between == ", whose") {
        c.facts.add(
            pair.b.entity,
            Predicate::SubOrganizationOf,
            pair.a.entity,
            &v.span,
        );
    }
}
