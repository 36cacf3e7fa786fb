//! "that framework", "the memorandum", "this agreement": the agreement of the sentences
//! before whose name ends with the head word the determiner points to.

use super::super::context::{Ctx, View};
use crate::extract::mentions::Head;
use crate::extract::EntityType;
use crate::knowledge::HeadKind;
use crate::text::form_key;

/// The agreement sentence `v` refers back to with a determiner and an agreement's head word.
pub(crate) fn referred_programme(c: &Ctx<'_, '_>, v: &View<'_>) -> Option<usize> {
    let words = &v.words;
    let at = (1..words.len()).find(|&i| {
        matches!(words[i - 1].as_str(), "that" | "this" | "the")
            && !c.quoted_at(v, i)
            && v.raw(c.text, i)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && c.ex
                .lexicon
                .head_of(&words[i..i + 1])
                .is_some_and(|(h, _)| matches!(h, Head::Kind(HeadKind::Agreement)))
    })?;
    let head = &words[at];
    c.views[..v.si]
        .iter()
        .rev()
        .flat_map(|w| w.mentions.iter().rev())
        .map(|m| m.entity)
        .find(|&e| {
            c.kind(e) == EntityType::Agreement
                && form_key(&c.ents.get(e).name)
                    .split(' ')
                    .any(|w| w == head || w.strip_suffix('s') == Some(head))
        })
}
