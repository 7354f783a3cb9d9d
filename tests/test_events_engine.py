"""The event engine on patterns written for the test, so it is tested apart from our dictionary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.api import code_text
from detente.errors import DictionaryError
from detente.events.dates import event_date
from detente.events.patterns import load_patterns, parse_pattern
from detente.events.stage import Trace
from detente.model import Article
from detente.pipeline import DEFAULT_MODEL, STAGES, build_pipeline, make_doc

PATTERNS = """
@set MEETING_VERB: meet "hold talks" "held talks" "holds talks"
042  S visit T
040  S $MEETING_VERB with T
111  S criticize T
111  S cite among them ...30 of T
112  S accuse T of
027  S must find solutions to ... problems | mutual
190  S attack|hit T
0874 S withdraw from T | nopassive
141  S protest | notarget
"""


@pytest.fixture(scope="module", params=["parsed", "fast"])
def nlp(request, tmp_path_factory):
    """The engine with the test's patterns, on the parsed pipeline and on the rule-only one:
    both must code these sentences alike."""
    folder = tmp_path_factory.mktemp("patterns")
    (folder / "test.txt").write_text(PATTERNS, encoding="utf-8")
    model = "" if request.param == "fast" else DEFAULT_MODEL
    pipeline = build_pipeline(model, stages=STAGES[: STAGES.index("detente_events_v1")])
    pipeline.add_pipe("detente_events_v1", config={"patterns_path": str(folder)})
    return pipeline


def triples(nlp, text, **flags):
    record = code_text(text, nlp=nlp, published=dt.date(2012, 7, 25))
    out = []
    for e in record.events:
        extra = tuple(getattr(e, name) for name in flags)
        out.append((e.source_code, e.code, e.target_code, *extra))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia criticized NATO.", [("RUS", "111", "IGOWSTNAT")]),
        ("Russia on Tuesday sharply criticised NATO.", [("RUS", "111", "IGOWSTNAT")]),
        ("NATO was criticized by Russia.", [("RUS", "111", "IGOWSTNAT")]),
        ("NATO was sharply criticized by Russia on Monday.", [("RUS", "111", "IGOWSTNAT")]),
        ("Russia criticized China and Iran.", [("RUS", "111", "CHN"), ("RUS", "111", "IRN")]),
        ("Russia and China held talks with Iran.", [("RUS", "040", "IRN"), ("CHN", "040", "IRN")]),
        ("Russian troops attacked Ukrainian positions.", [("RUSMIL", "190", "UKR")]),
        ("Russia accused Georgia of provocations.", [("RUS", "112", "GEO")]),
        ("Iran criticized Iran.", []),
        ("Russia criticized the weather.", []),
    ],
)
def test_who_did_what_to_whom(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_relative_clause_does_not_take_the_source(nlp):
    text = "Russian President Vladimir Putin, who met Chinese officials, criticized NATO."
    assert ("RUSGOV", "111", "IGOWSTNAT") in triples(nlp, text)
    assert all(source != "CHNGOV" for source, _, _ in triples(nlp, text))


def test_mutual_compound(nlp):
    found = triples(nlp, "Russia and NATO must find solutions to the problems.", compound=True)
    assert sorted(found) == [("IGOWSTNAT", "027", "RUS", True), ("RUS", "027", "IGOWSTNAT", True)]


def test_notarget(nlp):
    assert triples(nlp, "Ukraine protested.") == [("UKR", "141", None)]


def test_passive_turned_off(nlp):
    assert triples(nlp, "Iraq was withdrawn from Kuwait by Iran.") == []


@pytest.mark.parametrize(
    ("text", "negated", "modality"),
    [
        ("Russia did not attack Ukraine.", True, None),
        ("Russia never attacked Ukraine.", True, None),
        ("Russia will attack Ukraine.", False, "future"),
        ("Russia could attack Ukraine.", False, "conditional"),
        ("If talks fail, Russia attacks Ukraine.", False, "conditional"),
        ("Russia attacked Ukraine.", False, None),
    ],
)
def test_negation_and_modality_are_flagged(nlp, text, negated, modality):
    assert triples(nlp, text, negated=True, modality=True) == [
        ("RUS", "190", "UKR", negated, modality)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin said Iraq attacked Iran.",
        "Russian President Vladimir Putin said on Monday that Iraq attacked Iran.",
        "Iraq attacked Iran, Russian President Vladimir Putin said.",
        "Iraq attacked Iran, said Russian President Vladimir Putin.",
    ],
)
def test_reported_speech_codes_the_reported_event(nlp, text):
    assert triples(nlp, text, reported=True) == [("IRQ", "190", "IRN", True)]


def test_speaker_for_his_own_side(nlp):
    text = "Russia and NATO must find solutions to the problems, Russian Deputy Defense Minister Anatoly Antonov said."
    assert triples(nlp, text, reported=True) == [("RUSGOVMIL", "027", "IGOWSTNAT", False)]


def test_sports_are_discarded(nlp):
    assert (
        triples(nlp, "Brazil attacked Argentina in the second half of the World Cup semi-final.")
        == []
    )


def test_headline_repeated_by_the_lead_is_one_event(nlp):
    text = "Russia criticizes NATO\n\nMOSCOW, July 25 (Itar-Tass) - Russia criticized NATO on Wednesday."
    record = code_text(text, nlp=nlp, published=dt.date(2012, 7, 25))
    assert [(e.source_code, e.code, e.target_code, e.sentence) for e in record.events] == [
        ("RUS", "111", "IGOWSTNAT", 2)  # sentence 1 is the dateline
    ]


def test_event_provenance(nlp):
    record = code_text("Russia criticized NATO on Monday.", nlp=nlp, published=dt.date(2012, 7, 25))
    (event,) = record.events
    assert record.article.text[event.start : event.end] == "criticized"
    assert event.pattern_id == "111:S criticize T"
    assert (event.root, event.quad_class, event.goldstein) == ("11", 3, -2.0)
    assert event.plover_type == "ACCUSE"
    assert event.date == dt.date(2012, 7, 23)
    assert "Monday" in event.date_resolution
    assert event.source_mention and event.target_mention
    assert 0 < event.confidence < 1


def test_the_seed_long_gap_complaint(nlp, seed_text):
    record = code_text(seed_text, nlp=nlp)
    found = {(e.source_code, e.code, e.target_code) for e in record.events}
    assert ("RUSGOVMIL", "027", "IGOWSTNAT") in found
    assert ("RUSGOVMIL", "111", "IGOWSTNAT") in found
    assert all(e.date == dt.date(2012, 7, 25) for e in record.events)


def test_trace_says_why(nlp):
    doc = nlp(
        make_doc(nlp, Article(id="x", text="Iran criticized Iran. Russia did not attack Ukraine."))
    )
    trace = Trace()
    nlp.get_pipe("detente_events_v1").code(doc, trace)
    assert any("acting on itself" in line for line in trace.lines)
    assert any("CODED RUS -> UKR 190" in line and "negated" in line for line in trace.lines)


@pytest.mark.parametrize(
    ("sentence", "expected", "how"),
    [
        ("Russia criticized NATO on Wednesday.", dt.date(2012, 7, 25), "Wednesday"),
        ("Russia criticized NATO on Tuesday.", dt.date(2012, 7, 24), "Tuesday"),
        ("Russia criticized NATO yesterday.", dt.date(2012, 7, 24), "yesterday"),
        ("Russia criticized NATO last week.", dt.date(2012, 7, 18), "last week"),
        ("Russia criticized NATO on July 20.", dt.date(2012, 7, 20), "July 20"),
        ("Russia criticized NATO on 3 December.", dt.date(2011, 12, 3), "3 December"),
        ("Russia criticized NATO.", dt.date(2012, 7, 25), "dateline date"),
    ],
)
def test_event_dates(sentence, expected, how):
    date, resolution = event_date(sentence, dt.date(2012, 7, 25), "dateline date")
    assert date == expected
    assert how in resolution


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("042  S visit T T", "S and T may each appear once"),
        ("042  visit", "needs S or T"),
        ("042  S to T", "no anchor"),
        ("042  S Visit T", "not a lower-case word"),
        ("042  S visit T | sometimes", "unknown flag"),
        ("999  S visit T", "not a CAMEO event code"),
        ("042  S $NOWHERE T", "not defined"),
        ("042  ... S visit T", "cannot start or end"),
    ],
)
def test_malformed_patterns_name_file_and_line(tmp_path, line, reason):
    path = tmp_path / "bad.txt"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=reason) as caught:
        load_patterns(tmp_path)
    assert f"{path}:2" in str(caught.value)


def test_pattern_ids_are_code_and_text():
    assert parse_pattern("042", "S  visit   T").id == "042:S visit T"


def test_pattern_files_need_codes_of_their_root(tmp_path):
    (tmp_path / "04_consult.txt").write_text("111  S criticize T\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="does not belong to root 04"):
        load_patterns(Path(tmp_path))


def test_a_negated_cooperative_act_is_coded_as_cameo_does(nlp):
    """ "did not withdraw" is a refusal to de-escalate (1246), not a withdrawal (negation.tsv)."""
    assert triples(nlp, "Iraq did not withdraw from Kuwait.", negated=True) == [
        ("IRQ", "1246", "KWT", True)
    ]


def test_a_negated_conflict_act_is_kept_flagged(nlp):
    assert triples(nlp, "Russia did not attack Ukraine.", negated=True) == [
        ("RUS", "190", "UKR", True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia was hit by Ukraine.", [("UKR", "190", "RUS")]),
        ("Russia is attacking Ukraine.", [("RUS", "190", "UKR")]),
    ],
)
def test_only_a_participle_makes_a_passive(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_an_apposition_after_the_source_is_skipped(nlp):
    text = "Putin, President of Russia, criticized NATO."
    assert triples(nlp, text) == [("RUSGOV", "111", "IGOWSTNAT")]


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_dates_at_the_calendars_ends_do_not_crash(published):
    """A published date at year 1 or 9999: relative and explicit dates cannot be computed, the
    event keeps the article's date."""
    from detente.events.dates import event_date

    for sentence in (
        "Iran attacked Iraq yesterday.",
        "Iran attacked Iraq on Friday.",
        "Iran attacked Iraq on November 9.",
        "Iran attacked Iraq last week.",
    ):
        date, how = event_date(sentence, published, "article date")
        assert date is not None and how
