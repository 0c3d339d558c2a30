"""Review-screen benchmark: opening a 2-million-character document (a script, never a test).

    python tests/benchmarks/bench_review.py [--chars 2000000] [--people 2000] [--mentions 20000]

Builds a directory with one document of `--chars` characters (paragraphs of invented prose
and member lines) and `--mentions` mentions of `--people` people and of organizations and
initiatives, written straight into the tables (no extraction). Then times, in process:
`document_review` (the read), and in a headless app at 120x40 the whole open: from pushing the
Review screen to its first frame with the text highlighted; then `end` (the last rows drawn)
and a resize to 80x24 (the text wrapped again). Prints a Markdown table; the bar is 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from db import open_db, write_transaction  # noqa: E402
from db.documents import document_review  # noqa: E402
from db.textnorm import fold  # noqa: E402

SYLLABLES = ["ra", "lo", "men", "ta", "vi", "sor", "quin", "del", "mar", "te", "no", "bri"]


def invented_name(rng: random.Random, parts: int = 2) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() for _ in range(parts))


def build(path: Path, chars: int, people: int, mentions: int, seed: int = 7) -> int:
    """Write the directory; return the document's id."""
    rng = random.Random(seed)
    names = [invented_name(rng) for _ in range(people)]
    orgs = [invented_name(rng) + " Group" for _ in range(max(people // 10, 1))]
    pieces: list[str] = []
    spans: list[tuple[str, int]] = []  # (type, entity index) of each name, in text order
    length = 0
    per_paragraph = max(mentions // max(chars // 400, 1), 1)
    while length < chars:
        paragraph = []
        for _ in range(per_paragraph):
            if rng.random() < 0.7:
                etype, index = "person", rng.randrange(people)
                name = names[index]
            else:
                etype, index = "organization", rng.randrange(len(orgs))
                name = orgs[index]
            filler = " ".join(rng.choice(["the", "council", "met", "in", "port", "with", "trade", "and"])
                              for _ in range(rng.randrange(4, 30)))
            paragraph.append(f"{filler} {name},")
            spans.append((etype, index))
        text = " ".join(paragraph)
        pieces.append(text + "\n\n")
        length += len(text) + 2
    text = "".join(pieces)[:chars]
    fixed = []  # each name's offsets, found in order
    cursor = 0
    for etype, index in spans:
        name = names[index] if etype == "person" else orgs[index]
        found = text.find(name, cursor)
        if found < 0:
            break
        fixed.append((etype, index, found, found + len(name)))
        cursor = found + len(name)
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db = open_db(path)
    with write_transaction(db):
        db.conn.executemany("INSERT INTO people (id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
                            [(i + 1, n, fold(n), stamp) for i, n in enumerate(names)])
        db.conn.executemany("INSERT INTO organizations (id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
                            [(i + 1, n, fold(n), stamp) for i, n in enumerate(orgs)])
        db.conn.executemany("INSERT OR IGNORE INTO affiliations (person_id, organization_id, title) VALUES (?, ?, ?)",
                            [(i + 1, i % len(orgs) + 1, "Director") for i in range(people)])
        doc_id = db.execute(
            "INSERT INTO documents (name, path, sha256, format, text, imported_at, title, date)"
            " VALUES ('big.txt', '/bench/big.txt', 'bench', 'txt', ?, ?, 'A very long report', '2025-03-04')",
            [text, stamp],
        ).lastrowid
        db.conn.executemany(
            'INSERT INTO mentions (document_id, entity_type, entity_id, start, "end", text, sentence)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, etype, index + 1, s, e, text[s:e], text[max(s - 80, 0):e + 40]) for etype, index, s, e in fixed],
        )
        if "affiliation_sources" in db.table_names():  # provenance (migration 6): this document gave them
            db.execute("INSERT INTO affiliation_sources (person_id, organization_id, document_id)"
                       " SELECT person_id, organization_id, ? FROM affiliations", [doc_id])
    db.close()
    return doc_id


async def time_app(path: Path, doc_id: int) -> dict[str, float]:
    from tui.app import StakeholdersApp
    from tui.components.document_view import DocumentView
    from tui.screens.review import ReviewScreen

    app = StakeholdersApp(db_path=path)
    times: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        start = time.perf_counter()
        screen = ReviewScreen(doc_id)
        app.push_screen(screen)
        while not screen.text:
            await asyncio.sleep(0.002)
        await pilot.pause()  # the first frame with the text drawn
        times["open: text highlighted on screen"] = time.perf_counter() - start
        while screen.review is None:
            await asyncio.sleep(0.002)
        await pilot.pause()
        times["open: list of what it gave shown too"] = time.perf_counter() - start
        view = screen.query_one(DocumentView)
        assert view.visible_mentions(), "nothing highlighted on screen"
        view.focus()
        start = time.perf_counter()
        await pilot.press("end")
        await pilot.pause()
        times["end: last rows drawn"] = time.perf_counter() - start
        start = time.perf_counter()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        times["resize to 80x24: wrapped again"] = time.perf_counter() - start
        times["rows at 80x24"] = view.row_count
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--mentions", type=int, default=20000)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-review-"))
    path = work / "review.db"
    path.unlink(missing_ok=True)
    doc_id = build(path, args.chars, args.people, args.mentions)
    db = open_db(path)
    start = time.perf_counter()
    review = document_review(db, doc_id)
    read = time.perf_counter() - start
    db.close()
    times = asyncio.run(time_app(path, doc_id))
    print(f"document: {len(review['text']):,} characters, {len(review['mentions']):,} mentions, "
          f"{len(review['entities']):,} entities, {len(review['affiliations']):,} affiliations\n")
    print("| step | time |\n|---|---|")
    print(f"| document_review (read) | {read * 1000:.0f} ms |")
    for step, value in times.items():
        print(f"| {step} | {value * 1000:.0f} ms |" if step != "rows at 80x24" else f"| {step} | {value:,} |")


if __name__ == "__main__":
    main()
