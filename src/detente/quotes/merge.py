"""One utterance, one record: no quote record lies inside another.

The rules find an utterance more than once: a partial quotation and the reported clause
around it (same cue), a clause reported inside another reported clause ("the source added
Clinton had told police that she ..."), a direct quotation inside a clause reported with
another cue. Decisions, for each record inside another (``nested``):

- same cue (or, without a cue, the same speaker phrase): **merged** into the outer record (the clause); the clause becomes ``partial``
  when what it swallows has quotation marks ("Trump said Clinton was “a nasty woman”": one
  record, the clause, marks included);
- another cue, the inner one without marks: **dropped**, it is part of what the outer
  speaker said;
- another cue, the inner one a quotation: the quotation is kept and the outer clause is
  **cut** before it (dropped when too little is left): the marked words are the citable
  ones.
"""

from __future__ import annotations

from dataclasses import replace

from .extract import Draft

#: Kinds whose text is in quotation marks.
MARKED_KINDS = frozenset({"direct", "partial"})
#: Characters an outer clause must keep before a quotation to stay a record.
MIN_CUT_CHARS = 12


def _inside(inner: Draft, outer: Draft) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _cue_start(draft: Draft) -> int | None:
    attribution = draft.attribution
    return attribution.cue.start if attribution is not None and attribution.cue else None


def _same_cue(a: Draft, b: Draft) -> bool:
    """The same cue, or no cue and the same speaker phrase (a headline "Speaker: …" and a
    quotation in it are one attribution)."""
    cue = _cue_start(a)
    if cue is not None:
        return cue == _cue_start(b)
    if _cue_start(b) is not None or a.attribution is None or b.attribution is None:
        return False
    return a.attribution.speaker is not None and a.attribution.speaker == b.attribution.speaker


def one_per_utterance(drafts: list[Draft], text: str) -> list[Draft]:
    """Drafts with no draft inside another, in text order."""
    kept = sorted(drafts, key=lambda d: (d.start, -d.end))
    while True:
        swept = _sweep(kept, text)
        if len(swept) == len(kept) and swept == kept:
            return sorted(swept, key=lambda d: (d.start, d.end))
        kept = sorted(swept, key=lambda d: (d.start, -d.end))


def _sweep(drafts: list[Draft], text: str) -> list[Draft]:
    """One pass in (start, longest first) order: records kept so far do not nest, so their
    ends rise and those that contain the next draft are the last ones."""
    kept: list[Draft] = []
    for draft in drafts:
        k = len(kept) - 1
        alive = True
        while alive and k >= 0 and kept[k].end >= draft.end:
            outer = kept[k]
            if not _inside(draft, outer):
                k -= 1
                continue
            if _same_cue(draft, outer) or draft.kind not in MARKED_KINDS:
                if draft.kind in MARKED_KINDS and outer.kind not in MARKED_KINDS:
                    kept[k] = replace(outer, kind="partial")
                alive = False  # merged into, or part of, the outer record
            else:
                cut = _cut_before(outer, draft, text)
                if cut is None:
                    del kept[k]
                else:
                    kept[k] = cut
                k -= 1
        if alive:
            kept.append(draft)
    return kept


def _cut_before(outer: Draft, inner: Draft, text: str) -> Draft | None:
    """The outer clause up to the quotation's opening mark (punctuation and marks trimmed)."""
    end = inner.start
    while end > outer.start and not text[end - 1].isalnum():
        end -= 1
    if end - outer.start < MIN_CUT_CHARS:
        return None
    return replace(outer, end=end)
