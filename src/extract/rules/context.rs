//! What every rule works on: the release, its sentences as the rules see them (`View`: the
//! mentions outside quotations with their entities resolved, and the words as form keys,
//! computed once per sentence), the entities, and the facts stated so far.

use super::facts::Facts;
use crate::date::{find_dates, Date};
use crate::extract::mentions::{Found, Mention};
use crate::extract::quotation::quote_ranges;
use crate::extract::{Entities, EntityType, Extractor, Metadata, Sentence};
use crate::knowledge::Organization;
use crate::reading::Release;
use crate::text::form_key;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// A sentence as the rules see it.
pub(crate) struct View<'a> {
    /// Its index among the release's sentences.
    pub si: usize,
    pub sentence: &'a Sentence,
    /// The sentence's byte range: the evidence of every fact it states.
    pub span: Range<usize>,
    /// Its mentions outside quotations, entities resolved, in text order.
    pub mentions: Vec<Mention>,
    /// Its tokens as form keys ("U.S." -> "u s", "’s" -> "'s").
    pub words: Vec<String>,
}

impl View<'_> {
    /// The token at `i` as printed.
    pub fn raw<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.sentence.tokens[i].text(text)
    }
}

pub(crate) struct Ctx<'a, 'k> {
    pub ex: &'a Extractor<'k>,
    pub text: &'a str,
    pub release: &'a Release,
    pub found: &'a Found,
    pub metadata: &'a Metadata,
    /// Every sentence of the release, as the rules see it.
    pub views: &'a [View<'a>],
    pub ents: &'a mut Entities,
    pub facts: Facts,
    /// Quotations of the body: names inside them state nothing.
    pub quotes: Vec<Range<usize>>,
    /// The date relative dates count from (`reference_date`), computed once per release.
    pub reference: Option<Date>,
    /// The nation entity of each organization and whether its own name prints the nation,
    /// as the countries rules first read them (`countries::nations`).
    pub org_nations: HashMap<usize, Option<(usize, bool)>>,
}

/// The views of a release's sentences.
pub(crate) fn views<'a>(
    text: &str,
    sentences: &'a [Sentence],
    found: &Found,
    ents: &Entities,
    quotes: &[Range<usize>],
) -> Vec<View<'a>> {
    sentences
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let mut mentions: Vec<Mention> = found
                .in_sentence(si)
                .filter(|m| !quotes.iter().any(|q| q.contains(&m.span.start)))
                .cloned()
                .map(|mut m| {
                    m.entity = ents.resolve(m.entity);
                    m
                })
                .collect();
            mentions.sort_by_key(|m| m.span.start);
            View {
                si,
                sentence: s,
                span: s.span.clone(),
                mentions,
                words: s.tokens.iter().map(|t| form_key(t.text(text))).collect(),
            }
        })
        .collect()
}

/// The quotations of a release's body.
pub(crate) fn quotations(release: &Release) -> Vec<Range<usize>> {
    quote_ranges(&release.content, &release.paragraphs)
}

/// The date relative dates count from: the release's, else the first full date its text
/// prints outside quotations ("signed on Tuesday, April 9, 2024 ... On April 10").
pub(crate) fn reference_date(release: &Release, quotes: &[Range<usize>]) -> Option<Date> {
    release.published.or_else(|| {
        find_dates(&release.content, None)
            .into_iter()
            .find(|d| !quotes.iter().any(|q| q.contains(&d.start)))
            .map(|d| d.date)
    })
}

/// Nations, organizations and persons: the bodies that act.
pub(crate) fn is_agent(k: EntityType) -> bool {
    matches!(
        k,
        EntityType::Nation | EntityType::Organization | EntityType::Person
    )
}

/// The word that introduces a name printed after `before`, past its article: "of" in "...
/// Minister of the" (before "Republic of Chile"), "at" in "a ceremony at".
pub(crate) fn word_before_name(before: &[String]) -> Option<&str> {
    match before {
        [.., w, the] if the == "the" => Some(w),
        [.., w] => Some(w),
        [] => None,
    }
}

impl<'k> Ctx<'_, 'k> {
    /// Where the dateline ends: the dash after its place ("OSLO, Norway (May 2, 2025) --").
    pub(crate) fn dateline_end(&self) -> Option<usize> {
        let d = self.release.dateline.as_ref()?;
        let from = d.place_span.end;
        let window = self.text.get(from..(from + 120).min(self.text.len()))?;
        ["--", "–", "—"]
            .iter()
            .filter_map(|dash| window.find(dash).map(|i| from + i))
            .min()
    }

    /// Whether a byte offset stands inside a quotation.
    pub fn quoted(&self, pos: usize) -> bool {
        self.quotes.iter().any(|q| q.contains(&pos))
    }

    /// Whether the token at `i` of a sentence stands inside a quotation.
    pub(crate) fn quoted_at(&self, v: &View<'_>, i: usize) -> bool {
        self.quoted(v.sentence.tokens[i].start)
    }

    /// Whether a hedge ("plans", "may", "considering") stands among the five words before
    /// word `at` ("is considering signing", "plans to join"); one further back ("While
    /// advancing plans for lunar exploration, NASA ... signed") hedges nothing. Hedges are
    /// lowercase words: "May" is the month.
    pub(crate) fn hedged_before(&self, v: &View<'_>, at: usize) -> bool {
        let toks = &v.sentence.tokens;
        (at.saturating_sub(5)..at.min(toks.len()))
            .any(|i| self.ex.kb.hedges.contains(toks[i].text(self.text)))
    }

    pub fn kind(&self, id: usize) -> EntityType {
        self.ents.get(id).kind
    }

    /// Whether a mention is the dateline's place or region ("OSAN AIR BASE, Republic of
    /// Korea").
    pub(crate) fn in_dateline(&self, m: &Mention) -> bool {
        self.release.dateline.as_ref().is_some_and(|d| {
            d.place_span.contains(&m.span.start)
                || d.region_span
                    .as_ref()
                    .is_some_and(|r| r.contains(&m.span.start))
        })
    }

    /// The sentence that holds a byte offset.
    pub(crate) fn sentence_of(&self, pos: usize) -> Range<usize> {
        self.views
            .iter()
            .find(|v| v.span.contains(&pos))
            .map(|v| v.span.clone())
            .unwrap_or(pos..pos)
    }

    /// The gazetteer's organization that entity `id` is, if it is a known one.
    pub(crate) fn known_organization(&self, id: usize) -> Option<&'k Organization> {
        self.ents
            .get(id)
            .key
            .strip_prefix("org/")
            .and_then(|k| self.ex.kb.organization_by_id(k))
    }

    /// The sentence of an entity's first mention: the evidence of what its names state.
    pub(crate) fn first_sentence_of(&self, id: usize) -> Range<usize> {
        self.ents
            .get(id)
            .mentions
            .first()
            .map(|m| self.sentence_of(m.start))
            .unwrap_or(0..0)
    }

    /// The entities `s` relates to by `p` in facts that sentence `ev` states, resolved.
    pub(crate) fn stated_in(
        &self,
        s: usize,
        p: crate::extract::Predicate,
        ev: &Range<usize>,
    ) -> Vec<usize> {
        self.facts
            .of(p)
            .filter(|r| r.subject == s && r.evidence == *ev)
            .filter_map(|r| match r.object {
                crate::extract::Object::Entity(o) => Some(self.ents.resolve(o)),
                _ => None,
            })
            .collect()
    }

    /// The organizations that persons head or serve according to sentence `ev`.
    pub(crate) fn affiliations(&self, ev: &Range<usize>) -> HashSet<usize> {
        self.facts
            .with(&[
                crate::extract::Predicate::Heads,
                crate::extract::Predicate::MemberOf,
            ])
            .filter(|r| r.evidence == *ev)
            .filter_map(|r| match r.object {
                crate::extract::Object::Entity(o) => Some(self.ents.resolve(o)),
                _ => None,
            })
            .collect()
    }
}
