//! Relation rules: the genre's ways of stating a relation, one unit each. A rule has a name
//! (the `sk:rule` of every fact it states), says what it reads (mentions of some kinds, cue
//! phrases, facts earlier rules stated) and which predicates it states, runs over some unit
//! of the release (a sentence, a mention, an event's clause, an entity, the whole release)
//! and carries example releases written for it: text in, facts out.
//!
//! `RULES` is the cascade: every rule in the order it runs. Rules read the facts of the rules
//! before them (a person's nation follows from the organization an earlier rule says they
//! head), so the order is part of the behaviour; a test checks that no rule reads a
//! predicate that only later rules state. Consecutive rules that read the same kind of unit
//! form one pass (`cascade`): the sentence rules at the top run sentence by sentence, then
//! the event rules over the events the sentences tell, then the rules over the whole
//! release.
//!
//! Adding a rule: one file in the folder of its topic defining `RULE` (its `//!` doc says
//! which pattern of the genre it reads, with an invented example), one line in `cascade!`
//! below, and examples that hold (`cargo test examples_hold`).

mod byline;
mod cascade;
mod context;
mod countries;
mod cues;
mod events;
#[cfg(test)]
mod examples;
mod facts;
mod lists;
mod organizations;
mod partners;
mod persons;
mod programmes;
#[cfg(test)]
mod quote_rules;

use crate::extract::mentions::Found;
use crate::extract::{Entities, EntityType, Extractor, Metadata, Predicate, Relation, Sentence};
use crate::knowledge::Cue;
use crate::reading::Release;
use context::{Ctx, View};
use events::{Clause, Telling};
use std::collections::HashMap;

/// A rule: a name, what it reads, what it states, how it runs, and its examples.
// `reads` and `examples` are read by the tests (the cascade's order check, the examples
// harness), not by extraction.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Rule {
    /// The `sk:rule` value of every fact it states.
    pub name: &'static str,
    pub reads: &'static [Reads],
    /// The predicates of the facts it states.
    pub states: &'static [Predicate],
    pub run: Run,
    pub examples: &'static [Example],
}

/// What a rule reads.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reads {
    /// Mentions of entities of this kind.
    Mentions(EntityType),
    /// Cue phrases of this role (`data/cues.tsv`).
    Cue(Cue),
    /// Facts of this predicate stated before it (by earlier rules, or by itself earlier).
    Facts(Predicate),
    /// Post phrases ("commander", "deputy director"), and whether they head.
    Posts,
    /// Posts that name the one organization they head or serve (`data/post_organizations.tsv`).
    PostOrganizations,
    /// The gazetteers: known nations and organizations, their parents and kinds.
    Gazetteer,
    /// Head words of names ("Agreement", "Initiative").
    HeadWords,
    /// The event classes' triggers (ontology).
    Triggers,
    /// Hedges ("is considering"): nothing was done.
    Hedges,
    /// The dateline's place and region.
    Dateline,
    /// The byline's author and the publishing office (the release's metadata).
    Byline,
    /// Compound names of nations the mention reader found ("US-Japan").
    Compounds,
    /// Editions of a series the mention reader found ("Polar Wargame 2025").
    Series,
}

/// How many words may stand between the two mentions of a pair rule.
pub(crate) const PAIR_WINDOW: usize = 12;

/// What a rule reads at a time, and so how the cascade calls it (see `cascade`).
pub(crate) enum Run {
    /// A sentence.
    Sentence(fn(&mut Ctx<'_, '_>, &View<'_>)),
    /// A word of a sentence (a rule looking for a cue phrase at each word).
    Word(fn(&mut Ctx<'_, '_>, &View<'_>, usize)),
    /// A mention of a sentence (its index in `View::mentions`).
    Mention(fn(&mut Ctx<'_, '_>, &View<'_>, usize)),
    /// Two mentions of a sentence, the first printed before the second and at most
    /// `PAIR_WINDOW` words apart (so a sentence is read in time linear in its length).
    Pair(fn(&mut Ctx<'_, '_>, &View<'_>, usize, usize)),
    /// An event told by a sentence, with the clause that tells it.
    Clause(fn(&mut Ctx<'_, '_>, &Clause<'_>)),
    /// A mention of the clause that tells an event (its index in `Clause::mentions`).
    ClauseMention(fn(&mut Ctx<'_, '_>, &Clause<'_>, usize)),
    /// A sentence of the event pass, after the events it tells have their arguments.
    Telling(fn(&mut Ctx<'_, '_>, &Telling<'_>)),
    /// An entity of the release.
    Entity(fn(&mut Ctx<'_, '_>, usize)),
    /// The whole release, once.
    Document(fn(&mut Ctx<'_, '_>)),
}

/// A fact of an example: subject name, predicate, object name (or date, `YYYY-MM-DD`).
pub(crate) type Fact = (&'static str, Predicate, &'static str);

/// A release written for a rule, with what it must yield.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Example {
    /// The release: title line, a blank line, the body.
    pub text: &'static str,
    /// Facts this rule must state.
    pub yields: &'static [Fact],
    /// Facts no rule may state.
    pub absent: &'static [Fact],
}

macro_rules! cascade {
    ($($topic:ident::$rule:ident),* $(,)?) => {
        /// The cascade: every rule, in the order it runs.
        pub(crate) const RULES: &[Rule] = &[$($topic::$rule::RULE),*];

        /// Each rule's examples hold (one test per rule, named after its module).
        #[cfg(test)]
        mod examples_hold {
            $(
                #[test]
                fn $rule() {
                    super::examples::check(&super::$topic::$rule::RULE, stringify!($rule));
                }
            )*
        }
    };
}

cascade! {
    // Sentence pass: persons' posts and service, printed around their names.
    persons::post_before_name,
    persons::nation_before_name,
    persons::nation_after_name,
    persons::organization_role_name,
    persons::appositive_nation,
    persons::post_of_nation,
    persons::nation_in_post_before_name,
    persons::appositive_post,
    persons::who_led,
    persons::name_of_organization,
    persons::organization_post_then_name,
    persons::post_of_org_before_name,
    persons::post_of_referred_body,
    persons::post_names_its_organization,
    persons::serves_in,
    persons::nation_opens_title,
    persons::leads_nation_side,
    persons::counterpart_of_nation,
    persons::member_of_nation_side,
    persons::on_behalf_of,
    // Organization structure.
    organizations::name_built_on_parent,
    organizations::component_cue,
    organizations::possessive_parent,
    organizations::nested_name,
    organizations::assigned_to,
    organizations::component_as,
    // Partnerships.
    partners::compound_name,
    partners::partner_with,
    partners::partnership_sentence,
    // Sponsors, members and signatories of initiatives and agreements.
    programmes::possessive_sponsor,
    programmes::compound_sponsor,
    programmes::compound_sponsor_of_referred,
    programmes::appositive_of_sponsor,
    programmes::appositive_owner,
    programmes::members_among,
    programmes::members_work_on,
    programmes::led_by,
    programmes::set_up,
    programmes::membership_sentence,
    programmes::signing_sentence,
    programmes::parties_between,
    events::event_of_organization,
    // Event pass: the event each sentence tells, and its arguments.
    events::date_in_event_sentence,
    events::place_in_event_sentence,
    events::nation_in_event_sentence,
    events::host_verb,
    events::lead_verb,
    events::agent_in_event_sentence,
    events::agreement_in_event_sentence,
    events::initiative_in_event_sentence,
    events::here_is_the_dateline,
    events::person_before_event_verb,
    events::initiative_drives_event,
    // The whole release.
    events::edition_of_series,
    persons::assumed_command_of,
    persons::assumed_command_of_the_release_organization,
    persons::succeeded_in_post,
    events::signatory_took_part,
    partners::bilateral_signatories,
    programmes::bodies_in_compound_name,
    countries::nation_in_organization_name,
    countries::state_body_of_named_nation,
    countries::dateline_nation,
    countries::nation_possessive_body,
    countries::body_of_nation,
    countries::place_comma_nation,
    countries::appositive_nation_of_body,
    organizations::known_parent,
    byline::byline_office,
    byline::office_line_parent,
    byline::office_of_organization,
    countries::nation_of_parent_body,
    countries::serves_nation_of_organization,
    countries::state_post_of_publisher,
}

/// Every relation the rules find in a release, in the order stated.
pub(crate) fn extract(
    ex: &Extractor<'_>,
    release: &Release,
    sentences: &[Sentence],
    found: &Found,
    metadata: &Metadata,
    ents: &mut Entities,
) -> Vec<Relation> {
    let quotes = context::quotations(release);
    let reference = context::reference_date(release, &quotes);
    let views = context::views(&release.content, sentences, found, ents, &quotes);
    let mut c = Ctx {
        ex,
        text: &release.content,
        release,
        found,
        metadata,
        views: &views,
        ents,
        facts: facts::Facts::new(),
        quotes,
        reference,
        org_nations: HashMap::new(),
    };
    cascade::run(&mut c, RULES);
    events::naming::name_unnamed_events(&mut c);
    c.facts.into_vec()
}

#[cfg(test)]
mod tests;
