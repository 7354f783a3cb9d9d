"""People outside the dictionary introduced by a role in apposition (issue 8): the role gives
them a code, with the article's country where the role names none. Sentences written for this
test; the names are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api

DAY = dt.date(2005, 1, 20)


def codes(nlp, text: str) -> dict[str, str | None]:
    return {m.text: m.code for m in api.code_text(text, published=DAY, nlp=nlp).mentions}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # an indefinite role in apposition is that person's, placed by the article
        ("LONDON, Jan 20 - Anna Fielding, an MP, said the plan had failed.", "Anna Fielding",
         "GBRLEG"),
        # a party word before the role
        ("LONDON, Jan 20 - Tom Hartley, a Labour MP, proposed a merger.", "Tom Hartley",
         "GBRLEG"),
        ("LONDON, Jan 20 - A Labour MP, Tom Hartley, proposed a merger.", "Tom Hartley",
         "GBRLEG"),
        # lower-case words between "the" and the role
        ("LONDON, Jan 20 - Ian Marsh, the international development minister, said the "
         "plan had failed.", "Ian Marsh", "GBRGOVDEV"),
        # an honorific before the name ("Sir", "Dame") is kept with it
        ("LONDON, Jan 20 - The Metropolitan Police commissioner, Sir Ian Marsh, said the "
         "threat was real.", "Sir Ian Marsh", "GBRCOP"),
    ],
)  # fmt: skip
def test_a_role_in_apposition_codes_the_person_it_introduces(nlp, text, name, code):
    assert codes(nlp, text).get(name) == code


def test_a_surname_after_a_namesake_with_an_honorific_is_the_nearest_namesake(nlp):
    """ "Sir Ian Marsh ... Marsh added": the commissioner, not the minister named before."""
    text = (
        "LONDON, Jan 20 - Prime Minister Tony Marsh spoke on Monday. The Metropolitan Police "
        "commissioner, Sir Ian Marsh, said the threat was real. Marsh added that the police "
        "were ready."
    )
    found = [m for m in api.code_text(text, published=DAY, nlp=nlp).mentions if m.text == "Marsh"]
    assert [m.code for m in found] == ["GBRCOP"]


def test_the_surname_alone_later_is_the_same_person(nlp):
    text = (
        "LONDON, Jan 20 - Ian Marsh, the international development minister, said the plan "
        "had failed. Marsh said the rebels must be stopped."
    )
    found = [m for m in api.code_text(text, published=DAY, nlp=nlp).mentions if m.text == "Marsh"]
    assert [m.code for m in found] == ["GBRGOVDEV"]


def test_an_indefinite_role_alone_names_no_one(nlp):
    """ "an MP had left": some MP, not the article's legislature."""
    assert "MP" not in codes(nlp, "LONDON, Jan 20 - Officials said an MP had left Britain.")
