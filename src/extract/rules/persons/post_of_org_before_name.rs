//! "the Commander of Y, Rank Name": the post and its organization printed just before the
//! name ("The commander of the Baltic Space Wing, Col. Inga Berzina, opened the session":
//! she heads the wing).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::posts::{person_at, post_meaning};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "post-of-org-before-name",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Posts,
    ],
    states: &[Predicate::Heads, Predicate::MemberOf],
    run: Run::Mention(run),
    examples: &[Example {
        text: "Session opens\n\nRIGA, Latvia (May 6, 2025) -- The commander of the Baltic Space Wing, Col. Inga Berzina, opened the session.\n",
        yields: &[("Inga Berzina", Predicate::Heads, "Baltic Space Wing")],
        absent: &[],
    },
    // An acronym the release defines is that body's in the same sentence ("RSA" is South
    // Africa's in the gazetteer); a passive verb after the name ends its appositive.
    Example {
        text: "Delegates visit\n\nOSLO, Norway (May 6, 2025) -- A team from the Rwanda Space Agency (RSA), led by the Director of RSA, Jean Mugisha, was hosted by the President of the Kyoto Orbital Agency on Monday.\n",
        yields: &[("Jean Mugisha", Predicate::Heads, "Rwanda Space Agency")],
        absent: &[
            ("Jean Mugisha", Predicate::Heads, "Kyoto Orbital Agency"),
            ("Jean Mugisha", Predicate::Country, "South Africa"),
        ],
    },
    // A post's acronym in parentheses.
    Example {
        text: "Delegates visit\n\nOSLO, Norway (May 6, 2025) -- A team led by the Chief Executive Officer (CEO) of the Arctic Space Office, Ivo Lind, visited Tromsø.\n",
        yields: &[("Ivo Lind", Predicate::Heads, "Arctic Space Office")],
        absent: &[],
    },
    // A possessor before the body.
    Example {
        text: "Pact signed\n\nOSLO, Norway (May 6, 2025) -- The director of the Arctic Space Agency’s Polar Propulsion Institute (PPI), Ivo Lind, signed the pact.\n",
        yields: &[("Ivo Lind", Predicate::Heads, "Polar Propulsion Institute")],
        absent: &[("Ivo Lind", Predicate::Heads, "Arctic Space Agency")],
    },
    // The body's acronym before the comma; the family name first ("Sato Kenji").
    Example {
        text: "Delegates visit\n\nOSLO, Norway (May 6, 2025) -- The team was hosted by the President of the Kyoto Orbital Agency (KOA), Sato Kenji, on Monday.\n",
        yields: &[("Sato Kenji", Predicate::Heads, "Kyoto Orbital Agency")],
        absent: &[],
    },
    // An honorific between the comma and the name.
    Example {
        text: "Pact signed\n\nOSLO, Norway (May 6, 2025) -- The Director General of the Arctic Space Office, Dr. Ivo Lind, welcomed the pact.\n",
        yields: &[("Ivo Lind", Predicate::Heads, "Arctic Space Office")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    let Some(m) = person_at(c, &v.mentions, mi) else {
        return;
    };
    let (ms, words) = (&v.mentions, &v.words);
    if !(m.lead >= 2 && v.raw(c.text, m.lead - 1) == ",") {
        return;
    }
    // "the President of the Kyoto Orbital Agency (KOA), Yamada Hiroshi": the body's
    // acronym in parentheses may stand before the comma.
    let mut end = m.lead - 1;
    if end >= 1 && words[end - 1] == ")" {
        if let Some(open) = opening_parenthesis(words, end - 1) {
            end = open;
        }
    }
    let Some(o) = ms[..mi]
        .iter()
        .rev()
        .find(|o| !o.inside && o.toks.end <= end)
    else {
        return;
    };
    if o.toks.end != end || c.kind(o.entity) != EntityType::Organization {
        return;
    }
    // "the director of the Arctic Space Agency’s Polar Institute, X": the possessor's name
    // and possessive stand between "of the" and the body.
    let mut o_start = o.toks.start;
    if o_start >= 2 && words[o_start - 1] == "'s" {
        if let Some(owner) = ms[..mi]
            .iter()
            .find(|p| !p.inside && p.toks.end == o_start - 1)
        {
            o_start = owner.toks.start;
        }
    }
    // Five words before the body, a post's acronym in parentheses left out ("Chief
    // Executive Officer (CEO) of").
    let mut kept: Vec<String> = Vec::new();
    let mut k = o_start;
    while k > 0 && kept.len() < 5 {
        k -= 1;
        if words[k] == ")" {
            if let Some(open) = opening_parenthesis(words, k) {
                k = open;
                continue;
            }
        }
        kept.push(words[k].clone());
    }
    kept.reverse();
    let mut before = kept.as_slice();
    if before.last().map(String::as_str) == Some("the") {
        before = &before[..before.len() - 1];
    }
    if before.last().map(String::as_str) == Some("of") {
        if let Some(head) = post_meaning(c, &before[..before.len() - 1]) {
            let rel = if head {
                Predicate::Heads
            } else {
                Predicate::MemberOf
            };
            c.facts.add(m.entity, rel, o.entity, &v.span);
        }
    }
}

/// The "(" at most three words before the ")" at `close` ("(KOA)", "(CEO)").
fn opening_parenthesis(words: &[String], close: usize) -> Option<usize> {
    (close.saturating_sub(3)..close)
        .rev()
        .find(|&j| words[j] == "(")
}
