//! A numbered edition of a series ("Midnight Sun Wargame 2025", an edition of the Midnight
//! Sun Wargame; "Aurora Shield 25") serves that series as its initiative; the mention reader finds the pairs.

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "edition-of-series",
    reads: &[Reads::Series, Reads::Mentions(EntityType::Event)],
    states: &[Predicate::Initiative],
    run: Run::Document(run),
    examples: &[
        Example {
            text: "Wargame opens\n\nKIRUNA, Sweden (Sept. 20, 2025) -- Crews from Norway and Finland took part in Midnight Sun Wargame 2025 at Esrange Space Center.\n",
            yields: &[(
                "Midnight Sun Wargame 2025",
                Predicate::Initiative,
                "Midnight Sun Wargame",
            )],
            absent: &[],
        },
        // An edition's two-digit year, with the event typed by the appositive.
        Example {
            text: "Drill ends\n\nBODO, Norway (Oct. 3, 2025) -- Crews from Finland joined Aurora Shield 25, a space domain awareness exercise, on Oct. 1.\n",
            yields: &[("Aurora Shield 25", Predicate::Initiative, "Aurora Shield")],
            absent: &[],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>) {
    let found = c.found;
    for &(e, s) in &found.series {
        let (e, s) = (c.ents.resolve(e), c.ents.resolve(s));
        let ev = c.first_sentence_of(e);
        c.facts.add(e, Predicate::Initiative, s, &ev);
    }
}
