//! Extraction: from a release's text to entities, relations and quotes, each with the
//! sentence that states it and the rule that found it. Extraction knows nothing of RDF and
//! never fails: it returns what it found.
//!
//! Stages, each a module:
//! 1. `tokens`: words and sentences;
//! 2. `mentions`: names in each sentence, read against the gazetteers and the ontology's
//!    head words, turned into entities of the document (`Entities` merges forms that name
//!    one thing: "Brig. Gen. Anthony J. Mastalir", "Mastalir");
//! 3. `relations`: the genre's ways of stating who heads what, what belongs to whom, who
//!    took part in which event, and so on;
//! 4. `quotes`: quotations and their speakers.

mod entities;
mod mentions;
mod quotes;
mod relations;
pub mod tokens;

pub use entities::{slug, Entities};

use crate::date::Date;
use crate::knowledge::Knowledge;
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
    pub fn local_name(self) -> &'static str {
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
            tokenizer: Tokenizer::new(kb.abbreviations()),
            lexicon: mentions::Lexicon::new(kb),
        }
    }

    /// Extracts everything the release states.
    pub fn extract(&self, release: &Release) -> Extraction {
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
        let mut rels = relations::Relations::default();
        relations::extract(self, release, &sentences, &found, &mut ents, &mut rels);
        let mut quotes = quotes::extract(self, release, &sentences, &found, &ents);
        let (entities, relations, map) = ents.finish(rels.into_vec());
        for id in [
            &mut metadata.author,
            &mut metadata.publisher,
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
