"""Which role a name in apposition is introduced by, read on the surface as well as the parse.

"China's U.N. Representative, Ambassador Li Luye, and the director-general of the Israeli
Foreign Ministry, Abraham Tamir": the small parser often hangs the second name on the first role
of the list, or joins the two names. The role a name belongs to is the noun phrase that ends
right before its comma.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Token

from .recognize import Draft

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


#: Articles a role in apposition may start with ("Edward Leigh, an MP,").
ROLE_ARTICLES = frozenset({"a", "an", "the"})


def names_a_person(doc: Doc, draft: Draft, drafts: list[Draft]) -> bool:
    """Whether a role stands in apposition to a named person ("Edward Leigh, an MP, said", "a
    Labour MP, Eric Joyce,"): then it is that person's role, not "some MP" anywhere."""
    k = draft.start - 1
    if k >= 0 and doc[k].lower_ in ROLE_ARTICLES:
        k -= 1
    if k >= 0 and doc[k].text == "," and any(d.kind == "person" and d.end == k for d in drafts):
        return True
    after = draft.end
    return (
        after + 1 < len(doc)
        and doc[after].text == ","
        and any(d.kind == "person" and d.start == after + 1 for d in drafts)
    )
