"""Readers: one per input format, each yielding Articles, or an InputError for what it can't read.

A bad file or a bad line never stops the batch: the reader yields an ``InputError`` naming the
input (and line) and the reason, and goes on. Formats are chosen by extension, after removing
``.gz``: .txt, .text, .html, .htm, .jsonl, .ndjson, .json, .csv. A directory walk takes only
those; a file named on its own is read as text whatever its extension, if it decodes as text.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .normalize import article_id, clean_text, parse_date
from .text import decode_bytes

HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
TEXT_EXTENSIONS = {".txt", ".text"}
#: What a directory walk picks up; a file named explicitly is read whatever its extension.
DIRECTORY_EXTENSIONS = HTML_EXTENSIONS | JSONL_EXTENSIONS | TEXT_EXTENSIONS | {".json", ".csv"}

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
ID_KEYS = ("id", "article_id", "doc_id")

ReadResult = Article | InputError


@dataclass(frozen=True, slots=True)
class Limits:
    """Texts outside these bounds are refused with a reason (from the settings)."""

    min_chars: int = 20
    max_chars: int = 1_000_000


def expand_inputs(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Paths as given: files, directories (recursive, sorted), globs, and ``-`` for stdin."""
    for given in paths:
        if given == "-":
            yield "-"
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _is_news_file(p))
            if not files:
                kinds = " ".join(sorted(DIRECTORY_EXTENSIONS))
                yield InputError(given, f"directory holds no news files ({kinds}, or their .gz)")
            yield from (str(p) for p in files)
        elif path.is_file():
            yield given
        elif glob.has_magic(given):
            matches = sorted(m for m in glob.glob(given, recursive=True) if Path(m).is_file())
            if not matches:
                yield InputError(given, "no file matches this pattern")
            yield from matches
        else:
            yield InputError(given, "no such file or directory")


def _is_news_file(path: Path) -> bool:
    if not path.is_file() or path.name.startswith("."):
        return False
    name = path.name.lower().removesuffix(".gz")
    return Path(name).suffix in DIRECTORY_EXTENSIONS


def read_inputs(paths: Iterable[str], limits: Limits | None = None) -> Iterator[ReadResult]:
    """Every article of every input, in order; errors are yielded, not raised."""
    limits = limits or Limits()
    for item in expand_inputs(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_path(item, limits)


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _gunzip(name: str, raw: bytes) -> bytes:
    try:
        return gzip.decompress(raw)
    except (EOFError, OSError, zlib.error) as exc:
        reason = "truncated gzip file" if isinstance(exc, EOFError) else f"bad gzip file ({exc})"
        raise InputError(name, reason) from None


def format_of(name: str) -> str:
    """The reader to use for a file name (``.gz`` removed first)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    suffix = Path(lower).suffix
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix == ".csv":
        return "csv"
    return "text"


def read_path(name: str, limits: Limits | None = None) -> Iterator[ReadResult]:
    """Articles from one file (or stdin)."""
    limits = limits or Limits()
    try:
        raw = _read_bytes(name)
        if name.lower().endswith(".gz"):
            raw = _gunzip(name, raw)
        kind = format_of(name) if name != "-" else _sniff(raw)
        if kind == "html":
            yield from _read_html(name, raw, limits)
            return
        text = decode_bytes(name, raw)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(name, f"cannot read ({exc.strerror or exc})")
        return
    if kind == "jsonl":
        yield from _read_jsonl(name, text, limits)
    elif kind == "json":
        yield from _read_json(name, text, limits)
    elif kind == "csv":
        yield from _read_csv(name, text, limits)
    else:
        yield _make_article(name, {"text": text}, limits)


def _sniff(raw: bytes) -> str:
    """Guess the format of stdin from its first bytes."""
    head = raw.lstrip()[:200].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    return "text"


def _read_html(name: str, raw: bytes, limits: Limits) -> Iterator[ReadResult]:
    from .html import extract_html

    try:
        fields = extract_html(name, raw)
    except InputError as exc:
        yield exc
        return
    yield _make_article(name, fields, limits)


def _read_jsonl(name: str, text: str, limits: Limits) -> Iterator[ReadResult]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, f"expected a JSON object, got {type(record).__name__}")
            continue
        yield _make_article(where, record, limits)


def _read_json(name: str, text: str, limits: Limits) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # A .json file holding one object per line is common: read it as JSON Lines.
        if text.lstrip().startswith("{") and "\n{" in text:
            yield from _read_jsonl(name, text, limits)
            return
        yield InputError(name, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    items = data if isinstance(data, list) else [data]
    for index, record in enumerate(items):
        where = f"{name}[{index}]" if isinstance(data, list) else name
        if not isinstance(record, dict):
            yield InputError(where, f"expected a JSON object, got {type(record).__name__}")
            continue
        yield _make_article(where, record, limits)


def _read_csv(name: str, text: str, limits: Limits) -> Iterator[ReadResult]:
    csv.field_size_limit(max(limits.max_chars * 4, 1 << 20))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            where = f"{name}:{reader.line_num}"
            yield _make_article(where, {k.strip().lower(): v for k, v in row.items() if k}, limits)
    except csv.Error as exc:
        yield InputError(f"{name}:{reader.line_num}", f"bad CSV ({exc})")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
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
    if isinstance(dateline, str) and dateline.strip() and not text.startswith(dateline.strip()):
        # Wire archives often keep the dateline apart from the body; put it back in place.
        text = f"{dateline.strip()} {text}"
    if len(text) < limits.min_chars:
        reason = "empty text" if not text else f"text too short ({len(text)} characters)"
        return InputError(where, reason)
    if len(text) > limits.max_chars:
        return InputError(where, f"text too long ({len(text)} characters > max_chars)")
    url = _str_or_none(_first(record, URL_KEYS))
    raw_date = _first(record, DATE_KEYS)
    published = parse_date(raw_date) if raw_date is not None else None
    return Article(
        id=article_id(text, url),
        text=text,
        title=_str_or_none(_first(record, TITLE_KEYS)),
        url=url,
        source=_str_or_none(_first(record, SOURCE_KEYS)),
        published=published,
        language=str(record.get("language") or record.get("lang") or "en"),
        origin=where,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
