-- détente store: event clusters (migration 0006_event_clusters, issue 12).
-- One real-world event reported by many articles is one cluster: its member events share the
-- source and target (country + first sector), the CAMEO root, a compatible place, and dates
-- within a day of each other (analysis/clusters.py). Recomputed over the whole store at the
-- end of every coding job; a cluster's id derives from its earliest member, not a counter.

CREATE TABLE IF NOT EXISTS event_clusters (
    id           VARCHAR PRIMARY KEY, -- 'c' + 16 hex digits of sha256(article_id:event_id) of its earliest member
    global_id    BIGINT NOT NULL,     -- the same hash as a positive integer (GDELT's GLOBALEVENTID)
    date         DATE NOT NULL,       -- the earliest member's date
    last_date    DATE NOT NULL,
    source_key   VARCHAR,             -- source code cut to country + first sector (6 letters)
    target_key   VARCHAR,
    root         VARCHAR NOT NULL,    -- CAMEO root code
    country      VARCHAR,             -- the events' place country (ISO alpha-3) where known
    code         VARCHAR NOT NULL,    -- the earliest member's CAMEO code, Goldstein, quad class
    goldstein    DOUBLE NOT NULL,
    quad_class   INTEGER NOT NULL,
    article_id   VARCHAR NOT NULL,    -- the earliest member event
    event_id     VARCHAR NOT NULL,
    num_mentions INTEGER NOT NULL,    -- event records in the cluster
    num_sources  INTEGER NOT NULL,    -- distinct outlets of its articles and their stories' copies
    num_articles INTEGER NOT NULL,    -- distinct articles, copies of their stories included
    confidence   DOUBLE NOT NULL,     -- 1 - (1 - max member confidence) ^ num_sources
    avg_tone     DOUBLE,              -- mean tone of its coded articles
    in_lead      BOOLEAN NOT NULL,    -- some member is in an article's first paragraph
    added_at     TIMESTAMP,           -- when its first article was coded
    source_url   VARCHAR              -- url of the earliest member's article
);

CREATE TABLE IF NOT EXISTS event_cluster_members (
    cluster_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    event_id   VARCHAR NOT NULL
);

-- Every sentence that reports a clustered event, with its offsets into articles.text.
CREATE VIEW IF NOT EXISTS event_mentions AS
SELECT m.cluster_id, e.article_id, e.id AS event_id, e.sentence,
       s."start" AS sentence_start, s."end" AS sentence_end,
       e."start" AS event_start, e."end" AS event_end, e.code, e.confidence
FROM event_cluster_members m
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
LEFT JOIN sentences s ON s.article_id = e.article_id AND s.index = e.sentence;
