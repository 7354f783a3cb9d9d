"""Places: the seed's places and roles, disambiguation, metonyms, non-places, event location."""

from __future__ import annotations

import pytest

from detente.api import code_text
from detente.errors import DictionaryError
from detente.model import Event, Place
from detente.places.gazetteer import default_regions_path, load_regions
from detente.places.stage import _locative, cameo_codes, locate_events


@pytest.fixture(scope="module")
def seed_record(nlp, seed_text):
    return code_text(seed_text, nlp=nlp)


def places_of(nlp, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Written name → (feature, country, adm1) of each place found."""
    record = code_text(text, nlp=nlp)
    return {p.text: (p.feature, p.country, p.adm1) for p in record.places}


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("Brussels", "city", "BEL"),
        ("Afghanistan", "country", "AFG"),
        ("Syria", "country", "SYR"),
        ("Korean Peninsula", "region", None),
        ("Euro-Atlantic area", "region", None),
        ("Lisbon", "city", "PRT"),
        ("Moscow", "city", "RUS"),
    ],
)
def test_seed_places(seed_record, name, feature, country):
    found = [p for p in seed_record.places if p.name == name]
    assert found, name
    assert all(p.feature == feature and p.country == country for p in found)
    assert all(p.gazetteer_id and p.text for p in found)


def test_seed_dateline_place(seed_record):
    (dateline,) = [p for p in seed_record.places if p.role == "dateline"]
    assert (dateline.text, dateline.name) == ("MOSCOW", "Moscow")
    assert seed_record.article.text[dateline.start : dateline.end] == "MOSCOW"
    assert dateline.lat == pytest.approx(55.75, abs=0.1)


def test_seed_event_happened_in_brussels(seed_record):
    by_id = {p.id: p for p in seed_record.places}
    (event,) = [e for e in seed_record.events if e.sentence == 4]
    assert by_id[event.location].name == "Brussels"
    assert by_id[event.location].role == "event"


@pytest.mark.parametrize("text", ["Russian", "Russia-NATO Council", "Russia-NATO", "Europe Treaty"])
def test_seed_non_places(seed_record, text):
    assert all(p.text != text for p in seed_record.places)
    council = seed_record.article.text.index("Russia-NATO Council")
    assert not any(council <= p.start < council + 19 for p in seed_record.places)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Georgia and Russia fought a war in 2008. Russian troops advanced near Tbilisi.",
            "Georgia",
            ("country", "GEO", None),
        ),
        (
            "Voters in Georgia went to the polls. Turnout in Atlanta was high.",
            "Georgia",
            ("adm1", "USA", "US-GA"),
        ),
        ("The mayor of Paris, Texas, said the storm hit the town.", "Paris", ("city", "USA", "US-TX")),
        ("Tornadoes hit towns in Texas. In Paris and Dallas roofs were torn off.", "Paris",
         ("city", "USA", "US-TX")),
        ("Macron met Biden in Paris on Monday. The US and France agreed.", "Paris",
         ("city", "FRA", "FR.11")),
    ],
)  # fmt: skip
def test_disambiguation_from_context(nlp, text, name, expected):
    assert places_of(nlp, text)[name] == expected


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Moscow said it would respond to the sanctions.", "Moscow", None),
        ("Beijing rejected the claims made in Washington.", "Beijing", "Washington"),
        ("The Kremlin refused. Talks were held in Moscow on Monday.", "Kremlin", "Moscow"),
        ("The minister flew to Moscow for talks with Moscow.", None, "Moscow"),
    ],
)
def test_metonyms_are_actors_not_places(nlp, text, absent, present):
    record = code_text(text, nlp=nlp)
    starts = {p.start for p in record.places}
    if absent:
        assert text.index(absent) not in starts
    if present:
        assert text.rindex(present) in starts or text.index(present) in starts


@pytest.mark.parametrize(
    "text",
    [
        "Police said the Lisbon Treaty was signed at Moscow State University.",
        "Russian and Georgian officials met US-Russian negotiators.",
        "Reading the statement, the spokesman said nothing new.",
    ],
)
def test_names_that_are_not_places(nlp, text):
    assert code_text(text, nlp=nlp).places == ()


def test_event_location_is_the_sentence_place_not_the_dateline(nlp):
    text = "GENEVA, March 3 (Reuters) - Russia criticised NATO at a meeting held in Brussels."
    record = code_text(text, nlp=nlp)
    by_id = {p.id: p for p in record.places}
    assert {p.name: p.role for p in record.places}["Geneva"] == "dateline"
    assert record.events
    for event in record.events:
        assert by_id[event.location].name == "Brussels"


@pytest.mark.parametrize(
    ("yaml_text", "reason"),
    [
        ("- id: Bad Id\n  name: X\n  kind: region\n", "slug"),
        ("- id: a\n  name: A\n  kind: ocean\n", "kind"),
        ("- id: a\n  name: A\n  kind: sea\n  countries: [Russia]\n", "alpha-3"),
        ("- id: a\n  name: A\n  kind: sea\n- id: a\n  name: B\n  kind: sea\n", "duplicate"),
    ],
)
def test_regions_validation_names_file_and_line(tmp_path, yaml_text, reason):
    path = tmp_path / "regions.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=reason) as info:
        load_regions(path)
    assert info.value.line is not None and str(path) in str(info.value)


def test_packaged_regions_load():
    regions = load_regions(default_regions_path())
    assert len(regions) > 50


@pytest.mark.parametrize(
    ("text", "code", "place"),
    [
        # the place is the direct object of the force frame
        ("The war in northern Syria goes on. Turkish troops occupied Afrin last month.",
         "192", "Afrin"),
        ("The war in northern Syria goes on. Turkish forces shelled Afrin on Sunday.",
         "194", "Afrin"),
        # the passive's subject: the agent is the source, the place the target
        ("The war in Syria goes on. Raqqa was occupied by Isis in 2014.", "192", "Raqqa"),
    ],
)  # fmt: skip
def test_a_place_where_force_wants_its_target_is_that_country(nlp, text, code, place):
    record = code_text(text, nlp=nlp)
    found = [e for e in record.events if e.code == code]
    assert found, record.events
    event = found[0]
    assert event.target_code == "SYR"
    assert event.target_path == f"object:{place}"
    assert event.default_output


def test_a_place_of_the_sources_own_country_is_no_target(nlp):
    # civil war: "Syrian troops shelled Aleppo" does not say whom they shelled
    record = code_text("Syrian troops shelled Aleppo on Sunday.", nlp=nlp)
    assert all(e.target_code is None for e in record.events if e.code.startswith("19"))


def test_romanised_city_names_are_indexed():
    from detente.places.gazetteer import ascii_name, cached_gazetteer

    assert ascii_name("‘Afrīn") == "Afrin"
    assert ascii_name("Zürich") == "Zurich"
    found = cached_gazetteer().lookup("Afrin")
    assert any(c.entry.country == "SYR" for c in found)


def _event(code: str, source: str, target_text: str | None, sentence: int = 1) -> Event:
    return Event(
        id="e0", sentence=sentence, start=30, end=37, code=code, root=code[:2], quad_class=1,
        goldstein=1.9, source_code=source, source_text="the minister", target_text=target_text,
    )  # fmt: skip


def _city(text: str, country: str, start: int, sentence: int = 1, role: str = "mention") -> Place:
    return Place(
        id=f"p{start}", start=start, end=start + len(text), text=text, name=text,
        country=country, feature="city", role=role, sentence=sentence,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("code", "source", "phrase", "place", "country", "expected"),
    [
        # the place is where the visit frame wants its target: a visit to that country
        ("042", "KENGOV", "Lisbon", "Lisbon", "PRT", "PRT"),
        ("042", "JPNGOV", "a refugee camp near Mosul", "Mosul", "IRQ", "IRQ"),
        # a place of the visitor's own country says nothing of whom was visited
        ("042", "PRTGOV", "Lisbon", "Lisbon", "PRT", None),
        # another 04x frame: only when the phrase is the place itself
        ("040", "KENGOV", "Lisbon", "Lisbon", "PRT", "PRT"),
        ("040", "KENGOV", "students in Lisbon", "Lisbon", "PRT", None),
        # no other root takes a place so: "praised Lisbon" is no act towards Portugal
        ("051", "KENGOV", "Lisbon", "Lisbon", "PRT", None),
        # a host's target is its guest: "hosted a summit in Lisbon" is no act towards Portugal
        ("043", "KENGOV", "a summit in Lisbon", "Lisbon", "PRT", None),
        # troops arriving somewhere are deployed, not visiting
        ("042", "KENMIL", "Lisbon", "Lisbon", "PRT", None),
        ("042", "IGOUNOPKO", "Lisbon", "Lisbon", "PRT", None),
    ],
)  # fmt: skip
def test_a_visit_to_a_place_is_to_its_country(code, source, phrase, place, country, expected):
    start = 40 + phrase.index(place)
    places = [_city(place, country, start)]
    (event,), _ = locate_events((_event(code, source, phrase),), places, [], set(), None)
    assert event.target_code == expected
    if expected:
        assert event.target_path == f"object:{place}"


def test_a_consultation_in_a_place_is_no_act_towards_it():
    # "met in Lisbon": a locative place is the event's location, never a visit's target
    places = [_city("Lisbon", "PRT", 40)]
    (event,), _ = locate_events((_event("040", "KENGOV", None),), places, [], {40}, None)
    assert event.location == "p40"
    assert event.target_code is None


@pytest.mark.parametrize(
    ("source", "in_sentence", "expected"),
    [
        ("CHLGOV", None, "BOL"),  # "here on a two-day official visit", filed from LA PAZ
        ("BOLGOV", None, None),  # the visitor's own country: a tour at home
        ("CHLGOV", ("Santiago", "CHL"), None),  # the sentence names a place of its own
    ],
)  # fmt: skip
def test_a_visit_with_no_destination_is_to_the_datelines_country(source, in_sentence, expected):
    places = [_city("LA PAZ", "BOL", 0, sentence=0, role="dateline")]
    if in_sentence is not None:
        places.append(_city(in_sentence[0], in_sentence[1], 80))
    (event,), _ = locate_events((_event("042", source, None),), places, [], set(), None)
    assert event.target_code == expected
    if expected:
        assert event.target_path == "dateline:LA PAZ"


def test_a_visit_to_a_site_is_to_the_country_of_its_place():
    # "visited a refugee camp in Iraq": the site is no actor and no place; its location is
    phrase = "a refugee camp"
    places = [_city("Iraq", "IRQ", 60)]
    events = (_event("042", "JPNGOV", phrase),)
    (event,), _ = locate_events(events, places, [], {60}, None)
    assert (event.target_code, event.target_path) == ("IRQ", "place:Iraq")


@pytest.mark.parametrize(
    "text",
    [
        "Clashes were reported in northern Yemen on Tuesday.",
        "Aid arrived in the semi-autonomous Kurdistan region on Tuesday.",
        "Clashes were reported in the war-torn south-eastern Yemen on Tuesday.",
    ],
)
def test_where_in_a_place_keeps_it_locative(nlp, text):
    record = code_text(text, nlp=nlp)
    doc = nlp(text)
    named = [p for p in record.places if p.role != "dateline"]
    assert named, record.places
    span = doc.char_span(named[0].start, named[0].end, alignment_mode="expand")
    assert span is not None and _locative(doc, span.start)


def test_a_place_target_is_coded_as_cameo_codes_its_country():
    # ISO 3166 ROU is CAMEO ROM: the target is ROM, and a Romanian source is at home there
    codes = cameo_codes({"ROM": "ROU", "TMP": "TLS", "FRA": "FRA"})
    assert codes == {"ROU": "ROM", "TLS": "TMP"}
    places = [_city("Bucharest", "ROU", 40)]
    visit = _event("042", "KENGOV", "Bucharest")
    (event,), _ = locate_events((visit,), places, [], set(), None, codes)
    assert event.target_code == "ROM"
    home = _event("042", "ROMGOV", "Bucharest")
    (event,), _ = locate_events((home,), places, [], set(), None, codes)
    assert event.target_code is None
