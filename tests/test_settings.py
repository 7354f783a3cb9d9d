"""Settings: one table feeds defaults, the user file, the environment and flags; all documented."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from detente.errors import SettingsError
from detente.settings import SETTINGS, Settings, load_settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_a_field_with_the_same_default():
    fields = {f.name: f.default for f in dataclasses.fields(Settings) if f.name != "sources"}
    assert fields == {s.name: s.default for s in SETTINGS}


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented(setting):
    assert setting.help.strip(), f"{setting.name} has no help"
    assert f"`{setting.name}`" in README.read_text(encoding="utf-8"), (
        f"{setting.name} missing from README"
    )


def test_precedence_defaults_file_env_explicit(tmp_path):
    user = tmp_path / "settings.toml"
    user.write_text('db = "from-file.duckdb"\nworkers = 3\nbatch_size = 10\n', encoding="utf-8")
    env = {"DETENTE_SETTINGS": str(user), "DETENTE_WORKERS": "2", "DETENTE_QUIET": "yes"}
    resolved = load_settings(env=env, batch_size=5)
    assert resolved.db == "from-file.duckdb"
    assert resolved.workers == 2
    assert resolved.quiet is True
    assert resolved.batch_size == 5
    assert resolved.model == "en_core_web_sm"
    sources = {name: source for name, _, source in resolved.items()}
    assert sources["db"] == str(user)
    assert sources["workers"] == "DETENTE_WORKERS"
    assert sources["batch_size"] == "argument"
    assert sources["model"] == "default"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DETENTE_WORKERS": "many"}, "must be int"),
        ({"DETENTE_COLOUR": "red"}, "unknown setting 'colour'"),
        ({"DETENTE_QUIET": "perhaps"}, "must be bool"),
    ],
)
def test_bad_settings_name_their_origin(env, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(env=env)


def test_unreadable_user_file_is_an_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("db = [unclosed", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"bad\.toml"):
        load_settings(env={"DETENTE_SETTINGS": str(bad)})
