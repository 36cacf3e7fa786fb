//! Relationship views: what the store holds, read with a few SPARQL SELECTs into a model,
//! selected per view into a petgraph graph of typed nodes and labelled edges, then drawn as
//! DOT with dot-writer, as SVG or PNG through Graphviz's `dot`, or as SVG from a pure-Rust
//! layout when Graphviz is missing. Views know the store's interface only, never Oxigraph.
//!
//! - `model`: the entities, facts, roles and ontology labels read from the store;
//! - `select`: the views (partners, ego, event, org, timeline, initiative) and name matching;
//! - `graph`: the drawable graph; `dot`: DOT text; `layout`: the SVG drawn without Graphviz;
//! - `analysis`: shortest chains of facts and centrality.

pub mod error;

pub mod analysis;
pub mod dot;
pub mod graph;
pub mod layout;
pub mod model;
pub mod select;

pub use analysis::{chain, path, rank, rank_store, Centrality};
pub(crate) use dot::to_dot;
pub use graph::{Edge, Node, View};
pub use model::{Model, NodeKind};
pub use select::Filter;

use crate::store::{term_text, GraphStore};
use crate::views::error::ViewError;
use oxigraph::model::{vocab, NamedOrBlankNode, Term};
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The views `spacekg diagram` draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewSpec {
    /// Nations (and organizations) linked by partnerships and what they share.
    Partners { organizations: bool },
    /// Everything within `hops` steps of an entity.
    Ego { entity: String, hops: usize },
    /// One event and who and what it involves.
    Event { event: String },
    /// An organization's hierarchy and people.
    Org { organization: String },
    /// Dated events in order.
    Timeline,
    /// An initiative's members, sponsors and events.
    Initiative { initiative: String },
    /// Any SPARQL CONSTRUCT, drawn as a graph.
    Construct { query: String },
}

/// Builds a view from the store.
pub fn build(store: &dyn GraphStore, spec: &ViewSpec, filter: &Filter) -> Result<View, ViewError> {
    let m = Model::load(store)?;
    build_with(store, &m, spec, filter)
}

/// Builds a view from a model already read.
pub(crate) fn build_with(
    store: &dyn GraphStore,
    m: &Model,
    spec: &ViewSpec,
    filter: &Filter,
) -> Result<View, ViewError> {
    match spec {
        ViewSpec::Partners { organizations } => select::partners(m, filter, *organizations),
        ViewSpec::Ego { entity, hops } => select::ego(m, filter, entity, *hops),
        ViewSpec::Event { event } => select::event(m, filter, event),
        ViewSpec::Org { organization } => select::org(m, filter, organization),
        ViewSpec::Timeline => select::timeline(m, filter),
        ViewSpec::Initiative { initiative } => select::initiative(m, filter, initiative),
        ViewSpec::Construct { query } => construct(store, m, query, filter),
    }
}

/// The triples of a SPARQL CONSTRUCT as a graph: IRIs become nodes (typed and labelled as the
/// model knows them), literals become value nodes; `rdf:type` and `rdfs:label` triples type
/// and name their subject instead of drawing an edge.
pub fn construct(
    store: &dyn GraphStore,
    m: &Model,
    query: &str,
    filter: &Filter,
) -> Result<View, ViewError> {
    let (type_iri, label_iri) = (vocab::rdf::TYPE.as_str(), vocab::rdfs::LABEL.as_str());
    let triples = store.construct(query)?;
    let scope = select::Scope::new(m, filter)?;
    let kept: Option<BTreeSet<&str>> = (!filter.is_empty()).then(|| {
        scope
            .facts
            .iter()
            .flat_map(|(f, o)| [f.subject.as_str(), *o])
            .collect()
    });
    let mut view = View::new(scope.title("CONSTRUCT query"), true);
    let subject_text = |s: &NamedOrBlankNode| match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        other => other.to_string(),
    };
    let mut labels: Vec<(String, String)> = Vec::new();
    let mut types: Vec<(String, NodeKind)> = Vec::new();
    for t in &triples {
        let s = subject_text(&t.subject);
        let o = term_text(&t.object);
        if let Some(k) = &kept {
            if !k.contains(s.as_str()) && !k.contains(o.as_str()) {
                continue;
            }
        }
        let p = t.predicate.as_str();
        if p == label_iri && matches!(t.object, Term::Literal(_)) {
            labels.push((s, o));
            continue;
        }
        if p == type_iri {
            if let Some(k) = model::sk_local(&o).and_then(NodeKind::of_class) {
                types.push((s, k));
                continue;
            }
        }
        let a = view.add_node(select::entity_node(m, &s));
        let b = match &t.object {
            Term::Literal(_) => view.add_node(Node {
                iri: format!("{s} {p} {o}"),
                label: o.clone(),
                kind: NodeKind::Value,
                detail: vec![],
                cluster: None,
                focus: false,
                variant: None,
            }),
            _ => view.add_node(select::entity_node(m, &o)),
        };
        let label = m
            .labels
            .get(p)
            .cloned()
            .unwrap_or_else(|| model::local_name(p));
        view.add_edge(
            a,
            b,
            Edge {
                label,
                weight: 1,
                ..Edge::default()
            },
        );
    }
    for (s, l) in labels {
        let i = view.add_node(select::entity_node(m, &s));
        view.graph[i].label = l;
    }
    for (s, k) in types {
        let i = view.add_node(select::entity_node(m, &s));
        view.graph[i].kind = k;
    }
    if view.is_empty() {
        view.empty_reason = if triples.is_empty() {
            "the CONSTRUCT query returned no triples".into()
        } else {
            scope.nothing("triples of this query")
        };
    }
    Ok(view)
}

/// Output formats of a diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Svg,
    Png,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Some(Format::Dot),
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// Whether Graphviz's `dot` runs here.
pub(crate) fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The view in a format. SVG and PNG go through Graphviz when `graphviz` is true and `dot`
/// runs; otherwise SVG comes from the pure-Rust layout, and PNG is an error saying so.
pub fn render(view: &View, format: Format, graphviz: bool) -> Result<Vec<u8>, ViewError> {
    let use_dot = graphviz && graphviz_available();
    match format {
        Format::Dot => Ok(to_dot(view).into_bytes()),
        Format::Svg if use_dot => run_dot(&to_dot(view), "svg"),
        Format::Svg => Ok(layout::to_svg(view).into_bytes()),
        Format::Png if use_dot => run_dot(&to_dot(view), "png"),
        Format::Png => Err(ViewError::Unavailable(
            "PNG output needs Graphviz's `dot` (install the graphviz package); \
             --format svg draws without it"
                .into(),
        )),
    }
}

/// Runs Graphviz's `dot` on DOT text.
pub(crate) fn run_dot(dot: &str, format: &str) -> Result<Vec<u8>, ViewError> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
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

/// How long reading the model and building each view takes on this store, for benchmarks:
/// (what, time, nodes drawn). Named views use the best-connected entity of their type.
pub fn time_views(store: &dyn GraphStore) -> Result<Vec<(String, Duration, usize)>, ViewError> {
    let t = Instant::now();
    let m = Model::load(store)?;
    let mut out = vec![("model".to_string(), t.elapsed(), m.entities.len())];
    let busiest = |kind: NodeKind| -> Option<String> {
        let eg = analysis::EntityGraph::new(&m);
        eg.graph
            .node_indices()
            .filter(|n| {
                m.entities
                    .get(&eg.graph[*n])
                    .is_some_and(|e| e.kind == kind)
            })
            .max_by_key(|n| eg.graph.neighbors(*n).count())
            .map(|n| eg.graph[n].clone())
    };
    let mut specs = vec![
        (
            "partners",
            Some(ViewSpec::Partners {
                organizations: false,
            }),
        ),
        (
            "partners --organizations",
            Some(ViewSpec::Partners {
                organizations: true,
            }),
        ),
        ("timeline", Some(ViewSpec::Timeline)),
    ];
    specs.push((
        "ego --hops 1",
        busiest(NodeKind::Nation).map(|entity| ViewSpec::Ego { entity, hops: 1 }),
    ));
    specs.push((
        "event",
        busiest(NodeKind::Event).map(|event| ViewSpec::Event { event }),
    ));
    specs.push((
        "org",
        busiest(NodeKind::Organization).map(|organization| ViewSpec::Org { organization }),
    ));
    specs.push((
        "initiative",
        busiest(NodeKind::Initiative).map(|initiative| ViewSpec::Initiative { initiative }),
    ));
    for (name, spec) in specs {
        let Some(spec) = spec else { continue };
        let t = Instant::now();
        let v = build_with(store, &m, &spec, &Filter::default())?;
        let _ = to_dot(&v);
        out.push((name.to_string(), t.elapsed(), v.graph.node_count()));
    }
    Ok(out)
}
