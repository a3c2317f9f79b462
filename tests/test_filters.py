"""kgraph.filters: each filter reduces the graph as it says, and the map's title says so."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import pytest  # noqa: E402
from test_render import arrows, random_graph, sample_graph, texts  # noqa: E402

from kgraph.errors import FilterError  # noqa: E402
from kgraph.filters import DEFAULT_TOP, auto_top, event_date, filter_graph, find_actors  # noqa: E402
from kgraph.render import draw_map  # noqa: E402


def keys(G) -> set[str]:
    return {k for *_, k in G.edges(keys=True)}


def same_nodes_and_edges(H, G) -> bool:
    return list(H.nodes(data=True)) == list(G.nodes(data=True)) and list(
        H.edges(keys=True, data=True)
    ) == list(G.edges(keys=True, data=True))


def with_events(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The sample graph with event records, one target-less event and a second document."""
    G.graph["events"] = {
        k: {"id": k, "doc_id": d["doc_id"], "type": d["type"], "quad": d["quad"],
            "source": [u], "target": [v], "date": None}
        for u, v, k, d in G.edges(keys=True, data=True)
    }  # fmt: skip
    G.graph["events"]["solo"] = {"id": "solo", "doc_id": "ap-2", "type": "ASSAULT",
                                 "quad": "material_conflict", "source": ["hamas"], "target": []}  # fmt: skip
    G.graph["documents"]["ap-2"] = {"title": "Other", "date": "2021-05-20", "url": ""}
    return G


def test_no_filter_gives_an_equal_copy():
    G = sample_graph()
    H = filter_graph(G)
    assert H is not G and same_nodes_and_edges(H, G) and H.graph["filters"] == []


def test_ego_network_one_hop_keeps_the_actor_its_neighbours_and_their_events():
    G = sample_graph()
    H = filter_graph(G, actor="Hamas")
    assert set(H) == {"hamas", "israel", "egypt"}
    assert keys(H) == {"e3", "e4", "e5", "e7", "e8", "e9"}  # e3: between two neighbours
    assert H.graph["filters"] == ["Hamas and actors within 1 hop"]
    assert set(G) == {a for a, *_ in __import__("test_render").ACTORS}  # input untouched


def test_hops_widen_the_ego_network():
    G = sample_graph()
    assert set(filter_graph(G, actor="hamas", hops=0)) == {"hamas"}
    assert keys(filter_graph(G, actor="hamas", hops=0)) == {"e9"}  # its own self-loop
    assert set(filter_graph(G, actor="hamas", hops=2)) == {
        "hamas",
        "israel",
        "egypt",
        "palestinians",
    }
    assert "within 2 hops" in filter_graph(G, actor="hamas", hops=2).graph["filters"][0]


def test_actor_matches_label_alias_and_id_case_insensitively():
    G = sample_graph()
    G.nodes["blinken"]["aliases"] = ["Blinken", "the top US diplomat"]
    for name in ("antony blinken", "BLINKEN", "The Top US Diplomat", "blinken"):
        assert find_actors(G, name) == ["blinken"]
    G.add_node("blinken2", label="Antony Blinken", type="person")  # two actors, one name
    assert find_actors(G, "Antony Blinken") == ["blinken", "blinken2"]


def test_unknown_actor_is_one_line_listing_close_names():
    G = sample_graph()
    with pytest.raises(FilterError) as err:
        filter_graph(G, actor="Hamaz")
    assert str(err.value) == "no actor named 'Hamaz'; close names: Hamas"
    with pytest.raises(FilterError, match="no close name either"):
        find_actors(G, "Zelenskyy")
    with pytest.raises(FilterError, match="Antony Blinken"):
        find_actors(G, "Blinkn")


def test_event_type_and_actor_kind():
    G = sample_graph()
    H = filter_graph(G, types=["assault"])
    assert keys(H) == {"e5", "e6", "e7"}
    assert H.graph["filters"] == ["ASSAULT events only"]
    assert keys(filter_graph(G, types="CONSULT,AGREE")) == {"e1", "e2", "e3", "e4"}
    P = filter_graph(G, types=["person"])
    assert set(P) == {"blinken", "ashkenazi"} and keys(P) == {"e1", "e2"}
    assert P.graph["filters"] == ["events involving actors of kind person"]
    assert keys(filter_graph(G, types=["armed_group"])) == {"e4", "e5", "e7", "e8", "e9"}
    with pytest.raises(FilterError, match="expected a PLOVER event type"):
        filter_graph(G, types=["battle"])


def test_quad_classes_and_their_words():
    G = sample_graph()
    assert keys(filter_graph(G, quads="conflict")) == {"e5", "e6", "e7", "e8", "e9"}
    assert keys(filter_graph(G, quads=["material_conflict"])) == {"e5", "e6", "e7", "e9"}
    assert keys(filter_graph(G, quads=["verbal"])) == {"e1", "e2", "e3", "e4", "e8"}
    assert filter_graph(G, quads="coop").graph["filters"] == ["coop events only"]
    assert filter_graph(G, quads="verbal_coop").graph["filters"] == [
        "verbal cooperation events only"
    ]
    with pytest.raises(FilterError, match="--quad 'war'"):
        filter_graph(G, quads="war")


def test_dates_use_the_event_date_else_the_document_date():
    G = sample_graph()  # document ap-1: 2021-05-15; e2 is dated 2021-05-16 in its sentence
    assert event_date(G, G.edges["blinken", "ashkenazi", "e2"]) == ("2021-05-16", True)
    assert event_date(G, G.edges["blinken", "ashkenazi", "e1"]) == ("2021-05-15", False)
    assert keys(filter_graph(G, since="2021-05-16")) == {"e2"}
    assert keys(filter_graph(G, until="2021-05-15")) == keys(G) - {"e2"}
    assert keys(filter_graph(G, since="2021-05", until="2021-05")) == keys(G)  # a month
    assert keys(filter_graph(G, since="2021-05-16", until="2021-05-16")) == {"e2"}
    G.graph["documents"]["ap-1"]["date"] = ""  # now only e2 has a date
    H = filter_graph(G, since="2021")
    assert keys(H) == {"e2"}
    assert H.graph["filters"] == ["events dated 2021 or later (8 undated events left out)"]


@pytest.mark.parametrize("bad", ["2021-13", "2021-02-30", "May 2021", "21-05-01", ""])
def test_bad_dates_say_the_expected_form(bad):
    with pytest.raises(FilterError, match="expected a date as YYYY, YYYY-MM or YYYY-MM-DD"):
        filter_graph(sample_graph(), since=bad)


def test_min_mentions_drops_rarely_mentioned_actors_but_not_the_named_one():
    G = sample_graph()  # ashkenazi and palestinians are mentioned twice
    H = filter_graph(G, min_mentions=3)
    assert "ashkenazi" not in H and "palestinians" not in H
    assert keys(H) == keys(G) - {"e1", "e2", "e6"}
    assert "ashkenazi" in filter_graph(G, actor="Gabi Ashkenazi", min_mentions=3)


def test_top_keeps_the_actors_with_most_events_and_says_what_was_left_out():
    G = sample_graph()
    H = filter_graph(G, top=2)
    assert set(H) == {"israel", "hamas"}
    assert keys(H) == {"e5", "e7", "e8", "e9"}
    assert H.graph["filters"] == ["top 2 of 6 actors by events (4 actors, 5 events not shown)"]
    assert same_nodes_and_edges(filter_graph(G, top=0), G)  # 0: all
    assert filter_graph(G, top=10).graph["filters"] == []  # nothing left out, nothing said


def test_records_and_documents_follow_the_kept_events():
    G = with_events(sample_graph())
    H = filter_graph(G, actor="Blinken")
    assert set(H.graph["events"]) == {"e1", "e2"} and set(H.graph["documents"]) == {"ap-1"}
    C = filter_graph(G, quads="material_conflict")  # the target-less event of a kept actor too
    assert set(C.graph["events"]) == {"e5", "e6", "e7", "e9", "solo"}
    assert set(C.graph["documents"]) == {"ap-1", "ap-2"}
    assert "solo" not in filter_graph(G, quads="coop").graph["events"]


def test_filters_chain_and_the_map_title_lists_them():
    G = sample_graph()
    H = filter_graph(filter_graph(G, quads="conflict"), top=2)
    assert H.graph["filters"] == [
        "conflict events only",
        "top 2 of 3 actors by events (1 actor, 1 event not shown)",
    ]
    ax = draw_map(H)
    assert ax.get_title().splitlines() == [
        "kgraph: 2 actors, 3 events from ap-1 (2021-05-15)",
        "conflict events only; top 2 of 3 actors by events (1 actor, 1 event not shown)",
    ]
    assert draw_map(H, title="Gaza").get_title().splitlines()[0] == "Gaza"  # filters stay
    assert {t.get_text() for t in texts(ax, "node-label:")} == {"Israel", "Hamas"}
    assert set(arrows(ax)) == {"edge:hamas->israel", "edge:israel->hamas"}


def test_large_graph_default_is_the_top_actors():
    G = random_graph(n=60, m=120)
    assert auto_top(G) == DEFAULT_TOP and auto_top(sample_graph()) is None
    H = filter_graph(G, top=auto_top(G))
    drawn = texts(draw_map(H), "node-label:")
    assert len(drawn) == DEFAULT_TOP
    n = len({v for e in G.edges() for v in e})
    assert H.graph["filters"][0].startswith(f"top {DEFAULT_TOP} of {n} actors by events (")
