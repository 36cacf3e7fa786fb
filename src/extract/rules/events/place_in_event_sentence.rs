//! A place printed after "at", "in" or "near" in the clause telling an event, after a
//! trigger and "to" ("a visit to Andøya Spaceport"), or after a verb of going to a place
//! ("visited Helsinki": the city, not the state it stands for elsewhere), is where the event
//! took place.

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::arguments::before;
use super::triggers::trigger_to;
use super::Clause;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "place-in-event-sentence",
    reads: &[
        Reads::Mentions(EntityType::Place),
        Reads::Cue(Cue::PlaceVerb),
        Reads::Cue(Cue::Future),
        Reads::Triggers,
    ],
    states: &[Predicate::Location],
    run: Run::ClauseMention(run),
    examples: &[
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise at Esrange Space Center on May 8.\n",
            yields: &[("Polar Lantern Exercise", Predicate::Location, "Esrange Space Center")],
            absent: &[],
        },
        Example {
            // The next occasion of a named event, planned, is not the one told.
            text: "Dialogue held\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland held the Arctic Space Dialogue at Esrange Space Center on May 8.\n\nThe two sides plan to hold the next Arctic Space Dialogue at Andøya Spaceport in 2026.\n",
            yields: &[("Arctic Space Dialogue", Predicate::Location, "Esrange Space Center")],
            absent: &[("Arctic Space Dialogue", Predicate::Location, "Andøya Spaceport")],
        },
        Example {
            text: "Minister travels\n\nOSLO, Norway (May 9, 2025) -- Minister Aino Laakso visited Helsinki on May 8 for the Polar Space Dialogue.\n",
            yields: &[("Polar Space Dialogue", Predicate::Location, "Helsinki")],
            absent: &[("Polar Space Dialogue", Predicate::Participant, "Finland")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) {
    let m = &clause.mentions[mi];
    if c.kind(m.entity) != EntityType::Place {
        return;
    }
    let located = before(clause, m, 3)
        .iter()
        .any(|w| matches!(w.as_str(), "at" | "in" | "near"))
        || before(clause, m, 1)
            .first()
            .is_some_and(|w| c.ex.kb.is_cue_word(Cue::PlaceVerb, w))
        || trigger_to(c, &clause.view.words, m.toks.start);
    // "with Chile set to host the next round in Santiago": the place of a later occasion.
    let later = c.ex.kb.has_cue(Cue::Future, before(clause, m, 8));
    if located && !later {
        c.facts.add(
            clause.event,
            Predicate::Location,
            m.entity,
            &clause.view.span,
        );
    }
}
