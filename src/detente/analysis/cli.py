"""`detente dyad`, `detente network`, `detente top`: questions asked of the store.

Each parses its options, calls the function of the same name in ``api`` and renders the
DataFrame it returns: a table, ``--format csv|json`` on stdout, ``--arrow FILE`` as an Arrow
IPC file for pandas, polars or R (``pyarrow.ipc.open_file(FILE).read_pandas()``).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..cli_render import FORMATS, err_console, fail, render_rows, settings_for
from ..errors import DetenteError
from ..lazy import lazy_module
from ..output import atomic_path
from ..render import plain
from ..store.database import EventFilter
from .filters import filter_options

if TYPE_CHECKING:
    import pandas as pd

    from .. import api
else:  # the library is imported by the command that needs it: `--help` stays quick
    api = lazy_module("detente.api")

ARROW_HELP = (
    "Also write the result as an Arrow IPC file (pyarrow.ipc.open_file(FILE).read_pandas())."
)


def write_arrow(frame: pd.DataFrame, path: str | Path) -> Path:
    """A DataFrame as an Arrow IPC file, written whole or not at all."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=False)
    target = Path(path)
    with (
        atomic_path(target) as temp,
        pa.OSFile(str(temp), "wb") as sink,
        pa.ipc.new_file(sink, table.schema) as writer,
    ):
        writer.write_table(table)
    return target


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows for rendering: dates as dates, missing numbers as None (JSON has no NaN)."""
    rows = frame.to_dict("records")
    for row in rows:
        for key, value in row.items():
            if isinstance(value, float) and math.isnan(value):
                row[key] = None
            elif hasattr(value, "date") and key == "period":
                row[key] = value.date()
    return rows


def _say(line: str) -> None:
    err_console.print(plain(line))


def _show(frame: pd.DataFrame, fmt: str, title: str, arrow: str | None) -> None:
    render_rows(_rows(frame), fmt, list(frame.columns), title)
    if arrow:
        _say(f"wrote {len(frame)} rows to {write_arrow(frame, arrow)}")


@click.command()
@click.argument("source")
@click.argument("target")
@click.option("--db", help="DuckDB file to read.")
@click.option(
    "--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True,
    help="Period length (weeks start on Monday).",
)  # fmt: skip
@click.option(
    "--both-ways", is_flag=True, help="Add TARGET's events towards SOURCE as a second direction."
)
@click.option(
    "--plot",
    "plot_path",
    metavar="FILE",
    help="Draw the series (Goldstein sum, events) to FILE, e.g. dyad.png.",
)
@click.option("--arrow", metavar="FILE", help=ARROW_HELP)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@filter_options(actors=False)
@click.pass_context
def dyad(
    ctx: click.Context,
    source: str,
    target: str,
    db: str | None,
    by: str,
    both_ways: bool,
    plot_path: str | None,
    arrow: str | None,
    fmt: str,
    where: EventFilter,
) -> None:
    """Events between two actors per period: counts per quad class, Goldstein sum and mean,
    mean tone.

    SOURCE and TARGET are actor code prefixes (RUS matches RUSGOV and RUSGOVMIL; IGOWSTNAT is
    NATO). Every period from --since (or the first event) to --until (or the last) is listed,
    with zeros where nothing happened."""
    settings = settings_for(ctx, db=db)
    try:
        frame = api.dyad(source, target, settings.db, by=by, where=where, both_ways=both_ways)
        if plot_path:
            from .series import plot_series

            title = f"{source.upper()} and {target.upper()}: events per {by}"
            _say(f"wrote {plot_series(frame, plot_path, title)}")
    except DetenteError as exc:
        fail(exc)
    if frame.empty and fmt == "table":
        click.echo(
            f"no events from {source.upper()} to {target.upper()} in {settings.db} "
            "(SOURCE and TARGET are actor code prefixes: `detente actors lookup NATO` "
            "gives NATO's)"
        )
    else:
        _show(frame, fmt, f"{source.upper()} -> {target.upper()} per {by}", None)
    if arrow:
        _say(f"wrote {len(frame)} rows to {write_arrow(frame, arrow)}")


_GRAPH_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}


@click.command()
@click.option("--db", help="DuckDB file to read.")
@click.option(
    "--level", type=click.Choice(["sector", "country", "full"]), default="sector", show_default=True,
    help="Node = actor code cut to country + first sector, to country, or whole (IGO/NGO codes stay whole).",
)  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "graphml", "gexf", "csv"]),
    help="Output format (default: from -o's extension, else a table).",
)  # fmt: skip
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write the network to FILE (graphml, gexf or csv edge list).",
)
@click.option("--arrow", metavar="FILE", help=ARROW_HELP)
@filter_options()
@click.pass_context
def network(
    ctx: click.Context,
    db: str | None,
    level: str,
    fmt: str | None,
    output: str | None,
    arrow: str | None,
    where: EventFilter,
) -> None:
    """The directed actor network: who acts on whom, weighted by event count, with Goldstein
    sum and mean and quad-class counts on each edge."""
    settings = settings_for(ctx, db=db)
    fmt = fmt or (
        _GRAPH_SUFFIXES.get(Path(output).suffix.lower(), "graphml") if output else "table"
    )
    try:
        frame = api.network(settings.db, where=where, level=level)
        if output:
            from .network import write_graph

            if fmt not in _GRAPH_SUFFIXES.values():
                raise click.BadParameter("-o writes graphml, gexf or csv", param_hint="--format")
            path = write_graph(frame, output, fmt)
            _say(f"wrote {frame.shape[0]} edges between {_nodes(frame)} actors to {path}")
        elif fmt in ("graphml", "gexf"):
            import networkx as nx

            graph = api.to_graph(frame)
            lines = nx.generate_graphml(graph) if fmt == "graphml" else nx.generate_gexf(graph)
            for line in lines:
                click.echo(line)
        else:
            _show(frame, fmt, f"{len(frame)} edges, {_nodes(frame)} actors", None)
        if arrow:
            _say(f"wrote {len(frame)} rows to {write_arrow(frame, arrow)}")
    except DetenteError as exc:
        fail(exc)


def _nodes(frame: pd.DataFrame) -> int:
    return len(set(frame["source"]) | set(frame["target"]))


@click.command()
@click.argument("kind", type=click.Choice(["actors", "dyads", "codes"]))
@click.option("--db", help="DuckDB file to read.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Rows to list."
)
@click.option("--arrow", metavar="FILE", help=ARROW_HELP)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@filter_options()
@click.pass_context
def top(
    ctx: click.Context,
    kind: str,
    db: str | None,
    limit: int,
    arrow: str | None,
    fmt: str,
    where: EventFilter,
) -> None:
    """The actors, dyads or CAMEO codes with the most events (an actor counts as source and
    as target)."""
    settings = settings_for(ctx, db=db)
    try:
        frame = api.top(kind, settings.db, where=where, limit=limit)
        _show(frame, fmt, f"top {len(frame)} {kind}", arrow)
    except DetenteError as exc:
        fail(exc)
