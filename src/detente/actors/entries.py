"""The typed records of the actor dictionary and the small parsers they share (dates, codes)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"^(?:[A-Z]{3})+$")


def parse_date(text: str, end: bool = False) -> dt.date:
    """``"2011"``, ``"2011-02"`` or ``"2011-02-18"``: the first day of the period, or its last."""
    match = _DATE.match(text.strip())
    if match is None:
        raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    if match.group(3):
        return dt.date(year, month, int(match.group(3)))
    day = calendar.monthrange(year, month)[1] if end else 1
    return dt.date(year, month, day)


def code_segments(code: str) -> tuple[str, ...] | None:
    """Split a composite code into its 3-letter segments; None when it is not one."""
    if not _CODE.match(code):
        return None
    return tuple(code[i : i + 3] for i in range(0, len(code), 3))


@dataclass(frozen=True)
class Period:
    """A validity period; a missing end means "still holds"."""

    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def years(self, last_year: int) -> range:
        """The calendar years the period touches (open ends stop at ``last_year``)."""
        first = self.start.year if self.start else 1900
        last = self.end.year if self.end else last_year
        return range(first, last + 1)

    def describe(self) -> str:
        start = self.start.isoformat() if self.start else "?"
        end = self.end.isoformat() if self.end else "now"
        return f"{start} to {end}"


@dataclass(frozen=True)
class Country:
    code: str
    iso3: str | None
    name: str
    kind: str  # country | territory | historical | region
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: str | None
    metonyms: tuple[str, ...]
    period: Period
    wikidata: str | None
    file: str
    line: int


@dataclass(frozen=True)
class Organisation:
    id: str
    code: str
    name: str
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]
    kind: str  # igo | ngo | body
    parent: str | None
    period: Period
    wikidata: str | None
    file: str
    line: int


@dataclass(frozen=True)
class DatedAlias:
    alias: str
    period: Period


@dataclass(frozen=True)
class Group:
    id: str
    code: str
    name: str
    aliases: tuple[str, ...]
    dated_aliases: tuple[DatedAlias, ...]
    kind: str  # armed | party | movement
    country: str | None
    wikidata: str | None
    file: str
    line: int
    #: Short names that name the group only where its full name is in the same article ("the
    #: SDF" after "the Syrian Democratic Forces"; Japan's forces are the SDF too).
    context_aliases: tuple[str, ...] = ()
    #: A party that alternates in and out of power: its dated GOV/OPP codes ("Conservative
    #: Party (UK)" GBRGOV 2010-2024, GBROPP 1997-2010), read like a person's roles.
    roles: tuple[Role, ...] = ()

    def role_on(self, day: dt.date | None) -> Role | None:
        """The dated code held on ``day``; the latest begun without a day (as for people)."""
        return role_on_day(self.roles, day)


def role_on_day(roles: tuple[Role, ...], day: dt.date | None) -> Role | None:
    """The role held on ``day`` (the latest begun if several); the latest role without a day."""
    if not roles:
        return None
    ordered = sorted(roles, key=lambda r: r.period.start or dt.date.min)
    if day is None:
        return ordered[-1]
    holding = [r for r in ordered if r.period.holds(day)]
    return holding[-1] if holding else None


@dataclass(frozen=True)
class SectorTerm:
    term: str
    codes: tuple[str, ...]
    plural: str | None
    note: str
    file: str
    line: int


@dataclass(frozen=True)
class Role:
    title: str
    code: str
    period: Period
    start_text: str
    end_text: str | None
    file: str
    line: int

    def describe(self) -> str:
        return f"{self.title} ({self.start_text} to {self.end_text or 'now'})"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    wikidata: str | None
    roles: tuple[Role, ...]
    file: str
    line: int
    #: "m" or "f" where known: a pronoun never resolves to a person of the other gender.
    gender: str | None = None

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on ``day`` (the latest begun if several); the latest role without a day."""
        return role_on_day(self.roles, day)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]
