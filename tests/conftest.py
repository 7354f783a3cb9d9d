"""Shared fixtures: the shared development data (skipped when absent), the seed, pipelines."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from detente.actors.dictionary import default_root
from detente.pipeline import build_pipeline

#: Tests never write to the user's cache folder: loaded dictionaries are cached per session.
os.environ.setdefault("DETENTE_CACHE_DIR", tempfile.mkdtemp(prefix="detente-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"
SEED = SHARED / "seed" / "000_fd0e43336b3b30d0.txt"
EXAMPLES = ROOT / "examples"


def need(path: Path) -> Path:
    """Skip (with the reason) when a file of ../shared is absent, as in a user's clone."""
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared is only beside CI and developer checkouts")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need(SEED)


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return need(SHARED_DATA)


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (spaCy en_core_web_sm parse + every stage), built once per session."""
    return build_pipeline()


#: People files a copy of the actor dictionary keeps: the whole set (7,000 people) takes
#: seconds to validate, and tests of the loader need one file of them.
COPY_PEOPLE = ("ministers.yaml",)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged actor dictionary, with only ``COPY_PEOPLE`` of people."""
    people = COPY_PEOPLE

    def skipped(folder: str, names: list[str]) -> list[str]:
        if Path(folder).name != "people":
            return []
        return [n for n in names if n.endswith(".yaml") and n not in people]

    root = tmp_path / "actors"
    shutil.copytree(default_root(), root, ignore=skipped)
    return root
