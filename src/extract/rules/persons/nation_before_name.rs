//! A nation printed before a person's name, in one run of names, is the nation they serve
//! ("Finnish Defence Minister Aino Laakso": Finland), except the nation an ambassador is
//! sent to ("Ambassador to Japan Eero Salo" serves another nation, not Japan).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::{person_at, printed_before};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "nation-before-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
    ],
    states: &[Predicate::Country],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Minister visits\n\nOSLO, Norway (May 6, 2025) -- Finnish Defence Minister Aino Laakso visited the ground station.\n",
        yields: &[("Aino Laakso", Predicate::Country, "Finland")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let words = &v.words;
    // "Ambassador to the United States Andreas Michaelis": the nation served, not the
    // ambassador's own.
    let served = |n: usize| {
        v.mentions.iter().any(|o| {
            o.entity == n
                && o.toks.end <= m.toks.start
                && (o.toks.start >= 1 && words[o.toks.start - 1] == "to"
                    || o.toks.start >= 2
                        && words[o.toks.start - 1] == "the"
                        && words[o.toks.start - 2] == "to")
        })
    };
    for n in printed_before(c, m, EntityType::Nation) {
        if !served(n) {
            c.facts.add(m.entity, Predicate::Country, n, &v.span);
        }
    }
}
