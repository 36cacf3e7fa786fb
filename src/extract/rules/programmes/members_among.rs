//! "the X partnership among A, B and C" (a cue of role `member-among` within a few words
//! after an initiative): the list after the cue are its members ("the Polar Access
//! Initiative between Finland and Norway").

use super::super::context::{Ctx, View};
use super::super::lists::coordinated;
use super::super::{Example, Reads, Rule, Run};
use super::programme_at;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "members-among",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::MemberAmong),
    ],
    states: &[Predicate::Member],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Initiative grows\n\nHELSINKI, Finland (May 6, 2025) -- The Polar Access Initiative between Finland and Norway opened a data centre.\n",
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
    let among = (m.toks.end..(m.toks.end + 3).min(words.len()))
        .find(|&i| c.ex.kb.cue_at(Cue::MemberAmong, words, i).is_some());
    if let Some(i) = among {
        for x in coordinated(c, v, i + 1, true) {
            c.facts.add(m.entity, Predicate::Member, x, &v.span);
        }
    }
}
