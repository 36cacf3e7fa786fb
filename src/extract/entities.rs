//! The entities of one release: each surface form is added under an identity key; forms
//! that name one thing (an acronym introduced in parentheses, a later surname) are tied to
//! the same entity; `finish` compacts merged entities and removes repeated relations.

use super::{Entity, EntityType, Object, Predicate, Relation};
use crate::text::form_key;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

#[derive(Debug, Default)]
pub struct Entities {
    list: Vec<Entity>,
    /// Merged entities point to the one they were merged into.
    redirect: Vec<usize>,
    by_key: HashMap<String, usize>,
    /// Forms defined in this release (acronyms in parentheses, surnames) -> entity.
    local_forms: HashMap<String, usize>,
}

impl Entities {
    /// The entity an id now stands for (after merges).
    pub(crate) fn resolve(&self, mut id: usize) -> usize {
        while self.redirect[id] != id {
            id = self.redirect[id];
        }
        id
    }

    pub fn get(&self, id: usize) -> &Entity {
        &self.list[self.resolve(id)]
    }

    pub(crate) fn get_mut(&mut self, id: usize) -> &mut Entity {
        let id = self.resolve(id);
        &mut self.list[id]
    }

    pub(crate) fn by_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).map(|&i| self.resolve(i))
    }

    /// The entity a form defined in this release names (an acronym, a surname).
    pub(crate) fn local_form(&self, form: &str) -> Option<usize> {
        self.local_forms
            .get(&form_key(form))
            .map(|&i| self.resolve(i))
    }

    pub(crate) fn define_local_form(&mut self, form: &str, id: usize) {
        let id = self.resolve(id);
        self.local_forms.entry(form_key(form)).or_insert(id);
        let e = &mut self.list[id];
        if e.name != form {
            e.aliases.insert(form.to_string());
        }
    }

    /// Ids of the live entities.
    pub fn ids(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.list.len()).filter(|&i| self.redirect[i] == i)
    }

    /// Adds a mention under `key`: a new entity, or a new form of the known one. `name` is
    /// the entity's name as this mention gives it, `form` the text as printed.
    pub fn add(
        &mut self,
        kind: EntityType,
        key: &str,
        name: &str,
        form: &str,
        span: Range<usize>,
    ) -> usize {
        if let Some(id) = self.by_key(key) {
            let e = &mut self.list[id];
            e.mentions.push(span);
            if !form.is_empty() && form != e.name {
                e.aliases.insert(form.to_string());
            }
            if !name.is_empty() && name != e.name {
                e.aliases.insert(name.to_string());
            }
            return id;
        }
        let id = self.list.len();
        let mut aliases = BTreeSet::new();
        if !form.is_empty() && form != name {
            aliases.insert(form.to_string());
        }
        self.list.push(Entity {
            kind,
            name: name.to_string(),
            aliases,
            key: key.to_string(),
            rank: None,
            post: None,
            nation: None,
            event_class: None,
            unnamed: false,
            mentions: vec![span],
            standalone: true,
        });
        self.redirect.push(id);
        self.by_key.insert(key.to_string(), id);
        id
    }

    /// Ties `from` into `into`: one entity with both sets of names.
    pub fn merge(&mut self, from: usize, into: usize) {
        let (from, into) = (self.resolve(from), self.resolve(into));
        if from == into {
            return;
        }
        let taken = std::mem::replace(
            &mut self.list[from],
            Entity {
                kind: EntityType::Place,
                name: String::new(),
                aliases: BTreeSet::new(),
                key: String::new(),
                rank: None,
                post: None,
                nation: None,
                event_class: None,
                unnamed: false,
                mentions: Vec::new(),
                standalone: false,
            },
        );
        self.redirect[from] = into;
        let e = &mut self.list[into];
        if taken.name != e.name {
            e.aliases.insert(taken.name);
        }
        e.aliases.extend(taken.aliases);
        e.aliases.remove(&e.name.clone());
        e.mentions.extend(taken.mentions);
        e.rank = e.rank.or(taken.rank);
        e.post = e.post.take().or(taken.post);
        e.standalone |= taken.standalone;
        e.event_class = e.event_class.take().or(taken.event_class);
    }

    /// Persons of this release whose last name is `surname`.
    pub(crate) fn persons_with_surname(&self, surname: &str) -> Vec<usize> {
        let key = form_key(surname);
        self.ids()
            .filter(|&i| {
                let e = &self.list[i];
                e.kind == EntityType::Person
                    && (last_name(&e.name).is_some_and(|l| form_key(l) == key)
                        || family_name_first(&e.name).is_some_and(|f| form_key(f) == key))
            })
            .collect()
    }

    /// Persons of this release, named in two words or more, whose name ends with the words
    /// of `short` ("Al Falasi" in "Ahmad Belhoul Al Falasi") or, for one word, starts with it
    /// (a family name printed first: "Hayashi" in "Hayashi Yoshimasa").
    pub(crate) fn persons_named_by_part(&self, short: &str) -> Vec<usize> {
        let key = form_key(short);
        let n = key.split(' ').count();
        self.ids()
            .filter(|&i| {
                let e = &self.list[i];
                let full = form_key(&e.name);
                let words = full.split(' ').count();
                e.kind == EntityType::Person
                    && words > n
                    && (full.ends_with(&format!(" {key}"))
                        || (n == 1 && full.starts_with(&format!("{key} "))))
            })
            .collect()
    }

    /// The live entities and the relations, with ids compacted and repeats removed.
    /// The third value maps every id ever given out to its place in the first.
    pub fn finish(self, relations: Vec<Relation>) -> (Vec<Entity>, Vec<Relation>, Vec<usize>) {
        let mut new_id = vec![usize::MAX; self.list.len()];
        let mut out = Vec::new();
        for (i, slot) in new_id.iter_mut().enumerate() {
            if self.redirect[i] == i {
                *slot = out.len();
                let mut e = self.list[i].clone();
                let name = e.name.clone();
                e.aliases.remove(&name);
                out.push(e);
            }
        }
        let mut seen: HashSet<(usize, Predicate, Object)> = HashSet::new();
        let mut rels = Vec::new();
        for mut r in relations {
            r.subject = new_id[self.resolve(r.subject)];
            if let Object::Entity(o) = r.object {
                let o = new_id[self.resolve(o)];
                if o == r.subject {
                    continue;
                }
                r.object = Object::Entity(o);
            }
            // A symmetric relation is kept once per pair.
            if r.predicate == Predicate::Partner {
                if let Object::Entity(o) = r.object {
                    if seen.contains(&(o, r.predicate, Object::Entity(r.subject))) {
                        continue;
                    }
                }
            }
            if seen.insert((r.subject, r.predicate, r.object.clone())) {
                rels.push(r);
            }
        }
        // Implied relations are not repeated: heads implies memberOf; host and leader imply
        // participant.
        let implied = |r: &Relation| match r.predicate {
            Predicate::MemberOf => seen.contains(&(r.subject, Predicate::Heads, r.object.clone())),
            Predicate::Participant => {
                seen.contains(&(r.subject, Predicate::Host, r.object.clone()))
                    || seen.contains(&(r.subject, Predicate::Leader, r.object.clone()))
            }
            _ => false,
        };
        let rels = rels.iter().filter(|r| !implied(r)).cloned().collect();
        let map = (0..self.list.len())
            .map(|i| new_id[self.resolve(i)])
            .collect();
        (out, rels, map)
    }
}

/// The family name of a name written family name first, as Korean names are romanized
/// with a hyphenated given name: "Park In-ho" -> "Park".
pub(crate) fn family_name_first(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [family, given] => {
            let (a, b) = given.split_once('-')?;
            let hyphenated_given = a.chars().next().is_some_and(char::is_uppercase)
                && b.chars().next().is_some_and(char::is_lowercase)
                && a.len() <= 6
                && b.len() <= 6;
            hyphenated_given.then_some(*family)
        }
        _ => None,
    }
}

/// The last word of a person's name, skipping suffixes ("Jr.", "III").
pub(crate) fn last_name(name: &str) -> Option<&str> {
    name.split_whitespace()
        .rev()
        .find(|w| !matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "MP"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_first_and_last() {
        assert_eq!(family_name_first("Park In-ho"), Some("Park"));
        assert_eq!(family_name_first("Carl-Johan Edström"), None);
        assert_eq!(family_name_first("Anthony J. Mastalir"), None);
        assert_eq!(last_name("Lloyd J. Austin III"), Some("Austin"));
    }

    #[test]
    fn merging_keeps_every_name() {
        let mut e = Entities::default();
        let a = e.add(
            EntityType::Organization,
            "org/lsf",
            "Libre Space Foundation",
            "Libre Space Foundation",
            0..22,
        );
        let b = e.add(EntityType::Organization, "org/x", "LSF", "LSF", 24..27);
        e.merge(b, a);
        assert_eq!(e.resolve(b), a);
        assert!(e.get(a).aliases.contains("LSF"));
        let (list, _, _) = e.finish(Vec::new());
        assert_eq!(list.len(), 1);
    }
}
