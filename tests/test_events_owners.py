"""Targets that own the thing a verb acts on (issue 8), and verb frames that a noun of the same
form cannot fire. Each case codes a sentence written for this test with the default dictionary
and the parsed pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api

PUBLISHED = dt.date(2024, 3, 6)


def shown(nlp, text: str) -> list[tuple[str | None, str, str | None]]:
    events = api.code_text(text, published=PUBLISHED, nlp=nlp).events
    return [(e.source_code, e.code, e.target_code) for e in events if e.default_output]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the subject of a relative clause on the object
        ("Russia rejected the names that Turkey put forward.", ("RUS", "120", "TUR")),
        ("Ankara denounced the deal that Greece signed.", ("TURGOV", "111", "GRC")),
        # the agent of a participle on the object
        ("Egypt criticised the plan drawn up by Ethiopia.", ("EGY", "111", "ETH")),
        # a frame that names its object noun takes the owner the same way
        ("Britain rejected the proposal that Iran made.", ("GBR", "120", "IRN")),
    ],
)
def test_a_judgement_of_a_thing_is_towards_its_owner(nlp, text, event):
    assert event in shown(nlp, text)


def test_the_sources_own_thing_names_no_target(nlp):
    assert not [e for e in shown(nlp, "Egypt rejected its own earlier plan.") if e[2]]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Polish opposition tabled a motion opposing the new bill.", ("POLOPP", "110", "POLGOV")),
        ("The Danish parliament approved the measures on Tuesday.", ("DNKLEG", "051", "DNKGOV")),
        ("The German opposition criticised the reform plans.", ("DEUOPP", "111", "DEUGOV")),
        ("The German opposition said the plans were illegal.", ("DEUOPP", "111", "DEUGOV")),
    ],
)  # fmt: skip
def test_an_unowned_bill_is_the_governments(nlp, text, event):
    """Opposition, parliament and courts act on the bill their government put forward."""
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Polish government rejected the plans.",  # its own plans
        "The Polish government said the plans were illegal.",  # its own plans, judged
        "The Polish opposition rejected a plan.",  # some plan, not a known one
        "The Polish opposition criticised the plans drawn up by Hungary.",  # Hungary's
    ],
)
def test_a_policy_with_an_owner_or_none_known_is_not_the_governments(nlp, text):
    assert not [e for e in shown(nlp, text) if e[2] and e[2].endswith("GOV")]


def test_the_owner_of_what_is_discussed_is_no_target(nlp):
    """Talks are between their parties, whoever owns their topic."""
    events = shown(nlp, "Russia and China discussed Iran's nuclear programme.")
    assert ("RUS", "040", "CHN") in events
    assert not [e for e in events if e[2] == "IRN"]


@pytest.mark.parametrize(
    "text",
    [
        "France condemned the killing of Iranian protesters.",
        "Germany welcomed the release of Turkish prisoners.",
    ],
)
def test_a_verb_frame_is_not_fired_by_a_noun_of_the_same_form(nlp, text):
    """ "the killing" heads no clause: the condemner did not kill, the welcomer did not free."""
    assert not [e for e in shown(nlp, text) if e[1][:2] in ("18", "19", "20", "08")]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "CAIRO, May 4 - The Japanese foreign minister, here on a three-day official visit, "
            "met Egyptian business leaders on Tuesday.",
            ("JPNGOV", "042", "EGY"),
        ),
        (
            "NAIROBI, June 2 - The summit was also attended by visiting Ugandan President "
            "Yoweri Museveni.",
            ("UGAGOV", "042", "KEN"),
        ),
    ],
)
def test_a_visit_stated_in_a_word_is_to_the_dateline_country(nlp, text, event):
    """ "here on a visit" and "visiting President X" in a story filed from a capital."""
    assert event in shown(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # the visited place after "visiting", not a visitor
        "NAIROBI, June 2 - Officials visiting Uganda met the press on Monday.",
        # a president at home is no visitor
        "KAMPALA, June 2 - The summit was attended by visiting Ugandan President Yoweri Museveni.",
        # no visit noun after "here"
        "CAIRO, May 4 - The Japanese foreign minister, here since Monday, met Egyptian officials.",
    ],
)
def test_no_visit_without_a_visitor_from_elsewhere(nlp, text):
    assert not [e for e in shown(nlp, text) if e[1] == "042"]


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        ("A Syrian refugee came to Europe through Greece.", False),
        ("Syrian refugees arrived in Greece on Monday.", False),
        ("The Syrian foreign minister arrived in Greece on Monday.", True),
        ("The UN refugee agency's envoy visited a camp in northern Iraq.", True),
    ],
)
def test_a_refugees_journey_is_no_visit(nlp, text, visit):
    assert bool([e for e in shown(nlp, text) if e[1] == "042"]) is visit


def test_conjoined_country_adjectives_each_name_a_target(nlp):
    """ "disappointment with Russian and Iranian support": with both countries."""
    events = shown(
        nlp, "The French president expressed his disappointment with Russian and Iranian support."
    )
    assert {e[2] for e in events if e[1] == "110"} == {"RUS", "IRN"}
