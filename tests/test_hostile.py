"""Hostile input and failures: nothing lost, nothing injected, always valid output.

The real CLI runs over ``tests/hostile/corpus`` (see ``tests/hostile/make_hostile.py``):
every output must parse, keep every hostile name exactly and never let one out raw (into
an IRI, a spreadsheet formula, HTML markup or the terminal); every bad document is
reported by name; no good document is lost; no traceback.  Then builds are killed
midway (SIGTERM, SIGKILL) and the outputs and the store must be as they were, and
``--resume`` must finish the store build without redoing or duplicating anything.
"""

from __future__ import annotations

import csv
import html
import html.parser
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib
from conftest import DATA, ROOT, run_cli
from hostile import make_hostile as hx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef
from rdflib.namespace import SKOS

from kgraph.errors import InputError
from kgraph.textin import Failure, read_documents

FILES = hx.corpus()  # file name -> bytes; fills hx.GOOD and hx.BAD
HOSTILE = ROOT / "tests" / "hostile"
CORPUS, GAZETTEER = HOSTILE / "corpus", HOSTILE / "gazetteer.jsonl"
#: What a kgraph IRI may be: its scheme, a slug and a hash; never raw text.
KG_IRI = re.compile(r"https://w3id\.org/kgraph/id/[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{10}")
IRI_BAD = re.compile(r"[\s<>\"{}|\\^`\x00-\x1f\x7f-\x9f]")
#: What stderr must never carry raw: control characters (escape sequences) and bidi overrides.
TERMINAL_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def kgraph(*args: object, **kw) -> subprocess.Popen:
    """Start ``python -m kgraph`` (for runs side by side, or to be killed)."""
    return subprocess.Popen(
        [sys.executable, "-m", "kgraph", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kw,
    )


def finish(p: subprocess.Popen) -> subprocess.CompletedProcess:
    out, err = p.communicate(timeout=300)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


def assert_clean_stderr(r: subprocess.CompletedProcess) -> str:
    """No traceback, and every line one ``kgraph:`` message with nothing raw in it."""
    err = r.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    for line in err.rstrip("\n").split("\n") if err else ():
        assert line.startswith("kgraph: "), line
    assert not TERMINAL_BAD.search(err), TERMINAL_BAD.findall(err)
    return err


def jsonl(path: Path) -> list:
    """The records of a JSON lines file (split at "\\n" only: U+2028 is legal inside)."""
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line]


def relative(origin: str) -> str:
    return origin.removeprefix(str(CORPUS) + os.sep)


def good_ids() -> set[str]:
    return {i for ids in hx.GOOD.values() for i in ids}


def hostile_names() -> set[str]:
    return {name for name, _ in hx.NAMES.values()}


# ---------------------------------------------------------------------- the corpus
def test_the_corpus_on_disk_is_what_the_script_makes():
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(FILES)
    for name, data in FILES.items():
        assert (CORPUS / name).read_bytes() == data, f"{name}: run tests/hostile/make_hostile.py"
    assert GAZETTEER.read_bytes() == hx.gazetteer()
    assert len(hx.GOOD) >= 8 and len(hx.BAD) >= 20
    assert any(len(n) == 10_000 for n in hostile_names())


# ---------------------------------------------------------------------- the CLI over it
@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """extract, build and build --store over the corpus, side by side."""
    tmp = tmp_path_factory.mktemp("hostile")
    common = (CORPUS, "--gazetteer", GAZETTEER, "--on-error", "skip")
    procs = {
        "extract": kgraph(
            "extract", *common, "-o", tmp / "extract.jsonl", "--failures", tmp / "failures.jsonl"
        ),
        "build": kgraph("build", *common, "-o", tmp / "out", "--formats", "all"),
        "store": kgraph(
            "build", *common, "-o", tmp / "store-out", "--store", tmp / "kg", "--formats", "all"
        ),
    }
    done = {k: finish(p) for k, p in procs.items()}
    return tmp, done


@pytest.mark.model
@pytest.mark.parametrize("command", ["extract", "build", "store"])
def test_every_bad_document_is_reported_by_name_and_the_status_says_so(runs, command):
    tmp, done = runs
    r = done[command]
    err = assert_clean_stderr(r)
    assert r.returncode == 1, err
    report = {"extract": "failures.jsonl", "build": "out/failures.jsonl"}.get(
        command, "store-out/failures.jsonl"
    )
    failures = jsonl(tmp / report)
    assert {relative(f["origin"]) for f in failures} == set(hx.BAD)
    for f in failures:
        assert hx.BAD[relative(f["origin"])] in f["reason"], f
        assert f["origin"] in err  # and on stderr, one line each
    named = {relative(f["origin"]): f["doc"] for f in failures}
    last = max(int(o.rpartition(":")[2]) for o in named if o.startswith("records.jsonl:"))
    assert named[f"records.jsonl:{last}"] == "truncated"  # a cut-off line is named by its id
    assert named["binary.txt"] == "binary"
    assert f"{len(failures)} document(s) failed" in err


@pytest.mark.model
@pytest.mark.parametrize("output", ["extract.jsonl", "out/events.jsonl", "store-out/events.jsonl"])
def test_no_good_document_is_lost(runs, output):
    tmp, _ = runs
    records = jsonl(tmp / output)
    assert sorted(r["doc_id"] for r in records) == sorted(good_ids())
    names = {a["name"] for r in records for a in r["actors"]}
    assert hostile_names() <= names  # every hostile name became an actor, exactly
    assert sum(len(r["events"]) for r in records) >= 30


def parse(path: Path) -> rdflib.Dataset:
    fmt = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}[path.suffix]
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    return ds


@pytest.mark.model
@pytest.mark.parametrize("name", ["graph.graphml", "graph.gexf"])
def test_graph_files_for_gephi_parse_and_keep_names(runs, name):
    import networkx as nx

    tmp, _ = runs
    G = (nx.read_graphml if name.endswith("graphml") else nx.read_gexf)(tmp / "out" / name)
    labels = {str(v) for _, d in G.nodes(data=True) for v in d.values()}
    # XML 1.0 cannot hold control characters: names without them come back exactly
    assert {
        n for n in hostile_names() if not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", n)
    } <= labels


@pytest.mark.model
@pytest.mark.parametrize("out", ["out", "store-out"])
@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld"])
def test_rdf_parses_keeps_names_exactly_and_no_iri_holds_raw_text(runs, out, name):
    tmp, _ = runs
    ds = parse(tmp / out / name)
    labels = {str(o) for _, _, o, _ in ds.quads((None, SKOS.prefLabel, None, None))}
    assert hostile_names() <= labels
    iris = {t for q in ds.quads((None, None, None, None)) for t in q if isinstance(t, URIRef)}
    assert not [i for i in iris if IRI_BAD.search(i)]
    ours = [i for i in iris if i.startswith("https://w3id.org/kgraph/id/")]
    assert ours and all(KG_IRI.fullmatch(i) for i in ours), [
        i for i in ours if not KG_IRI.fullmatch(i)
    ][:3]
    assert not [i for i in iris if "/.." in i or "%2e" in i.lower()]  # no path games


@pytest.mark.model
def test_documents_with_hostile_ids_round_trip_through_rdf(runs):
    from kgraph.rdf import read_rdf

    tmp, _ = runs
    G = read_rdf(tmp / "out" / "graph.trig")
    assert set(G.graph["documents"]) == good_ids()
    assert hostile_names() <= {d.get("label") for _, d in G.nodes(data=True)}


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def assert_no_formula(rows: list[dict[str, str]]) -> None:
    cells = [v for row in rows for v in row.values() if v]
    assert not [c for c in cells if c.startswith(FORMULA)]
    for _, name in ((g, n) for g, (n, _) in hx.NAMES.items() if n.startswith(FORMULA)):
        assert "'" + name in cells  # neutralised, not dropped


@pytest.mark.model
@pytest.mark.parametrize("out", ["out", "store-out"])
def test_csv_has_one_row_per_event_and_no_formula(runs, out):
    from kgraph.rdf import read_rdf

    tmp, _ = runs
    rows = read_csv(tmp / out / "events.csv")
    G = read_rdf(tmp / out / "graph.trig")
    assert len(rows) == len(G.graph["events"]) and {r["event_id"] for r in rows} == set(
        G.graph["events"]
    )
    assert_no_formula(rows)
    r = run_cli("export", tmp / out / "graph.trig", "--format", "csv", "-o", tmp / f"{out}.csv")
    assert_clean_stderr(r)
    assert r.returncode == 0 and read_csv(tmp / f"{out}.csv") == rows


class Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@pytest.mark.model
def test_render_png_svg_and_html_escape_every_label(runs):
    tmp, _ = runs
    graph = tmp / "store-out" / "graph.ttl"
    views = [("timeline.png", ("--view", "timeline")), ("casualties.svg", ("--view", "casualties"))]
    for name, extra in [("map.png", ()), ("map.svg", ()), ("map.html", ("--html",)), *views]:
        r = run_cli("render", graph, "-o", tmp / name, "--top", "0", *extra)
        assert_clean_stderr(r)
        assert r.returncode == 0
    assert (tmp / "map.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    ET.parse(tmp / "map.svg")  # well-formed XML: no raw control character got in
    ET.parse(tmp / "casualties.svg")
    page = (tmp / "map.html").read_text("utf-8")
    tags = Tags()
    tags.feed(page)
    scripts = [a for t, a in tags.tags if t == "script"]
    assert scripts == [[("type", "application/json"), ("id", "kgraph-data")], []]
    assert not [(t, a) for t, a in tags.tags if any(k.startswith("on") for k, _ in a)]
    assert not {"img", "b", "iframe", "object"} & {t for t, _ in tags.tags}
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", page)
    for name in hostile_names():
        if "<" in name and len(name) < 100:
            assert name not in page and html.escape(name, quote=True) in page


@pytest.mark.model
def test_query_is_read_only_unless_update_and_its_output_parses(runs):
    tmp, _ = runs
    kg = tmp / "kg"
    labels = "SELECT ?l WHERE { ?a a kg:Actor ; skos:prefLabel ?l }"
    r = run_cli("query", "--store", kg, labels, "--format", "json")
    assert_clean_stderr(r)
    assert r.returncode == 0
    data = json.loads(r.stdout)
    got = {row["l"]["value"] for row in data["results"]["bindings"]}
    assert hostile_names() <= got
    r = run_cli("query", "--store", kg, labels, "--format", "csv")
    rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8"), newline="")))
    assert len(rows) == len(data["results"]["bindings"]) + 1
    assert not [c for row in rows[1:] for c in row if c.startswith(FORMULA)]
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = run_cli("query", "--store", kg, count, "--format", "csv").stdout
    ttl = tmp / "store-out" / "graph.ttl"
    ttl_bytes = ttl.read_bytes()
    for source in (("--store", kg), (ttl,)):
        for update in (
            "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
            "PREFIX x: <urn:x>\n# a comment\n DELETE WHERE { ?s ?p ?o }",
            "DROP ALL",
            "LOAD <file:///etc/passwd>",
        ):
            r = run_cli("query", *source, update)
            err = assert_clean_stderr(r)
            assert r.returncode == 1 and "read-only unless --update" in err
    assert run_cli("query", "--store", kg, count, "--format", "csv").stdout == before
    assert ttl.read_bytes() == ttl_bytes
    copy = tmp / "kg-copy"
    shutil.copytree(kg, copy)
    r = run_cli("query", "--store", copy, "INSERT DATA { <urn:x> <urn:y> <urn:z> }", "--update")
    assert r.returncode == 0, r.stderr
    ask = run_cli("query", "--store", copy, "ASK { <urn:x> <urn:y> <urn:z> }", "--format", "json")
    assert json.loads(ask.stdout)["boolean"] is True
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    r = run_cli("query", "--store", kg, federated)
    assert r.returncode == 1 and "runs offline" in assert_clean_stderr(r)
    # documents whose literals hold U+2028, U+0085, NUL, ... can be replaced and removed
    gone = ["=cmd|' /C calc'!A0", "\U0001f4a5\u202eevil"]
    r = run_cli("remove", "--store", copy, *gone)
    assert r.returncode == 0, assert_clean_stderr(r)
    records = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d kg:record ?r } }"
    r = run_cli("query", "--store", copy, records, "--format", "json")
    n = json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"]
    assert int(n) == len(good_ids()) - 2


@pytest.mark.model
def test_tables_and_explanations_print_nothing_raw(runs):
    tmp, _ = runs
    labels = "SELECT ?l WHERE { ?a a kg:Actor ; skos:prefLabel ?l }"
    for args in (("query", "--store", tmp / "kg", labels), ("explain", tmp / "out/events.jsonl")):
        r = run_cli(*args)
        assert r.returncode == 0, r.stderr
        out = r.stdout.decode("utf-8")
        assert not TERMINAL_BAD.search(out.replace("\n", " ")), TERMINAL_BAD.findall(out)
        assert "Ctrl\\x00\\x01\\x07\\x1b[31mRed" in out  # shown escaped


@pytest.mark.model
def test_document_ids_never_become_paths(runs):
    tmp, _ = runs
    assert {"../../etc/passwd", "CON", "..", "/abs/path/..\\..\\C:\\x"} <= good_ids()
    assert sorted(p.name for p in (tmp / "out").iterdir()) == sorted(
        ["events.jsonl", "failures.jsonl", "graph.ttl", "graph.trig", "graph.nq"]
        + ["graph.jsonld", "events.csv", "graph.graphml", "graph.gexf", "map.png"]
    )
    everything = {p.relative_to(tmp).parts[0] for p in tmp.rglob("*")}
    assert everything <= {
        "out", "store-out", "kg", "kg-copy", "extract.jsonl", "failures.jsonl",
        "map.png", "map.svg", "map.html", "out.csv", "store-out.csv", "timeline.png",
        "casualties.svg",
    }  # fmt: skip
    assert not list(tmp.parent.rglob("passwd"))


def test_figures_show_hostile_names_and_ids_tamed():
    from kgraph.graph import build_graph
    from kgraph.records import Actor, DocumentResult
    from kgraph.render import _title, display_name

    for name in hostile_names():
        shown = display_name(name)
        assert len(shown) <= 60 and not TERMINAL_BAD.search(shown), repr(shown)
    doc = "id\nwith\x1b[2J\u202e" + "x" * 10_000
    G = build_graph([DocumentResult(doc, (Actor("a", "A", "group"),), date="<b>2021-02-30")])
    title = _title(G, list(G), [])
    assert len(title) < 120 and not TERMINAL_BAD.search(title), title


# ---------------------------------------------------------------------- odd files
def test_a_50_mb_single_line_is_refused_in_bounded_memory(tmp_path):
    line = b"Scriptfront attacked Quotebrigade. " * (50 * 2**20 // 35 + 1)
    (tmp_path / "big.txt").write_bytes(line)
    (tmp_path / "big.jsonl").write_bytes(
        b'{"id": "ok", "text": "Talks resumed."}\n{"id": "big", "text": "' + line + b'"}\n'
        b'{"id": "after", "text": "Talks resumed again."}\n'
    )
    for name in ("big.txt", "big.jsonl"):
        failures: list[Failure] = []
        tracemalloc.start()
        t = time.perf_counter()
        docs = list(read_documents(tmp_path / name, on_error="skip", failures=failures))
        peak, took = tracemalloc.get_traced_memory()[1], time.perf_counter() - t
        tracemalloc.stop()
        # a .txt is refused from its size; a JSONL line is read up to 12 bytes per allowed
        # character (JSON escapes) before it is refused: bounded by --max-chars, not the file
        bound = 30 * 2**20 if name == "big.txt" else 200 * 2**20
        assert peak < bound, f"{name}: {peak:,} bytes"
        assert took < 10
        [f] = failures
        assert "more than the limit of 10,000,000" in f.reason
        assert f.reason.endswith("(raise --max-chars)")
        assert f.doc == "big"
        if name == "big.jsonl":  # the lines around it are read
            assert [d.id for d in docs] == ["ok", "after"] and f.origin.endswith("big.jsonl:2")
        else:
            assert docs == []
    [doc] = read_documents(tmp_path / "big.txt", max_chars=60 * 2**20)  # when asked for
    assert len(doc.text) == len(line)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00 Hamas attacked Israel.", "binary input, not text"),
        (b"Caf\xe9 talks resumed.", "not UTF-8 text"),
        (b" \n\t", "empty"),
        (b'{"id": "a", "text": "x"}\n' + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    ],
)
def test_bad_standard_input_is_refused(data, reason):
    failures: list[Failure] = []
    list(read_documents("-", stdin=io.BytesIO(data), on_error="skip", failures=failures))
    assert reason in failures[-1].reason


@pytest.mark.model
def test_hostile_file_names_are_read_or_refused_and_never_reach_the_terminal_raw(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    names = ["evil\nname\x1b[31m.txt", "<script>alert(1)<\u202e.txt", "-rf --help.txt"]
    for name in names:
        (corpus / name).write_text("Scriptfront attacked Quotebrigade.", encoding="utf-8")
    bad = os.fsencode(corpus) + b"/caf\xe9.txt"  # a name that is not UTF-8
    with open(bad, "wb") as fh:
        fh.write(b"Scriptfront attacked Quotebrigade.")
    (corpus / "empty\x1b]0;pwned\x07.txt").write_bytes(b"")
    r = run_cli(
        "extract", corpus, "--gazetteer", GAZETTEER, "--on-error", "skip", "-o", tmp_path / "x"
    )
    err = assert_clean_stderr(r)
    assert r.returncode == 1
    ids = [r["doc_id"] for r in jsonl(tmp_path / "x")]
    assert sorted(ids) == sorted(n.removesuffix(".txt") for n in names)
    assert "caf\\xe9.txt" in err and "file name is not UTF-8" in err
    assert "empty\\x1b]0;pwned\\x07" in err


def test_long_runs_without_whitespace_reach_spacy_cut_short():
    from kgraph.extract import RUN_CHARS, split_text

    text = "Talks resumed. " + "(" * 5000 + "\n" + "x" * 1200 + " Hamas attacked Israel."
    pieces = split_text(text)
    assert "".join(pieces) == text
    assert max(len(run) for p in pieces for run in p.split()) <= RUN_CHARS


@pytest.mark.model
def test_pathological_text_takes_linear_time_and_loses_nothing(nlp):
    """Regressions: spaCy's tokenizer was quadratic over a long run without whitespace,
    finding an event's date and arguments was quadratic in the entities and mentions of the
    document, and a list of thousands of conjuncts overflowed the stack.  Before the fixes this
    document took minutes and failed; now it takes seconds."""
    import random

    from kgraph.extract import extract
    from kgraph.records import Document

    rng = random.Random(7)
    first = "Abel Bruno Carla Dmitri Elena Farid Gita Hamid Ivan Jana Karim Lena".split()

    def name() -> str:
        last = "".join(rng.choice("bcdfgklmnprstv") + rng.choice("aeiou") for _ in range(3))
        return f"{rng.choice(first)} {last.title()}"

    text = " ".join(f"{name()} met {name()} in Cairo on Monday." for _ in range(1500))
    text += "\n" + "Israel, " * 1500 + "Egypt and Jordan attacked Hamas.\n" + "(" * 20_000
    t = time.perf_counter()
    [res] = extract([Document("odd", text)], nlp=nlp)
    took = time.perf_counter() - t
    assert len(res.events) >= 1400 and took < 60, (len(res.events), took)
    assert any(
        e.type == "ASSAULT" and "Jordan attacked Hamas" in e.sentence.text for e in res.events
    )


# ---------------------------------------------------------------------- property tests
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(_TEXT, min_size=2, max_size=2, unique=True),
    ids=st.lists(_TEXT, min_size=2, max_size=2, unique=True),
    doc_id=_TEXT,
    alias=_TEXT,
)
def test_any_name_survives_turtle_exactly_and_never_enters_an_iri(names, ids, doc_id, alias):
    import tempfile

    from kgraph.graph import build_graph
    from kgraph.rdf import from_rdf, resource_iri, write_nquads, write_trig, write_turtle
    from kgraph.records import Actor, DocumentResult, Event, Span

    a = Actor(ids[0], names[0], "armed_group", aliases=(alias,))
    b = Actor(ids[1], names[1], "country")
    e = Event("e1", doc_id, "ASSAULT", "19", "attacked", (a.id,), (b.id,), Span("x", 0, 1),
              Span("x", 0, 1))  # fmt: skip
    G = build_graph([DocumentResult(doc_id, (a, b), (e,))], merge=False)
    with tempfile.TemporaryDirectory() as d:
        for write, fmt in (
            (write_turtle, "turtle"),
            (write_trig, "trig"),
            (write_nquads, "nquads"),
        ):
            path = write(G, Path(d) / f"g.{fmt}")
            ds = rdflib.Dataset()
            ds.parse(path, format=fmt)
            for actor in (a, b):
                node = resource_iri("actor", actor.id)
                assert KG_IRI.fullmatch(node)
                assert {str(o) for *_, o, _ in ds.quads((node, SKOS.prefLabel, None, None))} == {
                    actor.name
                }
            iris = {t for q in ds.quads((None, None, None, None)) for t in q}
            assert not [i for i in iris if isinstance(i, URIRef) and IRI_BAD.search(i)]
            H = from_rdf(ds)
            assert {H.nodes[n]["label"] for n in H} == set(names)
            assert alias in H.nodes[a.id]["aliases"] or alias == a.name  # (the name is no alias)
            assert set(H.graph["documents"]) == {doc_id}


_GOOD = st.fixed_dictionaries(
    {"text": st.text(min_size=1).filter(str.strip)},
    optional={"title": st.text(), "date": st.text(), "url": st.text()},
).filter(lambda r: not any(re.search("[\ud800-\udfff]", v) for v in r.values()))


def _containers(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(children, max_size=3) | st.dictionaries(
        st.text(max_size=5), children, max_size=3
    )


_GARBAGE = st.one_of(
    st.binary(max_size=80),
    st.text(max_size=80).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.from_regex(r'\{"id": "[a-z]{1,5}", "te', fullmatch=True).map(str.encode),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5), _containers, max_leaves=6
    ).map(lambda v: json.dumps(v).encode()),
).map(lambda b: b.replace(b"\n", b" "))


def _is_record(line: bytes) -> bool:
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("text"), str)


def _blank(line: bytes, first: bool) -> bool:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not (text.removeprefix("\ufeff") if first else text).strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_GOOD, _GARBAGE.filter(lambda b: not _is_record(b))), max_size=12))
def test_the_jsonl_reader_never_raises_but_input_error_and_yields_every_good_line(lines):
    import tempfile

    data, want, bad, before_bad = b"", [], 0, None
    for i, line in enumerate(lines):
        if isinstance(line, dict):
            line = json.dumps({"id": f"good-{i}", **line}).encode()
            want.append(f"good-{i}")
        elif not _blank(line, i == 0):
            bad += 1
            before_bad = len(want) if before_bad is None else before_bad
        data += line + b"\n"
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "c.jsonl"
        path.write_bytes(data)
        failures: list[Failure] = []
        docs = list(read_documents(path, on_error="skip", failures=failures))
        assert [doc.id for doc in docs] == want  # every good line, in order
        if want:  # one failure per bad line
            assert len(failures) == bad
        else:  # or one for the file: no records, or binary
            assert 1 <= len(failures) <= max(bad, 1)
        got = []
        try:  # the default: fail at the first bad line, after the good ones before it
            got.extend(doc.id for doc in read_documents(path))
        except InputError as exc:
            assert bad or not want
            assert "\n" not in str(exc) and str(exc).startswith(str(path))
            assert got == want[: before_bad if bad else 0]
        else:
            assert not bad and got == want


# ---------------------------------------------------------------------- killed builds
# Builds run with --batch-size 2 so that documents finish one by one (nlp.pipe hands back a
# whole batch at once), and without the map, which is not what these tests are about.
SMALL_BATCHES = ("--batch-size", "2", "--no-map")


@pytest.fixture(scope="module")
def corpus20(tmp_path_factory) -> Path:
    """The VOA sample twice with distinct ids: a build of several seconds."""
    path = tmp_path_factory.mktemp("corpus20") / "voa20.jsonl"
    records = jsonl(DATA / "voa.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(2):
            for r in records:
                fh.write(json.dumps({**r, "id": f"{r['id']}-{k}"}) + "\n")
    return path


@pytest.fixture(scope="module")
def prior(tmp_path_factory, corpus20) -> Path:
    """The outputs and store of an earlier build (to be kept intact), and ``ref/``: that
    store after an uninterrupted build of ``corpus20``."""
    tmp = tmp_path_factory.mktemp("prior")
    r = run_cli(
        "build", DATA / "articles" / "ceasefire.txt", "-o", tmp / "out", "--store", tmp / "kg"
    )
    assert r.returncode == 0, r.stderr
    shutil.copytree(tmp / "kg", tmp / "ref")
    r = run_cli("build", corpus20, "--store", tmp / "ref", "-o", tmp / "ref-out", *SMALL_BATCHES)
    assert r.returncode == 0, r.stderr
    return tmp


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def dump(store: Path) -> list[str]:
    import pyoxigraph as ox

    db = ox.Store.read_only(str(store))
    return sorted(db.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").split("\n"))


def interrupt(args: tuple, sig: int, ready: Callable[[], bool]) -> subprocess.CompletedProcess:
    """Start kgraph, send ``sig`` as soon as ``ready()``, and wait for its end."""
    p = kgraph(*args)
    deadline = time.monotonic() + 240
    while not ready():
        assert p.poll() is None, f"kgraph ended before it could be stopped: {finish(p)}"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    p.send_signal(sig)
    return finish(p)


def journal_lines(store: Path, n: int) -> Callable[[], bool]:
    journal = store / "kgraph-resume.jsonl"
    return lambda: journal.exists() and journal.read_bytes().count(b"\n") >= n


@pytest.mark.model
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_killed_build_changes_nothing_and_resume_finishes_it(tmp_path, prior, corpus20, sig):
    out, kg = tmp_path / "out", tmp_path / "kg"
    for d in (out, kg):
        shutil.copytree(prior / d.name, d)
    outputs, quads = snapshot(out), dump(kg)
    build = ("build", corpus20, "-o", out, "--store", kg, *SMALL_BATCHES)

    r = interrupt(build, sig, journal_lines(kg, 3))
    if sig == signal.SIGTERM:
        err = assert_clean_stderr(r)
        assert r.returncode == 143
        assert err == (
            "kgraph: interrupted (SIGTERM); outputs left as they were; the same command with "
            "--resume continues the build\n"
        )
        assert snapshot(out) == outputs  # byte for byte, and no temporary file left
    else:
        assert r.returncode == -signal.SIGKILL
        left = snapshot(out)
        temps = [n for n in left if n not in outputs]
        assert all(re.fullmatch(r"\.events\.jsonl\.\d+-\w{8}\.tmp", n) for n in temps), temps
        assert {n: left[n] for n in outputs} == outputs
    assert dump(kg) == quads  # the store is as it was
    saved = (kg / "kgraph-resume.jsonl").read_bytes().count(b"\n")
    assert 3 <= saved < 20

    r = run_cli(*build, "--resume")
    err = assert_clean_stderr(r)
    assert r.returncode == 0, err
    reused = int(re.search(r"(\d+) taken from the interrupted build", err)[1])
    assert reused >= 3 and "20 document(s) added, 0 replaced" in err
    assert not (kg / "kgraph-resume.jsonl").exists()
    assert not [n for n in os.listdir(out) if n.endswith(".tmp")]  # a SIGKILL's are cleaned
    assert dump(kg) == dump(prior / "ref")  # the store of a build never interrupted
    for name in ("graph.trig", "events.csv"):
        assert (out / name).read_bytes() == (prior / "ref-out" / name).read_bytes()
    ids = sorted(r["doc_id"] for r in jsonl(out / "events.jsonl"))
    assert ids == sorted(r["id"] for r in jsonl(corpus20))

    if sig == signal.SIGTERM:
        r = run_cli("build", corpus20, "--store", kg, "--resume")  # nothing left to do
        assert r.returncode == 0 and "(20 unchanged document(s) skipped" in r.stderr.decode()
        assert dump(kg) == dump(prior / "ref")
        # other settings (here a gazetteer of the user's) are not resumed: all read again
        mine = tmp_path / "mine.jsonl"
        mine.write_text('{"id": "x", "name": "Xanadu Front", "type": "armed_group"}\n', "utf-8")
        r = run_cli("build", corpus20, "--store", kg, "--resume", "--gazetteer", mine)
        err = r.stderr.decode()
        assert r.returncode == 0 and "20 replaced (0 unchanged document(s) skipped" in err, err
        r = run_cli("build", corpus20, "--store", kg, "--resume", "--gazetteer", mine)
        assert "(20 unchanged document(s) skipped" in r.stderr.decode()


@pytest.mark.model
def test_a_signal_while_the_outputs_are_written_waits_for_them(tmp_path, prior):
    out = tmp_path / "out"
    shutil.copytree(prior / "out", out)
    before = (out / "events.jsonl").stat().st_ino

    def renamed() -> bool:
        try:
            return (out / "events.jsonl").stat().st_ino != before
        except FileNotFoundError:
            return False

    r = interrupt(("build", DATA / "wires", "-o", out), signal.SIGTERM, renamed)
    err = assert_clean_stderr(r)
    assert r.returncode == 143, err
    assert "finishing writing the outputs" in err
    assert err.endswith("kgraph: stopped by SIGTERM, after writing the outputs\n")
    from kgraph.rdf import read_rdf

    docs = {r["doc_id"] for r in jsonl(out / "events.jsonl")}
    assert docs == set(read_rdf(out / "graph.trig").graph["documents"]) and len(docs) == 3
    assert (out / "map.png").stat().st_mtime >= (out / "events.jsonl").stat().st_mtime


@pytest.mark.model
def test_ctrl_c_keeps_the_previous_output_file(tmp_path, corpus20):
    target = tmp_path / "events.jsonl"
    target.write_text("previous\n")
    (tmp_path / ".events.jsonl.999999999-abcdefgh.tmp").write_text("a killed run's")

    def started() -> bool:
        return any(p.name.endswith(".tmp") and "999999999" not in p.name and p.stat().st_size
                   for p in tmp_path.iterdir())  # fmt: skip

    r = interrupt(("extract", corpus20, "-o", target, "--batch-size", "1"), signal.SIGINT, started)
    err = assert_clean_stderr(r)
    assert (
        r.returncode == 130 and err == "kgraph: interrupted (SIGINT); outputs left as they were\n"
    )
    assert sorted(os.listdir(tmp_path)) == ["events.jsonl"]  # the stale temp file was removed
    assert target.read_text() == "previous\n"


def test_resume_needs_a_store(tmp_path):
    r = run_cli("build", DATA / "articles" / "ceasefire.txt", "-o", tmp_path, "--resume")
    assert r.returncode == 1
    assert (
        assert_clean_stderr(r)
        == "kgraph: error: --resume continues a store build: give its --store DIR\n"
    )


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"id": "x", "name": "X Group", "aliases": "XG"}', '"aliases" must be a list'),
        ('{"id": "x", "name": ["X"]}', '"name" must be a non-empty string'),
        ('{"id": "x", "name": " "}', '"name" must be a non-empty string'),
        ('{"id": "x", "name": "X", "country": 5}', '"country" must be a string'),
        ('["x"]', "a JSON object, not list"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_a_bad_user_gazetteer_line_is_refused_by_line(tmp_path, line, reason):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"id": "ok", "name": "Ok Front"}\n' + line + "\n", encoding="utf-8")
    from kgraph.errors import InputError
    from kgraph.lexicons import load_lexicons

    with pytest.raises(InputError) as exc:
        load_lexicons((str(path),))
    assert str(exc.value).startswith(f"{path}:2: ") and reason in str(exc.value)
