"""The tone stage: the article's GDELT tone figures and each event's sentence tone.

Event.tone is the corrected VADER compound score, in [-1, 1], of the sentence the event was
coded from (the article's tone is in GDELT's percentage units; the two scales differ on purpose:
one sentence has too few words for percentages to mean much).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from .scorer import ToneScorer, cached_scorer


class ToneStage:
    """Scores tone; the scorer (and its lexicon) is built once when the stage is made."""

    name = "detente_tone_v1"
    dictionaries: tuple[str, ...] = ("tone",)

    def __init__(self, lexicon_path: str = "", rewrites_path: str = "") -> None:
        self.scorer: ToneScorer = cached_scorer(lexicon_path, rewrites_path)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        text = article.text if article is not None else doc.text
        doc._.tone = self.scorer.article_tone(text)
        events = tuple(doc._.events)
        if events:
            sentences = [s for s in doc.sents if any(not t.is_space for t in s)]
            scores: dict[int, float] = {}
            out = []
            for event in events:
                index = event.sentence
                if index not in scores and 0 <= index < len(sentences):
                    scores[index] = round(self.scorer.compound(sentences[index].text), 4)
                out.append(dataclasses.replace(event, tone=scores.get(index)))
            doc._.events = tuple(out)
        return doc
