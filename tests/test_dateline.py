"""Dateline recognition and year resolution (detente.ingest.dateline)."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from detente.errors import DictionaryError
from detente.ingest.dateline import (
    MIN_YEAR,
    ROLLOVER_DAYS,
    default_agencies,
    find_dateline,
    load_agencies,
    narrow_year,
    weekday_years,
)

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_fd0e43336b3b30d0.txt"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TODAY = dt.date(2025, 6, 1)
BODY = " Officials said the talks would resume on the next day."

# (dateline, place as written, place_normalized, agency, month, day, year written in it)
POSITIVE = [
    ("MOSCOW, July 25 (Itar-Tass) -", "MOSCOW", "Moscow", "ITAR-TASS", 7, 25, None),
    ("MOSCOW, JULY 25 (ITAR-TASS) -", "MOSCOW", "Moscow", "ITAR-TASS", 7, 25, None),
    ("Moscow, July 25 (Itar-Tass) -", "Moscow", "Moscow", "ITAR-TASS", 7, 25, None),
    ("Moscow (TASS) -", "Moscow", "Moscow", "ITAR-TASS", None, None, None),
    ("MOSCOW, July 25 (ITAR TASS) -", "MOSCOW", "Moscow", "ITAR-TASS", 7, 25, None),
    ("WASHINGTON (Reuters) -", "WASHINGTON", "Washington", "Reuters", None, None, None),
    ("BEIRUT, Lebanon (AP) —", "BEIRUT", "Beirut", "AP", None, None, None),
    ("LONDON, Feb 3 (Reuters) -", "LONDON", "London", "Reuters", 2, 3, None),
    ("KYIV, Ukraine —", "KYIV", "Kyiv", None, None, None, None),
    ("Brussels, 25 July 2012 (AFP) -", "Brussels", "Brussels", "AFP", 7, 25, 2012),
    (
        "UNITED NATIONS, Oct 1 (Xinhua) --",
        "UNITED NATIONS",
        "United Nations",
        "Xinhua",
        10,
        1,
        None,
    ),
    ("NEW DELHI, March 3, 2019 /PTI/ -", "NEW DELHI", "New Delhi", "PTI", 3, 3, 2019),
    ("TOKYO (Kyodo) --", "TOKYO", "Tokyo", "Kyodo", None, None, None),
    ("GAZA CITY, Aug. 12 —", "GAZA CITY", "Gaza City", None, 8, 12, None),
    ("BEIJING, Sept. 5 (Xinhua) --", "BEIJING", "Beijing", "Xinhua", 9, 5, None),
    (
        "ST. PETERSBURG, Dec 1 (Interfax) -",
        "ST. PETERSBURG",
        "St. Petersburg",
        "Interfax",
        12,
        1,
        None,
    ),
    ("SAN JOSE, Costa Rica, Jan. 2 (AP) —", "SAN JOSE", "San Jose", "AP", 1, 2, None),
    ("GENEVA, Sep 3 (Reuters) -", "GENEVA", "Geneva", "Reuters", 9, 3, None),
    ("PARIS, Sept 3 (AFP) -", "PARIS", "Paris", "AFP", 9, 3, None),
    ("PARIS, July 25th (AFP) -", "PARIS", "Paris", "AFP", 7, 25, None),
    ("LONDON, 25 July (Reuters) -", "LONDON", "London", "Reuters", 7, 25, None),
    ("MOSCOW, July 25, 2012 (Itar-Tass) -", "MOSCOW", "Moscow", "ITAR-TASS", 7, 25, 2012),
    ("Moscow, Wednesday, July 25 (AFP) -", "Moscow", "Moscow", "AFP", 7, 25, None),
    ("Kyiv, 3 March 2022 (Ukrinform) -", "Kyiv", "Kyiv", "Ukrinform", 3, 3, 2022),
    ("KYIV (UNIAN) -", "KYIV", "Kyiv", "UNIAN", None, None, None),
    ("BAGHDAD, March 5 -", "BAGHDAD", "Baghdad", None, 3, 5, None),
    ("TEL AVIV, April 9 -", "TEL AVIV", "Tel Aviv", None, 4, 9, None),
    ("MOSCOW -- ", "MOSCOW", "Moscow", None, None, None, None),
    ("LONDON:", "LONDON", "London", None, None, None, None),
    ("NEW DELHI:", "NEW DELHI", "New Delhi", None, None, None, None),
    ("ISLAMABAD, June 1 (APP):", "ISLAMABAD", "Islamabad", "APP", 6, 1, None),
    ("TEHRAN (IRNA) --", "TEHRAN", "Tehran", "IRNA", None, None, None),
    ("PYONGYANG, Jan. 1 (KCNA) --", "PYONGYANG", "Pyongyang", "KCNA", 1, 1, None),
    ("SEOUL, Jan. 1 (Yonhap) --", "SEOUL", "Seoul", "Yonhap", 1, 1, None),
    ("ANKARA (Anadolu Agency) -", "ANKARA", "Ankara", "Anadolu", None, None, None),
    ("CAIRO, May 3 (MENA) -", "CAIRO", "Cairo", "MENA", 5, 3, None),
    ("KUALA LUMPUR, Jan 5 (Bernama) --", "KUALA LUMPUR", "Kuala Lumpur", "Bernama", 1, 5, None),
    ("JAKARTA (Antara) -", "JAKARTA", "Jakarta", "Antara", None, None, None),
    ("WARSAW, May 1 (PAP) -", "WARSAW", "Warsaw", "PAP", 5, 1, None),
    ("ROME, Oct 3 (ANSA) -", "ROME", "Rome", "ANSA", 10, 3, None),
    ("MADRID, Oct 3 (EFE) -", "MADRID", "Madrid", "EFE", 10, 3, None),
    ("BERLIN, Oct 3 (dpa) -", "BERLIN", "Berlin", "dpa", 10, 3, None),
    ("NEW YORK (Bloomberg) --", "NEW YORK", "New York", "Bloomberg", None, None, None),
    ("WASHINGTON, Jan. 20 (UPI) --", "WASHINGTON", "Washington", "UPI", 1, 20, None),
    ("HAVANA, Jan. 20 (Prensa Latina) -", "HAVANA", "Havana", "Prensa Latina", 1, 20, None),
    ("MOSCOW, Dec 1 (RIA Novosti) -", "MOSCOW", "Moscow", "RIA Novosti", 12, 1, None),
    ("BEIRUT (Reuters/AFP) -", "BEIRUT", "Beirut", "Reuters", None, None, None),
    ("GENEVA (AP/Reuters) —", "GENEVA", "Geneva", "AP", None, None, None),
    ("PRAGUE (RFE/RL) --", "PRAGUE", "Prague", "RFE/RL", None, None, None),
    ("Washington (CNN) —", "Washington", "Washington", "CNN", None, None, None),
    ("LONDON (BBC) -", "LONDON", "London", "BBC", None, None, None),
    ("TOKYO, March 11 (Kyodo) --", "TOKYO", "Tokyo", "Kyodo", 3, 11, None),
    ("TOKYO (Jiji Press) -", "TOKYO", "Tokyo", "Jiji Press", None, None, None),
    ("DOHA, Qatar (Al Jazeera) —", "DOHA", "Doha", "Al Jazeera", None, None, None),
    ("Brussels (Agence France-Presse) -", "Brussels", "Brussels", "AFP", None, None, None),
    ("NEW YORK (Associated Press) —", "NEW YORK", "New York", "AP", None, None, None),
    ("Taipei, Jan. 1 (CNA) -", "Taipei", "Taipei", "CNA", 1, 1, None),
    ("MINSK, May 9 (BelTA) -", "MINSK", "Minsk", "BelTA", 5, 9, None),
    ("DAMASCUS, Feb 2 (SANA) -", "DAMASCUS", "Damascus", "SANA", 2, 2, None),
    ("KUWAIT, Oct 20 (KUNA) -", "KUWAIT", "Kuwait", "KUNA", 10, 20, None),
    ("HANOI (VNA) -", "HANOI", "Hanoi", "VNA", None, None, None),
    ("NEW DELHI, March 3 (IANS) -", "NEW DELHI", "New Delhi", "IANS", 3, 3, None),
    ("SYDNEY (AAP) -", "SYDNEY", "Sydney", "AAP", None, None, None),
    ("RIYADH, Jan 1 (SPA) --", "RIYADH", "Riyadh", "SPA", 1, 1, None),
    ("ABU DHABI, Jan 1 (WAM) --", "ABU DHABI", "Abu Dhabi", "WAM", 1, 1, None),
    ("UNITED NATIONS (Xinhua) --", "UNITED NATIONS", "United Nations", "Xinhua", None, None, None),
    ("HO CHI MINH CITY (VNA) -", "HO CHI MINH CITY", "Ho Chi Minh City", "VNA", None, None, None),
    ("RIO DE JANEIRO, Brazil (AP) -", "RIO DE JANEIRO", "Rio de Janeiro", "AP", None, None, None),
    ("THE HAGUE, Netherlands (Reuters) -", "THE HAGUE", "The Hague", "Reuters", None, None, None),
    ("N'DJAMENA, Chad (AFP) -", "N'DJAMENA", "N'Djamena", "AFP", None, None, None),
    ("WINSTON-SALEM, N.C. (AP) —", "WINSTON-SALEM", "Winston-Salem", "AP", None, None, None),
    ("WASHINGTON, D.C. (AP) —", "WASHINGTON", "Washington", "AP", None, None, None),
    ("PHOENIX, Ariz. (AP) -", "PHOENIX", "Phoenix", "AP", None, None, None),
    ("SÃO PAULO (Reuters) -", "SÃO PAULO", "São Paulo", "Reuters", None, None, None),
    ("KABUL (Pajhwok) -", "KABUL", "Kabul", None, None, None, None),
    ("Kabul, Jan 1 (Pajhwok) -", "Kabul", "Kabul", None, 1, 1, None),
    ("BEIRUT, Lebanon, Aug. 12 —", "BEIRUT", "Beirut", None, 8, 12, None),
    ("OTTAWA (The Canadian Press) -", "OTTAWA", "Ottawa", "CP", None, None, None),
    ("TAIPEI, Jan. 1 (Central News Agency) -", "TAIPEI", "Taipei", "CNA", 1, 1, None),
    ("MOSCOW (Reuters)-", "MOSCOW", "Moscow", "Reuters", None, None, None),
    ("Brussels, 25 July 2012 (AFP) –", "Brussels", "Brussels", "AFP", 7, 25, 2012),
]


@pytest.mark.parametrize(
    ("line", "place", "normalized", "agency", "month", "day", "year"),
    POSITIVE,
    ids=[case[0] for case in POSITIVE],
)
def test_dateline_forms(
    line: str,
    place: str,
    normalized: str,
    agency: str | None,
    month: int | None,
    day: int | None,
    year: int | None,
) -> None:
    text = line + BODY
    found = find_dateline(text, today=TODAY)
    assert found is not None
    assert found.text == line.rstrip()
    assert (found.start, found.end) == (0, len(line.rstrip()))
    assert text[found.start : found.end] == found.text
    assert found.place == place
    assert found.place_normalized == normalized
    assert found.agency == agency
    assert (found.month, found.day) == (month, day)
    if year is not None:
        assert (found.year, found.year_source) == (year, "text")
        assert found.date == dt.date(year, month or 1, day or 1)


NEGATIVE = [
    "However, July 25 was the day the talks collapsed.",
    "Russia and NATO must find solutions to the problems dividing them.",
    "By John Smith",
    "BY JOHN SMITH - staff correspondent",
    "Updated 12:34 GMT",
    "UPDATED: 12:34 GMT, 25 July 2012",
    '"We will not back down," he said - and left.',
    "“We will not back down,” he said.",
    "Mr. Putin, who arrived on Wednesday, said - nothing new.",
    "- Russia and NATO must agree on missile defence",
    "* Sanctions extended for six months",
    "1. Troops withdrawn from the border",
    "RUSSIA AND NATO MUST FIND SOLUTIONS TO PROBLEMS",
    "RUSSIA AND NATO - A NEW CHAPTER",
    "Russian Deputy Defense Minister: Russia and NATO must find solutions",
    "BREAKING: Russia says talks are over",
    "EXCLUSIVE - Russia plans new talks",
    "Washington - The president said he would veto the bill.",
    "Analysis: why NATO expansion still divides Europe",
    "Q: What did the minister say?",
    "The minister, July 25 (AP) - said nothing.",
    "On Wednesday, July 25 (AP) - talks resumed.",
    "Iran-Contra: the hearings resume",
    "ANTI-WAR protest in London draws thousands",
    "Photo: Reuters",
    "WATCH: Putin speaks to reporters",
    "All news",
    "NATO-RUSSIA TALKS: NO PROGRESS",
    "Mr PUTIN - the president said",
    "MOSCOW, July 25 (Itar-Tass)",
    "moscow, july 25 (itar-tass) - russia said",
    "",
    "UK - EU talks resume after two-year break",
    "NATO: Russia council meets in Brussels",
    "KYIV — Russian forces regroup near Kharkiv",
]


@pytest.mark.parametrize("line", NEGATIVE)
def test_not_a_dateline(line: str) -> None:
    assert find_dateline(line + "\nThe talks went on.", today=TODAY) is None


def test_dateline_after_headline_and_subheading() -> None:
    text = "Talks resume\n\nNATO and Russia meet again\n\nLONDON, Feb 3 (Reuters) - Talks resumed."
    found = find_dateline(text, today=TODAY)
    assert found is not None
    assert text[found.start : found.end] == "LONDON, Feb 3 (Reuters) -"
    assert found.start == text.index("LONDON")


def test_blank_lines_do_not_count_as_paragraphs() -> None:
    text = "All news\n\n\n\nHeadline\n\n\n\nSub-heading\n\n\n\nBy Jane Doe\n\nTOKYO (Kyodo) -- Japan said."
    found = find_dateline(text, today=TODAY)
    assert found is not None
    assert found.agency == "Kyodo"


def test_dateline_far_into_the_text_is_ignored() -> None:
    text = "A long introduction without a dateline.\n" * 20 + "LONDON (Reuters) - Late."
    assert find_dateline(text, today=TODAY) is None


def test_indented_dateline_offsets_skip_the_indent() -> None:
    text = "Headline\n   MOSCOW, July 25 (Itar-Tass) - Russia said so."
    found = find_dateline(text, today=TODAY)
    assert found is not None
    assert text[found.start : found.end] == "MOSCOW, July 25 (Itar-Tass) -"


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("shared seed not available")
    return SEED.read_text(encoding="utf-8")


def test_seed_year_is_inferred_from_the_weekday(seed_text: str) -> None:
    found = find_dateline(seed_text, today=TODAY)
    assert found is not None
    assert seed_text[found.start : found.end] == "MOSCOW, July 25 (Itar-Tass) -"
    assert (found.place_normalized, found.agency) == ("Moscow", "ITAR-TASS")
    assert (found.month, found.day) == (7, 25)
    assert found.year_source == "inferred"
    assert {2007, 2012, 2018} <= set(found.candidate_years)
    assert found.candidate_years == (1990, 2001, 2007, 2012, 2018)
    assert (found.year, found.date) == (2018, dt.date(2018, 7, 25))
    assert found.evidence == (
        "'on Wednesday' in the lead: July 25 was a Wednesday in 1990, 2001, 2007, 2012, 2018; "
        "chose 2018, the latest (to be narrowed by dated actor roles)"
    )


def test_seed_narrowed_by_actor_roles(seed_text: str) -> None:
    found = find_dateline(seed_text, today=TODAY)
    assert found is not None
    narrowed = narrow_year(found, {2012}, "Antonov was deputy defence minister 2011-2016")
    assert (narrowed.year, narrowed.date) == (2012, dt.date(2012, 7, 25))
    assert narrowed.candidate_years == found.candidate_years
    assert narrowed.narrowed_years == (2012,)
    assert narrowed.year_source == "inferred"
    assert narrowed.evidence is not None
    assert narrowed.evidence.startswith(found.evidence or "")
    assert "Antonov was deputy defence minister 2011-2016" in narrowed.evidence
    assert found.year == 2018  # the original is untouched


def test_narrow_year_keeps_the_latest_of_several(seed_text: str) -> None:
    found = find_dateline(seed_text, today=TODAY)
    assert found is not None
    narrowed = narrow_year(found, range(2000, 2013), "role held 2000-2012")
    assert narrowed.narrowed_years == (2001, 2007, 2012)
    assert narrowed.year == 2012
    again = narrow_year(narrowed, range(2005, 2020), "role held 2005-2019")
    assert again.narrowed_years == (2007, 2012)
    assert again.year == 2012


def test_narrow_year_with_no_survivor_keeps_the_original(seed_text: str) -> None:
    found = find_dateline(seed_text, today=TODAY)
    assert found is not None
    assert narrow_year(found, {1999, 2003}, "contradictory role") == found


def test_seed_year_when_today_is_earlier(seed_text: str) -> None:
    found = find_dateline(seed_text, today=dt.date(2015, 1, 1))
    assert found is not None
    assert found.candidate_years == (1990, 2001, 2007, 2012)
    assert found.year == 2012


def test_candidates_exclude_a_day_still_to_come(seed_text: str) -> None:
    found = find_dateline(seed_text, today=dt.date(2018, 7, 24))
    assert found is not None
    assert found.candidate_years[-1] == 2012


@pytest.mark.parametrize(
    ("lead", "phrase"),
    [
        ("Ministers met late on Tuesday in Brussels.", "late on Tuesday"),
        ("Tuesday's session ended without a deal.", "Tuesday's"),
        ("The council met on Tuesday.", "on Tuesday"),
        ("Last Friday's talks failed, and ministers met on Tuesday.", "on Tuesday"),
    ],
)
def test_weekday_phrases_in_the_lead(lead: str, phrase: str) -> None:
    found = find_dateline(f"LONDON, July 24 (Reuters) - {lead}", today=TODAY)
    assert found is not None
    assert found.year_source == "inferred"
    assert found.evidence is not None
    assert found.evidence.startswith(f"'{phrase}' in the lead: July 24 was a Tuesday in ")
    assert found.year == 2018  # 24 July 2018 was a Tuesday
    assert all(dt.date(y, 7, 24).weekday() == 1 for y in found.candidate_years)


@pytest.mark.parametrize(
    "text",
    [
        "LONDON, July 24 (Reuters) - Ministers met last Tuesday.",
        "LONDON, July 24 (Reuters) - Ministers met.\nOn Tuesday they left.",
        "LONDON, July 24 (Reuters) - Ministers met.",
    ],
)
def test_no_usable_weekday_leaves_the_year_open(text: str) -> None:
    found = find_dateline(text, today=TODAY)
    assert found is not None
    assert (found.year, found.year_source, found.candidate_years, found.date) == (
        None,
        "none",
        (),
        None,
    )


def test_weekday_that_never_fits_gives_no_year() -> None:
    found = find_dateline("LONDON, Feb 30 (Reuters) - Ministers met on Monday.", today=TODAY)
    assert found is not None
    assert (found.month, found.day, found.year) == (None, None, None)


@pytest.mark.parametrize(
    ("line", "published", "expected", "rollover"),
    [
        ("LONDON, Feb 3 (Reuters) -", dt.date(2019, 2, 3), dt.date(2019, 2, 3), False),
        ("BAHRAIN, March 5 -", dt.date(1987, 3, 4), dt.date(1987, 3, 5), False),
        ("LONDON, Dec 31 (Reuters) -", dt.date(2013, 1, 2), dt.date(2012, 12, 31), True),
        ("LONDON, Dec 24 (Reuters) -", dt.date(2013, 1, 2), dt.date(2012, 12, 24), True),
        ("LONDON, Feb 29 -", dt.date(2013, 3, 1), dt.date(2012, 2, 29), True),
        ("LONDON, July 20 -", dt.date(2013, 7, 27), dt.date(2013, 7, 20), False),
        ("WASHINGTON (Reuters) -", dt.date(2016, 5, 4), dt.date(2016, 5, 4), False),
    ],
)
def test_year_from_metadata(
    line: str, published: dt.date, expected: dt.date, rollover: bool
) -> None:
    found = find_dateline(f"{line} Ministers met on Monday.", published=published, today=TODAY)
    assert found is not None
    assert found.year_source == "metadata"
    assert (found.date, found.year, found.candidate_years) == (
        expected,
        expected.year,
        (expected.year,),
    )
    assert found.evidence is not None
    assert ("the year before" in found.evidence) == rollover


def test_year_in_the_text_beats_metadata() -> None:
    text = "Brussels, 25 July 2012 (AFP) - NATO met on Monday."
    found = find_dateline(text, published=dt.date(2020, 1, 1), today=TODAY)
    assert found is not None
    assert (found.year, found.year_source, found.date) == (2012, "text", dt.date(2012, 7, 25))


def test_min_year_reaches_older_archives() -> None:
    text = "UNITED NATIONS, Oct 19 - The Security Council met on Monday."
    default = find_dateline(text, today=dt.date(1987, 12, 31))
    assert default is not None
    assert default.year is None
    found = find_dateline(text, today=dt.date(1987, 12, 31), min_year=1980)
    assert found is not None
    assert (found.date, found.candidate_years) == (dt.date(1987, 10, 19), (1981, 1987))


@pytest.mark.parametrize(
    ("month", "day", "weekday", "start", "end", "years"),
    [
        (7, 25, "Wednesday", 1990, 2025, (1990, 2001, 2007, 2012, 2018)),
        (7, 25, 2, 1990, 2025, (1990, 2001, 2007, 2012, 2018)),
        (7, 25, "wednesday", 2013, 2017, ()),
        (2, 29, "Thursday", 1990, 2025, (1996, 2024)),
        (1, 1, 0, 2018, 2024, (2018, 2024)),
    ],
)
def test_weekday_years(
    month: int, day: int, weekday: int | str, start: int, end: int, years: tuple[int, ...]
) -> None:
    assert weekday_years(month, day, weekday, start, end) == years


def test_constants_are_sane() -> None:
    assert MIN_YEAR == 1990
    assert 0 < ROLLOVER_DAYS < 30


def test_packaged_agencies() -> None:
    agencies = default_agencies()
    for name in ["ITAR-TASS", "RIA Novosti", "Interfax", "Reuters", "AP", "AFP", "Xinhua", "UPI"]:
        assert agencies.lookup(name) == name
    assert agencies.lookup("itar-tass") == "ITAR-TASS"
    assert agencies.lookup("Agence France Presse") == "AFP"
    assert agencies.lookup("Pajhwok") is None
    assert agencies.kinds["BBC"] == "broadcaster"
    assert agencies.kinds["Reuters"] == "agency"
    assert set(agencies.kinds.values()) <= {"agency", "paper", "broadcaster"}


@pytest.mark.parametrize(
    ("rows", "line", "reason"),
    [
        ("X\t\tnewspaper\n", 2, "kind"),
        ("\tY\tagency\n", 2, "empty canonical"),
        ("Reuters\t\tagency\nRoyters\tReuters\tagency\n", 3, "already names Reuters"),
    ],
)
def test_bad_agency_tables_name_the_line(tmp_path: Path, rows: str, line: int, reason: str) -> None:
    path = tmp_path / "agencies.tsv"
    path.write_text("canonical\taliases\tkind\n" + rows, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_agencies(path)
    assert info.value.line == line
    assert reason in info.value.reason


def test_a_users_own_agency_table(tmp_path: Path) -> None:
    path = tmp_path / "agencies.tsv"
    path.write_text("canonical\taliases\tkind\nPajhwok\tPajhwok Afghan News\tagency\n")
    found = find_dateline("KABUL (Pajhwok) - Talks began.", agencies=load_agencies(path))
    assert found is not None
    assert found.agency == "Pajhwok"


#: Words that would show a sentence or headline had been read as a dateline place.
# fmt: off
COMMON_WORDS = frozenset({
    "the", "a", "an", "and", "but", "however", "he", "she", "it", "they", "we", "this", "that",
    "there", "when", "while", "after", "before", "president", "minister", "government",
    "officials", "police", "people", "news", "all", "more", "new", "said", "says", "updated",
    "by", "in", "on", "at", "for", "with", "from", "as", "if", "what", "why", "how", "who", "mr",
    "mrs", "ms",
})
# fmt: on


@pytest.fixture(scope="module")
def news_dev() -> list[dict[str, object]]:
    path = SHARED_DATA / "news_dev" / "articles.jsonl"
    if not path.exists():
        pytest.skip("shared news_dev data not available")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _published(article: dict[str, object]) -> dt.date | None:
    value = article.get("date")
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def test_news_dev_bodies(news_dev: list[dict[str, object]]) -> None:
    """The bodies carry no datelines (Reuters keeps it in a field): nothing may be invented."""
    assert len(news_dev) == 100
    started = time.perf_counter()
    found = [find_dateline(str(a["text"]), published=_published(a)) for a in news_dev]
    elapsed = time.perf_counter() - started
    datelines = [d for d in found if d is not None]
    assert len(datelines) == 0
    for dateline in datelines:
        assert (dateline.place or "").casefold() not in COMMON_WORDS
    assert elapsed < 1.0  # ~5 ms on a laptop; it runs on every article


def test_news_dev_reuters_datelines(news_dev: list[dict[str, object]]) -> None:
    """Reuters' own dateline field, put back in front of its body, is read with its date."""
    reuters = [a for a in news_dev if a.get("dateline")]
    assert len(reuters) == 40
    for article in reuters:
        published = _published(article)
        assert published is not None
        text = f"{article['dateline']} {article['text']}"
        found = find_dateline(text, published=published, today=TODAY)
        assert found is not None, article["dateline"]
        assert found.text == str(article["dateline"])
        assert found.place is not None
        assert found.place.casefold() not in COMMON_WORDS
        assert found.year_source == "metadata"
        assert found.date is not None
        assert abs((found.date - published).days) <= 1
