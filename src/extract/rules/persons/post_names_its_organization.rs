//! A post that names the one organization it heads or serves (`data/post_organizations.tsv`),
//! printed before the rank and name or in the appositive after it (after a nation or not),
//! when the release names that organization: "Chief of Space Operations Gen. Mara Quist
//! addressed the U.S. Space Force graduates" (she heads the U.S. Space Force); "Ana Lopez,
//! US Assistant Secretary of State, ..." serves the Department of State.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "post-names-its-organization",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::PostOrganizations,
    ],
    states: &[Predicate::Heads, Predicate::MemberOf],
    run: Run::Sentence(run),
    examples: &[
        Example {
            text: "Graduation\n\nCOLORADO SPRINGS, Colo. (May 6, 2025) -- Chief of Space Operations Gen. Mara Quist addressed the U.S. Space Force graduates.\n",
            yields: &[("Mara Quist", Predicate::Heads, "U.S. Space Force")],
            absent: &[],
        },
        Example {
            text: "Graduation\n\nCOLORADO SPRINGS, Colo. (May 6, 2025) -- Gen. Mara Quist, the Chief of Space Operations, addressed the U.S. Space Force graduates.\n",
            yields: &[("Mara Quist", Predicate::Heads, "U.S. Space Force")],
            absent: &[],
        },
        // A post that serves, after a nation.
        Example {
            text: "Talks\n\nWASHINGTON (May 6, 2025) -- Ana Lopez, US Assistant Secretary of State for Space Affairs, led the talks at the U.S. Department of State.\n",
            yields: &[("Ana Lopez", Predicate::MemberOf, "U.S. Department of State")],
            absent: &[("Ana Lopez", Predicate::Heads, "U.S. Department of State")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let words = &v.words;
    let kb = c.ex.kb;
    // The post phrase ending at `end`, or starting at `start`.
    let ending_at = |end: usize| -> Option<&(String, bool)> {
        (end.saturating_sub(8)..end)
            .find_map(|i| kb.post_organizations.get(&words[i..end].join(" ")))
    };
    let starting_at = |start: usize| -> Option<&(String, bool)> {
        (start + 1..=(start + 8).min(words.len()))
            .rev()
            .find_map(|j| kb.post_organizations.get(&words[start..j].join(" ")))
    };
    let mut found = Vec::new();
    for m in v
        .mentions
        .iter()
        .filter(|m| c.kind(m.entity) == EntityType::Person)
    {
        let lead = m.lead.min(m.toks.start);
        // Printed just before the rank and name, or in the appositive right after it.
        // (The rank's first word may be read into a name before it: "Air Force Air Marshal".)
        let before = (lead..=(lead + 2).min(m.toks.start))
            .find_map(&ending_at)
            .or_else(|| (lead < m.toks.start).then(|| starting_at(lead)).flatten());
        let after = (words.get(m.toks.end).map(String::as_str) == Some(","))
            .then(|| {
                let mut at = m.toks.end + 1;
                if words.get(at).map(String::as_str) == Some("the") {
                    at += 1;
                }
                // "Frank Rose, US Assistant Secretary of State": the nation before the post.
                starting_at(at).or_else(|| {
                    v.mentions
                        .iter()
                        .find(|n| n.toks.start == at && c.kind(n.entity) == EntityType::Nation)
                        .and_then(|n| starting_at(n.toks.end))
                })
            })
            .flatten();
        for (id, heads) in before.into_iter().chain(after) {
            if let Some(o) = c.ents.by_key(&format!("org/{id}")) {
                let rel = if *heads {
                    Predicate::Heads
                } else {
                    Predicate::MemberOf
                };
                found.push((m.entity, rel, o));
            }
        }
    }
    for (p, rel, o) in found {
        c.facts.add(p, rel, o, &v.span);
    }
}
