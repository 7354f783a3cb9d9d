"""PETRARCH discard lists and issue dictionaries (the actor and agent readers are in
``petrarch_actors``, whose line and date helpers these share)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import DictionaryError

# KEDS/TABARI convention for YYMMDD dates: 00-30 are 20YY, 31-99 are 19YY.
from .petrarch_actors import (
    ReaderWarning,
    content_lines,
    normalise_words,
    split_words,
)

# ----------------------------------------------------------------------------- discards


@dataclass(frozen=True)
class DiscardEntry:
    """A phrase that stops coding: of the whole story (``+`` prefix) or of the sentence.

    ``closed`` (trailing ``_``): the last word must match whole; otherwise it is a stem.
    """

    text: str
    words: tuple[str, ...]
    story: bool
    closed: bool
    line: int

    def found_in(self, tokens: tuple[str, ...] | list[str]) -> bool:
        """Whether the phrase occurs in the tokens (case-insensitive, consecutive words)."""
        upper = [token.upper() for token in tokens]
        size = len(self.words)
        for start in range(len(upper) - size + 1):
            window = upper[start : start + size]
            if window[:-1] != list(self.words[:-1]):
                continue
            last = window[-1]
            if last == self.words[-1] or (not self.closed and last.startswith(self.words[-1])):
                return True
        return False


@dataclass(frozen=True)
class DiscardList:
    path: str
    entries: tuple[DiscardEntry, ...]

    def __len__(self) -> int:
        return len(self.entries)

    def first_match(self, tokens: tuple[str, ...] | list[str]) -> DiscardEntry | None:
        """The first discard phrase found in the tokens, story-level ones first."""
        ordered = sorted(self.entries, key=lambda entry: not entry.story)
        return next((entry for entry in ordered if entry.found_in(tokens)), None)


def read_discards(path: str | Path) -> DiscardList:
    """Read a PETRARCH discard list: one phrase a line, ``+`` for story-level discards."""
    source = Path(path)
    entries: list[DiscardEntry] = []
    for item in content_lines(source):
        text = item.text
        story = text.startswith("+")
        body = text[1:].strip() if story else text
        words = split_words(body)
        if not words:
            raise DictionaryError(str(source), item.number, "empty discard phrase")
        entries.append(DiscardEntry(body, words, story, body.endswith("_"), item.number))
    return DiscardList(str(source), tuple(entries))


# ----------------------------------------------------------------------------- issues


@dataclass(frozen=True)
class IssueEntry:
    """An issue phrase with its code; ``forms`` holds the ``n:``/``v:``/``+`` expansions."""

    text: str
    forms: tuple[tuple[str, ...], ...]
    code: str
    category: str | None
    line: int


@dataclass(frozen=True)
class IssueExclusion:
    """A ``~`` (sentence) or ``~~`` (story) phrase that cancels issue coding."""

    text: str
    forms: tuple[tuple[str, ...], ...]
    scope: Literal["sentence", "story"]
    category: str | None
    line: int


@dataclass(frozen=True)
class IssueDictionary:
    path: str
    entries: tuple[IssueEntry, ...]
    exclusions: tuple[IssueExclusion, ...]
    categories: tuple[str, ...]
    warnings: tuple[ReaderWarning, ...] = ()

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, words_or_text: str | Iterable[str]) -> str | None:
        """The code of a phrase equal to one of an entry's forms (first entry wins)."""
        words = normalise_words(words_or_text)
        return next((e.code for e in self.entries if words in e.forms), None)


def _issue_word_forms(token: str) -> list[str]:
    """Expand one blank-delimited token: ``A+B`` (space or hyphen), ``n:`` and ``v:``."""
    if "+" in token:
        parts = [_issue_word_forms(part) for part in token.split("+")]
        joined: list[str] = []
        for combo in itertools.product(*parts):
            for glue in (" ", "-"):
                text = glue.join(combo)
                if text not in joined:
                    joined.append(text)
        return joined
    upper = token.upper()
    if upper.startswith("N:"):
        root = upper[2:]
        return [root, root[:-1] + "IES" if root.endswith("Y") else root + "S"]
    if upper.startswith("V:"):
        root = upper[2:]
        if root.endswith("E"):
            return [root, root + "S", root + "D", root[:-1] + "ING"]
        return [root, root + "S", root + "ED", root + "ING"]
    return [upper]


def issue_forms(text: str) -> tuple[tuple[str, ...], ...]:
    """Every word sequence an issue phrase stands for."""
    choices = [_issue_word_forms(token) for token in text.split()]
    return tuple(
        tuple(word for part in combo for word in part.split())
        for combo in itertools.product(*choices)
    )


def _issue_category(text: str, path: Path, line: int) -> str:
    """Read ``<ISSUE CATEGORY="X" ...>``."""
    _, found, rest = text.partition('CATEGORY="')
    name, closed, _ = rest.partition('"')
    if not found or not closed or not name:
        raise DictionaryError(str(path), line, '<ISSUE> without CATEGORY="..."')
    return name


def read_issues(path: str | Path) -> IssueDictionary:
    """Read a PETRARCH issues file: ``<ISSUE CATEGORY>`` sections of ``phrase [CODE]`` lines."""
    source = Path(path)
    entries: list[IssueEntry] = []
    exclusions: list[IssueExclusion] = []
    categories: list[str] = []
    warnings: list[ReaderWarning] = []
    category: str | None = None
    for item in content_lines(source):
        text, number = item.text, item.number
        if text.upper().startswith("<ISSUE"):
            category = _issue_category(text, source, number)
            categories.append(category)
        elif text.upper().startswith("</ISSUE"):
            category = None
        elif text.startswith("~"):
            story = text.startswith("~~")
            body = text[2:] if story else text[1:]
            scope: Literal["sentence", "story"] = "story" if story else "sentence"
            exclusions.append(
                IssueExclusion(body.strip(), issue_forms(body), scope, category, number)
            )
        elif "[" not in text:
            warnings.append(ReaderWarning(number, f"issue phrase {text!r} has no code; skipped"))
        else:
            body, _, code_text = text.partition("[")
            code, closing, tail = code_text.partition("]")
            if not closing or not code.strip() or not body.strip():
                raise DictionaryError(str(source), number, f"malformed issue line {text!r}")
            if tail.strip():
                warnings.append(ReaderWarning(number, f"text after the code ignored: {tail!r}"))
            forms = issue_forms(body)
            entries.append(IssueEntry(body.strip(), forms, code.strip(), category, number))
    return IssueDictionary(
        str(source), tuple(entries), tuple(exclusions), tuple(categories), tuple(warnings)
    )
