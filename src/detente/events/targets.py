"""Where a frame's target comes from when the phrase the frame points at is not an actor.

The parse gives a frame's object; this module finds the actor behind it: the direct object by
the parse where the surface match could not reach it, the owner of an act the frame names
("crushed a new Iranian offensive"), the addressee of a directive ("urged that Ukraine
withdraw"), the partner of a reciprocal act ("held talks with"), the two sides of "fighting
between", the country of a place where force or a visit wants its target ("shelled Iraqi
towns", "on the Ukrainian border"), and the dependency path that reached it.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable

from spacy.tokens import Token

from .clauses import RELATIVE_PRONOUNS, governors, is_infinitive
from .matcher import SOURCE, TARGET, CompiledElement, CompiledPattern
from .nominal import FLEEING_VERBS
from .owners import object_owner, relative_owner
from .patterns import WORD, Pattern
from .phrases import NP_PREPOSITIONS, dep_path, modifier_slots, np_slots
from .sentence import SentenceView

#: Dependencies that start another clause: their words are outside the predicate's frame.
OTHER_CLAUSE_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "nsubj", "nsubjpass",
     "expl", "mark", "appos", "intj", "meta"}
)  # fmt: skip

#: Roots of force whose target may be the place where force was used (events.places).
PLACED_FORCE_ROOTS = frozenset({"15", "18", "19", "20"})

#: Codes of a visit whose destination may be a place only (places.stage reads the phrase).
PLACED_VISIT_CODES = frozenset({"042"})

#: Prepositions that lead from a nominal visit to where it went ("a visit to London").
VISIT_PREPOSITIONS = frozenset({"to", "in"})

#: Nouns of time a preposition of force may lead to ("shelled the town on Sunday").
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december day days night nights week weeks "
    "month months year years morning evening afternoon weekend dawn dusk time".split()
)

#: Prepositions a frame may close with before its target ("took control of", "fired at"):
#: other closing words ("carried out raids") are nouns, and the force prepositions apply.
TARGET_PREPOSITIONS = frozenset(
    {"on", "against", "at", "into", "in", "of", "to", "near", "over", "from", "toward",
     "towards", "across", "inside", "along", "around", "upon", "onto", "off"}
)  # fmt: skip

#: Prepositions that lead from an act of force to what it was used against ("strikes on").
FORCE_PREPOSITIONS = frozenset({"on", "against", "at", "into"})


def between_frame(pattern: Pattern) -> bool:
    """A frame "... between S and T": two sides of one reciprocal act (coded both ways)."""
    return any(
        e.kind == WORD and e.values == ("between",) and nxt.kind == SOURCE
        for e, nxt in itertools.pairwise(pattern.elements)
    )


def between_sides(
    view: SentenceView, noun: Token, compiled: CompiledPattern
) -> tuple[int, ...] | None:
    """The sides of a "NOUN between S and T" frame read from the parse (the "and" joins the
    two into one conjoined phrase), or None when the frame has no such shape."""
    if not between_frame(compiled.pattern):
        return None
    holders = [noun]
    if noun.dep_ == "nsubjpass":  # "talks were held between Iran and Iraq"
        holders.append(noun.head)
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ == "prep" and child.lower_ == "between":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    slots, _ = np_slots(view, obj)
                    return slots if len(slots) >= 2 else None
    return None


def direct_objects(predicate: Token) -> list[Token]:
    """The predicate's direct objects, or those of the verb it is conjoined with when it has
    none ("killed or wounded 15,000 soldiers": both verbs take the object). In a relative
    clause with a subject of its own, the object is the noun the clause modifies ("the rebels
    whom Turkish troops attacked", "the town Russian jets bombed")."""
    own = [c for c in predicate.children if c.dep_ in ("dobj", "dative")]
    if predicate.dep_ == "relcl" and own_subject(predicate):
        relative = [c for c in own if c.lower_ in RELATIVE_PRONOUNS]
        if relative or not own:
            return [predicate.head, *(c for c in own if c not in relative)]
    if own:
        return own
    for conj in predicate.children:
        if (
            conj.dep_ == "conj"
            and conj.pos_ == "VERB"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
        ):
            shared = [c for c in conj.children if c.dep_ == "dobj"]
            if shared:
                return shared
    return []


def own_subject(predicate: Token) -> bool:
    """A subject of the clause's own that is no relative pronoun ("whom Turkey armed")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS
        for c in predicate.children
    )


def addressee(predicate: Token) -> Token | None:
    """Whom a directive's reported clause names as the one to act: "urged that Ukraine
    withdraw", "demanded all departments make savings" (the clause's own subject)."""
    if governors().that_clause.get(predicate.lower_) != "directive":
        return None
    for child in predicate.children:
        if child.dep_ == "ccomp":
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
    return None


def object_bindings(
    view: SentenceView, predicate: Token, owner_of: tuple[int, ...] | None = None
) -> list[tuple[int, tuple[tuple[str, tuple[int, ...]], ...]]]:
    """A target from the predicate's direct object by the parse, where the words between
    them kept the surface match from reaching it; with ``owner_of`` (the sources), the
    object's owner when the object names no actor (``owners``)."""
    objects = direct_objects(predicate)
    for obj in objects:
        slots, _ = np_slots(view, obj)
        if slots:
            end = max(view.slots[s].end for s in slots)
            return [(end, ((TARGET, slots),))]
    if owner_of is not None:
        slots, _ = object_owner(view, objects, owner_of)
        if slots:
            end = max(view.slots[s].end for s in slots)
            return [(end, ((TARGET, slots),))]
    return []


def owner_slots(
    view: SentenceView, start: int, end: int, sources: tuple[int, ...]
) -> tuple[int, ...]:
    """The actor whose act a frame's own noun names ("crushed a new Iranian offensive",
    "repelled the rebels' attack"): the target of an act on that act."""
    for k in range(start, end):
        token = view.span[k]
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        found, _ = modifier_slots(view, token, 0)
        if not found:
            found, _ = of_by_slots(view, token)
        if not found:  # "rejected the proposal that Iran made"
            found = list(relative_owner(view, token))
        own = {view.slots[s].mention.code for s in sources}
        kept = tuple(s for s in found if s not in sources)
        if kept and all(view.slots[s].mention.code in own for s in kept):
            return ()  # "Iran launched its attack": the source's own act, no target named
        if kept:
            return kept
    return ()


def of_by_slots(view: SentenceView, head: Token) -> tuple[list[int], str]:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in NP_PREPOSITIONS:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    inner, path = np_slots(view, grand, 1)
                    if inner:
                        return list(inner), dep_path(f"prep:{child.lower_}>pobj", path)
    return [], ""


def without_final_target(post: tuple[CompiledElement, ...]) -> tuple[CompiledElement, ...] | None:
    """A frame's elements less its closing "(preposition) T", or None if T is not last."""
    if not post or post[-1].kind != TARGET:
        return None
    short = post[:-1]
    if short and short[-1].kind == WORD and not short[-1].optional:
        short = short[:-1]
    return short


def reports_its_infinitive(predicate: Token) -> bool:
    """ "is said / believed / reported to have V-ed": a passive verb of report or belief whose
    infinitive is the act (its subject that act's subject, not anyone spoken to)."""
    kind = governors().infinitive.get(predicate.lower_)
    return kind in ("report", "belief") and any(
        c.dep_ == "xcomp" and is_infinitive(c) for c in predicate.children
    )


def target_phrase_of(
    predicate: Token, between: tuple[CompiledElement, ...]
) -> tuple[int, int] | None:
    """Where a force frame wanted its target: the object of its closing preposition ("attack
    on Afrin") or, with none, the predicate's direct object ("shelled Afrin")."""
    closing = {w for e in between if e.kind == WORD for w in e.words}
    words = closing & TARGET_PREPOSITIONS  # a closing noun ("raids") leaves force's own
    objects = direct_objects(predicate)
    named = [o for o in objects if o.pos_ == "PROPN"]  # "shelled Afrin on Sunday"
    if named and not closing:
        return phrase_span(named[0])
    # the preposition hangs on the predicate or on its object ("took control of Afrin",
    # "launched strikes on Afrin"); a frame that names none takes those of force
    aimed = prep_object((predicate, *objects), words or FORCE_PREPOSITIONS)
    if aimed is not None:
        return phrase_span(aimed)
    if closing:
        return None
    return phrase_span(objects[0] if objects else None)


def prep_object(holders: Iterable[Token], prepositions: Collection[str]) -> Token | None:
    """The object of the first of ``prepositions`` hanging on one of ``holders``, in order,
    that is no time word ("on Afrin", not "on Sunday")."""
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in prepositions:
                continue
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ not in TIME_WORDS:
                return pobj
    return None


def visit_place(noun: Token) -> tuple[int, int] | None:
    """Where a nominal visit went: its own "to" or "in" phrase ("a visit to London")."""
    place = prep_object((noun,), VISIT_PREPOSITIONS)
    return phrase_span(place) if place is not None else None


def force_object(noun: Token, host: Token) -> Token | None:
    """What a nominal act of force was aimed at: its own "on"/"against" phrase or, when the
    parse hangs that phrase on the verb of fleeing ("fled the offensive on Afrin") or on the
    participle that delivers it ("strikes delivered on the regime's war machine"), the verb's."""
    own = host.lower_ in FLEEING_VERBS or host.head.i == noun.i
    return prep_object((noun, host) if own else (noun,), FORCE_PREPOSITIONS)


#: Nouns of a country's ground, places or forces' positions: a country adjective on one names
#: the country force was used against ("on the Ukrainian border", "shelled Iraqi towns").
PLACE_NOUNS = frozenset(
    "border borders frontier territory soil airspace waters coast coastline town towns village "
    "villages city cities positions position bases base outposts outpost targets installations "
    "facilities ports port province provinces region regions areas area lines trenches "
    "airfields airfield capital".split()
)


def place_owner(view: SentenceView, phrase: tuple[int, int] | None) -> int | None:
    """The slot of a country adjective on a place noun inside a target phrase ("the Ukrainian
    border", "Palestinian towns"): that country is the target."""
    words = view.span.doc.char_span(*phrase, alignment_mode="expand") if phrase else None
    if words is None:
        return None
    start = view.span.start
    for token in words:
        if token.dep_ not in ("amod", "compound") or not 0 <= token.i - start < len(view):
            continue
        slot = view.slot_at[token.i - start]
        if slot < 0 or token.head.lower_ not in PLACE_NOUNS:
            continue
        mention = view.slots[slot].mention
        if mention.kind == "adjective" and mention.country:
            return slot
    return None


def passive_subject(predicate: Token) -> Token | None:
    return next((c for c in predicate.children if c.dep_ == "nsubjpass"), None)


def phrase_span(head: Token | None) -> tuple[int, int] | None:
    """The character span of a noun's phrase, up to its first clause or comma."""
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    left, right = head.left_edge.i, head.i
    for token in head.rights:
        if token.dep_ in OTHER_CLAUSE_DEPS or token.is_punct:
            break
        right = token.right_edge.i
    doc = head.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def with_slots(view: SentenceView, predicate: Token) -> tuple[int, ...]:
    """The actor of a "with" phrase on a reciprocal act or its object, wherever in the clause
    ("met in Geneva on Monday with Iraq", "held talks at Downing Street with Ireland")."""
    partner = prep_object((predicate, *direct_objects(predicate)), ("with",))
    return np_slots(view, partner)[0] if partner is not None else ()


def takes_object(compiled: CompiledPattern) -> bool:
    """A frame written without a target ("S condemn") whose object may name one."""
    return not compiled.post and "mutual" not in compiled.pattern.flags


def object_slots(view: SentenceView, predicate: Token) -> tuple[int, ...]:
    for obj in direct_objects(predicate):
        slots, _ = np_slots(view, obj)
        if slots:
            return slots
    return ()


def frame_has_target(compiled: CompiledPattern) -> bool:
    return any(e.kind == TARGET for e in compiled.post)


def anchor_ends(view: SentenceView, compiled: CompiledPattern, i: int) -> list[int]:
    from .slots import match_forward

    return match_forward(view, compiled.anchor, i)


def target_path_of(view: SentenceView, targets: tuple[int, ...], predicate: Token) -> str:
    """The dependency path from the predicate down to the target's first word."""
    if not targets:
        return ""
    first = view.span[view.slots[targets[0]].start]
    heads = [first]
    node = first
    while node.head.i != node.i and node.i != predicate.i and len(heads) < 8:
        node = node.head
        heads.append(node)
    if node.i != predicate.i:
        return ""
    labels = [t.dep_ if t.dep_ != "prep" else f"prep:{t.lower_}" for t in reversed(heads[:-1])]
    return ">".join(labels)
