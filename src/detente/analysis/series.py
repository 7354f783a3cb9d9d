"""Dyad time series: how relations between two actors move, period by period.

One row per period (and direction): the event count, counts per quad class, Goldstein sum and
mean, and mean tone. Every period of the range appears, with zero counts and sums where no
event fell, so that the series plots and differences as a time series should; means of no
events are missing (NaN), not zero: a Goldstein mean of 0 says "neutral", not "nothing".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import AnalysisError
from ..output import atomic_path
from ..store import Store
from ..store.database import EVENTS_FROM, EventFilter, event_where

#: Period lengths: DuckDB's date_trunc part and the pandas frequency of the same periods.
PERIODS: dict[str, tuple[str, str]] = {
    "day": ("day", "D"),
    "week": ("week", "W-MON"),  # ISO weeks, starting on Monday as date_trunc's do
    "month": ("month", "MS"),
}
QUADS = ("quad1", "quad2", "quad3", "quad4")
COUNT_COLUMNS = ("events", *QUADS, "goldstein_sum")
MEAN_COLUMNS = ("goldstein_mean", "tone_mean")
COLUMNS = ("period", "direction", *COUNT_COLUMNS, *MEAN_COLUMNS)
#: A plotted series marks each period up to this many periods; past it markers hide the line.
MARKERS_UP_TO = 60


def direction_label(source: str, target: str) -> str:
    return f"{source.upper()}->{target.upper()}"


def _counts(store: Store, where: EventFilter, unit: str) -> pd.DataFrame:
    """The periods that have events, with their figures."""
    condition, params = event_where(where)
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {n}) AS quad{n}" for n in range(1, 5))
    sql = (
        f"SELECT CAST(date_trunc('{unit}', e.date) AS DATE) AS period, count(*) AS events, "
        f"{quads}, sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean, "
        f"avg(e.tone) AS tone_mean FROM {EVENTS_FROM} "
        f"WHERE {condition} AND e.date IS NOT NULL GROUP BY 1 ORDER BY 1"
    )
    return store.con.execute(sql, params).df()


def _first_period(day: dt.date, freq: str) -> pd.Timestamp:
    """The start of the period holding ``day``."""
    stamp = pd.Timestamp(day)
    if freq == "MS":
        return stamp.replace(day=1)
    if freq == "W-MON":
        return stamp - pd.Timedelta(days=stamp.weekday())
    return stamp


def _filled(frame: pd.DataFrame, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """Every period of the range, zeros where no event fell (means stay missing)."""
    frame = frame.assign(period=pd.to_datetime(frame["period"])).set_index("period")
    frame = frame.reindex(periods)
    for column in COUNT_COLUMNS:
        frame[column] = frame[column].fillna(0)
    for column in (*QUADS, "events"):
        frame[column] = frame[column].astype("int64")
    frame["goldstein_sum"] = frame["goldstein_sum"].astype("float64")
    for column in MEAN_COLUMNS:
        frame[column] = frame[column].astype("float64")
    return frame.rename_axis("period").reset_index()


def dyad_series(
    store: Store,
    source: str,
    target: str,
    by: str = "month",
    where: EventFilter | None = None,
    both_ways: bool = False,
) -> pd.DataFrame:
    """The series of events from ``source`` to ``target`` (actor code prefixes: RUS matches
    RUSGOV and RUSGOVMIL), and with ``both_ways`` from ``target`` to ``source`` as a second
    series; ``where``'s dates bound the range, else the first and last periods with events."""
    if by not in PERIODS:
        raise AnalysisError(f"unknown period {by!r} (expected one of: {', '.join(PERIODS)})")
    if not source or not target:
        raise AnalysisError("a dyad needs a source and a target actor code")
    unit, freq = PERIODS[by]
    base = where or EventFilter()
    pairs = [(source, target)] + ([(target, source)] if both_ways else [])
    found = {
        direction_label(s, t): _counts(store, dataclasses.replace(base, source=s, target=t), unit)
        for s, t in pairs
    }
    known = [f["period"].min() for f in found.values() if len(f)]
    last = [f["period"].max() for f in found.values() if len(f)]
    start = base.since or (min(known) if known else None)
    end = base.until or (max(last) if last else None)
    if start is None or end is None:
        return pd.DataFrame({c: pd.Series(dtype=_dtype(c)) for c in COLUMNS})
    periods = pd.date_range(_first_period(start, freq), _first_period(end, freq), freq=freq)
    frames = [_filled(frame, periods).assign(direction=label) for label, frame in found.items()]
    return pd.concat(frames, ignore_index=True)[list(COLUMNS)]


def _dtype(column: str) -> Any:
    if column == "period":
        return "datetime64[ns]"
    if column == "direction":
        return "object"
    return "int64" if column in (*QUADS, "events") else "float64"


def plot_series(series: pd.DataFrame, path: str | Path, title: str) -> Path:
    """A PNG (or any format matplotlib writes by the file's extension) of the series: Goldstein
    sum and event count per period, one line per direction; written whole or not at all."""
    if series.empty:
        raise AnalysisError(f"nothing to plot to {path}: the series has no periods (no events)")
    import matplotlib

    matplotlib.use("Agg")  # files only: no display is needed, or opened
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    figure, (upper, lower) = plt.subplots(2, 1, sharex=True, figsize=(10, 6))
    try:
        for direction, part in series.groupby("direction", sort=False):
            marker = "o" if len(part) <= MARKERS_UP_TO else None
            upper.plot(part["period"], part["goldstein_sum"], marker=marker, label=str(direction))
            lower.plot(part["period"], part["events"], marker=marker, label=str(direction))
        lower.yaxis.set_major_locator(MaxNLocator(integer=True))
        upper.axhline(0, color="grey", linewidth=0.5)
        upper.set_ylabel("Goldstein sum")
        lower.set_ylabel("events")
        lower.set_xlabel("period")
        upper.set_title(title)
        upper.legend(title="direction")
        lower.legend(title="direction")
        figure.autofmt_xdate()
        target = Path(path)
        with atomic_path(target) as temp:
            figure.savefig(temp, format=target.suffix.lstrip(".") or "png", dpi=100)
    finally:
        plt.close(figure)
    return target
