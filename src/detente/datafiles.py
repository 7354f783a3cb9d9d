"""Reading our data files with line numbers, so validation errors can say ``file:line``."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from functools import lru_cache, wraps
from inspect import signature
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import yaml

from .errors import DictionaryError

DATA_DIR = Path(__file__).parent / "data"

P = ParamSpec("P")
R = TypeVar("R")


def cached_load(function: Callable[P, R]) -> Callable[P, R]:
    """Cache a loader per resolved arguments, once per process (the loaded data is read-only).

    A bare ``lru_cache`` keys ``f()`` and ``f("")`` apart, so two stages asking for the same
    default file built it twice (the gazetteer: five seconds each); defaults are bound first.
    """
    bind = signature(function).bind
    cached = lru_cache(maxsize=4)(function)

    @wraps(function)
    def load(*args: P.args, **kwargs: P.kwargs) -> R:
        bound = bind(*args, **kwargs)
        bound.apply_defaults()
        return cached(*bound.args, **bound.kwargs)

    return load


def data_path(*parts: str) -> Path:
    """A path inside the packaged data folder."""
    return DATA_DIR.joinpath(*parts)


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that records each mapping's first line as ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _drop_dates(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    """Keep dates as strings: our dates have year, month or day precision."""
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _drop_dates)


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = f"not valid YAML ({getattr(exc, 'problem', exc)})"
        raise DictionaryError(str(path), line, reason) from None


def load_yaml_entries(path: Path) -> list[dict[str, Any]]:
    """Load a YAML file that holds a list of mappings; each gets ``__line__``."""
    data = _load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise DictionaryError(str(path), 1, "expected a list of entries")
    for item in data:
        if not isinstance(item, dict):
            raise DictionaryError(str(path), None, f"entry is not a mapping: {item!r}")
    return data


def load_yaml_mapping(path: Path) -> dict[str, Any]:
    """Load a YAML file whose top level is a mapping (manifests, settings)."""
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise DictionaryError(str(path), 1, "expected a mapping")
    return data


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for a tab-separated file with a header row.

    Blank lines and lines starting with ``#`` are skipped; a row with the wrong number of
    fields is an error naming its line.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        header: list[str] | None = None
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = fields
                continue
            if len(fields) > len(header):
                raise DictionaryError(
                    str(path), number, f"{len(fields)} fields, header has {len(header)}"
                )
            fields += [""] * (len(header) - len(fields))
            yield number, dict(zip(header, fields, strict=True))
