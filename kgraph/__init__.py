"""kgraph: news articles about conflict and diplomacy -> a knowledge graph.

The pipeline, one function per stage (heavy libraries load on first use)::

    from kgraph import read_documents, extract, build_graph, to_rdf, from_rdf, draw_map
    results = list(extract(read_documents("data/articles/ceasefire.txt")))
    G = build_graph(results)          # networkx MultiDiGraph: actors, events as edges
    ds = to_rdf(G)                    # rdflib Dataset, one named graph per document
    draw_map(G)                       # matplotlib Axes
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

# the library only logs; the application (the CLI, a notebook) decides what is shown
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "build_graph",
    "draw_map",
    "extract",
    "extract_text",
    "filter_graph",
    "from_rdf",
    "read_documents",
    "read_rdf",
    "save_map",
    "to_html",
    "to_rdf",
    "write_turtle",
]

# cheap imports (no spaCy, networkx or matplotlib at import time); these also keep the
# function `extract` from being shadowed by the submodule of the same name
from .extract import extract, extract_text  # noqa: E402
from .textin import read_documents  # noqa: E402

_LAZY = {
    "build_graph": "graph",
    "draw_map": "render",
    "save_map": "render",
    "filter_graph": "filters",
    "to_html": "interactive",
    "to_rdf": "rdf",
    "from_rdf": "rdf",
    "read_rdf": "rdf",
    "write_turtle": "rdf",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
