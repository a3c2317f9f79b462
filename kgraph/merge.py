"""Stage 4a: one corpus out of many documents (cross-document actors and events).

Each document's actors are already resolved (:mod:`kgraph.actors`); this stage decides
which of them are the same real actor across documents, and which events several
documents report.  Every rule is deterministic and independent of the order in which
documents come, so node and event ids do not depend on processing order.

Actors (the rule is recorded on the node, ``merged``: ``"surname:blinken-c13cdc"``):

- the same actor id in several documents is one node (gazetteer actors have the same id
  everywhere: "Hamas" and "the Islamic Resistance Movement" are both ``gaz:HAMAS``);
- ``surname``: a one-word person ("Blinken") joins the one multi-word person of the corpus
  whose last name matches ("Antony Blinken"; "al-Assad" matches "Assad").  So does a
  one-word name that only the statistical NER typed, as a place or organisation, with no
  country (the small model often types a lone "Blinken" as a place).  With two
  candidates ("Jim Risch", "James Risch") nothing is merged;
- ``role``: a role-only actor tied to a country ("the Israeli army", "Israeli forces")
  joins the other role-only actors of the same country, sector and type (a CAMEO actor
  code such as ISR MIL); people are never merged this way;
- an actor named only by generic words ("the president", "officials", "they") without a
  country stays in its document: its id gets ``@<document id>`` (never merged).

The node keeps the id of the full-name (or gazetteer) actor, which never changes when
documents are added; a surname-only or role actor's node id can change when a later
document names it in full, and its former ids are listed in ``merged``.

Events: two reports are the same real event when they have the same PLOVER type, the same
sets of source and target actors (after actor merging), the same polarity and factuality
(asserted and reported events are actual; future and hypothetical ones are compared only
with their own kind) and dates at most ``window_days`` apart.  A report's date is its
event's day date, or else its document's publication date (the GDELT convention); a
report dated only to a month or year, or without any date, is never merged.  Clusters are
formed in date order and span at most the window from their earliest report, so daily
strikes do not chain into one event.  The merged event keeps the id and fields of its
first report (earliest publication, then document id, then position) and lists the other
reports, each with its own figures: two death tolls stay side by side.

>>> from kgraph.records import Actor, DocumentResult, Event, Mention, Span
>>> full = Actor("antony-blinken-c13cdc", "Antony Blinken", "person")
>>> short = Actor("blinken-7f7a7a", "Blinken", "person", mentions=(Mention("Blinken", 0, 7),))
>>> m = merge_corpus([DocumentResult("a", (full,)), DocumentResult("b", (short,))])
>>> m.ids[("b", "blinken-7f7a7a")], m.merged["antony-blinken-c13cdc"]
('antony-blinken-c13cdc', ['surname:blinken-7f7a7a'])
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from .records import Actor, DocumentResult, Event

__all__ = ["CorpusMerge", "effective_date", "merge_corpus"]

#: Mention rules that name no one in particular ("the president", "officials", "they").
GENERIC_HOW = frozenset({"role", "plural-role", "pronoun", "anaphor"})
#: Modalities that are compared only with themselves; all others describe actual events.
IRREALIS = frozenset({"future", "hypothetical"})
#: Name particles dropped before comparing surnames ("al-Assad" = "Assad").
_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|ben)-", re.I)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass(frozen=True, slots=True)
class CorpusMerge:
    """The outcome of :func:`merge_corpus`.

    Attributes:
        ids: (document id, actor id in that document) -> node id.
        merged: node id -> ``"rule:former id"`` of every other id merged into it, sorted.
        events: the merged events in order of first appearance; each is the tuple of its
            reports (first report first), with actor ids already mapped to node ids.
    """

    ids: dict[tuple[str, str], str]
    merged: dict[str, list[str]]
    events: list[tuple[Event, ...]]


def _day(value: str | None) -> date | None:
    m = _DAY.match(value or "")
    try:
        return date.fromisoformat(m[0]) if m else None
    except ValueError:
        return None


def effective_date(event: Event, published: str | None) -> date | None:
    """The day a report is compared by: its event's day date, else its document's date.

    >>> from kgraph.records import DateValue, Event, Span
    >>> e = Event("e", "d", "ASSAULT", "19", "fired", (), (), Span("", 0, 0), Span("", 0, 0))
    >>> effective_date(e, "2021-05-21T10:00Z"), effective_date(e, None)
    (datetime.date(2021, 5, 21), None)
    >>> effective_date(replace(e, date=DateValue("2021-05", "month", "in May")), "2021-05-21")
    """
    if event.date is not None:
        return _day(event.date.value) if event.date.granularity == "day" else None
    return _day(published)


def _generic(actor: Actor) -> bool:
    return bool(actor.mentions) and all(m.how in GENERIC_HOW for m in actor.mentions)


def _surname_like(actor: Actor) -> bool:
    """A one-word person, or a one-word name only the statistical NER typed (the small
    model calls "Blinken" a place and "Ashkenazi" an organisation when they stand alone)."""
    if actor.type == "person":
        return not _generic(actor)
    return (
        actor.type in ("place", "organisation")
        and not actor.country
        and not actor.wikidata
        and bool(actor.mentions)
        and all(m.how == "ner" for m in actor.mentions)
    )


def _surname(name: str) -> str:
    return _PARTICLE.sub("", name.split()[-1]).strip(".,'’").casefold()


def _actor_ids(results: list[DocumentResult]) -> tuple[dict, dict[str, list[str]]]:
    ids: dict[tuple[str, str], str] = {}
    actors: dict[str, list[Actor]] = defaultdict(list)  # id after scoping -> its actors
    for res in results:
        for a in res.actors:
            scoped = _generic(a) and not a.country and not a.wikidata
            ids[res.doc_id, a.id] = f"{a.id}@{res.doc_id}" if scoped else a.id
            actors[ids[res.doc_id, a.id]].append(a)
    canon: dict[str, tuple[str, str]] = {}  # id -> (node id, rule)
    roles: dict[tuple, list[str]] = defaultdict(list)
    fulls: dict[str, set[str]] = defaultdict(set)
    for i, group in actors.items():
        a = group[0]
        if a.type != "person" and a.country and all(map(_generic, group)):
            roles[a.country, a.sector, a.type].append(i)
        if a.type == "person" and len(a.name.split()) > 1 and not _generic(a):
            fulls[_surname(a.name)].add(i)
    for group in roles.values():
        canon.update((i, (min(group), "role")) for i in group if i != min(group))
    for i, group in actors.items():
        a = group[0]
        if len(a.name.split()) == 1 and all(map(_surname_like, group)):
            match = fulls.get(_surname(a.name), set())
            if len(match) == 1:
                canon[i] = (next(iter(match)), "surname")
    merged: dict[str, list[str]] = defaultdict(list)
    for i, (node, rule) in sorted(canon.items()):
        merged[node].append(f"{rule}:{i}")
    ids = {k: canon.get(v, (v,))[0] for k, v in ids.items()}
    return ids, dict(merged)


def _dedupe(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def merge_corpus(
    results: Iterable[DocumentResult], *, window_days: int | None = 1, actors: bool = True
) -> CorpusMerge:
    """Merge the actors and events of several documents (see the module docstring).

    Args:
        results: The documents, as :func:`kgraph.extract.extract` gives them.
        window_days: The largest gap in days between two reports of one event;
            ``None`` merges no events.
        actors: ``False`` keeps every actor id as it is (no cross-document actor rules).

    Returns:
        The actor id mapping, the merge record and the merged events.
    """
    results = list(results)
    if actors:
        ids, merged = _actor_ids(results)
    else:
        ids, merged = {(r.doc_id, a.id): a.id for r in results for a in r.actors}, {}
    reports: list[tuple[Event, tuple]] = []  # (mapped event, sort key of its publication)
    for res in results:
        pub = (res.date or "~", res.doc_id)

        def node(i: str, doc: str = res.doc_id) -> str:
            return ids.get((doc, i), i)

        for ev in res.events:
            ev = replace(
                ev,
                source=_dedupe(map(node, ev.source)),
                target=_dedupe(map(node, ev.target)),
                reported_by=_dedupe(map(node, ev.reported_by)),
                place=None if ev.place is None else node(ev.place),
            )
            reports.append((ev, (*pub, ev.trigger.start, ev.id)))
    cluster: dict[int, int] = {}  # report index -> index of its cluster's first report
    if window_days is not None:
        buckets: dict[tuple, list[tuple[date, tuple, int]]] = defaultdict(list)
        dates = {r.doc_id: r.date for r in results}
        for k, (ev, pub) in enumerate(reports):
            day = effective_date(ev, dates.get(ev.doc_id))
            if day is None or not (ev.source or ev.target):
                continue
            fact = ev.modality if ev.modality in IRREALIS else "actual"
            key = (ev.type, frozenset(ev.source), frozenset(ev.target), ev.negated, fact)
            buckets[key].append((day, pub, k))
        for items in buckets.values():
            items.sort()
            start = None
            for day, _, k in items:
                if start is None or (day - start[0]).days > window_days:
                    start = (day, k)
                cluster[k] = start[1]
    members: dict[int, list[int]] = defaultdict(list)
    for k in range(len(reports)):
        members[cluster.get(k, k)].append(k)
    events: list[tuple[Event, ...]] = []
    done: set[int] = set()
    for k in range(len(reports)):
        c = cluster.get(k, k)
        if c in done:
            continue
        done.add(c)
        group = sorted(members[c], key=lambda j: reports[j][1])
        first = reports[group[0]][0]
        roles = {"source": first.source, "target": first.target}
        events.append((first, *(replace(reports[j][0], **roles) for j in group[1:])))
    return CorpusMerge(ids, merged, events)
