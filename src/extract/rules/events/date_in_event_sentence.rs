//! The date a sentence telling an event prints outside quotations is the event's, when it
//! has none yet; the dateline's own date is the release's, so a later one in the sentence
//! wins ("OSLO, Norway (May 6, 2025) -- The two agencies signed the accord on May 5":
//! 2025-05-05).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::Clause;
use crate::date::find_dates;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "date-in-event-sentence",
    reads: &[
        Reads::Mentions(EntityType::Event),
        Reads::Dateline,
        Reads::Facts(Predicate::Date),
    ],
    states: &[Predicate::Date],
    run: Run::Clause(run),
    examples: &[Example {
        text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise on May 8.\n",
        yields: &[("Polar Lantern Exercise", Predicate::Date, "2025-05-08")],
        absent: &[("Polar Lantern Exercise", Predicate::Date, "2025-05-09")],
    }],
};

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>) {
    let e = clause.event;
    let ev = &clause.view.span;
    if c.facts.has(e, Predicate::Date) {
        return;
    }
    let header_end = c.dateline_end().unwrap_or(0);
    let dates: Vec<_> = find_dates(&c.text[ev.clone()], c.reference)
        .into_iter()
        .filter(|d| !c.quoted(ev.start + d.start))
        .collect();
    if let Some(d) = dates
        .iter()
        .find(|d| ev.start + d.start >= header_end)
        .or(dates.first())
    {
        c.facts.add_date(e, d.date, ev);
    }
}
