//! A nation in a post phrase set off by a comma before a name is the person's: "the
//! Portuguese ambassador to Ghana, Maria Santos," and "Chile's minister of science, Ana
//! Rojas," (not Ghana: a nation after "to" or "in" is where the post serves). The post's
//! organization is `post-of-org-before-name`'s.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::person_at;
use crate::extract::mentions::post_phrase_before;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "nation-in-post-before-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Posts,
    ],
    states: &[Predicate::Country],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Agreement signed\n\nACCRA, Ghana (May 6, 2025) -- The ceremony was attended by the Portuguese ambassador to Ghana, Maria Santos, and by Chile's minister of science, Ana Rojas.\n",
            yields: &[
                ("Maria Santos", Predicate::Country, "Portugal"),
                ("Ana Rojas", Predicate::Country, "Chile"),
            ],
            absent: &[
                ("Maria Santos", Predicate::Country, "Ghana"),
                ("Ana Rojas", Predicate::Country, "Ghana"),
            ],
        },
        // No post in the phrase: no nation from it.
        Example {
            text: "Agreement signed\n\nACCRA, Ghana (May 6, 2025) -- Speaking for the Portuguese side, Maria Santos thanked the hosts.\n",
            yields: &[],
            absent: &[("Maria Santos", Predicate::Country, "Portugal")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let at = m.lead.min(m.toks.start);
    if at < 2 || v.words[at - 1] != "," {
        return;
    }
    let comma = at - 1;
    let Some(start) = post_phrase_before(c.text, &c.ex.lexicon, &v.sentence.tokens, comma) else {
        return;
    };
    let nations: Vec<usize> = v
        .mentions
        .iter()
        .filter(|o| {
            !o.inside
                && o.toks.start >= start
                && o.toks.end <= comma
                && c.kind(o.entity) == EntityType::Nation
                // "ambassador to Ghana", "based in Ghana": where the post serves.
                && !matches!(v.words[..o.toks.start].last().map(String::as_str), Some("to" | "in"))
        })
        .map(|o| o.entity)
        .collect();
    for n in nations {
        c.facts.add(m.entity, Predicate::Country, n, &v.span);
    }
}
