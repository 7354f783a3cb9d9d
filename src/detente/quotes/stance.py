"""Stances and findings: attributions whose verb is no verb of saying.

PolNeAR-style attribution covers more than speech: a finding ("The poll shows that Clinton
leads"), a stance taken on something named ("Obama endorsed her", "the senator rejected the
deal", "called the deal a disaster") and a commitment or refusal to act ("she vowed to fight
on", "the ministry declined to comment"). Each verb class below takes its content in one place
of the parse, and only there: a ``ccomp`` for findings (and any verb's clause opened by
"that"), a ``dobj`` for stances (and a speech cue's noun object), an ``xcomp`` for
commitments, a preposition's object, or an object and its name. Verbs that take the same places
but mostly report nothing ("see", "make", "help", "embrace") are left out.

Every rule needs the parse (nothing is found with ``--fast``) and an active verb whose subject
before it is the speaker; a relative pronoun speaks for its antecedent ("Ruiz, who opposed the
plan"), and a participle after its clause for that clause's subject ("…, citing the cost").
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from .cues import HEARER_LEMMAS, CueForm
from .extract import Attribution, Draft
from .tokens import PASSIVE_DEPS, SUBJECT_DEPS, Cue, TokenView

#: Verbs that take their content either as a clause ("showed that ...") or as an object
#: ("showed a sharp fall", "backed the plan"): in both groups below.
EITHER_VERBS: dict[str, tuple[str, ...]] = {
    "show": ("show", "shows", "showed", "shown", "showing"),
    "discuss": ("discuss", "discusses", "discussed", "discussing"),
    "oppose": ("oppose", "opposes", "opposed", "opposing"),
    "outline": ("outline", "outlines", "outlined", "outlining"),
    "support": ("support", "supports", "supported", "supporting"),
    "back": ("back", "backs", "backed", "backing"),
    "question": ("question", "questions", "questioned", "questioning"),
}
#: Verbs whose clause complement is a finding or a view held ("the survey found that ...").
FINDING_VERBS: dict[str, tuple[str, ...]] = {
    **EITHER_VERBS,
    "find": ("find", "finds", "found", "finding"),
    "recognize": ("recognize", "recognizes", "recognized", "recognise", "recognises",
                  "recognised"),
}  # fmt: skip
#: Verbs whose object is what the subject took a stance on ("endorsed Trump").
OBJECT_VERBS: dict[str, tuple[str, ...]] = {
    "endorse": ("endorse", "endorses", "endorsed", "endorsing"),
    "reject": ("reject", "rejects", "rejected", "rejecting"),
    "denounce": ("denounce", "denounces", "denounced", "denouncing"),
    "disavow": ("disavow", "disavows", "disavowed", "disavowing"),
    "tout": ("tout", "touts", "touted", "touting"),
    **EITHER_VERBS,
    "express": ("express", "expresses", "expressed", "expressing"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "criticize": (
        "criticize",
        "criticizes",
        "criticized",
        "criticizing",
        "criticise",
        "criticises",
        "criticised",
        "criticising",
    ),
    "attack": ("attack", "attacks", "attacked", "attacking"),
    "praise": ("praise", "praises", "praised", "praising"),
    "defend": ("defend", "defends", "defended", "defending"),
    "cite": ("cite", "cites", "cited", "citing"),
    "blast": ("blast", "blasts", "blasted", "blasting"),
    "slam": ("slam", "slams", "slammed", "slamming"),
}
#: Verbs whose infinitive is what the subject commits to or refuses ("declined to comment"),
#: intends ("plans to") or agrees to.
INFINITIVE_VERBS: dict[str, tuple[str, ...]] = {
    "decline": ("decline", "declines", "declined", "declining"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "promise": ("promise", "promises", "promised", "promising"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "threaten": ("threaten", "threatens", "threatened", "threatening"),
    "vote": ("vote", "votes", "voted", "voting"),
    "aim": ("aim", "aims", "aimed", "aiming"),
    "agree": ("agree", "agrees", "agreed", "agreeing"),
    "plan": ("plan", "plans", "planned", "planning"),
    "refuse": ("refuse", "refuses", "refused", "refusing"),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "want": ("want", "wants", "wanted", "wanting"),
    "appear": ("appear", "appears", "appeared", "appearing"),
    "seem": ("seem", "seems", "seemed", "seeming"),
    "hope": ("hope", "hopes", "hoped", "hoping"),
    "decide": ("decide", "decides", "decided", "deciding"),
}
#: Verbs whose object is what their subject puts its name or voice to ("signed the letter",
#: "signed the pledge"): on train, PolNeAR's content nine times in ten.
HELD_OBJECT_VERBS: dict[str, tuple[str, ...]] = {
    "sign": ("sign", "signs", "signed", "signing"),
}
#: Verbs whose prepositional object is what was said ("talked about the wall", "spoke of
#: the cost", "balked at the price"), with the prepositions that take it; on train, PolNeAR's
#: content at least nine times in ten.
PREPOSITION_VERBS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "talk": (("talk", "talks", "talked", "talking"), frozenset({"about"})),
    "speak": (("speak", "speaks", "spoke", "spoken", "speaking"), frozenset({"about", "of"})),
    "balk": (("balk", "balks", "balked", "balking"), frozenset({"at"})),
    "respond": (("respond", "responds", "responded", "responding"), frozenset({"to"})),
    "refer": (("refer", "refers", "referred", "referring"), frozenset({"to"})),
    "point": (("point", "points", "pointed", "pointing"), frozenset({"to"})),
    "rail": (("rail", "rails", "railed", "railing"), frozenset({"against"})),
    "lash": (("lash", "lashes", "lashed", "lashing"), frozenset({"at"})),
    "hint": (("hint", "hints", "hinted", "hinting"), frozenset({"at"})),
    "joke": (("joke", "jokes", "joked", "joking"), frozenset({"about"})),
    "boast": (("boast", "boasts", "boasted", "boasting"), frozenset({"about", "of"})),
    "brag": (("brag", "brags", "bragged", "bragging"), frozenset({"about", "of"})),
    "complain": (("complain", "complains", "complained", "complaining"), frozenset({"about"})),
    "apologize": (
        (
            "apologize",
            "apologizes",
            "apologized",
            "apologizing",
            "apologise",
            "apologises",
            "apologised",
            "apologising",
        ),
        frozenset({"for"}),
    ),
    "warn": (("warn", "warns", "warned", "warning"), frozenset({"about", "of"})),
}
#: Verbs that give what they name a name ("called the plan a disaster"): the object and
#: its complement are the content.
NAMING_VERBS: dict[str, tuple[str, ...]] = {
    "call": ("call", "calls", "called", "calling"),
    "label": ("label", "labels", "labeled", "labelled", "labeling", "labelling"),
    "brand": ("brand", "brands", "branded", "branding"),
    "dub": ("dub", "dubs", "dubbed", "dubbing"),
}
#: The complement of a naming verb's object ("a disaster" in "called the plan a disaster").
NAMING_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "attr", "acomp", "npadvmod"})
#: The name as the parse sometimes hangs it on the object ("called [the charges baseless]",
#: "called [climate change a hoax]").
NAMED_INSIDE_DEPS = frozenset({"amod", "dobj", "appos", "attr", "oprd"})
#: What a relative pronoun subject may stand for as a holder: a name or a noun.
ANTECEDENT_POS = frozenset({"PROPN", "NOUN"})
#: How a participle hangs from the clause whose subject holds its content ("…, citing X").
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj"})
#: Speech cue kinds whose noun object is what was said ("predicted a landslide").
SPEECH_OBJECT_KINDS = frozenset({"neutral", "assertive", "commissive", "expressive"})
#: Speech cues whose object is mostly no utterance ("continued her campaign", "called a
#: meeting", "called him": the name given follows the object).
NOT_OBJECT_LEMMAS = frozenset({"continue", "call"})
#: Phrases after an object that are part of the stance's content ("for proposing ...").
OBJECT_TAIL_DEPS = frozenset({"prep"})
#: Prepositions that open a circumstance of the act, not part of what was held: "attacked
#: Machado in early-morning tweets", "rejected the argument in a ruling", "during the debate".
CIRCUMSTANCE_PREPOSITIONS = frozenset({"in", "on", "at", "during", "after", "before", "since",
                                       "through", "from", "via", "amid", "until",
                                       "throughout"})  # fmt: skip
#: Subjects that stand for a noun elsewhere in the sentence: no speaker in themselves.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "what"})
#: The dependency label each verb group takes its content from, with the cue kind it reads as.
GROUPS: tuple[tuple[dict[str, tuple[str, ...]], str, str], ...] = (
    (FINDING_VERBS, "ccomp", "belief"),
    (OBJECT_VERBS, "dobj", "expressive"),
    (HELD_OBJECT_VERBS, "dobj", "expressive"),
    (INFINITIVE_VERBS, "xcomp", "commissive"),
    (NAMING_VERBS, "naming", "expressive"),
    ({lemma: forms for lemma, (forms, _) in PREPOSITION_VERBS.items()}, "prep", "expressive"),
)


def _index() -> dict[str, list[tuple[str, str, str]]]:
    """Each form with the lemmas, content labels and kinds it may have."""
    index: dict[str, list[tuple[str, str, str]]] = {}
    for verbs, dep, kind in GROUPS:
        for lemma, forms in verbs.items():
            for form in forms:
                index.setdefault(form, []).append((lemma, dep, kind))
    return index


FORMS = _index()


def stance_drafts(view: TokenView, taken: set[int]) -> list[Draft]:
    """The content of every stance, finding or commitment verb not already a cue that a
    quote took (``taken``: cue start words)."""
    if view.doc is None or not view.doc_index:
        return []
    drafts: list[Draft] = []
    for i, word in enumerate(view.lower):
        readings = FORMS.get(word) or _speech_object(view, i) or _that_clause(view, i)
        if not readings or view.quoted[i] or i in taken:
            continue
        draft = _draft(view, i, readings)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _draft(view: TokenView, i: int, readings: list[tuple[str, str, str]]) -> Draft | None:
    """The record of the verb at word ``i``: its subject as speaker, its complement as
    content; None when the parse gives it no such pair."""
    assert view.doc is not None
    token = view.doc[view.doc_index[i]]
    if token.pos_ != "VERB" or any(c.dep_ in PASSIVE_DEPS for c in token.children):
        return None
    subject = _holder(token)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
        subject = _antecedent(token)
    if subject is None:
        return None
    start_word = view.sentence_bounds[view.sentence[i]][0]
    speaker = view.subject_span(subject, start_word, i)
    if speaker is None:
        return None
    for lemma, dep, kind in readings:
        if dep == "naming":
            named = _named(token)
            if named is None:
                continue
            content, end = named
        else:
            child = next((c for c in token.children if c.dep_ == dep and c.i > token.i), None)
            if dep == "prep":
                child = _prepositional_object(child, PREPOSITION_VERBS[lemma][1])
            if child is None:
                continue
            content, end = child, _content_end(token, child)
        first = bisect.bisect_left(view.doc_index, content.left_edge.i)
        last = bisect.bisect_right(view.doc_index, end)
        if view.lower[first] == "that" and dep == "ccomp":
            first += 1  # the complementizer is no part of what was found
        while last > first and view.is_punct(last - 1) and not view.is_mark(last - 1):
            last -= 1
        if first >= last or all(view.quoted[k] for k in range(first, last)):
            return None
        cue = _cue(view, i, lemma, kind)
        return Draft(
            view.starts[first],
            view.ends[last - 1],
            "indirect",
            view.sentence[first],
            Attribution(cue, speaker),
        )
    return None


def _speech_object(view: TokenView, i: int) -> list[tuple[str, str, str]]:
    """A one-word speech cue at word ``i`` read as taking its object as what was said
    ("mentioned the wall", "predicted a landslide"); none for a hearer or a belief."""
    k = bisect.bisect_left(view.cue_starts, i)
    if k == len(view.cues) or view.cue_starts[k] != i:
        return []
    cue = view.cues[k]
    form = cue.form
    if cue.end - cue.start != 1 or form.kind not in SPEECH_OBJECT_KINDS:
        return []
    if form.lemma in HEARER_LEMMAS or form.lemma in NOT_OBJECT_LEMMAS:
        return []
    return [(form.lemma, "dobj", form.kind)]


def _that_clause(view: TokenView, i: int) -> list[tuple[str, str, str]]:
    """Any verb at word ``i`` with a clause opened by "that" after it, read as holding that
    clause ("The senator acknowledged that the vote was close")."""
    assert view.doc is not None
    token = view.doc[view.doc_index[i]]
    if token.pos_ != "VERB":
        return []
    if any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in token.children):
        return []  # "It turns out that …": impersonal, nobody holds the clause
    if any(
        child.dep_ == "ccomp"
        and child.i > token.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
        for child in token.children
    ):
        return [(token.lemma_, "ccomp", "belief")]
    return []


def _antecedent(verb: Token) -> Token | None:
    """The person or body a relative clause's pronoun stands for ("Cruz, who refused to
    endorse Trump" → "Cruz"); None when it stands for no name or noun ("a plan that ...")."""
    head = verb.head
    if verb.dep_ != "relcl" or head.i > verb.i or head.pos_ not in ANTECEDENT_POS:
        return None
    return head


def _holder(verb: Token) -> Token | None:
    """The verb's own subject before it; for a participle after its clause ("The union
    attacked the plan, citing the cost"), the subject of the verb it hangs from."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        return subject if subject.i < verb.i else None
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in PARTICIPLE_DEPS or head.i > verb.i:
        return None
    if any(c.dep_ in PASSIVE_DEPS for c in head.children):
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    return subject if subject is not None and subject.i < head.i else None


def _named(verb: Token) -> tuple[Token, int] | None:
    """What a naming verb names and what it calls it: "called the plan a disaster" (object
    and complement, the content from the object to the complement's end); None when the
    verb has no complement ("called a meeting", "called him")."""
    after = [c for c in verb.children if c.i > verb.i]
    clause = next((c for c in after if c.dep_ == "ccomp"), None)
    if clause is not None and any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return clause, clause.right_edge.i  # "called [the charges baseless]"
    named = next((c for c in after if c.dep_ == "dobj"), None)
    if named is None:
        return None
    complement = next(
        (c for c in after if c.dep_ in NAMING_COMPLEMENT_DEPS and c.i > named.i), None
    )
    if complement is not None:
        return named, complement.right_edge.i
    if any(c.dep_ in NAMED_INSIDE_DEPS and c.i > named.i for c in named.children):
        return named, named.right_edge.i  # the parse hangs the name on the object
    return None


def _prepositional_object(preposition: Token | None, allowed: frozenset[str]) -> Token | None:
    """The object of the verb's preposition when it is one the verb takes its content with
    ("talked about the wall": "the wall"; "talked on Monday": nothing)."""
    if preposition is None or preposition.lower_ not in allowed:
        return None
    return next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)


def _content_end(verb: Token, content: Token) -> int:
    """The last Doc token of the content: an object goes on with the phrases that follow it
    without a break ("criticized Obama for proposing ...", "endorsed Sanders in the primary")."""
    end = content.right_edge.i
    if content.dep_ != "dobj":
        return end
    for child in verb.children:
        if child.lower_ in CIRCUMSTANCE_PREPOSITIONS:
            break  # what follows is when, where or how the stance was taken
        if child.i > end and child.dep_ in OBJECT_TAIL_DEPS and child.left_edge.i == end + 1:
            end = child.right_edge.i
    return end


def _cue(view: TokenView, i: int, lemma: str, kind: str) -> Cue:
    """The speech cue found at word ``i`` ("vowed" is one), else the verb read as a cue."""
    k = bisect.bisect_left(view.cue_starts, i)
    if k < len(view.cues) and view.cue_starts[k] == i:
        return view.cues[k]
    return Cue(i, i + 1, CueForm((view.lower[i],), lemma, kind))


def named_as(view: TokenView, first: int) -> Draft | None:
    """ "Reid has gone after Trump as a “human leech”": a quotation in the "as" phrase of an
    active verb with an object and its own subject is the name the subject gives the object
    (whatever the verb); the record is the object with its "as" phrase, the speaker the
    subject. ``first``: the quotation's first word. None without the parse or the pattern."""
    if view.doc is None or not view.doc_index:
        return None
    token = view.doc[view.doc_index[first]]
    preposition = next((a for a in token.ancestors if a.dep_ == "prep" and a.lower_ == "as"), None)
    if preposition is None:
        return None
    verb = preposition.head
    if verb.pos_ != "VERB" or any(c.dep_ in PASSIVE_DEPS for c in verb.children):
        return None
    named = next((c for c in verb.children if c.dep_ == "dobj" and c.i < preposition.i), None)
    if named is None:  # "gone after Trump as …": a phrasal verb's object
        named = next(
            (o for c in verb.children if c.dep_ == "prep" and c.i < preposition.i
             for o in c.children if o.dep_ == "pobj"),
            None,
        )  # fmt: skip
    subject = _holder(verb)
    if named is None or subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    i = bisect.bisect_left(view.doc_index, verb.i)
    speaker = view.subject_span(subject, view.sentence_bounds[view.sentence[i]][0], i)
    if speaker is None:
        return None
    start = bisect.bisect_left(view.doc_index, named.left_edge.i)
    last = bisect.bisect_right(view.doc_index, max(c.right_edge.i for c in verb.rights))
    while last > start and view.is_punct(last - 1) and not view.is_mark(last - 1):
        last -= 1
    cue = _cue(view, i, verb.lemma_, "expressive")
    return Draft(
        view.starts[start],
        view.ends[last - 1],
        "partial",
        view.sentence[start],
        Attribution(cue, speaker),
    )
