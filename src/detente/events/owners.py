"""Whose thing a verb acts on, when its object names no actor.

"Russia rejected five names that the envoy wanted", "the Commons approved the measures drawn up
by the government", "Britain criticised Tehran's programme": a judgement or a demand made of a
thing is made of whoever owns it. When a frame wants its target where the verb's object is and
the object is no actor, the target is the object's owner: a possessor or an actor word before
the noun, the agent of a "by" phrase or of a participle on it ("drawn up by"), or the subject of
a relative clause on it ("that the envoy wanted"). Only for acts whose object is the thing
judged, asked for, yielded or taken (``OWNED_OBJECT_ROOTS``): for talks, aid or force, the
owner of what is discussed, given or hit is not who the act is towards ("discussed Iran's
programme" is no act towards Iran between two other states). "Of" phrases are left out: "the
killing of protesters" names the victims, not the owner.

A bill, a plan or measures that name no owner at all ("the Tories tabled a motion opposing the
new bill", "the Commons approved the measures") are the government's: in a country's politics
what opposition, parliament, courts and campaigners oppose or pass is what the government put
forward. ``policy_object`` finds such an object and ``government_of`` names that government
(the source's country, only for a domestic actor outside the government).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Mention
from .clauses import RELATIVE_PRONOUNS, agents_of
from .phrases import heads_slots, modifier_slots, np_slots
from .sentence import SentenceView

#: CAMEO roots whose verb's object is the thing judged (05 approve, 11 criticise, 12 reject),
#: asked for (02 appeal, 10 demand), yielded (08) or taken or punished (16, 17).
OWNED_OBJECT_ROOTS = frozenset({"02", "05", "08", "10", "11", "12", "16", "17"})
#: Dependencies of an actor word before the noun that owns it ("Iran's plan", "the Iranian plan").
OWNER_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def _slots_of(view: SentenceView, token: Token) -> tuple[int, ...]:
    return np_slots(view, token)[0]


def _modifier_owner(view: SentenceView, noun: Token) -> tuple[int, ...]:
    return tuple(modifier_slots(view, noun, 0)[0])


def _agent_owner(view: SentenceView, noun: Token) -> tuple[int, ...]:
    """The "by" agent of the noun ("the proposal by Iran") or of a participle on it ("the
    plan drawn up by Iran")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return _slots_of(view, objects[0])
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i > noun.i:
            agents = agents_of(child)
            if agents:
                return heads_slots(view, agents)[0]
    return ()


def relative_owner(view: SentenceView, noun: Token) -> tuple[int, ...]:
    """The subject of a relative clause on the noun ("the names that the envoy wanted")."""
    for child in noun.children:
        if child.dep_ != "relcl" or child.i < noun.i:
            continue
        subjects = [
            c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS
        ]
        if subjects:
            return _slots_of(view, subjects[0])
    return ()


def object_owner(
    view: SentenceView, objects: list[Token], sources: tuple[int, ...]
) -> tuple[tuple[int, ...], str]:
    """The actor owning the first object that names none, with the path that found it; ((),
    "") when an object is itself an actor or no owner is named."""
    own = {view.slots[s].mention.code for s in sources}
    for obj in objects:
        if _slots_of(view, obj):
            return (), ""  # the object is an actor: the frame's own reading
        for how, finder in (
            ("modifier", _modifier_owner),
            ("agent", _agent_owner),
            ("relcl>nsubj", relative_owner),
        ):
            found = tuple(
                s for s in finder(view, obj) if s not in sources and view.slots[s].mention.code
            )
            if found and all(view.slots[s].mention.code in own for s in found):
                return (), ""  # "rejected its own plan": the source's thing
            if found:
                return found, f"dobj>{how}"
    return (), ""


#: Nouns of what a government puts forward; with no owner named, the government's.
POLICY_NOUNS = frozenset(
    {"bill", "bills", "plan", "plans", "measure", "measures", "proposal", "proposals",
     "legislation", "reform", "reforms", "policy", "policies", "scheme", "budget"}
)  # fmt: skip
#: Determiners that make the noun a known one ("the plans"), not any ("a plan", "some bills").
DEFINITE = frozenset({"the", "this", "these", "those"})
#: Sectors of a country's actors outside its government: their act on "the bill" is towards it.
DOMESTIC_SECTORS = frozenset(
    {"OPP", "LEG", "JUD", "CVL", "NGO", "HRI", "LAB", "EDU", "REL", "BUS", "MED"}
)
#: The target path of an event aimed at the government through its policy.
POLICY_PATH = "dobj>policy"


def policy_object(view: SentenceView, objects: list[Token]) -> Token | None:
    """The first object that is a definite policy noun with no owner of any kind ("the new
    bill", "the house arrest plans"); None when an object names an actor or an owner."""
    for obj in objects:
        if obj.lower_ not in POLICY_NOUNS:
            continue
        if _slots_of(view, obj) or any(
            c.dep_ in ("poss", "relcl") or (c.dep_ == "prep" and c.lower_ in ("of", "by"))
            for c in obj.children
        ):
            return None  # "Iran's plan", "the plan of the envoy", "the plan they drew up"
        if _modifier_owner(view, obj) or _agent_owner(view, obj):
            return None
        if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
            return obj
    return None


def government_of(source: Mention) -> str | None:
    """The government a domestic actor's act on an unowned policy is towards: the source's
    country's ``GOV`` (the opposition, parliament, a court); None for the government itself,
    an organisation or an actor with no country."""
    if not source.country or not source.code or not source.code.startswith(source.country):
        return None
    if not source.roles or source.roles[0] not in DOMESTIC_SECTORS:
        return None
    return f"{source.country}GOV"
