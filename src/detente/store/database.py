"""The Store over one DuckDB file: migrations, batch writes through Arrow, queries."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from ..errors import StoreError
from ..model import FACT_TYPES, NONFACTUAL_MODALITIES, Article, CodedArticle, Dateline, Tone
from .arrow import fact_tables

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
SCHEMA_DIR = SCHEMA_FILE.parent

#: Named migrations, applied in order, each in its own transaction and recorded.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_initial", SCHEMA_FILE.read_text("utf-8")),
    ("0002_event_tone", "ALTER TABLE events ADD COLUMN tone DOUBLE"),  # tone stage
    (  # the parsed pipeline's provenance: dependency paths to the source and target
        "0003_event_paths",
        "ALTER TABLE events ADD COLUMN source_path VARCHAR; "
        "ALTER TABLE events ADD COLUMN target_path VARCHAR",
    ),
    # a quotation's speaker by name, for speakers the dictionary does not know too (issue 10)
    ("0004_quote_speaker_name", "ALTER TABLE quotes ADD COLUMN speaker_name VARCHAR"),
    # near-duplicate articles: signatures of coded stories, and the copies not coded (issue 12)
    ("0005_stories", (SCHEMA_DIR / "stories.sql").read_text("utf-8")),
    # one real-world event reported by many articles: clusters and their members (issue 12)
    ("0006_event_clusters", (SCHEMA_DIR / "event_clusters.sql").read_text("utf-8")),
)

#: Tables written per article, in the order they are cleared and filled.
TABLES = ("articles", "datelines", *FACT_TYPES, "tones")

#: Tables the analysis fills over the store (stories, event clusters), counted by ``stats``.
ANALYSIS_TABLES = ("stories", "story_copies", "event_clusters", "event_cluster_members")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class StoreStats:
    path: str
    counts: dict[str, int]
    migrations: tuple[str, ...]


#: A filter value: one prefix (or code, name), several (any of them matches), or None.
Many = str | Sequence[str] | None


def _many(value: Many) -> tuple[str, ...]:
    if value is None:
        return ()
    items = (value,) if isinstance(value, str) else tuple(value)
    return tuple(v for v in items if v)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query, an analysis or an export reads; None (or empty) means no filter.

    One object for every command (``detente events``, ``dyad``, ``network``, ``top``,
    ``export``) and ``event_where`` the one place that turns it into SQL, so a filter means
    the same thing everywhere. Several values in one field match any of them.
    """

    source: Many = None  # actor code prefix, e.g. RUS (RUSGOV, RUSGOVMIL match too)
    target: Many = None
    code: Many = None  # CAMEO code prefix, e.g. 11 or 042
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None
    limit: int | None = None
    #: Negated acts that CAMEO does not code ("did not attack") are kept in the store, flagged,
    #: and left out of queries unless asked for.
    include_negated: bool = False
    #: Every coded event: also acts not asserted (future, conditional, hypothetical, intended,
    #: demanded, denied, alleged, questions) and acts coded without a target. By default a query
    #: returns what ``Event.default_output`` says: asserted acts between two actors.
    include_all: bool = False
    roots: Many = None  # CAMEO root codes, e.g. 19 (fight) or 04 (consult)
    quad_classes: tuple[int, ...] = ()  # 1 verbal cooperation ... 4 material conflict
    #: Countries (the first three letters of an actor code) on either side of the event.
    countries: Many = None
    #: Outlets: the article's source as given by the input, else its dateline's agency.
    outlets: Many = None
    reported: bool | None = None  # True: only reported ("X said Y attacked"); False: only not
    min_confidence: float | None = None

    @property
    def narrows(self) -> bool:
        """Whether it selects some events rather than every (default or --all) event."""
        modes = {"include_negated", "include_all", "limit"}  # how many, not which
        values = (getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in modes)
        return any(
            v is not None and not (isinstance(v, str | tuple | list) and not v) for v in values
        )


#: The FROM clause ``event_where`` is written for: events with their article and dateline.
EVENTS_FROM = (
    "events e JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN datelines d ON d.article_id = e.article_id"
)
#: The outlet of an event's article (see ``EventFilter.outlets``).
OUTLET_SQL = "coalesce(a.source, d.agency)"


def _any_of(template: str, values: Sequence[Any], params: list[Any]) -> str:
    params.extend(values)
    return "(" + " OR ".join(template for _ in values) + ")"


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE condition (over ``EVENTS_FROM``) and its parameters for a filter."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (("source_code", f.source), ("target_code", f.target)):
        if prefixes := _many(value):
            upper = [p.upper() for p in prefixes]
            clauses.append(_any_of(f"starts_with(e.{column}, ?)", upper, params))
    if codes := _many(f.code):
        clauses.append(_any_of("starts_with(e.code, ?)", codes, params))
    if roots := _many(f.roots):
        clauses.append(_any_of("e.root = ?", [r.zfill(2) for r in roots], params))
    if f.quad_classes:
        clauses.append(_any_of("e.quad_class = ?", list(f.quad_classes), params))
    if countries := [c.upper() for c in _many(f.countries)]:
        sides = "(left(e.source_code, 3) = ? OR left(e.target_code, 3) = ?)"
        clauses.append("(" + " OR ".join(sides for _ in countries) + ")")
        params.extend(c for c in countries for _ in (0, 1))
    if outlets := [o.lower() for o in _many(f.outlets)]:
        clauses.append(_any_of(f"lower({OUTLET_SQL}) = ?", outlets, params))
    if f.since is not None:
        clauses.append("e.date >= ?")
        params.append(f.since)
    if f.until is not None:
        clauses.append("e.date <= ?")
        params.append(f.until)
    if f.article_id:
        clauses.append("e.article_id = ?")
        params.append(f.article_id)
    if f.reported is not None:
        clauses.append("e.reported = ?")
        params.append(f.reported)
    if f.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if not f.include_all:
        if not f.include_negated:
            clauses.append("(NOT e.negated OR e.root = '12')")  # negation.tsv recodes to 12
        moods = ", ".join(f"'{m}'" for m in sorted(NONFACTUAL_MODALITIES))
        clauses.append(f"(e.modality IS NULL OR e.modality NOT IN ({moods}))")
        clauses.append("e.target_code IS NOT NULL")
    return (" AND ".join(clauses) or "TRUE"), params


def _lock_message(path: str, exc: Exception) -> str:
    return (
        f"cannot open {path}: another process holds it "
        f"(DuckDB allows one writer and no readers beside it; stop that process first). {exc}"
    )


class Store:
    """A détente store in one DuckDB file (``:memory:`` for a throw-away one)."""

    def __init__(self, path: str | Path = "detente.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no détente store at {self.path} (code some articles first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(_lock_message(self.path, exc)) from None
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        if not read_only:
            self.migrate()
        elif "articles" not in self._tables():
            self.con.close()
            raise StoreError(f"{self.path} is not a détente store (no articles table)")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- schema -------------------------------------------------------------------------

    def _tables(self) -> set[str]:
        rows = self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        return {r[0] for r in rows}

    def tables(self) -> set[str]:
        """The tables (and views) in the store."""
        return self._tables()

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS detente_migrations "
            "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
        )
        done = {r[0] for r in self.con.execute("SELECT name FROM detente_migrations").fetchall()}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO detente_migrations VALUES (?, current_timestamp)", [name]
                )
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration {name} failed: {exc}") from None
            applied.append(name)
        return applied

    def migrations(self) -> tuple[str, ...]:
        rows = self.con.execute("SELECT name FROM detente_migrations ORDER BY name").fetchall()
        return tuple(r[0] for r in rows)

    # --- writing ------------------------------------------------------------------------

    def coded_versions(self, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """For the given article ids already stored: (pipeline_version, dictionaries JSON)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        rows = self.con.execute(
            "SELECT id, pipeline_version, dictionaries FROM articles WHERE list_contains(?, id)",
            [wanted],
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def write(self, records: Sequence[CodedArticle]) -> int:
        """Write a batch in one transaction, replacing any earlier coding of the same articles."""
        unique = list({r.id: r for r in records}.values())
        if not unique:
            return 0
        tables = fact_tables(unique)
        ids = [r.id for r in unique]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in TABLES:
                key = "id" if table == "articles" else "article_id"
                self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, {key})", [ids])
            for table in TABLES:
                arrow = tables[table]
                if arrow.num_rows:
                    self.con.register("_batch", arrow)
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
                    self.con.unregister("_batch")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: batch of {len(ids)} articles not written: {exc}"
            ) from None
        except BaseException:  # interrupted mid-batch (SIGTERM, Ctrl-C): nothing half-written
            self._rollback_quietly()
            raise
        return len(unique)

    def _rollback_quietly(self) -> None:
        """Undo the open batch; the connection may already have dropped it."""
        with contextlib.suppress(duckdb.Error):
            self.con.execute("ROLLBACK")

    # --- reading ------------------------------------------------------------------------

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def stats(self) -> StoreStats:
        present = self._tables()
        tables = [*TABLES, *(t for t in ANALYSIS_TABLES if t in present)]
        counts = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # type: ignore[index]
        return StoreStats(self.path, counts, self.migrations())

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT a.id, a.published, d.date AS dateline_date, d.place_normalized AS place, "
            "d.agency, a.source, a.title, a.origin, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events "
            "FROM articles a LEFT JOIN datelines d ON d.article_id = a.id ORDER BY a.origin, a.id"
        )
        return self._dicts(sql + (f" LIMIT {int(limit)}" if limit else ""))

    def events(self, where: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events, filtered as ``event_where`` says, in date and text order."""
        f = where or EventFilter()
        condition, params = event_where(f)
        sql = f"SELECT e.* FROM {EVENTS_FROM} WHERE {condition}"
        sql += ' ORDER BY e.date, e.article_id, e.sentence, e."start"'
        if f.limit:
            sql += f" LIMIT {int(f.limit)}"
        return self._dicts(sql, params)

    def speakers(self, name: str) -> list[dict[str, Any]]:
        """Who ``name`` may mean among the quoted: entities (or names as written, for speakers
        the dictionary does not know) whose name holds every word of it, or whose entity id it
        is; a name matched in full first, then the most quoted. "Blair" finds Tony Blair and
        Sir Ian Blair as two speakers, never one."""
        words = [w for w in re.split(r"[^\w]+", name.lower()) if w]
        if not words:
            return []
        holds = " AND ".join(
            "list_contains(regexp_split_to_array(lower(speaker_name), '[^\\p{L}\\p{N}]+'), ?)"
            for _ in words
        )
        sql = (
            "SELECT speaker_entity AS entity, min(speaker_name) AS name, count(*) AS quotes, "
            "bool_or(lower(speaker_name) = ?) AS exact FROM quotes "
            f"WHERE speaker_name IS NOT NULL AND (({holds}) OR lower(speaker_entity) = ?) "
            "GROUP BY speaker_entity, CASE WHEN speaker_entity IS NULL THEN speaker_name END "
            "ORDER BY exact DESC, quotes DESC, name, entity"
        )
        rows = self._dicts(sql, [name.lower(), *words, name.lower()])
        return [{k: v for k, v in row.items() if k != "exact"} for row in rows]

    def quotes(
        self,
        speaker: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        speaker_text: str | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes with their article's date.

        ``speaker`` names a person or body: the quotes of the speaker ``speakers(speaker)``
        ranks first (every mention of that entity, whatever the words written), or, when no
        speaker's name matches, those whose actor code starts with it ("RUSGOV").
        ``speaker_text`` is a case-insensitive substring of the speaker as written."""
        clauses: list[str] = []
        params: list[Any] = []
        if speaker:
            matches = self.speakers(speaker)
            if matches and matches[0]["entity"]:
                clauses.append("q.speaker_entity = ?")
                params.append(matches[0]["entity"])
            elif matches:
                clauses.append("q.speaker_entity IS NULL AND q.speaker_name = ?")
                params.append(matches[0]["name"])
            else:
                clauses.append("starts_with(q.speaker_code, ?)")
                params.append(speaker.upper())
        if speaker_text:
            clauses.append("contains(lower(q.speaker_text), ?)")
            params.append(speaker_text.lower())
        if article_id:
            clauses.append("q.article_id = ?")
            params.append(article_id)
        sql = (
            "SELECT q.*, coalesce(d.date, a.published) AS date FROM quotes q "
            "JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN datelines d ON d.article_id = q.article_id"
        )
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += ' ORDER BY date, q.article_id, q."start"'
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._dicts(sql, params)

    def places(
        self, article_id: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Places: per article (each mention, in text order) or, by default, counted over the
        store by gazetteer id (mentions, articles, and how often each was an event's place)."""
        if article_id:
            sql = 'SELECT * FROM places WHERE article_id = ? ORDER BY "start"'
            return self._dicts(sql + (f" LIMIT {int(limit)}" if limit else ""), [article_id])
        sql = (
            "SELECT gazetteer_id, any_value(name) AS name, any_value(feature) AS feature, "
            "any_value(country) AS country, any_value(adm1) AS adm1, any_value(lat) AS lat, "
            "any_value(lon) AS lon, count(*) AS mentions, "
            "count(DISTINCT article_id) AS articles, "
            "count(*) FILTER (WHERE role = 'event') AS events, "
            "count(*) FILTER (WHERE role = 'dateline') AS datelines "
            "FROM places GROUP BY gazetteer_id ORDER BY mentions DESC, name"
        )
        return self._dicts(sql + (f" LIMIT {int(limit)}" if limit else ""))

    def themes(
        self,
        article_id: str | None = None,
        limit: int | None = None,
        ancestors: Callable[[str], list[str]] | None = None,
    ) -> list[dict[str, Any]]:
        """Themes: per article (each match) or counted over the store by theme.

        With ``ancestors`` (the taxonomy's), a theme's counts include its descendants' matches:
        the store keeps only the matched theme, the roll-up happens here.
        """
        if article_id:
            sql = 'SELECT * FROM themes WHERE article_id = ? ORDER BY "start"'
            return self._dicts(sql + (f" LIMIT {int(limit)}" if limit else ""), [article_id])
        rows = self.con.execute(
            "SELECT article_id, theme, any_value(name), count(*) FROM themes "
            "GROUP BY article_id, theme"
        ).fetchall()
        counts: dict[str, dict[str, Any]] = {}
        for article, theme, name, n in rows:
            for key in [theme, *(ancestors(theme) if ancestors else [])]:
                row = counts.setdefault(
                    key, {"theme": key, "name": None, "mentions": 0, "articles": set()}
                )
                row["mentions"] += n
                row["articles"].add(article)
                if key == theme:
                    row["name"] = name
        out = [{**r, "articles": len(r["articles"])} for r in counts.values()]
        out.sort(key=lambda r: (-r["mentions"], r["theme"]))
        return out[:limit] if limit else out

    def article_ids(self, prefix: str) -> list[str]:
        rows = self.con.execute(
            "SELECT id FROM articles WHERE starts_with(id, ?) ORDER BY id", [prefix]
        ).fetchall()
        return [r[0] for r in rows]

    def get(self, article_id: str) -> CodedArticle | None:
        """Rebuild the whole record of one article (for ``detente show``)."""
        return next(iter(self.records([article_id])), None)

    def records(self, article_ids: Sequence[str]) -> list[CodedArticle]:
        """Rebuild the whole records of some articles, in the order given (unknown ids are
        left out) with one query per table, so that exports read a store in chunks."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return []
        # The range lets DuckDB skip row groups by their min/max (chunks of sorted ids are
        # narrow); list_contains alone would scan every table whole for each chunk.
        within = "BETWEEN ? AND ? AND list_contains(?, {key})"
        bounds = [min(ids), max(ids), ids]
        articles_sql = "SELECT * FROM articles WHERE id " + within.format(key="id")
        found: dict[str, dict[str, Any]] = {
            row["id"]: row for row in self._dicts(articles_sql, bounds)
        }
        parts: dict[str, dict[str, Any]] = {a: {} for a in found}  # CodedArticle fields
        for name, cls in FACT_TYPES.items():
            order = "index" if name == "sentences" else '"start", id'
            where = within.format(key="article_id")
            sql = f"SELECT * FROM {name} WHERE article_id {where} ORDER BY {order}"
            for fact in self._dicts(sql, bounds):
                parts[fact["article_id"]].setdefault(name, []).append(_build(cls, fact))
        for table, single in (("datelines", Dateline), ("tones", Tone)):
            sql = f"SELECT * FROM {table} WHERE article_id " + within.format(key="article_id")
            for fact in self._dicts(sql, bounds):
                parts[fact["article_id"]][table[:-1]] = _build(single, fact)
        return [_record(found[aid], parts[aid]) for aid in ids if aid in found]


def _record(row: dict[str, Any], parts: dict[str, Any]) -> CodedArticle:
    """A CodedArticle from its articles row and its facts (lists of facts become tuples)."""
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in parts.items()}
    return CodedArticle(
        article=_build(Article, row),
        pipeline_version=row["pipeline_version"],
        dictionaries=json.loads(row["dictionaries"]),
        schema_version=row["schema_version"],
        **fields,
    )


#: Field names per record class, looked up once (records are rebuilt by the thousand).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _build(cls: type[T], row: dict[str, Any]) -> T:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    kwargs = {}
    for name in names:
        value = row.get(name)
        kwargs[name] = tuple(value) if isinstance(value, list) else value
    return cls(**kwargs)
