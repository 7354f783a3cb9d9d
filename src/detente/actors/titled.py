"""A role written in lower case before a person's name, and the role of a named body.

News writes many titles in lower case: "defence minister Tom Hartley", "Russian envoy Jan
Kowalczyk", "UN envoy Jan Kowalczyk", "EU foreign policy chief Jan Kowalczyk", "Amnesty
International's chief Jan Kowalczyk". A capitalised title before a name is already a person's
(``compose``); a lower-case one is too when a name of two words or more follows it (a single
capitalised word after a lower-case noun is as often a place, a day or a sentence's next
clause). Under a named body the role need not be a sector term ("chief", "head"): the person
takes the body's code, and so does the role alone when no name follows ("Amnesty
International's chief has said": the body's head speaking).
"""

from __future__ import annotations

from collections.abc import Container, Mapping

from spacy.tokens import Doc

from . import vocab
from .codes import is_person_term
from .recognize import POSSESSIVES, unknown_name

#: Nouns for one person serving a body ("UN envoy", "EU foreign policy chief"): under a named
#: organisation or group they introduce a person who takes its code, sector term or not.
BODY_ROLE_NOUNS = frozenset(
    "chief head leader director chairman chairwoman chair commissioner coordinator negotiator "
    "envoy spokesman spokeswoman spokesperson representative official secretary "
    "president adviser advisor commander deputy observer rapporteur inspector "
    "secretary-general".split()
)
#: Lower-case words allowed between a body and its role noun ("EU foreign policy chief", "UN
#: special envoy", "UN human rights chief").
MAX_ROLE_WORDS = 4
#: A lower-case role introduces a name only of at least this many words ("envoy Jan Kowalczyk";
#: "envoy Monday" or "troops Saturday" is no person).
MIN_NAME_WORDS = 2


def is_role_term(term: str) -> bool:
    """A sector term for one person serving a body ("secretary-general", "spokesman")."""
    return term in BODY_ROLE_NOUNS or is_person_term(term)


def person_name_end(doc: Doc, start: int, taken: Container[int]) -> int:
    """End of a person's name of two to ``vocab.MAX_NAME_TOKENS`` words from ``start`` that no
    word marks as a body's, place's or medium's name; ``start`` when there is none."""
    end = unknown_name(doc, start, set(i for i in range(start, start + 8) if i in taken))
    words = doc[start:end]
    if end - start < MIN_NAME_WORDS or any(t.lower_ in vocab.NOT_PERSON_WORDS for t in words):
        return start
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        return start  # a longer capitalised run is the name of something else
    return end


def lower_role_name_end(
    doc: Doc, role_start: int, role_end: int, taken: Container[int], person: bool = True
) -> int:
    """End of the name a role (``role_start``..``role_end``) introduces: any capitalised name
    after a capitalised title ("Governor Andrew Cuomo"), a name of two words or more after a
    lower-case role for a person (``person``: "defence minister Tom Hartley", not "news
    agency Deutsche Presse Agentur"); ``role_end`` when none follows."""
    titled = all(t.text[:1].isupper() for t in doc[role_start:role_end] if t.is_alpha)
    if titled:
        return unknown_name(doc, role_end, set(i for i in range(role_end, len(doc)) if i in taken))
    return person_name_end(doc, role_end, taken) if person else role_end


def body_role(
    doc: Doc, pos: int, blocked: Container[int], person_terms: Mapping[int, int] | None = None
) -> tuple[int, int] | None:
    """A role after a named body ending at ``pos`` and the name it introduces: (end of the
    role, end of the name); the name's end equals the role's when no name follows and the role
    heads its phrase ("Amnesty International's chief has said"). ``blocked``: tokens of other
    actors (not sector terms), which neither role nor name may take; ``person_terms``: the
    start → end of each sector term for a person ("secretary-general" is three tokens)."""
    terms = person_terms or {}
    if pos < len(doc) and doc[pos].text in POSSESSIVES:
        pos += 1
    words = 0
    k = pos
    while k < len(doc) and words < MAX_ROLE_WORDS and k not in blocked:
        token = doc[k]
        end = terms.get(k, k + 1)
        if end == k + 1 and (
            not (token.is_alpha or "-" in token.text)
            or not (token.is_lower or token.lower_ in BODY_ROLE_NOUNS)
        ):
            return None
        words += 1
        k = end
        if end == token.i + 1 and token.lower_ not in BODY_ROLE_NOUNS:
            continue
        name_end = person_name_end(doc, k, blocked)
        if name_end > k:
            return k, name_end
        last = doc[k - 1]
        if (last.pos_ in ("NOUN", "PROPN") or end > token.i + 1) and _heads_phrase(doc, k - 1):
            return k, k
    return None


def _heads_phrase(doc: Doc, index: int) -> bool:
    """Whether a role noun heads its noun phrase (by the parse): "the UN's chief said", not
    "the UN's chief negotiator" nor "the chief executive"."""
    token = doc[index]
    if not doc.has_annotation("DEP"):
        return False
    following = doc[index + 1] if index + 1 < len(doc) else None
    if (
        following is not None
        and following.is_alpha
        and following.is_lower
        and following.pos_ == "NOUN"
    ):
        return False
    return token.dep_ not in ("compound", "amod", "nmod") or token.head.i < index
