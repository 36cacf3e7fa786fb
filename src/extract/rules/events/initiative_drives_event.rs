//! An initiative named in a sentence that tells no event, its verb pointing back with
//! "this" or "these", drives the event told last ("The Polar Access Initiative drives this
//! collaboration"). The pointer follows the name within six words of its clause.

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
    },
    // A "this" elsewhere in the sentence points to no event of the initiative's.
    Example {
        text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise at Esrange Space Center on May 8. This year Finland marks ten years in the Polar Access Initiative.\n",
        yields: &[],
        absent: &[(
            "Polar Lantern Exercise",
            Predicate::Initiative,
            "Polar Access Initiative",
        )],
    }],
};

fn run(c: &mut Ctx<'_, '_>, t: &Telling<'_>) {
    let (None, Some(le)) = (t.event, t.previous) else {
        return;
    };
    let words = &t.view.words;
    for m in &t.view.mentions {
        if c.kind(m.entity) != EntityType::Initiative {
            continue;
        }
        // The pointer follows the initiative's name within its clause: "X drives this
        // collaboration", "X underpins these talks".
        let points_back = words[m.toks.end..(m.toks.end + 7).min(words.len())]
            .iter()
            .take_while(|w| !matches!(w.as_str(), "," | ";" | "."))
            .any(|w| w == "this" || w == "these");
        if points_back {
            c.facts
                .add(le, Predicate::Initiative, m.entity, &t.view.span);
        }
    }
}
