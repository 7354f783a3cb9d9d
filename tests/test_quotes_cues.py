"""Speech cues must have a speaker; spans end where the utterance ends; one utterance, one
record (issue 10, "Quotations you can cite")."""

from __future__ import annotations

import pytest

from detente.evaluate.quotes import EVAL_STAGES
from detente.model import Article, Quote
from detente.pipeline import build_pipeline, make_doc
from detente.quotes.marks import quoted_spans
from detente.quotes.tokens import paragraph_ranges


@pytest.fixture(scope="module")
def parsed():
    """The quote stage with the spaCy parse (the default pipeline)."""
    return build_pipeline(stages=EVAL_STAGES)


@pytest.fixture(scope="module")
def rules():
    """The rule-only pipeline (``--fast``): no parse, the words decide."""
    return build_pipeline(model="", stages=EVAL_STAGES)


def _quotes(nlp, text: str) -> list[Quote]:
    doc = nlp(make_doc(nlp, Article(id="t", text=text)))
    return list(doc._.quotes)


# --- cues ---------------------------------------------------------------------------------

IMPERSONAL = [
    pytest.param(
        "It is believed that the talks will resume in May next year.", id="it-is-believed"
    ),
    pytest.param("The minister is thought to have left the country last week.", id="is-thought"),
    pytest.param("The vote is expected to take place after the summer recess.", id="is-expected"),
    pytest.param(
        "An estimated 500 people were killed in the fighting near the town.", id="estimated"
    ),
    pytest.param(
        "The alleged attack on the convoy took place near the border crossing.", id="alleged"
    ),
    pytest.param("Let's hope that the ceasefire holds through the winter months.", id="lets-hope"),
    pytest.param("He was told that the embassy would close on Friday morning.", id="was-told"),
    pytest.param("It turns out that the minister had left the country.", id="it-turns-out"),
]


@pytest.mark.parametrize("text", IMPERSONAL)
@pytest.mark.parametrize("pipeline", ["parsed", "rules"])
def test_impersonal_and_epistemic_forms_are_not_cues(request, pipeline, text):
    nlp = request.getfixturevalue(pipeline)
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Smith believes that the talks will resume in May.", "Smith", "believes"),
        ("The minister was quoted as saying the talks would resume.", "The minister",
         "quoted as saying"),
        ("The senator is saying that the bill will pass this week.", "The senator", "saying"),
    ],
)  # fmt: skip
def test_active_cues_with_a_subject_are_cues(parsed, text, speaker, cue):
    quotes = _quotes(parsed, text)
    assert [(q.speaker_text, q.cue) for q in quotes] == [(speaker, cue)]


def test_doubled_apostrophes_are_a_quotation_mark():
    text = "''It has the virtue of being responsible,'' Burman said. ''It doesn't 'fix' it.''"
    spans = quoted_spans(text, paragraph_ranges(text))
    assert [text[s.start : s.end] for s in spans] == [
        "It has the virtue of being responsible,",
        "It doesn't 'fix' it.",
    ]


def test_doubled_apostrophes_quote_is_attributed(parsed):
    text = "''We wanted to control the real estate,'' said Michael Cernech, the city manager."
    quotes = _quotes(parsed, text)
    assert [(q.text, q.kind, q.speaker_text) for q in quotes] == [
        ("We wanted to control the real estate,", "direct", "Michael Cernech")
    ]


# --- spans ----------------------------------------------------------------------------------


def test_said_a_and_said_b_is_two_quotes_by_one_speaker(parsed):
    text = "Smith said the talks would resume in May and later said they would probably fail."
    quotes = _quotes(parsed, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("the talks would resume in May", "Smith"),
        ("they would probably fail", "Smith"),
    ]


def test_a_directive_does_not_run_on_over_a_second_cue(parsed):
    text = (
        'She urges her husband to get out of the car and repeatedly says, "Don\'t do it," to him.'
    )
    quotes = _quotes(parsed, text)
    assert [(q.text, q.kind, q.speaker_text) for q in quotes] == [
        ("her husband to get out of the car", "indirect", "She"),
        ("Don't do it,", "direct", "She"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Officials told Reagan the arms sales were generating money for the rebels.",
         "the arms sales were generating money for the rebels"),
        ("The envoy warned Moscow on Tuesday that sanctions would follow the vote.",
         "sanctions would follow the vote"),
    ],
)  # fmt: skip
def test_the_hearer_is_not_part_of_the_quote(parsed, text, content):
    quotes = _quotes(parsed, text)
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker_text in ("Officials", "The envoy")


# --- one utterance, one record --------------------------------------------------------------


def _nested(quotes: list[Quote]) -> list[tuple[str, str]]:
    return [
        (q.text, o.text)
        for q in quotes
        for o in quotes
        if o is not q and o.start <= q.start and q.end <= o.end
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Trump said he believes Afghanistan was “a terrible mistake,” and left the stage.",
        "The source added Clinton had told police officials that she did not want the escort.",
        "Clinton said she thinks America is strongest when people work together.",
        'Yahoo News reported that Lehrich said "she would sign this legislation if it came."',
    ],
)
def test_no_record_inside_another(parsed, text):
    quotes = _quotes(parsed, text)
    assert quotes and not _nested(quotes), [(q.text, q.kind) for q in quotes]


def test_a_quotation_inside_another_cue_s_clause_is_kept_and_the_clause_cut(parsed):
    from detente.quotes.extract import Attribution, Draft
    from detente.quotes.merge import one_per_utterance
    from detente.quotes.tokens import Cue

    text = 'Yahoo News reported that the spokesman said "she would sign it."'
    cues = [Cue(2, 3, None), Cue(6, 7, None)]  # type: ignore[arg-type]
    clause, quote = text.index("the spokesman"), text.index("she would")
    outer = Draft(clause, len(text) - 1, "indirect", 0, Attribution(cues[0], (0, 2)))
    inner = Draft(quote, len(text) - 1, "direct", 0, Attribution(cues[1], (4, 6)))
    kept = one_per_utterance([outer, inner], text)
    assert [(text[d.start : d.end], d.kind) for d in kept] == [
        ("the spokesman said", "indirect"),
        ("she would sign it.", "direct"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Last month Donald Trump said he had signed an order to keep the prison open.",
         "Donald Trump"),
        ("RNC spokesman Sean Spicer on Thursday evening said the party was not in a crisis.",
         "RNC spokesman Sean Spicer"),
        ("Day said the radical language in the platform is diminishing the party.", "Day"),
    ],
)  # fmt: skip
def test_a_time_phrase_is_no_speaker(parsed, text, speaker):
    quotes = _quotes(parsed, text)
    assert [q.speaker_text for q in quotes] == [speaker]


# --- speakers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('In New Hampshire, he mocked Bush, calling him a "stiff" and a loser.', "he", "calling"),
        ("Trump tweeted on Friday, saying the election was rigged against him.", "Trump",
         "saying"),
    ],
)  # fmt: skip
def test_a_participle_cue_speaks_with_its_clause_s_subject(parsed, text, speaker, cue):
    quotes = _quotes(parsed, text)  # "mocked Bush" is a stance of its own (quotes/stance.py)
    assert [(q.speaker_text, q.cue) for q in quotes if q.cue != "mocked"] == [(speaker, cue)]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("Critics cited FBI Director James Comey's conclusion that her actions were careless.",
         "her actions were careless", "FBI Director James Comey", "conclusion"),
        ("Trump repeated his claim that the election was rigged against him.",
         "the election was rigged against him", "his", "claim"),
    ],
)  # fmt: skip
def test_a_noun_cue_with_its_possessor_reports_a_that_clause(parsed, text, content, speaker, cue):
    quotes = _quotes(parsed, text)
    assert [(q.text, q.speaker_text, q.cue) for q in quotes] == [(content, speaker, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "The statement that he made on Monday was false in every respect.",
        "A claim that the vote was rigged spread quickly across the country.",
    ],
)
def test_a_noun_cue_without_a_possessor_or_clause_is_no_cue(parsed, text):
    assert _quotes(parsed, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"China is concerned," the independent Vermont senator and presidential candidate told'
         ' ABC.', "the independent Vermont senator and presidential candidate"),
        ("“We are ready,” Thomas Hanify, the president of the Indiana state firefighters union,"
         " said of his members.", "Thomas Hanify"),
        ("“There is energy in a whole host of races,” Rep. Earl Blumenauer (D-Ore.) said.",
         "Rep. Earl Blumenauer"),
        ('"I do not know where he stands," said undecided Republican voter Stephanie Hooton.',
         "undecided Republican voter Stephanie Hooton"),
        ("“Is Obama profiling?” reacted Trump.", "Trump"),
    ],
)  # fmt: skip
def test_the_speaker_after_a_quotation(parsed, text, speaker):
    quotes = _quotes(parsed, text)
    assert [(q.kind, q.speaker_text) for q in quotes][:1] == [("direct", speaker)]


def test_a_clause_word_before_a_pronoun_is_not_the_speaker(parsed):
    text = 'I said, "I do not believe it." To which she said, "Thank God you still believe."'
    assert [q.speaker_text for q in _quotes(parsed, text)] == ["I", "she"]


def test_a_cue_after_an_apposition_is_a_verb_even_if_parsed_as_a_reduced_relative(parsed):
    text = (
        "Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: "
        '"Important distinction: thug Putin kills journalists."'
    )
    quotes = _quotes(parsed, text)
    assert [(q.speaker_text, q.cue) for q in quotes] == [("Mitt Romney", "tweeted")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The Arizona Republican survived years in a Vietnamese prison and says such techniques"
         " are inhumane.", "The Arizona Republican", "such techniques are inhumane"),
        ("Mr. Manafort, citing “the unique magic of Trump,” said the candidate could be in a"
         " very competitive situation.", "Mr. Manafort",
         "the candidate could be in a very competitive situation"),
    ],
)  # fmt: skip
def test_the_parse_subject_speaks_when_the_words_before_the_cue_do_not(
    parsed, text, speaker, content
):
    quotes = _quotes(parsed, text)
    assert (speaker, content) in [(q.speaker_text, q.text) for q in quotes]


def test_an_introductory_phrase_before_x_said_comma_is_not_the_content(parsed):
    text = "In the end, Mr. Rosenthal said, union voters almost always vote for the Democrats."
    quotes = _quotes(parsed, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("union voters almost always vote for the Democrats", "Mr. Rosenthal")
    ]


def test_a_circumstance_between_the_cue_and_that_is_skipped(parsed):
    text = "Newt Gingrich, a Trump ally, said in an interview that the mogul should ignore critics."
    quotes = _quotes(parsed, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("the mogul should ignore critics", "Newt Gingrich")
    ]


def test_a_cue_after_a_sentence_closed_inside_the_quote_is_another_quote_s(parsed):
    text = (
        '"It\'s a very sad development," Cruz told reporters. "That has no place in a campaign."'
        " Ohio Gov. John Kasich said he would have fired the manager."
    )
    quotes = _quotes(parsed, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("It's a very sad development,", "Cruz"),
        ("That has no place in a campaign.", "Cruz"),
        ("he would have fired the manager", "Ohio Gov. John Kasich"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Iraq said its forces killed 15,000 guards near Basra, adding 1,200 Iraqis were killed"
         " in the fighting.", "Iraq", "1,200 Iraqis were killed in the fighting"),
        ("Lavrov read out a brief statement saying the three countries believed the committee"
         " could meet.", "a brief statement",
         "the three countries believed the committee could meet"),
        ("Lord Goldsmith's admission that his answer was not a summary of his opinion suggested"
         " Parliament was misled.", "Lord Goldsmith", "his answer was not a summary of his opinion"),
    ],
)  # fmt: skip
def test_participles_and_noun_clauses_by_the_parse(parsed, text, speaker, content):
    quotes = _quotes(parsed, text)
    assert (speaker, content) in [(q.speaker_text, q.text) for q in quotes]


def test_according_to_a_lower_case_source(parsed):
    text = "White union members favored Mr. Obama in 2008, according to polling by the union."
    quotes = _quotes(parsed, text)
    assert [(q.text, q.speaker_text, q.cue) for q in quotes] == [
        ("White union members favored Mr. Obama in 2008", "polling", "according to")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Washington Post reported that the campaign had spent $2 million on ads.", True),
        ("It was reported that the campaign had spent $2 million on ads.", False),
    ],
)
def test_reported_with_a_subject_reports_a_clause(parsed, text, found):
    quotes = _quotes(parsed, text)
    expected = [("the campaign had spent $2 million on ads", "The Washington Post")]
    assert [(q.text, q.speaker_text) for q in quotes] == (expected if found else [])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In January Secretary of State George Shultz told Congress there would be no more"
         " transfers.", "Secretary of State George Shultz"),
    ],
)  # fmt: skip
def test_a_month_opening_the_phrase_is_no_speaker(parsed, text, speaker):
    assert [q.speaker_text for q in _quotes(parsed, text)] == [speaker]


def test_a_noun_read_as_the_first_word_of_a_verb_cue_is_no_cue(parsed):
    text = "Conservative MP Michael Mates joined calls for a probe into the claims about the war."
    assert _quotes(parsed, text) == []


def test_the_hearer_alone_is_no_quote(parsed):
    text = "One of the officials told the news agency on Friday evening in Washington."
    assert _quotes(parsed, text) == []


def test_a_hyphenated_word_stays_in_the_speaker_phrase(parsed):
    text = "The film-maker Alexandra Shiva said she was drawn to depict the struggle of refugees."
    assert [q.speaker_text for q in _quotes(parsed, text)] == ["The film-maker Alexandra Shiva"]


def test_a_long_subject_speaks_by_its_head_not_its_last_noun(parsed):
    text = (
        "The head of the opposition delegation to the talks with the Syrian Negotiations"
        " Commission said he welcomed the US keeping troops."
    )
    quotes = _quotes(parsed, text)
    assert [(q.speaker_text, q.speaker_code) for q in quotes] == [("The head", None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"It is a battle for the ages," said David Brock, a Clinton confidant who heads the'
         " super PAC Correct the Record.", "David Brock"),
        ("“That would have been a demonstration of good faith,” Toomey fumed on Tuesday.",
         "Toomey"),
        ("As Tom Ridge, a former secretary of homeland security, put it: “The barbarians are"
         " inside.”", "Tom Ridge"),
    ],
)  # fmt: skip
def test_more_speakers_of_direct_quotations(parsed, text, speaker):
    quotes = _quotes(parsed, text)
    assert [(q.kind, q.speaker_text) for q in quotes] == [("direct", speaker)]


def test_feet_and_inches_open_no_quotation():
    text = 'The mayor is 6\'3" tall and "very fit," the doctor said. "We won 3-2" he said.'
    spans = quoted_spans(text, paragraph_ranges(text))
    assert [text[s.start : s.end] for s in spans] == ["very fit,", "We won 3-2"]


def test_an_unclosed_straight_mark_in_a_curly_text_is_a_layout_remnant():
    """Issue 10: a transcript or block quote copied with a straight mark opening each
    paragraph, in a text whose quotations are curly, holds no quotation of its own."""
    text = (
        "The mayor spoke to the harbour board. “We will close the pier,” she said.\n\n"
        '"CHAIR: Let us start with the pier and the silt in the channel.\n\n'
        '"The pier will close in May," the chair said.'
    )
    spans = quoted_spans(text, paragraph_ranges(text))
    assert [text[s.start : s.end] for s in spans] == [
        "We will close the pier,",
        "The pier will close in May,",
    ]


def test_an_unclosed_straight_mark_in_a_straight_text_still_opens_a_quotation():
    text = 'The mayor spoke.\n\n"We will close the pier and the old market in May.'
    spans = quoted_spans(text, paragraph_ranges(text))
    assert [text[s.start : s.end] for s in spans] == [
        "We will close the pier and the old market in May."
    ]
