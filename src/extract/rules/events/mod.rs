//! Events: the event each sentence tells (`detection`), and the rules that read its date,
//! place, participants, host, leader, agreement and initiative from the clause that tells
//! it. They run in the event pass: sentence by sentence, detection finds the event (and a
//! second one after "during"), then the clause rules run on each event's clause (mention
//! rules mention by mention), then the rules on the sentence as a whole.

pub(super) mod agent_in_event_sentence;
pub(super) mod agreement_in_event_sentence;
pub(super) mod date_in_event_sentence;
pub(super) mod edition_of_series;
pub(super) mod event_of_organization;
pub(super) mod here_is_the_dateline;
pub(super) mod host_verb;
pub(super) mod initiative_drives_event;
pub(super) mod initiative_in_event_sentence;
pub(super) mod lead_verb;
pub(super) mod nation_in_event_sentence;
pub(super) mod person_before_event_verb;
pub(super) mod place_in_event_sentence;
pub(super) mod signatory_took_part;

mod arguments;
pub(super) mod detection;
pub(super) mod naming;
mod triggers;

use super::context::{Ctx, View};
use super::{Rule, Run};
use crate::extract::mentions::Mention;
use triggers::Trigger;

/// An event and the clause of a sentence that tells it.
pub(crate) struct Clause<'v> {
    pub event: usize,
    pub view: &'v View<'v>,
    /// The mentions of the clause: agents after the clause ends are named for other
    /// reasons ("..., assigning the unit to Y").
    pub mentions: Vec<Mention>,
    /// Whether the agents of the clause take part: not when the sentence only tells again
    /// an event of a kind already told, unless it speaks of participation.
    pub plain: bool,
}

/// A sentence of the event pass: the event it tells, if any, and the clauses telling it.
pub(crate) struct Telling<'v> {
    pub view: &'v View<'v>,
    pub event: Option<usize>,
    /// When it tells no event: the event told last before it.
    pub previous: Option<usize>,
    /// The first event trigger outside quotations and names.
    pub trigger: Option<Trigger>,
    /// As `Clause::plain`, for the event the sentence tells.
    pub plain: bool,
    /// The event's clause, then a second event's after "during".
    pub clauses: Vec<Clause<'v>>,
}

/// The event pass: `rules` are the event rules of the cascade, in order.
pub(crate) fn pass(c: &mut Ctx<'_, '_>, rules: &[Rule]) {
    let mut story = detection::Story::new(c);
    let views = c.views;
    for v in views {
        c.facts.rule = detection::NAME;
        let telling = story.tell(c, v);
        for clause in &telling.clauses {
            clause_rules(c, clause, rules);
        }
        for r in rules {
            if let Run::Telling(f) = r.run {
                c.facts.rule = r.name;
                f(c, &telling);
            }
        }
    }
}

/// The clause rules over one event's clause.
fn clause_rules(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, rules: &[Rule]) {
    let mut k = 0;
    while k < rules.len() {
        match rules[k].run {
            Run::Clause(f) => {
                c.facts.rule = rules[k].name;
                f(c, clause);
                k += 1;
            }
            Run::ClauseMention(_) => {
                let n = rules[k..]
                    .iter()
                    .take_while(|r| matches!(r.run, Run::ClauseMention(_)))
                    .count();
                for mi in 0..clause.mentions.len() {
                    for r in &rules[k..k + n] {
                        if let Run::ClauseMention(f) = r.run {
                            c.facts.rule = r.name;
                            f(c, clause, mi);
                        }
                    }
                }
                k += n;
            }
            _ => k += 1,
        }
    }
}
