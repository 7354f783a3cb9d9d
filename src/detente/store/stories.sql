-- détente store: stories and their copies (migration 0005_stories, issue 12).
-- A story is a coded article; its copies (syndicated, re-published: another byline, headline,
-- a paragraph more or less) are recognised by MinHash/LSH (analysis/stories.py) and recorded
-- here instead of being coded again.

CREATE TABLE IF NOT EXISTS stories (
    article_id VARCHAR PRIMARY KEY,  -- the coded article (articles.id); also the story's id
    signature  BLOB NOT NULL,        -- MinHash of the text's word shingles, uint32 little-endian
    scheme     VARCHAR NOT NULL,     -- shingle size, permutations, seed, hash: others are re-signed
    shingles   INTEGER NOT NULL,     -- distinct shingles signed
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS story_copies (
    article_id  VARCHAR PRIMARY KEY, -- the copy's own article id (hash of its text), not coded
    story_id    VARCHAR NOT NULL,    -- stories.article_id
    similarity  DOUBLE NOT NULL,     -- estimated Jaccard similarity of the shingle sets
    source      VARCHAR,             -- the copy's outlet or agency as given by the input
    url         VARCHAR,
    published   DATE,
    title       VARCHAR,
    origin      VARCHAR,             -- file (and line) the copy was read from
    recorded_at TIMESTAMP NOT NULL
);

CREATE INDEX IF NOT EXISTS story_copies_story ON story_copies (story_id);
