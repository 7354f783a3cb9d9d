"""Text clean-up, stable article ids and metadata dates.

``clean_text`` defines the canonical text every offset points into. It is idempotent
(``clean_text(clean_text(x)) == clean_text(x)``), which the steps below are ordered for:

1. line ends to LF, control characters out, lone surrogates to U+FFFD, NFC;
2. HTML entities decoded, including double-escaped ones (``&amp;lt;``) and entities that a
   decoded character completes, so no decodable entity is left;
3. runs of blank lines collapsed, outer whitespace stripped;
4. runs of affix punctuation cut short (see ``MAX_AFFIX_RUN``).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import hashlib
import html
import math
import re
import unicodedata
from typing import Any

#: Control characters (C0 but tab and newline, DEL, C1): never part of news text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Lone UTF-16 surrogates (broken text from elsewhere): no encoder accepts them.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_ENTITY_BODY = r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})"
_ENTITY = re.compile(rf"&{_ENTITY_BODY};")
_ENTITY_AT_END = re.compile(rf"&{_ENTITY_BODY};\Z")
#: Longest entity with its ampersand and semicolon: how far back a completed entity can start.
_ENTITY_MAX_CHARS = 34
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

#: spaCy strips prefix and suffix punctuation from a token one mark at a time, rescanning the
#: rest each time: a run of 8,000 quote marks takes 7 s. News prose has runs of 4 at most
#: ('."’)'); 16 keeps ASCII rules and emoji strings recognisable and bounds the cost.
MAX_AFFIX_RUN = 16
#: One affix unit: a character that is neither a letter, digit nor space, or a possessive
#: ("'s" is a suffix too: "x's's's..." is as slow as a run of quotes).
_AFFIX_UNIT = r"(?:['’][sS]|[^\w\s]|_)"
_AFFIX_RUN = re.compile(rf"{_AFFIX_UNIT}{{{MAX_AFFIX_RUN + 1},}}")
_AFFIX_KEEP = re.compile(rf"{_AFFIX_UNIT}{{{MAX_AFFIX_RUN}}}")

#: Date formats seen in news metadata, tried in order after ISO 8601 and RFC 2822.
DATE_FORMATS = (
    "%Y%m%d",
    "%d-%b-%Y %H:%M:%S.%f",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%m/%d/%Y",
)
#: Earliest year taken as a publication date: older ones are typos or placeholders (0001-01-01).
MIN_NEWS_YEAR = 1800
#: Latest year taken as a publication date: later ones are placeholders (9999-12-31) or junk.
MAX_NEWS_YEAR = 2200
#: A date string longer than this is not a date; refusing it early bounds the parsing work.
MAX_DATE_CHARS = 64
#: Timestamps at or beyond this many seconds are in milliseconds (as seconds: after year 5000).
MILLISECONDS_FROM = 10**11
#: ... and at or beyond this, in microseconds.
MICROSECONDS_FROM = 10**14
#: An 8-digit number shaped like a date (month 01-12, day 01-31) is a YYYYMMDD date, whatever
#: its year, not a timestamp (as seconds, these would all fall in 1970-1973).
_YYYYMMDD = re.compile(r"[1-9][0-9]{3}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])")
#: RFC 2822 parsing reads "0001" as the two-digit year 01, i.e. 2001: a zero-padded year is not.
_ZERO_PADDED_YEAR = re.compile(r"(?<![0-9:+\-])0[0-9]{3}(?![0-9:])")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_TIMESTAMP_STRING = re.compile(r"-?[0-9]{9,17}(?:\.[0-9]+)?")


def _basic_clean(text: str) -> str:
    """Step 1 (also applied to every decoded entity): line ends, controls, surrogates, NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=4096)
def _decode_entity(entity: str) -> str:
    return _basic_clean(html.unescape(entity))


def _decode_entities(text: str) -> str:
    """Decode entities until none is left, in one left-to-right pass.

    A decoded piece can complete an entity with what precedes it ("&amp;lt;", "&&#97;mp;"), so
    each time a ';' arrives the end of the output is checked again. The output is a list of
    characters, so reading its end and replacing it cost the same however long it is.
    """
    out: list[str] = []
    pieces = text.split(";")
    for piece in pieces[:-1]:
        out.extend(piece)
        out.append(";")
        if len(piece) >= _ENTITY_MAX_CHARS and "&" not in piece[-_ENTITY_MAX_CHARS:]:
            continue  # no entity can end here: the common case, kept cheap
        while True:
            tail = "".join(out[-_ENTITY_MAX_CHARS:])
            match = _ENTITY_AT_END.search(tail)
            if match is None:
                break
            decoded = _decode_entity(match.group())
            if decoded == match.group():
                break
            del out[len(out) - len(tail) + match.start() :]
            out.extend(decoded)
            if decoded[-1:] != ";":
                break
    out.extend(pieces[-1])
    return "".join(out)


def _cut_affix_runs(text: str) -> str:
    """Step 4: runs of more than MAX_AFFIX_RUN affix units keep their first MAX_AFFIX_RUN.

    A space keeps the cut run apart from a word after it, so nothing new forms at the join.
    """

    def cut(match: re.Match[str]) -> str:
        kept = _AFFIX_KEEP.match(match.group())
        assert kept is not None  # the run has more units than are kept
        after = match.string[match.end() : match.end() + 1]
        return kept.group() + (" " if after and not after.isspace() else "")

    return _AFFIX_RUN.sub(cut, text)


def clean_text(text: str) -> str:
    """The canonical article text (see the module docstring); computed once, at ingest."""
    text = _basic_clean(text)
    if "&" in text and _ENTITY.search(text):
        text = unicodedata.normalize("NFC", _decode_entities(text))
    text = _BLANK_RUN.sub("\n\n", text).strip()
    return _cut_affix_runs(text)


def clean_field(value: str) -> str:
    """A metadata string (title, source, url, language, origin): one line, encodable, NFC."""
    value = _SURROGATE.sub("\ufffd", value)
    value = _CONTROL.sub(" ", value)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def fingerprint_text(text: str) -> str:
    """Text reduced to what identifies an article: case, spacing and quote styles removed."""
    text = unicodedata.normalize("NFKC", _SURROGATE.sub("\ufffd", text)).casefold()
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return _SPACES.sub(" ", text).strip()


def article_id(text: str, url: str | None = None) -> str:
    """A stable id from the normalised text, and the URL when there is one."""
    digest = hashlib.sha256(fingerprint_text(text).encode("utf-8"))
    if url:
        digest.update(b"\x00" + url.strip().encode("utf-8", "replace"))
    return digest.hexdigest()[:16]


def _news_date(value: dt.date) -> dt.date | None:
    return value if MIN_NEWS_YEAR <= value.year <= MAX_NEWS_YEAR else None


def _from_timestamp(value: float) -> dt.date | None:
    """Seconds, milliseconds or microseconds since 1970, told apart by size."""
    if not math.isfinite(value):
        return None
    magnitude = abs(value)
    if magnitude >= MICROSECONDS_FROM:
        value /= 1_000_000
    elif magnitude >= MILLISECONDS_FROM:
        value /= 1000
    try:
        return _news_date((_EPOCH + dt.timedelta(seconds=value)).date())
    except (OverflowError, ValueError):
        return None


def _integer_digits(value: int | float) -> str:
    """The digits of an integral number of at most 8 digits, else ''."""
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return ""
    number = int(value)
    return str(number) if 0 < number < 10**8 else ""


def _from_string(text: str) -> dt.date | None:
    if _TIMESTAMP_STRING.fullmatch(text):
        return _from_timestamp(float(text))
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if not _ZERO_PADDED_YEAR.search(text):
        try:
            return email.utils.parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except (ValueError, OverflowError):
            continue
    return None


def parse_date(value: Any) -> dt.date | None:
    """A metadata date from the many shapes inputs give; None when it can't be read.

    Never raises. Dates outside MIN_NEWS_YEAR..MAX_NEWS_YEAR are not news dates (None).
    Integers shaped YYYYMMDD are dates; other numbers are Unix timestamps.
    """
    if isinstance(value, dt.datetime):
        return _news_date(value.date())
    if isinstance(value, dt.date):
        return _news_date(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and _YYYYMMDD.fullmatch(_integer_digits(value)):
        return parse_date(_integer_digits(value))
    if isinstance(value, int | float):
        try:
            return _from_timestamp(float(value))
        except OverflowError:  # an int beyond float range
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    found = _from_string(text)
    return _news_date(found) if found is not None else None
