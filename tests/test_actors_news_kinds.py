"""Actors that real news events need: local people take the country of the story's places
(actors/local.py), a country before a title-cased act noun still acts, EU bodies (issue 8)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api
from detente.model import Mention

DAY = dt.date(2016, 5, 10)
#: Three places in Syria and none elsewhere: the story's country is clear.
IN_SYRIA = "Fighting spread from Aleppo to Hama on Monday, and shells fell on Idlib."


def mentions(nlp, text: str, day: dt.date | None = DAY) -> list[Mention]:
    return list(api.code_text(text, published=day, nlp=nlp).mentions)


def written(nlp, text: str, words: str) -> Mention:
    (mention,) = [m for m in mentions(nlp, text) if m.text == words]
    return mention


# --- local people: civilians, residents, workers ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (f"{IN_SYRIA} The militia shelled civilians near the port.", "civilians", "SYRCVL"),
        (f"{IN_SYRIA} Gunmen robbed residents of the old town.", "residents", "SYRCVL"),
        (f"{IN_SYRIA} Dock workers walked out over unpaid wages.", "Dock workers", None),
        ("QUITO, May 10 (Reuters) - Union leaders met the labour minister on Tuesday.",
         "Union leaders", "ECULAB"),
    ],
)  # fmt: skip
def test_local_people_take_the_country_of_the_story(nlp, text, words, code):
    found = [m for m in mentions(nlp, text) if m.text.endswith(words.split()[-1])]
    assert found, [m.text for m in mentions(nlp, text)]
    mention = found[0]
    if code is None:  # whatever the phrase, a labour noun here is Syria's
        assert mention.code is not None and mention.code.startswith("SYR")
    else:
        assert mention.code == code
    assert "local people" in (mention.role_applied or "")


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # no place and no dateline: nothing to go on
        ("The militia shelled civilians near the port.", "civilians", "CVL"),
        # a dateline abroad: the article is about Iraq, not the United States
        (
            "WASHINGTON, May 10 (Reuters) - Iraq said Iran shelled Iraq's border posts. Iraq "
            "protested to Iran. Shelling wounded civilians near the border.",
            "civilians",
            "CVL",
        ),
        # migrants come from elsewhere
        (f"{IN_SYRIA} Smugglers abandoned migrants on the beach.", "migrants", "CVL"),
        # a country in the phrase wins over the story's
        (f"{IN_SYRIA} The militia detained Somali civilians.", "Somali civilians", "SOMCVL"),
    ],
)
def test_local_people_keep_what_they_have_or_nothing(nlp, text, words, code):
    mention = written(nlp, text, words)
    assert mention.code == code
    assert "local people" not in (mention.role_applied or "")


def test_refugees_and_forces_are_not_local(nlp):
    text = f"{IN_SYRIA} Soldiers escorted refugees to the border."
    found = {m.text: m for m in mentions(nlp, text)}
    assert "local people" not in (found["refugees"].role_applied or "")
    assert "local people" not in (found["Soldiers"].role_applied or "")


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a place in the people's own phrase wins over the story's places
        (f"{IN_SYRIA} Many Basra residents fled.", "residents", "IRQCVL"),
        (f"{IN_SYRIA} The inhabitants of Kano protested.", "The inhabitants", "NGACVL"),
        ("Strikers blocked roads. The miners of Potosi marched on Monday.", "The miners", "BOLLAB"),
        (f"{IN_SYRIA} The gunmen robbed locals at the checkpoint.", "locals", "SYRCVL"),
    ],
)  # fmt: skip
def test_local_people_of_a_named_place(nlp, text, words, code):
    assert written(nlp, text, words).code == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Hezbollah snipers fired on the road.", "snipers", "LBNHEZ"),
        ("Snipers fired on the road.", "Snipers", "UAF"),
        ("Jihadis seized the town.", "Jihadis", "UAFRAD"),
    ],
)
def test_armed_men_named_by_what_they_do(nlp, text, words, code):
    mention = written(nlp, text, words)
    assert mention.code is not None and mention.code.startswith(code)


def test_campaigners_are_the_opposition_of_the_articles_country(nlp):
    text = (
        "Britain plans to merge the regiments. Britain's army chiefs backed it. The plan "
        "pleased Britain's allies. The plans faced opposition from campaigners."
    )
    assert written(nlp, text, "campaigners").code == "GBROPP"


# --- a country before a title-cased act noun ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Oil prices rose after the U.S. Attack on an Iranian platform.", "U.S."),
        ("Tehran vowed to answer U.S. Attacks on its oil rigs.", "U.S."),
        ("Moscow rejected the U.K. Plan for the island.", "U.K."),
        ("Iran warned that U.S. Warships in the Gulf would be attacked.", "U.S. Warships"),
        ("The move angered U.K. Diplomats in Cairo.", "U.K. Diplomats"),
    ],
)
def test_a_country_before_a_capitalised_act_noun_acts(nlp, text, words):
    """Wire copy capitalises words after an abbreviation: "U.S. Attack" is no proper name."""
    found = [m for m in mentions(nlp, text) if m.text == words]
    assert found and (found[0].code or "")[:3] in ("USA", "GBR")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Chad Wolf met the governors on Monday.", "Chad"),
        ("Jordan Bardella attacked the plan.", "Jordan"),
    ],
)
def test_a_country_before_a_capitalised_name_is_still_a_name_part(nlp, text, words):
    assert words not in {m.text for m in mentions(nlp, text)}


# --- EU bodies -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The European Anti-Fraud Office opened an inquiry into the grants.",
         "European Anti-Fraud Office"),
        ("OLAF asked Rome for the files.", "OLAF"),
        ("The European Court of Auditors criticised the farm payments.",
         "European Court of Auditors"),
        ("The European Ombudsman rebuked the Commission.", "European Ombudsman"),
    ],
)  # fmt: skip
def test_eu_bodies_are_the_eu(nlp, text, words):
    assert written(nlp, text, words).code == "IGOEUREEC"
