"""The PETRARCH unit-test suite as a gate (issue 4 point 5): conversion, arithmetic, floor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import need
from detente.cli import main
from detente.evaluate.petrarch import (
    RecordOutcome,
    evaluate_petrarch,
    event_triples,
    judge,
    tally,
)
from detente.events.patterns import SET, SKIP, SOURCE, TARGET, WORD
from detente.events.stage import EventStage
from detente.interop.petrarch_patterns import LOOSE, load_petrarch_patterns
from detente.interop.petrarch_xml import EventCoding, PetrarchRecord
from detente.model import Article
from detente.pipeline import build_pipeline, make_doc

#: Records exact we reach on the raw text (issue 4 asks for 85%; ratchet up, never down).
RECORDS_EXACT_FLOOR = 85.0
TRIPLE_F1_FLOOR = 0.89

VERBS = """
&TIES
+MILITARY
+ECONOMIC

--- ABANDON  [345]  ---
ABANDON
- * NEW_&TIES_RELATIONS [903]
- * DIPLOMATIC TIES [901]

--- ARRIVE  [032:033]  ---
ARRIVE

--- AGREE  [081] ---
AGREE
- % * [030:030]

--- CELEBRATE  [181] ---
CELEBRATE
- * EID AT ^ WITH +  [043]

--- CRITICIZE  [121]  ---
CRITICIZE
- HEAVILY *   [122]

--- SHOULD  [101]  ---
SHOULD

--- ACT  [---]  ---
ACT
- INDICATED SHOULD *   [1011]

--- RIOT  [181]  ---
RIOT
- *_POLICE  [---]
"""

ACTORS = """
ARNOR_  [ARN]
GONDOR [GON]
OSGILIATH  [OSG]
"""


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("petrarch")
    (folder / "verbs.txt").write_text(VERBS, encoding="utf-8")
    (folder / "actors.txt").write_text(ACTORS, encoding="utf-8")
    return folder


def test_conversion_keeps_tabari_gaps_and_default_slots(dictionaries: Path) -> None:
    converted = load_petrarch_patterns(dictionaries / "verbs.txt")
    by_text = {p.text: p for p in converted.patterns if p.text != "*"}
    bare_of = {p.id.rsplit(":", 1)[1]: p for p in converted.patterns if p.text == "*"}
    tied = by_text["- * NEW_&TIES_RELATIONS [903]"]
    kinds = [(e.kind, e.gap) for e in tied.elements]
    # default source before, default target right after the verb, then the words
    assert kinds == [
        (SOURCE, kinds[0][1]),
        (WORD, 0),
        (TARGET, kinds[2][1]),
        (WORD, LOOSE),
        (SET, 0),
        (WORD, 0),
    ]
    anchor = tied.elements[tied.anchor_index]
    assert set(anchor.values) == {"abandon", "abandons", "abandoned", "abandoning"}
    assert all(anchor.exact)
    assert converted.sets["TIES"] == ("military", "militaries", "economic", "economics")
    bare = bare_of["ARRIVE"]
    assert (bare.code, bare.reverse) == ("032", "033")
    mutual = by_text["- % * [030:030]"]
    assert "mutual" in mutual.flags and not mutual.has_target
    skip = by_text["- * EID AT ^ WITH +  [043]"]
    assert SKIP in [e.kind for e in skip.elements]
    null = by_text["- *_POLICE  [---]"]
    assert "discard" in null.flags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arnor will abandon new economic relations with Gondor.", {("ARN", "GON", "903")}),
        ("Arnor will abandon new global economic relations with Gondor.", {("ARN", "GON", "345")}),
        ("Arnor will abandon full diplomatic ties with Gondor.", {("ARN", "GON", "901")}),
        ("Arnor arrived in Gondor on Monday.", {("ARN", "GON", "032"), ("GON", "ARN", "033")}),
        (
            "Arnor and Gondor agree that the dispute is over.",
            {("ARN", "GON", "030"), ("GON", "ARN", "030")},
        ),
        ("Arnor celebrated Eid at Osgiliath with Gondor.", {("ARN", "GON", "043")}),
        # a passive without "by" keeps the active reading (the subject is the source)
        ("Arnor was criticized over its dispute with Gondor.", {("ARN", "GON", "121")}),
        ("Arnor was heavily criticized over its dispute with Gondor.", {("ARN", "GON", "122")}),
        # SHOULD is a word of the longer pattern, not a predicate of its own
        ("Arnor indicated it should have acted against Gondor.", {("ARN", "GON", "1011")}),
    ],
)
def test_converted_patterns_code_sentences(dictionaries: Path, text: str, expected: set) -> None:
    nlp = build_pipeline(
        stages=("detente_sentences_v1", "detente_dateline_v1", "detente_actors_v1"),
        actors_files=[str(dictionaries / "actors.txt")],
        petrarch_only=True,
    )
    stage = EventStage(load_petrarch_patterns(dictionaries / "verbs.txt"), any_code=True)
    doc = stage(nlp(make_doc(nlp, Article(id="t", text=text, published=dt.date(1995, 1, 1)))))
    assert set(event_triples(doc._.events)) == expected


def test_verbs_files_give_the_events_stage_petrarch_patterns(dictionaries: Path) -> None:
    """build_pipeline(verbs_files=...) (the setting, ``detente code --verbs``) codes with them."""
    from detente import api

    nlp = build_pipeline(
        actors_files=[str(dictionaries / "actors.txt")],
        petrarch_only=True,
        verbs_files=[str(dictionaries / "verbs.txt")],
    )
    record = api.code_text("Arnor will abandon full diplomatic ties with Gondor.", nlp=nlp)
    assert {(e.source_code, e.target_code, e.code) for e in record.events} == {
        ("ARN", "GON", "901")
    }


def test_without_require_dyad_an_event_lacks_its_target(dictionaries: Path) -> None:
    """PETRARCH's require_dyad=false codes "Arnor will abandon ..." with the target ---."""
    nlp = build_pipeline(
        stages=("detente_sentences_v1", "detente_dateline_v1", "detente_actors_v1"),
        actors_files=[str(dictionaries / "actors.txt")],
        petrarch_only=True,
    )
    stage = EventStage(load_petrarch_patterns(dictionaries / "verbs.txt"), any_code=True)
    text = "Arnor will abandon its plans."
    article = Article(id="t", text=text, published=dt.date(1995, 1, 1))
    assert event_triples(stage(nlp(make_doc(nlp, article)))._.events) == ()
    loose = stage.configured(require_dyad=False)
    assert loose.index is stage.index and stage.require_dyad
    doc = loose(nlp(make_doc(nlp, article)))
    assert event_triples(doc._.events) == (("ARN", "---", "345"),)


def test_config_between_records_applies_from_there_on(tmp_path: Path) -> None:
    from detente.interop.petrarch_xml import read_records

    xml = tmp_path / "suite.xml"
    xml.write_text(
        '<Sentences><Environment><Config option="require_dyad" value="true"/></Environment>'
        '<Sentence date="19950101" id="A"><Text>a</Text></Sentence>'
        '<Config option="require_dyad" value="false"/>'
        '<Sentence date="19950101" id="B"><Text>b</Text></Sentence></Sentences>',
        encoding="utf-8",
    )
    options = [dict(r.options) for r in read_records(xml)]
    assert options == [{"require_dyad": "true"}, {"require_dyad": "false"}]


def _record(index: int, triples: list[tuple[str, str, str]], **special: str) -> PetrarchRecord:
    codings = tuple(EventCoding(s, t, c, False, None, {}) for s, t, c in triples)
    if special.get("noevents"):
        codings = (EventCoding(None, None, None, True, None, {}),)
    if special.get("error"):
        codings = (EventCoding(None, None, None, False, special["error"], {}),)
    return PetrarchRecord(
        f"R-{index}",
        dt.date(1995, 1, 1),
        "DEMO",
        True,
        None,
        "text",
        None,
        codings,
        (),
        {},
        index,
        1,
    )


def test_report_arithmetic_on_a_tiny_case() -> None:
    outcomes: list[RecordOutcome] = [
        judge(_record(0, [("ARN", "GON", "064")]), [("ARN", "GON", "064")]),  # pass
        judge(_record(1, [("ARN", "GON", "064"), ("GON", "ARN", "064")]), [("ARN", "GON", "064")]),
        judge(_record(2, [], noevents="True"), [("ARN", "GON", "111")]),  # spurious
        judge(_record(3, [], error="storydiscard"), []),  # rejected as expected
        judge(_record(4, [("ARN", "GON", "064")]), [("ARN", "GON", "111")], included=False),
    ]
    report = tally("suite.xml", outcomes, 0.5)
    assert (report.records, report.passed) == (4, 2)
    assert report.rate == pytest.approx(50.0)
    assert (report.true_positives, report.false_positives, report.false_negatives) == (2, 1, 1)
    assert report.precision == pytest.approx(2 / 3)
    assert report.recall == pytest.approx(2 / 3)
    assert report.f1 == pytest.approx(2 / 3)
    assert report.failures_by_category() == {"DEMO": 2}
    assert report.failures_by_kind() == {"wrong actors": 1, "spurious": 1}
    assert report.as_dict()["records_exact_pct"] == 50.0


@pytest.mark.slow
def test_petrarch_suite_floor(shared_data: Path) -> None:
    xml = need(shared_data / "petrarch" / "PETR.UnitTest.records.xml")
    report = evaluate_petrarch(xml)
    assert report.records == 281
    assert report.rate >= RECORDS_EXACT_FLOOR, report.failures_by_category()
    assert report.f1 >= TRIPLE_F1_FLOOR


@pytest.mark.slow
def test_eval_petrarch_command_prints_figures(shared_data: Path) -> None:
    xml = need(shared_data / "petrarch" / "PETR.UnitTest.records.xml")
    result = CliRunner().invoke(main, ["eval", "petrarch", str(xml), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["records"] == 281
    assert figures["records_exact_pct"] >= RECORDS_EXACT_FLOOR
    assert set(figures["triples"]) >= {"precision", "recall", "f1"}
    table = CliRunner().invoke(main, ["eval", "petrarch", str(xml)])
    assert "records exact" in table.output and "failures by category" in table.output
