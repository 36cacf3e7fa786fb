//! A person who holds a post of a state's government rather than of one body (cue role
//! `state-post`: "Prime Minister", "Minister of Trade") and whose nation nothing else states
//! serves the nation of the release's publisher: a ministry or agency writes of its own
//! ministers without naming their country ("Minister of Trade Kari Nordmann opened the
//! talks", in a release of the Norwegian Space Agency).

use super::super::byline;
use super::super::context::{Ctx, View};
use super::super::persons::after_name;
use super::super::persons::posts::nation_of_post;
use super::super::{Example, Reads, Rule, Run};
use super::nations::organization_nations;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "state-post-of-publisher",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Cue(Cue::StatePost),
        Reads::Byline,
        Reads::Posts,
        Reads::Facts(Predicate::Country),
        Reads::Facts(Predicate::SubOrganizationOf),
    ],
    states: &[Predicate::Country],
    run: Run::Document(run),
    examples: &[
        Example {
            text: "Talks open\n\nNorwegian Space Agency\n\nOSLO (May 6, 2025) -- Minister of Trade Kari Nordmann opened the orbital safety talks on Monday.\n",
            yields: &[("Kari Nordmann", Predicate::Country, "Norway")],
            absent: &[],
        },
        // The post after the name.
        Example {
            text: "Talks open\n\nNorwegian Space Agency\n\nOSLO (May 6, 2025) -- Kari Nordmann, Minister of Trade and Industry, opened the orbital safety talks on Monday.\n",
            yields: &[("Kari Nordmann", Predicate::Country, "Norway")],
            absent: &[],
        },
        // Another nation printed in one of the person's posts: not the publisher's.
        Example {
            text: "Talks open\n\nNorwegian Space Agency\n\nOSLO (May 6, 2025) -- Minister Ana Rojas opened the orbital safety talks on Monday. Rojas, Minister of Science of the Republic of Chile, spoke first.\n",
            yields: &[],
            absent: &[("Ana Rojas", Predicate::Country, "Norway")],
        },
        // A post of a body: not the state's.
        Example {
            text: "Talks open\n\nNorwegian Space Agency\n\nOSLO (May 6, 2025) -- Senior engineer Kari Nordmann opened the orbital safety talks on Monday.\n",
            yields: &[],
            absent: &[("Kari Nordmann", Predicate::Country, "Norway")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>) {
    let Some((office, _)) = byline::office(c) else {
        return;
    };
    let nations = organization_nations(c);
    let Some(&(home, _)) = nations.get(&office) else {
        return;
    };
    let mut found: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut foreign: Vec<usize> = Vec::new();
    for v in c.views {
        for (mi, m) in v.mentions.iter().enumerate() {
            if m.inside || c.kind(m.entity) != EntityType::Person {
                continue;
            }
            let p = c.ents.resolve(m.entity);
            if c.facts.has(p, Predicate::Country) {
                continue;
            }
            // The words of the post: the titles before the name, else the appositive after it.
            let start = title_start(c, v, m.lead);
            let post = if c
                .ex
                .kb
                .has_cue(Cue::StatePost, &v.words[start..m.toks.start])
            {
                Some(start..m.toks.start)
            } else {
                after_name(c, v, mi)
                    .map(|a| a.window)
                    .filter(|w| c.ex.kb.has_cue(Cue::StatePost, &v.words[w.clone()]))
            };
            // "Secretary of State of the United States": another nation the post is "of"
            // is the person's own, not the publisher's.
            let names_nation = |w: &std::ops::Range<usize>| {
                nation_of_post(c, v, w.clone()).is_some_and(|n| c.ents.resolve(n) != home)
            };
            match post {
                Some(w) if names_nation(&w) => foreign.push(p),
                Some(_) if !found.iter().any(|(q, _)| *q == p) => found.push((p, v.span.clone())),
                _ => {}
            }
        }
    }
    // Any of the person's posts naming another nation rules the publisher's out.
    found.retain(|(p, _)| !foreign.contains(p));
    for (p, ev) in found {
        c.facts.add(p, Predicate::Country, home, &ev);
    }
}

/// Where the run of title words before a name's titles starts: capitalized words and the
/// small words between them, up to another person's name ("Minister of Trade" before "Kari
/// Nordmann", whose mention may keep only "Trade" as a title).
fn title_start(c: &Ctx<'_, '_>, v: &View<'_>, lead: usize) -> usize {
    let mut k = lead;
    while k > 0 {
        let raw = v.raw(c.text, k - 1);
        let small = matches!(v.words[k - 1].as_str(), "of" | "for" | "the");
        // Another person's name ends the run ("Minister Nordmann and the Honorable X").
        let person = v
            .mentions
            .iter()
            .any(|m| m.toks.contains(&(k - 1)) && c.kind(m.entity) == EntityType::Person);
        if person || !(small || raw.starts_with(char::is_uppercase)) {
            break;
        }
        k -= 1;
    }
    k
}
