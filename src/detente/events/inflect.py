"""Inflected forms of a lemma, so patterns are written once ("meet") and match every form.

Irregular forms come from spaCy's English lemma tables (spacy-lookups-data, read offline);
regular ones are generated. Over-generation is harmless: a form that English does not have
never occurs in text, so it never matches.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

VOWELS = frozenset("aeiou")
#: American and British endings: a pattern written with either matches both.
SPELLINGS = (("ize", "ise"), ("yze", "yse"))
#: Participles spelt like their verb, which the exception tables do not list ("was hit by").
SAME_FORM_PARTICIPLES = frozenset(
    "hit put cut set let shut spread cost quit hurt burst cast thrust upset bid broadcast "
    "forecast shed split".split()
)


def lemma_exceptions_path() -> Path:
    """spaCy's English lemma exception table (found without importing its package, which is
    slow to import: the pattern cache hashes this file at every start)."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("spacy-lookups-data is not installed")
    return Path(spec.origin).parent / "data" / "en_lemma_exc.json.gz"


@lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, frozenset[str]]:
    """lemma -> irregular forms (verbs and nouns), from spaCy's lemma exception tables."""
    with gzip.open(lemma_exceptions_path(), "rt", encoding="utf-8") as handle:
        tables: dict[str, dict[str, list[str]]] = json.load(handle)
    forms: dict[str, set[str]] = defaultdict(set)
    for pos in ("verb", "noun"):
        for form, lemmas in tables[pos].items():
            for lemma in lemmas:
                if "_" not in form:
                    forms[lemma].add(form)
    return {lemma: frozenset(found) for lemma, found in forms.items()}


def _regular(word: str) -> set[str]:
    out = {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        out.add(word + "es")
    elif word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        out.add(word[:-1] + "ies")
    else:
        out.add(word + "s")
    if word.endswith("e"):
        stem = word[:-1]
        out.update(
            {word + "d", stem + "ing" if not word.endswith(("ee", "ye", "oe")) else word + "ing"}
        )
    elif word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        out.update({word[:-1] + "ied", word + "ing"})
    else:
        out.update({word + "ed", word + "ing"})
        last, before = word[-1], word[-2:-1]
        if (
            len(word) >= 3
            and last not in VOWELS
            and last not in "wxy"
            and before in VOWELS
            and word[-3] not in VOWELS
        ):
            # stop -> stopped, plan -> planned; visit -> visitted is never seen, so harmless
            out.update({word + last + "ed", word + last + "ing"})
    if word.endswith("ic"):
        out.update({word + "ked", word + "king"})
    return out


@lru_cache(maxsize=50_000)
def forms(lemma: str) -> frozenset[str]:
    """Every form a pattern word stands for; for phrases, the last word is inflected."""
    lemma = lemma.lower()
    head, _, last = lemma.rpartition(" ")
    variants = _regular(last) | _irregular_forms().get(last, frozenset())
    for us, uk in SPELLINGS:  # criticize/criticise, analyze/analyse
        if last.endswith(us) or last.endswith(uk):
            stem = last[: -len(us)]
            other = stem + (uk if last.endswith(us) else us)
            variants |= _regular(other)
    prefix = f"{head} " if head else ""
    return frozenset(prefix + v for v in variants)


@lru_cache(maxsize=1)
def irregular_participles() -> frozenset[str]:
    """Irregular verb forms that can be past participles ("held", "taken", "sent")."""
    forms_: set[str] = set()
    for lemma, found in _irregular_forms().items():
        forms_.update(f for f in found if not f.endswith(("s", "ing")) and f != lemma)
    return frozenset(forms_ | SAME_FORM_PARTICIPLES)
