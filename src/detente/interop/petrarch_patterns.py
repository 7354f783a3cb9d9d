"""PETRARCH verb dictionaries as our engine's patterns, converted at run time.

One engine serves our pattern language and PETRARCH/TABARI dictionaries, so a PETRARCH file
becomes ``Pattern`` objects (docs/petrarch-formats.md gives the format, docs/patterns.md ours):

- every form of a verb line is an exact anchor alternative (PETRARCH lists or generates them);
- words and synsets around ``*`` keep TABARI's gaps: tied with ``_`` they are adjacent, with a
  blank other words may come between (``Element.gap``);
- ``$`` and ``+`` float to the nearest actor; without ``$`` the source is the nearest actor
  before the pattern (the subject), without ``+`` the target is the first actor after it;
- ``%`` before the verb is a compound acting on itself (``mutual``), after it a target;
  ``^`` passes over one actor or word (``SKIP``);
- ``[042:043]`` codes the second part as the reverse event, ``[---]`` matches but codes nothing
  (``discard``), and a bare verb codes the code of its line or block.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..events.patterns import (
    SET,
    SKIP,
    SOURCE,
    TARGET,
    WORD,
    Element,
    Pattern,
    PatternDictionary,
)
from .petrarch_verbs import PatternToken, VerbBlock, VerbCode, VerbDictionary, VerbEntry, read_verbs

#: Tokens a blank-separated pattern word may be from its neighbour (TABARI: anywhere in the
#: clause; a bound keeps a stray word at the far end of a long sentence from matching).
LOOSE = 10
#: How far a floating source or target may be from the pattern's edge.
SLOT_REACH = 40
#: Token kinds that only shape PETRARCH2's parse-tree search; our flat matcher ignores them.
#: Warnings about a user's verb file go to stderr through logging (no handler: stderr).
LOG = logging.getLogger("detente.petrarch")
STRUCTURE = frozenset({"np_open", "np_close", "pp_open", "pp_close"})


def _words(text: str) -> str:
    """A PETRARCH phrase as our lower-case, blank-separated form."""
    return " ".join(text.replace("_", " ").lower().split())


def _synset_members(dictionary: VerbDictionary, name: str, seen: frozenset[str]) -> list[str]:
    """Every form of a synset, nested synsets expanded (TABARI allowed them)."""
    synset = dictionary.synsets.get(name)
    if synset is None or name in seen:
        return []
    members = [" ".join(words).lower() for words in synset.forms()]
    for member in synset.members:
        if member.synset is not None:
            members.extend(_synset_members(dictionary, member.synset, seen | {name}))
    return members


def synsets(dictionary: VerbDictionary) -> dict[str, tuple[str, ...]]:
    """Our sets from a dictionary's synsets (names without ``&``)."""
    return {
        name.lstrip("&"): tuple(dict.fromkeys(_synset_members(dictionary, name, frozenset())))
        for name in dictionary.synsets
    }


def _element(token: PatternToken, gap: int) -> Element | None:
    if token.kind == "word":
        return Element(WORD, (_words(token.text),), (True,), gap=gap)
    if token.kind == "synset":
        return Element(SET, (token.text.lstrip("&"),), (True,), gap=gap)
    if token.kind in ("source", "target", "compound"):
        kind = SOURCE if token.kind == "source" else TARGET
        return Element(kind, gap=SLOT_REACH)
    if token.kind == "skip":
        return Element(SKIP, gap=gap)
    return None


def _side(tokens: Sequence[PatternToken], anchor_joined: bool, before: bool) -> list[Element]:
    """Elements of one side of the verb, in sentence order, with their gaps to the anchor side."""
    kept = [t for t in tokens if t.kind not in STRUCTURE]
    out: list[Element] = []
    for i, token in enumerate(kept):
        if before:  # the neighbour towards the verb is the next token (or the verb itself)
            joined = kept[i + 1].joined if i + 1 < len(kept) else anchor_joined
        else:
            joined = token.joined
        element = _element(token, 0 if joined else LOOSE)
        if element is not None:
            out.append(element)
    return out


def _anchor(entry: VerbEntry) -> Element:
    forms = tuple(dict.fromkeys(" ".join(form.words).lower() for form in entry.forms))
    return Element(WORD, forms, (True,) * len(forms), anchor=True)


def convert_pattern(
    anchor: Element,
    pre_tokens: Sequence[PatternToken],
    post_tokens: Sequence[PatternToken],
    anchor_joined: bool,
) -> tuple[tuple[Element, ...], frozenset[str]]:
    """Elements and flags of one PETRARCH pattern around ``anchor`` (defaults added)."""
    pre = _side(pre_tokens, anchor_joined, before=True)
    post = _side(post_tokens, False, before=False)
    flags = {"verbal", "activepassive"}
    kinds = {t.kind for t in pre_tokens} | {t.kind for t in post_tokens}
    compound_source = any(t.kind == "compound" for t in pre_tokens)
    if compound_source:
        pre = [Element(SOURCE, gap=SLOT_REACH) if e.kind == TARGET else e for e in pre]
        flags.add("mutual")
    if "source" not in kinds and not compound_source:
        pre.insert(0, Element(SOURCE, gap=SLOT_REACH))
    if "target" not in kinds and not (kinds & {"compound"}):
        post.insert(0, Element(TARGET, gap=SLOT_REACH))  # the first actor after the verb
    return (*pre, anchor, *post), frozenset(flags)


def _code_parts(code: VerbCode) -> tuple[str, str, bool]:
    """(code, reverse code, discard) of a PETRARCH code."""
    if code.is_null:
        return "---", "", True
    return code.active or "", code.passive or "", False


def _block_patterns(block: VerbBlock, path: str) -> Iterator[Pattern]:
    for entry in block.verbs:
        anchor = _anchor(entry)
        for vp in block.patterns:
            verb = vp.tokens[vp.verb_index]
            elements, flags = convert_pattern(anchor, vp.pre, vp.post, verb.joined)
            code, reverse, discard = _code_parts(vp.code)
            yield Pattern(
                f"{vp.code.raw}:{entry.text}:{vp.raw}",
                code,
                elements,
                flags | ({"discard"} if discard else set()),
                f"{path}:{vp.line}",
                vp.raw,
                reverse,
            )
        own = block.code_of(entry)
        if own is None or own.is_null:
            continue
        elements, flags = convert_pattern(anchor, (), (), False)
        code, reverse, _ = _code_parts(own)
        yield Pattern(
            f"{own.raw}:{entry.text}", code, elements, flags, f"{path}:{entry.line}", "*", reverse
        )


def petrarch_patterns(dictionary: VerbDictionary) -> PatternDictionary:
    """Every pattern of a PETRARCH verb dictionary, with its synsets, as ours."""
    patterns = [p for block in dictionary.blocks for p in _block_patterns(block, dictionary.path)]
    return PatternDictionary(tuple(patterns), synsets(dictionary), (dictionary.path,))


def load_petrarch_patterns(path: str | Path) -> PatternDictionary:
    """Read a PETRARCH verb file (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``) as patterns;
    what the file gets wrong (an undefined synset) is logged as a warning naming file:line."""
    dictionary = read_verbs(path)
    for warning in dictionary.warnings:
        LOG.warning("warning: %s:%d: %s", path, warning.line, warning.message)
    return petrarch_patterns(dictionary)


def load_petrarch_pattern_files(paths: Sequence[str | Path]) -> PatternDictionary:
    """Several verb files as one dictionary (the ``verbs_files`` setting); a synset defined
    again in a later file replaces the earlier one, as a later PETRARCH entry wins."""
    parts = [load_petrarch_patterns(p) for p in paths]
    sets: dict[str, tuple[str, ...]] = {}
    for part in parts:
        sets.update(part.sets)
    patterns = tuple(p for part in parts for p in part.patterns)
    return PatternDictionary(patterns, sets, tuple(f for part in parts for f in part.files))
