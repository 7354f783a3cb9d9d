"""Criticism stated as a judgement (events/evaluation.py) and obligations said of a pronoun
(events/deontic.py), issue 8. Sentences written for this test, coded with the default
dictionary and the parsed pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api

PUBLISHED = dt.date(2024, 3, 6)


def shown(nlp, text: str) -> list[tuple[str | None, str, str | None]]:
    events = api.code_text(text, published=PUBLISHED, nlp=nlp).events
    return [(e.source_code, e.code, e.target_code) for e in events if e.default_output]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a copula's predicate about an actor, in a quotation
        (
            '"The Iranian government has been completely obstructive," the British foreign '
            "secretary said.",
            ("GBRGOV", "111", "IRNGOV"),
        ),
        # a word that modifies the actor, in a reported clause
        (
            'The British opposition leader argued that peace was the only reason for having the "outdated" EU.',
            ("GBROPP", "111", "IGOEUREEC"),
        ),
        # the thing an actor owns
        (
            '"The Syrian regime\'s illegal use of weapons must end," said a statement from the '
            "Syrian opposition.",
            ("SYROPP", "111", "SYRGOV"),
        ),
        # "what X called ..."
        (
            "Iran urged Arab states to end their support for what it called the tottering "
            "Iraqi government.",
            ("IRN", "111", "IRQGOV"),
        ),
    ],
)
def test_a_condemning_word_about_an_actor_is_the_speakers_criticism(nlp, text, event):
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # the journalist's own word: no speaker
        "The outdated Iranian government fell in 1979.",
        # negated
        "The Iraqi government is not guilty, the French minister said.",
        # the speaker judging itself
        '"The British government has been reckless," the British prime minister said.',
    ],
)
def test_no_criticism_without_a_speaker_judging_another_actor(nlp, text):
    assert not [e for e in shown(nlp, text) if e[1] == "111"]


def test_an_obligation_of_a_pronoun_named_in_the_sentence_is_an_appeal(nlp):
    text = "The Kenyan parliament says Ugandan troops must leave, and Uganda says they must stay."
    assert ("KENLEG", "020", "UGAMIL") in shown(nlp, text)


def test_a_governments_must_for_its_own_forces_is_its_intent(nlp):
    """ "The president says our troops must withdraw": an intent to withdraw (035x), not an
    appeal from the government to its own army."""
    events = shown(nlp, "The Ugandan president says Ugandan troops must withdraw from Kenya.")
    assert ("UGAMIL", "0356", "KEN") in events
    assert not [e for e in events if e[1] == "020"]


def test_an_obligation_of_a_pronoun_from_an_earlier_sentence_is_no_appeal(nlp):
    """ "They should support the candidate": generic, and the resolution is a guess."""
    text = (
        "Kenyan officials met Ugandan officials in Nairobi on Monday. "
        '"They should support the peace plan," the Kenyan foreign minister said.'
    )
    assert not [e for e in shown(nlp, text) if e[1] == "020"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Kenyan opposition leader attacked the Kenyan government over the budget.",
         ("KENOPP", "111", "KENGOV")),
        ("A Ugandan opposition MP struck the Ugandan president with fresh accusations.",
         ("UGAOPPLEG", "111", "UGAGOV")),
    ],
)  # fmt: skip
def test_a_verb_of_force_between_political_speakers_is_criticism(nlp, text, event):
    """ "attacked ... over the budget": words, not force (CAMEO 111)."""
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Kenyan rebels attacked the Kenyan government.", "19"),
        ("Iraqi forces attacked Iranian positions.", "19"),
    ],
)
def test_an_armed_side_keeps_the_force_code(nlp, text, root):
    assert [e for e in shown(nlp, text) if e[1][:2] == root]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("France praised Germany for sending troops to Mali.", ("DEU", "154", "MLI")),
        ("Russia lashed out at Turkey for having shot down a Russian bomber.",
         ("TUR", "195", "RUS")),
        ("Iran was condemned by France for shelling Iraqi towns.", ("IRN", "194", "IRQ")),
    ],
)  # fmt: skip
def test_the_act_one_is_judged_for_is_the_judged_ones(nlp, text, event):
    """ "praised Germany for sending troops": Germany sent them, not France."""
    events = shown(nlp, text)
    assert event in events
    assert not [e for e in events if e[1] == event[1] and e[0] != event[0]]
