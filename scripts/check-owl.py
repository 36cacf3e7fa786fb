#!/usr/bin/env python3
"""Checks that Turtle ontology files are OWL 2 with an independent parser (py-horned-owl,
after rapper converts the Turtle to RDF/XML): every class and property the Turtle declares
must come out of the OWL parser with the same kind, no IRI may be both an object and a
datatype property (illegal in OWL 2 DL), and the ontology must survive a round trip through
OWL functional syntax. Usage: check-owl.py FILE.ttl...  (each file is checked alone, the
core ontology included beside each extension)."""
import subprocess
import sys
import tempfile

import pyhornedowl
import rdflib
from rdflib.namespace import OWL, RDF

KINDS = {
    OWL.Class: "get_classes",
    OWL.ObjectProperty: "get_object_properties",
    OWL.DatatypeProperty: "get_data_properties",
    OWL.AnnotationProperty: "get_annotation_properties",
}


def check(paths):
    g = rdflib.Graph()
    for p in paths:
        g.parse(p, format="turtle")
    with tempfile.NamedTemporaryFile("w", suffix=".owl", delete=False) as out:
        merged = g.serialize(format="turtle")
        xml = subprocess.run(
            ["rapper", "-q", "-i", "turtle", "-o", "rdfxml", "-", "file:///merged"],
            input=merged.encode(), capture_output=True, check=True,
        ).stdout
        out.write(xml.decode())
        owl_path = out.name
    onto = pyhornedowl.open_ontology_from_file(owl_path, "owl")
    problems = []
    declared = {}
    for kind, getter in KINDS.items():
        got = set(getattr(onto, getter)())
        for s in g.subjects(RDF.type, kind):
            if isinstance(s, rdflib.URIRef):
                declared.setdefault(str(s), []).append(kind)
                if str(s) not in got:
                    problems.append(f"{s}: declared {kind.n3(g.namespace_manager)} in Turtle, "
                                    "missing from the OWL parse")
    for iri, kinds in declared.items():
        if OWL.ObjectProperty in kinds and OWL.DatatypeProperty in kinds:
            problems.append(f"{iri}: both an object and a datatype property")
    ofn = onto.save_to_string("ofn")
    again = pyhornedowl.open_ontology_from_string(ofn, "ofn")
    if len(again.get_axioms()) != len(onto.get_axioms()):
        problems.append("the OWL functional syntax round trip lost axioms")
    return onto, problems


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    failed = False
    for path in sys.argv[1:]:
        files = [path] if path.endswith("spacekg.ttl") else ["ontology/spacekg.ttl", path]
        onto, problems = check(files)
        for p in problems:
            print(f"{path}: {p}")
        failed |= bool(problems)
        print(f"{path}: OWL 2 parse: {len(onto.get_classes())} classes, "
              f"{len(onto.get_object_properties())} object properties, "
              f"{len(onto.get_data_properties())} datatype properties, "
              f"{len(onto.get_axioms())} axioms" + (", PROBLEMS" if problems else ", ok"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
