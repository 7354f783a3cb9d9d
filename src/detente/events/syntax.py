"""Events from the dependency parse: the default pipeline's reading of who did what to whom.

Each pattern of the verb dictionary is read as an argument frame: its anchor is a predicate, the
words after it (particles, prepositions, object nouns) must lie inside that predicate's own
clause, and its slots are filled from the tree: the source is the clause's grammatical subject
(or the ``by`` agent of a passive, whose subject is then the target), the target the noun phrase
the frame's words lead to. Words of another clause (a relative clause, a reported clause, an
adverbial clause) are out of the frame's reach, so an anchor never borrows another clause's
actors. Nominal frames ("S 's visit to T", "attack by S on T") need their noun to be asserted:
inside a time phrase of the clause ("during his visit to Moscow").

What the clause asserts (reported, asked for, intended, negated ...) is ``events.clauses``'s job.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Token

from .clauses import (
    RELATIVE_PRONOUNS,
    Clause,
    analyse,
    governors,
    is_infinitive,
    is_predicate,
)
from .matcher import (
    SOURCE,
    TARGET,
    CompiledElement,
    CompiledPattern,
    Match,
    PatternIndex,
    _backward,
    _complete,
    _forward,
    _unconsumed,
    better,
)
from .nominal import (
    FLEEING_VERBS,
    PREDICATE_REACH,
    RESISTING_VERBS,
    nominal_asserted,
    nominal_host,
    nominal_pre,
    under_target,
)
from .ontology import SYMMETRIC_CODES
from .owners import OWNED_OBJECT_ROOTS, object_owner, relative_owner
from .patterns import GAP, SET, SKIP, WORD, Element, Pattern
from .phrases import NP_PREPOSITIONS, dep_path, heads_slots, modifier_slots, np_slots, parse_object
from .sentence import SentenceView
from .slots import match_forward

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
#: The placeholder for a word outside the clause: it matches no pattern word.
OUTSIDE = "\x00"


@dataclass(frozen=True)
class ParsedMatch:
    """A frame matched on the parse: the pattern's match, the clause, the paths that bound it."""

    match: Match
    clause: Clause
    source_path: str
    target_path: str
    speaker: tuple[int, ...] = ()  # slot indices of the reporting clause's subject
    #: Force matched without its target: the target may come from the event's place.
    open_target: bool = False
    #: Character span of the phrase where the frame wanted its target but found no actor
    #: ("occupied Afrin", "Raqqa was occupied by Isis"): a place there names the target.
    target_phrase: tuple[int, int] | None = None


# --- the clause's region ----------------------------------------------------------------------


def clause_region(predicate: Token) -> set[int]:
    """Doc indices of the tokens in a predicate's own clause (its frame's reach)."""
    region = {predicate.i}
    stack = [predicate]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in OTHER_CLAUSE_DEPS and not _reduced_relative(child, node):
                continue
            if (
                child.dep_ in ("conj", "cc")
                and node.pos_ in ("VERB", "AUX")
                and (child.dep_ == "cc" or child.pos_ in ("VERB", "AUX"))
            ):
                continue  # another verb's clause ("attacked X and seized Y")
            region.add(child.i)
            if not _predicative_as(child):
                stack.append(child)
    return region


def _predicative_as(token: Token) -> bool:
    """ "condemned the strike as a violation of Iraq's sovereignty": the "as" phrase describes
    the object; the actors in it are not the act's target."""
    head = token.head
    return (
        token.dep_ == "prep"
        and token.lower_ == "as"
        and head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "dobj" for c in head.children)
    )


def _reduced_relative(child: Token, node: Token) -> bool:
    """ "sanctions imposed on Eritrea", "an offer made by the Taliban": a participle that
    modifies a noun of the clause belongs to that noun's phrase (an infinitive does not)."""
    return (
        child.dep_ == "acl"
        and node.pos_ in ("NOUN", "PROPN")
        and child.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in child.children)
    )


def masked_view(view: SentenceView, region: set[int]) -> SentenceView:
    """The sentence with every word outside ``region`` blanked and made a boundary."""
    offset = view.span.start
    inside = [offset + k in region for k in range(len(view))]
    lower = [w if keep else OUTSIDE for w, keep in zip(view.lower, inside, strict=True)]
    boundary = [b or not keep for b, keep in zip(view.boundary, inside, strict=True)]
    slot_at = [s if keep else -1 for s, keep in zip(view.slot_at, inside, strict=True)]
    return dataclasses.replace(view, lower=lower, boundary=boundary, slot_at=slot_at)


# --- noun phrases and their actors ------------------------------------------------------------


# --- frames -----------------------------------------------------------------------------------


def owning_predicate(token: Token) -> Token | None:
    """The predicate whose clause a word belongs to ("held talks" → held)."""
    node = token
    for _ in range(PREDICATE_REACH):
        if is_predicate(node):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return node if is_predicate(node) else None


HAVE_FORMS = frozenset({"have", "has", "had", "having"})


def _auxiliary_have(view: SentenceView, compiled: CompiledPattern, start: int, end: int) -> bool:
    """Whether the frame's "have" ("S have ... talks with T") is only an auxiliary here."""
    if not any(e.kind == WORD and e.words & HAVE_FORMS for e in compiled.pre):
        return False
    found = [view.span[k] for k in range(start, end) if view.lower[k] in HAVE_FORMS]
    return bool(found) and all(t.dep_ in ("aux", "auxpass") for t in found)


def _subject_frame(compiled: CompiledPattern) -> bool:
    """Whether a pattern reads "S <words> anchor ...": its source is a clause's subject
    ("S 's visit to T" is nominal: its source is the possessor)."""
    pre = compiled.pre
    if (
        not pre
        or pre[-1].kind != SOURCE
        or not all(e.kind in (WORD, SET, GAP, SKIP) for e in pre[:-1])
    ):
        return False
    return not (len(pre) > 1 and pre[-2].kind == WORD and "'s" in pre[-2].words)


class SyntaxMatcher:
    """Matches the pattern dictionary's frames on a parsed sentence."""

    def __init__(self, index: PatternIndex) -> None:
        self.index = index

    def matches(self, view: SentenceView) -> list[ParsedMatch]:
        clauses: dict[int, Clause] = {}
        regions: dict[int, SentenceView] = {}
        best: dict[int, ParsedMatch] = {}
        unmatched: dict[int, list[CompiledPattern]] = {}
        written: dict[int, list[CompiledPattern]] = {}
        for i, compiled in self.index.candidates(view):
            for found in self._match(view, i, compiled, clauses, regions):
                current = best.get(i)
                if better(found.match, current.match if current else None):
                    best[i] = found
            if _subject_frame(compiled):
                unmatched.setdefault(i, []).append(compiled)
            elif compiled.pre and view.span[i].pos_ in ("VERB", "AUX"):
                written.setdefault(i, []).append(compiled)
        for i, compiled_list in unmatched.items():
            current = best.get(i)
            if current is not None and _complete(current.match):
                continue
            fallback = self._surface(view, i, compiled_list, clauses)
            if fallback is not None and (current is None or _complete(fallback.match)):
                best[i] = fallback
        for i, compiled_list in written.items():
            # A verb frame that writes out words or a target before the verb ("+ hosting *
            # Tabaski ^ $") has no reading on the parse: it competes as written.
            current = best.get(i)
            fallback = self._surface(view, i, compiled_list, clauses)
            if fallback is not None and better(fallback.match, current.match if current else None):
                best[i] = fallback
        for i, found in best.items():
            best[i] = _to_addressee(view, found)
        kept = _unconsumed([best[i].match for i in sorted(best)])
        return [best[m.anchor_start] for m in kept]

    def _surface(
        self,
        view: SentenceView,
        i: int,
        candidates: list[CompiledPattern],
        clauses: dict[int, Clause],
    ) -> ParsedMatch | None:
        """The token-pattern reading of a verb the parse could not fill a frame for (a list of
        actors it split, an argument it hung elsewhere): its actors from the surface, what the
        clause asserts still from the parse."""
        from .matcher import match_at

        token = view.span[i]
        if not is_predicate(token):
            return None
        chosen: Match | None = None
        for compiled in candidates:
            for match in match_at(view, i, compiled):
                if match.source and better(match, chosen):
                    chosen = match
        if chosen is None:
            return None
        clause = self._clause(token, clauses)
        speaker, _ = heads_slots(view, clause.speaker)
        return ParsedMatch(chosen, clause, "surface", "surface", speaker)

    def diagnose(self, view: SentenceView, i: int, compiled: CompiledPattern) -> str:
        """Why ``compiled`` does not match on the parse at token i ("" when it does)."""
        clauses: dict[int, Clause] = {}
        regions: dict[int, SentenceView] = {}
        if any(True for _ in self._match(view, i, compiled, clauses, regions)):
            return ""
        token = view.span[i]
        where = f"spaCy reads {token.text!r} as {token.pos_} ({token.dep_} of {token.head.text!r})"
        if not _subject_frame(compiled):
            if token.pos_ not in ("NOUN", "PROPN"):
                return f"a nominal frame, and the anchor is no noun here: {where}"
            if not nominal_asserted(token):
                return "a nominal frame: the noun only names a topic here (not in a time phrase)"
            return "a nominal frame: no source or target actor around the noun"
        only_subject = all(e.optional for e in compiled.pre[:-1])
        predicate = token if only_subject else owning_predicate(token)
        if predicate is None or not is_predicate(predicate):
            return f"the anchor heads no clause: {where}"
        clause = self._clause(predicate, clauses)
        region = self._region(view, predicate, regions)
        if clause.passive and not compiled.passive:
            return "a passive clause, and the pattern has no passive reading"
        written = compiled.pattern.elements[compiled.pattern.anchor_index + 1 :]
        pairs = [
            (e, w)
            for e, w in zip(compiled.post, written, strict=True)
            if not (clause.passive and e.kind == TARGET)
        ]
        post = tuple(e for e, _ in pairs)
        for end in _anchor_ends(region, compiled, i):
            for k in range(1, len(post) + 1):
                if not any(True for _ in _forward(region, post[:k], 0, end, (), parse_object)):
                    element, as_written = pairs[k - 1]
                    if element.kind == TARGET:
                        return "no target actor in the clause where the frame wants it (T)"
                    return f"{written_text(as_written)!r} is not in the predicate's clause"
        if not clause.subjects and not clause.agents:
            return "the clause has no subject (nor a 'by' agent) naming the source"
        return "no actor in the subject (or 'by' agent) of the clause"

    def _clause(self, token: Token, clauses: dict[int, Clause]) -> Clause:
        if token.i not in clauses:
            clauses[token.i] = analyse(token)
        return clauses[token.i]

    def _region(
        self, view: SentenceView, predicate: Token, regions: dict[int, SentenceView]
    ) -> SentenceView:
        if predicate.i not in regions:
            regions[predicate.i] = masked_view(view, clause_region(predicate))
        return regions[predicate.i]

    def _match(
        self,
        view: SentenceView,
        i: int,
        compiled: CompiledPattern,
        clauses: dict[int, Clause],
        regions: dict[int, SentenceView],
    ) -> Iterator[ParsedMatch]:
        token = view.span[i]
        if _subject_frame(compiled):
            yield from self._verbal(view, i, token, compiled, clauses, regions)
        elif token.pos_ in ("NOUN", "PROPN") and nominal_asserted(token):
            yield from self._nominal(view, i, token, compiled, clauses, regions)

    def _verbal(
        self,
        view: SentenceView,
        i: int,
        token: Token,
        compiled: CompiledPattern,
        clauses: dict[int, Clause],
        regions: dict[int, SentenceView],
    ) -> Iterator[ParsedMatch]:
        only_subject = all(e.optional for e in compiled.pre[:-1])  # "S extrajudicially? kill"
        if only_subject and not is_predicate(token):
            return  # "condemned the killing of": the verb's noun heads no clause of its own
        predicate = token if only_subject else owning_predicate(token)
        if predicate is None or not is_predicate(predicate):
            return
        clause = self._clause(predicate, clauses)
        if clause.passive and _reports_its_infinitive(predicate):
            return  # "Russia is said to have attacked": the report is no act of its own
        region = self._region(view, predicate, regions)
        if region.lower[i] == OUTSIDE:
            return
        pre_words = compiled.pre[:-1]
        starts = [i]
        subject_slots, subject_how = heads_slots(view, clause.subjects)
        subject_path = dep_path(clause.subject_path, subject_how)
        if pre_words:  # words before the anchor may belong to the governing clause
            written = list(_backward(view, compiled.pre, 0, i, ()))  # "S indicated it would act"
            starts = [s for s, _ in written] or [s for s, _ in _backward(view, pre_words, 0, i, ())]
            if _auxiliary_have(view, compiled, min(starts, default=i), i):
                return  # "officials have been optimistic about the talks": no "have talks"
            if not starts:
                return
            if written:  # the frame names its source before those words: take that one
                subject_slots, subject_path = dict(written[0][1])[SOURCE], "surface"
        active_reading = (
            clause.passive and not clause.agents and "activepassive" in compiled.pattern.flags
        )  # PETRARCH's "The Philippines was criticized over ...": the subject stays the source
        if clause.passive and not active_reading:
            # The subject of a passive is no source; but when the frame's words are in the
            # passive subject ("the agreement was signed by A, B and C", "sanctions were
            # imposed on Iran by the EU") the agents act and the frame's target follows.
            found = list(self._joint_passive(view, i, compiled, clause, region))
            if found or not compiled.passive:
                yield from found
                return
        passive = clause.passive and not active_reading
        post = compiled.post
        if passive:
            post = tuple(e for e in post if e.kind != TARGET)
        speaker, _ = heads_slots(view, clause.speaker)
        # A long gap (``...N``) is written to cross clauses and lists: it reads the sentence.
        reach = view if any(e.crossing for e in post) else region
        for anchor_end in _anchor_ends(region, compiled, i):
            bindings = list(_forward(reach, post, 0, anchor_end, (), parse_object))
            owned = compiled.pattern.code[:2] in OWNED_OBJECT_ROOTS and not passive
            if not bindings and post and post[0].kind == TARGET and len(post) == 1:
                bindings = _object_bindings(view, predicate, subject_slots if owned else None)
            open_target, phrase = False, None
            placed_force = (
                compiled.pattern.code[:2] in PLACED_FORCE_ROOTS
                or compiled.pattern.code in PLACED_VISIT_CODES
            )
            if not bindings and not passive and placed_force:
                # "bombed villages near Basra": force whose target the text gives as a place
                # only; the place stage names the target from the event's location.
                short = _without_final_target(post)
                if short is not None:
                    bindings = list(_forward(reach, short, 0, anchor_end, (), parse_object))
                    open_target = bool(bindings)
                    phrase = _target_phrase(predicate, post[len(short) : -1])
            elif passive and placed_force and _has_target(compiled) and not subject_slots:
                open_target = True  # "Raqqa was occupied by Isis": the place is the target
                phrase = _phrase_span(_passive_subject(predicate))
            if bindings and phrase is None and placed_force and not passive:
                last = post[-1:] if post and post[-1].kind == WORD else ()
                phrase = _target_phrase(predicate, last)  # "took control of Afrin"
            owner: int | None = None
            if placed_force:  # "on the Ukrainian border"; "shelled Iraqi towns"
                spans = [phrase, *(_phrase_span(o) for o in _direct_objects(predicate))]
                owners = map(partial(_place_owner, view), spans)
                owner = next((o for o in owners if o is not None), None)
            for end, binds in bindings:
                targets = next((g for k, g in binds if k == TARGET), ())
                if not targets and owner is not None:  # "massed troops on the Ukrainian border"
                    targets = (owner,)
                if not targets and not _has_target(compiled) and _takes_object(compiled):
                    targets = _object_slots(view, predicate)  # "denounced press reports"
                    if not targets and owned:  # "rejected the names the envoy wanted"
                        targets, _ = object_owner(view, _direct_objects(predicate), sources=())
                        targets = tuple(t for t in targets if t not in subject_slots)
                if (
                    not targets
                    and not _has_target(compiled)
                    and "mutual" not in compiled.pattern.flags
                ):
                    targets = _owner_slots(view, anchor_end, end, subject_slots)
                if (
                    not targets
                    and not passive
                    and "mutual" in compiled.pattern.flags
                    and len(subject_slots) == 1
                ):  # "held talks at Downing Street with the Irish premier"
                    targets = tuple(
                        t for t in _with_slots(view, predicate) if t not in subject_slots
                    )
                if passive:
                    agents, agent_how = heads_slots(view, clause.agents)
                    sources, targets = agents, subject_slots
                    source_path = dep_path("agent", agent_how) if agents else ""
                    target_path = subject_path
                else:
                    sources, source_path = subject_slots, subject_path
                    target_path = _target_path(view, targets, predicate)
                if not sources and not targets:
                    continue
                match = Match(
                    compiled,
                    i,
                    anchor_end,
                    min(starts),
                    end,
                    tuple(s for s in sources if s not in targets),
                    targets,
                    passive=passive,
                )
                yield ParsedMatch(
                    match,
                    clause,
                    source_path,
                    target_path,
                    speaker,
                    open_target=open_target,
                    target_phrase=phrase if not targets else None,
                )
                break

    def _joint_passive(
        self,
        view: SentenceView,
        i: int,
        compiled: CompiledPattern,
        clause: Clause,
        region: SentenceView,
    ) -> Iterator[ParsedMatch]:
        """A frame whose object is the passive subject, its agent the source: "the agreement
        was signed by A and B" (a symmetric act: each agent towards each other, the stage
        pairs them), "sanctions were imposed on Iran by the EU", "the offensive was launched
        by Iranian forces" (force whose target the place or the article's war may give)."""
        if not clause.agents or clause.subject_path not in ("nsubjpass", "nsubj"):
            return  # the frame's object must be this verb's own passive subject ("had their
            # homes confiscated by": a participle's subject, passive by its agent)
        doc = view.span.doc
        subtree = [t for h in clause.subjects for t in doc[h].subtree]
        words = {t.lower_ for t in subtree}
        if any(t.dep_ == "poss" for t in subtree):
            words.add("'s")  # "her citizenship revoked" reads "T 's ... citizenship"
        post = compiled.post
        named = [
            k
            for k, e in enumerate(post)
            if e.kind in (WORD, SET) and (e.words | {p[0] for p in e.phrases}) & words
        ]
        if not named or any(
            e.kind in (WORD, SET) and not e.optional and k not in named
            for k, e in enumerate(post[: named[-1] + 1])
        ):
            return  # the frame's words before its target are not all in the passive subject
        agents, how = heads_slots(view, clause.agents)
        ends = _anchor_ends(region, compiled, i)
        if not agents or not ends:
            return
        speaker, _ = heads_slots(view, clause.speaker)
        source_path = dep_path("agent", how)
        if not compiled.pattern.has_target:
            if compiled.pattern.code in SYMMETRIC_CODES and len(agents) < 2:
                return
            owners: tuple[int, ...] = ()
            if compiled.pattern.code not in SYMMETRIC_CODES:  # "their homes confiscated by"
                found, _ = heads_slots(view, clause.subjects)
                owners = tuple(t for t in found if t not in agents)
            match = Match(compiled, i, ends[0], i, ends[0], agents, owners, passive=True)
            target_path = "nsubjpass>poss" if owners else ""
            yield ParsedMatch(match, clause, source_path, target_path, speaker)
            return
        if any(e.kind == TARGET for e in post[: named[0]]):  # "T 's ... citizenship" revoked
            found, _ = heads_slots(view, clause.subjects)
            owners = tuple(t for t in found if t not in agents)
            if owners:
                match = Match(compiled, i, ends[0], i, ends[0], agents, owners, passive=True)
                yield ParsedMatch(match, clause, source_path, "nsubjpass>poss", speaker)
            return
        predicate = view.span[i]
        rest = post[named[-1] + 1 :]
        preps = {w for e in rest if e.kind == WORD for w in e.words}
        if not preps or not rest or rest[-1].kind != TARGET:
            return
        holder = owning_predicate(predicate) or predicate
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                targets, _ = np_slots(view, pobj) if pobj is not None else ((), "")
                targets = tuple(t for t in targets if t not in agents)
                if targets:
                    match = Match(compiled, i, ends[0], i, ends[0], agents, targets, passive=True)
                    yield ParsedMatch(
                        match, clause, source_path, f"prep:{child.lower_}>pobj", speaker
                    )
                    return
        if compiled.pattern.code[:2] in PLACED_FORCE_ROOTS:  # "launched by Iran" alone
            match = Match(compiled, i, ends[0], i, ends[0], agents, (), passive=True)
            yield ParsedMatch(match, clause, source_path, "", speaker, open_target=True)

    def _nominal(
        self,
        view: SentenceView,
        i: int,
        token: Token,
        compiled: CompiledPattern,
        clauses: dict[int, Clause],
        regions: dict[int, SentenceView],
    ) -> Iterator[ParsedMatch]:
        """A nominal frame ("S 's visit to T", "attack by S on T") on a noun the text asserts
        as an act: its source from the frame, the noun's own phrase ("the Turkish assault",
        "Iran's offensive"), or the subject of the light verb or clause that performs it
        ("launched an attack on T", "during a visit to T")."""
        host, performs = nominal_host(token)
        if host is None:
            return
        clause = self._clause(host, clauses)
        region = masked_view(view, clause_region(host) | {t.i for t in token.subtree})
        pre = nominal_pre(compiled)
        if pre is None:
            return
        starts = [s for s, _ in _backward(region, pre, 0, i, ())] if pre else [i]
        if not starts:
            return
        host_slots, host_how = heads_slots(view, clause.subjects)
        speaker, _ = heads_slots(view, clause.speaker)
        nominal = dataclasses.replace(clause, passive=False, agents=())
        sides = _between_sides(view, token, compiled)
        if sides is not None:  # "fighting between Iran and Iraq": the parse joins the sides
            ends = list(match_forward(region, compiled.anchor, i))
            if ends:
                match = Match(compiled, i, ends[0], min(starts), ends[0], sides[:1], sides[1:])
                yield ParsedMatch(match, nominal, "noun>between", "noun>between", speaker)
            return
        visit = compiled.pattern.code in PLACED_VISIT_CODES
        for anchor_end in match_forward(region, compiled.anchor, i):
            bound = list(_forward(region, compiled.post, 0, anchor_end, (), parse_object))
            short = _without_final_target(compiled.post) if visit and not bound else None
            if short is not None:  # "on his first visit to London": a place, no actor
                bound = list(_forward(region, short, 0, anchor_end, (), parse_object))
            for end, binds in bound:
                sources = next((g for k, g in binds if k == SOURCE), ())
                targets = next((g for k, g in binds if k == TARGET), ())
                how = "noun>by" if sources else ""
                if not sources:
                    found, child = modifier_slots(view, token, 0)
                    found = [f for f in found if view.slots[f].mention.code]  # "his" unresolved
                    sources, how = tuple(found), f"noun>{child}" if found else ""
                if not sources and performs and not clause.passive:
                    sources, how = host_slots, dep_path(f"host>{clause.subject_path}", host_how)
                if not targets and host.lower_ in RESISTING_VERBS:
                    # "Iraq repelled an attack by Iranian divisions": against the resister
                    resisters = clause.agents if clause.passive else clause.subjects
                    targets, _ = heads_slots(view, resisters)
                    targets = tuple(t for t in targets if t not in sources)
                if not targets and token.head.lower_ == "under":
                    holder, subject = under_target(token)  # "leaders under assault"
                    if holder is not None:
                        targets, _ = np_slots(view, holder)
                    elif subject:  # "the guards were under fire"
                        targets, _ = heads_slots(view, clause.subjects)
                    targets = tuple(t for t in targets if t not in sources)
                sources = tuple(s for s in sources if s not in targets)
                if not sources:
                    continue
                phrase = None
                aimed = _force_object(token, host)
                if (
                    not targets
                    and aimed is not None
                    and compiled.pattern.code[:2] in PLACED_FORCE_ROOTS
                ):
                    aimed_at, _ = np_slots(view, aimed)  # "strikes delivered on Assad's forces"
                    targets = tuple(t for t in aimed_at if t not in sources)
                    owner = _place_owner(view, _phrase_span(aimed))
                    targets = targets or ((owner,) if owner is not None else ())
                    phrase = None if targets else _phrase_span(aimed)  # "assault on Afrin"
                elif not targets and visit:
                    phrase = _visit_place(token)  # "a visit to London"
                match = Match(compiled, i, anchor_end, min(starts), end, sources, targets)
                target_path = _target_path(view, targets, token) if targets else ""
                yield ParsedMatch(
                    match,
                    nominal,
                    how,
                    target_path,
                    speaker,
                    open_target=phrase is not None,
                    target_phrase=phrase,
                )
                return


def between_frame(pattern: Pattern) -> bool:
    """A frame "... between S and T": two sides of one reciprocal act (coded both ways)."""
    return any(
        e.kind == WORD and e.values == ("between",) and nxt.kind == SOURCE
        for e, nxt in itertools.pairwise(pattern.elements)
    )


def _between_sides(
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


def _direct_objects(predicate: Token) -> list[Token]:
    """The predicate's direct objects, or those of the verb it is conjoined with when it has
    none ("killed or wounded 15,000 soldiers": both verbs take the object). In a relative
    clause with a subject of its own, the object is the noun the clause modifies ("the rebels
    whom Turkish troops attacked", "the town Russian jets bombed")."""
    own = [c for c in predicate.children if c.dep_ in ("dobj", "dative")]
    if predicate.dep_ == "relcl" and _own_subject(predicate):
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


def _own_subject(predicate: Token) -> bool:
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


def _to_addressee(view: SentenceView, found: ParsedMatch) -> ParsedMatch:
    """A directive's frame left without its target when no other reading of the verb did
    better: the target is the one its clause says must act ("urged that Ukraine withdraw")."""
    match = found.match
    wants = _has_target(match.pattern) or _takes_object(match.pattern)
    if match.target or match.passive or not wants:
        return found
    predicate = view.span[match.anchor_start]
    listener = addressee(predicate) if is_predicate(predicate) else None
    if listener is None:
        return found
    slots, _ = np_slots(view, listener)
    slots = tuple(s for s in slots if s not in match.source)
    if not slots:
        return found
    return dataclasses.replace(
        found, match=dataclasses.replace(match, target=slots), target_path="ccomp>nsubj"
    )


def _object_bindings(
    view: SentenceView, predicate: Token, owner_of: tuple[int, ...] | None = None
) -> list[tuple[int, tuple[tuple[str, tuple[int, ...]], ...]]]:
    """A target from the predicate's direct object by the parse, where the words between
    them kept the surface match from reaching it; with ``owner_of`` (the sources), the
    object's owner when the object names no actor (``owners``)."""
    objects = _direct_objects(predicate)
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


def written_text(element: Element) -> str:
    """A pattern element as written ("to", "$MIL_ATTACK", "T", "...")."""
    if element.kind in (SOURCE, TARGET):
        return "S" if element.kind == SOURCE else "T"
    if element.kind == GAP:
        return "..." + (element.values[0] if element.values else "")
    if element.kind == SET:
        return "$" + element.values[0]
    return "|".join(
        ("=" if e else "") + v for v, e in zip(element.values, element.exact, strict=True)
    )


def _owner_slots(
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
            found, _ = _of_by_slots(view, token)
        if not found:  # "rejected the proposal that Iran made"
            found = list(relative_owner(view, token))
        own = {view.slots[s].mention.code for s in sources}
        kept = tuple(s for s in found if s not in sources)
        if kept and all(view.slots[s].mention.code in own for s in kept):
            return ()  # "Iran launched its attack": the source's own act, no target named
        if kept:
            return kept
    return ()


def _of_by_slots(view: SentenceView, head: Token) -> tuple[list[int], str]:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in NP_PREPOSITIONS:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    inner, path = np_slots(view, grand, 1)
                    if inner:
                        return list(inner), dep_path(f"prep:{child.lower_}>pobj", path)
    return [], ""


def _without_final_target(post: tuple[CompiledElement, ...]) -> tuple[CompiledElement, ...] | None:
    """A frame's elements less its closing "(preposition) T", or None if T is not last."""
    if not post or post[-1].kind != TARGET:
        return None
    short = post[:-1]
    if short and short[-1].kind == WORD and not short[-1].optional:
        short = short[:-1]
    return short


def _reports_its_infinitive(predicate: Token) -> bool:
    """ "is said / believed / reported to have V-ed": a passive verb of report or belief whose
    infinitive is the act (its subject that act's subject, not anyone spoken to)."""
    kind = governors().infinitive.get(predicate.lower_)
    return kind in ("report", "belief") and any(
        c.dep_ == "xcomp" and is_infinitive(c) for c in predicate.children
    )


def _target_phrase(
    predicate: Token, between: tuple[CompiledElement, ...]
) -> tuple[int, int] | None:
    """Where a force frame wanted its target: the object of its closing preposition ("attack
    on Afrin") or, with none, the predicate's direct object ("shelled Afrin")."""
    closing = {w for e in between if e.kind == WORD for w in e.words}
    words = closing & TARGET_PREPOSITIONS  # a closing noun ("raids") leaves force's own
    objects = _direct_objects(predicate)
    named = [o for o in objects if o.pos_ == "PROPN"]  # "shelled Afrin on Sunday"
    if named and not closing:
        return _phrase_span(named[0])
    # the preposition hangs on the predicate or on its object ("took control of Afrin",
    # "launched strikes on Afrin"); a frame that names none takes those of force
    aimed = _prep_object((predicate, *objects), words or FORCE_PREPOSITIONS)
    if aimed is not None:
        return _phrase_span(aimed)
    if closing:
        return None
    return _phrase_span(objects[0] if objects else None)


def _prep_object(holders: Iterable[Token], prepositions: Collection[str]) -> Token | None:
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


def _visit_place(noun: Token) -> tuple[int, int] | None:
    """Where a nominal visit went: its own "to" or "in" phrase ("a visit to London")."""
    place = _prep_object((noun,), VISIT_PREPOSITIONS)
    return _phrase_span(place) if place is not None else None


def _force_object(noun: Token, host: Token) -> Token | None:
    """What a nominal act of force was aimed at: its own "on"/"against" phrase or, when the
    parse hangs that phrase on the verb of fleeing ("fled the offensive on Afrin") or on the
    participle that delivers it ("strikes delivered on the regime's war machine"), the verb's."""
    own = host.lower_ in FLEEING_VERBS or host.head.i == noun.i
    return _prep_object((noun, host) if own else (noun,), FORCE_PREPOSITIONS)


#: Nouns of a country's ground, places or forces' positions: a country adjective on one names
#: the country force was used against ("on the Ukrainian border", "shelled Iraqi towns").
PLACE_NOUNS = frozenset(
    "border borders frontier territory soil airspace waters coast coastline town towns village "
    "villages city cities positions position bases base outposts outpost targets installations "
    "facilities ports port province provinces region regions areas area lines trenches "
    "airfields airfield capital".split()
)


def _place_owner(view: SentenceView, phrase: tuple[int, int] | None) -> int | None:
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


def _passive_subject(predicate: Token) -> Token | None:
    return next((c for c in predicate.children if c.dep_ == "nsubjpass"), None)


def _phrase_span(head: Token | None) -> tuple[int, int] | None:
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


def _with_slots(view: SentenceView, predicate: Token) -> tuple[int, ...]:
    """The actor of a "with" phrase on a reciprocal act or its object, wherever in the clause
    ("met in Geneva on Monday with Iraq", "held talks at Downing Street with Ireland")."""
    partner = _prep_object((predicate, *_direct_objects(predicate)), ("with",))
    return np_slots(view, partner)[0] if partner is not None else ()


def _takes_object(compiled: CompiledPattern) -> bool:
    """A frame written without a target ("S condemn") whose object may name one."""
    return not compiled.post and "mutual" not in compiled.pattern.flags


def _object_slots(view: SentenceView, predicate: Token) -> tuple[int, ...]:
    for obj in _direct_objects(predicate):
        slots, _ = np_slots(view, obj)
        if slots:
            return slots
    return ()


def _has_target(compiled: CompiledPattern) -> bool:
    return any(e.kind == TARGET for e in compiled.post)


def _anchor_ends(view: SentenceView, compiled: CompiledPattern, i: int) -> list[int]:
    from .slots import match_forward

    return match_forward(view, compiled.anchor, i)


def _target_path(view: SentenceView, targets: tuple[int, ...], predicate: Token) -> str:
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
