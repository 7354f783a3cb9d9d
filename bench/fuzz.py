"""Property fuzzing of the ingest functions and the quote-mark scanner at volume.

    PYTHONPATH=src python bench/fuzz.py [--cases 100000] [--targets clean_text,parse_date,...]

Runs the properties of tests/test_properties.py (same strategies, same checks, from
tests/strategies.py) on --cases cases per target, counting crashes (any exception) and
property failures instead of stopping at the first, and prints per target: cases run,
crashes, failures, seconds, and the first few distinct failures. Ends with the worst case of
the spaCy tokenizer before and after clean_text (bench/tokenizer_worst.py has more).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hypothesis
from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import strategies as s


def _targets(folder: Path) -> dict[str, tuple[Any, Callable[[Any], None]]]:
    return {
        "clean_text": (s.fragment_text(), s.check_clean_text),
        "parse_date": (s.DATE_VALUES, s.check_parse_date),
        "dateline": (s.dateline_cases(), s.check_dateline),
        "quotes": (s.quote_texts(), s.check_quotes),
        "readers": (s.reader_inputs(), lambda case: s.check_reader(case, folder)),
    }


def run_target(
    strategy: Any, check: Callable[[Any], None], cases: int, seed: int
) -> dict[str, Any]:
    """Run ``check`` on ``cases`` generated cases; count, do not stop at, failures."""
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    ran = 0

    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def property_(case: Any) -> None:
        nonlocal ran
        ran += 1
        try:
            check(case)
        except AssertionError as exc:
            key = f"property: {exc}"[:120]
            counts[key] += 1
            examples.setdefault(key, repr(case)[:200])
        except Exception as exc:  # a crash: what this bench exists to find
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"crash: {type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            counts[key] += 1
            examples.setdefault(key, repr(case)[:200])

    start = time.monotonic()
    hypothesis.seed(seed)(property_)()
    return {
        "cases": ran,
        "counts": counts,
        "examples": examples,
        "seconds": time.monotonic() - start,
    }


def tokenizer_worst() -> list[str]:
    import spacy

    from detente.ingest.normalize import clean_text

    nlp = spacy.blank("en")
    nlp.max_length = 2_000_000
    lines = []
    for label, text in (
        ("'x ' + 8,000 '\"'", "x " + '"' * 8000),
        ("'x ' + 1 MB '\"'", "x " + '"' * 1_000_000),
    ):
        for stage, doc_text in (("raw", text), ("clean_text", clean_text(text))):
            if stage == "raw" and len(text) > 100_000:
                lines.append(f"  {label:<22} {stage:<10}  (skipped: minutes)")
                continue
            start = time.perf_counter()
            nlp.make_doc(doc_text)
            lines.append(f"  {label:<22} {stage:<10} {time.perf_counter() - start:8.3f} s")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--targets", default="clean_text,parse_date,dateline,quotes,readers")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--no-tokenizer", action="store_true")
    args = parser.parse_args()
    total_crashes = 0
    with s.scratch_folder() as name:
        targets = _targets(Path(name))
        print(
            f"{'target':<12} {'cases':>8} {'crashes':>8} {'failures':>9} {'seconds':>9}", flush=True
        )
        for target in args.targets.split(","):
            strategy, check = targets[target]
            result = run_target(strategy, check, args.cases, args.seed)
            crashes = sum(n for k, n in result["counts"].items() if k.startswith("crash"))
            failures = sum(n for k, n in result["counts"].items() if k.startswith("property"))
            total_crashes += crashes
            print(
                f"{target:<12} {result['cases']:>8} {crashes:>8} {failures:>9} {result['seconds']:>9.1f}",
                flush=True,
            )
            for key, count in result["counts"].most_common(5):
                print(
                    f"    {count:>6}  {key}\n            e.g. {result['examples'][key]}", flush=True
                )
    if not args.no_tokenizer:
        print("spaCy blank('en') make_doc, worst case before and after clean_text:")
        print("\n".join(tokenizer_worst()))
    sys.exit(1 if total_crashes else 0)


if __name__ == "__main__":
    main()
