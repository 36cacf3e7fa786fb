//! An office named after an organization of the release ("Arctic Space Command Public
//! Affairs") is part of it: the longest leading part of the office's name that names a
//! known organization or one of this release. Not when the office line names a parent
//! (`office-line-parent`).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::office;
use crate::extract::Predicate;
use crate::knowledge::Entry;
use crate::text::{slug, LONGEST_NAME};

pub(crate) const RULE: Rule = Rule {
    name: "office-of-organization",
    reads: &[Reads::Byline, Reads::Gazetteer],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Document(run),
    examples: &[Example {
        text: "Radar opens\n\n  • Arctic Space Command Public Affairs\n\nOSLO, Norway (May 6, 2025) -- The Arctic Space Command opened a new tracking radar on Monday.\n",
        yields: &[(
            "Arctic Space Command Public Affairs",
            Predicate::SubOrganizationOf,
            "Arctic Space Command",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>) {
    let Some((office, ev)) = office(c) else {
        return;
    };
    if c.metadata.publisher_parent.is_some() {
        return;
    }
    let kb = c.ex.kb;
    let name = c.ents.get(office).name.clone();
    let words: Vec<&str> = name.split_whitespace().collect();
    for n in (1..words.len().min(LONGEST_NAME + 1)).rev() {
        let head = words[..n].join(" ");
        let known = kb.lookup(&head).iter().find_map(|e| match e {
            Entry::Organization(i) => c.ents.by_key(&format!("org/{}", kb.organizations[*i].id)),
            _ => None,
        });
        let local = c
            .ents
            .local_form(&head)
            .or_else(|| c.ents.by_key(&format!("org/{}", slug(&head))));
        if let Some(parent) = known.or(local).filter(|&p| p != office) {
            c.facts
                .add(office, Predicate::SubOrganizationOf, parent, &ev);
            break;
        }
    }
}
