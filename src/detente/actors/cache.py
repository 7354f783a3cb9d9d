"""A cache of loaded actor dictionaries, so start-up does not re-read and re-validate YAML.

Loading and validating the packaged dictionaries (thousands of people, each role checked) takes
seconds; a pickle of the result loads in a fraction of that. The cache key is a hash of every
file's path and bytes under the dictionary folder and the package version, so an edited file,
an added file or a new release is never served stale. A cache that cannot be read or written
(read-only home, a corrupt file) is ignored: the dictionary is then loaded from its files.

The folder is the ``cache_dir`` setting (``DETENTE_CACHE_DIR``), else
``$XDG_CACHE_HOME/detente``, else ``~/.cache/detente``; ``off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from .. import __version__
from ..errors import SettingsError
from ..settings import load_settings
from .dictionary import ActorDictionary

T = TypeVar("T")

#: Bumped when the pickled classes change shape: old cache files are then never read.
CACHE_FORMAT = 5


def cache_dir() -> Path | None:
    """Where cached dictionaries live (the ``cache_dir`` setting); None when caching is off."""
    try:
        configured = load_settings().cache_dir
    except SettingsError:  # reported where the settings are used; the cache is no reason
        configured = os.environ.get("DETENTE_CACHE_DIR", "")
    if configured:
        return None if configured.lower() == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "detente"


def fingerprint(root: Path) -> str:
    """A hash of every file under ``root`` (path and bytes), the version and cache format."""
    digest = hashlib.sha256(f"{__version__}:{CACHE_FORMAT}".encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def load_cached(root: Path, load: Callable[[Path], ActorDictionary]) -> ActorDictionary:
    """``load(root)``, or the pickle of an earlier load of exactly the same files."""
    folder = cache_dir()
    if folder is None:
        return load(root)
    key = fingerprint(root)
    path = folder / f"actors-{key}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)  # our own file, written below
        if isinstance(cached, ActorDictionary) and cached.root == str(root):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass
    dictionary = dataclasses.replace(load(root), fingerprint=key)  # raises on errors: a
    _write(folder, path, dictionary)  # broken dictionary is never cached
    return dictionary


def cached_value(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, or its pickle saved under ``name`` (which must change with its inputs)."""
    folder = cache_dir()
    if folder is None:
        return compute()
    path = folder / f"{name}.pickle"
    try:
        with path.open("rb") as handle:
            return cast(T, pickle.load(handle))  # our own file, written below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass
    value = compute()
    _write(folder, path, value)
    return value


def _write(folder: Path, path: Path, dictionary: object) -> None:
    """Write atomically (temporary file, then rename): a reader never sees half a pickle."""
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as handle:
            temporary = handle.name
            pickle.dump(dictionary, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
