"""Types of names the dictionary lacks: gazetteer countries and places, head nouns, person cues."""

from __future__ import annotations

from graph.models import ArticleFacts, EntityType
from loaders.extract import extract_article
from loaders.gazetteer import load_gazetteer
from loaders.nlp import load_type_words
from tests.support.factories import make_article


def _types(facts: ArticleFacts) -> dict[str, EntityType]:
    return {e.id: e.type for e in facts.entities}


def _facts(text: str) -> ArticleFacts:
    return extract_article(make_article("t-kinds", text))


def test_gazetteer_knows_countries_by_common_and_official_names() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.kind("Sudan") is EntityType.COUNTRY
    assert gazetteer.kind("the Philippines") is EntityType.COUNTRY
    assert gazetteer.country("Arab Republic of Egypt") == "Egypt"
    assert gazetteer.kind("Warsaw") is EntityType.PLACE
    assert gazetteer.kind("New Jersey") is EntityType.PLACE
    assert gazetteer.kind("Norland") is None


def test_type_words_load_and_validate() -> None:
    words = load_type_words()
    assert "airport" in words.facility_nouns
    assert "defence" in words.portfolios


def test_extract_real_country_and_cities_get_their_gazetteer_types() -> None:
    types = _types(
        _facts(
            "Workers from Thailand and one from the Philippines were freed. "
            "He had served in Sudan and met officials in Jeddah and Warsaw before flying "
            "to New Jersey."
        )
    )
    assert types.get("philippines") is EntityType.COUNTRY
    assert types.get("sudan") is EntityType.COUNTRY
    assert types.get("jeddah") is EntityType.PLACE
    assert types.get("warsaw") is EntityType.PLACE
    assert types.get("new-jersey") is EntityType.PLACE


def test_extract_facility_noun_makes_a_place() -> None:
    types = _types(_facts("Ben Gurion Airport stopped outgoing flights for about two hours."))
    assert types.get("ben-gurion-airport") is EntityType.PLACE


def test_extract_name_takes_its_head_noun_and_keeps_the_short_alias() -> None:
    facts = _facts(
        "The Histadrut, Israel's largest union, called a strike. "
        "The strike called by the Histadrut labour federation ended at noon."
    )
    entity = next(e for e in facts.entities if "Histadrut" in (e.name, *e.aliases))
    assert entity.type is EntityType.ORGANIZATION
    assert "Histadrut labour federation" in (entity.name, *entity.aliases)


def test_extract_age_apposition_makes_a_person() -> None:
    types = _types(
        _facts("The six were named as Alex Lobanov, 32, Carmel Gat, 40, and Almog Sarusi, 27.")
    )
    assert types.get("carmel-gat") is EntityType.PERSON


def test_extract_fragment_before_a_dictionary_country_is_the_country() -> None:
    types = _types(_facts("Talks were hosted by the Arab Republic of Egypt on Monday."))
    assert types.get("egypt") is EntityType.COUNTRY
    assert not any(key.endswith("-of") for key in types)


def test_extract_junk_spans_are_not_entities() -> None:
    types = _types(
        _facts(
            "By continuing to browse you accept our Cookie Policy. "
            "Military spokesman Rear Adm. Daniel Hagari said troops found them. "
            "Defence Minister Yoav Gallant called on the cabinet to convene. "
            "Secretary of State Antony Blinken is due in Israel."
        )
    )
    assert "cookie-policy" not in types
    assert "rear-adm" not in types
    assert "defence" not in types
    assert "state" not in types
    assert types.get("daniel-hagari") is EntityType.PERSON


def test_peoples_weapons_and_apps_are_not_entities() -> None:
    text = (
        "Katyusha rockets were fired at a Bedouin village on Monday, residents said on WhatsApp, "
        "hours before the State of the Union address."
    )
    facts = extract_article(make_article("t-stop-names", text, published="2024-03-08"))
    assert not {"katyusha", "bedouin", "whatsapp", "state-of-the-union"} & {
        e.id for e in facts.entities
    }
