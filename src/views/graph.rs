//! The drawable graph of a view: typed nodes, labelled edges, optional clusters, in a petgraph
//! graph. Views fill it; the DOT writer and the pure-Rust SVG layout draw it.

use super::model::NodeKind;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

/// A node of a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The entity's IRI (or a literal's text for a value node).
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
    /// Lines drawn under the label: an event's kind and date, a person's rank and post.
    pub detail: Vec<String>,
    /// The cluster the node is drawn in (a nation, a year), by its title.
    pub cluster: Option<String>,
    /// The node the view is about, drawn bold.
    pub focus: bool,
    /// An event's kind (its most specific class's label): each kind is drawn in a colour of
    /// its own, so a kind an ontology extension adds stands out.
    pub variant: Option<String>,
}

/// An edge of a view: one relation or several reasons joined.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edge {
    pub label: String,
    /// How many facts or reasons the edge stands for (drawn as pen width).
    pub weight: usize,
    /// Invisible edges only order the layout (a timeline's sequence).
    pub invisible: bool,
    /// Dashed: background knowledge, not stated by a release.
    pub dashed: bool,
}

/// A view ready to draw.
#[derive(Debug, Clone)]
pub struct View {
    pub title: String,
    pub graph: DiGraph<Node, Edge>,
    /// Edges drawn with arrows (relations) or without (partners).
    pub directed: bool,
    /// Graphviz's `rankdir` when not top to bottom: `LR` for timelines, `BT` for hierarchies.
    pub rankdir: Option<&'static str>,
    /// A Graphviz layout engine the view prefers at its size (`twopi` for a large ego view).
    pub engine: Option<&'static str>,
    /// Why the view is empty, when it is.
    pub empty_reason: String,
    /// Cluster titles in the order they are drawn (years in time order).
    pub cluster_order: Vec<String>,
    index: BTreeMap<String, NodeIndex>,
}

impl View {
    pub fn new(title: impl Into<String>, directed: bool) -> View {
        View {
            title: title.into(),
            graph: DiGraph::new(),
            directed,
            rankdir: None,
            engine: None,
            empty_reason: "the graph holds nothing that matches".into(),
            cluster_order: Vec::new(),
            index: BTreeMap::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    pub(crate) fn node_index(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// Adds a node once per IRI; later calls return the same index.
    pub(crate) fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(i) = self.index.get(&node.iri) {
            return *i;
        }
        let iri = node.iri.clone();
        let i = self.graph.add_node(node);
        self.index.insert(iri, i);
        i
    }

    /// Adds an edge, or joins its label to an existing edge between the same two nodes (in
    /// either direction for undirected views) with the same label.
    pub(crate) fn add_edge(&mut self, a: NodeIndex, b: NodeIndex, edge: Edge) {
        let existing = self
            .graph
            .edges_connecting(a, b)
            .find(|e| e.weight().label == edge.label);
        let existing = existing
            .map(|e| petgraph::visit::EdgeRef::id(&e))
            .or_else(|| {
                if self.directed {
                    return None;
                }
                self.graph
                    .edges_connecting(b, a)
                    .find(|e| e.weight().label == edge.label)
                    .map(|e| petgraph::visit::EdgeRef::id(&e))
            });
        match existing {
            Some(e) => self.graph[e].weight += edge.weight.max(1),
            None => {
                self.graph.add_edge(a, b, edge);
            }
        }
    }

    /// The kinds of node present, for the legend.
    /// The event kinds drawn, in order.
    pub(crate) fn event_variants(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .graph
            .node_weights()
            .filter(|n| n.kind == NodeKind::Event)
            .filter_map(|n| n.variant.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    pub fn kinds(&self) -> Vec<NodeKind> {
        let mut k: Vec<NodeKind> = self.graph.node_weights().map(|n| n.kind).collect();
        k.sort();
        k.dedup();
        k
    }

    /// Nodes in a stable order: by label, numbers by value ("Delta 2" before "Delta 10"),
    /// then IRI.
    pub(crate) fn sorted_nodes(&self) -> Vec<NodeIndex> {
        let mut nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
        nodes.sort_by_cached_key(|n| {
            let x = &self.graph[*n];
            (natural_key(&x.label), x.iri.clone())
        });
        nodes
    }
}

/// A sort key reading runs of digits as numbers.
pub(crate) fn natural_key(s: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((
                    std::mem::take(&mut text),
                    digits.parse().unwrap_or(u64::MAX),
                ));
                digits.clear();
            }
            text.push(c);
        }
    }
    let n = if digits.is_empty() {
        0
    } else {
        digits.parse().unwrap_or(u64::MAX)
    };
    key.push((text, n));
    key
}

#[cfg(test)]
mod tests {
    use super::natural_key;

    #[test]
    fn numbers_sort_by_value() {
        let mut v = vec!["Space Delta 10", "Space Delta 2", "Space Delta 1", "Alpha"];
        v.sort_by_key(|s| natural_key(s));
        assert_eq!(
            v,
            vec!["Alpha", "Space Delta 1", "Space Delta 2", "Space Delta 10"]
        );
    }
}
