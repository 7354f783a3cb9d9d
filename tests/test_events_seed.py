"""The canonical input (issue 4, point 8): the seed's events with our own dictionaries."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.api import code_text


@pytest.fixture(scope="module")
def record(seed_text):
    return code_text(seed_text)


def test_antonov_appeals_to_nato_to_settle_the_problems(record):
    appeals = [e for e in record.events if e.root in ("02", "03") and e.target_code == "IGOWSTNAT"]
    assert appeals, [(e.source_code, e.code, e.target_code) for e in record.events]
    assert {e.source_code for e in appeals} == {"RUSGOVMIL"}
    assert {e.source_entity for e in appeals} == {"anatoly-antonov"}


def test_antonov_criticises_nato(record):
    criticism = [e for e in record.events if e.code == "111"]
    assert [(e.source_code, e.target_code) for e in criticism] == [("RUSGOVMIL", "IGOWSTNAT")]


def test_no_conflict_event_is_invented(record):
    """ "the use of military force", cited as a complaint, is not a use of force."""
    assert not [e for e in record.events if e.quad_class == 4]


def test_events_are_dated_from_the_narrowed_dateline(record):
    assert record.events
    assert {e.date for e in record.events} == {dt.date(2012, 7, 25)}


def test_russia_and_nato_are_not_coded_against_each_other(record):
    """Antonov speaks for Russia: "Russia and NATO must find solutions" is his appeal to NATO."""
    assert not [e for e in record.events if e.source_code == "IGOWSTNAT"]


def test_every_event_points_at_its_predicate(record):
    text = record.article.text
    for event in record.events:
        assert text[event.start : event.end].strip()
        assert event.pattern_id and ":" in event.pattern_id
        assert (
            record.sentences[event.sentence].start
            <= event.start
            < record.sentences[event.sentence].end
        )
