//! The nations of organizations: the gazetteer's, else a nation printed in the name ("Japan
//! Ministry of Defense", "Italian Air Force"); the nation's entity in the release, created
//! when a name prints it.

use super::super::context::Ctx;
use crate::extract::{Entity, EntityType, Object, Predicate};
use crate::knowledge::Cue;
use crate::knowledge::{Entry, Knowledge, NationForm};
use std::collections::HashMap;
use std::ops::Range;

/// The nation an organization belongs to: the gazetteer's, else a nation printed in its
/// name.
fn organization_nation(c: &Ctx<'_, '_>, e: &Entity) -> Option<usize> {
    let kb = c.ex.kb;
    let known = e
        .key
        .strip_prefix("org/")
        .and_then(|k| kb.organization_by_id(k))
        .and_then(|o| o.nation.clone())
        .and_then(|iso| kb.nation_by_iso(&iso).map(|(i, _)| i));
    known.or_else(|| {
        std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .find_map(|form| {
                let ws: Vec<&str> = form.split_whitespace().collect();
                // "Special Operations Command Korea": a region named last is the region
                // served, not the owner ("Ministry of Defence of Japan" is owned).
                let owner_words = match ws.as_slice() {
                    [rest @ .., before, _] if ws.len() > 2 && *before != "of" => rest.len() + 1,
                    _ => ws.len(),
                };
                nations_in(kb, &ws[..owner_words]).first().map(|&(n, _)| n)
            })
    })
}

/// Whether one of an entity's printed names holds a form of nation `ni` ("U.S." in "U.S.
/// Space Force").
fn names_contain_nation(c: &Ctx<'_, '_>, e: &Entity, ni: usize) -> bool {
    let kb = c.ex.kb;
    std::iter::once(&e.name).chain(e.aliases.iter()).any(|f| {
        let ws: Vec<&str> = f
            .split(|ch: char| ch.is_whitespace() || crate::text::COMPOUND_DASHES.contains(&ch))
            .collect();
        nations_in(kb, &ws)
            .iter()
            .any(|&(n, form)| n == ni && form != NationForm::Capital)
    })
}

/// The nations the words of a name print, in order, with the form printed: one word
/// ("Finnish", "U.S.", "Japan’s") or several ("New Zealand", "Republic of Korea"), the
/// longest form at each word.
fn nations_in(kb: &Knowledge, ws: &[&str]) -> Vec<(usize, NationForm)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let hit = (1..=kb.max_form_words.clamp(1, ws.len() - i))
            .rev()
            .find_map(|n| {
                let form = ws[i..i + n].join(" ");
                kb.lookup(form.trim_end_matches("’s"))
                    .iter()
                    .find_map(|x| match x {
                        Entry::Nation(ni, f) => Some((n, *ni, *f)),
                        _ => None,
                    })
            });
        match hit {
            Some((n, ni, f)) => {
                found.push((ni, f));
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// The entity of nation `ni` in this release, added when `create` (its name is printed
/// inside another name).
pub(crate) fn nation_entity(c: &mut Ctx<'_, '_>, ni: usize, create: bool) -> Option<usize> {
    let n = &c.ex.kb.nations[ni];
    let key = format!("nation/{}", n.iso2);
    if let Some(id) = c.ents.by_key(&key) {
        return Some(id);
    }
    if !create {
        return None;
    }
    let id = c
        .ents
        .add(EntityType::Nation, &key, &n.name.clone(), "", 0..0);
    c.ents.get_mut(id).nation = Some(ni);
    c.ents.get_mut(id).standalone = false;
    Some(id)
}

/// The nation entity of organization `id` and whether its own name prints it, read once:
/// the first read (in the entity pass) creates the nation when the name prints it, and
/// later rules read what it found (`Ctx::org_nations`).
pub(crate) fn of_organization(c: &mut Ctx<'_, '_>, id: usize) -> Option<(usize, bool)> {
    if let Some(&known) = c.org_nations.get(&id) {
        return known;
    }
    let e = c.ents.get(id).clone();
    let found = organization_nation(c, &e).and_then(|ni| {
        let printed = names_contain_nation(c, &e, ni);
        nation_entity(c, ni, printed).map(|n| (n, printed))
    });
    c.org_nations.insert(id, found);
    found
}

/// Whether the organization is a known state body (not a company or an office within one).
pub(crate) fn is_state_body(c: &Ctx<'_, '_>, id: usize) -> bool {
    c.known_organization(id)
        .is_some_and(|o| c.ex.kb.is_cue_word(Cue::StateBody, &o.kind))
}

/// The nation of each organization as far as the release makes it plain: its own (the
/// gazetteer's or its name's, `of_organization`, or one an earlier rule stated), else its
/// parent's through the nesting the release states, with the sentence of that nesting ("the
/// Polar Wing, a component of the Finnish Orbital Agency": Finland).
pub(crate) fn organization_nations(
    c: &Ctx<'_, '_>,
) -> HashMap<usize, (usize, Option<Range<usize>>)> {
    let mut nations: HashMap<usize, (usize, Option<Range<usize>>)> = c
        .org_nations
        .iter()
        .filter_map(|(&o, found)| found.map(|(n, _)| (c.ents.resolve(o), (n, None))))
        .collect();
    for r in c.facts.of(Predicate::Country) {
        let s = c.ents.resolve(r.subject);
        if let (Object::Entity(n), EntityType::Organization) = (&r.object, c.kind(s)) {
            nations.entry(s).or_insert((c.ents.resolve(*n), None));
        }
    }
    let parts: Vec<(usize, usize, Range<usize>)> = c
        .facts
        .of(Predicate::SubOrganizationOf)
        .filter_map(|r| match r.object {
            Object::Entity(p) => Some((
                c.ents.resolve(r.subject),
                c.ents.resolve(p),
                r.evidence.clone(),
            )),
            Object::Date(_) => None,
        })
        .collect();
    // Down the nesting, a level a round (a wing of a division of an air force).
    let mut changed = true;
    while changed {
        changed = false;
        for (child, parent, ev) in &parts {
            if nations.contains_key(child) {
                continue;
            }
            if let Some(&(n, _)) = nations.get(parent) {
                nations.insert(*child, (n, Some(ev.clone())));
                changed = true;
            }
        }
    }
    nations
}
