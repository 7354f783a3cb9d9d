"""Composite CAMEO codes and the role that applies on a date.

CAMEO builds an actor code from a country (or IGO/NGO) code followed by up to two sector
codes, primary first: a Russian deputy defence minister is RUS + GOV + MIL = RUSGOVMIL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from . import vocab
from .entries import Person, Role

_WORD = re.compile(r"[a-z]+")


def distinct_sectors(sectors: Iterable[str]) -> tuple[str, ...]:
    """Sector codes in order, each once, at most ``MAX_SECTORS`` (CAMEO's depth)."""
    out: list[str] = []
    for code in sectors:
        if code not in out:
            out.append(code)
    return tuple(out[: vocab.MAX_SECTORS])


def actor_code(country: str | None, sectors: Iterable[str]) -> str | None:
    """Country + sectors; without a country the bare sector code CAMEO allows ("REB", "GOV")."""
    roles = distinct_sectors(sectors)
    if country is not None:
        return country + "".join(roles)
    return "".join(roles) or None


def sectors_of(code: str, country: str | None) -> tuple[str, ...]:
    """The 3-letter segments of a code after its country (RUSGOVMIL → GOV, MIL)."""
    rest = code[3:] if country is None or code.startswith(country) else code
    return tuple(rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3)


def title_words(text: str) -> frozenset[str]:
    """Content words of a title or description, lower case with spelling variants folded."""
    words = (vocab.SPELLING_FOLDS.get(w, w) for w in _WORD.findall(text.lower()))
    return frozenset(w for w in words if w not in vocab.TITLE_STOP_WORDS)


def role_matching(person: Person, description: str) -> list[Role]:
    """Roles whose title has every content word of ``description`` ("Deputy Defense Minister")."""
    wanted = title_words(description)
    if not wanted:
        return []
    return [r for r in person.roles if wanted <= title_words(r.title)]


def described_role(person: Person, description: str, day: dt.date | None) -> Role | None:
    """The role the text describes ("Prime Minister David Cameron"), held on ``day`` if given.

    Among several matching roles the latest begun wins; None when the words name no role (then
    the role held on the date, or the latest, applies: ``Person.role_on``).
    """
    matching = role_matching(person, description) if description else []
    if day is not None:
        matching = [r for r in matching if r.period.holds(day)]
    return max(matching, key=lambda r: r.period.start or dt.date.min) if matching else None


def article_date(
    dateline_date: dt.date | None, published: dt.date | None
) -> tuple[dt.date | None, str]:
    """The date roles are read on, and where it came from (dateline, published, none)."""
    if dateline_date is not None:
        return dateline_date, "dateline"
    if published is not None:
        return published, "published"
    return None, "none (latest role)"


def is_person_term(term: str) -> bool:
    """True when a sector term names a person ("deputy minister"), not a body ("government")."""
    words = term.split()
    if "of" in words[1:]:
        words = words[: words.index("of")]  # "ministry of the interior", "chancellor of ..."
    head = words[-1] if words else term
    if head in vocab.NOT_PERSON_HEADS:
        return False
    return head in vocab.PERSON_HEAD_WORDS or head.endswith(vocab.PERSON_HEAD_SUFFIXES)
