//! The examples harness. Each example release is extracted in full; the facts it lists must
//! be stated by its rule, the absent ones by no rule. Every extraction the harness makes is
//! also checked against the cascade: each fact's rule is registered and states that
//! predicate, and each rule read only facts of the predicates it declares.

use super::events::{detection, naming};
use super::{facts, Fact, Reads, Rule, RULES};
use crate::extract::{Extraction, Extractor, Object, Predicate};
use crate::knowledge::Knowledge;
use crate::reading::parse_text;
use std::collections::BTreeSet;
use std::sync::OnceLock;

pub(super) fn kb() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::load(&[]).expect("the bundled knowledge loads"))
}

/// Extracts a release, checks the extraction against the cascade, and returns it.
pub(super) fn extract_checked(name: &str, text: &str) -> Extraction {
    facts::take_read_log();
    let x = Extractor::new(kb()).extract(&parse_text(name, text));
    let log = facts::take_read_log();
    conforms(name, &x, &log);
    x
}

/// Whether the extraction holds `fact`, stated by `rule` if given.
pub(super) fn holds(x: &Extraction, (s, p, o): &Fact, rule: Option<&str>) -> bool {
    x.relations.iter().any(|r| {
        x.entities[r.subject].name == *s
            && r.predicate == *p
            && rule.is_none_or(|n| r.rule == n)
            && match &r.object {
                Object::Entity(e) => x.entities[*e].name == *o,
                Object::Date(d) => d.to_string() == *o,
            }
    })
}

/// The extraction's facts, one a line, for failure messages.
pub(super) fn describe(x: &Extraction) -> String {
    x.relations
        .iter()
        .map(|r| {
            let o = match &r.object {
                Object::Entity(e) => x.entities[*e].name.clone(),
                Object::Date(d) => d.to_string(),
            };
            format!(
                "  ({:?}, {:?}, {:?})  [{}]\n",
                x.entities[r.subject].name, r.predicate, o, r.rule
            )
        })
        .collect()
}

fn rule_named(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

fn declares(reads: &[Reads], p: Predicate) -> bool {
    reads.contains(&Reads::Facts(p))
}

/// Every fact's rule is registered and states its predicate; every read of facts was of a
/// predicate its reader declares.
pub(super) fn conforms(name: &str, x: &Extraction, log: &BTreeSet<(&'static str, Predicate)>) {
    for r in &x.relations {
        let rule = rule_named(r.rule)
            .unwrap_or_else(|| panic!("{name}: fact of unregistered rule {:?}", r.rule));
        assert!(
            rule.states.contains(&r.predicate),
            "{name}: rule {} stated {:?}, which it does not declare in `states`",
            r.rule,
            r.predicate
        );
    }
    for &(reader, p) in log {
        let declared = match reader {
            detection::NAME => declares(detection::READS, p),
            naming::NAME => declares(naming::READS, p),
            _ => rule_named(reader).is_some_and(|r| declares(r.reads, p)),
        };
        assert!(
            declared,
            "{name}: {reader:?} read facts of {p:?} without declaring Reads::Facts({p:?})"
        );
    }
}

/// Checks a rule's examples: the rule is named after its module and has an example yielding
/// its facts; each example's facts hold, stated by this rule, and its absent facts by none.
pub(super) fn check(rule: &Rule, module: &str) {
    assert_eq!(
        rule.name,
        module.replace('_', "-"),
        "a rule's module is named after it"
    );
    assert!(
        rule.examples.iter().any(|e| !e.yields.is_empty()),
        "{}: no example yields a fact",
        rule.name
    );
    for (i, ex) in rule.examples.iter().enumerate() {
        let name = format!("{} example {}", rule.name, i + 1);
        let x = extract_checked(&name, ex.text);
        for f in ex.yields {
            assert!(
                holds(&x, f, Some(rule.name)),
                "{name}: {f:?} not stated by {}; the facts:\n{}",
                rule.name,
                describe(&x)
            );
        }
        for f in ex.absent {
            assert!(
                !holds(&x, f, None),
                "{name}: {f:?} stated; the facts:\n{}",
                describe(&x)
            );
        }
    }
}
