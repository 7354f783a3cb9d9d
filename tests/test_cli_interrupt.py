"""A SIGTERM that a library turns into its own error still stops the command as interrupted
(exit 143, the one-line message), not as an internal error, nor as a job that finished
(issue 8's robustness)."""

from __future__ import annotations

import contextlib
import os
import signal

from click.testing import CliRunner

from detente import api
from detente.cli import main


def test_a_sigterm_a_library_swallowed_is_still_an_interruption(tmp_path, monkeypatch):
    def code_then_stopped(*args, **kwargs):
        try:
            os.kill(os.getpid(), signal.SIGTERM)  # the handler raises in this thread
        except BaseException as exc:  # DuckDB: "RuntimeError: Query interrupted"
            raise RuntimeError("Query interrupted") from exc
        raise AssertionError("the SIGTERM handler did not run")

    monkeypatch.setattr(api, "code", code_then_stopped)
    text = tmp_path / "a.txt"
    text.write_text("Russia criticised NATO on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(text), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 143
    assert "interrupted" in result.output


def test_a_sigterm_during_a_recoverable_failure_is_not_swallowed(tmp_path, monkeypatch):
    """A SIGTERM that lands in code rebuilding a damaged cache (``except Exception``) once let
    the job run on to the end and exit 0: the interruption must still stop it."""
    finished = []

    def code_with_a_fallback(*args, **kwargs):
        with contextlib.suppress(Exception):  # as a damaged cache is rebuilt
            os.kill(os.getpid(), signal.SIGTERM)
        finished.append(True)
        return []

    monkeypatch.setattr(api, "code", code_with_a_fallback)
    text = tmp_path / "a.txt"
    text.write_text("Russia criticised NATO on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(text), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 143
    assert "interrupted" in result.output
    assert not finished, "the job went on after the SIGTERM"
