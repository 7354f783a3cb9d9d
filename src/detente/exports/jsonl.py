"""JSON Lines export: one object per event (the CSV export's row), or per article (the whole
``CodedArticle`` record, as ``detente code --jsonl`` writes it and ``model.read_jsonl`` reads).

Articles are rebuilt ``ARTICLE_CHUNK`` at a time, so memory stays bounded whatever the store.
"""

from __future__ import annotations

from pathlib import Path

from ..model import write_jsonl
from ..output import atomic_path
from ..store import Store
from ..store.database import EventFilter
from .common import ExportReport, copy_rows, event_rows_sql, selected_articles_sql

#: Articles rebuilt per round of queries: one query per table each round.
ARTICLE_CHUNK = 500


def export_jsonl(
    store: Store, path: str | Path, where: EventFilter | None = None, articles: bool = False
) -> ExportReport:
    """Write the events the filter selects (or, with ``articles``, the records of the articles
    they come from; every article when the filter narrows nothing), whole or not at all."""
    where = where or EventFilter()
    target = Path(path).expanduser()
    report = ExportReport(target)
    if not articles:
        select, params = event_rows_sql(where)
        with atomic_path(target) as temp:
            report.counts["events"] = copy_rows(store, select, params, temp, "FORMAT json")
        return report.done()
    selected = selected_articles_sql(where)
    sql, params = "SELECT id FROM articles", []
    if selected is not None:
        sql += f" WHERE id IN ({selected[0]})"
        params = list(selected[1])
    ids = store.con.cursor()  # a second cursor: the records are read while ids stream
    try:
        ids.execute(sql + " ORDER BY id", params)
        count = 0
        with atomic_path(target) as temp, temp.open("w", encoding="utf-8", newline="\n") as out:
            while chunk := [row[0] for row in ids.fetchmany(ARTICLE_CHUNK)]:
                count += write_jsonl(store.records(chunk), out)
    finally:
        ids.close()
    report.counts["articles"] = count
    return report.done()
