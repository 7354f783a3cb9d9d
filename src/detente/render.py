"""Terminal rendering of one coded article: its text with every fact highlighted, then the facts."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import CodedArticle

#: Control characters that would move the cursor or recolour the terminal (ESC, C1 codes, DEL);
#: tab and newline stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(value: object) -> Text:
    """A table cell or line of stored text as Rich shows it: no markup read, no control codes."""
    return Text(_CONTROL.sub("", "" if value is None else str(value)))


#: Highlight styles by fact type; later layers are drawn over earlier ones.
STYLES = {
    "dateline": "bold cyan",
    "places": "blue",
    "themes": "underline",
    "mentions": "bold yellow",
    "quotes": "green",
    "events": "bold red",
}


#: Quotes longer than this are cut in the quotes table (the text above shows them whole).
QUOTE_WIDTH = 160


def highlighted_text(record: CodedArticle) -> Text:
    """The article text with the span of every fact styled."""
    text = Text(record.article.text)
    if record.dateline:
        text.stylize(STYLES["dateline"], record.dateline.start, record.dateline.end)
    for quote in record.quotes:
        text.stylize(STYLES["quotes"], quote.start, quote.end)
    for place in record.places:
        text.stylize(STYLES["places"], place.start, place.end)
    for theme in record.themes:
        text.stylize(STYLES["themes"], theme.start, theme.end)
    for mention in record.mentions:
        text.stylize(STYLES["mentions"], mention.start, mention.end)
    for event in record.events:
        text.stylize(STYLES["events"], event.start, event.end)
    return text


def render_article(record: CodedArticle, console: Console) -> None:
    article = record.article
    heading = plain(article.title or "(no title)")
    heading.stylize("bold")
    console.print(heading + Text(f"  {article.id}"))
    meta = [f"published {article.published}" if article.published else "no metadata date"]
    if article.source:
        meta.append(f"source {article.source}")
    if article.origin:
        meta.append(f"from {article.origin}")
    console.print(plain("; ".join(meta)), style="dim")
    console.print(f"coded by {record.pipeline_version}", style="dim")
    legend = "  ".join(f"[{style}]{name}[/{style}]" for name, style in STYLES.items())
    console.print(legend)
    console.rule()
    console.print(highlighted_text(record))  # a Text: the article is never read as markup
    console.rule()
    _dateline(record, console)
    _events(record, console)
    if not record.events:
        console.print("no events coded", style="dim")
    _quotes(record, console)
    _places_and_themes(record, console)


def _quotes(record: CodedArticle, console: Console) -> None:
    if not record.quotes:
        return
    table = Table(title="quotes", title_justify="left")
    for column in ("sentence", "kind", "speaker", "cue", "quote"):
        table.add_column(column, overflow="fold")
    for q in record.quotes:
        speaker = q.speaker_text or "-"
        if q.speaker_code or q.speaker_entity:
            speaker += f" ({q.speaker_code or '-'}, {q.speaker_entity or '-'})"
        text = q.text if len(q.text) <= QUOTE_WIDTH else q.text[: QUOTE_WIDTH - 1] + "…"
        table.add_row(str(q.sentence), q.kind, plain(speaker), plain(q.cue), plain(text))
    console.print(table)


def _places_and_themes(record: CodedArticle, console: Console) -> None:
    """One line per distinct place and theme, with counts, roles and the events located there."""
    if record.places:
        table = Table(title="places", title_justify="left")
        for column in ("place", "feature", "country", "mentions", "roles", "events here"):
            table.add_column(column, overflow="fold")
        by_place: dict[str, list[Any]] = {}
        for place in record.places:
            by_place.setdefault(place.gazetteer_id or place.text, []).append(place)
        for group in by_place.values():
            ids = {p.id for p in group}
            here = sum(1 for e in record.events if e.location in ids)
            roles = ", ".join(sorted({p.role for p in group}))
            first = group[0]
            table.add_row(
                plain(first.name or first.text), first.feature or "", first.country or "",
                str(len(group)), roles, str(here or ""),
            )  # fmt: skip
        console.print(table)
    if record.themes:
        counts: dict[tuple[str, str], int] = {}
        for theme in record.themes:
            counts[(theme.theme, theme.name)] = counts.get((theme.theme, theme.name), 0) + 1
        listed = ", ".join(f"{name} ({n})" for (_, name), n in sorted(counts.items()))
        console.print(plain(f"themes: {listed}"))
    if record.tone is not None:
        t = record.tone
        console.print(
            f"tone {t.tone:+.2f} (positive {t.positive:.2f}%, negative {t.negative:.2f}%, "
            f"polarity {t.polarity:.2f}, {t.word_count} words)"
        )


def _dateline(record: CodedArticle, console: Console) -> None:
    d = record.dateline
    if d is None:
        console.print("no dateline found", style="dim")
        return
    date = d.date.isoformat() if d.date else f"{d.month or '?'}/{d.day or '?'}, year unknown"
    console.print(
        plain(
            f"dateline {d.text!r}: place {d.place_normalized or d.place}, "
            f"agency {d.agency or '-'}, date {date} (year from {d.year_source})"
        )
    )
    if d.candidate_years:
        console.print(f"  candidate years: {', '.join(map(str, d.candidate_years))}")
    if d.narrowed_years:
        console.print(f"  narrowed to: {', '.join(map(str, d.narrowed_years))}")
    if d.evidence:
        console.print(plain(f"  evidence: {d.evidence}"))


def _events(record: CodedArticle, console: Console) -> None:
    if not record.events:
        return
    table = Table(title="events", title_justify="left")
    for column in ("sentence", "source", "code", "target", "goldstein", "date", "pattern"):
        table.add_column(column)
    text = record.article.text
    for e in record.events:
        table.add_row(
            str(e.sentence),
            plain(f"{e.source_code or '-'} ({e.source_text or ''})"),
            plain(f"{e.code} {text[e.start : e.end]!r}"),
            plain(f"{e.target_code or '-'} ({e.target_text or ''})"),
            f"{e.goldstein:g}",
            str(e.date or ""),
            plain(e.pattern_id),
        )
    console.print(table)
