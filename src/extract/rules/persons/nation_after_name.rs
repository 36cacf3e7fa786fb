//! A nation printed right after a person's name with "of" is the nation they serve
//! ("Ambassador Aino Laakso of Finland", "Minister Erik Dahl of the Netherlands").

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::person_at;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "nation-after-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
    ],
    states: &[Predicate::Country],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Envoys meet\n\nOSLO, Norway (May 6, 2025) -- Ambassador Aino Laakso of Finland and Undersecretary Erik Dahl of Sweden met on Monday.\n",
        yields: &[
            ("Aino Laakso", Predicate::Country, "Finland"),
            ("Erik Dahl", Predicate::Country, "Sweden"),
        ],
        absent: &[("Aino Laakso", Predicate::Country, "Sweden")],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let words = &v.words;
    if words.get(m.toks.end).map(String::as_str) != Some("of") {
        return;
    }
    let mut at = m.toks.end + 1;
    if words.get(at).map(String::as_str) == Some("the") {
        at += 1;
    }
    let nation = v
        .mentions
        .iter()
        .find(|o| o.toks.start == at && c.kind(o.entity) == EntityType::Nation);
    if let Some(n) = nation {
        c.facts.add(m.entity, Predicate::Country, n.entity, &v.span);
    }
}
