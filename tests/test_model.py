"""The record: JSON Lines round trip, and the checked-in JSON Schema kept in sync with the model."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest

from detente.model import (
    Article,
    CodedArticle,
    Dateline,
    Event,
    Mention,
    Place,
    Quote,
    Sentence,
    Theme,
    Tone,
    json_schema,
    read_jsonl,
    write_jsonl,
)

SCHEMA_FILE = (
    Path(__file__).resolve().parents[1] / "src" / "detente" / "schema" / "coded-article.schema.json"
)


def full_record() -> CodedArticle:
    """A record with one fact of every type, so every field is exercised."""
    article = Article(
        id="a1",
        text="MOSCOW, July 25 (Itar-Tass) - Russia criticised NATO.",
        published=dt.date(2012, 7, 25),
    )
    return CodedArticle(
        article=article,
        pipeline_version="test",
        dictionaries={"actors": "1"},
        dateline=Dateline(
            "MOSCOW, July 25 (Itar-Tass) -",
            0,
            29,
            "MOSCOW",
            "Moscow",
            "ITAR-TASS",
            7,
            25,
            2012,
            "inferred",
            candidate_years=(2007, 2012, 2018),
            narrowed_years=(2012,),
            evidence="weekday",
            date=dt.date(2012, 7, 25),
        ),
        sentences=(Sentence(0, 0, 53, 0),),
        mentions=(
            Mention("m0", 0, 30, 36, "Russia", "RUS", "RUS", (), "country"),
            Mention("m1", 0, 48, 52, "NATO", "IGOWSTNAT", None, ("IGO",), "igo"),
        ),
        events=(
            Event(
                "e0",
                0,
                37,
                47,
                "111",
                "11",
                3,
                -2.0,
                source_code="RUS",
                target_code="IGOWSTNAT",
                date=dt.date(2012, 7, 25),
                negated=False,
                confidence=0.9,
            ),
        ),
        quotes=(Quote("q0", 30, 52, "Russia criticised NATO", "indirect", speaker_text="Russia"),),
        places=(
            Place(
                "p0",
                0,
                6,
                "MOSCOW",
                "Moscow",
                "RUS",
                None,
                55.75,
                37.62,
                "city",
                "524901",
                "dateline",
            ),
        ),
        themes=(Theme("t0", "NATO", "NATO", 48, 52, "NATO"),),
        tone=Tone(-2.5, 1.0, 3.5, 4.5, 10.0, 0.0, 7),
    )


def test_jsonl_round_trip_keeps_every_field():
    record = full_record()
    stream = io.StringIO()
    assert write_jsonl([record, record], stream) == 2
    stream.seek(0)
    back = list(read_jsonl(stream))
    assert back == [record, record]
    assert isinstance(back[0].events[0].date, dt.date)
    assert back[0].mentions[1].roles == ("IGO",)


def test_unknown_field_is_an_error():
    data = full_record().to_dict()
    data["article"]["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        CodedArticle.from_dict(data)


def test_checked_in_schema_matches_the_model():
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == json_schema(), (
        "regenerate it: detente schema > src/detente/schema/coded-article.schema.json"
    )


def test_records_validate_against_the_schema():
    schema = json_schema()
    jsonschema.validate(full_record().to_dict(), schema)
    bad = full_record().to_dict()
    bad["events"][0]["goldstein"] = "minus two"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_pipeline_output_validates(nlp, seed_text):
    from detente.api import code_text

    record = code_text(seed_text, nlp=nlp)
    jsonschema.validate(json.loads(record.to_json()), json_schema())
