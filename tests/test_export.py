"""kgraph.export: the events table users compare with GDELT/ACLED, GraphML and GEXF for Gephi."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from test_merge import FULL, HAMAS, ISRAEL, corpus, doc, fired

from kgraph.errors import InputError
from kgraph.export import EVENT_COLUMNS, write_events_csv, write_gexf, write_graphml, write_outputs
from kgraph.graph import build_graph
from kgraph.records import Actor, Mention


def read_csv(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_events_csv_has_one_row_per_merged_event(tmp_path):
    rows = read_csv(write_events_csv(build_graph(corpus()), tmp_path / "events.csv"))
    assert list(rows[0]) == list(EVENT_COLUMNS) and len(rows) == 2
    call, fire = rows
    assert (call["actor1"], call["actor1_country"], call["actor1_sector"]) == (
        "Antony Blinken", "USA", "GOV")  # fmt: skip
    assert (call["event_type"], call["cameo_root"], call["quad_class"]) == (
        "CONSULT", "04", "verbal_coop")  # fmt: skip
    assert (fire["actor1"], fire["actor2"], fire["actor2_country"]) == ("Hamas", "Israel", "ISR")
    assert fire["fatalities"] == "10" and fire["fatalities_reported"] == "12; 10"  # lowest first
    assert (fire["mentions"], fire["sources"], fire["documents"]) == ("2", "2", "wire-a; wire-b")
    assert (fire["date"], fire["date_stated"]) == ("2021-05-20", "True")
    assert fire["source_document"] == "wire-a" and fire["url"] == "https://example.org/wire-a"
    assert fire["sentence"].startswith("Hamas fired rockets") and fire["trigger"] == "fired"
    assert fire["event_id"] == "ea2" and float(fire["confidence"]) == 0.5


@pytest.mark.parametrize("name", ["=HYPERLINK(1)", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_neutralised(tmp_path, name):
    evil = Actor(HAMAS.id, name, "armed_group", mentions=(Mention(name, 0, 5),))
    G = build_graph([doc("d", [evil, ISRAEL], [fired("e1", "d", 3)])])
    [row] = read_csv(write_events_csv(G, tmp_path / "e.csv"))
    assert row["actor1"] == "'" + name and row["fatalities"] == "3"


def test_graphml_and_gexf_load_back_with_flat_attributes(tmp_path):
    G = build_graph(corpus())
    H = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"))
    assert set(H) == set(G) and H.number_of_edges() == G.number_of_edges()
    assert H.nodes[FULL.id]["documents"] == "wire-a; wire-b"
    assert H.nodes[FULL.id]["merged"] == "surname:blinken-d47165"
    K = nx.read_gexf(write_gexf(G, tmp_path / "g.gexf"))
    assert {K.nodes[n]["label"] for n in K} >= {"Antony Blinken", "Hamas", "Israel"}
    assert K.number_of_edges() == G.number_of_edges()


def test_xml_exports_survive_control_characters(tmp_path):
    bad = Actor(HAMAS.id, "Ha\x00mas\x1f", "armed_group", mentions=(Mention("x", 0, 1),))
    G = build_graph([doc("d", [bad, ISRAEL], [fired("e1", "d")])])
    assert nx.read_graphml(write_graphml(G, tmp_path / "g.graphml")).nodes[HAMAS.id]["label"]
    assert nx.read_gexf(write_gexf(G, tmp_path / "g.gexf")).number_of_nodes() == 2


def test_write_outputs_writes_each_format_and_refuses_unknown_ones(tmp_path):
    G = build_graph(corpus())
    names = write_outputs(G, tmp_path / "out", ["ttl", "trig", "nq", "jsonld", "csv", "gexf"])
    assert all((tmp_path / "out" / n).stat().st_size > 0 for n in names)
    with pytest.raises(InputError, match="unknown output format xls"):
        write_outputs(G, tmp_path / "out", ["csv", "xls"])
