"""In-article coreference, rule-based: each rule names the antecedent it chose and why.

- a surname alone ("Antonov") refers to the person named in full in this article;
- "he"/"she" as the subject of a speech verb or in a quote attribution ("..., he stressed",
  "he is confident") refers to the most recent person before it (gender is not known: recency
  and role compatibility decide); with none before (a headline), to the first person after;
- "they" in the same position refers to the most recent group of people, country or body;
- a definite description ("the deputy minister") refers to the most recent person whose role
  has every word of it; a nameless role in a headline to the first person it describes;
- a context alias ("the Alliance") to its organisation, a metonym ("the Kremlin") to its country.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Container

from spacy.tokens import Doc

from . import vocab
from .codes import title_words
from .recognize import Draft, given_name_before, honorific_fits
from .statements import KIND as STATEMENT
from .statements import statement_issuer


def _covered(drafts: list[Draft], length: int) -> list[bool]:
    covered = [False] * length
    for d in drafts:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    return covered


def surname_drafts(
    doc: Doc, drafts: list[Draft], words: list[str], titles: Container[str] = frozenset()
) -> list[Draft]:
    """A surname alone, for each person named in full in this article; ``titles`` are the
    lower-case words that may stand before a surname as a title ("minister", "senator")."""
    named: dict[str, Draft] = {}
    for d in drafts:
        if d.kind == "person" and d.surname and d.end - d.start > 1:
            for form in (d.surname, *sorted(d.single_forms)):
                named.setdefault(form, d)
    if not named:
        return []
    covered = _covered(drafts, len(words))
    found = []
    for i, word in enumerate(words):
        full = named.get(word)
        if full is None or covered[i]:
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        if following[:1].isupper() and following.isalpha():
            continue  # part of a longer name: "Antonov Design Bureau"
        if not honorific_fits(doc, i, gender_of(doc, full)):
            continue  # "Mrs Reagan" after "Ronald Reagan" is his wife
        if _other_given_name(doc, i, full, covered, titles):
            continue  # "Sir Ian Blair" after "Tony Blair" is someone else
        found.append(
            dataclasses.replace(
                full, start=i, end=i + 1, kind="person", antecedent=None, resolution="surname"
            )
        )
    return found


def _other_given_name(
    doc: Doc, i: int, full: Draft, covered: list[bool], titles: Container[str]
) -> bool:
    """A given name before the surname that is no word of the full name, nor one of the
    ranks of ``vocab.SURNAME_TITLES``: another person's ("Ian Blair" is not Tony Blair)."""
    if i == 0 or covered[i - 1]:
        return False
    before = doc[i - 1]
    if before.lower_.rstrip(".") in vocab.SURNAME_TITLES:
        return False
    own = {w.lower() for w in doc[full.start : full.end].text.split()}
    return given_name_before(doc, i, titles) and before.lower_ not in own  # "De Mistura"


def _speech_cue(words: list[str], i: int) -> str | None:
    """Why a pronoun at ``i`` attributes speech: the verb or the quote before it; else None."""
    j = i + 1
    while j < len(words) and words[j].lower() in vocab.SPEECH_ADVERBS:
        j += 1
    if j < len(words):
        word = words[j].lower()
        if word in vocab.SPEECH_VERBS:
            return f"subject of {words[j]!r}"
        following = words[j + 1].lower() if j + 1 < len(words) else ""
        if word in vocab.COPULAS and following in vocab.STANCE_ADJECTIVES:
            return f"subject of {words[j]} {words[j + 1]!r}"
    before = [w for w in words[max(0, i - 3) : i] if w.strip()][-2:]
    if any(w in vocab.CLOSING_QUOTES for w in before) and "," in before:
        return "in a quote attribution"
    return None


def pronoun_drafts(doc: Doc, drafts: list[Draft], words: list[str]) -> list[Draft]:
    """He, she and they where they attribute speech (other pronouns are left alone)."""
    covered = _covered(drafts, len(words))
    found = []
    for i, word in enumerate(words):
        if len(word) > 4 or word.lower() not in vocab.PERSONAL_PRONOUNS or covered[i]:
            continue
        cue = _speech_cue(words, i)
        if cue is not None:
            found.append(Draft(start=i, end=i + 1, kind="pronoun", resolution=cue))
    return found


def _root(drafts: list[Draft], index: int) -> int:
    seen = set()
    while drafts[index].antecedent is not None and index not in seen:
        seen.add(index)
        index = drafts[index].antecedent  # type: ignore[assignment]
    return index


#: Role words that make another office of the same name: "the foreign secretary" is not the
#: shadow foreign secretary, nor a former one.
OTHER_OFFICE_WORDS = frozenset({"shadow", "former", "ex"})


def _words(draft: Draft, day: dt.date | None) -> frozenset[str]:
    """Everything said about a person: the role words written and the dictionary role held."""
    words = set(title_words(draft.described))
    if draft.person is not None:
        role = draft.person.role_on(day)
        if role is not None:
            words |= title_words(role.title)
    return frozenset(words)


#: Mentions looked through for an antecedent, back and ahead. A news article has 50-300
#: mentions; the bound keeps a pathological text (thousands of unresolvable surnames) linear.
MAX_ANTECEDENT_DISTANCE = 500
#: How many sentences after its own a pronoun with no antecedent before it may look ahead, once
#: past the headline and sub-headings (``HEADING_SENTENCES``, which look as far as the story's
#: first naming): "they allowed me" in a quotation is not the country named five sentences on.
LOOK_AHEAD_SENTENCES = 2
HEADING_SENTENCES = 4


def _nearest(
    drafts: list[Draft],
    index: int,
    accept: Callable[[Draft], bool],
    sentence_of: Callable[[int], int],
) -> tuple[int | None, str]:
    """The most recent accepted draft before ``index``, else the first in a later sentence.

    Looking ahead (a sub-heading's "he stressed" before the story names him) stops at the
    sentence's end: "They criticized NATO" does not make NATO its own critic.
    """
    for j in range(index - 1, max(-1, index - 1 - MAX_ANTECEDENT_DISTANCE), -1):
        if accept(drafts[j]):
            return j, "the most recent"
    here = sentence_of(drafts[index].start)
    for j in range(index + 1, min(len(drafts), index + 1 + MAX_ANTECEDENT_DISTANCE)):
        sentence = sentence_of(drafts[j].start)
        if here >= HEADING_SENTENCES and sentence > here + LOOK_AHEAD_SENTENCES:
            break
        if sentence > here and accept(drafts[j]) and drafts[j].antecedent is None:
            return j, "none before it; the first"
    return None, ""


def _describe(draft: Draft, doc: Doc, sentence_of: Callable[[int], int]) -> str:
    return f"{doc[draft.start : draft.end].text!r} (sentence {sentence_of(draft.start)})"


Rule = tuple[Callable[[Draft], bool], str]

#: Pronouns and what they can refer to: a man (m), a woman (f), or a country, body or group.
PRONOUN_REFERENTS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f",
    "they": "body", "them": "body", "their": "body", "it": "body", "its": "body",
    "organisation": "organisation", "organization": "organisation",
}  # fmt: skip
#: Drafts a "they" or "it" can refer to.
BODY_KINDS = frozenset({"igo", "group", "country", "sector", "metonym"})
#: Titles that say a person's gender ("Mrs Begum", "Sir Ian Blair").
FEMALE_TITLES = frozenset(
    {"mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "baroness", "princess"}
)
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "baron"})


def gender_of(doc: Doc, draft: Draft) -> str | None:
    """m or f where the dictionary or a title says it; None when unknown."""
    if draft.person is not None and draft.person.gender:
        return draft.person.gender
    if draft.gender:
        return draft.gender
    for token in doc[max(draft.start - 1, 0) : draft.end]:
        word = token.lower_.rstrip(".")
        if word in FEMALE_TITLES:
            return "f"
        if word in MALE_TITLES:
            return "m"
    return None


def _rule(doc: Doc, draft: Draft, day: dt.date | None) -> Rule | None:
    """Which antecedents a draft accepts and how to say why; None when no rule applies."""
    text = doc[draft.start : draft.end].text
    if draft.kind == "pronoun":
        word = doc[draft.start].lower_
        referent = PRONOUN_REFERENTS.get(word, "person")
        if referent == "organisation":  # "the organisation": a body named as such, no state

            def organisation(d: Draft) -> bool:
                return d.kind in ("igo", "group") and not d.person_like

            return organisation, f"{text!r} {draft.resolution}: {{how}} organisation"
        if referent == "body":
            singular = word in ("it", "its")

            def body(d: Draft) -> bool:
                if singular and d.kind == "sector" and doc[d.end - 1].tag_ in ("NNS", "NNPS"):
                    return False  # "it" is not "the Sudanese ministers"
                if singular and d.kind == STATEMENT:
                    return True  # "the communique said ... It said": the statement's issuer
                return d.kind in BODY_KINDS and not d.person_like

            return body, f"{text!r} {draft.resolution}: {{how}} group or body"

        def person(d: Draft) -> bool:
            if not d.person_like or d.kind == "pronoun":
                return False
            gender = gender_of(doc, d)
            return gender is None or referent == "person" or gender == referent

        return person, f"{text!r} {draft.resolution}: {{how}} person"
    if draft.resolution == "surname":
        written = doc[draft.end - 1].text

        def named(d: Draft) -> bool:
            same = d.surname in (draft.surname, written) or written in d.single_forms
            return d.person_like and same and d.end - d.start > 1 and d.kind != "pronoun"

        return named, f"surname {text!r}: {{how}} person named in full with it"
    if draft.kind in ("description", "sector") and draft.person_like and draft.name is None:
        wanted = title_words(draft.described)

        def holder(d: Draft) -> bool:
            same_country = draft.country is None or d.country in (None, draft.country)
            words = _words(d, day)
            other_office = (words & OTHER_OFFICE_WORDS) - wanted  # "the foreign secretary"
            return d.kind == "person" and wanted <= words and same_country and not other_office

        words = " ".join(sorted(wanted))
        return holder, f"description {text!r}: {{how}} person whose role has {words!r}"
    if draft.resolution == "context alias":

        def organisation(d: Draft) -> bool:
            return d.entity_id == draft.entity_id and d.resolution != "context alias"

        why = f"context alias {text!r}: {{how}} mention of {draft.entity_name}, named here"
        return organisation, why
    if draft.kind == "metonym":

        def country(d: Draft) -> bool:
            return d.kind == "country" and d.country == draft.country

        why = f"metonym {text!r} for the government of {draft.entity_name}: {{how}} mention"
        return country, why
    return None


def _not_at(
    accept: Callable[[Draft], bool], tokens: frozenset[int], drafts: list[Draft]
) -> Callable[[Draft], bool]:
    """``accept``, for drafts that cover none of ``tokens`` and are not the same entity as
    one that does (an earlier "Iraq" is still the excluded subject "Iraq")."""
    there = [d for d in drafts if any(d.start <= t < d.end for t in tokens)]
    entities = {d.entity_id for d in there if d.entity_id}

    def accept_other(d: Draft) -> bool:
        if any(d.start <= t < d.end for t in tokens):
            return False
        return not (d.entity_id and d.entity_id in entities) and accept(d)

    return accept_other


def _preferred(
    drafts: list[Draft], index: int, accept: Callable[[Draft], bool]
) -> tuple[int | None, str]:
    """The accepted draft before ``index`` covering a token the parse prefers, if any; a
    pronoun there stands for what it resolved to ("She and her son ... Her father")."""
    for token in drafts[index].prefer:
        for j in range(index - 1, -1, -1):
            if not drafts[j].start <= token < drafts[j].end:
                continue
            if accept(drafts[j]):
                return j, drafts[index].prefer_why
            if drafts[j].kind == "pronoun" and drafts[j].antecedent is not None:
                root = _root(drafts, j)
                if accept(drafts[root]):
                    return root, drafts[index].prefer_why
    return None, ""


def _person_key(d: Draft) -> str:
    return d.entity_id or d.name or ""


def _most_named(accept: Callable[[Draft], bool], drafts: list[Draft]) -> Callable[[Draft], bool]:
    """A surname two people named in full share ("Shamima Begum" and her mother "Asma
    Begum"): the one the article names in full most often, then one with a code, is meant;
    the nearer only when they tie (a relative named once is not the story's subject)."""
    counts: dict[str, int] = {}
    coded: dict[str, bool] = {}
    for d in drafts:
        if accept(d):
            key = _person_key(d)
            counts[key] = counts.get(key, 0) + 1
            coded[key] = coded.get(key, False) or d.code is not None
    if len(counts) < 2:
        return accept
    ranked = sorted(counts, key=lambda k: (counts[k], coded[k]), reverse=True)
    best, second = ranked[0], ranked[1]
    if (counts[best], coded[best]) == (counts[second], coded[second]):
        return accept

    def most_named(d: Draft) -> bool:
        return accept(d) and _person_key(d) == best

    return most_named


def _behind(accept: Callable[[Draft], bool], barrier: int) -> Callable[[Draft], bool]:
    """``accept``, for drafts starting at or after the token ``barrier`` only."""

    def accept_near(d: Draft) -> bool:
        return d.start >= barrier and accept(d)

    return accept_near


def resolve(
    doc: Doc, drafts: list[Draft], day: dt.date | None, sentence_of: Callable[[int], int]
) -> None:
    """Set ``antecedent`` and ``resolution`` on every draft a rule applies to, in text order."""
    for i, draft in enumerate(drafts):
        if draft.kind == STATEMENT:
            found, how = statement_issuer(drafts, i)
            if found is not None:
                root = _root(drafts, found)
                draft.antecedent = root
                draft.resolution = (
                    f"{draft.resolution}: {how}: {_describe(drafts[found], doc, sentence_of)}"
                )
                _inherit(draft, drafts[root])
                draft.person_like = False
            continue
        rule = _rule(doc, draft, day)
        if rule is None:
            continue
        accept, why = rule
        if draft.barrier >= 0:
            accept = _behind(accept, draft.barrier)
        if draft.exclude:
            accept = _not_at(accept, frozenset(draft.exclude), drafts)
        if draft.resolution == "surname":
            narrowed = _most_named(accept, drafts)
            if narrowed is not accept:
                accept, why = narrowed, why.replace("with it", "with it (of two, named most)")
        inherits = draft.kind in ("pronoun", "description") or draft.resolution == "surname"
        found, how = _preferred(drafts, i, accept)
        if found is None:
            found, how = _nearest(drafts, i, accept, sentence_of)
        if found is None:
            if draft.resolution in ("surname", "context alias"):
                draft.resolution = None
            continue
        root = _root(drafts, found)
        draft.antecedent = root
        draft.resolution = f"{why.format(how=how)}: {_describe(drafts[found], doc, sentence_of)}"
        if inherits:
            _inherit(draft, drafts[root])
        elif draft.kind == "sector":
            draft.entity_id, draft.entity_name = drafts[root].entity_id, drafts[root].entity_name
        _learn_gender(doc, drafts, draft, root)


def _learn_gender(doc: Doc, drafts: list[Draft], draft: Draft, root: int) -> None:
    """The first "he" or "she" resolved to a person of unknown gender tells it: a later "she"
    no longer resolves to the man "he" referred to."""
    referent = PRONOUN_REFERENTS.get(doc[draft.start].lower_) if draft.kind == "pronoun" else None
    if referent not in ("m", "f") or gender_of(doc, drafts[root]) is not None:
        return
    for d in drafts:
        if d is drafts[root] or (d.antecedent is not None and _root(drafts, d.antecedent) == root):
            d.gender = referent


def _inherit(draft: Draft, root: Draft) -> None:
    """A pronoun, description or surname takes its antecedent's entity and code."""
    for name in (
        "country",
        "person",
        "entity_id",
        "entity_name",
        "wikidata",
        "code",
        "roles",
        "role_applied",
        "name",
        "gender",
    ):
        setattr(draft, name, getattr(root, name))
    draft.person_like = draft.person_like or root.person_like
