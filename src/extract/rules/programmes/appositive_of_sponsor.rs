//! "Y, a joint initiative of A and B": an appositive after an initiative or agreement whose
//! head word names its kind, then "of" or "by", names who runs it ("the Polar Access
//! Initiative, a joint initiative of Finland and Norway, ...").

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::programme_at;
use crate::extract::mentions::Head;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "appositive-of-sponsor",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::HeadWords,
    ],
    states: &[Predicate::Sponsor],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Initiative grows\n\nHELSINKI, Finland (May 6, 2025) -- The Polar Access Initiative, a joint initiative of Finland and Norway, opened a data centre.\n",
        yields: &[
            ("Polar Access Initiative", Predicate::Sponsor, "Finland"),
            ("Polar Access Initiative", Predicate::Sponsor, "Norway"),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = programme_at(c, &v.mentions, mi) else {
        return;
    };
    let words = &v.words;
    if words.get(m.toks.end).map(String::as_str) != Some(",") {
        return;
    }
    let stop = (m.toks.end + 1..words.len())
        .find(|&i| matches!(words[i].as_str(), "," | "." | ";" | "that" | "which" | "to"))
        .unwrap_or(words.len());
    let of = (m.toks.end + 1..stop.min(m.toks.end + 8))
        .find(|&i| matches!(words[i].as_str(), "of" | "by"));
    let headed = of.is_some_and(|i| {
        c.ex.lexicon
            .head_of(&words[m.toks.end + 1..i])
            .is_some_and(|(h, _)| matches!(h, Head::Kind(_)))
    });
    let (Some(i), true) = (of, headed) else {
        return;
    };
    for o in v
        .mentions
        .iter()
        .filter(|o| o.toks.start > i && o.toks.start < stop && !o.inside)
    {
        if matches!(
            c.kind(o.entity),
            EntityType::Organization | EntityType::Nation
        ) {
            c.facts.add(m.entity, Predicate::Sponsor, o.entity, &v.span);
        }
    }
}
