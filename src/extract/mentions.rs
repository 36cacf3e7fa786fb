//! Names in sentences. A sentence's runs of capitalized words ("U.S. Space Force Chief of
//! Space Operations Gen. Chance Saltzman") are split into known forms (nations, known
//! organizations, places, ranks, civil titles) and unknown words; the unknown words are
//! typed by the ontology's head words ("... Talks" is an event, "... Command" an
//! organization), by what precedes them (a rank or title makes a person) or by what
//! follows them (", commander of ...", "said").

use super::entities::last_name;
use super::tokens::{Token, TokenKind};
use super::{EntityType, Extractor, Metadata, Sentence};
use crate::knowledge::{Cue, Entry, HeadKind, Knowledge, NationForm, TitleKind};
use crate::reading::Release;
use crate::text::form_key;
use crate::text::slug;
use std::collections::HashMap;
use std::ops::Range;

mod titles;

/// What ends a name of a given type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Head {
    Kind(HeadKind),
    Event(String),
}

/// Head words and triggers compiled from the ontology, and the word lists used to read
/// names.
pub(crate) struct Lexicon {
    /// form_key of a head phrase -> what it makes; longest first when matching.
    heads: HashMap<String, Head>,
    max_head_words: usize,
    /// form_key of a trigger phrase -> event class IRI.
    pub triggers: Vec<(Vec<String>, String)>,
    /// Lowercase post phrase -> whether it means heading the organization.
    pub posts: HashMap<String, bool>,
    pub stopwords: std::collections::HashSet<String>,
}

impl Lexicon {
    pub fn new(kb: &Knowledge) -> Self {
        let mut heads = HashMap::new();
        for (kind, words) in &kb.head_words {
            for w in words {
                heads.insert(form_key(w), Head::Kind(*kind));
            }
        }
        let mut triggers = Vec::new();
        for c in &kb.event_classes {
            for h in &c.head_words {
                // A more specific class wins over its parent for the same head.
                heads.insert(form_key(h), Head::Event(c.iri.clone()));
            }
            for t in &c.triggers {
                // "data-sharing" is one token whose key is "data sharing"; the text may also
                // print it as two words. Both spellings match.
                let as_tokens: Vec<String> = t.split_whitespace().map(form_key).collect();
                let as_words: Vec<String> = form_key(t).split(' ').map(str::to_string).collect();
                if as_tokens != as_words {
                    triggers.push((as_tokens, c.iri.clone()));
                }
                triggers.push((as_words, c.iri.clone()));
            }
        }
        // Longest trigger first.
        triggers.sort_by_key(|t: &(Vec<String>, String)| std::cmp::Reverse(t.0.len()));
        let max_head_words = heads
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Self {
            heads,
            max_head_words,
            triggers,
            posts: kb.posts.clone(),
            stopwords: kb.stopwords.clone(),
        }
    }

    /// Whether an organization's head word ends some of the first words of `words` (form
    /// keys): "Department of Defense", "Space Command Public Affairs".
    pub(crate) fn holds_organization_head(&self, words: &[String]) -> bool {
        (1..=words.len()).any(|k| {
            matches!(
                self.head_of(&words[..k]),
                Some((Head::Kind(HeadKind::Organization), _))
            )
        })
    }

    /// What the last words of `words` (form keys) make, and how many words the head has.
    pub(crate) fn head_of(&self, words: &[String]) -> Option<(Head, usize)> {
        for n in (1..=self.max_head_words.min(words.len())).rev() {
            let phrase = words[words.len() - n..].join(" ");
            if let Some(h) = self.heads.get(&phrase) {
                return Some((h.clone(), n));
            }
            // Plurals: "Centers", "Commands".
            if let Some(stem) = phrase.strip_suffix('s') {
                if let Some(h) = self.heads.get(stem) {
                    return Some((h.clone(), n));
                }
            }
        }
        None
    }

    /// Whether a lowercase phrase is a post, and whether the post heads its organization.
    pub fn post(&self, phrase: &str) -> Option<bool> {
        self.posts.get(&form_key(phrase)).copied()
    }

    /// As `post`, for a phrase already made of form keys (the rules' words).
    pub(crate) fn post_key(&self, key: &str) -> Option<bool> {
        self.posts.get(key).copied()
    }
}

/// A mention of an entity in a sentence, with what printed before it.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub sentence: usize,
    pub entity: usize,
    pub span: Range<usize>,
    /// Token range in the sentence.
    pub toks: Range<usize>,
    /// First token of the rank and titles printed before a person's name (else
    /// `toks.start`).
    pub lead: usize,
    /// Person: civil titles / posts printed before the name ("Administrator").
    pub titles: Vec<String>,
    /// Entities printed right before, in the same run of names ("NASA" in "NASA
    /// Administrator Bill Nelson", "U.S." in "U.S. Space Force").
    pub prefix: Vec<usize>,
    /// Inside another entity's name (a nation inside "U.S. Space Force").
    pub inside: bool,
}

impl Mention {
    /// A mention of its tokens alone: no rank, title or name printed before it.
    fn plain(sentence: usize, entity: usize, span: Range<usize>, toks: Range<usize>) -> Self {
        Mention {
            sentence,
            entity,
            lead: toks.start,
            span,
            toks,
            titles: Vec::new(),
            prefix: Vec::new(),
            inside: false,
        }
    }
}

/// Every mention, by sentence.
#[derive(Debug, Default)]
pub struct Found {
    pub mentions: Vec<Mention>,
    pub by_sentence: Vec<Vec<usize>>,
    /// Compound nation forms ("US-Japan"): the nations joined, with the sentence.
    pub compounds: Vec<(usize, Vec<usize>)>,
    /// Editions of a series: (event, the series initiative).
    pub series: Vec<(usize, usize)>,
}

impl Found {
    pub(crate) fn in_sentence(&self, s: usize) -> impl Iterator<Item = &Mention> {
        self.by_sentence
            .get(s)
            .into_iter()
            .flatten()
            .map(move |&i| &self.mentions[i])
    }
}

#[derive(Debug, Clone)]
enum Seg {
    Known(Vec<Entry>),
    Local(usize),
    Compound(Vec<(Entry, String)>),
    Word,
    Connector,
}

fn is_cap(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word
        && strip_then(t.text(text))
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// "then-Minister for Foreign Affairs": the title a person held then, read as the title.
fn strip_then(word: &str) -> &str {
    word.strip_prefix("then-")
        .or_else(|| word.strip_prefix("then‑"))
        .unwrap_or(word)
}

fn is_year(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Number && t.text(text).len() == 4
}

/// "Northern Watch 24", "Pitch Black 25": an edition's two-digit year after a name (not a
/// day after a month).
fn is_edition(text: &str, toks: &[Token], at: usize) -> bool {
    let t = &toks[at];
    t.kind == TokenKind::Number
        && t.text(text).len() == 2
        && at > 0
        && crate::date::month_number(toks[at - 1].text(text)).is_none()
}

fn is_ordinal(text: &str, t: &Token) -> bool {
    let s = t.text(text);
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && (s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th"))
}

/// Runs of capitalized words (with connectors and numbers inside) in a sentence, as token
/// index ranges.
fn cap_runs(kb: &Knowledge, lex: &Lexicon, text: &str, toks: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "3 Canadian Space Division", "7 Wing": a unit's number opens its name.
        let cardinal = toks[i].kind == TokenKind::Number
            && toks[i].text(text).len() <= 3
            && !(i > 0 && matches!(toks[i - 1].text(text), "," | "–" | "-"))
            // "a Sept. 22 Polar Institute event": the day of a date.
            && !(i > 0 && crate::date::month_number(toks[i - 1].text(text)).is_some());
        let starts = is_cap(text, &toks[i])
            || ((is_ordinal(text, &toks[i]) || is_year(text, &toks[i]) || cardinal)
                && toks.get(i + 1).is_some_and(|n| is_cap(text, n)));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while let Some(t) = toks.get(end) {
            let s = t.text(text);
            if is_cap(text, t) || is_ordinal(text, t) {
                end += 1;
            } else if t.kind == TokenKind::Number
                && s.len() <= 3
                && (end - start >= 2 || toks[end - 1].text(text) == "No.")
                && unit_number_after(lex, text, &toks[end - 1])
                && toks
                    .get(end + 1)
                    .is_none_or(|n| crate::date::month_number(n.text(text)).is_none())
            {
                // "Space Delta 4", "Task Force 99", "No. 62 Squadron": a unit's number after
                // its head word (or "No.") goes on naming it; not a short form's ("a Delta 4
                // mission brief").
                end += 1;
            } else if (is_year(text, t) || is_edition(text, toks, end)) && end > start {
                end += 1;
                break;
            } else if kb.is_cue_word(Cue::NameConnector, s)
                && toks.get(end + 1).is_some_and(|n| is_cap(text, n))
                && !(s == "the" && end == start)
                && !person_after_and(kb, lex, text, toks, end)
                && !body_after_and(lex, text, toks, start, end)
            {
                end += 1;
            } else if s == "on"
                && toks.get(end + 1).is_some_and(|n| {
                    let w = n.text(text);
                    is_cap(text, n)
                        && crate::date::month_number(w).is_none()
                        && !crate::date::is_weekday(w)
                })
                && on_names_subject(lex, text, &toks[end - 1])
            {
                // "Comprehensive Dialogue on Space", "Working Group on Civil Space
                // Cooperation": "on" after a head word of events and bodies goes on naming.
                end += 1;
            } else if (matches!(s, "of" | "for")
                || (s == "on" && on_names_subject(lex, text, &toks[end - 1])))
                && toks.get(end + 1).is_some_and(|n| n.text(text) == "the")
                && toks.get(end + 2).is_some_and(|n| is_cap(text, n))
            {
                // "Great Hall of the People", "Ministry of the Armed Forces".
                end += 2;
            } else if s == ","
                && (listed_name_with_acronym(text, toks, start, end)
                    || listed_name_of_words(kb, lex, text, toks, start, end))
            {
                // "Ministry of Education, Culture, Sports, Science and Technology (MEXT)",
                // "Department of Industry, Science and Resources".
                end += 1;
            } else if matches!(s, "’" | "'")
                && end > start
                && toks[end - 1].text(text).ends_with('s')
                && toks[end - 1].end == t.start
                && toks.get(end + 1).is_some_and(|n| is_cap(text, n))
            {
                // A plural possessive inside a name: "Defence Ministers’ Meeting".
                end += 1;
            } else if matches!(s, "“" | "\"")
                && toks.get(end + 1).is_some_and(|n| is_cap(text, n))
                && toks
                    .get(end + 2)
                    .is_some_and(|q| matches!(q.text(text), "”" | "\""))
                && toks.get(end + 3).is_some_and(|n| is_cap(text, n))
            {
                // A nickname in quotes inside a name: John W. “Jay” Raymond.
                end += 3;
            } else {
                break;
            }
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// Whether a unit's number may follow `before`: "No." or an organization's head word
/// ("Delta", "Force").
fn unit_number_after(lex: &Lexicon, text: &str, before: &Token) -> bool {
    let w = before.text(text);
    w == "No." || lex.holds_organization_head(&[form_key(w)])
}

/// Whether "and" at `at` is followed by a person's given name and surname that end the
/// run ("the ROK Ministry of Foreign Affairs and Frank Rose"): a list, not one name.
fn person_after_and(kb: &Knowledge, lex: &Lexicon, text: &str, toks: &[Token], at: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let first = word(at + 1);
    let last = word(at + 2);
    // A given name the list knows, or two words a post follows after a comma ("Frank
    // Rose, US Assistant Secretary of State").
    let post_follows = word(at + 3) == ","
        && (at + 4..toks.len().min(at + 8)).any(|k| {
            kb.lookup(word(k))
                .iter()
                .any(|e| matches!(e, Entry::Title(_) | Entry::Rank(_)))
        });
    word(at) == "and"
        && (kb.given_names.contains(first) || post_follows)
        && first.chars().skip(1).any(char::is_lowercase)
        && toks.get(at + 2).is_some_and(|t| is_cap(text, t))
        && unclaimed_name(kb, first, last)
        && !toks.get(at + 3).is_some_and(|t| is_cap(text, t))
        // "... and Readiness Command, met Col. X": a head word ends a body's name.
        && lex.head_of(&[form_key(last)]).is_none()
}

/// Whether "and" at `at` is followed by another body's head word, after a run that holds a
/// head word of its own ("the Ministry of Defence and Ministry of Trade"): two bodies.
fn body_after_and(lex: &Lexicon, text: &str, toks: &[Token], start: usize, at: usize) -> bool {
    and_before_body_head(lex, text, toks, at)
        && toks[start..at]
            .iter()
            .any(|t| lex.holds_organization_head(&[form_key(t.text(text))]))
}

/// Whether the token at `at` is "and" and a capitalized organization's head word follows it
/// ("... and Ministry of Trade").
fn and_before_body_head(lex: &Lexicon, text: &str, toks: &[Token], at: usize) -> bool {
    toks[at].text(text) == "and"
        && toks.get(at + 1).is_some_and(|t| {
            is_cap(text, t) && lex.holds_organization_head(&[form_key(t.text(text))])
        })
}

/// Whether the comma at `comma` continues a name of the form "Head of A, B, C and D
/// (ACRONYM)": the run so far holds "of" or "for", and capitalized words, commas and one
/// "and" lead from the comma to an acronym in parentheses.
fn listed_name_with_acronym(text: &str, toks: &[Token], start: usize, comma: usize) -> bool {
    let has_of = toks[start..comma]
        .iter()
        .any(|t| matches!(t.text(text), "of" | "for"));
    if !has_of {
        return false;
    }
    let mut saw_and = false;
    for (k, t) in toks.iter().enumerate().skip(comma + 1).take(16) {
        let w = t.text(text);
        if w == "(" {
            return saw_and
                && toks.get(k + 2).is_some_and(|c| c.text(text) == ")")
                && toks.get(k + 1).is_some_and(|a| {
                    let a = a.text(text);
                    a.chars().filter(|c| c.is_uppercase()).count() >= 2
                });
        }
        if w == "and" {
            saw_and = true;
        } else if !(w == "," || is_cap(text, t)) {
            return false;
        }
    }
    false
}

/// Whether the comma at `comma` continues a body's name of the form "Head of A, B and C"
/// with no acronym after it ("Department of Industry, Science and Resources", "Bureau of
/// Arms Control, Deterrence and Stability"): the run so far is a head word of bodies then
/// "of" or "for", and from the comma on stand single capitalized words the gazetteer does
/// not know, separated by commas, then "and" and one or two more, which end the name. A
/// list of bodies or nations ("the Ministry of Defence, Japan and Korea") names known
/// things and stays a list.
fn listed_name_of_words(
    kb: &Knowledge,
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    start: usize,
    comma: usize,
) -> bool {
    let Some(of) = (start + 1..comma).rfind(|&k| matches!(toks[k].text(text), "of" | "for")) else {
        return false;
    };
    let head: Vec<String> = toks[start..of]
        .iter()
        .map(|t| form_key(t.text(text)))
        .collect();
    if !lex
        .head_of(&head)
        .is_some_and(|(h, _)| matches!(h, Head::Kind(HeadKind::Organization)))
    {
        return false;
    }
    let unknown_cap = |k: usize| {
        toks.get(k).is_some_and(|t| {
            let w = t.text(text);
            is_cap(text, t)
                && kb.lookup(w).is_empty()
                && crate::date::month_number(w).is_none()
                && !crate::date::is_weekday(w)
        })
    };
    // Items between commas: one word each.
    let mut k = comma + 1;
    loop {
        if !unknown_cap(k) {
            return false;
        }
        k += 1;
        match toks.get(k).map(|t| t.text(text)) {
            Some(",") => k += 1,
            Some("and") => break,
            _ => return false,
        }
    }
    // The last item after "and": one or two words, then the name ends.
    let mut n = 0;
    k += 1;
    while unknown_cap(k) {
        n += 1;
        k += 1;
    }
    (1..=2).contains(&n) && !toks.get(k).is_some_and(|t| is_cap(text, t))
}

/// The text of a token range with its white space (no-break spaces, line breaks)
/// collapsed to single spaces, as names are kept.
fn span_text(text: &str, toks: &[Token], r: Range<usize>) -> String {
    clean_space(&text[toks[r.start].start..toks[r.end - 1].end])
}

pub(crate) fn clean_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entity key and name of a gazetteer entry.
fn known_key(kb: &Knowledge, e: Entry) -> Option<(EntityType, String, String)> {
    match e {
        Entry::Nation(i, _) => Some((
            EntityType::Nation,
            format!("nation/{}", kb.nations[i].iso2),
            kb.nations[i].name.clone(),
        )),
        Entry::Organization(i) => Some((
            EntityType::Organization,
            format!("org/{}", kb.organizations[i].id),
            kb.organizations[i].name.clone(),
        )),
        Entry::Place(i) => Some((
            EntityType::Place,
            format!("place/{}", slug(&kb.places[i].name)),
            kb.places[i].name.clone(),
        )),
        // The key a head word would give the same name ("agreement/artemis-accords").
        Entry::Person(i) => {
            let p = &kb.persons[i];
            Some((
                EntityType::Person,
                format!("person/{}", p.id),
                p.name.clone(),
            ))
        }
        Entry::Program(i) => {
            let p = &kb.programs[i];
            let (kind, ns) = if p.agreement {
                (EntityType::Agreement, "agreement")
            } else {
                (EntityType::Initiative, "initiative")
            };
            Some((kind, format!("{ns}/{}", slug(&p.name)), p.name.clone()))
        }
        _ => None,
    }
}

/// The entry a known segment stands for, preferring entities over ranks and titles.
/// After "at", "in", "near" a form that names both a place and an organization ("Johnson
/// Space Center") or a capital ("in Tokyo") is the place.
fn best_entry(entries: &[Entry], locative: bool) -> Entry {
    if locative {
        if let Some(p) = entries.iter().find(|e| matches!(e, Entry::Place(_))) {
            return *p;
        }
    }
    *entries
        .iter()
        .find(|e| matches!(e, Entry::Organization(_)))
        .or_else(|| entries.iter().find(|e| matches!(e, Entry::Nation(_, _))))
        .or_else(|| entries.iter().find(|e| matches!(e, Entry::Place(_))))
        .or_else(|| entries.iter().find(|e| matches!(e, Entry::Program(_))))
        .or_else(|| entries.iter().find(|e| matches!(e, Entry::Person(_))))
        .unwrap_or(&entries[0])
}

pub(crate) struct Ctx<'a, 'k> {
    pub ex: &'a Extractor<'k>,
    pub text: &'a str,
    pub ents: &'a mut super::Entities,
    pub found: Found,
    /// Reading the title: only entities the body named (or the gazetteers know) are kept.
    pub no_new: bool,
    /// A name typed only by a class noun around it is read with no series.
    no_series: bool,
    /// Acronyms of common nouns the text spells out ("space situational awareness (SSA)
    /// sharing agreement"): the acronym stands for the words in later names.
    pub expansions: HashMap<String, String>,
    /// Agreement titles that name their parties, read so far.
    titles: Vec<titles::Title>,
}

impl Ctx<'_, '_> {
    fn push(&mut self, m: Mention) -> usize {
        let s = m.sentence;
        if self.found.by_sentence.len() <= s {
            self.found.by_sentence.resize(s + 1, Vec::new());
        }
        let i = self.found.mentions.len();
        self.found.by_sentence[s].push(i);
        self.found.mentions.push(m);
        i
    }

    fn add_known(&mut self, e: Entry, form: &str, span: Range<usize>) -> Option<usize> {
        let kb = self.ex.kb;
        let (kind, key, name) = known_key(kb, e)?;
        let id = self.ents.add(kind, &key, &name, form, span);
        if let Entry::Nation(i, _) = e {
            self.ents.get_mut(id).nation = Some(i);
        }
        // A person an extension declares keeps the rank it gives when the text prints none.
        if let Entry::Person(i) = e {
            if let Some(r) = kb.persons[i].rank {
                self.ents.get_mut(id).rank.get_or_insert(r);
            }
        }
        Some(id)
    }

    fn segment(&self, toks: &[Token], run: Range<usize>) -> Vec<(Range<usize>, Seg)> {
        let kb = self.ex.kb;
        let text = self.text;
        let mut out = Vec::new();
        let mut i = run.start;
        while i < run.end {
            let t = &toks[i];
            let s = t.text(text);
            if t.kind != TokenKind::Word && t.kind != TokenKind::Number && !is_ordinal(text, t) {
                out.push((i..i + 1, Seg::Connector));
                i += 1;
                continue;
            }
            if kb.is_cue_word(Cue::NameConnector, s) {
                out.push((i..i + 1, Seg::Connector));
                i += 1;
                continue;
            }
            let max = kb.max_form_words.min(run.end - i);
            let mut hit = None;
            for n in (1..=max).rev() {
                let last = toks[i + n - 1].text(text);
                if n > 1 && kb.is_cue_word(Cue::NameConnector, last) {
                    continue;
                }
                let form = span_text(text, toks, i..i + n);
                if let Some(id) = self.ents.local_form(&form) {
                    hit = Some((n, Seg::Local(id)));
                    break;
                }
                let entries: Vec<Entry> = kb
                    .lookup(strip_then(&form))
                    .iter()
                    .copied()
                    .filter(|&e| kb.case_fits(e, strip_then(&form)))
                    .collect();
                if !entries.is_empty() {
                    // A one-word rank without a period before a single name is often a given
                    // name ("Gen Nakatani"): decided when persons are read.
                    hit = Some((n, Seg::Known(entries)));
                    break;
                }
            }
            // "the General Staff": a rank right before an organization's head word is a word
            // of the body's name.
            let rank_of_body = |n: usize, seg: &Seg| {
                matches!(seg, Seg::Known(es) if es.iter().all(|e| matches!(e, Entry::Rank(_))))
                    && i + n < run.end
                    && self
                        .ex
                        .lexicon
                        .holds_organization_head(&[form_key(toks[i + n].text(text))])
            };
            if let Some((n, seg)) = hit {
                if rank_of_body(n, &seg) {
                    out.extend((i..i + n).map(|k| (k..k + 1, Seg::Word)));
                } else {
                    out.push((i..i + n, seg));
                }
                i += n;
                continue;
            }
            // Compounds: "US-Japan", "ROK-U.S.", "ESA-NASA".
            if crate::text::is_compound(s) {
                let parts = crate::text::compound_parts(s);
                let resolved: Vec<(Entry, String)> = parts
                    .iter()
                    .filter_map(|p| {
                        kb.lookup(p)
                            .iter()
                            .find(|e| matches!(e, Entry::Nation(_, _) | Entry::Organization(_)))
                            .map(|e| (*e, p.to_string()))
                    })
                    .collect();
                if parts.len() >= 2 && resolved.len() == parts.len() {
                    out.push((i..i + 1, Seg::Compound(resolved)));
                    i += 1;
                    continue;
                }
            }
            out.push((i..i + 1, Seg::Word));
            i += 1;
        }
        out
    }
}

/// Finds the mentions of every sentence and registers their entities.
pub(crate) fn find(
    ex: &Extractor<'_>,
    release: &Release,
    sentences: &[Sentence],
    ents: &mut super::Entities,
) -> Found {
    let mut ctx = Ctx {
        ex,
        text: &release.content,
        ents,
        found: Found {
            by_sentence: vec![Vec::new(); sentences.len()],
            ..Found::default()
        },
        no_new: false,
        no_series: false,
        expansions: HashMap::new(),
        titles: Vec::new(),
    };
    for (si, s) in sentences.iter().enumerate() {
        ctx.no_new = s.is_title;
        read_sentence(&mut ctx, si, &s.tokens);
    }
    titles::merge_short_forms(ctx.ents, &ctx.titles);
    // A later surname alone ("Mastalir") names the person mentioned in full earlier.
    let mut found = ctx.found;
    resolve_surnames(ex, &mut found, ctx.ents);
    found
}

/// Keeps the entities printed right before a name to the last few a name can hold, so a run
/// of thousands of known words costs time linear in its length.
fn keep_recent(prefix: &mut Vec<usize>) {
    let over = prefix.len().saturating_sub(crate::text::LONGEST_NAME);
    prefix.drain(..over);
}

fn read_sentence(ctx: &mut Ctx<'_, '_>, si: usize, toks: &[Token]) {
    let text = ctx.text;
    let kb = ctx.ex.kb;
    // The post that ended the run before, and the token it ended on.
    let mut post_before: Option<(usize, String)> = None;
    let mut run_before: Option<Range<usize>> = None;
    for run in cap_runs(kb, &ctx.ex.lexicon, text, toks) {
        // "the Egyptian Space Agency (ESA)": an acronym the release defines for the name
        // before it, spelled by that name's initials, is no mention of what the gazetteer
        // knows by it (the European Space Agency); it is read as that name's short form.
        let defined_here = run.len() == 1
            && run.start >= 1
            && toks[run.start - 1].text(text) == "("
            && toks.get(run.end).is_some_and(|t| t.text(text) == ")")
            && run_before.as_ref().is_some_and(|b| {
                b.end + 1 == run.start && {
                    let words: Vec<&str> = toks[b.clone()]
                        .iter()
                        .map(|t| t.text(text))
                        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                        .filter(|w| !ctx.ex.lexicon.stopwords.contains(*w))
                        .collect();
                    spelled_out(toks[run.start].text(text), &words)
                        .is_some_and(|s| s.split(' ').count() == words.len())
                }
            })
            && ctx.found.in_sentence(si).any(|m| {
                m.toks.end + 1 == run.start
                    && matches!(
                        ctx.ents.get(m.entity).kind,
                        EntityType::Organization | EntityType::Initiative | EntityType::Agreement
                    )
            });
        run_before = Some(run.clone());
        if defined_here {
            // Its later mentions, in this sentence too ("... (RSA), led by the CEO of RSA"),
            // are that name's.
            let body = ctx
                .found
                .in_sentence(si)
                .find(|m| m.toks.end + 1 == run.start)
                .map(|m| m.entity);
            if let Some(b) = body {
                ctx.ents.define_local_form(toks[run.start].text(text), b);
            }
            continue;
        }
        let segs = ctx.segment(toks, run.clone());
        if head_first_name(ctx, si, toks, run.clone(), &segs) {
            continue;
        }
        // Walk the segments; a person prefix (ranks, titles, organizations, nations) is
        // collected until a name closes it.
        let mut rank: Option<usize> = None;
        let mut titles: Vec<String> = Vec::new();
        // "Ambassador to the United States Andreas Michaelis": a post whose complement is
        // the nation served still introduces the name after it.
        let to_at = match run.start {
            s if s >= 2 && toks[s - 1].text(text) == "the" && toks[s - 2].text(text) == "to" => {
                Some(s - 2)
            }
            s if s >= 1 && toks[s - 1].text(text) == "to" => Some(s - 1),
            _ => None,
        };
        if let (Some(to), Some((end, post))) = (to_at, post_before.take()) {
            if end == to {
                titles.push(post);
            }
        }
        post_before = match segs.last() {
            Some((r, Seg::Known(es))) => es
                .iter()
                .any(|e| matches!(e, Entry::Title(i) if kb.titles[*i].kind == TitleKind::Post))
                .then(|| (r.end, span_text(text, toks, r.clone()).to_string())),
            _ => None,
        };
        let mut prefix: Vec<usize> = Vec::new();
        let mut prefix_start: Option<usize> = None;
        let mut honorific = false;
        let mut post_qualifier = false;
        // The post whose "for"/"of" words are being read ("Minister" in "Minister for Space
        // Affairs Lars P. Berg").
        let mut qualified_post: Option<String> = None;
        // "4 Canadian Space Division": a unit's number before a known word of its name.
        let mut lead_number: Option<usize> = None;
        let mut k = 0;
        while k < segs.len() {
            let (r, seg) = segs[k].clone();
            let form = span_text(text, toks, r.clone());
            let span = toks[r.start].start..toks[r.end - 1].end;
            match seg {
                Seg::Connector => {
                    // "for"/"of"/"in" after a post continues the post ("Director General for
                    // Space Science and Technology"): the words after it are no name.
                    if !titles.is_empty() || rank.is_some() || honorific {
                        qualified_post = titles.last().cloned();
                        titles.clear();
                        rank = None;
                        honorific = false;
                        post_qualifier = true;
                    }
                    prefix.clear();
                    prefix_start = None;
                    k += 1;
                }
                Seg::Local(id) => {
                    let kind = ctx.ents.get(id).kind;
                    let id =
                        ctx.ents
                            .add(kind, &ctx.ents.get(id).key.clone(), "", &form, span.clone());
                    ctx.push(Mention::plain(si, id, span, r.clone()));
                    if kind != EntityType::Person {
                        prefix.push(id);
                        keep_recent(&mut prefix);
                        prefix_start.get_or_insert(r.start);
                    }
                    k += 1;
                }
                Seg::Known(entries) => {
                    let locative = r.start > 0
                        && (matches!(
                            toks[r.start - 1].text(text),
                            "at" | "in" | "near" | "from" | "to" | "outside" | "aboard" | "of"
                        ) || kb
                            .is_cue_word(Cue::PlaceVerb, &form_key(toks[r.start - 1].text(text))));
                    let e = best_entry(&entries, locative);
                    // A capital after "in": the city, not the state standing for it.
                    if locative && matches!(e, Entry::Nation(_, NationForm::Capital)) {
                        let name = form.clone();
                        let key = format!("place/{}", slug(&name));
                        if !(ctx.no_new && ctx.ents.by_key(&key).is_none()) {
                            let id =
                                ctx.ents
                                    .add(EntityType::Place, &key, &name, &form, span.clone());
                            ctx.push(Mention::plain(si, id, span, r.clone()));
                        }
                        k += 1;
                        continue;
                    }
                    match e {
                        Entry::Rank(ri) => {
                            // "Gen Nakatani": a rank written without its period, after a civil
                            // title and before one last word, is a given name.
                            let bare = !form.ends_with('.') && form.split_whitespace().count() == 1;
                            let one_name_left = matches!(segs.get(k + 1), Some((nr, Seg::Word)) if nr.len() == 1)
                                && segs.get(k + 2).is_none_or(|(_, s)| !matches!(s, Seg::Word));
                            if bare && !titles.is_empty() && one_name_left && form.len() <= 4 {
                                let name_r = r.start..segs[k + 1].0.end;
                                person(ctx, si, toks, name_r, rank, &titles, &prefix);
                                rank = None;
                                titles.clear();
                                prefix.clear();
                                k += 2;
                                continue;
                            }
                            rank = Some(ri);
                            k += 1;
                        }
                        Entry::Title(ti) => {
                            match kb.titles[ti].kind {
                                TitleKind::Post => titles.push(form.to_string()),
                                TitleKind::Honorific => honorific = true,
                                // "Grant Shapps MP": letters after a name are no part of it.
                                TitleKind::Postnominal => {}
                            }
                            k += 1;
                        }
                        _ => {
                            // A known organization or nation followed by unknown words with
                            // an organization head is a larger organization ("JASDF Space
                            // Operations Group"); handled with the words below.
                            let next_words = word_run(&segs, k + 1)
                                .map(|end| name_before_and(ctx, toks, &segs, k + 1, end));
                            if let Some(end) = next_words {
                                if let Some((h, _)) = head_for(ctx, toks, &segs, k + 1, end) {
                                    if !matches!(e, Entry::Place(_))
                                        || matches!(h, Head::Kind(HeadKind::Place))
                                    {
                                        let inner = ctx.add_known(e, &form, span.clone());
                                        // "U.S. Naval Forces Korea": a command named with the
                                        // region it serves, the region's name last in the run.
                                        let regional = matches!(
                                            h,
                                            Head::Kind(HeadKind::Organization)
                                        ) && segs.len() > end
                                            && segs
                                                .get(end + 1)
                                                .is_none_or(|(_, s)| matches!(s, Seg::Connector))
                                            && matches!(&segs[end].1, Seg::Known(es) if es.iter().any(|x| matches!(x, Entry::Nation(_, NationForm::Name) | Entry::Place(_))) && !es.iter().any(|x| matches!(x, Entry::Organization(_))));
                                        let end = if regional { end + 1 } else { end };
                                        let from = lead_number.take().unwrap_or(r.start);
                                        let full = from..segs[end - 1].0.end;
                                        if let Some(inner) = inner {
                                            ctx.push(Mention {
                                                sentence: si,
                                                entity: inner,
                                                span: span.clone(),
                                                toks: r.clone(),

                                                lead: r.start,
                                                titles: Vec::new(),
                                                prefix: Vec::new(),
                                                inside: true,
                                            });
                                            if ctx.ents.get(inner).kind == EntityType::Nation {
                                                ctx.ents.get_mut(inner).standalone |= false;
                                            }
                                        }
                                        let mut pre = prefix.clone();
                                        pre.extend(inner);
                                        headed(ctx, si, toks, full, h, &pre);
                                        prefix.clear();
                                        k = end;
                                        continue;
                                    }
                                }
                            }
                            if let Some(id) = ctx.add_known(e, &form, span.clone()) {
                                // A demonym is a nation form only when it stands alone or
                                // before a noun; both are kept.
                                // A nation printed as part of a longer name ("U.S. Naval Forces").
                                let inside = matches!(e, Entry::Nation(_, NationForm::Name))
                                    && segs.get(k + 1).is_some_and(|(_, s)| {
                                        matches!(s, Seg::Word)
                                            || matches!(s, Seg::Known(es) if es.iter().any(|x| matches!(x, Entry::Organization(_))))
                                    });
                                // "United States Space Forces Indo-Pacific": a known organization
                                // printed after its nation is named with it.
                                let after_nation = matches!(e, Entry::Organization(_))
                                    && k > 0
                                    && matches!(&segs[k - 1].1, Seg::Known(es) if es.iter().any(|x| matches!(x, Entry::Nation(_, NationForm::Name))));
                                let (span, toks_r) = if after_nation {
                                    let start = segs[k - 1].0.start;
                                    let full = span_text(text, toks, start..r.end);
                                    ctx.ents.get_mut(id).aliases.insert(full);
                                    (toks[start].start..span.end, start..r.end)
                                } else {
                                    (span, r.clone())
                                };
                                ctx.push(Mention {
                                    sentence: si,
                                    entity: id,
                                    span,
                                    lead: toks_r.start,
                                    toks: toks_r,
                                    titles: Vec::new(),
                                    prefix: prefix.clone(),
                                    inside,
                                });
                                prefix.push(id);
                                keep_recent(&mut prefix);
                                prefix_start.get_or_insert(r.start);
                            }
                            k += 1;
                        }
                    }
                }
                Seg::Compound(parts) => {
                    let mut ids = Vec::new();
                    let mut off = span.start;
                    for (e, p) in &parts {
                        let ps = off..off + p.len();
                        off += p.len() + 1;
                        if let Some(id) = ctx.add_known(*e, p, ps.clone()) {
                            ctx.push(Mention {
                                sentence: si,
                                entity: id,
                                span: ps,
                                toks: r.clone(),

                                lead: r.start,
                                titles: Vec::new(),
                                prefix: Vec::new(),
                                inside: true,
                            });
                            ids.push(id);
                        }
                    }
                    let nations: Vec<usize> = ids
                        .iter()
                        .copied()
                        .filter(|&i| ctx.ents.get(i).kind == EntityType::Nation)
                        .collect();
                    if nations.len() >= 2 {
                        ctx.found.compounds.push((si, nations));
                    }
                    prefix.extend(ids);
                    keep_recent(&mut prefix);
                    prefix_start.get_or_insert(r.start);
                    k += 1;
                }
                Seg::Word => {
                    let end = word_run(&segs, k)
                        .map(|end| name_before_and(ctx, toks, &segs, k, end))
                        .unwrap_or(k + 1);
                    let words_r = r.start..segs[end - 1].0.end;
                    let run_words: Vec<&str> =
                        toks[words_r.clone()].iter().map(|t| t.text(text)).collect();
                    // Sentence openers ("Furthermore", "Every", "Our") and adjectival compounds
                    // ("United States-led", "Athens-based") are no names.
                    let only_stopwords = run_words.iter().all(|w| {
                        ctx.ex.lexicon.stopwords.contains(*w)
                            || ctx.ex.kb.is_cue_word(Cue::NameConnector, w)
                    });
                    let adjectival = run_words.last().is_some_and(|w| {
                        w.rsplit_once('-').is_some_and(|(_, suffix)| {
                            ctx.ex.kb.is_cue_word(Cue::AdjectivalSuffix, suffix)
                        })
                    });
                    let number_alone = run_words.len() == 1
                        && run_words[0].chars().all(|c| c.is_ascii_digit())
                        && k == 0
                        && segs.len() > end;
                    if number_alone {
                        lead_number = Some(words_r.start);
                        k = end;
                        continue;
                    }
                    // "Minister for Space Affairs Lars P. Berg": the post's words, then a name.
                    if post_qualifier && !only_stopwords {
                        if let Some(ns) = trailing_name(ctx, toks, words_r.clone()) {
                            let post: Vec<String> = qualified_post.take().into_iter().collect();
                            person(ctx, si, toks, ns..words_r.end, None, &post, &[]);
                            post_qualifier = false;
                            prefix.clear();
                            prefix_start = None;
                            k = end;
                            continue;
                        }
                    }
                    // "Director of the Polar Space Office": after "of", "at" or "in", a run that
                    // ends in an organization's head word is the post's body, not its words.
                    let body_of_post = post_qualifier && {
                        let mut b = words_r.start;
                        if b > 0 && toks[b - 1].text(text) == "the" {
                            b -= 1;
                        }
                        b > 0
                            && matches!(toks[b - 1].text(text), "of" | "at" | "in")
                            && matches!(
                                head_for(ctx, toks, &segs, k, end),
                                Some((Head::Kind(HeadKind::Organization), _))
                            )
                    };
                    if body_of_post {
                        post_qualifier = false;
                        qualified_post = None;
                    }
                    if only_stopwords || adjectival || post_qualifier {
                        // The words after "Director General for": part of the post.
                        post_qualifier = false;
                        prefix.clear();
                        prefix_start = None;
                        k = end;
                        continue;
                    }
                    // "Polar Guard, a multinational space exercise": the appositive's class
                    // noun types an unknown name over its own head word ("Guard").
                    let head =
                        head_for(ctx, toks, &segs, k, end).map(
                            |(h, n)| match appositive_class_noun(ctx, toks, words_r.end) {
                                Some(e) if prefix.is_empty() && end == segs.len() => (e, n),
                                _ => (h, n),
                            },
                        );
                    if let Some((h, _)) = head {
                        // The name includes a nation or compound printed right before it.
                        let start = prefix_start
                            .filter(|_| !prefix.is_empty())
                            .unwrap_or(words_r.start);
                        let start = lead_number.take().unwrap_or(start);
                        let mut full = start..words_r.end;
                        let mut end = end;
                        // "U.S. Forces Korea": an organization head, then a nation or place.
                        if h == Head::Kind(HeadKind::Organization) {
                            if let Some((qr, Seg::Known(es))) = segs.get(end) {
                                let qualifier =
                                    es.iter().any(|e| {
                                        matches!(
                                            e,
                                            Entry::Nation(_, NationForm::Name) | Entry::Place(_)
                                        )
                                    }) && !es.iter().any(|e| matches!(e, Entry::Organization(_)));
                                if qualifier {
                                    full.end = qr.end;
                                    end += 1;
                                }
                            }
                        }
                        headed(ctx, si, toks, full, h, &prefix);
                        prefix.clear();
                        prefix_start = None;
                        rank = None;
                        titles.clear();
                        k = end;
                        continue;
                    } else if let Some((h, noun)) = class_noun_around(ctx, toks, &words_r)
                        .filter(|_| rank.is_none() && titles.is_empty() && !honorific)
                        .filter(|_| !looks_like_person(ctx, toks, words_r.clone()))
                    {
                        // "the Polar Lantern exercise", "the space exercise Polar Lantern 25":
                        // the name, with the class noun as another of its forms.
                        let form = span_text(
                            text,
                            toks,
                            noun.start.min(words_r.start)..noun.end.max(words_r.end),
                        );
                        ctx.no_series = true;
                        headed_with_form(ctx, si, toks, words_r, h, &prefix, form);
                        ctx.no_series = false;
                        prefix.clear();
                        prefix_start = None;
                    } else if let Some((h, n)) = lowercase_head_after(ctx, toks, words_r.end) {
                        // "NASA’s DEVELOP program", "the Mars Sample Return campaign": the
                        // name, with "... campaign" as another of its forms.
                        let with_head = span_text(text, toks, words_r.start..words_r.end + n);
                        headed_with_form(ctx, si, toks, words_r, h, &prefix, with_head);
                        prefix.clear();
                        prefix_start = None;
                    } else if rank.is_some()
                        || !titles.is_empty()
                        || honorific
                        || role_before(ctx, toks, words_r.start)
                    {
                        // "Minister for Space Affairs Lars P. Berg": a post of the list ending
                        // in its own "for"/"of" words may run on before the name.
                        let open_post = titles
                            .last()
                            .is_some_and(|t| t.contains(" for ") || t.contains(" of "));
                        let words_r = match trailing_name(ctx, toks, words_r.clone()) {
                            Some(ns) if open_post && rank.is_none() => ns..words_r.end,
                            _ => words_r,
                        };
                        person(ctx, si, toks, words_r, rank, &titles, &prefix);
                        rank = None;
                        honorific = false;
                        titles.clear();
                        prefix.clear();
                        prefix_start = None;
                    } else if let Some((post, ns)) = post_in_run(ctx, toks, words_r.clone()) {
                        // "National Security Advisor Kari Nordmann": a post no list holds,
                        // ended by a post word, then a name.
                        person(ctx, si, toks, ns..words_r.end, None, &[post], &prefix);
                        prefix.clear();
                        prefix_start = None;
                    } else if let Some(pid) = known_surname(ctx, toks, words_r.clone()) {
                        // A later mention by surname alone ("Mastalir said").
                        let span = toks[words_r.start].start..toks[words_r.end - 1].end;
                        ctx.ents.get_mut(pid).mentions.push(span.clone());
                        ctx.push(Mention::plain(si, pid, span, words_r.clone()));
                        prefix.clear();
                        prefix_start = None;
                    } else if looks_like_person(ctx, toks, words_r.clone())
                        || ((after_post_word(ctx, toks, list_start(ctx, toks, words_r.start))
                            || post_before_comma(ctx, toks, words_r.start)
                            || leads_or_signs(ctx, toks, words_r.clone()))
                            && looks_like_name(ctx, toks, words_r.clone()))
                    {
                        person(ctx, si, toks, words_r, None, &[], &prefix);
                        prefix.clear();
                        prefix_start = None;
                    } else if let Some(h) = appositive_class_noun(ctx, toks, words_r.end)
                        .or_else(|| appositive_head(ctx, toks, words_r.end))
                    {
                        headed(ctx, si, toks, words_r, h, &prefix);
                        prefix.clear();
                        prefix_start = None;
                    } else if placed_name(ctx, si, toks, words_r.clone(), &segs, end) {
                        prefix.clear();
                        prefix_start = None;
                    }
                    k = end;
                }
            }
        }
    }
    quoted_names(ctx, si, toks);
    described_agreements(ctx, si, toks);
    acronyms(ctx, si, toks);
    let titled = titles::titled_agreements(ctx, si, toks);
    ctx.titles.extend(titled);
    ordinal_editions(ctx, si, toks);
    ordinal_names(ctx, si, toks);
    listed_acronyms(ctx, si, toks);
}

/// "met officials of CERN, ITU and the World Meteorological Organization": an acronym no
/// gazetteer knows, listed next to an organization (a comma or "and" between, "the"
/// allowed), is an organization too; the list is read outward from the organizations it
/// holds.
fn listed_acronyms(ctx: &mut Ctx<'_, '_>, si: usize, toks: &[Token]) {
    let text = ctx.text;
    let is_acronym = |t: &Token| {
        let w = t.text(text);
        (3..=7).contains(&w.len())
            && w.chars().all(|c| c.is_ascii_uppercase())
            && ctx.ex.kb.lookup(w).is_empty()
            && !ctx.ex.lexicon.stopwords.contains(w)
    };
    let covered =
        |ctx: &Ctx<'_, '_>, i: usize| ctx.found.in_sentence(si).any(|m| m.toks.contains(&i));
    let org_at = |ctx: &Ctx<'_, '_>, pred: &dyn Fn(&Mention) -> bool| {
        ctx.found.in_sentence(si).any(|m| {
            !m.inside && ctx.ents.get(m.entity).kind == EntityType::Organization && pred(m)
        })
    };
    let sep = |i: usize| {
        toks.get(i)
            .is_some_and(|t| matches!(t.text(text), "," | "and"))
    };
    loop {
        let mut added = false;
        for i in 0..toks.len() {
            if !is_acronym(&toks[i]) || covered(ctx, i) {
                continue;
            }
            let the = |k: usize| toks.get(k).is_some_and(|t| t.text(text) == "the");
            // An organization ends right before: "X, ACR" / "X and the ACR".
            let mut left = i;
            if left >= 1 && the(left - 1) {
                left -= 1;
            }
            let after_org =
                left >= 2 && sep(left - 1) && org_at(ctx, &|m: &Mention| m.toks.end == left - 1);
            // One begins right after: "ACR, X" / "ACR and the X".
            let mut right = i + 1;
            let before_org = sep(right) && {
                right += 1;
                if the(right) {
                    right += 1;
                }
                org_at(ctx, &|m: &Mention| m.toks.start == right)
            };
            if !(after_org || before_org) {
                continue;
            }
            let w = toks[i].text(text).to_string();
            let key = format!("org/{}", slug(&w));
            if ctx.no_new && ctx.ents.by_key(&key).is_none() {
                continue;
            }
            let span = toks[i].start..toks[i].end;
            let id = ctx
                .ents
                .add(EntityType::Organization, &key, &w, &w, span.clone());
            ctx.push(Mention::plain(si, id, span, i..i + 1));
            added = true;
        }
        if !added {
            break;
        }
    }
}

/// "the third Nordic Space Dialogue": one edition of a recurring series, an event named with
/// its ordinal, carried out under the series (an initiative named by the name). "The
/// inaugural Nordic Space Dialogue" has no series before it: the ordinal makes another form
/// of its name.
fn ordinal_names(ctx: &mut Ctx<'_, '_>, si: usize, toks: &[Token]) {
    let text = ctx.text;
    let kb = ctx.ex.kb;
    let found: Vec<(usize, Range<usize>, usize)> = ctx
        .found
        .in_sentence(si)
        .filter(|m| !m.inside && m.toks.start > 0)
        .map(|m| (m.entity, m.span.clone(), m.toks.start))
        .collect();
    for (entity, span, start) in found {
        let id = ctx.ents.resolve(entity);
        if ctx.ents.get(id).kind != EntityType::Event {
            continue;
        }
        let word = form_key(toks[start - 1].text(text));
        if kb.cue_at(Cue::Ordinal, &[word], 0).is_none() {
            continue;
        }
        let edition = format!("{} {}", toks[start - 1].text(text), &text[span.clone()]);
        if kb
            .cue_at(
                Cue::FirstEdition,
                &[form_key(toks[start - 1].text(text))],
                0,
            )
            .is_some()
        {
            // "the inaugural X Dialogue": the first, another form of its name.
            let e = ctx.ents.get_mut(id);
            if e.name != edition {
                e.aliases.insert(edition);
            }
            continue;
        }
        // "the fifth X Dialogue": one edition of a recurring series. The series is an
        // initiative named by the name; the edition an event named with its ordinal.
        let key = format!("event/{}", slug(&edition));
        if ctx.no_new && ctx.ents.by_key(&key).is_none() {
            continue;
        }
        let name = ctx.ents.get(id).name.clone();
        let class = ctx.ents.get(id).event_class.clone();
        let sid = series_of_event(ctx, id, &name, span.clone());
        let at = toks[start - 1].start..span.end;
        let eid = ctx
            .ents
            .add(EntityType::Event, &key, &edition, &edition, at.clone());
        if let Some(class) = class {
            ctx.ents.get_mut(eid).event_class.get_or_insert(class);
        }
        ctx.push(Mention::plain(
            si,
            eid,
            at,
            start - 1..start + (span_toks(toks, &span)),
        ));
        ctx.found.series.push((eid, sid));
    }
}

/// An event named as a whole series ("the X Dialogue" of "the fifth X Dialogue") becomes that
/// series: an initiative of the same name, into which the event is merged.
fn series_of_event(ctx: &mut Ctx<'_, '_>, event: usize, name: &str, span: Range<usize>) -> usize {
    let sid = ctx.ents.add(
        EntityType::Initiative,
        &format!("initiative/{}", slug(name)),
        name,
        "",
        span,
    );
    ctx.ents.merge(event, sid);
    ctx.ents.get_mut(sid).event_class = None;
    sid
}

/// How many tokens a span covers, from its first token on.
fn span_toks(toks: &[Token], span: &Range<usize>) -> usize {
    toks.iter()
        .filter(|t| t.start >= span.start && t.end <= span.end)
        .count()
}

/// "the eighth meeting of the U.S.-Norway Space Working Group", "the 3rd round of the Arctic
/// Dialogue": one occasion of a recurring series. The series is an initiative; the occasion
/// an event named by the whole phrase, carried out under it.
fn ordinal_editions(ctx: &mut Ctx<'_, '_>, si: usize, toks: &[Token]) {
    let text = ctx.text;
    let kb = ctx.ex.kb;
    let words: Vec<String> = toks.iter().map(|t| form_key(t.text(text))).collect();
    for i in 0..toks.len() {
        let ordinal = kb.cue_at(Cue::Ordinal, &words, i).is_some() || is_ordinal(text, &toks[i]);
        if !ordinal {
            continue;
        }
        let Some(n) = kb.cue_at(Cue::EditionNoun, &words, i + 1) else {
            continue;
        };
        let of = i + 1 + n;
        if words.get(of).map(String::as_str) != Some("of") {
            continue;
        }
        let name_at = if words.get(of + 1).map(String::as_str) == Some("the") {
            of + 2
        } else {
            of + 1
        };
        let Some(m) = ctx
            .found
            .in_sentence(si)
            .find(|m| m.toks.start == name_at && !m.inside)
            .cloned()
        else {
            continue;
        };
        let series = ctx.ents.resolve(m.entity);
        let kind = ctx.ents.get(series).kind;
        if !matches!(kind, EntityType::Event | EntityType::Initiative) {
            continue;
        }
        let noun_class = ctx
            .ex
            .lexicon
            .triggers
            .iter()
            .find(|(t, _)| t.as_slice() == &words[i + 1..i + 1 + n])
            .map(|(_, c)| c.clone());
        let class = noun_class.or_else(|| ctx.ents.get(series).event_class.clone());
        let series = if kind == EntityType::Event {
            // Named as an event by its head word ("Working Group"): it is the series.
            let name = ctx.ents.get(series).name.clone();
            let sid = series_of_event(ctx, series, &name, m.span.clone());
            // "the Joint Working Group" later: the series, by its name without the nations
            // printed before it.
            let core_words = core_name(kb, &name).split(' ').count();
            let words: Vec<&str> = name.split_whitespace().collect();
            for k in 3..=core_words.min(words.len()) {
                let form = words[words.len() - k..].join(" ");
                ctx.ents.define_local_form(&form, sid);
            }
            sid
        } else {
            series
        };
        let span = toks[i].start..m.span.end;
        let name = clean_space(&text[span.clone()]);
        let key = format!("event/{}", slug(&name));
        if ctx.no_new && ctx.ents.by_key(&key).is_none() {
            continue;
        }
        let id = ctx
            .ents
            .add(EntityType::Event, &key, &name, &name, span.clone());
        if let Some(class) = class {
            ctx.ents.get_mut(id).event_class.get_or_insert(class);
        }
        // "the Fourth Meeting of the X": the capitalized "Fourth Meeting", read as an event
        // of its own, is this edition.
        let partial: Vec<usize> = ctx
            .found
            .in_sentence(si)
            .filter(|p| p.toks.start <= i && p.toks.end == i + 1 + n)
            .map(|p| ctx.ents.resolve(p.entity))
            .filter(|&p| p != id && ctx.ents.get(p).kind == EntityType::Event)
            .collect();
        for p in partial {
            let short = ctx.ents.get(p).name.clone();
            ctx.ents.merge(p, id);
            ctx.ents.get_mut(id).aliases.remove(&short);
        }
        ctx.push(Mention::plain(si, id, span, i..m.toks.end));
        ctx.found.series.push((id, series));
    }
}

/// "Embassy of India", "University of Colorado Boulder", "Office of the Minister of
/// Innovation": an organization's head word first, then "of" or "for" and what it is of,
/// known names inside included. Registers the whole run as one organization (a nation or
/// place inside it as a mention inside the name) and says whether it did.
fn head_first_name(
    ctx: &mut Ctx<'_, '_>,
    si: usize,
    toks: &[Token],
    run: Range<usize>,
    segs: &[(Range<usize>, Seg)],
) -> bool {
    let text = ctx.text;
    // One known name covers the run, or nothing but unknown words: read as usual.
    let known_inside = segs
        .iter()
        .any(|(_, sg)| matches!(sg, Seg::Known(_) | Seg::Compound(_) | Seg::Local(_)));
    if segs.len() < 3 || !known_inside {
        return false;
    }
    let mut start = run.start;
    while start < run.end && ctx.ex.lexicon.stopwords.contains(toks[start].text(text)) {
        start += 1;
    }
    // "the Polish Ministry of National Defence": a nation's adjective may open the name.
    let nation_first = segs.iter().find(|(r, sg)| {
        r.start == start
            && matches!(sg, Seg::Known(es) if es.iter().any(|e| matches!(e, Entry::Nation(_, _))))
    });
    let head_from = nation_first.map_or(start, |(r, _)| r.end);
    let of = (head_from + 1..(head_from + 3).min(run.end))
        .find(|&i| matches!(toks[i].text(text), "of" | "for"));
    // "of" inside a known name ("Ministry of Defence"): that name is read as usual.
    let Some(of) = of.filter(|&o| {
        !segs
            .iter()
            .any(|(r, sg)| r.contains(&o) && matches!(sg, Seg::Known(_)))
    }) else {
        return false;
    };
    let head: Vec<String> = toks[head_from..of]
        .iter()
        .map(|t| form_key(t.text(text)))
        .collect();
    let is_org_head = matches!(
        ctx.ex.lexicon.head_of(&head),
        Some((Head::Kind(HeadKind::Organization), n)) if n == head.len()
    );
    // "the Government of Japan" stands for the state itself.
    if !is_org_head || of + 1 >= run.end || ctx.ex.kb.has_cue(Cue::StandsForState, &head) {
        return false;
    }
    // "the Department of Commerce and India's Department of Space": a nation after "and"
    // begins the next item, not the rest of the name.
    let end = segs
        .windows(2)
        .find(|w| {
            w[0].0.start > of
                && matches!(w[0].1, Seg::Connector)
                && toks[w[0].0.start].text(text) == "and"
                && matches!(&w[1].1, Seg::Known(es) if es.iter().any(|e| matches!(e, Entry::Nation(_, _))))
        })
        .map_or(run.end, |w| w[0].0.start);
    // "the Ministry of Defense and Ministry of Trade": "and" before another body's head word
    // begins the next item too.
    let end = (of + 2..end)
        .find(|&k| and_before_body_head(&ctx.ex.lexicon, text, toks, k))
        .unwrap_or(end);
    // "the Ruritanian Ministry of Defence Director of Policy": after a nation's name, a post
    // of heads right after what the body is of begins the person's title, not the rest of
    // the name ("the Office of the Secretary of Defense" keeps its post after "the").
    let end = (of + 2..end)
        .find(|&k| {
            nation_first.is_some()
                && is_cap(text, &toks[k - 1])
                && ctx.ex.lexicon.post_key(&form_key(toks[k].text(text))) == Some(true)
        })
        .unwrap_or(end);
    let segs: Vec<(Range<usize>, Seg)> =
        segs.iter().filter(|(r, _)| r.end <= end).cloned().collect();
    if !segs
        .iter()
        .any(|(r, sg)| r.start > of && !matches!(sg, Seg::Connector))
    {
        return false;
    }
    // The known names inside: nations and places are mentioned inside the name; a known
    // organization or person inside means the run is something else.
    let mut inside: Vec<(Range<usize>, Entry)> = Vec::new();
    if let Some((r, Seg::Known(es))) = nation_first {
        if let Some(e) = es.iter().find(|e| matches!(e, Entry::Nation(_, _))) {
            inside.push((r.clone(), *e));
        }
    }
    for (r, sg) in &segs {
        if r.start <= of {
            continue;
        }
        match sg {
            Seg::Known(es) => {
                if let Some(e) = es
                    .iter()
                    .find(|e| matches!(e, Entry::Nation(_, _) | Entry::Place(_)))
                {
                    inside.push((r.clone(), *e));
                } else if es.iter().any(|e| matches!(e, Entry::Person(_)))
                    || (es.iter().any(|e| matches!(e, Entry::Organization(_)))
                        && names_a_body(ctx, toks, r.clone()))
                {
                    return false;
                }
            }
            Seg::Local(_) | Seg::Compound(_) => return false,
            _ => {}
        }
    }
    for (r, e) in inside {
        let form = span_text(text, toks, r.clone());
        let span = toks[r.start].start..toks[r.end - 1].end;
        if let Some(id) = ctx.add_known(e, &form, span.clone()) {
            ctx.push(Mention {
                sentence: si,
                entity: id,
                span,
                lead: r.start,
                toks: r,
                titles: Vec::new(),
                prefix: Vec::new(),
                inside: true,
            });
        }
    }
    headed(
        ctx,
        si,
        toks,
        start..end,
        Head::Kind(HeadKind::Organization),
        &[],
    );
    // The nation after "and" is read as usual.
    if end < run.end {
        let rest = end + 1..run.end;
        let rest_segs = ctx.segment(toks, rest);
        for (r, sg) in rest_segs {
            if let Seg::Known(es) = sg {
                let e = best_entry(&es, false);
                let form = span_text(text, toks, r.clone());
                let span = toks[r.start].start..toks[r.end - 1].end;
                if let Some(id) = ctx.add_known(e, &form, span.clone()) {
                    ctx.push(Mention::plain(si, id, span, r));
                }
            }
        }
    }
    true
}

/// Whether a known organization's form printed in a run names a body on its own: an acronym,
/// or a name with an organization's head word ("Space Command", "Department of Defense"),
/// not a short form a gazetteer keeps with no head word ("National Defence" in "Ministry of
/// National Defence").
fn names_a_body(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> bool {
    let text = ctx.text;
    let words: Vec<String> = toks[r.clone()]
        .iter()
        .map(|t| form_key(t.text(text)))
        .collect();
    let acronym = r.len() == 1
        && toks[r.start]
            .text(text)
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    acronym || ctx.ex.lexicon.holds_organization_head(&words)
}

/// A name the sentence places ("in Longueuil", "at Tanegashima", "Exmouth, Australia") is a
/// place: a city of the generated list, or one the text ties to a nation or region after a
/// comma. Registers it and says whether it did.
fn placed_name(
    ctx: &mut Ctx<'_, '_>,
    si: usize,
    toks: &[Token],
    r: Range<usize>,
    segs: &[(Range<usize>, Seg)],
    end: usize,
) -> bool {
    let text = ctx.text;
    let kb = ctx.ex.kb;
    let locative = r.start > 0
        && matches!(
            toks[r.start - 1].text(text),
            "in" | "at" | "near" | "from" | "outside"
        );
    // ", Nation" or ", Region" right after the name, ending the run of names.
    let comma_place = end == segs.len()
        && toks.get(r.end).is_some_and(|t| t.text(text) == ",")
        && toks.get(r.end + 1).is_some_and(|t| {
            let ends = toks.get(r.end + 2).is_none_or(|u| !is_cap(text, u));
            ends && kb
                .lookup(t.text(text))
                .iter()
                .any(|e| matches!(e, Entry::Nation(_, NationForm::Name) | Entry::Place(_)))
                || toks.get(r.end + 2).is_some_and(|u| {
                    let two = &text[t.start..u.end];
                    kb.lookup(two)
                        .iter()
                        .any(|e| matches!(e, Entry::Nation(_, NationForm::Name) | Entry::Place(_)))
                })
        });
    if !locative && !comma_place {
        return false;
    }
    let form = span_text(text, toks, r.clone());
    if form.split_whitespace().count() > 4 || ctx.ex.lexicon.stopwords.contains(form.as_str()) {
        return false;
    }
    let span = toks[r.start].start..toks[r.end - 1].end;
    let id = match kb.city(&form) {
        Some(i) => ctx.add_known(Entry::Place(i), &form, span.clone()),
        None if comma_place && !ctx.no_new => Some(ctx.ents.add(
            EntityType::Place,
            &format!("place/{}", slug(&form)),
            &form,
            &form,
            span.clone(),
        )),
        None => None,
    };
    let Some(id) = id else {
        return false;
    };
    ctx.push(Mention::plain(si, id, span, r));
    true
}

/// The end (exclusive segment index) of a run of unknown words starting at `k`, with
/// connectors inside it.
fn word_run(segs: &[(Range<usize>, Seg)], k: usize) -> Option<usize> {
    if !matches!(segs.get(k), Some((_, Seg::Word))) {
        return None;
    }
    let mut end = k + 1;
    while end < segs.len() {
        match &segs[end].1 {
            Seg::Word => end += 1,
            Seg::Connector if matches!(segs.get(end + 1), Some((_, Seg::Word))) => end += 2,
            // A known form inside a longer name ("Space" + "Operations" ...) ends the run.
            _ => break,
        }
    }
    Some(end)
}

/// Where a run of words k..end holding "and" ends its first name: "Space Office and Erik
/// Dahl" is an office, then a person, when the words before "and" end in a head word and
/// the whole run does not ("Air and Space Power Conference" stays whole).
fn name_before_and(
    ctx: &Ctx<'_, '_>,
    toks: &[Token],
    segs: &[(Range<usize>, Seg)],
    k: usize,
    end: usize,
) -> usize {
    // A longer run ("A and B and C and ...") is read from its first words only.
    use crate::text::LONGEST_NAME;
    if end - k <= LONGEST_NAME && head_for(ctx, toks, segs, k, end).is_some() {
        return end;
    }
    let and_at = |a: usize| {
        matches!(segs[a].1, Seg::Connector) && toks[segs[a].0.start].text(ctx.text) == "and"
    };
    (k + 1..end.min(k + LONGEST_NAME))
        .find(|&a| and_at(a) && head_for(ctx, toks, segs, k, a).is_some())
        // "Kari Nordmann and Pedro Alvarez": two names, each of a name's shape, and no head.
        .or_else(|| {
            (k + 1..end.min(k + LONGEST_NAME)).find(|&a| {
                and_at(a)
                    && a + 1 < end
                    && looks_like_name(ctx, toks, segs[k].0.start..segs[a - 1].0.end)
                    && looks_like_name(ctx, toks, segs[a + 1].0.start..segs[end - 1].0.end)
            })
        })
        .unwrap_or(end)
}

/// Whether the words of segments k..end end in a head word; a head may also run into the
/// known forms after the words ("Defence Space Command").
fn head_for(
    ctx: &Ctx<'_, '_>,
    toks: &[Token],
    segs: &[(Range<usize>, Seg)],
    k: usize,
    end: usize,
) -> Option<(Head, usize)> {
    let r = segs[k].0.start..segs[end - 1].0.end;
    let words: Vec<String> = toks[r.clone()]
        .iter()
        .map(|t| form_key(t.text(ctx.text)))
        .filter(|w| !w.is_empty())
        .collect();
    // "Ministry of Defence", "Bureau of Space Affairs", "Agency for Defence Development": an
    // organization head followed by "of"/"for" and what it is of; "Dialogue on Space",
    // "Working Group on Lunar Science": a head followed by "on" and its subject.
    let head_of_phrase = || {
        (0..words.len().saturating_sub(2)).find_map(|i| {
            let on = words[i + 1] == "on";
            if !on && !matches!(words[i + 1].as_str(), "of" | "for") {
                return None;
            }
            match ctx.ex.lexicon.head_of(&words[..=i]) {
                Some((h @ Head::Kind(HeadKind::Organization), n)) => Some((h, n)),
                Some((h, n)) if on && !matches!(h, Head::Kind(HeadKind::Place)) => Some((h, n)),
                _ => None,
            }
        })
    };
    // "Exercise Polar Lantern", "Operation Polar Relay": an event's or initiative's head
    // word printed before the name proper.
    let head_first = || {
        let lead = toks[r.clone()]
            .iter()
            .take_while(|t| ctx.ex.lexicon.stopwords.contains(t.text(ctx.text)))
            .count();
        let first = words.get(lead..=lead)?;
        let named = words.len() > lead + 1 && ctx.ex.kb.cue_at(Cue::NameFirst, first, 0).is_some();
        match ctx.ex.lexicon.head_of(first) {
            Some((h @ (Head::Event(_) | Head::Kind(HeadKind::Initiative)), _)) if named => {
                Some((h, 1))
            }
            _ => None,
        }
    };
    // "Schriever Wargame 2025", "Space Flag 24 1": an edition's number after the head.
    let numbered = words.len() >= 2
        && words[words.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ');
    let (h, n) = match ctx.ex.lexicon.head_of(&words) {
        Some(hit) => hit,
        None if numbered => match ctx.ex.lexicon.head_of(&words[..words.len() - 1]) {
            Some((h, n)) => (h, n + 1),
            None => head_of_phrase().or_else(head_first)?,
        },
        // "Space Forces Indo-Pacific": an organization head with a regional qualifier.
        None if words.len() >= 3 => match ctx.ex.lexicon.head_of(&words[..words.len() - 1]) {
            Some((h @ Head::Kind(HeadKind::Organization), n)) => (h, n + 1),
            _ => head_of_phrase().or_else(head_first)?,
        },
        None => head_of_phrase().or_else(head_first)?,
    };
    // A head alone ("Command", "The Dialogue") is not a name, unless the text gives it an
    // acronym: "a Memorandum of Understanding (MoU)".
    let leading_stopwords = leading_words(ctx, toks, &r);
    let acronym_follows = toks.get(r.end).is_some_and(|t| t.text(ctx.text) == "(")
        && toks.get(r.end + 2).is_some_and(|t| t.text(ctx.text) == ")")
        && toks.get(r.end + 1).is_some_and(|t| {
            let a = t.text(ctx.text);
            a.chars().next().is_some_and(char::is_uppercase)
                && a.chars().filter(|c| c.is_uppercase()).count() >= 2
        });
    // A head of agreements of two words or more is a name of its own: "signed a
    // Memorandum of Understanding", "a Letter of Intent".
    let agreement_phrase = matches!(h, Head::Kind(HeadKind::Agreement))
        && words.len() - leading_stopwords >= 2
        && words[leading_stopwords..].iter().all(|w| w.chars().all(char::is_alphabetic))
        // "a Memorandum of Understanding concerning Enhanced Space Cooperation (ESC MoU)":
        // a longer name goes on, read elsewhere.
        && !toks.get(r.end).is_some_and(|t| {
            matches!(
                t.text(ctx.text),
                "(" | "concerning" | "on" | "for" | "regarding" | "of"
            )
        })
        // "... between NASA and ...": the parties are part of a longer name, read elsewhere.
        && !(toks
            .get(r.end)
            .is_some_and(|t| ctx.ex.kb.is_cue_word(Cue::MemberAmong, t.text(ctx.text)))
            && toks[r.end + 1..toks.len().min(r.end + 3)]
                .iter()
                .any(|t| is_cap(ctx.text, t)));
    if n + leading_stopwords >= words.len()
        && prefix_less(segs, k)
        && !acronym_follows
        && !agreement_phrase
    {
        return None;
    }
    Some((h, n))
}

fn prefix_less(segs: &[(Range<usize>, Seg)], k: usize) -> bool {
    k == 0
        || !matches!(
            segs[k - 1].1,
            Seg::Known(_) | Seg::Compound(_) | Seg::Local(_)
        )
}

/// A lowercase article ("the" in "Under the Polar Accord", in "discussed the X").
pub(crate) fn is_article(word: &str) -> bool {
    matches!(word, "the" | "a" | "an")
}

/// How many words open run `r` before its name: stopwords ("The", "Under"), then the
/// article after an opening word ("Through the Agreement, ...").
fn leading_words(ctx: &Ctx<'_, '_>, toks: &[Token], r: &Range<usize>) -> usize {
    let stop = toks[r.clone()]
        .iter()
        .take_while(|t| ctx.ex.lexicon.stopwords.contains(t.text(ctx.text)))
        .count();
    stop + toks[r.start + stop..r.end]
        .iter()
        .take_while(|t| is_article(t.text(ctx.text)))
        .count()
}

/// Registers a name typed by its head word.
fn headed(
    ctx: &mut Ctx<'_, '_>,
    si: usize,
    toks: &[Token],
    r: Range<usize>,
    h: Head,
    prefix: &[usize],
) {
    let text = ctx.text;
    let mut r = r;
    // Drop a leading "The", and the article after an opening word ("Under the Polar
    // Accord, ...": "Polar Accord"); one word stays.
    r.start += leading_words(ctx, toks, &r).min(r.len().saturating_sub(1));
    let form = span_text(text, toks, r.clone()).to_string();
    let span = toks[r.start].start..toks[r.end - 1].end;
    let (kind, ns) = match &h {
        Head::Kind(HeadKind::Organization) => (EntityType::Organization, "org"),
        Head::Kind(HeadKind::Initiative) => (EntityType::Initiative, "initiative"),
        Head::Kind(HeadKind::Agreement) => (EntityType::Agreement, "agreement"),
        Head::Kind(HeadKind::Place) => (EntityType::Place, "place"),
        Head::Event(_) => (EntityType::Event, "event"),
    };
    let mut name = display_name(&form);
    if !name.chars().any(char::is_alphabetic) {
        return;
    }
    // "1967 Outer Space Treaty": the year is not part of an agreement's or programme's name.
    if matches!(kind, EntityType::Agreement | EntityType::Initiative) {
        if let Some((first, rest)) = name.split_once(' ') {
            if first.len() == 4 && first.chars().all(|c| c.is_ascii_digit()) && !rest.is_empty() {
                name = rest.to_string();
            }
        }
    }
    let key = format!("{ns}/{}", slug(&name));
    // The title names the release's event in full ("Inaugural Norway-Chile Space
    // Dialogue") where the body shortens it ("the Norway-Chile Space Dialogue"): the
    // title's form is another form of the event the body named.
    let key = match &h {
        Head::Event(_) if ctx.no_new && ctx.ents.by_key(&key).is_none() => {
            let full = form_key(&name);
            let shorter = ctx.ents.ids().find(|&i| {
                let e = ctx.ents.get(i);
                let k = form_key(&e.name);
                e.kind == EntityType::Event
                    && !e.unnamed
                    && k.split(' ').count() >= 2
                    && full.ends_with(&format!(" {k}"))
            });
            match shorter {
                Some(i) => ctx.ents.get(i).key.clone(),
                None => return,
            }
        }
        _ => key,
    };
    if ctx.no_new && ctx.ents.by_key(&key).is_none() {
        return;
    }
    let id = ctx.ents.add(kind, &key, &name, &form, span.clone());
    if let Head::Event(iri) = h {
        ctx.ents.get_mut(id).event_class.get_or_insert(iri);
        // "Global Sentinel 2024": one edition of a recurring series, which is an initiative
        // ("Global Sentinel") the edition is carried out under.
        if let Some((series, year)) = name.rsplit_once(' ') {
            let yearly = matches!(year.len(), 2 | 4) && year.chars().all(|c| c.is_ascii_digit());
            if yearly
                && !ctx.no_series
                && series.split_whitespace().count() >= 1
                && ctx.ex.kb.lookup(series).is_empty()
            {
                let skey = format!("initiative/{}", slug(series));
                let sid = ctx
                    .ents
                    .add(EntityType::Initiative, &skey, series, "", span.clone());
                ctx.ents.get_mut(sid).aliases.clear();
                ctx.ents.define_local_form(series, sid);
                ctx.found.series.push((id, sid));
            }
        }
    }
    ctx.push(Mention {
        sentence: si,
        entity: id,
        span,
        lead: r.start,
        toks: r,
        titles: Vec::new(),
        prefix: prefix.to_vec(),
        inside: false,
    });
}

/// As `headed`, keeping `form` (the name with the class noun printed around it) as another
/// form of the entity registered.
fn headed_with_form(
    ctx: &mut Ctx<'_, '_>,
    si: usize,
    toks: &[Token],
    r: Range<usize>,
    h: Head,
    prefix: &[usize],
    form: String,
) {
    let before = ctx.found.mentions.len();
    headed(ctx, si, toks, r, h, prefix);
    if ctx.found.mentions.len() > before {
        if let Some(e) = ctx.found.mentions.last().map(|m| m.entity) {
            ctx.ents.get_mut(e).aliases.insert(form);
        }
    }
}

/// A name printed in capitals (a dateline's "YOKOTA AIR BASE") in title case.
pub(crate) fn display_name(form: &str) -> String {
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 6 && letters.iter().all(|c| c.is_uppercase());
    let words = form.split_whitespace().count();
    if !all_caps || words < 2 {
        return form.to_string();
    }
    form.split_whitespace()
        .map(|w| {
            if w.len() <= 3 && w.chars().all(|c| c.is_uppercase() || c == '.') {
                w.to_string()
            } else {
                let mut c = w.chars();
                let first: String = c.next().into_iter().collect();
                first + &c.as_str().to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Registers a person from the tokens of its name.
fn person(
    ctx: &mut Ctx<'_, '_>,
    si: usize,
    toks: &[Token],
    r: Range<usize>,
    rank: Option<usize>,
    titles: &[String],
    prefix: &[usize],
) {
    let text = ctx.text;
    let name = span_text(text, toks, r.clone()).to_string();
    let span = toks[r.start].start..toks[r.end - 1].end;
    // The printed form with its rank or title, as an alias.
    let words = name.split_whitespace().count();
    let key = format!("person/{}", person_key(&name));
    if ctx.no_new
        && ctx.ents.by_key(&key).is_none()
        && ctx.ents.persons_with_surname(&name).is_empty()
    {
        return;
    }
    // "Bill Nelson and Masahito Moriyama": two persons.
    if let Some(and) = (r.start + 1..r.end.saturating_sub(1)).find(|&i| toks[i].text(text) == "and")
    {
        person(ctx, si, toks, r.start..and, rank, titles, prefix);
        if looks_like_name(ctx, toks, and + 1..r.end) {
            person(ctx, si, toks, and + 1..r.end, None, &[], &[]);
        }
        return;
    }
    let id = if words == 1 {
        // A surname alone: the person already named in full, else a person of that name.
        let candidates = ctx.ents.persons_with_surname(&name);
        // "Col. Berg" after Gen. John Berg and Col. Anna Berg: the rank tells which one;
        // when nothing does, the mention is left unresolved rather than made a third person.
        let by_rank: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&c| rank.is_some() && ctx.ents.get(c).rank == rank)
            .collect();
        match (candidates.as_slice(), by_rank.as_slice()) {
            ([one], _) => *one,
            (_, [one]) => *one,
            ([_, _, ..], _) => return,
            _ => ctx.ents.add(
                EntityType::Person,
                &format!("person/{}", person_key(&name)),
                &name,
                &name,
                span.clone(),
            ),
        }
    } else {
        ctx.ents.add(
            EntityType::Person,
            &format!("person/{}", person_key(&name)),
            &name,
            &name,
            span.clone(),
        )
    };
    if words == 1 {
        ctx.ents.get_mut(id).aliases.insert(name.clone());
        ctx.ents.get_mut(id).mentions.push(span.clone());
    }
    // "Dr. Omar Haddad": an honorific right before the name leads it like a title.
    let titled =
        rank.is_some() || !titles.is_empty() || honorific_before(ctx.ex.kb, text, toks, r.start);
    if titled {
        // Alias with the rank or title as printed, e.g. "Lt. Gen. Philip A. Garrant".
        let start = printed_title_start(ctx.ex.kb, text, toks, r.start);
        let printed = &text[toks[start].start..span.end];
        if printed != name {
            ctx.ents.get_mut(id).aliases.insert(printed.to_string());
        }
    }
    if let Some(rk) = rank {
        ctx.ents.get_mut(id).rank.get_or_insert(rk);
    }
    if let Some(t) = titles.last() {
        ctx.ents.get_mut(id).post.get_or_insert(t.clone());
    }
    ctx.push(Mention {
        sentence: si,
        entity: id,
        span,
        lead: if titled {
            preceding_title_start(text, toks, r.start)
        } else {
            r.start
        },
        toks: r,
        titles: titles.to_vec(),
        prefix: prefix.to_vec(),
        inside: false,
    });
}

/// A person's identity across releases: first and last name, without middle initials,
/// nicknames in quotes or suffixes ("James H. Dickinson" and "James Dickinson" are one
/// person; "Paul Godfrey" and "Paul Tedman" are two).
pub(crate) fn person_key(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| {
            !(w.starts_with(['“', '"', '‘']) || (w.trim_end_matches('.').chars().count() == 1))
        })
        .collect();
    let last = last_name(name).unwrap_or(name);
    match words.first() {
        Some(first) if words.len() >= 2 && *first != last => slug(&format!("{first} {last}")),
        _ => slug(name),
    }
}

/// The first token of the rank/title words right before a name (for its printed alias).
fn preceding_title_start(text: &str, toks: &[Token], name_start: usize) -> usize {
    let mut s = name_start;
    while s > 0 {
        let t = &toks[s - 1];
        let w = t.text(text);
        if t.kind == TokenKind::Word
            && (w.ends_with('.') || w.chars().next().is_some_and(char::is_uppercase))
            && name_start - (s - 1) <= 3
        {
            s -= 1;
        } else {
            break;
        }
    }
    s
}

/// Where a person's printed form with its rank or title starts: as `preceding_title_start`,
/// from the first word that opens a rank or title the gazetteer knows ("Air Marshal Tony
/// Davies"), not from the last words of a post's subject ("Minister for Space Judith
/// Collins" is not printed "Space Judith Collins").
fn printed_title_start(kb: &Knowledge, text: &str, toks: &[Token], name_start: usize) -> usize {
    let s = preceding_title_start(text, toks, name_start);
    let opens_title = |k: usize, end: usize| {
        kb.lookup(&text[toks[k].start..toks[end].end])
            .iter()
            .any(|e| matches!(e, Entry::Rank(_) | Entry::Title(_)))
    };
    (s..name_start)
        .find(|&k| opens_title(k, name_start - 1) || opens_title(k, k))
        .unwrap_or(name_start)
}

/// A single capitalized word that is the surname of a person already named in full.
fn known_surname(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> Option<usize> {
    if r.len() != 1 {
        return None;
    }
    let w = toks[r.start].text(ctx.text);
    if ctx.ex.lexicon.stopwords.contains(w) {
        return None;
    }
    match ctx.ents.persons_with_surname(w).as_slice() {
        [one] if ctx.ents.get(*one).name.contains(' ') => Some(*one),
        _ => None,
    }
}

/// 2 to 4 capitalized words with no digits, acronyms or connectors: the shape of a name.
fn looks_like_name(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> bool {
    let words: Vec<&str> = toks[r].iter().map(|t| t.text(ctx.text)).collect();
    (2..=4).contains(&words.len())
        && !ctx.ex.lexicon.stopwords.contains(words[0])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().any(|c| c.is_ascii_digit())
                && !(w.len() > 3 && w.chars().all(|c| c.is_uppercase() || c == '-'))
        })
}

/// A run of 2 to 4 name-like words that the sentence treats as a person: followed by a
/// post (", Deputy Director ...", ", commander of ...") or by "said", or after "said".
fn looks_like_person(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> bool {
    let text = ctx.text;
    let words: Vec<&str> = toks[r.clone()].iter().map(|t| t.text(text)).collect();
    let n = words
        .iter()
        .filter(|w| w.len() > 2 || !w.ends_with('.'))
        .count();
    if !(2..=4).contains(&n) || words.len() > 5 {
        return false;
    }
    if ctx.ex.lexicon.stopwords.contains(words[0]) {
        return false;
    }
    if words.iter().any(|w| {
        w.chars().any(|c| c.is_ascii_digit())
            || (w.len() > 3 && w.chars().all(|c| c.is_uppercase() || c == '-'))
            || ctx.ex.kb.is_cue_word(Cue::NameConnector, w)
    }) {
        return false;
    }
    let next = toks.get(r.end).map(|t| t.text(text)).unwrap_or("");
    let next2: Vec<&str> = toks[r.end.min(toks.len())..(r.end + 5).min(toks.len())]
        .iter()
        .map(|t| t.text(text))
        .collect();
    let prev = if r.start > 0 {
        toks[r.start - 1].text(text)
    } else {
        ""
    };
    let speech = |w: &str| ctx.ex.kb.speech_verbs.contains(&w.to_lowercase());
    if speech(prev) || speech(next) {
        return true;
    }
    // "Lloyd J. Austin", "K. Natwar Singh": a middle or first initial; "Joseph R. Biden Jr.":
    // a generational suffix.
    let initial = |w: &&str| is_initial(w);
    let suffix = words.last().is_some_and(|w| is_suffix(w));
    if (words.iter().any(initial) || suffix)
        && words.iter().filter(|w| !initial(w)).count() >= 2
        && ctx.ex.kb.lookup(&words.join(" ")).is_empty()
    {
        return true;
    }
    let _ = next2;
    if given_name_and_surname(ctx, toks, r.clone(), &words) {
        return true;
    }
    // "Erik Dahl of (from) the Danish Space Institute": a name of a person's shape (an initial, or
    // the surname standing alone elsewhere) before "of" and a body.
    if matches!(next, "of" | "from")
        && !holds_head_or_post(ctx, toks, r.clone())
        && body_after(ctx, toks, r.end + 1)
        && (words.iter().any(|w| is_initial(w))
            || words.last().is_some_and(|w| stands_alone(text, w))
            // Two words the gazetteers do not know, with no article before them: a given
            // name and a surname ("the Space Policy of ..." is a thing's name).
            || (words.len() == 2
                && !matches!(prev.to_lowercase().as_str(), "the" | "a" | "an" | "of" | "its")
                && words.iter().all(|w| ctx.ex.kb.lookup(w).is_empty())))
    {
        return true;
    }
    // "Anna Lind, who heads ...": a relative clause of persons.
    if next == ","
        && matches!(
            toks.get(r.end + 1).map(|t| t.text(text)),
            Some("who" | "whose")
        )
    {
        return true;
    }
    if next == "," {
        // ", <post>" in the appositive that follows: a known title or a post word before
        // the appositive's comma ("Karen Feldstein, the National Aeronautics and Space
        // Administration (NASA) Associate Administrator for ...").
        for t in toks.iter().skip(r.end + 1).take(16) {
            let w = t.text(text);
            if matches!(w, "," | ";" | "." | "“" | "”") {
                break;
            }
            let lw = w.to_lowercase();
            if ctx.ex.lexicon.post(&lw).is_some()
                || ctx
                    .ex
                    .kb
                    .lookup(w)
                    .iter()
                    .any(|e| matches!(e, Entry::Title(_)))
            {
                return true;
            }
        }
    }
    false
}

/// "Ida Berg", "Kenji T. Sato": a given name the name list knows, then a surname (after an
/// optional initial) that no gazetteer knows, with no head or post word among them; the
/// given name itself is no nation, place, rank or month ("Victoria Harbour", "General Atomics",
/// "May Day" are not persons).
fn given_name_and_surname(
    ctx: &Ctx<'_, '_>,
    toks: &[Token],
    r: Range<usize>,
    words: &[&str],
) -> bool {
    let kb = ctx.ex.kb;
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let middle_ok = match words.len() {
        2 => true,
        3 => is_initial(words[1]),
        _ => false,
    };
    // "the President of the Kyoto Orbital Agency, Yamada Hiroshi,": the family name first,
    // as Japanese, Chinese and Korean releases print names, after a comma and before a
    // comma, "and" or the sentence's end.
    let text = ctx.text;
    let between_commas = r.start >= 1
        && toks[r.start - 1].text(text) == ","
        && toks
            .get(r.end)
            .is_some_and(|t| matches!(t.text(text), "," | "and" | "."));
    let (given, family) = if words.len() == 2
        && between_commas
        && !kb.given_names.contains(*first)
        && kb.given_names.contains(*last)
    {
        (last, first)
    } else {
        (first, last)
    };
    middle_ok
        && kb.given_names.contains(*given)
        && crate::date::month_number(given).is_none()
        && family.chars().count() >= 2
        && unclaimed_name(kb, given, family)
        && kb.lookup(&words.join(" ")).is_empty()
        && !ctx.ex.lexicon.stopwords.contains(*last)
        && !holds_head_or_post(ctx, toks, r)
}

/// Whether a given name and a surname are words the gazetteer claims for nothing else: the
/// given name known at most as an acronym printed otherwise ("Kari" is no KARI), the surname
/// unknown and written in lowercase after its capital.
fn unclaimed_name(kb: &Knowledge, first: &str, last: &str) -> bool {
    kb.lookup(first).iter().all(|e| acronym_only(kb, e, first))
        && last.chars().skip(1).any(char::is_lowercase)
        && kb.lookup(last).is_empty()
}

/// Whether a gazetteer entry matched `word` only as an acronym printed otherwise ("Kari" is
/// no KARI, the Korea Aerospace Research Institute).
fn acronym_only(kb: &Knowledge, e: &Entry, word: &str) -> bool {
    let Entry::Organization(i) = e else {
        return false;
    };
    word.chars().any(char::is_lowercase)
        && kb.organizations[*i]
            .aliases
            .iter()
            .chain(std::iter::once(&kb.organizations[*i].name))
            .all(|a| a == &a.to_uppercase() || a != word)
}

/// Whether a body's name begins at token `at` (after "the"): a run of capitalized words
/// ending in an organization's head word.
fn body_after(ctx: &Ctx<'_, '_>, toks: &[Token], at: usize) -> bool {
    let text = ctx.text;
    let at = if toks.get(at).is_some_and(|t| t.text(text) == "the") {
        at + 1
    } else {
        at
    };
    let mut words = Vec::new();
    let mut raw = Vec::new();
    // "of Japan's Ministry of Defense": a nation's possessive before the body.
    let at = if toks
        .get(at + 1)
        .is_some_and(|t| matches!(t.text(text), "’s" | "'s"))
        && toks.get(at).is_some_and(|t| {
            ctx.ex
                .kb
                .lookup(t.text(text))
                .iter()
                .any(|e| matches!(e, Entry::Nation(_, _)))
        }) {
        at + 2
    } else {
        at
    };
    for t in toks.iter().skip(at).take(8) {
        if !is_cap(text, t) {
            break;
        }
        words.push(form_key(t.text(text)));
        raw.push(t.text(text));
    }
    (1..=words.len()).any(|n| {
        matches!(
            ctx.ex.lexicon.head_of(&words[..n]),
            Some((Head::Kind(HeadKind::Organization), _))
        ) || ctx
            .ex
            .kb
            .lookup(&raw[..n].join(" "))
            .iter()
            .any(|e| matches!(e, Entry::Organization(_)))
    })
}

/// A generational suffix after a surname: "Jr.", "III".
fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "II" | "III" | "IV")
}

/// An initial: "K.", "P.".
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Whether a name's words hold a head word or a post word ("Space Command", "Advisor"):
/// then they are no person's name.
fn holds_head_or_post(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> bool {
    let lex = &ctx.ex.lexicon;
    toks[r].iter().any(|t| {
        let w = form_key(t.text(ctx.text));
        lex.post_key(&w).is_some() || lex.head_of(std::slice::from_ref(&w)).is_some()
    })
}

/// Where a person's name begins at the end of a run of at least three words that opens
/// with a post's words: the last two words, with the initials before or between them
/// ("Space Affairs Lars P. Berg": "Lars P. Berg"; "External Affairs K. Natwar Singh": "K.
/// Natwar Singh"). The name must have a name's shape and hold no head or post word.
fn trailing_name(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> Option<usize> {
    if r.len() < 3 {
        return None;
    }
    let text = ctx.text;
    let initial = |i: usize| is_initial(toks[i].text(text));
    // "Lloyd J. Austin III": a generational suffix after the surname.
    let suffix = is_suffix(toks[r.end - 1].text(text));
    let core_end = if suffix { r.end - 1 } else { r.end };
    if core_end < r.start + 3 {
        return None;
    }
    let mut start = core_end - 2;
    if initial(start) {
        start -= 1;
    }
    while start > r.start + 1 && initial(start - 1) {
        start -= 1;
    }
    (start > r.start
        && looks_like_name(ctx, toks, start..r.end)
        && !holds_head_or_post(ctx, toks, start..r.end)
        && named_like_a_person(ctx, toks, start..r.end))
    .then_some(start)
}

/// What tells words after a post's own words from more of the post ("International and
/// Interagency Relations"): an initial among them, a given name, a verb after them, or the
/// last word standing alone elsewhere in the release, as a surname does ("Berg said").
fn named_like_a_person(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> bool {
    let text = ctx.text;
    if toks[r.clone()].iter().any(|t| is_initial(t.text(text))) {
        return true;
    }
    // A given name the name list knows ("Lars Berg"), or one written with a hyphen and
    // lowercase after it, as romanized Korean names are ("Park Ji-hoon").
    let first = toks[r.start].text(text);
    let last = toks[r.end - 1].text(text);
    let hyphenated_given = |w: &str| {
        w.split_once('-').is_some_and(|(a, b)| {
            a.chars().skip(1).all(char::is_lowercase)
                && a.chars().count() >= 2
                && b.chars().count() >= 2
                && b.chars().all(char::is_lowercase)
        })
    };
    if ctx.ex.kb.given_names.contains(first) || hyphenated_given(last) {
        return true;
    }
    let next = toks.get(r.end).map(|t| t.text(text));
    // A verb after them ("... Kari Nordmann met", "... Kari Nordmann said"): a lowercase word
    // that is no function word continuing the post ("... Relations at the ministry").
    let verb_after = next.is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                w,
                "of" | "for"
                    | "and"
                    | "or"
                    | "in"
                    | "at"
                    | "on"
                    | "to"
                    | "with"
                    | "from"
                    | "by"
                    | "the"
                    | "a"
                    | "an"
            )
    });
    if verb_after {
        return true;
    }
    stands_alone(text, last)
}

/// Whether a capitalized word stands somewhere in `text` as a word of its own, with no
/// capitalized word right before it (an initial counts; a title with its period does not)
/// or right after it.
fn stands_alone(text: &str, word: &str) -> bool {
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    text.match_indices(word).any(|(at, _)| {
        let head = &text[..at];
        let tail = &text[at + word.len()..];
        if head.ends_with(char::is_alphanumeric) || tail.starts_with(char::is_alphanumeric) {
            return false;
        }
        let prev_cap = head
            .strip_suffix(' ')
            .map(|h| h.rsplit(' ').next().unwrap_or(""))
            .is_some_and(|w| cap(w) && (!w.ends_with(['.', ',', ';', ':']) || is_initial(w)));
        let next_cap = tail
            .strip_prefix(' ')
            .map(|t| t.split(' ').next().unwrap_or(""))
            .is_some_and(cap);
        !prev_cap && !next_cap
    })
}

/// A run of words that ends a post with a post word and then holds a name: "National
/// Security Advisor Kari Nordmann", "Federal Space Coordinator Anna K. Lind". Returns the
/// post as printed and where the name begins.
fn post_in_run(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> Option<(String, usize)> {
    if r.len() < 3 {
        return None;
    }
    let text = ctx.text;
    let p = (r.start..r.end - 2).rev().find(|&i| {
        let t = toks[i].text(text);
        t.chars().next().is_some_and(char::is_uppercase)
            && ctx.ex.lexicon.post_key(&form_key(t)).is_some()
    })?;
    let name = p + 1..r.end;
    let words = toks[name.clone()]
        .iter()
        .filter(|t| !is_initial(t.text(text)))
        .count();
    ((2..=3).contains(&words)
        && looks_like_name(ctx, toks, name.clone())
        && !holds_head_or_post(ctx, toks, name))
    .then(|| (span_text(text, toks, r.start..p + 1), p + 1))
}

/// A name that leads, chairs or signs, alone or in a list of names: "Kari Nordmann and Pedro
/// Alvarez co-chaired the dialogue", "co-chaired by Kari Nordmann and Pedro Alvarez", "signed
/// by Kari Nordmann". Only persons are said to do so by name without a title (known bodies
/// are read before this).
fn leads_or_signs(ctx: &Ctx<'_, '_>, toks: &[Token], r: Range<usize>) -> bool {
    let text = ctx.text;
    let kb = ctx.ex.kb;
    let verb = |t: &Token| {
        let w = form_key(t.text(text));
        kb.is_cue_word(Cue::Lead, &w) || kb.is_cue_word(Cue::SigningVerb, &w)
    };
    // Names and "and" between this name and the verb.
    let in_list = |t: &Token| is_cap(text, t) || t.text(text) == "and";
    let after = toks[r.end..].iter().take(8).position(|t| !in_list(t));
    let verb_after = after.is_some_and(|k| verb(&toks[r.end + k]));
    let before = toks[..r.start]
        .iter()
        .rev()
        .take(8)
        .position(|t| !in_list(t));
    let verb_before = before.is_some_and(|k| {
        let by = r.start - 1 - k;
        toks[by].text(text) == "by" && by > 0 && verb(&toks[by - 1])
    });
    verb_after || verb_before
}

/// Where the list of names that holds the name at `start` begins: "astronauts Alexander
/// Gerst and Matthias Maurer" begins at "Alexander".
fn list_start(ctx: &Ctx<'_, '_>, toks: &[Token], start: usize) -> usize {
    let mut k = start;
    while k >= 2 && toks[k - 1].text(ctx.text) == "and" && is_cap(ctx.text, &toks[k - 2]) {
        k -= 2;
        while k > 0 && is_cap(ctx.text, &toks[k - 1]) {
            k -= 1;
        }
    }
    k
}

/// A post phrase, then a comma, right before a name: "the Portuguese ambassador to Ghana,
/// Maria Santos"; "Chile's minister of science, Ana Rojas,".
fn post_before_comma(ctx: &Ctx<'_, '_>, toks: &[Token], start: usize) -> bool {
    start >= 2
        && toks[start - 1].text(ctx.text) == ","
        && post_phrase_before(ctx.text, &ctx.ex.lexicon, toks, start - 1).is_some()
}

/// Where the post phrase that ends at the comma at `comma` starts, if one does: a post word
/// within ten words before it, then back over capitalized words and the small words of
/// titles to an article or possessive. After the post, up to the comma, only capitalized
/// words, small words, and lowercase words after "of"/"for" ("minister of science and
/// technology", "ambassador to Ghana"); no other punctuation.
pub(crate) fn post_phrase_before(
    text: &str,
    lex: &Lexicon,
    toks: &[Token],
    comma: usize,
) -> Option<usize> {
    let from = comma.saturating_sub(10);
    let word = |k: usize| toks[k].text(text);
    let lower = |k: usize| word(k).starts_with(char::is_lowercase);
    // A word of a name: not lowercase, letters, digits, dots and hyphens only.
    let name_word = |k: usize| {
        !lower(k)
            && word(k)
                .chars()
                .all(|ch| ch.is_alphanumeric() || ch == '.' || ch == '-')
    };
    // The post nearest the comma with only a post's complement after it.
    let post = (from..comma).rev().find(|&k| {
        lex.post(word(k)).is_some()
            && (k + 1..comma).all(|j| {
                let w = word(j);
                let complement = lower(j)
                    && (k + 1..j).any(|i| matches!(word(i), "of" | "for"))
                    && w.chars().all(char::is_alphabetic);
                matches!(
                    w,
                    "of" | "for" | "to" | "and" | "in" | "at" | "the" | "'s" | "’s"
                ) || name_word(j)
                    || complement
            })
    })?;
    // Before the post: adjectives, capitalized names, possessives, to the article.
    let mut start = post;
    while start > from {
        let w = word(start - 1);
        if matches!(w, "the" | "his" | "her" | "its" | "their") {
            return Some(start - 1);
        }
        let small = matches!(w, "of" | "for" | "and" | "'s" | "’s");
        if !(small || name_word(start - 1) || lex.post(w).is_some()) {
            break;
        }
        start -= 1;
    }
    Some(start)
}

/// A lowercase post word right before a name: "astronauts Alexander Gerst and ...".
fn after_post_word(ctx: &Ctx<'_, '_>, toks: &[Token], start: usize) -> bool {
    if start == 0 {
        return false;
    }
    let w = toks[start - 1].text(ctx.text);
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let lex = &ctx.ex.lexicon;
    lex.post(w).is_some() || w.strip_suffix('s').is_some_and(|s| lex.post(s).is_some())
}

/// A lowercase head word of an initiative or agreement right after a name: "program",
/// "project", "campaign", "mission", "initiative", "partnership".
fn lowercase_head_after(ctx: &Ctx<'_, '_>, toks: &[Token], end: usize) -> Option<(Head, usize)> {
    let mut words = Vec::new();
    for t in toks.iter().skip(end).take(3) {
        let w = t.text(ctx.text);
        if !w.chars().next().is_some_and(char::is_lowercase) {
            break;
        }
        words.push(form_key(w));
        if let Some((h, n)) = ctx.ex.lexicon.head_of(&words) {
            if n == words.len() && matches!(h, Head::Kind(HeadKind::Initiative)) {
                return Some((h, n));
            }
        }
    }
    None
}

/// A lowercase class noun of events or bodies (cue role `class-noun`) right after a name
/// ("the Polar Lantern exercise") or right before it ("the space exercise Polar Lantern 25",
/// "Chile's national space agency Andescosmos"): the head it gives, and the tokens of the
/// noun.
fn class_noun_around(
    ctx: &Ctx<'_, '_>,
    toks: &[Token],
    r: &Range<usize>,
) -> Option<(Head, Range<usize>)> {
    // The words from..to, when all are lowercase, as form keys.
    let lower = |from: usize, to: usize| -> Option<Vec<String>> {
        let ts = toks.get(from..to)?;
        ts.iter()
            .all(|t| t.text(ctx.text).starts_with(char::is_lowercase))
            .then(|| ts.iter().map(|t| form_key(t.text(ctx.text))).collect())
    };
    let of_kind = |h: &Head| matches!(h, Head::Event(_) | Head::Kind(HeadKind::Organization));
    for n in (1..=2).rev() {
        let after = r.end..r.end + n;
        let before = r.start.checked_sub(n).map(|s| s..r.start);
        for span in std::iter::once(after).chain(before) {
            let head = lower(span.start, span.end).and_then(|w| class_noun(ctx, &w));
            if let Some(h) = head.filter(of_kind) {
                return Some((h, span));
            }
        }
    }
    None
}

/// The head a class noun gives (cue role `class-noun`): `words` are the whole cue and the
/// whole head word.
fn class_noun(ctx: &Ctx<'_, '_>, words: &[String]) -> Option<Head> {
    let n = words.len();
    if ctx.ex.kb.cue_at(Cue::ClassNoun, words, 0) != Some(n) {
        return None;
    }
    match ctx.ex.lexicon.head_of(words) {
        Some((h, m)) if m == n => Some(h),
        _ => None,
    }
}

/// ", a/an ... <class noun>" after a name, with no preposition or verb before the noun
/// ("Polar Lantern, a multinational space exercise led by Finland"): the event head.
fn appositive_class_noun(ctx: &Ctx<'_, '_>, toks: &[Token], end: usize) -> Option<Head> {
    let text = ctx.text;
    if toks.get(end).map(|t| t.text(text)) != Some(",")
        || !toks
            .get(end + 1)
            .is_some_and(|t| matches!(form_key(t.text(text)).as_str(), "a" | "an" | "the"))
    {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    for t in toks.iter().skip(end + 2).take(6) {
        let w = t.text(text);
        if t.kind != TokenKind::Word
            || !w.chars().next().is_some_and(char::is_lowercase)
            || ctx.ex.lexicon.stopwords.contains(w)
        {
            return None;
        }
        words.push(form_key(w));
        for n in 1..=words.len().min(2) {
            if let Some(h @ Head::Event(_)) = class_noun(ctx, &words[words.len() - n..]) {
                return Some(h);
            }
        }
    }
    None
}

/// ", a/an/the ... <head>" after a name: the head word types the name ("Global Sentinel
/// 2024, U.S. Space Command’s flagship multinational exercise").
fn appositive_head(ctx: &Ctx<'_, '_>, toks: &[Token], end: usize) -> Option<Head> {
    let text = ctx.text;
    let mut i = end;
    // Skip a parenthetical acronym.
    if toks.get(i).is_some_and(|t| t.text(text) == "(") {
        while i < toks.len() && toks[i].text(text) != ")" {
            i += 1;
        }
        i += 1;
    }
    if toks.get(i).map(|t| t.text(text)) != Some(",") {
        return None;
    }
    // An appositive opens with a determiner or an owner's possessive ("a joint program of",
    // "U.S. Space Command’s flagship exercise"); ", signed an agreement" is a verb phrase.
    let opens = toks.get(i + 1).is_some_and(|t| {
        matches!(form_key(t.text(text)).as_str(), "a" | "an" | "the")
            || toks[i + 1..toks.len().min(i + 7)]
                .iter()
                .any(|x| matches!(x.text(text), "’s" | "'s" | "’"))
    });
    if !opens {
        return None;
    }
    let mut words = Vec::new();
    let mut depth = 0;
    for t in toks.iter().skip(i + 1).take(12) {
        let w = t.text(text);
        // Parentheses inside the appositive ("U.S. Space Command’s (USSPACECOM) flagship
        // exercise") are skipped.
        match w {
            "(" => depth += 1,
            ")" => depth -= 1,
            _ => {}
        }
        if depth > 0 || w == ")" {
            continue;
        }
        if matches!(w, "," | "." | ";" | "”") {
            break;
        }
        if t.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_lowercase) {
            words.push(form_key(w));
            if let Some((h, _)) = ctx.ex.lexicon.head_of(&words[words.len() - 1..]) {
                if !matches!(h, Head::Kind(HeadKind::Place)) {
                    return Some(h);
                }
            }
        }
    }
    None
}

/// Names in quotes typed by the lowercase head after them: `“Partner to Win” line of
/// effort`, `"Space Flag" exercise`.
fn quoted_names(ctx: &mut Ctx<'_, '_>, si: usize, toks: &[Token]) {
    let text = ctx.text;
    let mut i = 0;
    while i < toks.len() {
        if !matches!(toks[i].text(text), "“" | "\"") {
            i += 1;
            continue;
        }
        let Some(close) =
            (i + 1..toks.len().min(i + 9)).find(|&j| matches!(toks[j].text(text), "”" | "\""))
        else {
            i += 1;
            continue;
        };
        if close == i + 1 || !is_cap(text, &toks[i + 1]) {
            i = close + 1;
            continue;
        }
        let mut words = Vec::new();
        let mut hit = None;
        for t in toks.iter().skip(close + 1).take(4) {
            words.push(form_key(t.text(text)));
            if let Some((h, n)) = ctx.ex.lexicon.head_of(&words) {
                if n == words.len() {
                    hit = Some(h);
                }
            }
        }
        if let Some(h) = hit {
            headed(ctx, si, toks, i + 1..close, h, &[]);
        }
        i = close + 1;
    }
}

/// Whether a lowercase noun for what a person is stands before token `at` ("astronauts
/// Alexander Gerst and Matthias Maurer").
fn role_before(ctx: &Ctx<'_, '_>, toks: &[Token], at: usize) -> bool {
    at > 0 && {
        let w = toks[at - 1].text(ctx.text);
        w.chars().next().is_some_and(char::is_lowercase)
            && ctx
                .ex
                .kb
                .has_cue(crate::knowledge::Cue::PersonRole, &[form_key(w)])
    }
}

/// The last words of `words` whose initials spell `acronym` ("SSA": "space situational
/// awareness"), joined.
fn spelled_out(acronym: &str, words: &[&str]) -> Option<String> {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let n = letters.len();
    if n < 2 || words.len() < n {
        return None;
    }
    let tail = &words[words.len() - n..];
    let fits = tail.iter().zip(&letters).all(|(w, l)| {
        w.chars()
            .next()
            .is_some_and(|c| c.to_lowercase().eq(l.to_lowercase()))
    });
    fits.then(|| tail.join(" "))
}

/// Agreements described rather than named: "signed a memorandum of understanding (MOU) on
/// the formation of ...", "an SSA sharing agreement".
fn described_agreements(ctx: &mut Ctx<'_, '_>, si: usize, toks: &[Token]) {
    let text = ctx.text;
    let lower: Vec<String> = toks.iter().map(|t| form_key(t.text(text))).collect();
    let mut i = 0;
    while i < toks.len() {
        if !matches!(lower[i].as_str(), "a" | "an") {
            i += 1;
            continue;
        }
        // Find an agreement head within the next words, all lowercase or acronyms.
        let mut end = None;
        let mut words = Vec::new();
        for j in i + 1..toks.len().min(i + 9) {
            let w = toks[j].text(text);
            if matches!(w, "," | "." | ";") {
                break;
            }
            if w == "(" {
                continue;
            }
            // A capitalized word is a name ("a founding signatory of the Artemis Accords"):
            // named agreements are read elsewhere. Capitalized words right after the article,
            // naming no entity and holding no head word, may say what the agreement is about
            // ("a Space Situational Awareness sharing agreement"; not "a Memorandum of
            // Understanding concerning ...").
            if w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().all(|c| c.is_uppercase() || c == '-')
            {
                let topic = words
                    .iter()
                    .all(|x: &String| x.chars().next().is_some_and(char::is_alphabetic))
                    && words
                        .iter()
                        .all(|x| !ctx.ex.lexicon.stopwords.contains(x.as_str()))
                    && !ctx.found.in_sentence(si).any(|m| m.toks.contains(&j))
                    && ctx
                        .ex
                        .lexicon
                        .head_of(std::slice::from_ref(&lower[j]))
                        .is_none();
                if !topic {
                    break;
                }
            }
            words.push(lower[j].clone());
            if let Some((Head::Kind(HeadKind::Agreement), _)) = ctx.ex.lexicon.head_of(&words) {
                end = Some(j + 1);
            }
        }
        let Some(mut end) = end else {
            i += 1;
            continue;
        };
        // A following "(MOU)" is part of the phrase; "on/concerning ..." completes it.
        end = past_parenthesis(text, toks, end);
        let mut full_end = end;
        // "an agreement on Tuesday", "... on 5th May": a date, not what the agreement is
        // about.
        let dated_on = toks.get(end + 1).is_some_and(|t| {
            let w = t.text(text);
            crate::date::month_number(w).is_some()
                || ctx.ex.lexicon.stopwords.contains(w)
                || w.chars().all(|c| c.is_ascii_digit())
                || is_ordinal(text, t)
        });
        // "an agreement to share satellite data": its purpose, a verb after "to".
        let purpose = toks.get(end).is_some_and(|t| t.text(text) == "to")
            && toks.get(end + 1).is_some_and(|t| {
                let w = t.text(text);
                w.chars().all(|c| c.is_ascii_lowercase()) && w != "the" && w != "be"
            });
        if !dated_on
            && (purpose
                || toks.get(end).is_some_and(|t| {
                    matches!(t.text(text), "on" | "concerning" | "for" | "regarding")
                }))
        {
            let mut j = end + 1;
            // What it is about ends at a clause or at the time, place or parties of the
            // signing ("... data sharing on May 3", "... in Oslo", "... with Chile").
            let kb = ctx.ex.kb;
            let ends_topic = |j: usize| {
                let w = toks[j].text(text);
                let next = toks.get(j + 1).map_or("", |n| n.text(text));
                let named = next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
                let date = next.starts_with(|c: char| c.is_ascii_digit())
                    || crate::date::month_number(next).is_some()
                    || crate::date::is_weekday(next);
                let place = date
                    || kb.city(next).is_some()
                    || kb
                        .lookup(next)
                        .iter()
                        .any(|e| matches!(e, Entry::Place(_) | Entry::Nation(_, _)));
                matches!(w, "," | "." | ";" | "at" | "that" | "which" | "to")
                    // A verb: "... on Earth observation was signed between ...".
                    || matches!(w, "was" | "were" | "is" | "are" | "has" | "have" | "had")
                    || kb.is_cue_word(Cue::Auxiliary, w)
                    || kb.is_cue_word(Cue::Signing, w)
                    || (w == "on" && date)
                    || (w == "in" && place)
                    || ((matches!(w, "with" | "during" | "by") || kb.is_cue_word(Cue::MemberAmong, w))
                        && named)
            };
            while j < toks.len() && j < end + 14 && !ends_topic(j) {
                j += 1;
            }
            full_end = j;
        }
        let start = i + 1;
        let name_toks: Vec<&Token> = toks[start..full_end]
            .iter()
            .filter(|t| !matches!(t.text(text), "(" | ")"))
            .collect();
        // Drop "(MOU)" from the name; keep it as an alias.
        let mut name = String::new();
        let mut in_paren = false;
        let mut acronym: Option<String> = None;
        let mut words_before: Vec<&str> = Vec::new();
        for (k, t) in toks[start..full_end].iter().enumerate() {
            let w = t.text(text);
            match w {
                "(" => in_paren = true,
                ")" => {
                    in_paren = false;
                    // "(SSA) sharing agreement": the acronym abbreviates the words before
                    // it, not the agreement.
                    if start + k + 1 < full_end {
                        if let Some(a) = acronym.take() {
                            if let Some(exp) = spelled_out(&a, &words_before) {
                                ctx.expansions.insert(a, exp);
                            }
                        }
                    }
                }
                _ if in_paren => acronym = Some(w.to_string()),
                _ => {
                    // "an SSA sharing agreement": the words the acronym stands for.
                    let w = ctx.expansions.get(w).map(String::as_str).unwrap_or(w);
                    if !name.is_empty() {
                        name.push(' ');
                    }
                    name.push_str(w);
                    words_before.push(t.text(text));
                }
            }
        }
        // "an agreement" alone is no entity: a described agreement says what it is about
        // ("an SSA sharing agreement", "a memorandum of understanding on ...") or gives
        // an acronym.
        let bare = acronym.is_none()
            && ctx
                .ex
                .lexicon
                .head_of(&[form_key(&name)])
                .is_some_and(|(_, n)| n == 1)
            && !name.contains(' ');
        if name_toks.is_empty() || bare || ctx.ents.local_form(&name).is_some() {
            i = full_end;
            continue;
        }
        let span = toks[start].start..toks[full_end - 1].end;
        let key = format!("agreement/{}", slug(&name));
        let id = ctx
            .ents
            .add(EntityType::Agreement, &key, &name, &name, span.clone());
        ctx.ents.get_mut(id).unnamed = true;
        if let Some(a) = acronym {
            ctx.ents.define_local_form(&a, id);
        }
        ctx.push(Mention::plain(si, id, span, start..full_end));
        i = full_end;
    }
}

/// Where the words go on after a short parenthesis opening at `at` ("(MOU)", "(CNSA)"):
/// past its closing bracket, within four words; else `at`.
fn past_parenthesis(text: &str, toks: &[Token], at: usize) -> usize {
    if toks.get(at).is_some_and(|t| t.text(text) == "(") {
        if let Some(close) = (at..toks.len().min(at + 4)).find(|&j| toks[j].text(text) == ")") {
            return close + 1;
        }
    }
    at
}

/// "Full Name (ACRONYM)": the acronym becomes a form of the entity named just before.
fn acronyms(ctx: &mut Ctx<'_, '_>, si: usize, toks: &[Token]) {
    let text = ctx.text;
    let ms: Vec<(usize, usize)> = ctx
        .found
        .in_sentence(si)
        .filter(|m| !m.inside)
        .map(|m| (m.toks.end, m.entity))
        .collect();
    for (end, id) in ms {
        let (Some(open), Some(acr), Some(close)) =
            (toks.get(end), toks.get(end + 1), toks.get(end + 2))
        else {
            continue;
        };
        if open.text(text) != "(" || close.text(text) != ")" {
            continue;
        }
        let a = acr.text(text);
        let caps = a.chars().filter(|c| c.is_uppercase()).count();
        if caps >= 2 && a.len() <= 16 && !a.contains(' ') {
            if ctx.ents.get(id).kind == EntityType::Person {
                continue;
            }
            ctx.ents.define_local_form(a, id);
            ctx.ents.get_mut(id).mentions.push(acr.span());
        }
    }
}

/// Surnames that stood alone before the full name appeared, and persons named twice.
fn resolve_surnames(ex: &Extractor<'_>, found: &mut Found, ents: &mut super::Entities) {
    let ids: Vec<usize> = ents.ids().collect();
    for id in ids {
        let e = ents.get(id);
        let words = e.name.split_whitespace().count();
        if e.kind != EntityType::Person || words > 2 {
            continue;
        }
        let name = e.name.clone();
        let others = |v: Vec<usize>| -> Vec<usize> {
            v.into_iter()
                .filter(|&f| f != id && ents.get(f).name.contains(' '))
                .collect()
        };
        // "Mastalir": the surname of one person named in full. Else the end of a longer name
        // ("Dr. Al Falasi"), or one word that opens it ("Minister Hayashi" for a name
        // printed family name first, "Hayashi Yoshimasa").
        let by_surname = if words == 1 {
            others(ents.persons_with_surname(&name))
        } else {
            Vec::new()
        };
        let full = if by_surname.is_empty() {
            others(ents.persons_named_by_part(&name))
        } else {
            by_surname
        };
        if let [one] = full.as_slice() {
            ents.merge(id, *one);
        }
    }
    merge_by_core_name(ex, ents);
    for m in &mut found.mentions {
        m.entity = ents.resolve(m.entity);
    }
}

/// A name without the nations or organizations printed before it: "Space Engagement
/// Talks" for "US-Japan Space Engagement Talks", "Space Forces Korea" for "U.S. Space
/// Forces Korea"; and without a nation after "of" at its end ("Ministry of Space Affairs"
/// for "Ministry of Space Affairs of Chile").
fn core_name(kb: &Knowledge, name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // "Ministry of Space Affairs of Chile": a nation after the name, too.
    let is_nation = |w: &str| {
        kb.lookup(w)
            .iter()
            .any(|e| matches!(e, Entry::Nation(_, _)))
    };
    for n in 1..=3 {
        let Some(of) = words.len().checked_sub(n + 1) else {
            break;
        };
        let of = if of > 0 && words[of].eq_ignore_ascii_case("the") {
            of - 1
        } else {
            of
        };
        if of >= 2 && words[of] == "of" && is_nation(&words[words.len() - n..].join(" ")) {
            words.truncate(of);
            break;
        }
    }
    let mut i = 0;
    while i + 1 < words.len() {
        let w = words[i].trim_end_matches("’s").trim_end_matches("'s");
        let ordinal_or_year = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if ordinal_or_year || w.eq_ignore_ascii_case("the") {
            i += 1;
            continue;
        }
        let parts = crate::text::compound_parts(w);
        let known = parts.iter().all(|p| {
            kb.lookup(p)
                .iter()
                .any(|e| matches!(e, Entry::Nation(_, _) | Entry::Organization(_)))
        });
        if known {
            i += 1;
        } else {
            break;
        }
    }
    form_key(&words[i..].join(" "))
}

/// Names of one thing with and without a nation or organization before them are one
/// entity: the form with the prefix gives the name.
fn merge_by_core_name(ex: &Extractor<'_>, ents: &mut super::Entities) {
    let mut groups: HashMap<(EntityType, String), Vec<usize>> = HashMap::new();
    for id in ents.ids().collect::<Vec<_>>() {
        let e = ents.get(id);
        if !matches!(
            e.kind,
            EntityType::Event
                | EntityType::Organization
                | EntityType::Initiative
                | EntityType::Agreement
        ) || e.unnamed
        {
            continue;
        }
        let core = core_name(ex.kb, &e.name);
        if core.split(' ').count() < 2 && e.kind != EntityType::Event {
            continue;
        }
        groups.entry((e.kind, core)).or_default().push(id);
    }
    for ((kind, core), mut ids) in groups {
        if ids.len() < 2 {
            continue;
        }
        ids.sort_by_key(|&i| {
            ents.get(i)
                .mentions
                .iter()
                .map(|m| m.start)
                .min()
                .unwrap_or(usize::MAX)
        });
        let prefixed: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| form_key(&ents.get(i).name) != core)
            .collect();
        let target = match (kind, prefixed.as_slice()) {
            (_, [one]) => *one,
            (EntityType::Event, [first, ..]) => *first,
            (_, []) => ids[0],
            _ => continue,
        };
        for &i in &ids {
            let bare = form_key(&ents.get(i).name) == core;
            if i != target && (bare || kind == EntityType::Event) {
                ents.merge(i, target);
            }
        }
    }
}

/// Whether "on" after this word goes on naming its subject: the word is a head word of
/// events and bodies ("Committee on the Peaceful Uses"), not a person's name ("Ivo Lind on
/// the Latvian side").
fn on_names_subject(lex: &Lexicon, text: &str, before: &Token) -> bool {
    lex.head_of(&[form_key(before.text(text))])
        .is_some_and(|(h, _)| !matches!(h, Head::Kind(HeadKind::Place)))
}

/// Whether the word right before a name is an honorific ("Dr." in "Dr. Omar Haddad").
fn honorific_before(kb: &Knowledge, text: &str, toks: &[Token], name_start: usize) -> bool {
    name_start > 0 && kb.is_honorific(toks[name_start - 1].text(text))
}

/// Whether a line starts with an honorific ("The Hon", "Dr.").
fn starts_with_honorific(kb: &crate::knowledge::Knowledge, line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=3.min(words.len())).any(|n| kb.is_honorific(&words[..n].join(" ")))
}

/// The release with its header's name lines settled: the first that names a place the
/// gazetteers know is the dateline (when the release has none), the first other one the
/// publisher (when none is given). `None` when there is nothing to settle.
pub(crate) fn settle_header(kb: &Knowledge, release: &Release) -> Option<Release> {
    if release.name_lines.is_empty()
        || (release.dateline.is_some() && release.publisher.is_some() && release.author.is_some())
    {
        return None;
    }
    let mut r = release.clone();
    for (name, span) in &release.name_lines {
        let place = kb
            .lookup(name)
            .iter()
            .any(|e| matches!(e, Entry::Place(_) | Entry::Nation(_, NationForm::Capital)))
            || kb.city(name).is_some();
        // "Flight Lieutenant Jane Roe": a rank opens the name of the story's author.
        let words: Vec<&str> = name.split_whitespace().collect();
        let ranked = (1..=3.min(words.len().saturating_sub(1))).any(|n| {
            kb.lookup(&words[..n].join(" "))
                .iter()
                .any(|e| matches!(e, Entry::Rank(_)))
        });
        if ranked {
            if r.author.is_none() {
                r.author = Some(name.clone());
                r.author_span = Some(span.clone());
            }
        } else if place && r.dateline.is_none() {
            r.dateline = Some(crate::reading::Dateline {
                place: release.content[span.clone()].to_string(),
                place_span: span.clone(),
                region: None,
                region_span: None,
                date: None,
            });
        } else if !place && r.publisher.is_none() {
            r.publisher = Some(name.clone());
            r.publisher_span = Some(span.clone());
        }
    }
    Some(r)
}

/// Metadata of the release resolved to entities: the byline's person, the publishing
/// office, the dateline's place.
pub(crate) fn metadata(
    ex: &Extractor<'_>,
    release: &Release,
    ents: &mut super::Entities,
) -> Metadata {
    let kb = ex.kb;
    let mut md = Metadata {
        title: release.title.clone(),
        published: release.published,
        ..Metadata::default()
    };
    // "By Space Training and Readiness Command Public Affairs": a byline naming an office
    // (a name with an organization's head word) is the publisher, not an author.
    let office_byline = release.author.as_ref().filter(|a| {
        let words: Vec<String> = a.split_whitespace().map(form_key).collect();
        ex.lexicon.holds_organization_head(&words)
    });
    if let Some(author) = release.author.as_ref().filter(|_| office_byline.is_none()) {
        // "Tech. Sgt. Nick Wilson": a rank, then the name.
        let toks = ex.tokenizer.tokenize(author, 0);
        let mut i = 0;
        let mut rank = None;
        while i < toks.len() {
            let mut hit = None;
            for n in (1..=3.min(toks.len() - i)).rev() {
                let f = &author[toks[i].start..toks[i + n - 1].end];
                if let Some(Entry::Rank(r)) =
                    kb.lookup(f).iter().find(|e| matches!(e, Entry::Rank(_)))
                {
                    hit = Some((n, *r));
                    break;
                }
            }
            match hit {
                Some((n, r)) => {
                    rank = Some(r);
                    i += n;
                }
                None => break,
            }
        }
        if i < toks.len() {
            let name = author[toks[i].start..].trim().to_string();
            let id = ents.add(
                EntityType::Person,
                &format!("person/{}", person_key(&name)),
                &name,
                author,
                0..0,
            );
            if let Some(r) = rank {
                ents.get_mut(id).rank.get_or_insert(r);
            }
            md.author = Some(id);
        }
    }
    if let Some(p) = release.publisher.as_ref().or(office_byline) {
        // An organization known to the gazetteer, or one of its own.
        let organization = |form: &str, ents: &mut super::Entities| -> usize {
            // The body's organization of that name ("Federal Ministry of Defence" for the
            // "German Federal Ministry of Defence (BMVg)" the text names).
            let key = form_key(form);
            let named = ents.ids().find(|&i| {
                let e = ents.get(i);
                e.kind == EntityType::Organization
                    && std::iter::once(&e.name).chain(e.aliases.iter()).any(|n| {
                        let n = form_key(n);
                        n == key || n.ends_with(&format!(" {key}"))
                    })
            });
            if let Some(i) = named {
                return i;
            }
            match kb
                .lookup(form)
                .iter()
                .find(|e| matches!(e, Entry::Organization(_)))
            {
                Some(&e) => {
                    let (kind, key, name) = known_key(kb, e).expect("organizations have keys");
                    ents.add(kind, &key, &name, form, 0..0)
                }
                None => ents.add(
                    EntityType::Organization,
                    &format!("org/{}", slug(form)),
                    form,
                    form,
                    0..0,
                ),
            }
        };
        let known = |form: &str| {
            kb.lookup(form)
                .iter()
                .any(|e| matches!(e, Entry::Organization(_)))
        };
        // A ministry, department or agency holds offices.
        let body = |form: &str| {
            let words: Vec<String> = form.split_whitespace().map(form_key).collect();
            kb.has_cue(crate::knowledge::Cue::ParentBody, &words)
        };
        match p.split_once(", ") {
            // "The Hon Richard Marles MP, Deputy Prime Minister ...": a minister's office
            // line names a person, read from the text; the line is kept as printed.
            Some(_) if starts_with_honorific(kb, p) => {
                md.publisher_line = Some(p.clone());
            }
            // "Office of the Spokesperson, U.S. Department of State" and "Federal Ministry
            // of Defence, Press and Information Staff": the office and the organization it
            // belongs to, the known organization being the parent.
            Some((a, b)) => {
                let a_parent = (known(a) && !known(b)) || (body(a) && !body(b));
                let (office, parent) = if a_parent { (b, a) } else { (a, b) };
                md.publisher = Some(organization(office.trim(), ents));
                md.publisher_parent = Some(organization(parent.trim(), ents));
                md.publisher_line = Some(p.clone());
            }
            None => md.publisher = Some(organization(p, ents)),
        }
    }
    if let Some(dl) = &release.dateline {
        // "WASHINGTON, D.C.": a region that is part of the city's name is kept with it.
        let caps = dl.place.chars().all(|c| !c.is_lowercase());
        let place = if caps {
            dl.place
                .split_whitespace()
                .map(|w| {
                    // "RAF HIGH WYCOMBE": a known acronym stays in capitals.
                    if w.len() <= 4 && !kb.lookup(w).is_empty() {
                        return w.to_string();
                    }
                    let mut cs = w.chars();
                    cs.next()
                        .map(|f| f.to_string() + &cs.as_str().to_lowercase())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            dl.place.clone()
        };
        let (printed, place) = match &dl.region {
            Some(r) if crate::reading::region_is_city_part(r) => {
                (format!("{}, {r}", dl.place), format!("{place}, {r}"))
            }
            _ => (dl.place.clone(), place),
        };
        let known = kb
            .lookup(&printed)
            .iter()
            .find(|e| matches!(e, Entry::Place(_)))
            .copied()
            .or_else(|| kb.city(&printed).map(Entry::Place));
        let id = match known {
            Some(e) => {
                let (kind, key, name) = known_key(kb, e).expect("places have keys");
                // The name as printed when it says more than the gazetteer's ("Washington,
                // D.C." for Washington).
                let fuller = place.len() > name.len() && place.starts_with(&name);
                let id = ents.add(kind, &key, &name, &printed, dl.place_span.clone());
                if fuller {
                    let e = ents.get_mut(id);
                    let old = std::mem::replace(&mut e.name, place.clone());
                    e.aliases.remove(&place);
                    e.aliases.insert(old);
                }
                id
            }
            None => ents.add(
                EntityType::Place,
                &format!("place/{}", slug(&place)),
                &place,
                &dl.place,
                dl.place_span.clone(),
            ),
        };
        md.dateline = Some(id);
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::parse_text;

    fn kb() -> Knowledge {
        Knowledge::load(&[]).expect("the bundled knowledge loads")
    }

    #[test]
    fn header_name_lines_settle_into_place_office_and_author() {
        let kb = kb();
        let r = parse_text(
            "t.txt",
            "Title\n\nDirectorate of Orbital Affairs\nTokyo\nFlight Lieutenant Jane Roe\n\nThe two sides met today to open the talks.\n",
        );
        let s = settle_header(&kb, &r).expect("name lines to settle");
        assert_eq!(
            s.publisher.as_deref(),
            Some("Directorate of Orbital Affairs")
        );
        assert_eq!(s.dateline.map(|d| d.place).as_deref(), Some("Tokyo"));
        assert_eq!(s.author.as_deref(), Some("Flight Lieutenant Jane Roe"));
        let plain = parse_text("t.txt", "Title\n\nOSLO -- The two sides met today.\n");
        assert!(settle_header(&kb, &plain).is_none());
    }
}
