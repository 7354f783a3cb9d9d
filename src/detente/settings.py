"""One settings table feeds the defaults, the user file, the environment and the CLI flags.

Resolution order, later wins: packaged defaults < user file < ``DETENTE_*`` environment <
explicit values (CLI flags or API keyword arguments). The user file is TOML: ``$DETENTE_SETTINGS``
if set, else ``./detente.toml``, else ``$XDG_CONFIG_HOME/detente/settings.toml``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SettingsError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str
    #: The smallest value that makes sense (numbers only); smaller ones are refused.
    minimum: float | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        "detente.duckdb",
        str,
        "DuckDB file the store writes to (one writing process at a time).",
    ),
    Setting(
        "model",
        "en_core_web_sm",
        str,
        "spaCy model whose parser the coder reads (en_core_web_sm is installed with détente).",
    ),
    Setting(
        "fast",
        False,
        bool,
        "Rule-only pipeline: no parser, token patterns only; several times faster, less accurate.",
    ),
    Setting(
        "workers",
        1,
        int,
        "Worker processes for coding; the store is written by the main process only.",
        1,
    ),
    Setting("batch_size", 200, int, "Articles per pipeline batch and per store transaction.", 1),
    Setting(
        "max_chars", 1_000_000, int, "Longer texts are refused as not being a news article.", 1
    ),
    Setting("min_chars", 20, int, "Shorter texts are refused as having no article text.", 0),
    Setting(
        "time_budget",
        5.0,
        float,
        "Seconds of CPU time an article may take per 10,000 characters (at least twice this for "
        "any article); one over budget is reported and skipped. 0 turns the limit off.",
        0,
    ),
    Setting(
        "follow_links",
        False,
        bool,
        "Folder walks follow symbolic links out of the folder (off: one error line each).",
    ),
    Setting("language", "en", str, "Language of the articles (only English pipelines ship today)."),
    Setting("quiet", False, bool, "No progress bar."),
    Setting(
        "actors_files",
        "",
        str,
        "PETRARCH actor dictionaries used beside ours, comma-separated paths.",
    ),
    Setting(
        "agents_files",
        "",
        str,
        "PETRARCH agent dictionaries used beside ours, comma-separated paths.",
    ),
    Setting(
        "cache_dir",
        "",
        str,
        "Folder for compiled dictionaries (default ~/.cache/detente; 'off' turns caching off).",
    ),
    Setting(
        "verbs_files",
        "",
        str,
        "PETRARCH verb dictionaries the event coder uses instead of ours, comma-separated paths.",
    ),
    Setting(
        "near_duplicate_threshold",
        0.6,
        float,
        "Similarity (estimated Jaccard of 5-word shingles) at which an article is a copy of a "
        "story already seen: recorded, not coded. 0 turns the recognition off.",
        0,
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}
ENV_PREFIX = "DETENTE_"


@dataclass(frozen=True, slots=True)
class Settings:
    """The resolved settings; ``sources`` says where each value came from."""

    db: str = "detente.duckdb"
    model: str = "en_core_web_sm"
    fast: bool = False
    workers: int = 1
    batch_size: int = 200
    max_chars: int = 1_000_000
    min_chars: int = 20
    time_budget: float = 5.0
    follow_links: bool = False
    language: str = "en"
    quiet: bool = False
    actors_files: str = ""
    agents_files: str = ""
    cache_dir: str = ""
    verbs_files: str = ""
    near_duplicate_threshold: float = 0.6
    sources: Mapping[str, str] = dataclasses.field(default_factory=dict, compare=False)

    @property
    def pipeline_model(self) -> str:
        """The spaCy model the pipeline loads: none (blank English) with ``fast``."""
        return "" if self.fast else self.model

    def replace(self, **changes: Any) -> Settings:
        """A copy with explicit values (None means 'not given')."""
        given = {k: _coerce(k, v, "argument") for k, v in changes.items() if v is not None}
        sources = {**self.sources, **dict.fromkeys(given, "argument")}
        return dataclasses.replace(self, **given, sources=sources)

    def items(self) -> list[tuple[str, Any, str]]:
        return [
            (s.name, getattr(self, s.name), self.sources.get(s.name, "default")) for s in SETTINGS
        ]


def _coerce(name: str, value: Any, origin: str) -> Any:
    setting = _BY_NAME.get(name)
    if setting is None:
        raise SettingsError(f"unknown setting {name!r} (from {origin})")
    if setting.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if isinstance(value, setting.type) and not (setting.type is int and isinstance(value, bool)):
        return _checked(setting, value, origin)
    if isinstance(value, str):
        text = value.strip()
        try:
            if setting.type is bool:
                if text.lower() in {"1", "true", "yes", "on"}:
                    return True
                if text.lower() in {"0", "false", "no", "off", ""}:
                    return False
                raise ValueError(text)
            return _checked(setting, setting.type(text), origin)
        except ValueError:
            pass
    raise SettingsError(
        f"setting {name!r} (from {origin}) must be {setting.type.__name__}, got {value!r}"
    )


def _checked(setting: Setting, value: Any, origin: str) -> Any:
    if setting.minimum is not None and value < setting.minimum:
        raise SettingsError(
            f"setting {setting.name!r} (from {origin}) must be {setting.minimum:g} or more, "
            f"got {value!r}"
        )
    return value


def user_file(env: Mapping[str, str]) -> Path | None:
    explicit = env.get("DETENTE_SETTINGS")
    if explicit:
        return Path(explicit)
    local = Path("detente.toml")
    if local.is_file():
        return local
    config_home = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    candidate = config_home / "detente" / "settings.toml"
    return candidate if candidate.is_file() else None


def load_settings(env: Mapping[str, str] | None = None, **explicit: Any) -> Settings:
    """Resolve the settings from every source (see the module docstring)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    path = user_file(env)
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{path}: cannot read settings ({exc})") from None
        table = data.get("detente", data)
        for key, value in table.items():
            values[key] = _coerce(key, value, str(path))
            sources[key] = str(path)
    for key, value in env.items():
        if key.startswith(ENV_PREFIX) and key != "DETENTE_SETTINGS":
            name = key[len(ENV_PREFIX) :].lower()
            values[name] = _coerce(name, value, key)
            sources[name] = key
    return Settings(**values, sources=sources).replace(**explicit)
