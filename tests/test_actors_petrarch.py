"""PETRARCH actor and agent dictionaries beside or instead of ours (issue 3, point 6)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api
from detente.actors.petrarch import PetrarchCoder
from detente.pipeline import build_pipeline


@pytest.fixture(scope="module")
def phoenix(shared_data):
    folder = shared_data / "petrarch" / "phoenix_dictionaries"
    return folder / "Phoenix.Countries.actors.txt", folder / "Phoenix.agents.txt"


@pytest.fixture(scope="module")
def petrarch_nlp(phoenix):
    actors, agents = phoenix
    return build_pipeline(
        actors_files=[str(actors)], agents_files=[str(agents)], petrarch_only=True
    )


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [
        ("RUSSIAN FEDERATION", None, "RUS"),
        ("RUSSIAN", None, "RUS"),
        ("RUSSIAN PRESIDENT YELTSIN", dt.date(1995, 1, 1), "RUSGOV"),
        ("RUSSIAN PRESIDENT YELTSIN", dt.date(1985, 1, 1), "RUSELI"),
    ],
)
def test_sampled_lookups_give_the_files_codes(phoenix, phrase, day, code):
    coder = PetrarchCoder.from_files([str(phoenix[0])], [])
    assert coder is not None and coder.lookup(phrase, day) == code


def test_petrarch_only_pipeline_codes_actor_and_agent(petrarch_nlp):
    record = api.code_text("Russian Defense Minister Sergei Ivanov spoke.", nlp=petrarch_nlp)
    first = record.mentions[0]
    assert first.code == "RUSGOV" and first.dictionary == "petrarch:Phoenix.Countries.actors.txt"
    assert petrarch_nlp.get_pipe("detente_actors_v1").dictionaries == ()


def test_petrarch_beside_ours_fills_gaps(phoenix, seed_text):
    nlp = build_pipeline(actors_files=[str(phoenix[0])])
    record = api.code_text(seed_text, nlp=nlp)
    ours = {m.dictionary for m in record.mentions}
    assert "actors" in ours
    antonov = [m for m in record.mentions if m.entity_id == "anatoly-antonov"]
    assert antonov and antonov[0].dictionary == "actors"


def test_validate_files_read(shared_data):
    folder = shared_data / "petrarch" / "validate_dictionaries"
    coder = PetrarchCoder.from_files(
        [str(folder / "PETR.Validate.actors.txt")], [str(folder / "PETR.Validate.agents.txt")]
    )
    assert coder is not None and len(coder.actors[0]) > 0 and len(coder.agents[0]) > 0


def test_settings_feed_the_pipeline(phoenix, monkeypatch):
    from detente.actors.api import actor_options
    from detente.settings import load_settings

    env = {"DETENTE_ACTORS_FILES": f"{phoenix[0]}, {phoenix[0]}", "DETENTE_AGENTS_FILES": ""}
    options = actor_options(load_settings(env=env))
    assert options["actors_files"] == [str(phoenix[0])] * 2 and options["agents_files"] == []


@pytest.mark.slow
def test_workers_code_with_the_same_petrarch_dictionaries(phoenix, tmp_path):
    """--workers 2 with --actors/--agents gives the records of a single process."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    examples = Path(__file__).resolve().parents[1] / "examples"
    actors, agents = phoenix
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        command = [sys.executable, "-m", "detente", "code", str(examples), "--no-store"]
        command += ["--jsonl", str(out), "--workers", workers, "--batch-size", "3", "-q"]
        command += ["--actors", str(actors), "--agents", str(agents)]
        subprocess.run(command, check=True)
        outputs.append([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()])
    assert outputs[0] == outputs[1]
    dictionaries = {m["dictionary"] for r in outputs[1] for m in r["mentions"]}
    assert any(d and d.startswith("petrarch:") for d in dictionaries)


def test_agents_joined_by_and_give_one_code_each(shared_data):
    """ "Danish media and government": the actor with either agent (PETRARCH's A/B codes)."""
    folder = shared_data / "petrarch" / "validate_dictionaries"
    nlp = build_pipeline(
        actors_files=[str(folder / "PETR.Validate.actors.txt")],
        agents_files=[str(folder / "PETR.Validate.agents.txt")],
        petrarch_only=True,
    )
    record = api.code_text("The Danish Islamist media and government warned Gondor.", nlp=nlp)
    assert record.mentions[0].code == "DNKMUSMED/DNKMUSGOV"


def test_joined_tokens_are_read_as_their_words() -> None:
    from detente.actors.petrarch import _joined_parts

    assert _joined_parts(["THE", "PRINCE"]) is None
    split, starts = _joined_parts(["PRINCE", "OF", "DOL_AMROTH", "_"]) or ([], [])
    assert split == ["PRINCE", "OF", "DOL", "AMROTH", "_"]
    assert starts == [0, 1, 2, 4, 5]
