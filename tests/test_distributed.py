"""Extraction on a Dask cluster (kgraph[dask]) gives the records of a single-process run."""

from __future__ import annotations

import json
import logging

import pytest
from conftest import DATA, run_cli

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("dask") / "corpus.jsonl"
    files = [*sorted((DATA / "voa").glob("*.txt")), DATA / "articles" / "ceasefire.txt"]
    path.write_text(
        "".join(json.dumps({"id": p.stem, "text": p.read_text("utf-8")}) + "\n" for p in files)
    )
    return path


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,  # a worker per process, as on a real cluster: nothing shared
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as c:
        yield c


@pytest.fixture(scope="module")
def single(corpus, nlp):
    from kgraph.extract import extract
    from kgraph.textin import read_documents

    return [json.dumps(r.to_dict(), ensure_ascii=False) for r in extract(read_documents(corpus))]


def test_dask_results_equal_a_single_process_run(cluster, corpus, single):
    from distributed import Client

    from kgraph.distributed import extract_dask
    from kgraph.nlp import load_nlp
    from kgraph.textin import read_documents

    with Client(cluster) as client:
        got = [
            json.dumps(r.to_dict(), ensure_ascii=False)
            for r in extract_dask(read_documents(corpus), client=client, docs_per_task=2)
        ]
        loads = client.run(lambda: load_nlp.cache_info()._asdict())
    assert got == single  # same records, same order
    # each worker loaded the model once (the plugin) and reused it in each of the 6 tasks
    assert len(loads) == 2 and all(x["misses"] == 1 for x in loads.values())
    assert sum(x["hits"] for x in loads.values()) == 6


def test_cli_on_a_dask_scheduler(cluster, corpus, single, tmp_path):
    out = tmp_path / "events.jsonl"
    r = run_cli("extract", str(corpus), "--scheduler", cluster.scheduler_address, "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert out.read_text("utf-8").splitlines() == single


def test_a_model_missing_on_the_workers_is_a_clear_error(cluster, corpus):
    from distributed import Client

    from kgraph.distributed import extract_dask
    from kgraph.errors import ModelError
    from kgraph.textin import read_documents

    with Client(cluster) as client, pytest.raises(ModelError, match="no spaCy pipeline named"):
        list(extract_dask(read_documents(corpus), client=client, model="no_such_model"))
