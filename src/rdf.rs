//! Mapping to RDF: the quads of one release (its named
//! graph), and the background knowledge graph. Knows extraction's types and Oxigraph's data
//! model, never the store.

use crate::date::Date;
use crate::extract::{EntityType, Extraction, Object, Predicate};
use crate::knowledge::Knowledge;
use crate::reading::Release;
use crate::text::slug;
use crate::vocab::{
    self, background_graph, dct, document_iri, entity_iri, ontology_graph, sk, skos,
};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// The hash of a release's content; the document IRI derives from it.
pub(crate) fn content_hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The IRI of a rank, from its name.
fn rank_iri(name: &str) -> NamedNode {
    vocab::rank_iri(&slug(name))
}

fn class_of(kind: EntityType) -> NamedNode {
    sk(kind.as_str())
}

/// Byte offset to Unicode code point offset.
struct CodePoints<'a> {
    text: &'a str,
}

impl CodePoints<'_> {
    fn at(&self, byte: usize) -> usize {
        let b = byte.min(self.text.len());
        self.text[..b].chars().count()
    }
}

/// A confidence as `xsd:decimal` to three decimals, in the canonical form a store gives it
/// back ("0.761", "0.8", "1").
fn confidence_literal(c: f64) -> Literal {
    let fixed = format!("{c:.3}");
    let canonical = fixed.trim_end_matches('0').trim_end_matches('.');
    Literal::new_typed_literal(canonical, xsd::DECIMAL)
}

fn date_literal(d: Date) -> Literal {
    Literal::new_typed_literal(d.to_string(), xsd::DATE)
}

/// The quads of one release: everything in the named graph whose name is the document IRI.
pub fn document_quads(release: &Release, x: &Extraction, kb: &Knowledge) -> (NamedNode, Vec<Quad>) {
    let hash = content_hash(&release.content);
    let doc = document_iri(&hash);
    let g = GraphName::NamedNode(doc.clone());
    let mut q: Vec<Quad> = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| {
        q.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p,
            o,
            g.clone(),
        ));
    };
    let cp = CodePoints {
        text: &release.content,
    };

    // The document and its metadata.
    add(&doc, rdf::TYPE.into_owned(), sk("Document").into());
    add(
        &doc,
        sk("source"),
        Literal::new_simple_literal(&release.source).into(),
    );
    add(
        &doc,
        sk("contentHash"),
        Literal::new_simple_literal(&hash).into(),
    );
    add(
        &doc,
        sk("content"),
        Literal::new_simple_literal(&release.content).into(),
    );
    if let Some(t) = &x.metadata.title {
        add(&doc, dct("title"), Literal::new_simple_literal(t).into());
    }
    if let Some(d) = x.metadata.published {
        add(&doc, dct("issued"), date_literal(d).into());
    }

    // Entity IRIs. Unnamed events live under the document; named events carry their year.
    let year_of = |i: usize| {
        x.relations
            .iter()
            .find_map(|r| match (&r.object, r.subject == i, r.predicate) {
                (Object::Date(d), true, Predicate::Date) => Some(d.year),
                _ => None,
            })
    };
    let iris: Vec<NamedNode> = x
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if let Some(local) = e.key.strip_prefix("local/") {
                vocab::document_part(&doc, local)
            } else if e.kind == EntityType::Event {
                match year_of(i).or(x.metadata.published.map(|d| d.year)) {
                    Some(y) if !e.name.contains(&y.to_string()) => {
                        entity_iri(&format!("{}-{y}", e.key))
                    }
                    _ => entity_iri(&e.key),
                }
            } else {
                entity_iri(&e.key)
            }
        })
        .collect();
    for (i, e) in x.entities.iter().enumerate() {
        let s = &iris[i];
        let class = match (&e.event_class, e.kind) {
            (Some(c), EntityType::Event) => vocab::known_iri(c),
            _ => class_of(e.kind),
        };
        add(s, rdf::TYPE.into_owned(), class.into());
        if e.kind == EntityType::Event {
            // Queries may ask for sk:Event without reasoning.
            add(s, rdf::TYPE.into_owned(), sk("Event").into());
        }
        add(
            s,
            rdfs::LABEL.into_owned(),
            Literal::new_language_tagged_literal_unchecked(&e.name, "en").into(),
        );
        for a in &e.aliases {
            add(
                s,
                skos("altLabel"),
                Literal::new_language_tagged_literal_unchecked(a, "en").into(),
            );
        }
        add(&doc, sk("mentions"), s.clone().into());
        if let Some(r) = e.rank {
            add(s, sk("rank"), rank_iri(&kb.ranks[r].name).into());
        }
        if let Some(n) = e.nation {
            let nation = &kb.nations[n];
            add(
                s,
                sk("isoCode"),
                Literal::new_simple_literal(&nation.iso2).into(),
            );
            if let Some(w) = &nation.wikidata {
                add(s, vocab::same_as(), vocab::wikidata_iri(w).into());
            }
        }
    }
    if let Some(a) = x.metadata.author {
        add(&doc, dct("creator"), iris[a].clone().into());
    }
    if let Some(line) = &x.metadata.publisher_line {
        add(
            &doc,
            dct("publisher"),
            Literal::new_simple_literal(line).into(),
        );
    }
    if let Some(p) = x.metadata.publisher {
        add(&doc, dct("publisher"), iris[p].clone().into());
    }
    if let Some(p) = x.metadata.dateline {
        add(&doc, sk("dateline"), iris[p].clone().into());
    }

    // Evidence sentences, numbered by their order in the release.
    let mut sentence_nodes: BTreeMap<(usize, usize), NamedNode> = BTreeMap::new();
    let mut sentence_node = |r: &Range<usize>, q: &mut Vec<Quad>| -> NamedNode {
        let key = (r.start, r.end);
        if let Some(n) = sentence_nodes.get(&key) {
            return n.clone();
        }
        let n = vocab::document_part(
            &doc,
            &format!("sentence/{}-{}", cp.at(r.start), cp.at(r.end)),
        );
        let sg = g.clone();
        let mut put = |p: NamedNode, o: Term| q.push(Quad::new(n.clone(), p, o, sg.clone()));
        put(rdf::TYPE.into_owned(), sk("Sentence").into());
        put(
            sk("text"),
            Literal::new_simple_literal(&release.content[r.clone()]).into(),
        );
        put(sk("start"), Literal::from(cp.at(r.start) as i64).into());
        put(sk("end"), Literal::from(cp.at(r.end) as i64).into());
        put(sk("inDocument"), doc.clone().into());
        sentence_nodes.insert(key, n.clone());
        n
    };

    // Relations, each with a reified fact: its sentence and rule.
    for (fi, r) in x.relations.iter().enumerate() {
        let s = iris[r.subject].clone();
        let p = sk(r.predicate.local_name());
        let o: Term = match &r.object {
            Object::Entity(o) => iris[*o].clone().into(),
            Object::Date(d) => date_literal(*d).into(),
        };
        q.push(Quad::new(s.clone(), p.clone(), o.clone(), g.clone()));
        let f = vocab::document_part(&doc, &format!("fact/{fi}"));
        let ev = sentence_node(&r.evidence, &mut q);
        for (pp, oo) in [
            (rdf::TYPE.into_owned(), Term::from(sk("Fact"))),
            (rdf::SUBJECT.into_owned(), s.into()),
            (rdf::PREDICATE.into_owned(), p.into()),
            (rdf::OBJECT.into_owned(), o),
            (sk("evidence"), ev.into()),
            (sk("rule"), Literal::new_simple_literal(r.rule).into()),
            (
                sk("confidence"),
                confidence_literal(kb.confidence(r.rule)).into(),
            ),
        ] {
            q.push(Quad::new(f.clone(), pp, oo, g.clone()));
        }
    }

    // Roles: the rank and post each person held as of the release's date.
    for (i, e) in x.entities.iter().enumerate() {
        if e.kind != EntityType::Person || (e.rank.is_none() && e.post.is_none()) {
            continue;
        }
        let role = vocab::document_part(&doc, &format!("role/{i}"));
        let mut put = |p: NamedNode, o: Term| q.push(Quad::new(role.clone(), p, o, g.clone()));
        put(rdf::TYPE.into_owned(), sk("Role").into());
        put(sk("holder"), iris[i].clone().into());
        if let Some(r) = e.rank {
            put(sk("rank"), rank_iri(&kb.ranks[r].name).into());
        }
        if let Some(p) = &e.post {
            put(sk("post"), Literal::new_simple_literal(p).into());
        }
        for r in &x.relations {
            if r.subject == i && matches!(r.predicate, Predicate::Heads | Predicate::MemberOf) {
                if let Object::Entity(o) = r.object {
                    put(sk("organization"), iris[o].clone().into());
                }
            }
        }
        if let Some(d) = x.metadata.published {
            put(sk("asOf"), date_literal(d).into());
        }
        q.push(Quad::new(
            iris[i].clone(),
            sk("holds"),
            role.clone(),
            g.clone(),
        ));
    }

    // Quotes.
    for (qi, quote) in x.quotes.iter().enumerate() {
        let n = vocab::document_part(&doc, &format!("quote/{qi}"));
        let ev = sentence_node(&quote.evidence, &mut q);
        let mut put = |p: NamedNode, o: Term| q.push(Quad::new(n.clone(), p, o, g.clone()));
        put(rdf::TYPE.into_owned(), sk("Quote").into());
        put(sk("text"), Literal::new_simple_literal(&quote.text).into());
        put(sk("inDocument"), doc.clone().into());
        put(sk("evidence"), ev.into());
        put(sk("rule"), Literal::new_simple_literal(quote.rule).into());
        put(
            sk("confidence"),
            confidence_literal(kb.confidence(quote.rule)).into(),
        );
        if let Some(s) = quote.speaker {
            put(sk("speaker"), iris[s].clone().into());
        }
    }
    (doc, q)
}

/// The background knowledge as quads in its own graph: nations, known organizations,
/// places and ranks.
pub fn background_quads(kb: &Knowledge) -> Vec<Quad> {
    let g = GraphName::NamedNode(background_graph());
    let mut q = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| {
        q.push(Quad::new(s.clone(), p, o, g.clone()));
    };
    let lit = |s: &str| Term::from(Literal::new_language_tagged_literal_unchecked(s, "en"));
    for n in &kb.nations {
        let s = entity_iri(&format!("nation/{}", n.iso2));
        add(&s, rdf::TYPE.into_owned(), sk("Nation").into());
        add(&s, rdfs::LABEL.into_owned(), lit(&n.name));
        for a in n.aliases.iter().chain(&n.demonyms) {
            add(&s, skos("altLabel"), lit(a));
        }
        add(
            &s,
            sk("isoCode"),
            Literal::new_simple_literal(&n.iso2).into(),
        );
        if let Some(w) = &n.wikidata {
            add(&s, vocab::same_as(), vocab::wikidata_iri(w).into());
        }
    }
    for o in &kb.organizations {
        let s = entity_iri(&format!("org/{}", o.id));
        add(&s, rdf::TYPE.into_owned(), sk("Organization").into());
        add(&s, rdfs::LABEL.into_owned(), lit(&o.name));
        for a in &o.aliases {
            add(&s, skos("altLabel"), lit(a));
        }
        if let Some(n) = &o.nation {
            add(&s, sk("country"), entity_iri(&format!("nation/{n}")).into());
        }
        if let Some(p) = &o.parent {
            add(
                &s,
                sk("subOrganizationOf"),
                entity_iri(&format!("org/{p}")).into(),
            );
        }
        if let Some(w) = &o.wikidata {
            add(&s, vocab::same_as(), vocab::wikidata_iri(w).into());
        }
    }
    // Persons declared in ontology extensions, with the post they hold.
    for p in &kb.persons {
        let s = entity_iri(&format!("person/{}", p.id));
        add(&s, rdf::TYPE.into_owned(), sk("Person").into());
        add(&s, rdfs::LABEL.into_owned(), lit(&p.name));
        for a in &p.aliases {
            add(&s, skos("altLabel"), lit(a));
        }
        if let Some(r) = p.rank {
            add(&s, sk("rank"), rank_iri(&kb.ranks[r].name).into());
        }
        if let Some(n) = &p.nation {
            add(&s, sk("country"), entity_iri(&format!("nation/{n}")).into());
        }
        let org = p
            .organization
            .as_ref()
            .map(|o| entity_iri(&format!("org/{o}")));
        if let Some(o) = &org {
            let rel = if p.heads { "heads" } else { "memberOf" };
            add(&s, sk(rel), o.clone().into());
        }
        if p.post.is_some() || org.is_some() {
            let role = vocab::document_part(&s, "role/background");
            add(&role, rdf::TYPE.into_owned(), sk("Role").into());
            add(&role, sk("holder"), s.clone().into());
            if let Some(post) = &p.post {
                add(&role, sk("post"), Literal::new_simple_literal(post).into());
            }
            if let Some(o) = org {
                add(&role, sk("organization"), o.into());
            }
            if let Some(r) = p.rank {
                add(&role, sk("rank"), rank_iri(&kb.ranks[r].name).into());
            }
            add(&s, sk("holds"), role.into());
        }
    }
    for p in kb.places.iter().filter(|p| p.curated) {
        let s = entity_iri(&format!("place/{}", slug(&p.name)));
        add(&s, rdf::TYPE.into_owned(), sk("Place").into());
        add(&s, rdfs::LABEL.into_owned(), lit(&p.name));
        for a in &p.aliases {
            add(&s, skos("altLabel"), lit(a));
        }
        if let Some(n) = &p.nation {
            add(&s, sk("country"), entity_iri(&format!("nation/{n}")).into());
        }
    }
    for p in &kb.programs {
        let (class, ns) = if p.agreement {
            ("Agreement", "agreement")
        } else {
            ("Initiative", "initiative")
        };
        let s = entity_iri(&format!("{ns}/{}", slug(&p.name)));
        add(&s, rdf::TYPE.into_owned(), sk(class).into());
        add(&s, rdfs::LABEL.into_owned(), lit(&p.name));
        for a in &p.aliases {
            add(&s, skos("altLabel"), lit(a));
        }
    }
    for r in &kb.ranks {
        let s = rank_iri(&r.name);
        add(&s, rdf::TYPE.into_owned(), sk("Rank").into());
        add(&s, rdfs::LABEL.into_owned(), lit(&r.name));
        add(&s, skos("prefLabel"), lit(&r.name));
        for a in &r.abbreviations {
            add(&s, skos("altLabel"), lit(a));
        }
        if let Some(gr) = &r.grade {
            add(&s, skos("notation"), Literal::new_simple_literal(gr).into());
        }
    }
    q
}

/// The ontology files as quads in the ontology graph. Blank nodes are named by file and
/// order of appearance, so the same files give the same quads on every load (the parser
/// names them afresh each time), and an unchanged ontology is not rewritten.
pub fn ontology_quads(
    kb: &Knowledge,
) -> Result<Vec<Quad>, crate::knowledge::error::KnowledgeError> {
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::BlankNode;
    let g = ontology_graph();
    let mut out = Vec::new();
    for (fi, (name, text)) in kb.ontology_files.iter().enumerate() {
        let mut names: HashMap<BlankNode, BlankNode> = HashMap::new();
        let mut stable = |b: BlankNode| -> BlankNode {
            let n = names.len();
            names
                .entry(b)
                .or_insert_with(|| BlankNode::new_unchecked(format!("o{fi}b{n}")))
                .clone()
        };
        for quad in RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(g.clone())
            .for_slice(text.as_bytes())
        {
            let mut q = quad.map_err(|e| crate::knowledge::error::KnowledgeError::Turtle {
                file: name.clone(),
                message: e.to_string(),
            })?;
            if let NamedOrBlankNode::BlankNode(b) = q.subject {
                q.subject = stable(b).into();
            }
            if let Term::BlankNode(b) = q.object {
                q.object = stable(b).into();
            }
            out.push(q);
        }
    }
    Ok(out)
}
