"""Article text in, provenance-tracked facts out: entities, events and relations."""

from __future__ import annotations

from graph.models import Article, ArticleFacts
from loaders.extract.assemble import assemble_facts
from loaders.extract.claims import mark_claims
from loaders.extract.context import ArticleContext
from loaders.extract.countries import retype_countries
from loaders.extract.entities import collect_affiliations, collect_mentions
from loaders.extract.events import collect_events
from loaders.extract.relations import collect_relations
from loaders.nlp import load_actors, load_patterns, load_pipeline

__all__ = ["extract_article"]


def extract_article(article: Article) -> ArticleFacts:
    """Extract the facts one article states, each with its evidence sentence."""
    doc = load_pipeline()(article.text)
    ctx = ArticleContext(article, doc, load_actors(), load_patterns())
    collect_mentions(ctx)
    retype_countries(ctx)
    collect_affiliations(ctx)
    collect_events(ctx)
    collect_relations(ctx)
    mark_claims(ctx)
    return assemble_facts(ctx)
