"""`detente explain`: actors, anchors, the patterns tried and why each event was (not) coded."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from spacy.language import Language

from detente import api
from detente.cli import main
from detente.events.cli import render_explanation
from detente.events.explain import explain
from detente.pipeline import DEFAULT_MODEL, STAGES, build_pipeline

PATTERNS = """
111  S criticize T
111  S criticize T for
042  S visit T
"""
SEED_DATE = dt.date(2012, 7, 25)


def small_pipeline(model: str, folder) -> Language:
    """A pipeline with three patterns written for the test, apart from our dictionary."""
    (folder / "test.txt").write_text(PATTERNS, encoding="utf-8")
    nlp = build_pipeline(model, stages=STAGES[: STAGES.index("detente_events_v1")])
    nlp.add_pipe("detente_events_v1", config={"patterns_path": str(folder)})
    return nlp


@pytest.fixture(scope="module")
def small_nlp(tmp_path_factory):
    """The test's patterns on the parsed pipeline (the default)."""
    return small_pipeline(DEFAULT_MODEL, tmp_path_factory.mktemp("patterns"))


@pytest.fixture(scope="module")
def small_fast(tmp_path_factory):
    """The test's patterns on the rule-only pipeline (--fast)."""
    return small_pipeline("", tmp_path_factory.mktemp("patterns"))


@pytest.fixture(scope="module")
def seed_lead(seed_text: str) -> str:
    return next(p for p in seed_text.split("\n\n") if p.startswith("MOSCOW"))


def test_seed_lead_names_antonov_and_the_pattern(seed_lead, nlp):
    explanation = explain(seed_lead, SEED_DATE, nlp=nlp)
    antonov = next(a for a in explanation.actors if "Antonov" in a.text)
    assert antonov.code == "RUSGOVMIL"
    assert antonov.entity_id == "anatoly-antonov"
    assert antonov.role_applied and "2012-07-25" in antonov.role_applied
    coded = [e for e in explanation.events if e.source_code == "RUSGOVMIL"]
    assert coded, explanation.decisions
    fired = {a.chosen for a in explanation.anchors if a.chosen}
    assert coded[0].pattern_id in fired
    assert any("CODED RUSGOVMIL" in d and coded[0].pattern_id in d for d in explanation.decisions)


@pytest.mark.parametrize(
    ("pipeline", "failure"),
    [
        ("small_nlp", "'for' is not in the predicate's clause"),
        ("small_fast", "expected 'for' after the anchor"),
    ],
)
def test_failed_patterns_say_where_they_stopped(request, pipeline, failure):
    explanation = explain("Russia criticized NATO.", nlp=request.getfixturevalue(pipeline))
    [anchor] = explanation.anchors
    outcomes = {t.pattern_id: t.outcome for t in anchor.tried}
    assert anchor.chosen == "111:S criticize T"
    assert outcomes["111:S criticize T"] == "chosen"
    assert outcomes["111:S criticize T for"] == failure
    assert [e.code for e in explanation.events] == ["111"]


def test_the_parse_and_the_clauses_are_shown(small_nlp):
    explanation = explain("Iraq said Iran did not attack Kuwait.", nlp=small_nlp)
    assert explanation.pipeline.startswith("parsed")
    assert "attack/VB/ROOT" not in explanation.parse[0]  # "said" heads the sentence
    clauses = {c.predicate: c for c in explanation.clauses}
    assert clauses["attack"].negated and clauses["attack"].status == "reported"
    assert clauses["attack"].speaker == "Iraq" and clauses["attack"].subject == "Iran"
    assert "clauses:" in render_explanation(explanation)


@pytest.mark.parametrize(
    ("pipeline", "text", "outcome", "decision"),
    [
        ("small_nlp", "Russia criticized the plan.", "no target actor in the clause", None),
        ("small_fast", "Russia criticized the plan.", "no target actor after the anchor (T)", None),
        ("small_nlp", "The plan was criticized by NATO.", "chosen", "no target actor"),
        ("small_fast", "The plan was criticized by NATO.", "passive form", None),
        ("small_nlp", "Russia visited Russia.", "chosen", "acting on itself"),
        ("small_fast", "Russia visited Russia.", "chosen", "acting on itself"),
    ],
)
def test_why_no_event(request, pipeline, text, outcome, decision):
    explanation = explain(text, nlp=request.getfixturevalue(pipeline))
    assert explanation.events == ()
    tries = [t.outcome for a in explanation.anchors for t in a.tried]
    assert any(t.startswith(outcome) for t in tries), tries
    if decision:
        assert any(decision in d for d in explanation.decisions)


def test_no_predicate_is_noted(small_nlp):
    explanation = explain("Russia frobnicated NATO.", nlp=small_nlp)
    assert explanation.anchors == ()
    assert [a.code for a in explanation.actors] == ["RUS", "IGOWSTNAT"]
    assert any("lacks this predicate" in n for n in explanation.notes)


@pytest.mark.slow
def test_cli_explain_json_matches_api(seed_lead, nlp):
    result = CliRunner().invoke(main, ["explain", seed_lead, "--date", "2012-07-25", "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    direct = api.explain(seed_lead, SEED_DATE, nlp=nlp)
    assert shown == json.loads(json.dumps(direct.as_dict()))
    assert shown["date"] == "2012-07-25"
    text = render_explanation(direct)
    assert "RUSGOVMIL" in text and f"fired: {direct.events[0].pattern_id}" in text


def test_cli_explain_rejects_a_bad_date():
    result = CliRunner().invoke(main, ["explain", "Russia criticized NATO.", "--date", "July"])
    assert result.exit_code == 2


def test_the_actor_without_a_code_is_named(small_nlp):
    """A pronoun with no antecedent is an actor mention without a code."""
    explanation = explain("He criticized NATO.", nlp=small_nlp)
    assert {a.text: a.code for a in explanation.actors}["He"] is None
    assert any("the source 'He' has no actor code" in d for d in explanation.decisions)
