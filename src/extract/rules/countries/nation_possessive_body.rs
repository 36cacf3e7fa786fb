//! A nation, a possessive, then an organization: the nation's own body ("Estonia’s Ministry
//! of Economic Affairs", "Chile's national space agency Andescosmos"), when no rule gave the
//! body a country yet.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::mentions::Head;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::HeadKind;

pub(crate) const RULE: Rule = Rule {
    name: "nation-possessive-body",
    reads: &[
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Facts(Predicate::Country),
        Reads::HeadWords,
    ],
    states: &[Predicate::Country],
    run: Run::Sentence(run),
    examples: &[
        Example {
            text: "Ministry speaks\n\nOSLO, Norway (May 6, 2025) -- Officials of Estonia’s Ministry of Economic Affairs visited Oslo.\n",
            yields: &[("Ministry of Economic Affairs", Predicate::Country, "Estonia")],
            absent: &[],
        },
        // A description ending in a body's head word between the possessive and the name;
        // other words between say nothing of the body's nation.
        Example {
            text: "Agencies meet\n\nOSLO, Norway (May 6, 2025) -- Norway met Chile's national space agency Andescosmos. Norway praised Chile's work with the Polar Space Office.\n",
            yields: &[("Andescosmos", Predicate::Country, "Chile")],
            absent: &[("Polar Space Office", Predicate::Country, "Chile")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let words = &v.words;
    for w in v.mentions.windows(2) {
        if c.kind(w[0].entity) == EntityType::Nation
            && !w[0].inside
            && c.kind(w[1].entity) == EntityType::Organization
            && words.get(w[0].toks.end).map(String::as_str) == Some("'s")
            && (w[1].toks.start == w[0].toks.end + 1
                || described_body(c, v, w[0].toks.end + 1, w[1].toks.start))
            && !c.facts.has(w[1].entity, Predicate::Country)
        {
            c.facts
                .add(w[1].entity, Predicate::Country, w[0].entity, &v.span);
        }
    }
}

/// "Chile's national space agency Andescosmos": lowercase words describing the body between
/// the possessive and its name, the last a head word of bodies.
fn described_body(c: &Ctx<'_, '_>, v: &View<'_>, from: usize, to: usize) -> bool {
    let Some(between) = v.words.get(from..to) else {
        return false;
    };
    (1..=4).contains(&between.len())
        && (from..to).all(|k| {
            v.raw(c.text, k).chars().all(char::is_lowercase)
                && !c.ex.lexicon.stopwords.contains(v.words[k].as_str())
        })
        && matches!(
            c.ex.lexicon.head_of(&between[between.len() - 1..]),
            Some((Head::Kind(HeadKind::Organization), _))
        )
}
