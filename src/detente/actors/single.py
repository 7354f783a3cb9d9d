"""Single names: a person's surname (or other one-word name) written alone, "Putin said".

News names a leader in full once, or never, and then writes the surname alone. A single name
is coded as a dictionary person only when it cannot be someone else:

- it is derived from a full name or alias of the person (the last word; the first for family
  names written first, as in Chinese and Korean names; "Assad" from "al-Assad"); names with
  patronymic particles ("Mohammed bin Salman") give none, their last word is a father's name;
- it is not a common English word or a place ("May", "Brown", "Hague": ``surname_stops.tsv``)
  nor any other form of the dictionary (countries, adjectives, organisations, groups);
- among the people who have it, exactly one holds a dated role on the article's date, or
  exactly one of those holding a role is a head of state or government on that date (the
  "far more prominent" rule); with one person of that name it is that person on any date in
  office or in the ten years after (``NEWS_AFTER_OFFICE``): a lone "Wolf" in 2019 is not the
  East German spymaster of 1986.

The index is built once per dictionary; choosing is a dict look-up and a few date tests.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from . import vocab
from .entries import Person, Role

#: Countries whose people's names are written family name first ("Xi Jinping" is "Xi").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "KHM"})
#: Countries whose names have no surname to take alone (Myanmar) or mix both orders (Singapore).
NO_SINGLE_NAME = frozenset({"MMR", "SGP"})
#: A form that starts with a title is not a full name ("King Charles", "General Soe Win").
TITLE_WORDS = frozenset({
    "King", "Queen", "Prince", "Princess", "Crown", "General", "President", "Sheikh", "Emir",
    "Sultan", "U", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Ms", "Lord", "Lady", "Sir", "Pope",
    "Mullah", "Ayatollah", "Imam", "Maulana", "Mufti", "Sheik", "Shaikh", "Haji", "Hajji",
    "Marshal", "Field", "Admiral", "Colonel", "Col.", "Gen.", "Major", "Captain", "Commander",
    "Comandante", "Subcomandante", "Judge", "Justice", "Senator", "Cardinal", "Archbishop",
    "Bishop", "Patriarch", "Father", "Rev.", "Grand",
})  # fmt: skip
#: Single names that are English function words ("He", a Chinese family name, is "he").
ENGLISH_WORDS = STOP_WORDS
#: Countries of Spanish naming: a third word is the mother's surname, news uses the father's.
SPANISH_NAMING = frozenset({
    "ESP", "MEX", "ARG", "CHL", "COL", "PER", "VEN", "ECU", "BOL", "PRY", "URY", "CUB", "DOM",
    "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "GNQ", "PRI",
})  # fmt: skip
#: Words that make a name's last word a father's or tribe's name, not a surname.
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint", "ould", "wuld", "ag", "abu"})
#: Name suffixes skipped when taking the last word ("George W. Bush Jr.").
NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
#: Article prefixes of Arabic surnames: news writes "Assad" as often as "al-Assad".
ARTICLE_PREFIXES = ("al-", "Al-", "el-", "El-", "ad-", "as-", "ash-", "an-", "ar-")
#: Shorter single names are too often initials or other words (family names first: one less).
MIN_LENGTH = 3


def derived_names(person: Person) -> frozenset[str]:
    """The single names news uses for ``person`` (see the module docstring)."""
    found: set[str] = set()
    if person.country in NO_SINGLE_NAME:
        return frozenset()
    spanish = person.country in SPANISH_NAMING
    for form in (person.name, *person.aliases):
        words = [w for w in form.split() if w not in NAME_SUFFIXES]
        if spanish and len(words) > 2:
            continue  # "Óscar Arias Sánchez": the last word is the mother's name
        if (
            len(words) < 2
            or "," in form
            or words[0] in TITLE_WORDS
            or any(w.lower() in PATRONYMIC_PARTICLES or w == "of" for w in words)
        ):
            continue
        family_first = person.country in FAMILY_NAME_FIRST
        word = words[0] if family_first else words[-1]
        shortest = MIN_LENGTH - 1 if family_first else MIN_LENGTH  # "Xi", "Hu", "Li"
        for candidate in (word, *(word[len(p) :] for p in ARTICLE_PREFIXES if word.startswith(p))):
            english = candidate.lower() in ENGLISH_WORDS  # "He" (He Lifeng) is "he"
            if _name_like(candidate) and len(candidate) >= shortest and not english:
                found.add(candidate)
    return frozenset(found)


#: How long after leaving office a person is still named by surname alone ("Gorbachev said"):
#: later, or before the first office, a lone "Wolf" is someone else.
NEWS_AFTER_OFFICE = dt.timedelta(days=10 * 365)


def in_the_news(person: Person, day: dt.date) -> bool:
    """Whether ``day`` falls in a role of ``person`` or the years after it."""
    for role in person.roles:
        start, end = role.period.start, role.period.end
        if (start is None or start <= day) and (end is None or day <= end + NEWS_AFTER_OFFICE):
            return True
    return False


def _prominent_on(person: Person, day: dt.date) -> bool:
    """Whether a surname alone names ``person`` on ``day``: in office then, or a head of state,
    government or international organisation in the years after. A minister's surname ten
    years on is anyone's ("Cruz" in 2016 is not the Philippine defence secretary of 2005)."""
    return person.role_on(day) is not None or any(is_head(role) for role in person.roles)


def _name_like(word: str) -> bool:
    letters = word.replace("-", "").replace("'", "")
    return letters.isalpha() and word[0].isupper() and not word.isupper() and not word.endswith(".")


def is_head(role: Role) -> bool:
    """A head of state or government ("President of Russia", "Prime Minister of Japan"), or
    the head of an international organisation ("UN Secretary-General"): as prominent."""
    title = role.title.lower()
    if role.code.startswith("IGO") and ("secretary-general" in title or "president" in title):
        return not any(word in title for word in vocab.NOT_HEAD_WORDS)
    return title.startswith(vocab.HEAD_TITLES) and not any(
        word in title for word in vocab.NOT_HEAD_WORDS
    )


@dataclass(frozen=True, slots=True)
class SingleNames:
    """Single-name forms to the people who have them, and the words never taken alone."""

    people: dict[str, tuple[Person, ...]]
    derived: dict[str, frozenset[str]]  # person id -> every derived single name (stops too)

    @classmethod
    def build(cls, people: Iterable[Person], excluded: Callable[[str], bool]) -> SingleNames:
        """``excluded(form)`` is true for stop words and other dictionary forms."""
        by_form: dict[str, list[Person]] = defaultdict(list)
        derived: dict[str, frozenset[str]] = {}
        for person in people:
            derived[person.id] = derived_names(person)
            for form in sorted(derived[person.id]):
                if not excluded(form):
                    by_form[form].append(person)
        return cls({form: tuple(found) for form, found in by_form.items()}, derived)

    def forms_of(self, person: Person) -> frozenset[str]:
        """Every single name of ``person``: after a full mention even "May" refers to it."""
        return self.derived.get(person.id, frozenset())

    def boundaries(self) -> set[dt.date]:
        """Days on which a single name may change hands (a role starts or ends, or leaves the news)."""
        days: set[dt.date] = set()
        for found in self.people.values():
            for role in (r for p in found for r in p.roles):
                if role.period.start:
                    days.add(role.period.start)
                if role.period.end:
                    days.add(role.period.end + dt.timedelta(days=1))
                    days.add(role.period.end + NEWS_AFTER_OFFICE + dt.timedelta(days=1))
        return days

    def choose(self, form: str, day: dt.date | None) -> tuple[Person, str] | None:
        """The one person ``form`` names on ``day`` and why; None when it is ambiguous."""
        candidates = self.people.get(form, ())
        if day is not None:
            candidates = tuple(p for p in candidates if in_the_news(p, day))
        if len(candidates) == 1 and (day is None or _prominent_on(candidates[0], day)):
            return candidates[0], f"{form!r} alone: the only person of that name in the dictionary"
        if day is None or not candidates:
            return None
        holding = [(p, r) for p in candidates if (r := p.role_on(day)) is not None]
        if len(holding) == 1:
            return holding[0][0], f"{form!r} alone: the only person of that name in office on {day}"
        heads = [p for p, role in holding if is_head(role)]
        if len(heads) == 1:
            why = f"{form!r} alone: the only head of state or government of that name on {day}"
            return heads[0], why
        return None
