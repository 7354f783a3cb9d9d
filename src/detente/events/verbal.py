"""Attacks made with words: "Trump attacked Romney for being a failed candidate", "Labour hit
out at the Tories", "Sanders slammed Clinton".

Verbs of force have a verbal sense that politics uses every day. When the one who attacks is a
person or a party, legislature or opposition (no armed sector), and the one attacked is a
person, such a body, a government or a court, no force was used: CAMEO codes the act as criticism (111). A person
attacking a country or an armed force ("Bush attacked Iraq"), and any armed actor on either
side, keep the force code.
"""

from __future__ import annotations

from ..actors.codes import sectors_of
from ..model import Mention
from .inflect import forms

CRITICISM_CODE = "111"
#: Roots of force a verbal attack is coded as by a verb that names force.
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: Verbs of force with a verbal sense ("attacked X for", "hit out at", "slammed", "blasted"),
#: in every form (the pipeline does not lemmatise).
VERBAL_FORCE_WORDS = frozenset(
    w
    for lemma in ("attack", "hit", "strike", "slam", "blast", "hammer", "assail", "lash",
                  "savage", "ambush", "target", "bash", "pummel", "pound", "batter")
    for w in forms(lemma)
)  # fmt: skip
#: Sectors of armed actors: either side with one of these used force or could have.
ARMED_SECTORS = frozenset(
    {"MIL", "PKO", "COP", "SPY", "REB", "INS", "UAF", "SEP", "IMG", "CRM", "RAD"}
)
#: Sectors of bodies whose attacks and whose being attacked are political speech: parties,
#: legislatures, opposition, media, campaigners, elites and business.
SPEAKING_SECTORS = frozenset({"LEG", "OPP", "PTY", "MED", "HRI", "NGO", "ELI", "BUS", "LAB"})
#: Bodies a speaker attacks in words ("Labour attacked the government over its plans"); as
#: the one attacking, a government body may use force and keeps the force code.
ATTACKED_BODIES = frozenset({"GOV", "JUD"})
#: Pronouns that stand for a person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})


def _sectors(mention: Mention) -> set[str]:
    return set(mention.roles) | set(sectors_of(mention.code or "", None))


def is_armed(mention: Mention) -> bool:
    """An actor with an armed sector (military, police, rebels ...)."""
    return bool(_sectors(mention) & ARMED_SECTORS)


def _person(mention: Mention) -> bool:
    return mention.kind == "person" or mention.text.lower() in PERSON_PRONOUNS


def _speaking(mention: Mention, also: frozenset[str] = frozenset()) -> bool:
    """A person or a political body (or one of the ``also`` sectors), with no armed sector."""
    sectors = _sectors(mention)
    if sectors & ARMED_SECTORS:
        return False
    return _person(mention) or bool(sectors & (SPEAKING_SECTORS | also))


def political_speakers(source: Mention, target: Mention) -> bool:
    """Whether an attack by ``source`` on ``target`` can only be one of words (docstring)."""
    return _speaking(source) and _speaking(target, ATTACKED_BODIES)


def verbal_code(code: str, word: str, source: Mention, target: Mention | None) -> str | None:
    """111 for a verb of force one political speaker used on another (module docstring)."""
    if code[:2] not in FORCE_ROOTS or word.lower() not in VERBAL_FORCE_WORDS or target is None:
        return None
    if political_speakers(source, target):
        return CRITICISM_CODE
    return None
