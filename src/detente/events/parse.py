"""Subject and object from a dependency parse, when the pipeline has one (a spaCy model).

The shallow matcher guesses the source as the nearest actor to the left; a parse knows the
verb's real subject ("the envoy of Russia, which NATO had criticised, met ..."). When the
parse names an actor for a role, it wins; otherwise the shallow binding stands.
"""

from __future__ import annotations

from spacy.tokens import Token

from .matcher import Match
from .sentence import SentenceView

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})


def _slot_of(view: SentenceView, token: Token) -> tuple[int, ...]:
    """The actor slots of a noun phrase headed by ``token`` (with its conjuncts)."""
    heads = [token, *token.conjuncts]
    slots: list[int] = []
    for head in heads:
        local = head.i - view.span.start
        if 0 <= local < len(view):
            slot = view.slot_at[local]
            if slot < 0:  # "the policies of NATO": look inside the phrase
                for child in head.subtree:
                    k = child.i - view.span.start
                    if (
                        0 <= k < len(view)
                        and view.slot_at[k] >= 0
                        and not view.slots[view.slot_at[k]].modifier
                    ):
                        slot = view.slot_at[k]
                        break
            if slot >= 0 and slot not in slots and not view.slots[slot].modifier:
                slots.append(slot)
    return tuple(slots)


def _object_role(dep: str, match: Match) -> bool:
    """The passive's subject and the active's object both name the target."""
    if match.passive:
        return dep in PASSIVE_SUBJECT_DEPS
    return dep in OBJECT_DEPS and bool(match.target)


def parse_roles(view: SentenceView, match: Match) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(sources, targets) for a match, from the parse when there is one."""
    doc = view.span.doc
    if not doc.has_annotation("DEP"):
        return match.source, match.target
    anchor = view.span[match.anchor_start]
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    sources, targets = match.source, match.target
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not match.passive:
            found = _slot_of(view, child)
            sources = found or sources
        elif _object_role(child.dep_, match):
            found = _slot_of(view, child)
            targets = found or targets
    return sources, targets
