"""The country an article is about counts the actors that act for a country (issue 8): a
person of one nationality serving an international body is no actor of that nationality.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

from detente import api


def test_an_igo_official_s_nationality_does_not_make_the_article_country(nlp):
    """Staffan de Mistura (Italian) as the UN's Syria envoy in 2016 is IGOUNO: "the opposition"
    in a story on Syria is Syria's, not left without a country because Italy seems to lead."""
    text = (
        "Staffan de Mistura met Syrian officials in Geneva. De Mistura said Syria must "
        "negotiate. De Mistura warned that the talks could fail. Syria rejected the proposal. "
        "De Mistura criticised the opposition."
    )
    record = api.code_text(text, published=dt.date(2016, 3, 1), nlp=nlp)
    found = {m.text: m.code for m in record.mentions}
    assert found["Staffan de Mistura"] == "IGOUNO"
    assert found["the opposition"] == "SYROPP"


def test_the_security_services_are_the_article_country_s(nlp):
    """ "the security services" in a British story are Britain's, like "the police"."""
    text = (
        "LONDON, Jan 20 - Britain will tighten its laws. British ministers met in London. "
        "The British prime minister said the security services backed the new measures."
    )
    record = api.code_text(text, published=dt.date(2005, 1, 20), nlp=nlp)
    found = {m.text: m.code for m in record.mentions}
    assert found["the security services"] == "GBRSPY"


def test_a_possessor_before_modifiers_places_the_sector_term(nlp):
    """ "Britain's most senior police officer", "the UK's public spending watchdog": the
    possessor gives the country across the words that modify the term."""
    day = dt.date(2005, 1, 20)
    text = "The Dutch budget was wasted, the UK's public spending watchdog has said."
    found = {m.text: m.code for m in api.code_text(text, published=day, nlp=nlp).mentions}
    assert found["watchdog"] == "GBRGOV"
    text = "Russia's top diplomat criticised the plan."
    found = {m.text: m.code for m in api.code_text(text, published=day, nlp=nlp).mentions}
    assert found["diplomat"] == "RUSGOV"
