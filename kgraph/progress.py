"""A progress line on standard error for long runs: documents done, documents/s, time left.

The line is drawn only on a terminal: when stderr is redirected to a file or a pipe (a
batch job, CI, ``2> log``) nothing is written, and ``kgraph -q`` turns it off too.  The
estimate of the time left needs the number of documents, which :func:`count_documents`
reads cheaply from the input before the run (one pass over the bytes, no JSON parsing).

>>> import io
>>> clock = iter([0.0, 10.0, 10.0]).__next__
>>> p = Progress(total=400, stream=io.StringIO(), enabled=True, clock=clock)
>>> p.update(100)
>>> p.line()
'100/400 documents (25%)  10.0 docs/s  ETA 30s'
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

__all__ = ["Progress", "count_documents", "format_duration"]

T = TypeVar("T")


def format_duration(seconds: float) -> str:
    """'42s', '3m05s', '2h07m'.

    >>> format_duration(42.4), format_duration(185), format_duration(7625)
    ('42s', '3m05s', '2h07m')
    """
    s = int(round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


def count_documents(source: str | os.PathLike[str]) -> int | None:
    """How many documents :func:`kgraph.textin.read_documents` will read, or None if that
    cannot be told cheaply (standard input, a ``.json`` array).

    A ``.jsonl`` file counts its non-blank lines (bad lines included: this is for a
    progress estimate), a directory its ``.txt`` files and the lines of its ``.jsonl``
    files, any other file one.
    """
    if os.fspath(source) == "-":
        return None
    path = Path(source)
    try:
        if path.is_dir():
            files = [
                p
                for p in path.iterdir()
                if p.suffix.lower() in (".txt", ".jsonl") and p.is_file()
                if not p.name.startswith(".")
            ]
            return sum(_count_file(p) or 0 for p in files)
        return _count_file(path)
    except OSError:
        return None


def _count_file(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return None
    if suffix != ".jsonl":
        return 1
    n = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


class Progress:
    """Count documents and redraw one status line on ``stream`` (stderr by default).

    Args:
        total: Documents expected, if known (gives a percentage and an ETA).
        stream: Where to draw; default ``sys.stderr``.
        enabled: Draw or not; default: only if ``stream`` is a terminal.
        approximate: ``total`` is an estimate (a shard's share): shown with ``~``.
        every: Least time between redraws, in seconds.
        clock: A monotonic clock (tests pass a fake one).
    """

    def __init__(
        self,
        total: int | None = None,
        *,
        stream: IO[str] | None = None,
        enabled: bool | None = None,
        approximate: bool = False,
        every: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = sys.stderr if stream is None else stream
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.total = total
        self.approximate = approximate
        self.every = every
        self.clock = clock
        self.done = 0
        self.start = clock()
        self.now = self.start
        self._drawn = -every  # time of the last redraw
        self._width = 0

    def rate(self) -> float:
        """Documents per second so far."""
        elapsed = self.now - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        """The status text: ``1,200/2,000 documents (60%)  12.5 docs/s  ETA 1m04s``."""
        rate = self.rate()
        if self.total:
            tilde = "~" if self.approximate else ""
            shown = f"{self.done:,}/{tilde}{self.total:,} documents"
            pct = min(100, int(100 * self.done / self.total))
            text = f"{shown} ({pct}%)  {rate:.1f} docs/s"
            if rate > 0 and self.done < self.total:
                text += f"  ETA {tilde}{format_duration((self.total - self.done) / rate)}"
            return text
        return f"{self.done:,} documents  {rate:.1f} docs/s"

    def update(self, n: int = 1) -> None:
        """Count ``n`` more documents; redraw if enough time has passed."""
        self.done += n
        self.now = self.clock()
        if self.enabled and self.now - self._drawn >= self.every:
            self._draw()

    def _draw(self) -> None:
        self._drawn = self.now
        text = "kgraph: " + self.line()
        pad = " " * max(0, self._width - len(text))
        self._width = len(text)
        self.stream.write(f"\r{text}{pad}")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final line and end it."""
        if self.enabled:
            self.now = self.clock()
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
            self.enabled = False

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        """Yield ``items``, counting each; close the line at the end."""
        try:
            for item in items:
                yield item
                self.update()
        finally:
            self.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
