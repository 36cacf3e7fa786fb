//! The nation that opens the title printed before a name is the person's: "Estonia’s
//! Minister of Economic Affairs, the Rt Hon Kadri Tamm" (one after "to" or "in" is where
//! they serve, not theirs). A person whose nation this sentence already states is left
//! alone (`nation-before-name` reads "the Estonian Minister ... Kadri Tamm" first).

use super::super::context::{Ctx, View};
use super::super::{Example, Reads, Rule, Run};
use crate::extract::{EntityType, Predicate};

pub(crate) const RULE: Rule = Rule {
    name: "nation-opens-title",
    reads: &[
        Reads::Mentions(EntityType::Person),
        Reads::Mentions(EntityType::Nation),
        Reads::Facts(Predicate::Country),
    ],
    states: &[Predicate::Country],
    run: Run::Sentence(run),
    examples: &[Example {
        text: "Ministers meet\n\nOSLO, Norway (May 6, 2025) -- Estonia’s Minister of Economic Affairs, the Rt Hon Kadri Tamm, spoke on Monday.\n",
        yields: &[("Kadri Tamm", Predicate::Country, "Estonia")],
        absent: &[],
    }, Example {
        text: "Ministers meet\n\nOSLO, Norway (May 6, 2025) -- Estonia’s Minister of Defence Kadri Tamm and Latvia’s Minister of Defence Janis Berzins met on Monday.\n",
        yields: &[
            ("Kadri Tamm", Predicate::Country, "Estonia"),
            ("Janis Berzins", Predicate::Country, "Latvia"),
        ],
        absent: &[("Janis Berzins", Predicate::Country, "Estonia")],
    }, Example {
        text: "Ministers meet\n\nOSLO, Norway (May 6, 2025) -- Deputy Director Aino Laine of the Finnish Space Office and Erik Dahl, the Norwegian Space Agency's director of policy, spoke.\n",
        yields: &[],
        absent: &[("Erik Dahl", Predicate::Country, "Finland")],
    }],
};

fn run(c: &mut Ctx<'_, '_>, v: &View<'_>) {
    let (ms, words) = (&v.mentions, &v.words);
    let mut found: Vec<(usize, usize)> = Vec::new();
    for m in ms {
        if c.kind(m.entity) != EntityType::Person
            || c.facts
                .of(Predicate::Country)
                .any(|r| r.subject == m.entity && r.evidence == v.span)
        {
            continue;
        }
        // The title phrase: capitalized words and the small words of titles, back from the
        // rank or title before the name; ", the Rt Hon" may sit between title and name.
        let end = m.lead.min(m.toks.start);
        let mut k = end;
        while k > 0 && end - k < 14 {
            // "... the Finnish Space Office and Erik Dahl": an "and" right before the name
            // joins it to another agent; it opens no title.
            if k == end && words[k - 1] == "and" {
                break;
            }
            // Another person's name ends the title ("Japan's Minister Taro Suzuki and
            // Chile's Minister Pedro Alvarez").
            let other_person = ms.iter().any(|o| {
                o.entity != m.entity
                    && c.kind(o.entity) == EntityType::Person
                    && o.toks.contains(&(k - 1))
            });
            if other_person {
                break;
            }
            let raw = v.raw(c.text, k - 1);
            let small = matches!(
                words[k - 1].as_str(),
                "of" | "for" | "and" | "to" | "the" | "'s"
            );
            let cap = raw.chars().next().is_some_and(char::is_uppercase);
            let honorific_comma = raw == ","
                && words[k..m.toks.start]
                    .iter()
                    .any(|w| w == "hon" || w == "rt");
            if !(small || cap || honorific_comma) {
                break;
            }
            k -= 1;
        }
        // The nation nearest the name.
        let nation = ms.iter().rev().find(|o| {
            c.kind(o.entity) == EntityType::Nation
                && o.toks.start >= k
                && o.toks.end <= end
                && !(o.toks.start > 0 && matches!(words[o.toks.start - 1].as_str(), "to" | "in"))
        });
        if let Some(n) = nation {
            found.push((m.entity, n.entity));
        }
    }
    for (p, n) in found {
        c.facts.add(p, Predicate::Country, n, &v.span);
    }
}
