"""Every error class has a unique code, and docs/errors.md explains each one."""

from __future__ import annotations

import pickle
from pathlib import Path

from detente import errors

DOCS = Path(__file__).resolve().parents[1] / "docs" / "errors.md"


def _classes() -> list[type[errors.DetenteError]]:
    found = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.DetenteError)
    ]
    return sorted(found, key=lambda cls: cls.code)


def test_codes_are_unique_and_documented():
    classes = _classes()
    codes = [cls.code for cls in classes]
    assert len(codes) == len(set(codes))
    text = DOCS.read_text(encoding="utf-8")
    for cls in classes:
        assert f"| {cls.code} | `{cls.__name__}` |" in text, f"{cls.__name__} is not documented"


def test_per_input_errors_survive_a_trip_from_a_worker_process():
    for cls in (errors.InputError, errors.ArticleError, errors.ArticleTimeout):
        error = cls("news.jsonl:7", "over its time budget")
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is cls and str(copy) == str(error)
        assert copy.source == "news.jsonl:7"
