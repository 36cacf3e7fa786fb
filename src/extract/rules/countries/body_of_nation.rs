//! An organization, then "of" and a nation: the nation's own body ("the Ministry of Foreign
//! Affairs of the Republic of Chile", "the Space Committee of Norway"), when no rule gave the
//! body a country yet.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::mentions::Head;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::{Cue, HeadKind};

pub(crate) const RULE: Rule = Rule {
    name: "body-of-nation",
    reads: &[
        Reads::Mentions(EntityType::Organization),
        Reads::Mentions(EntityType::Nation),
        Reads::Facts(Predicate::Country),
        Reads::HeadWords,
        Reads::Cue(Cue::NameConnector),
    ],
    states: &[Predicate::Country],
    run: Run::Sentence(run),
    examples: &[
        Example {
            text: "Ministry speaks\n\nOSLO, Norway (May 6, 2025) -- Officials of the Ministry of Mining and Space of the Republic of Chile visited Oslo.\n",
            yields: &[("Ministry of Mining and Space", Predicate::Country, "Chile")],
            absent: &[],
        },
        // A post read as a body: no head word of bodies before its first connector.
        Example {
            text: "Visit\n\nOSLO, Norway (May 6, 2025) -- The Federal Orbit Coordinator of Chile visited Oslo.\n",
            yields: &[],
            absent: &[("Federal Orbit Coordinator", Predicate::Country, "Chile")],
        },
        // Another word between: not the nation's body.
        Example {
            text: "Ministry speaks\n\nOSLO, Norway (May 6, 2025) -- The Ministry of Mining and Space briefed officials of Chile in Oslo.\n",
            yields: &[],
            absent: &[("Ministry of Mining and Space", Predicate::Country, "Chile")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let words = &v.words;
    for w in v.mentions.windows(2) {
        let (body, nation) = (&w[0], &w[1]);
        let between = &words[body.toks.end..nation.toks.start.max(body.toks.end)];
        let of = match between {
            [of] => of == "of",
            [of, the] => of == "of" && the == "the",
            _ => false,
        };
        if c.kind(body.entity) == EntityType::Organization
            && !body.inside
            && !nation.inside
            && c.kind(nation.entity) == EntityType::Nation
            && of
            && !c.facts.has(body.entity, Predicate::Country)
            && named_as_body(c, &words[body.toks.clone()])
        {
            c.facts
                .add(body.entity, Predicate::Country, nation.entity, &v.span);
        }
    }
}

/// Whether a body's name opens with a head word of bodies, before its first connector
/// ("Ministry" in "Ministry of Mining", "Space Committee"; not "Framework Agreement between
/// the Government").
fn named_as_body(c: &Ctx<'_, '_>, words: &[String]) -> bool {
    let end = words
        .iter()
        .position(|w| c.ex.kb.is_cue_word(Cue::NameConnector, w))
        .unwrap_or(words.len());
    matches!(
        c.ex.lexicon.head_of(&words[..end]),
        Some((Head::Kind(HeadKind::Organization), _))
    )
}
