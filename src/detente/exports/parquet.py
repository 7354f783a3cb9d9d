"""Parquet export: every store table in its own folder, partitioned by date (Hive style).

``DIR/events/period=2012-07/data_0.parquet``: DuckDB, pandas (pyarrow), Spark and R's arrow
read the folders back with the partition column ``period`` (``2012``, ``2012-07`` or
``2012-07-25`` by ``--partition year|month|day``), e.g.
``SELECT * FROM read_parquet('DIR/events/**/*.parquet', hive_partitioning = true)``.
Events are partitioned by their own date, the other tables by their article's date (the
dateline's, else the metadata's); rows without a date go to ``__HIVE_DEFAULT_PARTITION__``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..errors import ExportError
from ..output import MANIFEST, atomic_folder
from ..store import Store
from ..store.database import EVENTS_FROM, TABLES, EventFilter, event_where
from .common import ARTICLE_DATE_SQL, ExportReport, copy_rows, selected_articles_sql

#: The partition column's format (strftime) per partitioning.
PARTITIONS: dict[str, str] = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
#: The partition column (datelines already have year, month and day columns).
PARTITION_COLUMN = "period"
#: DuckDB keeps this many rows per row group; small enough to stream, large enough to scan.
ROW_GROUP_SIZE = 122_880


def _table_sql(table: str, where: EventFilter, fmt: str) -> tuple[str, list[object]]:
    """The rows of one table the filter selects, with their partition columns."""
    if table == "events":
        condition, params = event_where(where)
        date, source = "e.date", f"{EVENTS_FROM} WHERE {condition}"
        columns = "e.*"
    else:
        key = "id" if table == "articles" else "article_id"
        params = []
        source = (
            f"{table} t JOIN articles a ON a.id = t.{key} "
            f"LEFT JOIN datelines d ON d.article_id = t.{key}"
        )
        selected = selected_articles_sql(where)
        if selected is not None:
            source += f" WHERE t.{key} IN ({selected[0]})"
            params = list(selected[1])
        date, columns = ARTICLE_DATE_SQL, "t.*"
    partition = f"strftime({date}, '{fmt}') AS {PARTITION_COLUMN}"
    return f"SELECT {columns}, {partition} FROM {source}", params


def export_parquet(
    store: Store, folder: str | Path, where: EventFilter | None = None, partition: str = "month"
) -> ExportReport:
    """Write every table the filter selects under ``folder`` (see the module docstring); the
    folder appears whole when done, with a manifest of what it holds."""
    if partition not in PARTITIONS:
        raise ExportError(
            f"unknown partitioning {partition!r} (expected one of: {', '.join(PARTITIONS)})"
        )
    where = where or EventFilter()
    fmt = PARTITIONS[partition]
    report = ExportReport(Path(folder))
    with atomic_folder(folder) as temp:
        for table in TABLES:
            select, params = _table_sql(table, where, fmt)
            options = f"FORMAT parquet, ROW_GROUP_SIZE {ROW_GROUP_SIZE}"
            partitioned = f"{options}, PARTITION_BY ({PARTITION_COLUMN})"
            count = copy_rows(store, select, params, temp / table, partitioned)
            if count == 0:  # an empty table still gets a file, so that it reads back (0 rows)
                (temp / table).mkdir(exist_ok=True)
                copy_rows(store, select, params, temp / table / "empty.parquet", options)
            report.counts[table] = count
        manifest = {
            "detente": __version__,
            "store": store.path,
            "partition": {"column": PARTITION_COLUMN, "by": partition},
            "filter": {k: v for k, v in _plain_filter(where).items() if v not in (None, (), False)},
            "tables": report.counts,
            "read": "read_parquet('<folder>/<table>/**/*.parquet', hive_partitioning = true)",
        }
        (temp / MANIFEST).write_text(json.dumps(manifest, indent=1, default=str), "utf-8")
    return report.done()


def _plain_filter(where: EventFilter) -> dict[str, object]:
    return {name: getattr(where, name) for name in where.__dataclass_fields__}
