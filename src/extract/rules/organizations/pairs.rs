//! Two organizations named in one sentence, the second after the first, with the words
//! between them: what the organization rules over pairs read.

use super::super::context::{Ctx, View};
use super::super::PAIR_WINDOW;
use crate::extract::mentions::Mention;
use crate::extract::EntityType;

/// Two organizations of a sentence and what is printed between them.
pub(crate) struct Pair<'v> {
    pub a: &'v Mention,
    pub b: &'v Mention,
    /// The words between them (at most twelve).
    pub between: &'v [String],
}

/// The mentions at `i` and `j` as a pair of distinct organizations, neither inside another
/// name, the second after the first and at most `PAIR_WINDOW` words apart ("Space Force"
/// inside a longer run has nothing between).
pub(crate) fn organizations<'v>(
    c: &Ctx<'_, '_>,
    v: &'v View<'_>,
    i: usize,
    j: usize,
) -> Option<Pair<'v>> {
    let (a, b) = (&v.mentions[i], &v.mentions[j]);
    let orgs = c.kind(a.entity) == EntityType::Organization
        && c.kind(b.entity) == EntityType::Organization;
    if !orgs || a.inside || b.inside || a.entity == b.entity || b.toks.start < a.toks.end {
        return None;
    }
    let between = &v.words[a.toks.end..b.toks.start];
    (between.len() <= PAIR_WINDOW).then_some(Pair { a, b, between })
}

/// Whether the words between two organizations nest the first in the second: "of the",
/// "at the", "of" or "at", after the first's acronym in parentheses if it prints one ("the
/// Space Office of the Ministry of Foreign Affairs", "the Laboratory for Orbital Physics
/// (LOP) at the University of Tromsø").
pub(crate) fn nests(between: &[String]) -> bool {
    let rest = match between {
        [open, _, close, rest @ ..] if open == "(" && close == ")" => rest,
        _ => between,
    };
    let joins = |w: &String| w == "of" || w == "at";
    match rest {
        [w] => joins(w),
        [w, the] => joins(w) && the == "the",
        _ => false,
    }
}
