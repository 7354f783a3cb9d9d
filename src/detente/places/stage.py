"""The place stage: geocode the names of places, the dateline's place and each event's place.

Order of work per article: find every gazetteer name in the text (longest first, at token
boundaries); drop those that are not places here (capitals standing for their government,
parts of organisation names and hyphenated compounds, common words without a locative
preposition); gather the article's evidence (places and actor mentions by country); choose one
reading per name; add the dateline's place; give each event the place it happened in.

Event location: the locative place ("in Brussels", "held at Geneva") of the event's own
sentence nearest its predicate, outside the source and target. Military force coded without a
target takes the country of its location as its target when that is another country than the
source's ("Iran launched attacks near Basra": Iran against Iraq; ``target_path`` says
"place:Basra"). When that sentence names no
place at all and it is the dateline's sentence (the lead), the dateline's place stands in: the
filing city is then the only evidence. Otherwise the event has no location; the dateline is
never used for an event reported in a sentence that names another place.

Force that is still without a target after that takes the other side of the article's war: when
the article codes force between the source's country and exactly one other country ("Iraq said
its troops repelled an Iranian attack"), a targetless "Iran launched its attack in the north"
is against Iraq (``target_path`` "article:IRQ").
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..actors.codes import sectors_of
from ..actors.recognize import names_an_accord
from ..events.visits import HERE
from ..intervals import Overlaps
from ..model import Dateline, Event, Mention, Place
from ..quotes.cues import cached_lexicon
from .gazetteer import Candidate, GazEntry, Gazetteer, cached_gazetteer
from .resolve import Evidence, choose
from .vocab import (
    ACTION_VERBS,
    COMMON_WORD_NAMES,
    LOCATIVE_MODIFIERS,
    LOCATIVE_PREPOSITIONS,
    MAX_LOCATIVE_MODIFIERS,
    ORGANISATION_HEADS,
    OTHER_PLACE_PREPOSITIONS,
    SPECIFICITY,
)

PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | OTHER_PLACE_PREPOSITIONS
#: Longest name tried, in tokens ("Democratic Republic of the Congo" is 5).
MAX_NAME_TOKENS = 8
#: Actor mentions whose span hides a place name inside a longer name, or is that name.
NAMED_ACTOR_KINDS = frozenset({"igo", "group", "organisation", "person"})
#: Words allowed between a capital and the verb that makes it an actor ("Moscow has warned").
VERB_FILLERS = frozenset({"also", "has", "have", "had", "again", "later", "then", "on", "publicly"})
#: CAMEO roots of material force whose target, when the text names none, is the country of the
#: place the force was used in (a targetless attack elsewhere is an attack on that country).
FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
#: The CAMEO root of consultation: its frames' target slot may hold the place visited.
CONSULT_ROOT = "04"
#: The code of a visit made: any place in the phrase where the frame wants its target names
#: the country visited ("visited a camp in northern Iraq"); other 04x frames only when that
#: phrase is the place's own name. Not 043: a host's target is its guest, never a place
#: ("hosted a conference", "received food").
VISIT_CODES = frozenset({"042"})
#: A visit the text says will happen is coded as the intent to meet (036), from a 042 frame.
SCHEDULED_MEETING = "036"
#: Sectors whose arrival somewhere is a deployment, not a visit ("peacekeepers arrived in
#: Monrovia", "fighter jets flew to Jaipur"): they take no country from a place.
DEPLOYED_SECTORS = frozenset({"MIL", "PKO", "REB", "UAF", "INS", "SPY"})
#: Organisation heads looked for after a name, over this many capitalised words.
ORGANISATION_HEAD_WINDOW = 3


@dataclass
class _Match:
    start: int  # token span
    end: int
    text: str
    readings: list[Candidate]
    sentence: int
    locative: bool = False
    qualifier: GazEntry | None = None
    chosen: Candidate | None = None


class PlaceStage:
    """Geocodes places; the gazetteer is built once (cached per process) when the stage is made."""

    name = "detente_places_v1"
    dictionaries: tuple[str, ...] = ("places",)

    def __init__(self, regions_path: str = "") -> None:
        self.gazetteer: Gazetteer = cached_gazetteer(regions_path)
        self.verbs = ACTION_VERBS | cached_lexicon().words()
        #: ISO 3166 → CAMEO where they differ (ROU → ROM).
        self.cameo_codes = cameo_codes(self.gazetteer.cameo_to_iso3)

    def __call__(self, doc: Doc) -> Doc:
        sentence_of = _sentence_index(doc)
        mentions: tuple[Mention, ...] = tuple(doc._.mentions)
        dateline: Dateline | None = doc._.dateline
        by_span = Overlaps((m.start, m.end, m) for m in mentions)
        matches = [m for m in self._scan(doc, sentence_of) if self._keep(doc, m, by_span)]
        if dateline is not None:
            matches = [m for m in matches if not _inside(doc, m, dateline.start, dateline.end)]
        evidence, own = self._evidence(doc, matches, mentions)
        for match in matches:
            match.chosen = choose(
                match.readings,
                evidence.without(own[id(match)]),
                self.gazetteer,
                match.qualifier,
                match.locative,
            )
        kept = [m for m in matches if m.chosen is not None and not self._metonym(doc, m)]
        places = [_place(doc, m) for m in kept]
        if dateline is not None:
            place = self._dateline_place(doc, dateline, evidence, sentence_of)
            if place is not None:
                places.append(place)
        places.sort(key=lambda p: (p.start, p.end))
        places = [dataclasses.replace(p, id=f"p{i}") for i, p in enumerate(places)]
        locative = {p.start for p in places if _is_locative_at(doc, p)}
        events, places = locate_events(
            tuple(doc._.events), places, mentions, locative, dateline, self.cameo_codes
        )
        doc._.places = tuple(places)
        doc._.events = target_from_article(events, mentions)
        return doc

    # --- finding names ------------------------------------------------------------------

    def _scan(self, doc: Doc, sentence_of: Callable[[int], int]) -> list[_Match]:
        """Longest gazetteer names starting at each token (left to right, no overlaps)."""
        gaz, text = self.gazetteer, doc.text
        words = [t.text for t in doc]
        n = len(words)
        found: list[_Match] = []
        i = 0
        while i < n:
            if words[i] not in gaz.first_words:
                i += 1
                continue
            begin, best = doc[i].idx, -1
            for j in range(i, min(n, i + MAX_NAME_TOKENS)):
                token = doc[j]
                if j > i and (token.is_sent_start or token.is_space):
                    break
                candidate = text[begin : token.idx + len(words[j])]
                if candidate not in gaz.prefixes:
                    break
                if candidate in gaz.names:
                    best = j
            if best < 0:
                i += 1
                continue
            name = text[begin : doc[best].idx + len(words[best])]
            found.append(_Match(i, best + 1, name, gaz.names[name], sentence_of(i)))
            i = best + 1
        for k, match in enumerate(found):
            match.locative = _locative(doc, match.start)
            if k + 1 < len(found):
                match.qualifier = _qualifier(doc, match, found[k + 1])
        return found

    def _keep(self, doc: Doc, match: _Match, mentions: Overlaps[Mention]) -> bool:
        """False for names that are not places here (metonyms, organisation names, words)."""
        start, end = doc[match.start].idx, doc[match.end - 1].idx + len(doc[match.end - 1])
        for m in mentions.find(start, end):
            if m.kind == "metonym" and not _after_place_preposition(doc, match.start):
                return False
            if m.kind in NAMED_ACTOR_KINDS and (m.end - m.start) > (end - start):
                return False
            if m.kind in NAMED_ACTOR_KINDS and not _after_place_preposition(doc, match.start):
                return False  # "Hamas" the group is no town in Germany; "in Duma" is a place
        if match.text in ORGANISATION_HEADS:
            return False
        if _in_compound(doc, match) or _organisation_name(doc, match):
            return False
        if names_an_accord(doc, match.start, match.end):  # "the Oslo accords", "the Geneva talks"
            return False
        return match.text not in COMMON_WORD_NAMES or match.locative or bool(match.qualifier)

    def _metonym(self, doc: Doc, match: _Match) -> bool:
        """A capital as the subject of a speech or action verb stands for its government."""
        if match.chosen is None or not match.chosen.entry.capital or match.locative:
            return False
        k = match.end
        while k < len(doc) and doc[k].lower_ in VERB_FILLERS and k < match.end + 2:
            k += 1
        return k < len(doc) and doc[k].lower_ in self.verbs

    # --- context ------------------------------------------------------------------------

    def _evidence(
        self, doc: Doc, matches: list[_Match], mentions: Sequence[Mention]
    ) -> tuple[Evidence, dict[int, Evidence]]:
        """The article's countries and ADM1s, and each name's own share of them."""
        total = Evidence()
        own: dict[int, Evidence] = {}
        spans = Overlaps(
            (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), m) for m in matches
        )
        for match in matches:
            mine = Evidence()
            mine.add_readings(match.readings)
            own[id(match)] = mine
            total.update(mine)
        for mention in mentions:
            if mention.kind == "pronoun" or not mention.country:
                continue
            if spans.find(mention.start, mention.end):
                continue  # the name itself: its readings already count (or disagree)
            iso3 = self.gazetteer.cameo_to_iso3.get(mention.country)
            if iso3:
                total.countries[iso3] += 1
        return total, own

    def _dateline_place(
        self,
        doc: Doc,
        dateline: Dateline,
        evidence: Evidence,
        sentence_of: Callable[[int], int],
    ) -> Place | None:
        written = dateline.place
        name = dateline.place_normalized or written
        if not written or not name:
            return None
        readings = self.gazetteer.lookup(name) or self.gazetteer.lookup(name.title())
        chosen = choose(readings, evidence, self.gazetteer, locative=True)
        if chosen is None:
            return None
        offset = dateline.text.find(written)
        start = dateline.start + max(offset, 0)
        token = doc.char_span(start, start + len(written), alignment_mode="expand")
        sentence = sentence_of(token.start) if token is not None else 0
        return _to_place(chosen.entry, start, start + len(written), written, sentence, "dateline")


def cameo_codes(cameo_to_iso3: Mapping[str, str]) -> dict[str, str]:
    """ISO 3166 codes whose CAMEO code differs (ROU → ROM, TLS → TMP); an ISO code that is
    itself some country's CAMEO code stays as it is."""
    out: dict[str, str] = {}
    for cameo, iso3 in sorted(cameo_to_iso3.items()):
        if cameo != iso3 and iso3 not in cameo_to_iso3 and iso3 not in out:
            out[iso3] = cameo
    return out


def _sentence_index(doc: Doc) -> Callable[[int], int]:
    """Token index → sentence number as the record counts them (blank sentences skipped)."""
    starts = [s.start for s in doc.sents if any(not t.is_space for t in s)]
    return lambda token: max(bisect.bisect_right(starts, token) - 1, 0)


def _inside(doc: Doc, match: _Match, start: int, end: int) -> bool:
    return start <= doc[match.start].idx < end


def _locative(doc: Doc, start: int) -> bool:
    """ "in Basra", "at the Kremlin", "in northern Syria", "in the semi-autonomous Kurdistan
    region": a locative preposition, then "the" and where in the place."""
    k = start - 1
    for _ in range(MAX_LOCATIVE_MODIFIERS):
        first = _word_start(doc, k)
        if k < 0 or doc[first : k + 1].text.lower() not in LOCATIVE_MODIFIERS:
            break
        k = first - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in LOCATIVE_PREPOSITIONS


def _word_start(doc: Doc, end: int) -> int:
    """The first token of the written word ending at token ``end`` ("semi-autonomous" is three
    tokens with no space between them)."""
    k = end
    while k > 0 and not doc[k - 1].whitespace_:
        k -= 1
    return k


def _after_place_preposition(doc: Doc, start: int) -> bool:
    """ "in Moscow", "a visit to Paris": a metonym's name used for the place itself."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in PLACE_PREPOSITIONS


def _is_locative_at(doc: Doc, place: Place) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and _locative(doc, span.start)


def _qualifier(doc: Doc, match: _Match, following: _Match) -> GazEntry | None:
    """ "Paris, Texas": the next name, right after a comma, read as an ADM1 or a country."""
    if following.start != match.end + 1 or doc[match.end].text != ",":
        return None
    for candidate in following.readings:
        if candidate.entry.feature in ("adm1", "country") and candidate.how != "context":
            return candidate.entry
    return None


def _in_compound(doc: Doc, match: _Match) -> bool:
    """ "Russia-NATO", "US-Russian": a name hyphenated to another name is a modifier."""
    after, before = match.end, match.start - 1
    joined_after = (
        after + 1 < len(doc)
        and doc[after].text == "-"
        and not doc[after - 1].whitespace_
        and doc[after + 1].text[:1].isupper()
    )
    joined_before = (
        before - 1 >= 0
        and doc[before].text == "-"
        and not doc[before - 1].whitespace_
        and doc[before - 1].text[:1].isupper()
    )
    return joined_after or joined_before


def _organisation_name(doc: Doc, match: _Match) -> bool:
    """ "the Lisbon Treaty", "Moscow State University": capitalised words up to a head noun."""
    k = match.end
    for _ in range(ORGANISATION_HEAD_WINDOW):
        if k >= len(doc) or not doc[k].text[:1].isupper():
            return False
        if doc[k].text in ORGANISATION_HEADS:
            return True
        k += 1
    return False


def _to_place(entry: GazEntry, start: int, end: int, text: str, sentence: int, role: str) -> Place:
    return Place(
        id="",
        start=start,
        end=end,
        text=text,
        name=entry.name,
        country=entry.country,
        adm1=entry.adm1,
        lat=entry.lat,
        lon=entry.lon,
        feature=entry.feature,
        gazetteer_id=entry.id,
        role=role,
        sentence=sentence,
    )


def _place(doc: Doc, match: _Match) -> Place:
    assert match.chosen is not None
    start = doc[match.start].idx
    end = doc[match.end - 1].idx + len(doc[match.end - 1])
    return _to_place(match.chosen.entry, start, end, match.text, match.sentence, "mention")


def locate_events(
    events: tuple[Event, ...],
    places: list[Place],
    mentions: Sequence[Mention],
    locative: set[int],
    dateline: Dateline | None,
    codes: Mapping[str, str] | None = None,
) -> tuple[tuple[Event, ...], list[Place]]:
    """Each event's location (see the module docstring); places used so get role "event".
    ``codes`` maps a place's ISO 3166 country to its CAMEO code for targets (ROU is ROM)."""
    spans = {m.id: (m.start, m.end) for m in mentions}
    dateline_place = next((p for p in places if p.role == "dateline"), None)
    used: set[str] = set()
    out = []
    for event in events:
        actors = [spans[i] for i in (event.source_mention, event.target_mention) if i in spans]
        in_sentence = [p for p in places if p.sentence == event.sentence and p.role != "dateline"]
        options = [
            p
            for p in in_sentence
            if p.start in locative and not any(s <= p.start < e for s, e in actors)
        ]
        location: str | None = None
        if options:
            best = min(
                options,
                key=lambda p: (_distance(p, event), -SPECIFICITY.get(p.feature or "", 0)),
            )
            location = best.id
            used.add(best.id)
        elif (
            not in_sentence
            and dateline_place is not None
            and dateline_place.sentence == event.sentence
        ):
            location = dateline_place.id
        named = _named_place(event, in_sentence)
        if named is not None:  # "Turkish troops occupied Afrin": the place is the target
            used.add(named.id)
            event = _target_from_place(event, _in_cameo(named, codes), "object")
            location = location or named.id
        elif dateline_place is not None and (not in_sentence or event.target_text == HERE):
            event = _visit_here(event, _in_cameo(dateline_place, codes))  # "here on a visit"
        if location is None:
            out.append(event)
            continue
        chosen = next(p for p in places if p.id == location)
        located = dataclasses.replace(event, location=location)
        out.append(_target_from_place(located, _in_cameo(chosen, codes)))
    places = [
        dataclasses.replace(p, role="event") if p.id in used and p.role == "mention" else p
        for p in places
    ]
    return tuple(out), places


def _in_cameo(place: Place, codes: Mapping[str, str] | None) -> Place:
    """The place with its country as CAMEO codes it, to compare with and give actors' codes."""
    if not codes or not place.country or place.country not in codes:
        return place
    return dataclasses.replace(place, country=codes[place.country])


def _visiting(event: Event) -> bool:
    """A visit, made or scheduled ("Shultz will travel to Moscow next week": 036 from a visit
    frame), whose destination may be a place."""
    if event.code in VISIT_CODES:
        return True
    return event.code == SCHEDULED_MEETING and "<042:" in (event.pattern_id or "")


def _named_place(event: Event, places: list[Place]) -> Place | None:
    """The place a force frame named where it wanted its target ("shelled Afrin", "Raqqa was
    occupied by Isis"): the event stage leaves that phrase in ``target_text`` with no mention."""
    if event.target_code or event.target_mention or not event.target_text:
        return None
    phrase = event.target_text
    if event.root in FORCE_ROOTS or _visiting(event):
        return next((p for p in places if p.country and p.text in phrase), None)
    if event.root == CONSULT_ROOT:  # only the place itself: "officials in Basra" are no Iraq
        bare = phrase.removeprefix("the ").strip()
        return next((p for p in places if p.country and p.text == bare), None)
    return None


def _target_from_place(event: Event, place: Place, how: str = "place") -> Event:
    """Military force with no target named, in another country's place, is against that
    country: "Iran launched fresh attacks near Basra" is Iran's force against Iraq. A visit or
    consultation takes a place only where its frame wants the target (``how`` "object"): "met
    in Brussels" is no act towards Belgium, "arrived in London" is a visit to Britain; and a
    visit to a site that is no actor and no place takes the country of the site's place ("visited
    the Domiz camp in northern Iraq": the phrase "the Domiz camp", located in Iraq)."""
    visit = (event.root == CONSULT_ROOT or _visiting(event)) and not _deployed(event.source_code)
    placed = (
        event.root in FORCE_ROOTS
        or (visit and how == "object")
        or (visit and _visiting(event) and bool(event.target_text))  # "a camp in Iraq"
    )
    if event.target_code or event.target_mention or not placed or not place.country:
        return event
    if place.role == "dateline" or (event.source_code or "")[:3] == place.country:
        return event
    return dataclasses.replace(
        event, target_code=place.country, target_text=place.text, target_path=f"{how}:{place.text}"
    )


def _visit_here(event: Event, dateline: Place) -> Event:
    """A visit whose frame names no destination, in a sentence that names no place, is to the
    dateline's country: a wire story filed from LA PAZ says "here on a two-day official visit"
    or "visiting West German President Richard von Weizsaecker" of a visit to Bolivia. Not
    when the visitor is of that country (a president touring his own country)."""
    if event.code not in VISIT_CODES or event.target_code or event.target_mention:
        return event
    if _deployed(event.source_code):
        return event
    if (event.target_text and event.target_text != HERE) or not dateline.country:
        return event  # "here": the visit stage's word for the place the story is filed from
    if (event.source_code or "")[:3] == dateline.country:
        return event
    return dataclasses.replace(
        event,
        target_code=dateline.country,
        target_text=dateline.text,
        target_path=f"dateline:{dateline.text}",
    )


def _deployed(code: str | None) -> bool:
    """Whether a source code carries an armed sector (RUSMIL, NGAMILPKO): it deploys."""
    return bool(set(sectors_of(code or "", None)) & DEPLOYED_SECTORS)


def target_from_article(
    events: tuple[Event, ...], mentions: Sequence[Mention]
) -> tuple[Event, ...]:
    """Targetless force by a country the article codes force between it and exactly one other
    country is against that other country (see the module docstring); when the source's
    country has force coded with two countries or more, nothing is guessed."""
    by_id = {m.id: m for m in mentions}

    def country(mention_id: str | None) -> str | None:
        mention = by_id.get(mention_id or "")
        return mention.country if mention is not None else None

    dyads: set[frozenset[str]] = set()
    for e in events:
        a, b = country(e.source_mention), country(e.target_mention)
        if e.root in FORCE_ROOTS and a and b and a != b:
            dyads.add(frozenset((a, b)))
    out = []
    for e in events:
        side = country(e.source_mention)
        if e.target_code or e.target_mention or e.root not in FORCE_ROOTS or not side:
            out.append(e)
            continue
        others = {c for d in dyads if side in d for c in d if c != side}
        if len(others) != 1:
            out.append(e)
            continue
        (other,) = others
        if _names_another_country(e, mentions, other, side):
            out.append(e)  # "fought an insurgency against the Turkish state": not the war's
            continue
        named = next((m for m in mentions if m.code == other), None)
        text = named.text if named is not None else other
        out.append(
            dataclasses.replace(
                e, target_code=other, target_text=text, target_path=f"article:{other}"
            )
        )
    return tuple(out)


def _names_another_country(
    event: Event, mentions: Sequence[Mention], other: str, side: str
) -> bool:
    """Whether the phrase the event's frame took as its target names a country other than the
    war's two sides (the phrase had no actor the event stage could take). The source's own
    ("were consolidating their new positions") says the ground is now theirs, not whose it was."""
    if not event.target_text:
        return False
    return any(
        m.sentence == event.sentence
        and m.country
        and m.country not in (other, side)
        and m.text in event.target_text
        for m in mentions
    )


def _distance(place: Place, event: Event) -> int:
    if place.start >= event.end:
        return place.start - event.end
    return max(event.start - place.end, 0)
