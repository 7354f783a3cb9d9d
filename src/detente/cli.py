"""The command line: parse arguments, call the function of the same name in ``api``, render.

Library errors become one-line messages and exit codes here, and only here: 0 all done;
1 some inputs failed (each has its line), the rest were done; 2 the job could not run (usage,
settings, store, model); 3 an internal error (a bug: the message says where the traceback is);
130 and 143 interrupted by Ctrl-C or SIGTERM (what was stored stays; run again to go on).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click
from rich.console import Console
from rich.table import Table

from . import __version__
from .lazy import lazy_module

if TYPE_CHECKING:
    from . import api
else:  # the library is imported by the first command that needs it: `--help` stays quick
    api = lazy_module("detente.api")
from .actors import cli as actors_cli
from .analysis import cli as analysis_cli
from .analysis.filters import filter_options
from .cli_options import date_option
from .cli_render import FORMATS, err_console
from .cli_render import fail as _fail
from .cli_render import render_rows as _render_rows
from .cli_render import settings_for as _settings
from .errors import DetenteError, InputError
from .evaluate import cli as evaluate_cli
from .events import cli as events_cli
from .exports import cli as exports_cli
from .exports import gdelt_cli
from .model import Article, CodedArticle, json_schema
from .output import AtomicOutput, check_not_input
from .render import plain, render_article
from .settings import SETTINGS, Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: Exit status of a job stopped by a signal: 128 + the signal's number, as shells report it.
EXIT_INTERRUPTED: dict[int, int] = {signal.SIGINT: 130, signal.SIGTERM: 143}


class _Interrupted(BaseException):
    """SIGTERM, raised in the main thread so that open files and stores close cleanly.

    A BaseException, as KeyboardInterrupt is: code that turns any ``Exception`` into a
    recoverable failure (a damaged cache is rebuilt, a failing article is skipped) must not
    swallow it and finish the job as if no one had asked it to stop."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: Signals received during the command. DuckDB turns the exception a signal raises during a
#: query into "RuntimeError: Query interrupted"; this says it was an interruption all the same.
_RECEIVED: list[int] = []


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    _RECEIVED.append(signum)
    raise _Interrupted(signum)


def _interrupted(signum: int) -> NoReturn:
    err_console.print(
        "detente: interrupted; every batch stored so far is kept whole: "
        "run the same command again to go on",
        markup=False,
    )
    sys.exit(EXIT_INTERRUPTED.get(signum, 128 + signum))


def _internal_error(exc: BaseException) -> NoReturn:
    """A bug: one line with the reason and where the whole traceback was saved, exit 3."""
    with tempfile.NamedTemporaryFile(
        "w", prefix="detente-crash-", suffix=".txt", delete=False, encoding="utf-8"
    ) as log:
        traceback.print_exception(exc, file=log)
    reason = plain(f"{type(exc).__name__}: {exc}"[:300])
    err_console.print(
        plain("detente: internal error: ")
        + reason
        + plain(
            f"\n  this is a bug in détente: please report it to the developers "
            f"with the traceback saved in {log.name}"
        )
    )
    sys.exit(EXIT_INTERNAL)


class _Group(click.Group):
    """The command group: an unexpected exception is an internal error (exit 3), not a
    traceback; SIGTERM stops a command as Ctrl-C does."""

    def invoke(self, ctx: click.Context) -> Any:
        previous = signal.getsignal(signal.SIGTERM)
        in_main = threading.current_thread() is threading.main_thread()
        if in_main:
            _RECEIVED.clear()
            signal.signal(signal.SIGTERM, _raise_interrupted)
        try:
            result = super().invoke(ctx)
            if _RECEIVED:  # a library caught the signal's exception and went on
                _interrupted(_RECEIVED[-1])
            return result
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except (KeyboardInterrupt, _Interrupted) as exc:
            _interrupted(exc.signum if isinstance(exc, _Interrupted) else int(signal.SIGINT))
        except Exception as exc:
            if _RECEIVED:  # a library caught the interruption and raised its own error
                _interrupted(_RECEIVED[-1])
            _internal_error(exc)
        finally:
            if in_main:
                signal.signal(signal.SIGTERM, previous)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="detente")
def main() -> None:
    """détente: turn news into political event data, stored in DuckDB.

    Start with `detente code FOLDER`, then `detente stats`, `detente events` and
    `detente show ID`. Settings: `detente settings`.
    """


# --- code ----------------------------------------------------------------------------------


class _ProgressBar:
    """A rich progress bar with articles/s, for terminals only."""

    def __init__(self, enabled: bool) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.enabled = enabled
        self.progress = Progress(
            TextColumn("[bold]coding"),
            BarColumn(bar_width=None),
            TextColumn("{task.completed} articles"),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=not enabled,
        )
        self.task = self.progress.add_task("coding", total=None, rate=0.0)

    def __enter__(self) -> _ProgressBar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def __call__(self, item: CodedArticle | InputError | Article) -> None:
        if isinstance(item, InputError):
            # As it happens, one line each; the live bar (if any) redraws below it.
            err_console.print(plain(f"detente: error: {item}"), style="red")
            return
        self.progress.advance(self.task)
        task = self.progress.tasks[0]
        elapsed = task.elapsed or 0.0
        self.progress.update(self.task, rate=task.completed / elapsed if elapsed else 0.0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help="DuckDB file to write (default: the db setting, detente.duckdb).")
@click.option(
    "--jsonl",
    "jsonl_path",
    metavar="OUT|-",
    help="Also write one JSON record per article to OUT (- for stdout).",
)
@click.option("--no-store", is_flag=True, help="Do not write the DuckDB store (use with --jsonl).")
@click.option("--workers", type=int, help="Worker processes (default: the workers setting).")
@click.option("--model", help="spaCy model to parse with (default: en_core_web_sm).")
@click.option(
    "--fast",
    is_flag=True,
    default=None,
    help="Rule-only pipeline, no parser: several times faster, less accurate (for triage).",
)
@click.option("--batch-size", type=int, help="Articles per batch and store transaction.")
@click.option("--quiet", "-q", is_flag=True, default=None, help="No progress bar or summary.")
@click.option(
    "--actors", "actors_files", multiple=True, help="PETRARCH actor dictionary (repeatable)."
)
@click.option(
    "--agents", "agents_files", multiple=True, help="PETRARCH agent dictionary (repeatable)."
)
@click.option(
    "--verbs",
    "verbs_files",
    multiple=True,
    help="PETRARCH verb dictionary coding events instead of our patterns (repeatable).",
)
@click.option("--petrarch-only", is_flag=True, help="Use the PETRARCH files instead of our actors.")
@click.option(
    "--follow-links",
    is_flag=True,
    default=None,
    help="Follow symbolic links that lead out of a folder being read (off: one line each).",
)
@click.pass_context
def code(
    ctx: click.Context,
    paths: Sequence[str],
    db: str | None,
    jsonl_path: str | None,
    no_store: bool,
    workers: int | None,
    model: str | None,
    fast: bool | None,
    batch_size: int | None,
    quiet: bool | None,
    actors_files: Sequence[str],
    agents_files: Sequence[str],
    verbs_files: Sequence[str],
    petrarch_only: bool,
    follow_links: bool | None,
) -> None:
    """Code news files, folders, globs or - (stdin) into the store.

    Formats: .txt, .html/.htm, .jsonl/.json, .csv, .xml (a PETRARCH corpus: one article per
    <Sentence>) and the .gz of each. A bad input, or one in a format détente does not read
    (other XML, PDF, Word ...), gets one line on stderr and the rest go on; exit status 1 if
    any input failed.
    """
    if workers is not None and workers < 1:
        raise click.BadParameter("must be 1 or more", param_hint="--workers")
    settings = _settings(
        ctx,
        db=db,
        workers=workers,
        model=model,
        fast=fast,
        batch_size=batch_size,
        quiet=quiet,
        actors_files=",".join(actors_files) or None,
        agents_files=",".join(agents_files) or None,
        verbs_files=",".join(verbs_files) or None,
        follow_links=follow_links,
    )
    if petrarch_only and not actors_files and not settings.actors_files:
        raise click.UsageError("--petrarch-only needs --actors FILE", ctx)
    if no_store and not jsonl_path:
        raise click.UsageError("--no-store needs --jsonl, or nothing would be kept", ctx)
    try:
        if jsonl_path and jsonl_path != "-":
            check_not_input(jsonl_path, paths)
        with ExitStack() as stack:
            out: IO[str] | None = None
            if jsonl_path == "-":
                out = sys.stdout
            elif jsonl_path:
                out = stack.enter_context(AtomicOutput(jsonl_path))
            show_bar = not settings.quiet and err_console.is_terminal
            bar = stack.enter_context(_ProgressBar(show_bar))
            report = api.code(
                paths,
                settings=settings,
                jsonl=out,
                progress=bar,
                write_store=not no_store,
                petrarch_only=petrarch_only,
            )
    except DetenteError as exc:
        _fail(exc)
        return
    if not settings.quiet:
        summary = _summary(report, settings, no_store)
        click.echo(summary, err=jsonl_path == "-")
    sys.exit(EXIT_OK if report.ok else EXIT_FAILED)


def _summary(report: api.CodeReport, settings: Settings, no_store: bool) -> str:
    rate = report.coded / report.seconds if report.seconds else 0.0
    where = "" if no_store else f" into {settings.db}"
    parts = [
        f"coded {report.coded} articles{where} ({report.sentences} sentences, {report.events} events) "
        f"in {report.seconds:.2f}s, {rate:.1f} articles/s",
    ]
    extra = []
    if report.unchanged:
        extra.append(f"{report.unchanged} unchanged since the last run")
    if report.duplicates:
        extra.append(f"{report.duplicates} exact duplicates skipped")
    if report.copies:
        extra.append(f"{report.copies} copies of stories recognised (recorded, not coded)")
    if report.failed:
        extra.append(f"{report.failed} inputs failed")
    if extra:
        parts.append("; ".join(extra))
    return "; ".join(parts)


# --- queries -------------------------------------------------------------------------------


def _with_store(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except DetenteError as exc:
        _fail(exc)


@main.command()
@click.option("--db", help="DuckDB file to read.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def articles(ctx: click.Context, db: str | None, limit: int | None, fmt: str) -> None:
    """List the stored articles with their dateline and event count."""
    settings = _settings(ctx, db=db)
    rows = _with_store(lambda: api.articles(settings.db, limit=limit))
    columns = [
        "id",
        "published",
        "dateline_date",
        "place",
        "agency",
        "source",
        "events",
        "title",
        "origin",
    ]
    _render_rows(rows, fmt, columns, f"{len(rows)} articles")


@main.command()
@click.option("--db", help="DuckDB file to read.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@filter_options()
@click.pass_context
def events(
    ctx: click.Context,
    db: str | None,
    limit: int | None,
    fmt: str,
    where: api.EventFilter,
) -> None:
    """List coded events: who did what to whom, when, and from which sentence.

    By default: acts the text asserts, between two actors (--include-negated, --all for more).
    The filters are those of every analysis and export command (docs/analysis.md)."""
    settings = _settings(ctx, db=db)
    where = dataclasses.replace(where, limit=limit)
    rows = _with_store(lambda: api.events(settings.db, where))
    if not rows and fmt == "table":
        total = _with_store(lambda: api.stats(settings.db)).counts["articles"]
        click.echo(
            f"no events in {settings.db} ({total} articles stored)"
            + ("" if where != api.EventFilter() else "; the event coder has not coded any yet")
        )
        return
    columns = [
        "date",
        "source_code",
        "code",
        "target_code",
        "goldstein",
        "source_text",
        "target_text",
        "article_id",
        "sentence",
    ]
    if fmt == "table":  # the full id and the pattern are in csv and json; a table stays readable
        rows = [{**r, "article_id": r["article_id"][:8]} for r in rows]
    _render_rows(rows, fmt, columns, f"{len(rows)} events")


@main.command()
@click.option("--db", help="DuckDB file to read.")
@click.option(
    "--speaker",
    help="A person or body by name or entity id ('Blair': every quote of the Blair best "
    "matched, none of a namesake's), or an actor code prefix ('RUSGOV').",
)
@click.option("--speaker-text", help="Speaker as written: a substring, any case.")
@click.option("--article", "article_id", help="Only the quotes of this article id.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many quotes.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def quotes(
    ctx: click.Context,
    db: str | None,
    speaker: str | None,
    speaker_text: str | None,
    article_id: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List quotations: who said what, with the cue and the sentence it came from."""
    settings = _settings(ctx, db=db)
    if speaker:
        _say_which_speaker(speaker, _with_store(lambda: api.speakers(settings.db, speaker)))
    rows = _with_store(
        lambda: api.quotes(settings.db, speaker, article_id, limit, speaker_text=speaker_text)
    )
    if not rows and fmt == "table":
        click.echo(f"no quotes in {settings.db}" + (f" by {speaker!r}" if speaker else ""))
        return
    columns = [
        "date",
        "speaker_text",
        "speaker_name",
        "speaker_code",
        "speaker_entity",
        "cue",
        "kind",
        "text",
        "article_id",
        "sentence",
    ]
    _render_rows(rows, fmt, columns, f"{len(rows)} quotes")


def _say_which_speaker(name: str, matches: list[dict[str, Any]]) -> None:
    """On stderr, which speaker ``--speaker`` matched and which others it could have meant."""
    if not matches:
        err_console.print(plain(f"speaker {name!r}: no name matches; read as an actor code"))
        return

    def label(match: dict[str, Any]) -> str:
        who = match["entity"] or "not in the dictionary"
        return f"{match['name']} ({who}, {match['quotes']} quotes)"

    line = f"speaker {name!r}: {label(matches[0])}"
    if len(matches) > 1:
        others = "; ".join(label(m) for m in matches[1:6])
        line += f"; also matching, not shown: {others}"
    err_console.print(plain(line))


@main.command()
@click.argument("article_id")
@click.option("--db", help="DuckDB file to read.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_context
def show(ctx: click.Context, article_id: str, db: str | None, fmt: str) -> None:
    """Show one article's text with its facts highlighted (ARTICLE_ID may be a prefix)."""
    settings = _settings(ctx, db=db)
    record = _with_store(lambda: api.show(article_id, settings.db))
    if record is None:
        err_console.print(
            f"detente: error: no article {article_id!r} in {settings.db}", markup=False
        )
        sys.exit(EXIT_FAILED)
    if fmt == "json":
        click.echo(record.to_json())
    else:
        render_article(record, Console(highlight=False))


@main.command()
@click.option("--db", help="DuckDB file to read.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
def stats(ctx: click.Context, db: str | None, fmt: str) -> None:
    """Row counts of every table in the store."""
    settings = _settings(ctx, db=db)
    result = _with_store(lambda: api.stats(settings.db))
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "path": result.path,
                    "counts": result.counts,
                    "migrations": list(result.migrations),
                }
            )
        )
        return
    table = Table(title=plain(result.path), title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in result.counts.items():
        table.add_row(name, str(count))
    Console(highlight=False).print(table)


@main.command()
@click.option("--db", help="DuckDB file to read.")
@click.option("--article", "article_id", help="Only the places of this article id.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def places(
    ctx: click.Context, db: str | None, article_id: str | None, limit: int | None, fmt: str
) -> None:
    """Places: counts per place over the store, or one article's places with --article."""
    settings = _settings(ctx, db=db)
    rows = _with_store(lambda: api.places(settings.db, article_id, limit))
    if not rows and fmt == "table":
        click.echo(f"no places in {settings.db}")
        return
    if article_id:
        columns = ["sentence", "text", "name", "feature", "country", "adm1", "role", "lat", "lon"]
    else:
        columns = [
            "name",
            "feature",
            "country",
            "adm1",
            "mentions",
            "articles",
            "events",
            "lat",
            "lon",
        ]
    _render_rows(rows, fmt, columns, f"{len(rows)} places")


@main.command()
@click.option("--db", help="DuckDB file to read.")
@click.option("--article", "article_id", help="Only the themes of this article id.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option("--no-rollup", is_flag=True, help="Count matched themes only, not their parents.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def themes(
    ctx: click.Context,
    db: str | None,
    article_id: str | None,
    limit: int | None,
    no_rollup: bool,
    fmt: str,
) -> None:
    """Themes: counts per theme over the store (parents include their sub-themes), or one
    article's theme matches with --article."""
    settings = _settings(ctx, db=db)
    rows = _with_store(lambda: api.themes(settings.db, article_id, limit, rollup=not no_rollup))
    if not rows and fmt == "table":
        click.echo(f"no themes in {settings.db}")
        return
    if article_id:
        columns = ["sentence", "theme", "name", "text"]
    else:
        columns = ["theme", "name", "mentions", "articles"]
    _render_rows(rows, fmt, columns, f"{len(rows)} themes")


@main.command()
@click.option("--db", help="DuckDB file to read.")
@click.option("--source", help="Source actor code prefix, e.g. RUS or RUSGOV.")
@click.option("--target", help="Target actor code prefix, e.g. IGOWST.")
@click.option("--code", "code_prefix", help="CAMEO event code prefix, e.g. 04 or 036.")
@click.option("--since", callback=date_option, help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=date_option, help="Events on or before this date (YYYY-MM-DD).")
@click.option(
    "--min-sources", type=click.IntRange(min=1), help="Only events reported by this many outlets."
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many clusters.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def clusters(
    ctx: click.Context,
    db: str | None,
    source: str | None,
    target: str | None,
    code_prefix: str | None,
    since: dt.date | None,
    until: dt.date | None,
    min_sources: int | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List event clusters: one real-world event and how many mentions, outlets and
    articles reported it (GDELT's NumMentions, NumSources, NumArticles)."""
    settings = _settings(ctx, db=db)
    where = api.ClusterFilter(
        source=source,
        target=target,
        code=code_prefix,
        since=since,
        until=until,
        min_sources=min_sources,
        limit=limit,
    )
    rows = _with_store(lambda: api.clusters(settings.db, where))
    if not rows and fmt == "table":
        click.echo(f"no event clusters in {settings.db}")
        return
    columns = [
        "id",
        "date",
        "source_key",
        "code",
        "target_key",
        "country",
        "num_mentions",
        "num_sources",
        "num_articles",
        "confidence",
    ]
    _render_rows(rows, fmt, columns, f"{len(rows)} event clusters")


@main.command()
@click.option("--db", help="DuckDB file to read.")
@click.option("--story", help="Only the copies of this story (an article id prefix).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many copies.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def copies(
    ctx: click.Context, db: str | None, story: str | None, limit: int | None, fmt: str
) -> None:
    """List the recorded copies of coded stories (syndicated, re-published): outlet, URL,
    date and similarity; copies are counted in event clusters, not coded."""
    settings = _settings(ctx, db=db)
    rows = _with_store(lambda: api.copies(settings.db, story=story, limit=limit))
    if not rows and fmt == "table":
        click.echo(f"no copies recorded in {settings.db}")
        return
    columns = ["story_id", "story_source", "source", "title", "url", "published", "similarity"]
    if fmt == "table":
        rows = [{**r, "story_id": r["story_id"][:8]} for r in rows]
    _render_rows(rows, fmt, columns, f"{len(rows)} copies")


@main.command("settings")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
def settings_command(ctx: click.Context, fmt: str) -> None:
    """Print the resolved settings and where each value came from."""
    resolved = _settings(ctx)
    helps = {s.name: s.help for s in SETTINGS}
    rows = [
        {"name": n, "value": v, "source": src, "help": helps[n]} for n, v, src in resolved.items()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=1))
        return
    _render_rows(
        rows,
        "table",
        ["name", "value", "source", "help"],
        "settings (DETENTE_<NAME> or detente.toml to change)",
    )


@main.command()
def schema() -> None:
    """Print the JSON Schema of one JSON Lines record (src/detente/schema/ holds a copy)."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


main.add_command(actors_cli.actors)
main.add_command(actors_cli.dictionaries)
main.add_command(evaluate_cli.eval_group)
main.add_command(events_cli.explain)
main.add_command(events_cli.null_verbs)
main.add_command(analysis_cli.dyad)
main.add_command(analysis_cli.network)
main.add_command(analysis_cli.top)
main.add_command(exports_cli.export)
exports_cli.export.add_command(gdelt_cli.gdelt)

if __name__ == "__main__":
    main()
