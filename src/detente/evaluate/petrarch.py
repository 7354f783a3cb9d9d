"""The PETRARCH2 unit-test suite as a gate: records exact, triple P/R/F1, failures by category.

Each record's raw ``<Text>`` goes through our own pipeline (blank English, our sentence
splitter, the actor stage reading only the PETRARCH actor and agent files, and the event
engine running the PETRARCH verb dictionary converted into our patterns), with the record's
date as the article's published date so date-restricted actor codes apply. The supplied
Treebank parse is not used. A record passes when the set of (source, target, code) triples
equals the expected set; ``noevents`` records and error records (dateline, bad parse,
discards) pass when nothing is coded.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..errors import InputError
from ..events.stage import EventStage
from ..interop.petrarch_lists import DiscardList, read_discards
from ..interop.petrarch_patterns import load_petrarch_patterns
from ..interop.petrarch_xml import PetrarchEnvironment, PetrarchRecord, read_environment
from ..interop.petrarch_xml import read_records as read_xml_records
from ..model import Article, Event
from ..pipeline import DEFAULT_MODEL, build_pipeline, make_doc
from .scores import f1

Triple = tuple[str, str, str]
#: Stages before the events: the event stage is built here from the PETRARCH verb file.
PRE_EVENT_STAGES = ("detente_sentences_v1", "detente_dateline_v1", "detente_actors_v1")
#: PETRARCH writes a missing target as ``---``.
NO_ACTOR = "---"


@dataclass(frozen=True)
class RecordOutcome:
    """One record: what was expected, what we coded, and why it failed (if it did)."""

    index: int
    id: str
    category: str
    text: str
    expected: tuple[Triple, ...]
    coded: tuple[Triple, ...]
    expects: str  # "events" | "noevents" | "error:<kind>"
    included: bool
    passed: bool
    failure: str = ""  # missed | spurious | wrong code | wrong actors | not rejected


@dataclass(frozen=True)
class PetrarchReport:
    """The suite's figures over the records in the file's ``<Include>`` list."""

    path: str
    records: int
    passed: int
    true_positives: int
    false_positives: int
    false_negatives: int
    seconds: float
    outcomes: tuple[RecordOutcome, ...] = field(repr=False, default=())

    @property
    def rate(self) -> float:
        """Records exact, in percent."""
        return 100.0 * self.passed / self.records if self.records else 0.0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def failures_by_category(self) -> dict[str, int]:
        """Failed included records per suite category (DEMO, AGENT, COMPOUND, ...)."""
        counts = Counter(o.category for o in self.outcomes if o.included and not o.passed)
        return dict(counts.most_common())

    def failures_by_kind(self) -> dict[str, int]:
        counts = Counter(o.failure for o in self.outcomes if o.included and not o.passed)
        return dict(counts.most_common())

    def as_dict(self, with_outcomes: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "records": self.records,
            "passed": self.passed,
            "records_exact_pct": round(self.rate, 2),
            "triples": {
                "true_positives": self.true_positives,
                "false_positives": self.false_positives,
                "false_negatives": self.false_negatives,
                "precision": round(self.precision, 4),
                "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
            },
            "failures_by_category": self.failures_by_category(),
            "failures_by_kind": self.failures_by_kind(),
            "seconds": round(self.seconds, 2),
        }
        if with_outcomes:
            out["outcomes"] = [asdict(o) for o in self.outcomes if not o.passed]
        return out


def expand_codes(code: str) -> list[str]:
    """PETRARCH's ``FRO/BIL/SAM`` names several actors: one code each."""
    return [part for part in code.split("/") if part] or [code]


def event_triples(events: Iterable[Event]) -> tuple[Triple, ...]:
    """The distinct (source, target, code) triples of coded events, as PETRARCH writes them."""
    found: set[Triple] = set()
    for event in events:
        target = event.target_code or NO_ACTOR
        for source in expand_codes(event.source_code or NO_ACTOR):
            for each in expand_codes(target):
                if source != each:
                    found.add((source, each, event.code))
    return tuple(sorted(found))


def judge(record: PetrarchRecord, coded: Sequence[Triple], included: bool = True) -> RecordOutcome:
    """Compare one record's coded triples with what the suite expects."""
    expected = tuple(sorted(set(record.triples)))
    error = record.expected_error
    if error:
        expects = f"error:{error}"
    elif record.expects_no_event or not expected:
        expects = "noevents"
    else:
        expects = "events"
    got = set(coded)
    passed = got == set(expected)
    return RecordOutcome(
        record.index,
        record.id,
        record.category or "",
        record.text,
        expected,
        tuple(sorted(got)),
        expects,
        included,
        passed,
        "" if passed else _failure(set(expected), got, expects),
    )


def _failure(expected: set[Triple], got: set[Triple], expects: str) -> str:
    if expects.startswith("error:"):
        return "not rejected"
    if not got:
        return "missed"
    if not expected:
        return "spurious"
    if {(s, t) for s, t, _ in expected} == {(s, t) for s, t, _ in got}:
        return "wrong code"
    if {c for _, _, c in expected} == {c for _, _, c in got}:
        return "wrong actors"
    return "wrong actors and code"


def tally(path: str, outcomes: Sequence[RecordOutcome], seconds: float) -> PetrarchReport:
    """The report's figures from record outcomes (included records only)."""
    included = [o for o in outcomes if o.included]
    tp = fp = fn = 0
    for outcome in included:
        expected, got = set(outcome.expected), set(outcome.coded)
        tp += len(expected & got)
        fp += len(got - expected)
        fn += len(expected - got)
    passed = sum(o.passed for o in included)
    return PetrarchReport(path, len(included), passed, tp, fp, fn, seconds, tuple(outcomes))


def _dictionary(folder: Path, name: str | None, what: str) -> str:
    """A file named in ``<Environment>``: beside the XML, or in its validate_dictionaries/."""
    if not name:
        raise InputError(str(folder), f"the suite's <Environment> names no {what} file")
    for candidate in (folder / name, folder / "validate_dictionaries" / name):
        if candidate.exists():
            return str(candidate)
    raise InputError(
        str(folder), f"{what} file {name!r} not found here or in validate_dictionaries/"
    )


def _discarded(doc: Doc, events: Sequence[Event], discards: DiscardList | None) -> list[Event]:
    """PETRARCH discards: a ``+`` phrase drops the story, another the sentence it is in."""
    if discards is None:
        return list(events)
    if any(e.story and e.found_in([t.text for t in doc]) for e in discards.entries):
        return []
    sentences = [s for s in doc.sents if any(not t.is_space for t in s)]
    dropped = {
        i for i, s in enumerate(sentences) if discards.first_match([t.text for t in s]) is not None
    }
    return [e for e in events if e.sentence not in dropped]


def evaluate_petrarch(
    path: str | Path, all_records: bool = False, fast: bool = False
) -> PetrarchReport:
    """Code every record of a PETRARCH unit-test file with the dictionaries it names
    (``fast``: with the rule-only pipeline)."""
    xml = Path(path)
    if not xml.exists():
        raise InputError(str(xml), "not found")
    env = read_environment(xml) or PetrarchEnvironment()
    folder = xml.parent
    actors = [_dictionary(folder, name, "actor") for name in env.actor_files]
    agents = [_dictionary(folder, env.agent_file, "agent")] if env.agent_file else []
    verbs = _dictionary(folder, env.verb_file, "verb")
    discards = (
        read_discards(_dictionary(folder, env.discard_file, "discard"))
        if env.discard_file
        else None
    )
    nlp = build_pipeline(
        "" if fast else DEFAULT_MODEL,
        stages=PRE_EVENT_STAGES,
        actors_files=actors,
        agents_files=agents,
        petrarch_only=True,
    )
    stage = EventStage(load_petrarch_patterns(verbs), any_code=True, sports_discards=False)
    include = set(env.include)
    started = time.perf_counter()
    outcomes = []
    for record in read_xml_records(xml):
        article = Article(id=f"{record.id}#{record.index}", text=record.text, published=record.date)
        dyad = record.options.get("require_dyad", "true").strip().lower() != "false"
        doc = stage.configured(require_dyad=dyad)(nlp(make_doc(nlp, article)))
        events = _discarded(doc, doc._.events, discards)
        included = all_records or not include or (record.category or "") in include
        outcomes.append(judge(record, event_triples(events), included))
    return tally(str(xml), outcomes, time.perf_counter() - started)


def render_report(report: PetrarchReport, show_failures: bool = False) -> str:
    """The figures as a readable table (the CLI prints it)."""
    rows = [
        ("records exact", f"{report.rate:.1f}%  ({report.passed}/{report.records})"),
        ("triple precision", f"{report.precision:.3f}"),
        ("triple recall", f"{report.recall:.3f}"),
        ("triple F1", f"{report.f1:.3f}"),
        ("seconds", f"{report.seconds:.1f}"),
    ]
    lines = [f"PETRARCH unit tests: {report.path}", ""]
    lines += [f"  {name:<18} {value}" for name, value in rows]
    lines += ["", "  failures by category"]
    lines += [f"    {name:<16} {count:>4}" for name, count in report.failures_by_category().items()]
    lines += ["", "  failures by kind"]
    lines += [f"    {name:<22} {count:>4}" for name, count in report.failures_by_kind().items()]
    if show_failures:
        lines += ["", "  failed records"]
        for o in report.outcomes:
            if o.included and not o.passed:
                lines.append(
                    f"    {o.id} ({o.failure}): expected {list(o.expected)} coded {list(o.coded)}"
                )
    return "\n".join(lines)
