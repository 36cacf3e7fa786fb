//! The bodies that sign an agreement in the sentence that tells of its signing took part in
//! that signing ("Estonia and Latvia signed the Baltic Orbit Accord": both took part in the
//! signing).

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{Object, Predicate, Relation};

pub(crate) const RULE: Rule = Rule {
    name: "signatory-took-part",
    reads: &[
        Reads::Facts(Predicate::Agreement),
        Reads::Facts(Predicate::Signatory),
    ],
    states: &[Predicate::Participant],
    run: Run::Document(run),
    examples: &[Example {
        text: "Accord signed\n\nOSLO, Norway (May 6, 2025) -- Gen. Ada Lind, commander of the Arctic Space Command, and Col. Ivo Tamm, commander of the Baltic Space Wing, signed the Polar Data Accord on Monday.\n",
        yields: &[
            (
                "Signing of Polar Data Accord, 2025-05-05",
                Predicate::Participant,
                "Arctic Space Command",
            ),
            (
                "Signing of Polar Data Accord, 2025-05-05",
                Predicate::Participant,
                "Baltic Space Wing",
            ),
        ],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>) {
    let agreements: Vec<Relation> = c.facts.of(Predicate::Agreement).cloned().collect();
    let signatures: Vec<Relation> = c.facts.of(Predicate::Signatory).cloned().collect();
    for r in &agreements {
        let Object::Entity(a) = &r.object else {
            continue;
        };
        for s in &signatures {
            if s.subject == *a && s.evidence == r.evidence {
                if let Object::Entity(o) = s.object {
                    c.facts
                        .add(r.subject, Predicate::Participant, o, &s.evidence);
                }
            }
        }
    }
}
