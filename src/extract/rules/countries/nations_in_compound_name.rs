//! "Finland-Norway Combined Space Command": every nation of a compound that opens an
//! organization's name is its country (the nations are added when the release names them
//! only there).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::nations::nation_entity;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Entry;

pub(crate) const RULE: Rule = Rule {
    name: "nations-in-compound-name",
    reads: &[Reads::Mentions(EntityType::Organization), Reads::Gazetteer],
    states: &[Predicate::Country],
    run: Run::Entity(run),
    examples: &[Example {
        text: "Cell opens\n\nHELSINKI, Finland (May 6, 2025) -- The Finland-Norway Combined Space Command opened on Monday.\n",
        yields: &[
            ("Finland-Norway Combined Space Command", Predicate::Country, "Finland"),
            ("Finland-Norway Combined Space Command", Predicate::Country, "Norway"),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, id: usize) {
    if c.kind(id) != EntityType::Organization {
        return;
    }
    let ev = c.first_sentence_of(id);
    let name = c.ents.get(id).name.clone();
    let first = name.split_whitespace().next().unwrap_or("");
    if !crate::text::is_compound(first) {
        return;
    }
    for part in crate::text::compound_parts(first) {
        let hit = c.ex.kb.lookup(part).iter().find_map(|x| match x {
            Entry::Nation(n, _) => Some(*n),
            _ => None,
        });
        if let Some(n) = hit.and_then(|ni| nation_entity(c, ni, true)) {
            c.facts.add(id, Predicate::Country, n, &ev);
        }
    }
}
