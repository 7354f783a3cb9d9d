"""Nouns that state an act that happened: when a nominal frame may fire.

"launched an attack on", "during his visit to", "fled the Turkish assault on Afrin", "in
retaliation for U.S. strikes", "leaders under assault from Turkey": a noun of an act is an event
only where the clause around it asserts the act happened; elsewhere it names a topic ("the
attack was discussed"). ``nominal_host`` finds the predicate that asserts it and says whether
that predicate's subject performs it.
"""

from __future__ import annotations

from spacy.tokens import Token

from .clauses import is_predicate
from .inflect import forms
from .matcher import SOURCE, CompiledElement, CompiledPattern
from .patterns import GAP, SET, WORD

#: How far up the tree a non-verbal anchor looks for the predicate of its clause.
PREDICATE_REACH = 4

#: Prepositions whose object noun is an asserted event of the clause ("during his visit to").
NOMINAL_EVENT_PREPOSITIONS = frozenset(
    {"during", "after", "following", "amid", "since", "throughout", "on", "in", "at", "before"}
)

#: Verbs whose subject performs the act their object noun names ("launched an attack on",
#: "held talks with", "paid a visit to", "imposed sanctions on", "expressed concern over").
LIGHT_VERBS = frozenset(
    w
    for lemma in ("launch", "mount", "stage", "conduct", "carry", "hold", "make", "pay", "begin",
                  "start", "resume", "continue", "step", "intensify", "escalate", "authorize",
                  "authorise", "order", "approve", "undertake", "wage", "unleash", "initiate",
                  "lead", "spearhead", "deliver", "reach", "impose", "express", "voice", "lodge",
                  "file", "level", "extend", "issue", "press", "renew", "sign")
    for w in forms(lemma)
)  # fmt: skip

#: Participles after a noun of force that say it was carried out ("the strikes delivered on",
#: "raids carried out against"); "sanctions imposed on Iran" is more often background.
DELIVERING_PARTICIPLES = frozenset(
    {"delivered", "launched", "carried", "conducted", "mounted", "staged", "waged", "unleashed"}
)

#: Prepositions whose noun is an act of the clause's own subject ("during his visit to").
PERFORMING_PREPOSITIONS = frozenset({"during", "on", "in", "throughout"})

#: Verbs whose subject noun is an act that happens ("fighting continues", "clashes erupted").
OCCURRENCE_VERBS = frozenset(
    w
    for lemma in ("continue", "erupt", "break", "begin", "start", "resume", "rage", "escalate",
                  "intensify", "spread", "end", "subside", "flare")
    for w in forms(lemma)
)  # fmt: skip

#: Verbs whose "from"/"by" noun is an act that happened: "arose from an exchange of fire",
#: "fled from the fighting", "caused by clashes".
CONSEQUENCE_VERBS = frozenset(
    w
    for lemma in ("arise", "result", "stem", "die", "flee", "escape", "cause", "trigger",
                  "spark", "prompt", "provoke", "suffer")
    for w in forms(lemma)
)  # fmt: skip

#: Things that come out of fighting: "shells from an exchange of fire fell on Kuwait",
#: "casualties from the clashes rose": when such a noun is a clause's subject or object, the
#: act its "from" phrase names happened.
PRODUCT_NOUNS = frozenset(
    {"shell", "shells", "rocket", "rockets", "missile", "missiles", "mortar", "mortars",
     "shrapnel", "debris", "bullets", "bullet", "fire", "casualties", "deaths", "damage",
     "smoke", "explosions"}
)  # fmt: skip

#: Verbs whose object noun is an act that happened ("repelled an attack by", "condemned the
#: bombing by"): a nominal frame on that noun is asserted.
PRESUPPOSING_VERBS = frozenset(
    w
    for lemma in ("repel", "repulse", "foil", "thwart", "survive", "withstand", "resist",
                  "crush", "halt", "blunt", "condemn", "denounce", "avenge", "report")
    for w in forms(lemma)
)  # fmt: skip

#: Verbs whose object noun is an act their subject got away from ("fled the Turkish assault on
#: Afrin", "escaped the bombing of the city"): it happened, and not by the one fleeing.
FLEEING_VERBS = frozenset(w for lemma in ("flee", "escape") for w in forms(lemma))

#: Nouns of a reaction whose "for"/"to" noun is an act that happened ("in retaliation for U.S.
#: attacks on Iranian platforms", "in response to the raid").
REACTION_NOUNS = frozenset(
    {"retaliation", "response", "reprisal", "reprisals", "revenge", "answer", "reaction"}
)

#: Nouns of force or pressure a target can be "under" ("leaders under assault from Turkey", "a
#: city under siege by the army", "under pressure from Washington"): the act is ongoing,
#: against the phrase or clause the "under" modifies.
UNDER_NOUNS = frozenset(
    {"attack", "attacks", "assault", "fire", "bombardment", "shelling", "siege", "blockade",
     "occupation", "pressure"}
)  # fmt: skip

#: Of those, the verbs whose subject (or agent) is the one the act was against: "Iraq repelled
#: an Iranian offensive" is Iran's force against Iraq.
RESISTING_VERBS = frozenset(
    w
    for lemma in ("repel", "repulse", "foil", "thwart", "survive", "withstand", "resist",
                  "crush", "halt", "blunt")
    for w in forms(lemma)
)  # fmt: skip


def nominal_host(token: Token) -> tuple[Token | None, bool]:
    """The predicate under which a noun states an act that happened, and whether that
    predicate's subject performs it: "launched an attack" (yes), "during his visit" (yes),
    "repelled an attack by" (no: the repeller did not attack), "fighting continues" (no).
    (None, False) when the noun only names a topic ("the attack was discussed")."""
    head = token.head
    if (
        token.dep_ == "pobj"
        and head.lower_ in NOMINAL_EVENT_PREPOSITIONS
        and head.head.pos_ in ("VERB", "AUX")  # a time phrase of the clause, not "talks on X"
    ):
        host = _climb_to_predicate(head)
        return host, host is not None and head.lower_ in PERFORMING_PREPOSITIONS
    if (
        token.dep_ == "pobj"
        and head.lower_ in ("from", "by")
        and head.head.lower_ in CONSEQUENCE_VERBS
    ):  # "shells arose from an exchange of fire", "caused by fighting": it happened
        return head.head, False
    if token.dep_ == "pobj" and head.lower_ == "from" and head.head.lower_ in PRODUCT_NOUNS:
        product = head.head  # "shells from an exchange of fire fell": it happened
        if product.dep_ in ("nsubj", "nsubjpass", "dobj") and is_predicate(product.head):
            return product.head, False
    if token.dep_ == "dobj" and head.lower_ in LIGHT_VERBS:
        return head, True
    if token.dep_ == "nsubjpass" and head.lower_ in LIGHT_VERBS:
        return head, False  # "talks between Iran and Iraq were held": the noun's own actors
    if token.dep_ in ("dobj", "nsubjpass") and head.lower_ in PRESUPPOSING_VERBS:
        return head, False
    if token.dep_ == "nsubj" and head.lower_ in OCCURRENCE_VERBS:
        return head, False
    if token.dep_ == "dobj" and head.lower_ in FLEEING_VERBS:
        return head, False
    delivered = next(
        (
            c
            for c in token.children
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in DELIVERING_PARTICIPLES
        ),
        None,
    )
    if delivered is not None:  # "the western strikes delivered on the regime", "raids carried out"
        return delivered, False
    if (
        token.dep_ == "pobj" and head.lower_ in ("for", "to") and head.head.lower_ in REACTION_NOUNS
    ):  # "in retaliation for U.S. attacks on Iranian platforms"
        return _climb_to_predicate(head.head), False
    if token.dep_ == "pobj" and head.lower_ == "under" and token.lower_ in UNDER_NOUNS:
        return _climb_to_predicate(head), False  # "Kurdish leaders under assault from Turkey"
    return None, False


#: Verbs whose subject is what an "under" phrase is under ("the convoy came under fire").
UNDER_LINKING_VERBS = frozenset(
    w for lemma in ("be", "remain", "stay", "come", "fall") for w in forms(lemma)
)


def under_target(token: Token) -> tuple[Token | None, bool]:
    """What a force noun after "under" is against: the noun the phrase modifies ("leaders under
    assault"), a verb's object ("invited leaders under assault"), or, after a linking verb
    ("the guards were under fire", "came under attack"), the clause's subject: (None, True)."""
    holder = token.head.head
    if holder.lower_ in UNDER_LINKING_VERBS:
        return None, True
    if holder.pos_ in ("VERB", "AUX"):
        holder = next((c for c in holder.children if c.dep_ == "dobj"), holder)
    return (holder if holder.pos_ in ("NOUN", "PROPN", "PRON") else None), False


#: Determiners that make a reacted-to act hypothetical ("in response to any attack").
OPEN_DETERMINERS = frozenset({"any", "every", "each", "a", "an", "possible", "future"})


def reacted_to(token: Token) -> bool:
    """An act that something answers ("in retaliation for U.S. attacks on Iranian platforms"):
    it happened, whatever the answering clause is (rumoured, threatened, future)."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ not in ("for", "to"):
        return False
    if head.head.lower_ not in REACTION_NOUNS:
        return False
    return not any(c.lower_ in OPEN_DETERMINERS for c in token.children if c.i < token.i)


def nominal_asserted(token: Token) -> bool:
    return nominal_host(token)[0] is not None


def _climb_to_predicate(token: Token) -> Token | None:
    node = token
    for _ in range(PREDICATE_REACH):
        if node.head.i == node.i:
            return None
        node = node.head
        if is_predicate(node):
            return node
    return None


def nominal_pre(compiled: CompiledPattern) -> tuple[CompiledElement, ...] | None:
    """The words a nominal frame wants before its noun ("military !intervention"), less its
    possessive source ("S 's"); None for a frame with other slots there."""
    out = []
    for element in compiled.pre:
        if element.kind == SOURCE or (element.kind == WORD and "'s" in element.words):
            continue
        if element.kind not in (WORD, SET, GAP):
            return None
        out.append(element)
    return tuple(out)
