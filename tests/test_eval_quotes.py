"""`detente eval quotes` on PolNeAR dev: floors pinned at what the quote stage reaches.

Floors only go up (raise them when the stage improves; lowering one needs a reason in the
commit). The folder lives in ../shared and the test is skipped without it.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.evaluate.quotes import evaluate

#: Figures on the 84 dev articles (direct = content in double quotation marks, the New York
#: Times archive's doubled apostrophes included since issue 10, which raised direct gold 624 ->
#: 710; predictions are direct by the same marks since its fourth part). The fourth part
#: traded all-attribution precision (0.855 -> 0.840) for recall and F1 (0.669 -> 0.701): the
#: acceptance is about F1.
FLOORS = {
    ("direct", "precision"): 0.905,
    ("direct", "recall"): 0.865,
    ("direct", "f1"): 0.885,
    ("all", "precision"): 0.84,
    ("all", "recall"): 0.601,
    ("all", "f1"): 0.701,
    ("speaker", "accuracy"): 0.92,
    ("speaker", "pronoun_accuracy"): 0.96,
}


@pytest.fixture(scope="module")
def report(shared_data):
    folder = shared_data / "polnear_dev"
    if not folder.exists():
        pytest.skip(f"{folder} not found")
    return evaluate(folder, split="dev").as_dict()


@pytest.mark.slow
@pytest.mark.parametrize(("part", "figure"), sorted(FLOORS))
def test_floor(report, part, figure):
    assert report[part][figure] >= FLOORS[(part, figure)], report[part]


@pytest.mark.slow
def test_counts_are_consistent(report):
    assert report["articles"] == 84
    for part in ("direct", "all"):
        assert report[part]["matched"] <= min(report[part]["gold"], report[part]["predicted"])
    speaker = report["speaker"]
    assert speaker["pronoun_judged"] <= speaker["judged"] <= report["all"]["matched"]


def test_cli_eval_quotes_json(shared_data):
    folder = shared_data / "polnear_dev"
    if not folder.exists():
        pytest.skip(f"{folder} not found")
    result = CliRunner().invoke(
        main, ["eval", "quotes", str(folder), "--split", "train", "--limit", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["split"] == "train" and figures["articles"] == 3
    assert set(figures) == {"split", "articles", "direct", "all", "speaker"}


def test_errors_list_misses_and_false_alarms_per_article(shared_data):
    """`--errors` (issue 10): every unmatched item, gold or predicted, with its article."""
    folder = shared_data / "polnear_dev"
    if not folder.exists():
        pytest.skip(f"{folder} not found")
    result = CliRunner().invoke(
        main, ["eval", "quotes", str(folder), "--limit", "2", "--errors", "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    errors = figures["errors"]
    for part in ("direct", "all"):
        tally = figures[part]
        misses = [e for e in errors if e["part"] == part and e["error"] == "miss"]
        false = [e for e in errors if e["part"] == part and e["error"] == "false"]
        assert len(misses) == tally["gold"] - tally["matched"]
        assert len(false) == tally["predicted"] - tally["matched"]
    assert all(0 <= e["overlap"] < 0.5 and e["text"] for e in errors)
    text = CliRunner().invoke(main, ["eval", "quotes", str(folder), "--limit", "2", "--errors"])
    assert text.exit_code == 0, text.output
    for e in errors[:3]:
        assert f"{e['article']}:" in text.output


def test_errors_render_one_block_per_article():
    from detente.evaluate.quotes import QuoteError, QuoteReport, render_report

    report = QuoteReport(split="dev")
    report.errors = [
        QuoteError("a1", "all", "miss", 10, 20, "the pier\nwill close", "the mayor", "", 0.3),
        QuoteError("a1", "direct", "false", 0, 5, "“Go.”", "he", "said", 0.0),
    ]
    lines = render_report(report, show_errors=True).splitlines()
    at = lines.index("a1:")
    assert lines[at + 1] == "  direct FALSE he [said]: “Go.”"
    assert lines[at + 2] == "  all    MISS  ~0.30 the mayor: the pier will close"
    assert "a1:" not in render_report(report)


@pytest.mark.parametrize(
    ("content", "marked"),
    [
        ("''We will not close the pier,''", True),  # the archive's doubled apostrophes
        ("The Harbour Plan Is ‘a Disgrace’", False),  # single marks: not PolNeAR's direct set
        ("the harbour board’s plan for the ’90s", False),
    ],
)
def test_direct_gold_is_double_quoted_content(content, marked):
    """The data README's direct set (content_has_quote_marks: double quotes), plus the New York
    Times archive's doubled apostrophes, which stand for double quotes there."""
    from detente.evaluate.quotes import _has_marks

    attribution = {"content": {"text": content}, "content_has_quote_marks": False}
    assert _has_marks(attribution) is marked


@pytest.mark.parametrize(
    ("text", "start", "end", "direct"),
    [
        ("He said: “We will stay.”", 10, 23, True),
        ("He said: ''We will stay.''", 11, 24, True),
        ("Mayor Was ‘Mocking’ the Board", 11, 18, False),
    ],
)
def test_a_prediction_is_direct_by_the_golds_marks(text, start, end, direct):
    """Both sides of the direct figure are chosen by the same marks: double ones."""
    from detente.evaluate.quotes import group_quotes
    from detente.model import Quote

    quote = Quote("q", start, end, text[start:end], "direct", "he", 0, 2)
    (predicted,) = group_quotes([quote], len(text), text)
    assert predicted.quoted is direct


def test_a_relative_pronoun_source_is_its_antecedent():
    """PolNeAR marks "who" as the source of "Ruiz, who opposed the plan": "Ruiz" is right."""
    from detente.evaluate.quotes import GoldAttribution, speaker_correct
    from detente.model import Quote

    text = "Ana Ruiz, who opposed the plan, left."
    gold = GoldAttribution("g", ((14, 30),), ((10, 13),), "who", False)
    right = Quote("q", 14, 30, "opposed the plan", "indirect", "Ana Ruiz", 0, 8)
    wrong = Quote("q", 14, 30, "opposed the plan", "indirect", "the plan", 22, 30)
    assert text[10:13] == "who"
    assert speaker_correct(right, gold)
    assert not speaker_correct(wrong, gold)
