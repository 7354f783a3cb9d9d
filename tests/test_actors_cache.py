"""The on-disk cache of loaded actor dictionaries (actors/cache.py): fast, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.actors.cache import fingerprint, load_cached
from detente.actors.dictionary import ActorDictionary, load_dictionary
from detente.errors import DictionaryError


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(folder))
    return folder


def counting_loader() -> tuple[list[Path], object]:
    calls: list[Path] = []

    def load(root: Path) -> ActorDictionary:
        calls.append(root)
        return load_dictionary(root)

    return calls, load


def test_a_second_load_of_the_same_files_comes_from_the_cache(data_copy, cache):
    calls, load = counting_loader()
    first = load_cached(data_copy, load)
    second = load_cached(data_copy, load)
    assert len(calls) == 1
    assert len(list(cache.glob("actors-*.pickle"))) == 1
    assert second.people.keys() == first.people.keys()
    assert second.people["anatoly-antonov"] == first.people["anatoly-antonov"]


def test_an_edited_file_is_never_served_stale(data_copy, cache):
    calls, load = counting_loader()
    load_cached(data_copy, load)
    before = fingerprint(data_copy)
    people = data_copy / "people" / "zz_extra.yaml"
    people.write_text(
        "- id: test-person\n  name: Testa Personne\n  aliases: []\n  country: FRA\n"
        "  gender: f\n  wikidata: null\n  roles:\n"
        '    - {title: Test Role, code: FRAGOV, start: "2030-01", end: null}\n',
        encoding="utf-8",
    )
    assert fingerprint(data_copy) != before
    assert "test-person" in load_cached(data_copy, load).people
    assert len(calls) == 2


def test_a_corrupt_cache_file_is_ignored(data_copy, cache):
    calls, load = counting_loader()
    load_cached(data_copy, load)
    for path in cache.glob("actors-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert "anatoly-antonov" in load_cached(data_copy, load).people
    assert len(calls) == 2


def test_a_broken_dictionary_raises_and_is_not_cached(data_copy, cache):
    path = data_copy / "countries.yaml"
    path.write_text(path.read_text().replace("- code: RUS\n", "- code: RUSS\n", 1))
    with pytest.raises(DictionaryError):
        load_cached(data_copy, load_dictionary)
    assert not list(cache.glob("actors-*"))


def test_the_cache_can_be_turned_off(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    calls, load = counting_loader()
    load_cached(data_copy, load)
    load_cached(data_copy, load)
    assert len(calls) == 2 and not (tmp_path / "xdg").exists()
