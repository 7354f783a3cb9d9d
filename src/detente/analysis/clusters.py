"""Event clusters: one real-world event reported by many articles, counted as GDELT counts it.

Two coded events are the same event when they have the same source and target (country and
first sector: the first ``ACTOR_KEY_LETTERS`` letters of the code), the same CAMEO root, dates
no more than ``MAX_DAY_GAP`` apart (chained: a run of daily reports is one event), and a
compatible place: the same country, or one side's place unknown. Events whose places name two
countries are two events; an event without a place joins the run's most reported country.

Only what queries show by default is clustered: asserted acts between two actors (and coded
refusals), with a date (the event's, else its article's dateline or publication date).

Counts are GDELT's: NumMentions every event record in the cluster; NumArticles the distinct
articles, each recorded copy of a member's story counting as one more article; NumSources the
distinct outlets of those articles. Confidence is the best member's, raised by independent
outlets as independent witnesses would raise it: ``1 - (1 - max confidence) ** NumSources``.

The whole store is clustered in DuckDB SQL (window functions, no Python loop over rows) at the
end of each coding job; a cluster's id is a hash of its earliest member (date, article id,
event id), so coding the same articles again gives the same ids.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

import duckdb

from ..errors import StoreError
from ..model import NONFACTUAL_MODALITIES

#: Letters of an actor code compared: the country (3) and the first sector (3), so that
#: "RUSGOV" and "RUSGOVMIL" are one side, "RUSGOV" and "RUSMIL" two.
ACTOR_KEY_LETTERS = 6
#: Days between two reports of one event: a report dated the day after is the same event
#: (time zones, "yesterday" resolved from the publication date).
MAX_DAY_GAP = 1
#: Hex digits of the member hash in a cluster id ('c' + 16 digits: 64 bits, no collision
#: expected below billions of clusters) and in GDELT's integer id (15 digits: a positive BIGINT).
ID_HEX_DIGITS = 16
GLOBAL_ID_HEX_DIGITS = 15

_MOODS = ", ".join(f"'{m}'" for m in sorted(NONFACTUAL_MODALITIES))

#: The events clustered: the default output of ``detente events``, dated.
_BASE = f"""
CREATE OR REPLACE TEMP TABLE _cluster_base AS
SELECT e.article_id, e.id AS event_id,
       coalesce(e.date, d.date, a.published) AS day,
       coalesce(left(e.source_code, {ACTOR_KEY_LETTERS}), '') AS source_key,
       coalesce(left(e.target_code, {ACTOR_KEY_LETTERS}), '') AS target_key,
       e.root, p.country AS place_country, e.confidence
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN datelines d ON d.article_id = e.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.location
WHERE (NOT e.negated OR e.root = '12')
  AND (e.modality IS NULL OR e.modality NOT IN ({_MOODS}))
  AND e.target_code IS NOT NULL
  AND coalesce(e.date, d.date, a.published) IS NOT NULL
"""

#: Runs of dates (gaps of at most MAX_DAY_GAP) per dyad and root, split by place country.
_MEMBERS = f"""
CREATE OR REPLACE TEMP TABLE _cluster_members AS
WITH gaps AS (
    SELECT *, CASE WHEN day - lag(day) OVER dyad > {MAX_DAY_GAP} THEN 1 ELSE 0 END AS new_run
    FROM _cluster_base
    WINDOW dyad AS (PARTITION BY source_key, target_key, root ORDER BY day, article_id, event_id)
), runs AS (
    SELECT *, sum(new_run) OVER (
        PARTITION BY source_key, target_key, root ORDER BY day, article_id, event_id
        ROWS UNBOUNDED PRECEDING) AS run
    FROM gaps
), place_counts AS (
    SELECT source_key, target_key, root, run, place_country, count(*) AS n
    FROM runs WHERE place_country IS NOT NULL GROUP BY ALL
), main_place AS (
    SELECT source_key, target_key, root, run,
           first(place_country ORDER BY n DESC, place_country) AS main_country
    FROM place_counts GROUP BY ALL
), placed AS (
    SELECT r.*, coalesce(r.place_country, m.main_country, '') AS country
    FROM runs r LEFT JOIN main_place m
      ON m.source_key = r.source_key AND m.target_key = r.target_key AND m.root = r.root
     AND m.run = r.run
)
SELECT *,
    first_value('c' || left(sha256(article_id || ':' || event_id), {ID_HEX_DIGITS})) OVER cluster
        AS cluster_id,
    row_number() OVER cluster AS rank
FROM placed
WINDOW cluster AS (
    PARTITION BY source_key, target_key, root, run, country ORDER BY day, article_id, event_id)
"""

#: An article's outlet: its source as given, else the dateline's agency, else the URL's host;
#: an article with none of these is an outlet of its own.
_HOST = (
    "nullif(regexp_replace(regexp_extract({url}, '^[A-Za-z]+://([^/:?#]+)', 1), '^www\\.', ''), '')"
)
OUTLET_SQL = "lower(coalesce(nullif(trim({source}), ''), {agency}, " + _HOST + ", '#' || {id}))"

_CLUSTERS = f"""
INSERT INTO event_clusters BY NAME
WITH member_articles AS (
    SELECT DISTINCT cluster_id, article_id FROM _cluster_members
), reporting AS (
    SELECT m.cluster_id, a.id AS article_id,
           {OUTLET_SQL.format(source="a.source", agency="d.agency", url="a.url", id="a.id")} AS outlet
    FROM member_articles m JOIN articles a ON a.id = m.article_id
    LEFT JOIN datelines d ON d.article_id = a.id
    UNION
    SELECT m.cluster_id, c.article_id,
           {OUTLET_SQL.format(source="c.source", agency="NULL", url="c.url", id="c.article_id")}
    FROM member_articles m JOIN story_copies c ON c.story_id = m.article_id
), reach AS (
    SELECT cluster_id, count(DISTINCT article_id) AS num_articles,
           count(DISTINCT outlet) AS num_sources
    FROM reporting GROUP BY cluster_id
), article_facts AS (
    SELECT m.cluster_id, avg(t.tone) AS avg_tone, min(a.coded_at) AS added_at
    FROM member_articles m JOIN articles a ON a.id = m.article_id
    LEFT JOIN tones t ON t.article_id = m.article_id
    GROUP BY m.cluster_id
), member_facts AS (
    SELECT c.cluster_id, count(*) AS num_mentions, max(c.day) AS last_date,
           max(c.confidence) AS best_confidence, bool_or(coalesce(s.paragraph = 0, false)) AS in_lead
    FROM _cluster_members c
    JOIN events e ON e.article_id = c.article_id AND e.id = c.event_id
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.index = e.sentence
    GROUP BY c.cluster_id
)
SELECT f.cluster_id AS id,
       ('0x' || left(substr(f.cluster_id, 2), {GLOBAL_ID_HEX_DIGITS}))::BIGINT AS global_id,
       f.day AS date, mf.last_date, nullif(f.source_key, '') AS source_key,
       nullif(f.target_key, '') AS target_key, f.root, nullif(f.country, '') AS country,
       e.code, e.goldstein, e.quad_class, f.article_id, f.event_id,
       mf.num_mentions, r.num_sources, r.num_articles,
       1 - pow(1 - mf.best_confidence, r.num_sources) AS confidence,
       af.avg_tone, mf.in_lead, af.added_at, a.url AS source_url
FROM _cluster_members f
JOIN events e ON e.article_id = f.article_id AND e.id = f.event_id
JOIN articles a ON a.id = f.article_id
JOIN member_facts mf ON mf.cluster_id = f.cluster_id
JOIN reach r ON r.cluster_id = f.cluster_id
JOIN article_facts af ON af.cluster_id = f.cluster_id
WHERE f.rank = 1
"""


@dataclass(frozen=True, slots=True)
class ClusterReport:
    """What a recomputation found: clusters, clustered events, seconds."""

    clusters: int
    events: int
    seconds: float


def recompute_clusters(con: Any) -> ClusterReport:
    """Cluster every stored event again, in one transaction (readers see old or new, whole)."""
    started = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_BASE)
        con.execute(_MEMBERS)
        con.execute("DELETE FROM event_cluster_members")
        con.execute("DELETE FROM event_clusters")
        con.execute(
            "INSERT INTO event_cluster_members "
            "SELECT cluster_id, article_id, event_id FROM _cluster_members"
        )
        con.execute(_CLUSTERS)
        con.execute("DROP TABLE _cluster_base")
        con.execute("DROP TABLE _cluster_members")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"event clusters not recomputed: {exc}") from None
    counts = con.execute(
        "SELECT (SELECT count(*) FROM event_clusters), (SELECT count(*) FROM event_cluster_members)"
    ).fetchone()
    return ClusterReport(int(counts[0]), int(counts[1]), time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class ClusterFilter:
    """Filters for ``clusters``; None means no filter."""

    source: str | None = None  # actor code prefix of the cluster's source key, e.g. RUS
    target: str | None = None
    code: str | None = None  # CAMEO code prefix of the cluster's code, e.g. 04 or 042
    since: dt.date | None = None
    until: dt.date | None = None
    min_sources: int | None = None  # only events reported by at least this many outlets
    limit: int | None = None


def clusters(con: Any, where: ClusterFilter | None = None) -> list[dict[str, Any]]:
    """Stored clusters, earliest first, filtered by actors, code, dates and outlets."""
    f = where or ClusterFilter()
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (("source_key", f.source), ("target_key", f.target)):
        if value:
            clauses.append(f"starts_with({column}, ?)")
            params.append(value.upper()[:ACTOR_KEY_LETTERS])
    if f.code:
        clauses.append("starts_with(code, ?)")
        params.append(f.code)
    if f.since:
        clauses.append("date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("date <= ?")
        params.append(f.until)
    if f.min_sources:
        clauses.append("num_sources >= ?")
        params.append(f.min_sources)
    sql = "SELECT * FROM event_clusters"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY date, id"
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def mentions(con: Any, cluster_id: str) -> list[dict[str, Any]]:
    """Every sentence that reports one cluster's event, with its offsets."""
    cursor = con.execute(
        "SELECT * FROM event_mentions WHERE cluster_id = ? ORDER BY article_id, sentence, event_start",
        [cluster_id],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
