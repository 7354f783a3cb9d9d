"""Names that hold a capital or a group: the capital is no government acting, the group no
town (issue 8)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api

DAY = dt.date(2019, 5, 14)


def codes(nlp, text: str) -> dict[str, str | None]:
    record = api.code_text(text, published=DAY, nlp=nlp)
    return {m.text: m.code for m in record.mentions}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Kenya backed the Oslo accords in a statement.", "Oslo"),
        ("Ukraine says the Minsk agreements still bind both sides.", "Minsk"),
        ("Syria will boycott the Geneva peace talks next month.", "Geneva"),
        ("Brazil quit the Paris climate agreement.", "Paris"),
        ("Critics of the Moscow format met on Friday.", "Moscow"),
        ("Poland signed the Madrid declaration.", "Madrid"),
        ("Spain remembered the victims of the Lisbon bombings.", "Lisbon"),
        ("Officers broke up the Moscow protests.", "Moscow"),
    ],
)  # fmt: skip
def test_a_capital_naming_an_accord_is_no_actor(nlp, text, absent):
    found = codes(nlp, text)
    assert not any(absent in m for m in found), found


@pytest.mark.parametrize(
    ("text", "capital", "code"),
    [
        ("Moscow deals harshly with its critics.", "Moscow", "RUSGOV"),
        ("Moscow plans talks with Kyiv.", "Moscow", "RUSGOV"),
        ("Oslo offered to host new talks.", "Oslo", "NORGOV"),
        ("Moscow attacks Kyiv with drones.", "Moscow", "RUSGOV"),
    ],
)  # fmt: skip
def test_a_capital_acting_is_still_its_government(nlp, text, capital, code):
    assert codes(nlp, text).get(capital) == code


def test_no_event_targets_the_capital_of_an_accord(nlp):
    record = api.code_text("Israel rejected the Oslo accords.", published=DAY, nlp=nlp)
    assert all(e.target_code != "NORGOV" for e in record.events)


def test_a_group_named_like_a_town_is_no_place(nlp):
    # "Hamas" is also a gazetteer town: the group's exact name is not read as a place
    text = "Israeli soldiers shot the Hamas commander's driver."
    record = api.code_text(text, published=DAY, nlp=nlp)
    assert all(p.text != "Hamas" for p in record.places)
    assert all(e.target_code != "DEU" for e in record.events)


@pytest.fixture(scope="module")
def fast():
    from detente.pipeline import build_pipeline

    return build_pipeline("")


@pytest.mark.parametrize(
    ("text", "capital", "acts"),
    [
        ("Moscow attacks Kyiv with drones.", "Moscow", True),  # untagged: no "the", it acts
        ("Kenya backed the Oslo accords in a statement.", "Oslo", False),
    ],
)  # fmt: skip
def test_untagged_the_capital_of_a_name_follows_the(fast, text, capital, acts):
    found = codes(fast, text)
    assert any(capital in m for m in found) is acts, found


def test_a_name_shared_by_a_group_and_a_town_is_a_place_after_in(nlp):
    text = "Syrian troops entered Duma on Saturday after shelling in Duma."
    record = api.code_text(text, published=DAY, nlp=nlp)
    assert [p.text for p in record.places].count("Duma") == 1
