"""Event clusters: one real-world event reported by many articles, with GDELT's counts."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from detente import api
from detente.analysis.clusters import ClusterFilter, clusters, mentions, recompute_clusters
from detente.cli import main
from detente.model import Article, CodedArticle, Event, Place, Sentence, Tone
from detente.settings import load_settings
from detente.store import Store

DAY = dt.date(2015, 3, 3)
DYAD = {"source_code": "NORGOV", "target_code": "JPNGOV", "date": DAY}


def event(eid="e0", code="040", source="NORGOV", target="JPNGOV", day=DAY, **more) -> Event:
    return Event(
        eid, 0, 10, 20, code, code[:2], 1, 1.0, source_code=source, target_code=target,
        date=day, confidence=more.pop("confidence", 0.6), **more,
    )  # fmt: skip


def record(aid, *events, source="Wire One", url=None, places=(), tone=None) -> CodedArticle:
    article = Article(id=aid, text="Norway met Japan. " * 4, source=source, url=url, published=DAY)
    return CodedArticle(
        article=article,
        pipeline_version="v1",
        sentences=(Sentence(0, 0, 17, 0), Sentence(1, 18, 35, 1)),
        events=events,
        places=places,
        tone=tone,
    )


def place(pid, country) -> Place:
    return Place(pid, 0, 5, "Tokyo", name="Tokyo", country=country, role="event")


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def clustered(store, *records):
    store.write(list(records))
    recompute_clusters(store.con)
    return clusters(store.con)


def test_two_articles_same_day_dyad_and_root_are_one_event(store):
    (c,) = clustered(
        store,
        record("a", event(code="040")),
        record("b", event(code="042"), source="Other Paper"),
    )
    assert (c["num_mentions"], c["num_sources"], c["num_articles"]) == (2, 2, 2)
    assert (c["source_key"], c["target_key"], c["root"], c["date"]) == (
        "NORGOV",
        "JPNGOV",
        "04",
        DAY,
    )
    assert (c["article_id"], c["event_id"], c["code"]) == ("a", "e0", "040")  # the earliest member


def test_dates_chain_within_a_day_and_split_beyond(store):
    days = [DAY, DAY + dt.timedelta(1), DAY + dt.timedelta(2), DAY + dt.timedelta(5)]
    rows = clustered(store, *(record(f"a{i}", event(day=d)) for i, d in enumerate(days)))
    assert [(r["date"], r["last_date"], r["num_mentions"]) for r in rows] == [
        (days[0], days[2], 3),
        (days[3], days[3], 1),
    ]


def test_actor_keys_compare_country_and_first_sector(store):
    rows = clustered(
        store,
        record("a", event(source="RUSGOV")),
        record("b", event(source="RUSGOVMIL")),  # the same side
        record("c", event(source="RUSMIL")),  # another
        record("d", event(code="111")),  # another root
    )
    assert sorted((r["source_key"], r["root"], r["num_mentions"]) for r in rows) == [
        ("NORGOV", "11", 1),
        ("RUSGOV", "04", 2),
        ("RUSMIL", "04", 1),
    ]


def test_places_in_two_countries_are_two_events_and_an_unknown_place_joins(store):
    rows = clustered(
        store,
        record("a", event(location="p1"), places=(place("p1", "JPN"),)),
        record("b", event(location="p1"), places=(place("p1", "JPN"),)),
        record("c", event(location="p1"), places=(place("p1", "NOR"),)),
        record("d", event()),  # no place: joins the most reported country
    )
    assert sorted((r["country"], r["num_mentions"]) for r in rows) == [("JPN", 3), ("NOR", 1)]


def test_only_asserted_dyadic_dated_events_are_clustered(store):
    rows = clustered(
        store,
        record("a", event("e1", negated=True)),
        record("b", event("e2", modality="future")),
        record("c", event("e3", target=None)),
        record("d", event("e4", code="1246", negated=True)),  # a coded refusal: asserted
    )
    assert [(r["article_id"], r["code"]) for r in rows] == [("d", "1246")]


def test_copies_count_as_articles_of_their_outlets(store):
    store.write([record("a", event(), url="https://www.wire.example/1")])
    store.con.execute(
        "INSERT INTO story_copies VALUES "
        "('x', 'a', 0.9, 'Tokyo Evening', NULL, NULL, NULL, NULL, now()), "
        "('y', 'a', 0.8, NULL, 'https://north.example/2', NULL, NULL, NULL, now()), "
        "('z', 'a', 0.8, 'WIRE ONE', NULL, NULL, NULL, NULL, now())"  # the story's own outlet
    )
    recompute_clusters(store.con)
    (c,) = clusters(store.con)
    assert (c["num_mentions"], c["num_articles"], c["num_sources"]) == (1, 4, 3)
    assert c["source_url"] == "https://www.wire.example/1"


def test_confidence_is_the_best_members_raised_by_independent_outlets(store):
    (c,) = clustered(
        store,
        record("a", event(confidence=0.5)),
        record("b", event(confidence=0.4), source="Other"),
        record("c", event(confidence=0.3), source="Other"),
    )
    assert c["num_sources"] == 2
    assert c["confidence"] == pytest.approx(1 - 0.5**2)


def test_tone_lead_paragraph_and_mentions(store):
    tone = Tone(-2.0, 1.0, 3.0, 4.0, 10.0, 1.0, 100)
    (c,) = clustered(
        store,
        record("a", event(), tone=tone),
        record("b", Event("e9", 1, 20, 25, "043", "04", 1, 2.8, **DYAD)),
    )
    assert c["avg_tone"] == -2.0 and c["in_lead"] is True
    rows = mentions(store.con, c["id"])
    assert [(r["article_id"], r["event_id"], r["sentence"]) for r in rows] == [
        ("a", "e0", 0),
        ("b", "e9", 1),
    ]
    assert (rows[1]["sentence_start"], rows[1]["sentence_end"], rows[1]["event_start"]) == (
        18,
        35,
        20,
    )


def test_cluster_ids_stay_when_recoded_and_when_later_reports_arrive(store):
    first = clustered(store, record("a", event()), record("b", event(day=DAY + dt.timedelta(1))))
    again = clustered(store, record("a", event()))  # the same article coded again
    assert [r["id"] for r in again] == [r["id"] for r in first]
    later = clustered(store, record("c", event(day=DAY + dt.timedelta(1))))
    assert [r["id"] for r in later] == [r["id"] for r in first]
    assert later[0]["num_mentions"] == 3
    assert first[0]["global_id"] > 0 and first[0]["id"].startswith("c")


def test_filters(store):
    clustered(
        store,
        record("a", event()),
        record("b", event(source="RUSGOV", code="111"), source="x"),
        record("c", event(source="RUSGOV", code="112"), source="y"),
    )
    assert [r["code"] for r in clusters(store.con, ClusterFilter(source="rus"))] == ["111"]
    assert [r["code"] for r in clusters(store.con, ClusterFilter(code="04"))] == ["040"]
    assert clusters(store.con, ClusterFilter(min_sources=2))[0]["source_key"] == "RUSGOV"
    assert clusters(store.con, ClusterFilter(since=DAY + dt.timedelta(1))) == []


NORWAY = (
    "Norway's foreign minister met Japan's prime minister in Tokyo on Tuesday to discuss "
    "fishing rights in the Arctic."
)
JAPAN = (
    "Officials said that Norway's foreign minister held talks with the Japanese prime minister "
    "in Tokyo on Tuesday. Fishing crews in the north had asked for the talks for many years, and the two "
    "sides plan another round in Bergen."
)


def _rows(db) -> tuple[int, int, list[str]]:
    with Store(db, read_only=True) as store:
        members = store.con.execute("SELECT count(*) FROM event_cluster_members").fetchone()[0]
        ids = [
            r[0] for r in store.con.execute("SELECT id FROM event_clusters ORDER BY id").fetchall()
        ]
    return len(ids), members, ids


def test_two_coded_stories_on_one_day_form_one_cluster_and_recoding_keeps_its_id(tmp_path):
    items = tmp_path / "news.jsonl"
    lines = [
        {"text": NORWAY, "source": "Wire One", "date": "2015-03-03"},
        {"text": JAPAN, "source": "Tokyo Evening", "date": "2015-03-03"},
    ]
    items.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    settings = load_settings(env={}, db=str(db), fast=True, quiet=True)
    report = api.code([str(items)], settings=settings)
    assert report.coded == 2 and report.clusters >= 1
    rows = api.clusters(str(db), ClusterFilter(source="NOR", target="JPN"))
    assert [(r["root"], r["num_articles"], r["num_sources"]) for r in rows] == [("04", 2, 2)]
    before = _rows(db)
    again = api.code([str(items)], settings=settings)  # the same job: nothing added
    assert (again.coded, again.unchanged) == (0, 2) and _rows(db) == before
    with Store(db) as store:  # as if a newer pipeline had coded them: everything rewritten
        store.con.execute("UPDATE articles SET pipeline_version = 'older'")
    api.code([str(items)], settings=settings)
    assert _rows(db) == before
    assert [r["id"] for r in api.clusters(str(db), ClusterFilter(source="NOR"))] == [
        r["id"] for r in rows
    ]
    result = CliRunner().invoke(main, ["clusters", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert rows[0]["id"] in {r["id"] for r in json.loads(result.output)}
