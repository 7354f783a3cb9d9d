"""Wire datelines ("MOSCOW, July 25 (Itar-Tass) -"): the place, agency and date a story is filed under.

A dateline opens a paragraph near the head of the body (after at most a headline and a
sub-heading): a place in upper or title case, an optional country/state qualifier, an optional
date, an optional agency tag in parentheses or slashes, then a dash or colon and the body.
Title-case places must carry a date or a known agency, so ordinary sentences ("However, July 25
was ...") and headlines ("Deputy Minister: Russia and NATO ...") are not read as datelines.

The year is resolved by the first rule that applies:

1. a year written in the dateline ("Brussels, 25 July 2012 (AFP) -"): year_source ``text``;
2. the article's published date; a month/day more than ROLLOVER_DAYS after it belongs to the
   year before (a 31 December story published on 2 January): year_source ``metadata``;
3. a weekday named in the lead paragraph ("on Wednesday"): wire copy is dated on
   the day the weekday names, so every year in [MIN_YEAR, today] in which the month/day fell on
   that weekday is a candidate; the latest is chosen and later stages narrow the candidates with
   `narrow_year` (dated actor roles): year_source ``inferred``;
4. otherwise no year: year_source ``none``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import data_path, read_tsv
from ..errors import DictionaryError
from ..model import Dateline

MIN_YEAR = 1990  # the earliest news archives we expect to code
HEAD_CHARS = 600  # a dateline follows at most a headline and a sub-heading
MAX_PARAGRAPHS = 6  # non-blank paragraphs tried: kicker, headline, sub-heading, byline, ...
MAX_WORD_CHARS = 30  # "CHRISTCHURCH", "WINSTON-SALEM"; bounds the work on runs of letters
MAX_PLACE_WORDS = 5  # "RIO DE JANEIRO", "HO CHI MINH CITY"; longer runs are headlines
BODY_PEEK_CHARS = 80  # how much of the body after the dash shows it is sentence case
LEAD_CHARS = 1000  # a lead is a sentence or two; texts without paragraph breaks stop here
BARE_LEAD_CHARS = 400  # a bare "KYIV —" must open a lead sentence that ends within this span
ROLLOVER_DAYS = 7  # copy filed across time zones runs a day or two ahead of its metadata
AGENCY_KINDS = frozenset({"agency", "paper", "broadcaster"})

#: Capitalised words that open lines shaped like datelines but are never places.
# fmt: off
NOT_PLACE_WORDS = frozenset({
    "a", "about", "after", "also", "an", "analysis", "and", "are", "as", "at", "be", "because",
    "breaking", "bulletin", "but", "by", "comment", "correction", "corrected", "dear", "editor",
    "editors", "editorial", "exclusive", "factbox", "flash", "for", "from", "he", "her", "here",
    "his", "however", "i", "if", "in", "interview", "is", "it", "its", "latest", "live",
    "meanwhile", "more", "mr", "mrs", "ms", "dr", "my", "no", "not", "note", "now", "of", "on",
    "opinion", "or", "our", "photo", "photos", "picture", "please", "q", "read", "refile",
    "related", "review", "said", "says", "she", "so", "source", "sources", "summary", "that",
    "the", "their", "there", "these", "they", "this", "those", "to", "today", "tomorrow",
    "transcript", "update", "updated", "urgent", "video", "warning", "was", "watch", "we", "were",
    "what", "when", "where", "which", "who", "why", "with", "yesterday", "you", "your", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
})
# fmt: on

#: Words before a weekday that make it some other day than the dateline's.
# fmt: off
WEEKDAY_OTHER_DAY = frozenset({
    "last", "next", "previous", "coming", "following", "every", "each", "this", "super", "black",
    "good", "ash", "holy", "maundy", "palm", "easter", "whit", "shrove", "bloody", "cyber",
})
# fmt: on

MONTHS: Mapping[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("", *(dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = _alternation(MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_WORD = rf"[A-ZÀ-Þ][\w'’.\-]{{0,{MAX_WORD_CHARS - 1}}}"
_PARTICLE = r"(?:de|da|del|do|dos|das|di|du|la|le|el|al|am|upon|sur)"
_PLACE = rf"{_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_WORD}){{0,{MAX_PLACE_WORDS - 1}}}"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?i:(?:(?:{_WEEKDAY}),?[ ]+)?"
    rf"(?:(?P<mon1>{_MONTH})\.?[ ]+(?P<day1>\d{{1,2}}){_ORD}"
    rf"|(?P<day2>\d{{1,2}}){_ORD}[ ]+(?P<mon2>{_MONTH})\.?)"
    rf"(?:,?[ ]+(?P<year>(?:19|20)\d\d))?)\b"
)
_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_PLACE})"
    rf"(?:,[ ]+(?!(?i:{_MONTH}|{_WEEKDAY})\b)(?P<qual>{_PLACE}))?"
    rf"(?:,?[ ]+{_DATE})?"
    rf"(?:[ ]*(?:\((?P<agp>[^()\n]{{1,40}})\)|/(?P<ags>[^/\n]{{1,40}})/))?"
    rf"(?P<dash>[ ]+-(?!-)|(?<=[)/])-(?!-)|[ ]*(?:--|[–—])|:)(?=\s|$)"
)
_WEEKDAY_MENTION = re.compile(
    rf"\b(?:(?:late|early|earlier|later)[ ]+)?(?:on[ ]+)?(?P<wd>{_WEEKDAY})(?:['’]s)?\b"
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
_AGENCY_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
_KEY_DROP = re.compile(r"\.")
_KEY_SPACE = re.compile(r"[\s\-]+")


def _key(name: str) -> str:
    """Agency lookup key: case, dots, hyphens and spacing vary between wires."""
    return _KEY_SPACE.sub(" ", _KEY_DROP.sub("", name.casefold())).strip()


@dataclass(frozen=True, slots=True)
class Agencies:
    """Agency tags by lookup key, loaded from ``agencies.tsv`` (or a user's own table)."""

    canonical: Mapping[str, str]
    kinds: Mapping[str, str]
    #: Canonical name -> the outlet's home country, where it has one (not the global wires).
    countries: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def country(self, name: str | None) -> str | None:
        """The home country of the outlet ``name`` (a tag, alias or canonical name)."""
        canonical = self.lookup(name) if name else None
        return self.countries.get(canonical) if canonical else None

    def lookup(self, tag: str) -> str | None:
        """The canonical name for a dateline tag such as "Itar-Tass" or "AP/Reuters"."""
        found = self.canonical.get(_key(tag))
        if found is not None:
            return found
        for part in _AGENCY_SPLIT.split(tag):
            found = self.canonical.get(_key(part))
            if found is not None:
                return found
        return None


def load_agencies(path: Path | None = None) -> Agencies:
    """Read and validate an agencies table; errors name ``file:line``."""
    path = path or data_path("agencies.tsv")
    canonical: dict[str, str] = {}
    kinds: dict[str, str] = {}
    countries: dict[str, str] = {}
    for line, row in read_tsv(path):
        name, kind = row.get("canonical", "").strip(), row.get("kind", "").strip()
        if not name:
            raise DictionaryError(str(path), line, "empty canonical name")
        if kind not in AGENCY_KINDS:
            raise DictionaryError(
                str(path), line, f"kind {kind!r} is not one of {sorted(AGENCY_KINDS)}"
            )
        kinds[name] = kind
        country = (row.get("country") or "").strip()
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise DictionaryError(str(path), line, f"country {country!r} is not an ISO3 code")
        if country:
            countries[name] = country
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        for alias in (name, *aliases):
            key = _key(alias)
            if canonical.get(key, name) != name:
                raise DictionaryError(str(path), line, f"{alias!r} already names {canonical[key]}")
            canonical[key] = name
    return Agencies(canonical=canonical, kinds=kinds, countries=countries)


@functools.lru_cache(maxsize=1)
def default_agencies() -> Agencies:
    """The packaged agencies table, read once per process (it is immutable)."""
    return load_agencies()


def weekday_years(
    month: int, day: int, weekday: int | str, start_year: int, end_year: int
) -> tuple[int, ...]:
    """Years in [start_year, end_year] in which month/day fell on weekday (0 or "Monday" = Monday)."""
    number = WEEKDAYS.index(weekday.capitalize()) if isinstance(weekday, str) else weekday
    years = []
    # Clamped to the years a date can have: an odd min_year or today must not loop for ages.
    for year in range(max(start_year, dt.MINYEAR), min(end_year, dt.MAXYEAR) + 1):
        try:
            if dt.date(year, month, day).weekday() == number:
                years.append(year)
        except ValueError:  # 29 February outside leap years
            continue
    return tuple(years)


def narrow_year(dateline: Dateline, allowed_years: Iterable[int], reason: str) -> Dateline:
    """Keep the candidate years a later stage allows (e.g. dated actor roles), choosing the latest.

    ``candidate_years`` stays what the text allowed; ``narrowed_years`` holds the survivors, so
    successive calls intersect. If no candidate survives, the evidence contradicts itself and
    the dateline is kept as it was.
    """
    allowed = set(allowed_years)
    current = dateline.narrowed_years or dateline.candidate_years
    remaining = tuple(y for y in current if y in allowed)
    if not remaining or remaining == dateline.narrowed_years:
        return dateline
    year = max(remaining)
    note = f"narrowed to {_years(remaining)} by {reason}; chose {year}"
    evidence = f"{dateline.evidence}; {note}" if dateline.evidence else note
    return dataclasses.replace(
        dateline,
        year=year,
        narrowed_years=remaining,
        evidence=evidence,
        date=_make_date(year, dateline.month, dateline.day),
    )


def find_dateline(
    text: str,
    published: dt.date | None = None,
    today: dt.date | None = None,
    agencies: Agencies | None = None,
    min_year: int = MIN_YEAR,
) -> Dateline | None:
    """The dateline opening one of the first paragraphs of ``text``, with its date resolved.

    ``min_year`` lowers the first candidate year for older archives (Reuters-21578 is 1987).
    """
    agencies = agencies or default_agencies()
    found = _scan_head(text, agencies)
    if found is None:
        return None
    match, agency = found
    month, day = _month_day(match)
    place = match.group("place")
    dateline = Dateline(
        text=text[match.start("place") : match.end()],
        start=match.start("place"),
        end=match.end(),
        place=place,
        place_normalized=_normalize_place(place),
        agency=agency,
        month=month,
        day=day,
    )
    years = (min_year, (today or dt.date.today()))
    return _resolve_year(dateline, match, text, published, years)


def dateline_span(text: str, agencies: Agencies | None = None) -> tuple[int, int] | None:
    """Where the dateline opening ``text`` starts and ends (no date resolved): the sentence
    splitter makes it a sentence of its own, so a parser never reads "MOSCOW" as a subject."""
    found = _scan_head(text, agencies or default_agencies())
    if found is None:
        return None
    match, _ = found
    return match.start("place"), match.end()


def _scan_head(text: str, agencies: Agencies) -> tuple[re.Match[str], str | None] | None:
    """Try the dateline pattern at the start of each paragraph in the head of the text."""
    pos, tried, head = 0, 0, min(len(text), HEAD_CHARS)
    while pos < head and tried < MAX_PARAGRAPHS:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        if text[pos:line_end].strip():
            tried += 1
            match = _DATELINE.match(text, pos, line_end)
            if match is not None:
                tag = match.group("agp") or match.group("ags")
                agency = agencies.lookup(tag) if tag else None
                if _accept(match, agency, text):
                    return match, agency
        pos = line_end + 1
    return None


def _accept(match: re.Match[str], agency: str | None, text: str) -> bool:
    """Reject matches that are sentences, headlines or bylines rather than datelines."""
    words = [w for w in match.group("place").split() if w[0].isupper()]
    qual = match.group("qual")
    checked = [*words, *(qual.split() if qual else ())]
    for index, word in enumerate(checked):
        bare = word.strip(".'’").casefold()
        if bare in NOT_PLACE_WORDS and not (bare == "the" and index < len(words) - 1):
            return False  # "THE HAGUE" is a place, "The" alone is not
    upper = [w for w in words if not any(c.islower() for c in w)]
    if upper and len(upper) != len(words):
        return False  # "Mr. PUTIN": mixed case is not a dateline
    dated = match.group("mon1") or match.group("mon2")
    if not upper and not dated and agency is None:
        return False  # title case needs a date or a known agency to be a dateline
    if upper and sum(c.isalpha() for c in "".join(words)) < 2:
        return False
    body = text[match.end() : match.end() + BARE_LEAD_CHARS].lstrip().split("\n", 1)[0]
    if not any(c.islower() for c in body[:BODY_PEEK_CHARS]):
        return False  # the body is sentence case, an all-caps headline is not
    if not dated and agency is None:
        return _SENTENCE_END.search(body) is not None  # "UK - EU talks resume" is a headline
    return True


def _month_day(match: re.Match[str]) -> tuple[int | None, int | None]:
    """Month and day of the dateline, or (None, None) if absent or impossible (Feb 30)."""
    name = match.group("mon1") or match.group("mon2")
    digits = match.group("day1") or match.group("day2")
    if not name or not digits:
        return None, None
    month, day = MONTHS[name.casefold()], int(digits)
    if _make_date(2000, month, day) is None:  # 2000 is a leap year: 29 February is allowed
        return None, None
    return month, day


def _normalize_place(place: str) -> str:
    """Title-case an upper-case place ("ST. PETERSBURG" -> "St. Petersburg"), keep others."""
    place = " ".join(place.split())
    if any(c.islower() for c in place):
        return place
    words = place.title().split()
    particles = {"De", "Da", "Del", "Do", "Dos", "Das", "Di", "Du", "La", "Le", "El", "Al", "Am"}
    return " ".join(
        w.lower() if i and i < len(words) - 1 and w in particles else w for i, w in enumerate(words)
    )


def _make_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _years(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in years)


def _resolve_year(
    dateline: Dateline,
    match: re.Match[str],
    text: str,
    published: dt.date | None,
    years: tuple[int, dt.date],
) -> Dateline:
    """Apply the year cascade of the module docstring; ``years`` is (min_year, today)."""
    written = match.group("year")
    if written and dateline.month is not None:
        year = int(written)
        return dataclasses.replace(
            dateline,
            year=year,
            year_source="text",
            candidate_years=(year,),
            evidence="year written in the dateline",
            date=_make_date(year, dateline.month, dateline.day),
        )
    if published is not None:
        return _from_metadata(dateline, published)
    if dateline.month is None or dateline.day is None:
        return dateline
    return _from_weekday(dateline, match, text, *years)


def _from_metadata(dateline: Dateline, published: dt.date) -> Dateline:
    """Year from the published date, one year back when the month/day would follow it by far."""
    if dateline.month is None or dateline.day is None:
        return dataclasses.replace(
            dateline,
            month=published.month,
            day=published.day,
            year=published.year,
            year_source="metadata",
            candidate_years=(published.year,),
            evidence=f"no date in the dateline; the published date {published.isoformat()}",
            date=published,
        )
    year = published.year
    evidence = f"year from the published date {published.isoformat()}"
    same_year = _make_date(year, dateline.month, dateline.day)
    if same_year is None or (same_year - published).days > ROLLOVER_DAYS:
        year -= 1
        evidence += (
            f"; {MONTH_NAMES[dateline.month]} {dateline.day} {published.year} would be more than "
            f"{ROLLOVER_DAYS} days after it, so the year before"
        )
    return dataclasses.replace(
        dateline,
        year=year,
        year_source="metadata",
        candidate_years=(year,),
        evidence=evidence,
        date=_make_date(year, dateline.month, dateline.day),
    )


def _from_weekday(
    dateline: Dateline, match: re.Match[str], text: str, min_year: int, today: dt.date
) -> Dateline:
    """Infer the year from a weekday named in the lead paragraph (the one holding the dateline)."""
    assert dateline.month is not None and dateline.day is not None
    found = _find_weekday(text, match.end())
    if found is None:
        return dateline
    phrase, weekday = found
    month, day = dateline.month, dateline.day
    candidates = tuple(
        y
        for y in weekday_years(month, day, weekday, min_year, today.year)
        if dt.date(y, month, day) <= today  # the day has to have happened already
    )
    said = f"'{phrase}' in the lead: {MONTH_NAMES[month]} {day}"
    if not candidates:
        evidence = f"{said} was not a {WEEKDAYS[weekday]} in {min_year}-{today.year}"
        return dataclasses.replace(dateline, evidence=evidence)
    year = candidates[-1]
    evidence = (
        f"{said} was a {WEEKDAYS[weekday]} in {_years(candidates)}; chose {year}, the latest "
        "(to be narrowed by dated actor roles)"
    )
    return dataclasses.replace(
        dateline,
        year=year,
        year_source="inferred",
        candidate_years=candidates,
        evidence=evidence,
        date=dt.date(year, month, day),
    )


def _find_weekday(text: str, lead_start: int) -> tuple[str, int] | None:
    """The first weekday in the lead that names the dateline's day: (phrase, weekday number).

    Only the lead is trusted: on Reuters-21578 the lead's weekday named the dateline's day in
    3 of 3 stories, a weekday further on in 1 of 5 (later paragraphs report earlier days).
    """
    lead_end = text.find("\n", lead_start, lead_start + LEAD_CHARS)
    lead_end = min(len(text), lead_start + LEAD_CHARS) if lead_end < 0 else lead_end
    for mention in _WEEKDAY_MENTION.finditer(text, lead_start, lead_end):
        before = _PREVIOUS_WORD.search(text, max(0, mention.start() - 20), mention.start())
        if before and before.group(1).casefold() in WEEKDAY_OTHER_DAY:
            continue
        weekday = WEEKDAYS.index(mention.group("wd"))
        return mention.group(0), weekday
    return None
