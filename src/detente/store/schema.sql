-- détente store schema (migration 0001_initial).
-- One table per fact type, keyed by (article_id, id); every fact keeps its character offsets
-- ("start", "end": quote them, END is an SQL keyword) into articles.text.

CREATE TABLE IF NOT EXISTS articles (
    id               VARCHAR PRIMARY KEY,   -- stable hash of normalised text (+ url)
    title            VARCHAR,
    url              VARCHAR,
    source           VARCHAR,               -- agency or publisher as given by the input
    published        DATE,                  -- metadata date
    language         VARCHAR,
    origin           VARCHAR,               -- file (and line) the article was read from
    text             VARCHAR NOT NULL,
    pipeline_version VARCHAR NOT NULL,      -- what coded it; a newer one replaces its facts
    dictionaries     VARCHAR NOT NULL,      -- JSON object: dictionary name -> version
    schema_version   VARCHAR NOT NULL,
    coded_at         TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS datelines (
    article_id       VARCHAR PRIMARY KEY,
    text             VARCHAR NOT NULL,
    "start"          INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    place            VARCHAR,
    place_normalized VARCHAR,
    agency           VARCHAR,
    month            INTEGER,
    day              INTEGER,
    year             INTEGER,
    year_source      VARCHAR NOT NULL,      -- text | metadata | inferred | none
    candidate_years  INTEGER[],             -- every year the text allows
    narrowed_years   INTEGER[],             -- those later evidence kept
    evidence         VARCHAR,
    date             DATE
);

CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR NOT NULL,
    index      INTEGER NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    PRIMARY KEY (article_id, index)
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id   VARCHAR NOT NULL,
    id           VARCHAR NOT NULL,
    sentence     INTEGER NOT NULL,
    "start"      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    code         VARCHAR,                   -- composite CAMEO code, e.g. RUSGOVMIL
    country      VARCHAR,
    roles        VARCHAR[],
    kind         VARCHAR NOT NULL,
    entity_id    VARCHAR,
    entity_name  VARCHAR,
    wikidata     VARCHAR,
    role_applied VARCHAR,
    antecedent   VARCHAR,
    resolution   VARCHAR,
    dictionary   VARCHAR,
    stage        VARCHAR NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS events (
    article_id      VARCHAR NOT NULL,
    id              VARCHAR NOT NULL,
    sentence        INTEGER NOT NULL,
    "start"         INTEGER NOT NULL,       -- predicate span
    "end"           INTEGER NOT NULL,
    code            VARCHAR NOT NULL,       -- CAMEO event code
    root            VARCHAR NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       DOUBLE NOT NULL,
    source_code     VARCHAR,
    source_entity   VARCHAR,
    source_mention  VARCHAR,
    source_text     VARCHAR,
    target_code     VARCHAR,
    target_entity   VARCHAR,
    target_mention  VARCHAR,
    target_text     VARCHAR,
    plover_type     VARCHAR,
    plover_mode     VARCHAR,
    date            DATE,
    date_resolution VARCHAR,
    location        VARCHAR,
    negated         BOOLEAN NOT NULL,
    modality        VARCHAR,
    compound        BOOLEAN NOT NULL,
    reported        BOOLEAN NOT NULL,
    pattern_id      VARCHAR,
    confidence      DOUBLE NOT NULL,
    stage           VARCHAR NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id      VARCHAR NOT NULL,
    id              VARCHAR NOT NULL,
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,       -- direct | indirect | partial
    speaker_text    VARCHAR,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_entity  VARCHAR,
    speaker_code    VARCHAR,
    speaker_mention VARCHAR,
    cue             VARCHAR,
    cue_start       INTEGER,
    cue_end         INTEGER,
    sentence        INTEGER NOT NULL,
    stage           VARCHAR NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS places (
    article_id   VARCHAR NOT NULL,
    id           VARCHAR NOT NULL,
    "start"      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    name         VARCHAR,
    country      VARCHAR,                   -- ISO 3166 alpha-3
    adm1         VARCHAR,
    lat          DOUBLE,
    lon          DOUBLE,
    feature      VARCHAR,
    gazetteer_id VARCHAR,
    role         VARCHAR NOT NULL,          -- mention | dateline | event
    sentence     INTEGER NOT NULL,
    stage        VARCHAR NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS themes (
    article_id VARCHAR NOT NULL,
    id         VARCHAR NOT NULL,
    theme      VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    sentence   INTEGER NOT NULL,
    stage      VARCHAR NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS tones (
    article_id         VARCHAR PRIMARY KEY,
    tone               DOUBLE NOT NULL,
    positive           DOUBLE NOT NULL,
    negative           DOUBLE NOT NULL,
    polarity           DOUBLE NOT NULL,
    activity_density   DOUBLE NOT NULL,
    self_group_density DOUBLE NOT NULL,
    word_count         INTEGER NOT NULL,
    stage              VARCHAR NOT NULL
);
