"""Interactive views: an offline, self-contained HTML map and a Jupyter widget.

``to_html`` draws the same map as :func:`kgraph.render.draw_map` (same layout, same aggregated
arrows) as inline SVG.  Hovering an arrow shows the events behind it with their sentences
(trigger highlighted), document and date; clicking pins them; clicking an actor shows its
names and kind.  Mouse wheel zooms, dragging pans, the search box finds an actor.  The page
loads nothing from the network: no CDN, no fonts, no images.  Every name and sentence is
HTML-escaped in the SVG; the data the script reads sits in a JSON block whose ``<``, ``>`` and
``&`` are escaped, and the script only ever sets ``textContent``.

``notebook_view`` returns an ipysigma widget when ipysigma is installed (the ``notebook`` extra)
and otherwise the HTML page in an iframe, both offline.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", label="<b>A & Co</b>", type="organisation")
>>> G.add_node("b", label='B "the second"', type="person")
>>> _ = G.add_edge("a", "b", key="e1", predicate="met", quad="verbal_coop")
>>> page = to_html(G)
>>> "<b>A" in page, "&lt;b&gt;A &amp; Co&lt;/b&gt;" in page, "https://" in page
(False, True, False)
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import OutputError
from .filters import event_date
from .render import QUAD_COLOURS, TYPE_COLOURS, TYPE_MARKERS, _title, map_layout

__all__ = ["notebook_view", "save_html", "to_html"]

_W, _H, _PAD = 1120.0, 800.0, 40.0  # SVG user units: the map, and a margin for names

_CSS = """
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222}
header{padding:8px 16px;border-bottom:1px solid #ddd}
h1{font-size:17px;margin:0} .notes{margin:2px 0 0;color:#555}
#wrap{display:flex;height:calc(100vh - 64px);min-height:420px}
#map{flex:1;min-width:0;cursor:grab;background:#fff}
aside{width:32%;min-width:260px;overflow:auto;padding:8px 14px;border-left:1px solid #ddd;background:#fafafa}
aside h2{font-size:15px;margin:6px 0} aside h3{font-size:13px;margin:10px 0 2px}
blockquote{margin:4px 0 10px;padding:4px 8px;border-left:3px solid #bbb;background:#fff}
mark{background:#ffe58a} .meta{color:#555;font-size:12px} .help{color:#666}
#find{width:100%;box-sizing:border-box;margin:4px 0 8px;padding:4px}
.edge{fill:none;cursor:pointer} .edge:hover,.edge.on{stroke-opacity:1;filter:drop-shadow(0 0 2px #000)}
.hit{fill:none;stroke:transparent;stroke-width:12;cursor:pointer}
.elabel{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;pointer-events:none}
.node{cursor:pointer;stroke:#333;stroke-width:1} .name{font-size:13px;paint-order:stroke;
stroke:#fff;stroke-width:3px;pointer-events:none} .dim{opacity:.15} .found{stroke:#000;stroke-width:3}
.legend{font-size:12px}
"""

# The page's script: builds the side panel with textContent only (never innerHTML).
_JS = r"""
(() => {
const data = JSON.parse(document.getElementById("kgraph-data").textContent);
const svg = document.getElementById("map"), panel = document.getElementById("events");
const help = panel.innerHTML;
let pinned = null;
const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
};
function sentence(ev) {
  const q = el("blockquote"), s = ev.sentence || "", [a, b] = ev.trigger || [-1, -1];
  if (a >= 0 && b <= s.length && a < b) {
    q.append(s.slice(0, a), el("mark", s.slice(a, b)), s.slice(b));
  } else q.textContent = s;
  return q;
}
function showEdge(i) {
  const g = data.edges[i];
  panel.replaceChildren(el("h2", `${g.from} ${g.head} ${g.to}: ${g.label}`),
    el("p", `${g.events.length} event(s), ${g.quad}`, "meta"));
  for (const ev of g.events) {
    panel.append(el("h3", `${ev.predicate} [${ev.type}]`));
    panel.append(el("div", [ev.date || "undated", ev.doc, ev.modality,
      ev.quantities].filter(Boolean).join(" · "), "meta"));
    panel.append(sentence(ev), el("div", `event ${ev.id}, rule ${ev.rule}`, "meta"));
  }
}
function showNode(i) {
  const n = data.nodes[i];
  panel.replaceChildren(el("h2", n.label), el("p", `${n.type}, ${n.mentions} mention(s), ` +
    `${n.events} event(s) on this map`, "meta"));
  if (n.aliases.length) panel.append(el("h3", "also called"), el("p", n.aliases.join("; ")));
  if (n.documents.length) panel.append(el("h3", "documents"), el("p", n.documents.join(", ")));
}
function highlight(i) {
  svg.querySelectorAll("[data-u]").forEach(e => {
    const on = i === null || e.dataset.u == i || e.dataset.v == i;
    e.classList.toggle("dim", !on);
  });
}
svg.querySelectorAll(".hit").forEach(p => {
  const i = +p.dataset.edge, line = document.getElementById("edge-" + i);
  p.addEventListener("mouseenter", () => { line.classList.add("on"); if (pinned === null) showEdge(i); });
  p.addEventListener("mouseleave", () => line.classList.remove("on"));
  p.addEventListener("click", ev => { pinned = pinned === i ? null : i; showEdge(i); ev.stopPropagation(); });
});
svg.querySelectorAll(".node").forEach(n => {
  const i = +n.dataset.node;
  n.addEventListener("mouseenter", () => highlight(i));
  n.addEventListener("mouseleave", () => highlight(null));
  n.addEventListener("click", ev => { pinned = "n" + i; showNode(i); ev.stopPropagation(); });
});
svg.addEventListener("click", () => { pinned = null; panel.innerHTML = help; });
document.getElementById("find").addEventListener("input", e => {
  const q = e.target.value.trim().toLowerCase();
  svg.querySelectorAll(".node").forEach(n => {
    const d = data.nodes[+n.dataset.node];
    n.classList.toggle("found", q !== "" && [d.label, ...d.aliases].some(s => s.toLowerCase().includes(q)));
  });
});
let vb = svg.getAttribute("viewBox").split(" ").map(Number), drag = null;  // x y w h
const view = () => svg.setAttribute("viewBox", vb.join(" "));
svg.addEventListener("wheel", e => {
  e.preventDefault();
  const k = e.deltaY > 0 ? 1.15 : 1 / 1.15, r = svg.getBoundingClientRect();
  const x = vb[0] + (e.clientX - r.left) / r.width * vb[2], y = vb[1] + (e.clientY - r.top) / r.height * vb[3];
  vb = [x - (x - vb[0]) * k, y - (y - vb[1]) * k, vb[2] * k, vb[3] * k];
  view();
}, {passive: false});
svg.addEventListener("mousedown", e => { drag = [e.clientX, e.clientY]; });
window.addEventListener("mouseup", () => { drag = null; });
window.addEventListener("mousemove", e => {
  if (!drag) return;
  const r = svg.getBoundingClientRect();
  vb[0] -= (e.clientX - drag[0]) * vb[2] / r.width; vb[1] -= (e.clientY - drag[1]) * vb[3] / r.height;
  drag = [e.clientX, e.clientY];
  view();
});
})();
"""


def _e(text: Any) -> str:
    """HTML-escape text for element content and attribute values (quotes included); control
    characters, which HTML and XML (the inline SVG) forbid, become U+FFFD."""
    return _CONTROL.sub("\ufffd", html.escape(str(text), quote=True))


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _json_block(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for ch, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(ch, code)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m[0]):04x}", text)  # (C0 are escaped)


def _shape(marker: str, x: float, y: float, r: float, attrs: str, inner: str = "") -> str:
    """An SVG element for a matplotlib marker code at (x, y) with radius r (and children)."""
    if marker == "o":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {attrs}>{inner}</circle>'
    sides, turn, star = {
        "s": (4, 45, False), "^": (3, -90, False), "v": (3, 90, False), "D": (4, 0, False),
        "h": (6, 90, False), "p": (5, -90, False), "8": (8, 22.5, False), "*": (5, -90, True),
    }.get(marker, (4, 45, False))  # fmt: skip
    pts = []
    for i in range(sides * (2 if star else 1)):
        a = math.radians(turn + i * 360 / (sides * (2 if star else 1)))
        rr = r * (0.45 if star and i % 2 else 1.0) * (1.15 if sides <= 4 and not star else 1.0)
        pts.append(f"{x + rr * math.cos(a):.1f},{y + rr * math.sin(a):.1f}")
    return f'<polygon points="{" ".join(pts)}" {attrs}>{inner}</polygon>'


def _event_info(G: nx.MultiDiGraph, key: Any, d: dict[str, Any]) -> dict[str, Any]:
    """What the panel shows for one event: sentence, trigger offsets in it, date, document."""
    ev = (G.graph.get("events") or {}).get(key, {})
    sent = ev.get("sentence") or {}
    trig = ev.get("trigger") or {}
    start = sent.get("start", -1)
    offsets = (
        [trig.get("start", -1) - start, trig.get("end", -1) - start] if start >= 0 else [-1, -1]
    )
    doc_id = ev.get("doc_id") or d.get("doc_id") or ""
    doc = (G.graph.get("documents") or {}).get(doc_id) or {}
    date, stated = event_date(G, {**d, **ev})
    quantities = "; ".join(
        f"{q.get('qualifier', 'exact').replace('_', ' ')} {q['value']:,} {q['kind']}".replace("exact ", "")
        for q in ev.get("quantities") or ()
    )  # fmt: skip
    pred = ev.get("predicate") or d.get("predicate") or ""
    return {
        "id": str(key),
        "predicate": f"not {pred}" if (ev.get("negated") or d.get("negated")) else pred,
        "type": ev.get("type") or d.get("type") or "",
        "date": date + ("" if stated or not date else " (published)"),
        "doc": " — ".join(x for x in (str(doc_id), doc.get("title") or "") if x),
        "modality": ev.get("modality") or d.get("modality") or "",
        "quantities": quantities,
        "sentence": (sent.get("text") or "").rstrip(),
        "trigger": offsets,
        "rule": ev.get("rule") or "",
    }


def _quadratic(p0, c, p2, t0: float, t1: float):
    """The piece [t0, t1] of the quadratic Bezier p0 -> c -> p2, as (start, control, end)."""

    def at(t):
        return tuple(
            (1 - t) ** 2 * a + 2 * (1 - t) * t * b + t**2 * e
            for a, b, e in zip(p0, c, p2, strict=True)
        )

    ctrl = tuple(
        a * (1 - t0) * (1 - t1) + b * ((1 - t0) * t1 + t0 * (1 - t1)) + e * t0 * t1
        for a, b, e in zip(p0, c, p2, strict=True)
    )
    return at(t0), ctrl, at(t1)


def _trim(p0, c, p2, r0: float, r2: float) -> tuple[float, float]:
    """Parameters where the curve leaves the circle of radius r0 at p0 and enters r2 at p2."""

    def point(t):
        return [
            (1 - t) ** 2 * a + 2 * (1 - t) * t * b + t**2 * e
            for a, b, e in zip(p0, c, p2, strict=True)
        ]

    def solve(centre, r, lo, hi, leaving):
        for _ in range(30):
            mid = (lo + hi) / 2
            inside = math.dist(point(mid), centre) < r
            lo, hi = (mid, hi) if inside == leaving else (lo, mid)
        return (lo + hi) / 2

    return solve(p0, r0, 0.0, 0.5, True), solve(p2, r2, 0.5, 1.0, False)


def to_html(G: nx.MultiDiGraph, *, title: str | None = None, seed: int = 7) -> str:
    """The map of ``G`` as one self-contained, offline HTML page (a string)."""
    width = _W / _H
    nodes, groups, pos = map_layout(G, width=width, seed=seed)
    scale = _H - 2 * _PAD

    def xy(p):
        return (_PAD + p[0] * scale, _PAD + (1 - p[1]) * scale)

    index = {v: i for i, v in enumerate(nodes)}
    n_events = {v: 0 for v in nodes}
    for g in groups:
        for v in {g["u"], g["v"]}:
            n_events[v] += len(g["events"])
    radius = {
        v: min(22.0, 7 + 2.2 * math.sqrt(G.nodes[v].get("mentions", 0) + n_events[v]))
        for v in nodes
    }
    head = (title if title is not None else _title(G, nodes, groups)).strip()
    notes = "; ".join(G.graph.get("filters") or ())
    svg: list[str] = []
    markers = "".join(
        f'<marker id="head-{q}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
        f'markerHeight="5" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{c}"/></marker>'
        for q, c in QUAD_COLOURS.items()
    )
    svg.append(f"<defs>{markers}</defs>")
    data_edges, labels = [], []
    for i, g in enumerate(groups):
        p0, p2, r = pos[g["u"]], pos[g["v"]], g["rad"]
        c = ((p0[0] + p2[0]) / 2 + r * (p2[1] - p0[1]), (p0[1] + p2[1]) / 2 - r * (p2[0] - p0[0]))
        a, b, e = map(xy, (p0, c, p2))
        t0, t1 = _trim(a, b, e, radius[g["u"]] + 2, radius[g["v"]] + 4)
        s, ctrl, end = _quadratic(a, b, e, t0, t1)
        lw = min(1.2 + 0.9 * (len(g["events"]) - 1), 6.0)
        dash = {"--": ' stroke-dasharray="7 4"', ":": ' stroke-dasharray="2 3"'}.get(g["style"], "")
        colour, quad = QUAD_COLOURS[g["quad"]], g["quad"]
        start = f' marker-start="url(#head-{quad})"' if g["head"] == "<|-|>" else ""
        d = f"M{s[0]:.1f},{s[1]:.1f} Q{ctrl[0]:.1f},{ctrl[1]:.1f} {end[0]:.1f},{end[1]:.1f}"
        u, v = index[g["u"]], index[g["v"]]
        names = (
            f"{G.nodes[g['u']].get('label') or g['u']} → {G.nodes[g['v']].get('label') or g['v']}"
        )
        svg.append(
            f'<path id="edge-{i}" class="edge" data-u="{u}" data-v="{v}" d="{d}" stroke="{colour}" '
            f'stroke-opacity=".85" stroke-width="{lw:.1f}"{dash}{start} '
            f'marker-end="url(#head-{quad})"/>'
        )
        svg.append(
            f'<path class="hit" data-edge="{i}" data-u="{u}" data-v="{v}" d="{d}">'
            f"<title>{_e(names)}: {_e(g['text'])}</title></path>"
        )
        mid = _quadratic(a, b, e, 0.5, 0.5)[0]
        labels.append(
            f'<text class="elabel" data-u="{u}" data-v="{v}" x="{mid[0]:.1f}" y="{mid[1] + 4:.1f}" '
            f'text-anchor="middle" fill="{colour}">{_e(g["text"])}</text>'
        )
        data_edges.append(
            {
                "from": str(G.nodes[g["u"]].get("label") or g["u"]),
                "to": str(G.nodes[g["v"]].get("label") or g["v"]),
                "head": "↔" if g["head"] == "<|-|>" else "→",
                "label": g["text"],
                "quad": quad.replace("_coop", " cooperation").replace("_", " "),
                "events": [_event_info(G, k, G.edges[g["u"], g["v"], k]) for k in g["events"]],
            }
        )
    svg += labels
    data_nodes = []
    for v in nodes:
        d, (x, y) = G.nodes[v], xy(pos[v])
        kind = d.get("type") or "group"
        label = str(d.get("label") or v)
        attrs = f'class="node" data-node="{index[v]}" fill="{TYPE_COLOURS.get(kind, "#777777")}"'
        tip = f"<title>{_e(label)} ({_e(kind.replace('_', ' '))})</title>"
        svg.append(_shape(TYPE_MARKERS.get(kind, "o"), x, y, radius[v], attrs, tip))
        svg.append(
            f'<text class="name" data-u="{index[v]}" data-v="{index[v]}" x="{x + radius[v] + 4:.1f}" '
            f'y="{y + 4:.1f}">{_e(label)}</text>'
        )
        data_nodes.append(
            {
                "label": label,
                "type": kind.replace("_", " "),
                "aliases": [str(a) for a in d.get("aliases") or () if str(a) != label],
                "mentions": int(d.get("mentions") or 0),
                "documents": [str(x) for x in d.get("documents") or ()],
                "events": n_events[v],
            }
        )
    kinds = sorted({G.nodes[v].get("type") or "group" for v in nodes})
    legend = [f'<g class="legend" transform="translate({_W - 150:.0f},{_PAD:.0f})">']
    for j, kind in enumerate(kinds):
        shape = _shape(TYPE_MARKERS.get(kind, "o"), 6, j * 18, 6,
                       f'fill="{TYPE_COLOURS.get(kind, "#777777")}" stroke="#333"')  # fmt: skip
        legend.append(f'{shape}<text x="18" y="{j * 18 + 4}">{_e(kind.replace("_", " "))}</text>')
    quads = [q for q in QUAD_COLOURS if any(g["quad"] == q for g in groups)]
    for j, q in enumerate(quads, start=len(kinds) + 1):
        legend.append(
            f'<line x1="0" x2="12" y1="{j * 18}" y2="{j * 18}" stroke="{QUAD_COLOURS[q]}" '
            f'stroke-width="3"/><text x="18" y="{j * 18 + 4}">'
            f"{_e(q.replace('_coop', ' cooperation').replace('_', ' '))}</text>"
        )
    legend.append("</g>")
    svg += legend
    page = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(head)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(head)}</h1>"
        + (f'<p class="notes">{_e(notes)}</p>' if notes else "")
        + "</header>",
        '<div id="wrap">',
        f'<svg id="map" viewBox="0 0 {_W:.0f} {_H:.0f}" role="img" aria-label="{_e(head)}">',
        *svg,
        "</svg>",
        '<aside><input id="find" type="search" placeholder="find an actor" aria-label="find an actor">',
        '<div id="events"><p class="help">Hover over an arrow to see the events behind it and '
        "the sentences they were read from; click it to keep them here. Click an actor for its "
        "names. Scroll to zoom, drag to move.</p></div></aside>",
        "</div>",
        f'<script type="application/json" id="kgraph-data">{_json_block({"edges": data_edges, "nodes": data_nodes})}</script>',
        f"<script>{_JS}</script>",
        "</body></html>",
        "",
    ]
    return "\n".join(page)


def save_html(
    G: nx.MultiDiGraph, path: str | os.PathLike, *, title: str | None = None, **kw: Any
) -> Path:
    """Write :func:`to_html` of ``G`` atomically to ``path`` (an .html or .htm file)."""
    from .textin import atomic_write

    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise OutputError(
            f"cannot write an interactive map to {str(path)!r}: expected an .html file name, "
            f"got {path.suffix or 'no extension'!r}"
        )
    atomic_write(path, to_html(G, title=title, **kw))
    return path


def notebook_view(G: nx.MultiDiGraph, *, widget: bool | None = None, height: int = 640, **kw: Any):
    """An interactive view of ``G`` for Jupyter, offline.

    With ipysigma installed (``pip install kgraph[notebook]``) and ``widget`` not False: an
    ipysigma widget (one edge per aggregated arrow; click it to see its events and sentences).
    Otherwise, or with ``widget=False``: the :func:`to_html` page in an iframe
    (an ``IPython.display.HTML`` object).  ``widget=True`` without ipysigma raises ImportError.
    """
    if widget is not False:
        try:
            from ipysigma import Sigma
        except ImportError:
            if widget:
                raise
        else:
            return Sigma(_sigma_graph(G), height=height, **_SIGMA_STYLE, **kw)
    from IPython.display import HTML

    page = html.escape(to_html(G, **kw), quote=True)
    return HTML(
        f'<div><iframe srcdoc="{page}" style="width:100%;height:{height}px;'
        'border:1px solid #ddd" title="kgraph map"></iframe></div>'
    )


_SIGMA_STYLE: dict[str, Any] = {
    "node_color": "type",
    "node_color_palette": TYPE_COLOURS,
    "node_size": "mentions",
    "node_label": "label",
    "edge_color": "quad",
    "edge_color_palette": QUAD_COLOURS,
    "edge_size": "count",
    "edge_label": "label",
    "default_edge_type": "curve",
    "clickable_edges": True,
    "show_all_labels": True,
}


def _sigma_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per (source, target): its predicates as the label, its events as text."""
    nodes, groups, pos = map_layout(G)
    D = nx.DiGraph()
    for v in nodes:
        d = G.nodes[v]
        D.add_node(
            str(v),
            label=str(d.get("label") or v),
            type=d.get("type") or "group",
            mentions=int(d.get("mentions") or 0) + 1,
            aliases="; ".join(map(str, d.get("aliases") or ())),
            x=pos[v][0],
            y=pos[v][1],
        )
    for g in groups:
        u, v = str(g["u"]), str(g["v"])
        infos = [_event_info(G, k, G.edges[g["u"], g["v"], k]) for k in g["events"]]
        text = " | ".join(
            f"{i['predicate']} ({i['date'] or 'undated'}): {i['sentence']}" for i in infos
        )
        if D.has_edge(u, v):
            e = D.edges[u, v]
            e.update(count=e["count"] + len(infos), label=f"{e['label']}, {g['text']}",
                     events=f"{e['events']} | {text}")  # fmt: skip
        else:
            D.add_edge(u, v, count=len(infos), label=g["text"], quad=g["quad"], events=text)
    return D
