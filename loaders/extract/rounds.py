"""One round of talks per article and period, one event per day of the kinds reported once a day."""

from __future__ import annotations

from graph.models import DatePrecision, EventKind
from loaders.extract.context import ArticleContext, EventDraft
from loaders.nlp import lexicon_words

MAX_DAY_GAP = 3


def dates_compatible(a: EventDraft, b: EventDraft) -> bool:
    """Same month when either date is month-precise, else at most a few days apart."""
    da, db = a.partial_date, b.partial_date
    if da is None or db is None:
        return False
    if da.precision is DatePrecision.DAY and db.precision is DatePrecision.DAY:
        return da.days_from(db) <= MAX_DAY_GAP
    return da.overlaps(db)  # a day within a month, one month, one year


def _places_compatible(ctx: ArticleContext, a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    actor_a, actor_b = ctx.actor(a), ctx.actor(b)
    return bool((actor_a and actor_a.country == b) or (actor_b and actor_b.country == a))


def _rank(ctx: ArticleContext, d: EventDraft) -> tuple[int, int, int]:
    """Which of two drafts keeps its identity: a city venue, then a day date, then the earliest."""
    actor = ctx.actor(d.place) if d.place else None
    return (
        2 if actor and actor.city else (1 if d.place else 0),
        1 if d.precision is DatePrecision.DAY else 0,
        -d.sent,
    )


def _another_round(ctx: ArticleContext, a: EventDraft, b: EventDraft) -> bool:
    """Whether one of two drafts of different dates is told as a new round ('arrived in Doha on
    Monday to hold a fresh round of talks', 'will travel on Tuesday to resume the talks'), so
    not a round of another day or one of that month told before it."""
    if a.date == b.date:
        return False
    fresh = lexicon_words("talks", "new_round_words")
    resuming = lexicon_words("talks", "new_round_verbs")
    for draft, other in ((a, b), (b, a)):
        if draft.precision is not DatePrecision.DAY:
            continue
        if other.precision is not DatePrecision.DAY and other.sent > draft.sent:
            continue  # 'have resumed talks in Qatar ... The discussions in Doha are fraught'

        for i in draft.triggers:
            tok = ctx.doc[i]
            noun = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
            words = [c.lower_ for t in (tok, noun) for c in t.children if c.dep_ in ("amod", "det")]
            verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else noun
            if any(w in fresh for w in words) or verb.lemma_ in resuming:
                return True
    return False


def _finer(a: EventDraft, b: EventDraft) -> bool:
    """Whether `a` dates the event more finely than `b` (a day within b's month, say)."""
    date = a.partial_date
    return date is not None and date.finer_than(b.partial_date)


def _absorb(ctx: ArticleContext, keep: EventDraft, gone: EventDraft) -> None:
    if _finer(gone, keep) and gone.place and keep.place:
        # Only two drafts that both name an agreeing venue are surely one round.
        keep.date, keep.precision = gone.date, gone.precision
    for part, sent in gone.participants.items():
        keep.participants.setdefault(part, sent)
    keep.sents.extend([gone.sent, *gone.sents])
    keep.triggers.extend(gone.triggers)
    if keep.place is None or (gone.place and _rank(ctx, gone)[0] > _rank(ctx, keep)[0]):
        keep.place = gone.place or keep.place
    for rel in ctx.relations:
        if rel.subject_is_event and rel.subject == gone.key:
            rel.subject = keep.key
        if rel.obj_is_event and rel.obj == gone.key:
            rel.obj = keep.key


def merge_rounds(ctx: ArticleContext) -> None:
    """Fold talks drafts of compatible dates and venues into the best-described one."""
    while True:
        talks = [d for d in ctx.events.values() if d.kind is EventKind.TALKS and not d.meeting]
        pair = next(
            (
                (a, b)
                for i, a in enumerate(talks)
                for b in talks[i + 1 :]
                if dates_compatible(a, b)
                and _places_compatible(ctx, a.place, b.place)
                and not _another_round(ctx, a, b)
            ),
            None,
        )
        if pair is None:
            return
        keep, gone = sorted(pair, key=lambda d: _rank(ctx, d), reverse=True)
        _absorb(ctx, keep, gone)
        del ctx.events[gone.key]


def merge_same_day(ctx: ArticleContext) -> None:
    """One event per kind and day for the kinds an article reports once a day.

    'Israel and Hamas agree a ceasefire' in the headline and 'the agreement, brokered by Qatar'
    below it are one agreement; the US and Israeli pull-outs of one day are one withdrawal. The
    kinds are patterns.json "events"."one_per_day".
    """
    kinds = {EventKind(k) for k in ctx.patterns["events"]["one_per_day"]}
    while True:
        drafts = [
            d
            for d in ctx.events.values()
            if d.kind in kinds and d.precision is DatePrecision.DAY and d.date
        ]
        pair = next(
            (
                (a, b)
                for i, a in enumerate(drafts)
                for b in drafts[i + 1 :]
                if a.kind is b.kind and a.date == b.date
            ),
            None,
        )
        if pair is None:
            return
        keep, gone = sorted(pair, key=lambda d: (len(d.participants), -d.sent), reverse=True)
        _absorb(ctx, keep, gone)
        del ctx.events[gone.key]
