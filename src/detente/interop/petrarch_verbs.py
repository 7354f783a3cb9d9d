"""Reader for PETRARCH verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs.txt).

The file mixes four things: synsets (``&NAME`` and ``+member`` lines), verb blocks
(``--- NAME [code] ---`` then verb lines), patterns (``- ... * ... [code]``) and, at the end
of CAMEO.2.0, transformations (``~ a (b . ATTACK) SAY = a b 112``). We keep every pattern as
typed tokens with its raw text and line, so a coding engine can match it and cite it.
The symbols are explained in ``docs/petrarch-formats.md``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from ..errors import DictionaryError
from .petrarch_actors import (
    ReaderWarning,
    SourceLine,
    content_lines,
    parse_code_groups,
    regular_plural,
    split_words,
)

TokenKind = Literal[
    "word",
    "synset",
    "verb",
    "source",
    "target",
    "compound",
    "skip",
    "np_open",
    "np_close",
    "pp_open",
    "pp_close",
]

# One-character pattern symbols and what they stand for.
SYMBOL_KINDS: Mapping[str, TokenKind] = MappingProxyType(
    {"*": "verb", "$": "source", "+": "target", "%": "compound", "^": "skip"}
)
OPENERS: Mapping[str, TokenKind] = MappingProxyType({"(": "pp_open", "{": "np_open"})
CLOSERS: Mapping[str, TokenKind] = MappingProxyType({")": "pp_close", "}": "np_close"})
VOWELS = "AEIOU"


@dataclass(frozen=True)
class VerbCode:
    """A code in ``[...]``: ``[042:043]`` has an active and a passive part, ``[:173]`` only
    a passive one. ``---`` is the null code: the verb alone makes no event."""

    active: str | None
    passive: str | None
    raw: str

    @property
    def is_null(self) -> bool:
        return self.active == "---" and self.passive is None


def parse_verb_code(text: str, path: Path, line: int) -> VerbCode:
    """Read the inside of ``[...]``."""
    raw = text.strip()
    if not raw or " " in raw or raw.count(":") > 1:
        raise DictionaryError(str(path), line, f"bad verb code [{text}]")
    active, colon, passive = raw.partition(":")
    if colon and not (active or passive):
        raise DictionaryError(str(path), line, f"bad verb code [{text}]")
    return VerbCode(active or None, passive or None if colon else None, raw)


@dataclass(frozen=True)
class PatternToken:
    """One element of a pattern. ``joined`` means it was tied to the previous token with
    ``_`` (TABARI: the two must be adjacent); a blank allows words in between."""

    kind: TokenKind
    text: str
    joined: bool = False


@dataclass(frozen=True)
class VerbPattern:
    """A pattern line: tokens, code, the ``#`` annotation, the raw text and its line."""

    tokens: tuple[PatternToken, ...]
    code: VerbCode
    comment: str
    raw: str
    line: int
    block: str

    @property
    def verb_index(self) -> int:
        return next(i for i, token in enumerate(self.tokens) if token.kind == "verb")

    @property
    def pre(self) -> tuple[PatternToken, ...]:
        """Tokens before the verb (subject side)."""
        return self.tokens[: self.verb_index]

    @property
    def post(self) -> tuple[PatternToken, ...]:
        """Tokens after the verb (object side)."""
        return self.tokens[self.verb_index + 1 :]

    @property
    def synsets(self) -> tuple[str, ...]:
        return tuple(token.text for token in self.tokens if token.kind == "synset")


@dataclass(frozen=True)
class VerbForm:
    """One inflected form: its words and which word is the verb the parser tags."""

    words: tuple[str, ...]
    head: int

    @property
    def verb(self) -> str:
        return self.words[self.head]


@dataclass(frozen=True)
class VerbEntry:
    """A verb line. ``code`` is the line's own code (None: the block's code applies)."""

    text: str
    forms: tuple[VerbForm, ...]
    code: VerbCode | None
    irregular: bool
    line: int

    @property
    def base(self) -> VerbForm:
        return self.forms[0]


@dataclass(frozen=True)
class VerbBlock:
    """``--- NAME [code] ---`` with its verbs (the first is the primary) and patterns."""

    name: str
    code: VerbCode | None
    verbs: tuple[VerbEntry, ...]
    patterns: tuple[VerbPattern, ...]
    line: int

    def code_of(self, entry: VerbEntry) -> VerbCode | None:
        """The code a verb of this block has on its own."""
        return entry.code if entry.code is not None else self.code


@dataclass(frozen=True)
class SynsetMember:
    """A ``+`` line of a synset. ``plural`` is None when none is generated (``_`` ending,
    ``_`` label, or a nested ``&SYNSET`` member, named in ``synset``)."""

    text: str
    words: tuple[str, ...]
    plural: tuple[str, ...] | None
    synset: str | None
    line: int


@dataclass(frozen=True)
class Synset:
    name: str
    plurals: bool
    members: tuple[SynsetMember, ...]
    line: int

    def forms(self) -> tuple[tuple[str, ...], ...]:
        """Every word sequence the synset matches (nested synsets are not expanded)."""
        found: list[tuple[str, ...]] = []
        for member in self.members:
            if member.synset is None:
                found.append(member.words)
                if member.plural:
                    found.append(member.plural)
        return tuple(found)


@dataclass(frozen=True)
class TransformEvent:
    """``source target VERB`` in postfix order; ``target`` may itself be an event."""

    source: str
    target: str | TransformEvent
    verb: str


@dataclass(frozen=True)
class Transformation:
    """``~ pattern = source target code``: rewrite a matching nested event."""

    pattern: TransformEvent
    result: tuple[str, str, str]
    raw: str
    line: int


@dataclass(frozen=True)
class VerbLookup:
    block: VerbBlock
    entry: VerbEntry
    form: VerbForm

    @property
    def code(self) -> VerbCode | None:
        return self.block.code_of(self.entry)


@dataclass(frozen=True)
class VerbDictionary:
    """Blocks, synsets and transformations of one verb file, with an index by verb form."""

    path: str
    blocks: tuple[VerbBlock, ...]
    synsets: Mapping[str, Synset]
    transformations: tuple[Transformation, ...]
    warnings: tuple[ReaderWarning, ...] = ()
    _forms: Mapping[tuple[str, ...], VerbLookup] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        index: dict[tuple[str, ...], VerbLookup] = {}
        for block in self.blocks:
            for entry in block.verbs:
                for form in entry.forms:
                    index.setdefault(form.words, VerbLookup(block, entry, form))
        object.__setattr__(self, "_forms", MappingProxyType(index))

    @property
    def patterns(self) -> tuple[VerbPattern, ...]:
        return tuple(pattern for block in self.blocks for pattern in block.patterns)

    @property
    def verbs(self) -> tuple[VerbEntry, ...]:
        return tuple(entry for block in self.blocks for entry in block.verbs)

    def block(self, name: str) -> VerbBlock | None:
        return next((b for b in self.blocks if b.name == name.upper()), None)

    def lookup(self, words_or_text: str | Iterable[str]) -> VerbLookup | None:
        """Find a verb form (``"said"``, ``"CORDONED OFF"``); the first definition wins."""
        if isinstance(words_or_text, str):
            words = split_words(words_or_text)
        else:
            words = tuple(w for item in words_or_text for w in split_words(item))
        return self._forms.get(words)


# ----------------------------------------------------------------------------- patterns


def _piece_tokens(piece: str, joined: bool, path: Path, line: int) -> list[PatternToken]:
    """Tokens of one ``_``-free piece: opening brackets, a core, closing brackets."""
    tokens: list[PatternToken] = []
    while piece and piece[0] in OPENERS:
        tokens.append(PatternToken(OPENERS[piece[0]], piece[0], joined))
        piece, joined = piece[1:], False
    closers: list[PatternToken] = []
    while piece and piece[-1] in CLOSERS:
        closers.insert(0, PatternToken(CLOSERS[piece[-1]], piece[-1]))
        piece = piece[:-1]
    if len(piece) > 1 and "*" in (piece[0], piece[-1]):
        head, tail = (piece[0], piece[1:]) if piece[0] == "*" else (piece[:-1], piece[-1])
        first = _piece_tokens(head, joined, path, line)
        return tokens + first + _piece_tokens(tail, True, path, line) + closers
    if piece in SYMBOL_KINDS:
        tokens.append(PatternToken(SYMBOL_KINDS[piece], piece, joined))
    elif piece.startswith("&"):
        if len(piece) < 2:
            raise DictionaryError(str(path), line, "'&' without a synset name")
        tokens.append(PatternToken("synset", piece.upper(), joined))
    elif piece:
        if any(char in piece for char in "()[]{}*"):
            raise DictionaryError(str(path), line, f"unexpected bracket or '*' in {piece!r}")
        tokens.append(PatternToken("word", piece.upper(), joined))
    return tokens + closers


def tokenize_pattern(body: str, path: Path, line: int) -> tuple[PatternToken, ...]:
    """Split a pattern body (without the leading ``-`` and the code) into tokens."""
    tokens: list[PatternToken] = []
    for chunk in body.split():
        for position, piece in enumerate(chunk.split("_")):
            tokens.extend(_piece_tokens(piece, position > 0 and bool(tokens), path, line))
    _check_pattern(tokens, path, line)
    return tuple(tokens)


def _check_pattern(tokens: list[PatternToken], path: Path, line: int) -> None:
    """One verb, balanced ``()`` and ``{}`` that do not nest into themselves."""
    if sum(token.kind == "verb" for token in tokens) != 1:
        raise DictionaryError(str(path), line, "a pattern needs exactly one '*'")
    open_kinds: list[TokenKind] = []
    for token in tokens:
        if token.kind in ("pp_open", "np_open"):
            if token.kind in open_kinds:
                raise DictionaryError(str(path), line, f"nested {token.text!r}")
            open_kinds.append(token.kind)
        elif token.kind in ("pp_close", "np_close"):
            want = "pp_open" if token.kind == "pp_close" else "np_open"
            if not open_kinds or open_kinds[-1] != want:
                raise DictionaryError(str(path), line, f"unbalanced {token.text!r}")
            open_kinds.pop()
    if open_kinds:
        raise DictionaryError(str(path), line, "unclosed '(' or '{'")


def parse_pattern(
    item: SourceLine, block: str, path: Path, warnings: list[ReaderWarning]
) -> VerbPattern | None:
    """Read ``- tokens [code]``; the ``#`` annotation is kept as the comment.

    A line without a final code is an error. A pattern whose tokens do not make sense
    (unbalanced brackets, no ``*``) is skipped with a warning: CAMEO.2.0 has three such typos.
    """
    body = item.text[1:].rstrip()
    start = body.rfind("[")
    if start < 0 or not body.endswith("]"):
        raise DictionaryError(str(path), item.number, "pattern has no final [code]")
    code = parse_verb_code(body[start + 1 : -1], path, item.number)
    try:
        tokens = tokenize_pattern(body[:start], path, item.number)
    except DictionaryError as exc:
        warnings.append(ReaderWarning(item.number, f"pattern skipped: {exc.reason}"))
        return None
    return VerbPattern(tokens, code, item.comment, item.text, item.number, block)


# ----------------------------------------------------------------------------- verbs


def regular_verb_forms(stem: str) -> tuple[str, ...]:
    """PETRARCH2's regular forms: base, -S/-ES/-IES, -D/-ED, -ING (dropping a final E)."""
    if stem.endswith(("S", "X", "Z")):
        third = stem + "ES"
    elif stem.endswith("Y"):
        third = stem[:-1] + "IES"
    else:
        third = stem + "S"
    past = stem + "D" if stem.endswith("E") else stem + "ED"
    if stem.endswith("E") and len(stem) > 1 and stem[-2] not in VOWELS:
        gerund = stem[:-1] + "ING"
    else:
        gerund = stem + "ING"
    return (stem, third, past, gerund)


def _verb_form(text: str, path: Path, line: int, warnings: list[ReaderWarning]) -> VerbForm:
    """``KLM_NOP_+RST`` → words and the index of the ``+`` word (the verb)."""
    parts = [part for part in text.replace(" ", "_").split("_") if part]
    if not parts:
        raise DictionaryError(str(path), line, "empty verb")
    marked = [i for i, part in enumerate(parts) if part.startswith("+")]
    if len(marked) > 1:
        raise DictionaryError(str(path), line, f"more than one '+' in verb {text!r}")
    if not marked and len(parts) > 1:
        warnings.append(
            ReaderWarning(line, f"multi-word verb {text!r} has no '+'; first word used")
        )
    head = marked[0] if marked else 0
    words = tuple(part.lstrip("+").upper() for part in parts)
    if not all(words):
        raise DictionaryError(str(path), line, f"bad verb {text!r}")
    return VerbForm(words, head)


def parse_verb(item: SourceLine, path: Path, warnings: list[ReaderWarning]) -> VerbEntry:
    """Read ``VERB {IRREGULAR FORMS} [code]``; without braces regular forms are made."""
    text = item.text.partition(";")[0].strip()  # ';' starts a comment in KEDS/TABARI files
    body, bracket, code_text = text.partition("[")
    code = None
    if bracket:
        inside, closing, tail = code_text.partition("]")
        if not closing or tail.strip():
            raise DictionaryError(str(path), item.number, f"bad code in verb line {text!r}")
        code = parse_verb_code(inside, path, item.number)
    name, brace, rest = body.partition("{")
    irregular_text, closing, tail = rest.partition("}")
    if brace and (not closing or tail.strip()):
        raise DictionaryError(str(path), item.number, f"bad '{{...}}' in verb line {text!r}")
    base = _verb_form(name.strip(), path, item.number, warnings)
    if brace:
        extra = [_verb_form(t, path, item.number, warnings) for t in irregular_text.split()]
        forms = (base, *extra)
    else:
        forms = tuple(
            VerbForm((*base.words[: base.head], f, *base.words[base.head + 1 :]), base.head)
            for f in regular_verb_forms(base.verb)
        )
    return VerbEntry(item.text, forms, code, bool(brace), item.number)


def parse_block_header(
    item: SourceLine, path: Path, warnings: list[ReaderWarning]
) -> tuple[str, VerbCode | None]:
    """``--- NAME [code] ---``: the first code is the block's (PETRARCH ignores others)."""
    inner = item.text.strip("-").strip()
    name, _, code_text = inner.partition("[")
    if not name.strip():
        raise DictionaryError(str(path), item.number, "verb block without a name")
    groups, tail = parse_code_groups("[" + code_text if code_text else "", path, item.number)
    if tail.strip("- "):
        raise DictionaryError(str(path), item.number, f"unexpected {tail!r} in block header")
    if len(groups) > 1:
        warnings.append(ReaderWarning(item.number, "block has several codes; the first is used"))
    code = None
    if groups:
        code = parse_verb_code(groups[0][0] + groups[0][1], path, item.number)
    return name.strip().upper(), code


# ----------------------------------------------------------------------------- synsets


def parse_synset_member(item: SourceLine, plurals: bool, path: Path) -> SynsetMember:
    """Read ``+WORDS`` (``_`` or blank between words; a final ``_`` stops the plural)."""
    text = item.text[1:].strip()
    if not text:
        raise DictionaryError(str(path), item.number, "empty synset member")
    if text.startswith("&"):
        return SynsetMember(text, (), None, text.rstrip("_").upper(), item.number)
    words = split_words(text)
    plural = None
    if plurals and not text.endswith("_"):
        plural = (*words[:-1], regular_plural(words[-1]))
    return SynsetMember(text, words, plural, None, item.number)


def parse_synset_label(item: SourceLine, path: Path) -> tuple[str, bool]:
    """``&NAME`` or ``&NAME_`` (no plurals for any member)."""
    label = item.text.split()[0] if item.text.split() else ""
    if len(label) < 2 or len(item.text.split()) > 1:
        raise DictionaryError(str(path), item.number, f"bad synset label {item.text!r}")
    return label.rstrip("_").upper(), not label.endswith("_")


# ----------------------------------------------------------------------------- transformations


def _transform_event(tokens: list[str], path: Path, line: int) -> TransformEvent:
    """Parse ``source target VERB`` where target may be ``( ... )``; consumes ``tokens``."""
    parts: list[str | TransformEvent] = []
    while tokens and tokens[0] != ")" and len(parts) < 3:
        token = tokens.pop(0)
        if token == "(":
            parts.append(_transform_event(tokens, path, line))
            if not tokens or tokens.pop(0) != ")":
                raise DictionaryError(str(path), line, "transformation: missing ')'")
        else:
            parts.append(token)
    source, target, verb = [*parts, "", "", ""][:3]
    if len(parts) != 3 or not isinstance(source, str) or not isinstance(verb, str):
        raise DictionaryError(str(path), line, "transformation: want 'source target VERB'")
    return TransformEvent(source, target, verb)


def parse_transformation(item: SourceLine, path: Path) -> Transformation:
    """Read ``~ a (b . ATTACK) SAY = a b 112``."""
    left, equals, right = item.text[1:].partition("=")
    result = right.split()
    if not equals or len(result) != 3:
        raise DictionaryError(str(path), item.number, "transformation: want '... = a b CODE'")
    tokens = left.replace("(", " ( ").replace(")", " ) ").split()
    pattern = _transform_event(tokens, path, item.number)
    if tokens:
        raise DictionaryError(str(path), item.number, f"transformation: extra {tokens!r}")
    return Transformation(pattern, (result[0], result[1], result[2]), item.text, item.number)


# ----------------------------------------------------------------------------- reader


@dataclass
class _VerbReader:
    """Collects a verb file line by line; ``mode`` says what a ``+`` line belongs to."""

    path: Path
    blocks: list[VerbBlock] = field(default_factory=list)
    synsets: dict[str, Synset] = field(default_factory=dict)
    transformations: list[Transformation] = field(default_factory=list)
    warnings: list[ReaderWarning] = field(default_factory=list)
    header: tuple[str, VerbCode | None, int] | None = None
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)
    synset: tuple[str, bool, int] | None = None
    members: list[SynsetMember] = field(default_factory=list)
    mode: Literal["none", "synset", "block"] = "none"

    def feed(self, item: SourceLine) -> None:
        text = item.text
        if text.startswith("&"):
            self.close_synset()
            name, plurals = parse_synset_label(item, self.path)
            self.synset, self.mode = (name, plurals, item.number), "synset"
        elif text.startswith("+") and self.mode == "synset":
            assert self.synset is not None
            self.members.append(parse_synset_member(item, self.synset[1], self.path))
        elif text.startswith("~"):
            self.close_synset()
            self.transformations.append(parse_transformation(item, self.path))
        elif text.startswith("---"):
            self.close_synset()
            self.close_block()
            name, code = parse_block_header(item, self.path, self.warnings)
            self.header, self.mode = (name, code, item.number), "block"
        else:
            self.feed_block_line(item)

    def feed_block_line(self, item: SourceLine) -> None:
        self.close_synset()
        if self.header is None:
            raise DictionaryError(str(self.path), item.number, "verb or pattern before any block")
        self.mode = "block"
        if item.text.startswith("-"):
            pattern = parse_pattern(item, self.header[0], self.path, self.warnings)
            if pattern is not None:
                self.patterns.append(pattern)
        else:
            self.verbs.append(parse_verb(item, self.path, self.warnings))

    def close_synset(self) -> None:
        if self.synset is not None:
            name, plurals, line = self.synset
            if name in self.synsets:
                self.warnings.append(ReaderWarning(line, f"synset {name} redefined"))
            self.synsets[name] = Synset(name, plurals, tuple(self.members), line)
        self.synset, self.members = None, []
        if self.mode == "synset":
            self.mode = "none"

    def close_block(self) -> None:
        if self.header is not None:
            name, code, line = self.header
            block = VerbBlock(name, code, tuple(self.verbs), tuple(self.patterns), line)
            self.blocks.append(block)
        self.header, self.verbs, self.patterns = None, [], []

    def check_synsets(self) -> None:
        """A pattern whose synset is undefined is skipped, as PETRARCH does, with a warning
        naming its line (Phoenix's CAMEO.2.0.txt uses an undefined &WEATHER)."""
        for index, block in enumerate(self.blocks):
            kept = []
            for pattern in block.patterns:
                missing = [n for n in pattern.synsets if n.rstrip("_") not in self.synsets]
                for name in missing:
                    message = f"pattern uses undefined synset {name}: the pattern is skipped"
                    self.warnings.append(ReaderWarning(pattern.line, message))
                if not missing:
                    kept.append(pattern)
            if len(kept) != len(block.patterns):
                self.blocks[index] = dataclasses.replace(block, patterns=tuple(kept))


def read_verbs(path: str | Path) -> VerbDictionary:
    """Read a PETRARCH verb dictionary into blocks, synsets and transformations."""
    reader = _VerbReader(Path(path))
    for item in content_lines(reader.path):
        reader.feed(item)
    reader.close_synset()
    reader.close_block()
    reader.check_synsets()
    return VerbDictionary(
        str(path),
        tuple(reader.blocks),
        MappingProxyType(dict(reader.synsets)),
        tuple(reader.transformations),
        tuple(reader.warnings),
    )
