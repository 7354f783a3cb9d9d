"""Readers for PETRARCH/TABARI noun dictionaries: actors, agents, discards and issues.

Users keep these files wherever they like; we read them at run time and hand a coding engine
typed, frozen records. Each record keeps its line number so a rule can be traced to its source.
The formats are described in ``docs/petrarch-formats.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from ..errors import DictionaryError

# KEDS/TABARI convention for YYMMDD dates: 00-30 are 20YY, 31-99 are 19YY.
TWO_DIGIT_YEAR_PIVOT = 30


@dataclass(frozen=True)
class SourceLine:
    """One line of a dictionary after comments are removed (``text`` is stripped).

    ``comment`` keeps what followed ``#``: verb patterns carry annotations there.
    """

    number: int
    text: str
    comment: str = ""


@dataclass(frozen=True)
class ReaderWarning:
    """Something PETRARCH would skip or repair silently; kept so users can fix their file."""

    line: int
    message: str


def content_lines(path: Path) -> Iterator[SourceLine]:
    """Yield the non-blank lines of a PETRARCH dictionary with comments removed.

    Comments are ``#`` to end of line, ``<!-- ... -->`` (also over several lines) and
    any line starting with ``<!``. PETRARCH applies the same rules to every dictionary.
    """
    in_comment = False
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(str(path), None, f"cannot read ({exc.strerror})") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            text = raw
            if in_comment:
                if "-->" not in text:
                    continue
                in_comment = False
                text = text[text.index("-->") + 3 :]
            text, in_comment = _strip_markup_comments(text)
            cut = _comment_start(text)
            text, comment = text[:cut].strip(), text[cut + 1 :]
            if text:
                yield SourceLine(number, text, comment.strip())


def _strip_markup_comments(text: str) -> tuple[str, bool]:
    """Remove ``<!...-->`` comments; report whether one stays open past this line."""
    if text.lstrip().startswith("<!"):
        return "", "-->" not in text
    while "<!--" in text:
        before, _, after = text.partition("<!--")
        if "-->" not in after:
            return before, True
        text = before + after[after.index("-->") + 3 :]
    return text, False


def _comment_start(text: str) -> int:
    """Index of the ``#`` that starts a comment (len if none).

    A ``#`` inside ``[...]`` is part of a code (TABARI's discard code ``[###]``), not a comment.
    """
    depth = 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == "#" and (depth == 0 or index == 0):
            return index
    return len(text)


def split_words(text: str) -> tuple[str, ...]:
    """Upper-case words of a phrase; spaces and underscores both separate words."""
    return tuple(text.replace("_", " ").upper().split())


def parse_petrarch_date(token: str, path: Path, line: int) -> tuple[date, str | None]:
    """Parse ``YYMMDD`` or ``YYYYMMDD``; also return a warning when digits had to be dropped.

    PETRARCH reads more than 7 characters as ``YYYYMMDD`` (using the first 8) and anything
    shorter as ``YYMMDD`` (using the first 6); a few Phoenix dates rely on that truncation.
    """
    if not token.isdigit() or len(token) < 6:
        raise DictionaryError(str(path), line, f"bad date {token!r} (want YYMMDD or YYYYMMDD)")
    used = token[:8] if len(token) > 7 else token[:6]
    if len(used) == 8:
        year, rest = int(used[:4]), used[4:]
    else:
        short = int(used[:2])
        year = 2000 + short if short <= TWO_DIGIT_YEAR_PIVOT else 1900 + short
        rest = used[2:]
    try:
        parsed = date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        raise DictionaryError(str(path), line, f"impossible date {token!r}") from None
    note = None if used == token else f"date {token!r} read as {used!r}, as PETRARCH does"
    return parsed, note


def normalise_words(words_or_text: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(words_or_text, str):
        return split_words(words_or_text)
    return tuple(word for item in words_or_text for word in split_words(item))


# ----------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class ActorPhrase:
    """A phrase as written: words, the connectors between them and the trailing ``_``.

    ``connectors[i]`` joins ``words[i]`` and ``words[i + 1]``: ``"_"`` (consecutive) or
    ``" "``. ``closed`` is a trailing underscore: in TABARI the last word must then end
    there (no stem match); PETRARCH2 matches whole words, so it changes nothing there.
    """

    text: str
    words: tuple[str, ...]
    connectors: tuple[str, ...]
    closed: bool
    line: int


def parse_phrase(text: str, path: Path, line: int) -> ActorPhrase:
    """Split a phrase on spaces and underscores, remembering which connector was used."""
    stripped = text.strip()
    words: list[str] = []
    connectors: list[str] = []
    current = ""
    for char in stripped:
        if char in " \t_":
            if current:
                words.append(current.upper())
                connectors.append("_" if char == "_" else " ")
                current = ""
            elif char == "_" and connectors:
                connectors[-1] = "_"
        else:
            current += char
    if current:
        words.append(current.upper())
        connectors.append("")
    if not words:
        raise DictionaryError(str(path), line, "empty phrase")
    return ActorPhrase(stripped, tuple(words), tuple(connectors[:-1]), stripped.endswith("_"), line)


@dataclass(frozen=True)
class DatedCode:
    """An actor code with an optional validity period (both ends inclusive, None = open).

    ``[X <D]`` gives ``end=D``, ``[X >D]`` gives ``start=D``, ``[X A-B]`` gives both:
    PETRARCH's documentation reads every limit as "or equal to".
    """

    code: str
    start: date | None
    end: date | None
    line: int

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def applies(self, day: date) -> bool:
        """True if ``day`` falls inside the period."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    """A primary phrase, its ``+`` synonyms and its codes, in file order."""

    phrase: ActorPhrase
    synonyms: tuple[ActorPhrase, ...]
    codes: tuple[DatedCode, ...]
    line: int

    @property
    def words(self) -> tuple[str, ...]:
        return self.phrase.words

    @property
    def phrases(self) -> tuple[ActorPhrase, ...]:
        return (self.phrase, *self.synonyms)

    def code_on(self, day: date | None) -> str | None:
        """The code for a story dated ``day``.

        The first date restriction (in file order) that holds wins; otherwise the first
        undated code is the default; otherwise there is no code. Without a date the default
        is returned, or the first code when every code is restricted.
        """
        default = next((c.code for c in self.codes if not c.restricted), None)
        if day is None:
            return default if default is not None else (self.codes[0].code if self.codes else None)
        for dated in self.codes:
            if dated.restricted and dated.applies(day):
                return dated.code
        return default


@dataclass(frozen=True)
class ActorMatch:
    """A dictionary phrase found in a token sequence."""

    entry: ActorEntry
    start: int
    length: int


@dataclass(frozen=True)
class ActorDictionary:
    """All entries of one actor file, with an index from phrase words to entry.

    When a phrase occurs twice the later entry wins, as it does in PETRARCH.
    """

    path: str
    entries: tuple[ActorEntry, ...]
    warnings: tuple[ReaderWarning, ...] = ()
    _index: Mapping[tuple[str, ...], ActorEntry] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _longest: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        index = {phrase.words: entry for entry in self.entries for phrase in entry.phrases}
        object.__setattr__(self, "_index", MappingProxyType(index))
        object.__setattr__(self, "_longest", max((len(k) for k in index), default=0))

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, words_or_text: str | Iterable[str]) -> ActorEntry | None:
        """The entry whose primary or synonym phrase is exactly these words."""
        return self._index.get(normalise_words(words_or_text))

    def lookup(self, words_or_text: str | Iterable[str], day: date | None = None) -> str | None:
        """The code of an exact phrase on ``day`` (see ``ActorEntry.code_on``)."""
        found = self.entry(words_or_text)
        return found.code_on(day) if found else None

    def match_at(self, tokens: tuple[str, ...] | list[str], start: int) -> ActorMatch | None:
        """The longest phrase that starts at ``tokens[start]`` (tokens compared upper-case)."""
        upper = tuple(token.upper() for token in tokens[start : start + self._longest])
        for length in range(len(upper), 0, -1):
            found = self._index.get(upper[:length])
            if found is not None:
                return ActorMatch(found, start, length)
        return None


def parse_code_groups(text: str, path: Path, line: int) -> tuple[list[tuple[str, str]], str]:
    """Split ``[A ...] [B ...]`` into ``(code, restriction)`` pairs, plus any trailing text.

    Text after the last code is returned (a few Phoenix lines carry uncommented notes there).
    """
    groups: list[tuple[str, str]] = []
    rest = text.strip()
    while rest.startswith("["):
        if "]" not in rest:
            raise DictionaryError(str(path), line, "code has no closing ']'")
        inside, _, rest = rest[1:].partition("]")
        rest = rest.strip()
        parts = inside.split()
        if not parts:
            raise DictionaryError(str(path), line, "empty code '[]'")
        groups.append((parts[0], "".join(parts[1:])))
    return groups, rest


def _dated_code(
    code: str, restriction: str, path: Path, line: int, warnings: list[ReaderWarning]
) -> DatedCode | None:
    """Read the restriction after a code: ``<D``, ``>D``, ``A-B`` or nothing.

    A bare date has no meaning PETRARCH can apply, so that code is dropped with a warning.
    """

    def day(token: str) -> date:
        parsed, note = parse_petrarch_date(token, path, line)
        if note:
            warnings.append(ReaderWarning(line, note))
        return parsed

    if not restriction:
        return DatedCode(code, None, None, line)
    if restriction[0] == "<":
        return DatedCode(code, None, day(restriction[1:]), line)
    if restriction[0] == ">":
        return DatedCode(code, day(restriction[1:]), None, line)
    if restriction.count("-") == 1:
        first, _, second = restriction.partition("-")
        start, end = day(first), day(second)
        if end < start:
            warnings.append(
                ReaderWarning(line, f"date range {restriction!r} ends before it starts")
            )
        return DatedCode(code, start, end, line)
    if restriction.isdigit():
        warnings.append(
            ReaderWarning(line, f"[{code} {restriction}] has no '<', '>' or '-'; ignored")
        )
        return None
    raise DictionaryError(str(path), line, f"bad date restriction {restriction!r} for {code}")


@dataclass
class _ActorDraft:
    """An entry being collected (synonyms and codes may follow on later lines)."""

    phrase: ActorPhrase
    synonyms: list[ActorPhrase]
    codes: list[DatedCode]

    def freeze(self) -> ActorEntry:
        return ActorEntry(self.phrase, tuple(self.synonyms), tuple(self.codes), self.phrase.line)


def _codes(text: str, path: Path, line: int, warnings: list[ReaderWarning]) -> list[DatedCode]:
    groups, tail = parse_code_groups(text, path, line)
    if tail:
        warnings.append(ReaderWarning(line, f"text after the codes ignored: {tail!r}"))
    found = (_dated_code(code, rest, path, line, warnings) for code, rest in groups)
    return [dated for dated in found if dated is not None]


def read_actors(path: str | Path) -> ActorDictionary:
    """Read a PETRARCH/TABARI actor dictionary (``*.actors.txt``).

    A line starting with a phrase opens an entry (optionally followed by codes); ``+``
    lines add synonyms and ``[code restriction]`` lines add codes to the open entry. A
    phrase line while the open entry has no code yet is one more synonym: PETRARCH gives
    a block of phrases (``BORIS_YELTSIN_``, ``YELTSIN``, ...) the codes that follow it.
    """
    source = Path(path)
    entries: list[ActorEntry] = []
    warnings: list[ReaderWarning] = []
    draft: _ActorDraft | None = None
    for item in content_lines(source):
        text, number = item.text, item.number
        if text[0] in "[+" and draft is None:
            raise DictionaryError(str(source), number, f"{text[0]!r} line before any actor")
        if text[0] == "[":
            assert draft is not None
            draft.codes.extend(_codes(text, source, number, warnings))
            continue
        phrase_text, bracket, code_text = text.partition("[")
        if any(char in phrase_text for char in "]{}"):
            warnings.append(ReaderWarning(number, f"stray bracket kept in phrase {phrase_text!r}"))
        codes = _codes(bracket + code_text, source, number, warnings)
        if text[0] == "+":
            assert draft is not None
            draft.synonyms.append(parse_phrase(phrase_text[1:], source, number))
            draft.codes.extend(codes)
            continue
        phrase = parse_phrase(phrase_text, source, number)
        if draft is not None and not draft.codes:
            draft.synonyms.append(phrase)  # a block of phrases shares the codes that follow
            draft.codes.extend(codes)
            continue
        if draft is not None:
            entries.append(draft.freeze())
        draft = _ActorDraft(phrase, [], codes)
    if draft is not None:
        entries.append(draft.freeze())
    for entry in entries:
        if not entry.codes:
            warnings.append(ReaderWarning(entry.line, f"actor {entry.phrase.text!r} has no code"))
    return ActorDictionary(str(source), tuple(entries), tuple(warnings))


# ----------------------------------------------------------------------------- agents


@dataclass(frozen=True)
class AgentCode:
    """An agent code: ``~GOV`` is appended to the actor code, ``NGO~`` is put before it."""

    code: str
    position: Literal["suffix", "prefix"]

    def apply(self, actor_code: str) -> str:
        """Combine with an actor code the way the ``~`` says (no doubling of a present code).

        Codes are compared by 3-letter segments: ``NGO`` is not in ``ARNGOV`` although the
        letters are (``AR·NGO·V``), so an MSF Arnor diplomat is ``NGOARNGOV``.
        """
        width = len(self.code)
        if any(actor_code[k : k + width] == self.code for k in range(0, len(actor_code), 3)):
            return actor_code
        return actor_code + self.code if self.position == "suffix" else self.code + actor_code


@dataclass(frozen=True)
class AgentEntry:
    """One agent line and every word sequence it stands for (singular, plural, substitutions).

    ``plural`` says how the plural was obtained: ``regular`` (generated), ``explicit``
    (given in ``{...}``), ``none`` (``{}`` or a phrase ending in ``_``) or ``substitution``
    (a ``!MARKER!`` line, whose forms are the marker's list).
    """

    text: str
    forms: tuple[tuple[str, ...], ...]
    plural: Literal["regular", "explicit", "none", "substitution"]
    code: AgentCode
    line: int


@dataclass(frozen=True)
class AgentDictionary:
    """All agent entries of one file; a later entry wins over an earlier one for a phrase."""

    path: str
    entries: tuple[AgentEntry, ...]
    markers: Mapping[str, tuple[str, ...]]
    warnings: tuple[ReaderWarning, ...] = ()
    _index: Mapping[tuple[str, ...], AgentEntry] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        index = {form: entry for entry in self.entries for form in entry.forms}
        object.__setattr__(self, "_index", MappingProxyType(index))

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, words_or_text: str | Iterable[str]) -> AgentEntry | None:
        return self._index.get(normalise_words(words_or_text))

    def lookup(self, words_or_text: str | Iterable[str]) -> AgentCode | None:
        """The agent code of an exact phrase (any of its forms)."""
        found = self.entry(words_or_text)
        return found.code if found else None


def regular_plural(phrase: str) -> str:
    """PETRARCH's automatic plural of a phrase's last word: Y→IES, S→SES, else +S."""
    if phrase.endswith("Y"):
        return phrase[:-1] + "IES"
    if phrase.endswith("S"):
        return phrase + "ES"
    return phrase + "S"


def _agent_code(text: str, path: Path, line: int) -> AgentCode:
    code = text.replace(" ", "")
    if code.count("~") != 1 or len(code) < 2 or (code[0] != "~" and code[-1] != "~"):
        raise DictionaryError(
            str(path), line, f"agent code {text!r} needs one leading or trailing '~'"
        )
    if code[0] == "~":
        return AgentCode(code[1:], "suffix")
    return AgentCode(code[:-1], "prefix")


def _define_marker(text: str, markers: dict[str, tuple[str, ...]], path: Path, line: int) -> None:
    """Read ``!NAME! = A, B, C``."""
    head, _, values = text.partition("=")
    name = head.strip()
    if len(name) < 3 or name[0] != "!" or name[-1] != "!" or "!" in name[1:-1]:
        raise DictionaryError(str(path), line, f"bad substitution marker {name!r}")
    items = tuple(item.strip().upper() for item in values.split(",") if item.strip())
    if not items:
        raise DictionaryError(str(path), line, f"substitution marker {name} has no values")
    markers[name[1:-1].upper()] = items


def _agent_forms(
    phrase: str, markers: Mapping[str, tuple[str, ...]], path: Path, line: int
) -> tuple[list[str], Literal["regular", "explicit", "none", "substitution"]]:
    """Expand ``{plural}`` and ``!MARKER!`` into the phrase strings an agent line stands for."""
    if "!" in phrase:
        before, _, rest = phrase.partition("!")
        name, bang, after = rest.partition("!")
        if not bang or name.upper() not in markers:
            raise DictionaryError(str(path), line, f"undefined substitution marker in {phrase!r}")
        return [before + value + after for value in markers[name.upper()]], "substitution"
    if "{" in phrase or "}" in phrase:
        singular, _, rest = phrase.partition("{")
        plural, closing, tail = rest.partition("}")
        if not closing or tail.strip() or "{" in plural:
            raise DictionaryError(str(path), line, f"bad plural braces in {phrase!r}")
        singular, plural = singular.strip(), plural.strip()
        return ([singular, plural] if plural else [singular]), ("explicit" if plural else "none")
    phrase = phrase.strip()
    if phrase.endswith("_"):
        return [phrase], "none"
    return [phrase, regular_plural(phrase)], "regular"


def read_agents(path: str | Path) -> AgentDictionary:
    """Read a PETRARCH agent dictionary (``*.agents.txt``): ``PHRASE {plural} [~CODE]``.

    Lines without a code are skipped with a warning, as PETRARCH does; a code closed with
    ``}`` instead of ``]`` (a typo in Phoenix.agents.txt) is accepted with a warning.
    """
    source = Path(path)
    markers: dict[str, tuple[str, ...]] = {}
    entries: list[AgentEntry] = []
    warnings: list[ReaderWarning] = []
    for item in content_lines(source):
        text, number = item.text, item.number
        if text.startswith("!") and "=" in text and "[" not in text:
            _define_marker(text, markers, source, number)
            continue
        if "[" not in text:
            warnings.append(ReaderWarning(number, f"agent {text!r} has no code; skipped"))
            continue
        phrase, _, code_text = text.partition("[")
        code_text, closing, tail = code_text.partition("]")
        if not closing:
            if not code_text.rstrip().endswith("}"):
                raise DictionaryError(str(source), number, "agent code has no closing ']'")
            code_text = code_text.rstrip()[:-1]
            warnings.append(ReaderWarning(number, "agent code closed with '}' instead of ']'"))
        elif tail.strip():
            raise DictionaryError(str(source), number, f"unexpected text {tail.strip()!r}")
        if not phrase.strip():
            raise DictionaryError(str(source), number, "agent code without a phrase")
        strings, plural = _agent_forms(phrase, markers, source, number)
        forms = tuple(split_words(s) for s in strings if split_words(s))
        code = _agent_code(code_text, source, number)
        entries.append(AgentEntry(phrase.strip(), forms, plural, code, number))
    return AgentDictionary(str(source), tuple(entries), MappingProxyType(markers), tuple(warnings))
