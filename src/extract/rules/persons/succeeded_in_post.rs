//! "A has been succeeded as its commander by B", "B succeeds A as director" (cues of roles
//! `succeeded-by` and `succeeds`): B heads what the release says A headed ("Col. Per Holm
//! led the Arctic Space Squadron. Holm has been succeeded as commander by Lt. Col. Ida Moe":
//! she heads the squadron).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "succeeded-in-post",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Cue(Cue::SucceededBy),
        Reads::Cue(Cue::Succeeds),
        Reads::Facts(Predicate::Heads),
    ],
    states: &[Predicate::Heads],
    run: Run::Document(run),
    examples: &[
        Example {
            text: "Squadron changes hands\n\nOSLO, Norway (May 6, 2025) -- Col. Per Holm, commander of the Arctic Space Squadron, will retire. Col. Holm has been succeeded as commander by Lt. Col. Ida Moe.\n",
            yields: &[("Ida Moe", Predicate::Heads, "Arctic Space Squadron")],
            absent: &[],
        },
        Example {
            text: "Squadron changes hands\n\nOSLO, Norway (May 6, 2025) -- Col. Per Holm, commander of the Arctic Space Squadron, will retire. Lt. Col. Ida Moe succeeds Col. Holm in June.\n",
            yields: &[("Ida Moe", Predicate::Heads, "Arctic Space Squadron")],
            absent: &[],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>) {
    let views = c.views;
    for v in views {
        let words = &v.words;
        let persons: Vec<_> = v
            .mentions
            .iter()
            .filter(|m| c.kind(m.entity) == EntityType::Person)
            .collect();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for i in 0..words.len() {
            if c.quoted_at(v, i) {
                continue;
            }
            let before = persons
                .iter()
                .rev()
                .find(|m| m.toks.end <= i)
                .map(|m| m.entity);
            if c.ex.kb.cue_at(Cue::SucceededBy, words, i).is_some() {
                // The successor follows "by".
                let by = (i..(i + 8).min(words.len())).find(|&k| words[k] == "by");
                let after = by.and_then(|b| {
                    persons
                        .iter()
                        .find(|m| m.toks.start > b && m.toks.start <= b + 6)
                });
                if let (Some(a), Some(b)) = (before, after) {
                    pairs.push((a, b.entity));
                }
            } else if let Some(n) = c.ex.kb.cue_at(Cue::Succeeds, words, i) {
                let after = persons
                    .iter()
                    .find(|m| m.toks.start >= i + n && m.toks.start <= i + n + 4);
                if let (Some(b), Some(a)) = (before, after) {
                    pairs.push((a.entity, b));
                }
            }
        }
        for (old, new) in pairs {
            let headed: Vec<usize> = c.facts.objects(old, Predicate::Heads).collect();
            for o in headed {
                c.facts.add(new, Predicate::Heads, o, &v.span);
            }
        }
    }
}
