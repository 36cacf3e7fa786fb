//! A body or place followed by an appositive that opens with a nation and says what it is
//! ("Kongsberg Orbital, a Norwegian company, ...", "Itamaraty, Brazil's foreign ministry,
//! ...", "the Polar Range, the Finnish test site"): the nation is the one it belongs to.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "appositive-nation-of-body",
    reads: &[
        Reads::Mentions(EntityType::Organization),
        Reads::Mentions(EntityType::Place),
        Reads::Mentions(EntityType::Nation),
        Reads::Facts(Predicate::Country),
    ],
    states: &[Predicate::Country],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Talks open\n\nOSLO, Norway (May 6, 2025) -- Officials from Kongsberg Orbital, a Norwegian company, and from Itamaraty, Brazil's foreign ministry, attended.\n",
            yields: &[
                ("Kongsberg Orbital", Predicate::Country, "Norway"),
                ("Itamaraty", Predicate::Country, "Brazil"),
            ],
            absent: &[],
        },
        // A nation inside the next body's name in a list is no appositive.
        Example {
            text: "Talks open\n\nOSLO, Norway (May 6, 2025) -- Kongsberg Orbital, the Finnish Space Office and the Chilean Space Agency signed the accord.\n",
            yields: &[],
            absent: &[("Kongsberg Orbital", Predicate::Country, "Finland")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = v.mentions.get(mi) else {
        return;
    };
    if m.inside
        || !matches!(
            c.kind(m.entity),
            EntityType::Organization | EntityType::Place
        )
        || c.facts.has(m.entity, Predicate::Country)
    {
        return;
    }
    let words = &v.words;
    if words.get(m.toks.end).map(String::as_str) != Some(",") {
        return;
    }
    let mut at = m.toks.end + 1;
    if words
        .get(at)
        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the"))
    {
        at += 1;
    }
    let Some(n) = v
        .mentions
        .iter()
        .find(|o| o.toks.start == at && !o.inside && c.kind(o.entity) == EntityType::Nation)
    else {
        return;
    };
    // "Brazil's foreign ministry": past the possessive.
    let mut k = n.toks.end;
    if words.get(k).is_some_and(|w| w == "'s") {
        k += 1;
    }
    // One to four lowercase words, then the appositive's end.
    let start = k;
    while k < words.len() && k < start + 4 && v.raw(c.text, k).starts_with(char::is_lowercase) {
        k += 1;
    }
    let closes = words
        .get(k)
        .is_none_or(|w| matches!(w.as_str(), "," | "." | ";" | ")"));
    if k > start && closes {
        c.facts.add(m.entity, Predicate::Country, n.entity, &v.span);
    }
}
