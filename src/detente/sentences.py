"""Sentence and paragraph boundaries for news text, without a statistical model.

spaCy's sentencizer splits at every full stop; news needs more: a line break ends a
headline or paragraph, a closing quotation mark after the stop belongs to the sentence, and
a stop followed by a lower-case word ("e.g. the", "U.S. officials") does not end one.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Tokens that end a sentence when followed by a new sentence's first token.
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
#: Closing marks that stay with the sentence they close.
CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
#: A sentence may start with these besides an upper-case letter or a digit.
OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "«", "-", "—", "–"})


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or text in OPENERS or first in OPENERS


class SentenceSplitter:
    """Marks ``token.is_sent_start``; records each sentence's paragraph in ``doc._.paragraphs``."""

    name = "detente_sentences_v1"

    def __call__(self, doc: Doc) -> Doc:
        token_paragraph = [0] * len(doc)
        paragraph = 0
        pending_end = False
        new_paragraph = True
        seen_text = False
        for token in doc:
            if token.is_space:
                token.is_sent_start = token.i == 0
                new_paragraph = new_paragraph or "\n" in token.text
                token_paragraph[token.i] = paragraph
                continue
            previous = doc[token.i - 1] if token.i else None
            attached = previous is not None and not previous.whitespace_ and not previous.is_space
            closing = pending_end and attached and token.text in CLOSERS
            if new_paragraph:
                paragraph += 1 if seen_text else 0
                token.is_sent_start = True
            else:
                token.is_sent_start = token.i == 0 or (
                    pending_end and not closing and _starts_sentence(token.text)
                )
            token_paragraph[token.i] = paragraph
            seen_text = True
            pending_end = pending_end if closing else token.text in SENTENCE_END
            new_paragraph = "\n" in token.whitespace_
        doc._.paragraphs = tuple(token_paragraph[sent.start] for sent in doc.sents)
        return doc
