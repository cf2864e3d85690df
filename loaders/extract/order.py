"""PRECEDED from the words that order a story's events across and within sentences.

- A sentence that opens on a marker of later time ('A day later', 'Hours later', 'The next
  day', 'Then', 'Following the sit-down') puts its first event after the last event of the
  sentence before it; one that opens on 'Earlier' puts it before.
- A sentence that says 'the next day', 'the following day' or 'within hours' anywhere follows
  the last event told before it; one that says 'the day before' precedes it.
- Inside a sentence, 'X, then Y' orders X before Y.
The markers are regular expressions in patterns.json "order".
"""

from __future__ import annotations

import re
from functools import cache

from graph.models import Predicate
from loaders.extract.context import ArticleContext, EventDraft

# Sentences back that the earlier event of a 'later' sentence may be found in.
_LOOKBACK = 2
# Words from the start of a sentence that an opening marker may span.
_OPENING_CHARS = 40


@cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _triggers_by_sentence(ctx: ArticleContext) -> dict[int, list[tuple[int, EventDraft]]]:
    out: dict[int, list[tuple[int, EventDraft]]] = {}
    for d in ctx.events.values():
        for i in d.triggers:
            out.setdefault(ctx.sent_of[i], []).append((i, d))
    for found in out.values():
        found.sort(key=lambda pair: pair[0])
    return out


def _main(ctx: ArticleContext, found: list[tuple[int, EventDraft]]) -> EventDraft:
    """The event of a sentence's main clause: the trigger nearest the root, the first on a tie.

    'Israel brought its negotiators home, after what Netanyahu's office called a week of
    talks': the recall is what the next sentence's 'A day later' counts from, not the saying.
    """
    return min(found, key=lambda pair: (len(list(ctx.doc[pair[0]].ancestors)), pair[0]))[1]


def _link(ctx: ArticleContext, first: EventDraft, then: EventDraft, sent: int) -> None:
    if first.key == then.key:
        return
    if first.date and then.date and first.date[:7] > then.date[:7]:
        return  # the dates say otherwise: the marker orders other things
    ctx.relate(
        first.key,
        Predicate.PRECEDED,
        then.key,
        sent,
        0.55,
        subject_is_event=True,
        obj_is_event=True,
    )


def _around(
    ctx: ArticleContext, here: list[tuple[int, EventDraft]], cut: int
) -> tuple[list[tuple[int, EventDraft]], list[tuple[int, EventDraft]]]:
    """A sentence's events told before a marker's clause (';' between them) and after it."""
    text = ctx.doc.text
    before = [(i, d) for i, d in here if ctx.doc[i].idx < cut and ";" in text[ctx.doc[i].idx : cut]]
    after = [(i, d) for i, d in here if ctx.doc[i].idx >= cut]
    return before, after


def collect_order(ctx: ArticleContext) -> None:
    """PRECEDED edges from 'later', 'then' and 'the next day' wording."""
    cfg = ctx.patterns["order"]
    opening = _compiled(tuple(cfg["later_openings"]))
    earlier = _compiled(tuple(cfg["earlier_openings"]))
    within = _compiled(tuple(cfg["later_within"]))
    later_inside = _compiled(tuple(cfg["later_anywhere"]))
    earlier_inside = _compiled(tuple(cfg["earlier_anywhere"]))
    by_sent = _triggers_by_sentence(ctx)
    for sent, span in enumerate(ctx.sents):
        here = by_sent.get(sent, [])
        if not here:
            continue
        text = span.text.lstrip()
        told = [s for s in range(sent - _LOOKBACK, sent) if by_sent.get(s)]
        if not told:
            pass
        elif opening.match(text[:_OPENING_CHARS]):
            _link(ctx, _main(ctx, by_sent[told[-1]]), _main(ctx, here), sent)
        elif earlier.match(text[:_OPENING_CHARS]):
            _link(ctx, _main(ctx, here), _main(ctx, by_sent[told[-1]]), sent)
        elif m := later_inside.search(span.text):
            # 'Israel confirmed it only the next day': after the main event told before;
            # 'held a round on Feb. 13; the next day Israel declined ...': after the first
            before, after = _around(ctx, here, span.start_char + m.start())
            if before and after:
                _link(ctx, _main(ctx, before), after[0][1], sent)
            elif not before:  # with events only in clauses before it, it orders one not found
                _link(ctx, _main(ctx, by_sent[told[-1]]), _main(ctx, here), sent)
        elif m := earlier_inside.search(span.text):
            # 'the day before, he had told ...'
            before, after = _around(ctx, here, span.start_char + m.start())
            if before and after:
                _link(ctx, after[0][1], _main(ctx, before), sent)
            elif not before:
                _link(ctx, _main(ctx, here), _main(ctx, by_sent[told[-1]]), sent)
        for m in within.finditer(span.text):
            cut = span.start_char + m.start()
            first = [d for i, d in here if ctx.doc[i].idx < cut]
            then = [d for i, d in here if ctx.doc[i].idx >= cut + len(m.group(0)) - 1]
            if first and then:
                _link(ctx, first[-1], then[0], sent)
