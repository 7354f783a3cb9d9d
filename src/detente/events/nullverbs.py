"""Predicates between two actors that no pattern covers: where the dictionary should grow.

For every clause in which no event was coded, the words between an actor and the next actor
are scanned for the most verb-like content word (the predicate, in English word order:
"Russia condemned NATO", "Iran's talks with Iraq"). When no pattern matched there, it is counted under a lemma-ish lower form, with an example sentence. Without a parser this is
a heuristic: it finds verbs and nouns, not their roles, and a human decides what to add.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..ingest.readers import Limits, read_inputs
from ..model import Article, Mention
from .dates import WEEKDAYS
from .explain import anchored_on
from .matcher import best_matches
from .patterns import FUNCTION_WORDS
from .sentence import SentenceView, sentence_views
from .stage import EventStage

#: At most this many tokens between the two actors (a longer stretch is rarely one predicate).
MAX_BETWEEN = 8
#: Words that are never the predicate: auxiliaries, adverbs of time and degree, fillers.
NOT_PREDICATES = FUNCTION_WORDS | {
    *WEEKDAYS,
    "also", "again", "already", "now", "today", "yesterday", "tomorrow", "then", "still",
    "just", "only", "even", "however", "reportedly", "recently", "earlier", "later", "last",
    "next", "week", "month", "year", "morning", "evening", "night", "said", "says", "say",
    "told", "which", "who", "whom", "whose", "it", "they", "he", "she", "we", "as", "than",
    "both", "all", "other", "others", "very", "more", "most", "new", "what", "when",
    "while", "where", "if", "so", "up", "out", "off", "into", "between", "among", "through",
    "after", "before", "during", "since", "until", "because", "well", "not", "n't", "no",
    "being", "having", "get", "got", "s", "'s", "its", "their", "his", "her", "former",
}  # fmt: skip


@dataclass(frozen=True)
class NullVerb:
    """An uncovered predicate: its lemma-ish form, how often, the forms seen and one example."""

    lemma: str
    count: int
    forms: tuple[str, ...]
    example: str
    source: str  # the example's actors, e.g. "RUS ... IGOWSTNAT"
    target: str
    anchored: bool  # an anchor of some pattern (widen those) rather than a new word (add one)


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    """spaCy's English form -> lemma lookup (spacy-lookups-data, offline)."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return table


def lemma(word: str) -> str:
    """A lemma-ish lower form: the lookup table's lemma, else the word itself."""
    word = word.lower()
    return _lemma_table().get(word, word).lower()


def _is_content(word: str) -> bool:
    return (
        word.isalpha() and len(word) > 2 and word not in NOT_PREDICATES and not word.endswith("ly")
    )


@lru_cache(maxsize=1)
def _pos_index() -> tuple[frozenset[str], frozenset[str]]:
    """Verb and noun lemmas known to spaCy's English tables (to prefer verbs as predicates)."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_index.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        index: dict[str, list[str]] = json.load(handle)
    return frozenset(index["verb"]), frozenset(index["noun"])


def _verbness(word: str) -> int:
    """2: surely a verb (an -ed form, or a verb that is no noun); 1: maybe; 0: not a verb."""
    verbs, nouns = _pos_index()
    base = lemma(word)
    if base not in verbs:
        return 0
    return 2 if word.endswith("ed") or base not in nouns else 1


def _predicate(view: SentenceView, start: int, end: int) -> int | None:
    """The most verb-like content word between tokens ``start`` and ``end`` (the first of ties)."""
    best, best_score = None, -1
    for k in range(start, end):
        if view.skip[k] or view.span[k].text[:1].isupper() or not _is_content(view.lower[k]):
            continue
        score = _verbness(view.lower[k])
        if score > best_score:
            best, best_score = k, score
    return best


@dataclass(frozen=True)
class Hit:
    """One uncovered predicate between two actors in one sentence."""

    word: str
    sentence: str
    source: str
    target: str
    anchored: bool  # some pattern is anchored on the word, but none matched here


def uncovered(doc: Doc, stage: EventStage) -> Iterator[Hit]:
    """Uncovered predicates between two coded actors, in clauses where no event was coded."""
    mentions: tuple[Mention, ...] = doc._.mentions
    coded = [(e.sentence, e.start) for e in doc._.events]
    for view in sentence_views(doc, mentions):
        matched = {m.anchor_start for m in best_matches(view, stage.index)}
        slots = [
            s for s in view.slots if s.mention.code and not s.modifier and not view.skip[s.start]
        ]
        for left, right in pairwise(slots):
            if not 0 < right.start - left.end <= MAX_BETWEEN:
                continue
            if left.mention.code == right.mention.code:
                continue
            if any(view.boundary[k] for k in range(left.end, right.start)):
                continue
            low, high = left.mention.start, right.mention.end
            if any(s == view.index and low <= at <= high for s, at in coded):
                continue
            k = _predicate(view, left.end, right.start)
            if k is None or k in matched:
                continue
            yield Hit(
                view.lower[k],
                view.span.text.strip(),
                str(left.mention.code),
                str(right.mention.code),
                bool(anchored_on(stage.index, view.lower[k])),
            )


@dataclass
class NullVerbReport:
    """The uncovered predicates, most frequent first, and what was read."""

    verbs: list[NullVerb]
    articles: int
    sentences: int
    errors: list[InputError]


def count_hits(hits: Iterable[Hit], top: int) -> list[NullVerb]:
    """Group hits by lemma: count, forms seen, and the first example."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(lemma(hit.word), []).append(hit)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))[:top]
    return [
        NullVerb(
            name,
            len(found),
            tuple(sorted({h.word for h in found})),
            found[0].sentence,
            found[0].source,
            found[0].target,
            any(h.anchored for h in found),
        )
        for name, found in ranked
    ]


def null_verbs(
    paths: Iterable[str],
    top: int = 50,
    nlp: Language | None = None,
    limits: Limits | None = None,
) -> NullVerbReport:
    """Read the articles under ``paths``, code them, and rank the predicates no pattern covers."""
    from ..pipeline import build_pipeline, make_doc

    nlp = nlp or build_pipeline()
    stage = nlp.get_pipe("detente_events_v1")
    if not isinstance(stage, EventStage):
        raise TypeError("the pipeline's event stage is not an EventStage")
    errors: list[InputError] = []
    articles: list[Article] = []
    for item in read_inputs(paths, limits):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            articles.append(item)
    hits: list[Hit] = []
    sentences = 0
    for doc in nlp.pipe(make_doc(nlp, a) for a in articles):
        sentences += sum(1 for _ in doc.sents)
        hits.extend(uncovered(doc, stage))
    return NullVerbReport(count_hits(hits, top), len(articles), sentences, errors)
