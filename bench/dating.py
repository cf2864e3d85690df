"""Date phrases an article uses for an event, relative to its publication day or absolute."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from graph.calendar_names import MONTH_NAMES, WEEKDAY_NAMES
from graph.models import DatePrecision

RECENT_DAYS = 300  # a day-and-month without year is only used within this many days


@dataclass(frozen=True)
class DatePhrase:
    """A phrase such as 'on Monday' and the date and precision it stands for."""

    text: str
    date: dt.date
    precision: DatePrecision


def month_start(day: dt.date) -> dt.date:
    """The first day of `day`'s month."""
    return day.replace(day=1)


def _months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def format_long(day: dt.date) -> str:
    """'March 4, 2031'."""
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def phrase_for(event: dt.date, published: dt.date, rng: random.Random) -> DatePhrase:
    """One phrase placing `event` as seen from `published`, in the tense the gap implies."""
    gap = (event - published).days
    options = (
        _future_options(event, published, gap) if gap > 0 else _past_options(event, published, -gap)
    )
    text, precision = rng.choice(options)
    date = event if precision is DatePrecision.DAY else month_start(event)
    return DatePhrase(text, date, precision)


def _past_options(event: dt.date, published: dt.date, gap: int) -> list[tuple[str, DatePrecision]]:
    day, month = DatePrecision.DAY, DatePrecision.MONTH
    weekday = WEEKDAY_NAMES[event.weekday()]
    monthname = MONTH_NAMES[event.month - 1]
    absolute = (f"on {format_long(event)}", day)
    if gap == 0:
        return [(f"on {weekday}", day), (f"on {weekday}", day), ("today", day)]
    if gap <= 6:
        options = [(f"on {weekday}", day), (f"on {weekday}", day), (f"last {weekday}", day)]
        if gap == 1:
            options.append(("yesterday", day))
        return options
    apart = _months_between(event, published)
    if gap <= RECENT_DAYS:
        options = [(f"on {monthname} {event.day}", day), absolute]
        if apart == 0:
            options.append(("earlier this month", month))
        elif apart == 1:
            options.append(("last month", month))
        else:
            options.append((f"in {monthname}", month))
        return options
    return [absolute, absolute, (f"in {monthname} {event.year}", month)]


def _future_options(
    event: dt.date, published: dt.date, gap: int
) -> list[tuple[str, DatePrecision]]:
    day, month = DatePrecision.DAY, DatePrecision.MONTH
    weekday = WEEKDAY_NAMES[event.weekday()]
    monthname = MONTH_NAMES[event.month - 1]
    if gap <= 6:
        options = [(f"on {weekday}", day), (f"on {weekday}", day)]
        if gap == 1:
            options.append(("tomorrow", day))
        if gap >= 4:
            options.append((f"next {weekday}", day))
        return options
    if gap > RECENT_DAYS:
        return [(f"on {format_long(event)}", day)]
    apart = _months_between(published, event)
    options = [(f"on {monthname} {event.day}", day), (f"on {format_long(event)}", day)]
    if apart == 0:
        options.append(("later this month", month))
    elif apart == 1:
        options.append(("next month", month))
    elif apart < 11:
        options.append((f"in {monthname}", month))
    return options


def format_dateline(published: dt.date, rng: random.Random) -> str:
    """A page dateline such as 'Mar 4, 2031 10:59 am | News'."""
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    stamp = f"{MONTH_NAMES[published.month - 1][:3]} {published.day}, {published.year}"
    section = rng.choice(("News", "World", "Politics", "Middle Region"))
    return f"{stamp} {hour}:{minute:02d} {rng.choice(('am', 'pm'))} | {section}"
