"""Stage 6: a knowledge graph that grows: an on-disk store, a SPARQL server, and SPARQL.

A kgraph store holds one named graph per document (as in the TriG file) with, in that
graph, the document's extraction record (``doc kg:record "<JSON>"``), and their union in
the default graph (what ``graph.ttl`` holds, records aside): a query without ``GRAPH``
sees each triple once, ``GRAPH ?g`` tells which documents say it.  Adding documents
merges them with the records already there (:func:`kgraph.graph.build_graph`), so actors
and events are merged across everything the store holds; a document already in the store
is replaced; removing one merges the rest again, so nothing only it supported remains.
Only the quads that changed are written, in bulk.

Two back ends with the same methods: :class:`LocalStore` (pyoxigraph, embedded, on disk)
and :class:`Endpoint` (any SPARQL 1.1 server over HTTP, e.g. ``oxigraph serve``).  kgraph
owns the default graph and the document graphs; other named graphs are left alone.

>>> db = LocalStore(None)  # in memory
>>> from kgraph.records import Actor, DocumentResult
>>> change = update_store(db, [DocumentResult("d1", (Actor("egypt", "Egypt", "country"),))])
>>> change.added, sorted(db.records())
(['d1'], ['d1'])
>>> [row["n"].value for row in db.query("SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Actor }")]
['1']
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import InputError, KGraphError, OutputError
from .records import DocumentResult

__all__ = [
    "Change",
    "Endpoint",
    "LocalStore",
    "check_offline",
    "check_read_only",
    "format_results",
    "query_kind",
    "store_dataset",
    "store_graph",
    "update_store",
]

#: The first keyword of each kind of SPARQL request.
READ = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
WRITE = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?i:PREFIX)\s*[\w.-]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*")
#: Where the store's blank nodes are skolemised (RDF 1.1 section 3.5).
GENID = "https://w3id.org/kgraph/.well-known/genid/"
_RECORDS = """SELECT ?g ?r WHERE { GRAPH ?g { ?d <https://w3id.org/kgraph/ns#record> ?r } }"""


def query_kind(sparql: str) -> str:
    """The first keyword of a SPARQL request after its prologue, upper-cased.

    >>> query_kind("PREFIX kg: <https://w3id.org/kgraph/ns#>  # who?\\n select * {}")
    'SELECT'
    >>> query_kind("DROP ALL")
    'DROP'
    """
    m = re.match(r"[A-Za-z]+", sparql[_PROLOGUE.match(sparql).end() :])
    return m[0].upper() if m else ""


def check_read_only(sparql: str) -> str:
    """The kind of a read-only query; an update or anything else raises InputError."""
    kind = query_kind(sparql)
    if kind in WRITE:
        raise InputError(
            f"this SPARQL request is an update ({kind}); kgraph query is read-only unless "
            "--update is given"
        )
    if kind not in READ:
        raise InputError(
            f"not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE, got "
            f"{kind or sparql.strip()[:20]!r}"
        )
    return kind


#: What can hide a keyword: strings, IRIs and comments.
_OPAQUE = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)


def check_offline(sparql: str) -> None:
    """Refuse ``SERVICE`` (a federated query fetches from other servers: kgraph runs offline).

    >>> check_offline('SELECT * { ?s ?p "SERVICE" } # SERVICE <http://x>')
    >>> check_offline("SELECT * { service <http://x/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    kgraph.errors.InputError: SERVICE would fetch data from another server, and kgraph query runs offline; query that server itself (kgraph query --endpoint URL)
    """
    if re.search(r"(?i)\bSERVICE\b", _OPAQUE.sub(" ", sparql)):
        raise InputError(
            "SERVICE would fetch data from another server, and kgraph query runs offline; "
            "query that server itself (kgraph query --endpoint URL)"
        )


# ------------------------------------------------------------------ terms
def to_ox(term: Any) -> Any:
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        dt = term.datatype
        return ox.Literal(str(term), datatype=None if dt is None else ox.NamedNode(str(dt)))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


def from_ox(term: Any) -> Any:
    """A pyoxigraph term as an rdflib term (xsd:string literals become plain ones)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=None if dt.endswith("#string") else URIRef(dt))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return URIRef(term.value)


def _prefixes() -> dict[str, str]:
    from .rdf import PREFIXES

    return {k: str(v) for k, v in PREFIXES.items()}


def _nt(term: Any) -> str:
    """The N-Triples text of an rdflib term (kgraph's IRIs need no escaping; blank nodes, the
    cells of role lists, are skolemised as RDF 1.1 says, so that the store can load text)."""
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        text = json.dumps(str(term), ensure_ascii=False)  # JSON's escapes are N-Triples ones
        if term.language:
            return f"{text}@{term.language}"
        dt = term.datatype
        return text if dt is None or str(dt).endswith("#string") else f"{text}^^<{dt}>"
    return f"<{GENID}{term}>" if isinstance(term, BNode) else f"<{term}>"


def dataset_lines(graphs: dict[Any, set], records: dict[str, str]) -> dict[str | None, list]:
    """N-Triples statements per graph IRI (None: the default graph) of what a store holds:
    :func:`kgraph.rdf.graph_triples`, their union as the default graph (the merged Turtle:
    SPARQL without GRAPH sees each triple once) and each document's record."""
    from rdflib import Literal

    from .rdf import KG, resource_iri

    cache: dict[Any, str] = {}

    def nt(t: Any) -> str:
        text = cache.get(t)
        if text is None:
            text = cache[t] = _nt(t)
        return text

    out: dict[str | None, list] = {}
    union: set[str] = set()
    for g, triples in graphs.items():
        lines = [f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in triples]
        union.update(lines)
        if g is not None:
            out[str(g)] = lines
    out[None] = sorted(union)
    for doc_id, record in records.items():
        d = str(resource_iri("doc", doc_id))
        out.setdefault(d, []).append(f"<{d}> <{KG.record}> {_nt(Literal(record))}")
    return out


def _nquads(lines: dict[str | None, Iterable[str]]) -> str:
    return "".join(
        f"{t} .\n" if g is None else f"{t} <{g}> .\n" for g, ts in lines.items() for t in ts
    )


def _data(lines: dict[str | None, Iterable[str]]) -> str:
    """The body of an INSERT DATA or DELETE DATA request."""
    return "".join(
        "".join(f"{t} .\n" for t in ts)
        if g is None
        else f"GRAPH <{g}> {{\n" + "".join(f"{t} .\n" for t in ts) + "}\n"
        for g, ts in lines.items()
        if ts
    )


def _dump(store: Any, graphs: Iterable[Any]) -> dict[str | None, set[str]]:
    """The N-Triples statements of some graphs of a store, as the store writes them."""
    import pyoxigraph as ox

    out: dict[str | None, set[str]] = {}
    for g in graphs:
        text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode("utf-8")
        key = None if isinstance(g, ox.DefaultGraph) else g.value
        # "\n" only: literals hold U+2028, U+0085 and other line breaks raw in N-Triples
        out[key] = {line[:-2] for line in text.split("\n") if line}
    return out


# ------------------------------------------------------------------ back ends
class LocalStore:
    """An embedded pyoxigraph store in ``path`` (``None``: in memory)."""

    def __init__(self, path: str | os.PathLike[str] | None, *, read_only: bool = False) -> None:
        import pyoxigraph as ox

        self.path = path
        try:
            if path is None:
                self.store = ox.Store()
            elif read_only:
                if not (Path(path) / "CURRENT").is_file():
                    raise InputError(
                        f"{path}: not a kgraph store; create one with kgraph build INPUT "
                        f"--store {path}"
                    )
                self.store = ox.Store.read_only(str(path))
            else:
                p = Path(path)
                if p.exists() and any(p.iterdir()) and not (p / "CURRENT").is_file():
                    raise OutputError(
                        f"{path}: exists and is not a kgraph store; give a new or empty directory"
                    )
                self.store = ox.Store(str(path))
        except OSError as exc:
            why = " ".join(str(exc).split())[:200]
            raise OutputError(
                f"cannot open the store {path}: {why} (is another kgraph using it?)"
            ) from exc

    def records(self) -> dict[str, str]:
        """Document id -> its JSON extraction record, for every document in the store."""
        return {_doc_id(row["r"].value): row["r"].value for row in self.store.query(_RECORDS)}

    def write(self, lines: dict[str | None, list]) -> tuple[int, int]:
        """Make the default graph and kgraph's document graphs hold exactly ``lines``
        (:func:`dataset_lines`); other named graphs are left alone.  Only the quads that
        differ are written, in one transaction (all of them into an empty store).

        Returns:
            (quads added, quads removed).
        """
        import pyoxigraph as ox

        text = _nquads(lines)
        ours = {row["g"] for row in self.store.query(_RECORDS)}
        if (
            not ours
            and next(self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()), 0) == 0
        ):
            # a new store: in one transaction too (not bulk_load, which a kill can cut in
            # half); the text is in memory already
            self.store.load(text, format=ox.RdfFormat.N_QUADS)
            self.store.flush()
            return text.count("\n"), 0
        staged = ox.Store()  # the new content, in the store's canonical form
        staged.bulk_load(text, format=ox.RdfFormat.N_QUADS)
        ours |= {ox.DefaultGraph(), *staged.named_graphs()}
        new, old = _dump(staged, ours), _dump(self.store, ours)
        add = {g: new.get(g, set()) - old.get(g, set()) for g in new}
        remove = {g: old[g] - new.get(g, set()) for g in old}
        if any(add.values()) or any(remove.values()):
            self.update(f"DELETE DATA {{\n{_data(remove)}}} ;\nINSERT DATA {{\n{_data(add)}}}")
        self.store.flush()
        return sum(map(len, add.values())), sum(map(len, remove.values()))

    def query(self, sparql: str) -> Any:
        """Run a read-only SPARQL query (kgraph's prefixes are predeclared)."""
        try:
            return self.store.query(sparql, prefixes=_prefixes())
        except SyntaxError as exc:
            raise InputError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from None
        except OSError as exc:
            raise KGraphError(f"query failed: {' '.join(str(exc).split())}") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL update, in one transaction."""
        try:
            self.store.update(sparql, prefixes=_prefixes())
        except SyntaxError as exc:
            raise InputError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from None
        except OSError as exc:
            raise OutputError(f"update failed: {' '.join(str(exc).split())}") from None

    def quads(self) -> Iterator[Any]:
        """Every quad of the store."""
        return iter(self.store)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> LocalStore:
        """An in-memory store holding an RDF file (.ttl, .trig, .nq, .nt, .jsonld)."""
        import pyoxigraph as ox

        fmt = _rdf_format(path)
        db = cls(None)
        try:
            db.store.load(path=str(path), format=fmt)
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
        except (SyntaxError, ValueError) as exc:
            why = " ".join(str(exc).split())[:200]
            raise InputError(f"{path}: not valid {fmt.name} RDF: {why}") from None
        db.file_format = fmt
        db.single = not fmt.supports_datasets
        db.default = ox.DefaultGraph()
        if not db.single:  # the union of the named graphs is the default graph, as in a store
            db.store.extend([ox.Quad(q.subject, q.predicate, q.object) for q in db.store])
        return db

    def save_file(self, path: str | os.PathLike[str]) -> Path:
        """Write the store back to the file it was read from, atomically."""
        from .textin import atomic_write

        fmt = self.file_format
        if self.single and next(iter(self.store.named_graphs()), None) is not None:
            raise OutputError(
                f"{path}: the update wrote named graphs, which a {fmt.name} file cannot hold; "
                "query a .trig or .nq file instead"
            )
        if not self.single:  # the default graph was only the union view
            self.store.clear_graph(self.default)
        data = self.store.dump(
            format=fmt, from_graph=self.default if self.single else None, prefixes=_prefixes()
        )
        return atomic_write(path, data)


class Endpoint:
    """A SPARQL 1.1 server.  ``url`` is its query URL, or its base URL: ``.../query`` and
    ``.../update`` are used then (Oxigraph's and Fuseki's layout)."""

    def __init__(self, url: str, *, update_url: str | None = None, timeout: float = 120) -> None:
        base = url.rstrip("/")
        if base.endswith("/query"):
            self.query_url, default_update = base, base[: -len("/query")] + "/update"
        elif base.endswith("/sparql"):
            self.query_url = default_update = base
        else:
            self.query_url, default_update = base + "/query", base + "/update"
        self.update_url = update_url or default_update
        self.timeout = timeout

    def _post(self, url: str, body: str, content_type: str, accept: str = "*/*") -> bytes:
        req = urllib.request.Request(
            url,
            data=body.encode("utf-8"),
            headers={"Content-Type": content_type, "Accept": accept},
            method="POST",
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:200]
            raise KGraphError(
                f"SPARQL endpoint {url} refused the request: {exc.code} {detail}"
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            why = getattr(exc, "reason", exc)
            raise KGraphError(f"cannot reach the SPARQL endpoint {url}: {why}") from None

    def query(self, sparql: str) -> Any:
        """Run a query on the server; results as pyoxigraph objects, like :class:`LocalStore`."""
        import pyoxigraph as ox

        declared = set(re.findall(r"(?i)PREFIX\s*([\w.-]*):", sparql))
        prologue = "".join(
            f"PREFIX {k}: <{v}>\n" for k, v in _prefixes().items() if k not in declared
        )
        if query_kind(sparql) in ("CONSTRUCT", "DESCRIBE"):
            data = self._post(
                self.query_url, prologue + sparql, "application/sparql-query",
                "application/n-triples",
            )  # fmt: skip
            return [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
        data = self._post(
            self.query_url, prologue + sparql, "application/sparql-query",
            "application/sparql-results+json",
        )  # fmt: skip
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the server."""
        declared = set(re.findall(r"(?i)PREFIX\s*([\w.-]*):", sparql))
        prologue = "".join(
            f"PREFIX {k}: <{v}>\n" for k, v in _prefixes().items() if k not in declared
        )
        self._post(self.update_url, prologue + sparql, "application/sparql-update")

    def records(self) -> dict[str, str]:
        """Document id -> JSON record, for every kgraph document on the server."""
        return {_doc_id(row["r"].value): row["r"].value for row in self.query(_RECORDS)}

    def write(self, lines: dict[str | None, list]) -> tuple[int, int]:
        """Replace the default graph and kgraph's document graphs on the server by
        ``lines`` (:func:`dataset_lines`), in one request (one transaction on Oxigraph).

        Returns:
            (quads sent, document graphs dropped before).
        """
        graphs = {row["g"].value for row in self.query(_RECORDS)}
        drops = "DROP SILENT DEFAULT ;\n" + "".join(
            f"DROP SILENT GRAPH <{g}> ;\n" for g in sorted(graphs | (set(lines) - {None}))
        )
        self.update(drops + "INSERT DATA {\n" + _data(lines) + "}")
        return sum(map(len, lines.values())), len(graphs)

    def quads(self) -> Iterator[Any]:
        """Every quad of the server (named graphs and default graph)."""
        import pyoxigraph as ox

        rows = self.query(
            "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        )
        for row in rows:
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"] or ox.DefaultGraph())


def _rdf_format(path: str | os.PathLike[str]) -> Any:
    import pyoxigraph as ox

    ext = Path(path).suffix.lower().lstrip(".")
    fmt = {"turtle": ox.RdfFormat.TURTLE}.get(ext) or ox.RdfFormat.from_extension(ext)
    if fmt is None or ext in ("n3", "rdf", "xml", "owl"):
        raise InputError(
            f"{path}: cannot tell the RDF syntax from the extension {Path(path).suffix!r}; "
            "expected .ttl, .trig, .nq, .nt or .jsonld"
        )
    return fmt


def _doc_id(record: str) -> str:
    try:
        return str(json.loads(record)["doc_id"])
    except (ValueError, KeyError, TypeError):
        raise InputError("a kg:record in the store is not a kgraph document record") from None


# ------------------------------------------------------------------ writing documents
@dataclass
class Change:
    """What :func:`update_store` did."""

    graph: nx.MultiDiGraph
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    quads_added: int = 0
    quads_removed: int = 0


def update_store(
    db: LocalStore | Endpoint,
    results: Iterable[DocumentResult] = (),
    *,
    remove: Iterable[str] = (),
    merge: bool = True,
    window_days: int = 1,
    run: dict[str, Any] | None = None,
) -> Change:
    """Add, replace or remove documents, and merge the store's corpus again.

    Args:
        db: The store or server.
        results: Documents to add; one whose id is in the store replaces it.
        remove: Ids of documents to retract.
        merge, window_days: As for :func:`kgraph.graph.build_graph`.
        run: As for :func:`kgraph.rdf.to_rdf`.

    Returns:
        The merged graph of the whole store and what changed.

    Raises:
        InputError: A document to remove is not in the store.
    """
    from .graph import build_graph
    from .rdf import graph_triples

    records = db.records()
    change = Change(nx.MultiDiGraph())
    for doc_id in remove:
        if doc_id not in records:
            known = ", ".join(sorted(records)[:5]) + (", ..." if len(records) > 5 else "")
            raise InputError(
                f"no document {doc_id!r} in the store (it holds {len(records)}: {known or '-'})"
            )
        del records[doc_id]
        change.removed.append(doc_id)
    for res in results:
        (change.replaced if res.doc_id in records else change.added).append(res.doc_id)
        records[res.doc_id] = json.dumps(res.to_dict(), ensure_ascii=False, sort_keys=True)
    docs = [DocumentResult.from_dict(json.loads(records[k])) for k in sorted(records)]
    change.graph = build_graph(docs, merge=merge, window_days=window_days)
    lines = dataset_lines(graph_triples(change.graph, run=run), records)
    change.quads_added, change.quads_removed = db.write(lines)
    return change


def store_graph(db: LocalStore | Endpoint) -> nx.MultiDiGraph:
    """The network held in a store, as :func:`kgraph.rdf.from_rdf` rebuilds it."""
    from .rdf import from_rdf

    return from_rdf([tuple(map(from_ox, (q.subject, q.predicate, q.object))) for q in db.quads()])


def store_dataset(db: LocalStore | Endpoint):
    """The store's content as an rdflib Dataset (one graph per document), e.g. to validate."""
    import pyoxigraph as ox
    from rdflib import Dataset

    ds = Dataset()
    graphs: dict[Any, Any] = {}
    for q in db.quads():
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
        g = graphs.get(name)
        if g is None:
            g = graphs[name] = ds.default_graph if name is None else ds.graph(from_ox(name))
        g.add(tuple(map(from_ox, (q.subject, q.predicate, q.object))))
    return ds


# ------------------------------------------------------------------ results
def _cell(term: Any, short: bool) -> Any:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if short:
        for prefix, namespace in sorted(_prefixes().items(), key=lambda kv: -len(kv[1])):
            local = term.value[len(namespace) :]
            if term.value.startswith(namespace) and re.fullmatch(r"[\w.-]*", local):
                return f"{prefix}:{local}"
    return term.value


def _json_term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif not term.datatype.value.endswith("#string"):
            out["datatype"] = term.datatype.value
        return out
    kind = "bnode" if isinstance(term, ox.BlankNode) else "uri"
    return {"type": kind, "value": term.value}


_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _shown(text: str) -> str:
    """A table cell for the terminal: control and bidi-override characters escaped."""
    return _UNSHOWN.sub(lambda m: repr(m[0])[1:-1], text)


def format_results(results: Any, fmt: str = "table", *, width: int = 60) -> str:
    """Query results as text: an aligned ``table`` (prefixed names, long cells cut to
    ``width``), ``csv`` (full values; text a spreadsheet would run as a formula is
    neutralised) or ``json`` (the SPARQL 1.1 JSON results format).  CONSTRUCT and DESCRIBE
    results are rows of subject, predicate, object; ASK gives true or false."""
    import pyoxigraph as ox

    from .export import safe_cell

    if isinstance(results, ox.QueryBoolean | bool):
        value = bool(results)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": value}) + "\n"
        return ("boolean\n" if fmt == "csv" else "") + str(value).lower() + "\n"
    if isinstance(results, ox.QuerySolutions):
        names = [v.value for v in results.variables]
        rows = [[row[n] for n in names] for row in results]
    else:
        names = ["subject", "predicate", "object"]
        rows = [[t.subject, t.predicate, t.object] for t in results]
    if fmt == "json":
        bindings = [
            {n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None}
            for row in rows
        ]
        doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180, as SPARQL CSV results
        w.writerow(names)
        for row in rows:
            w.writerow(
                [
                    safe_cell(_cell(t, False)) if isinstance(t, ox.Literal) else _cell(t, False)
                    for t in row
                ]
            )
        return buf.getvalue()
    cells = [[_shown(" ".join(str(_cell(t, True)).split())) for t in row] for row in rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(n), *(len(r[i]) for r in cells)]) for i, n in enumerate(names)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in [names, ["-" * w for w in widths], *cells]
    ]
    return "\n".join(lines) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
