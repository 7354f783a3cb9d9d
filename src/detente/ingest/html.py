"""HTML pages to article fields with trafilatura (title, date, url, site, main text)."""

from __future__ import annotations

import re
from typing import Any

from lxml.etree import LxmlError
from trafilatura import bare_extraction

from ..errors import InputError
from .text import decode_bytes

#: Main text shorter than this is navigation or boilerplate, not an article.
MIN_ARTICLE_CHARS = 80

#: What trafilatura and lxml raise on malformed or hostile trees (deep nesting, odd encodings).
PARSE_ERRORS = (ValueError, TypeError, LookupError, RecursionError, LxmlError)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its head, if any."""
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def extract_html(name: str, raw: bytes) -> dict[str, Any]:
    """The article in an HTML page as a record, or InputError when it holds no article text."""
    page = decode_bytes(name, raw, declared=declared_charset(raw))
    try:
        doc = bare_extraction(
            page, with_metadata=True, include_comments=False, favor_precision=True
        )
    except PARSE_ERRORS as exc:
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise InputError(name, f"HTML could not be parsed ({reason})") from None
    if doc is None:
        raise InputError(name, "HTML without article text")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not isinstance(text, str) or len(text.strip()) < MIN_ARTICLE_CHARS:
        raise InputError(name, "HTML without article text")
    return {
        "text": text,
        "title": data.get("title"),
        "date": data.get("date"),
        "url": data.get("url"),
        "source": data.get("sitename") or data.get("hostname"),
    }
