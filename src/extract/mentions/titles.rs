//! Agreements named by their formal titles, which name their parties: "the Agreement between
//! the Government of the Republic of Latvia and the Government of the Republic of Chile on
//! Cooperation in the Exploration and Use of Outer Space", "the Treaty of Friendship between
//! Latvia and Chile". The title is one agreement; the nations and bodies after "between" are
//! mentioned inside it (the `parties-between` rule makes them its signatories).

use super::{is_cap, past_parenthesis, span_text, Ctx, Head, Mention};
use crate::extract::tokens::Token;
use crate::extract::EntityType;
use crate::knowledge::{Cue, HeadKind};
use crate::text::{form_key, slug};
use std::ops::Range;

/// A title read in a sentence: its entity and the words before "between" ("Framework
/// Agreement"), the short form a release may use for it elsewhere.
pub(super) struct Title {
    pub entity: usize,
    pub head: String,
}

/// Whether words from `at` on open with a head word of agreements ("Agreement", "Treaty",
/// "Memorandum of Understanding"), within `end`.
fn agreement_head_at(ctx: &Ctx<'_, '_>, toks: &[Token], at: usize, end: usize) -> bool {
    let mut words = Vec::new();
    for t in &toks[at..end.min(at + 4)] {
        words.push(form_key(t.text(ctx.text)));
        if matches!(
            ctx.ex.lexicon.head_of(&words),
            Some((Head::Kind(HeadKind::Agreement), n)) if n == words.len()
        ) {
            return true;
        }
    }
    false
}

/// The first word of a title that ends just before `between`, if the words before it hold a
/// head word of agreements: capitalized words and the small words of titles ("of", "on",
/// "the" after them).
fn title_start(ctx: &Ctx<'_, '_>, toks: &[Token], between: usize) -> Option<usize> {
    let text = ctx.text;
    let mut s = between;
    while s > 0 {
        let w = toks[s - 1].text(text);
        let small =
            matches!(w, "of" | "on" | "in" | "for" | "and") && s >= 2 && is_cap(text, &toks[s - 2]);
        let article =
            w == "the" && s >= 2 && matches!(toks[s - 2].text(text), "of" | "on" | "in" | "for");
        if is_cap(text, &toks[s - 1]) || small || article {
            s -= 1;
        } else {
            break;
        }
    }
    // The title opens with its first head word and the capitalized words right before it
    // ("Framework Agreement", "Treaty of ..."), not with what the run held before ("Article
    // V of the Treaty ...").
    let head = (s..between).find(|&i| agreement_head_at(ctx, toks, i, between))?;
    let mut start = head;
    while start > s && is_cap(text, &toks[start - 1]) {
        start -= 1;
    }
    // "The Treaty of ..." at the start of a sentence: the article is no part of the name.
    while start < head && ctx.ex.lexicon.stopwords.contains(toks[start].text(text)) {
        start += 1;
    }
    Some(start)
}

/// The mentions of the parties after `between`: nations and bodies joined by "and" or
/// commas, each perhaps "the Government of" one. Returns their indices and the end of the
/// last.
fn parties(ctx: &Ctx<'_, '_>, si: usize, toks: &[Token], between: usize) -> (Vec<usize>, usize) {
    let text = ctx.text;
    let mut out = Vec::new();
    let mut pos = between + 1;
    let mut end = pos;
    loop {
        // "the Government of", "the": words before a party.
        let mut p = pos;
        while p < toks.len()
            && p < pos + 4
            && (matches!(toks[p].text(text), "the" | "of")
                || ctx
                    .ex
                    .kb
                    .has_cue(Cue::StandsForState, &[form_key(toks[p].text(text))]))
        {
            p += 1;
        }
        // The longest name there: "Latvian Space Agency", not the nation inside it.
        let hit = ctx.found.by_sentence[si]
            .iter()
            .copied()
            .filter(|&i| {
                let m = &ctx.found.mentions[i];
                (m.toks.start == p || m.toks.start == pos)
                    && !m.inside
                    && matches!(
                        ctx.ents.get(m.entity).kind,
                        EntityType::Nation | EntityType::Organization
                    )
            })
            .max_by_key(|&i| ctx.found.mentions[i].toks.len());
        let Some(i) = hit else { break };
        out.push(i);
        end = ctx.found.mentions[i].toks.end;
        // "the China National Space Administration (CNSA)": its acronym.
        end = past_parenthesis(text, toks, end);
        match toks.get(end).map(|t| t.text(text)) {
            Some("and" | ",") => pos = end + 1,
            _ => break,
        }
    }
    (out, end)
}

/// Where a title goes on after its parties: "on Cooperation in the Exploration and Use of
/// Outer Space": a word of its subject, then capitalized words and the small words between
/// them.
fn subject_end(ctx: &Ctx<'_, '_>, toks: &[Token], from: usize) -> usize {
    let text = ctx.text;
    if !toks
        .get(from)
        .is_some_and(|t| matches!(t.text(text), "on" | "concerning" | "regarding" | "for"))
        || !toks.get(from + 1).is_some_and(|t| is_cap(text, t))
    {
        return from;
    }
    let mut end = from + 1;
    let mut last_cap = from;
    while let Some(t) = toks.get(end) {
        let w = t.text(text);
        if is_cap(text, t) {
            last_cap = end;
        } else if !matches!(w, "of" | "on" | "in" | "for" | "and" | "the" | "to") {
            break;
        }
        end += 1;
    }
    last_cap + 1
}

/// Reads the agreement titles of a sentence that name their parties after "between".
pub(super) fn titled_agreements(ctx: &mut Ctx<'_, '_>, si: usize, toks: &[Token]) -> Vec<Title> {
    let text = ctx.text;
    let mut out = Vec::new();
    for b in 1..toks.len() {
        // The word as printed first: a form key costs an allocation per word.
        let raw = toks[b].text(text);
        let cue = ctx.ex.kb.is_cue_word(Cue::MemberAmong, raw)
            || (raw.starts_with(char::is_uppercase)
                && ctx.ex.kb.is_cue_word(Cue::MemberAmong, &form_key(raw)));
        if !cue {
            continue;
        }
        let Some(start) = title_start(ctx, toks, b) else {
            continue;
        };
        let (party_mentions, parties_end) = parties(ctx, si, toks, b);
        if party_mentions.len() < 2 {
            continue;
        }
        let end = subject_end(ctx, toks, parties_end);
        let name = span_text(text, toks, start..end);
        let span = toks[start].start..toks[end - 1].end;
        let key = format!("agreement/{}", slug(&name));
        if ctx.no_new && ctx.ents.by_key(&key).is_none() {
            continue;
        }
        let id = ctx
            .ents
            .add(EntityType::Agreement, &key, &name, &name, span.clone());
        absorb(ctx, si, start..end, id, &party_mentions);
        ctx.push(Mention::plain(si, id, span, start..end));
        // "the Gateway Treaty, formally the Memorandum of Understanding between ...": a title
        // in apposition to an agreement's name is that agreement's full name.
        if let Some(named) = apposed_agreement(ctx, si, toks, start) {
            ctx.ents.merge(id, named);
        }
        out.push(Title {
            entity: id,
            head: form_key(&span_text(text, toks, start..b)),
        });
    }
    out
}

/// Mentions inside a title's words: the parties are mentioned inside it; an agreement named
/// by its first words ("Framework Agreement") is the titled one; another name read across
/// its words ("Framework Agreement Between the Government") is part of the title.
fn absorb(ctx: &mut Ctx<'_, '_>, si: usize, title: Range<usize>, id: usize, parties: &[usize]) {
    for i in ctx.found.by_sentence[si].clone() {
        let m = &ctx.found.mentions[i];
        if m.toks.start < title.start || m.toks.end > title.end || m.entity == id {
            continue;
        }
        let other = m.entity;
        let kind = ctx.ents.get(other).kind;
        let only_here = ctx.ents.get(other).mentions.len() == 1;
        if !parties.contains(&i)
            && (kind == EntityType::Agreement
                || (only_here && !matches!(kind, EntityType::Nation | EntityType::Person)))
        {
            ctx.ents.merge(other, id);
        }
        ctx.found.mentions[i].inside = true;
    }
}

/// The agreement named just before a title in apposition: "<agreement>, [formally] the
/// <title>".
fn apposed_agreement(ctx: &Ctx<'_, '_>, si: usize, toks: &[Token], start: usize) -> Option<usize> {
    let text = ctx.text;
    let mut j = start;
    if j > 0 && toks[j - 1].text(text) == "the" {
        j -= 1;
    }
    // "formally", "officially": an adverb of naming.
    if j > 0 && {
        let w = toks[j - 1].text(text);
        w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
    } {
        j -= 1;
    }
    if j == 0 || toks[j - 1].text(text) != "," {
        return None;
    }
    let comma = j - 1;
    ctx.found.by_sentence[si]
        .iter()
        .map(|&i| &ctx.found.mentions[i])
        .find(|m| m.toks.end == comma && ctx.ents.get(m.entity).kind == EntityType::Agreement)
        .map(|m| ctx.ents.resolve(m.entity))
}

/// A title whose first words are the end of another agreement's name in the release
/// ("Framework Agreement Between ..." and the "U.S.-Japan Space Framework Agreement") is
/// that agreement, when one alone fits.
pub(super) fn merge_short_forms(ents: &mut crate::extract::Entities, titles: &[Title]) {
    for t in titles {
        let id = ents.resolve(t.entity);
        if t.head.split(' ').count() < 2 {
            continue;
        }
        let fits: Vec<usize> = ents
            .ids()
            .filter(|&o| o != id && ents.get(o).kind == EntityType::Agreement)
            .filter(|&o| {
                let name = form_key(&ents.get(o).name);
                name == t.head || name.ends_with(&format!(" {}", t.head))
            })
            .collect();
        if let [one] = fits.as_slice() {
            ents.merge(id, *one);
        }
    }
}
