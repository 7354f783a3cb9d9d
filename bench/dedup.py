"""Near-duplicate stories, event clusters and the GDELT export at 100k articles.

    PYTHONPATH=src python bench/dedup.py [--articles 100000] [--copy-share 0.3] [--seed 12]

1. Generates synthetic articles from templates with variation (actors, verbs, places, dates,
   filler words drawn from a made-up vocabulary), a known share of them copies of another
   (new byline, a paragraph added or dropped, words changed) and some follow-ups that reuse
   another story's lead paragraph only (different stories: they must not be taken as copies).
   Runs them through ``separate_copies`` with a store-backed writer, and prints articles/s
   (signature + LSH query/insert + writes), precision and recall of copy detection against
   the generated truth, and the time to rebuild the index from the store.
2. Writes synthetic coded articles (events, sentences, places, tones) through the Store's
   Arrow path, then times ``recompute_clusters`` over the whole store.
3. Times the GDELT export of those clusters.
Ends with the peak RSS of the process. Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from detente.analysis.clusters import recompute_clusters
from detente.analysis.stories import StoryWriter, load_index, separate_copies
from detente.exports.gdelt import export_gdelt
from detente.model import Article, CodedArticle, Event, Place, Sentence, Tone
from detente.settings import Settings
from detente.store import Store

COUNTRIES = [
    ("Norway", "NOR"), ("Japan", "JPN"), ("Russia", "RUS"), ("Ukraine", "UKR"),
    ("France", "FRA"), ("Germany", "DEU"), ("China", "CHN"), ("India", "IND"),
    ("Brazil", "BRA"), ("Egypt", "EGY"), ("Kenya", "KEN"), ("Turkey", "TUR"),
    ("Iran", "IRN"), ("Israel", "ISR"), ("Mexico", "MEX"), ("Canada", "CAN"),
    ("Poland", "POL"), ("Spain", "ESP"), ("Nigeria", "NGA"), ("Pakistan", "PAK"),
]  # fmt: skip
OFFICIALS = ["foreign minister", "prime minister", "president", "defence minister", "envoy"]
VERBS = [
    ("met", "040"), ("criticised", "111"), ("praised", "051"), ("accused", "112"),
    ("threatened", "130"), ("signed an agreement with", "057"), ("appealed to", "020"),
    ("demanded aid from", "0231"), ("rejected a proposal from", "125"), ("hosted", "043"),
]  # fmt: skip
TOPICS = ["trade", "fishing rights", "border security", "grain exports", "energy prices",
          "refugees", "water", "sanctions", "a rail project", "air traffic"]  # fmt: skip
SECTORS = ["GOV", "MIL", "GOVMIL", "BUS", "CVL", ""]
SYLLABLES = "ka lo mi ne ra su ti po de fa gu ve sha zor bel tin mar qui dan ol".split()


def peak_mb() -> float:
    """The process's peak resident set so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    words = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size * 2)}
    return sorted(words)[:size]


def sentence(rng: random.Random, words: list[str]) -> str:
    (a, _), (b, _) = rng.sample(COUNTRIES, 2)
    verb, _ = rng.choice(VERBS)
    filler = " ".join(rng.choices(words, k=rng.randint(8, 16)))
    return (
        f"{a}'s {rng.choice(OFFICIALS)} {verb} {b}'s {rng.choice(OFFICIALS)} over "
        f"{rng.choice(TOPICS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, {filler}."
    )


def paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(sentence(rng, words) for _ in range(rng.randint(2, 3)))


def story(rng: random.Random, words: list[str]) -> list[str]:
    return [paragraph(rng, words) for _ in range(rng.randint(4, 7))]


def copy_of(paragraphs: list[str], rng: random.Random, words: list[str]) -> list[str]:
    """A syndicated copy: a new byline, and a paragraph added or dropped, or words changed."""
    out = [f"By {rng.choice(words).title()} {rng.choice(words).title()}", *paragraphs]
    change = rng.choice(["add", "drop", "words", "add+words"])
    if "add" in change:
        out.insert(rng.randint(1, len(out)), paragraph(rng, words))
    if change == "drop" and len(out) > 3:
        out.pop()
    if "words" in change:
        tokens = " ".join(out).split(" ")
        for _ in range(4):
            tokens[rng.randrange(len(tokens))] = rng.choice(words)
        return [" ".join(tokens)]
    return out


def generate(n: int, copy_share: float, seed: int) -> tuple[Iterator[Article], list[int]]:
    """The articles (lazily, in a shuffled order) and each one's story group (the truth)."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    n_copies = int(n * copy_share)
    n_stories = n - n_copies
    groups = list(range(n_stories)) + [rng.randrange(n_stories) for _ in range(n_copies)]
    rng.shuffle(groups)

    def articles() -> Iterator[Article]:
        seen: set[int] = set()
        for i, group in enumerate(groups):
            story_rng = random.Random(seed * 1_000_003 + group)
            paragraphs = story(story_rng, words)
            if group % 20 == 0:  # a follow-up: another story's lead, the rest its own
                lead = story(random.Random(seed * 1_000_003 + group + 1), words)[0]
                paragraphs = [lead, *paragraphs[1:]]
            if group in seen:
                paragraphs = copy_of(paragraphs, random.Random(seed + i), words)
            seen.add(group)
            yield Article(id=f"a{i:07d}", text="\n\n".join(paragraphs), source=f"outlet{i % 97}")

    return articles(), groups


def bench_dedup(db: Path, args: argparse.Namespace) -> None:
    articles, groups = generate(args.articles, args.copy_share, args.seed)
    matches: dict[str, str] = {}
    kept, seconds = 0, 0.0
    with Store(db) as store:
        index, _ = load_index(store.con, Settings().near_duplicate_threshold)
        writer = StoryWriter(store.con)
        while chunk := list(itertools.islice(articles, 10_000)):  # generated, not timed
            started = time.perf_counter()
            for _ in separate_copies(
                chunk, index, writer, lambda a, c: matches.__setitem__(a.id, c.story_id)
            ):
                kept += 1
            writer.flush()
            seconds += time.perf_counter() - started
        store.con.execute(
            "INSERT INTO articles (id, text, pipeline_version, dictionaries, schema_version, "
            "coded_at) SELECT article_id, '', 'bench', '{}', '1', now() FROM stories"
        )  # the stories as coded articles: the rebuild below then signs nothing
    group_of = {f"a{i:07d}": g for i, g in enumerate(groups)}
    first_seen: set[int] = set()
    true_copies = 0
    for g in groups:
        true_copies += g in first_seen
        first_seen.add(g)
    correct = sum(group_of[a] == group_of[s] for a, s in matches.items())
    print(f"dedup: {args.articles} articles, {kept} kept as stories, {len(matches)} copies")
    print(f"  throughput {args.articles / seconds:,.0f} articles/s ({seconds:.1f}s)")
    print(
        f"  precision {correct / max(len(matches), 1):.4f}, recall {correct / max(true_copies, 1):.4f} "
        f"({true_copies} true copies)"
    )
    with Store(db) as store:
        index, load = load_index(store.con, Settings().near_duplicate_threshold)
    print(f"  index rebuilt from the store: {load.stories} stories in {load.seconds:.2f}s")
    print(f"  peak RSS so far {peak_mb():,.0f} MB")


#: Real-world events per day that the synthetic articles report (a few are reported often,
#: most once or twice: article k of a day picks event j with weight 1/(j+1)).
HAPPENINGS_PER_DAY = 400


def happening(seed: int, day: dt.date, j: int) -> tuple[str, str, str]:
    rng = random.Random(f"{seed}-{day}-{j}")
    (_, a), (_, b) = rng.sample(COUNTRIES, 2)
    return a + rng.choice(SECTORS), b + rng.choice(SECTORS), rng.choice(VERBS)[1]


def coded_batches(n: int, per_article: int, seed: int, size: int) -> Iterator[list[CodedArticle]]:
    """Synthetic coded articles over a year, each reporting some of its day's events."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    weights = [1 / (j + 1) for j in range(HAPPENINGS_PER_DAY)]
    batch: list[CodedArticle] = []
    for i in range(n):
        day = start + dt.timedelta(days=rng.randrange(365))
        events = []
        picks = rng.choices(range(HAPPENINGS_PER_DAY), weights=weights, k=per_article)
        for k, j in enumerate(picks):
            source, target, code = happening(seed, day, j)
            events.append(
                Event(
                    f"e{k}",
                    k,
                    10,
                    20,
                    code,
                    code[:2],
                    1 + k % 4,
                    1.0,
                    source_code=source,
                    target_code=target,
                    date=day + dt.timedelta(days=rng.choice([0, 0, 0, 1])),
                    location="p0" if k == 0 else None,
                    confidence=0.5 + rng.random() / 2,
                )
            )
        batch.append(
            CodedArticle(
                article=Article(
                    id=f"c{i:07d}",
                    text="x" * 40,
                    source=f"outlet{i % 97}",
                    url=f"https://outlet{i % 97}.example/{i}",
                    published=day,
                ),
                pipeline_version="bench",
                sentences=tuple(
                    Sentence(k, k * 10, k * 10 + 9, k // 2) for k in range(per_article)
                ),
                events=tuple(events),
                places=(
                    Place(
                        "p0",
                        0,
                        4,
                        "Oslo",
                        name="Oslo",
                        country="NOR",
                        lat=59.9,
                        lon=10.7,
                        feature="city",
                        role="event",
                    ),
                ),
                tone=Tone(rng.uniform(-5, 5), 1, 1, 2, 10, 1, 400),
            )
        )
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def bench_clusters(db: Path, out: Path, args: argparse.Namespace) -> None:
    started = time.perf_counter()
    with Store(db) as store:
        for batch in coded_batches(args.articles, args.events_per_article, args.seed, 5000):
            store.write(batch)
        events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
        print(f"clusters: {events:,} events written in {time.perf_counter() - started:.1f}s")
        report = recompute_clusters(store.con)
        print(
            f"  {report.clusters:,} clusters of {report.events:,} events in {report.seconds:.2f}s"
        )
        again = recompute_clusters(store.con)
        print(f"  recomputed again in {again.seconds:.2f}s; peak RSS so far {peak_mb():,.0f} MB")
    exported = export_gdelt(db, out)
    rate = (exported.events + exported.mentions) / exported.seconds
    print(
        f"gdelt export: {exported.events:,} events + {exported.mentions:,} mentions over "
        f"{exported.days} days in {exported.seconds:.2f}s ({rate:,.0f} rows/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--copy-share", type=float, default=0.3)
    parser.add_argument("--events-per-article", type=int, default=5)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as folder:
        bench_dedup(Path(folder) / "stories.duckdb", args)
        bench_clusters(Path(folder) / "clusters.duckdb", Path(folder) / "gdelt", args)
    print(f"peak RSS {peak_mb():,.0f} MB")
    sys.exit(0)


if __name__ == "__main__":
    main()
