"""Releases: hostages freed by an armed group, prisoners freed by a state, who receives them."""

from __future__ import annotations

import pytest

from graph.models import EventKind, Role
from loaders.extract import extract_article
from tests.support.factories import make_article


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("Hamas released three hostages on Sunday.", EventKind.HOSTAGE_RELEASE, "hamas"),
        ("Israel freed 90 Palestinian prisoners on Monday.", EventKind.PRISONER_RELEASE, "israel"),
        (
            "Hamas said on Sunday that the talks went well. On Friday the movement handed over "
            "24 captives to the International Committee of the Red Cross.",
            EventKind.HOSTAGE_RELEASE,
            "hamas",
        ),
    ],
)
def test_extract_release_kind_follows_the_people_freed(
    text: str, kind: EventKind, actor: str
) -> None:
    facts = extract_article(make_article("t-rel", text, published="2025-01-21"))
    releases = [e for e in facts.events if e.kind is kind]
    assert len(releases) == 1, facts.events
    assert (actor, Role.ACTOR) in {(p.entity_id, p.role) for p in releases[0].participants}


def test_extract_release_names_the_persons_freed_and_the_receiver() -> None:
    facts = extract_article(
        make_article(
            "t-rel-named",
            "Romi Gonen, Emily Damari and Doron Steinbrecher were handed to the International "
            "Committee of the Red Cross in Gaza City on Sunday.",
            published="2025-01-21",
        )
    )
    (release,) = [e for e in facts.events if e.kind is EventKind.HOSTAGE_RELEASE]
    assert release.date == "2025-01-19"
    people = {p.entity_id for p in release.participants}
    assert {"romi-gonen", "emily-damari", "doron-steinbrecher"} <= people
    assert "international-committee-of-the-red-cross" in people


@pytest.mark.parametrize(
    "text",
    [
        "Israel will not stop firing until Hamas releases the hostages.",  # a condition
        "Hamas said on Oct. 3 that it would release all hostages.",  # a promise, no day of its own
        "The court released its ruling on Monday.",  # not people
    ],
)
def test_extract_no_release_from_conditions_promises_or_things(text: str) -> None:
    facts = extract_article(make_article("t-rel-none", text, published="2025-10-05"))
    kinds = {EventKind.HOSTAGE_RELEASE, EventKind.PRISONER_RELEASE}
    assert not [e for e in facts.events if e.kind in kinds]


def test_extract_release_in_a_clause_with_its_own_subject_is_not_the_main_clause_actor() -> None:
    facts = extract_article(
        make_article(
            "t-release-while",
            "Hamas released three Israeli captives in Khan Younis on Saturday, while the "
            "occupation authorities freed 369 Palestinian prisoners from its jails.",
            published="2025-02-15",
        )
    )
    by_kind = {
        e.kind: {p.entity_id for p in e.participants if p.role is Role.ACTOR} for e in facts.events
    }
    assert by_kind.get(EventKind.PRISONER_RELEASE) == {"israel"}
    assert by_kind.get(EventKind.HOSTAGE_RELEASE) == {"hamas"}


def test_extract_name_recognised_once_is_recognised_wherever_the_story_writes_it() -> None:
    facts = extract_article(
        make_article(
            "t-repeat",
            "Azure Front Frees 28 Hostages\n\nThe Azure Front freed 28 hostages last Sunday.\n\n"
            "The Norlandic government and the Azure Front agreed to a phased ceasefire in "
            "talks mediated by Ostreva.",
            published="2032-01-20",
        )
    )
    releases = [e for e in facts.events if e.kind is EventKind.HOSTAGE_RELEASE]
    assert [{p.entity_id for p in e.participants} for e in releases] == [{"azure-front"}]
