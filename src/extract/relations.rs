//! Relations: the genre's ways of stating them, one rule each. Every relation keeps the
//! sentence that states it and the rule's name, so a wrong fact can be traced to its cause.

use super::mentions::{Found, Mention};
use super::quotation::quote_ranges;
use super::{EntityType, Extractor, Object, Predicate, Relation, Sentence};
use crate::date::{find_dates, Date};
use crate::knowledge::{form_key, Cue, Entry};
use crate::reading::Release;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

#[derive(Default)]
pub struct Relations {
    list: Vec<Relation>,
}

impl Relations {
    fn add(&mut self, s: usize, p: Predicate, o: usize, ev: &Range<usize>, rule: &'static str) {
        if s != o {
            self.list.push(Relation {
                subject: s,
                predicate: p,
                object: Object::Entity(o),
                evidence: ev.clone(),
                rule,
            });
        }
    }
    fn add_date(&mut self, s: usize, d: Date, ev: &Range<usize>, rule: &'static str) {
        self.list.push(Relation {
            subject: s,
            predicate: Predicate::Date,
            object: Object::Date(d),
            evidence: ev.clone(),
            rule,
        });
    }
    fn has(&self, s: usize, p: Predicate) -> bool {
        self.list.iter().any(|r| r.subject == s && r.predicate == p)
    }
    /// The entities `s` relates to by `p`, as recorded (not resolved).
    fn objects(&self, s: usize, p: Predicate) -> impl Iterator<Item = usize> + '_ {
        self.list
            .iter()
            .filter(move |r| r.subject == s && r.predicate == p)
            .filter_map(|r| match r.object {
                Object::Entity(o) => Some(o),
                Object::Date(_) => None,
            })
    }
    pub fn into_vec(self) -> Vec<Relation> {
        self.list
    }
}

fn is_agent(k: EntityType) -> bool {
    matches!(
        k,
        EntityType::Nation | EntityType::Organization | EntityType::Person
    )
}

struct Ctx<'a, 'k> {
    ex: &'a Extractor<'k>,
    text: &'a str,
    release: &'a Release,
    sentences: &'a [Sentence],
    found: &'a Found,
    ents: &'a mut super::Entities,
    rels: &'a mut Relations,
    quotes: Vec<Range<usize>>,
    /// The date relative dates count from (`reference_date`), computed once per release.
    reference: Option<Date>,
}

impl Ctx<'_, '_> {
    /// Where the dateline ends: the dash after its place ("OSLO, Norway (May 2, 2025) --").
    fn dateline_end(&self) -> Option<usize> {
        let d = self.release.dateline.as_ref()?;
        let from = d.place_span.end;
        let window = self.text.get(from..(from + 120).min(self.text.len()))?;
        ["--", "–", "—"]
            .iter()
            .filter_map(|dash| window.find(dash).map(|i| from + i))
            .min()
    }
    fn quoted(&self, pos: usize) -> bool {
        self.quotes.iter().any(|q| q.contains(&pos))
    }
    fn kind(&self, id: usize) -> EntityType {
        self.ents.get(id).kind
    }
    fn words(&self, si: usize) -> Vec<String> {
        self.sentences[si]
            .tokens
            .iter()
            .map(|t| form_key(t.text(self.text)))
            .collect()
    }
    fn mentions(&self, si: usize) -> Vec<Mention> {
        let mut v: Vec<Mention> = self
            .found
            .in_sentence(si)
            .filter(|m| !self.quoted(m.span.start))
            .cloned()
            .map(|mut m| {
                m.entity = self.ents.resolve(m.entity);
                m
            })
            .collect();
        v.sort_by_key(|m| m.span.start);
        v
    }
}

/// The date relative dates count from: the release's, else the first full date its text
/// prints outside quotations ("signed on Tuesday, April 9, 2024 ... On April 10").
fn reference_date(release: &Release, quotes: &[Range<usize>]) -> Option<Date> {
    release.published.or_else(|| {
        find_dates(&release.content, None)
            .into_iter()
            .find(|d| !quotes.iter().any(|q| q.contains(&d.start)))
            .map(|d| d.date)
    })
}

pub(crate) fn extract(
    ex: &Extractor<'_>,
    release: &Release,
    sentences: &[Sentence],
    found: &Found,
    ents: &mut super::Entities,
    rels: &mut Relations,
) {
    let quotes = quote_ranges(&release.content, &release.paragraphs);
    let reference = reference_date(release, &quotes);
    let mut c = Ctx {
        ex,
        text: &release.content,
        release,
        sentences,
        found,
        ents,
        rels,
        quotes,
        reference,
    };
    for si in 0..sentences.len() {
        posts(&mut c, si);
        posts_naming_organizations(&mut c, si);
        serves_in(&mut c, si);
        title_nation(&mut c, si);
        organization_structure(&mut c, si);
        components_as(&mut c, si);
        partners(&mut c, si);
        initiatives_and_agreements(&mut c, si);
        event_appositive_host(&mut c, si);
    }
    events(&mut c);
    for &(e, s) in &c.found.series {
        let (e, s) = (c.ents.resolve(e), c.ents.resolve(s));
        let ev = c
            .ents
            .get(e)
            .mentions
            .first()
            .map(|m| sentence_of(&c, m.start))
            .unwrap_or(0..0);
        c.rels
            .add(e, Predicate::Initiative, s, &ev, "edition-of-series");
    }
    assumed_command(&mut c);
    successions(&mut c);
    signatories_take_part(&mut c);
    bilateral_partners(&mut c);
    compound_sponsors(&mut c);
    countries(&mut c);
    known_parents(&mut c);
    name_unnamed_events(&mut c);
}

/// What the header states: the byline's author serves in the publishing office, and an
/// office named after an organization ("U.S. Forces Korea Public Affairs") is part of it.
pub(crate) fn byline(
    ex: &Extractor<'_>,
    release: &Release,
    md: &super::Metadata,
    ents: &mut super::Entities,
    rels: &mut Relations,
) {
    let Some(office) = md.publisher.map(|p| ents.resolve(p)) else {
        return;
    };
    let ev = release.publisher_span.clone().unwrap_or(0..0);
    if let Some(a) = md.author {
        let ev = release.author_span.clone().unwrap_or(ev.clone());
        rels.add(
            ents.resolve(a),
            Predicate::MemberOf,
            office,
            &ev,
            "byline-office",
        );
    }
    if let Some(parent) = md.publisher_parent.map(|p| ents.resolve(p)) {
        rels.add(
            office,
            Predicate::SubOrganizationOf,
            parent,
            &ev,
            "office-line-parent",
        );
        return;
    }
    // The longest leading part of the office's name that names an organization of this
    // release.
    let name = ents.get(office).name.clone();
    let words: Vec<&str> = name.split_whitespace().collect();
    for n in (1..words.len()).rev() {
        let head = words[..n].join(" ");
        let known = ex.kb.lookup(&head).iter().find_map(|e| match e {
            Entry::Organization(i) => ents.by_key(&format!("org/{}", ex.kb.organizations[*i].id)),
            _ => None,
        });
        let local = ents
            .local_form(&head)
            .or_else(|| ents.by_key(&format!("org/{}", super::slug(&head))));
        if let Some(parent) = known.or(local).filter(|&p| p != office) {
            rels.add(
                office,
                Predicate::SubOrganizationOf,
                parent,
                &ev,
                "office-of-organization",
            );
            break;
        }
    }
}

/// The post a phrase names and whether it heads its organization: the longest known post
/// phrase, a deputy/assistant form demoting it to membership.
fn post_meaning(c: &Ctx<'_, '_>, words: &[String]) -> Option<bool> {
    let lex = &c.ex.lexicon;
    let mut best: Option<(usize, bool)> = None;
    for i in 0..words.len() {
        for j in (i + 1..=words.len().min(i + 4)).rev() {
            if let Some(h) = lex.post(&words[i..j].join(" ")) {
                if best.is_none_or(|(n, _)| j - i > n) {
                    best = Some((j - i, h));
                }
                break;
            }
        }
    }
    best.map(|(_, h)| h)
}

/// Posts: "NASA Administrator Bill Nelson", "Air Force Lt. Gen. Stephen F. Jost",
/// "X, commander of Y and Z", "the Commander of Y, Brig. Gen. X".
fn posts(c: &mut Ctx<'_, '_>, si: usize) {
    let ms = c.mentions(si);
    let ev = c.sentences[si].span.clone();
    let toks = c.sentences[si].tokens.clone();
    let words = c.words(si);
    for (mi, m) in ms.iter().enumerate() {
        if c.kind(m.entity) != EntityType::Person {
            continue;
        }
        let p = m.entity;
        // 1. Printed before the name, in the same run.
        let prefix_of = |kind: EntityType| -> Vec<usize> {
            m.prefix
                .iter()
                .map(|&x| c.ents.resolve(x))
                .filter(|&x| c.kind(x) == kind)
                .collect()
        };
        let prefix_orgs = prefix_of(EntityType::Organization);
        // "Ambassador to the United States Andreas Michaelis": the nation served, not the
        // ambassador's own.
        let served = |n: usize| {
            ms.iter().any(|o| {
                o.entity == n
                    && o.toks.end <= m.toks.start
                    && (o.toks.start >= 1 && words[o.toks.start - 1] == "to"
                        || o.toks.start >= 2
                            && words[o.toks.start - 1] == "the"
                            && words[o.toks.start - 2] == "to")
            })
        };
        let prefix_nations: Vec<usize> = prefix_of(EntityType::Nation)
            .into_iter()
            .filter(|&n| !served(n))
            .collect();
        let title_words: Vec<String> = m
            .titles
            .iter()
            .flat_map(|t| {
                form_key(t)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        let meaning = if m.titles.is_empty() {
            None
        } else {
            post_meaning(c, &title_words)
        };
        for &o in &prefix_orgs {
            let p_rel = match meaning {
                Some(true) => Predicate::Heads,
                _ => Predicate::MemberOf,
            };
            c.rels.add(p, p_rel, o, &ev, "post-before-name");
        }
        for &n in &prefix_nations {
            c.rels
                .add(p, Predicate::Country, n, &ev, "nation-before-name");
        }
        // "ESA astronauts A and B": the organization before the role noun they serve.
        {
            let mut at = m.lead.min(m.toks.start);
            // The second of "A and B" shares the first one's role.
            if at >= 1 && words[at - 1] == "and" {
                if let Some(prev) = ms[..mi].iter().rev().find(|o| o.toks.end + 1 == at) {
                    if c.kind(prev.entity) == EntityType::Person {
                        at = prev.lead.min(prev.toks.start);
                    }
                }
            }
            let role = at >= 1 && c.ex.kb.has_cue(Cue::PersonRole, &words[at - 1..at]);
            if role {
                if let Some(o) = ms[..mi].iter().rev().find(|o| {
                    !o.inside
                        && c.kind(o.entity) == EntityType::Organization
                        && (o.toks.end + 1 == at
                            || (words.get(o.toks.end).map(String::as_str) == Some("(")
                                && words.get(at - 2).map(String::as_str) == Some(")")))
                }) {
                    c.rels.add(
                        p,
                        Predicate::MemberOf,
                        o.entity,
                        &ev,
                        "organization-role-name",
                    );
                }
            }
        }
        // 2. An appositive after the name: ", commander of Y, Z and W," / ", ESA Director",
        // also after "of the Y" ("Whiting of the U.S. Space Force, Commander of ...").
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
        if toks.get(after).map(|t| t.text(c.text)) == Some(",") {
            let mut end = after + 1;
            while end < toks.len() {
                let w = toks[end].text(c.text);
                // "(USFJ)": an acronym inside the appositive.
                if w == "(" {
                    match (end + 1..(end + 6).min(toks.len()))
                        .find(|&k| toks[k].text(c.text) == ")")
                    {
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
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                let allowed = matches!(
                    lw.as_str(),
                    "of" | "for"
                        | "at"
                        | "the"
                        | "and"
                        | "in"
                        | "to"
                        | "'s"
                        | "a"
                        | "an"
                        | "its"
                        | "then"
                ) || c.ex.lexicon.post(lw).is_some()
                    || lw == ",";
                // Adjectives before the post ("a senior British Army officer").
                let post_ahead = (end + 1..(end + 6).min(toks.len()))
                    .take_while(|&k| !matches!(words[k].as_str(), "," | ";" | "."))
                    .any(|k| c.ex.lexicon.post(&words[k]).is_some());
                // After the post, lowercase words still describe it ("director of space at
                // the Ministry of Defence"), up to the comma that closes the appositive.
                let post_seen = post_meaning(c, &words[after + 1..end]).is_some();
                if lower && !allowed && !post_ahead && !post_seen {
                    break;
                }
                // Another person ends the appositive.
                if ms.iter().any(|o| {
                    o.toks.start == end && c.kind(o.entity) == EntityType::Person && o.entity != p
                }) {
                    break;
                }
                end += 1;
            }
            let window = after + 1..end;
            let meaning = post_meaning(c, &words[window.clone()]);
            // Where the post is printed in the appositive: the organization it heads follows
            // "of" ("commander of Y and Z") or precedes a post that ends the phrase
            // ("USSPACECOM commander,"); "USSPACECOM director of strategy" and "Director
            // General of Y at Z" serve the organization, they do not head it.
            let post_at = (window.clone()).find_map(|i| {
                (i + 1..=(i + 4).min(window.end))
                    .rev()
                    .find(|&j| c.ex.lexicon.post(&words[i..j].join(" ")).is_some())
                    .map(|j| i..j)
            });
            if let Some(head) = meaning {
                for o in ms.iter().skip(mi + 1) {
                    if o.toks.start >= window.end {
                        break;
                    }
                    if o.inside || o.toks.start < window.start {
                        continue;
                    }
                    match c.kind(o.entity) {
                        EntityType::Organization => {
                            let heads_it = head
                                && post_at.as_ref().is_none_or(|post| {
                                    if o.toks.end <= post.start {
                                        !matches!(
                                            words.get(post.end).map(String::as_str),
                                            Some("of" | "for")
                                        )
                                    } else {
                                        // "commander of the U.S. Space Force's Y": only
                                        // small words and names between; "director of
                                        // space at Y" serves Y.
                                        (post.end..o.toks.start).all(|k| {
                                            matches!(
                                                words[k].as_str(),
                                                "of" | "the"
                                                    | "for"
                                                    | "'s"
                                                    | ","
                                                    | "and"
                                                    | "("
                                                    | ")"
                                                    | "in"
                                            ) || toks[k].text(c.text).chars().next().is_some_and(
                                                |ch| ch.is_uppercase() || ch.is_ascii_digit(),
                                            )
                                        })
                                    }
                                });
                            let rel = if heads_it {
                                Predicate::Heads
                            } else {
                                Predicate::MemberOf
                            };
                            c.rels.add(p, rel, o.entity, &ev, "appositive-post");
                        }
                        EntityType::Nation if o.toks.start == window.start => {
                            c.rels
                                .add(p, Predicate::Country, o.entity, &ev, "appositive-nation");
                        }
                        _ => {}
                    }
                }
            }
        }
        // "X, who led Y", "X of the Y": heading and serving stated right after the name.
        let after_words: Vec<&str> = words[m.toks.end..(m.toks.end + 4).min(words.len())]
            .iter()
            .map(String::as_str)
            .collect();
        let next_org = ms
            .iter()
            .skip(mi + 1)
            .find(|o| !o.inside && o.toks.start <= m.toks.end + 4)
            .filter(|o| c.kind(o.entity) == EntityType::Organization);
        if let Some(o) = next_org {
            let led = matches!(
                after_words.as_slice(),
                [
                    ",",
                    "who",
                    "led"
                        | "leads"
                        | "commanded"
                        | "commands"
                        | "heads"
                        | "headed"
                        | "directs"
                        | "directed",
                    ..
                ]
            );
            let of = matches!(after_words.as_slice(), ["of", "the", ..] | ["of", ..])
                && o.toks.start <= m.toks.end + 2;
            if led {
                c.rels.add(p, Predicate::Heads, o.entity, &ev, "who-led");
            } else if of {
                c.rels.add(
                    p,
                    Predicate::MemberOf,
                    o.entity,
                    &ev,
                    "name-of-organization",
                );
            }
        }
        // 3. "Y Deputy Chief of Space Operations, Strategy ..., Rank Name": an organization,
        // a post right after it, then the name after a comma.
        if m.lead >= 2 && toks[m.lead - 1].text(c.text) == "," {
            let org_before = ms[..mi].iter().rev().find(|o| {
                !o.inside
                    && c.kind(o.entity) == EntityType::Organization
                    && !ms.iter().any(|x| {
                        x.toks.start > o.toks.end
                            && x.toks.start < m.lead
                            && is_agent(c.kind(x.entity))
                            && !x.inside
                    })
            });
            if let Some(o) = org_before {
                let comma = (o.toks.end..m.lead)
                    .find(|&i| words[i] == ",")
                    .unwrap_or(m.lead);
                if comma > o.toks.end && comma - o.toks.end <= 8 {
                    if let Some(head) = post_meaning(c, &words[o.toks.end..comma]) {
                        let rel = if head {
                            Predicate::Heads
                        } else {
                            Predicate::MemberOf
                        };
                        c.rels
                            .add(p, rel, o.entity, &ev, "organization-post-then-name");
                    }
                }
            }
        }
        // 4. "the Commander of Y, Rank Name": the post and organization just before.
        if m.lead >= 2 && toks[m.lead - 1].text(c.text) == "," {
            if let Some(o) = ms[..mi].iter().rev().find(|o| !o.inside) {
                if o.toks.end == m.lead - 1 && c.kind(o.entity) == EntityType::Organization {
                    let from = o.toks.start.saturating_sub(5);
                    let mut before = &words[from..o.toks.start];
                    if before.last().map(String::as_str) == Some("the") {
                        before = &before[..before.len() - 1];
                    }
                    if before.last().map(String::as_str) == Some("of") {
                        if let Some(head) = post_meaning(c, &before[..before.len() - 1]) {
                            let rel = if head {
                                Predicate::Heads
                            } else {
                                Predicate::MemberOf
                            };
                            c.rels.add(p, rel, o.entity, &ev, "post-of-org-before-name");
                        }
                    }
                }
            }
        }
    }
}

/// Organization structure: "X, a component of Y", "X reports to Y", "assigning X to Y",
/// "the Y’s X", and larger names built on a known one ("JASDF Space Operations Group").
fn organization_structure(c: &mut Ctx<'_, '_>, si: usize) {
    let ms = c.mentions(si);
    let ev = c.sentences[si].span.clone();
    let words = c.words(si);
    let orgs: Vec<&Mention> = ms
        .iter()
        .filter(|m| c.kind(m.entity) == EntityType::Organization)
        .collect();
    for m in &orgs {
        for &x in &m.prefix {
            let x = c.ents.resolve(x);
            if c.kind(x) == EntityType::Organization && !m.inside {
                c.rels.add(
                    m.entity,
                    Predicate::SubOrganizationOf,
                    x,
                    &ev,
                    "name-built-on-parent",
                );
            }
        }
    }
    for (i, a) in orgs.iter().enumerate() {
        for b in orgs.iter().skip(i + 1) {
            // Overlapping mentions ("Space Force" inside a longer run) have nothing between.
            if a.inside || b.inside || a.entity == b.entity || b.toks.start < a.toks.end {
                continue;
            }
            let between_words = &words[a.toks.end..b.toks.start];
            let between = between_words.join(" ");
            if between_words.len() > 12 {
                continue;
            }
            // "the Space Force component to Y": A names whose component it is, not the
            // component (see `components_as`).
            let a_qualifies = c.ex.kb.cue_at(Cue::Component, between_words, 0).is_some();
            if says(c, Cue::Parent, between_words) && !a_qualifies {
                c.rels.add(
                    a.entity,
                    Predicate::SubOrganizationOf,
                    b.entity,
                    &ev,
                    "component-cue",
                );
            } else if between == "'s" || between == "whose" || between == ", whose" {
                c.rels.add(
                    b.entity,
                    Predicate::SubOrganizationOf,
                    a.entity,
                    &ev,
                    "possessive-parent",
                );
            }
            // "assigning X to the Y"
            let before_a = if a.toks.start > 0 {
                words[a.toks.start - 1].as_str()
            } else {
                ""
            };
            if matches!(before_a, "assigning" | "assigned" | "assign")
                && between.ends_with("to the")
                || between == "to" && matches!(before_a, "assigning" | "assigned")
            {
                c.rels.add(
                    a.entity,
                    Predicate::SubOrganizationOf,
                    b.entity,
                    &ev,
                    "assigned-to",
                );
            }
        }
    }
}

/// "Chief of Air Force Air Marshal X", "Gen. Y, the Chief of Space Operations": a post that
/// names the one organization it heads (data/post_organizations.tsv), when the release
/// names that organization.
fn posts_naming_organizations(c: &mut Ctx<'_, '_>, si: usize) {
    let ms = c.mentions(si);
    let words = c.words(si);
    let ev = c.sentences[si].span.clone();
    let kb = c.ex.kb;
    // The post phrase ending at `end`, or starting at `start`.
    let ending_at = |end: usize| -> Option<&String> {
        (end.saturating_sub(8)..end)
            .find_map(|i| kb.post_organizations.get(&words[i..end].join(" ")))
    };
    let starting_at = |start: usize| -> Option<&String> {
        (start + 1..=(start + 8).min(words.len()))
            .rev()
            .find_map(|j| kb.post_organizations.get(&words[start..j].join(" ")))
    };
    let mut found = Vec::new();
    for m in ms.iter().filter(|m| c.kind(m.entity) == EntityType::Person) {
        let lead = m.lead.min(m.toks.start);
        // Printed just before the rank and name, or in the appositive right after it.
        // (The rank's first word may be read into a name before it: "Air Force Air Marshal".)
        let before = (lead..=(lead + 2).min(m.toks.start))
            .find_map(&ending_at)
            .or_else(|| (lead < m.toks.start).then(|| starting_at(lead)).flatten());
        let after = (words.get(m.toks.end).map(String::as_str) == Some(","))
            .then(|| {
                let mut at = m.toks.end + 1;
                if words.get(at).map(String::as_str) == Some("the") {
                    at += 1;
                }
                starting_at(at)
            })
            .flatten();
        for id in before.into_iter().chain(after) {
            if let Some(o) = c.ents.by_key(&format!("org/{id}")) {
                found.push((m.entity, o));
            }
        }
    }
    for (p, o) in found {
        c.rels
            .add(p, Predicate::Heads, o, &ev, "post-names-its-organization");
    }
}

/// "Air Marshal X was commissioned into the Royal Air Force", "X previously served at Y": the
/// person before the verb serves in the organization named just after it.
fn serves_in(c: &mut Ctx<'_, '_>, si: usize) {
    let ms = c.mentions(si);
    let words = c.words(si);
    let ev = c.sentences[si].span.clone();
    let mut found = Vec::new();
    for i in 0..words.len() {
        let Some(n) = c.ex.kb.cue_at(Cue::ServesIn, &words, i) else {
            continue;
        };
        if c.quoted(c.sentences[si].tokens[i].start) {
            continue;
        }
        let Some(p) = ms
            .iter()
            .rev()
            .find(|m| m.toks.end <= i && c.kind(m.entity) == EntityType::Person)
            .map(|m| m.entity)
        else {
            continue;
        };
        // The organization within a few words ("the senior staff of the United States
        // Space Force"), before the clause ends.
        let end = (i + n + 7).min(words.len());
        let stop = (i + n..end)
            .find(|&k| matches!(words[k].as_str(), "," | ";" | "."))
            .unwrap_or(end);
        if let Some(o) = ms.iter().find(|o| {
            !o.inside
                && o.toks.start >= i + n
                && o.toks.start < stop
                && c.kind(o.entity) == EntityType::Organization
        }) {
            found.push((p, o.entity));
        }
    }
    for (p, o) in found {
        c.rels.add(p, Predicate::MemberOf, o, &ev, "serves-in");
    }
}

/// "German Ambassador to the United States Andreas Michaelis", "the UK Secretary of State
/// for Defence, the Rt Hon Grant Shapps": the nation that opens the title printed before a
/// name is the person's (one after "to" is where an ambassador serves).
fn title_nation(c: &mut Ctx<'_, '_>, si: usize) {
    let ms = c.mentions(si);
    let words = c.words(si);
    let sentences = c.sentences;
    let toks = &sentences[si].tokens;
    let ev = sentences[si].span.clone();
    let mut found: Vec<(usize, usize)> = Vec::new();
    for m in &ms {
        if c.kind(m.entity) != EntityType::Person
            || c.rels.list.iter().any(|r| {
                r.subject == m.entity && r.predicate == Predicate::Country && r.evidence == ev
            })
        {
            continue;
        }
        // The title phrase: capitalized words and the small words of titles, back from the
        // rank or title before the name; ", the Rt Hon" may sit between title and name.
        let end = m.lead.min(m.toks.start);
        let mut k = end;
        while k > 0 && end - k < 14 {
            let raw = toks[k - 1].text(c.text);
            let small = matches!(
                words[k - 1].as_str(),
                "of" | "for" | "and" | "to" | "the" | "'s"
            );
            let cap = raw.chars().next().is_some_and(char::is_uppercase);
            let honorific_comma =
                raw == "," && words[k..end].iter().any(|w| w == "hon" || w == "rt");
            if !(small || cap || honorific_comma) {
                break;
            }
            k -= 1;
        }
        let nation = ms.iter().find(|o| {
            c.kind(o.entity) == EntityType::Nation
                && o.toks.start >= k
                && o.toks.end <= end
                && !(o.toks.start > 0 && matches!(words[o.toks.start - 1].as_str(), "to" | "in"))
        });
        if let Some(n) = nation {
            found.push((m.entity, n.entity));
        }
    }
    for (p, n) in found {
        c.rels
            .add(p, Predicate::Country, n, &ev, "nation-opens-title");
    }
}

/// "A joins B and C as a D component", "A, activated as the Space Force component to D":
/// the organizations before "as" (the one just before, and the list a "joins" names) are
/// components of D, named before the component word or after "to"/"of".
fn components_as(c: &mut Ctx<'_, '_>, si: usize) {
    let ms = c.mentions(si);
    let words = c.words(si);
    let ev = c.sentences[si].span.clone();
    let orgs: Vec<Mention> = ms
        .iter()
        .filter(|m| !m.inside && c.kind(m.entity) == EntityType::Organization)
        .cloned()
        .collect();
    for i in 0..words.len() {
        let Some(n) = c.ex.kb.cue_at(Cue::Component, &words, i) else {
            continue;
        };
        // "as a USFK component" / "as the Space Force component to USINDOPACOM".
        let to = orgs.iter().find(|o| {
            matches!(words.get(i + n).map(String::as_str), Some("to" | "of"))
                && (o.toks.start == i + n + 1
                    || (o.toks.start == i + n + 2 && words[i + n + 1] == "the"))
        });
        let before = orgs.iter().find(|o| o.toks.end == i);
        let Some(parent) = to.or(before).map(|p| p.entity) else {
            continue;
        };
        let det_at = before.map_or(i, |b| b.toks.start);
        if det_at < 2
            || !matches!(words[det_at - 1].as_str(), "a" | "an" | "the")
            || words[det_at - 2] != "as"
        {
            continue;
        }
        let as_at = det_at - 2;
        let mut children: Vec<usize> = coordinated(c, &ms, &words, as_at, false);
        if children.is_empty() {
            // "X, which was activated in Hawaii as ...": the nearest organization before.
            if let Some(x) = orgs.iter().rfind(|o| o.toks.end <= as_at) {
                children.push(x.entity);
            }
        }
        // "A joins B, C and D as ...": A too.
        let first_child_start = ms
            .iter()
            .filter(|o| children.contains(&o.entity))
            .map(|o| o.toks.start)
            .min()
            .unwrap_or(as_at);
        if first_child_start > 0
            && matches!(
                words[first_child_start - 1].as_str(),
                "joins" | "joined" | "join"
            )
        {
            children.extend(coordinated(c, &ms, &words, first_child_start - 1, false));
        }
        for ch in children {
            if c.kind(ch) == EntityType::Organization {
                c.rels.add(
                    ch,
                    Predicate::SubOrganizationOf,
                    parent,
                    &ev,
                    "component-as",
                );
            }
        }
    }
}

/// Partnerships: compound names ("US-Japan"), and a sentence that speaks of partnership or
/// alliance between exactly two nations or two organizations.
fn partners(c: &mut Ctx<'_, '_>, si: usize) {
    let ev = c.sentences[si].span.clone();
    for (s, nations) in &c.found.compounds {
        if *s == si {
            for (i, &a) in nations.iter().enumerate() {
                for &b in nations.iter().skip(i + 1) {
                    let (a, b) = (c.ents.resolve(a), c.ents.resolve(b));
                    c.rels.add(a, Predicate::Partner, b, &ev, "compound-name");
                }
            }
        }
    }
    let words = c.words(si);
    let ms = c.mentions(si);
    partner_with(c, si, &ms, &words);
    if !says(c, Cue::Partnership, &words) {
        return;
    }
    for kind in [EntityType::Nation, EntityType::Organization] {
        let mut ids: Vec<usize> = Vec::new();
        let mut at: Vec<&Mention> = Vec::new();
        for m in &ms {
            if c.kind(m.entity) == kind && !m.inside && !ids.contains(&m.entity) {
                ids.push(m.entity);
                at.push(m);
            }
        }
        // The two are joined ("A and B", "A with B", "between A and B"), not merely named
        // in one sentence ("ended its cooperation with X after Y invaded Z").
        let joined = at.len() == 2 && {
            let between = &words[at[0].toks.end..at[1].toks.start.max(at[0].toks.end)];
            between.len() <= 3
                && between
                    .iter()
                    .any(|w| matches!(w.as_str(), "and" | "with" | "," | "to"))
        };
        // "Within the Bundeswehr, the Bundeswehr Space Command": a body and its own unit.
        let nested = ids.len() == 2 && {
            let (a, b) = (&c.ents.get(ids[0]).name, &c.ents.get(ids[1]).name);
            a.contains(b.as_str()) || b.contains(a.as_str())
        };
        if ids.len() == 2 && joined && !nested {
            c.rels.add(
                ids[0],
                Predicate::Partner,
                ids[1],
                &ev,
                "partnership-sentence",
            );
        }
    }
}

/// "A’s work with B", "A cooperates with B", "produced by A together with B": A is the
/// agent printed right before the cue (or before its possessive), B the list right after.
fn partner_with(c: &mut Ctx<'_, '_>, si: usize, ms: &[Mention], words: &[String]) {
    let ev = c.sentences[si].span.clone();
    for i in 0..words.len() {
        let Some(n) = c.ex.kb.cue_at(Cue::PartnerWith, words, i) else {
            continue;
        };
        if c.quoted(c.sentences[si].tokens[i].start) {
            continue;
        }
        // A: the agent ending right before the cue, or before "’s" and the cue, or before
        // a modal ("will").
        let mut end = i;
        if end > 0 && words[end - 1] == "'s" {
            end -= 1;
        }
        let Some(a) = ms.iter().find(|m| {
            m.toks.end == end
                && !m.inside
                && matches!(
                    c.kind(m.entity),
                    EntityType::Nation | EntityType::Organization
                )
        }) else {
            continue;
        };
        let kind = c.kind(a.entity);
        for b in coordinated(c, ms, words, i + n, true) {
            if c.kind(b) == kind {
                c.rels
                    .add(a.entity, Predicate::Partner, b, &ev, "partner-with");
            }
        }
    }
}

/// "Global Sentinel 2024, U.S. Space Command’s flagship exercise": the organization whose
/// event it is hosts it.
fn event_appositive_host(c: &mut Ctx<'_, '_>, si: usize) {
    let ms = c.mentions(si);
    let words = c.words(si);
    let ev = c.sentences[si].span.clone();
    let events: Vec<&Mention> = ms
        .iter()
        .filter(|m| c.kind(m.entity) == EntityType::Event)
        .collect();
    for m in events {
        let mut i = m.toks.end;
        // Skip "(GS24)".
        if words.get(i).map(String::as_str) == Some("(") {
            while i < words.len() && words[i] != ")" {
                i += 1;
            }
            i += 1;
        }
        if words.get(i).map(String::as_str) != Some(",") {
            continue;
        }
        let owner = ms.iter().find(|o| {
            o.toks.start == i + 1
                && matches!(
                    c.kind(o.entity),
                    EntityType::Organization | EntityType::Nation
                )
                && words.get(o.toks.end).map(String::as_str) == Some("'s")
        });
        if let Some(o) = owner {
            c.rels.add(
                m.entity,
                Predicate::Host,
                o.entity,
                &ev,
                "event-of-organization",
            );
        }
    }
}

/// Sponsors, members and signatories of initiatives and agreements.
fn initiatives_and_agreements(c: &mut Ctx<'_, '_>, si: usize) {
    let ms = c.mentions(si);
    let ev = c.sentences[si].span.clone();
    let words = c.words(si);
    for (mi, m) in ms.iter().enumerate() {
        let k = c.kind(m.entity);
        if !matches!(k, EntityType::Initiative | EntityType::Agreement) {
            continue;
        }
        // "X’s Y" (X an organization or nation).
        if mi > 0 {
            let prev = &ms[mi - 1];
            if is_agent(c.kind(prev.entity))
                && c.kind(prev.entity) != EntityType::Person
                && words.get(prev.toks.end).map(String::as_str) == Some("'s")
                && m.toks.start <= prev.toks.end + 2
            {
                c.rels.add(
                    m.entity,
                    Predicate::Sponsor,
                    prev.entity,
                    &ev,
                    "possessive-sponsor",
                );
            }
        }
        // "SERVIR, a joint initiative of NASA and USAID": the appositive's "of"/"by" names
        // who runs it.
        if words.get(m.toks.end).map(String::as_str) == Some(",") {
            let stop = (m.toks.end + 1..words.len())
                .find(|&i| matches!(words[i].as_str(), "," | "." | ";" | "that" | "which" | "to"))
                .unwrap_or(words.len());
            let of = (m.toks.end + 1..stop.min(m.toks.end + 8))
                .find(|&i| matches!(words[i].as_str(), "of" | "by"));
            let headed = of.is_some_and(|i| {
                c.ex.lexicon
                    .head_of(&words[m.toks.end + 1..i])
                    .is_some_and(|(h, _)| matches!(h, super::mentions::Head::Kind(_)))
            });
            if let (Some(i), true) = (of, headed) {
                for o in ms
                    .iter()
                    .filter(|o| o.toks.start > i && o.toks.start < stop && !o.inside)
                {
                    if matches!(
                        c.kind(o.entity),
                        EntityType::Organization | EntityType::Nation
                    ) {
                        c.rels.add(
                            m.entity,
                            Predicate::Sponsor,
                            o.entity,
                            &ev,
                            "appositive-of-sponsor",
                        );
                    }
                }
            }
        }
        // "Competitive Endurance, the Space Force’s theory of success": the owner named in
        // the appositive.
        if words.get(m.toks.end).map(String::as_str) == Some(",")
            && words.get(m.toks.end + 1).map(String::as_str) == Some("the")
        {
            if let Some(o) = ms.iter().find(|o| {
                o.toks.start == m.toks.end + 2
                    && !o.inside
                    && matches!(
                        c.kind(o.entity),
                        EntityType::Organization | EntityType::Nation
                    )
                    && words.get(o.toks.end).map(String::as_str) == Some("'s")
            }) {
                c.rels.add(
                    m.entity,
                    Predicate::Sponsor,
                    o.entity,
                    &ev,
                    "appositive-owner",
                );
            }
        }
        // "the AUKUS partnership among Australia, the United Kingdom and the United States":
        // the members after "among"/"between", within a few words of the name.
        if k == EntityType::Initiative {
            let among = (m.toks.end..(m.toks.end + 3).min(words.len()))
                .find(|&i| c.ex.kb.cue_at(Cue::MemberAmong, &words, i).is_some());
            if let Some(i) = among {
                for x in coordinated(c, &ms, &words, i + 1, true) {
                    c.rels
                        .add(m.entity, Predicate::Member, x, &ev, "members-among");
                }
            }
            // "Australia, the UK and the US will work together on X".
            let mut at = m.toks.start;
            while at > 0 && matches!(words[at - 1].as_str(), "the" | "a" | "an") {
                at -= 1;
            }
            let on = (at.saturating_sub(5)..at)
                .find(|&i| c.ex.kb.cue_at(Cue::MemberOn, &words, i) == Some(at - i));
            if let Some(i) = on {
                let mut v = i;
                while v > 0
                    && matches!(
                        words[v - 1].as_str(),
                        "will" | "to" | "would" | "also" | "now"
                    )
                {
                    v -= 1;
                }
                for x in coordinated(c, &ms, &words, v, false) {
                    c.rels
                        .add(m.entity, Predicate::Member, x, &ev, "members-work-on");
                }
            }
        }
        // "Y, led by X", "Y was created in 2020 by X and Z".
        let kb = c.ex.kb;
        let end = (m.toks.end + 6).min(words.len());
        let by = (m.toks.end..end).find_map(|i| {
            let n = kb.cue_at(Cue::SponsorBy, &words, i)?;
            (i + n..(i + n + 4).min(words.len())).find(|&j| words[j] == "by")
        });
        if let Some(by) = by {
            for x in coordinated(c, &ms, &words, by + 1, true) {
                c.rels.add(m.entity, Predicate::Sponsor, x, &ev, "led-by");
            }
        }
        // "X set up Y", "X and Z share responsibility for the Y".
        let mut start = m.toks.start;
        while start > 0
            && matches!(
                words[start - 1].as_str(),
                "the" | "a" | "an" | "its" | "their"
            )
        {
            start -= 1;
        }
        let cue = (start.saturating_sub(5)..start)
            .find(|&i| kb.cue_at(Cue::SponsorOf, &words, i) == Some(start - i));
        if let Some(i) = cue {
            for x in coordinated(c, &ms, &words, i, false) {
                c.rels.add(m.entity, Predicate::Sponsor, x, &ev, "set-up");
            }
        }
    }
    // Members and signatories: a sentence about joining, membership or signing, with one
    // initiative or agreement and a list of nations or organizations.
    let joined = says(c, Cue::Membership, &words);
    // "The signing took place during ...": a cue after a determiner names the event, it
    // does not say who signed.
    let signed = (0..words.len()).any(|i| {
        c.ex.kb.cue_at(Cue::Signing, &words, i).is_some()
            && !(i > 0 && matches!(words[i - 1].as_str(), "the" | "a" | "this" | "that"))
    });
    let targets: Vec<usize> = ms
        .iter()
        .map(|m| m.entity)
        .filter(|&e| matches!(c.kind(e), EntityType::Initiative | EntityType::Agreement))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    // "The full list of signatories now reads: A, B, ...": the agreement (or initiative) of
    // the sentences just before.
    // "signed that framework": the agreement named before.
    // "signed an agreement": a new agreement the release does not name, not one named before.
    let described = words.windows(2).any(|w| {
        matches!(w[0].as_str(), "a" | "an")
            && c.ex.lexicon.head_of(&w[1..]).is_some_and(|(h, _)| {
                matches!(
                    h,
                    super::mentions::Head::Kind(crate::knowledge::HeadKind::Agreement)
                )
            })
    });
    let carried = if let (true, Some(r)) = (
        targets.is_empty() && signed,
        referred_programme(c, si, &words),
    ) {
        Some(r)
    } else if targets.is_empty() && (signed || joined) && si > 0 && !described {
        let want = if signed {
            EntityType::Agreement
        } else {
            EntityType::Initiative
        };
        // The one most mentioned in the release among those of the sentences before.
        (0..si)
            .flat_map(|j| c.mentions(j))
            .filter(|m| c.kind(m.entity) == want)
            .map(|m| m.entity)
            .max_by_key(|&e| c.ents.get(e).mentions.len())
    } else {
        None
    };
    // With an agreement and an initiative in one sentence, signing is about the agreement
    // and joining about the initiative ("signed an MoU on the ExoMars mission").
    let of_kind = |k: EntityType| -> Vec<usize> {
        targets
            .iter()
            .copied()
            .filter(|&t| c.kind(t) == k)
            .collect()
    };
    let t = match (targets.as_slice(), carried) {
        ([one], _) => *one,
        ([], Some(t)) => t,
        _ => match (
            of_kind(EntityType::Agreement).as_slice(),
            of_kind(EntityType::Initiative).as_slice(),
        ) {
            ([a], _) if signed => *a,
            (_, [i]) if joined => *i,
            _ => return,
        },
    };
    // "is considering signing": nothing was signed or joined.
    // Hedges are lowercase words: "May" is the month.
    let hedged = c.sentences[si]
        .tokens
        .iter()
        .any(|t| c.ex.kb.hedges.contains(t.text(c.text)));
    if hedged {
        return;
    }
    // The organization a signer heads or serves is not itself a signatory.
    let affiliations = affiliations_in(c, &ev);
    // "A and B signed ...", "... was signed by A and B", "... signed with A": the subject
    // list of the verb when the sentence has one; else every body it names ("The full list
    // of signatories now reads: ...").
    let role = if c.kind(t) == EntityType::Agreement {
        Cue::SigningVerb
    } else {
        Cue::Membership
    };
    let verb = (0..words.len())
        .find_map(|i| c.ex.kb.cue_at(role, &words, i).map(|n| (i, n)))
        .filter(|&(i, _)| !c.quoted(c.sentences[si].tokens[i].start));
    let mut subject: Vec<usize> = Vec::new();
    if let Some((i, n)) = verb {
        // "ESA and NASA today signed": adverbs between the list and the verb.
        let mut at = i;
        while at > 0
            && matches!(
                words[at - 1].as_str(),
                "today" | "jointly" | "formally" | "officially" | "also" | "have" | "has" | "had"
            )
        {
            at -= 1;
        }
        subject = coordinated(c, &ms, &words, at, false);
        let after = i + n;
        if matches!(words.get(after).map(String::as_str), Some("by" | "with")) {
            subject.extend(coordinated(c, &ms, &words, after + 1, true));
        }
    }
    // "Gen. X, USSPACECOM commander, and Y, commander of UKSpaceCom, signed": persons sign
    // for the bodies they head, else for their nation, as this sentence states them.
    // A body named in a signer's appositive ("..., commander of X, signed") is no subject.
    subject.retain(|e| !affiliations.contains(e));
    let mut for_whom: Vec<usize> = Vec::new();
    if let (true, Some((i, _))) = (subject.is_empty(), verb) {
        let signers: Vec<usize> = ms
            .iter()
            .filter(|m| m.toks.end <= i && !m.inside && c.kind(m.entity) == EntityType::Person)
            .map(|m| m.entity)
            .collect();
        for p in signers {
            let stated = |pred: Predicate| -> Vec<usize> {
                c.rels
                    .list
                    .iter()
                    .filter(|r| r.subject == p && r.predicate == pred && r.evidence == ev)
                    .filter_map(|r| match r.object {
                        Object::Entity(o) => Some(c.ents.resolve(o)),
                        _ => None,
                    })
                    .collect()
            };
            let heads = stated(Predicate::Heads);
            let bodies = if heads.is_empty() {
                stated(Predicate::Country)
            } else {
                heads
            };
            for b in bodies {
                if !for_whom.contains(&b) {
                    for_whom.push(b);
                }
            }
        }
    }
    let agents: Vec<usize> = if !for_whom.is_empty() {
        for_whom
    } else {
        ms.iter()
            .filter(|m| {
                !m.inside
                    && matches!(
                        c.kind(m.entity),
                        EntityType::Nation | EntityType::Organization
                    )
            })
            .map(|m| m.entity)
            .filter(|e| !affiliations.contains(e))
            .filter(|e| subject.is_empty() || subject.contains(e))
            .collect()
    };
    let sponsors: HashSet<usize> = c.rels.objects(t, Predicate::Sponsor).collect();
    match c.kind(t) {
        EntityType::Initiative if joined => {
            for a in agents {
                if !sponsors.contains(&a) {
                    c.rels
                        .add(t, Predicate::Member, a, &ev, "membership-sentence");
                }
            }
        }
        EntityType::Agreement if signed => {
            for a in agents {
                if !sponsors.contains(&a) {
                    c.rels
                        .add(t, Predicate::Signatory, a, &ev, "signing-sentence");
                }
            }
        }
        _ => {}
    }
}

/// Events: named ones (typed by their head word) and ones described by a trigger ("signed",
/// "ceremony", "met"), with their date, place, participants, host, leader, agreement and
/// initiative from the sentence that states them. "The event", "the ceremony" and "this
/// collaboration" refer back to the event last mentioned.
fn events(c: &mut Ctx<'_, '_>) {
    let reference = c.reference;
    let mut last_event: Option<usize> = None;
    let mut seen: Vec<usize> = Vec::new();
    // Lowercase labels of the event classes: "the event", "the talks".
    let labels: Vec<(String, String)> =
        c.ex.kb
            .event_classes
            .iter()
            .map(|k| (form_key(&k.label), k.iri.clone()))
            .collect();
    for si in 0..c.sentences.len() {
        let ms = c.mentions(si);
        let ev = c.sentences[si].span.clone();
        let words = c.words(si);
        let toks = c.sentences[si].tokens.clone();
        let trig = find_trigger(c, &words, &toks, &ms);
        let named: Vec<usize> = ms
            .iter()
            .filter(|m| c.kind(m.entity) == EntityType::Event)
            .map(|m| m.entity)
            .collect();
        // "the ceremony", "this year’s exercise", "the two-day conference": a determiner
        // and at most two lowercase modifiers before the trigger.
        let refers_back = |ti: usize| {
            (1..=3.min(ti)).any(|back| {
                matches!(words[ti - back].as_str(), "the" | "this" | "that" | "these")
                    && (ti - back + 1..ti).all(|k| {
                        let raw = c.sentences[si].tokens[k].text(c.text);
                        raw.chars()
                            .all(|ch| ch.is_lowercase() || ch.is_ascii_digit() || ch == '-')
                            // "the next Dialogue" points to another, later occasion.
                            && c.ex.kb.cue_at(Cue::Future, &words, k).is_none()
                    })
            })
        };
        let anaphor = (1..words.len()).any(|i| {
            refers_back(i) && labels.iter().any(|(l, _)| *l == words[i]) && !c.quoted(toks[i].start)
        }) || c.ex.kb.has_cue(Cue::Participation, &words);
        // "this year’s participants were ...", "Attendees included ...".
        let event = if let Some(&e) = named.first() {
            if let Some((_, _, class)) = &trig {
                c.ents.get_mut(e).event_class.get_or_insert(class.clone());
            }
            Some((e, "named-event"))
        } else if let Some((ti, _, class)) = &trig {
            let agents = ms.iter().any(|m| is_agent(c.kind(m.entity)) && !m.inside);
            let places = ms.iter().any(|m| {
                c.kind(m.entity) == EntityType::Place
                    || (c.kind(m.entity) == EntityType::Nation
                        && m.toks.start > 0
                        && words[m.toks.start - 1] == "in")
            });
            let dates: Vec<Date> = find_dates(&c.text[ev.clone()], reference)
                .into_iter()
                .filter(|d| !c.quoted(ev.start + d.start))
                .map(|d| d.date)
                .collect();
            let same_class_last = last_event
                .filter(|&e| c.ents.get(e).event_class.as_deref() == Some(class.as_str()));
            // An event of this kind already described, on the same day or with no new date:
            // most releases tell one ceremony, one signing, one visit.
            // A signing of another agreement is another signing.
            let sentence_agreement = ms
                .iter()
                .find(|m| c.kind(m.entity) == EntityType::Agreement)
                .map(|m| m.entity)
                .or_else(|| referred_programme(c, si, &words));
            // "activated in Hawaii in November", "signed in 2014": a month or a year other
            // than the event's tells another occasion.
            let raw: Vec<&str> = toks.iter().map(|t| t.text(c.text)).collect();
            let months: Vec<u32> = raw
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter_map(|w| crate::date::month_number(w))
                .collect();
            let years: Vec<i32> = raw
                .iter()
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i32>().ok())
                .filter(|y| (1900..2100).contains(y))
                .collect();
            let other_time = |e: usize| {
                event_date(c, e).is_some_and(|d| {
                    (!months.is_empty() && !months.contains(&d.month))
                        || (!years.is_empty() && !years.contains(&d.year))
                })
            };
            // A date long before the release ("signed the original Accords on October 13,
            // 2020" in a release of 2023) is history, not the release's event.
            let historic = !dates.is_empty()
                && reference.is_some_and(|r| dates.iter().all(|d| r.days_since(*d) > 60));
            let same_kind = seen.iter().rev().copied().find(|&e| {
                c.ents.get(e).event_class.as_deref() == Some(class.as_str())
                    && (dates.is_empty() || event_date(c, e).is_none_or(|d| dates.contains(&d)))
                    && !(historic && event_date(c, e).is_none())
                    && (!dates.is_empty() || !other_time(e))
                    && sentence_agreement.is_none_or(|a| {
                        let own: Vec<usize> = c
                            .rels
                            .objects(e, Predicate::Agreement)
                            .map(|o| c.ents.resolve(o))
                            .collect();
                        own.is_empty() || own.contains(&c.ents.resolve(a))
                    })
            });
            // "Speakers at the ceremony included ..." after a signing: the signing's
            // ceremony, when the sentence tells who took part in or hosted it.
            let about_participants =
                c.ex.kb.has_cue(Cue::Participation, &words) || c.ex.kb.has_cue(Cue::Host, &words);
            let referred = same_class_last.or(last_event.filter(|_| about_participants));
            if let (true, Some(e)) = (refers_back(*ti), referred) {
                Some((e, "event-referred-to"))
            } else if let Some(e) = same_kind {
                Some((e, "same-kind-event"))
            } else if dates.is_empty()
                && seen.iter().any(|&e| {
                    c.ents.get(e).event_class.as_deref() == Some(class.as_str()) && other_time(e)
                })
            {
                // An earlier occasion of the same kind, told in passing without its day:
                // not the release's event, and too vague to record.
                None
            } else if !c.sentences[si].is_title
                && agents
                && (places || !dates.is_empty() || (refers_back(*ti) && about_participants))
            {
                Some((
                    new_unnamed_event(c, class, &ev, toks[*ti].span()),
                    "described-event",
                ))
            } else {
                None
            }
        } else if anaphor {
            last_event.map(|e| (e, "event-referred-to"))
        } else {
            None
        };
        if let Some((e, _)) = event {
            if !seen.contains(&e) {
                seen.push(e);
            }
        }
        let Some((e, _how)) = event else {
            // An initiative "drives this collaboration": the event of the release.
            if words.iter().any(|w| w == "this" || w == "these") {
                if let Some(le) = last_event {
                    for m in &ms {
                        if c.kind(m.entity) == EntityType::Initiative {
                            c.rels.add(
                                le,
                                Predicate::Initiative,
                                m.entity,
                                &ev,
                                "initiative-drives-event",
                            );
                        }
                    }
                }
            }
            continue;
        };
        last_event = Some(e);
        // A sentence that only refers back to the event ("SPACEFOR-KOR reports to ...")
        // adds no participants unless it speaks of them ("Attendees included ...").
        let participation = c.ex.kb.has_cue(Cue::Participation, &words);
        let plain_participants = _how != "same-kind-event" || participation;
        // Who takes part is told in the clause of the event word: after the comma that
        // closes it ("opened the event, the first since the Government decided ...",
        // "activated X during a ceremony ..., assigning the unit to Y") other agents are
        // named for other reasons. A list of attendees is all participation.
        let event_at = trig
            .as_ref()
            .map(|(ti, n, _)| ti + n)
            .or_else(|| ms.iter().find(|m| m.entity == e).map(|m| m.toks.end))
            .or_else(|| {
                (1..words.len())
                    .find(|&i| refers_back(i) && labels.iter().any(|(l, _)| *l == words[i]))
                    .map(|i| i + 1)
            });
        // The clause ends at a comma that opens an appositive or a participle or relative
        // clause (", the first since ...", ", assigning ...", ", which ..."); ", and Lt.
        // Col. X assumed command" goes on telling the event.
        let closes_clause = |i: usize| {
            words[i] == ","
                && words.get(i + 1).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "which" | "who" | "where" | "when" | "whose"
                    ) || (w.ends_with("ing") && w.len() > 5)
                })
        };
        let cut = event_at
            .filter(|_| !participation)
            .and_then(|at| (at..words.len()).find(|&i| closes_clause(i)));
        // "The signing took place during Prime Minister X’s state visit to the United States
        // at the invitation of President Y": the words after "during" tell another event,
        // of the kind of the trigger they hold.
        let during = event_at.and_then(|at| {
            let d = (at..words.len()).find(|&i| words[i] == "during")?;
            let (_, _, class) =
                find_trigger(c, &words[d + 1..], &c.sentences[si].tokens[d + 1..], &[])?;
            let own = c.ents.get(e).event_class.clone();
            (own.as_deref() != Some(class.as_str())).then_some((d, class))
        });
        let in_clause: Vec<Mention> = ms
            .iter()
            .filter(|m| {
                let agent = matches!(
                    c.kind(m.entity),
                    EntityType::Person | EntityType::Organization | EntityType::Nation
                );
                let before_cut = cut.is_none_or(|cut| m.toks.start < cut);
                let before_during = during.as_ref().is_none_or(|(d, _)| m.toks.start < *d);
                !agent || (before_cut && before_during)
            })
            .cloned()
            .collect();
        event_arguments(c, e, si, &in_clause, &words, plain_participants);
        if let Some((d, class)) = during {
            let after: Vec<Mention> = ms.iter().filter(|m| m.toks.start > d).cloned().collect();
            let agents = after.iter().any(|m| is_agent(c.kind(m.entity)));
            let known = seen
                .iter()
                .copied()
                .find(|&x| x != e && c.ents.get(x).event_class.as_deref() == Some(class.as_str()));
            let other = match known {
                Some(x) => Some(x),
                None if agents => {
                    let at = c.sentences[si].tokens[d + 1].span();
                    Some(new_unnamed_event(c, &class, &ev, at))
                }
                None => None,
            };
            if let Some(x) = other {
                if !seen.contains(&x) {
                    seen.push(x);
                }
                event_arguments(c, x, si, &after, &words, true);
            }
        }
        // "X, <post>, and Y, <post>, signed the agreement": the persons before the verb of an
        // event already told took part in it.
        if !plain_participants {
            if let Some((ti, _, _)) = &trig {
                let posted = affiliations_in(c, &ev);
                for m in &ms {
                    if m.toks.end <= *ti
                        && !m.inside
                        && c.kind(m.entity) == EntityType::Person
                        && !posted.contains(&m.entity)
                    {
                        c.rels.add(
                            e,
                            Predicate::Participant,
                            m.entity,
                            &ev,
                            "person-before-event-verb",
                        );
                    }
                }
            }
        }
    }
}

/// An event without a proper name is named from what the release states of it: "Signing of
/// Artemis Accords at Willard InterContinental Hotel, 2023-06-21".
fn name_unnamed_events(c: &mut Ctx<'_, '_>) {
    let ids: Vec<usize> = c
        .ents
        .ids()
        .filter(|&i| c.ents.get(i).kind == EntityType::Event && c.ents.get(i).unnamed)
        .collect();
    for e in ids {
        let class = c.ents.get(e).event_class.clone().unwrap_or_default();
        let label =
            c.ex.kb
                .event_class(&class)
                .map(|k| k.label.clone())
                .unwrap_or_else(|| "Event".into());
        let first = |p: Predicate| {
            c.rels
                .list
                .iter()
                .find_map(|r| match (&r.object, r.subject == e, r.predicate == p) {
                    (Object::Entity(o), true, true) => Some(c.ents.get(*o).name.clone()),
                    _ => None,
                })
        };
        let mut name = label;
        if let Some(a) = first(Predicate::Agreement) {
            name.push_str(&format!(" of {a}"));
        } else if let Some(p) = first(Predicate::Host).or_else(|| first(Predicate::Participant)) {
            name.push_str(&format!(" with {p}"));
        }
        if let Some(l) = first(Predicate::Location) {
            name.push_str(&format!(" at {l}"));
        }
        if let Some(d) = event_date(c, e) {
            name.push_str(&format!(", {d}"));
        }
        c.ents.get_mut(e).name = name;
    }
}

/// The organizations that persons head or serve according to sentence `ev`.
fn affiliations_in(c: &Ctx<'_, '_>, ev: &Range<usize>) -> HashSet<usize> {
    c.rels
        .list
        .iter()
        .filter(|r| {
            r.evidence == *ev && matches!(r.predicate, Predicate::Heads | Predicate::MemberOf)
        })
        .filter_map(|r| match r.object {
            Object::Entity(o) => Some(c.ents.resolve(o)),
            _ => None,
        })
        .collect()
}

/// The date already recorded for an event.
fn event_date(c: &Ctx<'_, '_>, e: usize) -> Option<Date> {
    c.rels
        .list
        .iter()
        .find_map(|r| match (&r.object, r.subject == e, r.predicate) {
            (Object::Date(d), true, Predicate::Date) => Some(*d),
            _ => None,
        })
}

/// The first trigger of an event class outside quotes and names: (token, length, class).
fn find_trigger(
    c: &Ctx<'_, '_>,
    words: &[String],
    toks: &[crate::extract::tokens::Token],
    ms: &[Mention],
) -> Option<(usize, usize, String)> {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    for i in 0..words.len() {
        if c.quoted(toks[i].start) {
            continue;
        }
        for (phrase, class) in &c.ex.lexicon.triggers {
            if i + phrase.len() <= words.len() && words[i..i + phrase.len()] == phrase[..] {
                // Inside a name ("Space Symposium") the name carries the event; a described
                // agreement ("a data-sharing agreement") is no name.
                let in_name = ms.iter().any(|m| {
                    m.toks.contains(&i)
                        && c.text[m.span.clone()]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                });
                if in_name {
                    continue;
                }
                found.push((i, phrase.len(), class.clone()));
                break;
            }
        }
    }
    // The first trigger places the event; a later one of a subclass ("signed a data-sharing
    // agreement": a data-sharing signing) gives its kind.
    let (i, n, class) = found.first()?.clone();
    let kb = c.ex.kb;
    let specific = found
        .iter()
        .skip(1)
        .filter(|(_, _, k)| *k != class && kb.is_event_subclass(k, &class))
        .map(|(_, _, k)| k.clone())
        .next_back()
        .unwrap_or(class);
    Some((i, n, specific))
}

fn new_unnamed_event(
    c: &mut Ctx<'_, '_>,
    class: &str,
    ev: &Range<usize>,
    at: Range<usize>,
) -> usize {
    let label =
        c.ex.kb
            .event_class(class)
            .map(|k| k.label.clone())
            .unwrap_or_else(|| "Event".into());
    let n = c.ents.ids().filter(|&i| c.ents.get(i).unnamed).count();
    let key = format!("local/event-{n}");
    let name = format!("{} ({})", label, snippet(&c.text[ev.clone()]));
    let id = c.ents.add(EntityType::Event, &key, &name, "", at);
    let e = c.ents.get_mut(id);
    e.unnamed = true;
    e.aliases.clear();
    e.event_class = Some(class.to_string());
    id
}

/// The organizations and nations of a list ("NASA, ESA and the U.S. Department of State")
/// that starts at word `at` (`forward`) or ends just before it.
fn coordinated(
    c: &Ctx<'_, '_>,
    ms: &[Mention],
    words: &[String],
    at: usize,
    forward: bool,
) -> Vec<usize> {
    let joiner = |w: &str| matches!(w, "," | "and" | "the" | "its" | "both");
    let agents: Vec<&Mention> = ms
        .iter()
        .filter(|o| {
            !o.inside
                && matches!(
                    c.kind(o.entity),
                    EntityType::Organization | EntityType::Nation
                )
        })
        .collect();
    let mut out = Vec::new();
    if forward {
        let mut pos = at;
        loop {
            while pos < words.len() && joiner(&words[pos]) {
                pos += 1;
            }
            match agents.iter().find(|o| o.toks.start == pos) {
                Some(o) => {
                    out.push(o.entity);
                    pos = o.toks.end;
                    // "NASA (the agency)" or an acronym in parentheses.
                    if words.get(pos).map(String::as_str) == Some("(") {
                        pos = (pos..words.len())
                            .find(|&j| words[j] == ")")
                            .map_or(pos, |j| j + 1);
                    }
                }
                None => break,
            }
        }
    } else {
        let mut pos = at;
        loop {
            while pos > 0 && joiner(&words[pos - 1]) {
                pos -= 1;
            }
            if pos > 0 && words[pos - 1] == ")" {
                pos = (0..pos - 1).rev().find(|&j| words[j] == "(").unwrap_or(pos);
            }
            match agents.iter().find(|o| o.toks.end == pos) {
                Some(o) => {
                    out.push(o.entity);
                    pos = o.toks.start;
                }
                None => break,
            }
        }
    }
    out
}

/// "a visit to Washington", "a trip to the Philippines": the place after an event trigger and
/// "to" is where the event took place.
fn trigger_to(c: &Ctx<'_, '_>, words: &[String], at: usize) -> bool {
    if at < 2 {
        return false;
    }
    let to = if words[at - 1] == "the" {
        at - 2
    } else {
        at - 1
    };
    words.get(to).is_some_and(|w| w == "to")
        && c.ex
            .lexicon
            .triggers
            .iter()
            .any(|(phrase, _)| to >= phrase.len() && words[to - phrase.len()..to] == phrase[..])
}

/// "that framework", "the memorandum", "this agreement": the agreement or initiative of the
/// sentences before whose name ends with the head word the determiner points to.
fn referred_programme(c: &Ctx<'_, '_>, si: usize, words: &[String]) -> Option<usize> {
    let toks = &c.sentences[si].tokens;
    let at = (1..words.len()).find(|&i| {
        matches!(words[i - 1].as_str(), "that" | "this" | "the")
            && !c.quoted(toks[i].start)
            && toks[i]
                .text(c.text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && c.ex
                .lexicon
                .head_of(&words[i..i + 1])
                .is_some_and(|(h, _)| {
                    matches!(
                        h,
                        super::mentions::Head::Kind(crate::knowledge::HeadKind::Agreement)
                    )
                })
    })?;
    let head = &words[at];
    (0..si)
        .rev()
        .flat_map(|j| c.mentions(j).into_iter().rev())
        .map(|m| m.entity)
        .find(|&e| {
            c.kind(e) == EntityType::Agreement
                && form_key(&c.ents.get(e).name)
                    .split(' ')
                    .any(|w| w == head || w.strip_suffix('s') == Some(head))
        })
}

/// Whether a mention is the dateline's place or region ("OSAN AIR BASE, Republic of Korea").
fn in_dateline(c: &Ctx<'_, '_>, m: &Mention) -> bool {
    c.release.dateline.as_ref().is_some_and(|d| {
        d.place_span.contains(&m.span.start)
            || d.region_span
                .as_ref()
                .is_some_and(|r| r.contains(&m.span.start))
    })
}

/// Whether `words` hold a cue of `role` anywhere.
fn says(c: &Ctx<'_, '_>, role: Cue, words: &[String]) -> bool {
    c.ex.kb.has_cue(role, words)
}

/// Whether the words after an agent say it does `role`: cues that end in "of" ("at the
/// invitation of") name the agent after them, not before.
fn says_after(c: &Ctx<'_, '_>, role: Cue, words: &[String]) -> bool {
    c.ex.kb.cues.get(&role).is_some_and(|cues| {
        cues.iter()
            .filter(|cue| cue.last().is_none_or(|w| w != "of"))
            .any(|cue| words.windows(cue.len()).any(|w| w == &cue[..]))
    })
}

/// Whether `before` (the words before an agent) ends with "<cue of role> by" or with a cue
/// of `role` ending in "of" ("at the invitation of").
fn by_cue(c: &Ctx<'_, '_>, role: Cue, before: &[String]) -> bool {
    // "hosted by X", "hosted on 1 December 2023 by X": the cue among the words before
    // "by", in the same clause.
    let n = before.len();
    let clause_start = before[..n.saturating_sub(1)]
        .iter()
        .rposition(|w| matches!(w.as_str(), "," | ";"))
        .map_or(0, |p| p + 1);
    (n >= 1
        && before[n - 1] == "by"
        && (clause_start..n - 1).any(|i| c.ex.kb.cue_at(role, &before[..n - 1], i).is_some()))
        || c.ex.kb.cues.get(&role).is_some_and(|cues| {
            cues.iter()
                .any(|cue| cue.last().is_some_and(|w| w == "of") && before.ends_with(cue))
        })
}

/// The date, places, participants, host, leader, agreement and initiative of event `e`
/// stated in sentence `si`.
fn event_arguments(
    c: &mut Ctx<'_, '_>,
    e: usize,
    si: usize,
    ms: &[Mention],
    words: &[String],
    plain_participants: bool,
) {
    let ev = c.sentences[si].span.clone();
    let reference = c.reference;
    if !c.rels.has(e, Predicate::Date) {
        // The dateline's own date is the release's; another date in the sentence is the
        // event's ("OSLO (April 2, 2025) -- ... signed on April 1").
        let header_end = c.dateline_end().unwrap_or(0);
        let dates: Vec<_> = find_dates(&c.text[ev.clone()], reference)
            .into_iter()
            .filter(|d| !c.quoted(ev.start + d.start))
            .collect();
        if let Some(d) = dates
            .iter()
            .find(|d| ev.start + d.start >= header_end)
            .or(dates.first())
        {
            c.rels.add_date(e, d.date, &ev, "date-in-event-sentence");
        }
    }
    // Heads and memberships stated in this sentence are not participation.
    let posted = affiliations_in(c, &ev);
    let person_starts: Vec<usize> = ms
        .iter()
        .filter(|m| c.kind(m.entity) == EntityType::Person)
        .map(|m| m.toks.start)
        .collect();
    for m in ms {
        let k = c.kind(m.entity);
        let before = |n: usize| -> Vec<&str> {
            words[m.toks.start.saturating_sub(n)..m.toks.start]
                .iter()
                .map(String::as_str)
                .collect()
        };
        match k {
            EntityType::Place
                if before(3).iter().any(|w| matches!(*w, "at" | "in" | "near"))
                    || trigger_to(c, words, m.toks.start) =>
            {
                c.rels.add(
                    e,
                    Predicate::Location,
                    m.entity,
                    &ev,
                    "place-in-event-sentence",
                );
            }
            EntityType::Nation if !m.inside && !in_dateline(c, m) => {
                let next_words = &words[m.toks.end..(m.toks.end + 4).min(words.len())];
                // "U.S. Ambassador", "the United States’ part", "a visit to Japan": the
                // nation qualifies a name or is a destination, it does not take part.
                let next_raw = c.sentences[si]
                    .tokens
                    .get(m.toks.end)
                    .map(|t| t.text(c.text))
                    .unwrap_or("");
                let modifier = next_raw.chars().next().is_some_and(char::is_uppercase)
                    || matches!(next_raw, "’s" | "'s" | "’" | "'" | "-")
                    || matches!(before(1).first().copied(), Some("to"));
                if before(1) == ["in"] || trigger_to(c, words, m.toks.start) {
                    c.rels.add(
                        e,
                        Predicate::Location,
                        m.entity,
                        &ev,
                        "nation-in-event-sentence",
                    );
                } else if says_after(c, Cue::Host, next_words) {
                    c.rels.add(e, Predicate::Host, m.entity, &ev, "host-verb");
                } else if !posted.contains(&m.entity) && plain_participants && !modifier {
                    c.rels.add(
                        e,
                        Predicate::Participant,
                        m.entity,
                        &ev,
                        "agent-in-event-sentence",
                    );
                }
            }
            EntityType::Organization | EntityType::Person if !m.inside && !in_dateline(c, m) => {
                if posted.contains(&m.entity) {
                    continue;
                }
                // What this agent does: the words up to the next person.
                let next_person = person_starts
                    .iter()
                    .copied()
                    .find(|&p| p > m.toks.start)
                    .unwrap_or(words.len());
                let after = &words[m.toks.end..next_person.min(m.toks.end + 32).max(m.toks.end)];
                // The words before the agent's printed form: its rank, titles and a nation
                // or organization printed before them ("by US Secretary of Defense X").
                let mut from = m.lead.min(m.toks.start);
                let sentence_toks = &c.sentences[si].tokens;
                for _ in 0..8 {
                    let title_word = from > 0
                        && (sentence_toks[from - 1]
                            .text(c.text)
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
                let b = &words[from.saturating_sub(8)..from];
                let (rel, rule) = if by_cue(c, Cue::Host, b) || says_after(c, Cue::Host, after) {
                    (Predicate::Host, "host-verb")
                } else if k == EntityType::Person
                    && (by_cue(c, Cue::Lead, b) || says_after(c, Cue::Lead, after))
                {
                    (Predicate::Leader, "lead-verb")
                } else if plain_participants {
                    (Predicate::Participant, "agent-in-event-sentence")
                } else {
                    continue;
                };
                c.rels.add(e, rel, m.entity, &ev, rule);
            }
            // "concluded under the Framework Agreement": the framework, not what was signed.
            EntityType::Agreement if !before(3).contains(&"under") => {
                c.rels.add(
                    e,
                    Predicate::Agreement,
                    m.entity,
                    &ev,
                    "agreement-in-event-sentence",
                );
            }
            EntityType::Initiative => {
                c.rels.add(
                    e,
                    Predicate::Initiative,
                    m.entity,
                    &ev,
                    "initiative-in-event-sentence",
                );
            }
            _ => {}
        }
    }
    // "here": the dateline's place.
    if words.iter().any(|w| w == "here") {
        if let Some(dl) = &c.release.dateline {
            let key = dl.place_span.clone();
            if let Some(pid) = c.ents.ids().find(|&i| {
                c.ents.get(i).kind == EntityType::Place && c.ents.get(i).mentions.contains(&key)
            }) {
                c.rels
                    .add(e, Predicate::Location, pid, &ev, "here-is-the-dateline");
            }
        }
    }
}

fn snippet(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().take(10).collect();
    let mut out = words.join(" ");
    if s.split_whitespace().count() > 10 {
        out.push_str(" …");
    }
    out
}

/// The nation an organization belongs to: the gazetteer's, else a nation printed in its
/// name ("Japan Ministry of Defense", "Italian Air Force").
fn organization_nation(c: &Ctx<'_, '_>, e: &super::Entity) -> Option<usize> {
    let kb = c.ex.kb;
    let known = e
        .key
        .strip_prefix("org/")
        .and_then(|k| kb.organization_by_id(k))
        .and_then(|o| o.nation.clone())
        .and_then(|iso| kb.nation_by_iso(&iso).map(|(i, _)| i));
    known.or_else(|| {
        std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .find_map(|form| {
                let ws: Vec<&str> = form.split_whitespace().collect();
                // "Special Operations Command Korea": a region named last is the region
                // served, not the owner ("Ministry of Defence of Japan" is owned).
                let owner_words = match ws.as_slice() {
                    [rest @ .., before, _] if ws.len() > 2 && *before != "of" => rest.len() + 1,
                    _ => ws.len(),
                };
                ws[..owner_words].iter().find_map(|w| {
                    kb.lookup(w.trim_end_matches("’s"))
                        .iter()
                        .find_map(|x| match x {
                            Entry::Nation(n, _) => Some(*n),
                            _ => None,
                        })
                })
            })
    })
}

/// The entity of nation `ni` in this release, added when `create` (its name is printed
/// inside another name).
fn nation_entity(c: &mut Ctx<'_, '_>, ni: usize, create: bool) -> Option<usize> {
    let n = &c.ex.kb.nations[ni];
    let key = format!("nation/{}", n.iso2);
    if let Some(id) = c.ents.by_key(&key) {
        return Some(id);
    }
    if !create {
        return None;
    }
    let id = c
        .ents
        .add(EntityType::Nation, &key, &n.name.clone(), "", 0..0);
    c.ents.get_mut(id).nation = Some(ni);
    c.ents.get_mut(id).standalone = false;
    Some(id)
}

/// An agreement two bodies sign together states their partnership: the two signatories of
/// a bilateral agreement named in one sentence are partners.
fn bilateral_partners(c: &mut Ctx<'_, '_>) {
    let list = c.rels.list.clone();
    let mut by_agreement: HashMap<(usize, Range<usize>), Vec<usize>> = HashMap::new();
    for r in &list {
        if let (Predicate::Signatory, Object::Entity(o)) = (r.predicate, &r.object) {
            let v = by_agreement
                .entry((r.subject, r.evidence.clone()))
                .or_default();
            let o = c.ents.resolve(*o);
            if !v.contains(&o) {
                v.push(o);
            }
        }
    }
    let mut pairs: Vec<_> = by_agreement.into_iter().collect();
    pairs.sort_by_key(|((a, ev), _)| (*a, ev.start));
    for ((_, ev), signers) in pairs {
        if let [a, b] = signers[..] {
            if c.kind(a) == c.kind(b) {
                c.rels
                    .add(a, Predicate::Partner, b, &ev, "bilateral-signatories");
            }
        }
    }
}

/// "NASA-ISRO Synthetic Aperture Radar", "ESA-JAXA mission": the bodies joined at the head
/// of a programme's name run it, when the release names them.
fn compound_sponsors(c: &mut Ctx<'_, '_>) {
    let kb = c.ex.kb;
    let ids: Vec<usize> = c
        .ents
        .ids()
        .filter(|&i| matches!(c.kind(i), EntityType::Initiative | EntityType::Agreement))
        .collect();
    for id in ids {
        let e = c.ents.get(id).clone();
        let Some(first) = e.name.split_whitespace().next() else {
            continue;
        };
        let parts: Vec<&str> = first.split('-').collect();
        if parts.len() < 2 {
            continue;
        }
        let bodies: Vec<usize> = parts
            .iter()
            .filter_map(|p| {
                kb.lookup(p).iter().find_map(|x| match x {
                    Entry::Organization(i) => {
                        c.ents.by_key(&format!("org/{}", kb.organizations[*i].id))
                    }
                    _ => None,
                })
            })
            .collect();
        if bodies.len() != parts.len() {
            continue;
        }
        let ev = e
            .mentions
            .first()
            .map(|m| sentence_of(c, m.start))
            .unwrap_or(0..0);
        for b in bodies {
            c.rels
                .add(id, Predicate::Sponsor, b, &ev, "bodies-in-compound-name");
        }
    }
}

/// The bodies that sign an agreement in the sentence that tells of its signing took part in
/// that signing.
fn signatories_take_part(c: &mut Ctx<'_, '_>) {
    let list = c.rels.list.clone();
    for r in &list {
        let (Predicate::Agreement, Object::Entity(a)) = (r.predicate, &r.object) else {
            continue;
        };
        for s in &list {
            if s.subject == *a && s.predicate == Predicate::Signatory && s.evidence == r.evidence {
                if let Object::Entity(o) = s.object {
                    c.rels.add(
                        r.subject,
                        Predicate::Participant,
                        o,
                        &s.evidence,
                        "signatory-took-part",
                    );
                }
            }
        }
    }
}

/// "A has been succeeded as its commander by B", "B succeeds A as director": B heads what
/// the release says A headed.
fn successions(c: &mut Ctx<'_, '_>) {
    for si in 0..c.sentences.len() {
        let ms = c.mentions(si);
        let words = c.words(si);
        let ev = c.sentences[si].span.clone();
        let persons: Vec<&Mention> = ms
            .iter()
            .filter(|m| c.kind(m.entity) == EntityType::Person)
            .collect();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for i in 0..words.len() {
            if c.quoted(c.sentences[si].tokens[i].start) {
                continue;
            }
            let before = persons
                .iter()
                .rev()
                .find(|m| m.toks.end <= i)
                .map(|m| m.entity);
            if c.ex.kb.cue_at(Cue::SucceededBy, &words, i).is_some() {
                // The successor follows "by".
                let by = (i..(i + 8).min(words.len())).find(|&k| words[k] == "by");
                let after = by.and_then(|b| {
                    persons
                        .iter()
                        .find(|m| m.toks.start > b && m.toks.start <= b + 6)
                });
                if let (Some(a), Some(b)) = (before, after) {
                    pairs.push((a, b.entity));
                }
            } else if let Some(n) = c.ex.kb.cue_at(Cue::Succeeds, &words, i) {
                let after = persons
                    .iter()
                    .find(|m| m.toks.start >= i + n && m.toks.start <= i + n + 4);
                if let (Some(b), Some(a)) = (before, after) {
                    pairs.push((a.entity, b));
                }
            }
        }
        for (old, new) in pairs {
            let headed: Vec<usize> = c.rels.objects(old, Predicate::Heads).collect();
            for o in headed {
                c.rels
                    .add(new, Predicate::Heads, o, &ev, "succeeded-in-post");
            }
        }
    }
}

/// "Lt. Col. X assumed command of the component": a change of command names the person,
/// and the organization is the named one after "of", else the one the release is about (the
/// organization it names most often).
fn assumed_command(c: &mut Ctx<'_, '_>) {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for si in 0..c.sentences.len() {
        for m in c.mentions(si) {
            if !m.inside && c.kind(m.entity) == EntityType::Organization {
                *counts.entry(m.entity).or_default() += 1;
            }
        }
    }
    let principal = counts
        .iter()
        .max_by_key(|&(&e, &n)| (n, std::cmp::Reverse(e)))
        .map(|(&e, _)| e);
    for si in 0..c.sentences.len() {
        let words = c.words(si);
        let ms = c.mentions(si);
        let ev = c.sentences[si].span.clone();
        for i in 0..words.len() {
            let Some(n) = c.ex.kb.cue_at(Cue::Command, &words, i) else {
                continue;
            };
            if c.quoted(c.sentences[si].tokens[i].start) {
                continue;
            }
            // The person just before the verb.
            let Some(p) = ms
                .iter()
                .rev()
                .find(|m| m.toks.end <= i && m.toks.end + 2 >= i)
                .filter(|m| c.kind(m.entity) == EntityType::Person)
                .map(|m| m.entity)
            else {
                continue;
            };
            let named = ms
                .iter()
                .find(|o| {
                    !o.inside
                        && c.kind(o.entity) == EntityType::Organization
                        && words.get(i + n).map(String::as_str) == Some("of")
                        && (o.toks.start == i + n + 1
                            || (o.toks.start == i + n + 2 && words[i + n + 1] == "the"))
                })
                .map(|o| o.entity);
            if let Some(o) = named.or(principal) {
                let rule = if named.is_some() {
                    "assumed-command-of"
                } else {
                    "assumed-command-of-the-release-organization"
                };
                c.rels.add(p, Predicate::Heads, o, &ev, rule);
            }
        }
    }
}

/// Kinds of `data/organizations.tsv` that are bodies of a state as a whole: their nation is
/// plain once the release names it. Offices and units are parts of another body; companies,
/// universities and international bodies belong to no one nation.
const STATE_BODIES: &[&str] = &["agency", "ministry", "department", "command"];

/// Countries. An organization's when its name prints the nation ("U.S. Space Force");
/// a person's from the organization they head or serve when its nation is plain (printed,
/// or named in the release); the dateline's place from the nation printed after it; a
/// place followed by ", Nation" in the text.
fn countries(c: &mut Ctx<'_, '_>) {
    let ids: Vec<usize> = c.ents.ids().collect();
    let mut org_nation: HashMap<usize, usize> = HashMap::new();
    for &id in &ids {
        let e = c.ents.get(id).clone();
        let ev = e
            .mentions
            .first()
            .map(|m| sentence_of(c, m.start))
            .unwrap_or(0..0);
        match e.kind {
            EntityType::Organization => {
                // "ROK-U.S. Combined Forces Command": every nation of a compound.
                let first = e.name.split_whitespace().next().unwrap_or("");
                if first.contains('-') {
                    for part in first.split('-') {
                        let hit = c.ex.kb.lookup(part).iter().find_map(|x| match x {
                            Entry::Nation(n, _) => Some(*n),
                            _ => None,
                        });
                        if let Some(n) = hit.and_then(|ni| nation_entity(c, ni, true)) {
                            c.rels
                                .add(id, Predicate::Country, n, &ev, "nations-in-compound-name");
                        }
                    }
                }
                let Some(ni) = organization_nation(c, &e) else {
                    continue;
                };
                let printed = names_contain_nation(c, &e, ni);
                if let Some(n) = nation_entity(c, ni, printed) {
                    org_nation.insert(id, n);
                    // Named in its own name, or a known state body (not a company or an
                    // office within one) of a nation the release names.
                    let state_body = e
                        .key
                        .strip_prefix("org/")
                        .and_then(|k| c.ex.kb.organization_by_id(k))
                        .is_some_and(|o| STATE_BODIES.contains(&o.kind.as_str()));
                    if printed {
                        c.rels.add(
                            id,
                            Predicate::Country,
                            n,
                            &ev,
                            "nation-in-organization-name",
                        );
                    } else if state_body {
                        c.rels
                            .add(id, Predicate::Country, n, &ev, "state-body-of-named-nation");
                    }
                }
            }
            EntityType::Place => {
                // Dateline: "OSAN AIR BASE, Republic of Korea --".
                let Some(dl) = &c.release.dateline else {
                    continue;
                };
                if !e.mentions.contains(&dl.place_span) {
                    continue;
                }
                let Some(region) = dl.region.clone() else {
                    continue;
                };
                let kb = c.ex.kb;
                if let Some(Entry::Nation(ni, _)) = kb
                    .lookup(&region)
                    .iter()
                    .find(|x| matches!(x, Entry::Nation(_, _)))
                {
                    let ni = *ni;
                    if let Some(n) = nation_entity(c, ni, true) {
                        if let Some(span) = dl.region_span.clone() {
                            c.ents.get_mut(n).mentions.push(span);
                        }
                        c.ents.get_mut(n).aliases.insert(region.clone());
                        c.rels
                            .add(id, Predicate::Country, n, &ev, "dateline-nation");
                    }
                }
            }
            _ => {}
        }
    }
    // "Al Udeid Air Base, Qatar": a place, a comma, a nation. "the United Kingdom’s
    // Ministry of Defence": a nation's own body.
    for si in 0..c.sentences.len() {
        let ms = c.mentions(si);
        let words = c.words(si);
        let ev = c.sentences[si].span.clone();
        for w in ms.windows(2) {
            if c.kind(w[0].entity) == EntityType::Nation
                && !w[0].inside
                && c.kind(w[1].entity) == EntityType::Organization
                && words.get(w[0].toks.end).map(String::as_str) == Some("'s")
                && w[1].toks.start == w[0].toks.end + 1
                && !c.rels.has(w[1].entity, Predicate::Country)
            {
                c.rels.add(
                    w[1].entity,
                    Predicate::Country,
                    w[0].entity,
                    &ev,
                    "nation-possessive-body",
                );
            }
        }
        for w in ms.windows(2) {
            if c.kind(w[0].entity) == EntityType::Place
                && c.kind(w[1].entity) == EntityType::Nation
                && w[1].toks.start == w[0].toks.end + 1
                && words[w[0].toks.end] == ","
            {
                c.rels.add(
                    w[0].entity,
                    Predicate::Country,
                    w[1].entity,
                    &ev,
                    "place-comma-nation",
                );
            }
        }
    }
    // A unit with no nation of its own serves its parent's: the commander of a wing of the
    // U.S. Space Force serves the United States.
    let rels: Vec<Relation> = c.rels.list.clone();
    for r in &rels {
        if let (Predicate::SubOrganizationOf, Object::Entity(parent)) = (r.predicate, &r.object) {
            let child = c.ents.resolve(r.subject);
            if let Some(&n) = org_nation.get(&c.ents.resolve(*parent)) {
                org_nation.entry(child).or_insert(n);
            }
        }
    }
    // Persons serve the nation of the organization they head or serve (not one they once
    // served at: "previously served at USSPACECOM").
    for r in &rels {
        if matches!(r.predicate, Predicate::Heads | Predicate::MemberOf) && r.rule != "serves-in" {
            if let Object::Entity(o) = r.object {
                if let Some(&n) = org_nation.get(&c.ents.resolve(o)) {
                    if !c.rels.has(r.subject, Predicate::Country) {
                        c.rels.add(
                            r.subject,
                            Predicate::Country,
                            n,
                            &r.evidence,
                            "serves-nation-of-organization",
                        );
                    }
                }
            }
        }
    }
}

/// Whether one of an entity's printed names holds a form of nation `ni` ("U.S." in "U.S.
/// Space Force").
fn names_contain_nation(c: &Ctx<'_, '_>, e: &super::Entity, ni: usize) -> bool {
    let kb = c.ex.kb;
    std::iter::once(&e.name).chain(e.aliases.iter()).any(|f| {
        f.split(|ch: char| ch.is_whitespace() || ch == '-')
            .any(|w| {
                kb.lookup(w.trim_end_matches("’s"))
                    .contains(&Entry::Nation(ni, crate::knowledge::NationForm::Name))
                    || kb
                        .lookup(w)
                        .contains(&Entry::Nation(ni, crate::knowledge::NationForm::Demonym))
            })
    })
}

fn sentence_of(c: &Ctx<'_, '_>, pos: usize) -> Range<usize> {
    c.sentences
        .iter()
        .find(|s| s.span.contains(&pos))
        .map(|s| s.span.clone())
        .unwrap_or(pos..pos)
}

/// Known parents: when one sentence names an organization and its parent (from the
/// gazetteer), the nesting is recorded with that sentence as evidence. Named apart, the
/// release does not state it.
fn known_parents(c: &mut Ctx<'_, '_>) {
    let kb = c.ex.kb;
    let ids: Vec<usize> = c
        .ents
        .ids()
        .filter(|&i| c.kind(i) == EntityType::Organization)
        .collect();
    for &id in &ids {
        let key = c.ents.get(id).key.clone();
        let Some(org) = key
            .strip_prefix("org/")
            .and_then(|k| kb.organization_by_id(k))
        else {
            continue;
        };
        let Some(parent) = org.parent.clone() else {
            continue;
        };
        if let Some(pid) = c.ents.by_key(&format!("org/{parent}")) {
            let together = (0..c.sentences.len()).find(|&si| {
                let ms = c.mentions(si);
                ms.iter().any(|m| m.entity == c.ents.resolve(id))
                    && ms.iter().any(|m| m.entity == pid)
            });
            if let Some(si) = together {
                let ev = c.sentences[si].span.clone();
                c.rels
                    .add(id, Predicate::SubOrganizationOf, pid, &ev, "known-parent");
            }
        }
    }
}
