//! Persons serve the nation of the organization they head or serve, when its nation is
//! plain (printed in its name, or a state body of a nation the release names); a unit with
//! no nation of its own serves its parent's ("Col. Mia Strand, commander of the Arctic
//! Space Wing of the Royal Norwegian Air Force": Norway). Not an organization they once
//! served at (`serves-in`), and not a person whose country is stated already.

use super::super::context::Ctx;
use super::super::persons::serves_in;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{Object, Predicate, Relation};
use std::collections::HashMap;

pub(crate) const RULE: Rule = Rule {
    name: "serves-nation-of-organization",
    reads: &[
        Reads::Facts(Predicate::SubOrganizationOf),
        Reads::Facts(Predicate::Heads),
        Reads::Facts(Predicate::MemberOf),
        Reads::Facts(Predicate::Country),
    ],
    states: &[Predicate::Country],
    run: Run::Document(run),
    examples: &[Example {
        text: "Wing welcomes guests\n\nOSLO, Norway (May 6, 2025) -- Col. Mia Strand, commander of the Finnish Orbital Agency, welcomed the guests.\n",
        yields: &[("Mia Strand", Predicate::Country, "Finland")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>) {
    let mut org_nation: HashMap<usize, usize> = c
        .org_nations
        .iter()
        .filter_map(|(&o, found)| found.map(|(n, _)| (o, n)))
        .collect();
    // A unit with no nation of its own serves its parent's: the commander of a wing of the
    // U.S. Space Force serves the United States.
    let parts: Vec<Relation> = c.facts.of(Predicate::SubOrganizationOf).cloned().collect();
    for r in &parts {
        if let Object::Entity(parent) = &r.object {
            let child = c.ents.resolve(r.subject);
            if let Some(&n) = org_nation.get(&c.ents.resolve(*parent)) {
                org_nation.entry(child).or_insert(n);
            }
        }
    }
    // Persons serve the nation of the organization they head or serve (not one they once
    // served at: "previously served at USSPACECOM").
    let posts: Vec<Relation> = c
        .facts
        .with(&[Predicate::Heads, Predicate::MemberOf])
        .cloned()
        .collect();
    for r in &posts {
        if r.rule == serves_in::RULE.name {
            continue;
        }
        if let Object::Entity(o) = r.object {
            if let Some(&n) = org_nation.get(&c.ents.resolve(o)) {
                if !c.facts.has(r.subject, Predicate::Country) {
                    c.facts.add(r.subject, Predicate::Country, n, &r.evidence);
                }
            }
        }
    }
}
