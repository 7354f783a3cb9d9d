"""Sentence and paragraph boundaries in news text (no statistical model)."""

from __future__ import annotations

import pytest

from detente.api import code_text


def sentences(nlp, text):
    record = code_text(text, nlp=nlp)
    return [(record.article.text[s.start : s.end], s.paragraph) for s in record.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia said no. NATO said yes.", ["Russia said no.", "NATO said yes."]),
        ('"We will go," he said. "Now."', ['"We will go," he said.', '"Now."']),
        ("“It is over.” Then he left.", ["“It is over.”", "Then he left."]),
        (
            "He met Mr. Smith and Gen. Jones in the U.S. capital.",
            ["He met Mr. Smith and Gen. Jones in the U.S. capital."],
        ),
        ("Is it war? No, he said!", ["Is it war?", "No, he said!"]),
        (
            "The fraud cost pounds 644m. Edward Leigh said so.",
            ["The fraud cost pounds 644m.", "Edward Leigh said so."],
        ),
        ("They met at 5 p.m. on Monday.", ["They met at 5 p.m. on Monday."]),
        ("The talks end e.g. tomorrow at noon.", ["The talks end e.g. tomorrow at noon."]),
        (
            "Headline without stop\nFirst sentence here. Second one.",
            ["Headline without stop", "First sentence here.", "Second one."],
        ),
    ],
)
def test_sentence_boundaries(nlp, text, expected):
    assert [s for s, _ in sentences(nlp, text)] == expected


def test_paragraph_numbers(nlp):
    found = sentences(nlp, "Title\n\nOne. Two.\n\nThree.\nFour.")
    assert found == [("Title", 0), ("One.", 1), ("Two.", 1), ("Three.", 2), ("Four.", 3)]


def test_seed_sentences(nlp, seed_text):
    record = code_text(seed_text, nlp=nlp)
    texts = [record.article.text[s.start : s.end] for s in record.sentences]
    assert texts[0] == "All news"
    assert texts[3] == "MOSCOW, July 25 (Itar-Tass) -"  # the dateline is no part of the grammar
    assert texts[4].startswith("Russia and NATO must find solutions")
    assert any(t.startswith("“Otherwise we will not be able") for t in texts)
    assert all(t == t.strip() for t in texts)
