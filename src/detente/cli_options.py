"""Option parsers shared by every command group of the command line."""

from __future__ import annotations

import datetime as dt

import click


def date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A click callback: a YYYY-MM-DD date, or a usage error naming the value."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
