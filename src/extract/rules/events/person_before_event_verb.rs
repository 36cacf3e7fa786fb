//! "Gen. Ada Lind, commander of X, and Col. Ivo Tamm, signing for their services, ...", told
//! of an event of a kind already told by a word that is no verb of the event (a verb makes
//! every agent of its clause take part: `agent-in-event-sentence`): the persons printed
//! before the event's trigger take part in it (those the sentence names with a post still
//! do; the organizations of their posts do not).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::Telling;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "person-before-event-verb",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Triggers,
        Reads::Facts(Predicate::Heads),
        Reads::Facts(Predicate::MemberOf),
    ],
    states: &[Predicate::Participant],
    run: Run::Telling(run),
    examples: &[Example {
        text: "Accord signed\n\nTALLINN, Estonia (May 6, 2025) -- Estonia and Latvia signed the Baltic Orbit Accord in Tallinn on Monday. Minister Kadri Tamm and Minister Juris Ozols, signing for their governments at the Parliament, thanked the staff.\n",
        yields: &[
            (
                "Signing of Baltic Orbit Accord at Tallinn, 2025-05-05",
                Predicate::Participant,
                "Kadri Tamm",
            ),
            (
                "Signing of Baltic Orbit Accord at Tallinn, 2025-05-05",
                Predicate::Participant,
                "Juris Ozols",
            ),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, t: &Telling<'_>) {
    let (Some(e), Some(trig), false) = (t.event, &t.trigger, t.plain) else {
        return;
    };
    let ev = &t.view.span;
    let posted = c.affiliations(ev);
    for m in &t.view.mentions {
        if m.toks.end <= trig.at
            && !m.inside
            && c.kind(m.entity) == EntityType::Person
            && !posted.contains(&m.entity)
        {
            c.facts.add(e, Predicate::Participant, m.entity, ev);
        }
    }
}
