"""Corpus scale: progress line, bounded memory, long documents, shards and their merge."""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT, run_cli

from kgraph.errors import InputError, KGraphError
from kgraph.progress import Progress, count_documents
from kgraph.shards import Shard, merge_shards


# ------------------------------------------------------------------ progress line
def test_progress_line_shows_rate_and_time_left():
    ticks = iter([0.0, 2.0, 4.0, 4.0, 8.0, 8.0]).__next__
    out = io.StringIO()
    p = Progress(total=100, stream=out, enabled=True, clock=ticks, every=0)
    p.update(10)  # t=2
    assert p.line() == "10/100 documents (10%)  5.0 docs/s  ETA 18s"
    p.update(10)  # t=4
    p.close()  # t=8 (nothing left: no ETA)
    assert out.getvalue().startswith("\rkgraph: 10/100 documents (10%)  5.0 docs/s  ETA 18s")
    assert out.getvalue().endswith("\n") and out.getvalue().count("\r") == 3


def test_progress_without_a_total_and_for_a_shard():
    ticks = iter([0.0, 10.0]).__next__
    p = Progress(stream=io.StringIO(), enabled=False, clock=ticks)
    p.update(25)
    assert p.line() == "25 documents  2.5 docs/s"
    ticks = iter([0.0, 10.0]).__next__
    p = Progress(total=100, approximate=True, stream=io.StringIO(), enabled=False, clock=ticks)
    p.update(50)
    assert p.line() == "50/~100 documents (50%)  5.0 docs/s  ETA ~10s"


def test_progress_is_off_when_stderr_is_not_a_terminal():
    out = io.StringIO()  # not a TTY
    p = Progress(total=3, stream=out)
    assert list(p.wrap("abc")) == ["a", "b", "c"]
    assert p.done == 3 and out.getvalue() == ""


def test_count_documents(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}')
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / "notes.md").write_text("no")
    assert count_documents(tmp_path) == 4
    assert count_documents(tmp_path / "b.jsonl") == 3
    assert count_documents(tmp_path / "a.txt") == 1
    assert count_documents("-") is None


@pytest.mark.model
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_cli_draws_progress_on_a_terminal_only(tmp_path):
    import pty
    import subprocess

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"d{i}", "text": "Egypt condemned Israel."}) + "\n" for i in range(3)
        )
    )
    args = [sys.executable, "-m", "kgraph", "extract", str(corpus), "-o", str(tmp_path / "o.jsonl")]
    master, slave = pty.openpty()
    proc = subprocess.run(args, stderr=slave, cwd=ROOT, timeout=300)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.returncode == 0
    assert b"\rkgraph: 3/3 documents (100%)" in seen and b"docs/s" in seen
    r = run_cli("extract", str(corpus), "-o", str(tmp_path / "o.jsonl"))  # stderr is a pipe
    assert r.returncode == 0 and b"\r" not in r.stderr and b"docs/s" not in r.stderr
    r = run_cli("extract", str(corpus), "-o", str(tmp_path / "o.jsonl"), "-q")
    assert r.returncode == 0 and r.stderr == b""


# ------------------------------------------------------------------ shards
def test_shards_partition_a_corpus_deterministically():
    ids = [f"doc-{i}" for i in range(1000)] + ["voa_8005869", "ceasefire", "\U0001f642", ""]
    for n in (1, 2, 3, 7):
        owners = [[s for s in range(n) if Shard(s, n).owns(i)] for i in ids]
        assert all(len(o) == 1 for o in owners)  # each document in exactly one shard
        if n > 1:  # and the shards are about even
            sizes = [sum(o == [s] for o in owners) for s in range(n)]
            assert min(sizes) > 0.7 * len(ids) / n
    # the split is the documented function of the id alone, the same on every machine:
    # the first 8 bytes of the SHA-1 of the UTF-8 id, big-endian, modulo N
    for i in ids:
        h = int(hashlib.sha1(i.encode()).hexdigest()[:16], 16)
        assert Shard(h % 5, 5).owns(i)


@pytest.mark.parametrize("bad", ["2/2", "1", "a/b", "-1/2", "0/0", ""])
def test_a_bad_shard_is_a_one_line_error(bad):
    with pytest.raises(KGraphError, match="--shard must be I/N"):
        Shard.parse(bad)


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_merge_interleaves_shards_back_into_input_order(tmp_path):
    recs = [{"doc_id": f"d{i}", "events": [], "actors": []} for i in range(6)]
    s0 = _write(
        tmp_path / "s0.jsonl",
        [{**r, "meta": {"shard": "0/2", "position": i}} for i, r in enumerate(recs) if i % 3 == 0],
    )
    s1 = _write(
        tmp_path / "s1.jsonl",
        [{**r, "meta": {"shard": "1/2", "position": i}} for i, r in enumerate(recs) if i % 3],
    )
    assert list(merge_shards([s1, s0])) == recs
    kept = _write(
        tmp_path / "k.jsonl", [{**recs[0], "meta": {"shard": "0/1", "position": 0, "x": 1}}]
    )
    assert list(merge_shards([kept])) == [{**recs[0], "meta": {"x": 1}}]


def test_merge_refuses_incomplete_or_mixed_shards(tmp_path):
    rec = {"doc_id": "d", "events": [], "actors": []}
    s0 = _write(tmp_path / "s0.jsonl", [{**rec, "meta": {"shard": "0/2", "position": 0}}])
    s0b = _write(tmp_path / "s0b.jsonl", [{**rec, "meta": {"shard": "0/2", "position": 3}}])
    s3 = _write(tmp_path / "s3.jsonl", [{**rec, "meta": {"shard": "0/3", "position": 0}}])
    plain = _write(tmp_path / "p.jsonl", [rec])
    empty = _write(tmp_path / "e.jsonl", [])
    with pytest.raises(InputError, match="shard.s. 1/2 missing"):
        list(merge_shards([s0]))
    assert [r["doc_id"] for r in merge_shards([s0, empty])] == ["d"]  # an empty shard
    with pytest.raises(InputError, match="given twice"):
        list(merge_shards([s0, s0b]))
    with pytest.raises(InputError, match="different splits"):
        list(merge_shards([s0, s3]))
    with pytest.raises(InputError, match="different splits"):
        list(merge_shards([s0, plain]))
    with pytest.raises(InputError, match='document "d" is also in an earlier input'):
        list(merge_shards([plain, plain]))
    with pytest.raises(InputError, match="cannot read"):
        list(merge_shards([tmp_path / "missing.jsonl"]))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(InputError, match="bad.jsonl:1: not valid JSON"):
        list(merge_shards([bad]))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The VOA sample and the ceasefire article as one JSONL corpus."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    lines = []
    for p in [*sorted((DATA / "voa").glob("*.txt")), DATA / "articles" / "ceasefire.txt"]:
        lines.append(json.dumps({"id": p.stem, "text": p.read_text("utf-8")}) + "\n")
    path.write_text("".join(lines))
    return path


@pytest.mark.model
def test_shards_merged_equal_a_single_run(corpus, tmp_path):
    import networkx as nx
    from rdflib import Dataset, Graph
    from rdflib.compare import isomorphic

    from kgraph.rdf import read_rdf

    single, merged = tmp_path / "single", tmp_path / "merged"
    r = run_cli("build", str(corpus), "-o", str(single), "--no-map", "-q")
    assert r.returncode == 0, r.stderr.decode()
    shards = []
    for i in range(2):
        shards.append(tmp_path / f"s{i}.jsonl")
        r = run_cli("extract", str(corpus), "--shard", f"{i}/2", "-o", str(shards[i]), "-q")
        assert r.returncode == 0, r.stderr.decode()
    ids = [[json.loads(x)["doc_id"] for x in open(s)] for s in shards]
    assert ids[0] and ids[1] and not set(ids[0]) & set(ids[1])  # a real split
    r = run_cli("merge", str(shards[1]), str(shards[0]), "-o", str(merged), "--no-map")
    assert r.returncode == 0, r.stderr.decode()
    assert b"11 document(s)" in r.stderr  # the 10 VOA articles and the ceasefire one
    # the same events.jsonl, graph and RDF as the single run
    assert (merged / "events.jsonl").read_text() == (single / "events.jsonl").read_text()
    assert nx.utils.graphs_equal(read_rdf(single / "graph.ttl"), read_rdf(merged / "graph.ttl"))
    assert isomorphic(Graph().parse(single / "graph.ttl"), Graph().parse(merged / "graph.ttl"))
    a, b = Dataset(), Dataset()
    a.parse(single / "graph.trig", format="trig")
    b.parse(merged / "graph.trig", format="trig")
    assert {g.identifier for g in a.graphs()} == {g.identifier for g in b.graphs()}
    for g in a.graphs():
        assert isomorphic(g, b.graph(g.identifier)), g.identifier


# ------------------------------------------------------------------ long documents, memory
@pytest.mark.model
def test_an_event_at_the_end_of_a_2_million_character_document_is_found(nlp):
    from kgraph.extract import CHUNK_CHARS, extract_text

    tail = "Hamas fired rockets at Israel."
    block = "Egypt condemned Israel." + " " * 249_976 + "\n"  # cheap filler for the parser
    body = block * 7
    text = body + " " * (2_000_000 - len(body) - len(tail)) + tail
    assert len(text) == 2_000_000 and len(text) > nlp.max_length > CHUNK_CHARS
    res = extract_text(text, doc_id="long", nlp=nlp)  # parsed in 20 chunks, joined
    assert res.text_length == 2_000_000
    fired = [e for e in res.events if e.type == "ASSAULT"]
    assert len(fired) == 1
    ev = fired[0]
    start = text.rindex("fired")
    assert (ev.trigger.start, ev.trigger.end, ev.trigger.text) == (start, start + 5, "fired")
    assert text[ev.sentence.start : ev.sentence.end] == ev.sentence.text
    assert ev.sentence.text.strip() == tail and ev.sentence.end == len(text)
    hamas = res.actor(ev.source[0])
    assert any(m.start == text.rindex("Hamas") and m.text == "Hamas" for m in hamas.mentions)
    # the events of every chunk are there, at their own offsets
    starts = [e.trigger.start for e in res.events if e.type == "ACCUSE"]
    assert starts == [i * len(block) + len("Egypt ") for i in range(7)]


@pytest.mark.model
def test_extract_keeps_no_per_document_state(nlp):
    from spacy.tokens import Doc

    from kgraph.extract import extract
    from kgraph.nlp import _MATCHERS
    from kgraph.records import Document

    text = (DATA / "articles" / "ceasefire.txt").read_text("utf-8")

    def docs_alive() -> int:
        gc.collect()
        return sum(isinstance(o, Doc) for o in gc.get_objects())

    before, matchers = docs_alive(), len(_MATCHERS)
    stream = extract((Document(f"d{i}", text) for i in range(60)), nlp=nlp, batch_size=4)
    counts = [docs_alive() for i, _ in enumerate(stream) if i % 20 == 19]
    assert max(counts) <= before + 8  # a batch or two in flight, never the corpus
    assert docs_alive() <= before + 1
    assert len(_MATCHERS) <= matchers + 1  # one gazetteer matcher per (pipeline, lexicons)


@pytest.mark.model
def test_the_matcher_cache_follows_its_objects(nlp):
    from dataclasses import replace

    from kgraph.lexicons import load_lexicons
    from kgraph.nlp import _MATCHERS, gazetteer_matcher

    lex = load_lexicons()
    assert gazetteer_matcher(nlp, lex) is gazetteer_matcher(nlp, lex)  # built once
    n = len(_MATCHERS)
    for _ in range(3):  # new lexicons objects, perhaps at a freed one's address
        other = replace(lex)
        assert gazetteer_matcher(nlp, other) is not gazetteer_matcher(nlp, lex)
        del other
        gc.collect()
    assert len(_MATCHERS) == n  # the entries of freed objects are gone
