//! "A, B and C will work together on X" (a cue of role `member-on` just before an
//! initiative): the list before the cue are its members ("Finland and Norway will work
//! together on the Polar Access Initiative").

use super::super::context::{Ctx, View};
use super::super::lists::coordinated;
use super::super::{Example, Reads, Rule, Run};
use super::programme_at;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "members-work-on",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::MemberOn),
    ],
    states: &[Predicate::Member],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Initiative grows\n\nHELSINKI, Finland (May 6, 2025) -- Finland and Norway will work together on the Polar Access Initiative.\n",
        yields: &[
            ("Polar Access Initiative", Predicate::Member, "Finland"),
            ("Polar Access Initiative", Predicate::Member, "Norway"),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = programme_at(c, &v.mentions, mi) else {
        return;
    };
    if c.kind(m.entity) != EntityType::Initiative {
        return;
    }
    let words = &v.words;
    let mut at = m.toks.start;
    while at > 0 && matches!(words[at - 1].as_str(), "the" | "a" | "an") {
        at -= 1;
    }
    let on = (at.saturating_sub(5)..at)
        .find(|&i| c.ex.kb.cue_at(Cue::MemberOn, words, i) == Some(at - i));
    if let Some(i) = on {
        let mut w = i;
        while w > 0 && c.ex.kb.is_cue_word(Cue::Auxiliary, &words[w - 1]) {
            w -= 1;
        }
        for x in coordinated(c, v, w, false) {
            c.facts.add(m.entity, Predicate::Member, x, &v.span);
        }
    }
}
