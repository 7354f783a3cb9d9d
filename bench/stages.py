"""Where the time goes: CPU seconds per pipeline stage on the news_dev benchmark corpus.

python bench/stages.py [--megabytes 0.5] [--model NAME]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from detente.pipeline import (
    build_pipeline,
    make_doc,
    pipeline_version,
    to_record,
    used_dictionaries,
)
from throughput import load_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=0.5)
    parser.add_argument("--model", default="")
    args = parser.parse_args()
    corpus = load_corpus(args.megabytes)
    started = time.process_time()
    nlp = build_pipeline(args.model)
    print(f"build: {time.process_time() - started:.2f} s CPU")
    spent: dict[str, float] = defaultdict(float)
    sentences = 0
    version, dictionaries = pipeline_version(nlp), used_dictionaries(nlp)
    for article in corpus:
        t0 = time.process_time()
        doc = make_doc(nlp, article)
        spent["tokenizer"] += time.process_time() - t0
        for name, component in nlp.pipeline:
            t0 = time.process_time()
            doc = component(doc)
            spent[name] += time.process_time() - t0
        t0 = time.process_time()
        record = to_record(doc, version, dictionaries)
        spent["record"] += time.process_time() - t0
        sentences += len(record.sentences)
    total = sum(spent.values())
    print(
        f"{len(corpus)} articles, {sentences} sentences, {total:.2f} s CPU: {sentences / total:.0f} sentences/s per core"
    )
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(
            f"  {name:24s} {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {sentences / seconds:9.0f} sentences/s"
        )


if __name__ == "__main__":
    main()
