"""Statements that speak for the body that issued them.

War communiqués are reported through the document, not a person: "A military communique
said ...", "the statement said", "It said 81 brigades were destroyed" (where "It" is the
statement of the sentence before). The statement is a mention that resolves to its issuer,
so that "it" after it, and "our forces" inside its quotation, are the issuer's.

Its issuer is, in order: an actor in its own phrase ("Iraq's communique", "a joint statement
by the Iranian Army and Revolutionary Guards", "the Baghdad communique"); a sector word there
with the dateline's country ("A military communique" in a BAGHDAD story is Iraq's army's,
`OWNER_SECTORS`); else the latest statement with an issuer within `STATEMENT_SENTENCES`
sentences ("the statement quoted by IRNA"). A statement with none of these stays uncoded, and
so does an "it" that refers to it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import vocab
from .recognize import Draft, sentences_back

#: Nouns of a document that speaks for its issuer.
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "communiques", "communiqués"})
#: Verbs whose subject is the one speaking ("the communique said", "It denied"); the pipeline
#: has no lemmatizer, so these are the forms.
SPEECH_FORMS = vocab.SPEECH_VERBS | frozenset({"quoted", "quotes", "reported", "reports"})
#: Words that name an issuing body inside a statement's phrase when no actor does: the sector
#: of the dateline's state ("A military communique", "A High Command communique").
OWNER_SECTORS = {"military": "MIL", "army": "MIL", "command": "MIL"}
#: Prepositions whose object issued the statement.
ISSUER_PREPOSITIONS = frozenset({"by", "from", "of"})
#: How many sentences back "the statement" may find an earlier one.
STATEMENT_SENTENCES = 6
KIND = "statement"


def _speaks(token: Token) -> bool:
    """The subject of a speech verb ("the statement said", "said the statement quoted by")."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lower_ in SPEECH_FORMS


def _issuer_tokens(token: Token) -> tuple[int, ...]:
    """Where the phrase names its issuer: a possessor or modifier before it, a "by" object."""
    found = [
        c.i
        for c in token.children
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < token.i
    ]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ISSUER_PREPOSITIONS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found.append(obj.i)
                    found.extend(c.i for c in obj.children if c.dep_ == "conj")
                    found.extend(
                        c.i for c in obj.children if c.dep_ in ("amod", "compound") and c.i < obj.i
                    )  # "by the Iranian High Command", when the command is no actor
    return tuple(found)


#: Verbs whose subject issues the statement that is their object ("Iran issued a statement").
ISSUING_FORMS = frozenset({"issued", "issues", "released", "releases", "published", "publishes"})


def _issuing_subject(token: Token) -> list[int]:
    """ "The ministry issued a statement", "Iran said in a statement": the verb's subject."""
    verb = None
    if token.dep_ == "dobj" and token.head.lower_ in ISSUING_FORMS:
        verb = token.head
    elif (
        token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and token.head.head.lower_ in SPEECH_FORMS
    ):
        verb = token.head.head
    if verb is None:
        return []
    return [c.i for c in verb.children if c.dep_ == "nsubj"]


def _sector_owner(token: Token) -> str | None:
    for child in token.subtree:
        if child.i >= token.i:
            break
        sector = OWNER_SECTORS.get(child.lower_)
        if sector is not None:
            return sector
    return None


def statement_drafts(doc: Doc, drafts: list[Draft], dateline_country: str | None) -> list[Draft]:
    """A draft for each statement that speaks or names its issuer (not already a draft)."""
    covered = [False] * len(doc)
    for d in drafts:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    found = []
    issued: tuple[int, tuple[int, ...]] | None = None  # the latest "issued a statement"
    for token in doc:
        if token.lower_ not in STATEMENT_NOUNS or covered[token.i] or token.pos_ != "NOUN":
            continue
        issuing = _issuing_subject(token)
        if issuing and not _speaks(token):
            # "Norway issued a statement", "Sweden said in a statement": the object of its
            # issuer's verb is no actor of its own ("released the statement" frees no one),
            # but "the statement" after it is that issuer's
            issued = (token.i, tuple(issuing))
            continue
        issuers = _issuer_tokens(token)
        sector = _sector_owner(token) if not any(covered[i] for i in issuers) else None
        owned = any(covered[i] for i in issuers) or bool(sector is not None and dateline_country)
        if not _speaks(token) and not owned:
            continue  # neither speaking nor issued by someone named
        earliest = sentences_back(token, STATEMENT_SENTENCES)
        if not owned and issued is not None and issued[0] >= earliest:
            issuers = issued[1]  # "The statement said", after "Norway issued a statement"
        draft = Draft(
            start=token.i,
            end=token.i + 1,
            kind=KIND,
            resolution=f"a statement ({token.dep_} of {token.head.text!r})",
            prefer=issuers,
            barrier=earliest,
        )
        if sector is not None and dateline_country:
            draft.country, draft.code, draft.roles = (
                dateline_country,
                dateline_country + sector,
                (sector,),
            )
            draft.role_applied = f"issued by the {sector} of the dateline's country"
        found.append(draft)
    return found


def statement_issuer(drafts: list[Draft], index: int) -> tuple[int | None, str]:
    """The draft a statement resolves to (module docstring), or None."""
    draft = drafts[index]
    if draft.code is not None:
        return None, ""  # its issuer is in its own words ("A military communique")
    for token in draft.prefer:
        for j, other in enumerate(drafts):
            if j == index or not other.start <= token < other.end:
                continue
            if other.code or other.antecedent is not None:
                return j, "its issuer, named in its phrase"
    for j in range(index - 1, -1, -1):
        other = drafts[j]
        if other.start < draft.barrier:
            break
        if other.kind == KIND and (other.code or other.antecedent is not None):
            return j, "the latest statement with an issuer"
    return None, ""


def latest_statement(doc: Doc, pronoun: Draft, drafts: list[Draft]) -> tuple[int, ...]:
    """ "'Our forces are advancing' near the Iranians, it said": an "it" that speaks, after a
    statement within `STATEMENT_SENTENCES` sentences, is that statement's (the last one), not
    an actor inside the words it said."""
    token = doc[pronoun.start]
    if token.lower_ != "it" or not _speaks(token):
        return ()
    earliest = sentences_back(token, STATEMENT_SENTENCES)
    before = [d for d in drafts if d.kind == KIND and earliest <= d.start < pronoun.start]
    return (before[-1].start,) if before else ()


def speaking_body(doc: Doc, pronoun: Draft, drafts: list[Draft]) -> int | None:
    """ "The National Audit Office said although fraud was falling, the EU ... It also
    expressed concern": a singular "it" that opens its sentence, after a sentence whose main
    subject is a body that spoke, is that body; the nouns of what the body said ("fraud") do
    not stand between them as they do after any other sentence. The body's first token, or
    None."""
    if doc[pronoun.start].lower_ != "it" or not pronoun.prefer or pronoun.barrier < 0:
        return None
    head = doc[pronoun.prefer[0]]
    if head.head.lower_ not in SPEECH_FORMS or pronoun.barrier <= head.i:
        return None
    for d in drafts:
        if d.start <= head.i < d.end and d.kind in ("igo", "group", "country", "metonym", KIND):
            return d.start
    return None
