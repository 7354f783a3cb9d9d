"""Pattern matching over a sentence view: anchors first, then the elements on either side.

Patterns are indexed by every form of their anchor, so a sentence costs one dictionary lookup
per token plus the few patterns whose anchor occurs. Elements before the anchor are matched
leftwards, those after it rightwards; actor slots bind whole mentions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import datafiles
from ..cache import cached
from . import inflect, ontology, patterns
from .inflect import forms, irregular_participles
from .patterns import (
    FUNCTION_WORDS,
    GAP,
    PATTERN_DIR,
    SET,
    SKIP,
    SOURCE,
    TARGET,
    WORD,
    Element,
    Pattern,
    PatternDictionary,
    load_patterns,
)
from .sentence import SentenceView
from .slots import (
    DETERMINERS,
    floating_left,
    floating_right,
    match_backward,
    match_forward,
    object_slot,
    skip_left,
    skip_right,
    subject_slot,
    usable,
)

#: Tokens a plain ``...`` may skip.
GAP_TOKENS = 4
#: Auxiliaries that make a past participle passive.
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "got"})
#: Adverbs that modify adjectives and adverbs, never a verb right after them ("very close").
DEGREE_ADVERBS = frozenset({"very", "too", "extremely", "fairly"})
#: Possessive pronouns: a gap passes over them ("expressed his deep condolences"), although
#: the parsed pipeline makes them actor mentions.
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
#: Prepositions whose -ing complement has no subject of its own ("after leaving Eriador").
GERUND_PREPOSITIONS = frozenset({"after", "before", "while", "since", "without", "upon"})


@dataclass(frozen=True)
class CompiledElement:
    kind: str
    optional: bool
    words: frozenset[str] = frozenset()  # single-token forms
    phrases: tuple[tuple[str, ...], ...] = ()  # multi-token forms (sets, phrases)
    reach: int = 0  # for gaps: how many tokens
    crossing: bool = False  # a long gap may cross quotes and commas
    gap: int = 0  # tokens allowed before the element (Element.gap)


@dataclass(frozen=True)
class CompiledPattern:
    pattern: Pattern
    pre: tuple[CompiledElement, ...]  # elements before the anchor, nearest first
    anchor: CompiledElement
    post: tuple[CompiledElement, ...]
    specificity: int  # number of word and set elements: the more, the more specific
    passive: bool
    #: First words of each required (not optional) word or set besides the anchor: a sentence
    #: lacking any of them cannot match, so the pattern is not tried (most are not).
    required: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class Match:
    pattern: CompiledPattern
    anchor_start: int
    anchor_end: int
    start: int  # the whole match, local token offsets
    end: int
    source: tuple[int, ...]  # slot indices (several for a compound)
    target: tuple[int, ...]
    passive: bool = False


def _compile_element(element: Element, sets: dict[str, tuple[str, ...]]) -> CompiledElement:
    if element.kind == WORD:
        words: set[str] = set()
        for value, exact in zip(element.values, element.exact, strict=True):
            words.update({value} if exact else forms(value))
        single = frozenset(w for w in words if " " not in w)
        phrases = tuple(tuple(w.split()) for w in words if " " in w)
        return CompiledElement(WORD, element.optional, single, phrases, gap=element.gap)
    if element.kind == SET:
        members = sets[element.values[0]]
        single = frozenset(m for m in members if " " not in m)
        phrases = tuple(
            sorted((tuple(m.split()) for m in members if " " in m), key=len, reverse=True)
        )
        return CompiledElement(SET, element.optional, single, phrases, gap=element.gap)
    if element.kind == GAP:
        reach = int(element.values[0]) if element.values else GAP_TOKENS
        return CompiledElement(GAP, False, reach=reach, crossing=bool(element.values))
    return CompiledElement(element.kind, False, gap=element.gap)


class PatternIndex:
    """Every pattern, compiled and indexed by the first word of each anchor form.

    Pickled packed (``events/packed.py``): restored, it makes each compiled pattern when a
    sentence's word first reaches it.
    """

    by_first: Mapping[str, tuple[CompiledPattern, ...]]
    keyed: Mapping[str, Mapping[str, tuple[CompiledPattern, ...]]]

    def __init__(
        self,
        patterns: tuple[Pattern, ...],
        sets: dict[str, tuple[str, ...]],
        files: tuple[str, ...] = (),
    ) -> None:
        self._dictionary: PatternDictionary | None = PatternDictionary(patterns, sets, files)
        self._make_dictionary: Callable[[], PatternDictionary] | None = None
        # anchor word -> patterns needing nothing else; anchor word -> key word -> patterns,
        # where the key is a word of the pattern's smallest required element: a sentence then
        # only tries the patterns whose key it contains (most anchors head hundreds).
        by_first: dict[str, list[CompiledPattern]] = defaultdict(list)
        keyed: dict[str, dict[str, list[CompiledPattern]]] = defaultdict(lambda: defaultdict(list))
        # Thousands of patterns share a few hundred elements: compile each element once.
        cache: dict[Element, CompiledElement] = {}
        words: dict[frozenset[str], frozenset[str]] = {}
        for pattern in patterns:
            compiled = self._compile(pattern, sets, cache, words)
            firsts = set(compiled.anchor.words) | {p[0] for p in compiled.anchor.phrases}
            keys = (
                min(compiled.required, key=lambda w: (bool(w & FUNCTION_WORDS), len(w)))
                if compiled.required
                else None
            )
            for word in firsts:
                if keys is None:
                    by_first[word].append(compiled)
                else:
                    for key in keys:
                        keyed[word][key].append(compiled)
        # The forms of one anchor ("meet", "met") head the same patterns: equal groups and
        # tables are shared, which makes the index a third of its size in the on-disk cache.
        groups: dict[tuple[int, ...], tuple[CompiledPattern, ...]] = {}
        tables: dict[tuple[tuple[str, int], ...], dict[str, tuple[CompiledPattern, ...]]] = {}

        def group(found: list[CompiledPattern]) -> tuple[CompiledPattern, ...]:
            return groups.setdefault(tuple(map(id, found)), tuple(found))

        def table(
            by_key: dict[str, list[CompiledPattern]],
        ) -> dict[str, tuple[CompiledPattern, ...]]:
            shared = {key: group(found) for key, found in by_key.items()}
            return tables.setdefault(tuple((k, id(g)) for k, g in shared.items()), shared)

        self.by_first = {word: group(found) for word, found in by_first.items()}
        self.keyed = {word: table(by_key) for word, by_key in keyed.items()}

    @classmethod
    def restored(
        cls,
        by_first: Mapping[str, tuple[CompiledPattern, ...]],
        keyed: Mapping[str, Mapping[str, tuple[CompiledPattern, ...]]],
        dictionary: Callable[[], PatternDictionary],
    ) -> PatternIndex:
        """An index of tables made elsewhere (``events/packed.py``); its dictionary is made
        by ``dictionary`` when first asked for."""
        index = cls.__new__(cls)
        index.by_first, index.keyed = by_first, keyed
        index._dictionary, index._make_dictionary = None, dictionary
        return index

    @property
    def dictionary(self) -> PatternDictionary:
        """The patterns indexed, with their sets and files."""
        if self._dictionary is None:
            assert self._make_dictionary is not None  # set by restored()
            self._dictionary = self._make_dictionary()
        return self._dictionary

    def __reduce__(self) -> tuple[Any, ...]:
        from .packed import pack, unpack  # packed rows are made of this module's classes

        return unpack, pack(self)

    @staticmethod
    def _compile(
        pattern: Pattern,
        sets: dict[str, tuple[str, ...]],
        cache: dict[Element, CompiledElement],
        words: dict[frozenset[str], frozenset[str]],
    ) -> CompiledPattern:
        elements = []
        for element in pattern.elements:
            if element not in cache:
                cache[element] = _compile_element(element, sets)
            elements.append(cache[element])
        a = pattern.anchor_index
        kinds = [e.kind for e in pattern.elements]
        passive = (
            "nopassive" not in pattern.flags
            and a > 0
            and kinds[a - 1] == SOURCE
            and TARGET in kinds[a + 1 :]
            and pattern.elements[a].kind == WORD
        )
        specificity = sum(1 for e in pattern.elements if e.kind in (WORD, SET))
        # A possessive marker is not required: the parsed coder reads "S 's visit to T" on
        # "his visit to T" and "during a visit to T" too.
        required = tuple(  # equal sets shared (``words``): one copy in the cache, not thousands
            words.setdefault(found, found)
            for found in (
                frozenset(e.words) | frozenset(p[0] for p in e.phrases)
                for k, e in enumerate(elements)
                if k != a and e.kind in (WORD, SET) and not e.optional and "'s" not in e.words
            )
        )
        return CompiledPattern(
            pattern,
            tuple(reversed(elements[:a])),
            elements[a],
            tuple(elements[a + 1 :]),
            specificity,
            passive,
            required,
        )

    def candidates(self, view: SentenceView) -> Iterator[tuple[int, CompiledPattern]]:
        present = set(view.lower)
        for i, word in enumerate(view.lower):
            yield from ((i, compiled) for compiled in self.by_first.get(word, ()))
            by_key = self.keyed.get(word)
            if not by_key:
                continue
            seen: set[int] = set()
            for key in sorted(present.intersection(by_key)):  # set order varies with the hash seed
                for compiled in by_key[key]:
                    if id(compiled) in seen:
                        continue
                    seen.add(id(compiled))
                    if all(not words.isdisjoint(present) for words in compiled.required):
                        yield i, compiled


def _compiler_inputs() -> tuple[Path, ...]:
    """What an index is made of besides its pattern files: the ontology the codes are checked
    against, spaCy's irregular forms, and the code that parses and compiles."""
    events = datafiles.data_path("events")
    names = (ontology.CAMEO_FILE, ontology.PLOVER_FILE, ontology.MAPPING_FILE)
    return (
        *(events / name for name in (*names, ontology.MANIFEST_FILE)),
        inflect.lemma_exceptions_path(),
        *(Path(m.__file__ or "") for m in (patterns, inflect, ontology, datafiles)),
        Path(__file__),
    )


@datafiles.cached_load
def compiled_index(folder: str = "") -> PatternIndex:
    """The index of a folder's patterns (ours by default): built once, then loaded from the
    on-disk cache (``detente/cache.py``) while no input file changes."""
    root = Path(folder) if folder else PATTERN_DIR

    def build() -> PatternIndex:
        dictionary = load_patterns(root)
        return PatternIndex(dictionary.patterns, dictionary.sets, dictionary.files)

    # The folder's path too: each pattern names its file:line.
    return cached("events-patterns", build, (root, str(root), *_compiler_inputs()))


Bindings = tuple[tuple[str, tuple[int, ...]], ...]


def _passable(view: SentenceView, k: int, crossing: bool) -> bool:
    if k < 0 or k >= len(view):
        return False
    if view.boundary[k] and not (crossing and view.lower[k] in {'"', "“", "”", "—", "–"}):
        return False
    return crossing or not usable(view, view.slot_at[k]) or view.lower[k] in POSSESSIVE_PRONOUNS


#: Finds the actor (or compound) an object slot binds at a position: (slots, end) or None.
ObjectFinder = Callable[[SentenceView, int], "tuple[tuple[int, ...], int] | None"]


def _forward(
    view: SentenceView,
    elements: tuple[CompiledElement, ...],
    idx: int,
    pos: int,
    binds: Bindings,
    find_object: ObjectFinder = object_slot,
) -> Iterator[tuple[int, Bindings]]:
    """Every way ``elements[idx:]`` match from ``pos`` rightwards; ``find_object`` binds slots
    (the nearest actor on the surface, or the noun phrase the parse heads there)."""
    if idx == len(elements):
        yield pos, binds
        return
    element = elements[idx]
    if element.kind in (WORD, SET):
        for at in range(pos, min(pos + element.gap, len(view) - 1) + 1):
            for end in match_forward(view, element, at):
                yield from _forward(view, elements, idx + 1, end, binds, find_object)
        if element.optional:
            yield from _forward(view, elements, idx + 1, pos, binds, find_object)
    elif element.kind == GAP:
        for skip in range(element.reach + 1):
            if skip and not _passable(view, pos + skip - 1, element.crossing):
                break
            yield from _forward(view, elements, idx + 1, pos + skip, binds, find_object)
    elif element.kind == SKIP:  # the next noun phrase, right where the previous element ended
        after = skip_right(view, pos)
        if after is not None:
            yield from _forward(view, elements, idx + 1, after, binds, find_object)
    else:
        found = floating_right(view, pos, element.gap) if element.gap else find_object(view, pos)
        if found is not None:  # a floating slot is looked for, not passed: words may precede it
            group, end = found
            after = pos if element.gap else end
            yield from _forward(
                view, elements, idx + 1, after, (*binds, (element.kind, group)), find_object
            )
        elif element.gap and element.kind == TARGET:
            # No actor: the match is incomplete (ranked below complete ones); the stage codes
            # it with no target only when a dyad is not required (PETRARCH's require_dyad).
            yield from _forward(view, elements, idx + 1, pos, binds, find_object)


def _backward(
    view: SentenceView, elements: tuple[CompiledElement, ...], idx: int, end: int, binds: Bindings
) -> Iterator[tuple[int, Bindings]]:
    if idx == len(elements):
        yield end, binds
        return
    element = elements[idx]
    if element.kind in (WORD, SET):
        for at in range(end, max(end - element.gap, 1) - 1, -1):
            for start in match_backward(view, element, at):
                yield from _backward(view, elements, idx + 1, start, binds)
        if element.optional:
            yield from _backward(view, elements, idx + 1, end, binds)
    elif element.kind == GAP:
        for skip in range(element.reach + 1):
            if skip and not _passable(view, end - skip, element.crossing):
                break
            yield from _backward(view, elements, idx + 1, end - skip, binds)
    elif element.kind == SKIP:
        for at in range(end, max(end - element.gap, 1) - 1, -1):
            before = skip_left(view, at)
            if before is not None:
                yield from _backward(view, elements, idx + 1, before, binds)
    else:
        found = floating_left(view, end, element.gap) if element.gap else subject_slot(view, end)
        if found is not None:
            group, start = found
            before = end if element.gap else start
            yield from _backward(view, elements, idx + 1, before, (*binds, (element.kind, group)))


def _slots(binds: Bindings, kind: str) -> tuple[int, ...]:
    return next((group for k, group in binds if k == kind), ())


def match_at(view: SentenceView, i: int, compiled: CompiledPattern) -> Iterator[Match]:
    """Every way ``compiled`` matches with its anchor starting at token i."""
    if "verbal" in compiled.pattern.flags and (_in_noun_phrase(view, i) or _not_finite(view, i)):
        return  # "condemned an attack", "an anti- Gondor parade": a noun, not the verb
    passive_form = _passive_aux(view, i) is not None and compiled.anchor.kind == WORD
    passive_only = "passiveonly" in compiled.pattern.flags
    if passive_only and not passive_form:
        return  # "held by the rebels" is detention; "Russia holds Crimea" is not
    for anchor_end in match_forward(view, compiled.anchor, i):
        if passive_form:  # "T was attacked by S" has no active reading
            found = False
            if compiled.passive:
                for match in _match_passive(view, i, anchor_end, compiled):
                    found = True
                    yield match
            if found or passive_only or not _active_passive(view, i, compiled):
                continue
            # without "by", PETRARCH keeps the subject as the source ("X was criticized")
        for end, post in _forward(view, compiled.post, 0, anchor_end, ()):
            for start, pre in _backward(view, compiled.pre, 0, i, ()):
                binds = pre + post
                yield Match(
                    compiled,
                    i,
                    anchor_end,
                    start,
                    end,
                    _slots(binds, SOURCE),
                    _slots(binds, TARGET),
                )
                break  # the nearest subject is the subject


def _active_passive(view: SentenceView, i: int, compiled: CompiledPattern) -> bool:
    """Whether a passive without "by" reads as active: the pattern allows it and an actor is
    the passive's subject ("The Philippines was criticized", not "a halfling was reported")."""
    if "activepassive" not in compiled.pattern.flags:
        return False
    aux = _passive_aux(view, i)
    return aux is not None and aux > 0 and usable(view, view.slot_at[aux - 1])


def _not_finite(view: SentenceView, i: int) -> bool:
    """ "marched very close to", "after leaving Eriador": a word after a degree adverb is not a
    verb, and an -ing form after a subordinating preposition heads no clause of its own."""
    if i == 0:
        return False
    before = view.lower[i - 1]
    if before in DEGREE_ADVERBS:
        return True
    return before in GERUND_PREPOSITIONS and view.lower[i].endswith("ing")


def _in_noun_phrase(view: SentenceView, i: int) -> bool:
    """Whether token i follows a determiner, or an actor after a prefix ("an anti- Gondor")."""
    k = i - 1
    if k >= 0 and view.slot_at[k] >= 0:
        k = view.slots[view.slot_at[k]].start - 1
        if k < 0 or not view.lower[k].endswith("-"):
            return False  # "The Calenardhon government condemned": the actor is the subject
    while k >= 0 and view.lower[k].endswith("-"):
        k -= 1
    return k >= 0 and view.lower[k] in DETERMINERS


def is_participle(word: str) -> bool:
    """A regular (-ed) or irregular past participle, per spaCy's English verb tables."""
    return word.endswith("ed") or word in irregular_participles()


def _passive_aux(view: SentenceView, i: int) -> int | None:
    """The auxiliary of a passive ("was", "has been", "was sharply") just before token i.

    "is visiting" is progressive, not passive, and "is ready" is a predicate adjective: only a
    past participle ("attacked", "held", "taken") makes a passive.
    """
    if not is_participle(view.lower[i]):
        return None
    if i >= 1 and view.lower[i - 1] in BE_FORMS:
        return i - 1
    if i >= 2 and view.lower[i - 2] in BE_FORMS - {"'s"}:  # "Ithilen's militia vowed"
        return i - 2
    return None


def _match_passive(
    view: SentenceView, i: int, anchor_end: int, compiled: CompiledPattern
) -> Iterator[Match]:
    """ "T was attacked by S": the pattern's target is the subject, its source follows "by"."""
    aux = _passive_aux(view, i)
    if aux is None:
        return
    subject = subject_slot(view, aux)
    if subject is None:
        return
    target, start = subject
    rest = tuple(e for e in compiled.post if e.kind != TARGET)
    for end, _ in _forward(view, rest, 0, anchor_end, ()):
        for by in (anchor_end, end):
            if by < len(view) and view.lower[by] == "by":
                agent = object_slot(view, by + 1)
                if agent is not None:
                    source, agent_end = agent
                    yield Match(
                        compiled,
                        i,
                        anchor_end,
                        start,
                        max(end, agent_end),
                        source,
                        target,
                        passive=True,
                    )
                    return


def _complete(match: Match) -> bool:
    """Whether a match binds every actor its pattern needs to make an event."""
    pattern = match.pattern.pattern
    if match.target or not pattern.has_target:
        return True
    return bool({"mutual", "notarget"} & pattern.flags)


def _rank(match: Match) -> tuple[bool, int, int, bool]:
    return (
        _complete(match),
        match.pattern.specificity,
        match.end - match.start,
        not match.passive,
    )


def better(match: Match, current: Match | None) -> bool:
    """Whether ``match`` outranks ``current``: complete, specific, long, active; on a tie the
    pattern written first (by file and line) wins, so a run never depends on hash order."""
    if current is None:
        return True
    mine, theirs = _rank(match), _rank(current)
    if mine != theirs:
        return mine > theirs
    return _written_at(match) < _written_at(current)


def _written_at(match: Match) -> tuple[str, int]:
    path, _, line = match.pattern.pattern.source.rpartition(":")
    return path, int(line) if line.isdigit() else 0


def _shared_subjects(view: SentenceView, matches: list[Match]) -> list[Match]:
    """ "A condemned X and promised aid to Y": a verb after "and" shares the previous subject.

    Without a parse the nearest actor before the second verb is the first one's object; when
    the subject found lies inside the previous predicate, the previous subject is taken.
    """
    out: list[Match] = []
    for match in matches:
        prev = out[-1] if out else None
        i = match.anchor_start
        if (
            prev is not None
            and prev.source
            and match.source
            and i > 0
            and view.lower[i - 1] == "and"
            and view.slots[match.source[0]].start >= prev.anchor_end
        ):
            match = replace(match, source=prev.source)
        out.append(match)
    return out


def best_matches(view: SentenceView, index: PatternIndex) -> list[Match]:
    """One match per anchor: a complete match first, the most specific, then the longest."""
    best: dict[int, Match] = {}
    for i, compiled in index.candidates(view):
        for match in match_at(view, i, compiled):
            if not match.source and not match.target:
                continue
            current = best.get(i)
            if better(match, current):
                best[i] = match
    matches = _unconsumed([best[i] for i in sorted(best)])
    return _shared_subjects(view, _without_complements(view, matches))


def _without_complements(view: SentenceView, matches: list[Match]) -> list[Match]:
    """Drop an infinitive inside another match's object ("abandoned efforts to stop an
    anti- Gondor parade": the parade is the target of ABANDON, STOP is not an act of its own)."""
    return [
        m
        for m in matches
        if not (
            m.anchor_start > 0
            and view.lower[m.anchor_start - 1] == "to"
            and any(
                other is not m
                and other.target
                and other.anchor_end <= m.anchor_start < view.slots[other.target[0]].start
                and other.source == m.source
                for other in matches
            )
        )
    ]


def _unconsumed(matches: list[Match]) -> list[Match]:
    """Drop a match whose anchor is a word of a more specific match ("indicated it should have
    acted": SHOULD is part of the pattern INDICATED SHOULD *, not a predicate of its own),
    unless another actor does it ("Iraq repelled an attack by Iran": the attack is Iran's)."""
    return [
        m
        for m in matches
        if not any(
            other is not m
            and other.start <= m.anchor_start < other.end
            and not other.anchor_start <= m.anchor_start < other.anchor_end
            and other.pattern.specificity > m.pattern.specificity
            and not (m.source and other.source and not set(m.source) & set(other.source))
            for other in matches
        )
    ]
