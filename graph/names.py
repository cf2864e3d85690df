"""Name normalisation shared by writes (search keys) and reads (search terms)."""

from __future__ import annotations

import re
import unicodedata


def normalize(text: str) -> str:
    """Lowercase ASCII words separated by single spaces: accents, case and punctuation ignored."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub("['\u2019\u2018`\u00b4]", "", s)
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def search_keys(*names: str) -> list[str]:
    """The normalised forms an entity is found by, without repeats."""
    out: list[str] = []
    for name in names:
        key = normalize(name)
        if key and key not in out:
            out.append(key)
    return out
