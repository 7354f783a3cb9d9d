"""Output files a job writes beside the store: never over an input, never half-written.

A JSON Lines output is written to a hidden temporary file in the target folder and moved into
place when the job ends, whether it finished or was interrupted; a record cut short by the
interruption is trimmed, so the file holds whole records only. Until then the old file (if
any) is untouched, and an output that would be one of the job's inputs, or inside a folder the
job reads, is refused before anything is opened.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

from .errors import OutputError

#: Bytes read from the end of a temporary output to find the last complete record.
_TAIL = 1 << 16


def check_not_input(output: str | Path, inputs: Sequence[str]) -> None:
    """Refuse an output that is an input, or lies in a folder being read."""
    target = Path(output).expanduser().resolve()
    for given in inputs:
        if given == "-":
            continue
        source = Path(given).expanduser()
        try:
            resolved = source.resolve()
        except (OSError, RuntimeError):  # a symlink loop: the reader reports it
            continue
        if resolved == target or (source.is_dir() and target.is_relative_to(resolved)):
            raise OutputError(
                f"{output}: would overwrite an input ({given}); write the output elsewhere"
            )


class AtomicOutput:
    """A text file written whole or not at all: a context manager yielding the open file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self._file: IO[str] | None = None
        self._temp: str | None = None

    def __enter__(self) -> IO[str]:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, self._temp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".part", dir=folder
            )
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None
        self._file = os.fdopen(handle, "w+", encoding="utf-8", newline="\n")
        return self._file

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._file is not None and self._temp is not None
        try:
            self._file.flush()
            if kind is not None:
                _trim_partial_line(self._file)
            self._file.close()
            os.chmod(self._temp, 0o666 & ~_umask())  # mkstemp's 0600 is not what users expect
            os.replace(self._temp, self.path)
        except OSError as error:
            Path(self._temp).unlink(missing_ok=True)
            if kind is None:
                raise OutputError(f"{self.path}: cannot write ({error})") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _trim_partial_line(file: IO[str]) -> None:
    """Cut a file back to its last newline (the end of its last whole record)."""
    binary = file.buffer if hasattr(file, "buffer") else None
    if binary is None:
        return
    end = binary.seek(0, os.SEEK_END)
    position = end
    while position > 0:
        start = max(0, position - _TAIL)
        binary.seek(start)
        chunk = binary.read(position - start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            binary.truncate(start + newline + 1)
            return
        position = start
    binary.truncate(0)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that wants a file name (DuckDB's COPY,
    matplotlib, networkx), moved onto ``path`` when the block ends without error and removed
    otherwise: readers never see a half-written file."""
    target = Path(path).expanduser()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=f".part{target.suffix}", dir=target.parent
        )
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    os.close(handle)
    try:
        yield Path(temp)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    finally:
        Path(temp).unlink(missing_ok=True)


#: The file an exported folder holds to say what it is (and that it may be replaced).
MANIFEST = "detente-export.json"


@contextlib.contextmanager
def atomic_folder(path: str | Path) -> Iterator[Path]:
    """A temporary folder beside ``path``, put in its place when the block ends without error.

    An existing ``path`` is replaced only if it is empty or an earlier export (it holds
    ``MANIFEST``): a folder of anything else is refused, never deleted.
    """
    target = Path(path).expanduser()
    if target.exists() and not _replaceable(target):
        raise OutputError(
            f"{target}: exists and is not a détente export (no {MANIFEST}); "
            "choose a new or empty folder"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        yield temp
        old = None
        if target.exists():
            old = target.with_name(f"{temp.name}.old")
            os.replace(target, old)
        os.replace(temp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _replaceable(folder: Path) -> bool:
    if not folder.is_dir():
        return False
    return (folder / MANIFEST).is_file() or not any(folder.iterdir())
