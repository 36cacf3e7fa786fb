//! The command line: flags parsed with clap, each command one library call.

mod bench;
mod eval;
mod generate;
mod terminal;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use spacekg::ingest::control::StopFlag;
use spacekg::ingest::reextract;
use spacekg::knowledge::ontology;
use spacekg::reading::selection::Selection;
use spacekg::store::shacl;
use spacekg::store::{GraphStore, ResultFormat};
use spacekg::{ingest, views, EmbeddedStore, Knowledge};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use terminal::Display;

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
    /// A folder of ontology extension files (.ttl) loaded beside the core ontology
    /// [default: ./spacekg-ontology when that folder exists].
    #[arg(long, global = true, env = "SPACEKG_ONTOLOGY")]
    ontology: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest releases (.txt, .md, .html; files or folders) into the store. Ctrl-C stops
    /// at the next safe point: what was read is stored, and the same command run again
    /// ingests the rest.
    Ingest {
        /// Files or folders of releases.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Read only the files in the folders that match GLOB (matched against the path below
        /// the folder given and against the file name; `*` matches across folders), even
        /// documentation (README.md) or Markdown without a dateline. Repeatable.
        #[arg(long, value_name = "GLOB")]
        include: Vec<String>,
        /// Leave out the files that match GLOB. Repeatable.
        #[arg(long, value_name = "GLOB")]
        exclude: Vec<String>,
        /// Quads gathered before new documents go to the bulk write (tests use small values).
        #[arg(long, hide = true, default_value_t = ingest::BATCH_QUADS)]
        batch_quads: usize,
        /// Quads handed to one bulk write before it is committed.
        #[arg(long, hide = true, default_value_t = ingest::COMMIT_QUADS)]
        commit_quads: usize,
    },
    /// Show what extraction finds in releases (entities, relations with their rule and
    /// sentence, quotes), without a store.
    Extract {
        /// Files or folders of releases.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Run a SPARQL query (the default graph is the merge of all graphs, each triple once).
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
    /// Sizes of the store: documents, entities by type, facts, quotes, size on disk.
    Stats,
    /// Score extraction against gold annotations (NAME.gold.json beside NAME.txt, in the
    /// corpus GUIDE's format); each release is extracted alone, no store is used.
    Eval {
        /// The folder of NAME.gold.json files.
        gold_dir: PathBuf,
        /// The folder of the releases NAME.txt (default: the gold folder).
        #[arg(long)]
        releases: Option<PathBuf>,
        /// List every miss and extra of each release.
        #[arg(long, short = 'v')]
        verbose: bool,
        /// Write the per-release scores to this JSON file.
        #[arg(long)]
        json: Option<PathBuf>,
        /// Print each extraction rule's facts, precision and confidence after the table.
        #[arg(long)]
        rules: bool,
        /// Write the rules' confidence file (the format of data/confidence.tsv) here.
        #[arg(long, value_name = "FILE")]
        confidence_out: Option<PathBuf>,
    },
    /// Run extraction again over every stored release with the current ontology and
    /// extensions; report new, retyped and removed facts. Ctrl-C stops between documents.
    Reextract {
        /// List every changed fact, not only the counts per document.
        #[arg(long, short = 'v')]
        verbose: bool,
    },
    /// Check the store against the SHACL shapes (ontology/shapes.ttl); exit code 1 on
    /// violations.
    Validate {
        /// Shapes to use instead of the bundled ones (Turtle, same SHACL subset).
        #[arg(long)]
        shapes: Option<PathBuf>,
    },
    /// Check, list or document the ontology (core and extensions).
    Ontology {
        #[command(subcommand)]
        action: OntologyAction,
    },
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
enum OntologyAction {
    /// Check a folder of extension files; each problem with its file and line. Exit code 1
    /// when there are problems.
    Check {
        /// The folder (default: --ontology, SPACEKG_ONTOLOGY or ./spacekg-ontology).
        dir: Option<PathBuf>,
    },
    /// The classes and properties, core and extension, as an indented tree.
    List,
    /// Write the ontology's reference page in Markdown (docs/ontology.md) from its labels
    /// and comments.
    Doc {
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
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
    /// Keep only facts whose confidence (their rule's measured precision, 0 to 1) is at
    /// least this.
    #[arg(long, global = true, value_name = "C")]
    min_confidence: Option<f64>,
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
    // Every error of opening names the store; a held lock says the same for every command.
    let store = EmbeddedStore::open(&cli.store)?;
    let left = store.leftovers_removed();
    if left.files > 0 {
        eprintln!(
            "removed {} bulk-load file{} ({}) that an interrupted run left in {}",
            left.files,
            if left.files == 1 { "" } else { "s" },
            human_bytes(left.bytes),
            cli.store.display()
        );
    }
    Ok(store)
}

/// Bytes as a person reads them (MiB with one decimal, or bytes when small).
fn human_bytes(b: u64) -> String {
    if b < 1024 * 1024 {
        format!("{b} bytes")
    } else {
        format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0))
    }
}

/// Exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
const INTERRUPTED: i32 = 130;

/// Ctrl-C (or SIGTERM) presses so far.
static PRESSES: AtomicUsize = AtomicUsize::new(0);

/// The signal handler: it may only use what is async-signal-safe (an atomic, `write`,
/// `_exit`).
extern "C" fn on_interrupt(_signal: libc::c_int) {
    let (message, abort): (&[u8], bool) = if PRESSES.fetch_add(1, Ordering::SeqCst) == 0 {
        (
            b"\nspacekg: stopping at the next safe point: what was read is being stored (press Ctrl-C again to abort at once)\n",
            false,
        )
    } else {
        (
            b"spacekg: aborted; run the same command again to complete it\n",
            true,
        )
    };
    // SAFETY: write(2) and _exit(2) are async-signal-safe; the buffer is a static string.
    unsafe {
        libc::write(2, message.as_ptr().cast(), message.len());
        if abort {
            libc::_exit(INTERRUPTED);
        }
    }
}

/// Ctrl-C (and SIGTERM) ask the work to stop at its next safe point; a second one ends the
/// process at once (a bulk write then leaves files that the next open of the store removes).
fn stop_on_ctrl_c() -> Result<StopFlag> {
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // SAFETY: a zeroed sigaction is a valid empty one; the handler is an extern "C" fn
        // that lives for the whole program.
        let installed = unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut())
        };
        if installed != 0 {
            bail!(
                "cannot install the Ctrl-C handler: {}",
                std::io::Error::last_os_error()
            );
        }
    }
    // The handler only counts; this thread turns the count into the stop request.
    let stop = StopFlag::new();
    let flag = stop.clone();
    std::thread::spawn(move || loop {
        if PRESSES.load(Ordering::SeqCst) > 0 {
            flag.request();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    });
    Ok(stop)
}

/// The folder of ontology extensions used when neither --ontology nor SPACEKG_ONTOLOGY is
/// given, and only when it exists.
const DEFAULT_ONTOLOGY_DIR: &str = "spacekg-ontology";

/// The extension folder: the one given (which must exist), else the default if present.
fn extension_dirs(cli: &Cli) -> Result<Vec<PathBuf>> {
    match &cli.ontology {
        Some(d) if !d.is_dir() => bail!(
            "the ontology extension folder {} does not exist or is not a folder",
            d.display()
        ),
        Some(d) => Ok(vec![d.clone()]),
        None => {
            let d = PathBuf::from(DEFAULT_ONTOLOGY_DIR);
            Ok(if d.is_dir() { vec![d] } else { Vec::new() })
        }
    }
}

fn knowledge(cli: &Cli) -> Result<Knowledge> {
    let dirs = extension_dirs(cli)?;
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
        Command::Extract { paths } => {
            let kb = knowledge(&cli)?;
            let extractor = spacekg::Extractor::new(&kb);
            let (files, skipped) = spacekg::reading::collect_files(paths);
            for (p, why) in &skipped {
                eprintln!("skipped {}: {why}", p.display());
            }
            let mut out = output(&None)?;
            let mut failed = 0;
            for f in &files {
                match spacekg::reading::read_path(f) {
                    Ok(release) => {
                        let x = extractor.extract(&release);
                        out.write_all(spacekg::extract::describe(&release, &x).as_bytes())?;
                    }
                    Err(e) => {
                        failed += 1;
                        eprintln!(
                            "failed {}: {}",
                            f.display(),
                            spacekg::store::error::with_causes(&e)
                        );
                    }
                }
            }
            out.flush()?;
            Ok(if failed == 0 { 0 } else { 1 })
        }
        Command::Ingest {
            paths,
            include,
            exclude,
            batch_quads,
            commit_quads,
        } => {
            let selection = Selection::new(include, exclude)?;
            let kb = knowledge(&cli)?;
            let store = open_store(&cli)?;
            let stop = stop_on_ctrl_c()?;
            let display = Display::new("files");
            let observer = |e: &spacekg::ingest::control::Event| display.event(e);
            let options = ingest::IngestOptions {
                batch_quads: *batch_quads,
                commit_quads: *commit_quads,
                selection,
                stop: Some(stop),
                observer: Some(&observer),
                ..ingest::IngestOptions::default()
            };
            let report = ingest::ingest(&store, &kb, paths, &options);
            display.finish();
            let report = report?;
            for (p, why) in &report.skipped {
                eprintln!("skipped {}: {why}", p.display());
            }
            if report.not_included > 0 {
                eprintln!(
                    "{} file{} in the folders matched no --include glob",
                    report.not_included,
                    if report.not_included == 1 { "" } else { "s" }
                );
            }
            for (p, why) in &report.failed {
                eprintln!("failed {}: {why}", p.display());
            }
            println!(
                "documents: {} new, {} replaced, {} unchanged, {} failed, {} skipped; {} entities, {} triples written",
                report.new.len(),
                report.replaced.len(),
                report.unchanged.len(),
                report.failed.len(),
                report.skipped.len(),
                report.entities,
                report.quads
            );
            if report.interrupted {
                eprintln!(
                    "interrupted: {} documents stored by this run, {} files not read; run the same command again to ingest the rest",
                    report.stored(),
                    report.not_reached
                );
                return Ok(INTERRUPTED);
            }
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
                min_confidence: opts.min_confidence,
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
            println!("merged triples: {}", s.merged);
            for (t, n) in &s.entities_by_type {
                println!("entities {t}: {n}");
            }
            println!("facts: {}", s.relations);
            println!("quotes: {}", s.quotes);
            if let Some(b) = s.disk_bytes {
                println!("size on disk: {} ({b} bytes)", human_bytes(b));
            }
            Ok(0)
        }
        Command::Eval {
            gold_dir,
            releases,
            verbose,
            json,
            rules,
            confidence_out,
        } => {
            let kb = knowledge(&cli)?;
            let report = eval::evaluate_dir(&kb, gold_dir, releases.as_deref())?;
            for g in &report.without_release {
                eprintln!("no release NAME.txt for {}: not scored", g.display());
            }
            if let Some(j) = json {
                let text = serde_json::to_string_pretty(&report.to_json())?;
                std::fs::write(j, text + "\n")
                    .with_context(|| format!("writing {}", j.display()))?;
            }
            if let Some(f) = confidence_out {
                std::fs::write(f, report.confidence_tsv())
                    .with_context(|| format!("writing {}", f.display()))?;
            }
            let mut out = output(&None)?;
            // The rules first: the summary line stays the last line.
            if *rules {
                out.write_all(report.render_rules().as_bytes())?;
                out.write_all(b"\n")?;
            }
            out.write_all(report.render(*verbose).as_bytes())?;
            out.flush()?;
            Ok(if report.failed() == 0 { 0 } else { 1 })
        }
        Command::Ontology { action } => match action {
            OntologyAction::Check { dir } => {
                let dir = match dir {
                    Some(d) => d.clone(),
                    None => match extension_dirs(&cli)?.pop() {
                        Some(d) => d,
                        None => bail!(
                            "no extension folder to check: give DIR, --ontology DIR, or create ./{DEFAULT_ONTOLOGY_DIR}"
                        ),
                    },
                };
                let files = ontology::read_folder(&dir)?;
                if files.is_empty() {
                    println!("{}: no .ttl files", dir.display());
                    return Ok(0);
                }
                let kb = Knowledge::load(&[]).context("loading the core ontology and data")?;
                let problems = ontology::check(&files, &kb);
                for p in &problems {
                    println!("{p}");
                }
                println!(
                    "{} file{} checked, {} problem{}",
                    files.len(),
                    if files.len() == 1 { "" } else { "s" },
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                );
                Ok(if problems.is_empty() { 0 } else { 1 })
            }
            OntologyAction::List => {
                let kb = knowledge(&cli)?;
                let (o, _) = ontology::Ontology::read(&ontology::extension_files(&kb));
                print!("{}", ontology::tree(&o));
                Ok(0)
            }
            OntologyAction::Doc { output: o } => {
                let kb = knowledge(&cli)?;
                let (onto, _) = ontology::Ontology::read(&ontology::extension_files(&kb));
                let mut out = output(o)?;
                out.write_all(ontology::markdown(&onto).as_bytes())?;
                out.flush()?;
                Ok(0)
            }
        },
        Command::Validate { shapes } => {
            let store = open_store(&cli)?;
            let custom = match shapes {
                Some(p) => Some((
                    p.display().to_string(),
                    std::fs::read_to_string(p)
                        .with_context(|| format!("reading {}", p.display()))?,
                )),
                None => None,
            };
            let report = shacl::validate(
                &store,
                custom.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
            )?;
            for r in &report.results {
                println!(
                    "{:?}: {} {}: {} [{}]",
                    r.severity, r.focus, r.path, r.message, r.shape
                );
            }
            let violations = report
                .results
                .iter()
                .filter(|r| r.severity == shacl::Severity::Violation)
                .count();
            println!(
                "{} focus nodes checked: {} violations, {} warnings or notes; {}",
                report.focus_nodes,
                violations,
                report.results.len() - violations,
                if report.conforms() {
                    "the graph conforms"
                } else {
                    "the graph does not conform"
                }
            );
            Ok(if report.conforms() { 0 } else { 1 })
        }
        Command::Reextract { verbose } => {
            let kb = knowledge(&cli)?;
            let store = open_store(&cli)?;
            let stop = stop_on_ctrl_c()?;
            let display = Display::new("documents");
            let observer = |e: &spacekg::ingest::control::Event| display.event(e);
            let report = reextract::reextract_with(&store, &kb, Some(&stop), Some(&observer));
            display.finish();
            let report = report?;
            print_reextract(&report, *verbose);
            if report.interrupted {
                eprintln!(
                    "interrupted: {} documents re-extracted ({} rewritten), {} not reached; run the same command again to finish",
                    report.documents.len() + report.failed.len(),
                    report.rewritten(),
                    report.not_reached
                );
                return Ok(INTERRUPTED);
            }
            Ok(if report.failed.is_empty() { 0 } else { 1 })
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
            let display = Display::new("files");
            let observer = |e: &spacekg::ingest::control::Event| display.event(e);
            let results = bench::run(
                &kb,
                &opts,
                &mut |m| display.note(&format!("bench: {m}")),
                Some(&observer),
            );
            display.finish();
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

fn print_reextract(report: &reextract::ReextractReport, verbose: bool) {
    let fact = |f: &reextract::FactText| format!("{} {} {}", f.0, f.1, f.2);
    for d in &report.documents {
        if d.is_empty() {
            continue;
        }
        println!(
            "{}: {} new facts, {} retyped, {} removed facts, {} new entities, {} removed entities",
            d.source,
            d.new_facts.len(),
            d.retyped.len(),
            d.removed_facts.len(),
            d.new_entities.len(),
            d.removed_entities.len()
        );
        for r in &d.retyped {
            println!(
                "  retyped {}{}: {} -> {}",
                r.entity,
                r.label
                    .as_ref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default(),
                r.before.join(" "),
                r.after.join(" ")
            );
        }
        if verbose {
            for f in &d.new_facts {
                println!("  + {}", fact(f));
            }
            for f in &d.removed_facts {
                println!("  - {}", fact(f));
            }
        }
    }
    for (src, why) in &report.failed {
        eprintln!("failed {src}: {why}");
    }
    println!(
        "documents: {} re-extracted, {} rewritten, {} failed; facts: {} new, {} removed; {} entities retyped",
        report.documents.len(),
        report.rewritten(),
        report.failed.len(),
        report.new_facts(),
        report.removed_facts(),
        report.retyped()
    );
}
