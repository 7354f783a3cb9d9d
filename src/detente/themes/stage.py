"""The theme stage: taxonomy phrases per sentence, with spans.

Phrases match lower-cased tokens exactly (a ``PhraseIndex`` on LOWER, built once per stage);
overlapping matches keep the longest ("war crime", not "crime"); a theme with `context` words
counts only when one of them is in the match's sentence. Only the matched theme is recorded:
ancestors are implied and added by the queries (see ``taxonomy``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..actors.phrases import PhraseIndex, token_texts
from ..model import Theme
from .taxonomy import Taxonomy, cached_taxonomy


class ThemeStage:
    """Finds theme phrases; the matcher is built once when the stage is made."""

    name = "detente_themes_v1"
    dictionaries: tuple[str, ...] = ("themes",)

    def __init__(self, nlp: Language, themes_path: str = "") -> None:
        self.taxonomy: Taxonomy = cached_taxonomy(themes_path)
        #: Theme of each phrase (a phrase belongs to one theme: the taxonomy checks it).
        self.theme_of = {p: e.id for e in self.taxonomy.themes.values() for p in e.phrases}
        # Phrases by their tokens' lower case, as the tokenizer splits them (from the on-disk
        # cache): a PhraseMatcher needs a Doc per phrase, a tenth of a second at every start.
        words = token_texts(self.theme_of, nlp.make_doc)
        self.phrases = PhraseIndex(words, lower=True)

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, i, j, label=self.theme_of[p]) for p, i, j in self.phrases(doc)]
        spans = filter_spans(found)
        sentence_of = _sentence_index(doc)
        themes: list[Theme] = []
        words: dict[int, frozenset[str]] = {}
        for span in spans:
            entry = self.taxonomy.themes[span.label_]
            if entry.context and not entry.context & _sentence_words(span, words):
                continue
            themes.append(
                Theme(
                    id=f"t{len(themes)}",
                    theme=entry.id,
                    name=entry.name,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    sentence=sentence_of(span.start),
                )
            )
        doc._.themes = tuple(themes)
        return doc


def _sentence_words(span: Span, cache: dict[int, frozenset[str]]) -> frozenset[str]:
    sent = span.sent
    if sent.start not in cache:
        cache[sent.start] = frozenset(t.lower_ for t in sent)
    return cache[sent.start]


def _sentence_index(doc: Doc) -> Callable[[int], int]:
    """Token index → sentence number as the record counts them (blank sentences skipped)."""
    starts = [s.start for s in doc.sents if any(not t.is_space for t in s)]
    return lambda token: max(bisect.bisect_right(starts, token) - 1, 0)
