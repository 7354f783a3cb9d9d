"""Export throughput (rows/s) and peak memory over a store of a million synthetic events.

Builds a store of ``--events`` synthetic events (default 1,000,000; 20 per article, with a
dateline, a mention and a quote each) through the Store's own Arrow write path, then runs each
export (``parquet``, ``csv``, ``jsonl``, ``jsonl-articles``) with ``--all`` in a process of its
own, so that each peak RSS is that export's, and prints rows, seconds, rows/s and peak RSS
(exports stream: the peak should stay far under 1 GB whatever the store's size). No timing is
asserted. Usage:

    python bench/export.py [--events 1000000] [--keep DIR [--reuse]] [--runs parquet,csv]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from detente.events.ontology import default_ontology
from detente.model import Article, CodedArticle, Dateline, Event, Mention, Quote, Sentence
from detente.store import Store

EVENTS_PER_ARTICLE = 20
ARTICLES_PER_BATCH = 1000
RUNS = ("parquet", "csv", "jsonl", "jsonl-articles")
COUNTRIES = (
    "RUS",
    "USA",
    "UKR",
    "CHN",
    "FRA",
    "DEU",
    "GBR",
    "IRN",
    "ISR",
    "PRK",
    "KOR",
    "IGOWSTNAT",
)
SECTORS = ("", "GOV", "MIL", "GOVMIL", "OPP", "BUS", "MED")
OUTLETS = ("Reuters", "AFP", "AP", "TASS", "Xinhua", None)
TEXT = "Russia criticised NATO on Tuesday, and the alliance answered the Kremlin the same day. "


def _actor(rng: random.Random) -> str:
    country = rng.choice(COUNTRIES)
    return country if country.startswith("IGO") else country + rng.choice(SECTORS)


def synthetic_record(rng: random.Random, number: int, codes: list) -> CodedArticle:
    """One article of EVENTS_PER_ARTICLE events between random actors over 2000-2020."""
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(7300))
    events = []
    for index in range(EVENTS_PER_ARTICLE):
        kind = rng.choice(codes)
        events.append(
            Event(
                id=f"e{index}", sentence=0, start=7, end=17, code=kind.code, root=kind.root,
                quad_class=kind.quad_class, goldstein=kind.goldstein, source_code=_actor(rng),
                target_code=_actor(rng), date=day, negated=rng.random() < 0.02,
                confidence=round(rng.uniform(0.5, 0.9), 2), tone=round(rng.uniform(-1, 1), 3),
                source_text="Russia", target_text="NATO", pattern_id="bench",
            )
        )  # fmt: skip
    return CodedArticle(
        article=Article(
            id=f"bench{number:08d}",
            text=TEXT * 3,
            url=f"https://example.org/{number}",
            source=rng.choice(OUTLETS),
            published=day,
        ),
        pipeline_version="bench",
        dateline=Dateline("MOSCOW (Reuters) -", 0, 18, agency="Reuters", date=day),
        sentences=(Sentence(0, 0, len(TEXT)),),
        mentions=(Mention("m0", 0, 0, 6, "Russia", code="RUS", country="RUS", kind="country"),),
        quotes=(Quote("q0", 0, 20, "Russia criticised", "direct", speaker_code="RUSGOV"),),
        events=tuple(events),
    )


def build(path: Path, events: int) -> float:
    """Write the synthetic store in batches, as ``detente code`` does; returns seconds."""
    rng = random.Random(12)
    codes = [t for t in default_ontology() if not t.is_root]
    articles = max(1, events // EVENTS_PER_ARTICLE)
    started = time.perf_counter()
    with Store(path) as store:
        for first in range(0, articles, ARTICLES_PER_BATCH):
            last = min(articles, first + ARTICLES_PER_BATCH)
            store.write([synthetic_record(rng, n, codes) for n in range(first, last)])
    return time.perf_counter() - started


def run_one(kind: str, db: str, out: str) -> None:
    """One export in this process; prints its figures as JSON."""
    from detente import api
    from detente.store.database import EventFilter

    where = EventFilter(include_all=True)
    started = time.perf_counter()
    if kind == "parquet":
        report = api.export_parquet(out, db, where)
        rows = report.counts["events"]
    elif kind == "csv":
        rows = api.export_csv(out, db, where).counts["events"]
    elif kind == "jsonl":
        rows = api.export_jsonl(out, db, where).counts["events"]
    else:
        rows = api.export_jsonl(out, db, where, articles=True).counts["articles"]
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_mb": peak}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--keep", help="Folder for the store and the exports (default: a temporary one)."
    )
    parser.add_argument(
        "--reuse", action="store_true", help="Export the store --keep already holds, if any."
    )
    parser.add_argument("--runs", default=",".join(RUNS))
    parser.add_argument("--run", help=argparse.SUPPRESS)  # one export, in a child process
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_one(args.run, args.db, args.out)
        return
    folder = Path(args.keep or tempfile.mkdtemp(prefix="detente-bench-export-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.duckdb"
    if not (args.reuse and db.exists()):
        db.unlink(missing_ok=True)
        seconds = build(db, args.events)
        print(f"store: {args.events:,} events written through Store.write in {seconds:.1f}s "
              f"({args.events / seconds:,.0f} events/s)")  # fmt: skip
    print(f"store: {db} ({db.stat().st_size / 1e6:.0f} MB)")
    print(f"{'export':<16}{'rows':>12}{'seconds':>10}{'rows/s':>12}{'peak RSS':>12}")
    outputs = {"parquet": "parquet", "csv": "events.csv", "jsonl": "events.jsonl"}
    for kind in args.runs.split(","):
        out = folder / outputs.get(kind, "articles.jsonl")
        command = [sys.executable, __file__, "--run", kind, "--db", str(db), "--out", str(out)]
        result = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
        rate = result["rows"] / result["seconds"]
        print(f"{kind:<16}{result['rows']:>12,}{result['seconds']:>10.2f}{rate:>12,.0f}"
              f"{result['peak_mb']:>9.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
