//! An organization printed before a post and a name, in one run of names: the person holds
//! the post in that organization, heading it when the post heads ("NASA Administrator Dana
//! Whitfield": she heads NASA; a deputy's post is membership).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::{person_at, post_meaning, printed_before};
use crate::extract::mentions::Mention;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Entry;
use crate::text::form_key;

pub(crate) const RULE: Rule = Rule {
    name: "post-before-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Posts,
        Reads::Facts(Predicate::Heads),
        Reads::Facts(Predicate::MemberOf),
    ],
    states: &[Predicate::Heads, Predicate::MemberOf],
    run: Run::Mention(run),
    examples: &[
        // The body's possessive before the post, an honorific after it.
        Example {
            text: "Agencies sign\n\nOSLO, Norway (May 6, 2025) -- The memorandum was signed by the Andean Space Office’s CEO Dr. Omar Haddad and the Polar Agency's chief scientist Ivo Tamm.\n",
            yields: &[
                ("Omar Haddad", Predicate::Heads, "Andean Space Office"),
                ("Ivo Tamm", Predicate::MemberOf, "Polar Agency"),
            ],
            absent: &[("Ivo Tamm", Predicate::Heads, "Polar Agency")],
        },
        // A rank between the post and the name.
        Example {
            text: "Chiefs meet\n\nOSLO, Norway (May 6, 2025) -- Andean Air Force Commander Gen. Diego Soto met the press.\n",
            yields: &[("Diego Soto", Predicate::Heads, "Andean Air Force")],
            absent: &[],
        },
        Example {
            text: "Agency chief visits\n\nOSLO, Norway (May 6, 2025) -- NASA Administrator Dana Whitfield toured the Andøya launch site on Monday.\n",
            yields: &[(
                "Dana Whitfield",
                Predicate::Heads,
                "National Aeronautics and Space Administration",
            )],
            absent: &[],
        },
        Example {
            text: "Deputy visits\n\nOSLO, Norway (May 6, 2025) -- NASA Deputy Administrator Tom Arvid spoke to students.\n",
            yields: &[(
                "Tom Arvid",
                Predicate::MemberOf,
                "National Aeronautics and Space Administration",
            )],
            absent: &[(
                "Tom Arvid",
                Predicate::Heads,
                "National Aeronautics and Space Administration",
            )],
        },
        // A body no gazetteer knows, then the post, in capitals or not.
        Example {
            text: "Talks open\n\nVIENNA, Austria (May 6, 2025) -- Andean Space Agency Director Eva Huber opened the talks. Polar Orbit Office deputy director Tom Arvid spoke next.\n",
            yields: &[
                ("Eva Huber", Predicate::Heads, "Andean Space Agency"),
                ("Tom Arvid", Predicate::MemberOf, "Polar Orbit Office"),
            ],
            absent: &[("Tom Arvid", Predicate::Heads, "Polar Orbit Office")],
        },
        // Past the body's acronym in parentheses; a post of two words; a post after "and"
        // with no body of its own is of the body before it.
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- Andean Space Agency (ASA) President Eva Huber signed the accord. Polar Orbit Office chief executive Tom Arvid signed next. Arctic Data Centre Director Ole Lie and Deputy Director Kari Berg attended.\n",
            yields: &[
                ("Eva Huber", Predicate::Heads, "Andean Space Agency"),
                ("Tom Arvid", Predicate::Heads, "Polar Orbit Office"),
                ("Ole Lie", Predicate::Heads, "Arctic Data Centre"),
                ("Kari Berg", Predicate::MemberOf, "Arctic Data Centre"),
            ],
            absent: &[("Kari Berg", Predicate::Heads, "Arctic Data Centre")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let mut title_words: Vec<String> = m
        .titles
        .iter()
        .flat_map(|t| {
            form_key(t)
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    // "Andean Space Agency director Eva Huber", "Andean Space Agency Director Eva Huber": a
    // body printed right before the post, outside the run of names; only post words between.
    let words = &v.words;
    let lex = &c.ex.lexicon;
    // Past the body's acronym in parentheses ("Andean Space Agency (ASA) President Eva
    // Huber"); a post of several words ("... chief executive Eva Huber").
    let post_words = |o: &Mention| -> Option<Vec<String>> {
        let mut from = o.toks.end;
        if words.get(from).map(String::as_str) == Some("(") {
            from = (from..m.toks.start).find(|&j| words[j] == ")")? + 1;
        }
        let mut between = words.get(from..m.toks.start).unwrap_or(&[]);
        // "the Andean Space Office’s CEO Dr. Omar Haddad": the body's possessive before the
        // post, an honorific after it.
        if between
            .first()
            .is_some_and(|w| matches!(w.as_str(), "'s" | "’s"))
        {
            between = &between[1..];
        }
        while let Some((last, rest)) = between.split_last() {
            if !c.ex.kb.is_honorific(last) {
                break;
            }
            between = rest;
        }
        // "Chilean Air Force Commander Gen. Diego Soto": a rank between the post and the name.
        // (Only in a short stretch: a body far before the name has no post between.)
        if between.len() > 8 {
            return None;
        }
        if let Some(k) = (1..between.len()).find(|&k| {
            c.ex.kb
                .lookup(&between[k..].join(" "))
                .iter()
                .any(|e| matches!(e, Entry::Rank(_)))
        }) {
            between = &between[..k];
        }
        let post = !between.is_empty()
            && between.len() <= 4
            && (lex.post_key(&between.join(" ")).is_some()
                || between.iter().all(|w| lex.post_key(w).is_some()));
        post.then(|| between.to_vec())
    };
    let adjacent = v
        .mentions
        .iter()
        .filter(|o| {
            !o.inside
                && c.kind(o.entity) == EntityType::Organization
                && !m.prefix.contains(&o.entity)
        })
        .find_map(|o| post_words(o).map(|p| (o, p)));
    // The post is the titles, else the post words between the body and the name.
    if let (Some((_, post)), true) = (&adjacent, m.titles.is_empty()) {
        title_words = post.clone();
    }
    let adjacent = adjacent.map(|(o, _)| o);
    let meaning = if title_words.is_empty() {
        None
    } else {
        post_meaning(c, &title_words)
    };
    let rel = match meaning {
        Some(true) => Predicate::Heads,
        _ => Predicate::MemberOf,
    };
    let mut bodies: Vec<usize> = printed_before(c, m, EntityType::Organization)
        .into_iter()
        .chain(adjacent.map(|o| o.entity))
        .collect();
    // "NASA Administrator Bill Nelson and Deputy Administrator Pam Melroy": a post after
    // "and" with no body of its own is of the body of the post before it.
    if bodies.is_empty() && meaning.is_some() && !m.titles.is_empty() {
        bodies = shared_body(c, v, m);
    }
    for o in bodies {
        c.facts.add(m.entity, rel, o, &v.span);
    }
}

/// The bodies whose post the person named right before "and" holds, as this sentence
/// states it ("NASA Administrator Bill Nelson and ...").
fn shared_body(c: &Ctx<'_, '_>, v: &View<'_>, m: &Mention) -> Vec<usize> {
    if m.lead == 0 || v.words[m.lead - 1] != "and" {
        return Vec::new();
    }
    let Some(before) = v
        .mentions
        .iter()
        .find(|p| p.toks.end + 1 == m.lead && c.kind(p.entity) == EntityType::Person)
    else {
        return Vec::new();
    };
    let before = c.ents.resolve(before.entity);
    [Predicate::Heads, Predicate::MemberOf]
        .into_iter()
        .flat_map(|pred| c.stated_in(before, pred, &v.span))
        .collect()
}
