//! "the Agreement between the Government of A and the Government of B on ...", "a memorandum
//! of understanding between A and B": the parties an agreement's name or description gives
//! after "between" (a cue of role `member-among`) are its signatories, signed or not in the
//! sentence at hand.

use super::super::context::{Ctx, View};
use super::super::lists::coordinated;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "parties-between",
    reads: &[
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::MemberAmong),
        Reads::HeadWords,
    ],
    states: &[Predicate::Signatory],
    run: Run::Mention(run),
    examples: &[
        // A formal title names its parties, each "the Government of" a nation.
        Example {
            text: "Accord signed\n\nRIGA, Latvia (March 4, 2025) -- The ministers signed the Agreement between the Government of the Republic of Latvia and the Government of the Republic of Chile on Cooperation in the Use of Outer Space.\n",
            yields: &[
                ("Agreement between the Government of the Republic of Latvia and the Government of the Republic of Chile on Cooperation in the Use of Outer Space", Predicate::Signatory, "Latvia"),
                ("Agreement between the Government of the Republic of Latvia and the Government of the Republic of Chile on Cooperation in the Use of Outer Space", Predicate::Signatory, "Chile"),
            ],
            absent: &[],
        },
        // An older treaty told in passing: its parties, not the nation inside a party's name.
        Example {
            text: "Agencies meet\n\nRIGA, Latvia (March 4, 2025) -- The agencies met in Riga. The Memorandum of Understanding between the Latvian Space Office and the Chilean Space Agency dates from 2019.\n",
            yields: &[
                ("Memorandum of Understanding between the Latvian Space Office and the Chilean Space Agency", Predicate::Signatory, "Latvian Space Office"),
                ("Memorandum of Understanding between the Latvian Space Office and the Chilean Space Agency", Predicate::Signatory, "Chilean Space Agency"),
            ],
            absent: &[
                ("Memorandum of Understanding between the Latvian Space Office and the Chilean Space Agency", Predicate::Signatory, "Latvia"),
                ("Memorandum of Understanding between the Latvian Space Office and the Chilean Space Agency", Predicate::Signatory, "Chile"),
            ],
        },
        // A title in apposition is the full name of the agreement before it.
        Example {
            text: "Treaty in force\n\nOTTAWA, Canada (March 4, 2025) -- The Aurora Treaty, formally the Memorandum of Understanding between the Government of Canada and the Government of the Kingdom of Norway concerning Polar Data, takes effect in June.\n",
            yields: &[
                ("Aurora Treaty", Predicate::Signatory, "Canada"),
                ("Aurora Treaty", Predicate::Signatory, "Norway"),
            ],
            absent: &[],
        },
        // Cooperation between two nations is no agreement.
        Example {
            text: "Talks held\n\nRIGA, Latvia (March 4, 2025) -- The Polar Data Accord builds on decades of cooperation between Latvia and Chile.\n",
            yields: &[],
            absent: &[
                ("Polar Data Accord", Predicate::Signatory, "Latvia"),
                ("Polar Data Accord", Predicate::Signatory, "Chile"),
            ],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = v.mentions.get(mi) else {
        return;
    };
    if m.inside || c.kind(m.entity) != EntityType::Agreement {
        return;
    }
    let words = &v.words;
    let between = (m.toks.start..(m.toks.end + 1).min(words.len()))
        .find(|&i| c.ex.kb.cue_at(Cue::MemberAmong, words, i).is_some());
    let Some(b) = between else {
        return;
    };
    let parties: Vec<usize> = if b == m.toks.end {
        // "a memorandum of understanding between A and B": the list after the description.
        coordinated(c, v, b + 1, true)
    } else {
        // A title: the names inside it after "between", each the widest there.
        let inside: Vec<_> = v
            .mentions
            .iter()
            .filter(|o| {
                o.inside
                    && o.toks.start > b
                    && o.toks.end <= m.toks.end
                    && matches!(
                        c.kind(o.entity),
                        EntityType::Nation | EntityType::Organization
                    )
            })
            .collect();
        inside
            .iter()
            .filter(|o| {
                !inside.iter().any(|w| {
                    w.toks.start <= o.toks.start
                        && w.toks.end >= o.toks.end
                        && w.toks.len() > o.toks.len()
                })
            })
            .map(|o| o.entity)
            .collect()
    };
    if parties.len() < 2 {
        return;
    }
    for p in parties {
        c.facts.add(m.entity, Predicate::Signatory, p, &v.span);
    }
}
