"""The extraction pipeline, declared in one place: the steps over one article's parse, in order.

Each step is a function of the `ArticleContext` (the spaCy `Doc`, its sentences and the drafts
of facts found so far). `reads` and `writes` name the parts of the context a step uses, so a
reader can follow the data from the parse to the facts without opening every module:

    mentions      entity mentions and entity drafts (`ctx.mentions`, `ctx.entities`)
    events        event drafts (`ctx.events`), with their triggers, dates and participants
    talks_sents   the talks event each sentence that reports a round belongs to
    relations     relation drafts (`ctx.relations`)
    status        the claim status of event and relation drafts

Word lists and cue words come from loaders/data (patterns.json, validated by
`loaders.lexicon.Lexicon`; actors.json; types.json), never from the steps' code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from loaders.extract.appeals import collect_appeals
from loaders.extract.attendance import collect_attendance
from loaders.extract.bodies import collect_bodies
from loaders.extract.claims import mark_claims
from loaders.extract.context import ArticleContext
from loaders.extract.countries import retype_countries
from loaders.extract.descriptions import collect_descriptions
from loaders.extract.entities import collect_affiliations, collect_mentions
from loaders.extract.events import collect_delegations, collect_rounds, finish_talks
from loaders.extract.groups import collect_groups
from loaders.extract.happenings import collect_killings, strike_killings
from loaders.extract.leadership import collect_leadership
from loaders.extract.links import collect_links, drop_undated_statements, fold_undated
from loaders.extract.mediation import link_mediators
from loaders.extract.meetings import collect_meetings
from loaders.extract.occurrences import collect_occurrences
from loaders.extract.onset import collect_onsets
from loaders.extract.order import collect_order
from loaders.extract.relations import collect_relations, merge_similar_objects
from loaders.extract.releases import collect_releases
from loaders.extract.requests import link_requests
from loaders.extract.rounds import merge_rounds, merge_same_day
from loaders.extract.staff import drop_staff
from loaders.extract.stances import collect_stances
from loaders.extract.withdrawals import collect_withdrawals


@dataclass(frozen=True)
class Step:
    """One step of extraction: what it does, what it reads and what it writes."""

    name: str
    run: Callable[[ArticleContext], None]
    reads: tuple[str, ...]
    writes: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step("mentions", collect_mentions, ("doc",), ("mentions",)),
    Step("staff", drop_staff, ("mentions",), ("mentions",)),
    Step("countries", retype_countries, ("mentions",), ("mentions",)),
    Step("bodies", collect_bodies, ("mentions",), ("mentions",)),
    Step("groups", collect_groups, ("mentions",), ("mentions",)),
    Step("affiliations", collect_affiliations, ("mentions",), ("relations",)),
    Step("leadership", collect_leadership, ("mentions",), ("relations",)),
    Step("descriptions", collect_descriptions, ("mentions", "relations"), ("mentions",)),
    Step("meetings", collect_meetings, ("mentions",), ("events", "relations")),
    Step("rounds", collect_rounds, ("mentions", "events"), ("events", "talks_sents")),
    Step("delegations", collect_delegations, ("talks_sents",), ("mentions", "events")),
    Step("attendance", collect_attendance, ("talks_sents",), ("events", "relations")),
    Step("killings", collect_killings, ("mentions",), ("events", "relations")),
    Step("withdrawals", collect_withdrawals, ("talks_sents",), ("events", "relations")),
    Step("releases", collect_releases, ("mentions",), ("events",)),
    Step("occurrences", collect_occurrences, ("mentions", "events"), ("events", "relations")),
    Step("onsets", collect_onsets, ("mentions",), ("events",)),
    Step("struck", strike_killings, ("events",), ("events", "relations")),
    Step("undated", fold_undated, ("events",), ("events", "relations")),
    Step("links", collect_links, ("events",), ("relations",)),
    Step("statements", drop_undated_statements, ("events",), ("events",)),
    Step("order", collect_order, ("events",), ("relations",)),
    Step("mediators", link_mediators, ("events",), ("events", "relations")),
    Step("merge rounds", merge_rounds, ("events", "relations"), ("events", "relations")),
    Step("same day", merge_same_day, ("events", "relations"), ("events", "relations")),
    Step("requests", link_requests, ("events",), ("relations",)),
    Step("hosts", finish_talks, ("events",), ("events",)),
    Step("demands", collect_relations, ("mentions", "events"), ("relations",)),
    Step("stances", collect_stances, ("mentions", "events"), ("relations",)),
    Step("appeals", collect_appeals, ("mentions",), ("relations",)),
    Step("same demands", merge_similar_objects, ("relations",), ("relations",)),
    Step("claims", mark_claims, ("events", "relations"), ("status",)),
)


def run_steps(ctx: ArticleContext) -> None:
    """Run every step of the pipeline over one article's context, in order."""
    for step in STEPS:
        step.run(ctx)
