//! A sentence about joining or membership (a cue of role `membership`) with one initiative
//! (or the one the sentences before name most) and the nations or organizations that join
//! it: they are its members, unless they run it ("Estonia and Latvia joined the Polar
//! Access Initiative on Monday").

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::joining::joining;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "membership-sentence",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Mentions(EntityType::Person),
        Reads::Cue(Cue::Membership),
        Reads::Cue(Cue::Signing),
        Reads::Cue(Cue::SigningVerb),
        Reads::Cue(Cue::Company),
        Reads::Cue(Cue::Visited),
        Reads::HeadWords,
        Reads::Hedges,
        Reads::Facts(Predicate::Heads),
        Reads::Facts(Predicate::MemberOf),
        Reads::Facts(Predicate::Country),
        Reads::Facts(Predicate::Sponsor),
    ],
    states: &[Predicate::Member],
    run: Run::Sentence(run),
    examples: &[
        Example {
            text: "Initiative grows\n\nTALLINN, Estonia (May 6, 2025) -- Estonia and Latvia joined the Polar Access Initiative on Monday.\n",
            yields: &[
                ("Polar Access Initiative", Predicate::Member, "Estonia"),
                ("Polar Access Initiative", Predicate::Member, "Latvia"),
            ],
            absent: &[],
        },
        Example {
            text: "Initiative grows\n\nTALLINN, Estonia (May 6, 2025) -- Finland set up the Polar Access Initiative in 2021. Estonia is considering joining the initiative.\n",
            yields: &[],
            absent: &[("Polar Access Initiative", Predicate::Member, "Estonia")],
        },
        // "belongs to ... together with A and B": the list of company shares the verb; a
        // nation named for another reason does not.
        Example {
            text: "Initiative grows\n\nTALLINN, Estonia (May 6, 2025) -- The ministry met. Norway belongs to the Polar Access Initiative together with Finland and Iceland, officials in Sweden said.\n",
            yields: &[
                ("Polar Access Initiative", Predicate::Member, "Norway"),
                ("Polar Access Initiative", Predicate::Member, "Finland"),
                ("Polar Access Initiative", Predicate::Member, "Iceland"),
            ],
            absent: &[("Polar Access Initiative", Predicate::Member, "Sweden")],
        },
        // A sentence that names no initiative and only a word for those who take part or
        // cooperate ("partners", "participants") joins nobody to the one named before.
        Example {
            text: "Initiative grows\n\nTALLINN, Estonia (May 6, 2025) -- Estonia joined the Polar Access Initiative on Monday. Estonia's minister thanked the partners at the Arctic Space Office and the Baltic Space Wing.\n",
            yields: &[("Polar Access Initiative", Predicate::Member, "Estonia")],
            absent: &[
                ("Polar Access Initiative", Predicate::Member, "Arctic Space Office"),
                ("Polar Access Initiative", Predicate::Member, "Baltic Space Wing"),
            ],
        },
        // "becomes part of" (data): joining.
        Example {
            text: "Initiative grows\n\nTALLINN, Estonia (May 6, 2025) -- Today Estonia becomes part of the Polar Access Initiative.\n",
            yields: &[("Polar Access Initiative", Predicate::Member, "Estonia")],
            absent: &[],
        },
        // Taking part in a series held in editions is taking part in an edition.
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 6, 2025) -- Polar Shield 2025, a multinational space exercise, ended in Oslo. Finland and Chile were the participants in Polar Shield this year.\n",
            yields: &[],
            absent: &[
                ("Polar Shield", Predicate::Member, "Finland"),
                ("Polar Shield", Predicate::Member, "Chile"),
            ],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let Some(j) = joining(c, v) else {
        return;
    };
    if c.kind(j.target) == EntityType::Initiative && j.joined {
        for a in j.agents {
            if !j.sponsors.contains(&a) {
                c.facts.add(j.target, Predicate::Member, a, &v.span);
            }
        }
    }
}
