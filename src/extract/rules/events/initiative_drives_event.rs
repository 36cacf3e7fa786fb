//! An initiative named in a sentence that tells no event but points back with "this" or
//! "these" drives the event told last ("The Polar Access Initiative drives this
//! collaboration").

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::Telling;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "initiative-drives-event",
    reads: &[Reads::Mentions(EntityType::Initiative)],
    states: &[Predicate::Initiative],
    run: Run::Telling(run),
    examples: &[Example {
        text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise at Esrange Space Center on May 8. The Polar Access Initiative drives this collaboration.\n",
        yields: &[(
            "Polar Lantern Exercise",
            Predicate::Initiative,
            "Polar Access Initiative",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, t: &Telling<'_>) {
    let (None, Some(le)) = (t.event, t.previous) else {
        return;
    };
    if !t.view.words.iter().any(|w| w == "this" || w == "these") {
        return;
    }
    for m in &t.view.mentions {
        if c.kind(m.entity) == EntityType::Initiative {
            c.facts
                .add(le, Predicate::Initiative, m.entity, &t.view.span);
        }
    }
}
