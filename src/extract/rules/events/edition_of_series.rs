//! A numbered edition of a series ("Midnight Sun Wargame 2025", an edition of the Midnight
//! Sun Wargame) serves that series as its initiative; the mention reader finds the pairs.

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "edition-of-series",
    reads: &[Reads::Series, Reads::Mentions(EntityType::Event)],
    states: &[Predicate::Initiative],
    run: Run::Document(run),
    examples: &[Example {
        text: "Wargame opens\n\nKIRUNA, Sweden (Sept. 20, 2025) -- Crews from Norway and Finland took part in Midnight Sun Wargame 2025 at Esrange Space Center.\n",
        yields: &[(
            "Midnight Sun Wargame 2025",
            Predicate::Initiative,
            "Midnight Sun Wargame",
        )],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>) {
    let found = c.found;
    for &(e, s) in &found.series {
        let (e, s) = (c.ents.resolve(e), c.ents.resolve(s));
        let ev = c.first_sentence_of(e);
        c.facts.add(e, Predicate::Initiative, s, &ev);
    }
}
