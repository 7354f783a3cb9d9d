"""Loading, validation (file:line errors), stats and the dictionaries commands (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.actors import api as actors_api
from detente.actors.dictionary import load_dictionary, validate_dictionary
from detente.cli import main
from detente.errors import DictionaryError
from detente.pipeline import build_pipeline, dictionary_versions, used_dictionaries

#: Acceptance minimums of issue 3.
MINIMUMS = {
    "organisations": 150,
    "groups": 150,
    "sector terms": 300,
    "people": 5000,  # issue 9
    "roles": 8000,
}


def test_packaged_dictionary_loads_without_errors():
    errors, _ = validate_dictionary()
    assert errors == []
    dictionary = load_dictionary()
    assert dictionary.countries["RUS"].name == "Russia"
    assert dictionary.organisations["nato"].code == "IGOWSTNAT"
    assert "anatoly-antonov" in dictionary.people


def test_manifest_has_the_actor_dictionary(nlp):
    assert dictionary_versions()["actors"] == "2026.12.3"
    assert used_dictionaries(nlp)["actors"] == "2026.12.3"


def test_packaged_people_use_cameo_codes_and_one_spelling():
    """ROU/MNE/TLS/IMN are ISO codes (CAMEO: ROM/MTN/TMP/IMY); one name form per person."""
    _, warnings = validate_dictionary()
    reasons = [w.reason for w in warnings]
    assert not [r for r in reasons if "ISO 3166" in r or "is spelt" in r]
    assert not [r for r in reasons if "'AUC'" in r]


ANTONOV_LINE = "- id: anatoly-antonov"

#: (file, text to replace, replacement, words the error must contain)
MALFORMED = [
    ("countries.yaml", "- code: RUS\n", "- code: RUSS\n", "country code"),
    ("countries.yaml", "  name: Russia\n  kind: country", "  name: Russia\n  kind: planet", "kind"),
    ("organisations.yaml", "- id: nato\n  code: IGOWSTNAT", "- id: nato\n  code: XYZWSTNAT", "XYZ"),
    ("organisations.yaml", "- id: nato\n  code: IGOWSTNAT\n", "- id: nato\n", "missing required"),
    (
        "people/ministers.yaml",
        'start: "2011-02", end: "2016-12"',
        'start: "2016-12", end: "2011-02"',
        "after",
    ),
    (
        "people/ministers.yaml",
        'start: "2011-02", end: "2016-12"',
        'start: "2011-13", end: "2016-12"',
        "month",
    ),
    (
        "people/ministers.yaml",
        "  country: RUS\n  gender: m\n  wikidata: null\n  roles:\n    - {title: Director",
        "  country: QQQ\n  gender: m\n  wikidata: null\n  roles:\n    - {title: Director",
        "QQQ",
    ),
    ("sectors.tsv", "president\tGOV\t", "president\tXXX\t", "unknown sector code"),
    ("sectors.tsv", "president\tGOV\t", "President\tGOV\t", "lower case"),
    ("countries.yaml", "- code: RWA\n", "- code: RUS\n", "duplicate country code"),
    ("countries.yaml", "- code: RUS\n", "- code: RUS\n  aliases: [oops\n", "YAML"),
    (
        "people/ministers.yaml",
        '{title: Foreign Minister, code: RUSGOV, start: "2004-03-09"',
        '{title: Foreign Minister, Russia, code: RUSGOV, start: "2004-03-09"',
        "must be quoted",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "words"), MALFORMED)
def test_malformed_copy_fails_with_file_and_line(data_copy, name, old, new, words):
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors, _ = validate_dictionary(data_copy)
    assert errors, "the malformed copy validated"
    error = errors[0]
    assert error.path == str(path)
    assert error.line is not None and error.line > 0
    assert words in str(error)
    with pytest.raises(DictionaryError):
        load_dictionary(data_copy)


def test_people_with_one_id_in_two_files_are_merged(data_copy):
    extra = data_copy / "people" / "zz_extra.yaml"
    extra.write_text(
        "- id: anatoly-antonov\n  name: Anatoly Antonov\n  aliases: []\n  country: RUS\n"
        "  wikidata: null\n  roles:\n"
        '    - {title: Test Role, code: RUSGOV, start: "2025-01", end: null}\n',
        encoding="utf-8",
    )
    person = load_dictionary(data_copy).people["anatoly-antonov"]
    assert person.roles[-1].title == "Test Role" and len(person.roles) > 1


def test_people_with_one_id_must_agree_on_country(data_copy):
    extra = data_copy / "people" / "zz_extra.yaml"
    extra.write_text(
        "- id: anatoly-antonov\n  name: Anatoly Antonov\n  aliases: []\n  country: USA\n"
        "  wikidata: null\n  roles:\n"
        '    - {title: Test Role, code: USAGOV, start: "2025-01", end: null}\n',
        encoding="utf-8",
    )
    errors, _ = validate_dictionary(data_copy)
    assert any("country" in e.reason and e.path == str(extra) and e.line == 1 for e in errors)


def test_cli_validate_fails_with_file_and_line(data_copy):
    path = data_copy / "countries.yaml"
    path.write_text(path.read_text().replace("- code: RUS\n", "- code: RUSS\n", 1))
    result = CliRunner().invoke(main, ["dictionaries", "validate", "--path", str(data_copy)])
    assert result.exit_code == 1
    assert f"{path}:" in result.output and "RUSS" in result.output


def test_cli_validate_ok():
    result = CliRunner().invoke(main, ["dictionaries", "validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok:")
    assert "ok: event data:" in result.output and "verb patterns" in result.output


def test_cli_validate_checks_the_peoples_file(data_copy):
    path = data_copy / "peoples.tsv"
    path.write_text(path.read_text() + "Zorbish\tZZZ\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["dictionaries", "validate", "--path", str(data_copy)])
    assert result.exit_code == 1
    assert f"{path}:" in result.output


def test_event_data_errors_name_file_and_line(monkeypatch, tmp_path):
    """A broken pattern file is reported by ``dictionaries validate`` as file:line."""
    from detente.events import validate as validate_module
    from detente.events.patterns import load_patterns

    folder = tmp_path / "patterns"
    folder.mkdir()
    (folder / "01_x.txt").write_text("010  S say $NOT_A_SET T\n", encoding="utf-8")
    monkeypatch.setattr(
        validate_module,
        "LOADERS",
        (("verb patterns", lambda: len(load_patterns(folder).patterns)),),
    )
    errors, _ = validate_module.validate_event_data()
    assert [(e.path.endswith("01_x.txt"), e.line) for e in errors] == [(True, 1)]


def test_two_pipelines_with_different_dictionaries(data_copy):
    path = data_copy / "countries.yaml"
    path.write_text(path.read_text().replace("metonyms: [Moscow, Kremlin]", "metonyms: [Moscow]"))
    other = build_pipeline(actors_path=str(data_copy))
    default = build_pipeline()
    from detente import api

    text = "Then the Kremlin said no."
    assert [m.code for m in api.code_text(text, nlp=default).mentions] == ["RUSGOV"]
    assert [m.code for m in api.code_text(text, nlp=other).mentions] == []


def test_stats_counts():
    counts = actors_api.stats()
    assert counts["countries"] >= 190 and counts["historical"] >= 5
    assert counts["roles"] >= counts["people"]


@pytest.mark.parametrize(("kind", "minimum"), sorted(MINIMUMS.items()))
def test_stats_meet_the_issue_minimums(kind, minimum):
    counts = actors_api.stats()
    assert counts[kind] >= minimum


def test_cli_stats_json():
    import json

    result = CliRunner().invoke(main, ["dictionaries", "stats", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["people"] >= MINIMUMS["people"]


def _extra_person(root: Path, country: str, role: str) -> Path:
    extra = root / "people" / "zz_extra.yaml"
    extra.write_text(
        f"- id: test-person\n  name: Test Person\n  aliases: []\n  country: {country}\n"
        f"  gender: f\n  wikidata: null\n  roles:\n    - {role}\n",
        encoding="utf-8",
    )
    return extra


#: (role, words the error must contain): issue 9, one code per body and historical states.
INCONSISTENT_ROLES = [
    ('{title: IMF Managing Director, code: IGOIMF, start: "2030-01", end: null}', "IGOBUSIMF"),
    ('{title: Leader of Hamas, code: PSEINSHMS, start: "2030-01", end: null}', "PSEHMS"),
    ('{title: KGB Chairman, code: RUSSPY, start: "1980-01", end: "1982-01"}', "existed"),
    (
        '{title: Foreign Minister of the Soviet Union, code: RUSGOV, start: "1980", end: "1985"}',
        "existed",
    ),
    (
        '{title: Foreign Minister of the Soviet Union, code: RUSGOV, start: "1991-01", end: "1992"}',
        "names USR",
    ),
    ('{title: President of Yugoslavia, code: SRBGOV, start: "1997", end: "2000"}', "names YUG"),
    ('{title: Soviet ambassador, code: USRGOV, start: "1995", end: "1998"}', "ended"),
]


@pytest.mark.parametrize(("role", "words"), INCONSISTENT_ROLES)
def test_a_role_takes_its_bodys_and_its_eras_code(data_copy, role, words):
    extra = _extra_person(data_copy, "RUS", role)
    errors, _ = validate_dictionary(data_copy)
    assert [e for e in errors if e.path == str(extra) and e.line == 8 and words in e.reason]


#: Roles that are consistent: the body's code plus a sector, a state's envoy to a body, the
#: head of state's office in a state body, a republic's office before independence.
CONSISTENT_ROLES = [
    '{title: Hamas military commander, code: PSEHMSMIL, start: "2030-01", end: null}',
    '{title: Ambassador to the United Nations, code: RUSGOV, start: "2030-01", end: null}',
    '{title: Head of the GRU, code: USRMILSPY, start: "1980", end: "1985"}',
    '{title: Chairman of the Supreme Soviet of the Russian SFSR, code: RUSGOV, start: "1990",'
    ' end: "1991-07"}',
]


@pytest.mark.parametrize("role", CONSISTENT_ROLES)
def test_consistent_roles_validate(data_copy, role):
    extra = _extra_person(data_copy, "RUS", role)
    errors, _ = validate_dictionary(data_copy)
    assert not [e for e in errors if e.path == str(extra)]
