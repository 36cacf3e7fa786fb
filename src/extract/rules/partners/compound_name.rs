//! A compound of nation names ("the Norway-Finland space dialogue", "US-Japan talks") states
//! that the nations joined in it are partners.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "compound-name",
    reads: &[Reads::Compounds, Reads::Mentions(EntityType::Nation)],
    states: &[Predicate::Partner],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "Dialogue opens\n\nHELSINKI, Finland (May 6, 2025) -- The Norway-Finland space dialogue opened in Helsinki on Monday.\n",
        yields: &[("Norway", Predicate::Partner, "Finland")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let found = c.found;
    for (s, nations) in &found.compounds {
        if *s == v.si {
            for (i, &a) in nations.iter().enumerate() {
                for &b in nations.iter().skip(i + 1) {
                    let (a, b) = (c.ents.resolve(a), c.ents.resolve(b));
                    c.facts.add(a, Predicate::Partner, b, &v.span);
                }
            }
        }
    }
}
