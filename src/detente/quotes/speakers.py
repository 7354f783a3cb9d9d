"""Who is speaking: the phrase beside a cue, and the actor mention it names.

Without a parser the speaker is read off the words around the cue: before it ("he
stressed", "the deputy minister added"; an apposition between is skipped: "Antonov, who led
the delegation, said"), else after it ("said Antonov"; "according to the ministry"). The
phrase stops at punctuation, quotation marks and the closed-class words in ``SPEAKER_STOPS``.
The mention that the phrase overlaps gives the entity and actor code, through the actor
stage's coreference for pronouns and descriptions.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Mention
from .cues import (
    ADVERBS,
    COORDINATORS,
    MAX_APPOSITION_TOKENS,
    MAX_SPEAKER_TOKENS,
    MODALS,
    MONTHS,
    NOT_CLAUSE_STARTS,
    NOUN_KINDS,
    POSSESSIVE_PRONOUNS,
    SPEAKER_PRONOUNS,
    SPEAKER_STOPS,
    TIME_NOUNS,
    TIME_OPENERS,
    WEEKDAYS,
)
from .tokens import Cue, TokenView, possessor

#: Mention kinds that can speak, best first, when a speaker phrase overlaps several.
SPEAKING_KINDS = ("person", "pronoun", "description", "sector", "igo", "group", "metonym",
                  "country")  # fmt: skip
#: A parenthesis between a speaker and the cue is at most this long ("(D-Ore.)", "(R-Texas)").
MAX_PARENTHESIS_TOKENS = 8
#: Words that may open a speaker phrase read after the cue ("said the minister").
FORWARD_OPENERS = frozenset({"the", "a", "an", "one", "another", "some", "many", "two", "three"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker phrase (token range) and the mention it names, if any."""

    start: int
    end: int
    mention: Mention | None = None
    resolved: Mention | None = None  # the mention whose entity and code the speaker takes


def _stop(view: TokenView, i: int) -> bool:
    if view.words[i] == "-" and 0 < i < len(view.words) - 1:  # "film-maker Alexandra Shiva"
        joined = view.ends[i - 1] == view.starts[i] and view.ends[i] == view.starts[i + 1]
        if joined:
            return False
    return view.quoted[i] or view.is_punct(i) or view.lower[i] in SPEAKER_STOPS


def _skip_apposition(view: TokenView, end: int, floor: int) -> int | None:
    """End of the phrase before ", who led the delegation," (None when there is none)."""
    k = end - 2
    lowest = max(floor, end - 1 - MAX_APPOSITION_TOKENS)
    while k >= lowest and view.words[k] != "," and not view.quoted[k]:
        if view.words[k] in (".", ";", ":"):
            return None
        k -= 1
    if k < lowest or view.words[k] != "," or k == end - 1:
        return None
    if view.main_clause(k + 1, end - 1):
        return None  # "…, the race will be tight, said X": a clause, not an apposition
    return k


def _skip_parenthesis(view: TokenView, end: int, floor: int) -> int:
    """The start of a parenthesis ending at ``end`` (``end`` itself when there is none)."""
    for k in range(end - 2, max(floor, end - 1 - MAX_PARENTHESIS_TOKENS) - 1, -1):
        if view.words[k] == "(":
            return k
        if view.words[k] == ")" or view.quoted[k]:
            break
    return end


def _adverb(view: TokenView, i: int) -> bool:
    """An adverb or modal between speaker and cue ("he truly believed", "she can deny")."""
    word = view.words[i]
    lower = view.lower[i]
    if lower in ADVERBS or lower in MODALS:
        return True
    return len(word) > 4 and word.islower() and word.isalpha() and lower.endswith("ly")


def _time_word(view: TokenView, i: int) -> bool:
    """A time noun ("month", "evening") or a weekday; "Day" as a name is none."""
    return view.lower[i] in TIME_NOUNS and (view.words[i].islower() or view.lower[i] in WEEKDAYS)


def _after_time_phrase(view: TokenView, start: int, end: int) -> int:
    """Past a time phrase opening a speaker phrase ("[last] month Donald Trump said", "the
    year ..."): a time is no speaker."""
    k = start
    while k < end and (view.lower[k] in TIME_OPENERS or view.lower[k] in FORWARD_OPENERS):
        k += 1
    if k < end and view.lower[k] in TIME_NOUNS and (k > start or view.words[k].islower()):
        return k + 1  # "Day said": a name, not a time
    if k + 1 < end and view.lower[k] in MONTHS:
        return k + 1  # "[In] January Secretary of State George Shultz told"
    return start


def speaker_before(view: TokenView, cue_start: int, floor: int) -> tuple[int, int] | None:
    """The phrase ending right before a cue (adverbs and an apposition skipped); for a cue
    joined to an earlier one ("X said A and repeatedly said B"), that one's speaker."""
    end = cue_start
    while end - 1 >= floor and _adverb(view, end - 1) and view.lower[end - 1] != "it":
        end -= 1
    if end - 1 >= floor and view.lower[end - 1] in COORDINATORS:
        coordinated = _coordinated_speaker(view, end - 1, floor)
        return coordinated or view.inherited_subject(cue_start, floor)  # "survived and says"
    after_comma = end - 1 >= floor and view.words[end - 1] == ","
    subject = view.participle_subject(cue_start, floor, after_comma)
    if subject is not None:  # "he mocked Bush, calling him", "a brief statement saying"
        return subject
    if end - 2 >= floor and _time_word(view, end - 1):
        # "A judge last month ordered", "Spicer on Thursday evening said"
        while end - 2 >= floor and (
            _time_word(view, end - 1) or view.lower[end - 1] in TIME_OPENERS
        ):
            end -= 1
        while end - 1 >= floor and _adverb(view, end - 1) and view.lower[end - 1] != "it":
            end -= 1
    if end - 1 >= floor and view.words[end - 1] == ")":
        end = _skip_parenthesis(view, end, floor)  # "Rep. Earl Blumenauer (D-Ore.) said"
    if end - 1 >= floor and view.words[end - 1] == ",":
        skipped = _skip_apposition(view, end, floor)
        if skipped is None:  # "Mr. Manafort, citing “the magic of Trump,” said"
            return view.own_subject(cue_start, floor)
        end = skipped
    if end - 1 >= floor and view.lower[end - 1] in SPEAKER_PRONOUNS:
        return end - 1, end
    start = end
    while start - 1 >= floor and end - start < MAX_SPEAKER_TOKENS and not _stop(view, start - 1):
        start -= 1
    start = _after_time_phrase(view, start, end)
    if start == end:  # nothing readable before the cue ("citing “…,” said"): the parse's
        return view.own_subject(cue_start, floor)
    if not view.names_someone(start, end):
        return None
    if end - start >= MAX_SPEAKER_TOKENS and start - 1 >= floor and not _stop(view, start - 1):
        return None  # no boundary in reach: a clause, not a name
    before = view.lower[start - 1] if start - 1 >= floor else ""
    if before in SPEAKER_STOPS and before not in COORDINATORS:
        # "The head of the delegation to ... said"; "Her father, speaking from Sunamganj
        # district, north-east Bangladesh, also accused": the place is no speaker
        subject = view.own_subject(cue_start, floor)
        if subject is not None and subject[1] <= start:
            return subject
    return start, end


def coordinated(view: TokenView, cue_start: int, floor: int) -> bool:
    """Whether "and"/"but" (adverbs between) joins the cue to what precedes it."""
    end = cue_start
    while end - 1 >= floor and _adverb(view, end - 1) and view.lower[end - 1] != "it":
        end -= 1
    return end - 1 >= floor and view.lower[end - 1] in COORDINATORS


def _coordinated_speaker(view: TokenView, joiner: int, floor: int) -> tuple[int, int] | None:
    """The speaker of the nearest earlier cue of the sentence that has one before it."""
    earlier = bisect.bisect_right(view.cue_starts, joiner)  # cues starting after it can't do
    for cue in reversed(view.cues[:earlier]):
        if cue.end > joiner:
            continue
        if cue.start < floor:
            break
        if view.sentence[cue.start] != view.sentence[joiner] or cue.source_after:
            continue
        return speaker_before(view, cue.start, floor)
    return None


def speaker_after(
    view: TokenView, cue_end: int, ceiling: int, any_case: bool = False
) -> tuple[int, int] | None:
    """The phrase right after a cue ("said Antonov, who ...", "according to X,"); with
    ``any_case`` it may open in lower case (right after a quotation: "said undecided voter")."""
    if cue_end >= ceiling:
        return None
    first = view.words[cue_end]
    opener = first[:1].isupper() or view.lower[cue_end] in FORWARD_OPENERS or any_case
    if view.lower[cue_end] in SPEAKER_PRONOUNS:
        return cue_end, cue_end + 1
    if not opener or view.lower[cue_end] in NOT_CLAUSE_STARTS:
        return None
    end = cue_end
    while end < ceiling and end - cue_end < MAX_SPEAKER_TOKENS and not _stop(view, end):
        end += 1
    if end == cue_end or view.subject_of_later_verb(cue_end, end):
        return None  # "said the candidate could be ...": a clause, not a speaker
    return cue_end, end


def noun_speaker(view: TokenView, cue: Cue, floor: int) -> tuple[int, int] | None:
    """The owner of a noun cue: "his" in "his claim that", "James Comey" in "FBI Director
    James Comey's conclusion that"."""
    k = possessor(view, cue)
    if k < floor:
        return None
    if view.lower[k] in POSSESSIVE_PRONOUNS:
        return k, k + 1
    phrase = view.phrase_of(k)  # by the parse: the noun phrase the possessor heads
    if phrase is not None and phrase[0] >= floor:
        return phrase
    return speaker_before(view, k + 1, floor)


def speaker_of_cue(
    view: TokenView, cue: Cue, floor: int, ceiling: int
) -> tuple[tuple[int, int] | None, bool]:
    """The speaker phrase of a cue and whether it follows the cue."""
    if cue.form.kind in NOUN_KINDS:
        return noun_speaker(view, cue, floor), False
    if cue.source_after:
        return speaker_after(view, cue.end, ceiling, any_case=True), True
    before = speaker_before(view, cue.start, floor)
    if before is not None:
        return before, False
    return speaker_after(view, cue.end, ceiling), True


def _rank(mention: Mention) -> int:
    kind = mention.kind
    return SPEAKING_KINDS.index(kind) if kind in SPEAKING_KINDS else len(SPEAKING_KINDS)


def link_mention(view: TokenView, span: tuple[int, int], mentions: list[Mention]) -> Mention | None:
    """The mention inside a speaker phrase: the best speaking kind, then the last one."""
    start, end = view.starts[span[0]], view.ends[span[1] - 1]
    inside = [m for m in mentions if m.start < end and m.end > start]
    if not inside:
        return None
    return min(inside, key=lambda m: (_rank(m), -m.start))


def resolved_mention(mention: Mention, by_id: dict[str, Mention]) -> Mention:
    """Follow antecedents to the mention that names the entity."""
    seen = set()
    while mention.antecedent and mention.antecedent in by_id and mention.id not in seen:
        seen.add(mention.id)
        mention = by_id[mention.antecedent]
    return mention
