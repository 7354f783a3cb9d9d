"""Worker processes: each builds its own pipeline once and codes batches of articles.

Records come back to the parent (they are plain frozen dataclasses, cheap to pickle), which
alone writes the store: DuckDB allows one writing process per file.
"""

from __future__ import annotations

import concurrent.futures as futures
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from spacy.language import Language

from ..model import Article, CodedArticle

_worker_nlp: Language | None = None  # one per worker process, set by the initializer


def _init_worker(model: str, options: Mapping[str, Any]) -> None:
    global _worker_nlp
    from ..pipeline import build_pipeline

    _worker_nlp = build_pipeline(model, **options)


def _code_batch(articles: Sequence[Article]) -> list[CodedArticle]:
    from ..pipeline import code_docs

    assert _worker_nlp is not None, "worker used before its initializer ran"
    return list(code_docs(_worker_nlp, articles))


def code_in_workers(
    batches: Iterable[Sequence[Article]],
    workers: int,
    model: str = "",
    pipeline_options: Mapping[str, Any] | None = None,
) -> Iterator[list[CodedArticle]]:
    """Code batches in ``workers`` processes, yielding results in input order.

    ``pipeline_options`` are ``build_pipeline`` keywords (actor dictionaries, PETRARCH files):
    each worker builds the very pipeline the parent would, so records do not depend on
    ``--workers``. At most two batches per worker are in flight, so memory stays bounded.
    """
    options = dict(pipeline_options or {})
    with futures.ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(model, options)
    ) as pool:
        pending: deque[futures.Future[list[CodedArticle]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_code_batch, list(batch)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
