//! "Andøya Spaceport, Norway": a place, a comma, a nation — the place is in the nation.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "place-comma-nation",
    reads: &[
        Reads::Mentions(EntityType::Place),
        Reads::Mentions(EntityType::Nation),
    ],
    states: &[Predicate::Country],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "Launch window\n\nHELSINKI, Finland (May 6, 2025) -- The rocket will fly from Andøya Spaceport, Norway, in June.\n",
        yields: &[("Andøya Spaceport", Predicate::Country, "Norway")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let words = &v.words;
    for w in v.mentions.windows(2) {
        if c.kind(w[0].entity) == EntityType::Place
            && c.kind(w[1].entity) == EntityType::Nation
            && w[1].toks.start == w[0].toks.end + 1
            && words[w[0].toks.end] == ","
        {
            c.facts
                .add(w[0].entity, Predicate::Country, w[1].entity, &v.span);
        }
    }
}
