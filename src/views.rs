//! Relationship views: graphs built from the store with SPARQL into petgraph, then drawn as
//! DOT with dot-writer (and SVG through Graphviz's `dot`). Views know the store's interface
//! only, never Oxigraph.

use crate::error::ViewError;
use crate::store::GraphStore;
use dot_writer::{Attributes, DotWriter, Shape, Style};
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

/// A node of a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewNode {
    pub iri: String,
    pub label: String,
    pub kind: String,
}

/// An edge of a view: why the two ends are linked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewEdge {
    /// Stated partnerships.
    pub partnerships: usize,
    /// Events both took part in, by label.
    pub events: BTreeSet<String>,
    /// Agreements both signed, initiatives both belong to.
    pub shared: BTreeSet<String>,
}

impl ViewEdge {
    pub fn weight(&self) -> usize {
        self.partnerships + self.events.len() + self.shared.len()
    }

    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if self.partnerships > 0 {
            parts.push("partners".to_string());
        }
        for e in self.events.iter().chain(&self.shared) {
            parts.push(e.clone());
        }
        let shown: Vec<String> = parts.iter().take(3).cloned().collect();
        let mut s = shown.join("\n");
        if parts.len() > 3 {
            s.push_str(&format!("\n+{} more", parts.len() - 3));
        }
        s
    }
}

pub type ViewGraph = UnGraph<ViewNode, ViewEdge>;

/// The largest event, agreement or initiative whose nations are linked pairwise.
pub const MAX_GROUP: usize = 6;

/// Nations and their labels (background graph: one label each).
const NATIONS_QUERY: &str =
    "SELECT ?n ?label WHERE { GRAPH ?g { ?n a sk:Nation ; rdfs:label ?label } } ORDER BY ?n";
/// Stated partnerships.
const PARTNER_QUERY: &str = "SELECT DISTINCT ?a ?b WHERE { GRAPH ?g { ?a sk:partner ?b } }";
/// Who took part in which event, signed which agreement, belongs to which initiative.
const SHARED_QUERY: &str = "SELECT DISTINCT ?x ?a ?label ?event WHERE { GRAPH ?g { \
    ?x sk:participant|sk:host|sk:leader|sk:signatory|sk:member ?a . ?x rdfs:label ?label \
    BIND(EXISTS { ?x a sk:Event } AS ?event) } }";

/// Nations linked by stated partnerships, shared events, agreements and initiatives.
///
/// Three simple queries joined here: one SPARQL join over the union of every document
/// graph is far slower than reading the three lists.
pub fn partners(store: &dyn GraphStore) -> Result<ViewGraph, ViewError> {
    let nations = store.select(NATIONS_QUERY)?;
    let mut label: BTreeMap<String, String> = BTreeMap::new();
    for i in 0..nations.rows.len() {
        if let (Some(n), Some(l)) = (nations.text(i, "n"), nations.text(i, "label")) {
            label.entry(n).or_insert(l);
        }
    }
    let mut rows: Vec<(String, String, String, String)> = Vec::new(); // (a, b, why, what)
    let partners = store.select(PARTNER_QUERY)?;
    for i in 0..partners.rows.len() {
        if let (Some(a), Some(b)) = (partners.text(i, "a"), partners.text(i, "b")) {
            rows.push((a, b, "partner".into(), String::new()));
        }
    }
    let shared = store.select(SHARED_QUERY)?;
    let mut by_thing: BTreeMap<String, (String, bool, BTreeSet<String>)> = BTreeMap::new();
    for i in 0..shared.rows.len() {
        if let (Some(x), Some(a), Some(l)) = (
            shared.text(i, "x"),
            shared.text(i, "a"),
            shared.text(i, "label"),
        ) {
            if label.contains_key(&a) {
                let is_event = shared.text(i, "event").as_deref() == Some("true");
                let e = by_thing
                    .entry(x)
                    .or_insert_with(|| (l, is_event, BTreeSet::new()));
                e.2.insert(a);
            }
        }
    }
    for (_, (l, is_event, members)) in by_thing {
        // A multilateral group (an exercise of 25 nations, 29 signatories of the Artemis
        // Accords) would draw a clique that hides every bilateral tie: pairs are drawn for
        // groups of up to MAX_GROUP nations.
        if members.len() > MAX_GROUP {
            continue;
        }
        let members: Vec<&String> = members.iter().collect();
        let why = if is_event { "event" } else { "shared" };
        for (i, a) in members.iter().enumerate() {
            for b in members.iter().skip(i + 1) {
                rows.push(((*a).clone(), (*b).clone(), why.into(), l.clone()));
            }
        }
    }
    Ok(partners_graph(rows, &label))
}

fn partners_graph(
    mut rows: Vec<(String, String, String, String)>,
    label: &BTreeMap<String, String>,
) -> ViewGraph {
    let mut g = ViewGraph::new_undirected();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    rows.retain(|(a, b, _, _)| a != b && label.contains_key(a) && label.contains_key(b));
    rows.sort();
    rows.dedup();
    let mut node = |g: &mut ViewGraph, iri: &str| -> NodeIndex {
        *index.entry(iri.to_string()).or_insert_with(|| {
            g.add_node(ViewNode {
                iri: iri.to_string(),
                label: label.get(iri).cloned().unwrap_or_default(),
                kind: "Nation".into(),
            })
        })
    };
    let mut edges: BTreeMap<(NodeIndex, NodeIndex), ViewEdge> = BTreeMap::new();
    for (a, b, why, what) in rows {
        let (x, y) = (node(&mut g, &a), node(&mut g, &b));
        let key = if x < y { (x, y) } else { (y, x) };
        let e = edges.entry(key).or_default();
        match why.as_str() {
            "partner" => e.partnerships = 1,
            "event" => {
                e.events.insert(what);
            }
            _ => {
                e.shared.insert(what);
            }
        }
    }
    for (key, e) in edges {
        g.add_edge(key.0, key.1, e);
    }
    g
}

/// Escapes text for a quoted DOT string: quotes, backslashes and newlines.
pub fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The view as DOT text. Node ids are synthetic (`n0`, `n1`), labels escaped.
pub fn to_dot(g: &ViewGraph, title: &str) -> String {
    let mut bytes = Vec::new();
    {
        let mut w = DotWriter::from(&mut bytes);
        w.set_pretty_print(true);
        let mut graph = w.graph();
        graph
            .graph_attributes()
            .set("label", &dot_escape(title), true)
            .set("labelloc", "t", false)
            .set("fontname", "Helvetica", true)
            .set("overlap", "false", false);
        graph
            .node_attributes()
            .set_shape(Shape::Rectangle)
            .set_style(Style::Filled)
            .set("fillcolor", "#dbe9f6", true)
            .set("fontname", "Helvetica", true);
        graph
            .edge_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "9", false);
        // Nodes in label order, so the output does not depend on insertion order.
        let mut nodes: Vec<NodeIndex> = g.node_indices().collect();
        nodes.sort_by(|a, b| {
            g[*a]
                .label
                .cmp(&g[*b].label)
                .then(g[*a].iri.cmp(&g[*b].iri))
        });
        for n in &nodes {
            graph
                .node_named(format!("n{}", n.index()))
                .set("label", &dot_escape(&g[*n].label), true)
                .set("tooltip", &dot_escape(&g[*n].iri), true);
        }
        let mut edges: Vec<_> = g.edge_indices().collect();
        edges.sort_by_key(|e| {
            let (a, b) = g
                .edge_endpoints(*e)
                .unwrap_or((NodeIndex::new(0), NodeIndex::new(0)));
            (g[a].label.clone(), g[b].label.clone())
        });
        for e in edges {
            let Some((a, b)) = g.edge_endpoints(e) else {
                continue;
            };
            let w = g[e].weight().max(1);
            graph
                .edge(format!("n{}", a.index()), format!("n{}", b.index()))
                .attributes()
                .set("label", &dot_escape(&g[e].label()), true)
                .set("penwidth", &format!("{}", 1 + w.min(6)), false)
                .set("weight", &w.to_string(), false);
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Renders DOT to SVG with Graphviz's `dot`.
pub fn dot_to_svg(dot: &str) -> Result<Vec<u8>, ViewError> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            ViewError::Graphviz(format!(
                "cannot run `dot` ({e}); install Graphviz or use --format dot"
            ))
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(dot.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    if !out.status.success() {
        return Err(ViewError::Graphviz(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_survive_quotes_and_newlines() {
        assert_eq!(
            dot_escape("John W. \"Jay\" Raymond\nx\\y"),
            "John W. \\\"Jay\\\" Raymond\\nx\\\\y"
        );
    }

    #[test]
    fn edge_labels_count_their_reasons() {
        let mut e = ViewEdge {
            partnerships: 1,
            ..ViewEdge::default()
        };
        e.events.insert("Talks".into());
        assert_eq!(e.weight(), 2);
        assert_eq!(e.label(), "partners\nTalks");
    }
}
