"""A flat view of a Doc for the quote rules: words, offsets, sentences, paragraphs, cues.

Built once per Doc from plain lists so that the rules index Python lists, not spaCy tokens
(much faster in the inner loops), and so tests can read it without a pipeline.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .cues import (
    ADJECTIVE_DEPS,
    ADJECTIVE_DETERMINERS,
    BE_FORMS,
    CUE_POS,
    LET_FORMS,
    NOUN_KINDS,
    PASSIVE_ADVERBS,
    PASSIVE_DEPS,
    POSSESSIVE_MARKS,
    POSSESSIVE_PRONOUNS,
    SOURCE_AFTER_KINDS,
    CueForm,
    CueLexicon,
)
from .marks import ALL_MARKS, QuotedSpan

#: Dependency labels of a noun object ("told the Security Council", "told him").
OBJECT_DEPS = frozenset({"dobj", "dative"})
#: Kinds whose multi-word forms are phrases, not a verb and its particle ("calls for").
PHRASE_KINDS = frozenset({"multiword", "attribution", "noun", "belief"})
#: Dependency labels of the clause a cue reports, whose end ends the quote: a verb's
#: ``ccomp``, a noun's ``acl`` ("Goldsmith's admission that X suggested ...": X, not more).
CLAUSE_DEPS = frozenset({"ccomp", "acl"})
#: Dependency labels of the clause a cue reports after a hearer ("told Reagan the sales ...");
#: a directive's "urged Republicans to join" keeps its object: it is who is to act.
COMPLEMENT_DEPS = frozenset({"ccomp"})
#: Dependency labels of what may stand between a cue and its clause: the hearer ("told
#: Reagan"), a circumstance ("said in an interview", "said on Tuesday").
BETWEEN_DEPS = frozenset({"dobj", "dative", "iobj", "prep", "npadvmod", "advmod"})
#: Dependency labels of a participle cue on the clause whose subject speaks ("he mocked
#: Bush, calling him ...": advcl; "Trump tweeted, saying ...": advcl or xcomp).
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "ccomp"})
#: How many heads up from a participle its speaking subject may be.
PARTICIPLE_HOPS = 3
#: Parts of speech of a word that can name a speaker ("Many say", "Republicans", "who").
NAMING_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"})
#: Parts of speech of a noun a participle cue may hang from ("a statement saying").
NOUN_POS = frozenset({"NOUN", "PROPN"})
#: Subject labels of any clause, passive too ("said the candidate could be ...").
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Labels of a clause that can stand between a speaker and the cue ("X, who led ..., said").
APPOSITION_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
#: Tags of relative pronouns ("who", "which", "whose").
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
#: Subject labels (active clauses only: a passive subject does not speak).
SUBJECT_DEPS = frozenset({"nsubj"})
#: Words of a reported clause before a quotation that make the quotation part of the clause
#: ("says no matter what ..., “...”"); "that" alone does not.
MIN_CLAUSE_LEAD = 2
#: Tokens that end a sentence or clause for the attribution windows.
SENTENCE_FINAL = frozenset({".", "!", "?", "...", "…"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue occurrence, token range ``[start, end)``."""

    start: int
    end: int
    form: CueForm

    @property
    def source_after(self) -> bool:
        return self.form.kind in SOURCE_AFTER_KINDS


@dataclass
class TokenView:
    text: str
    words: list[str]
    lower: list[str]
    starts: list[int]
    ends: list[int]
    sentence: list[int]  # record sentence index of each token
    sentence_bounds: list[tuple[int, int]]  # token range of each record sentence
    paragraphs: list[tuple[int, int]]  # character range of each paragraph
    quoted: list[bool] = field(default_factory=list)  # inside a top-level quote (marks too)
    cues: list[Cue] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)  # token start of each cue, rising
    #: The Doc token of each word, and the Doc when it is parsed (reported clauses end where
    #: the cue's ``ccomp`` ends).
    doc_index: list[int] = field(default_factory=list)
    doc: Doc | None = None

    def clause_end(self, cue_word: int, content: int) -> int | None:
        """The word after the last of the clause the cue at ``cue_word`` reports (its ``ccomp``
        by the parse), when the parse gives one starting at or after ``content``."""
        if self.doc is None or not self.doc_index:
            return None
        verb = self.doc[self.doc_index[cue_word]]
        clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i > verb.i]
        if not clauses:
            return None
        last = max(c.right_edge.i for c in clauses)
        first = min(c.left_edge.i for c in clauses)
        for (
            clause
        ) in clauses:  # ", referring to ...", ", adding ...": the writer's, not the speaker's
            for child in clause.children:
                before = self.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
                writer = child.dep_ == "advcl" and child.tag_ == "VBG"
                if writer and before is not None and before.text == "," and before.i > first:
                    last = min(last, before.i - 1)
        if first < self.doc_index[content] - 1:
            return None
        words = bisect.bisect_right(self.doc_index, last)  # doc_index rises with the words
        return words or None

    def reported_start(self, cue_word: int, deps: frozenset[str] = COMPLEMENT_DEPS) -> int | None:
        """The first word of the clause a cue reports after its hearer or a circumstance
        ("told Reagan the sales ...", "said in an interview that ..."), by the parse; None
        when nothing stands between the cue and its clause, or without a clause. ``deps``:
        the clause's labels (a directive's ``xcomp`` too: "urging them to ...")."""
        if self.doc is None or not self.doc_index:
            return None
        verb = self.doc[self.doc_index[cue_word]]
        right = [c for c in verb.children if c.i > verb.i]
        clause = next((c for c in right if c.dep_ in deps), None)
        if clause is None:
            return None
        between = [c for c in right if c.dep_ in BETWEEN_DEPS and c.i < clause.left_edge.i]
        if not between:
            return None
        return bisect.bisect_left(self.doc_index, clause.left_edge.i)

    def inside_reported_clause(self, cue_word: int, word: int) -> bool:
        """Whether ``word`` lies inside the clause the cue reports, after words of that clause
        ("Ryan says no matter what Obama does, “his word ...”"), by the parse."""
        if self.doc is None or not self.doc_index:
            return False
        verb = self.doc[self.doc_index[cue_word]]
        at = self.doc_index[word]
        for clause in verb.children:
            if (
                clause.dep_ not in COMPLEMENT_DEPS
                or not clause.left_edge.i < at <= clause.right_edge.i
            ):
                continue
            lead = [t for t in self.doc[clause.left_edge.i : at] if t.is_alpha]
            if lead and lead[0].lower_ == "that":
                lead = lead[1:]  # "said that “...”": the quotation is the clause
            return len(lead) >= MIN_CLAUSE_LEAD
        return False

    def phrase_of(self, word: int) -> tuple[int, int] | None:
        """The words of the phrase a word heads, up to the word itself, by the parse."""
        if self.doc is None or not self.doc_index:
            return None
        token = self.doc[self.doc_index[word]]
        return bisect.bisect_left(self.doc_index, token.left_edge.i), word + 1

    def participle_subject(
        self, cue_word: int, floor: int, after_comma: bool
    ) -> tuple[int, int] | None:
        """The subject of the clause a participle cue hangs from after a comma ("he mocked
        Bush, calling him ..." → "he"), or the noun it hangs from ("Lavrov read out a brief
        statement saying ..." → "a brief statement"), by the parse."""
        if self.doc is None or not self.doc_index:
            return None
        token = self.doc[self.doc_index[cue_word]]
        if token.tag_ != "VBG":
            return None
        if token.dep_ == "acl" and token.head.i < token.i and token.head.pos_ in NOUN_POS:
            return self.subject_span(token.head, floor, cue_word)
        return self.inherited_subject(cue_word, floor) if after_comma else None

    def inherited_subject(self, cue_word: int, floor: int) -> tuple[int, int] | None:
        """The subject a verb shares with the clause it hangs from or is joined to ("The
        senator survived prison and says ..." → "The senator"), by the parse: the subject
        word with what precedes it in its phrase ("Tom Fitton, the president of ..." → "Tom
        Fitton"). A speech verb up the chain wins ("Iraq said its forces killed ..., adding
        ..." → "Iraq")."""
        if self.doc is None or not self.doc_index:
            return None
        token = self.doc[self.doc_index[cue_word]]
        found = None
        head = token
        for _ in range(PARTICIPLE_HOPS):
            if head.dep_ not in PARTICIPLE_DEPS or head.head.i == head.i:
                break
            head = head.head
            subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or subject.i > token.i:
                continue
            if self._cue_at(head.i):
                return self.subject_span(subject, floor, cue_word)
            found = found or subject
        return self.subject_span(found, floor, cue_word) if found is not None else None

    def _cue_at(self, doc_token: int) -> bool:
        """Whether a cue starts at a Doc token (by bisection: asked once per clause head)."""
        word = bisect.bisect_left(self.doc_index, doc_token)
        if word >= len(self.doc_index) or self.doc_index[word] != doc_token:
            return False
        k = bisect.bisect_left(self.cue_starts, word)
        return k < len(self.cue_starts) and self.cue_starts[k] == word

    def object_only(self, cue_word: int) -> bool:
        """Whether the parse gives the cue verb a direct object and no clause."""
        if self.doc is None or not self.doc_index:
            return False
        children = list(self.doc[self.doc_index[cue_word]].children)
        has_object = any(c.dep_ in OBJECT_DEPS for c in children)
        return has_object and not any(c.dep_ in ("ccomp", "xcomp") for c in children)

    def object_between(self, cue_word: int, end: int) -> bool:
        """Whether the parse gives the cue verb a noun object before word ``end`` ("called
        the plan “…”"; False without a parse)."""
        if self.doc is None or not self.doc_index:
            return False
        verb = self.doc[self.doc_index[cue_word]]
        last = self.doc_index[end] if end < len(self.doc_index) else len(self.doc)
        return any(c.dep_ in OBJECT_DEPS and verb.i < c.i < last for c in verb.children)

    def names_someone(self, start: int, end: int) -> bool:
        """Whether the words ``[start, end)`` have a word that can name someone, by the parse
        (True without one): "the" or "had already" alone name no speaker."""
        if self.doc is None or not self.doc_index:
            return True
        return any(self.doc[self.doc_index[i]].pos_ in NAMING_POS for i in range(start, end))

    def has_verb(self, start: int, end: int) -> bool:
        """Whether the words ``[start, end)`` have a verb, by the parse (True without one)."""
        if self.doc is None or not self.doc_index:
            return True
        return any(self.doc[self.doc_index[i]].pos_ in CUE_POS for i in range(start, end))

    def subject_of_later_verb(self, start: int, end: int) -> bool:
        """Whether a word of ``[start, end)`` is the subject of a verb after it, by the parse:
        the words open a clause ("said the candidate could be ...") rather than name someone."""
        if self.doc is None or not self.doc_index:
            return False
        last = self.doc_index[end - 1]
        for i in range(start, end):
            token = self.doc[self.doc_index[i]]
            if token.dep_ not in CLAUSE_SUBJECT_DEPS or token.head.i <= last:
                continue
            between = self.doc[last + 1 : token.head.i]
            if not any(t.is_punct for t in between):  # "said David Brock, a ... who heads"
                return True
        return False

    def main_clause(self, start: int, end: int) -> bool:
        """Whether the words ``[start, end)`` hold a subject and its verb that hang from no
        noun ("the race will be tight", not "who led the delegation"), by the parse (False
        without one): a clause between commas, not an apposition."""
        if self.doc is None or not self.doc_index:
            return False
        first, last = self.doc_index[start], self.doc_index[end - 1]
        for i in range(start, end):
            token = self.doc[self.doc_index[i]]
            head = token.head
            if token.dep_ not in CLAUSE_SUBJECT_DEPS or not first <= head.i <= last:
                continue
            if head.dep_ not in APPOSITION_CLAUSE_DEPS and token.tag_ not in RELATIVE_TAGS:
                return True
        return False

    def hangs_from(
        self, start: int, end: int, phrase: tuple[int, int], deps: frozenset[str] | None = None
    ) -> bool:
        """Whether a word of ``[start, end)`` hangs from a word of ``phrase`` (by one of
        ``deps`` when given) by the parse (False without one): "according to X, the arm of
        Y" describes X."""
        if self.doc is None or not self.doc_index:
            return False
        first, last = self.doc_index[phrase[0]], self.doc_index[phrase[1] - 1]
        for i in range(start, end):
            token = self.doc[self.doc_index[i]]
            if first <= token.head.i <= last and (deps is None or token.dep_ in deps):
                return True
        return False

    def verb_headed(self, start: int, end: int) -> bool:
        """Whether the words ``[start, end)`` hang from a verb of their own, by the parse (True
        without one): a clause, not a noun phrase ("more than twice what it projected")."""
        if self.doc is None or not self.doc_index:
            return True
        first, last = self.doc_index[start], self.doc_index[end - 1]
        for i in range(start, end):
            token = self.doc[self.doc_index[i]]
            outside = not first <= token.head.i <= last or token.head.i == token.i
            if outside and token.pos_ in CUE_POS:
                return True
        return False

    def own_subject(self, cue_word: int, floor: int) -> tuple[int, int] | None:
        """The cue verb's own subject before it, by the parse ("Mr. Manafort, citing “…”,
        said" → "Mr. Manafort")."""
        if self.doc is None or not self.doc_index:
            return None
        token = self.doc[self.doc_index[cue_word]]
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i > token.i:
            return None
        return self.subject_span(subject, floor, cue_word)

    def subject_span(self, subject: Token, floor: int, cue_word: int) -> tuple[int, int] | None:
        """The words of a subject phrase up to its head, within ``[floor, cue_word)`` and
        outside quotations (None otherwise)."""
        first = bisect.bisect_left(self.doc_index, subject.left_edge.i)
        last = bisect.bisect_left(self.doc_index, subject.i)
        if first < floor or last >= cue_word or self.quoted[last]:
            return None
        return first, last + 1

    def token_at(self, char: int) -> int:
        """The token that contains (or first follows) a character offset."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and self.ends[i] <= char:
            i += 1
        return max(0, min(i, len(self.words) - 1))

    def token_before(self, char: int) -> int:
        """The last token that ends at or before a character offset (-1 if none)."""
        return bisect.bisect_right(self.ends, char) - 1

    def tag(self, i: int) -> str:
        """The parser's tag of word ``i`` ("" without a parse)."""
        if self.doc is None or not self.doc_index:
            return ""
        return self.doc[self.doc_index[i]].tag_

    def is_mark(self, i: int) -> bool:
        word = self.words[i]
        return bool(word) and all(ch in ALL_MARKS for ch in word)

    def is_punct(self, i: int) -> bool:
        word = self.words[i]
        return not any(ch.isalnum() for ch in word)

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.starts[start] : self.ends[end - 1]]

    def paragraph_of(self, char: int) -> int:
        starts = [p[0] for p in self.paragraphs]
        return max(bisect.bisect_right(starts, char) - 1, 0)


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-blank lines (our sentence splitter's paragraphs)."""
    ranges = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            ranges.append((start, start + len(line.rstrip()) - (start - offset)))
        offset += len(line) + 1
    return ranges


def token_view(doc: Doc, text: str) -> TokenView:
    """Plain lists of the Doc's non-space tokens and its record sentences."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sentence: list[int] = []
    bounds: list[tuple[int, int]] = []
    index: list[int] = []
    for sent in doc.sents:
        first = len(words)
        for token in sent:
            if token.is_space:
                continue
            index.append(token.i)
            words.append(token.text)
            starts.append(token.idx)
            ends.append(token.idx + len(token.text))
            sentence.append(len(bounds))
        if len(words) > first:
            bounds.append((first, len(words)))
    return TokenView(
        text=text,
        words=words,
        lower=[w.lower() for w in words],
        starts=starts,
        ends=ends,
        sentence=sentence,
        sentence_bounds=bounds,
        paragraphs=paragraph_ranges(text),
        doc_index=index,
        doc=doc if doc.has_annotation("DEP") else None,
    )


def mark_quoted(view: TokenView, spans: list[QuotedSpan]) -> None:
    """Flag the tokens inside quotations, marks included."""
    quoted = [False] * len(view.words)
    for span in spans:
        first = view.token_at(span.open_at)
        last = view.token_before(span.outer_end)
        for i in range(first, last + 1):
            quoted[i] = True
    view.quoted = quoted


def find_cues(view: TokenView, lexicon: CueLexicon) -> None:
    """Speech cues outside quotations, longest form first, not overlapping."""
    cues: list[Cue] = []
    i = 0
    n = len(view.words)
    while i < n:
        if view.quoted[i]:
            i += 1
            continue
        form = next((f for f in lexicon.matches(view.lower, i) if _has_speaker(view, i, f)), None)
        if form is None:
            i += 1
            continue
        cues.append(Cue(i, i + len(form.words), form))
        i += len(form.words)
    view.cues = cues
    view.cue_starts = [c.start for c in cues]


def _has_speaker(view: TokenView, i: int, form: CueForm) -> bool:
    if form.kind in NOUN_KINDS:
        return owned_noun_cue(view, i, form)
    return not impersonal(view, i, form)


def owned_noun_cue(view: TokenView, i: int, form: CueForm) -> bool:
    """A noun of saying with its speaker before it and a "that" clause after it ("Comey's
    conclusion that ...", "his claim that ...")."""
    after = i + len(form.words)
    if after >= len(view.words) or view.lower[after] != "that" or i == 0:
        return False
    if view.doc is not None and view.doc_index:
        that = view.doc[view.doc_index[after]]
        if that.dep_ != "mark":
            return False  # "the statement that he made": a relative clause
    before = view.lower[i - 1]
    return before in POSSESSIVE_PRONOUNS or (before in POSSESSIVE_MARKS and i > 1)


def possessor(view: TokenView, cue: Cue) -> int:
    """The word before a noun cue's possessive: the pronoun itself, or the name before "'s"."""
    k = cue.start - 1
    return k - 1 if view.lower[k] in POSSESSIVE_MARKS else k


def _clause_follows(view: TokenView, i: int) -> bool:
    """A "that" clause right after a word the parse read as a noun ("Trump claims that ..."):
    the word is a verb of saying after all."""
    after = i + 1
    if after >= len(view.words) or view.lower[after] != "that" or view.doc is None:
        return False
    return view.doc[view.doc_index[after]].dep_ == "mark"


def impersonal(view: TokenView, i: int, form: CueForm) -> bool:
    """A cue form with no speaker: a noun ("late-night tweets"), the passive ("it is believed", "is expected to", "was told"),
    an adjective ("an estimated 500", "the alleged attack", "the plan announced on Monday")
    or the writer's wish ("let's hope"). Read on the parse when there is one, else on the
    words before the cue. Multi-word cues ("quoted as saying") and "-ing" forms ("is
    saying") are active."""
    word = view.lower[i]
    if form.kind in ("multiword", *NOUN_KINDS) or word.endswith("ing"):
        return False
    k = i - 1
    while k >= 0 and view.lower[k] in PASSIVE_ADVERBS:
        k -= 1
    if any(tuple(view.lower[max(0, k - len(f) + 1) : k + 1]) == f for f in LET_FORMS):
        return True
    if view.doc is not None and view.doc_index:
        token = view.doc[view.doc_index[i]]
        verb_form = len(form.words) == 1 or form.kind not in PHRASE_KINDS  # "calls for"
        if verb_form and token.pos_ not in CUE_POS and not _clause_follows(view, i):
            return True  # "late-night tweets", "his reports": a noun, no one speaking
        if any(child.dep_ in PASSIVE_DEPS for child in token.children):
            return True
        after_comma = i > 0 and view.words[i - 1] == ","  # "X, the nominee, tweeted": a verb
        reduced = token.dep_ in ADJECTIVE_DEPS and token.tag_ == "VBN" and not after_comma
        return token.dep_ == "amod" or reduced
    before = view.lower[k] if k >= 0 else ""
    return before in BE_FORMS or (before in ADJECTIVE_DETERMINERS and word.endswith("ed"))
