"""`detente export FORMAT TARGET`: the store (or the part the filters select) as files.

``export`` is a click group so that other formats join it with ``export.add_command(...)``.
Every export streams (DuckDB's COPY, or articles rebuilt in chunks), is written to a temporary
file or folder and moved into place when complete, and prints its row counts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from ..analysis.filters import filter_options
from ..cli_render import err_console, fail, settings_for
from ..errors import DetenteError
from ..lazy import lazy_module
from ..render import plain
from ..store.database import EventFilter

if TYPE_CHECKING:
    from .. import api
    from .common import ExportReport
else:
    api = lazy_module("detente.api")


@click.group()
def export() -> None:
    """Write the store as Parquet, CSV, JSON Lines or GDELT 2.0 files (filters as in
    `detente events`; GDELT: event clusters by day).

    Without filters every event the default output holds is exported (asserted acts between
    two actors); --all exports every coded event, --include-negated adds negated ones."""


def _run(job: Callable[[], ExportReport]) -> None:
    """Run an export and print what it wrote, one line per table (stderr: stdout stays free)."""
    try:
        report = job()
    except DetenteError as exc:
        fail(exc)
    for table, count in report.counts.items():
        err_console.print(plain(f"{table}: {count} rows"))
    err_console.print(plain(f"wrote {report.rows} rows to {report.path} in {report.seconds:.2f}s"))


@export.command()
@click.argument("folder")
@click.option("--db", help="DuckDB file to read.")
@click.option(
    "--partition", type=click.Choice(["year", "month", "day"]), default="month", show_default=True,
    help="Date partitions (a 'period' column and folder per year, month or day).",
)  # fmt: skip
@filter_options()
@click.pass_context
def parquet(
    ctx: click.Context, folder: str, db: str | None, partition: str, where: EventFilter
) -> None:
    """Every table as Parquet, one folder per table, partitioned by date.

    Read back with DuckDB: read_parquet('FOLDER/events/**/*.parquet', hive_partitioning=true).
    With filters, events are those selected, the other tables those of their articles. FOLDER
    is replaced whole if it holds an earlier export; any other non-empty folder is refused."""
    settings = settings_for(ctx, db=db)
    _run(lambda: api.export_parquet(folder, settings.db, where=where, partition=partition))


@export.command("csv")
@click.argument("file_or_dir", metavar="FILE_OR_DIR")
@click.option("--db", help="DuckDB file to read.")
@filter_options()
@click.pass_context
def csv_command(ctx: click.Context, file_or_dir: str, db: str | None, where: EventFilter) -> None:
    """Events as CSV: one row per event, with article URL, outlet and dates, and the actors'
    countries and sectors split out; CAMEO codes quoted (read them as text: "020").

    A folder as FILE_OR_DIR gets events.csv."""
    settings = settings_for(ctx, db=db)
    _run(lambda: api.export_csv(file_or_dir, settings.db, where=where))


@export.command()
@click.argument("file")
@click.option("--db", help="DuckDB file to read.")
@click.option(
    "--articles", is_flag=True,
    help="One record per article (the whole coded article, as `detente code --jsonl` writes).",
)  # fmt: skip
@filter_options()
@click.pass_context
def jsonl(
    ctx: click.Context, file: str, db: str | None, articles: bool, where: EventFilter
) -> None:
    """JSON Lines: one object per event (the CSV columns), or per article with --articles."""
    settings = settings_for(ctx, db=db)
    _run(lambda: api.export_jsonl(file, settings.db, where=where, articles=articles))
