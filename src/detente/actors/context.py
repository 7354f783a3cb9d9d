"""Actors in context, from the dependency parse: pronouns in every clause, and a country for
sector-only actors from what the text says around them.

Without a parse the actor stage resolves only pronouns that attribute speech. With one, every
third-person pronoun that is a subject, object or possessor becomes a mention to resolve, and a
sector term coded without a country ("its forces", "the troops", "the government") takes it from,
in order:

1. its own noun phrase: a possessor ("its forces" → the antecedent of "its"; "Iran's navy"),
   a country adjective or name before it, or an "of"/"from" phrase ("the troops of Iraq",
   "officials from Russia");
2. an apposition ("officials, the ministry of Iraq's ...");
3. the reporting clause, when the sector term is the subject of a clause reported by a country
   or an organisation ("Iraq said troops repelled ..." → Iraq's troops);
4. for a definite government, military, police, intelligence service, judiciary, legislature,
   opposition or armed
   group ("the government", "the army", "the rebels"), or a bare plural of them ("ministers",
   "militants"), with nothing else: the country the article is about (the one its actors and
   its dateline name most, well ahead of the next), marked as inferred.

An actor left without a country keeps its bare sector code; the event coder does not let it be
an event's source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..datafiles import read_tsv
from ..errors import DictionaryError
from . import vocab
from .apposition import apposed_to_name, nearest_role, role_before
from .codes import actor_code, sectors_of
from .compose import proper_body
from .local import local_country
from .recognize import Draft, sentences_back, unknown_person
from .repeated import repeated_country
from .titled import BODY_ROLE_NOUNS

#: Sectors of non-state armed groups: without a country of their own they take the country the
#: article's places are in (the war's), not its most-named actor's.
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP"})
#: Force sectors that a people spread over several states ("Kurdish forces", "Kurdish
#: militias") does not have as a state: its fighters are rebels of the country it is placed in.
STATE_FORCES = frozenset({"MIL", "UAF"})
PEOPLE_FORCE = "REB"
#: Prepositions after which a country name is a place ("fighting in Syria").
PLACE_PREPOSITIONS = frozenset({"in", "inside", "across", "near", "into", "throughout", "around"})


@dataclass(frozen=True)
class Setting:
    """What the article says about where it is: its dateline's and outlet's countries, and the
    countries of the places it names (cities, regions, "in Syria"), counted."""

    dateline: str | None = None
    outlet: str | None = None
    places: Counter[str] = field(default_factory=Counter)
    peoples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: A place name to its country (capitals, cities, regions), for "officials in Ankara".
    place_country: Callable[[str], str | None] | None = None


def read_peoples(path: Path, countries: Mapping[str, object]) -> dict[str, tuple[str, ...]]:
    """peoples.tsv: a people's name or adjective -> the countries it may stand for."""
    out: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return out
    for line, row in read_tsv(path):
        form = (row.get("form") or "").strip()
        codes = tuple((row.get("countries") or "").split())
        if not form or not codes:
            raise DictionaryError(str(path), line, "a people needs a form and its countries")
        unknown = [c for c in codes if c not in countries]
        if unknown:
            raise DictionaryError(str(path), line, f"unknown country code(s) {unknown}")
        out[form] = codes
    return out


def place_countries(
    doc: Doc, drafts: list[Draft], place_country: Callable[[str], str | None]
) -> Counter[str]:
    """Countries of the places an article names: runs of proper nouns the gazetteer knows
    (not actors), and countries written as places ("in Syria")."""
    covered = [False] * len(doc)
    for d in drafts:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    counts: Counter[str] = Counter()
    k = 0
    while k < len(doc):
        token = doc[k]
        if token.pos_ != "PROPN" or covered[k]:
            k += 1
            continue
        end = k
        while end < len(doc) and doc[end].pos_ == "PROPN" and not covered[end]:
            end += 1
        country = place_country(doc[k:end].text)
        if country:
            counts[country] += 1
        k = end
    for d in drafts:
        if d.kind == "country" and d.start > 0 and doc[d.start - 1].lower_ in PLACE_PREPOSITIONS:
            counts[d.country or ""] += 1
    counts.pop("", None)
    return counts


def _people_country(
    doc: Doc, draft: Draft, drafts: list[Draft], setting: Setting
) -> tuple[str, str] | None:
    """ "Kurdish forces" in an article on Afrin: the people's country the article is about;
    "the Foreign Office" (a body several states have by that name): the one the article names."""
    head = doc[draft.end - 1]
    words = [t for t in doc[max(draft.start - 2, 0) : draft.end]] + [
        c for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i
    ]
    start = draft.start + (doc[draft.start].lower_ in DEFINITE)
    phrase: list[Token | Span] = [doc[start : draft.end]] if draft.end - start > 1 else []
    for token in (*phrase, *words):
        candidates = setting.peoples.get(token.text)
        if not candidates:
            continue
        actors = Counter(d.country for d in drafts if d.country)
        opposed = _object_countries(doc, draft, drafts)
        candidates = tuple(c for c in candidates if c not in opposed) or candidates
        best = max(candidates, key=lambda c: (setting.places[c], actors[c], -candidates.index(c)))
        return best, f"{token.text!r} in an article placed in {best}"
    return None


def _object_countries(doc: Doc, draft: Draft, drafts: list[Draft]) -> set[str]:
    """ "Kurdish forces attacked Turkey": the countries of the objects of the verb a people's
    phrase is the subject of; its people there are not that state's (Turkey's Kurds do not
    attack Turkey in the same breath as the article's Syrian ones)."""
    head = doc[draft.end - 1]
    if head.dep_ != "nsubj":
        return set()
    out = set()
    for child in head.head.children:
        objects = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep" and child.lower_ in ("against", "on"):
            objects = [g for g in child.children if g.dep_ == "pobj"]  # not "in Syria": a place
        for obj in objects:
            other = _draft_at(drafts, obj.i)
            if other is not None and other.country and other.kind in ("country", "metonym"):
                out.add(other.country)  # a state named, not a pronoun ("denied it")
    return out


#: Pronouns worth resolving with a parse, and what they can refer to.
PRONOUN_REFERENTS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "they": "body",
    "them": "body",
    "their": "body",
    "it": "body",
    "its": "body",
}
#: How many sentences before its own a "they" or "it" may find its antecedent in.
BODY_PRONOUN_SENTENCES = 2
#: Dependencies of a pronoun that make it an actor of its clause.
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative"})
#: Verbs whose "it" subject is expletive ("it is clear that", "it seems", "it was reported").
EXPLETIVE_HEADS = frozenset(
    {"is", "was", "be", "been", "seems", "seemed", "seem", "appears", "appeared", "appear",
     "remains", "remained", "'s", "looks", "looked", "means", "meant", "take", "takes", "took",
     "emerged", "happens", "happened", "matters", "helps", "makes", "made"}
)  # fmt: skip
#: Sectors that a definite description with no country ("the government") takes from the
#: article's country.
ARTICLE_COUNTRY_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "REB", "INS", "UAF", "SEP"}
)
#: Sector words that name another state's government more often than the article's own
#: ("the regime" in news on Syria written from Turkey's side): never given the article's
#: country, but that of its places (``_regime``).
NOT_ARTICLE_TERMS = frozenset({"regime", "regimes", "junta"})
DEFINITE = frozenset({"the"})
#: Determiners that make a plural something other than the body as a whole ("some officials").
DETERMINERS = frozenset(
    {
        "some",
        "many",
        "several",
        "two",
        "three",
        "few",
        "other",
        "its",
        "their",
        "his",
        "her",
        "our",
        "a",
        "an",
    }
)
#: The article's country must be named at least this often, and this many times more often
#: than the next country, before "the government" is taken as its government.
ARTICLE_COUNTRY_MIN = 3
ARTICLE_COUNTRY_LEAD = 1.5
#: The outlet's home country counts as this many mentions.
OUTLET_WEIGHT = 3
#: The dateline's country counts as this many mentions.
DATELINE_WEIGHT = 3
#: Prepositions whose object names the country of the noun they follow ("officials from Russia").
NP_COUNTRY_PREPOSITIONS = frozenset({"of", "from"})
#: Prepositions whose object country is where people live or work ("activists in Iran",
#: "lawmakers in France"): their country, except for armed forces, which are often abroad
#: ("troops in Iraq").
RESIDENCE_PREPOSITIONS = frozenset({"in", "inside"})
#: Sector codes that operate abroad: a place after them does not give their country.
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "INS", "UAF", "IMG"})
#: Prepositions whose object names the body a noun serves ("a spokesman for the Taliban").
BODY_PREPOSITIONS = frozenset({"for"})
PHRASE_PREPOSITIONS = NP_COUNTRY_PREPOSITIONS | BODY_PREPOSITIONS | RESIDENCE_PREPOSITIONS
#: Drafts that are bodies: an organisation or a group gives its code to who serves it.
BODY_DRAFTS = frozenset({"igo", "group"})
#: Dependencies inside a noun phrase that can name its country.
NP_COUNTRY_DEPS = ("poss", "amod", "compound", "nmod")


def _expletive(token: Token) -> bool:
    """ "it was reported that", "it is clear that", "it seems": "it" refers to nothing."""
    return token.dep_ == "nsubjpass" or token.head.lower_ in EXPLETIVE_HEADS


def parse_pronoun_drafts(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Third-person pronouns the parse makes actors of their clause (not already drafts)."""
    covered = [False] * len(doc)
    for d in drafts:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    found = []
    for token in doc:
        referent = PRONOUN_REFERENTS.get(token.lower_)
        if _bare_organisation(token):
            referent = "body"
        if referent is None or covered[token.i] or token.dep_ not in PRONOUN_DEPS:
            continue
        if token.lower_ == "it" and _expletive(token):
            continue
        if token.lower_ == "her" and token.dep_ not in ("poss", "dobj", "pobj", "dative"):
            continue
        prefer = _governing_subject(token)
        barrier = _barrier(token, covered) if referent == "body" else -1
        if token.dep_ == "poss" and prefer and not any(covered[h] for h in prefer):
            barrier = len(doc)  # "Both residents had their homes confiscated": no actor's
        found.append(
            Draft(
                start=token.i,
                end=token.i + 1,
                kind="pronoun",
                resolution=f"{token.dep_} of {token.head.text!r}",
                barrier=barrier,
                prefer=prefer,
                exclude=_own_subject(token, drafts),
            )
        )
    return found


#: Nouns that, as "the organisation" with nothing else, stand for a body named before.
BODY_ANAPHORS = frozenset({"organisation", "organization"})


def _bare_organisation(token: Token) -> bool:
    """ "A spokesman for the European Anti-Fraud Office said the organisation agreed": a bare
    "the organisation" (no modifier, no "of") refers to the body just named, like "it"."""
    if token.lower_ not in BODY_ANAPHORS or token.tag_ != "NN":
        return False
    children = list(token.children)
    return len(children) == 1 and children[0].lower_ == "the" and children[0].dep_ == "det"


def _clause_verb(token: Token) -> Token | None:
    node = token.head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _subject_heads(verb: Token) -> tuple[int, ...]:
    return tuple(c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


#: Non-finite verb forms: a clause headed by one has no subject of its own.
NON_FINITE_TAGS = frozenset({"VBG", "VBN", "VB"})


def _governing_subject(pronoun: Token) -> tuple[int, ...]:
    """ "its forces killed ... as they crushed": the subject of a subordinate clause refers
    first to the subject of the clause it depends on; a possessor inside a clause with no
    subject of its own ("Begum, days after telling a journalist of her desire to return, said")
    first to the subject of the clause that clause depends on."""
    if pronoun.dep_ == "poss":
        return _participle_subject(pronoun)
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return ()
    verb = pronoun.head
    if verb.dep_ not in ("advcl", "conj", "ccomp") or verb.head.i == verb.i:
        return ()  # ccomp: "Begum said she wished": the one who says it
    governor = verb.head
    while (
        not _subject_heads(governor) and governor.dep_ == "conj" and governor.head.i != governor.i
    ):
        governor = governor.head  # "killed or wounded ... as they": the first verb's subject
    return _subject_heads(governor)


def _participle_subject(pronoun: Token) -> tuple[int, ...]:
    """The subject a possessor's subjectless participle clause inherits, or ()."""
    verb = _clause_verb(pronoun)
    own = tuple(i for i in _subject_heads(verb) if i != pronoun.head.i) if verb is not None else ()
    if verb is None or verb.tag_ not in NON_FINITE_TAGS or own:
        return ()  # "had their homes confiscated": "homes" is no subject of its own for "their"
    node = verb
    for _ in range(6):
        if node.head.i == node.i:
            return ()
        node = node.head
        if node.pos_ in ("VERB", "AUX") and _subject_heads(node):
            heads = _subject_heads(node)
            if node.dep_ == "relcl" and node.doc[heads[0]].lower_ in ("who", "which", "that"):
                return (node.head.i,)  # "Begum, who gave birth after telling ... her"
            return heads
    return ()


def previous_subject(doc: Doc, draft: Draft) -> tuple[int, ...]:
    """ "Mr Shamir met Mr Arafat's envoy. He rejected ...": a pronoun subject of a sentence's main
    clause, or the possessor of that subject ("Her father accused ..."), refers first to the
    subject of the sentence before (the centre of attention carries over), not to whoever was
    named last."""
    token = doc[draft.start]
    sentence = token.sent
    if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"):
        token = token.head  # "Her father, speaking from Bangladesh, accused ...": whose father
    if token.dep_ not in ("nsubj", "nsubjpass") or sentence.start == 0:
        return ()
    verb = token.head
    if verb.i != sentence.root.i and not (verb.dep_ == "ccomp" and verb.head.i == sentence.root.i):
        return ()
    earlier = [t for t in doc[sentence.start : token.i] if t.dep_ in ("nsubj", "nsubjpass")]
    if earlier:
        return ()  # the pronoun is not the sentence's first subject
    root = doc[sentence.start - 1].sent.root
    return _subject_heads(root)


def private_antecedent(doc: Doc, draft: Draft, heads: tuple[int, ...], drafts: list[Draft]) -> bool:
    """Whether the previous sentence's subject (``heads``), which "he"/"she" refers to first, is
    a person who is no actor ("Her husband ... He later returned"): the pronoun is then no actor
    either, rather than the nearest official named before."""
    referent = doc[draft.start].lower_
    if referent not in ("he", "she") or not heads:
        return False
    covered = {i for d in drafts for i in range(d.start, d.end)}
    for head in heads:
        token = doc[head]
        if head in covered:
            return False
        gender = (
            "m" if token.lower_ in MALE_NOUNS else "f" if token.lower_ in FEMALE_NOUNS else None
        )
        person = token.pos_ == "PROPN" or token.lower_ in PRIVATE_PERSON_NOUNS
        if person and gender in (None, "m" if referent == "he" else "f"):
            return True
    return False


#: He, she and their other forms: the pronouns a private person can be the antecedent of.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def nearer_private_person(doc: Doc, draft: Draft, drafts: list[Draft]) -> bool:
    """Whether a person who is no actor is named closer before "he"/"she" than any actor person
    ("Ali moved to the UK ... his wife": not the Home Secretary named three sentences up). A
    private person is an uncovered proper-noun or person-noun subject in the pronoun's
    sentence or the one before, of the pronoun's gender where the noun says one."""
    gender = PERSON_PRONOUNS.get(doc[draft.start].lower_)
    if gender is None:
        return False
    sentence = doc[draft.start].sent
    earliest = doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    covered = {i for d in drafts for i in range(d.start, d.end)}
    actors = [
        d.end for d in drafts if d.person_like and d.kind != "pronoun" and d.end <= draft.start
    ]
    nearest_actor = max(actors, default=-1)
    for k in range(draft.start - 1, max(earliest, nearest_actor) - 1, -1):
        token = doc[k]
        if k in covered or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        said = "m" if token.lower_ in MALE_NOUNS else "f" if token.lower_ in FEMALE_NOUNS else None
        person = token.pos_ == "PROPN" or token.lower_ in PRIVATE_PERSON_NOUNS
        if person and said in (None, gender):
            return True
    return False


def _singular_name(doc: Doc, index: int, drafts: list[Draft]) -> bool:
    """Whether a token is a country's or body's own name ("Iraq", "the United States", "U.S."),
    not a people ("the Spanish", "the Americans"), which "their" can refer to."""
    draft = _draft_at(drafts, index)
    if draft is None or draft.kind not in ("country", "igo", "group") or not draft.entity_name:
        return False
    text = doc[draft.start : draft.end].text
    return draft.entity_name.lower() in text.lower() or text.replace(".", "").isupper()


def _own_subject(pronoun: Token, drafts: list[Draft]) -> tuple[int, ...]:
    """An object pronoun ("them", "him") never refers to the subject of its own clause, nor a
    plural possessive to a singular name there ("Iraq repelled their offensive")."""
    if pronoun.lower_ == "their" and pronoun.dep_ == "poss":
        verb = _clause_verb(pronoun)
        if verb is None:
            return ()
        return tuple(i for i in _subject_heads(verb) if _singular_name(pronoun.doc, i, drafts))
    if pronoun.dep_ not in ("dobj", "pobj", "dative") or pronoun.lower_ not in (
        "them",
        "him",
        "her",
    ):
        return ()
    verb = _clause_verb(pronoun)
    return _subject_heads(verb) if verb is not None else ()


def _barrier(pronoun: Token, covered: list[bool]) -> int:
    """Where a "they"/"it" stops looking back: at the nearest subject noun that is no actor
    ("the campaigners were so angered they threatened"), else two sentences back."""
    doc = pronoun.doc
    earliest = sentences_back(pronoun, BODY_PRONOUN_SENTENCES)
    plural = pronoun.lower_ in ("they", "them", "their")
    for k in range(pronoun.i - 1, earliest - 1, -1):
        token = doc[k]
        if token.dep_ not in ("nsubj", "nsubjpass") or covered[k]:
            continue
        if token.tag_ in (("NNS", "NNPS") if plural else ("NN", "NNP")):
            return k + 1
    return earliest


def _draft_at(drafts: list[Draft], index: int) -> Draft | None:
    for d in drafts:
        if d.start <= index < d.end:
            return d
    return None


def _context_in_phrase(doc: Doc, draft: Draft, drafts: list[Draft]) -> tuple[Draft, str] | None:
    """The actor named inside the draft's own noun phrase that places it: a possessor or
    modifier, an "of"/"from" phrase ("for" for bodies: "a spokesman for the Taliban"), or an
    apposition."""
    head = doc[draft.end - 1]
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ == "whose" and head.head.dep_ == "relcl":
            owner = _draft_at(drafts, head.head.head.i)  # "Iraq, whose army attacked Iran"
            if owner is not None and owner is not draft and _places(owner):
                return owner, f"whose: {doc[owner.start : owner.end].text!r}"
        if child.dep_ == "poss" and child.lower_ in vocab.COUNTRY_NOUNS:
            named = _the_country(doc, child, drafts)
            if named is not None:
                return named, f"'the {child.text}': {doc[named.start : named.end].text!r}"
        if child.dep_ in NP_COUNTRY_DEPS and child.i < draft.start:
            other = _draft_at(drafts, child.i)
            if other is not None and other is not draft and _places(other):
                return other, f"{child.dep_} {doc[other.start : other.end].text!r}"
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in PHRASE_PREPOSITIONS:
            for grand in child.children:
                other = _draft_at(drafts, grand.i) if grand.dep_ == "pobj" else None
                if other is None or other.kind == "person" or not _places(other):
                    continue
                if child.lower_ in BODY_PREPOSITIONS and other.kind not in BODY_DRAFTS:
                    continue  # "the US envoy for Syria" is not Syria's
                if child.lower_ in RESIDENCE_PREPOSITIONS and (
                    other.kind != "country" or not _resident(draft)
                ):
                    continue
                return other, f"{child.lower_} {doc[other.start : other.end].text!r}"
        if child.dep_ == "appos":
            other = _draft_at(drafts, child.i)
            if other is not None and _places(other) and not _two_people(draft, other):
                return other, f"apposition {doc[other.start : other.end].text!r}"
    role = role_before(doc, draft.start) if draft.kind == "person" else None
    if role is not None:  # "China's U.N. Representative, Ambassador Li Luye"
        other = _role_code(doc, role, drafts)
        if other is not None and other is not draft and _places(other):
            return other, f"apposition to {role.text!r}"
    return None


def _two_people(a: Draft, b: Draft) -> bool:
    """Two named people the parse put in apposition are two people ("Ambassador Li Luye, and
    ..., Abraham Tamir"), not one describing the other."""
    return a.kind == "person" and b.kind == "person" and a.name != b.name


def _the_country(doc: Doc, noun: Token, drafts: list[Draft]) -> Draft | None:
    """The country "the country" stands for: the nearest named before it in its sentence, else
    one named later in it ("The country's army attacked ..., Sudan said"), else the nearest
    named before."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    sentence = noun.sent
    countries = [d for d in drafts if d.country and not d.person_like and d.kind != "pronoun"]
    before = [d for d in countries if d.end <= noun.i]
    here = [d for d in before if d.start >= sentence.start]
    if here:
        return here[-1]
    later = [d for d in countries if noun.i < d.start < sentence.end]
    if later:
        return later[0]
    return before[-1] if before else None


def _residence(
    doc: Doc, draft: Draft, drafts: list[Draft], setting: Setting
) -> tuple[str, str] | None:
    """ "the ruling party in Ankara", "officials in Kabul": people who live and work in a place
    (no armed force) are of its country, though the place itself is no actor there."""
    if setting.place_country is None or not _resident(draft):
        return None
    covered = {i for d in drafts for i in range(d.start, d.end)}
    for child in doc[draft.end - 1].children:
        if child.dep_ != "prep" or child.lower_ not in RESIDENCE_PREPOSITIONS:
            continue
        for place in child.children:
            if place.dep_ != "pobj" or place.pos_ != "PROPN" or place.i in covered:
                continue
            words = [t for t in place.subtree if t.dep_ == "compound" or t.i == place.i]
            name = " ".join(t.text for t in words)
            country = setting.place_country(name)
            if country:
                return country, f"{child.lower_} {name!r}"
    return None


def _resident(draft: Draft) -> bool:
    """A sector noun for people who live where they act (no armed force, no person)."""
    codes = {c for term in draft.sectors for c in term.codes}
    return draft.kind == "sector" and bool(codes) and not codes & FORCE_SECTORS


def _places(draft: Draft) -> bool:
    """Whether an actor can give another its country or body: a country, or a body with a code."""
    return bool(draft.country) or (draft.kind in BODY_DRAFTS and bool(draft.code))


def _reporting_country(doc: Doc, draft: Draft, drafts: list[Draft]) -> tuple[str, str] | None:
    """ "Iraq said troops repelled ...": the subject of a reported clause is the speaker's."""
    head = doc[draft.end - 1]
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = head.head
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp":
        return None
    reporter = node.head
    for child in reporter.children:
        if child.dep_ == "nsubj":
            other = _draft_at(drafts, child.i)
            if other is not None and other.country and other.kind in ("country", "igo", "metonym"):
                return other.country, f"reported by {doc[other.start : other.end].text!r}"
    return None


def article_country(
    drafts: list[Draft], dateline_country: str | None, outlet_country: str | None = None
) -> tuple[str | None, str]:
    """The country an article is about: the one its actors, its dateline and its outlet (a
    national paper's "the government" is its own country's) name most."""
    counts: Counter[str] = Counter(d.country for d in drafts if d.country and _own_country(d))
    if dateline_country:
        counts[dateline_country] += DATELINE_WEIGHT
    if outlet_country:
        counts[outlet_country] += OUTLET_WEIGHT
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < ARTICLE_COUNTRY_MIN:
        return None, ""
    home = outlet_country is not None and ranked[0][0] == outlet_country
    if home and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        # a national paper's "the government" is its own, unless another country leads
        return ranked[0][0], f"the outlet's country, named most ({ranked[0][1]} mentions)"
    if len(ranked) > 1 and ranked[0][1] < ARTICLE_COUNTRY_LEAD * ranked[1][1]:
        return None, ""
    return ranked[0][0], f"the article's country ({ranked[0][1]} mentions)"


def _bodies_through_descriptions(doc: Doc, drafts: list[Draft]) -> None:
    """ "A spokesman for the European Anti-Fraud Office said ... spokesman Jorg Wojahn said":
    a description resolved to a person outside the dictionary, placed in a body by its own
    phrase, gives that person the body's code (before the article's country could)."""
    for draft in drafts:
        if draft.kind not in ("description", "sector") or draft.antecedent is None:
            continue
        person = drafts[draft.antecedent]
        if person.kind != "person" or person.person is not None or person.country:
            continue
        if person.body_code is not None:
            continue
        placed = _context_in_phrase(doc, draft, drafts)
        if placed is None or placed[0].kind not in BODY_DRAFTS:
            continue
        body, why = placed
        if not body.code:
            continue
        person.code, person.country, person.body_code = body.code, body.country, body.code
        person.roles = sectors_of(body.code, body.country)
        note = f"the body's code from a description of this person: {why}"
        person.role_applied = f"{person.role_applied}; {note}" if person.role_applied else note


def _own_country(draft: Draft) -> bool:
    """Whether a draft acts for its country: not a person of one nationality serving a body
    ("Staffan de Mistura", Italian, as the UN's envoy is IGOUNO, no Italian actor)."""
    return draft.code is None or draft.country is None or draft.code.startswith(draft.country)


def _war_country(setting: Setting) -> tuple[str, str] | None:
    """The country an article's places are in, when one clearly leads (armed groups fight
    where the story is, whoever it names most)."""
    ranked = setting.places.most_common(2)
    if not ranked or ranked[0][1] < ARTICLE_COUNTRY_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] < ARTICLE_COUNTRY_LEAD * ranked[1][1]:
        return None
    return ranked[0][0], f"inferred: the country of the article's places ({ranked[0][1]})"


def _regime(doc: Doc, draft: Draft) -> bool:
    """ "the regime", "the junta": the government of the country the article's places are in
    (news on Syria written from Turkey's side calls Damascus "the regime"), not of the country
    its actors name most."""
    return (
        draft.kind == "sector"
        and doc[draft.end - 1].lower_ in NOT_ARTICLE_TERMS
        and any(t.lower_ in DEFINITE for t in doc[draft.start : draft.end])
    )


#: Names of legislatures that news writes capitalised before one of their organs.
LEGISLATURE_NAMES = frozenset({"senate", "commons", "congress", "parliament", "congressional"})


def _named_legislature(doc: Doc, draft: Draft) -> bool:
    """ "a special Senate committee": the legislature's name, capitalised inside the sentence,
    makes one body of the article's state of an indefinite phrase."""
    return "LEG" in draft.roles and any(
        t.lower_ in LEGISLATURE_NAMES and t.text[:1].isupper() and not t.is_sent_start
        for t in doc[draft.start : draft.end]
    )


#: Media words that mean the article's country's own press (not "journalists": often foreign).
NATIONAL_PRESS_WORDS = frozenset({"press", "reports"})


def _state_body(doc: Doc, draft: Draft) -> bool:
    """ "the government", "the army", or a bare plural of officials ("ministers", "MPs",
    "police"): a body of the state the article is about when nothing else names the country."""
    roles = set(draft.roles)
    if roles == {"MED"} and doc[draft.end - 1].lower_ in NATIONAL_PRESS_WORDS:
        roles = {"MED", "GOV"}  # "the press", "press reports": the country's own press
    if not roles & ARTICLE_COUNTRY_SECTORS or draft.kind not in ("sector", "description", "person"):
        return False
    if draft.kind == "person":  # "Judge Barrington Parker": a titled person outside the dictionary
        return draft.person is None and draft.name is not None
    first = doc[draft.start]
    before = doc[draft.start - 1] if draft.start > 0 else None
    definite = first.lower_ in DEFINITE or (before is not None and before.lower_ in DEFINITE)
    definite = definite or proper_body(doc, draft.start, draft.end)
    definite = definite or _named_legislature(doc, draft)
    if before is not None and before.like_num and draft.start > 1:  # "the two opposition
        definite = definite or doc[draft.start - 2].lower_ in DEFINITE  # parties": all of them
    if doc[draft.end - 1].lower_ in NOT_ARTICLE_TERMS:
        return False
    counted = first.lower_ in DETERMINERS or (
        before is not None and (before.lower_ in DETERMINERS or before.like_num)
    )  # "several officials", "two ministers": some of the body, not the body
    plural = doc[draft.end - 1].tag_ in ("NNS", "NNPS") and not counted
    return definite or (plural and not roles & {"MIL"})


def place_in_context(doc: Doc, drafts: list[Draft], setting: Setting) -> None:
    """Give sector-only drafts a country from the parse and the article (module docstring)."""
    dateline_country, outlet_country = setting.dateline, setting.outlet
    country_of_article: tuple[str | None, str] | None = None
    _bodies_through_descriptions(doc, drafts)
    for draft in drafts:
        if draft.country or not draft.roles or draft.antecedent is not None:
            continue
        if draft.body_code is not None:
            continue  # "UN envoy Jan Kowalczyk": the body's code, whatever place follows
        if draft.kind not in ("sector", "description", "person"):
            continue
        placed = _context_in_phrase(doc, draft, drafts)
        if placed is not None and placed[0].kind in BODY_DRAFTS:
            body, why = placed  # "officials of the UN", "a spokesman for the Taliban"
            draft.code, draft.country = body.code, body.country
            draft.entity_id, draft.entity_name = body.entity_id, body.entity_name
            note = f"the body's code from context: {why}"
            draft.role_applied = f"{draft.role_applied}; {note}" if draft.role_applied else note
            continue
        residence = _residence(doc, draft, drafts, setting) if placed is None else None
        people = None
        if placed is None and residence is None:
            people = _people_country(doc, draft, drafts, setting)
        found = (
            (placed[0].country or "", placed[1])
            if placed is not None
            else residence
            or people
            or _reporting_country(doc, draft, drafts)
            or repeated_country(doc, draft, drafts)
        )
        if people is not None and found is people and set(draft.roles) & STATE_FORCES:
            # "Kurdish forces", "Kurdish militias": a people's fighters are no state's army
            draft.roles = tuple(PEOPLE_FORCE if r in STATE_FORCES else r for r in draft.roles)
        armed = bool(set(draft.roles) & ARMED_SECTORS)
        if found is None and armed and _state_body(doc, draft):
            found = _war_country(setting)
        if found is None and _regime(doc, draft):  # the government where the story happens
            found = _war_country(setting)
        named = apposed_to_name(doc, draft.start, draft.end)  # "Edward Leigh, an MP, said"
        if found is None and not armed and (_state_body(doc, draft) or named):
            if country_of_article is None:
                country_of_article = article_country(drafts, dateline_country, outlet_country)
            country, why = country_of_article
            found = (country, f"inferred: {why}") if country else None
        if found is None:  # civilians, workers: the story's people (actors/local.py)
            if country_of_article is None:
                country_of_article = article_country(drafts, dateline_country, outlet_country)
            home = dateline_country if country_of_article[0] == dateline_country else None
            found = local_country(
                doc, draft, lambda: _war_country(setting), home, setting.place_country
            )
        if found is None:
            continue
        country, why = found
        draft.country = country
        draft.code = actor_code(country, draft.roles)
        note = f"country from context: {why}"
        draft.role_applied = f"{draft.role_applied}; {note}" if draft.role_applied else note
    for draft in drafts:  # pronouns, descriptions, surnames follow their antecedent's new code
        surname = (draft.resolution or "").startswith("surname")
        described = draft.kind == "sector" and draft.person_like  # "a spokesman for X said"
        if draft.antecedent is not None and (
            draft.kind in ("pronoun", "description", "statement") or surname or described
        ):
            root = drafts[draft.antecedent]
            draft.country, draft.code, draft.roles = root.country, root.code, root.roles


#: Drafts that can code the role of a person named beside it: a body, a sector, a country.
PLACING_DRAFTS = frozenset({"igo", "group", "sector", "country", "metonym"})
#: Words a name may not start with: a capitalised word that opens a sentence or a title.
NOT_NAME_WORDS = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr", "sir"})
#: The longest name, in tokens ("Abu Bakr al-Baghdadi" is 5 with the hyphen).
MAX_NAME_TOKENS = 6


def _name_span(head: Token) -> tuple[int, int] | None:
    """The tokens of a proper name headed by ``head`` ("Abraham Tamir"), or None."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    start = head.i
    for child in sorted(head.children, key=lambda t: -t.i):
        if child.i < head.i and child.dep_ in ("compound", "flat") and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    words = head.doc[start : head.i + 1]
    if len(words) > 2 and words[0].text in vocab.HONORIFICS:
        words = words[1:]  # "Sir Ian Blair": the name after the honorific decides, and keeps it
    if len(words) < 2 or len(words) > MAX_NAME_TOKENS:
        return None  # a single capitalised word is too often no person
    if (
        any(
            not (t.text[:1].isupper() or t.text in ("-", "al", "bin", "ibn", "de", "van", "von"))
            for t in words
        )
        or words[0].lower_ in NOT_NAME_WORDS
        or any(t.lower_ in vocab.NOT_PERSON_WORDS for t in words)
    ):
        return None  # "Conventional Armed Forces", "Security Council": a body, not a person
    return start, head.i + 1


def _role_code(doc: Doc, noun: Token, drafts: list[Draft]) -> Draft | None:
    """The draft that codes a role noun ("the director-general of the Israeli Foreign
    Ministry"): its own, or the body or country of its "of" phrase or possessor."""
    own = _draft_at(drafts, noun.i)
    placed = own is not None and (bool(own.country) or own.body_code is not None)
    if own is not None and placed and own.kind in ("sector", "description", "person"):
        return own if own.kind != "person" or own.person is None else None
    for child in noun.children:  # "a spokesman for the Taliban": the body, not bare GOV
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("of", "for")):
            target = (
                child
                if child.dep_ == "poss"
                else next((g for g in child.children if g.dep_ == "pobj"), None)
            )
            other = _draft_at(drafts, target.i) if target is not None else None
            if other is None and target is not None and noun.lower_ in BODY_ROLE_NOUNS:
                other = _body_modifier(target, drafts)  # "head of the UN mission"
            if child.lower_ == "for" and (other is None or other.kind not in BODY_DRAFTS):
                continue  # "the UN envoy for Syria": a mandate, not a nationality
            if other is not None and other.code and other.kind in PLACING_DRAFTS:
                return other
    if (
        own is not None
        and (own.code or own.roles)
        and own.kind in ("sector", "description", "person")
    ):
        return own if own.kind != "person" or own.person is None else None
    return None


def _body_modifier(noun: Token, drafts: list[Draft]) -> Draft | None:
    """The body named as a modifier of a noun ("the UN mission", "Nato's mission"): who
    heads that noun serves the body."""
    for child in noun.children:
        if child.dep_ in ("compound", "poss", "nmod") and child.i < noun.i:
            other = _draft_at(drafts, child.i)
            if other is not None and other.kind in BODY_DRAFTS and other.code:
                return other
    return None


#: Nouns for private people: one named beside them is a person the dictionary does not know,
#: a civilian of the country an adjective or possessor gives ("her Dutch husband, Yago
#: Riedijk"), or of no known country (then uncoded, but still a person "he" can refer to).
PRIVATE_PERSON_NOUNS = frozenset(
    "husband wife father mother son daughter brother sister uncle aunt cousin grandfather "
    "grandmother parent man woman boy girl teenager student citizen national resident "
    "businessman businesswoman farmer teacher doctor nurse engineer worker shopkeeper "
    "driver".split()
)


#: Of those, the ones that say a gender.
MALE_NOUNS = frozenset("husband father son brother uncle grandfather man boy businessman".split())
FEMALE_NOUNS = frozenset(
    "wife mother daughter sister aunt grandmother woman girl businesswoman".split()
)


def _private_person(doc: Doc, noun: Token, drafts: list[Draft]) -> Draft | None:
    """A stand-in role for a private person ("her Dutch husband", "a Briton"): CVL of the
    country a modifier or the demonym itself names, else a person with no code."""
    own = _draft_at(drafts, noun.i)
    if (
        own is not None
        and own.kind == "adjective"
        and own.country
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.tag_ in ("NN", "NNP")
    ):  # "Jack Letts, a Briton": a citizen of that country
        return _civilian(noun, own.country)
    if noun.lower_ not in PRIVATE_PERSON_NOUNS:
        return None
    modifiers = [c for c in noun.children if c.i < noun.i]
    modifiers += [g for c in modifiers if c.lower_ == "born" for g in c.children]  # British-born
    for child in modifiers:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and child.i < noun.i:
            other = _draft_at(drafts, child.i)
            if other is not None and other.country and other.kind in ("country", "adjective"):
                return _civilian(noun, other.country)
    return Draft(start=noun.i, end=noun.i + 1, kind="sector")


def _civilian(noun: Token, country: str) -> Draft:
    """A private person of a country, standing in for the role noun that describes them."""
    code = actor_code(country, ("CVL",))
    return Draft(noun.i, noun.i + 1, "sector", country=country, code=code, roles=("CVL",))


def appositive_people(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """People named beside a role in apposition, outside the dictionary: "the director-general
    of the Israeli Foreign Ministry, Abraham Tamir" (ISRGOV), "Abraham Tamir, Israel's envoy".
    Each is a person coded from the role; later mentions by surname corefer."""
    covered = [False] * len(doc)
    for d in drafts:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    found: list[Draft] = []
    for token in doc:
        if token.dep_ != "appos":
            continue
        pairs = ((token, token.head), (token.head, token))
        for name_head, role_head in pairs:
            span = _name_span(name_head)
            if span is None or any(covered[span[0] : span[1]]):
                continue
            role_head = nearest_role(doc, span[0], role_head)
            role = _role_code(doc, role_head, drafts)
            if role is not None and not role.code and role.roles:  # "the development minister"
                role = replace(role, code=actor_code(role.country, role.roles))
            if role is None or not role.code:
                private = _private_person(doc, role_head, drafts)
                if private is None:
                    continue
                role = private
            name = doc[span[0] : span[1]].text
            draft = unknown_person(
                span[0],
                span[1],
                name,
                role,
                described=doc[role_head.left_edge.i : role_head.right_edge.i + 1].text,
                role_applied=f"apposition: {doc[role_head.i].text!r}"
                + (f" coded {role.code}" if role.code else ", a private person (no code)"),
                gender="m"
                if role_head.lower_ in MALE_NOUNS
                else "f"
                if role_head.lower_ in FEMALE_NOUNS
                else None,
            )
            covered[span[0] : span[1]] = [True] * (span[1] - span[0])
            found.append(draft)
            break
    return found
