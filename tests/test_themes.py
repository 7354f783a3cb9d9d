"""Themes: the seed's themes, longest match, context words, roll-up, validation."""

from __future__ import annotations

import pytest

from detente.api import code_text
from detente.errors import DictionaryError
from detente.store import Store
from detente.themes.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def seed_record(nlp, seed_text):
    return code_text(seed_text, nlp=nlp)


@pytest.mark.parametrize(
    ("theme", "text"),
    [
        ("MISSILE_DEFENCE", "missile defense"),
        ("MISSILE_DEFENCE", "anti-missile shield"),
        ("TERRORISM", "international terrorism"),
        ("ARMS_CONTROL_CFE", "Conventional Armed Forces in Europe Treaty"),
        ("NATO_ENLARGEMENT", "increase the number of its participants"),
    ],
)
def test_seed_themes(seed_record, theme, text):
    found = [t for t in seed_record.themes if t.theme == theme and t.text == text]
    assert found
    (t,) = found
    assert seed_record.article.text[t.start : t.end] == text


def test_arms_control_is_implied_by_the_cfe_treaty():
    assert "ARMS_CONTROL" in load_taxonomy().ancestors("ARMS_CONTROL_CFE")


def test_store_rolls_themes_up_to_parents(seed_record):
    from detente.themes.taxonomy import cached_taxonomy

    with Store(":memory:") as store:
        store.write([seed_record])
        rolled = {r["theme"]: r for r in store.themes(ancestors=cached_taxonomy().ancestors)}
        flat = {r["theme"] for r in store.themes()}
        assert "ARMS_CONTROL" in rolled and "ARMS_CONTROL" not in flat
        assert rolled["ARMS_CONTROL"]["articles"] == 1
        first = store.themes(article_id=seed_record.id)[0]
        assert first["theme"] == "MISSILE_DEFENCE"


@pytest.mark.parametrize(
    ("text", "theme", "expected"),
    [
        ("The alliance discussed eastward expansion at the summit.", "NATO_ENLARGEMENT", True),
        ("The retailer announced an eastward expansion of its stores.", "NATO_ENLARGEMENT", False),
        ("The court heard evidence of war crimes.", "WAR_CRIMES", True),
    ],
)
def test_context_words_restrict_a_theme(nlp, text, theme, expected):
    themes = {t.theme for t in code_text(text, nlp=nlp).themes}
    assert (theme in themes) is expected


def test_longest_match_wins(nlp):
    record = code_text("Moscow warned against the missile defense shield.", nlp=nlp)
    assert [(t.theme, t.text) for t in record.themes] == [
        ("MISSILE_DEFENCE", "missile defense shield")
    ]


@pytest.mark.parametrize(
    ("yaml_text", "reason"),
    [
        ("- id: lower\n  name: X\n  category: security\n  parent: null\n  phrases: [x]\n", "UPPER"),
        ("- id: A\n  name: X\n  category: sport\n  parent: null\n  phrases: [x]\n", "category"),
        ("- id: A\n  name: X\n  category: law\n  parent: B\n  phrases: [x]\n", "unknown parent"),
        ("- id: A\n  name: X\n  category: law\n  parent: null\n  phrases: [Upper]\n", "lower-case"),
        (
            "- id: A\n  name: X\n  category: law\n  parent: null\n  phrases: [x]\n"
            "- id: B\n  name: Y\n  category: law\n  parent: null\n  phrases: [x]\n",
            "already belongs",
        ),
        (
            "- id: A\n  name: X\n  category: law\n  parent: B\n  phrases: [x]\n"
            "- id: B\n  name: Y\n  category: law\n  parent: A\n  phrases: [y]\n",
            "cycle",
        ),
    ],
)
def test_taxonomy_validation_names_file_and_line(tmp_path, yaml_text, reason):
    path = tmp_path / "themes.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=reason) as info:
        load_taxonomy(path)
    assert info.value.line is not None


def test_packaged_taxonomy_is_valid():
    assert len(load_taxonomy().themes) >= 80
