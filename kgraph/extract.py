"""The extraction pipeline: documents in, one ``DocumentResult`` per document out.

Documents stream through ``nlp.pipe`` in batches; text longer than the chunk size
is parsed in pieces (cut at line or sentence ends) and joined back into one Doc
with the original character offsets, so nothing is ever truncated.

>>> from kgraph.records import Document
>>> [r] = extract([Document("d1", "Israel and Hamas agreed to a ceasefire.")])  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from .actors import find_actors
from .errors import KGraphError
from .events import find_events
from .lexicons import Lexicons, load_lexicons
from .nlp import DEFAULT_MODEL, gazetteer_matcher, load_nlp
from .records import Document, DocumentResult
from .repair import repair
from .textin import Failure

__all__ = ["CHUNK_CHARS", "extract", "extract_text", "read_document", "split_text"]

#: Longest piece of text handed to spaCy at once (well under its max_length).
CHUNK_CHARS = 100_000
#: Longest run without whitespace handed to spaCy at once: its tokenizer takes quadratic time
#: over one (16,000 "(" take 34 s), so a longer one is cut (a 1 MB run would take days).
RUN_CHARS = 500
_LONG_RUN = re.compile(rf"\S{{{RUN_CHARS + 1},}}")


def split_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut text into pieces of at most ``size`` characters at line, sentence or word
    ends, and runs of more than :data:`RUN_CHARS` characters without whitespace into
    pieces of that many; the pieces join back to the exact text.

    >>> split_text("one. two. three.", 10)
    ['one. two. ', 'three.']
    >>> [len(p) for p in split_text("Talks. " + "(" * 1200 + " resumed.")]
    [7, 500, 500, 200, 9]
    """
    pieces = []
    start = 0
    n = len(text)
    while n - start > size:
        window = text[start : start + size]
        cut = -1
        for sep in ("\n", ". ", " "):
            cut = window.rfind(sep)
            if cut > size // 2:
                cut += len(sep)
                break
        if cut <= 0:
            cut = size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    if not _LONG_RUN.search(text):
        return pieces
    return [q for p in pieces for q in _split_runs(p)]


def _split_runs(text: str) -> list[str]:
    """``text`` cut before, inside (every RUN_CHARS) and after each long run."""
    out, start = [], 0
    for m in _LONG_RUN.finditer(text):
        for cut in [*range(m.start(), m.end(), RUN_CHARS), m.end()]:
            if cut > start:
                out.append(text[start:cut])
                start = cut
    out.append(text[start:])
    return [p for p in out if p]


def read_document(sdoc, document: Document, lex: Lexicons, matcher) -> DocumentResult:
    """Actors then events of one parsed document."""
    idx = find_actors(repair(sdoc), lex, matcher)
    events = find_events(sdoc, idx, lex, doc_id=document.id, doc_date=document.date)
    ids = {cl.key: idx.id(cl.key) for cl in idx.clusters.values()}
    used = {k for e in events for k in (*e.source, *e.target, *e.reported_by, e.place) if k}
    # places are listed when an event uses them; actors always
    actors = [a for a in idx.actors() if a.type != "place" or a.id in {ids[k] for k in used}]

    def remap(keys):
        return tuple(ids[k] for k in keys)

    events = [
        dataclasses.replace(
            e,
            source=remap(e.source),
            target=remap(e.target),
            reported_by=remap(e.reported_by),
            place=ids[e.place] if e.place else None,
        )
        for e in events
    ]
    return DocumentResult(
        doc_id=document.id,
        actors=tuple(actors),
        events=tuple(events),
        title=document.title,
        date=document.date,
        url=document.url,
        text_length=len(document.text),
    )


def extract(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    nlp=None,
    lexicons: Lexicons | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    chunk_chars: int = CHUNK_CHARS,
    on_error: str = "fail",
    failures: list | None = None,
) -> Iterator[DocumentResult]:
    """Extract actors and events from documents, lazily, in input order.

    With ``on_error="skip"`` a document whose extraction fails is reported in
    ``failures`` (a :class:`kgraph.textin.Failure`) instead of stopping the run.
    """
    from spacy.tokens import Doc

    nlp = nlp or load_nlp(model)
    lex = lexicons or load_lexicons()
    matcher = gazetteer_matcher(nlp, lex)

    def pieces():
        for d in documents:
            chunks = split_text(d.text, chunk_chars)
            for i, c in enumerate(chunks):
                yield c, (d, i, len(chunks))

    pending = []
    for sdoc, (d, i, n) in nlp.pipe(
        pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        pending.append(sdoc)
        if i == n - 1:
            full = pending[0] if n == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            try:
                res = read_document(full, d, lex, matcher)
            except Exception as exc:  # a rule bug on odd text must not lose the corpus
                msg = f"extraction failed ({type(exc).__name__}: {exc})"
                if on_error != "skip":
                    raise KGraphError(f"{d.id}: {msg}; pass --on-error skip to carry on") from exc
                if failures is not None:
                    failures.append(Failure(d.id, d.origin or "", msg))
                continue
            yield res


def extract_text(
    text: str, *, doc_id: str = "doc", date: str | None = None, **kw
) -> DocumentResult:
    """Convenience: extract one text."""
    return next(extract([Document(doc_id, text, date=date)], **kw))
