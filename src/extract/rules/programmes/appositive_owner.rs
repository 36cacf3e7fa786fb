//! "Y, the X’s Z": an appositive after an initiative or agreement names its owner with a
//! possessive ("Open Skies Data, the Arctic Space Command’s sharing programme, ...").

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::programme_at;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "appositive-owner",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
    ],
    states: &[Predicate::Sponsor],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Data programme\n\nOSLO, Norway (May 6, 2025) -- The Polar Access Initiative, the Arctic Space Command’s sharing programme, opened to the public.\n",
        yields: &[(
            "Polar Access Initiative",
            Predicate::Sponsor,
            "Arctic Space Command",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = programme_at(c, &v.mentions, mi) else {
        return;
    };
    let words = &v.words;
    if words.get(m.toks.end).map(String::as_str) != Some(",")
        || words.get(m.toks.end + 1).map(String::as_str) != Some("the")
    {
        return;
    }
    if let Some(o) = v.mentions.iter().find(|o| {
        o.toks.start == m.toks.end + 2
            && !o.inside
            && matches!(
                c.kind(o.entity),
                EntityType::Organization | EntityType::Nation
            )
            && words.get(o.toks.end).map(String::as_str) == Some("'s")
    }) {
        c.facts.add(m.entity, Predicate::Sponsor, o.entity, &v.span);
    }
}
