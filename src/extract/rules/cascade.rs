//! Running the cascade. `RULES` is cut into passes, each a run of consecutive rules that
//! read the same unit: sentence rules (`Run::Sentence`, `Word`, `Mention`, `Pair`) go over the
//! sentences in order, event rules (`Clause`, `ClauseMention`, `Telling`) over the events the
//! sentences tell (`events::pass`), entity rules over the entities, and a document rule is
//! a pass of its own.
//!
//! Within a sentence, consecutive word rules run word by word, mention rules mention by
//! mention and pair rules pair by pair, so the facts stated about one word, mention or pair
//! stay together, in the order of the list.

use super::context::{Ctx, View};
use super::{events, Rule, Run, PAIR_WINDOW};

/// The kinds of pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    Sentences,
    Events,
    Entities,
    Document,
}

impl Run {
    pub(crate) fn pass(&self) -> Pass {
        match self {
            Run::Sentence(_) | Run::Word(_) | Run::Mention(_) | Run::Pair(_) => Pass::Sentences,
            Run::Clause(_) | Run::ClauseMention(_) | Run::Telling(_) => Pass::Events,
            Run::Entity(_) => Pass::Entities,
            Run::Document(_) => Pass::Document,
        }
    }
}

/// The passes of a cascade: (kind, its rules), in order.
pub(crate) fn passes(rules: &[Rule]) -> Vec<(Pass, &[Rule])> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rules.len() {
        let pass = rules[i].run.pass();
        let n = if pass == Pass::Document {
            1
        } else {
            rules[i..]
                .iter()
                .take_while(|r| r.run.pass() == pass)
                .count()
        };
        out.push((pass, &rules[i..i + n]));
        i += n;
    }
    out
}

/// Runs every rule of `rules` over the release.
pub(crate) fn run(c: &mut Ctx<'_, '_>, rules: &[Rule]) {
    for (pass, rules) in passes(rules) {
        match pass {
            Pass::Sentences => {
                let views = c.views;
                for v in views {
                    sentence(c, v, rules);
                }
            }
            Pass::Events => events::pass(c, rules),
            Pass::Entities => {
                let ids: Vec<usize> = c.ents.ids().collect();
                for id in ids {
                    for r in rules {
                        if let Run::Entity(f) = r.run {
                            c.facts.rule = r.name;
                            f(c, id);
                        }
                    }
                }
            }
            Pass::Document => {
                for r in rules {
                    if let Run::Document(f) = r.run {
                        c.facts.rule = r.name;
                        f(c);
                    }
                }
            }
        }
    }
}

/// The sentence rules of a pass over one sentence.
fn sentence(c: &mut Ctx<'_, '_>, v: &View<'_>, rules: &[Rule]) {
    let mut k = 0;
    while k < rules.len() {
        let same =
            |r: &Rule| std::mem::discriminant(&r.run) == std::mem::discriminant(&rules[k].run);
        let group = &rules[k..k + rules[k..].iter().take_while(|r| same(r)).count()];
        match rules[k].run {
            Run::Sentence(_) => {
                for r in group {
                    if let Run::Sentence(f) = r.run {
                        c.facts.rule = r.name;
                        f(c, v);
                    }
                }
            }
            Run::Word(_) => {
                for i in 0..v.words.len() {
                    for r in group {
                        if let Run::Word(f) = r.run {
                            c.facts.rule = r.name;
                            f(c, v, i);
                        }
                    }
                }
            }
            Run::Mention(_) => {
                for mi in 0..v.mentions.len() {
                    for r in group {
                        if let Run::Mention(f) = r.run {
                            c.facts.rule = r.name;
                            f(c, v, mi);
                        }
                    }
                }
            }
            Run::Pair(_) => {
                for i in 0..v.mentions.len() {
                    // Mentions are in the order printed: pairs end at the window.
                    let reach = v.mentions[i].toks.end + PAIR_WINDOW;
                    for j in i + 1..v.mentions.len() {
                        if v.mentions[j].toks.start > reach {
                            break;
                        }
                        for r in group {
                            if let Run::Pair(f) = r.run {
                                c.facts.rule = r.name;
                                f(c, v, i, j);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        k += group.len();
    }
}
