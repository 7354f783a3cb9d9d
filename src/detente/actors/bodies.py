"""One code per body: a person's role in an organisation or armed group carries that body's code.

A query on ``IGOBUSIMF`` must find the IMF's managing director as well as "the IMF", so a role
whose title names a body (by its name or an alias: "IMF Managing Director", "Leader of the
Taliban") must have a code that starts with the body's own code; the role may add sectors
("PSEHMS" + "MIL"). Titles that represent a state *to* a body ("Ambassador to the United
Nations", "Permanent Representative to NATO") or name a state's government run by a group
("Foreign Minister of the Taliban government") are the state's, not the body's, and are not
checked; nor is a head of state's office in a body of the same state (the chairman of a
junta or a presidium is the country's government: ``EGYGOV``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import vocab

if TYPE_CHECKING:
    from .dictionary import ActorDictionary
    from .entries import Group, Organisation

#: Title words that make a role the representation of a state at a body, or a state's own office.
STATE_ROLE_WORDS = frozenset(
    {"ambassador", "representative", "envoy", "delegate", "government", "opposition", "joint"}
)
#: Sector-like codes that open a body's code, never a role's added sector.
BODY_TYPES = frozenset({"IGO", "NGO", "IMG", "MNC"})
#: Body names shorter than this are too often other words inside a title.
MIN_FORM_LENGTH = 3
#: The longest body name, in words, looked up inside a title.
MAX_FORM_WORDS = 12

_WORD = re.compile(r"[\w'’.-]+")


def _forms(dictionary: ActorDictionary) -> dict[str, tuple[str, str]]:
    """Each body's name and aliases (word-normalised) to its code and name.

    A dated alias ("KGB" for the Soviet KGB until 1991) counts too: the title's own words
    ("KGB of Belarus") win where they are longer.
    """
    forms: dict[str, tuple[str, str]] = {}
    bodies: list[Organisation | Group] = [
        *dictionary.organisations.values(),
        *dictionary.groups.values(),
    ]
    for body in bodies:
        dated = [a.alias for a in getattr(body, "dated_aliases", ())]
        for form in (body.name, *body.aliases, *dated):
            if len(form) >= MIN_FORM_LENGTH:
                forms.setdefault(" ".join(_WORD.findall(form)), (body.code, body.name))
    return forms


def _named_body(title: str, forms: dict[str, tuple[str, str]]) -> tuple[str, str, str] | None:
    """The longest body name inside ``title``: (form, code, body name)."""
    words = _WORD.findall(title)
    best: tuple[str, str, str] | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + MAX_FORM_WORDS), i, -1):
            form = " ".join(words[i:j])
            found = forms.get(form)
            if found is not None:
                if best is None or len(form) > len(best[0]):
                    best = (form, *found)
                break
    return best


def _same_body(role_code: str, body_code: str) -> bool:
    """The body's code, optionally followed by sector codes ("PSEHMS" + "MIL")."""
    if not role_code.startswith(body_code):
        return False
    rest = role_code[len(body_code) :]
    parts = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    return all(len(p) == 3 and p in vocab.SECTOR_CODES and p not in BODY_TYPES for p in parts)


def _predecessors(dictionary: ActorDictionary) -> dict[str, set[str]]:
    """Each state's historical predecessors and successors with the same capital (RUS: USR):
    a body that outlived its state (the GRU) is coded by the state served at the time."""
    by_capital: dict[str, set[str]] = {}
    for country in dictionary.countries.values():
        if country.capital:
            by_capital.setdefault(country.capital, set()).add(country.code)
    out: dict[str, set[str]] = {}
    for codes in by_capital.values():
        if any(dictionary.countries[c].kind == "historical" for c in codes):
            for code in codes:
                out[code] = codes - {code}
    return out


def role_body_mismatches(dictionary: ActorDictionary) -> Iterator[tuple[str, int, str]]:
    """(file, line, reason) for each role whose code is not that of the body its title names."""
    forms = _forms(dictionary)
    related = _predecessors(dictionary)
    party_codes = {g.code for g in dictionary.groups.values() if g.kind == "party"}
    for person in dictionary.people.values():
        for role in person.roles:
            words = {w.lower() for w in _WORD.findall(role.title)}
            if words & STATE_ROLE_WORDS:
                continue
            named = _named_body(role.title, forms)
            if named is None:
                continue
            form, code, name = named
            if role.code[:3] != code[:3] and code in party_codes:
                continue  # "the Conservative Party" of another country: names are not unique
            head_of_state = role.code == code[:3] + "GOV"
            accepted = [code] + [other + code[3:] for other in sorted(related.get(code[:3], ()))]
            if not any(_same_body(role.code, c) for c in accepted) and not head_of_state:
                yield (
                    role.file,
                    role.line,
                    f"person {person.id!r}: role {role.title!r} names {form!r} ({name}, code "
                    f"{' or '.join(accepted)}) but is coded {role.code}; one body takes one code",
                )


#: Parts of institution names that contain a state's adjective without naming the state.
NOT_STATE_NAMES = ("Supreme Soviet",)
#: Title words of roles held towards another state ("Special Envoy for Yugoslavia").
TOWARDS_WORDS = frozenset(
    {"envoy", "mediator", "ambassador", "representative", "negotiator", "coordinator"}
)


def _country_forms(dictionary: ActorDictionary, code: str) -> set[str]:
    country = dictionary.countries.get(code)
    if country is None:
        return set()
    return {
        " ".join(_WORD.findall(f)) for f in (country.name, *country.aliases, *country.adjectives)
    }


def _names(title: str, forms: Iterable[str]) -> bool:
    padded = f" {' '.join(_WORD.findall(title))} "
    return any(f" {form} " in padded for form in forms if form)


def _historical_forms(dictionary: ActorDictionary) -> dict[str, str]:
    """Names, aliases and adjectives of historical states (Soviet Union, Yugoslavia ...)."""
    forms: dict[str, str] = {}
    for country in dictionary.countries.values():
        if country.kind == "historical":
            for form in (country.name, *country.aliases, *country.adjectives):
                forms[" ".join(_WORD.findall(form))] = country.code
    return forms


def historical_mismatches(dictionary: ActorDictionary) -> Iterator[tuple[str, int, str]]:
    """Roles coded with a state that did not exist then, or not with the historical state
    their title names ("Foreign Minister of the Soviet Union" is ``USRGOV``, not ``RUSGOV``)."""
    forms = _historical_forms(dictionary)
    for person in dictionary.people.values():
        for role in person.roles:
            country = dictionary.countries.get(role.code[:3])
            if country is None:
                continue
            ended, started = country.period.end, country.period.start
            if ended is not None and role.period.start is not None and role.period.start > ended:
                yield (
                    role.file,
                    role.line,
                    f"person {person.id!r}: role {role.title!r} starts "
                    f"{role.start_text} but {country.name} ({country.code}) ended {ended}",
                )
                continue
            before = (
                started is not None and role.period.end is not None and role.period.end < started
            )
            if before and not _names(role.title, _country_forms(dictionary, role.code[:3])):
                yield (
                    role.file,
                    role.line,
                    f"person {person.id!r}: role {role.title!r} ended {role.end_text}, before "
                    f"{country.name} ({country.code}) existed ({started}); code the state it served",
                )
                continue
            if {w.lower() for w in _WORD.findall(role.title)} & TOWARDS_WORDS:
                continue
            title = role.title
            for part in NOT_STATE_NAMES:
                title = title.replace(part, "")
            words = _WORD.findall(title)
            named = {
                forms[" ".join(words[i:j])]
                for i in range(len(words))
                for j in range(i + 1, min(len(words), i + 6) + 1)
                if " ".join(words[i:j]) in forms
            }
            own = _names(role.title, _country_forms(dictionary, role.code[:3]))
            if named and role.code[:3] not in named and not own:  # a republic's own office
                yield (
                    role.file,
                    role.line,
                    f"person {person.id!r}: role {role.title!r} names "
                    f"{'/'.join(sorted(named))} but is coded {role.code}",
                )
