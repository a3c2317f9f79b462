#!/usr/bin/env bash
# Regenerate the figures the README shows (run after `python3 bootstrap.py demo`). Never edit them by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
K=.venv/bin/kgraph

# the sample article: its map (what `kgraph build` writes) and its casualty figures
$K build data/articles/ceasefire.txt -o out/ -q
cp out/map.png docs/ceasefire_map.png
$K render out/events.jsonl --view casualties -o docs/ceasefire_casualties.png 2>/dev/null

# the VOA sample as a JSONL corpus with the publication dates of data/voa/sources.tsv
mkdir -p out/voa
.venv/bin/python - <<'PY'
import csv, json
from pathlib import Path

with open("data/voa/sources.tsv", encoding="utf-8") as fh, open("out/voa.jsonl", "w", encoding="utf-8") as out:
    for row in csv.DictReader(fh, delimiter="\t"):
        text = Path("data/voa", row["file"]).read_text(encoding="utf-8")
        record = {"id": Path(row["file"]).stem, "text": text, "title": row["title"],
                  "date": row["published_utc"][:10], "url": row["url"]}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
$K build out/voa.jsonl -o out/voa/ -q                 # map.png: the default filter (top 40 actors)
cp out/voa/map.png docs/voa_map.png
$K render out/voa/graph.ttl --actor "Donald Trump" -o docs/voa_trump.png 2>/dev/null
$K render out/voa/graph.ttl --view timeline --by type --since 2025-03 -o docs/voa_timeline.png 2>/dev/null
$K render out/voa/graph.ttl --html -o docs/voa_map.html 2>/dev/null
