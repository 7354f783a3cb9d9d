"""Records to Arrow tables: the bulk path into DuckDB (executemany is ~100x slower)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from ..model import FACT_TYPES, Article, CodedArticle, Dateline, Tone

_SCALAR_TYPES: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}


def _arrow_type(tp: Any) -> pa.DataType:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _arrow_type(args[0])
    if origin is tuple:
        return pa.list_(_arrow_type(typing.get_args(tp)[0]))
    if origin is dict:
        return pa.string()  # stored as JSON text
    return _SCALAR_TYPES[tp]


def arrow_schema(cls: type, key: str = "article_id") -> pa.Schema:
    """The Arrow schema of one fact type, with the article key first."""
    hints = typing.get_type_hints(cls)
    fields = [pa.field(key, pa.string())]
    fields += [pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)]
    return pa.schema(fields)


def _rows(article_id: str, facts: Sequence[Any]) -> list[dict[str, Any]]:
    rows = []
    for fact in facts:
        row = {"article_id": article_id}
        for f in dataclasses.fields(fact):
            row[f.name] = getattr(fact, f.name)
        rows.append(row)
    return rows


def fact_tables(records: Sequence[CodedArticle]) -> dict[str, pa.Table]:
    """One Arrow table per store table for a batch of records."""
    tables: dict[str, pa.Table] = {}
    for name, cls in FACT_TYPES.items():
        rows = [row for r in records for row in _rows(r.id, getattr(r, name))]
        tables[name] = pa.Table.from_pylist(rows, schema=arrow_schema(cls))
    datelines = [row for r in records if r.dateline for row in _rows(r.id, [r.dateline])]
    tables["datelines"] = pa.Table.from_pylist(datelines, schema=arrow_schema(Dateline))
    tones = [row for r in records if r.tone for row in _rows(r.id, [r.tone])]
    tables["tones"] = pa.Table.from_pylist(tones, schema=arrow_schema(Tone))
    tables["articles"] = _article_table(records)
    return tables


def _article_table(records: Sequence[CodedArticle]) -> pa.Table:
    schema = arrow_schema(Article, key="_").remove(0)
    schema = (
        schema.append(pa.field("pipeline_version", pa.string()))
        .append(pa.field("dictionaries", pa.string()))
        .append(pa.field("schema_version", pa.string()))
        .append(pa.field("coded_at", pa.timestamp("us")))
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = []
    for record in records:
        row = {f.name: getattr(record.article, f.name) for f in dataclasses.fields(Article)}
        row["pipeline_version"] = record.pipeline_version
        row["dictionaries"] = json.dumps(record.dictionaries, sort_keys=True)
        row["schema_version"] = record.schema_version
        row["coded_at"] = now
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)
