//! Posts printed around a person's name: which post a phrase names and whether it heads its
//! organization, and the entities printed before the name in the same run of names.

use super::super::context::{word_before_name, Ctx, View};
use crate::extract::mentions::Mention;
use crate::extract::EntityType;
use std::ops::Range;

/// The post a phrase names and whether it heads its organization: the longest known post
/// phrase, a deputy/assistant form demoting it to membership.
pub(crate) fn post_meaning(c: &Ctx<'_, '_>, words: &[String]) -> Option<bool> {
    let lex = &c.ex.lexicon;
    let mut best: Option<(usize, bool)> = None;
    for i in 0..words.len() {
        for j in (i + 1..=words.len().min(i + 4)).rev() {
            if let Some(h) = lex.post_key(&words[i..j].join(" ")) {
                if best.is_none_or(|(n, _)| j - i > n) {
                    best = Some((j - i, h));
                }
                break;
            }
        }
    }
    best.map(|(_, h)| h)
}

/// The entities of `kind` printed before a person's name in the same run ("NASA" in "NASA
/// Administrator Bill Nelson").
pub(crate) fn printed_before(c: &Ctx<'_, '_>, m: &Mention, kind: EntityType) -> Vec<usize> {
    m.prefix
        .iter()
        .map(|&x| c.ents.resolve(x))
        .filter(|&x| c.kind(x) == kind)
        .collect()
}

/// The person mentioned at `mi`, if it is a person.
pub(crate) fn person_at<'v>(c: &Ctx<'_, '_>, ms: &'v [Mention], mi: usize) -> Option<&'v Mention> {
    ms.get(mi)
        .filter(|m| c.kind(m.entity) == EntityType::Person)
}

/// The nation a post printed in `words` is "of", before any comma: "Minister of Science of
/// the Republic of Chile" (Chile), not "Ambassador to Chile" nor "director of X, then in
/// Chile". Its entity, as mentioned in the view.
pub(crate) fn nation_of_post(c: &Ctx<'_, '_>, v: &View<'_>, words: Range<usize>) -> Option<usize> {
    v.mentions.iter().find_map(|n| {
        if n.inside
            || c.kind(n.entity) != EntityType::Nation
            || n.toks.start <= words.start
            || n.toks.end > words.end
        {
            return None;
        }
        let before = &v.words[words.start..n.toks.start];
        let of = word_before_name(before) == Some("of");
        (of && !before.iter().any(|x| x == ",")).then_some(n.entity)
    })
}
