"""Titles before people, described roles, titled unknown people, generic groups, mis-codes."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api
from detente.model import Mention


def mentions(nlp, text: str, day: dt.date | None = None) -> list[Mention]:
    return list(api.code_text(text, published=day, nlp=nlp).mentions)


def found(nlp, text: str, day: dt.date | None = None) -> dict[str, str | None]:
    return {m.text: m.code for m in mentions(nlp, text, day)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moon Jae-in and North Korean leader Kim Jong Un signed.",
            {"Moon Jae-in": "KORGOV", "North Korean leader Kim Jong Un": "PRKGOV"},
        ),
        (
            "NATO Secretary General Jens Stoltenberg said.",
            {"NATO Secretary General Jens Stoltenberg": "IGOWSTNAT"},
        ),
        ("Prime Minister David Cameron said.", {"Prime Minister David Cameron": "GBRGOV"}),
    ],
)
def test_description_and_person_are_one_actor_and_the_described_role_wins(nlp, text, expected):
    assert found(nlp, text) == expected


def test_described_role_valid_on_the_date_wins(nlp):
    got = mentions(nlp, "NATO Secretary General Jens Stoltenberg said.", dt.date(2016, 5, 1))
    assert [(m.code, m.entity_id) for m in got] == [("IGOWSTNAT", "jens-stoltenberg")]
    assert "described as 'Secretary General'" in (got[0].role_applied or "")


@pytest.mark.parametrize(
    ("text", "written", "code"),
    [
        ("Labor Minister Maurizio Sacconi said.", "Labor Minister Maurizio Sacconi", "GOVLAB"),
        (
            "Italian Labor Minister Maurizio Sacconi said.",
            "Italian Labor Minister Maurizio Sacconi",
            "ITAGOVLAB",
        ),
        (
            "Senate Majority Leader Ellen Hartwick said.",
            "Senate Majority Leader Ellen Hartwick",
            "LEG",
        ),
        (
            "U.S. Senate Majority Leader Ellen Hartwick said.",
            "U.S. Senate Majority Leader Ellen Hartwick",
            "USALEG",
        ),
        ("Governor Andrew Cuomo said.", "Governor Andrew Cuomo", "GOV"),
        ("King Abdullah said.", "King Abdullah", "GOV"),
        ("Ambassador Thomas R. Whitcombe said.", "Ambassador Thomas R. Whitcombe", "GOV"),
        (
            "West Bengal Chief Minister Mamata Banerjee said.",
            "West Bengal Chief Minister Mamata Banerjee",
            "INDGOV",
        ),
    ],
)
def test_titled_unknown_people(nlp, text, written, code):
    assert found(nlp, text) == {written: code}


@pytest.mark.parametrize(
    ("text", "person", "code"),
    [
        ("President Trump said.", "donald-trump", "USAGOV"),
        ("President Obama said.", "barack-obama", "USAGOV"),
        ("Foreign Minister Javad Zarif said.", "mohammad-javad-zarif", "IRNGOV"),
        ("Prime Minister Babiš said.", "andrej-babis", "CZEGOV"),
    ],
)
def test_title_and_known_surname_or_trailing_names(nlp, text, person, code):
    (m,) = mentions(nlp, text)
    assert (m.entity_id, m.code) == (person, code)


@pytest.mark.parametrize(
    ("text", "written", "code"),
    [
        ("Civilians fled.", "Civilians", "CVL"),
        ("Workers went on strike.", "Workers", "LAB"),
        ("The employees protested.", "The employees", "LAB"),
        ("Activists said so.", "Activists", "OPP"),
        ("Officials said so.", "Officials", "GOV"),
        ("Hackers attacked.", "Hackers", "CRM"),
        ("The insurgents attacked.", "The insurgents", "INS"),
        ("Rebels attacked.", "Rebels", "REB"),
        ("Regime troops shelled the town.", "Regime troops", "MIL"),
        ("The government said no.", "The government", "GOV"),
        ("An Istanbul court ruled.", "Istanbul court", "TURJUD"),
        ("A court in Bishkek ruled.", "court in Bishkek", "KGZJUD"),
        ("A Moscow court ruled.", "Moscow court", "RUSJUD"),
        ("Russian hackers attacked.", "Russian hackers", "RUSCRM"),
    ],
)
def test_generic_groups_get_bare_sector_codes(nlp, text, written, code):
    assert found(nlp, text) == {written: code}


def test_people_is_too_generic(nlp):
    assert found(nlp, "People fled.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Washington Post reported.", {}),  # a name, not the US government
        ("Jerusalem said no.", {}),  # a place only: contested as Israel's seat of government
        ("Then the West said no.", {"the West": "WST"}),
        ("Then Washington said no.", {"Washington": "USAGOV"}),
    ],
)
def test_miscodes(nlp, text, expected):
    assert found(nlp, text) == expected
