"""The command line: each command invoked, then the result checked through the Python API."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from detente import api
from detente.cli import main


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "t.duckdb")


def test_version_and_help(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and "detente" in result.output


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize(
    ("path", "command"),
    list(_commands(main)),
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else "",
)
def test_every_command_has_help(runner, path, command):
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    result = runner.invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


DOCUMENTATION = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("path", [p for p, _ in _commands(main)], ids=" ".join)
def test_every_command_is_documented(path):
    """Each command (and sub-command) appears as `detente NAME` in the README or docs/."""
    text = "".join(doc.read_text(encoding="utf-8") for doc in DOCUMENTATION)
    assert f"detente {' '.join(path)}" in text, f"detente {' '.join(path)} is not documented"


def test_seed_jsonl_to_stdout(runner, seed_path, db):
    result = runner.invoke(main, ["code", str(seed_path), "--db", db, "--jsonl", "-"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    dateline = record["dateline"]
    assert (
        dateline["place_normalized"],
        dateline["agency"],
        dateline["month"],
        dateline["day"],
    ) == ("Moscow", "ITAR-TASS", 7, 25)
    assert {2007, 2012, 2018} <= set(dateline["candidate_years"])
    assert dateline["year_source"] == "inferred"
    assert dateline["year"] in dateline["candidate_years"]
    assert "Wednesday" in dateline["evidence"]
    assert "coded 1 articles" in result.stderr


def test_coding_the_same_folder_twice_keeps_the_counts(runner, db):
    first = runner.invoke(main, ["code", str(EXAMPLES), "--db", db, "--quiet"])
    assert first.exit_code == 0, first.output
    counts = api.stats(db).counts
    assert counts["articles"] == 12
    second = runner.invoke(main, ["code", str(EXAMPLES), "--db", db])
    assert second.exit_code == 0
    assert "12 unchanged" in second.output
    assert api.stats(db).counts == counts


def test_examples_cover_every_reader_and_year_source(runner, db):
    runner.invoke(main, ["code", str(EXAMPLES), "--db", db, "-q"])
    rows = api.articles(db)
    origins = {r["origin"].rsplit(".", 1)[-1].split(":")[0] for r in rows}
    assert {"txt", "jsonl", "html", "csv"} <= origins
    agencies = {r["agency"] for r in rows}
    assert {"Reuters", "AP", "AFP", "ITAR-TASS", "Xinhua", "Yonhap"} <= agencies


def test_partial_failure_exit_1_and_the_rest_is_coded(runner, tmp_path, db, seed_path):
    bad = tmp_path / "in"
    bad.mkdir()
    shutil.copy(seed_path, bad / "seed.txt")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "trunc.txt.gz").write_bytes(gzip.compress(b"x" * 500)[:-10])
    (bad / "lines.jsonl").write_text('{"text": 5}\n"just a string"\n', encoding="utf-8")
    result = runner.invoke(main, ["code", str(bad), "--db", db])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("detente: error:")]
    assert len(lines) == 4
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("trunc.txt.gz: truncated gzip file" in line for line in lines)
    assert any("lines.jsonl:2: expected a JSON object" in line for line in lines)
    assert api.stats(db).counts["articles"] == 1


def test_usage_errors_exit_2(runner, db):
    assert runner.invoke(main, ["code"]).exit_code == 2
    assert runner.invoke(main, ["code", "x.txt", "--workers", "0"]).exit_code == 2
    assert runner.invoke(main, ["code", "x.txt", "--no-store"]).exit_code == 2
    assert runner.invoke(main, ["events", "--since", "July"]).exit_code == 2
    assert runner.invoke(main, ["nonsense"]).exit_code == 2


def test_missing_store_is_a_one_line_error(runner, tmp_path):
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2  # the job could not run
    assert result.stderr.startswith("detente: error: [E004]")


def test_queries_after_coding(runner, db):
    runner.invoke(main, ["code", str(EXAMPLES), "--db", db, "-q"])
    listed = runner.invoke(main, ["articles", "--db", db, "--format", "json"])
    rows = json.loads(listed.output)
    assert len(rows) == 12
    csv_out = runner.invoke(main, ["events", "--db", db, "--format", "csv"])
    assert (
        csv_out.exit_code == 0 and csv_out.output.splitlines()[0].startswith("article_id")
    ) or csv_out.output.startswith("date")
    some = rows[0]["id"]
    shown = runner.invoke(main, ["show", some[:8], "--db", db])
    assert shown.exit_code == 0
    assert "dateline" in shown.output
    as_json = runner.invoke(main, ["show", some, "--db", db, "--format", "json"])
    assert json.loads(as_json.output)["article"]["id"] == some
    assert runner.invoke(main, ["show", "ffffffffffff", "--db", db]).exit_code == 1
    stats = json.loads(runner.invoke(main, ["stats", "--db", db, "--format", "json"]).output)
    assert stats["counts"]["articles"] == 12


def test_settings_command_shows_sources(runner, monkeypatch):
    monkeypatch.setenv("DETENTE_BATCH_SIZE", "7")
    result = runner.invoke(main, ["settings", "--format", "json"])
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["batch_size"]["value"] == 7 and rows["batch_size"]["source"] == "DETENTE_BATCH_SIZE"
    assert rows["db"]["source"] == "default"


def test_stdin_and_no_store(runner, seed_text, db):
    result = runner.invoke(
        main, ["code", "-", "--jsonl", "-", "--no-store", "--db", db], input=seed_text
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["dateline"]["agency"] == "ITAR-TASS"


def test_schema_command(runner):
    assert json.loads(runner.invoke(main, ["schema"]).output)["title"] == "CodedArticle"


@pytest.mark.slow
def test_workers_give_the_same_records(tmp_path):
    """Two worker processes code the examples exactly as one process does."""
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "detente",
                "code",
                str(EXAMPLES),
                "--no-store",
                "--jsonl",
                str(out),
                "--workers",
                workers,
                "--batch-size",
                "3",
                "-q",
            ],
            check=True,
        )
        outputs.append([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()])
    assert len(outputs[0]) == 12
    assert outputs[0] == outputs[1]
