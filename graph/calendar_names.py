"""The one lexicon of English month and weekday names: full names, their short forms, numbers.

Months are numbered 1-12 as in `datetime.date.month`, weekdays 0-6 from Monday as in
`datetime.date.weekday()`.
"""

from __future__ import annotations

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The short forms news text writes besides the three-letter ones.
_LONGER_SHORT_MONTHS = {"sept": 9}

# Lower-case full and short month names -> 1-12 ('june', 'jun', 'sept', 'sep', ...).
MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name.lower()[:3]: number for number, name in enumerate(MONTH_NAMES, 1)},
    **_LONGER_SHORT_MONTHS,
}
# Lower-case weekday names -> 0-6 from Monday.
WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}


# A regular-expression alternation of every month form, longest first ('September|Sept|Sep').
MONTH_FORMS = "|".join(
    sorted({n.capitalize() for n in MONTHS}, key=lambda form: (-len(form), form))
)
WEEKDAY_FORMS = "|".join(WEEKDAY_NAMES)


def month_number(name: str) -> int:
    """1-12 for a full or short month name in any case ('Sept', 'JUNE'); KeyError otherwise."""
    return MONTHS[name.lower().rstrip(".")]
