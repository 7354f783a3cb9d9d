"""Which of many character spans overlap a given one, without comparing every pair.

Stages that ask, for each match, "which mentions overlap it?" were quadratic in article length
(a 100 KB article took seconds in one such loop); this index answers in O(log n + k).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Overlaps(Generic[T]):
    """An index of ``(start, end, item)`` spans; ``find`` gives the items overlapping a span,
    in order of their start."""

    def __init__(self, spans: Iterable[tuple[int, int, T]]) -> None:
        self._spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self._starts = [s[0] for s in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def find(self, start: int, end: int) -> list[T]:
        """Items whose span shares at least one character with ``[start, end)``."""
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return [item for s, e, item in self._spans[low:high] if s < end and start < e]
