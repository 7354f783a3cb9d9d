"""Tone scoring: VADER with our diplomatic lexicon and negation rewrites, and GDELT's figures.

VADER is the baseline: it reads "constructive talks" as neutral, "a frank exchange of views"
as positive and "failed to reach an agreement" as neutral. Our scorer is VADER's own algorithm
with two corrections, both data: ``data/tone/diplomatic.tsv`` (terms and phrases that mean
something else in diplomatic copy) and ``data/tone/rewrites.tsv`` (implicit negations, "failed
to", "has yet to", rewritten into the "not" VADER understands). Each scorer owns its lexicon:
VADER's module-level tables are never modified, so two scorers can coexist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

from ..datafiles import cached_load, data_path, read_tsv
from ..errors import DictionaryError
from ..model import Tone

#: VADER's own cut-offs for calling a compound score positive or negative.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
#: Words before a sentiment word searched for a negator (VADER's window).
NEGATION_WINDOW = 3
_WORD = re.compile(r"[A-Za-z][\w'\-]*")
#: First-person pronouns: GDELT's self/group reference (self: I, me; group: we, us).
SELF_GROUP_WORDS = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
)
#: Words of action (GDELT's activity reference density): acts, moves and speech acts.
ACTIVITY_WORDS = frozenset(
    {
        "attack", "attacked", "attacks", "fight", "fighting", "fought", "strike", "struck",
        "strikes", "launch", "launched", "deploy", "deployed", "deployment", "advance",
        "advanced", "move", "moves", "moved", "act", "acted", "action", "actions", "build",
        "building", "built", "sign", "signed", "meet", "met", "meeting", "visit", "visited",
        "negotiate", "negotiated", "negotiating", "talks", "implement", "implementation",
        "withdraw", "withdrew", "withdrawal", "send", "sent", "impose", "imposed", "expel",
        "expelled", "arrest", "arrested", "protest", "protested", "vote", "voted", "elect",
        "elected", "invade", "invaded", "occupy", "occupied", "bomb", "bombed", "shell",
        "shelled", "kill", "killed", "wound", "wounded", "seize", "seized", "lead", "led",
        "form", "revive", "increase", "strengthen", "develop", "find", "put", "work", "working",
        "said", "says", "stressed", "added", "warned", "urged", "announced", "demanded",
    }
)  # fmt: skip


def _read_lexicon(path: Path) -> dict[str, float]:
    terms: dict[str, float] = {}
    for line, row in read_tsv(path):
        term = row.get("term", "").strip()
        if not term or term != term.lower():
            raise DictionaryError(str(path), line, f"term {term!r} must be non-empty lower case")
        try:
            value = float(row.get("valence", ""))
        except ValueError:
            raise DictionaryError(str(path), line, f"valence of {term!r} is not a number") from None
        if not -4.0 <= value <= 4.0:
            raise DictionaryError(str(path), line, f"valence {value} outside -4 .. 4")
        if term in terms:
            raise DictionaryError(str(path), line, f"duplicate term {term!r}")
        terms[term] = value
    return terms


def _read_rewrites(path: Path) -> list[tuple[re.Pattern[str], str]]:
    out = []
    for line, row in read_tsv(path):
        try:
            pattern = re.compile(rf"\b{row['pattern']}\b", re.IGNORECASE)
        except (re.error, KeyError) as exc:
            raise DictionaryError(str(path), line, f"bad pattern: {exc}") from None
        out.append((pattern, row.get("replacement", "")))
    return out


@dataclass(frozen=True)
class ToneLabel:
    compound: float
    label: str  # negative | neutral | positive


def label_of(compound: float) -> str:
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


class ToneScorer:
    """VADER plus our lexicon and rewrites (``baseline=True``: VADER alone, for comparison)."""

    def __init__(
        self,
        lexicon_path: Path | None = None,
        rewrites_path: Path | None = None,
        baseline: bool = False,
    ) -> None:
        self.analyzer = SentimentIntensityAnalyzer()
        self.analyzer.lexicon = dict(self.analyzer.lexicon)  # our own copy
        self.rewrites: list[tuple[re.Pattern[str], str]] = []
        self.phrases: re.Pattern[str] | None = None
        self.rewrite_any: re.Pattern[str] | None = None
        if baseline:
            return
        terms = _read_lexicon(lexicon_path or data_path("tone", "diplomatic.tsv"))
        self.rewrites = _read_rewrites(rewrites_path or data_path("tone", "rewrites.tsv"))
        multi = sorted((t for t in terms if " " in t), key=len, reverse=True)
        if multi:
            alternation = "|".join(re.escape(t) for t in multi)
            self.phrases = re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)
        for term, value in terms.items():
            self.analyzer.lexicon[term.replace(" ", "_")] = value
        if self.rewrites:  # one pass over the text for all rewrites, in file order
            groups = "|".join(f"(?P<r{i}>{p.pattern})" for i, (p, _) in enumerate(self.rewrites))
            self.rewrite_any = re.compile(groups, re.IGNORECASE)

    def _rewrite(self, match: re.Match[str]) -> str:
        return self.rewrites[int((match.lastgroup or "r0")[1:])][1]

    def prepare(self, text: str) -> str:
        """Rewrite implicit negations, then join lexicon phrases into single words."""
        if self.rewrite_any is not None:
            text = self.rewrite_any.sub(self._rewrite, text)
        if self.phrases is not None:
            text = self.phrases.sub(lambda m: m.group(0).lower().replace(" ", "_"), text)
        return text

    def compound(self, text: str) -> float:
        """VADER's compound score in [-1, 1] of one sentence."""
        return float(self.analyzer.polarity_scores(self.prepare(text))["compound"])

    def label(self, text: str) -> ToneLabel:
        value = self.compound(text)
        return ToneLabel(value, label_of(value))

    def article_tone(self, text: str) -> Tone:
        """GDELT's tone figures: percentages of the words (negation flips a word's sign)."""
        words = [w.lower() for w in _WORD.findall(self.prepare(text))]
        total = len(_WORD.findall(text))
        positive = negative = activity = self_group = 0
        lexicon = self.analyzer.lexicon
        for i, word in enumerate(words):
            if word in ACTIVITY_WORDS:
                activity += 1
            if word in SELF_GROUP_WORDS:
                self_group += 1
            value = lexicon.get(word)
            if not value:
                continue
            window = words[max(i - NEGATION_WINDOW, 0) : i]
            if any(w in NEGATE or w.endswith("n't") for w in window):
                value = -value
            if value > 0:
                positive += 1
            else:
                negative += 1
        return tone_figures(total, positive, negative, activity, self_group)


def tone_figures(total: int, positive: int, negative: int, activity: int, group: int) -> Tone:
    """Counts → GDELT's percentages (0 for an empty text)."""

    def pct(n: int) -> float:
        return round(100.0 * n / total, 4) if total else 0.0

    pos, neg = pct(positive), pct(negative)
    return Tone(
        tone=round(pos - neg, 4),
        positive=pos,
        negative=neg,
        polarity=round(pos + neg, 4),
        activity_density=pct(activity),
        self_group_density=pct(group),
        word_count=total,
    )


@cached_load
def cached_scorer(lexicon_path: str = "", rewrites_path: str = "") -> ToneScorer:
    """One scorer per lexicon per process (the analyzer is read-only once built)."""
    return ToneScorer(
        Path(lexicon_path) if lexicon_path else None,
        Path(rewrites_path) if rewrites_path else None,
    )
