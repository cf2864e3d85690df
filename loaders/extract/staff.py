"""The outlet's own people are not actors of the story: bylines, anchors and correspondents.

Staff are the article's author (its metadata), the names of a byline ('By Karim Haddad'), the
speakers of a transcript ('KHALED NASSER (DOHA):', 'MANSOUR:') and those the text introduces
as its own ('our correspondent Leila Mansour'); the outlet itself is the article's source.
Their mentions are dropped before any fact is built on them.
"""

from __future__ import annotations

import re

from graph.models import EntityType
from loaders.extract.context import ArticleContext, Mention
from loaders.gazetteer import fold

# A transcript's speaker label at the start of a line: 'KHALED NASSER (DOHA):', 'HOST (X):'.
_SPEAKER = re.compile(
    r"(?m)^\s*([A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3})\s*(?:\(([^)]*)\))?:"
)
_BYLINE = re.compile(r"(?m)^\s*By\s+([A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3})\s*$")


def _staff_names(ctx: ArticleContext) -> set[str]:
    """Folded full names and surnames of the outlet's people in this article."""
    text = ctx.article.text
    names: list[str] = []
    if ctx.article.author:
        names.append(ctx.article.author)
    names += _BYLINE.findall(text)
    for label, inside in _SPEAKER.findall(text):
        names.append(label)
        if inside and inside.upper() != inside:
            continue
        names.append(inside)  # 'HOST (DANIEL REEVE):'
    intro = "|".join(map(re.escape, ctx.patterns["staff"]["introductions"]))
    name = r"([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})"
    names += re.findall(r"\b(?i:" + intro + r")\s+" + name, text)
    out: set[str] = set()
    roles = set(ctx.patterns["staff"]["roles"])
    for name in names:
        words = [w for w in fold(name).split() if w not in roles]
        if words:
            out.add(" ".join(words))
            if len(words) > 1:
                out.add(words[-1])
    return out


def _is_staff(ctx: ArticleContext, m: Mention, staff: set[str]) -> bool:
    if m.type is EntityType.PERSON:
        return fold(m.text) in staff  # a full name, or a surname alone ('MANSOUR:')
    source = ctx.article.source
    return m.type is EntityType.ORGANIZATION and bool(source) and fold(m.text) == fold(source or "")


def drop_staff(ctx: ArticleContext) -> None:
    """Remove the mentions (and entities) of the outlet's people and of the outlet."""
    staff = _staff_names(ctx)
    gone = [m for m in ctx.mentions if _is_staff(ctx, m, staff)]
    if not gone:
        return
    for m in gone:
        ctx.mentions.remove(m)
        for i in range(m.start, m.end):
            if ctx.mention_of.get(i) is m:
                del ctx.mention_of[i]
    kept = {m.entity_id for m in ctx.mentions}
    for m in gone:
        if m.entity_id not in kept:
            ctx.entities.pop(m.entity_id, None)
