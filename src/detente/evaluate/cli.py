"""`detente eval ...`: run a gold set and print its figures (JSON with --json)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from ..errors import DetenteError


def _print(
    compute: Callable[[], Any],
    as_json: bool,
    to_dict: Callable[[Any], dict[str, Any]],
    render: Callable[[Any], str],
) -> None:
    """Run an evaluation; print its figures as JSON or text, or a one-line error (exit 1)."""
    try:
        report = compute()
    except DetenteError as exc:
        click.echo(f"detente: error: {exc}", err=True)
        sys.exit(1)
    click.echo(json.dumps(to_dict(report), indent=1) if as_json else render(report))


@click.group("eval")
def eval_group() -> None:
    """Evaluate the coder on gold sets (PETRARCH unit tests, ConfliBERT, ...)."""


@eval_group.command("conflibert")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--outcomes", is_flag=True, help="With --json: every record's prediction too.")
@click.option("--fast", is_flag=True, help="Score the rule-only pipeline (no parser).")
def conflibert(path: str, as_json: bool, outcomes: bool, fast: bool) -> None:
    """5-class accuracy, macro-F1 and actor span F1 on ConfliBERT CAMEO sentences (JSONL)."""
    from .conflibert import evaluate, render_report

    _print(
        lambda: evaluate(path, fast=fast),
        as_json,
        lambda r: r.as_dict(with_outcomes=outcomes),
        render_report,
    )


@eval_group.command("quotes")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--split",
    type=click.Choice(["dev", "train"]),
    default="dev",
    show_default=True,
    help="PolNeAR split to score (tune on train, report on dev).",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@click.option("--errors", is_flag=True, help="List every miss and false alarm per article too.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def quotes(path: str, split: str, limit: int | None, errors: bool, as_json: bool) -> None:
    """Quote P/R/F1 (direct, all) and speaker accuracy on PolNeAR attributions."""
    from .quotes import evaluate, render_report

    _print(
        lambda: evaluate(path, split=split, limit=limit),
        as_json,
        lambda r: r.as_dict(with_errors=errors),
        lambda r: render_report(r, show_errors=errors),
    )


@eval_group.command("petrarch")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--failures", is_flag=True, help="List every failed record too.")
@click.option("--all-records", is_flag=True, help="Score records outside the file's <Include>.")
@click.option("--fast", is_flag=True, help="Score the rule-only pipeline (no parser).")
def petrarch(path: str, as_json: bool, failures: bool, all_records: bool, fast: bool) -> None:
    """Records exact, triple P/R/F1 and failures by category on PETRARCH's unit-test suite.

    The dictionaries named in the file's <Environment> are read beside it or in its
    validate_dictionaries/ folder.
    """
    from .petrarch import evaluate_petrarch, render_report

    _print(
        lambda: evaluate_petrarch(path, all_records=all_records, fast=fast),
        as_json,
        lambda r: r.as_dict(with_outcomes=failures),
        lambda r: render_report(r, show_failures=failures),
    )


@eval_group.command("tone")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def tone(path: str | None, as_json: bool) -> None:
    """VADER alone against VADER with our diplomatic lexicon: accuracy and macro-F1 on the
    labelled sentences (default: the packaged data/tone/labelled.tsv)."""
    from pathlib import Path

    from ..tone.evaluate import evaluate_tone, render_tone_report

    _print(
        lambda: evaluate_tone(Path(path) if path else None),
        as_json,
        lambda r: r.as_dict(),
        render_tone_report,
    )


@eval_group.command("news")
@click.argument("path", type=click.Path(exists=True))
@click.option(
    "--articles",
    type=click.Path(exists=True, dir_okay=False),
    help="The articles' texts (default: ../news_dev/articles.jsonl beside the gold).",
)
@click.option("--fast", is_flag=True, help="Score the rule-only pipeline (no parser).")
@click.option("--errors", is_flag=True, help="List every miss and false alarm too.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def news(path: str, articles: str | None, fast: bool, errors: bool, as_json: bool) -> None:
    """Event P/R/F1 on real news annotated exhaustively (news_gold/GUIDELINES.md's rule)."""
    from .news import evaluate, render_report

    _print(
        lambda: evaluate(path, fast=fast, articles=articles),
        as_json,
        lambda r: r.as_dict(with_errors=errors),
        lambda r: render_report(r, show_errors=errors),
    )
