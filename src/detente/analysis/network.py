"""Actor networks: who acts on whom, as a directed weighted graph (networkx).

Nodes are actor codes cut to a level: ``sector`` (the default) keeps the country and its first
sector (RUSGOVMIL and RUSGOV are both RUSGOV; RUS stays RUS), ``country`` the first three
letters, ``full`` the whole code. The codes of bodies above countries (IGO, NGO, IMG, MNC:
IGOWSTNAT is NATO) are kept whole at every level, since their first letters name no country
and their last name the body. An edge from A to B holds every event A did to B: ``weight`` is
the event count, with the Goldstein sum and mean and the count per quad class beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import AnalysisError
from ..output import atomic_path
from ..store import Store
from ..store.database import EVENTS_FROM, EventFilter, event_where

if TYPE_CHECKING:
    import networkx as nx

#: Actor code prefixes of bodies above countries: kept whole (see the module docstring).
TRANSNATIONAL_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
LEVELS = ("sector", "country", "full")
GRAPH_FORMATS = ("graphml", "gexf", "csv")
EDGE_COLUMNS = (
    "source", "target", "weight", "goldstein_sum", "goldstein_mean",
    "quad1", "quad2", "quad3", "quad4",
)  # fmt: skip


def node_sql(column: str, level: str) -> str:
    """SQL cutting an actor code column to a node at ``level``."""
    if level not in LEVELS:
        raise AnalysisError(f"unknown actor level {level!r} (expected one of: {', '.join(LEVELS)})")
    if level == "full":
        return column
    keep = 3 if level == "country" else 6
    bodies = ", ".join(f"'{p}'" for p in TRANSNATIONAL_PREFIXES)
    return (
        f"CASE WHEN left({column}, 3) IN ({bodies}) THEN {column} ELSE left({column}, {keep}) END"
    )


def edges(store: Store, where: EventFilter | None = None, level: str = "sector") -> pd.DataFrame:
    """One row per directed pair of actors with events between them, heaviest first."""
    condition, params = event_where(where or EventFilter())
    source, target = node_sql("e.source_code", level), node_sql("e.target_code", level)
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {n}) AS quad{n}" for n in range(1, 5))
    sql = (
        f"SELECT {source} AS source, {target} AS target, count(*) AS weight, "
        f"sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean, {quads} "
        f"FROM {EVENTS_FROM} WHERE {condition} "
        "AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY weight DESC, source, target"
    )
    return store.con.execute(sql, params).df()[list(EDGE_COLUMNS)]


def to_graph(frame: pd.DataFrame) -> nx.DiGraph:
    """The edge list as a networkx DiGraph; each node has its events as source and as target."""
    import networkx as nx

    graph = nx.DiGraph()
    for row in frame.itertuples(index=False):
        attributes = {c: _plain(getattr(row, c)) for c in EDGE_COLUMNS[2:]}
        graph.add_edge(str(row.source), str(row.target), **attributes)
    for node in graph.nodes:
        graph.nodes[node]["label"] = node
        graph.nodes[node]["events_out"] = int(graph.out_degree(node, weight="weight"))
        graph.nodes[node]["events_in"] = int(graph.in_degree(node, weight="weight"))
    return graph


def _plain(value: object) -> int | float:
    """numpy scalars as Python numbers: GraphML and GEXF writers know only these."""
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() and not isinstance(value, float) else number


def write_graph(frame: pd.DataFrame, path: str | Path, fmt: str) -> Path:
    """The network in ``fmt`` (graphml, gexf, or csv: the edge list), written whole."""
    import networkx as nx

    if fmt not in GRAPH_FORMATS:
        raise AnalysisError(
            f"unknown network format {fmt!r} (expected one of: {', '.join(GRAPH_FORMATS)})"
        )
    target = Path(path)
    with atomic_path(target) as temp:
        if fmt == "csv":
            frame.to_csv(temp, index=False)
        elif fmt == "graphml":
            nx.write_graphml(to_graph(frame), temp)
        else:
            nx.write_gexf(to_graph(frame), temp)
    return target
