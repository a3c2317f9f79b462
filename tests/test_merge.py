"""Cross-document merging (kgraph.merge via build_graph), on hand-built documents."""

from __future__ import annotations

from dataclasses import replace
from itertools import permutations

import networkx as nx
import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from kgraph import rdf
from kgraph.graph import build_graph
from kgraph.merge import merge_corpus
from kgraph.rdf import KG, SDO, resource_iri
from kgraph.records import Actor, DateValue, DocumentResult, Event, Mention, Quantity, Span

FULL = Actor("antony-blinken-7f7a7a", "Antony Blinken", "person", "USA", "GOV",
             mentions=(Mention("Antony Blinken", 0, 14, how="ner"),))  # fmt: skip
SURNAME = Actor("blinken-d47165", "Blinken", "person", mentions=(Mention("Blinken", 0, 7),))
AS_PLACE = Actor("blinken-1ca753", "Blinken", "place", mentions=(Mention("Blinken", 0, 7),))
ASHKENAZI = Actor("gabi-ashkenazi-e86e33", "Gabi Ashkenazi", "person", "ISR",
                  mentions=(Mention("Gabi Ashkenazi", 20, 34),))  # fmt: skip
HAMAS = Actor("hamas-271b73", "Hamas", "armed_group", "PSE", "REB", "Q38799",
              mentions=(Mention("Hamas", 0, 5, how="gazetteer"),))  # fmt: skip
IRM = Actor("hamas-271b73", "Hamas", "armed_group", "PSE", "REB", "Q38799",
            mentions=(Mention("The Islamic Resistance Movement", 0, 31, how="gazetteer"),))  # fmt: skip
ISRAEL = Actor("israel-e87f16", "Israel", "country", "ISR", "GOV",
               mentions=(Mention("Israel", 40, 46, how="gazetteer"),))  # fmt: skip
PRESIDENT = Actor("president-ce5e1f", "president", "person", sector="GOV",
                  mentions=(Mention("the president", 0, 13, how="role"),))  # fmt: skip
SENT = Span("Hamas fired rockets at Israel, killing 12 people.", 0, 49)


def fired(eid, doc, killed=None, day=None, **kw) -> Event:
    qs = (Quantity("killed", killed, "exact", str(killed), 39, 41),) if killed else ()
    date = DateValue(day, "day", "Thursday", 30, 38) if day else None
    return Event(eid, doc, "ASSAULT", "19", kw.pop("predicate", "fired"), ("hamas-271b73",),
                 ("israel-e87f16",), Span("fired", 6, 11), SENT, quantities=qs, date=date,
                 **kw)  # fmt: skip


def spoke(eid, doc, source, target="gabi-ashkenazi-e86e33", **kw) -> Event:
    return Event(eid, doc, "CONSULT", "04", "spoke with", (source,), (target,),
                 Span("spoke with", 8, 18), Span("Blinken spoke with Ashkenazi.", 0, 29), **kw)  # fmt: skip


def doc(doc_id, actors, events=(), date="2021-05-20") -> DocumentResult:
    return DocumentResult(doc_id, tuple(actors), tuple(events), title=doc_id, date=date,
                          url=f"https://example.org/{doc_id}")  # fmt: skip


def corpus() -> list[DocumentResult]:
    """Two wires on the same day: the same call and the same rocket fire, two death tolls."""
    return [
        doc("wire-a", [FULL, ASHKENAZI, HAMAS, ISRAEL, PRESIDENT],
            [spoke("ea1", "wire-a", FULL.id), fired("ea2", "wire-a", 12, "2021-05-20")]),
        doc("wire-b", [SURNAME, ASHKENAZI, IRM, ISRAEL, PRESIDENT],
            [spoke("eb1", "wire-b", SURNAME.id), fired("eb2", "wire-b", 10)], "2021-05-21"),
    ]  # fmt: skip


# ------------------------------------------------------------------ actors
def test_surname_and_full_name_in_two_documents_are_one_node():
    G = build_graph(corpus())
    node = G.nodes[FULL.id]
    assert SURNAME.id not in G and node["label"] == "Antony Blinken"
    assert node["documents"] == ["wire-a", "wire-b"] and node["mentions"] == 2
    assert node["merged"] == [f"surname:{SURNAME.id}"]
    assert "Blinken" in node["aliases"]
    # the gazetteer names Hamas whatever the document calls it
    assert "The Islamic Resistance Movement" in G.nodes[HAMAS.id]["aliases"]


def test_a_surname_the_small_model_typed_as_a_place_joins_the_person():
    G = build_graph([doc("a", [FULL]), doc("b", [AS_PLACE])])
    assert list(G) == [FULL.id] and G.nodes[FULL.id]["type"] == "person"


@pytest.mark.parametrize(
    "full,single,merged",
    [
        ("Bashar al-Assad", "Assad", True),  # the particle is not part of the surname
        ("Mohammed bin Salman", "Salman", True),
        ("Antony Blinken", "Antony", False),  # first names are not surnames
    ],
)
def test_surname_rule(full, single, merged):
    a = Actor("full", full, "person", mentions=(Mention(full, 0, len(full)),))
    b = Actor("single", single, "person", mentions=(Mention(single, 0, len(single)),))
    m = merge_corpus([doc("a", [a]), doc("b", [b])])
    assert (m.ids["b", "single"] == "full") is merged


def test_two_candidates_for_a_surname_merge_nothing():
    jim = Actor("jim-risch", "Jim Risch", "person", mentions=(Mention("Jim Risch", 0, 9),))
    james = Actor("james-risch", "James Risch", "person", mentions=(Mention("James Risch", 0, 11),))
    risch = Actor("risch", "Risch", "person", mentions=(Mention("Risch", 0, 5),))
    G = build_graph([doc("a", [jim]), doc("b", [james]), doc("c", [risch])])
    assert sorted(G) == ["james-risch", "jim-risch", "risch"]


def test_generic_role_actors_stay_in_their_document():
    G = build_graph(corpus())
    assert {"president-ce5e1f@wire-a", "president-ce5e1f@wire-b"} <= set(G)
    assert G.nodes["president-ce5e1f@wire-a"]["documents"] == ["wire-a"]


def test_role_actors_of_one_country_merge_as_a_cameo_actor():
    army = Actor("israeli-army-f07165", "Israeli army", "military", "ISR", "MIL",
                 mentions=(Mention("the Israeli army", 0, 16, how="role"),))  # fmt: skip
    forces = Actor("israeli-forces-f07165", "Israeli forces", "military", "ISR", "MIL",
                   mentions=(Mention("Israeli forces", 0, 14, how="role"),))  # fmt: skip
    G = build_graph([doc("a", [army]), doc("b", [forces])])
    assert list(G) == ["israeli-army-f07165"]
    assert G.nodes["israeli-army-f07165"]["merged"] == ["role:israeli-forces-f07165"]


def test_ids_and_attributes_do_not_depend_on_document_order():
    docs = corpus() + [doc("wire-c", [AS_PLACE, HAMAS], [fired("ec1", "wire-c", 11)])]
    graphs = [build_graph(p) for p in permutations(docs)]
    assert all(nx.utils.graphs_equal(graphs[0], g) for g in graphs[1:])


def test_full_name_ids_are_stable_when_documents_are_added():
    before = build_graph(corpus()[:1])
    after = build_graph([*corpus(), doc("wire-c", [AS_PLACE, HAMAS, ISRAEL])])
    assert set(before) <= set(after)  # no id of the first document changed
    assert set(before.graph["events"]) <= set(after.graph["events"])


# ------------------------------------------------------------------ events
def test_the_same_event_reported_twice_is_one_event_with_both_figures():
    G = build_graph(corpus())
    assert sorted(G.graph["events"]) == ["ea1", "ea2"]  # first reports keep their ids
    ev = G.graph["events"]["ea2"]
    assert (ev["mention_count"], ev["source_count"]) == (2, 2)
    assert [r["id"] for r in ev["reports"]] == ["eb2"]
    figures = [q["value"] for r in (ev, *ev["reports"]) for q in r["quantities"]]
    assert figures == [12, 10]  # side by side, not overwritten
    assert list(G.edges(keys=True)) == [
        (FULL.id, ASHKENAZI.id, "ea1"),
        (HAMAS.id, ISRAEL.id, "ea2"),
    ]
    assert G.edges[HAMAS.id, ISRAEL.id, "ea2"]["mentions"] == 2


@pytest.mark.parametrize(
    "second,window,merged",
    [
        ({"day": "2021-05-21"}, 1, True),
        ({"day": "2021-05-22"}, 1, False),  # two days apart
        ({"day": "2021-05-22"}, 2, True),
        ({"day": "2021-05-21"}, 0, False),
        ({}, 1, True),  # undated: its document's date (2021-05-21) stands in
        ({"negated": True}, 1, False),  # "did not fire" is not the same claim
        ({"modality": "future"}, 1, False),
        ({"modality": "reported"}, 1, True),  # reported and asserted are both actual
        ({"predicate": "launched"}, 1, True),  # wording may differ
    ],
)
def test_event_merging_rules(second, window, merged):
    a = doc("a", [HAMAS, ISRAEL], [fired("e1", "a", day="2021-05-20")])
    b = doc("b", [HAMAS, ISRAEL], [fired("e2", "b", **second)], date="2021-05-21")
    G = build_graph([a, b], window_days=window)
    assert (len(G.graph["events"]) == 1) is merged


def test_month_dates_and_undated_documents_are_never_merged():
    month = DateValue("2021-05", "month", "in May")
    a = doc("a", [HAMAS, ISRAEL], [replace(fired("e1", "a"), date=month)])
    b = doc("b", [HAMAS, ISRAEL], [fired("e2", "b", day="2021-05-20")])
    assert len(build_graph([a, b]).graph["events"]) == 2
    c, d = (doc(x, [HAMAS, ISRAEL], [fired(f"e{x}", x)], date=None) for x in "cd")
    assert len(build_graph([c, d]).graph["events"]) == 2


def test_daily_reports_do_not_chain_into_one_event():
    docs = [doc(f"d{i}", [HAMAS, ISRAEL], [fired(f"e{i}", f"d{i}")], date=f"2021-05-{i:02}")
            for i in range(1, 6)]  # fmt: skip
    G = build_graph(docs)
    assert sorted(e["mention_count"] for e in G.graph["events"].values()) == [1, 2, 2]


def test_no_merge_keeps_every_document_as_it_is():
    G = build_graph(corpus(), merge=False)
    assert SURNAME.id in G and "president-ce5e1f" in G and len(G.graph["events"]) == 4


# ------------------------------------------------------------------ RDF of a merged corpus
@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nq", ".jsonld"])
def test_merged_graph_round_trips_through_every_syntax(tmp_path, suffix):
    G = build_graph(corpus())
    writer = {".ttl": rdf.write_turtle, ".trig": rdf.write_trig, ".nq": rdf.write_nquads,
              ".jsonld": rdf.write_jsonld}[suffix]  # fmt: skip
    assert nx.utils.graphs_equal(G, rdf.read_rdf(writer(G, tmp_path / f"g{suffix}")))


def test_merged_event_node_carries_every_mention_and_both_tolls():
    ds = rdf.to_rdf(build_graph(corpus()))
    union = Graph()
    union += [(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))]
    e = resource_iri("event", "ea2")
    assert union.value(e, KG.mentionCount) == Literal(2)
    assert union.value(e, KG.sourceCount) == Literal(2)
    mentions = set(union.objects(e, PROV.wasDerivedFrom))
    docs = {union.value(m, rdf.NIF.referenceContext) for m in mentions}
    assert docs == {resource_iri("doc", "wire-a"), resource_iri("doc", "wire-b")}
    tolls = {union.value(q, SDO.value) for q in union.objects(e, KG.quantity)}
    assert tolls == {Literal(12), Literal(10)}
    # each document's graph holds what that document says, and only that
    a = ds.graph(resource_iri("doc", "wire-a"))
    assert {a.value(q, SDO.value) for q in a.objects(e, KG.quantity)} == {Literal(12)}


def test_dropping_one_document_graph_leaves_the_other_report():
    ds = rdf.to_rdf(build_graph(corpus()))
    kept = Dataset()
    for g in ds.graphs():
        if g.identifier == resource_iri("doc", "wire-a"):
            kept.addN((s, p, o, kept.graph(g.identifier)) for s, p, o in g)
    H = rdf.from_rdf(kept)
    assert [q["value"] for q in H.graph["events"]["ea2"]["quantities"]] == [12]
    assert H.graph["events"]["ea2"]["reports"] == []


def test_rebuilding_the_same_corpus_gives_isomorphic_rdf():
    one, two = rdf.to_rdf(build_graph(corpus())), rdf.to_rdf(build_graph(corpus()))
    names = {g.identifier for g in one.graphs()}
    assert names == {g.identifier for g in two.graphs()}
    for name in names:
        assert isomorphic(one.graph(name), two.graph(name))
