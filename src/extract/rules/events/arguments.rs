//! What the argument rules read of an agent in the clause that tells an event: the words
//! before it and after it, whether it is free to be an argument (not inside another name,
//! not the dateline's place), whether the sentence names it as someone's organization.

use super::super::context::Ctx;
use super::triggers::trigger_to;
use super::Clause;
use crate::extract::mentions::Mention;
use crate::extract::EntityType;
use crate::knowledge::Cue;

/// The `n` words before a mention.
pub(crate) fn before<'w>(clause: &'w Clause<'_>, m: &Mention, n: usize) -> &'w [String] {
    &clause.view.words[m.toks.start.saturating_sub(n)..m.toks.start]
}

/// Whether the mention can be an argument: not inside another name, not the dateline's.
pub(crate) fn free(c: &Ctx<'_, '_>, m: &Mention) -> bool {
    !m.inside && !c.in_dateline(m)
}

/// Whether the sentence states the mention's entity as an organization someone heads or
/// serves: heads and memberships are not participation.
pub(crate) fn posted(c: &Ctx<'_, '_>, clause: &Clause<'_>, m: &Mention) -> bool {
    c.affiliations(&clause.view.span).contains(&m.entity)
}

/// A nation that is where the event took place: "in Japan", "a visit to Japan".
pub(crate) fn nation_located(c: &Ctx<'_, '_>, clause: &Clause<'_>, m: &Mention) -> bool {
    let last = before(clause, m, 1);
    last == ["in"]
        || last
            .first()
            .is_some_and(|w| c.ex.kb.is_cue_word(Cue::PlaceVerb, w))
        || trigger_to(c, &clause.view.words, m.toks.start)
}

/// What an organization or person does: the words after it up to the next person (at most
/// 32), and the eight words before its printed form (its rank, titles and a nation or
/// organization printed before them: "by US Secretary of Defense X").
pub(crate) struct AgentWords<'w> {
    pub before: &'w [String],
    pub after: &'w [String],
}

pub(crate) fn agent_words<'w>(
    c: &Ctx<'_, '_>,
    clause: &'w Clause<'_>,
    m: &Mention,
) -> AgentWords<'w> {
    let v = clause.view;
    let words = &v.words;
    let next_person = clause
        .mentions
        .iter()
        .filter(|o| c.kind(o.entity) == EntityType::Person)
        .map(|o| o.toks.start)
        .find(|&p| p > m.toks.start)
        .unwrap_or(words.len());
    let after = &words[m.toks.end..next_person.min(m.toks.end + 32).max(m.toks.end)];
    let mut from = m.lead.min(m.toks.start);
    for _ in 0..8 {
        let title_word = from > 0
            && (v
                .raw(c.text, from - 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || matches!(words[from - 1].as_str(), "of" | "for" | "and"));
        if !title_word {
            break;
        }
        from -= 1;
    }
    // Not the small words that end a cue ("at the invitation of").
    while from < m.toks.start && matches!(words[from].as_str(), "of" | "for" | "and") {
        from += 1;
    }
    AgentWords {
        before: &words[from.saturating_sub(8)..from],
        after,
    }
}
