//! "X set up Y", "X and Z share responsibility for the Y" (a cue of role `sponsor-of` just
//! before an initiative or agreement): the list before the cue sponsors it ("Finland and
//! Norway set up the Polar Access Initiative in 2021").

use super::super::context::{Ctx, View};
use super::super::lists::coordinated;
use super::super::{Example, Reads, Rule, Run};
use super::programme_at;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "set-up",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::SponsorOf),
    ],
    states: &[Predicate::Sponsor],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Initiative grows\n\nHELSINKI, Finland (May 6, 2025) -- Finland and Norway set up the Polar Access Initiative in 2021.\n",
        yields: &[
            ("Polar Access Initiative", Predicate::Sponsor, "Finland"),
            ("Polar Access Initiative", Predicate::Sponsor, "Norway"),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = programme_at(c, &v.mentions, mi) else {
        return;
    };
    let words = &v.words;
    let mut start = m.toks.start;
    while start > 0
        && matches!(
            words[start - 1].as_str(),
            "the" | "a" | "an" | "its" | "their"
        )
    {
        start -= 1;
    }
    let cue = (start.saturating_sub(5)..start)
        .find(|&i| c.ex.kb.cue_at(Cue::SponsorOf, words, i) == Some(start - i));
    if let Some(i) = cue {
        for x in coordinated(c, v, i, false) {
            c.facts.add(m.entity, Predicate::Sponsor, x, &v.span);
        }
    }
}
