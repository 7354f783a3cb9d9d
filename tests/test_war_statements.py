"""War communiqués: a statement that speaks is its issuer's, and so is the "it" after it and
the first person of the words it is quoted as saying (actors/statements.py, quotes/stage.py);
the unit nouns of armies are military sector terms."""

from __future__ import annotations

import datetime as dt

from detente import api
from detente.model import Mention

DAY = dt.date(1986, 11, 3)


def mentions(nlp, text: str) -> list[Mention]:
    return list(api.code_text(text, published=DAY, nlp=nlp).mentions)


def found(nlp, text: str, words: str) -> list[Mention]:
    return [m for m in mentions(nlp, text) if m.text == words]


def test_a_sector_communique_is_the_dateline_states(nlp):
    text = (
        "TEHRAN, Nov 3 - A military communique said Iraqi tanks shelled the border town. "
        "It said two Iraqi brigades were routed."
    )
    (communique,) = found(nlp, text, "communique")
    assert communique.code == "IRNMIL"
    (it,) = found(nlp, text, "It")
    assert it.code == "IRNMIL"


def test_a_statement_by_a_body_and_the_statement_after_it(nlp):
    text = (
        "Radio Tehran read a statement by the Iranian High Command on the fighting. "
        "The defence ministry in Baghdad gave no figures. "
        "The statement said the offensive had ended. It said 40 Iraqi brigades had fled."
    )
    codes = [m.code for m in found(nlp, text, "statement")]
    assert codes == ["IRNMIL", "IRNMIL"]
    (it,) = found(nlp, text, "It")
    assert it.code == "IRNMIL"


def test_a_statement_with_no_issuer_codes_nothing(nlp):
    text = "The weather was cold. The statement said the talks had ended. It said no more."
    assert all(m.code is None for m in found(nlp, text, "statement") + found(nlp, text, "It"))


def test_a_speaking_it_after_a_quotation_is_the_statement_not_a_country_inside(nlp):
    text = (
        "BAGHDAD, Nov 3 - Iraq said it repelled an attack. A High Command communique gave "
        'details. "Our units are pushing on towards the river" held by the Iranians, it said.'
    )
    (it,) = found(nlp, text, "it")[-1:]
    assert it.code == "IRQMIL"
    (our,) = found(nlp, text, "Our")
    assert our.code == "IRQMIL"  # the first person of the quoted words of a partial quotation


def test_the_partial_quotations_reporter_words_are_not_the_speakers(nlp):
    text = 'Iraq\'s army said the guards were "in retreat" before our correspondent arrived.'
    assert not found(nlp, text, "our")


def test_brigades_are_military_but_a_fire_brigade_is_no_army(nlp):
    (brigades,) = found(nlp, "He said 30 Syrian brigades crossed the river.", "Syrian brigades")
    assert brigades.code == "SYRMIL"
    assert not [m for m in mentions(nlp, "The fire brigade put out the blaze.") if m.code]


# --- peoples and parties ----------------------------------------------------------------------

IN_SYRIA = "Shells fell on Afrin, Aleppo and Idlib in Syria."


def test_the_kurds_and_a_peoples_forces_are_rebels_of_the_story(nlp):
    text = f"{IN_SYRIA} Kurdish militias shelled a checkpoint. The Kurds denied it."
    assert found(nlp, text, "militias")[0].code == "SYRREB"
    assert found(nlp, text, "The Kurds")[0].code == "SYRREB"


def test_a_peoples_forces_are_not_of_the_state_they_attack(nlp):
    (forces,) = found(nlp, "Kurdish forces attacked Turkey on Monday.", "forces")
    assert forces.code is not None and not forces.code.startswith("TUR")


def test_kurdish_civilians_stay_civilians(nlp):
    (civilians,) = found(nlp, f"{IN_SYRIA} Kurdish civilians fled the town.", "civilians")
    assert civilians.code == "SYRCVL"


def test_uk_party_words(nlp):
    text = "The Tories and the Conservatives' allies attacked the plan. Lib Dem MPs agreed."
    assert found(nlp, text, "Tories")[0].entity_id == "uk-conservative-party"
    assert found(nlp, text, "Lib Dem")[0].entity_id == "liberal-democrats-uk"


def test_it_after_a_body_that_spoke_is_that_body_past_the_nouns_it_said(nlp):
    text = (
        "The National Audit Office said although the waste was shrinking, Brussels still "
        "had no plan. It also voiced concern about the auditors."
    )
    (it,) = found(nlp, text, "It")
    assert it.code == "GBRGOV"


def test_a_statement_issued_or_said_in_is_its_subjects(nlp):
    text = (
        "Norway issued a statement on Monday. The statement said the talks had failed. "
        "Sweden said in a statement that it would stay. The statement added that aid would go on."
    )
    codes = [m.code for m in found(nlp, text, "statement")]
    assert codes == ["NOR", "SWE"]  # the issued statements themselves are no actors


def test_a_released_statement_is_not_a_freed_actor(nlp):
    text = "Senator Jan Kowalczyk released the following statement after the vote."
    assert not found(nlp, text, "statement")
