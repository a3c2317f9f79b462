"""The one small exception hierarchy kgraph raises.

Every message says what was expected, what came, and how to fix it.  The CLI
prints ``kgraph: error: <message>`` and exits non-zero; it never shows a
traceback for these.
"""

from __future__ import annotations

__all__ = ["FilterError", "InputError", "KGraphError", "ModelError", "OutputError"]


class KGraphError(Exception):
    """Base class of every error kgraph raises on purpose."""


class InputError(KGraphError):
    """An input file or record cannot be read: fix the input or skip it (``--on-error skip``)."""


class ModelError(KGraphError):
    """The spaCy pipeline is missing or unusable: install it or pass ``--model``."""


class OutputError(KGraphError):
    """An output cannot be written: check the path and permissions."""


class FilterError(KGraphError):
    """A filter of a view (actor name, type, date, ...) is malformed or names nothing: change it."""
