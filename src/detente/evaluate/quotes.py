"""Quotations against PolNeAR attribution relations: quote P/R/F1 and speaker accuracy.

Gold: every attribution of a PolNeAR article (``articles_<split>.jsonl``, see the data
folder's README); "direct" gold is an attribution whose content has quotation marks
(PolNeAR's direct and mixed quotes; two straight apostrophes, the New York Times archive's
mark, count as quotation marks). Attributions without content and anything inside the
HuffPost "Editor's note" boilerplate are left out.

Prediction: the quotes of the default pipeline's stages up to ``detente_quotes_v1``. Quotes that
share a cue are one predicted attribution ("“A,” he said, “B.”" is one attribution in
PolNeAR, with two content fragments).
A predicted attribution is "direct" as the gold is: when one of its direct or partial quotes
is in double marks (or doubled apostrophes); a quote in single marks (a headline's "Trump Was
‘Mocking’ Clinton") is an attribution, but not in the direct set on either side.

Matching: content is compared as sets of letter and digit offsets (marks, spaces and
punctuation do not count); a prediction matches a gold attribution when their
intersection over union is at least ``MATCH_THRESHOLD``; pairs are made one to one, best
first. Speaker, on matched pairs whose gold has a source: correct when the predicted
speaker span overlaps the gold source span, or names the same person (the speaker's last
word is a word of the gold source: "Antonov" for "Anatoly Antonov" elsewhere), or, for a
relative pronoun source ("who"), ends right before it (its antecedent). Pronoun sources
("he", "she", "they", ...) are reported apart, with how many of them the stage resolved to
an actor and how many resolved to the nearest named gold source before them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import InputError
from ..model import Article, Quote
from ..pipeline import STAGES, build_pipeline, code_docs
from .scores import Tally, ratio

#: Overlap (intersection over union of content characters) for a prediction to match.
MATCH_THRESHOLD = 0.5
#: Gold sources that are pronouns, reported apart.
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"})
#: Gold sources that are relative pronouns ("Cruz, who refused to endorse him"): the
#: speaker is the name right before them, at most ``RELATIVE_GAP`` characters away (", ").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
RELATIVE_GAP = 3
#: Two straight apostrophes: the quotation mark of the New York Times archive copy, which the
#: data's ``content_has_quote_marks`` (straight or curly double quotes) does not count.
DOUBLED_APOSTROPHES = "''"
#: The HuffPost boilerplate that recurs across articles (README: not article content).
BOILERPLATE_OPENING = "Editor’s note:"
#: The stages the evaluation runs: the quote stage and what it requires.
EVAL_STAGES = tuple(STAGES[: STAGES.index("detente_quotes_v1") + 1])

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    id: str
    content: Spans
    source: Spans
    source_text: str
    quoted: bool

    @property
    def pronoun(self) -> bool:
        return self.source_text.lower() in PRONOUNS


@dataclass(frozen=True)
class Predicted:
    """Quotes grouped by cue: one attribution as PolNeAR annotates it."""

    quotes: tuple[Quote, ...]
    #: Whether a quote of it is marked as the gold's direct set is: double quotation marks
    #: (or the archive's doubled apostrophes), not single ones (``_double_marked``).
    quoted: bool = False

    @property
    def content(self) -> Spans:
        return tuple((q.start, q.end) for q in self.quotes)

    @property
    def speaker(self) -> Quote | None:
        return next((q for q in self.quotes if q.speaker_start is not None), None)


@dataclass
class SpeakerScore:
    judged: int = 0  # matched pairs whose gold has a source
    correct: int = 0
    pronoun_judged: int = 0
    pronoun_correct: int = 0
    pronoun_resolved: int = 0  # the stage gave the pronoun an actor
    pronoun_resolved_correct: int = 0  # ... the one named by the nearest gold source before

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.judged)

    @property
    def pronoun_accuracy(self) -> float:
        return ratio(self.pronoun_correct, self.pronoun_judged)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "judged": self.judged,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "pronoun_judged": self.pronoun_judged,
            "pronoun_correct": self.pronoun_correct,
            "pronoun_accuracy": round(self.pronoun_accuracy, 4),
            "pronoun_resolved": self.pronoun_resolved,
            "pronoun_resolved_correct": self.pronoun_resolved_correct,
        }


@dataclass(frozen=True)
class QuoteError:
    """A miss (gold unmatched) or false alarm (prediction unmatched), for development.

    ``overlap`` is the best intersection over union with any item on the other side: above 0
    and below ``MATCH_THRESHOLD`` is a boundary or grouping error, 0 a missing or spurious one.
    """

    article: str
    part: str  # direct | all
    error: str  # miss | false
    start: int
    end: int
    text: str
    who: str  # the gold source, or the predicted speaker
    cue: str
    overlap: float

    def as_dict(self) -> dict[str, Any]:
        return {**vars(self), "overlap": round(self.overlap, 3)}


@dataclass
class QuoteReport:
    split: str
    articles: int = 0
    direct: Tally = field(default_factory=Tally)
    all: Tally = field(default_factory=Tally)
    speaker: SpeakerScore = field(default_factory=SpeakerScore)
    errors: list[QuoteError] = field(default_factory=list)

    def as_dict(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "split": self.split,
            "articles": self.articles,
            "direct": self.direct.as_dict(),
            "all": self.all.as_dict(),
            "speaker": self.speaker.as_dict(),
        }
        if with_errors:
            out["errors"] = [e.as_dict() for e in self.errors]
        return out


def _spans(value: dict[str, Any] | None) -> Spans:
    if not value:
        return ()
    return tuple((int(s), int(e)) for s, e in value["offsets"])


def _boilerplate(text: str) -> int:
    """Offset where the HuffPost editor's note starts (the text's length when absent)."""
    at = text.find(BOILERPLATE_OPENING)
    return at if at >= 0 else len(text)


def _has_marks(attribution: dict[str, Any]) -> bool:
    """Direct or mixed: the content has double quotes, or the archive's doubled apostrophes."""
    content = attribution.get("content") or {}
    marked = DOUBLED_APOSTROPHES in content.get("text", "")
    return bool(attribution.get("content_has_quote_marks")) or marked


def read_gold(
    folder: str | Path, split: str = "dev"
) -> Iterator[tuple[Article, list[GoldAttribution]]]:
    """Articles of a PolNeAR split with their attributions (content outside boilerplate)."""
    path = Path(folder) / f"articles_{split}.jsonl"
    if not path.exists():
        raise InputError(str(path), f"not found (expected PolNeAR articles_{split}.jsonl)")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["text"]
            cut = _boilerplate(text)
            published = dt.date.fromisoformat(record["date"]) if record.get("date") else None
            gold = []
            for attribution in record["attributions"]:
                content = _spans(attribution.get("content"))
                if not content or content[0][0] >= cut:
                    continue
                source = attribution.get("source") or {}
                gold.append(
                    GoldAttribution(
                        id=attribution["id"],
                        content=content,
                        source=_spans(source),
                        source_text=source.get("text", ""),
                        quoted=_has_marks(attribution),
                    )
                )
            yield Article(id=record["id"], text=text, published=published), gold


#: The marks of the gold's direct set (the data's ``content_has_quote_marks``): double ones.
DOUBLE_MARKS = frozenset('"“”')


def _double_marked(text: str, quote: Quote) -> bool:
    """Whether a direct or partial quote is in double marks (or doubled apostrophes), the
    gold's direct set; a headline's single marks ("Trump Was ‘Mocking’ Clinton") are not."""
    if quote.kind not in ("direct", "partial"):
        return False
    window = text[max(0, quote.start - 2) : quote.end + 2]
    return any(c in DOUBLE_MARKS for c in window) or DOUBLED_APOSTROPHES in window


def group_quotes(quotes: Sequence[Quote], cut: int, text: str = "") -> list[Predicted]:
    """Quotes that share a cue are one attribution; quotes after ``cut`` are left out. With
    the article ``text``, an attribution is direct as the gold's are (``_double_marked``);
    without it, any direct or partial quote makes it direct."""
    groups: dict[object, list[Quote]] = {}
    for quote in quotes:
        if quote.start >= cut:
            continue
        key: object = quote.cue_start if quote.cue_start is not None else quote.id
        groups.setdefault(key, []).append(quote)
    return [
        Predicted(
            tuple(g),
            any(_double_marked(text, q) for q in g)
            if text
            else any(q.kind in ("direct", "partial") for q in g),
        )
        for g in groups.values()
    ]


def _chars(text: str, spans: Spans) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, e) if text[i].isalnum())


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def match(
    text: str, predicted: Sequence[Predicted], gold: Sequence[GoldAttribution]
) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index), best overlap first."""
    pred_chars = [_chars(text, p.content) for p in predicted]
    gold_chars = [_chars(text, g.content) for g in gold]
    candidates = []
    for i, pc in enumerate(pred_chars):
        for j, gc in enumerate(gold_chars):
            if pc & gc:
                score = _overlap(pc, gc)
                if score >= MATCH_THRESHOLD:
                    candidates.append((score, i, j))
    pairs = []
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in taken_p and j not in taken_g:
            pairs.append((i, j))
            taken_p.add(i)
            taken_g.add(j)
    return pairs


def _words(text: str) -> set[str]:
    return {w.strip(".,’'\"").lower() for w in text.replace("-", " ").split() if w}


def speaker_correct(quote: Quote, gold: GoldAttribution) -> bool:
    """The speaker span overlaps the gold source, or its last word is a word of the source."""
    start, end = quote.speaker_start, quote.speaker_end
    if start is None or end is None:
        return False
    if any(s < end and start < e for s, e in gold.source):
        return True
    if gold.source_text.lower() in RELATIVE_PRONOUNS and gold.source:
        gap = gold.source[0][0] - end  # "Cruz, who refused …": the name the pronoun stands for
        return 0 <= gap <= RELATIVE_GAP
    words = (quote.speaker_text or "").split()
    last = words[-1].strip(".,’'\"").lower() if words else ""
    return bool(last) and last not in PRONOUNS and last in _words(gold.source_text)


def _named_before(gold: Sequence[GoldAttribution], item: GoldAttribution) -> str:
    """The nearest named (non-pronoun) gold source before a pronoun source."""
    at = item.source[0][0]
    best, best_at = "", -1
    for other in gold:
        if other.source and not other.pronoun and best_at < other.source[0][0] < at:
            best, best_at = other.source_text, other.source[0][0]
    return best


def _judge(
    score: SpeakerScore,
    quote: Quote | None,
    item: GoldAttribution,
    gold: Sequence[GoldAttribution],
) -> None:
    if not item.source:
        return
    correct = quote is not None and speaker_correct(quote, item)
    score.judged += 1
    score.correct += correct
    if not item.pronoun:
        return
    score.pronoun_judged += 1
    score.pronoun_correct += correct
    if quote is None or not quote.speaker_entity:
        return
    score.pronoun_resolved += 1
    named = _words(_named_before(gold, item))
    score.pronoun_resolved_correct += bool(named & set(quote.speaker_entity.split("-")))


def _excerpt(text: str, spans: Spans) -> str:
    return " … ".join(text[s:e] for s, e in spans)


def _unmatched(
    article: str,
    part: str,
    text: str,
    predicted: Sequence[Predicted],
    gold: Sequence[GoldAttribution],
    pairs: Sequence[tuple[int, int]],
) -> list[QuoteError]:
    """The gold items and predictions left out of ``pairs``, each with its best overlap."""
    pred_chars = [_chars(text, p.content) for p in predicted]
    gold_chars = [_chars(text, g.content) for g in gold]
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    errors = []
    for j, item in enumerate(gold):
        if j not in matched_g:
            best = max((_overlap(gold_chars[j], pc) for pc in pred_chars), default=0.0)
            errors.append(
                QuoteError(
                    article,
                    part,
                    "miss",
                    item.content[0][0],
                    item.content[-1][1],
                    _excerpt(text, item.content),
                    item.source_text,
                    "",
                    best,
                )
            )
    for i, pred in enumerate(predicted):
        if i not in matched_p:
            best = max((_overlap(pred_chars[i], gc) for gc in gold_chars), default=0.0)
            speaker = pred.speaker
            errors.append(
                QuoteError(
                    article,
                    part,
                    "false",
                    pred.content[0][0],
                    pred.content[-1][1],
                    _excerpt(text, pred.content),
                    (speaker.speaker_text or "") if speaker else "",
                    pred.quotes[0].cue or "",
                    best,
                )
            )
    return sorted(errors, key=lambda e: (e.start, e.error))


def _score_article(
    report: QuoteReport,
    article: str,
    text: str,
    quotes: Sequence[Quote],
    gold: list[GoldAttribution],
) -> None:
    predicted = group_quotes(quotes, _boilerplate(text), text)
    for part, score, only_quoted in (("all", report.all, False), ("direct", report.direct, True)):
        preds = [p for p in predicted if p.quoted] if only_quoted else predicted
        golds = [g for g in gold if g.quoted] if only_quoted else gold
        pairs = match(text, preds, golds)
        score.gold += len(golds)
        score.predicted += len(preds)
        score.matched += len(pairs)
        report.errors.extend(_unmatched(article, part, text, preds, golds, pairs))
        if not only_quoted:
            for i, j in pairs:
                _judge(report.speaker, preds[i].speaker, golds[j], gold)


def evaluate(
    folder: str | Path, split: str = "dev", nlp: Language | None = None, limit: int | None = None
) -> QuoteReport:
    """Code a PolNeAR split and score its quotations and speakers."""
    nlp = nlp or build_pipeline(stages=EVAL_STAGES)
    items = list(read_gold(folder, split))[:limit]
    report = QuoteReport(split=split, articles=len(items))
    gold_by_id = {article.id: gold for article, gold in items}
    for record in code_docs(nlp, (article for article, _ in items)):
        _score_article(report, record.id, record.article.text, record.quotes, gold_by_id[record.id])
    return report


def render_report(report: QuoteReport, show_errors: bool = False) -> str:
    """The figures as a small text table; with ``show_errors`` the misses and false alarms
    of each article too (``~0.31`` is a near miss: the best overlap with the other side)."""
    lines = [f"PolNeAR {report.split}: {report.articles} articles", ""]
    lines.append("  quotes    gold  predicted  matched  precision  recall  F1")
    for name, score in (("direct", report.direct), ("all", report.all)):
        lines.append(
            f"  {name:<8} {score.gold:>5} {score.predicted:>10} {score.matched:>8}"
            f"  {score.precision:>9.3f}  {score.recall:>6.3f}  {score.f1:.3f}"
        )
    s = report.speaker
    lines += [
        "",
        f"  speaker accuracy (matched, gold source): {s.accuracy:.3f} ({s.correct}/{s.judged})",
        f"  pronoun sources: {s.pronoun_accuracy:.3f} ({s.pronoun_correct}/{s.pronoun_judged});"
        f" resolved to an actor {s.pronoun_resolved},"
        f" to the nearest named source {s.pronoun_resolved_correct}",
    ]
    if show_errors:
        lines += _render_errors(report.errors)
    return "\n".join(lines)


def _render_errors(errors: Sequence[QuoteError]) -> list[str]:
    """One block per article: MISS (gold, its source) and FALSE (prediction, its speaker)."""
    lines: list[str] = []
    article = None
    for e in sorted(errors, key=lambda e: (e.article, e.part != "direct", e.start)):
        if e.article != article:
            article = e.article
            lines += ["", f"{article}:"]
        near = f" ~{e.overlap:.2f}" if e.overlap else ""
        cue = f" [{e.cue}]" if e.cue else ""
        who = e.who or "-"
        words = " ".join(e.text.split())
        lines.append(f"  {e.part:<6} {e.error.upper():<5}{near} {who}{cue}: {words}")
    return lines
