"""The theme taxonomy (themes.yaml): loaded and validated once, errors name ``file:line``.

Format: docs/dictionaries.md, "themes/themes.yaml". A match implies the theme's ancestors;
the stage records only the matched (most specific) theme, and queries roll the counts up the
tree (``Taxonomy.ancestors``), so a fact is always the evidence itself and never a copy of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import datafiles
from ..cache import cached
from ..datafiles import cached_load, data_path, load_yaml_entries
from ..errors import DictionaryError

CATEGORIES = frozenset(
    {"security", "politics", "economy", "society", "environment", "health", "technology", "law"}
)
_THEME_ID = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
_CONTEXT_WORD = re.compile(r"^[^\sA-Z]+$")


@dataclass(frozen=True, slots=True)
class ThemeEntry:
    id: str
    name: str
    category: str
    parent: str | None
    phrases: tuple[str, ...]
    context: frozenset[str]
    line: int


@dataclass(frozen=True, eq=False)
class Taxonomy:
    path: str
    themes: dict[str, ThemeEntry]

    def ancestors(self, theme: str) -> list[str]:
        """Parent, grandparent, ... of a theme (the file is checked to have no cycles)."""
        out: list[str] = []
        parent = self.themes[theme].parent if theme in self.themes else None
        while parent is not None and parent not in out:
            out.append(parent)
            parent = self.themes[parent].parent
        return out


def _entry(raw: dict[str, Any], path: str) -> ThemeEntry:
    line = int(raw.get("__line__", 0))

    def fail(reason: str) -> DictionaryError:
        return DictionaryError(path, line, reason)

    unknown = set(raw) - {"id", "name", "category", "parent", "context", "phrases", "__line__"}
    if unknown:
        raise fail(f"unknown keys: {', '.join(sorted(unknown))}")
    tid, name, category = raw.get("id"), raw.get("name"), raw.get("category")
    if not isinstance(tid, str) or not _THEME_ID.match(tid):
        raise fail(f"id {tid!r} is not UPPER_SNAKE_CASE")
    if not isinstance(name, str) or not name.strip():
        raise fail(f"{tid}: name is missing")
    if category not in CATEGORIES:
        raise fail(f"{tid}: category {category!r} is not one of {', '.join(sorted(CATEGORIES))}")
    phrases = raw.get("phrases")
    if not isinstance(phrases, list) or not phrases:
        raise fail(f"{tid}: phrases must be a non-empty list")
    for phrase in phrases:
        if not isinstance(phrase, str) or not phrase.strip() or phrase != phrase.lower():
            raise fail(f"{tid}: phrase {phrase!r} must be a non-empty lower-case string")
    context = raw.get("context") or []
    if not isinstance(context, list) or not all(
        isinstance(w, str) and _CONTEXT_WORD.match(w) for w in context
    ):
        raise fail(f"{tid}: context must be a list of single lower-case words")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise fail(f"{tid}: parent must be a theme id or null")
    return ThemeEntry(tid, name.strip(), category, parent, tuple(phrases), frozenset(context), line)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and validate themes.yaml: unique ids and phrases, known parents, no cycles."""
    path = path or default_themes_path()
    where = str(path)
    themes: dict[str, ThemeEntry] = {}
    owner: dict[str, str] = {}
    for raw in load_yaml_entries(path):
        entry = _entry(raw, where)
        if entry.id in themes:
            first = themes[entry.id].line
            raise DictionaryError(where, entry.line, f"duplicate id {entry.id} (line {first})")
        for phrase in entry.phrases:
            if phrase in owner and owner[phrase] != entry.id:
                reason = f"{entry.id}: phrase {phrase!r} already belongs to {owner[phrase]}"
                raise DictionaryError(where, entry.line, reason)
            owner[phrase] = entry.id
        themes[entry.id] = entry
    for entry in themes.values():
        seen = {entry.id}
        parent = entry.parent
        while parent is not None:
            if parent not in themes:
                raise DictionaryError(where, entry.line, f"{entry.id}: unknown parent {parent}")
            if parent in seen:
                raise DictionaryError(where, entry.line, f"{entry.id}: parent cycle via {parent}")
            seen.add(parent)
            parent = themes[parent].parent
    return Taxonomy(where, themes)


def default_themes_path() -> Path:
    return data_path("themes", "themes.yaml")


@cached_load
def cached_taxonomy(path: str = "") -> Taxonomy:
    """One load per file per process: the taxonomy is read-only. The load is kept in the
    on-disk cache (``detente/cache.py``) by the file's bytes and path and the reading code."""
    file = Path(path) if path else default_themes_path()
    inputs = (file, str(file), Path(__file__), Path(datafiles.__file__))
    return cached("themes-taxonomy", lambda: load_taxonomy(file), inputs)
