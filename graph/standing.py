"""A fact's standing, computed from all its claims, and how many independent sources back it.

Each claim is one article's evidence for the fact, with the status the article gives it, when
the article was published and by which outlet. The fact is

- confirmed: a source published on or after the fact's date (or a fact with no date) states it;
- expected: sources only announce it or plan it (a statement published before the date it
  gives is an announcement too);
- contested: one source says it happened or will, another doubts or denies it. A doubt
  published before the first confirming report was a question that report answered;
- unconfirmed: sources only doubt it or put it as a condition;
- denied: sources only deny it (or deny and doubt it).

Independent sources are distinct outlets, with articles of the same text (the same content
hash, or the same sentence for the fact) counted once: a wire story carried by three outlets
is one source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph.models import ClaimStatus, Standing

Claim = Mapping[str, Any]
POSITIVE = (ClaimStatus.STATED, ClaimStatus.PLANNED)
NEGATIVE = (ClaimStatus.DOUBTED, ClaimStatus.DENIED)
# The standing of a fact that has no claims of its own, from its stored status.
FROM_STATUS = {
    ClaimStatus.STATED: Standing.CONFIRMED,
    ClaimStatus.PLANNED: Standing.EXPECTED,
    ClaimStatus.DOUBTED: Standing.UNCONFIRMED,
    ClaimStatus.HYPOTHETICAL: Standing.UNCONFIRMED,
    ClaimStatus.DENIED: Standing.DENIED,
}
# Order of strength, weakest last: the standing of an inference is that of its weaker end.
STRENGTH = (
    Standing.CONFIRMED,
    Standing.EXPECTED,
    Standing.CONTESTED,
    Standing.UNCONFIRMED,
    Standing.DENIED,
)


def _status(claim: Claim) -> ClaimStatus:
    return ClaimStatus(claim.get("status") or ClaimStatus.STATED)


def _confirms(claim: Claim, fact_date: str | None) -> bool:
    """A statement published on or after the fact's date (either unknown: taken as after)."""
    published = claim.get("published")
    if _status(claim) is not ClaimStatus.STATED:
        return False
    return fact_date is None or not published or str(published)[:10] >= fact_date[:10]


def fact_standing(
    claims: Sequence[Claim], fact_date: str | None = None, status: str | None = None
) -> Standing:
    """The standing of one fact from its claims; from its stored `status` when it has none."""
    if not claims:
        return FROM_STATUS[ClaimStatus(status or ClaimStatus.STATED)]
    statuses = [_status(c) for c in claims]
    confirming = [c for c in claims if _confirms(c, fact_date)]
    denied = ClaimStatus.DENIED in statuses
    if confirmed := [str(c.get("published") or "") for c in confirming]:
        first = min(confirmed)
        open_doubts = [
            c
            for c in claims
            if _status(c) is ClaimStatus.DOUBTED and str(c.get("published") or "") >= first
        ]
        return Standing.CONTESTED if denied or open_doubts else Standing.CONFIRMED
    if any(s in POSITIVE for s in statuses):
        return Standing.CONTESTED if any(s in NEGATIVE for s in statuses) else Standing.EXPECTED
    return Standing.DENIED if denied else Standing.UNCONFIRMED


def weakest(standings: Iterable[Standing]) -> Standing:
    """The weakest of several standings (confirmed when none is given)."""
    return max(standings, key=STRENGTH.index, default=Standing.CONFIRMED)


def independent_sources(claims: Sequence[Claim]) -> int:
    """Distinct outlets among the claims' articles, an article of the same text counted once."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for c in claims:
        article = f"article:{c.get('article_id') or c.get('article')}"
        find(article)
        outlet = c.get("source")
        if outlet:
            join(article, f"outlet:{str(outlet).strip().casefold()}")
        if c.get("content_hash"):
            join(article, f"text:{c['content_hash']}")
        if c.get("sentence"):
            join(article, f"sentence:{' '.join(str(c['sentence']).split()).casefold()}")
    return len({find(x) for x in parent if x.startswith("article:")})
