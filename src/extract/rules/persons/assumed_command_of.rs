//! "Lt. Col. Nora Eik assumed command of the Arctic Space Squadron": the person who takes
//! command heads the organization named after "of".

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::command::change_at;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "assumed-command-of",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::Command),
    ],
    states: &[Predicate::Heads],
    run: Run::Word(run),
    examples: &[Example {
        text: "New commander\n\nOSLO, Norway (May 6, 2025) -- Lt. Col. Nora Eik assumed command of the Arctic Space Squadron on Friday.\n",
        yields: &[("Nora Eik", Predicate::Heads, "Arctic Space Squadron")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, i: usize) {
    if let Some((p, Some(o))) = change_at(c, v, i) {
        c.facts.add(p, Predicate::Heads, o, &v.span);
    }
}
