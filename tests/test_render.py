"""kgraph.render: structural checks of the drawn map (Agg backend, graphs built by hand)."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

from kgraph.errors import OutputError  # noqa: E402
from kgraph.render import QUAD_COLOURS, TYPE_COLOURS, draw_map, save_map  # noqa: E402

ACTORS = [  # id, name, type, mentions
    ("blinken", "Antony Blinken", "person", 4),
    ("ashkenazi", "Gabi Ashkenazi", "person", 2),
    ("egypt", "Egypt", "country", 3),
    ("israel", "Israel", "country", 8),
    ("hamas", "Hamas", "armed_group", 6),
    ("palestinians", "Palestinians", "population", 2),
    ("un", "United Nations", "organisation", 1),  # isolated: no event
]
EVENTS = [  # id, source, target, predicate, PLOVER type, quad, extra
    ("e1", "blinken", "ashkenazi", "spoke with", "CONSULT", "verbal_coop", {}),
    ("e2", "blinken", "ashkenazi", "spoke with", "CONSULT", "verbal_coop", {"date": "2021-05-16"}),
    ("e3", "egypt", "israel", "brokered", "AGREE", "verbal_coop", {}),
    ("e4", "egypt", "hamas", "brokered", "AGREE", "verbal_coop", {}),
    ("e5", "hamas", "israel", "fired", "ASSAULT", "material_conflict", {}),
    ("e6", "israel", "palestinians", "killed", "ASSAULT", "material_conflict", {}),
    ("e7", "israel", "hamas", "attacked", "ASSAULT", "material_conflict", {"negated": True}),
    ("e8", "israel", "hamas", "threatened", "THREATEN", "verbal_conflict", {"modality": "future"}),
    ("e9", "hamas", "hamas", "regrouped", "MOBILIZE", "material_conflict", {}),  # self-loop
]
EDGE_LABELS = [
    "spoke with x2",
    "brokered",
    "brokered",
    "fired",
    "killed",
    "not attacked",
    "threatened",
]
CONNECTED = {name for _, name, *_ in ACTORS} - {"United Nations"}


def sample_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["documents"] = {"ap-1": {"title": "Ceasefire", "date": "2021-05-15", "url": ""}}
    G.graph["events"] = {}
    for aid, name, typ, mentions in ACTORS:
        G.add_node(aid, label=name, type=typ, mentions=mentions, documents=["ap-1"])
    for eid, s, t, pred, typ, quad, extra in EVENTS:
        attrs = {"negated": False, "modality": "asserted", "date": "", **extra}
        G.add_edge(
            s,
            t,
            key=eid,
            event=eid,
            type=typ,
            quad=quad,
            predicate=pred,
            doc_id="ap-1",
            confidence=0.8,
            reciprocal=False,
            **attrs,
        )
    return G


def random_graph(n: int = 40, m: int = 80, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    types = ["person", "government", "military", "armed_group", "country", "population"]
    preds = [
        ("spoke with", "verbal_coop"),
        ("fired", "material_conflict"),
        ("accused", "verbal_conflict"),
        ("sent aid", "material_coop"),
    ]
    G = nx.MultiDiGraph(documents={f"d{i}": {"date": f"2024-01-0{i + 1}"} for i in range(5)})
    for i in range(n):
        G.add_node(
            f"a{i}", label=f"Actor number {i}", type=types[i % 6], mentions=rng.randint(0, 9)
        )
    for k in range(m):
        u, v = rng.sample(range(n), 2)
        pred, quad = rng.choice(preds)
        G.add_edge(f"a{u}", f"a{v}", key=f"e{k}", predicate=pred, quad=quad, doc_id=f"d{k % 5}")
    return G


@pytest.fixture(scope="module")
def ax():
    return draw_map(sample_graph())


def texts(ax, prefix: str) -> list:
    return [t for t in ax.texts if (t.get_gid() or "").startswith(prefix)]


def arrows(ax) -> dict[str, list[FancyArrowPatch]]:
    out: dict[str, list[FancyArrowPatch]] = {}
    for p in ax.patches:
        if isinstance(p, FancyArrowPatch):
            out.setdefault(p.get_gid(), []).append(p)
    return out


def legend_texts(ax) -> set[str]:
    legends = [c for c in ax.get_children() if isinstance(c, Legend)]
    return {t.get_text() for leg in legends for t in leg.get_texts()}


def test_one_marker_per_connected_actor(ax):
    offsets = [c.get_offsets() for c in ax.collections if (c.get_gid() or "").startswith("nodes:")]
    assert sum(len(o) for o in offsets) == len(CONNECTED)


def test_names_of_connected_actors_only(ax):
    assert {t.get_text() for t in texts(ax, "node-label:")} == CONNECTED


def test_edges_aggregated_and_labelled(ax):
    assert sorted(t.get_text() for t in texts(ax, "edge-label")) == sorted(EDGE_LABELS)
    # one arrow per (source, target, predicate); the self-loop is not drawn
    assert sum(len(v) for v in arrows(ax).values()) == len(EDGE_LABELS)
    assert "edge:hamas->hamas" not in arrows(ax)


def test_width_and_colour_follow_count_and_quad_class(ax):
    a = arrows(ax)
    assert (
        a["edge:blinken->ashkenazi"][0].get_linewidth() > a["edge:egypt->israel"][0].get_linewidth()
    )
    assert to_rgb(a["edge:hamas->israel"][0].get_edgecolor()) == to_rgb(
        QUAD_COLOURS["material_conflict"]
    )
    assert to_rgb(a["edge:egypt->israel"][0].get_edgecolor()) == to_rgb(QUAD_COLOURS["verbal_coop"])


def test_negated_dashed_and_future_dotted(ax):
    styles = {p.get_linestyle() for p in arrows(ax)["edge:israel->hamas"]}
    assert styles == {"--", ":"}
    assert arrows(ax)["edge:israel->palestinians"][0].get_linestyle() == "-"


def test_opposite_and_parallel_edges_have_distinct_radii(ax):
    a = arrows(ax)
    radii = [p.get_connectionstyle().rad for p in a["edge:hamas->israel"] + a["edge:israel->hamas"]]
    assert len(radii) == 3 and len(set(radii)) == 3


def test_legends_list_the_types_and_quad_classes_present(ax):
    entries = legend_texts(ax)
    assert {"person", "country", "armed group", "population"} <= entries
    assert "organisation" not in entries  # only the isolated actor has this type
    assert {"verbal cooperation", "verbal conflict", "material conflict"} <= entries
    assert "material cooperation" not in entries
    assert {"negated", "future / hypothetical"} <= entries


def test_default_title_names_counts_documents_and_dates(ax):
    assert ax.get_title() == "kgraph: 6 actors, 8 events from ap-1 (2021-05-15 to 2021-05-16)"
    assert draw_map(sample_graph(), title="Gaza").get_title() == "Gaza"


def _label_boxes(ax):
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [t.get_bbox_patch().get_window_extent(renderer) for t in texts(ax, "node-label:")]


def test_node_labels_do_not_overlap(ax):
    for a, b in combinations(_label_boxes(ax), 2):
        assert not a.overlaps(b)


def test_labels_stay_inside_the_figure(ax):
    fig_box = ax.figure.bbox
    for box in _label_boxes(ax):
        assert fig_box.x0 <= box.x0 and box.x1 <= fig_box.x1
        assert fig_box.y0 <= box.y0 and box.y1 <= fig_box.y1


def test_edge_label_sits_on_its_own_curve():
    """Regression: the label is at the midpoint of the curved arrow, not of the straight line."""
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", type="country")
    G.add_node("b", label="B", type="country")
    G.add_edge("a", "b", key="1", predicate="met", quad="verbal_coop")
    G.add_edge("b", "a", key="2", predicate="shelled", quad="material_conflict")
    ax = draw_map(G)
    ax.figure.canvas.draw()
    by_text = {t.get_text(): t for t in texts(ax, "edge-label")}
    for gid, label in (("edge:a->b", "met"), ("edge:b->a", "shelled")):
        patch = arrows(ax)[gid][0]
        ts = np.linspace(0, 1, 201)
        curve = np.vstack([b(ts) for b, _ in patch.get_path().iter_bezier()])  # data coords
        gap = np.hypot(*(curve - by_text[label].get_position()).T).min()
        assert gap < 0.005
    # the two arcs bend to opposite sides of the straight line a-b
    (xa, ya), (xb, yb) = (by_text[k].get_position() for k in ("met", "shelled"))
    assert abs(xa - xb) + abs(ya - yb) > 0.1


def test_large_graph_labels_do_not_pile_up():
    ax = draw_map(random_graph())
    boxes = _label_boxes(ax)
    assert len(boxes) == len({v for e in random_graph().edges() for v in e})
    overlaps = sum(a.overlaps(b) for a, b in combinations(boxes, 2))
    assert overlaps == 0
    assert ax.figure.get_figwidth() == 20


def test_graph_from_build_graph_counts_events_not_edges_and_shows_reciprocity():
    from kgraph.graph import build_graph
    from kgraph.records import Actor, DocumentResult, Event, Span

    actors = tuple(Actor(i, i.title(), "country") for i in ("egypt", "qatar", "israel", "hamas"))
    span = Span("x", 0, 1)
    events = (  # one mediation by two actors between two others: 4 edges, 1 event
        Event("m", "d1", "CONSULT", "04", "mediated", ("egypt", "qatar"), ("israel", "hamas"),
              span, span, modality="hypothetical"),
        Event("a", "d1", "AGREE", "03", "agreed", ("israel", "hamas"), (), span, span),
    )  # fmt: skip
    ax = draw_map(build_graph([DocumentResult("d1", actors, events, date="2021-05-20")]))
    assert ax.get_title() == "kgraph: 4 actors, 2 events from d1 (2021-05-20)"
    agreed = arrows(ax)["edge:israel->hamas"]
    assert [type(p.get_arrowstyle()).__name__ for p in agreed] == ["CurveFilledAB"]  # <|-|>
    assert {p.get_linestyle() for p in arrows(ax)["edge:egypt->israel"]} == {":"}


def test_graph_without_edges_draws_its_nodes_only():
    G = nx.MultiDiGraph()
    for aid, name, typ, m in ACTORS[:3]:
        G.add_node(aid, label=name, type=typ, mentions=m)
    ax = draw_map(G)
    assert {t.get_text() for t in texts(ax, "node-label:")} == {
        "Antony Blinken",
        "Gabi Ashkenazi",
        "Egypt",
    }
    assert not arrows(ax)
    assert draw_map(nx.MultiDiGraph()).get_title() == "kgraph: 0 actors, 0 events"


def test_draws_on_a_given_axes():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 4))
    target = fig.add_subplot()
    assert draw_map(sample_graph(), ax=target) is target


def test_style_tables_cover_every_type_and_quad_class():
    assert set(TYPE_COLOURS) == {
        "person",
        "government",
        "military",
        "armed_group",
        "organisation",
        "population",
        "country",
        "place",
        "group",
    }
    assert {"verbal_coop", "material_coop", "verbal_conflict", "material_conflict"} <= set(
        QUAD_COLOURS
    )


@pytest.mark.parametrize(
    "ext, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")]
)
def test_save_map_writes_the_format_of_the_extension_byte_identically(tmp_path, ext, magic):
    first = save_map(sample_graph(), tmp_path / f"one{ext}")
    second = save_map(sample_graph(), tmp_path / f"two{ext}")
    assert first == tmp_path / f"one{ext}"
    assert first.read_bytes().startswith(magic)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"one{ext}", f"two{ext}"]


def test_save_map_rejects_an_unknown_extension(tmp_path):
    with pytest.raises(OutputError, match=r"expected a \.png, \.svg or \.pdf") as err:
        save_map(sample_graph(), tmp_path / "map.jpg")
    assert "\n" not in str(err.value)
    assert not list(tmp_path.iterdir())


def test_save_map_missing_folder_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="check the folder"):
        save_map(sample_graph(), tmp_path / "nope" / "map.png")


def test_save_map_removes_its_temp_file_on_failure(tmp_path, monkeypatch):
    from matplotlib.figure import Figure

    def broken(self, fname, **kw):
        open(fname, "wb").write(b"\x89PNG partial")
        raise OSError(28, "No space left on device")

    (tmp_path / "map.png").write_bytes(b"old")
    monkeypatch.setattr(Figure, "savefig", broken)
    with pytest.raises(OutputError, match="No space left"):
        save_map(sample_graph(), tmp_path / "map.png")
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]
    assert (tmp_path / "map.png").read_bytes() == b"old"  # the old map is untouched


def test_import_does_not_import_matplotlib():
    code = "import kgraph.render, sys; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


BASELINE = Path(__file__).parent / "baseline" / "sample_map.png"


def test_sample_map_looks_like_the_baseline_image(tmp_path):
    """Pixel comparison with a tolerance; KGRAPH_UPDATE_BASELINE=1 rewrites the baseline."""
    from matplotlib.testing.compare import compare_images

    out = save_map(sample_graph(), tmp_path / "map.png")
    if os.environ.get("KGRAPH_UPDATE_BASELINE"):
        shutil.copyfile(out, BASELINE)
    assert compare_images(str(BASELINE), str(out), tol=6) is None
    # the tolerance is tight enough to see a change: one event less is another picture
    G = sample_graph()
    G.remove_edge("israel", "palestinians", "e6")
    other = save_map(G, tmp_path / "other.png")
    assert compare_images(str(BASELINE), str(other), tol=6) is not None
