"""Extraction on a Dask distributed cluster (the optional extra ``kgraph[dask]``).

The client reads the documents and sends them to the workers in tasks of a few dozen;
each worker parses them with its own copy of the spaCy pipeline, loaded once per worker
process (:func:`kgraph.nlp.load_nlp` caches it by model name, and a worker plugin loads it
as the worker starts) and never pickled; workers send back plain dicts
(``DocumentResult.to_dict()``), never spaCy Docs.  The client keeps a bounded number of
tasks in flight and yields the results in input order, so memory stays flat and the
output is the one a single-process run writes.

    kgraph extract corpus.jsonl -o events.jsonl --dask                 # a local cluster
    kgraph extract corpus.jsonl -o events.jsonl --scheduler tcp://head:8786

Every worker needs kgraph and the model installed (the same versions as the client); the
lexicons (with any ``--gazetteer``/``--lexicon`` files) are loaded on the client and sent
to each worker once.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .errors import KGraphError
from .extract import CHUNK_CHARS
from .lexicons import Lexicons, load_lexicons
from .nlp import DEFAULT_MODEL
from .records import Document, DocumentResult
from .textin import Failure

__all__ = ["dask_client", "extract_dask"]

_INSTALL = "install the Dask extra: pip install 'kgraph[dask]'"


def _distributed():
    try:
        import distributed
    except ImportError:
        raise KGraphError(f"Dask distributed is not installed; {_INSTALL}") from None
    return distributed


def dask_client(scheduler: str | None = None, *, workers: int | None = None, processes=True):
    """A Dask client: connected to ``scheduler`` (``tcp://host:8786``), or to a new
    ``LocalCluster`` of ``workers`` single-threaded worker processes (default: the CPUs).

    Close it when done (it is a context manager); closing also stops a local cluster.
    """
    distributed = _distributed()
    if scheduler:
        try:
            return distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise KGraphError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one "
                "(dask scheduler) or leave out --scheduler for a local cluster"
            ) from None
    cluster = distributed.LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
        silence_logs=logging.CRITICAL,  # a task's error reaches the client as one line
    )
    client = distributed.Client(cluster)
    client._kgraph_cluster = cluster  # closed with the client, see _close
    return client


def _close(client) -> None:
    cluster = getattr(client, "_kgraph_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _model_plugin(model: str):
    """A worker plugin that loads the pipeline when a worker starts (or joins later), so
    a missing model is reported at once rather than by every task."""
    from distributed import WorkerPlugin

    class LoadModel(WorkerPlugin):
        idempotent = True

        def __init__(self, model: str) -> None:
            self.model = model
            self.name = f"kgraph-model-{model}"

        def setup(self, worker=None) -> None:
            from kgraph.nlp import load_nlp

            load_nlp(self.model)

    return LoadModel(model)


def _extract_task(
    docs: list[tuple], lex: Lexicons, model: str, chunk_chars: int, batch_size: int
) -> list[dict[str, Any]]:
    """Run on a worker: plain document tuples in, plain records out."""
    from .extract import extract
    from .nlp import load_nlp

    failures: list[Failure] = []
    out: list[dict[str, Any]] = [
        {"result": r.to_dict()}
        for r in extract(
            (Document(*d) for d in docs),
            nlp=load_nlp(model),
            lexicons=lex,
            batch_size=batch_size,
            chunk_chars=chunk_chars,
            on_error="skip",
            failures=failures,
        )
    ]
    out += [{"failure": [f.doc, f.origin, f.reason]} for f in failures]
    return out


def extract_dask(
    documents: Iterable[Document],
    *,
    client=None,
    scheduler: str | None = None,
    workers: int | None = None,
    model: str = DEFAULT_MODEL,
    lexicons: Lexicons | None = None,
    batch_size: int = 32,
    chunk_chars: int = CHUNK_CHARS,
    docs_per_task: int | None = None,
    tasks_in_flight: int | None = None,
    on_error: str = "fail",
    failures: list | None = None,
) -> Iterator[DocumentResult]:
    """:func:`kgraph.extract.extract` on a Dask cluster: the same results, in input order.

    Args:
        documents: The documents (read on the client, sent to the workers).
        client: A ``distributed.Client`` to use (left open); else one is made from
            ``scheduler`` or a local cluster of ``workers`` (and closed at the end).
        docs_per_task: Documents per task (default ``batch_size``).
        tasks_in_flight: Tasks submitted ahead of the one being collected (default: 4
            per worker thread); bounds the client's memory.
        on_error, failures: As for :func:`kgraph.extract.extract`.
    """
    own = client is None
    if own:
        client = dask_client(scheduler, workers=workers)
    try:
        lex = lexicons or load_lexicons()
        try:
            client.register_plugin(_model_plugin(model))
        except KGraphError:
            raise
        except Exception as exc:  # the model is missing on a worker, or the worker died
            raise KGraphError(f"Dask workers cannot load the model {model!r}: {exc}") from None
        lex_future = client.scatter(lex, broadcast=True, hash=False)
        size = docs_per_task or batch_size
        if tasks_in_flight is None:
            threads = sum(client.nthreads().values()) or 1
            tasks_in_flight = 4 * threads
        docs = iter(documents)
        pending: deque = deque()

        def submit() -> bool:
            chunk = [(d.id, d.text, d.title, d.date, d.url, d.origin) for d in islice(docs, size)]
            if not chunk:
                return False
            pending.append(
                client.submit(
                    _extract_task, chunk, lex_future, model, chunk_chars, batch_size, pure=False
                )
            )
            return True

        more = True
        while more and len(pending) < tasks_in_flight:
            more = submit()
        while pending:
            try:
                records = pending.popleft().result()
            except KGraphError:
                raise
            except Exception as exc:  # a worker died, ran out of memory, lost its connection
                raise KGraphError(
                    f"a Dask task failed ({type(exc).__name__}: {exc}); see the workers' logs, "
                    "or run without --dask/--scheduler"
                ) from exc
            if more:
                more = submit()
            for rec in records:
                if "result" in rec:
                    yield DocumentResult.from_dict(rec["result"])
                    continue
                doc, origin, reason = rec["failure"]
                if on_error != "skip":
                    raise KGraphError(f"{doc}: {reason}; pass --on-error skip to carry on")
                if failures is not None:
                    failures.append(Failure(doc, origin, reason))
    finally:
        if own:
            _close(client)
