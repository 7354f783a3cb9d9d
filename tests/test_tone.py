"""Tone: GDELT figures on a known text, per-event tone, the diplomatic corrections, the
labelled-set comparison (floors pinned at what we reach; raise them, never lower them)."""

from __future__ import annotations

import pytest

from detente.api import code_text
from detente.errors import DictionaryError
from detente.tone.evaluate import evaluate_tone
from detente.tone.scorer import ToneScorer, tone_figures

#: Floors on our labelled set (data/tone/labelled.tsv); the held-out split is the fair one.
FLOORS = {("ours", "heldout", "accuracy"): 0.70, ("ours", "all", "macro_f1"): 0.90}


@pytest.fixture(scope="module")
def scorer() -> ToneScorer:
    return ToneScorer()


def test_gdelt_figures_on_a_known_text(scorer):
    # 10 words: "good" and "peace" positive, "war" negative, "we" a self/group word.
    tone = scorer.article_tone("We hope for good peace talks after the long war.")
    assert tone.word_count == 10
    assert (tone.positive, tone.negative) == (30.0, 10.0)  # hope, good, peace; war
    assert tone.tone == pytest.approx(20.0)
    assert tone.polarity == pytest.approx(40.0)
    assert tone.self_group_density == pytest.approx(10.0)
    assert tone.activity_density == pytest.approx(10.0)  # talks


def test_negation_flips_a_word(scorer):
    assert scorer.article_tone("The talks were not good.").negative == pytest.approx(20.0)


def test_empty_text_has_zero_tone():
    assert tone_figures(0, 0, 0, 0, 0).tone == 0.0


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The ministers held constructive talks.", "positive"),
        ("The two sides had a frank exchange of views.", "negative"),
        ("The ministry expressed grave concern over the build-up.", "negative"),
        ("The talks failed to reach an agreement.", "negative"),
        ("Moscow called the deployment a provocation.", "negative"),
        ("The ministers welcomed the de-escalation.", "positive"),
        ("The ministers discussed missile defence and arms control.", "neutral"),
    ],
)
def test_diplomatic_language(scorer, sentence, label):
    assert scorer.label(sentence).label == label


def test_baseline_vader_misses_them():
    vader = ToneScorer(baseline=True)
    assert vader.label("The ministers held constructive talks.").label == "neutral"
    assert vader.label("The two sides had a frank exchange of views.").label != "negative"


def test_seed_tone_and_event_tone(nlp, seed_text):
    record = code_text(seed_text, nlp=nlp)
    assert record.tone is not None and record.tone.word_count > 300
    assert record.tone.polarity == pytest.approx(record.tone.positive + record.tone.negative)
    assert record.events and all(e.tone is not None and -1 <= e.tone <= 1 for e in record.events)


def test_ours_beats_vader_on_the_labelled_set():
    report = evaluate_tone().as_dict()["figures"]
    assert report["ours"]["all"]["n"] >= 60
    for split in ("heldout", "all"):
        assert report["ours"][split]["macro_f1"] > report["vader"][split]["macro_f1"]
    for (scorer, split, measure), floor in FLOORS.items():
        assert report[scorer][split][measure] >= floor


def test_lexicon_validation(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text("term\tvalence\tnote\nConstructive\t1.0\t\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="lower case") as info:
        ToneScorer(lexicon_path=path)
    assert info.value.line == 2


def test_eval_tone_command():
    from click.testing import CliRunner

    from detente.cli import main

    result = CliRunner().invoke(main, ["eval", "tone"])
    assert result.exit_code == 0, result.output
    assert "vader" in result.output and "ours" in result.output
