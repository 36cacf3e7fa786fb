//! The dateline's place is in the nation printed after it ("KIRUNA, Sweden (May 6, 2025)
//! --": Kiruna is in Sweden).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::nations::nation_entity;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Entry;

pub(crate) const RULE: Rule = Rule {
    name: "dateline-nation",
    reads: &[
        Reads::Mentions(EntityType::Place),
        Reads::Dateline,
        Reads::Gazetteer,
    ],
    states: &[Predicate::Country],
    run: Run::Entity(run),
    examples: &[Example {
        text: "Radar opens\n\nKIRUNA, Sweden (May 6, 2025) -- A new tracking radar opened on Monday.\n",
        yields: &[("Kiruna", Predicate::Country, "Sweden")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, id: usize) {
    if c.kind(id) != EntityType::Place {
        return;
    }
    let ev = c.first_sentence_of(id);
    let Some(dl) = &c.release.dateline else {
        return;
    };
    if !c.ents.get(id).mentions.contains(&dl.place_span) {
        return;
    }
    let Some(region) = dl.region.clone() else {
        return;
    };
    let region_span = dl.region_span.clone();
    let kb = c.ex.kb;
    if let Some(Entry::Nation(ni, _)) = kb
        .lookup(&region)
        .iter()
        .find(|x| matches!(x, Entry::Nation(_, _)))
    {
        if let Some(n) = nation_entity(c, *ni, true) {
            if let Some(span) = region_span {
                c.ents.get_mut(n).mentions.push(span);
            }
            c.ents.get_mut(n).aliases.insert(region.clone());
            c.facts.add(id, Predicate::Country, n, &ev);
        }
    }
}
