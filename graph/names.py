"""Text folding in one place: accents and case for ids (slugs), search keys and name matching.

`strip_accents` is the common step; `normalize` gives the words an entity is searched by, and
`slugify` the stable ids built from names.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_APOSTROPHES = re.compile("['\u2019\u2018`\u00b4]")
SLUG_CHARS = 120


def strip_accents(text: str) -> str:
    """`text` decomposed (NFKD) without its combining marks: 'Lúcia' -> 'Lucia'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ascii_letters(text: str) -> str:
    """`text` without accents, letters without a decomposition transliterated (a dotless i,
    a barred l, a slashed o, a sharp s): 'Erdoğan', 'Łódź' -> 'Erdogan', 'Lodz'."""
    return anyascii(strip_accents(text))


def _folded(text: str) -> str:
    """Lower case, no accents, no apostrophes, ASCII letters: the form of slugs and keys."""
    return _APOSTROPHES.sub("", ascii_letters(text).lower())


def normalize(text: str) -> str:
    """Lowercase ASCII words separated by single spaces: accents, case and punctuation ignored."""
    return " ".join(re.sub(r"[\W_]+", " ", _folded(text)).split())


def slugify(text: str) -> str:
    """Lowercase ASCII slug used to build stable ids."""
    return re.sub(r"[^a-z0-9]+", "-", _folded(text)).strip("-")[:SLUG_CHARS] or "x"


def search_keys(*names: str) -> list[str]:
    """The normalised forms an entity is found by, without repeats."""
    out: list[str] = []
    for name in names:
        key = normalize(name)
        if key and key not in out:
            out.append(key)
    return out
