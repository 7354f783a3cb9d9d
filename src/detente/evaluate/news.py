"""Event coding scored on real news: the exhaustive gold of ``news_gold/`` (GUIDELINES.md).

The scoring rule is implemented exactly as the guidelines state it, the same for every system:

- only annotated articles count; on both sides a public statement with no target (CAMEO 01x,
  empty target) and a statement addressed only to the media (every target alternative has the
  sector ``MED``) are left out; a predicted event counts only if the system outputs it by default
  (not negated, not hypothetical, conditional or future; détente's default output is also
  dyadic: ``Event.default_output``);
- a prediction matches a gold event when its sentence overlaps the gold sentence span, the root
  codes are equal and source and target agree at the country level with any listed alternative
  (``codes_agree``); an empty gold target matches only an empty predicted target; each gold event
  matches at most one prediction, greedily in text order;
- precision = matched predictions / scored predictions, recall = matched gold / gold events;
  also exact-code agreement on matched pairs and source agreement on the first six letters.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..actors.vocab import SECTOR_CODES
from ..errors import InputError
from ..ingest.normalize import article_id
from ..model import Article, CodedArticle, Event
from ..pipeline import DEFAULT_MODEL, build_pipeline, code_docs
from .scores import Tally, ratio

#: The Soviet Union's codes count as Russia's (CAMEO's country list has no Soviet Union).
COUNTRY_ALIASES = {"USR": "RUS", "SUN": "RUS"}
#: Organisation prefixes compared on their first six letters.
ORGANISATION_PREFIXES = ("IGO", "NGO", "IMG")
#: Where the gold's article texts live, relative to the gold folder.
ARTICLES_BESIDE = Path("..", "news_dev", "articles.jsonl")


@dataclass(frozen=True)
class GoldEvent:
    article: str
    start: int  # the sentence's span in the article's text
    end: int
    sentence: str
    trigger: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    code: str
    reported: bool = False


@dataclass(frozen=True)
class Prediction:
    """A coded event placed in the gold's coordinates (offsets in the record's ``text``)."""

    article: str
    start: int  # the event's sentence span
    end: int
    sentence: str
    event: Event


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    title: str | None
    date: dt.date | None
    publisher: str | None
    dateline: str | None
    events: tuple[GoldEvent, ...]


@dataclass
class NewsReport:
    articles: int = 0
    total: Tally = field(default_factory=Tally)
    per_root: dict[str, Tally] = field(default_factory=dict)
    exact_code: int = 0  # matched pairs whose full codes are equal
    source_six: int = 0  # matched pairs whose sources agree on country + first sector
    #: Pairs matched on sentence and root only (actors ignored), and how many of them agree on
    #: the source's and the target's country: how well actors are placed, apart from finding them.
    root_pairs: int = 0
    root_source_agree: int = 0
    root_target_agree: int = 0
    #: Scored predictions whose source has no country (a bare sector: GOV, MIL, REB ...).
    unplaced_sources: int = 0
    misses: list[GoldEvent] = field(default_factory=list)
    false_alarms: list[Prediction] = field(default_factory=list)
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0
    pipeline: str = ""

    @property
    def exact_code_rate(self) -> float:
        return ratio(self.exact_code, self.total.matched)

    @property
    def source_six_rate(self) -> float:
        return ratio(self.source_six, self.total.matched)

    @property
    def source_country_rate(self) -> float:
        return ratio(self.root_source_agree, self.root_pairs)

    @property
    def target_country_rate(self) -> float:
        return ratio(self.root_target_agree, self.root_pairs)

    @property
    def unplaced_source_rate(self) -> float:
        return ratio(self.unplaced_sources, self.total.predicted)

    def as_dict(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.articles,
            "pipeline": self.pipeline,
            **self.total.as_dict(),
            "exact_code_agreement": round(self.exact_code_rate, 4),
            "source_agreement_six": round(self.source_six_rate, 4),
            "root_level_pairs": self.root_pairs,
            "source_country_agreement": round(self.source_country_rate, 4),
            "target_country_agreement": round(self.target_country_rate, 4),
            "sources_without_country": round(self.unplaced_source_rate, 4),
            "per_root": {root: t.as_dict() for root, t in sorted(self.per_root.items())},
            "sentences": self.sentences,
            "words": self.words,
            "seconds": round(self.seconds, 2),
        }
        if with_errors:
            out["misses"] = [vars(m) for m in self.misses]
            out["false_alarms"] = [_prediction_dict(p) for p in self.false_alarms]
        return out


def _prediction_dict(p: Prediction) -> dict[str, Any]:
    e = p.event
    return {
        "article": p.article,
        "start": p.start,
        "end": p.end,
        "sentence": p.sentence,
        "source": e.source_code,
        "target": e.target_code,
        "code": e.code,
        "pattern_id": e.pattern_id,
        "reported": e.reported,
    }


# --- the scoring rule -------------------------------------------------------------------------


def _country(code: str) -> str:
    return COUNTRY_ALIASES.get(code[:3], code[:3])


def _six(code: str) -> str:
    """Country (USR read as RUS, as in the match) and first sector: "USRGOV" is "RUSGOV"."""
    code = code.upper()
    return _country(code) + code[3:6]


def codes_agree(predicted: str, gold: str) -> bool:
    """Whether two actor codes agree at the country level (GUIDELINES.md, scoring rule).

    The first three letters agree (USR/SUN read as RUS); where both are organisation codes of
    six letters or more (IGO..., NGO..., IMG...) the first six agree; a sector-only gold code
    (REB, IMG) agrees with any code that starts with it.
    """
    predicted, gold = predicted.upper(), gold.upper()
    both_organisations = (
        len(predicted) >= 6
        and len(gold) >= 6
        and predicted.startswith(ORGANISATION_PREFIXES)
        and gold.startswith(ORGANISATION_PREFIXES)
    )
    if both_organisations:
        return predicted[:6] == gold[:6]
    return _country(predicted) == _country(gold)


def _is_media(code: str) -> bool:
    """Whether an actor code has the media sector (MED) among its roles."""
    code = code.upper()
    return any(code[k : k + 3] == "MED" for k in range(0, len(code) - 2, 3))


def gold_scored(event: GoldEvent) -> bool:
    """Gold events that count: not a targetless 01x statement, not addressed only to media."""
    if event.code.startswith("01") and not event.targets:
        return False
    return not (event.targets and all(_is_media(t) for t in event.targets))


def prediction_scored(event: Event) -> bool:
    """Predictions that count: what détente outputs by default (``Event.default_output``:
    asserted and dyadic), not a targetless 01x, not addressed to the media."""
    if not event.default_output:
        return False
    if event.root == "01" and not event.target_code:
        return False
    return not (event.target_code and _is_media(event.target_code))


def has_country(code: str | None) -> bool:
    """Whether an actor code places its actor: a country, region or named organisation.

    A bare sector (``GOV``, ``MIL``, ``REB``) or a bare organisation type (``IGO``, ``IMG``)
    says what kind of actor it is but not whose.
    """
    if not code:
        return False
    head = code[:3].upper()
    if head in ORGANISATION_PREFIXES or head == "MNC":
        return len(code) >= 6
    return head not in SECTOR_CODES


def _same_place(prediction: Prediction, gold: GoldEvent) -> bool:
    """The root-level match: overlapping sentence and equal root, actors not compared."""
    return (
        prediction.article == gold.article
        and prediction.start < gold.end
        and gold.start < prediction.end
        and prediction.event.root == gold.code[:2]
    )


def _agrees_any(predicted: str | None, alternatives: Sequence[str]) -> bool:
    if not alternatives:
        return not predicted
    return predicted is not None and any(codes_agree(predicted, g) for g in alternatives)


def matches(prediction: Prediction, gold: GoldEvent) -> bool:
    """The guidelines' match: overlapping sentence, equal root, agreeing source and target."""
    if prediction.article != gold.article:
        return False
    if not (prediction.start < gold.end and gold.start < prediction.end):
        return False
    event = prediction.event
    if event.root != gold.code[:2]:
        return False
    if not _agrees_any(event.source_code, gold.sources):
        return False
    return _agrees_any(event.target_code, gold.targets)


def score(gold: Sequence[GoldEvent], predictions: Sequence[Prediction], report: NewsReport) -> None:
    """Match one article's events and add them to the report."""
    gold = sorted((g for g in gold if gold_scored(g)), key=lambda g: (g.start, g.end))
    predictions = sorted(
        (p for p in predictions if prediction_scored(p.event)),
        key=lambda p: (p.start, p.event.start),
    )
    used: set[int] = set()
    for g in gold:
        root = report.per_root.setdefault(g.code[:2], Tally())
        root.gold += 1
        report.total.gold += 1
        found = next(
            (k for k, p in enumerate(predictions) if k not in used and matches(p, g)), None
        )
        if found is None:
            report.misses.append(g)
            continue
        used.add(found)
        event = predictions[found].event
        root.matched += 1
        report.total.matched += 1
        report.exact_code += event.code == g.code
        report.source_six += any(_six(event.source_code or "") == _six(s) for s in g.sources)
    _score_root_level(gold, predictions, report)
    for k, p in enumerate(predictions):
        report.per_root.setdefault(p.event.root, Tally()).predicted += 1
        report.total.predicted += 1
        report.unplaced_sources += not has_country(p.event.source_code)
        if k not in used:
            report.false_alarms.append(p)


def _score_root_level(
    gold: Sequence[GoldEvent], predictions: Sequence[Prediction], report: NewsReport
) -> None:
    """Pair gold and predictions on sentence and root alone; count country agreement.

    A prediction that also matches the gold's actors is preferred, so a pair is never split by
    a wrongly-placed neighbour.
    """
    used: set[int] = set()
    for g in gold:
        candidates = [k for k, p in enumerate(predictions) if k not in used and _same_place(p, g)]
        if not candidates:
            continue
        best = next((k for k in candidates if matches(predictions[k], g)), candidates[0])
        used.add(best)
        event = predictions[best].event
        report.root_pairs += 1
        report.root_source_agree += _agrees_any(event.source_code, g.sources)
        report.root_target_agree += _agrees_any(event.target_code, g.targets)


# --- reading ----------------------------------------------------------------------------------


def _gold_events(article: str, raw: list[dict[str, Any]], where: str) -> tuple[GoldEvent, ...]:
    out = []
    for item in raw:
        try:
            out.append(
                GoldEvent(
                    article=article,
                    start=int(item["start"]),
                    end=int(item["end"]),
                    sentence=str(item["sentence"]),
                    trigger=str(item.get("trigger", "")),
                    sources=tuple(item["source"]),
                    targets=tuple(item.get("target") or ()),
                    code=str(item["code"]),
                    reported=bool(item.get("reported", False)),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(where, f"not a gold event ({exc})") from None
    return tuple(out)


def _read_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except ValueError as exc:
                raise InputError(where, f"not JSON ({exc})") from None
            if not isinstance(raw, dict):
                raise InputError(where, "not a JSON object")
            yield where, raw


def read_gold(gold_dir: str | Path, articles: str | Path | None = None) -> list[GoldArticle]:
    """The annotated articles of every ``*.jsonl`` in ``gold_dir``, with their texts."""
    folder = Path(gold_dir)
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else [folder]
    if not files:
        raise InputError(str(folder), "no *.jsonl gold files")
    texts_path = Path(articles) if articles else (folder if folder.is_dir() else folder.parent)
    if texts_path.is_dir():
        texts_path = texts_path / ARTICLES_BESIDE
    if not texts_path.is_file():
        raise InputError(str(texts_path), "the gold's article texts are not there (--articles)")
    texts = {str(raw.get("id")): raw for _, raw in _read_jsonl(texts_path)}
    out = []
    for path in files:
        for where, raw in _read_jsonl(path):
            if raw.get("annotated") != "all sentences":
                continue
            ident = str(raw.get("id"))
            record = texts.get(ident)
            if record is None:
                raise InputError(where, f"article {ident!r} is not in {texts_path}")
            date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
            out.append(
                GoldArticle(
                    id=ident,
                    text=str(record["text"]),
                    title=record.get("title"),
                    date=date,
                    publisher=record.get("publisher"),
                    dateline=(record.get("dateline") or "").strip() or None,
                    events=_gold_events(ident, raw.get("events") or [], where),
                )
            )
    return out


# --- running ----------------------------------------------------------------------------------


def as_article(gold: GoldArticle) -> tuple[Article, int]:
    """The article as détente reads it (the Reuters dateline back in front) and the shift."""
    text, shift = gold.text, 0
    if gold.dateline:
        text = f"{gold.dateline} {gold.text}"
        shift = len(gold.dateline) + 1
    article = Article(
        id=article_id(text, gold.id),
        text=text,
        title=gold.title,
        source=gold.publisher,
        published=gold.date,
        origin=gold.id,
    )
    return article, shift


def predictions_of(gold: GoldArticle, coded: CodedArticle, shift: int) -> list[Prediction]:
    """Every coded event placed on the gold text (sentence spans shifted back)."""
    sentences = {s.index: s for s in coded.sentences}
    out = []
    for event in coded.events:
        sentence = sentences.get(event.sentence)
        if sentence is None:
            continue
        start, end = max(sentence.start - shift, 0), sentence.end - shift
        out.append(Prediction(gold.id, start, end, gold.text[start:end], event))
    return out


def evaluate(
    gold_dir: str | Path,
    nlp: Language | None = None,
    *,
    fast: bool = False,
    articles: str | Path | None = None,
) -> NewsReport:
    """Code every annotated article and score the events by the guidelines' rule."""
    from ..pipeline import pipeline_version

    gold = read_gold(gold_dir, articles)
    nlp = nlp or build_pipeline("" if fast else DEFAULT_MODEL)
    report = NewsReport(articles=len(gold), pipeline=pipeline_version(nlp))
    pairs = [as_article(g) for g in gold]
    coded_started = time.perf_counter()
    for g, (_, shift), coded in zip(
        gold, pairs, code_docs(nlp, (a for a, _ in pairs)), strict=True
    ):
        score(g.events, predictions_of(g, coded, shift), report)
        report.sentences += len(coded.sentences)
        report.words += len(coded.article.text.split())
    report.seconds = time.perf_counter() - coded_started
    return report


def render_report(report: NewsReport, show_errors: bool = False) -> str:
    """The figures as plain text lines (the CLI prints them); misses and false alarms too."""
    t = report.total
    seconds = report.seconds or 1e-9
    lines = [
        f"news gold: {report.articles} articles, {t.gold} scored gold events, "
        f"{t.predicted} scored predictions ({report.pipeline})",
        f"  precision {t.precision:.3f}   recall {t.recall:.3f}   F1 {t.f1:.3f}   "
        f"({t.matched} matched)",
        f"  on matched pairs: exact code {report.exact_code_rate:.1%}   "
        f"source country+sector {report.source_six_rate:.1%}",
        f"  actors placed: of {report.root_pairs} pairs matched on sentence and root, source "
        f"country agrees {report.source_country_rate:.1%}, target country "
        f"{report.target_country_rate:.1%}; sources without a country "
        f"{report.unplaced_source_rate:.1%} of predictions",
        f"  coded in {report.seconds:.1f}s ({report.sentences / seconds:.0f} sentences/s, "
        f"{report.words / seconds:.0f} words/s)",
        "  root  gold  pred  match  precision recall  F1",
    ]
    for root, r in sorted(report.per_root.items()):
        lines.append(
            f"  {root:<4} {r.gold:>5} {r.predicted:>5} {r.matched:>6}  {r.precision:>9.3f} "
            f"{r.recall:>6.3f} {r.f1:>6.3f}"
        )
    if show_errors:
        by_article: dict[str, list[str]] = defaultdict(list)
        for m in report.misses:
            by_article[m.article].append(
                f"  MISS  {'/'.join(m.sources)} -> {'/'.join(m.targets) or '-'} {m.code} "
                f"'{m.trigger}'{' (reported)' if m.reported else ''}: {m.sentence}"
            )
        for p in report.false_alarms:
            e = p.event
            by_article[p.article].append(
                f"  FALSE {e.source_code} -> {e.target_code or '-'} {e.code} "
                f"[{e.pattern_id}]{' (reported)' if e.reported else ''}: {p.sentence}"
            )
        for article, items in by_article.items():
            lines.append(f"{article}:")
            lines.extend(items)
    return "\n".join(lines)
