//! An organization, a post right after it, a comma, then the name: "Baltic Space Office
//! Director of Plans, Col. Juris Ozols" (he serves the office; a post that heads, heads it).

use super::super::context::{is_agent, Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::{person_at, post_meaning};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "organization-post-then-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Posts,
    ],
    states: &[Predicate::Heads, Predicate::MemberOf],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Plans office\n\nRIGA, Latvia (May 6, 2025) -- The Baltic Space Office deputy director of plans, Col. Juris Ozols, briefed the press.\n",
        yields: &[("Juris Ozols", Predicate::MemberOf, "Baltic Space Office")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let (ms, words) = (&v.mentions, &v.words);
    if !(m.lead >= 2 && v.raw(c.text, m.lead - 1) == ",") {
        return;
    }
    let org_before = ms[..mi].iter().rev().find(|o| {
        !o.inside
            && c.kind(o.entity) == EntityType::Organization
            && !ms.iter().any(|x| {
                x.toks.start > o.toks.end
                    && x.toks.start < m.lead
                    && is_agent(c.kind(x.entity))
                    && !x.inside
            })
    });
    let Some(o) = org_before else {
        return;
    };
    let comma = (o.toks.end..m.lead)
        .find(|&i| words[i] == ",")
        .unwrap_or(m.lead);
    if comma > o.toks.end && comma - o.toks.end <= 8 {
        if let Some(head) = post_meaning(c, &words[o.toks.end..comma]) {
            let rel = if head {
                Predicate::Heads
            } else {
                Predicate::MemberOf
            };
            c.facts.add(m.entity, rel, o.entity, &v.span);
        }
    }
}
