"""The record: frozen dataclasses that every interface (API, CLI, store; a web API later) returns.

Every fact carries the character offsets it came from, a stable id within its article and
the stage that produced it, so a coded fact can always be traced back to its sentence.
Facts are flat (no nested dicts, no codes packed into strings) so that each type maps onto
one table in the store and one Arrow schema.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

SCHEMA_VERSION = "1"

#: Event modalities that do not assert an act: "will attack" (future), "would attack"
#: (conditional), "may attack" (hypothetical), "must withdraw" (obligation), "plans to attack"
#: (intended), "urged X to attack" (demanded), "denied attacking" (denied), "did X attack?"
#: (question), "accused X of attacking" (alleged). Such events are flagged and left out of the
#: default output.
NONFACTUAL_MODALITIES = frozenset(
    {"future", "conditional", "hypothetical", "obligation", "intended", "demanded", "denied",
     "question", "alleged"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a source, before any coding."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # agency or publisher as given by the input
    published: dt.date | None = None
    language: str = "en"
    origin: str | None = None  # file (and line) the article was read from


@dataclass(frozen=True, slots=True)
class Dateline:
    """The wire dateline ("MOSCOW, July 25 (Itar-Tass) -") and the date it resolves to."""

    text: str
    start: int
    end: int
    place: str | None = None  # as written
    place_normalized: str | None = None
    agency: str | None = None  # canonical name, e.g. ITAR-TASS
    month: int | None = None
    day: int | None = None
    year: int | None = None
    year_source: str = "none"  # text | metadata | inferred | none
    candidate_years: tuple[int, ...] = ()  # every year the text allows (e.g. the weekday's)
    narrowed_years: tuple[int, ...] = ()  # the candidates later evidence kept (dated roles)
    evidence: str | None = None  # why the year was chosen
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to an actor, coded as CAMEO does (country + sector roles)."""

    id: str
    sentence: int
    start: int
    end: int
    text: str
    code: str | None = None  # composite CAMEO code, e.g. RUSGOVMIL
    country: str | None = None
    roles: tuple[str, ...] = ()  # sector codes in order, e.g. ("GOV", "MIL")
    kind: str = "entity"  # country | igo | group | person | sector | pronoun | description
    entity_id: str | None = None
    entity_name: str | None = None
    wikidata: str | None = None
    role_applied: str | None = None  # the dated role used for the code
    antecedent: str | None = None  # mention id this one resolves to
    resolution: str | None = None  # why it resolves there
    dictionary: str | None = None
    stage: str = "actors"


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one CAMEO-coded event with its provenance."""

    id: str
    sentence: int
    start: int  # predicate span
    end: int
    code: str
    root: str
    quad_class: int
    goldstein: float
    source_code: str | None = None
    source_entity: str | None = None
    source_mention: str | None = None
    source_text: str | None = None
    #: None when no target is known, or when one is named (``target_text``) but could not be
    #: placed in a country ("told MPs" with no country for the MPs): no dyad either way.
    target_code: str | None = None
    target_entity: str | None = None
    target_mention: str | None = None
    target_text: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    date: dt.date | None = None
    date_resolution: str | None = None  # how the date was found
    location: str | None = None  # place id (places stage)
    negated: bool = False
    modality: str | None = None  # future | conditional | hypothetical | None
    compound: bool = False
    reported: bool = False
    pattern_id: str | None = None
    confidence: float = 0.0
    stage: str = "events"
    tone: float | None = None  # corrected VADER compound of the event's sentence (tone stage)
    #: Dependency paths from the predicate to the source and target (parsed pipeline only):
    #: "nsubj", "conj>nsubj", "agent>pobj", "prep:with>pobj" ...
    source_path: str | None = None
    target_path: str | None = None

    @property
    def asserted(self) -> bool:
        """Whether the text asserts the act happened: what queries and exports show by default.

        Negated acts and acts in the future, conditional, hypothetical or obliged mood are
        kept in the record, flagged, and left out unless asked for.
        """
        return not self.negated and self.modality not in NONFACTUAL_MODALITIES

    @property
    def default_output(self) -> bool:
        """Whether queries and exports show the event unless asked for more: an asserted act
        between two actors. A negated act of cooperation that CAMEO codes as its rejection
        ("did not withdraw" -> 1246, events/negation.tsv) is that rejection, asserted. As
        PETRARCH's ``require_dyad`` and ICEWS do, the default output is dyadic; an act coded
        without a target stays in the record."""
        refusal = self.negated and self.root == "12" and self.modality not in NONFACTUAL_MODALITIES
        return (self.asserted or refusal) and self.target_code is not None


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | partial
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None
    speaker_code: str | None = None
    speaker_mention: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    sentence: int = 0
    stage: str = "quotes"
    #: Who spoke (added by migration 0004, so last), by name: the dictionary's name of the speaker's entity, else the name as
    #: written ("Robby Mook", or the full name a later "Mook" refers to); None for a phrase
    #: that names nobody ("a spokesman") and for a pronoun nothing resolves.
    speaker_name: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    adm1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country | adm1 | city | region
    gazetteer_id: str | None = None
    role: str = "mention"  # mention | dateline | event
    sentence: int = 0
    stage: str = "places"


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    theme: str
    name: str
    start: int
    end: int
    text: str
    sentence: int = 0
    stage: str = "themes"


@dataclass(frozen=True, slots=True)
class Tone:
    """Article tone as GDELT reports it (percentages of words)."""

    tone: float
    positive: float
    negative: float
    polarity: float
    activity_density: float
    self_group_density: float
    word_count: int
    stage: str = "tone"


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything détente found in one article, with the versions that produced it."""

    article: Article
    pipeline_version: str
    dictionaries: dict[str, str] = field(default_factory=dict)
    dateline: Dateline | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    themes: tuple[Theme, ...] = ()
    tone: Tone | None = None
    schema_version: str = SCHEMA_VERSION

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedArticle:
        return from_jsonable(cls, data)

    @classmethod
    def from_json(cls, line: str) -> CodedArticle:
        return cls.from_dict(json.loads(line))


#: The fact types stored one table each, by the CodedArticle field that holds them.
FACT_TYPES: dict[str, type] = {
    "sentences": Sentence,
    "mentions": Mention,
    "events": Event,
    "quotes": Quote,
    "places": Place,
    "themes": Theme,
}

T = TypeVar("T")


#: Field names per record class, looked up once: exports serialise millions of facts.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_jsonable(obj: Any) -> Any:
    """Turn a record (or any value inside it) into plain JSON types."""
    if obj is None or isinstance(obj, str | int | float):  # most values: as they are
        return obj
    names = _FIELD_NAMES.get(type(obj))
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {name: to_jsonable(getattr(obj, name)) for name in names}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    return obj


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (item_type, *_rest) = typing.get_args(tp)
        return tuple(_convert(item_type, v) for v in value)
    if origin is dict:
        return dict(value)
    if tp is dt.date:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    if tp is float and isinstance(value, int):
        return float(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_jsonable(tp, value)
    return value


def from_jsonable(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a dataclass from `to_jsonable` output; unknown keys are an error."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"unknown fields for {cls.__name__}: {', '.join(sorted(unknown))}")
    kwargs = {k: _convert(hints[k], v) for k, v in data.items()}
    return cls(**kwargs)


def write_jsonl(records: Iterable[CodedArticle], stream: typing.IO[str]) -> int:
    n = 0
    for record in records:
        stream.write(record.to_json())
        stream.write("\n")
        n += 1
    return n


def read_jsonl(stream: typing.TextIO) -> Iterator[CodedArticle]:
    for line in stream:
        if line.strip():
            yield CodedArticle.from_json(line)


# --- JSON Schema generated from the model -------------------------------------------------

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date"},
}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        return {"anyOf": [_schema_for(a, defs) for a in args]}
    if tp is type(None):
        return {"type": "null"}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(typing.get_args(tp)[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema_for(typing.get_args(tp)[1], defs)}
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = _hints(cls)
    props = {}
    required = []
    for f in dataclasses.fields(cls):
        props[f.name] = _schema_for(hints[f.name], defs)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    doc = (cls.__doc__ or "").strip().splitlines()
    schema: dict[str, Any] = {"type": "object", "properties": props, "required": required}
    schema["additionalProperties"] = False
    if doc:
        schema["description"] = doc[0]
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one JSON Lines record (a CodedArticle)."""
    defs: dict[str, Any] = {}
    root = _object_schema(CodedArticle, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://detente.invalid/schema/coded-article-{SCHEMA_VERSION}.json",
        "title": "CodedArticle",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
