"""Input paths to the files to read: folders walked safely, globs, stdin.

A folder is walked in sorted order without following symbolic links out of it (unless
``follow_links``): a walk never loops, never opens a FIFO or a device, and every entry it
skips for a reason a user would want to know yields one InputError line.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .normalize import clean_field
from .streams import file_kind

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
TEXT_EXTENSIONS = frozenset({".txt", ".text"})
#: PETRARCH corpora (``<Sentences>``); other XML gets one error line each.
XML_EXTENSIONS = frozenset({".xml"})
#: What a folder walk picks up; a file named explicitly is read whatever its extension.
DIRECTORY_EXTENSIONS = (
    HTML_EXTENSIONS | JSONL_EXTENSIONS | TEXT_EXTENSIONS | XML_EXTENSIONS | {".json", ".csv"}
)
_LINK_HINT = "not followed (use --follow-links)"


def display_name(name: str) -> str:
    """A path as messages and origins show it: one line, encodable (odd bytes as U+FFFD)."""
    shown = clean_field(name.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    return shown or repr(name)


def is_news_name(name: str) -> bool:
    """Whether a folder walk reads a file of this name (hidden files are not)."""
    if name.startswith("."):
        return False
    return Path(name.lower().removesuffix(".gz")).suffix in DIRECTORY_EXTENSIONS


def _link_problem(path: str) -> str | None:
    """Why a symbolic link cannot be followed at all (loop, dangling), or None."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "dangling symbolic link"
        return f"cannot follow symbolic link ({exc.strerror or exc})"
    return None


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def walk_folder(root: str, follow_links: bool = False) -> Iterator[str | InputError]:
    """News files under ``root`` in sorted order, and one InputError per entry skipped for cause.

    Without ``follow_links`` a link is followed only to a file inside ``root``. A folder is
    entered once however it is reached, so link loops end. Iterative: deep trees are fine.
    """
    real_root = os.path.realpath(root)
    seen_folders: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []
    found = 0

    def enter(path: str) -> InputError | None:
        try:
            info = os.stat(path)
            key = (info.st_dev, info.st_ino)
            if key in seen_folders:
                return InputError(display_name(path), "folder already read, not read again")
            seen_folders.add(key)
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            return InputError(display_name(path), f"cannot read folder ({exc.strerror or exc})")
        stack.append(iter(entries))
        return None

    problem = enter(root)
    if problem is not None:
        yield problem
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        for item in _visit(entry, real_root, follow_links, enter):
            found += isinstance(item, str)
            yield item
    if not found:
        kinds = " ".join(sorted(DIRECTORY_EXTENSIONS))
        yield InputError(
            display_name(root), f"directory holds no news files ({kinds}, or their .gz)"
        )


def _visit(
    entry: os.DirEntry[str],
    real_root: str,
    follow_links: bool,
    enter: Callable[[str], InputError | None],
) -> Iterator[str | InputError]:
    """One folder entry: a file to read, a folder to enter, or a reason to skip it."""
    shown = display_name(entry.path)
    try:
        is_link = entry.is_symlink()
        if is_link:
            broken = _link_problem(entry.path)
            if broken is not None:
                if is_news_name(entry.name) or broken == "symbolic link loop":
                    yield InputError(shown, broken)
                return
        mode = os.stat(entry.path).st_mode
    except OSError as exc:
        yield InputError(shown, f"cannot read ({exc.strerror or exc})")
        return
    if is_link and not follow_links:
        target = os.path.realpath(entry.path)
        if not _inside(target, real_root):
            yield InputError(shown, f"symbolic link out of {display_name(real_root)}, {_LINK_HINT}")
            return
        if stat.S_ISDIR(mode):
            if _inside(os.path.realpath(os.path.dirname(entry.path)), target):
                yield InputError(shown, "symbolic link loop (to a folder above it), not followed")
            return  # a folder inside the root is read where it is
    if stat.S_ISDIR(mode):
        problem = enter(entry.path)
        if problem is not None:
            yield problem
    elif is_news_name(entry.name):
        if stat.S_ISREG(mode):
            yield entry.path
        else:
            yield InputError(shown, f"not a regular file ({file_kind(mode)})")


def expand_inputs(paths: Iterable[str], follow_links: bool = False) -> Iterator[str | InputError]:
    """Paths as given: files, folders (recursive, sorted), globs, and ``-`` for stdin.

    A path named explicitly is followed if it is a link; links inside folders only with
    ``follow_links`` (see ``walk_folder``).
    """
    for given in paths:
        if given == "-":
            yield "-"
            continue
        shown = display_name(given)
        try:
            mode: int | None = os.stat(given).st_mode
        except OSError as exc:
            mode = None
            if os.path.islink(given):
                yield InputError(shown, _link_problem(given) or f"cannot read ({exc.strerror})")
                continue
        if mode is not None and stat.S_ISDIR(mode):
            yield from walk_folder(given, follow_links)
        elif mode is not None and stat.S_ISREG(mode):
            yield given
        elif mode is not None:
            yield InputError(shown, f"not a regular file ({file_kind(mode)})")
        elif glob.has_magic(given):
            yield from _glob(given, shown)
        else:
            yield InputError(shown, "no such file or directory")


def _glob(pattern: str, shown: str) -> Iterator[str | InputError]:
    """Regular files matching a pattern, sorted, each real file once (``**`` may loop)."""
    seen: set[str] = set()
    matches = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        try:
            if not stat.S_ISREG(os.stat(match).st_mode):
                continue
        except OSError:
            continue
        real = os.path.realpath(match)
        if real not in seen:
            seen.add(real)
            matches.append(match)
    if not matches:
        yield InputError(shown, "no file matches this pattern")
    yield from matches
