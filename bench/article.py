"""One synthetic wire report: a headline, a dateline, 4-12 paragraphs and maybe page junk."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from bench.compose import ArticleWriter, DateMention, _Pending
from bench.dating import format_dateline
from bench.junk import add_junk
from bench.stories import say_cause, say_event, say_preceded, say_rejection, say_talks
from bench.truth import TruthRecorder
from bench.world import PARTIES, World, WorldEvent, load_templates, load_vocab
from graph.models import EventKind, Predicate

Block = Callable[[], list[str]]
SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}
)


@dataclass(frozen=True)
class RenderedArticle:
    """The text of one article, its manifest entry and the date phrases it used."""

    article_id: str
    text: str
    published: dt.date
    title: str
    source: str
    author: str | None
    junk: bool
    dates: tuple[DateMention, ...]


def title_case(text: str) -> str:
    """Headline capitalisation: every word but short function words."""
    words = text.split()
    return " ".join(
        w if (i and w.lower() in SMALL_WORDS) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _plain(world: World, actor_id: str) -> str:
    return world.actors[actor_id].name


def write_headline(world: World, ev: WorldEvent, future: bool, rng: random.Random) -> str:
    """A headline about the article's main event."""
    kind = "talks_future" if future and ev.kind is EventKind.TALKS else ev.kind.value
    roles = ev.roles
    first = {r: _plain(world, ids[0]) for r, ids in roles.items() if ids}
    values = {
        "A": _plain(world, roles.get("attendee", roles.get("actor", ("norland",)))[0]),
        "B": _plain(world, (roles.get("attendee") or roles.get("actor") or ("", "vesmar"))[-1]),
        "Place": _plain(world, ev.place) if ev.place else "the Region",
        "Host": first.get("host", ""),
        "Victim": first.get("victim", ""),
        "Perp": first.get("perpetrator", ""),
        "Actor": first.get("actor", ""),
        "Proposer": first.get("proposer", ""),
        "Supplier": first.get("actor", ""),
        "Recipient": first.get("target", ""),
        "Number": str(ev.number),
        "Plan": ev.detail,
        "Weapons": ev.detail,
    }
    if ev.kind is EventKind.WITHDRAWAL:
        values["Place"] = _plain(world, world.by_id[ev.talks or ""].place or "")
    template = rng.choice(load_templates()[f"headline_{kind}"])
    return title_case(template.format_map(values))


class ArticlePlanner:
    """Chooses what one article reports and in which order."""

    def __init__(
        self, world: World, truth: TruthRecorder, seed: int, index: int, n_articles: int
    ) -> None:
        self.world, self.truth = world, truth
        self.rng = random.Random(f"article:{seed}:{index}")
        self.article_id = f"syn-{index:06d}"
        events = world.events
        k = min(len(events) - 1, index * len(events) // n_articles)
        self.k = max(0, min(len(events) - 1, k + self.rng.choice((-1, 0, 0, 0, 1))))
        self.focus = events[self.k]
        self.preview = self.focus.kind is EventKind.TALKS and self.rng.random() < 0.3
        offset = -self.rng.randint(1, 6) if self.preview else self.rng.choice((0, 0, 1, 1, 2, 3))
        self.published = self.focus.date + dt.timedelta(days=offset)
        self.writer = ArticleWriter(world, truth, self.article_id, self.published, self.rng)

    def blocks(self) -> list[Block]:  # noqa: C901
        """The reported items after the lead, in random order."""
        w, rng, focus, world = self.writer, self.rng, self.focus, self.world
        out: list[Block] = []
        if focus.cause is not None and rng.random() < 0.8:
            cause = world.by_id[focus.cause]
            out.append(lambda: say_cause(w, cause, focus) or say_event(w, cause))
        for effect_id in world.effects.get(focus.id, ()):
            effect = world.by_id[effect_id]
            if effect.date <= self.published:
                out.append(partial(self._caused, effect))
        if focus.previous is not None and not self.preview and rng.random() < 0.5:
            prev = world.by_id[focus.previous]
            out.append(lambda: [say_preceded(w, prev, focus)])
        if focus.rejected_by and rng.random() < 0.7:
            out.append(lambda: [say_rejection(w, focus)])
        earlier = [
            e
            for e in world.events[max(0, self.k - 40) : self.k]
            if e.date < self.published and e.id != focus.cause
        ]
        for ev in rng.sample(earlier, min(len(earlier), rng.randint(1, 4))):
            out.append(partial(say_event, w, ev, rng.random() < 0.75))
        if not self.preview and rng.random() < 0.3:
            upcoming = [
                e
                for e in world.events[self.k + 1 : self.k + 40]
                if e.kind is EventKind.TALKS and 0 < (e.date - self.published).days <= 13
            ]
            if upcoming:
                out.append(lambda: say_talks(w, upcoming[0]))
        for _ in range(rng.randint(1, 3)):
            out.append(self._demand)
        for _ in range(rng.choice((0, 1, 1, 2))):
            out.append(self._accusation)
        for _ in range(rng.randint(1, 2)):
            out.append(self._quote)
        for filler in rng.sample(load_vocab()["fillers"], rng.randint(2, 4)):
            out.append(partial(list, (filler,)))
        rng.shuffle(out)
        return out

    def _caused(self, effect: WorldEvent) -> list[str]:
        return say_cause(self.writer, self.focus, effect) or say_event(self.writer, effect)

    def _demand(self) -> list[str]:
        w, rng, vocab = self.writer, self.rng, load_vocab()
        actor = rng.choice((*PARTIES, *[p for p in self._people() if p]))
        front = w.world.actors[rng.choice(("harrow-valley", "eastgate", "saltmere", "kollin"))]
        country = rng.choice(("norland", "vesmar"))
        demand = rng.choice(vocab["demands"]).format(
            adjective=w.world.actors[country].adjective,
            front=front.text,
            country=w.world.actors[country].name,
            mediator=rng.choice(("Kastel", "Ostreva")),
        )

        def actor_slot(pending: _Pending) -> str:
            pending.relations.append((actor, Predicate.DEMANDED, None, demand))
            return w.name(actor, pending)

        return [w.write("demand", {"actor": actor_slot, "demand": w.text_slot(demand)})]

    def _people(self) -> list[str]:
        return [p for ids in self.focus.delegations.values() for p in ids]

    def _accusation(self) -> list[str]:
        w, rng, vocab = self.writer, self.rng, load_vocab()
        accuser, accused = rng.sample(PARTIES, 2)

        def accuser_slot(pending: _Pending) -> str:
            pending.relations.append((accuser, Predicate.ACCUSED, accused, None))
            return w.name(accuser, pending)

        slots = {
            "accuser": accuser_slot,
            "accused": lambda p: w.name(accused, p),
            "charge": w.text_slot(rng.choice(vocab["accusations"])),
            "blame": w.text_slot(rng.choice(vocab["blames"])),
        }
        return [w.write("accuse", slots)]

    def _quote(self) -> list[str]:
        w, rng = self.writer, self.rng
        speakers = self._people() or list(w.introduced) or self.world.spokespeople
        speaker = rng.choice(speakers)
        quote = rng.choice(load_vocab()["quotes"]).rstrip(".") + ","
        return [
            w.write("quote", {"quote": w.text_slot(quote), "speaker": lambda p: w.name(speaker, p)})
        ]

    def render(self, junk_rate: float) -> RenderedArticle:
        """Write the article: lead first, then 4-12 paragraphs in all, then any junk."""
        rng, vocab = self.rng, load_vocab()
        lead = say_event(self.writer, self.focus)
        paragraphs = [" ".join(lead)]
        target = rng.randint(4, 12)
        for block in self.blocks():
            if len(paragraphs) >= target:
                break
            sentences = block()
            if len(paragraphs) > 1 and rng.random() < 0.5:
                paragraphs[-1] += " " + " ".join(sentences)
            else:
                paragraphs.append(" ".join(sentences))
        if len(paragraphs) < 4:
            spare = [f for f in vocab["fillers"] if all(f not in p for p in paragraphs)]
            paragraphs.extend(rng.sample(spare, 4 - len(paragraphs)))
        source, author = rng.choice(vocab["sources"]), rng.choice(vocab["authors"])
        title = write_headline(self.world, self.focus, self.preview, rng)
        top = [title]
        if rng.random() < 0.6:
            top.append(format_dateline(self.published, rng))
        byline = rng.random() < 0.4
        if byline:
            top.append(f"By {author}")
        junk = rng.random() < junk_rate
        body = add_junk(paragraphs, rng, vocab, author, source) if junk else paragraphs
        return RenderedArticle(
            self.article_id,
            "\n\n".join(top + body) + "\n",
            self.published,
            title,
            source,
            author if byline or rng.random() < 0.5 else None,
            junk,
            tuple(self.writer.dates),
        )


def render_article(
    world: World, truth: TruthRecorder, seed: int, index: int, n_articles: int, junk_rate: float
) -> RenderedArticle:
    """Article number `index` of the corpus, its facts recorded in `truth`."""
    return ArticlePlanner(world, truth, seed, index, n_articles).render(junk_rate)
