"""Stories: near-duplicate copies of an article are recorded, not coded, in one run and across runs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from detente import api
from detente.analysis.stories import (
    DEFAULT_THRESHOLD,
    NUM_PERM,
    SCHEME,
    BandIndex,
    StoryIndex,
    check_threshold,
    shingles,
    signature,
)
from detente.cli import main
from detente.errors import SettingsError
from detente.settings import load_settings
from detente.store import Store

PARAGRAPHS = [
    "OSLO, March 3 - Norway's foreign minister met Japan's prime minister in Tokyo on Tuesday "
    "to discuss fishing rights in the Arctic and the research fleets both countries send north "
    "every summer.",
    "The two governments signed an agreement on fisheries research, officials said after the "
    "meeting, which lasted three hours and ended with a joint statement on quotas.",
    "The minister told reporters that the talks had been frank and useful, and that a second "
    "round would be held in Bergen before the end of the year.",
    "Fishing crews in the northern ports have asked both capitals for clearer rules on where "
    "their boats may work when the ice retreats earlier than it used to.",
    "Scientists from the two countries will share catch data and survey results under the new "
    "agreement, which runs for five years and can be extended.",
]
EXTRA = (
    "Environmental groups welcomed the deal but said that it did not go far enough to protect "
    "the spawning grounds of cod and herring along the coast."
)
OTHER = (
    "CAIRO, March 3 - Egypt's president praised Jordan for its help with the water talks on "
    "Tuesday, and the two leaders agreed to meet again in Amman next month to discuss trade "
    "across the Red Sea and the price of grain."
)


def _story(byline: str, paragraphs: list[str]) -> str:
    return "\n\n".join([byline, *paragraphs])


def _item(text: str, source: str, title: str, url: str) -> dict[str, str]:
    return {"text": text, "source": source, "title": title, "url": url, "date": "2015-03-03"}


ORIGINAL = _item(
    _story("By Kari Nordmann", PARAGRAPHS),
    "Wire One",
    "Norway and Japan agree",
    "https://a.example/1",
)
BYLINE = _item(
    _story("By Taro Yamada, staff writer", PARAGRAPHS),
    "Tokyo Evening",
    "Japan, Norway sign fisheries pact",
    "https://b.example/fish",
)
LONGER = _item(
    _story("By Kari Nordmann", [*PARAGRAPHS[:3], EXTRA, *PARAGRAPHS[3:]]),
    "North Post",
    "Arctic fishing deal",
    "https://c.example/arctic",
)
LATER = _item(
    _story("From our correspondent", [p.replace("Tuesday", "Tuesday,") for p in PARAGRAPHS]),
    "Bergen Herald",
    "Fish deal signed",
    "https://d.example/x",
)
UNRELATED = _item(OTHER, "Nile News", "Egypt praises Jordan", "https://e.example/y")


def _write(path: Path, items: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def _settings(db: Path, **more):
    return load_settings(env={}, db=str(db), fast=True, quiet=True, **more)


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {
            t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "stories", "story_copies", "events")
        }


def test_shingles_ignore_case_punctuation_and_spacing():
    same = shingles("Russia  criticised NATO, on Tuesday.")
    assert same.tolist() == shingles("russia criticised nato on tuesday").tolist()
    assert len(same) == 1 and len(shingles("two words")) == 1
    assert len(shingles("a b c d e f a b c d e f")) == 6  # each distinct shingle once
    assert len(shingles("...")) == 0
    assert signature("!!!") is None


def test_copies_score_above_the_threshold_and_other_stories_far_below():
    original = signature(ORIGINAL["text"])
    for copy in (BYLINE, LONGER, LATER):
        assert original.jaccard(signature(copy["text"])) >= DEFAULT_THRESHOLD, copy["source"]
    assert original.jaccard(signature(UNRELATED["text"])) < 0.2


def test_index_returns_the_best_story_and_skips_candidates_below_the_threshold():
    index = StoryIndex(0.6)
    index.add("story", signature(ORIGINAL["text"]))
    index.add("other", signature(UNRELATED["text"]))
    story, similarity = index.best_match(signature(LONGER["text"]))
    assert story == "story" and 0.6 <= similarity < 1.0
    assert "story" in index and len(index) == 2
    assert StoryIndex(0.99).best_match(signature(LONGER["text"])) is None


def test_index_finds_stories_before_and_after_its_bands_are_merged():
    """Stories added before a merge of the band arrays and after it are found alike."""
    rng = np.random.default_rng(7)
    index = StoryIndex(0.6)
    index.add("first", signature(ORIGINAL["text"]))
    for i in range(BandIndex._PENDING + 10):  # one merge, then pending stories again
        index.add_values(f"noise{i:05d}", rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32))
    index.add("last", signature(UNRELATED["text"]))
    assert index.best_match(signature(LONGER["text"]))[0] == "first"
    assert index.best_match(signature(UNRELATED["text"] + " Officials said so."))[0] == "last"
    assert index.best_match(signature(" ".join(PARAGRAPHS[3:]) + OTHER)) is None


def test_stories_added_in_bulk_are_found_as_those_added_one_by_one():
    rng = np.random.default_rng(3)
    matrix = rng.integers(0, 2**32, (50, NUM_PERM), dtype=np.uint32)
    bands = BandIndex(0.6)
    assert (bands.band_keys(matrix)[7] == bands.band_keys(matrix[7])).all()
    index = StoryIndex(0.6)
    index.add_many([f"s{i}" for i in range(50)], matrix)
    index.add("story", signature(ORIGINAL["text"]))
    index.add_many(["next"], matrix[:1] ^ np.uint32(1))
    assert index.best_match(signature(LONGER["text"]))[0] == "story"
    assert len(index) == 52 and "s49" in index and "next" in index


@pytest.mark.parametrize("bad", [-0.1, 1.5])
def test_a_threshold_outside_0_and_1_is_a_settings_error(bad):
    with pytest.raises(SettingsError, match="near_duplicate_threshold"):
        check_threshold(bad)


def test_copies_in_one_run_and_a_later_run_make_one_story_coded_once(tmp_path):
    """Three copies of one story (another byline and headline, one paragraph more) in one
    run, and one more copy in a later run: one story, coded once, with three copies."""
    db = tmp_path / "s.duckdb"
    first = _write(tmp_path / "first.jsonl", [ORIGINAL, BYLINE, UNRELATED, LONGER])
    report = api.code([str(first)], settings=_settings(db))
    assert report.ok, [str(e) for e in report.errors]
    assert (report.coded, report.copies) == (2, 2)
    counts = _counts(db)
    assert counts["articles"] == 2 and counts["stories"] == 2 and counts["story_copies"] == 2

    later = _write(tmp_path / "later.jsonl", [LATER])
    report = api.code([str(later)], settings=_settings(db))
    assert (report.coded, report.copies) == (0, 1)

    rows = api.copies(str(db))
    assert {r["source"] for r in rows} == {"Tokyo Evening", "North Post", "Bergen Herald"}
    assert api.stats(str(db)).counts["story_copies"] == 3
    (story,) = {r["story_id"] for r in rows}
    assert {r["story_source"] for r in rows} == {"Wire One"}
    by_url = {r["url"]: r for r in rows}
    assert by_url["https://d.example/x"]["published"].isoformat() == "2015-03-03"
    assert by_url["https://c.example/arctic"]["origin"].startswith(str(first))
    with Store(db, read_only=True) as store:
        coded = {
            r[0] for r in store.con.execute("SELECT DISTINCT article_id FROM events").fetchall()
        }
        assert story in coded and not coded & {r["article_id"] for r in rows}
        keys = store.con.execute(
            "SELECT count(*), count(DISTINCT (article_id, source_code, code, target_code)) "
            "FROM events WHERE article_id = ?",
            [story],
        ).fetchone()
    assert keys[0] == keys[1] > 0  # each event of the story once


def test_running_the_same_jobs_again_adds_no_stories_or_copies(tmp_path):
    db = tmp_path / "s.duckdb"
    first = _write(tmp_path / "first.jsonl", [ORIGINAL, BYLINE, LONGER, UNRELATED])
    later = _write(tmp_path / "later.jsonl", [LATER])
    api.code([str(first)], settings=_settings(db))
    api.code([str(later)], settings=_settings(db))
    before = _counts(db)
    copies_before = api.copies(str(db))
    again = api.code([str(first), str(later)], settings=_settings(db))
    assert (again.coded, again.unchanged, again.copies) == (0, 2, 3)
    assert _counts(db) == before
    assert api.copies(str(db)) == copies_before


def test_threshold_zero_codes_every_copy(tmp_path):
    db = tmp_path / "s.duckdb"
    items = _write(tmp_path / "a.jsonl", [ORIGINAL, BYLINE])
    report = api.code([str(items)], settings=_settings(db, near_duplicate_threshold=0))
    assert (report.coded, report.copies) == (2, 0)


def test_a_store_coded_before_stories_existed_is_signed_and_its_copies_recognised(tmp_path):
    db = tmp_path / "s.duckdb"
    items = _write(tmp_path / "a.jsonl", [ORIGINAL])
    api.code([str(items)], settings=_settings(db, near_duplicate_threshold=0))
    with Store(db) as store:
        store.con.execute("DELETE FROM stories")  # as a store from before migration 0005
    report = api.code([str(_write(tmp_path / "b.jsonl", [BYLINE]))], settings=_settings(db))
    assert (report.coded, report.copies) == (0, 1)
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT scheme FROM stories").fetchall() == [(SCHEME,)]


def test_cli_summary_says_how_many_copies_were_recognised(tmp_path):
    db = tmp_path / "s.duckdb"
    items = _write(tmp_path / "a.jsonl", [ORIGINAL, BYLINE, LONGER])
    result = CliRunner().invoke(main, ["code", str(items), "--db", str(db), "--fast"])
    assert result.exit_code == 0, result.output
    assert "2 copies of stories recognised" in result.output
    listed = CliRunner().invoke(main, ["copies", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert {r["source"] for r in json.loads(listed.output)} == {"Tokyo Evening", "North Post"}
