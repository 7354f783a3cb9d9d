"""Start-up time: building each pipeline, and ``detente actors lookup``, cold and warm.

"Cold" runs with an empty dictionary cache (a fresh ``cache_dir``), so the actor dictionaries
are read, validated and compiled; "warm" runs again with the cache that run left. Each figure
is the median of ``--runs`` whole processes (the interpreter's own start and imports included),
in seconds, on one core.

Usage:

    python bench/startup.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUILD = "from detente.pipeline import build_pipeline; build_pipeline({model!r})"
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
}


def _seconds(command: list[str], cache: str) -> float:
    env = {**os.environ, "DETENTE_CACHE_DIR": cache}
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="processes per figure (median)")
    args = parser.parse_args()
    print(f"{'':22} {'cold s':>8} {'warm s':>8}")
    for name, command in CASES.items():
        cold, warm = [], []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as cache:
                cold.append(_seconds(command, cache))
                warm.append(_seconds(command, cache))
        print(f"{name:22} {statistics.median(cold):8.2f} {statistics.median(warm):8.2f}")


if __name__ == "__main__":
    main()
