"""Named data the rules read: the gazetteer, the event lexicon and the role lexicon.

All three are plain files in ``kgraph/data/`` that users can read and edit; extra
files of the same shape are layered on top (later entries with the same key win).

>>> lex = load_lexicons()
>>> lex.verbs["speak"].type, lex.verbs["speak"].mode
('CONSULT', 'phone')
>>> lex.gazetteer["ISR"].name
'Israel'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError
from .textin import json_line

__all__ = ["GazetteerEntry", "Lexicons", "RoleEntry", "Trigger", "load_lexicons"]

DEFAULT_TARGET_PREPS = (
    "with", "to", "against", "on", "at", "toward", "towards", "into", "over", "upon",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the event lexicon: a verb or noun and the event type it signals."""

    pos: str
    lemma: str
    type: str
    cameo: str
    mode: str | None
    target_preps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A known actor: a country, organisation, armed group, government body, ..."""

    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    wikidata: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """A role noun ("troops", "minister") with the sector and kind of actor it names."""

    lemma: str
    sector: str
    type: str
    person: bool
    family: str


@dataclass(frozen=True)
class Lexicons:
    """Everything the rules look up, loaded once."""

    verbs: dict[str, Trigger] = field(default_factory=dict)  # "speak", "call on"
    nouns: dict[str, Trigger] = field(default_factory=dict)
    gazetteer: dict[str, GazetteerEntry] = field(default_factory=dict)
    roles: dict[str, RoleEntry] = field(default_factory=dict)
    #: surface string -> (entry id, how): how is "name", "demonym" or "people"
    surface: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: capital -> gazetteer id of its country ("Moscow" -> "RUS"), for metonymy
    capitals: dict[str, str] = field(default_factory=dict)


def _data_path(name: str) -> Path:
    return Path(str(resources.files("kgraph") / "data" / name))


def _rows(path: Path, ncols: int) -> list[tuple[int, list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read lexicon ({exc})") from None
    out = []
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < ncols:
            raise InputError(f"{path}:{i}: expected {ncols} tab-separated columns, got {len(cols)}")
        out.append((i, [c.strip() for c in cols]))
    return out


#: The Arabic article of a name's part ("al-Burhan", "el-Sisi"), which writers drop.
_ARTICLE = re.compile(r"\b(?:al|el|Al|El)-(?=[A-Z])")


def _read_triggers(path: Path, verbs: dict, nouns: dict) -> None:
    for i, (pos, lemma, typ, cameo, mode, *rest) in _rows(path, 5):
        preps = rest[0] if rest else ""
        if pos not in ("verb", "noun"):
            raise InputError(f"{path}:{i}: pos must be 'verb' or 'noun', got {pos!r}")
        tp = () if preps == "-" else tuple(p for p in preps.split(",") if p) or DEFAULT_TARGET_PREPS
        trig = Trigger(pos, lemma.lower(), typ.upper(), cameo, mode or None, tp)
        (verbs if pos == "verb" else nouns)[trig.lemma] = trig


def _read_gazetteer(path: Path, gaz: dict) -> None:
    try:  # split at "\n" only: JSON strings may hold U+2028 and other line breaks raw
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gazetteer ({exc})") from None
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{i}"
        d = json_line(line, where)
        if not isinstance(d, dict):
            raise InputError(f"{where}: a gazetteer entry is a JSON object, not {type(d).__name__}")
        for key in ("id", "name"):
            if not isinstance(d.get(key), str | int) or not str(d[key]).strip():
                raise InputError(
                    f'{where}: bad gazetteer entry ("{key}" must be a non-empty string)'
                )
        for key in ("type", "country", "sector", "wikidata"):
            if d.get(key) is not None and not isinstance(d[key], str):
                raise InputError(f'{where}: bad gazetteer entry ("{key}" must be a string)')
        for key in ("aliases", "demonyms", "people"):
            v = d.get(key) or []
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                raise InputError(
                    f'{where}: bad gazetteer entry ("{key}" must be a list of non-empty strings)'
                )
        e = GazetteerEntry(
            id=str(d["id"]),
            name=str(d["name"]),
            type=str(d.get("type") or "organisation"),
            country=d.get("country"),
            sector=d.get("sector"),
            wikidata=d.get("wikidata"),
            aliases=tuple(d.get("aliases") or ()),
            demonyms=tuple(d.get("demonyms") or ()),
            people=tuple(d.get("people") or ()),
        )
        gaz[e.id] = e


@lru_cache(maxsize=8)
def load_lexicons(gazetteer: tuple[str, ...] = (), lexicon: tuple[str, ...] = ()) -> Lexicons:
    """Load the shipped data plus optional user files (paths), cached.

    Args:
        gazetteer: extra gazetteer JSONL files (same schema as ``data/gazetteer.jsonl``).
        lexicon: extra event lexicon TSV files (same shape as ``data/events.tsv``).
    """
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    for p in (_data_path("events.tsv"), *map(Path, lexicon)):
        _read_triggers(p, verbs, nouns)
    gaz: dict[str, GazetteerEntry] = {}
    for p in (_data_path("gazetteer.jsonl"), *map(Path, gazetteer)):
        _read_gazetteer(p, gaz)
    roles = {}
    for _, (lemma, sector, typ, person, family) in _rows(_data_path("roles.tsv"), 5):
        roles[lemma] = RoleEntry(lemma, sector, typ, person == "1", family)
    surface: dict[str, tuple[str, str]] = {}
    for e in gaz.values():
        for s in (e.name, *e.aliases):
            surface[s] = (e.id, "name")
            if e.type == "person":  # "Abdel Fattah Burhan" for "Abdel Fattah al-Burhan"
                bare = _ARTICLE.sub("", s)
                if bare != s and " " in bare:
                    surface.setdefault(bare, (e.id, "name"))
        for s in e.demonyms:
            surface.setdefault(s, (e.id, "demonym"))
        for s in e.people:
            surface.setdefault(s, (e.id, "people"))
    capitals = {}
    path = _data_path("capitals.tsv")
    for i, (capital, gid) in _rows(path, 2):
        if gaz.get(gid) is None or gaz[gid].type != "country":
            raise InputError(f"{path}:{i}: {gid!r} is not a country of the gazetteer")
        capitals[capital] = gid
    return Lexicons(verbs, nouns, gaz, roles, surface, capitals)
