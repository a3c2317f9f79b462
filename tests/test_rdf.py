"""kgraph.rdf: the network <-> RDF (Turtle, TriG, N-Quads), exactly and safely."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, ORG, OWL, SKOS

from kgraph import rdf
from kgraph.errors import InputError, OutputError
from kgraph.graph import build_graph
from kgraph.rdf import KG, KG_NS, NIF, PREFIXES, SDO, SEM, resource_iri, shortcut_iri
from kgraph.records import (
    QUAD_CLASS,
    Actor,
    DateValue,
    DocumentResult,
    Event,
    Mention,
    Quantity,
    Span,
)

D1, D2, D3 = 'doc "1" <ceasefire>', "doc 2\nvoa", "empty doc"
EVIL_ID = 'x "<evil>"\n\x00 id \U0001f642 \u202e'
EVIL_NAME = (
    '\u0627\u0644\u062c\u0647\u0627\u062f \U0001f4a3 "q" <b> \\ \x00\x01\x07\x0b\x1f\x7f'
    '\r\n\t\u2028\u2029\ufeff end"'
) + "\u05e9" * 10_000
SENT = Span("Blinken spoke with Ashkenazi by phone.", 0, 38)
CAMEO = {
    "AGREE": ["03"],
    "CONSULT": ["04"],
    "SUPPORT": ["05"],
    "CONCEDE": ["08"],
    "COOPERATE": ["06"],
    "AID": ["07"],
    "RETREAT": ["08"],
    "REQUEST": ["02", "10"],
    "ACCUSE": ["11", "09"],
    "REJECT": ["12"],
    "THREATEN": ["13"],
    "PROTEST": ["14"],
    "SANCTION": ["16"],
    "MOBILIZE": ["15"],
    "COERCE": ["17"],
    "ASSAULT": ["18", "19", "20"],
}


def ev(eid: str, doc: str, kind: str, predicate: str, source, target=(), **kw) -> Event:
    return Event(
        eid,
        doc,
        kind,
        kw.pop("cameo", "04"),
        predicate,
        tuple(source),
        tuple(target),
        kw.pop("trigger", Span(predicate, 8, 8 + len(predicate))),
        kw.pop("sentence", SENT),
        **kw,
    )


def results() -> list[DocumentResult]:
    blinken = Actor(
        "Antony Blinken",
        "Antony Blinken",
        "person",
        "USA",
        "GOV",
        "Q4771396",
        "Secretary of State",
        ("Secretary Blinken",),
        (Mention("Blinken", 0, 7), Mention("the top US diplomat", 40, 59)),
    )
    israel = Actor("israel", "Israel", "country", "ISR", "GOV")
    hamas = Actor("hamas", "Hamas", "armed_group", "PSE", "REB", "Q38012")
    egypt = Actor("egypt", "Egypt", "country", "EGY", wikidata='Q79 <not "an" id>')
    ministry = Actor("moh", "Gaza health ministry", "organisation", "PSE", "GOV")
    evil = Actor(
        EVIL_ID, EVIL_NAME, "group", aliases=('"quoted"\n<alias>', "\x00nul", "\U0001f642")
    )
    doc1_events = (
        ev(
            "e1",
            D1,
            "CONSULT",
            "spoke with",
            ["Antony Blinken"],
            ["israel"],
            mode="phone",
            date=DateValue("2021-05-20", "day", "Thursday", 50, 58),
            reported_by=("moh",),
            arguments=(Span("Blinken", 0, 7), Span("Ashkenazi", 19, 28)),
            rule="svo",
            confidence=0.9,
        ),
        ev(
            "e2",
            D1,
            "ASSAULT",
            "fired",
            ["hamas"],
            ["israel", "egypt"],
            cameo="19",
            negated=True,
            modality="reported",
            date=DateValue("2021-05", "month", "in May"),
            place="Gaza City",
            quantities=(
                Quantity("killed", 4300, "at_least", "more than 4,300", 3, 18),
                Quantity("rockets", 3.5, "at_most"),
                Quantity("wounded", 1e-7, "about"),
            ),
            confidence=0.1 + 0.2,
            reported_by=("moh", "israel"),
        ),
        ev(
            "e3",
            D1,
            "AGREE",
            "agreed",
            ["israel", "hamas"],
            cameo="03",
            date=DateValue("2021", "year", "this year"),
        ),
    )
    doc2_events = (
        ev(
            "e4",
            D2,
            "REQUEST",
            "urged",
            ["Antony Blinken"],
            sentence=Span("", -1, -1),
            mode="",
            date=DateValue("2021-02-30", "day", "Feb 30"),
        ),
        ev(EVIL_ID, D2, "DEMAND", "", [EVIL_ID], ["Antony Blinken"], cameo="", rule=EVIL_NAME),
        ev("e6", D2, "SUPPORT", "source", [EVIL_ID, "Antony Blinken", EVIL_ID], ["israel"]),
        ev(
            "e7",
            D2,
            "THREATEN",
            "warned",
            ["Antony Blinken"],
            ["unknown actor"],
            confidence=1,
            modality="",
        ),
    )
    blinken2 = Actor(
        "Antony Blinken",
        "Antony Blinken",
        "person",
        aliases=("Blinken", "Tony"),
        mentions=(Mention("Tony", 5, 9),),
    )
    return [
        DocumentResult(
            D1,
            (blinken, israel, hamas, egypt, ministry),
            doc1_events,
            title='Israel, Hamas agree "truce"\n<b>',
            date="2021-05-21",
            url="https://www.voanews.com/a/ceasefire?x=1&y=<2>",
        ),
        DocumentResult(D2, (blinken2, evil, israel), doc2_events),
        DocumentResult(D3, (), (), date="May 2021"),
    ]


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return build_graph(results())


@pytest.fixture(scope="module")
def ds(G) -> Dataset:
    return rdf.to_rdf(G, run={"model": "en_core_web_sm"})


def named(ds: Dataset) -> dict[URIRef, Graph]:
    return {
        g.identifier: g
        for g in ds.graphs()
        if g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID
    }


def union(ds: Dataset) -> Graph:
    g = Graph()
    g.addN((s, p, o, g) for s, p, o, _ in ds.quads((None, None, None, None)))
    return g


def assert_same(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert nx.utils.graphs_equal(G, H)
    assert list(G.nodes) == list(H.nodes)  # insertion order too
    assert list(G.graph["events"]) == list(H.graph["events"])
    assert list(G.graph["documents"]) == list(H.graph["documents"])
    assert list(G.edges(keys=True)) == list(H.edges(keys=True))


def test_fixture_covers_the_hard_cases(G):
    assert G.nodes["Antony Blinken"]["documents"] == sorted([D1, D2])
    assert G.nodes["unknown actor"] == {}  # bare node added by an edge
    assert G.edges["israel", "hamas", "e3"]["reciprocal"]
    assert "e4" in G.graph["events"] and not any(k == "e4" for *_, k in G.edges(keys=True))
    assert "Gaza City" not in G


def test_round_trip_in_memory_is_exact(G, ds):
    assert_same(G, rdf.from_rdf(ds))


@pytest.mark.parametrize(
    "writer,suffix",
    [(rdf.write_turtle, ".ttl"), (rdf.write_trig, ".trig"), (rdf.write_nquads, ".nq")],
)
def test_file_round_trip_is_exact(G, tmp_path, writer, suffix):
    path = writer(G, tmp_path / f"out{suffix}")
    assert_same(G, rdf.read_rdf(path))


@pytest.mark.parametrize(
    "fmt,suffix", [("nt", ".nt"), ("json-ld", ".jsonld"), ("turtle", ".turtle")]
)
def test_read_rdf_picks_the_parser_by_extension(G, ds, tmp_path, fmt, suffix):
    data = ds if fmt == "json-ld" else union(ds)
    (tmp_path / f"x{suffix}").write_bytes(data.serialize(format=fmt, encoding="utf-8"))
    assert_same(G, rdf.read_rdf(tmp_path / f"x{suffix}"))


def test_turtle_is_one_graph_with_the_prefixes_bound(G, tmp_path):
    text = rdf.write_turtle(G, tmp_path / "g.ttl").read_text("utf-8")
    g = Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert len(g) > 100
    for prefix in ("kg", "sem", "prov", "nif", "schema", "skos", "actor", "event", "doc"):
        assert f"@prefix {prefix}: <{PREFIXES[prefix]}>" in text
    assert "actor:antony-blinken-" in text and "kg:spokeWith" in text


def test_sparql_finds_shortcuts_and_typed_events(G, tmp_path):
    g = Graph().parse(rdf.write_turtle(G, tmp_path / "g.ttl"), format="turtle")
    q = "SELECT ?s ?t WHERE { ?s kg:spokeWith ?t }"
    assert [tuple(r) for r in g.query(q, initNs=PREFIXES)] == [
        (resource_iri("actor", "Antony Blinken"), resource_iri("actor", "israel"))
    ]
    q = "SELECT ?id ?type WHERE { ?e a sem:Event ; sem:eventType ?type ; kg:id ?id }"
    got = {(str(i), t) for i, t in g.query(q, initNs=PREFIXES)}
    want = {(e["id"], KG[e["type"]]) for e in G.graph["events"].values() if e["type"] in QUAD_CLASS}
    assert got == want and len(got) == 6
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?t . ?p kg:shortcutOf kg:ASSAULT }"
    assert int(next(iter(g.query(q, initNs=PREFIXES)))[0]) == 2  # hamas fired at israel, egypt


def test_output_is_deterministic_and_stable_under_rebuild(G, ds):
    run = {"model": "en_core_web_sm"}
    for other in (rdf.to_rdf(G, run=run), rdf.to_rdf(rdf.from_rdf(ds), run=run)):
        assert set(named(other)) == set(named(ds))
        for name, g in named(ds).items():
            assert isomorphic(g, named(other)[name]), name


def test_one_named_graph_per_document(G, ds):
    graphs = named(ds)
    assert set(graphs) == {resource_iri("doc", d) for d in (D1, D2, D3)}
    assert len(ds.default_graph) == 0
    for e in G.graph["events"].values():
        assert (resource_iri("event", e["id"]), RDF.type, SEM.Event) in graphs[
            resource_iri("doc", e["doc_id"])
        ]
    d3 = graphs[resource_iri("doc", D3)]
    assert (d3.identifier, RDF.type, SDO.NewsArticle) in d3
    assert (d3.identifier, SDO.datePublished, Literal("May 2021")) in d3  # not a valid xsd:date


def test_dropping_a_retracted_article_drops_its_events(G, ds):
    kept = Dataset()
    for name, g in named(ds).items():
        if name != resource_iri("doc", D2):
            kept.addN((s, p, o, kept.graph(name)) for s, p, o in g)
    H = rdf.from_rdf(kept)
    assert set(H.graph["documents"]) == {D1, D3}
    assert sorted(H.graph["events"]) == ["e1", "e2", "e3"]
    assert H.nodes["Antony Blinken"]["documents"] == [D1]
    assert EVIL_ID not in H


def test_iris_are_safe_and_follow_the_scheme(ds):
    scheme = re.compile(
        r"https://w3id\.org/kgraph/id/(actor|event|doc|mention|run|quantity)/"
        r"([a-z0-9]+(-[a-z0-9]+)*)-[0-9a-f]{10}"
    )
    iris = {t for q in ds.quads((None, None, None, None)) for t in q if isinstance(t, URIRef)}
    assert iris and not [i for i in iris if re.search(r"[\s\"'<>\\{}|^`\x00-\x1f]", i)]
    for i in iris:
        if "/id/" in i:
            assert scheme.fullmatch(i), i
            assert len(scheme.fullmatch(i).group(2)) <= 40


def test_distinct_ids_never_share_an_iri():
    ids = ["A B", "a-b", "a b", "a  b", "A\u0301 b", "", " ", "\U0001f642", "\U0001f643"]
    assert len({resource_iri("actor", i) for i in ids}) == len(ids)
    assert resource_iri("actor", "A B") == resource_iri("actor", "A B")
    with pytest.raises(ValueError, match="unknown resource kind"):
        resource_iri("person", "x")


@pytest.mark.parametrize(
    "predicate,type,name",
    [
        ("spoke with", "CONSULT", "spokeWith"),
        ("brokered", "CONSULT", "brokered"),
        ("fired", "ASSAULT", "fired"),
        ("killed", "ASSAULT", "killed"),
        ("", "ASSAULT", "assault"),
        ("Called ON", "REQUEST", "calledOn"),
        ("US-brokered", "CONSULT", "usBrokered"),
        ("bombardé", "ASSAULT", "bombarde"),
        ("!!", "", "relatedTo"),
        ("source", "SUPPORT", "sourceShortcut"),
        ("id", "SUPPORT", "idShortcut"),
    ],
)
def test_shortcut_names(predicate, type, name):
    assert shortcut_iri(predicate, type) == URIRef(str(KG_NS) + name)


def test_minted_shortcuts_are_declared_in_the_output(ds):
    g = union(ds)
    for sc in (KG_NS.spokeWith, KG_NS.fired, KG_NS.demand, KG_NS.sourceShortcut, KG_NS.warned):
        assert (sc, RDF.type, OWL.ObjectProperty) in g
        assert g.value(sc, RDFS.label) is not None
    assert (KG_NS.fired, KG.shortcutOf, KG.ASSAULT) in g
    assert g.value(KG_NS.demand, KG.shortcutOf) is None  # DEMAND is not a PLOVER 2021 type


def test_hostile_text_survives_every_syntax(G, tmp_path):
    for writer, suffix in (
        (rdf.write_turtle, ".ttl"),
        (rdf.write_trig, ".trig"),
        (rdf.write_nquads, ".nq"),
    ):
        path = writer(G, tmp_path / f"h{suffix}")
        raw = path.read_text("utf-8")
        # control characters are \u-escaped, so the file stays text for grep, diff, editors
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]", raw)
        assert "\\u0000" in raw and "\U0001f642" in raw
        H = rdf.read_rdf(path)
        assert H.nodes[EVIL_ID]["label"] == EVIL_NAME
        assert H.graph["events"][EVIL_ID]["rule"] == EVIL_NAME
        assert H.graph["documents"][D1]["title"] == 'Israel, Hamas agree "truce"\n<b>'
        assert "\x00nul" in H.nodes[EVIL_ID]["aliases"]


def test_floats_keep_full_precision_in_turtle(G, tmp_path):
    H = rdf.read_rdf(rdf.write_turtle(G, tmp_path / "f.ttl"))
    e2 = H.graph["events"]["e2"]
    assert e2["confidence"] == 0.1 + 0.2 and isinstance(e2["confidence"], float)
    assert [q["value"] for q in e2["quantities"]] == [4300, 3.5, 1e-7]
    assert isinstance(e2["quantities"][0]["value"], int)


def test_lone_surrogate_is_refused_not_mangled():
    bad = build_graph([DocumentResult("d", (Actor("a", "bad \ud800 text", "group"),))])
    with pytest.raises(OutputError, match="lone surrogate"):
        rdf.to_rdf(bad)


def test_event_node_shape(ds):
    g = named(ds)[resource_iri("doc", D1)]
    e1, e2 = resource_iri("event", "e1"), resource_iri("event", "e2")
    assert g.value(e1, SEM.eventType) == KG.CONSULT
    assert g.value(e1, SEM.hasTimeStamp) == Literal("2021-05-20", datatype=ns.XSD.date)
    assert g.value(e2, SEM.hasTimeStamp).datatype == ns.XSD.gYearMonth
    assert g.value(resource_iri("event", "e3"), SEM.hasTimeStamp).datatype == ns.XSD.gYear
    assert g.value(e2, KG.negated) == Literal(True)
    assert set(g.objects(e2, KG.target)) == {
        resource_iri("actor", "israel"),
        resource_iri("actor", "egypt"),
    }
    assert g.value(e2, SEM.hasPlace) == resource_iri("actor", "Gaza City")
    for role in (KG.source, KG.target, KG.reportedBy):
        assert (role, RDFS.subPropertyOf, SEM.hasActor) in rdf.ontology()
    mention = g.value(e1, rdflib.namespace.PROV.wasDerivedFrom)
    assert (g.value(mention, NIF.beginIndex), g.value(mention, NIF.endIndex)) == (
        Literal(8),
        Literal(18),
    )
    assert g.value(mention, NIF.anchorOf) == Literal("spoke with")
    assert g.value(mention, NIF.referenceContext) == resource_iri("doc", D1)
    assert g.value(mention, KG.sentence) == Literal(SENT.text)
    run = g.value(e1, rdflib.namespace.PROV.wasGeneratedBy)
    assert g.value(run, KG.model) == Literal("en_core_web_sm")
    assert g.value(run, KG.version) == Literal(__import__("kgraph").__version__)
    killed = [
        q for q in g.objects(e2, KG.quantity) if g.value(q, KG.quantityKind) == Literal("killed")
    ]
    assert len(killed) == 1 and isinstance(killed[0], URIRef)
    assert (
        g.value(killed[0], SDO.minValue) == Literal(4300)
        and g.value(killed[0], SDO.maxValue) is None
    )
    assert (killed[0], RDF.type, SDO.QuantitativeValue) in g
    e4 = named(ds)[resource_iri("doc", D2)].value(resource_iri("event", "e4"), SEM.hasTimeStamp)
    assert e4 == Literal("2021-02-30")  # invalid date: a plain string, not an ill-typed xsd:date


def test_actor_node_shape(ds):
    g = named(ds)[resource_iri("doc", D1)]
    blinken, hamas, egypt = (resource_iri("actor", a) for a in ("Antony Blinken", "hamas", "egypt"))
    assert (blinken, RDF.type, FOAF.Person) in g and (hamas, RDF.type, ORG.FormalOrganization) in g
    assert g.value(blinken, SKOS.prefLabel) == Literal("Antony Blinken")
    assert {str(x) for x in g.objects(blinken, SKOS.altLabel)} >= {"Secretary Blinken", "Tony"}
    assert g.value(blinken, KG.mentionCount) == Literal(3)
    assert g.value(hamas, SKOS.exactMatch) == URIRef("http://www.wikidata.org/entity/Q38012")
    assert g.value(egypt, SKOS.exactMatch) is None and g.value(egypt, KG.wikidata) is not None
    assert g.value(hamas, KG.actorType) == Literal("armed_group")
    # the shared actor is described identically in both documents' graphs
    g2 = named(ds)[resource_iri("doc", D2)]

    def description(graph: Graph) -> set:
        shortcuts = set(graph.subjects(RDF.type, OWL.ObjectProperty))
        return {
            (p, o)
            for p, o in graph.predicate_objects(blinken)
            if p != KG.inDocument and p not in shortcuts
        }

    assert len(description(g)) > 10 and description(g) == description(g2)


def test_ontology_declares_the_event_types_and_every_term():
    onto = rdf.ontology()
    types = set(onto.subjects(SKOS.inScheme, KG.EventTypes))
    assert types == {KG[t] for t in QUAD_CLASS} and len(types) == 16
    for t in QUAD_CLASS:
        assert onto.value(KG[t], SKOS.prefLabel) is not None
        assert str(onto.value(onto.value(KG[t], KG.quadClass), SKOS.notation)) == QUAD_CLASS[t]
        roots = {URIRef(f"https://w3id.org/kgraph/cameo/{c}") for c in CAMEO[t]}
        assert set(onto.objects(KG[t], SKOS.closeMatch)) == roots
        assert all(onto.value(r, SKOS.prefLabel) for r in roots)
    declared = {s for s in onto.subjects() if isinstance(s, URIRef) and s.startswith(str(KG_NS))}
    shortcuts = set(onto.subjects(KG.shortcutOf, None))
    assert declared - shortcuts == {KG[n] for n in KG._extras}
    assert {KG_NS.spokeWith, KG_NS.brokered, KG_NS.fired, KG_NS.killed, KG_NS.assault} <= shortcuts
    assert (KG.mediator, RDFS.subPropertyOf, SEM.hasActor) in onto


def test_every_term_written_is_declared(ds):
    onto = rdf.ontology()
    quads = list(ds.quads((None, None, None, None)))
    used = {p for _, p, _, _ in quads} | {o for _, p, o, _ in quads if p == RDF.type}
    kg = {t for t in used if t.startswith(str(KG_NS))}
    declared_here = {s for s, _, _, _ in ds.quads((None, RDF.type, OWL.ObjectProperty, None))}
    assert kg and not [t for t in kg if (t, None, None) not in onto and t not in declared_here]


def test_the_vocabulary_is_closed():
    with pytest.raises(AttributeError):
        KG.spokeWth  # noqa: B018


def test_atomic_write_keeps_the_old_file(G, tmp_path, monkeypatch):
    path = tmp_path / "g.trig"
    path.write_text("old content")

    def broken(graphs):  # fails half-way through writing the file
        yield "@prefix kg: <https://w3id.org/kgraph/ns#> .\n"
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rdf, "_trig", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        rdf.write_trig(G, path)
    assert path.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["g.trig"]


def test_failed_rename_removes_the_temp_file(G, tmp_path, monkeypatch):
    path = tmp_path / "g.nq"
    path.write_text("old content")
    written = []

    def refuse(src, dst):
        written.append(Path(src).read_bytes())
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(rdf.os, "replace", refuse)
    with pytest.raises(OutputError, match="cannot write .*Permission denied"):
        rdf.write_nquads(G, path)
    assert written and written[0].startswith(b"<https://w3id.org/kgraph/")  # it got that far
    assert path.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["g.nq"]  # the temp file is gone


def test_write_to_a_missing_directory_is_an_output_error(G, tmp_path):
    with pytest.raises(OutputError, match="cannot write"):
        rdf.write_turtle(G, tmp_path / "no" / "such" / "g.ttl")


@pytest.mark.parametrize(
    "suffix,content,line",
    [
        (".ttl", '@prefix x: <urn:x#> .\nx:a x:b x:c .\nx:a x:b "unterminated .\n', 3),
        (".trig", "garbage {{{", 1),
        (".nq", "<urn:a> <urn:b> <urn:c> .\n<a b c d\n", None),
        (".jsonld", "{not json", 1),
        (".nt", "\x00\xff garbage", None),
    ],
)
def test_a_file_that_does_not_parse_is_an_input_error(tmp_path, suffix, content, line):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        rdf.read_rdf(path)
    msg = str(info.value)
    assert str(path) in msg and "\n" not in msg
    if line:
        assert f"line {line}" in msg


def test_unknown_extension_and_missing_file_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="extension"):
        rdf.read_rdf(tmp_path / "g.xml")
    with pytest.raises(InputError, match="cannot read"):
        rdf.read_rdf(tmp_path / "missing.ttl")


def test_rdf_that_is_not_kgraph_is_an_input_error():
    g = Graph()
    g.add((URIRef("urn:e"), RDF.type, SEM.Event))
    with pytest.raises(InputError, match="not kgraph RDF"):
        rdf.from_rdf(g)


def test_empty_graph_round_trips(tmp_path):
    G = build_graph([])
    assert_same(G, rdf.read_rdf(rdf.write_trig(G, tmp_path / "empty.trig")))


def test_import_kgraph_does_not_load_rdflib():
    code = "import sys, kgraph, kgraph.graph; sys.exit('rdflib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent).returncode == 0
