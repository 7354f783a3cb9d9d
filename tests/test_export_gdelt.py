"""GDELT 2.0 export: the files load as GDELT's own (61 and 16 columns) and match the store."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import SHARED_DATA, need
from detente.analysis.clusters import clusters, recompute_clusters
from detente.cli import main
from detente.errors import OutputError, StoreOutdated
from detente.exports.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, actor_fields, export_gdelt
from detente.model import Article, CodedArticle, Event, Mention, Place, Sentence, Tone
from detente.store import Store

CAMEO = SHARED_DATA / "cameo"
DAY = dt.date(2015, 3, 3)
LATER = dt.date(2015, 3, 7)
GDELT_DTYPES = {"INTEGER": "Int64", "FLOAT": "float64", "STRING": str}


def gdelt_events_header() -> list[tuple[str, str]]:
    path = need(CAMEO / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    with path.open(encoding="utf-8", newline="") as f:
        return [(row["tableId"], row["dataType"]) for row in csv.DictReader(f)]


def gdelt_mentions_header() -> list[tuple[str, str]]:
    path = need(CAMEO / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    return [(r[1], r[2]) for r in rows if r[2]]  # the last line, "Add New Fields", is no column


def read_gdelt(path, header) -> pd.DataFrame:
    return pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=[name for name, _ in header],
        dtype={name: GDELT_DTYPES[kind] for name, kind in header},
        keep_default_na=False,
        na_values=[""],
    )


def mention(mid, code, country, text, name=None) -> Mention:
    return Mention(mid, 0, 0, len(text), text, code=code, country=country, entity_name=name)


def coded(aid, events, mentions=(), places=(), url=None, source="Wire One", tone=None):
    return CodedArticle(
        article=Article(id=aid, text="x" * 120, url=url, source=source, published=DAY),
        pipeline_version="v1",
        sentences=(Sentence(0, 0, 60, 0), Sentence(1, 61, 120, 1)),
        mentions=tuple(mentions),
        events=tuple(events),
        places=tuple(places),
        tone=Tone(tone, 1, 2, 3, 4, 5, 100) if tone is not None else None,
    )


def event(eid, code, goldstein, quad, source, target, day=DAY, **more) -> Event:
    return Event(
        eid, more.pop("sentence", 0), 30, 38, code, code[:2], quad, goldstein,
        source_code=source, target_code=target, date=day, confidence=0.6, **more,
    )  # fmt: skip


@pytest.fixture
def store():
    with Store(":memory:") as s:
        s.write(
            [
                coded(
                    "a",
                    [
                        event(
                            "e0",
                            "0231",
                            3.4,
                            2,
                            "RUSGOVMIL",
                            "UKRGOV",
                            source_mention="m0",
                            target_mention="m1",
                            location="p0",
                        )
                    ],
                    mentions=[
                        mention("m0", "RUSGOVMIL", "RUS", "Sergei Shoigu", "Sergei Shoigu"),
                        mention("m1", "UKRGOV", "UKR", "Ukraine's government"),
                    ],
                    places=[
                        Place(
                            "p0",
                            40,
                            44,
                            "Kyiv",
                            name="Kyiv",
                            country="UKR",
                            lat=50.45,
                            lon=30.52,
                            feature="city",
                            gazetteer_id="703448",
                            role="event",
                        )
                    ],
                    url="https://a.example/1",
                    tone=-1.5,
                ),
                coded(
                    "b",
                    [event("e0", "023", 3.4, 2, "RUSGOV", "UKRGOV", sentence=1)],
                    source="Other Paper",
                    tone=0.5,
                ),
                coded("c", [event("e1", "020", 3.0, 1, "IGOWSTNAT", "RUS", day=LATER)]),
            ]
        )
        recompute_clusters(s.con)
        yield s


def test_events_load_as_gdelt_files_and_match_the_store(store, tmp_path):
    header = gdelt_events_header()
    assert tuple(name for name, _ in header) == EVENT_COLUMNS
    report = export_gdelt(store, tmp_path)
    assert (report.events, report.mentions, report.days) == (2, 3, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "20150303.export.CSV",
        "20150303.mentions.CSV",
        "20150307.export.CSV",
        "20150307.mentions.CSV",
    ]
    first = read_gdelt(tmp_path / "20150303.export.CSV", header)
    assert first.shape == (1, 61)
    row = first.iloc[0]
    (stored, later) = clusters(store.con)
    assert stored["global_id"] == row.GLOBALEVENTID
    assert (row.SQLDATE, row.MonthYear, row.Year) == (20150303, 201503, 2015)
    assert row.FractionDate == pytest.approx(2015 + (3 * 30 + 3) / 365, abs=1e-4)
    assert (row.EventCode, row.EventBaseCode, row.EventRootCode) == ("0231", "023", "02")
    assert (row.QuadClass, row.GoldsteinScale) == (stored["quad_class"], stored["goldstein"])
    assert (row.NumMentions, row.NumSources, row.NumArticles) == (2, 2, 2)
    assert row.AvgTone == pytest.approx(-0.5)
    assert (row.Actor1Code, row.Actor1Name, row.Actor1CountryCode) == (
        "RUSGOVMIL",
        "SERGEI SHOIGU",
        "RUS",
    )
    assert (row.Actor1Type1Code, row.Actor1Type2Code) == ("GOV", "MIL")
    assert pd.isna(row.Actor1Type3Code) and pd.isna(row.Actor1KnownGroupCode)
    assert (row.Actor2Code, row.Actor2CountryCode, row.Actor2Type1Code) == ("UKRGOV", "UKR", "GOV")
    assert row.IsRootEvent == 1
    assert (row.ActionGeo_Type, row.ActionGeo_FullName, row.ActionGeo_CountryCode) == (
        4,
        "Kyiv, Ukraine",
        "UP",  # FIPS 10-4, as GDELT
    )
    assert (row.ActionGeo_Lat, row.ActionGeo_Long) == (50.45, 30.52)
    assert pd.isna(row.Actor1Geo_Type) and pd.isna(row.ActionGeo_ADM1Code)
    assert len(str(row.DATEADDED)) == 14 and row.SOURCEURL == "https://a.example/1"

    nato = read_gdelt(tmp_path / "20150307.export.CSV", header).iloc[0]
    assert (nato.EventCode, nato.EventBaseCode, nato.EventRootCode) == ("020", "020", "02")
    assert (nato.Actor1Type1Code, nato.Actor1KnownGroupCode) == ("IGO", "NAT")
    assert pd.isna(nato.Actor1CountryCode) and nato.Actor2CountryCode == "RUS"
    assert later["global_id"] == nato.GLOBALEVENTID and pd.isna(nato.SOURCEURL)


def test_an_actor_written_as_a_pronoun_is_named_by_its_antecedent(tmp_path):
    pronoun = dataclasses.replace(
        mention("m1", "RUSGOV", "RUS", "he"), kind="pronoun", antecedent="m0"
    )
    record = coded(
        "p",
        [event("e0", "111", -2.0, 3, "RUSGOV", "UKRGOV", source_mention="m1", source_text="he")],
        mentions=[mention("m0", "RUSGOV", "RUS", "the Russian minister"), pronoun],
    )
    with Store(":memory:") as store:
        store.write([record])
        recompute_clusters(store.con)
        export_gdelt(store, tmp_path)
    row = read_gdelt(tmp_path / "20150303.export.CSV", gdelt_events_header()).iloc[0]
    assert row.Actor1Name == "THE RUSSIAN MINISTER" and pd.isna(row.Actor2Name)


def test_mentions_point_at_each_reporting_sentence(store, tmp_path):
    header = gdelt_mentions_header()
    assert tuple(name for name, _ in header) == MENTION_COLUMNS
    export_gdelt(store, tmp_path)
    rows = read_gdelt(tmp_path / "20150303.mentions.CSV", header)
    assert rows.shape == (2, 16)
    web, citation = rows.iloc[0], rows.iloc[1]
    assert (web.MentionType, web.MentionIdentifier, web.MentionSourceName) == (
        1,
        "https://a.example/1",
        "wire one",
    )
    assert (citation.MentionType, citation.MentionIdentifier) == (2, "b")
    assert (web.SentenceID, citation.SentenceID) == (1, 2)
    assert (web.Actor1CharOffset, web.ActionCharOffset, web.Confidence) == (0, 30, 60)
    assert (web.MentionDocLen, web.MentionDocTone) == (120, -1.5)
    assert rows.GLOBALEVENTID.nunique() == 1 and pd.isna(web.InRawText)


def test_exporting_again_writes_the_same_bytes_and_leaves_no_temporary_file(store, tmp_path):
    export_gdelt(store, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    export_gdelt(store, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_dates_filter_the_days(store, tmp_path):
    report = export_gdelt(store, tmp_path, since=LATER)
    assert (report.events, report.mentions, report.days) == (1, 1, 1)


@pytest.mark.parametrize(
    ("code", "country", "fields"),
    [
        ("RUSGOVMIL", "RUS", ["RUS", None, None, None, None, "GOV", "MIL", None]),
        ("IGOUNOREFHCR", None, [None, "HCR", None, None, None, "IGO", "UNO", "REF"]),
        ("IRNRELSHI", None, ["IRN", None, None, "SHI", None, None, None, None]),
        ("IGOWSTNAT", None, [None, "NAT", None, None, None, "IGO", None, None]),
        (None, None, [None] * 8),
    ],
)
def test_actor_codes_split_into_gdelt_columns(code, country, fields):
    assert actor_fields(code, country) == fields


def test_an_output_that_is_a_file_is_refused(store, tmp_path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file"):
        export_gdelt(store, target)


def test_cli_prints_row_counts_and_refuses_an_old_store(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write([coded("a", [event("e0", "040", 1.0, 1, "NORGOV", "JPNGOV")])])
        recompute_clusters(store.con)
    out = tmp_path / "gdelt"
    result = CliRunner().invoke(main, ["export", "gdelt", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "wrote 1 events (export) and 1 mentions over 1 days" in result.output
    with Store(db) as store:
        store.con.execute("DROP VIEW event_mentions")
        store.con.execute("DROP TABLE event_clusters")
    result = CliRunner().invoke(main, ["export", "gdelt", str(out), "--db", str(db)])
    assert result.exit_code == 2 and "[E015]" in result.output
    with pytest.raises(StoreOutdated):
        export_gdelt(db, out)
