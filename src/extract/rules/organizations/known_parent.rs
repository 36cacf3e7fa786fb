//! Known parents: when one sentence names an organization and the parent the gazetteer
//! gives it within six words of each other, the nesting is stated with that sentence as
//! evidence ("NASA and its Jet Propulsion Laboratory ...", "NOAA's Office of Space
//! Commerce"). Named apart, in two sentences or at two ends of a long one, the release does
//! not state it.

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "known-parent",
    reads: &[Reads::Mentions(EntityType::Organization), Reads::Gazetteer],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Document(run),
    examples: &[
        Example {
            text: "Commerce talks\n\nWASHINGTON (May 6, 2025) -- NOAA and the Office of Space Commerce briefed satellite operators on Tuesday.\n",
            yields: &[(
                "Office of Space Commerce",
                Predicate::SubOrganizationOf,
                "National Oceanic and Atmospheric Administration",
            )],
            absent: &[],
        },
        Example {
            text: "Commerce talks\n\nWASHINGTON (May 6, 2025) -- The Office of Space Commerce briefed satellite operators in Washington on Tuesday about the new traffic system, and a day later NOAA met partners in Denver.\n",
            yields: &[],
            absent: &[(
                "Office of Space Commerce",
                Predicate::SubOrganizationOf,
                "National Oceanic and Atmospheric Administration",
            )],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>) {
    let ids: Vec<usize> = c
        .ents
        .ids()
        .filter(|&i| c.kind(i) == EntityType::Organization)
        .collect();
    for &id in &ids {
        let Some(org) = c.known_organization(id) else {
            continue;
        };
        let Some(parent) = org.parent.clone() else {
            continue;
        };
        if let Some(pid) = c.ents.by_key(&format!("org/{parent}")) {
            let together = c.views.iter().find(|v| {
                v.mentions.iter().any(|m| {
                    m.entity == c.ents.resolve(id)
                        && v.mentions.iter().any(|p| {
                            p.entity == pid
                                && (p.toks.end + 6 >= m.toks.start
                                    && m.toks.end + 6 >= p.toks.start)
                        })
                })
            });
            if let Some(v) = together {
                c.facts.add(id, Predicate::SubOrganizationOf, pid, &v.span);
            }
        }
    }
}
