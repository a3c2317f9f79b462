"""Stage 4: documents' actors and events -> one networkx ``MultiDiGraph``.

Nodes are actor ids; each edge is one event between a source and a target
actor, keyed by the event id, so every edge can be traced back to its event
record (``G.graph["events"][key]``) and from there to its sentence.

>>> from kgraph.records import Actor, DocumentResult, Event, Span
>>> a, b = Actor("hamas", "Hamas", "armed_group"), Actor("israel", "Israel", "country")
>>> e = Event("ev1", "d", "ASSAULT", "19", "fired", ("hamas",), ("israel",),
...           Span("fired", 0, 5), Span("Hamas fired.", 0, 12))
>>> G = build_graph([DocumentResult("d", (a, b), (e,))])
>>> list(G.edges(keys=True, data="predicate"))
[('hamas', 'israel', 'ev1', 'fired')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx

from .records import Actor, DocumentResult, Event

__all__ = [
    "actors_table",
    "add_event",
    "build_graph",
    "edge_pairs",
    "event_edge_attrs",
    "events_table",
]


def edge_pairs(event: Event) -> list[tuple[str, str, bool]]:
    """The (source, target, reciprocal) actor pairs an event draws as edges.

    A compound reciprocal event ("Israel and Hamas agreed") with no target links
    its sources pairwise.

    >>> from kgraph.records import Event, Span
    >>> e = Event("e", "d", "AGREE", "03", "agreed", ("a", "b"), (), Span("", 0, 0), Span("", 0, 0))
    >>> edge_pairs(e)
    [('a', 'b', True)]
    """
    return role_pairs(event.source, event.target)


def role_pairs(source: Iterable[str], target: Iterable[str]) -> list[tuple[str, str, bool]]:
    """:func:`edge_pairs` of the source and target actor ids of an event."""
    source, target = list(source), list(target)
    pairs = [(s, t, False) for s in source for t in target if s != t]
    if not target and len(source) >= 2:
        pairs = [(s, t, True) for s, t in combinations(source, 2) if s != t]
    return pairs


def _vote(values: Iterable[str]) -> str:
    """The most frequent non-empty value; ties go to the smallest (order-independent)."""
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""


def _node_attrs(node: str, actors: list[tuple[str, Actor]], merged: list[str]) -> dict[str, Any]:
    """One node's attributes from every document's actor merged into it, voted per field."""
    formers = {m.split(":", 1)[1] for m in merged}
    own = [a for _, a in actors if a.id not in formers] or [a for _, a in actors]
    label = _vote(a.name for a in own)
    names = {x for _, a in actors for x in (a.name, *a.aliases, *(m.text for m in a.mentions))}
    attrs: dict[str, Any] = {"label": label, "type": _vote(a.type for a in own)}
    for k in ("country", "sector", "wikidata", "title"):
        attrs[k] = _vote(getattr(a, k) or "" for _, a in actors)
    attrs |= {
        "aliases": sorted(names - {label}),
        "mentions": sum(len(a.mentions) for _, a in actors),
        "documents": sorted({doc for doc, _ in actors}),
        "merged": merged,
    }
    return attrs


def event_edge_attrs(ev: dict[str, Any]) -> dict[str, Any]:
    """The attributes of the edges of one (merged) event record of ``G.graph["events"]``."""
    return {
        "event": ev["id"],
        **{k: ev[k] for k in ("type", "cameo", "quad", "predicate", "doc_id", "negated")},
        **{k: ev[k] for k in ("modality", "confidence")},
        "date": (ev.get("date") or {}).get("value", ""),
        "mentions": ev.get("mention_count", 1),
        "sources": ev.get("source_count", 1),
    }


def add_event(G: nx.MultiDiGraph, ev: dict[str, Any]) -> None:
    """Record a (merged) event in ``G.graph["events"]`` and draw its edges."""
    G.graph["events"][ev["id"]] = ev
    attrs = event_edge_attrs(ev)
    for s, t, reciprocal in role_pairs(ev["source"], ev["target"]):
        G.add_edge(s, t, key=ev["id"], reciprocal=reciprocal, **attrs)


def build_graph(
    results: Iterable[DocumentResult], *, merge: bool = True, window_days: int = 1
) -> nx.MultiDiGraph:
    """Build the relationship graph of one or more documents.

    Actors and events are merged across documents by :func:`kgraph.merge.merge_corpus`:
    one node per real actor (aliases, mention counts and documents merged; ``merged``
    lists the ids merged into it and the rule used), one event record per real event.
    Every event, with or without a target, is kept in ``G.graph["events"]``: the fields of
    its first report, plus ``mention_count``, ``source_count`` (documents) and
    ``reports`` (the other reports' full records, each with its own figures).  Events with
    a target (or compound reciprocal events) also become edges keyed by the event id.

    Args:
        results: The documents' actors and events.
        merge: ``False`` merges nothing (each document's actor ids and events as they are).
        window_days: The largest gap in days between two reports of one event.
    """
    from .merge import merge_corpus

    results = list(results)
    cm = merge_corpus(results, window_days=window_days if merge else None, actors=merge)
    G = nx.MultiDiGraph()
    G.graph["documents"] = {}
    G.graph["events"] = {}
    members: dict[str, list[tuple[str, Actor]]] = {}
    for res in results:
        G.graph["documents"][res.doc_id] = {
            "title": res.title or "",
            "date": res.date or "",
            "url": res.url or "",
        }
        for actor in res.actors:
            members.setdefault(cm.ids[res.doc_id, actor.id], []).append((res.doc_id, actor))
    for node, actors in members.items():
        G.add_node(node, **_node_attrs(node, actors, cm.merged.get(node, [])))
    for first, *others in cm.events:
        add_event(
            G,
            {
                **first.to_dict(),
                "mention_count": 1 + len(others),
                "source_count": len({first.doc_id, *(e.doc_id for e in others)}),
                "reports": [e.to_dict() for e in others],
            },
        )
    return G


def actors_table(G: nx.MultiDiGraph):
    """Actors as a pandas DataFrame (one row per node). Needs pandas."""
    import pandas as pd

    rows = [{"id": n, **{k: v for k, v in d.items()}} for n, d in G.nodes(data=True)]
    rows = [{**r, "degree": G.degree(r["id"])} for r in rows]
    return pd.DataFrame(rows)


def events_table(G: nx.MultiDiGraph):
    """Events as a pandas DataFrame with actor names resolved. Needs pandas."""
    import pandas as pd

    def names(ids: list[str]) -> str:
        return "; ".join(G.nodes[i]["label"] if i in G else i for i in ids)

    rows = []
    for eid, ev in G.graph["events"].items():
        rows.append(
            {
                "event": eid,
                "doc_id": ev["doc_id"],
                "type": ev["type"],
                "quad": ev["quad"],
                "predicate": ev["predicate"],
                "source": names(ev["source"]),
                "target": names(ev["target"]),
                "negated": ev["negated"],
                "modality": ev["modality"],
                "date": (ev.get("date") or {}).get("value", ""),
                "quantities": "; ".join(
                    f"{q['kind']}={q['value']}({q['qualifier']})" for q in ev["quantities"]
                ),
                "sentence": ev["sentence"]["text"],
                "rule": ev["rule"],
                "confidence": ev["confidence"],
                "mentions": ev.get("mention_count", 1),
                "sources": ev.get("source_count", 1),
            }
        )
    return pd.DataFrame(rows)
