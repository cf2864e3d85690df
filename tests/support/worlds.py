"""A small invented world for the API tests: two rounds of talks, delegations, a killing that
caused a statement that preceded a round. All names and places are made up."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.main import create_app
from api.schemas import IngestRequest
from api.settings import ApiSettings
from graph.models import (
    Article,
    ArticleFacts,
    DatePrecision,
    Entity,
    EntityType,
    Event,
    EventKind,
    Evidence,
    NodeLabel,
    Participant,
    Predicate,
    Relation,
    Role,
    slugify,
)
from graph.store import GraphStore
from tests.support.factories import evidence

API_KEY = "test-key-0123456789"
MAX_BYTES = 20_000

A1 = "a1-veltara-report"
A2 = "a2-carnisport-report"
A1_TEXT = (
    "Envoys met in Veltara on Monday. The Ostrian delegation attended the Veltara round. "
    "Ana Lúcia Brandt is part of the Ostrian delegation. Tomas Ekk heads the Ostrian delegation. "
    "Jorah Vell also attended. Qeshet hosted and mediated the talks."
)
A2_TEXT = (
    "Sela Mirren was killed by Ostria on April 10. The Red Lantern Front vowed retaliation. "
    "The vow came before the Carnisport round. The Mirland delegation attended in Carnisport. "
    "Dov Kessel is a member of the Mirland delegation. Qeshet mediated in Carnisport. "
    "The Front demanded an end to the blockade. Envoys had met in secret once before. "
    "Talks in Veltara were recalled. Sela Mirren belonged to the Red Lantern Front."
)


def _entity(
    id_: str, type_: EntityType, name: str, *aliases: str, roles: tuple[str, ...] = ()
) -> Entity:
    return Entity(id=id_, type=type_, name=name, aliases=aliases, roles=roles)


def article_one() -> ArticleFacts:
    """The first round of talks, in Veltara, and who attended it."""
    q = functools.partial(evidence, A1, A1_TEXT)
    ents = (
        _entity("ostria", EntityType.COUNTRY, "Ostria"),
        _entity("qeshet", EntityType.COUNTRY, "Qeshet"),
        _entity("red-lantern-front", EntityType.ORGANIZATION, "Red Lantern Front", "the Front"),
        _entity("veltara", EntityType.PLACE, "Veltara"),
        _entity("ostrian-delegation", EntityType.DELEGATION, "Ostrian delegation"),
        _entity(
            "ana-lucia-brandt",
            EntityType.PERSON,
            "Ana Lúcia Brandt",
            "Brandt",
            roles=("chief negotiator",),
        ),
        _entity("tomas-ekk", EntityType.PERSON, "Tomas Ekk", "Ekk"),
        _entity("jorah-vell", EntityType.PERSON, "Jorah Vell", "Vell"),
    )
    round1 = Event(
        id="veltara-round-1",
        kind=EventKind.TALKS,
        label="First round of talks in Veltara",
        date="2024-03-04",
        date_precision=DatePrecision.DAY,
        place_id="veltara",
        participants=(
            Participant(entity_id="ostria", role=Role.ATTENDEE),
            Participant(entity_id="red-lantern-front", role=Role.ATTENDEE),
            Participant(
                entity_id="qeshet",
                role=Role.MEDIATOR,
                evidence=q("Qeshet hosted and mediated the talks."),
            ),
            Participant(entity_id="qeshet", role=Role.HOST),
        ),
        evidence=(q("Envoys met in Veltara on Monday."),),
    )
    rels = (
        Relation(
            subject_id="ostrian-delegation",
            predicate=Predicate.ATTENDED,
            object_id="veltara-round-1",
            object_label=NodeLabel.EVENT,
            evidence=q("The Ostrian delegation attended the Veltara round."),
        ),
        Relation(
            subject_id="ana-lucia-brandt",
            predicate=Predicate.MEMBER_OF,
            object_id="ostrian-delegation",
            evidence=q("Ana Lúcia Brandt is part of the Ostrian delegation."),
        ),
        Relation(
            subject_id="tomas-ekk",
            predicate=Predicate.LEADS,
            object_id="ostrian-delegation",
            evidence=q("Tomas Ekk heads the Ostrian delegation."),
        ),
        Relation(
            subject_id="jorah-vell",
            predicate=Predicate.ATTENDED,
            object_id="veltara-round-1",
            object_label=NodeLabel.EVENT,
            evidence=q("Jorah Vell also attended."),
        ),
    )
    return ArticleFacts(
        article=_article(A1, A1_TEXT, "Talks open in Veltara", "2024-03-05"),
        entities=ents,
        events=(round1,),
        relations=rels,
    )


def article_two() -> ArticleFacts:
    """A killing that caused a statement that preceded the second round, in Carnisport."""
    q = functools.partial(evidence, A2, A2_TEXT)
    ents = (
        _entity("ostria", EntityType.COUNTRY, "Ostria"),
        _entity("qeshet", EntityType.COUNTRY, "Qeshet"),
        _entity("red-lantern-front", EntityType.ORGANIZATION, "Red Lantern Front", "the Front"),
        _entity("sela-mirren", EntityType.PERSON, "Sela Mirren", "Mirren"),
        _entity("carnisport", EntityType.PLACE, "Carnisport"),
        _entity("veltara", EntityType.PLACE, "Veltara"),
        _entity("mirland-delegation", EntityType.DELEGATION, "Mirland delegation"),
        _entity("dov-kessel", EntityType.PERSON, "Dov Kessel", "Kessel"),
    )
    killing = Event(
        id="mirren-killing",
        kind=EventKind.KILLING,
        label="Sela Mirren killed",
        date="2024-04-10",
        date_precision=DatePrecision.DAY,
        participants=(
            Participant(entity_id="sela-mirren", role=Role.VICTIM),
            Participant(entity_id="ostria", role=Role.PERPETRATOR),
        ),
        evidence=(q("Sela Mirren was killed by Ostria on April 10."),),
    )
    vow = Event(
        id="front-vow",
        kind=EventKind.STATEMENT,
        label="The Front vows retaliation",
        date="2024-04-11",
        date_precision=DatePrecision.DAY,
        participants=(Participant(entity_id="red-lantern-front", role=Role.ACTOR),),
        evidence=(q("The Red Lantern Front vowed retaliation."),),
    )
    round2 = Event(
        id="carnisport-round-2",
        kind=EventKind.TALKS,
        label="Second round in Carnisport",
        date="2024-04-18",
        date_precision=DatePrecision.DAY,
        place_id="carnisport",
        participants=(
            Participant(
                entity_id="mirland-delegation",
                role=Role.ATTENDEE,
                evidence=q("The Mirland delegation attended in Carnisport."),
            ),
        ),
        evidence=(q("The Mirland delegation attended in Carnisport."),),
    )
    secret = Event(
        id="secret-meeting",
        kind=EventKind.TALKS,
        label="A secret earlier meeting",
        evidence=(q("Envoys had met in secret once before."),),
    )
    round1 = Event(
        id="veltara-round-1",
        kind=EventKind.TALKS,
        label="First round of talks in Veltara",
        place_id="veltara",
        evidence=(q("Talks in Veltara were recalled."),),
    )
    rels = (
        Relation(
            subject_id="ostria",
            predicate=Predicate.KILLED,
            object_id="sela-mirren",
            evidence=q("Sela Mirren was killed by Ostria on April 10."),
        ),
        Relation(
            subject_id="mirren-killing",
            subject_label=NodeLabel.EVENT,
            predicate=Predicate.CAUSED,
            object_id="front-vow",
            object_label=NodeLabel.EVENT,
            evidence=q("The Red Lantern Front vowed retaliation."),
        ),
        Relation(
            subject_id="front-vow",
            subject_label=NodeLabel.EVENT,
            predicate=Predicate.PRECEDED,
            object_id="carnisport-round-2",
            object_label=NodeLabel.EVENT,
            evidence=q("The vow came before the Carnisport round."),
        ),
        Relation(
            subject_id="dov-kessel",
            predicate=Predicate.MEMBER_OF,
            object_id="mirland-delegation",
            evidence=q("Dov Kessel is a member of the Mirland delegation."),
        ),
        Relation(
            subject_id="qeshet",
            predicate=Predicate.MEDIATED,
            object_id="carnisport-round-2",
            object_label=NodeLabel.EVENT,
            evidence=q("Qeshet mediated in Carnisport."),
        ),
        Relation(
            subject_id="sela-mirren",
            predicate=Predicate.MEMBER_OF,
            object_id="red-lantern-front",
            evidence=q("Sela Mirren belonged to the Red Lantern Front."),
        ),
        Relation(
            subject_id="red-lantern-front",
            predicate=Predicate.DEMANDED,
            object_text="an end to the blockade",
            evidence=q("The Front demanded an end to the blockade."),
        ),
    )
    return ArticleFacts(
        article=_article(A2, A2_TEXT, "A killing, a vow, and talks in Carnisport", "2024-04-20"),
        entities=ents,
        events=(killing, vow, round2, secret, round1),
        relations=rels,
    )


def _article(id_: str, text: str, title: str, published: str) -> Article:
    return Article(
        id=id_,
        title=title,
        source="The Invented Courier",
        url=f"https://x.test/{id_}",
        author="A. Writer",
        published=published,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )


def load_world(store: GraphStore) -> None:
    """Writes both invented articles."""
    store.write_article(article_one())
    store.write_article(article_two())


def facts_from_text(req: IngestRequest) -> ArticleFacts:
    """A stand-in for the NLP: every run of capitalised words is an organization."""
    entities: dict[str, Entity] = {}
    for m in re.finditer(r"[^.!?]+[.!?]?", req.text):
        sentence = m.group().strip()
        if not sentence:
            continue
        start = req.text.index(sentence, m.start())
        ev = Evidence(article_id=req.id, sentence=sentence, start=start, end=start + len(sentence))
        for name in re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", sentence):
            id_ = slugify(name)
            if id_ not in entities:
                entities[id_] = Entity(
                    id=id_, type=EntityType.ORGANIZATION, name=name, evidence=(ev,)
                )
    article = Article(
        id=req.id,
        title=req.title,
        source=req.source,
        url=req.url,
        author=req.author,
        published=req.published,
        content_hash=hashlib.sha256(req.text.encode()).hexdigest(),
        text=req.text,
    )
    return ArticleFacts(article=article, entities=tuple(entities.values()))


def api_settings(base: ApiSettings, **changes: object) -> ApiSettings:
    """The session's database settings with an API key and a small body cap."""
    update: dict[str, object] = {
        "kg_api_key": SecretStr(API_KEY),
        "kg_max_article_bytes": MAX_BYTES,
    }
    update.update(changes)
    return base.model_copy(update=update)


@contextmanager
def api_client(settings: ApiSettings, ingest: bool = True) -> Iterator[TestClient]:
    """A client of a fresh app (lifespan run) over the database of `settings`."""
    app = create_app(settings, ingest=facts_from_text if ingest else None)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
