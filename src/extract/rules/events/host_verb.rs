//! An agent said to host the event told by its clause: a cue of role `host` after it
//! ("Norway hosted the Polar Lantern Exercise"), or before it with "by" or ending in "of"
//! ("hosted by NASA", "hosted by the Arctic Council", "at the invitation of Finland") hosts
//! it. Whom a visit went to, a body or a person after a cue of role `visited` ("a visit to
//! the Polar Command", "a courtesy call on Gen. X"), hosts it. A nation that is where the
//! event took place, and an organization the sentence names as someone's, do not.

use super::super::context::Ctx;
use super::super::cues::{by_cue, cue_before, says_after};
use super::super::lists::subject_persons;
use super::super::{Example, Reads, Rule, Run};
use super::arguments::{agent_words, free, nation_located, posted};
use super::Clause;
use crate::extract::mentions::Mention;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "host-verb",
    reads: &[
        Reads::Mentions(EntityType::Nation),
        Reads::Mentions(EntityType::Organization),
        Reads::Mentions(EntityType::Person),
        Reads::Cue(Cue::Host),
        Reads::Cue(Cue::Visited),
        Reads::Cue(Cue::Future),
        Reads::Triggers,
        Reads::Dateline,
        Reads::Facts(Predicate::Heads),
        Reads::Facts(Predicate::MemberOf),
    ],
    states: &[Predicate::Host],
    run: Run::ClauseMention(run),
    examples: &[
        // Every person of the subject list hosts.
        Example {
            text: "Forum held\n\nOSLO, Norway (May 9, 2025) -- Gen. Kari Holm and Chief Master Sgt. Erik Dahl hosted the Polar Space Forum on May 8.\n",
            yields: &[
                ("Polar Space Forum", Predicate::Host, "Kari Holm"),
                ("Polar Space Forum", Predicate::Host, "Erik Dahl"),
            ],
            absent: &[],
        },
        // A later occasion: "will host", "set to host".
        Example {
            text: "Dialogue ends\n\nOSLO, Norway (May 9, 2025) -- Norway and Finland held the Polar Space Dialogue in Oslo on May 8. The two sides agreed to keep meeting, with Finland set to host the next round in Helsinki. Denmark will host a workshop on the same topic.\n",
            yields: &[],
            absent: &[
                ("Polar Space Dialogue", Predicate::Host, "Finland"),
                ("Polar Space Dialogue", Predicate::Location, "Helsinki"),
            ],
        },
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- Finland hosted the Polar Lantern Exercise on May 8.\n",
            yields: &[("Polar Lantern Exercise", Predicate::Host, "Finland")],
            absent: &[],
        },
        Example {
            text: "Exercise ends\n\nOSLO, Norway (May 9, 2025) -- The Polar Lantern Exercise was hosted by NASA on May 8.\n",
            yields: &[(
                "Polar Lantern Exercise",
                Predicate::Host,
                "National Aeronautics and Space Administration",
            )],
            absent: &[],
        },
        Example {
            text: "Dialogue opens\n\nOSLO, Norway (May 9, 2025) -- Delegations met on May 8 in Oslo for the Polar Space Dialogue, hosted by the Arctic Space Office.\n",
            yields: &[("Polar Space Dialogue", Predicate::Host, "Arctic Space Office")],
            absent: &[],
        },
        Example {
            text: "Drill ends\n\nOSLO, Norway (May 9, 2025) -- The Arctic Space Office took part in the Polar Lantern Exercise, a drill hosted by the Nordic Space Office, on May 8.\n",
            yields: &[("Polar Lantern Exercise", Predicate::Host, "Nordic Space Office")],
            absent: &[("Polar Lantern Exercise", Predicate::Host, "Arctic Space Office")],
        },
        // Who welcomed the guests of the event hosts it.
        Example {
            text: "Minister visits\n\nOSLO, Norway (May 9, 2025) -- Gen. Kari Holm welcomed Chilean Minister Ivo Berg to the Polar Space Forum in Tromso on May 8.\n",
            yields: &[("Polar Space Forum", Predicate::Host, "Kari Holm")],
            absent: &[("Polar Space Forum", Predicate::Host, "Ivo Berg")],
        },
        // Whom a visit went to hosts it.
        Example {
            text: "Office visited\n\nOSLO, Norway (May 9, 2025) -- Gen. Ivo Berg visited the Polar Space Office in Tromso on May 8.\n",
            yields: &[(
                "Visit with Polar Space Office, 2025-05-08",
                Predicate::Host,
                "Polar Space Office",
            )],
            absent: &[],
        },
        // Not a body that only qualifies what was visited.
        Example {
            text: "Office toured\n\nOSLO, Norway (May 9, 2025) -- Gen. Ivo Berg toured the Polar Space Office's new station on May 8.\n",
            yields: &[],
            absent: &[(
                "Visit with Ivo Berg, 2025-05-08",
                Predicate::Host,
                "Polar Space Office",
            )],
        },
        // The visit's host, not the host of the signing told in the same sentence.
        Example {
            text: "Accord signed\n\nOSLO, Norway (May 9, 2025) -- During his visit to the Polar Space Office in Bergen, Gen. Ivo Berg signed the Ice Watch Accord on May 8.\n",
            yields: &[(
                "Visit with Polar Space Office at Bergen, 2025-05-08",
                Predicate::Host,
                "Polar Space Office",
            )],
            absent: &[(
                "Signing of Ice Watch Accord at Bergen, 2025-05-08",
                Predicate::Host,
                "Polar Space Office",
            )],
        },
    ],
};

/// Whether the clause says the agent at `mi` hosts its event.
pub(crate) fn hosts(c: &Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) -> bool {
    let m = &clause.mentions[mi];
    let words = &clause.view.words;
    match c.kind(m.entity) {
        EntityType::Nation => {
            let next_words = &words[m.toks.end..(m.toks.end + 4).min(words.len())];
            free(c, m) && !nation_located(c, clause, m) && says_after(c, Cue::Host, next_words)
        }
        EntityType::Organization | EntityType::Person => {
            free(c, m) && !posted(c, clause, m) && {
                let w = agent_words(c, clause, m);
                by_cue(c, Cue::Host, w.before)
                    || visited(c, clause, m, w.before)
                    || says_after(c, Cue::Host, w.after)
                    || joint_host(c, clause, m.entity)
            }
        }
        _ => false,
    }
}

/// "a visit to the Arctic Space Office", "toured the Polar Command", "a courtesy call on
/// Gen. X": the words before an agent end with a cue of role `visited`, one that tells no
/// event of another kind than the clause's ("During his visit to X, Y signed": X hosts the
/// visit, not the signing). Not a body that only qualifies what follows it ("visited the
/// Air Force's base", "a call on PhilSA chief X").
fn visited(c: &Ctx<'_, '_>, clause: &Clause<'_>, m: &Mention, before: &[String]) -> bool {
    let words = &clause.view.words;
    let qualifies = words.get(m.toks.end).is_some_and(|w| w == "'s")
        || clause.mentions.iter().any(|o| {
            c.kind(o.entity) == EntityType::Person
                && (m.toks.end..=m.toks.end + 2).contains(&o.toks.start)
                && words[m.toks.end..o.toks.start]
                    .iter()
                    .all(|w| w.chars().all(char::is_alphabetic) && w != "and")
        });
    let class = c.ents.get(clause.event).event_class.as_deref();
    !qualifies
        && cue_before(c, Cue::Visited, before).is_some_and(|cue| {
            c.ex.lexicon.triggers.iter().all(|(phrase, k)| {
                Some(k.as_str()) == class || !cue.windows(phrase.len()).any(|w| w == &phrase[..])
            })
        })
}

/// "Gen. A and Chief Master Sgt. B hosted the forum": a person of the subject list of an
/// active verb of hosting hosts, the first as well as the last.
fn joint_host(c: &Ctx<'_, '_>, clause: &Clause<'_>, person: usize) -> bool {
    let words = &clause.view.words;
    c.kind(person) == EntityType::Person
        && (0..words.len()).any(|k| {
            // A verb in the past ("hosted", "co-hosted"), not a noun ("at the invitation of").
            c.ex.kb.cue_at(Cue::Host, words, k).is_some_and(|n| {
                n == 1
                    && words[k].ends_with("ed")
                    && words.get(k + n).is_none_or(|w| w != "by")
                    && k > 0
                    && !c.ex.kb.is_cue_word(Cue::Future, &words[k - 1])
                    && words[k - 1] != "to"
                    && subject_persons(c, clause.view, k).contains(&person)
            })
        })
}

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) {
    if hosts(c, clause, mi) {
        let m = &clause.mentions[mi];
        c.facts
            .add(clause.event, Predicate::Host, m.entity, &clause.view.span);
    }
}
