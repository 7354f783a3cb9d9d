"""Disapproval stated as a feeling, a failure, a problem or a question (events/stance.py,
events/evaluation.py, 11_disapprove.txt), issue 8. Sentences written for this test, coded with
the default dictionary and the parsed pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api

PUBLISHED = dt.date(2024, 3, 6)


def shown(nlp, text: str) -> list[tuple[str | None, str, str | None]]:
    events = api.code_text(text, published=PUBLISHED, nlp=nlp).events
    return [(e.source_code, e.code, e.target_code) for e in events if e.default_output]


def roots(nlp, text: str) -> set[str]:
    return {code[:2] for _, code, _ in shown(nlp, text)}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # anger at the subject of the clause that says it
        ("The Japanese government is angry that China has expanded its navy.", ("JPNGOV", "111", "CHN")),
        # a feeling in the passive, at the owner of what caused it
        (
            "The Japanese government was outraged by the remarks of the Chinese ambassador.",
            ("JPNGOV", "111", "CHNGOV"),
        ),
        ("The Japanese government was outraged by China.", ("JPNGOV", "111", "CHN")),
        # worry about an actor's act
        (
            "The Kenyan opposition is worried that the Kenyan government will rig the election.",
            ("KENOPP", "110", "KENGOV"),
        ),
        ("Japan is concerned that China is expanding its navy.", ("JPN", "110", "CHN")),
        # worry about an actor's thing, in the passive and in a participle
        ("Japan was alarmed by China's naval expansion.", ("JPN", "110", "CHN")),
        # (a participle: the frame "S be? =alarmed by ... T 's" codes it 111)
        ("Japan, alarmed by China's naval expansion, raised its defence budget.", ("JPN", "111", "CHN")),
        # other copulas, and a cause the parse hangs on the copula
        ("Japan remains angry with China.", ("JPN", "111", "CHN")),
        ("Japan seemed furious at the Chinese decision.", ("JPN", "111", "CHN")),
        # a stance against an actor or its thing
        ("Japan is strongly opposed to China.", ("JPN", "110", "CHN")),
        ("Japan is opposed to China's plan.", ("JPN", "110", "CHN")),
    ],
)  # fmt: skip
def test_a_feeling_about_an_actor_is_disapproval(nlp, text, event):
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Japanese government is not worried that China will expand its navy.",
        "Pakistan would be angry if India tested a missile.",
        # worry for people is care, not disapproval
        "Britain is worried about the Syrian refugees.",
        # the subject of a passive is no cause
        "The United States is concerned that Israel may be attacked.",
    ],
)
def test_no_disapproval_from_a_denied_hypothetical_or_caring_feeling(nlp, text):
    assert "11" not in roots(nlp, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The EU said Hungary had failed to protect judicial independence.", ("IGOEUREEC", "111", "HUN")),
        ('"Hungary has failed to protect its courts," the European Commission said.', ("IGOEUREEC", "111", "HUN")),
        ("Germany's audit office said French ministries were failing to report fraud.", ("DEU", "111", "FRAGOV")),
    ],
)  # fmt: skip
def test_another_actors_failure_is_the_speakers_criticism(nlp, text, event):
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # an armed side's failure is a report of fighting
        "Iraq said Iranian forces failed to capture the island.",
        # no speaker: the journalist's account
        "Hungary failed to protect judicial independence.",
        "The EU said Hungary had not failed to protect judicial independence.",
    ],
)
def test_no_criticism_from_a_failure_of_arms_or_without_a_speaker(nlp, text):
    assert "11" not in roots(nlp, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The French foreign minister said Iran's missile programme poses a serious threat to the region.",
            ("FRAGOV", "111", "IRN"),
        ),
        (
            "The US envoy said the Syrian opposition's stance represented a huge problem for the talks.",
            ("USAGOV", "111", "SYROPP"),
        ),
        ('"The Russian army is a danger to all of Europe," the Polish president said.', ("POLGOV", "111", "RUSMIL")),
    ],
)  # fmt: skip
def test_an_actor_or_its_act_called_a_problem_is_criticism(nlp, text, event):
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The French foreign minister said Iran's missile programme could pose a threat to the region.",
        "The French foreign minister said Iran poses no threat to France.",
        # a threat to an actor judges no one
        "The French foreign minister said climate change is a threat to Iran.",
    ],
)
def test_no_criticism_from_a_possible_or_denied_threat(nlp, text):
    assert "11" not in roots(nlp, text)


def test_questioning_why_an_actor_acted_is_disapproval(nlp):
    text = "The Greek finance minister questioned why Germany had blocked the loan."
    assert ("GRCGOV", "110", "DEU") in shown(nlp, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran's decision drew sharp criticism from the United States.", ("USA", "111", "IRN")),
        ("The move by China drew condemnation from Japan.", ("JPN", "111", "CHN")),
        ("The Hungarian law sparked outrage among EU officials.", ("IGOEUREEC", "111", "HUN")),
        (
            "The French president came under fire from the French opposition over the pension reform.",
            ("FRAOPP", "111", "FRAGOV"),
        ),
    ],
)  # fmt: skip
def test_a_reaction_an_actor_draws_is_the_reacting_actors_disapproval(nlp, text, event):
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Iran's decision could spark anger in the United States.",
        "Iran's decision did not draw criticism from the United States.",
        # fire that comes under no reaction is force, left to the frames
        "Iranian troops came under heavy fire near the border.",
    ],
)
def test_no_disapproval_from_a_possible_denied_or_armed_reaction(nlp, text):
    assert "11" not in roots(nlp, text)


def test_taking_aim_at_an_actor_is_criticism(nlp):
    assert ("GRCGOV", "111", "DEU") in shown(nlp, "The Greek finance minister took aim at Germany.")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran's missile test angered the United States.", ("USA", "111", "IRN")),
        ("The remarks by the Chinese ambassador outraged Japan.", ("JPN", "111", "CHNGOV")),
    ],
)
def test_the_one_angered_criticises_the_cause(nlp, text, event):
    assert event in shown(nlp, text)


def test_no_criticism_from_a_cause_that_did_not_anger(nlp):
    assert "11" not in roots(nlp, "Iran's missile test did not anger the United States.")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # an adjective after the copula, with an adverb between
        ("Japan has been highly critical of China's naval expansion.", ("JPN", "110", "CHN")),
        ("Germany remains wary of Russia.", ("DEU", "110", "RUS")),
        ("Japan was deeply unhappy with the Chinese decision.", ("JPN", "110", "CHN")),
    ],
)  # fmt: skip
def test_a_critical_or_wary_stance_after_a_copula_is_disapproval(nlp, text, event):
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Japan is not critical of China.",
        "Japan would be critical of China if it expanded its navy.",
    ],
)
def test_a_denied_or_conditional_stance_is_not_shown(nlp, text):
    assert "11" not in roots(nlp, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Japan remains at odds with China over the islands.", ("JPN", "110", "CHN")),
        ("The German chancellor has been dismissive of Russia's proposals.", ("DEUGOV", "110", "RUS")),
        # unwillingness to talk is a refusal of talks (125)
        ("Iran is unwilling to negotiate with the United States.", ("IRN", "125", "USA")),
        ("Iran remains reluctant to meet the American envoy.", ("IRN", "125", "USAGOV")),
    ],
)  # fmt: skip
def test_a_stance_or_unwillingness_after_a_copula_is_coded(nlp, text, event):
    assert event in shown(nlp, text)


def test_the_failure_of_an_organisations_member_states_is_the_organisations(nlp):
    text = "NATO member states have failed to meet spending targets, the US president said."
    assert ("USAGOV", "111", "IGOWSTNAT") in shown(nlp, text)
