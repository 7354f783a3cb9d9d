"""A surname two people named in full share resolves to the one the article names most;
"the organisation" refers to the body just named."""

from __future__ import annotations

import datetime as dt

from detente import api
from detente.model import Mention

DAY = dt.date(2019, 3, 10)


def mentions(nlp, text: str) -> list[Mention]:
    return list(api.code_text(text, published=DAY, nlp=nlp).mentions)


def test_a_shared_surname_is_the_person_named_most(nlp):
    text = (
        "LONDON - Tariq Hussain, a British student held in Syria, wants to come home. Friends "
        "of Tariq Hussain say he is ill. His uncle, Imran Hussain, wrote to ministers. The "
        "Home Office said Hussain had lost his passport."
    )
    bare = [m for m in mentions(nlp, text) if m.text == "Hussain"][-1]
    assert bare.entity_id == "unknown:tariq-hussain"
    assert "named most" in (bare.resolution or "")


def test_named_once_each_the_coded_one_wins(nlp):
    text = (
        "LONDON - Tariq Hussain, a British student, wrote a book. His uncle, Imran Hussain, "
        "wrote to ministers. Hussain said the letter was ignored."
    )
    bare = [m for m in mentions(nlp, text) if m.text == "Hussain"][-1]
    assert bare.entity_id == "unknown:tariq-hussain"


def test_the_organisation_is_the_body_just_named(nlp):
    text = (
        "A spokeswoman for the World Health Organization said the organisation had sent "
        "vaccines to the region."
    )
    found = mentions(nlp, text)
    (who,) = [m for m in found if m.text == "World Health Organization"]
    (anaphor,) = [m for m in found if m.text == "organisation"]
    assert (anaphor.entity_id, anaphor.code) == (who.entity_id, who.code)


def test_the_organisation_of_something_is_no_actor(nlp):
    text = "Amnesty International said the organisation of the vote was poor."
    assert "organisation" not in [m.text for m in mentions(nlp, text)]
