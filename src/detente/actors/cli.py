"""``detente actors ...`` and ``detente dictionaries ...``: parse, call ``actors.api``, render."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from ..cli_options import date_option
from ..errors import DetenteError
from . import api


@click.group("actors")
def actors() -> None:
    """Look up how détente codes an actor."""


@actors.command("lookup")
@click.argument("text")
@click.option("--date", "day", callback=date_option, help="Code on this date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the mentions as JSON.")
def lookup(text: str, day: dt.date | None, as_json: bool) -> None:
    """Print the code of each actor in TEXT, the entity, the role that applied and why."""
    try:
        mentions = api.lookup(text, day)
    except DetenteError as exc:
        click.echo(f"detente: error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        from ..model import to_jsonable

        click.echo(json.dumps([to_jsonable(m) for m in mentions], ensure_ascii=False, indent=1))
        return
    if not mentions:
        click.echo("no actor found")
        sys.exit(1)
    for m in mentions:
        entity = f"{m.entity_name} ({m.entity_id})" if m.entity_id else "-"
        click.echo(f"{m.text}\t{m.code or '-'}\t{m.kind}\t{entity}")
        if m.role_applied:
            click.echo(f"  role: {m.role_applied}")
        if m.resolution:
            click.echo(f"  resolved: {m.resolution}")
        if m.wikidata:
            click.echo(f"  wikidata: {m.wikidata}")


@click.group("dictionaries")
def dictionaries() -> None:
    """Validate the dictionaries (actors, verb patterns, event tables) and count entries."""


_PATH = click.option(
    "--path", type=click.Path(file_okay=False), help="Actor dictionary folder (default: packaged)."
)


@dictionaries.command("validate")
@_PATH
@click.option("--warnings/--no-warnings", default=False, help="Also list the warnings.")
def validate(path: str | None, warnings: bool) -> None:
    """Check every actor file and (with the packaged dictionaries) every event data file;
    exit 1 and list each error as file:line."""
    from ..events.validate import validate_event_data

    report = api.validate(path)
    event_errors, event_counts = validate_event_data() if path is None else ([], {})
    report.errors.extend(event_errors)
    for error in report.errors:
        click.echo(f"{error.path}:{error.line or 0}: {error.reason}", err=True)
    if warnings:
        for warning in report.warnings:
            click.echo(f"warning: {warning.path}:{warning.line or 0}: {warning.reason}", err=True)
    if not report.ok:
        click.echo(f"{len(report.errors)} errors in {report.root}", err=True)
        sys.exit(1)
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items())
    click.echo(f"ok: {report.root}: {counts}; {len(report.warnings)} warnings")
    if event_counts:
        counts = ", ".join(f"{v} {k}" for k, v in event_counts.items())
        click.echo(f"ok: event data: {counts}")


@dictionaries.command("stats")
@_PATH
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(path: str | None, as_json: bool) -> None:
    """Counts per kind: countries, organisations, groups, sector terms, people, roles."""
    try:
        counts = api.stats(path)
    except DetenteError as exc:
        click.echo(f"detente: error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(counts))
        return
    for name, value in counts.items():
        click.echo(f"{name}\t{value}")
