//! A nation printed before a person's name, in one run of names, is the nation they serve
//! ("Finnish Defence Minister Aino Laakso": Finland), except the nation an ambassador is
//! sent to ("Ambassador to Japan Eero Salo" serves another nation, not Japan).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::{person_at, printed_before};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "nation-before-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Cue(Cue::PersonRole),
        Reads::Posts,
    ],
    states: &[Predicate::Country],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Minister visits\n\nOSLO, Norway (May 6, 2025) -- Finnish Defence Minister Aino Laakso visited the ground station.\n",
            yields: &[("Aino Laakso", Predicate::Country, "Finland")],
            absent: &[],
        },
        // A lowercase word for what the person is between the nation and the name.
        Example {
            text: "Crew named\n\nOSLO, Norway (May 6, 2025) -- Chilean astronaut Diego Soto joined the crew in Oslo.\n",
            yields: &[("Diego Soto", Predicate::Country, "Chile")],
            absent: &[],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let words = &v.words;
    // "Ambassador to the United States Andreas Michaelis": the nation served, not the
    // ambassador's own.
    let served = |n: usize| {
        v.mentions.iter().any(|o| {
            o.entity == n
                && o.toks.end <= m.toks.start
                && (o.toks.start >= 1 && words[o.toks.start - 1] == "to"
                    || o.toks.start >= 2
                        && words[o.toks.start - 1] == "the"
                        && words[o.toks.start - 2] == "to")
        })
    };
    let mut nations = printed_before(c, m, EntityType::Nation);
    // "Chilean astronaut Diego Soto", "Peruvian deputy minister Ana Ruiz": a lowercase word
    // for what the person is, or a post, between the nation and the name.
    if nations.is_empty() {
        let lex = &c.ex.lexicon;
        let role =
            |w: &String| c.ex.kb.is_cue_word(Cue::PersonRole, w) || lex.post_key(w).is_some();
        let lowercase = |k: usize| v.raw(c.text, k).starts_with(char::is_lowercase);
        let mut k = m.lead;
        while k > 0 && m.lead - k < 3 && role(&words[k - 1]) && lowercase(k - 1) {
            k -= 1;
        }
        if k < m.lead {
            nations.extend(
                v.mentions
                    .iter()
                    .filter(|o| o.toks.end == k && c.kind(o.entity) == EntityType::Nation)
                    .map(|o| c.ents.resolve(o.entity)),
            );
        }
    }
    for n in nations {
        if !served(n) {
            c.facts.add(m.entity, Predicate::Country, n, &v.span);
        }
    }
}
