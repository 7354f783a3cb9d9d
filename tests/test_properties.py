"""Property-based tests (hypothesis) of the ingest functions and the quote-mark scanner.

10,000 examples each, derandomized so CI runs the same cases every time; bench/fuzz.py runs
the same properties on 100,000+ cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).parent))
import strategies as s

EXAMPLES = 10_000
CI = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

pytestmark = pytest.mark.slow


@CI
@given(s.fragment_text())
def test_clean_text_idempotent_encodable_and_ids_stable(text):
    s.check_clean_text(text)


@CI
@given(s.DATE_VALUES)
def test_parse_date_never_raises_and_stays_in_news_years(value):
    s.check_parse_date(value)


@CI
@given(s.dateline_cases())
def test_dateline_never_raises_and_its_offsets_hold(case):
    s.check_dateline(case)


@CI
@given(s.quote_texts())
def test_quote_spans_within_text_and_ordered(text):
    s.check_quotes(text)


@pytest.fixture(scope="module")
def folder():
    with s.scratch_folder() as name:
        yield Path(name)


def test_readers_never_raise_and_articles_are_clean(folder):
    @CI
    @given(s.reader_inputs())
    def run(case):
        s.check_reader(case, folder)

    run()
