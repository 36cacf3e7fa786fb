//! `spacekg-fuzz`: runs random and mutated releases through spacekg's readers, date reader and
//! extractor, and reports inputs run, panics, and the slowest input per 100 KB. The exit code
//! is 1 when any input panicked, was slower than `--max-rate`, or was a page whose nesting the
//! reader's scan underestimated; each such input is written to `--out`.

use anyhow::Context;
use clap::Parser;
use spacekg::{Extractor, Knowledge};
use spacekg_tools::fuzz::{self, Config, Seeds};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "spacekg-fuzz", about = "Fuzz spacekg's readers and extractor")]
struct Args {
    /// Inputs to run.
    #[arg(long, default_value_t = 100_000)]
    inputs: u64,
    /// The run's seed (input i of seed s is always the same).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Worker threads (default: every core).
    #[arg(long)]
    threads: Option<usize>,
    /// Seconds per 100 KB above which an input counts as too slow (inputs under 10 KB count
    /// as 10 KB).
    #[arg(long, default_value_t = 1.0)]
    max_rate: f64,
    /// Folders of seed releases (.txt) besides the sample releases (for example synthetic
    /// ones: `spacekg generate 200 --out DIR`).
    #[arg(long)]
    corpus: Vec<PathBuf>,
    /// Where the inputs of findings are written.
    #[arg(long, default_value = "fuzz-findings")]
    out: PathBuf,
    /// Seconds after which a single input is taken as hung (the run stops).
    #[arg(long, default_value_t = 60)]
    hang: u64,
    /// Run only input INDEX of the seed, write it to --out and report its time.
    #[arg(long, value_name = "INDEX")]
    replay: Option<u64>,
    /// Print the depth the reader's scan sees in FILE and the depth a full parse builds.
    #[arg(long, value_name = "FILE")]
    shape: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(path) = &args.shape {
        let html =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let scanned = match spacekg::reading::check_shape(&html) {
            Ok(shape) => shape.depth.to_string(),
            Err(limit) => format!("refused ({limit:?})"),
        };
        println!("scanned {scanned} parsed {}", fuzz::parsed_depth(&html));
        return Ok(());
    }
    let kb = Knowledge::load(&[]).context("loading spacekg's knowledge")?;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs = vec![
        root.join("data/releases"),
        root.join("examples/extension/releases"),
    ];
    dirs.extend(args.corpus.iter().cloned());
    let seeds = Seeds::load(&dirs)?;
    let extractor = Extractor::new(&kb);
    fuzz::quiet_panics();
    let target = |input: &fuzz::Input| fuzz::run_target(&kb, &extractor, input);
    if let Some(i) = args.replay {
        let input = fuzz::make_input(&seeds, args.seed, i);
        std::fs::create_dir_all(&args.out)?;
        let path = args.out.join(format!("replay-{i}.bin"));
        std::fs::write(&path, &input.bytes)?;
        let t = std::time::Instant::now();
        let found = target(&input);
        let took = t.elapsed();
        println!(
            "input {i}: {:?}, {} bytes (written to {}), {:.4} s, {:.4} s per 100 KB, {}",
            input.kind,
            input.bytes.len(),
            path.display(),
            took.as_secs_f64(),
            fuzz::rate(took, input.bytes.len()),
            match found {
                None => "no finding".to_string(),
                Some(f) => format!("{f:?}"),
            }
        );
        return Ok(());
    }
    let config = Config {
        inputs: args.inputs,
        seed: args.seed,
        threads: args
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        max_rate: args.max_rate,
        out: args.out.clone(),
        hang: Duration::from_secs(args.hang),
        status_every: Some(Duration::from_secs(60)),
    };
    println!(
        "spacekg-fuzz: seed {}, {} inputs on {} threads, {} seed releases",
        config.seed,
        config.inputs,
        config.threads,
        seeds.texts.len()
    );
    let sum = fuzz::run(&config, &seeds, &target);
    println!(
        "inputs: {}, bytes: {} (largest {}), time: {:.1} s ({:.0} inputs/s)",
        sum.inputs,
        sum.bytes,
        sum.largest,
        sum.elapsed.as_secs_f64(),
        sum.inputs as f64 / sum.elapsed.as_secs_f64().max(1e-9)
    );
    println!(
        "panics: {}, scan misses: {}, slower than {} s per 100 KB: {}",
        sum.panics, sum.shape_misses, config.max_rate, sum.slow
    );
    println!(
        "slowest: input {} ({} bytes) in {:.4} s = {:.4} s per 100 KB",
        sum.slowest.index,
        sum.slowest.bytes,
        sum.slowest.took.as_secs_f64(),
        sum.slowest.rate
    );
    for p in &sum.saved {
        println!("written: {}", p.display());
    }
    if !sum.clean() {
        anyhow::bail!(
            "findings (see above); replay one with --seed {} --replay INDEX",
            config.seed
        );
    }
    Ok(())
}
