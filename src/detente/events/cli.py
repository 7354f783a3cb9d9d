"""`detente explain` and `detente null-verbs`: look inside the event coder, grow its dictionary."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..cli_options import date_option
from ..errors import DetenteError

if TYPE_CHECKING:
    from .explain import Explanation


def _where(source: str) -> str:
    path, _, line = source.rpartition(":")
    return f"{Path(path).name}:{line}"


def render_explanation(explanation: Explanation, all_tries: bool = False) -> str:
    """The explanation as indented text: actors, anchors with patterns tried, decisions, events."""
    from .explain import MAX_TRIES_SHOWN

    lines = [
        f"text: {explanation.text}",
        f"date: {explanation.date or 'none given'}",
        f"pipeline: {explanation.pipeline}",
    ]
    if explanation.parse:
        lines.append("parse (word/tag/dependency>head):")
        lines.extend(f"  [{i}] {line}" for i, line in enumerate(explanation.parse))
        lines.append("clauses:")
        for c in explanation.clauses:
            facts = [f"subject {c.subject!r} ({c.subject_path})" if c.subject else "no subject"]
            if c.passive:
                facts.append(f"passive, by {c.agent!r}" if c.agent else "passive, no agent")
            if c.negated:
                facts.append("negated")
            if c.modality:
                facts.append(c.modality)
            status = f"reported by {c.speaker!r}" if c.status == "reported" else c.status
            facts.append(status)
            lines.append(f"  [{c.sentence}] {c.predicate!r}: {'; '.join(facts)}")
    lines.append("actors:")
    for a in explanation.actors:
        extra = [f"entity {a.entity_id}" if a.entity_id else "", a.kind]
        if a.role_applied:
            extra.append(f"role: {a.role_applied}")
        if a.antecedent:
            extra.append(f"refers to {a.antecedent!r} ({a.resolution or 'coreference'})")
        details = "; ".join(e for e in extra if e)
        lines.append(f"  [{a.sentence}] {a.text!r} -> {a.code or 'no code'}  ({details})")
    lines.append("predicates (anchors) and the patterns tried there:")
    for anchor in explanation.anchors:
        fired = f"fired: {anchor.chosen}" if anchor.chosen else "no pattern matched"
        lines.append(f"  [{anchor.sentence}] {anchor.text!r}: {fired}")
        shown = anchor.tried if all_tries else anchor.tried[:MAX_TRIES_SHOWN]
        for t in shown:
            lines.append(f"      {t.pattern_id}  ({_where(t.source)}): {t.outcome}")
        if len(anchor.tried) > len(shown):
            lines.append(f"      ... {len(anchor.tried) - len(shown)} more (--all)")
    lines.append("decisions:")
    lines.extend(f"  {d}" for d in explanation.decisions or ("no candidate event",))
    lines.append("events:")
    for e in explanation.events:
        lines.append(
            f"  {e.source_code} -> {e.target_code or '-'}  {e.code}  date {e.date} "
            f"({e.date_resolution})  pattern {e.pattern_id}"
        )
    if not explanation.events:
        lines.append("  none")
    lines.extend(f"note: {n}" for n in explanation.notes)
    return "\n".join(lines)


@click.command()
@click.argument("sentence")
@click.option("--date", callback=date_option, help="The article's date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@click.option("--all", "all_tries", is_flag=True, help="List every pattern tried at each anchor.")
@click.option("--fast", is_flag=True, help="Explain the rule-only pipeline (no parser).")
def explain(
    sentence: str, date: dt.date | None, as_json: bool, all_tries: bool, fast: bool
) -> None:
    """Show the parse, actors, clauses and patterns of SENTENCE, and why each event was coded
    or not."""
    from .. import api

    try:
        explanation = api.explain(sentence, date, fast=fast)
    except DetenteError as exc:
        click.echo(f"detente: error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(explanation.as_dict(), indent=1, ensure_ascii=False))
    else:
        click.echo(render_explanation(explanation, all_tries))


@click.command("null-verbs")
@click.argument("paths", nargs=-1, required=True)
@click.option("--top", type=int, default=50, show_default=True, help="How many predicates.")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def null_verbs(paths: Sequence[str], top: int, as_json: bool) -> None:
    """The most frequent predicates between two actors that no pattern covers (PATHS as for code)."""
    from .nullverbs import null_verbs as find

    try:
        report = find(paths, top=top)
    except DetenteError as exc:
        click.echo(f"detente: error: {exc}", err=True)
        sys.exit(1)
    for error in report.errors:
        click.echo(f"detente: error: {error}", err=True)
    if as_json:
        click.echo(json.dumps([vars(v) for v in report.verbs], indent=1, ensure_ascii=False))
    else:
        click.echo(
            f"{len(report.verbs)} uncovered predicates in {report.articles} articles "
            f"({report.sentences} sentences)"
        )
        for v in report.verbs:
            note = "anchors patterns that did not match" if v.anchored else "anchors no pattern"
            click.echo(
                f"{v.count:>5}  {v.lemma:<16} ({', '.join(v.forms)}; {note})  "
                f"{v.source} ... {v.target}"
            )
            click.echo(f"       e.g. {v.example}")
    sys.exit(1 if report.errors else 0)
