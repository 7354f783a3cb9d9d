"""CSV export of events: one row per event, ready for pandas, R or a spreadsheet.

Beside every event column: the actors split out of their composite codes (country, first
sector, all sectors), and the article's URL, outlet, date and title. CAMEO codes are written
quoted ("020"): read them as text (``pandas.read_csv(f, dtype={"code": str, "root": str})``,
R ``colClasses``), or a tool that guesses types reads 020 as the number 20.
"""

from __future__ import annotations

from pathlib import Path

from ..output import atomic_path
from ..store import Store
from ..store.database import EventFilter
from .common import CODE_COLUMNS, ExportReport, copy_rows, event_rows_sql

#: The file name used when the target is a folder.
FILE_NAME = "events.csv"


def csv_target(path: str | Path) -> Path:
    """The file to write: ``path``, or ``events.csv`` in it when it is a folder."""
    target = Path(path).expanduser()
    if target.is_dir() or str(path).endswith(("/", "\\")):
        return target / FILE_NAME
    return target


def export_csv(store: Store, path: str | Path, where: EventFilter | None = None) -> ExportReport:
    """Write the events the filter selects as CSV, whole or not at all."""
    target = csv_target(path)
    report = ExportReport(target)
    select, params = event_rows_sql(where or EventFilter())
    quoted = ", ".join(CODE_COLUMNS)
    with atomic_path(target) as temp:
        report.counts["events"] = copy_rows(
            store, select, params, temp, f"FORMAT csv, HEADER, FORCE_QUOTE ({quoted})"
        )
    return report.done()
