"""Speech acts about acts: announcements, threats and appeals CAMEO codes from what is said.

A clause that speaks of an act instead of doing it is not that act (it stays in the record,
flagged), but the statement is an event of its own, and CAMEO codes it from the act:

- an actor announcing its own act: "Iran said it would use its missiles against shipping"
  (a future or conditional act, reported by the actor that would do it) is Iran's threat 138;
  "Tehran vowed to avenge" or "Russia promised to set up a committee" (an act under a verb of
  commitment) is the subject's threat or intent;
- an actor saying another must act: "Congress says they must stay" (an obliged act reported
  by someone else) is Congress's appeal to them, 024x.

The codes are data (``events/speech_acts.tsv``), checked against the ontology when read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_path, read_tsv
from ..errors import DictionaryError
from .inflect import forms
from .ontology import default_ontology

#: Moods of an act the speaker announces as its own.
ANNOUNCING_MOODS = frozenset({"future", "conditional"})
#: The mood of an act a speaker says another must do.
OBLIGING_MOOD = "obligation"
#: Verbs of commitment: an act under them is announced by their subject ("vowed to avenge").
COMMISSIVE_VERBS = frozenset(
    form
    for lemma in ("vow", "pledge", "promise", "threaten", "offer", "swear", "undertake",
                  "commit", "intend", "plan", "want", "agree", "resolve", "decide")
    for form in forms(lemma)
)  # fmt: skip

#: The appeal CAMEO codes when the act asked for has no more specific one.
GENERAL_APPEAL = "020"


@dataclass(frozen=True)
class SpeechActCodes:
    announced: dict[str, str]
    appealed: dict[str, str]

    @staticmethod
    def _lookup(table: dict[str, str], code: str) -> str | None:
        for length in range(len(code), 1, -1):
            found = table.get(code[:length])
            if found is not None:
                return found or None
        return None

    def announcement(self, code: str) -> str | None:
        """The code of an actor announcing its own act ``code`` (None: not coded)."""
        return self._lookup(self.announced, code)

    def appeal(self, code: str) -> str:
        """The code of an appeal that another actor do ``code``."""
        return self._lookup(self.appealed, code) or GENERAL_APPEAL


@lru_cache(maxsize=1)
def speech_act_codes() -> SpeechActCodes:
    """The packaged table, every code checked against the CAMEO ontology."""
    path = data_path("events", "speech_acts.tsv")
    ontology = default_ontology()
    announced: dict[str, str] = {}
    appealed: dict[str, str] = {}
    for line, row in read_tsv(path):
        prefix = (row.get("prefix") or "").strip()
        values = [(row.get(k) or "-").strip() for k in ("announced", "appealed")]
        for value in (prefix, *values):
            if value != "-" and value not in ontology:
                raise DictionaryError(str(path), line, f"{value!r} is not a CAMEO code")
        announced[prefix] = "" if values[0] == "-" else values[0]
        appealed[prefix] = "" if values[1] == "-" else values[1]
    return SpeechActCodes(announced, appealed)
