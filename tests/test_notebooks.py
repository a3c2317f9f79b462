"""The notebooks in notebooks/ run top to bottom (nbclient + ipykernel, real spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run_notebook(name: str):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    return [c for c in nb.cells if c.cell_type == "code"]


def outputs(cell, mime: str) -> list:
    return [o["data"][mime] for o in cell.outputs if mime in o.get("data", {})]


def text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


@pytest.mark.model
def test_quickstart_runs_and_shows_the_map_table_query_and_trace():
    cells = run_notebook("quickstart.ipynb")
    assert "MultiDiGraph with" in text(cells[0])
    assert outputs(cells[1], "image/png")  # the map
    assert "spoke with" in outputs(cells[2], "text/html")[0]  # the events table
    assert "edges" in text(cells[4]) and "Egypt" in outputs(cells[4], "text/plain")[0]
    assert "Hamas --fired [ASSAULT]--> Israel" in text(cells[5])
    assert "more than 4,300 rockets" in text(cells[5])  # the sentence
    assert outputs(cells[6], "application/vnd.jupyter.widget-view+json") or outputs(
        cells[6], "text/html"
    )


@pytest.mark.model
def test_corpus_notebook_runs_and_draws_its_views():
    cells = run_notebook("corpus.ipynb")
    assert "from 10 documents" in text(cells[0])
    images = [c for c in cells if outputs(c, "image/png")]
    assert len(images) == 4  # map, ego network, timeline, casualties
    tables = [c for c in cells if outputs(c, "text/html")]
    assert len(tables) >= 3  # actors, conflict vs cooperation matrix, casualty figures
