"""kgraph's throughput against the bare spaCy pipeline, measured in one run.

    .venv/bin/python benchmarks/throughput.py                 # 2,000 documents (VOA x200)
    .venv/bin/python benchmarks/throughput.py --docs 400 --batch-size 64 --json out.json

The corpus is the VOA sample (``data/voa``, 10 articles) repeated to ``--docs`` documents,
each with its own id and its article's publication date, as one JSONL file.  Measured:

1. **bare**: ``nlp.pipe`` over the texts, same model and batch size, nothing else;
2. **extract**: what ``kgraph extract CORPUS -o FILE`` does: read the JSONL, parse,
   resolve actors, read events, write one JSON record per document;
3. **graph + RDF**: what ``kgraph build`` then does (without the map): the cross-document
   graph, then its default files: Turtle, TriG and the events CSV;
4. reported apart: the map (``map.png``), whose cost depends on the graph's size, not the
   corpus's (it draws the 40 most active actors), and the files written only on request
   (``--formats all``: N-Quads, JSON-LD, GraphML, GEXF), with the ratio they would give.

Bare and extract runs alternate over slices of the corpus (``--rounds``, default one per
50 documents), so that a change in the machine's load during the run hits both alike.  The
overhead ratio is (extract + graph + RDF) / bare, in wall-clock and in CPU time of this
process.  On a shared machine both swing with other jobs, so kgraph's own work is also
timed directly, inside the same run: the rules (``kgraph.extract.read_document``: actors
and events of each parsed Doc), the JSON records, the graph and the files; the "direct"
ratio is (bare + own work) / bare.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a fresh clone without `pip install -e .` works too


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def make_corpus(n: int, path: Path) -> None:
    """The VOA sample repeated to ``n`` documents, as JSONL.  Copy k of an article is dated
    k days after it, so copies are different days' news: their events do not all merge
    into one (an event's reports merge within a day), and the graph grows as a real
    corpus's does."""
    voa = ROOT / "data" / "voa"
    dates = {}
    with open(voa / "sources.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dates[Path(row["file"]).stem] = date.fromisoformat(row["published_utc"][:10])
    files = sorted(voa.glob("*.txt"))
    texts = {f.stem: f.read_text("utf-8") for f in files}
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            stem = files[i % len(files)].stem
            day = dates[stem] + timedelta(days=i // len(files))
            rec = {"id": f"{stem}-{i:06d}", "text": texts[stem], "date": day.isoformat()}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Clock:
    """Wall-clock and CPU seconds of a block, added up."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> Clock:
        self._w, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall += time.perf_counter() - self._w
        self.cpu += time.process_time() - self._c


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents (default 2000)")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (default 32)")
    ap.add_argument("--rounds", type=int, help="alternating slices (default: docs / 50)")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default kgraph's)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args(argv)

    import importlib

    from kgraph.export import DEFAULT_FORMATS, FORMATS, write_outputs
    from kgraph.extract import extract
    from kgraph.graph import build_graph
    from kgraph.lexicons import load_lexicons
    from kgraph.nlp import DEFAULT_MODEL, load_nlp
    from kgraph.textin import read_documents

    model = args.model or DEFAULT_MODEL
    tmp = Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    rounds = max(1, min(args.rounds or args.docs // 50, args.docs))
    sizes = [args.docs // rounds + (i < args.docs % rounds) for i in range(rounds)]
    make_corpus(args.docs, tmp / "corpus.jsonl")
    lines = (tmp / "corpus.jsonl").read_text("utf-8").splitlines(keepends=True)
    slices, start = [], 0
    for i, size in enumerate(sizes):
        path = tmp / f"slice{i}.jsonl"
        path.write_text("".join(lines[start : start + size]), "utf-8")
        slices.append(path)
        start += size

    t0 = time.perf_counter()
    nlp = load_nlp(model)
    lex = load_lexicons()
    load_s = time.perf_counter() - t0
    warm = [json.loads(x)["text"] for x in lines[:10]]
    list(nlp.pipe(warm, batch_size=args.batch_size))  # warm-up, both paths
    for _ in extract(read_documents(slices[0]), nlp=nlp, lexicons=lex):
        break
    rss_model = peak_rss_mb()

    # time kgraph's rules inside extract: wrap the per-document function it calls
    module = importlib.import_module("kgraph.extract")
    rules, records, read = Clock(), Clock(), module.read_document

    def timed_read_document(*a, **kw):
        with rules:
            return read(*a, **kw)

    module.read_document = timed_read_document
    bare, kg, tokens, results = Clock(), Clock(), 0, []
    for i, path in enumerate(slices):
        texts = [json.loads(x)["text"] for x in path.read_text("utf-8").splitlines()]
        with bare:
            for doc in nlp.pipe(texts, batch_size=args.batch_size):
                tokens += len(doc)
        del texts
        with kg, open(tmp / f"events{i}.jsonl", "w", encoding="utf-8") as fh:
            for res in extract(
                read_documents(path), nlp=nlp, lexicons=lex, batch_size=args.batch_size
            ):
                with records:
                    fh.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
                results.append(res)
        if (i + 1) % max(1, rounds // 8) == 0 or i + 1 == rounds:
            print(
                f"  {i + 1}/{rounds}: bare {bare.wall:.1f} s, extract {kg.wall:.1f} s", flush=True
            )
    module.read_document = read
    rss_extract = peak_rss_mb()

    graph, rdf_, drawing, extra = Clock(), Clock(), Clock(), Clock()
    with graph:
        G = build_graph(results)
    with rdf_:
        write_outputs(G, tmp / "out", DEFAULT_FORMATS)  # what `kgraph build` writes
    with extra:  # on request only
        write_outputs(G, tmp / "out", [f for f in FORMATS if f not in DEFAULT_FORMATS])
    with drawing:
        from kgraph.filters import auto_top, filter_graph
        from kgraph.render import save_map

        save_map(filter_graph(G, top=auto_top(G)), tmp / "out" / "map.png")

    n = args.docs
    own_wall = kg.wall + graph.wall + rdf_.wall
    own_cpu = kg.cpu + graph.cpu + rdf_.cpu
    direct = rules.wall + records.wall + graph.wall + rdf_.wall
    direct_cpu = rules.cpu + records.cpu + graph.cpu + rdf_.cpu
    fig = {
        "machine": machine(),
        "model": model,
        "batch_size": args.batch_size,
        "documents": n,
        "tokens": tokens,
        "bare_s": round(bare.wall, 2),
        "bare_docs_per_s": round(n / bare.wall, 2),
        "bare_tokens_per_s": round(tokens / bare.wall),
        "extract_s": round(kg.wall, 2),
        "extract_docs_per_s": round(n / kg.wall, 2),
        "extract_tokens_per_s": round(tokens / kg.wall),
        "graph_s": round(graph.wall, 2),
        "rdf_s": round(rdf_.wall, 2),
        "map_s": round(drawing.wall, 2),
        "other_formats_s": round(extra.wall, 2),
        "ratio_total_all_formats": round((own_wall + extra.wall) / bare.wall, 3),
        "ratio_extract": round(kg.wall / bare.wall, 3),
        "ratio_total": round(own_wall / bare.wall, 3),
        "ratio_total_cpu": round(own_cpu / bare.cpu, 3),
        "rules_s": round(rules.wall, 2),
        "records_s": round(records.wall, 2),
        "ratio_direct": round((bare.wall + direct) / bare.wall, 3),
        "ratio_direct_cpu": round((bare.cpu + direct_cpu) / bare.cpu, 3),
        "actors": G.number_of_nodes(),
        "events": len(G.graph["events"]),
        "model_load_s": round(load_s, 2),
        "peak_rss_mb_model": round(rss_model),
        "peak_rss_mb_extract": round(rss_extract),
        "peak_rss_mb_build": round(peak_rss_mb()),
    }
    print(
        f"""
kgraph throughput, {n:,} documents ({tokens:,} tokens), model {model}, batch size {args.batch_size}
machine: {fig["machine"]}

                              seconds   documents/s   tokens/s   ratio to bare
bare nlp.pipe                {bare.wall:8.1f}   {n / bare.wall:11.1f}   {tokens / bare.wall:8,.0f}   1.000
kgraph extract (to JSONL)    {kg.wall:8.1f}   {n / kg.wall:11.1f}   {tokens / kg.wall:8,.0f}   {kg.wall / bare.wall:.3f}
  + graph                    {graph.wall:8.1f}
  + files (ttl, trig, csv)   {rdf_.wall:8.1f}
kgraph total (build, no map) {own_wall:8.1f}   {n / own_wall:11.1f}   {tokens / own_wall:8,.0f}   {own_wall / bare.wall:.3f}
  (CPU time of this process: ratio {own_cpu / bare.cpu:.3f})
map.png (apart)              {drawing.wall:8.1f}
nq, jsonld, graphml, gexf    {extra.wall:8.1f}   (--formats all; ratio with them \
{(own_wall + extra.wall) / bare.wall:.3f})

kgraph's own work timed directly: rules (actors, events) {rules.wall:.1f} s, JSON records \
{records.wall:.1f} s, graph {graph.wall:.1f} s, files {rdf_.wall:.1f} s = {direct:.1f} s
direct ratio (bare + own work) / bare: {(bare.wall + direct) / bare.wall:.3f} \
(CPU time: {(bare.cpu + direct_cpu) / bare.cpu:.3f})

graph: {fig["actors"]:,} actors, {fig["events"]:,} events
peak RSS: {rss_model:,.0f} MB after loading the model, {rss_extract:,.0f} MB after extract, \
{fig["peak_rss_mb_build"]:,.0f} MB after build
overhead target 1.15: end to end {own_wall / bare.wall:.3f} \
({"met" if own_wall / bare.wall <= 1.15 else "NOT met"}), direct \
{(bare.wall + direct) / bare.wall:.3f} ({"met" if (bare.wall + direct) / bare.wall <= 1.15 else "NOT met"})"""
    )
    if args.json:
        Path(args.json).write_text(json.dumps(fig, indent=1) + "\n")
    return fig


if __name__ == "__main__":
    main()
