//! "the NASA-led Lunar Relay Mission": a nation or organization printed before a hyphenated
//! suffix of sponsoring (cue role `sponsor-suffix`: led, run, funded ...) right before an
//! initiative or agreement sponsors it. The tokenizer keeps the suffix a word of its own.

use super::super::context::{is_agent, Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::programme_at;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "compound-sponsor",
    reads: &[
        Reads::Mentions(EntityType::Initiative),
        Reads::Mentions(EntityType::Agreement),
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Cue(Cue::SponsorSuffix),
    ],
    states: &[Predicate::Sponsor],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Mission grows\n\nHELSINKI, Finland (May 6, 2025) -- Chile joined the Finland-led Polar Relay Initiative and the ESA-funded Ice Watch Mission on Monday.\n",
            yields: &[
                ("Polar Relay Initiative", Predicate::Sponsor, "Finland"),
                ("Ice Watch Mission", Predicate::Sponsor, "European Space Agency"),
            ],
            absent: &[("Polar Relay Initiative", Predicate::Sponsor, "Chile")],
        },
        // A place before "-based" sponsors nothing.
        Example {
            text: "Mission grows\n\nHELSINKI, Finland (May 6, 2025) -- The Helsinki-based Polar Relay Initiative opened an office on Monday.\n",
            yields: &[],
            absent: &[("Polar Relay Initiative", Predicate::Sponsor, "Finland")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = programme_at(c, &v.mentions, mi) else {
        return;
    };
    let Some(prev) = mi.checked_sub(1).and_then(|i| v.mentions.get(i)) else {
        return;
    };
    let suffix = prev.toks.end;
    if is_agent(c.kind(prev.entity))
        && c.kind(prev.entity) != EntityType::Person
        && sponsor_suffix_at(c, v, suffix)
        && m.toks.start == suffix + 1
    {
        c.facts
            .add(m.entity, Predicate::Sponsor, prev.entity, &v.span);
    }
}

/// Whether a hyphen and a sponsoring suffix (cue role `sponsor-suffix`: "-led", "-funded")
/// stand at word `at`, right after a name.
pub(super) fn sponsor_suffix_at(c: &Ctx<'_, '_>, v: &View<'_>, at: usize) -> bool {
    at < v.words.len()
        && v.raw(c.text, at).starts_with(['-', '‐', '‑'])
        && c.ex.kb.is_cue_word(Cue::SponsorSuffix, &v.words[at])
}
