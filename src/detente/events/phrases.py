"""Noun phrases and the actors they name, on the dependency parse.

A frame's source and target are actor slots (``SentenceView.slots``); the parse says which
noun phrase fills a place of the frame, and this module says which actors that phrase names:
its own mention, a possessor or a country adjective that leads it ("the Iraqi positions"), an
apposition, an "of"/"by" phrase, a list ("Britain, France and Germany"), a plural that stands
for several countries ("the two countries", ``SentenceView.groups``), or a relative's possessor.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Mention
from .sentence import SentenceView
from .slots import COMPOUND_JOINERS, DETERMINERS, OBJECT_STOPS, compound_left, usable

#: Dependencies inside a noun phrase, from a modifier up to its head.
NP_INTERNAL_DEPS = frozenset(
    {"det", "predet", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case", "advmod",
     "punct"}
)  # fmt: skip

#: Modifiers of a noun that can name the actor when the noun itself is none ("Iraqi positions").
ACTOR_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")

#: Nouns whose country adjective names their actor whatever else modifies them ("a new Iranian
#: offensive", "fresh Iraqi attacks", "two damaged Iranian warships"): acts of force and the
#: forces, positions and craft that carry them out.
ACTOR_NOUNS = frozenset(
    "offensive offensives attack attacks assault assaults raid raids operation operations "
    "strike strikes airstrike airstrikes bombardment shelling incursion incursions invasion "
    "positions position forces force troops soldiers units unit divisions division brigade "
    "brigades battalion battalions army navy warships warship ships ship boats boat gunboats "
    "vessels vessel planes plane jets jet warplanes aircraft helicopters helicopter drones "
    "tanks artillery bases base outposts convoy convoys patrol patrols fighters militias "
    "militiamen guerrillas rebels officials diplomats authorities government regime".split()
)

#: Nouns a country adjective only locates or describes ("the European continent", "the Russian
#: economy", "Syrian territory"): the adjective names no actor however the phrase begins.
NON_ACTOR_NOUNS = frozenset(
    "continent continents economy economies market markets capital capitals city cities town "
    "towns village villages territory territories soil coast coastline waters airspace border "
    "borders frontier region regions province provinces countryside mainland language culture "
    "history weather climate currency stocks shares oil gas".split()
)

#: Words that may come before a country adjective that names its noun's actor ("the six
#: Iranian boats").
LEADING_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "poss", "case", "punct"})

#: Prepositions inside a noun phrase that lead to its actor ("the policies of NATO").
NP_PREPOSITIONS = frozenset({"of", "by"})

#: Prepositions that tie a noun to the actor whose role the actor stage gave it ("soldiers from
#: Gondor" coded GONMIL, "activists in Iran" IRNHRI): they name the phrase's actor only then.
PLACING_PREPOSITIONS = frozenset({"from", "in"})

#: Tokens an object slot may pass before its noun phrase starts.
OBJECT_LEAD = 3


def np_head(token: Token, limit: int) -> Token:
    """The head noun of the phrase a modifier starts ("the Iraqi positions" → positions)."""
    node = token
    for _ in range(6):
        if node.dep_ in NP_INTERNAL_DEPS and node.head.i > node.i and node.head.i < limit:
            node = node.head
        else:
            break
    return node


def _slot_of_token(view: SentenceView, token: Token, modifiers: bool) -> int:
    k = token.i - view.span.start
    if not 0 <= k < len(view):
        return -1
    slot = view.slot_at[k]
    if slot < 0:
        return -1
    return slot if modifiers or usable(view, slot) else -1


#: Nouns of a person's family: the phrase names a private person of the possessor's country,
#: who stands for the possessor only when the possessor is a private person too ("Her father
#: accused ...": Begum's father; "the minister's wife" is not the minister).
KIN_NOUNS = frozenset(
    "father mother parents parent husband wife son daughter sons daughters brother sister "
    "brothers sisters family relatives uncle aunt cousin widow".split()
)


def np_slots(view: SentenceView, head: Token, depth: int = 0) -> tuple[tuple[int, ...], str]:
    """The actor slots a noun phrase names, and how: its own mention, a possessor or modifier
    ("Iran's navy", "Iraqi positions"), an apposition ("the guarantors – Russia, Turkey and
    Iran –"), or the object of "of"/"by" ("the policies of NATO"); a plural description ("the
    two countries") is the countries it stands for (events/plural.py)."""
    if head.i in view.groups:
        return view.groups[head.i], "group"
    own = _slot_of_token(view, head, modifiers=head.pos_ == "ADJ")
    found: list[int] = []
    how = ""
    if own >= 0 and not (view.slots[own].modifier and head.pos_ in ("NOUN", "PROPN")):
        found, how = [own], ""
    else:
        found, how = modifier_slots(view, head, depth)
        if head.lower_ in KIN_NOUNS:  # "her father": a private person, not whoever she is
            found = [s for s in found if view.slots[s].mention.roles == ("CVL",)]
        if not found and depth == 0:
            for child in head.children:
                if child.dep_ == "appos":
                    inner, _ = np_slots(view, child, depth + 1)
                    if inner:
                        found, how = list(inner), "appos"
                        break
        if not found and depth < 2:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in NP_PREPOSITIONS | PLACING_PREPOSITIONS:
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            inner, path = np_slots(view, grand, depth + 1)
                            if inner and child.lower_ in PLACING_PREPOSITIONS:
                                inner = tuple(s for s in inner if _carries_role(view, s))
                            if inner:
                                found = list(inner)
                                how = dep_path(f"prep:{child.lower_}>pobj", path)
                                break
                if found:
                    break
    for conj in head.conjuncts:
        if conj.i <= head.i:
            continue
        more, _ = np_slots(view, conj, depth)
        found.extend(s for s in more if s not in found)
    if found and depth == 0:
        found.extend(s for s in _listed_in_appositions(view, head, found) if s not in found)
    return tuple(found), how


def _listed_in_appositions(view: SentenceView, head: Token, found: list[int]) -> list[int]:
    """Actors of other countries in a chain of appositions: a list the parse read as one
    ("signed by the Turkish foreign minister, Mevlüt Çavuşoğlu, his Russian counterpart,
    Sergei Lavrov, and Iran's Javad Zarif"); an apposition naming the same country's actor
    is the same one, described again."""
    countries = {view.slots[s].mention.country for s in found}
    extra: dict[str, int] = {}  # country → its most specific actor in the list
    stack = [c for c in head.children if c.dep_ == "appos"]
    while stack:
        node = stack.pop(0)
        stack.extend(c for c in node.children if c.dep_ in ("appos", "conj"))
        edge = node.left_edge.i
        if edge == 0 or node.doc[edge - 1].text not in (",", "and"):
            continue  # a list's members are set off by commas
        more, _ = np_slots(view, node, 1)
        for slot in more:
            country = view.slots[slot].mention.country
            if not country or country in countries:
                continue
            known = extra.get(country)
            if known is None or _code_length(view, slot) > _code_length(view, known):
                extra[country] = slot
    return list(extra.values())


def _code_length(view: SentenceView, slot: int) -> int:
    return len(view.slots[slot].mention.code or "")


def _carries_role(view: SentenceView, slot: int) -> bool:
    """Whether a mention's code adds a role to its country (the noun it follows gave it one)."""
    mention = view.slots[slot].mention
    country = mention.country or ""
    return bool(country) and len(mention.code or "") > len(country)


def modifier_slots(view: SentenceView, head: Token, depth: int) -> tuple[list[int], str]:
    """An actor named by a word before the noun: a possessor ("Iran's navy"), a name
    ("NATO infrastructure"), or a country adjective right after the determiners ("the Iraqi
    positions"; not "a controversial European shield", and not inside an "of" phrase: "the
    guarantors of the Syrian peace process" are not Syria), with the modifiers conjoined to it
    ("Russian and Iranian support")."""
    for child in head.children:
        if child.dep_ not in ACTOR_MODIFIER_DEPS or child.i > head.i:
            continue
        slot = _slot_of_token(view, child, modifiers=True)
        if slot < 0:
            continue
        if child.dep_ in ("compound", "nmod") and view.slots[slot].mention.kind == "metonym":
            continue  # "a Moscow mansion", "the Baghdad airport": a place, not the government
        if view.slots[slot].modifier and (
            depth > 0
            or head.lower_ in NON_ACTOR_NOUNS
            or not (_leading(child, head) or head.lower_ in ACTOR_NOUNS)
        ):
            continue
        listed = [slot]  # "Russian and Iranian support": each conjoined modifier's actor
        for conj in child.conjuncts:
            other = _slot_of_token(view, conj, modifiers=True) if conj.i < head.i else -1
            if other >= 0 and other not in listed:
                listed.append(other)
        return listed, child.dep_
    return [], ""


def _leading(modifier: Token, head: Token) -> bool:
    """Whether only determiners and numbers come before ``modifier`` in the phrase."""
    return all(t.dep_ in LEADING_DEPS for t in head.doc[head.left_edge.i : modifier.i])


def heads_slots(view: SentenceView, heads: tuple[int, ...]) -> tuple[tuple[int, ...], str]:
    """The actor slots of the phrases headed by Doc tokens ``heads`` (a compound subject).

    A subject that is an actor's own name also takes the actors listed before it on the
    surface ("Arnor, Calenardhon and the evil Gondor welcomed"): the small model often hangs
    the first members of a long list elsewhere (nmod, appos), but the words say a list.
    """
    doc = view.span.doc
    slots: list[int] = []
    how = ""
    for index in heads:
        found, path = np_slots(view, doc[index])
        if found and not path and not view.slots[found[0]].modifier:
            listed, _ = compound_left(view, found[0])
            found = (*listed[:-1], *found)
            found = (*found, *(s for s in _listed_right(view, doc[index]) if s not in found))
        slots.extend(s for s in found if s not in slots)
        how = how or path
    return tuple(slots), how


def _listed_right(view: SentenceView, head: Token) -> list[int]:
    """The actors a subject lists after its own name inside its phrase ("Mordor, the Shire,
    Fornost and Bree welcomed"), when an "and" closes the list."""
    start = view.span.start
    first = view.slot_at[head.i - start] if 0 <= head.i - start < len(view) else -1
    if first < 0:
        return []
    last = head.right_edge.i - start
    group: list[int] = []
    closed: list[int] = []
    k = view.slots[first].end
    while k < last and view.lower[k] in COMPOUND_JOINERS:
        joiner = view.lower[k]
        k += 1
        if joiner == "," and k < last and view.lower[k] == "and":
            joiner, k = "and", k + 1
        while k < last and view.slot_starting(k) < 0 and view.lower[k] in DETERMINERS:
            k += 1
        nxt = view.slot_starting(k)
        if not usable(view, nxt) or view.slots[nxt].end - 1 > last:
            break
        group.append(nxt)
        k = view.slots[nxt].end
        if joiner != ",":
            closed = list(group)
    return closed


def parse_object(view: SentenceView, pos: int) -> tuple[tuple[int, ...], int] | None:
    """The actor of the noun phrase that starts at ``pos`` (after a few modifiers), by the parse."""
    limit = view.span.start + len(view)
    for k in range(pos, min(pos + OBJECT_LEAD + 1, len(view))):
        if view.boundary[k] or view.lower[k] in OBJECT_STOPS:
            return None
        token = view.span[k]
        head = np_head(token, limit)
        if view.boundary[head.i - view.span.start]:
            return None
        slots, _ = np_slots(view, head)
        if slots:
            last = max(view.slots[s].end for s in slots)
            if last < len(view) and view.lower[last] in ("'s", "’s", "'"):
                return slots, last  # "accepted Erdogan's invitation": the frame reads "'s"
            return slots, max(last, head.i - view.span.start + 1)
        if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return None  # a noun phrase that names no actor: not this object
    return None


def dep_path(prefix: str, how: str) -> str:
    """A dependency path with the step that found the phrase's actor ("nsubj>poss")."""
    return f"{prefix}>{how}" if how else prefix


#: Codes of bodies that act politically without a country: IGOs, NGOs, transnational groups.
COUNTRYLESS_PREFIXES = ("IGO", "NGO", "IMG")


def is_political(mention: Mention) -> bool:
    """Whether an actor can be an event's source: it has a country, or is an international
    organisation or a transnational group (a bare "troops" or "rebels" is not)."""
    code = mention.code or ""
    return bool(mention.country) or code.startswith(COUNTRYLESS_PREFIXES)
