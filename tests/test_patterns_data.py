"""Our verb-pattern dictionary: size, coverage of every CAMEO leaf code, and the PLOVER link."""

from __future__ import annotations

import pytest

from detente.events.ontology import default_ontology
from detente.events.patterns import default_patterns

MIN_PATTERNS = 3000
MIN_PER_LEAF = 3


@pytest.fixture(scope="module")
def patterns():
    return default_patterns()


def test_enough_patterns(patterns):
    assert len(patterns.patterns) >= MIN_PATTERNS


def test_every_leaf_code_is_covered(patterns):
    counts = patterns.by_code()
    thin = {
        e.code: counts.get(e.code, 0)
        for e in default_ontology().leaves()
        if counts.get(e.code, 0) < MIN_PER_LEAF
    }
    assert not thin, f"leaf codes with fewer than {MIN_PER_LEAF} patterns: {thin}"


def test_every_pattern_code_is_in_the_ontology(patterns):
    ontology = default_ontology()
    assert all(p.code in ontology for p in patterns.patterns)


def test_pattern_ids_are_unique_and_traceable(patterns):
    ids = [p.id for p in patterns.patterns]
    assert len(ids) == len(set(ids))
    assert all(p.source.rsplit(":", 1)[1].isdigit() for p in patterns.patterns)
