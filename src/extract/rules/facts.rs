//! The facts stated so far, in the order rules stated them. A fact carries the name of the
//! rule that stated it: the cascade names the running rule (`Facts::rule`), so a rule
//! cannot state a fact under another rule's name.
//!
//! Every way of reading facts names the predicates it reads. Under `cfg(test)` each read is
//! logged with the rule that made it, and the examples harness checks the log against the
//! rule's declared `reads` (so the cascade's order check rests on what rules really read).

use crate::date::Date;
use crate::extract::{Object, Predicate, Relation};
use std::collections::HashMap;
use std::ops::Range;

pub(crate) struct Facts {
    list: Vec<Relation>,
    /// Where the facts of each predicate are in `list`, in the order stated.
    of_predicate: HashMap<Predicate, Vec<usize>>,
    /// Where the facts of each subject and predicate are in `list`, in the order stated.
    of_subject: HashMap<(usize, Predicate), Vec<usize>>,
    /// The rule running: every fact stated now carries its name.
    pub rule: &'static str,
}

impl Facts {
    pub fn new() -> Self {
        Self {
            list: Vec::new(),
            of_predicate: HashMap::new(),
            of_subject: HashMap::new(),
            rule: "",
        }
    }

    fn push(&mut self, r: Relation) {
        let at = self.list.len();
        self.of_predicate.entry(r.predicate).or_default().push(at);
        self.of_subject
            .entry((r.subject, r.predicate))
            .or_default()
            .push(at);
        self.list.push(r);
    }

    fn at<'f>(&'f self, places: Option<&'f Vec<usize>>) -> impl Iterator<Item = &'f Relation> + 'f {
        places.into_iter().flatten().map(move |&i| &self.list[i])
    }

    /// States `s p o` with sentence `ev` as evidence (nothing when `s` is `o`).
    pub fn add(&mut self, s: usize, p: Predicate, o: usize, ev: &Range<usize>) {
        if s != o {
            self.push(Relation {
                subject: s,
                predicate: p,
                object: Object::Entity(o),
                evidence: ev.clone(),
                rule: self.rule,
            });
        }
    }

    /// States the date of event `s`.
    pub(crate) fn add_date(&mut self, s: usize, d: Date, ev: &Range<usize>) {
        self.push(Relation {
            subject: s,
            predicate: Predicate::Date,
            object: Object::Date(d),
            evidence: ev.clone(),
            rule: self.rule,
        });
    }

    /// The facts of any of `ps`, in the order stated.
    pub fn with<'f>(&'f self, ps: &'f [Predicate]) -> impl Iterator<Item = &'f Relation> + 'f {
        let mut places: Vec<usize> = Vec::new();
        for &p in ps {
            self.note(p);
            places.extend(self.of_predicate.get(&p).into_iter().flatten());
        }
        places.sort_unstable();
        places.into_iter().map(move |i| &self.list[i])
    }

    /// The facts of `p`, in the order stated.
    pub fn of(&self, p: Predicate) -> impl Iterator<Item = &Relation> + '_ {
        self.note(p);
        self.at(self.of_predicate.get(&p))
    }

    /// Whether `s` has a fact of `p`.
    pub fn has(&self, s: usize, p: Predicate) -> bool {
        self.note(p);
        self.of_subject.contains_key(&(s, p))
    }

    /// The entities `s` relates to by `p`, as recorded (not resolved).
    pub fn objects(&self, s: usize, p: Predicate) -> impl Iterator<Item = usize> + '_ {
        self.note(p);
        self.at(self.of_subject.get(&(s, p)))
            .filter_map(|r| match r.object {
                Object::Entity(o) => Some(o),
                Object::Date(_) => None,
            })
    }

    /// The date already recorded for an event.
    pub(crate) fn date_of(&self, e: usize) -> Option<Date> {
        self.note(Predicate::Date);
        self.at(self.of_subject.get(&(e, Predicate::Date)))
            .find_map(|r| match &r.object {
                Object::Date(d) => Some(*d),
                Object::Entity(_) => None,
            })
    }

    pub(crate) fn into_vec(self) -> Vec<Relation> {
        self.list
    }

    #[cfg(test)]
    fn note(&self, p: Predicate) {
        READ_LOG.with(|l| l.borrow_mut().insert((self.rule, p)));
    }

    #[cfg(not(test))]
    fn note(&self, _: Predicate) {}
}

#[cfg(test)]
thread_local! {
    /// (rule, predicate) for every read of facts on this thread since the log was taken.
    static READ_LOG: std::cell::RefCell<std::collections::BTreeSet<(&'static str, Predicate)>> =
        const { std::cell::RefCell::new(std::collections::BTreeSet::new()) };
}

/// The reads logged on this thread since the last call, emptied.
#[cfg(test)]
pub(crate) fn take_read_log() -> std::collections::BTreeSet<(&'static str, Predicate)> {
    READ_LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}
