"""Obligations one actor states about another: appeals and reproaches, whatever the verb.

"Congress says the troops must stay", "the minister said Britain had to set an example", "“The
authorities should investigate,” he said": a speaker saying what another actor should, must,
ought to, needs to or has to do makes an appeal to that actor (CAMEO 020), whether or not the
dictionary knows the act itself. Said of the past ("should have been alarmed", "should never
have signed") or of what the actor is doing now ("should not be using threats"), it is a
reproach (111). The speaker is the reporting clause's subject or the speaker of the direct
quotation the clause is in; the actor is the clause's subject. Both must be coded actors with a
country and not one actor ("we must act", said by the government, is no appeal to anyone).
"Had to" in the speaker's own words is what was necessary then, not an appeal ("“the
government had to publish a commentary last week,” he said"); reported, it is the speaker's
"has to" in the past tense ("the minister said Britain had to set an example").
An owed account ("must explain", "must give a
clearer reason", "should publish the advice") is a demand for information (101).
Where the frame of the act already gave the speaker's appeal or criticism towards that actor in
the sentence (``speech_act``: "X says Y must withdraw"), nothing is added.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from ..model import Event, Mention, Quote
from .clauses import analyse, is_predicate
from .inflect import forms
from .ontology import EventType, Ontology
from .phrases import heads_slots, is_political
from .sentence import SentenceView

#: Modal auxiliaries of obligation.
DEONTIC_MODALS = frozenset({"should", "must", "ought", "shouldn't", "mustn't"})
#: Verbs whose "to" infinitive is an obligation of their subject ("needs to act", "had to").
DEONTIC_VERBS = frozenset({"need", "needs", "needed", "have", "has", "had"})
#: What a stated obligation is: an appeal to the actor, or, for the past or the present
#: progressive, a reproach.
APPEAL_CODE = "020"
REPROACH_CODE = "111"
#: An owed act of giving account ("must explain", "must give a clearer reason", "should
#: publish the advice") is a demand for information (101), not a bare appeal.
INFORMATION_CODE = "101"
INFORMATION_VERBS = frozenset(
    w
    for verb in ("explain", "clarify", "disclose", "reveal", "publish", "justify", "account")
    for w in forms(verb)
)  # fmt: skip
#: Verbs whose object says the account given ("give a reason", "provide answers").
GIVING_VERBS = frozenset(w for verb in ("give", "provide", "offer") for w in forms(verb))
ACCOUNT_NOUNS = frozenset(
    "reason reasons explanation explanations answer answers account justification details".split()
)
#: Predicates that say what is possible or expected, not what is owed ("should be able to").
NOT_OBLIGATIONS = frozenset({"able", "possible", "likely", "expected", "noted", "remembered"})
#: Roots of the speaker's acts that already say the obligation (appeal, demand, criticism).
SPOKEN_ROOTS = frozenset({"02", "10", "11"})


def obligation(token: Token) -> str | None:
    """Whether a predicate is stated as owed, and as what: "appeal" ("Iran must withdraw"),
    "reproach" ("should have acted", "should not be using"), or None."""
    if not is_predicate(token):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if any(c.dep_ in ("acomp", "oprd") and c.lower_ in NOT_OBLIGATIONS for c in token.children):
        return None
    if words & DEONTIC_MODALS:
        if "have" in words and token.tag_ == "VBN":
            return "reproach"  # "should have been alarmed"
        if token.tag_ == "VBG" and "be" in words and any(c.dep_ == "neg" for c in token.children):
            return "reproach"  # "should not be using threats": they are
        return "appeal"
    if (
        token.dep_ == "xcomp"
        and "to" in words
        and token.head.lower_ in DEONTIC_VERBS
        and not any(c.dep_ == "dobj" for c in token.head.children)
    ):
        return "appeal"  # "Britain had to set an example", "departments need to make sure"
    return None


#: Words that make a clause a condition ("in case they need to", "if Iran must").
CONDITION_WORDS = frozenset({"if", "unless", "whether", "lest", "case"})


def _conditional(holder: Token) -> bool:
    """Whether the obligation is a condition, not a statement ("in case they need to help")."""
    before = holder.left_edge.i - 1
    if before >= 0 and holder.doc[before].lower_ in CONDITION_WORDS:
        return True  # "in case they need to": the parse may hang the clause elsewhere
    node = holder
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_WORDS for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in ("advcl", "acl", "relcl", "pcomp", "ccomp"):
            return False
        node = node.head
        if node.lower_ in CONDITION_WORDS:
            return True
    return False


def quote_speaker(
    token: Token, quotes: Sequence[Quote], mentions: Mapping[str, Mention]
) -> Mention | None:
    """The speaker of the direct quotation a word is in, when it is a coded mention."""
    for quote in quotes:
        if quote.kind == "direct" and quote.start <= token.idx < quote.end:
            return mentions.get(quote.speaker_mention or "")
    return None


def placed(mention: Mention | None) -> bool:
    """A coded actor with a country, or an organisation or group that needs none (the EU)."""
    return mention is not None and bool(mention.code) and is_political(mention)


def named_here(actor: Mention, mentions: Mapping[str, Mention]) -> bool:
    """Whether the actor is named in its own sentence: a pronoun counts only with its
    antecedent there ("Congress says they must stay", the troops just named). Obligations and
    judgements said of a pronoun resolved across sentences are mostly generic ("it has to be
    within the law", "they should support the candidate") and the resolution is a guess."""
    if actor.kind != "pronoun":
        return True
    antecedent = mentions.get(actor.antecedent or "")
    return antecedent is not None and antecedent.sentence == actor.sentence


def one_actor(a: Mention, b: Mention) -> bool:
    """The same actor, or one country's two names for itself ("Iran" and its president): a
    country's own parts (its opposition and its government) are two actors."""
    if a.entity_id is not None and a.entity_id == b.entity_id:
        return True
    if a.code == b.code:
        return True
    return a.country == b.country and (not a.roles or not b.roles or a.roles[0] == b.roles[0])


def spoken_events(
    kind: EventType,
    view: SentenceView,
    word: Token,
    speaker: Mention,
    slots: Sequence[int],
    mentions: Mapping[str, Mention],
    said: set[tuple[int, str | None, str | None]],
    *,
    pattern_id: str,
    source_path: str,
    target_path: str,
) -> list[Event]:
    """The speaker's act of ``kind`` towards each actor in ``slots`` the word says something of:
    coded actors other than the speaker, named in the sentence, once per sentence and pair
    (``said`` collects the pairs already coded)."""
    out: list[Event] = []
    for slot in slots:
        actor = view.slots[slot].mention
        if not placed(actor) or one_actor(actor, speaker) or not named_here(actor, mentions):
            continue  # "It has to be within the law", "they should support ...": no one
        key = (view.index, speaker.code, actor.code)
        if key in said:
            continue
        said.add(key)
        out.append(
            said_event(
                kind,
                view,
                word,
                speaker,
                actor.code,
                target_text=actor.text,
                pattern_id=pattern_id,
                source_path=source_path,
                target_path=target_path,
                target=actor,
            )
        )
    return out


def said_event(
    kind: EventType,
    view: SentenceView,
    word: Token,
    speaker: Mention,
    target_code: str | None,
    *,
    target_text: str,
    pattern_id: str,
    source_path: str,
    target_path: str,
    target: Mention | None = None,
) -> Event:
    """The speaker's act of ``kind`` stated by ``word``, towards ``target`` (a mention) or a
    target known only by its code (a government named by its bill, ``owners.government_of``)."""
    return kind.event(
        sentence=view.index,
        start=word.idx,
        end=word.idx + len(word.text),
        source_code=speaker.code,
        source_entity=speaker.entity_id,
        source_mention=speaker.id,
        source_text=speaker.text,
        target_code=target_code,
        target_entity=target.entity_id if target else None,
        target_mention=target.id if target else None,
        target_text=target_text,
        pattern_id=pattern_id,
        confidence=0.5,
        source_path=source_path,
        target_path=target_path,
    )


#: Sectors of a state's own arms that its government speaks for ("US troops must leave").
STATE_ARMS = frozenset({"GOV", "MIL"})


def own_state(speaker: Mention, actor: Mention) -> bool:
    """Whether a government (or its country) says what its own state must do: "Trump says US
    troops must leave Syria" is the US's intent to withdraw, not an appeal to its army."""
    if not speaker.country or speaker.country != actor.country:
        return False
    governing = not speaker.roles or speaker.roles[0] == "GOV"
    return governing and (not actor.roles or actor.roles[0] in STATE_ARMS)


def _quoted(token: Token, quotes: Sequence[Quote]) -> bool:
    """Whether a word is in a direct quotation: the speaker's own words and tense."""
    return any(q.kind == "direct" and q.start <= token.idx < q.end for q in quotes)


def _account_owed(token: Token) -> bool:
    """Whether the owed act is giving account: "explain", "publish", "give a reason"."""
    if token.lower_ in INFORMATION_VERBS:
        return True
    return token.lower_ in GIVING_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in ACCOUNT_NOUNS for c in token.children
    )


def obligation_events(
    views: Sequence[SentenceView],
    events: Sequence[Event],
    quotes: Sequence[Quote],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """The appeals and reproaches stated as obligations (module docstring), undated."""
    said: set[tuple[int, str | None, str | None]] = {
        (e.sentence, e.source_code, e.target_code)
        for e in events
        if e.root in SPOKEN_ROOTS and e.target_code
    }
    out: list[Event] = []
    for view in views:
        for token in view.span:
            kind = obligation(token)
            if kind is None:
                continue
            holder = token.head if token.dep_ == "xcomp" else token  # "had to leave": "had"
            clause = analyse(holder)
            if clause.modality == "question" or analyse(token).passive:
                continue
            if _conditional(holder):
                continue
            subjects, _ = heads_slots(view, clause.subjects)
            speakers, _ = heads_slots(view, clause.speaker)
            if clause.speaker and not speakers:
                continue  # "some people think that Y should": reported by no actor
            if holder.lower_ == "had" and _quoted(token, quotes):
                continue  # "“The government had to publish a commentary,” he said": the past
            speaker = (
                view.slots[speakers[0]].mention
                if speakers
                else quote_speaker(token, quotes, mentions)
            )
            if not subjects or not placed(speaker) or speaker is None:
                continue
            if kind == "appeal" and any(
                own_state(speaker, view.slots[s].mention) for s in subjects
            ):
                continue  # its own intent (events.stage.speech_act), not an appeal to itself
            code = REPROACH_CODE if kind == "reproach" else APPEAL_CODE
            if kind == "appeal" and _account_owed(token):
                code, kind = INFORMATION_CODE, "account"  # "must give a clearer reason"
            found = ontology.get(code)
            if found is None:
                continue
            out.extend(
                spoken_events(
                    found,
                    view,
                    token,
                    speaker,
                    subjects,
                    mentions,
                    said,
                    pattern_id=f"obligation:{kind}",
                    source_path="speaker" if speakers else "quotation",
                    target_path=clause.subject_path,
                )
            )
    return out
