"""Top lists: the actors, dyads and CAMEO codes with the most events."""

from __future__ import annotations

import pandas as pd

from ..errors import AnalysisError
from ..store import Store
from ..store.database import EVENTS_FROM, EventFilter, event_where

KINDS = ("actors", "dyads", "codes")


def _actors_sql(condition: str) -> str:
    """Each event counts once for its source and once for its target."""
    return (
        "WITH sides AS ("
        f"SELECT e.source_code AS actor, 1 AS as_source, 0 AS as_target, e.goldstein "
        f"FROM {EVENTS_FROM} WHERE {condition} AND e.source_code IS NOT NULL "
        "UNION ALL "
        f"SELECT e.target_code, 0, 1, e.goldstein "
        f"FROM {EVENTS_FROM} WHERE {condition} AND e.target_code IS NOT NULL) "
        "SELECT actor, count(*) AS events, CAST(sum(as_source) AS BIGINT) AS as_source, "
        "CAST(sum(as_target) AS BIGINT) AS as_target, avg(goldstein) AS goldstein_mean "
        "FROM sides GROUP BY actor ORDER BY events DESC, actor"
    )


def _dyads_sql(condition: str) -> str:
    return (
        "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events, "
        "sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean "
        f"FROM {EVENTS_FROM} WHERE {condition} "
        "AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY events DESC, source, target"
    )


def _codes_sql(condition: str) -> str:
    return (
        "SELECT e.code, any_value(e.root) AS root, any_value(e.quad_class) AS quad_class, "
        "any_value(e.goldstein) AS goldstein, count(*) AS events "
        f"FROM {EVENTS_FROM} WHERE {condition} GROUP BY 1 ORDER BY events DESC, code"
    )


def top(
    store: Store, kind: str, where: EventFilter | None = None, limit: int | None = 20
) -> pd.DataFrame:
    """The ``limit`` first ``kind`` (actors, dyads, codes) by event count, ties by name."""
    builders = {"actors": _actors_sql, "dyads": _dyads_sql, "codes": _codes_sql}
    if kind not in builders:
        raise AnalysisError(f"unknown top list {kind!r} (expected one of: {', '.join(KINDS)})")
    condition, params = event_where(where or EventFilter())
    sql = builders[kind](condition)
    if kind == "actors":
        params = params + params  # the condition appears once per side
    if limit:
        sql += f" LIMIT {int(limit)}"
    frame = store.con.execute(sql, params).df()
    if kind == "codes":
        frame.insert(1, "name", [_code_name(c) for c in frame["code"]])
    return frame


def _code_name(code: str) -> str | None:
    from ..events.ontology import default_ontology

    entry = default_ontology().get(code)
    return entry.name if entry else None
