//! A post of a body the text refers back to by its head word or "its": "The Andean Space
//! Agency opened a station. The agency's director, Eva Huber, ..." (she heads the agency);
//! "Eva Huber, the agency's deputy director," and "Its deputy director, Tom Arvid," (members).
//! The body is the last one mentioned before, in this sentence or the ones before, whose
//! name ends in that head word. "Its" refers to the last body or nation: "Ghana sent its
//! deputy minister, Kwame Asante" (Ghana is his nation).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::appositive::after_name;
use super::posts::{person_at, post_meaning};
use crate::extract::{EntityType, Predicate};
use crate::text::form_key;

pub(crate) const RULE: Rule = Rule {
    name: "post-of-referred-body",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Posts,
    ],
    states: &[Predicate::Heads, Predicate::MemberOf, Predicate::Country],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Station opens\n\nVIENNA, Austria (May 6, 2025) -- The Andean Space Agency opened a ground station in Vienna on Monday.\n\nThe agency's director, Eva Huber, thanked the hosts. Its deputy director, Tom Arvid, spoke next. Mia Holt, the agency's spokesperson, said more would follow.\n",
            yields: &[
                ("Eva Huber", Predicate::Heads, "Andean Space Agency"),
                ("Tom Arvid", Predicate::MemberOf, "Andean Space Agency"),
                ("Mia Holt", Predicate::MemberOf, "Andean Space Agency"),
            ],
            absent: &[("Tom Arvid", Predicate::Heads, "Andean Space Agency")],
        },
        // "Its" after a nation: the person's nation.
        Example {
            text: "Envoys attend\n\nVIENNA, Austria (May 6, 2025) -- The Andean Space Agency opened a ground station in Vienna on Monday. Ghana sent its deputy minister of communications, Kwame Asante.\n",
            yields: &[("Kwame Asante", Predicate::Country, "Ghana")],
            absent: &[("Kwame Asante", Predicate::MemberOf, "Andean Space Agency")],
        },
        // A head word no body before ends in: no link.
        Example {
            text: "Station opens\n\nVIENNA, Austria (May 6, 2025) -- The Andean Space Agency opened a ground station in Vienna on Monday.\n\nThe ministry's director, Eva Huber, thanked the hosts.\n",
            yields: &[],
            absent: &[("Eva Huber", Predicate::Heads, "Andean Space Agency")],
        },
    ],
};

/// The referring words at the start of a post phrase: "the agency's" (the head word) or
/// "its" (any body), and where the post words start.
fn reference(words: &[String], start: usize) -> Option<(Option<&str>, usize)> {
    match words.get(start..)? {
        [its, ..] if its == "its" => Some((None, start + 1)),
        [the, head, s, ..] if the == "the" && s == "'s" => Some((Some(head.as_str()), start + 3)),
        _ => None,
    }
}

/// The last organization mentioned before word `at` of sentence `v` whose name ends in
/// `head` (any organization when `None`).
fn last_body(c: &Ctx<'_, '_>, v: &View<'_>, at: usize, head: Option<&str>) -> Option<usize> {
    let fits = |e: usize| match head {
        // "its": the last body or nation named.
        None => matches!(c.kind(e), EntityType::Organization | EntityType::Nation),
        Some(h) => {
            c.kind(e) == EntityType::Organization && {
                form_key(&c.ents.get(e).name)
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| last == h)
            }
        }
    };
    let here = v
        .mentions
        .iter()
        .filter(|m| !m.inside && m.toks.end <= at)
        .rev()
        .map(|m| m.entity);
    let before = c.views[..v.si].iter().rev().flat_map(|w| {
        w.mentions
            .iter()
            .rev()
            .filter(|m| !m.inside)
            .map(|m| m.entity)
    });
    here.chain(before).find(|&e| fits(e))
}

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let words = &v.words;
    // "The agency's director, Eva Huber,": the phrase before the comma before the name.
    let lead = m.lead.min(m.toks.start);
    let before = (lead >= 2 && words[lead - 1] == ",")
        .then(|| {
            (lead.saturating_sub(8)..lead - 1)
                .find_map(|s| reference(words, s).map(|r| (s, r, lead - 1)))
        })
        .flatten();
    // "Eva Huber, the agency's deputy director,": the appositive after it.
    let after = || {
        let a = after_name(c, v, mi)?;
        reference(words, a.window.start).map(|r| (a.window.start, r, a.window.end))
    };
    let Some((start, (head, post_start), end)) = before.or_else(after) else {
        return;
    };
    // Only a post after the reference: "the agency's director", "its deputy minister of
    // communications", not "the agency's plans".
    let post = &words[post_start..end];
    let lex = &c.ex.lexicon;
    let Some(heads) = post
        .first()
        .and_then(|w| lex.post_key(w))
        .and_then(|_| post_meaning(c, post))
    else {
        return;
    };
    let Some(o) = last_body(c, v, start, head) else {
        return;
    };
    // "Mexico was represented by its ambassador, Jorge Ruiz": a nation's post.
    let rel = if c.kind(o) == EntityType::Nation {
        Predicate::Country
    } else if heads {
        Predicate::Heads
    } else {
        Predicate::MemberOf
    };
    c.facts.add(m.entity, rel, o, &v.span);
}
