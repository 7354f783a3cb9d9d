"""The quote rules: quoted spans → direct and partial quotes, cue sentences → indirect speech.

Order of decisions (each quote keeps the first attribution found):

1. every top-level quoted span is direct when it opens a sentence, follows ``:``, ``,`` or a
   cue, or is a long quotation that ends its sentence or is never closed; otherwise partial;
2. a direct quote's attribution is looked for after it in the same sentence ("…,” he
   stressed", "…,” said Antonov"), then before it ("X said: “…”", "he said, citing …“");
3. cues that no quote took introduce indirect speech: "X said (that) …", "…, X said.",
   "according to X, …", "…, according to X"; a headline "Speaker: …" too;
4. a partial quote takes the attribution of the indirect speech around it, else of a cue in
   its sentence; with none it is a scare quote and is dropped;
5. a direct quote still without a speaker takes the nearest attribution in its paragraph
   (earlier first), else, when it continues or opens the next paragraph, the speaker of the
   previous paragraph's last quote.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .cues import (
    CLAUSE_KINDS,
    CONTENT_FILLERS,
    HEARER_LEMMAS,
    MAX_APPOSITION_TOKENS,
    MAX_SPEAKER_TOKENS,
    NO_INDIRECT_LEMMAS,
    NOT_CLAUSE_STARTS,
    NOUN_KINDS,
    SPEAKER_STOPS,
)
from .marks import QuotedSpan
from .speakers import FORWARD_OPENERS, speaker_after, speaker_of_cue
from .tokens import SENTENCE_FINAL, Cue, TokenView, possessor

#: A quotation this long (words) that ends its sentence is direct even inside running text.
DIRECT_MIN_WORDS = 6
#: How many words after a quotation's closing mark its own cue may start ("…,” she said").
OWN_CUE_REACH = 3
#: Tokens before a quote's opening mark that make it direct ("said: “", ", “").
DIRECT_OPENING_CONTEXT = frozenset({":", ",", "—", "–", "("})
#: How many tokens after a closing mark its cue may be ("…,” the minister added", "…,” Thomas
#: Hanify, the president of the Indiana firefighters union, said").
RIGHT_WINDOW = MAX_SPEAKER_TOKENS + MAX_APPOSITION_TOKENS + 3
#: How many tokens before an opening mark its cue may be ("he said, citing among them “").
LEFT_WINDOW = 20
#: Tokens between a cue and a quotation that end the cue's clause ("said: “", "said, citing “").
MIXED_BREAKS = frozenset({",", ":", ";", "—", "–", "(", "."})
#: Words a reported clause has before a quotation that goes on with it after a comma.
MIN_CLAUSE_WORDS = 3
#: Cue kinds whose verb with a noun object and no clause reports nothing ("worried analysts",
#: "expects a vote").
OBJECT_KINDS = frozenset({"belief"})
#: How far after a cue its "that" may be past a hearer or a circumstance ("told reporters on
#: Tuesday that", "said in an interview that").
HEARER_REACH = 6
#: A headline attribution "Speaker: …" has at most this many tokens before the colon.
MAX_HEADLINE_SPEAKER = 6


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Cue | None
    speaker: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Draft:
    """A quote before speakers are linked to mentions: character span, tokens for the rest."""

    start: int
    end: int
    kind: str
    sentence: int
    attribution: Attribution | None = None
    quote_index: int | None = None  # index into the quoted spans (direct and partial)


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def classify(view: TokenView, span: QuotedSpan, cue_tokens: set[int]) -> str:
    """Direct or partial, from what precedes the opening mark and how long the quote is."""
    first = view.token_at(span.open_at)
    sent_start = view.sentence_bounds[view.sentence[first]][0]
    before = first - 1
    if before < sent_start or view.paragraph_of(view.starts[before]) != span.paragraph:
        return "direct"
    if (
        view.words[before] != ":"
        and not _own_cue_after(view, span)
        and ends_reported_clause(view, first, sent_start)
    ):
        return "partial"  # the end of a reported clause: "Ryan says no matter what ..., “...”"
    if view.words[before] in DIRECT_OPENING_CONTEXT:
        return "direct"
    if before in cue_tokens and view.words[before - 1] != "-":  # not "so-called"
        return "direct"
    long_enough = _words(view.text[span.start : span.end]) >= DIRECT_MIN_WORDS
    inner_last = view.text[span.end - 1] if span.end > span.start else ""
    if long_enough and (not span.closed or inner_last in ".,?!"):
        return "direct"
    return "partial"


def _own_cue_after(view: TokenView, span: QuotedSpan) -> bool:
    """ "“...,” she said": a quotation closed by a comma and followed by a cue is its own."""
    if span.close_at is None or view.text[span.end - 1 : span.end] != ",":
        return False
    after = view.token_at(span.close_at) + 1
    k = bisect.bisect_left(view.cue_starts, after)
    return k < len(view.cues) and view.cues[k].start - after <= OWN_CUE_REACH


def ends_reported_clause(view: TokenView, first: int, sent_start: int) -> bool:
    """Whether the nearest cue before a quotation in its sentence and paragraph reports a
    clause the quotation ends (words of the clause come between them)."""
    k = bisect.bisect_left(view.cue_starts, first) - 1
    if k < 0 or view.cues[k].start < sent_start:
        return False
    cue = view.cues[k]
    if view.paragraph_of(view.starts[cue.start]) != view.paragraph_of(view.starts[first]):
        return False
    return cue.form.kind in CLAUSE_KINDS and view.inside_reported_clause(cue.end - 1, first)


def _cue_at(view: TokenView, i: int) -> Cue | None:
    k = bisect.bisect_left(view.cue_starts, i)
    return view.cues[k] if k < len(view.cues) and view.cue_starts[k] == i else None


def attribution_after(view: TokenView, span: QuotedSpan) -> Attribution | None:
    """ "…,” he stressed" / "…,” said Antonov": a cue right after the closing mark."""
    if span.close_at is None:
        return None
    k = view.token_at(span.close_at) + 1
    n = len(view.words)
    while k < n and view.words[k] in (",", "—", "–"):
        k += 1
    if k >= n or view.quoted[k] or view.paragraph_of(view.starts[k]) != span.paragraph:
        return None
    if view.text[span.end - 1] == "." and view.words[k][:1].isupper():
        return None  # “… campaign.” Ohio Gov. John Kasich said …: a new sentence, another quote
    limit = min(n, k + RIGHT_WINDOW)
    for j in range(k, limit):
        if view.quoted[j] or view.words[j] in SENTENCE_FINAL:
            return None
        cue = _cue_at(view, j)
        if cue is None:
            continue
        ceiling = _clause_end(view, cue.end)
        speaker, after = speaker_of_cue(view, cue, k, ceiling)
        if speaker is None and cue.start == k:  # "…,” said undecided voter Stephanie Hooton"
            speaker, after = speaker_after(view, cue.end, ceiling, any_case=True), True
        if speaker is not None and not after and speaker[0] != k:
            speaker = _whole_phrase(view, k, speaker)
        if speaker is None:
            return None
        return Attribution(cue, speaker)
    return None


def _whole_phrase(view: TokenView, k: int, speaker: tuple[int, int]) -> tuple[int, int] | None:
    """All the words from the closing mark to the cue when no punctuation is among them ("…,”
    the Vermont senator and presidential candidate told"); None otherwise: the phrase before
    the cue is not the quotation's speaker."""
    opener = view.words[k][:1].isupper() or view.lower[k] in FORWARD_OPENERS
    if speaker[1] - k > MAX_SPEAKER_TOKENS or not opener:
        return None  # "“it gets me mad” every time he thinks": no phrase naming someone
    for i in range(k, speaker[0]):
        if view.is_punct(i) or (view.lower[i] in SPEAKER_STOPS and view.lower[i] != "and"):
            return None  # "To which she said", "…, though she noted"
    return k, speaker[1]


def _clause_end(view: TokenView, i: int) -> int:
    """The first quote or sentence-final token from ``i`` (exclusive end of a clause)."""
    n = len(view.words)
    while i < n and not view.quoted[i] and view.words[i] not in SENTENCE_FINAL:
        i += 1
    return i


def attribution_before(view: TokenView, span: QuotedSpan) -> Attribution | None:
    """ "X said: “…”", "he said, citing among them “…": the nearest cue before the mark."""
    first = view.token_at(span.open_at)
    sent_start = view.sentence_bounds[view.sentence[first]][0]
    floor = max(sent_start, first - LEFT_WINDOW)
    nearest: Cue | None = None
    before = bisect.bisect_left(view.cue_starts, first)  # the cues starting before the mark
    for cue in reversed(view.cues[:before]):
        if cue.start >= first or cue.end <= floor:
            continue
        if cue.start < floor:
            break
        if any(view.quoted[i] for i in range(cue.end, first)):
            break  # another quotation in between
        nearest = nearest or cue
        speaker, _ = speaker_of_cue(view, cue, sent_start, first)
        if speaker is not None:
            return Attribution(nearest, speaker)
    return None


def attribution_colon(view: TokenView, span: QuotedSpan) -> Attribution | None:
    """ "HuffPollster: “…”", "Fallon fired back: “…”": a short named phrase opening the
    sentence, then a colon, then the quotation."""
    first = view.token_at(span.open_at)
    colon = first - 1
    sent_start = view.sentence_bounds[view.sentence[first]][0]
    if colon <= sent_start or view.words[colon] != ":":
        return None
    if colon - sent_start > MAX_HEADLINE_SPEAKER or not view.words[sent_start][:1].isupper():
        return None
    if any(view.quoted[k] or view.is_punct(k) for k in range(sent_start, colon)):
        return None
    return Attribution(None, (sent_start, colon))


def _mixed(view: TokenView, cue: Cue | None, span: QuotedSpan) -> bool:
    """A quotation inside the clause its cue reports ("said Perez was right to urge “…”",
    "said “it gets me mad” every time"), or after the object of a cue that names an act
    ("called the plan “a disaster for …”", whatever the cue's kind): the clause or the object
    with the quotation, not the quotation alone, is what was said."""
    first = view.token_at(span.open_at)
    if cue is None or cue.start > first:
        return False
    if any(view.quoted[k] for k in range(cue.end, first)):
        return False
    if any(view.words[k] in MIXED_BREAKS for k in range(cue.end, first)):
        return _continues_clause(view, cue, first)
    if cue.end < first:
        if cue.form.kind in CLAUSE_KINDS and cue.form.lemma not in NO_INDIRECT_LEMMAS:
            return True
        return view.object_between(cue.end - 1, first)  # "called the plan “…”", not "citing
        # among them “…”"
    if span.close_at is None or view.text[span.end - 1] in ".,?!":
        return False  # the quotation ends its own clause
    after = view.token_at(span.close_at) + 1
    return (
        after < len(view.words)
        and view.sentence[after] == view.sentence[first]
        and view.words[after][:1].isalnum()
    )


def _continues_clause(view: TokenView, cue: Cue, first: int) -> bool:
    """ "He said he was best placed to strike a deal, “like you folks.”": a quotation opening
    in lower case after a comma goes on with the clause its cue reports (words with a verb
    between them)."""
    opening = view.words[first + 1] if first + 1 < len(view.words) else ""
    if not opening[:1].islower() or view.words[first - 1] != ",":
        return False
    if cue.form.kind not in CLAUSE_KINDS or cue.form.lemma in NO_INDIRECT_LEMMAS:
        return False
    sentence_start = view.sentence_bounds[view.sentence[first]][0]
    if view.own_subject(cue.end - 1, sentence_start) is None:
        return False  # "said Sherman, speaking of politicians, “and …”": the speaker between
    between = range(cue.end, first - 1)
    if view.is_punct(cue.end):
        return False  # "“A,” Tester said, referring to …, “b”": no clause after the cue
    if any(view.words[k] in MIXED_BREAKS and view.words[k] != "," for k in between):
        return False
    return len(between) >= MIN_CLAUSE_WORDS and view.has_verb(cue.end, first - 1)


def direct_drafts(view: TokenView, spans: list[QuotedSpan]) -> tuple[list[Draft], set[int]]:
    """Drafts for every quoted span, and the start tokens of the cues they took."""
    cue_tokens = {c.start for c in view.cues} | {c.end - 1 for c in view.cues}
    drafts: list[Draft] = []
    used: set[int] = set()
    for index, span in enumerate(spans):
        kind = classify(view, span, cue_tokens)
        sentence = view.sentence[view.token_at(span.start)]
        attribution = None
        if kind == "direct":
            attribution = attribution_after(view, span)
            if attribution is None:
                attribution = attribution_before(view, span)
                if attribution is not None and _mixed(view, attribution.cue, span):
                    kind, attribution = "partial", None
                elif attribution is None:
                    attribution = attribution_colon(view, span)
            if attribution is not None and attribution.cue is not None:
                used.add(attribution.cue.start)
        drafts.append(Draft(span.start, span.end, kind, sentence, attribution, index))
    return drafts, used


def _content_start(view: TokenView, cue: Cue, end: int) -> int | None:
    """Where the reported clause after a cue begins (None when the cue reports no clause):
    after the hearer or a circumstance ("told reporters on Tuesday that ...", "told Reagan the
    sales ...", "said in an interview that ...")."""
    j = cue.end
    hearer_only = cue.form.lemma in HEARER_LEMMAS and cue.form.kind != "directive"
    if (cue.form.kind in OBJECT_KINDS or hearer_only) and view.object_only(cue.end - 1):
        return None  # "worried some analysts", "told the news agency": no reported clause
    reported = view.reported_start(cue.end - 1)
    if reported is not None and reported < end:
        j = reported
    elif cue.form.lemma in HEARER_LEMMAS or (j < end and view.lower[j] in NOT_CLAUSE_STARTS):
        # no parse: "told reporters on Tuesday that ...", "said in an interview that ..."
        for k in range(j, min(end, j + HEARER_REACH)):
            if view.lower[k] == "that":
                j = k
                break
            if view.is_punct(k):
                break
    complementizer = False  # after "that" a clause starts, whatever its first word ("about")
    while j < end and view.lower[j] in CONTENT_FILLERS:
        complementizer = complementizer or view.lower[j] == "that"
        j += 1
    if j >= end or view.quoted[j] or (view.lower[j] in NOT_CLAUSE_STARTS and not complementizer):
        return None
    if j > cue.end and _cue_at(view, j) is not None:
        return None  # "tweeted on Friday, saying ...": the next cue reports the clause
    if _owned_by(view, j):
        return None  # "repeated his claim that ...": the claim reports the clause
    return j


def _owned_by(view: TokenView, j: int) -> bool:
    """Whether the words from ``j`` are the possessor of a noun cue ("his claim that")."""
    k = bisect.bisect_left(view.cue_starts, j + 1)
    if k >= len(view.cues) or view.cues[k].form.kind not in NOUN_KINDS:
        return False
    return view.cues[k].start - j <= MAX_SPEAKER_TOKENS and j <= possessor(view, view.cues[k])
