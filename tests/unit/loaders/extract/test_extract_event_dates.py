"""Dates implied by tense alone: which undated reports place an event on a day, which in a month."""

from __future__ import annotations

import pytest

from graph.models import DatePrecision, EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article

PUBLISHED = "2024-08-14"
DAY = (PUBLISHED, DatePrecision.DAY)
MONTH = ("2024-08-01", DatePrecision.MONTH)


def _dates(text: str, kind: EventKind) -> list[tuple[str | None, DatePrecision | None]]:
    facts = extract_article(make_article("t-dates", text, published=PUBLISHED))
    return [(e.date, e.date_precision) for e in facts.events if e.kind is kind]


def test_event_date_simple_present_verb_gives_publication_day() -> None:
    text = "Jordan and Egypt negotiate in Amman as clashes continue on the border."
    assert _dates(text, EventKind.TALKS) == [DAY]


def test_event_date_noun_in_present_clause_gives_month() -> None:
    text = (
        "Fighting continued across the region. "
        "The discussions between Jordan and Egypt in Amman are fraught with difficulty."
    )
    assert _dates(text, EventKind.TALKS) == [MONTH]


def test_event_date_progressive_gives_month() -> None:
    assert _dates("Turkey is besieging Afrin.", EventKind.MILITARY_OPERATION) == [MONTH]


def test_event_date_light_verb_progressive_gives_month() -> None:
    text = "Turkish forces are laying siege to Afrin."
    assert _dates(text, EventKind.MILITARY_OPERATION) == [MONTH]


def test_event_date_present_perfect_of_lede_gives_publication_day() -> None:
    text = "Jordan and Egypt have resumed negotiations in Amman."
    assert _dates(text, EventKind.TALKS) == [DAY]


def test_event_date_present_perfect_after_lede_gives_month() -> None:
    text = (
        "Fighting continued across the region. Jordan and Egypt have resumed negotiations in Amman."
    )
    assert _dates(text, EventKind.TALKS) == [MONTH]


def test_event_date_perfect_of_reporting_verb_does_not_date_future_talks() -> None:
    text = "Jordan and Egypt have announced that talks will resume in Amman."
    assert _dates(text, EventKind.TALKS) == [MONTH]


def test_event_date_withdrawal_noun_under_commentary_verb_gives_month() -> None:
    text = (
        "Jordan and Egypt held talks in Amman on Monday. The withdrawal of the Jordanian "
        "negotiating team signals frustration with the lack of progress."
    )
    assert _dates(text, EventKind.WITHDRAWAL) == [MONTH]
    assert _dates(text, EventKind.TALKS) == [("2024-08-12", DatePrecision.DAY)]


def test_merge_rounds_keeps_the_finer_date() -> None:
    text = (
        "Jordan and Egypt have resumed negotiations in Qatar, brokered by Omani mediators. "
        "The discussions in Doha remain difficult."
    )
    facts = extract_article(make_article("t-merge", text, published=PUBLISHED))
    talks = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert [(e.date, e.date_precision, e.place_id) for e in talks] == [(*DAY, "doha")]


def test_caused_event_takes_only_the_month_of_its_dated_cause() -> None:
    text = (
        "Israeli forces have killed Hamas commander Rami Saadeh, prompting Jordan to ask "
        "for new truce talks."
    )
    assert _dates(text, EventKind.KILLING) == [DAY]
    assert _dates(text, EventKind.STATEMENT) == [MONTH]


def test_merge_rounds_ignores_the_day_of_a_round_without_venue() -> None:
    text = (
        "Jordan and Egypt held talks in Amman in July. Delegations from Jordan and Egypt met "
        "on July 20 for a new round of talks."
    )
    assert _dates(text, EventKind.TALKS) == [("2024-07-01", DatePrecision.MONTH)]


def test_event_date_participle_clause_shares_the_date_of_its_verb() -> None:
    # 'calling ... and saying': said at the news conference the date phrase places
    text = (
        "Fighting continued across the region. On Monday the Jordanian foreign minister, "
        "Ayman Safadi, went further at a news conference, calling the raid a crime and "
        "saying Jordan reserves the right to respond."
    )
    assert _dates(text, EventKind.STATEMENT) == [("2024-08-12", DatePrecision.DAY)]


def test_event_date_of_speech_from_its_participle_circumstance() -> None:
    text = (
        "Fighting continued across the region. Speaking in Amman on Monday alongside "
        "Egypt's foreign minister, Ayman Safadi said the talks had stalled."
    )
    assert _dates(text, EventKind.STATEMENT) == [("2024-08-12", DatePrecision.DAY)]


def test_news_conference_is_no_round_of_talks() -> None:
    text = "Ayman Safadi spoke at a news conference in Amman on Monday about the border."
    assert _dates(text, EventKind.TALKS) == []


def test_parties_joining_the_talks_make_the_round_under_way() -> None:
    text = (
        "Fighting continued across the region. Two envoys, Ayman Safadi and Sameh Shoukry, "
        "have both joined the talks."
    )
    assert _dates(text, EventKind.TALKS) == [MONTH]


def test_event_date_of_speech_from_the_statement_it_was_made_in() -> None:
    text = (
        "Fighting continued across the region. In a joint statement on Monday, Jordan and "
        "Egypt said the border talks had been constructive."
    )
    assert _dates(text, EventKind.STATEMENT) == [("2024-08-12", DatePrecision.DAY)]


def test_speech_verb_parsed_as_a_modifier_keeps_its_speaker_and_date() -> None:
    text = (
        "Fighting continued across the region. The Qassam Brigades, armed wing of Hamas, "
        "announced on Monday afternoon that it delays the release of the second group until "
        "Israel respects the terms, accusing it of not allowing the aid trucks to reach the "
        "north of Gaza and of not respecting the criteria agreed for choosing the prisoners."
    )
    assert ("2024-08-12", DatePrecision.DAY) in _dates(text, EventKind.STATEMENT)


def test_event_date_of_speech_is_never_the_day_of_a_clause_on_a_noun() -> None:
    # 'the terms Syria accepted on July 2' dates the acceptance, not what was said
    text = (
        "Fighting continued across the region. Ayman Safadi said Jordan demanded that Syria "
        "be bound by the terms it accepted on July 2."
    )
    facts = extract_article(make_article("t-dates", text, published=PUBLISHED))
    said = [e for e in facts.events if any(p.entity_id == "ayman-safadi" for p in e.participants)]
    assert all(e.date != "2024-07-02" for e in said)


def test_event_date_of_speech_from_the_readout_it_was_released_in() -> None:
    text = (
        "Fighting continued across the region. Safadi's office, in a readout released Monday "
        "night, stated the minister \u201creiterated Jordan's commitment to the talks.\u201d"
    )
    assert _dates(text, EventKind.STATEMENT) == [("2024-08-12", DatePrecision.DAY)]


def test_a_reported_toll_is_no_statement_of_the_source() -> None:
    before = "Fighting continued across the region. Jordan said on Monday that "
    toll = _dates(before + "27 people were killed in the raid.", EventKind.STATEMENT)
    stance = _dates(before + "the raid was a crime.", EventKind.STATEMENT)
    assert (toll, stance) == ([], [("2024-08-12", DatePrecision.DAY)])


def test_writing_that_is_a_statement_writing_a_book_is_not() -> None:
    before = "Fighting continued across the region. Ayman Safadi wrote on Monday "
    said = _dates(before + "that Syria is the obstacle to a deal.", EventKind.STATEMENT)
    book = _dates(before + "a memoir about the war.", EventKind.STATEMENT)
    assert (said, book) == ([("2024-08-12", DatePrecision.DAY)], [])


@pytest.mark.parametrize(
    ("text", "first_day"),
    [
        # the round is dated by its first day
        (
            "After a second day of meetings in Cairo on Thursday, officials passed on a text.",
            "2024-08-14",
        ),
        ("Two days of talks in Doha ended on Friday with a new text.", "2024-08-15"),
        ("Two days of talks began in Doha on Monday.", "2024-08-19"),
    ],
)
def test_a_round_counted_in_days_is_dated_by_its_first_day(text: str, first_day: str) -> None:
    facts = extract_article(make_article("t-days", text, published="2024-08-20"))
    assert [e.date for e in facts.events if e.kind is EventKind.TALKS] == [first_day]
