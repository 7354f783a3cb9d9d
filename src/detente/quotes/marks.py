"""Quotation marks → quoted spans, by scanning characters paragraph by paragraph.

Marks are read on characters, not tokens: a tokenizer splits "’" in "Russia’s" and in
"spring’" alike, while the character context (a letter on both sides or not) tells an
apostrophe from a closing single quote. Rules, in order:

- double quotes (curly “ ” „, guillemets « », straight ", and two straight apostrophes as
  in ASCII news copy) open and close top-level quotes; a straight mark toggles; a second
  opener while one is open ends the first one there;
- single quotes (‘ ’ and straight ') inside a double quote are a quote within a quote
  ("the ‘Arab spring’"): they never make a quotation of their own;
- top-level single quotes (headline style) are quotes when they close within the paragraph;
- an opener never closed runs to the end of its paragraph (``closed=False``);
- a paragraph that opens with a mark while the previous paragraph's last quote was left open
  continues that quotation (``continues`` is the index of the quote it continues).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Double-quote marks that only open, only close, or do both (straight).
DOUBLE_OPENERS = frozenset("“„«")
DOUBLE_CLOSERS = frozenset("”»")
STRAIGHT_DOUBLE = '"'
SINGLE_OPENERS = frozenset("‘")
SINGLE_CLOSERS = frozenset("’")
STRAIGHT_SINGLE = "'"
#: Two straight apostrophes stand for a straight double quote in ASCII news copy (the New
#: York Times archive: two apostrophes, Yes, two apostrophes, he said).
DOUBLED_SINGLE = STRAIGHT_SINGLE * 2
#: Every quotation mark, for stripping and for telling quote tokens apart.
ALL_MARKS = frozenset("“”„«»\"‘’'")
#: Characters that may precede an opening straight single quote.
SINGLE_OPEN_CONTEXT = frozenset(' \t\n([{“"—–-/')


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """One top-level quotation: mark offsets and the text inside the marks."""

    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when never closed
    start: int  # inside the marks, whitespace trimmed
    end: int
    paragraph: int
    single: bool = False
    continues: int | None = None  # index of the quote this one continues (previous paragraph)

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        """End offset including the closing mark (the paragraph end when never closed)."""
        return self.close_at + 1 if self.close_at is not None else self.end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_apostrophe(text: str, i: int) -> bool:
    """’ or ' between two letters ("Russia’s", "don't") is an apostrophe, not a mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _single_opens(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in SINGLE_OPENERS:
        return not after.isspace()
    return before in SINGLE_OPEN_CONTEXT and after.isalpha()


def _single_closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _make(text: str, open_at: int, close_at: int | None, end: int, paragraph: int, single: bool):
    start, stop = _trim(text, open_at + 1, end)
    return QuotedSpan(open_at, close_at, start, stop, paragraph, single)


def _is_inch_mark(text: str, i: int, start: int) -> bool:
    """A straight double mark after feet and inches ("6'3\" tall") measures: it opens and
    closes nothing (a mark after a digit alone may close a quotation: "won 3-2\")."""
    k = i - 1
    while k >= start and text[k].isdigit():
        k -= 1
    return k < i - 1 and k - 1 >= start and text[k] == "'" and text[k - 1].isdigit()


def _double_role(text: str, i: int, end: int, is_open: bool) -> str:
    """A curly double mark used the wrong way round ("rapists“ ", " ”word") acts as the other."""
    ch = text[i]
    after = text[i + 1] if i + 1 < end else " "
    before = text[i - 1] if i > 0 else " "
    if ch in DOUBLE_OPENERS and is_open and (after.isspace() or after in ".,;:!?)"):
        return "”"
    if ch in DOUBLE_CLOSERS and not is_open and before.isspace() and after.isalnum():
        return "“"
    return ch


def scan_paragraph(text: str, start: int, end: int, paragraph: int) -> list[QuotedSpan]:
    """Top-level quoted spans of ``text[start:end]``, in order."""
    found: list[QuotedSpan] = []
    double_open: int | None = None
    single_open: int | None = None
    skip = -1
    for i in range(start, end):
        if i <= skip:
            continue
        if text.startswith(DOUBLED_SINGLE, i) and i + 2 <= end:
            if text.startswith(STRAIGHT_SINGLE * 3, i) and double_open is not None:
                continue  # three apostrophes closing: an inner single quote, then the double
            skip = i + 1
            if double_open is None:  # the quotation starts after both apostrophes
                double_open, single_open = i + 1, None
            else:  # the closing mark is both apostrophes; the text ends before them
                found.append(_make(text, double_open, i + 1, i, paragraph, False))
                double_open = None
            continue
        ch = _double_role(text, i, end, double_open is not None)
        if ch == STRAIGHT_DOUBLE and _is_inch_mark(text, i, start):
            continue  # "6'3\" tall": a measure, no quotation mark
        if ch in DOUBLE_OPENERS or (ch == STRAIGHT_DOUBLE and double_open is None):
            if double_open is not None:  # a new opener while one is open: the first ends here
                found.append(_make(text, double_open, None, i, paragraph, False))
            if single_open is not None and double_open is None:
                single_open = None  # a double mark inside a headline-style single quote
            double_open = i
        elif ch in DOUBLE_CLOSERS or ch == STRAIGHT_DOUBLE:
            if double_open is not None:
                found.append(_make(text, double_open, i, i, paragraph, False))
                double_open = None
        elif double_open is None and (ch in SINGLE_OPENERS or ch in SINGLE_CLOSERS or ch == "'"):
            if _is_apostrophe(text, i):
                continue
            if single_open is None and _single_opens(text, i, start):
                single_open = i
            elif single_open is not None and i > single_open + 1 and _single_closes(text, i):
                found.append(_make(text, single_open, i, i, paragraph, True))
                single_open = None
    if double_open is not None:
        found.append(_make(text, double_open, None, end, paragraph, False))
    return [q for q in found if any(ch.isalpha() for ch in text[q.start : q.end])]


def quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Quoted spans of every paragraph; a quote reopened after an open one is linked to it."""
    spans: list[QuotedSpan] = []
    curly = "“" in text or "”" in text
    for number, (start, end) in enumerate(paragraphs):
        found = scan_paragraph(text, start, end, number)
        if curly and found and _layout_remnant(text, found[0], start, end):
            found = found[1:]
        if found and spans and not spans[-1].closed and spans[-1].paragraph == number - 1:
            first = found[0]
            if text[start:end].lstrip()[:1] in ALL_MARKS and first.open_at == _first_char(
                text, start, end
            ):
                found[0] = QuotedSpan(
                    first.open_at,
                    first.close_at,
                    first.start,
                    first.end,
                    first.paragraph,
                    first.single,
                    continues=len(spans) - 1,
                )
        spans.extend(found)
    return spans


def _layout_remnant(text: str, span: QuotedSpan, start: int, end: int) -> bool:
    """In a text whose quotations have curly marks, a straight mark opening a paragraph that
    no mark of any kind closes is a remnant of the page's layout (the copy of a block quote or
    a transcript), not a quotation mark."""
    if span.closed or span.single or text[span.open_at] != STRAIGHT_DOUBLE:
        return False
    if span.open_at != _first_char(text, start, end):
        return False
    return STRAIGHT_DOUBLE not in text[span.open_at + 1 : end] and "”" not in text[start:end]


def _first_char(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i
