"""Visits a wire story states in a word, not a clause: "Velayati, here on a two-day official
visit, informed ..." and "a session attended by visiting West German President von
Weizsaecker". Both are visits (CAMEO 042) to the place the story is filed from, and the small
parser reads neither as a clause ("here" hangs on the next verb, "visiting" on the words after
it). So they are read from the words: "here" right after the comma that follows an actor, then
"on"/"for" and a visit noun within a few words; "visiting" right before a person or an
official (never before a bare country or place: "visiting Iraq" names the destination). The
event is coded with no target and ``target_text`` "here": the place stage gives it the
dateline's country (``places.stage._visit_here``), or leaves it without one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Event, Mention
from .ontology import Ontology
from .sentence import SentenceView

VISIT_CODE = "042"
#: Visits already coded from a clause ("arrived here on a visit"): not coded again.
VISIT_CODES = frozenset({"042", "043"})
#: Nouns that make "here on a ..." a visit ("here on a two-day official visit", "here for talks").
VISIT_NOUNS = frozenset({"visit", "trip", "tour", "talks", "stay", "mission"})
#: Words that may follow "here" before the visit noun's phrase.
HERE_PREPOSITIONS = frozenset({"on", "for"})
#: How far after "here" the visit noun may be ("here on a two - day official visit").
HERE_REACH = 8
#: Mention kinds that can be a visitor after "visiting": people and officials, not places.
VISITOR_KINDS = frozenset({"person", "sector", "description", "pronoun", "group", "igo"})
#: The destination as the event records it until the place stage reads the dateline.
HERE = "here"


def _visitor_before_here(view: SentenceView, i: int) -> Mention | None:
    """The actor whose phrase ends at the comma just before "here" ("Velayati, here on")."""
    if i < 2 or view.lower[i - 1] != ",":
        return None
    slot = view.slot_at[i - 2]
    return view.slots[slot].mention if slot >= 0 else None


def _here_visit(view: SentenceView, i: int) -> bool:
    if i + 1 >= len(view) or view.lower[i + 1] not in HERE_PREPOSITIONS:
        return False
    for k in range(i + 2, min(len(view), i + 2 + HERE_REACH)):
        if view.lower[k] in (",", ".", ";"):
            return False
        if view.lower[k] in VISIT_NOUNS:
            return True
    return False


def _visitor_after(view: SentenceView, i: int) -> Mention | None:
    """The person or official right after "visiting" ("visiting West German President X")."""
    slot = view.slot_starting(i + 1)
    if slot < 0:
        return None
    mention = view.slots[slot].mention
    if mention.kind not in VISITOR_KINDS or not mention.roles:
        return None  # "visiting Iraq", "visiting Baghdad": the destination
    return mention


def _placed(mention: Mention | None) -> bool:
    return mention is not None and bool(mention.code) and bool(mention.country)


def visit_events(
    views: Sequence[SentenceView], events: Sequence[Event], ontology: Ontology
) -> list[Event]:
    """The visits of the module docstring, undated, with no target yet."""
    found = ontology.get(VISIT_CODE)
    if found is None:
        return []
    coded = {(e.sentence, e.source_code) for e in events if e.code in VISIT_CODES}
    out: list[Event] = []
    for view in views:
        for i, word in enumerate(view.lower):
            if word == HERE and _here_visit(view, i):
                visitor, how = _visitor_before_here(view, i), "here"
            elif word == "visiting":
                visitor, how = _visitor_after(view, i), "visiting"
            else:
                continue
            if visitor is None or not _placed(visitor):
                continue
            if (view.index, visitor.code) in coded:
                continue  # a clause already coded this visit
            coded.add((view.index, visitor.code))
            token = view.span[i]
            out.append(
                found.event(
                    sentence=view.index,
                    start=token.idx,
                    end=token.idx + len(token.text),
                    source_code=visitor.code,
                    source_entity=visitor.entity_id,
                    source_mention=visitor.id,
                    source_text=visitor.text,
                    target_text=HERE,
                    pattern_id=f"visit:{how}",
                    confidence=0.5,
                    source_path=how,
                )
            )
    return out
