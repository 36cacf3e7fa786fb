//! "Pedro Alvarez, foreign minister, signed the accord on behalf of Chile", "Ana Rojas,
//! representing the Chilean Space Agency, spoke": a person who acts for a nation serves it,
//! for a body serves in it. The cue (role `on-behalf`) is followed by the nation or body; the
//! person is the subject of the clause before it.

use super::super::context::{Ctx, View};
use super::super::lists::subject_persons;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "on-behalf-of",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::OnBehalf),
        Reads::Cue(Cue::SubjectBreak),
        Reads::Cue(Cue::CoSubjectBreak),
    ],
    states: &[Predicate::Country, Predicate::MemberOf],
    run: Run::Sentence(run),
    examples: &[
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- Pedro Alvarez, foreign minister, signed the Polar Data Accord on behalf of Chile. Lucia Rojas, representing the Andean Space Office, also spoke.\n",
            yields: &[
                ("Pedro Alvarez", Predicate::Country, "Chile"),
                ("Lucia Rojas", Predicate::MemberOf, "Andean Space Office"),
            ],
            absent: &[("Pedro Alvarez", Predicate::Country, "Norway")],
        },
        // A person after the cue does not act for the nation before it.
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- The accord was signed on behalf of Chile by its ambassador, and Kari Holm said Norway welcomed it.\n",
            yields: &[],
            absent: &[("Kari Holm", Predicate::Country, "Chile")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let words = &v.words;
    let mut found = Vec::new();
    for i in 0..words.len() {
        let Some(n) = c.ex.kb.cue_at(Cue::OnBehalf, words, i) else {
            continue;
        };
        if c.quoted_at(v, i) {
            continue;
        }
        let mut at = i + n;
        if words.get(at).is_some_and(|w| w == "the") {
            at += 1;
        }
        let Some(body) = v
            .mentions
            .iter()
            .find(|m| !m.inside && m.toks.start == at)
            .filter(|m| {
                matches!(
                    c.kind(m.entity),
                    EntityType::Nation | EntityType::Organization
                )
            })
        else {
            continue;
        };
        let predicate = if c.kind(body.entity) == EntityType::Nation {
            Predicate::Country
        } else {
            Predicate::MemberOf
        };
        for p in subject_persons(c, v, i) {
            found.push((p, predicate, body.entity));
        }
    }
    for (p, predicate, b) in found {
        c.facts.add(p, predicate, b, &v.span);
    }
}
