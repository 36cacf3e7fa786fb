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
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let title_words: Vec<String> = m
        .titles
        .iter()
        .flat_map(|t| {
            form_key(t)
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let meaning = if m.titles.is_empty() {
        None
    } else {
        post_meaning(c, &title_words)
    };
    let rel = match meaning {
        Some(true) => Predicate::Heads,
        _ => Predicate::MemberOf,
    };
    for o in printed_before(c, m, EntityType::Organization) {
        c.facts.add(m.entity, rel, o, &v.span);
    }
}
