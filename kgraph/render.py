"""Stage 6: the relationship graph -> a PNG/SVG/PDF map a person reads at a glance.

Actors are markers coloured and shaped by type, sized by mentions and degree,
named beside the marker.  Events between the same two actors with the same
predicate are drawn as one arrow ("spoke with x2"), coloured by quad class;
negated events are dashed ("not attacked"), future or hypothetical ones dotted.
matplotlib is imported only when a map is drawn.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import networkx as nx
>>> G = nx.MultiDiGraph(documents={"d1": {"date": "2024-05-01"}})
>>> for n, t in [("egypt", "country"), ("israel", "country"), ("hamas", "armed_group")]:
...     G.add_node(n, label=n.title(), type=t, mentions=2)
>>> _ = G.add_edge("egypt", "israel", key="e1", predicate="brokered", quad="verbal_coop")
>>> _ = G.add_edge("hamas", "israel", key="e2", predicate="fired", quad="material_conflict")
>>> ax = draw_map(G)
>>> ax.get_title()
'kgraph: 3 actors, 2 events from d1 (2024-05-01)'
"""

from __future__ import annotations

import math
import os
import re
import secrets
import textwrap
from collections import Counter
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx

from .errors import OutputError
from .records import QUAD_CLASS

__all__ = [
    "MAP_STYLE",
    "QUAD_COLOURS",
    "TYPE_COLOURS",
    "TYPE_MARKERS",
    "draw_map",
    "map_layout",
    "save_figure",
    "save_map",
]

#: Edge colour per quad class: cooperation blues/greens, conflict oranges/reds.
QUAD_COLOURS: dict[str, str] = {
    "verbal_coop": "#3b7dd8",
    "material_coop": "#2a9d4b",
    "verbal_conflict": "#f08c1e",
    "material_conflict": "#d62728",
    "other": "#8c8c8c",
}
#: Marker fill per actor type.
TYPE_COLOURS: dict[str, str] = {
    "person": "#9b6fc3",
    "government": "#4a6fa5",
    "military": "#6b7d3a",
    "armed_group": "#8c2d2d",
    "organisation": "#2a9d8f",
    "population": "#e6b84c",
    "country": "#5b8fb9",
    "place": "#a8a8a8",
    "group": "#c77c9c",
}
#: Marker shape per actor type (a second cue for readers who can't tell colours apart).
TYPE_MARKERS: dict[str, str] = {
    "person": "o",
    "government": "s",
    "military": "^",
    "armed_group": "v",
    "organisation": "D",
    "population": "h",
    "country": "p",
    "place": "*",
    "group": "8",
}
#: Sizes and text styles of a map, read-only.
MAP_STYLE = MappingProxyType(
    {
        "dpi": 150,
        "node_font": 10,
        "edge_font": 8,
        "bbox": {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
        "rad0": 0.12,  # arc radius of the first edge between two actors ...
        "rad_step": 0.14,  # ... and how much more each further one bends
        "legend_width": 2.1,  # inches kept right of the axes for the legends
        "actor": {"edgecolors": "#333333", "linewidths": 0.8, "zorder": 3},
        "arrow": {"alpha": 0.9, "zorder": 2},
    }
)
_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
}


def _edge_groups(G: nx.MultiDiGraph, nodes: set) -> list[dict[str, Any]]:
    """One dict per drawn arrow: events grouped by source, target, predicate and line style.

    Negated events (dashed), future/hypothetical ones (dotted) and reciprocal ones (two heads)
    get arrows of their own.
    """
    groups: dict[tuple, dict[str, Any]] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        if u == v or u not in nodes or v not in nodes:
            continue  # self-loops are not drawn
        pred = d.get("predicate") or str(d.get("type", "")).lower() or "?"
        quad = d.get("quad") or QUAD_CLASS.get(d.get("type", ""), "other")
        quad = quad if quad in QUAD_COLOURS else "other"
        style = ":" if d.get("modality") in ("future", "hypothetical") else "-"
        style = "--" if d.get("negated") else style
        head = "<|-|>" if d.get("reciprocal") else "-|>"
        g = groups.setdefault((u, v, pred, style, head), {"u": u, "v": v, "style": style})
        g["head"] = head
        g["label"] = f"not {pred}" if d.get("negated") else pred
        g.setdefault("quads", []).append(quad)
        g.setdefault("events", []).append(k)
    out = sorted(
        groups.values(), key=lambda g: (str(g["u"]), str(g["v"]), g["label"], g["style"], g["head"])
    )
    per_pair: Counter = Counter()
    for g in out:
        pair = frozenset((g["u"], g["v"]))
        g["rad"] = round(MAP_STYLE["rad0"] + MAP_STYLE["rad_step"] * per_pair[pair], 2)
        per_pair[pair] += 1
        g["quad"] = sorted(Counter(g["quads"]).items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        n = len(g["events"])
        g["text"] = g["label"] + (f" x{n}" if n > 1 else "")
    return out


def _layout(H: nx.Graph, seed: int, aspect: float) -> dict[Any, tuple[float, float]]:
    """Kamada-Kawai per connected component; components packed in rows, largest first."""
    if H.number_of_edges() == 0:  # nodes only: a circle
        return nx.circular_layout(H)
    comps = sorted(nx.connected_components(H), key=lambda c: (-len(c), sorted(map(str, c))))
    boxes = []
    for comp in comps:
        # a new graph in H's node order: a subgraph view iterates a set, whose order changes
        # with the hash seed, and Kamada-Kawai starts from the node order
        sub = nx.Graph()
        sub.add_nodes_from(v for v in H if v in comp)
        sub.add_edges_from((a, b, d) for a, b, d in H.edges(data=True) if a in comp)
        try:  # "length": pairs with more and longer labels are drawn further apart
            one = {next(iter(comp)): (0, 0)}
            pos = nx.kamada_kawai_layout(sub, weight="length") if len(comp) > 1 else one
        except Exception:  # scipy missing or not converging
            pos = nx.spring_layout(sub, seed=seed)
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        k = math.sqrt(len(comp)) / (max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0)
        pos = {v: ((x - min(xs)) * k, (y - min(ys)) * k) for v, (x, y) in pos.items()}
        boxes.append((pos, (max(xs) - min(xs)) * k, (max(ys) - min(ys)) * k))
    area = sum((w + 1) * (h + 1) for _, w, h in boxes)
    row_w = max(max(w for _, w, _ in boxes), 1.3 * math.sqrt(area * aspect))
    rows, x = [[]], 0.0
    for box in boxes:
        if rows[-1] and x + box[1] > row_w:
            rows.append([])
            x = 0.0
        rows[-1].append((x, box))
        x += box[1] + 1.0
    placed, top = {}, 0.0
    for row in rows:
        row_h = max(h for _, (_, _, h) in row)
        for x0, (pos, _, h) in row:  # centred vertically in its row
            placed.update({v: (x0 + x, top - row_h / 2 - h / 2 + y) for v, (x, y) in pos.items()})
        top -= row_h + 1.0
    return placed


def _fit(pos: dict, width: float, mx: float, my: float) -> dict[Any, tuple[float, float]]:
    """Stretch positions into [mx, width - mx] x [my, 1 - my]; spread crowded centres out."""
    import numpy as np

    P = np.array(list(pos.values()), float).reshape(-1, 2)
    span = np.ptp(P, 0)
    V = np.where(span > 1e-9, (P - P.min(0)) / np.where(span > 1e-9, span, 1), 0.5)
    if len(P) > 12:  # blend in the rank so dense hubs get room for their labels
        R = np.argsort(np.argsort(P, 0, kind="stable"), 0, kind="stable") / (len(P) - 1)
        V = 0.6 * V + 0.4 * R
    V = V * [width - 2 * mx, 1 - 2 * my] + [mx, my]
    return {v: (float(x), float(y)) for v, (x, y) in zip(pos, V, strict=True)}


def _overlaps(X, H, Y, K, pad):
    """Per box of ``X`` (centres, half-sizes ``H``): the push out of the boxes ``Y``/``K``."""
    import numpy as np

    dx, dy = X[:, None, 0] - Y[None, :, 0], X[:, None, 1] - Y[None, :, 1]
    ox = H[:, None, 0] + K[None, :, 0] + pad - np.abs(dx)
    oy = H[:, None, 1] + K[None, :, 1] + pad - np.abs(dy)
    hit = (ox > 0) & (oy > 0)
    if X is Y:  # a box does not push itself; a tie is broken by index
        np.fill_diagonal(hit, False)
        dy = np.where(dy == 0, np.sign(np.subtract.outer(np.arange(len(X)), np.arange(len(X)))), dy)
    side = ox < oy  # leave by the shorter way out
    px = (ox * np.sign(dx) * (hit & side)).sum(1)
    py = (oy * np.where(dy == 0, 1, np.sign(dy)) * (hit & ~side)).sum(1)
    return np.stack((px, py), 1), hit.any(1)


def _cover(box, boxes, points, frame) -> float:
    """How much a label box would hide: overlap with other boxes, points inside, area off-frame."""
    import numpy as np

    x, y, hw, hh = box
    B, P = np.array(boxes, float).reshape(-1, 4), np.array(points, float).reshape(-1, 2)
    lo, hi = B[:, :2] - B[:, 2:], B[:, :2] + B[:, 2:]
    o = np.clip(np.minimum([x + hw, y + hh], hi) - np.maximum([x - hw, y - hh], lo), 0, None)
    inside = ((np.abs(P[:, 0] - x) < hw) & (np.abs(P[:, 1] - y) < hh)).sum()
    fw = max(0.0, min(x + hw, frame.x1) - max(x - hw, frame.x0))
    fh = max(0.0, min(y + hh, frame.y1) - max(y - hh, frame.y0))
    return float(o.prod(1).sum() + 30 * inside + 4 * hw * hh - fw * fh)


def _repel(anchors, halves, stiff, circles, bounds, pad=3.0, iters=300):
    """Move label boxes (display px) apart and off markers, springing back to anchors."""
    import numpy as np

    H, A = np.array(halves, float), np.array(anchors, float)
    C = np.array(circles, float).reshape(-1, 3)
    k = np.array(stiff, float)[:, None]
    lo, hi = np.array(bounds[0]) + H, np.array(bounds[1]) - H
    X = np.clip(A, lo, hi)
    for _ in range(iters):
        push, hit = _overlaps(X, H, X, H, pad)
        push2, hit2 = _overlaps(X, H, C[:, :2], C[:, 2:].repeat(2, 1), pad)
        free = ~(hit | hit2)
        step = np.clip(X + 0.3 * push + 0.6 * push2 + free[:, None] * k * (A - X), lo, hi) - X
        if free.all() and np.abs(step).max() < 0.5:
            break
        X = X + step
    return X


def _title(G: nx.MultiDiGraph, nodes: list, groups: list[dict]) -> str:
    edges = [(g["u"], g["v"], e) for g in groups for e in g["events"]]
    docs = G.graph.get("documents") or {}
    ids = sorted(map(str, docs)) or sorted(
        {str(G.edges[e].get("doc_id") or "") for e in edges} - {""}
    )
    dates = {str(G.edges[e].get("date") or "")[:10] for e in edges}
    dates = sorted((dates | {str(d.get("date") or "")[:10] for d in docs.values()}) - {""})
    dates = [display_name(d) for d in dates]
    text = f"kgraph: {len(nodes)} actors, {len({e for *_, e in edges})} events"
    if ids:
        shown = ", ".join(display_name(i, 40) for i in ids)  # ids come from the input
        text += " from " + (shown if len(ids) <= 3 else f"{len(ids)} documents")
    if dates:
        text += f" ({dates[0]})" if dates[0] == dates[-1] else f" ({dates[0]} to {dates[-1]})"
    return text


def _new_axes(n: int, lines: int = 1):
    """An Agg figure sized for ``n`` actors, with room right of the axes for the legends and
    above them for a title of ``lines`` lines."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    w = min(20.0, max(10.0, 10 + 0.4 * (n - 12)))
    fig = Figure(figsize=(w, 0.7 * w), dpi=MAP_STYLE["dpi"])
    FigureCanvasAgg(fig)
    fs = min(1.5, max(0.8, math.sqrt(w / 10)))
    legend_w = MAP_STYLE["legend_width"] * min(1.5, math.sqrt(w / 10))
    more = (lines - 1) * 1.3 * 12 * fs / 72 / (0.7 * w)  # each further title line, in figure units
    return fig.add_axes((0.01, 0.01, 1 - (legend_w + 0.2) / w, 0.93 - more))


def _bezier(p0, c, p2, ts):
    """Points of the quadratic Bezier curve ``p0 -> c -> p2`` (what ``arc3`` draws) at ``ts``."""
    import numpy as np

    t = np.asarray(ts, float)[:, None]
    return (1 - t) ** 2 * np.asarray(p0) + 2 * (1 - t) * t * np.asarray(c) + t**2 * np.asarray(p2)


_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+")


def display_name(name: str, limit: int = 60) -> str:
    """A name as a figure shows it: control, line-separator, zero-width and bidi-override
    characters become spaces, runs of spaces one, and a longer name is cut to ``limit``
    characters (an ellipsis marks the cut).  The data keep the name as it was.

    >>> display_name("Line\\nBreak\\x00\\u202eArmy"), display_name("x" * 100, 10)
    ('Line Break Army', 'xxxxxxxxx…')
    """
    text = " ".join(_INVISIBLE.sub(" ", name).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(name: str, limit: int = 24) -> str:
    """A long name on two lines, split at the space nearest its middle.

    >>> _wrap("United States Department of the Treasury")
    'United States Department\\nof the Treasury'
    >>> _wrap("Hamas")
    'Hamas'
    """
    spaces = [i for i, c in enumerate(name) if c == " "]
    if len(name) <= limit or not spaces:
        return name
    cut = min(spaces, key=lambda i: (abs(i - len(name) / 2), i))
    return name[:cut] + "\n" + name[cut + 1 :]


def _label(ax, xy, text: str, **kw):
    """A text centred on ``xy`` in a white semi-transparent box."""
    return ax.text(*xy, text, ha="center", va="center", bbox=MAP_STYLE["bbox"], **kw)


def _draw_actors(ax, G, nodes, pos, size) -> list:
    """One scatter per actor type; returns the legend handles."""
    from matplotlib.lines import Line2D

    handles = []
    for t in sorted({G.nodes[v].get("type") or "group" for v in nodes}):
        vs = [v for v in nodes if (G.nodes[v].get("type") or "group") == t]
        colour, marker = TYPE_COLOURS.get(t, "#777777"), TYPE_MARKERS.get(t, "o")
        xy = list(zip(*(pos[v] for v in vs), strict=True))
        label, style = t.replace("_", " "), {"marker": marker, "mfc": colour, "mec": "#333333"}
        kw = {"s": [size[v] for v in vs], "c": colour, "marker": marker, "gid": f"nodes:{t}"}
        ax.scatter(*xy, **kw, **MAP_STYLE["actor"])
        handles.append(Line2D([], [], ls="", ms=9, label=label, **style))
    return handles


def _draw_events(ax, groups, pos, size, fs) -> tuple[list, list]:
    """One arc per group, labelled at its own Bezier midpoint; returns (labels, arcs)."""
    from matplotlib.patches import FancyArrowPatch

    labels, arcs = [], []
    for g in groups:
        p0, p2, r = pos[g["u"]], pos[g["v"]], g["rad"]
        c = ((p0[0] + p2[0]) / 2 + r * (p2[1] - p0[1]), (p0[1] + p2[1]) / 2 - r * (p2[0] - p0[0]))
        lw = min(1.2 + 0.9 * (len(g["events"]) - 1), 6.0)
        colour = QUAD_COLOURS[g["quad"]]
        shrink = {f"shrink{e}": math.sqrt(size[g[k]]) / 2 + 2 for e, k in (("A", "u"), ("B", "v"))}
        style = {"lw": lw, "ls": g["style"], "color": colour, "gid": f"edge:{g['u']}->{g['v']}"}
        style.update(connectionstyle=f"arc3,rad={r}", mutation_scale=12 + 2 * lw, **shrink)
        style["arrowstyle"] = g["head"]
        ax.add_patch(FancyArrowPatch(p0, p2, **style, **MAP_STYLE["arrow"]))
        # under the markers (zorder 3): an event label never hides an actor
        font = MAP_STYLE["edge_font"] * fs
        mid = _bezier(p0, c, p2, [0.5])[0]
        labels.append(
            _label(ax, mid, g["text"], color=colour, zorder=2.8, fontsize=font, gid="edge-label")
        )
        arcs.append((g["u"], g["v"], p0, c, p2))
    return labels, arcs


def _place_labels(ax, node_texts, edge_texts, nodes, degree, pos, radius, arcs) -> None:
    """Put each actor's name where it hides least (hubs first), then push all labels apart."""
    to_px, ppx, frame = ax.transData.transform, ax.figure.dpi / 72, ax.get_window_extent()
    px = {v: tuple(to_px(pos[v])) for v in nodes}
    texts, n = node_texts + edge_texts, len(node_texts)
    halves = []
    for t in texts:  # half-sizes in display px, with the white box around the text
        bb, pad = t.get_window_extent(), 0.2 * t.get_fontsize() * ppx + 1
        halves.append((bb.width / 2 + pad, bb.height / 2 + pad))
    anchors = [tuple(to_px(t.get_position())) for t in texts]
    curve_pts, arc_ends = [], []  # arcs as points; those near an actor keep labels off
    for u, v, p0, c, p2 in arcs:
        for q in to_px(_bezier(p0, c, p2, [i / 24 for i in range(25)])):
            curve_pts.append(q)
            if any(0.8 * radius[w] < math.dist(q, px[w]) < radius[w] + 45 for w in (u, v)):
                arc_ends.append((*q, 4.0))
    markers = [(*px[v], radius[v] + 8, radius[v] + 8) for v in nodes]
    order = sorted(range(n), key=lambda i: -degree[nodes[i]])  # hubs choose first

    def around(i: int) -> list:  # what label i must not hide: markers and the other labels
        own = [i] if i < n else []
        return [b for j, b in enumerate(markers) if j not in own] + [
            (*anchors[j], *halves[j]) for j in range(len(texts)) if j != i and j in placed
        ]

    placed = set(range(n, len(texts)))  # event labels start at the middle of their arcs
    for _ in range(2):  # names, then event labels along their arcs; twice, to settle
        for i in order:
            (hw, hh), (x, y), r = halves[i], px[nodes[i]], radius[nodes[i]]
            others, best = around(i), (math.inf, None)
            for j, deg in enumerate((0, 180, 90, 270, 45, 135, 225, 315) * 2):  # 2 rings
                ux, uy = math.cos(math.radians(deg)), math.sin(math.radians(deg))
                d = r + 4 + abs(ux) * hw + abs(uy) * hh + (j >= 8) * (2 * hh + 8)
                cost = _cover((x + ux * d, y + uy * d, hw, hh), others, curve_pts, frame)
                best = min(best, (cost + 400 * (j >= 8) + j, (x + ux * d, y + uy * d)))
            anchors[i] = best[1]
            placed.add(i)
        for i, (_, _, p0, c, p2) in enumerate(arcs, start=n):
            (hw, hh), others, best = halves[i], around(i), (math.inf, None)
            a = 25 * (i - n)  # a label hides its own arc (on purpose), but no other
            pts = curve_pts[:a] + curve_pts[a + 25 :]
            P0, C, P2 = to_px([p0, c, p2])  # Bezier curves survive the affine transform
            for j, t in enumerate((0.5, 0.42, 0.58, 0.34, 0.66, 0.28, 0.72)):
                q = _bezier(P0, C, P2, [t])[0]
                dx, dy = 2 * (1 - t) * (C - P0) + 2 * t * (P2 - C)  # the tangent
                nx_, ny_ = -dy / (math.hypot(dx, dy) or 1), dx / (math.hypot(dx, dy) or 1)
                # on the arc, else just beside it (a short arc between two actors)
                for k, off in enumerate((0.0, 1.0, -1.0)):
                    d = off * (abs(nx_) * hw + abs(ny_) * hh + 2)
                    xy = (q[0] + nx_ * d, q[1] + ny_ * d)
                    cost = _cover((*xy, hw, hh), others, pts, frame) + 2 * j + 150 * (k > 0)
                    best = min(best, (cost, xy))
            anchors[i] = best[1]
    circles = [(*px[v], radius[v]) for v in nodes] + arc_ends
    stiff = [0.1] * n + [0.5] * len(edge_texts)
    final = _repel(anchors, halves, stiff, circles, (frame.p0, frame.p1))
    to_data = ax.transData.inverted().transform
    for t, xy in zip(texts, final, strict=True):
        t.set_position(tuple(to_data(xy)))
    for i, v in enumerate(nodes):  # a leader line when a name was pushed away from its actor
        (ox, oy), reach = final[i] - px[v], radius[v] + 12
        if abs(ox) > halves[i][0] + reach or abs(oy) > halves[i][1] + reach:
            line = list(zip(pos[v], to_data(final[i]), strict=True))
            ax.plot(*line, color="#666666", lw=0.8, zorder=2.5)


def _draw_legends(ax, type_handles, groups, fs) -> None:
    """Right of the axes: actor types at the top, event classes and line styles at the bottom."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            color=QUAD_COLOURS[q],
            lw=2.5,
            label=q.replace("_coop", " cooperation").replace("_", " "),
        )
        for q in QUAD_COLOURS
        if any(g["quad"] == q for g in groups)
    ]
    for ls, name in (("--", "negated"), (":", "future / hypothetical")):
        if any(g["style"] == ls for g in groups):
            handles.append(Line2D([], [], color="#555555", lw=1.5, ls=ls, label=name))
    kw = {"frameon": False, "fontsize": 9 * fs, "title_fontsize": 10 * fs}
    top = ax.legend(
        handles=type_handles, title="actors", loc="upper left", bbox_to_anchor=(1.01, 1.0), **kw
    )
    if handles:
        ax.add_artist(top)
        ax.legend(handles=handles, title="events", loc="lower left", bbox_to_anchor=(1.01, 0), **kw)


def map_layout(
    G: nx.MultiDiGraph, *, width: float = 1.4, seed: int = 7
) -> tuple[list, list[dict[str, Any]], dict[Any, tuple[float, float]]]:
    """What :func:`draw_map` draws, without drawing: actors, arrows and positions.

    Returns the actors drawn (those with a drawn edge, or all if the graph has no edges), one
    dict per arrow (``u``, ``v``, ``events``, ``text``, ``quad``, ``rad``, ``style``, ``head``)
    and each actor's position in ``[0, width] x [0, 1]``.  The interactive view uses it too, so
    both views show the same picture.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="e1", predicate="met", quad="verbal_coop")
    >>> _ = G.add_edge("a", "b", key="e2", predicate="met", quad="verbal_coop")
    >>> nodes, arrows, pos = map_layout(G)
    >>> nodes, [(g["text"], g["events"]) for g in arrows], sorted(pos)
    (['a', 'b'], [('met x2', ['e1', 'e2'])], ['a', 'b'])
    """
    with_edges = {v for a, b in G.edges() if a != b for v in (a, b)}
    # sorted: the picture does not depend on the order actors were read in (Turtle or JSONL)
    nodes = sorted((v for v in G if v in with_edges) if with_edges else G, key=str)
    groups = _edge_groups(G, set(nodes))
    if not nodes:
        return nodes, groups, {}
    H = nx.Graph()
    H.add_nodes_from(nodes)
    for g in groups:  # room for the labels between two actors: a longer ideal distance
        pair = H.get_edge_data(g["u"], g["v"], default={"n": 0, "chars": 0})
        n, chars = pair["n"] + 1, max(pair["chars"], len(g["text"]))
        H.add_edge(g["u"], g["v"], n=n, chars=chars, length=1 + 0.3 * (n - 1) + 0.02 * chars)
    mx, my = (0.08 * width, 0.06) if len(nodes) > 1 else (width / 2, 0.5)
    return nodes, groups, _fit(_layout(H, seed, width), width, mx, my)


def draw_map(G: nx.MultiDiGraph, *, ax: Any = None, title: str | None = None, seed: int = 7):
    """Draw the relationship map of ``G`` on ``ax`` (a new Agg figure if None); return the Axes.

    Actors without any drawn edge are left out unless the graph has no edges at all.  The title
    says how many actors and events are drawn, from which documents and dates; a second line
    repeats ``G.graph["filters"]`` (what :func:`kgraph.filters.filter_graph` left out), also
    under a ``title`` given here.
    """
    with_edges = {v for a, b in G.edges() if a != b for v in (a, b)}
    n = len([v for v in G if v in with_edges] if with_edges else G)
    notes = textwrap.fill("; ".join(G.graph.get("filters") or ()), 100)
    lines = (title.count("\n") + 1 if title else 1) + (notes.count("\n") + 1 if notes else 0)
    ax = _new_axes(n, lines) if ax is None else ax
    fig = ax.figure
    fs = min(1.5, max(0.8, math.sqrt(fig.get_figwidth() / 10)))  # fonts grow with the figure
    box = ax.get_position()
    width = box.width * fig.get_figwidth() / (box.height * fig.get_figheight())
    nodes, groups, pos = map_layout(G, width=width, seed=seed)
    text = title if title is not None else _title(G, nodes, groups)
    ax.set_title(text + (f"\n{notes}" if notes else ""), fontsize=12 * fs)
    ax.set_axis_off()
    if not nodes:
        return ax
    ax.set(xlim=(0, width), ylim=(0, 1))
    ax.set_aspect("equal", adjustable="box")  # so arcs bend the same in data and on screen
    ax.apply_aspect()

    degree = Counter(v for g in groups for v in {g["u"], g["v"]})
    k = max(0.5, math.sqrt(min(1.0, 12 / n)))  # marker area grows with mentions + degree
    weight = {v: G.nodes[v].get("mentions", 0) + degree[v] for v in nodes}
    size = {v: k * min(1400.0, 160 + 90 * math.sqrt(weight[v])) for v in nodes}
    type_handles = _draw_actors(ax, G, nodes, pos, size)
    edge_texts, arcs = _draw_events(ax, groups, pos, size, fs)
    font = MAP_STYLE["node_font"] * fs
    names = {v: _wrap(display_name(str(G.nodes[v].get("label") or v))) for v in nodes}
    node_texts = [
        _label(ax, pos[v], names[v], fontsize=font, zorder=5, gid=f"node-label:{v}") for v in nodes
    ]
    radius = {v: math.sqrt(size[v]) / 2 * fig.dpi / 72 for v in nodes}  # display px
    _place_labels(ax, node_texts, edge_texts, nodes, degree, pos, radius, arcs)
    _draw_legends(ax, type_handles, groups, fs)
    return ax


def _format(path: str | os.PathLike) -> str:
    """The figure format of a file name (``png``, ``svg`` or ``pdf``), or an OutputError."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(
            f"cannot write a figure to {str(path)!r}: expected a .png, .svg or .pdf "
            f"file name, got {path.suffix or 'no extension'!r}"
        )
    return fmt


def save_figure(fig: Any, path: str | os.PathLike) -> Path:
    """Write a matplotlib figure atomically to ``path`` (.png, .svg or .pdf); return the path.

    No timestamps or software versions are written, so the same figure gives the same bytes.
    """
    path, fmt = Path(path), _format(path)
    import matplotlib

    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        with matplotlib.rc_context({"svg.hashsalt": "kgraph", "svg.fonttype": "path"}):
            fig.savefig(
                tmp, format=fmt, dpi=MAP_STYLE["dpi"], metadata=_METADATA[fmt], facecolor="white"
            )
        os.replace(tmp, path)
    except OSError as e:
        raise OutputError(
            f"cannot write a figure to {str(path)!r}: {e.strerror or e}; "
            "check the folder exists and is writable"
        ) from e
    finally:
        tmp.unlink(missing_ok=True)
    return path


def save_map(
    G: nx.MultiDiGraph, path: str | os.PathLike, *, title: str | None = None, **kw
) -> Path:
    """Draw ``G`` and write it atomically to ``path`` (.png, .svg or .pdf); return the path.

    The same graph gives byte-identical files with the same matplotlib version.
    """
    _format(path)  # a bad file name fails before any drawing
    return save_figure(draw_map(G, title=title, **kw).figure, path)
