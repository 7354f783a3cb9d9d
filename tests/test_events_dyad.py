"""Fighting the text names without its sides is the article's war (events/dyad.py), and a
contest named like a battle is none. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

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
