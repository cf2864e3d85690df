"""Date phrases of the synthetic corpus resolve to the dates its truth file gives."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from bench.article import RenderedArticle, render_article
from bench.dating import phrase_for
from bench.truth import TruthRecorder
from bench.world import build_world
from graph.calendar_names import MONTH_NAMES, WEEKDAY_NAMES
from graph.models import DatePrecision
from loaders.extract.dates import find_dates

N_ARTICLES = 400


@pytest.fixture(scope="module")
def rendered() -> tuple[list[RenderedArticle], dict[str, dict[str, object]]]:
    """Articles rendered in memory and their truth events by id."""
    world = build_world(21, N_ARTICLES)
    truth = TruthRecorder()
    articles = [
        render_article(world, truth, 21, i, N_ARTICLES, 0.2) for i in range(1, N_ARTICLES + 1)
    ]
    return articles, {row["id"]: row for row in truth.event_rows()}


def test_render_article_weekday_named_matches_truth_date(
    rendered: tuple[list[RenderedArticle], dict[str, dict[str, object]]],
) -> None:
    articles, events = rendered
    checked = 0
    for article in articles:
        for mention in article.dates:
            assert mention.sentence in article.text
            assert mention.phrase in mention.sentence
            named = re.search("|".join(WEEKDAY_NAMES), mention.phrase)
            if named is None:
                continue
            truth_date = dt.date.fromisoformat(str(events[mention.event_id]["date"]))
            assert WEEKDAY_NAMES[truth_date.weekday()] == named.group(0)
            assert abs((truth_date - article.published).days) <= 7
            checked += 1
    assert checked > 100


def test_render_article_dates_agree_with_truth_and_resolver(
    rendered: tuple[list[RenderedArticle], dict[str, dict[str, object]]],
) -> None:
    articles, events = rendered
    seen_precisions = set()
    for article in articles:
        published = article.published.isoformat()
        for mention in article.dates:
            row = events[mention.event_id]
            truth_date = dt.date.fromisoformat(str(row["date"]))
            stated = dt.date.fromisoformat(mention.date)
            if mention.precision is DatePrecision.DAY:
                assert row["date_precision"] == "day" and stated == truth_date
            else:
                assert (stated.year, stated.month) == (truth_date.year, truth_date.month)
            at = mention.sentence.index(mention.phrase)
            sentence = mention.sentence
            if at == 0:  # loaders' resolver matches "in <Month>" in lower case only
                sentence = sentence[0].lower() + sentence[1:]
            found = [
                d
                for d in find_dates(sentence, published, mention.future)
                if d.start <= at < d.end or at <= d.start < at + len(mention.phrase)
            ]
            assert found, mention
            assert (found[0].date, found[0].precision) == (mention.date, mention.precision)
            seen_precisions.add(mention.precision)
    assert seen_precisions == {DatePrecision.DAY, DatePrecision.MONTH}


@pytest.mark.parametrize("gap", [-400, -200, -40, -9, -6, -1, 0, 1, 3, 6, 10, 45, 200])
def test_phrase_for_resolves_back_to_its_event(gap: int) -> None:
    published = dt.date(2031, 3, 4)
    event = published + dt.timedelta(days=gap)
    rng = random.Random(gap)
    for _ in range(20):
        phrase = phrase_for(event, published, rng)
        sentence = f"Talks were held {phrase.text}."
        (found,) = find_dates(sentence, published.isoformat(), future=gap > 0)
        assert found.date == phrase.date.isoformat()
        if phrase.precision is DatePrecision.DAY:
            assert phrase.date == event
        else:
            assert phrase.date == event.replace(day=1)
            assert MONTH_NAMES[event.month - 1] in phrase.text or "month" in phrase.text
