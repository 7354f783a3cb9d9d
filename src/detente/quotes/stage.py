"""The quote stage: quotations and reported speech with speaker, cue and spans.

It runs after the actor stage and reads ``doc._.mentions`` so that a speaker phrase ("he",
"the deputy minister", "Antonov") takes the entity and actor code of the mention it names,
resolved through the actors' coreference. The speech-cue lexicon is read once per process.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from ..actors.context import NOT_ARTICLE_TERMS
from ..actors.stage import SPAN_GROUP
from ..actors.vocab import HONORIFICS
from ..intervals import Overlaps
from ..model import Dateline, Mention, Quote
from .cues import SPEAKER_PRONOUNS, THIRD_PERSON, CueLexicon, cached_lexicon
from .extract import Attribution, Draft, direct_drafts, ends_reported_clause
from .indirect import (
    headline_drafts,
    indirect_drafts,
    interrupted_drafts,
    mixed_draft,
    poll_drafts,
    poll_phrase_drafts,
)
from .marks import QuotedSpan, quoted_spans
from .merge import one_per_utterance
from .speakers import link_mention, resolved_mention, speaker_of_cue
from .stance import named_as, stance_drafts
from .tokens import TokenView, find_cues, mark_quoted, token_view

#: Short words a title-case quotation may have in lower case ("Meet the Press").
TITLE_MINOR = frozenset(
    {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with"}
)
#: A quotation with no speaker this short (words) and not ended like a sentence is a label.
MAX_LABEL_WORDS = 3
#: Marks that end an utterance ("Too many.", "Out!", "Why?").
UTTERANCE_ENDS = frozenset({".", "!", "?", "…"})
#: A cue followed by these reports a circumstance, not a clause, before a partial quote.
CIRCUMSTANCE_PREPOSITIONS = frozenset({"in", "on", "at", "during", "with", "from", "via", "after"})
#: Words that open a sentence but no lead-in to a quotation ("But “…,” he said").
LEAD_IN_SKIPS = frozenset({"but", "and", "so", "yet", "or"})
#: Words a lead-in needs ("Still, “…”" is no part of what was said).
MIN_LEAD_IN = 3
#: Pronouns that stand for one person: a later "he" is the last person named as a speaker.
PERSON_PRONOUNS = frozenset({"he", "she"})
#: Cues that name what their object is ("described the plan as “a disaster”"): the words
#: they report end at the last closing mark, not with the circumstance after it ("... “a
#: disaster” during a rally in Flint").
NAMING_LEMMAS = frozenset(
    {"call", "describe", "characterise", "criticise", "criticize", "blast", "dismiss", "slam",
     "attack", "praise", "denounce", "condemn", "accuse", "label", "brand", "dub"}
)  # fmt: skip
#: Words after a naming cue's last closing mark that open a circumstance or the writer's
#: comment: when, where, on what occasion, a dash, another clause.
CIRCUMSTANCE_OPENERS = frozenset(
    {"during", "after", "before", "on", "at", "in", "while", "when", "as", "but", "and", "—",
     "--", "–", "since", "amid", "over", "last", "this", "yesterday", "today"}
)  # fmt: skip
#: Manifest name of the speech-cue list.
MANIFEST_NAME = "quotes"


class QuoteStage:
    """Finds direct, partial and indirect quotations and who said them."""

    name = "detente_quotes_v1"

    def __init__(self, cues_path: str = "") -> None:
        self.lexicon: CueLexicon = cached_lexicon(cues_path)
        self.dictionaries: tuple[str, ...] = (MANIFEST_NAME,) if not cues_path else ()

    def __call__(self, doc: Doc) -> Doc:
        quotes = tuple(self.find(doc))
        doc._.quotes = quotes
        doc._.mentions = speakers_bodies(quotes, doc._.mentions)
        added = first_person_mentions(doc, quotes, doc._.mentions)
        if added:
            doc._.mentions = tuple(sorted((*doc._.mentions, *added), key=lambda m: m.start))
            if SPAN_GROUP in doc.spans:
                group = list(doc.spans[SPAN_GROUP])
                for m in added:
                    span = doc.char_span(m.start, m.end, label=m.code or m.kind)
                    if span is not None:
                        group.append(span)
                doc.spans[SPAN_GROUP] = sorted(group, key=lambda s: s.start)
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        article = doc._.article
        text = article.text if article is not None else doc.text
        mentions: list[Mention] = list(doc._.mentions)
        dateline: Dateline | None = doc._.dateline
        view = token_view(doc, text)
        if not view.words:
            return []
        spans = quoted_spans(text, view.paragraphs)
        mark_quoted(view, spans)
        find_cues(view, self.lexicon)
        drafts = find_drafts(view, spans, mentions, dateline.end if dateline else -1)
        return to_quotes(view, drafts, mentions)


#: Lower-case words a proper name may hold ("Ursula von der Leyen", "Bashar al-Assad").
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "al", "bin", "la", "le"}
)

#: Sectors of a state's own bodies: without a country, inside a quotation they are the speaker's.
STATE_BODY_SECTORS = frozenset({"GOV", "LEG", "MIL", "COP", "JUD", "SPY"})


def speakers_bodies(
    quotes: tuple[Quote, ...], mentions: tuple[Mention, ...]
) -> tuple[Mention, ...]:
    """ "I am asking Congress to ...," Trump said: a state body named without a country in a
    direct quotation, or given only the article's country by inference, is the speaker's
    country's (inferred, and said so in ``role_applied``); never "the regime" or "the junta",
    which a speaker says of another state's rulers."""
    by_id = {m.id: m for m in mentions}
    by_span = Overlaps((m.start, m.end, m) for m in mentions)
    placed: dict[str, Mention] = {}
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention or "")
        parts = speakers_words(quote)
        if not parts or speaker is None or not speaker.country:
            continue
        for m in by_span.find(quote.start, quote.end):
            inside = any(a <= m.start and m.end <= b for a, b in parts)
            body = m.kind in ("sector", "description") and set(m.roles) & STATE_BODY_SECTORS
            guessed = "inferred: " in (m.role_applied or "")  # the article's country, a guess
            if not inside or not body or m.code is None or (m.country and not guessed):
                continue
            if m.text.lower().split()[-1] in NOT_ARTICLE_TERMS:
                continue  # "the regime", said by a US envoy: another state's government
            if m.country == speaker.country:
                continue
            note = f"country from context: inferred: the speaker's ({speaker.text!r})"
            roles = m.code[3:] if m.country else m.code
            placed[m.id] = replace(
                m,
                country=speaker.country,
                code=speaker.country + roles,
                role_applied=f"{m.role_applied}; {note}" if m.role_applied else note,
            )
    for m in mentions:  # "their advance" after "our forces": the pronoun follows its antecedent
        root = placed.get(m.antecedent or "")
        if m.kind == "pronoun" and root is not None and m.id not in placed and not m.country:
            placed[m.id] = replace(m, country=root.country, code=root.code)
    return tuple(placed.get(m.id, m) for m in mentions)


#: First-person words: inside a direct quotation they are its speaker.
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
#: Marks that open or close the quoted words of a partial quotation.
DOUBLE_MARKS = frozenset('"“”')


def speakers_words(quote: Quote) -> list[tuple[int, int]]:
    """The character ranges the speaker wrote: all of a direct quotation; of a partial one,
    the words between its quotation marks (""Our forces are advancing" near Basra, it said":
    "Our forces", not the reporter's "near Basra")."""
    if quote.kind == "direct":
        return [(quote.start, quote.end)]
    if quote.kind != "partial":
        return []
    marks = [quote.start + i for i, c in enumerate(quote.text) if c in DOUBLE_MARKS]
    return [(a + 1, b) for a, b in zip(marks[::2], marks[1::2], strict=False)]


def first_person_mentions(
    doc: Doc, quotes: tuple[Quote, ...], mentions: tuple[Mention, ...]
) -> list[Mention]:
    """ "We have always appealed to Iraq and Iran," the prince said: the "we" of a direct
    quotation is its speaker's actor (a mention resolved to the speaker, stage "quotes"), so
    that the event coder, which runs next, codes the speaker's acts and words."""
    by_id = {m.id: m for m in mentions}
    taken = [(m.start, m.end) for m in mentions]
    starts = [sent.start for sent in doc.sents if any(not t.is_space for t in sent)]
    added: list[Mention] = []
    number = len(mentions)
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention or "")
        parts = speakers_words(quote)
        if not parts or speaker is None or not speaker.code:
            continue
        for token in doc.char_span(quote.start, quote.end, alignment_mode="expand") or ():
            if token.lower_ not in FIRST_PERSON or (token.lower_ == "us" and token.text == "US"):
                continue
            start, end = token.idx, token.idx + len(token.text)
            if not any(a <= start and end <= b for a, b in parts):
                continue
            if any(a < end and start < b for a, b in taken):
                continue
            added.append(
                Mention(
                    id=f"m{number}",
                    sentence=bisect.bisect_right(starts, token.i) - 1,
                    start=start,
                    end=end,
                    text=token.text,
                    code=speaker.code,
                    country=speaker.country,
                    roles=speaker.roles,
                    kind="pronoun",
                    entity_id=speaker.entity_id,
                    entity_name=speaker.entity_name,
                    antecedent=speaker.id,
                    resolution=f"first person in a quotation by {speaker.text!r}",
                    stage="quotes",
                )
            )
            number += 1
    return added


def find_drafts(
    view: TokenView, spans: list[QuotedSpan], mentions: list[Mention], dateline_end: int
) -> list[Draft]:
    """Every quotation and reported clause, attributed where the rules allow."""
    quoted, used = direct_drafts(view, spans)
    indirect = indirect_drafts(view, used, dateline_end)
    indirect += interrupted_drafts(view, quoted, dateline_end)
    indirect += [
        d for d in headline_drafts(view, mentions) if not any(_overlaps(d, o) for o in indirect)
    ]
    indirect += [
        d for d in poll_drafts(view, dateline_end) if not any(_overlaps(d, o) for o in indirect)
    ]
    indirect += [d for d in poll_phrase_drafts(view) if not any(_overlaps(d, o) for o in indirect)]
    taken = used | {
        d.attribution.cue.start for d in indirect if d.attribution and d.attribution.cue
    }
    indirect += [
        d for d in stance_drafts(view, taken) if not any(_overlaps(d, o) for o in indirect)
    ]
    quoted = [_opens_reported_clause(d, indirect) for d in quoted]
    indirect = [
        d
        for d in indirect
        if not any(_covers(q, d) and not _same_cue(q, d) for q in quoted if q.kind == "direct")
    ]
    kept: list[Draft] = []
    for draft in quoted:
        if draft.kind == "partial":
            attribution, clause = _partial_attribution(view, draft, indirect)
            if attribution is None and _ends_clause(view, draft):
                draft = replace(draft, kind="direct")  # its clause not found: the quotation
            elif attribution is None:
                named = named_as(view, view.token_at(draft.start))
                if named is None:
                    continue  # a scare quote
                draft = replace(draft, attribution=named.attribution)
                indirect.append(named)
            else:
                draft = replace(draft, attribution=attribution)
            if clause is not None:
                indirect.append(clause)
        kept.append(draft)
    indirect = [_named_ends_at_mark(view, d) for d in indirect]
    kept = [_with_lead_in(view, d) for d in kept]
    unique = {(d.start, d.end, d.kind): d for d in kept + indirect}
    drafts = sorted(unique.values(), key=lambda d: (d.start, d.end))
    filled = _fill_from_context(view, spans, drafts)
    kept = [d for d in filled if _attributed(d) or not _is_label(view.text[d.start : d.end])]
    return one_per_utterance(kept, view.text)


def _opens_reported_clause(draft: Draft, indirect: list[Draft]) -> Draft:
    """ "“You squeezed the fishermen” to raise the fees, she said": a quotation with no cue of
    its own that opens a reported clause going on past its closing mark takes the clause's
    attribution, so that the clause, marks included, is one record (merged as ``partial``)."""
    if draft.kind != "direct" or _attributed(draft):
        return draft
    for clause in indirect:
        cue = clause.attribution.cue if clause.attribution else None
        if cue is None or not _attributed(clause) or clause.sentence != draft.sentence:
            continue
        if clause.start <= draft.start and draft.end < clause.end:
            return replace(draft, attribution=clause.attribution)
    return draft


def _with_lead_in(view: TokenView, draft: Draft) -> Draft:
    """ "With thousands of voting systems, “there is no single point of failure,” he said":
    the words that open the sentence of a quotation whose cue follows it are part of what was
    said (``partial``, from the sentence's start), unless they hold a cue, a quotation or a
    colon of their own (a coordinator opening the sentence is left out: "But …")."""
    cue = draft.attribution.cue if draft.attribution else None
    if draft.kind != "direct" or cue is None or view.starts[cue.start] < draft.end:
        return draft
    mark = view.token_at(draft.start) - 1
    start = view.sentence_bounds[view.sentence[mark]][0]
    if start >= mark or view.paragraph_of(view.starts[start]) != view.paragraph_of(draft.start):
        return draft
    if view.lower[start] in LEAD_IN_SKIPS:
        start += 1
    words = range(start, mark)
    if sum(1 for k in words if view.words[k][:1].isalnum()) < MIN_LEAD_IN:
        return draft
    cue_words = set(view.cue_starts)
    if view.words[mark - 1] == ":" or any(
        view.quoted[k] or view.is_mark(k) or k in cue_words for k in words
    ):
        return draft
    closing = view.token_at(draft.end)
    end = view.ends[closing] if view.is_mark(closing) else draft.end
    return replace(draft, start=view.starts[start], end=end, kind="partial")


def _same_cue(a: Draft, b: Draft) -> bool:
    cue = a.attribution.cue if a.attribution else None
    return cue is not None and b.attribution is not None and b.attribution.cue == cue


def _named_ends_at_mark(view: TokenView, draft: Draft) -> Draft:
    """The words of a naming cue end at the last closing mark inside them: "criticized the law
    as a “crazy system” during a stop in Flint" → "the law as a “crazy system”"."""
    cue = draft.attribution.cue if draft.attribution else None
    if cue is None or cue.form.lemma not in NAMING_LEMMAS:
        return draft
    first, last = view.token_at(draft.start), view.token_before(draft.end)
    closing = next((k for k in range(last, first, -1) if view.quoted[k] and view.is_mark(k)), None)
    if closing is None or closing == last:
        return draft
    after = closing + 1
    if view.words[after] == ",":
        after += 1
    if view.lower[after] not in CIRCUMSTANCE_OPENERS and view.tag(after) != "NNP":
        return draft  # '“significant difference,” in private practice': still the words
    return replace(draft, end=view.ends[closing])


def _ends_clause(view: TokenView, draft: Draft) -> bool:
    first = view.token_at(draft.start) - 1  # the opening mark
    return ends_reported_clause(view, first, view.sentence_bounds[view.sentence[first]][0])


def _overlaps(a: Draft, b: Draft) -> bool:
    return a.start < b.end and b.start < a.end


def _covers(quote: Draft, other: Draft) -> bool:
    """A reported clause that is mostly a direct quotation is that quotation."""
    overlap = min(quote.end, other.end) - max(quote.start, other.start)
    return overlap > 0.5 * (other.end - other.start)


def _partial_attribution(
    view: TokenView, draft: Draft, indirect: list[Draft]
) -> tuple[Attribution | None, Draft | None]:
    """The reported speech around a partial quote, found or made from its sentence's cue."""
    around = [o for o in indirect if o.start <= draft.start and draft.end <= o.end]
    if around:  # the outermost clause: "Trump said he believes X was “a mistake”"
        return min(around, key=lambda o: o.start).attribution, None
    first = view.token_at(draft.start)
    start, end = view.sentence_bounds[view.sentence[first]]
    low, high = bisect.bisect_left(view.cue_starts, start), bisect.bisect_left(view.cue_starts, end)
    cues = view.cues[low:high]
    ordered = [c for c in reversed(cues) if c.start < first] + [c for c in cues if c.start > first]
    if _is_title(view.text[draft.start : draft.end]):
        return None, None  # a show, book or slogan named in quotation marks
    for cue in ordered:
        speaker, _ = speaker_of_cue(view, cue, start, end)
        if speaker is not None:
            if cue.start < first and _after_preposition(view, cue.end, first):
                return None, None  # "said in an interview with “Meet the Press”"
            clause = mixed_draft(view, cue, speaker, first)
            attribution = Attribution(cue, speaker)
            if clause is not None and not (clause.start <= draft.start < clause.end):
                clause = None
            return attribution, clause
    return None, None


def _is_title(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in TITLE_MINOR)


def _is_label(text: str) -> bool:
    """A quotation with no speaker that is a title ("Meet the Press") or a few words that say
    nothing as an utterance ("proven failure", "Stay or pay"): a name or a label, not a quote;
    "Too many." and "Out!" are said."""
    words = text.split()
    short = len(words) <= MAX_LABEL_WORDS and text.rstrip()[-1:] not in UTTERANCE_ENDS
    return _is_title(text) or short


def _after_preposition(view: TokenView, cue_end: int, quote_at: int) -> bool:
    """The words from the cue to the quote are a circumstance ("in an interview with")."""
    return cue_end < quote_at and view.lower[cue_end] in CIRCUMSTANCE_PREPOSITIONS


def _fill_from_context(
    view: TokenView, spans: list[QuotedSpan], drafts: list[Draft]
) -> list[Draft]:
    """Unattributed quotes: the paragraph's nearest attribution, else the previous quote's."""
    paragraph = [view.paragraph_of(d.start) for d in drafts]
    members: dict[int, list[int]] = {}
    for j, number in enumerate(paragraph):
        members.setdefault(number, []).append(j)
    out = list(drafts)
    for i, draft in enumerate(drafts):
        if draft.attribution is not None and draft.attribution.speaker is not None:
            continue
        same = [j for j in members[paragraph[i]] if j != i and _attributed(out[j])]
        before = [j for j in same if out[j].start < draft.start]
        quoted_before = [j for j in before if out[j].quote_index is not None]
        if draft.quote_index is not None and quoted_before:
            before = quoted_before  # a quotation goes on from the last quotation's speaker
        if draft.quote_index is not None and not before:
            introduced = _introduced_by_colon(view, spans[draft.quote_index])
            if introduced is not None:
                out[i] = replace(draft, attribution=introduced)
                continue
        after = [j for j in same if out[j].start > draft.start]
        source: int | None = before[-1] if before else (after[0] if after else None)
        if source is None and draft.quote_index is not None:
            source = _previous_paragraph_quote(view, spans, out, paragraph, i)
        if source is None and draft.quote_index is not None:
            source = _continuation(spans, out, i)
        if source is not None:
            attribution = out[source].attribution
            if out[source].start > draft.start and attribution is not None:
                # a later cue is that quote's own: this one only borrows its speaker
                attribution = Attribution(None, attribution.speaker)
            out[i] = replace(draft, attribution=attribution)
    return out


def _introduced_by_colon(view: TokenView, span: QuotedSpan) -> Attribution | None:
    """ "As the foundation's website notes:" ending a paragraph, then a quotation opening the
    next: the quotation is what the cue before the colon introduces (and the paragraphs of
    quotation after it go on with it)."""
    if span.open_at != view.paragraphs[span.paragraph][0]:
        return None
    colon = view.token_at(span.open_at) - 1
    if (
        colon < 0
        or view.words[colon] != ":"
        or view.paragraph_of(view.starts[colon]) == span.paragraph
    ):
        return None
    start, _ = view.sentence_bounds[view.sentence[colon]]
    low, high = (
        bisect.bisect_left(view.cue_starts, start),
        bisect.bisect_left(view.cue_starts, colon),
    )
    for cue in reversed(view.cues[low:high]):
        speaker, _ = speaker_of_cue(view, cue, start, colon)
        if speaker is not None:
            return Attribution(cue, speaker)
    return None


def _continuation(spans: list[QuotedSpan], drafts: list[Draft], i: int) -> int | None:
    """A quote left open at its paragraph's end takes the speaker named where it goes on."""
    index = drafts[i].quote_index
    for j in range(i + 1, len(drafts)):
        other = drafts[j].quote_index
        if other is not None and spans[other].continues == index:
            if _attributed(drafts[j]):
                return j
            index = other  # continued again: follow the chain
    return None


def _attributed(draft: Draft) -> bool:
    return draft.attribution is not None and draft.attribution.speaker is not None


def _previous_paragraph_quote(
    view: TokenView, spans: list[QuotedSpan], drafts: list[Draft], paragraph: list[int], i: int
) -> int | None:
    """A quote continued from, or opening the paragraph after, an attributed quote."""
    span = spans[drafts[i].quote_index]  # type: ignore[index]
    para_start = view.paragraphs[span.paragraph][0]
    if span.continues is None and span.open_at != para_start:
        return None
    previous = [j for j in range(i) if paragraph[j] == paragraph[i] - 1]
    if not previous:
        return None
    last = previous[-1]
    if drafts[last].quote_index is None or not _attributed(drafts[last]):
        return None
    return last


def to_quotes(view: TokenView, drafts: list[Draft], mentions: list[Mention]) -> list[Quote]:
    """Frozen records; a speaker's entity and code come from the mention it names."""
    by_id = {m.id: m for m in mentions}
    quotes: list[Quote] = []
    for draft in drafts:
        fields = _speaker_fields(view, draft.attribution, mentions, by_id, quotes)
        quotes.append(
            Quote(
                id=f"q{len(quotes)}",
                start=draft.start,
                end=draft.end,
                text=view.text[draft.start : draft.end],
                kind=draft.kind,
                sentence=draft.sentence,
                **fields,
            )
        )
    return quotes


def _speaker_fields(
    view: TokenView,
    attribution: Attribution | None,
    mentions: list[Mention],
    by_id: dict[str, Mention],
    earlier: list[Quote],
) -> dict[str, Any]:
    if attribution is None:
        return {}
    fields: dict[str, Any] = {}
    cue = attribution.cue
    if cue is not None:
        fields["cue"] = view.span_text(cue.start, cue.end)
        fields["cue_start"], fields["cue_end"] = view.starts[cue.start], view.ends[cue.end - 1]
    span = attribution.speaker
    if span is None:
        return fields
    start, end = view.starts[span[0]], view.ends[span[1] - 1]
    fields.update(speaker_text=view.text[start:end], speaker_start=start, speaker_end=end)
    mention = link_mention(view, span, mentions)
    pronoun = span[1] - span[0] == 1 and view.lower[span[0]] in THIRD_PERSON
    person = pronoun and view.lower[span[0]] in PERSON_PRONOUNS
    named = _last_named_speaker(earlier) if person else None
    if mention is not None:
        root = resolved_mention(mention, by_id)
        if _closer_speaker(named, mention, root):
            fields.update(_borrowed(named))  # type: ignore[arg-type]
            return fields
        fields["speaker_mention"] = mention.id
        fields["speaker_entity"] = mention.entity_id or root.entity_id
        fields["speaker_code"] = mention.code or root.code
        fields["speaker_name"] = mention.entity_name or root.entity_name
    if fields.get("speaker_name") is None and not pronoun:
        fields["speaker_name"] = _written_name(fields["speaker_text"], earlier)
    return fields  # a pronoun no mention resolves stays unresolved: no guess


def _written_name(text: str, earlier: list[Quote]) -> str | None:
    """A speaker the dictionary does not know, by the name written: "Robby Mook"; a later
    "Mook" (or "Mr. Mook") takes the full name an earlier quote gave. A phrase that is not a
    proper name ("a spokesman", "officials") names nobody."""
    words = [w for w in text.replace(",", " ").split() if w]
    if not words or not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
        return None
    if words[0].lower() in SPEAKER_PRONOUNS or words[0].lower() in THIRD_PERSON:
        return None
    name = [w for w in words if w not in HONORIFICS]  # "Mr. Mook" is Mook
    if len(name) == 1:  # a surname alone: the full name an earlier quote gave it
        for quote in reversed(earlier):
            full = quote.speaker_name
            if full and len(full.split()) > 1 and full.split()[-1] == name[0]:
                return full
    return " ".join(name) or None


def _last_named_speaker(quotes: list[Quote]) -> Quote | None:
    """The last quote whose speaker is a name as written ("Robby Mook", "Trump's aide"),
    known to the actor dictionary or not: what a later "he" most likely refers to."""
    for quote in reversed(quotes):
        text = quote.speaker_text or ""
        if text.lower() in THIRD_PERSON or text.lower() in SPEAKER_PRONOUNS:
            continue
        if any(w[:1].isupper() for w in text.split()):
            return quote
    return None


def _closer_speaker(named: Quote | None, mention: Mention, root: Mention) -> bool:
    """A pronoun the actors' coreference tied to a known person further back, while another
    named speaker (often one not in the dictionary) spoke since: the pronoun is that one's."""
    if named is None or named.speaker_start is None or mention.kind != "pronoun":
        return False
    if named.speaker_entity and named.speaker_entity == root.entity_id:
        return False
    return root.start < named.speaker_start < mention.start or root is mention


def _borrowed(named: Quote) -> dict[str, Any]:
    return {
        "speaker_mention": named.speaker_mention,
        "speaker_entity": named.speaker_entity,
        "speaker_code": named.speaker_code,
        "speaker_name": named.speaker_name,
    }
