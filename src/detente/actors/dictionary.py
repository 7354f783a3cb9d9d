"""Load and validate the actor dictionary (countries, organisations, groups, sectors, people).

Every problem is collected as a ``DictionaryError`` naming ``file:line`` so that
``detente dictionaries validate`` can list them all; ``load_dictionary`` raises the first.
The dictionary is an immutable value built once per pipeline (``default_dictionary`` caches
the packaged one), so two pipelines with different dictionaries can live in one process.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..datafiles import data_path, load_yaml_entries, read_tsv
from ..errors import DictionaryError
from . import vocab
from .entries import (
    Country,
    DatedAlias,
    Group,
    Organisation,
    Period,
    Person,
    Role,
    SectorTerm,
    code_segments,
    parse_date,
)

COUNTRIES_FILE = "countries.yaml"
ORGANISATIONS_FILE = "organisations.yaml"
GROUPS_FILE = "groups.yaml"
#: Named institutions of states (CIA, Knesset, Revolutionary Guards), in the groups format.
INSTITUTIONS_FILE = "institutions.yaml"
SECTORS_FILE = "sectors.tsv"
SURNAME_STOPS_FILE = "surname_stops.tsv"
#: Why a single name is never taken alone (``surname_stops.tsv``).
STOP_REASONS = frozenset({"word", "place", "name"})
PEOPLE_GLOB = "people/*.yaml"

#: Required keys of each file's entries.
#: A person's gender, where known: "m" or "f" (pronoun resolution).
GENDERS = frozenset({"m", "f"})
REQUIRED = {
    COUNTRIES_FILE: ("code", "name", "kind"),
    ORGANISATIONS_FILE: ("id", "code", "name", "kind"),
    GROUPS_FILE: ("id", "code", "name", "kind"),
    INSTITUTIONS_FILE: ("id", "code", "name", "kind"),
    "people": ("id", "name", "country", "roles"),
    "role": ("title", "code", "start"),
}


@dataclass(frozen=True, eq=False)
class ActorDictionary:
    """Every entry of one actor dictionary folder, keyed by code, id or term."""

    root: str
    countries: dict[str, Country]
    organisations: dict[str, Organisation]
    groups: dict[str, Group]
    sectors: dict[str, SectorTerm]  # by singular and plural form, lower case
    people: dict[str, Person]
    warnings: tuple[DictionaryError, ...] = ()
    surname_stops: frozenset[str] = frozenset()  # single names never coded alone
    #: A hash of the folder's files when loaded through the cache: what is built from the
    #: dictionary (the matchers) can be cached under it too.
    fingerprint: str = ""

    @property
    def sector_terms(self) -> dict[str, SectorTerm]:
        """Each term once, by its singular form."""
        return {t.term: t for t in self.sectors.values()}


@dataclass
class _Collector:
    """Errors and warnings found while loading, in file order."""

    errors: list[DictionaryError] = field(default_factory=list)
    warnings: list[DictionaryError] = field(default_factory=list)

    def error(self, path: str, line: int | None, reason: str) -> None:
        self.errors.append(DictionaryError(path, line, reason))

    def warn(self, path: str, line: int | None, reason: str) -> None:
        self.warnings.append(DictionaryError(path, line, reason))


def _strings(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    return None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


class _Entry:
    """One YAML mapping with typed accessors that record problems against its line."""

    def __init__(self, raw: dict[str, Any], path: str, out: _Collector) -> None:
        self.raw, self.path, self.out = raw, path, out
        self.line: int = raw.get("__line__", 0)
        self.ok = True

    def fail(self, reason: str) -> None:
        self.ok = False
        self.out.error(self.path, self.line, reason)

    def require(self, keys: Iterable[str]) -> bool:
        missing = [k for k in keys if self.raw.get(k) in (None, "", [])]
        if missing:
            self.fail(f"missing required key(s): {', '.join(missing)}")
        return not missing

    def text(self, key: str) -> str | None:
        value = self.raw.get(key)
        if value is not None and _text(value) is None:
            self.fail(f"{key} must be a non-empty string, got {value!r}")
        return _text(value)

    def strings(self, key: str) -> tuple[str, ...]:
        found = _strings(self.raw.get(key))
        if found is None:
            self.fail(f"{key} must be a list of strings")
            return ()
        return found

    def period(self, start_key: str, end_key: str) -> Period:
        start = self._date(start_key, end=False)
        end = self._date(end_key, end=True)
        if start and end and start > end:
            self.fail(f"{start_key} {start} is after {end_key} {end}")
        return Period(start, end)

    def _date(self, key: str, end: bool) -> Any:
        value = self.raw.get(key)
        if value is None:
            return None
        try:
            return parse_date(str(value), end=end)
        except ValueError as exc:
            self.fail(f"{key}: {exc}")
            return None


def _iso_to_cameo(countries: dict[str, Country]) -> dict[str, str]:
    """ISO alpha-3 codes that differ from the CAMEO code (ROU → ROM, MNE → MTN)."""
    return {c.iso3: c.code for c in countries.values() if c.iso3 and c.iso3 not in countries}


def _country_code(entry: _Entry, code: str | None, countries: dict[str, Country]) -> str | None:
    """A known country code; an ISO code CAMEO writes differently is replaced, with a warning."""
    if code is None or code in countries:
        return code
    cameo = _iso_to_cameo(countries).get(code)
    if cameo is not None:
        entry.out.warn(entry.path, entry.line, f"{code} is ISO 3166; CAMEO writes {cameo} (used)")
        return cameo
    entry.fail(f"country {code!r} is not a known country code")
    return code


def _check_code(entry: _Entry, code: str | None, countries: dict[str, Country]) -> str | None:
    """A composite code: 3-letter segments, the first a known country or transnational type.

    Returns the code, its first segment replaced when it was an ISO code (see ``_country_code``).
    """
    if code is None:
        return None
    segments = code_segments(code)
    if segments is None:
        entry.fail(f"code {code!r} is not upper-case 3-letter segments")
        return code
    if segments[0] in countries or segments[0] in vocab.TRANSNATIONAL_CODES:
        return code
    cameo = _iso_to_cameo(countries).get(segments[0])
    if cameo is not None:
        entry.out.warn(
            entry.path,
            entry.line,
            f"{code}: {segments[0]} is ISO 3166; CAMEO writes {cameo} (used)",
        )
        return cameo + code[3:]
    entry.fail(f"code {code!r} starts with {segments[0]!r}, not a known country or IGO/NGO")
    return code


def _load_countries(path: Path, out: _Collector) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for raw in _entries(path, out):
        e = _Entry(raw, str(path), out)
        if not e.require(REQUIRED[COUNTRIES_FILE]):
            continue
        code, kind = e.text("code") or "", e.text("kind")
        if code_segments(code) is None or len(code) != 3:
            e.fail(f"country code {code!r} is not three upper-case letters")
        if kind not in vocab.COUNTRY_KINDS:
            e.fail(f"kind {kind!r} is not one of {', '.join(sorted(vocab.COUNTRY_KINDS))}")
        if code in countries:
            e.fail(f"duplicate country code {code} (first at line {countries[code].line})")
        country = Country(
            code=code,
            iso3=e.text("iso3"),
            name=e.text("name") or "",
            kind=kind or "",
            aliases=e.strings("aliases"),
            adjectives=e.strings("adjectives"),
            capital=e.text("capital"),
            metonyms=e.strings("metonyms"),
            period=e.period("valid_from", "valid_until"),
            wikidata=e.text("wikidata"),
            file=str(path),
            line=e.line,
        )
        if e.ok:
            countries[code] = country
    return countries


def _load_organisations(
    path: Path, countries: dict[str, Country], out: _Collector
) -> dict[str, Organisation]:
    found: dict[str, Organisation] = {}
    for raw in _entries(path, out):
        e = _Entry(raw, str(path), out)
        if not e.require(REQUIRED[ORGANISATIONS_FILE]):
            continue
        ident, kind = e.text("id") or "", e.text("kind")
        code = _check_code(e, e.text("code"), countries)
        if kind not in vocab.ORGANISATION_KINDS:
            e.fail(f"kind {kind!r} is not one of {', '.join(sorted(vocab.ORGANISATION_KINDS))}")
        if ident in found:
            e.fail(f"duplicate organisation id {ident!r} (first at line {found[ident].line})")
        org = Organisation(
            id=ident,
            code=code or "",
            name=e.text("name") or "",
            aliases=e.strings("aliases"),
            context_aliases=e.strings("context_aliases"),
            kind=kind or "",
            parent=e.text("parent"),
            period=e.period("valid_from", "valid_until"),
            wikidata=e.text("wikidata"),
            file=str(path),
            line=e.line,
        )
        if e.ok:
            found[ident] = org
    for org in found.values():
        if org.parent is not None and org.parent not in found:
            out.error(org.file, org.line, f"parent {org.parent!r} is not an organisation id")
    return found


def _dated_aliases(e: _Entry, out: _Collector) -> tuple[DatedAlias, ...]:
    items = e.raw.get("dated_aliases") or []
    if not isinstance(items, list):
        e.fail("dated_aliases must be a list")
        return ()
    result = []
    for item in items:
        sub = _Entry(item if isinstance(item, dict) else {}, e.path, out)
        sub.line = sub.line or e.line
        if not sub.require(("alias",)):
            continue
        result.append(DatedAlias(sub.text("alias") or "", sub.period("from", "until")))
        e.ok = e.ok and sub.ok
    return tuple(result)


def _load_groups(
    paths: Iterable[Path], countries: dict[str, Country], out: _Collector
) -> dict[str, Group]:
    """Groups of every file (non-state groups, and the state institutions file); ids are
    unique across them."""
    found: dict[str, Group] = {}
    for path in paths:
        _load_group_file(path, countries, out, found)
    return found


def _load_group_file(
    path: Path, countries: dict[str, Country], out: _Collector, found: dict[str, Group]
) -> None:
    for raw in _entries(path, out):
        e = _Entry(raw, str(path), out)
        if not e.require(REQUIRED[GROUPS_FILE]):
            continue
        ident, kind = e.text("id") or "", e.text("kind")
        code = _check_code(e, e.text("code"), countries)
        country = _country_code(e, e.text("country"), countries)
        if kind not in vocab.GROUP_KINDS:
            e.fail(f"kind {kind!r} is not one of {', '.join(sorted(vocab.GROUP_KINDS))}")
        if ident in found:
            first = found[ident]
            e.fail(f"duplicate group id {ident!r} (first at {Path(first.file).name}:{first.line})")
        group = Group(
            id=ident,
            code=code or "",
            name=e.text("name") or "",
            aliases=e.strings("aliases"),
            dated_aliases=_dated_aliases(e, out),
            kind=kind or "",
            country=country,
            wikidata=e.text("wikidata"),
            file=str(path),
            line=e.line,
            context_aliases=e.strings("context_aliases") or (),
            roles=_group_roles(raw, e, countries, out),
        )
        if e.ok:
            found[ident] = group


def _group_roles(
    raw: dict[str, Any], e: _Entry, countries: dict[str, Country], out: _Collector
) -> tuple[Role, ...]:
    """A party's dated GOV/OPP codes (optional ``roles``, the people's role format)."""
    items = raw.get("roles") or []
    if not isinstance(items, list):
        e.fail("roles must be a list")
        return ()
    return tuple(r for r in (_role(item, e, countries, out) for item in items) if r is not None)


def _load_sectors(path: Path, out: _Collector) -> dict[str, SectorTerm]:
    found: dict[str, SectorTerm] = {}
    if not path.exists():
        out.warn(str(path), None, "file not found; no sector terms")
        return found
    try:
        rows = list(read_tsv(path))
    except DictionaryError as exc:
        out.errors.append(exc)
        return found
    for line, row in rows:
        term, plural = row.get("term", "").strip(), row.get("plural", "").strip()
        codes = tuple(row.get("codes", "").split())
        reason = None
        if not term or not codes:
            reason = "a sector term needs a term and codes"
        elif term != term.lower():
            reason = f"term {term!r} must be lower case"
        elif bad := [c for c in codes if c not in vocab.SECTOR_CODES]:
            reason = f"unknown sector code(s) {', '.join(bad)} for {term!r}"
        else:
            for form in (term, plural):
                if form and form in found and found[form].line != line:
                    reason = f"duplicate sector term {form!r} (first at line {found[form].line})"
        if reason:
            out.error(str(path), line, reason)
            continue
        entry = SectorTerm(term, codes, plural or None, row.get("note", ""), str(path), line)
        found[term] = entry
        if plural:
            found[plural] = entry
    return found


def _load_surname_stops(path: Path, out: _Collector) -> frozenset[str]:
    """Single names never coded alone: common words, places, very common names."""
    if not path.exists():
        return frozenset()
    try:
        rows = list(read_tsv(path))
    except DictionaryError as exc:
        out.errors.append(exc)
        return frozenset()
    found: dict[str, int] = {}
    for line, row in rows:
        form, reason = row.get("form", "").strip(), row.get("reason", "").strip()
        if not form or " " in form or reason not in STOP_REASONS:
            out.error(str(path), line, f"want one word and a reason in {sorted(STOP_REASONS)}")
        elif form in found:
            out.error(str(path), line, f"duplicate form {form!r} (first at line {found[form]})")
        else:
            found[form] = line
    return frozenset(found)


#: The fields of a role; anything else is a typo or an unquoted comma in the title.
ROLE_KEYS = frozenset({"title", "code", "start", "end", "note", "__line__"})


def _role(item: Any, person: _Entry, countries: dict[str, Country], out: _Collector) -> Role | None:
    sub = _Entry(item if isinstance(item, dict) else {}, person.path, out)
    sub.line = sub.line or person.line
    if not sub.require(REQUIRED["role"]):
        return None
    unknown = sorted(str(k) for k in sub.raw if k not in ROLE_KEYS)
    if unknown:  # "{title: Minister for Political, Legal and Security Affairs}" splits at commas
        out.error(
            person.path,
            sub.line,
            f"role has unknown field(s) {', '.join(map(repr, unknown))}: a title with a comma "
            "must be quoted",
        )
        return None
    code = _check_code(sub, sub.text("code"), countries)
    period = sub.period("start", "end")
    end = sub.raw.get("end")
    role = Role(
        title=sub.text("title") or "",
        code=code or "",
        period=period,
        start_text=str(sub.raw.get("start")),
        end_text=None if end is None else str(end),
        file=person.path,
        line=sub.line,
    )
    return role if sub.ok else None


def _load_person(
    raw: dict[str, Any], path: Path, countries: dict[str, Country], out: _Collector
) -> Person | None:
    e = _Entry(raw, str(path), out)
    if not e.require(REQUIRED["people"]):
        return None
    country = _country_code(e, e.text("country"), countries)
    roles_raw = raw.get("roles")
    if not isinstance(roles_raw, list):
        e.fail("roles must be a list")
        return None
    roles = [_role(item, e, countries, out) for item in roles_raw]
    gender = e.text("gender")
    if gender is not None and gender not in GENDERS:
        e.fail(f"gender must be one of {', '.join(sorted(GENDERS))} (or absent), got {gender!r}")
    person = Person(
        id=e.text("id") or "",
        name=e.text("name") or "",
        aliases=e.strings("aliases"),
        country=country,
        wikidata=e.text("wikidata"),
        roles=tuple(r for r in roles if r is not None),
        file=str(path),
        line=e.line,
        gender=gender,
    )
    return person if e.ok and None not in roles else None


#: Letters without a Unicode decomposition, folded by hand ("Yıldırım" ~ "Yildirim").
_EXTRA_FOLDS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss"})


def fold_name(name: str) -> str:
    """A name without diacritics or case, to compare spellings of one name."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_EXTRA_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _merge(first: Person, other: Person, out: _Collector) -> Person:
    """The same person in two files: roles concatenated; name and country must agree."""
    if first.name != other.name and fold_name(first.name) == fold_name(other.name):
        out.warn(
            other.file,
            other.line,
            f"person {other.id!r}: name {other.name!r} is spelt "
            f"{first.name!r} at {first.file}:{first.line}; the first is kept",
        )
    for attr in ("name", "country"):
        if fold_name(str(getattr(first, attr))) != fold_name(str(getattr(other, attr))):
            out.error(
                other.file,
                other.line,
                f"person {other.id!r}: {attr} {getattr(other, attr)!r} disagrees with "
                f"{getattr(first, attr)!r} at {first.file}:{first.line}",
            )
    forms = (other.name, *other.aliases)
    aliases = first.aliases + tuple(a for a in forms if a not in first.aliases and a != first.name)
    return Person(
        id=first.id,
        name=first.name,
        aliases=aliases,
        country=first.country,
        wikidata=first.wikidata or other.wikidata,
        roles=first.roles + other.roles,
        file=first.file,
        line=first.line,
        gender=first.gender or other.gender,
    )


def _load_people(
    files: list[Path], countries: dict[str, Country], out: _Collector
) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for path in files:
        seen_here: dict[str, int] = {}
        for raw in _entries(path, out):
            person = _load_person(raw, path, countries, out)
            if person is None:
                continue
            if person.id in seen_here:
                out.error(
                    str(path),
                    person.line,
                    f"duplicate person id {person.id!r} (first at line {seen_here[person.id]})",
                )
                continue
            seen_here[person.id] = person.line
            previous = people.get(person.id)
            people[person.id] = person if previous is None else _merge(previous, person, out)
    return people


_FastBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLineLoader(_FastBase):
    """libyaml's safe loader with ``__line__`` on each mapping: 20x faster on 20k lines."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


_FastLineLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: str(loader.construct_scalar(node))
)


def _fast_entries(path: Path) -> list[dict[str, Any]]:
    """Like ``datafiles.load_yaml_entries``; on any problem that one reports it (file:line)."""
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_FastLineLoader)  # a safe loader
    except yaml.YAMLError:
        return load_yaml_entries(path)
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        return data
    return load_yaml_entries(path) if data is not None else []


def _entries(path: Path, out: _Collector) -> list[dict[str, Any]]:
    if not path.exists():
        out.warn(str(path), None, "file not found; no entries")
        return []
    try:
        return _fast_entries(path)
    except DictionaryError as exc:
        out.errors.append(exc)
        return []


def _build(root: Path) -> tuple[ActorDictionary, _Collector]:
    out = _Collector()
    countries = _load_countries(root / COUNTRIES_FILE, out)
    organisations = _load_organisations(root / ORGANISATIONS_FILE, countries, out)
    groups = _load_groups([root / GROUPS_FILE, root / INSTITUTIONS_FILE], countries, out)
    sectors = _load_sectors(root / SECTORS_FILE, out)
    people = _load_people(sorted(root.glob(PEOPLE_GLOB)), countries, out)
    stops = _load_surname_stops(root / SURNAME_STOPS_FILE, out)
    dictionary = ActorDictionary(str(root), countries, organisations, groups, sectors, people)
    from .aliases import alias_collisions  # the alias index needs the loaded entries
    from .bodies import historical_mismatches, role_body_mismatches

    for path, line, reason in alias_collisions(dictionary):
        out.warn(path, line, reason)
    for path, line, reason in (
        *role_body_mismatches(dictionary),
        *historical_mismatches(dictionary),
    ):
        out.error(path, line, reason)
    return ActorDictionary(
        str(root), countries, organisations, groups, sectors, people, tuple(out.warnings), stops
    ), out


def validate_dictionary(
    root: str | Path | None = None,
) -> tuple[list[DictionaryError], list[DictionaryError]]:
    """Every error and warning of the dictionary folder at ``root`` (default: the packaged one)."""
    _, out = _build(Path(root) if root else default_root())
    return out.errors, out.warnings


def load_dictionary(root: str | Path | None = None) -> ActorDictionary:
    """The dictionary at ``root``; raises the first ``DictionaryError`` found."""
    dictionary, out = _build(Path(root) if root else default_root())
    if out.errors:
        first = out.errors[0]
        more = f" (and {len(out.errors) - 1} more)" if len(out.errors) > 1 else ""
        raise DictionaryError(first.path, first.line, first.reason + more)
    return dictionary


def default_root() -> Path:
    return data_path("actors")


@lru_cache(maxsize=4)
def cached_dictionary(root: str) -> ActorDictionary:
    """One load per folder per process (the dictionary is immutable once built), from the
    on-disk cache when the folder's files are unchanged (``actors/cache.py``)."""
    from .cache import load_cached

    return load_cached(Path(root), load_dictionary)


def default_dictionary() -> ActorDictionary:
    return cached_dictionary(str(default_root()))
