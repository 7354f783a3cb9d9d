"""A folder of hostile inputs mixed with good articles, and what reading it must give.

``make_bad_corpus(folder)`` writes every kind of bad input we know of (malformed JSON, huge
numbers, deep nesting, lone surrogates, binary junk, empty and header-only files, truncated
gzip, a gzip bomb, symbolic links out of the folder, loops and dangling links, a FIFO, wrong
encodings, odd dates, over-long lines, quote-mark runs) beside known good articles, and returns
the articles and the error lines (by ``file`` or ``file:line``) a reader must produce: every
good article once, exactly one error per bad input. Used by the ingest tests and, end to end,
by the ``detente code`` tests.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

#: news_dev articles (real wire copy) when the shared data is there; constructed ones if not.
NEWS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news_dev"
#: The max_chars the corpus is built for: low, so the bomb and the big files stay small.
CORPUS_MAX_CHARS = 200_000
#: Decompressed size of the gzip bomb (compressed, about 50 KB).
BOMB_BYTES = 50 << 20
NEWS_ARTICLES = 12

ARTICLE = (
    "MOSCOW, March 5 (Reuters) - Russia criticised NATO on Tuesday over its plans to station "
    "troops in the Baltic states, the foreign ministry said.\n"
    '"This is a provocation," Foreign Minister Sergei Lavrov told reporters in Moscow. '
    "He said Russia would respond to any threat to its security.\n"
)


def variant(tag: str) -> str:
    """ARTICLE with a tag sentence, so each copy has its own id."""
    return ARTICLE + f"The statement was numbered {tag} by the ministry's press office.\n"


@dataclass
class BadCorpus:
    """Where the corpus is and what reading it must yield."""

    folder: Path
    max_chars: int
    articles: int = 0
    #: Error sources (``path``, ``path:line``) expected, each once per bad input.
    errors: Counter[str] = field(default_factory=Counter)
    #: Articles and errors that change when links are followed (the link out of the folder).
    followed_link: str = ""
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def bad_inputs(self) -> int:
        return sum(self.errors.values())


def _news_texts() -> list[str]:
    path = NEWS_DEV / "articles.jsonl"
    if not path.is_file():
        return [variant(f"constructed {i}") for i in range(6)]
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            dateline = record.get("dateline")
            texts.append((f"{dateline} " if dateline else "") + record["text"])
            if len(texts) == NEWS_ARTICLES:
                break
    return texts


def _write_bomb(path: Path, size: int) -> None:
    """A gzip of ``size`` bytes of "a ", written in pieces (never whole in memory)."""
    piece = b"a " * (1 << 19)
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(size // len(piece)):
            out.write(piece)


def make_bad_corpus(folder: Path, max_chars: int = CORPUS_MAX_CHARS) -> BadCorpus:
    """Write the corpus into ``folder`` (created) and say what reading it must give."""
    rng = random.Random(20261207)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = BadCorpus(folder, max_chars)

    def put(name: str, data: bytes | str, kind: str, articles: int = 0, errors=()) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect(name, kind, articles, errors)
        return path

    def expect(name: str, kind: str, articles: int = 0, errors=()) -> None:
        corpus.kinds[name] = kind
        corpus.articles += articles
        for where in errors:
            corpus.errors[str(folder / name) + where] += 1

    line = json.dumps
    # ---- good inputs
    for i, text in enumerate(_news_texts()):
        put(f"good_news_{i:02d}.txt", text, "good article", 1)
    put(
        "good.jsonl",
        "\n".join(line({"text": variant(f"jl{i}"), "title": f"T{i}"}) for i in range(3)) + "\n",
        "good JSON Lines",
        3,
    )
    put("good.jsonl.gz", gzip.compress(line({"text": variant("gz")}).encode()), "gzip JSONL", 1)
    put("good.json", line([{"text": variant("a1")}, {"text": variant("a2")}]), "JSON array", 2)
    put("good_bom.csv", "\ufefftext,title\n" + _csv_cell(variant("csv")) + ",B\n", "CSV BOM", 1)
    put("good_utf16.txt", variant("utf16").encode("utf-16"), "UTF-16 with BOM", 1)
    put("good_utf16.jsonl", (line({"text": variant("u16l")}) + "\n").encode("utf-16"), "UTF-16", 1)
    put(
        "good_cp1252.txt",
        (variant("cp") + "Le président a salué l’accord.").encode("cp1252"),
        "cp1252",
        1,
    )
    paragraphs = "".join(f"<p>{variant(f'h{i}')}</p>" for i in range(2))
    put("good.html", f"<html><body><article>{paragraphs}</article></body></html>", "HTML", 1)
    put("good_quotes.txt", variant("quotes") + '"' * 100_000 + "(“'" * 5000, "quote runs", 1)
    put(
        "good_dates.jsonl",
        "\n".join(
            line({"text": variant(f"d{i}"), "date": d})
            for i, d in enumerate(["0001-01-01", "9999-12-31", "1 Jan 0 0:9999999999", 99991231])
        ),
        "out-of-range dates",
        4,
    )
    surrogates = '{"text": "' + variant("s").replace("\n", "\\n").replace('"', '\\"') + ' \\ud800"'
    surrogates += (
        ', "title": "\\udc80x", "url": "\\ud83d", "source": "\\udfff", "language": "\\ud800"}'
    )
    put("good_surrogates.jsonl", surrogates + "\n", "lone surrogates in every field", 1)
    # ---- JSON and JSON Lines, bad line by line (the good lines around them are read)
    put(
        "bigint.jsonl",
        '{"text": "x", "id": ' + "9" * 5000 + "}\n" + line({"text": variant("bi")}) + "\n",
        "5,000-digit integer",
        1,
        [":1"],
    )
    put(
        "deep.jsonl",
        "[" * 100_000 + "]" * 100_000 + "\n" + line({"text": variant("deep")}) + "\n",
        "100,000 nested brackets",
        1,
        [":1"],
    )
    put("deep.json", '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "deep .json", 0, [""])
    put("bad.json", '{"text": ', "unterminated JSON", 0, [""])
    put("empty_array.json", "[]", "empty JSON array", 0, [""])
    put("empty_object.json", "{}", "JSON object without text", 0, [""])
    put("nonobject.jsonl", "[1, 2]\n", "JSONL line not an object", 0, [":1"])
    long_line = line({"text": "w " * (max_chars * 8)})  # longer than a record may be
    put(
        "long_line.jsonl",
        long_line + "\n" + line({"text": variant("ll")}) + "\n",
        "over-long line",
        1,
        [":1"],
    )
    filler = (
        line({"text": variant("f") + "filler words. " * 5000}) + "\n"
    )  # pushes line 2 past the head
    put(
        "midstream_bad_utf8.jsonl",
        filler.encode()
        + b'{"text": "bad \xff\xfe here"}\n'
        + (line({"text": variant("m")}) + "\n").encode(),
        "invalid UTF-8 after the sniffed head",
        2,
        [":2"],
    )
    # ---- whole files that are bad
    junk = bytes(rng.getrandbits(8) for _ in range(20_000)) + b"\x00"
    for ext in ("txt", "jsonl", "csv", "html"):
        put(f"junk.{ext}", b"\x00" + junk, "binary junk", 0, [""])
    put("empty.txt", b"", "empty", 0, [""])
    put("empty.jsonl", b"", "empty JSONL", 0, [""])
    put("blank_lines.jsonl", "\n \n\n", "only blank lines", 0, [""])
    put("whitespace.txt", " \t\n\r\n  \u00a0\n", "whitespace only", 0, [""])
    put("short.txt", "Hi.", "too short", 0, [""])
    put("big.txt", "word " * (max_chars // 2), "longer than max_chars", 0, [""])
    put("header_only.csv", "title,text\n", "CSV header only", 0, [""])
    put("no_text_column.csv", "title,author\nhello,world\n", "CSV without text column", 0, [""])
    put("bad_after_bom.txt", codecs.BOM_UTF16_LE + b"A\x00B\x00\x00\xd8", "bad UTF-16", 0, [""])
    put(
        "nav.html",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "no article",
        0,
        [""],
    )
    compressed = gzip.compress(variant("trunc").encode())
    put("truncated.txt.gz", compressed[: len(compressed) // 2], "truncated gzip", 0, [""])
    put("header_only.jsonl.gz", compressed[:10], "gzip header only", 0, [""])
    put("not_gzip.txt.gz", variant("notgz"), "plain text named .gz", 0, [""])
    _write_bomb(folder / "bomb.txt.gz", BOMB_BYTES)
    expect("bomb.txt.gz", "gzip bomb", 0, [""])
    with gzip.open(folder / "bomb_line.jsonl.gz", "wb", compresslevel=9) as out:
        out.write(b'{"text": "')
        for _ in range(BOMB_BYTES >> 20):
            out.write(b"a " * (1 << 19))
        out.write(b'"}\n')
    expect("bomb_line.jsonl.gz", "gzip bomb in one JSON line", 0, [":1"])
    # ---- links and special files
    outside = folder.parent / f"{folder.name}_outside"
    outside.mkdir(exist_ok=True)
    (outside / "elsewhere.txt").write_text(variant("outside"), encoding="utf-8")
    os.symlink(outside / "elsewhere.txt", folder / "link_out.txt")
    expect("link_out.txt", "symbolic link out of the folder", 0, [""])
    corpus.followed_link = str(folder / "link_out.txt")
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    expect("loop_a.txt", "link loop", 0, [""])
    expect("loop_b.txt", "link loop", 0, [""])
    os.symlink(outside / "missing.txt", folder / "dangling.txt")
    expect("dangling.txt", "dangling link", 0, [""])
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    expect("sub/up", "link to a folder above", 0, [""])
    put("sub/inner.txt", variant("inner"), "good article in a subfolder", 1)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.txt")
        expect("fifo.txt", "FIFO", 0, [""])
    return corpus


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
