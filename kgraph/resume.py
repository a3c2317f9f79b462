"""Resuming a store build: a journal of the documents already extracted.

``kgraph build --store DIR`` changes the store only at the end, in one write.  While it
extracts, it appends each finished document's record to ``DIR/kgraph-resume.jsonl``
(flushed at once), tagged with a hash of the document (``meta.input_sha1``: text, title,
date and url).  When the store has been written the journal is deleted.  A build that is
stopped (Ctrl-C, SIGTERM, a crash, even SIGKILL) leaves the store as it was and the
journal behind; ``--resume`` then

- skips the documents the store already holds with the same hash,
- takes the documents the journal holds with the same hash from it, without extracting
  them again,
- extracts the rest,

and writes the store once, as an uninterrupted build would have.  A document id is one
document in the store, so nothing is ever duplicated.  The hash also covers the run's
settings (:func:`settings_fingerprint`: kgraph's version, the model and its version, the
contents of the gazetteer and lexicon files), so a document read with other settings is
extracted again, not taken over.

>>> from kgraph.records import Document, DocumentResult
>>> c = Checkpoint(None, resume=True, stored={"a": input_hash(Document("a", "Old."))})
>>> docs = [Document("a", "Old."), Document("b", "New.")]
>>> [d.id for d in c.select(docs)], c.skipped
(['b'], 1)
>>> [r.meta for r in c.record([DocumentResult("b")])]
[{'input_sha1': 'ffb3d430addbfa251e0cc4f14e2cfb21e8972324'}]
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .records import Document, DocumentResult

__all__ = ["HASH_KEY", "JOURNAL", "Checkpoint", "input_hash", "settings_fingerprint"]

#: The journal's file name in the store directory.
JOURNAL = "kgraph-resume.jsonl"
#: The key of a document's hash in ``DocumentResult.meta``.
HASH_KEY = "input_sha1"


def input_hash(doc: Document, settings: str = "") -> str:
    """SHA-1 of what extraction reads from a document (text, title, date and url) and of
    the ``settings`` it is read with (see :func:`settings_fingerprint`)."""
    parts = [doc.text, doc.title, doc.date, doc.url] + ([settings] if settings else [])
    data = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha1(data.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


def settings_fingerprint(model: str, files: Iterable[str | os.PathLike[str]] = ()) -> str:
    """What else decides a document's extraction: kgraph's version, the model's name and
    installed version, and the bytes of the user's gazetteer and lexicon files.

    >>> settings_fingerprint("no_such_model") == settings_fingerprint("no_such_model")
    True
    """
    from importlib import metadata

    from . import __version__

    try:
        model_version = metadata.version(model.replace("_", "-"))
    except (metadata.PackageNotFoundError, ValueError):
        model_version = "?"
    h = hashlib.sha1(usedforsecurity=False)
    h.update(json.dumps([__version__, model, model_version]).encode())
    for f in files:
        try:
            h.update(Path(f).read_bytes())
        except OSError:
            h.update(os.fsencode(f))
    return h.hexdigest()


class Checkpoint:
    """What a store build has done and can skip.

    Args:
        journal: The journal file (``None``: no journal, e.g. for a SPARQL server).
        resume: Skip and reuse finished documents; else start afresh (an old journal is
            replaced when the first document is finished).
        stored: Document id -> its hash, for the documents in the store.
        settings: The run's :func:`settings_fingerprint`, folded into every hash.
    """

    def __init__(
        self,
        journal: str | os.PathLike[str] | None,
        *,
        resume: bool,
        stored: dict[str, str],
        settings: str = "",
    ) -> None:
        self.path = None if journal is None else Path(journal)
        self.settings = settings
        self.resume = resume
        self.stored = stored if resume else {}
        self.saved: dict[str, DocumentResult] = {}  # from the journal of an earlier run
        self.left_over = 0  # documents in a journal that is not resumed
        if self.path is not None and self.path.exists():
            self.saved = _read_journal(self.path)
            if not resume:
                self.left_over, self.saved = len(self.saved), {}
        self.skipped = 0  # documents the store already holds
        self.reused: list[DocumentResult] = []  # documents taken from the journal
        self._hashes: dict[str, str] = {}
        self._fh: IO[str] | None = None

    @classmethod
    def for_store(cls, db: Any, *, resume: bool, settings: str = "") -> Checkpoint:
        """The checkpoint of a build into ``db`` (a :class:`kgraph.store.LocalStore` keeps
        its journal in its directory; other stores have none)."""
        path = getattr(db, "path", None)
        stored = {}
        if resume:
            for doc_id, record in db.records().items():
                try:
                    h = (json.loads(record).get("meta") or {}).get(HASH_KEY)
                except (ValueError, AttributeError):
                    h = None
                if isinstance(h, str):
                    stored[doc_id] = h
        journal = None if path is None else Path(path) / JOURNAL
        return cls(journal, resume=resume, stored=stored, settings=settings)

    def select(self, docs: Iterable[Document]) -> Iterator[Document]:
        """The documents still to extract (the others are counted or kept for
        :meth:`record`)."""
        for d in docs:
            h = input_hash(d, self.settings)
            if self.stored.get(d.id) == h:
                self.skipped += 1
                continue
            saved = self.saved.get(d.id)
            if saved is not None and saved.meta.get(HASH_KEY) == h:
                self.reused.append(saved)
                continue
            self._hashes[d.id] = h
            yield d

    def record(self, results: Iterable[DocumentResult]) -> Iterator[DocumentResult]:
        """Each result tagged with its document's hash and saved in the journal as it
        comes; then the results taken from the journal."""
        for res in results:
            h = self._hashes.pop(res.doc_id, None)
            if h is not None:
                res = dataclasses.replace(res, meta={**res.meta, HASH_KEY: h})
            if self.path is not None:
                fh = self._fh or self._open()
                fh.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
                fh.flush()
            yield res
        yield from self.reused

    def _open(self) -> IO[str]:
        from .textin import atomic_write

        assert self.path is not None
        # a journal cut short by SIGKILL is written again without its broken last line
        keep = "".join(
            json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in self.saved.values()
        )
        atomic_write(self.path, keep)
        self._fh = open(self.path, "a", encoding="utf-8")  # closed by finish()  # noqa: SIM115
        return self._fh

    def finish(self) -> None:
        """The store is written: the journal is no longer needed."""
        self.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _read_journal(path: Path) -> dict[str, DocumentResult]:
    """The results a journal holds (lines that do not parse, e.g. a last one cut short,
    are left out: their documents are extracted again)."""
    out: dict[str, DocumentResult] = {}
    try:
        fh = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError:
        return out
    with fh:
        for line in fh:
            try:
                res = DocumentResult.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
            out[res.doc_id] = res
    return out
