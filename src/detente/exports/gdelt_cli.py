"""`detente export gdelt DIR`: the store's event clusters as GDELT 2.0 Events and Mentions files."""

from __future__ import annotations

import datetime as dt

import click

from ..cli_options import date_option
from ..cli_render import fail, settings_for
from ..errors import DetenteError


@click.command("gdelt")
@click.argument("directory", type=click.Path(file_okay=False, writable=True))
@click.option("--db", help="DuckDB file to read (default: the db setting).")
@click.option("--since", callback=date_option, help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=date_option, help="Events on or before this date (YYYY-MM-DD).")
def gdelt(directory: str, db: str | None, since: dt.date | None, until: dt.date | None) -> None:
    """Write event clusters as GDELT 2.0 files into DIRECTORY: YYYYMMDD.export.CSV (61
    columns) and YYYYMMDD.mentions.CSV (16), tab-separated, no header, one pair per day.

    Columns détente has no value for are left empty (docs/analysis.md)."""
    from .gdelt import export_gdelt

    if since and until and since > until:
        raise click.BadParameter(f"{since} is after --until {until}", param_hint="--since")
    settings = settings_for(click.get_current_context(), db=db)
    try:
        report = export_gdelt(settings.db, directory, since=since, until=until)
    except DetenteError as exc:
        fail(exc)
    click.echo(
        f"wrote {report.events} events (export) and {report.mentions} mentions over "
        f"{report.days} days into {report.directory} in {report.seconds:.2f}s"
    )
