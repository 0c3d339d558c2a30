"""No document of any shape makes extraction raise: the held-out pages (tests/extraction_heldout/, our own
invented texts) cut, shuffled, upper-cased, stripped of line breaks, and sprinkled with noise, emoji
bullets, markup and terminal escape sequences."""

from __future__ import annotations

import random
from pathlib import Path

from db.extract import extract

HELDOUT = sorted((Path(__file__).parent / "extraction_heldout").glob("*/*.txt"))
NOISE = list(",.;:|()-–—’'\"“” \n\t•*·🔹👇#[]/\\") + ["[bold]", "\x1b[2J", "\x1b]0;x\x07", "\u202e", "\u200b", "  ", "   "]


def _variants(text: str, rng: random.Random):
    lines = text.split("\n")
    yield text
    yield text[: rng.randrange(1, len(text))]  # cut mid-word, as copies are
    shuffled = lines[:]
    rng.shuffle(shuffled)
    yield "\n".join(shuffled)
    yield text.upper()
    yield text.replace("\n", " ")
    chars = list(text)
    for _ in range(rng.randrange(20, 120)):
        k = rng.randrange(len(chars))
        op = rng.randrange(3)
        if op == 0:
            chars.insert(k, rng.choice(NOISE))
        elif op == 1:
            del chars[k]
        else:
            chars[k] = rng.choice(NOISE)
    yield "".join(chars)


def test_the_heldout_pages_are_there():
    assert len(HELDOUT) >= 30


def test_heldout_pages_and_their_noisy_variants_never_raise():
    rng = random.Random(11)
    for path in HELDOUT:
        for variant in _variants(path.read_text(encoding="utf-8"), rng):
            x = extract(variant)
            for (p, i), role in x.memberships.items():
                assert 0 <= p < len(x.people) and 0 <= i < len(x.initiatives) and role
