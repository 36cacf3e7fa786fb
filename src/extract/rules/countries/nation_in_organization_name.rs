//! An organization whose name prints a nation ("Finnish Space Agency", "U.S. Space Force",
//! "New Zealand Defence Force") belongs to it (the gazetteer's nation for a known
//! organization, when the name prints it).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use super::nations::of_organization;
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "nation-in-organization-name",
    reads: &[Reads::Mentions(EntityType::Organization), Reads::Gazetteer],
    states: &[Predicate::Country],
    run: Run::Entity(run),
    examples: &[
        Example {
            text: "Agency grows\n\nHELSINKI, Finland (May 6, 2025) -- The Finnish Orbital Agency opened a new office on Monday.\n",
            yields: &[("Finnish Orbital Agency", Predicate::Country, "Finland")],
            absent: &[],
        },
        // A nation's name of several words inside the name.
        Example {
            text: "Office opens\n\nOSLO, Norway (May 6, 2025) -- The New Zealand Orbital Safety Office opened a liaison cell in Oslo on Monday.\n",
            yields: &[("New Zealand Orbital Safety Office", Predicate::Country, "New Zealand")],
            absent: &[],
        },
        // A nation's adjective before a head word, then "of" and a form the gazetteer keeps
        // for another body ("National Defence", Canada's department): one name.
        Example {
            text: "Pact signed\n\nTALLINN, Estonia (May 6, 2025) -- The Estonian Ministry of National Defence signed a pact on Monday. Dr. Mari Kask, Estonian Ministry of Defence Director of Space Policy, signed for Estonia.\n",
            yields: &[
                ("Estonian Ministry of National Defence", Predicate::Country, "Estonia"),
                ("Estonian Ministry of Defence", Predicate::Country, "Estonia"),
            ],
            absent: &[("Estonian Ministry of National Defence", Predicate::Country, "Canada")],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, id: usize) {
    if c.kind(id) != EntityType::Organization {
        return;
    }
    let ev = c.first_sentence_of(id);
    if let Some((n, true)) = of_organization(c, id) {
        c.facts.add(id, Predicate::Country, n, &ev);
    }
}
