//! A sentence about signing (a cue of role `signing`) with one agreement (or the one
//! "that framework" points to) and who signed it: the nations or organizations that sign
//! it, or that the persons who sign head or serve, are its signatories ("Gen. Ada Lind,
//! commander of the Arctic Space Command, and Col. Ivo Tamm signed the Polar Data Accord":
//! the command signs).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::joining::joining;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "signing-sentence",
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
    states: &[Predicate::Signatory],
    run: Run::Sentence(run),
    examples: &[
        // Whom a visit went to is no party ("visited" cues), the body signed with is.
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 9, 2025) -- During his visit to the Polar Space Office in Bergen, Gen. Ivo Berg signed the Ice Watch Accord with the Nordic Space Office on May 8.\n",
            yields: &[("Ice Watch Accord", Predicate::Signatory, "Nordic Space Office")],
            absent: &[("Ice Watch Accord", Predicate::Signatory, "Polar Space Office")],
        },
        // An agreement described with capitalized words of its topic.
        Example {
            text: "Pact\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Office and the Polar Data Directorate signed a Space Situational Awareness sharing agreement on May 5.\n",
            yields: &[(
                "Space Situational Awareness sharing agreement",
                Predicate::Signatory,
                "Arctic Space Office",
            )],
            absent: &[],
        },
        Example {
            text: "Accord signed\n\nTALLINN, Estonia (May 6, 2025) -- Estonia and Latvia signed the Baltic Orbit Accord in Tallinn on Monday.\n",
            yields: &[
                ("Baltic Orbit Accord", Predicate::Signatory, "Estonia"),
                ("Baltic Orbit Accord", Predicate::Signatory, "Latvia"),
            ],
            absent: &[],
        },
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- Gen. Ada Lind, commander of the Arctic Space Command, and Col. Ivo Tamm, commander of the Baltic Space Wing, signed the Polar Data Accord on Monday.\n",
            yields: &[
                ("Polar Data Accord", Predicate::Signatory, "Arctic Space Command"),
                ("Polar Data Accord", Predicate::Signatory, "Baltic Space Wing"),
            ],
            absent: &[],
        },
        // The passive, its "by" after phrases of time and place.
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- The Polar Data Accord was signed on Monday at the Arctic Hall in Oslo by Gen. Ada Lind, commander of the Arctic Space Command, and by Col. Ivo Tamm, commander of the Baltic Space Wing.\n",
            yields: &[
                ("Polar Data Accord", Predicate::Signatory, "Arctic Space Command"),
                ("Polar Data Accord", Predicate::Signatory, "Baltic Space Wing"),
            ],
            absent: &[],
        },
        // A body nested in another signs, not the bodies that hold it.
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- The Norwegian Space Agency and the Orbital Office of the Ministry of Mining of the Republic of Chile signed the Polar Data Accord.\n",
            yields: &[
                ("Polar Data Accord", Predicate::Signatory, "Norwegian Space Agency"),
                ("Polar Data Accord", Predicate::Signatory, "Orbital Office"),
            ],
            absent: &[
                ("Polar Data Accord", Predicate::Signatory, "Chile"),
                ("Polar Data Accord", Predicate::Signatory, "Ministry of Mining"),
            ],
        },
        // With no subject to the verb: neither the dateline's nation, nor the venue, nor a
        // guest's nation printed before their name signs.
        Example {
            text: "Accord signed\n\nSANTIAGO, Chile (April 8, 2025) -- Peru became the fifth nation to sign the Polar Data Accord on April 7, in a ceremony at the Ministry of Foreign Affairs, with U.S. Ambassador Ana Lopez in attendance.\n",
            yields: &[("Polar Data Accord", Predicate::Signatory, "Peru")],
            absent: &[
                ("Polar Data Accord", Predicate::Signatory, "Chile"),
                ("Polar Data Accord", Predicate::Signatory, "Ministry of Foreign Affairs"),
                ("Polar Data Accord", Predicate::Signatory, "United States"),
            ],
        },
        // "an agreement to share data": a described agreement named by its purpose.
        Example {
            text: "Agencies sign\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Office and the Chilean Space Agency have signed an agreement to share satellite data, the agencies said.\n",
            yields: &[
                ("agreement to share satellite data", Predicate::Signatory, "Arctic Space Office"),
                ("agreement to share satellite data", Predicate::Signatory, "Chilean Space Agency"),
            ],
            absent: &[],
        },
        // "the nations that signed": "that" before the verb is a relative pronoun, and the
        // list set off by dashes signs with the subject.
        Example {
            text: "Charter signed\n\nRIGA, Latvia (May 6, 2025) -- Latvia was one of the four nations – with Lithuania, Poland and Germany – that signed the Baltic Orbit Charter in 2021.\n",
            yields: &[
                ("Baltic Orbit Charter", Predicate::Signatory, "Latvia"),
                ("Baltic Orbit Charter", Predicate::Signatory, "Lithuania"),
                ("Baltic Orbit Charter", Predicate::Signatory, "Poland"),
                ("Baltic Orbit Charter", Predicate::Signatory, "Germany"),
            ],
            absent: &[],
        },
        // "an agreement on 5th May": a date after "on" is no topic of the agreement.
        Example {
            text: "Agencies sign\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Office and the Chilean Space Agency signed a data sharing agreement on 5th May 2025 in Oslo.\n",
            yields: &[("data sharing agreement", Predicate::Signatory, "Arctic Space Office")],
            absent: &[(
                "data sharing agreement on 5th May 2025",
                Predicate::Signatory,
                "Arctic Space Office",
            )],
        },
        // "signed between A and B": the parties follow; the agreement's name ends at the verb.
        Example {
            text: "Arrangement signed\n\nVIENNA, Austria (April 8, 2025) -- An implementing arrangement on Earth observation was signed between the Arctic Space Office and the Chilean Space Agency in Vienna on April 7.\n",
            yields: &[
                ("implementing arrangement on Earth observation", Predicate::Signatory, "Arctic Space Office"),
                ("implementing arrangement on Earth observation", Predicate::Signatory, "Chilean Space Agency"),
            ],
            absent: &[("implementing arrangement on Earth observation", Predicate::Signatory, "Austria")],
        },
        // A participle after the agreement ("a memorandum signed today by X"): the persons
        // after "by" sign for the bodies they head; an agreement the sentence describes
        // before its verb of signing is another one ("replaces an agreement signed ...").
        Example {
            text: "Memorandum signed\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Office is widening its work with a new Polar Data Memorandum signed today by Kari Holm, director of the Arctic Space Office, and Aino Laine, head of the Finnish Orbital Agency.\n\nThe Polar Data Memorandum replaces an agreement signed in 2012 between the Arctic Space Office and the Baltic Space Wing.\n",
            yields: &[
                ("Polar Data Memorandum", Predicate::Signatory, "Arctic Space Office"),
                ("Polar Data Memorandum", Predicate::Signatory, "Finnish Orbital Agency"),
            ],
            absent: &[("Polar Data Memorandum", Predicate::Signatory, "Baltic Space Wing")],
        },
        // A person who serves a body (not its head) signs for it.
        Example {
            text: "Memorandum signed\n\nOSLO, Norway (May 6, 2025) -- Ana Berg, President of the Polar Space Office, and Ivo Tamm, First Deputy Head of the Andean Space Agency, signed a Memorandum of Understanding between the two agencies.\n",
            yields: &[
                ("Memorandum of Understanding", Predicate::Signatory, "Polar Space Office"),
                ("Memorandum of Understanding", Predicate::Signatory, "Andean Space Agency"),
            ],
            absent: &[],
        },
        // The parties after the agreement's name: "signed an accord with B"; not a guest's
        // nation.
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Office has signed a Polar Data Accord (PDA) with the Chilean Space Agency. The Baltic Space Wing signed the Orbit Charter with Latvian Ambassador Ivo Tamm in attendance.\n",
            yields: &[
                ("Polar Data Accord", Predicate::Signatory, "Arctic Space Office"),
                ("Polar Data Accord", Predicate::Signatory, "Chilean Space Agency"),
                ("Orbit Charter", Predicate::Signatory, "Baltic Space Wing"),
            ],
            absent: &[("Orbit Charter", Predicate::Signatory, "Latvia")],
        },
        // A hedge just before the verb says nothing was signed; one far before it does not.
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- While drawing up plans for lunar work, the Arctic Space Office and the Baltic Space Wing signed the Polar Data Accord on Monday. The Finnish Orbital Agency is considering signing the Polar Data Accord.\n",
            yields: &[
                ("Polar Data Accord", Predicate::Signatory, "Arctic Space Office"),
                ("Polar Data Accord", Predicate::Signatory, "Baltic Space Wing"),
            ],
            absent: &[("Polar Data Accord", Predicate::Signatory, "Finnish Orbital Agency")],
        },
        // The verb's subject signs, not a person of another clause; "Accord Signing" in a
        // headline is a noun.
        Example {
            text: "Arctic Space Office Welcomes Chile for Polar Data Accord Signing\n\nOSLO, Norway (May 6, 2025) -- Arctic Space Office Director Kari Holm attended the ceremony for the office, and Pedro Alvarez, foreign minister, signed the Polar Data Accord on behalf of Chile.\n",
            yields: &[("Polar Data Accord", Predicate::Signatory, "Chile")],
            absent: &[("Polar Data Accord", Predicate::Signatory, "Arctic Space Office")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let Some(j) = joining(c, v) else {
        return;
    };
    if c.kind(j.target) == EntityType::Agreement && j.signed {
        for a in j.agents {
            if !j.sponsors.contains(&a) {
                c.facts.add(j.target, Predicate::Signatory, a, &v.span);
            }
        }
    }
}
