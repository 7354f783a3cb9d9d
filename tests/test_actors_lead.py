"""A lead's nameless role and the name a sentence later (issue 8, ``actors/lead.py``); a body
that ends like a person's noun; how far a pronoun looks ahead. Sentences written for this test;
the names are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api
from detente.actors.codes import is_person_term

DAY = dt.date(2005, 1, 20)


def mentions(nlp, text: str):
    return api.code_text(text, published=DAY, nlp=nlp).mentions


def test_the_name_after_a_lead_role_is_that_role_s_person(nlp):
    text = (
        "Governments have ignored torture for too long, Amnesty International's chief has said. "
        "Speaking in Geneva, Marta Oleksy said prisoners had been abused. "
        "Ms Oleksy accused the United States of hiding the camps. She said more must be done."
    )
    found = {(m.text, m.code) for m in mentions(nlp, text)}
    assert ("Marta Oleksy", "NGOHRIAMN") in found
    assert ("Oleksy", "NGOHRIAMN") in found
    assert ("She", "NGOHRIAMN") in found


def test_a_lead_that_names_its_person_gives_no_role_to_a_later_name(nlp):
    """The lead names its speaker: the name two sentences on is someone else."""
    text = (
        "Russian envoy Jan Kowalczyk has criticised the plan. "
        "Marta Oleksy said the talks would go on."
    )
    found = {m.text: m.code for m in mentions(nlp, text)}
    assert "Marta Oleksy" not in found


@pytest.mark.parametrize(
    ("term", "person"),
    [
        ("newspaper", False),
        ("broadcaster", False),
        ("ministry of the interior", False),
        ("minister of the interior", True),
        ("chancellor of the exchequer", True),
        ("spokesman", True),
    ],
)
def test_a_body_ending_like_a_person_noun_is_no_person(term, person):
    assert is_person_term(term) is person


def test_a_pronoun_looks_ahead_only_to_the_next_sentences(nlp):
    """ "they allowed me" with no actor before it is not a country named far later (past the
    headline and sub-headings, which may look further: the seed's "he stressed")."""
    text = (
        "The camp was cold. The guards were silent. Water was short. Nights were long. "
        "I waited for weeks. They allowed me to speak to my wife. The food was poor. "
        "The days were long. Nobody came. Later Bangladesh said it had no record of him."
    )
    found = [m for m in mentions(nlp, text) if m.text == "They"]
    assert all(m.code is None for m in found)
