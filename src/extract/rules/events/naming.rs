//! Naming events without a proper name from what the release states of them: "Signing of
//! Polar Data Accord at Tromsø, 2025-05-05". Runs after every rule; states no facts.

use super::super::context::Ctx;
use super::super::Reads;
use crate::extract::{EntityType, Object, Predicate};

/// The name naming reads facts under (it states none).
pub(crate) const NAME: &str = "event naming";

/// What naming reads: facts of every rule before it.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const READS: &[Reads] = &[
    Reads::Facts(Predicate::Agreement),
    Reads::Facts(Predicate::Host),
    Reads::Facts(Predicate::Participant),
    Reads::Facts(Predicate::Location),
    Reads::Facts(Predicate::Date),
];

/// Names each unnamed event: its class's label, then its agreement (else its host or a
/// participant), its place and its date.
pub(crate) fn name_unnamed_events(c: &mut Ctx<'_, '_>) {
    c.facts.rule = NAME;
    let ids: Vec<usize> = c
        .ents
        .ids()
        .filter(|&i| c.ents.get(i).kind == EntityType::Event && c.ents.get(i).unnamed)
        .collect();
    for e in ids {
        let class = c.ents.get(e).event_class.clone().unwrap_or_default();
        let label =
            c.ex.kb
                .event_class(&class)
                .map(|k| k.label.clone())
                .unwrap_or_else(|| "Event".into());
        let first = |p: Predicate| {
            c.facts
                .of(p)
                .find_map(|r| match (&r.object, r.subject == e) {
                    (Object::Entity(o), true) => Some(c.ents.get(*o).name.clone()),
                    _ => None,
                })
        };
        let mut name = label;
        if let Some(a) = first(Predicate::Agreement) {
            name.push_str(&format!(" of {a}"));
        } else if let Some(p) = first(Predicate::Host).or_else(|| first(Predicate::Participant)) {
            name.push_str(&format!(" with {p}"));
        }
        if let Some(l) = first(Predicate::Location) {
            name.push_str(&format!(" at {l}"));
        }
        if let Some(d) = c.facts.date_of(e) {
            name.push_str(&format!(", {d}"));
        }
        c.ents.get_mut(e).name = name;
    }
}
