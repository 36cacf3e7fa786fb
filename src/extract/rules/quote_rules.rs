//! The names quotes.rs gives its attributions (`Quote::rule`), each with an example release
//! written for it: the quotation (by its first words) and its speaker. Quotes are not
//! relations and keep their own module; this is their registry.

use super::examples::kb;
use crate::extract::Extractor;
use crate::reading::parse_text;

/// A quote rule and the releases written for it.
struct QuoteRule {
    name: &'static str,
    examples: &'static [QuoteExample],
}

/// A release and its quotes: (the quote's first words, its speaker's name).
struct QuoteExample {
    text: &'static str,
    quotes: &'static [(&'static str, Option<&'static str>)],
}

const QUOTE_RULES: &[QuoteRule] = &[
    QuoteRule {
        name: "speech-verb",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- Col. Mia Strand opened the radar site.\n\n“This radar lets us watch the whole northern sky,” Strand said.\n",
            quotes: &[("This radar lets us watch", Some("Mia Strand"))],
        }],
    },
    QuoteRule {
        name: "pronoun-continues-speaker",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- Col. Mia Strand opened the radar site.\n\n“This radar lets us watch the whole northern sky,” she said.\n",
            quotes: &[("This radar lets us watch", Some("Mia Strand"))],
        }],
    },
    QuoteRule {
        name: "speaker-before-quote",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- The radar site opened on Monday.\n\nCol. Mia Strand said: “This radar lets us watch the whole northern sky.”\n",
            quotes: &[("This radar lets us watch", Some("Mia Strand"))],
        }],
    },
    QuoteRule {
        name: "continuation-in-paragraph",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- Col. Mia Strand opened the radar site on Monday.\n\n“This radar lets us watch the whole northern sky.” “It will run through the polar night,” Strand said.\n",
            quotes: &[("This radar lets us watch", Some("Mia Strand"))],
        }],
    },
    QuoteRule {
        name: "speaker-of-previous-paragraph",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- The radar site opened on Monday under Col. Mia Strand.\n\n“This radar lets us watch the whole northern sky from one place.”\n",
            quotes: &[("This radar lets us watch", Some("Mia Strand"))],
        }],
    },
    QuoteRule {
        name: "title-names-speaker",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- Defence Minister Siri Holm opened the radar site with Col. Mia Strand.\n\n“This radar lets us watch the whole northern sky,” the Minister said.\n",
            quotes: &[("This radar lets us watch", Some("Siri Holm"))],
        }],
    },
    QuoteRule {
        name: "speaker-line-after-quote",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- The radar site opened on Monday.\n\nQuotes\n\n“This radar lets us watch the whole northern sky from one place.”\n\nColonel Mia Strand, Commander, Arctic Space Wing\n",
            quotes: &[("This radar lets us watch", Some("Mia Strand"))],
        }],
    },
    QuoteRule {
        name: "speaker-after-dash",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- The radar site opened on Monday with Col. Ivo Berg.\n\n“This radar lets us watch the whole northern sky from one place” - Mia Strand, Minister of Defence\n",
            quotes: &[("This radar lets us watch", Some("Mia Strand"))],
        }],
    },
    QuoteRule {
        name: "organization-speaks",
        examples: &[
            QuoteExample {
                text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- The Polar Space Agency opened the radar site on Monday.\n\n“This radar lets us watch the whole northern sky,” the Agency said in a statement.\n\n“It will run through the polar night,” it added.\n",
                quotes: &[
                    ("This radar lets us watch", Some("Polar Space Agency")),
                    ("It will run through the", Some("Polar Space Agency")),
                ],
            },
            QuoteExample {
                text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- The radar site opened on Monday.\n\n“This radar lets us watch the whole northern sky,” said the Polar Space Agency.\n",
                quotes: &[("This radar lets us watch", Some("Polar Space Agency"))],
            },
        ],
    },
    QuoteRule {
        name: "no-speaker",
        examples: &[QuoteExample {
            text: "Radar opens\n\nOSLO, Norway (May 6, 2025) -- “This radar lets us watch the whole northern sky from one place.”\n",
            quotes: &[("This radar lets us watch", None)],
        }],
    },
];

/// Every quote of the sample releases names a registered rule.
#[test]
fn sample_releases_quote_by_registered_rules() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/releases");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("data/releases") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a sample release");
        let x = Extractor::new(kb()).extract(&parse_text("sample", &text));
        for q in &x.quotes {
            seen += 1;
            assert!(
                QUOTE_RULES.iter().any(|r| r.name == q.rule),
                "{}: unregistered quote rule {:?}",
                path.display(),
                q.rule
            );
        }
    }
    assert!(seen > 10, "{seen} quotes");
}

#[test]
fn quote_rules_examples_hold() {
    for rule in QUOTE_RULES {
        for QuoteExample { text, quotes } in rule.examples {
            let x = Extractor::new(kb()).extract(&parse_text(rule.name, text));
            for (starts, speaker) in quotes.iter() {
                let q = x
                    .quotes
                    .iter()
                    .find(|q| q.text.starts_with(starts))
                    .unwrap_or_else(|| {
                        panic!("{}: no quote {starts:?}: {:#?}", rule.name, x.quotes)
                    });
                let who = q.speaker.map(|s| x.entities[s].name.as_str());
                assert_eq!(
                    (q.rule, who),
                    (rule.name, *speaker),
                    "{}: quote {starts:?}",
                    rule.name
                );
            }
            for q in &x.quotes {
                assert!(
                    QUOTE_RULES.iter().any(|r| r.name == q.rule),
                    "unregistered quote rule {:?}",
                    q.rule
                );
            }
        }
    }
}
