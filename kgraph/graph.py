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

from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx

from .records import Actor, DocumentResult, Event

__all__ = ["build_graph", "edge_pairs", "events_table", "actors_table"]


def edge_pairs(event: Event) -> list[tuple[str, str, bool]]:
    """The (source, target, reciprocal) actor pairs an event draws as edges.

    A compound reciprocal event ("Israel and Hamas agreed") with no target links
    its sources pairwise.

    >>> from kgraph.records import Event, Span
    >>> e = Event("e", "d", "AGREE", "03", "agreed", ("a", "b"), (), Span("", 0, 0), Span("", 0, 0))
    >>> edge_pairs(e)
    [('a', 'b', True)]
    """
    pairs = [(s, t, False) for s in event.source for t in event.target if s != t]
    if not event.target and len(event.source) >= 2:
        pairs = [(s, t, True) for s, t in combinations(event.source, 2) if s != t]
    return pairs


def _node_attrs(actor: Actor, doc_id: str) -> dict[str, Any]:
    return {
        "label": actor.name,
        "type": actor.type,
        "country": actor.country or "",
        "sector": actor.sector or "",
        "wikidata": actor.wikidata or "",
        "title": actor.title or "",
        "aliases": sorted(set(actor.aliases) | {m.text for m in actor.mentions} - {actor.name}),
        "mentions": len(actor.mentions),
        "documents": [doc_id],
    }


def build_graph(results: Iterable[DocumentResult]) -> nx.MultiDiGraph:
    """Build the relationship graph of one or more documents.

    Actors with the same id in several documents become one node (their aliases,
    mention counts and documents are merged).  Every event, with or without a
    target, is kept in ``G.graph["events"]``; events with a target (or compound
    reciprocal events) also become edges keyed by the event id.
    """
    G = nx.MultiDiGraph()
    G.graph["documents"] = {}
    G.graph["events"] = {}
    for res in results:
        G.graph["documents"][res.doc_id] = {
            "title": res.title or "",
            "date": res.date or "",
            "url": res.url or "",
        }
        for actor in res.actors:
            attrs = _node_attrs(actor, res.doc_id)
            if actor.id in G and "label" in G.nodes[actor.id]:
                node = G.nodes[actor.id]
                node["aliases"] = sorted(set(node["aliases"]) | set(attrs["aliases"]))
                node["mentions"] += attrs["mentions"]
                node["documents"] = sorted(set(node["documents"]) | {res.doc_id})
                for k in ("country", "sector", "wikidata", "title"):
                    node[k] = node[k] or attrs[k]
            else:  # new, or so far only seen as the end of an edge
                G.add_node(actor.id, **attrs)
        for ev in res.events:
            G.graph["events"][ev.id] = ev.to_dict()
            for s, t, reciprocal in edge_pairs(ev):
                G.add_edge(
                    s,
                    t,
                    key=ev.id,
                    event=ev.id,
                    type=ev.type,
                    cameo=ev.cameo,
                    quad=ev.quad,
                    predicate=ev.predicate,
                    doc_id=ev.doc_id,
                    negated=ev.negated,
                    modality=ev.modality,
                    confidence=ev.confidence,
                    reciprocal=reciprocal,
                    date=ev.date.value if ev.date else "",
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
            }
        )
    return pd.DataFrame(rows)
