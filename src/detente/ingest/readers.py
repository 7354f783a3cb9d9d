"""Readers: one per input format, each yielding Articles, or an InputError for what it can't read.

A bad file or a bad line never stops the batch, and reading never raises: the reader yields an
``InputError`` naming the input (``file``, ``file:line`` or ``file[index]``) and the reason, and
goes on. Formats are chosen by extension, after removing ``.gz``: .txt, .text, .html, .htm,
.jsonl, .ndjson, .json, .csv, .xml (a PETRARCH corpus: one article per ``<Sentence>``). A
folder walk takes only those; a file named on its own is read as text whatever its extension,
if it decodes as text and is not XML or a known binary format (PDF, Word, zip, images...),
each of which gets one line saying what it is (``FormatError``).

Memory stays bounded whatever the input: text and HTML are read until they would pass their
cap (``max_chars``), JSON Lines and CSV record by record, and a ``.json`` file, which has to be
parsed whole, up to JSON_MAX_BYTES.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DictionaryError, FormatError, InputError
from ..model import Article
from .formats import PETRARCH_ROOTS, is_html, looks_like_xml, root_element, unreadable_format
from .normalize import article_id, clean_field, clean_text, parse_date
from .paths import (
    DIRECTORY_EXTENSIONS,
    HTML_EXTENSIONS,
    JSONL_EXTENSIONS,
    TEXT_EXTENSIONS,
    display_name,
    expand_inputs,
)
from .streams import STREAM_ERRORS, Source, iter_lines, open_source, read_capped, stream_reason
from .text import decode_bytes, stream_codec

__all__ = [
    "DIRECTORY_EXTENSIONS",
    "HTML_EXTENSIONS",
    "JSONL_EXTENSIONS",
    "TEXT_EXTENSIONS",
    "Limits",
    "ReadResult",
    "expand_inputs",
    "format_of",
    "read_inputs",
    "read_path",
]

#: Field names accepted in JSON and CSV records, in order of preference.
TEXT_KEYS = ("text", "body", "content", "article", "maintext", "story")
TITLE_KEYS = ("title", "headline", "heading")
DATE_KEYS = (
    "published",
    "date",
    "publish_date",
    "pubdate",
    "date_publish",
    "datetime",
    "timestamp",
)
URL_KEYS = ("url", "link", "source_url", "uri")
SOURCE_KEYS = ("source", "agency", "publisher", "site", "outlet")
LANGUAGE_KEYS = ("language", "lang")
DEFAULT_LANGUAGE = "en"

#: UTF-8 needs at most 4 bytes a character (UTF-16 and UTF-32 too): the byte cap of a text.
MAX_BYTES_PER_CHAR = 4
#: Markup, scripts and styles outweigh a page's text many times over: its byte cap per char.
HTML_BYTES_PER_CHAR = 16
#: A JSON record escapes a character in at most 6 bytes ("\u00e9"): its byte cap per char.
JSON_BYTES_PER_CHAR = 6
#: Room in a JSON or CSV record for the fields besides the text (title, url, ...).
RECORD_SLACK_BYTES = 1 << 20
#: A .json file is parsed whole; past this size it should be JSON Lines, read line by line.
JSON_MAX_BYTES = 256 << 20
#: Titles, sources and URLs longer than this are junk, not metadata: they are dropped.
METADATA_MAX_CHARS = 4096
#: A language tag as BCP 47 writes them ("en", "pt-BR", "zh-Hant-TW"); anything else is junk.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,4}")
_REST_NOT_READ = "; the rest of the file is not read"

ReadResult = Article | InputError


@dataclass(frozen=True, slots=True)
class Limits:
    """Texts outside these bounds are refused with a reason (from the settings)."""

    min_chars: int = 20
    max_chars: int = 1_000_000

    @property
    def record_bytes(self) -> int:
        """Longest JSON Lines line or CSV row read; longer ones are skipped unread."""
        return self.max_chars * JSON_BYTES_PER_CHAR + RECORD_SLACK_BYTES

    @property
    def too_long(self) -> str:
        return f"text too long (more than {self.max_chars} characters)"


def read_inputs(
    paths: Iterable[str], limits: Limits | None = None, follow_links: bool = False
) -> Iterator[ReadResult]:
    """Every article of every input, in order; errors are yielded, not raised.

    ``follow_links`` lets a folder walk follow symbolic links out of the folder.
    """
    limits = limits or Limits()
    for item in expand_inputs(paths, follow_links=follow_links):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_path(item, limits)


def format_of(name: str) -> str:
    """The reader to use for a file name (``.gz`` removed first)."""
    suffix = Path(name.lower().removesuffix(".gz")).suffix
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    if suffix in (".json", ".csv", ".xml"):
        return suffix[1:]
    return "text"


def read_path(name: str, limits: Limits | None = None) -> Iterator[ReadResult]:
    """Articles from one file (or stdin, ``-``); never raises."""
    limits = limits or Limits()
    shown = display_name(name)
    try:
        with open_source(name, shown) as source:
            unreadable = unreadable_format(source.head)
            if unreadable is not None:
                yield FormatError(shown, f"binary file ({unreadable}), not text: {_READABLE}")
                return
            kind = format_of(name) if name != "-" else _sniff(source.head)
            if kind == "text" and _xml_not_text(source.head):
                kind = "xml"
            yield from _READERS[kind](source, limits)
    except InputError as exc:
        yield exc
    except STREAM_ERRORS as exc:
        yield InputError(shown, stream_reason(exc))


def _sniff(head: bytes) -> str:
    """Guess the format of stdin from its first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    if start.startswith((b"<!doctype html", b"<html")) or (
        start.startswith(b"<?xml") and is_html(head)
    ):
        return "html"
    if start.startswith(b"<?xml") or _xml_not_text(head):
        return "xml"
    return "text"


#: What détente reads, for the message of an input it cannot.
_READABLE = (
    "détente reads text, HTML, JSON Lines, JSON, CSV and PETRARCH XML (and their .gz); "
    "see docs/ingest.md"
)


def _xml_not_text(head: bytes) -> bool:
    """Whether a file read as text is XML: a PETRARCH corpus, or XML declared as such (an
    HTML fragment in a .txt file stays text)."""
    if not looks_like_xml(head) or is_html(head):
        return False
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    try:
        return stripped.startswith(b"<?xml") or root_element(head) in PETRARCH_ROOTS
    except ValueError:
        return False


def _read_xml(source: Source, limits: Limits) -> Iterator[ReadResult]:
    """A PETRARCH corpus: one article per ``<Sentence>``, with its date, source and id (in the
    origin: ``file:line [id]``); any other XML is one FormatError naming its root element."""
    from ..interop.petrarch_xml import read_stream

    try:
        root = root_element(source.head)
    except ValueError as exc:
        yield InputError(source.name, f"not valid XML ({exc})")
        return
    if root is not None and root not in PETRARCH_ROOTS:
        reason = (
            f"XML with root element <{root}>, not a PETRARCH corpus (<Sentences> of "
            "<Sentence> records); convert other XML to JSON Lines"
        )
        yield FormatError(source.name, reason)
        return
    records = 0
    try:
        for record in read_stream(source.stream, source.name):
            records += 1
            where = f"{source.name}:{record.line} [{record.id}]"
            if not record.text:
                yield InputError(where, "empty <Text>")
                continue
            fields = {"text": record.text, "date": record.date.isoformat(), "source": record.source}
            yield _make_article(where, fields, limits)
    except DictionaryError as exc:
        where = f"{source.name}:{exc.line}" if exc.line else source.name
        yield InputError(where, exc.reason + (_REST_NOT_READ if records else ""))
        return
    if not records:
        yield FormatError(source.name, "PETRARCH XML without <Sentence> records")


def _read_text(source: Source, limits: Limits) -> Iterator[ReadResult]:
    raw = read_capped(source.stream, limits.max_chars * MAX_BYTES_PER_CHAR + 4)  # + a BOM
    if raw is None:
        yield InputError(source.name, limits.too_long)
        return
    yield _make_article(source.name, {"text": decode_bytes(source.name, raw)}, limits)


def _read_html(source: Source, limits: Limits) -> Iterator[ReadResult]:
    from .html import extract_html  # trafilatura is slow to import; only HTML needs it

    cap = limits.max_chars * HTML_BYTES_PER_CHAR
    raw = read_capped(source.stream, cap)
    if raw is None:
        yield InputError(source.name, f"HTML page too big (more than {cap} bytes)")
        return
    yield _make_article(source.name, extract_html(source.name, raw), limits)


def _parse_json(where: str, text: str, whole: bool = False) -> Any:
    """The JSON value of ``text``, or an InputError saying why it has none."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno}" if whole else f"column {exc.colno}"
        return InputError(where, f"not valid JSON ({exc.msg} at {at})")
    except RecursionError:
        return InputError(where, "not valid JSON (nested too deeply)")
    except ValueError as exc:  # an integer of more digits than Python converts
        if "digits" in str(exc):
            limit = sys.get_int_max_str_digits()
            return InputError(where, f"not valid JSON (a number has more than {limit} digits)")
        return InputError(where, f"not valid JSON ({exc})")


def _json_line(where: str, line: str, limits: Limits) -> ReadResult:
    record = _parse_json(where, line)
    if isinstance(record, InputError):
        return record
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, got {type(record).__name__}")
    return _make_article(where, record, limits)


def _read_jsonl(source: Source, limits: Limits) -> Iterator[ReadResult]:
    codec, bom = stream_codec(source.name, source.head, source.complete)
    stream, line_codec = source.utf8_lines(codec, bom)
    number = records = 0
    try:
        for number, line in enumerate(iter_lines(stream, limits.record_bytes), start=1):
            where = f"{source.name}:{number}"
            if line is None:
                records += 1
                yield InputError(where, f"line too long (more than {limits.record_bytes} bytes)")
                continue
            try:
                text = line.decode(line_codec)
            except UnicodeDecodeError as exc:
                records += 1
                yield InputError(where, f"undecodable as {codec} (at byte {exc.start})")
                continue
            if text.strip():
                records += 1
                yield _json_line(where, text, limits)
    except STREAM_ERRORS as exc:
        yield InputError(f"{source.name}:{number + 1}", stream_reason(exc) + _REST_NOT_READ)
        return
    if not records:
        yield InputError(source.name, "no records (only blank lines)")


def _read_json(source: Source, limits: Limits) -> Iterator[ReadResult]:
    raw = read_capped(source.stream, JSON_MAX_BYTES)
    if raw is None:
        megabytes = JSON_MAX_BYTES >> 20
        reason = (
            f"JSON file too big to parse whole (more than {megabytes} MB): use JSON Lines (.jsonl)"
        )
        yield InputError(source.name, reason)
        return
    text = decode_bytes(source.name, raw)
    data = _parse_json(source.name, text, whole=True)
    if isinstance(data, InputError):
        if text.lstrip().startswith("{") and "\n{" in text:
            # A .json file holding one object per line is common: read it as JSON Lines.
            for number, line in enumerate(text.split("\n"), start=1):
                if line.strip():
                    yield _json_line(f"{source.name}:{number}", line, limits)
            return
        yield data
        return
    if isinstance(data, list) and not data:
        yield InputError(source.name, "JSON array holds no records")
        return
    items = data if isinstance(data, list) else [data]
    for index, record in enumerate(items):
        where = f"{source.name}[{index}]" if isinstance(data, list) else source.name
        if not isinstance(record, dict):
            yield InputError(where, f"expected a JSON object, got {type(record).__name__}")
            continue
        yield _make_article(where, record, limits)


class _BadLine(Exception):
    def __init__(self, number: int, reason: str) -> None:
        super().__init__(reason)
        self.number = number
        self.reason = reason


class _CsvLines:
    """Decoded lines for csv.reader. A bad line raises _BadLine; csv.reader then goes on."""

    def __init__(self, lines: Iterator[bytes | None], codec: str, shown_codec: str, cap: int):
        self.number = 0
        self._lines, self._codec, self._shown_codec, self._cap = lines, codec, shown_codec, cap

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.number += 1
        if line is None:
            raise _BadLine(self.number, f"line too long (more than {self._cap} bytes)")
        try:
            return line.decode(self._codec)
        except UnicodeDecodeError as exc:
            reason = f"undecodable as {self._shown_codec} (at byte {exc.start})"
            raise _BadLine(self.number, reason) from None


def _read_csv(source: Source, limits: Limits) -> Iterator[ReadResult]:
    codec, bom = stream_codec(source.name, source.head, source.complete)
    stream, line_codec = source.utf8_lines(codec, bom)
    lines = _CsvLines(
        iter_lines(stream, limits.record_bytes), line_codec, codec, limits.record_bytes
    )
    csv.field_size_limit(limits.record_bytes)
    reader = csv.reader(lines)
    header: list[str] | None = None
    rows = 0
    while True:
        start = lines.number + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except _BadLine as bad:
            rows += 1
            yield InputError(f"{source.name}:{bad.number}", bad.reason)
            continue
        except csv.Error as exc:
            rows += 1
            yield InputError(f"{source.name}:{lines.number}", f"bad CSV ({exc})")
            continue
        except STREAM_ERRORS as exc:
            yield InputError(
                f"{source.name}:{lines.number + 1}", stream_reason(exc) + _REST_NOT_READ
            )
            return
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in row]
            if not set(header) & set(TEXT_KEYS):
                keys = ", ".join(TEXT_KEYS)
                yield InputError(source.name, f"CSV has no text column (expected one of: {keys})")
                return
            continue
        rows += 1
        record: dict[str, Any] = {}
        for key, value in zip(header, row, strict=False):
            record.setdefault(key, value)  # the first of duplicated columns wins
        yield _make_article(f"{source.name}:{start}", record, limits)
    if header is not None and not rows:
        yield InputError(source.name, "CSV has a header row but no records")


_READERS: dict[str, Callable[[Source, Limits], Iterator[ReadResult]]] = {
    "text": _read_text,
    "html": _read_html,
    "jsonl": _read_jsonl,
    "json": _read_json,
    "csv": _read_csv,
    "xml": _read_xml,
}


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value is not None and value != "":
            return value
    return None


def _make_article(where: str, record: dict[str, Any], limits: Limits) -> ReadResult:
    """Build an Article from a record with flexible field names, or say why not."""
    text = _first(record, TEXT_KEYS)
    if text is None:
        return InputError(where, f"no article text (expected one of: {', '.join(TEXT_KEYS)})")
    if not isinstance(text, str):
        return InputError(where, f"article text is {type(text).__name__}, not a string")
    text = clean_text(text)
    dateline = record.get("dateline")
    if isinstance(dateline, str):
        dateline = clean_text(dateline)
        if dateline and not text.startswith(dateline):
            # Wire archives often keep the dateline apart from the body; put it back in place.
            text = clean_text(f"{dateline} {text}")
    if len(text) < limits.min_chars:
        reason = "empty text" if not text else f"text too short ({len(text)} characters)"
        return InputError(where, reason)
    if len(text) > limits.max_chars:
        return InputError(where, limits.too_long)
    url = _metadata(_first(record, URL_KEYS))
    return Article(
        id=article_id(text, url),
        text=text,
        title=_metadata(_first(record, TITLE_KEYS)),
        url=url,
        source=_metadata(_first(record, SOURCE_KEYS)),
        published=parse_date(_first(record, DATE_KEYS)),
        language=_language(_first(record, LANGUAGE_KEYS)),
        origin=where,
    )


def _language(value: Any) -> str:
    """The language tag given, or the default when it is missing or not a tag."""
    text = _metadata(value)
    return text if text is not None and LANGUAGE_TAG.fullmatch(text) else DEFAULT_LANGUAGE


def _metadata(value: Any, max_chars: int = METADATA_MAX_CHARS) -> str | None:
    """A metadata field as clean text; None for a missing, structured or over-long value."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        text = clean_field(str(value))
    except ValueError:  # an int too long to write in decimal
        return None
    return text if 0 < len(text) <= max_chars else None
