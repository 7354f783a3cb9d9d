"""Indirect speech: the clause a cue reports, when no quotation mark bounds it.

Four shapes, tried for each cue that no direct quote took:
"X said (that) CLAUSE", "CLAUSE, X said ...", "according to X, CLAUSE" /
"CLAUSE, according to X", and a headline "Speaker: CLAUSE" whose speaker is an actor.
The clause stays inside its sentence; a dateline at the sentence's start is not part of it.
"""

from __future__ import annotations

import bisect

from ..model import Mention
from .cues import (
    CLAUSE_KINDS,
    CONTENT_FILLERS,
    COORDINATORS,
    HEARER_LEMMAS,
    MIN_CONTENT_TOKENS,
    NO_INDIRECT_LEMMAS,
    NOUN_KINDS,
    CueForm,
)
from .extract import MAX_HEADLINE_SPEAKER, Attribution, Draft, _content_start, _cue_at
from .speakers import coordinated, noun_speaker, speaker_after, speaker_before
from .tokens import CLAUSE_SUBJECT_DEPS, SENTENCE_FINAL, SUBJECT_DEPS, Cue, TokenView

#: Words that open an adverbial clause: a cue with its speaker after one is another
#: attribution, not part of the clause before ("... banned after the candidate suggested").
SUBORDINATORS = frozenset({"after", "before", "when", "while", "because", "since", "although",
                           "though", "until", "whereas", "unless", "once"})  # fmt: skip
#: How far back from a later cue the comma that ends the previous clause may be.
CLAUSE_JOINER_REACH = 5
#: The clause a hearer's cue reports: "told X that ...", "urged X to ...".
HEARD_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
#: Punctuation between a closing mark and the clause the sentence goes on with.
CLAUSE_PUNCTUATION = frozenset({",", "—", "–", "-", ";"})
#: Words after a comma that set the writer's contrast against a reported clause ("..., even
#: though ...", "..., despite ..."). Relative clauses (", which ...") are left in: on dev as
#: many are PolNeAR's content as not.
GLOSS_OPENERS = frozenset({"despite", "however", "though", "although", "whereas"})
#: Breaks before a writer's apposition at the end of a reported clause.
APPOSITION_BREAKS = frozenset({",", "—", "–", "--"})
#: Subordinators that open a clause a main clause must complete ("If the pier closes, …").
CONDITION_OPENERS = frozenset({"when", "if", "because", "although", "though", "unless",
                               "once", "while", "since", "as", "after", "before"})  # fmt: skip
#: Links before such a subordinator ("So when …", "And if …").
CLAUSE_LINKS = frozenset({"so", "and", "but", "yet"})
#: Words between an attribution set between commas and the quotation it goes on with.
INTERRUPTION_WORDS = frozenset({",", "but", "and"})
#: Subordinators of time that open another clause after a quotation ("before claiming").
TIME_SUBORDINATORS = frozenset({"before", "after", "while", "when"})
#: How many words after a closing mark a time subordinator may come ("on Twitter before").
AFTER_QUOTE_REACH = 4
#: Nouns of a measured opinion that speak for themselves after "In": "In a CBS News poll last
#: month, Clinton led by six points" (the poll is the source of what follows its comma).
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "polling"})
#: How many words "In ..." may run before its comma to be a poll named as a source.
MAX_POLL_SOURCE = 12
#: The cue form a poll named after "In" is read with.
POLL_CUE = CueForm(("in",), "in", "attribution")


def _trim_end(view: TokenView, start: int, end: int) -> int:
    while end > start and (view.is_punct(end - 1) and not view.is_mark(end - 1)):
        end -= 1
    return end


def _draft(view: TokenView, start: int, end: int, cue: Cue | None, speaker) -> Draft | None:
    while start < end < len(view.words) and view.quoted[end - 1] and view.quoted[end]:
        end += 1  # a clause that ends inside a quotation ends at its closing mark
    end = _trim_end(view, start, end)
    if end - start < MIN_CONTENT_TOKENS:
        return None
    if all(view.quoted[i] for i in range(start, end)):
        return None  # a direct quotation: found as such
    return Draft(
        view.starts[start],
        view.ends[end - 1],
        "indirect",
        view.sentence[start],
        Attribution(cue, speaker),
    )


def _sentence_range(view: TokenView, i: int, skip_before: int) -> tuple[int, int]:
    start, end = view.sentence_bounds[view.sentence[i]]
    while start < end and view.ends[start] <= skip_before:
        start += 1
    while start < end and view.is_punct(start) and not view.is_mark(start):
        start += 1
    return start, end


def _after_cue(view: TokenView, cue: Cue, start: int, end: int) -> Draft | None:
    """ "X said (that) CLAUSE", "X's claim that CLAUSE"."""
    if cue.form.kind in NOUN_KINDS:
        speaker = noun_speaker(view, cue, start)
    else:
        speaker = speaker_before(view, cue.start, start)
    if speaker is None:
        return None
    content = _content_start(view, cue, end)
    if content is None:
        return None
    return _draft(view, content, _reported_end(view, cue, content, end), cue, speaker)


def _reported_end(view: TokenView, cue: Cue, content: int, end: int) -> int:
    """The end of the clause a cue reports: where its ``ccomp`` ends by the parse (not the
    ", referring to ..." or ", however ..." the sentence goes on with), else ``_clause_stop``;
    and at a closing mark the sentence goes on from with a clause of its own."""
    stop = _clause_stop(view, content, end)
    parsed = view.clause_end(cue.start, content)
    if (
        parsed is not None
        and content + MIN_CONTENT_TOKENS <= parsed < stop
        and not _another_that_clause(view, parsed, stop)
    ):
        stop = parsed
    stop = _apposition_stop(view, content, stop)
    stop = _gloss_stop(view, content, stop)
    return _quote_stop(view, content, stop)


def _gloss_stop(view: TokenView, content: int, stop: int) -> int:
    """A semicolon, or a comma and a word of the writer's contrast, end the reported clause:
    "she said the pier would close, although the council had not voted"."""
    for k in range(content + MIN_CONTENT_TOKENS, stop - 1):
        if view.quoted[k]:
            continue
        if view.words[k] == ";":
            return k
        if view.words[k] == "," and view.lower[k + 1] in GLOSS_OPENERS:
            return k
    return stop


def _apposition_stop(view: TokenView, content: int, stop: int) -> int:
    """An apposition after a comma or dash that runs to the clause's end is the writer's
    gloss, not what was said: "said he did not back the mayor, the favourite of the unions"
    (by the parse: the words after the break are an ``appos`` phrase)."""
    if view.doc is None or not view.doc_index:
        return stop
    for k in range(content + MIN_CONTENT_TOKENS, stop - 1):
        if view.words[k] not in APPOSITION_BREAKS or view.quoted[k]:
            continue
        token = view.doc[view.doc_index[k + 1]]
        head = next((t for t in [token, *token.ancestors] if t.dep_ == "appos"), None)
        if head is None or head.left_edge.i != token.i:
            continue
        if bisect.bisect_right(view.doc_index, head.right_edge.i) >= stop:
            return k
    return stop


def _another_that_clause(view: TokenView, at: int, stop: int) -> bool:
    """ "said that A and that B": a second "that" clause joined to the first is said too,
    wherever the parse hangs it."""
    k = at
    while k < stop and (view.words[k] == "," or (view.is_mark(k) and view.quoted[k])):
        k += 1
    return k + 1 < stop and view.lower[k] in COORDINATORS and view.lower[k + 1] == "that"


def _quote_stop(view: TokenView, content: int, stop: int) -> int:
    """A closing mark followed by a participle or a time clause ends the reported words:
    'things “should be wrapped up by Cleveland,” referring to the convention', '“kept us
    safe” on Twitter before claiming ...'."""
    for k in range(content, stop - 1):
        if not (view.is_mark(k) and view.quoted[k] and not view.quoted[k + 1]):
            continue
        j = k + 1
        while j < stop and view.words[j] in CLAUSE_PUNCTUATION:
            j += 1
        separated = j > k + 1 or view.words[k - 1] in CLAUSE_PUNCTUATION
        if j < stop and separated and view.tag(j) == "VBG" and _cue_at(view, j) is not None:
            return k + 1  # '“... there’s nothing wrong with that” — asserting that ...'
        window = range(j, min(stop - 1, j + AFTER_QUOTE_REACH))
        if any(
            view.lower[i] in TIME_SUBORDINATORS and _cue_at(view, i + 1) is not None for i in window
        ):
            return k + 1  # '“kept us safe” on Twitter before claiming ...'
    return stop


def _clause_stop(view: TokenView, content: int, end: int) -> int:
    """Where a reported clause ends: its sentence's end, or the comma before another cue
    ("she was “impressed” with them, but lamented that ...")."""
    stop = content
    while stop < end and view.words[stop] not in SENTENCE_FINAL:
        stop += 1
    first, last = (
        bisect.bisect_right(view.cue_starts, content),
        bisect.bisect_left(view.cue_starts, stop),
    )
    for cue in view.cues[first:last]:  # the cues inside the clause, found by bisection
        if content < cue.start < stop:
            if coordinated(view, cue.start, content):  # "said A and said B": two quotes
                return _joiner(view, cue.start, content)
            speaker = speaker_before(view, cue.start, content)
            if speaker is not None and view.lower[speaker[0] - 1] in SUBORDINATORS:
                return speaker[0] - 1  # "... after the candidate suggested that ...": his own
            if speaker is not None and view.lower[speaker[0] - 1] in COORDINATORS:
                return speaker[0] - 1  # "... and Democrats accused the GOP ...": another one
            for k in range(cue.start - 1, max(content, cue.start - CLAUSE_JOINER_REACH), -1):
                if view.quoted[k]:  # '... “maniacal,” adding, ...': the quotation ends it
                    between = [view.words[i] for i in range(k - 1, cue.start) if i != k]
                    if (
                        view.is_mark(k)
                        and between
                        and all(w in CLAUSE_PUNCTUATION for w in between)
                    ):
                        return k + 1
                    break
                if view.words[k] in (",", ";"):
                    return k
    return stop


def _joiner(view: TokenView, cue_start: int, floor: int) -> int:
    """The "and"/"but" before a coordinated cue (adverbs between)."""
    k = cue_start - 1
    while k > floor and view.lower[k] not in COORDINATORS:
        k -= 1
    return k


def mixed_draft(view: TokenView, cue: Cue, speaker: tuple[int, int], quote_at: int) -> Draft | None:
    """The reported clause around a partial quotation, whatever the cue's kind: the marks
    show it is speech ("called the senator a “nasty guy”", "referred to them as “criminals”")."""
    start, end = view.sentence_bounds[view.sentence[cue.start]]
    if cue.start > quote_at:
        return _before_comma(view, cue, start, end)
    content = cue.end
    if cue.form.lemma in HEARER_LEMMAS or cue.form.kind == "directive":
        # the hearer is no part of the words: 'telling customers at a diner that “...”',
        # 'urging those calling for his withdrawal to “give him time.”'
        reported = view.reported_start(cue.end - 1, HEARD_CLAUSE_DEPS)
        if reported is not None and content < reported <= quote_at:
            content = reported
    while content < end and view.lower[content] in CONTENT_FILLERS:
        content += 1
    if content >= end:
        return None
    return _draft(view, content, _reported_end(view, cue, content, end), cue, speaker)


def _before_comma(view: TokenView, cue: Cue, start: int, end: int) -> Draft | None:
    """ "CLAUSE, X said ..." and "CLAUSE, said X"."""
    speaker = speaker_before(view, cue.start, start)
    if speaker is not None:
        comma = speaker[0] - 1
    else:
        comma = cue.start - 1
        speaker = speaker_after(view, cue.end, end)
    end_at = comma
    if comma > 0 and view.is_mark(comma) and view.words[comma - 1] == ",":
        comma, end_at = comma - 1, comma + 1  # 'may be "strategic," said X': the comma is quoted
    if speaker is None or comma <= start or view.words[comma] not in (",", "—", "–"):
        return None
    return _draft(view, start, end_at, cue, speaker)


def _according_to(view: TokenView, cue: Cue, start: int, end: int) -> list[Draft]:
    """ "according to X, CLAUSE" and "CLAUSE, according to X" (X in any case: "according to
    exit polls", "according to her lawyers"); "A, according to X, B": both A and B, the
    source set inside the sentence it stands for ("The vote, according to X, was close")."""
    speaker = speaker_after(view, cue.end, end, any_case=True)
    if speaker is None:
        return []
    parts: list[Draft | None] = []
    if cue.start > start and view.words[cue.start - 1] == ",":
        parts.append(_draft(view, start, cue.start - 1, cue, speaker))
    after = speaker[1] + 1
    goes_on = after < end and view.words[after - 1] == ","
    if goes_on and not (parts and _describes(view, (cue.start, speaker[1]), after, end)):
        parts.append(_draft(view, after, end, cue, speaker))
    return [d for d in parts if d is not None]


def _describes(view: TokenView, source: tuple[int, int], after: int, end: int) -> bool:
    """Whether the words after "A, according to X," describe X or A rather than go on with
    A: no verb of their own ("…, more than twice the rate"), or hung from the cue or its
    source ("…, the largest group of growers")."""
    return not view.verb_headed(after, end) or view.hangs_from(after, end, source)


def _clause_of(view: TokenView, cue: Cue, start: int, end: int) -> list[Draft]:
    """The clause a speech cue reports: after it when one follows at once ("…, Carson said he
    has …"), else the clause before its comma ("Talks will resume, the minister said."), with
    what the sentence goes on with after the attribution ("A, he said, B": both)."""
    if cue.form.kind in NOUN_KINDS:
        return _some(_after_cue(view, cue, start, end))
    if cue.end < end and view.words[cue.end] != ",":
        after = _after_cue(view, cue, start, end)
        if after is not None:
            return [after]
    before = _before_comma(view, cue, start, end)
    if before is not None and not view.has_verb(view.token_at(before.start), cue.start):
        before = None  # "In the end, Mr. Rosenthal said, union voters ...": no clause before
    if before is None:
        return _some(_after_cue(view, cue, start, end))
    return [before, *_some(_going_on(view, cue, before, end))]


def _some(draft: Draft | None) -> list[Draft]:
    return [draft] if draft is not None else []


def _going_on(view: TokenView, cue: Cue, before: Draft, end: int) -> Draft | None:
    """ "Freeing her husband, he promised, was one of his top priorities": the words after an
    attribution set inside the sentence go on with the clause before it (not when they
    describe the speaker, "said X, a former adviser, …", or start another cue)."""
    speaker = before.attribution.speaker if before.attribution else None
    last = max(cue.end, speaker[1] if speaker else 0)
    if last + 1 >= end or view.words[last] != "," or view.words[last + 1] in SENTENCE_FINAL:
        return None
    if _cue_at(view, last + 1) is not None or view.quoted[last + 1]:
        return None
    stop = _clause_stop(view, last + 1, end)
    if stop <= last + 1 or view.hangs_from(last + 1, stop, (cue.start, last)):
        return None
    return _draft(view, last + 1, stop, cue, speaker)


def indirect_drafts(view: TokenView, used: set[int], dateline_end: int) -> list[Draft]:
    """Indirect speech of every cue that no direct quotation took."""
    drafts: list[Draft] = []
    for cue in view.cues:
        if cue.start in used:
            continue
        start, end = _sentence_range(view, cue.start, dateline_end)
        if cue.source_after:
            drafts += _according_to(view, cue, start, end)
            continue
        if cue.form.kind not in CLAUSE_KINDS or cue.form.lemma in NO_INDIRECT_LEMMAS:
            continue
        drafts += _clause_of(view, cue, start, end)
    return drafts


def interrupted_drafts(view: TokenView, quoted: list[Draft], dateline_end: int) -> list[Draft]:
    """ "Donations are vetted, Strother said, but “we don't ask …”": an attribution set
    between commas inside a sentence whose quotation goes on after it; the words before it
    are said too, with the same cue (one attribution in two parts)."""
    drafts: list[Draft] = []
    for draft in quoted:
        attribution = draft.attribution
        if draft.kind != "direct" or attribution is None or attribution.cue is None:
            continue
        cue, speaker = attribution.cue, attribution.speaker
        opening = view.token_at(draft.start) - 1
        if speaker is None or speaker[1] > cue.start or cue.end > opening:
            continue
        between = view.lower[cue.end : opening]
        if not between or between[0] != "," or any(w not in INTERRUPTION_WORDS for w in between):
            continue
        comma = speaker[0] - 1
        start, _ = _sentence_range(view, cue.start, dateline_end)
        if (
            comma <= start
            or view.words[comma] != ","
            or view.sentence[opening] != view.sentence[comma]
        ):
            continue
        inside = (opening + 1, view.token_before(draft.end) + 1)
        if inside[0] >= inside[1] or not view.words[inside[0]][:1].islower():
            continue  # the quotation opens a sentence of its own
        # "The investment, she said, “is a perfect example …”": the subject of the quotation
        joined = (
            between[-1] in ("but", "and")
            or view.hangs_from(start, comma, inside, CLAUSE_SUBJECT_DEPS)
            or _subordinate(view, start, comma)
        )
        if not joined or any(view.quoted[k] for k in range(start, comma)):
            continue  # "In other words, he said, “the era …”": a circumstance, not words
        before = _draft(view, start, comma, cue, speaker)
        if before is not None:
            drafts.append(before)
    return drafts


def _subordinate(view: TokenView, start: int, end: int) -> bool:
    """Whether words open with a subordinate clause ("So when the mill closed, …", "If the
    pier closes, …"): they need the main clause that follows, the quotation."""
    opener = start + 1 if view.lower[start] in CLAUSE_LINKS and start + 1 < end else start
    return view.lower[opener] in CONDITION_OPENERS and view.has_verb(opener + 1, end)


def headline_drafts(view: TokenView, mentions: list[Mention]) -> list[Draft]:
    """ "Russian Deputy Defense Minister: Russia and NATO must ..." (speaker, colon, clause):
    the speaker an actor; in the headline (the first paragraph), also a poll ("Poll: Fishermen
    Back the New Pier") or any phrase when the clause quotes someone ("Harbour Master:
    Fishermen Worried; It's ‘Getting Worse’": the marks say the words are someone's)."""
    drafts: list[Draft] = []
    for start, end in view.sentence_bounds:
        colon = next(
            (k for k in range(start, min(end, start + MAX_HEADLINE_SPEAKER + 1))
             if view.words[k] == ":"),
            None,
        )  # fmt: skip
        if colon is None or colon == start or view.quoted[colon]:
            continue
        first, last = view.starts[start], view.ends[colon - 1]
        quoted = [view.quoted[k] for k in range(colon + 1, end) if view.words[k][:1].isalnum()]
        quoting = any(quoted) and not all(quoted)  # a quotation alone stays direct
        poll = any(view.lower[k] in POLL_NOUNS for k in range(start, colon))
        actor = any(m.start >= first and m.end <= last for m in mentions)
        headline = view.paragraph_of(first) == 0  # "Correction: …" in the body is no speaker
        if not (actor or (headline and (quoting or poll))):
            continue
        draft = _draft(view, colon + 1, end, None, (start, colon))
        if draft is not None:
            drafts.append(draft)
    return drafts


def poll_drafts(view: TokenView, dateline_end: int) -> list[Draft]:
    """ "In the latest CNN/ORC poll released Wednesday, he fell to 10 percent": a sentence that
    opens with a poll or survey after "In" reports what the poll found (the words after its
    comma, when they hold a verb); the poll is the source."""
    drafts: list[Draft] = []
    for number in range(len(view.sentence_bounds)):
        start, end = view.sentence_bounds[number]
        if start >= end:
            continue
        start, end = _sentence_range(view, start, dateline_end)
        if start >= end or view.lower[start] != "in" or view.quoted[start]:
            continue
        comma = next(
            (k for k in range(start + 1, min(end, start + MAX_POLL_SOURCE + 1))
             if view.words[k] == ","),
            None,
        )  # fmt: skip
        if comma is None or not any(view.lower[k] in POLL_NOUNS for k in range(start, comma)):
            continue
        if not view.has_verb(comma + 1, end):
            continue
        cue = Cue(start, start + 1, POLL_CUE)
        draft = _draft(view, comma + 1, end, cue, (start + 1, comma))
        if draft is not None:
            drafts.append(draft)
    return drafts


def poll_phrase_drafts(view: TokenView) -> list[Draft]:
    """ "Trump leads by 20 points in the latest poll": a clause whose verb takes "in" and a
    poll reports what the poll found (the clause up to "in"; with the parse only; the poll
    opening its sentence is ``poll_drafts``'s)."""
    if view.doc is None or not view.doc_index:
        return []
    drafts: list[Draft] = []
    for i, word in enumerate(view.lower):
        if word != "in" or view.quoted[i]:
            continue
        token = view.doc[view.doc_index[i]]
        noun = next((c for c in token.children if c.dep_ == "pobj"), None)
        verb = token.head
        if noun is None or noun.lower_ not in POLL_NOUNS or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.i > token.i or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        start = bisect.bisect_left(view.doc_index, verb.left_edge.i)
        if start >= i or view.sentence[start] != view.sentence[i]:
            continue
        end_word = bisect.bisect_right(view.doc_index, noun.right_edge.i)
        draft = _draft(view, start, i, Cue(i, i + 1, POLL_CUE), (i + 1, end_word))
        if draft is not None:
            drafts.append(draft)
    return drafts
