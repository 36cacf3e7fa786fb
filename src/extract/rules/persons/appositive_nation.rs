//! A nation that opens a post appositive after a name, after its article or not, is the
//! person's ("Col. Eva Strand, Swedish director of space operations, spoke": Sweden; "Col.
//! Juha Mäki, the Finnish defence attaché": Finland).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::appositive::after_name;
use super::posts::person_at;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "appositive-nation",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Posts,
    ],
    states: &[Predicate::Country],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Talks open\n\nKIRUNA, Sweden (May 6, 2025) -- Col. Eva Strand, Swedish director of space operations, opened the meeting.\n",
            yields: &[("Eva Strand", Predicate::Country, "Sweden")],
            absent: &[],
        },
        Example {
            text: "Talks open\n\nKIRUNA, Sweden (May 6, 2025) -- Col. Juha Mäki, the Finnish defence attaché, opened the meeting.\n",
            yields: &[("Juha Mäki", Predicate::Country, "Finland")],
            absent: &[],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    if person_at(c, &v.mentions, mi).is_none() {
        return;
    }
    let Some(a) = after_name(c, v, mi) else {
        return;
    };
    let p = v.mentions[mi].entity;
    for o in v.mentions.iter().skip(mi + 1) {
        if o.toks.start >= a.window.end {
            break;
        }
        if o.inside || o.toks.start < a.window.start {
            continue;
        }
        // "Col. Juha Mäki, the Finnish defence attaché": the article before the nation.
        let start = if v.words.get(a.window.start).is_some_and(|w| w == "the") {
            a.window.start + 1
        } else {
            a.window.start
        };
        if c.kind(o.entity) == EntityType::Nation && o.toks.start == start {
            c.facts.add(p, Predicate::Country, o.entity, &v.span);
        }
    }
}
