"""Stage 7: the files other tools read: an events table, GraphML and GEXF, and all at once.

``events_rows`` gives one row per (merged) event with the columns GDELT and ACLED users
expect; ``write_events_csv`` writes them with every text cell that a spreadsheet would
run as a formula (``= + - @``, tab, carriage return) neutralised by a leading quote.
``write_graphml`` and ``write_gexf`` write the network for Gephi, list attributes flattened
to ``"; "``-joined strings.  ``write_outputs`` writes the files ``kgraph build`` makes.

>>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("-1"), safe_cell(-1), safe_cell("Hamas")
('\\'=HYPERLINK("http://x")', "'-1", -1, 'Hamas')
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import InputError

__all__ = [
    "EVENT_COLUMNS",
    "DEFAULT_FORMATS",
    "FORMATS",
    "events_rows",
    "resolve_formats",
    "safe_cell",
    "write_events_csv",
    "write_gexf",
    "write_graphml",
    "write_outputs",
]

#: The columns of the events table, in order (GDELT/ACLED names where they have one).
EVENT_COLUMNS = (
    "event_id", "date", "date_stated", "actor1", "actor1_id", "actor1_country", "actor1_sector",
    "actor1_type", "event_type", "predicate", "cameo_code", "cameo_root", "quad_class", "actor2",
    "actor2_id", "actor2_country", "actor2_sector", "actor2_type", "fatalities", "wounded",
    "fatalities_reported", "negated", "modality", "mentions", "sources", "source_document",
    "documents", "url", "sentence", "trigger", "confidence",
)  # fmt: skip
#: ``--formats`` name -> file written by :func:`write_outputs`.
FORMATS = {
    "ttl": "graph.ttl", "trig": "graph.trig", "nq": "graph.nq", "jsonld": "graph.jsonld",
    "csv": "events.csv", "graphml": "graph.graphml", "gexf": "graph.gexf",
}  # fmt: skip
#: What ``kgraph build`` writes unless told (``--formats``): the merged graph, one named
#: graph per document and the events table.  N-Quads and JSON-LD hold the same triples as
#: TriG; they, GraphML and GEXF are written on request (``--formats all`` for every one).
DEFAULT_FORMATS = ("ttl", "trig", "csv")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: a string starting with ``= + - @``, tab or CR gets
    a leading ``'`` (OWASP's advice against CSV injection); numbers are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _figures(reports: list[dict], kind: str) -> list[int | float]:
    """The values each report gives for ``kind`` (one per report: its largest)."""
    out = []
    for r in reports:
        values = [q["value"] for q in r.get("quantities", ()) if q["kind"] == kind]
        if values:
            out.append(max(values))
    return out


def events_rows(G: nx.MultiDiGraph) -> Iterable[dict[str, Any]]:
    """One dict per event of ``G.graph["events"]``, keyed by :data:`EVENT_COLUMNS`.

    Figures: ``fatalities`` and ``wounded`` are the lowest figure among the reports (ACLED's
    conservative convention); ``fatalities_reported`` lists every report's figure when they
    differ.  ``date`` is the event's stated date, else its document's publication date
    (``date_stated`` says which).  Several actors in one role are joined by ``"; "``.
    """
    docs = G.graph.get("documents", {})

    def attr(ids: list[str], key: str) -> str:
        vals = (str(G.nodes[i].get(key) or "") if i in G else "" for i in ids)
        return "; ".join(dict.fromkeys(v for v in vals if v))

    for eid, ev in G.graph.get("events", {}).items():
        reports = [ev, *ev.get("reports", ())]
        meta = docs.get(ev["doc_id"], {})
        stated = (ev.get("date") or {}).get("value", "")
        killed, wounded = _figures(reports, "killed"), _figures(reports, "wounded")
        cameo = ev.get("cameo", "")
        row = {
            "event_id": eid,
            "date": stated or (meta.get("date") or "")[:10],
            "date_stated": bool(stated),
            "event_type": ev["type"],
            "predicate": ev["predicate"],
            "cameo_code": cameo,
            "cameo_root": cameo[:2],
            "quad_class": ev.get("quad", ""),
            "fatalities": min(killed) if killed else "",
            "wounded": min(wounded) if wounded else "",
            "fatalities_reported": "; ".join(map(str, dict.fromkeys(killed)))
            if len(set(killed)) > 1
            else "",
            "negated": ev["negated"],
            "modality": ev["modality"],
            "mentions": ev.get("mention_count", 1),
            "sources": ev.get("source_count", 1),
            "source_document": ev["doc_id"],
            "documents": "; ".join(sorted({r["doc_id"] for r in reports})),
            "url": meta.get("url", ""),
            "sentence": " ".join((ev.get("sentence") or {}).get("text", "").split()),
            "trigger": (ev.get("trigger") or {}).get("text", ""),
            "confidence": ev["confidence"],
        }
        for n, role in ((1, "source"), (2, "target")):
            ids = ev.get(role) or []
            row[f"actor{n}"] = "; ".join(G.nodes[i].get("label") or i if i in G else i for i in ids)
            row[f"actor{n}_id"] = "; ".join(ids)
            for k in ("country", "sector", "type"):
                row[f"actor{n}_{k}"] = attr(ids, k)
        yield {k: row[k] for k in EVENT_COLUMNS}


def write_events_csv(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write :func:`events_rows` as CSV (UTF-8, header row, CRLF as RFC 4180), atomically."""
    from .textin import atomic_write

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, lineterminator="\r\n")  # RFC 4180
    w.writeheader()
    for row in events_rows(G):
        w.writerow({k: safe_cell(v) for k, v in row.items()})
    return atomic_write(path, buf.getvalue().encode("utf-8"))


def _flat(value: Any) -> Any:
    if isinstance(value, bool | int | float):
        return value
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        value = "; ".join(map(str, value))
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _NOT_XML.sub("\ufffd", str(value))


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes GraphML and GEXF can hold: scalars only (lists joined
    by ``"; "``, dicts as JSON), no characters XML forbids, and per-graph summary counts."""
    H = nx.MultiDiGraph()
    H.graph.update(
        name="kgraph",
        documents=len(G.graph.get("documents", {})),
        events=len(G.graph.get("events", {})),
    )
    for n, d in G.nodes(data=True):
        H.add_node(_flat(n), **{k: _flat(v) for k, v in d.items()})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(_flat(u), _flat(v), key=_flat(k), **{a: _flat(x) for a, x in d.items()})
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the network as GraphML (for Gephi, yEd, Cytoscape), atomically."""
    from .textin import atomic_open

    with atomic_open(path, "wb") as fh:
        nx.write_graphml(flat_graph(G), fh, encoding="utf-8")
    return Path(path)


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the network as GEXF 1.2 (Gephi's own format), atomically."""
    from .textin import atomic_open

    buf = io.BytesIO()
    nx.write_gexf(flat_graph(G), buf, encoding="utf-8")
    with atomic_open(path, "wb") as fh:
        fh.write(buf.getvalue())
    return Path(path)


def resolve_formats(formats: Iterable[str]) -> list[str]:
    """Format names without repeats, ``all`` standing for every one of :data:`FORMATS`.

    >>> resolve_formats(["csv", "all"])[:3]
    ['csv', 'ttl', 'trig']

    Raises:
        InputError: An unknown format name.
    """
    formats = list(dict.fromkeys(formats))
    if "all" in formats:
        formats = [f for f in formats if f != "all"] + [f for f in FORMATS if f not in formats]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise InputError(
            f"unknown output format {', '.join(unknown)}; choose from {', '.join(FORMATS)} or all"
        )
    return formats


def write_outputs(
    G: nx.MultiDiGraph, out: str | os.PathLike[str], formats: Iterable[str] = tuple(FORMATS)
) -> list[str]:
    """Write ``G`` into the directory ``out`` in each format (see :data:`FORMATS`).

    Returns:
        The names of the files written, in the order of ``formats``.

    Raises:
        InputError: An unknown format name.
    """
    from . import rdf

    formats = resolve_formats(formats)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    writers = {"csv": write_events_csv, "graphml": write_graphml, "gexf": write_gexf}
    syntaxes = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "jsonld"}
    paths = {syntaxes[k]: out / FORMATS[k] for k in syntaxes if k in formats}
    if paths:  # the RDF syntaxes from one conversion to triples
        rdf.write_rdf(G, **paths)
    for f in formats:
        if f in writers:
            writers[f](G, out / FORMATS[f])
    return [FORMATS[f] for f in formats]
