"""The CAMEO event ontology as data: codes, names, Goldstein values, quad classes, PLOVER mappings.

Three files in one folder (``src/detente/data/events/`` by default) are read and cross-checked at
load, so a bad edit fails with ``file:line`` instead of silently mis-coding events:

* ``cameo.tsv``: every CAMEO 1.1b3 code with name, description, Goldstein value and quad class;
* ``plover.yaml``: the PLOVER event types with their quad class and modes;
* ``cameo_plover.tsv``: the PLOVER type and mode of every CAMEO code.

An optional ``manifest.yaml`` in the same folder gives the ontology's ``version``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .. import datafiles
from ..cache import cached
from ..datafiles import data_path, load_yaml_entries, load_yaml_mapping, read_tsv
from ..errors import DictionaryError
from ..model import Event

ONTOLOGY_VERSION = "2026.11"
"""Version reported when the data folder has no manifest with a ``version``."""

CAMEO_FILE = "cameo.tsv"
PLOVER_FILE = "plover.yaml"
MAPPING_FILE = "cameo_plover.tsv"
MANIFEST_FILE = "manifest.yaml"

GOLDSTEIN_MIN = -10.0
GOLDSTEIN_MAX = 10.0
"""Goldstein's scale runs from -10 (most conflictual) to +10 (most cooperative)."""

QUAD_CLASS_NAMES = MappingProxyType(
    {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }
)

_LAST_ROOT_OF_QUAD = ((4, 1), (8, 2), (13, 3), (20, 4))
"""GDELT's quad classes by CAMEO root: 01-04 → 1, 05-08 → 2, 09-13 → 3, 14-20 → 4."""

_CODE = re.compile(r"\d{2,4}")
_CAMEO_COLUMNS = ("code", "name", "description", "goldstein", "quad_class")
_MAPPING_COLUMNS = ("code", "plover_type", "plover_mode", "note")


def quad_class_for_root(root: str) -> int | None:
    """GDELT's quad class for a CAMEO root ("01" … "20"); None for anything else."""
    if len(root) != 2 or not root.isdigit():
        return None
    number = int(root)
    for last, quad in _LAST_ROOT_OF_QUAD:
        if 1 <= number <= last:
            return quad
    return None


def parent_code(code: str) -> str | None:
    """The code one level up ("0231" → "023", "023" → "02"); None for a root."""
    return code[:-1] if len(code) == 4 else code[:2] if len(code) == 3 else None


@dataclass(frozen=True, slots=True)
class PloverMode:
    """A PLOVER mode: a subtype of an event type (CONSULT ``phone``, ASSAULT ``aerial``)."""

    name: str
    description: str


@dataclass(frozen=True, slots=True)
class PloverType:
    """A PLOVER event type with its modes; ``quad_class`` uses GDELT's 1-4 numbering."""

    name: str
    description: str
    modes: tuple[PloverMode, ...]
    quad_class: int

    def mode(self, name: str) -> PloverMode | None:
        """The mode called ``name``, or None if this type does not declare it."""
        return next((mode for mode in self.modes if mode.name == name), None)


@dataclass(frozen=True, slots=True)
class EventType:
    """One CAMEO event code and everything an event coded with it carries."""

    code: str
    name: str
    description: str
    goldstein: float
    quad_class: int
    root: str
    plover_type: str | None
    plover_mode: str | None

    @property
    def is_root(self) -> bool:
        return self.code == self.root

    def event(self, **fields: Any) -> Event:
        """An ``Event`` of this type: its code, root, quad class, Goldstein value and PLOVER
        type and mode, with the rest of the record from ``fields``."""
        return Event(
            id="",
            code=self.code,
            root=self.root,
            quad_class=self.quad_class,
            goldstein=self.goldstein,
            plover_type=self.plover_type or None,
            plover_mode=self.plover_mode or None,
            **fields,
        )


@dataclass(frozen=True, eq=False)
class Ontology:
    """A validated, read-only CAMEO ontology; build it with :func:`load_ontology`.

    Compared by identity (``eq=False``): it is large, and its mappings are not hashable.
    """

    events: Mapping[str, EventType]
    plover_types: Mapping[str, PloverType]
    version: str = ONTOLOGY_VERSION
    _children: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), repr=False
    )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with plain dicts (a mapping proxy cannot be pickled), read-only again."""
        mappings = (dict(self.events), dict(self.plover_types), dict(self._children))
        return _restore, (*mappings, self.version)

    def get(self, code: str) -> EventType | None:
        """The event type for ``code``, or None when the code is not CAMEO."""
        return self.events.get(code)

    def __getitem__(self, code: str) -> EventType:
        return self.events[code]

    def __contains__(self, code: object) -> bool:
        return code in self.events

    def __iter__(self) -> Iterator[EventType]:
        return iter(self.events.values())

    def __len__(self) -> int:
        return len(self.events)

    def root_of(self, code: str) -> EventType:
        """The root ("01" … "20") that ``code`` belongs to; KeyError for an unknown code."""
        return self.events[self.events[code].root]

    def children(self, code: str) -> tuple[EventType, ...]:
        """The codes directly below ``code`` ("023" → 0231 … 0234), in file order."""
        if code not in self.events:
            raise KeyError(code)
        return tuple(self.events[child] for child in self._children.get(code, ()))

    def leaves(self) -> tuple[EventType, ...]:
        """Codes with nothing below them: the most specific events a coder can assign."""
        return tuple(event for event in self.events.values() if not self._children.get(event.code))

    def roots(self) -> tuple[EventType, ...]:
        """The twenty root categories in order."""
        return tuple(event for event in self.events.values() if event.is_root)

    def plover(self, name: str) -> PloverType | None:
        """The PLOVER type called ``name`` (upper case), or None."""
        return self.plover_types.get(name)


@dataclass(frozen=True, slots=True)
class _CameoRow:
    line: int
    code: str
    name: str
    description: str
    goldstein: float
    quad_class: int


def load_ontology(path: Path | str | None = None) -> Ontology:
    """Load and cross-check the ontology files in folder ``path`` (default: the packaged data)."""
    folder = Path(path) if path is not None else data_path("events")
    rows = _read_cameo(folder / CAMEO_FILE)
    plover_types = _read_plover(folder / PLOVER_FILE)
    mapping = _read_mapping(folder / MAPPING_FILE, rows, plover_types)
    events: dict[str, EventType] = {}
    children: dict[str, list[str]] = {}
    for code, row in rows.items():
        plover_type, plover_mode = mapping[code]
        events[code] = EventType(
            code=code,
            name=row.name,
            description=row.description,
            goldstein=row.goldstein,
            quad_class=row.quad_class,
            root=code[:2],
            plover_type=plover_type,
            plover_mode=plover_mode,
        )
        parent = parent_code(code)
        if parent is not None:
            children.setdefault(parent, []).append(code)
    return Ontology(
        events=MappingProxyType(events),
        plover_types=MappingProxyType(plover_types),
        version=_read_version(folder / MANIFEST_FILE),
        _children=MappingProxyType({code: tuple(kids) for code, kids in children.items()}),
    )


def _restore(
    events: dict[str, EventType],
    plover_types: dict[str, PloverType],
    children: dict[str, tuple[str, ...]],
    version: str,
) -> Ontology:
    proxy = MappingProxyType
    return Ontology(proxy(events), proxy(plover_types), version, proxy(children))


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The packaged ontology, loaded once per process (it is immutable, so sharing is safe),
    from the on-disk cache (``detente/cache.py``) while its files and this code are unchanged."""
    folder = data_path("events")
    files = (CAMEO_FILE, PLOVER_FILE, MAPPING_FILE, MANIFEST_FILE)
    inputs = (*(folder / f for f in files), Path(__file__), Path(datafiles.__file__))
    return cached("events-ontology", load_ontology, inputs)


def _require_columns(
    path: Path, line: int, row: Mapping[str, str], columns: tuple[str, ...]
) -> None:
    missing = [column for column in columns if column not in row]
    if missing:
        raise DictionaryError(str(path), line, f"header lacks column(s) {', '.join(missing)}")


def _read_cameo(path: Path) -> dict[str, _CameoRow]:
    """Read ``cameo.tsv`` row by row, then check the hierarchy and quad classes as a whole."""
    rows: dict[str, _CameoRow] = {}
    for line, raw in read_tsv(path):
        _require_columns(path, line, raw, _CAMEO_COLUMNS)
        row = _parse_cameo_row(path, line, raw)
        if row.code in rows:
            first = rows[row.code].line
            raise DictionaryError(
                str(path), line, f"duplicate code {row.code} (first on line {first})"
            )
        rows[row.code] = row
    if not rows:
        raise DictionaryError(str(path), None, "no event codes")
    for row in rows.values():
        _check_place(path, row, rows)
    return rows


def _parse_cameo_row(path: Path, line: int, raw: Mapping[str, str]) -> _CameoRow:
    where = str(path)
    code = raw["code"].strip()
    if not _CODE.fullmatch(code) or quad_class_for_root(code[:2]) is None:
        raise DictionaryError(
            where, line, f"unknown code {code!r}: CAMEO codes are 01-20 plus 1-2 digits"
        )
    name, description = raw["name"].strip(), raw["description"].strip()
    if not name or not description:
        raise DictionaryError(where, line, f"code {code} needs a name and a description")
    try:
        goldstein = float(raw["goldstein"])
    except ValueError:
        raise DictionaryError(
            where, line, f"Goldstein value {raw['goldstein']!r} is not a number"
        ) from None
    if not (math.isfinite(goldstein) and GOLDSTEIN_MIN <= goldstein <= GOLDSTEIN_MAX):
        raise DictionaryError(where, line, f"Goldstein value {goldstein} is outside -10..10")
    try:
        quad_class = int(raw["quad_class"])
    except ValueError:
        raise DictionaryError(where, line, f"quad class {raw['quad_class']!r} is not 1-4") from None
    return _CameoRow(line, code, name, description, goldstein, quad_class)


def _check_place(path: Path, row: _CameoRow, rows: Mapping[str, _CameoRow]) -> None:
    """A code needs its root and parent rows, and the quad class GDELT gives its root."""
    root = row.code[:2]
    if root not in rows:
        raise DictionaryError(
            str(path), row.line, f"code {row.code}: root {root} is not a root row"
        )
    parent = parent_code(row.code)
    if parent is not None and parent not in rows:
        raise DictionaryError(str(path), row.line, f"code {row.code}: parent {parent} has no row")
    expected = quad_class_for_root(root)
    if row.quad_class != expected:
        raise DictionaryError(
            str(path),
            row.line,
            f"code {row.code}: quad class {row.quad_class} does not match root {root} ({expected})",
        )


def _read_plover(path: Path) -> dict[str, PloverType]:
    """Read ``plover.yaml``: a list of types, each with ``quad_class`` and a list of ``modes``."""
    types: dict[str, PloverType] = {}
    for entry in load_yaml_entries(path):
        line = entry.get("__line__")
        name = _text(path, entry, "name")
        if not name.isupper():
            raise DictionaryError(str(path), line, f"PLOVER type {name!r} must be upper case")
        if name in types:
            raise DictionaryError(str(path), line, f"duplicate PLOVER type {name}")
        quad_class = entry.get("quad_class")
        if not isinstance(quad_class, int) or quad_class not in QUAD_CLASS_NAMES:
            raise DictionaryError(
                str(path), line, f"{name}: quad_class must be 1-4, not {quad_class!r}"
            )
        modes_raw = entry.get("modes", [])
        if not isinstance(modes_raw, list):
            raise DictionaryError(str(path), line, f"{name}: modes must be a list")
        modes: list[PloverMode] = []
        for item in modes_raw:
            if not isinstance(item, dict):
                raise DictionaryError(str(path), line, f"{name}: mode {item!r} is not a mapping")
            mode = PloverMode(_text(path, item, "name"), _text(path, item, "description"))
            if any(seen.name == mode.name for seen in modes):
                raise DictionaryError(
                    str(path), item.get("__line__"), f"{name}: duplicate mode {mode.name}"
                )
            modes.append(mode)
        types[name] = PloverType(name, _text(path, entry, "description"), tuple(modes), quad_class)
    if not types:
        raise DictionaryError(str(path), None, "no PLOVER types")
    return types


def _text(path: Path, entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DictionaryError(str(path), entry.get("__line__"), f"{key!r} must be non-empty text")
    return " ".join(value.split())


def _read_mapping(
    path: Path, rows: Mapping[str, _CameoRow], plover_types: Mapping[str, PloverType]
) -> dict[str, tuple[str | None, str | None]]:
    """Read ``cameo_plover.tsv``: one row per CAMEO code, types and modes from plover.yaml."""
    mapping: dict[str, tuple[str | None, str | None]] = {}
    lines: dict[str, int] = {}
    for line, raw in read_tsv(path):
        _require_columns(path, line, raw, _MAPPING_COLUMNS)
        code = raw["code"].strip()
        type_name, mode_name = raw["plover_type"].strip(), raw["plover_mode"].strip()
        if code not in rows:
            raise DictionaryError(str(path), line, f"unknown code {code!r}: not in {CAMEO_FILE}")
        if code in mapping:
            raise DictionaryError(
                str(path), line, f"duplicate code {code} (first on line {lines[code]})"
            )
        if type_name and type_name not in plover_types:
            raise DictionaryError(
                str(path), line, f"PLOVER type {type_name!r} is not in {PLOVER_FILE}"
            )
        if mode_name and not type_name:
            raise DictionaryError(
                str(path), line, f"code {code}: mode {mode_name!r} without a type"
            )
        if mode_name and plover_types[type_name].mode(mode_name) is None:
            raise DictionaryError(
                str(path),
                line,
                f"PLOVER mode {mode_name!r} is not a mode of {type_name} in {PLOVER_FILE}",
            )
        mapping[code] = (type_name or None, mode_name or None)
        lines[code] = line
    missing = [code for code in rows if code not in mapping]
    if missing:
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        raise DictionaryError(str(path), None, f"no PLOVER row for {len(missing)} code(s): {shown}")
    return mapping


def _read_version(path: Path) -> str:
    """The manifest's ``version`` string, or :data:`ONTOLOGY_VERSION` without a manifest."""
    if not path.exists():
        return ONTOLOGY_VERSION
    manifest = load_yaml_mapping(path)
    version = manifest.get("version", ONTOLOGY_VERSION)
    if not isinstance(version, str) or not version.strip():
        raise DictionaryError(
            str(path), manifest.get("__line__"), "version must be a quoted string"
        )
    return version.strip()


#: Acts two parties do with each other, whoever is named first: "China and Israel discussed
#: peace prospects", "Russia, Turkey and Iran signed the agreement", "the two armies fought".
#: A compound subject of one of these, with no target, codes each member towards each other.
SYMMETRIC_CODES = frozenset(
    {
        *("030", "031", "0311", "0312", "0313", "0314", "036"),  # intent to cooperate, to meet
        *("040", "044", "046"),  # consult, meet at a third place, negotiate
        *("050", "057"),  # diplomatic cooperation, sign an agreement
        *("060", "061", "062", "063", "064"),  # material cooperation
        *("190", "193", "194"),  # fighting
    }
)
