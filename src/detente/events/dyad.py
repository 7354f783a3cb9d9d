"""Fighting the text names without its sides, coded as the article's war.

War reports say "heavy fighting continued near Basra" or "Iraq reported a naval battle" with no
actor in the phrase: the sides are the two countries the article is about. When the article
codes force between exactly one pair of countries (as the place stage's targetless force rule
does), an asserted reciprocal force noun with no actor of its own is fighting between them, one
event each way (CAMEO 190, ``source_path``/``target_path`` "article:XXX"). With force among
three countries or more nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from ..model import Event, Mention
from .clauses import analyse
from .nominal import nominal_host
from .ontology import Ontology
from .sentence import SentenceView

#: Nouns of two-sided fighting (a one-sided "attack" has its own frames and owner).
RECIPROCAL_FORCE_NOUNS = frozenset(
    {"fighting", "clashes", "battle", "battles", "skirmishes", "firefight", "firefights"}
)
#: Modifiers that make a battle a contest, not fighting ("nomination battles", "legal battle").
CONTEST_MODIFIERS = frozenset(
    "nomination legal court courtroom political election electoral campaign budget custody "
    "ratings primary leadership policy trade diplomatic verbal price tax bidding takeover "
    "boardroom bureaucratic procedural parliamentary".split()
)
#: CAMEO roots of force whose coded events define the article's war.
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: The code of fighting with no more detail.
FIGHTING_CODE = "190"


def war_dyad(events: Iterable[Event], mentions: Sequence[Mention]) -> tuple[str, str] | None:
    """The article's only pair of countries with force coded between them, else None."""
    country = {m.id: m.country for m in mentions}
    pairs: set[frozenset[str]] = set()
    for e in events:
        a = country.get(e.source_mention or "")
        b = country.get(e.target_mention or "")
        if e.root in FORCE_ROOTS and a and b and a != b:
            pairs.add(frozenset((a, b)))
    if len(pairs) != 1:
        return None
    a, b = sorted(next(iter(pairs)))
    return a, b


def _representative(mentions: Sequence[Mention], country: str) -> Mention | None:
    """The article's first mention of the country itself (else of any actor of it)."""
    own = [m for m in mentions if m.country == country and m.code == country]
    if own:
        return own[0]
    return next((m for m in mentions if m.country == country and m.code), None)


def _without_actor(token: Token, view: SentenceView) -> bool:
    start = view.span.start
    for t in token.subtree:
        k = t.i - start
        if 0 <= k < len(view) and view.slot_at[k] >= 0:
            return False
    return True


def dyad_fighting(
    views: Sequence[SentenceView],
    events: list[Event],
    mentions: Sequence[Mention],
    ontology: Ontology,
) -> list[Event]:
    """Events for actorless fighting nouns the text asserts, between the article's two sides."""
    dyad = war_dyad(events, mentions)
    kind = ontology.get(FIGHTING_CODE)
    if dyad is None or kind is None:
        return []
    sides = [_representative(mentions, c) for c in dyad]
    if sides[0] is None or sides[1] is None:
        return []
    taken = {(e.sentence, e.start) for e in events}
    forceful = {(e.sentence, e.start) for e in events if e.root in ("18", "19")}
    out: list[Event] = []
    for view in views:
        for token in view.span:
            if token.lower_ not in RECIPROCAL_FORCE_NOUNS or token.pos_ not in ("NOUN", "VERB"):
                continue
            if (view.index, token.idx) in taken or not _without_actor(token, view):
                continue
            if any(c.lower_ in CONTEST_MODIFIERS for c in token.children):
                continue  # "nomination battles", "a legal battle": no fighting
            host, _ = nominal_host(token)
            if host is None:
                continue
            if (view.index, host.idx) in forceful:
                continue  # "Iraqis were killed in fighting near Fish Lake": the killing says who
            clause = analyse(host)
            for src, tgt in ((sides[0], sides[1]), (sides[1], sides[0])):
                out.append(
                    kind.event(
                        sentence=view.index,
                        start=token.idx,
                        end=token.idx + len(token.text),
                        source_code=src.country,
                        source_entity=src.entity_id,
                        source_text=src.text,
                        target_code=tgt.country,
                        target_entity=tgt.entity_id,
                        target_text=tgt.text,
                        negated=clause.negated,
                        modality=clause.modality,
                        reported=clause.status == "reported" or bool(clause.speaker),
                        pattern_id=f"article-dyad:{token.lower_}",
                        confidence=0.4,
                        source_path=f"article:{src.country}",
                        target_path=f"article:{tgt.country}",
                    )
                )
    return out
