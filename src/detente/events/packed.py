"""The pattern index as the on-disk cache stores it: numbered rows, made into objects on use.

An index holds 12,000 compiled patterns, their elements, word sets and the tables that key
them by anchor word: 140,000 objects, which took a third of a second to restore at every
start and as long again for the garbage collector to walk. A sentence reaches the patterns of
its anchor words only, so the index is pickled as rows of plain values (strings, numbers,
tuples of them) and each object is made when a word first reaches it, then kept. Equal
objects stay shared: each row is made once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from .matcher import CompiledElement, CompiledPattern, PatternIndex
from .patterns import Element, Pattern, PatternDictionary

T = TypeVar("T")
Group = tuple[CompiledPattern, ...]
Rows = tuple[Any, ...]


class _Numbering:
    """Numbers objects by identity, in order of first appearance, with their rows."""

    def __init__(self, row: Callable[[Any], Any]) -> None:
        self.row = row
        self.numbers: dict[int, int] = {}
        self.rows: list[Any] = []

    def __call__(self, thing: Any) -> int:
        number = self.numbers.get(id(thing))
        if number is None:
            number = self.numbers[id(thing)] = len(self.rows)
            self.rows.append(None)  # numbered before its parts: rows may refer to each other
            self.rows[number] = self.row(thing)
        return number


def pack(index: PatternIndex) -> Rows:
    """The index and its dictionary as rows (see the module docstring)."""
    elements = _Numbering(lambda e: (e.kind, e.values, e.exact, e.optional, e.anchor, e.gap))
    patterns = _Numbering(
        lambda p: (
            p.id,
            p.code,
            tuple(map(elements, p.elements)),
            tuple(sorted(p.flags)),
            p.source,
            p.text,
            p.reverse,
        )
    )
    compiled_elements = _Numbering(
        lambda e: (e.kind, e.optional, tuple(e.words), e.phrases, e.reach, e.crossing, e.gap)
    )
    word_sets = _Numbering(tuple)
    compiled = _Numbering(
        lambda c: (
            patterns(c.pattern),
            tuple(map(compiled_elements, c.pre)),
            compiled_elements(c.anchor),
            tuple(map(compiled_elements, c.post)),
            c.specificity,
            c.passive,
            tuple(map(word_sets, c.required)),
        )
    )
    groups = _Numbering(lambda g: tuple(map(compiled, g)))
    tables = _Numbering(lambda t: (tuple(t), tuple(map(groups, t.values()))))
    dictionary = index.dictionary
    order = tuple(map(patterns, dictionary.patterns))
    by_first = {word: groups(g) for word, g in index.by_first.items()}
    keyed = {word: tables(t) for word, t in index.keyed.items()}
    return (
        elements.rows,
        patterns.rows,
        compiled_elements.rows,
        word_sets.rows,
        compiled.rows,
        groups.rows,
        tables.rows,
        by_first,
        keyed,
        (order, dictionary.sets, dictionary.files),
    )


class _Rows:
    """Makes the objects of packed rows on demand, each once."""

    def __init__(self, rows: Rows) -> None:
        (
            self.elements,
            self.patterns,
            self.compiled_elements,
            self.word_sets,
            self.compiled,
            self.groups,
            self.tables,
        ) = rows[:7]
        self.made: dict[tuple[str, int], Any] = {}

    def _once(self, kind: str, number: int, make: Callable[[], T]) -> T:
        key = (kind, number)
        found = self.made.get(key)
        if found is None:
            found = self.made[key] = make()
        return found

    def element(self, n: int) -> Element:
        return self._once("element", n, lambda: Element(*self.elements[n]))

    def pattern(self, n: int) -> Pattern:
        def make() -> Pattern:
            pid, code, elements, flags, source, text, reverse = self.patterns[n]
            parts = tuple(map(self.element, elements))
            return Pattern(pid, code, parts, frozenset(flags), source, text, reverse)

        return self._once("pattern", n, make)

    def compiled_element(self, n: int) -> CompiledElement:
        def make() -> CompiledElement:
            kind, optional, words, phrases, reach, crossing, gap = self.compiled_elements[n]
            return CompiledElement(kind, optional, frozenset(words), phrases, reach, crossing, gap)

        return self._once("compiled element", n, make)

    def compiled_pattern(self, n: int) -> CompiledPattern:
        def make() -> CompiledPattern:
            pattern, pre, anchor, post, specificity, passive, required = self.compiled[n]
            return CompiledPattern(
                self.pattern(pattern),
                tuple(map(self.compiled_element, pre)),
                self.compiled_element(anchor),
                tuple(map(self.compiled_element, post)),
                specificity,
                passive,
                tuple(map(self.words, required)),
            )

        return self._once("compiled pattern", n, make)

    def words(self, n: int) -> frozenset[str]:
        return self._once("words", n, lambda: frozenset(self.word_sets[n]))

    def group(self, n: int) -> Group:
        return self._once("group", n, lambda: tuple(map(self.compiled_pattern, self.groups[n])))

    def table(self, n: int) -> dict[str, Group]:
        def make() -> dict[str, Group]:
            keys, groups = self.tables[n]
            return dict(zip(keys, map(self.group, groups), strict=True))

        return self._once("table", n, make)


class _Lazy(Mapping[str, T]):
    """A word → number table whose values are made (once) when read."""

    def __init__(self, numbers: dict[str, int], make: Callable[[int], T]) -> None:
        self.numbers = numbers
        self.make = make

    def get(self, word: str, default: Any = None) -> Any:  # per token: no KeyError raised
        number = self.numbers.get(word)
        return default if number is None else self.make(number)

    def __getitem__(self, word: str) -> T:
        return self.make(self.numbers[word])

    def __contains__(self, word: object) -> bool:
        return word in self.numbers

    def __iter__(self) -> Iterator[str]:
        return iter(self.numbers)

    def __len__(self) -> int:
        return len(self.numbers)


def unpack(*rows: Any) -> PatternIndex:
    """The index of packed rows; its objects are made as sentences reach them."""
    made = _Rows(rows)
    by_first, keyed, (order, sets, files) = rows[7:]
    return PatternIndex.restored(
        _Lazy(by_first, made.group),
        _Lazy(keyed, made.table),
        lambda: PatternDictionary(tuple(map(made.pattern, order)), sets, files),
    )
