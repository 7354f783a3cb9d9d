"""Choosing one reading per written name from the article's context.

Each reading scores a prior (a country 7.0, a region 6.5, an ADM1 5.5, a city the log10 of
its population, plus 0.5 for a national capital, minus 1.5 when only an alternate spelling
reached it) plus context: the article's other places in the same ADM1, mentions of the same
country (places, actor mentions, adjectives such as "Georgian"), of neighbouring countries, and
a qualifier right after the name ("Paris, Texas"). So Georgia is the country unless the article
is about Atlanta; Paris is in France unless the article names Texas or a Texan city.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .gazetteer import Candidate, GazEntry, Gazetteer
from .vocab import (
    ALTERNATE_PENALTY,
    CAPITAL_BONUS,
    COUNTRY_EVIDENCE_CAP,
    COUNTRY_EVIDENCE_WEIGHT,
    FEATURE_PRIOR,
    NEIGHBOUR_EVIDENCE_WEIGHT,
    QUALIFIER_BONUS,
    SAME_ADM1_BONUS,
    SMALL_CITY_POPULATION,
    SPECIFICITY,
)


@dataclass
class Evidence:
    """What the article says about where it is: country and ADM1 counts."""

    countries: Counter[str] = field(default_factory=Counter)
    adm1: Counter[str] = field(default_factory=Counter)

    def add_entry(self, entry: GazEntry) -> None:
        if entry.country:
            self.countries[entry.country] += 1
        if entry.adm1:
            self.adm1[entry.adm1] += 1

    def without(self, other: Evidence) -> Evidence:
        """This evidence less one name's own contribution (a name does not support itself)."""
        return Evidence(self.countries - other.countries, self.adm1 - other.adm1)

    def update(self, other: Evidence) -> None:
        self.countries.update(other.countries)
        self.adm1.update(other.adm1)

    def add_readings(self, readings: Iterable[Candidate]) -> None:
        """A name counts for a country or ADM1 only when all its readings agree on it."""
        entries = [c.entry for c in readings if c.how != "context"]
        if not entries:
            return
        countries = {e.country for e in entries}
        if len(countries) == 1 and None not in countries:
            self.countries[entries[0].country or ""] += 1
        adm1s = {e.adm1 for e in entries}
        if len(adm1s) == 1 and None not in adm1s:
            self.adm1[entries[0].adm1 or ""] += 1


def prior(candidate: Candidate) -> float:
    entry = candidate.entry
    if entry.feature == "city":
        score = math.log10(max(entry.population, 10))
    else:
        score = FEATURE_PRIOR.get(entry.feature, 5.0)
    if entry.capital:
        score += CAPITAL_BONUS
    if candidate.how == "alternate":
        score -= ALTERNATE_PENALTY
    return score


def context_score(
    candidate: Candidate, evidence: Evidence, gaz: Gazetteer, qualifier: GazEntry | None
) -> float:
    """Support from the rest of the article; the reading's own mention is not counted."""
    entry = candidate.entry
    score = 0.0
    if entry.country:
        count = evidence.countries[entry.country]
        weight = COUNTRY_EVIDENCE_WEIGHT.get(entry.feature, 0.4)
        score += weight * min(count, COUNTRY_EVIDENCE_CAP)
        near = sum(evidence.countries[n] for n in gaz.neighbours.get(entry.country, ()))
        score += NEIGHBOUR_EVIDENCE_WEIGHT * min(near, COUNTRY_EVIDENCE_CAP)
    if entry.adm1 and evidence.adm1[entry.adm1] > 0:
        score += SAME_ADM1_BONUS
    if qualifier is not None and qualifier.id != entry.id:
        same_adm1 = qualifier.feature == "adm1" and qualifier.adm1 == entry.adm1
        same_country = qualifier.feature == "country" and qualifier.country == entry.country
        if same_adm1 or same_country:
            score += QUALIFIER_BONUS
    return score


def supported(
    candidate: Candidate, evidence: Evidence, qualifier: GazEntry | None, locative: bool
) -> bool:
    """Small towns, context-only names: kept only with a reason beyond the name itself."""
    entry = candidate.entry
    if candidate.how == "context":
        return any(evidence.countries[c] for c in entry.countries)
    if entry.feature != "city" or entry.population >= SMALL_CITY_POPULATION:
        return True
    if qualifier is not None or locative:
        return True
    return bool(entry.country and evidence.countries[entry.country])


def choose(
    readings: list[Candidate],
    evidence: Evidence,
    gaz: Gazetteer,
    qualifier: GazEntry | None = None,
    locative: bool = False,
) -> Candidate | None:
    """The best-supported reading, or None when none has support enough to be a place."""
    best: tuple[float, int, Candidate] | None = None
    for candidate in readings:
        if not supported(candidate, evidence, qualifier, locative):
            continue
        score = prior(candidate) + context_score(candidate, evidence, gaz, qualifier)
        key = (round(score, 6), SPECIFICITY.get(candidate.entry.feature, 0), candidate)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None
