"""Finding actors around a predicate: subjects to the left, objects and floating targets to the
right, compounds ("Russia and NATO"), skipped noun phrases, and pattern words on either side.

These are the matcher's building blocks (``events.matcher``), kept apart so each stays short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sentence import SentenceView

if TYPE_CHECKING:
    from .matcher import CompiledElement

#: Tokens between a verb and its subject that may be skipped (adverbs, auxiliaries, dates).
SUBJECT_REACH = 10
#: Determiners and modifiers allowed before an object actor ("the policies of T").
OBJECT_LEAD = 3
#: Words that end the search for an object: it would be another clause or the agent.
#: Prepositions that open an adjunct ("every pathway for Iran", "a letter to NATO") end it too;
#: "of", "in" and "on" may stay inside the object ("the policies of NATO").
OBJECT_STOPS = frozenset(
    {",", "and", "that", "which", "who", "by", "said", "says"}
    | {"for", "to", "with", "from", "into", "against", "about", "over"}
)
DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "some"}
)
#: Prepositions a ``^`` skip passes with its noun phrase (PETRARCH's parse puts them together).
SKIP_PREPOSITIONS = frozenset({"with", "in", "at", "of", "on", "from", "for"})
#: Lower-case modifiers allowed between a joiner and an actor ("and the evil awful Gondor").
MODIFIER_LEAD = 3
#: Words that join actors into a compound ("Russia and NATO").
COMPOUND_JOINERS = frozenset({"and", ",", "&"})

# --- element matching -------------------------------------------------------------------------


def match_forward(view: SentenceView, element: CompiledElement, i: int) -> list[int]:
    """End positions if ``element`` matches starting at token i."""
    if i >= len(view):
        return []
    ends = []
    if view.lower[i] in element.words:
        ends.append(i + 1)
    for phrase in element.phrases:
        if tuple(view.lower[i : i + len(phrase)]) == phrase:
            ends.append(i + len(phrase))
    return ends


def match_backward(view: SentenceView, element: CompiledElement, end: int) -> list[int]:
    """Start positions if ``element`` matches ending just before token ``end``."""
    starts = []
    if end - 1 >= 0 and view.lower[end - 1] in element.words:
        starts.append(end - 1)
    for phrase in element.phrases:
        start = end - len(phrase)
        if start >= 0 and tuple(view.lower[start:end]) == phrase:
            starts.append(start)
    return starts


def usable(view: SentenceView, slot: int) -> bool:
    return slot >= 0 and not view.slots[slot].modifier


def compound_right(view: SentenceView, slot: int) -> tuple[tuple[int, ...], int]:
    """A slot and the actors joined to it on the right ("Russia and NATO", "A, B and C").

    A comma joins only within a list that an "and" closes, so "Iraq attacked Iran, Putin said"
    has no compound.
    """
    group, end = [slot], view.slots[slot].end
    closed = [slot]  # the group as far as the last "and"
    while end + 1 < len(view) and view.lower[end] in COMPOUND_JOINERS:
        joiner = view.lower[end]
        step = end + 1
        if joiner == "," and step < len(view) and view.lower[step] == "and":
            joiner, step = "and", step + 1
        nxt = view.slot_starting(step)
        if not usable(view, nxt):
            break
        group.append(nxt)
        end = view.slots[nxt].end
        if joiner != ",":
            closed = list(group)
    return tuple(closed), view.slots[closed[-1]].end


def modified_start(view: SentenceView, start: int) -> int:
    """Where an actor's lower-case modifiers begin ("and the evil awful Gondor"), when a
    joiner precedes them; else the actor's own start."""
    k = start
    while k > 0 and start - k < MODIFIER_LEAD and view.span[k - 1].text.isalpha():
        if not view.span[k - 1].text.islower() or view.lower[k - 1] in COMPOUND_JOINERS:
            break
        k -= 1
    return k if k < start and k > 0 and view.lower[k - 1] in COMPOUND_JOINERS else start


def compound_left(view: SentenceView, slot: int) -> tuple[tuple[int, ...], int]:
    """A slot and the actors joined to it on the left ("Russia and NATO must ...")."""
    group, start = [slot], modified_start(view, view.slots[slot].start)
    joined_by_and = False
    while start - 2 >= 0 and view.lower[start - 1] in COMPOUND_JOINERS:
        joiner = view.lower[start - 1]
        gap = start - 2
        if joiner == "and" and view.lower[gap] == ",":
            gap -= 1
        prev = view.slot_at[gap] if gap >= 0 else -1
        if not usable(view, prev) or view.slots[prev].end != gap + 1:
            break
        if joiner == "," and not joined_by_and:
            break  # a comma list must end with "and" next to the verb's subject
        joined_by_and = joined_by_and or joiner != ","
        group.insert(0, prev)
        start = modified_start(view, view.slots[prev].start)
    return tuple(group), start


def object_slot(
    view: SentenceView, i: int, lead: int = OBJECT_LEAD
) -> tuple[tuple[int, ...], int] | None:
    """The actor (or compound) starting at i, after at most ``lead`` modifier tokens.

    A bare country adjective counts when only determiners precede it ("attacked the Ukrainian
    positions" targets Ukraine) but not after other modifiers ("a controversial European shield").
    """
    for k in range(i, min(i + lead + 1, len(view))):
        if view.boundary[k] or view.lower[k] in OBJECT_STOPS:
            return None
        slot = view.slot_starting(k)
        if slot >= 0:
            plain = all(view.lower[j] in DETERMINERS for j in range(i, k))
            if not view.slots[slot].modifier or plain:
                return compound_right(view, slot)
            return None
        if view.slot_at[k] >= 0:
            return None
    return None


def subject_slot(view: SentenceView, end: int) -> tuple[tuple[int, ...], int] | None:
    """The nearest actor to the left of ``end`` in the same clause, skipping parentheticals."""
    reach = 0
    k = end - 1
    while k >= 0 and reach <= SUBJECT_REACH:
        if view.skip[k]:
            k -= 1
            continue
        if view.boundary[k]:
            return None
        slot = view.slot_at[k]
        if slot >= 0:
            if not usable(view, slot):
                k = view.slots[slot].start - 1
                reach += 1
                continue
            return compound_left(view, slot)
        reach += 1
        k -= 1
    return None


def floating_right(view: SentenceView, pos: int, reach: int) -> tuple[tuple[int, ...], int] | None:
    """The first actor (or compound) starting within ``reach`` tokens of ``pos``, in the clause.

    A comma before a determiner ends the search: an aside follows ("..., a senior official
    said"), not the object; a list of actors after the first one is still a compound.
    """
    for k in range(pos, min(pos + reach + 1, len(view))):
        if view.boundary[k] or (view.lower[k] == "," and aside_after(view, k)):
            return None
        slot = view.slot_starting(k)
        if usable(view, slot):
            return compound_right(view, slot)
    return None


def aside_after(view: SentenceView, comma: int) -> bool:
    """ "..., a senior official said": a comma and a determiner open an aside, not the object."""
    return comma + 1 < len(view) and view.lower[comma + 1] in DETERMINERS


def floating_left(view: SentenceView, end: int, reach: int) -> tuple[tuple[int, ...], int] | None:
    """The nearest actor (or compound) ending within ``reach`` tokens before ``end``."""
    for k in range(end - 1, max(end - 2 - reach, -1), -1):
        slot = view.slot_at[k]
        if usable(view, slot) and view.slots[slot].end <= end:
            return compound_left(view, slot)
    return None


def skip_right(view: SentenceView, pos: int) -> int | None:
    """Past one noun phrase to the right: the actor starting at ``pos`` (after a preposition
    and determiners: "with the parliament"), or a word."""
    k = pos
    if k < len(view) and view.lower[k] in SKIP_PREPOSITIONS:
        k += 1
    while k < len(view) and view.lower[k] in DETERMINERS:
        k += 1
    slot = view.slot_starting(k)
    if slot >= 0:
        return view.slots[slot].end
    return k + 1 if k < len(view) else None


def skip_left(view: SentenceView, end: int) -> int | None:
    """Past one unit to the left: the actor ending at ``end``, or a word."""
    if end <= 0:
        return None
    slot = view.slot_at[end - 1]
    return view.slots[slot].start if slot >= 0 else end - 1


# --- pattern matching -------------------------------------------------------------------------
