#!/usr/bin/env python3
"""Set kgraph up in ./.venv and run it: the only two commands a fresh clone needs.

    python3 bootstrap.py demo   # install, then build the graph of data/articles/ into out/
    python3 bootstrap.py test   # install (with test extras), then run the whole test suite
    python3 bootstrap.py notebook   # install (with the notebook extra), then JupyterLab on notebooks/

Standard library only; works with any Python >= 3.11 that has venv and pip.
Installs are skipped when nothing changed since the last run (pyproject.toml hash).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*cmd: str | os.PathLike) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)


def setup(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"kgraph needs Python >= 3.11; this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".kgraph-installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]" if extras else ".")
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    what = argv[0] if argv else ""
    if what == "demo":
        setup("")
        run(BIN / "kgraph", "build", "data/articles/", "-o", "out/")
        print(
            "\nkgraph: open out/map.png; out/graph.ttl and out/events.jsonl hold the graph and events"
        )
        return 0
    if what == "notebook":
        setup("notebook")
        run(BIN / "jupyter", "lab", "notebooks/")
        return 0
    if what == "test":
        setup("test")
        run(PY, "-m", "pytest", *argv[1:])
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
