"""The actor stage: recognise, narrow the dateline's year by dated roles, code, resolve.

It runs after the dateline stage. Matchers are built once when the stage is made; calling it
on a Doc touches no shared state, so pipelines with different dictionaries can coexist.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Callable, Container, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..ingest.dateline import narrow_year
from ..model import Dateline, Mention
from .apposition import share_gender
from .codes import article_date, role_matching
from .compose import Composer, city_countries, code_draft
from .context import (
    Setting,
    appositive_people,
    article_country,
    nearer_private_person,
    parse_pronoun_drafts,
    place_countries,
    place_in_context,
    previous_subject,
    private_antecedent,
    read_peoples,
)
from .coref import pronoun_drafts, resolve, surname_drafts
from .dictionary import ActorDictionary, cached_dictionary, default_root
from .heads import leading_people
from .lead import lead_people
from .policy import insert_drafts, policy_drafts
from .recognize import ActorMatcher, Draft
from .statements import latest_statement, speaking_body, statement_drafts

SPAN_GROUP = "actors"
#: Peoples spread over several states ("Kurdish"), in the actor dictionary's folder.
PEOPLES_FILE = "peoples.tsv"
#: Manifest name of our packaged actor dictionary.
MANIFEST_NAME = "actors"


class ActorStage:
    """Finds actor mentions, codes them on the article's date and resolves coreference."""

    name = "detente_actors_v1"

    def __init__(
        self,
        nlp: Language,
        dictionary_path: str | Path | None = None,
        actors_files: Sequence[str] = (),
        agents_files: Sequence[str] = (),
        petrarch_only: bool = False,
    ) -> None:
        from .petrarch import PetrarchCoder  # PETRARCH files are optional

        self.petrarch = PetrarchCoder.from_files(actors_files, agents_files)
        self.petrarch_only = petrarch_only and self.petrarch is not None
        self.dictionaries: tuple[str, ...] = () if self.petrarch_only else (MANIFEST_NAME,)
        self.dictionary: ActorDictionary | None = None
        self.matcher: ActorMatcher | None = None
        self.peoples: dict[str, tuple[str, ...]] = {}
        if not self.petrarch_only:
            root = str(Path(dictionary_path) if dictionary_path else default_root())
            self.dictionary = cached_dictionary(root)
            self.matcher = ActorMatcher(self.dictionary, nlp.vocab, nlp.make_doc)
            source = MANIFEST_NAME if dictionary_path is None else f"actors:{root}"
            self.composer = Composer(self.dictionary, source, city_countries(self.dictionary))
            self.peoples = read_peoples(Path(root) / PEOPLES_FILE, self.dictionary.countries)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        dateline: Dateline | None = doc._.dateline
        published = article.published if article is not None else None
        day, source = article_date(dateline.date if dateline else None, published)
        drafts = self._drafts(doc, day)
        if dateline is not None and dateline.year_source == "inferred":
            narrowed = narrow_by_roles(dateline, drafts)
            if narrowed is not dateline:
                doc._.dateline = dateline = narrowed
                first = day
                day, source = article_date(narrowed.date, published)
                if self.matcher is None or not self.matcher.same_forms(first, day):
                    drafts = self._drafts(doc, day)
        for draft in drafts:
            code_draft(draft, day, source)
            if draft.person is not None and self.matcher is not None:
                draft.single_forms = self.matcher.single.forms_of(draft.person)
        words = [t.text for t in doc]
        # With PETRARCH's dictionaries alone, actors are PETRARCH's: no parse-based additions.
        parsed = doc.has_annotation("DEP") and not self.petrarch_only
        if parsed:
            drafts = sorted(drafts + appositive_people(doc, drafts), key=lambda d: d.start)
            drafts = sorted(drafts + leading_people(doc, drafts), key=lambda d: d.start)
            drafts = sorted(drafts + lead_people(doc, drafts), key=lambda d: d.start)
        drafts = sorted(
            drafts
            + surname_drafts(doc, drafts, words, self._titles())
            + pronoun_drafts(doc, drafts, words),
            key=lambda d: d.start,
        )
        if parsed:
            issued = statement_drafts(doc, drafts, self._dateline_country(dateline))
            drafts = sorted(drafts + issued, key=lambda d: d.start)
            drafts = sorted(drafts + parse_pronoun_drafts(doc, drafts), key=lambda d: d.start)
            for draft in drafts:
                if draft.kind == "pronoun" and not draft.prefer:
                    draft.prefer = latest_statement(doc, draft, drafts)
                    draft.prefer_why = "the statement before it that speaks:"
                    if draft.prefer and draft.barrier > draft.prefer[0]:
                        draft.barrier = draft.prefer[0]  # its own words' nouns do not bar it
                if draft.kind == "pronoun" and not draft.prefer:
                    draft.prefer = previous_subject(doc, draft)
                    draft.prefer_why = "the subject of the sentence before:"
                    if private_antecedent(doc, draft, draft.prefer, drafts):
                        draft.barrier = len(doc)  # refers to a private person: no actor
                    elif (body := speaking_body(doc, draft, drafts)) is not None:
                        draft.barrier = body  # a noun of what the body said does not bar it
                if draft.kind == "pronoun" and nearer_private_person(doc, draft, drafts):
                    draft.barrier = len(doc)
        sentence_of = _sentence_index(doc)
        if parsed:
            share_gender(doc, drafts)
        resolve(doc, drafts, day, sentence_of)
        if parsed:
            setting = self._setting(doc, drafts, dateline, article)
            place_in_context(doc, drafts, setting)
            country, why = article_country(drafts, setting.dateline, setting.outlet)
            drafts = insert_drafts(drafts, policy_drafts(doc, drafts, country, why))
        mentions = to_mentions(doc, drafts, sentence_of)
        doc._.mentions = mentions
        doc.spans[SPAN_GROUP] = [Span(doc, d.start, d.end, label=d.code or d.kind) for d in drafts]
        return doc

    def _setting(
        self, doc: Doc, drafts: list[Draft], dateline: Dateline | None, article: object
    ) -> Setting:
        places = place_countries(doc, drafts, self._place_country) if self.matcher else Counter()
        return Setting(
            dateline=self._dateline_country(dateline),
            outlet=_outlet_country(article),
            places=places,
            peoples=self.peoples,
            place_country=self._place_country if self.matcher else None,
        )

    def _place_country(self, name: str) -> str | None:
        return self.composer.index_country(name) or self.composer.place_country(name)

    def _dateline_country(self, dateline: Dateline | None) -> str | None:
        if dateline is None or not dateline.place_normalized or self.matcher is None:
            return None
        place = dateline.place_normalized
        return self.composer.index_country(place) or self.composer.place_country(place)

    def _titles(self) -> Container[str]:
        """Words that can stand before a surname as a title: the dictionary's sector terms."""
        return self.dictionary.sectors if self.dictionary is not None else frozenset()

    def _drafts(self, doc: Doc, day: dt.date | None) -> list[Draft]:
        drafts: list[Draft] = []
        if self.matcher is not None:
            drafts = self.composer.compose(doc, self.matcher.atoms(doc, day))
        if self.petrarch is not None:
            drafts = self.petrarch.add_drafts(doc, drafts, day)
        return drafts


def _outlet_country(article: object) -> str | None:
    """The home country of the article's outlet (agencies.tsv), for "the government"."""
    from ..ingest.dateline import default_agencies

    return default_agencies().country(getattr(article, "source", None))


def narrow_by_roles(dateline: Dateline, drafts: list[Draft]) -> Dateline:
    """Keep the candidate years in which a person described in the text held that role."""
    if len(dateline.candidate_years) < 2:
        return dateline
    last_year = max(dateline.candidate_years)
    for draft in drafts:
        if draft.person is None or not draft.described:
            continue
        roles = role_matching(draft.person, draft.described)
        if not roles:
            continue
        years = {y for role in roles for y in role.period.years(last_year)}
        held = "; ".join(f"{r.title} {r.start_text} to {r.end_text or 'now'}" for r in roles)
        reason = f"{draft.person.name} described as {draft.described!r} ({held})"
        dateline = narrow_year(dateline, years, reason)
    return dateline


def _sentence_index(doc: Doc) -> Callable[[int], int]:
    """Token index → sentence number as the record counts them (blank sentences skipped)."""
    starts = [s.start for s in doc.sents if any(not t.is_space for t in s)]

    def sentence_of(token: int) -> int:
        return max(bisect.bisect_right(starts, token) - 1, 0)

    return sentence_of


def to_mentions(
    doc: Doc, drafts: list[Draft], sentence_of: Callable[[int], int]
) -> tuple[Mention, ...]:
    """Frozen records, with character offsets and antecedents as mention ids."""
    ids = [f"m{i}" for i in range(len(drafts))]
    out = []
    for i, d in enumerate(drafts):
        span = doc[d.start : d.end]
        out.append(
            Mention(
                id=ids[i],
                sentence=sentence_of(d.start),
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                code=d.code,
                country=d.country,
                roles=tuple(d.roles),
                kind=d.kind,
                entity_id=d.entity_id,
                entity_name=d.entity_name,
                wikidata=d.wikidata,
                role_applied=d.role_applied,
                antecedent=ids[d.antecedent] if d.antecedent is not None else None,
                resolution=d.resolution if d.antecedent is not None else None,
                dictionary=d.dictionary,
            )
        )
    return tuple(out)
