#!/usr/bin/env bash
# Regenerate the figures the README shows (run after `python3 bootstrap.py demo`).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/kgraph build data/articles/ceasefire.txt -o out/ -q
cp out/map.png docs/ceasefire_map.png
.venv/bin/kgraph build data/voa/ -o out/voa/ -q --title "kgraph: 10 VOA articles, March 2025"
cp out/voa/map.png docs/voa_map.png
