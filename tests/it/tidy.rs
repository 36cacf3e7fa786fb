//! The architecture's invariants, stated as absences and checked on the source tree (the
//! `tidy` idea of rust-analyzer). Each test names the invariant it enforces; ARCHITECTURE.md
//! lists them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The library's top-level modules, bottom to top: each may use only those before it.
const LAYERS: &[&str] = &[
    "text",
    "date",
    "vocab",
    "knowledge",
    "reading",
    "extract",
    "rdf",
    "store",
    "ingest",
    "views",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The product code of a file: its text up to its unit-test module, without comment lines.
fn product_code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every library source file (the binary's `main.rs` and `cli/` left out) with the top-level
/// module it belongs to.
fn library_files() -> Vec<(String, PathBuf)> {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&src).ok()?.to_path_buf();
            let first = rel.components().next()?.as_os_str().to_str()?.to_string();
            let module = first.trim_end_matches(".rs").to_string();
            (module != "main" && module != "cli" && module != "lib").then_some((module, p))
        })
        .collect()
}

/// The top-level modules a piece of code names through `crate::`.
fn crate_uses(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

#[test]
fn every_library_module_is_a_known_layer() {
    let unknown: BTreeSet<String> = library_files()
        .into_iter()
        .map(|(m, _)| m)
        .filter(|m| !LAYERS.contains(&m.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "modules missing from the layer list (add them to LAYERS, lib.rs and ARCHITECTURE.md): {unknown:?}"
    );
}

#[test]
fn developer_tooling_is_not_in_the_library() {
    let tooling = ["eval", "bench", "generate", "fuzz"];
    let in_library: Vec<PathBuf> = library_files()
        .into_iter()
        .map(|(_, p)| p)
        .filter(|p| {
            p.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| tooling.contains(&s))
        })
        .collect();
    assert!(
        in_library.is_empty(),
        "tooling belongs to the binary (src/cli/) or tools/: {in_library:?}"
    );
    assert!(LAYERS.iter().all(|l| !tooling.contains(l)));
}

#[test]
fn each_layer_uses_only_the_layers_below_it() {
    let rank: BTreeMap<&str, usize> = LAYERS.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut wrong = Vec::new();
    for (module, path) in library_files() {
        let Some(&mine) = rank.get(module.as_str()) else {
            continue;
        };
        for used in crate_uses(&product_code(&path)) {
            if let Some(&theirs) = rank.get(used.as_str()) {
                if theirs > mine {
                    wrong.push(format!("{} ({module}) uses {used}", path.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "upward dependencies: {wrong:#?}");
}

#[test]
fn no_iri_is_spelled_outside_the_vocabulary_module() {
    let mut wrong = Vec::new();
    for (_, path) in library_files() {
        if path.ends_with("src/vocab.rs") {
            continue;
        }
        for (i, line) in product_code(&path).lines().enumerate() {
            if line.contains("\"http://")
                || line.contains("\"https://")
                || line.contains("w3id.org")
                || line.contains("=\\\"http")
            {
                wrong.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(wrong.is_empty(), "IRIs outside src/vocab.rs: {wrong:#?}");
}

#[test]
fn only_the_store_opens_an_oxigraph_store() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let wrong: Vec<String> = files
        .iter()
        .filter(|p| !p.starts_with(root().join("src/store")))
        .filter(|p| product_code(p).contains("oxigraph::store"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        wrong.is_empty(),
        "oxigraph::store used outside src/store/: {wrong:?}"
    );
}

#[test]
fn extraction_knows_no_rdf() {
    let wrong: Vec<String> = library_files()
        .into_iter()
        .filter(|(m, _)| m == "extract")
        .filter(|(_, p)| {
            let code = product_code(p);
            code.contains("crate::rdf")
                || code.contains("crate::vocab")
                || code.contains("crate::store")
                || code.contains("oxigraph")
        })
        .map(|(_, p)| p.display().to_string())
        .collect();
    assert!(
        wrong.is_empty(),
        "extraction files that know RDF: {wrong:?}"
    );
}

/// The string literals of a piece of Rust code.
fn string_literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == '\'' && prev != '\\' {
            // A char literal ('"') or a lifetime; skip a quoted char.
            let mut look = chars.clone();
            if let (Some(_), Some('\'')) = (look.next(), look.next()) {
                chars.next();
                chars.next();
                prev = '\'';
                continue;
            }
        }
        if c == '"' {
            let mut s = String::new();
            let mut escaped = false;
            for d in chars.by_ref() {
                if escaped {
                    escaped = false;
                    s.push(d);
                } else if d == '\\' {
                    escaped = true;
                } else if d == '"' {
                    break;
                } else {
                    s.push(d);
                }
            }
            out.push(s);
            prev = '"';
            continue;
        }
        prev = c;
    }
    out
}

/// The phrases data files hold for extraction: cue phrases, speech verbs, hedges; English
/// function words (data/stopwords.txt: "the", "and", "with") are grammar, not phrases.
fn data_phrases() -> BTreeMap<String, String> {
    let stopwords = std::fs::read_to_string(root().join("data/stopwords.txt")).expect("stopwords");
    let function_words: BTreeSet<String> = stopwords
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.trim().to_lowercase())
        .collect();
    let mut out = BTreeMap::new();
    for (file, column) in [
        ("data/cues.tsv", 0),
        ("data/speech_verbs.txt", 0),
        ("data/hedges.txt", 0),
    ] {
        let text = std::fs::read_to_string(root().join(file)).expect(file);
        for line in text.lines().skip_while(|l| l.starts_with("cue\t")) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some(p) = line.split('\t').nth(column) {
                let p = p.trim().to_lowercase();
                if p.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && !function_words.contains(&p)
                {
                    out.entry(p).or_insert_with(|| file.to_string());
                }
            }
        }
    }
    out
}

/// Code without the rule's example table (from `examples:` to the end of the `RULE` item).
fn without_examples(code: &str) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    for line in code.lines() {
        if line.trim_start().starts_with("examples:") {
            inside = true;
        }
        if !inside {
            out.push(line);
        }
        if inside && line == "};" {
            inside = false;
        }
    }
    out.join("\n")
}

#[test]
fn no_phrase_that_a_data_file_holds_is_spelled_in_extraction_code() {
    let phrases = data_phrases();
    assert!(phrases.len() > 50, "the data files hold few phrases");
    let mut wrong = Vec::new();
    for (module, path) in library_files() {
        if module != "extract" {
            continue;
        }
        let code = product_code(&path);
        // Example tables are sentences written for a rule, not phrase lists.
        let code = without_examples(&code);
        // The names of predicates and entity types are names, not phrases.
        let code: String = code
            .lines()
            .filter(|l| !l.contains("Predicate::") && !l.contains("EntityType::"))
            .collect::<Vec<_>>()
            .join("\n");
        for lit in string_literals(&code) {
            if let Some(file) = phrases.get(&lit.to_lowercase()) {
                wrong.push(format!("{}: \"{lit}\" (held by {file})", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "phrases spelled in Rust: {wrong:#?}");
}

#[test]
fn no_word_list_is_a_rust_constant_in_extraction() {
    let mut wrong = Vec::new();
    for (module, path) in library_files() {
        if module != "extract" && module != "knowledge" {
            continue;
        }
        for line in product_code(&path).lines() {
            let l = line.trim();
            if (l.contains("const ") || l.contains("static "))
                && (l.contains(": &[&str]") || l.contains(": [&str;"))
            {
                wrong.push(format!("{}: {l}", path.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "word lists in Rust (move them to data/): {wrong:#?}"
    );
}
