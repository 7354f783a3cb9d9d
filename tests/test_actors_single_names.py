"""Single names: a surname written alone ("Putin said"), when our dictionary allows one reading."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api
from detente.actors.dictionary import default_dictionary
from detente.actors.single import derived_names
from detente.model import Mention


def mentions(nlp, text: str, day: dt.date) -> list[Mention]:
    return list(api.code_text(text, published=day, nlp=nlp).mentions)


@pytest.mark.parametrize(
    ("text", "day", "written", "entity", "code"),
    [
        (
            "Putin said the talks would continue.",
            dt.date(2015, 3, 1),
            "Putin",
            "vladimir-putin",
            "RUSGOV",
        ),
        (
            "Obama visited Berlin on Tuesday.",
            dt.date(2013, 6, 18),
            "Obama",
            "barack-obama",
            "USAGOV",
        ),
        (
            "Erdogan criticised the decision.",
            dt.date(2017, 4, 1),
            "Erdogan",
            "recep-tayyip-erdogan",
            "TURGOV",
        ),
        (
            "Erdoğan criticised the decision.",
            dt.date(2017, 4, 1),
            "Erdoğan",
            "recep-tayyip-erdogan",
            "TURGOV",
        ),
        (
            "Merkel and Hollande met in Paris.",
            dt.date(2014, 5, 1),
            "Hollande",
            "francois-hollande",
            "FRAGOV",
        ),
        (
            "Xi told reporters the plan was sound.",
            dt.date(2016, 5, 1),
            "Xi",
            "xi-jinping",
            "CHNGOV",
        ),
        (
            "Assad said the war would end.",
            dt.date(2017, 4, 1),
            "Assad",
            "bashar-al-assad",
            "SYRGOV",
        ),
        (
            "Lavrov met officials in Geneva.",
            dt.date(2014, 1, 10),
            "Lavrov",
            "sergei-lavrov",
            "RUSGOV",
        ),
        # two Clintons; only Hillary holds a role in 2010
        ("Clinton arrived in Kabul.", dt.date(2010, 7, 20), "Clinton", "hillary-clinton", "USAGOV"),
        # Jacob Zuma (President) is a head of state; Dlamini-Zuma chairs the AU Commission
        ("Zuma said no.", dt.date(2012, 11, 1), "Zuma", "jacob-zuma", "ZAFGOV"),
        (
            "President Putin arrived.",
            dt.date(2015, 3, 1),
            "President Putin",
            "vladimir-putin",
            "RUSGOV",
        ),
    ],
)
def test_single_name_is_the_person(nlp, text, day, written, entity, code):
    (mention,) = [m for m in mentions(nlp, text, day) if m.text == written]
    assert (mention.entity_id, mention.code, mention.kind) == (entity, code, "person")
    assert "alone" in (mention.role_applied or "")


@pytest.mark.parametrize(
    ("text", "day", "written"),
    [
        # Sergei Ivanov (defence) and Igor Ivanov (foreign affairs) were both ministers in 2003
        ("Ivanov said the talks would continue.", dt.date(2003, 5, 1), "Ivanov"),
        # António Guterres (UN) and Francisco Guterres (Timor-Leste) both led in 2019
        ("Guterres said the talks would continue.", dt.date(2019, 1, 1), "Guterres"),
        ("May said Britain would leave.", dt.date(2017, 3, 1), "May"),  # an English word
        ("Rice prices rose.", dt.date(2006, 3, 1), "Rice"),
        ("Lagos said no.", dt.date(2006, 3, 1), "Lagos"),  # a place
        ("putin said so.", dt.date(2015, 3, 1), "putin"),  # not written as a name
        ("Officials said Hiroshi Abe left.", dt.date(2015, 3, 1), "Abe"),  # another full name
    ],
)
def test_single_name_not_coded(nlp, text, day, written):
    assert not [m for m in mentions(nlp, text, day) if m.text == written]


def test_ambiguous_surname_after_full_mention_resolves_to_it(nlp):
    text = "Sergei Ivanov met officials. Ivanov said the talks were useful."
    found = mentions(nlp, text, dt.date(2003, 5, 1))
    (full,) = [m for m in found if m.text == "Sergei Ivanov"]
    (alone,) = [m for m in found if m.text == "Ivanov"]
    assert (alone.entity_id, alone.antecedent) == ("sergei-ivanov", full.id)
    assert "surname" in (alone.resolution or "")


def test_full_mention_in_the_article_wins_over_the_dictionary(nlp):
    """'Abe' alone is Shinzo Abe, but after 'Ambassador Hiroshi Abe' it is him."""
    text = "Japanese Ambassador Hiroshi Abe met officials. Abe said the talks were useful."
    found = mentions(nlp, text, dt.date(2015, 3, 1))
    (alone,) = [m for m in found if m.text == "Abe"]
    assert alone.entity_id == "unknown:hiroshi-abe" and alone.antecedent is not None
    (shinzo,) = mentions(nlp, "Abe said the talks were useful.", dt.date(2015, 3, 1))
    assert shinzo.entity_id == "shinzo-abe"


def test_ascii_surname_after_diacritic_full_name(nlp):
    text = "Recep Tayyip Erdoğan spoke. Later Erdogan said no."
    found = mentions(nlp, text, dt.date(2017, 4, 1))
    (alone,) = [m for m in found if m.text == "Erdogan"]
    assert alone.entity_id == "recep-tayyip-erdogan" and alone.antecedent == found[0].id


@pytest.mark.parametrize(
    ("person", "names"),
    [
        ("xi-jinping", {"Xi"}),  # family name first
        ("bashar-al-assad", {"Assad", "Asad"}),  # "al-Assad" is written "al - Assad"
        ("mohammed-bin-salman", set()),  # "Salman" is his father's name
        ("recep-tayyip-erdogan", {"Erdoğan", "Erdogan"}),
    ],
)
def test_derived_names(person, names):
    assert derived_names(default_dictionary().people[person]) == names


@pytest.mark.parametrize(
    ("day", "coded"),
    [
        (dt.date(2005, 5, 1), True),  # Avelino Cruz, the Philippine defence secretary, in office
        (dt.date(2016, 5, 1), False),  # ten years on, "Cruz" is anyone
    ],
)
def test_a_former_ministers_surname_alone_names_him_only_while_in_office(nlp, day, coded):
    found = [m for m in mentions(nlp, "Cruz said the army would act.", day) if m.text == "Cruz"]
    assert bool(found and found[0].entity_id == "avelino-cruz") is coded


def test_a_former_heads_surname_alone_still_names_him(nlp):
    found = mentions(nlp, "Musharraf said Pakistan would act.", dt.date(2012, 5, 1))
    assert [m.entity_id for m in found if m.text == "Musharraf"] == ["pervez-musharraf"]
