"""`kgraph render` with filters, views and --html, as a user runs it (no spaCy model needed)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import run_cli

from kgraph.records import Actor, DocumentResult, Event, Quantity, Span

ACTORS = [
    Actor("hamas", "Hamas", "armed_group", aliases=("the group",)),
    Actor("israel", "Israel", "country"),
    Actor("egypt", "Egypt", "country"),
    Actor("blinken", "Antony Blinken", "person", aliases=("Blinken",)),
    Actor("ashkenazi", "Gabi Ashkenazi", "person"),
    Actor("palestinians", 'Palestinians <"Gaza">', "population"),
]


def event(i, typ, pred, src, tgt, sentence, qs=()):
    start = sentence.index(pred.split()[0])
    return Event(
        f"e{i}", "d1", typ, "19", pred, (src,), (tgt,), Span(pred, start, start + len(pred)),
        Span(sentence, 0, len(sentence)), quantities=tuple(qs), confidence=0.8,
    )  # fmt: skip


EVENTS = [
    event(1, "ASSAULT", "fired", "hamas", "israel", "Hamas fired rockets at Israel, killing 12.",
          [Quantity("killed", 12)]),
    event(2, "ASSAULT", "killed", "israel", "palestinians", "Israel killed 232 Palestinians.",
          [Quantity("killed", 232, "at_least")]),
    event(3, "AGREE", "brokered", "egypt", "israel", "Egypt brokered a truce with Israel."),
    event(4, "AGREE", "brokered", "egypt", "hamas", "Egypt brokered a truce with Hamas."),
    event(5, "CONSULT", "spoke with", "blinken", "ashkenazi", "Blinken spoke with Ashkenazi."),
]  # fmt: skip


@pytest.fixture(scope="module")
def events_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("render") / "events.jsonl"
    doc = DocumentResult("d1", tuple(ACTORS), tuple(EVENTS), title="Truce", date="2021-05-21")
    path.write_text(json.dumps(doc.to_dict()) + "\n", encoding="utf-8")
    return path


def ok(*args):
    r = run_cli(*args)
    assert r.returncode == 0, r.stderr.decode()
    return r.stderr.decode()


def test_render_ego_network_says_what_it_shows(events_file, tmp_path):
    err = ok("render", str(events_file), "-o", str(tmp_path / "m.png"), "--actor", "the group")
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")
    assert "map of 3 actors, 3 event(s)" in err and "Hamas and actors within 1 hop" in err


@pytest.mark.parametrize(
    "args, note",
    [
        (["--type", "AGREE"], "map of 3 actors, 2 event(s)"),
        (["--type", "person"], "map of 2 actors, 1 event(s)"),
        (["--quad", "conflict"], "map of 3 actors, 2 event(s)"),
        (["--top", "2"], "top 2 of 6 actors by events"),
        (["--since", "2021-05-21", "--until", "2021-05-21"], "map of 6 actors, 5 event(s)"),
    ],
)
def test_render_filters(events_file, tmp_path, args, note):
    assert note in ok("render", str(events_file), "-o", str(tmp_path / "m.svg"), *args)


def test_unknown_actor_is_a_one_line_error_with_close_names(events_file, tmp_path):
    r = run_cli("render", str(events_file), "-o", str(tmp_path / "m.png"), "--actor", "Blinkn")
    assert r.returncode == 1
    assert r.stderr.decode() == (
        "kgraph: error: no actor named 'Blinkn'; close names: Antony Blinken (Blinken)\n"
    )
    assert not (tmp_path / "m.png").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "21/05/2021"], "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--since", "2022"], "nothing to draw: no event between actors passes the filters"),
        (["--quad", "peace"], "--quad 'peace': expected one of"),
        (["--view", "timeline", "--html"], "--html draws the map"),
    ],
)
def test_bad_filters_are_one_line_errors(events_file, tmp_path, args, message):
    r = run_cli("render", str(events_file), "-o", str(tmp_path / "m.png"), *args)
    assert r.returncode == 1
    err = r.stderr.decode()
    assert err.startswith("kgraph: error: ") and message in err and err.count("\n") == 1


@pytest.mark.parametrize("view", ["timeline", "casualties"])
def test_render_other_views(events_file, tmp_path, view):
    out = tmp_path / f"{view}.pdf"
    assert f"{view} of" in ok("render", str(events_file), "--view", view, "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")


def test_render_html_is_offline_and_escaped(events_file, tmp_path):
    out = tmp_path / "map.html"
    ok("render", str(events_file), "--html", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page)
    assert "Palestinians &lt;&quot;Gaza&quot;&gt;" in page and '<"Gaza">' not in page
    assert "Hamas fired rockets at Israel, killing 12." in page
    ok("render", str(events_file), "-o", str(tmp_path / "plain.html"))  # the extension is enough
    assert (tmp_path / "plain.html").read_text(encoding="utf-8") == page
