"""Coding that one article cannot break: stage errors and time budgets are per article.

A batch is coded as usual (spaCy's ``pipe``, fast). If anything goes wrong in it, a stage
raising on some article or the batch running over the sum of its articles' time budgets, the
batch is coded again one article at a time, each under its own budget, and only the articles
that fail again become errors (``ArticleError``, ``ArticleTimeout``): the others are coded as if
nothing had happened, so the output does not depend on which articles share a batch.

The budget is CPU time of this process (``ITIMER_PROF``), not wall time: a busy machine does
not make an article time out. Budgets need a POSIX interval timer and the main thread; where
there is none (Windows, a web server's worker thread) articles are coded without a limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from spacy.language import Language

from .errors import ArticleError, ArticleTimeout
from .model import Article, CodedArticle
from .pipeline import code_docs

#: Characters per budget unit: the ``time_budget`` setting is seconds per this many characters.
BUDGET_CHARS = 10_000
#: Units every article gets however short: the first article of a job pays for lazy set-up,
#: and fuzzing found 5 KB articles taking several seconds on a busy machine.
MIN_BUDGET_UNITS = 2.0


class _OverBudget(Exception):
    """Raised inside the pipeline by the timer; never leaves this module."""


def article_budget(article: Article, seconds_per_unit: float) -> float:
    """Seconds one article may take: the rate times its length, never below two units' worth."""
    return seconds_per_unit * max(MIN_BUDGET_UNITS, len(article.text) / BUDGET_CHARS)


def _timer_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise ``_OverBudget`` in this block once it has used ``seconds`` of CPU time."""
    if seconds <= 0 or not _timer_available():
        yield
        return

    def _expire(signum: int, frame: FrameType | None) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGPROF, _expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text[:200]}" if text else name


def code_one(
    nlp: Language, article: Article, seconds_per_unit: float
) -> CodedArticle | ArticleError:
    """One article under its own budget: its record, or the error that stopped it."""
    budget = article_budget(article, seconds_per_unit)
    try:
        with _deadline(budget if seconds_per_unit > 0 else 0):
            return next(code_docs(nlp, [article]))
    except _OverBudget:
        return ArticleTimeout(
            article.origin or article.id,
            f"over its time budget ({budget:.0f} s of CPU for {len(article.text):,} characters; "
            "the time_budget setting), skipped",
        )
    except Exception as exc:  # any stage failure (RecursionError too) is this article's alone
        return ArticleError(article.origin or article.id, f"not coded ({_reason(exc)})")


def code_guarded(
    nlp: Language,
    articles: Sequence[Article],
    seconds_per_unit: float,
    batch_size: int = 64,
) -> Iterator[CodedArticle | ArticleError]:
    """Records (or errors) for ``articles``, in order; see the module docstring."""
    for start in range(0, len(articles), batch_size):
        batch = articles[start : start + batch_size]
        budget = sum(article_budget(a, seconds_per_unit) for a in batch)
        try:
            with _deadline(budget if seconds_per_unit > 0 else 0):
                records = list(code_docs(nlp, batch, batch_size=batch_size))
        except Exception:  # a failure or _OverBudget: retried one by one below
            for article in batch:
                yield code_one(nlp, article, seconds_per_unit)
            continue
        yield from records
