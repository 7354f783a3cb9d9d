"""Inputs said out loud: a PETRARCH XML corpus is one article per <Sentence>; other XML and
binary formats get one error line naming the file and what it is, instead of being coded."""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import sys

import pytest
from click.testing import CliRunner

from detente import api
from detente.cli import main
from detente.errors import FormatError, InputError
from detente.ingest.readers import read_inputs, read_path
from detente.model import Article

#: A corpus of our own writing in PETRARCH's input format (a comment before the root, as in
#: PETRARCH's GigaWord sample; a <Parse> that détente ignores).
CORPUS = """<?xml version="1.0" encoding="UTF-8"?>
<!-- three sentences of our own -->
<Sentences>
<Sentence date="20120725" id="TST001_1" source="TST" sentence="True">
<Text>
Russia criticised NATO over its missile defence plans in Europe.
</Text>
<Parse>(ROOT (S (NP (NNP Russia)) (VP (VBD criticised) (NP (NNP NATO)))))</Parse>
</Sentence>
<Sentence date="20120726" id="TST001_2" source="TST" sentence="True">
<Text>Germany and France signed an agreement on energy cooperation in Berlin.</Text>
</Sentence>
<Sentence date="20120801" id="TST002_1" source="TST" sentence="True">
<Text>Chinese officials met Japanese diplomats in Beijing to discuss the islands.</Text>
</Sentence>
</Sentences>
"""

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title><item><title>x</title></item></channel></rss>
"""

STORY = "MOSCOW, July 25 (Itar-Tass) - Russia and NATO must find solutions to the problems dividing them."


def _articles(results):
    return [r for r in results if isinstance(r, Article)]


def _errors(results):
    return [r for r in results if isinstance(r, InputError)]


def test_petrarch_corpus_is_one_article_per_sentence(tmp_path):
    path = tmp_path / "corpus.xml"
    path.write_text(CORPUS, encoding="utf-8")
    results = list(read_path(str(path)))
    assert not _errors(results)
    first, second, third = _articles(results)
    assert first.text == "Russia criticised NATO over its missile defence plans in Europe."
    assert (first.published, first.source) == (dt.date(2012, 7, 25), "TST")
    assert first.origin == f"{path}:4 [TST001_1]"  # the <Sentence>'s line and id
    assert third.published == dt.date(2012, 8, 1)
    assert len({first.id, second.id, third.id}) == 3


def test_petrarch_corpus_gzipped_on_stdin_and_in_a_folder(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "corpus.xml.gz").write_bytes(gzip.compress(CORPUS.encode()))
    assert len(_articles(read_inputs([str(folder)]))) == 3  # a folder walk takes .xml
    named = tmp_path / "corpus.dat"  # named explicitly with another extension: sniffed
    named.write_text(CORPUS, encoding="utf-8")
    assert len(_articles(read_path(str(named)))) == 3


def test_petrarch_xml_on_stdin():
    script = (
        "import sys; from detente.ingest.readers import read_path; "
        "print(sum(1 for r in read_path('-') if hasattr(r, 'text')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=CORPUS.encode(), capture_output=True, check=True
    )
    assert done.stdout.strip() == b"3"


def test_the_petrarch_suite_files_read_as_corpora(shared_data):
    suite = shared_data / "petrarch" / "PETR.UnitTest.records.xml"  # root <Validation>
    results = list(read_path(str(suite)))
    assert not _errors(results) and len(results) == 284
    sample = list(read_path(str(shared_data / "petrarch" / "GigaWord.sample.PETR.xml")))
    assert len(sample) == 76  # one result per <Sentence>
    empty = [str(e) for e in _errors(sample) if "empty <Text>" in str(e)]
    assert len(empty) == 9  # TEST_1 ... TEST_9 have a parse and no text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("feed.xml", RSS.encode(), "XML with root element <rss>, not a PETRARCH corpus"),
        ("feed.txt", RSS.encode(), "XML with root element <rss>"),  # declared XML, not text
        ("empty.xml", b"<?xml version='1.0'?>\n<Sentences>\n</Sentences>\n", "without <Sentence>"),
        (
            "report.txt",
            b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 20,
            "PDF document",
        ),
        ("letter.txt", b"PK\x03\x04" + b"word/document.xml" * 20, "zip archive"),
        ("notes.txt", b"{\\rtf1\\ansi " + b"Russia criticised NATO. " * 10, "RTF document"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)), "JPEG image"),
    ],
)
def test_unreadable_formats_are_one_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    results = list(read_path(str(path)))
    assert len(results) == 1
    (error,) = _errors(results)
    assert isinstance(error, FormatError) and error.code == "E014"
    assert str(error).startswith(f"[E014] {path}: ") and reason in str(error)
    assert "\n" not in str(error)


def test_malformed_xml_keeps_the_sentences_before_the_fault(tmp_path):
    path = tmp_path / "cut.xml"
    cut = CORPUS.index('<Sentence date="20120801"') + 40  # a copy cut short in the third
    path.write_text(CORPUS[:cut], encoding="utf-8")
    results = list(read_path(str(path)))
    assert len(_articles(results)) == 2
    (error,) = _errors(results)
    assert type(error) is InputError and f"{path}:" in str(error) and "not valid XML" in str(error)
    assert "the rest of the file is not read" in str(error)


def test_a_sentence_inside_a_sentence_is_one_error(tmp_path):
    path = tmp_path / "nested.xml"
    path.write_text(
        CORPUS.replace('</Sentence>\n<Sentence date="20120801"', '<Sentence date="20120801"'),
        encoding="utf-8",
    )
    results = list(read_path(str(path)))
    assert len(_articles(results)) == 1  # the first, complete before the fault
    (error,) = _errors(results)
    assert f"{path}:12: <Sentence> inside <Sentence>" in str(error)


def test_an_html_fragment_in_a_text_file_stays_text(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(f"<b>{STORY}</b>", encoding="utf-8")
    (article,) = read_path(str(path))
    assert isinstance(article, Article)


@pytest.mark.slow
def test_cli_codes_the_corpus_and_reports_the_unreadable_xml(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "corpus.xml").write_text(CORPUS, encoding="utf-8")
    (folder / "feed.xml").write_text(RSS, encoding="utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["code", str(folder), "--db", db, "--fast"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("detente: error:")]
    assert errors == [
        f"detente: error: [E014] {folder / 'feed.xml'}: XML with root element <rss>, not a "
        "PETRARCH corpus (<Sentences> of <Sentence> records); convert other XML to JSON Lines"
    ]
    rows = api.articles(db)
    assert len(rows) == 4  # three sentences and the story
    dated = sorted((r["published"], r["source"]) for r in rows if r["source"] == "TST")
    assert dated == [
        (dt.date(2012, 7, 25), "TST"), (dt.date(2012, 7, 26), "TST"), (dt.date(2012, 8, 1), "TST"),
    ]  # fmt: skip
