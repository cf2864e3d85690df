"""Junk removal and text normalisation on small synthetic articles."""

from __future__ import annotations

import pytest

from loaders.clean import (
    clean_text,
    content_hash,
    find_author,
    find_published,
    find_title,
    parse_date,
    parse_dateline,
    split_paragraphs,
)

BODY_1 = (
    "Negotiators from three countries met in the capital on Monday to discuss a new plan "
    "for a pause in the fighting and the exchange of detainees held by both sides."
)
BODY_2 = (
    "The mediators said the talks would continue later in the week, although officials "
    "on both sides warned that large gaps remained over the timing of any withdrawal."
)
BODY_3 = (
    "A spokesman for the foreign ministry said the delegation had been given a mandate "
    "to negotiate and would report back to the cabinet before any decision was taken."
)


def paragraphs_of(text: str) -> list[str]:
    return text.split("\n\n")


def test_clean_keeps_article_paragraphs_separated_by_blank_lines() -> None:
    raw = f"Talks Resume in the Capital\n\n{BODY_1}\n\n{BODY_2}\n"
    assert paragraphs_of(clean_text(raw)) == ["Talks Resume in the Capital", BODY_1, BODY_2]


def test_clean_splits_single_newline_paragraphs() -> None:
    raw = f"{BODY_1}\n{BODY_2}\n{BODY_3}"
    assert paragraphs_of(clean_text(raw)) == [BODY_1, BODY_2, BODY_3]


def test_clean_joins_hard_wrapped_paragraph() -> None:
    wrapped = (
        "The delegation arrived late on Sunday and\n"
        "met the mediators for several hours before\n"
        "returning to the hotel without a statement.\n"
    )
    joined = (
        "The delegation arrived late on Sunday and met the mediators for several hours "
        "before returning to the hotel without a statement."
    )
    assert clean_text(wrapped) == joined


def test_clean_normalises_whitespace_inside_lines_without_rewriting_words() -> None:
    raw = "  The\u00a0talks\t\tresumed   in\u2009the capital\u200b today.  \r\n"
    assert clean_text(raw) == "The talks resumed in the capital today."


def test_clean_drops_bare_url_lines_and_ad_host_links() -> None:
    raw = (
        f"{BODY_1}\n"
        "https://www.cpmrevenuegate.com/abc123?key=0011223344\n"
        f"{BODY_2}\n"
        "https://example.org/some/tracking/link?utm_source=feed\n"
        f"{BODY_3} Sponsored: https://ads.doubleclick.net/click?x=1"
    )
    cleaned = clean_text(raw)
    assert "http" not in cleaned
    assert "doubleclick" not in cleaned
    assert paragraphs_of(cleaned)[:2] == [BODY_1, BODY_2]
    assert paragraphs_of(cleaned)[2].startswith(BODY_3)


def test_clean_cuts_comment_section_with_commenter_and_text() -> None:
    raw = (
        f"{BODY_1}\n\n{BODY_2}\n\n3 Comments\n\n  1. Jane Commenter\n\n"
        "    This is nonsense and the reporter should be ashamed of it.\n\n"
        "  2. Another Reader\n\n    I agree with the article entirely.\n"
    )
    assert paragraphs_of(clean_text(raw)) == [BODY_1, BODY_2]


@pytest.mark.parametrize(
    "marker",
    [
        "1 Comment",
        "No Comments",
        "Leave a Reply",
        "Leave a Reply Cancel reply",
        "Trackbacks/Pingbacks",
        "Related Articles",
        "Related Posts:",
        "Post a Comment",
        "Comments are closed.",
        "You may also like",
    ],
)
def test_clean_cuts_everything_after_footer_marker(marker: str) -> None:
    raw = f"{BODY_1}\n\n{BODY_2}\n\n{marker}\n\nSome Other Headline About Something\n\n{BODY_3}"
    assert paragraphs_of(clean_text(raw)) == [BODY_1, BODY_2]


def test_clean_footer_marker_before_any_body_only_drops_the_marker() -> None:
    raw = f"Headline Of The Day\n\n2 Comments\n\n{BODY_1}\n\n{BODY_2}"
    assert paragraphs_of(clean_text(raw)) == ["Headline Of The Day", BODY_1, BODY_2]


@pytest.mark.parametrize(
    "furniture",
    [
        "Back to top button",
        "Back to top",
        "Previous Post Next Post",
        "« Previous Article",
        "Share this:",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Advertisement",
        "Source: Talks Falter as Both Sides Recall Negotiators",
        "Tags: ceasefire, diplomacy",
        "Read more: Envoys Head Back to the Capital",
        "Related: Envoys warn of escalation | Conference pledges aid",
        "See also: What the truce text says",
    ],
)
def test_clean_drops_page_furniture_lines(furniture: str) -> None:
    raw = f"{BODY_1}\n\n{furniture}\n\n{BODY_2}"
    assert paragraphs_of(clean_text(raw)) == [BODY_1, BODY_2]


def test_clean_keeps_sentences_that_only_start_like_furniture() -> None:
    kept = [
        "Share prices fell sharply after the talks collapsed on Thursday evening.",
        "Sources told reporters that the delegation would return on Monday.",
        "Authorities said the crossing would reopen once the agreement took effect.",
        "Related talks in another capital also ended without an agreement.",
    ]
    raw = "\n\n".join([BODY_1, *kept])
    assert paragraphs_of(clean_text(raw)) == [BODY_1, *kept]


def test_clean_cuts_end_byline_and_author_bio() -> None:
    raw = (
        f"{BODY_1}\n\n{BODY_2}\n\nAuthor: Jane Q. Writer\n\n"
        "Jane Q. Writer is the news editor of Example Daily, follow her on Twitter @jqw."
    )
    assert paragraphs_of(clean_text(raw)) == [BODY_1, BODY_2]


def test_clean_drops_trailing_bio_without_byline() -> None:
    raw = f"{BODY_1}\n\n{BODY_2}\n\nJohn Smith is a senior correspondent covering the region."
    assert paragraphs_of(clean_text(raw)) == [BODY_1, BODY_2]


def test_clean_strips_bullets_but_keeps_their_text() -> None:
    raw = (
        "Talks Collapse as Envoys Leave\n"
        "  \u2022 Both teams recalled their negotiators.\n"
        "  \u2022 Talks stalled over the number of detainees.\n"
        "  - Aid deliveries remain blocked.\n\n"
        f"{BODY_1}"
    )
    assert paragraphs_of(clean_text(raw)) == [
        "Talks Collapse as Envoys Leave",
        "Both teams recalled their negotiators.",
        "Talks stalled over the number of detainees.",
        "Aid deliveries remain blocked.",
        BODY_1,
    ]


def test_clean_drops_repeated_headline() -> None:
    raw = f"Envoys Leave the Talks\n\nEnvoys Leave the Talks\n\n{BODY_1}"
    assert paragraphs_of(clean_text(raw)) == ["Envoys Leave the Talks", BODY_1]


def test_clean_drops_dateline_at_top() -> None:
    raw = f"Envoys Leave the Talks\n\nMar 3, 2025 8:15 pm | World, Politics\n\n{BODY_1}"
    assert paragraphs_of(clean_text(raw)) == ["Envoys Leave the Talks", BODY_1]


def test_clean_of_junk_only_text_is_empty() -> None:
    assert clean_text("Share this:\n\nhttps://example.org/x\n\nBack to top") == ""


def test_split_paragraphs_handles_crlf_and_blank_runs() -> None:
    assert split_paragraphs("One line here.\r\n\r\n\r\nTwo lines here.\r\n") == [
        "One line here.",
        "Two lines here.",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jul 10, 2024 10:59 am | News, Ticker, Example Site", "2024-07-10"),
        ("July 10, 2024", "2024-07-10"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("Published on Wednesday, 10 July 2024 at 10:59 GMT", "2024-07-10"),
        ("Posted on March 1, 2025 by Jane Roe", "2025-03-01"),
        ("By Jane Roe | 1 March 2025", "2025-03-01"),
        ("2024-10-28", "2024-10-28"),
        ("On July 10, 2024, the talks resumed in the capital.", None),
        ("Feb 30, 2024", None),
        ("The talks of July 10, 2024 and what came after them", None),
    ],
)
def test_parse_dateline(line: str, expected: str | None) -> None:
    assert parse_dateline(line) == expected


def test_find_published_reads_dateline_near_top_only() -> None:
    top = f"Envoys Leave the Talks\n\nJul 10, 2024 10:59 am | News\n\n{BODY_1}"
    assert find_published(top) == "2024-07-10"
    late = "\n\n".join([BODY_1, BODY_2, BODY_3, BODY_1, BODY_2, BODY_3, "July 10, 2024"])
    assert find_published(late) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07-10", "2024-07-10"),
        ("2024-07-10T10:59:00Z", "2024-07-10"),
        ("10 Jul 2024", "2024-07-10"),
        ("July 10, 2024", "2024-07-10"),
        ("yesterday", None),
        ("2024-13-01", None),
        ("2024-07-10x", None),
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_find_title_takes_headline_first_line() -> None:
    assert find_title(f"Envoys Leave the Talks\n\n{BODY_1}") == "Envoys Leave the Talks"


def test_find_title_passes_over_section_label() -> None:
    text = f"World News\n\nEnvoys Leave the Talks After Three Days\n\n{BODY_1}"
    assert find_title(text) == "Envoys Leave the Talks After Three Days"


def test_find_title_none_when_first_line_is_a_sentence() -> None:
    assert find_title(f"{BODY_1}\n\n{BODY_2}") is None


def test_find_author_from_byline() -> None:
    assert find_author(f"{BODY_1}\n\nAuthor: Jane Roe") == "Jane Roe"
    assert find_author(f"By Jane Roe\n\n{BODY_1}") == "Jane Roe"
    assert find_author(BODY_1) is None


def test_content_hash_changes_with_text_and_metadata() -> None:
    meta: dict[str, str | None] = {"title": "A", "published": "2024-01-01"}
    base = content_hash("text", meta)
    assert base == content_hash("text", dict(meta))
    assert base != content_hash("text!", meta)
    assert base != content_hash("text", {**meta, "published": "2024-01-02"})


def test_clean_cookie_banner_is_dropped_and_does_not_count_as_story() -> None:
    raw = (
        "Talks Stall in Amman\n\n"
        "We use cookies to improve your experience. By continuing to browse you accept our "
        "Cookie Policy. [Accept all] [Manage settings]\n\n"
        "Posted by Desk | 3 min read\n\n"
        "The talks in Amman stalled on Thursday after both sides recalled their negotiators, "
        "officials said.\n"
    )
    text = clean_text(raw)
    assert "cookies" not in text
    assert "The talks in Amman stalled on Thursday" in text
