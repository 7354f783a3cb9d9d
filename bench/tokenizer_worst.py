"""spaCy's tokenizer on runs of affix punctuation, before and after clean_text.

    PYTHONPATH=src python bench/tokenizer_worst.py

spaCy strips prefix/suffix punctuation from a token one mark at a time and rescans the rest
each time, so a run of N quote marks costs O(N^2). clean_text cuts such runs to
MAX_AFFIX_RUN units. Prints seconds per case: a single long run (the quadratic case) and a
megabyte of distinct maximal runs (the worst the cut leaves), against a megabyte of news prose.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import spacy

from detente.ingest.normalize import MAX_AFFIX_RUN, clean_text

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news_dev" / "articles.jsonl"
MEGABYTE = 1_000_000
PUNCTUATION = "\"'(“”‘’)[]!?,;*%$=<"


def _seconds(nlp: spacy.language.Language, text: str) -> float:
    start = time.perf_counter()
    nlp.make_doc(text)
    return time.perf_counter() - start


def _distinct_runs(length: int, rng: random.Random) -> str:
    parts, size = [], 0
    while size < MEGABYTE:
        parts.append("".join(rng.choice(PUNCTUATION) for _ in range(length)))
        size += length + 1
    return " ".join(parts)


def main() -> None:
    nlp = spacy.blank("en")
    nlp.max_length = 4 * MEGABYTE
    rng = random.Random(1)
    print(f"MAX_AFFIX_RUN = {MAX_AFFIX_RUN}")
    for mark in ('"', "'", "(", "“", "'s"):
        text = "x " + mark * (8000 // len(mark))
        print(
            f"'x ' + 8,000 chars of {mark!r:<5} raw {_seconds(nlp, text):7.3f} s   "
            f"clean_text {_seconds(nlp, clean_text(text)):7.3f} s"
        )
    text = "x " + '"' * MEGABYTE
    print(
        f"'x ' + 1 MB of '\"'          clean_text {_seconds(nlp, clean_text(text)):7.3f} s (raw: hours)"
    )
    if NEWS.is_file():
        prose = "\n".join(json.loads(line)["text"] for line in NEWS.open(encoding="utf-8"))
        prose = (prose * (MEGABYTE // len(prose) + 1))[:MEGABYTE]
        print(f"1 MB of news prose                          {_seconds(nlp, prose):7.3f} s")
    for length in (8, MAX_AFFIX_RUN, 32):
        text = clean_text(_distinct_runs(length, rng))
        print(f"1 MB of distinct {length:>2}-mark runs, cleaned     {_seconds(nlp, text):7.3f} s")


if __name__ == "__main__":
    main()
