"""Requests for talks come before the talks: 'X asked for new truce talks' PRECEDED the round
the same article reports on or after the request's date."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EventKind, Predicate
from loaders.extract.context import ArticleContext, EventDraft
from loaders.extract.triggers import is_talks_trigger

REQUEST_LINK_CONFIDENCE = 0.5


def _asks_for_talks(ctx: ArticleContext, verb: Token) -> bool:
    """Whether a request verb's content (not its subject) names talks."""
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return any(
        t.pos_ == "NOUN" and is_talks_trigger(ctx, t) and t.i not in subject
        for t in verb.subtree
        if t.i != verb.i
    )


def not_before(later: EventDraft, first: EventDraft) -> bool:
    """Whether `later` is dated on or after `first`, at the coarser of their precisions."""
    a, b = later.partial_date, first.partial_date
    return a is not None and b is not None and not a.before(b)


def link_requests(ctx: ArticleContext) -> None:
    """Each dated request for talks PRECEDED the earliest talks event not dated before it."""
    verbs = set(ctx.patterns["relations"]["talks_request_verbs"])
    talks = [d for d in ctx.events.values() if d.kind is EventKind.TALKS and d.date]
    for request in [d for d in ctx.events.values() if d.kind is EventKind.STATEMENT and d.date]:
        for i in request.triggers:
            verb = ctx.doc[i]
            if verb.lemma_ not in verbs or not _asks_for_talks(ctx, verb):
                continue
            after = [t for t in talks if not_before(t, request)]
            if not after:
                continue
            target = min(after, key=lambda t: t.date or "")
            ctx.relate(
                request.key,
                Predicate.PRECEDED,
                target.key,
                ctx.sent_of[i],
                REQUEST_LINK_CONFIDENCE,
                subject_is_event=True,
                obj_is_event=True,
            )
            break
