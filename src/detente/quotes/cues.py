"""Speech cues (quotes/speech_verbs.tsv) and the closed word classes around them.

The lexicon is read once per process and shared by every quote stage that uses the packaged
file; a stage given another file builds its own. Matching is on lower-case token sequences,
longest form first, so "told reporters" wins over "told".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..datafiles import cached_load, data_path, read_tsv
from ..errors import DictionaryError

#: Kinds of cue in speech_verbs.tsv (docs/dictionaries.md).
CUE_KINDS = frozenset(
    {"neutral", "assertive", "directive", "commissive", "expressive", "belief", "multiword",
     "attribution", "noun"}
)  # fmt: skip
#: Cues whose source follows them ("according to the ministry").
SOURCE_AFTER_KINDS = frozenset({"attribution"})
#: Nouns of saying: a cue only with a possessor and a "that" clause ("Comey's conclusion that").
NOUN_KINDS = frozenset({"noun"})
#: Possessive pronouns that can own a noun cue ("his claim that ...").
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
#: The possessive clitic as the tokenizer splits it ("Comey 's conclusion").
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
#: Cues that report a clause ("X said that ..."); expressive ones ("condemned") name an act.
CLAUSE_KINDS = frozenset(
    {"neutral", "assertive", "directive", "commissive", "belief", "multiword", "noun"}
)
#: Cue lemmas that are too often something else to introduce indirect speech on their own
#: ("report" is not among them: the passive and adjective gates keep out "it was reported" and
#: "reported cases", and "The Post reported that ..." is an attribution).
NO_INDIRECT_LEMMAS = frozenset({"continue", "cite", "post", "describe", "echo", "call"})

#: Cues that take the hearer as object before the reported clause ("reminded the audience that").
HEARER_LEMMAS = frozenset({"tell", "remind", "assure", "inform", "warn", "advise", "promise",
                           "convince", "persuade", "notify", "urge", "caution"})  # fmt: skip
#: Personal pronouns that can be a speaker ("he stressed", "they said").
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you"})
#: Pronouns resolved through coreference (first and second person are the quote's own voice).
THIRD_PERSON = frozenset({"he", "she", "they", "it"})
#: Words between a speaker and the cue ("he also said", "Trump has repeatedly said").
ADVERBS = frozenset({
    "also", "later", "then", "again", "further", "earlier", "has", "had", "have", "once",
    "previously", "recently", "repeatedly", "often", "frequently", "quickly", "simply",
    "flatly", "publicly", "privately", "reportedly", "would", "will", "just", "still",
    "even", "never", "always", "first", "last", "initially", "finally", "immediately",
    "subsequently", "separately", "similarly", "specifically", "explicitly", "openly",
    "angrily", "bluntly", "firmly", "forcefully", "calmly", "emphatically", "'s", "is", "was",
})  # fmt: skip
#: Modal verbs between a speaker and the cue ("she can deny", "he could say").
MODALS = frozenset({"can", "could", "may", "might", "should", "must", "shall", "did", "does"})
#: Time phrases between a speaker and the cue ("A judge last month ordered").
TIME_NOUNS = frozenset({
    "month", "week", "year", "day", "night", "morning", "afternoon", "evening", "weekend",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})  # fmt: skip
#: Weekdays: time words even with a capital ("on Thursday evening said").
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
#: Months: a time opening a speaker phrase ("January Secretary of State George Shultz told");
#: "May" is left out, it is also a name.
MONTHS = frozenset({"january", "february", "march", "april", "june", "july", "august",
                    "september", "october", "november", "december"})  # fmt: skip
#: Words that open such a time phrase.
TIME_OPENERS = frozenset({"last", "this", "next", "that", "on", "late", "early"})
#: Words that end a speaker phrase read backward or forward from the cue.
SPEAKER_STOPS = frozenset({
    "that", "and", "but", "or", "nor", "who", "whom", "which", "when", "while", "where",
    "as", "because", "if", "so", "since", "although", "though", "whether", "than", "what",
    "in", "on", "at", "during", "after", "before", "to", "from", "for", "with", "about",
    "this", "last", "earlier", "later", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "today", "yesterday", "tonight", "by", "into", "via",
    "there", "here", "not", "n't", "is", "was", "were", "are", "be", "been", "among",
    "told", "says", "said",
})  # fmt: skip
#: A speaker phrase is at most this many tokens: longer, it is a clause, not a name.
MAX_SPEAKER_TOKENS = 9
#: A relative clause or apposition between speaker and cue ("Antonov, who led..., said").
MAX_APPOSITION_TOKENS = 16
#: Words the content of "X said ..." may start with but that are not its content.
CONTENT_FILLERS = frozenset({
    "that", ",", ":", "on", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "earlier", "late", "last", "week", "night",
    "this", "morning", "afternoon", "evening", "recently",
})  # fmt: skip
#: Words after a cue that show it does not report a clause ("warned of", "said in").
NOT_CLAUSE_STARTS = frozenset({
    "of", "for", "about", "against", "in", "at", "by", "with", "to", "into", "from", "as",
    "up", "out", "off", "over", "among", ".", "?", "!", ";", ")", "-", "—", "–",
})  # fmt: skip
#: Forms of "be" before a participle cue that make it passive ("it is believed", "is expected
#: to", "was told"): the subject is what is spoken of or the hearer, not a speaker.
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re",
                      "am", "'m", "’m", "get", "gets", "got"})  # fmt: skip
#: Words that may stand between "be" and its participle ("is widely believed").
PASSIVE_ADVERBS = frozenset({"widely", "generally", "also", "now", "still", "not", "n't", "often",
                             "commonly", "long", "already", "reportedly", "privately"})  # fmt: skip
#: Determiners before a participle that make it an adjective ("an estimated 500", "the alleged
#: attack"): no one is speaking.
ADJECTIVE_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "this", "that",
                                   "these", "those", "our", "my", "your", "some", "any"})  # fmt: skip
#: "let's hope", "let us hope": a wish in the writer's voice, with no speaker.
LET_FORMS = (("let", "'s"), ("let", "’s"), ("let", "us"), ("lets",))
#: Dependency labels of a participle cue that is an adjective or a reduced passive relative
#: ("an estimated 500", "the plan announced on Monday").
ADJECTIVE_DEPS = frozenset({"amod", "acl"})
#: Parts of speech a one-word cue has in the parse: a noun reading ("his tweets") is no cue.
CUE_POS = frozenset({"VERB", "AUX"})
#: Dependency labels that mark a passive clause ("it is believed", "he was asked").
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass", "csubjpass"})
#: Words that join a second cue to the first one's subject ("X said A and said B").
COORDINATORS = frozenset({"and", "but"})
#: Indirect content shorter than this many tokens is too little to be a statement.
MIN_CONTENT_TOKENS = 3


@dataclass(frozen=True, slots=True)
class CueForm:
    words: tuple[str, ...]
    lemma: str
    kind: str


class CueLexicon:
    """Speech cue forms indexed by first word, longest first."""

    def __init__(self, forms: list[CueForm]) -> None:
        self.by_first: dict[str, list[CueForm]] = {}
        for form in sorted(forms, key=lambda f: len(f.words), reverse=True):
            self.by_first.setdefault(form.words[0], []).append(form)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())

    def words(self) -> frozenset[str]:
        """Every single-word verb form ("said", "warned"), of any kind but nouns."""
        return frozenset(
            f.words[0]
            for forms in self.by_first.values()
            for f in forms
            if len(f.words) == 1 and f.kind not in NOUN_KINDS
        )

    def starts(self, lower: list[str], i: int, kinds: frozenset[str]) -> bool:
        """Whether a cue of one of ``kinds`` starts at token ``i``."""
        return any(
            form.kind in kinds and tuple(lower[i : i + len(form.words)]) == form.words
            for form in self.by_first.get(lower[i], ())
        )

    def match(self, lower: list[str], i: int) -> CueForm | None:
        """The longest cue form starting at token ``i``."""
        for form in self.by_first.get(lower[i], ()):
            n = len(form.words)
            if tuple(lower[i : i + n]) == form.words:
                return form
        return None

    def matches(self, lower: list[str], i: int) -> list[CueForm]:
        """Every cue form starting at token ``i``, longest first (a form can be a verb of
        one entry and a noun of another: "claims")."""
        return [
            form
            for form in self.by_first.get(lower[i], ())
            if tuple(lower[i : i + len(form.words)]) == form.words
        ]


def read_lexicon(path: Path) -> CueLexicon:
    """Read a speech-verb file; a bad kind or an empty form is an error naming its line."""
    forms: list[CueForm] = []
    for line, row in read_tsv(path):
        kind = (row.get("kind") or "").strip()
        lemma = (row.get("lemma") or "").strip()
        if kind not in CUE_KINDS:
            raise DictionaryError(str(path), line, f"unknown cue kind {kind!r}")
        for form in (row.get("forms") or "").split("|"):
            words = tuple(form.strip().lower().split())
            if not words:
                raise DictionaryError(str(path), line, f"empty form for {lemma!r}")
            forms.append(CueForm(words, lemma, kind))
    return CueLexicon(forms)


@cached_load
def cached_lexicon(path: str = "") -> CueLexicon:
    """The lexicon of a file (the packaged one by default), read once per process."""
    return read_lexicon(Path(path) if path else data_path("quotes", "speech_verbs.tsv"))
