"""The parse-based event coder on short sentences written for the test: whose act it is (subjects,
passives), whether the text asserts it (negation, modality, reported speech, speech acts), what
counts as an act (nominal events), which noun phrases name actors, and where targets come from
(places, the article's war). Each test codes with the default dictionary and the parsed pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente import api
from detente.events.patterns import default_patterns
from detente.model import NONFACTUAL_MODALITIES, Event

PUBLISHED = dt.date(2024, 3, 6)


def coded(nlp, text: str) -> tuple[Event, ...]:
    return api.code_text(text, published=PUBLISHED, nlp=nlp).events


def triples(events) -> list[tuple[str | None, str, str | None]]:
    return [(e.source_code, e.code, e.target_code) for e in events]


def find(events, source: str, code: str, target: str | None) -> Event:
    """The one event of that dyad and code (the test fails with every event if there is none)."""
    found = [e for e in events if (e.source_code, e.code, e.target_code) == (source, code, target)]
    assert len(found) == 1, triples(events)
    return found[0]


def shown(events) -> list[tuple[str | None, str, str | None]]:
    """What queries and exports show by default."""
    return triples(e for e in events if e.default_output)


# --- 1. subjects ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event", "path"),
    [
        (
            "Russia criticized Ukraine and expelled its diplomats.",
            ("RUS", "161", "UKR"),
            "conj>nsubj",
        ),
        (
            "Russia condemned the attack and recalled its ambassador from Ukraine.",
            ("RUS", "161", "UKR"),
            "conj>nsubj",
        ),
        ("Turkey, which attacked Syria, criticized Iraq.", ("TUR", "190", "SYR"), "relcl"),
        (
            "The Turkish president, who visited Syria, criticized Iraq.",
            ("TURGOV", "042", "SYR"),
            "relcl",
        ),
        ("Egypt is about to restore ties with Israel.", ("EGY", "054", "ISR"), "xcomp<nsubj"),
        ("Iran plans to attack Iraq.", ("IRN", "190", "IRQ"), "xcomp<nsubj"),
    ],
)
def test_a_verb_without_its_own_subject_takes_the_one_the_grammar_gives(nlp, text, event, path):
    """A second verb, a relative clause and an infinitive have no subject of their own: without
    the one they share, the act would be lost or given to the wrong actor."""
    assert find(coded(nlp, text), *event).source_path == path


def test_the_main_verb_keeps_its_own_subject_beside_a_relative_clause(nlp):
    """The relative clause's act is the noun's; the main verb's subject is still its own."""
    events = coded(nlp, "Turkey, which was attacked by Syria, criticized Iraq.")
    assert sorted(triples(events)) == [("SYR", "190", "TUR"), ("TUR", "111", "IRQ")]
    attacked = find(events, "SYR", "190", "TUR")
    assert (attacked.source_path, attacked.target_path) == ("agent", "relcl")
    assert find(events, "TUR", "111", "IRQ").source_path == "nsubj"


def test_an_agreement_to_resume_talks_is_the_subjects_intent(nlp):
    """ "agreed to resume talks with": the talks' partner is the target of the agreeing actor."""
    assert triples(coded(nlp, "Iran agreed to resume talks with Iraq.")) == [("IRN", "036", "IRQ")]


@pytest.mark.parametrize(
    ("text", "sources", "target"),
    [
        ("France, Germany and Italy condemned Russia.", ["DEU", "FRA", "ITA"], "RUS"),
        ("Japan, South Korea and Australia criticized China.", ["AUS", "JPN", "KOR"], "CHN"),
        (
            "Norway, Sweden, Finland, Denmark and Iceland condemned Russia.",
            ["DNK", "FIN", "ISL", "NOR", "SWE"],
            "RUS",
        ),
    ],
)
def test_every_actor_listed_before_the_subject_is_a_source(nlp, text, sources, target):
    """The parser often hangs the first members of a list elsewhere; each listed country
    still did the act."""
    events = coded(nlp, text)
    assert sorted(e.source_code for e in events) == sources
    assert all(e.target_code == target and e.compound for e in events)


# --- 2. passives ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Syria was attacked by Turkey.", ("TUR", "190", "SYR")),
        ("Syrian soldiers were killed by Turkish forces.", ("TURMIL", "190", "SYRMIL")),
    ],
)
def test_the_by_agent_of_a_passive_is_the_source(nlp, text, event):
    """The passive's subject suffers the act: reading it as the source turns the victim into
    the aggressor."""
    (found,) = coded(nlp, text)
    assert triples([found]) == [event]
    assert (found.source_path, found.target_path) == ("agent", "nsubjpass")


@pytest.mark.parametrize("text", ["Syria was attacked.", "Ten Syrian soldiers were killed."])
def test_an_agentless_passive_alone_codes_nothing(nlp, text):
    """No one named did it: a guessed source would be an invented accusation."""
    assert coded(nlp, text) == ()


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Turkish forces attacked Syria, and ten Syrian soldiers were killed.",
            ("TURMIL", "190", "SYRMIL"),
        ),
        ("Turkey attacked Syria. Ten Syrians were killed.", ("TUR", "190", "SYR")),
    ],
)
def test_an_agentless_passive_of_force_takes_the_agent_of_the_act_just_reported(nlp, text, event):
    """ "... attacked Syria; ten Syrians were killed": the killing is the attacker's, in the same
    sentence or the next one about the same victims."""
    events = coded(nlp, text)
    assert len(events) == 2
    assert triples(events[1:]) == [event]
    assert events[1].source_path.startswith("context:")
    assert events[1].target_path == "nsubjpass"


@pytest.mark.parametrize(
    "text",
    [
        "Turkey attacked Syria. Ten Iraqi soldiers were killed.",
        "Turkey attacked Syria. Iraq condemned the attack. Ten Syrian soldiers were killed.",
        "Turkish officials visited the town, and ten Syrian soldiers were killed.",
    ],
)
def test_the_context_agent_is_not_stretched(nlp, text):
    """Other victims in the next sentence, an act two sentences back, or no coded act of force
    before: the passive stays without a source."""
    events = coded(nlp, text)
    assert not any(e.source_path and e.source_path.startswith("context:") for e in events)
    last = text.count(".") - 1
    assert [e for e in events if e.sentence == last and e.root in ("18", "19")] == []


# --- 3. negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia did not condemn Ukraine.", "111"),
        ("Russia never attacked Ukraine.", "190"),
    ],
)
def test_a_negated_act_is_kept_flagged_and_not_shown(nlp, text, code):
    """ "did not condemn" is no condemnation: counting it would invert the text."""
    (event,) = coded(nlp, text)
    assert (event.source_code, event.code, event.target_code) == ("RUS", code, "UKR")
    assert event.negated
    assert not event.asserted
    assert not event.default_output


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Russia did not withdraw from Ukraine.", ("RUS", "1246", "UKR")),
        ("Russia did not recognize Kosovo.", ("RUS", "120", "KSV")),
        ("Russia did not meet Ukraine.", ("RUS", "125", "UKR")),
    ],
)
def test_a_negated_act_of_cooperation_is_its_rejection(nlp, text, event):
    """CAMEO codes "did not withdraw" as a refusal (12x), an act that did happen: it is shown."""
    (found,) = coded(nlp, text)
    assert triples([found]) == [event]
    assert found.root == "12"
    assert found.negated
    assert found.default_output


def test_an_act_an_actor_is_unable_to_do_is_no_refusal(nlp):
    """ "is unable to provide aid": not done, but not refused either (no 12x)."""
    text = "The Dutch government is unable to provide aid to Yemen."
    assert shown(coded(nlp, text)) == []


# --- 4. modality and status -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russia will attack Ukraine.", "future"),
        ("Russia could attack Ukraine.", "conditional"),
        ("Russia can attack Ukraine.", "hypothetical"),
        ("Russia may attack Ukraine.", "hypothetical"),
        ("If talks fail, Russia attacks Ukraine.", "conditional"),
        ("Russia attacked Ukraine if talks failed.", "conditional"),
        ("Did Russia attack Ukraine?", "question"),
    ],
)
def test_an_act_that_did_not_happen_is_flagged_and_not_shown(nlp, text, modality):
    """A future, possible, conditional or questioned attack is no attack yet."""
    (event,) = coded(nlp, text)
    assert (event.source_code, event.code, event.target_code) == ("RUS", "190", "UKR")
    assert event.modality == modality
    assert modality in NONFACTUAL_MODALITIES
    assert not event.asserted
    assert not event.default_output


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # an attempt is an act (CAMEO codes attempts): the attack is asserted
        ("Russian troops tried to attack Ukraine.", False),
        ("Russian troops attempted to attack Ukraine.", False),
        # "claims to have", "is said to have": the act is known through a statement
        ("Russia claims to have attacked Ukraine.", True),
        ("Russia is said to have attacked Ukraine.", True),
        ("Russia is believed to have attacked Ukraine.", True),
    ],
)
def test_an_attempted_or_claimed_act_is_asserted(nlp, text, reported):
    events = [e for e in coded(nlp, text) if e.root == "19"]
    assert [(e.source_code[:3], e.root, e.target_code) for e in events] == [("RUS", "19", "UKR")]
    assert events[0].default_output
    assert events[0].reported is reported


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the infinitive of an attempt noun is the act of whoever makes the attempt
        ("Russia made repeated attempts to attack Ukraine.", ("RUS", "190", "UKR")),
        ("Russian spies have been involved in efforts to gather intelligence on Ukraine.",
         ("RUSSPY", "090", "UKR")),
        ("Russia used the opportunity to criticise Ukraine.", ("RUS", "111", "UKR")),
        ("Russia misses no opportunity to criticise Ukraine.", ("RUS", "111", "UKR")),
    ],
)  # fmt: skip
def test_an_attempt_nouns_infinitive_is_the_attempt_makers_act(nlp, text, event):
    assert event in shown(coded(nlp, text))


def test_an_act_awaited_after_until_is_not_yet_done_nor_promised(nlp):
    events = coded(nlp, "Iraqi troops are advancing until they expel Iranian forces from Basra.")
    assert not [e for e in events if e.default_output and e.code[:2] in ("17", "13", "03")]
    # in the past it happened
    done = shown(
        coded(nlp, "The siege lasted until Iraqi forces expelled Iranian troops from Basra.")
    )
    assert ("IRQMIL", "174", "IRNMIL") in done


def test_a_plain_report_of_the_enemys_attack_is_the_attack_not_an_accusation(nlp):
    """GUIDELINES rule 3: a bare "said" is no event; what it reports is (reported)."""
    events = coded(nlp, "Iraq said Iranian troops attacked Basra on Monday.")
    assert [(e.source_code, e.code, e.target_code) for e in events if e.default_output] == [
        ("IRNMIL", "190", "IRQ")
    ]
    assert events[0].reported


def test_a_war_partys_claim_of_enemy_losses_in_the_passive_is_its_own_force(nlp):
    """ "Iraq's high command said 900 Iranian troops were killed": the claimant's act."""
    events = shown(coded(nlp, "Iraq's high command said 900 Iranian troops were killed."))
    assert [e for e in events if e[1].startswith("19")] == [("IRQMIL", "190", "IRNMIL")]


@pytest.mark.parametrize(
    "text",
    [
        "Iraq said 20 Iraqi soldiers were killed near Basra.",  # its own losses: by whom?
        "Iraq said 40 Iranian civilians were killed near Basra.",  # civilians: not a war claim
    ],
)
def test_a_claim_of_own_or_civilian_losses_names_no_agent(nlp, text):
    assert not [e for e in shown(coded(nlp, text)) if e[1].startswith("19")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not make any attempt to attack Ukraine.",
        "Russia missed the chance to criticise Ukraine.",
        "Russia had the opportunity to criticise Ukraine.",
    ],
)
def test_an_attempt_not_made_or_a_chance_not_taken_is_no_act(nlp, text):
    assert not [e for e in shown(coded(nlp, text)) if e[1] in ("190", "111")]


def test_an_attempt_named_as_a_purpose_is_no_act_of_its_own(nlp):
    events = shown(coded(nlp, "Russia shelled Kharkiv in an effort to seize Ukrainian land."))
    assert [e for e in events if e[1].startswith("19")] == [("RUS", "194", "UKR")]


def test_an_alleged_act_is_not_asserted(nlp):
    (event,) = coded(nlp, "Russia is alleged to have attacked Ukraine.")
    assert event.modality == "alleged"
    assert not event.default_output


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Russia urged that Ukraine withdraw its troops.", ("RUS", "020", "UKR")),
        ("Russia demanded Ukraine withdraw its troops.", ("RUS", "106", "UKR")),
    ],
)
def test_a_directive_is_addressed_to_whom_its_clause_says_must_act(nlp, text, event):
    found = find(coded(nlp, text), *event)
    assert found.default_output


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The rebels, whom Turkish troops attacked last week, have retreated.",
         ("TURMIL", "190", "REB")),
        ("Syrian militias whom Turkey armed now hold the town.", ("TUR", "072", "SYRUAF")),
    ],
)  # fmt: skip
def test_a_relative_clause_with_its_own_subject_acts_on_the_noun_it_modifies(nlp, text, event):
    find(coded(nlp, text), *event)


def test_a_relative_clause_whose_pronoun_is_the_subject_keeps_its_object(nlp):
    events = coded(nlp, "The Turkish troops, who attacked Syrian rebels, have retreated.")
    assert find(events, "TURMIL", "190", "SYRREB").target_path == "dobj>amod"


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Sanctions were imposed on Iran by the European Union.", [("IGOEUREEC", "163", "IRN")]),
        ("A new offensive was launched by Iran against Iraq.", [("IRN", "190", "IRQ")]),
        ("Talks were held between Russia and Ukraine in Minsk.",
         [("RUS", "040", "UKR"), ("UKR", "040", "RUS")]),
        ("Talks between Russia and Ukraine were held in Minsk.",
         [("RUS", "040", "UKR"), ("UKR", "040", "RUS")]),
    ],
)  # fmt: skip
def test_a_frames_object_as_passive_subject_leaves_the_agent_acting(nlp, text, events):
    """The passive of "S imposed sanctions on T", "S launched an offensive against T": the
    subject is the frame's own noun, the agent its source."""
    assert triples(e for e in coded(nlp, text) if e.default_output) == events


def test_an_inherited_passive_subject_is_no_frame_object(nlp):
    """ "The League meeting ... after being urged by the minister": the League is urged, the
    meeting in its phrase is no "urged talks"."""
    text = (
        "The Arab League meeting in Saudi Arabia adopted a strongly anti-Iranian position "
        "after being urged by the Russian foreign minister to ensure that Tehran does not profit."
    )
    assert ("RUSGOV", "020", "IGOARBARL") in triples(coded(nlp, text))


@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("Iran denied attacking the Saudi tanker.", ("IRN", "016", "SAU")),
        ("The Kremlin denied that Russian troops had shelled Ukraine.", ("RUSGOV", "016", "UKR")),
    ],
)
def test_denying_ones_own_act_is_a_denial_of_responsibility(nlp, text, denial):
    """CAMEO 016 by the denier towards the act's target; the act itself stays not asserted."""
    events = coded(nlp, text)
    assert find(events, *denial).default_output
    assert all(not e.default_output for e in events if e.code != "016")


def test_denying_anothers_act_is_no_denial_of_responsibility(nlp):
    events = coded(nlp, "Iran denied that Iraqi forces had fired on the Saudi tanker.")
    assert not any(e.code == "016" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia, Turkey and Iran met in Geneva on Monday. The agreement was formally reached "
         "by the three countries on Tuesday.",
         {("RUS", "057", "TUR"), ("TUR", "057", "IRN"), ("IRN", "057", "RUS")}),
        ("Russia and China signed a trade deal on Monday. The two countries also agreed to hold "
         "talks with Japan.", {("RUS", "036", "JPN"), ("CHN", "036", "JPN")}),
    ],
)  # fmt: skip
def test_a_counted_plural_stands_for_the_countries_just_named(nlp, text, expected):
    """ "The three countries", "the two countries": that many distinct countries, the latest
    named before the phrase."""
    assert expected <= set(triples(e for e in coded(nlp, text) if e.sentence == 1))


def test_counted_leaders_include_the_people_he_and_she_stand_for(nlp):
    """ "Netanyahu arrived ... He said ... Biden said the two leaders had talked": the "he" is one
    of the two (the country named after it is not), and two leaders who talked consulted each
    other."""
    text = (
        "Benjamin Netanyahu arrived in Washington. The weather was cold. He said that Israel "
        "would act. Biden said the two leaders had talked about Gaza."
    )
    day = dt.date(2023, 10, 20)
    events = api.code_text(text, published=day, nlp=nlp).events
    assert {("ISRGOV", "040", "USAGOV"), ("USAGOV", "040", "ISRGOV")} <= set(
        triples(e for e in events if e.sentence == 3)
    )


def test_a_counted_plural_without_enough_countries_before_it_names_no_one(nlp):
    text = "Russia signed a trade deal on Monday. The two countries also agreed to hold talks."
    assert [e for e in coded(nlp, text) if e.sentence == 1] == []


def test_a_plain_act_is_asserted(nlp):
    """The contrast: the same sentence without a modal is shown."""
    (event,) = coded(nlp, "Russia attacked Ukraine.")
    assert (event.modality, event.negated, event.reported) == (None, False, False)
    assert event.asserted and event.default_output


def test_a_threat_is_the_threat_not_the_act(nlp):
    """ "threatened to attack" is CAMEO's threat (138x); the attack is not asserted."""
    events = coded(nlp, "Iran threatened to attack Israel.")
    assert shown(events) == [("IRN", "1384", "ISR")]
    assert all(not e.asserted for e in events if e.root == "19")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Iranian foreign minister will visit Cuba next week.", ("IRNGOV", "036", "CUB")),
        ("Peru and Chile will resume talks on Monday.", ("PER", "036", "CHL")),
        ("If Chile agrees, Peru will meet Chile on Monday.", None),
        ("Peru will not meet Chile.", None),
        ("Peru will attack Chile.", None),
    ],
)
def test_a_meeting_the_text_says_will_happen_is_an_intent_to_meet(nlp, text, expected):
    """A scheduled visit or round of talks is news in itself: CAMEO's 036, not yet the 04x
    meeting; a conditional or refused meeting, or a future attack, is no event yet."""
    events = [e for e in shown(coded(nlp, text)) if e[1][:2] in ("03", "04", "19")]
    assert (expected in events) if expected else events == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            '"I would ask the Dutch government to return her passport," the Polish president said.',
            ("POLGOV", "020", "NLDGOV"),
        ),
        ('"We would urge Chile to free the sailors," the Peruvian foreign minister said.',
         ("PERGOV", "0253", "CHL")),
    ],
)  # fmt: skip
def test_a_hedged_first_person_appeal_is_made(nlp, text, event):
    """ "I would ask X to": saying it is the appeal; "would" hedges, it sets no condition."""
    assert event in shown(coded(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        '"If Chile refuses, we would urge Peru to act," the Bolivian foreign minister said.',
        '"They would urge Peru to act," the Bolivian foreign minister said.',
    ],
)
def test_a_conditional_or_third_person_would_is_no_appeal_made(nlp, text):
    assert not [e for e in shown(coded(nlp, text)) if e.root == "02"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("France urged Russia to withdraw from Ukraine.", ("FRA", "0256", "RUS")),
        ("France called on Russia to withdraw from Ukraine.", ("FRA", "0256", "RUS")),
        ("Germany urged Iran to resume talks with the United States.", ("DEU", "026", "IRN")),
        ("Germany called on Iran to release the hostages.", ("DEU", "0253", "IRN")),
    ],
)
def test_an_appeal_is_the_appealing_actors_act_towards_the_one_urged(nlp, text, event):
    """ "X urged Y to withdraw": X appealed to Y; nobody withdrew, and X did not act on the
    place Y is asked to leave. The act asked for may stay in the record, flagged as demanded."""
    events = coded(nlp, text)
    assert shown(events) == [event]
    appeal = find(events, *event)
    assert appeal.root == "02"
    urged = event[2]
    rest = [e for e in events if e is not appeal]
    assert all(e.source_code == urged and e.modality == "demanded" for e in rest), triples(rest)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Germany said that Russia attacked Ukraine.", ("RUS", "190", "UKR")),
        ("Russia attacked Ukraine, Germany said.", ("RUS", "190", "UKR")),
        ("According to Germany, Russia attacked Ukraine.", ("RUS", "190", "UKR")),
        ("Germany said Russia criticized Ukraine.", ("RUS", "111", "UKR")),
        ("Germany said Russia recalled its ambassador from Ukraine.", ("RUS", "161", "UKR")),
    ],
)
def test_a_reported_act_is_coded_asserted_and_flagged_reported(nlp, text, event):
    """What a speaker says happened is the reported act, not an act of the speaker's."""
    events = coded(nlp, text)
    assert triples(events) == [event]
    assert events[0].reported
    assert events[0].asserted and events[0].default_output


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Germany said Russia attacked Ukraine.", ("RUS", "190", "UKR")),
        ("Germany said Russia invaded Ukraine.", ("RUS", "192", "UKR")),
    ],
)
def test_a_reported_act_without_that_is_still_the_reported_act(nlp, text, event):
    """Dropping "that" must not lose the act the speaker reports."""
    found = find(coded(nlp, text), *event)
    assert found.reported and found.asserted and found.default_output


def test_explain_names_the_reporting_clause_and_its_speaker(nlp):
    """The reported status is visible in `detente explain`, with who reports it."""
    explanation = api.explain("Germany said that Russia attacked Ukraine.", nlp=nlp)
    clause = next(c for c in explanation.clauses if c.predicate == "attacked")
    assert (clause.status, clause.speaker, clause.subject) == ("reported", "Germany", "Russia")


# --- 5. speech acts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "act", "announced"),
    [
        (
            "Iran announced it would send troops to Syria.",
            ("IRN", "154", "SYR"),
            ("IRN", "130", "SYR"),
        ),
        ("Iran said it would attack Iraq.", ("IRN", "190", "IRQ"), ("IRN", "1384", "IRQ")),
        ("Iran is planning to attack Iraq.", ("IRN", "190", "IRQ"), ("IRN", "1384", "IRQ")),
    ],
)
def test_an_actor_announcing_its_own_act_is_coded_as_the_announcement(nlp, text, act, announced):
    """ "Iran said it would attack Iraq" is a threat made now; the attack is only announced."""
    events = coded(nlp, text)
    assert shown(events) == [announced]
    assert find(events, *announced).pattern_id.startswith("announced<")
    assert not find(events, *act).asserted


@pytest.mark.parametrize(
    ("text", "act", "appeal"),
    [
        (
            "France says Russia must withdraw from Ukraine.",
            ("RUS", "0874", "UKR"),
            ("FRA", "0256", "RUS"),
        ),
        (
            "France says Russia should withdraw from Ukraine.",
            ("RUS", "0874", "UKR"),
            ("FRA", "0256", "RUS"),
        ),
    ],
)
def test_saying_another_must_act_is_an_appeal_to_it(nlp, text, act, appeal):
    """ "X says Y must withdraw" is X's demand on Y, not Y's withdrawal."""
    events = coded(nlp, text)
    assert shown(events) == [appeal]
    assert find(events, *appeal).pattern_id.startswith("appealed<")
    obliged = find(events, *act)
    assert obliged.modality == "obligation" and not obliged.default_output


# --- 6. nominal events ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran paid a visit to Iraq.", ("IRN", "042", "IRQ")),
        ("Iran launched an offensive against Iraq.", ("IRN", "190", "IRQ")),
        ("Russia held talks with China.", ("RUS", "040", "CHN")),
    ],
)
def test_a_light_verb_performs_the_act_its_object_names(nlp, text, event):
    """ "launched an offensive against Iraq" is an attack on Iraq."""
    assert triples(coded(nlp, text)) == [event]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Russia's foreign minister criticized Japan during a visit to China.", "host>nsubj"),
        ("The Russian president criticized Japan during his visit to China.", "noun>poss"),
    ],
)
def test_a_visit_in_a_time_phrase_is_an_act_of_the_clauses_subject(nlp, text, path):
    """ "during his visit to China" says the visit happened, besides the main act."""
    events = coded(nlp, text)
    assert sorted(triples(events)) == [("RUSGOV", "042", "CHN"), ("RUSGOV", "111", "JPN")]
    assert find(events, "RUSGOV", "042", "CHN").source_path == path


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Villagers in northern Syria fled the Turkish offensive on Afrin.", ("TUR", "190", "SYR")),
        (
            "Iran shelled Kuwait in retaliation for American strikes on Iranian oil platforms.",
            ("USA", "190", "IRN"),
        ),
        ("The Iraqi army came under attack from Iranian forces.", ("IRNMIL", "190", "IRQMIL")),
        ("The Iraqi troops were under assault from Iranian forces.", ("IRNMIL", "190", "IRQMIL")),
        ("Egypt welcomed Libyan officials under attack from Turkey.", ("TUR", "190", "LBYGOV")),
        (
            "Western strikes delivered on Bashar al-Assad's forces angered Russia.",
            ("WST", "190", "SYRMIL"),
        ),
        ("Iraqi troops fled the Iranian offensive on Iraqi towns.", ("IRN", "190", "IRQ")),
    ],
)
def test_an_attack_fled_avenged_or_suffered_happened(nlp, text, event):
    """Fleeing an offensive, retaliating for strikes and being under attack all say the attack
    took place: the noun is the attacker's act, against what its phrase or the sufferer names."""
    assert event in shown(coded(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Officials said Iran might shell Kuwait in retaliation for American strikes on Iranian "
        "oil platforms.",
        "There were rumours that Iran had shelled Kuwait in retaliation for American strikes on "
        "Iranian oil platforms.",
    ],
)
def test_an_attack_retaliated_for_happened_whatever_the_retaliation_is(nlp, text):
    assert ("USA", "190", "IRN") in shown(coded(nlp, text))


def test_an_attack_any_retaliation_would_answer_has_not_happened(nlp):
    text = "Iran threatened to shell Kuwait in retaliation for any American strike on Iran."
    assert not [e for e in shown(coded(nlp, text)) if e[0] == "USA"]


def test_an_attack_a_subject_is_under_is_not_the_subjects_act(nlp):
    """ "Egypt received officials under attack from Turkey": the attack is on the officials'
    side, never Egypt's, and a phrase the "under" only sits beside names no target."""
    events = shown(coded(nlp, "Egypt hosted talks in Cairo under attack from Turkey."))
    assert not [e for e in events if e[1] == "190" and e[2] and e[2].startswith("EGY")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia discussed the attack on Ukraine.",
        "The report examined the attack on Ukraine.",
    ],
)
def test_a_noun_that_names_a_topic_is_no_event(nlp, text):
    """Discussing an attack is not attacking."""
    assert coded(nlp, text) == ()


# --- 7. reduced relatives ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event", "target_path"),
    [
        (
            "Canada lifted the sanctions imposed on Iran.",
            ("CAN", "085", "IRN"),
            "dobj>acl>prep:on>pobj",
        ),
        (
            "Canada eased sanctions imposed on Iran by the United States.",
            ("CAN", "085", "IRN"),
            "dobj>acl>prep:on>pobj",
        ),
        (
            "Russia rejected the proposal made by Iran.",
            ("RUS", "120", "IRN"),
            "dobj>acl>agent>pobj",
        ),
    ],
)
def test_a_participle_after_the_object_belongs_to_its_phrase(nlp, text, event, target_path):
    """ "sanctions imposed on Iran": the participle is part of the object, so the frame reaches
    the actor inside it (a separate clause would be out of reach)."""
    events = coded(nlp, text)
    assert triples(events) == [event]
    assert events[0].target_path == target_path


# --- 8. predicative "as" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Iraq condemned the strike as a violation of Syria's sovereignty.",
        "Iraq condemned the strike as an attack on Syria.",
    ],
)
def test_an_as_phrase_describing_the_object_names_no_target(nlp, text):
    """The actor in "as a violation of Syria's sovereignty" is not who was condemned."""
    events = coded(nlp, text)
    assert [(e.code, e.target_code) for e in events] == [("111", None)]
    assert shown(events) == []


def test_an_as_phrase_about_the_subjects_own_country_is_not_a_self_event(nlp):
    """ "Iraq condemned the strike as a violation of Iraq's sovereignty": the explanation must not
    even consider Iraq acting on itself."""
    explanation = api.explain(
        "Iraq condemned the strike as a violation of Iraq's sovereignty.", nlp=nlp
    )
    assert not any("acting on itself" in d for d in explanation.decisions)
    assert [(e.source_code, e.target_code) for e in explanation.events] == [("IRQ", None)]


def test_the_objects_own_actor_stays_the_target_before_an_as_phrase(nlp):
    """The contrast: "the Turkish strike" still names Turkey."""
    text = "Iraq condemned the Turkish strike as a violation of Syria's sovereignty."
    assert triples(coded(nlp, text)) == [("IRQ", "111", "TUR")]


# --- 9. country adjectives --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran attacked the Iraqi positions.", ("IRN", "190", "IRQ")),
        ("Turkish troops shelled the Iraqi positions.", ("TURMIL", "194", "IRQ")),
    ],
)
def test_a_country_adjective_on_a_military_noun_names_the_target(nlp, text, event):
    """ "the Iraqi positions" are Iraq's: the attack is on Iraq."""
    events = coded(nlp, text)
    assert triples(events) == [event]
    assert events[0].target_path == "dobj>amod"


@pytest.mark.parametrize(
    "text",
    ["The European continent condemned Russia.", "The European continent welcomed the plan."],
)
def test_a_country_adjective_on_a_place_noun_names_no_actor(nlp, text):
    """A continent does not condemn anyone; "European" only locates the noun."""
    assert coded(nlp, text) == ()


def test_a_country_adjective_on_people_names_the_actor(nlp):
    """The contrast: European leaders do condemn."""
    assert triples(coded(nlp, "European leaders condemned Russia.")) == [("EUR", "111", "RUS")]


# --- 10. political sources --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers attacked Syria.",
        "Troops criticized Syria.",
        "Protesters condemned Russia.",
    ],
)
def test_a_sector_without_a_country_is_no_source(nlp, text):
    """Whose soldiers? An event needs a political actor as its source."""
    explanation = api.explain(text, nlp=nlp)
    assert explanation.events == ()
    assert any("has no country" in d for d in explanation.decisions), explanation.decisions


def test_a_sector_with_a_country_is_a_source(nlp):
    """The contrast: Syrian soldiers are Syria's military."""
    assert triples(coded(nlp, "Syrian soldiers attacked Turkey.")) == [("SYRMIL", "190", "TUR")]


# --- 11. state force --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pattern", "event"),
    [
        ("Iraqi troops wounded Iranian civilians.", "182", ("IRQMIL", "190", "IRNCVL")),
        ("The Iraqi army wounded 200 Iranian villagers.", "182", ("IRQMIL", "190", "IRNCVL")),
        ("Iraqi troops killed Iranian soldiers.", "1823", ("IRQMIL", "190", "IRNMIL")),
        ("Iran launched an offensive against Iraq.", "180", ("IRN", "190", "IRQ")),
        (
            "Iraqi troops used tear gas against Iranian protesters.",
            "175",
            ("IRQMIL", "190", "IRNCVL"),
        ),
    ],
)
def test_force_by_a_states_army_is_conventional(nlp, text, pattern, event):
    """CAMEO codes an army's violence as conventional military force (19x), not as the
    unconventional violence (18x) of armed groups."""
    (found,) = coded(nlp, text)
    assert triples([found]) == [event]
    assert found.pattern_id.startswith(f"{pattern}:")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Kurdish rebels killed Iraqi soldiers.", ("IRQREB", "1823", "IRQMIL")),
        ("Iraqi troops used tear gas against Iraqi protesters.", ("IRQMIL", "175", "IRQCVL")),
        ("Iraqi police fired tear gas at Iranian protesters.", ("IRQCOP", "175", "IRNCVL")),
    ],
)
def test_force_keeps_its_code_outside_the_state_force_table(nlp, text, event):
    """Rebels are no state force; repression of one's own people stays repression; police are
    not the army."""
    assert triples(coded(nlp, text)) == [event]


# --- 12. symmetric acts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "members"),
    [
        ("China and Israel discussed trade.", "040", ["CHN", "ISR"]),
        ("Russia and China signed an agreement.", "057", ["CHN", "RUS"]),
        ("India and Pakistan exchanged fire.", "193", ["IND", "PAK"]),
    ],
)
def test_a_mutual_act_of_a_compound_subject_codes_each_member_towards_each_other(
    nlp, text, code, members
):
    """Who is named first does not make one side the target: each did it with each."""
    expected = sorted((a, code, b) for a in members for b in members if a != b)
    assert sorted(shown(coded(nlp, text))) == expected


def test_a_mutual_announcement_codes_each_member_towards_each_other(nlp):
    """ "vowed to hold talks": the intent to meet is mutual too; the talks are only intended."""
    events = coded(nlp, "Russia and China vowed to hold talks.")
    assert sorted(shown(events)) == [("CHN", "036", "RUS"), ("RUS", "036", "CHN")]
    assert all(e.modality == "intended" for e in events if e.code == "040")


@pytest.mark.parametrize("text", ["Russia discussed trade.", "Russia held talks."])
def test_a_mutual_act_of_one_subject_codes_no_dyad(nlp, text):
    """Talks with nobody named: there is no one to be the target."""
    assert coded(nlp, text) == ()


# --- 13. place and article targets ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran launched fresh attacks near Basra.", ("IRN", "190", "IRQ")),
        ("Iranian forces shelled villages near Basra.", ("IRNMIL", "194", "IRQ")),
    ],
)
def test_force_in_another_countrys_place_targets_that_country(nlp, text, event):
    """Attacks near Basra with no target named are attacks on Iraq."""
    (found,) = coded(nlp, text)
    assert triples([found]) == [event]
    assert found.target_path == "place:Basra"
    assert found.default_output


def test_force_in_the_sources_own_country_gets_no_place_target(nlp):
    """Iran acting near Tehran is not Iran attacking itself, nor anyone named."""
    (found,) = coded(nlp, "Iran launched fresh attacks near Tehran.")
    assert (found.source_code, found.target_code, found.target_path) == ("IRN", None, None)
    assert not found.default_output


@pytest.mark.parametrize(
    "text",
    [
        "Iran attacked Iraq on Monday. Iran launched an attack in the north.",
        "Iraq said its troops repelled an Iranian attack. Iran launched a new offensive in the north.",
        "Iraq said its troops repelled an Iranian attack. Iran launched its attack in the north.",
    ],
)
def test_targetless_force_takes_the_other_side_of_the_articles_war(nlp, text):
    """In an article about the war between Iran and Iraq, Iran's attack in the north is on Iraq."""
    last = [e for e in coded(nlp, text) if e.sentence == 1]
    assert triples(last) == [("IRN", "190", "IRQ")]
    assert last[0].target_path == "article:IRQ"


@pytest.mark.parametrize(
    "text",
    [
        "Iran launched an attack in the north.",
        "Iran attacked Iraq on Monday. Iran attacked Syria on Tuesday. "
        "Iran launched an attack in the north.",
    ],
)
def test_no_article_target_is_guessed_without_a_single_enemy(nlp, text):
    """No war in the article, or a war on two fronts: the attack's target is not guessed."""
    last = [e for e in coded(nlp, text) if e.sentence == text.count(".") - 1]
    assert [(e.source_code, e.code, e.target_code, e.target_path) for e in last] == [
        ("IRN", "190", None, None)
    ]


# --- 14. determinism --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Turkey, which attacked Syria, criticized Iraq. Ten Syrians were killed.",
        "France, Germany and Italy condemned Russia. Iran said it would attack Iraq.",
        "Iran attacked Iraq on Monday. Iran launched an attack in the north near Basra.",
    ],
)
def test_coding_twice_gives_the_same_events(nlp, text):
    """The same text must give the same record, or stored results cannot be compared."""
    first, second = coded(nlp, text), coded(nlp, text)
    assert first
    assert first == second


# --- 15. provenance ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "predicate", "source_path", "target_path", "pattern_id"),
    [
        ("Russia condemned Ukraine.", "condemned", "nsubj", "dobj", "111:S condemn T"),
        (
            "Syria was attacked by Turkey.",
            "attacked",
            "agent",
            "nsubjpass",
            "190:S attack|assault T",
        ),
        (
            "France called on Russia to withdraw from Ukraine.",
            "called",
            "nsubj",
            "prep:on>pobj",
            "0256:S call on|upon T to withdraw from",
        ),
        (
            "Russia held talks with China.",
            "held",
            "nsubj",
            "dobj>prep:with>pobj",
            "040:S hold $MEET_TALKS_NOUN with T",
        ),
    ],
)
def test_a_parsed_event_says_how_it_was_found(
    nlp, text, predicate, source_path, target_path, pattern_id
):
    """The dependency paths and the pattern let a user check why an event was coded."""
    record = api.code_text(text, published=PUBLISHED, nlp=nlp)
    (event,) = record.events
    assert (event.source_path, event.target_path, event.pattern_id) == (
        source_path,
        target_path,
        pattern_id,
    )
    assert record.article.text[event.start : event.end] == predicate


def test_every_pattern_id_names_a_pattern_of_the_dictionary(nlp):
    """A speech act names the pattern of the act it was derived from."""
    ids = {p.id for p in default_patterns().patterns}
    events = coded(
        nlp, "Iran said it would attack Iraq. France says Russia must withdraw from Ukraine."
    )
    assert {e.pattern_id.split("<")[0] for e in events if "<" in e.pattern_id} == {
        "announced",
        "appealed",
    }
    assert all(e.pattern_id.split("<")[-1] in ids for e in events)


# --- regressions found while writing these tests ------------------------------------------------


def test_a_launched_attack_is_force_not_criticism(nlp):
    """ "Launched an attack on Iraq" is military force only; criticism needs a verbal word."""
    assert shown(coded(nlp, "Iran launched an attack on Iraq.")) == [("IRN", "190", "IRQ")]


def test_a_topic_after_talks_on_is_no_event(nlp):
    """ "talks on the attack on Ukraine": the attack is the talks' topic, not an act here."""
    events = coded(nlp, "Russia and China held talks on the attack on Ukraine.")
    assert sorted(shown(events)) == [("CHN", "040", "RUS"), ("RUS", "040", "CHN")]


def test_a_visit_before_its_owner_is_named_is_the_subjects(nlp):
    """ "During his visit to China, the Russian president ...": "his" is not yet known; the
    visit is the clause subject's."""
    events = coded(nlp, "During his visit to China, the Russian president criticized Japan.")
    assert find(events, "RUSGOV", "042", "CHN").default_output


@pytest.mark.parametrize("text", ["Iran and Iraq resumed hostilities.", "Iran and Iraq fought."])
def test_fighting_by_a_compound_subject_is_each_way(nlp, text):
    assert sorted(shown(coded(nlp, text))) == [("IRN", "190", "IRQ"), ("IRQ", "190", "IRN")]


def test_whose_names_the_owner(nlp):
    """ "Iraq, whose army attacked Iran": the army is Iraq's."""
    events = coded(nlp, "Iraq, whose army attacked Iran, criticized Kuwait.")
    assert ("IRQMIL", "190", "IRN") in shown(events)


def test_an_auxiliary_have_is_no_light_verb(nlp):
    """ "Officials have been optimistic about the talks": no "have talks" meeting."""
    events = coded(nlp, "U.S. officials have been optimistic about the talks with Russia.")
    assert not [e for e in events if e.root == "04"]
    assert ("RUSGOV", "040", "TURGOV") in shown(coded(nlp, "Putin has had talks with Erdogan."))


@pytest.mark.parametrize(
    ("text", "pair", "code"),
    [
        ("Heavy fighting between Iran and Iraq continued near Basra.", ("IRN", "IRQ"), "190"),
        ("Talks between Russia and Ukraine began in Minsk.", ("RUS", "UKR"), "040"),
    ],
)
def test_an_act_between_two_sides_is_coded_both_ways(nlp, text, pair, code):
    """ "fighting between Iran and Iraq": each side against the other."""
    a, b = pair
    assert {(a, code, b), (b, code, a)} <= set(shown(coded(nlp, text)))


def test_a_topic_between_two_sides_is_no_event(nlp):
    assert not shown(coded(nlp, "Iraq said fighting between Iran and Iraq was discussed."))


# --- scare quotes and what both sides did (issue 8/9 follow-ups) -------------------------------


def test_scare_quotes_do_not_cut_a_frame(nlp):
    text = 'Iran said its forces had "liberated" 155 square kilometers of territory.'
    record = api.code_text(text, nlp=nlp)
    assert [(e.source_code, e.code) for e in record.events] == [("IRNMIL", "192")]


def test_a_speaker_does_not_take_over_an_act_both_sides_did(nlp):
    text = "China and Israel discussed peace prospects at a meeting in New York, an Israeli spokesman said."
    record = api.code_text(text, nlp=nlp)
    assert sorted((e.source_code, e.target_code, e.code) for e in record.events) == [
        ("CHN", "ISR", "040"),
        ("ISR", "CHN", "040"),
    ]


def test_two_named_actors_of_one_code_are_two_actors(nlp):
    text = "Foreign Minister Mevlut Cavusoglu urged President Recep Tayyip Erdogan to act."
    record = api.code_text(text, nlp=nlp, published=dt.date(2018, 3, 1))
    assert [(e.source_code, e.target_code, e.code) for e in record.events] == [
        ("TURGOV", "TURGOV", "020")
    ]


def test_an_actor_of_one_code_on_each_side_without_names_is_no_event(nlp):
    record = api.code_text("Iraqi officials met Iraqi officials in Baghdad.", nlp=nlp)
    assert record.events == ()


def test_an_act_things_arose_from_happened(nlp):
    text = "It seems the shells arose from an exchange of fire between Iran and Iraq."
    record = api.code_text(text, nlp=nlp)
    assert sorted((e.source_code, e.target_code, e.code) for e in record.events) == [
        ("IRN", "IRQ", "194"),
        ("IRQ", "IRN", "194"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Stray shells from an exchange of fire between Iran and Iraq landed on Kuwaiti soil.",
        "Rockets from an exchange of fire between Iran and Iraq damaged a Kuwaiti tanker.",
    ],
)
def test_what_came_out_of_a_fight_says_the_fight_happened(nlp, text):
    events = api.code_text(text, nlp=nlp).events
    fights = sorted((e.source_code, e.target_code, e.code) for e in events if e.root == "19")
    assert fights == [("IRN", "IRQ", "194"), ("IRQ", "IRN", "194")]


def test_protection_from_a_fight_is_no_fight(nlp):
    text = "Kuwait sought protection from an exchange of fire between Iran and Iraq."
    assert not [e for e in api.code_text(text, nlp=nlp).events if e.root == "19"]


def test_a_foiled_thrust_is_force_against_the_other_side_of_the_war(nlp):
    text = (
        "Iranian troops attacked Iraqi positions near Basra on Monday. "
        "Iraq said it had foiled a three-pronged thrust east of the city."
    )
    record = api.code_text(text, nlp=nlp)
    foiled = [e for e in record.events if e.sentence == 1]
    assert [(e.source_code, e.target_code, e.root) for e in foiled] == [("IRQ", "IRN", "19")]


def test_a_target_without_a_country_is_named_but_not_coded(nlp):
    record = api.code_text("The Iraqi foreign minister told MPs the talks had failed.", nlp=nlp)
    (event,) = [e for e in record.events if e.code.startswith("01")]
    assert event.source_code == "IRQGOV"
    assert event.target_code is None and event.target_text == "MPs"
    assert not event.default_output


def test_rebels_without_a_country_stay_a_target(nlp):
    record = api.code_text("Sudanese troops attacked rebels near the border.", nlp=nlp)
    assert [(e.source_code, e.target_code) for e in record.events] == [("SDNMIL", "REB")]


# --- policies and documents -------------------------------------------------------------------


def test_an_ownerless_policy_is_the_governments(nlp):
    """In a story on one country's politics, "the plans" and "the bill" are its government's:
    opposing them is opposing the government."""
    text = (
        "The British government published its plans on Monday. Opposition MPs opposed the "
        "plans, and the upper house rejected the bill. Britain's ministers defended the measures."
    )
    events = shown(coded(nlp, text))
    assert ("GBROPPLEG", "110", "GBRGOV") in events
    assert ("GBRLEG", "120", "GBRGOV") in events
    assert len(events) == 2


def test_a_policy_with_an_owner_or_a_government_defending_it_is_no_act_on_the_government(nlp):
    """ "the plan proposed by Iran" is Iran's; the government defending its own measures is no
    act towards anyone."""
    events = shown(
        coded(
            nlp,
            "The British government published its plans on Monday. British ministers defended "
            "the measures. Opposition MPs rejected the plan proposed by Iran.",
        )
    )
    assert ("GBROPPLEG", "120", "IRN") in events
    assert not [e for e in events if e[0] == "GBRGOV" and e[2] == "GBRGOV"]
    assert not [e for e in events if e[2] == "GBRGOV" and e[1] == "120"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Turkish opposition tabled a motion condemning Russia.", ("TUROPP", "111", "RUS")),
        (
            "A resolution condemning Israel was adopted by the Arab League.",
            ("IGOARBARL", "111", "ISR"),
        ),
        ("Iran issued a statement that criticized Turkey.", ("IRN", "111", "TUR")),
    ],
)
def test_a_document_speaks_for_its_author(nlp, text, event):
    """ "tabled a motion condemning Russia": the motion's act is its author's."""
    assert event in triples(coded(nlp, text))


# --- obligations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran said the United States had to leave the Gulf.", ("IRN", "020", "USA")),
        ("Iran said Iraqi forces needed to leave.", ("IRN", "020", "IRQMIL")),
        (
            "“The British government must act now,” the French foreign minister said.",
            ("FRAGOV", "020", "GBRGOV"),
        ),
        (
            "The Iranian president said Turkey should have consulted Tehran.",
            ("IRNGOV", "111", "TUR"),
        ),
        (
            "The Iranian president said Turkey should not be using threats against Iran.",
            ("IRNGOV", "111", "TUR"),
        ),
        (
            "The British prime minister said the British parliament must approve the treaty.",
            ("GBRGOV", "020", "GBRLEG"),
        ),
    ],
)
def test_an_obligation_stated_about_an_actor_is_an_appeal_or_a_reproach(nlp, text, event):
    """What another actor must or should do is an appeal to it, whatever the act; what it
    should have done, or should not be doing, is a reproach."""
    assert event in shown(coded(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Iranian president said Iran must defend itself.",
        "Some analysts think that Iraq should withdraw from Kuwait.",
        "British troops are on standby in case they need to evacuate citizens, the British "
        "defence ministry said.",
        "Tehran said Iraq should be able to export oil.",
        'Iran said: "If the Iraqi government believes that Kuwait should pay, it should ask Iran."',
    ],
)
def test_no_appeal_to_oneself_from_no_one_or_in_a_condition(nlp, text):
    """A country's official on the country's duty, an obligation reported by no actor, one in
    a condition and what is merely possible are no appeals."""
    assert not [e for e in shown(coded(nlp, text)) if e[1] in ("020", "111")]


def test_pressure_a_side_is_under_is_its_sources_demand(nlp):
    """ "under pressure from Washington": the US presses the government."""
    text = "The Iraqi government is under pressure from Washington to hold elections."
    assert ("USAGOV", "100", "IRQGOV") in shown(coded(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Iran was criticised by Iraqi ministers and by Saudi officials.",
        "In March, Iran was criticised by Iraqi ministers, and by Saudi officials.",
    ],
)
def test_every_by_phrase_of_a_passive_is_an_agent(nlp, text):
    """ "criticised by A and by B": both criticised, however the parse joins the two phrases."""
    assert {("IRQGOV", "111", "IRN"), ("SAUGOV", "111", "IRN")} <= set(shown(coded(nlp, text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jack Smith, a Briton held in Syria, accused the British government of neglect.",
            ("GBRCVL", "112", "GBRGOV"),
        ),
        ("Jack Smith, a Briton, travelled to Syria in 2014.", None),
        ("Jack Smith, a Briton, met Syrian officials in Damascus.", None),
    ],
)
def test_a_private_person_acts_politically_only_by_speaking_out(nlp, text, expected):
    """A civilian who accuses a government is a source; one who travels or meets is not."""
    events = shown(coded(nlp, text))
    if expected is None:
        assert not [e for e in events if e[0] == "GBRCVL"]
    else:
        assert expected in events


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The British prime minister held talks at Downing Street with the Irish premier.",
            ("GBRGOV", "040", "IRLGOV"),
        ),
        ("Iran met in Geneva on Monday with Iraqi officials.", ("IRN", "040", "IRQGOV")),
    ],
)
def test_a_reciprocal_act_takes_its_partner_from_a_later_with(nlp, text, event):
    """ "held talks at Downing Street with X": the "with" phrase names the other side, however
    far from the verb; one side's act, not both ways."""
    events = shown(coded(nlp, text))
    assert events == [event]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Russia massed troops on the Ukrainian border.", ("RUS", "154", "UKR")),
        ("Israeli forces carried out raids on Palestinian towns.", ("ISRMIL", "190", "PSE")),
        ("Iranian troops shelled Iraqi towns.", ("IRNMIL", "194", "IRQ")),
    ],
)
def test_a_country_adjective_on_a_place_names_the_target_of_force(nlp, text, event):
    """ "on the Ukrainian border", "Iraqi towns": the place is that country's ground."""
    assert shown(coded(nlp, text)) == [event]


def test_a_country_adjective_on_no_place_names_no_target(nlp):
    """ "Iranian weapons" are no place: the shelling has no target from them."""
    events = shown(coded(nlp, "Iraqi troops shelled the town with Iranian weapons."))
    assert not [e for e in events if e[2] == "IRN"]


def test_an_act_an_official_orders_done_is_the_officials(nlp):
    """ "ordered that Smith be stripped of her citizenship": the order's act is the orderer's,
    asserted as the order is."""
    text = (
        "Jane Smith, a British-born student, joined Isis in Syria. The home secretary, Sajid "
        "Javid, ordered that Smith be stripped of her British citizenship."
    )
    events = api.code_text(text, published=dt.date(2019, 3, 6), nlp=nlp).events
    assert ("GBRGOV", "172", "GBRCVL") in [
        (e.source_code[:6], e.code, e.target_code) for e in events if e.default_output
    ]


def test_an_intention_denied_is_no_commitment(nlp):
    """ "were not intended to unseat the regime": no threat or promise is announced."""
    text = "Britain said its strikes were not intended to unseat the Syrian government."
    assert not [e for e in shown(coded(nlp, text)) if e[1][:2] in ("03", "13")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two British journalists were arrested in Iran on Monday.", ("IRN", "173", "GBRMED")),
        (
            "Aine Davis, a Briton, was convicted on terror charges in Turkey.",
            ("TUR", "116", "GBRCVL"),
        ),
        ("Iranian students were arrested in Iran on Monday.", None),
        (
            "A Danish aid worker is being held in a detention centre in eastern Libya.",
            ("LBY", "173", "DNKNGO"),
        ),
    ],
)
def test_an_arrest_or_conviction_in_a_country_is_that_states(nlp, text, expected):
    """Only a state arrests, tries or convicts on its ground; for its own citizens the text does
    not say whose police or court it was."""
    events = shown(coded(nlp, text))
    assert events == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Two Americans were held by Iranian police for a week.", ("IRNCOP", "173", "USA")),
        ("The Briton, held by Syrian rebels, is ill.", ("SYRREB", "173", "GBR")),
        ("Russia holds Crimea.", None),
        ("The Iraqi army held the town for a week.", None),
    ],
)
def test_a_passive_only_frame_has_no_active_reading(nlp, text, event):
    """ "held by the rebels" is detention (``passiveonly``); "Russia holds Crimea" is none."""
    found = [e for e in shown(coded(nlp, text)) if e[1] == "173"]
    assert found == ([event] if event else [])


def test_what_someone_had_done_to_them_by_an_agent_is_the_agents_act_on_them(nlp):
    """ "had their homes confiscated by the army": the army's seizure, from the residents."""
    text = "Two Syrian residents of Ghouta had their homes confiscated by the Syrian army."
    assert ("SYRMIL", "1711", "SYRCVL") in shown(coded(nlp, text))


def test_a_possessor_whose_clause_belongs_to_no_actor_refers_to_no_actor(nlp):
    """ "Both Umm Ali and her neighbour had their homes seized" after militias are named: the
    homes are the women's, not the militias'."""
    text = (
        "Kurdish militias entered Ghouta in Syria. Both Umm Ali and her neighbour had their "
        "homes confiscated by the Syrian army."
    )
    assert not [e for e in coded(nlp, text) if e.code == "1711" and e.target_code == "SYRUAF"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Iranian foreign minister arrived in Baghdad on Monday.", ("IRNGOV", "042", "IRQ")),
        (
            "The Iraqi foreign minister, on his first official visit to London, met the British "
            "prime minister.",
            ("IRQGOV", "042", "GBR"),
        ),
        # a visit the text says will happen is the intent to meet, to the place's country too
        (
            "The Iranian foreign minister will travel to Baghdad next week.",
            ("IRNGOV", "036", "IRQ"),
        ),
    ],
)
def test_a_visit_to_a_place_is_a_visit_to_its_country(nlp, text, event):
    """The event stage hands a visit's place on as a phrase and the place stage names its
    country, as for force; the visitor's own capital names no one."""
    assert event in shown(coded(nlp, text))
    own = shown(coded(nlp, "The Iranian foreign minister flew to Tehran for talks."))
    assert not [e for e in own if e[1] == "042"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Smith, a Briton, was held in Syria. Her father accused the British government "
            "of neglect.",
            ("GBRCVL", "112", "GBRGOV"),
        ),
        ("Angela Merkel met a journalist in Berlin. Her husband criticised Russia.", None),
    ],
)
def test_a_relative_is_a_private_person_of_the_possessors_country(nlp, text, expected):
    """ "Her father accused ...": the father of a British civilian speaks as a civilian; the
    chancellor's husband is not the chancellor."""
    events = [e for e in shown(coded(nlp, text)) if e[1][:2] == "11"]
    assert events == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text",
    [
        "Jane Smith, a Briton, joined Isis in Syria. The home secretary, Sajid Javid, ordered "
        "her citizenship revoked.",
        "Jane Smith, a Briton, joined Isis in Syria. Her citizenship was revoked by the British "
        "government.",
    ],
)
def test_a_passive_act_on_what_someone_owns_targets_the_owner(nlp, text):
    """ "her citizenship was revoked by the government": the frame "revoke T 's citizenship"
    read on the passive, its target the owner."""
    events = api.code_text(text, published=dt.date(2019, 3, 6), nlp=nlp).events
    assert [(e.code, e.target_code) for e in events if e.default_output] == [("172", "GBRCVL")]


def test_a_vow_commits_the_one_who_vows(nlp):
    """ "Iran vowed to avenge the killing of its general by the United States": the killing is
    the US's act, and no US threat or promise is announced."""
    text = "Iran vowed to avenge the killing of its general by the United States."
    events = shown(coded(nlp, text))
    assert not [e for e in events if e[0] == "USA" and e[1][:2] in ("03", "13")]
