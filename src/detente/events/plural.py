"""Plural descriptions of actors named before: "the two countries", "both sides", "the three
governments", "the trio of countries" stand for that many distinct countries the article has
just named ("Russia, Turkey and Iran met in Geneva. The three countries agreed ...").

Each such phrase with no actor of its own gets one slot per country, taken backwards from the
phrase over at most ``LOOKBACK_SENTENCES`` sentences; with fewer distinct countries there, the
phrase stands for the article's last group of that count, else it stays unresolved. The slots sit outside the sentence's spans (``Slot.start`` -1) and the
parse reads the phrase's head as all of them (``SentenceView.groups``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..model import Mention
from .sentence import SentenceView, Slot

#: Nouns a counted plural names actors by: "the two countries", "both sides", "the three leaders".
PLURAL_ACTOR_NOUNS = frozenset(
    "countries nations states governments sides leaders powers neighbours neighbors allies "
    "capitals presidents".split()
)
#: Of those, the nouns that count people: they stand for the people named before, a "he" or
#: "she" resolved to one of them included ("Musharraf met Blair ... he added ... the two
#: leaders talked").
PERSON_NOUNS = frozenset({"leaders", "presidents"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PERSON_KINDS = frozenset({"person", "description", "sector", "pronoun"})
#: Count words and the number of actors they stand for.
COUNTS = {"two": 2, "both": 2, "three": 3, "trio": 3, "four": 4}
#: How many sentences back (this one included) the named countries may lie.
LOOKBACK_SENTENCES = 3


#: Groups resolved earlier in an article, by their count and whether they count people.
Resolved = dict[tuple[int, bool], tuple[Mention, ...]]


def add_plural_groups(
    view: SentenceView, mentions: Sequence[Mention], resolved: Resolved | None = None
) -> None:
    """Resolve the counted plural descriptions of ``view`` (see the module docstring).
    ``resolved`` carries the article's groups from sentence to sentence: a phrase whose
    countries were named too far back stands for the group of that count resolved last ("the
    three countries" in the lead, "the trio of countries" ten sentences on)."""
    offset = view.span.start
    for token in view.span:
        if token.lower_ not in PLURAL_ACTOR_NOUNS or view.slot_at[token.i - offset] >= 0:
            continue
        count = _count(token)
        if count is None:
            continue
        key = (count, token.lower_ in PERSON_NOUNS)
        found = _named_before(token, view.index, mentions, count)
        if found is None and resolved is not None:
            found = resolved.get(key)
        if found is None:
            continue
        if resolved is not None:
            resolved[key] = found
        first = len(view.slots)
        view.slots.extend(Slot(m, -1, -1) for m in found)
        view.groups[token.i] = tuple(range(first, len(view.slots)))


def _count(noun: Token) -> int | None:
    """How many actors the phrase counts: "the two countries", "both sides", "the trio of
    countries" (the count on the head the "of" hangs from)."""
    for child in noun.children:
        if child.dep_ in ("nummod", "det", "predet", "quantmod") and child.lower_ in COUNTS:
            return COUNTS[child.lower_]
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COUNTS:
        return COUNTS[head.head.lower_]
    return None


def _named_before(
    noun: Token, sentence: int, mentions: Sequence[Mention], count: int
) -> tuple[Mention, ...] | None:
    """The ``count`` latest distinct countries named before the phrase, or None."""
    chosen: list[Mention] = []
    countries: set[str] = set()
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        if mention.start >= noun.idx or sentence - mention.sentence >= LOOKBACK_SENTENCES:
            continue
        if not mention.country or mention.kind == "adjective":
            continue
        people = noun.lower_ in PERSON_NOUNS
        if mention.kind == "pronoun" and not (people and mention.text.lower() in PERSON_PRONOUNS):
            continue
        if people and mention.kind not in PERSON_KINDS:
            continue  # "the two leaders": people, not the countries named around them
        if mention.country in countries:
            continue
        countries.add(mention.country)
        chosen.append(mention)
        if len(chosen) == count:
            return tuple(reversed(chosen))
    return None
