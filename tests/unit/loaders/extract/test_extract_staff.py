"""The outlet's own people (bylines, anchors, correspondents) and the outlet are no entities."""

from __future__ import annotations

import hashlib

from graph.models import Article
from loaders.extract import extract_article

TRANSCRIPT = (
    "SARA MANSOUR (ANCHOR): Good evening. Israel's spy chief David Barnea is going back to Qatar. "
    "Our correspondent Khaled Nasser is in Doha. Khaled, why now?\n"
    "KHALED NASSER (DOHA): Sara, Barnea flew in on Monday night and met Qatari officials.\n"
    "MANSOUR: Thank you.\n"
)


def _article(text: str, author: str | None = None, source: str | None = None) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(
        id="t-staff",
        published="2024-03-21",
        content_hash=digest,
        text=text,
        author=author,
        source=source,
    )


def test_extract_drops_transcript_speakers_and_correspondents() -> None:
    names = {e.name for e in extract_article(_article(TRANSCRIPT)).entities}
    assert "David Barnea" in names
    assert not {"Sara Mansour", "Khaled Nasser", "Mansour"} & names


def test_extract_drops_the_byline_author_and_the_outlet() -> None:
    text = (
        "By Karim Haddad\n"
        "Qatar and Egypt met Hamas officials in Cairo on Sunday, The Crescent Review learned.\n"
        "Karim Haddad is a contributing columnist for The Crescent Review.\n"
    )
    facts = extract_article(_article(text, author="Karim Haddad", source="The Crescent Review"))
    names = {e.name for e in facts.entities}
    assert {"Qatar", "Egypt"} <= names
    assert not {"Karim Haddad", "The Crescent Review", "Crescent Review"} & names
