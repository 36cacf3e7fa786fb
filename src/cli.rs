//! The command line: flags parsed with clap, each command one library call.

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use spacekg::store::{GraphStore, ResultFormat};
use spacekg::{bench, generate, ingest, views, EmbeddedStore, Knowledge};
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
    /// Draw a relationship view with Graphviz.
    Diagram {
        #[command(subcommand)]
        view: DiagramView,
    },
    /// Sizes of the store: documents, entities by type, facts, quotes.
    Stats,
    /// Write synthetic releases for scale tests (deterministic from the seed).
    Generate {
        /// How many releases.
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// The seed: the same seed and count give the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write them to (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
    /// Measure extraction, ingest, queries and views on generated releases; print a
    /// Markdown table.
    Bench {
        /// Collection sizes, in releases.
        #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
        sizes: Vec<usize>,
        /// Also measure 100,000 releases (takes long).
        #[arg(long)]
        large: bool,
        /// The generator's seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Work folder for releases, stores and exports (default: a temporary folder).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Folder of competency queries.
        #[arg(long, default_value = "examples/queries")]
        queries: PathBuf,
        /// Runs of each query.
        #[arg(long, default_value_t = 20)]
        runs: usize,
        /// Keep the work folder's releases and stores.
        #[arg(long)]
        keep: bool,
    },
}

#[derive(Subcommand)]
enum DiagramView {
    /// Nations linked by stated partnerships, shared events, agreements and initiatives.
    Partners {
        #[arg(long, value_enum, default_value = "dot")]
        format: DiagramFormat,
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
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
        Command::Diagram { view } => {
            let store = open_store(&cli)?;
            match view {
                DiagramView::Partners { format, output: o } => {
                    let g = views::partners(&store)?;
                    if g.node_count() == 0 {
                        eprintln!(
                            "the graph holds no partnerships or shared events between nations yet"
                        );
                    }
                    let dot = views::to_dot(&g, "Partnerships between nations");
                    let mut out = output(o)?;
                    match format {
                        DiagramFormat::Dot => out.write_all(dot.as_bytes())?,
                        DiagramFormat::Svg => out.write_all(&views::dot_to_svg(&dot)?)?,
                    }
                    out.flush()?;
                }
            }
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
        Command::Bench {
            sizes,
            large,
            seed,
            dir,
            queries,
            runs,
            keep,
        } => {
            let kb = knowledge(&cli)?;
            let mut sizes = sizes.clone();
            if *large && !sizes.contains(&100_000) {
                sizes.push(100_000);
            }
            let work_dir = dir.clone().unwrap_or_else(|| {
                std::env::temp_dir().join(format!("spacekg-bench-{}", std::process::id()))
            });
            let opts = bench::BenchOptions {
                sizes,
                seed: *seed,
                work_dir: work_dir.clone(),
                queries_dir: queries.clone(),
                query_runs: *runs,
                threads: ingest::default_threads(),
                keep: *keep,
            };
            let results = bench::run(&kb, &opts, &mut |m| eprintln!("bench: {m}"));
            if dir.is_none() && !keep {
                let _ = std::fs::remove_dir_all(&work_dir);
            }
            print!("{}", bench::markdown(&results?));
            Ok(0)
        }
        Command::Generate { count, seed, out } => {
            let kb = knowledge(&cli)?;
            let report = generate::write_releases(&kb, *count, *seed, out)?;
            println!(
                "{} releases, {} bytes written to {}",
                report.files.len(),
                report.bytes,
                out.display()
            );
            Ok(0)
        }
    }
}
