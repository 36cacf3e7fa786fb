//! A sentence about joining, membership or signing (cues of roles `membership` and
//! `signing`) with one initiative or agreement and the agents that join or sign it: the
//! subject list of the verb when the sentence has one ("A and B signed ...", "... was
//! signed by A and B"), the bodies signers head or serve for when the verb's subjects are
//! persons, else every body it names ("The full list of signatories now reads: ...").

use super::super::context::{word_before_name, Ctx, View};
use super::super::cues::{cue_before, signs_described_agreement};
use super::super::lists::{coordinated, subject_persons};
use super::referred::referred_programme;
use crate::extract::mentions::{Head, Mention};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::{Cue, HeadKind};
use std::collections::HashSet;

/// Who joins or signs what, as one sentence tells it.
pub(crate) struct Joining {
    /// The initiative or agreement joined or signed.
    pub target: usize,
    /// Whether the sentence speaks of joining or membership.
    pub joined: bool,
    /// Whether it speaks of signing.
    pub signed: bool,
    /// The nations and organizations that join or sign, in text order.
    pub agents: Vec<usize>,
    /// The target's sponsors stated so far: they do not join what they run.
    pub sponsors: HashSet<usize>,
}

pub(crate) fn joining(c: &Ctx<'_, '_>, v: &View<'_>) -> Option<Joining> {
    let (ms, words) = (&v.mentions, &v.words);
    let si = v.si;
    let ev = &v.span;
    let joined = c.ex.kb.has_cue(Cue::Membership, words);
    // "The signing took place during ...": a cue after a determiner names the event, it
    // does not say who signed.
    // "the nations that signed ...": "that" before a verb of signing is a relative pronoun.
    let signed = (0..words.len()).any(|i| {
        let relative = c.ex.kb.cue_at(Cue::SigningVerb, words, i).is_some();
        // "for Artemis Accords Signing": the agreement's name before the word makes it a noun.
        let compound = i > 0
            && words[i].ends_with("ing")
            && c.ex
                .lexicon
                .head_of(&words[i - 1..i])
                .is_some_and(|(h, _)| matches!(h, Head::Kind(HeadKind::Agreement)));
        c.ex.kb.cue_at(Cue::Signing, words, i).is_some()
            && !compound
            && !(i > 0
                && (matches!(words[i - 1].as_str(), "the" | "a" | "this")
                    || (words[i - 1] == "that" && !relative)))
    });
    // "the participants in Polar Shield": taking part in a series of occasions (an
    // exercise held in editions) is taking part in an edition, not joining the series.
    let has_editions = |series: usize| {
        c.found
            .series
            .iter()
            .any(|&(_, s)| c.ents.resolve(s) == c.ents.resolve(series))
    };
    let only_taking_part = !signed
        && (0..words.len())
            .filter(|&i| c.ex.kb.cue_at(Cue::Membership, words, i).is_some())
            .all(|i| c.ex.kb.cue_at(Cue::Participation, words, i).is_some());
    let targets: Vec<usize> = ms
        .iter()
        .map(|m| m.entity)
        .filter(|&e| matches!(c.kind(e), EntityType::Initiative | EntityType::Agreement))
        .filter(|&e| !(only_taking_part && has_editions(e)))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    // "The full list of signatories now reads: A, B, ...": the agreement (or initiative) of
    // the sentences just before.
    // "signed that framework": the agreement named before.
    // "signed an agreement": a new agreement the release does not name, not one named before.
    let described = words.windows(2).any(|w| {
        matches!(w[0].as_str(), "a" | "an")
            && c.ex
                .lexicon
                .head_of(&w[1..])
                .is_some_and(|(h, _)| matches!(h, Head::Kind(HeadKind::Agreement)))
    });
    // "thanked the partners who made it possible", "Participants also compared ...": a
    // word for those who take part or cooperate names no initiative; only an act of joining
    // or belonging ("joined", "members") carries the one of the sentences before.
    let joins_by_act = (0..words.len()).any(|i| {
        c.ex.kb.cue_at(Cue::Membership, words, i).is_some()
            && c.ex.kb.cue_at(Cue::Participation, words, i).is_none()
            && c.ex.kb.cue_at(Cue::Partnership, words, i).is_none()
    });
    let carried = if let (true, Some(r)) = (targets.is_empty() && signed, referred_programme(c, v))
    {
        Some(r)
    } else if targets.is_empty() && (signed || joins_by_act) && si > 0 && !described {
        let want = if signed {
            EntityType::Agreement
        } else {
            EntityType::Initiative
        };
        // The one most mentioned in the release among those of the sentences before.
        c.views[..si]
            .iter()
            .flat_map(|w| w.mentions.iter())
            .filter(|m| c.kind(m.entity) == want)
            .map(|m| m.entity)
            .max_by_key(|&e| c.ents.get(e).mentions.len())
    } else {
        None
    };
    // With an agreement and an initiative in one sentence, signing is about the agreement
    // and joining about the initiative ("signed an MoU on the ExoMars mission").
    let of_kind = |k: EntityType| -> Vec<usize> {
        targets
            .iter()
            .copied()
            .filter(|&t| c.kind(t) == k)
            .collect()
    };
    let t = match (targets.as_slice(), carried) {
        ([one], _) => *one,
        ([], Some(t)) => t,
        _ => match (
            of_kind(EntityType::Agreement).as_slice(),
            of_kind(EntityType::Initiative).as_slice(),
        ) {
            ([a], _) if signed => *a,
            (_, [i]) if joined => *i,
            _ => return None,
        },
    };
    // "The memorandum replaces an agreement signed 14 years ago between A and B": the verb
    // tells of another agreement, one the sentence describes right before it.
    let another = (2..words.len()).any(|i| {
        signs_described_agreement(c, words, i)
            && !ms.iter().any(|m| m.entity == t && m.toks.end == i)
    });
    if another {
        return None;
    }
    // "is considering signing": nothing was signed or joined. A signing is hedged by the
    // words just before its verb ("While advancing plans for ..., NASA signed" is signed);
    // joining by any in the sentence ("the plans were too centered on X for Moscow to join").
    let hedged = if signed && c.kind(t) == EntityType::Agreement {
        (0..words.len())
            .find(|&i| c.ex.kb.cue_at(Cue::Signing, words, i).is_some())
            .is_some_and(|i| c.hedged_before(v, i))
    } else {
        v.sentence
            .tokens
            .iter()
            .any(|t| c.ex.kb.hedges.contains(t.text(c.text)))
    };
    if hedged {
        return None;
    }
    // The organization a signer heads or serves is not itself a signatory.
    let affiliations = c.affiliations(ev);
    // "A and B signed ...", "... was signed by A and B", "... signed with A": the subject
    // list of the verb when the sentence has one; else every body it names.
    let role = if c.kind(t) == EntityType::Agreement {
        Cue::SigningVerb
    } else {
        Cue::Membership
    };
    let verb = (0..words.len())
        .find_map(|i| c.ex.kb.cue_at(role, words, i).map(|n| (i, n)))
        .filter(|&(i, _)| !c.quoted_at(v, i));
    // "was signed ... by X": the "by" of a passive verb of signing, after phrases of time
    // and place.
    let by = verb
        .and_then(|(i, n)| {
            // "a memorandum signed today by X": a participle right after the agreement.
            let reduced = ms.iter().any(|m| m.entity == t && m.toks.end == i)
                || (i > 0
                    && c.ex
                        .lexicon
                        .head_of(&words[i - 1..i])
                        .is_some_and(|(h, _)| matches!(h, Head::Kind(HeadKind::Agreement))));
            passive_by(words, i + n, reduced)
        })
        .filter(|_| role == Cue::SigningVerb);
    let mut subject: Vec<usize> = Vec::new();
    if let Some((i, n)) = verb {
        // "ESA and NASA today signed": adverbs between the list and the verb.
        let mut at = i;
        while at > 0
            && matches!(
                words[at - 1].as_str(),
                "today" | "jointly" | "formally" | "officially" | "also" | "have" | "has" | "had"
            )
        {
            at -= 1;
        }
        subject = coordinated(c, v, at, false);
        let after = i + n;
        // "signed by A", "signed with A", "signed between A and B" (the parties' word).
        if words.get(after).is_some_and(|w| {
            matches!(w.as_str(), "by" | "with") || c.ex.kb.is_cue_word(Cue::MemberAmong, w)
        }) {
            subject.extend(coordinated(c, v, after + 1, true));
        } else if let Some(by) = by {
            subject.extend(coordinated(c, v, by + 1, true));
        } else if !subject.is_empty() {
            // "A has signed a Memorandum of Understanding (MoU) with B": the parties after
            // the agreement's name; not a guest's nation ("with U.S. Ambassador X").
            let named_end = ms
                .iter()
                .filter(|m| m.entity == t && m.toks.start >= after && m.toks.start <= after + 2)
                .map(|m| m.toks.end)
                .min();
            if let Some(mut k) = named_end {
                if words.get(k).map(String::as_str) == Some("(") {
                    k = (k..words.len().min(k + 5))
                        .find(|&j| words[j] == ")")
                        .map_or(k, |j| j + 1);
                }
                if words.get(k).map(String::as_str) == Some("with") {
                    let guests: Vec<usize> = ms
                        .iter()
                        .filter(|p| c.kind(p.entity) == EntityType::Person)
                        .flat_map(|p| p.prefix.iter().copied())
                        .collect();
                    subject.extend(
                        coordinated(c, v, k + 1, true)
                            .into_iter()
                            .filter(|a| !guests.contains(a)),
                    );
                }
            }
        }
        // "Norway belongs to the X initiative together with A, B and C": the list after a
        // word of company joins the subject.
        if !subject.is_empty() {
            let company = (after..words.len())
                .take_while(|&k| !matches!(words[k].as_str(), ";" | "which" | "that" | "where"))
                .find_map(|k| c.ex.kb.cue_at(Cue::Company, words, k).map(|n| k + n));
            if let Some(k) = company {
                for a in coordinated(c, v, k, true) {
                    if !subject.contains(&a) {
                        subject.push(a);
                    }
                }
            }
        }
    }
    // "Gen. X, USSPACECOM commander, and Y, commander of UKSpaceCom, signed": persons sign
    // for the bodies they head, else for their nation, as this sentence states them.
    // A body named in a signer's appositive ("..., commander of X, signed") is no subject.
    subject.retain(|e| !affiliations.contains(e));
    let mut for_whom: Vec<usize> = Vec::new();
    if let (true, Some((i, _))) = (subject.is_empty(), verb) {
        // "was signed ... by X, director of Y, and by Z": the persons after "by" sign.
        // Else the verb's subject: "X took part for the agency, and Y, foreign minister,
        // signed" (Y signs, X does not).
        let signers: Vec<usize> = match by {
            Some(b) => ms
                .iter()
                .filter(|m| m.toks.start > b)
                .filter(|m| !m.inside && c.kind(m.entity) == EntityType::Person)
                .map(|m| m.entity)
                .collect(),
            None => subject_persons(c, v, i),
        };
        for p in signers {
            // The body they head, else the one they serve ("X, First Deputy Head of the
            // Y Agency, signed"), else their nation, as this sentence states them.
            let bodies = [Predicate::Heads, Predicate::MemberOf, Predicate::Country]
                .into_iter()
                .map(|pred| c.stated_in(p, pred, ev))
                .find(|b| !b.is_empty())
                .unwrap_or_default();
            for b in bodies {
                if !for_whom.contains(&b) {
                    for_whom.push(b);
                }
            }
        }
    }
    let agents: Vec<usize> = if !for_whom.is_empty() {
        for_whom
    } else {
        // Not the dateline's nation, nor a venue ("in a ceremony at the Ministry of
        // Foreign Affairs"), nor a person's nation printed before their name ("with U.S.
        // Ambassador X in attendance").
        // Nor whom a visit went to ("During his visit to the X, Y signed"): a cue of role
        // `visited` right before the name.
        let venue = |m: &Mention| {
            let before = &words[..m.toks.start];
            matches!(word_before_name(before), Some("at" | "in"))
                || cue_before(c, Cue::Visited, before).is_some()
        };
        let before_person = |m: &Mention| {
            c.kind(m.entity) == EntityType::Nation
                && ms.iter().any(|p| {
                    c.kind(p.entity) == EntityType::Person
                        && p.prefix.contains(&m.entity)
                        && p.toks.start >= m.toks.end
                        && p.toks.start <= m.toks.end + 4
                })
        };
        ms.iter()
            .filter(|m| {
                !m.inside
                    && matches!(
                        c.kind(m.entity),
                        EntityType::Nation | EntityType::Organization
                    )
                    && (!subject.is_empty() || !(c.in_dateline(m) || venue(m) || before_person(m)))
            })
            .map(|m| m.entity)
            .filter(|e| !affiliations.contains(e))
            .filter(|e| subject.is_empty() || subject.contains(e))
            .collect()
    };
    let sponsors: HashSet<usize> = c.facts.objects(t, Predicate::Sponsor).collect();
    Some(Joining {
        target: t,
        joined,
        signed,
        agents,
        sponsors,
    })
}

/// The "by" of a passive verb of signing whose phrases of time and place come first ("was
/// signed on Tuesday at the National Space Centre in Oslo by X"): the first "by" in the
/// verb's clause (before a ";", a sentence end, or "and" after a comma), within twelve words.
fn passive_by(words: &[String], after: usize, reduced: bool) -> Option<usize> {
    let end = words.len().min(after + 12);
    (after..end)
        .take_while(|&k| {
            let list_and = words[k] == "and" && k > 0 && words[k - 1] == ",";
            !(matches!(words[k].as_str(), ";" | "." | ":") || list_and)
        })
        .find(|&k| words[k] == "by")
        .filter(|_| {
            reduced
                || words[..after]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|w| matches!(w.as_str(), "was" | "were" | "been" | "be" | "is"))
        })
}
