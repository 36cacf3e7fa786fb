//! A pure-Rust drawing for when Graphviz is not installed: a simple layered layout (layers
//! by breadth-first distance from the view's focus, order in a layer by the mean position of
//! neighbours above) written as SVG with the same shapes, colours and legend as the DOT.

use super::dot::{node_text, style_of};
use super::graph::View;
use super::model::NodeKind;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;

const CHAR_W: f64 = 6.6;
const LINE_H: f64 = 14.0;
const GAP: f64 = 24.0;
const LAYER_GAP: f64 = 70.0;
const MARGIN: f64 = 20.0;

/// A node's box: centre and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Escapes text for XML character data and attribute values; drops characters XML forbids.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Layers: a view drawn in ordered clusters (a timeline's years) puts each cluster in its
/// layer, in order, and the rest after them; any other view layers by breadth-first distance
/// from the focus (or, per component, from its best-connected node), over edges in both
/// directions.
pub(crate) fn layers(view: &View) -> Vec<Vec<NodeIndex>> {
    let g = &view.graph;
    let mut layer: BTreeMap<NodeIndex, usize> = BTreeMap::new();
    if !view.cluster_order.is_empty() {
        let last = view.cluster_order.len();
        for n in g.node_indices() {
            let at = g[n]
                .cluster
                .as_ref()
                .and_then(|c| view.cluster_order.iter().position(|o| o == c))
                .unwrap_or(last);
            layer.insert(n, at);
        }
    }
    let mut roots: Vec<NodeIndex> = view.sorted_nodes();
    roots.sort_by_key(|n| {
        (
            !g[*n].focus,
            std::cmp::Reverse(g.neighbors_undirected(*n).count()),
        )
    });
    for r in roots {
        if layer.contains_key(&r) {
            continue;
        }
        layer.insert(r, 0);
        let mut queue = VecDeque::from([r]);
        while let Some(x) = queue.pop_front() {
            let mut next: Vec<NodeIndex> = g.neighbors_undirected(x).collect();
            next.sort_by(|a, b| g[*a].label.cmp(&g[*b].label));
            for y in next {
                if !layer.contains_key(&y) {
                    layer.insert(y, layer[&x] + 1);
                    queue.push_back(y);
                }
            }
        }
    }
    let depth = layer.values().max().map_or(0, |d| d + 1);
    let mut out: Vec<Vec<NodeIndex>> = vec![Vec::new(); depth];
    for n in view.sorted_nodes() {
        out[layer[&n]].push(n);
    }
    out.retain(|l| !l.is_empty());
    let ordered = !view.cluster_order.is_empty();
    if ordered {
        // Clusters keep the order the view added their nodes in (a timeline's dates).
        for l in out.iter_mut() {
            if l.iter().all(|n| g[*n].cluster.is_some()) {
                l.sort();
            }
        }
    }
    // Order each layer by the mean position of its neighbours in the layer before.
    for l in 1..out.len() {
        if ordered && out[l].iter().all(|n| g[*n].cluster.is_some()) {
            continue;
        }
        let pos: BTreeMap<NodeIndex, usize> = out[l - 1]
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, i))
            .collect();
        let mut keyed: Vec<(f64, NodeIndex)> = out[l]
            .iter()
            .map(|n| {
                let ps: Vec<usize> = g
                    .neighbors_undirected(*n)
                    .filter_map(|m| pos.get(&m).copied())
                    .collect();
                let mean = if ps.is_empty() {
                    f64::MAX
                } else {
                    ps.iter().sum::<usize>() as f64 / ps.len() as f64
                };
                (mean, *n)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        out[l] = keyed.into_iter().map(|(_, n)| n).collect();
    }
    out
}

/// Positions of every node: layers top to bottom (left to right when the view asks).
pub fn place(view: &View) -> BTreeMap<NodeIndex, Placed> {
    let g = &view.graph;
    let lr = view.rankdir == Some("LR");
    let size = |n: NodeIndex| {
        let lines = node_text(&g[n].label, &g[n].detail);
        let chars = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1);
        (
            chars as f64 * CHAR_W + 24.0,
            lines.len().max(1) as f64 * LINE_H + 14.0,
        )
    };
    let mut placed: BTreeMap<NodeIndex, Placed> = BTreeMap::new();
    let mut extents: Vec<(Vec<NodeIndex>, f64)> = Vec::new();
    let mut rank_at = MARGIN + 30.0;
    let layers = layers(view);
    // Bottom-to-top views put the first layer last.
    let order: Vec<&Vec<NodeIndex>> = if view.rankdir == Some("BT") {
        layers.iter().rev().collect()
    } else {
        layers.iter().collect()
    };
    for layer in order {
        let sizes: Vec<(f64, f64)> = layer.iter().map(|n| size(*n)).collect();
        let thick = sizes
            .iter()
            .map(|(w, h)| if lr { *w } else { *h })
            .fold(0.0, f64::max);
        // Below the title.
        let mut cross = if lr { MARGIN + 50.0 } else { MARGIN };
        for (n, (w, h)) in layer.iter().zip(&sizes) {
            let (along, span) = if lr { (*h, *w) } else { (*w, *h) };
            let _ = span;
            let c = cross + along / 2.0;
            let r = rank_at + thick / 2.0;
            let (x, y) = if lr { (r, c) } else { (c, r) };
            placed.insert(*n, Placed { x, y, w: *w, h: *h });
            cross += along + GAP;
        }
        extents.push((layer.clone(), cross - GAP));
        rank_at += thick + LAYER_GAP;
    }
    // Each layer centred on the widest one.
    let widest = extents.iter().map(|(_, e)| *e).fold(0.0, f64::max);
    for (layer, extent) in extents {
        let shift = (widest - extent) / 2.0;
        for n in layer {
            if let Some(p) = placed.get_mut(&n) {
                if lr {
                    p.y += shift;
                } else {
                    p.x += shift;
                }
            }
        }
    }
    placed
}

fn shape_svg(out: &mut String, kind: NodeKind, p: &Placed, focus: bool) {
    let s = style_of(kind);
    let (l, t) = (p.x - p.w / 2.0, p.y - p.h / 2.0);
    let stroke = if focus { 3.0 } else { 1.0 };
    let dash = if s.style.contains("dashed") {
        " stroke-dasharray=\"4 3\""
    } else {
        ""
    };
    let paint = format!(
        "fill=\"{}\" stroke=\"#333333\" stroke-width=\"{stroke}\"{dash}",
        s.fill
    );
    let _ = match s.shape {
        "ellipse" => writeln!(
            out,
            "<ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" {paint}/>",
            p.x,
            p.y,
            p.w / 2.0 + 6.0,
            p.h / 2.0 + 2.0
        ),
        "hexagon" => {
            let d = 10.0;
            writeln!(
                out,
                "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" {paint}/>",
                l - d, p.y, l, t, l + p.w, t, l + p.w + d, p.y, l + p.w, t + p.h, l, t + p.h
            )
        }
        _ => {
            let r = if s.style.contains("rounded") {
                8.0
            } else {
                0.0
            };
            writeln!(
                out,
                "<rect x=\"{l:.1}\" y=\"{t:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{r}\" {paint}/>",
                p.w, p.h
            )
        }
    };
}

fn text_svg(out: &mut String, lines: &[String], x: f64, y: f64, size: f64) {
    let top = y - (lines.len() as f64 - 1.0) * LINE_H / 2.0 + size / 3.0;
    for (i, l) in lines.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{size}\" text-anchor=\"middle\">{}</text>",
            top + i as f64 * LINE_H,
            xml_escape(l)
        );
    }
}

/// The view as a standalone SVG document, drawn without Graphviz.
pub(crate) fn to_svg(view: &View) -> String {
    let g = &view.graph;
    let lr = view.rankdir == Some("LR");
    let placed = place(view);
    let mut width = placed
        .values()
        .map(|p| p.x + p.w / 2.0 + 16.0)
        .fold(320.0, f64::max)
        + MARGIN;
    let mut height = placed
        .values()
        .map(|p| p.y + p.h / 2.0)
        .fold(60.0, f64::max)
        + MARGIN;
    let kinds = view.kinds();
    let legend_y = height + 10.0;
    if kinds.len() > 1 {
        height += 60.0;
        width = width.max(kinds.len() as f64 * 110.0 + 2.0 * MARGIN);
    }
    let title = if view.is_empty() {
        format!("{} ({})", view.title, view.empty_reason)
    } else {
        view.title.clone()
    };
    width = width.max(title.chars().count() as f64 * 8.0 + 2.0 * MARGIN);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"{}\" \
         width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         font-family=\"Helvetica, Arial, sans-serif\">",
        crate::vocab::SVG_NS
    );
    let _ = writeln!(out, "<title>{}</title>", xml_escape(&title));
    out.push_str(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" \
         markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" \
         fill=\"#555555\"/></marker></defs>\n",
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"{:.1}\" y=\"24\" \
         font-size=\"16\" text-anchor=\"middle\">{}</text>",
        width / 2.0,
        xml_escape(&title)
    );
    let mut edges: Vec<_> = g
        .edge_references()
        .filter(|e| !e.weight().invisible)
        .collect();
    edges.sort_by_key(|e| (e.source(), e.target()));
    for e in edges {
        let (Some(a), Some(b)) = (placed.get(&e.source()), placed.get(&e.target())) else {
            continue;
        };
        // End the line at the target box's border.
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let scale = |p: &Placed| {
            let sx = if dx.abs() > 0.01 {
                (p.w / 2.0 + 4.0) / dx.abs()
            } else {
                f64::MAX
            };
            let sy = if dy.abs() > 0.01 {
                (p.h / 2.0 + 4.0) / dy.abs()
            } else {
                f64::MAX
            };
            sx.min(sy).min(0.5)
        };
        let (sa, sb) = (scale(a), scale(b));
        let (x1, y1) = (a.x + dx * sa, a.y + dy * sa);
        let (x2, y2) = (b.x - dx * sb, b.y - dy * sb);
        let w = e.weight();
        let marker = if view.directed {
            " marker-end=\"url(#arrow)\""
        } else {
            ""
        };
        let dash = if w.dashed {
            " stroke-dasharray=\"5 4\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#555555\" \
             stroke-width=\"{}\"{marker}{dash}/>",
            if view.directed {
                1
            } else {
                1 + w.weight.clamp(1, 6) / 2
            }
        );
        // The label's first line, shortened, near the target end: edges fanning out of one
        // node then carry their labels apart.
        if let Some(first) = w.label.lines().next() {
            // Near the end further down the layers (or right, left to right).
            let deeper = if lr { x2 > x1 } else { y2 > y1 };
            let along = if deeper { 0.8 } else { 0.2 };
            let short: String = if first.chars().count() > 28 {
                first.chars().take(27).chain(['…']).collect()
            } else {
                first.to_string()
            };
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" fill=\"#333333\" \
                 text-anchor=\"middle\">{}</text>",
                x1 + (x2 - x1) * along,
                y1 + (y2 - y1) * along - 3.0,
                xml_escape(&short)
            );
        }
    }
    // Cluster titles (a timeline's years) above their nodes.
    for c in &view.cluster_order {
        let boxes: Vec<&Placed> = g
            .node_indices()
            .filter(|n| g[*n].cluster.as_ref() == Some(c))
            .filter_map(|n| placed.get(&n))
            .collect();
        let Some(top) = boxes
            .iter()
            .min_by(|a, b| (a.y - a.h / 2.0).total_cmp(&(b.y - b.h / 2.0)))
        else {
            continue;
        };
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" font-weight=\"bold\" \
             text-anchor=\"middle\">{}</text>",
            top.x,
            top.y - top.h / 2.0 - 6.0,
            xml_escape(c)
        );
    }
    for n in view.sorted_nodes() {
        let Some(p) = placed.get(&n) else { continue };
        let node = &g[n];
        let _ = writeln!(out, "<g><title>{}</title>", xml_escape(&node.iri));
        shape_svg(&mut out, node.kind, p, node.focus);
        text_svg(
            &mut out,
            &node_text(&node.label, &node.detail),
            p.x,
            p.y,
            11.0,
        );
        out.push_str("</g>\n");
    }
    for (i, k) in kinds.iter().enumerate().filter(|_| kinds.len() > 1) {
        let p = Placed {
            x: MARGIN + 50.0 + i as f64 * 110.0,
            y: legend_y + 25.0,
            w: 90.0,
            h: 24.0,
        };
        shape_svg(&mut out, *k, &p, false);
        text_svg(&mut out, &[k.name().to_string()], p.x, p.y, 9.0);
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::graph::{Edge, Node};
    use super::*;

    fn node(iri: &str, kind: NodeKind) -> Node {
        Node {
            iri: iri.into(),
            label: iri.into(),
            kind,
            detail: vec![],
            cluster: None,
            focus: iri == "a",
            variant: None,
        }
    }

    #[test]
    fn layers_follow_distance_from_the_focus_and_boxes_do_not_overlap() {
        let mut v = View::new("t", true);
        let a = v.add_node(node("a", NodeKind::Event));
        let b = v.add_node(node("b", NodeKind::Nation));
        let c = v.add_node(node("c", NodeKind::Person));
        let d = v.add_node(node("d & <e>", NodeKind::Place));
        for (x, y) in [(a, b), (a, c), (c, d)] {
            v.add_edge(x, y, Edge::default());
        }
        assert_eq!(layers(&v), vec![vec![a], vec![b, c], vec![d]]);
        let p = place(&v);
        let (pb, pc) = (p[&b], p[&c]);
        assert!(pb.x + pb.w / 2.0 <= pc.x - pc.w / 2.0, "{pb:?} {pc:?}");
        assert!(p[&a].y < pb.y && pb.y < p[&d].y);
        let svg = to_svg(&v);
        assert!(svg.contains("d &amp; &lt;e&gt;") && !svg.contains("<e>"));
        assert_eq!(svg.matches("<g>").count(), 4);
    }

    #[test]
    fn ordered_clusters_are_layers_in_their_order() {
        let mut v = View::new("t", true);
        v.cluster_order = vec!["2023".into(), "2024".into()];
        let mut late = node("late", NodeKind::Event);
        late.cluster = Some("2024".into());
        let mut early = node("early", NodeKind::Event);
        early.cluster = Some("2023".into());
        let l = v.add_node(late);
        let e = v.add_node(early);
        let n = v.add_node(node("nation", NodeKind::Nation));
        v.add_edge(l, n, Edge::default());
        v.add_edge(e, n, Edge::default());
        assert_eq!(layers(&v), vec![vec![e], vec![l], vec![n]]);
    }

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(xml_escape("a\"b'<c>&\u{1}"), "a&quot;b&apos;&lt;c&gt;&amp;");
    }
}
