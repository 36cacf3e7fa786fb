//! The views: which entities and facts of the model each one draws. Names given by a user
//! are matched here, in Rust, against labels and aliases: they never reach a SPARQL string.

use super::graph::{Edge, Node, View};
use super::model::{Entity, Fact, Model, NodeKind};
use crate::views::error::ViewError;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The largest event, agreement or initiative whose agents are linked pairwise in the
/// partners view: a 25-nation exercise would draw a clique that hides every bilateral tie.
pub(crate) const MAX_GROUP: usize = 6;

/// Relations by which an agent takes part in an event, agreement or initiative.
const TAKES_PART: [&str; 6] = [
    "participant",
    "host",
    "leader",
    "signatory",
    "member",
    "sponsor",
];

/// Narrows a view: facts dated within a range, things a nation is part of.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// First date kept (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.
    pub from: Option<String>,
    /// Last date kept, inclusive (`2023` keeps all of 2023).
    pub to: Option<String>,
    /// A nation by name or alias.
    pub nation: Option<String>,
    /// Keep the facts whose confidence (`sk:confidence`) is at least this, from 0 to 1;
    /// background knowledge, stated by no release, is always kept.
    pub min_confidence: Option<f64>,
}

/// Checks a date bound as written on the command line.
pub(crate) fn check_date(s: &str) -> Result<String, ViewError> {
    let parts: Vec<&str> = s.split('-').collect();
    let ok = !parts.is_empty()
        && parts.len() <= 3
        && parts[0].len() == 4
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    let month_ok = parts
        .get(1)
        .is_none_or(|m| (1..=12).contains(&m.parse::<u32>().unwrap_or(0)));
    let day_ok = parts
        .get(2)
        .is_none_or(|d| (1..=31).contains(&d.parse::<u32>().unwrap_or(0)));
    if ok && month_ok && day_ok {
        Ok(s.to_string())
    } else {
        Err(ViewError::BadDate(s.to_string()))
    }
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.from.is_none()
            && self.to.is_none()
            && self.nation.is_none()
            && self.min_confidence.is_none()
    }

    /// Whether an ISO date lies in the range; a bound is a prefix (`2023`, `2023-07`).
    pub(crate) fn date_in_range(&self, date: &str) -> bool {
        let after = self.from.as_ref().is_none_or(|f| date >= f.as_str());
        let before = self
            .to
            .as_ref()
            .is_none_or(|t| date <= t.as_str() || date.starts_with(t.as_str()));
        after && before
    }

    /// What the filter says in a title: "2023–2024, Japan".
    pub fn describe(&self, m: &Model, nation: Option<&str>) -> String {
        let mut parts = Vec::new();
        match (&self.from, &self.to) {
            (Some(f), Some(t)) if f == t => parts.push(format!("in {f}")),
            (Some(f), Some(t)) => parts.push(format!("{f} to {t}")),
            (Some(f), None) => parts.push(format!("from {f}")),
            (None, Some(t)) => parts.push(format!("until {t}")),
            (None, None) => {}
        }
        if let Some(n) = nation {
            parts.push(format!("involving {}", m.label_of(n)));
        }
        if let Some(c) = self.min_confidence {
            parts.push(format!("confidence at least {c}"));
        }
        parts.join(", ")
    }
}

/// The facts a filter keeps (entity links only), with the nation it resolved.
pub(crate) struct Scope<'m> {
    pub model: &'m Model,
    pub facts: Vec<(&'m Fact, &'m str)>,
    pub nation: Option<String>,
    pub filter: Filter,
}

impl<'m> Scope<'m> {
    pub fn new(model: &'m Model, filter: &Filter) -> Result<Scope<'m>, ViewError> {
        let mut filter = filter.clone();
        if let Some(f) = &filter.from {
            filter.from = Some(check_date(f)?);
        }
        if let Some(t) = &filter.to {
            filter.to = Some(check_date(t)?);
        }
        let nation = match &filter.nation {
            Some(n) => Some(resolve(model, n, &[NodeKind::Nation])?),
            None => None,
        };
        if let Some(c) = filter.min_confidence {
            if !(0.0..=1.0).contains(&c) {
                return Err(ViewError::BadConfidence(c));
            }
        }
        let dated = filter.from.is_some() || filter.to.is_some();
        // A fact without a confidence (written by an older spacekg: `reextract` adds it)
        // does not pass a confidence bar.
        let sure = |f: &Fact| {
            filter.min_confidence.is_none_or(|min| {
                f.iri.is_empty() || model.confidence.get(&f.iri).is_some_and(|&c| c >= min)
            })
        };
        let mut facts: Vec<(&Fact, &str)> = model
            .links()
            .filter(|(f, _)| {
                f.iri.is_empty()
                    || !dated
                    || model.fact_date(f).is_some_and(|d| filter.date_in_range(&d))
            })
            .filter(|(f, _)| sure(f))
            .collect();
        if let Some(n) = &nation {
            // Tied to the nation: itself, what belongs to it, and what those take part in.
            let mut tied: BTreeSet<&str> = BTreeSet::new();
            tied.insert(n.as_str());
            for e in model.entities.values() {
                if e.country.as_deref() == Some(n.as_str()) {
                    tied.insert(e.iri.as_str());
                }
            }
            for (f, o) in &facts {
                if matches!(f.predicate.as_str(), "heads" | "memberOf") && tied.contains(o) {
                    tied.insert(f.subject.as_str());
                }
            }
            let mut things: Vec<&str> = Vec::new();
            for (f, o) in &facts {
                if TAKES_PART.contains(&f.predicate.as_str()) && tied.contains(o) {
                    things.push(f.subject.as_str());
                }
            }
            tied.extend(things);
            facts.retain(|(f, o)| tied.contains(f.subject.as_str()) || tied.contains(o));
        }
        Ok(Scope {
            model,
            facts,
            nation,
            filter,
        })
    }

    /// The title with the filter's description appended.
    pub fn title(&self, title: &str) -> String {
        let d = self.filter.describe(self.model, self.nation.as_deref());
        if d.is_empty() {
            title.to_string()
        } else {
            format!("{title} ({d})")
        }
    }

    /// Why a view is empty, naming the filter when there is one.
    pub fn nothing(&self, what: &str) -> String {
        let d = self.filter.describe(self.model, self.nation.as_deref());
        if d.is_empty() {
            format!("the graph holds no {what}")
        } else {
            format!("the graph holds no {what} {d}")
        }
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `part` occurs in `text` starting at a word ("space force" in "u.s. space force",
/// not "x" in "exomars").
fn contains_at_word(text: &str, part: &str) -> bool {
    text.match_indices(part).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// How an entity is listed among candidates: label, type, date, IRI.
pub(crate) fn describe_entity(e: &Entity) -> String {
    let mut kind = e.event_kind.clone().unwrap_or_else(|| e.kind.name().into());
    if let Some(d) = &e.date {
        kind.push_str(&format!(", {d}"));
    }
    format!("{} ({kind}) <{}>", e.label, e.iri)
}

/// The entity a user names: by IRI, or by label or alias, case-insensitively; a name that
/// is part of a single label is enough. Several matches are an error listing them.
pub(crate) fn resolve(m: &Model, name: &str, kinds: &[NodeKind]) -> Result<String, ViewError> {
    let fits = |e: &Entity| kinds.is_empty() || kinds.contains(&e.kind);
    if let Some(e) = m
        .entities
        .get(name.trim().trim_start_matches('<').trim_end_matches('>'))
    {
        if fits(e) {
            return Ok(e.iri.clone());
        }
    }
    let want = fold(name);
    let what = if kinds.len() == 1 {
        kinds[0].name().to_lowercase()
    } else {
        "entity".to_string()
    };
    if want.is_empty() {
        return Err(ViewError::NotFound {
            what,
            name: name.into(),
            hint: String::new(),
        });
    }
    let candidates = |pred: &dyn Fn(&str) -> bool| -> Vec<&Entity> {
        m.entities
            .values()
            .filter(|e| fits(e))
            .filter(|e| pred(&fold(&e.label)) || e.aliases.iter().any(|a| pred(&fold(a))))
            .collect()
    };
    let mut found = candidates(&|l: &str| l == want);
    if found.is_empty() {
        found = candidates(&|l: &str| contains_at_word(l, &want));
    }
    match found.len() {
        1 => Ok(found[0].iri.clone()),
        0 => Err(ViewError::NotFound {
            what,
            name: name.into(),
            hint: "; try `spacekg query` to list names, or a shorter part of the name".into(),
        }),
        _ => Err(ViewError::Ambiguous {
            name: name.into(),
            candidates: found.iter().take(25).map(|e| describe_entity(e)).collect(),
        }),
    }
}

/// A node for an entity: label, type, and detail lines (event kind and date, person's rank
/// and post).
pub(crate) fn entity_node(m: &Model, iri: &str) -> Node {
    let mut detail = Vec::new();
    let (label, kind) = match m.entities.get(iri) {
        Some(e) => {
            if e.kind == NodeKind::Event {
                // The kind and date, unless the name already says them.
                let folded = e.label.to_lowercase();
                let mut line = e
                    .event_kind
                    .clone()
                    .filter(|k| !folded.contains(&k.to_lowercase()))
                    .unwrap_or_default();
                if let Some(d) = e.date.as_ref().filter(|d| !e.label.contains(d.as_str())) {
                    if !line.is_empty() {
                        line.push_str(", ");
                    }
                    line.push_str(d);
                }
                if !line.is_empty() {
                    detail.push(line);
                }
            }
            if e.kind == NodeKind::Person {
                if let Some(r) = m
                    .roles
                    .iter()
                    .filter(|r| r.holder == iri)
                    .max_by(|a, b| a.as_of.cmp(&b.as_of))
                {
                    let rank = r.rank.as_ref().map(|x| m.label_of(x));
                    let line: Vec<String> = rank.into_iter().chain(r.post.clone()).collect();
                    if !line.is_empty() {
                        detail.push(line.join(", "));
                    }
                }
            }
            (e.label.clone(), e.kind)
        }
        None => (m.label_of(iri), NodeKind::Other),
    };
    let variant = m
        .entities
        .get(iri)
        .filter(|e| e.kind == NodeKind::Event)
        .and_then(|e| e.event_kind.clone());
    Node {
        iri: iri.to_string(),
        label,
        kind,
        detail,
        cluster: None,
        focus: false,
        variant,
    }
}

/// Adds a fact as a labelled edge between two entity nodes.
fn add_fact(view: &mut View, m: &Model, f: &Fact, o: &str) {
    let a = view.add_node(entity_node(m, &f.subject));
    let b = view.add_node(entity_node(m, o));
    view.add_edge(
        a,
        b,
        Edge {
            label: m.relation_label(&f.predicate),
            weight: 1,
            invisible: false,
            dashed: f.iri.is_empty(),
        },
    );
}

/// The nation a node is drawn under: its own country, or its organization's.
fn nation_of(scope: &Scope<'_>, iri: &str) -> Option<String> {
    let m = scope.model;
    let e = m.entities.get(iri)?;
    if e.kind == NodeKind::Nation {
        return Some(e.iri.clone());
    }
    if let Some(c) = &e.country {
        return Some(c.clone());
    }
    if e.kind == NodeKind::Person {
        return scope
            .facts
            .iter()
            .filter(|(f, _)| {
                f.subject == iri && matches!(f.predicate.as_str(), "heads" | "memberOf")
            })
            .find_map(|(_, o)| m.entities.get(*o)?.country.clone());
    }
    None
}

/// Puts nations, organizations and people in a cluster per nation when two or more of them
/// share it.
fn cluster_by_nation(view: &mut View, scope: &Scope<'_>) {
    let mut of: BTreeMap<NodeIndex, String> = BTreeMap::new();
    for i in view.graph.node_indices() {
        let n = &view.graph[i];
        if n.kind.is_agent() {
            if let Some(c) = nation_of(scope, &n.iri) {
                of.insert(i, scope.model.label_of(&c));
            }
        }
    }
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for c in of.values() {
        *count.entry(c.as_str()).or_default() += 1;
    }
    for (i, c) in &of {
        if count[c.as_str()] > 1 {
            view.graph[*i].cluster = Some(c.clone());
        }
    }
}

/// Everything within `hops` steps of one entity.
pub fn ego(m: &Model, filter: &Filter, name: &str, hops: usize) -> Result<View, ViewError> {
    let scope = Scope::new(m, filter)?;
    let center = resolve(m, name, &[])?;
    // Steps follow what releases state; background knowledge (a gazetteer's country of every
    // base and agency) is drawn between the entities reached, never walked through, or two
    // steps from anyone would reach every place of a large nation.
    let mut adj: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (f, o)) in scope.facts.iter().enumerate() {
        if f.iri.is_empty() {
            continue;
        }
        adj.entry(f.subject.as_str()).or_default().push(i);
        adj.entry(o).or_default().push(i);
    }
    let mut dist: BTreeMap<&str, usize> = BTreeMap::new();
    dist.insert(center.as_str(), 0);
    let mut queue = VecDeque::from([center.as_str()]);
    let mut walled = false;
    while let Some(x) = queue.pop_front() {
        let d = dist[x];
        if d >= hops {
            continue;
        }
        // A nation is linked to nearly everything its people and services do: a step into
        // it ends there, or every view two steps from anyone would hold half the graph.
        if d > 0
            && m.entities
                .get(x)
                .is_some_and(|e| e.kind == NodeKind::Nation)
        {
            walled = true;
            continue;
        }
        for i in adj.get(x).into_iter().flatten() {
            let (f, o) = scope.facts[*i];
            for y in [f.subject.as_str(), o] {
                if !dist.contains_key(y) {
                    dist.insert(y, d + 1);
                    queue.push_back(y);
                }
            }
        }
    }
    let label = m.label_of(&center);
    let mut view = View::new(
        scope.title(&format!(
            "{label}: everything within {hops} step{}",
            if hops == 1 { "" } else { "s" }
        )),
        true,
    );
    if walled {
        view.title
            .push_str("\n(nations are shown, not walked through)");
    }
    view.engine = Some("twopi");
    let mut c = entity_node(m, &center);
    c.focus = true;
    view.add_node(c);
    for (f, o) in &scope.facts {
        if dist.contains_key(f.subject.as_str()) && dist.contains_key(o) {
            add_fact(&mut view, m, f, o);
        }
    }
    if view.graph.edge_count() == 0 {
        view.graph.clear();
        view.empty_reason = scope.nothing(&format!("facts about {label}"));
    }
    Ok(view)
}

/// An event with its host, leader, participants, place, date, initiative and agreement, and
/// the organizations its people belong to.
pub fn event(m: &Model, filter: &Filter, name: &str) -> Result<View, ViewError> {
    let scope = Scope::new(m, filter)?;
    let ev = resolve(m, name, &[NodeKind::Event])?;
    let label = m.label_of(&ev);
    let mut view = View::new(scope.title(&label), true);
    // A large multinational event is drawn as a star around it.
    view.engine = Some("twopi");
    let mut c = entity_node(m, &ev);
    c.focus = true;
    view.add_node(c);
    let mut people = Vec::new();
    for (f, o) in &scope.facts {
        if f.subject == ev || *o == ev {
            add_fact(&mut view, m, f, o);
            let other = if f.subject == ev {
                *o
            } else {
                f.subject.as_str()
            };
            if m.entities
                .get(other)
                .is_some_and(|e| e.kind == NodeKind::Person)
            {
                people.push(other.to_string());
            }
        }
    }
    for (f, o) in &scope.facts {
        if people.contains(&f.subject) && matches!(f.predicate.as_str(), "heads" | "memberOf") {
            add_fact(&mut view, m, f, o);
        }
    }
    if view.graph.edge_count() == 0 {
        view.graph.clear();
        view.empty_reason = scope.nothing(&format!("facts about the event {label}"));
    }
    cluster_by_nation(&mut view, &scope);
    Ok(view)
}

/// An organization's hierarchy (parents above, sub-organizations below) with the people who
/// head or serve in it, their ranks and posts.
pub fn org(m: &Model, filter: &Filter, name: &str) -> Result<View, ViewError> {
    let scope = Scope::new(m, filter)?;
    let root = resolve(m, name, &[NodeKind::Organization])?;
    let label = m.label_of(&root);
    let sub: Vec<(&Fact, &str)> = scope
        .facts
        .iter()
        .filter(|(f, _)| f.predicate == "subOrganizationOf")
        .copied()
        .collect();
    let mut orgs: BTreeSet<String> = BTreeSet::from([root.clone()]);
    // Parents, transitively.
    let mut up = vec![root.clone()];
    while let Some(x) = up.pop() {
        for (f, o) in &sub {
            if f.subject == x && orgs.insert(o.to_string()) {
                up.push(o.to_string());
            }
        }
    }
    // Sub-organizations, transitively.
    let mut down = vec![root.clone()];
    let mut below: BTreeSet<String> = BTreeSet::new();
    while let Some(x) = down.pop() {
        for (f, o) in &sub {
            if *o == x && below.insert(f.subject.clone()) {
                orgs.insert(f.subject.clone());
                down.push(f.subject.clone());
            }
        }
    }
    let mut view = View::new(
        scope.title(&format!("{label}: organization and people")),
        true,
    );
    view.rankdir = Some("BT");
    let mut c = entity_node(m, &root);
    c.focus = true;
    view.add_node(c);
    for (f, o) in &scope.facts {
        let inside = orgs.contains(*o) && orgs.contains(&f.subject);
        let serves = orgs.contains(*o) && matches!(f.predicate.as_str(), "heads" | "memberOf");
        if (f.predicate == "subOrganizationOf" && inside) || serves {
            add_fact(&mut view, m, f, o);
        }
    }
    // A wide hierarchy reads better as a tree from left (parents) to right.
    let widest = view
        .graph
        .node_indices()
        .map(|i| {
            view.graph
                .neighbors_directed(i, petgraph::Direction::Incoming)
                .count()
        })
        .max()
        .unwrap_or(0);
    if widest > 8 {
        view.rankdir = Some("RL");
    }
    if view.graph.edge_count() == 0 {
        view.graph.clear();
        view.empty_reason = scope.nothing(&format!("hierarchy or people of {label}"));
    }
    Ok(view)
}

/// The year (or month, when every event falls in one year) an event is grouped under.
fn period(date: &str, by_month: bool) -> String {
    if !date.starts_with(|c: char| c.is_ascii_digit()) {
        return "no date".into();
    }
    let n = if by_month { 7 } else { 4 };
    date.chars().take(n).collect()
}

/// Dated events in date order, grouped by year or month, linked to the nations taking part.
pub fn timeline(m: &Model, filter: &Filter) -> Result<View, ViewError> {
    let scope = Scope::new(m, filter)?;
    let mut events: BTreeSet<(String, String)> = BTreeSet::new();
    for (f, o) in &scope.facts {
        for x in [f.subject.as_str(), o] {
            if let Some(e) = m.entities.get(x) {
                if let (NodeKind::Event, Some(d)) = (e.kind, &e.date) {
                    if scope.filter.date_in_range(d) {
                        events.insert((d.clone(), e.iri.clone()));
                    }
                }
            }
        }
    }
    let years: BTreeSet<String> = events.iter().map(|(d, _)| period(d, false)).collect();
    let by_month = years.len() == 1;
    let mut view = View::new(scope.title("Timeline of events"), true);
    view.rankdir = Some("LR");
    let mut previous: Option<NodeIndex> = None;
    for (d, iri) in &events {
        let mut n = entity_node(m, iri);
        let p = period(d, by_month);
        if !view.cluster_order.contains(&p) {
            view.cluster_order.push(p.clone());
        }
        n.cluster = Some(p);
        let i = view.add_node(n);
        if let Some(prev) = previous {
            view.add_edge(
                prev,
                i,
                Edge {
                    label: String::new(),
                    weight: 10,
                    invisible: true,
                    dashed: false,
                },
            );
        }
        previous = Some(i);
    }
    // Events are linked to the nations taking part; a large multinational event says how
    // many instead of drawing every line.
    let dated: BTreeSet<&str> = events.iter().map(|(_, i)| i.as_str()).collect();
    let mut nations: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (f, o) in &scope.facts {
        if dated.contains(f.subject.as_str())
            && matches!(f.predicate.as_str(), "participant" | "host")
            && m.entities
                .get(*o)
                .is_some_and(|e| e.kind == NodeKind::Nation)
        {
            nations.entry(f.subject.as_str()).or_default().insert(o);
        }
    }
    for (ev, ns) in nations {
        let Some(i) = view.node_index(ev) else {
            continue;
        };
        if ns.len() > MAX_GROUP {
            view.graph[i]
                .detail
                .push(format!("{} nations take part", ns.len()));
            continue;
        }
        for n in ns {
            let j = view.add_node(entity_node(m, n));
            view.add_edge(
                i,
                j,
                Edge {
                    label: "taking part".into(),
                    weight: 1,
                    ..Edge::default()
                },
            );
        }
    }
    if view.is_empty() {
        view.empty_reason = scope.nothing("dated events");
    }
    Ok(view)
}

/// An initiative: its members and sponsors, and the events carried out under it in date
/// order, grouped by year.
pub fn initiative(m: &Model, filter: &Filter, name: &str) -> Result<View, ViewError> {
    let scope = Scope::new(m, filter)?;
    let init = resolve(m, name, &[NodeKind::Initiative])?;
    let label = m.label_of(&init);
    let mut view = View::new(
        scope.title(&format!("{label}: members, sponsors and events")),
        true,
    );
    let mut c = entity_node(m, &init);
    c.focus = true;
    view.add_node(c);
    let mut agents: BTreeSet<&str> = BTreeSet::new();
    let mut events: BTreeSet<(String, &str)> = BTreeSet::new();
    for (f, o) in &scope.facts {
        if f.subject == init && matches!(f.predicate.as_str(), "member" | "sponsor") {
            add_fact(&mut view, m, f, o);
            agents.insert(o);
        }
        if *o == init && f.predicate == "initiative" {
            let date = m
                .entities
                .get(&f.subject)
                .and_then(|e| e.date.clone())
                .unwrap_or_else(|| "no date".into());
            events.insert((date, f.subject.as_str()));
        }
    }
    let mut previous: Option<NodeIndex> = None;
    for (d, e) in &events {
        let mut n = entity_node(m, e);
        let p = period(d, false);
        if !view.cluster_order.contains(&p) {
            view.cluster_order.push(p.clone());
        }
        n.cluster = Some(p);
        let i = view.add_node(n);
        let c = view.node_index(&init).unwrap_or(i);
        view.add_edge(
            i,
            c,
            Edge {
                label: m.relation_label("initiative"),
                weight: 1,
                invisible: false,
                dashed: false,
            },
        );
        if let Some(prev) = previous {
            view.add_edge(
                prev,
                i,
                Edge {
                    weight: 5,
                    invisible: true,
                    ..Edge::default()
                },
            );
        }
        previous = Some(i);
    }
    // Which members and sponsors took part in those events.
    for (f, o) in &scope.facts {
        if events.iter().any(|(_, e)| *e == f.subject) && agents.contains(o) {
            add_fact(&mut view, m, f, o);
        }
    }
    if view.graph.edge_count() == 0 {
        view.graph.clear();
        view.empty_reason = scope.nothing(&format!("members, sponsors or events of {label}"));
    }
    Ok(view)
}

/// Why two agents are linked in the partners view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Reasons {
    partnership: bool,
    /// Events, agreements and initiatives both take part in, by label.
    shared: BTreeSet<String>,
}

impl Reasons {
    fn count(&self) -> usize {
        usize::from(self.partnership) + self.shared.len()
    }

    /// "3 ties" then which: the stated partnership first, then up to three shared things.
    fn label(&self) -> String {
        let mut which: Vec<String> = Vec::new();
        if self.partnership {
            which.push("stated partners".into());
        }
        which.extend(self.shared.iter().cloned());
        let n = which.len();
        let mut lines = Vec::new();
        if n > 1 {
            lines.push(format!("{n} ties:"));
        }
        lines.extend(which.iter().take(3).cloned());
        if n > 3 {
            lines.push(format!("+{} more", n - 3));
        }
        lines.join("\n")
    }
}

/// Nations (and organizations, when asked) linked by stated partnerships and by the events,
/// agreements and initiatives they share; edges say how many ties and which. What three or
/// more share is a node of its own linked to each of them.
pub fn partners(m: &Model, filter: &Filter, organizations: bool) -> Result<View, ViewError> {
    let scope = Scope::new(m, filter)?;
    let is_party = |iri: &str| {
        m.entities.get(iri).is_some_and(|e| {
            e.kind == NodeKind::Nation || (organizations && e.kind == NodeKind::Organization)
        })
    };
    let mut pairs: BTreeMap<(String, String), Reasons> = BTreeMap::new();
    let key = |a: &str, b: &str| {
        if a < b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        }
    };
    let mut groups: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (f, o) in &scope.facts {
        if f.predicate == "partner" && is_party(&f.subject) && is_party(o) && f.subject != *o {
            pairs.entry(key(&f.subject, o)).or_default().partnership = true;
        }
        if TAKES_PART.contains(&f.predicate.as_str()) && is_party(o) {
            groups.entry(f.subject.as_str()).or_default().insert(o);
        }
    }
    // What two share labels their tie; what three to MAX_GROUP share is drawn once, as its
    // own node linked to each (a clique of ties all saying the same would hide the rest).
    let mut shared_by_many: Vec<(&str, Vec<&str>)> = Vec::new();
    for (thing, members) in groups {
        let members: Vec<&str> = members.into_iter().collect();
        match members.len() {
            2 => {
                pairs
                    .entry(key(members[0], members[1]))
                    .or_default()
                    .shared
                    .insert(m.label_of(thing));
            }
            3..=MAX_GROUP => shared_by_many.push((thing, members)),
            _ => {}
        }
    }
    let title = if organizations {
        "Partnerships between nations and organizations"
    } else {
        "Partnerships between nations"
    };
    let mut view = View::new(scope.title(title), false);
    for ((a, b), r) in pairs {
        let x = view.add_node(entity_node(m, &a));
        let y = view.add_node(entity_node(m, &b));
        view.add_edge(
            x,
            y,
            Edge {
                label: r.label(),
                weight: r.count(),
                invisible: false,
                dashed: false,
            },
        );
    }
    for (thing, members) in shared_by_many {
        let t = view.add_node(entity_node(m, thing));
        for a in members {
            let x = view.add_node(entity_node(m, a));
            view.add_edge(
                t,
                x,
                Edge {
                    label: String::new(),
                    weight: 1,
                    invisible: false,
                    dashed: false,
                },
            );
        }
    }
    if organizations {
        cluster_by_nation(&mut view, &scope);
    }
    if view.is_empty() {
        view.empty_reason = scope.nothing("partnerships or shared events between nations");
    }
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let mut m = Model::default();
        for (iri, label, kind, alias) in [
            ("x:jp", "Japan", NodeKind::Nation, "Japanese"),
            ("x:us", "United States", NodeKind::Nation, "U.S."),
            ("x:t1", "Space Talks", NodeKind::Event, ""),
            ("x:t2", "Space Talks", NodeKind::Event, ""),
        ] {
            m.entities.insert(
                iri.into(),
                Entity {
                    iri: iri.into(),
                    label: label.into(),
                    kind,
                    event_kind: None,
                    aliases: [alias.to_string()]
                        .into_iter()
                        .filter(|a| !a.is_empty())
                        .collect(),
                    country: None,
                    date: None,
                },
            );
        }
        m
    }

    #[test]
    fn names_resolve_by_label_or_alias_ignoring_case() {
        let m = model();
        assert_eq!(resolve(&m, "japan", &[]).unwrap(), "x:jp");
        assert_eq!(resolve(&m, "  JAPANESE ", &[]).unwrap(), "x:jp");
        assert_eq!(resolve(&m, "u.s.", &[NodeKind::Nation]).unwrap(), "x:us");
        assert_eq!(resolve(&m, "united", &[]).unwrap(), "x:us");
        assert_eq!(resolve(&m, "states", &[]).unwrap(), "x:us");
        assert!(
            resolve(&m, "apan", &[]).is_err(),
            "a match starts at a word"
        );
        assert!(matches!(
            resolve(&m, "Japan", &[NodeKind::Event]),
            Err(ViewError::NotFound { .. })
        ));
        match resolve(&m, "space talks", &[]) {
            Err(ViewError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 2),
            other => panic!("expected ambiguity, got {other:?}"),
        }
        // A quote in a name is only text to compare, never query syntax.
        assert!(resolve(&m, "Japan\" } DROP ALL {", &[]).is_err());
    }

    #[test]
    fn events_group_by_year_or_month() {
        assert_eq!(period("2024-02-05", false), "2024");
        assert_eq!(period("2024-02-05", true), "2024-02");
        assert_eq!(period("no date", false), "no date");
    }

    #[test]
    fn date_bounds_are_checked_and_prefixes_cover_their_period() {
        assert!(check_date("2023").is_ok() && check_date("2023-07-13").is_ok());
        assert!(check_date("2023-13").is_err() && check_date("July").is_err());
        let f = Filter {
            from: Some("2023-07".into()),
            to: Some("2024".into()),
            nation: None,
            min_confidence: None,
        };
        assert!(f.date_in_range("2023-07-01") && f.date_in_range("2024-12-31"));
        assert!(!f.date_in_range("2023-06-30") && !f.date_in_range("2025-01-01"));
    }

    #[test]
    fn partner_edges_count_and_name_their_reasons() {
        let mut r = Reasons {
            partnership: true,
            ..Reasons::default()
        };
        assert_eq!(r.label(), "stated partners");
        for t in ["A", "B", "C"] {
            r.shared.insert(t.into());
        }
        assert_eq!(r.count(), 4);
        assert_eq!(r.label(), "4 ties:\nstated partners\nA\nB\n+1 more");
    }
}
