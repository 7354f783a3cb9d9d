"""The store: migrations, idempotent batch writes, replacement on a newer version, locking."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from detente.errors import StoreError
from detente.model import FACT_TYPES, Article, CodedArticle, Event, Sentence
from detente.store import Store
from detente.store.database import MIGRATIONS, SCHEMA_FILE, EventFilter


def record(aid: str, version: str = "v1", events: int = 1, day: int = 25) -> CodedArticle:
    article = Article(id=aid, text="Russia criticised NATO. " * 3, published=dt.date(2012, 7, day))
    evs = tuple(
        Event(
            f"e{i}",
            0,
            7,
            17,
            "111",
            "11",
            3,
            -2.0,
            source_code="RUS",
            target_code="IGOWSTNAT",
            date=dt.date(2012, 7, day),
        )
        for i in range(events)
    )
    return CodedArticle(
        article=article, pipeline_version=version, sentences=(Sentence(0, 0, 23),), events=evs
    )


def _added_columns(table: str) -> list[str]:
    """Columns later migrations add to a table (``ALTER TABLE t ADD COLUMN c ...``), in order."""
    pattern = rf"ALTER TABLE {table} ADD COLUMN (\w+)"
    return [c for _, sql in MIGRATIONS[1:] for c in re.findall(pattern, sql)]


def test_schema_file_matches_the_model():
    """Each fact table in schema.sql, plus the columns later migrations add, has exactly the
    dataclass fields (plus article_id)."""
    sql = SCHEMA_FILE.read_text(encoding="utf-8")
    for table, cls in FACT_TYPES.items():
        body = re.search(rf"CREATE TABLE IF NOT EXISTS {table} \((.*?)\n\);", sql, re.S).group(1)
        columns = [
            line.split()[0].strip('"')
            for line in body.splitlines()
            if line.strip() and not line.strip().startswith(("--", "PRIMARY"))
        ]
        columns += _added_columns(table)
        assert columns == ["article_id"] + [f.name for f in dataclasses.fields(cls)], table


def test_event_tone_migration_upgrades_an_old_store(tmp_path):
    """A store made before 0002_event_tone gains the column and keeps its rows."""
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(MIGRATIONS[0][1])
    con.execute("CREATE TABLE detente_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    con.execute("INSERT INTO detente_migrations VALUES ('0001_initial', current_timestamp)")
    con.close()
    with Store(path) as store:
        assert "0002_event_tone" in store.migrations()
        store.write([record("a")])
        assert store.get("a").events[0].tone is None


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.migrations() == tuple(name for name, _ in MIGRATIONS)
    with Store(path) as store:
        assert store.migrate() == []


def test_writing_twice_adds_no_rows():
    with Store(":memory:") as store:
        store.write([record("a"), record("b", events=2)])
        first = store.stats().counts
        store.write([record("a"), record("b", events=2)])
        store.write([record("a"), record("a")])
        assert store.stats().counts == first
        assert first["events"] == 3 and first["articles"] == 2


def test_newer_version_replaces_the_facts():
    with Store(":memory:") as store:
        store.write([record("a", "v1", events=3)])
        store.write([record("a", "v2", events=1)])
        assert store.stats().counts["events"] == 1
        assert store.coded_versions(["a", "zzz"]) == {"a": ("v2", "{}")}


def test_round_trip_through_the_store():
    original = record("a", events=2)
    with Store(":memory:") as store:
        store.write([original])
        assert store.get("a") == original
        assert store.get("missing") is None


def test_event_filters():
    with Store(":memory:") as store:
        store.write([record("a", day=1), record("b", day=20)])
        assert len(store.events(EventFilter(source="rus"))) == 2
        assert len(store.events(EventFilter(target="RUS"))) == 0
        assert len(store.events(EventFilter(code="11"))) == 2
        assert len(store.events(EventFilter(code="12"))) == 0
        assert [e["article_id"] for e in store.events(EventFilter(since=dt.date(2012, 7, 10)))] == [
            "b"
        ]
        assert [e["article_id"] for e in store.events(EventFilter(until=dt.date(2012, 7, 10)))] == [
            "a"
        ]


def test_a_failed_batch_writes_nothing(monkeypatch):
    with Store(":memory:") as store:
        store.write([record("a")])
        broken = dataclasses.replace(
            record("b"), sentences=(Sentence(0, 0, 1), Sentence(0, 2, 3))
        )  # duplicate key
        with pytest.raises(StoreError, match="not written"):
            store.write([record("a", "v2"), broken])
        assert store.coded_versions(["a", "b"]) == {"a": ("v1", "{}")}


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="no détente store"):
        Store(tmp_path / "none.duckdb", read_only=True)


@pytest.mark.slow
def test_a_second_process_gets_a_clear_error(tmp_path):
    path = tmp_path / "locked.duckdb"
    holder = textwrap.dedent(
        f"""
        import sys, time
        from detente.store import Store
        s = Store({str(path)!r})
        print("ready", flush=True)
        sys.stdin.readline()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="another process holds it"):
            Store(path)
        with pytest.raises(StoreError, match="another process holds it"):
            Store(path, read_only=True)
    finally:
        proc.communicate("\n", timeout=30)
    assert Path(path).exists()


def test_negated_acts_are_left_out_unless_asked_for():
    base = record("a")
    kept = dataclasses.replace(base.events[0], id="e1", negated=True, code="1246", root="12")
    dropped = dataclasses.replace(base.events[0], id="e2", negated=True)
    with Store(":memory:") as store:
        store.write([dataclasses.replace(base, events=(base.events[0], kept, dropped))])
        assert [e["id"] for e in store.events()] == ["e0", "e1"]
        assert len(store.events(EventFilter(include_negated=True))) == 3


def test_by_default_queries_list_asserted_acts_between_two_actors():
    """An act asked for, intended or without a target stays in the store, out of the default."""
    base = record("a")
    asked = dataclasses.replace(base.events[0], id="e1", modality="demanded")
    alone = dataclasses.replace(base.events[0], id="e2", target_code=None, target_mention=None)
    events = (base.events[0], asked, alone)
    assert [e.default_output for e in events] == [True, False, False]
    with Store(":memory:") as store:
        store.write([dataclasses.replace(base, events=events)])
        assert [e["id"] for e in store.events()] == ["e0"]
        assert [e["id"] for e in store.events(EventFilter(include_all=True))] == ["e0", "e1", "e2"]


class _InterruptedInsert:
    """A connection whose INSERTs stop as DuckDB stops a query a signal interrupts."""

    def __init__(self, con):
        self.con = con

    def execute(self, sql, *args):
        if sql.startswith("INSERT"):
            raise RuntimeError("Query interrupted")
        return self.con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.con, name)


def test_a_batch_interrupted_mid_write_leaves_nothing_half_written():
    with Store(":memory:") as store:
        store.write([record("a")])
        before = store.stats().counts
        real = store.con
        store.con = _InterruptedInsert(real)
        with pytest.raises(RuntimeError, match="interrupted"):
            store.write([record("a", version="v2"), record("b")])
        store.con = real
        assert store.stats().counts == before  # "a" still whole, "b" not half there
        store.write([record("b")])  # the store goes on
        assert store.stats().counts["articles"] == 2
