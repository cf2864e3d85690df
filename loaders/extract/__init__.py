"""Article text in, provenance-tracked facts out: entities, events and relations.

The steps run over the spaCy parse in the order `loaders.extract.steps.STEPS` declares.
"""

from __future__ import annotations

from graph.models import Article, ArticleFacts
from loaders.extract.assemble import assemble_facts
from loaders.extract.claimants import attribute_claimants
from loaders.extract.context import ArticleContext
from loaders.extract.steps import run_steps
from loaders.nlp import load_actors, load_patterns, load_pipeline

__all__ = ["extract_article"]


def extract_article(article: Article) -> ArticleFacts:
    """Extract the facts one article states, each with its evidence sentence."""
    doc = load_pipeline()(article.text)
    ctx = ArticleContext(article, doc, load_actors(), load_patterns())
    run_steps(ctx)
    return attribute_claimants(assemble_facts(ctx), ctx)
