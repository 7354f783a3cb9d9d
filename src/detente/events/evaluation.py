"""Criticism stated as a judgement: "“The Foreign Office have been completely obstructive,” she
said", "peace was the only reason for having the “outdated” EU", "the regime's illegal,
indiscriminate use of weapons", "what it called the tottering regime in Baghdad".

No verb of criticising is there; the speaker judges another actor's conduct with a word that
condemns it. CAMEO codes that as criticism (111) by the speaker towards the actor judged. Three
forms are read: the word is what a copula says of an actor ("X has been obstructive", "X is
guilty of"), it modifies an actor ("the outdated EU"), or it modifies a thing an actor owns
("the regime's illegal use"). The speaker is the reporting clause's subject, the speaker of the
direct quotation the word is in, or the subject of "called" ("what Iran called the tottering
regime"). Both must be coded actors with a country or an organisation's code, and not one
actor. Words the journalist writes without a speaker are no one's criticism and are left alone.
The words (``CONDEMNING_WORDS``) judge conduct; words of harm or fear ("deadly", "dangerous",
"worried") describe events or feelings, and are not in the list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from ..model import Event, Mention, Quote
from .clauses import analyse, is_predicate
from .deontic import placed, quote_speaker, said_event, spoken_events
from .inflect import forms
from .ontology import EventType, Ontology
from .owners import POLICY_PATH, government_of, policy_object
from .phrases import heads_slots, np_slots
from .sentence import SentenceView

CRITICISM_CODE = "111"
#: Words that condemn an actor's conduct, whoever says them of whom.
CONDEMNING_WORDS = frozenset(
    "obstructive absurd illegal unlawful illegitimate despicable disgraceful shameful "
    "deplorable outrageous appalling unacceptable irresponsible reckless hypocritical "
    "dishonest deceitful cynical arrogant incompetent corrupt authoritarian undemocratic "
    "dictatorial tyrannical criminal barbaric inhumane indiscriminate brutal tottering "
    "outdated excessive unjust unfair arbitrary discriminatory provocative destabilising "
    "destabilizing obstructionist intransigent belligerent aggressive expansionist "
    "guilty complicit culpable negligent".split()
)
#: Nouns that judge their subject's conduct a problem when a clause says what it is or poses
#: ("Iran's programme poses a threat", "the opposition's stance represented a huge problem").
PROBLEM_NOUNS = frozenset(
    "threat threats danger menace obstacle obstacles problem hindrance impediment disgrace "
    "scandal farce provocation".split()
)
#: Verbs whose object says what their subject is ("poses a threat", "represents a problem").
POSING_VERBS = frozenset(w for verb in ("pose", "represent", "constitute") for w in forms(verb))
#: Determiners that deny the judgement ("poses no threat").
DENYING_DETERMINERS = frozenset({"no", "neither"})
#: Verbs whose object is named with a judgement ("what it called the tottering regime").
NAMING_VERBS = frozenset({"called", "calls", "call", "calling", "branded", "brands", "labelled"})
#: How far up the tree the word looks for the clause that reports it ("argued that peace was
#: the only reason for having the outdated EU": four steps).
SPEAKER_REACH = 8
#: Copulas whose predicate says what the subject is ("have been", "seems", "remains").
COPULAS = frozenset({"be", "seem", "appear", "remain", "become", "look", "sound"})


def _judged(word: Token) -> Token | None:
    """The noun the judgement is about: a copula's subject's head ("X has been obstructive"),
    or the noun the word modifies ("the outdated EU", "the regime's illegal use")."""
    if word.dep_ in ("acomp", "attr") and word.head.lemma_ in COPULAS:
        return next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if word.dep_ == "dobj" and word.head.lower_ in POSING_VERBS and word.lower_ in PROBLEM_NOUNS:
        return next((c for c in word.head.children if c.dep_ == "nsubj"), None)
    if word.lower_ in PROBLEM_NOUNS:
        return None  # "a threat to Iran" names no one judged
    if word.dep_ in ("amod", "compound") and word.head.pos_ in ("NOUN", "PROPN"):
        return word.head  # "the tottering regime": the tagger may read the word as a noun
    return None


def _owner(view: SentenceView, noun: Token) -> tuple[int, ...]:
    """The actor the noun is, or the one that owns it ("the regime's use")."""
    slots, _ = np_slots(view, noun)
    if slots:
        return slots
    for child in noun.children:
        if child.dep_ == "poss":
            return np_slots(view, child)[0]
    return ()


def _speaker(
    view: SentenceView,
    word: Token,
    quotes: Sequence[Quote],
    mentions: Mapping[str, Mention],
) -> Mention | None:
    """Who says the judgement: the reporting clause, the direct quotation, or "called"."""
    node = word
    for _ in range(SPEAKER_REACH):
        if node.lower_ in NAMING_VERBS:
            subjects, _ = heads_slots(view, analyse(node).subjects)
            return view.slots[subjects[0]].mention if subjects else None
        if is_predicate(node):
            clause = analyse(node)
            speakers, _ = heads_slots(view, clause.speaker)
            if speakers:
                return view.slots[speakers[0]].mention
            if clause.speaker:
                return None  # reported by someone who is no actor
        if node.head.i == node.i:
            break
        node = node.head
    return quote_speaker(word, quotes, mentions)


def evaluation_events(
    views: Sequence[SentenceView],
    events: Sequence[Event],
    quotes: Sequence[Quote],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """The criticisms stated as judgements (module docstring), undated."""
    found = ontology.get(CRITICISM_CODE)
    if found is None:
        return []
    said = {(e.sentence, e.source_code, e.target_code) for e in events if e.root == "11"}
    out: list[Event] = []
    for view in views:
        for word in view.span:
            if word.lower_ not in CONDEMNING_WORDS and word.lower_ not in PROBLEM_NOUNS:
                continue
            if any(c.dep_ == "neg" for c in (word, word.head) for c in c.children):
                continue  # "is not illegal"
            if any(c.lower_ in DENYING_DETERMINERS for c in word.children):
                continue  # "poses no threat"
            if word.lower_ in PROBLEM_NOUNS and analyse(word.head).modality:
                continue  # "could pose a threat": a fear, not a judgement
            noun = _judged(word)
            if noun is None:
                continue
            judged = _owner(view, noun)
            speaker = _speaker(view, word, quotes, mentions)
            if speaker is None or not placed(speaker):
                continue
            if not judged:  # "the house arrest plans are excessive": the government's plans
                out.extend(_policy_judgement(found, view, word, noun, speaker, said))
                continue
            out.extend(
                spoken_events(
                    found,
                    view,
                    word,
                    speaker,
                    judged,
                    mentions,
                    said,
                    pattern_id=f"judgement:{word.lower_}",
                    source_path="speaker",
                    target_path=word.dep_,
                )
            )
    return out


def _policy_judgement(
    kind: EventType,
    view: SentenceView,
    word: Token,
    noun: Token,
    speaker: Mention,
    said: set[tuple[int, str | None, str | None]],
) -> list[Event]:
    """A judgement of a bill or plan no one is named as owning, by a domestic actor outside
    the government: criticism of that country's government (``owners.government_of``)."""
    if policy_object(view, [noun]) is None:
        return []
    government = government_of(speaker)
    key = (view.index, speaker.code, government)
    if government is None or key in said:
        return []
    said.add(key)
    start, end = noun.left_edge.idx, noun.idx + len(noun.text)
    return [
        said_event(
            kind,
            view,
            word,
            speaker,
            government,
            target_text=view.span.doc.text[start:end],
            pattern_id=f"judgement:{word.lower_}",
            source_path="speaker",
            target_path=POLICY_PATH,
        )
    ]
