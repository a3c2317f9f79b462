"""Make a big graph legible: ego networks, event and actor types, quad classes, dates, top actors.

:func:`filter_graph` returns a new ``MultiDiGraph`` holding the actors at the ends of the events
that pass every filter (the input is left unchanged).  ``G.graph["events"]`` and
``G.graph["documents"]`` keep only the kept events and their documents, and
``G.graph["filters"]`` lists what was applied and what was left out, in words. The map's title
shows that list, so a map never hides the fact that it shows only part of a graph.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(documents={"d1": {"date": "2024-05-01"}}, events={})
>>> for n, t in [("egypt", "country"), ("israel", "country"), ("hamas", "armed_group")]:
...     G.add_node(n, label=n.title(), type=t, aliases=[], mentions=2)
>>> _ = G.add_edge("egypt", "israel", key="e1", type="AGREE", quad="verbal_coop", doc_id="d1")
>>> _ = G.add_edge("hamas", "israel", key="e2", type="ASSAULT", quad="material_conflict",
...                doc_id="d1", date="2024-04-30")
>>> H = filter_graph(G, quads=["conflict"])
>>> sorted(H), list(H.edges(keys=True)), H.graph["filters"]
(['hamas', 'israel'], [('hamas', 'israel', 'e2')], ['conflict events only'])
>>> sorted(filter_graph(G, actor="EGYPT", hops=1))
['egypt', 'israel']
>>> filter_graph(G, since="2024-05-01").graph["filters"]
['events dated 2024-05-01 or later']
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx

from .errors import FilterError
from .records import QUAD_CLASS

__all__ = [
    "ACTOR_TYPES",
    "DEFAULT_TOP",
    "EVENT_TYPES",
    "auto_top",
    "event_date",
    "filter_graph",
    "find_actors",
]

#: Above this many connected actors a map shows only the top ones by number of events,
#: unless asked otherwise (``--top 0`` in the CLI shows all).
DEFAULT_TOP = 40
#: Actor kinds (``G.nodes[n]["type"]``).
ACTOR_TYPES = (
    "person",
    "government",
    "military",
    "armed_group",
    "organisation",
    "population",
    "country",
    "place",
    "group",
)
#: PLOVER 2021 event categories (``G.edges[e]["type"]``).
EVENT_TYPES = tuple(sorted({*QUAD_CLASS, "OTHER"}))
#: What ``--quad`` accepts: a quad class, or a word standing for several.
QUAD_WORDS: dict[str, frozenset[str]] = {
    **{q: frozenset({q}) for q in set(QUAD_CLASS.values()) | {"other"}},
    "coop": frozenset({"verbal_coop", "material_coop"}),
    "cooperation": frozenset({"verbal_coop", "material_coop"}),
    "conflict": frozenset({"verbal_conflict", "material_conflict"}),
    "verbal": frozenset({"verbal_coop", "verbal_conflict"}),
    "material": frozenset({"material_coop", "material_conflict"}),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def event_date(G: nx.MultiDiGraph, data: dict[str, Any]) -> tuple[str, bool]:
    """The date of an edge or event record, and whether the text itself stated it.

    The event's own date (resolved from the sentence) wins; otherwise the publication date of
    its document (``G.graph["documents"]``); ``("", False)`` if neither is known.

    >>> G = nx.MultiDiGraph(documents={"d": {"date": "2025-03-10T21:46:09Z"}})
    >>> event_date(G, {"doc_id": "d", "date": ""}), event_date(G, {"doc_id": "d", "date": "2025-03"})
    (('2025-03-10', False), ('2025-03', True))
    """
    own = data.get("date")
    own = own.get("value") if isinstance(own, dict) else own
    if own and _iso(str(own)[:10]):
        return str(own)[:10], True
    doc = (G.graph.get("documents") or {}).get(data.get("doc_id"), {})
    return _iso(str(doc.get("date") or "")[:10]), False


def _iso(value: str) -> str:
    """``value`` if it is a real date as YYYY, YYYY-MM or YYYY-MM-DD, else "" (a publication
    date comes from the input as it is: "2021-02-30" or "yesterday" date nothing).

    >>> _iso("2021-02-28"), _iso("2021-02-30"), _iso("2021-13"), _iso("<b>")
    ('2021-02-28', '', '', '')
    """
    try:
        if _DATE.match(value):
            dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
            return value
    except ValueError:
        pass
    return ""


def _names(G: nx.MultiDiGraph, v: Any) -> list[str]:
    d = G.nodes[v]
    return [str(v), str(d.get("label") or v), *map(str, d.get("aliases") or ())]


def find_actors(G: nx.MultiDiGraph, name: str) -> list[Any]:
    """The actors whose id, label or an alias is ``name`` (case-insensitive), in graph order.

    Raises :class:`~kgraph.errors.FilterError` listing close names when none matches.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("blinken", label="Antony Blinken", aliases=["Blinken", "the secretary"])
    >>> find_actors(G, "blinken"), find_actors(G, "THE SECRETARY")
    (['blinken'], ['blinken'])
    >>> find_actors(G, "Blinkn")
    Traceback (most recent call last):
    kgraph.errors.FilterError: no actor named 'Blinkn'; close names: Antony Blinken (Blinken)
    """
    q = name.strip().casefold()
    hits = [v for v in G if q in {n.casefold() for n in _names(G, v)}]
    if hits:
        return hits
    owner: dict[str, Any] = {}  # every name, casefolded -> its actor
    for v in G:
        for n in _names(G, v)[1:]:
            owner.setdefault(n.casefold(), (v, n))
    close = difflib.get_close_matches(q, list(owner), n=8, cutoff=0.6)
    close += [n for n in sorted(owner) if q and q in n and n not in close]
    shown: dict[Any, str] = {}
    for n in close:
        v, name_ = owner[n]
        label = str(G.nodes[v].get("label") or v)
        shown.setdefault(v, label if name_ == label else f"{label} ({name_})")
    shown = list(shown.values())[:6]
    hint = f"close names: {', '.join(shown)}" if shown else "no close name either"
    raise FilterError(f"no actor named {name!r}; {hint}")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _split(values: Iterable[str] | str | None) -> list[str]:
    """``["a,b", "c"]`` or ``"a,b"`` -> ``["a", "b", "c"]``."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [p.strip() for v in values for p in str(v).split(",") if p.strip()]


def _check_date(flag: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        raise FilterError(
            f"{flag} {value!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None
    return value


def _in_range(date: str, since: str | None, until: str | None) -> bool:
    """Whether a (possibly coarse) date overlaps [since, until]: "2024-05" overlaps "2024-05-20"."""
    if not date:
        return False
    date = date[:10]
    after = since is None or date[: len(since)] >= since[: len(date)]
    return after and (until is None or date[: len(until)] <= until[: len(date)])


def auto_top(G: nx.MultiDiGraph, limit: int = DEFAULT_TOP) -> int | None:
    """``limit`` if more than ``limit`` actors have events drawn between them, else None."""
    connected = {v for u, w in G.edges() if u != w for v in (u, w)}
    return limit if len(connected) > limit else None


def filter_graph(
    G: nx.MultiDiGraph,
    *,
    actor: str | Iterable[str] | None = None,
    hops: int = 1,
    types: Iterable[str] | str | None = None,
    quads: Iterable[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_mentions: int = 1,
    top: int | None = None,
) -> nx.MultiDiGraph:
    """A new graph with the events and actors that pass every filter given.

    Args:
        G: a graph from :func:`kgraph.graph.build_graph` or :func:`kgraph.rdf.from_rdf`.
        actor: name(s) of actors (id, label or alias, case-insensitive): keep their ego network,
            the actors up to ``hops`` events away (either direction) and the events among them.
        hops: how far from ``actor`` to go (0: only events among the named actors).
        types: PLOVER event types (``ASSAULT``, ``CONSULT``, ...) keep those events; actor kinds
            (``person``, ``armed_group``, ...) keep the events with an actor of that kind at
            either end.  Case-insensitive, comma-separated or repeated.
        quads: quad classes (``verbal_coop``, ``material_conflict``, ...) or ``coop``,
            ``conflict``, ``verbal``, ``material``.
        since, until: ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.  An event's date is
            its own or else its document's (:func:`event_date`); undated events are left out.
        min_mentions: keep actors mentioned at least this many times (the named actors stay).
        top: keep the ``top`` actors with the most events (after the other filters; the named
            actors stay); None or 0 keeps all.

    With no filter at all the result is a copy of ``G``.  Otherwise it holds the actors at the
    ends of the kept events (and the named actors), and ``G.graph["filters"]`` says in words what
    was applied and left out (appended to what an earlier filtering wrote).
    """
    since, until = _check_date("--since", since), _check_date("--until", until)
    if hops < 0 or min_mentions < 0 or (top is not None and top < 0):
        raise FilterError("--hops, --min-mentions and --top take a number >= 0")
    event_types, actor_types = set(), set()
    for t in _split(types):
        if t.upper() in EVENT_TYPES:
            event_types.add(t.upper())
        elif t.lower().replace(" ", "_") in ACTOR_TYPES:
            actor_types.add(t.lower().replace(" ", "_"))
        else:
            raise FilterError(
                f"--type {t!r}: expected a PLOVER event type ({', '.join(EVENT_TYPES)}) "
                f"or an actor kind ({', '.join(ACTOR_TYPES)})"
            )
    quad_set: set[str] = set()
    for q in _split(quads):
        if q.lower() not in QUAD_WORDS:
            raise FilterError(f"--quad {q!r}: expected one of {', '.join(sorted(QUAD_WORDS))}")
        quad_set |= QUAD_WORDS[q.lower()]
    names = _split(actor)
    seeds = list(dict.fromkeys(v for n in names for v in find_actors(G, n)))
    top = top or None
    notes = list(G.graph.get("filters") or ())
    if not (names or event_types or actor_types or quad_set or since or until or top) and (
        min_mentions <= 1
    ):
        H = G.copy()
        H.graph = {**G.graph, "filters": notes}
        return H

    def kind(v: Any) -> str:
        return G.nodes[v].get("type") or "group"

    def event_ok(d: dict[str, Any]) -> bool:
        quad = d.get("quad") or QUAD_CLASS.get(d.get("type", ""), "other")
        return (
            (not event_types or d.get("type") in event_types)
            and (not quad_set or quad in quad_set)
            and (not (since or until) or _in_range(event_date(G, d)[0], since, until))
        )

    # 1. events by their own attributes, then by the kinds of their actors
    edges = [(u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if event_ok(d)]
    undated = len({k for _, _, k, d in G.edges(keys=True, data=True) if not event_date(G, d)[0]})
    if actor_types:
        edges = [(u, v, k) for u, v, k in edges if kind(u) in actor_types or kind(v) in actor_types]
    # 2. actors mentioned too rarely
    if min_mentions > 1:
        rare = {v for v in G if G.nodes[v].get("mentions", 0) < min_mentions} - set(seeds)
        edges = [(u, v, k) for u, v, k in edges if u not in rare and v not in rare]
    # 3. the ego network of the named actors
    if names:
        U = nx.Graph()
        U.add_nodes_from(seeds)
        U.add_edges_from((u, v) for u, v, _ in edges)
        near = set(nx.multi_source_dijkstra_path_length(U, seeds, cutoff=hops))
        edges = [(u, v, k) for u, v, k in edges if u in near and v in near]
    # 4. the actors with the most events
    ends = [w for u, v, _ in edges if u != v for w in (u, v)]
    connected = list(dict.fromkeys(ends))
    if top and len(connected) > top:
        count = Counter(ends)
        rank = sorted(
            connected,
            key=lambda v: (
                v not in seeds,
                -count[v],
                -G.nodes[v].get("mentions", 0),
                str(G.nodes[v].get("label") or v),
                str(v),
            ),
        )
        kept = set(rank[:top]) | set(seeds)
        before = {k for *_, k in edges}
        edges = [(u, v, k) for u, v, k in edges if u in kept and v in kept]
        top_note = (
            f"top {top} of {len(connected)} actors by events "
            f"({_plural(len(connected) - len(kept & set(connected)), 'actor')}, "
            f"{_plural(len(before - {k for *_, k in edges}), 'event')} not shown)"
        )
    else:
        top_note = ""

    # the notes, in the order a reader needs them
    if names:
        named = ", ".join(str(G.nodes[v].get("label") or v) for v in seeds)
        notes.append(f"{named} and actors within {hops} hop{'s' * (hops != 1)}")
    if event_types:
        notes.append(f"{', '.join(sorted(event_types))} events only")
    if actor_types:
        kinds = ", ".join(sorted(t.replace("_", " ") for t in actor_types))
        notes.append(f"events involving actors of kind {kinds}")
    if quad_set:
        word = next(
            (
                w
                for w, qs in sorted(QUAD_WORDS.items(), key=lambda kv: len(kv[1]))
                if qs == quad_set
            ),
            None,
        )
        what = word or ", ".join(sorted(quad_set))
        notes.append(f"{what.replace('_coop', ' cooperation').replace('_', ' ')} events only")
    if since or until:
        span = (
            f"{since} to {until}"
            if since and until
            else (f"{since} or later" if since else f"{until} or earlier")
        )
        notes.append(
            f"events dated {span}"
            + (f" ({_plural(undated, 'undated event')} left out)" if undated else "")
        )
    if min_mentions > 1:
        notes.append(f"actors mentioned {min_mentions}+ times")
    if top_note:
        notes.append(top_note)

    # the new graph: kept events, the actors at their ends, their records and documents
    H = nx.MultiDiGraph()
    keep_nodes = list(dict.fromkeys([*seeds, *(w for u, v, _ in edges for w in (u, v))]))
    H.add_nodes_from((v, dict(G.nodes[v])) for v in G if v in set(keep_nodes))
    H.add_edges_from((u, v, k, dict(G.edges[u, v, k])) for u, v, k in edges)
    kept_ids = {k for *_, k in edges}
    events = {}
    for eid, ev in (G.graph.get("events") or {}).items():
        untargeted = not ev.get("target") and ev.get("source")
        if eid in kept_ids or (
            untargeted
            and event_ok(ev)
            and all(s in H for s in ev["source"])
            and not (actor_types and not any(kind(s) in actor_types for s in ev["source"]))
        ):
            events[eid] = ev
    docs = G.graph.get("documents") or {}
    used = {ev.get("doc_id") for ev in events.values()} | {G.edges[e].get("doc_id") for e in edges}
    H.graph.update(G.graph)
    H.graph.update(
        events=events,
        documents={d: meta for d, meta in docs.items() if d in used},
        filters=notes,
    )
    return H
