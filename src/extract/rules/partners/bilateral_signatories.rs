//! An agreement two bodies sign together states their partnership: the two signatories (of
//! one kind) of an agreement signed in one sentence are partners ("Estonia and Latvia signed
//! the Baltic Orbit Accord").

use super::super::context::Ctx;
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{Object, Predicate};
use std::collections::HashMap;
use std::ops::Range;

pub(crate) const RULE: Rule = Rule {
    name: "bilateral-signatories",
    reads: &[Reads::Facts(Predicate::Signatory)],
    states: &[Predicate::Partner],
    run: Run::Document(run),
    examples: &[Example {
        text: "Accord signed\n\nTALLINN, Estonia (May 6, 2025) -- Estonia and Latvia signed the Baltic Orbit Accord in Tallinn on Monday.\n",
        yields: &[("Estonia", Predicate::Partner, "Latvia")],
        absent: &[],
    }],
};

fn run(c: &mut Ctx<'_, '_>) {
    let mut by_agreement: HashMap<(usize, Range<usize>), Vec<usize>> = HashMap::new();
    for r in c.facts.of(Predicate::Signatory) {
        if let Object::Entity(o) = &r.object {
            let v = by_agreement
                .entry((r.subject, r.evidence.clone()))
                .or_default();
            let o = c.ents.resolve(*o);
            if !v.contains(&o) {
                v.push(o);
            }
        }
    }
    let mut pairs: Vec<_> = by_agreement.into_iter().collect();
    pairs.sort_by_key(|((a, ev), _)| (*a, ev.start));
    for ((_, ev), signers) in pairs {
        if let [a, b] = signers[..] {
            if c.kind(a) == c.kind(b) {
                c.facts.add(a, Predicate::Partner, b, &ev);
            }
        }
    }
}
