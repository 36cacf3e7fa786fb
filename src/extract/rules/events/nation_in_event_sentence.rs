//! A nation printed after "in" in the clause telling an event, after a trigger and "to"
//! ("a visit to Finland"), or after a verb of going to a place ("visited Finland"), is where
//! the event took place.

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::arguments::{free, nation_located};
use super::Clause;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "nation-in-event-sentence",
    reads: &[
        Reads::Mentions(EntityType::Nation),
        Reads::Cue(Cue::PlaceVerb),
        Reads::Triggers,
        Reads::Dateline,
        Reads::Facts(Predicate::Location),
    ],
    states: &[Predicate::Location],
    run: Run::ClauseMention(run),
    examples: &[
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Crews from Norway took part in the Polar Lantern Exercise in Finland on May 8.\n",
            yields: &[("Polar Lantern Exercise", Predicate::Location, "Finland")],
            absent: &[],
        },
        Example {
            text: "Minister travels\n\nOSLO, Norway (May 9, 2025) -- Minister Aino Laakso visited Finland on May 8 for the Polar Space Dialogue.\n",
            yields: &[("Polar Space Dialogue", Predicate::Location, "Finland")],
            absent: &[],
        },
        // A place told with the nation is the more exact location.
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Crews from Norway took part in the Polar Lantern Exercise at Rovaniemi Air Base in Finland on May 8.\n",
            yields: &[],
            absent: &[("Polar Lantern Exercise", Predicate::Location, "Finland")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) {
    let m = &clause.mentions[mi];
    if c.kind(m.entity) != EntityType::Nation {
        return;
    }
    // A place already told is the more exact location ("in Tromsø, Norway").
    let placed = c
        .facts
        .objects(clause.event, Predicate::Location)
        .any(|o| c.kind(o) == EntityType::Place);
    if !placed && free(c, m) && nation_located(c, clause, m) {
        c.facts.add(
            clause.event,
            Predicate::Location,
            m.entity,
            &clause.view.span,
        );
    }
}
