//! The vocabulary: every IRI and namespace spelled in one place. spacekg's own terms
//! (`sk:`), its identifiers (`id/`, `rank/`, `doc/`, `graph/`) and the W3C and community
//! vocabularies it writes (RDF, RDFS, OWL, XSD, SKOS, Dublin Core, SHACL, Wikidata).
//! Knows Oxigraph's `NamedNode` and nothing of the pipeline.

use oxigraph::model::NamedNode;

macro_rules! base {
    () => {
        "https://w3id.org/spacekg/"
    };
}

/// The root of every IRI spacekg mints.
pub const BASE: &str = base!();
/// The ontology's namespace (`sk:`).
pub const SK: &str = concat!(base!(), "ontology#");
/// Entities (`id:nation/JP`, `id:org/nasa`, `id:person/...`).
pub const ID: &str = concat!(base!(), "id/");
/// Nations, by ISO 3166 alpha-2 code.
pub const NATION: &str = concat!(base!(), "id/nation/");
/// Ranks, by slug.
pub const RANK: &str = concat!(base!(), "rank/");
/// Documents, by content hash.
pub const DOC: &str = concat!(base!(), "doc/");
/// Named graphs.
pub const GRAPH: &str = concat!(base!(), "graph/");

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const SH: &str = "http://www.w3.org/ns/shacl#";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";
/// SVG's XML namespace (the views' SVG output).
pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

pub const RDF_TYPE: &str = concat!("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type");
pub const RDF_FIRST: &str = concat!("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "first");
pub const RDF_REST: &str = concat!("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rest");
pub const RDF_NIL: &str = concat!("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "nil");
pub const RDF_LANG_STRING: &str =
    concat!("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "langString");
pub const RDFS_SUBCLASSOF: &str = concat!("http://www.w3.org/2000/01/rdf-schema#", "subClassOf");
pub const RDFS_LABEL: &str = concat!("http://www.w3.org/2000/01/rdf-schema#", "label");
pub const RDFS_COMMENT: &str = concat!("http://www.w3.org/2000/01/rdf-schema#", "comment");
pub const OWL_SAME_AS: &str = concat!("http://www.w3.org/2002/07/owl#", "sameAs");
pub const SKOS_ALT_LABEL: &str = concat!("http://www.w3.org/2004/02/skos/core#", "altLabel");
pub const DCTERMS_TYPE: &str = concat!("http://purl.org/dc/terms/", "type");

/// The prefixes spacekg writes in Turtle and shortens IRIs with, most specific first.
pub const PREFIXES: &[(&str, &str)] = &[
    ("sk", SK),
    ("sknation", NATION),
    ("id", ID),
    ("doc", DOC),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
];

fn iri(s: &str) -> NamedNode {
    // Every IRI built here is made of the constant bases and slugs/hex digits.
    NamedNode::new_unchecked(s)
}

/// A term of the ontology (`sk:Talks`, `sk:participant`).
pub fn sk(local: &str) -> NamedNode {
    iri(&format!("{SK}{local}"))
}

/// A term of SKOS (`skos:altLabel`, `skos:prefLabel`).
pub fn skos(local: &str) -> NamedNode {
    iri(&format!("{SKOS}{local}"))
}

/// A term of Dublin Core (`dcterms:title`, `dcterms:issued`, ...).
pub fn dct(local: &str) -> NamedNode {
    iri(&format!("{DCTERMS}{local}"))
}

/// The named graph of background knowledge (gazetteers), separate from what releases state.
pub fn background_graph() -> NamedNode {
    iri(&format!("{GRAPH}background"))
}

/// The named graph holding the ontology (core and extensions).
pub fn ontology_graph() -> NamedNode {
    iri(&format!("{GRAPH}ontology"))
}

/// The IRI of an entity key ("nation/JP", "person/anthony-j-mastalir").
pub fn entity_iri(key: &str) -> NamedNode {
    iri(&format!("{ID}{key}"))
}

/// The IRI of a rank, from its slug.
pub fn rank_iri(slug: &str) -> NamedNode {
    iri(&format!("{RANK}{slug}"))
}

/// The IRI of the document with this content hash.
pub fn document_iri(hash: &str) -> NamedNode {
    iri(&format!("{DOC}{}", &hash[..hash.len().min(24)]))
}

/// `owl:sameAs`.
pub fn same_as() -> NamedNode {
    iri(OWL_SAME_AS)
}

/// The IRI of a Wikidata item ("Q30").
pub fn wikidata_iri(id: &str) -> NamedNode {
    iri(&format!("{WIKIDATA}{id}"))
}

/// A node inside a document's own namespace (`doc:…/fact/3`, `doc:…/sentence/10-80`).
pub fn document_part(doc: &NamedNode, part: &str) -> NamedNode {
    iri(&format!("{}/{part}", doc.as_str()))
}

/// A term already spelled as an IRI elsewhere (an event class read from the ontology).
pub fn known_iri(iri_text: &str) -> NamedNode {
    iri(iri_text)
}

/// The entity key of an IRI under `id/` ("org/nasa"), if it is one.
pub fn entity_key(iri: &str) -> Option<&str> {
    iri.strip_prefix(ID).filter(|k| !k.is_empty())
}

/// The ISO code of a nation IRI (`…/id/nation/JP`).
pub fn nation_code(iri: &str) -> Option<&str> {
    iri.strip_prefix(NATION).filter(|k| !k.is_empty())
}

/// The slug of a rank IRI (`…/rank/general`).
pub fn rank_slug(iri: &str) -> Option<&str> {
    iri.strip_prefix(RANK)
}

/// The local name of an `sk:` term.
pub fn sk_local(iri: &str) -> Option<&str> {
    iri.strip_prefix(SK)
}

/// The part of an IRI after its last `#` or `/`.
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bases_nest_under_one_root() {
        for ns in [SK, ID, NATION, RANK, DOC, GRAPH] {
            assert!(ns.starts_with(BASE), "{ns}");
        }
        assert_eq!(entity_iri("nation/JP").as_str(), format!("{NATION}JP"));
        assert_eq!(nation_code(entity_iri("nation/JP").as_str()), Some("JP"));
        assert_eq!(
            entity_key(entity_iri("org/nasa").as_str()),
            Some("org/nasa")
        );
        assert_eq!(local_name(sk("Talks").as_str()), "Talks");
        assert_eq!(RDF_TYPE, oxigraph::model::vocab::rdf::TYPE.as_str());
        assert_eq!(OWL_SAME_AS, "http://www.w3.org/2002/07/owl#sameAs");
    }
}
