//! The byline's author serves in the publishing office ("• By Sgt. Ana Kask" over "• Arctic
//! Space Command Public Affairs": she serves in the office).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::office;
use crate::extract::Predicate;

pub(crate) const RULE: Rule = Rule {
    name: "byline-office",
    reads: &[Reads::Byline],
    states: &[Predicate::MemberOf],
    run: Run::Document(run),
    examples: &[Example {
        text: "Radar opens\n\n  • By Sgt. Ana Kask\n  • Arctic Space Command Public Affairs\n\nOSLO, Norway (May 6, 2025) -- A new tracking radar opened on Monday.\n",
        yields: &[(
            "Ana Kask",
            Predicate::MemberOf,
            "Arctic Space Command Public Affairs",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>) {
    let Some((office, ev)) = office(c) else {
        return;
    };
    if let Some(a) = c.metadata.author {
        let ev = c.release.author_span.clone().unwrap_or(ev);
        let a = c.ents.resolve(a);
        c.facts.add(a, Predicate::MemberOf, office, &ev);
    }
}
