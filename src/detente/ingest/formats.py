"""Recognising what an input is before reading it as news: XML corpora, and files that are no
text at all (PDF, Word, archives, images, databases), so that each gets a reader or a one-line
reason instead of having its bytes coded as an article.
"""

from __future__ import annotations

import re
from xml.parsers import expat

#: Leading bytes of formats détente does not read, and what to call them in messages.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or a Word, Excel, OpenDocument or EPUB file)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 file"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"\x28\xb5\x2f\xfd", "a zstd file"),
    (b"PAR1", "a Parquet file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ARROW1", "an Arrow IPC file"),
    (b"WARC/", "a WARC archive"),
)
#: DuckDB files carry their magic at byte 8.
_DUCKDB = (8, b"DUCK", "a DuckDB database")

#: Root elements of PETRARCH XML: an input corpus (``<Sentences>``) and a validation suite
#: (``<Validation>``: an environment, then sentences with their expected codings).
PETRARCH_ROOTS = ("Sentences", "Validation")

_XML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:\?xml\b|!--|!DOCTYPE\b|[A-Za-z_])", re.I)


def unreadable_format(head: bytes) -> str | None:
    """What the input is, when its first bytes show a format that is not text, else None."""
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    offset, magic, name = _DUCKDB
    if head[offset : offset + len(magic)] == magic:
        return name
    return None


def looks_like_xml(head: bytes) -> bool:
    """Whether an input starts as XML (a declaration, a comment, a doctype or an element)."""
    return bool(_XML_START.match(head))


class _Found(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def root_element(head: bytes) -> str | None:
    """The name of the first element in the first bytes of an XML input, or None when those
    bytes hold none; raises ValueError (with expat's reason) when they are not XML."""
    parser = expat.ParserCreate()

    def start(name: str, attrs: dict[str, str]) -> None:
        raise _Found(name)

    parser.StartElementHandler = start
    try:
        parser.Parse(head, False)
    except _Found as found:
        return found.name
    except expat.ExpatError as exc:
        raise ValueError(str(exc)) from None
    return None


def is_html(head: bytes) -> bool:
    """An XHTML page starts as XML; its doctype or root says it is a page."""
    start = head[:2048].lower()
    return b"<!doctype html" in start or b"<html" in start
