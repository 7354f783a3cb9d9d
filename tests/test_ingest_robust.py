"""Hostile inputs: reading never raises, memory stays bounded, one error line per bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import signal
import sys
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import readers
from detente.ingest.dateline import find_dateline, weekday_years
from detente.ingest.normalize import (
    MAX_AFFIX_RUN,
    MAX_NEWS_YEAR,
    MIN_NEWS_YEAR,
    clean_text,
    parse_date,
)
from detente.ingest.readers import Limits, expand_inputs, read_inputs, read_path
from detente.model import Article
from detente.settings import load_settings

sys.path.insert(0, str(Path(__file__).parent))
from badcorpus import ARTICLE, make_bad_corpus, variant


def articles_of(results):
    return [r for r in results if isinstance(r, Article)]


def errors_of(results):
    return [r for r in results if isinstance(r, InputError)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_bad_corpus(tmp_path_factory.mktemp("bad") / "corpus")


@pytest.mark.parametrize("follow_links", [False, True])
def test_bad_corpus_every_good_article_and_one_error_per_bad_input(corpus, follow_links):
    results = list(
        read_inputs([str(corpus.folder)], Limits(max_chars=corpus.max_chars), follow_links)
    )
    assert all(isinstance(r, Article | InputError) for r in results)
    expected = Counter(corpus.errors)
    articles = corpus.articles
    if follow_links:  # the link out of the folder is read instead of refused
        del expected[corpus.followed_link]
        articles += 1
    assert Counter(e.source for e in errors_of(results)) == expected
    found = articles_of(results)
    assert len(found) == articles
    assert len({a.id for a in found}) == articles
    for article in found:
        for value in (article.text, article.title, article.url, article.source, article.origin):
            (value or "").encode("utf-8")  # no lone surrogate anywhere
        assert len(article.text) <= corpus.max_chars
    for error in errors_of(results):
        assert "\n" not in str(error) and str(error).startswith("[E001] ")


def test_bad_corpus_error_reasons_say_what_is_wrong(corpus):
    results = list(read_inputs([str(corpus.folder)], Limits(max_chars=corpus.max_chars)))
    reasons = {Path(e.source.split(":")[0]).name: e.reason for e in errors_of(results)}
    assert reasons["bigint.jsonl"] == "not valid JSON (a number has more than 4300 digits)"
    assert reasons["deep.jsonl"] == "not valid JSON (nested too deeply)"
    assert reasons["bomb.txt.gz"] == "text too long (more than 200000 characters)"
    assert reasons["link_out.txt"].startswith("symbolic link out of ")
    assert reasons["link_out.txt"].endswith("not followed (use --follow-links)")
    assert reasons["loop_a.txt"] == "symbolic link loop"
    assert reasons["dangling.txt"] == "dangling symbolic link"
    assert reasons["fifo.txt"] == "not a regular file (a FIFO)"
    assert reasons["header_only.csv"] == "CSV has a header row but no records"
    assert reasons["empty_array.json"] == "JSON array holds no records"
    assert reasons["midstream_bad_utf8.jsonl"].startswith("undecodable as utf-8")
    surrogates = next(a for a in articles_of(results) if a.origin and "good_surrogates" in a.origin)
    assert (surrogates.title, surrogates.url, surrogates.source) == ("\ufffdx", "\ufffd", "\ufffd")
    assert surrogates.language == "en"


def _peak_bytes(function):
    tracemalloc.start()
    try:
        result = function()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.html.gz", "bomb.jsonl.gz", "bomb.csv.gz"])
def test_gzip_bomb_is_refused_while_decompressing(tmp_path, name):
    """64 MB of text in a 64 KB gzip: refused after max_chars, never decompressed whole."""
    path = tmp_path / name
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(b'text\n"' if "csv" in name else b'{"text": "' if "json" in name else b"")
        for _ in range(64):
            out.write(b"a " * (1 << 19))
    results, peak = _peak_bytes(lambda: list(read_path(str(path), Limits(max_chars=100_000))))
    (error,) = results
    assert isinstance(error, InputError) and "too" in error.reason
    assert peak < 16 << 20, f"peak {peak >> 20} MB"


def test_big_jsonl_streams_with_bounded_memory(tmp_path):
    path = tmp_path / "many.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(20_000):
            out.write(json.dumps({"text": variant(str(i))}) + "\n")  # ~6 MB of records
    count = 0

    def read():
        nonlocal count
        for item in read_path(str(path)):
            assert isinstance(item, Article)
            count += 1

    _, peak = _peak_bytes(read)
    assert count == 20_000
    assert peak < 8 << 20, f"peak {peak >> 20} MB"


def test_over_long_line_is_skipped_and_the_next_read(tmp_path):
    path = tmp_path / "a.jsonl"
    limits = Limits(max_chars=1000)
    path.write_text(
        json.dumps({"text": "x " * limits.record_bytes}) + "\n" + json.dumps({"text": ARTICLE}),
        encoding="utf-8",
    )
    error, article = read_path(str(path), limits)
    assert error.source == f"{path}:1" and error.reason.startswith("line too long")
    assert isinstance(article, Article) and article.origin == f"{path}:2"


def test_json_file_over_the_cap_says_use_json_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "JSON_MAX_BYTES", 100)
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": ARTICLE}]), encoding="utf-8")
    (error,) = read_path(str(path))
    assert "too big to parse whole" in error.reason and "JSON Lines" in error.reason


def test_csv_bad_rows_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "a.csv"
    story = ARTICLE.replace("\n", " ").replace('"', "'")
    story += " Filler words." * 5000  # the bad line comes after the head the codec is chosen on
    raw = (
        f'title,text\nA,"{story}"\n'.encode() + b'B,"bad \xff byte"\n' + f'C,"{story} 2"\n'.encode()
    )
    path.write_bytes(raw)
    results = list(read_path(str(path)))
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "Article"]
    assert [r.origin for r in results[::2]] == [f"{path}:2", f"{path}:4"]
    assert results[1].source == f"{path}:3" and results[1].reason.startswith("undecodable")


@pytest.mark.parametrize("gzipped", [False, True])
def test_stdin_jsonl_plain_or_gzipped(monkeypatch, gzipped):
    payload = (json.dumps({"text": ARTICLE}) + "\n{broken\n").encode()
    raw = gzip.compress(payload) if gzipped else payload
    stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(raw)))
    monkeypatch.setattr(sys, "stdin", stdin)
    article, error = read_inputs(["-"])
    assert isinstance(article, Article) and article.origin == "-:1"
    assert error.source == "-:2" and error.reason.startswith("not valid JSON")


def test_fifo_named_explicitly_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("opening a FIFO hung"))
    signal.alarm(10)
    try:
        (error,) = read_inputs([str(fifo)])
        (direct,) = read_path(str(fifo))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert error.reason == "not a regular file (a FIFO)"
    assert direct.reason == "not a regular file (a FIFO)"


def test_a_link_named_explicitly_is_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    (tmp_path / "folder_link").symlink_to(tmp_path / "real")
    assert len(articles_of(read_inputs([str(tmp_path / "link.txt")]))) == 1
    assert len(articles_of(read_inputs([str(tmp_path / "folder_link")]))) == 1


def test_deep_folders_and_a_link_loop_in_a_glob(tmp_path):
    deep = tmp_path
    for _ in range(60):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "d" / "up").symlink_to("..")
    found, loop = expand_inputs([str(tmp_path)])
    assert found == str(deep / "a.txt")
    assert loop.reason == "symbolic link loop (to a folder above it), not followed"
    matches = [m for m in expand_inputs([str(tmp_path / "**" / "*.txt")]) if isinstance(m, str)]
    assert len(matches) == 1


def test_walk_order_is_sorted_and_stable(tmp_path):
    for name in ("b.txt", "a.txt", "c/z.txt", "c/a.txt", "B.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(variant(name), encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)])]
    assert found == ["B.txt", "a.txt", "b.txt", "c/a.txt", "c/z.txt"]


def test_follow_links_is_a_setting():
    assert load_settings(env={}).follow_links is False
    assert load_settings(env={"DETENTE_FOLLOW_LINKS": "yes"}).follow_links is True


@pytest.mark.parametrize(
    "value",
    [
        "1 Jan 0 0:9999999999",
        "0001-01-01",
        "9999-12-31",
        "9999-12-31T23:59:59Z",
        "0001-01-01T00:00:00+14:00",
        "Tue, 1 Jan 0001 00:00:00 +2359",
        "Thu, 01 Jan 1970 00:00:00 -9999",
        99991231,
        17991231,
        10**400,
        -(10**30),
        1e308,
        float("nan"),
        float("inf"),
        2**63,
        -62135596801,
        "9" * 5000,
        "2019-02-30",
        True,
        [2020, 1, 1],
        {"y": 2020},
        b"2019-01-01",
        dt.date(1, 1, 1),
        dt.datetime(9999, 12, 31),
    ],
)
def test_parse_date_never_raises_and_refuses_non_news_years(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1343210400000, dt.date(2012, 7, 25)),  # milliseconds
        (253402300800, dt.date(1978, 1, 11)),  # as seconds, year 10000: read as milliseconds
        ("1343210400", dt.date(2012, 7, 25)),
        (20120725.0, dt.date(2012, 7, 25)),
        (f"{MIN_NEWS_YEAR}-01-01", dt.date(MIN_NEWS_YEAR, 1, 1)),
        (f"{MAX_NEWS_YEAR}-12-31", dt.date(MAX_NEWS_YEAR, 12, 31)),
    ],
)
def test_parse_date_timestamps_and_bounds(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "head",
    [
        "MOSCOW, Jan 1, 0001 (Reuters) - Russia said on Monday it would talk.",
        "MOSCOW, 31 December 99999 (Reuters) - Russia said on Monday it would talk.",
        "MOSCOW, March 99 (Reuters) - Russia said on Monday it would talk.",
        "MOSCOW, Dec 31 (Reuters) - Russia said on Friday it would talk.",
    ],
)
@pytest.mark.parametrize(
    ("published", "today", "min_year"),
    [
        (dt.date(1, 1, 1), None, 1990),
        (dt.date(9999, 12, 31), None, 1990),
        (None, dt.date(1, 1, 1), 1990),
        (None, dt.date(9999, 12, 31), 0),
        (None, dt.date(2025, 1, 1), -(10**9)),
    ],
)
def test_dateline_extreme_years_do_not_crash(head, published, today, min_year):
    dateline = find_dateline(head, published=published, today=today, min_year=min_year)
    assert dateline is None or dateline.text == head[dateline.start : dateline.end]


def test_weekday_years_clamps_to_the_calendar():
    assert weekday_years(1, 1, 0, -(10**9), 10**9)[:1] == (1,)  # 1 January 1 was a Monday


@pytest.mark.parametrize(
    "prose",
    [
        "He said: \"('No,' he said.)\" ... and left.",
        "Visit https://example.com/a/b?c=1&d=2#frag -- or www.x.org/~y.",
        "Wait...... what?!?! (“Really?”) — yes.",
        "Russia’s army’s ‘plan’ “failed”, officials’ said.",
        "Scores: 3-1, 2:0; 50% (±2%) of $5bn ... ",
        "Emoji 😀😀 and flags 🇷🇺🇺🇦 stay.",
    ],
)
def test_affix_run_cap_leaves_prose_alone(prose):
    assert clean_text(prose) == prose.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x " + '"' * 8000, "x " + '"' * MAX_AFFIX_RUN),
        ("=" * 80 + "\nTitle", "=" * MAX_AFFIX_RUN + "\nTitle"),
        ("(\"'“" * 100 + "word", ("(\"'“" * 100)[:MAX_AFFIX_RUN] + " word"),
        ("x" + "'s" * 100, "x" + "'s" * MAX_AFFIX_RUN),
        ("a" + "&#" * 8 + "!" * 10 + "x38;b", "a" + "&#" * 8 + " x38;b"),  # no '&#x38;' at the cut
    ],
)
def test_affix_runs_are_cut(text, expected):
    assert clean_text(text) == expected
    assert clean_text(expected) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("&amp;amp;lt;", "<"),
        ("&&#97;mp;", "&"),
        ("&lt&#59;", "<"),
        ("&#38;#38;", "&"),
        ("&a\x00mp;", "&"),
        ("&amp\u037e", "&"),  # Greek question mark: NFC makes it ';'
        ("x&amp", "x&amp"),
        ("&#13;&#10;x", "x"),
        ("a&#1;b", "ab"),
        ("\x85a\u0085", "a"),
    ],
)
def test_clean_text_decodes_entities_to_a_fixpoint(text, expected):
    assert clean_text(text) == expected
    assert clean_text(clean_text(text)) == clean_text(text)


def test_quadratic_tokenizer_case_is_cheap_after_cleaning():
    text = clean_text("x " + '"' * 1_000_000)
    assert len(text) <= 2 + MAX_AFFIX_RUN
