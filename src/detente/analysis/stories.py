"""Stories: one article and its syndicated or re-published copies, coded once.

A wire story comes back from many outlets with another byline, another headline, a paragraph
more or less. Exact copies share an article id (a hash of the text) and are dropped on ingest;
near-copies are recognised here with MinHash over word shingles and an LSH index: the first
article of a story is coded, each later copy is recorded (which story, outlet, url, date,
origin) and not coded. Signatures persist in the store (``stories``), so a copy of an article
coded in an earlier run is recognised too; the index is rebuilt from them when a job starts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import re
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
from datasketch import MinHash, MinHashLSH

from ..errors import SettingsError, StoreError
from ..model import Article

#: Words per shingle: five words rarely recur between two different stories on one topic,
#: while an edit (a new byline, a changed word) breaks only the five shingles around it.
SHINGLE_WORDS = 5
#: Permutations per signature: the Jaccard estimate's standard error is below 0.045.
NUM_PERM = 128
#: Fixed, so that signatures stored by one run compare with those of the next.
SEED = 1
#: Default similarity (estimated Jaccard of the shingle sets) at which an article is a copy:
#: a paragraph added to a five-paragraph wire story and a new byline and headline still leave
#: about 0.75; two different stories on one event and one day share under 0.2.
DEFAULT_THRESHOLD = 0.6
#: The highest threshold the LSH bands are tuned for (datasketch needs two bands or more);
#: above it, candidates found at this level are verified against the threshold asked for.
LSH_MAX_THRESHOLD = 0.9
#: LSH band tuning weights (false positives, false negatives): candidates are verified against
#: the threshold, so a false positive costs a comparison and a missed copy costs a coding;
#: at 0.6 this finds 87% of pairs at 0.6 and 99% at 0.7 (equal weights: 40% and 79%).
LSH_WEIGHTS = (0.1, 0.9)
#: Signatures and copies kept in memory before they are written in one transaction.
FLUSH_ROWS = 2000
#: Stored signatures read per chunk when the index is rebuilt (bounded memory).
LOAD_CHUNK = 20_000

# datasketch 2 names its permutation scheme and wants it given with given permutations;
# datasketch 1.x has one scheme and no such argument.
_SCHEME_ARGS: dict[str, Any] = (
    {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash).parameters else {}
)
#: What the stored signatures were made with: a store made with another scheme is re-signed.
SCHEME = f"words{SHINGLE_WORDS}-perm{NUM_PERM}-seed{SEED}-crc32roll-{_SCHEME_ARGS.get('scheme', 'legacy')}"

_WORD = re.compile(r"\w+")
#: Multiplier of the shingle hash (an odd 64-bit constant: every word position counts).
_ROLL = np.uint64(0x9E3779B97F4A7C15)
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, **_SCHEME_ARGS).permutations


def check_threshold(threshold: float) -> float:
    """The similarity threshold, refused outside [0, 1] (0 turns recognition off)."""
    if not 0.0 <= threshold <= 1.0:
        raise SettingsError(
            f"setting 'near_duplicate_threshold' must be between 0 and 1, got {threshold!r}"
        )
    return threshold


def shingles(text: str) -> np.ndarray:
    """The distinct hashes (uint32) of the text's word shingles, lower-cased: punctuation,
    case and spacing do not count. Each word is hashed once (crc32: the same in every
    process) and the hashes of ``SHINGLE_WORDS`` consecutive words are combined with numpy,
    twice as fast as joining and hashing every shingle's text."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint32)
    hashes = np.fromiter(  # map over C functions: no Python frame per word
        map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words)
    )
    width = min(SHINGLE_WORDS, len(words))
    rolled = np.zeros(len(words) - width + 1, dtype=np.uint64)
    for k in range(width):  # a polynomial hash of the window, modulo 2**64
        rolled = rolled * _ROLL + hashes[k : k + len(rolled)]
    folded = (rolled ^ (rolled >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return np.unique(folded.astype(np.uint32))


def signature(text: str) -> MinHash | None:
    """The MinHash of the text's shingles; None for a text without words."""
    return signature_of(shingles(text))


def signature_of(hashes: np.ndarray) -> MinHash | None:
    """The MinHash of a set of shingle hashes; None for none."""
    if not len(hashes):
        return None
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=_PERMUTATIONS, **_SCHEME_ARGS
    )
    minhash.update_batch(hashes.tolist())
    return minhash


def _to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


class BandIndex:
    """LSH over MinHash bands, in numpy arrays: 12 bytes per story and band.

    datasketch's ``MinHashLSH`` chooses the bands (``b`` bands of ``r`` rows for the threshold
    and ``LSH_WEIGHTS``); its own tables keep a Python set per bucket, about 7 kB a story at
    25 bands, which at 100,000 stories is most of a gigabyte. Here each band of a signature
    becomes one 64-bit key (salted by the band's number); keys live in one sorted array
    searched with ``searchsorted``, and the keys of the latest stories in a small dict that
    is merged into the array every ``_PENDING`` stories."""

    _PENDING = 4096

    def __init__(self, threshold: float) -> None:
        params = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
        self.bands, self.rows_per_band = params.b, params.r
        self._salt = np.arange(self.bands, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        self._keys = np.empty(0, dtype=np.uint64)
        self._owners = np.empty(0, dtype=np.int32)
        self._pending: dict[int, list[int]] = {}
        self._pending_count = 0

    def band_keys(self, values: np.ndarray) -> np.ndarray:
        """One 64-bit key per band: the band's values combined, salted with its number.
        ``values`` is one signature, or a matrix of them (one key row each)."""
        width = self.bands * self.rows_per_band
        bands = values[..., :width].reshape(*values.shape[:-1], self.bands, self.rows_per_band)
        keys = np.zeros(bands.shape[:-1], dtype=np.uint64)
        for k in range(self.rows_per_band):
            keys = keys * _ROLL + bands[..., k].astype(np.uint64)
        return keys ^ self._salt

    def add(self, owner: int, values: np.ndarray) -> None:
        for key in self.band_keys(values).tolist():
            self._pending.setdefault(key, []).append(owner)
        self._pending_count += 1
        if self._pending_count >= self._PENDING:
            self._merge()

    def add_many(self, owners: np.ndarray, values: np.ndarray) -> None:
        """Add many signatures (a matrix) at once."""
        self._merge()
        self._insert(self.band_keys(values).ravel(), np.repeat(owners.astype(np.int32), self.bands))

    def _merge(self) -> None:
        if not self._pending:
            return
        keys = np.fromiter(
            (k for k, owners in self._pending.items() for _ in owners), dtype=np.uint64
        )
        owners = np.fromiter((o for group in self._pending.values() for o in group), dtype=np.int32)
        self._insert(keys, owners)
        self._pending, self._pending_count = {}, 0

    def _insert(self, keys: np.ndarray, owners: np.ndarray) -> None:
        """Insert into the sorted arrays: one linear pass, not a sort of everything."""
        order = np.argsort(keys, kind="stable")
        keys, owners = keys[order], owners[order]
        at = np.searchsorted(self._keys, keys)
        self._keys = np.insert(self._keys, at, keys)
        self._owners = np.insert(self._owners, at, owners)

    def candidates(self, values: np.ndarray) -> set[int]:
        """Owners sharing at least one band with ``values``."""
        keys = self.band_keys(values)
        found: set[int] = set()
        lows = np.searchsorted(self._keys, keys, side="left")
        highs = np.searchsorted(self._keys, keys, side="right")
        for low, high in zip(lows.tolist(), highs.tolist(), strict=True):
            if high > low:
                found.update(self._owners[low:high].tolist())
        if self._pending:
            for key in keys.tolist():
                found.update(self._pending.get(key, ()))
        return found


class StoryIndex:
    """Every story's signature, found by LSH bands and verified against the threshold.

    The signatures live in one growing uint32 matrix (512 bytes a story), not in objects."""

    _CHUNK = 8192

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = check_threshold(threshold)
        self.bands = BandIndex(min(threshold, LSH_MAX_THRESHOLD))
        self._rows: dict[str, int] = {}
        self._ids: list[str] = []
        self._chunks: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, story_id: object) -> bool:
        return story_id in self._rows

    def add(self, story_id: str, minhash: MinHash) -> None:
        self.add_values(story_id, np.asarray(minhash.hashvalues, dtype=np.uint32))

    def add_values(self, story_id: str, values: np.ndarray) -> None:
        """Add a story by its signature's values (as stored)."""
        row = len(self._ids)
        if row % self._CHUNK == 0:
            self._chunks.append(np.empty((self._CHUNK, NUM_PERM), dtype=np.uint32))
        self._chunks[-1][row % self._CHUNK] = values
        self._rows[story_id] = row
        self._ids.append(story_id)
        self.bands.add(row, values)

    def add_many(self, story_ids: list[str], values: np.ndarray) -> None:
        """Add stories by their stored signatures (a matrix, one row each)."""
        first = len(self._ids)
        for offset, story_id in enumerate(story_ids):
            row = first + offset
            if row % self._CHUNK == 0:
                self._chunks.append(np.empty((self._CHUNK, NUM_PERM), dtype=np.uint32))
            self._chunks[-1][row % self._CHUNK] = values[offset]
            self._rows[story_id] = row
            self._ids.append(story_id)
        self.bands.add_many(np.arange(first, first + len(story_ids)), values)

    def _vector(self, row: int) -> np.ndarray:
        return self._chunks[row // self._CHUNK][row % self._CHUNK]

    def best_match(self, minhash: MinHash) -> tuple[str, float] | None:
        """The most similar story at or above the threshold (ties: the smaller id)."""
        values = np.asarray(minhash.hashvalues, dtype=np.uint32)
        best: tuple[float, str] | None = None
        for row in self.bands.candidates(values):
            similarity = float(np.count_nonzero(self._vector(row) == values)) / NUM_PERM
            if similarity < self.threshold:
                continue  # an LSH candidate, not a copy
            story_id = self._ids[row]
            if best is None or (-similarity, story_id) < (-best[0], best[1]):
                best = (similarity, story_id)
        return (best[1], best[0]) if best else None


@dataclass(frozen=True, slots=True)
class Copy:
    """An article recognised as a copy of a stored story: recorded, not coded."""

    article_id: str
    story_id: str
    similarity: float
    source: str | None
    url: str | None
    published: dt.date | None
    title: str | None
    origin: str | None


_STORY_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("signature", pa.binary()),
        ("scheme", pa.string()),
        ("shingles", pa.int32()),
        ("created_at", pa.timestamp("us")),
    ]
)
_COPY_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("story_id", pa.string()),
        ("similarity", pa.float64()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("title", pa.string()),
        ("origin", pa.string()),
        ("recorded_at", pa.timestamp("us")),
    ]
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class StoryWriter:
    """Buffers new stories' signatures and recognised copies; writes them through Arrow."""

    def __init__(self, con: Any) -> None:
        self.con = con
        self.stories: list[dict[str, Any]] = []
        self.copies: list[dict[str, Any]] = []

    def add_story(self, article_id: str, minhash: MinHash, n_shingles: int) -> None:
        self.stories.append(
            {
                "article_id": article_id,
                "signature": _to_bytes(minhash),
                "scheme": SCHEME,
                "shingles": n_shingles,
                "created_at": _now(),
            }
        )
        self._maybe_flush()

    def add_copy(self, copy: Copy) -> None:
        self.copies.append({**dataclasses.asdict(copy), "recorded_at": _now()})
        self._maybe_flush()

    def _maybe_flush(self) -> None:
        if len(self.stories) + len(self.copies) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered in one transaction. A story replaces its older signature
        and stops being anyone's copy; a copy recorded before keeps its first story."""
        if not self.stories and not self.copies:
            return
        stories = pa.Table.from_pylist(self.stories, schema=_STORY_SCHEMA)
        copies = pa.Table.from_pylist(self.copies, schema=_COPY_SCHEMA)
        self.con.execute("BEGIN TRANSACTION")
        try:
            if stories.num_rows:
                self.con.register("_stories", stories)
                self.con.execute("INSERT OR REPLACE INTO stories BY NAME SELECT * FROM _stories")
                self.con.execute(
                    "DELETE FROM story_copies WHERE article_id IN (SELECT article_id FROM _stories)"
                )
                self.con.unregister("_stories")
            if copies.num_rows:
                self.con.register("_copies", copies)
                self.con.execute("INSERT OR IGNORE INTO story_copies BY NAME SELECT * FROM _copies")
                self.con.unregister("_copies")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"stories and copies not written: {exc}") from None
        self.stories.clear()
        self.copies.clear()


def _sign_unsigned(con: Any) -> int:
    """Sign stored articles that have no signature of the current scheme (a store coded before
    stories existed, or with other parameters): they are stories, and later copies match them."""
    ids = [
        r[0]
        for r in con.execute(
            "SELECT a.id FROM articles a LEFT JOIN stories s ON s.article_id = a.id "
            "WHERE s.article_id IS NULL OR s.scheme <> ? ORDER BY a.id",
            [SCHEME],
        ).fetchall()
    ]
    writer = StoryWriter(con)
    for start in range(0, len(ids), FLUSH_ROWS):
        chunk = ids[start : start + FLUSH_ROWS]
        rows = con.execute(
            "SELECT id, text FROM articles WHERE list_contains(?, id)", [chunk]
        ).fetchall()
        for article_id, text in rows:
            grams = shingles(text)
            minhash = signature_of(grams)
            if minhash is not None:
                writer.add_story(article_id, minhash, len(grams))
        writer.flush()
    return len(ids)


@dataclass
class IndexLoad:
    """How the index was rebuilt: stories loaded, articles signed on the way, seconds."""

    stories: int = 0
    signed: int = 0
    seconds: float = 0.0


def load_index(con: Any | None, threshold: float) -> tuple[StoryIndex, IndexLoad]:
    """The index of every stored story (none without a store), rebuilt in chunks."""
    started = time.perf_counter()
    index = StoryIndex(threshold)
    load = IndexLoad()
    if con is None:
        return index, load
    load.signed = _sign_unsigned(con)
    cursor = con.cursor()  # its own result set: the loop below does not disturb the store's
    try:
        cursor.execute(
            "SELECT article_id, signature FROM stories WHERE scheme = ? ORDER BY article_id",
            [SCHEME],
        )
        while rows := cursor.fetchmany(LOAD_CHUNK):
            matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype="<u4")
            index.add_many([r[0] for r in rows], matrix.reshape(len(rows), NUM_PERM))
    finally:
        cursor.close()
    load.stories = len(index)
    load.seconds = time.perf_counter() - started
    return index, load


def separate_copies(
    articles: Iterable[Article],
    index: StoryIndex,
    writer: StoryWriter | None,
    on_copy: Callable[[Article, Copy], None],
) -> Iterator[Article]:
    """The articles to code: each new story, and each stored one again (the coder decides
    whether it changed). A copy of a story already seen, in this job or an earlier one, is
    handed to ``on_copy`` and to the writer instead."""
    for article in articles:
        if article.id in index:
            yield article  # coded before as a story: it stays one
            continue
        grams = shingles(article.text)
        minhash = signature_of(grams)
        if minhash is None:
            yield article
            continue
        match = index.best_match(minhash)
        if match is None:
            index.add(article.id, minhash)
            if writer is not None:
                writer.add_story(article.id, minhash, len(grams))
            yield article
            continue
        story_id, similarity = match
        copy = Copy(
            article_id=article.id,
            story_id=story_id,
            similarity=round(similarity, 4),
            source=article.source,
            url=article.url,
            published=article.published,
            title=article.title,
            origin=article.origin,
        )
        if writer is not None:
            writer.add_copy(copy)
        on_copy(article, copy)


def copies(con: Any, story_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Recorded copies with their story's article (outlet, title), newest story first."""
    sql = (
        "SELECT c.story_id, a.source AS story_source, a.title AS story_title, c.article_id, "
        "c.source, c.title, c.url, c.published, c.similarity, c.origin FROM story_copies c "
        "LEFT JOIN articles a ON a.id = c.story_id"
    )
    params: list[Any] = []
    if story_id:
        sql += " WHERE starts_with(c.story_id, ?)"
        params.append(story_id)
    sql += " ORDER BY c.story_id, c.published, c.article_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
