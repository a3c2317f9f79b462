"""Stage 1: paths -> a stream of :class:`~kgraph.records.Document` records, and atomic output.

``read_documents`` reads a ``.txt`` file, a ``.jsonl`` file (streamed line by
line), a ``.json`` array of records, a directory of ``.txt``/``.jsonl`` files, or
``"-"`` for standard input.  Text is kept exactly as read (offsets refer to it);
the one exception is an HTML page, whose tags are stripped.

>>> import io
>>> lines = '{"id": "a1", "text": "Troops crossed the border."}\\n\\n{"text": "Talks resumed."}\\n'
>>> [(d.id, d.text, d.origin) for d in read_documents("-", stdin=io.StringIO(lines))]
[('a1', 'Troops crossed the border.', '<stdin>:1'), ('stdin-3', 'Talks resumed.', '<stdin>:3')]
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import chain
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

from .errors import InputError, OutputError
from .records import Document

__all__ = [
    "MAX_CHARS",
    "Failure",
    "atomic_open",
    "atomic_write",
    "clean_stale_temps",
    "read_documents",
    "safe_filename",
]

logger = logging.getLogger(__name__)

_SUFFIXES = (".txt", ".jsonl")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_OK_CONTROLS = frozenset(b"\t\n\f\r\x1b")
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_ICONV = "convert it with iconv -f LATIN1 -t UTF-8 or similar"
_SURROGATE = re.compile("[\ud800-\udfff]")
_RECORD_START = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r]*\{")
#: The longest document accepted by default, in characters (ten times spaCy's ``max_length``;
#: longer texts are parsed in pieces, see :mod:`kgraph.extract`). Raise it for a book.
MAX_CHARS = 10_000_000
#: At most this many bytes of a file or line are read per character allowed (4: UTF-8's
#: longest character; 12: a JSON ``\\uXXXX\\uXXXX`` escape), so memory stays bounded.
_BYTES_PER_CHAR, _JSON_BYTES_PER_CHAR, _JSON_SLACK = 4, 12, 1 << 16


@dataclass(frozen=True, slots=True)
class Failure:
    """A document skipped under ``on_error="skip"``: its id ("" if unknown), where, and why."""

    doc: str
    origin: str
    reason: str


class _Opts(NamedTuple):
    id_key: str
    text_key: str
    title_key: str
    date_key: str
    url_key: str
    max_chars: int


# (origin, file, doc id or "", Document or the reason it was rejected)
_Item = tuple[str, str, str, Document | str]


def read_documents(
    source: str | os.PathLike[str],
    *,
    id_key: str = "id",
    text_key: str = "text",
    title_key: str = "title",
    date_key: str = "date",
    url_key: str = "url",
    on_error: Literal["fail", "skip"] = "fail",
    failures: list[Failure] | None = None,
    max_chars: int = MAX_CHARS,
    stdin: IO[Any] | None = None,
) -> Iterator[Document]:
    """Read documents lazily from a file, a directory, or standard input.

    Args:
        source: A ``.txt`` file (id = file stem, text = whole file); a ``.jsonl``
            file (one JSON object per line, blank lines ignored; a missing id
            becomes ``"<stem>-<lineno>"``; origin ``"path:lineno"``); a ``.json``
            file holding an array of records (origin ``"path[i]"``) or one
            record; a directory (its ``.txt`` and ``.jsonl`` files, not
            recursive, sorted by name, dotfiles ignored); ``"-"`` for ``stdin``
            (JSONL if its first non-blank character is ``{``, else one document
            with id ``"stdin"``).  Any other file is read as one text document.
        id_key, text_key, title_key, date_key, url_key: JSON field names.
        on_error: ``"fail"`` raises :class:`InputError` at the first bad document,
            after yielding the good ones before it; ``"skip"`` records a
            :class:`Failure` in ``failures`` (and logs a warning) and carries on.
        failures: The list skipped documents are appended to.
        max_chars: Longest document accepted, in characters (default
            :data:`MAX_CHARS`).  Memory stays bounded by it: a longer file is refused
            from its size, and a longer JSONL line is refused after reading at most
            ``12 * max_chars`` bytes of it.
        stdin: Stream read for ``"-"``, of str or bytes lines; default ``sys.stdin``
            (its binary buffer, so the decoding rules below apply).

    Files are UTF-8 (a BOM is stripped) or UTF-16 with a BOM; other bytes are an
    error, never guessed as Latin-1.  In JSONL a line that does not decode is one
    bad record.  A text that starts with ``<!doctype html`` or ``<html`` has its
    tags stripped (script/style dropped, entities unescaped, blocks on new lines).
    A missing ``source`` or a directory with no input files always raises.

    Raises:
        InputError: One line naming the file and line, e.g.
            ``corpus.jsonl:7: not valid JSON (Expecting ',' delimiter at column 12)``.
    """
    if on_error not in ("fail", "skip"):
        raise ValueError(f'on_error must be "fail" or "skip", not {on_error!r}')
    opts = _Opts(id_key, text_key, title_key, date_key, url_key, max_chars)
    seen: dict[str, tuple[str, str]] = {}  # id -> (file, origin) where first read
    for origin, file, doc_id, item in _items(source, opts, stdin):
        if isinstance(item, Document):
            first = seen.get(item.id)
            if first is None:
                seen[item.id] = (file, origin)
                yield item
                continue
            where = (
                f"on line {first[1].rpartition(':')[2]}"
                if first[0] == file and first[1].startswith(file + ":")
                else f"at {first[1]}"
            )
            item = f'duplicate id "{item.id}" (first seen {where})'
        if on_error == "fail":
            raise InputError(f"{origin}: {item}")
        logger.info("skipped %s: %s", origin, item)  # (the CLI lists them itself)
        if failures is not None:
            failures.append(Failure(doc_id, origin, item))


def _items(source: str | os.PathLike[str], opts: _Opts, stdin: IO[Any] | None) -> Iterator[_Item]:
    if os.fspath(source) == "-":
        yield from _read_stdin(
            getattr(sys.stdin, "buffer", sys.stdin) if stdin is None else stdin, opts
        )
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(
            (p for p in path.iterdir() if p.suffix.lower() in _SUFFIXES and p.is_file()),
            key=lambda p: p.name,
        )
        files = [p for p in files if not p.name.startswith(".")]
        if not files:
            raise InputError(f"no .txt or .jsonl files in {path}")
        others = sorted(
            p.name + ("/" if p.is_dir() else "")
            for p in path.iterdir()
            if not p.name.startswith(".") and p not in files
        )
        if others:  # said, not silently passed over
            shown = ", ".join(others[:5]) + (
                f" and {len(others) - 5} more" if len(others) > 5 else ""
            )
            logger.warning(
                "%s: %d %s not read (only the .txt and .jsonl files of a directory are): %s",
                path, len(others), "entry" if len(others) == 1 else "entries", shown,
            )  # fmt: skip
        for p in files:
            yield from _read_path(p, opts)
    elif not path.exists():
        raise InputError(f"{path}: no such file")
    else:
        yield from _read_path(path, opts)


def _read_path(path: Path, opts: _Opts) -> Iterator[_Item]:
    name, stem = str(path), path.stem
    if _SURROGATE.search(name):  # bytes that are not UTF-8 in the name (os.fsdecode)
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        yield shown, shown, "", "file name is not UTF-8 text; rename the file"
        return
    try:
        fh = open(path, "rb")  # closed by the with below
    except OSError as e:
        yield name, name, stem, f"cannot read ({e.strerror or e})"
        return
    with fh:
        head = fh.read(8192)
        fh.seek(0)
        if not head:
            yield name, name, stem, "empty file"
            return
        utf16 = head.startswith(_UTF16_BOMS)
        if not utf16 and _binary(head):
            # a JSONL file with a record anywhere is judged line by line: broken lines lose
            # nothing else
            if path.suffix.lower() != ".jsonl" or not _any_record(fh, opts):
                yield name, name, stem, "binary file, not text" + _packed(head)
                return
            fh.seek(0)
        try:
            if path.suffix.lower() == ".jsonl":
                lines = io.TextIOWrapper(fh, "utf-16", newline="") if utf16 else fh
                yield from _read_jsonl(name, stem, _decode_lines(_bounded(lines, opts)), opts)
                return
            size = os.fstat(fh.fileno()).st_size
            if size > _BYTES_PER_CHAR * opts.max_chars + 4 and path.suffix.lower() != ".json":
                yield name, name, stem, _too_long(f"{size:,} bytes", opts)
                return
            text = _decode(fh.read(), utf16)
        except UnicodeDecodeError:
            yield name, name, stem, "not UTF-16 text, though it starts with a UTF-16 BOM"
            return
    if isinstance(text, _Bad):
        yield name, name, stem, text.reason
    elif path.suffix.lower() == ".json" and text.lstrip()[:1] in ("[", "{"):
        yield from _read_json(name, stem, text, opts)
    else:
        yield name, name, stem, _document(stem, text, None, name, opts)


def _read_stdin(stream: IO[Any], opts: _Opts) -> Iterator[_Item]:
    lines, head = iter(_bounded(stream, opts) if hasattr(stream, "readline") else stream), []
    for line in lines:
        head.append(line)
        if isinstance(line, _Bad) or line.strip():
            break
    rest, first = chain(head, lines), head[-1] if head else ""
    if isinstance(first, bytes):
        first = first.decode("utf-8", "replace")
    if isinstance(first, _Bad):
        first = ""
    if first.replace("\ufeff", "").lstrip().startswith("{"):
        yield from _read_jsonl("<stdin>", "stdin", _decode_lines(rest), opts)
        return
    parts, size = [], 0
    for part in rest:  # the whole text, or no more of it than the limit allows
        size += part.size if isinstance(part, _Bad) else len(part)
        if size > _BYTES_PER_CHAR * opts.max_chars + 4:
            yield "<stdin>", "<stdin>", "stdin", _too_long(f"more than {size:,} bytes", opts)
            return
        parts.append(part)
    raw = b"".join(parts) if parts and isinstance(parts[0], bytes) else "".join(parts)
    head = raw[:8192] if isinstance(raw, bytes) else raw[:8192].encode("utf-8", "replace")
    text = _Bad("binary input, not text" + _packed(head)) if _binary(head) else raw
    text = _decode(text, False) if isinstance(text, bytes) else text
    if isinstance(text, _Bad):
        yield "<stdin>", "<stdin>", "stdin", text.reason
    elif not text:
        yield "<stdin>", "<stdin>", "stdin", "empty input"
    else:
        yield "<stdin>", "<stdin>", "stdin", _document("stdin", text, None, "<stdin>", opts)


class _Bad(NamedTuple):
    reason: str
    size: int = 0  # bytes (or characters) of input it stands for
    doc: str = ""  # the id of the record, if it could be read


def _any_record(fh: IO[bytes], opts: _Opts) -> bool:
    """Whether some line of a binary-looking file starts like a JSON object."""
    return any(
        not isinstance(line, _Bad) and _RECORD_START.match(line) for line in _bounded(fh, opts)
    )


_PACKED = {b"\x1f\x8b": ("gzip", "zcat"), b"BZh": ("bzip2", "bzcat"), b"\xfd7zXZ": ("xz", "xzcat"),
           b"PK\x03\x04": ("zip", "unzip -p"), b"(\xb5/\xfd": ("zstd", "zstdcat")}  # fmt: skip


def _packed(head: bytes) -> str:
    """A hint when binary input is a compressed file.

    >>> _packed(b"\\x1f\\x8b\\x08"), _packed(b"\\x89PNG")
    (' (gzip-compressed: decompress it first, e.g. zcat FILE | kgraph extract -)', '')
    """
    for magic, (kind, cat) in _PACKED.items():
        if head.startswith(magic):
            return f" ({kind}-compressed: decompress it first, e.g. {cat} FILE | kgraph extract -)"
    return ""


def _binary(head: bytes) -> bool:
    """Whether the first bytes of an input look binary: NUL, or many control characters.

    >>> _binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"), _binary(b"Talks resumed.\\r\\n\\tAt last.\\f")
    (True, False)
    """
    ctrl = sum(b < 32 and b not in _OK_CONTROLS or b == 127 for b in head)
    return b"\0" in head or ctrl > len(head) / 10


def _too_long(size: str, opts: _Opts) -> str:
    return (
        f"document has {size}, more than the limit of {opts.max_chars:,} characters "
        "(raise --max-chars)"
    )


def _bounded(stream: IO[Any], opts: _Opts) -> Iterator[bytes | str | _Bad]:
    """The lines of ``stream``, except that a line too long to hold a document within
    ``max_chars`` is read in pieces, thrown away and given as a ``_Bad``.

    >>> stream, opts = io.StringIO("a\\n" + "b" * 70_000 + "\\nc"), _Opts("", "", "", "", "", 1)
    >>> [x if isinstance(x, str) else x.size for x in _bounded(stream, opts)]
    ['a\\n', 70001, 'c']
    """
    limit = _JSON_BYTES_PER_CHAR * opts.max_chars + _JSON_SLACK
    while True:
        line = stream.readline(limit + 1)
        if len(line) <= limit or line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            if not line:
                return
            yield line
            continue
        size, head = len(line), line[:10_000]
        while line and not line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            line = stream.readline(1 << 20)
            size += len(line)
        yield _Bad(
            f"line of {size:,} bytes, too long for a record within the limit of "
            f"{opts.max_chars:,} characters (raise --max-chars)",
            size,
            _guess_id(
                head.decode("utf-8", "replace") if isinstance(head, bytes) else head, opts.id_key
            ),
        )


def _not_utf8(data: bytes, e: UnicodeDecodeError, base: int) -> _Bad:
    return _Bad(f"not UTF-8 text (byte 0x{data[e.start]:02X} at offset {base + e.start}); {_ICONV}")


def _decode(data: bytes, utf16: bool) -> str | _Bad:
    """Whole-file decoding: UTF-16 with its BOM, else UTF-8 without its BOM."""
    if utf16:
        return data.decode("utf-16")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        return _not_utf8(data, e, 0)


def _decode_lines(lines: Iterable[bytes | str | _Bad]) -> Iterator[str | _Bad]:
    """Lines as str, each decoded on its own (UTF-8, BOM stripped); bad bytes give a _Bad."""
    offset = 0
    for i, raw in enumerate(lines):
        if isinstance(raw, _Bad):
            offset += raw.size
            yield raw
            continue
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield _not_utf8(raw, e, offset)
                continue
            finally:
                offset += len(raw)
        else:
            line = raw
        yield line.removeprefix("\ufeff") if i == 0 else line


def _read_jsonl(file: str, stem: str, lines: Iterable[str | _Bad], opts: _Opts) -> Iterator[_Item]:
    records = 0
    for lineno, line in enumerate(lines, 1):
        origin = f"{file}:{lineno}"
        if isinstance(line, _Bad):
            records += 1
            yield origin, file, line.doc, line.reason
            continue
        if not line.strip():
            continue
        records += 1
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            cut = (
                "" if line.endswith("\n") else "; last line has no newline: is the file truncated?"
            )
            yield origin, file, _guess_id(line, opts.id_key), _bad_json(e) + cut
            continue
        except (RecursionError, ValueError) as e:  # nested too deep; a 5,000-digit number
            yield origin, file, _guess_id(line, opts.id_key), _odd_json(e)
            continue
        yield origin, file, *_record(obj, origin, f"{stem}-{lineno}", opts)
    if not records:
        yield file, file, stem, "no records, only blank lines"


def _guess_id(line: str, key: str) -> str:
    """The id of a record that is not valid JSON, if it can be read before the damage
    (so that the failures report names the document), else "".

    >>> _guess_id('{"id": "a\\\\"1", "text": "cut off', "id"), _guess_id('{"id": 7, "te', "id")
    ('a"1', '7')
    """
    m = re.search(rf'"{re.escape(key)}"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)', line[:10_000])
    try:
        value = json.loads(m[1]) if m else ""
    except ValueError:  # (a 5,000-digit number too)
        return ""
    return str(value).strip() and str(value)


def json_line(line: str, origin: str) -> Any:
    """One line of a JSONL file parsed, or an :class:`InputError` naming ``origin`` (file:line):
    for bad syntax, but also for what Python's parser refuses beyond it (deep nesting, huge
    numbers), which would otherwise escape as an internal error.

    >>> json_line('[' * 100000, "x.jsonl:3")
    Traceback (most recent call last):
    kgraph.errors.InputError: x.jsonl:3: not valid JSON (nested too deeply)
    """
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"{origin}: {_bad_json(e)}") from None
    except (RecursionError, ValueError) as e:
        raise InputError(f"{origin}: {_odd_json(e)}") from None


def _bad_json(e: json.JSONDecodeError) -> str:
    return f"not valid JSON ({e.msg.removesuffix(' at')} at column {e.colno})"


def _odd_json(e: Exception) -> str:
    """The reason for JSON that Python's parser refuses beyond its syntax."""
    if isinstance(e, RecursionError):
        return "not valid JSON (nested too deeply)"
    if "integer string conversion" in str(e):
        return "not valid JSON (a number has more than 4,300 digits)"
    return f"not valid JSON ({' '.join(str(e).split())[:120]})"


def _read_json(file: str, stem: str, text: str, opts: _Opts) -> Iterator[_Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        hint = "; for one record per line name the file .jsonl" if e.msg == "Extra data" else ""
        yield f"{file}:{e.lineno}", file, "", _bad_json(e) + hint
        return
    except (RecursionError, ValueError) as e:
        yield file, file, "", _odd_json(e)
        return
    if isinstance(data, dict):
        yield file, file, *_record(data, file, stem, opts)
        return
    if not data:
        yield file, file, stem, "empty JSON array, no records"
    for i, obj in enumerate(data):
        origin = f"{file}[{i}]"
        yield origin, file, *_record(obj, origin, f"{stem}-{i}", opts)


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _shown(key: str) -> str:
    """A JSON key as it can be shown on one line: bare if plain, else JSON-quoted."""
    return key if key.isprintable() and key.strip() == key and key else json.dumps(key)


def _kind(value: object) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean"}.get(
        type(value), "null" if value is None else "number"
    )


def _record(obj: Any, origin: str, default_id: str, opts: _Opts) -> tuple[str, Document | str]:
    """One JSON record -> (doc id or "", Document or the reason it is rejected)."""
    if not isinstance(obj, dict):
        return "", f"record is a JSON {_kind(obj)}, not an object"
    raw_id = obj.get(opts.id_key)
    if raw_id is None:
        doc_id = default_id
    elif isinstance(raw_id, bool) or not isinstance(raw_id, str | int | float):
        return "", f'"{opts.id_key}" must be a string or number'
    else:
        doc_id = str(raw_id)
    if not doc_id.strip():
        return "", f'"{opts.id_key}" is empty'
    if opts.text_key not in obj:
        # keys are shown escaped: a key may hold a newline or a control character
        keys = ", ".join(_shown(k) for k in list(obj)[:12]) + (", ..." if len(obj) > 12 else "")
        texts = [(len(v), k) for k, v in obj.items() if isinstance(v, str) and k != opts.id_key]
        hint = f"; pass --text-key {_shown(max(texts)[1])}" if texts else ""
        keys = f"keys: {keys}" if keys else "an empty object"
        return doc_id, f'record has no "{opts.text_key}" field ({keys}){hint}'
    text = obj[opts.text_key]
    if not isinstance(text, str):
        return doc_id, f'"{opts.text_key}" must be a string, not {_a(_kind(text))}'
    meta: list[str | None] = []
    for key in (opts.title_key, opts.date_key, opts.url_key):
        value = obj.get(key)
        if isinstance(value, dict | list | bool):
            return doc_id, f'"{key}" must be a string, not {_a(_kind(value))}'
        meta.append(None if value is None or value == "" else str(value))
    if meta[1] is not None:
        date = iso_date(meta[1])
        if date is None:  # the text is still good: read it, undated, and say so
            logger.warning(
                '%s (%s): "%s" is not a date kgraph can read (%r), so the document is read '
                "without one; write YYYY-MM-DD (or YYYY-MM, YYYY, an ISO date-time, YYYYMMDD, "
                "an RFC 2822 date)", doc_id, origin, opts.date_key, meta[1][:40],
            )  # fmt: skip
        meta[1] = date
    keys = (opts.id_key, opts.text_key, opts.title_key, opts.date_key, opts.url_key)
    for key, value in zip(keys, (doc_id, text, *meta), strict=True):
        bad = _SURROGATE.search(value or "")
        if bad:  # JSON can escape half a UTF-16 pair; no UTF-8 output can hold one
            return "" if key == opts.id_key else doc_id, (
                f'"{key}" holds a lone surrogate (\\u{ord(bad[0]):04x} at character '
                f"{bad.start()}), which is not text; fix the JSON escape"
            )
    doc = _document(doc_id, text, meta, origin, opts, f'"{opts.text_key}" is empty')
    return doc_id, doc


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_ISO_TIME = re.compile(r"[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?", re.I)


def iso_date(value: str) -> str | None:
    """A publication date as ISO 8601 (``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY`` when that is
    all it gives), from the forms feeds and event datasets use; None if it is not one.

    >>> [iso_date(v) for v in ("2021-05-12", "2021-05-12T09:30:00Z", "20210512", "2021-05")]
    ['2021-05-12', '2021-05-12', '2021-05-12', '2021-05']
    >>> iso_date("Wed, 12 May 2021 09:30:00 GMT"), iso_date("2021-13-45"), iso_date("yesterday")
    ('2021-05-12', None, None)
    """
    import datetime as dt
    from email.utils import parsedate_to_datetime

    v = value.strip()
    if re.fullmatch(r"\d{8}", v):  # GDELT's SQLDATE
        v = f"{v[:4]}-{v[4:6]}-{v[6:]}"
    m = _ISO_DATE.match(v)
    if m and (m.end() == len(v) or (m[3] and _ISO_TIME.fullmatch(v, m.end()))):
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return m[0]
    try:
        return parsedate_to_datetime(v).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _document(
    doc_id: str,
    text: str,
    meta: list[str | None] | None,
    origin: str,
    opts: _Opts,
    empty: str = "text is empty (only whitespace)",
) -> Document | str:
    if len(text) > opts.max_chars:
        return (
            f"document has {len(text):,} characters, more than the limit of "
            f"{opts.max_chars:,} (raise --max-chars)"
        )
    if _HTML_START.match(text[:1000]):
        text = _strip_html(text)
    if not text.strip():
        return empty
    return Document(doc_id, text, *(meta or (None, None, None)), origin=origin)


class _HTMLText(HTMLParser):
    _SKIP = frozenset({"script", "style", "template", "noscript"})
    _BLOCK = frozenset(
        "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 "
        "header hr li main nav ol p pre section table td th title tr ul".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _strip_html(html: str) -> str:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: Literal["w", "wb"] = "w", *, encoding: str = "utf-8"
) -> Iterator[IO[Any]]:
    """Open ``path`` for writing so that it is replaced only if the block succeeds.

    Writes go to a temp file in the same directory (created if missing), which is
    fsynced and renamed over ``path`` on success, or removed if the block raises.

    Raises:
        OutputError: ``path`` is a directory or cannot be written.
    """
    path = Path(path)
    if mode not in ("w", "wb"):
        raise ValueError(f'mode must be "w" or "wb", not {mode!r}')
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        where = e.filename or path.parent
        raise OutputError(f"{path}: cannot create directory {where} ({e.strerror or e})") from e
    try:
        tmp = tempfile.NamedTemporaryFile(  # closed below
            mode,
            encoding=None if mode == "wb" else encoding,
            dir=path.parent,
            prefix=f".{path.name}.{os.getpid()}-",
            suffix=".tmp",
            delete=False,
        )
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror or e})") from e
    try:
        with tmp:
            yield tmp
            tmp.flush()
            os.fsync(tmp.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp.name, 0o666 & ~umask)  # NamedTemporaryFile makes it 0600
        try:
            os.replace(tmp.name, path)
        except OSError as e:
            raise OutputError(f"{path}: cannot write ({e.strerror or e})") from e
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp.name)
        raise


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (UTF-8 if str) to ``path`` atomically; return the path.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     atomic_write(Path(d) / "out" / "a.txt", "hi").read_text()
    'hi'
    """
    with atomic_open(path, "wb" if isinstance(data, bytes) else "w") as fh:
        fh.write(data)
    return Path(path)


#: The temporary files of kgraph's atomic writes: ``.NAME.PID-RANDOM.tmp``.
_TEMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)-[A-Za-z0-9_]{8}\.tmp\Z")


def clean_stale_temps(directory: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that killed kgraph runs left in ``directory``.

    A run stopped by Ctrl-C or SIGTERM removes its own temporary file; one killed
    with SIGKILL (or by a power cut) cannot, and leaves a hidden ``.NAME.PID-XXXXXXXX.tmp``
    beside the output it was writing.  The ones whose process is gone are removed;
    those of running processes are left alone.

    Returns:
        The files removed.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = Path(d, ".graph.ttl.999999999-abcd1234.tmp").write_text("half")
    ...     _ = Path(d, f".map.png.{os.getpid()}-abcd1234.tmp").write_text("ours")
    ...     [p.name for p in clean_stale_temps(d)], len(list(Path(d).iterdir()))
    (['.graph.ttl.999999999-abcd1234.tmp'], 1)
    """
    removed = []
    try:
        entries = list(Path(directory).iterdir())
    except OSError:
        return removed
    for p in entries:
        m = _TEMP.match(p.name)
        if m is None or _alive(int(m["pid"])):
            continue
        with suppress(OSError):
            p.unlink()
            removed.append(p)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or cannot tell: leave its file alone
    return True


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_HASHED = re.compile(r"-[0-9a-f]{8}\Z")


def safe_filename(doc_id: str) -> str:
    """A file name for ``doc_id`` that cannot leave its directory.

    Only ``[A-Za-z0-9._-]``, no leading dot or dash, at most 89 characters.  An id
    that had to change (or already ends like ``-<8 hex>``) gets ``-`` and 8 hex
    digits of its SHA-1, so distinct ids give distinct names.

    >>> safe_filename("ceasefire-blinken"), safe_filename("../etc/passwd")
    ('ceasefire-blinken', '_etc_passwd-e96c47ea')
    """
    name = _UNSAFE.sub("_", doc_id)[:80].lstrip(".-") or "_"
    if name == doc_id and not _HASHED.search(name):
        return name
    digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass"), usedforsecurity=False)
    return f"{name}-{digest.hexdigest()[:8]}"
