//! Coordinated lists of agents: "NASA, ESA and the U.S. Department of State", read forward
//! from a word ("signed by A and B") or backward from it ("A and B signed").

use super::context::{Ctx, View};
use crate::extract::EntityType;

/// The organizations and nations of a list that starts at word `at` (`forward`) or ends
/// just before it.
pub(crate) fn coordinated(c: &Ctx<'_, '_>, v: &View<'_>, at: usize, forward: bool) -> Vec<usize> {
    let words = &v.words;
    let joiner = |w: &str| matches!(w, "," | "and" | "the" | "its" | "both");
    let agents: Vec<_> = v
        .mentions
        .iter()
        .filter(|o| {
            !o.inside
                && matches!(
                    c.kind(o.entity),
                    EntityType::Organization | EntityType::Nation
                )
        })
        .collect();
    let mut out = Vec::new();
    if forward {
        let mut pos = at;
        loop {
            while pos < words.len() && joiner(&words[pos]) {
                pos += 1;
            }
            match agents.iter().find(|o| o.toks.start == pos) {
                Some(o) => {
                    out.push(o.entity);
                    pos = o.toks.end;
                    // "NASA (the agency)" or an acronym in parentheses.
                    if words.get(pos).map(String::as_str) == Some("(") {
                        pos = (pos..words.len())
                            .find(|&j| words[j] == ")")
                            .map_or(pos, |j| j + 1);
                    }
                }
                None => break,
            }
        }
    } else {
        let mut pos = at;
        loop {
            while pos > 0 && joiner(&words[pos - 1]) {
                pos -= 1;
            }
            if pos > 0 && words[pos - 1] == ")" {
                pos = (0..pos - 1).rev().find(|&j| words[j] == "(").unwrap_or(pos);
            }
            match agents.iter().find(|o| o.toks.end == pos) {
                Some(o) => {
                    out.push(o.entity);
                    pos = o.toks.start;
                }
                None => break,
            }
        }
    }
    out
}
