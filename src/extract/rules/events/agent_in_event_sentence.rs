//! The nations, organizations and persons of the clause telling an event take part in it
//! ("Norway and Finland took part in the Polar Lantern Exercise"), unless they host or lead it,
//! are where it took place, are named as someone's organization, or qualify a name ("U.S.
//! Ambassador", "the Finnish part"); and only when the sentence tells participation (not
//! when it only tells again an event of a kind already told).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::arguments::{before, free, nation_located, posted};
use super::host_verb::hosts;
use super::lead_verb::leads;
use super::Clause;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "agent-in-event-sentence",
    reads: &[
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Mentions(EntityType::Person),
        Reads::Cue(Cue::Host),
        Reads::Cue(Cue::Lead),
        Reads::Cue(Cue::Participation),
        Reads::Triggers,
        Reads::Dateline,
        Reads::Facts(Predicate::Heads),
        Reads::Facts(Predicate::MemberOf),
    ],
    states: &[Predicate::Participant],
    run: Run::ClauseMention(run),
    examples: &[
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise with the Arctic Space Command on May 8.\n",
            yields: &[
                ("Polar Lantern Exercise", Predicate::Participant, "Norway"),
                ("Polar Lantern Exercise", Predicate::Participant, "Finland"),
                (
                    "Polar Lantern Exercise",
                    Predicate::Participant,
                    "Arctic Space Command",
                ),
            ],
            absent: &[],
        },
        Example {
            // The event head word before the name proper ("Exercise Polar Lantern").
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in Exercise Polar Lantern at Esrange Space Center on May 8.\n",
            yields: &[
                ("Exercise Polar Lantern", Predicate::Participant, "Norway"),
                ("Exercise Polar Lantern", Predicate::Participant, "Finland"),
            ],
            absent: &[],
        },
        // A named event of another kind after "during" is the occasion: the signers sign
        // (the signing told before) and take part in the congress.
        Example {
            text: "Pact signed\n\nOSLO, Norway (May 9, 2025) -- The Arctic Space Office and the Polar Data Directorate signed a pact on May 8.\n\nCol. Ana Ruiz and Dr. Ivo Berg signed the pact during the 12th Polar Space Congress in Tromsø.\n",
            yields: &[
                ("Signing with Arctic Space Office at Tromsø, 2025-05-08", Predicate::Participant, "Ana Ruiz"),
                ("12th Polar Space Congress", Predicate::Participant, "Ana Ruiz"),
            ],
            absent: &[],
        },
        // "and" before another body's head word begins the next body.
        Example {
            text: "Pact\n\nOSLO, Norway (May 6, 2025) -- Officials of the Ministry of Defence and Ministry of Trade, Industry and Fisheries signed the pact in Oslo.\n",
            yields: &[
                ("Signing with Ministry of Defence at Oslo, 2025-05-06", Predicate::Participant, "Ministry of Defence"),
                ("Signing with Ministry of Defence at Oslo, 2025-05-06", Predicate::Participant, "Ministry of Trade, Industry and Fisheries"),
            ],
            absent: &[],
        },
        // Acronyms no gazetteer knows, listed with an organization, are organizations.
        Example {
            text: "Visit\n\nOSLO, Norway (May 9, 2025) -- Director Ana Ruiz met officials of NORSAT, ARCTEX and the Polar Data Directorate in Oslo on May 8.\n\nThe GPS, SSA and ISR topics were discussed.\n",
            yields: &[
                ("Meeting with Ana Ruiz at Oslo, 2025-05-08", Predicate::Participant, "NORSAT"),
                ("Meeting with Ana Ruiz at Oslo, 2025-05-08", Predicate::Participant, "ARCTEX"),
            ],
            absent: &[],
        },
        // An event verb tells the event happened: who met is enough to record it, with no
        // date or place in the sentence.
        Example {
            text: "Centre opens\n\nOSLO, Norway (May 9, 2025) -- The Arctic Space Office opened its new centre on May 8.\n\nCol. Ana Ruiz also held a meeting with Minister Ivo Berg to discuss data sharing.\n",
            yields: &[
                ("Meeting with Ana Ruiz", Predicate::Participant, "Ana Ruiz"),
                ("Meeting with Ana Ruiz", Predicate::Participant, "Ivo Berg"),
            ],
            absent: &[],
        },
        Example {
            // A nation before a post is the person's, not a party to the event.
            text: "Visit ends\n\nOSLO, Norway (May 9, 2025) -- Col. Ana Ruiz, the Chilean defence attache, visited the Arctic Space Command on May 8.\n",
            yields: &[("Visit with Arctic Space Command, 2025-05-08", Predicate::Participant, "Ana Ruiz")],
            absent: &[("Visit with Arctic Space Command, 2025-05-08", Predicate::Participant, "Chile")],
        },
        Example {
            // An opening "during" phrase that tells a visit: the visit is recorded, with the
            // main clause's subject; whom it names is the visit's, not the signing's.
            text: "Accord signed\n\nOSLO, Norway (May 9, 2025) -- During his visit to the Polar Space Office in Bergen, Gen. Ivo Berg signed the Ice Watch Accord with the Nordic Space Office on May 8.\n",
            yields: &[
                ("Visit with Polar Space Office at Bergen, 2025-05-08", Predicate::Participant, "Ivo Berg"),
                ("Signing of Ice Watch Accord at Bergen, 2025-05-08", Predicate::Participant, "Ivo Berg"),
                ("Signing of Ice Watch Accord at Bergen, 2025-05-08", Predicate::Participant, "Nordic Space Office"),
            ],
            absent: &[
                ("Visit with Polar Space Office at Bergen, 2025-05-08", Predicate::Participant, "Nordic Space Office"),
            ],
        },
        Example {
            // Who it included, in a sentence that names no event: "representatives of" (data).
            text: "Dialogue held\n\nOSLO, Norway (May 9, 2025) -- The Norway-Chile Space Dialogue took place in Oslo on May 8. It included representatives of the Arctic Space Office and the Polar Data Directorate.\n",
            yields: &[
                ("Norway-Chile Space Dialogue", Predicate::Participant, "Arctic Space Office"),
                ("Norway-Chile Space Dialogue", Predicate::Participant, "Polar Data Directorate"),
            ],
            absent: &[],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) {
    let m = &clause.mentions[mi];
    if !clause.plain || !free(c, m) {
        return;
    }
    let takes_part = match c.kind(m.entity) {
        EntityType::Nation => {
            // "U.S. Ambassador", "the United States’ part", "a visit to Japan": the nation
            // qualifies a name or is a destination, it does not take part.
            let next_raw = clause
                .view
                .sentence
                .tokens
                .get(m.toks.end)
                .map(|t| t.text(c.text))
                .unwrap_or("");
            // "the Australian defence attaché": the nation of a post, a person's.
            let words = &clause.view.words;
            let of_post = (m.toks.end..(m.toks.end + 3).min(words.len()))
                .take_while(|&k| words[k].chars().all(char::is_alphabetic))
                .any(|k| {
                    (m.toks.end..=k)
                        .any(|i| c.ex.lexicon.post_key(&words[i..=k].join(" ")).is_some())
                });
            let modifier = next_raw.chars().next().is_some_and(char::is_uppercase)
                || matches!(next_raw, "’s" | "'s" | "’" | "'" | "-")
                || before(clause, m, 1).first().map(String::as_str) == Some("to")
                || of_post;
            !nation_located(c, clause, m)
                && !hosts(c, clause, mi)
                && !posted(c, clause, m)
                && !modifier
        }
        EntityType::Organization | EntityType::Person => {
            !posted(c, clause, m) && !hosts(c, clause, mi) && !leads(c, clause, mi)
        }
        _ => false,
    };
    if takes_part {
        c.facts.add(
            clause.event,
            Predicate::Participant,
            m.entity,
            &clause.view.span,
        );
    }
}
