//! "A’s work with B", "A cooperates with B", "produced by A together with B" (a cue of role
//! `partner-with`): A, the agent printed right before the cue (or before its possessive),
//! partners with each agent of its kind in the list right after ("Finland cooperates with
//! Norway and Sweden on polar orbits").

use super::super::context::{Ctx, View};
use super::super::lists::coordinated;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "partner-with",
    reads: &[
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::PartnerWith),
    ],
    states: &[Predicate::Partner],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "Polar orbits\n\nHELSINKI, Finland (May 6, 2025) -- Finland cooperates with Norway and Sweden on polar orbits.\n",
        yields: &[
            ("Finland", Predicate::Partner, "Norway"),
            ("Finland", Predicate::Partner, "Sweden"),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let (ms, words) = (&v.mentions, &v.words);
    for i in 0..words.len() {
        let Some(n) = c.ex.kb.cue_at(Cue::PartnerWith, words, i) else {
            continue;
        };
        if c.quoted_at(v, i) {
            continue;
        }
        // A: the agent ending right before the cue, or before "’s" and the cue.
        let mut end = i;
        if end > 0 && words[end - 1] == "'s" {
            end -= 1;
        }
        let Some(a) = ms.iter().find(|m| {
            m.toks.end == end
                && !m.inside
                && matches!(
                    c.kind(m.entity),
                    EntityType::Nation | EntityType::Organization
                )
        }) else {
            continue;
        };
        let kind = c.kind(a.entity);
        for b in coordinated(c, v, i + n, true) {
            if c.kind(b) == kind {
                c.facts.add(a.entity, Predicate::Partner, b, &v.span);
            }
        }
    }
}
