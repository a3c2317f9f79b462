"""kgraph.store: the on-disk store, a SPARQL server, and read-only SPARQL (hand-built documents)."""

from __future__ import annotations

import gc
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pytest
from conftest import run_cli
from test_merge import FULL, HAMAS, ISRAEL, SURNAME, corpus, doc, fired  # noqa: I001

from kgraph import rdf
from kgraph.errors import InputError, OutputError
from kgraph.graph import build_graph
from kgraph.store import (
    Endpoint,
    LocalStore,
    check_read_only,
    format_results,
    store_graph,
    update_store,
)

WIRE_C = doc("wire-c", [HAMAS, ISRAEL], [fired("ec1", "wire-c", 11, "2021-05-20")], "2021-05-20")
DOCS = [*corpus(), WIRE_C]
QUERIES = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?label WHERE { ?a a kg:Actor ; skos:prefLabel ?label } ORDER BY ?label",
    """SELECT ?e ?n ?k (SUM(?v) AS ?figures) WHERE {
         ?e a sem:Event ; kg:mentionCount ?n ; kg:sourceCount ?k .
         OPTIONAL { ?e kg:quantity/schema:value ?v } } GROUP BY ?e ?n ?k ORDER BY ?e""",
    "ASK { ?a kg:fired ?b }",
    "CONSTRUCT { ?a kg:fired ?b } WHERE { ?a kg:fired ?b }",
]


def quads(db) -> set:
    return set(db.quads())


def rows(results) -> list:
    text = format_results(results, "csv")
    return sorted(text.splitlines()[1:]) if "CONSTRUCT" in text else text.splitlines()


def test_store_survives_a_restart(tmp_path):
    db = LocalStore(tmp_path / "kg")
    update_store(db, DOCS)
    before = quads(db)
    del db
    gc.collect()  # closes the store, as the end of a process does
    again = LocalStore(tmp_path / "kg", read_only=True)
    assert quads(again) == before and sorted(again.records()) == ["wire-a", "wire-b", "wire-c"]
    assert nx.utils.graphs_equal(store_graph(again), build_graph(DOCS))


def test_readding_documents_is_idempotent_and_order_does_not_matter(tmp_path):
    db = LocalStore(tmp_path / "a")
    first = update_store(db, DOCS)
    assert first.added == ["wire-a", "wire-b", "wire-c"] and first.quads_removed == 0
    again = update_store(db, DOCS[1:2])
    assert again.replaced == ["wire-b"] and (again.quads_added, again.quads_removed) == (0, 0)
    one_by_one = LocalStore(tmp_path / "b")
    for d in reversed(DOCS):
        update_store(one_by_one, [d])
    assert quads(one_by_one) == quads(db)


@pytest.mark.parametrize("gone", ["wire-a", "wire-b", "wire-c"])
def test_removal_leaves_no_triple_only_that_document_supported(tmp_path, gone):
    db = LocalStore(tmp_path / "kg")
    update_store(db, DOCS)
    change = update_store(db, remove=[gone])
    assert change.removed == [gone] and change.quads_removed > 0
    without = LocalStore(None)
    update_store(without, [d for d in DOCS if d.doc_id != gone])
    assert quads(db) == quads(without)  # exactly the store that never had it


def test_removing_the_full_name_splits_a_merged_actor(tmp_path):
    db = LocalStore(tmp_path / "kg")
    update_store(db, DOCS)
    assert SURNAME.id not in store_graph(db)
    update_store(db, remove=["wire-a"])
    G = store_graph(db)
    assert SURNAME.id in G and FULL.id not in G  # "Blinken" alone again
    iri = str(rdf.resource_iri("actor", FULL.id))
    assert not any(iri in (q.subject.value, getattr(q.object, "value", "")) for q in db.quads())
    # the rocket fire was reported by wire-b and wire-c too: it stays, with their figures
    [fire] = [e for e in G.graph["events"].values() if e["type"] == "ASSAULT"]
    assert fire["source_count"] == 2 and fire["id"] == "ec1"  # the earliest remaining report
    figures = [q["value"] for r in (fire, *fire["reports"]) for q in r["quantities"]]
    assert sorted(figures) == [10, 11]


def test_removing_an_unknown_document_is_an_input_error(tmp_path):
    db = LocalStore(tmp_path / "kg")
    update_store(db, DOCS[:1])
    with pytest.raises(InputError, match="no document 'nope' in the store .*wire-a"):
        update_store(db, remove=["nope"])


@pytest.mark.parametrize("query", QUERIES)
def test_a_query_over_the_store_equals_the_same_query_over_the_files(tmp_path, query):
    db = LocalStore(tmp_path / "kg")
    G = update_store(db, DOCS).graph
    ttl = rdf.write_turtle(G, tmp_path / "graph.ttl")
    trig = rdf.write_trig(G, tmp_path / "graph.trig")
    expected = rows(db.query(query))
    assert expected and expected[-1] not in ("0", "false")
    for path in (ttl, trig):
        assert rows(LocalStore.from_file(path).query(query)) == expected


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX x: <urn:x#> # SELECT\n  drop all",
        "LOAD <http://example.org/x.ttl>",
        "CLEAR DEFAULT",
        "CREATE GRAPH <urn:g>",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_queries_are_read_only(tmp_path, update):
    with pytest.raises(InputError, match="is an update .* read-only unless --update"):
        check_read_only(update)
    db = LocalStore(None)
    with pytest.raises(InputError, match="SPARQL syntax error"):
        db.query(update)  # the engine itself refuses too


def test_update_rewrites_the_file_it_was_given(tmp_path):
    G = build_graph(DOCS)
    path = rdf.write_trig(G, tmp_path / "g.trig")
    db = LocalStore.from_file(path)
    db.update("INSERT DATA { GRAPH <urn:notes> { <urn:a> rdfs:comment 'checked' } }")
    db.save_file(path)
    again = LocalStore.from_file(path)
    assert bool(again.query("ASK { GRAPH <urn:notes> { ?a rdfs:comment 'checked' } }"))
    assert nx.utils.graphs_equal(rdf.read_rdf(path), G)
    ttl = LocalStore.from_file(rdf.write_turtle(G, tmp_path / "g.ttl"))
    ttl.update("INSERT DATA { GRAPH <urn:notes> { <urn:a> rdfs:comment 'x' } }")
    with pytest.raises(OutputError, match="named graphs"):
        ttl.save_file(tmp_path / "g.ttl")


def test_results_formats():
    db = LocalStore(None)
    update_store(db, DOCS)
    q = "SELECT ?label ?n WHERE { ?a skos:prefLabel ?label ; kg:mentionCount ?n } ORDER BY ?label"
    table = format_results(db.query(q), "table").splitlines()
    assert table[0].split() == ["label", "n"] and table[-1] == "(6 rows)"
    assert json.loads(format_results(db.query(q), "json"))["head"]["vars"] == ["label", "n"]
    assert format_results(db.query("ASK { ?s ?p ?o }"), "table") == "true\n"
    lines = format_results(db.query("SELECT ?a WHERE { ?a kg:fired ?b }"), "table").splitlines()
    assert lines[2].startswith("actor:hamas-") and lines[-1] == "(1 row)"


# ------------------------------------------------------------------ the command line
@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "kg"
    db = LocalStore(path)
    G = update_store(db, DOCS).graph
    rdf.write_turtle(G, path.parent / "graph.ttl")
    del db
    gc.collect()
    return path


def test_cli_query_store_and_file_agree(store):
    q = "SELECT ?s ?t WHERE { ?e kg:source/skos:prefLabel ?s ; kg:target/skos:prefLabel ?t }"
    a = run_cli("query", "--store", str(store), q, "--format", "csv")
    b = run_cli("query", str(store.parent / "graph.ttl"), q, "--format", "csv")
    assert a.returncode == 0, a.stderr.decode()
    assert sorted(a.stdout.splitlines()) == sorted(b.stdout.splitlines())
    assert b"Antony Blinken,Gabi Ashkenazi" in a.stdout


def test_cli_query_refuses_updates_in_one_line(store):
    r = run_cli("query", "--store", str(store), "DELETE WHERE { ?s ?p ?o }")
    err = r.stderr.decode()
    assert r.returncode == 1 and err.count("\n") == 1 and "read-only unless --update" in err


def test_cli_validate_and_export_read_a_store(store, tmp_path):
    r = run_cli("validate", str(store))
    assert r.returncode == 0 and b"conforms" in r.stderr
    r = run_cli("export", str(store), "--format", "csv", "-o", str(tmp_path / "e.csv"))
    assert r.returncode == 0 and (tmp_path / "e.csv").read_text().count("\n") == 3


def test_cli_validate_fails_on_a_corrupted_file(store, tmp_path):
    text = (store.parent / "graph.ttl").read_text()
    bad = tmp_path / "bad.ttl"
    bad.write_text(text.replace("kg:confidence 0.5", "kg:confidence 7").replace(
        "kg:modality \"asserted\"", "kg:modality \"maybe\""))  # fmt: skip
    r = run_cli("validate", str(bad))
    lines = r.stdout.decode().splitlines()
    assert r.returncode == 1 and b"SHACL violation(s)" in r.stderr
    assert any("kg:confidence: kg:confidence is a number in [0, 1] (value 7)" in x for x in lines)
    assert any("kg:modality is asserted, future" in x for x in lines)


# ------------------------------------------------------------------ a SPARQL server
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    binary = shutil.which("oxigraph") or Path(sys.executable).with_name("oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server binary (pip install oxigraph) is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [str(binary), "serve", "--location", str(tmp_path / "server"), "--bind",
         f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the oxigraph server did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_endpoint_holds_what_the_local_store_holds(server, tmp_path):
    remote, local = Endpoint(server), LocalStore(None)
    update_store(remote, DOCS)
    update_store(local, DOCS)
    assert set(remote.records()) == {"wire-a", "wire-b", "wire-c"}
    for q in QUERIES[:4]:
        assert rows(remote.query(q)) == rows(local.query(q))
    assert nx.utils.graphs_equal(store_graph(remote), store_graph(local))
    update_store(remote, DOCS[1:2])  # idempotent re-add
    r = run_cli("remove", "--endpoint", server, "wire-b")
    assert r.returncode == 0, r.stderr.decode()
    update_store(local, remove=["wire-b"])
    for q in QUERIES[:4]:
        assert rows(remote.query(q)) == rows(local.query(q))
    r = run_cli("query", "--endpoint", server, QUERIES[1], "--format", "csv")
    assert r.returncode == 0 and r.stdout.decode().splitlines() == rows(local.query(QUERIES[1]))


def test_an_unreachable_endpoint_is_one_line(tmp_path):
    r = run_cli("query", "--endpoint", f"http://127.0.0.1:{_free_port()}", "ASK { ?s ?p ?o }")
    err = r.stderr.decode()
    assert r.returncode == 1 and err.startswith("kgraph: error: cannot reach the SPARQL endpoint")
