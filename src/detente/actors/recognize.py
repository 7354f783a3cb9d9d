"""Recognition: dictionary forms found in a Doc, longest first, composed into actor phrases.

Two PhraseMatchers are built once per pipeline: names, acronyms and adjectives match on the
exact text ("US" is not "us"), sector terms on lower case. Atoms are then composed left to
right into phrases CAMEO codes as one actor: [adjective | country's] sector* [noun] [name]
("Russian Deputy Defense Minister Anatoly Antonov", "the Russian military delegation").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..cache import cached_value
from . import vocab
from .aliases import AliasTarget, name_index
from .dictionary import ActorDictionary
from .entries import Person, Role, SectorTerm
from .phrases import PhraseIndex, token_texts
from .single import SingleNames

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: Lower-case adjectives from compass words ("western", "southern") name a direction or a
#: region as often as a bloc: never read as a country adjective in lower case.
COMPASS_PREFIXES = ("west", "east", "north", "south")
HYPHENS = frozenset({"-", "–"})
#: An initial inside a name ("John R. Bass").
_INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True, slots=True)
class Atom:
    """One dictionary form found in the Doc (token offsets)."""

    start: int
    end: int
    kind: str  # an alias kind (person, organisation, ...), "single" or "sector"
    key: str  # entry key: person id, org id, country code, sector term
    note: str = ""  # why a single name is that person


@dataclass
class Draft:
    """A mention being built: recognition fills it, coding and coreference complete it."""

    start: int
    end: int
    kind: str
    country: str | None = None
    sectors: list[SectorTerm] = field(default_factory=list)
    person: Person | None = None
    entity_id: str | None = None
    entity_name: str | None = None
    wikidata: str | None = None
    code: str | None = None
    roles: tuple[str, ...] = ()
    role_applied: str | None = None
    described: str = ""  # the role words written before a name ("Deputy Defense Minister")
    name: str | None = None  # the person's name as written (unknown people)
    body_code: str | None = None  # the organisation or group a titled unknown person serves
    #: The dated GOV/OPP codes of the party named (the mention itself or the body it serves).
    party_roles: tuple[Role, ...] = ()
    single: str = ""  # why a name written alone ("Putin") is this person
    single_forms: frozenset[str] = frozenset()  # the person's names written alone
    antecedent: int | None = None  # index of the draft this one resolves to
    resolution: str | None = None
    dictionary: str | None = None
    person_like: bool = False  # can be "he"/"she"
    gender: str | None = None  # m or f when the text says it ("her husband, X") and no entry does
    #: A pronoun resolves only to a draft starting at or after this token (-1: anywhere before):
    #: a nearer noun that is no actor ("the campaigners ... they") or the distance bars the rest.
    barrier: int = -1
    #: Tokens the parse says a pronoun refers to first ("its forces ... as they crushed": the
    #: main clause's subject) or never (the subject of its own clause, for an object "them").
    prefer: tuple[int, ...] = ()
    prefer_why: str = "the subject of the clause it depends on:"
    exclude: tuple[int, ...] = ()

    @property
    def surname(self) -> str | None:
        if self.person is not None:
            return self.person.surname
        return self.name.split()[-1] if self.name else None


def unknown_person(start: int, end: int, name: str, role: Draft, **fields: Any) -> Draft:
    """A person outside the dictionary named at ``start:end``, coded as ``role`` (a draft
    whose country, code and roles the text gives them: an apposition, a lead's role, the body
    they head); ``fields`` add what the rule knows (``role_applied``, ``described``, ...)."""
    return Draft(
        start=start,
        end=end,
        kind="person",
        country=role.country,
        code=role.code,
        roles=role.roles,
        name=name,
        entity_id="unknown:" + name.lower().replace(" ", "-"),
        entity_name=name,
        person_like=True,
        dictionary=role.dictionary,
        **fields,
    )


Tokenize = Callable[[str], Doc]


@dataclass(frozen=True, slots=True)
class _Parts:
    """What the matchers are built from, people by id: picklable on its own (``cache.py``)."""

    index: dict[str, tuple[AliasTarget, ...]]
    names: PhraseIndex
    sectors: PhraseIndex
    single: dict[str, tuple[str, ...]]  # single name -> ids of the people who have it
    derived: dict[str, frozenset[str]]
    boundaries: tuple[dt.date, ...]  # days on which recognition changes (ActorMatcher)
    #: Single names that are common English words ("Major", "Little", "Tax", "Day"): never the
    #: dictionary's person at a sentence's start, where any word is capitalised.
    common: frozenset[str] = frozenset()

    @classmethod
    def build(cls, dictionary: ActorDictionary, tokenize: Tokenize) -> _Parts:
        index = name_index(dictionary)

        def excluded(form: str) -> bool:
            taken = form in index or form.lower() in dictionary.sectors
            return taken or form in dictionary.surname_stops

        single = SingleNames.build(dictionary.people.values(), excluded)
        return cls(
            index=index,
            names=PhraseIndex(token_texts([*index, *single.people], tokenize)),
            sectors=PhraseIndex(token_texts(dictionary.sectors, tokenize), lower=True),
            single={form: tuple(p.id for p in found) for form, found in single.people.items()},
            derived=single.derived,
            boundaries=tuple(sorted(set(_validity_boundaries(dictionary)) | single.boundaries())),
            common=common_words(single.people),
        )


#: Log probability above which a lower-case word is common English (spaCy's lexeme_prob
#: table): "major" -9.2, "spring" -10.9 are; "bush" -11.7, "obama" -12.8 are not.
COMMON_WORD_LOGPROB = -11.0


def common_words(forms: Iterable[str]) -> frozenset[str]:
    """The forms whose lower case is a common English word (spacy-lookups-data)."""
    from spacy.lookups import load_lookups

    table = load_lookups("en", ["lexeme_prob"]).get_table("lexeme_prob")
    return frozenset(f for f in forms if table.get(f.lower(), -99.0) > COMMON_WORD_LOGPROB)


class ActorMatcher:
    """Matchers over one vocab for one dictionary; build once per pipeline, call per Doc."""

    def __init__(self, dictionary: ActorDictionary, vocab_: Vocab, tokenize: Tokenize) -> None:
        self.dictionary = dictionary
        if dictionary.fingerprint:  # loaded through the cache: so are the matchers built on it
            key = f"matchers-{dictionary.fingerprint}-{spacy.__version__}"
            parts = cached_value(key, lambda: _Parts.build(dictionary, tokenize))
        else:
            parts = _Parts.build(dictionary, tokenize)
        self.index, self.names, self.sectors = parts.index, parts.names, parts.sectors
        self.common = parts.common
        self.single = SingleNames(
            {form: tuple(dictionary.people[i] for i in ids) for form, ids in parts.single.items()},
            parts.derived,
        )
        #: First words of sector terms: a capital before one is still a metonym ("Moscow court").
        self.sector_starts = frozenset(t.split()[0] for t in dictionary.sectors)
        self.boundaries = parts.boundaries

    def same_forms(self, first: dt.date | None, second: dt.date | None) -> bool:
        """True when no country or dated alias starts or ends between two dates."""
        if first is None or second is None:
            return first == second
        low, high = min(first, second), max(first, second)
        return not any(low < day <= high for day in self.boundaries)

    def atoms(self, doc: Doc, day: dt.date | None) -> list[Atom]:
        """Non-overlapping dictionary atoms, longest first, valid on ``day``."""
        found: list[Atom] = []
        for form, start, end in self.names(doc):
            if _modifier_compound(doc, end):
                continue
            if form not in self.index:
                single = self._single(doc, form, start, end, day)
                found.extend([single] if single is not None else [])
                continue
            target = self._choose(self.index[form], day)
            if target is not None and not self._misread(doc, target, start, end):
                found.append(Atom(start, end, target.kind, target.key))
        for form, start, end in self.sectors(doc):
            term = self.dictionary.sectors[form]
            found.append(Atom(start, end, "sector", term.term))
            found.extend(self._lower_adjective(doc, start, day))
        return self._without_name_parts(doc, _longest_first(found))

    def _lower_adjective(self, doc: Doc, start: int, day: dt.date | None) -> list[Atom]:
        """A country adjective written in lower case right before a sector term ("cuban
        foreign ministry officials" in lower-cased wire copy): before a sector term the word
        can only be the nationality ("polish officials" polishes nothing)."""
        if start == 0:
            return []
        word = doc[start - 1]
        if not word.is_alpha or not word.is_lower or word.text.startswith(COMPASS_PREFIXES):
            return []
        targets = self.index.get(word.text.capitalize(), ())
        adjectives = tuple(t for t in targets if t.kind == "adjective")
        target = self._choose(adjectives, day) if adjectives else None
        return [Atom(start - 1, start, "adjective", target.key)] if target is not None else []

    def _without_name_parts(self, doc: Doc, atoms: list[Atom]) -> list[Atom]:
        """Drop countries and demonyms that are part of a longer proper name, and the single
        names beside them: "Israel Katz", "Jordan Bardella", "Chad Wolf" are people; "North
        Pole", "Lake Chad", "Air France" are no countries; "Finn said" is a man named Finn."""
        parts = [a for a in atoms if a.kind in ("country", "adjective") and self._name_part(doc, a)]
        if not parts:
            return atoms
        dropped = {id(a) for a in parts}
        edges = {a.start - 1 for a in parts} | {a.end for a in parts}
        return [
            a
            for a in atoms
            if id(a) not in dropped and not (a.kind == "single" and {a.start, a.end - 1} & edges)
        ]

    def _name_part(self, doc: Doc, atom: Atom) -> bool:
        before = doc[atom.start - 1] if atom.start > 0 else None
        after = doc[atom.end] if atom.end < len(doc) else None
        if (
            atom.kind == "country"
            and after is not None
            and doc[atom.end - 1].whitespace_
            and self._name_word(after)
            and not after.is_sent_start
            and after.lower_ not in vocab.NAMED_AFTER_PLACE_NOUNS
            and not doc[atom.end - 1].text.endswith(".")
        ):
            # "Israel Katz", "Iran Air"; not "U.S. Attacks" nor "U.S. Officials": wire copy
            # capitalises the word after an abbreviation, and no person's name starts with one
            return True
        if before is not None and before.whitespace_ and self._name_word(before, after=False):
            starts = doc[atom.start].is_sent_start or (
                before.is_sent_start and before.tag_ != "NNP"
            )
            if not starts and before.text not in vocab.COUNTRY_PREMODIFIERS:
                return True  # "North Pole", "Lake Chad", "Mr Jordan"
        if atom.kind == "adjective" and atom.end - atom.start == 1 and after is not None:
            word = doc[atom.start].text
            bare = before is None or (
                before.lower_ not in vocab.NOUN_DETERMINERS and not before.like_num
            )
            return bare and not word.endswith("s") and after.lower_ in vocab.NAME_SUBJECT_VERBS
        return False

    def _name_word(self, token: Token, after: bool = True) -> bool:
        """A capitalised word that can be part of a person's or a thing's proper name (after a
        country, no word that starts a title: "Chad Foreign Minister"; before it, no title)."""
        sector = token.lower_ in (self.sector_starts if after else self.dictionary.sectors)
        return (
            is_name_token(token)
            and token.text not in self.index
            and not sector
            and token.lower_ not in vocab.SPEECH_VERBS
            and token.text not in vocab.CALENDAR_WORDS
        )

    def _misread(self, doc: Doc, target: AliasTarget, start: int, end: int) -> bool:
        """A region's compass word without "the" ("West Bengal"); a capital that starts a
        name ("The Washington Post": a capitalised word follows that is no actor word)."""
        if target.kind == "country" and doc[start:end].text in vocab.COMPASS_REGIONS:
            return start == 0 or doc[start - 1].lower_ not in vocab.DEFINITE
        if target.kind == "country" and names_a_scandal(doc, end):
            return True
        if target.kind != "metonym" or end >= len(doc):
            return False
        if names_an_accord(doc, start, end):
            return True
        after = doc[end]
        return (
            is_name_token(after)
            and not after.is_sent_start
            and after.text not in self.index
            and after.lower_ not in self.sector_starts
            and after.lower_ not in vocab.SPEECH_VERBS
        )

    def _single(
        self, doc: Doc, form: str, start: int, end: int, day: dt.date | None
    ) -> Atom | None:
        """A single name as an atom, unless it is part of a longer name or ambiguous."""
        if end < len(doc) and is_name_token(doc[end]) and not doc[end].is_sent_start:
            return None  # "Abe Lincoln", "Putin Foundation"
        if form in self.common and doc[start].is_sent_start and not _named_subject(doc, start):
            return None  # "Major cities were hit", "Little changed"
        before = doc[start - 1] if start > 0 else None
        if (
            given_name_before(doc, start, self.dictionary.sectors)
            and doc[start - 1].text not in self.index
        ):
            return None  # "Hiroshi Abe" is not Shinzo Abe
        chosen = self.single.choose(form, day)
        if chosen is None:
            return None
        person, why = chosen
        if before is not None and not _honorific_fits(before.text, person.gender):
            return None  # "Mrs Reagan" is not Ronald Reagan, "Mrs Gandhi" not Rajiv
        return Atom(start, end, "single", person.id, why)

    def _choose(self, targets: tuple[AliasTarget, ...], day: dt.date | None) -> AliasTarget | None:
        """The most specific target valid on ``day`` (undated forms always are)."""
        if day is None:
            return targets[0]
        for target in targets:
            if target.period is not None and not target.period.holds(day):
                continue
            countryish = target.kind in ("country", "adjective", "metonym")
            if countryish and not self.dictionary.countries[target.key].period.holds(day):
                continue
            return target
        return None


#: Honorifics that say a gender.
FEMALE_HONORIFICS = frozenset({"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady", "Madame", "Mme"})
MALE_HONORIFICS = frozenset({"Mr", "Mr.", "Sir", "Lord", "Monsieur", "Herr"})


def _honorific_fits(word: str, gender: str | None) -> bool:
    """Whether an honorific before a name can be that person's ("Mrs" is no man's)."""
    if gender == "m":
        return word not in FEMALE_HONORIFICS
    if gender == "f":
        return word not in MALE_HONORIFICS
    return True


def honorific_fits(doc: Doc, start: int, gender: str | None) -> bool:
    """Whether the word before ``start``, if an honorific, fits a person of ``gender``."""
    return start == 0 or _honorific_fits(doc[start - 1].text, gender)


def given_name_before(doc: Doc, i: int, titles: Container[str]) -> bool:
    """Whether the word before a surname at ``i`` is a given name, so the two name someone
    else ("Hiroshi Abe" is not Shinzo Abe): a capitalised word that is no honorific and no
    title (``titles``, lower case); opening a sentence, only a proper noun by the parse."""
    if i == 0 or doc[i].is_sent_start:
        return False
    before = doc[i - 1]
    return (
        is_name_token(before)
        and before.text not in vocab.HONORIFICS
        and before.lower_ not in titles
        and (not before.is_sent_start or before.tag_ == "NNP")
    )


def _named_subject(doc: Doc, i: int) -> bool:
    """A capitalised word opening a sentence that acts as a name: a proper-noun subject by the
    parse ("Major said ..."), or, unparsed, a word right before a verb of saying."""
    token = doc[i]
    if doc.has_annotation("DEP"):
        return token.pos_ == "PROPN" and token.dep_ in ("nsubj", "nsubjpass")
    return i + 1 < len(doc) and doc[i + 1].lower_ in vocab.SPEECH_VERBS


def _modifier_compound(doc: Doc, end: int) -> bool:
    """ "Russian-backed", "NATO-led": a name in a hyphenated modifier is not the actor
    ("British-born" still says a nationality: kept, as an adjective)."""
    return (
        end + 1 < len(doc)
        and doc[end].text in HYPHENS
        and not doc[end].whitespace_
        and doc[end - 1].whitespace_ == ""
        and doc[end + 1].is_lower
        and doc[end + 1].lower_ != "born"
    )


def names_a_scandal(doc: Doc, end: int) -> bool:
    """ "the Iran scandal", "the Iran arms affair": a country's name that labels a scandal is
    no actor of the sentence (the US Senate investigating "the Iran scandal" targets no Iran)."""
    k = end
    if k + 1 < len(doc) and doc[k].lower_ in vocab.NAMED_AFTER_PLACE_MODIFIERS:
        k += 1
    return k < len(doc) and doc[k].lower_ in vocab.NAMED_AFTER_COUNTRY_NOUNS


def names_an_accord(doc: Doc, start: int, end: int) -> bool:
    """ "the Oslo accords", "the Minsk agreements", "the Paris attacks": a capital right before
    a noun of an agreement, a meeting or an attack names that act; its government does nothing
    ("Moscow attacks Kyiv" is a verb: still the government; untagged, "the" must come first)."""
    k = end
    if k + 1 < len(doc) and doc[k].lower_ in vocab.NAMED_AFTER_PLACE_MODIFIERS:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in vocab.NAMED_AFTER_PLACE_NOUNS:
        return False
    if doc.has_annotation("TAG"):
        return not doc[k].tag_.startswith("VB")
    return start > 0 and doc[start - 1].lower_ in vocab.DEFINITE


def _longest_first(atoms: list[Atom]) -> list[Atom]:
    taken = [False] * (max((a.end for a in atoms), default=0) + 1)
    chosen: list[Atom] = []
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        if any(taken[atom.start : atom.end]):
            continue
        taken[atom.start : atom.end] = [True] * (atom.end - atom.start)
        chosen.append(atom)
    return sorted(chosen, key=lambda a: a.start)


def is_name_token(token: Token) -> bool:
    text = token.text
    return (
        token.is_alpha
        and text[0].isupper()
        and not token.is_upper
        and text not in vocab.NAME_STOP_WORDS
    ) or (text[:1].isupper() and "-" in text and text.replace("-", "").isalpha())


def unknown_name(doc: Doc, start: int, taken: set[int]) -> int:
    """End of a capitalised name of up to ``MAX_NAME_TOKENS`` starting at ``start`` (or start)."""
    end = start
    while end < len(doc) and end - start < vocab.MAX_NAME_TOKENS:
        token = doc[end]
        initial = (
            end > start
            and _INITIAL.match(token.text) is not None
            and end + 1 < len(doc)
            and end + 1 not in taken
            and is_name_token(doc[end + 1])
        )
        if end in taken or not (initial or is_name_token(token)):
            break
        if end > start and not doc[end - 1].whitespace_:
            break
        end += 1
    return end


def _validity_boundaries(dictionary: ActorDictionary) -> tuple[dt.date, ...]:
    """Days on which some form starts or stops being valid (recognition changes there)."""
    periods = [c.period for c in dictionary.countries.values()]
    periods += [a.period for g in dictionary.groups.values() for a in g.dated_aliases]
    days = {p.start for p in periods if p.start} | {
        p.end + dt.timedelta(days=1) for p in periods if p.end
    }
    return tuple(sorted(days))


def sentences_back(token: Token, count: int) -> int:
    """Where the sentence ``count`` sentences before ``token``'s starts (the first sentence's
    start when there are fewer): how far back a reference may look."""
    doc, start = token.doc, token.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start
