"""Obligations a speaker states (events/deontic.py): an owed account is a demand for
information (101); "had to" in the speaker's own quoted words is the past, no appeal.
Sentences written for this test, coded with the default dictionary and the parsed pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api

PUBLISHED = dt.date(2005, 3, 6)


def shown(nlp, text: str) -> list[tuple[str | None, str, str | None]]:
    events = api.code_text(text, published=PUBLISHED, nlp=nlp).events
    return [(e.source_code, e.code, e.target_code) for e in events if e.default_output]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            '"The British government must give a far clearer reason for the changes," the Conservative leader Michael Howard said.',
            ("GBROPP", "101", "GBRGOV"),
        ),
        ("Iran said the United States must explain its decision.", ("IRN", "101", "USA")),
    ],
)  # fmt: skip
def test_an_owed_account_is_a_demand_for_information(nlp, text, event):
    assert event in shown(nlp, text)


def test_an_owed_act_of_another_kind_stays_an_appeal(nlp):
    assert ("IRN", "020", "USA") in shown(nlp, "Iran said the United States must withdraw.")


def test_had_to_in_the_speakers_own_words_is_no_appeal(nlp):
    text = (
        '"The British government had to publish a commentary of 500 pages last week,"'
        " the Conservative leader Michael Howard said."
    )
    assert not any(c[:2] in ("02", "10") for _, c, _ in shown(nlp, text))


def test_had_to_in_reported_speech_is_an_appeal(nlp):
    text = "The French minister said Britain had to set an example."
    assert ("FRAGOV", "020", "GBR") in shown(nlp, text)
