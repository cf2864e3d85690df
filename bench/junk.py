"""Page furniture of a scraped article: ad links, comments, trackbacks, related links, a bio."""

from __future__ import annotations

import random
import string
from typing import Any

MARKERS = ("Back to top", "Post a Comment", "Trackbacks/Pingbacks", "Related Articles")


def ad_link(rng: random.Random, vocab: dict[str, Any]) -> str:
    """An ad link alone on its line."""
    token = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(10))
    return f"https://www.{rng.choice(vocab['ad_hosts'])}/{token}?key={rng.randrange(10**8):08d}"


def _comments(rng: random.Random, vocab: dict[str, Any]) -> list[str]:
    count = rng.randint(1, 3)
    lines = [f"{count} Comment" + ("s" if count > 1 else "")]
    for _ in range(count):
        lines += [rng.choice(vocab["commenters"]), rng.choice(vocab["comments"])]
    return lines


def add_junk(
    paragraphs: list[str], rng: random.Random, vocab: dict[str, Any], author: str, source: str
) -> list[str]:
    """The article's paragraphs with one to four kinds of page junk mixed in."""
    out = list(paragraphs)
    kinds = rng.sample(("ads", "bio", "tail", "top"), rng.randint(1, 4))
    if "ads" in kinds:
        for _ in range(rng.randint(1, 2)):
            out.insert(rng.randint(1, len(out)), ad_link(rng, vocab))
    if "top" in kinds:
        out.append("Back to top")
    if "bio" in kinds:
        out.append(rng.choice(vocab["bios"]).format(author=author, source=source))
    if "tail" in kinds:
        tails = [
            _comments(rng, vocab),
            ["Trackbacks/Pingbacks"],
            ["Related Articles", *rng.sample(vocab["related"], 3)],
            ["Post a Comment"],
        ]
        for tail in rng.sample(tails, rng.randint(1, len(tails))):
            out.extend(tail)
    return out
