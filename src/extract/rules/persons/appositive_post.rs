//! A post appositive after a name names the organizations the person heads or serves:
//! "Brig. Gen. Ola Brekke, commander of the Arctic Space Wing and the Polar Launch Group,"
//! heads both; a post that does not head ("deputy director of ...", "director of space at
//! Y") is membership.

use super::super::context::{Ctx, View};
use super::super::organizations::nests;
use super::super::{Example, Reads, Rule, Run};
use super::appositive::after_name;
use super::posts::person_at;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "appositive-post",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Organization),
        Reads::Posts,
    ],
    states: &[Predicate::Heads, Predicate::MemberOf],
    run: Run::Mention(run),
    examples: &[
        // "and" inside the body's name, a rank after the appositive.
        Example {
            text: "Visit\n\nUEDEM, Germany -- Maj. Gen. Ola Berg, commander of Arctic Planning and Readiness Command, met Col. Ivo Lind on Monday.\n",
            yields: &[("Ola Berg", Predicate::Heads, "Arctic Planning and Readiness Command")],
            absent: &[],
        },
        // A post with a subject of its own serves the body it is in.
        Example {
            text: "Talks\n\nOSLO, Norway (May 6, 2025) -- Kari Holm, Acting Director for Space in the Nordic Commission, opened the talks.\n",
            yields: &[("Kari Holm", Predicate::MemberOf, "Nordic Commission")],
            absent: &[("Kari Holm", Predicate::Heads, "Nordic Commission")],
        },
        Example {
            text: "Wing welcomes guests\n\nOSLO, Norway (May 6, 2025) -- Brig. Gen. Ola Brekke, commander of the Arctic Space Wing and the Polar Launch Group, welcomed the guests.\n",
            yields: &[
                ("Ola Brekke", Predicate::Heads, "Arctic Space Wing"),
                ("Ola Brekke", Predicate::Heads, "Polar Launch Group"),
            ],
            absent: &[],
        },
        Example {
            text: "Staff talks\n\nOSLO, Norway (May 6, 2025) -- Lt. Col. Siv Aas, deputy director of the Arctic Space Office, met the visitors.\n",
            yields: &[("Siv Aas", Predicate::MemberOf, "Arctic Space Office")],
            absent: &[("Siv Aas", Predicate::Heads, "Arctic Space Office")],
        },
        // A body nested in another: the post is in the first.
        Example {
            text: "Office talks\n\nSANTIAGO, Chile (May 6, 2025) -- Ana Rojas, director of the Orbital Affairs Office of the Chilean Ministry of Foreign Affairs, met the visitors.\n",
            yields: &[("Ana Rojas", Predicate::Heads, "Orbital Affairs Office")],
            absent: &[
                ("Ana Rojas", Predicate::Heads, "Chilean Ministry of Foreign Affairs"),
                ("Ana Rojas", Predicate::MemberOf, "Chilean Ministry of Foreign Affairs"),
            ],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    if person_at(c, &v.mentions, mi).is_none() {
        return;
    }
    let Some(a) = after_name(c, v, mi) else {
        return;
    };
    let words = &v.words;
    let p = v.mentions[mi].entity;
    let mut last_org_end = None;
    for o in v.mentions.iter().skip(mi + 1) {
        if o.toks.start >= a.window.end {
            break;
        }
        if o.inside || o.toks.start < a.window.start {
            continue;
        }
        if c.kind(o.entity) != EntityType::Organization {
            continue;
        }
        // "director of the Space Office of the Ministry X": the post is in the first body;
        // the second holds it (`nested-name`).
        // Mentions of a garbled run may overlap: no words between them then.
        let nested = last_org_end
            .and_then(|end| words.get(end..o.toks.start))
            .is_some_and(nests);
        last_org_end = Some(o.toks.end);
        if nested {
            continue;
        }
        let heads_it = a.heads
            && a.post_at.as_ref().is_none_or(|post| {
                if o.toks.end <= post.start {
                    !matches!(words.get(post.end).map(String::as_str), Some("of" | "for"))
                } else {
                    // "commander of the U.S. Space Force's Y": only small words and names
                    // between; "director of space at Y" serves Y, and so does "Director for
                    // Space in Y" (a post with its own subject inside the body).
                    words.get(post.end).map(String::as_str) != Some("for")
                        && (post.end..o.toks.start).all(|k| {
                            matches!(
                                words[k].as_str(),
                                "of" | "the" | "for" | "'s" | "," | "and" | "(" | ")" | "in"
                            ) || v
                                .raw(c.text, k)
                                .chars()
                                .next()
                                .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
                        })
                }
            });
        let rel = if heads_it {
            Predicate::Heads
        } else {
            Predicate::MemberOf
        };
        c.facts.add(p, rel, o.entity, &v.span);
    }
}
