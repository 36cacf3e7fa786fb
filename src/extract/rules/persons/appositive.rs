//! The appositive after a person's name that names a post: ", commander of Y, Z and W,",
//! ", ESA Director", also after "of the Y" ("Ida Moe of the Arctic Space Wing, commander of
//! ..."). It runs to the end of the post's phrase: lowercase words end it unless they are
//! the small words of titles, a post, or words describing a post just printed.

use super::super::context::{Ctx, View};
use super::posts::post_meaning;
use crate::extract::EntityType;
use std::ops::Range;

/// A post appositive after a name.
pub(crate) struct Appositive {
    /// Its words (after the comma).
    pub window: Range<usize>,
    /// Whether the post it names heads its organization.
    pub heads: bool,
    /// Where the post is printed in it.
    pub post_at: Option<Range<usize>>,
}

/// The post appositive after the person mentioned at `mi`, if one follows the name.
pub(crate) fn after_name(c: &Ctx<'_, '_>, v: &View<'_>, mi: usize) -> Option<Appositive> {
    let (ms, words) = (&v.mentions, &v.words);
    let toks = &v.sentence.tokens;
    let m = &ms[mi];
    let p = m.entity;
    let mut after = m.toks.end;
    if words.get(after).map(String::as_str) == Some("of") {
        if let Some(o) = ms.iter().skip(mi + 1).find(|o| {
            !o.inside
                && c.kind(o.entity) == EntityType::Organization
                && (o.toks.start == after + 1
                    || (o.toks.start == after + 2 && words[after + 1] == "the"))
        }) {
            if words.get(o.toks.end).map(String::as_str) == Some(",") {
                after = o.toks.end;
            }
        }
    }
    if toks.get(after).map(|t| t.text(c.text)) != Some(",") {
        return None;
    }
    // Where other persons' names start: one ends the appositive.
    let others: std::collections::HashSet<usize> = ms
        .iter()
        .filter(|o| c.kind(o.entity) == EntityType::Person && o.entity != p)
        .map(|o| o.toks.start)
        .collect();
    let lex = &c.ex.lexicon;
    // Whether a post phrase lies in the words read so far (kept as the window grows).
    let mut post_seen = false;
    let mut end = after + 1;
    // An appositive is a phrase, not a paragraph: 40 words at most.
    while end < toks.len().min(after + 41) {
        let w = toks[end].text(c.text);
        // "(USFJ)": an acronym inside the appositive.
        if w == "(" {
            match (end + 1..(end + 6).min(toks.len())).find(|&k| toks[k].text(c.text) == ")") {
                Some(close) => {
                    end = close + 1;
                    continue;
                }
                None => break,
            }
        }
        if matches!(w, ";" | "." | "“" | "”") {
            break;
        }
        let lw = &words[end];
        // ", and" starts the next item of a list.
        if lw == "and" && end > 0 && words[end - 1] == "," {
            break;
        }
        // The comma that closes the appositive: after a post, a comma before a lowercase
        // word that is no post ("X, Minister of Y of Thailand, signed ...", "..., who").
        if post_seen && lw == "," {
            let next = toks.get(end + 1).map(|t| t.text(c.text));
            if next.is_some_and(|n| {
                n.chars().next().is_some_and(char::is_lowercase)
                    && lex.post_key(&words[end + 1]).is_none()
                    && !matches!(words[end + 1].as_str(), "and" | "the")
            }) {
                break;
            }
        }
        // "X, was hosted by the President of Y": a passive verb after the comma goes on
        // with the sentence, and the post after "by" is its agent's ("X, has been named
        // commander of Y" still gives X's post).
        if !post_seen
            && matches!(lw.as_str(), "was" | "were" | "is" | "are")
            && (end + 1..(end + 4).min(words.len())).any(|k| words[k] == "by")
        {
            break;
        }
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let allowed = matches!(
            lw.as_str(),
            "of" | "for" | "at" | "the" | "and" | "in" | "to" | "'s" | "a" | "an" | "its" | "then"
        ) || lex.post_key(lw).is_some()
            || lw == ",";
        // Adjectives before the post ("a senior British Army officer").
        let post_ahead = (end + 1..(end + 6).min(toks.len()))
            .take_while(|&k| !matches!(words[k].as_str(), "," | ";" | "."))
            .any(|k| lex.post_key(&words[k]).is_some());
        // After the post, lowercase words still describe it ("director of space at the
        // Ministry of Defence"), up to the comma that closes the appositive.
        if lower && !allowed && !post_ahead && !post_seen {
            break;
        }
        // Another person ends the appositive.
        if others.contains(&end) {
            break;
        }
        end += 1;
        post_seen = post_seen
            || (end.saturating_sub(4).max(after + 1)..end)
                .any(|i| lex.post_key(&words[i..end].join(" ")).is_some());
    }
    let window = after + 1..end;
    let heads = post_meaning(c, &words[window.clone()])?;
    // Where the post is printed in the appositive: the organization it heads follows "of"
    // ("commander of Y and Z") or precedes a post that ends the phrase ("USSPACECOM
    // commander,"); "USSPACECOM director of strategy" and "Director General of Y at Z" serve
    // the organization, they do not head it.
    let post_at = window.clone().find_map(|i| {
        (i + 1..=(i + 4).min(window.end))
            .rev()
            .find(|&j| lex.post_key(&words[i..j].join(" ")).is_some())
            .map(|j| i..j)
    });
    Some(Appositive {
        window,
        heads,
        post_at,
    })
}
