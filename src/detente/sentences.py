"""Sentence and paragraph boundaries for news text, without a statistical model.

spaCy's sentencizer splits at every full stop; news needs more: a line break ends a
headline or paragraph, a closing quotation mark after the stop belongs to the sentence, and
a stop followed by a lower-case word ("e.g. the", "U.S. officials") does not end one, and a
stop the tokenizer keeps with a number's unit ("pounds 644m. Edward Leigh said") does.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from .ingest.dateline import dateline_span

#: Tokens that end a sentence when followed by a new sentence's first token.
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
#: Closing marks that stay with the sentence they close.
CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
#: Longest sentence, in words and punctuation, before a break is forced. News sentences run to
#: 60-100 tokens; a longer run is a list, a table or junk, and the parser and the event and
#: quote stages grow faster than linearly with sentence length.
MAX_SENTENCE_TOKENS = 250
#: A sentence may start with these besides an upper-case letter or a digit.
OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "«", "-", "—", "–"})


#: A number's unit the tokenizer keeps with its stop ("pounds 644m.", "$3bn.", "40km."): the
#: stop ends the sentence when a new one follows.
UNIT_STOP = re.compile(r"^(?:[a-z]{1,3}|\d+[a-z]{1,3})\.$")


def _unit_end(token: Token) -> bool:
    """ "worth pounds 644m. Edward Leigh said": the tokenizer's "m." holds the full stop."""
    if not UNIT_STOP.match(token.text) or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    return token.text[0].isdigit() or (previous.like_num and not previous.whitespace_)


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or text in OPENERS or first in OPENERS


def _split_dateline(doc: Doc, starts: numpy.ndarray, paragraphs: list[int]) -> None:
    """The dateline ("MOSCOW, July 25 (Itar-Tass) -") is a sentence of its own: it is no part
    of the first sentence's grammar."""
    text = doc._.article.text if doc._.article is not None else doc.text
    span = dateline_span(text)
    if span is None:
        return
    after = next((t for t in doc if t.idx >= span[1] and not t.is_space), None)
    if after is None or starts[after.i, 0] == 1:
        return
    opening = [t.i for t in doc if starts[t.i, 0] == 1]
    position = sum(1 for i in opening if i < after.i)
    starts[after.i, 0] = 1
    paragraphs.insert(position, paragraphs[position - 1] if position else 0)


class SentenceSplitter:
    """Sets sentence starts; records each sentence's paragraph in ``doc._.paragraphs``."""

    name = "detente_sentences_v1"

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # Setting token.is_sent_start one token at a time rescans the Doc each time (quadratic):
        # the boundaries are computed first and written in one array.
        starts = numpy.full((len(doc), 1), -1, dtype="int64")
        paragraphs: list[int] = []
        paragraph = 0
        pending_end = False
        new_paragraph = True
        seen_text = False
        previous_attached = False  # previous token was text with no whitespace after it
        length = 0  # tokens in the current sentence
        for token in doc:
            text = token.text
            if token.is_space:
                new_paragraph = new_paragraph or "\n" in text
                previous_attached = False
                continue
            closing = pending_end and previous_attached and text in CLOSERS
            start = token.i == 0
            if new_paragraph:
                paragraph += 1 if seen_text else 0
                start = True
            elif (
                pending_end and not closing and _starts_sentence(text)
            ) or length >= MAX_SENTENCE_TOKENS:
                start = True
            if start or (token.i == 0):
                starts[token.i, 0] = 1
                paragraphs.append(paragraph)
                length = 0
            length += 1
            seen_text = True
            pending_end = pending_end if closing else (text in SENTENCE_END or _unit_end(token))
            new_paragraph = "\n" in token.whitespace_
            previous_attached = not token.whitespace_
        if starts[0, 0] != 1:  # a Doc that opens with whitespace
            starts[0, 0] = 1
            paragraphs.insert(0, 0)
        _split_dateline(doc, starts, paragraphs)
        doc.from_array([SENT_START], starts.view("uint64"))  # type: ignore[arg-type]
        doc._.paragraphs = tuple(paragraphs)
        return doc
