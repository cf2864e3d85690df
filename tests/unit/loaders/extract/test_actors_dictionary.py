"""The actor dictionary and the pattern file are valid data."""

from __future__ import annotations

import pytest

from graph.models import EntityType, slugify
from loaders.extract import extract_article
from loaders.nlp import load_actors, load_patterns, parse_actors
from tests.support.factories import make_article


def test_actors_dictionary_has_unique_ids_and_valid_types() -> None:
    actors = load_actors().actors
    assert len(actors) > 150
    for actor in actors.values():
        assert isinstance(actor.type, EntityType)
        assert actor.id == slugify(actor.id)
        assert actor.name.strip()


def test_actors_dictionary_references_resolve() -> None:
    actors = load_actors().actors
    for actor in actors.values():
        for ref in (*actor.leads, *actor.member_of):
            assert ref in actors, (actor.id, ref)
        if actor.country:
            assert actors[actor.country].type in (EntityType.COUNTRY, EntityType.PLACE)


def test_actors_dictionary_forms_name_one_actor_each() -> None:
    owners: dict[str, set[str]] = {}
    for form, actor_id in load_actors().forms():
        owners.setdefault(form, set()).add(actor_id)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_parse_actors_rejects_duplicate_ids() -> None:
    row = {"id": "x-org", "name": "X Org", "type": "Organization"}
    with pytest.raises(ValueError, match="duplicate"):
        parse_actors([row, row])


def test_patterns_name_known_kinds() -> None:
    patterns = load_patterns()
    assert {"talks", "delegation", "events", "relations", "titles", "ner"} <= set(patterns)
    assert patterns["titles"]["leader"] and patterns["titles"]["member"]


def test_the_war_cabinet_and_the_security_cabinet_are_two_bodies() -> None:
    text = (
        "Israel's war cabinet met on Monday. Gallant called on the security cabinet to reverse "
        "its decision on Thursday."
    )
    facts = extract_article(make_article("t-cabinets", text, published="2024-09-02"))
    ids = {e.id for e in facts.entities}
    assert {"israeli-war-cabinet", "israeli-security-cabinet"} <= ids, ids
