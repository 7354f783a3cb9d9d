"""Quotes coded from the 100 real news articles of ../shared/data/news_dev (no gold): what an
audit checks first (issue 10). Counts on the branch that added this test: 1,248 records, 213
nested inside another and 3 from an excluded cue before; none of either after.

- no record lies inside another (one utterance, one record);
- every quote's text is a verbatim substring of the article, at its offsets;
- no cue is an impersonal or epistemic form ("it is believed", "is expected", "an estimated",
  "the alleged", "let's hope"): these have no speaker;
- no speaker is a time phrase ("the year", "last week").
"""

from __future__ import annotations

import json
import re

import pytest

from detente.evaluate.quotes import EVAL_STAGES
from detente.model import Article, Quote
from detente.pipeline import build_pipeline, code_docs

#: Forms of "be" that make a following participle passive.
BE = r"(?:is|are|was|were|be|been|being|'s|'re|’s|’re)"
#: What the audit found quotes triggered by, read on the text before and at the cue. Written
#: apart from the stage's own rules so that the test checks them.
EXCLUDED_CUES = (
    re.compile(
        rf"\b{BE}\s+(?:widely\s+|generally\s+|also\s+|now\s+)?"
        r"(?:thought|believed|expected|estimated|alleged|said|reported|considered|feared|"
        r"hoped|understood|known|told)$"
    ),
    re.compile(r"\blet(?:'s|’s| us)\s+hope$"),
    re.compile(r"\b(?:an|the|a|his|her|its|their)\s+(?:estimated|alleged)$"),
)
#: How far back from a cue the excluded forms are read (characters).
CUE_CONTEXT = 40
#: Speakers that are time phrases.
TIME_SPEAKER = re.compile(r"(?i)^(?:the |this |last |next )?(?:year|month|week|day|night)\b")


@pytest.fixture(scope="module")
def coded(shared_data) -> list[tuple[str, str, tuple[Quote, ...]]]:
    path = shared_data / "news_dev" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    nlp = build_pipeline(stages=EVAL_STAGES)
    docs = code_docs(nlp, (Article(id=a["id"], text=a["text"]) for a in articles))
    return [(r.id, r.article.text, r.quotes) for r in docs]


@pytest.mark.slow
def test_news_dev_has_quotes(coded):
    assert len(coded) == 100
    assert sum(len(quotes) for _, _, quotes in coded) > 500


@pytest.mark.slow
def test_no_quote_record_inside_another(coded):
    nested = [
        (article, q.text)
        for article, _, quotes in coded
        for q in quotes
        if any(o is not q and o.start <= q.start and q.end <= o.end for o in quotes)
    ]
    assert nested == []


@pytest.mark.slow
def test_every_quote_is_verbatim(coded):
    wrong = [
        (article, q.id)
        for article, text, quotes in coded
        for q in quotes
        if not q.text or text[q.start : q.end] != q.text
    ]
    assert wrong == []


@pytest.mark.slow
def test_no_cue_from_the_excluded_forms(coded):
    found = []
    for article, text, quotes in coded:
        for q in quotes:
            if q.cue_start is None or q.cue_end is None:
                continue
            before = text[max(0, q.cue_start - CUE_CONTEXT) : q.cue_end].lower()
            if any(pattern.search(before) for pattern in EXCLUDED_CUES):
                found.append((article, before))
    assert found == []


@pytest.mark.slow
def test_no_speaker_is_a_time_phrase(coded):
    found = [
        (article, q.speaker_text)
        for article, _, quotes in coded
        for q in quotes
        if q.speaker_text and TIME_SPEAKER.match(q.speaker_text)
    ]
    assert found == []
