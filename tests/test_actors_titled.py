"""Roles written in lower case before a name, and roles of a named body (issue 8,
``actors/titled.py``). Sentences written for this test; the names are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api

DAY = dt.date(2005, 1, 20)


def mentions(nlp, text: str):
    return api.code_text(text, published=DAY, nlp=nlp).mentions


def code_of(nlp, text: str, name: str) -> str | None:
    """The code of the mention whose text ends with ``name``."""
    found = [m for m in mentions(nlp, text) if m.text.endswith(name)]
    return found[0].code if found else None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an organisation, a lower-case role, a name: the person is the organisation's
        ("UN envoy Marta Oleksy criticised the plan.", "IGOUNO"),
        ("NATO spokesman Marta Oleksy criticised the plan.", "IGOWSTNAT"),
        # lower-case words before the role noun, which need not be a sector term
        ("EU foreign policy chief Marta Oleksy criticised the plan.", "IGOEUREEC"),
        # a possessive organisation
        ("Amnesty International's chief Marta Oleksy criticised the plan.", "NGOHRIAMN"),
        # a country adjective and a lower-case role
        ("Russian envoy Marta Oleksy criticised the plan.", "RUSGOV"),
        ("Syrian opposition leader Marta Oleksy criticised the plan.", "SYROPP"),
    ],
)  # fmt: skip
def test_a_lower_case_role_before_a_name_codes_the_person(nlp, text, code):
    assert code_of(nlp, text, "Marta Oleksy") == code


def test_the_surname_later_takes_the_role_of_the_lower_case_title(nlp):
    text = "Russian envoy Marta Oleksy met officials. Oleksy said the talks had failed."
    assert [m.code for m in mentions(nlp, text) if m.text == "Oleksy"] == ["RUSGOV"]


def test_a_lower_case_role_needs_a_name_of_two_words(nlp):
    """ "the envoy Monday": one capitalised word after a lower-case role is no person."""
    found = mentions(nlp, "Russian envoy Brandt criticised the plan.")
    assert not any(m.kind == "person" for m in found)


def test_a_body_role_without_a_name_speaks_for_the_body(nlp):
    """ "Amnesty International's chief has said": the body's head, coded as the body; "she"
    after it is that person."""
    text = (
        "Amnesty International's chief has said that the detentions were illegal. "
        "She accused the United States of torture."
    )
    found = {m.text: m.code for m in mentions(nlp, text)}
    assert found["chief"] == "NGOHRIAMN"  # the body stays a mention of its own
    assert found["Amnesty International"] == "NGOHRIAMN"
    assert found["She"] == "NGOHRIAMN"


def test_a_body_role_modifying_a_noun_is_no_person(nlp):
    """ "the UN's chief negotiator" is a role with its own noun; "NATO's chief concern" none."""
    found = mentions(nlp, "NATO's chief concern is the border.")
    assert [m.text for m in found] == ["NATO"]


@pytest.mark.parametrize(
    "text",
    [
        "The UN special envoy for Syria, Marta Oleksy, criticised Iraq.",
        "UN special envoy for Syria Marta Oleksy criticised Iraq.",
    ],
)
def test_envoy_for_a_country_names_the_mandate_not_the_nationality(nlp, text):
    """ "the UN envoy for Syria" serves the UN: neither the person nor the role is Syria's, and
    one event follows, not a second one from Syria."""
    result = api.code_text(text, published=DAY, nlp=nlp)
    people = [m for m in result.mentions if "Oleksy" in m.text]
    assert all(m.code == "IGOUNO" for m in people)
    sources = {e.source_code for e in result.events if e.default_output}
    assert sources == {"IGOUNO"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a relative clause on what the person leads
        ("Marta Oleksy, who heads the UN refugee agency, criticised the plan.", "IGOUNOREFHCR"),
        ("Marta Oleksy, who commands the Iraqi army, criticised the plan.", "IRQMIL"),
        # a role noun whose "of" phrase names a body as a modifier
        ("Marta Oleksy, head of the UN mission, criticised the plan.", "IGOUNO"),
    ],
)  # fmt: skip
def test_what_a_person_leads_gives_their_code(nlp, text, code):
    assert code_of(nlp, text, "Marta Oleksy") == code


@pytest.mark.parametrize(
    "text",
    [
        "Marta Oleksy, who runs a bakery in Paris, criticised the plan.",
        "Marta Oleksy, who led the UN mission, criticised the plan.",  # perhaps no longer
    ],
)
def test_leading_no_body_or_formerly_gives_no_code(nlp, text):
    assert code_of(nlp, text, "Marta Oleksy") is None


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # lower-cased wire copy: a country adjective before a sector term is the nationality
        ("the minister met cuban foreign ministry officials on monday.",
         "cuban foreign ministry officials", "CUBGOV"),
        ("french troops attacked the rebels.", "french troops", "FRAMIL"),
    ],
)  # fmt: skip
def test_a_lower_case_country_adjective_before_a_sector_term(nlp, text, phrase, code):
    assert {m.text: m.code for m in mentions(nlp, text)}.get(phrase) == code


def test_a_lower_case_compass_adjective_is_a_direction(nlp):
    """ "western forces" in lower case may be forces in the west of a country."""
    found = mentions(nlp, "western forces advanced on the town.")
    assert not any(m.code and m.code.startswith("WST") for m in found)


def test_a_short_name_of_a_named_body_introduces_its_role_too(nlp):
    """ "The Amnesty secretary-general" after "Amnesty International": the body's person (a
    sector term of several tokens); the short name alone, with the body never named, is not."""
    text = (
        "Amnesty International criticised the plan. The Amnesty secretary-general said the "
        "camps were illegal. She accused the United States of torture."
    )
    found = {m.text: m.code for m in mentions(nlp, text)}
    assert found["secretary-general"] == "NGOHRIAMN"
    assert found["She"] == "NGOHRIAMN"
    alone = mentions(nlp, "The Amnesty secretary-general said the camps were illegal.")
    assert not any(m.code == "NGOHRIAMN" for m in alone)


def test_a_lower_case_body_term_before_a_name_introduces_no_person(nlp):
    """ "news agency Deutsche Presse Agentur": a body named, not a person."""
    found = mentions(nlp, "The German news agency Deutsche Presse Agentur reported the raid.")
    assert not any(m.kind == "person" for m in found)


def test_the_office_is_not_its_shadow(nlp):
    """ "The foreign secretary" after "Shadow foreign secretary X" is someone else."""
    text = (
        "Shadow foreign secretary Marta Oleksy criticised the plan. "
        "The foreign secretary said the plan would work."
    )
    found = [m for m in mentions(nlp, text) if m.text == "The foreign secretary"]
    assert found and all(m.antecedent is None for m in found)


def test_a_description_placed_in_a_body_gives_the_named_person_its_code(nlp):
    """ "A spokesman for the European Commission said ... spokesman Jan Kowalczyk said": the
    body's spokesman, not the article's government."""
    text = (
        "LONDON, Jan 20 - Britain wants a rebate. A spokesman for the European Commission "
        'criticised the British plan. "It will not work," spokesman Marta Oleksy said.'
    )
    found = {m.text: m.code for m in mentions(nlp, text)}
    assert found["spokesman Marta Oleksy"] == "IGOEUREEC"
