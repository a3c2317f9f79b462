"""Ctrl-C and SIGTERM: one clean way out of a run, and a moment when they wait.

The command line turns SIGINT and SIGTERM into :class:`Interrupted` (a
``KeyboardInterrupt``), so a ``kill`` takes the same path as Ctrl-C: each atomic
write in progress removes its temporary file, the outputs are left as they
were, one line is printed, and the exit status is 128 + the signal number
(130 for SIGINT, 143 for SIGTERM).

Once a build has read all its documents it replaces its outputs one after the
other.  From :func:`defer` on, a first signal waits until every output is
written, so the files in ``OUT/`` stay one consistent set.  A second signal
stops the run at once (each file is still whole).

>>> with handling():
...     defer()
...     signal.raise_signal(signal.SIGTERM)  # waits: the outputs are being written
...     pending()
<Signals.SIGTERM: 15>
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Interrupted", "defer", "handling", "pending"]

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM, raised where the program was."""

    def __init__(self, signum: int, *, writing: bool = False) -> None:
        super().__init__(signum)
        self.signum = signum
        self.writing = writing  # the outputs were being replaced

    @property
    def exit_status(self) -> int:
        """128 + the signal number, as shells report a process a signal stopped."""
        return 128 + self.signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


class _State:
    """Per-process signal state (handlers are per process too)."""

    def __init__(self) -> None:
        self.deferring = False
        self.pending: signal.Signals | None = None


_state = _State()


def _handler(signum: int, frame: object) -> None:
    if _state.deferring and _state.pending is None:
        _state.pending = signal.Signals(signum)
        print(
            f"kgraph: {_state.pending.name} received; finishing writing the outputs, then "
            "stopping (send it again to stop now)",
            file=sys.stderr,
        )
        return
    raise Interrupted(signum, writing=_state.deferring)


@contextmanager
def handling() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`Interrupted` inside the block (main thread
    only; elsewhere a no-op), and put the previous handlers back after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _handler) for s in _SIGNALS}
    _state.deferring, _state.pending = False, None
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
        _state.deferring = False


def defer() -> None:
    """From now on (until :func:`handling` ends), a first signal waits: the run finishes
    writing its outputs, then stops with the signal's exit status."""
    _state.deferring = True


def pending() -> signal.Signals | None:
    """The signal that arrived while deferred, if any."""
    return _state.pending
