//! Which files are releases. Folders are walked for files of a release type (`.txt`, `.md`,
//! `.html`, …) whose names do not mark them as documentation (`README.md`, `GUIDE.md`,
//! `CHANGELOG.md`, licence files: `data/documentation_names.txt`); `--include` and
//! `--exclude` globs let a user choose. Once read, a file is taken as a release only when it
//! looks like one: a body with at least one sentence, and for Markdown the marks of a release
//! (a dateline or a publication date, no code blocks) rather than of documentation. Every
//! file left out is named with its reason, except those an `--include` glob does not match.

use crate::reading::error::SelectionError;
use crate::reading::{is_release_file, Release};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

const DOCUMENTATION_NAMES: &str = include_str!("../../data/documentation_names.txt");

/// The documentation names: (name, whether a trailing `*` lets it match any ending).
static DOC_NAMES: LazyLock<Vec<(String, bool)>> = LazyLock::new(|| {
    DOCUMENTATION_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.strip_suffix('*') {
            Some(prefix) => (prefix.to_lowercase(), true),
            None => (l.to_lowercase(), false),
        })
        .collect()
});

/// Globs given by `--include` and `--exclude`. Each is matched against a file's path below
/// the folder given on the command line (`2024/talks.txt`) and against its name; `*` also
/// matches across folders.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    include: Option<Globs>,
    exclude: Option<Globs>,
}

#[derive(Debug, Clone)]
struct Globs {
    set: GlobSet,
    patterns: Vec<String>,
}

impl Globs {
    fn new(flag: &'static str, patterns: &[String]) -> Result<Option<Self>, SelectionError> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let mut b = GlobSetBuilder::new();
        for p in patterns {
            let glob = Glob::new(p).map_err(|source| SelectionError {
                flag,
                pattern: p.clone(),
                source,
            })?;
            b.add(glob);
        }
        let set = b.build().map_err(|source| SelectionError {
            flag,
            pattern: patterns.join(" "),
            source,
        })?;
        Ok(Some(Globs {
            set,
            patterns: patterns.to_vec(),
        }))
    }

    /// The first pattern matching one of the names.
    fn matching(&self, names: &[&Path]) -> Option<&str> {
        names
            .iter()
            .find_map(|n| self.set.matches(n).first().copied())
            .map(|i| self.patterns[i].as_str())
    }
}

impl Selection {
    pub fn new(include: &[String], exclude: &[String]) -> Result<Self, SelectionError> {
        Ok(Selection {
            include: Globs::new("--include", include)?,
            exclude: Globs::new("--exclude", exclude)?,
        })
    }
}

/// A file to read: its path, and whether an `--include` glob chose it (then its name and
/// Markdown layout are no reason to skip it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    pub included: bool,
}

/// The files under `paths` to read, and those left out with the reason.
#[derive(Debug, Default)]
pub struct Collected {
    /// In the order given, folders walked recursively in name order.
    pub files: Vec<Candidate>,
    pub skipped: Vec<(PathBuf, String)>,
    /// Files in the folders that no `--include` glob matches (not listed one by one).
    pub not_included: usize,
}

/// Collects the files under `paths`. A file named on the command line is read whatever its
/// type or name, unless an `--exclude` glob matches it.
pub fn collect(paths: &[PathBuf], sel: &Selection) -> Collected {
    let mut out = Collected::default();
    for p in paths {
        if p.is_dir() {
            walk(p, p, sel, &mut out);
        } else {
            let name = p.file_name().map(Path::new).unwrap_or(p);
            let names = [p.as_path(), name];
            if let Some(g) = sel.exclude.as_ref().and_then(|x| x.matching(&names)) {
                out.skipped
                    .push((p.clone(), format!("excluded by --exclude {g}")));
                continue;
            }
            let included = sel
                .include
                .as_ref()
                .is_some_and(|i| i.matching(&names).is_some());
            out.files.push(Candidate {
                path: p.clone(),
                included,
            });
        }
    }
    out
}

fn walk(root: &Path, p: &Path, sel: &Selection, out: &mut Collected) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(p) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                out.skipped
                    .push((p.to_path_buf(), format!("cannot list the folder: {e}")));
                return;
            }
        };
        entries.sort();
        for e in entries {
            walk(root, &e, sel, out);
        }
        return;
    }
    let relative = p.strip_prefix(root).unwrap_or(p);
    let name = p.file_name().map(Path::new).unwrap_or(p);
    let names = [relative, name];
    if let Some(g) = sel.exclude.as_ref().and_then(|x| x.matching(&names)) {
        out.skipped
            .push((p.to_path_buf(), format!("excluded by --exclude {g}")));
        return;
    }
    if let Some(include) = &sel.include {
        if include.matching(&names).is_some() {
            out.files.push(Candidate {
                path: p.to_path_buf(),
                included: true,
            });
        } else {
            out.not_included += 1;
        }
        return;
    }
    if !is_release_file(p) {
        if !is_hidden(p) {
            out.skipped.push((
                p.to_path_buf(),
                "not a release file type (.txt, .text, .md, .html, .htm)".into(),
            ));
        }
        return;
    }
    if let Some(doc) = documentation_name(p) {
        out.skipped.push((
            p.to_path_buf(),
            format!("a {doc} file is documentation, not a release (--include GLOB takes it)"),
        ));
        return;
    }
    out.files.push(Candidate {
        path: p.to_path_buf(),
        included: false,
    });
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// The documentation name a file's name matches (`README`, `LICENSE`), as printed in it.
pub(crate) fn documentation_name(p: &Path) -> Option<String> {
    let name = p.file_name()?.to_str()?;
    let stem = name.split('.').next().unwrap_or(name);
    let lower = stem.to_lowercase();
    DOC_NAMES
        .iter()
        .any(|(n, any_ending)| {
            if *any_ending {
                lower.starts_with(n.as_str())
            } else {
                lower == *n
            }
        })
        .then(|| stem.to_string())
}

fn is_markdown(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Why a release read from `c` is not taken as a release, if it is not.
pub(crate) fn not_a_release(c: &Candidate, release: &Release) -> Option<String> {
    if release.title.is_none() {
        return Some("no title line: not a release".into());
    }
    if !release
        .paragraphs
        .iter()
        .any(|p| has_sentence(&release.content[p.clone()]))
    {
        return Some("no sentence in its body: not a release".into());
    }
    if is_markdown(&c.path) && !c.included {
        if has_code_block(&release.content) {
            return Some(
                "a Markdown file with code blocks is documentation, not a release \
                 (--include GLOB takes it)"
                    .into(),
            );
        }
        if release.dateline.is_none() && release.published.is_none() {
            return Some(
                "a Markdown file with neither a dateline nor a publication date is taken for \
                 documentation, not a release (--include GLOB takes it)"
                    .into(),
            );
        }
    }
    None
}

/// Words a run needs before a full stop to be a sentence.
const SENTENCE_WORDS: usize = 4;

/// Whether the text holds a sentence: at least `SENTENCE_WORDS` words, then `.`, `!` or `?`
/// followed by a space, a closing quote or bracket, or the end.
pub(crate) fn has_sentence(text: &str) -> bool {
    let mut words = 0;
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
            continue;
        }
        in_word = in_word && matches!(c, '\'' | '’' | '-');
        if matches!(c, '.' | '!' | '?') {
            let ends = match chars.peek() {
                None => true,
                Some(n) => n.is_whitespace() || matches!(n, '"' | '”' | '’' | '\'' | ')'),
            };
            if ends {
                if words >= SENTENCE_WORDS {
                    return true;
                }
                words = 0;
            }
        }
    }
    false
}

fn has_code_block(content: &str) -> bool {
    content.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with("```") || t.starts_with("~~~")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::parse_text;

    fn candidate(path: &str) -> Candidate {
        Candidate {
            path: PathBuf::from(path),
            included: false,
        }
    }

    #[test]
    fn documentation_names_are_recognized_in_any_case_and_ending() {
        for n in [
            "README.md",
            "readme.txt",
            "GUIDE.md",
            "CHANGELOG.md",
            "LICENSE-MIT.txt",
            "Licence.md",
            "README.ja.md",
        ] {
            assert!(documentation_name(Path::new(n)).is_some(), "{n}");
        }
        for n in [
            "guidelines-for-space-talks.txt",
            "000-us-japan-set.txt",
            "readmeister.txt",
        ] {
            assert!(documentation_name(Path::new(n)).is_none(), "{n}");
        }
    }

    #[test]
    fn a_sentence_needs_words_and_a_full_stop() {
        assert!(has_sentence("Japan and the United States held talks."));
        assert!(has_sentence("“We will meet again soon,” she said. More"));
        assert!(!has_sentence("Contact: press@example.org"));
        assert!(!has_sentence("Home | News | About us | Contact"));
        assert!(!has_sentence("U.S. Space Force"));
        assert!(!has_sentence("Version 1.2.3 notes"));
    }

    #[test]
    fn markdown_documentation_is_told_from_a_markdown_release() {
        let doc = "# Release corpus\n\nEach release is a pair of files in the same folder.\n\n\
                   ```json\n{}\n```\n";
        let r = parse_text("GUIDE.md", doc);
        let why = not_a_release(&candidate("notes/GUIDE.md"), &r).expect("documentation");
        assert!(why.contains("code blocks"), "{why}");
        let prose = "# How to add releases\n\nPut each release in its own file and run the \
                     ingest command again.\n";
        let r = parse_text("howto.md", prose);
        let why = not_a_release(&candidate("howto.md"), &r).expect("documentation");
        assert!(why.contains("neither a dateline"), "{why}");
        // Chosen with --include, it is read as a release.
        let chosen = Candidate {
            path: PathBuf::from("howto.md"),
            included: true,
        };
        assert_eq!(not_a_release(&chosen, &r), None);
        let release = "US, Japan hold talks\n\nTOKYO, Japan (May 2, 2024) -- The United States \
                       and Japan held space talks in Tokyo.\n";
        let r = parse_text("talks.md", release);
        assert_eq!(not_a_release(&candidate("talks.md"), &r), None);
        // The same text as .txt needs no dateline, only a sentence.
        let r = parse_text("howto.txt", prose);
        assert_eq!(not_a_release(&candidate("howto.txt"), &r), None);
        let r = parse_text("list.txt", "Names\n\nAlice\nBob\nCarol\n");
        let why = not_a_release(&candidate("list.txt"), &r).expect("no sentence");
        assert!(why.contains("no sentence"), "{why}");
    }

    #[test]
    fn folders_are_walked_with_include_and_exclude_globs() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        std::fs::create_dir(d.join("2024")).expect("folder");
        for f in [
            "a.txt",
            "README.md",
            "LICENSE",
            "notes.pdf",
            "2024/b.txt",
            "2024/draft-c.txt",
        ] {
            std::fs::write(d.join(f), "x").expect("write");
        }
        let paths = [d.to_path_buf()];
        let all = collect(&paths, &Selection::default());
        let names = |c: &Collected| -> Vec<String> {
            c.files
                .iter()
                .map(|f| f.path.strip_prefix(d).expect("below").display().to_string())
                .collect()
        };
        assert_eq!(names(&all), ["2024/b.txt", "2024/draft-c.txt", "a.txt"]);
        let reasons: Vec<String> = all.skipped.iter().map(|(_, r)| r.clone()).collect();
        assert!(
            reasons.iter().any(|r| r.contains("a README file")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("not a release file type")),
            "{reasons:?}"
        );

        let sel = Selection::new(&[], &["draft-*".into()]).expect("globs");
        let c = collect(&paths, &sel);
        assert_eq!(names(&c), ["2024/b.txt", "a.txt"]);
        assert!(c
            .skipped
            .iter()
            .any(|(p, r)| p.ends_with("draft-c.txt") && r == "excluded by --exclude draft-*"));

        let sel = Selection::new(&["2024/*".into(), "README.md".into()], &[]).expect("globs");
        let c = collect(&paths, &sel);
        assert_eq!(names(&c), ["2024/b.txt", "2024/draft-c.txt", "README.md"]);
        assert!(c.files.iter().all(|f| f.included));
        assert_eq!(c.not_included, 3);

        let bad = Selection::new(&["a[".into()], &[]).expect_err("a bad glob");
        assert!(bad.to_string().contains("--include \"a[\""), "{bad}");
    }
}
