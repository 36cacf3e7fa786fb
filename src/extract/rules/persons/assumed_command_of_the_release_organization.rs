//! "Lt. Col. Nora Eik assumed command." with no organization named after the verb: she
//! heads the organization the release is about, the one it names most often ("The Arctic
//! Space Squadron held a ceremony ... The squadron's history ... Eik assumed command").

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::command::{change_at, principal_organization};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "assumed-command-of-the-release-organization",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::Command),
    ],
    states: &[Predicate::Heads],
    run: Run::Word(run),
    examples: &[Example {
        text: "Squadron changes hands\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Squadron marked its tenth year on Friday. The Arctic Space Squadron tracks satellites over the pole.\n\nLt. Col. Nora Eik assumed command during the ceremony.\n",
        yields: &[("Nora Eik", Predicate::Heads, "Arctic Space Squadron")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, i: usize) {
    if let Some((p, None)) = change_at(c, v, i) {
        if let Some(o) = principal_organization(c) {
            c.facts.add(p, Predicate::Heads, o, &v.span);
        }
    }
}
