"""Our verb-pattern language (docs/patterns.md): parsing and validation with file:line errors.

A pattern is parsed once into elements; the engine (``events.coder``) compiles the elements
into its matcher. PETRARCH verb dictionaries are converted into the same ``Pattern`` objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..datafiles import data_path
from ..errors import DictionaryError
from .ontology import Ontology, default_ontology

PATTERN_DIR = data_path("events", "patterns")

#: Flags a pattern may carry after " | ".
#: ``activepassive`` (converted PETRARCH patterns): a passive without "by" keeps the active
#: reading, the subject staying the source ("The Philippines was criticized over ...").
FLAGS = frozenset(
    {"nopassive", "mutual", "notarget", "discard", "verbal", "activepassive", "passiveonly"}
)
#: Element kinds. SKIP passes over one actor mention (PETRARCH's ``^``); patterns written in our
#: language do not use it, converted PETRARCH patterns do.
SOURCE, TARGET, WORD, SET, GAP, SKIP = "source", "target", "word", "set", "gap", "skip"
#: Words that cannot be a pattern's anchor: they carry no predicate meaning.
FUNCTION_WORDS = frozenset(
    "a an the to of in on at by for with from into onto over under about against and or but "
    "that this these those its his her their our your my 's be is are was were been being "
    "has have had do does did will would can could may might must shall should not".split()
)

_CODE = re.compile(r"^(\d{2,4})[ \t]+")
_SET_LINE = re.compile(r"^@set\s+([A-Z][A-Z0-9_]*)\s*:\s*(.+)$")
_WORD = re.compile(r"^[a-z0-9][a-z0-9'\-\.]*$|^'s$")
_MEMBER = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern element: a slot, a word (with alternatives), a set, or a gap."""

    kind: str
    values: tuple[str, ...] = ()  # words (for WORD) or the set name (for SET)
    exact: tuple[bool, ...] = ()  # per value: True when written with "="
    optional: bool = False
    anchor: bool = False
    #: Tokens that may separate this element from its neighbour on the anchor side. Our own
    #: language keeps elements adjacent (0); TABARI's blank separator allows any (a large
    #: value). On a slot it makes the actor float: the nearest one within reach binds.
    gap: int = 0


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    elements: tuple[Element, ...]
    flags: frozenset[str] = frozenset()
    source: str = ""  # file:line
    text: str = ""
    #: A code for the reverse event (target acts on source), as PETRARCH's ``[032:033]``
    #: second part: "A left for B" is also B receiving A. Empty: no reverse event.
    reverse: str = ""

    @property
    def anchor_index(self) -> int:
        return next(i for i, e in enumerate(self.elements) if e.anchor)

    @property
    def has_source(self) -> bool:
        return any(e.kind == SOURCE for e in self.elements)

    @property
    def has_target(self) -> bool:
        return any(e.kind == TARGET for e in self.elements)


@dataclass(frozen=True)
class PatternDictionary:
    """Every pattern and set, with the files they came from (for versions and stats)."""

    patterns: tuple[Pattern, ...]
    sets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    def by_code(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for pattern in self.patterns:
            counts[pattern.code] = counts.get(pattern.code, 0) + 1
        return counts


def _parse_element(token: str, where: str, path: str, line: int) -> Element:
    optional = token.endswith("?") and len(token) > 1
    body = token[:-1] if optional else token
    anchor = body.startswith("!")
    body = body[1:] if anchor else body
    if body in ("S", "T"):
        if optional or anchor:
            raise DictionaryError(path, line, f"{where}: a slot cannot be optional or the anchor")
        return Element(SOURCE if body == "S" else TARGET)
    if body == "...":
        return Element(GAP)
    long_gap = re.fullmatch(r"\.\.\.(\d{1,2})", body)
    if long_gap:
        return Element(GAP, (long_gap.group(1),))
    if body.startswith("$"):
        name = body[1:]
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            raise DictionaryError(path, line, f"{where}: bad set name {body!r}")
        return Element(SET, (name,), (True,), optional, anchor)
    values, exact = [], []
    for alternative in body.split("|"):
        is_exact = alternative.startswith("=")
        word = alternative[1:] if is_exact else alternative
        if not _WORD.match(word):
            raise DictionaryError(path, line, f"{where}: {alternative!r} is not a lower-case word")
        values.append(word)
        exact.append(is_exact)
    return Element(WORD, tuple(values), tuple(exact), optional, anchor)


def _choose_anchor(elements: list[Element], path: str, line: int) -> list[Element]:
    marked = [i for i, e in enumerate(elements) if e.anchor]
    if len(marked) > 1:
        raise DictionaryError(path, line, "more than one anchor marked with !")
    if marked:
        index = marked[0]
    else:
        candidates = [
            i
            for i, e in enumerate(elements)
            if e.kind in (WORD, SET) and not e.optional and not set(e.values) <= FUNCTION_WORDS
        ]
        if not candidates:
            raise DictionaryError(path, line, "no anchor: the pattern needs a content word")
        index = candidates[0]
    if elements[index].optional:
        raise DictionaryError(path, line, "the anchor cannot be optional")
    elements[index] = Element(
        elements[index].kind, elements[index].values, elements[index].exact, False, True
    )
    return elements


def parse_pattern(code: str, text: str, path: str = "<string>", line: int = 0) -> Pattern:
    """Parse one pattern (``text`` may end in `` | flags``)."""
    body, _, flag_text = text.partition(" | ")
    flags = frozenset(flag_text.split())
    unknown = flags - FLAGS
    if unknown:
        raise DictionaryError(path, line, f"unknown flag(s): {', '.join(sorted(unknown))}")
    tokens = body.split()
    if not tokens:
        raise DictionaryError(path, line, "empty pattern")
    elements = [_parse_element(t, f"element {t!r}", path, line) for t in tokens]
    kinds = [e.kind for e in elements]
    if kinds.count(SOURCE) > 1 or kinds.count(TARGET) > 1:
        raise DictionaryError(path, line, "S and T may each appear once")
    if SOURCE not in kinds and TARGET not in kinds:
        raise DictionaryError(path, line, "a pattern needs S or T")
    if elements[0].kind == GAP or elements[-1].kind == GAP:
        raise DictionaryError(path, line, "a pattern cannot start or end with ...")
    elements = _choose_anchor(elements, path, line)
    normal = " ".join(tokens)
    return Pattern(f"{code}:{normal}", code, tuple(elements), flags, f"{path}:{line}", text.strip())


def _parse_set(match: re.Match[str], path: str, line: int) -> tuple[str, tuple[str, ...]]:
    members = tuple(
        (quoted or plain).strip().lower() for quoted, plain in _MEMBER.findall(match.group(2))
    )
    if not members:
        raise DictionaryError(path, line, f"set {match.group(1)} has no members")
    return match.group(1), members


def read_pattern_file(
    path: Path, ontology: Ontology, sets: dict[str, tuple[str, ...]]
) -> list[Pattern]:
    """Patterns of one file; its sets are added to ``sets`` (names are global)."""
    root = path.name[:2]
    patterns: list[Pattern] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        set_match = _SET_LINE.match(line.strip())
        if set_match:
            name, members = _parse_set(set_match, str(path), number)
            if name in sets:
                raise DictionaryError(str(path), number, f"set {name} is defined twice")
            sets[name] = members
            continue
        code_match = _CODE.match(line)
        if not code_match:
            raise DictionaryError(str(path), number, "expected '@set NAME: ...' or 'CODE  PATTERN'")
        code = code_match.group(1)
        if code not in ontology:
            raise DictionaryError(str(path), number, f"{code} is not a CAMEO event code")
        if root.isdigit() and not code.startswith(root):
            raise DictionaryError(str(path), number, f"{code} does not belong to root {root}")
        patterns.append(parse_pattern(code, line[code_match.end() :], str(path), number))
    return patterns


def _check_sets(patterns: Iterable[Pattern], sets: dict[str, tuple[str, ...]]) -> None:
    for pattern in patterns:
        for element in pattern.elements:
            if element.kind == SET and element.values[0] not in sets:
                path, _, line = pattern.source.rpartition(":")
                raise DictionaryError(path, int(line), f"set ${element.values[0]} is not defined")


def load_patterns(
    folder: Path | None = None, ontology: Ontology | None = None
) -> PatternDictionary:
    """Read and validate every ``*.txt`` pattern file of a folder (ours by default)."""
    folder = folder or PATTERN_DIR
    ontology = ontology or default_ontology()
    sets: dict[str, tuple[str, ...]] = {}
    patterns: list[Pattern] = []
    files = sorted(folder.glob("*.txt"))
    for path in files:
        patterns.extend(read_pattern_file(path, ontology, sets))
    _check_sets(patterns, sets)
    seen: dict[str, str] = {}
    for pattern in patterns:
        if pattern.id in seen:
            where, _, line = pattern.source.rpartition(":")
            raise DictionaryError(
                where, int(line), f"duplicate pattern (first at {seen[pattern.id]})"
            )
        seen[pattern.id] = pattern.source
    return PatternDictionary(_shared_elements(patterns), sets, tuple(str(p) for p in files))


def _shared_elements(patterns: list[Pattern]) -> tuple[Pattern, ...]:
    """The patterns with equal elements as one object: 89,000 elements are 7,000 distinct ones,
    and the on-disk cache then stores (and restores) each once."""
    elements: dict[Element, Element] = {}
    return tuple(
        replace(p, elements=tuple(elements.setdefault(e, e) for e in p.elements)) for p in patterns
    )


@lru_cache(maxsize=1)
def default_patterns() -> PatternDictionary:
    """Our patterns, from the on-disk cache while their files are unchanged."""
    from .matcher import compiled_index  # the matcher compiles patterns: it imports us

    return compiled_index().dictionary
