"""Actor recognition, composite codes, dated roles, coreference and year narrowing (issue 3)."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from detente import api
from detente.cli import main
from detente.model import Mention

DAY_2012 = dt.date(2012, 7, 25)


def mentions(nlp, text: str, day: dt.date | None = DAY_2012) -> list[Mention]:
    return list(api.code_text(text, published=day, nlp=nlp).mentions)


def found(nlp, text: str, day: dt.date | None = DAY_2012) -> dict[str, str | None]:
    return {m.text: m.code for m in mentions(nlp, text, day)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US said no.", {"US": "USA"}),
        ("Russia's position is clear.", {"Russia": "RUS"}),
        ("Russia's envoy left.", {"Russia's envoy": "RUSGOV"}),
        ("Russia’s army moved.", {"Russia’s army": "RUSMIL"}),
        ("The Russia-NATO Council met.", {"Russia-NATO Council": "IGOWSTNAT"}),
        ("Russian officials said so.", {"Russian officials": "RUSGOV"}),
        (
            "Later the Russian military delegation left.",
            {"the Russian military delegation": "RUSMIL"},
        ),
        ("Then the Kremlin said no.", {"the Kremlin": "RUSGOV"}),
        ("NATO and the Alliance met.", {"NATO": "IGOWSTNAT", "the Alliance": "IGOWSTNAT"}),
        ("British backbenchers voted.", {"British backbenchers": "GBRLEG"}),
        (
            "The British shadow home secretary spoke.",
            {"The British shadow home secretary": "GBROPP"},
        ),
        ("A German MEP spoke.", {"German MEP": "DEULEG"}),
        ("Soldiers and police came.", {"Soldiers": "MIL", "police": "COP"}),
        ("Iran faced pressure from Washington.", {"Iran": "IRN", "Washington": "USAGOV"}),
        ("The Iraqi minister flew from Washington.", {"The Iraqi minister": "IRQGOV"}),
        ("The security services agreed.", {"The security services": "SPY"}),
    ],
)
def test_recognition(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Let us go there.", "us"),  # names and acronyms are case-sensitive
        ("Russian-backed fighters moved.", "Russian"),  # a modifier, not Russia acting
        ("Then the Alliance met.", "the Alliance"),  # context alias without NATO named
        ("The decisions in Lisbon stand.", "Lisbon"),  # a place, not a government
        ("Rebels used military force.", "military"),  # an adjective, not the military
    ],
)
def test_not_an_actor(nlp, text, absent):
    assert absent not in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "written", "code", "kind"),
    [
        ("Russia opposes a European anti-missile shield.", "European", "EUR", "adjective"),
        ("The European continent is calm.", "European", "EUR", "adjective"),
        ("Troops massed near Russian borders.", "Russian", "RUS", "adjective"),
        ("The Russians said no.", "Russians", "RUS", "country"),  # a demonym that acts
        ("The Chinese said no.", "Chinese", "CHN", "country"),
        ("Russia's position is clear.", "Russia", "RUS", "country"),
    ],
)
def test_bare_adjectives_are_marked(nlp, text, written, code, kind):
    """A bare country adjective keeps its code but is kind "adjective": it modifies a noun."""
    (mention,) = [m for m in mentions(nlp, text) if m.text == written]
    assert (mention.code, mention.kind) == (code, kind)


def test_bare_adjective_does_not_act(nlp):
    record = api.code_text("The European continent welcomed the plan.", nlp=nlp)
    assert all(e.source_code != "EUR" for e in record.events)


def test_russia_nato_council_is_one_actor(nlp):
    result = mentions(nlp, "The Russia-NATO Council met.")
    assert [(m.text, m.kind, m.entity_id) for m in result] == [
        ("Russia-NATO Council", "igo", "nato-russia-council")
    ]


def test_sector_terms_are_case_insensitive(nlp):
    assert found(nlp, "Russian OFFICIALS said so.") == {"Russian OFFICIALS": "RUSGOV"}


@pytest.mark.parametrize(
    ("text", "code", "roles"),
    [
        ("Russian Deputy Defense Minister Ivan Petrovsky said so.", "RUSGOVMIL", ("GOV", "MIL")),
        ("French Foreign Minister Jean Dupontel said so.", "FRAGOV", ("GOV",)),
    ],
)
def test_unknown_person_coded_from_the_role(nlp, text, code, roles):
    (person,) = [m for m in mentions(nlp, text) if m.kind == "person"]
    assert (person.code, person.roles) == (code, roles)
    assert person.entity_id is not None and person.entity_id.startswith("unknown:")
    assert "introduced by the role" in (person.role_applied or "")


@pytest.mark.parametrize(
    ("day", "code", "title"),
    [
        (dt.date(2012, 7, 25), "RUSGOVMIL", "Deputy Minister of Defence"),
        (dt.date(2020, 6, 1), "RUSGOV", "Ambassador to the United States"),
        (None, "RUSGOV", "Ambassador to the United States"),  # no date: the latest role
    ],
)
def test_dated_roles(nlp, day, code, title):
    (person,) = mentions(nlp, "Anatoly Antonov spoke.", day)
    assert (person.code, person.entity_id, person.kind) == (code, "anatoly-antonov", "person")
    assert person.role_applied is not None and person.role_applied.startswith(title)


@pytest.fixture(scope="module")
def seed_record(seed_text, nlp):
    return api.code_text(seed_text, nlp=nlp)


def test_seed_antonov_and_every_he_and_the_deputy_minister(seed_record):
    by_id = {m.id: m for m in seed_record.mentions}
    antonov = [m for m in seed_record.mentions if m.entity_id == "anatoly-antonov"]
    assert any(m.text == "Russian Deputy Defense Minister Anatoly Antonov" for m in antonov)
    assert all(m.code == "RUSGOVMIL" for m in antonov)
    pronouns = [m for m in seed_record.mentions if m.text.lower() == "he"]
    descriptions = [m for m in seed_record.mentions if m.text == "the deputy minister"]
    assert len(pronouns) == 5 and len(descriptions) == 1
    for m in pronouns + descriptions:
        assert m.entity_id == "anatoly-antonov", m
        assert m.antecedent is not None and by_id[m.antecedent].entity_id == "anatoly-antonov"
        assert m.resolution, m


def test_seed_surnames_resolve_to_antonov(seed_record):
    surnames = [m for m in seed_record.mentions if m.text == "Antonov"]
    assert len(surnames) == 2
    assert all(m.antecedent and "surname" in (m.resolution or "") for m in surnames)


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Russia", "RUS", "country"),
        ("NATO", "IGOWSTNAT", "igo"),
        ("Russia-NATO Council", "IGOWSTNAT", "igo"),
    ],
)
def test_seed_actors(seed_record, text, code, kind):
    found = [m for m in seed_record.mentions if m.text == text]
    assert found and all((m.code, m.kind) == (code, kind) for m in found)


def test_seed_alliance_is_nato(seed_record):
    (alliance,) = [m for m in seed_record.mentions if m.text == "the Alliance"]
    assert (alliance.entity_id, alliance.code) == ("nato", "IGOWSTNAT")
    assert "context alias" in (alliance.resolution or "")


def test_seed_year_narrowed_by_dated_role(seed_record):
    dateline = seed_record.dateline
    assert dateline.year == 2012 and dateline.date == DAY_2012
    assert {2007, 2012, 2018} <= set(dateline.candidate_years)
    assert "Anatoly Antonov described as 'Deputy Defense Minister'" in dateline.evidence
    assert "2011-02 to 2016-12" in dateline.evidence


def test_seed_spans_group(seed_text, nlp):
    from detente.model import Article
    from detente.pipeline import make_doc

    doc = nlp(make_doc(nlp, Article(id="seed", text=seed_text)))
    assert len(doc.spans["actors"]) == len(doc._.mentions)
    assert doc._.dateline.year == 2012


@pytest.mark.parametrize(("day", "code"), [("2020-06-01", "RUSGOV"), ("2012-07-25", "RUSGOVMIL")])
def test_cli_lookup(day, code):
    result = CliRunner().invoke(main, ["actors", "lookup", "Anatoly Antonov", "--date", day])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0].split("\t")
    assert first[:2] == ["Anatoly Antonov", code]
    assert "role:" in result.output


def test_a_pronoun_does_not_look_ahead_within_its_sentence():
    """ "They criticized NATO": NATO is the object, not what "They" stands for."""
    from detente.actors.api import lookup

    they = next(m for m in lookup("They criticized NATO.") if m.text == "They")
    assert they.code is None and they.antecedent is None


def test_press_reports_are_the_media(nlp):
    """ "denounced press reports": what the press published names the media as the target."""
    record = api.code_text("President Reagan denounced press reports about his wife.", nlp=nlp)
    assert [m.code for m in record.mentions if m.text == "press reports"] == ["MED"]
