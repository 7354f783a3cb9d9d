"""Every spaCy component and Doc extension détente registers, in one place.

Importing this module registers them (spaCy's registry is process-wide); nothing else in
détente registers anything, so a name in a pipeline config leads straight here. Component
names carry a version: a stage whose output changes gets a new name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:  # each stage is imported when a pipeline makes it: registering costs nothing
    from .actors.stage import ActorStage
    from .events.stage import EventStage
    from .places.stage import PlaceStage
    from .quotes.stage import QuoteStage
    from .sentences import SentenceSplitter
    from .stages import DatelineStage
    from .themes.stage import ThemeStage
    from .tone.stage import ToneStage

#: Doc extensions the stages write and the record builder reads, with their defaults.
DOC_EXTENSIONS: dict[str, object] = {
    "article": None,  # the Article being coded, set before the pipeline runs (not by a stage)
    "paragraphs": (),  # paragraph number of each sentence
    "dateline": None,  # model.Dateline
    "mentions": (),
    "events": (),
    "quotes": (),
    "places": (),
    "themes": (),
    "tone": None,
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.factory(
    "detente_sentences_v1",
    assigns=["token.is_sent_start", "doc._.paragraphs"],
)
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    from .sentences import SentenceSplitter

    return SentenceSplitter()


@Language.factory(
    "detente_dateline_v1",
    assigns=["doc._.dateline", "doc.spans"],
)
def make_dateline(nlp: Language, name: str) -> DatelineStage:
    from .stages import DatelineStage

    return DatelineStage()


@Language.factory(
    "detente_actors_v1",
    requires=["doc._.dateline"],
    assigns=["doc._.mentions", "doc.spans", "doc._.dateline"],
    default_config={
        "dictionary_path": "",
        "actors_files": [],
        "agents_files": [],
        "petrarch_only": False,
    },
)
def make_actors(
    nlp: Language,
    name: str,
    dictionary_path: str,
    actors_files: list[str],
    agents_files: list[str],
    petrarch_only: bool,
) -> ActorStage:
    from .actors.stage import ActorStage

    return ActorStage(nlp, dictionary_path or None, actors_files, agents_files, petrarch_only)


@Language.factory(
    "detente_events_v1",
    requires=["doc._.mentions"],
    assigns=["doc._.events"],
    default_config={"patterns_path": "", "verbs_files": []},
)
def make_events(nlp: Language, name: str, patterns_path: str, verbs_files: list[str]) -> EventStage:
    from .events.matcher import compiled_index
    from .events.stage import EventStage

    if verbs_files:  # PETRARCH verb dictionaries instead of our patterns (their codes kept)
        from .interop.petrarch_patterns import load_petrarch_pattern_files

        return EventStage(
            load_petrarch_pattern_files(verbs_files), any_code=True, sports_discards=False
        )
    return EventStage(index=compiled_index(patterns_path))


@Language.factory(
    "detente_quotes_v1",
    requires=["doc._.mentions"],
    assigns=["doc._.quotes", "doc._.mentions", "doc.spans"],
    default_config={"cues_path": ""},
)
def make_quotes(nlp: Language, name: str, cues_path: str) -> QuoteStage:
    from .quotes.stage import QuoteStage

    return QuoteStage(cues_path)


@Language.factory(
    "detente_places_v1",
    requires=["doc._.mentions", "doc._.events", "doc._.dateline"],
    assigns=["doc._.places", "doc._.events"],
    default_config={"regions_path": ""},
)
def make_places(nlp: Language, name: str, regions_path: str) -> PlaceStage:
    from .places.stage import PlaceStage

    return PlaceStage(regions_path)


@Language.factory(
    "detente_themes_v1",
    assigns=["doc._.themes"],
    default_config={"themes_path": ""},
)
def make_themes(nlp: Language, name: str, themes_path: str) -> ThemeStage:
    from .themes.stage import ThemeStage

    return ThemeStage(nlp, themes_path)


@Language.factory(
    "detente_tone_v1",
    requires=["doc._.events"],
    assigns=["doc._.tone", "doc._.events"],
    default_config={"lexicon_path": "", "rewrites_path": ""},
)
def make_tone(nlp: Language, name: str, lexicon_path: str, rewrites_path: str) -> ToneStage:
    from .tone.stage import ToneStage

    return ToneStage(lexicon_path, rewrites_path)
