"""Shared fixtures: the real pipeline is loaded once per session (tests marked ``model``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def nlp():
    from kgraph.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def sample_result(nlp):
    from kgraph.extract import extract
    from kgraph.textin import read_documents

    [res] = extract(read_documents(DATA / "articles" / "ceasefire.txt"), nlp=nlp)
    return res


def run_cli(*args: str, cwd: Path | None = None, stdin: str | bytes | None = None):
    """Run ``python -m kgraph`` as a user would; returns the CompletedProcess."""
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "kgraph", *args],
        cwd=cwd or ROOT,
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        timeout=300,
    )
