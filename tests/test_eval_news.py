"""`detente eval news`: the scoring rule of news_gold/GUIDELINES.md on tiny gold files, the
reader, the dateline shift, and floors on the real development gold."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import InputError
from detente.evaluate.news import (
    GoldArticle,
    GoldEvent,
    NewsReport,
    Prediction,
    as_article,
    codes_agree,
    evaluate,
    gold_scored,
    has_country,
    matches,
    prediction_scored,
    predictions_of,
    read_gold,
    score,
)
from detente.model import Article, CodedArticle, Event, Sentence

#: Floors pinned a little below what the coder reaches on the 40 dev articles (precision
#: 0.922, recall 0.346, F1 0.504): they ratchet up as the coder improves, never down silently.
FLOORS = {"precision": 0.91, "recall": 0.34, "f1": 0.50}
#: Issue 9: of the events matched at root level, the share whose source and target country
#: agree with the gold's; and the most sources without a country allowed.
PLACED_FLOORS = {"source country": 0.90, "target country": 0.90}
UNPLACED_CEILING = 0.05
DEV_ARTICLES = 40
DEV_SCORED_GOLD = 407

PRAISE = "Egypt praised Israel."
ACCUSE = "Iraq accused Iran of shelling the town."
TEXT = f"{PRAISE} {ACCUSE}"


# --- tiny gold files in the real format -------------------------------------------------------


def gold_item(text: str, sentence: str, code: str, source: list[str], target: list[str]) -> dict:
    start = text.index(sentence)
    return {
        "sentence": sentence,
        "start": start,
        "end": start + len(sentence),
        "trigger": sentence.split()[1],
        "source": source,
        "target": target,
        "code": code,
        "reported": False,
    }


def text_record(ident: str, text: str = TEXT, dateline: str = "") -> dict:
    """A record of news_dev/articles.jsonl (only the fields the reader uses, and a few more)."""
    return {
        "id": ident,
        "publisher": "Reuters",
        "title": "A test article",
        "date": "2015-03-05",
        "dateline": dateline,
        "text": text,
        "collection": "test",
    }


def write_gold(tmp_path: Path, texts: list[dict], annotations: list[dict]) -> Path:
    """news_gold/dev_a.jsonl with news_dev/articles.jsonl beside it, as in ../shared/data."""
    gold, dev = tmp_path / "news_gold", tmp_path / "news_dev"
    gold.mkdir()
    dev.mkdir()
    lines = "".join(json.dumps(t) + "\n" for t in texts)
    (dev / "articles.jsonl").write_text(lines, encoding="utf-8")
    lines = "".join(json.dumps(a) + "\n" for a in annotations)
    (gold / "dev_a.jsonl").write_text(lines, encoding="utf-8")
    return gold


def annotated(ident: str, *events: dict, annotated: str = "all sentences") -> dict:
    return {"id": ident, "annotated": annotated, "events": list(events)}


PRAISE_GOLD = gold_item(TEXT, PRAISE, "051", ["EGY", "EGYGOV"], ["ISR"])
ACCUSE_GOLD = gold_item(TEXT, ACCUSE, "112", ["IRQ"], ["IRN", "IRNMIL"])


# --- events built by hand ---------------------------------------------------------------------


def gold(code: str, sources=("IRQ",), targets=("IRN",), start=0, end=40, article="a"):
    return GoldEvent(article, start, end, "s", "t", tuple(sources), tuple(targets), code)


def predicted(code: str, source="IRQ", target="IRN", start=0, end=40, article="a", **flags):
    event = Event(
        id="e",
        sentence=0,
        start=0,
        end=1,
        code=code,
        root=code[:2],
        quad_class=1,
        goldstein=0.0,
        source_code=source,
        target_code=target,
        **flags,
    )
    return Prediction(article, start, end, "s", event)


def scored(gold_events, predictions) -> NewsReport:
    report = NewsReport()
    score(gold_events, predictions, report)
    return report


# --- the reader -------------------------------------------------------------------------------


def test_read_gold_reads_annotated_articles_with_their_texts(tmp_path):
    folder = write_gold(
        tmp_path,
        [text_record("r-1", dateline="CAIRO, March 5 -"), text_record("r-2")],
        [
            annotated("r-1", PRAISE_GOLD, gold_item(TEXT, ACCUSE, "190", ["IRQ"], [])),
            annotated("r-2", PRAISE_GOLD, annotated="first paragraph"),  # not exhaustive
        ],
    )
    (article,) = read_gold(folder)
    assert (article.id, article.text, article.publisher) == ("r-1", TEXT, "Reuters")
    assert (article.dateline, str(article.date)) == ("CAIRO, March 5 -", "2015-03-05")
    praise, attack = article.events
    assert article.text[praise.start : praise.end] == praise.sentence == PRAISE
    assert (praise.sources, praise.targets, praise.code) == (("EGY", "EGYGOV"), ("ISR",), "051")
    assert attack.targets == ()


def test_read_gold_takes_the_texts_from_elsewhere(tmp_path):
    folder = write_gold(tmp_path, [], [annotated("r-1", PRAISE_GOLD)])
    elsewhere = tmp_path / "texts.jsonl"
    elsewhere.write_text(json.dumps(text_record("r-1")) + "\n", encoding="utf-8")
    (article,) = read_gold(folder / "dev_a.jsonl", articles=elsewhere)
    assert article.dateline is None and len(article.events) == 1


@pytest.mark.parametrize(
    ("texts", "line", "reason"),
    [
        ([text_record("r-1")], json.dumps(annotated("r-9")), "'r-9' is not in"),
        ([text_record("r-1")], "{not json", "not JSON"),
        ([text_record("r-1")], "[1, 2]", "not a JSON object"),
        (
            [text_record("r-1")],
            json.dumps(annotated("r-1", {**PRAISE_GOLD, "start": "x"})),
            "not a gold event",
        ),
        (
            [text_record("r-1")],
            json.dumps(annotated("r-1", {k: v for k, v in PRAISE_GOLD.items() if k != "source"})),
            "not a gold event",
        ),
    ],
)
def test_read_gold_names_the_bad_line(tmp_path, texts, line, reason):
    folder = write_gold(tmp_path, texts, [])
    (folder / "dev_a.jsonl").write_text(f"\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=reason) as caught:
        read_gold(folder)
    assert caught.value.source.endswith("dev_a.jsonl:2")


def test_read_gold_needs_gold_files_and_texts(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \*\.jsonl gold files"):
        read_gold(tmp_path / "empty")
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    (lonely / "dev_a.jsonl").write_text(json.dumps(annotated("r-1")) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="article texts are not there"):
        read_gold(lonely)


# --- the scoring rule -------------------------------------------------------------------------


def test_a_perfect_prediction_scores_one():
    golds = [gold("051", ("EGY",), ("ISR",), 0, 21), gold("112", start=22, end=61)]
    predictions = [predicted("051", "EGYGOV", "ISR", 0, 21), predicted("112", start=22, end=61)]
    report = scored(golds, predictions)
    t = report.total
    assert (t.gold, t.predicted, t.matched) == (2, 2, 2)
    assert (t.precision, t.recall, t.f1) == (1.0, 1.0, 1.0)
    assert not report.misses and not report.false_alarms


def test_a_wrong_root_is_a_miss_and_a_false_alarm():
    attack, accusation = gold("190"), predicted("112")
    report = scored([attack], [accusation])
    assert report.misses == [attack] and report.false_alarms == [accusation]
    assert (report.total.precision, report.total.recall, report.total.f1) == (0.0, 0.0, 0.0)
    assert (report.per_root["19"].gold, report.per_root["19"].predicted) == (1, 0)
    assert (report.per_root["11"].gold, report.per_root["11"].predicted) == (0, 1)


def test_the_root_is_scored_and_the_exact_code_reported_apart():
    report = scored(
        [gold("190", ("IRQMIL",), start=0, end=10), gold("112", ("IRQGOV",), start=20, end=30)],
        [predicted("193", "IRQGOV", start=0, end=10), predicted("112", "IRQGOV", start=20, end=30)],
    )
    assert report.total.matched == 2
    assert (report.exact_code, report.source_six) == (1, 1)
    assert (report.exact_code_rate, report.source_six_rate) == (0.5, 0.5)


@pytest.mark.parametrize(
    ("mine", "theirs", "agree"),
    [
        ("IRQMIL", "IRQ", True),  # the country level: the first three letters
        ("IRQGOV", "IRN", False),
        ("RUSGOV", "USR", True),  # the Soviet Union counts as Russia
        ("SUNGOV", "RUSMIL", True),
        ("USRGOV", "SUN", True),
        ("USAGOV", "USR", False),
        ("IGOUNOHCR", "IGOUNO", True),  # two organisation codes: the first six letters
        ("IGOWSTNAT", "IGOUNO", False),
        ("NGOHRIAMN", "NGOHRI", True),
        ("IGOUNO", "IGO", True),  # a three-letter gold code: three letters
        ("IMGMOS", "IMG", True),  # a sector-only code: anything that starts with it
        ("REBSYR", "REB", True),
        ("SYRREB", "REB", False),
        ("irqmil", "IRQ", True),
    ],
)
def test_codes_agree_at_the_country_level(mine, theirs, agree):
    assert codes_agree(mine, theirs) is agree


@pytest.mark.parametrize(
    ("prediction", "agree"),
    [
        (predicted("112", start=5, end=45), True),  # sentences overlap
        (predicted("112", start=40, end=80), False),  # adjacent, no overlap
        (predicted("112", article="b"), False),  # another article
        (predicted("112", "IRNGOV"), False),  # source of another country
        (predicted("112", target="IRNMIL"), True),  # any listed alternative
        (predicted("112", target="TURGOV"), True),
        (predicted("112", target=None), False),
        (predicted("113"), True),  # same root, another code
    ],
)
def test_matches(prediction, agree):
    assert matches(prediction, gold("112", targets=("IRN", "TUR"))) is agree


def test_an_empty_gold_target_matches_only_an_empty_target():
    fighting = gold("190", targets=())
    assert matches(predicted("190", target=None), fighting)
    assert not matches(predicted("190", target="IRN"), fighting)


@pytest.mark.parametrize(
    ("event", "counts"),
    [
        (gold("010", targets=()), False),  # a bare statement
        (gold("016", targets=()), False),  # a denial with no target
        (gold("010", targets=("USAGOV",)), True),  # told someone political
        (gold("010", targets=("USAMED",)), False),  # told reporters
        (gold("043", targets=("MED",)), False),
        (gold("043", targets=("USAMED", "USAGOV")), True),  # not only the media
        (gold("190", targets=()), True),  # targetless acts other than 01x count
    ],
)
def test_gold_scored(event, counts):
    assert gold_scored(event) is counts


@pytest.mark.parametrize(
    ("prediction", "counts"),
    [
        (predicted("112"), True),
        (predicted("112", negated=True), False),
        (predicted("190", modality="future"), False),
        (predicted("190", modality="conditional"), False),
        (predicted("190", modality="hypothetical"), False),
        (predicted("190", target=None), False),  # détente's default output is dyadic
        (predicted("010", target="USAGOV"), True),
        (predicted("010", target="GBRMED"), False),
        (predicted("1246", negated=True), True),  # a negated cooperation is its refusal
    ],
)
def test_prediction_scored(prediction, counts):
    assert prediction_scored(prediction.event) is counts


def test_unscored_events_count_on_neither_side():
    report = scored(
        [gold("010", targets=()), gold("010", targets=("USAMED",))],
        [predicted("010", target="USAMED"), predicted("190", negated=True)],
    )
    assert (report.total.gold, report.total.predicted) == (0, 0)
    assert not report.misses and not report.false_alarms


def test_each_gold_event_matches_one_prediction():
    twice = [predicted("112"), predicted("112")]
    report = scored([gold("112")], twice)
    assert (report.total.matched, report.total.precision, report.total.recall) == (1, 0.5, 1.0)
    assert report.false_alarms == [twice[1]]


def test_each_prediction_matches_one_gold_event():
    report = scored([gold("112"), gold("112")], [predicted("112")])
    assert (report.total.matched, report.total.precision, report.total.recall) == (1, 1.0, 0.5)
    assert len(report.misses) == 1


def test_matching_is_greedy_in_text_order():
    """The first gold event takes the first prediction that fits it, even one a later gold
    event needed: the rule is greedy, not an optimal assignment."""
    wide, narrow = gold("112", ("IRQ", "IRN"), start=0, end=40), gold("112", start=0, end=40)
    first = predicted("112", "IRQ")
    report = scored([wide, narrow], [first, predicted("112", "IRN")])
    assert report.total.matched == 1
    assert report.misses == [narrow]


# --- the Reuters dateline ---------------------------------------------------------------------


def test_the_dateline_goes_back_in_front_and_offsets_come_back():
    dateline = "CAIRO, March 5 -"
    article = GoldArticle("r-1", TEXT, "t", None, "Reuters", dateline, ())
    coded_as, shift = as_article(article)
    assert coded_as.text == f"{dateline} {TEXT}" and coded_as.text[shift:] == TEXT
    assert (coded_as.source, coded_as.origin) == ("Reuters", "r-1")
    accuse_at = shift + TEXT.index(ACCUSE)
    coded = CodedArticle(
        article=Article(id="x", text=coded_as.text),
        pipeline_version="test",
        sentences=(
            Sentence(0, 0, shift + len(PRAISE)),
            Sentence(1, accuse_at, accuse_at + len(ACCUSE)),
        ),
        events=(dataclasses.replace(predicted("112").event, sentence=1), predicted("051").event),
    )
    first, second = sorted(predictions_of(article, coded, shift), key=lambda p: p.start)
    assert (first.start, first.sentence) == (0, PRAISE)  # the dateline cut off
    assert second.sentence == ACCUSE
    assert (second.start, second.end) == (ACCUSE_GOLD["start"], ACCUSE_GOLD["end"])


def test_without_a_dateline_nothing_shifts():
    _, shift = as_article(GoldArticle("g-1", TEXT, None, None, "The Guardian", None, ()))
    assert shift == 0


# --- the whole run on a tiny gold -------------------------------------------------------------


def test_evaluate_a_coded_article_with_a_dateline(tmp_path, nlp):
    """The reader, the coder and the shift together: both events found, in the gold's offsets."""
    folder = write_gold(
        tmp_path,
        [text_record("r-1", dateline="CAIRO, March 5 -")],
        [annotated("r-1", PRAISE_GOLD, ACCUSE_GOLD)],
    )
    report = evaluate(folder, nlp=nlp)
    assert report.articles == 1 and report.sentences >= 2
    assert (report.total.gold, report.total.predicted, report.total.matched) == (2, 2, 2)
    assert report.total.f1 == 1.0
    assert "misses" not in report.as_dict() and report.as_dict(with_errors=True)["misses"] == []


def test_false_alarms_are_placed_on_the_gold_text(tmp_path, nlp):
    folder = write_gold(
        tmp_path,
        [text_record("r-1", dateline="CAIRO, March 5 -")],
        [annotated("r-1", ACCUSE_GOLD)],
    )
    report = evaluate(folder, nlp=nlp)
    (alarm,) = report.false_alarms
    assert (alarm.start, alarm.sentence, alarm.event.root) == (0, PRAISE, "05")
    assert report.total.matched == 1


@pytest.fixture
def tiny_gold(tmp_path) -> Path:
    """One hit (the praise), one miss (no attack is coded), one false alarm (the accusation)."""
    attack = gold_item(TEXT, ACCUSE, "190", ["IRQ"], ["IRN"])
    return write_gold(tmp_path, [text_record("r-1")], [annotated("r-1", PRAISE_GOLD, attack)])


@pytest.mark.slow  # the CLI builds its own pipeline
def test_cli_prints_the_figures_as_json(tiny_gold):
    result = CliRunner().invoke(main, ["eval", "news", str(tiny_gold), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert {"articles", "gold", "predicted", "matched", "precision", "recall", "f1"} <= set(figures)
    assert {"exact_code_agreement", "source_agreement_six", "per_root"} <= set(figures)
    assert (figures["articles"], figures["gold"], figures["matched"]) == (1, 2, 1)
    assert (figures["precision"], figures["recall"]) == (0.5, 0.5)
    assert [m["code"] for m in figures["misses"]] == ["190"]
    assert [(f["source"], f["target"]) for f in figures["false_alarms"]] == [("IRQ", "IRN")]


@pytest.mark.slow  # the CLI builds its own pipeline
def test_cli_errors_list_misses_and_false_alarms(tiny_gold):
    result = CliRunner().invoke(main, ["eval", "news", str(tiny_gold), "--errors"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("news gold: 1 articles, 2 scored gold events")
    assert "r-1:" in lines
    assert f"  MISS  IRQ -> IRN 190 'accused': {ACCUSE}" in lines
    assert any(line.startswith("  FALSE IRQ -> IRN 11") and ACCUSE in line for line in lines)
    assert not any(PRAISE in line for line in lines)  # matched: neither miss nor false alarm


def test_cli_reports_a_bad_gold_in_one_line(tmp_path):
    (tmp_path / "dev_a.jsonl").write_text(json.dumps(annotated("r-1")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "news", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert result.output.startswith("detente: error: [E001]")
    assert "article texts are not there" in result.output


# --- the development gold ---------------------------------------------------------------------


@pytest.mark.slow
def test_floors_on_the_dev_gold(shared_data, nlp):
    report = evaluate(shared_data / "news_gold", nlp=nlp)
    assert (report.articles, report.total.gold) == (DEV_ARTICLES, DEV_SCORED_GOLD)
    reached = {
        "precision": report.total.precision,
        "recall": report.total.recall,
        "f1": report.total.f1,
    }
    below = {k: round(v, 4) for k, v in reached.items() if v < FLOORS[k]}
    assert not below, f"below the floors {FLOORS}: {below}"
    assert len(report.misses) == report.total.gold - report.total.matched
    assert len(report.false_alarms) == report.total.predicted - report.total.matched
    placed = {
        "source country": report.source_country_rate,
        "target country": report.target_country_rate,
    }
    below = {k: round(v, 4) for k, v in placed.items() if v < PLACED_FLOORS[k]}
    assert not below, f"below the floors {PLACED_FLOORS}: {below}"
    assert report.unplaced_source_rate <= UNPLACED_CEILING


# --- actors placed (issue 9) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "placed"),
    [
        ("IRQ", True),
        ("IRQMIL", True),
        ("IGOUNO", True),
        ("IMGALQ", True),
        ("USRGOV", True),
        ("GOV", False),
        ("MIL", False),
        ("REB", False),
        ("IGO", False),
        ("IMG", False),
        (None, False),
    ],
)
def test_a_source_without_a_country_is_a_bare_sector_or_type(code, placed):
    assert has_country(code) is placed


def test_country_agreement_is_counted_on_pairs_matched_by_sentence_and_root():
    report = scored(
        [gold("190", ("IRQ",), ("IRN",)), gold("111", ("USA",), ("RUS",), start=50, end=90)],
        [
            predicted("193", "IRQMIL", "SYR"),  # right root family, wrong target country
            predicted("111", "USAGOV", "RUS", start=50, end=90),
            predicted("042", "GOV", "RUS", start=50, end=90),  # no pair: another root
        ],
    )
    assert report.root_pairs == 2
    assert report.source_country_rate == 1.0
    assert report.target_country_rate == 0.5
    assert report.unplaced_sources == 1 and report.total.predicted == 3


def test_a_pair_prefers_the_prediction_whose_actors_match():
    report = scored(
        [gold("190", ("IRQ",), ("IRN",))],
        [predicted("190", "SYR", "TUR"), predicted("190", "IRQMIL", "IRN")],
    )
    assert report.root_pairs == 1 and report.root_target_agree == 1


def test_six_letter_source_agreement_reads_the_soviet_union_as_russia():
    report = scored([gold("040", ("RUSGOV",), ("USA",))], [predicted("040", "USRGOV", "USAGOV")])
    assert report.total.matched == 1 and report.source_six_rate == 1.0
