"""The event stage: who did what to whom, coded as CAMEO with provenance.

For each sentence: find pattern anchors, bind the source and target actors, then decide what
CAMEO codes (negation, modality, reported speech, compounds, self-events, headlines repeated by
the lead, sports and entertainment). Each event keeps the pattern that fired and the span of
its predicate. With a dependency parse (a spaCy model), the parse's subject and object replace
the shallow guesses when they name an actor.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..datafiles import data_path, read_tsv
from ..errors import DictionaryError
from ..model import Dateline, Event, Mention
from ..quotes.cues import cached_lexicon
from .clauses import conditioned, negated
from .dates import WEEKDAYS, event_date
from .deontic import REPROACH_CODE, obligation, obligation_events, own_state
from .dyad import dyad_fighting
from .evaluation import evaluation_events
from .matcher import (
    Match,
    PatternIndex,
    best_matches,
    compiled_index,
    object_slot,
    subject_slot,
)
from .ontology import SYMMETRIC_CODES, EventType, Ontology, default_ontology
from .owners import POLICY_PATH, government_of
from .parse import parse_roles
from .patterns import Pattern, PatternDictionary
from .phrases import heads_slots, is_political
from .plural import Resolved, add_plural_groups
from .sentence import SentenceView, Slot, sentence_views
from .speech import ANNOUNCING_MOODS, COMMISSIVE_VERBS, OBLIGING_MOOD, speech_act_codes
from .stance import stance_events
from .syntax import ParsedMatch, SyntaxMatcher
from .targets import between_frame
from .verbal import verbal_code
from .visits import VISIT_CODES, visit_events

#: Words before the anchor that negate it ("did not agree", "never attacked").
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
NEGATING_VERBS = frozenset(
    {"refused", "refuses", "refuse", "failed", "fails", "fail", "declined", "declines"}
)
#: Modal words before the anchor and the modality they give.
MODALS = {
    "will": "future",
    "'ll": "future",
    "shall": "future",
    "plans": "future",
    "planned": "future",
    "intends": "future",
    "would": "conditional",
    "could": "conditional",
    "might": "hypothetical",
    "may": "hypothetical",
    "must": "obligation",
    "should": "obligation",
}
CONDITIONALS = frozenset({"if", "unless"})
#: Words allowed between a speech cue and the clause it reports ("said on Tuesday that").
REPORT_FILLERS = frozenset({"that", ",", "on", "late", "earlier", "today", "yesterday", *WEEKDAYS})
REPORT_GAP = 5
CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
#: Kinds of speech cue that report a clause (expressive cues like "criticised" do not).
REPORTING_KINDS = frozenset({"neutral", "assertive", "multiword", "belief", "directive"})
#: How far before the anchor negation and modality are looked for.
MODIFIER_WINDOW = 4
#: Confidence is a documented heuristic, not a probability (docs/events.md).
BASE_CONFIDENCE = 0.6


def _on_terms(anchor: Token) -> bool:
    """Whether an act is held back on terms: an "if"/"unless" condition or an "until" clause."""
    return conditioned(anchor) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children)
        for c in anchor.children
    )


@lru_cache(maxsize=1)
def negation_codes() -> dict[str, str]:
    """Code prefix -> the Reject/Refuse code CAMEO gives the negated act."""
    return {
        row["prefix"]: row["negated_code"]
        for _, row in read_tsv(data_path("events", "negation.tsv"))
    }


#: Aid (07) an actor says it will not give unless its terms are met is a threat to withhold it
#: (1311), not a refusal (122): "will not provide reconstruction money unless ...".
AID_ROOT = "07"
AID_THREAT_CODE = "1311"
#: Sectors of non-state armed and criminal groups: their force stays unconventional (18x).
NON_STATE_SECTORS = frozenset({"REB", "INS", "IMG", "UAF", "SEP", "CRM", "RAD", "OPP"})


@lru_cache(maxsize=1)
def state_force_codes() -> dict[str, tuple[str, bool]]:
    """Code -> (the 19x code it is when a state's forces act, whether only against another
    country) from events/state_force.tsv."""
    out: dict[str, tuple[str, bool]] = {}
    path = data_path("events", "state_force.tsv")
    for line, row in read_tsv(path):
        applies = (row.get("applies") or "").strip()
        if applies not in ("state", "foreign"):
            raise DictionaryError(str(path), line, f"applies must be state or foreign: {applies!r}")
        out[row["code"]] = (row["state_code"], applies == "foreign")
    return out


def state_force_code(code: str, source: Mention, target: Mention | None) -> str | None:
    """The conventional-force code of an act by a state's forces (state_force.tsv), or None."""
    found = state_force_codes().get(code)
    if found is None or not is_state_force(source):
        return None
    state_code, foreign_only = found
    if foreign_only and (target is None or not target.country or target.country == source.country):
        return None
    return state_code


#: What a private person (a civilian, CVL alone) does that news codes as a political act: speak
#: out, appeal, demand, criticise, reject, threaten, protest, deny; not visit, help or fight
#: (GUIDELINES: civilians count as victims or as protesters).
PRIVATE_ROOTS = frozenset({"01", "02", "10", "11", "12", "13", "14"})


def private_act(source: Mention, root: str, code: str = "") -> bool:
    """Whether a civilian's act is outside what makes a private person a political actor; and
    a refugee's or civilian's journey is no visit ("a Syrian refugee who came to Europe")."""
    body = (source.code or "").startswith(("IGO", "NGO"))  # the UN refugee agency travels
    if code in VISIT_CODES and set(source.roles) & TRAVELLER_SECTORS and not body:
        return True
    return source.roles == ("CVL",) and root not in PRIVATE_ROOTS


#: Sectors whose journeys are no visit (CAMEO 042 make, 043 host: ``visits.VISIT_CODES``).
TRAVELLER_SECTORS = frozenset({"REF", "CVL"})


#: Sectors that name an actor by itself without a country: armed groups outside any state
#: ("rebels", "militants"), which news often leaves unplaced.
NONSTATE_SECTORS = frozenset({"REB", "INS", "UAF", "IMG", "SEP", "CRM", "RAD"})


def _placed_target(mention: Mention) -> bool:
    """A target needs a country as a source does, except an armed non-state actor ("rebels"):
    a bare "the government", "MPs" or "civilians" is an actor the coder could not place."""
    return is_political(mention) or bool(set(mention.roles) & NONSTATE_SECTORS)


def is_state_force(mention: Mention) -> bool:
    """A country, or its armed forces: what CAMEO codes as conventional military force."""
    if not mention.country or not mention.code or mention.code.startswith(("IGO", "NGO", "IMG")):
        return False
    roles = set(mention.roles)
    return not roles & NON_STATE_SECTORS and (not roles or "MIL" in roles)


@lru_cache(maxsize=1)
def discard_phrases() -> tuple[tuple[str, ...], ...]:
    """Sports and entertainment phrases: a sentence with one is not coded."""
    lines = data_path("events", "discards.txt").read_text(encoding="utf-8").splitlines()
    return tuple(tuple(line.split()) for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def discard_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Discard phrases by their first word, so a sentence is checked in one pass."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in discard_phrases():
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


@dataclass(frozen=True)
class Reading:
    """One frame matched in a sentence, with what decides how it is coded."""

    match: Match
    sources: tuple[int, ...]  # actor slots
    targets: tuple[int, ...]
    negated: bool
    modality: str | None
    speaker: int | None  # the slot of whoever reports the act, if not its source
    source_path: str = ""  # dependency path from the predicate to the source (parse only)
    target_path: str = ""
    status: str = "asserted"
    #: Force matched without its target: coded, the target may come from the event's place.
    open_target: bool = False
    #: Character span of the phrase that named a force's target as a place (``ParsedMatch``).
    target_phrase: tuple[int, int] | None = None
    #: A speech act derived from the act (events.speech): its code, and what it is.
    code: str | None = None
    speech: str = ""


@dataclass
class Trace:
    """Why each candidate was or was not coded (for ``detente explain``)."""

    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.append(text)


class EventStage:
    """Codes events from the actor mentions and our (or converted PETRARCH) patterns."""

    name = "detente_events_v1"

    def __init__(
        self,
        patterns: PatternDictionary | None = None,
        ontology: Ontology | None = None,
        any_code: bool = False,
        sports_discards: bool = True,
        require_dyad: bool = True,
        use_parse: bool = True,
        index: PatternIndex | None = None,
    ) -> None:
        self.ontology = ontology or default_ontology()
        #: Keep codes outside CAMEO as written (PETRARCH dictionaries use WEIS and test codes).
        self.any_code = any_code
        #: Our sports/entertainment discards; off when a PETRARCH discard list replaces them.
        self.sports_discards = sports_discards
        #: PETRARCH's ``require_dyad``: off, an event whose pattern finds no target is still
        #: coded (PETRARCH writes the missing actor as ``---``).
        self.require_dyad = require_dyad
        if index is None:  # ours from the cache, or those given (``index``: compiled ones)
            index = (
                compiled_index()
                if patterns is None
                else PatternIndex(patterns.patterns, patterns.sets, patterns.files)
            )
        self.index = index
        self.syntax = SyntaxMatcher(self.index)
        #: Read the dependency parse when the Doc has one (off: token patterns only).
        self.use_parse = use_parse
        self.dictionaries: tuple[str, ...] = ("events",)

    @property
    def patterns(self) -> PatternDictionary:
        """The patterns coded with (read from the index on first use: coding needs only it)."""
        return self.index.dictionary

    def configured(self, require_dyad: bool) -> EventStage:
        """The same stage (patterns and index shared) with another ``require_dyad``."""
        if require_dyad == self.require_dyad:
            return self
        other = copy.copy(self)
        other.require_dyad = require_dyad
        return other

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = tuple(self.code(doc))
        return doc

    def code(self, doc: Doc, trace: Trace | None = None) -> list[Event]:
        mentions: tuple[Mention, ...] = doc._.mentions
        base, base_source = _article_date(doc)
        headline_end = _headline_end(doc)
        parsed = self.use_parse and doc.has_annotation("DEP")
        events: list[Event] = []
        coded_views: list[SentenceView] = []
        by_id = {m.id: m for m in mentions}
        groups: Resolved = {}  # "the three countries", resolved once, for later sentences
        for view in sentence_views(doc, mentions):
            if self.sports_discards and _discarded(view):
                if trace:
                    trace.add(f"sentence {view.index}: sports or entertainment, not coded")
                continue
            coded_views.append(view)
            if parsed:
                add_plural_groups(view, mentions, groups)
            readings = self._parsed(view, events, by_id) if parsed else self._shallow(view)
            for reading in readings:
                events.extend(self._events(doc, view, reading, base, base_source, trace))
        if parsed and not self.any_code:
            events.extend(self._war_fighting(doc, coded_views, events, base, base_source, trace))
            found = obligation_events(coded_views, events, doc._.quotes or (), by_id, self.ontology)
            found.extend(visit_events(coded_views, events, self.ontology))
            quotes = doc._.quotes or ()
            found.extend(evaluation_events(coded_views, events, quotes, by_id, self.ontology))
            found.extend(stance_events(coded_views, events, quotes, by_id, self.ontology))
            events.extend(self._dated(doc, coded_views, found, base, base_source, trace))
        events.sort(key=lambda e: (e.sentence, e.start))
        events = _drop_headline_repeats(_drop_duplicates(events, doc), headline_end, doc)
        return [_renumber(e, i) for i, e in enumerate(events)]

    def _war_fighting(
        self,
        doc: Doc,
        views: list[SentenceView],
        events: list[Event],
        base: dt.date | None,
        base_source: str,
        trace: Trace | None,
    ) -> list[Event]:
        """Actorless fighting between the article's two sides (events.dyad), dated."""
        found = dyad_fighting(views, events, doc._.mentions, self.ontology)
        return self._dated(doc, views, found, base, base_source, trace, "the article's war")

    def _dated(
        self,
        doc: Doc,
        views: list[SentenceView],
        found: list[Event],
        base: dt.date | None,
        base_source: str,
        trace: Trace | None,
        why: str = "a stated obligation",
    ) -> list[Event]:
        """Events made outside the frames (the article's war, obligations), dated."""
        by_index = {v.index: v for v in views}
        out = []
        for event in found:
            date, resolution = event_date(
                _without_dateline(doc, by_index[event.sentence]), base, base_source
            )
            out.append(replace(event, date=date, date_resolution=resolution))
            if trace:
                trace.add(
                    f"sentence {event.sentence}, {event.pattern_id}: CODED {event.source_code}"
                    f" -> {event.target_code} {event.code} ({why})"
                )
        return out

    def _shallow(self, view: SentenceView) -> Iterator[Reading]:
        """Readings from token patterns alone (``--fast``): nearest actors, nearby modifiers."""
        for match in best_matches(view, self.index):
            sources, targets = parse_roles(view, match)
            yield Reading(
                match,
                sources,
                targets,
                _negated(view, match),
                _modality(view, match),
                _speaker(view, match, sources),
            )

    def _parsed(
        self, view: SentenceView, earlier: list[Event], mentions: dict[str, Mention]
    ) -> Iterator[Reading]:
        """Readings from the dependency parse: clause subjects, frame objects, clause status."""
        for found in self.syntax.matches(view):
            clause = found.clause
            if clause.passive and not found.match.source and found.match.target:
                found = _agent_from_context(view, found, earlier, mentions)
            if clause.passive and not found.match.source and found.match.target:
                found = _agent_from_place(view, found)
            if clause.passive and not found.match.source and found.match.target:
                found = _agent_from_claimant(view, found)
            speaker = next((s for s in found.speaker if s not in found.match.source), None)
            if speaker is None and found.match.source:
                first = min(view.slots[s].start for s in found.match.source)
                speaker = headline_speaker(view, found.match.source, first)
            reading = Reading(
                found.match,
                found.match.source,
                found.match.target,
                clause.negated,
                clause.modality,
                speaker,
                found.source_path,
                found.target_path,
                clause.status,
                open_target=found.open_target,
                target_phrase=found.target_phrase,
            )
            yield reading
            derived = speech_act(view, reading, clause.governor)
            if derived is not None:
                yield derived

    # --- one reading -> events ------------------------------------------------------------

    def _events(
        self,
        doc: Doc,
        view: SentenceView,
        reading: Reading,
        base: dt.date | None,
        base_source: str,
        trace: Trace | None,
    ) -> list[Event]:
        match = reading.match
        pattern = match.pattern.pattern
        anchor = view.lower[match.anchor_start : match.anchor_end]
        where = f"sentence {view.index}, '{' '.join(anchor)}' ({pattern.id}, {pattern.source})"
        if "discard" in pattern.flags:
            if trace:
                trace.add(f"{where}: discard pattern, no event")
            return []
        sources, targets = reading.sources, reading.targets
        if not sources:
            if trace:
                trace.add(f"{where}: no source actor")
            return []
        if (
            not targets
            and self.require_dyad
            and not {"notarget", "mutual"} & pattern.flags
            and match.pattern.pattern.has_target
            and not reading.open_target
        ):
            if trace:
                trace.add(f"{where}: no target actor")
            return []
        negated, modality, speaker = reading.negated, reading.modality, reading.speaker
        reported = speaker is not None or reading.status == "reported"
        compound = len(sources) > 1 or len(targets) > 1
        wish = (reading.code or pattern.code)[:2] in WISH_ROOTS or modality is not None
        if speaker is not None and len(sources) > 1 and wish:
            own = _own_side(view, speaker, sources)
            if own is not None:  # "Russia and NATO must ...", said by a Russian official
                sources, targets, reported, modality = (speaker,), own, False, None
        mutual = "mutual" in pattern.flags or (
            not self.any_code
            and not pattern.has_target
            and (reading.code or pattern.code) in SYMMETRIC_CODES
        )
        pairs = _pairs(sources, targets, mutual)
        if not self.any_code and between_frame(pattern):  # "talks between Iran and Iraq": both ways
            pairs += [(t, s) for s, t in pairs if t is not None and (t, s) not in pairs]
        if (
            self.require_dyad
            and "notarget" not in pattern.flags
            and not targets
            and reading.target_phrase is None
        ):
            pairs = [(s, t) for s, t in pairs if t is not None]  # a lone "mutual" source
        sentence_text = _without_dateline(doc, view)
        date, resolution = event_date(sentence_text, base, base_source)
        start, end = view.char_span(match.anchor_start, match.anchor_end)
        anchor_word = view.lower[match.anchor_start]
        out = []
        withheld_on_terms = (  # "the EU said it will not provide money unless ...": a threat
            negated and reading.speech == "announced" and _on_terms(view.span[match.anchor_start])
        )
        for s, t, kind in self._directed(pairs, pattern, reading.code):
            threat = withheld_on_terms and pattern.code.startswith(AID_ROOT) and not self.any_code
            if threat:  # the statement is asserted: the threat is made, not negated
                kind = self.ontology.get(AID_THREAT_CODE) or kind
            elif negated and not self.any_code:  # PETRARCH dictionaries spell negation out
                kind = self._negated_kind(kind)
            src = view.slots[s].mention
            tgt = view.slots[t].mention if t is not None else None
            if src.code is None or (tgt is not None and tgt.code is None):
                if trace:
                    role, text = ("source", src.text) if src.code is None else ("target", "")
                    text = text or (tgt.text if tgt is not None else "")
                    trace.add(f"{where}: the {role} {text!r} has no actor code")
                continue
            if not self.any_code and not is_political(src):
                if trace:
                    trace.add(f"{where}: the source {src.text!r} ({src.code}) has no country")
                continue
            if not self.any_code and private_act(src, kind.root, kind.code):
                if trace:
                    trace.add(f"{where}: {src.text!r} is a private person: no political act")
                continue
            policy_target = None
            if tgt is None and reading.target_path == POLICY_PATH:
                policy_target = government_of(src)  # "the Tories opposed the new bill"
                if policy_target is None:
                    if trace:
                        trace.add(f"{where}: {src.text!r} acts on a policy of no government")
                    continue
            unplaced = tgt is not None and not self.any_code and not _placed_target(tgt)
            if tgt is not None and unplaced and trace:  # kept: its target named, not coded
                trace.add(f"{where}: the target {tgt.text!r} ({tgt.code}) has no country")
            forced = None if self.any_code else state_force_code(kind.code, src, tgt)
            if forced is not None:
                kind = self.ontology.get(forced) or kind
            spoken = None if self.any_code else verbal_code(kind.code, anchor_word, src, tgt)
            if spoken is not None:  # "Trump attacked Romney for ...": words, not force
                kind = self.ontology.get(spoken) or kind
            if tgt is not None and _acting_on_itself(src, tgt):
                if trace:
                    trace.add(f"{where}: {src.code} acting on itself, not coded")
                continue
            confidence = _confidence(match, negated, src, tgt)
            out.append(
                Event(
                    id="",
                    sentence=view.index,
                    start=start,
                    end=end,
                    code=kind.code,
                    root=kind.root,
                    quad_class=kind.quad_class,
                    goldstein=kind.goldstein,
                    source_code=src.code,
                    source_entity=src.entity_id,
                    source_mention=src.id,
                    source_text=src.text,
                    target_code=tgt.code if tgt and not unplaced else policy_target,
                    target_entity=tgt.entity_id if tgt else None,
                    target_mention=tgt.id if tgt else None,
                    target_text=tgt.text if tgt else _phrase_text(doc, reading.target_phrase),
                    plover_type=kind.plover_type or None,
                    plover_mode=kind.plover_mode or None,
                    date=date,
                    date_resolution=resolution,
                    negated=negated and not threat,
                    modality=modality,
                    compound=compound,
                    reported=reported,
                    pattern_id=f"{reading.speech}<{pattern.id}" if reading.speech else pattern.id,
                    confidence=confidence,
                    source_path=reading.source_path or None,
                    target_path=(reading.target_path or None) if tgt or policy_target else None,
                )
            )
            if trace:
                flags = [
                    f
                    for f, on in (
                        ("negated", negated),
                        ("reported", reported),
                        ("compound", compound),
                    )
                    if on
                ]
                note = (
                    f" [{', '.join(flags)}{', ' + modality if modality else ''}]"
                    if flags or modality
                    else ""
                )
                trace.add(
                    f"{where}: CODED {src.code} -> {tgt.code if tgt else '-'} {kind.code} {kind.name}{note}"
                )
        return out

    def _negated_kind(self, kind: EventType) -> EventType:
        """CAMEO's code for a negated cooperative act (negation.tsv), else the act's own."""
        for length in range(len(kind.code), 1, -1):
            replacement = negation_codes().get(kind.code[:length])
            if replacement is not None:
                return self.ontology.get(replacement) or kind
        return kind

    def _kind(self, code: str) -> EventType | None:
        kind = self.ontology.get(code)
        if kind is None and self.any_code and code:
            return EventType(code, code, "", 0.0, 0, code[:2], None, None)
        return kind

    def _directed(
        self, pairs: list[tuple[int, int | None]], pattern: Pattern, code: str | None = None
    ) -> Iterator[tuple[int, int | None, EventType]]:
        """Each pair with the pattern's code (or a speech act's), and reversed with its reverse
        code if any."""
        forward = self._kind(code or pattern.code)
        backward = self._kind(pattern.reverse) if pattern.reverse and not code else None
        for s, t in pairs:
            if forward is not None:
                yield s, t, forward
            if backward is not None and t is not None:
                yield t, s, backward


# --- decisions ---------------------------------------------------------------------------------


def _phrase_text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    """The words where a force frame wanted its target, for the place stage to read."""
    return doc.text[span[0] : span[1]] if span is not None else None


def _article_date(doc: Doc) -> tuple[dt.date | None, str]:
    dateline: Dateline | None = doc._.dateline
    if dateline is not None and dateline.date is not None:
        return dateline.date, "dateline date"
    article = doc._.article
    if article is not None and article.published is not None:
        return article.published, "metadata date"
    return None, "no article date"


def _headline_end(doc: Doc) -> int:
    """Character offset where the story proper begins (the dateline), or 0."""
    dateline: Dateline | None = doc._.dateline
    return dateline.start if dateline is not None else 0


def _without_dateline(doc: Doc, view: SentenceView) -> str:
    """The sentence's text, less the dateline (its date is the article's, not the event's)."""
    text = view.span.text
    dateline: Dateline | None = doc._.dateline
    if dateline is None:
        return text
    start = view.span.start_char
    if start <= dateline.start < view.span.end_char:
        cut_start, cut_end = dateline.start - start, min(dateline.end, view.span.end_char) - start
        return text[:cut_start] + " " * (cut_end - cut_start) + text[cut_end:]
    return text


def _discarded(view: SentenceView) -> bool:
    by_first = discard_index()
    words = view.lower
    for i, word in enumerate(words):
        for phrase in by_first.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return True
    return False


def _negated(view: SentenceView, match: Match) -> bool:
    pattern_words = {w for e in match.pattern.pattern.elements for w in e.values}
    window = view.lower[max(0, match.anchor_start - MODIFIER_WINDOW) : match.anchor_start]
    if any(w in NEGATORS and w not in pattern_words for w in window):
        return True
    # "refused to attack", "failed to agree": the verb must govern the anchor through "to"
    return any(
        w in NEGATING_VERBS and w not in pattern_words and nxt == "to"
        for w, nxt in zip(window, [*window[1:], view.lower[match.anchor_start]], strict=True)
    )


def _modality(view: SentenceView, match: Match) -> str | None:
    window = view.lower[max(0, match.anchor_start - MODIFIER_WINDOW) : match.anchor_start]
    for word in reversed(window):
        if word in MODALS:
            return MODALS[word]
    if any(w in CONDITIONALS for w in view.lower[: match.anchor_start]):
        return "conditional"
    return None


def _speaker(view: SentenceView, match: Match, sources: tuple[int, ...]) -> int | None:
    """The actor who reports this event, if not its source.

    "A said (that) B attacked C" (the cue just before the reported clause) and "B attacked C,
    A said" (the speaker and cue after a comma) make B -> C reported speech.
    """
    lexicon = cached_lexicon()
    lower = view.lower

    def cue_at(k: int) -> bool:
        return lexicon.starts(lower, k, REPORTING_KINDS)

    first = min((view.slots[s].start for s in sources), default=match.start)
    for k in range(first - 1, max(first - 1 - REPORT_GAP, -1), -1):
        if cue_at(k):
            found = subject_slot(view, k)
            if found is not None and found[0][0] not in sources:
                return found[0][0]
            break
        if lower[k] not in REPORT_FILLERS:
            break
    speaker = headline_speaker(view, sources, first)
    if speaker is not None:
        return speaker
    for k in range(match.end, len(lower)):
        if lower[k] != "," and lower[k] not in CLOSING_QUOTES:
            continue
        after = object_slot(view, k + 1, lead=0)
        if after is not None and after[1] < len(lower) and cue_at(after[1]):
            speaker = after[0][0]  # ", Antonov said"
        elif k + 1 < len(lower) and cue_at(k + 1):
            found = object_slot(view, k + 2, lead=0)  # ", said Antonov"
            speaker = found[0][0] if found is not None else -1
        else:
            continue
        if speaker >= 0 and speaker not in sources:
            return speaker
    return None


#: Roots of force whose agentless passive takes its agent from the act just reported
#: ("its forces launched attacks ..., adding that 1,200 Iraqis were killed").
CONTEXT_AGENT_ROOTS = frozenset({"17", "18", "19", "20"})
#: How many sentences back the agent of an agentless passive is looked for.
CONTEXT_AGENT_SENTENCES = 1


def _agent_from_context(
    view: SentenceView, found: ParsedMatch, earlier: list[Event], mentions: dict[str, Mention]
) -> ParsedMatch:
    """An agentless passive of force takes its source from the latest asserted act of force in
    this sentence or the one before whose source is not the passive's patient; else it stays
    without a source (no event)."""
    pattern = found.match.pattern.pattern
    if pattern.code[:2] not in CONTEXT_AGENT_ROOTS or "passiveonly" in pattern.flags:
        return found  # "where Jack is being held": held by whom, the text does not say
    patients = [view.slots[t].mention for t in found.match.target]
    for event in reversed(earlier):
        if view.index - event.sentence > CONTEXT_AGENT_SENTENCES:
            break
        if event.quad_class != 4 or not event.asserted or event.source_mention is None:
            continue
        source = mentions.get(event.source_mention)
        if source is None or any(_same_actor(source, p) for p in patients):
            continue
        target = mentions.get(event.target_mention or "")
        if event.sentence != view.index and not (
            target is not None and any(_same_actor(target, p) for p in patients)
        ):
            continue  # a sentence before: only the act on the same victims ("... were killed")
        view.slots.append(Slot(source, -1, -1))  # an actor of another clause, not of a span
        match = replace(found.match, source=(len(view.slots) - 1,))
        return replace(found, match=match, source_path=f"context:{event.id or 'earlier'}")
    return found


#: Codes of acts of a state's courts and police: done to someone "in Turkey" with no agent,
#: they are Turkey's ("was convicted on terror charges in Turkey").
STATE_LEGAL_CODES = ("115", "116", "17")


def _agent_from_place(view: SentenceView, found: ParsedMatch) -> ParsedMatch:
    """An agentless passive of arrest, detention, trial or conviction "in" (or "at" a place
    in) a country names that country as its agent: only a state arrests, tries or convicts on
    its own ground."""
    if not found.match.pattern.pattern.code.startswith(STATE_LEGAL_CODES):
        return found
    predicate = view.span.doc[found.clause.head]
    patients = {view.slots[t].mention.country for t in found.match.target}
    for child in predicate.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "at"):
            continue
        # "held in Turkey", "held in a detention centre in northern Syria": the country
        # the place is in, however deep in the phrase
        for pobj in (t for t in child.subtree if t.dep_ == "pobj"):
            k = pobj.i - view.span.start
            slot = view.slot_at[k] if 0 <= k < len(view) else -1
            if slot < 0 or view.slots[slot].mention.kind != "country":
                continue
            if view.slots[slot].mention.country in patients:
                continue  # "Iranians arrested in Iran": whose police is not said
            match = replace(found.match, source=(slot,))
            return replace(found, match=match, source_path="place:in")
    return found


def _same_actor(a: Mention, b: Mention) -> bool:
    """One actor for a speech act: the same entity, code, or country ("Turkey said its army")."""
    if a.entity_id is not None and a.entity_id == b.entity_id:
        return True
    return a.code == b.code or (a.country is not None and a.country == b.country)


#: CAMEO's code for denying responsibility (GUIDELINES: "a denial of responsibility is 016").
DENIAL_CODE = "016"


#: Roots of acts news states as scheduled ("will meet", "will resume talks", "is due to
#: visit"): the plan is itself known, CAMEO's intent to meet or negotiate (036).
SCHEDULED_ROOTS = frozenset({"04"})


def _scheduled(reading: Reading, code: str) -> bool:
    """Whether an act is a meeting the text says will take place: future, not negated, no
    question, in the clause's own right (not reported as someone's wish)."""
    return (
        code[:2] in SCHEDULED_ROOTS
        and reading.modality == "future"
        and not reading.negated
        and reading.status in ("asserted", "reported")
    )


def speech_act(view: SentenceView, reading: Reading, governor: int | None) -> Reading | None:
    """The statement an act under "said it would", "vowed to" or "says they must" makes
    (events.speech): an announcement by the act's own source, or an appeal by the speaker."""
    if reading.negated and reading.modality == OBLIGING_MOOD:
        return None
    codes = speech_act_codes()
    code = reading.match.pattern.pattern.code
    sources = reading.sources
    if not sources:
        return None
    if reading.status == "denial" and governor is not None and not reading.negated:
        return _denial(view, reading, governor)
    source = view.slots[sources[0]].mention
    speaker = view.slots[reading.speaker].mention if reading.speaker is not None else None
    doc = view.span.doc
    commissive = (
        reading.status == "intent"
        and governor is not None
        and doc[governor].lower_ in COMMISSIVE_VERBS
        and not negated(doc[governor])  # "were not intended to unseat": no commitment
        and _vowed_by_source(view, governor, source)
    )
    announced = speaker is not None and (
        reading.modality in ANNOUNCING_MOODS
        or (  # "Trump says US troops must leave Syria": the state's own intent
            reading.modality == OBLIGING_MOOD
            and obligation(view.span[reading.match.anchor_start]) == "appeal"
            and own_state(speaker, source)
        )
    )
    if commissive or (announced and speaker is not None and _same_actor(speaker, source)):
        found = codes.announcement(code)
        if found is None:
            return None
        return replace(
            reading,
            modality=None,
            speaker=None,
            status="asserted",
            code=found,
            speech="announced",
        )
    anchor = view.span[reading.match.anchor_start]
    if _scheduled(reading, code) and not conditioned(anchor):  # "will resume talks tomorrow"
        found = codes.announcement(code)
        if found is not None:
            return replace(reading, modality=None, code=found, speech="scheduled")
    if (
        reading.modality == OBLIGING_MOOD
        and reading.status == "reported"
        and speaker is not None
        and reading.speaker is not None
        and not any(_same_actor(speaker, view.slots[s].mention) for s in sources)
    ):
        reproach = obligation(view.span[reading.match.anchor_start]) == "reproach"
        return replace(  # "X said Y must withdraw"; "... should have withdrawn": a reproach
            reading,
            sources=(reading.speaker,),
            targets=sources,
            modality=None,
            speaker=None,
            status="asserted",
            code=REPROACH_CODE if reproach else codes.appeal(code),
            speech="reproached" if reproach else "appealed",
        )
    return None


def _vowed_by_source(view: SentenceView, governor: int, source: Mention) -> bool:
    """Whether the one who vows, promises or intends is the act's own source: "Iran vowed to
    avenge the killing of its general by the United States" commits Iran, not the US."""
    doc = view.span.doc
    heads = tuple(c.i for c in doc[governor].children if c.dep_ in ("nsubj", "nsubjpass"))
    vowers, _ = heads_slots(view, heads)
    if not vowers:
        return True  # no subject of its own ("a pledge to withdraw"): the act's source
    return any(_same_actor(view.slots[v].mention, source) for v in vowers)


def _denial(view: SentenceView, reading: Reading, governor: int) -> Reading | None:
    """ "X denied attacking Y", "X denied that its troops fired on Y": X's denial of
    responsibility (CAMEO 016) towards the act's target; the denier is the governing verb's
    subject, and must be the act's own side (its actor, or that actor's country)."""
    doc = view.span.doc
    subjects = tuple(c.i for c in doc[governor].children if c.dep_ == "nsubj")
    deniers, _ = heads_slots(view, subjects)
    if not deniers or not reading.targets:
        return None
    denier = view.slots[deniers[0]].mention
    acting = [view.slots[s].mention for s in reading.sources]
    if not any(
        _same_actor(denier, m) or (denier.country and denier.country == m.country) for m in acting
    ):
        return None  # "X denied that Y attacked": Y's act, not X's responsibility
    return replace(
        reading,
        sources=deniers[:1],
        modality=None,
        speaker=None,
        status="asserted",
        code=DENIAL_CODE,
        speech="denied",
    )


def headline_speaker(view: SentenceView, sources: tuple[int, ...], first: int) -> int | None:
    """The speaker of a headline "Deputy Minister: Russia and NATO must ...": the actor that
    opens the sentence, right before the colon that precedes the sources."""
    lower = view.lower
    if first > 1 and lower[first - 1] == ":" and view.slot_at[first - 2] >= 0:
        speaker = view.slot_at[first - 2]
        if view.slots[speaker].start == 0 and speaker not in sources:
            return speaker
    return None


#: Roots of what a speaker says both sides should do (statements, appeals, intentions): "Russia
#: and NATO must find solutions", said by a Russian, is Russia's appeal to NATO. What both sides
#: did ("China and Israel discussed ...", said by an Israeli) stays their act.
WISH_ROOTS = frozenset({"01", "02", "03"})


def _own_side(view: SentenceView, speaker: int, sources: tuple[int, ...]) -> tuple[int, ...] | None:
    """The other parties when a speaker's own country is one of a compound subject."""
    country = view.slots[speaker].mention.country
    if not country:
        return None
    own = [
        s
        for s in sources
        if view.slots[s].mention.code == country or view.slots[s].mention.country == country
    ]
    others = tuple(s for s in sources if s not in own)
    return others if own and others else None


def _pairs(
    sources: Iterable[int], targets: tuple[int, ...], mutual: bool
) -> list[tuple[int, int | None]]:
    sources = tuple(sources)
    if targets:
        return [(s, t) for s in sources for t in targets]
    if mutual and len(sources) > 1:
        return [(s, t) for s in sources for t in sources if s != t]
    return [(s, None) for s in sources]


def _same_entity(a: Mention, b: Mention) -> bool:
    return a.entity_id is not None and a.entity_id == b.entity_id


def _acting_on_itself(source: Mention, target: Mention) -> bool:
    """The same actor on both sides: the same entity, or the same code where neither side is
    a named person or body ("officials met officials"). Two named actors of one code are two
    actors: "the NAO urged the government", "Abshire said Reagan ..." (both GBRGOV, USAGOV)."""
    if _same_entity(source, target):
        return True
    if source.code != target.code:
        return False
    named = [m for m in (source, target) if m.entity_id is not None and m.kind != "pronoun"]
    return len(named) < 1


def _confidence(match: Match, negated: bool, source: Mention, target: Mention | None) -> float:
    score = BASE_CONFIDENCE + 0.1 * min(match.pattern.specificity - 1, 2)
    if match.passive:
        score -= 0.1
    if negated:
        score -= 0.3
    if source.kind in ("pronoun", "description") or (
        target is not None and target.kind == "pronoun"
    ):
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)


def _drop_duplicates(events: list[Event], doc: Doc) -> list[Event]:
    """One event per sentence, dyad and code ("refused to release" fires on both verbs), but
    one per clause where two conjoined clauses state the act ("had won a victory and were
    continuing to advance": two clauses, two events, as the gold guidelines count them)."""
    heads = {id(e): _clause_head(doc, e) for e in events}
    per_anchor = Counter((e.sentence, e.start, e.source_code, e.code) for e in events)
    best: dict[tuple[int, str | None, str | None, str, int], Event] = {}
    keys: dict[int, tuple[int, str | None, str | None, str, int]] = {}
    for event in events:
        key = (event.sentence, event.source_code, event.target_code, event.code, 0)
        kept = best.get(key)
        # an anchor with two targets for one phrase ("Syrian soldiers") splits no clause
        anchor = (event.sentence, event.start, event.source_code, event.code)
        clause = heads[id(event)] if per_anchor[anchor] == 1 else None
        if kept is not None and clause is not None:
            first = heads[id(kept)]
            if first is not None and first != clause and _conjoined(doc, first, clause):
                key = (*key[:4], clause)
                kept = best.get(key)
        if kept is None or (kept.negated and not event.negated):
            best[key] = event
        keys[id(event)] = key
    return [e for e in events if best[keys[id(e)]] is e]


def _clause_head(doc: Doc, event: Event) -> int | None:
    """The predicate heading the clause of an event's anchor (None without a parse)."""
    if not doc.has_annotation("DEP") or event.stage != "events":
        return None
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    node = span.root
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node.i
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _conjoined(doc: Doc, first: int, second: int) -> bool:
    """Two clause heads joined by "and" ("won ... and were continuing"), neither inside the
    other's complement ("refused to release" is one clause's act)."""
    a, b = sorted((doc[first], doc[second]), key=lambda t: t.i)
    if b.dep_ != "conj" or b.head.i != a.i:
        return False
    joiners = [t.lower_ for t in doc[a.i + 1 : b.i] if t.dep_ == "cc" and t.head.i == a.i]
    return joiners == ["and"]  # "killed or wounded", "selling and/or sending": one act


def _drop_headline_repeats(events: list[Event], headline_end: int, doc: Doc) -> list[Event]:
    """A headline repeated by the lead is one event: keep the body's."""
    if not headline_end:
        return events
    body = {(e.source_code, e.target_code, e.code) for e in events if e.start >= headline_end}
    return [
        e
        for e in events
        if e.start >= headline_end or (e.source_code, e.target_code, e.code) not in body
    ]


def _renumber(event: Event, index: int) -> Event:
    return replace(event, id=f"e{index}")


#: Codes of a state's own voice in a war: the state, its government or its armed forces.
CLAIMANT_SECTORS = frozenset({"", "MIL", "GOV", "GOVMIL"})


def _agent_from_claimant(view: SentenceView, found: ParsedMatch) -> ParsedMatch:
    """A war party's own claim ("Iraq's communique said 81 Iranian brigades were destroyed"):
    an agentless passive of conventional force (19x) that a state, its government or its
    military reports, done to another state or its forces only, is the claimant's act."""
    pattern = found.match.pattern.pattern
    if pattern.code[:2] != "19" or "passiveonly" in pattern.flags:
        return found
    placed = [view.slots[t].mention for t in found.match.target]
    patients = [p for p in placed if p.country]  # "Iraqi brigades and battalions": the brigades'
    if not patients or any((p.code or "")[3:] not in ("", "MIL") for p in patients):
        return found
    for index in found.speaker:
        if not 0 <= index < len(view.slots):
            continue
        speaker = view.slots[index].mention
        if not speaker.country or (speaker.code or "")[3:] not in CLAIMANT_SECTORS:
            continue
        if any(p.country == speaker.country for p in patients):
            continue
        match = replace(found.match, source=(index,))
        return replace(found, match=match, source_path="claimant")
    return found
