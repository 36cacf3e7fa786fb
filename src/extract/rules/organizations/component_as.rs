//! "A joins B and C as a D component", "A, activated as the Space Force component to D" (a
//! cue of role `component` after "as a"/"as the"): the organizations before "as" (the list
//! just before, the one a "joins" names, else the nearest) are components of D, named
//! before the component word or after "to"/"of" ("The Polar Tracking Unit joins Ice Watch
//! Unit as an Arctic Space Command component": both are part of the command).

use super::super::context::{Ctx, View};
use super::super::lists::coordinated;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::mentions::Mention;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "component-as",
    reads: &[
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::Component),
    ],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "Units join\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Command welcomed new units. The Polar Tracking Unit joins Ice Watch Unit as an Arctic Space Command component.\n",
        yields: &[
            (
                "Polar Tracking Unit",
                Predicate::SubOrganizationOf,
                "Arctic Space Command",
            ),
            (
                "Ice Watch Unit",
                Predicate::SubOrganizationOf,
                "Arctic Space Command",
            ),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let (ms, words) = (&v.mentions, &v.words);
    let orgs: Vec<&Mention> = ms
        .iter()
        .filter(|m| !m.inside && c.kind(m.entity) == EntityType::Organization)
        .collect();
    for i in 0..words.len() {
        let Some(n) = c.ex.kb.cue_at(Cue::Component, words, i) else {
            continue;
        };
        // "as a USFK component" / "as the Space Force component to USINDOPACOM".
        let to = orgs.iter().find(|o| {
            matches!(words.get(i + n).map(String::as_str), Some("to" | "of"))
                && (o.toks.start == i + n + 1
                    || (o.toks.start == i + n + 2 && words[i + n + 1] == "the"))
        });
        let before = orgs.iter().find(|o| o.toks.end == i);
        let Some(parent) = to.or(before).map(|p| p.entity) else {
            continue;
        };
        let det_at = before.map_or(i, |b| b.toks.start);
        if det_at < 2
            || !matches!(words[det_at - 1].as_str(), "a" | "an" | "the")
            || words[det_at - 2] != "as"
        {
            continue;
        }
        let as_at = det_at - 2;
        let mut children: Vec<usize> = coordinated(c, v, as_at, false);
        if children.is_empty() {
            // "X, which was activated in Hawaii as ...": the nearest organization before.
            if let Some(x) = orgs.iter().rfind(|o| o.toks.end <= as_at) {
                children.push(x.entity);
            }
        }
        // "A joins B, C and D as ...": A too.
        let first_child_start = ms
            .iter()
            .filter(|o| children.contains(&o.entity))
            .map(|o| o.toks.start)
            .min()
            .unwrap_or(as_at);
        if first_child_start > 0
            && c.ex
                .kb
                .is_cue_word(Cue::JoinVerb, &words[first_child_start - 1])
        {
            children.extend(coordinated(c, v, first_child_start - 1, false));
        }
        for ch in children {
            if c.kind(ch) == EntityType::Organization {
                c.facts
                    .add(ch, Predicate::SubOrganizationOf, parent, &v.span);
            }
        }
    }
}
