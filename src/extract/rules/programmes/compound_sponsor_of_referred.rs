//! A sponsoring compound before a described initiative refers back to the initiative named
//! just before ("Chile joined Polar Relay in 2024. The Finland-led space initiative links
//! ground stations": Finland sponsors Polar Relay).

use super::super::context::{is_agent, Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::compound_sponsor::sponsor_suffix_at;
use crate::extract::mentions::Head;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::{Cue, HeadKind};

pub(crate) const RULE: Rule = Rule {
    name: "compound-sponsor-of-referred",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::SponsorSuffix),
        Reads::HeadWords,
    ],
    states: &[Predicate::Sponsor],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Relay grows\n\nHELSINKI, Finland (May 6, 2025) -- Chile joined Operation Polar Relay on Monday. The Finland-led multinational space operation links ground stations.\n",
            yields: &[("Operation Polar Relay", Predicate::Sponsor, "Finland")],
            absent: &[("Operation Polar Relay", Predicate::Sponsor, "Chile")],
        },
        // A named initiative after the compound is read by compound-sponsor; a description
        // of no initiative refers to none.
        Example {
            text: "Relay grows\n\nHELSINKI, Finland (May 6, 2025) -- Chile joined Operation Polar Relay on Monday. The Finland-led delegation met in Oslo.\n",
            yields: &[],
            absent: &[("Operation Polar Relay", Predicate::Sponsor, "Finland")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let m = &v.mentions[mi];
    if !is_agent(c.kind(m.entity)) || c.kind(m.entity) == EntityType::Person || m.inside {
        return;
    }
    let words = &v.words;
    let suffix = m.toks.end;
    if suffix + 1 >= words.len() {
        return;
    }
    if !(sponsor_suffix_at(c, v, suffix) && m.toks.start > 0 && words[m.toks.start - 1] == "the") {
        return;
    }
    // Lowercase words after the compound, the last an initiative's head word.
    let mut described = false;
    for k in suffix + 1..(suffix + 5).min(words.len()) {
        if !v.raw(c.text, k).starts_with(char::is_lowercase) {
            break;
        }
        if matches!(
            c.ex.lexicon.head_of(&words[k..=k]),
            Some((Head::Kind(HeadKind::Initiative), _))
        ) {
            described = true;
            break;
        }
    }
    if !described {
        return;
    }
    // The initiative named last, in this sentence before the compound or in the two
    // sentences before it.
    let before_here = v
        .mentions
        .iter()
        .take(mi)
        .rev()
        .map(|o| o.entity)
        .find(|&e| c.kind(e) == EntityType::Initiative);
    let earlier = || {
        c.views[v.si.saturating_sub(2)..v.si]
            .iter()
            .rev()
            .flat_map(|w| w.mentions.iter().rev())
            .map(|o| o.entity)
            .find(|&e| c.kind(e) == EntityType::Initiative)
    };
    if let Some(i) = before_here.or_else(earlier) {
        c.facts.add(i, Predicate::Sponsor, m.entity, &v.span);
    }
}
