//! "here" in the sentence telling an event: the event took place at the dateline's place
//! ("KIRUNA, Sweden (May 9, 2025) -- Crews from Norway and Finland met here on May 8").

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::Clause;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "here-is-the-dateline",
    reads: &[Reads::Dateline, Reads::Mentions(EntityType::Place)],
    states: &[Predicate::Location],
    run: Run::Clause(run),
    examples: &[Example {
        text: "Exercise ends\n\nKIRUNA, Sweden (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise here on May 8.\n",
        yields: &[("Polar Lantern Exercise", Predicate::Location, "Kiruna")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>) {
    if !clause.view.words.iter().any(|w| w == "here") {
        return;
    }
    let Some(dl) = &c.release.dateline else {
        return;
    };
    let key = dl.place_span.clone();
    if let Some(pid) = c
        .ents
        .ids()
        .find(|&i| c.ents.get(i).kind == EntityType::Place && c.ents.get(i).mentions.contains(&key))
    {
        c.facts
            .add(clause.event, Predicate::Location, pid, &clause.view.span);
    }
}
