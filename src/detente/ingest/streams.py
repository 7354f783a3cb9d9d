"""Inputs as bounded byte streams: regular files only, gzip on the fly, stdin, capped reads.

Nothing here reads a whole input unless its size is capped first: text and HTML are read in
chunks until they would exceed their cap, JSON Lines and CSV line by line, and a line longer
than its cap is skipped to the next newline without being kept.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, cast

from ..errors import InputError
from .text import ascii_compatible

#: Bytes per read: large enough for throughput, small enough to stop soon after a cap.
READ_CHUNK = 1 << 20
#: Bytes looked at to choose the format (stdin) and the encoding.
HEAD_BYTES = 64 * 1024
#: The two bytes every gzip stream starts with (stdin is gunzipped when it starts so).
GZIP_MAGIC = b"\x1f\x8b"

#: What reading a (possibly gzipped) stream can raise: I/O errors, bad or truncated gzip.
STREAM_ERRORS = (OSError, EOFError, zlib.error)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, for messages."""
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def stream_reason(exc: BaseException) -> str:
    """A one-line reason for an error raised while reading a stream."""
    if isinstance(exc, EOFError):
        return "truncated gzip file"
    if isinstance(exc, gzip.BadGzipFile | zlib.error):
        return f"bad gzip file ({exc})"
    if isinstance(exc, OSError):
        return f"cannot read ({exc.strerror or exc})"
    return f"cannot read ({type(exc).__name__})"


class _Rejoined(io.RawIOBase):
    """The head already read, then the rest of the stream: sniffing consumes nothing."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _ToUtf8(io.RawIOBase):
    """A UTF-16/32 stream re-encoded as UTF-8, so lines split on b"\\n" like the others.

    Lone surrogates and a truncated last character come through as bytes that are not UTF-8,
    so the line holding them is refused when decoded, as in a UTF-8 input.
    """

    def __init__(self, source: BinaryIO, codec: str) -> None:
        self._source = source
        self._decoder = codecs.getincrementaldecoder(codec)("surrogatepass")
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            chunk = self._source.read(READ_CHUNK)
            try:
                text = self._decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                text, self._done = "\udfff", True  # a truncated character: mark the line bad
            self._pending = text.encode("utf-8", "surrogatepass")
            self._done = self._done or not chunk
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


@dataclass
class Source:
    """An open input: its head (the first HEAD_BYTES) and a stream that starts again at 0."""

    name: str
    head: bytes
    complete: bool  # the head is the whole input
    stream: BinaryIO

    def utf8_lines(self, codec: str, bom: int) -> tuple[BinaryIO, str]:
        """A stream whose lines split on b"\\n", and the codec its lines decode with.

        ASCII-compatible codecs are read as they are (after a UTF-8 byte-order mark); UTF-16
        and UTF-32 are re-encoded as UTF-8 on the fly.
        """
        if bom:
            self.stream.read(bom)
        if ascii_compatible(codec):
            return self.stream, codec
        return io.BufferedReader(_ToUtf8(self.stream, codec), READ_CHUNK), "utf-8"


def _open_regular(name: str) -> BinaryIO:
    """Open a regular file; anything else (FIFO, device, folder) is refused before reading.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(name, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(name, f"not a regular file ({file_kind(mode)})")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb", buffering=READ_CHUNK)
    except BaseException:
        os.close(descriptor)
        raise


@contextlib.contextmanager
def open_source(name: str, shown: str) -> Iterator[Source]:
    """Open ``name`` (``-`` is stdin) and read its head; ``.gz`` (or gzip on stdin) unzipped.

    Raises InputError or one of STREAM_ERRORS; ``shown`` is the name used in messages.
    """
    with contextlib.ExitStack() as stack:
        if name == "-":
            raw: BinaryIO = sys.stdin.buffer
            gzipped = raw.peek(2)[:2] == GZIP_MAGIC if isinstance(raw, io.BufferedReader) else False
        else:
            try:
                raw = stack.enter_context(_open_regular(name))
            except InputError as exc:
                raise InputError(shown, exc.reason) from None
            gzipped = name.lower().endswith(".gz")
        stream: BinaryIO = raw
        if gzipped:
            stream = cast(BinaryIO, stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")))
        head = stream.read(HEAD_BYTES)
        complete = len(head) < HEAD_BYTES
        rejoined = io.BufferedReader(_Rejoined(head, stream), READ_CHUNK)
        yield Source(shown, head, complete, cast(BinaryIO, rejoined))


def read_capped(stream: BinaryIO, cap: int) -> bytes | None:
    """All of ``stream`` if it holds at most ``cap`` bytes, else None (reading stops there)."""
    chunks: list[bytes] = []
    total = 0
    while total <= cap:
        chunk = stream.read(min(READ_CHUNK, cap + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    return None


def iter_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``stream`` with their newline; None for a line longer than ``max_bytes``.

    An over-long line is skipped to its newline in READ_CHUNK pieces, never held whole.
    """
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(READ_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line
