"""Validation of the event coder's data files, for ``detente dictionaries validate``.

Each file is read by the loader the coder uses (its cache bypassed), so what is checked is
exactly what the coder would refuse at start-up; each file's first error names its file:line.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import DictionaryError
from .clauses import governors
from .patterns import load_patterns
from .speech import speech_act_codes
from .stage import discard_phrases, negation_codes, state_force_codes


def _governors() -> int:
    read = governors.__wrapped__()
    return len(set(read.that_clause) | set(read.infinitive))


def _speech_acts() -> int:
    return len(speech_act_codes.__wrapped__().announced)


#: Each data file's loader, returning how many entries it read.
LOADERS: tuple[tuple[str, Callable[[], int]], ...] = (
    ("verb patterns", lambda: len(load_patterns().patterns)),
    ("governor word forms", _governors),
    ("speech-act code prefixes", _speech_acts),
    ("state force codes", lambda: len(state_force_codes.__wrapped__())),
    ("negation recodes", lambda: len(negation_codes.__wrapped__())),
    ("discard phrases", lambda: len(discard_phrases.__wrapped__())),
)


def validate_event_data() -> tuple[list[DictionaryError], dict[str, int]]:
    """Errors of the packaged event files, and how many entries each loader read."""
    errors: list[DictionaryError] = []
    counts: dict[str, int] = {}
    for name, loader in LOADERS:
        try:
            counts[name] = loader()
        except DictionaryError as error:
            errors.append(error)
    return errors, counts
