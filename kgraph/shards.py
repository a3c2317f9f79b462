"""Split a corpus into N shards processed apart, and merge the shards' outputs back.

``kgraph extract CORPUS --shard I/N`` reads the whole input but extracts only the
documents of shard I: those whose **document id** hashes to I modulo N (the first 8
bytes of the SHA-1 of the UTF-8 id, big-endian).  The split depends on nothing but the
id, so it is the same on every machine and Python version, whatever the input format
(JSONL, a directory of .txt files) and line order; N processes or machines (``xargs -P``,
a batch scheduler, a Dask cluster) cover the corpus exactly once between them.

Each shard record carries ``meta: {"shard": "I/N", "position": P}``, P being the
document's place in the whole input.  :func:`merge_shards` checks that every shard is
there once and interleaves the records back into input order (a streaming k-way merge),
without the shard keys, so the merged ``events.jsonl``, graph and RDF are the ones a
single run writes.

>>> s = Shard.parse("1/4")
>>> s, s.owns("voa_8005869"), [d for d in ["a", "b", "c", "d", "e"] if Shard(1, 2).owns(d)]
(Shard(index=1, count=4), True, ['b', 'c'])
"""

from __future__ import annotations

import hashlib
import heapq
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import InputError, KGraphError
from .records import Document, DocumentResult
from .textin import json_line

__all__ = ["Shard", "merge_shards", "read_results", "tag_results"]

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True, slots=True)
class Shard:
    """Shard ``index`` of ``count`` (0-based: the shards of 4 are 0/4 ... 3/4)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"I/N"`` -> ``Shard(I, N)``; a one-line error naming the fix otherwise."""
        m = _SHARD.fullmatch(text or "")
        if not m or not 0 <= int(m[1]) < int(m[2]):
            raise KGraphError(
                f"--shard must be I/N with 0 <= I < N (0/4, 1/4, 2/4, 3/4 split a corpus "
                f"in four); got {text!r}"
            )
        return cls(int(m[1]), int(m[2]))

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def owns(self, doc_id: str) -> bool:
        """Whether the document with this id belongs to this shard."""
        digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index

    def select(
        self, documents: Iterable[Document], positions: dict[str, int]
    ) -> Iterator[Document]:
        """The documents of this shard, recording each one's input position in ``positions``
        (by id: ids are unique in an input) for :func:`tag_results`."""
        for position, doc in enumerate(documents):
            if self.owns(doc.id):
                positions[doc.id] = position
                yield doc


def tag_results(
    results: Iterable[DocumentResult], shard: Shard, positions: dict[str, int]
) -> Iterator[DocumentResult]:
    """Add ``meta.shard`` and ``meta.position`` to each result (entries of ``positions``
    are consumed, so the dict holds only documents in flight)."""
    for res in results:
        meta = {**res.meta, "shard": str(shard), "position": positions.pop(res.doc_id)}
        yield replace(res, meta=meta)


def _records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(origin, record) of each line of an extract/build output."""
    if path.is_dir():
        path = path / "events.jsonl"
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read ({exc.strerror or exc}); give the events.jsonl of each "
            "shard (from kgraph extract -o or kgraph build)"
        ) from None
    with fh:
        lineno = 0
        try:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                origin = f"{path}:{lineno}"
                rec = json_line(line, origin)
                if not isinstance(rec, dict) or "doc_id" not in rec:
                    raise InputError(f"{origin}: not a kgraph document record (no doc_id)")
                yield origin, rec
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}:{lineno + 1}: not UTF-8 text ({exc.reason}); give the events.jsonl of "
                "each shard (from kgraph extract -o or kgraph build)"
            ) from None


def _shard_of(path: Path) -> tuple[Shard | None, Iterator[tuple[str, dict[str, Any]]]]:
    """The shard a file holds (from its first record; None for an unsharded output) and
    an iterator over all its records."""
    it = _records(path)
    first = next(it, None)
    if first is None:
        return None, iter(())
    meta = first[1].get("meta") or {}
    shard = Shard.parse(meta["shard"]) if "shard" in meta else None

    def records() -> Iterator[tuple[str, dict[str, Any]]]:
        yield first
        yield from it

    return shard, records()


def _is_empty(path: Path) -> bool:
    return next(_records(path), None) is None


def _strip(rec: dict[str, Any]) -> dict[str, Any]:
    meta = {k: v for k, v in (rec.get("meta") or {}).items() if k not in ("shard", "position")}
    out = {k: v for k, v in rec.items() if k != "meta"}
    if meta:
        out["meta"] = meta
    return out


def merge_shards(paths: Iterable[str | os.PathLike[str]]) -> Iterator[dict[str, Any]]:
    """The records of several extract outputs as one stream, in the order one run gives.

    Shard outputs (``--shard I/N``) must be complete, one file per shard; their records
    are interleaved back into input order and lose their ``shard``/``position`` keys.
    Outputs without shard keys (separate corpora, Dask runs) are concatenated in the
    order given.  A document id seen twice is an error.

    Yields:
        Document records (dicts, as ``DocumentResult.to_dict`` makes them).

    Raises:
        InputError: A file is missing or not a kgraph output, a shard is missing or
            given twice, shards of different splits are mixed, or a document repeats.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("nothing to merge; give the output file of every shard")
    opened = [(p, *_shard_of(p)) for p in paths]
    sharded = [(p, s, it) for p, s, it in opened if s is not None]
    empty = [p for p, s, it in opened if s is None and _is_empty(p)]  # a shard with no document
    opened = [x for x in opened if x[0] not in empty]
    seen: set[str] = set()

    def check(origin: str, rec: dict[str, Any]) -> dict[str, Any]:
        doc_id = str(rec["doc_id"])
        if doc_id in seen:
            raise InputError(
                f'{origin}: document "{doc_id}" is also in an earlier input; merge each '
                "shard once, and shards of one corpus only"
            )
        seen.add(doc_id)
        return _strip(rec)

    if sharded:
        counts = {s.count for _, s, _ in sharded}
        if len(counts) > 1 or len(sharded) != len(opened):
            raise InputError(
                "cannot merge outputs of different splits ("
                + ", ".join(f"{p}: {s or 'not sharded'}" for p, s, _ in opened)
                + "); merge the shards of one --shard I/N run"
            )
        (n,) = counts
        by_index: dict[int, Path] = {}
        for p, s, _ in sharded:
            if s.index in by_index:
                raise InputError(f"shard {s} is given twice ({by_index[s.index]} and {p})")
            by_index[s.index] = p
        missing = [f"{i}/{n}" for i in range(n) if i not in by_index]
        if len(missing) > len(empty):
            raise InputError(
                f"shard(s) {', '.join(missing)} missing; give the output of every shard "
                f"0/{n} ... {n - 1}/{n} (an empty shard still writes its file)"
            )

        def keyed(p: Path, s: Shard, it: Iterator) -> Iterator[tuple[int, str, dict]]:
            last = -1
            for origin, rec in it:
                meta = rec.get("meta") or {}
                if meta.get("shard") != str(s) or not isinstance(meta.get("position"), int):
                    raise InputError(f"{origin}: record without shard {s} and position")
                if meta["position"] <= last:
                    raise InputError(f"{origin}: records out of order; was the file edited?")
                last = meta["position"]
                yield last, origin, rec

        for _, origin, rec in heapq.merge(*(keyed(*x) for x in sharded), key=lambda t: t[0]):
            yield check(origin, rec)
        return
    for _, _, it in opened:
        for origin, rec in it:
            yield check(origin, rec)


def read_results(records: Iterable[dict[str, Any]]) -> Iterator[DocumentResult]:
    """Document records (dicts) -> :class:`DocumentResult` records."""
    for rec in records:
        try:
            yield DocumentResult.from_dict(rec)
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(
                f"document {rec.get('doc_id')!r}: not a kgraph document record ({exc})"
            ) from None
