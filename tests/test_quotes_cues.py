"""Speech cues must have a speaker; spans end where the utterance ends; one utterance, one
record (issue 10, "Quotations you can cite")."""

from __future__ import annotations

import pytest

from detente.evaluate.quotes import EVAL_STAGES
from detente.model import Article, Quote
from detente.pipeline import build_pipeline, make_doc
from detente.quotes.marks import quoted_spans
from detente.quotes.tokens import paragraph_ranges


@pytest.fixture(scope="module")
def parsed():
    """The quote stage with the spaCy parse (the default pipeline)."""
    return build_pipeline(stages=EVAL_STAGES)


@pytest.fixture(scope="module")
def rules():
    """The rule-only pipeline (``--fast``): no parse, the words decide."""
    return build_pipeline(model="", stages=EVAL_STAGES)


def _quotes(nlp, text: str) -> list[Quote]:
    doc = nlp(make_doc(nlp, Article(id="t", text=text)))
    return list(doc._.quotes)


# --- cues ---------------------------------------------------------------------------------

IMPERSONAL = [
    pytest.param("It is believed that the talks will resume in May next year.", id="it-is-believed"),
    pytest.param("The minister is thought to have left the country last week.", id="is-thought"),
    pytest.param("The vote is expected to take place after the summer recess.", id="is-expected"),
    pytest.param("An estimated 500 people were killed in the fighting near the town.", id="estimated"),
    pytest.param("The alleged attack on the convoy took place near the border crossing.", id="alleged"),
    pytest.param("Let's hope that the ceasefire holds through the winter months.", id="lets-hope"),
    pytest.param("He was told that the embassy would close on Friday morning.", id="was-told"),
]


@pytest.mark.parametrize("text", IMPERSONAL)
@pytest.mark.parametrize("pipeline", ["parsed", "rules"])
def test_impersonal_and_epistemic_forms_are_not_cues(request, pipeline, text):
    nlp = request.getfixturevalue(pipeline)
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Smith believes that the talks will resume in May.", "Smith", "believes"),
        ("The minister was quoted as saying the talks would resume.", "The minister",
         "quoted as saying"),
        ("The senator is saying that the bill will pass this week.", "The senator", "saying"),
    ],
)  # fmt: skip
def test_active_cues_with_a_subject_are_cues(parsed, text, speaker, cue):
    quotes = _quotes(parsed, text)
    assert [(q.speaker_text, q.cue) for q in quotes] == [(speaker, cue)]


def test_doubled_apostrophes_are_a_quotation_mark():
    text = "''It has the virtue of being responsible,'' Burman said. ''It doesn't 'fix' it.''"
    spans = quoted_spans(text, paragraph_ranges(text))
    assert [text[s.start : s.end] for s in spans] == [
        "It has the virtue of being responsible,",
        "It doesn't 'fix' it.",
    ]


def test_doubled_apostrophes_quote_is_attributed(parsed):
    text = "''We wanted to control the real estate,'' said Michael Cernech, the city manager."
    quotes = _quotes(parsed, text)
    assert [(q.text, q.kind, q.speaker_text) for q in quotes] == [
        ("We wanted to control the real estate,", "direct", "Michael Cernech")
    ]


# --- spans ----------------------------------------------------------------------------------


def test_said_a_and_said_b_is_two_quotes_by_one_speaker(parsed):
    text = "Smith said the talks would resume in May and later said they would probably fail."
    quotes = _quotes(parsed, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("the talks would resume in May", "Smith"),
        ("they would probably fail", "Smith"),
    ]


def test_a_directive_does_not_run_on_over_a_second_cue(parsed):
    text = 'She urges her husband to get out of the car and repeatedly says, "Don\'t do it," to him.'
    quotes = _quotes(parsed, text)
    assert [(q.text, q.kind, q.speaker_text) for q in quotes] == [
        ("her husband to get out of the car", "indirect", "She"),
        ("Don't do it,", "direct", "She"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Officials told Reagan the arms sales were generating money for the rebels.",
         "the arms sales were generating money for the rebels"),
        ("The envoy warned Moscow on Tuesday that sanctions would follow the vote.",
         "sanctions would follow the vote"),
    ],
)  # fmt: skip
def test_the_hearer_is_not_part_of_the_quote(parsed, text, content):
    quotes = _quotes(parsed, text)
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker_text in ("Officials", "The envoy")
