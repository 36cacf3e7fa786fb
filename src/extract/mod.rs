//! Extraction: from a release's text to entities, relations and quotes, each with the
//! sentence that states it and the rule that found it. Extraction knows nothing of RDF and
//! never fails: it returns what it found.
//!
//! Stages, each a module:
//! 1. `tokens`: words and sentences;
//! 2. `mentions`: names in each sentence, read against the gazetteers and the ontology's
//!    head words, turned into entities of the document (`Entities` merges forms that name
//!    one thing: "Brig. Gen. Anthony J. Mastalir", "Mastalir");
//! 3. `rules`: the genre's ways of stating who heads what, what belongs to whom, who took
//!    part in which event, and so on, one rule each, run in a cascade;
//! 4. `quotes`: quotations and their speakers.

mod entities;
mod mentions;
mod quotation;
mod quotes;
mod report;
mod rules;
pub mod tokens;

pub use report::describe;

pub use entities::Entities;

use crate::date::Date;
use crate::knowledge::{Cue, Knowledge};
use crate::reading::Release;
use std::collections::BTreeSet;
use std::ops::Range;
use tokens::{Token, Tokenizer};

/// The seven kinds of entity of GUIDE.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Nation,
    Organization,
    Person,
    Event,
    Initiative,
    Agreement,
    Place,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Nation => "Nation",
            EntityType::Organization => "Organization",
            EntityType::Person => "Person",
            EntityType::Event => "Event",
            EntityType::Initiative => "Initiative",
            EntityType::Agreement => "Agreement",
            EntityType::Place => "Place",
        }
    }
}

/// An entity of one release.
#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: EntityType,
    /// Preferred name: the fullest form seen (a person's without rank or title).
    pub name: String,
    /// Every other surface form seen.
    pub aliases: BTreeSet<String>,
    /// Identity across releases: the same key is the same node ("nation/JP",
    /// "org/ussf", "person/anthony-j-mastalir").
    pub key: String,
    /// Person: index into `Knowledge::ranks`.
    pub rank: Option<usize>,
    /// Person: the post held as of the release ("Commander").
    pub post: Option<String>,
    /// Nation: index into `Knowledge::nations`.
    pub nation: Option<usize>,
    /// Event: IRI of its class (a subclass of sk:Event), if known.
    pub event_class: Option<String>,
    /// Event without a proper name, described by the text.
    pub unnamed: bool,
    /// Byte ranges of its mentions in the content.
    pub mentions: Vec<Range<usize>>,
    /// Whether it is mentioned outside organization names (a nation only inside names is
    /// weaker evidence).
    pub standalone: bool,
}

/// The relations of GUIDE.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Predicate {
    MemberOf,
    Heads,
    Country,
    SubOrganizationOf,
    Participant,
    Host,
    Leader,
    Location,
    Date,
    Initiative,
    Sponsor,
    Member,
    Signatory,
    Agreement,
    Partner,
}

impl Predicate {
    /// The local name of the ontology property.
    pub(crate) fn local_name(self) -> &'static str {
        match self {
            Predicate::MemberOf => "memberOf",
            Predicate::Heads => "heads",
            Predicate::Country => "country",
            Predicate::SubOrganizationOf => "subOrganizationOf",
            Predicate::Participant => "participant",
            Predicate::Host => "host",
            Predicate::Leader => "leader",
            Predicate::Location => "location",
            Predicate::Date => "date",
            Predicate::Initiative => "initiative",
            Predicate::Sponsor => "sponsor",
            Predicate::Member => "member",
            Predicate::Signatory => "signatory",
            Predicate::Agreement => "agreement",
            Predicate::Partner => "partner",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Object {
    Entity(usize),
    Date(Date),
}

/// A relation with its evidence.
#[derive(Debug, Clone)]
pub struct Relation {
    pub subject: usize,
    pub predicate: Predicate,
    pub object: Object,
    /// The sentence that states it (byte range in the content).
    pub evidence: Range<usize>,
    /// The rule that produced it.
    pub rule: &'static str,
}

/// A quotation and who said it.
#[derive(Debug, Clone)]
pub struct Quote {
    pub speaker: Option<usize>,
    pub text: String,
    /// The quoted text's range (inside the marks).
    pub span: Range<usize>,
    /// The paragraph it stands in.
    pub evidence: Range<usize>,
    pub rule: &'static str,
}

/// Document metadata resolved to entities.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub author: Option<usize>,
    pub publisher: Option<usize>,
    /// The organization the office line names after the office ("Office of the
    /// Spokesperson, U.S. Department of State").
    pub publisher_parent: Option<usize>,
    /// The office line as printed, when it says more than the office's name (a parent, a
    /// minister's name and post).
    pub publisher_line: Option<String>,
    pub dateline: Option<usize>,
}

/// Everything extracted from one release.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    pub quotes: Vec<Quote>,
    /// Sentences of the body (byte ranges), in order.
    pub sentences: Vec<Range<usize>>,
    pub metadata: Metadata,
}

/// A sentence with its tokens.
pub(crate) struct Sentence {
    pub span: Range<usize>,
    pub tokens: Vec<Token>,
    /// The release's title: read last, it names only what the body names (its Title Case
    /// capitalizes verbs too), and describes no event of its own.
    pub is_title: bool,
}

/// Extraction, with its matchers built once and reused for every release.
pub struct Extractor<'k> {
    pub(crate) kb: &'k Knowledge,
    pub(crate) tokenizer: Tokenizer,
    pub(crate) lexicon: mentions::Lexicon,
}

impl<'k> Extractor<'k> {
    pub fn new(kb: &'k Knowledge) -> Self {
        Self {
            kb,
            tokenizer: Tokenizer::new(kb.abbreviations(), kb.cue_words(Cue::SponsorSuffix)),
            lexicon: mentions::Lexicon::new(kb),
        }
    }

    /// Extracts everything the release states.
    pub fn extract(&self, release: &Release) -> Extraction {
        let settled = mentions::settle_header(self.kb, release);
        let release = settled.as_ref().unwrap_or(release);
        let text = release.content.as_str();
        let mut sentences = Vec::new();
        // The title states facts too ("US, Japan host first-ever Space Engagement Talks"); it
        // is read after the body.
        let blocks = release
            .paragraphs
            .iter()
            .map(|p| (p, false))
            .chain(release.title_span.iter().map(|t| (t, true)));
        for (p, is_title) in blocks {
            let toks = self.tokenizer.tokenize(&text[p.clone()], p.start);
            for s in tokens::sentences(&text[p.clone()], &toks, p.start) {
                let stoks: Vec<Token> = toks
                    .iter()
                    .filter(|t| t.start >= s.start && t.end <= s.end)
                    .cloned()
                    .collect();
                sentences.push(Sentence {
                    span: s,
                    tokens: stoks,
                    is_title,
                });
            }
        }
        let mut ents = Entities::default();
        let found = mentions::find(self, release, &sentences, &mut ents);
        let mut metadata = mentions::metadata(self, release, &mut ents);
        let rels = rules::extract(self, release, &sentences, &found, &metadata, &mut ents);
        let mut quotes = quotes::extract(self, release, &found, &ents);
        let (entities, relations, map) = ents.finish(rels);
        for id in [
            &mut metadata.author,
            &mut metadata.publisher,
            &mut metadata.publisher_parent,
            &mut metadata.dateline,
        ] {
            *id = id.map(|i| map[i]);
        }
        for q in &mut quotes {
            q.speaker = q.speaker.map(|i| map[i]);
        }
        Extraction {
            entities,
            relations,
            quotes,
            sentences: sentences.into_iter().map(|s| s.span).collect(),
            metadata,
        }
    }
}

#[cfg(test)]
mod tests {
    //! Rules checked on sentences written for these tests (not from the sample corpus).
    use super::*;
    use crate::reading::parse_text;
    use std::sync::OnceLock;

    fn kb() -> &'static Knowledge {
        static KB: OnceLock<Knowledge> = OnceLock::new();
        KB.get_or_init(|| Knowledge::load(&[]).expect("the bundled knowledge loads"))
    }

    /// The knowledge with one extension file of Turtle beside the core ontology.
    fn with_extension(turtle: &str) -> Knowledge {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("extension.ttl"), turtle).expect("write");
        Knowledge::load(&[dir.path().to_path_buf()]).expect("the extension loads")
    }

    fn extract(text: &str) -> Extraction {
        Extractor::new(kb()).extract(&parse_text("test.txt", text))
    }

    /// The names of the entities of `kind`, in entity order.
    fn names_of(x: &Extraction, kind: EntityType) -> Vec<&str> {
        x.entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.as_str())
            .collect()
    }

    /// The classes of the events extracted, in entity order ("Visit", "Talks").
    fn event_kinds(x: &Extraction) -> Vec<&str> {
        x.entities
            .iter()
            .filter_map(|e| e.event_class.as_deref().map(crate::vocab::local_name))
            .collect()
    }

    fn has(x: &Extraction, s: &str, p: Predicate, o: &str) -> bool {
        x.relations.iter().any(|r| {
            x.entities[r.subject].name == s
                && r.predicate == p
                && match &r.object {
                    Object::Entity(e) => x.entities[*e].name == o,
                    Object::Date(d) => d.to_string() == o,
                }
        })
    }

    fn index_of(x: &Extraction, name: &str) -> usize {
        x.entities
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", x.entities))
    }

    fn person<'a>(x: &'a Extraction, name: &str) -> &'a Entity {
        x.entities
            .iter()
            .find(|e| e.kind == EntityType::Person && e.name == name)
            .unwrap_or_else(|| panic!("no person {name}: {:#?}", x.entities))
    }

    #[test]
    fn ranks_titles_and_posts() {
        let x = extract(
            "Title\n\nNORFOLK, Va. -- Vice Adm. Maria Ortega, commander of U.S. Space Command, met NASA Administrator Daniel Reyes on March 3, 2025.\n",
        );
        let ortega = person(&x, "Maria Ortega");
        assert_eq!(kb().ranks[ortega.rank.unwrap()].name, "Vice Admiral");
        assert!(ortega.aliases.contains("Vice Adm. Maria Ortega"));
        assert!(has(
            &x,
            "Maria Ortega",
            Predicate::Heads,
            "U.S. Space Command"
        ));
        assert!(has(
            &x,
            "Daniel Reyes",
            Predicate::Heads,
            "National Aeronautics and Space Administration"
        ));
        assert!(has(&x, "Maria Ortega", Predicate::Country, "United States"));
    }

    #[test]
    fn a_given_name_that_looks_like_a_rank() {
        let x = extract("Title\n\nTOKYO, Japan -- Japanese Defense Minister Gen Nakatani spoke.\n");
        let p = person(&x, "Gen Nakatani");
        assert!(p.rank.is_none());
    }

    #[test]
    fn the_title_gives_another_form_of_the_event_the_body_names() {
        let x = extract("Joint Statement on the Norway-Finland Arctic Space Dialogue\n\nOSLO, Norway (May 9, 2025) -- Officials of the Norwegian Space Agency held the Arctic Space Dialogue with Finland in Oslo on May 8.\n");
        let e = &x.entities[index_of(&x, "Arctic Space Dialogue")];
        assert!(
            e.aliases.contains("Norway-Finland Arctic Space Dialogue"),
            "{:?}",
            e.aliases
        );
    }

    #[test]
    fn an_agreement_title_naming_its_parties_is_one_agreement() {
        let x = extract("Title\n\nRIGA, Latvia (May 6, 2025) -- The Treaty of Friendship between Latvia and Chile dates from 1994.\n");
        let t = &x.entities[index_of(&x, "Treaty of Friendship between Latvia and Chile")];
        assert_eq!(t.kind, EntityType::Agreement);
        // The nations stay nations of their own.
        assert_eq!(x.entities[index_of(&x, "Chile")].kind, EntityType::Nation);
    }

    #[test]
    fn a_title_opening_with_the_end_of_a_short_name_is_that_agreement() {
        let x = extract("Norway-Chile Polar Framework Agreement signed\n\nOSLO, Norway (May 6, 2025) -- The ministers signed the Polar Framework Agreement Between the Government of Norway and the Government of Chile on Cooperation in Space. The Norway-Chile Polar Framework Agreement takes effect in June.\n");
        let agreements: Vec<_> = x
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Agreement)
            .collect();
        assert_eq!(agreements.len(), 1, "{agreements:?}");
        assert!(agreements[0]
            .aliases
            .iter()
            .any(|a| a.starts_with("Polar Framework Agreement Between")));
    }

    #[test]
    fn compounds_state_partnerships() {
        let x = extract("Title\n\nOSLO, Norway -- The U.S.-Norway space dialogue opened in Oslo on May 5, 2025.\n");
        assert!(
            has(&x, "United States", Predicate::Partner, "Norway")
                || has(&x, "Norway", Predicate::Partner, "United States")
        );
    }

    #[test]
    fn signing_a_named_agreement_is_an_event_unless_hedged() {
        let x = extract("Title\n\nOSLO, Norway (May 7, 2025) -- Good news.\n\nFinland signed the Polar Data Accord, officials said.\n");
        let signing = x
            .entities
            .iter()
            .position(|e| e.kind == EntityType::Event)
            .expect("a signing event");
        assert!(x
            .relations
            .iter()
            .any(|r| r.subject == signing && r.predicate == Predicate::Agreement));
        let x = extract("Title\n\nOSLO, Norway (May 7, 2025) -- Good news.\n\nFinland is considering signing the Polar Data Accord, officials said.\n");
        assert!(
            x.entities.iter().all(|e| e.kind != EntityType::Event),
            "{:#?}",
            x.entities
        );
    }

    #[test]
    fn a_numbered_meeting_of_a_dialogue_with_its_sides_chairs_and_next_venue() {
        let x = extract("Title\n\nMay 7, 2025\n\n1. On May 6, the Third Meeting of the Finland-Norway Dialogue on Polar Orbits was held in Oslo. The Finnish side was chaired by Ms. Aino Laakso, Director of the Polar Bureau.\n\n2. The two sides agreed to hold the next meeting in Helsinki.\n");
        let edition = "Third Meeting of the Finland-Norway Dialogue on Polar Orbits";
        assert!(has(&x, edition, Predicate::Date, "2025-05-06"));
        assert!(has(&x, edition, Predicate::Location, "Oslo"));
        assert!(has(&x, edition, Predicate::Leader, "Aino Laakso"));
        assert!(!has(&x, edition, Predicate::Location, "Helsinki"));
        assert!(
            x.entities.iter().all(|e| e.name != "Third Meeting"),
            "the capitalized 'Third Meeting' is the edition"
        );
    }

    #[test]
    fn a_described_agreement_ends_before_the_signing_s_date_place_and_parties() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Finland signed an arrangement on polar data sharing on May 3 in Oslo.\n");
        index_of(&x, "arrangement on polar data sharing");
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Finland signed a memorandum on cooperation in Earth observation in Oslo with Norway.\n");
        index_of(&x, "memorandum on cooperation in Earth observation");
    }

    #[test]
    fn names_that_lead_or_sign_are_persons_without_a_title() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Aino Laakso and Erik Dahl co-chaired the Nordic Orbit Dialogue in Oslo on Monday.\n");
        assert!(has(
            &x,
            "Nordic Orbit Dialogue",
            Predicate::Leader,
            "Aino Laakso"
        ));
        assert!(has(
            &x,
            "Nordic Orbit Dialogue",
            Predicate::Leader,
            "Erik Dahl"
        ));
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- The Nordic Orbit Dialogue in Oslo on Monday was chaired by Aino Laakso and Erik Dahl.\n");
        assert!(has(
            &x,
            "Nordic Orbit Dialogue",
            Predicate::Leader,
            "Erik Dahl"
        ));
        // A list after a post word: each name in it.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Norway signed the Polar Accord on Monday; astronauts Aino Laakso and Erik Dahl attended.\n");
        person(&x, "Aino Laakso");
        person(&x, "Erik Dahl");
    }

    #[test]
    fn an_ordinal_before_an_event_name_makes_an_edition_of_a_series() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Finland and Norway held the fourth Nordic Orbit Dialogue in Oslo on Monday.\n");
        let series = &x.entities[index_of(&x, "Nordic Orbit Dialogue")];
        assert_eq!(series.kind, EntityType::Initiative);
        let edition = "fourth Nordic Orbit Dialogue";
        assert_eq!(x.entities[index_of(&x, edition)].kind, EntityType::Event);
        assert!(has(
            &x,
            edition,
            Predicate::Initiative,
            "Nordic Orbit Dialogue"
        ));
        assert!(has(&x, edition, Predicate::Location, "Oslo"));
        // The first has no series before it: the ordinal makes another form of its name.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Finland and Norway held the inaugural Nordic Orbit Dialogue in Oslo on Monday.\n");
        let e = &x.entities[index_of(&x, "Nordic Orbit Dialogue")];
        assert_eq!(e.kind, EntityType::Event);
        assert!(
            e.aliases.contains("inaugural Nordic Orbit Dialogue"),
            "{e:#?}"
        );
    }

    #[test]
    fn a_body_of_listed_words_is_one_name_and_a_list_of_known_names_is_not() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Officials of the Department of Fisheries, Tourism and Polar Research met Maria Lopes of the Office of Orbits, Debris and Traffic Management.\n");
        let orgs = names_of(&x, EntityType::Organization);
        assert!(
            orgs.contains(&"Department of Fisheries, Tourism and Polar Research")
                && orgs.contains(&"Office of Orbits, Debris and Traffic Management"),
            "{orgs:?}"
        );
        // Known names after the comma are a list: the body ends before it.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- The Ministry of Fisheries, Finland and Chile met in Oslo.\n");
        let orgs = names_of(&x, EntityType::Organization);
        assert_eq!(orgs, ["Ministry of Fisheries"], "{:#?}", x.entities);
        // A body's name with its nation after "of" is the name without it, too.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Anna Berg of the Ministry of Polar Affairs met the Ministry of Polar Affairs of Chile.\n");
        let orgs = names_of(&x, EntityType::Organization);
        assert_eq!(orgs.len(), 1, "{:#?}", x.entities);
    }

    #[test]
    fn a_person_after_and_ends_a_body_s_name() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- The talks were led by Kari Holm of the Norwegian Ministry of Fisheries and Tomas Berg, Chilean Deputy Minister of Space.\n");
        let orgs = names_of(&x, EntityType::Organization);
        assert!(
            orgs.contains(&"Norwegian Ministry of Fisheries"),
            "{orgs:?}"
        );
        assert!(
            names_of(&x, EntityType::Person).contains(&"Tomas Berg"),
            "{:#?}",
            x.entities
        );
        // A word after "and" that is no given name goes on naming the body.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Kari Holm of the Ministry of Fisheries and Coastal Affairs spoke.\n");
        let orgs = names_of(&x, EntityType::Organization);
        assert_eq!(
            orgs,
            ["Ministry of Fisheries and Coastal Affairs"],
            "{:#?}",
            x.entities
        );
    }

    #[test]
    fn a_person_s_printed_form_opens_with_a_rank_or_title() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- He met Minister for Space Kari Holm and Chief of Defence Force Air Marshal Ivo Tamm.\n");
        let holm = person(&x, "Kari Holm");
        assert!(
            holm.aliases.iter().all(|a| !a.starts_with("Space")),
            "{holm:#?}"
        );
        let tamm = person(&x, "Ivo Tamm");
        assert!(tamm.aliases.contains("Air Marshal Ivo Tamm"), "{tamm:#?}");
    }

    #[test]
    fn a_name_after_a_long_post_and_before_of_is_a_person() {
        let x = extract("Title\n\nSEOUL (May 6, 2025) -- Director-General for Space and Polar Affairs Park Ji-hoon of the Polar Office opened the talks. Director for Orbital Affairs Lars Berg of the Polar Office closed them.\n");
        assert!(
            has(&x, "Park Ji-hoon", Predicate::MemberOf, "Polar Office"),
            "{:#?}",
            x.relations
        );
        assert!(
            has(&x, "Lars Berg", Predicate::MemberOf, "Polar Office"),
            "{:#?}",
            x.relations
        );
        // The words of a post with no name after them stay the post's.
        let x = extract("Title\n\nSEOUL (May 6, 2025) -- The Director for Orbital Affairs of the Polar Office opened the talks.\n");
        assert!(
            names_of(&x, EntityType::Person).is_empty(),
            "{:#?}",
            x.entities
        );
    }

    #[test]
    fn an_acronym_the_release_defines_overrides_the_gazetteer() {
        let x = extract("Title\n\nCAIRO (May 6, 2025) -- The Egyptian Space Agency (ESA) met the Andean Space Office. ESA will lead the work.\n");
        let orgs = names_of(&x, EntityType::Organization);
        assert!(!orgs.contains(&"European Space Agency"), "{orgs:?}");
        let e = &x.entities[index_of(&x, "Egyptian Space Agency")];
        assert!(e.aliases.contains("ESA"), "{e:#?}");
        // The gazetteer's own long form with its acronym is that body.
        let x = extract("Title\n\nPARIS (May 6, 2025) -- The European Space Agency (ESA) met the Andean Space Office.\n");
        assert!(names_of(&x, EntityType::Organization).contains(&"European Space Agency"));
    }

    #[test]
    fn a_class_noun_around_a_name_makes_it_an_event() {
        let x = extract("Title\n\nPARIS (March 3, 2025) -- France hosted the space exercise PolarStar 25 at Toulouse on March 1. The Nordic Shield exercise followed. Norway took part in Arctic Guard, a multinational space exercise.\n");
        let events = names_of(&x, EntityType::Event);
        for name in ["PolarStar 25", "Nordic Shield", "Arctic Guard"] {
            assert!(events.contains(&name), "{name}: {:#?}", x.entities);
        }
        assert!(
            has(&x, "PolarStar 25", Predicate::Host, "France"),
            "{:#?}",
            x.relations
        );
        // No series is read from a name the text types only by a class noun.
        assert!(
            names_of(&x, EntityType::Initiative).is_empty(),
            "{:#?}",
            x.entities
        );
        // A person or a titled name before the noun stays what it is.
        let x = extract("Title\n\nPARIS (March 3, 2025) -- The drills of Gen. Anne Morel exercise units daily. Kari Holm drill instructors met.\n");
        let persons = names_of(&x, EntityType::Person);
        assert_eq!(persons, ["Anne Morel", "Kari Holm"], "{:#?}", x.entities);
    }

    #[test]
    fn joining_an_occasion_is_no_signing() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Norway and Chile met in Oslo on May 5 for the Polar Space Dialogue. Ambassador Ana Rojas of Chile joined the opening session.\n");
        assert!(!event_kinds(&x).contains(&"Signing"), "{:#?}", x.entities);
        assert!(
            has(
                &x,
                "Polar Space Dialogue",
                Predicate::Participant,
                "Ana Rojas"
            ),
            "{:#?}",
            x.relations
        );
        // Joining an agreement is.
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- Chile joined the Polar Data Accord on May 5.\n",
        );
        assert!(event_kinds(&x).contains(&"Signing"), "{:#?}", x.entities);
    }

    #[test]
    fn a_lowercase_body_noun_before_a_name_makes_it_a_body() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Norway signed a memorandum with Chile's national space agency Andescosmos. The agency Director Kari Holm spoke.\n");
        assert_eq!(names_of(&x, EntityType::Organization), ["Andescosmos"]);
        assert_eq!(names_of(&x, EntityType::Person), ["Kari Holm"]);
    }

    #[test]
    fn operation_before_a_name_makes_an_initiative() {
        let x = extract("Title\n\nHELSINKI, Finland (May 6, 2025) -- Chile joined Operation Polar Relay on Monday.\n");
        assert_eq!(
            names_of(&x, EntityType::Initiative),
            ["Operation Polar Relay"]
        );
        // The word alone names nothing.
        let x =
            extract("Title\n\nHELSINKI, Finland (May 6, 2025) -- The Operation ended on Monday.\n");
        assert!(
            names_of(&x, EntityType::Initiative).is_empty(),
            "{:#?}",
            x.entities
        );
    }

    #[test]
    fn a_head_of_agreements_of_several_words_names_one() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Anna Berg, President of the Polar Space Office, and Ola Dahl, Director of the Andean Space Agency, signed a Letter of Intent between the two agencies.\n");
        assert!(
            has(
                &x,
                "Letter of Intent",
                Predicate::Signatory,
                "Polar Space Office"
            ),
            "{:#?}",
            x.relations
        );
        // One word of agreements alone names nothing; a longer name goes on after it.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Finland signed an Agreement in Oslo. Chile signed a Memorandum of Understanding concerning Polar Orbits (PO MoU).\n");
        let agreements = names_of(&x, EntityType::Agreement);
        assert!(
            !agreements.contains(&"Agreement")
                && !agreements.contains(&"Memorandum of Understanding"),
            "{agreements:?}"
        );
    }

    #[test]
    fn a_head_word_then_on_names_what_it_is_on() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Finland and Norway held the Finland–Norway Dialogue on Polar Orbits in Oslo on Monday.\n");
        let e = &x.entities[index_of(&x, "Finland–Norway Dialogue on Polar Orbits")];
        assert_eq!(e.kind, EntityType::Event);
        assert!(has(
            &x,
            "Finland–Norway Dialogue on Polar Orbits",
            Predicate::Location,
            "Oslo"
        ));
        // "on" before a day or after a name that is no head goes on naming nothing.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- The Polar Orbits Dialogue on Monday drew Finland on Space Day.\n");
        assert!(
            x.entities.iter().all(|e| !e.name.contains(" on ")),
            "{:#?}",
            x.entities
        );
    }

    #[test]
    fn quotes_after_and_before_their_speakers() {
        let x = extract(
            "Title\n\nBERLIN, Germany -- Brig. Gen. Anna Keller, commander of the Bundeswehr Space Command, spoke.\n\n“Working together in orbit makes each of our nations safer,” Keller said. “We will keep building on it.”\n\n“Partners see further when they share what they see,” said Col. Tom Berger.\n",
        );
        let keller = index_of(&x, "Anna Keller");
        let berger = index_of(&x, "Tom Berger");
        let by = |start: &str| {
            x.quotes
                .iter()
                .find(|q| q.text.starts_with(start))
                .and_then(|q| q.speaker)
        };
        assert_eq!(by("Working together in orbit"), Some(keller));
        assert_eq!(by("We will keep building"), Some(keller));
        assert_eq!(by("Partners see further"), Some(berger));
    }

    #[test]
    fn described_events_take_date_place_and_participants() {
        let x = extract(
            "Title\n\n  • Published March 12, 2025\n\nCANBERRA, Australia -- Australia and Norway signed the Artemis Accords on Monday at Parliament House in Canberra.\n",
        );
        let signing = x
            .entities
            .iter()
            .position(|e| e.kind == EntityType::Event && e.unnamed)
            .expect("an unnamed signing event");
        assert!(x.entities[signing]
            .event_class
            .as_deref()
            .unwrap()
            .ends_with("#Signing"));
        let date =
            x.relations
                .iter()
                .find_map(|r| match (&r.object, r.subject == signing, r.predicate) {
                    (Object::Date(d), true, Predicate::Date) => Some(d.to_string()),
                    _ => None,
                });
        assert_eq!(
            date.as_deref(),
            Some("2025-03-10"),
            "Monday before March 12, 2025"
        );
        assert!(has(&x, "Artemis Accords", Predicate::Signatory, "Norway"));
        assert!(has(
            &x,
            "Artemis Accords",
            Predicate::Signatory,
            "Australia"
        ));
    }

    #[test]
    fn acronyms_and_surnames_refer_back() {
        let x = extract(
            "Title\n\nPARIS, France -- The Orbital Debris Research Office (ODRO) hosted Lt. Col. Paul Martin. Martin said ODRO would grow.\n",
        );
        let orgs: Vec<_> = x
            .entities
            .iter()
            .filter(|e| e.name == "Orbital Debris Research Office")
            .collect();
        assert_eq!(orgs.len(), 1);
        assert!(orgs[0].aliases.contains("ODRO"));
        assert_eq!(
            x.entities
                .iter()
                .filter(|e| e.kind == EntityType::Person)
                .count(),
            1
        );
    }

    #[test]
    fn family_name_first_and_adjectival_compounds() {
        let x = extract(
            "Title\n\nSEOUL, Republic of Korea -- Gen. Kim Min-jun, commander of the Republic of Korea Air Force, joined the United States-led coalition.\n\n“Our airmen are ready for what comes next in orbit,” Kim said.\n",
        );
        let kim = index_of(&x, "Kim Min-jun");
        assert_eq!(
            x.quotes[0].speaker,
            Some(kim),
            "the family name alone names him"
        );
        assert!(x.entities.iter().all(|e| !e.name.contains("-led")));
    }

    #[test]
    fn appositives_name_sponsors_and_hosts() {
        let x = extract(
            "Title\n\nROME, Italy -- Officials discussed ORBITWATCH, a joint program of the Italian Space Agency and NASA, on June 3, 2025.\n\nTeams trained at Polar Shield 2025, U.S. Space Command’s annual multinational exercise, in Norway.\n",
        );
        assert!(
            has(
                &x,
                "ORBITWATCH",
                Predicate::Sponsor,
                "National Aeronautics and Space Administration"
            ),
            "{:#?}",
            x.relations
        );
        assert!(has(
            &x,
            "Polar Shield 2025",
            Predicate::Host,
            "U.S. Space Command"
        ));
        assert!(has(
            &x,
            "Polar Shield 2025",
            Predicate::Initiative,
            "Polar Shield"
        ));
    }

    #[test]
    fn sponsors_by_and_of_lists() {
        let x = extract(
            "Title\n\nOTTAWA, Canada -- The Northern Lights Accord was drafted in 2021 by the Canadian Space Agency and the European Space Agency. Norway and Denmark share responsibility for the Aurora Programme, which opened in 2022.\n",
        );
        for sponsor in ["Canadian Space Agency", "European Space Agency"] {
            assert!(
                has(&x, "Northern Lights Accord", Predicate::Sponsor, sponsor),
                "{sponsor}: {:#?}",
                x.relations
            );
        }
        for sponsor in ["Norway", "Denmark"] {
            assert!(
                has(&x, "Aurora Programme", Predicate::Sponsor, sponsor),
                "{sponsor}: {:#?}",
                x.relations
            );
        }
    }

    #[test]
    fn signatories_are_the_subject_of_signing() {
        let x = extract(
            "Title\n\nBERN, Switzerland (3 May 2025) -- The Swiss Space Office (SSO) and the Canadian Space Agency signed a Memorandum of Understanding (MoU) at the Federal Palace in Bern today that sets out Canada’s role in the Alpine Relay mission.\n",
        );
        for s in ["Swiss Space Office", "Canadian Space Agency"] {
            assert!(
                has(&x, "Memorandum of Understanding", Predicate::Signatory, s),
                "{s}: {:#?}",
                x.relations
            );
        }
        assert!(!has(
            &x,
            "Memorandum of Understanding",
            Predicate::Signatory,
            "Canada"
        ));
    }

    #[test]
    fn commands_and_components() {
        let x = extract(
            "Title\n\nRAMSTEIN AIR BASE, Germany -- The U.S. Space Force activated U.S. Space Forces Europe (SPACEFOR-EUR) on Dec. 8, 2023. Col. Dana Whitfield assumed command of the new unit. SPACEFOR-EUR joins U.S. Naval Forces Europe and U.S. Marine Forces Europe as a U.S. European Command component.\n\nGen. Hal Brenner of the U.S. Air Force, commander of U.S. Air Forces in Europe (USAFE) and NATO Allied Air Command, spoke.\n",
        );
        assert!(
            has(
                &x,
                "Dana Whitfield",
                Predicate::Heads,
                "U.S. Space Forces Europe"
            ),
            "{:#?}",
            x.relations
        );
        for child in [
            "U.S. Space Forces Europe",
            "U.S. Naval Forces Europe",
            "U.S. Marine Forces Europe",
        ] {
            assert!(
                has(
                    &x,
                    child,
                    Predicate::SubOrganizationOf,
                    "U.S. European Command"
                ),
                "{child}: {:#?}",
                x.relations
            );
        }
        assert!(has(
            &x,
            "Hal Brenner",
            Predicate::MemberOf,
            "U.S. Air Force"
        ));
        assert!(!has(&x, "Hal Brenner", Predicate::Heads, "U.S. Air Force"));
        assert!(
            has(&x, "Hal Brenner", Predicate::Heads, "Allied Air Command"),
            "{:#?}",
            x.relations
        );
    }

    #[test]
    fn known_programmes_and_lowercase_heads() {
        let x = extract(
            "Title\n\nTOKYO, Japan -- Officials reviewed Japan’s role on Gateway and in SERVIR, and the Orbital Relay campaign begins in 2026.\n",
        );
        let kind = |name: &str| x.entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(
            kind("Gateway"),
            Some(EntityType::Initiative),
            "{:#?}",
            x.entities
        );
        assert_eq!(kind("SERVIR"), Some(EntityType::Initiative));
        let relay = x
            .entities
            .iter()
            .find(|e| e.name == "Orbital Relay")
            .expect("a programme named by its lowercase head");
        assert!(
            relay.aliases.contains("Orbital Relay campaign"),
            "{relay:#?}"
        );
    }

    #[test]
    fn office_lines_name_the_office_and_its_parent() {
        for (line, office, parent) in [
            (
                "Office of the Spokesperson, U.S. Department of State",
                "Office of the Spokesperson",
                "U.S. Department of State",
            ),
            (
                "Federal Ministry of Defence, Press and Information Staff",
                "Press and Information Staff",
                "Federal Ministry of Defence",
            ),
        ] {
            let x = extract(&format!(
                "Title\n\n  • Media Note\n  • {line}\n\nBERLIN -- Officials met.\n"
            ));
            let p = x.metadata.publisher.expect("a publisher");
            assert_eq!(x.entities[p].name, office);
            assert_eq!(x.metadata.publisher_line.as_deref(), Some(line));
            assert!(
                has(&x, office, Predicate::SubOrganizationOf, parent),
                "{:#?}",
                x.relations
            );
        }
    }

    #[test]
    fn an_acronym_of_common_words_names_one_agreement() {
        let x = extract(
            "Title\n\nOSLO, Norway (4 June 2025) -- Norway signed a maritime domain awareness (MDA) exchange agreement with Denmark. It is the fifth MDA exchange agreement Norway has concluded.\n",
        );
        let agreements = names_of(&x, EntityType::Agreement);
        assert_eq!(agreements, ["maritime domain awareness exchange agreement"]);
    }

    #[test]
    fn persons_sign_for_the_bodies_they_head() {
        let x = extract(
            "Title\n\nCOLORADO SPRINGS, Colo. (April 2, 2025) -- Gen. Ada Brooks, commander of U.S. Space Command, and Maj. Gen. Lars Holm, commander of the Danish Joint Arctic Command, signed a Memorandum of Understanding (MOU) on April 1.\n",
        );
        let mou = x
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Agreement)
            .map(|e| e.name.clone())
            .expect("the memorandum");
        let dates: Vec<String> = x
            .relations
            .iter()
            .filter_map(|r| match r.object {
                Object::Date(d) if r.predicate == Predicate::Date => Some(d.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            dates,
            ["2025-04-01"],
            "the event's date, not the dateline's"
        );
        for body in ["U.S. Space Command", "Danish Joint Arctic Command"] {
            assert!(
                has(&x, &mou, Predicate::Signatory, body),
                "{body}: {:#?}",
                x.relations
            );
        }
    }

    #[test]
    fn titles_name_the_nation_served_and_the_persons_own() {
        let x = extract(
            "Title\n\nWASHINGTON (May 3, 2024) -- At the residence of Danish Ambassador to the United States Jesper Holm in Washington, officials met. The UK Secretary of State for Defence, the Rt Hon Alan Pike MP, took part.\n",
        );
        assert!(
            has(&x, "Jesper Holm", Predicate::Country, "Denmark"),
            "{:#?}",
            x.relations
        );
        assert!(!has(&x, "Jesper Holm", Predicate::Country, "United States"));
        assert!(
            has(&x, "Alan Pike", Predicate::Country, "United Kingdom"),
            "{:#?}",
            x.entities
        );
    }

    #[test]
    fn a_later_trigger_of_a_subclass_gives_the_kind() {
        let kb = with_extension("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix sk: <https://w3id.org/spacekg/ontology#> .\nsk:DataSharingSigning a owl:Class ; rdfs:subClassOf sk:Signing ; rdfs:label \"Data-sharing signing\"@en ; sk:trigger \"data-sharing agreement\" .\n");
        let x = Extractor::new(&kb).extract(&parse_text(
            "test.txt",
            "Title\n\nOSLO, Norway -- Norway and Denmark signed a data-sharing agreement in Oslo on May 2, 2025.\n",
        ));
        let event = x
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Event)
            .expect("the signing");
        assert_eq!(
            event.event_class.as_deref(),
            Some("https://w3id.org/spacekg/ontology#DataSharingSigning")
        );
    }

    #[test]
    fn events_inside_events_and_clauses() {
        let x = extract(
            "Title\n\nWASHINGTON (June 5, 2025) -- Chile signed the Artemis Accords on June 4 at Blair House in Washington. The signing took place during President Ana Soto’s state visit to the United States at the invitation of President Mark Reyes.\n\nThe agreement was confirmed at the third Pacific Defence Ministers’ Meeting, hosted on 2 June 2025 by U.S. Secretary of Defense Paul Grant in Hawaii.\n",
        );
        fn kind_of(e: &Entity) -> Option<&str> {
            e.event_class.as_deref().map(crate::vocab::local_name)
        }
        let visit = x
            .entities
            .iter()
            .position(|e| kind_of(e) == Some("Visit"))
            .expect("the state visit is an event of its own");
        let visit_name = x.entities[visit].name.clone();
        assert!(
            has(&x, &visit_name, Predicate::Participant, "Ana Soto"),
            "{:#?}",
            x.relations
        );
        assert!(
            has(&x, &visit_name, Predicate::Host, "Mark Reyes"),
            "{:#?}",
            x.relations
        );
        let signing = x
            .entities
            .iter()
            .find(|e| kind_of(e) == Some("Signing"))
            .map(|e| e.name.clone())
            .expect("the signing");
        assert!(!has(&x, &signing, Predicate::Participant, "Ana Soto"));
        assert!(!has(
            &x,
            "Artemis Accords",
            Predicate::Signatory,
            "United States"
        ));
        assert!(
            has(
                &x,
                "third Pacific Defence Ministers’ Meeting",
                Predicate::Host,
                "Paul Grant"
            ),
            "{:#?}",
            x.entities
        );
    }

    #[test]
    fn a_verb_of_another_kind_after_where_tells_a_second_event() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- Norwegian Minister of Trade Kari Nordmann met with Chilean Foreign Minister Pedro Alvarez in Oslo on May 5, where the two signed a memorandum of understanding on satellite data sharing.\n",
        );
        let of_kind = |k: &str| {
            x.entities
                .iter()
                .find(|e| e.event_class.as_deref().map(crate::vocab::local_name) == Some(k))
                .map(|e| e.name.clone())
                .unwrap_or_else(|| panic!("a {k}: {:#?}", x.entities))
        };
        let (meeting, signing) = (of_kind("Meeting"), of_kind("Signing"));
        let mou = "memorandum of understanding on satellite data sharing";
        assert!(
            has(&x, &signing, Predicate::Agreement, mou),
            "{:#?}",
            x.relations
        );
        assert!(!has(&x, &meeting, Predicate::Agreement, mou));
        for event in [&meeting, &signing] {
            assert!(
                has(&x, event, Predicate::Participant, "Pedro Alvarez"),
                "{event}"
            );
            assert!(
                has(&x, event, Predicate::Participant, "Kari Nordmann"),
                "{event}"
            );
            assert!(has(&x, event, Predicate::Location, "Oslo"), "{event}");
            assert!(has(&x, event, Predicate::Date, "2025-05-05"), "{event}");
        }
    }

    #[test]
    fn an_opening_phrase_of_occasion_does_not_tell_the_event() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- During the visit, the Norwegian Space Agency and the Chilean Space Agency signed a letter of intent on launch services.\n",
        );
        assert_eq!(event_kinds(&x), vec!["Signing"], "{:#?}", x.entities);
    }

    #[test]
    fn a_verb_whose_object_is_an_event_noun_tells_that_event() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- Chilean Minister of Science Pedro Alvarez concluded a three-day official visit to Norway on May 5.\n",
        );
        assert_eq!(event_kinds(&x), vec!["Visit"], "{:#?}", x.entities);
    }

    #[test]
    fn a_verb_for_an_event_noun_tells_that_event() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- Officials of Norway and Chile met in Oslo on May 5 for talks on orbital safety.\n\nThe talks were co-chaired by Kari Nordmann and Pablo Soto.\n",
        );
        assert_eq!(event_kinds(&x), vec!["Talks"], "{:#?}", x.entities);
        assert!(x.relations.iter().any(|r| r.predicate == Predicate::Leader
            && matches!(r.object, Object::Entity(o) if x.entities[o].name == "Kari Nordmann")));
        // "to" between: the verb's purpose is no event noun of its own ("met to prepare
        // talks").
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- Officials of Norway and Chile met in Oslo on May 5 to prepare for talks in June.\n",
        );
        assert_eq!(event_kinds(&x), vec!["Meeting"], "{:#?}", x.entities);
    }

    #[test]
    fn setting_up_an_initiative_is_no_launch_event() {
        for text in [
            "Title\n\nOSLO, Norway (May 6, 2025) -- Chile joined the Polar Orbit Coalition, a multinational effort launched by Norway in 2021, in Oslo on May 5.\n",
            "Title\n\nOSLO, Norway (May 6, 2025) -- Norway launched the Polar Orbit Coalition in Oslo on May 5.\n",
        ] {
            let x = extract(text);
            assert!(!event_kinds(&x).contains(&"Launch"), "{:#?}", x.entities);
        }
        // A spacecraft's launch still is one.
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- The Norwegian Space Agency launched two polar satellites from Andøya on May 5.\n",
        );
        assert_eq!(event_kinds(&x), vec!["Launch"], "{:#?}", x.entities);
    }

    #[test]
    fn overlapping_mentions_of_a_garbled_run_do_not_panic() {
        // Minimized from a fuzz finding (seed 11): two organization mentions of this run
        // overlap, and the appositive-post reader sliced the words between them.
        let x = extract("s\nWA- M C,ASA Administrator Directorate");
        assert!(
            x.entities
                .iter()
                .any(|e| e.name == "ASA Administrator Directorate"),
            "{:#?}",
            x.entities
        );
    }

    #[test]
    fn a_meeting_during_the_visit_adds_to_the_visit() {
        let x = extract(
            "Title\n\nBERLIN (Feb. 14, 2025) -- Gen. Kari Nordmann traveled to Germany Feb. 10-12 to meet German leaders.\n\nDuring the visit, Nordmann met with Lt. Gen. Klaus Becker and Maj. Gen. Jonas Richter.\n",
        );
        assert_eq!(event_kinds(&x), vec!["Visit"], "{:#?}", x.entities);
        for who in ["Klaus Becker", "Jonas Richter"] {
            assert!(
                x.relations
                    .iter()
                    .any(|r| r.predicate == Predicate::Participant
                        && matches!(r.object, Object::Entity(o) if x.entities[o].name == who)),
                "{who}: {:#?}",
                x.relations
            );
        }
    }

    #[test]
    fn an_announcement_is_an_event_unless_it_reports_another() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- The Norwegian Space Agency announced the Polar Access Initiative in Oslo on Monday.\n");
        assert_eq!(event_kinds(&x), vec!["Announcement"], "{:#?}", x.entities);
        // "announced that it has signed": the signing is the event.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- The Norwegian Space Agency today announced that it has signed a data-sharing agreement with the Chilean Space Agency.\n");
        assert_eq!(event_kinds(&x), vec!["Signing"], "{:#?}", x.entities);
    }

    #[test]
    fn a_name_before_of_and_a_nations_body_is_a_person() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Kenji Sato of Japan's Ministry of Defense presented the results.\n");
        assert_eq!(
            x.entities[index_of(&x, "Kenji Sato")].kind,
            EntityType::Person
        );
        assert!(has(&x, "Kenji Sato", Predicate::Country, "Japan"));
    }

    #[test]
    fn a_given_name_and_a_surname_are_a_person() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- The delegation included Ingrid Solberg and Kenji T. Sato. The Hope Probe reached Victoria Harbour on May 5.\n");
        let persons = names_of(&x, EntityType::Person);
        assert!(persons.contains(&"Ingrid Solberg"), "{persons:?}");
        assert!(persons.contains(&"Kenji T. Sato"), "{persons:?}");
        // A given name that is also a word, or a place the gazetteer knows, opens no person.
        assert!(!persons.contains(&"Hope Probe"), "{persons:?}");
        assert!(!persons.contains(&"Victoria Harbour"), "{persons:?}");
    }

    #[test]
    fn the_day_of_a_date_opens_no_name() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- The plan was shown at a Sept. 22 Polar Institute event; 3 Space Wing hosted it.\n");
        let orgs = names_of(&x, EntityType::Organization);
        assert!(orgs.contains(&"Polar Institute"), "{orgs:?}");
        // A unit's number still opens its name.
        assert!(orgs.contains(&"3 Space Wing"), "{orgs:?}");
    }

    #[test]
    fn a_body_after_a_capitalized_post_is_an_organization() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Erik Dahl, Director of the Polar Space Office, spoke. Aino Laine, Deputy Director of the Arctic Data Centre, spoke.\n");
        assert!(has(&x, "Erik Dahl", Predicate::Heads, "Polar Space Office"));
        assert!(has(
            &x,
            "Aino Laine",
            Predicate::MemberOf,
            "Arctic Data Centre"
        ));
        // The words of a post's subject stay the post's ("Minister for Space Affairs").
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Minister for Space Affairs Lars P. Berg spoke.\n");
        assert!(names_of(&x, EntityType::Organization).is_empty());
    }

    #[test]
    fn a_list_after_a_colon_of_taking_part_lists_participants() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Norway and Chile held the Polar Space Dialogue in Oslo on May 5.\n\nAlso taking part in the dialogue were:\n\n• Erik Dahl, director of the Arctic Space Office\n• Lucia Rojas, Chilean ambassador to Norway\n");
        assert!(has(
            &x,
            "Polar Space Dialogue",
            Predicate::Participant,
            "Erik Dahl"
        ));
        assert!(has(
            &x,
            "Polar Space Dialogue",
            Predicate::Participant,
            "Lucia Rojas"
        ));
    }

    #[test]
    fn a_rank_before_a_body_head_word_is_part_of_the_body_name() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Ivo Berg, Deputy Chief of the General Staff of the Norwegian Armed Forces, spoke on Monday.\n");
        let orgs = names_of(&x, EntityType::Organization);
        assert!(orgs.contains(&"General Staff"), "{orgs:?}");
        assert!(!orgs.contains(&"Staff"), "{orgs:?}");
        // A rank before a name stays a rank.
        let x =
            extract("Title\n\nOSLO, Norway (May 6, 2025) -- General Ivo Berg spoke on Monday.\n");
        assert_eq!(names_of(&x, EntityType::Person), vec!["Ivo Berg"]);
    }

    #[test]
    fn a_unit_number_after_its_head_word_is_part_of_the_unit_name() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Col. Ivo Berg, commander of Space Delta 4, met the commander of Space Delta 5 and visited No. 62 Squadron on May 8.\n");
        let orgs = names_of(&x, EntityType::Organization);
        for unit in ["Space Delta 4", "Space Delta 5", "No. 62 Squadron"] {
            assert!(orgs.contains(&unit), "{unit} not in {orgs:?}");
        }
        assert!(!orgs.contains(&"Space Delta"), "{orgs:?}");
    }

    #[test]
    fn a_long_opening_phrase_names_the_occasion_not_the_event() {
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- During a ceremony at the Polar Hall in Oslo on Monday, Chile became the 12th nation to sign the Polar Data Accord.\n");
        assert_eq!(event_kinds(&x), vec!["Signing"], "{:#?}", x.entities);
    }

    #[test]
    fn arriving_and_calling_are_events() {
        let x = extract("Title\n\nSANTIAGO, Chile (May 6, 2025) -- Gen. Kari Nordmann, chief of the Norwegian Air Force, arrived in Santiago on May 4 for talks.\n");
        assert!(!event_kinds(&x).is_empty(), "{:#?}", x.entities);
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Minister of Trade Kari Nordmann held a phone call with Chilean Minister of Science Pedro Alvarez on May 5.\n");
        assert_eq!(event_kinds(&x), vec!["Meeting"], "{:#?}", x.entities);
    }

    #[test]
    fn a_visit_told_over_several_days_is_one_visit() {
        let text = "Title\n\nSANTIAGO, Chile (May 6, 2025) -- Gen. Kari Nordmann, chief of the Norwegian Air Force, traveled to Santiago on May 4 to meet Chilean leaders.\n\nNordmann toured the Chilean Space Operations Center on May 5 with Gen. Pedro Alvarez.\n";
        let visits = |x: &Extraction| event_kinds(x).iter().filter(|k| **k == "Visit").count();
        assert_eq!(visits(&extract(text)), 1);
        // Signings on two days are two signings.
        let x = extract("Title\n\nOSLO, Norway (May 6, 2025) -- Norway signed the Polar Accord on May 4.\n\nDenmark signed the Polar Accord on May 5.\n");
        let signings = event_kinds(&x).iter().filter(|k| **k == "Signing").count();
        assert_eq!(signings, 2, "{:#?}", x.entities);
    }

    #[test]
    fn posts_no_list_holds_before_a_name() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- Norwegian National Security Advisor Kari Nordmann and Swedish Minister for Space Affairs Lars P. Berg met in Oslo.\n\nKaren Holm, the agency's Associate Administrator for International and Interagency Relations, attended.\n\nAnna Lind, who heads Sweden's Ministry of Research, joined them.\n",
        );
        let persons = names_of(&x, EntityType::Person);
        for p in ["Kari Nordmann", "Lars P. Berg", "Karen Holm", "Anna Lind"] {
            assert!(persons.contains(&p), "{p}: {persons:?}");
        }
        assert!(!persons.contains(&"Interagency Relations"), "{persons:?}");
        assert!(has(&x, "Kari Nordmann", Predicate::Country, "Norway"));
        assert!(has(&x, "Lars P. Berg", Predicate::Country, "Sweden"));
    }

    #[test]
    fn a_name_before_of_and_a_body_is_a_person_of_the_body() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 6, 2025) -- Also present were Erik Dahl of the Danish Space Research Institute and Anna K. Lind of NASA.\n\n\"We came to listen,\" Dahl said.\n\nDelegates of the Space Policy of the Nordic Council stayed away.\n",
        );
        assert!(
            has(
                &x,
                "Erik Dahl",
                Predicate::MemberOf,
                "Danish Space Research Institute"
            ),
            "{:#?}",
            x.relations
        );
        assert!(
            has(
                &x,
                "Anna K. Lind",
                Predicate::MemberOf,
                "National Aeronautics and Space Administration"
            ),
            "{:#?}",
            x.relations
        );
        assert!(!x
            .entities
            .iter()
            .any(|e| e.kind == EntityType::Person && e.name == "Space Policy"));
    }

    #[test]
    fn members_and_sponsors_of_programmes() {
        let x = extract(
            "Title\n\nTOKYO, Japan (3 March 2025) -- Japan, Australia and India will work together on the Indo-Pacific Orbit Watch programme. Officials praised the Quad partnership among Australia, India, Japan and the United States. The jointly built NASA-JAXA Lunar Relay Initiative will fly in 2027.\n",
        );
        for n in ["Japan", "Australia", "India"] {
            assert!(
                has(&x, "Indo-Pacific Orbit Watch", Predicate::Member, n),
                "{n}: {:#?}",
                x.relations
            );
        }
        assert!(
            has(&x, "Quad", Predicate::Member, "United States"),
            "{:#?}",
            x.relations
        );
        let relay = x
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Initiative && e.name.contains("Lunar Relay"))
            .map(|e| e.name.clone())
            .expect("the relay initiative");
        assert!(
            has(
                &x,
                &relay,
                Predicate::Sponsor,
                "Japan Aerospace Exploration Agency"
            ),
            "{:#?}",
            x.relations
        );
    }

    #[test]
    fn where_the_post_stands_says_who_is_headed() {
        let x = extract(
            "Title\n\nBONN, Germany (3 March 2025) -- Rear Adm. Ina Vogel, NATO director of space policy, met Dr. Jan Roth, Director General of the German Space Agency at the German Aerospace Center, and Col. Mia Lind, Danish Space Command commander, on Monday.\n",
        );
        assert!(
            has(
                &x,
                "Ina Vogel",
                Predicate::MemberOf,
                "North Atlantic Treaty Organization"
            ),
            "{:#?}",
            x.relations
        );
        assert!(!has(
            &x,
            "Ina Vogel",
            Predicate::Heads,
            "North Atlantic Treaty Organization"
        ));
        assert!(
            has(
                &x,
                "Jan Roth",
                Predicate::Heads,
                "German Space Agency at DLR"
            ),
            "{:#?}",
            x.relations
        );
        assert!(!has(
            &x,
            "Jan Roth",
            Predicate::Heads,
            "German Aerospace Center"
        ));
        assert!(
            has(&x, "Mia Lind", Predicate::Heads, "Danish Space Command"),
            "{:#?}",
            x.relations
        );
    }

    #[test]
    fn persons_named_after_a_role_noun() {
        let x = extract(
            "Title\n\nCOLOGNE, Germany (3 March 2025) -- European Space Agency (ESA) astronauts Lena Berg and Tomas Kral visited the center.\n",
        );
        for name in ["Lena Berg", "Tomas Kral"] {
            assert!(
                has(&x, name, Predicate::MemberOf, "European Space Agency"),
                "{name}: {:#?}",
                x.relations
            );
        }
    }

    #[test]
    fn commands_named_with_the_region_they_serve() {
        let x = extract(
            "Title\n\nSEOUL -- The unit joins U.S. Naval Forces Korea and U.S. Marine Forces Korea as a USFK component.\n",
        );
        for name in ["U.S. Naval Forces Korea", "U.S. Marine Forces Korea"] {
            assert!(
                has(&x, name, Predicate::SubOrganizationOf, "U.S. Forces Korea"),
                "{name}: {:#?}",
                x.entities
            );
            assert!(has(&x, name, Predicate::Country, "United States"));
        }
    }

    #[test]
    fn former_titles_and_verb_phrases_after_names() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 2, 2025) -- Norway’s then-Minister for Foreign Affairs Kari Dahl and Tor Berg, Norway’s Minister of Trade, Industry and Fisheries (NFD), signed an agreement on May 1.\n",
        );
        assert!(
            x.entities
                .iter()
                .any(|e| e.kind == EntityType::Person && e.name == "Kari Dahl"),
            "{:#?}",
            x.entities
        );
        assert!(
            !x.entities.iter().any(|e| e.kind == EntityType::Agreement),
            "', signed an agreement' types no name: {:#?}",
            x.entities
        );
        assert!(
            !x.entities
                .iter()
                .any(|e| e.kind == EntityType::Organization),
            "the given name Kari is not the acronym KARI: {:#?}",
            x.entities
        );
    }

    #[test]
    fn the_framework_a_signing_falls_under_is_not_what_was_signed() {
        let x = extract(
            "Title\n\nOTTAWA, Canada (May 2, 2025) -- Canada and Brazil signed the Lunar Data Arrangement on May 1 in Ottawa. The arrangement is the first concluded under the Canada-Brazil Framework Agreement. Foreign ministers Ana Lima and Paul Roy signed that framework in 2022, with Prime Minister Ed Hale in attendance.\n",
        );
        let signing = x
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Event)
            .map(|e| e.name.clone())
            .expect("the signing");
        assert!(
            has(&x, &signing, Predicate::Agreement, "Lunar Data Arrangement"),
            "{:#?}",
            x.relations
        );
        assert!(
            !has(
                &x,
                &signing,
                Predicate::Agreement,
                "Canada-Brazil Framework Agreement"
            ),
            "{:#?}",
            x.relations
        );
    }

    #[test]
    fn an_earlier_occasion_told_in_passing_is_not_the_event() {
        let x = extract(
            "Title\n\nRAMSTEIN AIR BASE, Germany -- The U.S. Space Force activated U.S. Space Forces Europe at Ramstein Air Base on Dec. 8, 2023. The unit reports to U.S. Space Forces Central, which was activated in Florida in November 2022.\n",
        );
        let ev = x
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Event)
            .map(|e| e.name.clone())
            .expect("the activation");
        assert!(
            has(&x, &ev, Predicate::Location, "Ramstein Air Base"),
            "{:#?}",
            x.relations
        );
        assert!(
            !has(&x, &ev, Predicate::Location, "Florida"),
            "{:#?}",
            x.relations
        );
    }

    #[test]
    fn history_and_unnamed_agreements_stay_apart() {
        let x = extract(
            "Title\n\nWASHINGTON (September 14, 2023) -- Ambassador Jan Vos hosted the signing ceremony at the embassy in Washington. Eight nations signed the original Artemis Accords on October 13, 2020.\n\nNASA Administrator Bill Nelson and Minister Eva Stam signed an agreement on rover research.\n",
        );
        let dates: Vec<String> = x
            .relations
            .iter()
            .filter_map(|r| match r.object {
                Object::Date(d) if r.predicate == Predicate::Date => Some(d.to_string()),
                _ => None,
            })
            .collect();
        assert!(
            !dates.contains(&"2020-10-13".to_string()),
            "{:#?}",
            x.relations
        );
        assert!(
            !has(
                &x,
                "Artemis Accords",
                Predicate::Signatory,
                "National Aeronautics and Space Administration"
            ),
            "{:#?}",
            x.relations
        );
    }

    #[test]
    fn careers_and_successions() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 2, 2025) -- Maj. Gen. Ola Moen, who led Norwegian Space Command from 2021, will retire. Gen. Moen has been succeeded as its commander by Brig. Gen. Siri Lunde, a senior Royal Norwegian Air Force officer who previously served at U.S. Space Command.\n",
        );
        assert!(
            has(&x, "Ola Moen", Predicate::Heads, "Norwegian Space Command"),
            "{:#?}",
            x.relations
        );
        assert!(
            has(
                &x,
                "Siri Lunde",
                Predicate::Heads,
                "Norwegian Space Command"
            ),
            "{:#?}",
            x.relations
        );
        assert!(
            has(&x, "Siri Lunde", Predicate::MemberOf, "U.S. Space Command"),
            "{:#?}",
            x.relations
        );
        assert!(
            !has(&x, "Siri Lunde", Predicate::Country, "United States"),
            "{:#?}",
            x.relations
        );
    }

    #[test]
    fn posts_that_name_their_organization() {
        let x = extract(
            "Title\n\nCANBERRA, Australia (May 2, 2025) -- Chief of Air Force Air Marshal Kim Reid opened the Royal Australian Air Force conference. Gen. Dan Frey, the Chief of Space Operations, spoke about the U.S. Space Force.\n",
        );
        assert!(
            has(
                &x,
                "Kim Reid",
                Predicate::Heads,
                "Royal Australian Air Force"
            ),
            "{:#?}",
            x.relations
        );
        assert!(
            has(&x, "Dan Frey", Predicate::Heads, "U.S. Space Force"),
            "{:#?}",
            x.relations
        );
    }

    #[test]
    fn two_people_with_one_surname_stay_two() {
        let x = extract(
            "Title\n\nOSLO, Norway (May 2, 2025) -- Gen. John Berg, commander of Norwegian Joint Headquarters, met Col. Anna Berg, commander of the Norwegian Space Operations Center, on Monday.\n\n“We share one sky,” said Col. Berg.\n",
        );
        let bergs = names_of(&x, EntityType::Person);
        assert_eq!(bergs.len(), 2, "{bergs:?}");
        assert!(bergs.contains(&"John Berg") && bergs.contains(&"Anna Berg"));
        let speaker = x
            .quotes
            .first()
            .and_then(|q| q.speaker)
            .map(|s| x.entities[s].name.as_str());
        assert_eq!(speaker, Some("Anna Berg"), "the colonel, by rank");
    }

    #[test]
    fn on_after_a_name_is_no_part_of_it() {
        let x = extract(
            "Title\n\nRIGA, Latvia (May 6, 2025) -- The talks were led by Foreign Secretary Ivo Lind on the Latvian side and by the Committee on the Polar Orbits.\n",
        );
        let persons = names_of(&x, EntityType::Person);
        assert_eq!(persons, ["Ivo Lind"]);
        let bodies = names_of(&x, EntityType::Organization);
        assert!(
            bodies.contains(&"Committee on the Polar Orbits"),
            "{bodies:?}"
        );
    }

    #[test]
    fn persons_an_extension_declares_are_recognized() {
        let kb = with_extension("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix sk: <https://w3id.org/spacekg/ontology#> .\n@prefix skperson: <https://w3id.org/spacekg/id/person/> .\n@prefix skrank: <https://w3id.org/spacekg/rank/> .\nskperson:lena-dahl a sk:Person ; rdfs:label \"Lena Dahl\"@en ; sk:rank skrank:colonel .\n");
        let x = Extractor::new(&kb).extract(&parse_text(
            "test.txt",
            "Title\n\nOSLO, Norway -- The team led by Lena Dahl met on May 2, 2025.\n",
        ));
        let p = x
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Person)
            .expect("the declared person, named without rank or title");
        assert_eq!(p.key, "person/lena-dahl");
        assert_eq!(p.rank.map(|r| kb.ranks[r].name.as_str()), Some("Colonel"));
    }

    #[test]
    fn organizations_named_head_of_something() {
        let x = extract(
            "Title\n\nCANBERRA, Australia (May 2, 2025) -- State Secretary Ole Lie of the Norwegian Ministry of Defence met officials of Australia’s Department of Industry, Science and Resources (DISR) and the Republic of Korea, Japan and the United States.\n",
        );
        let orgs = names_of(&x, EntityType::Organization);
        assert!(orgs.contains(&"Norwegian Ministry of Defence"), "{orgs:?}");
        assert!(
            orgs.contains(&"Department of Industry, Science and Resources"),
            "{orgs:?}"
        );
        assert!(
            has(
                &x,
                "Ole Lie",
                Predicate::MemberOf,
                "Norwegian Ministry of Defence"
            ),
            "{:#?}",
            x.relations
        );
        let nations = x
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Nation)
            .count();
        assert!(
            nations >= 4,
            "a list of nations is no name: {:#?}",
            x.entities
        );
    }

    #[test]
    fn numbered_editions_and_appositives_that_serve() {
        let x = extract(
            "Title\n\nDENVER (Sept. 20, 2025) -- Participants from Australia, Canada and Japan took part in Polar Wargame 2025 at Buckley Space Force Base.\n\nAir Commodore Ann Bell, director of space at the United Kingdom’s Ministry of Defence, spoke.\n",
        );
        assert!(
            x.entities
                .iter()
                .any(|e| e.kind == EntityType::Event && e.name == "Polar Wargame 2025"),
            "{:#?}",
            x.entities
        );
        for n in ["Australia", "Canada", "Japan"] {
            assert!(
                has(&x, "Polar Wargame 2025", Predicate::Participant, n),
                "{n}: {:#?}",
                x.relations
            );
        }
        assert!(
            has(&x, "Ann Bell", Predicate::MemberOf, "Ministry of Defence"),
            "{:#?}",
            x.relations
        );
        assert!(!has(
            &x,
            "Ann Bell",
            Predicate::Heads,
            "Ministry of Defence"
        ));
        assert!(has(
            &x,
            "Ministry of Defence",
            Predicate::Country,
            "United Kingdom"
        ));
    }

    #[test]
    fn the_next_occasion_is_not_this_one() {
        let x = extract(
            "Title\n\nOTTAWA, Canada (March 12, 2025) -- Delegations of Canada and Chile met in Santiago on March 10, 2025, for the first Canada-Chile Space Dialogue. The delegations agreed to convene the next Dialogue in Ottawa in 2026.\n",
        );
        let ev = "Canada-Chile Space Dialogue";
        assert!(
            has(&x, ev, Predicate::Location, "Santiago"),
            "{:#?}",
            x.relations
        );
        assert!(
            !has(&x, ev, Predicate::Location, "Ottawa"),
            "{:#?}",
            x.relations
        );
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        /// Words of the genre, mixed at random: names, triggers, cue phrases, punctuation
        /// and quotes in every position, so that every rule meets edge positions (a trigger
        /// first, "to" last, an open parenthesis at the end).
        const VOCAB: &[&str] = &[
            "The",
            "the",
            "U.S.",
            "Space",
            "Force",
            "Japan",
            "NASA",
            "signed",
            "visit",
            "to",
            "Washington",
            "Gen.",
            "Anna",
            "Keller",
            ",",
            ".",
            "(",
            ")",
            "ESA",
            "and",
            "with",
            "assumed",
            "command",
            "of",
            "as",
            "a",
            "component",
            "hosted",
            "by",
            "led",
            "delegation",
            "Accords",
            "Artemis",
            "Memorandum",
            "Understanding",
            "MoU",
            "May",
            "12",
            "2024",
            "“",
            "”",
            "said",
            "’s",
            "joins",
            "together",
            "during",
            "ceremony",
            "Command",
            "partnership",
            "Exercise",
            "Talks",
            "in",
            "at",
            "–",
            "then-Minister",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn extraction_never_panics(words in proptest::collection::vec(0..VOCAB.len(), 0..60)) {
                let body: Vec<&str> = words.iter().map(|&i| VOCAB[i]).collect();
                let text = format!("Title\n\nWASHINGTON (May 1, 2024) -- {}\n", body.join(" "));
                let x = extract(&text);
                for r in &x.relations {
                    prop_assert!(r.subject < x.entities.len());
                }
            }
        }
    }
}
