"""PETRARCH actor and agent dictionaries beside (or instead of) ours: a stub until wired."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from .recognize import Draft


class PetrarchCoder:
    @classmethod
    def from_files(cls, actors: Sequence[str], agents: Sequence[str]) -> PetrarchCoder | None:
        return None

    def add_drafts(self, doc: Doc, drafts: list[Draft], day: dt.date | None) -> list[Draft]:
        return drafts
