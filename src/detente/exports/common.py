"""What every export shares: the event rows (with article and actor columns), the articles a
filter selects, and the report of what was written."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..store import Store
from ..store.database import EVENTS_FROM, OUTLET_SQL, EventFilter, event_where

#: The date an article is about: its dateline's, else its metadata's.
ARTICLE_DATE_SQL = "coalesce(d.date, a.published)"


@dataclass
class ExportReport:
    """Where an export went and how many rows each table got."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter, repr=False)

    def done(self) -> ExportReport:
        self.seconds = time.perf_counter() - self.started
        return self

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _actor_columns(side: str) -> str:
    """An actor code split as CAMEO composes it: country (the first three letters; IGO, NGO
    ... for bodies above countries), first sector, and every sector after the country."""
    code = f"e.{side}_code"
    return (
        f"left({code}, 3) AS {side}_country, "
        f"nullif(substr({code}, 4, 3), '') AS {side}_sector, "
        f"nullif(trim(regexp_replace(substr({code}, 4), '(...)', '\\1 ', 'g')), '') "
        f"AS {side}_sectors"
    )


#: Columns of the CAMEO codes, written quoted in CSV so that "020" reads as text.
CODE_COLUMNS = ("code", "root", "source_code", "target_code")


def event_rows_sql(where: EventFilter) -> tuple[str, list[object]]:
    """The SELECT of exported events: every event column, then the actors split, then the
    article's URL, outlet, date and title; in the store's order (articles as they were coded,
    each one's events in text order). Sorting by date would hold the whole result in memory."""
    condition, params = event_where(where)
    sql = (
        f"SELECT e.*, {_actor_columns('source')}, {_actor_columns('target')}, "
        f"a.url AS article_url, {OUTLET_SQL} AS outlet, {ARTICLE_DATE_SQL} AS article_date, "
        f"a.published AS article_published, a.title AS article_title "
        f"FROM {EVENTS_FROM} WHERE {condition}"
    )
    if where.limit:
        sql += f" LIMIT {int(where.limit)}"
    return sql, params


def selected_articles_sql(where: EventFilter) -> tuple[str, list[object]] | None:
    """A subquery of the ids of the articles whose events the filter selects, or None when the
    filter narrows nothing (every article is exported)."""
    if not where.narrows:
        return None
    condition, params = event_where(where)
    return f"SELECT DISTINCT e.article_id FROM {EVENTS_FROM} WHERE {condition}", params


#: DuckDB's memory for an export; past it, it writes to temporary files. Partitioned Parquet
#: keeps a buffer per open partition: unbounded, 1M events over 20 years took 660 MB; with
#: this limit the whole export process peaks near 400 MB.
EXPORT_MEMORY_LIMIT = "300MB"


@contextlib.contextmanager
def bounded_memory(store: Store) -> Iterator[None]:
    """Run an export within EXPORT_MEMORY_LIMIT (DuckDB spills past it to its temporary
    folder, ``<store>.tmp`` beside the file); the store's own limit comes back afterwards."""
    saved = _setting(store, "memory_limit")
    store.con.execute(f"SET memory_limit = '{EXPORT_MEMORY_LIMIT}'")
    try:
        yield
    finally:
        store.con.execute("RESET memory_limit")  # the default exactly (read back, it is rounded)
        if _setting(store, "memory_limit") != saved:  # the caller had set one: as near as it reads
            store.con.execute(f"SET memory_limit = '{_quoted(saved)}'")


def _setting(store: Store, name: str) -> str:
    row = store.con.execute("SELECT current_setting(?)", [name]).fetchone()
    return str(row[0]) if row else ""


def copy_rows(store: Store, select: str, params: list[object], target: Path, options: str) -> int:
    """DuckDB's COPY of a query to a file or folder: streamed, never held in memory."""
    with bounded_memory(store):
        row = store.con.execute(
            f"COPY ({select}) TO '{_quoted(target)}' ({options})", params
        ).fetchone()
    return int(row[0]) if row else 0


def _quoted(text: str | Path) -> str:
    """A path or setting as an SQL string literal's content."""
    return str(text).replace("'", "''")
