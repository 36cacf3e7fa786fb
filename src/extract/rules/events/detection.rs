//! Which event a sentence tells. Named ones (typed by their head word) and ones described by
//! a trigger ("signed", "ceremony", "met"); "the event", "the ceremony" and "this
//! collaboration" refer back to the event last told, and a trigger of a kind already told
//! on the same day is that event again (most releases tell one ceremony, one signing, one
//! visit). A named event of another kind right after "during" is the occasion around the
//! event a trigger tells ("signed the pact during the Polar Space Congress"): both get the
//! signers. Detection states no facts: it finds the event and the clause that tells it, and
//! the event rules read them.

use super::super::context::{is_agent, Ctx, View};
use super::super::programmes::referred::referred_programme;
use super::super::Reads;
use super::triggers::{event_verb, find_trigger, Trigger};
use super::{Clause, Telling};
use crate::date::{find_dates, Date};
use crate::extract::mentions::{Head, Mention};
use crate::extract::{EntityType, Predicate};
use crate::knowledge::{Cue, HeadKind};
use crate::text::form_key;
use std::ops::Range;

/// The name detection reads facts under (it states none).
pub(crate) const NAME: &str = "event detection";

/// What detection reads: the dates and agreements the event rules stated for the events of
/// earlier sentences (so it reads facts of rules that come after it in the cascade, from
/// sentences before).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const READS: &[Reads] = &[
    Reads::Triggers,
    Reads::HeadWords,
    Reads::Hedges,
    Reads::Cue(Cue::Participation),
    Reads::Cue(Cue::Host),
    Reads::Cue(Cue::Future),
    Reads::Cue(Cue::OtherOccasion),
    Reads::Cue(Cue::OpeningOccasion),
    Reads::Cue(Cue::MultiDay),
    Reads::Cue(Cue::EventVerb),
    Reads::Cue(Cue::Lead),
    Reads::Cue(Cue::Delegation),
    Reads::Facts(Predicate::Date),
    Reads::Facts(Predicate::Agreement),
    Reads::Facts(Predicate::Participant),
    Reads::Facts(Predicate::Heads),
    Reads::Facts(Predicate::MemberOf),
];

/// How a sentence's event was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Named,
    ReferredTo,
    SameKind,
    Described,
}

/// The events told so far, sentence by sentence.
pub(crate) struct Story {
    last_event: Option<usize>,
    seen: Vec<usize>,
    /// Lowercase labels of the event classes: "the event", "the talks".
    labels: Vec<String>,
}

/// "Also participating in the event were:" and a list on the next lines: the sentence after
/// a sentence that ends in a colon and speaks of taking part lists participants.
fn listed_after_colon(c: &Ctx<'_, '_>, v: &View<'_>) -> bool {
    let Some(prev) = v.si.checked_sub(1).and_then(|i| c.views.get(i)) else {
        return false;
    };
    prev.words.last().is_some_and(|w| w == ":") && c.ex.kb.has_cue(Cue::Participation, &prev.words)
}

/// "the ceremony", "this year’s exercise", "the two-day conference": a determiner and at
/// most two lowercase modifiers before the word at `ti`.
fn refers_back(c: &Ctx<'_, '_>, v: &View<'_>, ti: usize) -> bool {
    let words = &v.words;
    (1..=3.min(ti)).any(|back| {
        matches!(words[ti - back].as_str(), "the" | "this" | "that" | "these")
            && (ti - back + 1..ti).all(|k| {
                let raw = v.raw(c.text, k);
                raw.chars()
                    .all(|ch| ch.is_lowercase() || ch.is_ascii_digit() || ch == '-')
                    // "the next Dialogue" points to another, later occasion.
                    && c.ex.kb.cue_at(Cue::Future, words, k).is_none()
            })
    })
}

impl Story {
    pub fn new(c: &Ctx<'_, '_>) -> Self {
        Self {
            last_event: None,
            seen: Vec::new(),
            labels: c
                .ex
                .kb
                .event_classes
                .iter()
                .map(|k| form_key(&k.label))
                .collect(),
        }
    }

    fn is_label(&self, w: &str) -> bool {
        self.labels.iter().any(|l| l == w)
    }

    /// The event a later sentence refers back to ("the meeting", "the delegation", "attendees
    /// included"): the last one told that is not history (dated well before the release:
    /// "since its seventh meeting, held in 2019"), of `class` when given.
    fn current(&self, c: &Ctx<'_, '_>, class: Option<&str>) -> Option<usize> {
        let historic = |e: usize| {
            let (Some(d), Some(r)) = (c.facts.date_of(e), c.reference) else {
                return false;
            };
            r.days_since(d) > 60
        };
        let of_class =
            |e: usize| class.is_none_or(|k| c.ents.get(e).event_class.as_deref() == Some(k));
        self.seen
            .iter()
            .rev()
            .copied()
            .find(|&e| of_class(e) && !historic(e))
            .or(self.last_event.filter(|&e| of_class(e)))
    }

    /// The event sentence `v` tells (a described one is created), and its clauses.
    pub fn tell<'v>(&mut self, c: &mut Ctx<'_, '_>, v: &'v View<'v>) -> Telling<'v> {
        let ms = &v.mentions;
        let ev = v.span.clone();
        let words = &v.words;
        let toks = &v.sentence.tokens;
        let trig = find_trigger(c, words, toks, ms);
        // "During the visit, the two agencies signed ...", "At the ceremony, X signed ...":
        // an opening phrase names the occasion around the event; the main clause's trigger
        // tells the event.
        let trig = match (trig, opening_phrase(c, v)) {
            (Some(t), Some(comma)) if t.at < comma => {
                let later =
                    find_trigger(c, &words[comma + 1..], &toks[comma + 1..], &[]).map(|l| {
                        Trigger {
                            at: l.at + comma + 1,
                            ..l
                        }
                    });
                later.or(Some(t))
            }
            (t, _) => t,
        };
        // "... during an accession ceremony here, one day after the 40th Space Symposium
        // wrapped up": a named event after a cue of another occasion is not the one the
        // sentence tells, when a trigger outside it tells one.
        let other_occasion = |m: &Mention| {
            (m.toks.start.saturating_sub(5)..m.toks.start).any(|i| {
                c.ex.kb
                    .cue_at(Cue::OtherOccasion, words, i)
                    .is_some_and(|n| {
                        (i + n..m.toks.start).all(|k| {
                            words[k] == "the" || v.raw(c.text, k).starts_with(char::is_numeric)
                        })
                    })
            })
        };
        // "hold the next Space Dialogue in Santiago": a later occasion of a named event,
        // planned, is not the one the release tells.
        let planned = |m: &Mention| {
            (m.toks.start.saturating_sub(3)..m.toks.start)
                .any(|i| c.ex.kb.cue_at(Cue::Future, words, i).is_some())
        };
        // "signed the agreement during Space Symposium 38": a named event of another kind
        // right after "during" is the occasion around the event the trigger tells.
        let occasion_of_other_kind = |m: &Mention| {
            let after_during = (1..=2).any(|back| {
                m.toks.start >= back
                    && words[m.toks.start - back] == "during"
                    && (m.toks.start - back + 1..m.toks.start).all(|k| words[k] == "the")
            });
            let class = c.ents.get(m.entity).event_class.as_deref();
            // "concluded two agreements during the Space Symposium": a plural sums up several
            // events; the occasion is what the sentence tells.
            let sums_up = trig.as_ref().is_some_and(|t| {
                (t.at..m.toks.start).any(|k| {
                    let raw = v.raw(c.text, k);
                    raw.starts_with(char::is_lowercase)
                        && raw.len() > 1
                        && raw.ends_with('s')
                        && c.ex
                            .lexicon
                            .head_of(&words[k..=k])
                            .is_some_and(|(h, _)| matches!(h, Head::Kind(HeadKind::Agreement)))
                })
            });
            !sums_up
                && after_during
                && trig
                    .as_ref()
                    .is_some_and(|t| class.is_some_and(|k| k != t.class.as_str()))
        };
        // The named events of the sentence, each with whether it is such an occasion.
        let events: Vec<(&Mention, bool)> = ms
            .iter()
            .filter(|m| c.kind(m.entity) == EntityType::Event)
            .map(|m| (m, occasion_of_other_kind(m)))
            .collect();
        let occasion = events
            .iter()
            .find(|(_, is_occasion)| *is_occasion)
            .map(|(m, _)| (m.toks.start - 1, m.entity));
        let named: Vec<usize> = events
            .iter()
            .filter(|(m, is_occasion)| {
                !is_occasion && (trig.is_none() || !other_occasion(m)) && !planned(m)
            })
            .map(|(m, _)| m.entity)
            .collect();
        // "X led the U.S. delegation", "Y headed the Japanese side", "the Japanese side was
        // chaired by Z": the event told before.
        let kb = c.ex.kb;
        let leads_delegation = (0..words.len()).any(|i| {
            kb.cue_at(Cue::Lead, words, i).is_some_and(|n| {
                (i + n..(i + n + 4).min(words.len()))
                    .any(|k| kb.cue_at(Cue::Delegation, words, k).is_some())
                    || (i.saturating_sub(4)..i)
                        .any(|k| kb.cue_at(Cue::Delegation, words, k).is_some())
            }) && !c.quoted(toks[i].start)
        });
        let anaphor = (1..words.len())
            .any(|i| refers_back(c, v, i) && self.is_label(&words[i]) && !c.quoted(toks[i].start))
            || c.ex.kb.has_cue(Cue::Participation, words)
            || leads_delegation
            || listed_after_colon(c, v);
        // "this year’s participants were ...", "Attendees included ...".
        let event = if let Some(&e) = named.first() {
            if let Some(t) = &trig {
                c.ents.get_mut(e).event_class.get_or_insert(t.class.clone());
            }
            Some((e, How::Named))
        } else if let Some(t) = &trig {
            // "During the visit, Quist met with X": a verb telling too little for an event of
            // its own, in a sentence opening with the event told before, adds to that event.
            self.described(c, v, t).or_else(|| {
                let comma = opening_phrase(c, v)?;
                let label = (1..comma).find_map(|i| {
                    let k = self.labels.iter().position(|l| *l == words[i])?;
                    refers_back(c, v, i).then(|| c.ex.kb.event_classes[k].iri.clone())
                })?;
                (t.at > comma)
                    .then(|| self.current(c, Some(label.as_str())))
                    .flatten()
                    .map(|e| (e, How::ReferredTo))
            })
        } else if anaphor {
            self.current(c, None).map(|e| (e, How::ReferredTo))
        } else {
            None
        };
        // A trigger that tells no event of its own leaves the named occasion as the event.
        let event = event.or_else(|| occasion.map(|(_, x)| (x, How::Named)));
        if let Some((e, _)) = event {
            self.see(e);
        }
        let Some((e, how)) = event else {
            return Telling {
                view: v,
                event: None,
                previous: self.last_event,
                trigger: trig,
                plain: false,
                clauses: Vec::new(),
            };
        };
        self.last_event = Some(e);
        // A sentence that only refers back to the event ("SPACEFOR-KOR reports to ...")
        // adds no participants unless it speaks of them ("Attendees included ...").
        let participation = c.ex.kb.has_cue(Cue::Participation, words) || listed_after_colon(c, v);
        // A verb tells the event again with who did it ("Norway signed on Canada's behalf"):
        // its agents take part, where a noun ("the signing was ...") does not say so.
        let verb = trig.as_ref().is_some_and(|t| {
            let first = &words[t.at];
            (first.ends_with("ed") && first.len() > 4 && !refers_back(c, v, t.at))
                || c.ex.kb.cue_at(Cue::EventVerb, words, t.at).is_some()
        });
        let plain = how != How::SameKind || participation || verb;
        // Who takes part is told in the clause of the event word: after the comma that
        // closes it ("opened the event, the first since the Government decided ...",
        // "activated X during a ceremony ..., assigning the unit to Y") other agents are
        // named for other reasons. A list of attendees is all participation.
        let event_at = trig
            .as_ref()
            .map(|t| t.at + t.len)
            .or_else(|| ms.iter().find(|m| m.entity == e).map(|m| m.toks.end))
            .or_else(|| {
                (1..words.len())
                    .find(|&i| refers_back(c, v, i) && self.is_label(&words[i]))
                    .map(|i| i + 1)
            });
        // The clause ends at a comma that opens an appositive or a participle or relative
        // clause (", the first since ...", ", assigning ...", ", which ..."); ", and Lt.
        // Col. X assumed command" goes on telling the event.
        let closes_clause = |i: usize| {
            words[i] == ","
                && words.get(i + 1).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "which" | "who" | "where" | "when" | "whose"
                    ) || (w.ends_with("ing") && w.len() > 5)
                })
        };
        let cut = event_at
            .filter(|_| !participation)
            .and_then(|at| (at..words.len()).find(|&i| closes_clause(i)));
        // "The signing took place during Prime Minister X’s state visit to the United States
        // at the invitation of President Y": the words after "during" tell another event,
        // of the kind of the trigger they hold.
        // The occasion named after the event's words, when it is not the event itself.
        let occasion_after =
            occasion.filter(|&(d, x)| x != e && event_at.is_some_and(|at| d >= at));
        // The event's own class: an occasion is of another.
        let own = c.ents.get(e).event_class.clone();
        let during = event_at
            .filter(|_| occasion_after.is_none())
            .and_then(|at| {
                let d = (at..words.len()).find(|&i| words[i] == "during")?;
                let t = find_trigger(c, &words[d + 1..], &toks[d + 1..], &[])?;
                (own.as_deref() != Some(t.class.as_str())).then_some((d, t.class))
            });
        // "During his visit to the Polar Command in Tromsø, Berg signed ...": an opening
        // "during" phrase telling an event of another kind tells the occasion around the
        // event; the phrase's own words and the main clause's subject belong to it. A new
        // one is recorded when it lasts days (a visit, an exercise: cue role `multi-day`) and
        // the phrase names who or where: a ceremony in which a pact is signed is the signing.
        let opening = trig.as_ref().and_then(|t| {
            let (open, comma) = opening_phrase_from(c, v)?;
            if words[open] != "during" || t.at <= comma {
                return None;
            }
            let found = find_trigger(c, &words[open + 1..comma], &toks[open + 1..comma], &[])?;
            let at = open + 1 + found.at;
            (own.as_deref() != Some(found.class.as_str())).then_some((at, comma, t.at, found.class))
        });
        // "met with X in Oslo, where the two signed a memorandum", "toured the plant and
        // signed a letter of intent": a verb of another kind of event after "where" or "and"
        // tells a second event of the same occasion, done by the same agents.
        let second = event_at
            .filter(|_| during.is_none())
            .and_then(|at| self.second_verb(c, v, e, at));
        let in_clause: Vec<Mention> = ms
            .iter()
            .filter(|m| second.as_ref().is_none_or(|(w, _)| m.toks.start < *w))
            .filter(|m| {
                let agent = matches!(
                    c.kind(m.entity),
                    EntityType::Person | EntityType::Organization | EntityType::Nation
                );
                let before_cut = cut.is_none_or(|cut| m.toks.start < cut);
                let before_during = during.as_ref().is_none_or(|(d, _)| m.toks.start < *d)
                    && occasion_after.is_none_or(|(d, _)| m.toks.start < d);
                // Who is named in the opening phrase is the occasion's (its place is both's).
                let past_opening = opening
                    .as_ref()
                    .is_none_or(|(_, comma, _, _)| m.toks.start > *comma);
                !agent || (before_cut && before_during && past_opening)
            })
            .cloned()
            .collect();
        let mut clauses = vec![Clause {
            event: e,
            view: v,
            mentions: in_clause,
            plain,
        }];
        if let Some((d, class)) = during {
            let after: Vec<Mention> = ms.iter().filter(|m| m.toks.start > d).cloned().collect();
            let agents = after.iter().any(|m| is_agent(c.kind(m.entity)));
            if let Some(x) = self.occasion_of(c, e, &class, agents, &ev, toks[d + 1].span()) {
                clauses.push(Clause {
                    event: x,
                    view: v,
                    mentions: after,
                    plain: true,
                });
            }
        }
        if let Some((at, comma, main, class)) = opening {
            let phrase: Vec<Mention> = ms
                .iter()
                .filter(|m| m.toks.start > at && m.toks.start < comma)
                .cloned()
                .collect();
            let told = phrase
                .iter()
                .any(|m| is_agent(c.kind(m.entity)) || c.kind(m.entity) == EntityType::Place);
            let create = told && lasts_days(c, &class);
            if let Some(x) = self.occasion_of(c, e, &class, create, &ev, toks[at].span()) {
                let mut mentions = phrase;
                mentions.extend(
                    ms.iter()
                        .filter(|m| {
                            m.toks.start > comma
                                && m.toks.start < main
                                && is_agent(c.kind(m.entity))
                        })
                        .cloned(),
                );
                clauses.push(Clause {
                    event: x,
                    view: v,
                    mentions,
                    plain: true,
                });
            }
        }
        if let Some((d, x)) = occasion_after {
            self.see(x);
            // Who did the event took part in its occasion too; what is named after "during"
            // (its place) is the occasion's, and the event's as well (main clause).
            let mut mentions: Vec<Mention> = clauses[0]
                .mentions
                .iter()
                .filter(|m| is_agent(c.kind(m.entity)) && m.toks.start < d)
                .cloned()
                .collect();
            mentions.extend(ms.iter().filter(|m| m.toks.start > d).cloned());
            clauses.push(Clause {
                event: x,
                view: v,
                mentions,
                plain: true,
            });
        }
        if let Some((w, class)) = second {
            let agents: Vec<Mention> = clauses[0]
                .mentions
                .iter()
                .filter(|m| is_agent(c.kind(m.entity)) || c.kind(m.entity) == EntityType::Place)
                .cloned()
                .collect();
            if let Some(x) = self.occasion_of(c, e, &class, true, &ev, toks[w].span()) {
                let mut mentions = agents;
                mentions.extend(ms.iter().filter(|m| m.toks.start > w).cloned());
                clauses.push(Clause {
                    event: x,
                    view: v,
                    mentions,
                    plain: true,
                });
            }
        }
        Telling {
            view: v,
            event: Some(e),
            previous: None,
            trigger: trig,
            plain,
            clauses,
        }
    }

    /// The occasion of `class` around event `e`: one told before, else a new one when
    /// `create` (told by the sentence `ev` at `at`); recorded as seen.
    fn occasion_of(
        &mut self,
        c: &mut Ctx<'_, '_>,
        e: usize,
        class: &str,
        create: bool,
        ev: &Range<usize>,
        at: Range<usize>,
    ) -> Option<usize> {
        let x = self
            .seen
            .iter()
            .copied()
            .find(|&x| x != e && c.ents.get(x).event_class.as_deref() == Some(class))
            .or_else(|| create.then(|| new_unnamed_event(c, class, ev, at)))?;
        self.see(x);
        Some(x)
    }

    /// Records event `x` as told, once.
    fn see(&mut self, x: usize) {
        if !self.seen.contains(&x) {
            self.seen.push(x);
        }
    }

    /// A verb of another class than event `e`'s, within a few words after "where" or "and"
    /// past `at` (not planned: "and agreed to hold the next ..."): where its clause begins
    /// and its class.
    fn second_verb(
        &self,
        c: &Ctx<'_, '_>,
        v: &View<'_>,
        e: usize,
        at: usize,
    ) -> Option<(usize, String)> {
        let words = &v.words;
        let toks = &v.sentence.tokens;
        let kb = c.ex.kb;
        let own = c.ents.get(e).event_class.clone()?;
        (at..words.len()).find_map(|i| {
            if !matches!(words[i].as_str(), "where" | "and") || c.quoted(toks[i].start) {
                return None;
            }
            let end = (i + 5).min(words.len());
            let t = find_trigger(c, &words[i + 1..end], &toks[i + 1..end], &[])?;
            let k = i + 1 + t.at;
            let verb = event_verb(c, words, k);
            let planned = (i + 1..k).any(|j| kb.cue_at(Cue::Future, words, j).is_some())
                || toks[i + 1..k]
                    .iter()
                    .any(|t| kb.hedges.contains(t.text(c.text)));
            (verb && !planned && t.class != own).then_some((i, t.class))
        })
    }

    /// The event a trigger tells in a sentence naming no event: the one it refers back to,
    /// one of its kind already told, or a new described event.
    fn described(&self, c: &mut Ctx<'_, '_>, v: &View<'_>, t: &Trigger) -> Option<(usize, How)> {
        let ms = &v.mentions;
        let ev = v.span.clone();
        let words = &v.words;
        let toks = &v.sentence.tokens;
        let class = &t.class;
        let reference = c.reference;
        // "agreed to hold the next meeting in Santiago": a later, planned occasion is neither
        // this event nor one to record.
        if (t.at.saturating_sub(3)..t.at).any(|i| c.ex.kb.cue_at(Cue::Future, words, i).is_some()) {
            return None;
        }
        let agents = ms.iter().any(|m| is_agent(c.kind(m.entity)) && !m.inside);
        let persons = ms.iter().any(|m| c.kind(m.entity) == EntityType::Person);
        let places = ms.iter().any(|m| {
            c.kind(m.entity) == EntityType::Place
                || (c.kind(m.entity) == EntityType::Nation
                    && m.toks.start > 0
                    && words[m.toks.start - 1] == "in")
        });
        let dates: Vec<Date> = find_dates(&c.text[ev.clone()], reference)
            .into_iter()
            .filter(|d| !c.quoted(ev.start + d.start))
            .map(|d| d.date)
            .collect();
        let same_class_last = self.current(c, Some(class.as_str()));
        // "Additionally, they signed a cooperation agreement between A and B": another
        // agreement signed by those who took part in the signing told is signed at the same
        // occasion; one with another party ("... and a second one with Chile") is another
        // signing. Every agent of the sentence took part in event `e`, or is the body of a
        // person who did.
        let here: Vec<usize> = ms
            .iter()
            .filter(|m| is_agent(c.kind(m.entity)) && !m.inside)
            .map(|m| c.ents.resolve(m.entity))
            .collect();
        let same_parties = |c: &Ctx<'_, '_>, e: usize| {
            let took_part: Vec<usize> = c
                .facts
                .objects(e, Predicate::Participant)
                .map(|o| c.ents.resolve(o))
                .collect();
            let body_of_one = |a: usize| {
                took_part.iter().any(|&p| {
                    c.facts
                        .objects(p, Predicate::Heads)
                        .chain(c.facts.objects(p, Predicate::MemberOf))
                        .any(|o| c.ents.resolve(o) == a)
                })
            };
            !here.is_empty()
                && here
                    .iter()
                    .all(|&a| took_part.contains(&a) || body_of_one(a))
        };
        // An event of this kind already described, on the same day or with no new date:
        // most releases tell one ceremony, one signing, one visit.
        // A signing of another agreement is another signing.
        let sentence_agreement = ms
            .iter()
            .find(|m| c.kind(m.entity) == EntityType::Agreement)
            .map(|m| m.entity)
            .or_else(|| referred_programme(c, v));
        // "activated in Hawaii in November", "signed in 2014": a month or a year other
        // than the event's tells another occasion.
        let raw: Vec<&str> = toks.iter().map(|t| t.text(c.text)).collect();
        let months: Vec<u32> = raw
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| crate::date::month_number(w))
            .collect();
        let years: Vec<i32> = raw
            .iter()
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .filter(|y| (1900..2100).contains(y))
            .collect();
        let other_time = |c: &Ctx<'_, '_>, e: usize| {
            c.facts.date_of(e).is_some_and(|d| {
                (!months.is_empty() && !months.contains(&d.month))
                    || (!years.is_empty() && !years.contains(&d.year))
            })
        };
        // A date long before the release ("signed the original Accords on October 13,
        // 2020" in a release of 2023) is history, not the release's event.
        let historic = !dates.is_empty()
            && reference.is_some_and(|r| dates.iter().all(|d| r.days_since(*d) > 60));
        // A visit, an exercise or a conference lasts days: a date within a week of the one
        // told is the same occasion ("arrived on May 4 ... toured the centre on May 5").
        let multi_day = lasts_days(c, class);
        let same_day = |d: Date| {
            dates
                .iter()
                .any(|x| *x == d || (multi_day && (0..=7).contains(&x.days_since(d).abs())))
        };
        let same_kind = self.seen.iter().rev().copied().find(|&e| {
            c.ents.get(e).event_class.as_deref() == Some(class.as_str())
                && (dates.is_empty() || c.facts.date_of(e).is_none_or(same_day))
                && !(historic && c.facts.date_of(e).is_none())
                && (!dates.is_empty() || !other_time(c, e))
                && sentence_agreement.is_none_or(|a| {
                    let own: Vec<usize> = c
                        .facts
                        .objects(e, Predicate::Agreement)
                        .map(|o| c.ents.resolve(o))
                        .collect();
                    own.is_empty() || own.contains(&c.ents.resolve(a)) || same_parties(c, e)
                })
        });
        // "Speakers at the ceremony included ..." after a signing: the signing's
        // ceremony, when the sentence tells who took part in or hosted it.
        let about_participants =
            c.ex.kb.has_cue(Cue::Participation, words) || c.ex.kb.has_cue(Cue::Host, words);
        let referred = same_class_last.or(self.current(c, None).filter(|_| about_participants));
        if let (true, Some(e)) = (refers_back(c, v, t.at), referred) {
            Some((e, How::ReferredTo))
        } else if let Some(e) = same_kind {
            Some((e, How::SameKind))
        } else if dates.is_empty()
            && self.seen.iter().any(|&e| {
                c.ents.get(e).event_class.as_deref() == Some(class.as_str()) && other_time(c, e)
            })
        {
            // An earlier occasion of the same kind, told in passing without its day:
            // not the release's event, and too vague to record.
            None
        } else if !v.sentence.is_title
            && agents
            && (places
                || !dates.is_empty()
                || (refers_back(c, v, t.at) && about_participants)
                // "Norway signed the Polar Accord": an occasion of a named agreement (not a
                // hypothetical one: "is considering signing").
                || (sentence_agreement.is_some() && !c.hedged_before(v, t.at))
                // "X met Y", "X held a meeting with Y": a verb that tells the event
                // happened, with the persons who took part; not after an opening phrase of
                // occasion ("During the visit, X met Y" adds to the visit).
                || (told_by_verb(c, v, t.at)
                    && persons
                    && !c.hedged_before(v, t.at)
                    && opening_phrase(c, v).is_none()))
        {
            Some((
                new_unnamed_event(c, class, &ev, toks[t.at].span()),
                How::Described,
            ))
        } else {
            None
        }
    }
}

/// The comma that closes a sentence's opening phrase of time or occasion ("During the visit,",
/// "At the ceremony,": a cue of role `opening-occasion` first, or first after the dateline),
/// within eight words.
fn opening_phrase(c: &Ctx<'_, '_>, v: &View<'_>) -> Option<usize> {
    opening_phrase_from(c, v).map(|(_, comma)| comma)
}

/// The first word and the closing comma of a sentence's opening phrase of time or occasion.
fn opening_phrase_from(c: &Ctx<'_, '_>, v: &View<'_>) -> Option<(usize, usize)> {
    let words = &v.words;
    // The sentence opens at its first word or after the dateline's dash.
    let open = (0..words.len().min(16)).find(|&i| {
        (i == 0 || matches!(v.raw(c.text, i - 1), "--" | "—" | "–"))
            && c.ex.kb.cue_at(Cue::OpeningOccasion, words, i).is_some()
    })?;
    let comma = (open + 1..words.len().min(open + 14)).find(|&i| words[i] == ",")?;
    Some((open, comma))
}

/// Whether the occasions of event class `class` last days (cue role `multi-day`: a visit, an
/// exercise, a conference).
fn lasts_days(c: &Ctx<'_, '_>, class: &str) -> bool {
    c.ex.kb
        .event_class(class)
        .is_some_and(|k| c.ex.kb.is_cue_word(Cue::MultiDay, &form_key(&k.label)))
}

/// Whether a verb tells the event at `at` happened: the trigger is an event verb ("met"), or
/// follows one within three words ("held a meeting").
fn told_by_verb(c: &Ctx<'_, '_>, v: &View<'_>, at: usize) -> bool {
    let words = &v.words;
    let kb = c.ex.kb;
    (at.saturating_sub(3)..=at).any(|i| kb.cue_at(Cue::EventVerb, words, i).is_some())
}

/// A new event without a proper name, of `class`, told by sentence `ev` at `at`.
fn new_unnamed_event(
    c: &mut Ctx<'_, '_>,
    class: &str,
    ev: &Range<usize>,
    at: Range<usize>,
) -> usize {
    let label =
        c.ex.kb
            .event_class(class)
            .map(|k| k.label.clone())
            .unwrap_or_else(|| "Event".into());
    let n = c.ents.ids().filter(|&i| c.ents.get(i).unnamed).count();
    let key = format!("local/event-{n}");
    let name = format!("{} ({})", label, snippet(&c.text[ev.clone()]));
    let id = c.ents.add(EntityType::Event, &key, &name, "", at);
    let e = c.ents.get_mut(id);
    e.unnamed = true;
    e.aliases.clear();
    e.event_class = Some(class.to_string());
    id
}

/// The first ten words of a sentence.
fn snippet(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().take(10).collect();
    let mut out = words.join(" ");
    if s.split_whitespace().count() > 10 {
        out.push_str(" …");
    }
    out
}
