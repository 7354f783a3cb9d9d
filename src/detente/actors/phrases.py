"""Exact look-up of many token phrases in a Doc, with start-up measured in milliseconds.

spaCy's PhraseMatcher needs every phrase as a Doc: tokenizing some 30,000 names and terms
creates as many lexemes and took three of the four seconds an actor pipeline needed to start.
This index does the same job from the phrases' token texts alone: a phrase is the tuple of
its tokens' string hashes (spaCy's ``ORTH``/``LOWER`` values), found by a dictionary look-up
at each token that starts some phrase. The token texts are computed once per set of phrases
and kept in the on-disk cache (``detente/cache.py``), so a warm start tokenizes nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..cache import cached_value

Tokenize = Callable[[str], Doc]


def token_texts(forms: Iterable[str], tokenize: Tokenize) -> dict[str, tuple[str, ...]]:
    """Each form's token texts as ``tokenize`` splits it, cached by the forms and spaCy's
    version (the tokenizer's rules come with it)."""
    ordered = sorted(set(forms))
    digest = hashlib.sha256(spacy.__version__.encode())
    for form in ordered:
        digest.update(form.encode())
        digest.update(b"\0")

    def compute() -> dict[str, tuple[str, ...]]:
        return {form: tuple(t.text for t in tokenize(form)) for form in ordered}

    return cached_value(f"tokens-{digest.hexdigest()[:32]}", compute)


class PhraseIndex:
    """Phrases found by their tokens' exact text (``lower=False``) or lower case.

    ``string_id`` turns a token's text into the value the Doc holds. spaCy stores a few
    hundred words that are its own symbols ("number", "agent", "X") by their symbol id, not
    their hash: ``spacy.strings.get_string_id`` knows them (the plain hash never found "Rama
    X", "secret agent" or "SHAPE").
    """

    def __init__(
        self,
        phrases: Mapping[str, tuple[str, ...]],
        lower: bool = False,
        string_id: Callable[[str], int] = get_string_id,
    ) -> None:
        self.attr = LOWER if lower else ORTH
        self.forms: dict[tuple[int, ...], list[str]] = defaultdict(list)
        lengths: dict[int, set[int]] = defaultdict(set)
        for form, tokens in phrases.items():
            if not tokens:
                continue
            key = tuple(string_id(t.lower() if lower else t) for t in tokens)
            self.forms[key].append(form)
            lengths[key[0]].add(len(key))
        #: Token hash → the lengths of the phrases it starts, longest first.
        self.lengths = {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(form, start, end) of every phrase in ``doc``, overlapping ones included."""
        if not len(doc):
            return []
        values: list[int] = doc.to_array(self.attr).tolist()
        found: list[tuple[str, int, int]] = []
        for i, value in enumerate(values):
            lengths = self.lengths.get(value)
            if lengths is None:
                continue
            for n in lengths:
                forms = self.forms.get(tuple(values[i : i + n])) if i + n <= len(values) else None
                if forms:
                    found.extend((form, i, i + n) for form in forms)
        return found
