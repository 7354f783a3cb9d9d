"""A SIGTERM that a library turns into its own error still stops the command as interrupted
(exit 143, the one-line message), not as an internal error (issue 8's robustness)."""

from __future__ import annotations

import os
import signal

from click.testing import CliRunner

from detente import api
from detente.cli import main


def test_a_sigterm_a_library_swallowed_is_still_an_interruption(tmp_path, monkeypatch):
    def code_then_stopped(*args, **kwargs):
        try:
            os.kill(os.getpid(), signal.SIGTERM)  # the handler raises in this thread
        except Exception as exc:  # DuckDB: "RuntimeError: Query interrupted"
            raise RuntimeError("Query interrupted") from exc
        raise AssertionError("the SIGTERM handler did not run")

    monkeypatch.setattr(api, "code", code_then_stopped)
    text = tmp_path / "a.txt"
    text.write_text("Russia criticised NATO on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(text), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 143
    assert "interrupted" in result.output
