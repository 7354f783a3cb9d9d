"""UK parties that alternate in power carry dated GOV/OPP codes (groups.yaml ``roles``), and a
"shadow" title in an undated article codes its holder from the words, not the latest role."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from detente import api
from detente.actors.dictionary import load_dictionary
from detente.model import Mention


def mentions(nlp, text: str, day: dt.date | None) -> list[Mention]:
    return list(api.code_text(text, published=day, nlp=nlp).mentions)


def coded(nlp, text: str, words: str, day: dt.date | None) -> str | None:
    found = [m for m in mentions(nlp, text, day) if m.text == words]
    assert found, [m.text for m in mentions(nlp, text, day)]
    return found[0].code


@pytest.mark.parametrize(
    ("day", "words", "code"),
    [
        (dt.date(1987, 6, 1), "Labour Party", "GBROPP"),
        (dt.date(2005, 2, 1), "Labour Party", "GBRGOV"),
        (dt.date(2005, 2, 1), "Liberal Democrats", "GBROPP"),
        (dt.date(2012, 2, 1), "Liberal Democrats", "GBRGOV"),
        (dt.date(2012, 2, 1), "Tories", "GBRGOV"),
        (dt.date(2005, 2, 1), "Tories", "GBROPP"),
        (None, "Liberal Democrats", "GBROPP"),  # no date: the latest period, as for people
    ],
)  # fmt: skip
def test_a_uk_party_is_in_government_or_opposition_on_the_day(nlp, day, words, code):
    text = (
        "The Labour Party, the Tories and the Liberal Democrats all voted against the "
        "fishing bill on Tuesday."
    )
    assert coded(nlp, text, words, day) == code


def test_a_party_without_dated_codes_keeps_its_code(nlp):
    text = "The Scottish National Party attacked the fishing bill on Tuesday."
    assert coded(nlp, text, "Scottish National Party", dt.date(2005, 2, 1)) == "GBR"


def test_party_periods_do_not_overlap():
    groups = load_dictionary().groups
    for ident in ("uk-labour-party", "uk-conservative-party", "liberal-democrats-uk"):
        periods = sorted(
            (r.period for r in groups[ident].roles), key=lambda p: p.start or dt.date.min
        )
        assert periods, ident
        for a, b in itertools.pairwise(periods):
            assert a.end is not None and b.start is not None and a.end <= b.start, ident


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the dictionary has the shadow role
        ("Shadow home secretary David Davis said the prison plan would fail.", "David Davis"),
        # it has none (his latest role is International Trade Secretary): the words decide
        ("Shadow defence secretary Liam Fox said the barracks plan would fail.", "Liam Fox"),
    ],
)  # fmt: skip
def test_a_shadow_title_in_an_undated_article_is_the_opposition(nlp, text, name):
    (person,) = [m for m in mentions(nlp, text, None) if m.text.endswith(name)]
    assert person.code == "GBROPP"
    assert "described as" in (person.role_applied or "")


def test_a_dated_article_keeps_the_role_held_on_the_day(nlp):
    text = "Defence secretary Liam Fox said the barracks plan would work."
    (fox,) = [m for m in mentions(nlp, text, dt.date(2011, 3, 1)) if m.text.endswith("Liam Fox")]
    assert fox.code == "GBRGOVMIL"


def test_the_two_opposition_parties_are_the_articles_opposition(nlp):
    text = (
        "Tony Blair defended the school plans in the Commons on Monday. The two opposition "
        "parties condemned the Home Office. Opposition MPs attacked Charles Clarke."
    )
    found = [m for m in mentions(nlp, text, None) if m.text.endswith("opposition parties")]
    assert [m.code for m in found] == ["GBROPP"]
