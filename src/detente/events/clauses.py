"""Clauses from the dependency parse: who is the subject, and what the text says about the act.

For each predicate the parse gives its grammatical subject (its own, one shared through
``conj``, the noun a relative clause modifies, the controller of an infinitive), its voice and
its ``by`` agent, and its polarity and mood from its own children (``neg``, modal ``aux``,
``mark`` if/unless). Walking up from the predicate, each governing clause says what happens to
the act: "said that ..." reports it (with a speaker), "urged X to ..." asks for it, "plans
to ..." intends it, "managed to ..." asserts it. The verbs that do this are data
(``events/governors.tsv``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Token

from ..datafiles import data_path, read_tsv
from ..errors import DictionaryError
from .inflect import forms

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
#: Modal auxiliaries and the mood they give the act.
MODAL_AUX = {
    "will": "future",
    "'ll": "future",
    "wo": "future",  # "wo n't"
    "shall": "future",
    "would": "conditional",
    "'d": "conditional",
    "could": "conditional",
    "may": "hypothetical",
    "might": "hypothetical",
    "must": "obligation",
    "should": "obligation",
    "ought": "obligation",
    "can": "hypothetical",  # "he can bomb the opposition": able to, not done
    "ca": "hypothetical",  # "ca n't"
}
#: Subordinators that make a clause a condition.
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})
#: Words that negate the verb they modify.
NEGATION_WORDS = frozenset({"not", "n't", "never", "no"})
#: Prepositions before a gerund that change what the gerund asserts.
WITHOUT_PREPOSITIONS = frozenset({"without"})
INSTEAD_PREPOSITIONS = frozenset({"instead", "rather"})
#: Nouns and verbs whose "of + gerund" is an accusation ("accused X of attacking").
ACCUSING = frozenset(
    forms("accuse") | forms("suspect") | forms("charge") | forms("convict") | forms("blame")
    | {"accusation", "accusations", "allegation", "allegations", "charges", "suspicion"}
)  # fmt: skip
#: Verbs that judge their object for an act its "for"/"of" gerund names ("praised Germany for
#: sending troops", "accused Iran of supporting"): the gerund's act is the object's.
JUDGING_VERBS = frozenset(
    w
    for lemma in ("praise", "thank", "commend", "congratulate", "applaud", "hail", "laud",
                  "credit", "reward", "honour", "honor", "criticize", "criticise", "condemn",
                  "denounce", "blame", "accuse", "fault", "attack", "slam", "lash", "rebuke",
                  "reprimand", "punish", "sanction", "fine", "sue", "arrest", "detain", "jail",
                  "charge", "convict", "suspect", "forgive", "pardon", "censure", "chide",
                  "scold", "berate", "assail", "castigate")
    for w in forms(lemma)
)  # fmt: skip
JUDGED_PREPOSITIONS = frozenset({"for", "of", "over"})
#: Verbs of speech a trailing parenthetical uses (", he said"), to report the main clause.
PARENTHETICAL_REPORT = frozenset({"report", "belief"})
#: How far up the tree a predicate's status is looked for.
MAX_DEPTH = 12

#: What a clause's status is, and which of them are not asserted acts.
ASSERTED, REPORTED = "asserted", "reported"
#: Status -> the modality an event in such a clause is flagged with (model.NONFACTUAL_MODALITIES).
STATUS_MODALITY = {
    "denial": "denied",
    "directive": "demanded",
    "intent": "intended",
    "purpose": "intended",
    "future": "future",
    "possible": "hypothetical",
    "condition": "conditional",
    "question": "question",
    "accusation": "alleged",
}
GOVERNOR_VALUES = frozenset(
    {"report", "belief", "denial", "directive", "intent", "negative", "implicative", "future",
     "possible", "alleged", "-"}
)  # fmt: skip


@dataclass(frozen=True)
class Governors:
    """What a governing word does to the clause it governs, by word form."""

    that_clause: dict[str, str]
    infinitive: dict[str, str]


@lru_cache(maxsize=1)
def governors() -> Governors:
    """The packaged governor lexicon (data/events/governors.tsv), every form of each lemma."""
    path = data_path("events", "governors.tsv")
    that_clause: dict[str, str] = {}
    infinitive: dict[str, str] = {}
    for line, row in read_tsv(path):
        lemma = (row.get("lemma") or "").strip().lower()
        clause, inf = (
            (row.get("that_clause") or "-").strip(),
            (row.get("infinitive") or "-").strip(),
        )
        if not lemma or clause not in GOVERNOR_VALUES or inf not in GOVERNOR_VALUES:
            raise DictionaryError(str(path), line, f"bad governor row for {lemma!r}")
        for form in forms(lemma) | {lemma}:
            if clause != "-":
                that_clause.setdefault(form, clause)
            if inf != "-":
                infinitive.setdefault(form, inf)
    return Governors(that_clause, infinitive)


@dataclass(frozen=True)
class Clause:
    """One predicate as the parse reads it (token indices are the Doc's)."""

    head: int
    subjects: tuple[int, ...]  # heads of the grammatical subject (with its conjuncts)
    subject_path: str  # how the subject was found: nsubj, conj>nsubj, relcl, xcomp<dobj ...
    passive: bool
    agents: tuple[int, ...]  # heads of the "by" phrase of a passive
    negated: bool
    modality: str | None
    status: str  # asserted, reported, or what keeps the act from being asserted
    speaker: tuple[int, ...] = ()  # heads of the reporting clause's subject
    cue: int | None = None  # the reporting verb
    governor: int | None = None  # the word that keeps the act from being asserted

    @property
    def asserted(self) -> bool:
        return self.status in (ASSERTED, REPORTED) and not self.negated and not self.modality


def is_predicate(token: Token) -> bool:
    """A verb heading a clause, or a copula with its predicate ("is ready", "was guilty")."""
    if token.pos_ == "VERB":
        return token.dep_ not in ("aux", "auxpass", "amod", "compound")
    return token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")


def _verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def _with_conjuncts(token: Token) -> tuple[int, ...]:
    return (token.i, *(c.i for c in token.conjuncts if c.i != token.i))


def is_infinitive(token: Token) -> bool:
    """ "to attack", "to be attacked": a verb with the infinitive marker."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)


def is_passive(token: Token) -> bool:
    """Passive voice: a passive subject or auxiliary, a reduced relative ("a Briton held by
    Kurds"), a participle with a "by" agent after "had"/"got"/"saw" ("had their homes
    confiscated by the army": the parse gives it a subject), or a conjunct sharing a passive's
    subject ("was arrested and taken away")."""
    if (
        token.tag_ == "VBN"
        and token.dep_ in ("ccomp", "oprd", "xcomp")
        and any(c.dep_ == "agent" for c in token.children)
    ):
        return True
    for child in token.children:
        if child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ == "auxpass":
            return True
        if child.dep_ in SUBJECT_DEPS:
            return False
    if token.tag_ != "VBN":
        return False
    if token.dep_ in ("acl", "advcl") or any(c.dep_ == "agent" for c in token.children):
        return not any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in token.children
        )
    if token.dep_ == "conj" and _verbal(token.head) and not _own_aux(token):
        return is_passive(token.head)
    return False


def _own_aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


#: Nouns of a document that speaks for its author: "tabled a motion opposing the bill", "a
#: resolution condemning the attack was adopted by the assembly" are the author's acts.
DOCUMENT_NOUNS = frozenset(
    "motion motions resolution resolutions statement statements letter letters declaration "
    "declarations petition petitions communique communiqué communiques communiqués "
    "complaint complaints amendment amendments".split()
)


def _nominal_head(token: Token) -> Token:
    """The noun a relative or participial clause modifies (through "which"/"who")."""
    return token.head


def _modified_subject(noun: Token, dep: str) -> tuple[tuple[int, ...], str]:
    """The subject of a clause modifying ``noun``: the noun itself ("rebels who attacked"),
    or, for a document its author issued ("tabled a motion opposing the bill"), the author."""
    if noun.lower_ in DOCUMENT_NOUNS:
        verb = noun.head
        if noun.dep_ == "dobj" and _verbal(verb):
            found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if found:
                return _with_conjuncts(found[0]), f"{dep}<dobj<nsubj"
        if noun.dep_ == "nsubjpass" and _verbal(verb):
            agents = agents_of(verb)
            if agents:
                return agents, f"{dep}<nsubjpass<agent"
    return _with_conjuncts(noun), dep


#: Nouns of an attempt whose infinitive is the attempted act, done by whoever makes the attempt:
#: "made repeated attempts to block", "involved in efforts to gather", "stepped up its campaign
#: to discredit". CAMEO codes attempts (as "tried to seize" in the governor lexicon).
ATTEMPT_NOUNS = frozenset(
    "attempt attempts effort efforts bid bids campaign campaigns drive drives push".split()
)
#: Verbs whose object attempt is their subject's own ("launched a campaign to"); "in a bid to"
#: on a verb of its own is a purpose, not an act, and is left alone.
ATTEMPT_VERBS = frozenset(
    w
    for lemma in ("make", "launch", "lead", "spearhead", "mount", "step", "intensify", "redouble",
                  "renew", "continue", "pursue", "wage", "join", "begin", "start", "head")
    for w in forms(lemma)
)  # fmt: skip
#: Passive or adjectival hosts of an attempt in an "in" phrase: "was involved in efforts to".
PARTAKING_WORDS = frozenset(
    w for lemma in ("involve", "engage", "participate") for w in forms(lemma)
) | {"active", "instrumental", "part", "role", "lead"}
#: "the opportunity to criticise" is taken when it is used, seized or never missed.
OPPORTUNITY_NOUNS = frozenset({"opportunity", "opportunities", "chance", "occasion"})
OPPORTUNITY_VERBS = frozenset(
    w for lemma in ("use", "seize", "take", "grab", "miss") for w in forms(lemma)
)


def attempt_host(token: Token) -> Token | None:
    """The verb whose subject performs an infinitive that completes an attempt noun ("Russia
    made attempts to block" → "made"), or None. The infinitive is then that subject's act,
    asserted as far as the host verb is."""
    if token.dep_ not in ("acl", "relcl") or not is_infinitive(token):
        return None
    noun = token.head
    word, verb = noun.lower_, noun.head
    if word in ATTEMPT_NOUNS:
        if noun.dep_ == "dobj" and verb.lower_ in ATTEMPT_VERBS:
            return verb
        if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.lower_ in PARTAKING_WORDS:
            host = verb.head
            while not _verbal(host) and host.head.i != host.i and host.dep_ in ("dobj", "acomp"):
                host = host.head  # "took part in", "was active in"
            return host if _verbal(host) else None
        return None
    if word in OPPORTUNITY_NOUNS and noun.dep_ == "dobj" and verb.lower_ in OPPORTUNITY_VERBS:
        if verb.lower_ in forms("miss") and not any(
            c.dep_ == "det" and c.lower_ == "no" for c in noun.children
        ):
            return None  # "missed the chance to" is the act not done
        return verb
    return None


def grammatical_subject(token: Token, depth: int = 0) -> tuple[tuple[int, ...], str]:
    """Heads of the clause's grammatical subject, and the path that found it."""
    if depth > MAX_DEPTH:
        return (), ""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    for child in subjects:
        if child.lower_ in RELATIVE_PRONOUNS and token.dep_ in ("relcl", "acl"):
            return _modified_subject(_nominal_head(token), "relcl")
        if child.dep_ == "expl" or child.lower_ in ("there",):
            return (), ""
    if subjects:  # a list the parser split into two subjects ("Lions, tigers, and Gondor")
        heads = tuple(i for child in subjects for i in _with_conjuncts(child))
        return heads, subjects[0].dep_
    dep, governor = token.dep_, token.head
    if governor.i == token.i:
        return (), ""
    if dep == "conj" and _verbal(governor):
        found, path = grammatical_subject(governor, depth + 1)
        return found, f"conj>{path}" if found else ""
    host = attempt_host(token)
    if host is not None:  # "Russia made attempts to block": the attempt's maker
        found, path = grammatical_subject(host, depth + 1)
        return found, f"acl<{governor.lower_}<{path}" if found else ""
    if dep in ("relcl", "acl") and not _verbal(governor):
        return _modified_subject(governor, dep)
    if dep == "xcomp" or (dep in ("ccomp", "oprd") and is_infinitive(token)):
        objects = [c for c in governor.children if c.dep_ in ("dobj", "dative")]
        if objects:  # "urged Turkey to seize": the object controls the infinitive
            return _with_conjuncts(objects[0]), "xcomp<dobj"
        if governor.dep_ in ("acomp", "oprd", "attr") and _verbal(governor.head):
            governor = governor.head  # "Arnor is about (ready, willing) to restore ties"
        found, path = grammatical_subject(governor, depth + 1)
        return found, f"xcomp<{path}" if found else ""
    judged = _judged_actor(token)
    if judged is not None:
        return _with_conjuncts(judged), "pcomp<judged"
    if dep in ("advcl", "pcomp", "acl", "xcomp") and token.tag_ in ("VBG", "VB", "VBN"):
        verb = _participle_host(token) or governor
        while not _verbal(verb) and verb.head.i != verb.i and verb.dep_ in ("prep", "pcomp"):
            verb = verb.head
        if _verbal(verb):
            found, path = grammatical_subject(verb, depth + 1)
            if found and is_passive(verb) and not is_passive(token):
                return (), ""  # "was attacked after refusing": the patient, not the agent
            return found, f"{dep}<{path}" if found else ""
    return (), ""


def _judged_actor(token: Token) -> Token | None:
    """The one judged for the act a gerund names: "praised Germany for sending troops",
    "accused Iran of supporting", "lashed out at Turkey for having shot down", "Iran was
    condemned for shelling": the object (or the passive subject) of the judging verb."""
    preposition = token.head
    if token.dep_ != "pcomp" or preposition.lower_ not in JUDGED_PREPOSITIONS:
        return None
    verb = preposition.head
    if verb.lower_ not in JUDGING_VERBS or preposition.dep_ != "prep":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    for child in verb.children:  # "lashed out at Turkey"
        if child.dep_ == "prep" and child.lower_ in ("at", "on") and child.i < preposition.i:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _participle_host(token: Token) -> Token | None:
    """ "he said, citing ...": a participle after a comma modifies the clause before it, even
    where the parser hangs it on a later word."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.head.i < token.i:
        return None
    if token.i == 0 or token.nbor(-1).text != ",":
        return None
    for k in range(token.i - 2, token.sent.start - 1, -1):
        candidate = token.doc[k]
        if candidate.pos_ == "VERB" and any(c.dep_ in SUBJECT_DEPS for c in candidate.children):
            return candidate
    return None


def agents_of(token: Token) -> tuple[int, ...]:
    """The heads of a passive's "by" phrases ("by his own chiefs and by British ministers")."""
    found: list[int] = []
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ in ("prep", "conj") and child.lower_ == "by"):
            phrases = [child, *(c for c in child.children if c.dep_ == "conj" and c.lower_ == "by")]
            for phrase in phrases:  # "by his chiefs and by British ministers"
                for grand in phrase.children:
                    if grand.dep_ == "pobj":
                        found.extend(i for i in _with_conjuncts(grand) if i not in found)
                        break
    if found:
        return tuple(found)
    if (
        token.dep_ == "conj"
        and _verbal(token.head)
        and not any(c.dep_ == "agent" for c in token.children)
    ):
        # "was arrested and taken away by police": the last conjunct's agent is shared
        for sibling in token.head.children:
            if sibling.dep_ == "agent":
                return agents_of(token.head)
    return ()


def _modal_children(token: Token) -> Iterator[Token]:
    yield from _own_aux(token)
    if token.dep_ == "conj" and _verbal(token.head) and not _own_aux(token):
        yield from _own_aux(token.head)  # "did not attack or threaten": shared auxiliaries


def negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
    if token.dep_ == "conj" and _verbal(token.head) and not _own_aux(token):
        return any(c.dep_ == "neg" for c in token.head.children)
    return False


#: Verbs a speaker performs by saying them, hedged or not: "I would ask the government to",
#: "we would urge Iran to" are the appeal itself, not a conditional one.
PERFORMATIVE_VERBS = frozenset(
    w
    for lemma in ("ask", "urge", "appeal", "call", "request", "implore", "beg", "encourage",
                  "invite", "advise", "warn", "caution", "remind", "thank", "congratulate",
                  "welcome", "condemn", "praise", "commend")
    for w in forms(lemma)
)  # fmt: skip
#: First-person subjects of a performative.
FIRST_PERSON = frozenset({"i", "we"})
#: Hedging auxiliaries a performative may carry ("I would ask", "I'd urge", "I must warn").
HEDGES = frozenset({"would", "'d", "must", "should"})


def _performative(token: Token, aux: Token) -> bool:
    """Whether ``aux`` only hedges a first-person speech act: "I would ask the British
    government not to", "we must warn Iran": said, so done (no condition in the clause)."""
    return (
        aux.lower_ in HEDGES
        and token.lower_ in PERFORMATIVE_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in token.children)
        and not any(c.dep_ == "advcl" for c in token.children)
    )


def conditioned(token: Token) -> bool:
    """Whether the clause of ``token`` has an "if"/"unless" condition, in it or on it."""
    clause = token if is_predicate(token) else token.head
    marked = (clause, *(c for c in clause.children if c.dep_ == "advcl"))
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for m in marked for c in m.children)


def modality(token: Token) -> str | None:
    """The mood of the act from the clause's own auxiliaries, or its condition: the main clause
    of "if talks fail, Russia attacks" is conditional too. A hedged first-person performative
    ("I would urge") has none."""
    for child in _modal_children(token):
        mood = MODAL_AUX.get(child.lower_)
        if mood and _performative(token, child):
            continue
        if mood:
            return mood
    for child in token.children:
        if child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in child.children
        ):
            return "conditional"
    if _awaited(token):
        return "hypothetical"  # not yet done, and no promise that it will be
    return None


#: Subordinators of a time still to come when their verb is in the present tense.
UNTIL_MARKS = frozenset({"until", "till"})


def _awaited(token: Token) -> bool:
    """ "we will advance until they purge the last foothold": a present-tense act after "until"
    has not happened yet ("fighting went on until the rebels withdrew" has)."""
    if token.tag_ not in ("VBP", "VBZ") or token.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in UNTIL_MARKS for c in token.children)


def _speaker_of(verb: Token) -> tuple[int, ...]:
    found, _ = grammatical_subject(verb)
    if found and is_passive(verb):
        return ()  # "it was reported that": no speaker
    return found


def _according_to(token: Token) -> tuple[int, ...]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for grand in child.subtree:
                if grand.dep_ == "pobj":
                    return _with_conjuncts(grand)
    return ()


def _parenthetical_report(token: Token) -> Token | None:
    """ "Iraq attacked Iran, the ministry said": a reporting verb hanging off the clause."""
    table = governors().that_clause
    for child in token.children:
        if (
            child.dep_ in ("parataxis", "advcl", "ccomp")
            and child.i > token.i
            and table.get(child.lower_) in PARENTHETICAL_REPORT
            and _speaker_of(child)
        ):
            return child
    return None


@dataclass
class _Status:
    status: str = ASSERTED
    negated: bool = False
    modality: str | None = None
    speaker: tuple[int, ...] = ()
    cue: int | None = None
    governor: int | None = None  # the word that made the act not asserted ("urged", "vowed")

    def govern(self, status: str, governor: Token) -> _Status:
        self.status, self.governor = status, governor.i
        return self

    def report(self, verb: Token, speaker: tuple[int, ...]) -> None:
        if self.cue is None:  # the nearest reporting clause names the speaker
            self.status, self.speaker, self.cue = REPORTED, speaker, verb.i


def _infinitival(token: Token) -> bool:
    return is_infinitive(token) or (token.tag_ == "VB" and token.dep_ == "xcomp")


def _climb_to_verb(token: Token) -> Token | None:
    """The nearest verb above a noun (a relative clause's noun sits in that verb's clause)."""
    node = token
    for _ in range(MAX_DEPTH):
        if node.head.i == node.i:
            return None
        node = node.head
        if _verbal(node) and node.dep_ not in ("aux", "auxpass"):
            return node
    return None


def clause_status(token: Token) -> _Status:
    """What the clauses above ``token`` do to its act (reported, asked for, intended ...)."""
    table = governors()
    state = _Status()
    node = token
    for _ in range(MAX_DEPTH):
        according = _according_to(node)
        if according:
            state.report(node, according)
        aside = _parenthetical_report(node)
        if aside is not None:
            state.report(aside, _speaker_of(aside))
        dep, governor = node.dep_, node.head
        if governor.i == node.i:
            break
        if dep == "conj":
            node = governor
            continue
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            state.status = "condition"
            return state
        word = governor.lower_
        host = attempt_host(node)
        if host is not None:  # "made attempts to block": as asserted as the making
            state.modality = state.modality or modality(host)
            state.negated = state.negated or negated(host)
            node = host
            continue
        if dep in ("xcomp", "ccomp", "advcl", "acl", "oprd") and _infinitival(node):
            kind = table.infinitive.get(word)
            if kind == "negative":
                state.negated = True
                return state
            if kind in ("directive", "intent", "future", "possible", "denial"):
                return state.govern(kind, governor)
            if kind == "alleged":  # "is alleged to have fired"
                return state.govern("accusation", governor)
            if kind in ("report", "belief"):  # "claims to have encircled", "is said to have"
                state.report(governor, _speaker_of(governor))
                node = governor
                continue
            if kind != "implicative":
                state.status = "purpose"  # "sent troops to attack", "efforts to change"
                return state
            state.modality = state.modality or modality(governor)
            state.negated = state.negated or negated(governor)
            node = governor
            continue
        if dep == "xcomp" and node.tag_ == "VBG":
            kind = table.infinitive.get(word)
            if kind == "negative":
                state.negated = True
                return state
            if kind in ("directive", "intent", "denial"):
                return state.govern(kind, governor)
            node = governor
            continue
        noun_complement = dep == "acl" and governor.pos_ == "NOUN" and word in table.that_clause
        if dep == "ccomp" or noun_complement:  # "said that ...", "rumours that ..."
            kind = table.that_clause.get(word)
            if kind in ("report", "belief"):
                state.report(governor, _speaker_of(governor) if _verbal(governor) else ())
            elif kind in ("denial", "directive"):
                return state.govern(kind, governor)
            elif kind == "alleged":
                return state.govern("accusation", governor)
            elif _verbal(governor):  # "it might be that they ...": the governor's mood
                state.modality = state.modality or modality(governor)
            above = governor if _verbal(governor) else _climb_to_verb(governor)
            if above is None:
                break
            node = above
            continue
        if dep == "pcomp":
            preposition = governor
            above = preposition.head
            if preposition.lower_ in WITHOUT_PREPOSITIONS:
                state.negated = True
                return state
            if preposition.lower_ in INSTEAD_PREPOSITIONS or above.lower_ in INSTEAD_PREPOSITIONS:
                state.status = "intent"
                return state
            if preposition.lower_ == "of" and above.lower_ in ACCUSING:
                state.status = "accusation"
                return state
            verb = above if _verbal(above) else _climb_to_verb(above)
            if verb is None:
                break
            node = verb
            continue
        if dep in ("relcl", "acl", "appos") or not _verbal(governor):
            verb = _climb_to_verb(node)
            if verb is None:
                break
            node = verb
            continue
        node = governor
    root = token.sent.root
    last = [t for t in token.sent if not t.is_space]
    if last and last[-1].text == "?" and node.i == root.i and state.status == ASSERTED:
        state.status = "question"
    return state


#: Verbs of an official order: the act ordered done to something ("ordered her citizenship
#: revoked", "ordered that the embassy be closed") is the orderer's own act, as CAMEO codes it.
ORDER_FORMS = frozenset({"order", "orders", "ordered", "ordering", "decree", "decreed"})


def ordered_by(token: Token) -> tuple[int, ...]:
    """The orderer of a passive act ordered ("the home secretary ordered her citizenship
    revoked": the secretary), or () when the clause is no such order."""
    governor = token.head
    if token.dep_ not in ("ccomp", "oprd") or governor.lower_ not in ORDER_FORMS:
        return ()
    if token.tag_ != "VBN" or not any(
        c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in token.children
    ):
        return ()
    return tuple(c.i for c in governor.children if c.dep_ in SUBJECT_DEPS)


def analyse(token: Token) -> Clause:
    """The clause a predicate heads, with everything the event coder needs from the parse."""
    subjects, path = grammatical_subject(token)
    orderer = ordered_by(token)
    if orderer:  # the order's act: passive, the orderer its agent, as asserted as the order
        return replace(
            analyse(token.head),
            head=token.i,
            subjects=subjects,
            subject_path="nsubjpass",  # "her citizenship revoked": the patient, as in a passive
            passive=True,
            agents=orderer,
        )
    passive = is_passive(token)
    state = clause_status(token)
    mood = modality(token) or state.modality or STATUS_MODALITY.get(state.status)
    return Clause(
        head=token.i,
        subjects=subjects,
        subject_path=path,
        passive=passive,
        agents=agents_of(token) if passive else (),
        negated=negated(token) or state.negated,
        modality=mood,
        status=state.status,
        speaker=state.speaker,
        cue=state.cue,
        governor=state.governor,
    )
