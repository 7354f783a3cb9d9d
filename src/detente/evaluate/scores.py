"""Precision, recall and F1, computed one way for every evaluation."""

from __future__ import annotations


def ratio(part: int, whole: int) -> float:
    """part / whole, 0.0 when there is nothing to divide."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
