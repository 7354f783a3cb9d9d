"""Plain functions behind ``detente actors`` and ``detente dictionaries`` (the CLI only renders)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import DictionaryError
from ..ingest.normalize import article_id
from ..model import Article, Mention
from ..settings import Settings
from .context import read_peoples
from .dictionary import ActorDictionary, default_root, load_dictionary, validate_dictionary
from .stage import PEOPLES_FILE


@dataclass
class ValidationReport:
    """What ``validate`` found: errors (the dictionary cannot load) and warnings."""

    root: str
    errors: list[DictionaryError] = field(default_factory=list)
    warnings: list[DictionaryError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def validate(path: str | Path | None = None) -> ValidationReport:
    """Check every actor file under ``path`` (default: the packaged dictionaries)."""
    root = Path(path) if path else default_root()
    errors, warnings = validate_dictionary(root)
    if not errors and (root / PEOPLES_FILE).exists():
        try:  # peoples name countries: checked against the dictionary just validated
            read_peoples(root / PEOPLES_FILE, load_dictionary(root).countries)
        except DictionaryError as error:
            errors.append(error)
    report = ValidationReport(str(root), errors, warnings)
    if not errors:
        report.counts = stats(root)
    return report


def stats(path: str | Path | ActorDictionary | None = None) -> dict[str, int]:
    """Entry counts per kind, as the acceptance criteria of issue 3 count them."""
    d = path if isinstance(path, ActorDictionary) else load_dictionary(path)
    kinds = Counter(c.kind for c in d.countries.values())
    terms = d.sector_terms.values()
    return {
        "countries": kinds["country"],
        "territories": kinds["territory"],
        "historical": kinds["historical"],
        "regions": kinds["region"],
        "organisations": len(d.organisations),
        "groups": len(d.groups),
        "sector terms": len(terms),
        "sector terms (singular)": sum(1 for t in terms if not _plural_only(t.note)),
        "sector terms (plural)": sum(1 for t in terms if t.plural or _plural_only(t.note)),
        "people": len(d.people),
        "roles": sum(len(p.roles) for p in d.people.values()),
        "people with Wikidata ids": sum(1 for p in d.people.values() if p.wikidata),
    }


def _plural_only(note: str) -> bool:
    return "plural only" in note


def _paths(value: str) -> list[str]:
    return [p.strip() for p in value.split(",") if p.strip()]


def actor_options(settings: Settings, petrarch_only: bool = False) -> dict[str, Any]:
    """``build_pipeline`` keywords for the PETRARCH files named in the settings (actors,
    agents, verbs); the workers build their pipelines with the same keywords."""
    return {
        "actors_files": _paths(settings.actors_files),
        "agents_files": _paths(settings.agents_files),
        "petrarch_only": petrarch_only,
        "verbs_files": _paths(settings.verbs_files),
    }


def lookup(text: str, date: dt.date | None = None, nlp: Language | None = None) -> list[Mention]:
    """Code ``text`` as a one-line article dated ``date``: every mention with its code and why.

    Without ``nlp`` the pipeline is the rule-only one up to the actor stage: no model to load,
    no event patterns to compile, so a name is answered in about a second."""
    from ..pipeline import STAGES, build_pipeline, code_docs

    if nlp is None:
        upto = STAGES.index("detente_actors_v1") + 1
        nlp = build_pipeline("", stages=STAGES[:upto])
    article = Article(id=article_id(text, None), text=text, published=date)
    record = next(code_docs(nlp, [article]))
    return list(record.mentions)
