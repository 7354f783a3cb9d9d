"""Hypothesis strategies and the properties they check, shared by tests and bench/fuzz.py.

Each ``check_*`` function takes one generated case, raises AssertionError when a property
fails, and lets any other exception through: for these functions an exception is a crash.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from detente.errors import InputError
from detente.ingest.dateline import find_dateline
from detente.ingest.normalize import (
    MAX_NEWS_YEAR,
    MIN_NEWS_YEAR,
    article_id,
    clean_text,
    parse_date,
)
from detente.ingest.readers import Limits, read_path
from detente.model import Article
from detente.quotes.marks import quoted_spans
from detente.quotes.tokens import paragraph_ranges

QUOTES = "\"'“”‘’„«»‚‹›`´"
#: Pieces that exercise the edges: entities and their fragments, controls, odd spaces,
#: surrogates, combining marks, quote marks, dateline words, affix runs.
FRAGMENTS = (
    *QUOTES,
    "&amp;", "&amp", "&#", "&#x", "&#38;", "&#59;", "&lt;", "&#0;", "&#xD800;", "&", ";", "#",
    "\n", "\n\n", "\r\n", "\r", "\t", "\x00", "\x0b", "\x1b", "\x7f", "\x85", "\u2028",
    "\u00a0", "\u200b", "\u202e", "\ufeff", "\ud800", "\udfff", "\u0301", "\u037e", "\u212a",
    "'s", "’s", '"' * 20, "(" * 17, "=" * 40, "😀", "🇷🇺", "...", "—", " - ", "--",
    "MOSCOW", "Moscow", ", ", "July", "Feb", "30", "29", "99", "0001", "9999", "1987", "(Reuters)",
    "(AP)", "/AFP/", "on Monday", "said", " ", "a", "The",
)  # fmt: skip


def fragment_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text built from edge fragments and arbitrary characters (surrogates included)."""
    piece = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(st.characters(codec=None, exclude_categories=()), max_size=4),
    )
    return st.lists(piece, max_size=max_size).map("".join)


# ---- clean_text and article_id


def check_clean_text(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned, "clean_text is not idempotent"
    cleaned.encode("utf-8")  # no lone surrogate
    assert not any(c < " " and c not in "\n\t" for c in cleaned), "control character left"
    assert "\r" not in cleaned
    identity = article_id(cleaned)
    assert identity == article_id(clean_text(cleaned)) and len(identity) == 16


# ---- parse_date

DATE_PIECES = st.sampled_from(
    ("2012", "0001", "9999", "1799", "2201", "-", "/", ":", "T", "Z", "+14:00", "-9999", " ",
     "Jan", "Feb", "30", "31", "29", "1", "Mon,", "GMT", "00:00:00", ".", "W01", "99999999999")
)  # fmt: skip
DATE_VALUES = st.one_of(
    st.lists(DATE_PIECES, max_size=8).map("".join),
    st.text(max_size=30),
    st.integers(),
    st.integers(min_value=10**7, max_value=10**8),
    st.integers(min_value=-(10**13), max_value=10**13),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
    st.binary(max_size=10),
)


def check_parse_date(value: Any) -> None:
    found = parse_date(value)
    assert found is None or (
        isinstance(found, dt.date) and MIN_NEWS_YEAR <= found.year <= MAX_NEWS_YEAR
    ), f"out of range: {found!r}"


# ---- dateline


def dateline_cases() -> st.SearchStrategy[tuple[str, dt.date | None, dt.date | None, int]]:
    head = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=14).map("".join)
    body = fragment_text(20)
    return st.tuples(
        st.tuples(head, body).map(lambda parts: parts[0] + parts[1]),
        st.one_of(st.none(), st.dates()),
        st.one_of(st.none(), st.dates()),
        st.sampled_from((1990, 1900, 1, 0, 9999, -5)),
    )


def check_dateline(case: tuple[str, dt.date | None, dt.date | None, int]) -> None:
    text, published, today, min_year = case
    found = find_dateline(text, published=published, today=today, min_year=min_year)
    if found is None:
        return
    assert 0 <= found.start <= found.end <= len(text)
    assert text[found.start : found.end] == found.text
    assert found.month is None or 1 <= found.month <= 12
    if found.date is not None:
        assert (found.date.month, found.date.day) == (found.month, found.day)


# ---- quote marks


def quote_texts() -> st.SearchStrategy[str]:
    return fragment_text(60)


def check_quotes(text: str) -> None:
    paragraphs = paragraph_ranges(text)
    spans = quoted_spans(text, paragraphs)
    previous_open = -1
    for span in spans:
        assert 0 <= span.open_at < span.start <= span.end <= len(text), span
        assert span.open_at > previous_open, "spans out of order"
        previous_open = span.open_at
        if span.close_at is not None:
            assert span.end <= span.close_at < len(text)
        start, end = paragraphs[span.paragraph]
        assert start <= span.open_at and span.outer_end <= end, "span leaves its paragraph"
        assert span.continues is None or 0 <= span.continues < len(spans)


# ---- readers

FORMATS = ("a.txt", "a.jsonl", "a.json", "a.csv", "a.html", "a.txt.gz", "a.jsonl.gz", "a.csv.gz")
ENCODINGS = ("utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252")
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    fragment_text(12),
)
RECORDS = st.dictionaries(
    st.sampled_from(
        ("text", "body", "title", "date", "url", "source", "language", "dateline", "x")
    ),
    st.one_of(JSON_SCALARS, fragment_text(60), st.lists(JSON_SCALARS, max_size=3)),
    max_size=6,
)


def _serialise(name: str, records: list[dict[str, Any]], text: str) -> str:
    if name.startswith("a.jsonl"):
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    if name.startswith("a.json"):
        return json.dumps(records)
    if name.startswith("a.csv"):
        rows = [
            '"' + str(r.get("text", "")).replace('"', '""') + '",' + str(r.get("title"))
            for r in records
        ]
        return "text,title\n" + "\n".join(rows)
    if name.startswith("a.html"):
        return f"<html><head><title>T</title></head><body><article><p>{text}</p></article></body></html>"
    return text


@st.composite
def reader_inputs(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes): a serialised format, re-encoded, damaged, maybe gzipped."""
    name = draw(st.sampled_from(FORMATS))
    records = draw(st.lists(RECORDS, max_size=3))
    text = _serialise(name, records, draw(fragment_text(60)))
    encoding = draw(st.sampled_from(ENCODINGS))
    raw = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    damage = draw(st.sampled_from(("none", "none", "bytes", "cut", "junk", "extreme")))
    if damage == "bytes" and raw:
        spots = draw(
            st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)), max_size=4)
        )
        mutable = bytearray(raw)
        for at, value in spots:
            mutable[at] = value
        raw = bytes(mutable)
    elif damage == "cut":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif damage == "junk":
        raw = draw(st.binary(max_size=200))
    elif damage == "extreme":
        raw = draw(
            st.sampled_from(
                (b"[" * 50_000, b'{"text":' + b"[" * 50_000, b'{"a":' + b"9" * 4400 + b"}",
                 b'{"text": 1e999}', b'{"text": "' + b"\\ud800" * 10 + b'"}', b"\xef\xbb\xbf",
                 b"\xff\xfe\x00\xd8", b"text\n" + b'"' * 1000)
            )
        )  # fmt: skip
    if name.endswith(".gz"):
        raw = gzip.compress(raw)
        if draw(st.booleans()):
            raw = raw[: draw(st.integers(0, len(raw)))]
    return name, raw


READ_LIMITS = Limits(min_chars=5, max_chars=5000)
#: Memory-backed scratch space: creating a file there costs 0.3 ms, not 3 ms as on disk.
SHARED_MEMORY = Path("/dev/shm")


def scratch_folder() -> tempfile.TemporaryDirectory[str]:
    """A temporary folder for reader cases, in shared memory when there is some."""
    usable = SHARED_MEMORY.is_dir() and os.access(SHARED_MEMORY, os.W_OK)
    return tempfile.TemporaryDirectory(
        prefix="detente-props-", dir=SHARED_MEMORY if usable else None
    )


def check_reader(case: tuple[str, bytes], folder: Path) -> None:
    name, raw = case
    path = folder / name
    path.write_bytes(raw)
    for item in read_path(str(path), READ_LIMITS):
        assert isinstance(item, Article | InputError), type(item)
        if isinstance(item, InputError):
            assert "\n" not in str(item)
            continue
        for value in (item.text, item.title, item.url, item.source, item.language, item.origin):
            (value or "").encode("utf-8")
        assert READ_LIMITS.min_chars <= len(item.text) <= READ_LIMITS.max_chars
        assert clean_text(item.text) == item.text
        assert item.id == article_id(item.text, item.url)
        assert item.published is None or MIN_NEWS_YEAR <= item.published.year <= MAX_NEWS_YEAR
