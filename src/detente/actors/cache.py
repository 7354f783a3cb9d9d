"""The cached actor dictionary: loading and validating the YAML takes seconds, its pickle not.

A thin layer over the shared cache (``detente/cache.py``): the key of a loaded dictionary is a
hash of every file under its folder (and the folder's path), the actor package's code and the
YAML reader that load it, the version and :data:`CACHE_FORMAT`. The key is kept on the
dictionary as its ``fingerprint``, so what other stages compile from the dictionary (matchers,
the gazetteer) is cached under it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from .. import datafiles
from ..cache import cache_key, cached_value
from .dictionary import ActorDictionary

#: Bumped when a pickled class changes shape in a way the actor package's bytes do not show.
CACHE_FORMAT = 6

#: The code that reads a dictionary folder: a change to it rebuilds every cached dictionary.
LOADER_CODE = (Path(__file__).parent, Path(datafiles.__file__))


def fingerprint(root: Path) -> str:
    """A hash of every file under ``root`` (path and bytes), the loader's code and the format;
    and of ``root`` itself, as the loaded entries name their files."""
    return cache_key("actors", (root, *LOADER_CODE, f"format {CACHE_FORMAT}", str(root)))


def load_cached(root: Path, load: Callable[[Path], ActorDictionary]) -> ActorDictionary:
    """``load(root)``, or the pickle of an earlier load of exactly the same files."""
    key = fingerprint(root)
    # load() raises on errors: a broken dictionary is never cached
    return cached_value(f"actors-{key}", lambda: dataclasses.replace(load(root), fingerprint=key))
