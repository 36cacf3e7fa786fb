//! An office line that names the office's parent after it ("Office of Public Affairs,
//! Finnish Orbital Agency"): the office is part of that organization.

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::office;
use crate::extract::Predicate;

pub(crate) const RULE: Rule = Rule {
    name: "office-line-parent",
    reads: &[Reads::Byline],
    states: &[Predicate::SubOrganizationOf],
    run: Run::Document(run),
    examples: &[Example {
        text: "Agency grows\n\n  • Office of Public Affairs, Finnish Orbital Agency\n\nHELSINKI, Finland (May 6, 2025) -- The agency opened a new office on Monday.\n",
        yields: &[(
            "Office of Public Affairs",
            Predicate::SubOrganizationOf,
            "Finnish Orbital Agency",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>) {
    let Some((office, ev)) = office(c) else {
        return;
    };
    if let Some(parent) = c.metadata.publisher_parent.map(|p| c.ents.resolve(p)) {
        c.facts
            .add(office, Predicate::SubOrganizationOf, parent, &ev);
    }
}
