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

from spacy.tokens import Doc

from . import vocab
from .codes import composite, distinct_sectors, is_person_term, sectors_of
from .dictionary import ActorDictionary
from .recognize import POSSESSIVES, Atom, Draft, unknown_name

#: Organisation kinds coded as mention kind "igo"; the rest (NGOs) as "group".
IGO_KINDS = frozenset({"igo", "body"})


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


def acting_demonym(doc: Doc, start: int, end: int) -> bool:
    """A demonym used as a noun can act: "Russians", "the Chinese said", "the Swiss, ..."."""
    text = doc[start:end].text
    if text.endswith("s") and not text.endswith("ss"):
        return True  # a plural: "the Russians", "Americans"
    definite = start > 0 and doc[start - 1].lower_ in vocab.DEFINITE
    following = doc[end] if end < len(doc) else None
    heads = following is None or not following.is_alpha or following.lower_ in vocab.SPEECH_VERBS
    return definite and heads


class Composer:
    """Turns one Doc's atoms into drafts; holds only the dictionary (no per-Doc state)."""

    def __init__(self, dictionary: ActorDictionary, source: str) -> None:
        self.dictionary = dictionary
        self.source = source

    def compose(self, doc: Doc, atoms: list[Atom]) -> list[Draft]:
        by_start = {a.start: a for a in atoms}
        taken = {i for a in atoms for i in range(a.start, a.end)}
        drafts: list[Draft] = []
        consumed = -1
        for atom in atoms:
            if atom.start < consumed:
                continue
            draft = self._phrase(doc, atom, by_start, taken)
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
        if atom.kind == "adjective" or possessive:
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
            if draft is not None and (draft.kind == "person" or self._stands_alone(doc, draft)):
                draft.start = _the(doc, draft.start) if draft.kind != "person" else draft.start
                return draft
            return None
        return self._entry(doc, atom)

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
        if person_atom is not None and person_atom.kind in PERSON_ATOMS and not noun:
            draft.person = self.dictionary.people[person_atom.key]
            draft.kind, draft.end = "person", person_atom.end
            _mark_single(draft, person_atom)
        elif (
            terms
            and not noun
            and _title_case(doc, start, pos)
            and (end := unknown_name(doc, pos, taken)) > pos
        ):
            draft.kind, draft.end, draft.name = "person", end, doc[pos:end].text
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

    def _stands_alone(self, doc: Doc, draft: Draft) -> bool:
        """Bare sector terms are actors only where they head a phrase (see module doc)."""
        start, end = draft.start, draft.end
        definite = start > 0 and doc[start - 1].lower_ in vocab.DEFINITE
        if (
            start > 0
            and doc[start - 1].text[:1].isupper()
            and _title_case(doc, start, end)
            and not definite
        ):
            return False  # inside a proper name: "Conventional Armed Forces in Europe Treaty"
        following = doc[end] if end < len(doc) else None
        heads = (
            following is None
            or not following.is_alpha
            or not following.is_lower
            or (following.lower_ in vocab.SPEECH_VERBS)
        )
        term = draft.sectors[-1]
        plural = term.plural is not None and doc[start:end].text.lower().endswith(term.plural)
        if definite and draft.person_like and heads:
            draft.kind = "description"
            return True
        if term.term in vocab.ADJECTIVE_SECTORS or doc[end - 1].lower_ in vocab.ADJECTIVE_SECTORS:
            return definite and heads
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
        elif atom.kind == "group":
            group = d.groups[atom.key]
            draft.entity_id, draft.entity_name, draft.code = group.id, group.name, group.code
            draft.country, draft.wikidata = group.country, group.wikidata
        elif atom.kind in ("country", "metonym"):
            country = d.countries[atom.key]
            draft.country, draft.entity_id, draft.entity_name = (
                country.code,
                country.code,
                country.name,
            )
            draft.wikidata = country.wikidata
            draft.code = country.code + ("GOV" if atom.kind == "metonym" else "")
            if atom.kind == "metonym":
                if atom.start > 0 and doc[atom.start - 1].lower_ in vocab.PLACE_PREPOSITIONS:
                    return None  # "in Lisbon" is a place, not a government acting
                draft.start = _the(doc, atom.start)
        else:
            return None
        return draft


def code_draft(draft: Draft, day: dt.date | None, day_source: str) -> None:
    """Fill code, roles and the role applied: a person's dated role first, else the words."""
    codes = [c for term in draft.sectors for c in term.codes]
    if draft.dictionary and draft.dictionary.startswith("petrarch:"):
        return  # coded from PETRARCH's own dictionaries: dated codes and agents already applied
    if draft.person is not None:
        person = draft.person
        draft.entity_id, draft.entity_name, draft.wikidata = person.id, person.name, person.wikidata
        draft.country = person.country or draft.country
        role = person.role_on(day)
        single = f"; {draft.single}" if draft.single else ""
        if role is not None:
            draft.code = role.code
            draft.roles = sectors_of(role.code, draft.country)
            when = f"held on {day} ({day_source})" if day else "the latest role (no article date)"
            draft.role_applied = f"{role.describe()}: {when}{single}"
            return
        draft.role_applied = f"no dictionary role on {day}; coded from the words{single}"
    elif draft.kind == "person":
        draft.entity_id = "unknown:" + (draft.name or "").lower().replace(" ", "-")
        draft.entity_name = draft.name
        if codes:
            draft.role_applied = f"introduced by the role {draft.described!r}"
    if draft.kind in ("person", "sector", "description"):
        draft.roles = distinct_sectors(codes)
        draft.code = composite(draft.country, codes) if draft.kind != "description" else None
    elif draft.code and draft.country:
        draft.roles = sectors_of(draft.code, draft.country)
