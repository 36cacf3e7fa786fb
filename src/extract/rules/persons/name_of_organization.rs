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
    examples: &[Example {
        text: "Plan presented\n\nRIGA, Latvia (May 6, 2025) -- Maj. Hanna Roos of the Baltic Space Office presented the plan.\n",
        yields: &[("Hanna Roos", Predicate::MemberOf, "Baltic Space Office")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let Some(o) = next_organization(c, v, mi) else {
        return;
    };
    let of = matches!(
        &v.words[m.toks.end..(m.toks.end + 4).min(v.words.len())],
        [w, ..] if w == "of"
    ) && o.toks.start <= m.toks.end + 2;
    if of && !led(c, v, mi) {
        c.facts
            .add(m.entity, Predicate::MemberOf, o.entity, &v.span);
    }
}
