//! A person said to lead the event told by their clause: a cue of role `lead` after them
//! ("Col. Juha Mäki led the Finnish delegation"), or before them with "by" ("led by Col.
//! Juha Mäki"), or before them with "by" ("led by Col. Juha Mäki"), also for the next
//! person of the list after "and" ("co-chaired by A, director of X, and B, director of Y";
//! "the Finnish delegation was led by A and the Norwegian delegation by B"). A host is not
//! also the leader (`host-verb` comes first).

use super::super::context::Ctx;
use super::super::cues::{by_cue, says_after};
use super::super::lists::subject_persons;
use super::super::{Example, Reads, Rule, Run};
use super::arguments::{agent_words, free, posted};
use super::host_verb::hosts;
use super::Clause;
use crate::extract::{EntityType, Predicate};
use crate::knowledge::Cue;

pub(crate) const RULE: Rule = Rule {
    name: "lead-verb",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Cue(Cue::Lead),
        Reads::Cue(Cue::Host),
        Reads::Cue(Cue::Future),
        Reads::Dateline,
        Reads::Facts(Predicate::Heads),
        Reads::Facts(Predicate::MemberOf),
    ],
    states: &[Predicate::Leader],
    run: Run::ClauseMention(run),
    examples: &[
        Example {
            text: "Talks held\n\nHELSINKI, Finland (May 9, 2025) -- The Finland-Norway Space Talks took place in Helsinki on May 8.\n\nThe talks were co-chaired by Aino Laine, director of policy at the Finnish Space Office, and Erik Dahl, deputy director of the Norwegian Space Agency, and attended by Col. Juha Mäki.\n",
            yields: &[
                ("Finland-Norway Space Talks", Predicate::Leader, "Aino Laine"),
                ("Finland-Norway Space Talks", Predicate::Leader, "Erik Dahl"),
            ],
            absent: &[("Finland-Norway Space Talks", Predicate::Leader, "Juha Mäki")],
        },
        Example {
            text: "Talks held\n\nHELSINKI, Finland (May 9, 2025) -- The Finland-Norway Space Talks took place in Helsinki on May 8.\n\nThe Finnish delegation was led by Col. Juha Mäki and the Norwegian delegation by Brig. Gen. Erik Dahl.\n",
            yields: &[
                ("Finland-Norway Space Talks", Predicate::Leader, "Juha Mäki"),
                ("Finland-Norway Space Talks", Predicate::Leader, "Erik Dahl"),
            ],
            absent: &[],
        },
        // Other verbs of leading (data): "co-led", "presided over", "served as co-chairs".
        Example {
            text: "Talks held\n\nHELSINKI, Finland (May 9, 2025) -- The Finland-Norway Space Talks took place in Helsinki on May 8.\n\nThe talks were co-led by Aino Laine and Erik Dahl. Col. Juha Mäki presided over the talks on the second day.\n",
            yields: &[
                ("Finland-Norway Space Talks", Predicate::Leader, "Aino Laine"),
                ("Finland-Norway Space Talks", Predicate::Leader, "Erik Dahl"),
                ("Finland-Norway Space Talks", Predicate::Leader, "Juha Mäki"),
            ],
            absent: &[],
        },
        Example {
            text: "Talks held\n\nHELSINKI, Finland (May 9, 2025) -- The Finland-Norway Space Talks, led by Col. Juha Mäki, took place in Helsinki on May 8.\n",
            yields: &[("Finland-Norway Space Talks", Predicate::Leader, "Juha Mäki")],
            absent: &[],
        },
        Example {
            text: "Talks held\n\nHELSINKI, Finland (May 9, 2025) -- Delegations met in Helsinki on May 8 for the Finland-Norway Space Talks.\n\nDeputy Director Aino Laine of the Finnish Space Office and Erik Dahl, the Norwegian Space Agency's director of policy, co-chaired the talks.\n\nCol. Juha Mäki led the Finnish delegation.\n",
            yields: &[
                ("Finland-Norway Space Talks", Predicate::Leader, "Aino Laine"),
                ("Finland-Norway Space Talks", Predicate::Leader, "Erik Dahl"),
                ("Finland-Norway Space Talks", Predicate::Leader, "Juha Mäki"),
            ],
            absent: &[],
        },
    ],
};

/// Whether the clause says the person at `mi` leads its event.
pub(crate) fn leads(c: &Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) -> bool {
    let m = &clause.mentions[mi];
    c.kind(m.entity) == EntityType::Person
        && free(c, m)
        && !posted(c, clause, m)
        && !hosts(c, clause, mi)
        && {
            let w = agent_words(c, clause, m);
            by_cue(c, Cue::Lead, w.before)
                || says_after(c, Cue::Lead, w.after)
                || subject_of_lead(c, clause, m.entity)
                || listed_after_lead_by(c, clause, m.lead.min(m.toks.start))
        }
}

/// A person printed at `at` after "and" or "by" whose nearest "<word> by" before is a lead
/// cue ("co-chaired by A, director of X, and B"): another leader of the list. Another
/// participle before "by" ("attended by") ends the list of leaders.
fn listed_after_lead_by(c: &Ctx<'_, '_>, clause: &Clause<'_>, at: usize) -> bool {
    let words = &clause.view.words;
    if at == 0 || !matches!(words[at - 1].as_str(), "and" | "by") {
        return false;
    }
    for j in (1..at).rev() {
        if words[j] != "by" {
            continue;
        }
        if c.ex.kb.cue_at(Cue::Lead, words, j - 1).is_some() {
            return j + 1 < at;
        }
        if words[j - 1].ends_with("ed") {
            return false;
        }
    }
    false
}

/// Whether the person is among the subjects of a lead verb of the clause ("X, ..., and Y,
/// ..., co-chaired the meeting").
fn subject_of_lead(c: &Ctx<'_, '_>, clause: &Clause<'_>, p: usize) -> bool {
    let words = &clause.view.words;
    (0..words.len()).any(|i| {
        c.ex.kb.cue_at(Cue::Lead, words, i).is_some()
            && !(i > 0 && words[i - 1] == "by")
            && words.get(i + 1).is_none_or(|w| w != "by")
            && subject_persons(c, clause.view, i).contains(&p)
    })
}

fn run(c: &mut Ctx<'_, '_>, clause: &Clause<'_>, mi: usize) {
    if leads(c, clause, mi) {
        let m = &clause.mentions[mi];
        c.facts
            .add(clause.event, Predicate::Leader, m.entity, &clause.view.span);
    }
}
