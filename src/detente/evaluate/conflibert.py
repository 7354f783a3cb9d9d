"""The ConfliBERT CAMEO sentences as a gate: 5-class accuracy, macro-F1 and actor span F1.

Each record is coded as a one-sentence article by the default pipeline (our own dictionaries).
The predicted class comes from the CAMEO root of one event, chosen as ``main_event``
documents; a sentence with no event predicts "no event", which is wrong for every record (all
records carry an event), so coverage counts in accuracy and recall. A second figure, the
predicate fallback, gives such a sentence the class of the first pattern that matched in it
(an event lost only for want of a coded actor still names its type). Actor spans are compared as
character ranges located in the text from the record's CoNLL tokens.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..events.matcher import best_matches
from ..events.sentence import sentence_views
from ..events.stage import EventStage
from ..ingest.normalize import article_id
from ..model import Article, CodedArticle, Event
from ..pipeline import (
    DEFAULT_MODEL,
    build_pipeline,
    make_doc,
    pipeline_version,
    to_record,
    used_dictionaries,
)
from .scores import f1, ratio

#: The dataset's PentaClass labels by CAMEO root (README: 16 sits with verbal conflict).
ROOT_CLASS: dict[str, int] = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}
CLASS_NAMES = (
    "statement/appeal",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)
#: The prediction for a sentence in which no event was coded.
NO_EVENT = -1


@dataclass(frozen=True)
class Record:
    """One gold sentence: its label and, when aligned, its source/target spans as char ranges."""

    id: str
    text: str
    label: int
    date: dt.date | None
    sources: tuple[tuple[int, int], ...] = ()
    targets: tuple[tuple[int, int], ...] = ()
    has_spans: bool = False


@dataclass
class SpanScore:
    """Span precision/recall/F1 under one matching rule."""

    predicted: int = 0
    gold: int = 0
    matched_predicted: int = 0
    matched_gold: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Outcome:
    """What the coder did with one record."""

    id: str
    text: str
    label: int
    predicted: int
    code: str | None
    pattern_id: str | None  # of the chosen event, else of the fallback predicate
    events: int
    fallback: int  # the class predicted with the predicate fallback (see predicate_class)


@dataclass
class ConflibertReport:
    """The figures of one run, and every record's outcome for error analysis."""

    records: int = 0
    accuracy: float = 0.0
    macro_f1: float = 0.0
    coverage: float = 0.0  # share of records with at least one event
    fallback_accuracy: float = 0.0  # no event: the class of a matched predicate, if any
    fallback_macro_f1: float = 0.0
    per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    span_records: int = 0
    spans: dict[str, SpanScore] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self, with_outcomes: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "records": self.records,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "coverage": round(self.coverage, 4),
            "fallback_accuracy": round(self.fallback_accuracy, 4),
            "fallback_macro_f1": round(self.fallback_macro_f1, 4),
            "per_class": self.per_class,
            "confusion": self.confusion,
            "span_records": self.span_records,
            "spans": {name: score.as_dict() for name, score in self.spans.items()},
            "seconds": round(self.seconds, 2),
        }
        if with_outcomes:
            out["outcomes"] = [vars(o) for o in self.outcomes]
        return out


# --- reading ----------------------------------------------------------------------------------


def _locate(text: str, tokens: Sequence[str]) -> list[tuple[int, int] | None]:
    """Character range of each CoNLL token in the text (None when it cannot be found)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for token in tokens:
        at = text.find(token, pos)
        if at < 0 or at - pos > 40:  # a normalised token: leave it unplaced, keep the cursor
            out.append(None)
            continue
        out.append((at, at + len(token)))
        pos = at + len(token)
    return out


def _spans(
    tags: Sequence[str], places: Sequence[tuple[int, int] | None], kinds: str
) -> list[tuple[int, int]]:
    """Character ranges of the B/I runs whose type is in ``kinds`` (S, T, R)."""
    ranges: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []

    def close() -> None:
        if current:
            ranges.append((current[0][0], current[-1][1]))
        current.clear()

    for tag, place in zip(tags, places, strict=True):
        prefix, _, kind = tag.partition("-")
        wanted = bool(kind) and kind in kinds
        if prefix == "B" or not wanted:
            close()
        if wanted and place is not None:
            current.append(place)
    close()
    return ranges


def read_records(path: str | Path) -> Iterator[Record]:
    """The records of a ConfliBERT JSON Lines file, spans resolved to character ranges."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                label = int(raw["pentaclass"])
                text = str(raw["text"])
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}", f"not a ConfliBERT record ({exc})") from None
            date = dt.date.fromisoformat(raw["date"]) if raw.get("date") else None
            tokens, tags = raw.get("tokens") or (), raw.get("tags") or ()
            places = _locate(text, tokens)
            sources = _spans(tags, places, "SR") if tags else []
            targets = _spans(tags, places, "TR") if tags else []
            has_spans = bool(raw.get("ner_aligned")) and any(t != "O" for t in tags)
            yield Record(
                raw.get("id") or f"line-{number}",
                text,
                label,
                date,
                tuple(sources),
                tuple(targets),
                has_spans,
            )


# --- predicting -------------------------------------------------------------------------------


#: Classes of cooperation: negated, CAMEO codes them as a rejection (12), verbal conflict.
COOPERATION = frozenset({1, 2})
VERBAL_CONFLICT = 3


#: Material acts announced for the future are, in CAMEO, verbal: an intent to cooperate (03)
#: or a threat (13). Our coder keeps the act's code and flags the modality.
ANNOUNCED_AS: dict[int, int] = {2: 1, 4: VERBAL_CONFLICT}
ANNOUNCING_MODALITY = frozenset({"future"})


def event_class(event: Event) -> int:
    """The PentaClass of one coded event: by its CAMEO root, and CAMEO's rules for negation
    and for announced acts.

    "Will not lift the embargo", "failed to reach agreement": CAMEO codes a refused or failed
    act of cooperation as Reject (12); our coder keeps the verb's code and flags it negated.
    "Said it will release the hostages" is an intent to cooperate (03), "will begin an
    operation against" a threat (13): the coder keeps the act's code and flags it future.
    """
    label = ROOT_CLASS.get(event.root, NO_EVENT)
    if event.negated and label in COOPERATION:
        return VERBAL_CONFLICT
    if event.modality in ANNOUNCING_MODALITY:
        return ANNOUNCED_AS.get(label, label)
    return label


def main_event(events: Sequence[Event]) -> Event | None:
    """The event a one-label sentence is taken to report: the first predicate's.

    The main clause's verb usually comes first; events named after it are embedded in it
    ("condemned the attack", "rejected a call to release"). Ties: the most confident.
    """
    if not events:
        return None
    return min(events, key=lambda e: (e.start, -e.confidence))


def _predicted_spans(
    record: CodedArticle, chosen: Event | None
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Source and target ranges of the chosen event and its compound siblings (same predicate)."""
    if chosen is None:
        return [], []
    mentions = {m.id: (m.start, m.end) for m in record.mentions}
    siblings = [
        e
        for e in record.events
        if (e.start, e.end, e.code) == (chosen.start, chosen.end, chosen.code)
    ]
    sources = {mentions[e.source_mention] for e in siblings if e.source_mention in mentions}
    targets = {mentions[e.target_mention] for e in siblings if e.target_mention in mentions}
    return sorted(sources), sorted(targets)


# --- scoring ----------------------------------------------------------------------------------

#: Leading words that strict span matching ignores (annotators differ on them).
LEADING_IGNORED = frozenset({"the", "a", "an"})


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span less a leading article and surrounding punctuation or spaces."""
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    first = text[start:end].split(" ", 1)
    if len(first) == 2 and first[0].lower() in LEADING_IGNORED:
        start += len(first[0]) + 1
    return start, end


def _matches(text: str, a: tuple[int, int], b: tuple[int, int], rule: str) -> bool:
    if rule == "overlap":
        return a[0] < b[1] and b[0] < a[1]
    return _trim(text, a) == _trim(text, b)


def score_spans(
    score: SpanScore,
    text: str,
    predicted: Sequence[tuple[int, int]],
    gold: Sequence[tuple[int, int]],
    rule: str,
) -> None:
    """Add one record's spans to ``score`` under ``rule`` ("exact" or "overlap")."""
    score.predicted += len(predicted)
    score.gold += len(gold)
    score.matched_predicted += sum(any(_matches(text, p, g, rule) for g in gold) for p in predicted)
    score.matched_gold += sum(any(_matches(text, p, g, rule) for p in predicted) for g in gold)


def class_scores(
    pairs: Sequence[tuple[int, int]],
) -> tuple[float, float, dict[str, dict[str, float]]]:
    """Accuracy, macro-F1 over the five gold classes, and each class's P/R/F1."""
    if not pairs:
        return 0.0, 0.0, {}
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    per_class: dict[str, dict[str, float]] = {}
    for label, name in enumerate(CLASS_NAMES):
        tp = sum(g == label and p == label for g, p in pairs)
        predicted = sum(p == label for _, p in pairs)
        gold = sum(g == label for g, _ in pairs)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": gold,
        }
    macro = sum(c["f1"] for c in per_class.values()) / len(per_class)
    return accuracy, macro, per_class


def _confusion(pairs: Iterable[tuple[int, int]]) -> dict[str, dict[str, int]]:
    counts = Counter(pairs)
    names = {**dict(enumerate(CLASS_NAMES)), NO_EVENT: "no event"}
    return {
        names[g]: {names[p]: counts[(g, p)] for p in (*range(5), NO_EVENT) if counts[(g, p)]}
        for g in range(5)
    }


# --- running ----------------------------------------------------------------------------------


def _articles(records: Sequence[Record]) -> Iterator[Article]:
    for record in records:
        yield Article(
            id=article_id(record.text, record.id), text=record.text, published=record.date
        )


def predicate_class(doc: Doc, stage: EventStage) -> tuple[int, str | None]:
    """The class of the first predicate a pattern matched, with or without coded actors.

    The fallback for a sentence with no event: what the dictionary says its predicate means,
    even when an actor had no code or no target was found (discard patterns give nothing).
    """
    for view in sentence_views(doc, doc._.mentions):
        for match in best_matches(view, stage.index):
            pattern = match.pattern.pattern
            if "discard" not in pattern.flags:
                return ROOT_CLASS.get(pattern.code[:2], NO_EVENT), pattern.id
    return NO_EVENT, None


def _score_record(report: ConflibertReport, record: Record, coded: CodedArticle) -> int:
    """Add one record's spans to the report; return the class its coded events predict."""
    chosen = main_event(coded.events)
    if record.has_spans:
        report.span_records += 1
        sources, targets = _predicted_spans(coded, chosen)
        for rule in ("exact", "overlap"):
            score_spans(report.spans[f"source_{rule}"], record.text, sources, record.sources, rule)
            score_spans(report.spans[f"target_{rule}"], record.text, targets, record.targets, rule)
    return event_class(chosen) if chosen is not None else NO_EVENT


def evaluate(path: str | Path, nlp: Language | None = None, fast: bool = False) -> ConflibertReport:
    """Code every record of ``path`` and score classes and actor spans (``fast``: with the
    rule-only pipeline)."""
    started = time.perf_counter()
    records = list(read_records(path))
    nlp = nlp or build_pipeline("" if fast else DEFAULT_MODEL)
    stage = nlp.get_pipe("detente_events_v1")
    if not isinstance(stage, EventStage):
        raise TypeError("the pipeline's event stage is not an EventStage")
    version, dictionaries = pipeline_version(nlp), used_dictionaries(nlp)
    report = ConflibertReport(records=len(records))
    report.spans = {
        f"{role}_{rule}": SpanScore()
        for role in ("source", "target")
        for rule in ("exact", "overlap")
    }
    pairs: list[tuple[int, int]] = []
    fallback_pairs: list[tuple[int, int]] = []
    docs = nlp.pipe(make_doc(nlp, a) for a in _articles(records))
    for record, doc in zip(records, docs, strict=True):
        coded = to_record(doc, version, dictionaries)
        predicted = _score_record(report, record, coded)
        chosen = main_event(coded.events)
        fallback, fallback_pattern = (
            (predicted, None) if chosen is not None else predicate_class(doc, stage)
        )
        pairs.append((record.label, predicted))
        fallback_pairs.append((record.label, fallback))
        report.outcomes.append(
            Outcome(
                record.id,
                record.text,
                record.label,
                predicted,
                chosen.code if chosen else None,
                chosen.pattern_id if chosen else fallback_pattern,
                len(coded.events),
                fallback,
            )
        )
    report.accuracy, report.macro_f1, report.per_class = class_scores(pairs)
    report.fallback_accuracy, report.fallback_macro_f1, _ = class_scores(fallback_pairs)
    report.coverage = sum(p != NO_EVENT for _, p in pairs) / len(pairs) if pairs else 0.0
    report.confusion = _confusion(pairs)
    report.seconds = time.perf_counter() - started
    return report


def render_report(report: ConflibertReport) -> str:
    """The figures as plain text lines (the CLI prints them)."""
    lines = [
        f"ConfliBERT CAMEO: {report.records} sentences in {report.seconds:.1f}s",
        f"  accuracy {report.accuracy:.1%}   macro-F1 {report.macro_f1:.3f}   "
        f"coverage {report.coverage:.1%} (sentences with an event)",
        f"  with the predicate fallback (no event: the class of a matched pattern): "
        f"accuracy {report.fallback_accuracy:.1%}   macro-F1 {report.fallback_macro_f1:.3f}",
        "  class                  precision recall  F1     support",
    ]
    for name, c in report.per_class.items():
        lines.append(
            f"  {name:<22} {c['precision']:>8.3f} {c['recall']:>6.3f} {c['f1']:>6.3f} "
            f"{int(c['support']):>7}"
        )
    lines.append(f"actor spans ({report.span_records} sentences with gold spans)")
    lines.append("  role    match    precision recall  F1")
    for name, score in report.spans.items():
        role, rule = name.split("_")
        lines.append(
            f"  {role:<7} {rule:<8} {score.precision:>9.3f} {score.recall:>6.3f} {score.f1:>6.3f}"
        )
    return "\n".join(lines)
