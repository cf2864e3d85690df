"""Date expressions in text, resolved against an article's publication date by rule."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from graph.calendar_names import MONTH_FORMS, MONTHS, WEEKDAY_FORMS, WEEKDAYS
from graph.models import DatePrecision

_MONTH = rf"(?P<month>{MONTH_FORMS})\.?"
_WEEKDAY = rf"(?P<weekday>{WEEKDAY_FORMS})"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Nouns an ordinal is not a day of ('on the 2nd floor', 'on the 10th anniversary').
_ORDINAL_NOUNS = r"(?:floor|anniversary|century|birthday|day|round|time|place|attempt|week|month)"
_CASELESS = ("relative", "recent", "ago", "daypart", "week")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Days from publication of a part of the day ('last night' is the evening before).
_DAYPARTS = {"last night": -1, "overnight": 0}

# Ordered: the first pattern that matches at a position wins; longer forms come first.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE if name in _CASELESS else 0))
    for name, rx in (
        ("iso", r"\b" + _YEAR + r"-(?P<mm>\d\d)-(?P<dd>\d\d)\b"),
        # '07/04/2024', '4/7' after 'on' (not '24/7' or '1/2'): read either way round
        (
            "numeric",
            r"(?:\b" + r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.]" + _YEAR + r"\b)"
            r"|(?:(?<=\bon )(?P<a2>\d{1,2})/(?P<b2>\d{1,2})\b(?![/.]\d))",
        ),
        ("mdy", _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b"),
        ("dmy", r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"),
        ("md", r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d)"),
        ("dm", r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b"),
        ("my", r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b"),
        (
            "m",
            r"\b(?:(?i:mid-)|(?i:in|since|during|by|until|of|early|late|mid)\s+)"
            r"(?i:early\s+|late\s+|mid-)?" + _MONTH + r"\b(?!\s+\d)",
        ),
        (
            "ordinal",
            r"\b(?i:on\s+the)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b"
            r"(?!\s+(?i:of\s+)?[A-Z]|\s+" + _ORDINAL_NOUNS + r")",
        ),
        (
            "ago",
            r"\b(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
            r"(?P<unit>day|days|week|weeks|month|months|year|years)\s+ago\b",
        ),
        (
            "daypart",
            r"\b(?P<part>last\s+night|tonight|this\s+morning|this\s+afternoon|this\s+evening|"
            r"earlier\s+today|overnight)\b",
        ),
        ("week", r"\b(?P<rel>(?i:last|next|previous|past|coming))\s+week\b(?!s)"),
        (
            "weekday",
            # 'on a Sunday', 'every Friday': a kind of day, not a date
            r"\b(?P<rel>(?i:last|next|this|on|early|late))?\s*(?<!\ba )(?<!\bevery )(?<!\beach )"
            + _WEEKDAY
            + r"(?:['\u2019]s)?\b",
        ),
        (
            "relative",
            r"\b(?P<rel>(?i:(?:earlier |later )?(?:last|this|next|previous|past)))\s+"
            r"(?P<unit>month|year)\b|\b(?P<word>yesterday|today|tomorrow)\b",
        ),
        (
            "recent",
            r"\b(?:in\s+|over\s+)?(?:the\s+)?(?:recent|past|last|coming|next)\s+(?:few\s+)?"
            r"(?:days|weeks)\b|\b(?:earlier\s+|later\s+)?this\s+week\b|\brecent(?:ly)?\b",
        ),
        ("year", r"\b(?i:in|since|during|of|early|late)\s+" + _YEAR + r"\b"),
    )
)


@dataclass(frozen=True)
class ResolvedDate:
    """A date phrase found in text, with its resolved ISO date and precision."""

    start: int
    end: int
    text: str
    date: str
    precision: DatePrecision

    @property
    def day(self) -> dt.date:
        """The resolved date as a `datetime.date` (first day for month/year precision)."""
        return dt.date.fromisoformat(self.date)


def resolve_weekday(published: dt.date, weekday: int, future: bool) -> dt.date:
    """The weekday on or before publication (past) or on or after it (future)."""
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def resolve_month(published: dt.date, month: int, future: bool) -> dt.date:
    """The first day of the nearest such month, looking back (past) or ahead (future)."""
    year = published.year
    if future and month < published.month:
        year += 1
    elif not future and month > published.month:
        year -= 1
    return dt.date(year, month, 1)


def resolve_month_day(published: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    """A day-and-month without year, placed in the year that keeps the tense."""
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if future and candidate >= published and (candidate - published).days < 330:
            return candidate
        if not future and candidate <= published and (published - candidate).days < 330:
            return candidate
    return None


def shift_month(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` away from `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _resolve(
    kind: str, m: re.Match[str], published: dt.date | None, future: bool
) -> tuple[dt.date, DatePrecision] | None:
    groups = m.groupdict()
    if kind == "iso":
        try:
            day = dt.date(int(groups["year"]), int(groups["mm"]), int(groups["dd"]))
        except ValueError:
            return None
        return day, DatePrecision.DAY
    if kind == "numeric":
        return _resolve_numeric(groups, published, future)
    month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else 0
    if kind in ("mdy", "dmy"):
        try:
            return dt.date(int(groups["year"]), month, int(groups["day"])), DatePrecision.DAY
        except ValueError:
            return None
    if kind == "my":
        return dt.date(int(groups["year"]), month, 1), DatePrecision.MONTH
    if kind == "year":
        return dt.date(int(groups["year"]), 1, 1), DatePrecision.YEAR
    if published is None:
        return None
    if kind in ("md", "dm"):
        found = resolve_month_day(published, month, int(groups["day"]), future)
        return (found, DatePrecision.DAY) if found else None
    if kind == "m":
        return resolve_month(published, month, future), DatePrecision.MONTH
    if kind == "weekday":
        rel = (groups.get("rel") or "").lower()
        weekday = WEEKDAYS[groups["weekday"].lower()]
        if rel == "last":
            base = published - dt.timedelta(days=1)
            return resolve_weekday(base, weekday, future=False), DatePrecision.DAY
        if rel == "next":
            base = published + dt.timedelta(days=1)
            return resolve_weekday(base, weekday, future=True), DatePrecision.DAY
        return resolve_weekday(published, weekday, future), DatePrecision.DAY
    if kind == "recent":
        return published.replace(day=1), DatePrecision.MONTH
    if kind in ("ordinal", "ago", "daypart", "week"):
        return _resolve_counted(kind, groups, published)
    return _resolve_relative(groups, published)


def _resolve_numeric(
    groups: dict[str, str | None], published: dt.date | None, future: bool
) -> tuple[dt.date, DatePrecision] | None:
    """A day and month in figures, month first or day first as outlets differ: of the readings
    that are dates, the one nearest publication on the side the tense looks to, else nearest."""
    a, b = int(groups["a"] or groups["a2"] or 0), int(groups["b"] or groups["b2"] or 0)
    readings: list[dt.date] = []
    for month, day in ((a, b), (b, a)):
        if groups["year"]:
            with_year = _date_or_none(int(groups["year"]), month, day)
            readings += [with_year] if with_year else []
        elif published is not None and 1 <= month <= 12:
            found = resolve_month_day(published, month, day, future)
            readings += [found] if found else []
    if not readings:
        return None
    if published is None:
        return (readings[0], DatePrecision.DAY) if len(set(readings)) == 1 else None
    side = [r for r in readings if (r >= published if future else r <= published)]
    best = min(side or readings, key=lambda r: abs((r - published).days))
    return best, DatePrecision.DAY


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_counted(
    kind: str, groups: dict[str, str | None], published: dt.date
) -> tuple[dt.date, DatePrecision] | None:
    """'on the 15th', 'two days ago', 'last night', 'last week', against the publication date."""
    if kind == "ordinal":
        day = int(groups["day"] or 0)
        month = published.replace(day=1) if day <= published.day else shift_month(published, -1)
        try:
            return month.replace(day=day), DatePrecision.DAY
        except ValueError:
            return None
    if kind == "daypart":
        part = " ".join((groups["part"] or "").lower().split())
        return published + dt.timedelta(days=_DAYPARTS.get(part, 0)), DatePrecision.DAY
    if kind == "week":  # a week is known to its month only
        step = 7 if (groups["rel"] or "").lower() in ("next", "coming") else -7
        return (published + dt.timedelta(days=step)).replace(day=1), DatePrecision.MONTH
    raw = (groups["num"] or "").lower()
    n = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 0)
    unit = (groups["unit"] or "").lower().rstrip("s")
    if unit == "day":
        return published - dt.timedelta(days=n), DatePrecision.DAY
    if unit == "week":
        return (published - dt.timedelta(days=7 * n)).replace(day=1), DatePrecision.MONTH
    if unit == "month":
        return shift_month(published, -n), DatePrecision.MONTH
    return dt.date(published.year - n, 1, 1), DatePrecision.YEAR


def _resolve_relative(
    groups: dict[str, str | None], published: dt.date
) -> tuple[dt.date, DatePrecision] | None:
    word = (groups.get("word") or "").lower()
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1}
    if word:
        return published + dt.timedelta(days=offsets[word]), DatePrecision.DAY
    rel = (groups.get("rel") or "").lower().split()[-1]
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[rel]
    if groups.get("unit") == "month":
        return shift_month(published, step), DatePrecision.MONTH
    return dt.date(published.year + step, 1, 1), DatePrecision.YEAR


def starts_a_span(text: str, found: ResolvedDate) -> bool:
    """Whether a date phrase of `text` follows 'since': the start of a span, not an event's day."""
    before = text[: found.start].rstrip().lower()
    return before.endswith("since") or found.text.lower().startswith("since")


def find_dates(text: str, published: str | None, future: bool = False) -> list[ResolvedDate]:
    """All date phrases of `text` that resolve, left to right, without overlaps.

    The rules see each sentence many times (once per trigger word and step), so the phrases of a
    text are found once and kept; the caller gets its own list.
    """
    return list(_find_dates(text, published, future))


@lru_cache(maxsize=8192)
def _find_dates(text: str, published: str | None, future: bool) -> tuple[ResolvedDate, ...]:
    pub = dt.date.fromisoformat(published) if published else None
    taken: list[tuple[int, int]] = []
    found: list[ResolvedDate] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            resolved = _resolve(kind, m, pub, future)
            taken.append((start, end))
            if resolved is None:
                continue
            day, precision = resolved
            found.append(ResolvedDate(start, end, m.group(0).strip(), day.isoformat(), precision))
    found.sort(key=lambda d: d.start)
    # 'Monday, 19 February 2024': the weekday names the day the date gives, not a day of its own
    return tuple(
        d
        for i, d in enumerate(found)
        if not (
            i + 1 < len(found)
            and _WEEKDAY_ONLY.fullmatch(d.text)
            and _APPOSED.fullmatch(text[d.end : found[i + 1].start])
        )
    )


_WEEKDAY_ONLY = re.compile(r"(?:on\s+)?" + _WEEKDAY, re.IGNORECASE)
_APPOSED = re.compile(r",?\s*(?:the\s+)?")


# Dates told from the day of an event just reported: 'the same day', 'a day later'.
_ANAPHORIC = re.compile(
    r"\b(?:(?P<same>(?:on\s+)?the\s+same\s+(?:day|night|evening|morning|afternoon)"
    r"|that\s+(?:same\s+)?(?:day|night|evening|morning|afternoon)|later\s+that\s+day"
    r"|(?:later\s+)?in\s+the\s+(?:evening|afternoon|night)"
    r"|(?:a\s+few\s+|several\s+)?hours\s+later|within\s+hours|minutes\s+later)"
    r"|(?P<next>(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|evening|night)"
    r"|the\s+day\s+after)"
    r"|(?P<before>the\s+(?:day|night|evening)\s+before|the\s+previous\s+day)"
    r"|(?P<qual>(?:less|more)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+)?"
    r"(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    # 'two days before' counts from the day just told; 'a week before the vote' from the vote
    r"(?P<unit>days?|weeks?|months?)\s+(?P<dir>later|afterwards|earlier|(?:after|before)(?!\s+\w)))\b",
    re.IGNORECASE,
)


def find_anaphoric_dates(text: str, anchor: str | None) -> list[ResolvedDate]:
    """Date phrases told from a day given before ('the same day', 'a day later'), resolved
    against `anchor`, the day of the event the text has just reported."""
    if anchor is None:
        return []
    base = dt.date.fromisoformat(anchor)
    found: list[ResolvedDate] = []
    for m in _ANAPHORIC.finditer(text):
        if m.group("same"):
            offset = 0
        elif m.group("next"):
            offset = 1
        elif m.group("before"):
            offset = -1
        else:
            found.append(_counted_from(base, m))
            continue
        day = (base + dt.timedelta(days=offset)).isoformat()
        found.append(ResolvedDate(m.start(), m.end(), m.group(0), day, DatePrecision.DAY))
    return found


def _counted_from(base: dt.date, m: re.Match[str]) -> ResolvedDate:
    """'two days later', 'less than a week later', 'three months earlier': counted from `base`;
    a week or a day counted exactly keeps the day, an approximate count or months the month."""
    raw = m.group("num").lower()
    n = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 0)
    if m.group("dir").lower() not in ("later", "after", "afterwards"):
        n = -n
    unit = m.group("unit").lower().rstrip("s")
    if unit == "month":
        day = shift_month(base, n)
    else:
        day = base + dt.timedelta(days=n * (7 if unit == "week" else 1))
    exact = unit != "month" and not m.group("qual")
    precision = DatePrecision.DAY if exact else DatePrecision.MONTH
    iso = day.isoformat() if exact else day.replace(day=1).isoformat()
    return ResolvedDate(m.start(), m.end(), m.group(0), iso, precision)
