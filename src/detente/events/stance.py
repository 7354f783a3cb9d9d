"""Disapproval stated without a verb of criticising: as a feeling, as the cause of one, as a
reaction drawn, or as a failure. "Japan is angry that China expanded its navy", "the government
was outraged by the ambassador's remarks", "Iran's missile test angered the United States",
"Iran's decision drew sharp criticism from the US", "the EU said Hungary had failed to protect
the courts".

The frames need a verb heading a clause with the one who disapproves as its subject; these
sentences put a feeling after "is", in the passive, or on the other side of the verb.

- **A feeling** (``ANGER_WORDS`` 111; ``OPPOSING_WORDS``, ``DISPLEASURE_WORDS`` 110) held by
  the subject of the copula or of the passive ("X is angry", "X was outraged", "X is opposed
  to") is aimed at what causes it: the object of "by/at/with/over/about/to" (the actor named,
  or the owner of the thing named: "the ambassador's remarks", "the remarks by the
  ambassador"), or the subject of the clause that says it ("angry that China expanded its
  navy"). Worry and displeasure are aimed only at an actor's act (an owned thing or a clause
  with the actor as subject): "worried about the refugees" is care, not disapproval.
- **The cause of anger** ("Iran's test angered the US"): the object criticises the subject, or
  the owner of the subject's act (111).
- **A reaction drawn** ("drew criticism from", "sparked outrage among", "came under fire
  from"): the reacting actor disapproves of the subject or its owner (``REACTION_NOUNS``);
  "fire" only between political speakers, since "came under fire from the rebels" is force.
  A policy no one is named as owning draws it ("the plans have faced stiff opposition from
  campaigners"): the reacting domestic actor disapproves of its own country's government
  (``owners.policy_object``, ``owners.government_of``).
- **A failure** ("Hungary had failed to protect ...", "member states are failing to report
  fraud") said by a coded speaker (the reporting clause's subject or the direct quotation's
  speaker) of another actor is criticism (111) of that actor. An armed actor's failure ("the
  troops failed to take the town") is a report of fighting, not a reproach, and is left alone.
  "EU member states" fail as the EU.
- **A stance on a policy no one is named as owning** ("the British opposition is angry about
  the new plans", "campaigners warned that the plans would destroy the regiments", "the
  opposition questioned whether the new bill would work", "Labour rebels voted against the
  bill", "the Tories tabled a motion opposing the new bill", "the plans were criticised by
  campaigners", "the bill was rejected by the Lords"): a domestic actor outside the
  government (``owners.government_of``) takes it against its own country's government, which
  put the policy forward (a bill the actor coder already gave to the government is that
  government's). Feelings keep their code; warning and complaining are criticism (111),
  questioning and concern disapproval (110), a vote or a motion against is rejection (120); in
  the passive, criticising, condemning or attacking it is 111, opposing or questioning it 110,
  rejecting, blocking or defeating it 120. The policy is where the stance's cause is: the
  object of "about/over/of/against", the subject of the clause that says it (else an object
  in that clause: "angry they will have only two days to debate the new plans"), what a
  motion opposes, or the passive's subject.
- **A ruling against** ("the law lords ruled that the powers breach human rights", "laws which
  the Law Lords have ruled against"): a court's adverse ruling (116) is against the actor it
  finds against (the subject of the clause ruled), else against its own country's government,
  whose laws and powers courts rule on (``owners.government_of``). Only an adverse ruling
  ("against", a breach, "unlawful") and only by a judicial actor.
- **A thing closed to talks** ("Britain's rebate is not up for renegotiation, the minister
  said"): the speaker refuses to negotiate (125) with the addressee or the other actors named.

Negated, conditional and future feelings ("would be angry if") code nothing; both actors must be
coded with a country or an organisation's code, and not one actor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from ..model import Event, Mention, Quote
from .clauses import RELATIVE_PRONOUNS, analyse, is_predicate, modality
from .deontic import placed, quote_speaker, said_event, spoken_events
from .inflect import forms
from .ontology import EventType, Ontology
from .owners import POLICY_NOUNS, POLICY_PATH, government_of, object_owner, policy_object
from .phrases import heads_slots, np_slots
from .sentence import SentenceView
from .verbal import is_armed, political_speakers

#: Feelings of anger or shock at an actor: criticism (111).
ANGER_WORDS = frozenset(
    "angry furious outraged appalled incensed angered infuriated enraged indignant livid "
    "disgusted dismayed".split()
)
#: Stances against an actor or its act, named or owned: disapproval (110).
OPPOSING_WORDS = frozenset({"opposed", "hostile"})
#: Feelings of displeasure or worry about an actor's act: disapproval (110).
DISPLEASURE_WORDS = frozenset(
    "unhappy dissatisfied displeased frustrated annoyed irritated upset worried concerned "
    "alarmed troubled disturbed uneasy".split()
)
FEELING_WORDS = ANGER_WORDS | OPPOSING_WORDS | DISPLEASURE_WORDS
CRITICISM_CODE = "111"
DISAPPROVAL_CODE = "110"
#: Prepositions that name what a feeling is about ("angry at", "outraged by", "worried over").
CAUSE_PREPOSITIONS = frozenset({"by", "at", "with", "over", "about", "to"})
#: Copulas whose adjective says how the subject feels ("is angry", "seemed worried").
#: In every form: the pipeline does not lemmatise.
COPULAS = frozenset(
    w
    for verb in ("be", "seem", "appear", "remain", "become", "feel", "look", "sound")
    for w in forms(verb)
)
#: Forms of "fail" whose infinitive is an act not done ("failed to protect").
FAIL_WORDS = frozenset({"fail", "fails", "failed", "failing"})
#: Verbs by which an actor or its act angers another ("Iran's missile test angered Washington"),
#: in every form: the one angered disapproves of the cause (111).
ANGERING_VERBS = frozenset(
    w
    for verb in ("anger", "incense", "infuriate", "enrage", "outrage", "appal", "appall",
                 "dismay", "irk", "offend", "antagonise", "antagonize", "upset", "alienate")
    for w in forms(verb)
)  # fmt: skip
#: Reactions an actor or its act draws, and what they are: opposition (110) or criticism (111).
REACTION_NOUNS = {
    "opposition": DISAPPROVAL_CODE,
    "objections": DISAPPROVAL_CODE,
    "resistance": DISAPPROVAL_CODE,
    "criticism": CRITICISM_CODE,
    "criticisms": CRITICISM_CODE,
    "condemnation": CRITICISM_CODE,
    "condemnations": CRITICISM_CODE,
    "censure": CRITICISM_CODE,
    "rebuke": CRITICISM_CODE,
    "rebukes": CRITICISM_CODE,
    "anger": CRITICISM_CODE,
    "outrage": CRITICISM_CODE,
    "fury": CRITICISM_CODE,
    "ire": CRITICISM_CODE,
    "backlash": CRITICISM_CODE,
    "fire": CRITICISM_CODE,  # "came under fire from": words only between political speakers
}
#: Reactions that may be force ("came under fire from the rebels").
FORCE_REACTIONS = frozenset({"fire"})
#: Verbs whose subject draws a reaction ("drew criticism from", "sparked anger among").
DRAWING_VERBS = frozenset(
    w
    for verb in ("draw", "spark", "provoke", "trigger", "prompt", "attract", "face", "meet",
                 "receive", "earn", "incur", "cause", "stir", "come", "run")
    for w in forms(verb)
)  # fmt: skip
#: Prepositions that name who reacts ("from the EU", "among EU officials", "in Germany").
REACTING_PREPOSITIONS = frozenset({"from", "among", "by", "in"})
#: Forms of "rule" (a court's decision); "ruled out" is no ruling.
RULING_VERBS = frozenset(forms("rule"))
#: Words in what a court ruled that make the ruling adverse: against the law or the target.
ADVERSE_RULING_WORDS = frozenset(
    w
    for verb in ("break", "breach", "violate", "contravene", "infringe", "flout")
    for w in forms(verb)
) | frozenset(
    "against unlawful unlawfully illegal illegally unconstitutional incompatible "
    "discriminatory invalid void".split()
)
FINDING_CODE = "116"
REJECTION_CODE = "120"
#: Verbs of critical speech whose cause may be a policy, and what they are.
CRITICAL_SPEECH = {
    **{w: CRITICISM_CODE for verb in ("warn", "complain") for w in forms(verb)},
    **{w: DISAPPROVAL_CODE for w in forms("question")},
}
#: Nouns of concern an actor expresses, voices, raises or has ("serious concerns about").
CONCERN_NOUNS = frozenset({"concern", "concerns", "worries", "fears", "doubts", "misgivings"})
CONCERN_VERBS = frozenset(
    w for verb in ("express", "voice", "raise", "have", "share") for w in forms(verb)
)
#: Verbs whose passive has a policy as its subject and the one who judges it as its agent
#: ("the plans were criticised by campaigners", "the bill was rejected by the Lords").
PASSIVE_STANCE = {
    **{
        w: CRITICISM_CODE
        for verb in ("criticise", "criticize", "condemn", "denounce", "attack", "slam")
        for w in forms(verb)
    },
    **{w: DISAPPROVAL_CODE for verb in ("oppose", "question") for w in forms(verb)},
    **{w: REJECTION_CODE for verb in ("reject", "block", "defeat") for w in forms(verb)},
}
#: Verbs of voting and motions whose stance against a policy is its rejection.
VOTING_VERBS = frozenset(forms("vote"))
MOTION_VERBS = frozenset(
    w
    for verb in ("table", "put", "lodge", "propose", "move", "submit", "back")
    for w in forms(verb)
)
MOTION_NOUNS = frozenset({"motion", "motions", "amendment", "amendments"})
#: Prepositions whose object is what a stance is about or against.
STANCE_PREPOSITIONS = frozenset({"about", "over", "of", "against", "at", "by", "with", "to"})
#: The sector of courts and judges.
JUDICIAL = "JUD"
#: Roots of events that already say the holder's disapproval (or its 01x concern).
SAID_ROOTS = frozenset({"01", "11"})


def _holder(word: Token) -> Token | None:
    """The predicate that says the feeling of its subject: the copula of "is angry", or the
    participle of "was outraged by" itself."""
    if word.dep_ in ("acomp", "oprd") and word.head.lower_ in COPULAS:
        return word.head
    if word.tag_ == "VBN" and is_predicate(word) and analyse(word).passive:
        return word
    return None


def _cause_slots(
    view: SentenceView, word: Token, holders: tuple[int, ...], actor_named: bool
) -> tuple[tuple[int, ...], str]:
    """The actors a feeling is about (module docstring), with the path that found them; the
    parse may hang the cause on the copula ("seemed furious at")."""
    holder = _holder(word)
    heads = [word] if holder is None or holder.i == word.i else [word, holder]
    for child in (c for head in heads for c in head.children):
        if child.dep_ in ("prep", "agent") and child.lower_ in CAUSE_PREPOSITIONS:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects:
                continue
            named, how = np_slots(view, objects[0])
            if named and (actor_named or how):  # how: a possessor or modifier owns the thing
                return named, f"{child.dep_}>pobj{'>' + how if how else ''}"
            if named:
                continue  # "worried about the refugees": care for an actor, not disapproval
            owner, how = object_owner(view, objects, holders)
            if owner:
                return owner, f"{child.dep_}>{how}"
        if child.dep_ == "ccomp":
            clause = analyse(child)
            if clause.passive:  # "worried that Israel may be attacked": Israel is no cause
                agents, _ = heads_slots(view, clause.agents)
                if agents:
                    return agents, "ccomp>agent"
                continue
            subjects, _ = heads_slots(view, clause.subjects)
            if subjects:
                return subjects, "ccomp>nsubj"
    return (), ""


def feeling_events(
    views: Sequence[SentenceView],
    said: set[tuple[int, str | None, str | None]],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """Disapproval stated as a feeling (module docstring)."""
    out: list[Event] = []
    for view in views:
        for word in view.span:
            lower = word.lower_
            if lower not in FEELING_WORDS:
                continue
            holder = _holder(word)
            if holder is None:
                continue
            clause = analyse(holder)
            if clause.negated or clause.modality or any(c.dep_ == "neg" for c in word.children):
                continue  # "is not worried", "would be angry if"
            holders, _ = heads_slots(view, clause.subjects)
            angry = lower in ANGER_WORDS
            named = angry or lower in OPPOSING_WORDS
            targets, path = _cause_slots(view, word, holders, actor_named=named)
            kind = ontology.get(CRITICISM_CODE if angry else DISAPPROVAL_CODE)
            if not targets or kind is None:
                continue
            for slot in holders:
                holder_actor = view.slots[slot].mention
                if not placed(holder_actor):
                    continue
                out.extend(
                    spoken_events(
                        kind,
                        view,
                        word,
                        holder_actor,
                        [t for t in targets if t not in holders],
                        mentions,
                        said,
                        pattern_id=f"feeling:{lower}",
                        source_path=clause.subject_path,
                        target_path=path,
                    )
                )
    return out


def angering_events(
    views: Sequence[SentenceView],
    said: set[tuple[int, str | None, str | None]],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """The one angered criticises the cause: "Iran's missile test angered Washington", "the
    remarks by the Chinese ambassador outraged Japan" (111 by the object towards the subject,
    or the owner of the subject's act). The passive ("was outraged by") is a feeling above."""
    kind = ontology.get(CRITICISM_CODE)
    if kind is None:
        return []
    out: list[Event] = []
    for view in views:
        for verb in view.span:
            if verb.lower_ not in ANGERING_VERBS or not is_predicate(verb):
                continue
            clause = analyse(verb)
            if clause.passive or clause.negated or clause.modality:
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            angered, _ = heads_slots(view, tuple(c.i for c in objects))
            causes, path = heads_slots(view, clause.subjects), clause.subject_path
            if not causes[0]:
                subjects = [view.span.doc[i] for i in clause.subjects]
                owner, how = object_owner(view, subjects, angered)
                causes, path = (owner, how), f"nsubj>{how}"
            for slot in angered:
                holder = view.slots[slot].mention
                if not placed(holder):
                    continue
                out.extend(
                    spoken_events(
                        kind,
                        view,
                        verb,
                        holder,
                        [c for c in causes[0] if c not in angered],
                        mentions,
                        said,
                        pattern_id=f"angering:{verb.lower_}",
                        source_path="dobj",
                        target_path=path,
                    )
                )
    return out


def _failure_speaker(
    view: SentenceView, word: Token, quotes: Sequence[Quote], mentions: Mapping[str, Mention]
) -> tuple[Mention | None, str]:
    """Who says the actor failed: the reporting clause's subject or the quotation's speaker."""
    clause = analyse(word)
    speakers, _ = heads_slots(view, clause.speaker)
    if speakers:
        return view.slots[speakers[0]].mention, "speaker"
    if clause.speaker:
        return None, ""  # reported by someone who is no actor
    return quote_speaker(word, quotes, mentions), "quotation"


#: Nouns of the members of an organisation named before them ("EU member states").
MEMBER_NOUNS = frozenset({"member", "members"})


def _member_slots(view: SentenceView, heads: list[Token]) -> tuple[int, ...]:
    """The organisation whose members a subject names: "EU member states" fail as the EU
    (the parse hangs "EU" on "member", not on the head noun)."""
    for head in heads:
        for child in head.children:
            if child.dep_ == "compound" and child.lower_ in MEMBER_NOUNS:
                for grand in child.children:
                    if grand.dep_ == "compound":
                        found, _ = np_slots(view, grand)
                        if found:
                            return found
    return ()


def failure_events(
    views: Sequence[SentenceView],
    said: set[tuple[int, str | None, str | None]],
    quotes: Sequence[Quote],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """Criticism stated as another actor's failure (module docstring)."""
    kind = ontology.get(CRITICISM_CODE)
    if kind is None:
        return []
    out: list[Event] = []
    for view in views:
        for word in view.span:
            if word.lower_ not in FAIL_WORDS or not is_predicate(word):
                continue
            if not any(c.dep_ == "xcomp" for c in word.children):
                continue  # "the talks failed": no act left undone
            clause = analyse(word)
            if clause.negated or clause.modality:
                continue  # "did not fail to", "may fail to"
            speaker, source_path = _failure_speaker(view, word, quotes, mentions)
            if speaker is None or not placed(speaker):
                continue
            subjects, _ = heads_slots(view, clause.subjects)
            if not subjects:  # "EU member states are failing to report fraud"
                subjects = _member_slots(view, [view.span.doc[i] for i in clause.subjects])
            failing = [s for s in subjects if not is_armed(view.slots[s].mention)]
            out.extend(
                spoken_events(
                    kind,
                    view,
                    word,
                    speaker,
                    failing,
                    mentions,
                    said,
                    pattern_id="failure:fail",
                    source_path=source_path,
                    target_path=clause.subject_path,
                )
            )
    return out


def _reaction_noun(verb: Token) -> Token | None:
    """The reaction a verb's subject draws: its object, or the object of "under" ("came under
    fire"), "with" ("met with criticism")."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in REACTION_NOUNS:
            return child
        if child.dep_ == "prep" and child.lower_ in ("under", "with"):
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.lower_ in REACTION_NOUNS:
                    return grand
    return None


def _reacting_slots(view: SentenceView, verb: Token, noun: Token) -> tuple[int, ...]:
    """Who reacts: the object of "from/among/by/in" on the reaction or on the verb."""
    for head in (noun, verb):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in REACTING_PREPOSITIONS:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    found, _ = np_slots(view, objects[0])
                    if found:
                        return found
    return ()


def reaction_events(
    views: Sequence[SentenceView],
    said: set[tuple[int, str | None, str | None]],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """Disapproval named from the side of the one disapproved of: "Iran's decision drew sharp
    criticism from the United States", "the plan faced opposition from Labour", "the French
    president came under fire from the opposition" (module docstring)."""
    out: list[Event] = []
    for view in views:
        for verb in view.span:
            if verb.lower_ not in DRAWING_VERBS or not is_predicate(verb):
                continue
            noun = _reaction_noun(verb)
            if noun is None:
                continue
            clause = analyse(verb)
            if clause.negated or clause.modality or clause.passive:
                continue  # "did not draw criticism", "could spark anger"
            kind = ontology.get(REACTION_NOUNS[noun.lower_])
            targets, _ = heads_slots(view, clause.subjects)
            if kind is None:
                continue
            if not targets:
                subjects = [view.span.doc[i] for i in clause.subjects]
                policy = policy_object(view, subjects)
                if policy is not None:  # "the plans faced opposition from campaigners"
                    out.extend(_policy_reaction(kind, view, verb, noun, policy, said))
                continue
            for slot in _reacting_slots(view, verb, noun):
                reacting = view.slots[slot].mention
                if not placed(reacting) or slot in targets:
                    continue
                if noun.lower_ in FORCE_REACTIONS and not all(
                    political_speakers(reacting, view.slots[t].mention) for t in targets
                ):
                    continue  # "the base came under fire from the rebels": force
                out.extend(
                    spoken_events(
                        kind,
                        view,
                        noun,
                        reacting,
                        targets,
                        mentions,
                        said,
                        pattern_id=f"reaction:{noun.lower_}",
                        source_path=f"{noun.dep_}>prep>pobj",
                        target_path=clause.subject_path,
                    )
                )
    return out


def _policy_reaction(
    kind: EventType,
    view: SentenceView,
    verb: Token,
    noun: Token,
    policy: Token,
    said: set[tuple[int, str | None, str | None]],
) -> list[Event]:
    """The reaction an unowned policy draws from domestic actors ("the plans faced opposition
    from campaigners"): each one's disapproval of its own government, once per pair."""
    out: list[Event] = []
    if noun.lower_ in FORCE_REACTIONS:
        return out  # "the plan came under fire": no actor to tell words from force
    for slot in _reacting_slots(view, verb, noun):
        reacting = view.slots[slot].mention
        government = government_of(reacting)
        key = (view.index, reacting.code, government)
        if government is None or not placed(reacting) or key in said:
            continue
        said.add(key)
        out.append(
            _policy_event(
                kind, view, noun, reacting, government, policy, f"reaction:{noun.lower_}",
                f"{noun.dep_}>prep>pobj",
            )
        )  # fmt: skip
    return out


def _policy_event(
    kind: EventType,
    view: SentenceView,
    word: Token,
    holder: Mention,
    government: str,
    policy: Token,
    pattern_id: str,
    source_path: str,
) -> Event:
    """The holder's stance towards the government whose policy ``policy`` is, with the
    policy's phrase as the target's text."""
    start, end = policy.left_edge.idx, policy.idx + len(policy.text)
    return said_event(
        kind,
        view,
        word,
        holder,
        government,
        target_text=view.span.doc.text[start:end],
        pattern_id=pattern_id,
        source_path=source_path,
        target_path=POLICY_PATH,
    )


def _policy(view: SentenceView, objects: list[Token]) -> Token | None:
    """An unowned policy among the objects (``owners.policy_object``), or a policy noun the
    actor coder already gave to the government ("the new bill" coded GBRGOV)."""
    found = policy_object(view, objects)
    if found is not None:
        return found
    for obj in objects:
        slots, how = np_slots(view, obj)
        if obj.lower_ in POLICY_NOUNS and slots and not how:
            mention = view.slots[slots[0]].mention
            if mention.roles[:1] == ("GOV",):
                return obj
    return None


def _policy_government(view: SentenceView, policy: Token, holder: Mention) -> str | None:
    """Whose the policy is: the government the noun was coded as, else the holder's own."""
    slots, how = np_slots(view, policy)
    if slots and not how:
        owner = view.slots[slots[0]].mention
        if owner.code == holder.code or not holder.country or owner.country != holder.country:
            return None  # its own bill, or a foreign one: no domestic stance
        return owner.code
    return government_of(holder)


def _policy_in(view: SentenceView, word: Token) -> Token | None:
    """The unowned policy a stance word is about (module docstring): the object of its
    preposition, the subject of its clause, or (for a copula's adjective) of the copula's."""
    heads = [word] if word.dep_ not in ("acomp", "oprd") else [word, word.head]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in STANCE_PREPOSITIONS:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                found = _policy(view, objects)
                if found is not None:
                    return found
            if child.dep_ == "ccomp":
                clause = analyse(child)
                subjects = [view.span.doc[i] for i in clause.subjects]
                subjects += [g for g in child.children if g.dep_ == "nsubjpass"]
                found = _policy(view, subjects)
                if found is None:  # "angry they will have only two days to debate the plans"
                    objects = [
                        w for w in child.subtree if w.dep_ in ("dobj", "pobj") and w.i > child.i
                    ]
                    found = _policy(view, objects)
                if found is not None:
                    return found
    return None


def _policy_stance(view: SentenceView, word: Token) -> tuple[str, Token, Token] | None:
    """(code, the clause's predicate, the policy) of a stance on an unowned policy."""
    lower = word.lower_
    if lower in FEELING_WORDS:
        holder = _holder(word)
        if holder is None:
            return None
        policy = _policy_in(view, word)
        code = CRITICISM_CODE if lower in ANGER_WORDS else DISAPPROVAL_CODE
        return (code, holder, policy) if policy is not None else None
    if lower in CRITICAL_SPEECH and word.pos_ == "VERB" and is_predicate(word):
        policy = _policy_in(view, word)
        return (CRITICAL_SPEECH[lower], word, policy) if policy is not None else None
    if lower in CONCERN_NOUNS and word.dep_ == "dobj" and word.head.lower_ in CONCERN_VERBS:
        policy = _policy_in(view, word)
        return (DISAPPROVAL_CODE, word.head, policy) if policy is not None else None
    if lower in PASSIVE_STANCE and word.tag_ == "VBN" and is_predicate(word):
        clause = analyse(word)
        if not clause.passive or not clause.agents:
            return None
        subjects = [c for c in word.children if c.dep_ == "nsubjpass"]
        policy = _policy(view, subjects)
        return (PASSIVE_STANCE[lower], word, policy) if policy is not None else None
    if lower in VOTING_VERBS and word.pos_ == "VERB" and is_predicate(word):
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ == "against":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                policy = _policy(view, objects)
                if policy is not None:
                    return REJECTION_CODE, word, policy
        return None
    if lower in MOTION_NOUNS and word.dep_ == "dobj" and word.head.lower_ in MOTION_VERBS:
        for child in word.children:
            if child.dep_ == "acl" and child.lower_ in ("opposing", "rejecting"):
                objects = [g for g in child.children if g.dep_ == "dobj"]
            elif child.dep_ == "prep" and child.lower_ == "against":
                objects = [g for g in child.children if g.dep_ == "pobj"]
            else:
                continue
            policy = _policy(view, objects)
            if policy is not None:
                return REJECTION_CODE, word.head, policy
    return None


def policy_stance_events(
    views: Sequence[SentenceView],
    events: Sequence[Event],
    said: set[tuple[int, str | None, str | None]],
    ontology: Ontology,
) -> list[Event]:
    """A stance on an unowned policy, against the government (module docstring)."""
    rejected = {(e.sentence, e.source_code, e.target_code) for e in events if e.root == "12"}
    out: list[Event] = []
    for view in views:
        for word in view.span:
            found = _policy_stance(view, word)
            if found is None:
                continue
            code, predicate, policy = found
            clause = analyse(predicate)
            if clause.negated or clause.modality or any(c.dep_ == "neg" for c in word.children):
                continue  # "is not worried about", "would vote against"
            kind = ontology.get(code)
            if kind is None:
                continue
            seen = rejected if code == REJECTION_CODE else said
            holders, _ = heads_slots(view, clause.agents if clause.passive else clause.subjects)
            for slot in holders:
                holder = view.slots[slot].mention
                government = _policy_government(view, policy, holder)
                key = (view.index, holder.code, government)
                if government is None or not placed(holder) or key in seen:
                    continue
                seen.add(key)
                out.append(
                    _policy_event(
                        kind, view, word, holder, government, policy, f"policy:{word.lower_}",
                        clause.subject_path,
                    )
                )  # fmt: skip
    return out


#: Words that say a thing is (not) open to talks: "not up for renegotiation", "non-negotiable".
NEGOTIATION_WORDS = frozenset({"negotiable", "negotiation", "renegotiation", "discussion"})
REFUSED_TALKS_CODE = "125"


def _closed_to_talks(copula: Token) -> bool:
    """Whether a copula's clause says its subject is not open to talks: negated with a word of
    negotiation after it ("is not up for renegotiation", "was not negotiable"), or
    "non-negotiable"."""
    after = [w for c in copula.children if c.i > copula.i for w in c.subtree]
    words = [w.lower_ for w in after]
    if not any(w in NEGOTIATION_WORDS for w in words):
        return False
    if analyse(copula).negated or any(c.dep_ == "neg" for c in copula.children):
        return True
    return any(w == "non" for w in words)


def _addressed_slots(view: SentenceView, copula: Token) -> tuple[int, ...]:
    """Whom a statement is made to or about: the reporting verb's addressee ("told the EU"),
    else the actors in the clause (the owner of the thing, the place of the talks)."""
    head = copula.head
    if copula.dep_ == "ccomp" and head.i != copula.i:
        for child in head.children:
            if child.dep_ in ("dobj", "dative"):
                found, _ = np_slots(view, child)
                if found:
                    return found
    slots: list[int] = []
    for word in copula.subtree:
        if word.dep_ in ("nsubj", "pobj", "poss", "compound", "amod"):
            found, _ = np_slots(view, word)
            slots.extend(s for s in found if s not in slots)
    return tuple(slots)


def closed_talks_events(
    views: Sequence[SentenceView],
    events: Sequence[Event],
    quotes: Sequence[Quote],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """A thing a speaker calls not open to talks: "Britain's EU rebate is not up for
    renegotiation, the foreign secretary said" is Britain's refusal to negotiate with the EU
    (125), towards the addressee or the other actors the clause names."""
    kind = ontology.get(REFUSED_TALKS_CODE)
    if kind is None:
        return []
    seen = {(e.sentence, e.source_code, e.target_code) for e in events if e.root == "12"}
    out: list[Event] = []
    for view in views:
        for copula in view.span:
            if copula.lower_ not in COPULAS or not is_predicate(copula):
                continue
            if analyse(copula).modality or not _closed_to_talks(copula):
                continue
            speaker, source_path = _failure_speaker(view, copula, quotes, mentions)
            if speaker is None or not placed(speaker):
                continue
            out.extend(
                spoken_events(
                    kind,
                    view,
                    copula,
                    speaker,
                    _addressed_slots(view, copula),
                    mentions,
                    seen,
                    pattern_id="closed:negotiation",
                    source_path=source_path,
                    target_path="clause",
                )
            )
    return out


def _adverse(verb: Token) -> bool:
    """Whether a ruling goes against someone: "ruled against", "ruled (that) X breached ..."."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "conj"):
            continue
        if any(w.lower_ in ADVERSE_RULING_WORDS for w in child.subtree):
            return True
    return False


def ruling_events(
    views: Sequence[SentenceView],
    said: set[tuple[int, str | None, str | None]],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """A court's adverse ruling (module docstring): 116 by the judicial subject of "rule"."""
    kind = ontology.get(FINDING_CODE)
    if kind is None:
        return []
    out: list[Event] = []
    for view in views:
        for verb in view.span:
            if verb.lower_ not in RULING_VERBS or verb.pos_ != "VERB" or not is_predicate(verb):
                continue
            if any(c.dep_ == "prt" for c in verb.children):
                continue  # "ruled out": no ruling
            clause = analyse(verb)
            # a relative clause has its own mood and subject ("laws which the Law Lords have
            # ruled break ...": not "laws", nor the mood of the clause the noun is in)
            relative = verb.dep_ == "relcl"
            mood = modality(verb) if relative else clause.modality
            if clause.negated or mood or clause.passive or not _adverse(verb):
                continue
            subjects = tuple(
                c.i
                for c in verb.children
                if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS
            )
            judges, _ = heads_slots(view, subjects if relative else clause.subjects)
            found: list[int] = []
            for child in verb.children:
                if child.dep_ == "ccomp":
                    found.extend(heads_slots(view, analyse(child).subjects)[0])
                elif child.dep_ == "prep" and child.lower_ == "against":
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        found.extend(np_slots(view, objects[0])[0])
            for slot in judges:
                judge = view.slots[slot].mention
                if not placed(judge) or not judge.roles or judge.roles[0] != JUDICIAL:
                    continue
                targets = [t for t in found if t not in judges]
                if targets:
                    out.extend(
                        spoken_events(
                            kind,
                            view,
                            verb,
                            judge,
                            targets,
                            mentions,
                            said,
                            pattern_id="ruling:against",
                            source_path=clause.subject_path,
                            target_path="ccomp>nsubj",
                        )
                    )
                    continue
                government = government_of(judge)
                key = (view.index, judge.code, government)
                if government is None or key in said:
                    continue
                said.add(key)
                out.append(
                    said_event(
                        kind,
                        view,
                        verb,
                        judge,
                        government,
                        target_text="",
                        pattern_id="ruling:against",
                        source_path=clause.subject_path,
                        target_path=POLICY_PATH,
                    )
                )
    return out


def stance_events(
    views: Sequence[SentenceView],
    events: Sequence[Event],
    quotes: Sequence[Quote],
    mentions: Mapping[str, Mention],
    ontology: Ontology,
) -> list[Event]:
    """Disapproval stated as a feeling, a failure, a reaction, a stance on a policy or a
    ruling, and refusals of talks, once per sentence and pair with the events already coded
    (roots 01 and 11; root 12 for rejections), undated."""
    said = {(e.sentence, e.source_code, e.target_code) for e in events if e.root in SAID_ROOTS}
    out = feeling_events(views, said, mentions, ontology)
    out.extend(angering_events(views, said, mentions, ontology))
    out.extend(failure_events(views, said, quotes, mentions, ontology))
    out.extend(reaction_events(views, said, mentions, ontology))
    out.extend(ruling_events(views, said, mentions, ontology))
    out.extend(policy_stance_events(views, [*events, *out], said, ontology))
    out.extend(closed_talks_events(views, [*events, *out], quotes, mentions, ontology))
    return out
