//! The person who leads a nation's side at talks serves that nation: "the Finnish side was
//! chaired by Aino Laakso", "Norway's delegation, led by Erik Dahl", "Erik Dahl headed the
//! Norwegian delegation". The nation stands within two words before the word for the side.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::mentions::Mention;
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
    },
    // A list of leaders after "by"; a sentence opening with the verb of leading.
    Example {
        text: "Dialogue held\n\nOSLO, Norway (May 7, 2025) -- The Polar Dialogue opened in Oslo on May 6. The Norwegian delegation was led by Kari Lunde, deputy director of the Norwegian Space Agency, and Per Holm, director for security policy at the Ministry of Foreign Affairs. Leading the Finnish delegation, Ambassador Aino Laakso presented the agenda.\n",
        yields: &[
            ("Kari Lunde", Predicate::Country, "Norway"),
            ("Per Holm", Predicate::Country, "Norway"),
            ("Aino Laakso", Predicate::Country, "Finland"),
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
        let Some(nation) = side_nation(c, v, i) else {
            continue;
        };
        let side_start = nation.toks.start;
        // Passive: "side was chaired by X" / "delegation, led by X": the first person after
        // the verb of leading, within a few words.
        let lead_after = (i + 1..(i + 5).min(words.len()))
            .find_map(|k| kb.cue_at(Cue::Lead, words, k).map(|n| k + n));
        let persons: Vec<usize> = match lead_after {
            Some(after) if words.get(after).is_some_and(|w| w == "by") => ms
                .iter()
                .position(|m| {
                    m.toks.start > after
                        && m.toks.start <= after + 4
                        && c.kind(m.entity) == EntityType::Person
                })
                .map(|first| listed_from(c, v, first))
                .unwrap_or_default(),
            _ => {
                // Active: "X led the Norwegian delegation": the person right before the verb;
                // "Leading the Canadian delegation, Tremblay spoke": the sentence opens with
                // the verb, and the subject follows the phrase's comma.
                let lead_before = (side_start.saturating_sub(3)..side_start)
                    .find(|&k| kb.cue_at(Cue::Lead, words, k).is_some());
                lead_before
                    .and_then(|k| {
                        let before = ms
                            .iter()
                            .filter(|m| c.kind(m.entity) == EntityType::Person && m.toks.end <= k)
                            .rfind(|m| k - m.toks.end <= 1);
                        let opening = (k == 0)
                            .then(|| {
                                let comma = (i + 1..words.len()).find(|&j| words[j] == ",")?;
                                ms.iter().find(|m| {
                                    m.toks.start > comma
                                        && m.lead.min(m.toks.start) <= comma + 3
                                        && c.kind(m.entity) == EntityType::Person
                                })
                            })
                            .flatten();
                        before.or(opening)
                    })
                    .map(|m| vec![m.entity])
                    .unwrap_or_default()
            }
        };
        for p in persons {
            found.push((p, nation.entity));
        }
    }
    for (p, n) in found {
        c.facts.add(p, Predicate::Country, n, &v.span);
    }
}

/// The nation of the side whose word (cue role `delegation`) stands at word `i`: printed
/// right before it ("the Finnish side", "Norway's delegation").
pub(super) fn side_nation<'v>(c: &Ctx<'_, '_>, v: &'v View<'_>, i: usize) -> Option<&'v Mention> {
    v.mentions.iter().find(|m| {
        c.kind(m.entity) == EntityType::Nation
            && !m.inside
            && m.toks.end <= i
            && i - m.toks.end <= 1
    })
}

/// The person mentioned at `first` and the persons listed after it: joined by "and", each
/// perhaps with an appositive, none followed by a verb of their own, and no other side
/// between ("led by A, director of X, and B, deputy of Y", not "led by A, and B led the
/// other delegation").
fn listed_from(c: &Ctx<'_, '_>, v: &View<'_>, first: usize) -> Vec<usize> {
    let (ms, words) = (&v.mentions, &v.words);
    let kb = c.ex.kb;
    let mut out = vec![ms[first].entity];
    let mut prev_end = ms[first].toks.end;
    for m in ms.iter().skip(first + 1) {
        if m.inside || c.kind(m.entity) != EntityType::Person {
            continue;
        }
        let between = &words[prev_end..m.lead.min(m.toks.start)];
        let breaks = between.iter().enumerate().any(|(j, w)| {
            matches!(w.as_str(), ";" | ".")
                || kb.is_cue_word(Cue::CoSubjectBreak, w)
                || kb.cue_at(Cue::Delegation, between, j).is_some()
        });
        let ends_item = words
            .get(m.toks.end)
            .is_none_or(|w| matches!(w.as_str(), "," | "." | ";" | "and" | ")"));
        if breaks || !between.iter().any(|w| w == "and") || !ends_item {
            break;
        }
        out.push(m.entity);
        prev_end = m.toks.end;
    }
    out
}
