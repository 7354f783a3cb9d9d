"""An event's date: the article's date moved by what the sentence says ("on Wednesday", "yesterday").

Wire copy reports events of the last few days relative to its dateline, so a weekday means the
most recent such day on or before the article's date, "yesterday" the day before, and an
explicit "July 24" that day in the article's year (the year before if it would be in the future).
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
#: Relative expressions and the days they move the date back.
RELATIVE_DAYS = {"yesterday": 1, "today": 0, "tonight": 0, "last night": 1, "earlier today": 0}
#: Week-scale expressions: the date is approximate, recorded as such.
RELATIVE_WEEKS = {"last week": 7, "earlier this week": 0, "this week": 0}

_MONTH_DAY = re.compile(
    r"\b(?:on\s+)?(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})\b",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_WEEKDAY = re.compile(
    r"\b(?:on|late on|early on|last|this)?\s*(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE
)
_RELATIVE = re.compile(
    r"\b(" + "|".join(sorted([*RELATIVE_DAYS, *RELATIVE_WEEKS], key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def _explicit(text: str, base: dt.date) -> tuple[dt.date, str] | None:
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        match = pattern.search(text)
        if match is None:
            continue
        month = MONTHS[match.group(month_group).lower()]
        day = int(match.group(day_group))
        try:
            date = dt.date(base.year, month, day)
        except ValueError:
            continue
        if date > base + dt.timedelta(days=7):
            try:
                date = dt.date(base.year - 1, month, day)
            except ValueError:
                continue
        return date, f"'{match.group(0).strip()}' in the sentence"
    return None


def event_date(sentence: str, base: dt.date | None, base_source: str) -> tuple[dt.date | None, str]:
    """The date of an event told in ``sentence``, and how it was found."""
    if base is None:
        return None, "no article date"
    try:
        return _event_date(sentence, base, base_source)
    except OverflowError:  # a published date at the calendar's ends (year 1 or 9999)
        return base, f"{base_source} (no date arithmetic this close to the calendar's end)"


def _event_date(sentence: str, base: dt.date, base_source: str) -> tuple[dt.date, str]:
    explicit = _explicit(sentence, base)
    if explicit is not None:
        return explicit
    relative = _RELATIVE.search(sentence)
    if relative is not None:
        phrase = relative.group(1).lower()
        if phrase in RELATIVE_DAYS:
            return base - dt.timedelta(
                days=RELATIVE_DAYS[phrase]
            ), f"'{phrase}' from the {base_source}"
        return base - dt.timedelta(
            days=RELATIVE_WEEKS[phrase]
        ), f"'{phrase}' from the {base_source} (approximate)"
    weekday = _WEEKDAY.search(sentence)
    if weekday is not None:
        target = WEEKDAYS.index(weekday.group(1).lower())
        back = (base.weekday() - target) % 7
        return (
            base - dt.timedelta(days=back),
            f"'{weekday.group(0).strip()}': the last {weekday.group(1)} on or before the {base_source}",
        )
    return base, base_source
