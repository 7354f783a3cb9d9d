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
"""

from __future__ import annotations

from spacy.tokens import Token

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
