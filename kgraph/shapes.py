"""Stage 5b: check kgraph RDF against its SHACL shapes (``kgraph/data/shapes.ttl``).

Each document graph of a dataset (TriG, N-Quads, JSON-LD, a store) is checked on its own,
as the rdf pattern asks, and a single graph (Turtle) as a whole, with pyshacl and no
inference.  Every violation becomes one readable line.

>>> from rdflib import Graph, Literal, URIRef
>>> from kgraph.rdf import KG, SEM
>>> g = Graph()
>>> e = URIRef("https://w3id.org/kgraph/id/event/x-0123456789")
>>> g.add((e, __import__("rdflib").RDF.type, SEM.Event))  # doctest: +ELLIPSIS
<Graph ...>
>>> g.add((e, KG.confidence, Literal(1.5)))  # doctest: +ELLIPSIS
<Graph ...>
>>> lines = [str(v) for v in validate(g)]
>>> any("kg:confidence is a number in [0, 1]" in line for line in lines)
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import SH

__all__ = ["Violation", "shapes", "validate"]


@dataclass(frozen=True, slots=True, order=True)
class Violation:
    """One SHACL violation: in which graph, of which node, on which path, and why."""

    graph: str  # "" for a single graph or the default graph
    focus: str
    path: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        where = f"{self.graph}: " if self.graph else ""
        path = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value and self.value != self.focus else ""
        return f"{where}{self.focus}{path}: {self.message}{value}"


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """kgraph's SHACL shapes graph (parsed once)."""
    with resources.files("kgraph").joinpath("data/shapes.ttl").open("rb") as fh:
        return Graph().parse(file=fh, format="turtle")


def _short(term: Any, g: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return g.namespace_manager.normalizeUri(term)
        except Exception:  # an IRI no prefix fits
            return f"<{term}>"
    text = str(term)[:60] + ("..." if len(str(term)) > 60 else "")
    if isinstance(term, Literal) and term.datatype not in (None, XSD.string):
        return text  # a number, date or boolean
    return json.dumps(text, ensure_ascii=False)


def _check(data: Graph, name: URIRef | None) -> list[Violation]:
    import pyshacl

    from .rdf import PREFIXES

    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes(), inference="none", allow_warnings=True
    )
    if conforms:
        return []
    for prefix, namespace in PREFIXES.items():
        report.bind(prefix, namespace, override=True, replace=True)
    out = []
    for r in report.subjects(SH.resultSeverity, SH.Violation):
        message = report.value(r, SH.resultMessage)
        if message is None:
            message = f"violates {_short(report.value(r, SH.sourceConstraintComponent), report)}"
        value = report.value(r, SH.value)
        out.append(
            Violation(
                "" if name is None else _short(name, report),
                _short(report.value(r, SH.focusNode), report),
                _short(report.value(r, SH.resultPath), report),
                " ".join(str(message).split()),
                "" if value is None else _short(value, report),
            )
        )
    return sorted(set(out))


def validate(data: Graph | Dataset) -> list[Violation]:
    """Validate kgraph RDF against the shapes.

    Args:
        data: A graph (the merged Turtle) or a dataset, whose named graphs (and non-empty
            default graph) are validated one by one.

    Returns:
        The violations, sorted; empty when the data conforms.
    """
    if not isinstance(data, Dataset):
        return _check(data, None)
    out = []
    for g in data.graphs():
        if len(g):
            name = None if g.identifier == DATASET_DEFAULT_GRAPH_ID else g.identifier
            out += _check(g, name)
    return out
