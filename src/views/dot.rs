//! DOT text of a view, written with dot-writer: node shape and colour by type, a legend,
//! clusters, wrapped and escaped labels, layout settings chosen by the view's size.

use super::graph::View;
use super::model::NodeKind;
use dot_writer::{Attributes, DotWriter, Scope};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::BTreeMap;

/// Views up to this many nodes use `dot`'s full layout.
pub(crate) const SMALL_VIEW: usize = 60;
/// Views above this many nodes use `sfdp`, a force-directed layout that scales.
pub(crate) const LARGE_VIEW: usize = 200;
/// Characters per line of a wrapped node label.
pub(crate) const WRAP: usize = 24;
/// Lines of a node label before it is cut with an ellipsis.
pub(crate) const MAX_LINES: usize = 4;
/// An edge label drawn more often than this is left off the edges and named once under
/// the title instead.
pub(crate) const REPEATED_LABEL: usize = 6;

/// Shape, fill colour and extra style of a node type.
pub(crate) struct NodeStyle {
    pub shape: &'static str,
    pub fill: &'static str,
    pub style: &'static str,
}

pub(crate) fn style_of(kind: NodeKind) -> NodeStyle {
    let (shape, fill, style) = match kind {
        NodeKind::Nation => ("box", "#9ecae1", "filled,rounded,bold"),
        NodeKind::Organization => ("box", "#fdd49e", "filled"),
        NodeKind::Person => ("ellipse", "#c7e9c0", "filled"),
        NodeKind::Event => ("hexagon", "#fcbba1", "filled"),
        NodeKind::Initiative => ("component", "#dadaeb", "filled"),
        NodeKind::Agreement => ("note", "#fff7bc", "filled"),
        NodeKind::Place => ("house", "#e0e0e0", "filled"),
        NodeKind::Value => ("box", "#ffffff", "filled,dashed"),
        NodeKind::Other => ("ellipse", "#ffffff", "filled"),
    };
    NodeStyle { shape, fill, style }
}

/// Escapes text for a quoted DOT string: quotes, backslashes (so `\N`, `\G` stay literal),
/// newlines as centred line breaks; other control characters dropped.
pub(crate) fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Wraps text at word boundaries into lines of at most `width` characters (a longer word is
/// cut), keeping at most `max_lines` lines; text cut off ends with an ellipsis.
pub(crate) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: String = word.to_string();
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            let keep = width.saturating_sub(1);
            if last.chars().count() > keep {
                *last = last.chars().take(keep).collect();
            }
            last.push('…');
        }
    }
    lines
}

/// The full text of a node: wrapped label, then its detail lines.
pub(crate) fn node_text(label: &str, detail: &[String]) -> Vec<String> {
    let mut lines = wrap(label, WRAP, MAX_LINES);
    for d in detail {
        lines.extend(wrap(d, WRAP + 6, 2));
    }
    lines
}

/// The DOT text of a view. Node ids are synthetic (`n0`, `n1`); every label is escaped.
pub(crate) fn to_dot(view: &View) -> String {
    let g = &view.graph;
    let n = g.node_count();
    let mut bytes = Vec::new();
    {
        let mut w = DotWriter::from(&mut bytes);
        w.set_pretty_print(true);
        let mut graph = if view.directed {
            w.digraph()
        } else {
            w.graph()
        };
        // Relation labels repeated on many edges say nothing edge by edge: they are named
        // once. (An undirected view's labels name the reasons for each tie: all are kept.)
        let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
        for e in g.edge_weights().filter(|e| !e.invisible && view.directed) {
            *uses.entry(e.label.as_str()).or_default() += 1;
        }
        let unlabelled: Vec<&str> = uses
            .iter()
            .filter(|(l, n)| **n > REPEATED_LABEL && !l.is_empty())
            .map(|(l, _)| *l)
            .collect();
        {
            let mut a = graph.graph_attributes();
            let mut title = if view.is_empty() {
                format!("{}\n({})", view.title, view.empty_reason)
            } else {
                view.title.clone()
            };
            if !unlabelled.is_empty() {
                let arrows = if view.directed { "arrows" } else { "lines" };
                title.push_str(&format!(
                    "\n{arrows} without a label: {}",
                    unlabelled.join(", ")
                ));
            }
            if g.edge_weights().any(|e| e.dashed) {
                title.push_str("\ndashed: background knowledge, not stated in a release");
            }
            a.set("label", &dot_escape(&title), true)
                .set("labelloc", "t", false)
                .set("fontname", "Helvetica", true)
                .set("fontsize", "16", false);
            if n > LARGE_VIEW {
                a.set("layout", "sfdp", false)
                    .set("overlap", "prism", false)
                    .set("splines", "false", false)
                    .set("outputorder", "edgesfirst", false);
            } else if let Some(engine) = view.engine.filter(|_| n > SMALL_VIEW / 2) {
                // Curved edges routed around nodes cost seconds beyond a few dozen nodes.
                let splines = if n > SMALL_VIEW { "line" } else { "true" };
                a.set("layout", engine, false)
                    .set("overlap", "false", false)
                    .set("splines", splines, false)
                    .set("ranksep", "1.6", false);
                if let Some(f) = g.node_indices().find(|i| g[*i].focus) {
                    a.set("root", &format!("n{}", f.index()), false);
                }
            } else {
                a.set("nodesep", "0.3", false).set("ranksep", "0.6", false);
                if let Some(r) = view.rankdir {
                    a.set("rankdir", r, false);
                }
                if n > SMALL_VIEW {
                    // Network simplex and crossing minimization are cut short on larger views.
                    a.set("nslimit", "1", false)
                        .set("mclimit", "0.1", false)
                        .set("splines", "line", false);
                }
            }
        }
        graph
            .node_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "11", false)
            .set("margin", "0.08,0.04", true);
        graph
            .edge_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "9", false)
            .set("color", "#555555", true)
            .set("fontcolor", "#333333", true);

        // Clusters in their order, then the nodes outside any cluster.
        let nodes = view.sorted_nodes();
        let mut clustered: BTreeMap<&str, Vec<NodeIndex>> = BTreeMap::new();
        let mut free = Vec::new();
        for i in &nodes {
            match &g[*i].cluster {
                Some(c) if n <= LARGE_VIEW => clustered.entry(c.as_str()).or_default().push(*i),
                _ => free.push(*i),
            }
        }
        let mut order: Vec<&str> = view
            .cluster_order
            .iter()
            .map(String::as_str)
            .filter(|c| clustered.contains_key(c))
            .collect();
        for c in clustered.keys() {
            if !order.contains(c) {
                order.push(c);
            }
        }
        for c in order {
            let mut cl = graph.cluster();
            cl.graph_attributes()
                .set("label", &dot_escape(c), true)
                .set("style", "rounded,filled", true)
                .set("fillcolor", "#f7f7f7", true)
                .set("color", "#bbbbbb", true)
                .set("fontname", "Helvetica", true);
            for i in &clustered[c] {
                write_node(&mut cl, view, *i);
            }
        }
        for i in free {
            write_node(&mut graph, view, i);
        }

        let mut edges: Vec<_> = g.edge_references().collect();
        edges.sort_by(|a, b| {
            let key = |e: &petgraph::graph::EdgeReference<'_, super::graph::Edge>| {
                (
                    g[e.source()].label.clone(),
                    g[e.target()].label.clone(),
                    e.weight().label.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        for e in edges {
            let w = e.weight();
            let list = graph.edge(
                format!("n{}", e.source().index()),
                format!("n{}", e.target().index()),
            );
            let mut a = list.attributes();
            if w.invisible {
                a.set("style", "invis", false);
                continue;
            }
            if !w.label.is_empty() && !unlabelled.contains(&w.label.as_str()) {
                let lines: Vec<String> =
                    w.label.lines().flat_map(|l| wrap(l, WRAP + 8, 2)).collect();
                a.set("label", &dot_escape(&lines.join("\n")), true);
            }
            if w.weight > 1 && !view.directed {
                a.set("penwidth", &format!("{}", 1 + w.weight.min(6)), false)
                    .set("weight", &w.weight.to_string(), false);
            }
            if w.dashed {
                a.set("style", "dashed", false);
            }
        }

        // The legend: one table node (every layout engine keeps it whole), a row per type
        // drawn in the type's colour, when there are several types.
        let kinds = view.kinds();
        if kinds.len() > 1 && n <= LARGE_VIEW {
            let variants = view.event_variants();
            let rows: String = kinds
                .iter()
                .flat_map(|k| {
                    let s = style_of(*k);
                    // Events of several kinds: a row per kind, in its own colour.
                    if *k == NodeKind::Event && !variants.is_empty() {
                        variants
                            .iter()
                            .map(|v| {
                                format!(
                                    "<tr><td bgcolor=\"{}\">{} ({})</td></tr>",
                                    event_fill(Some(v)),
                                    html_escape(v),
                                    shape_name(s.shape)
                                )
                            })
                            .collect::<Vec<_>>()
                    } else {
                        vec![format!(
                            "<tr><td bgcolor=\"{}\">{} ({})</td></tr>",
                            s.fill,
                            k.name(),
                            shape_name(s.shape)
                        )]
                    }
                })
                .collect();
            graph
                .node_named("legend")
                .set("shape", "plaintext", false)
                .set("fontsize", "9", false)
                .set(
                    "label",
                    &format!(
                        "<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\">\
                         <tr><td><b>Legend</b></td></tr>{rows}</table>>"
                    ),
                    false,
                );
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Text inside an HTML-like DOT label.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A shape as a reader names it.
fn shape_name(shape: &str) -> &str {
    match shape {
        "box" => "box",
        "component" => "tabbed box",
        "note" => "folded page",
        "house" => "house",
        other => other,
    }
}

/// Fills for event kinds: each kind gets one by its name, so a kind an extension adds is
/// told apart from the core ones.
const EVENT_FILLS: &[&str] = &[
    "#fcbba1", "#fdae6b", "#fc9272", "#fdd0a2", "#f4a582", "#fee0d2", "#d9a3c7", "#f1b6da",
];

fn event_fill(variant: Option<&str>) -> &'static str {
    // A stable hash of the kind's name (FNV-1a): the same kind has the same colour in
    // every view.
    match variant {
        Some(v) => {
            let h = v.bytes().fold(0xcbf29ce484222325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
            });
            EVENT_FILLS[(h % EVENT_FILLS.len() as u64) as usize]
        }
        None => style_of(NodeKind::Event).fill,
    }
}

fn write_node(scope: &mut Scope<'_, '_>, view: &View, i: NodeIndex) {
    let node = &view.graph[i];
    let mut s = style_of(node.kind);
    if node.kind == NodeKind::Event {
        s.fill = event_fill(node.variant.as_deref());
    }
    let text = node_text(&node.label, &node.detail).join("\n");
    let mut out = scope.node_named(format!("n{}", i.index()));
    out.set("label", &dot_escape(&text), true)
        .set("shape", s.shape, false)
        .set("style", s.style, true)
        .set("fillcolor", s.fill, true)
        .set("tooltip", &dot_escape(&node.iri), true);
    if node.focus {
        out.set("penwidth", "3", false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn labels_survive_quotes_and_newlines() {
        assert_eq!(
            dot_escape("John W. \"Jay\" Raymond\nx\\y"),
            "John W. \\\"Jay\\\" Raymond\\nx\\\\y"
        );
        assert_eq!(dot_escape("Ségolène\u{7}"), "Ségolène");
    }

    #[test]
    fn long_titles_wrap_at_words_and_end_with_an_ellipsis() {
        assert_eq!(
            wrap(
                "Memorandum of Understanding on Space Policy Cooperation",
                24,
                4
            ),
            vec![
                "Memorandum of",
                "Understanding on Space",
                "Policy Cooperation"
            ]
        );
        let cut = wrap(&"word ".repeat(40), 10, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        assert_eq!(
            wrap("Supercalifragilistic", 8, 4),
            vec!["Supercal", "ifragili", "stic"]
        );
        assert!(wrap("   ", 10, 3).is_empty());
    }

    fn chain(n: usize, engine: Option<&'static str>) -> View {
        let mut v = View::new("t", true);
        v.engine = engine;
        let mut prev = None;
        for i in 0..n {
            let x = v.add_node(super::super::graph::Node {
                iri: format!("x{i}"),
                label: format!("x{i}"),
                kind: NodeKind::Organization,
                detail: vec![],
                cluster: Some("c".into()),
                focus: i == 0,
                variant: None,
            });
            if let Some(p) = prev {
                v.add_edge(p, x, super::super::graph::Edge::default());
            }
            prev = Some(x);
        }
        v
    }

    #[test]
    fn layout_settings_follow_the_size_of_the_view() {
        let small = to_dot(&chain(10, None));
        assert!(!small.contains("layout=") && !small.contains("nslimit"));
        assert!(small.contains("subgraph cluster_"), "clusters drawn");
        let medium = to_dot(&chain(SMALL_VIEW + 1, None));
        assert!(medium.contains("nslimit=1") && medium.contains("splines=line"));
        let large = to_dot(&chain(LARGE_VIEW + 1, None));
        assert!(large.contains("layout=sfdp") && !large.contains("subgraph cluster_"));
        let ego = to_dot(&chain(SMALL_VIEW / 2 + 1, Some("twopi")));
        assert!(ego.contains("layout=twopi") && ego.contains("root=n0"));
        assert!(!to_dot(&chain(5, Some("twopi"))).contains("layout="));
    }

    /// A DOT string is balanced when every unescaped quote opens or closes one string.
    fn quotes_balanced(dot: &str) -> bool {
        let mut inside = false;
        let mut escaped = false;
        for c in dot.chars() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') if inside => escaped = true,
                (false, '"') => inside = !inside,
                (false, '\n') if inside => return false,
                _ => {}
            }
        }
        !inside
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_label_yields_balanced_dot(label in any::<String>(), detail in any::<String>()) {
            let mut v = View::new(label.clone(), true);
            let a = v.add_node(super::super::graph::Node {
                iri: label.clone(),
                label: label.clone(),
                kind: NodeKind::Event,
                detail: vec![detail.clone()],
                cluster: Some(detail.clone()),
                focus: true,
                variant: None,
            });
            let b = v.add_node(super::super::graph::Node {
                iri: "b".into(),
                label: detail.clone(),
                kind: NodeKind::Nation,
                detail: vec![],
                cluster: None,
                focus: false,
                variant: None,
            });
            v.add_edge(a, b, super::super::graph::Edge { label: label.clone(), weight: 2, ..Default::default() });
            let dot = to_dot(&v);
            prop_assert!(quotes_balanced(&dot), "{}", dot);
        }

        #[test]
        fn wrapped_lines_keep_their_width(text in "[a-zA-Zé ]{0,200}", width in 4usize..40) {
            for line in wrap(&text, width, 100) {
                prop_assert!(line.chars().count() <= width);
            }
        }
    }

    proptest! {
        // Each case runs Graphviz: fewer cases.
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Graphviz itself reads the DOT of any label without an error or a warning.
        #[test]
        fn graphviz_accepts_any_label(label in any::<String>(), other in "[\\\\\"<>{}&;#é ]{0,20}") {
            prop_assert!(
                crate::views::graphviz_available(),
                "this test needs Graphviz's `dot`: install the graphviz package"
            );
            let mut v = View::new(format!("{label}{other}"), false);
            let a = v.add_node(super::super::graph::Node {
                iri: "a".into(),
                label: label.clone(),
                kind: NodeKind::Person,
                detail: vec![other.clone()],
                cluster: Some(other.clone()),
                focus: false,
                variant: None,
            });
            let b = v.add_node(super::super::graph::Node {
                iri: "b".into(),
                label: other.clone(),
                kind: NodeKind::Agreement,
                detail: vec![],
                cluster: None,
                focus: false,
                variant: None,
            });
            v.add_edge(a, b, super::super::graph::Edge { label: label.clone(), weight: 1, ..Default::default() });
            let dot = to_dot(&v);
            let out = std::process::Command::new("dot")
                .arg("-Tsvg")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .and_then(|mut c| {
                    use std::io::Write;
                    if let Some(mut i) = c.stdin.take() {
                        i.write_all(dot.as_bytes())?;
                    }
                    c.wait_with_output()
                });
            let out = out.expect("dot runs");
            let err = String::from_utf8_lossy(&out.stderr).to_string();
            prop_assert!(out.status.success() && err.trim().is_empty(), "{}\n{}", err, dot);
        }

    }
}
