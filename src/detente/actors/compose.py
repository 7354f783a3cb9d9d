"""Compose atoms into actor phrases and code them on the article's date.

Phrase shapes, as news writes them and CAMEO codes them:
- adjective or possessive country, sector terms, an optional noun, an optional name:
  "Russian Deputy Defense Minister Anatoly Antonov" (person), "the Russian military
  delegation" (RUSMIL), "Russian officials" (RUSGOV), "Russia's foreign minister";
- sector terms then a name: "President Vladimir Putin" (the name's own roles apply);
- a name, an organisation, a group, a country, a metonym ("the Kremlin" is RUSGOV);
- sector terms alone only where they head a noun phrase: "the deputy minister" (a
  description for coreference), "officials said", "the military said".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..cache import cached_value
from . import vocab
from .apposition import apposed_to_name
from .codes import actor_code, described_role, distinct_sectors, is_person_term, sectors_of
from .dictionary import ActorDictionary
from .entries import Person, SectorTerm, role_on_day
from .recognize import POSSESSIVES, Atom, Draft, is_name_token, unknown_name
from .titled import BODY_ROLE_NOUNS, body_role, is_role_term, lower_role_name_end

#: Organisation kinds coded as mention kind "igo"; the rest (NGOs) as "group".
IGO_KINDS = frozenset({"igo", "body"})


#: Dependencies of a word that modifies a noun after it ("military force", "army officers").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


#: Prepositions after a sector noun that say whose it is ("a spokesman for the Taliban").
PLACING_PREPOSITIONS = frozenset({"for", "of", "from"})


def _placed_by_phrase(head: Token) -> bool:
    """Whether the parse gives a sector noun a body or country to belong to after it."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in PLACING_PREPOSITIONS
        and any(g.dep_ == "pobj" for g in c.children)
        for c in head.children
    )


def _the(doc: Doc, start: int) -> int:
    """Start of the phrase including a definite article right before it."""
    return start - 1 if start > 0 and doc[start - 1].lower_ in vocab.DEFINITE else start


def _title_case(doc: Doc, start: int, end: int) -> bool:
    return all(t.text[:1].isupper() for t in doc[start:end] if t.is_alpha)


#: Atoms that name a dictionary person: a full name or alias, or a single name ("Putin").
PERSON_ATOMS = frozenset({"person", "single"})


def _mark_single(draft: Draft, atom: Atom) -> None:
    """A single name is coded as its person unless coreference finds a full mention of it."""
    if atom.kind == "single":
        draft.single, draft.resolution = atom.note, "surname"


def proper_body(doc: Doc, start: int, end: int) -> bool:
    """ "Congress", "Parliament" written as a name: one capitalised word inside a sentence."""
    token = doc[start]
    return (
        end - start == 1
        and token.lower_ in vocab.PROPER_BODY_TERMS
        and token.text[:1].isupper()
        and not token.is_sent_start
    )


def acting_demonym(doc: Doc, start: int, end: int) -> bool:
    """A demonym used as a noun can act: "Russians", "the Chinese said", "the Swiss, ..."."""
    text = doc[start:end].text
    if text.endswith("s") and not text.endswith("ss"):
        return True  # a plural: "the Russians", "Americans"
    definite = start > 0 and doc[start - 1].lower_ in vocab.DEFINITE
    following = doc[end] if end < len(doc) else None
    heads = (
        following is None
        or not following.is_alpha
        or following.lower_ in vocab.SPEECH_VERBS
        or (doc.has_annotation("DEP") and doc[end - 1].dep_ in ("nsubj", "nsubjpass"))
    )  # "the Spanish have put their forces on standby": the subject, so the people
    return definite and heads


PlaceCountry = Callable[[str], str | None]


def _no_place(name: str) -> str | None:
    return None


def trailing_names(dictionary: ActorDictionary) -> dict[str, Person]:
    """A name's trailing words ("Javad Zarif" of "Mohammad Javad Zarif"), two words or more,
    that belong to one person only and are no one's full name or alias (cached with the
    dictionary when it came through the cache)."""
    if dictionary.fingerprint:
        key = f"trailing-{dictionary.fingerprint}"
        ids = cached_value(key, lambda: _trailing_ids(dictionary))
    else:
        ids = _trailing_ids(dictionary)
    return {form: dictionary.people[person] for form, person in ids.items()}


def _trailing_ids(dictionary: ActorDictionary) -> dict[str, str]:
    full = {form for p in dictionary.people.values() for form in (p.name, *p.aliases)}
    owners: dict[str, set[str]] = {}
    for person in dictionary.people.values():
        for form in (person.name, *person.aliases):
            words = form.split()
            for k in range(2, len(words)):
                owners.setdefault(" ".join(words[-k:]), set()).add(person.id)
    return {
        form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1 and form not in full
    }


def city_countries(dictionary: ActorDictionary) -> PlaceCountry:
    """A city or first-level subdivision name → its CAMEO country (the gazetteer, built once);
    None when the name is no such place or places in several countries share it, unless one
    of them is ten times as populous as all the others ("Istanbul", "West Bengal")."""
    from ..places.gazetteer import cached_gazetteer  # places import the actor dictionary

    cameo = {c.iso3: c.code for c in dictionary.countries.values() if c.iso3}
    cameo.update({code: code for code in dictionary.countries})

    def country_of(name: str) -> str | None:
        gazetteer = cached_gazetteer()  # built on first use: a name lookup may never need it
        readings = sorted(
            (c.entry for c in gazetteer.lookup(name) if c.entry.feature in ("city", "adm1")),
            key=lambda e: -e.population,
        )
        countries = {e.country for e in readings}
        if not readings or readings[0].country is None:
            return None
        others = sum(e.population for e in readings if e.country != readings[0].country)
        if len(countries) > 1 and readings[0].population < 10 * others:
            return None
        return cameo.get(readings[0].country)

    return country_of


class Composer:
    """Turns one Doc's atoms into drafts; holds only the dictionary and lookups built once."""

    def __init__(
        self, dictionary: ActorDictionary, source: str, place_country: PlaceCountry = _no_place
    ) -> None:
        self.dictionary = dictionary
        self.source = source
        self.place_country = place_country
        self.trailing = trailing_names(dictionary)
        self.capitals = {
            form: c.code
            for c in dictionary.countries.values()
            for form in (c.name, *c.aliases, *((c.capital,) if c.capital else ()), *c.metonyms)
        }

    def compose(self, doc: Doc, atoms: list[Atom]) -> list[Draft]:
        by_start = {a.start: a for a in atoms}
        taken = {i for a in atoms for i in range(a.start, a.end)}
        drafts: list[Draft] = []
        consumed = -1
        for atom in atoms:
            if atom.start < consumed:
                continue
            draft = self._phrase(doc, atom, by_start, taken)
            if draft is not None and draft.kind == "sector" and draft.body_code is not None:
                body = self._entry(doc, atom)  # "Amnesty International's chief": two mentions
                drafts.extend([body] if body is not None else [])
            if draft is not None:
                drafts.append(draft)
                consumed = draft.end
        return self._named_context(drafts)

    def _named_context(self, drafts: list[Draft]) -> list[Draft]:
        """Drop context aliases ("the Alliance") whose organisation is not named in the Doc."""
        named = {d.entity_id for d in drafts if d.resolution != "context alias"}
        organisations = self.dictionary.organisations
        named |= {organisations[i].parent for i in named if i in organisations}
        return [d for d in drafts if d.resolution != "context alias" or d.entity_id in named]

    def _phrase(
        self, doc: Doc, atom: Atom, by_start: dict[int, Atom], taken: set[int]
    ) -> Draft | None:
        possessive = (
            atom.kind == "country" and atom.end < len(doc) and doc[atom.end].text in POSSESSIVES
        )
        following = by_start.get(atom.end)
        modifier = (
            following is not None
            and following.kind == "sector"
            and (
                (atom.kind == "country" and doc[atom.start : atom.end].text.isupper())  # "U.S."
                or (
                    atom.kind == "metonym"  # "a Moscow court"
                    and (
                        atom.start == 0
                        or doc[atom.start - 1].lower_ not in vocab.PLACE_PREPOSITIONS
                    )
                )
            )
        )
        if self._named_body(atom, by_start) and not self._state_before(doc, atom, by_start):
            draft = self._body_role(doc, atom, by_start, taken)
            if draft is not None:
                return draft
        if atom.kind == "adjective" or possessive or modifier:
            pos = atom.end + (1 if possessive else 0)
            draft = self._role_phrase(doc, pos, by_start, taken, atom.key)
            if draft is not None:
                draft.start = _the(doc, atom.start)
                return draft
            draft = self._entry(doc, Atom(atom.start, atom.end, "country", atom.key))
            if (
                draft is not None
                and not possessive
                and not acting_demonym(doc, atom.start, atom.end)
            ):
                draft.kind = "adjective"  # "a European shield", "Russian borders"
            return draft
        if atom.kind == "sector":
            draft = self._role_phrase(doc, atom.start, by_start, taken, None)
            if draft is None:
                return None
            placed = self._place(doc, draft, taken)
            if draft.kind == "person" or placed or self._stands_alone(doc, draft):
                draft.start = _the(doc, draft.start) if draft.kind != "person" else draft.start
                return draft
            return None
        return self._entry(doc, atom)

    def _body_role(
        self, doc: Doc, atom: Atom, by_start: dict[int, Atom], taken: set[int]
    ) -> Draft | None:
        """ "NATO Secretary General Jens Stoltenberg", "UN envoy Jan Kowalczyk", "Amnesty
        International's chief": a body, a role, a person (``titled``): one person."""
        pos = atom.end + (1 if atom.end < len(doc) and doc[atom.end].text in POSSESSIVES else 0)
        title = by_start.get(pos)
        draft = None
        if title is not None and title.kind == "sector":
            draft = self._role_phrase(doc, pos, by_start, taken, None)
        if draft is None or draft.kind != "person":
            blocked = {
                i for a in by_start.values() if a.kind != "sector" for i in range(a.start, a.end)
            }
            person_terms = {
                a.start: a.end
                for a in by_start.values()
                if a.kind == "sector" and is_role_term(self.dictionary.sectors[a.key].term)
            }
            found = body_role(doc, atom.end, blocked, person_terms)
            if found is None:
                return None
            role_end, name_end = found
            kind = "person" if name_end > role_end else "sector"
            draft = Draft(start=pos, end=name_end, kind=kind, dictionary=self.source)
            draft.described, draft.person_like = doc[pos:role_end].text, True
            if kind == "person":
                draft.name = doc[role_end:name_end].text
        if atom.kind in ("group", "group_context"):
            group = self.dictionary.groups[atom.key]
            draft.body_code, draft.country = group.code, group.country
            draft.party_roles = group.roles
        else:
            draft.body_code = self.dictionary.organisations[atom.key].code
        if draft.kind == "person":
            draft.start = _the(doc, atom.start)  # otherwise the body stays its own mention
        return draft

    def _named_body(self, atom: Atom, by_start: dict[int, Atom]) -> bool:
        """An organisation or group named in full, or a context alias ("the Amnesty
        secretary-general", "the Alliance's spokesman") whose body the Doc names."""
        if atom.kind in ("organisation", "group"):
            return True
        if atom.kind not in ("context", "group_context"):
            return False
        named = {a.key for a in by_start.values() if a.kind in ("organisation", "group")}
        organisations = self.dictionary.organisations
        named |= {p for k in named if k in organisations and (p := organisations[k].parent)}
        return atom.key in named

    @staticmethod
    def _state_before(doc: Doc, atom: Atom, by_start: dict[int, Atom]) -> bool:
        """ "China's U.N. Representative", "the Chinese UN envoy": a state's representative at
        a body, not the body's own (the country's phrase codes it)."""
        for before in (atom.start - 1, atom.start - 2):
            country = by_start.get(before)
            if country is None or country.kind not in ("country", "adjective"):
                continue
            gap = doc[country.end : atom.start]
            if not gap.text or gap.text in POSSESSIVES:
                return True
        return False

    def _place(self, doc: Doc, draft: Draft, taken: set[int]) -> bool:
        """The country of a place right before a title or an institution ("an Istanbul court",
        "West Bengal Chief Minister ..."), or after an institution ("a court in Bishkek")."""
        if draft.country is not None:
            return False
        start = draft.start
        for width in (2, 1):
            first = start - width
            if first < 0 or any(i in taken for i in range(first, start)):
                continue
            words = doc[first:start]
            if not all(is_name_token(t) for t in words) or (
                first > 0 and is_name_token(doc[first - 1])
            ):
                continue
            country = self.place_country(words.text)
            if country is not None:
                draft.country, draft.start = country, first
                return True
        placed = any(code in vocab.PLACED_SECTORS for t in draft.sectors for code in t.codes)
        end = draft.end
        if not placed or draft.kind == "person" or end + 1 >= len(doc) or doc[end].lower_ != "in":
            return False
        stop = unknown_name(doc, end + 1, set())
        for last in range(stop, end + 1, -1):
            name = doc[end + 1 : last].text
            targets = self.index_country(name) or self.place_country(name)
            if targets is not None:
                draft.country, draft.end = targets, last
                return True
        return False

    def index_country(self, name: str) -> str | None:
        """The country a dictionary country name or capital stands for ("Bishkek": KGZ)."""
        return self.capitals.get(name)

    def _role_phrase(
        self, doc: Doc, pos: int, by_start: dict[int, Atom], taken: set[int], country: str | None
    ) -> Draft | None:
        """Sector terms from ``pos``, then a noun and a name; None when there is nothing."""
        start, terms = pos, []
        while (atom := by_start.get(pos)) is not None and atom.kind == "sector":
            terms.append(self.dictionary.sectors[atom.key])
            pos = atom.end
        described = doc[start:pos].text
        noun = pos < len(doc) and doc[pos].lower_ in vocab.GROUP_NOUNS
        pos += 1 if noun else 0
        person_atom = by_start.get(pos)
        draft = Draft(start=start, end=pos, kind="sector", country=country, sectors=terms)
        draft.described = described
        person_noun = noun and doc[pos - 1].lower_ in vocab.PERSON_NOUNS
        if (
            person_atom is not None
            and person_atom.kind in PERSON_ATOMS
            and (not noun or person_noun)
        ):
            draft.person = self.dictionary.people[person_atom.key]
            draft.kind, draft.end = "person", person_atom.end
            draft.described = doc[start:pos].text  # "North Korean leader": "leader"
            _mark_single(draft, person_atom)
        elif (
            terms
            and not noun
            and (end := lower_role_name_end(doc, start, pos, taken, self._person(terms))) > pos
        ):
            draft.kind, draft.end, draft.name = "person", end, doc[pos:end].text
            draft.person = self.trailing.get(draft.name)  # "Foreign Minister Javad Zarif"
        elif person_noun and (end := lower_role_name_end(doc, start, pos, taken)) > pos:
            draft.kind, draft.end, draft.name = "person", end, doc[pos:end].text  # "leader X Y"
            draft.described = doc[start:pos].text
        elif not terms and not noun:
            return None
        draft.person_like = draft.kind == "person" or (
            bool(terms)
            and not noun
            and is_person_term(terms[-1].term)
            and doc[pos - 1].lower_ == terms[-1].term.split()[-1]
        )
        draft.dictionary = self.source
        return draft

    @staticmethod
    def _person(terms: list[SectorTerm]) -> bool:
        """Whether sector terms end in a role for one person ("defence minister"), not a body."""
        return is_person_term(terms[-1].term) or terms[-1].term in BODY_ROLE_NOUNS

    def _stands_alone(self, doc: Doc, draft: Draft) -> bool:
        """Bare sector terms are actors only where they head a phrase (see module doc)."""
        start, end = draft.start, draft.end
        definite = start > 0 and (
            doc[start - 1].lower_ in vocab.DEFINITE | vocab.POSSESSORS
            or doc[start - 1].text in POSSESSIVES  # "the country's army"
        )
        if not definite and definite_phrase(doc, start, end):
            definite, draft.start = True, doc[end - 1].left_edge.i  # the phrase from its "the"
        definite = definite or proper_body(doc, start, end) or _possessed(doc, start, end)
        apposed = apposed_to_name(doc, start, end)  # "Eric Joyce, a Labour MP, said"
        if (
            not apposed
            and start > 0
            and doc[start - 1].text[:1].isupper()
            and _title_case(doc, start, end)
            and not definite
        ):
            return False  # inside a proper name: "Conventional Armed Forces in Europe Treaty"
        following = doc[end] if end < len(doc) else None
        if doc.has_annotation("DEP"):  # the parse says whether the term heads its phrase
            last = doc[end - 1]
            heads = not (last.dep_ in MODIFIER_DEPS and last.head.i >= end)
            if not heads:
                return False
        else:
            heads = (
                following is None
                or not following.is_alpha
                or not following.is_lower
                or (following.lower_ in vocab.SPEECH_VERBS)
            )
        term = draft.sectors[-1]
        plural = term.plural is not None and doc[start:end].text.lower().endswith(term.plural)
        if heads and apposed:
            if draft.person_like:
                draft.kind = "description"
            return True  # "Edward Leigh, an MP, said": that person's role
        if definite and draft.person_like and heads:
            draft.kind = "description"
            return True
        if doc.has_annotation("DEP") and (definite or _placed_by_phrase(doc[end - 1])):
            return True  # "the Foreign Office", "a spokesman for the Taliban"
        # a plural heads its phrase before a verb too ("civilians fled", "regime troops shelled")
        plural_only = term.plural is None and "plural only" in term.note and " " in term.term
        if (plural or plural_only) and following is not None and following.is_lower:
            return True
        if term.term in vocab.ADJECTIVE_SECTORS or doc[end - 1].lower_ in vocab.ADJECTIVE_SECTORS:
            if term.term in vocab.BARE_HEAD_SECTORS and doc.has_annotation("DEP"):
                return heads  # "police arrested him": the force, where the parse says it heads
            return definite and heads
        if heads and _named_legislature_organ(doc, start, term):
            return True  # "a special Senate committee": one organ of a named legislature
        return (plural or term.plural is None) and heads

    def _entry(self, doc: Doc, atom: Atom) -> Draft | None:
        d = self.dictionary
        draft = Draft(start=atom.start, end=atom.end, kind=atom.kind, dictionary=self.source)
        if atom.kind in PERSON_ATOMS:
            draft.kind, draft.person = "person", d.people[atom.key]
            draft.person_like = True
            _mark_single(draft, atom)
        elif atom.kind in ("organisation", "context"):
            org = d.organisations[atom.key]
            draft.kind = "igo" if org.kind in IGO_KINDS else "group"
            draft.start = _the(doc, atom.start) if atom.kind == "context" else atom.start
            draft.entity_id, draft.entity_name, draft.code = org.id, org.name, org.code
            draft.wikidata = org.wikidata
            if atom.kind == "context":
                draft.resolution = "context alias"
        elif atom.kind in ("group", "group_context"):
            group = d.groups[atom.key]
            draft.kind = "group"
            draft.entity_id, draft.entity_name, draft.code = group.id, group.name, group.code
            draft.country, draft.wikidata = group.country, group.wikidata
            draft.party_roles = group.roles
            if atom.kind == "group_context":
                draft.start = _the(doc, atom.start)
                draft.resolution = "context alias"
        elif atom.kind in ("country", "metonym"):
            country = d.countries[atom.key]
            draft.country, draft.entity_id, draft.entity_name = (
                country.code,
                country.code,
                country.name,
            )
            draft.wikidata = country.wikidata
            draft.code = country.code + ("GOV" if atom.kind == "metonym" else "")
            if doc[atom.start : atom.end].text in vocab.COMPASS_REGIONS:
                draft.start = _the(doc, atom.start)  # "the West"
            if atom.kind == "metonym":
                if (
                    atom.start > 0
                    and doc[atom.start - 1].lower_ in vocab.PLACE_PREPOSITIONS
                    and not _acts_from(doc, atom.start - 1)
                ):
                    return None  # "in Lisbon" is a place, not a government acting
                draft.start = _the(doc, atom.start)
        else:
            return None
        return draft


def _named_legislature_organ(doc: Doc, start: int, term: SectorTerm) -> bool:
    """ "a Senate committee", "a special Senate committee": a legislature's committee written
    with the legislature's name capitalised inside a sentence is that body's organ, an actor even
    after "a" (a bare "a committee" is none)."""
    first = doc[start]
    return (
        " " in term.term
        and "LEG" in term.codes
        and first.text[:1].isupper()
        and not first.is_sent_start
        and first.lower_ == term.term.split()[0]
    )


def _possessed(doc: Doc, start: int, end: int) -> bool:
    """ "Britain's most senior police officer", "the UK's public spending watchdog": a
    possessor the parse hangs on the term, before words that modify it, makes it definite."""
    if not doc.has_annotation("DEP"):
        return False
    return any(c.dep_ == "poss" and c.i < start - 1 for c in doc[end - 1].children)


def _acts_from(doc: Doc, preposition: int) -> bool:
    """ "pressure from Washington", "a warning from Moscow": a capital after "from" that the
    parse hangs on a noun of an act is the government acting, not a place; so is one after
    "to" hung on a noun of a transfer ("arms shipments to Tehran": the receiving government)."""
    prep = doc[preposition]
    if not doc.has_annotation("DEP"):
        return False
    if prep.lower_ == "to":  # "arms shipments to Tehran": the government that receives them
        # the parse may hang "to" on the verb ("banned arms shipments to Tehran"): the noun
        # right before it decides then
        before = doc[preposition - 1] if preposition > 0 else prep
        noun = before.lower_ in vocab.TRANSFER_TO_NOUNS and before.tag_ in ("NN", "NNS")
        return noun or prep.head.lower_ in vocab.TRANSFER_TO_NOUNS
    return prep.lower_ == "from" and prep.head.lower_ in vocab.ACTS_FROM_NOUNS


def code_draft(draft: Draft, day: dt.date | None, day_source: str) -> None:
    """Fill code, roles and the role applied: a person's dated role first, else the words."""
    codes = [c for term in draft.sectors for c in term.codes]
    if draft.dictionary and draft.dictionary.startswith("petrarch:"):
        return  # coded from PETRARCH's own dictionaries: dated codes and agents already applied
    party = role_on_day(draft.party_roles, day)
    if party is not None and draft.person is None:  # "the Tories", "Tory leader X" (unknown X)
        if draft.body_code is not None:
            draft.body_code = party.code
        else:
            draft.code = party.code
            when = f"on {day} ({day_source})" if day else "the latest (no article date)"
            draft.role_applied = f"the party's {party.describe()}: {when}"
    if draft.person is not None:
        person = draft.person
        draft.entity_id, draft.entity_name, draft.wikidata = person.id, person.name, person.wikidata
        draft.country = person.country or draft.country
        described = described_role(person, draft.described, day)
        role = described or person.role_on(day)
        if described is None and day is None and any("OPP" in c for c in codes):
            # "shadow home secretary David Davis" in an undated article: the words say the
            # role held when it was written; the dictionary's latest role is only a guess
            single = f"; {draft.single}" if draft.single else ""
            draft.role_applied = f"described as {draft.described!r} (no article date){single}"
            draft.roles = distinct_sectors(codes)
            draft.code = actor_code(draft.country, codes)
            return
        single = f"; {draft.single}" if draft.single else ""
        if role is not None:
            draft.code = role.code
            draft.roles = sectors_of(role.code, draft.country)
            when = f"held on {day} ({day_source})" if day else "the latest role (no article date)"
            if described is not None:
                when = f"described as {draft.described!r}, " + (
                    when if day else "its latest such role (no article date)"
                )
            draft.role_applied = f"{role.describe()}: {when}{single}"
            return
        draft.role_applied = f"no dictionary role on {day}; coded from the words{single}"
    elif draft.body_code is not None and draft.kind == "sector":  # "Amnesty's chief"
        draft.code, draft.roles = draft.body_code, sectors_of(draft.body_code, None)
        draft.role_applied = f"the role {draft.described!r} of {draft.body_code}"
        return
    elif draft.kind == "person":
        draft.entity_id = "unknown:" + (draft.name or "").lower().replace(" ", "-")
        draft.entity_name = draft.name
        if codes:
            draft.role_applied = f"introduced by the role {draft.described!r}"
        if draft.body_code is not None:  # "NATO Secretary General John Doe": the body's code
            draft.code, draft.roles = draft.body_code, sectors_of(draft.body_code, None)
            draft.role_applied = f"introduced by the role {draft.described!r} of {draft.body_code}"
            return
    if draft.kind in ("person", "sector", "description"):
        draft.roles = distinct_sectors(codes)
        draft.code = actor_code(draft.country, codes) if draft.kind != "description" else None
    elif draft.code and draft.country:
        draft.roles = sectors_of(draft.code, draft.country)


#: Dependencies of the lower-case words between a phrase's "the" and its sector term.
ROLE_MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nmod", "advmod"})


def definite_phrase(doc: Doc, start: int, end: int) -> bool:
    """ "the international development minister": a definite phrase whose lower-case
    modifiers come between "the" and the term (by the parse)."""
    if not doc.has_annotation("DEP") or start == 0:
        return False
    first = doc[end - 1].left_edge
    between = doc[first.i : start]
    return (
        first.i < start
        and first.lower_ in vocab.DEFINITE
        and all(t.dep_ in ROLE_MODIFIER_DEPS and t.is_lower for t in between[1:])
    )
