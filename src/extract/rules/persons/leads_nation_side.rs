//! The person who leads a nation's side at talks serves that nation: "the Finnish side was
//! chaired by Aino Laakso", "Norway's delegation, led by Erik Dahl", "Erik Dahl headed the
//! Norwegian delegation". The nation stands within two words before the word for the side.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "leads-nation-side",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Cue(Cue::Delegation),
        Reads::Cue(Cue::Lead),
    ],
    states: &[Predicate::Country],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "Dialogue held\n\nOSLO, Norway (May 7, 2025) -- The Polar Dialogue opened in Oslo on May 6. The Finnish side was chaired by Ms. Aino Laakso, and Erik Dahl led the Norwegian delegation.\n",
        yields: &[
            ("Aino Laakso", Predicate::Country, "Finland"),
            ("Erik Dahl", Predicate::Country, "Norway"),
        ],
        absent: &[("Aino Laakso", Predicate::Country, "Norway")],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let kb = c.ex.kb;
    let (ms, words) = (&v.mentions, &v.words);
    let mut found = Vec::new();
    for (i, _) in words.iter().enumerate() {
        if kb.cue_at(Cue::Delegation, words, i).is_none() || c.quoted_at(v, i) {
            continue;
        }
        // The nation: "the Finnish side", "Norway's delegation".
        let Some(nation) = ms.iter().find(|m| {
            c.kind(m.entity) == EntityType::Nation
                && !m.inside
                && m.toks.end <= i
                && i - m.toks.end <= 1
        }) else {
            continue;
        };
        let side_start = nation.toks.start;
        // Passive: "side was chaired by X" / "delegation, led by X": the first person after
        // the verb of leading, within a few words.
        let lead_after = (i + 1..(i + 5).min(words.len()))
            .find_map(|k| kb.cue_at(Cue::Lead, words, k).map(|n| k + n));
        let person = match lead_after {
            Some(after) if words.get(after).is_some_and(|w| w == "by") => ms.iter().find(|m| {
                m.toks.start > after
                    && m.toks.start <= after + 4
                    && c.kind(m.entity) == EntityType::Person
            }),
            _ => {
                // Active: "X led the Norwegian delegation": the person right before the verb.
                let lead_before = (side_start.saturating_sub(3)..side_start)
                    .find(|&k| kb.cue_at(Cue::Lead, words, k).is_some());
                lead_before.and_then(|k| {
                    ms.iter()
                        .filter(|m| c.kind(m.entity) == EntityType::Person && m.toks.end <= k)
                        .rfind(|m| k - m.toks.end <= 1)
                })
            }
        };
        if let Some(p) = person {
            found.push((p.entity, nation.entity));
        }
    }
    for (p, n) in found {
        c.facts.add(p, Predicate::Country, n, &v.span);
    }
}
