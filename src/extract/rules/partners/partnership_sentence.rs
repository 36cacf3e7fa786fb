//! A sentence that speaks of partnership or alliance (a cue of role `partnership`) between
//! exactly two nations, or two organizations, joined in it ("A and B", "A with B"): they
//! are partners ("Estonia and Latvia deepened their space partnership"). Not two merely
//! named in one sentence, nor a body and its own unit.

use super::super::context::{Ctx, View};
use super::super::cues::says;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::mentions::Mention;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "partnership-sentence",
    reads: &[
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::Partnership),
    ],
    states: &[Predicate::Partner],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "Partnership grows\n\nHELSINKI, Finland (May 6, 2025) -- Officials met on Monday. Estonia and Latvia deepened their space partnership.\n",
        yields: &[("Estonia", Predicate::Partner, "Latvia")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let (ms, words) = (&v.mentions, &v.words);
    if !says(c, Cue::Partnership, words) {
        return;
    }
    for kind in [EntityType::Nation, EntityType::Organization] {
        let mut ids: Vec<usize> = Vec::new();
        let mut at: Vec<&Mention> = Vec::new();
        for m in ms {
            if c.kind(m.entity) == kind && !m.inside && !ids.contains(&m.entity) {
                ids.push(m.entity);
                at.push(m);
            }
        }
        // The two are joined ("A and B", "A with B", "between A and B"), not merely named
        // in one sentence ("ended its cooperation with X after Y invaded Z").
        let joined = at.len() == 2 && {
            let between = &words[at[0].toks.end..at[1].toks.start.max(at[0].toks.end)];
            between.len() <= 3
                && between
                    .iter()
                    .any(|w| matches!(w.as_str(), "and" | "with" | "," | "to"))
        };
        // "Within the Bundeswehr, the Bundeswehr Space Command": a body and its own unit.
        let nested = ids.len() == 2 && {
            let (a, b) = (&c.ents.get(ids[0]).name, &c.ents.get(ids[1]).name);
            a.contains(b.as_str()) || b.contains(a.as_str())
        };
        if ids.len() == 2 && joined && !nested {
            c.facts.add(ids[0], Predicate::Partner, ids[1], &v.span);
        }
    }
}
