//! Relationship views: graphs built from the store with SPARQL into petgraph, then drawn as
//! DOT with dot-writer (and SVG through Graphviz's `dot`). Views know the store's interface
//! only, never Oxigraph.

use crate::error::ViewError;
use crate::store::{GraphStore, Table};
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

const PARTNERS_QUERY: &str = r#"
SELECT ?a ?al ?b ?bl ?why ?what WHERE {
  {
    GRAPH ?g { ?a sk:partner ?b }
    BIND("partner" AS ?why) BIND("" AS ?what)
  } UNION {
    GRAPH ?g { ?e sk:participant|sk:host|sk:leader ?a . ?e sk:participant|sk:host|sk:leader ?b . ?e rdfs:label ?what }
    BIND("event" AS ?why)
  } UNION {
    GRAPH ?g { ?x sk:signatory|sk:member ?a . ?x sk:signatory|sk:member ?b . ?x rdfs:label ?what }
    BIND("shared" AS ?why)
  }
  ?a a sk:Nation . ?b a sk:Nation .
  FILTER(?a != ?b)
  GRAPH ?ga { ?a rdfs:label ?al } GRAPH ?gb { ?b rdfs:label ?bl }
}
"#;

/// Nations linked by stated partnerships, shared events, agreements and initiatives.
pub fn partners(store: &dyn GraphStore) -> Result<ViewGraph, ViewError> {
    let t = store.select(PARTNERS_QUERY)?;
    Ok(partners_from_table(&t))
}

fn partners_from_table(t: &Table) -> ViewGraph {
    let mut g = ViewGraph::new_undirected();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    // Deterministic: rows sorted before building.
    let mut rows: Vec<(String, String, String, String, String, String)> = (0..t.rows.len())
        .filter_map(|i| {
            Some((
                t.text(i, "a")?,
                t.text(i, "al")?,
                t.text(i, "b")?,
                t.text(i, "bl")?,
                t.text(i, "why")?,
                t.text(i, "what").unwrap_or_default(),
            ))
        })
        .collect();
    rows.sort();
    rows.dedup();
    let mut node = |g: &mut ViewGraph, iri: &str, label: &str| -> NodeIndex {
        *index.entry(iri.to_string()).or_insert_with(|| {
            g.add_node(ViewNode {
                iri: iri.to_string(),
                label: label.to_string(),
                kind: "Nation".into(),
            })
        })
    };
    let mut edges: BTreeMap<(NodeIndex, NodeIndex), ViewEdge> = BTreeMap::new();
    let mut partner_pairs: BTreeSet<(NodeIndex, NodeIndex)> = BTreeSet::new();
    for (a, al, b, bl, why, what) in rows {
        let (x, y) = (node(&mut g, &a, &al), node(&mut g, &b, &bl));
        let key = if x < y { (x, y) } else { (y, x) };
        let e = edges.entry(key).or_default();
        match why.as_str() {
            "partner" => {
                partner_pairs.insert(key);
            }
            "event" => {
                e.events.insert(what);
            }
            _ => {
                e.shared.insert(what);
            }
        }
    }
    for (key, mut e) in edges {
        if partner_pairs.contains(&key) {
            e.partnerships = 1;
        }
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
