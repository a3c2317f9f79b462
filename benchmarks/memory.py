"""Peak memory of ``kgraph extract`` streaming a corpus to a file, at 1x and 10x the corpus.

    .venv/bin/python benchmarks/memory.py                   # 200 and 2,000 documents
    .venv/bin/python benchmarks/memory.py --docs 1000       # 1,000 and 10,000

Each measurement is its own process (``kgraph extract CORPUS -o FILE -q`` run through a
small wrapper that reports the process's peak resident memory), so one run cannot
inherit another's memory.  A one-document run gives the floor: the interpreter, spaCy
and the model.  The corpus is the VOA sample repeated, as in ``throughput.py``.

What this shows is kgraph's own per-document state: none is kept (the records stream to
the file).  What it cannot show is spaCy's string store, which grows with the number of
*distinct* words seen (the repeated sample has no new ones); on a real corpus that growth
follows the vocabulary, not the number of documents, and a long job can be cut into
``--shard`` runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import machine, make_corpus  # noqa: E402

_CHILD = """
import json, resource, sys
sys.path.insert(0, {root!r})
from kgraph.cli import main
rc = main(sys.argv[2:])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
open(sys.argv[1], "w").write(json.dumps({{"rc": rc, "peak_rss_mb": peak}}))
"""


def measure(corpus: Path, tmp: Path, extra: list[str]) -> dict:
    """Run ``kgraph extract`` on ``corpus`` in a new process: its peak RSS and time."""
    report, out = tmp / "report.json", tmp / "events.jsonl"
    code = _CHILD.format(root=str(ROOT))
    cmd = [sys.executable, "-c", code, str(report), "extract", str(corpus), "-o", str(out), "-q"]
    t = time.perf_counter()
    subprocess.run(cmd + extra, check=True)
    seconds = time.perf_counter() - t
    got = json.loads(report.read_text())
    if got["rc"] != 0:
        raise SystemExit(f"kgraph extract failed on {corpus} (exit {got['rc']})")
    lines = sum(1 for _ in open(out, encoding="utf-8"))
    return {"peak_rss_mb": round(got["peak_rss_mb"], 1), "seconds": round(seconds, 1), "out": lines}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200, help="documents in 1x (default 200)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("extra", nargs="*", help="more kgraph extract options, after --")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kgraph-mem-"))
    rows = {}
    for label, n in (("1 document", 1), ("1x", args.docs), ("10x", 10 * args.docs)):
        corpus = tmp / f"corpus-{n}.jsonl"
        make_corpus(n, corpus)
        rows[label] = {"documents": n, **measure(corpus, tmp, args.extra)}
        assert rows[label]["out"] == n
        print(f"  {label}: {n:,} documents, peak {rows[label]['peak_rss_mb']:,.0f} MB", flush=True)
    floor, one, ten = (rows[k]["peak_rss_mb"] for k in ("1 document", "1x", "10x"))
    growth = ten - one
    per_doc_kb = growth * 1024 / (9 * args.docs)
    print(
        f"""
kgraph extract, peak resident memory (each run its own process)
machine: {machine()}

run            documents   peak RSS MB   seconds
"""
        + "\n".join(
            f"{k:<12} {r['documents']:>11,} {r['peak_rss_mb']:>13,.0f} {r['seconds']:>9,.0f}"
            for k, r in rows.items()
        )
        + f"""

10x - 1x: {growth:+.1f} MB for {9 * args.docs:,} more documents ({per_doc_kb:+.2f} KB/document); \
above the one-document floor: 1x {one - floor:+.1f} MB, 10x {ten - floor:+.1f} MB
memory flat from 1x to 10x (within 5%): {"yes" if abs(growth) <= 0.05 * one else "NO"}"""
    )
    fig = {"machine": machine(), "runs": rows, "growth_mb": round(growth, 1)}
    if args.json:
        Path(args.json).write_text(json.dumps(fig, indent=1) + "\n")
    return fig


if __name__ == "__main__":
    main()
