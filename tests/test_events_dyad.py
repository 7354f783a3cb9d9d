"""Fighting the text names without its sides is the article's war (events/dyad.py), and a
contest named like a battle is none. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api

PUBLISHED = dt.date(2024, 3, 6)


def second_sentence(nlp, text: str) -> list[tuple[str | None, str, str | None]]:
    events = api.code_text(text, published=PUBLISHED, nlp=nlp).events
    return [(e.source_code, e.code, e.target_code) for e in events if e.sentence == 1]


def test_actorless_fighting_is_between_the_articles_two_sides(nlp):
    text = "Iran attacked Iraq on Monday. Heavy fighting continued near Basra on Tuesday."
    assert sorted(second_sentence(nlp, text)) == [("IRN", "190", "IRQ"), ("IRQ", "190", "IRN")]


def test_a_contest_called_a_battle_is_no_fighting(nlp):
    text = "Iran attacked Iraq on Monday. The legal battle continued in Tehran on Tuesday."
    assert second_sentence(nlp, text) == []


def test_a_counted_plural_far_from_its_countries_is_the_group_resolved_before(nlp):
    """ "the three countries" in the lead, "the trio of countries" five sentences on."""
    text = (
        "Russia, Turkey and Iran met in Geneva on Monday. "
        "The three countries agreed on a new committee for Syria. "
        "The committee will have 150 members. "
        "Its first session is planned for October. "
        "Diplomats expect long debates. "
        "The UN envoy is under heavy pressure from the trio of countries."
    )
    events = api.code_text(text, published=PUBLISHED, nlp=nlp).events
    last = {(e.source_code, e.code, e.target_code) for e in events if e.sentence == 5}
    assert last == {(c, "100", "IGOUNO") for c in ("RUS", "TUR", "IRN")}


@pytest.mark.parametrize(
    ("claim", "event"),
    [
        ("Iran said its troops had won a major victory near Basra.", ("IRNMIL", "190", "IRQ")),
        ("Tehran claimed massive victories in the offensive.", ("IRNGOV", "190", "IRQ")),
        ("Iran said its troops were in full control of the islands.", ("IRNMIL", "192", "IRQ")),
        ("Iran said its troops were consolidating their new positions.", ("IRNMIL", "192", "IRQ")),
    ],
)
def test_a_sides_victory_and_its_hold_on_ground_are_acts_against_the_other_side(nlp, claim, event):
    assert second_sentence(nlp, "Iran attacked Iraq on Monday. " + claim) == [event]


def test_a_victory_with_no_war_in_the_article_targets_no_one(nlp):
    text = "Labour held its conference on Monday. The party won a landslide victory in the poll."
    events = api.code_text(text, published=PUBLISHED, nlp=nlp).events
    assert not [e for e in events if e.root == "19" and e.default_output]


def test_two_clauses_joined_by_and_give_two_events_of_the_same_code(nlp):
    text = (
        "Iran attacked Iraq on Monday. "
        "Iran said its troops had won a victory and were continuing to advance."
    )
    assert second_sentence(nlp, text) == [("IRNMIL", "190", "IRQ"), ("IRNMIL", "190", "IRQ")]


def test_one_act_named_twice_in_one_clause_or_by_or_is_one_event(nlp):
    text = "Iran attacked Iraq on Monday. Iran said 40 Iraqi soldiers were killed or wounded."
    assert second_sentence(nlp, text).count(("IRN", "190", "IRQ")) <= 1
    refused = api.code_text("Iran refused to release the Iraqi prisoners.", nlp=nlp).events
    assert len([e for e in refused if e.code.startswith("12")]) == 1


def test_fighting_in_which_a_side_killed_is_that_sides_act_only(nlp):
    """ "Iraqis were killed in fighting near Basra": the killing names who fought whom; the
    fighting noun adds no second event each way."""
    text = "Iran attacked Iraq on Monday. Iran said 300 Iraqis were killed in fighting near Basra."
    assert second_sentence(nlp, text) == [("IRN", "190", "IRQ")]
