"""Dyad series, actor networks, top lists and the shared filters, over constructed records;
CLI tests invoke the command, then check the result through the Python API."""

from __future__ import annotations

import datetime as dt
import json
import math

import networkx as nx
import pandas as pd
import pyarrow as pa
import pytest
from click.testing import CliRunner

from analysis_store import ALL_EVENTS, DEFAULT_EVENTS, WITH_NEGATED, build_store
from detente import api
from detente.analysis.filters import event_filter
from detente.cli import main
from detente.errors import AnalysisError
from detente.store.database import EventFilter


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("analysis") / "t.duckdb")


@pytest.fixture
def runner():
    return CliRunner()


def _month(frame: pd.DataFrame, direction: str, month: int) -> pd.Series:
    rows = frame[(frame["direction"] == direction) & (frame["period"].dt.month == month)]
    assert len(rows) == 1
    return rows.iloc[0]


# --- dyad series ---------------------------------------------------------------------------


def test_dyad_monthly_counts_sums_and_means(db):
    frame = api.dyad("RUS", "IGOWSTNAT", db, by="month")
    assert list(frame["period"].dt.strftime("%Y-%m")) == ["2020-01", "2020-02", "2020-03"]
    jan = _month(frame, "RUS->IGOWSTNAT", 1)
    assert (jan.events, jan.quad1, jan.quad2, jan.quad3, jan.quad4) == (2, 1, 0, 1, 0)
    assert jan.goldstein_sum == pytest.approx(1.0)  # -2 (111) + 3 (020, by RUSGOVMIL)
    assert jan.goldstein_mean == pytest.approx(0.5)
    assert jan.tone_mean == pytest.approx(-0.2)
    mar = _month(frame, "RUS->IGOWSTNAT", 3)  # the negated and the future attack left out
    assert (mar.events, mar.quad4, mar.goldstein_sum) == (1, 1, -10.0)


def test_dyad_fills_empty_periods_with_zeros(db):
    feb = _month(api.dyad("RUS", "IGOWSTNAT", db), "RUS->IGOWSTNAT", 2)
    assert (feb.events, feb.quad1, feb.quad4, feb.goldstein_sum) == (0, 0, 0, 0.0)
    assert math.isnan(feb.goldstein_mean) and math.isnan(feb.tone_mean)  # no events: no mean


def test_dyad_range_comes_from_since_and_until(db):
    where = EventFilter(since=dt.date(2019, 12, 10), until=dt.date(2020, 4, 30))
    frame = api.dyad("RUS", "IGOWSTNAT", db, where=where)
    assert list(frame["period"].dt.strftime("%Y-%m")) == [
        "2019-12", "2020-01", "2020-02", "2020-03", "2020-04",
    ]  # fmt: skip
    assert frame["events"].sum() == 3


def test_dyad_weeks_start_on_monday_and_days_are_contiguous(db):
    weeks = api.dyad("RUS", "IGOWSTNAT", db, by="week")
    assert (weeks["period"].dt.dayofweek == 0).all()
    assert weeks["period"].diff().dropna().eq(pd.Timedelta(days=7)).all()
    assert weeks["events"].sum() == 3
    days = api.dyad("RUS", "IGOWSTNAT", db, by="day")
    assert len(days) == (dt.date(2020, 3, 2) - dt.date(2020, 1, 15)).days + 1


def test_dyad_both_ways_adds_the_reverse_direction(db):
    frame = api.dyad("RUS", "IGOWSTNAT", db, both_ways=True)
    assert list(frame["direction"].unique()) == ["RUS->IGOWSTNAT", "IGOWSTNAT->RUS"]
    reverse = frame[frame["direction"] == "IGOWSTNAT->RUS"]
    assert len(reverse) == 3  # the same periods as the first direction
    jan = _month(frame, "IGOWSTNAT->RUS", 1)
    assert (jan.events, jan.quad1, jan.goldstein_sum) == (1, 1, pytest.approx(3.4))


def test_dyad_takes_the_filters(db):
    negated = api.dyad("RUS", "IGOWSTNAT", db, where=EventFilter(include_negated=True))
    assert _month(negated, "RUS->IGOWSTNAT", 3).events == 2
    every = api.dyad("RUS", "IGOWSTNAT", db, where=EventFilter(include_all=True))
    assert _month(every, "RUS->IGOWSTNAT", 3).events == 3
    force = api.dyad("RUS", "IGOWSTNAT", db, where=EventFilter(quad_classes=(4,)))
    assert list(force["events"]) == [1]  # one period: March


def test_dyad_without_events_is_empty_with_the_columns(db):
    frame = api.dyad("FRA", "DEU", db)
    assert frame.empty and "goldstein_sum" in frame.columns


def test_dyad_refuses_an_unknown_period(db):
    with pytest.raises(AnalysisError, match=r"\[E012\] unknown period 'year'"):
        api.dyad("RUS", "IGOWSTNAT", db, by="year")


def test_cli_dyad_plot_and_arrow(runner, db, tmp_path):
    png, arrow = tmp_path / "plots" / "dyad.png", tmp_path / "dyad.arrow"
    args = ["dyad", "RUS", "IGOWSTNAT", "--by", "month", "--both-ways", "--db", db]
    result = runner.invoke(main, [*args, "--plot", str(png), "--arrow", str(arrow)])
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pa.ipc.open_file(arrow) as reader:
        written = reader.read_pandas()
    expected = api.dyad("RUS", "IGOWSTNAT", db, by="month", both_ways=True)
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    assert not [p for p in tmp_path.rglob(".*")]  # no temporary file left behind


def test_cli_dyad_csv_and_json(runner, db):
    as_csv = runner.invoke(main, ["dyad", "RUS", "IGOWSTNAT", "--db", db, "--format", "csv"])
    assert as_csv.exit_code == 0
    assert as_csv.stdout.splitlines()[0].startswith("period,direction,events,quad1")
    as_json = runner.invoke(main, ["dyad", "RUS", "IGOWSTNAT", "--db", db, "--format", "json"])
    rows = json.loads(as_json.stdout)
    assert [r["events"] for r in rows] == [2, 0, 1]
    assert rows[1]["goldstein_mean"] is None and rows[0]["period"] == "2020-01-01"


def test_cli_dyad_unknown_period_is_a_usage_error(runner, db):
    assert runner.invoke(main, ["dyad", "RUS", "NATO", "--by", "year", "--db", db]).exit_code == 2


def test_cli_dyad_without_events_says_what_the_actors_are(runner, db, tmp_path):
    result = runner.invoke(main, ["dyad", "RUS", "NATO", "--db", db])
    assert result.exit_code == 0 and "actor code prefixes" in result.output
    plot = runner.invoke(
        main, ["dyad", "RUS", "NATO", "--db", db, "--plot", str(tmp_path / "p.png")]
    )
    assert plot.exit_code == 2 and plot.stderr.startswith("detente: error: [E012] nothing to plot")
    assert not list(tmp_path.iterdir())


# --- networks ------------------------------------------------------------------------------


def test_network_edges_and_weights(db):
    edges = api.network(db).set_index(["source", "target"])
    assert edges.loc[("RUSGOV", "IGOWSTNAT"), "weight"] == 2  # RUSGOV and RUSGOVMIL
    assert edges.loc[("RUSGOV", "IGOWSTNAT"), "goldstein_sum"] == pytest.approx(1.0)
    assert edges.loc[("RUS", "IGOWSTNAT"), "quad4"] == 1
    assert edges.loc[("USAGOV", "CHN"), "quad2"] == 1
    assert edges["weight"].sum() == DEFAULT_EVENTS


def test_network_levels(db):
    country = api.network(db, level="country").set_index(["source", "target"])
    assert country.loc[("RUS", "IGOWSTNAT"), "weight"] == 3  # IGO codes stay whole
    full = api.network(db, level="full").set_index(["source", "target"])
    assert full.loc[("RUSGOVMIL", "IGOWSTNAT"), "weight"] == 1
    with pytest.raises(AnalysisError):
        api.network(db, level="region")


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_files_read_back(runner, db, tmp_path, fmt, read):
    path = tmp_path / f"net.{fmt}"
    result = runner.invoke(main, ["network", "--db", db, "-o", str(path)])
    assert result.exit_code == 0, result.output
    graph = read(path)
    expected = api.to_graph(api.network(db))
    assert graph.is_directed() and set(graph.edges) == set(expected.edges)
    edge = graph.edges["RUSGOV", "IGOWSTNAT"]
    assert float(edge["weight"]) == 2 and float(edge["goldstein_mean"]) == pytest.approx(0.5)
    assert int(edge["quad1"]) == 1 and int(edge["quad3"]) == 1


def test_network_csv_edge_list_and_filters(runner, db, tmp_path):
    path = tmp_path / "edges.csv"
    args = ["network", "--db", db, "-o", str(path), "--since", "2020-03-01"]
    assert runner.invoke(main, args).exit_code == 0
    edges = pd.read_csv(path)
    expected = api.network(db, where=EventFilter(since=dt.date(2020, 3, 1)))
    assert len(edges) == len(expected) == 3  # RUS->NATO, UKR->RUS, USAGOV->CHN
    assert set(edges.columns) >= {"source", "target", "weight", "goldstein_sum", "quad4"}


def test_network_graph_has_node_totals(db):
    graph = api.to_graph(api.network(db))
    assert graph.nodes["IGOWSTNAT"]["events_in"] == 3
    assert graph.nodes["IGOWSTNAT"]["events_out"] == 1


# --- top lists -----------------------------------------------------------------------------


def test_top_actors_dyads_codes(db):
    actors = api.top("actors", db)
    first = actors.iloc[0]
    assert (first.actor, first.events, first.as_source, first.as_target) == ("IGOWSTNAT", 4, 1, 3)
    dyads = api.top("dyads", db, limit=2)
    assert len(dyads) == 2 and dyads.iloc[0]["events"] == 1
    codes = api.top("codes", db, where=EventFilter(include_negated=True))
    row = codes[codes["code"] == "190"].iloc[0]
    assert (row.events, row.quad_class, row["name"]) == (
        2,
        4,
        "Use conventional military force, not specified below",
    )
    with pytest.raises(AnalysisError):
        api.top("places", db)


def test_cli_top_then_api(runner, db):
    result = runner.invoke(main, ["top", "codes", "--db", db, "--format", "json", "--limit", "3"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["code"] for r in rows] == list(api.top("codes", db, limit=3)["code"])
    assert all(isinstance(r["code"], str) for r in rows)  # "020" stays "020"


# --- filters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (EventFilter(), DEFAULT_EVENTS),
        (EventFilter(include_negated=True), WITH_NEGATED),
        (EventFilter(include_all=True), ALL_EVENTS),
        (EventFilter(code="02"), 2),
        (EventFilter(code=("02", "19")), 3),
        (EventFilter(roots=("19",)), 1),
        (EventFilter(roots=("4",)), 1),  # "4" is root 04
        (EventFilter(quad_classes=(1,)), 3),
        (EventFilter(quad_classes=(2, 4)), 2),
        (EventFilter(source="rus"), 3),
        (EventFilter(target="RUS"), 2),
        (EventFilter(source=("UKR", "USA")), 2),
        (EventFilter(countries=("UKR",)), 1),
        (EventFilter(countries=("CHN",)), 1),  # on the target side
        (EventFilter(countries=("RUS", "CHN")), 6),
        (EventFilter(outlets=("reuters",)), 3),
        (EventFilter(outlets=("AFP",)), 1),  # the dateline's agency, where no source is given
        (EventFilter(reported=True), 1),
        (EventFilter(reported=False), 5),
        (EventFilter(min_confidence=0.6), 5),
        (EventFilter(since=dt.date(2020, 3, 1)), 3),
        (EventFilter(until=dt.date(2020, 1, 31)), 3),
        (EventFilter(article_id="a2"), 2),
        (EventFilter(countries=("RUS",), include_all=True), 8),
    ],
)
def test_every_filter(db, where, expected):
    assert len(api.events(db, where)) == expected
    assert api.top("dyads", db, where=where, limit=None)["events"].sum() == expected - (
        1 if where.include_all else 0  # the event without a target is in no dyad
    )


def test_cli_filter_options_build_the_same_filter(runner, db):
    args = [
        "events", "--db", db, "--format", "json", "--country", "RUS", "--quad", "1",
        "--quad", "4", "--outlet", "TASS", "--not-reported", "--min-confidence", "0.4",
        "--since", "2020-01-01", "--until", "2020-12-31", "--negated",
    ]  # fmt: skip
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    where = event_filter(
        countries=["RUS"], quad_classes=[1, 4], outlets=["TASS"], reported=False,
        min_confidence=0.4, since=dt.date(2020, 1, 1), until=dt.date(2020, 12, 31),
        include_negated=True,
    )  # fmt: skip
    rows = json.loads(result.stdout)
    assert len(rows) == len(api.events(db, where)) == 3  # two attacks (one negated), UKR->RUS


def test_filter_without_values_is_the_default():
    assert event_filter(code=(), roots=[], source=None) == EventFilter()
    assert not EventFilter(include_all=True, limit=3).narrows
    assert EventFilter(countries=("RUS",)).narrows
    assert EventFilter(reported=False).narrows  # False is a value: events not reported


@pytest.mark.parametrize(
    "args",
    [
        ["dyad", "RUS", "UKR"],
        ["network"],
        ["top", "actors"],
        ["export", "csv", "out.csv"],
        ["export", "parquet", "out"],
        ["export", "jsonl", "out.jsonl"],
    ],
    ids=" ".join,
)
def test_a_missing_store_is_a_one_line_error(runner, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, [*args, "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert result.stderr.startswith("detente: error: [E004]")
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written
