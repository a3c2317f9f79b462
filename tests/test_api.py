"""The public API a notebook uses: the same pipeline as the CLI, importable cheaply."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DATA


def test_import_is_cheap():
    code = "import kgraph, sys; assert not {'spacy', 'matplotlib', 'rdflib'} & set(sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.model
def test_pipeline_functions_compose(nlp):
    import networkx as nx

    from kgraph import build_graph, extract, from_rdf, read_documents, to_rdf

    results = list(extract(read_documents(DATA / "articles" / "ceasefire.txt"), nlp=nlp))
    G = build_graph(results)
    assert G.number_of_edges() >= 5
    assert nx.utils.graphs_equal(G, from_rdf(to_rdf(G)))
