"""Typo-tolerant matching of a search term against entity names (rapidfuzz's edit distance).

A term is compared with each name and alias whole and with each run of as many words as the
term has, so "netanyahou" finds "benjamin netanyahu" and "blinkin" finds "antony blinken". The
edits allowed grow with the term, as in Elasticsearch's AUTO fuzziness: none up to 2 letters,
one up to 5, two beyond, so a fragment such as "ntern" does not pass for "lantern".
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein


def allowed_edits(term: str) -> int:
    """How many typing errors a term of this length may hold."""
    letters = len(term.replace(" ", ""))
    return 0 if letters < 3 else 1 if letters <= 5 else 2


def windows(key: str, size: int) -> Iterable[str]:
    """`key` itself and each run of `size` consecutive words of it."""
    yield key
    words = key.split()
    for start in range(len(words) - size + 1):
        yield " ".join(words[start : start + size])


def edits_to(term: str, keys: Iterable[str]) -> int | None:
    """The fewest edits from `term` to one of `keys` (both normalised), None when more than
    `allowed_edits(term)`."""
    cap = allowed_edits(term)
    size = max(1, len(term.split()))
    best = min(
        (
            Levenshtein.distance(term, part, score_cutoff=cap)
            for key in keys
            for part in windows(key, size)
        ),
        default=cap + 1,
    )
    return best if best <= cap else None


def closeness(term: str, key: str) -> tuple[int, int]:
    """Orders one entity's names for `term`: fewest edits to a part, then to the whole name."""
    edits = edits_to(term, [key])
    return (edits if edits is not None else len(key) + len(term)), Levenshtein.distance(term, key)
