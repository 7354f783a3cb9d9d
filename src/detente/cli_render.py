"""What every command group of the command line shares: rendering rows, one-line errors.

Kept apart from ``cli.py`` so that command groups in other packages (analysis, exports) render
and fail exactly as the core commands do without importing the main group.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.table import Table

from .errors import DetenteError
from .render import plain
from .settings import Settings, load_settings

#: Exit status of a job that could not run (usage, settings, store); see cli.py.
EXIT_USAGE = 2

FORMATS = click.Choice(["table", "csv", "json"])

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def settings_for(ctx: click.Context, **given: Any) -> Settings:
    """The resolved settings; a bad one is a usage error."""
    try:
        return load_settings(**given)
    except DetenteError as exc:
        raise click.UsageError(str(exc), ctx) from None


def fail(exc: DetenteError) -> NoReturn:
    """The job could not run: one line, exit 2."""
    err_console.print(plain(f"detente: error: {exc}"))
    sys.exit(EXIT_USAGE)


def render_rows(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], title: str) -> None:
    """Rows as a table on the terminal, or as CSV or JSON on stdout."""
    if fmt == "json":
        click.echo(json.dumps(rows, default=json_default, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: cell(v) for k, v in row.items()})
    else:
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(plain(cell(row.get(c))) for c in columns))
        table_console().print(table)


def table_console() -> Console:
    """A console for tables: the terminal's width, or a wide page when output is piped."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=160)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:g}"
    return str(value)


def json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
