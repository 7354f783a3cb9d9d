"""A legislature's organ named after "a" ("a special Senate committee"), a country that only
labels a scandal ("the Iran arms affair") and a capital that receives a transfer ("arms
shipments to Tehran")."""

from __future__ import annotations

import datetime as dt

from detente import api
from detente.model import Mention

DAY = dt.date(1987, 3, 3)
IN_WASHINGTON = "WASHINGTON, March 3 - "


def mentions(nlp, text: str) -> list[Mention]:
    return list(api.code_text(text, published=DAY, nlp=nlp).mentions)


def test_an_indefinite_senate_committee_is_the_legislature(nlp):
    text = (
        IN_WASHINGTON + "Reagan's aides met in the White House. An aide said he would tell a "
        "special Senate committee about the contra funds."
    )
    found = [m for m in mentions(nlp, text) if m.text.endswith("Senate committee")]
    assert [m.code for m in found] == ["USALEG"]


def test_a_bare_indefinite_committee_is_no_actor(nlp):
    text = IN_WASHINGTON + "Reagan said a committee would study the contra funds."
    assert not [m for m in mentions(nlp, text) if m.text.endswith("committee")]


def test_a_country_that_labels_a_scandal_is_no_actor(nlp):
    text = IN_WASHINGTON + "Senators questioned Shultz about the Iran arms affair on Tuesday."
    assert "Iran" not in [m.text for m in mentions(nlp, text)]


def test_a_capital_receiving_a_transfer_is_its_government(nlp):
    text = IN_WASHINGTON + "Reagan halted weapons deliveries to Managua last year."
    (managua,) = [m for m in mentions(nlp, text) if m.text == "Managua"]
    assert managua.code == "NICGOV"


def test_a_capital_as_a_destination_stays_a_place(nlp):
    text = IN_WASHINGTON + "Thousands of refugees fled to Managua last year."
    assert "Managua" not in [m.text for m in mentions(nlp, text)]


def test_the_press_is_the_articles_countrys_press(nlp):
    text = (
        IN_WASHINGTON + "Reagan met Shultz at the White House on Monday. Reagan later "
        "denounced press reports about his health."
    )
    (reports,) = [m for m in mentions(nlp, text) if m.text.endswith("press reports")]
    assert reports.code == "USAMED"


def test_journalists_get_no_country_from_the_article(nlp):
    text = (
        IN_WASHINGTON + "Reagan met Shultz at the White House on Monday. Reagan later "
        "denounced journalists for their questions."
    )
    (found,) = [m for m in mentions(nlp, text) if m.text.endswith("journalists")]
    assert found.code == "MED"
