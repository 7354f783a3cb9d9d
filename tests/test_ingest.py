"""Ingest: every reader, gzip, folders, globs, stable ids, and one clear error per bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from detente.errors import InputError
from detente.ingest.normalize import article_id, clean_text, parse_date
from detente.ingest.readers import Limits, read_inputs, read_path
from detente.model import Article

STORY = "MOSCOW, July 25 (Itar-Tass) - Russia and NATO must find solutions to the problems dividing them."


def articles_of(results):
    return [r for r in results if isinstance(r, Article)]


def errors_of(results):
    return [r for r in results if isinstance(r, InputError)]


def test_txt(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY + "\n", encoding="utf-8")
    (article,) = list(read_path(str(path)))
    assert article.text == STORY
    assert article.origin == str(path)
    assert article.id == article_id(STORY)


def test_jsonl_fields_and_line_numbers(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [
        {
            "text": STORY,
            "title": "T",
            "date": "2012-07-25T10:00:00Z",
            "url": "http://x/1",
            "agency": "ITAR-TASS",
        },
        {"body": STORY + " More.", "published": "20120726", "source": "TASS"},
        {"content": STORY + " Again.", "publish_date": "Wed, 25 Jul 2012 10:00:00 +0400"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    a, b, c = list(read_path(str(path)))
    assert (a.title, a.published, a.url, a.source) == (
        "T",
        dt.date(2012, 7, 25),
        "http://x/1",
        "ITAR-TASS",
    )
    assert b.published == dt.date(2012, 7, 26) and b.source == "TASS"
    assert c.published == dt.date(2012, 7, 25)
    assert (a.origin, c.origin) == (f"{path}:1", f"{path}:3")
    assert a.id != article_id(STORY), "the url is part of the id"


def test_jsonl_separate_dateline_is_put_back(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps(
            {"dateline": "BAGHDAD, March 5 -", "text": "Iraq said its forces crushed an offensive."}
        ),
        encoding="utf-8",
    )
    (article,) = list(read_path(str(path)))
    assert article.text.startswith("BAGHDAD, March 5 - Iraq said")


def test_json_array_and_csv(tmp_path):
    array = tmp_path / "a.json"
    array.write_text(json.dumps([{"text": STORY}, {"text": STORY + " Two."}]), encoding="utf-8")
    assert len(articles_of(read_path(str(array)))) == 2
    table = tmp_path / "a.csv"
    table.write_text(
        'title,date,text\nOne,2012-07-25,"' + STORY + '\n\nSecond paragraph, with a comma."\n',
        encoding="utf-8",
    )
    (row,) = list(read_path(str(table)))
    assert row.title == "One" and row.published == dt.date(2012, 7, 25)
    assert row.text.endswith("Second paragraph, with a comma.")


def test_html_with_trafilatura(tmp_path):
    page = tmp_path / "a.html"
    paragraphs = "".join(
        f"<p>{STORY} Paragraph {i} adds more words about the talks in Brussels.</p>"
        for i in range(4)
    )
    page.write_text(
        f"<html><head><title>Talks</title></head><body><nav>Home | World</nav><article><h1>Talks</h1>{paragraphs}</article>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    (article,) = list(read_path(str(page)))
    assert article.title == "Talks"
    assert "Russia and NATO" in article.text
    assert "Copyright" not in article.text


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz"])
def test_gzip_of_each_format(tmp_path, name):
    payload = json.dumps({"text": STORY}) if "jsonl" in name else STORY
    path = tmp_path / name
    path.write_bytes(gzip.compress(payload.encode("utf-8")))
    (article,) = list(read_path(str(path)))
    assert article.text == STORY


def test_directories_recursive_sorted_and_globs(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY + " 2", encoding="utf-8")
    (tmp_path / "1.txt").write_text(STORY + " 1", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not news", encoding="utf-8")
    texts = [a.text[-1] for a in articles_of(read_inputs([str(tmp_path)]))]
    assert texts == ["1", "2"]
    globbed = articles_of(read_inputs([str(tmp_path / "**" / "*.txt")]))
    assert len(globbed) == 2


def test_encodings_declared_and_detected(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        (
            "PARIS, Dec 12 (AFP) - Le président français a salué l'accord à Paris, déclaré historique. "
            * 3
        ).encode("cp1252")
    )
    (article,) = list(read_path(str(latin)))
    assert "président" in article.text
    bom = tmp_path / "bom.txt"
    bom.write_bytes(STORY.encode("utf-16"))
    (article,) = list(read_path(str(bom)))
    assert article.text == STORY
    page = tmp_path / "declared.html"
    body = "".join(
        f"<p>{STORY} Le ministre a déclaré que l'accord est signé, numéro {i}.</p>"
        for i in range(4)
    )
    page.write_bytes(
        f'<html><head><meta charset="iso-8859-1"><title>T</title></head><body><article>{body}</article></body></html>'.encode(
            "latin-1"
        )
    )
    (article,) = list(read_path(str(page)))
    assert "déclaré" in article.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n  ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("short.txt", b"Hi.", "text too short"),
        ("trunc.txt.gz", gzip.compress(STORY.encode())[:-12], "truncated gzip"),
        ("notgz.txt.gz", b"plain text, not gzip at all", "bad gzip"),
        (
            "nav.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "HTML without article text",
        ),
        ("bad.json", b'{"text": ', "not valid JSON"),
        ("notext.json", b'{"title": "only a title"}', "no article text"),
    ],
)
def test_bad_inputs_give_one_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    results = list(read_path(str(path)))
    assert len(results) == 1
    (error,) = errors_of(results)
    assert str(path) in str(error)
    assert reason in str(error)
    assert "\n" not in str(error)


def test_bad_jsonl_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": STORY}),
                "[1, 2]",
                "{broken",
                json.dumps({"title": "no text"}),
                json.dumps({"text": 42}),
                json.dumps({"text": STORY + " 2"}),
            ]
        ),
        encoding="utf-8",
    )
    results = list(read_path(str(path)))
    assert len(articles_of(results)) == 2
    reasons = {e.source: e.reason for e in errors_of(results)}
    assert reasons == {
        f"{path}:2": "expected a JSON object, got list",
        f"{path}:3": reasons[f"{path}:3"],
        f"{path}:4": "no article text (expected one of: text, body, content, article, maintext, story)",
        f"{path}:5": "article text is int, not a string",
    }
    assert reasons[f"{path}:3"].startswith("not valid JSON")


def test_missing_paths_and_empty_globs(tmp_path):
    results = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert [e.reason for e in errors_of(results)] == [
        "no such file or directory",
        "no file matches this pattern",
    ]


def test_limits(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(STORY * 10, encoding="utf-8")
    (error,) = list(read_path(str(path), Limits(max_chars=100)))
    assert isinstance(error, InputError) and "too long" in error.reason


def test_ids_ignore_spacing_and_quote_styles_but_not_words():
    a = article_id("Russia said: \u201cno\u201d.\n\n  Then  more.")
    assert a == article_id('Russia said: "no". Then more.')
    assert a != article_id('Russia said: "yes". Then more.')
    assert len(a) == 16


def test_clean_text():
    assert clean_text("A &amp; B\r\nC\x00D\n\n\n\nE ") == "A & B\nCD\n\nE"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2012-07-25", dt.date(2012, 7, 25)),
        ("2012-07-25T23:10:00+04:00", dt.date(2012, 7, 25)),
        ("20120725", dt.date(2012, 7, 25)),
        (20120725, dt.date(2012, 7, 25)),
        ("5-MAR-1987 09:55:41.23", dt.date(1987, 3, 5)),
        ("July 25, 2012", dt.date(2012, 7, 25)),
        ("25 July 2012", dt.date(2012, 7, 25)),
        ("Wed, 25 Jul 2012 10:00:00 GMT", dt.date(2012, 7, 25)),
        (1343210400, dt.date(2012, 7, 25)),
        ("next week", None),
        ("", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_lone_surrogates_become_replacement_characters():
    """Broken UTF-16 in a caller's string: one U+FFFD each (offsets keep), never a crash."""
    from detente.ingest.normalize import article_id, clean_text

    text = clean_text("Iran \ud800 attacked Iraq")
    assert text == "Iran \ufffd attacked Iraq"
    assert len(article_id(text)) == 16
