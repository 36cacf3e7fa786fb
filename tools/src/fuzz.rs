//! The fuzz harness: inputs made from seed releases (the sample corpus, any folders of releases
//! given, such as ones `spacekg generate` wrote, and HTML pages made of them) by random mutations, plus random bytes, token soup and
//! hostile shapes (deep nesting, endless paragraphs, many attributes). Each input goes through
//! the text or HTML reader, the date reader and the extractor (with the document's quads);
//! the harness counts panics, pages whose nesting the reader's pre-parse scan underestimates,
//! and the time each input takes per 100 KB.
//!
//! Input `i` of seed `s` is the same on every run and thread count, so a finding is
//! reproduced with `spacekg-fuzz --seed s --replay i`.

use arbitrary::{Arbitrary, Unstructured};
use spacekg::reading::{self, check_shape};
use spacekg::{date, rdf, Extractor, Knowledge};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Releases and pages that mutations start from.
pub struct Seeds {
    pub texts: Vec<String>,
    pub pages: Vec<String>,
}

impl Seeds {
    /// The `.txt` releases of `dirs`, and an HTML page made of each.
    pub fn load(dirs: &[PathBuf]) -> anyhow::Result<Self> {
        let mut texts = Vec::new();
        for d in dirs {
            let mut files: Vec<PathBuf> = std::fs::read_dir(d)
                .map_err(|e| anyhow::anyhow!("{}: {e}", d.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            for f in files {
                texts.push(std::fs::read_to_string(&f)?);
            }
        }
        anyhow::ensure!(!texts.is_empty(), "no seed releases");
        let pages = texts
            .iter()
            .enumerate()
            .map(|(i, t)| page_of(t, i))
            .collect();
        Ok(Seeds { texts, pages })
    }
}

/// A saved web page holding a release: metadata, navigation, the article's paragraphs.
pub fn page_of(text: &str, variant: usize) -> String {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap_or("").trim().to_string();
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut page = format!(
        "<!DOCTYPE html><html><head><title>Site | {t}</title>\n\
         <meta property=\"og:title\" content=\"{t}\">\n\
         <meta property=\"article:published_time\" content=\"2024-0{m}-1{d}T08:00:00Z\">\n\
         <meta name=\"author\" content=\"Staff Sgt. Lee Park\">\n\
         <meta property=\"og:site_name\" content=\"Public Affairs\">\n\
         <style>p {{ margin: 0 }}</style><script>var x = '<p>not text</p>';</script>\n\
         </head><body><nav><ul><li><a href=\"/\">Home</a><li><a href=\"/news\">News</a></ul></nav>\n\
         <main><article><h1>{t}</h1>\n",
        t = esc(&title),
        m = 1 + variant % 9,
        d = variant % 10
    );
    for (k, l) in lines.enumerate() {
        let l = esc(l.trim());
        match (k + variant) % 7 {
            0 => page.push_str(&format!("<p><b>{l}</b></p>\n")),
            1 => page.push_str(&format!("<div class=\"x\"><p>{l}</p></div>\n")),
            2 => page.push_str(&format!("<blockquote><p>{l}</p></blockquote>\n")),
            3 => page.push_str(&format!("<p>{l}\n")),
            _ => page.push_str(&format!("<p>{l}</p>\n")),
        }
    }
    page.push_str(
        "<svg width=\"10\"><path d=\"M0 0\"/><circle r=\"2\"/></svg>\n\
         </article></main><footer><p>Contact us</p></footer></body></html>\n",
    );
    page
}

/// Words and marks releases and pages are made of, which mutations insert.
const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    " -- ",
    " — ",
    "•",
    "* ",
    "  • Published ",
    "  • By ",
    "“",
    "”",
    "\"",
    "’",
    "(",
    ")",
    ",",
    ".",
    ". ",
    "?",
    "!",
    ":",
    ";",
    "/PRNewswire/",
    "U.S.",
    "Gen.",
    "Lt. Gen.",
    "Brig. Gen.",
    "Dr.",
    "Mr.",
    "Jan.",
    "Sept.",
    "Dec. 14, 2022",
    "15 July 2024",
    "May 8-9",
    "2024-05-09",
    "on Wednesday",
    "today",
    "next week",
    "last month",
    "2023",
    "31",
    "0",
    "-1",
    "said",
    "signed",
    "hosted",
    "the",
    "of",
    "and",
    "Japan",
    "the United States",
    "Republic of Korea",
    "Space Force",
    "NASA",
    "ESA",
    "U.S. Space Command",
    "Artemis Accords",
    "Mastalir",
    "commander of",
    "WASHINGTON",
    "TOKYO, Japan",
    "Colorado Springs, Colo.",
    "\r\n",
    "\r",
    "\t",
    "\u{feff}",
    "\u{00a0}",
    "\u{200b}",
    "é",
    "日本",
    "🚀",
    "\u{0301}",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<b>",
    "</b>",
    "<i>",
    "<a href=x>",
    "</a>",
    "<li>",
    "<ul>",
    "<table>",
    "<td>",
    "<tr>",
    "<svg>",
    "</svg>",
    "<math>",
    "<foreignObject>",
    "<path/>",
    "<br/>",
    "<div/>",
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "<script>",
    "</script>",
    "<style>",
    "<title>",
    "<textarea>",
    "<plaintext>",
    "<![CDATA[",
    "]]>",
    "</ x>",
    "</>",
    "<p x=\"a>b\">",
    "<p x\"=y>",
    "&amp;",
    "&lt;",
    "&#x1F680;",
    "&nbsp",
    "<article>",
    "<main>",
    "<nav>",
    "<meta property=\"og:title\" content=\"T\">",
    "<time datetime=\"2024-01-02\">",
];

/// One change to an input.
#[derive(Debug, Arbitrary)]
enum Mutation {
    Flip {
        at: u32,
        byte: u8,
    },
    Token {
        at: u32,
        token: u16,
    },
    Bytes {
        at: u32,
        bytes: [u8; 6],
    },
    Delete {
        at: u32,
        len: u16,
    },
    Duplicate {
        at: u32,
        len: u16,
        times: u8,
    },
    Splice {
        other: u16,
        from: u32,
        len: u16,
        at: u32,
    },
    Truncate {
        at: u32,
    },
    SwapCase {
        at: u32,
        len: u16,
    },
}

/// A shape that stresses one limit or one loop of the readers.
#[derive(Debug, Arbitrary)]
enum Hostile {
    /// Nested elements (`<div>` and others, closed or not).
    Nest { tag: u8, depth: u32, closed: bool },
    /// Formatting elements reopened by every block that follows.
    Reopen { open: u8, blocks: u16 },
    /// One paragraph of many sentences.
    LongParagraph { sentences: u16 },
    /// Many short paragraphs.
    ManyParagraphs { count: u16 },
    /// One element with many attributes.
    Attributes { count: u16 },
    /// A line without spaces or breaks.
    LongWord { len: u32 },
    /// Many header lines before the body.
    Header { lines: u16 },
    /// Quotation marks without end.
    Quotes { count: u16 },
    /// Capitalized words without end (a name that never stops).
    Capitals { count: u16 },
}

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    /// Raw bytes, read both ways.
    Both,
}

/// One input of the run.
#[derive(Debug, Clone)]
pub struct Input {
    pub bytes: Vec<u8>,
    pub kind: Kind,
}

/// A small, fast pseudo-random generator (SplitMix64): the same seed gives the same stream
/// on every platform, so input `i` of seed `s` is always the same.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Largest input the mutations grow (hostile shapes may be larger: the readers refuse them).
const MAX_MUTATED: usize = 64 * 1024;

fn entropy(rng: &mut Rng, n: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity(n + 8);
    while v.len() < n {
        v.extend_from_slice(&rng.next_u64().to_le_bytes());
    }
    v.truncate(n);
    v
}

/// The input `index` of a run with `seed`.
pub fn make_input(seeds: &Seeds, seed: u64, index: u64) -> Input {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let roll = rng.below(100);
    let bytes = entropy(&mut rng, 1024);
    let mut u = Unstructured::new(&bytes);
    match roll {
        0..=44 => {
            let base = rng.pick(&seeds.texts).as_bytes().to_vec();
            Input {
                bytes: mutate(base, seeds, &mut u, &mut rng),
                kind: Kind::Text,
            }
        }
        45..=74 => {
            let base = rng.pick(&seeds.pages).as_bytes().to_vec();
            Input {
                bytes: mutate(base, seeds, &mut u, &mut rng),
                kind: Kind::Html,
            }
        }
        75..=84 => {
            let n = rng.below(4096);
            Input {
                bytes: entropy(&mut rng, n),
                kind: Kind::Both,
            }
        }
        85..=94 => {
            let n = 1 + rng.below(3000);
            let mut s = String::new();
            for _ in 0..n {
                let token: &str = TOKENS[rng.below(TOKENS.len())];
                s.push_str(token);
                if rng.chance(30) {
                    s.push(' ');
                }
            }
            let kind = if rng.chance(50) {
                Kind::Html
            } else {
                Kind::Text
            };
            Input {
                bytes: s.into_bytes(),
                kind,
            }
        }
        _ => {
            let shape = Hostile::arbitrary(&mut u).unwrap_or(Hostile::LongWord { len: 1 });
            hostile(shape, seeds, &mut rng)
        }
    }
}

fn mutate(mut b: Vec<u8>, seeds: &Seeds, u: &mut Unstructured<'_>, rng: &mut Rng) -> Vec<u8> {
    let n = u.int_in_range(0..=8u8).unwrap_or(1);
    for _ in 0..n {
        let Ok(m) = Mutation::arbitrary(u) else {
            break;
        };
        let len = b.len();
        let at = |x: u32| if len == 0 { 0 } else { x as usize % (len + 1) };
        match m {
            Mutation::Flip { at: a, byte } => {
                if len > 0 {
                    let k = a as usize % len;
                    b[k] = byte;
                }
            }
            Mutation::Token { at: a, token } => {
                let t = TOKENS[token as usize % TOKENS.len()].as_bytes();
                let k = at(a);
                b.splice(k..k, t.iter().copied());
            }
            Mutation::Bytes { at: a, bytes } => {
                let k = at(a);
                b.splice(k..k, bytes);
            }
            Mutation::Delete { at: a, len: l } => {
                let k = at(a);
                let end = (k + l as usize).min(len);
                b.drain(k..end);
            }
            Mutation::Duplicate {
                at: a,
                len: l,
                times,
            } => {
                let k = at(a);
                let end = (k + l as usize).min(len);
                let piece = b[k..end].to_vec();
                let times = (times as usize % 64).min(MAX_MUTATED / piece.len().max(1));
                for _ in 0..times {
                    b.splice(end..end, piece.iter().copied());
                }
            }
            Mutation::Splice {
                other,
                from,
                len: l,
                at: a,
            } => {
                let o = if rng.chance(50) {
                    seeds.texts[other as usize % seeds.texts.len()].as_bytes()
                } else {
                    seeds.pages[other as usize % seeds.pages.len()].as_bytes()
                };
                let s = from as usize % o.len().max(1);
                let e = (s + l as usize).min(o.len());
                let k = at(a);
                b.splice(k..k, o[s..e].iter().copied());
            }
            Mutation::Truncate { at: a } => {
                let k = at(a);
                b.truncate(k);
            }
            Mutation::SwapCase { at: a, len: l } => {
                let k = at(a);
                let end = (k + l as usize).min(len);
                for c in &mut b[k..end] {
                    if c.is_ascii_alphabetic() {
                        *c ^= 0x20;
                    }
                }
            }
        }
        if b.len() > MAX_MUTATED {
            b.truncate(MAX_MUTATED);
        }
    }
    b
}

const NEST_TAGS: &[&str] = &[
    "div", "span", "b", "section", "table", "li", "p", "svg", "math", "font", "td", "a", "ul",
];

fn hostile(shape: Hostile, seeds: &Seeds, rng: &mut Rng) -> Input {
    let sentence = "The United States and Japan held the first Space Engagement Talks in Tokyo. ";
    let text = |s: String| Input {
        bytes: s.into_bytes(),
        kind: Kind::Text,
    };
    let html = |s: String| Input {
        bytes: s.into_bytes(),
        kind: Kind::Html,
    };
    match shape {
        Hostile::Nest { tag, depth, closed } => {
            let t = NEST_TAGS[tag as usize % NEST_TAGS.len()];
            let depth = depth as usize % 300_000;
            let mut s = String::from("<!DOCTYPE html><html><body><article><h1>Title</h1>");
            for k in 0..depth {
                s.push_str(&format!("<{t}>"));
                if k % 1000 == 0 {
                    s.push_str(sentence);
                }
            }
            if closed {
                for _ in 0..depth {
                    s.push_str(&format!("</{t}>"));
                }
            }
            s.push_str("</article></body></html>");
            html(s)
        }
        Hostile::Reopen { open, blocks } => {
            let mut s = String::from("<html><body><article><h1>Title</h1><div>");
            for k in 0..open as usize {
                s.push_str(&format!("<b class=c{k}>"));
            }
            for _ in 0..blocks {
                s.push_str("</div><div>x");
            }
            html(s)
        }
        Hostile::LongParagraph { sentences } => {
            let mut s = String::from("Title\n\nWASHINGTON -- ");
            for _ in 0..sentences {
                s.push_str(sentence);
            }
            text(s)
        }
        Hostile::ManyParagraphs { count } => {
            let mut s = String::from("Title\n\n");
            for _ in 0..count {
                s.push_str(sentence);
                s.push_str("\n\n");
            }
            text(s)
        }
        Hostile::Attributes { count } => {
            let mut s = String::from("<html><body><article><h1>Title</h1><p");
            for k in 0..count {
                s.push_str(&format!(" a{k}=\"{k}\""));
            }
            s.push_str(">Text of the release.</p></article></body></html>");
            html(s)
        }
        Hostile::LongWord { len } => {
            let len = len as usize % MAX_MUTATED;
            let c = *rng.pick(&["a", "A", ".", "-", "“", "<"]);
            text(format!("Title\n\n{}\n", c.repeat(len)))
        }
        Hostile::Header { lines } => {
            let mut s = String::from("Title\n");
            for k in 0..lines {
                s.push_str(&format!("  • Published Dec. {}, 2022\n", 1 + k % 28));
            }
            s.push_str("\nWASHINGTON -- ");
            s.push_str(sentence);
            text(s)
        }
        Hostile::Quotes { count } => {
            let mut s = String::from("Title\n\n");
            for _ in 0..count {
                s.push_str("“We will work together, ");
            }
            s.push_str("” Mastalir said.");
            text(s)
        }
        Hostile::Capitals { count } => {
            let base = rng.pick(&seeds.texts).clone();
            let mut s = base;
            for k in 0..count {
                s.push_str(if k % 2 == 0 { "Space " } else { "Force " });
            }
            s.push_str("said.");
            text(s)
        }
    }
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps each panic's message for the harness instead of printing it.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(message));
    }));
}

/// What one input found, besides its time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The reading or extraction panicked, with the message.
    Panic(String),
    /// The scan before parsing saw a page as much shallower than the parser built it.
    ShapeMiss { scanned: usize, parsed: usize },
}

/// The deepest element of a parsed page.
pub fn parsed_depth(html: &str) -> usize {
    let doc = scraper::Html::parse_document(html);
    let mut depth = 0usize;
    let mut deepest = 0;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ego_tree::iter::Edge::Close(_) => depth -= 1,
        }
    }
    deepest
}

/// Pages the depth check compares with a real parse (larger ones are only read).
const SHAPE_CHECK_BYTES: usize = 128 * 1024;

/// Runs one input through the readers, the date reader and the extractor.
pub fn run_target(kb: &Knowledge, extractor: &Extractor<'_>, input: &Input) -> Option<Finding> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let ways: &[bool] = match input.kind {
            Kind::Text => &[false],
            Kind::Html => &[true],
            Kind::Both => &[false, true],
        };
        for &html in ways {
            let name = if html { "fuzz.html" } else { "fuzz.txt" };
            if let Ok(release) = reading::read_bytes(name, &input.bytes, html) {
                let extraction = extractor.extract(&release);
                let (_doc, quads) = rdf::document_quads(&release, &extraction, kb);
                std::hint::black_box(quads.len());
            }
        }
        let text = String::from_utf8_lossy(&input.bytes);
        let reference = date::Date::new(2024, 2, 29);
        std::hint::black_box(date::find_dates(&text, reference).len());
        for line in text.lines().take(200) {
            let line: String = line.chars().take(300).collect();
            std::hint::black_box(date::parse_date(&line));
            std::hint::black_box(date::Date::parse_iso(&line));
        }
        if input.kind != Kind::Text && input.bytes.len() <= SHAPE_CHECK_BYTES {
            if let Ok(html) = std::str::from_utf8(&input.bytes) {
                if let Ok(shape) = check_shape(html) {
                    let parsed = parsed_depth(html);
                    if parsed > 2 * shape.depth + 8 {
                        return Some(Finding::ShapeMiss {
                            scanned: shape.depth,
                            parsed,
                        });
                    }
                }
            }
        }
        None
    }));
    match result {
        Ok(found) => found,
        Err(_) => Some(Finding::Panic(
            LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| "a panic without a message".into()),
        )),
    }
}

/// Sizes below this count as this size when a time is turned into seconds per 100 KB (a
/// tiny input's fixed costs are no measure of its growth).
pub const FLOOR_BYTES: usize = 10 * 1024;

/// Seconds per 100 KB of input.
pub fn rate(took: Duration, bytes: usize) -> f64 {
    took.as_secs_f64() * 100.0 * 1024.0 / bytes.max(FLOOR_BYTES) as f64
}

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: u64,
    pub seed: u64,
    pub threads: usize,
    /// Seconds per 100 KB above which an input is a finding.
    pub max_rate: f64,
    /// Where inputs of findings are written.
    pub out: PathBuf,
    /// An input running longer than this stops the run (its bytes are written first).
    pub hang: Duration,
    /// How often a status line is printed (never when None).
    pub status_every: Option<Duration>,
}

/// The slowest input of a run.
#[derive(Debug, Clone, Default)]
pub struct Slowest {
    pub index: u64,
    pub bytes: usize,
    pub took: Duration,
    pub rate: f64,
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Summary {
    pub inputs: u64,
    pub bytes: u64,
    pub panics: u64,
    pub shape_misses: u64,
    /// Inputs slower than `max_rate` even at the best of three runs.
    pub slow: u64,
    pub slowest: Slowest,
    pub largest: usize,
    pub elapsed: Duration,
    /// Files written for findings.
    pub saved: Vec<PathBuf>,
}

impl Summary {
    pub fn clean(&self) -> bool {
        self.panics == 0 && self.shape_misses == 0 && self.slow == 0
    }
}

fn save(out: &Path, what: &str, index: u64, input: &Input, note: &str) -> Option<PathBuf> {
    std::fs::create_dir_all(out).ok()?;
    let ext = match input.kind {
        Kind::Text => "txt",
        Kind::Html => "html",
        Kind::Both => "bin",
    };
    let path = out.join(format!("{what}-{index}.{ext}"));
    std::fs::write(&path, &input.bytes).ok()?;
    let _ = std::fs::write(out.join(format!("{what}-{index}.note")), note);
    Some(path)
}

/// Runs `config.inputs` inputs through `target` on `config.threads` threads.
pub fn run(
    config: &Config,
    seeds: &Seeds,
    target: &(dyn Fn(&Input) -> Option<Finding> + Sync),
) -> Summary {
    let next = AtomicU64::new(0);
    let started = Instant::now();
    let summary = Mutex::new(Summary::default());
    // What each thread is running: (index, since when, bytes).
    let current: Vec<Running> = (0..config.threads.max(1))
        .map(|_| Mutex::new(None))
        .collect();
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| watch(config, &current, &done, &summary, started));
        let workers: Vec<_> = (0..config.threads.max(1))
            .map(|t| {
                let (next, summary, current) = (&next, &summary, &current);
                s.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= config.inputs {
                        return;
                    }
                    let input = make_input(seeds, config.seed, i);
                    if let Ok(mut c) = current[t].lock() {
                        *c = Some((i, Instant::now(), input.clone()));
                    }
                    let t0 = thread_cpu();
                    let found = target(&input);
                    let mut took = thread_cpu().saturating_sub(t0);
                    let mut r = rate(took, input.bytes.len());
                    // Time is the thread's CPU time, so other processes on the machine do
                    // not count; a slow input is still timed twice more and keeps its best.
                    for _ in 0..2 {
                        if r <= config.max_rate {
                            break;
                        }
                        let t1 = thread_cpu();
                        target(&input);
                        took = took.min(thread_cpu().saturating_sub(t1));
                        r = rate(took, input.bytes.len());
                    }
                    let Ok(mut sum) = summary.lock() else {
                        return;
                    };
                    sum.inputs += 1;
                    sum.bytes += input.bytes.len() as u64;
                    sum.largest = sum.largest.max(input.bytes.len());
                    if r > sum.slowest.rate {
                        sum.slowest = Slowest {
                            index: i,
                            bytes: input.bytes.len(),
                            took,
                            rate: r,
                        };
                    }
                    if r > config.max_rate {
                        sum.slow += 1;
                        let note = format!(
                            "{:.3} s for {} bytes",
                            took.as_secs_f64(),
                            input.bytes.len()
                        );
                        if let Some(p) = save(&config.out, "slow", i, &input, &note) {
                            sum.saved.push(p);
                        }
                    }
                    match found {
                        Some(Finding::Panic(msg)) => {
                            sum.panics += 1;
                            if let Some(p) = save(&config.out, "panic", i, &input, &msg) {
                                sum.saved.push(p);
                            }
                        }
                        Some(Finding::ShapeMiss { scanned, parsed }) => {
                            sum.shape_misses += 1;
                            let note = format!("scanned depth {scanned}, parsed depth {parsed}");
                            if let Some(p) = save(&config.out, "shape", i, &input, &note) {
                                sum.saved.push(p);
                            }
                        }
                        None => {}
                    }
                })
            })
            .collect();
        for w in workers {
            let _ = w.join();
        }
        done.store(true, Ordering::SeqCst);
    });
    let mut sum = summary.into_inner().unwrap_or_default();
    sum.elapsed = started.elapsed();
    sum
}

/// The CPU time the calling thread has used.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant of the platform.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if ok {
        Duration::new(
            ts.tv_sec.max(0) as u64,
            ts.tv_nsec.clamp(0, 999_999_999) as u32,
        )
    } else {
        Duration::ZERO
    }
}

/// What one worker is doing: the input's number, when it started, and the input.
type Running = Mutex<Option<(u64, Instant, Input)>>;

/// Prints a status line now and then, and stops the process when an input hangs.
fn watch(
    config: &Config,
    current: &[Running],
    done: &AtomicBool,
    summary: &Mutex<Summary>,
    started: Instant,
) {
    let mut last_status = Instant::now();
    while !done.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(200));
        for c in current {
            let Ok(c) = c.lock() else { continue };
            if let Some((i, since, input)) = c.as_ref() {
                if since.elapsed() > config.hang {
                    let note = format!("still running after {:?}", since.elapsed());
                    let path = save(&config.out, "hang", *i, input, &note);
                    eprintln!(
                        "spacekg-fuzz: input {i} ({} bytes) runs longer than {:?}; written to {}",
                        input.bytes.len(),
                        config.hang,
                        path.map(|p| p.display().to_string()).unwrap_or_default()
                    );
                    std::process::exit(3);
                }
            }
        }
        if let Some(every) = config.status_every {
            if last_status.elapsed() >= every {
                last_status = Instant::now();
                if let Ok(s) = summary.lock() {
                    eprintln!(
                        "spacekg-fuzz: {} inputs in {:.0} s, {} panics, slowest {:.4} s per 100 KB",
                        s.inputs,
                        started.elapsed().as_secs_f64(),
                        s.panics,
                        s.slowest.rate
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Seeds {
        let texts = vec![
            "US, Japan hold talks\n\nTOKYO, Japan (May 2, 2024) -- The United States and \
             Japan held space talks.\n"
                .to_string(),
        ];
        let pages = texts.iter().map(|t| page_of(t, 0)).collect();
        Seeds { texts, pages }
    }

    fn config(inputs: u64, out: &Path) -> Config {
        Config {
            inputs,
            seed: 3,
            threads: 2,
            max_rate: 1.0,
            out: out.to_path_buf(),
            hang: Duration::from_secs(60),
            status_every: None,
        }
    }

    #[test]
    fn the_same_seed_and_index_give_the_same_input() {
        let s = seeds();
        for i in 0..200 {
            let (a, b) = (make_input(&s, 9, i), make_input(&s, 9, i));
            assert_eq!(a.bytes, b.bytes);
            assert_eq!(a.kind, b.kind);
        }
        let kinds: std::collections::HashSet<_> = (0..400)
            .map(|i| format!("{:?}", make_input(&s, 9, i).kind))
            .collect();
        assert_eq!(kinds.len(), 3, "text, HTML and raw bytes are all made");
    }

    #[test]
    fn panics_and_slow_inputs_are_counted_and_saved() {
        quiet_panics();
        let dir = std::env::temp_dir().join(format!("spacekg-fuzz-test-{}", std::process::id()));
        let s = seeds();
        // Inputs 5 and 7 go wrong: one panics, one takes 300 ms (3 s per 100 KB at least).
        let target = |input: &Input| -> Option<Finding> {
            let i5 = make_input(&s, 3, 5);
            let i7 = make_input(&s, 3, 7);
            if input.bytes == i5.bytes {
                return run_caught(|| panic!("boom at five"));
            }
            if input.bytes == i7.bytes {
                // Busy for 300 ms of CPU time (slowness is measured in CPU time).
                let start = thread_cpu();
                let mut x = 0u64;
                while thread_cpu().saturating_sub(start) < Duration::from_millis(300) {
                    x = std::hint::black_box(x.wrapping_add(1));
                }
            }
            None
        };
        let sum = run(&config(20, &dir), &s, &target);
        assert_eq!(sum.inputs, 20);
        assert_eq!(sum.panics, 1);
        assert_eq!(sum.slow, 1);
        assert_eq!(sum.slowest.index, 7);
        assert!(sum.slowest.rate >= 2.9, "{:?}", sum.slowest);
        assert!(!sum.clean());
        let panic_note = std::fs::read_to_string(dir.join("panic-5.note")).expect("saved");
        assert!(panic_note.contains("boom at five"), "{panic_note}");
        assert!(sum.saved.iter().any(|p| p.ends_with(format!(
            "slow-7.{}",
            match make_input(&s, 3, 7).kind {
                Kind::Text => "txt",
                Kind::Html => "html",
                Kind::Both => "bin",
            }
        ))));
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn run_caught(f: impl FnOnce() + std::panic::UnwindSafe) -> Option<Finding> {
        match std::panic::catch_unwind(f) {
            Ok(()) => None,
            Err(_) => Some(Finding::Panic(
                LAST_PANIC
                    .with(|p| p.borrow_mut().take())
                    .unwrap_or_default(),
            )),
        }
    }

    /// The short run CI makes (the long runs are made with `spacekg-fuzz`, which also fails
    /// on slow inputs; their figures are reported in docs/BENCHMARKS.md). The seed is fixed so
    /// that CI is repeatable; `SPACEKG_FUZZ_SEED` and `SPACEKG_FUZZ_INPUTS` change it. Times
    /// are printed, not asserted (a debug build on a shared machine); an input running two
    /// minutes stops the run.
    #[test]
    fn a_short_run_through_the_real_readers_and_extractor_finds_nothing() {
        let env = |k: &str, default: u64| {
            std::env::var(k)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        let kb = Knowledge::load(&[]).expect("knowledge");
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let seeds = Seeds::load(&[root.join("data/releases")]).expect("seeds");
        let extractor = Extractor::new(&kb);
        quiet_panics();
        let out = std::env::temp_dir().join(format!("spacekg-fuzz-ci-{}", std::process::id()));
        let config = Config {
            inputs: env("SPACEKG_FUZZ_INPUTS", 3000),
            seed: env("SPACEKG_FUZZ_SEED", 1),
            threads: 2,
            max_rate: f64::INFINITY,
            out: out.clone(),
            hang: Duration::from_secs(120),
            status_every: None,
        };
        let sum = run(&config, &seeds, &|input| run_target(&kb, &extractor, input));
        eprintln!(
            "short fuzz run: {} inputs, {} bytes, {} panics, {} scan misses, slowest {:.4} s per 100 KB (input {}, {} bytes), {:.1} s",
            sum.inputs,
            sum.bytes,
            sum.panics,
            sum.shape_misses,
            sum.slowest.rate,
            sum.slowest.index,
            sum.slowest.bytes,
            sum.elapsed.as_secs_f64()
        );
        assert_eq!(sum.inputs, config.inputs);
        assert!(
            sum.panics == 0 && sum.shape_misses == 0,
            "findings written to {}: {:?}",
            out.display(),
            sum.saved
        );
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn the_scan_of_a_nested_page_agrees_with_its_parse() {
        let page = format!("<html><body>{}</body></html>", "<div>".repeat(200));
        let shape = check_shape(&page).expect("within the limits");
        let parsed = parsed_depth(&page);
        assert!(
            parsed >= 200 && parsed <= 2 * shape.depth + 8,
            "{parsed} {shape:?}"
        );
    }
}
