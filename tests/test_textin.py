"""Tests of the input stage (kgraph.textin): paths -> Documents, and atomic output."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.errors import InputError, OutputError
from kgraph.records import Document
from kgraph.textin import Failure, atomic_open, atomic_write, read_documents, safe_filename

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_txt_file_is_one_document_with_stem_id_and_exact_text(tmp_path):
    text = "Israel and Hamas agreed to a ceasefire.\r\nBlinken will travel.\n"
    path = write(tmp_path, "ceasefire.txt", text)
    assert list(read_documents(path)) == [Document("ceasefire", text, origin=str(path))]


def test_directory_reads_txt_and_jsonl_sorted_and_ignores_other_files(tmp_path):
    write(tmp_path, "b.jsonl", jsonl({"id": "b1", "text": "Talks resumed.", "date": "2021-05-21"}))
    write(tmp_path, "a.txt", "Troops crossed the border.")
    write(tmp_path, "notes.md", "# not a document")
    write(tmp_path, ".a.txt.tmp", "temp file")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", "not read: directories are not recursed")
    docs = list(read_documents(tmp_path))
    assert [(d.id, d.date, d.origin) for d in docs] == [
        ("a", None, str(tmp_path / "a.txt")),
        ("b1", "2021-05-21", f"{tmp_path / 'b.jsonl'}:1"),
    ]


def test_empty_directory_is_an_error(tmp_path):
    write(tmp_path, "readme.md", "x")
    with pytest.raises(InputError, match=r"no \.txt or \.jsonl files in "):
        list(read_documents(tmp_path))


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (
            '\n{"id": 7, "text": "Hamas fired rockets.", "title": "T"}\n{"text": "More."}\n',
            [
                ("7", "Hamas fired rockets.", "T", "<stdin>:2"),
                ("stdin-3", "More.", None, "<stdin>:3"),
            ],
        ),
        (
            "  Plain text from a pipe.\n",
            [("stdin", "  Plain text from a pipe.\n", None, "<stdin>")],
        ),
        (b'{"id": "x", "text": "bytes stdin"}\n', [("x", "bytes stdin", None, "<stdin>:1")]),
        (b'\xef\xbb\xbf{"id": "b", "text": "BOM"}\n', [("b", "BOM", None, "<stdin>:1")]),
    ],
    ids=["jsonl", "text", "bytes-jsonl", "bytes-bom-jsonl"],
)
def test_stdin_jsonl_or_text(stdin, expected):
    stream = io.BytesIO(stdin) if isinstance(stdin, bytes) else io.StringIO(stdin)
    docs = read_documents("-", stdin=stream)
    assert [(d.id, d.text, d.title, d.origin) for d in docs] == expected


def test_stdin_defaults_to_sys_stdin_bytes(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO("Caf\xe9".encode("latin-1")))
    monkeypatch.setattr("sys.stdin", stdin)
    with pytest.raises(InputError, match=r"^<stdin>: not UTF-8 text \(byte 0xE9 at offset 3\)"):
        list(read_documents("-"))


def test_custom_keys_like_spacy_text_key(tmp_path):
    path = write(tmp_path, "c.jsonl", jsonl({"doc": "d1", "body": "Iran protested.", "pub": 2021}))
    (doc,) = read_documents(path, text_key="body", id_key="doc", date_key="pub")
    assert (doc.id, doc.text, doc.date) == ("d1", "Iran protested.", "2021")


@pytest.mark.parametrize(("name", "count"), [("seed.jsonl", 1), ("plover_gsr.jsonl", 322)])
def test_gold_files_are_read_as_they_are(name, count):
    docs = list(read_documents(GOLD / name))
    assert len(docs) == count
    assert len({d.id for d in docs}) == count
    assert all(d.text.strip() and d.date is None for d in docs)


def test_missing_id_becomes_stem_and_line(tmp_path):
    path = write(tmp_path, "news.jsonl", b'\n{"text": "A."}\n')
    assert [d.id for d in read_documents(path)] == ["news-2"]


def test_json_array_and_other_extensions(tmp_path):
    arr = write(tmp_path, "arr.json", json.dumps([{"id": "a", "text": "A."}, {"text": "B."}]))
    assert [(d.id, d.origin) for d in read_documents(arr)] == [
        ("a", f"{arr}[0]"),
        ("arr-1", f"{arr}[1]"),
    ]
    other = write(tmp_path, "story.text", "Plain story.")
    assert [(d.id, d.text) for d in read_documents(other)] == [("story", "Plain story.")]


LATIN1_LINE = '{"id": "b", "text": "\xe9"}\n'.encode("latin-1")
ICONV = "; convert it with iconv -f LATIN1 -t UTF-8 or similar"
BAD_INPUTS = {  # test id: (file name, content, start of the error message)
    "empty": ("a.txt", b"", "a.txt: empty file"),
    "whitespace": ("a.txt", b"  \n\t\n", "a.txt: text is empty (only whitespace)"),
    "png": ("a.txt", PNG, "a.txt: binary file, not text"),
    "controls": (
        "a.txt",
        b"\x01\x02\x03\x04 some \x05\x06\x07\x0e",
        "a.txt: binary file, not text",
    ),
    "latin1-txt": (
        "a.txt",
        "Caf\xe9 au lait".encode("latin-1"),
        "a.txt: not UTF-8 text (byte 0xE9 at offset 3)" + ICONV,
    ),
    "latin1-jsonl": (
        "c.jsonl",
        jsonl({"id": "a", "text": "A."}) + LATIN1_LINE,
        "c.jsonl:2: not UTF-8 text (byte 0xE9 at offset 47)" + ICONV,
    ),
    "bad-json": (
        "c.jsonl",
        b'{"id": "a", "text": "A."}\n{"id": "b" "text": "B."}\n',
        "c.jsonl:2: not valid JSON (Expecting ',' delimiter at column 12)",
    ),
    "list": ("c.jsonl", b'["a", "list"]\n', "c.jsonl:1: record is a JSON list, not an object"),
    "no-text": (
        "c.jsonl",
        jsonl({"id": "x", "body": "Long body text."}),
        'c.jsonl:1: record has no "text" field (keys: id, body); pass --text-key body',
    ),
    "key-with-newline": (  # found by hypothesis: the key used to break the one-line error
        "c.jsonl",
        jsonl({"id": "x", "bo\ndy": "Long body text."}),
        'c.jsonl:1: record has no "text" field (keys: id, "bo\\ndy"); pass --text-key "bo\\ndy"',
    ),
    "empty-text": ("c.jsonl", jsonl({"id": "x", "text": " \n"}), 'c.jsonl:1: "text" is empty'),
    "text-number": (
        "c.jsonl",
        jsonl({"text": 5}),
        'c.jsonl:1: "text" must be a string, not a number',
    ),
    "id-list": ("c.jsonl", jsonl({"id": [1], "text": "A."}), 'c.jsonl:1: "id" must be a string or'),
    "id-blank": ("c.jsonl", jsonl({"id": "  ", "text": "A."}), 'c.jsonl:1: "id" is empty'),
    "duplicate": (
        "c.jsonl",
        jsonl({"id": "x", "text": "A."}, {"id": "y", "text": "B."}, {"id": "x", "text": "C."}),
        'c.jsonl:3: duplicate id "x" (first seen on line 1)',
    ),
    "truncated": (
        "c.jsonl",
        jsonl({"id": "a", "text": "A."}) + b'{"id": "b", "text": "cut off he',
        "c.jsonl:2: not valid JSON (Unterminated string starting at column 21); last line has no",
    ),
    "blank-lines": ("c.jsonl", b"\n\n", "c.jsonl: no records, only blank lines"),
    "jsonl-as-json": (
        "a.json",
        b'{"id": "a", "text": "A."}\n{"id": "b", "text": "B."}\n',
        "a.json:2: not valid JSON (Extra data at column 1); for one record per line name the file",
    ),
}


@pytest.mark.parametrize(("name", "data", "message"), BAD_INPUTS.values(), ids=BAD_INPUTS)
def test_bad_input_raises_one_line_naming_file_and_line(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        list(read_documents(path))
    text = str(info.value)
    assert "\n" not in text
    assert text.startswith(str(tmp_path / message.split(":")[0]))
    assert text.removeprefix(str(tmp_path) + "/").startswith(message)


def test_missing_file_raises_even_when_skipping(tmp_path):
    with pytest.raises(InputError, match=r"a\.txt: no such file$"):
        list(read_documents(tmp_path / "a.txt", on_error="skip"))


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_bom_files_decode_and_bom_is_not_in_text(tmp_path, encoding, suffix):
    content = (
        '{"id": "u", "text": "Zelenskyy met Erdoğan."}\n'
        if suffix == ".jsonl"
        else "Zelenskyy met Erdoğan."
    )
    path = tmp_path / f"u{suffix}"
    path.write_bytes(content.encode(encoding))
    (doc,) = read_documents(path)
    assert (doc.id, doc.text) == ("u", "Zelenskyy met Erdoğan.")


def test_skip_mode_yields_good_docs_and_reports_the_bad_ones(tmp_path):
    write(tmp_path, "a.txt", "Good text.")
    write(tmp_path, "b.txt", PNG)
    write(tmp_path, "c.txt", "Caf\xe9".encode("latin-1"))
    write(
        tmp_path,
        "d.jsonl",
        jsonl({"id": "d1", "text": "One."}, {"id": "d2"}, {"id": "a", "text": "Dup."})
        + b"not json\n"
        + jsonl({"id": "d5", "text": "Five."}),
    )
    failures: list[Failure] = []
    docs = list(read_documents(tmp_path, on_error="skip", failures=failures))
    assert [d.id for d in docs] == ["a", "d1", "d5"]
    d = tmp_path / "d.jsonl"
    assert [(f.doc, f.origin, f.reason.split(" (")[0]) for f in failures] == [
        ("b", str(tmp_path / "b.txt"), "binary file, not text"),
        ("c", str(tmp_path / "c.txt"), "not UTF-8 text"),
        ("d2", f"{d}:2", 'record has no "text" field'),
        ("a", f"{d}:3", 'duplicate id "a"'),
        ("", f"{d}:4", "not valid JSON"),
    ]
    assert "first seen at " + str(tmp_path / "a.txt") in failures[3].reason


def test_html_page_is_stripped(tmp_path):
    html = (
        "\n<!DOCTYPE html><html><head><title>Ceasefire</title><style>p {color: red}</style>"
        "<script>var x = '<p>no</p>';</script></head><body><h1>Truce holds</h1>"
        "<p>Israel &amp; Hamas   agreed.</p><p>Blinken<br>will travel.</p></body></html>"
    )
    path = write(tmp_path, "page.txt", html)
    (doc,) = read_documents(path)
    assert doc.text == "Ceasefire\n\nTruce holds\n\nIsrael & Hamas agreed.\n\nBlinken\nwill travel."
    (doc,) = read_documents("-", stdin=io.StringIO(json.dumps({"text": "<html><p>a &lt; b</p>"})))
    assert doc.text == "a < b"


def test_long_single_line_document(tmp_path):
    text = "word " * 400_000
    path = write(tmp_path, "long.jsonl", jsonl({"id": "long", "text": text}))
    (doc,) = read_documents(path, max_chars=2_000_000)
    assert len(doc.text) == 2_000_000


def test_max_chars(tmp_path):
    path = write(tmp_path, "big.txt", "x" * 1001)
    with pytest.raises(
        InputError,
        match=r"big\.txt: document has 1,001 characters, more than "
        r"the limit of 1,000 \(raise --max-chars\)$",
    ):
        list(read_documents(path, max_chars=1000))


def test_jsonl_is_streamed_good_docs_come_before_a_later_error(tmp_path):
    path = write(tmp_path, "c.jsonl", jsonl({"id": "a", "text": "A."}) + b"{bad\n")
    docs = read_documents(path)
    assert next(docs).id == "a"
    with pytest.raises(InputError, match=r"c\.jsonl:2: not valid JSON"):
        next(docs)


def test_stdin_jsonl_is_read_lazily():
    def lines():
        yield '{"id": "a", "text": "A."}\n'
        raise AssertionError("read past the first document")

    assert next(read_documents("-", stdin=lines())).id == "a"


def test_atomic_open_keeps_old_content_when_the_body_raises(tmp_path):
    path = write(tmp_path, "out.json", "old")
    with pytest.raises(RuntimeError), atomic_open(path) as fh:
        fh.write("half-written")
        raise RuntimeError("boom")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    with atomic_open(path) as fh:
        fh.write("new")
    assert path.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_atomic_write_creates_parents_and_writes_bytes(tmp_path):
    out = atomic_write(tmp_path / "new" / "dir" / "a.png", PNG)
    assert out.read_bytes() == PNG
    assert atomic_write(tmp_path / "t.txt", "é").read_text(encoding="utf-8") == "é"


def test_atomic_open_on_a_directory_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match=r": is a directory"), atomic_open(tmp_path):
        pass
    (tmp_path / "file").write_text("x")
    with (
        pytest.raises(OutputError, match=r"a: cannot create directory .*file \(File exists\)$"),
        atomic_open(tmp_path / "file" / "a"),
    ):
        pass


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [("ceasefire-blinken", "ceasefire-blinken"), ("PLOVER-GSR01_0001.v2", "PLOVER-GSR01_0001.v2")],
)
def test_safe_filename_keeps_safe_ids(doc_id, expected):
    assert safe_filename(doc_id) == expected


@pytest.mark.parametrize("doc_id", ["", ".", "..", "../x", "a/b", "-rf", "x" * 200, "a-0123abcd"])
def test_safe_filename_changes_unsafe_ids(doc_id):
    name = safe_filename(doc_id)
    assert re.fullmatch(r"[A-Za-z0-9._-]+-[0-9a-f]{8}", name)
    assert name[0] not in ".-"


SAFE = re.compile(r"[A-Za-z0-9._-]+")


@given(st.text(), st.text())
def test_safe_filename_never_escapes_and_is_injective(a, b):
    name = safe_filename(a)
    assert SAFE.fullmatch(name) and not name.startswith(".") and len(name) <= 100
    assert name not in (".", "..")
    if a != b:
        assert safe_filename(b) != name


def test_publication_dates_are_normalised_or_dropped_with_a_note(tmp_path, caplog):
    dates = {
        "iso": "2021-05-12",
        "datetime": "2021-05-12T09:30:00+02:00",
        "gdelt": 20210512,
        "rss": "Wed, 12 May 2021 09:30:00 GMT",
        "month": "2021-05",
        "none": None,
        "impossible": "2021-02-30",
        "relative": "yesterday",
    }
    path = write(
        tmp_path,
        "d.jsonl",
        jsonl(*({"id": k, "text": "Talks.", "date": v} for k, v in dates.items())),
    )
    with caplog.at_level("WARNING"):
        got = {d.id: d.date for d in read_documents(path)}
    assert got == {"iso": "2021-05-12", "datetime": "2021-05-12", "gdelt": "2021-05-12",
                   "rss": "2021-05-12", "month": "2021-05", "none": None,
                   "impossible": None, "relative": None}  # fmt: skip
    notes = [r.getMessage() for r in caplog.records]
    assert len(notes) == 2 and all("is read without one" in n for n in notes)
    assert notes[0].startswith(f'impossible ({path}:7): "date" is not a date')
    assert "'yesterday'" in notes[1]


def test_a_directory_says_which_entries_it_does_not_read(tmp_path, caplog):
    import gzip

    write(tmp_path, "a.txt", "Talks resumed.")
    write(tmp_path, "b.jsonl.gz", gzip.compress(jsonl({"id": "b", "text": "Talks."})))
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", "Talks.")
    with caplog.at_level("WARNING"):
        assert [d.id for d in read_documents(tmp_path)] == ["a"]
    assert "2 entries not read" in caplog.text and "b.jsonl.gz, sub/" in caplog.text


def test_compressed_input_is_refused_with_how_to_read_it(tmp_path):
    import gzip

    path = write(tmp_path, "corpus.jsonl.gz", gzip.compress(jsonl({"id": "b", "text": "Talks."})))
    with pytest.raises(InputError, match=r"gzip-compressed: decompress it first, e\.g\. zcat"):
        list(read_documents(path))
