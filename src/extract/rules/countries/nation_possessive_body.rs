//! A nation, a possessive, then an organization: the nation's own body ("Estonia’s Ministry
//! of Economic Affairs"), when no rule gave the body a country yet.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "nation-possessive-body",
    reads: &[
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Facts(Predicate::Country),
    ],
    states: &[Predicate::Country],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "Ministry speaks\n\nOSLO, Norway (May 6, 2025) -- Officials of Estonia’s Ministry of Economic Affairs visited Oslo.\n",
        yields: &[("Ministry of Economic Affairs", Predicate::Country, "Estonia")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let words = &v.words;
    for w in v.mentions.windows(2) {
        if c.kind(w[0].entity) == EntityType::Nation
            && !w[0].inside
            && c.kind(w[1].entity) == EntityType::Organization
            && words.get(w[0].toks.end).map(String::as_str) == Some("'s")
            && w[1].toks.start == w[0].toks.end + 1
            && !c.facts.has(w[1].entity, Predicate::Country)
        {
            c.facts
                .add(w[1].entity, Predicate::Country, w[0].entity, &v.span);
        }
    }
}
