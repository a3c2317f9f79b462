"""kgraph.interactive: the offline HTML map (escaping, no network, events behind edges)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from test_render import EDGE_LABELS, sample_graph

from kgraph.errors import OutputError
from kgraph.interactive import notebook_view, save_html, to_html

EVIL_NAME = '<script>alert("x")</script> & "Co"'
EVIL_SENTENCE = (
    "Tom & 'Jerry' </script><script>alert(1)</script> <img src=x onerror=alert(2)> fired."
)


def evil_graph():
    """The sample graph with hostile names, a hostile sentence and full event records."""
    G = sample_graph()
    G.nodes["hamas"]["label"] = EVIL_NAME
    G.nodes["israel"]["aliases"] = ['Israel "the state"', "<b>IL</b>"]
    G.graph["documents"]["ap-1"]["title"] = "<i>Ceasefire</i> & more"
    G.graph["documents"]["ap-1"]["url"] = "https://example.org/article"
    G.graph["events"] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        text = EVIL_SENTENCE if k == "e5" else f"{u} {d['predicate']} {v}."
        start = 100
        trig = text.index("fired") if k == "e5" else len(u) + 1
        G.graph["events"][k] = {
            "id": k, "doc_id": "ap-1", "type": d["type"], "quad": d["quad"],
            "predicate": d["predicate"], "source": [u], "target": [v],
            "sentence": {"text": text, "start": start, "end": start + len(text)},
            "trigger": {"text": "fired", "start": start + trig, "end": start + trig + 5},
            "quantities": [{"kind": "killed", "value": 12, "qualifier": "at_least"}] if k == "e5" else [],
            "rule": "verb:subject+object", "modality": d["modality"], "negated": d["negated"],
        }  # fmt: skip
    return G


class Tags(HTMLParser):
    """Every tag and attribute of a page, and the text of its script blocks."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.scripts, self._in = [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        self._in = dict(attrs).get("type", "js") if tag == "script" else None

    def handle_data(self, data):
        if self._in:
            self.scripts.append((self._in, data))

    def handle_endtag(self, tag):
        self._in = None


@pytest.fixture(scope="module")
def page():
    return to_html(evil_graph())


@pytest.fixture(scope="module")
def parsed(page):
    p = Tags()
    p.feed(page)
    return p


def data_of(parsed):
    [block] = [text for kind, text in parsed.scripts if kind == "application/json"]
    return json.loads(block)


def test_names_and_sentences_are_escaped_not_markup(page, parsed):
    assert page.count("<script") == 2  # the JSON block and the page's own script
    assert "<img" not in page and "<b>IL" not in page and "<i>Ceasefire" not in page
    assert '<script>alert("x")' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot;" in page
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "p", "div",
               "svg", "defs", "marker", "path", "circle", "polygon", "text", "g", "line",
               "aside", "input", "script"}  # fmt: skip
    assert set(parsed.tags) <= allowed
    assert not [a for a in parsed.attrs if a[1].startswith("on")]  # no inline handlers


def test_the_data_block_round_trips_exactly_and_hides_no_markup(page, parsed):
    block = page.split('<script type="application/json" id="kgraph-data">')[1].split("</script>")[0]
    assert not set("<>&") & set(block)
    data = data_of(parsed)
    fired = next(e for e in data["edges"] if e["label"] == "fired")
    assert fired["from"] == EVIL_NAME
    [ev] = fired["events"]
    assert ev["sentence"] == EVIL_SENTENCE
    assert ev["sentence"][slice(*ev["trigger"])] == "fired"
    assert ev["quantities"] == "at least 12 killed"
    assert ev["doc"] == "ap-1 — <i>Ceasefire</i> & more"
    israel = next(n for n in data["nodes"] if n["label"] == "Israel")
    assert israel["aliases"] == ['Israel "the state"', "<b>IL</b>"]


def test_the_script_only_sets_text_content(parsed):
    [js] = [text for kind, text in parsed.scripts if kind == "js"]
    assert "textContent" in js
    assert ".innerHTML = help" in js and js.count("innerHTML") == 2  # only the fixed help text
    assert "eval(" not in js and "document.write" not in js


def test_no_external_resources(page, parsed):
    assert not [a for a in parsed.attrs if a[1] in ("src", "href")]
    assert "@import" not in page and "url(http" not in page
    assert not re.search(r"https?://", page)  # not even the article's URL


def test_one_path_per_drawn_arrow_with_its_events(parsed):
    edges = [a for a in parsed.attrs if a[:2] == ("path", "class") and a[2] == "edge"]
    assert len(edges) == len(EDGE_LABELS)
    data = data_of(parsed)
    assert sorted(e["label"] for e in data["edges"]) == sorted(EDGE_LABELS)
    assert (
        next(e for e in data["edges"] if e["label"] == "spoke with x2")["events"][1]["id"] == "e2"
    )
    assert sum(len(e["events"]) for e in data["edges"]) == 8  # all but the self-loop
    assert len(data["nodes"]) == 6
    dashed = [a for a in parsed.attrs if a[1] == "stroke-dasharray"]
    assert len(dashed) == 2  # the negated and the future event


def test_title_and_filters_in_the_header():
    from kgraph.filters import filter_graph

    page = to_html(filter_graph(sample_graph(), quads="conflict"))
    assert "<h1>kgraph: 3 actors, 4 events from ap-1 (2021-05-15)</h1>" in page
    assert '<p class="notes">conflict events only</p>' in page
    assert "<title>Gaza &amp; Israel</title>" in to_html(sample_graph(), title="Gaza & Israel")


def test_save_html_is_atomic_and_checks_the_extension(tmp_path):
    out = save_html(evil_graph(), tmp_path / "map.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(OutputError, match=r"expected an \.html file name"):
        save_html(evil_graph(), tmp_path / "map.png")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_same_graph_same_page():
    assert to_html(evil_graph()) == to_html(evil_graph())


def test_notebook_view_falls_back_to_an_iframe_of_the_page():
    view = notebook_view(evil_graph(), widget=False)
    html = view._repr_html_() if hasattr(view, "_repr_html_") else view.data
    assert html.startswith('<div><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert "<script" not in html  # the whole page is an escaped attribute value


def test_notebook_view_is_an_ipysigma_widget_when_installed():
    pytest.importorskip("ipysigma")
    w = notebook_view(evil_graph())
    assert type(w).__name__ == "Sigma"
    assert w.graph.number_of_edges() == 6  # one edge per (source, target) pair drawn
    edge = w.graph.edges["hamas", "israel"]
    assert edge["label"] == "fired" and EVIL_SENTENCE in edge["events"]


def test_the_page_script_parses_in_node(tmp_path, parsed):
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    [js] = [text for kind, text in parsed.scripts if kind == "js"]
    (tmp_path / "page.js").write_text(js, encoding="utf-8")
    subprocess.run([node, "--check", str(tmp_path / "page.js")], check=True, timeout=60)
