"""PETRARCH actor and agent dictionaries, beside ours or instead of them.

Files are read through ``interop.petrarch_actors`` (formats in docs/petrarch-formats.md).
An actor phrase is matched longest first on upper-case tokens where our dictionary found
nothing; agent phrases right after it ("RUSSIAN" + "DEFENSE MINISTER") apply their
``~CODE``/``CODE~`` to its code, as PETRARCH composes them. Date-restricted codes
(``[RUSGOV 910710-991231]``) are chosen on the article's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from ..datafiles import data_path, load_yaml_entries
from ..interop.petrarch_actors import (
    ActorDictionary,
    ActorEntry,
    AgentDictionary,
    AgentEntry,
    read_actors,
    read_agents,
)
from .compose import acting_demonym
from .recognize import POSSESSIVES, Draft

#: First segments that make a PETRARCH code an IGO rather than a country.
IGO_PREFIXES = ("IGO",)
#: Words allowed between an actor and its agent, as in "ITHILEN'S AWFUL AND EVIL MINISTER".
AGENT_GAP = 3
#: Words that end the search for an agent: they start a phrase of their own.
AGENT_STOPS = frozenset({"OF", "IN", "FROM", "BY", "WITH", "TO", "FOR", "AT", "ON", "THE", "A"})
#: Prepositions linking an agent to its actor: "SOLDIERS FROM GONDOR", "GOVERNMENT OF GONDOR".
AGENT_LINKS = frozenset({"OF", "IN", "FROM"})
#: Words that join actors in a list ("ARNOR, OSGILIATH AND GONDOR").
JOINERS = frozenset({",", "AND"})


class PetrarchCoder:
    """PETRARCH dictionaries loaded once; ``add_drafts`` fills the gaps ours leave in a Doc."""

    def __init__(self, actors: Sequence[ActorDictionary], agents: Sequence[AgentDictionary]):
        self.actors = tuple(actors)
        self.agents = tuple(agents)
        self.agent_length = max(
            (len(f) for a in self.agents for e in a.entries for f in e.forms), default=0
        )

    @classmethod
    def from_files(cls, actors: Sequence[str], agents: Sequence[str]) -> PetrarchCoder | None:
        """None when no file is given (the usual case)."""
        if not actors and not agents:
            return None
        return cls([read_actors(p) for p in actors], [read_agents(p) for p in agents])

    def lookup(self, text: str, day: dt.date | None = None) -> str | None:
        """The code of an exact actor phrase, later files winning (PETRARCH's order)."""
        for dictionary in reversed(self.actors):
            code = dictionary.lookup(text, day)
            if code is not None:
                return code
        return None

    def add_drafts(self, doc: Doc, drafts: list[Draft], day: dt.date | None) -> list[Draft]:
        words = [t.text.upper() for t in doc]
        parts = _joined_parts(words)
        covered = [False] * len(words)
        for d in drafts:
            covered[d.start : d.end] = [True] * (d.end - d.start)
        found: list[Draft] = []
        i = 0
        while i < len(words):
            match = None if covered[i] else self._actor_at_token(words, parts, i)
            if match is None:
                i += 1
                continue
            entry, source, end = match
            draft = self._draft(entry, source, i, end, words, covered, day)
            if draft.kind == "country" and _bare_adjective(doc, draft):
                draft.kind = "adjective"  # "Russian borders": a modifier, as in ours
            found.append(draft)
            i = draft.end
        found = self._merge_names(found)
        found += self._leading_agents(words, found, covered)
        return sorted(drafts + found, key=lambda d: d.start)

    @staticmethod
    def _merge_names(found: list[Draft]) -> list[Draft]:
        """ "BREE PRIME MINISTER ROMENDACIL": a name right after a described actor is that actor."""
        merged: list[Draft] = []
        for draft in found:
            last = merged[-1] if merged else None
            if last is not None and last.described and last.end == draft.start:
                last.end = draft.end
                continue
            merged.append(draft)
        return merged

    def _leading_agents(
        self, words: list[str], found: list[Draft], covered: list[bool]
    ) -> list[Draft]:
        """Agents written before their actor ("MSF ARNOR", "SOLDIERS FROM GONDOR") or alone.

        An agent followed by an actor, or by "of/in/from" and a list of actors, applies to each
        of them; an agent with no actor is an actor of unknown country ("---GOV"), as PETRARCH
        codes "a senior official".
        """
        taken = list(covered)
        for d in found:
            taken[d.start : d.end] = [True] * (d.end - d.start)
        starting = {d.start: d for d in found}
        alone: list[Draft] = []
        i = 0
        while i < len(words):
            agent = None if taken[i] else self._agent_at(words, i)
            if agent is None:
                i += 1
                continue
            entry, end = agent
            targets = self._agent_targets(words, end, starting)
            for draft in targets:
                draft.code = entry.code.apply(draft.code) if draft.code else draft.code
            if targets and targets[0].start == end:
                targets[0].start = i
            elif not targets:
                code = entry.code.apply("---")
                draft = Draft(start=i, end=end, kind="sector", code=code)
                draft.entity_id = "petrarch:" + "_".join(words[i:end])
                draft.dictionary = "petrarch:agents"
                draft.described = " ".join(words[i:end])
                alone.append(draft)
            i = end
        return alone

    @staticmethod
    def _agent_targets(words: list[str], end: int, starting: dict[int, Draft]) -> list[Draft]:
        """The actor right after an agent, or the list after "of/in/from (the)"."""
        if end in starting:
            return [starting[end]]
        k = end
        if k < len(words) and words[k] in AGENT_LINKS:
            k += 1
            k += 1 if k < len(words) and words[k] == "THE" else 0
        else:
            return []
        group: list[Draft] = []
        while k in starting:
            group.append(starting[k])
            k = starting[k].end
            step = k
            while step < len(words) and words[step] in JOINERS:
                step += 1
            if step == k or step not in starting:
                break
            k = step
        return group

    def _actor_at(self, words: list[str], i: int) -> tuple[ActorEntry, str, int] | None:
        best: tuple[ActorEntry, str, int] | None = None
        for dictionary in self.actors:
            match = dictionary.match_at(words, i)
            if match is not None and (best is None or i + match.length >= best[2]):
                best = (match.entry, dictionary.path, i + match.length)
        return best

    def _actor_at_token(
        self, words: list[str], parts: tuple[list[str], list[int]] | None, i: int
    ) -> tuple[ActorEntry, str, int] | None:
        """An actor starting at token i; a token joined with ``_`` ("DOL_AMROTH") is read as
        its words, as PETRARCH reads the phrase, when the match ends at a token's end."""
        if parts is not None:
            split, starts = parts
            match = self._actor_at(split, starts[i])
            if match is not None and match[2] in starts[i + 1 :]:
                return match[0], match[1], starts.index(match[2], i + 1)
        return self._actor_at(words, i)

    def _agent_at(self, words: list[str], i: int) -> tuple[AgentEntry, int] | None:
        for length in range(min(self.agent_length, len(words) - i), 0, -1):
            for dictionary in reversed(self.agents):
                entry = dictionary.entry(words[i : i + length])
                if entry is not None:
                    return entry, i + length
        return None

    def _alternative_agent(
        self, words: list[str], pos: int, agents: list[AgentEntry]
    ) -> tuple[AgentEntry, int] | None:
        """ "MEDIA AND GOVERNMENT": an agent joined by "AND" to the previous one, not followed
        by an actor or "of" of its own (then it belongs to that actor)."""
        if not agents or pos + 1 >= len(words) or words[pos] != "AND":
            return None
        found = self._agent_at(words, pos + 1)
        if found is None:
            return None
        after = found[1]
        if after < len(words) and (
            words[after] in AGENT_LINKS or self._actor_at(words, after) is not None
        ):
            return None
        return found

    def _next_agent(
        self, words: list[str], pos: int, covered: list[bool]
    ) -> tuple[AgentEntry, int] | None:
        """An agent within ``AGENT_GAP`` words ("RUSSIAN DEFENSE MINISTER": MINISTER)."""
        for at in range(pos, min(pos + AGENT_GAP + 1, len(words))):
            if covered[at] or not words[at].isalpha() or words[at] in AGENT_STOPS:
                return None
            if at > pos and self._actor_at(words, at) is not None:
                return None  # "RUSSIAN POLICE ARRESTED RUSSIAN STUDENTS": another actor
            found = self._agent_at(words, at)
            if found is not None:
                return found
        return None

    def _draft(
        self,
        entry: ActorEntry,
        source: str,
        start: int,
        end: int,
        words: list[str],
        covered: list[bool],
        day: dt.date | None,
    ) -> Draft:
        code = entry.code_on(day)
        dated = next((c for c in entry.codes if c.code == code and c.restricted), None)
        pos = end + (1 if end < len(words) and words[end].lower() in POSSESSIVES else 0)
        agents: list[AgentEntry] = []
        others: list[AgentEntry] = []  # "DANISH MEDIA AND GOVERNMENT": either agent
        while not others and (found := self._next_agent(words, pos, covered)) is not None:
            agents.append(found[0])
            pos = end = found[1]
            while (alternative := self._alternative_agent(words, pos, agents)) is not None:
                others.append(alternative[0])
                pos = end = alternative[1]
        code = _agent_codes(code, agents, others)
        name = " ".join(entry.words).replace("_", " ").title()
        draft = Draft(start=start, end=end, kind=_kind(entry, code), code=code)
        draft.country = code[:3] if code and not code.startswith(IGO_PREFIXES) else None
        draft.entity_id = "petrarch:" + "_".join(entry.words)
        draft.entity_name = name
        draft.dictionary = "petrarch:" + Path(source).name
        draft.described = " ".join(a.text for a in agents)
        if dated is not None:
            draft.role_applied = (
                f"[{dated.code}] valid {dated.start or '...'} to {dated.end or '...'}"
            )
        draft.person_like = draft.kind == "person"
        return draft


def _joined_parts(words: list[str]) -> tuple[list[str], list[int]] | None:
    """The words with ``A_B`` tokens split into their parts, and where each token starts
    among them (one more entry: the end); None when no token is joined."""
    if not any("_" in w.strip("_") for w in words):
        return None
    split: list[str] = []
    starts: list[int] = []
    for word in words:
        starts.append(len(split))
        split.extend([p for p in word.split("_") if p] or [word])
    starts.append(len(split))
    return split, starts


def _agent_codes(
    code: str | None, agents: list[AgentEntry], others: list[AgentEntry]
) -> str | None:
    """The actor code with its agents; agents joined by "and" give one code each, written
    with ``/`` as PETRARCH writes several actors (``DNKMED/DNKGOV``)."""
    if not code:
        return code
    variants = [agents] + [[*agents[:-1], other] for other in others]
    codes = []
    for variant in variants:
        combined = code
        for agent in variant:
            combined = agent.code.apply(combined)
        codes.append(combined)
    return "/".join(dict.fromkeys(codes))


@lru_cache(maxsize=1)
def country_adjectives() -> frozenset[str]:
    """Country adjectives of our dictionary: PETRARCH files do not mark "RUSSIAN" as one."""
    entries = load_yaml_entries(data_path("actors", "countries.yaml"))
    return frozenset(a for entry in entries for a in entry.get("adjectives") or ())


def _bare_adjective(doc: Doc, draft: Draft) -> bool:
    """One adjective token, not a demonym used as a noun (see ``compose._acting_demonym``)."""
    if draft.end - draft.start != 1 or doc[draft.start].text not in country_adjectives():
        return False
    return not acting_demonym(doc, draft.start, draft.end)


def _kind(entry: ActorEntry, code: str | None) -> str:
    """PETRARCH files do not say what an entry is: dated codes mark people, IGO codes IGOs."""
    if any(c.restricted for c in entry.codes):
        return "person"
    if code and code.startswith(IGO_PREFIXES):
        return "igo"
    return "country" if code and len(code) == 3 else "group"
