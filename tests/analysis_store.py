"""A small store of constructed records for the analysis and export tests: every figure the
tests expect can be counted by hand from the events below."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from detente.model import Article, CodedArticle, Dateline, Event, Mention, Quote, Sentence
from detente.store import Store

TEXT = "Russia criticised NATO on Tuesday and the alliance answered the Kremlin. " * 3


def event(eid: str, source: str | None, code: str, target: str | None, **extra: Any) -> Event:
    """An event with its root, quad class and Goldstein value given in ``extra``."""
    return Event(
        id=eid,
        sentence=0,
        start=7,
        end=17,
        code=code,
        root=extra.pop("root", code[:2]),
        quad_class=extra.pop("quad_class"),
        goldstein=extra.pop("goldstein"),
        source_code=source,
        target_code=target,
        confidence=extra.pop("confidence", 0.8),
        **extra,
    )


def records() -> list[CodedArticle]:
    jan15, jan20, jan21 = dt.date(2020, 1, 15), dt.date(2020, 1, 20), dt.date(2020, 1, 21)
    mar2, mar5 = dt.date(2020, 3, 2), dt.date(2020, 3, 5)
    reuters = CodedArticle(
        article=Article(
            id="a1", text=TEXT, url="https://example.org/a1", source="Reuters", published=jan15
        ),
        pipeline_version="test",
        sentences=(Sentence(0, 0, 72),),
        mentions=(Mention("m0", 0, 0, 6, "Russia", code="RUS", country="RUS"),),
        quotes=(Quote("q0", 0, 20, "Russia criticised", "direct", speaker_code="RUSGOV"),),
        events=(
            event("e0", "RUSGOV", "111", "IGOWSTNAT", quad_class=3, goldstein=-2.0, date=jan15, tone=-0.5),
            event("e1", "RUSGOVMIL", "020", "IGOWSTNAT", quad_class=1, goldstein=3.0, date=jan20, tone=0.1),
            event("e2", "IGOWSTNAT", "0231", "RUS", quad_class=1, goldstein=3.4, date=jan21, reported=True),
        ),
    )  # fmt: skip
    tass = CodedArticle(
        article=Article(id="a2", text=TEXT + " 2", source="TASS", published=mar2),
        pipeline_version="test",
        sentences=(Sentence(0, 0, 72),),
        events=(
            event("e0", "RUS", "190", "IGOWSTNAT", quad_class=4, goldstein=-10.0, date=mar2),
            event("e1", "RUS", "190", "IGOWSTNAT", quad_class=4, goldstein=-10.0, date=mar2, negated=True),
            event("e2", "RUS", "036", "IGOWSTNAT", quad_class=1, goldstein=4.0, date=mar2, modality="future"),
            event("e3", "UKR", "042", "RUS", quad_class=1, goldstein=1.9, date=mar2, confidence=0.5),
            event("e4", "RUS", "010", None, quad_class=1, goldstein=0.0, date=mar2),
        ),
    )  # fmt: skip
    afp = CodedArticle(
        article=Article(id="a3", text=TEXT + " 3", published=mar5),
        pipeline_version="test",
        dateline=Dateline("WASHINGTON (AFP) -", 0, 18, agency="AFP", date=mar5),
        sentences=(Sentence(0, 0, 72),),
        events=(event("e0", "USAGOV", "057", "CHN", quad_class=2, goldstein=8.0, date=mar5),),
    )
    return [reuters, tass, afp]


#: Events each query sees: by default (asserted, with a target), with negated, and all.
DEFAULT_EVENTS, WITH_NEGATED, ALL_EVENTS = 6, 7, 9


def build_store(path: Path) -> str:
    with Store(path) as store:
        store.write(records())
    return str(path)
