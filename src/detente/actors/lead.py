"""The person a story's lead introduces by role before naming them.

News leads often give a role first and the name a sentence later: "The lack of outrage is an
indictment of rights groups, Amnesty International's chief has said. In a lecture in London,
Irene Khan said ...". The name is outside the dictionary and nothing stands in apposition to
it, so no other rule codes it; "she" and "Ms Khan" after it then refer to no actor. A person
named in full as the subject of one of the two sentences after a lead whose own subject (or
speaker) is such a nameless role, with no other person named between, is that role's person
and takes its code.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import vocab
from .recognize import Draft, unknown_person

#: How many sentences after the lead may name the person its role introduced.
LEAD_NAME_SENTENCES = 2
#: Drafts that can be a nameless role: a sector term ("the home secretary") or a body's role.
ROLE_KINDS = frozenset({"sector", "description"})
#: The longest person's name, in tokens.
MAX_NAME_TOKENS = 4


def lead_people(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A person draft for the name a nameless lead role introduces (module docstring)."""
    sentences = [s for s in doc.sents if any(not t.is_space for t in s)]
    if len(sentences) < 2:
        return []
    lead = sentences[0]
    role = _lead_role(doc, lead.start, lead.end, drafts)
    if role is None:
        return []
    covered = [False] * len(doc)
    for d in drafts:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    for sentence in sentences[1 : 1 + LEAD_NAME_SENTENCES]:
        if any(d.person_like and sentence.start <= d.start < sentence.end for d in drafts):
            return []  # another person is named first: the role may be theirs
        for token in sentence:
            span = _subject_name(token, covered)
            if span is None:
                continue
            name = doc[span[0] : span[1]].text
            return [
                unknown_person(
                    span[0],
                    span[1],
                    name,
                    role,
                    described=role.described,
                    body_code=role.body_code,
                    role_applied=f"introduced in the lead as {doc[role.start : role.end].text!r}"
                    + (f" coded {role.code}" if role.code else ""),
                )
            ]
    return []


def _lead_role(doc: Doc, start: int, end: int, drafts: list[Draft]) -> Draft | None:
    """The lead's nameless person-like role that is a subject ("..., Amnesty International's
    chief has said"), when the lead names no person."""
    in_lead = [d for d in drafts if start <= d.start < end]
    if any(d.kind == "person" for d in in_lead):
        return None
    for d in in_lead:
        if d.kind not in ROLE_KINDS or not d.person_like or not (d.code or d.roles):
            continue
        if doc[d.end - 1].dep_ in ("nsubj", "nsubjpass"):
            return d
    return None


def _subject_name(token: Token, covered: list[bool]) -> tuple[int, int] | None:
    """The span of a full name (two to four capitalised words, no actor's) heading a subject."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or covered[token.i]:
        return None
    start = token.i
    while (
        start > token.sent.start
        and token.doc[start - 1].dep_ == "compound"
        and (token.doc[start - 1].pos_ == "PROPN")
    ):
        start -= 1
    words = token.doc[start : token.i + 1]
    if not 2 <= len(words) <= MAX_NAME_TOKENS or any(covered[t.i] for t in words):
        return None
    if (
        any(
            not t.is_alpha or not t.text[:1].isupper() or t.lower_ in vocab.NOT_PERSON_WORDS
            for t in words
        )
        or words[0].text in vocab.HONORIFICS
    ):
        return None
    return start, token.i + 1
