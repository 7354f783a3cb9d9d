"""Parquet, CSV and JSON Lines exports: read back with DuckDB, pandas and the model; streamed,
atomic, filtered. CLI tests invoke the command, then check the result through the Python API."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from analysis_store import ALL_EVENTS, DEFAULT_EVENTS, build_store
from detente import api
from detente.cli import main
from detente.errors import ExportError, OutputError
from detente.model import read_jsonl
from detente.output import MANIFEST
from detente.store.database import TABLES, EventFilter


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("exports") / "t.duckdb")


@pytest.fixture
def runner():
    return CliRunner()


def _parquet_count(folder, table) -> int:
    sql = f"SELECT count(*) FROM read_parquet('{folder}/{table}/**/*.parquet', hive_partitioning = true)"
    return duckdb.connect().execute(sql).fetchone()[0]


# --- Parquet -------------------------------------------------------------------------------


def test_parquet_of_every_event_matches_the_store(runner, db, tmp_path):
    folder = tmp_path / "pq"
    result = runner.invoke(main, ["export", "parquet", str(folder), "--db", db, "--all"])
    assert result.exit_code == 0, result.output
    assert f"events: {ALL_EVENTS} rows" in result.stderr
    counts = api.stats(db).counts
    for table in TABLES:
        assert _parquet_count(folder, table) == counts[table], table
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["tables"] == {table: counts[table] for table in TABLES}


def test_parquet_partitions_by_month_and_keeps_columns(db, tmp_path):
    report = api.export_parquet(tmp_path / "pq", db)
    assert report.counts["events"] == DEFAULT_EVENTS
    periods = sorted(p.name for p in (tmp_path / "pq" / "events").iterdir())
    assert periods == ["period=2020-01", "period=2020-03"]
    rows = duckdb.sql(
        f"SELECT code, period FROM read_parquet('{tmp_path}/pq/events/**/*.parquet', "
        "hive_partitioning = true) ORDER BY date, code"
    ).fetchall()
    assert rows[0] == ("111", "2020-01") and ("020", "2020-01") in rows


def test_parquet_by_day_and_filtered(db, tmp_path):
    where = EventFilter(countries=("UKR",))
    report = api.export_parquet(tmp_path / "pq", db, where=where, partition="day")
    assert report.counts["events"] == 1
    assert report.counts["articles"] == 1  # only the article of the selected event
    assert _parquet_count(tmp_path / "pq", "mentions") == 0  # a2 has none
    assert [p.name for p in (tmp_path / "pq" / "events").iterdir()] == ["period=2020-03-02"]
    with pytest.raises(ExportError):
        api.export_parquet(tmp_path / "other", db, partition="week")
    assert not (tmp_path / "other").exists()


def test_parquet_replaces_an_earlier_export_only(db, tmp_path):
    folder = tmp_path / "pq"
    api.export_parquet(folder, db)
    api.export_parquet(folder, db, where=EventFilter(include_all=True))
    assert _parquet_count(folder, "events") == ALL_EVENTS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pq"]  # no temporary folder left
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="not a détente export"):
        api.export_parquet(mine, db)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_cli_parquet_into_a_foreign_folder_is_a_one_line_error(runner, db, tmp_path):
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(main, ["export", "parquet", str(tmp_path), "--db", db])
    assert result.exit_code == 2
    assert result.stderr.startswith("detente: error: [E011]")


# --- CSV -----------------------------------------------------------------------------------


def test_csv_keeps_codes_as_text_with_article_and_actor_columns(runner, db, tmp_path):
    path = tmp_path / "events.csv"
    result = runner.invoke(main, ["export", "csv", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert f"events: {DEFAULT_EVENTS} rows" in result.stderr
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(frame) == len(api.events(db)) == DEFAULT_EVENTS
    assert {"020", "0231", "111", "190", "042", "057"} == set(frame["code"])
    assert {"02", "19", "04"} <= set(frame["root"])
    row = frame[frame["code"] == "020"].iloc[0]
    assert (row.source_country, row.source_sector, row.source_sectors) == ("RUS", "GOV", "GOV MIL")
    assert (row.target_country, row.target_sectors) == ("IGO", "WST NAT")
    assert (row.article_url, row.outlet, row.article_date) == (
        "https://example.org/a1", "Reuters", "2020-01-15",
    )  # fmt: skip
    assert frame[frame["code"] == "057"].iloc[0]["outlet"] == "AFP"  # the dateline's agency
    assert '"0231"' in path.read_text(encoding="utf-8")  # quoted in the file itself


def test_csv_into_a_folder_and_filtered(db, tmp_path):
    report = api.export_csv(tmp_path, db, where=EventFilter(code="02"))
    assert report.path == tmp_path / "events.csv"
    frame = pd.read_csv(report.path, dtype={"code": str})
    assert list(frame["code"]) == ["020", "0231"]
    assert report.counts == {"events": 2}


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_events_round_trip(runner, db, tmp_path):
    path = tmp_path / "events.jsonl"
    assert runner.invoke(main, ["export", "jsonl", str(path), "--db", db, "--all"]).exit_code == 0
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    stored = api.events(db, EventFilter(include_all=True))
    assert len(lines) == len(stored) == ALL_EVENTS
    keys = sorted((r["article_id"], r["id"]) for r in lines)
    assert keys == sorted((r["article_id"], r["id"]) for r in stored)
    first = lines[0]  # the store's order: the first article's first event
    assert first["code"] == "111" and first["date"] == "2020-01-15"
    assert first["outlet"] == "Reuters" and first["source_country"] == "RUS"


def test_jsonl_articles_round_trip(runner, db, tmp_path):
    path = tmp_path / "articles.jsonl"
    result = runner.invoke(main, ["export", "jsonl", str(path), "--articles", "--db", db])
    assert result.exit_code == 0, result.output
    assert "articles: 3 rows" in result.stderr
    with path.open(encoding="utf-8") as stream:
        records = list(read_jsonl(stream))
    assert [r.id for r in records] == ["a1", "a2", "a3"]
    for record in records:
        assert record == api.show(record.id, db)


def test_jsonl_articles_filtered_in_small_chunks(db, tmp_path, monkeypatch):
    from detente.exports import jsonl

    monkeypatch.setattr(jsonl, "ARTICLE_CHUNK", 1)
    report = api.export_jsonl(tmp_path / "a.jsonl", db, EventFilter(outlets=("afp", "tass")), True)
    assert report.counts == {"articles": 2}
    with (tmp_path / "a.jsonl").open(encoding="utf-8") as stream:
        assert [r.id for r in read_jsonl(stream)] == ["a2", "a3"]


def test_an_export_gives_the_store_its_memory_settings_back(db, tmp_path):
    from detente.store import Store

    with Store(db, read_only=True) as store:
        before = store.con.execute("SELECT current_setting('memory_limit')").fetchone()
        api.export_csv(tmp_path / "e.csv", store)
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone() == before


def test_a_failed_export_leaves_nothing(db, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(duckdb.Error):  # a bad filter value reaches the query
        api.export_csv(path, db, where=EventFilter(min_confidence="high"))  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]
