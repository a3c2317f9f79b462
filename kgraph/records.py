"""Typed, frozen records that flow between the pipeline stages.

Every record carries its provenance: the document id and character offsets
into that document's text (Python string indices, end exclusive).

>>> m = Mention("Blinken", 226, 233, sentence=1, how="surname")
>>> m.text, m.start, m.end
('Blinken', 226, 233)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "QUAD_CLASS",
    "Actor",
    "DateValue",
    "Document",
    "DocumentResult",
    "Event",
    "Mention",
    "Quantity",
    "Span",
]

Modality = Literal["asserted", "future", "hypothetical", "reported"]

#: PLOVER 2021 category -> quad class (verbal/material cooperation/conflict).
QUAD_CLASS: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_coop"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_coop"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields as a dict, not recursing: ``dataclasses.asdict`` deep-copies every
    value, which made it a quarter of kgraph's own time per document (nested records are
    converted by the ``to_dict`` methods themselves)."""
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class Document:
    """One input document. ``date`` is the publication date (ISO 8601) if known."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from: "file.jsonl:12", "a.txt"


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a document's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor; ``how`` names the rule that linked it to its actor."""

    text: str
    start: int
    end: int
    sentence: int = 0
    how: str = "ner"


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor within a document (or, after merging, a corpus).

    ``type`` is one of person, government, military, armed_group, organisation,
    population, country, place, group.  ``sector`` is a CAMEO-style code
    (GOV, MIL, REB, CVL, IGO, COP, OPP, MED, BUS, ...).
    """

    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = _fields(self)
        d["aliases"] = list(self.aliases)
        d["mentions"] = [_fields(m) for m in self.mentions]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            id=d["id"],
            name=d["name"],
            type=d.get("type") or "group",
            country=d.get("country"),
            sector=d.get("sector"),
            wikidata=d.get("wikidata"),
            title=d.get("title"),
            aliases=tuple(d.get("aliases") or ()),
            mentions=tuple(Mention(**m) for m in d.get("mentions") or ()),
        )


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted figure: ``kind`` is plural (killed, wounded, rockets, ...).

    ``qualifier`` is exact, at_least, at_most or about.
    """

    kind: str
    value: int | float
    qualifier: str = "exact"
    text: str = ""
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date resolved to ISO 8601 at its ``granularity`` (day, month, year)."""

    value: str
    granularity: str
    text: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Event:
    """One action between actors, with everything needed to explain it."""

    id: str
    doc_id: str
    type: str  # PLOVER 2021 category
    cameo: str  # CAMEO root code ("04", "18", ...)
    predicate: str  # surface predicate: "spoke with", "brokered", "fired"
    source: tuple[str, ...]  # actor ids
    target: tuple[str, ...]  # actor ids
    trigger: Span
    sentence: Span  # the sentence the event was read from
    sentence_index: int = 0
    negated: bool = False
    modality: str = "asserted"
    mode: str | None = None  # phone, visit, mediation, ...
    quantities: tuple[Quantity, ...] = ()
    date: DateValue | None = None
    place: str | None = None  # actor id of a place
    reported_by: tuple[str, ...] = ()
    arguments: tuple[Span, ...] = ()  # the source/target mention spans used
    confidence: float = 0.5
    rule: str = ""

    @property
    def quad(self) -> str:
        return QUAD_CLASS.get(self.type, "other")

    def to_dict(self) -> dict[str, Any]:
        d = _fields(self)
        d["trigger"], d["sentence"] = _fields(self.trigger), _fields(self.sentence)
        d["date"] = None if self.date is None else _fields(self.date)
        d["quad"] = self.quad
        for k in ("source", "target", "reported_by"):
            d[k] = list(d[k])
        d["quantities"] = [_fields(q) for q in self.quantities]
        d["arguments"] = [_fields(a) for a in self.arguments]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        date = d.get("date")
        return cls(
            id=d["id"],
            doc_id=d.get("doc_id", ""),
            type=d["type"],
            cameo=d.get("cameo", ""),
            predicate=d.get("predicate", ""),
            source=tuple(d.get("source") or ()),
            target=tuple(d.get("target") or ()),
            trigger=Span(**d["trigger"]),
            sentence=Span(**d["sentence"]) if d.get("sentence") else Span("", -1, -1),
            sentence_index=d.get("sentence_index", 0),
            negated=bool(d.get("negated")),
            modality=d.get("modality") or "asserted",
            mode=d.get("mode"),
            quantities=tuple(Quantity(**q) for q in d.get("quantities") or ()),
            date=DateValue(**date) if isinstance(date, dict) else None,
            place=d.get("place"),
            reported_by=tuple(d.get("reported_by") or ()),
            arguments=tuple(Span(**a) for a in d.get("arguments") or ()),
            confidence=float(d.get("confidence", 0.5)),
            rule=d.get("rule", ""),
        )


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What kgraph read from one document: its actors and events."""

    doc_id: str
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    title: str | None = None
    date: str | None = None
    url: str | None = None
    text_length: int = 0
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError if absent)."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def to_dict(self) -> dict[str, Any]:
        """The document JSON contract (one line of ``kgraph extract`` output)."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "text_length": self.text_length,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            **({"meta": self.meta} if self.meta else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentResult:
        return cls(
            doc_id=str(d["doc_id"]),
            actors=tuple(Actor.from_dict(a) for a in d.get("actors") or ()),
            events=tuple(
                Event.from_dict({"doc_id": d["doc_id"], **e}) for e in d.get("events") or ()
            ),
            title=d.get("title"),
            date=d.get("date"),
            url=d.get("url"),
            text_length=int(d.get("text_length") or 0),
            meta=d.get("meta") or {},
        )
