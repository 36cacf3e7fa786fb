//! "X, a component of Y", "X reports to Y": a cue of role `parent` between two organizations
//! makes the first part of the second ("The Polar Tracking Unit reports to the Arctic Space
//! Command"). Not when the words name the first as whose component another is ("the Space
//! Force component to Y", see `component-as`).

use super::super::context::{Ctx, View};
use super::super::cues::says;
use super::super::{Example, Reads, Rule, Run};
use super::pairs::{organizations, Pair};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "component-cue",
    reads: &[
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::Parent),
        Reads::Cue(Cue::Component),
    ],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Pair(run),
    examples: &[Example {
        text: "Unit stands up\n\nOSLO, Norway (May 6, 2025) -- The Polar Tracking Unit reports to the Arctic Space Command.\n",
        yields: &[(
            "Polar Tracking Unit",
            Predicate::SubOrganizationOf,
            "Arctic Space Command",
        )],
        absent: &[],
    }],
};

/// Whether the words between a pair say the first is part of the second.
pub(crate) fn part_of(c: &Ctx<'_, '_>, pair: &Pair<'_>) -> bool {
    // "the Space Force component to Y": A names whose component it is, not the component.
    let a_qualifies = c.ex.kb.cue_at(Cue::Component, pair.between, 0).is_some();
    says(c, Cue::Parent, pair.between) && !a_qualifies
}

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, i: usize, j: usize) {
    if let Some(pair) = organizations(c, v, i, j) {
        if part_of(c, &pair) {
            c.facts.add(
                pair.a.entity,
                Predicate::SubOrganizationOf,
                pair.b.entity,
                &v.span,
            );
        }
    }
}
