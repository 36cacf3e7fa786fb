//! An organization printed before a post and a name, in one run of names: the person holds
//! the post in that organization, heading it when the post heads ("NASA Administrator Dana
//! Whitfield": she heads NASA; a deputy's post is membership).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::{person_at, post_meaning, printed_before};
use crate::extract::{EntityType, Predicate};
use crate::text::form_key;

pub(crate) const RULE: Rule = Rule {
    name: "post-before-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Posts,
    ],
    states: &[Predicate::Heads, Predicate::MemberOf],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Agency chief visits\n\nOSLO, Norway (May 6, 2025) -- NASA Administrator Dana Whitfield toured the Andøya launch site on Monday.\n",
            yields: &[(
                "Dana Whitfield",
                Predicate::Heads,
                "National Aeronautics and Space Administration",
            )],
            absent: &[],
        },
        Example {
            text: "Deputy visits\n\nOSLO, Norway (May 6, 2025) -- NASA Deputy Administrator Tom Arvid spoke to students.\n",
            yields: &[(
                "Tom Arvid",
                Predicate::MemberOf,
                "National Aeronautics and Space Administration",
            )],
            absent: &[(
                "Tom Arvid",
                Predicate::Heads,
                "National Aeronautics and Space Administration",
            )],
        },
        // A body no gazetteer knows, then the post, in capitals or not.
        Example {
            text: "Talks open\n\nVIENNA, Austria (May 6, 2025) -- Andean Space Agency Director Eva Huber opened the talks. Polar Orbit Office deputy director Tom Arvid spoke next.\n",
            yields: &[
                ("Eva Huber", Predicate::Heads, "Andean Space Agency"),
                ("Tom Arvid", Predicate::MemberOf, "Polar Orbit Office"),
            ],
            absent: &[("Tom Arvid", Predicate::Heads, "Polar Orbit Office")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let mut title_words: Vec<String> = m
        .titles
        .iter()
        .flat_map(|t| {
            form_key(t)
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    // "Andean Space Agency director Eva Huber", "Andean Space Agency Director Eva Huber": a
    // body printed right before the post, outside the run of names; only post words between.
    let words = &v.words;
    let lex = &c.ex.lexicon;
    let adjacent = v.mentions.iter().find(|o| {
        let between = words.get(o.toks.end..m.toks.start).unwrap_or(&[]);
        !o.inside
            && c.kind(o.entity) == EntityType::Organization
            && !m.prefix.contains(&o.entity)
            && !between.is_empty()
            && between.len() <= 4
            && between.iter().all(|w| lex.post_key(w).is_some())
    });
    // The post is the titles, else the post words between the body and the name.
    if let (Some(o), true) = (adjacent, m.titles.is_empty()) {
        title_words = words[o.toks.end..m.toks.start].to_vec();
    }
    let meaning = if title_words.is_empty() {
        None
    } else {
        post_meaning(c, &title_words)
    };
    let rel = match meaning {
        Some(true) => Predicate::Heads,
        _ => Predicate::MemberOf,
    };
    for o in printed_before(c, m, EntityType::Organization)
        .into_iter()
        .chain(adjacent.map(|o| o.entity))
    {
        c.facts.add(m.entity, rel, o, &v.span);
    }
}
