//! Tokens and sentences. Words keep internal hyphens, apostrophes and the periods of
//! abbreviations ("U.S.", "Lt.", "A."), so "U.S. Space Force" is three words and the period
//! of "Gen." never ends a sentence. A possessive "’s" is a token of its own.

use std::collections::HashSet;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// The possessive `’s` / `'s`.
    Possessive,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Splits text into tokens; `abbrevs` holds words that keep a final period ("Gen."),
/// `suffixes` the last parts of adjectival compounds ("led", "based"): a name before one is a
/// word of its own and the suffix another ("NASA-led" is "NASA" and "-led").
pub(crate) struct Tokenizer {
    abbrevs: HashSet<String>,
    suffixes: HashSet<String>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

impl Tokenizer {
    pub fn new(
        abbrevs: impl IntoIterator<Item = String>,
        suffixes: impl IntoIterator<Item = String>,
    ) -> Self {
        let mut set: HashSet<String> = abbrevs.into_iter().collect();
        for a in [
            "Jr.", "Sr.", "St.", "Mt.", "Ft.", "No.", "Co.", "Inc.", "Ltd.", "Corp.", "Dr.", "Mr.",
            "Mrs.", "Ms.", "Prof.", "Gov.", "Sen.", "Rep.", "Gen.", "Adm.", "Col.", "Lt.", "Capt.",
            "Maj.", "Sgt.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.",
            "Nov.", "Dec.", "vs.", "etc.", "e.g.", "i.e.", "approx.", "Dept.", "Hon.", "Rt.",
            "Brig.", "Cmdr.",
        ] {
            set.insert(a.to_string());
        }
        Self {
            abbrevs: set,
            suffixes: suffixes.into_iter().collect(),
        }
    }

    pub(crate) fn tokenize(&self, text: &str, offset: usize) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let n = chars.len();
        let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let (b, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if c.is_alphanumeric() {
                let start = i;
                let mut j = i + 1;
                while j < n {
                    let c2 = chars[j].1;
                    if c2.is_alphanumeric() {
                        j += 1;
                    } else if (matches!(c2, '-' | '‐' | '‑' | '.' | '&' | '/')
                        && j + 1 < n
                        && chars[j + 1].1.is_alphanumeric()
                        && !(c2 == '.' && chars[j + 1].1.is_lowercase()))
                        // An en dash between two names joins them ("Norway–Chile"), not
                        // numbers ("8–9").
                        || (c2 == '–'
                            && chars[j - 1].1.is_alphabetic()
                            && j + 1 < n
                            && chars[j + 1].1.is_uppercase())
                    {
                        // Hyphens join compounds; a period joins "U.S"; never "e.g" style
                        // lowercase runs (they are rare and handled as abbreviations).
                        if c2 == '/' && !chars[start].1.is_uppercase() {
                            break;
                        }
                        j += 1;
                    } else if is_apostrophe(c2) && j + 1 < n && chars[j + 1].1.is_alphabetic() {
                        // A possessive 's ends the word; other apostrophes stay inside.
                        let s_end = j + 2;
                        let possessive = matches!(chars[j + 1].1, 's' | 'S')
                            && (s_end >= n || !chars[s_end].1.is_alphanumeric());
                        if possessive {
                            break;
                        }
                        j += 1;
                    } else {
                        break;
                    }
                }
                let mut word_end = end_of(j);
                // Keep a final period for abbreviations, initials and dotted acronyms.
                if j < n && chars[j].1 == '.' {
                    let word = &text[b..word_end];
                    let with_dot = &text[b..word_end + 1];
                    let initial = word.chars().count() == 1
                        && word.chars().next().is_some_and(char::is_uppercase);
                    let dotted = word.contains('.') && !word.ends_with('.');
                    if self.abbrevs.contains(with_dot) || initial || dotted {
                        word_end += 1;
                        j += 1;
                        // "U.S.-UK": a compound goes on after the period.
                        if j + 1 < n
                            && matches!(chars[j].1, '-' | '–' | '‐' | '‑')
                            && chars[j + 1].1.is_alphanumeric()
                        {
                            let mut k = j + 1;
                            while k < n
                                && (chars[k].1.is_alphanumeric()
                                    || (matches!(chars[k].1, '-' | '–' | '‐' | '‑' | '.')
                                        && k + 1 < n
                                        && chars[k + 1].1.is_alphanumeric()))
                            {
                                k += 1;
                            }
                            if k < n && chars[k].1 == '.' && text[b..end_of(k)].contains('.') {
                                // A dotted acronym at the end: "ROK-U.S."
                                let last: String = chars[j + 1..k].iter().map(|c| c.1).collect();
                                if last.contains('.') {
                                    k += 1;
                                }
                            }
                            j = k;
                            word_end = end_of(k);
                        }
                    }
                }
                let word = &text[b..word_end];
                // "NASA-led", "U.S.-led": the name, then the suffix with its hyphen.
                if let Some(h) = self.adjectival_split(word) {
                    out.push(Token {
                        start: offset + b,
                        end: offset + b + h,
                        kind: TokenKind::Word,
                    });
                    out.push(Token {
                        start: offset + b + h,
                        end: offset + word_end,
                        kind: TokenKind::Word,
                    });
                    i = j;
                    continue;
                }
                let kind = if word
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                out.push(Token {
                    start: offset + b,
                    end: offset + word_end,
                    kind,
                });
                i = j;
                continue;
            }
            if is_apostrophe(c)
                && i + 1 < n
                && matches!(chars[i + 1].1, 's' | 'S')
                && (i + 2 >= n || !chars[i + 2].1.is_alphanumeric())
                && !out.is_empty()
                && out.last().is_some_and(|t: &Token| t.end == offset + b)
            {
                out.push(Token {
                    start: offset + b,
                    end: offset + end_of(i + 2),
                    kind: TokenKind::Possessive,
                });
                i += 2;
                continue;
            }
            // "--" is one token.
            let mut j = i + 1;
            if c == '-' {
                while j < n && chars[j].1 == '-' {
                    j += 1;
                }
            }
            out.push(Token {
                start: offset + b,
                end: offset + end_of(j),
                kind: TokenKind::Punct,
            });
            i = j;
        }
        out
    }
}

impl Tokenizer {
    /// Where the hyphen of an adjectival compound with a capitalized first part is
    /// ("Norway-led", "Athens-based"), if `word` is one.
    fn adjectival_split(&self, word: &str) -> Option<usize> {
        if self.suffixes.is_empty() || !word.starts_with(char::is_uppercase) {
            return None;
        }
        let (h, dash) = word
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '-' | '‐' | '‑'))?;
        let suffix = &word[h + dash.len_utf8()..];
        (h > 0 && self.suffixes.contains(suffix)).then_some(h)
    }
}

/// Sentence ranges (byte offsets into `text`, which starts at `offset`) of one paragraph.
/// A sentence ends at `.`, `!` or `?` (with any closing quote after it) followed by a
/// capital, a quote or the end; an abbreviation's period never ends one.
pub fn sentences(text: &str, tokens: &[Token], offset: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if start.is_none() {
            start = Some(t.start);
        }
        let s = &text[t.start - offset..t.end - offset];
        let mut end_here = t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?");
        let mut last = i;
        if end_here {
            // Absorb closing quotes and brackets.
            while last + 1 < tokens.len() {
                let raw = &text[tokens[last + 1].start - offset..tokens[last + 1].end - offset];
                if matches!(raw, "”" | "\"" | "’" | ")" | "'") {
                    last += 1;
                } else {
                    break;
                }
            }
            if let Some(next) = tokens.get(last + 1) {
                let raw = &text[next.start - offset..next.end - offset];
                let first = raw.chars().next().unwrap_or(' ');
                end_here = first.is_uppercase()
                    || first.is_ascii_digit()
                    || matches!(raw, "“" | "\"" | "‘" | "(");
            }
        }
        if end_here {
            if let Some(st) = start.take() {
                out.push(st..tokens[last].end);
            }
            i = last + 1;
            continue;
        }
        i += 1;
    }
    if let (Some(st), Some(t)) = (start, tokens.last()) {
        out.push(st..t.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_before_a_sponsoring_suffix_is_a_word_of_its_own() {
        let t = Tokenizer::new(Vec::<String>::new(), ["led".to_string()]);
        let text = "the U.S.-led and Norway-led efforts, a state-led one and Athens-based staff";
        let got: Vec<&str> = t.tokenize(text, 0).iter().map(|t| t.text(text)).collect();
        assert_eq!(
            got,
            [
                "the",
                "U.S.",
                "-led",
                "and",
                "Norway",
                "-led",
                "efforts",
                ",",
                "a",
                "state-led",
                "one",
                "and",
                "Athens-based",
                "staff"
            ]
        );
    }

    fn words(text: &str) -> Vec<String> {
        let t = Tokenizer::new(Vec::<String>::new(), Vec::<String>::new());
        t.tokenize(text, 0)
            .iter()
            .map(|t| t.text(text).to_string())
            .collect()
    }

    #[test]
    fn keeps_abbreviations_and_splits_possessives() {
        assert_eq!(
            words("Lt. Gen. Philip A. Garrant of the U.S. Space Force’s staff."),
            vec![
                "Lt.", "Gen.", "Philip", "A.", "Garrant", "of", "the", "U.S.", "Space", "Force",
                "’s", "staff", "."
            ]
        );
        assert_eq!(
            words("US-Japan talks -- SPACEFOR-KOR"),
            vec!["US-Japan", "talks", "--", "SPACEFOR-KOR"]
        );
        assert_eq!(
            words("a U.S.-UK Statement, the ROK-U.S. alliance"),
            vec![
                "a",
                "U.S.-UK",
                "Statement",
                ",",
                "the",
                "ROK-U.S.",
                "alliance"
            ]
        );
        // An en dash joins two names, not two numbers or a spaced clause.
        assert_eq!(
            words("the Norway–Chile talks, the U.S.–Japan alliance, May 8–9 – then"),
            vec![
                "the",
                "Norway–Chile",
                "talks",
                ",",
                "the",
                "U.S.–Japan",
                "alliance",
                ",",
                "May",
                "8",
                "–",
                "9",
                "–",
                "then"
            ]
        );
    }

    #[test]
    fn splits_sentences_but_not_at_abbreviations() {
        let text =
            "Brig. Gen. Anthony J. Mastalir spoke in the U.S. on Dec. 4. He left. “Yes.” Then";
        let t = Tokenizer::new(Vec::<String>::new(), Vec::<String>::new());
        let toks = t.tokenize(text, 0);
        let s: Vec<&str> = sentences(text, &toks, 0)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            s,
            vec![
                "Brig. Gen. Anthony J. Mastalir spoke in the U.S. on Dec. 4.",
                "He left.",
                "“Yes.”",
                "Then"
            ]
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Tokens are in order, inside the text, on character boundaries; sentences too.
        #[test]
        fn tokens_and_sentences_stay_in_bounds(text in "(\\PC|U\\.S\\.|Gen\\.|’s|“|”| ){0,200}") {
            let t = Tokenizer::new(vec!["Gen.".to_string()], Vec::<String>::new());
            let toks = t.tokenize(&text, 0);
            let mut last = 0;
            for tok in &toks {
                prop_assert!(tok.start >= last && tok.start < tok.end && tok.end <= text.len());
                prop_assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
                last = tok.end;
            }
            for s in sentences(&text, &toks, 0) {
                prop_assert!(s.start < s.end && s.end <= text.len());
            }
        }
    }
}
