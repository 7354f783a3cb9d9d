"""Throughput of the coder beside bare spaCy, peak memory, and accuracy on the news gold.

Codes ../shared/data/news_dev/articles.jsonl, repeated until the text reaches --megabytes
(2 MB by default), each run in a process of its own (so that peak RSS is that run's):

- ``spacy``: bare ``en_core_web_sm`` (every component) over the same texts, the yardstick;
- ``spacy-parse``: the same model with the components our pipeline excludes left out;
- ``parsed``: the default pipeline (the parse and every stage), as ``detente code`` runs it;
- ``fast``: the rule-only pipeline (``--fast``).

Figures are per core (one process, one thread). After the timings it prints event precision,
recall and F1 on ../shared/data/news_gold (GUIDELINES.md's rule) for ``parsed`` and ``fast``.
Usage:

    python bench/throughput.py [--megabytes 2] [--runs spacy,parsed] [--store] [--no-accuracy]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from detente.ingest.readers import read_path
from detente.model import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
NEWS = SHARED / "news_dev" / "articles.jsonl"
GOLD = SHARED / "news_gold"
RUNS = ("spacy", "spacy-parse", "parsed", "fast")


def load_corpus(megabytes: float) -> list[Article]:
    base = [a for a in read_path(str(NEWS)) if isinstance(a, Article)]
    if not base:
        raise SystemExit(f"no articles read from {NEWS}")
    target = int(megabytes * 1_000_000)
    corpus: list[Article] = []
    size = 0
    copy = 0
    while size < target:
        for article in base:
            corpus.append(dataclasses.replace(article, id=f"{article.id}-{copy}"))
            size += len(article.text.encode("utf-8"))
        copy += 1
    return corpus


def batches(articles: list[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(articles), size):
        yield articles[start : start + size]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare_spacy(corpus: list[Article], exclude: tuple[str, ...]) -> tuple[int, int, float, float]:
    """Sentences, words, load and run seconds of the spaCy model alone."""
    import spacy

    from detente.pipeline import MODEL_ALIASES

    started = time.perf_counter()
    nlp = None
    for name in MODEL_ALIASES["en_core_web_sm"]:
        try:
            nlp = spacy.load(name, exclude=list(exclude))
            break
        except OSError:
            continue
    if nlp is None:
        raise SystemExit("en_core_web_sm is not installed")
    loaded = time.perf_counter()
    sentences = words = 0
    for doc in nlp.pipe((a.text for a in corpus), batch_size=200):
        sentences += sum(1 for _ in doc.sents)
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
    return sentences, words, loaded - started, time.perf_counter() - loaded


def _detente(corpus: list[Article], fast: bool, store: bool) -> tuple[int, int, float, float]:
    """Sentences, words, load and run seconds of the pipeline (and the store, with ``store``)."""
    import tempfile

    from detente.pipeline import DEFAULT_MODEL, build_pipeline, code_docs
    from detente.store import Store

    started = time.perf_counter()
    nlp = build_pipeline("" if fast else DEFAULT_MODEL)
    loaded = time.perf_counter()
    sentences = words = 0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as db:
        for batch in batches(corpus, 200):
            records = list(code_docs(nlp, batch))
            if store:
                db.write(records)
            for record in records:
                sentences += len(record.sentences)
                words += len(record.article.text.split())
    return sentences, words, loaded - started, time.perf_counter() - loaded


def run_one(name: str, megabytes: float, store: bool) -> dict[str, float | str | int]:
    from detente.pipeline import UNUSED_MODEL_PIPES

    corpus = load_corpus(megabytes)
    if name == "spacy":
        sentences, words, load, seconds = _bare_spacy(corpus, ())
    elif name == "spacy-parse":
        sentences, words, load, seconds = _bare_spacy(corpus, UNUSED_MODEL_PIPES)
    else:
        sentences, words, load, seconds = _detente(corpus, name == "fast", store)
    return {
        "run": name,
        "articles": len(corpus),
        "megabytes": round(sum(len(a.text.encode()) for a in corpus) / 1e6, 2),
        "load_s": round(load, 2),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(corpus) / seconds, 1),
        "sentences_per_s": round(sentences / seconds, 1),
        "words_per_s": round(words / seconds),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def accuracy(fast: bool) -> dict[str, float | int | str]:
    from detente.evaluate.news import evaluate

    report = evaluate(GOLD, fast=fast)
    return {
        "run": "fast" if fast else "parsed",
        "articles": report.articles,
        **report.total.as_dict(),
        "exact_code_agreement": round(report.exact_code_rate, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated, of {RUNS}")
    parser.add_argument("--store", action="store_true", help="also write every record to DuckDB")
    parser.add_argument("--no-accuracy", action="store_true", help="skip the news gold figures")
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child process: one run, JSON out
    args = parser.parse_args()
    if not NEWS.exists():
        raise SystemExit(f"{NEWS} not found: the benchmark needs ../shared/data")
    if args.one:
        print(json.dumps(run_one(args.one, args.megabytes, args.store)))
        return
    results = []
    for name in args.runs.split(","):
        if name not in RUNS:
            raise SystemExit(f"--runs: unknown run {name!r} (one of {', '.join(RUNS)})")
        command = [sys.executable, __file__, "--one", name, "--megabytes", str(args.megabytes)]
        if args.store:
            command.append("--store")
        child = subprocess.run(command, capture_output=True, text=True, check=False)
        if child.returncode != 0:
            raise SystemExit(f"run {name} failed:\n{child.stderr}")
        result = json.loads(child.stdout.strip().splitlines()[-1])
        results.append(result)
        print(json.dumps(result) if args.json else "  ".join(f"{k}={v}" for k, v in result.items()))
        sys.stdout.flush()
    # The same texts in every run: articles/s compares them (sentence counts differ: ours
    # makes the dateline a sentence of its own).
    rates = {r["run"]: float(r["articles_per_s"]) for r in results}
    if "spacy" in rates and "parsed" in rates and not args.json:
        print(f"parsed / bare spaCy: {rates['parsed'] / rates['spacy']:.0%} of its throughput")
    if "spacy-parse" in rates and "parsed" in rates and not args.json:
        print(
            f"parsed / spaCy with the same components: "
            f"{rates['parsed'] / rates['spacy-parse']:.0%} of its throughput"
        )
    if args.no_accuracy or not GOLD.exists():
        return
    for fast in (False, True):
        figures = accuracy(fast)
        print(
            json.dumps(figures) if args.json else "  ".join(f"{k}={v}" for k, v in figures.items())
        )


if __name__ == "__main__":
    main()
