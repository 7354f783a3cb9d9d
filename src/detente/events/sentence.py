"""A shallow parse of one sentence: words, actor slots, clause boundaries and parentheticals.

The default pipeline has no statistical parser, so the coder reasons over this view: which
tokens belong to which actor mention, where clauses end (semicolons, quotation marks, dashes),
and which stretches are parentheticals to skip when looking for a subject ("Antonov, who led
the delegation, said").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..model import Mention

#: Tokens that end a clause for the purpose of finding a verb's actors.
HARD_BOUNDARIES = frozenset({";", ":", "—", "–", "--", '"', "“", "”", "(", ")", "[", "]", "«", "»"})
#: Quotation marks around at most this many words are scare quotes (Iran's forces had
#: "liberated" the area): the marks bound no clause, a frame reads through them.
SCARE_QUOTE_WORDS = 3
OPENING_QUOTES = frozenset({'"', "“"})
CLOSING_QUOTES = frozenset({'"', "”"})
#: Words that open a relative clause after a comma: the clause is skipped by subject search.
RELATIVE_OPENERS = frozenset({"who", "which", "whose", "whom", "where", "when", "while"})
#: A parenthetical longer than this is not skipped (it is probably a clause of its own).
MAX_PARENTHETICAL = 14


@dataclass
class Slot:
    """An actor mention as it sits in the sentence (token offsets local to the sentence)."""

    mention: Mention
    start: int
    end: int
    modifier: bool = False  # an adjective before a non-actor noun ("Russian borders")


@dataclass
class SentenceView:
    index: int
    span: Span
    lower: list[str]
    slot_at: list[int]  # slot index covering each token, or -1
    slots: list[Slot]
    boundary: list[bool]
    skip: list[bool] = field(default_factory=list)
    #: Doc token index of a plural description's head -> the slots it stands for
    #: ("the two countries": events/plural.py).
    groups: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.lower)

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        first = self.span[start]
        last = self.span[end - 1]
        return first.idx, last.idx + len(last.text)

    def slot_starting(self, i: int) -> int:
        """The slot that starts at token i, else -1."""
        if 0 <= i < len(self.lower):
            s = self.slot_at[i]
            if s >= 0 and self.slots[s].start == i:
                return s
        return -1


def _is_modifier(mention: Mention) -> bool:
    """A bare country adjective ("Russian borders", "a European shield") modifies a noun: the
    actor stage marks it with kind "adjective"; plural demonyms ("the Russians") can act."""
    return mention.kind == "adjective"


def sentence_views(doc: Doc, mentions: tuple[Mention, ...]) -> list[SentenceView]:
    """One view per sentence, with the article's actor mentions placed on its tokens."""
    views: list[SentenceView] = []
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    sentences = [s for s in doc.sents if any(not t.is_space for t in s)]
    for index, sent in enumerate(sentences):
        lower = [t.lower_ for t in sent]
        slot_at = [-1] * len(lower)
        slots: list[Slot] = []
        for mention in sorted(by_sentence.get(index, ()), key=lambda m: (m.start, -m.end)):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            start, end = span.start - sent.start, span.end - sent.start
            if start < 0 or end > len(lower) or any(slot_at[i] >= 0 for i in range(start, end)):
                continue
            slots.append(Slot(mention, start, end, _is_modifier(mention)))
            for i in range(start, end):
                slot_at[i] = len(slots) - 1
        scare = _scare_quotes(sent)
        boundary = [
            (t.text in HARD_BOUNDARIES and k not in scare) or (t.is_space and "\n" in t.text)
            for k, t in enumerate(sent)
        ]
        view = SentenceView(index, sent, lower, slot_at, slots, boundary)
        view.skip = _parentheticals(view)
        views.append(view)
    return views


def _parentheticals(view: SentenceView) -> list[bool]:
    """Mark ", who ... ," relative clauses and ", the ... ," appositions after an actor."""
    skip = [False] * len(view.lower)
    lower = view.lower
    for i, word in enumerate(lower):
        if word != "," or i + 1 >= len(lower):
            continue
        opener = lower[i + 1]
        after_actor = i > 0 and view.slot_at[i - 1] >= 0
        # ", the deputy minister," or ", President of Russia," after an actor is an apposition
        appositive = opener in {"the", "a", "an"} or view.span[i + 1].text[:1].isupper()
        if opener not in RELATIVE_OPENERS and not (after_actor and appositive):
            continue
        end = i + 1
        while end < len(lower) and lower[end] != "," and not view.boundary[end]:
            end += 1
        if end < len(lower) and lower[end] == "," and end - i <= MAX_PARENTHETICAL:
            for k in range(i, end + 1):
                skip[k] = True
    return skip


def _scare_quotes(sent: Span) -> set[int]:
    """Positions (in ``sent``) of the marks around a quoted word or three with no punctuation."""
    out: set[int] = set()
    tokens = list(sent)
    k = 0
    while k < len(tokens):
        if tokens[k].text in OPENING_QUOTES:
            for j in range(k + 2, min(k + SCARE_QUOTE_WORDS + 2, len(tokens))):
                if tokens[j].text in CLOSING_QUOTES:
                    if all(t.is_alpha or "-" in t.text for t in tokens[k + 1 : j]):
                        out |= {k, j}
                        k = j
                    break
                if not (tokens[j].is_alpha or "-" in tokens[j].text):
                    break
        k += 1
    return out
