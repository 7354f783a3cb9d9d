"""`detente eval tone`: VADER alone against VADER with our corrections, on our labelled set."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..datafiles import data_path, read_tsv
from ..errors import DictionaryError
from .scorer import ToneScorer

LABELS = ("negative", "neutral", "positive")


@dataclass
class Scores:
    """Accuracy and macro-F1 of one scorer on one split."""

    n: int = 0
    correct: int = 0
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold, predicted)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def macro_f1(self) -> float:
        f1s = []
        for label in LABELS:
            tp = sum(1 for g, p in self.pairs if g == label and p == label)
            fp = sum(1 for g, p in self.pairs if g != label and p == label)
            fn = sum(1 for g, p in self.pairs if g == label and p != label)
            f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        return sum(f1s) / len(f1s)

    def add(self, gold: str, predicted: str) -> None:
        self.n += 1
        self.correct += gold == predicted
        self.pairs.append((gold, predicted))


@dataclass
class ToneReport:
    """Scores by scorer ("vader", "ours") and split ("dev", "heldout", "all")."""

    path: str
    scores: dict[str, dict[str, Scores]]
    misses: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        figures = {
            scorer: {
                split: {
                    "n": s.n,
                    "accuracy": round(s.accuracy, 4),
                    "macro_f1": round(s.macro_f1, 4),
                }
                for split, s in splits.items()
            }
            for scorer, splits in self.scores.items()
        }
        return {"path": self.path, "figures": figures, "misses": self.misses}


def read_labelled(path: Path) -> list[tuple[str, str, str]]:
    """(label, split, sentence) rows; a bad label is an error naming its line."""
    rows = []
    for line, row in read_tsv(path):
        label, split, sentence = (
            row.get("label", ""),
            row.get("split", "dev"),
            row.get("sentence", ""),
        )
        if label not in LABELS or not sentence:
            raise DictionaryError(str(path), line, f"label {label!r} or sentence missing")
        rows.append((label, split or "dev", sentence))
    return rows


def evaluate_tone(path: Path | None = None) -> ToneReport:
    path = path or data_path("tone", "labelled.tsv")
    scorers = {"vader": ToneScorer(baseline=True), "ours": ToneScorer()}
    scores: dict[str, dict[str, Scores]] = {name: {} for name in scorers}
    misses = []
    for gold, split, sentence in read_labelled(path):
        predicted = {}
        for name, scorer in scorers.items():
            label = scorer.label(sentence).label
            predicted[name] = label
            for key in (split, "all"):
                scores[name].setdefault(key, Scores()).add(gold, label)
        if predicted["ours"] != gold:
            misses.append({"gold": gold, "split": split, "sentence": sentence, **predicted})
    return ToneReport(str(path), scores, misses)


def render_tone_report(report: ToneReport) -> str:
    lines = [
        f"tone on {report.path}",
        f"{'scorer':8} {'split':8} {'n':>4} {'accuracy':>9} {'macro-F1':>9}",
    ]
    for scorer, splits in report.scores.items():
        for split in sorted(splits, key=lambda s: (s == "all", s)):
            s = splits[split]
            lines.append(f"{scorer:8} {split:8} {s.n:>4} {s.accuracy:>9.3f} {s.macro_f1:>9.3f}")
    lines.append(f"{len(report.misses)} sentences ours gets wrong")
    return "\n".join(lines)
