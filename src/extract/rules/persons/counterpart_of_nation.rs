//! A person called another's counterpart of a nation serves that nation: "met his Chilean
//! counterpart, Gen. Hugo Rojas", "met Gen. Hugo Rojas, his Chilean counterpart", "hosted
//! his counterpart from Chile, Gen. Hugo Rojas" (cue role `counterpart`).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "counterpart-of-nation",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Cue(Cue::Counterpart),
    ],
    states: &[Predicate::Country],
    run: Run::Sentence(run),
    examples: &[
        Example {
            text: "Chiefs meet\n\nOSLO, Norway (May 6, 2025) -- Gen. Ivo Lind met his Chilean counterpart, Gen. Hugo Rojas, on Monday.\n",
            yields: &[("Hugo Rojas", Predicate::Country, "Chile")],
            absent: &[("Ivo Lind", Predicate::Country, "Chile")],
        },
        // The counterpart after the name; the nation after "from".
        Example {
            text: "Chiefs meet\n\nOSLO, Norway (May 6, 2025) -- Gen. Ivo Lind met Gen. Hugo Rojas, his Chilean counterpart, and hosted his counterpart from Peru, Adm. Luis Vega.\n",
            yields: &[
                ("Hugo Rojas", Predicate::Country, "Chile"),
                ("Luis Vega", Predicate::Country, "Peru"),
            ],
            absent: &[
                ("Hugo Rojas", Predicate::Country, "Peru"),
                ("Ivo Lind", Predicate::Country, "Chile"),
            ],
        },
        // Counterparts with no name given.
        Example {
            text: "Chiefs meet\n\nOSLO, Norway (May 6, 2025) -- Gen. Ivo Lind met counterparts from Chile and Peru on Monday.\n",
            yields: &[],
            absent: &[
                ("Ivo Lind", Predicate::Country, "Chile"),
                ("Ivo Lind", Predicate::Country, "Peru"),
            ],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let (ms, words) = (&v.mentions, &v.words);
    let kb = c.ex.kb;
    let mut found = Vec::new();
    for i in 0..words.len() {
        let Some(n) = kb.cue_at(Cue::Counterpart, words, i) else {
            continue;
        };
        if c.quoted_at(v, i) {
            continue;
        }
        // "his Chilean counterpart": the nation right before; "counterpart from (the) Chile".
        let before = ms
            .iter()
            .find(|m| c.kind(m.entity) == EntityType::Nation && !m.inside && m.toks.end == i);
        let mut after_end = i + n;
        let from = if words.get(i + n).map(String::as_str) == Some("from") {
            let at = if words.get(i + n + 1).map(String::as_str) == Some("the") {
                i + n + 2
            } else {
                i + n + 1
            };
            ms.iter()
                .find(|m| m.toks.start == at && c.kind(m.entity) == EntityType::Nation)
                .inspect(|m| after_end = m.toks.end)
        } else {
            None
        };
        let Some(nation) = before.or(from) else {
            continue;
        };
        // The person named right after, a comma between or not.
        let mut at = after_end;
        if words.get(at).map(String::as_str) == Some(",") {
            at += 1;
        }
        let after = ms.iter().find(|m| {
            c.kind(m.entity) == EntityType::Person && !m.inside && m.lead.min(m.toks.start) == at
        });
        // "Gen. Hugo Rojas, his Chilean counterpart": the person right before ", his".
        let opening = before.map_or(i, |b| b.toks.start);
        let earlier = (opening >= 2
            && matches!(words[opening - 1].as_str(), "his" | "her" | "their")
            && words[opening - 2] == ",")
            .then(|| {
                ms.iter().find(|m| {
                    c.kind(m.entity) == EntityType::Person && !m.inside && m.toks.end == opening - 2
                })
            })
            .flatten();
        // A plural cue names several counterparts: none of them is a single person here.
        if words[i].ends_with('s') && after.is_none() {
            continue;
        }
        if let Some(p) = after.or(earlier) {
            found.push((p.entity, nation.entity));
        }
    }
    for (p, n) in found {
        c.facts.add(p, Predicate::Country, n, &v.span);
    }
}
