"""Small helpers over the dependency parse: governing verbs, tense, paths, dates of a clause."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from graph.calendar_names import WEEKDAYS
from graph.models import DatePrecision, EventKind
from loaders.extract.context import ArticleContext
from loaders.extract.dates import (
    ResolvedDate,
    find_anaphoric_dates,
    find_dates,
    starts_a_span,
)
from loaders.nlp import lexicon_words

_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?(\s?[A-Z]{2,4}(\+\d)?)?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[|\u00b7\u2022\u2014\u2013]")  # 'Live updates | Monday 2 September'
_WEEKDAY_NAMES = frozenset(w.lower() for w in WEEKDAYS)
_LIVE_BLOG_ENTRIES = 3  # clock-time lines that make a text a live blog
_REPLY_BACK = 2  # sentences back where a reply finds the statement it answers
_TODAY = re.compile(r"\b(?:today|tonight|this morning)\b", re.IGNORECASE)
_HEADING_WORDS = 8  # a question this short on a line of its own is a heading


def governing_verb(tok: Token) -> Token:
    """The nearest verb at or above a token (the root when there is none)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _is_to(verb: Token) -> bool:
    """'Hamas is to free 33 hostages': 'be to' with an infinitive is a plan."""
    if verb.dep_ != "xcomp" or verb.head.lemma_ != "be" or verb.head.i > verb.i:
        return False
    present = verb.head.tag_ in ("VBP", "VBZ")
    return present and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def tense(tok: Token) -> str:
    """'future', 'present' or 'past' for the clause a token belongs to."""
    verb = governing_verb(tok)
    chain = [verb, *list(verb.ancestors)[:3]]
    for v in chain:
        if any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in lexicon_words("grammar", "future_aux")
            for c in v.children
        ):
            return "future"
        if (
            v.lemma_ in lexicon_words("grammar", "future_frames")
            and v.tag_ == "VBN"
            and v.i != verb.i
        ):
            return "future"
        if _is_to(v):
            return "future"
    if verb.tag_ in ("VBP", "VBZ"):
        return "present"
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in verb.children):
        return "present"
    return "past"


def path_deps(ancestor: Token, tok: Token) -> list[Token] | None:
    """The tokens from `tok` up to (not including) `ancestor`, or None if not below it."""
    out: list[Token] = []
    cur = tok
    while cur.i != ancestor.i:
        if cur.head.i == cur.i:
            return None
        out.append(cur)
        cur = cur.head
    return out


def _day_before(ctx: ArticleContext, sent: int) -> str | None:
    """The day 'the same day' or 'the next day' counts from: the last day a date phrase gives
    before it in its own sentence ('held a round on March 3; the next day ...'), else in the
    sentences just before.

    A day something is planned for ('called on both sides to resume talks on 15 August') is
    not a day the text has told of.
    """
    for s in range(sent, max(sent - _ANAPHORA_WINDOW, -1), -1):
        days = [
            d
            for d in find_dates(ctx.sents[s].text, ctx.article.published)
            if d.precision is DatePrecision.DAY and not _planned_for(ctx, s, d)
        ]
        if s == sent:
            days = [d for d in days if d.end <= _anaphor_start(ctx.sents[s].text)]
        if days:
            return days[-1].date
    same = [
        d
        for d in find_dates(ctx.sents[sent].text, ctx.article.published)
        if d.precision is DatePrecision.DAY
    ]
    return same[0].date if same else None


def _anaphor_start(text: str) -> int:
    """Where a sentence's first date told from another ('the next day') starts."""
    told = find_anaphoric_dates(text, "2000-01-01")
    return min((d.start for d in told), default=0)


def _planned_for(ctx: ArticleContext, sent: int, found: ResolvedDate) -> bool:
    """Whether a date phrase dates a plan: its verb is in the future or an infinitive."""
    span = ctx.sents[sent]
    tok = ctx.doc.char_span(
        span.start_char + found.start, span.start_char + found.end, alignment_mode="expand"
    )
    if tok is None:
        return False
    verb = governing_verb(tok.root)
    return tense(verb) == "future" or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def clause_dates(
    ctx: ArticleContext, sent: int, trigger: Token, spans: bool = False
) -> list[ResolvedDate]:
    """Dates of a sentence that belong to the trigger's clause, resolved with the clause's tense.

    A date after 'since' starts a span of time ('has spent months with them since October'): it
    dates an ongoing activity's start, kept only with `spans`.
    """
    span = ctx.sents[sent]
    published = ctx.article.published
    verb = governing_verb(trigger)
    clause = {v.i for v in _participle_chain(verb)}
    out = []
    phrases = find_dates(span.text, published, future=False)
    taken = [(d.start, d.end) for d in phrases]
    for told in find_anaphoric_dates(span.text, _day_before(ctx, sent)):
        if not any(told.start < e and s < told.end for s, e in taken):
            phrases.append(told)
    for past_phrase in sorted(phrases, key=lambda d: d.start):
        tok = ctx.doc.char_span(
            span.start_char + past_phrase.start,
            span.start_char + past_phrase.end,
            alignment_mode="expand",
        )
        if tok is None:
            continue
        if not spans and starts_a_span(span.text, past_phrase):
            continue
        head = tok.root
        governor = _past_a_state(governing_verb(head), trigger)
        in_clause = governor.i in clause or head in trigger.subtree
        if not in_clause or _dates_a_noun(head, trigger, tok) or _in_subclause(head, trigger):
            continue
        if tense(head) == "future":
            future = find_dates(past_phrase.text, published, future=True)
            out.extend(future[:1] or [past_phrase])
        else:
            out.append(past_phrase)
    return out


def _past_a_state(verb: Token, trigger: Token) -> Token:
    """The verb a date of a state participle belongs to: 'freed the hostages held in Gaza on
    Monday' was done on Monday; the hostages were not taken then."""
    state = (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ == "agent" for c in verb.children)
    )
    if state and verb.lower_ in lexicon_words("grammar", "state_participles"):
        return governing_verb(verb.head) if verb.head.i != trigger.i else verb
    return verb


def _participle_chain(verb: Token) -> list[Token]:
    """A verb and the verbs its participle clause hangs from ('went further, calling it X and
    saying Y': 'saying' happens when 'went' does)."""
    chain = [verb]
    cur = verb
    while (
        _is_circumstance(cur)
        or is_errand(cur)
        or (cur.dep_ == "conj" and _is_circumstance(cur.head))
    ):
        cur = cur.head
        chain.append(cur)
    return chain


def _is_circumstance(verb: Token) -> bool:
    """A participle clause without a subject or conjunction of its own ('Speaking in London,
    Burns said'): it tells what the subject did at the time of the verb it hangs from."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp") or verb.head.i == verb.i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def is_errand(verb: Token) -> bool:
    """What a trip is made for, done when the trip ends: 'arrived in Doha on Monday to hold a
    fresh round of talks' holds the round on Monday; 'will travel to Cairo on Tuesday to resume
    the negotiations' plans it for Tuesday."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.head.i == verb.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    travel = lexicon_words("talks", "travel_verbs")
    return verb.head.lemma_ in travel


# Sentences back where 'the same day' or 'a day later' finds the day it is told from.
_ANAPHORA_WINDOW = 4
_SUBCLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "pcomp"}
)
# Clauses with an event of their own ('says X will travel on Tuesday'), not a verb's complement
# ('picked him to run the agency in 2021': the date is the picking's)
_CONTENT = _SUBCLAUSE_DEPS - {"xcomp"}


def _in_subclause(head: Token, trigger: Token, deps: frozenset[str] = _SUBCLAUSE_DEPS) -> bool:
    """Whether a date hangs in a clause below a verb trigger ('said it agreed to X on July 2').

    The date belongs to that clause's own event, not to the trigger's.
    """
    if trigger.pos_ != "VERB":
        return _in_other_nouns_clause(head, trigger)
    cur = head
    for _ in range(12):
        if cur.i == trigger.i or cur.head.i == cur.i:
            return False
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in deps and cur.head.i != cur.i:
            if cur.dep_ == "acl" and cur.head.lower_ in _own_date_nouns():
                return False  # 'in a readout released Monday night, stated ...'
            if _past_a_state(cur, trigger) is not cur:
                return False  # 'freed the hostages held in Gaza on Monday'
            return not (_is_circumstance(cur) and cur.head.i == trigger.i)
        cur = cur.head
    return False


def _in_other_nouns_clause(head: Token, trigger: Token) -> bool:
    """Whether a date below a noun trigger hangs in a clause of another noun below it.

    'the agreement reached ... on the first phase of the plan announced on 29 September': the
    date is the plan's; the trigger's own participle ('the deal, announced on Tuesday') dates it.
    """
    if path_deps(trigger, head) is None:
        return False  # 'an attack killed four soldiers on Sunday': the verb of the noun dates it
    cur = head
    for _ in range(12):
        if cur.i == trigger.i or cur.head.i == cur.i:
            return False
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in _SUBCLAUSE_DEPS:
            first = cur
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head  # 'brokered by X and announced on the 15th': both its own
            return first.head.i != trigger.i and first.head.lower_ not in _own_date_nouns()
        cur = cur.head
    return False


def _dates_a_noun(head: Token, trigger: Token, phrase: Span) -> bool:
    """Whether a date phrase modifies a prepositional noun below the trigger ('a day after the
    truce of late November').

    Such a date belongs to that noun's event, not to the trigger's.
    """
    cur = head
    for _ in range(12):
        if cur.i == trigger.i or cur.head.i == cur.i:
            return False
        cur = cur.head
        inside = phrase.start <= cur.i < phrase.end
        noun = cur.pos_ == "NOUN" and cur.dep_ == "pobj"
        if not inside and noun and cur.lower_ not in _own_date_nouns():
            return cur.i != trigger.i
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def _own_date_nouns() -> frozenset[str]:
    """Nouns whose date phrase is the trigger's own: times ('a day after') and the means of
    a statement ('in a statement on Friday, X said')."""
    return lexicon_words("grammar", "time_nouns") | lexicon_words("grammar", "speech_vehicles")


def _modifies_a_noun(verb: Token, trigger: Token) -> bool:
    """Whether a verb heads a clause that modifies a noun ('the plan that Biden announced on
    31 May', 'what it agreed to on July 2'): its date is that clause's own event's."""
    if verb.i == trigger.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "acl" and verb.head.lower_ in _own_date_nouns():
        return False  # 'in a readout released Monday night, stated ...': the statement's day
    return verb.dep_ in ("relcl", "acl") or (
        verb.dep_ in ("pcomp", "pobj") and any(c.tag_ in ("WP", "WDT") for c in verb.children)
    )


def nearest_date(ctx: ArticleContext, sent: int, trigger: Token) -> ResolvedDate | None:
    """The date phrase of the sentence nearest the trigger, for parses that hang it elsewhere.

    Only a phrase of the same clause, between the same commas or semicolons' reach: at most one
    clause boundary (',', ';', ':') lies between it and the trigger, and no other verb of
    speech governs it.
    """
    span = ctx.sents[sent]
    if tense(trigger) == "future":
        return None  # a plan's date is its own; the date of the sentence is when it was said
    speech = set(ctx.patterns["talks"]["speech_verbs"])
    best: tuple[int, ResolvedDate] | None = None
    for found in find_dates(span.text, ctx.article.published):
        tok = ctx.doc.char_span(
            span.start_char + found.start, span.start_char + found.end, alignment_mode="expand"
        )
        if tok is None or governing_verb(tok.root).lemma_ in speech:
            continue
        if tok.root.dep_ in ("poss", "compound") or _in_subclause(tok.root, trigger, _CONTENT):
            continue  # 'Sunday's attack' dates the attack; 'says X will travel on Tuesday'
        if _modifies_a_noun(governing_verb(tok.root), trigger):
            continue  # 'the terms Hamas accepted on July 2': that acceptance's day
        lo, hi = sorted((tok.start, trigger.i))
        between = [t for t in ctx.doc[lo:hi] if t.text in (";", ":", "(", ")")]
        commas = sum(1 for t in ctx.doc[lo:hi] if t.text == ",")
        if between or commas > 1:
            continue
        distance = abs(tok.start - trigger.i) + (0 if tok.start < trigger.i else 3)
        if best is None or distance < best[0]:
            best = (distance, found)
    return best[1] if best else None


# Confidence of a date taken from the tense alone rather than from a date phrase.
TENSE_DATE_CONFIDENCE = 0.5


def is_perfect(tok: Token, own: bool = False) -> bool:
    """Whether a token's clause is in the present perfect ('have killed', 'has been working').

    With `own`, only the token's own verb counts, not the verb its clause depends on ('have
    announced that talks will resume' is not a perfect for 'resume').
    """
    verb = governing_verb(tok)
    for v in (verb,) if own else (verb, verb.head):
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in aux):
            return True
    return False


def lede_sentence(ctx: ArticleContext) -> int | None:
    """The first sentence of the story (headlines and datelines skipped)."""
    return next((i for i in range(len(ctx.sents)) if i not in ctx.headlines), None)


def reports_now(trigger: Token) -> bool:
    """Whether a trigger is a verb in the simple present ('Israel withdraws its team').

    Only the news present places an event on the day of publication: a progressive ('are laying
    siege') reports an activity already under way, and a noun under a present-tense verb ('the
    withdrawal signals', 'the talks are fraught') takes the writer's present, not the event's.
    """
    if trigger.pos_ != "VERB" or trigger.tag_ == "VBG":
        return False
    return tense(trigger) == "present"


def event_date(
    ctx: ArticleContext, sent: int, trigger: Token, spans: bool = False
) -> tuple[str, DatePrecision, float] | None:
    """When an event happened: a date phrase of its clause, else what its tense implies.

    A verb in the simple present reports the day of publication, and so does the present perfect
    of the story's first sentence (its news); other present perfects, progressives, nouns in a
    present-tense clause and an undated future only place the event in the month of publication;
    a past tense without a date phrase gives nothing (a day is never invented), except in a
    live blog, whose entries are each of the day they are filed under.
    """
    dates = clause_dates(ctx, sent, trigger, spans)
    if dates:
        return dates[0].date, dates[0].precision, 0.8
    saying = _told_as_under_way(ctx, trigger)
    dates = clause_dates(ctx, sent, saying, spans) if saying is not None else []
    if dates:
        return dates[0].date, dates[0].precision, 0.7
    near = nearest_date(ctx, sent, trigger) if trigger.pos_ == "VERB" else None
    if near is not None:
        return near.date, near.precision, 0.7
    published = ctx.article.published
    if published is None:
        return None
    month = published[:8] + "01", DatePrecision.MONTH, TENSE_DATE_CONFIDENCE
    when = tense(trigger)
    if when == "future":
        return month
    if is_perfect(trigger):
        news = sent == lede_sentence(ctx) and is_perfect(trigger, own=True)
        return (published, DatePrecision.DAY, TENSE_DATE_CONFIDENCE) if news else month
    if when == "present":
        if reports_now(trigger):
            return published, DatePrecision.DAY, TENSE_DATE_CONFIDENCE
        return month
    day = entry_day(ctx, sent) or _replied_day(ctx, sent, trigger)
    return (day, DatePrecision.DAY, TENSE_DATE_CONFIDENCE) if day else None


def _told_as_under_way(ctx: ArticleContext, trigger: Token) -> Token | None:
    """The verb of speech whose day a past progressive it reports happens on: 'announced on
    Sunday that the party was quitting the government'."""
    verb = governing_verb(trigger)
    if verb.dep_ != "ccomp" or verb.tag_ != "VBG" or verb.head.i == verb.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children):
        return None
    speech = set(ctx.patterns["talks"]["speech_verbs"])
    return verb.head if verb.head.lemma_ in speech else None


def _replied_day(ctx: ArticleContext, sent: int, trigger: Token) -> str | None:
    """'A day later Hamas said ... The Prime Minister's Office replied that ...': a reply is
    of the day of the statement told just before it."""
    if governing_verb(trigger).lemma_ not in lexicon_words("grammar", "reply_verbs"):
        return None
    told = [
        (max(s for s in d.sents if s < sent), d)
        for d in ctx.events.values()
        if d.kind is EventKind.STATEMENT
        and d.date
        and d.precision is DatePrecision.DAY
        and any(sent - _REPLY_BACK <= s < sent for s in d.sents)
    ]
    return max(told, key=lambda sd: sd[0])[1].date if told else None


def entry_day(ctx: ArticleContext, sent: int) -> str | None:
    """In a live blog (entries under clock times), the day of the entry a sentence belongs to.

    The day is the blog's publication day until a line that is a calendar date alone
    ('SUNDAY 1 SEPTEMBER', 'Live updates | Monday 2 September 2024') starts another.
    """
    if ctx.entry_days is None:
        ctx.entry_days = _entry_days(ctx)
    return ctx.entry_days[sent]


def _entry_days(ctx: ArticleContext) -> list[str | None]:
    lines = [" ".join(s.text.split()) for s in ctx.sents]
    if sum(bool(_CLOCK.match(t)) for t in lines) < _LIVE_BLOG_ENTRIES:
        return _today_sections(ctx, lines)
    day = ctx.article.published
    out: list[str | None] = []
    for line in lines:
        day = _date_line(ctx, line) or day
        out.append(day)
    return out


def _today_sections(ctx: ArticleContext, lines: list[str]) -> list[str | None]:
    """Under a heading of today ('What happened today?'), lines tell of the publication day,
    up to the next heading ('How did we get here?')."""
    out: list[str | None] = []
    day: str | None = None
    for i, line in enumerate(lines):
        if i in ctx.headlines or (line.endswith("?") and len(line.split()) <= _HEADING_WORDS):
            today = _TODAY.search(line) is not None
            day = ctx.article.published if today else None
        out.append(day)
    return out


def _date_line(ctx: ArticleContext, line: str) -> str | None:
    """The day a line gives when it, or one of its '|'-separated parts, is a date alone."""
    for part in _SEPARATORS.split(line):
        part = part.strip()
        text = part.title() if part.isupper() else part
        days = [
            d for d in find_dates(text, ctx.article.published) if d.precision is DatePrecision.DAY
        ]
        if len(days) != 1:
            continue
        rest = (text[: days[0].start] + text[days[0].end :]).replace(",", " ").split()
        if all(w.lower() in _WEEKDAY_NAMES for w in rest):
            return days[0].date
    return None
