//! The nation a person's post is "of", in the appositive after the name, is theirs: "Dr.
//! Anan Chai, Minister of Science of Thailand, signed" (Thailand); "Ana Rojas, Head of the
//! Space Division of the Ministry of Science of Chile," (Chile). Not a nation after "to" or
//! "in" ("Ambassador to Chile"), nor one past the comma that ends the post.

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use super::appositive::after_name;
use super::posts::{nation_of_post, person_at};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "post-of-nation",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Posts,
    ],
    states: &[Predicate::Country],
    run: Run::Mention(run),
    examples: &[
        Example {
            text: "Accords signed\n\nWASHINGTON (May 6, 2025) -- Dr. Anan Chai, Minister of Science of Thailand, signed the accords at the ceremony in Washington.\n",
            yields: &[("Anan Chai", Predicate::Country, "Thailand")],
            absent: &[("Anan Chai", Predicate::Country, "United States")],
        },
        Example {
            text: "Talks open\n\nSANTIAGO (May 6, 2025) -- The delegation was received by Ana Rojas, head of the Space Division of the Ministry of Science of the Republic of Chile, on Monday.\n",
            yields: &[("Ana Rojas", Predicate::Country, "Chile")],
            absent: &[],
        },
        // Where a post serves is not whose it is.
        Example {
            text: "Talks open\n\nSANTIAGO (May 6, 2025) -- The guests met Erik Dahl, Ambassador of Norway to Chile, and Ana Rojas, Ambassador to Norway, on Monday.\n",
            yields: &[("Erik Dahl", Predicate::Country, "Norway")],
            absent: &[
                ("Erik Dahl", Predicate::Country, "Chile"),
                ("Ana Rojas", Predicate::Country, "Norway"),
            ],
        },
    ],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>, mi: usize) {
    if person_at(c, &v.mentions, mi).is_none() {
        return;
    }
    let Some(a) = after_name(c, v, mi) else {
        return;
    };
    if let Some(n) = nation_of_post(c, v, a.window) {
        c.facts
            .add(v.mentions[mi].entity, Predicate::Country, n, &v.span);
    }
}
