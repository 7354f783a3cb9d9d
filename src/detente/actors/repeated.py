"""A definite description repeats the phrase that introduced it: "Iraqi troops shelled Iran on
Monday ... The troops also attacked Kuwait" (IRQMIL), "Russian officials said ... the officials
added" (RUSGOV), "the Syrian regime ... the regime" (SYRGOV).

A sector term written with "the" and no country of its own takes the country of the latest
mention before it, within ``REPEAT_SENTENCES`` sentences, whose phrase ends in the same word
(singular or plural: "troop"/"troops"); a closer country-less mention of that word breaks the chain.
It comes before the article's country, which is only a guess about an unnamed body.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .recognize import Draft, sentences_back

#: How many sentences back (this one included) the introducing phrase may lie.
REPEAT_SENTENCES = 3


def repeated_country(doc: Doc, draft: Draft, drafts: list[Draft]) -> tuple[str, str] | None:
    """The country of the phrase a definite description repeats, and why (module docstring)."""
    first = doc[draft.start]
    if first.lower_ != "the" and (draft.start == 0 or doc[draft.start - 1].lower_ != "the"):
        return None
    head = doc[draft.end - 1]
    oldest = sentences_back(head, REPEAT_SENTENCES - 1)
    for other in reversed(drafts):
        if other.end > draft.start or other is draft:
            continue
        if other.start < oldest:
            return None
        if _stem(doc[other.end - 1].lower_) != _stem(head.lower_):
            continue
        if not other.country or other.kind not in ("sector", "description"):
            return None  # "troops ... the troops": the nearer one has no country either
        return other.country, f"repeats {doc[other.start : other.end].text!r}"
    return None


def _stem(word: str) -> str:
    """A noun without its plural ending, enough to tell "troops" is "troop" (the parsed
    pipeline runs no lemmatizer)."""
    for ending, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + repl
    return word
