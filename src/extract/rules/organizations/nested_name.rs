//! "the X of the Y", "the X at the Y": an organization named right before another, joined by
//! "of" or "at", is part of it ("the Space Office of the Ministry of Foreign Affairs", "the
//! Laboratory for Orbital Physics at the University of Tromsø"). Not when the gazetteer
//! knows the second as part of the first.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::pairs::{nests, organizations};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "nested-name",
    reads: &[Reads::Mentions(EntityType::Organization), Reads::Gazetteer],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Pair(run),
    examples: &[
        Example {
            text: "Office opens\n\nSANTIAGO, Chile (May 6, 2025) -- The Orbital Affairs Office of the Chilean Ministry of Foreign Affairs opened on Monday.\n",
            yields: &[(
                "Orbital Affairs Office",
                Predicate::SubOrganizationOf,
                "Chilean Ministry of Foreign Affairs",
            )],
            absent: &[],
        },
        // After the first's acronym, with "at".
        Example {
            text: "Lab joins\n\nTROMSØ, Norway (May 6, 2025) -- The Laboratory for Orbital Physics (LOP) at the Arctic University built the camera.\n",
            yields: &[(
                "Laboratory for Orbital Physics",
                Predicate::SubOrganizationOf,
                "Arctic University",
            )],
            absent: &[],
        },
        // Other words between: no nesting.
        Example {
            text: "Offices meet\n\nOSLO, Norway (May 6, 2025) -- The Orbital Affairs Office met with the Norwegian Space Agency on Monday.\n",
            yields: &[],
            absent: &[(
                "Orbital Affairs Office",
                Predicate::SubOrganizationOf,
                "Norwegian Space Agency",
            )],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, i: usize, j: usize) {
    let Some(pair) = organizations(c, v, i, j) else {
        return;
    };
    if !nests(pair.between) || known_child(c, pair.b.entity, pair.a.entity) {
        return;
    }
    c.facts.add(
        pair.a.entity,
        Predicate::SubOrganizationOf,
        pair.b.entity,
        &v.span,
    );
}

/// Whether the gazetteer knows organization `child` as part of `parent`.
fn known_child(c: &Ctx<'_, '_>, child: usize, parent: usize) -> bool {
    match (c.known_organization(child), c.known_organization(parent)) {
        (Some(ch), Some(p)) => ch.parent.as_deref() == Some(p.id.as_str()),
        _ => false,
    }
}
