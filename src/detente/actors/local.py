"""People of the place the story happens in: civilians, residents, villagers, workers and their
unions named with no country ("Islamic State closed Raqqa to civilians", "union leaders of the
miners", "exiling nearly all its residents").

CAMEO codes them with a country (SYRCVL, BOLLAB), and news names the country once, in the
dateline or in the places the article is about, not beside every "civilians". A civilian or
labour sector noun that nothing else gives a country (``context.place_in_context`` tries its
phrase, an apposition, the reporting clause and a repeated description first) takes the country
the article's places are in when one clearly leads, else the dateline's when that is also
the country the article is about (a WASHINGTON story on Iraq's war says "civilians" of no
American; ``context.article_country``). A place in the noun's own phrase comes first
("Basra residents", "the inhabitants of Kano"). Migrants and refugees
are not local by definition (they come from elsewhere: "refugees" in an article on Germany are
rarely German), and neither are armed forces, officials or a person: they keep their bare code.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .recognize import Draft

#: Sectors of people who live and work where the story happens.
LOCAL_SECTORS = frozenset({"CVL", "LAB"})
#: Civilian words for people who came from elsewhere: never given the place's country.
NOT_LOCAL_WORDS = frozenset({"migrant", "migrants"})


def local_country(
    doc: Doc,
    draft: Draft,
    places_country: Callable[[], tuple[str, str] | None],
    home: str | None,
    place_country: Callable[[str], str | None] | None = None,
) -> tuple[str, str] | None:
    """The country of a civilian or labour sector noun with no other (module docstring):
    ``places_country`` gives the article's leading place country and why, if any;
    ``home`` the dateline's country when the article is about it; ``place_country`` a place
    name's country, for a place in the noun's own phrase."""
    if draft.kind != "sector" or not draft.roles or not set(draft.roles) <= LOCAL_SECTORS:
        return None
    if doc[draft.end - 1].lower_ in NOT_LOCAL_WORDS:
        return None
    named = _named_place(doc, draft, place_country) if place_country is not None else None
    if named is not None:
        return named
    found = places_country()
    if found is not None:
        return found[0], f"local people: {found[1]}"
    if home:
        return home, "local people: inferred: the dateline's country, the article's"
    return None


def _named_place(
    doc: Doc, draft: Draft, place_country: Callable[[str], str | None]
) -> tuple[str, str] | None:
    """A place in the noun's own phrase: "Ghouta residents", "Afrin locals", "the miners of
    Potosi" (a place name before the noun, or after "of")."""
    head = doc[draft.end - 1]
    names = [
        [t for t in c.subtree if t.pos_ == "PROPN"]
        for c in head.children
        if c.dep_ in ("compound", "nmod") and c.i < draft.start and c.pos_ == "PROPN"
    ]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            names += [[t for t in o.subtree if t.pos_ == "PROPN"] for o in prep.children
                      if o.dep_ == "pobj" and o.pos_ == "PROPN"]  # fmt: skip
    for words in names:
        name = " ".join(t.text for t in words)
        country = place_country(name) if name else None
        if country:
            return country, f"local people: of {name!r}"
    return None
