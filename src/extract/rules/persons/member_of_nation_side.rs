//! The persons a nation's side at talks is made of serve that nation: "the Norwegian
//! delegation included Kari Lunde and Per Holm", "members of the Chilean team, including
//! Diego Soto", "On the Finnish side, Aino Laakso and Mikko Laine took part". The nation
//! stands within two words before the word for the side (cue role `delegation`); the list
//! follows a cue of role `side-includes`, or the comma of an opening "On the X side".

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::leads_nation_side::side_nation;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "member-of-nation-side",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Cue(Cue::Delegation),
        Reads::Cue(Cue::SideIncludes),
        Reads::Cue(Cue::SidePeople),
    ],
    states: &[Predicate::Country],
    run: Run::Sentence(run),
    examples: &[
        Example {
            text: "Dialogue held\n\nOSLO, Norway (May 7, 2025) -- Norway and Finland held the Polar Dialogue in Oslo on May 6. The Norwegian delegation included Kari Lunde, deputy director of the Norwegian Space Agency, and Lars Holm, and the Finnish delegation included Aino Laakso.\n",
            yields: &[
                ("Kari Lunde", Predicate::Country, "Norway"),
                ("Lars Holm", Predicate::Country, "Norway"),
                ("Aino Laakso", Predicate::Country, "Finland"),
            ],
            absent: &[
                ("Aino Laakso", Predicate::Country, "Norway"),
                ("Lars Holm", Predicate::Country, "Finland"),
            ],
        },
        Example {
            text: "Dialogue held\n\nOSLO, Norway (May 7, 2025) -- Norway and Finland held the Polar Dialogue in Oslo on May 6. On the Finnish side, Aino Laakso and Mikko Laine took part. Members of the Norwegian team, including Kari Lunde, toured the Andoya Space Center.\n",
            yields: &[
                ("Aino Laakso", Predicate::Country, "Finland"),
                ("Mikko Laine", Predicate::Country, "Finland"),
                ("Kari Lunde", Predicate::Country, "Norway"),
            ],
            absent: &[],
        },
        // People from a nation, listed after a colon.
        Example {
            text: "Forum held\n\nOSLO, Norway (May 7, 2025) -- Norway hosted the Polar Space Forum on May 6. Participants from Finland included: Aino Laakso, director of the Finnish Space Office; Col. Mikko Laine, commander, Arctic Space Wing; and Lucia Rojas.\n",
            yields: &[
                ("Aino Laakso", Predicate::Country, "Finland"),
                ("Mikko Laine", Predicate::Country, "Finland"),
                ("Lucia Rojas", Predicate::Country, "Finland"),
            ],
            absent: &[("Aino Laakso", Predicate::Country, "Norway")],
        },
        // A side that includes no one named: nobody serves it.
        Example {
            text: "Dialogue held\n\nOSLO, Norway (May 7, 2025) -- The Finnish delegation included experts from industry, who met Kari Lunde of the Norwegian Space Agency.\n",
            yields: &[],
            absent: &[("Kari Lunde", Predicate::Country, "Finland")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let kb = c.ex.kb;
    let (ms, words) = (&v.mentions, &v.words);
    // Where each side's phrase begins (its nation), so a list ends where the next side begins.
    let mut sides: Vec<(usize, usize, usize)> = (0..words.len())
        .filter_map(|i| {
            let n = kb.cue_at(Cue::Delegation, words, i)?;
            let nation = side_nation(c, v, i)?;
            (!c.quoted_at(v, i)).then_some((nation.toks.start, i + n, nation.entity))
        })
        // "participants from the U.S. included: ...": people of a nation's side (cue role
        // `side-people`) from the nation.
        .chain((0..words.len()).filter_map(|i| {
            let n = kb.cue_at(Cue::SidePeople, words, i)?;
            let mut at = i + n;
            if words.get(at).is_none_or(|w| w != "from") {
                return None;
            }
            at += 1;
            if words.get(at).is_some_and(|w| w == "the") {
                at += 1;
            }
            let nation = ms.iter().find(|m| {
                c.kind(m.entity) == EntityType::Nation && !m.inside && m.toks.start == at
            })?;
            (!c.quoted_at(v, i)).then_some((i, nation.toks.end, nation.entity))
        }))
        .collect();
    sides.sort_unstable();
    let mut found = Vec::new();
    for (k, &(start, after, nation)) in sides.iter().enumerate() {
        let limit = sides.get(k + 1).map_or(words.len(), |s| s.0);
        // "On the Finnish side, ...": the sentence opens with the side.
        let opening = start == 2
            && matches!(words[0].as_str(), "on" | "for")
            && words[1] == "the"
            && words.get(after).is_some_and(|w| w == ",");
        let list_from = if opening {
            Some(after + 1)
        } else {
            (after..(after + 3).min(words.len()))
                .find_map(|i| kb.cue_at(Cue::SideIncludes, words, i).map(|n| i + n))
        };
        let Some(from) = list_from else {
            continue;
        };
        // A list after a colon runs to the sentence's end, its items parted by semicolons.
        let colon = words.get(from).is_some_and(|w| w == ":");
        let end = (from..limit)
            .find(|&j| words[j] == "." || (words[j] == ";" && !colon))
            .unwrap_or(limit);
        let from = if colon { from + 1 } else { from };
        let persons: Vec<_> = ms
            .iter()
            .filter(|m| {
                !m.inside
                    && c.kind(m.entity) == EntityType::Person
                    && m.toks.start >= from
                    && m.toks.end <= end
            })
            .collect();
        // The first person opens the list.
        if persons
            .first()
            .is_none_or(|m| m.lead.min(m.toks.start) > from + 2)
        {
            continue;
        }
        // After "On the X side,", the list is the clause's subject: persons joined by "and".
        let mut prev_end = persons[0].toks.end;
        found.push((persons[0].entity, nation));
        for m in persons.iter().skip(1) {
            let between = &words[prev_end..m.lead.min(m.toks.start)];
            if opening && !between.iter().all(|w| matches!(w.as_str(), "," | "and")) {
                break;
            }
            found.push((m.entity, nation));
            prev_end = m.toks.end;
        }
    }
    for (p, n) in found {
        c.facts.add(p, Predicate::Country, n, &v.span);
    }
}
