"""The on-disk cache of compiled dictionaries (detente/cache.py): used when present, rebuilt when
any input changes, never a crash on a bad file, safe when processes build at once."""

from __future__ import annotations

import multiprocessing
import pickle
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from detente import cache
from detente.cache import cache_key, cached
from detente.events import matcher
from detente.events.matcher import PatternIndex, compiled_index
from detente.events.ontology import load_ontology
from detente.events.patterns import PATTERN_DIR, load_patterns
from detente.places import gazetteer
from detente.places.gazetteer import PackedReadings, cached_gazetteer, default_regions_path
from detente.themes import taxonomy
from detente.themes.taxonomy import cached_taxonomy, default_themes_path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    """An empty cache folder of this test's own."""
    path = tmp_path / "cache"
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(path))
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "input.txt"
    path.write_text("alpha\n", encoding="utf-8")
    return path


def counting(result: object) -> tuple[list[int], Callable[[], object]]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return result

    return calls, build


def test_a_second_call_with_the_same_inputs_reads_the_cache(folder, source):
    calls, build = counting({"value": 1})
    assert cached("thing", build, (source,)) == {"value": 1}
    assert cached("thing", build, (source,)) == {"value": 1}
    assert len(calls) == 1
    assert len(list(folder.glob("thing-*.pickle"))) == 1


@pytest.mark.parametrize("change", ["content", "option", "added file"])
def test_a_changed_input_rebuilds(folder, source, change):
    inputs: list[Path | str] = [source.parent, "option a"]
    calls, build = counting("value")
    cached("thing", build, inputs)
    if change == "content":
        source.write_text("beta\n", encoding="utf-8")
    elif change == "option":
        inputs[1] = "option b"
    else:
        (source.parent / "another.txt").write_text("", encoding="utf-8")
    cached("thing", build, inputs)
    assert len(calls) == 2


def test_the_key_hashes_content_not_modification_time(source):
    before = cache_key("thing", (source,))
    source.write_text("alpha\n", encoding="utf-8")  # the same bytes, written again
    assert cache_key("thing", (source,)) == before
    source.write_text("alpha \n", encoding="utf-8")
    assert cache_key("thing", (source,)) != before


def test_a_missing_input_has_a_key_of_its_own(tmp_path, source):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert cache_key("thing", (tmp_path / "absent.txt",)) != cache_key("thing", (empty,))


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(1)[:-3]])
def test_a_damaged_cache_file_is_rebuilt(folder, source, damage):
    calls, build = counting([1, 2])
    cached("thing", build, (source,))
    for path in folder.glob("thing-*.pickle"):
        path.write_bytes(damage)
    assert cached("thing", build, (source,)) == [1, 2]
    assert len(calls) == 2
    (path,) = folder.glob("thing-*.pickle")
    assert pickle.loads(path.read_bytes()) == [1, 2]  # written again, whole


def test_an_unwritable_cache_folder_only_costs_the_build(tmp_path, source, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file
    calls, build = counting("value")
    assert cached("thing", build, (source,)) == "value"
    assert cached("thing", build, (source,)) == "value"
    assert len(calls) == 2


def test_a_failing_build_leaves_nothing_cached(folder, source):
    def build() -> object:
        raise ValueError("broken dictionary")

    with pytest.raises(ValueError):
        cached("thing", build, (source,))
    assert not folder.exists() or not list(folder.iterdir())


def test_the_cache_can_be_turned_off(tmp_path, source, monkeypatch):
    monkeypatch.setenv("DETENTE_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    calls, build = counting("value")
    cached("thing", build, (source,))
    cached("thing", build, (source,))
    assert len(calls) == 2 and not (tmp_path / "xdg").exists()


def _build_in_process(args: tuple[str, str]) -> list[int]:
    folder, source = args
    import os

    os.environ["DETENTE_CACHE_DIR"] = folder
    return cached("shared", lambda: list(range(10_000)), (Path(source),))


def test_processes_building_at_once_each_get_the_value(folder, source):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.map(_build_in_process, [(str(folder), str(source))] * 8)
    assert all(r == list(range(10_000)) for r in results)
    assert [p.suffix for p in folder.iterdir()] == [".pickle"]  # no temporary file left


@dataclass(frozen=True, slots=True)
class Frozen:
    name: str
    parts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Checked:
    """Rebuilt by a call to the class, it would be marked twice: pickled the usual way."""

    name: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", self.name + "!")


@pytest.mark.parametrize("value", [Frozen("a", (1, 2)), Checked("b"), [Frozen("c")] * 3])
def test_frozen_slotted_dataclasses_come_back_equal(folder, source, value):
    cached("thing", lambda: value, (source,))
    (path,) = folder.glob("thing-*.pickle")
    found, loaded = cache.read(path)
    assert found and loaded == value


def test_a_shared_object_stays_shared(folder, source):
    one = Frozen("a")
    cached("thing", lambda: [one, one], (source,))
    loaded = cached("thing", lambda: pytest.fail("rebuilt"), (source,))
    assert loaded[0] is loaded[1]


# --- what the stages cache ------------------------------------------------------------------


@pytest.fixture
def patterns_copy(tmp_path: Path) -> Path:
    """A copy of our pattern files (their sets are shared across files)."""
    return Path(shutil.copytree(PATTERN_DIR, tmp_path / "patterns"))


@pytest.mark.slow
def test_the_pattern_index_is_cached_and_rebuilt_when_a_file_changes(
    folder, patterns_copy, monkeypatch
):
    first = compiled_index.__wrapped__(str(patterns_copy))  # past the per-process memo
    monkeypatch.setattr(matcher, "load_patterns", _not_called)
    again = compiled_index.__wrapped__(str(patterns_copy))
    assert _index_ids(again) == _index_ids(first)
    assert again.dictionary.patterns == first.dictionary.patterns
    monkeypatch.undo()
    path = patterns_copy / "04_consult.txt"
    path.write_text(path.read_text(encoding="utf-8") + "040  S !parleyed T\n", encoding="utf-8")
    edited = compiled_index.__wrapped__(str(patterns_copy))
    assert "040:S !parleyed T" in {p.id for p in edited.dictionary.patterns}
    assert "parleyed" in edited.by_first or "parleyed" in edited.keyed


@pytest.mark.slow
def test_a_restored_pattern_index_finds_what_the_built_one_does():
    dictionary = load_patterns()
    built = PatternIndex(dictionary.patterns, dictionary.sets, dictionary.files)
    restored = pickle.loads(pickle.dumps(built))
    assert type(restored.by_first) is not dict  # packed: made on first read
    assert _index_ids(restored) == _index_ids(built)
    word = next(iter(built.keyed))
    assert restored.keyed[word] == built.keyed[word]  # compiled patterns equal, field by field
    assert restored.by_first.get("no-such-word") is None


def _index_ids(index: PatternIndex) -> dict[str, list[str]]:
    ids = {w: [c.pattern.id for c in group] for w, group in index.by_first.items()}
    for word, table in index.keyed.items():
        for key, group in table.items():
            ids[f"{word}|{key}"] = [c.pattern.id for c in group]
    return ids


def _not_called(*args: object, **kwargs: object) -> None:
    pytest.fail("built again although the cache holds it")


@pytest.mark.slow
def test_the_gazetteer_is_cached_and_rebuilt_when_the_regions_file_changes(
    folder, tmp_path, monkeypatch
):
    regions = tmp_path / "regions.yaml"
    shutil.copy(default_regions_path(), regions)
    first = cached_gazetteer.__wrapped__(str(regions))
    monkeypatch.setattr(gazetteer, "build_gazetteer", _not_called)
    again = cached_gazetteer.__wrapped__(str(regions))
    assert isinstance(again.names, PackedReadings)  # restored from the pickle
    assert again.lookup("Golan Heights") == first.lookup("Golan Heights")
    assert len(again) == len(first) and again.first_words == first.first_words
    monkeypatch.undo()
    regions.write_text(
        regions.read_text(encoding="utf-8")
        + "\n- id: test-sea\n  name: Testing Sea\n  kind: sea\n  countries: []\n",
        encoding="utf-8",
    )
    edited = cached_gazetteer.__wrapped__(str(regions))
    assert [c.entry.id for c in edited.lookup("Testing Sea")] == ["region:test-sea"]


@pytest.mark.slow
def test_a_restored_gazetteer_reads_every_name_as_the_built_one(folder, tmp_path):
    built = gazetteer.build_gazetteer()
    restored = pickle.loads(pickle.dumps(built))
    assert list(restored.names) == list(built.names)
    assert all(restored.lookup(name) == built.lookup(name) for name in built.names)
    assert restored.adm1_by_code == built.adm1_by_code
    assert restored.lookup("Paris")[0] is restored.lookup("Paris")[0]  # made once


def test_the_theme_taxonomy_is_cached_and_rebuilt_when_its_file_changes(
    folder, tmp_path, monkeypatch
):
    themes = tmp_path / "themes.yaml"
    shutil.copy(default_themes_path(), themes)
    first = cached_taxonomy.__wrapped__(str(themes))
    monkeypatch.setattr(taxonomy, "load_taxonomy", _not_called)
    assert cached_taxonomy.__wrapped__(str(themes)).themes == first.themes
    monkeypatch.undo()
    text = themes.read_text(encoding="utf-8")
    themes.write_text(text.replace("nato enlargement,", "nato enlargement, nato growth,", 1))
    edited = cached_taxonomy.__wrapped__(str(themes))
    assert "nato growth" in edited.themes["NATO_ENLARGEMENT"].phrases


def test_the_ontology_comes_back_whole_and_read_only(folder):
    built = load_ontology()
    restored = pickle.loads(pickle.dumps(built))
    assert list(restored) == list(built) and restored.version == built.version
    assert restored.children("04") == built.children("04")
    assert restored.plover("CONSULT") == built.plover("CONSULT")
    with pytest.raises(TypeError):
        restored.events["999"] = built["042"]
