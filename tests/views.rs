//! The views through the real `spacekg` binary on the sample corpus: DOT snapshots of each
//! view, each DOT rendered by Graphviz without a warning, the SVG drawn without Graphviz,
//! narrowing by date and nation, names that match nothing or several things, `path` and
//! `rank`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_spacekg"));
    c.env_remove("SPACEKG_STORE")
        .env_remove("SPACEKG_ONTOLOGY")
        .env_remove("SPACEKG_NO_GRAPHVIZ");
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(store: &Path, args: &[&str]) -> Output {
    bin()
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .expect("the binary runs")
}

fn ok(store: &Path, args: &[&str]) -> String {
    let out = run(store, args);
    assert!(
        out.status.success(),
        "spacekg {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

/// The error of a command that must fail with exit code 2.
fn fails(store: &Path, args: &[&str]) -> String {
    let out = run(store, args);
    assert_eq!(out.status.code(), Some(2), "spacekg {args:?} should fail");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn graphviz() -> bool {
    Command::new("dot").arg("-V").output().is_ok()
}

/// Renders DOT with Graphviz; any error or warning fails the test.
fn render_cleanly(name: &str, dot: &str) {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("dot reads");
    let out = child.wait_with_output().expect("dot finishes");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && err.trim().is_empty(),
        "Graphviz on the {name} view: {err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("</svg>"));
}

/// Node labels of a DOT text (nodes `nN`), unescaped, one entry per line of a label.
fn node_label_lines(dot: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in dot.lines() {
        let t = line.trim_start();
        if !(t.starts_with('n') && t.contains(" [label=\""))
            || t.contains(" -- ")
            || t.contains(" -> ")
        {
            continue;
        }
        let start = t.find("[label=\"").expect("label") + 8;
        let mut label = String::new();
        let mut chars = t[start..].chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n') => label.push('\n'),
                    Some(x) => label.push(x),
                    None => break,
                },
                '"' => break,
                c => label.push(c),
            }
        }
        out.extend(label.lines().map(str::to_string));
    }
    out
}

/// Checks that every element of an XML document is closed in order.
fn assert_well_formed(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("every tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        if let Some(closing) = tag.strip_prefix('/') {
            let _ = closing;
            assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "tags nest");
        } else if !tag.ends_with('/') {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The sample corpus is ingested once; each check reads the same store in turn.
#[test]
fn views_on_the_sample_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = dir.path().join("store");
    let releases = root().join("data/releases");
    let out = ok(&s, &["ingest", releases.to_str().expect("path")]);
    assert!(out.contains("36 new"), "{out}");

    every_view_has_a_snapshot_that_graphviz_draws(&s, dir.path());
    the_svg_drawn_without_graphviz_holds_every_node(&s, dir.path());
    formats_follow_the_flag_or_the_file_name(&s, dir.path());
    views_narrow_by_date_and_nation(&s);
    names_that_match_nothing_or_several_things_say_so(&s);
    path_steps_carry_their_sentence_and_release(&s);
    for args in [
        vec!["diagram", "ego", "--help"],
        vec!["diagram", "event", "--help"],
        vec!["diagram", "org", "--help"],
        vec!["diagram", "timeline", "--help"],
        vec!["diagram", "initiative", "--help"],
        vec!["path", "--help"],
        vec!["rank", "--help"],
    ] {
        assert!(ok(&s, &args).contains("--store"), "{args:?}");
    }
    let err = fails(&s, &["diagram"]);
    assert!(err.contains("--construct"), "{err}");
    let select = dir.path().join("select.rq");
    std::fs::write(&select, "SELECT * WHERE { ?s ?p ?o } LIMIT 1").expect("query file");
    let err = fails(
        &s,
        &["diagram", "--construct", select.to_str().expect("path")],
    );
    assert!(err.contains("CONSTRUCT"), "{err}");
    rank_puts_the_hub_first(&s);
}

fn views() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        (
            "partners_organizations",
            vec!["partners", "--organizations"],
        ),
        ("ego_japan", vec!["ego", "Japan"]),
        ("ego_mastalir_2", vec!["ego", "mastalir", "--hops", "2"]),
        (
            "event_talks",
            vec!["event", "US-Japan Space Engagement Talks"],
        ),
        ("org_ussf", vec!["org", "U.S. Space Force"]),
        (
            "timeline_2023",
            vec!["timeline", "--from", "2023", "--to", "2023"],
        ),
        (
            "initiative_partner_to_win",
            vec!["initiative", "Partner to Win"],
        ),
    ]
}

fn every_view_has_a_snapshot_that_graphviz_draws(s: &Path, tmp: &Path) {
    let query = tmp.join("leaders.rq");
    std::fs::write(
        &query,
        "PREFIX sk: <https://w3id.org/spacekg/ontology#>\n\
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\
         CONSTRUCT { ?e sk:host ?p . ?p sk:heads ?o . ?e rdfs:label ?l } \
         WHERE { ?e sk:host ?p . ?p a sk:Person . ?e rdfs:label ?l OPTIONAL { ?p sk:heads ?o } }",
    )
    .expect("query file");
    let mut all = views();
    let q = query.to_str().expect("path").to_string();
    let q: &'static str = Box::leak(q.into_boxed_str());
    all.push(("construct_hosts", vec!["--construct", q]));
    for (name, args) in all {
        let mut a = vec!["diagram"];
        a.extend(args.iter().copied());
        a.extend(["--format", "dot"]);
        let dot = ok(s, &a);
        assert!(nodes(&dot).len() > 1, "{name}: {dot}");
        if name == "construct_hosts" {
            // The query path differs per run; the snapshot is of the drawing.
            // The host edges are labelled, or (more than six) named once under the title.
            assert!(
                dot.contains("Engagement Talks")
                    && (dot.contains("label=\"host\"")
                        || dot.contains("arrows without a label: host")),
                "{dot}"
            );
        }
        if name == "construct_hosts" {
            // Narrowed to Japan, the ceremony in Korea goes and the talks in Japan stay.
            let jp = ok(s, &[a.clone(), vec!["--nation", "Japan"]].concat());
            assert!(dot.contains("LaCamera") && !jp.contains("LaCamera"), "{jp}");
            assert!(jp.contains("Engagement Talks"), "{jp}");
        }
        insta::assert_snapshot!(format!("views_{name}"), dot);
        if graphviz() {
            render_cleanly(name, &dot);
        }
    }
}

fn the_svg_drawn_without_graphviz_holds_every_node(s: &Path, tmp: &Path) {
    for (name, args) in views() {
        let mut a = vec!["diagram"];
        a.extend(args.iter().copied());
        let dot = ok(s, &[a.clone(), vec!["--format", "dot"]].concat());
        let svg = ok(
            s,
            &[a.clone(), vec!["--format", "svg", "--no-graphviz"]].concat(),
        );
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"), "{name}");
        assert!(
            !svg.contains("Generated by graphviz"),
            "{name}: drawn without Graphviz"
        );
        assert_well_formed(&svg);
        let labels = node_label_lines(&dot);
        assert!(!labels.is_empty(), "{name}");
        for l in labels {
            assert!(
                svg.contains(&format!(">{}</text>", xml_escape(&l))),
                "{name}: the SVG shows {l:?}"
            );
        }
    }
    // The environment variable forces the fallback too.
    let out = bin()
        .args([
            "diagram",
            "event",
            "US-Japan Space Engagement Talks",
            "--format",
            "svg",
        ])
        .arg("--store")
        .arg(s)
        .env("SPACEKG_NO_GRAPHVIZ", "true")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Generated by graphviz"));
    // PNG needs Graphviz, and says so.
    let err = fails(
        s,
        &[
            "diagram",
            "partners",
            "--format",
            "png",
            "--no-graphviz",
            "-o",
        ]
        .iter()
        .copied()
        .chain([tmp.join("x.png").to_str().expect("path")])
        .collect::<Vec<_>>(),
    );
    assert!(err.contains("Graphviz"), "{err}");
}

fn formats_follow_the_flag_or_the_file_name(s: &Path, tmp: &Path) {
    if !graphviz() {
        return;
    }
    let png = tmp.join("partners.png");
    ok(
        s,
        &["diagram", "partners", "-o", png.to_str().expect("path")],
    );
    let bytes = std::fs::read(&png).expect("PNG written");
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "a PNG from the file name"
    );
    let svg = tmp.join("org.svg");
    ok(
        s,
        &["diagram", "org", "USSF", "-o", svg.to_str().expect("path")],
    );
    let text = std::fs::read_to_string(&svg).expect("SVG written");
    assert!(text.contains("Generated by graphviz") && text.contains("Space Delta 2"));
}

/// The node lines of a DOT text.
fn nodes(dot: &str) -> Vec<&str> {
    dot.lines()
        .filter(|l| l.trim_start().starts_with('n') && l.contains(" [label="))
        .filter(|l| !l.contains(" -- ") && !l.contains(" -> "))
        .collect()
}

fn views_narrow_by_date_and_nation(s: &Path) {
    // By date: the timeline of 2024 holds the 2024 events and nothing dated otherwise.
    let all = ok(s, &["diagram", "timeline"]);
    let y2024 = ok(
        s,
        &["diagram", "timeline", "--from", "2024-01", "--to", "2024"],
    );
    assert!(all.contains("label=\"2021\"") && all.contains("label=\"2024\""));
    assert!(y2024.contains("Global Sentinel 2024"));
    assert!(!y2024.contains("label=\"2021\"") && !y2024.contains("2023-"));
    assert!(nodes(&y2024).len() < nodes(&all).len());
    // By nation: partners involving Japan are the ties of Japan only, and what Japan shares
    // with several others.
    let jp = ok(s, &["diagram", "partners", "--nation", "japanese"]);
    let id_of = |line: &str| {
        line.split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let japan_id = nodes(&jp)
        .into_iter()
        .find(|l| l.contains("label=\"Japan\""))
        .map(id_of)
        .expect("Japan is drawn");
    let nation_ids: BTreeSet<String> = nodes(&jp)
        .into_iter()
        .filter(|l| l.contains("rounded,bold"))
        .map(id_of)
        .collect();
    let ties: Vec<(String, String)> = jp
        .lines()
        .filter(|l| l.contains(" -- "))
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w[0].to_string(), w[2].to_string())
        })
        .collect();
    assert!(!ties.is_empty());
    for (a, b) in &ties {
        if nation_ids.contains(a) && nation_ids.contains(b) {
            assert!(
                *a == japan_id || *b == japan_id,
                "{a} -- {b} involves Japan"
            );
        } else {
            let group = if nation_ids.contains(a) { b } else { a };
            assert!(
                ties.iter()
                    .any(|(x, y)| (x == group && *y == japan_id) || (y == group && *x == japan_id)),
                "{group} is shared with Japan"
            );
        }
    }
    // The ego view of the United States narrowed to Japan loses the Philippines.
    let us = ok(s, &["diagram", "ego", "United States"]);
    let us_jp = ok(s, &["diagram", "ego", "United States", "--nation", "Japan"]);
    assert!(us.contains("\"Philippines\"") && !us_jp.contains("\"Philippines\""));
    assert!(us_jp.contains("\"Japan\""));
    // Nothing matches: a plain message, and the drawing says why.
    let out = run(
        s,
        &["diagram", "timeline", "--from", "1990", "--to", "1991"],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to draw"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("holds no dated events 1990 to 1991"));
    let err = fails(s, &["diagram", "timeline", "--from", "July"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

fn names_that_match_nothing_or_several_things_say_so(s: &Path) {
    let err = fails(s, &["diagram", "ego", "Atlantis"]);
    assert!(
        err.contains("no entity in the graph matches \"Atlantis\""),
        "{err}"
    );
    let err = fails(s, &["diagram", "event", "talks"]);
    let matches: usize = err
        .split("matches ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(matches >= 2, "{err}");
    assert!(
        err.contains("US-Japan Space Engagement Talks (Talks)"),
        "{err}"
    );
    // A name is compared as text: quotes and braces never reach SPARQL.
    let err = fails(s, &["diagram", "ego", "Japan\" } } DROP ALL ; #"]);
    assert!(
        err.contains("no entity") && !err.contains("SPARQL"),
        "{err}"
    );
    let err = fails(s, &["diagram", "org", "Tokyo"]);
    assert!(err.contains("no organization"), "{err}");
}

fn path_steps_carry_their_sentence_and_release(s: &Path) {
    let out = ok(s, &["path", "Japan", "India"]);
    let mut lines = out.lines();
    let head = lines.next().expect("a summary line");
    assert!(head.ends_with("from Japan to India"), "{head}");
    let steps: usize = head
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(steps >= 1);
    let rest: Vec<&str> = lines.collect();
    assert_eq!(rest.len(), steps * 3, "{out}");
    let mut mentioned = BTreeSet::new();
    for step in rest.chunks(3) {
        assert!(
            step[0].contains('—') && step[0].contains('→'),
            "{}",
            step[0]
        );
        mentioned.extend(
            ["Japan", "India"]
                .into_iter()
                .filter(|n| step[0].contains(n)),
        );
        let sentence = step[1].trim().trim_matches('"');
        let source = step[2]
            .trim()
            .strip_prefix("source: ")
            .and_then(|x| x.split(" (").next())
            .expect("a source line");
        // The sentence is in the release it names (whitespace aside).
        let release = std::fs::read_to_string(root().join(source)).expect("the release exists");
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat(&release).contains(&flat(sentence)),
            "{source} states {sentence:?}"
        );
    }
    assert_eq!(
        mentioned.len(),
        2,
        "the chain starts at Japan and ends at India"
    );
    assert!(ok(s, &["path", "Japan", "jaPAN"]).starts_with("0 steps"));
    let err = fails(s, &["path", "Japan", "Atlantis"]);
    assert!(err.contains("Atlantis"), "{err}");
}

fn rank_puts_the_hub_first(s: &Path) {
    for by in ["degree", "betweenness"] {
        let out = ok(s, &["rank", "--by", by, "--limit", "5"]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5, "{out}");
        assert!(lines[0].contains("United States"), "{by}: {out}");
        assert!(lines
            .iter()
            .all(|l| l.contains("Nation") || l.contains("Organization")));
        let scores: Vec<f64> = lines
            .iter()
            .map(|l| {
                l.split_whitespace()
                    .last()
                    .and_then(|x| x.parse().ok())
                    .expect("a score")
            })
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{by}: {out}");
    }
}

/// The timing hook benchmarks call: every view is built on an in-memory store of the sample
/// corpus, and each names how many nodes it drew.
#[test]
fn every_view_is_timed_through_the_library() {
    use spacekg::{ingest, views, EmbeddedStore, Knowledge};
    let kb = Knowledge::load(&[]).expect("knowledge");
    let store = EmbeddedStore::in_memory().expect("store");
    let report =
        ingest::ingest_paths(&store, &kb, &[root().join("data/releases")]).expect("ingest");
    assert_eq!(report.new.len(), 36);
    let times = views::time_views(&store).expect("views build");
    let names: Vec<&str> = times.iter().map(|(n, _, _)| n.as_str()).collect();
    for v in [
        "model",
        "partners",
        "timeline",
        "ego --hops 1",
        "event",
        "org",
        "initiative",
    ] {
        assert!(names.contains(&v), "{v} is timed: {names:?}");
    }
    for (name, _, nodes) in &times {
        assert!(*nodes > 0, "{name} drew nothing");
    }
}
