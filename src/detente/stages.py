"""Small pipeline stages that wrap a plain function (the function is where the logic lives)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from .ingest.dateline import find_dateline


class DatelineStage:
    """Finds the dateline and resolves its date from the text and the article's metadata."""

    name = "detente_dateline_v1"
    dictionaries: tuple[str, ...] = ("agencies",)

    def __init__(self, today: dt.date | None = None) -> None:
        self.today = today

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        published = article.published if article is not None else None
        text = article.text if article is not None else doc.text  # doc.text is rebuilt per call
        dateline = find_dateline(text, published=published, today=self.today)
        doc._.dateline = dateline
        if dateline is not None:
            span = doc.char_span(
                dateline.start, dateline.end, label="DATELINE", alignment_mode="expand"
            )
            doc.spans["dateline"] = [span] if span is not None else []
        return doc
