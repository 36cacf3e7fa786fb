//! An initiative named in the clause telling an event is what the event serves: "Norway and
//! Finland took part in the Polar Lantern Exercise under the Polar Access Initiative".

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::Clause;
use crate::extract::mentions::is_article;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "initiative-in-event-sentence",
    reads: &[Reads::Mentions(EntityType::Initiative), Reads::Cue(Cue::Topic)],
    states: &[Predicate::Initiative],
    run: Run::ClauseMention(run),
    examples: &[
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise under the Polar Access Initiative on May 8.\n",
            yields: &[(
                "Polar Lantern Exercise",
                Predicate::Initiative,
                "Polar Access Initiative",
            )],
            absent: &[],
        },
        // An initiative the event's parties talked of is not one it serves.
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland took part in the Polar Lantern Exercise on May 8 and discussed the Polar Access Initiative.\n",
            yields: &[],
            absent: &[(
                "Polar Lantern Exercise",
                Predicate::Initiative,
                "Polar Access Initiative",
            )],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) {
    let m = &clause.mentions[mi];
    let words = &clause.view.words;
    let mut k = m.lead.min(m.toks.start);
    while k > 0 && is_article(&words[k - 1]) {
        k -= 1;
    }
    // "discussed SeaVision", "cooperation on Gateway": the initiative is talked of.
    let topic = k > 0 && c.ex.kb.is_cue_word(Cue::Topic, &words[k - 1]);
    if c.kind(m.entity) == EntityType::Initiative && !topic {
        c.facts.add(
            clause.event,
            Predicate::Initiative,
            m.entity,
            &clause.view.span,
        );
    }
}
