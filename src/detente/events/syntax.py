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
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Token

from .clauses import (
    ASSERTED,
    Clause,
    analyse,
    is_predicate,
)
from .matcher import (
    SOURCE,
    TARGET,
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
    PREDICATE_REACH,
    RESISTING_VERBS,
    nominal_asserted,
    nominal_host,
    nominal_pre,
    reacted_to,
    under_target,
)
from .ontology import SYMMETRIC_CODES
from .owners import OWNED_OBJECT_ROOTS, POLICY_PATH, object_owner, policy_object
from .patterns import GAP, SET, SKIP, WORD, Element
from .phrases import dep_path, heads_slots, modifier_slots, np_slots, parse_object
from .sentence import SentenceView
from .slots import match_forward
from .targets import (
    OTHER_CLAUSE_DEPS,
    PLACED_FORCE_ROOTS,
    PLACED_VISIT_CODES,
    addressee,
    anchor_ends,
    between_sides,
    direct_objects,
    force_object,
    frame_has_target,
    object_bindings,
    object_slots,
    owner_slots,
    passive_subject,
    phrase_span,
    place_owner,
    reports_its_infinitive,
    takes_object,
    target_path_of,
    target_phrase_of,
    visit_place,
    with_slots,
    without_final_target,
)

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
        for end in anchor_ends(region, compiled, i):
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
        if clause.passive and reports_its_infinitive(predicate):
            return  # "Russia is said to have attacked": the report is no act of its own
        if "passiveonly" in compiled.pattern.flags and not _actor_patient(view, clause):
            return  # a sense the verb has only in the passive, of an actor ("held by the
            # rebels"), not of a thing it owns ("the seat held by a Republican")
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
        for anchor_end in anchor_ends(region, compiled, i):
            bindings = list(_forward(reach, post, 0, anchor_end, (), parse_object))
            owned = compiled.pattern.code[:2] in OWNED_OBJECT_ROOTS and not passive
            policy = None
            if not bindings and post and post[0].kind == TARGET and len(post) == 1:
                bindings = object_bindings(view, predicate, subject_slots if owned else None)
                policy = (
                    None
                    if bindings or not owned
                    else policy_object(view, direct_objects(predicate))
                )
                if policy is not None:  # "the Tories opposed the new bill": the government's
                    bindings = [(policy.i - view.span.start + 1, ())]
            open_target, phrase = policy is not None, phrase_span(policy) if policy else None
            placed_force = (
                compiled.pattern.code[:2] in PLACED_FORCE_ROOTS
                or compiled.pattern.code in PLACED_VISIT_CODES
            )
            if not bindings and not passive and placed_force:
                # "bombed villages near Basra": force whose target the text gives as a place
                # only; the place stage names the target from the event's location.
                short = without_final_target(post)
                if short is not None:
                    bindings = list(_forward(reach, short, 0, anchor_end, (), parse_object))
                    open_target = bool(bindings)
                    phrase = target_phrase_of(predicate, post[len(short) : -1])
            elif passive and placed_force and frame_has_target(compiled) and not subject_slots:
                open_target = True  # "Raqqa was occupied by Isis": the place is the target
                phrase = phrase_span(passive_subject(predicate))
            if bindings and phrase is None and placed_force and not passive:
                last = post[-1:] if post and post[-1].kind == WORD else ()
                phrase = target_phrase_of(predicate, last)  # "took control of Afrin"
            owner: int | None = None
            if placed_force:  # "on the Ukrainian border"; "shelled Iraqi towns"
                spans = [phrase, *(phrase_span(o) for o in direct_objects(predicate))]
                owners = map(partial(place_owner, view), spans)
                owner = next((o for o in owners if o is not None), None)
            for end, binds in bindings:
                targets = next((g for k, g in binds if k == TARGET), ())
                if not targets and owner is not None:  # "massed troops on the Ukrainian border"
                    targets = (owner,)
                if not targets and not frame_has_target(compiled) and takes_object(compiled):
                    targets = object_slots(view, predicate)  # "denounced press reports"
                    if not targets and owned:  # "rejected the names the envoy wanted"
                        objects = direct_objects(predicate)
                        targets, _ = object_owner(view, objects, sources=())
                        targets = tuple(t for t in targets if t not in subject_slots)
                        policy = None if targets else policy_object(view, objects)
                        if policy is not None:  # "tabled a motion opposing the new bill"
                            open_target, phrase = True, phrase_span(policy)
                if (
                    not targets
                    and not frame_has_target(compiled)
                    and "mutual" not in compiled.pattern.flags
                ):
                    targets = owner_slots(view, anchor_end, end, subject_slots)
                if (
                    not targets
                    and not passive
                    and "mutual" in compiled.pattern.flags
                    and len(subject_slots) == 1
                ):  # "held talks at Downing Street with the Irish premier"
                    targets = tuple(
                        t for t in with_slots(view, predicate) if t not in subject_slots
                    )
                if passive:
                    agents, agent_how = heads_slots(view, clause.agents)
                    sources, targets = agents, subject_slots
                    source_path = dep_path("agent", agent_how) if agents else ""
                    target_path = subject_path
                else:
                    sources, source_path = subject_slots, subject_path
                    target_path = target_path_of(view, targets, predicate)
                    if not targets and policy is not None:
                        target_path = POLICY_PATH  # the government's, if the source is domestic
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
        ends = anchor_ends(region, compiled, i)
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
        if reacted_to(token):  # "threatened to strike in retaliation for U.S. attacks on"
            nominal = dataclasses.replace(
                nominal, status=ASSERTED, negated=False, modality=None, speaker=(), governor=None
            )
        sides = between_sides(view, token, compiled)
        if sides is not None:  # "fighting between Iran and Iraq": the parse joins the sides
            ends = list(match_forward(region, compiled.anchor, i))
            if ends:
                match = Match(compiled, i, ends[0], min(starts), ends[0], sides[:1], sides[1:])
                yield ParsedMatch(match, nominal, "noun>between", "noun>between", speaker)
            return
        visit = compiled.pattern.code in PLACED_VISIT_CODES
        for anchor_end in match_forward(region, compiled.anchor, i):
            bound = list(_forward(region, compiled.post, 0, anchor_end, (), parse_object))
            short = without_final_target(compiled.post) if visit and not bound else None
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
                aimed = force_object(token, host)
                if (
                    not targets
                    and aimed is not None
                    and compiled.pattern.code[:2] in PLACED_FORCE_ROOTS
                ):
                    aimed_at, _ = np_slots(view, aimed)  # "strikes delivered on Assad's forces"
                    targets = tuple(t for t in aimed_at if t not in sources)
                    owner = place_owner(view, phrase_span(aimed))
                    targets = targets or ((owner,) if owner is not None else ())
                    phrase = None if targets else phrase_span(aimed)  # "assault on Afrin"
                elif not targets and visit:
                    phrase = visit_place(token)  # "a visit to London"
                match = Match(compiled, i, anchor_end, min(starts), end, sources, targets)
                target_path = target_path_of(view, targets, token) if targets else ""
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


def _to_addressee(view: SentenceView, found: ParsedMatch) -> ParsedMatch:
    """A directive's frame left without its target when no other reading of the verb did
    better: the target is the one its clause says must act ("urged that Ukraine withdraw")."""
    match = found.match
    wants = frame_has_target(match.pattern) or takes_object(match.pattern)
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


def _actor_patient(view: SentenceView, clause: Clause) -> bool:
    """Whether a passive clause's subject is itself an actor (its head inside an actor's
    mention): "two Americans were held", not "the seat in the Senate was held"."""
    if not clause.passive or not clause.subjects:
        return False
    start = view.span.start
    return all(
        any(slot.start <= head - start < slot.end and not slot.modifier for slot in view.slots)
        for head in clause.subjects
    )
