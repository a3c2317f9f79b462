"""kgraph.views: the timeline and casualty charts (Agg backend, graphs built by hand)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from test_render import sample_graph  # noqa: E402

from kgraph.errors import FilterError, OutputError  # noqa: E402
from kgraph.render import QUAD_COLOURS  # noqa: E402
from kgraph.views import (  # noqa: E402
    CASUALTY_KINDS,
    casualty_figures,
    draw_casualties,
    draw_timeline,
    save_view,
    timeline_rows,
)


def legend_texts(ax) -> set[str]:
    legends = [c for c in ax.get_children() if isinstance(c, Legend)]
    return {t.get_text() for leg in legends for t in leg.get_texts()}


def markers(ax) -> list:
    return [c for c in ax.collections if len(c.get_offsets())]


def test_timeline_rows_are_actor_pairs_dated_by_sentence_or_document():
    rows = timeline_rows(sample_graph())
    assert len(rows) == 8  # every event between two actors; the self-loop is no pair
    e2 = next(r for r in rows if r["event"] == "e2")
    assert (e2["row"], e2["date"], e2["stated"]) == (
        "Antony Blinken → Gabi Ashkenazi",
        "2021-05-16",
        True,
    )
    assert {r["date"] for r in rows if r["event"] != "e2"} == {"2021-05-15"}
    assert not any(r["stated"] for r in rows if r["event"] != "e2")
    assert next(r for r in rows if r["event"] == "e7")["predicate"] == "not attacked"
    assert rows == sorted(rows, key=lambda r: (r["date"], r["row"], r["event"]))


def test_timeline_by_type_counts_every_event():
    rows = timeline_rows(sample_graph(), by="type")
    assert {r["row"] for r in rows} == {"CONSULT", "AGREE", "ASSAULT", "THREATEN", "MOBILIZE"}
    assert len(rows) == 9
    with pytest.raises(FilterError, match="expected 'pair' or 'type'"):
        timeline_rows(sample_graph(), by="actor")


def test_timeline_draws_one_row_per_pair_and_one_marker_per_day_and_class():
    ax = draw_timeline(sample_graph())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 6 and "Israel → Hamas" in labels and "Hamas → Hamas" not in labels
    # Blinken -> Ashkenazi: one marker on the 15th (hollow) and one on the 16th (filled);
    # Israel -> Hamas: two classes on the 15th side by side
    assert len(markers(ax)) == 8
    filled = [c for c in markers(ax) if c.get_facecolor()[0][:3].tolist() != [1, 1, 1]]
    assert len(filled) == 1 and to_rgb(filled[0].get_facecolor()[0]) == to_rgb(
        QUAD_COLOURS["verbal_coop"]
    )
    assert {"verbal cooperation", "verbal conflict", "material conflict",
            "date stated in the sentence", "article's publication date"} <= legend_texts(ax)  # fmt: skip
    assert (
        ax.get_title(loc="left")
        == "kgraph timeline: 8 events by actor pairs from ap-1 (2021-05-15 to 2021-05-16)"
    )
    notes = " ".join(t.get_text() for t in ax.texts)
    assert "spoke with" in notes and "not attacked" in notes


def test_timeline_says_what_it_left_out():
    G = sample_graph()
    G.graph["documents"]["ap-1"]["date"] = ""
    ax = draw_timeline(G, max_rows=1)
    assert ax.get_title(loc="left").splitlines() == [
        "kgraph timeline: 1 event by actor pairs from ap-1 (2021-05-16)",
        "7 undated events left out",
    ]
    ax = draw_timeline(sample_graph(), max_rows=3)
    assert len(ax.get_yticklabels()) == 3
    assert "3 of 6 rows with the most events" in ax.get_title(loc="left")


def test_timeline_without_dates_says_so():
    G = sample_graph()
    G.graph["documents"]["ap-1"]["date"] = ""
    G.remove_edge("blinken", "ashkenazi", "e2")
    ax = draw_timeline(G)
    assert [t.get_text() for t in ax.texts] == ["no dated events to show"]


def casualty_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(documents={"d1": {"date": "2024-03-01"}, "d2": {"date": "2024-03-02"}})
    for n in ("israel", "palestinians", "fighters", "hamas", "bla", "pakistan"):
        G.add_node(n, label=n.title())

    def ev(i, src, tgt, doc, *qs):
        return {"id": i, "doc_id": doc, "type": "ASSAULT", "quad": "material_conflict",
                "source": src, "target": tgt, "sentence": {"text": f"sentence {i}"},
                "quantities": [{"kind": k, "value": v, "qualifier": q} for k, v, q in qs]}  # fmt: skip

    G.graph["events"] = {
        "a": ev("a", ["israel"], ["palestinians", "fighters"], "d1",
                ("killed", 232, "exact"), ("wounded", 1900, "about")),
        "b": ev("b", ["hamas"], ["israel"], "d1", ("rockets", 4300, "at_least"), ("killed", 12, "exact")),
        "c": ev("c", ["bla"], [], "d1", ("killed", 21, "exact")),
        "d": ev("d", ["bla"], [], "d2", ("killed", 31, "at_least")),  # a later toll, same attack
        "e": ev("e", ["pakistan"], ["bla"], "d2", ("arrested", 40, "exact")),
    }  # fmt: skip
    for k, e in G.graph["events"].items():
        for s in e["source"]:
            for t in e["target"]:
                G.add_edge(s, t, key=k, type="ASSAULT", doc_id=e["doc_id"])
    return G


def test_casualty_figures_keep_multi_target_groups_and_skip_other_kinds():
    figs = casualty_figures(casualty_graph())
    assert [(f["perpetrator"], f["target"], f["kind"], f["value"]) for f in figs] == [
        ("Israel", "Palestinians, Fighters", "killed", 232),
        ("Israel", "Palestinians, Fighters", "wounded", 1900),
        ("Hamas", "Israel", "killed", 12),
        ("Bla", "unspecified", "killed", 21),
        ("Bla", "unspecified", "killed", 31),
    ]  # no rockets, no arrests: not casualties
    assert figs[0]["sentence"] == "sentence a" and figs[4]["date"] == "2024-03-02"


def test_casualty_chart_shows_the_largest_report_not_a_sum():
    ax = draw_casualties(casualty_graph())
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]
    assert sorted(p.get_width() for p in bars) == [12, 31, 232, 1900]
    labels = {t.get_text() for t in ax.texts}
    assert labels == {
        "232 killed",
        "about 1,900 wounded",
        "12 killed",
        "more than 31 killed (2 reports)",
    }
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == ["Israel → Palestinians, Fighters", "Bla → unspecified", "Hamas → Israel"]
    assert legend_texts(ax) == {"killed", "wounded"}
    colours = {to_rgb(p.get_facecolor()) for p in bars}
    assert colours == {to_rgb(CASUALTY_KINDS["killed"]), to_rgb(CASUALTY_KINDS["wounded"])}
    assert "not a sum" in ax.get_title(loc="left")


def test_casualty_chart_without_figures_says_so():
    ax = draw_casualties(sample_graph())
    assert [t.get_text() for t in ax.texts] == [
        "no casualty figures (killed, wounded, casualties) in these events"
    ]


@pytest.mark.parametrize("view", ["timeline", "casualties"])
def test_save_view_writes_the_format_of_the_extension(tmp_path, view):
    out = save_view(casualty_graph(), tmp_path / "v.svg", view=view)
    assert out.read_bytes().startswith(b"<?xml")
    with pytest.raises(OutputError, match=r"expected a \.png, \.svg or \.pdf"):
        save_view(casualty_graph(), tmp_path / "v.gif", view=view)
    with pytest.raises(FilterError, match="expected map, timeline or casualties"):
        save_view(casualty_graph(), tmp_path / "v.png", view="pie")
    assert [p.name for p in tmp_path.iterdir()] == ["v.svg"]
