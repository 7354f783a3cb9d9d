"""Stances on a government's policy named without its owner, adverse court rulings, aid held
back on terms, and wanting a disclosure (events/stance.py, events/stage.py, 10_demand.txt).
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
        # a reaction an unowned policy draws
        ("The reforms have faced fierce opposition from British trade unions.", ("GBRLAB", "110", "GBRGOV")),
        ("The plans have met with strong resistance from campaigners in Scotland.", ("GBROPP", "110", "GBRGOV")),
        # a feeling, a warning, a question, a complaint, a concern about it
        ("The British opposition is angry about the new plans.", ("GBROPP", "111", "GBRGOV")),
        ("British charities are worried that the reforms will hurt the poor.", ("GBRNGO", "110", "GBRGOV")),
        # the policy as an object in the clause that says what angers
        (
            "The British opposition is angry that it will have only one day to debate the new bill.",
            ("GBROPP", "111", "GBRGOV"),
        ),
        ("British campaigners warned that the plans would destroy the regiments.", ("GBROPP", "111", "GBRGOV")),
        ("The British opposition questioned whether the new bill would work.", ("GBROPP", "110", "GBRGOV")),
        ("British trade unions complained that the reforms were rushed.", ("GBRLAB", "111", "GBRGOV")),
        ("The British opposition expressed serious concerns about the proposals.", ("GBROPP", "110", "GBRGOV")),
        # a vote or a motion against it is rejection
        ("British MPs voted against the bill.", ("GBRLEG", "120", "GBRGOV")),
        ("The British opposition tabled a motion opposing the new bill.", ("GBROPP", "120", "GBRGOV")),
        # judged in the passive, by its agent
        ("The plans were criticised by British campaigners.", ("GBROPP", "111", "GBRGOV")),
        ("The new bill was rejected by the House of Lords.", ("GBRLEG", "120", "GBRGOV")),
    ],
)  # fmt: skip
def test_a_stance_on_an_unowned_policy_is_against_the_government(nlp, text, event):
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The British opposition did not vote against the bill.",
        "The British opposition would be angry about the plans.",
        # the government's own stance on its plans; a thing that is no policy
        "The British government warned that the plans would fail.",
        "The British opposition is worried about the weather.",
        "The plan was rejected by the British government.",
        # a reaction that may be force
        "The plan came under fire from British campaigners.",
    ],
)
def test_no_stance_on_a_policy_when_denied_own_or_no_policy(nlp, text):
    assert not any(t == "GBRGOV" and c[:2] in ("11", "12") for _, c, t in shown(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The law lords ruled in December that detaining foreign suspects without trial breached human rights laws.",
        "Suspects are held under powers which the Law Lords have ruled against.",
        "The British High Court ruled that the detention of the suspects was unlawful.",
    ],
)
def test_an_adverse_ruling_is_against_the_government(nlp, text):
    assert ("GBRJUD", "116", "GBRGOV") in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The British High Court ruled that the detention was lawful.",
        "The British High Court ruled out a new hearing.",
        "The British High Court may rule against the powers.",
    ],
)
def test_no_finding_from_a_favourable_possible_or_ruled_out_ruling(nlp, text):
    assert not any(c == "116" for _, c, _ in shown(nlp, text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The European Union said it would not give aid to Sudan unless the government held free elections.",
            ("IGOEUREEC", "1311", "SDN"),
        ),
        (
            "The United States said it would not send humanitarian aid to Syria until the fighting stopped.",
            ("USA", "1311", "SYR"),
        ),
    ],
)  # fmt: skip
def test_aid_held_back_on_terms_is_a_threat(nlp, text, event):
    assert event in shown(nlp, text)


def test_aid_refused_without_terms_stays_a_refusal(nlp):
    codes = {c for _, c, _ in shown(nlp, "The European Union said it would not give aid to Sudan.")}
    assert "1311" not in codes and any(c.startswith("12") for c in codes)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran seeks the disclosure of the IAEA report.", ("IRN", "101", "IGOUNOIAE")),
        (
            "Britain's Conservatives want the publication of the report written by the Foreign Office.",
            ("GBR", "101", "GBRGOV"),
        ),
    ],
)  # fmt: skip
def test_wanting_the_disclosure_of_an_actors_paper_is_a_demand(nlp, text, event):
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The Iranian foreign minister said Iran's nuclear programme was not up for discussion with the United States.",
            ("IRNGOV", "125", "USA"),
        ),
        (
            "Britain's EU rebate is not up for renegotiation at the European Council summit, the British foreign secretary said.",
            ("GBRGOV", "125", "IGOEUREEC"),
        ),
    ],
)  # fmt: skip
def test_a_thing_said_to_be_closed_to_talks_is_a_refusal_to_negotiate(nlp, text, event):
    assert event in shown(nlp, text)


def test_a_thing_open_to_talks_is_no_refusal(nlp):
    text = (
        "The Iranian foreign minister said the deal was open to negotiation with the United States."
    )
    assert not any(c == "125" for _, c, _ in shown(nlp, text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Hamas vowed to avenge the raid by Israel.", ("PSEHMS", "130", "ISR")),
        ("Iran swore revenge on the United States.", ("IRN", "130", "USA")),
    ],
)
def test_revenge_vowed_on_an_actor_or_its_act_is_a_threat(nlp, text, event):
    assert event in shown(nlp, text)
