//! "Y, led by X", "Y was created in 2020 by X and Z" (a cue of role `sponsor-by` within a
//! few words after an initiative or agreement, then "by"): the list after "by" sponsors it
//! ("The Polar Access Initiative, launched in 2021 by Finland and Norway, ...").

use super::super::context::{Ctx, View};
use super::super::lists::coordinated;
use super::super::{Example, Reads, Rule, Run};
use super::programme_at;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "led-by",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::SponsorBy),
    ],
    states: &[Predicate::Sponsor],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Initiative grows\n\nHELSINKI, Finland (May 6, 2025) -- The Polar Access Initiative, launched in 2021 by Finland and Norway, opened a data centre.\n",
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
    let kb = c.ex.kb;
    let end = (m.toks.end + 6).min(words.len());
    let by = (m.toks.end..end).find_map(|i| {
        let n = kb.cue_at(Cue::SponsorBy, words, i)?;
        (i + n..(i + n + 4).min(words.len())).find(|&j| words[j] == "by")
    });
    if let Some(by) = by {
        for x in coordinated(c, v, by + 1, true) {
            c.facts.add(m.entity, Predicate::Sponsor, x, &v.span);
        }
    }
}
