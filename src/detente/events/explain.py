"""Why a sentence was coded as it was: the parse, actors, clauses, patterns tried, decisions.

``explain`` runs the pipeline on one text, then asks the event stage to code it again with a
``Trace`` (its decisions on every candidate match), and re-tries every pattern indexed under each
anchor word to say where it stopped matching. With the parsed pipeline (the default) it also
shows each sentence's dependency parse and, for every predicate, what the clause analysis found
(subject, voice, agent, negation, mood, whether the act is asserted or reported and by whom).
A dictionary author reads it to see why a pattern did not fire; a user reads it to trust (or
doubt) a coded event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.language import Language

from ..model import Article, Event, Mention
from .clauses import analyse, is_predicate
from .matcher import (
    CompiledPattern,
    Match,
    PatternIndex,
    _backward,
    _forward,
    _in_noun_phrase,
    _passive_aux,
    best_matches,
    match_at,
)
from .patterns import GAP, SET, SOURCE, TARGET, WORD, Element
from .sentence import SentenceView, sentence_views
from .slots import match_forward
from .stage import EventStage, Trace

#: Patterns listed per anchor in the text rendering (JSON has them all).
MAX_TRIES_SHOWN = 8


@dataclass(frozen=True)
class ActorFound:
    """An actor mention and how its code was reached."""

    sentence: int
    text: str
    start: int
    end: int
    code: str | None
    kind: str
    entity_id: str | None = None
    entity_name: str | None = None
    role_applied: str | None = None
    antecedent: str | None = None  # the text of the mention it resolves to
    resolution: str | None = None


@dataclass(frozen=True)
class PatternTry:
    """One pattern tried at an anchor, and how far it got."""

    pattern_id: str
    source: str  # file:line
    code: str
    outcome: str  # "chosen", "matched, outranked", or where it failed


@dataclass(frozen=True)
class AnchorFound:
    """A word that anchors at least one pattern, with every pattern tried there."""

    sentence: int
    text: str
    start: int
    end: int
    chosen: str | None  # the id of the pattern that fired, if any
    tried: tuple[PatternTry, ...] = ()


@dataclass(frozen=True)
class ClauseFound:
    """A predicate and what the parse says about its clause."""

    sentence: int
    predicate: str
    subject: str  # the subject's words, "" when none
    subject_path: str
    passive: bool
    agent: str
    negated: bool
    modality: str | None
    status: str  # asserted, reported, or why the act is not asserted
    speaker: str  # who reports it, for a reported act


@dataclass(frozen=True)
class Explanation:
    """Everything ``detente explain`` shows, as data."""

    text: str
    date: dt.date | None
    actors: tuple[ActorFound, ...] = ()
    anchors: tuple[AnchorFound, ...] = ()
    decisions: tuple[str, ...] = ()  # the event stage's trace, in order
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = field(default=())
    pipeline: str = ""  # "parsed (model ...)" or "rule-only (--fast)"
    parse: tuple[str, ...] = ()  # per sentence: word/TAG/dependency>head index ...
    clauses: tuple[ClauseFound, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        for event in out["events"]:
            event["date"] = event["date"].isoformat() if event["date"] else None
        return out


def element_text(element: Element) -> str:
    """An element as written in the pattern language."""
    if element.kind == SOURCE:
        return "S"
    if element.kind == TARGET:
        return "T"
    if element.kind == GAP:
        return "..." + (element.values[0] if element.values else "")
    if element.kind == SET:
        body = "$" + element.values[0]
    else:
        body = "|".join(
            ("=" if e else "") + v for v, e in zip(element.values, element.exact, strict=True)
        )
    return body + ("?" if element.optional else "")


def _missing(element: Element, side: str) -> str:
    if element.kind == SOURCE:
        return f"no source actor {side} (S)"
    if element.kind == TARGET:
        return f"no target actor {side} (T)"
    return f"expected {element_text(element)!r} {side}"


def diagnose(view: SentenceView, i: int, compiled: CompiledPattern) -> str:
    """Where ``compiled`` stops matching with its anchor at token i ("" if it matches).

    The matcher itself decides whether the pattern matches; the reason for a failure is found
    by matching ever longer stretches of the pattern on each side of the anchor.
    """
    if any(True for _ in match_at(view, i, compiled)):
        return ""
    pattern = compiled.pattern
    a = pattern.anchor_index
    ends = match_forward(view, compiled.anchor, i)
    if not ends:
        return f"the anchor {element_text(pattern.elements[a])!r} is not complete here"
    if "verbal" in pattern.flags and _in_noun_phrase(view, i):
        return "the anchor is a noun here (after a determiner) and the pattern wants the verb"
    if _passive_aux(view, i) is not None and compiled.anchor.kind == WORD:
        if not compiled.passive:
            return "passive form, and the pattern has no passive reading"
        return "passive form: no subject actor before the auxiliary, or no 'by' agent after"
    failed_at = []
    for end in ends:
        k = next(
            (
                k
                for k in range(1, len(compiled.post) + 1)
                if not any(True for _ in _forward(view, compiled.post[:k], 0, end, ()))
            ),
            0,
        )
        failed_at.append(k)
    if all(failed_at):
        return _missing(pattern.elements[a + max(failed_at)], "after the anchor")
    for k in range(1, len(compiled.pre) + 1):
        if not any(True for _ in _backward(view, compiled.pre[:k], 0, i, ())):
            return _missing(pattern.elements[a - k], "before the anchor")
    return "the parts match, but not together"


def _tries(
    view: SentenceView,
    i: int,
    candidates: list[CompiledPattern],
    best: Match | None,
    stage: EventStage,
    parsed: bool,
) -> tuple[PatternTry, ...]:
    out = []
    for compiled in candidates:
        pattern = compiled.pattern
        if best is not None and best.pattern is compiled:
            outcome = "chosen"
        else:
            failure = (
                stage.syntax.diagnose(view, i, compiled) if parsed else diagnose(view, i, compiled)
            )
            outcome = failure or "matched, outranked by a more specific or longer pattern"
        out.append(PatternTry(pattern.id, pattern.source, pattern.code, outcome))
    out.sort(key=lambda t: (t.outcome != "chosen", not t.outcome.startswith("matched")))
    return tuple(out)


def anchored_on(index: PatternIndex, word: str) -> list[CompiledPattern]:
    """Every pattern whose anchor starts with ``word`` (the index also keys them by a rare word)."""
    found = list(index.by_first.get(word, ()))
    seen = {id(c) for c in found}
    for group in getattr(index, "keyed", {}).get(word, {}).values():
        for compiled in group:
            if id(compiled) not in seen:
                seen.add(id(compiled))
                found.append(compiled)
    return found


def anchors_of(view: SentenceView, stage: EventStage, parsed: bool) -> Iterator[AnchorFound]:
    """Every anchor word of the sentence with the patterns tried there."""
    by_token: dict[int, list[CompiledPattern]] = {}
    for i, word in enumerate(view.lower):  # every pattern anchored here, not only candidates
        for compiled in anchored_on(stage.index, word):
            by_token.setdefault(i, []).append(compiled)
    if parsed:
        best = {p.match.anchor_start: p.match for p in stage.syntax.matches(view)}
    else:
        best = {m.anchor_start: m for m in best_matches(view, stage.index)}
    for i, candidates in sorted(by_token.items()):
        whole = [c for c in candidates if match_forward(view, c.anchor, i)]
        if not whole:  # a phrase anchor ("the ...") whose other words are not here
            continue
        chosen = best.get(i)
        start, end = view.char_span(i, chosen.anchor_end if chosen else i + 1)
        yield AnchorFound(
            view.index,
            view.span.doc.text[start:end],
            start,
            end,
            chosen.pattern.pattern.id if chosen else None,
            _tries(view, i, whole, chosen, stage, parsed),
        )


def _actor(mention: Mention, by_id: dict[str, Mention]) -> ActorFound:
    antecedent = by_id.get(mention.antecedent) if mention.antecedent else None
    return ActorFound(
        mention.sentence,
        mention.text,
        mention.start,
        mention.end,
        mention.code,
        mention.kind,
        mention.entity_id,
        mention.entity_name,
        mention.role_applied,
        antecedent.text if antecedent else mention.antecedent,
        mention.resolution,
    )


def explain(
    text: str, date: dt.date | None = None, nlp: Language | None = None, fast: bool = False
) -> Explanation:
    """Code ``text`` (an article dated ``date``) and say why each candidate event was or was not
    coded; ``fast`` explains the rule-only pipeline."""
    from ..ingest.normalize import article_id, clean_text
    from ..pipeline import DEFAULT_MODEL, build_pipeline, make_doc

    nlp = nlp or build_pipeline("" if fast else DEFAULT_MODEL)
    clean = clean_text(text)
    article = Article(id=article_id(clean, None), text=clean, published=date)
    doc = nlp(make_doc(nlp, article))
    stage = nlp.get_pipe("detente_events_v1")
    if not isinstance(stage, EventStage):
        raise TypeError("the pipeline's event stage is not an EventStage")
    trace = Trace()
    events = stage.code(doc, trace)
    mentions: tuple[Mention, ...] = doc._.mentions
    by_id = {m.id: m for m in mentions}
    parsed = stage.use_parse and doc.has_annotation("DEP")
    views = sentence_views(doc, mentions)
    anchors = [a for view in views for a in anchors_of(view, stage, parsed)]
    notes = []
    if not anchors:
        notes.append("no word of the text anchors a pattern: the dictionary lacks this predicate")
    if not any(m.code for m in mentions):
        notes.append("no actor with a code: events need a coded source")
    model = nlp.meta.get("detente_model", "blank:en")
    return Explanation(
        article.text,
        date,
        tuple(_actor(m, by_id) for m in mentions),
        tuple(anchors),
        tuple(trace.lines),
        tuple(events),
        tuple(notes),
        pipeline=f"parsed ({model})" if parsed else "rule-only (--fast)",
        parse=tuple(_parse_line(view) for view in views) if parsed else (),
        clauses=tuple(c for view in views for c in _clauses(view)) if parsed else (),
    )


def _parse_line(view: SentenceView) -> str:
    """A sentence's parse: each word with its tag, dependency and head (sentence-local)."""
    start = view.span.start
    return " ".join(
        f"{t.i - start}:{t.text}/{t.tag_}/{t.dep_}>{t.head.i - start}"
        for t in view.span
        if not t.is_space
    )


def _words(view: SentenceView, heads: tuple[int, ...]) -> str:
    doc = view.span.doc
    return ", ".join(doc[i].text for i in heads)


def _clauses(view: SentenceView) -> Iterator[ClauseFound]:
    for token in view.span:
        if is_predicate(token):
            c = analyse(token)
            yield ClauseFound(
                view.index,
                token.text,
                _words(view, c.subjects),
                c.subject_path,
                c.passive,
                _words(view, c.agents),
                c.negated,
                c.modality,
                c.status,
                _words(view, c.speaker),
            )
