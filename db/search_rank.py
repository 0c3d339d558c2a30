"""Scoring one stored key against a query: the explainable part of search ranking.

Levels, from best to worst (a better level always outranks a worse one):

- exact  (90-100): every query token is a whole token of the key, in any order; +2 when
                   they appear in the key in the typed order; 100 when the query is the key;
- prefix (80-90):  every query token is a whole token or the start of one;
- fuzzy  (0-80):   otherwise, 0.8 x the length-weighted mean similarity of each query token
                   to its closest key token (rapidfuzz's ratio), or of the two strings with
                   spaces removed (for queries of 6+ letters, 0.9 x the best-aligned part of
                   the key, so `allyshoring` finds "Ally-Shoring Task Force"), whichever is higher.

Within a level the score grows with coverage (how much of the key the query accounts for),
so shorter, closer keys come first. Inputs are already folded (`db.textnorm.fold`).
"""

from __future__ import annotations

from rapidfuzz import fuzz

EXACT, PREFIX, FUZZY = "exact", "prefix", "fuzzy"
FUZZY_CUTOFF = 72.0  # token similarity below this is not a match (about two edits in a 7-letter name)


def _coverage(qtokens: list[str], ktokens: list[str]) -> float:
    key_chars = sum(len(k) for k in ktokens) or 1
    return min(1.0, sum(len(q) for q in qtokens) / key_chars)


def _token_similarity(q: str, k: str) -> float:
    """How close query token `q` is to key token `k` (0-100), allowing `q` to be a typed prefix."""
    score = fuzz.ratio(q, k)
    if len(k) > len(q) >= 3:
        score = max(score, 0.95 * fuzz.ratio(q, k[: len(q)]))
    return score


def score_key(qtokens: list[str], key: str) -> tuple[float, str]:
    """(score 0-100, level) of the folded `key` for the folded query tokens; (0, fuzzy) if no match."""
    ktokens = key.split()
    if not ktokens or not qtokens:
        return 0.0, FUZZY
    kset = set(ktokens)
    level = EXACT
    for q in qtokens:
        if q in kset:
            continue
        if any(k.startswith(q) for k in ktokens):
            level = PREFIX
        else:
            level = FUZZY
            break
    if level == EXACT:
        in_order = f" {' '.join(qtokens)} " in f" {key} "
        return round(90.0 + 8.0 * _coverage(qtokens, ktokens) + 2.0 * in_order, 1), EXACT
    if level == PREFIX:
        return round(80.0 + 9.9 * _coverage(qtokens, ktokens), 1), PREFIX
    total = weight = 0.0
    for q in qtokens:
        best = max(_token_similarity(q, k) for k in ktokens)
        total += best * len(q)
        weight += len(q)
    similarity = total / weight
    qc, kc = "".join(qtokens), "".join(ktokens)
    compact = fuzz.ratio(qc, kc)
    if len(kc) > len(qc) >= 6:
        compact = max(compact, 0.9 * fuzz.partial_ratio(qc, kc))
    similarity = max(similarity, compact)
    if similarity < FUZZY_CUTOFF:
        return 0.0, FUZZY
    return round(0.8 * similarity, 1), FUZZY
