//! "assigning X to the Y": the organization assigned is part of the one it is assigned to
//! ("The order took effect Monday, assigning Polar Tracking Unit to the Arctic Space
//! Command"). The name must follow the verb directly: "assigning the unit to" names none.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::pairs::organizations;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "assigned-to",
    reads: &[Reads::Mentions(EntityType::Organization)],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Pair(run),
    examples: &[Example {
        text: "Unit assigned\n\nOSLO, Norway (May 6, 2025) -- The order took effect Monday, assigning Polar Tracking Unit to the Arctic Space Command.\n",
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
    let a = pair.a;
    let before_a = if a.toks.start > 0 {
        v.words[a.toks.start - 1].as_str()
    } else {
        ""
    };
    if matches!(before_a, "assigning" | "assigned" | "assign") && between.ends_with("to the")
        || between == "to" && matches!(before_a, "assigning" | "assigned")
    {
        c.facts.add(
            a.entity,
            Predicate::SubOrganizationOf,
            pair.b.entity,
            &v.span,
        );
    }
}
