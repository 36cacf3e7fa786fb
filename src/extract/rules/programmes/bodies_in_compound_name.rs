//! "NASA-ESA Lunar Dust Mission": the known bodies joined at the head of a programme's name
//! run it, when the release names them.

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Entry;

pub(crate) const RULE: Rule = Rule {
    name: "bodies-in-compound-name",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Organization),
        Reads::Gazetteer,
    ],
    states: &[Predicate::Sponsor],
    run: Run::Document(run),
    examples: &[Example {
        text: "Dust mission\n\nNOORDWIJK, Netherlands (May 6, 2025) -- NASA and ESA presented the NASA-ESA Lunar Dust Mission on Tuesday.\n",
        yields: &[
            (
                "NASA-ESA Lunar Dust Mission",
                Predicate::Sponsor,
                "National Aeronautics and Space Administration",
            ),
            (
                "NASA-ESA Lunar Dust Mission",
                Predicate::Sponsor,
                "European Space Agency",
            ),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>) {
    let kb = c.ex.kb;
    let ids: Vec<usize> = c
        .ents
        .ids()
        .filter(|&i| matches!(c.kind(i), EntityType::Initiative | EntityType::Agreement))
        .collect();
    for id in ids {
        let e = c.ents.get(id).clone();
        let Some(first) = e.name.split_whitespace().next() else {
            continue;
        };
        let parts = crate::text::compound_parts(first);
        if parts.len() < 2 {
            continue;
        }
        let bodies: Vec<usize> = parts
            .iter()
            .filter_map(|p| {
                kb.lookup(p).iter().find_map(|x| match x {
                    Entry::Organization(i) => {
                        c.ents.by_key(&format!("org/{}", kb.organizations[*i].id))
                    }
                    _ => None,
                })
            })
            .collect();
        if bodies.len() != parts.len() {
            continue;
        }
        let ev = e
            .mentions
            .first()
            .map(|m| c.sentence_of(m.start))
            .unwrap_or(0..0);
        for b in bodies {
            c.facts.add(id, Predicate::Sponsor, b, &ev);
        }
    }
}
