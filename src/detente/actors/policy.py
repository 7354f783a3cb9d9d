"""A government's policies stand for the government when nothing else owns them.

"Labour backbenchers opposed the plan", "the Commons approved the measures", "the Tories tabled
a motion opposing the new bill": in news on a country's politics, the definite plan, bill or
measures are the government's, and opposing them is opposing the government (CAMEO codes the
act towards its author). A definite policy noun that is a verb's object (or a passive's
subject) and names no owner of its own ("the EU's plan", "the plan proposed by Iran", "the
measures it announced") becomes a mention of the article's government, marked as inferred, so
that every frame with a target reads it. The article's country is the one the actor stage
gives "the government" (``context.article_country``); with none, nothing is added.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .codes import actor_code
from .recognize import Draft

#: Nouns of a government's policy. Not "decision", "law" or "changes": those are as often a
#: court's, an old statute or anyone's.
POLICY_NOUNS = frozenset(
    "plan plans proposal proposals measure measures bill legislation policy policies reform "
    "reforms scheme blueprint".split()
)
#: Where the noun is what a verb acts on: its object, or the subject of its passive.
POLICY_DEPS = frozenset({"dobj", "nsubjpass"})
#: The determiners that make the noun the one policy the story is about.
DEFINITE_POLICY = frozenset({"the", "these", "this"})


def policy_drafts(doc: Doc, drafts: list[Draft], country: str | None, why: str) -> list[Draft]:
    """Mentions of ``country``'s government for the definite, ownerless policy objects."""
    if not country:
        return []
    covered = [False] * len(doc)
    for d in drafts:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    code = actor_code(country, ("GOV",))
    out = []
    for token in doc:
        if token.lower_ not in POLICY_NOUNS or token.dep_ not in POLICY_DEPS:
            continue
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE_POLICY for c in token.children):
            continue
        if any(covered[t.i] for t in token.subtree):
            continue  # "the plan proposed by Iran", "the measures it announced": owned
        start = token.left_edge.i
        out.append(
            Draft(
                start=start,
                end=token.i + 1,
                kind="sector",
                country=country,
                code=code,
                roles=("GOV",),
                role_applied=f"a policy taken as its author's: the government of {why}",
            )
        )
    return out


def insert_drafts(drafts: list[Draft], extra: list[Draft]) -> list[Draft]:
    """``drafts`` with ``extra`` in text order, antecedent indices kept pointing right."""
    if not extra:
        return drafts
    merged = sorted(drafts + extra, key=lambda d: d.start)
    where = {id(d): i for i, d in enumerate(merged)}
    old = {i: id(d) for i, d in enumerate(drafts)}
    for d in drafts:
        if d.antecedent is not None:
            d.antecedent = where[old[d.antecedent]]
    return merged
