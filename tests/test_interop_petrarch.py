"""Readers for PETRARCH-format dictionaries and XML, tested on the real files users have."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import need
from detente.errors import DictionaryError
from detente.interop.petrarch_actors import (
    AgentCode,
    read_actors,
    read_agents,
)
from detente.interop.petrarch_lists import read_discards, read_issues
from detente.interop.petrarch_verbs import read_verbs
from detente.interop.petrarch_xml import read_environment, read_records

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "petrarch"
VALIDATE = DATA / "validate_dictionaries"
PHOENIX = DATA / "phoenix_dictionaries"
ACTOR_FILES = [
    VALIDATE / "PETR.Validate.actors.txt",
    PHOENIX / "Phoenix.Countries.actors.txt",
    PHOENIX / "Phoenix.International.actors.txt",
    PHOENIX / "Phoenix.MilNonState.actors.txt",
]


@pytest.fixture(autouse=True)
def _need_data(request: pytest.FixtureRequest) -> None:
    if "tmp_path" not in request.fixturenames and not DATA.is_dir():
        pytest.skip(f"../shared/data not found: {DATA}")


def _plain_lines(path: Path) -> list[str]:
    """Lines without blank lines, ``#`` comments or ``<!`` lines: an independent count."""
    kept = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = raw.split("#")[0].strip()
        if text and not raw.lstrip().startswith("<!"):
            kept.append(text)
    return kept


def day(text: str) -> date:
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


# ----------------------------------------------------------------------------- actors


def _actor_blocks(lines: list[str]) -> tuple[int, int]:
    """Entries and synonyms: a phrase line opens an entry unless the open one has no code yet."""
    entries = synonyms = 0
    coded = True
    for line in lines:
        if line[0] == "[":
            coded = True
        elif line[0] == "+" or not coded:
            synonyms += 1
            coded = coded or "[" in line
        else:
            entries += 1
            coded = "[" in line
    return entries, synonyms


@pytest.mark.parametrize("path", ACTOR_FILES, ids=lambda p: p.name)
def test_actor_counts_match_the_file(path: Path) -> None:
    actors = read_actors(path)
    synonyms = sum(len(e.synonyms) for e in actors.entries)
    assert (len(actors), synonyms) == _actor_blocks(_plain_lines(path))


def test_actor_counts_pinned() -> None:
    counts = [len(read_actors(path)) for path in ACTOR_FILES]
    assert counts == [128, 18353, 7838, 1021]


def test_block_of_phrases_shares_the_codes_below() -> None:
    """BORIS_YELTSIN_ and the phrase lines under it (no '+') take the codes that follow."""
    actors = read_actors(PHOENIX / "Phoenix.Countries.actors.txt")
    for phrase in ("BORIS_YELTSIN", "YELTSIN", "PRESIDENT BORIS YELTSIN"):
        assert actors.lookup(phrase, day("19950101")) == "RUSGOV", phrase
        assert actors.lookup(phrase, day("19850101")) == "RUSELI", phrase
    assert not [w for w in actors.warnings if "has no code" in w.message]


def test_block_of_phrases_in_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "block.actors.txt"
    path.write_text("FRODO_\nMR_BAGGINS\n+RING_BEARER\n\t[HOB]\nSAM_ [HOBCVL]\nROSIE_\n")
    actors = read_actors(path)
    assert [e.phrase.text for e in actors.entries] == ["FRODO_", "SAM_", "ROSIE_"]
    assert actors.lookup("Mr Baggins") == actors.lookup("ring bearer") == "HOB"
    assert actors.lookup("Sam") == "HOBCVL" and actors.lookup("Rosie") is None
    assert [w.line for w in actors.warnings] == [6]


@pytest.mark.parametrize(
    ("when", "code"),
    [
        ("19950104", "HOBCIV"),  # DATE-01: < restriction
        ("20080119", "HOBCIV"),  # DATE-02: < at boundary
        ("20100106", "HOBMIL"),  # DATE-08
        ("20100109", "ORCHOB"),  # DATE-09: lower bound of the embedded range
        ("20100112", "ORCHOB"),  # DATE-11: upper bound is inclusive
        ("20100113", "HOBMIL"),  # DATE-12
        ("20121231", "HOBGOV"),  # DATE-13
        ("20140101", "HOBELI"),  # > restriction
    ],
)
def test_dated_actor_follows_the_unit_tests(when: str, code: str) -> None:
    actors = read_actors(VALIDATE / "PETR.Validate.actors.txt")
    assert actors.lookup("Sam Gamgee", day(when)) == code


def test_synonyms_share_date_restrictions_and_default() -> None:
    actors = read_actors(VALIDATE / "PETR.Validate.actors.txt")
    assert actors.lookup("smeagol", day("19951101")) == "HOBGOV"  # DATE-14
    assert actors.lookup(["Stinker"], day("19950101")) == "HOB"  # DATE-16: '< 950601'
    assert actors.lookup("SLINKER", day("20010101")) == "HOBREB"  # DATE-19: '> 990816'
    assert actors.lookup("Zimbabwe", day("19781223")) == "RHO"  # DATE-20
    assert actors.lookup("Zimbabwe", day("20010101")) == "ZBW"  # DATE-21: default
    assert actors.lookup("Hamfast Gamgee", day("20140104")) == "HOB"  # DATE-07
    assert actors.lookup("ONODOHER", day("20000101")) is None  # expired, no default
    assert actors.lookup("Gondor") == "GON"
    assert actors.lookup("Minas Tirith") == "GON"


def test_phoenix_person_with_dated_roles() -> None:
    actors = read_actors(PHOENIX / "Phoenix.Countries.actors.txt")
    entry = actors.entry("EL SISI")
    assert entry is not None and entry.phrase.text == "ABDEL_FATTAH_EL_SISI"
    assert [c.code for c in entry.codes] == ["EGYMIL", "EGYGOVMIL", "EGYGOV", "EGYELI"]
    assert actors.lookup("el sisi", day("20100101")) == "EGYMIL"
    assert actors.lookup("el sisi", day("20120812")) == "EGYMIL"  # first listed wins a tie
    assert actors.lookup("el sisi", day("20140607")) == "EGYELI"  # between: default
    assert actors.lookup("el sisi", day("20140608")) == "EGYGOV"  # '>' includes its date
    assert actors.lookup("Afghanistan") == "AFG"
    assert actors.entry("AFGHANISTAN").phrase.closed  # type: ignore[union-attr]


def test_longest_match_in_tokens() -> None:
    actors = read_actors(PHOENIX / "Phoenix.International.actors.txt")
    found = actors.match_at(["the", "NATO", "summit"], 1)
    assert found is not None and found.entry.code_on(None) == "IGOWSTNAT"
    assert actors.match_at(["the", "NATO"], 0) is None


# ----------------------------------------------------------------------------- agents


@pytest.mark.parametrize(
    "path", [VALIDATE / "PETR.Validate.agents.txt", PHOENIX / "Phoenix.agents.txt"]
)
def test_agent_counts_match_the_file(path: Path) -> None:
    coded = [ln for ln in _plain_lines(path) if "[" in ln]
    assert len(read_agents(path)) == len(coded)


def test_agent_forms_and_codes() -> None:
    agents = read_agents(VALIDATE / "PETR.Validate.agents.txt")
    assert agents.lookup("golden geese") == AgentCode("GGS", "suffix")  # {plural}
    assert agents.lookup("golden gooses") is None
    assert agents.lookup("ambassadors") == AgentCode("GOV", "suffix")  # regular plural
    assert agents.lookup("congresses") == AgentCode("LEG", "suffix")
    assert agents.lookup("police") == AgentCode("COP", "suffix")  # '[ ~COP]', {} no plural
    assert agents.lookup("polices") is None
    assert agents.lookup("human rights body") == AgentCode("NGO", "prefix")  # NGO~
    assert agents.lookup("congresswomen") == AgentCode("LEG", "suffix")  # !PERSON!
    assert agents.lookup("ministries of silly walks") == AgentCode("GOV", "suffix")
    assert AgentCode("GOV", "suffix").apply("ARN") == "ARNGOV"
    assert AgentCode("NGO", "prefix").apply("FRA") == "NGOFRA"
    # compared by 3-letter segments: the letters NGO inside ARNGOV are not the code NGO
    assert AgentCode("NGO", "prefix").apply("ARNGOV") == "NGOARNGOV"
    assert AgentCode("WGO", "suffix").apply("GMWGOV") == "GMWGOVWGO"
    assert AgentCode("GOVMED", "suffix").apply("HGWGOVMED") == "HGWGOVMED"
    assert AgentCode("GOV", "suffix").apply("ARNGOV") == "ARNGOV"


def test_phoenix_agents_with_their_quirks() -> None:
    agents = read_agents(PHOENIX / "Phoenix.agents.txt")
    assert agents.lookup("defense minist") == AgentCode("GOVMIL", "suffix")
    assert agents.lookup("deputies") == AgentCode("COP", "suffix")
    assert agents.lookup("deparment of environment") == AgentCode("ENV", "suffix")
    assert {w.line for w in agents.warnings} == {544, 1927}


def test_discards_and_issues() -> None:
    for path, total, story in [
        (VALIDATE / "PETR.Validate.discards.txt", 9, 4),
        (PHOENIX / "Phoenix.discards.txt", len(_plain_lines(PHOENIX / "Phoenix.discards.txt")), 64),
    ]:
        discards = read_discards(path)
        assert (len(discards), sum(e.story for e in discards.entries)) == (total, story)
    discards = read_discards(VALIDATE / "PETR.Validate.discards.txt")
    found = discards.first_match(["Fans", "at", "the", "World", "Golf", "Championships", "cheered"])
    assert found is not None and found.story
    issues = read_issues(PHOENIX / "Phoenix.IssueCoding.txt")
    assert issues.lookup("kindergarteners") == "EARLY_CHILDHOOD_EDUCATION"
    assert issues.lookup("pre-k") == "EARLY_CHILDHOOD_EDUCATION"
    assert len(issues.categories) == 52
    assert any(x.scope == "story" for x in issues.exclusions)


# ----------------------------------------------------------------------------- verbs


@pytest.mark.parametrize(
    ("path", "skipped"),
    # Phoenix's file: 2 patterns with an unbalanced ")" and 2 naming undefined synsets
    [(VALIDATE / "PETR.Validate.verbs.txt", 0), (PHOENIX / "CAMEO.2.0.txt", 4)],
    ids=["validate", "cameo"],
)
def test_verb_counts_match_the_file(path: Path, skipped: int) -> None:
    lines = _plain_lines(path)
    verbs = read_verbs(path)
    assert len(verbs.blocks) == sum(1 for ln in lines if ln.startswith("---"))
    patterns = sum(1 for ln in lines if ln.startswith("-") and not ln.startswith("---"))
    assert len(verbs.patterns) == patterns - skipped
    assert len(verbs.synsets) == sum(1 for ln in lines if ln.startswith("&"))
    assert len(verbs.transformations) == sum(1 for ln in lines if ln.startswith("~"))


def test_validate_verbs_synset_and_pattern() -> None:
    verbs = read_verbs(VALIDATE / "PETR.Validate.verbs.txt")
    currency = verbs.synsets["&CURRENCY"]
    assert ("AUSTRIAN", "FLORIN") in currency.forms()
    assert ("AUSTRIAN", "FLORINS") in currency.forms()
    assert verbs.synsets["&PREPOSIT1"].plurals is False
    agree = verbs.block("AGREE")
    assert agree is not None and agree.code is not None and agree.code.active == "081"
    pattern = next(p for p in agree.patterns if p.raw.startswith("- % *"))
    assert [t.kind for t in pattern.tokens] == ["compound", "verb"]
    assert (pattern.code.active, pattern.code.passive) == ("030", "030")
    joined = next(p for p in verbs.patterns if "NEW_&TIETYPES_RELATIONS" in p.raw)
    assert joined.line == 62 and joined.code.active == "903"
    assert [(t.kind, t.text, t.joined) for t in joined.post] == [
        ("word", "NEW", False),
        ("synset", "&TIETYPES", True),
        ("word", "RELATIONS", True),
    ]
    found = verbs.lookup("banned")
    assert found is not None and found.code is not None and found.code.active == "191"
    compound = verbs.lookup("KLM NOP RSTS")
    assert compound is not None and compound.form.verb == "RSTS"


def test_cameo_synset_pattern_and_transformation() -> None:
    verbs = read_verbs(PHOENIX / "CAMEO.2.0.txt")
    aux = verbs.synsets["&AUXVERB1"]
    assert aux.forms() == (("WAS",), ("WERE",), ("BEEN",))
    pattern = next(p for p in verbs.patterns if p.raw.startswith("- * POLICE (TO BORDER)"))
    assert pattern.line == 724 and pattern.block == "ACCELERATE"
    kinds = [t.kind for t in pattern.tokens]
    assert kinds == ["verb", "word", "pp_open", "word", "word", "pp_close"]
    assert pattern.code.active == "153" and pattern.comment == "RUSH"
    said = verbs.lookup("said")
    assert said is not None and said.block.name == "EXPLAIN_VERBAL"
    assert said.code is not None and said.code.active == "010"
    rule = verbs.transformations[2]
    assert rule.pattern.verb == "SAY" and rule.result == ("a", "b", "112")
    assert not isinstance(rule.pattern.target, str) and rule.pattern.target.verb == "ATTACK"
    appear = verbs.block("APPEAR")
    assert appear is not None
    court = next(p for p in appear.patterns if p.raw.startswith("- * (BEFORE COURT)"))
    assert (court.code.active, court.code.passive) == (None, "173")


# ----------------------------------------------------------------------------- XML


def test_unit_test_records_match_the_jsonl() -> None:
    records = list(read_records(DATA / "PETR.UnitTest.records.xml"))
    gold = [json.loads(line) for line in (DATA / "PETR.UnitTest.records.jsonl").open()]
    assert len(records) == len(gold) == 284
    assert sum(len(r.triples) for r in records) == 359
    for record, expected in zip(records, gold, strict=True):
        assert record.index == expected["record_index"]
        assert (record.id, record.date.strftime("%Y%m%d")) == (expected["id"], expected["date"])
        assert record.category == expected["category"]
        assert record.text == expected["text"]
        assert [list(t) for t in record.triples] == expected["gold_triples"]
        assert record.expects_no_event == expected["noevents"]
        assert record.expected_error == expected["error"]
        assert [" ".join(c.split()) for c in record.comments] == expected["comments"]
        assert " ".join((record.parse or "").split()) == " ".join(expected["parse"].split())


def test_environment_and_gigaword_sample() -> None:
    env = read_environment(DATA / "PETR.UnitTest.records.xml")
    assert env is not None
    assert env.verb_file == "PETR.Validate.verbs.txt"
    assert env.actor_files == ("PETR.Validate.actors.txt",)
    assert "DATE" in env.include and env.options["stop_on_error"] == "True"
    records = list(read_records(DATA / "GigaWord.sample.PETR.xml"))
    assert len(records) == 76 and not any(r.codings for r in records)
    assert records[0].source == "AFP" and records[0].sentence is True
    assert read_environment(DATA / "GigaWord.sample.PETR.xml") is None


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("reader", "text", "line"),
    [
        (read_actors, "GONDOR [GON]\n+MINAS_TIRITH\n\t[GON <95ab01]\n", 3),
        (read_actors, "# header\n+ORPHAN\n", 2),
        (read_actors, "ROHAN [ROH\n", 1),
        (read_actors, "ROHAN [ROH 20010101~20020101]\n", 1),
        (read_agents, "TROOP [MIL]\n", 1),
        (read_agents, "FOO {FEET [~MIL]\n", 1),
        (read_verbs, "--- MEET [031] ---\nMEET\n- * WITH +\n", 3),
        (read_verbs, "MEET\n", 1),
        (read_verbs, "--- MEET [031] ---\nMEET\n- * WITH + [03 1]\n", 3),
        (read_records, '<Sentences>\n<Sentence id="A" date="2001x">', 2),
        (read_records, "<Sentences>\n<Sentence>\n</Sentences>\n", 3),
    ],
)
def test_malformed_input_names_file_and_line(
    tmp_path: Path, reader: object, text: str, line: int
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        result = reader(path)  # type: ignore[operator]
        list(result) if reader is read_records else None
    assert f"{path}:{line}:" in str(caught.value)


def test_undefined_synset_skips_the_pattern_with_a_warning(tmp_path: Path, caplog) -> None:
    """A pattern naming a synset the file never defines is skipped, as PETRARCH does, and the
    user is told file:line (Phoenix's CAMEO.2.0.txt uses an undefined &WEATHER)."""
    from detente.events.matcher import PatternIndex
    from detente.interop.petrarch_patterns import load_petrarch_patterns

    path = tmp_path / "verbs.txt"
    path.write_text(
        "&ARMY\n+TROOPS\n+SOLDIERS\n\n"
        "--- ATTACK [190] ---\nATTACK\n- * &ARMY [190]\n- * (IN &WEATHER) [---]\n",
        encoding="utf-8",
    )
    with caplog.at_level("WARNING", logger="detente.petrarch"):
        dictionary = load_petrarch_patterns(path)
    PatternIndex(dictionary.patterns, dictionary.sets)  # compiles: no KeyError
    assert not any("WEATHER" in p.text for p in dictionary.patterns)
    assert any(p.text.startswith("* &ARMY") or "&ARMY" in p.text for p in dictionary.patterns)
    assert any(
        f"{path}:8:" in r.getMessage() and "&WEATHER" in r.getMessage() for r in caplog.records
    )


def test_phoenix_verb_file_codes_with_warnings(shared_data: Path, tmp_path: Path) -> None:
    """``detente code --verbs CAMEO.2.0.txt`` (Phoenix's file) codes, warning about its
    undefined synsets instead of dying."""
    from click.testing import CliRunner

    from detente.cli import main

    verbs = need(shared_data / "petrarch" / "phoenix_dictionaries" / "CAMEO.2.0.txt")
    text = tmp_path / "t.txt"
    text.write_text("Russia attacked Ukraine on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["code", str(text), "--verbs", str(verbs), "--no-store", "--jsonl", "-", "-q"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.strip().splitlines()[-1])
    assert [(e["source_code"], e["code"], e["target_code"]) for e in record["events"]] == [
        ("RUS", "190", "UKR")
    ]
