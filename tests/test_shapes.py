"""kgraph.shapes: every graph kgraph writes conforms to its SHACL shapes; a corrupted one fails."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import PROV, SH
from test_merge import corpus

from kgraph import rdf
from kgraph.graph import build_graph
from kgraph.rdf import KG, NIF, SEM, resource_iri
from kgraph.shapes import shapes, validate


@pytest.fixture(scope="module")
def ds():
    return rdf.to_rdf(build_graph(corpus()))


def union(ds) -> Graph:
    g = Graph()
    g += [(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))]
    return g


def test_a_merged_corpus_conforms_per_document_and_as_one_graph(ds):
    assert validate(ds) == []
    assert validate(union(ds)) == []


EVENT = resource_iri("event", "ea2")
MENTION = next(iter(union(rdf.to_rdf(build_graph(corpus()))).objects(EVENT, PROV.wasDerivedFrom)))


@pytest.mark.parametrize(
    "remove,add,message",
    [
        ((EVENT, SEM.eventType, None), [], "exactly one type"),
        ((EVENT, KG.confidence, None), [(EVENT, KG.confidence, Literal(1.5))], "[0, 1]"),
        ((EVENT, KG.source, None), [(EVENT, KG.target, None)], "at least one actor"),
        ((EVENT, KG.modality, None), [(EVENT, KG.modality, Literal("certain"))], "kg:modality"),
        ((MENTION, NIF.endIndex, None), [(MENTION, NIF.endIndex, Literal(2))], "less than"),
        ((EVENT, PROV.wasDerivedFrom, None), [], "prov:wasDerivedFrom"),
        ((None, KG.id, Literal("ea2")), [], "kg:id"),
    ],
)
def test_a_corrupted_graph_fails_with_a_readable_line(ds, remove, add, message):
    g = union(ds)
    g.remove(remove)
    for s, p, o in add:
        if o is None:  # drop that property too
            g.remove((s, p, None))
        else:
            g.add((s, p, o))
    lines = [str(v) for v in validate(g)]
    assert lines and all("\n" not in line for line in lines)
    assert any(message in line for line in lines), lines
    assert any(line.startswith("event:ea2-") or "mention:" in line for line in lines)


def test_violations_name_the_document_graph(ds):
    g = ds.graph(resource_iri("doc", "wire-b"))
    g.add((EVENT, KG.sourceCount, Literal(7)))
    try:
        lines = [str(v) for v in validate(ds)]
    finally:
        g.remove((EVENT, KG.sourceCount, Literal(7)))
    assert lines and all(line.startswith("doc:wire-b-") for line in lines)


def test_the_shapes_cover_every_class_kgraph_writes():
    targets = set(shapes().objects(None, SH.targetClass))
    assert {
        SEM.Event,
        KG.Mention,
        KG.Actor,
        rdf.SDO.NewsArticle,
        rdf.SDO.QuantitativeValue,
    } <= targets
    assert (EVENT, RDF.type, SEM.Event) in union(rdf.to_rdf(build_graph(corpus())))
