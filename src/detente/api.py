"""The public functions. The command line is a thin shell over these, with the same names
(``detente dyad`` is ``api.dyad``); a web API over the same functions comes later."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from spacy.language import Language

from .actors.api import actor_options
from .analysis.clusters import ClusterFilter, recompute_clusters
from .analysis.stories import Copy, StoryWriter, check_threshold, load_index, separate_copies
from .errors import ArticleError, ArticleNotStored, InputError, StoreError, StoreOutdated
from .events.explain import Explanation, explain
from .events.nullverbs import NullVerbReport, null_verbs
from .guard import code_guarded
from .ingest.normalize import article_id, clean_text
from .ingest.readers import Limits, read_inputs
from .model import Article, CodedArticle, write_jsonl
from .pipeline import (
    build_pipeline,
    code_docs,
    default_pipeline,
    pipeline_version,
    used_dictionaries,
)
from .settings import Settings, load_settings
from .store import Store, StoreStats
from .store.database import EventFilter

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .exports.common import ExportReport

__all__ = [
    "ClusterFilter",
    "CodeReport",
    "EventFilter",
    "Explanation",
    "NullVerbReport",
    "articles",
    "clusters",
    "code",
    "code_text",
    "copies",
    "dyad",
    "events",
    "explain",
    "export_csv",
    "export_jsonl",
    "export_parquet",
    "network",
    "null_verbs",
    "places",
    "show",
    "speakers",
    "stats",
    "themes",
    "to_graph",
    "top",
]


@dataclass
class CodeReport:
    """What a coding job did: counts, errors (one per bad input) and time."""

    read: int = 0
    coded: int = 0
    written: int = 0
    duplicates: int = 0  # the same article again within this job
    unchanged: int = 0  # already in the store, coded by the same pipeline and dictionaries
    copies: int = 0  # near-duplicates of a story already seen: recorded, not coded
    clusters: int = 0  # event clusters in the store after the job
    sentences: int = 0
    words: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    index_seconds: float = 0.0  # rebuilding the near-duplicate index from the store
    cluster_seconds: float = 0.0  # clustering the store's events at the end

    @property
    def failed(self) -> int:
        return len(self.errors)

    @property
    def ok(self) -> bool:
        return not self.errors


Progress = Callable[[CodedArticle | InputError | Article], None]


def code_text(
    text: str, published: dt.date | None = None, nlp: Language | None = None, **meta: Any
) -> CodedArticle:
    """Code one text in memory (no store): the quickest way to see what détente finds."""
    clean = clean_text(text)
    article = Article(
        id=article_id(clean, meta.get("url")), text=clean, published=published, **meta
    )
    nlp = nlp or default_pipeline()
    return next(code_docs(nlp, [article]))


def _unique_articles(
    results: Iterable[Article | InputError],
    report: CodeReport,
    progress: Progress | None,
) -> Iterator[Article]:
    """Articles, each id once; bad inputs go to the report (and the progress callback)."""
    seen: set[str] = set()
    for item in results:
        if isinstance(item, InputError):
            report.errors.append(item)
            if progress:
                progress(item)
            continue
        report.read += 1
        if item.id in seen:
            report.duplicates += 1
            continue
        seen.add(item.id)
        yield item


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _skip_unchanged(
    batches: Iterable[list[Article]],
    store: Store | None,
    current: tuple[str, str],
    report: CodeReport,
    progress: Progress | None,
) -> Iterator[list[Article]]:
    """Drop articles the store already holds from this same pipeline and dictionaries."""
    for batch in batches:
        if store is not None:
            stored = store.coded_versions(a.id for a in batch)
            fresh = [a for a in batch if stored.get(a.id) != current]
            report.unchanged += len(batch) - len(fresh)
            if progress:
                for article in batch:
                    if stored.get(article.id) == current:
                        progress(article)
            batch = fresh
        if batch:
            yield batch


def code(
    paths: Sequence[str],
    *,
    settings: Settings | None = None,
    store: Store | None = None,
    jsonl: IO[str] | None = None,
    progress: Progress | None = None,
    write_store: bool = True,
    petrarch_only: bool = False,
) -> CodeReport:
    """Read, code and store every article under ``paths``; bad inputs are reported, not fatal.

    Re-running the same job adds nothing: articles already coded by this pipeline and these
    dictionaries are skipped (unless a JSON Lines output wants their records), and an article
    coded by an older version has its facts replaced.
    """
    settings = settings or load_settings()
    started = time.perf_counter()
    report = CodeReport()
    own_store = store is None and write_store
    if own_store:
        store = Store(settings.db)
    try:
        options = actor_options(settings, petrarch_only)
        nlp = build_pipeline(settings.pipeline_model, **options)
        current = (pipeline_version(nlp), json.dumps(used_dictionaries(nlp), sort_keys=True))
        limits = Limits(min_chars=settings.min_chars, max_chars=settings.max_chars)
        inputs = read_inputs(paths, limits, settings.follow_links)
        articles = _unique_articles(inputs, report, progress)
        writing = store if write_store else None
        articles, stories = _separate_copies(articles, writing, settings, report, progress)
        batches: Iterable[list[Article]] = _batched(articles, settings.batch_size)
        if jsonl is None:
            batches = _skip_unchanged(batches, store, current, report, progress)
        for results in _code_batches(nlp, batches, settings, options):
            records = _keep_records(results, report, progress)
            if store is not None and write_store:
                records = _write(store, records, report, progress)
            if jsonl is not None:
                write_jsonl(records, jsonl)
                jsonl.flush()
            for record in records:
                report.coded += 1
                report.sentences += len(record.sentences)
                report.words += len(record.article.text.split())
                report.events += len(record.events)
                if progress:
                    progress(record)
        if stories is not None:
            stories.flush()
        if writing is not None:
            _cluster(writing, report)
    finally:
        if own_store and store is not None:
            store.close()
    report.seconds = time.perf_counter() - started
    return report


def _cluster(store: Store, report: CodeReport) -> None:
    """Cluster the store's events again when this job changed them (or no cluster exists
    yet: a store from before clusters)."""
    clustered = store.con.execute("SELECT count(*) FROM event_clusters").fetchone()
    if report.written or report.copies or not (clustered and clustered[0]):
        result = recompute_clusters(store.con)
        report.clusters, report.cluster_seconds = result.clusters, result.seconds
    elif clustered:
        report.clusters = clustered[0]


def _separate_copies(
    articles: Iterator[Article],
    store: Store | None,
    settings: Settings,
    report: CodeReport,
    progress: Progress | None,
) -> tuple[Iterator[Article], StoryWriter | None]:
    """The articles to code, without copies of stories already seen (``stories.py``), and
    the writer that records stories and copies in the store (None when nothing is stored)."""
    threshold = check_threshold(settings.near_duplicate_threshold)
    if not threshold:
        return articles, None
    con = store.con if store is not None else None
    index, load = load_index(con, threshold)
    report.index_seconds = load.seconds
    writer = StoryWriter(con) if con is not None else None

    def on_copy(article: Article, copy: Copy) -> None:
        report.copies += 1
        if progress:
            progress(article)

    return separate_copies(articles, index, writer, on_copy), writer


def _keep_records(
    results: Iterable[CodedArticle | InputError], report: CodeReport, progress: Progress | None
) -> list[CodedArticle]:
    """The records of a coded batch; articles that could not be coded go to the report."""
    records: list[CodedArticle] = []
    for result in results:
        if isinstance(result, InputError):
            report.errors.append(result)
            if progress:
                progress(result)
        else:
            records.append(result)
    return records


def _write(
    store: Store, records: list[CodedArticle], report: CodeReport, progress: Progress | None
) -> list[CodedArticle]:
    """Write a batch in one transaction; if the store refuses it, write the articles one by
    one so that only the article at fault is lost (and reported)."""
    try:
        report.written += store.write(records)
        return records
    except StoreError:
        pass  # some article's rows were refused: find which, one by one
    written: list[CodedArticle] = []
    for record in records:
        try:
            report.written += store.write([record])
            written.append(record)
        except StoreError as exc:
            error = ArticleNotStored(record.article.origin or record.id, f"not stored ({exc})")
            report.errors.append(error)
            if progress:
                progress(error)
    return written


def _code_batches(
    nlp: Language,
    batches: Iterable[list[Article]],
    settings: Settings,
    options: dict[str, Any],
) -> Iterator[list[CodedArticle | ArticleError]]:
    """Batches coded here or in workers that build the same pipeline (``options``); an article
    that fails or runs over its time budget comes back as its error."""
    if settings.workers > 1:
        from .scale.workers import code_in_workers

        yield from code_in_workers(
            batches, settings.workers, settings.pipeline_model, options, settings.time_budget
        )
    else:
        for batch in batches:
            yield list(code_guarded(nlp, batch, settings.time_budget))


@contextmanager
def _reading(db: str | Path | Store | None) -> Iterator[Store]:
    """The given store, or the one at ``db`` (default: the settings') opened read-only and closed."""
    if isinstance(db, Store):
        yield db
        return
    store = Store(db or load_settings().db, read_only=True)
    try:
        yield store
    finally:
        store.close()


def articles(
    db: str | Path | Store | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """The stored articles with their dateline and event count."""
    with _reading(db) as store:
        return store.articles(limit=limit)


def events(
    db: str | Path | Store | None = None, where: EventFilter | None = None
) -> list[dict[str, Any]]:
    """Stored events, filtered as ``where`` says (actors, codes, roots, quad classes, countries,
    outlets, dates, confidence ...; by default asserted acts between two actors)."""
    with _reading(db) as store:
        return store.events(where)


def quotes(
    db: str | Path | Store | None = None,
    speaker: str | None = None,
    article_id: str | None = None,
    limit: int | None = None,
    speaker_text: str | None = None,
) -> list[dict[str, Any]]:
    """Stored quotes; ``speaker`` is a person or body by name or entity id (the best match of
    ``speakers``: all its mentions, none of a namesake's) or an actor code prefix;
    ``speaker_text`` a substring of the speaker as written."""
    with _reading(db) as store:
        return store.quotes(
            speaker=speaker, article_id=article_id, limit=limit, speaker_text=speaker_text
        )


def speakers(db: str | Path | Store | None, name: str) -> list[dict[str, Any]]:
    """The quoted speakers ``name`` may mean (entity, name, quotes), best match first."""
    with _reading(db) as store:
        return store.speakers(name)


def show(article: str, db: str | Path | Store | None = None) -> CodedArticle | None:
    """The whole record of one stored article; ``article`` may be a unique id prefix."""
    with _reading(db) as store:
        ids = store.article_ids(article)
        if len(ids) > 1 and article not in ids:
            raise InputError(article, f"ambiguous article id prefix ({len(ids)} articles match)")
        return store.get(ids[0] if len(ids) == 1 else article)


def stats(db: str | Path | Store | None = None) -> StoreStats:
    """Row counts of every table and the migrations applied."""
    with _reading(db) as store:
        return store.stats()


def places(
    db: str | Path | Store | None = None,
    article_id: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored places: counts per gazetteer place over the store, or one article's places."""
    with _reading(db) as store:
        return store.places(article_id=article_id, limit=limit)


def themes(
    db: str | Path | Store | None = None,
    article_id: str | None = None,
    limit: int | None = None,
    rollup: bool = True,
) -> list[dict[str, Any]]:
    """Stored themes: counts per theme over the store (a theme's counts include its
    sub-themes' unless ``rollup`` is False), or one article's theme matches."""
    from .themes.taxonomy import cached_taxonomy

    taxonomy = cached_taxonomy()
    with _reading(db) as store:
        rows = store.themes(
            article_id=article_id, limit=limit, ancestors=taxonomy.ancestors if rollup else None
        )
        for row in rows:
            if row.get("name") is None and row["theme"] in taxonomy.themes:
                row["name"] = taxonomy.themes[row["theme"]].name
        return rows


# --- questions: dyad series, networks, top lists (detente.analysis) -------------------------


def dyad(
    source: str,
    target: str,
    db: str | Path | Store | None = None,
    by: str = "month",
    where: EventFilter | None = None,
    both_ways: bool = False,
) -> pd.DataFrame:
    """Per period (day, week, month): events from ``source`` to ``target`` (actor code
    prefixes), counts per quad class, Goldstein sum and mean, mean tone; every period of the
    range present (zeros where none fell); ``both_ways`` adds the reverse ``direction``."""
    from .analysis.series import dyad_series

    with _reading(db) as store:
        return dyad_series(store, source, target, by, where, both_ways)


def network(
    db: str | Path | Store | None = None,
    where: EventFilter | None = None,
    level: str = "sector",
) -> pd.DataFrame:
    """The directed actor network as an edge list (source, target, weight = events, Goldstein
    sum and mean, quad-class counts); ``to_graph`` makes it a networkx DiGraph."""
    from .analysis.network import edges

    with _reading(db) as store:
        return edges(store, where, level)


def to_graph(edges: pd.DataFrame) -> nx.DiGraph:
    """A ``network`` edge list as a networkx DiGraph (edge attributes as the columns)."""
    from .analysis.network import to_graph as graph

    return graph(edges)


def top(
    kind: str,
    db: str | Path | Store | None = None,
    where: EventFilter | None = None,
    limit: int | None = 20,
) -> pd.DataFrame:
    """The actors, dyads or CAMEO codes (``kind``) with the most events."""
    from .analysis.top import top as top_list

    with _reading(db) as store:
        return top_list(store, kind, where, limit)


# --- exports (detente.exports) --------------------------------------------------------------


def export_parquet(
    folder: str | Path,
    db: str | Path | Store | None = None,
    where: EventFilter | None = None,
    partition: str = "month",
) -> ExportReport:
    """Every table as Parquet under ``folder``, one folder per fact type, partitioned by date."""
    from .exports.parquet import export_parquet as run

    with _reading(db) as store:
        return run(store, folder, where, partition)


def export_csv(
    path: str | Path,
    db: str | Path | Store | None = None,
    where: EventFilter | None = None,
) -> ExportReport:
    """Events as one CSV file (or ``events.csv`` in a folder), with their article's URL,
    outlet and date and the actors' countries and sectors; codes quoted."""
    from .exports.csv import export_csv as run

    with _reading(db) as store:
        return run(store, path, where)


def export_jsonl(
    path: str | Path,
    db: str | Path | Store | None = None,
    where: EventFilter | None = None,
    articles: bool = False,
) -> ExportReport:
    """One JSON object per event (as ``export_csv``'s rows), or per article (the whole
    ``CodedArticle`` record) with ``articles``."""
    from .exports.jsonl import export_jsonl as run

    with _reading(db) as store:
        return run(store, path, where, articles)


def clusters(
    db: str | Path | Store | None = None, where: ClusterFilter | None = None
) -> list[dict[str, Any]]:
    """Event clusters (one real-world event, its GDELT counts), filtered by actor code prefix,
    CAMEO code prefix, dates and outlets; recomputed by every ``code`` job."""
    from .analysis import clusters as event_clusters

    with _reading(db) as store:
        _require_table(store, "event_clusters")
        return event_clusters.clusters(store.con, where)


def copies(
    db: str | Path | Store | None = None, story: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Recorded copies of coded stories (outlet, url, date, similarity); ``story`` an id prefix."""
    from .analysis import stories

    with _reading(db) as store:
        _require_table(store, "story_copies")
        return stories.copies(store.con, story_id=story, limit=limit)


def _require_table(store: Store, table: str) -> None:
    """A store written by an older détente (opened read-only, not migrated) lacks new tables."""
    if table not in store.tables():
        raise StoreOutdated(store.path, table)
