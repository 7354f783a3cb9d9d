"""One bad article never costs the others; exit statuses tell what happened; outputs are safe.

Regressions of issue 11 (robustness). The stage failures are provoked by patching the record
builder for articles carrying a marker word, so the tests do not depend on a real bug.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente import api, guard, pipeline
from detente.cli import main
from detente.errors import ArticleError, ArticleTimeout, InputError, StoreError
from detente.model import Article
from detente.output import AtomicOutput
from detente.settings import load_settings
from detente.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from badcorpus import make_bad_corpus

DETENTE = str(Path(sys.executable).with_name("detente"))
GOOD = "MOSCOW, March 5 (Reuters) - Russia criticised NATO on Tuesday, the ministry said."


@pytest.fixture
def runner():
    return CliRunner()


def _lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("detente: error:")]


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return path


@pytest.fixture
def faulty(monkeypatch):
    """Articles with BOOM fail in a stage, with SLOW spin past any budget, with BADROW are
    refused by the store; the rest are coded normally."""
    real_record = pipeline.to_record
    real_write = Store.write

    def to_record(doc, version, dictionaries):
        if "BOOM" in doc.text:
            raise ValueError("a stage fell over")
        if "SLOW" in doc.text:
            until = time.process_time() + 3.0
            while time.process_time() < until:
                pass
        return real_record(doc, version, dictionaries)

    def write(self, records):
        if any("BADROW" in r.article.text for r in records):
            raise StoreError("constraint violated")
        return real_write(self, records)

    monkeypatch.setattr(pipeline, "to_record", to_record)
    monkeypatch.setattr(Store, "write", write)


def test_a_failing_article_is_one_line_and_the_batch_goes_on(runner, tmp_path, faulty):
    texts = [
        GOOD,
        GOOD.replace("Tuesday", "Monday") + " BOOM.",
        GOOD.replace("Tuesday", "Sunday") + " SLOW.",
        GOOD.replace("Tuesday", "Friday") + " BADROW.",
        GOOD.replace("Russia", "Iran"),
    ]
    source = _jsonl(tmp_path / "in.jsonl", texts)
    db = str(tmp_path / "t.duckdb")
    args = ["code", str(source), "--db", db, "--fast", "-q"]
    result = runner.invoke(main, args, env={"DETENTE_TIME_BUDGET": "0.5"})
    assert result.exit_code == 1, result.output
    lines = _lines(result)
    assert len(lines) == 3
    assert any(
        "[E007]" in line and "in.jsonl:2" in line and "a stage fell over" in line for line in lines
    )
    assert any(
        "[E008]" in line and "in.jsonl:3" in line and "time budget" in line for line in lines
    )
    assert any("[E009]" in line and "in.jsonl:4" in line for line in lines)
    assert "Traceback" not in result.output
    stored = {row["origin"] for row in api.articles(db)}
    assert stored == {f"{source}:1", f"{source}:5"}


def test_guarded_coding_matches_plain_coding():
    """The guard changes nothing for articles that code normally, whatever the batching."""
    nlp = pipeline.build_pipeline("")
    articles = [
        Article(id=f"a{i}", text=GOOD.replace("Tuesday", day), origin=f"x:{i}")
        for i, day in enumerate(["Monday", "Tuesday", "Friday"])
    ]
    plain = [r.to_json() for r in pipeline.code_docs(nlp, articles)]
    guarded = list(guard.code_guarded(nlp, articles, 5.0, batch_size=2))
    assert [r.to_json() for r in guarded if not isinstance(r, InputError)] == plain


def test_budget_is_per_article_and_at_least_one_unit():
    short = Article(id="s", text="x" * 100)
    long = Article(id="l", text="x" * 25_000)
    assert guard.article_budget(short, 5.0) == 10.0  # two units at least
    assert guard.article_budget(long, 5.0) == pytest.approx(12.5)


def test_code_one_reports_over_budget(monkeypatch):
    monkeypatch.setattr(pipeline, "to_record", lambda *a: time.sleep(0) or _spin(2.0))
    nlp = pipeline.build_pipeline("", stages=("detente_sentences_v1",))
    result = guard.code_one(nlp, Article(id="a", text=GOOD, origin="in.txt"), 0.2)
    assert isinstance(result, ArticleTimeout) and result.source == "in.txt"
    assert isinstance(result, ArticleError) and result.code == "E008"


def _spin(seconds: float) -> None:
    until = time.process_time() + seconds
    while time.process_time() < until:
        pass


def test_internal_error_is_one_line_exit_3_with_the_traceback_saved(runner, monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("something impossible")

    monkeypatch.setattr(api, "stats", broken)
    result = runner.invoke(main, ["stats", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 3
    assert "internal error: RuntimeError: something impossible" in result.stderr
    saved = result.stderr.rsplit("saved in ", 1)[1].split()[0]
    assert "RuntimeError" in Path(saved).read_text(encoding="utf-8")
    Path(saved).unlink()


def test_jsonl_output_never_overwrites_an_input(runner, tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", [GOOD])
    before = source.read_bytes()
    result = runner.invoke(main, ["code", str(source), "--jsonl", str(source), "--no-store"])
    assert result.exit_code == 2
    assert "would overwrite an input" in result.stderr
    assert source.read_bytes() == before
    inside = runner.invoke(main, ["code", str(tmp_path), "--jsonl", str(tmp_path / "o.jsonl")])
    assert inside.exit_code == 2 and not (tmp_path / "o.jsonl").exists()


def test_jsonl_output_folder_is_created(runner, tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", [GOOD])
    out = tmp_path / "new" / "deeper" / "out.jsonl"
    result = runner.invoke(main, ["code", str(source), "--jsonl", str(out), "--no-store", "--fast"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["article"]["text"] == GOOD
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_an_interrupted_output_keeps_whole_records_only(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), AtomicOutput(out) as stream:
        stream.write('{"a": 1}\n{"b": 2}\n{"c": ')
        assert out.read_text(encoding="utf-8") == "old\n"  # untouched until the job ends
        raise KeyboardInterrupt
    assert out.read_text(encoding="utf-8") == '{"a": 1}\n{"b": 2}\n'


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--limit", "-1"],
        ["articles", "--limit", "0"],
        ["code", "x.txt", "--batch-size", "0"],
        ["code", "x.txt", "--batch-size", "-1"],
    ],
)
def test_nonsense_numbers_are_usage_errors(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_settings_below_their_minimum_are_refused():
    with pytest.raises(Exception, match="must be 1 or more"):
        load_settings(env={}, workers=0)
    assert load_settings(env={"DETENTE_TIME_BUDGET": "0"}).time_budget == 0.0
    assert load_settings(env={}, time_budget=2).time_budget == 2.0  # an int is a float here


def test_markup_and_control_codes_in_stored_text_are_shown_as_text(runner, tmp_path):
    record = {
        "title": "Talks [/x] resume \x1b[31mred",
        "text": 'MOSCOW, March 5 (Reuters) - "We will respond [to NATO] firmly," Foreign '
        "Minister Sergei Lavrov told reporters on Tuesday.",
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    assert runner.invoke(main, ["code", str(source), "--db", db, "-q", "--fast"]).exit_code == 0
    listed = runner.invoke(main, ["articles", "--db", db])
    assert listed.exit_code == 0 and "Talks [/x] resume" in listed.output
    assert "\x1b" not in listed.output
    quotes = runner.invoke(main, ["quotes", "--db", db])
    assert "[to NATO]" in quotes.output
    [row] = api.articles(db)
    shown = runner.invoke(main, ["show", row["id"], "--db", db])
    assert shown.exit_code == 0 and "Talks [/x] resume" in shown.output


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="POSIX signals")
def test_sigterm_is_a_clean_exit_143(runner, monkeypatch, tmp_path):
    def terminated(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)

    monkeypatch.setattr(api, "stats", terminated)
    result = runner.invoke(main, ["stats", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 143
    assert "interrupted" in result.stderr


@pytest.mark.slow
def test_one_code_run_over_the_bad_corpus_codes_every_good_article(tmp_path):
    """The hostile-input probe's corpus, rebuilt: every good article coded and stored, or
    recorded as a copy of one (its variants differ by one sentence: issue 12), one line per
    bad input, no traceback, exit 1."""
    corpus = make_bad_corpus(tmp_path / "corpus")
    db = tmp_path / "bad.duckdb"
    env = {**os.environ, "DETENTE_MAX_CHARS": str(corpus.max_chars)}
    result = subprocess.run(
        [DETENTE, "code", str(corpus.folder), "--db", str(db), "-q"],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert all(line.startswith("detente: error: [E0") for line in lines), lines
    assert len(lines) == corpus.bad_inputs
    stored, copies = api.stats(str(db)).counts["articles"], len(api.copies(str(db)))
    assert copies and stored + copies == corpus.articles
