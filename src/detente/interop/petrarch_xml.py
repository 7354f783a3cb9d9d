"""Reader for PETRARCH's XML input and validation files (``<Sentences>``/``<Sentence>``).

PETRARCH's unit-test suite and sample inputs use this format; reading it lets us run the
suite against our coder and take users' existing PETRARCH input. We stream with expat so a
large input file is never held in memory, and keep line numbers for error messages.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO
from xml.parsers import expat

from ..errors import DictionaryError

CHUNK_SIZE = 1 << 16  # bytes fed to expat at a time: small enough to stream, big enough to be quick
TRUE_VALUES = frozenset({"true", "yes", "1"})
ENVIRONMENT_FILES = {
    "Verbfile": "verb_file",
    "Agentfile": "agent_file",
    "Discardfile": "discard_file",
    "Issuefile": "issue_file",
    "Errorfile": "error_file",
}


@dataclass(frozen=True)
class EventCoding:
    """An expected coding: a (source, target, code) triple, or ``noevents``/``error``."""

    source: str | None
    target: str | None
    code: str | None
    noevents: bool
    error: str | None
    attributes: Mapping[str, str]

    @property
    def triple(self) -> tuple[str, str, str] | None:
        """The triple, for normal codings only."""
        if self.source is None or self.target is None or self.code is None:
            return None
        return (self.source, self.target, self.code)


@dataclass(frozen=True)
class PetrarchRecord:
    """One ``<Sentence>``: attributes, text, Treebank parse, expected codings, comments."""

    id: str
    date: date
    category: str | None
    sentence: bool | None
    source: str | None
    text: str
    parse: str | None
    codings: tuple[EventCoding, ...]
    comments: tuple[str, ...]
    attributes: Mapping[str, str]
    index: int
    line: int
    #: ``<Config>`` options in effect for this record: the environment's, then every
    #: ``<Config>`` between sentences so far (the suite flips ``require_dyad`` that way).
    options: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def triples(self) -> tuple[tuple[str, str, str], ...]:
        return tuple(t for t in (c.triple for c in self.codings) if t is not None)

    @property
    def expects_no_event(self) -> bool:
        return any(coding.noevents for coding in self.codings)

    @property
    def expected_error(self) -> str | None:
        return next((c.error for c in self.codings if c.error), None)


@dataclass(frozen=True)
class PetrarchEnvironment:
    """The ``<Environment>`` block: dictionary file names, included categories, options."""

    verb_file: str | None = None
    actor_files: tuple[str, ...] = ()
    agent_file: str | None = None
    discard_file: str | None = None
    issue_file: str | None = None
    error_file: str | None = None
    include: tuple[str, ...] = ()
    options: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    other: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def _parse_record_date(value: str, path: Path, line: int) -> date:
    """``YYYYMMDD`` as PETRARCH requires."""
    value = value.strip()
    try:
        if len(value) != 8 or not value.isdigit():
            raise ValueError(value)
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise DictionaryError(str(path), line, f"bad <Sentence> date {value!r}") from None


def _coding(attrs: Mapping[str, str]) -> EventCoding:
    return EventCoding(
        attrs.get("sourcecode"),
        attrs.get("targetcode"),
        attrs.get("eventcode"),
        attrs.get("noevents", "").strip().lower() in TRUE_VALUES,
        attrs.get("error") or None,
        MappingProxyType(dict(attrs)),
    )


@dataclass
class _Draft:
    attrs: dict[str, str]
    line: int
    text: str = ""
    parse: str | None = None
    codings: list[EventCoding] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


@dataclass
class _Collector:
    """Expat callbacks: builds records and the environment as elements close."""

    path: Path
    parser: expat.XMLParserType
    ready: list[PetrarchRecord] = field(default_factory=list)
    draft: _Draft | None = None
    buffer: list[str] | None = None
    env: dict[str, list[str]] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    in_environment: bool = False
    environment: PetrarchEnvironment | None = None
    count: int = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        line = self.parser.CurrentLineNumber
        if name == "Sentence":
            if self.draft is not None:
                raise DictionaryError(str(self.path), line, "<Sentence> inside <Sentence>")
            self.draft = _Draft(dict(attrs), line)
        elif name == "EventCoding" and self.draft is not None:
            self.draft.codings.append(_coding(attrs))
        elif name == "Environment":
            self.in_environment = True
        elif name == "Config":  # in the environment or between sentences: applies from here on
            self.options[attrs.get("option", "")] = attrs.get("value", "")
        if name in ("Text", "Parse") or (self.in_environment and name != "Environment"):
            self.buffer = []

    def chars(self, data: str) -> None:
        if self.buffer is not None:
            self.buffer.append(data)

    def comment(self, data: str) -> None:
        if self.draft is not None:
            self.draft.comments.append(data.strip())

    def end(self, name: str) -> None:
        content = "".join(self.buffer) if self.buffer is not None else ""
        if name in ("Text", "Parse") or (self.in_environment and name != "Environment"):
            self.buffer = None
        if self.draft is not None and name == "Text":
            self.draft.text = " ".join(content.split())
        elif self.draft is not None and name == "Parse":
            self.draft.parse = content.strip()
        elif name == "Sentence" and self.draft is not None:
            self.ready.append(self.finish(self.draft))
            self.draft = None
        elif name == "Environment":
            self.in_environment = False
            self.environment = _environment(self.env, self.options)
        elif self.in_environment and name != "Config":
            self.env.setdefault(name, []).append(content.strip())

    def finish(self, draft: _Draft) -> PetrarchRecord:
        attrs = draft.attrs
        if "id" not in attrs or "date" not in attrs:
            raise DictionaryError(str(self.path), draft.line, "<Sentence> needs id and date")
        sentence = attrs.get("sentence")
        record = PetrarchRecord(
            id=attrs["id"].strip(),
            date=_parse_record_date(attrs["date"], self.path, draft.line),
            category=attrs.get("category"),
            sentence=None if sentence is None else sentence.strip().lower() in TRUE_VALUES,
            source=attrs.get("source"),
            text=draft.text,
            parse=draft.parse,
            codings=tuple(draft.codings),
            comments=tuple(draft.comments),
            attributes=MappingProxyType(dict(attrs)),
            index=self.count,
            line=draft.line,
            options=MappingProxyType(dict(self.options)),
        )
        self.count += 1
        return record


def _environment(
    values: Mapping[str, list[str]], options: Mapping[str, str]
) -> PetrarchEnvironment:
    files = {attr: values[tag][-1] for tag, attr in ENVIRONMENT_FILES.items() if tag in values}
    include = tuple(word for text in values.get("Include", []) for word in text.split())
    known = {*ENVIRONMENT_FILES, "Actorfile", "Include"}
    other = {tag: texts[-1] for tag, texts in values.items() if tag not in known}
    return PetrarchEnvironment(
        actor_files=tuple(values.get("Actorfile", [])),
        include=include,
        options=MappingProxyType(dict(options)),
        other=MappingProxyType(other),
        **files,
    )


def _parse(path: Path, stop_after_environment: bool = False) -> Iterator[_Collector]:
    """Feed the file to expat chunk by chunk, yielding the collector after each chunk."""
    try:
        with path.open("rb") as handle:
            yield from _parse_stream(handle, path, stop_after_environment)
    except OSError as exc:
        raise DictionaryError(str(path), None, f"cannot read ({exc.strerror})") from None


def _parse_stream(
    handle: BinaryIO, path: Path, stop_after_environment: bool = False
) -> Iterator[_Collector]:
    """Feed an open binary stream to expat; ``path`` names it in records and errors."""
    parser = expat.ParserCreate()
    collector = _Collector(path, parser)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.chars
    parser.CommentHandler = collector.comment
    try:
        while chunk := handle.read(CHUNK_SIZE):
            parser.Parse(chunk, False)
            yield collector
            if stop_after_environment and (collector.environment or collector.count):
                return
        parser.Parse(b"", True)
        yield collector
    except (expat.ExpatError, DictionaryError) as exc:
        yield collector  # the records completed before the fault are good: hand them over
        if isinstance(exc, DictionaryError):
            raise
        raise DictionaryError(str(path), exc.lineno, f"not valid XML ({exc})") from None


def read_records(path: str | Path) -> Iterator[PetrarchRecord]:
    """Yield every ``<Sentence>`` of a PETRARCH XML file, in file order."""
    for collector in _parse(Path(path)):
        yield from collector.ready
        collector.ready.clear()


def read_stream(handle: BinaryIO, name: str) -> Iterator[PetrarchRecord]:
    """Yield every ``<Sentence>`` of a PETRARCH XML stream (a corpus given to ``detente
    code``, gzipped or on stdin), in order; ``name`` is the input as messages show it."""
    for collector in _parse_stream(handle, Path(name)):
        yield from collector.ready
        collector.ready.clear()


def read_environment(path: str | Path) -> PetrarchEnvironment | None:
    """The ``<Environment>`` of a PETRARCH XML file, or None when it has none."""
    environment = None
    for collector in _parse(Path(path), stop_after_environment=True):
        environment = collector.environment
    return environment
