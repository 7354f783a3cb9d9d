"""Bytes to text: the declared or byte-order-marked encoding first, then UTF-8, then detection.

``decode_bytes`` decodes a whole (length-capped) input; ``stream_codec`` chooses the codec of
a streamed input (JSON Lines, CSV) from its head, by the same rules."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

#: Bytes inspected to tell binary from text; NUL bytes here mean a binary file.
SNIFF_BYTES = 8192
#: Bytes charset detection reads (it is slow; the start of a text tells its encoding).
DETECT_BYTES = SNIFF_BYTES * 8
#: Share of printable characters a detected decoding must reach to count as text.
MIN_PRINTABLE = 0.95

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: A sample that must come through a codec unchanged for lines to be split on b"\\n".
_ASCII_PROBE = '\n{}[]",:;abcXYZ019 '


def ascii_compatible(codec: str) -> bool:
    """Whether ASCII (newline, JSON and CSV syntax) is encoded as itself in ``codec``."""
    try:
        return _ASCII_PROBE.encode(codec) == _ASCII_PROBE.encode("ascii")
    except (LookupError, UnicodeError):
        return False


def stream_codec(name: str, head: bytes, complete: bool) -> tuple[str, int]:
    """The codec of a streamed input and the length of its byte-order mark, from its head.

    ``complete`` says the head is the whole input. Raises InputError for binary or empty input.
    """
    if complete and not head.strip():
        raise InputError(name, "empty file")
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", len(codecs.BOM_UTF8)
    for bom, encoding in _BOMS[1:]:
        if head.startswith(bom):
            return encoding, 0  # the UTF-16/32 decoders read their own mark
    if b"\x00" in head[:SNIFF_BYTES]:
        raise InputError(name, "binary file, not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    return _detected(name, head, complete), 0


def _detected(name: str, sample: bytes, complete: bool) -> str:
    """The encoding charset detection finds for ``sample``, once it decodes it as text."""
    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise InputError(name, "undecodable: no text encoding fits")
    try:
        text = codecs.getincrementaldecoder(best.encoding)().decode(sample, final=complete)
    except (LookupError, UnicodeDecodeError):
        raise InputError(name, f"undecodable as detected {best.encoding}") from None
    if _printable_share(text) < MIN_PRINTABLE:
        raise InputError(name, "binary file, not text")
    return best.encoding


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SNIFF_BYTES]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t\r")
    return good / len(sample)


def decode_bytes(name: str, raw: bytes, declared: str | None = None) -> str:
    """Decode an input's bytes, or raise InputError saying why it is not text."""
    if not raw.strip():
        raise InputError(name, "empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    name, f"undecodable: bad {encoding} after its byte-order mark"
                ) from None
    if b"\x00" in raw[:SNIFF_BYTES]:
        raise InputError(name, "binary file, not text")
    if declared:
        try:
            return raw.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall through to detection
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = raw[:DETECT_BYTES]
    encoding = _detected(name, sample, complete=len(sample) == len(raw))
    try:
        return raw.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise InputError(name, f"undecodable as detected {encoding}") from None
