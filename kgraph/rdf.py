"""Stage 5: the networkx graph <-> an event-centric RDF dataset, and RDF files.

Every event is a ``sem:Event`` node with its type (a SKOS concept of kgraph's PLOVER
scheme, ``skos:closeMatch`` its CAMEO roots), roles, date, place, quantities and
provenance (a NIF mention of its trigger, a PROV run).  Beside it, one shortcut
triple ``actor:s kg:spokeWith actor:t`` per network edge.  Each source document is
one named graph.  The vocabulary is declared in ``kgraph/data/ontology.ttl``.

A merged event (several reports, see :mod:`kgraph.merge`) is one node, described in the
graph of every document that reports it; each report's statements (wording, date,
figures) are on the event side by side and on that report's mention, each figure
``prov:wasDerivedFrom`` its mention, so dropping a document's graph drops what it said.

IRIs are deterministic and safe: ``https://w3id.org/kgraph/id/<kind>/<slug>-<sha1[:10]>``
for the kinds actor, event, doc, mention, run and quantity.  The exact original ids
are kept as ``kg:id`` literals, so :func:`from_rdf` rebuilds the network exactly:
``G.graph`` documents and events, nodes (``aliases`` and ``documents`` come back sorted,
as ``build_graph`` keeps them) and edges (re-derived from the events by ``edge_pairs``),
all in their original order (``kg:index``).  Not kept: node or graph attributes that
``build_graph`` does not make.  Floats are written as exact ``xsd:decimal`` (rdflib's
Turtle writer rounds ``xsd:double`` to 7 digits); control characters are written as
``\\uXXXX`` escapes; text with a lone surrogate cannot be RDF and raises OutputError.

>>> import networkx as nx
>>> from kgraph.graph import build_graph
>>> from kgraph.records import Actor, DocumentResult, Event, Span
>>> a, b = Actor("hamas", "Hamas", "armed_group"), Actor("israel", "Israel", "country")
>>> e = Event("ev1", "d1", "ASSAULT", "19", "fired rockets at", ("hamas",), ("israel",),
...           Span("fired", 6, 11), Span("Hamas fired rockets at Israel.", 0, 30))
>>> G = build_graph([DocumentResult("d1", (a, b), (e,))])
>>> ds = to_rdf(G)
>>> hamas, israel = resource_iri("actor", "hamas"), resource_iri("actor", "israel")
>>> hamas
rdflib.term.URIRef('https://w3id.org/kgraph/id/actor/hamas-0355aef412')
>>> (hamas, KG_NS.firedRocketsAt, israel) in ds.graph(resource_iri("doc", "d1"))
True
>>> nx.utils.graphs_equal(G, from_rdf(ds))
True
"""

from __future__ import annotations

import gc
import hashlib
import json
import math
import os
import re
import secrets
import shutil
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, SKOS

from . import __version__
from .errors import InputError, OutputError
from .graph import add_event, edge_pairs
from .records import QUAD_CLASS, DateValue, Event, Quantity, Span

__all__ = [
    "KG",
    "KG_NS",
    "NIF",
    "PREFIXES",
    "SDO",
    "SEM",
    "from_rdf",
    "ontology",
    "read_rdf",
    "resource_iri",
    "shortcut_iri",
    "to_rdf",
    "write_nquads",
    "write_rdf",
    "write_trig",
    "write_turtle",
    "graph_triples",
    "parse_rdf",
    "write_jsonld",
]

BASE = "https://w3id.org/kgraph/"
KINDS = ("actor", "event", "doc", "mention", "run", "quantity")
KG_NS = Namespace(BASE + "ns#")  # open twin of KG, for minted shortcut predicates
WD = Namespace("http://www.wikidata.org/entity/")


class KG(ns.DefinedNamespace):
    """kgraph's closed vocabulary (declared in ontology.ttl): a typo is an error, not a wrong IRI."""

    _NS = Namespace(BASE + "ns#")
    _fail = True
    _extras = [
        # classes, concept schemes, the 4 quad classes and the 16 PLOVER 2021 event types
        "Actor",
        "Mention",
        "Run",
        "EventType",
        "QuadClass",
        "EventTypes",
        "QuadClasses",
        "CameoRoots",
        "VerbalCooperation",
        "MaterialCooperation",
        "VerbalConflict",
        "MaterialConflict",
        *QUAD_CLASS,
        # roles (rdfs:subPropertyOf sem:hasActor), and their order when there are several
        "source",
        "target",
        "mediator",
        "reportedBy",
        "sourceList",
        "targetList",
        "reportedByList",
        # events, quantities, mentions
        "predicate",
        "cameoRoot",
        "eventTypeCode",
        "negated",
        "modality",
        "mode",
        "confidence",
        "rule",
        "dateGranularity",
        "dateText",
        "dateBegin",
        "dateEnd",
        "quantity",
        "quantityKind",
        "qualifier",
        "argument",
        "sentence",
        "sentenceBegin",
        "sentenceEnd",
        "sentenceIndex",
        "id",
        "index",
        # actors, runs, the vocabulary itself
        "actorType",
        "country",
        "sector",
        "title",
        "wikidata",
        "mentionCount",
        "inDocument",
        "mergedFrom",
        "sourceCount",
        "record",
        "version",
        "model",
        "shortcutOf",
        "quadClass",
    ]


class SEM(ns.DefinedNamespace):
    """The terms of the Simple Event Model that kgraph uses."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True
    _extras = ["Event", "Place", "eventType", "hasActor", "hasPlace", "hasTimeStamp"]


class SDO(ns.DefinedNamespace):
    """The terms of schema.org that kgraph uses."""

    _NS = Namespace("https://schema.org/")
    _fail = True
    _extras = [
        "NewsArticle",
        "QuantitativeValue",
        "headline",
        "url",
        "datePublished",
        "value",
        "minValue",
        "maxValue",
    ]


class NIF(ns.DefinedNamespace):
    """The terms of NIF 2.0 core that kgraph uses."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True
    _extras = ["OffsetBasedString", "anchorOf", "beginIndex", "endIndex", "referenceContext"]


for _vocab in (KG, SEM, SDO, NIF):  # plain class attributes: DefinedNamespace's lookup is slow
    for _term in _vocab._extras:
        setattr(_vocab, _term, _vocab._NS[_term])


#: Prefix -> namespace, bound in every graph and file kgraph writes.
PREFIXES: dict[str, Namespace] = {
    "kg": KG_NS,
    **{
        prefix: Namespace(str(vocab._NS))
        for prefix, vocab in [
            ("sem", SEM),
            ("prov", PROV),
            ("nif", NIF),
            ("schema", SDO),
            ("skos", SKOS),
            ("foaf", FOAF),
            ("org", ORG),
            ("xsd", ns.XSD),
            ("rdf", RDF),
            ("rdfs", RDFS),
            ("owl", OWL),
            ("dcterms", DCTERMS),
        ]
    },
    "wd": WD,
    "cameo": Namespace(BASE + "cameo/"),
    **{kind: Namespace(f"{BASE}id/{kind}/") for kind in KINDS},
}

_RESERVED = frozenset(KG._extras)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_DATE_TYPES = {"day": ns.XSD.date, "month": ns.XSD.gYearMonth, "year": ns.XSD.gYear}
_DATE_RE = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-(0[1-9]|1[0-2])", "year": r"\d{4}"}
_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
}
_ROLES = (
    (KG.source, KG.sourceList, "source"),
    (KG.target, KG.targetList, "target"),
    (KG.reportedBy, KG.reportedByList, "reported_by"),
)

Triple = tuple[Any, Any, Any]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def resource_iri(kind: str, key: str) -> URIRef:
    """The IRI of one resource: a readable slug of ``key`` plus a hash of it.

    >>> str(resource_iri("doc", "ceasefire.txt"))
    'https://w3id.org/kgraph/id/doc/ceasefire-txt-5c2123f793'
    """
    if kind not in KINDS:
        raise ValueError(f"unknown resource kind {kind!r}; expected one of {', '.join(KINDS)}")
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(key).lower()).strip("-")[:40].strip("-") or "id"
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return URIRef(f"{BASE}id/{kind}/{slug}-{digest}")


def _sub(kind: str, *parts: Any) -> URIRef:
    return resource_iri(kind, json.dumps(parts, ensure_ascii=False))


def _event(d: dict[str, Any]) -> Event:
    """``Event.to_dict`` undone without normalising anything (``Event.from_dict`` does)."""
    names = {f.name for f in fields(Event)}
    return Event(
        **{
            **{k: v for k, v in d.items() if k in names},
            **{k: tuple(d[k]) for k in ("source", "target", "reported_by")},
            "trigger": Span(**d["trigger"]),
            "sentence": Span(**d["sentence"]),
            "quantities": tuple(Quantity(**q) for q in d["quantities"]),
            "arguments": tuple(Span(**a) for a in d["arguments"]),
            "date": DateValue(**d["date"]) if d["date"] else None,
        }
    )


def shortcut_iri(predicate: str, event_type: str = "") -> URIRef:
    """The shortcut predicate of a surface predicate, in lowerCamelCase.

    >>> shortcut_iri("spoke with").n3(), shortcut_iri("", "ASSAULT").n3()
    ('<https://w3id.org/kgraph/ns#spokeWith>', '<https://w3id.org/kgraph/ns#assault>')
    """
    words = re.findall(r"[A-Za-z0-9]+", _ascii(predicate))
    name = "".join(
        [w.lower() if i == 0 else w[:1].upper() + w[1:].lower() for i, w in enumerate(words)]
    )
    name = name or re.sub(r"[^a-z0-9]", "", _ascii(event_type).lower()) or "relatedTo"
    return KG_NS[name + "Shortcut" if name in _RESERVED else name]


def _lit(value: str, datatype: URIRef | None = None) -> Literal:
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise OutputError(
                f"cannot convert to RDF: text {value[:40]!r} has a lone surrogate at "
                f"{exc.start}, which no RDF syntax can hold; clean the input text"
            ) from None
    return Literal(value, datatype=datatype)


def _num(value: Any) -> Literal:
    # rdflib's Turtle writer prints xsd:double with 7 digits, so finite floats are
    # written as exact xsd:decimal (read back as float); ints as xsd:integer.
    if isinstance(value, float) and math.isfinite(value):
        text = format(Decimal(repr(value)), "f")
        return Literal(text if "." in text else text + ".0", datatype=ns.XSD.decimal)
    return Literal(value)


def _is_date(value: str, granularity: str) -> bool:
    if not re.fullmatch(_DATE_RE.get(granularity, "(?!)"), value):
        return False
    try:
        return granularity != "day" or bool(date.fromisoformat(value))
    except ValueError:
        return False


def _when(value: str, granularity: str | None = None) -> Literal:
    """A typed date literal when ``value`` is a valid one, else a plain string."""
    for gran in [granularity] if granularity else list(_DATE_TYPES):
        if _is_date(value, gran):
            return Literal(value, datatype=_DATE_TYPES[gran])
    return _lit(value)


def _triples(G: nx.MultiDiGraph, run: dict[str, Any] | None) -> dict[URIRef | None, set]:
    """Graph IRI (None: the default graph) -> its triples."""
    out: dict[URIRef | None, set[Triple]] = {}
    used: dict[str, set[URIRef]] = {}  # actor id -> graphs of the events that use it
    docs = G.graph.get("documents", {})
    settings = {"kgraph": __version__, **(run or {})}
    run_iri = resource_iri("run", json.dumps(settings, sort_keys=True, default=str))
    lit, num = lru_cache(maxsize=None)(_lit), lru_cache(maxsize=None, typed=True)(_num)
    mint = lru_cache(maxsize=None)(resource_iri)

    def span(node: URIRef, sp: Span, props: tuple = (NIF.anchorOf, NIF.beginIndex, NIF.endIndex)):
        """A span's text and offsets; empty text and -1 offsets (unknown) are left out."""
        text, begin, end = props
        yield from [(node, text, lit(sp.text))] if sp.text else ()
        yield from [(node, begin, num(sp.start))] if sp.start != -1 else ()
        yield from [(node, end, num(sp.end))] if sp.end != -1 else ()

    def doc(doc_id: str) -> URIRef:
        iri = mint("doc", doc_id)
        out.setdefault(iri, set()).add((iri, KG.id, lit(doc_id)))
        return iri

    def actor(actor_id: str, graph: URIRef) -> URIRef:
        iri = mint("actor", actor_id)
        used.setdefault(actor_id, set()).add(graph)
        out[graph].add((iri, KG.id, lit(actor_id)))
        return iri

    for i, (doc_id, meta) in enumerate(docs.items()):
        d = doc(doc_id)
        g = out[d]
        g |= {(d, _TYPE, SDO.NewsArticle), (d, KG.index, num(i))}
        g.update(
            (d, p, f(meta[k]))
            for p, k, f in (
                (SDO.headline, "title", _lit),
                (SDO.url, "url", lambda u: lit(u, ns.XSD.anyURI)),
                (SDO.datePublished, "date", _when),
            )
            if meta.get(k)
        )

    def roles(node: URIRef, d: URIRef, ev: Event, stem: str, fields: tuple) -> Iterator[Triple]:
        """Role triples of ``node``, with an rdf:List beside them to keep an order of 2+."""
        for prop, list_prop, field in _ROLES:
            if field not in fields:
                continue
            nodes = [actor(a, d) for a in getattr(ev, field)]
            yield from ((node, prop, n) for n in nodes)
            if len(nodes) > 1:
                key = hashlib.sha1(json.dumps([stem, field]).encode()).hexdigest()[:20]
                cells = [BNode(f"l{key}x{j}") for j in range(len(nodes))]
                yield node, list_prop, cells[0]
                for j, (cell, n) in enumerate(zip(cells, nodes, strict=True)):
                    yield from [
                        (cell, _FIRST, n),
                        (cell, _REST, cells[j + 1] if j + 1 < len(cells) else _NIL),
                    ]

    for i, record in enumerate(G.graph.get("events", {}).values()):
        # a merged event: one node, described in the graph of every document that reports
        # it; each report's own statements (figures, date, wording) are on the event (side
        # by side) and, when there are several reports, on the report's mention as well
        reports = [_event(record), *map(_event, record.get("reports", ()))]
        first, e, many = reports[0], mint("event", reports[0].id), len(reports) > 1
        sources = len({r.doc_id for r in reports})
        for j, ev in enumerate(reports):
            d = doc(ev.doc_id)
            g, m = out[d], _sub("mention", ev.id, "trigger")
            g |= {
                (e, _TYPE, SEM.Event),
                (e, KG.id, lit(first.id)),
                (e, KG.index, num(i)),
                (e, KG.mentionCount, num(len(reports))),
                (e, KG.sourceCount, num(sources)),
                (e, _DERIVED, m),
                (e, _GENERATED, run_iri),
                (run_iri, _TYPE, KG.Run),
                (run_iri, KG.version, lit(__version__)),
                (m, _TYPE, KG.Mention),
                (m, NIF.referenceContext, d),
                (m, KG.sentenceIndex, num(ev.sentence_index)),
            }
            if run and run.get("model"):
                g.add((run_iri, KG.model, lit(str(run["model"]))))
            g.add(
                (e, SEM.eventType, KG[ev.type])
                if ev.type in QUAD_CLASS
                else (e, KG.eventTypeCode, lit(ev.type))
            )
            g.update(roles(e, d, first, first.id, ("source", "target")))
            g.update(span(m, ev.trigger))
            g.update(span(m, ev.sentence, (KG.sentence, KG.sentenceBegin, KG.sentenceEnd)))
            if many:
                g |= {(m, KG.id, lit(ev.id)), (m, KG.index, num(j))}
            for x in (e, m) if many else (e,):
                g |= {
                    (x, KG.negated, num(bool(ev.negated))),
                    (x, KG.modality, lit(ev.modality)),
                    (x, KG.confidence, num(ev.confidence)),
                }
                g.update(
                    (x, p, lit(v))
                    for p, v in (
                        (KG.predicate, ev.predicate),
                        (KG.cameoRoot, ev.cameo),
                        (KG.rule, ev.rule),
                    )
                    if v
                )
                if ev.mode is not None:
                    g.add((x, KG.mode, lit(ev.mode)))
                g.update(roles(x, d, ev, ev.id, ("reported_by",)))
                if ev.place is not None:
                    g.add((x, SEM.hasPlace, actor(ev.place, d)))
                if ev.date is not None:
                    dv = ev.date
                    g |= {
                        (x, SEM.hasTimeStamp, _when(dv.value, dv.granularity)),
                        (x, KG.dateGranularity, lit(dv.granularity)),
                        (x, KG.dateText, lit(dv.text)),
                    }
                    g.update(span(x, Span("", dv.start, dv.end), (None, KG.dateBegin, KG.dateEnd)))
                g.update(
                    (x, KG.quantity, _sub("quantity", ev.id, k)) for k in range(len(ev.quantities))
                )
                g.update(
                    (x, KG.argument, _sub("mention", ev.id, "argument", k))
                    for k in range(len(ev.arguments))
                )
            for k, q in enumerate(ev.quantities):
                qi = _sub("quantity", ev.id, k)
                g |= {
                    (qi, _TYPE, SDO.QuantitativeValue),
                    (qi, _DERIVED, m),
                    (qi, KG.index, num(k)),
                    (qi, KG.quantityKind, lit(q.kind)),
                    (qi, SDO.value, num(q.value)),
                    (qi, KG.qualifier, lit(q.qualifier)),
                }
                bound = {"at_least": SDO.minValue, "at_most": SDO.maxValue}.get(q.qualifier)
                g.update([(qi, bound, num(q.value))] if bound else ())
                g.update(span(qi, Span(q.text, q.start, q.end)))
            for k, arg in enumerate(ev.arguments):
                mi = _sub("mention", ev.id, "argument", k)
                g |= {
                    (mi, _TYPE, KG.Mention),
                    (mi, KG.index, num(k)),
                    (mi, NIF.referenceContext, d),
                }
                g.update(span(mi, arg))
            for s, t, _ in edge_pairs(ev):
                p = shortcut_iri(ev.predicate, ev.type)
                g |= {
                    (actor(s, d), p, actor(t, d)),
                    (p, _TYPE, OWL.ObjectProperty),
                    (p, RDFS.label, lit(ev.predicate or ev.type.lower())),
                }
                g.update([(p, KG.shortcutOf, KG[ev.type])] if ev.type in QUAD_CLASS else ())
    for i, (n, a) in enumerate(G.nodes(data=True)):
        iri = mint("actor", n)
        desc = {(iri, _TYPE, KG.Actor), (iri, KG.id, lit(n)), (iri, KG.index, num(i))}
        if a:  # a node built from an Actor (build_graph adds bare nodes for unknown ids)
            kind = a.get("type", "")
            cls = {"person": FOAF.Person, "place": SEM.Place}.get(kind, ORG.FormalOrganization)
            desc |= {
                (iri, _TYPE, cls),
                (iri, SKOS.prefLabel, lit(a.get("label", ""))),
                (iri, KG.actorType, lit(kind)),
                (iri, KG.mentionCount, num(a.get("mentions", 0))),
            }
            desc.update((iri, SKOS.altLabel, lit(x)) for x in a.get("aliases", ()))
            desc.update((iri, KG.mergedFrom, lit(x)) for x in a.get("merged", ()))
            desc.update((iri, KG[k], lit(a[k])) for k in ("country", "sector", "title") if a.get(k))
            wd = a.get("wikidata") or ""
            if wd:
                q = re.fullmatch(r"Q[0-9]+", wd)
                desc.add((iri, SKOS.exactMatch, WD[wd]) if q else (iri, KG.wikidata, lit(wd)))
        docs_in = [doc(x) for x in a.get("documents", ())]
        for graph in set(docs_in) | used.get(n, set()) or {None}:
            out.setdefault(graph, set()).update(desc)
        for d in docs_in:
            out[d].add((iri, KG.inDocument, d))
    return out


def _bind(graph: Graph) -> Graph:
    graph.namespace_manager = ns.NamespaceManager(graph, bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_rdf(G: nx.MultiDiGraph, *, run: dict[str, Any] | None = None) -> Dataset:
    """Convert a graph built by :func:`kgraph.graph.build_graph` to an RDF dataset.

    Args:
        G: The network: actors as nodes, events as keyed edges, ``G.graph["documents"]``
            and ``G.graph["events"]``.
        run: Facts about the run for the PROV activity node, e.g. ``{"model": "en_core_web_sm"}``.

    Returns:
        One named graph per document (its IRI is the document's), holding the document,
        its events and the actors they use.

    Raises:
        OutputError: Some text is not valid Unicode (a lone surrogate).
    """
    ds = _bind(Dataset())
    for name, triples in _triples(G, run).items():
        graph = ds.default_graph if name is None else ds.graph(name)
        ds.addN((s, p, o, graph) for s, p, o in triples)
    return ds


def from_rdf(data: Graph | Dataset) -> nx.MultiDiGraph:
    """Rebuild the network from RDF written by :func:`to_rdf`.

    Args:
        data: The dataset, some of its named graphs (a dropped document takes its events
            with it), or their union as one graph (a Turtle file).

    Returns:
        A graph equal to the one converted (``networkx.utils.graphs_equal``).

    Raises:
        InputError: The data is not kgraph RDF (a resource lacks its ``kg:id``).
    """
    quads = data.quads((None, None, None, None)) if isinstance(data, Dataset) else None
    idx: dict[Any, dict[Any, set]] = {}
    for s, p, o, *_ in quads if quads is not None else data:
        idx.setdefault(s, {}).setdefault(p, set()).add(o)

    def one(s: Any, p: URIRef) -> Any:
        vals = idx.get(s, {}).get(p, ())
        return min(vals, key=lambda v: (type(v).__name__, str(v))) if vals else None

    def text(s: Any, p: URIRef) -> str:
        v = one(s, p)
        return "" if v is None else str(v)

    def value(s: Any, p: URIRef, default: Any = -1) -> Any:
        v = one(s, p)
        v = default if v is None else v.toPython()
        return float(v) if isinstance(v, Decimal) else v

    def ident(node: Any) -> str:
        if one(node, KG.id) is None:
            raise InputError(f"not kgraph RDF: {node} has no kg:id (written by kgraph.rdf?)")
        return text(node, KG.id)

    def ordered(cls: URIRef) -> list:
        found = [s for s, ps in idx.items() if cls in ps.get(RDF.type, ())]
        return sorted(found, key=lambda s: (value(s, KG.index, math.inf), str(s)))

    def members(e: Any, prop: URIRef, list_prop: URIRef) -> tuple[str, ...]:
        cell, seen, items = one(e, list_prop), set(), []
        if cell is None:
            return tuple(sorted(ident(x) for x in idx.get(e, {}).get(prop, ())))
        while cell is not None and cell != RDF.nil and cell not in seen:
            seen.add(cell)
            items.append(ident(one(cell, RDF.first)))
            cell = one(cell, RDF.rest)
        return tuple(items)

    def span(node: Any, props: tuple = (NIF.anchorOf, NIF.beginIndex, NIF.endIndex)) -> Span:
        return Span(text(node, props[0]), value(node, props[1]), value(node, props[2]))

    G = nx.MultiDiGraph()
    G.graph["documents"] = {
        ident(d): {
            "title": text(d, SDO.headline),
            "date": text(d, SDO.datePublished),
            "url": text(d, SDO.url),
        }
        for d in ordered(SDO.NewsArticle)
    }
    for a in ordered(KG.Actor):
        attrs: dict[str, Any] = {}
        if one(a, KG.actorType) is not None:
            wd = [str(x)[len(WD) :] for x in idx[a].get(SKOS.exactMatch, ()) if x.startswith(WD)]
            attrs = {
                "label": text(a, SKOS.prefLabel),
                "type": text(a, KG.actorType),
                "country": text(a, KG.country),
                "sector": text(a, KG.sector),
                "wikidata": min(wd) if wd else text(a, KG.wikidata),
                "title": text(a, KG.title),
                "aliases": sorted(str(x) for x in idx[a].get(SKOS.altLabel, ())),
                "mentions": value(a, KG.mentionCount, 0),
                "documents": sorted(ident(x) for x in idx[a].get(KG.inDocument, ())),
                "merged": sorted(str(x) for x in idx[a].get(KG.mergedFrom, ())),
            }
        G.add_node(ident(a), **attrs)
    G.graph["events"] = {}

    def report(e: Any, x: Any, m: Any, event_id: str) -> Event:
        """One report of event ``e``: its statements are on ``x`` (the event or its mention)."""
        kind, place = one(e, SEM.eventType), one(x, SEM.hasPlace)
        stamp, mode = one(x, SEM.hasTimeStamp), one(x, KG.mode)
        return Event(
            id=event_id,
            doc_id=ident(one(m, NIF.referenceContext)),
            type=str(kind)[len(KG_NS) :] if kind is not None else text(e, KG.eventTypeCode),
            cameo=text(x, KG.cameoRoot),
            predicate=text(x, KG.predicate),
            trigger=span(m),
            sentence=span(m, (KG.sentence, KG.sentenceBegin, KG.sentenceEnd)),
            sentence_index=value(m, KG.sentenceIndex, 0),
            negated=bool(value(x, KG.negated, False)),
            modality=text(x, KG.modality),
            mode=None if mode is None else str(mode),
            quantities=tuple(
                Quantity(
                    text(q, KG.quantityKind),
                    value(q, SDO.value, 0),
                    text(q, KG.qualifier),
                    text(q, NIF.anchorOf),
                    value(q, NIF.beginIndex),
                    value(q, NIF.endIndex),
                )
                for q in sorted(idx[x].get(KG.quantity, ()), key=lambda q: value(q, KG.index))
            ),
            date=None
            if stamp is None
            else DateValue(
                str(stamp),
                text(x, KG.dateGranularity),
                text(x, KG.dateText),
                value(x, KG.dateBegin),
                value(x, KG.dateEnd),
            ),
            place=None if place is None else ident(place),
            arguments=tuple(
                span(a)
                for a in sorted(idx[x].get(KG.argument, ()), key=lambda a: value(a, KG.index))
            ),
            confidence=value(x, KG.confidence, 0.5),
            rule=text(x, KG.rule),
            source=members(e, KG.source, KG.sourceList),
            target=members(e, KG.target, KG.targetList),
            reported_by=members(x, KG.reportedBy, KG.reportedByList),
        )

    for e in ordered(SEM.Event):
        ms = sorted(idx[e].get(PROV.wasDerivedFrom, ()), key=lambda m: (value(m, KG.index), str(m)))
        if not ms:
            raise InputError(f"not kgraph RDF: event {e} has no prov:wasDerivedFrom mention")
        if len(ms) == 1:  # one report: its statements are the event's
            reports = [report(e, e, ms[0], ident(e)).to_dict()]
        else:
            reports = [report(e, m, m, ident(m)).to_dict() for m in ms]
        add_event(
            G,
            {
                **reports[0],
                "mention_count": len(reports),
                "source_count": len({r["doc_id"] for r in reports}),
                "reports": reports[1:],
            },
        )
    return G


# ---------------------------------------------------------------- Turtle and TriG writer
# rdflib's pretty Turtle/TriG writers cost more than extraction itself (about 8x the time of
# kgraph's rules on a 2,000-article corpus), so kgraph writes these two syntaxes itself,
# straight from the triples: subjects sorted, one predicate per line, prefixed names,
# rdf:Lists as ( ... ) collections.  Reading still goes through rdflib's parsers.
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?\Z")
_BNODE_LABEL = re.compile(r"[A-Za-z0-9_]+\Z")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f\u2028\u2029]')
_STRING_BAD = re.compile('["\\\\\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]')
_XSD_STRING = ns.XSD.string  # (attribute lookups on rdflib's namespaces are slow)
_TYPE, _FIRST, _REST, _NIL = RDF.type, RDF.first, RDF.rest, RDF.nil
_DERIVED, _GENERATED = PROV.wasDerivedFrom, PROV.wasGeneratedBy
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"}
_BARE = {
    ns.XSD.integer: re.compile(r"[+-]?[0-9]+\Z"),
    ns.XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+\Z"),
    ns.XSD.boolean: re.compile(r"(true|false)\Z"),
}


def _escape(m: re.Match) -> str:
    return _ESCAPES.get(m[0]) or f"\\u{ord(m[0]):04X}"


class _Terms:
    """The Turtle text of RDF terms, cached: prefixed names where a prefix fits.

    >>> t = _Terms()
    >>> t(KG.source), t(Literal(3)), t(Literal('say "hi"\\n')), t(URIRef("urn:x y"))
    ('kg:source', '3', '"say \\\\"hi\\\\"\\\\n"', '<urn:x\\\\u0020y>')
    """

    def __init__(self) -> None:
        self.namespaces = sorted(
            ((str(v), k) for k, v in PREFIXES.items()), key=lambda x: -len(x[0])
        )
        self.cache: dict[Any, str] = {RDF.type: "a", RDF.nil: "()"}

    def __call__(self, term: Any) -> str:
        text = self.cache.get(term)
        if text is None:
            text = self.cache[term] = self._format(term)
        return text

    def _format(self, term: Any) -> str:
        if isinstance(term, Literal):
            lex, dt = str(term), term.datatype
            bare = _BARE.get(dt)
            if bare is not None and bare.match(lex):
                return lex
            text = '"' + _STRING_BAD.sub(_escape, lex) + '"'
            if term.language:
                return f"{text}@{term.language}"
            return text if dt is None or dt == _XSD_STRING else f"{text}^^{self(dt)}"
        if isinstance(term, BNode):
            label = str(term)
            ok = _BNODE_LABEL.match(label)
            return "_:" + (label if ok else "b" + hashlib.sha1(label.encode()).hexdigest())
        iri = str(term)
        for namespace, prefix in self.namespaces:
            if iri.startswith(namespace) and _PN_LOCAL.match(iri, len(namespace)):
                return f"{prefix}:{iri[len(namespace) :]}"
        return "<" + _IRI_BAD.sub(lambda m: f"\\u{ord(m[0]):04X}", iri) + ">"


def _statements(triples: set[Triple], term: _Terms, indent: str = "") -> Iterator[str]:
    """Turtle statements (one per subject, sorted) of a set of triples."""
    by_subject: dict[Any, dict[Any, list]] = {}
    bnodes: list[tuple[Any, Any]] = []  # (predicate, object) with a blank node object
    for s, p, o in triples:
        props = by_subject.get(s)
        if props is None:
            props = by_subject[s] = {}
        objs = props.get(p)
        if objs is None:
            props[p] = [o]
        else:
            objs.append(o)
        if type(o) is BNode:  # (isinstance is slow on rdflib's terms)
            bnodes.append((p, o))
    lists: dict[Any, list] = {}  # head cell -> items, for well-formed rdf:Lists
    inline: set[Any] = set()
    refs: dict[Any, int] = {}
    for _, o in bnodes:
        refs[o] = refs.get(o, 0) + 1
    for p, o in bnodes:
        if p == _REST or o in lists:
            continue
        cells, items, cell = [], [], o
        while isinstance(cell, BNode) and cell not in cells:
            cp = by_subject.get(cell, {})
            first, rest = cp.get(_FIRST, ()), cp.get(_REST, ())
            if (
                len(cp) != 2
                or len(first) != 1
                or len(rest) != 1
                or refs.get(cell) != 1
                or isinstance(first[0], BNode)
            ):
                break
            cells.append(cell)
            items.append(first[0])
            cell = rest[0]
        if cell == _NIL and cells:
            lists[o] = items
            inline.update(cells)

    def obj(o: Any) -> str:
        items = lists.get(o)
        return term(o) if items is None else "( " + " ".join(map(term, items)) + " )"

    if not lists:
        obj = term  # noqa: F811 (the common case: no collection to draw)
    pad = f" ;\n{indent}    "
    named = [(term(s), s) for s in by_subject if s not in inline]
    named.sort()
    for text, s in named:
        lines = []
        for pt, objs in sorted((term(p), objs) for p, objs in by_subject[s].items()):
            if len(objs) == 1:
                lines.append(f"{pt} {obj(objs[0])}")
            else:
                lines.append(f"{pt} {', '.join(sorted(map(obj, objs)))}")
        if lines[0][:2] != "a " and any(x[:2] == "a " for x in lines):  # "a" (rdf:type) first
            lines.sort(key=lambda x: x[:2] != "a ")
        yield f"{indent}{text} " + pad.join(lines) + " .\n"


def _prefix_lines() -> str:
    return "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items()) + "\n"


def _turtle(graphs: dict[URIRef | None, set]) -> Iterator[str]:
    """The union of the graphs as Turtle text, in pieces."""
    term = _Terms()
    yield _prefix_lines()
    union: set[Triple] = set().union(*graphs.values())
    for statement in _statements(union, term):
        yield statement + "\n"


def _trig(graphs: dict[URIRef | None, set]) -> Iterator[str]:
    """The graphs as TriG text, in pieces: the default graph first, then each named one."""
    term = _Terms()
    yield _prefix_lines()
    for name in sorted(graphs, key=lambda n: "" if n is None else term(n)):
        if not graphs[name]:
            continue
        yield "{\n" if name is None else f"{term(name)} {{\n"
        yield "\n".join(_statements(graphs[name], term, "    "))
        yield "}\n\n"


class _FullTerms(_Terms):
    """The N-Triples/N-Quads text of RDF terms: full IRIs, every literal quoted and typed.

    >>> t = _FullTerms()
    >>> t(KG.source), t(Literal(3)), t(RDF.type)
    ('<https://w3id.org/kgraph/ns#source>', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>')
    """

    def __init__(self) -> None:
        self.namespaces = []
        self.cache = {}

    def _format(self, term: Any) -> str:
        if isinstance(term, Literal):
            text = '"' + _STRING_BAD.sub(_escape, str(term)) + '"'
            if term.language:
                return f"{text}@{term.language}"
            dt = term.datatype
            return text if dt is None or dt == _XSD_STRING else f"{text}^^{self(dt)}"
        return super()._format(term)


def _nquads(graphs: dict[URIRef | None, set]) -> Iterator[str]:
    """The graphs as N-Quads, one sorted block of lines per graph (default graph first)."""
    term = _FullTerms()
    for name in sorted(graphs, key=lambda n: "" if n is None else term(n)):
        end = " .\n" if name is None else f" {term(name)} .\n"
        yield "".join(sorted(f"{term(s)} {term(p)} {term(o)}{end}" for s, p, o in graphs[name]))


class _JsonTerms(_Terms):
    """Terms as JSON-LD strings: compact IRIs where a prefix fits, else the IRI itself."""

    def __init__(self) -> None:
        super().__init__()
        self.cache = {}

    def _format(self, term: Any) -> str:
        text = super()._format(term)
        return str(term) if isinstance(term, URIRef) and text.startswith("<") else text


def _json_escape(m: re.Match) -> str:
    return f"\\u{ord(m[0]):04X}"


def _json_order(v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        return ("", v)
    return (v.get("@id", ""), v.get("@value", ""), v.get("@type", ""), v.get("@language", ""))


def _jsonld(graphs: dict[URIRef | None, set]) -> Iterator[str]:
    """The graphs as JSON-LD: kgraph's prefixes as the ``@context``, one ``@graph`` per
    named graph (the default graph's nodes at the top level), literals with their exact
    lexical form and datatype."""
    term = _JsonTerms()

    values: dict[Any, Any] = {}

    def value(o: Any) -> Any:
        v = values.get(o)
        if v is not None:
            return v
        if not isinstance(o, Literal):
            v = {"@id": term(o)}
        elif o.language:
            v = {"@value": str(o), "@language": o.language}
        else:
            dt = o.datatype
            v = str(o) if dt is None or dt == _XSD_STRING else {"@value": str(o), "@type": term(dt)}
        values[o] = v
        return v

    def nodes(triples: set[Triple]) -> list[dict[str, Any]]:
        by_subject: dict[Any, dict[str, list]] = {}
        for s, p, o in triples:
            props = by_subject.get(s)
            if props is None:
                props = by_subject[s] = {}
            if p == _TYPE and not isinstance(o, Literal):
                k, v = "@type", term(o)
            else:
                k, v = term(p), value(o)
            vs = props.get(k)
            if vs is None:
                props[k] = [v]
            else:
                vs.append(v)
        out = []
        for text, s in sorted((term(s), s) for s in by_subject):
            props = by_subject[s]
            node: dict[str, Any] = {"@id": text}
            if "@type" in props:
                node["@type"] = sorted(props.pop("@type"))
            for k in sorted(props):
                vs = props[k]
                node[k] = vs if len(vs) == 1 else sorted(vs, key=_json_order)
            out.append(node)
        return out

    # one node per line (json's C encoder; indent= would use its slow Python one).  C1
    # controls and line separators are escaped too (legal raw, but binary to most tools);
    # the Turtle family's writers escape them in _Terms.
    encode = json.JSONEncoder(ensure_ascii=False).encode

    def dump(v: Any) -> str:
        return _CONTROL.sub(_json_escape, encode(v))

    context = {k: str(v) for k, v in PREFIXES.items()}
    yield '{"@context": ' + dump(context) + ',\n "@graph": ['
    sep = "\n  "
    for node in nodes(graphs.get(None, set())):
        yield sep + dump(node)
        sep = ",\n  "
    for name in sorted((n for n in graphs if n is not None), key=term):
        if graphs[name]:
            yield f'{sep}{{"@id": {dump(term(name))}, "@graph": ['
            inner = "\n   "
            for node in nodes(graphs[name]):
                yield inner + dump(node)
                inner = ",\n   "
            yield "]}"
            sep = ",\n  "
    yield "]}\n"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while triples are made and written: they hold no
    cycles, and its passes over the hundreds of thousands of tuples a corpus makes took a
    quarter to a third of the writing time (benchmarks/throughput.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write(path: str | os.PathLike[str], pieces: Iterable[str]) -> Path:
    """Write text pieces to a temporary file beside ``path``, then rename it over ``path``."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as fh:
            for text in pieces:
                fh.write(text.encode("utf-8"))
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise
    return path


def write_rdf(
    G: nx.MultiDiGraph,
    *,
    turtle: str | os.PathLike[str] | None = None,
    trig: str | os.PathLike[str] | None = None,
    nquads: str | os.PathLike[str] | None = None,
    jsonld: str | os.PathLike[str] | None = None,
    run: dict[str, Any] | None = None,
) -> list[Path]:
    """Write the Turtle, TriG, N-Quads and/or JSON-LD files of a graph, converting it to
    triples once (``kgraph build`` writes several).

    Equivalent to :func:`write_turtle`, :func:`write_trig`, :func:`write_nquads` and
    :func:`write_jsonld` called one after the other, at a fraction of the cost.

    Returns:
        The paths written.
    """
    out = []
    with _collector_paused():
        graphs = _triples(G, run)
        for path, writer in (
            (turtle, _turtle),
            (trig, _trig),
            (nquads, _nquads),
            (jsonld, _jsonld),
        ):
            if path is not None:
                out.append(_write(path, writer(graphs)))
    return out


def graph_triples(
    G: nx.MultiDiGraph, *, run: dict[str, Any] | None = None
) -> dict[URIRef | None, set]:
    """The triples of :func:`to_rdf`, per graph: document IRI (None: default graph) -> set."""
    return _triples(G, run)


def write_jsonld(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, run: dict[str, Any] | None = None
) -> Path:
    """Write :func:`to_rdf` as JSON-LD (one ``@graph`` per document, kgraph's prefixes as
    the ``@context``); as :func:`write_turtle`."""
    return write_rdf(G, jsonld=path, run=run)[0]


def write_turtle(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, run: dict[str, Any] | None = None
) -> Path:
    """Write the union of all documents' graphs as one Turtle file.

    Args:
        G: The network, as for :func:`to_rdf`.
        path: The file to write.  It is replaced atomically: on any error an existing
            file is left as it was and no temporary file remains.
        run: As for :func:`to_rdf`.

    Returns:
        The path written.

    Raises:
        OutputError: The file cannot be written (or some text is not valid Unicode).
    """
    return write_rdf(G, turtle=path, run=run)[0]


def write_trig(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, run: dict[str, Any] | None = None
) -> Path:
    """Write :func:`to_rdf` as TriG, one named graph per document; as :func:`write_turtle`."""
    return write_rdf(G, trig=path, run=run)[0]


def write_nquads(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, run: dict[str, Any] | None = None
) -> Path:
    """Write :func:`to_rdf` as N-Quads, one graph per document; as :func:`write_turtle`."""
    return write_rdf(G, nquads=path, run=run)[0]


def read_rdf(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Load a kgraph RDF file back into a network.

    Args:
        path: A .ttl/.turtle, .trig, .nq, .nt or .jsonld file; the extension picks the parser.

    Returns:
        The network, as :func:`from_rdf` rebuilds it.

    Raises:
        InputError: Unknown extension, unreadable file, or a file that does not parse (the
            one-line message names the file, and the line when the parser says).
    """
    return from_rdf(parse_rdf(path))


def parse_rdf(path: str | os.PathLike[str]) -> Graph | Dataset:
    """Parse an RDF file: a Graph for Turtle and N-Triples, a Dataset for the others.

    Raises:
        InputError: As for :func:`read_rdf`.
    """
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: cannot tell the RDF syntax from the extension "
            f"{path.suffix!r}; expected one of {', '.join(_FORMATS)}"
        )
    data = Graph() if fmt in ("turtle", "nt") else Dataset()
    try:
        with open(path, "rb") as fh:
            data.parse(file=fh, format=fmt)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except Exception as exc:  # any parser failure means the file is not valid RDF
        line = getattr(exc, "lines", None)
        line = line + 1 if isinstance(line, int) else getattr(exc, "lineno", None)
        why = " ".join(str(getattr(exc, "_why", None) or exc).split())[:200]
        where = f", line {line}" if line else ""
        raise InputError(f"{path}{where}: not valid {fmt} RDF: {why}") from exc
    return data


def ontology() -> Graph:
    """kgraph's ontology (event types, roles, shortcut predicates) as an rdflib graph."""
    graph = _bind(Graph())
    with resources.files("kgraph").joinpath("data/ontology.ttl").open("rb") as fh:
        return graph.parse(file=fh, format="turtle")
