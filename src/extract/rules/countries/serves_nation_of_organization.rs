//! Persons serve the nation of the organization they head or serve, when its nation is
//! plain (printed in its name, a state body of a nation the release names, or a nation an
//! earlier rule gave it); a unit with no nation of its own serves its parent's, up the
//! nesting the release states ("Col. Mia Strand, commander of the Arctic
//! Space Wing of the Royal Norwegian Air Force": Norway). Not an organization they once
//! served at (`serves-in`), and not a person whose country is stated already.

use super::super::byline::byline_office;
use super::super::context::Ctx;
use super::super::persons::serves_in;
use super::super::{Example, Reads, Rule, Run};
use super::nations::organization_nations;
use crate::extract::{Object, Predicate, Relation};

pub(crate) const RULE: Rule = Rule {
    name: "serves-nation-of-organization",
    reads: &[
        Reads::Facts(Predicate::SubOrganizationOf),
        Reads::Facts(Predicate::Heads),
        Reads::Facts(Predicate::MemberOf),
        Reads::Facts(Predicate::Country),
        Reads::Gazetteer,
    ],
    states: &[Predicate::Country],
    run: Run::Document(run),
    examples: &[
        Example {
            text: "Wing welcomes guests\n\nOSLO, Norway (May 6, 2025) -- Col. Mia Strand, commander of the Finnish Orbital Agency, welcomed the guests.\n",
            yields: &[("Mia Strand", Predicate::Country, "Finland")],
            absent: &[],
        },
        // The body's nation stated by an earlier rule ("Estonia’s Ministry ...").
        Example {
            text: "Talks\n\nOSLO, Norway (May 6, 2025) -- Kadri Tamm, director of space policy at Estonia’s Ministry of Economic Affairs, opened the talks.\n",
            yields: &[("Kadri Tamm", Predicate::Country, "Estonia")],
            absent: &[],
        },
        // Two levels of nesting: a squadron of a wing of a nation's air force.
        Example {
            text: "Squadron drills\n\nOSLO, Norway (May 6, 2025) -- The Polar Tracking Squadron is a component of the Arctic Space Wing, which reports to the Royal Norwegian Air Force. Lt. Col. Ola Dahl, commander of the Polar Tracking Squadron, led the drill.\n",
            yields: &[("Ola Dahl", Predicate::Country, "Norway")],
            absent: &[],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>) {
    let org_nation = organization_nations(c);
    // Persons serve the nation of the organization they head or serve (not one they once
    // served at: "previously served at USSPACECOM"; a byline's office says where the
    // author writes from, the text says nothing of their nation).
    let posts: Vec<Relation> = c
        .facts
        .with(&[Predicate::Heads, Predicate::MemberOf])
        .cloned()
        .collect();
    for r in &posts {
        if r.rule == serves_in::RULE.name || r.rule == byline_office::RULE.name {
            continue;
        }
        if let Object::Entity(o) = r.object {
            if let Some(&(n, _)) = org_nation.get(&c.ents.resolve(o)) {
                if !c.facts.has(r.subject, Predicate::Country) {
                    c.facts.add(r.subject, Predicate::Country, n, &r.evidence);
                }
            }
        }
    }
}
