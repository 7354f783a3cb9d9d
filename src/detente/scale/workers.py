"""Worker processes: each builds its own pipeline once and codes batches of articles.

Records come back to the parent (they are plain frozen dataclasses, cheap to pickle), which
alone writes the store: DuckDB allows one writing process per file.

Workers never outlive the parent: on Linux each asks the kernel to kill it when its parent
dies (``PR_SET_PDEATHSIG``), so a ``kill -9`` of the parent leaves no orphan; Ctrl-C is the
parent's to handle (workers ignore SIGINT, so no worker prints a traceback), and when the
parent stops early for any reason it terminates its workers before returning.
"""

from __future__ import annotations

import concurrent.futures as futures
import ctypes
import ctypes.util
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from spacy.language import Language

from ..errors import ArticleError, WorkerError
from ..model import Article, CodedArticle

_worker_nlp: Language | None = None  # one per worker process, set by the initializer
_worker_budget: float = 0.0

#: prctl(2) option: the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this worker when its parent dies; exit now if it already has."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _init_worker(parent: int, model: str, options: Mapping[str, Any], budget: float) -> None:
    global _worker_nlp, _worker_budget
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, copied by fork
    _die_with_parent(parent)
    from ..pipeline import build_pipeline

    _worker_nlp = build_pipeline(model, **options)
    _worker_budget = budget


def _code_batch(articles: Sequence[Article]) -> list[CodedArticle | ArticleError]:
    from ..guard import code_guarded

    assert _worker_nlp is not None, "worker used before its initializer ran"
    return list(code_guarded(_worker_nlp, articles, _worker_budget))


def _stop(pool: futures.ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the workers now, not after their current batch."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public handle in 3.11
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def _result(
    future: futures.Future[list[CodedArticle | ArticleError]],
) -> list[CodedArticle | ArticleError]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (killed, or out of memory); the batches stored so far are "
            "kept: run the same command again to go on"
        ) from None


def code_in_workers(
    batches: Iterable[Sequence[Article]],
    workers: int,
    model: str = "",
    pipeline_options: Mapping[str, Any] | None = None,
    time_budget: float = 0.0,
) -> Iterator[list[CodedArticle | ArticleError]]:
    """Code batches in ``workers`` processes, yielding results in input order.

    ``pipeline_options`` are ``build_pipeline`` keywords (actor dictionaries, PETRARCH files):
    each worker builds the very pipeline the parent would, so records do not depend on
    ``--workers``. At most two batches per worker are in flight, so memory stays bounded.
    """
    options = dict(pipeline_options or {})
    pool = futures.ProcessPoolExecutor(
        max_workers=workers,
        initializer=_init_worker,
        initargs=(os.getpid(), model, options, time_budget),
    )
    finished = False
    try:
        pending: deque[futures.Future[list[CodedArticle | ArticleError]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_code_batch, list(batch)))
            if len(pending) >= 2 * workers:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)
