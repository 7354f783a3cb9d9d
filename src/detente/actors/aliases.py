"""The alias index: every surface form of the dictionary and what it stands for.

Names, acronyms and adjectives are case-sensitive ("US" is not "us"); sector terms are
matched in lower case. When one form names two entities, the more specific kind wins
(person, organisation, group, country, adjective, metonym) and validation warns.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .dictionary import ActorDictionary
from .entries import Period

#: Kinds of alias, most specific first: the order decides between colliding aliases.
ALIAS_KINDS = (
    "person", "organisation", "group", "country", "adjective", "metonym", "context", "group_context"
)  # fmt: skip


@dataclass(frozen=True)
class AliasTarget:
    """What one surface form stands for: a kind and the key of its entry."""

    kind: str
    key: str
    period: Period | None = None  # dated group aliases only


def name_index(dictionary: ActorDictionary) -> dict[str, tuple[AliasTarget, ...]]:
    """Case-sensitive forms to their targets, most specific kind first."""
    index: dict[str, list[AliasTarget]] = defaultdict(list)

    def add(form: str, target: AliasTarget) -> None:
        if form and target not in index[form]:
            index[form].append(target)

    for person in dictionary.people.values():
        for form in (person.name, *person.aliases):
            add(form, AliasTarget("person", person.id))
    for org in dictionary.organisations.values():
        for form in (org.name, *org.aliases):
            add(form, AliasTarget("organisation", org.id))
        for form in org.context_aliases:
            add(form, AliasTarget("context", org.id))
    for group in dictionary.groups.values():
        for form in (group.name, *group.aliases):
            add(form, AliasTarget("group", group.id))
        for dated in group.dated_aliases:
            add(dated.alias, AliasTarget("group", group.id, dated.period))
        for form in group.context_aliases:
            add(form, AliasTarget("group_context", group.id))
    for country in dictionary.countries.values():
        for form in (country.name, *country.aliases):
            add(form, AliasTarget("country", country.code))
        for form in country.adjectives:
            add(form, AliasTarget("adjective", country.code))
        for form in country.metonyms:
            add(form, AliasTarget("metonym", country.code))
    rank = {kind: i for i, kind in enumerate(ALIAS_KINDS)}
    return {
        form: tuple(sorted(targets, key=lambda t: rank[t.kind])) for form, targets in index.items()
    }


def _where(dictionary: ActorDictionary, target: AliasTarget) -> tuple[str, int]:
    if target.kind == "person":
        entry: object = dictionary.people[target.key]
    elif target.kind in ("organisation", "context"):
        entry = dictionary.organisations[target.key]
    elif target.kind in ("group", "group_context"):
        entry = dictionary.groups[target.key]
    else:
        entry = dictionary.countries[target.key]
    return entry.file, entry.line  # type: ignore[attr-defined]


def _successive_states(dictionary: ActorDictionary, targets: list[AliasTarget]) -> bool:
    """Forms shared by states that never coexisted (USSR and Russia share "Moscow")."""
    if any(t.kind not in ("country", "adjective", "metonym") for t in targets):
        return False
    periods = sorted(
        (dictionary.countries[t.key].period for t in targets),
        key=lambda p: p.start or dt.date.min,
    )
    return all(
        a.end is not None and b.start is not None and a.end <= b.start
        for a, b in itertools.pairwise(periods)
    )


def alias_collisions(dictionary: ActorDictionary) -> Iterator[tuple[str, int, str]]:
    """``(file, line, reason)`` for each form that names two different entities.

    Context aliases are left out: they only apply when their organisation is named.
    """
    for form, targets in name_index(dictionary).items():
        plain = [t for t in targets if t.kind != "context"]
        entities = {
            (t.kind if t.kind in ("person", "organisation", "group") else "country", t.key)
            for t in plain
        }
        if len(entities) < 2 or _successive_states(dictionary, plain):
            continue
        first, *others = plain
        names = ", ".join(f"{t.kind} {t.key}" for t in others)
        path, line = _where(dictionary, plain[-1])
        yield (
            path,
            line,
            f"alias {form!r} also names {first.kind} {first.key} ({names} here); the {first.kind} wins",
        )
