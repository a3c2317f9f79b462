"""Charts of a graph besides the map: a timeline of events and a casualty chart.

``draw_timeline`` puts one row per actor pair (or per event type) and one marker per day with
events, coloured by quad class.  A filled marker is a date the sentence states; a hollow one is
the publication date of the article, used when the sentence gives none.  ``draw_casualties``
draws the killed/wounded figures by perpetrator and target.  Both take any graph from
:func:`kgraph.graph.build_graph` (filtered or not) and return a matplotlib Axes; ``save_view``
writes them like :func:`kgraph.render.save_map`.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import networkx as nx
>>> G = nx.MultiDiGraph(documents={"d1": {"date": "2024-05-01"}})
>>> G.add_node("hamas", label="Hamas")
>>> G.add_node("israel", label="Israel")
>>> _ = G.add_edge("hamas", "israel", key="e1", type="ASSAULT", predicate="fired", doc_id="d1")
>>> [(r["row"], r["date"], r["stated"]) for r in timeline_rows(G)]
[('Hamas → Israel', '2024-05-01', False)]
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from .errors import FilterError
from .filters import event_date
from .records import QUAD_CLASS
from .render import QUAD_COLOURS, save_figure

__all__ = [
    "CASUALTY_KINDS",
    "casualty_figures",
    "draw_casualties",
    "draw_timeline",
    "save_view",
    "timeline_rows",
]

#: The quantity kinds a casualty chart shows, with their bar colours.
CASUALTY_KINDS: dict[str, str] = {
    "killed": "#7f1d1d",
    "wounded": "#e8833a",
    "casualties": "#b59b2b",
}
_QUALIFIER = {"at_least": "more than ", "at_most": "up to ", "about": "about ", "exact": ""}
_FONT = 9


def _name(G: nx.MultiDiGraph, v: Any) -> str:
    from .render import display_name

    return display_name(str(G.nodes[v].get("label") or v) if v in G else str(v))


def _events(G: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Event records by id: ``G.graph["events"]``, or the edges of a graph built by hand."""
    events = dict(G.graph.get("events") or {})
    for u, v, k, d in G.edges(keys=True, data=True):
        if k not in events:
            events[k] = {"source": [u], "target": [v], "quantities": [], **d, "id": k}
    return events


def _quad(d: dict[str, Any]) -> str:
    q = d.get("quad") or QUAD_CLASS.get(d.get("type", ""), "other")
    return q if q in QUAD_COLOURS else "other"


def timeline_rows(G: nx.MultiDiGraph, *, by: Literal["pair", "type"] = "pair") -> list[dict]:
    """One dict per dated event (per actor pair for ``by="pair"``), sorted by date and row.

    Keys: ``row`` ("Hamas → Israel" or "ASSAULT"), ``date`` (ISO, as precise as known),
    ``stated`` (the sentence gives the date; else the article's), ``quad``, ``event``,
    ``predicate``.  Undated events are not listed.
    """
    if by not in ("pair", "type"):
        raise FilterError(f"timeline by {by!r}: expected 'pair' or 'type'")
    rows = []
    if by == "pair":
        for u, v, k, d in G.edges(keys=True, data=True):
            if u == v:
                continue
            arrow = "↔" if d.get("reciprocal") else "→"
            rows.append((f"{_name(G, u)} {arrow} {_name(G, v)}", k, d))
    else:
        rows = [(str(d.get("type") or "OTHER"), k, d) for k, d in _events(G).items()]
    out = []
    for row, k, d in rows:
        date, stated = event_date(G, d)
        if date:
            pred = d.get("predicate") or str(d.get("type", "")).lower()
            pred = f"not {pred}" if d.get("negated") else pred
            out.append(
                {"row": row, "date": date, "stated": stated, "quad": _quad(d), "event": k,
                 "predicate": pred}
            )  # fmt: skip
    return sorted(out, key=lambda r: (r["date"], r["row"], r["event"]))


def _day(iso: str) -> dt.date:
    """'2025-03' -> 2025-03-01: a coarse date is drawn at its start."""
    parts = [int(p) for p in iso.split("-")[:3]] + [1, 1]
    return dt.date(*parts[:3])


def _sources(G: nx.MultiDiGraph, events: list[dict[str, Any]]) -> str:
    """'from 3 documents (2025-03-10 to 2025-03-14)' for these events."""
    docs = sorted({str(e.get("doc_id")) for e in events if e.get("doc_id")})
    dates = sorted({event_date(G, e)[0] for e in events} - {""})
    text = ""
    if docs:
        text = " from " + (", ".join(docs) if len(docs) <= 3 else f"{len(docs)} documents")
    if dates:
        text += f" ({dates[0]})" if dates[0] == dates[-1] else f" ({dates[0]} to {dates[-1]})"
    return text


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=150)
    FigureCanvasAgg(fig)
    return fig.add_subplot()


def _set_title(ax, G: nx.MultiDiGraph, text: str, title: str | None, more: list[str]) -> None:
    notes = "; ".join([*(G.graph.get("filters") or ()), *more])
    ax.set_title(
        (title if title is not None else text) + (f"\n{notes}" if notes else ""), loc="left"
    )


def draw_timeline(
    G: nx.MultiDiGraph,
    *,
    by: Literal["pair", "type"] = "pair",
    ax: Any = None,
    title: str | None = None,
    max_rows: int = 30,
):
    """Events over time, one row per actor pair (or event type); return the Axes.

    Markers are coloured by quad class and sized by the number of events that day; labels give
    the predicates ("fired x2").  Only the ``max_rows`` rows with the most events are drawn and
    the title says how many were left out, and how many events had no date at all.
    """
    from matplotlib.lines import Line2D
    from matplotlib.transforms import ScaledTranslation

    rows = timeline_rows(G, by=by)
    dated = {r["event"] for r in rows}
    if by == "pair":
        n_all = len({k for u, v, k in G.edges(keys=True) if u != v})
    else:
        n_all = len(_events(G))
    per_row = Counter(r["row"] for r in rows)
    first = {}
    for r in rows:
        first.setdefault(r["row"], r["date"])
    names = sorted(per_row, key=lambda x: (-per_row[x], first[x], x))[:max_rows]
    names.sort(key=lambda x: (first[x], x))  # top to bottom in order of first event
    more = []
    if len(per_row) > len(names):
        more.append(f"{len(names)} of {len(per_row)} rows with the most events")
    if n_all > len(dated):
        undated = n_all - len(dated)
        more.append(f"{undated} undated event{'s' * (undated != 1)} left out")
    ax = ax or _figure(11.0, min(22.0, 2.2 + 0.42 * max(len(names), 3)))
    what = "actor pairs" if by == "pair" else "event types"
    shown = [r for r in rows if r["row"] in names]
    evs = _events(G)
    n_shown = len({r["event"] for r in shown})
    text = f"kgraph timeline: {n_shown} event{'s' * (n_shown != 1)} by {what}"
    text += _sources(G, [evs.get(r["event"], {}) for r in shown])
    _set_title(ax, G, text, title, more)
    if not shown:
        ax.set_axis_off()
        ax.text(
            0.5, 0.5, "no dated events to show", ha="center", va="center", transform=ax.transAxes
        )
        return ax
    y_of = {name: i for i, name in enumerate(names)}
    days_of: dict[str, list[dt.date]] = defaultdict(list)  # each row's days, for label room
    spots: dict[tuple, list[dict]] = defaultdict(list)  # one marker per row, day, class, source
    for r in shown:
        spots[(r["row"], r["date"], r["quad"], r["stated"])].append(r)
        days_of[r["row"]].append(_day(r["date"]))
    per_day = Counter((row, date) for row, date, *_ in spots)
    seen: Counter = Counter()
    for (row, date, quad, stated), here in sorted(spots.items()):
        i, n = seen[(row, date)], per_day[(row, date)]
        seen[(row, date)] += 1
        colour = QUAD_COLOURS[quad]
        # several classes on one day sit side by side, a few points apart
        dodge = ScaledTranslation((i - (n - 1) / 2) * 11 / 72, 0, ax.figure.dpi_scale_trans)
        ax.scatter(
            [_day(date)], [y_of[row]], s=40 + 25 * len(here), c=colour if stated else "white",
            edgecolors=colour, lw=1.6, zorder=3, transform=ax.transData + dodge,
        )  # fmt: skip
    ax.set_yticks(range(len(names)), names, fontsize=_FONT)
    ax.set_ylim(len(names) - 0.5, -0.5)
    days = sorted({_day(r["date"]) for r in shown})
    pad = max(dt.timedelta(days=1), (days[-1] - days[0]) * 0.04)
    room = max(2.5 * pad, (days[-1] - days[0] + 2 * pad) * 0.3)  # for the last labels
    ax.set_xlim(days[0] - pad, days[-1] + room)
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", lw=0.8)
    ax.grid(axis="y", color="#f2f2f2", lw=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [
        Line2D([], [], ls="", marker="o", ms=8, mfc=QUAD_COLOURS[q], mec=QUAD_COLOURS[q],
               label=q.replace("_coop", " cooperation").replace("_", " "))
        for q in QUAD_COLOURS if any(r["quad"] == q for r in shown)
    ]  # fmt: skip
    handles += [
        Line2D([], [], ls="", marker="o", ms=8, mfc="#555555", mec="#555555",
               label="date stated in the sentence"),
        Line2D([], [], ls="", marker="o", ms=8, mfc="white", mec="#555555",
               label="article's publication date"),
    ]  # fmt: skip
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=_FONT)  # fmt: skip
    ax.figure.tight_layout()
    _timeline_labels(ax, shown, y_of, days_of, per_day)
    return ax


def _timeline_labels(ax, shown, y_of, days_of, per_day) -> None:
    """The predicates of each row and day beside its markers, cut to the room before the next."""
    to_px = ax.transData.transform
    right = ax.get_window_extent().x1
    font = _FONT - 1.5
    char_px = 0.53 * font * ax.figure.dpi / 72  # a generous average width of one character
    rows_px = abs(to_px((0, 1))[1] - to_px((0, 0))[1])
    max_lines = max(1, min(4, int(rows_px / (1.25 * font * ax.figure.dpi / 72))))
    by_day: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in shown:
        by_day[(r["row"], r["date"])][r["predicate"]] += 1
    for (row, date), preds in sorted(by_day.items()):
        x = _day(date)
        later = [d for d in days_of[row] if d > x]
        start = to_px((mdate(x), y_of[row]))[0] + 6 + 5.5 * per_day[(row, date)]
        stop = to_px((mdate(min(later)), 0))[0] - 10 if later else right
        room = int((stop - start) / char_px)
        if room < 3:
            continue  # no room: the marker alone, the predicates are in events_table / HTML
        lines = [
            f"{p} x{c}" if c > 1 else p
            for p, c in sorted(preds.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        if len(lines) > max_lines:
            lines = lines[: max_lines - 1] + [f"+{len(lines) - max_lines + 1} more"]
        lines = [ln if len(ln) <= room else ln[: room - 1] + "…" for ln in lines]
        ax.annotate(
            "\n".join(lines), (mdate(x), y_of[row]), xytext=(start - to_px((mdate(x), 0))[0], 0),
            textcoords="offset pixels", va="center", fontsize=font, color="#333333", zorder=4,
            linespacing=1.05,
        )  # fmt: skip


def mdate(day: dt.date) -> float:
    """A date as matplotlib's float day number."""
    import matplotlib.dates as mdates

    return float(mdates.date2num(day))


def casualty_figures(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One dict per casualty figure of an event: perpetrator(s), target(s), kind, value, ...

    The perpetrators are the event's sources and the targets its targets (``unspecified`` if
    none), named by label and kept together: "Israel killed 232 Palestinians and fighters" is one
    figure for the group, not 232 per target.  Keys: ``perpetrator``, ``target``, ``kind``
    (one of :data:`CASUALTY_KINDS`), ``value``, ``qualifier``, ``event``, ``doc_id``, ``date``,
    ``sentence``.  Turn it into a DataFrame with ``pandas.DataFrame(casualty_figures(G))``.
    """
    out = []
    for k, ev in sorted(_events(G).items()):
        for q in ev.get("quantities") or ():
            if q.get("kind") not in CASUALTY_KINDS:
                continue
            out.append(
                {
                    "perpetrator": ", ".join(_name(G, s) for s in ev.get("source") or ())
                    or "unknown",
                    "target": ", ".join(_name(G, t) for t in ev.get("target") or ())
                    or "unspecified",
                    "kind": q["kind"],
                    "value": q["value"],
                    "qualifier": q.get("qualifier") or "exact",
                    "event": k,
                    "doc_id": ev.get("doc_id", ""),
                    "date": event_date(G, ev)[0],
                    "sentence": (ev.get("sentence") or {}).get("text", "").strip(),
                }
            )
    return out


def draw_casualties(G: nx.MultiDiGraph, *, ax: Any = None, title: str | None = None):
    """Casualty figures by perpetrator and target, one bar per kind; return the Axes.

    News reports give running tolls ("the death toll rose to 31"), so a bar is the largest
    figure reported for that perpetrator, target and kind, not a sum; its label says how many
    reports gave a figure and whether it is a bound ("more than 4,300").
    """
    figs = casualty_figures(G)
    best: dict[tuple[str, str, str], dict] = {}
    reports: Counter = Counter()
    for f in figs:
        key = (f["perpetrator"], f["target"], f["kind"])
        reports[key] += 1
        if key not in best or f["value"] > best[key]["value"]:
            best[key] = f
    pairs = sorted({(p, t) for p, t, _ in best}, key=lambda pt: (-max(
        best[(*pt, k)]["value"] for k in CASUALTY_KINDS if (*pt, k) in best), pt))  # fmt: skip
    kinds = [k for k in CASUALTY_KINDS if any(key[2] == k for key in best)]
    ax = ax or _figure(11.0, min(20.0, 2.4 + 0.5 * max(len(pairs), 2) * max(len(kinds), 1)))
    text = "kgraph: casualty figures by perpetrator and target" + _sources(
        G, [_events(G)[f["event"]] for f in figs]
    )
    _set_title(ax, G, text, title, ["largest figure reported per bar, not a sum"] if figs else [])
    if not figs:
        ax.set_axis_off()
        ax.text(
            0.5, 0.5, f"no casualty figures ({', '.join(CASUALTY_KINDS)}) in these events",
            ha="center", va="center", transform=ax.transAxes,
        )  # fmt: skip
        return ax
    top = max(f["value"] for f in best.values())
    labelled = set()
    for i, (p, t) in enumerate(pairs):
        here = [k for k in kinds if (p, t, k) in best]  # bars of one pair centred on its row
        h = min(0.5, 0.8 / len(here))
        for j, kind in enumerate(here):
            f, n = best[(p, t, kind)], reports[(p, t, kind)]
            bars = ax.barh(
                [i + (j - (len(here) - 1) / 2) * h], [f["value"]], height=h * 0.9,
                color=CASUALTY_KINDS[kind], label=None if kind in labelled else kind,
            )  # fmt: skip
            labelled.add(kind)
            text = f"{_QUALIFIER.get(f['qualifier'], '')}{f['value']:,} {kind}"
            ax.bar_label(bars, [text + (f" ({n} reports)" if n > 1 else "")], padding=4,
                         fontsize=_FONT)  # fmt: skip
    ax.set_yticks(range(len(pairs)), [f"{p} → {t}" for p, t in pairs], fontsize=_FONT)
    ax.set_ylim(len(pairs) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.35)  # room for the value labels
    ax.set_xlabel("people (largest figure reported)")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(loc="lower right", frameon=False, fontsize=_FONT)
    ax.figure.tight_layout()
    return ax


def save_view(
    G: nx.MultiDiGraph,
    path: str | os.PathLike,
    *,
    view: Literal["timeline", "casualties"],
    title: str | None = None,
    **kw: Any,
) -> Path:
    """Draw the ``timeline`` or ``casualties`` view of ``G`` and write it to ``path``.

    The format follows the extension (.png, .svg or .pdf); the file is written atomically.
    """
    draw = {"timeline": draw_timeline, "casualties": draw_casualties}.get(view)
    if draw is None:
        raise FilterError(f"view {view!r}: expected map, timeline or casualties")
    return save_figure(draw(G, title=title, **kw).figure, path)
