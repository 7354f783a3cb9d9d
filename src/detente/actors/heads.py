"""A person introduced by what they lead: "Jan Kowalczyk, who heads the UN refugee agency,".

A relative clause saying a named person heads, leads, chairs or runs a body or a state's
institution gives the person that body's code, as a role in apposition would ("Jan Kowalczyk,
head of the UN refugee agency,"). Only the name outside the dictionary is coded this way: a
dictionary person keeps the role the dictionary dates.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import vocab
from .recognize import Draft, unknown_person

#: Verbs of leading a body, present tense as written ("who heads", "who chairs"): "who led the
#: mission" may be a former head, whom the role on the article's date does not code.
LEAD_VERBS = frozenset("heads leads chairs runs commands directs".split())
#: Drafts whose code a person who leads them takes: a body, or a state's institution with its
#: country ("who commands the Iraqi army").
LED_KINDS = frozenset({"igo", "group", "sector"})
#: The longest person's name, in tokens.
MAX_NAME_TOKENS = 4


def leading_people(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """People outside the dictionary named with a relative clause on what they lead."""
    covered = [False] * len(doc)
    for d in drafts:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    found = []
    for verb in doc:
        if verb.dep_ != "relcl" or verb.lower_ not in LEAD_VERBS:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
            continue
        span = _name(verb.head, covered)
        body = _led(verb, drafts)
        if span is None or body is None:
            continue
        name = doc[span[0] : span[1]].text
        found.append(
            unknown_person(
                span[0],
                span[1],
                name,
                body,
                body_code=body.code if body.kind != "sector" else None,
                role_applied=f"{verb.text} {doc[body.start : body.end].text!r}: its code",
            )
        )
        covered[span[0] : span[1]] = [True] * (span[1] - span[0])
    return found


def _led(verb: Token, drafts: list[Draft]) -> Draft | None:
    """The body or institution a leading verb's object names, with a code of its own."""
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        for d in drafts:
            if d.start <= child.i < d.end and d.kind in LED_KINDS and d.code:
                if d.kind == "sector" and not d.country:
                    return None  # "who heads the ministry": whose is not said
                return d
        for grand in child.children:  # "the UN refugee agency" is one body; "the UN mission"
            if grand.dep_ in ("compound", "poss") and grand.i < child.i:
                for d in drafts:
                    if d.start <= grand.i < d.end and d.kind in ("igo", "group") and d.code:
                        return d
    return None


def _name(head: Token, covered: list[bool]) -> tuple[int, int] | None:
    """The span of a full name (two to four capitalised words, no actor's) headed by ``head``."""
    if head.pos_ != "PROPN" or covered[head.i]:
        return None
    start = head.i
    while start > 0 and head.doc[start - 1].dep_ in ("compound", "flat"):
        if head.doc[start - 1].pos_ != "PROPN" or head.doc[start - 1].head.i != head.i:
            break
        start -= 1
    words = head.doc[start : head.i + 1]
    if not 2 <= len(words) <= MAX_NAME_TOKENS or any(covered[t.i] for t in words):
        return None
    if any(
        not t.is_alpha or not t.text[:1].isupper() or t.lower_ in vocab.NOT_PERSON_WORDS
        for t in words
    ):
        return None
    return start, head.i + 1
