//! "X of the Y": a name followed by "of" and an organization serves it ("Maj. Hanna Roos of
//! the Baltic Space Office presented the plan"). A relative clause of heading ("X, who
//! led Y") is `who-led`'s.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::person_at;
use super::who_led::{led, next_organization};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "name-of-organization",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
    ],
    states: &[Predicate::MemberOf],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Plan presented\n\nRIGA, Latvia (May 6, 2025) -- Maj. Hanna Roos of the Baltic Space Office presented the plan.\n",
            yields: &[("Hanna Roos", Predicate::MemberOf, "Baltic Space Office")],
            absent: &[],
        },
        // "from" the body; a nation's possessive before the body.
        Example {
            text: "Plan presented\n\nRIGA, Latvia (May 6, 2025) -- Ola Berg from the Danish Space Institute and Kenji Sato of Japan's Orbital Safety Office presented the plan.\n",
            yields: &[
                ("Ola Berg", Predicate::MemberOf, "Danish Space Institute"),
                ("Kenji Sato", Predicate::MemberOf, "Orbital Safety Office"),
            ],
            absent: &[],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let Some(o) = next_organization(c, v, mi) else {
        return;
    };
    // "of the Y", "from the Y", "of Japan's Y": only an article or a nation's possessive
    // between.
    let between = v.words.get(m.toks.end + 1..o.toks.start).unwrap_or(&[]);
    let nation_possessive = matches!(between, [.., s] if s == "'s")
        && v.mentions.iter().any(|n| {
            c.kind(n.entity) == EntityType::Nation
                && n.toks.start == m.toks.end + 1
                && n.toks.end + 1 == o.toks.start
        });
    let of = matches!(
        v.words.get(m.toks.end).map(String::as_str),
        Some("of" | "from")
    ) && (o.toks.start <= m.toks.end + 2 || nation_possessive);
    if of && !led(c, v, mi) {
        c.facts
            .add(m.entity, Predicate::MemberOf, o.entity, &v.span);
    }
}
