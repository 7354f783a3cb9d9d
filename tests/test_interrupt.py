"""Same input, same output; a killed or terminated job leaves no workers and resumes exactly.

Regressions of issue 11: coded records once depended on PYTHONHASHSEED (set iteration in the
event matcher), and `--workers 2` jobs left their workers running when the parent was killed.
These run the real CLI in subprocesses over the development news (../shared/data/news_dev).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import SHARED_DATA
from detente.store.database import TABLES

NEWS = SHARED_DATA / "news_dev" / "articles.jsonl"
DETENTE = str(Path(sys.executable).with_name("detente"))

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not NEWS.is_file(), reason=f"development news not found at {NEWS}"),
    pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find worker processes"),
]


def _env(seed: int) -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": str(seed)}


def _code(args: list[str], seed: int = 0) -> subprocess.CompletedProcess[str]:
    command = [DETENTE, "code", str(NEWS), "-q", *args]
    return subprocess.run(command, env=_env(seed), capture_output=True, text=True, timeout=1800)


def test_records_are_byte_identical_across_hash_seeds_workers_and_batches(tmp_path):
    outputs = {}
    for name, seed, extra in (
        ("seed 0", 0, ["--batch-size", "200"]),
        ("seed 1, small batches", 1, ["--batch-size", "7"]),
        ("seed 2, 2 workers", 2, ["--workers", "2", "--batch-size", "13"]),
    ):
        out = tmp_path / f"{seed}.jsonl"
        result = _code(["--jsonl", str(out), "--no-store", *extra], seed)
        assert result.returncode == 0, result.stderr
        outputs[name] = out.read_bytes()
    reference = outputs.pop("seed 0")
    assert reference.count(b"\n") >= 90
    for name, output in outputs.items():
        assert output == reference, f"{name}: records differ from seed 0"


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == parent:  # field 4 of /proc/PID/stat, the parent's pid
            found.append(int(entry.name))
    return found


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            kept = ", ".join(f'"{c}"' for c in columns if c != "coded_at")
            out[table] = con.execute(f"SELECT {kept} FROM {table} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_stopped_job_leaves_no_workers_and_resumes_to_the_same_rows(tmp_path, how):
    reference = tmp_path / "ref.duckdb"
    assert _code(["--db", str(reference), "--batch-size", "10"]).returncode == 0
    db = tmp_path / "stopped.duckdb"
    command = [DETENTE, "code", str(NEWS), "-q", "--db", str(db), "--workers", "2"]
    job = subprocess.Popen(
        [*command, "--batch-size", "10"], env=_env(0), stderr=subprocess.PIPE, text=True
    )
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline and job.poll() is None:
        time.sleep(0.2)
        workers = _children(job.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(3)  # let them code a batch or two
    job.send_signal(how)
    _, stderr = job.communicate(timeout=60)
    if how == signal.SIGTERM:
        assert job.returncode == 143 and "interrupted" in stderr and "Traceback" not in stderr
    deadline = time.monotonic() + 15
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(workers), "workers outlived their parent"
    resumed = subprocess.run(
        [*command, "--batch-size", "10"], env=_env(0), capture_output=True, text=True, timeout=1800
    )
    assert resumed.returncode == 0, resumed.stderr
    assert _rows(db) == _rows(reference)
