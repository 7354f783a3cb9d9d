"""Which role a name in apposition is introduced by, read on the surface as well as the parse.

"China's U.N. Representative, Ambassador Li Luye, and the director-general of the Israeli
Foreign Ministry, Abraham Tamir": the small parser often hangs the second name on the first role
of the list, or joins the two names. The role a name belongs to is the noun phrase that ends
right before its comma.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Token

from .recognize import Draft, is_name_token

#: Dependencies that keep a word inside the noun phrase of the role it ends.
ROLE_PHRASE_DEPS = frozenset({"pobj", "prep", "compound", "amod", "poss", "nmod", "case"})


def nearest_role(doc: Doc, name_start: int, parsed: Token) -> Token:
    """The role a name in apposition is introduced by: the noun phrase that ends right before
    its comma ("... and the director-general of the Israeli Foreign Ministry, Abraham Tamir"),
    where the parse hangs the name on an earlier one (the first of two roles)."""
    node = role_before(doc, name_start)
    return node if node is not None and node.i > parsed.i else parsed


def role_before(doc: Doc, name_start: int) -> Token | None:
    """The head of the noun phrase ending right before a name's comma, or None."""
    if name_start < 2 or doc[name_start - 1].text != ",":
        return None
    node = doc[name_start - 2]
    while node.dep_ in ROLE_PHRASE_DEPS and node.head.i < name_start and node.head.i != node.i:
        node = node.head
    return node if node.pos_ in ("NOUN", "PROPN") else None


def share_gender(doc: Doc, drafts: list[Draft]) -> None:
    """A role in apposition with a named person ("the home secretary, Sajid Javid") is that
    person: it takes the person's gender, so that "her" two words on is not the secretary."""
    for role, name in itertools.pairwise(drafts):
        if role.kind not in ("sector", "description") or role.gender is not None:
            continue
        if name.start != role.end + 1 or doc[role.end].text != ",":
            continue
        gender = name.person.gender if name.person is not None else name.gender
        if name.kind == "person" and gender:
            role.gender = gender


#: Articles a role in apposition to a name may start with ("Edward Leigh, an MP,").
APPOSED_ARTICLES = frozenset({"a", "an"})


def apposed_to_name(doc: Doc, start: int, end: int) -> bool:
    """Whether an indefinite role stands in apposition to a capitalised name, before it ("Eric
    Joyce, a Labour MP,") or after it ("a Labour MP, Eric Joyce,"): it is that person's role,
    not "some MP" anywhere."""
    k = start - 1
    while k > 0 and doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "ADJ"):
        k -= 1  # "a Labour MP": the party word belongs to the role
    if k < 0 or doc[k].lower_ not in APPOSED_ARTICLES:
        return False
    if k >= 2 and doc[k - 1].text == "," and is_name_token(doc[k - 2]):
        return True
    return end + 1 < len(doc) and doc[end].text == "," and is_name_token(doc[end + 1])
