//! The cascade's own checks: its order against what rules read, the registry of names, and
//! the sample releases of `data/releases` read under the harness's checks.

use super::cascade::{passes, Pass};
use super::events::{detection, naming};
use super::examples::{extract_checked, holds};
use super::{Reads, Run, RULES};
use crate::extract::Predicate;
use std::collections::BTreeSet;

/// The predicates stated by `RULES[..=i]`.
fn stated_up_to(i: usize) -> BTreeSet<Predicate> {
    RULES[..=i]
        .iter()
        .flat_map(|r| r.states.iter().copied())
        .collect()
}

#[test]
fn no_rule_reads_what_only_later_rules_state() {
    for (i, r) in RULES.iter().enumerate() {
        let stated = stated_up_to(i);
        for read in r.reads {
            if let Reads::Facts(p) = read {
                assert!(
                    stated.contains(p),
                    "{} reads facts of {p:?}, which only rules after it state",
                    r.name
                );
            }
        }
    }
}

/// The one exception: event detection runs before the event rules of a sentence, and reads
/// the dates, agreements and participants they stated for the events of earlier sentences
/// (and the posts of those participants). Those must be stated by rules of the event pass
/// (or before it).
#[test]
fn event_detection_reads_what_the_event_pass_states() {
    let (at, rules) = passes(RULES)
        .into_iter()
        .scan(0, |at, (pass, rules)| {
            let start = *at;
            *at += rules.len();
            Some((start, pass, rules))
        })
        .find(|(_, pass, _)| *pass == Pass::Events)
        .map(|(at, _, rules)| (at, rules))
        .expect("an event pass");
    let stated = stated_up_to(at + rules.len() - 1);
    for read in detection::READS {
        if let Reads::Facts(p) = read {
            assert!(stated.contains(p), "detection reads {p:?}, stated later");
        }
    }
    // Naming runs after every rule.
    let all = stated_up_to(RULES.len() - 1);
    for read in naming::READS {
        if let Reads::Facts(p) = read {
            assert!(all.contains(p), "naming reads {p:?}, which no rule states");
        }
    }
}

#[test]
fn rule_names_are_unique_and_rules_state_something() {
    let mut names = BTreeSet::new();
    for r in RULES {
        assert!(names.insert(r.name), "{} is registered twice", r.name);
        assert!(!r.states.is_empty(), "{} states nothing", r.name);
    }
    assert!(!names.contains(detection::NAME) && !names.contains(naming::NAME));
}

/// The event pass runs clause rules on each clause, then the sentence rules: the list says so.
#[test]
fn event_rules_are_listed_in_the_order_they_run() {
    for (pass, rules) in passes(RULES) {
        if pass != Pass::Events {
            continue;
        }
        let first_telling = rules
            .iter()
            .position(|r| matches!(r.run, Run::Telling(_)))
            .unwrap_or(rules.len());
        assert!(
            rules[first_telling..]
                .iter()
                .all(|r| matches!(r.run, Run::Telling(_))),
            "a clause rule listed after a sentence rule of the event pass"
        );
    }
}

/// The sample releases: every fact comes from a registered rule that declares its
/// predicate, and every rule read only what it declares.
#[test]
fn sample_releases_keep_to_the_cascade() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/releases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/releases")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    let mut rules = BTreeSet::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("a sample release");
        let x = extract_checked(&f.display().to_string(), &text);
        rules.extend(x.relations.iter().map(|r| r.rule));
    }
    assert!(rules.len() >= 30, "{rules:?}");
}

/// A fact stated by two rules is kept once, under the first rule of the cascade that states
/// it: "Col. Eva Strand, commander of the Arctic Space Wing" heads it by `appositive-post`,
/// and `known-parent` does not repeat what a name states.
#[test]
fn the_first_rule_that_states_a_fact_names_it() {
    let x = extract_checked(
        "first rule",
        "Wing welcomes guests\n\nOSLO, Norway (May 6, 2025) -- Col. Eva Strand, commander of the Arctic Space Wing, welcomed the guests. Col. Strand previously served at the Arctic Space Wing.\n",
    );
    let fact = ("Eva Strand", Predicate::Heads, "Arctic Space Wing");
    assert!(holds(&x, &fact, Some("appositive-post")));
    let member = ("Eva Strand", Predicate::MemberOf, "Arctic Space Wing");
    assert!(!holds(&x, &member, None), "heads implies memberOf");
}
