//! Questions about the whole graph: the shortest chain of facts between two entities, with
//! the sentence and release stating each step; the most central nations and organizations.

use super::model::{Fact, Model, NodeKind};
use super::select::resolve;
use crate::store::GraphStore;
use crate::views::error::ViewError;
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::{BTreeMap, VecDeque};

/// The entity graph: one node per entity, one edge per pair linked by stated facts (the
/// edge holds their indexes in `Model::facts`). Background knowledge is left out: a chain of
/// facts is made of what releases state.
pub(crate) struct EntityGraph {
    pub graph: UnGraph<String, Vec<usize>>,
    pub index: BTreeMap<String, NodeIndex>,
}

impl EntityGraph {
    pub fn new(m: &Model) -> EntityGraph {
        let mut graph: UnGraph<String, Vec<usize>> = UnGraph::new_undirected();
        let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
        let mut node = |g: &mut UnGraph<String, Vec<usize>>, iri: &str| {
            *index
                .entry(iri.to_string())
                .or_insert_with(|| g.add_node(iri.to_string()))
        };
        let mut pairs: BTreeMap<(NodeIndex, NodeIndex), Vec<usize>> = BTreeMap::new();
        for (i, f) in m.facts.iter().enumerate() {
            let super::model::Object::Entity(o) = &f.object else {
                continue;
            };
            if f.iri.is_empty() || f.subject == *o || !m.entities.contains_key(&f.subject) {
                continue;
            }
            let (a, b) = (node(&mut graph, &f.subject), node(&mut graph, o));
            pairs.entry((a.min(b), a.max(b))).or_default().push(i);
        }
        for ((a, b), facts) in pairs {
            graph.add_edge(a, b, facts);
        }
        EntityGraph { graph, index }
    }
}

/// One step of a path: a fact, the sentence stating it, the release it is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub from: String,
    pub to: String,
    /// "United States —participant→ …": the fact as read, subject first.
    pub statement: String,
    pub sentence: String,
    pub source: String,
    pub title: Option<String>,
}

/// A chain of facts between two entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub from: String,
    pub to: String,
    pub steps: Vec<Step>,
}

/// The shortest chain of stated facts between two entities named by the user, read from the
/// store.
pub fn chain(store: &dyn GraphStore, a: &str, b: &str) -> Result<Chain, ViewError> {
    let m = Model::load(store)?;
    let steps = path(store, &m, a, b)?;
    Ok(Chain {
        from: m.label_of(&resolve(&m, a, &[])?),
        to: m.label_of(&resolve(&m, b, &[])?),
        steps,
    })
}

/// The most central nations and organizations of the store.
pub fn rank_store(
    store: &dyn GraphStore,
    by: Centrality,
    limit: usize,
) -> Result<Vec<Ranked>, ViewError> {
    Ok(rank(&Model::load(store)?, by, limit))
}

/// The shortest chain of stated facts between two entities named by the user.
pub fn path(store: &dyn GraphStore, m: &Model, a: &str, b: &str) -> Result<Vec<Step>, ViewError> {
    let from = resolve(m, a, &[])?;
    let to = resolve(m, b, &[])?;
    let eg = EntityGraph::new(m);
    let no_path = || ViewError::NotFound {
        what: "chain of facts".into(),
        name: format!("{} … {}", m.label_of(&from), m.label_of(&to)),
        hint: ": the two are not connected by facts the releases state".into(),
    };
    let (Some(&s), Some(&t)) = (eg.index.get(&from), eg.index.get(&to)) else {
        return Err(no_path());
    };
    if s == t {
        return Ok(Vec::new());
    }
    // Breadth-first search; neighbours in label order so the chain is stable.
    let mut prev: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    let mut queue = VecDeque::from([s]);
    prev.insert(s, s);
    while let Some(x) = queue.pop_front() {
        if x == t {
            break;
        }
        let mut next: Vec<NodeIndex> = eg.graph.neighbors(x).collect();
        next.sort_by_key(|n| (m.label_of(&eg.graph[*n]), eg.graph[*n].clone()));
        for y in next {
            if let std::collections::btree_map::Entry::Vacant(v) = prev.entry(y) {
                v.insert(x);
                queue.push_back(y);
            }
        }
    }
    if !prev.contains_key(&t) {
        return Err(no_path());
    }
    let mut chain = vec![t];
    while let Some(&p) = chain.last().and_then(|c| prev.get(c)) {
        if p == *chain.last().unwrap_or(&p) {
            break;
        }
        chain.push(p);
    }
    chain.reverse();
    let mut facts: Vec<&Fact> = Vec::new();
    for w in chain.windows(2) {
        let Some(e) = eg.graph.find_edge(w[0], w[1]) else {
            return Err(no_path());
        };
        // The first fact of the pair (facts are sorted, so the choice is stable).
        facts.push(&m.facts[eg.graph[e][0]]);
    }
    let evidence = evidence(store, &facts)?;
    Ok(chain
        .windows(2)
        .zip(&facts)
        .map(|(w, f)| {
            let o = match &f.object {
                super::model::Object::Entity(o) => m.label_of(o),
                super::model::Object::Value(v) => v.clone(),
            };
            let (sentence, source, title) = evidence.get(&f.iri).cloned().unwrap_or_default();
            Step {
                from: m.label_of(&eg.graph[w[0]]),
                to: m.label_of(&eg.graph[w[1]]),
                statement: format!(
                    "{} —{}→ {}",
                    m.label_of(&f.subject),
                    m.relation_label(&f.predicate),
                    o
                ),
                sentence,
                source,
                title,
            }
        })
        .collect())
}

/// A fact's sentence, its release's source and title.
type Evidence = (String, String, Option<String>);

/// The sentence and release of each fact: one query over the facts' IRIs (which come from
/// the store and are checked to be plain IRIs).
fn evidence(
    store: &dyn GraphStore,
    facts: &[&Fact],
) -> Result<BTreeMap<String, Evidence>, ViewError> {
    let iris: Vec<String> = facts
        .iter()
        .filter(|f| {
            !f.iri.is_empty()
                && !f
                    .iri
                    .chars()
                    .any(|c| c.is_whitespace() || "<>\"{}|^`\\".contains(c))
        })
        .map(|f| format!("<{}>", f.iri))
        .collect();
    let mut out = BTreeMap::new();
    if iris.is_empty() {
        return Ok(out);
    }
    let q = format!(
        "SELECT ?f ?text ?src ?title WHERE {{ VALUES ?f {{ {} }} GRAPH ?g {{ ?f sk:evidence ?s . \
         ?s sk:text ?text . ?g sk:source ?src OPTIONAL {{ ?g dcterms:title ?title }} }} }}",
        iris.join(" ")
    );
    let t = store.select(&q)?;
    for i in 0..t.rows.len() {
        if let (Some(f), Some(text), Some(src)) =
            (t.text(i, "f"), t.text(i, "text"), t.text(i, "src"))
        {
            out.entry(f).or_insert((
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                src,
                t.text(i, "title"),
            ));
        }
    }
    Ok(out)
}

/// How centrality is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Centrality {
    /// Distinct entities linked by stated facts.
    Degree,
    /// Share of shortest paths between other entities that pass through (Brandes).
    Betweenness,
}

/// One ranked entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
    pub score: f64,
}

/// The most central nations and organizations of the graph of stated facts.
pub fn rank(m: &Model, by: Centrality, limit: usize) -> Vec<Ranked> {
    let eg = EntityGraph::new(m);
    let scores: Vec<f64> = match by {
        Centrality::Degree => eg
            .graph
            .node_indices()
            .map(|n| eg.graph.neighbors(n).count() as f64)
            .collect(),
        Centrality::Betweenness => betweenness(&eg.graph),
    };
    let mut out: Vec<Ranked> = eg
        .graph
        .node_indices()
        .filter_map(|n| {
            let e = m.entities.get(&eg.graph[n])?;
            matches!(e.kind, NodeKind::Nation | NodeKind::Organization).then(|| Ranked {
                iri: e.iri.clone(),
                label: e.label.clone(),
                kind: e.kind,
                score: scores[n.index()],
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.label.cmp(&b.label))
            .then(a.iri.cmp(&b.iri))
    });
    out.truncate(limit);
    out
}

/// Brandes' betweenness centrality of an unweighted, undirected graph: for each node, the
/// number of shortest paths between pairs of other nodes that pass through it (each
/// unordered pair counted once).
pub fn betweenness<N, E>(g: &UnGraph<N, E>) -> Vec<f64> {
    let n = g.node_count();
    let mut cb = vec![0.0; n];
    for s in g.node_indices() {
        let mut stack = Vec::with_capacity(n);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![-1i64; n];
        sigma[s.index()] = 1.0;
        dist[s.index()] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v.index());
            for w in g.neighbors(v) {
                let (vi, wi) = (v.index(), w.index());
                if dist[wi] < 0 {
                    dist[wi] = dist[vi] + 1;
                    queue.push_back(w);
                }
                if dist[wi] == dist[vi] + 1 {
                    sigma[wi] += sigma[vi];
                    preds[wi].push(vi);
                }
            }
        }
        let mut delta = vec![0.0f64; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s.index() {
                cb[w] += delta[w];
            }
        }
    }
    // Each unordered pair was counted from both ends.
    cb.iter().map(|x| x / 2.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn betweenness_of_a_path_and_a_star() {
        // a - b - c - d: b and c each lie on two of the shortest paths between others.
        let mut g: UnGraph<(), ()> = UnGraph::new_undirected();
        let n: Vec<_> = (0..4).map(|_| g.add_node(())).collect();
        g.add_edge(n[0], n[1], ());
        g.add_edge(n[1], n[2], ());
        g.add_edge(n[2], n[3], ());
        assert_eq!(betweenness(&g), vec![0.0, 2.0, 2.0, 0.0]);
        // A star of 4 leaves: the centre is on all 6 leaf pairs.
        let mut s: UnGraph<(), ()> = UnGraph::new_undirected();
        let c = s.add_node(());
        for _ in 0..4 {
            let l = s.add_node(());
            s.add_edge(c, l, ());
        }
        assert_eq!(betweenness(&s)[0], 6.0);
        // Two equal shortest paths share the credit: a square a-b-c-d-a.
        let mut q: UnGraph<(), ()> = UnGraph::new_undirected();
        let v: Vec<_> = (0..4).map(|_| q.add_node(())).collect();
        for i in 0..4 {
            q.add_edge(v[i], v[(i + 1) % 4], ());
        }
        assert_eq!(betweenness(&q), vec![0.5; 4]);
    }
}
