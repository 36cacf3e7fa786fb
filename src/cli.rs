//! The command line: flags parsed with clap, each command one library call.

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use spacekg::store::{GraphStore, ResultFormat};
use spacekg::{ingest, views, EmbeddedStore, Knowledge};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Build and query a knowledge graph of international space partnerships from press
/// releases.
#[derive(Parser)]
#[command(name = "spacekg", version, about, long_about = None)]
struct Cli {
    /// The store folder (an embedded on-disk Oxigraph store; created if missing).
    #[arg(
        long,
        global = true,
        env = "SPACEKG_STORE",
        default_value = "spacekg-store"
    )]
    store: PathBuf,
    /// A folder of ontology extension files (.ttl) loaded beside the core ontology.
    #[arg(long, global = true, env = "SPACEKG_ONTOLOGY")]
    ontology: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest releases (.txt, .html; files or folders) into the store.
    Ingest {
        /// Files or folders of releases.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Run a SPARQL query (the default graph is the union of all graphs).
    Query {
        /// The query text.
        sparql: Option<String>,
        /// Read the query from a file instead.
        #[arg(long, short = 'f', conflicts_with = "sparql")]
        file: Option<PathBuf>,
        /// Output format (default: table on a terminal, else tsv).
        #[arg(long, value_enum)]
        format: Option<QueryFormat>,
    },
    /// Export the graph in a standard RDF format.
    Export {
        #[arg(long, value_enum, default_value = "nquads")]
        format: ExportFormat,
        /// Only this named graph (a document IRI, or the background/ontology graph).
        #[arg(long)]
        graph: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Draw a relationship view (DOT; SVG or PNG through Graphviz, SVG without it).
    #[command(args_conflicts_with_subcommands = true)]
    Diagram {
        /// Draw the triples of a SPARQL CONSTRUCT query in this file instead of a view.
        #[arg(long, value_name = "FILE.rq")]
        construct: Option<PathBuf>,
        #[command(subcommand)]
        view: Option<DiagramView>,
        #[command(flatten)]
        opts: DiagramOpts,
    },
    /// The shortest chain of stated facts between two entities, with the sentence and the
    /// release stating each step.
    Path {
        /// An entity by name or alias.
        from: String,
        /// Another entity by name or alias.
        to: String,
    },
    /// The most central nations and organizations.
    Rank {
        #[arg(long, value_enum, default_value = "degree")]
        by: RankBy,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Sizes of the store: documents, entities by type, facts, quotes.
    Stats,
}

#[derive(Subcommand)]
enum DiagramView {
    /// Nations linked by stated partnerships, shared events, agreements and initiatives.
    Partners {
        /// Draw organizations too, clustered by nation.
        #[arg(long)]
        organizations: bool,
    },
    /// Everything within N steps of one entity, by name or alias.
    Ego {
        entity: String,
        #[arg(long, default_value_t = 1)]
        hops: usize,
    },
    /// An event with its host, leader, participants, place, date, initiative and agreement.
    Event { event: String },
    /// An organization's hierarchy with the people who head or serve in it.
    Org { organization: String },
    /// Dated events in order, grouped by year (or month), linked to who took part.
    Timeline,
    /// An initiative's members, sponsors and the events carried out under it.
    Initiative { initiative: String },
}

/// Options every diagram takes.
#[derive(clap::Args)]
struct DiagramOpts {
    /// Output format (default: from the -o file's extension, else dot).
    #[arg(long, value_enum, global = true)]
    format: Option<DiagramFormat>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', global = true)]
    output: Option<PathBuf>,
    /// Keep facts dated from this day on (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, global = true, value_name = "DATE")]
    from: Option<String>,
    /// Keep facts dated up to this day (2023 keeps all of 2023).
    #[arg(long, global = true, value_name = "DATE")]
    to: Option<String>,
    /// Keep what involves this nation (name or alias).
    #[arg(long, global = true)]
    nation: Option<String>,
    /// Draw SVG with the built-in layout even when Graphviz is installed.
    #[arg(long, global = true, env = "SPACEKG_NO_GRAPHVIZ")]
    no_graphviz: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum RankBy {
    Degree,
    Betweenness,
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Nquads,
    Trig,
    Turtle,
    Ntriples,
    Jsonld,
    Rdfxml,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiagramFormat {
    Dot,
    Svg,
    Png,
}

fn open_store(cli: &Cli) -> Result<EmbeddedStore> {
    if !matches!(cli.command, Command::Ingest { .. }) && !cli.store.exists() {
        bail!(
            "no store at {}: run `spacekg ingest PATH...` first, or give --store DIR",
            cli.store.display()
        );
    }
    EmbeddedStore::open(&cli.store)
        .with_context(|| format!("opening the store {}", cli.store.display()))
}

fn knowledge(cli: &Cli) -> Result<Knowledge> {
    let dirs: Vec<PathBuf> = cli.ontology.iter().cloned().collect();
    Knowledge::load(&dirs).context("loading the ontology and background data")
}

fn output(path: &Option<PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// Runs the command line; the exit code is 1 when a file failed to ingest.
pub fn run() -> Result<i32> {
    let cli = Cli::parse();
    match &cli.command {
        Command::Ingest { paths } => {
            let kb = knowledge(&cli)?;
            let store = open_store(&cli)?;
            let report = ingest::ingest_paths(&store, &kb, paths)?;
            for (p, why) in &report.skipped {
                eprintln!("skipped {}: {why}", p.display());
            }
            for (p, why) in &report.failed {
                eprintln!("failed {}: {why}", p.display());
            }
            println!(
                "documents: {} new, {} replaced, {} unchanged, {} failed; {} entities, {} triples written",
                report.new.len(),
                report.replaced.len(),
                report.unchanged.len(),
                report.failed.len(),
                report.entities,
                report.quads
            );
            Ok(if report.failed.is_empty() { 0 } else { 1 })
        }
        Command::Query {
            sparql,
            file,
            format,
        } => {
            let q = match (sparql, file) {
                (Some(q), _) => q.clone(),
                (None, Some(f)) => std::fs::read_to_string(f)
                    .with_context(|| format!("reading {}", f.display()))?,
                (None, None) => bail!("give a query, or --file Q.rq"),
            };
            let store = open_store(&cli)?;
            let fmt = match format {
                Some(QueryFormat::Table) => ResultFormat::Table,
                Some(QueryFormat::Json) => ResultFormat::Json,
                Some(QueryFormat::Csv) => ResultFormat::Csv,
                Some(QueryFormat::Tsv) => ResultFormat::Tsv,
                None if std::io::stdout().is_terminal() => ResultFormat::Table,
                None => ResultFormat::Tsv,
            };
            let mut out = output(&None)?;
            store.query_to(&q, fmt, &mut out)?;
            out.flush()?;
            Ok(0)
        }
        Command::Export {
            format,
            graph,
            output: o,
        } => {
            let store = open_store(&cli)?;
            let f = match format {
                ExportFormat::Nquads => RdfFormat::NQuads,
                ExportFormat::Trig => RdfFormat::TriG,
                ExportFormat::Turtle => RdfFormat::Turtle,
                ExportFormat::Ntriples => RdfFormat::NTriples,
                ExportFormat::Jsonld => RdfFormat::JsonLd {
                    profile: Default::default(),
                },
                ExportFormat::Rdfxml => RdfFormat::RdfXml,
            };
            let g = graph
                .as_ref()
                .map(|g| NamedNode::new(g.trim_start_matches('<').trim_end_matches('>')))
                .transpose()
                .context("--graph must be an IRI")?;
            let mut out = output(o)?;
            store.export(f, g.as_ref(), &mut out)?;
            out.flush()?;
            Ok(0)
        }
        Command::Diagram {
            construct,
            view,
            opts,
        } => {
            let spec = match (view, construct) {
                (Some(DiagramView::Partners { organizations }), _) => views::ViewSpec::Partners {
                    organizations: *organizations,
                },
                (Some(DiagramView::Ego { entity, hops }), _) => views::ViewSpec::Ego {
                    entity: entity.clone(),
                    hops: *hops,
                },
                (Some(DiagramView::Event { event }), _) => views::ViewSpec::Event {
                    event: event.clone(),
                },
                (Some(DiagramView::Org { organization }), _) => views::ViewSpec::Org {
                    organization: organization.clone(),
                },
                (Some(DiagramView::Timeline), _) => views::ViewSpec::Timeline,
                (Some(DiagramView::Initiative { initiative }), _) => views::ViewSpec::Initiative {
                    initiative: initiative.clone(),
                },
                (None, Some(f)) => views::ViewSpec::Construct {
                    query: std::fs::read_to_string(f)
                        .with_context(|| format!("reading {}", f.display()))?,
                },
                (None, None) => {
                    bail!("name a view (see `spacekg diagram --help`) or give --construct FILE.rq")
                }
            };
            let store = open_store(&cli)?;
            let filter = views::Filter {
                from: opts.from.clone(),
                to: opts.to.clone(),
                nation: opts.nation.clone(),
            };
            let format = match opts.format {
                Some(DiagramFormat::Dot) => views::Format::Dot,
                Some(DiagramFormat::Svg) => views::Format::Svg,
                Some(DiagramFormat::Png) => views::Format::Png,
                None => opts
                    .output
                    .as_deref()
                    .and_then(views::Format::from_extension)
                    .unwrap_or(views::Format::Dot),
            };
            let v = views::build(&store, &spec, &filter)?;
            if v.is_empty() {
                eprintln!("nothing to draw: {}", v.empty_reason);
            }
            let bytes = views::render(&v, format, !opts.no_graphviz)?;
            let mut out = output(&opts.output)?;
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(0)
        }
        Command::Path { from, to } => {
            let store = open_store(&cli)?;
            let chain = views::chain(&store, from, to)?;
            let steps = &chain.steps;
            let mut out = output(&None)?;
            writeln!(
                out,
                "{} step{} from {} to {}",
                steps.len(),
                if steps.len() == 1 { "" } else { "s" },
                chain.from,
                chain.to
            )?;
            for (i, s) in steps.iter().enumerate() {
                writeln!(out, "{}. {}", i + 1, s.statement)?;
                writeln!(out, "   \"{}\"", s.sentence)?;
                match &s.title {
                    Some(t) => writeln!(out, "   source: {} ({t})", s.source)?,
                    None => writeln!(out, "   source: {}", s.source)?,
                }
            }
            out.flush()?;
            Ok(0)
        }
        Command::Rank { by, limit } => {
            let store = open_store(&cli)?;
            let by = match by {
                RankBy::Degree => views::Centrality::Degree,
                RankBy::Betweenness => views::Centrality::Betweenness,
            };
            let ranked = views::rank_store(&store, by, *limit)?;
            let mut out = output(&None)?;
            let width = ranked
                .iter()
                .map(|r| r.label.chars().count())
                .max()
                .unwrap_or(0);
            for (i, r) in ranked.iter().enumerate() {
                let pad = width - r.label.chars().count();
                writeln!(
                    out,
                    "{:>3}. {}{}  {:<12}  {}",
                    i + 1,
                    r.label,
                    " ".repeat(pad),
                    r.kind.name(),
                    match by {
                        views::Centrality::Degree => format!("{:.0}", r.score),
                        views::Centrality::Betweenness => format!("{:.1}", r.score),
                    }
                )?;
            }
            out.flush()?;
            Ok(0)
        }
        Command::Stats => {
            let store = open_store(&cli)?;
            let s = store.stats()?;
            println!("documents: {}", s.documents);
            println!("quads: {}", s.quads);
            for (t, n) in &s.entities_by_type {
                println!("entities {t}: {n}");
            }
            println!("facts: {}", s.relations);
            println!("quotes: {}", s.quotes);
            Ok(0)
        }
    }
}
