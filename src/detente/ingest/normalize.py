"""Text clean-up, stable article ids and metadata dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import re
import unicodedata
from typing import Any

#: Characters kept although they are control characters: tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Lone UTF-16 surrogates (broken text from elsewhere): no encoder accepts them.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

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


def clean_text(text: str) -> str:
    """The canonical article text: NFC, LF line ends, HTML entities decoded, no control bytes.

    Every offset in the record points into this text, so it is computed once, at ingest.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()


def fingerprint_text(text: str) -> str:
    """Text reduced to what identifies an article: case, spacing and quote styles removed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return _SPACES.sub(" ", text).strip()


def article_id(text: str, url: str | None = None) -> str:
    """A stable id from the normalised text, and the URL when there is one."""
    digest = hashlib.sha256(fingerprint_text(text).encode("utf-8"))
    if url:
        digest.update(b"\x00" + url.strip().encode("utf-8"))
    return digest.hexdigest()[:16]


def parse_date(value: Any) -> dt.date | None:
    """A metadata date from the many shapes inputs give; None when it can't be read."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 19000101 <= value <= 21001231:
            return parse_date(str(int(value)))
        try:
            return dt.datetime.fromtimestamp(float(value), tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
