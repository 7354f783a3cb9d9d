"""`detente null-verbs`: predicates between two actors that no pattern covers."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.events.nullverbs import lemma, null_verbs
from detente.pipeline import STAGES, build_pipeline

TEXT = (
    "Russia scolded NATO on Monday. Iran scolds Iraq. Russia criticized NATO.\n\n"
    "Russia and China held a parade. Germany, the largest economy, scolded France."
)


@pytest.fixture(scope="module")
def small_nlp(tmp_path_factory):
    folder = tmp_path_factory.mktemp("patterns")
    (folder / "test.txt").write_text("111  S criticize T\n", encoding="utf-8")
    nlp = build_pipeline(stages=STAGES[: STAGES.index("detente_events_v1")])
    nlp.add_pipe("detente_events_v1", config={"patterns_path": str(folder)})
    return nlp


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_finds_an_uncovered_verb_between_two_actors(article, small_nlp):
    report = null_verbs([str(article)], nlp=small_nlp)
    by_lemma = {v.lemma: v for v in report.verbs}
    assert "scold" in by_lemma
    scold = by_lemma["scold"]
    assert scold.count == 3
    assert set(scold.forms) == {"scolded", "scolds"}
    assert scold.example == "Russia scolded NATO on Monday."
    assert (scold.source, scold.target) == ("RUS", "IGOWSTNAT")
    assert not scold.anchored
    assert "criticize" not in by_lemma  # a pattern covers it
    assert report.articles == 1


def test_top_limits_the_list(article, small_nlp):
    assert len(null_verbs([str(article)], top=1, nlp=small_nlp).verbs) == 1


@pytest.mark.parametrize(("word", "expected"), [("scolded", "scold"), ("Talks", "talk")])
def test_lemma(word, expected):
    assert lemma(word) == expected


@pytest.mark.slow
def test_cli_null_verbs(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Russia frobnicated NATO. Iran frobnicated Iraq.", encoding="utf-8")
    result = CliRunner().invoke(main, ["null-verbs", str(path), "--json"])
    assert result.exit_code == 0, result.output
    [verb] = [v for v in json.loads(result.output) if v["lemma"] == "frobnicated"]
    assert verb["count"] == 2
    missing = CliRunner().invoke(main, ["null-verbs", str(tmp_path / "absent.txt")])
    assert missing.exit_code == 1
