"""Countries the dictionary lacks: demonyms, state nouns, delegations; venues stay places."""

from __future__ import annotations

from graph.models import ArticleFacts, EntityType, Predicate
from loaders.extract import extract_article
from loaders.extract.countries import is_demonym
from tests.support.factories import make_article


def _types(facts: ArticleFacts) -> dict[str, EntityType]:
    return {e.id: e.type for e in facts.entities}


def test_is_demonym_matches_common_endings() -> None:
    assert is_demonym("Norlandic", "Norland")
    assert is_demonym("Ostrevan", "Ostreva")
    assert is_demonym("Vesmari", "Vesmar")
    assert not is_demonym("Norland", "Norland")
    assert not is_demonym("Harbour", "Harrow Valley")


def test_extract_demonym_with_government_makes_a_country() -> None:
    facts = extract_article(
        make_article(
            "t-country-1",
            "The Norlandic government rejected the plan on Monday. "
            "Norland has demanded the release of all prisoners.",
        )
    )
    types = _types(facts)
    assert types.get("norland") is EntityType.COUNTRY
    norland = next(e for e in facts.entities if e.id == "norland")
    assert "Norlandic" in norland.aliases


def test_extract_republic_of_name_is_the_country() -> None:
    facts = extract_article(
        make_article(
            "t-country-2",
            "Talks opened in Calder Bay on Friday under the auspices of the Republic of Kastel. "
            "Kastel presented a new proposal.",
        )
    )
    types = _types(facts)
    assert types.get("kastel") is EntityType.COUNTRY
    assert "republic-of-kastel" not in types


def test_extract_delegation_of_unknown_country_attends_the_round() -> None:
    facts = extract_article(
        make_article(
            "t-country-3",
            "A new round of negotiations between Norland and the Azure Front opened in "
            "Calder Bay on Friday. The Norland delegation included Stefan Kovac.",
        )
    )
    types = _types(facts)
    assert types.get("norland") is EntityType.COUNTRY
    assert types.get("calder-bay") is EntityType.PLACE
    delegations = [e for e in facts.entities if e.type is EntityType.DELEGATION]
    assert [d.name for d in delegations] == ["Norland delegation"]
    attended = {
        s
        for s, _ in (
            (r.subject_id, r.object_id)
            for r in facts.relations
            if r.predicate is Predicate.ATTENDED
        )
    }
    assert {"norland", delegations[0].id} <= attended


def test_extract_organization_with_the_article_stays_an_organization() -> None:
    facts = extract_article(
        make_article(
            "t-country-4",
            "The Azure Front negotiating team arrived in Port Azur on Monday. "
            "The Azure Front said it wanted guarantees.",
        )
    )
    assert _types(facts).get("azure-front") is EntityType.ORGANIZATION
