"""Entity mentions (dictionary, then NER), short-name resolution, titles as roles and edges."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.models import EntityType, Predicate
from loaders.extract.context import (
    DICTIONARY_CONFIDENCE,
    NER_CONFIDENCE,
    ArticleContext,
    Mention,
)
from loaders.extract.kinds import decide_types, group_keys
from loaders.extract.names import Candidate, name_candidates
from loaders.resolve import NameResolver

_WINDOW_POS = {"PROPN", "NOUN", "ADJ", "PART"}
_WINDOW_WORDS = {"of", "\u2019s", "'s", "-"}


def collect_mentions(ctx: ArticleContext) -> None:
    """Find every entity mention of the article, resolving short person names."""
    resolver = NameResolver()
    cands = name_candidates(ctx)
    keys = group_keys(ctx, cands)
    types = decide_types(ctx, cands, keys)
    for cand, key in zip(cands, keys, strict=True):
        if cand.actor_id is not None:
            _add_dictionary_mention(ctx, cand, resolver)
            continue
        text = cand.text(ctx.doc)
        type_ = types[key]
        known_person = resolver.resolve(text) if len(text.split()) == 1 else None
        if known_person is not None:
            type_ = ctx.entities[known_person].type
        if type_ is EntityType.PERSON:
            words = text.split()
            resolved = resolver.resolve(text)
            if resolved is None and len(words) < 2:
                continue
            entity_id = resolved or key
            if resolved is None:
                resolver.remember(text, entity_id)
        else:
            entity_id = key
        mention = Mention(entity_id, type_, text, cand.start, cand.end, cand.sent, NER_CONFIDENCE)
        ctx.add_mention(mention, None)
        draft = ctx.entities[entity_id]
        if cand.bare and cand.bare != draft.name and cand.bare not in draft.aliases:
            draft.aliases.append(cand.bare)
    _resolve_bare_surnames(ctx, resolver)
    _repeat_names(ctx)


def _repeat_names(ctx: ArticleContext) -> None:
    """Every other place the article writes a name it has recognised is a mention of it too.

    The recogniser may tag 'the Azure Front' in one sentence and miss it in the next; a name
    keeps one sense through a story. Only full names written as found (two characters at least,
    capitalised) are repeated, at token boundaries, where no mention is yet.
    """
    text = ctx.doc.text
    forms: dict[str, Mention] = {}
    for m in ctx.mentions:
        if (
            len(m.text) >= 2
            and m.text[0].isupper()
            and (m.end - m.start > 1 or m.type is not EntityType.PERSON)
        ):
            forms.setdefault(m.text, m)
    for form, seen in sorted(forms.items(), key=lambda kv: -len(kv[0])):
        at = text.find(form)
        while at != -1:
            span = ctx.doc.char_span(at, at + len(form))
            at = text.find(form, at + len(form))
            if span is None or any(ctx.mention_for(t) is not None for t in span):
                continue
            mention = Mention(
                seen.entity_id,
                seen.type,
                form,
                span.start,
                span.end,
                ctx.sent_of[span.start],
                seen.confidence,
            )
            ctx.add_mention(mention, ctx.actor(seen.entity_id))


def _resolve_bare_surnames(ctx: ArticleContext, resolver: NameResolver) -> None:
    """Surnames the recogniser missed ('Later, Talmon said') that name a person seen earlier."""
    first_seen: dict[str, int] = {}
    for m in ctx.mentions:
        first_seen.setdefault(m.entity_id, m.start)
    for tok in ctx.doc:
        if tok.pos_ != "PROPN" or ctx.mention_for(tok) or tok.ent_type_ not in ("", "PERSON"):
            continue
        entity_id = resolver.resolve(tok.text)
        if entity_id is None or first_seen.get(entity_id, len(ctx.doc)) >= tok.i:
            continue
        draft = ctx.entities[entity_id]
        mention = Mention(
            entity_id, draft.type, tok.text, tok.i, tok.i + 1, ctx.sent_of[tok.i], NER_CONFIDENCE
        )
        ctx.add_mention(mention, ctx.actor(entity_id))


def _add_dictionary_mention(ctx: ArticleContext, cand: Candidate, resolver: NameResolver) -> None:
    actor = ctx.actor(cand.actor_id or "")
    if actor is None:
        return
    text = cand.text(ctx.doc)
    entity_id = actor.id
    if actor.type is EntityType.PERSON:
        if len(text.split()) == 1:
            entity_id = resolver.resolve(text) or actor.id
        else:
            resolver.remember(text, actor.id)
    found = ctx.actor(entity_id) or actor
    start, end = _trim_span(ctx.doc, cand.start, cand.end)
    mention = Mention(entity_id, found.type, text, start, end, cand.sent, DICTIONARY_CONFIDENCE)
    ctx.add_mention(mention, found)


def _trim_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    if start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and doc[end - 1].text in ("\u2019s", "'s", "\u2019", "'"):
        end -= 1
    return start, end


def collect_affiliations(ctx: ArticleContext) -> None:
    """Titles next to person names become roles, LEADS and MEMBER_OF edges."""
    for m in ctx.mentions:
        if m.type is not EntityType.PERSON:
            continue
        pre = _pre_window(ctx, m)
        if pre:
            _apply_title(ctx, m, pre, possessive_first=True)
        post = _appositive(ctx, m)
        if post:
            _apply_title(ctx, m, post, possessive_first=False)
        before = _title_before_comma(ctx, m) if not pre else []
        if before:
            _apply_title(ctx, m, before, possessive_first=True)
        _of_organization(ctx, m)


def _pre_window(ctx: ArticleContext, m: Mention) -> list[Token]:
    """The title words and names right before a person's name ("CIA director", "Hamas leader")."""
    doc = ctx.doc
    sent_start = ctx.sents[m.sent].start
    out: list[Token] = []
    i = m.start - 1
    while i >= sent_start:
        tok = doc[i]
        other = ctx.mention_for(tok)
        if other is not None and other.type is EntityType.PERSON:
            break
        if not (other or tok.pos_ in _WINDOW_POS or tok.text in _WINDOW_WORDS):
            break
        foreign = tok.ent_type_ not in ("", "ORG", "NORP", "GPE")
        if tok.pos_ == "PROPN" and other is None and foreign:
            break
        out.insert(0, tok)
        i -= 1
    while out and out[0].text in _WINDOW_WORDS:
        out.pop(0)
    return out


def _appositive(ctx: ArticleContext, m: Mention) -> list[Token]:
    """The words of ', a senior Hamas official,' after a person's name."""
    doc = ctx.doc
    sent_end = ctx.sents[m.sent].end
    i = m.end
    if i >= sent_end or doc[i].text != ",":
        return []
    i += 1
    if i < sent_end and doc[i].lower_ in ("a", "an", "the"):
        i += 1
    out: list[Token] = []
    while i < sent_end and doc[i].text not in (",", ".", ";", "\u201c", "\u201d", '"', "(", ")"):
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].lower_ in ("who", "which", "to"):
            break
        other = ctx.mention_for(doc[i])
        named = other is not None and other.type is EntityType.PERSON
        if doc[i].lower_ in ("and", "or") or named:
            return []  # 'X, Egypt's intelligence chief Y': the title of the next name in a list
        out.append(doc[i])
        i += 1
    return out


def _title_before_comma(ctx: ArticleContext, m: Mention) -> list[Token]:
    """The title a name stands in apposition to: 'The White House press secretary, Karoline
    Leavitt, said' (the title noun and its modifiers, before the comma)."""
    root = ctx.doc[m.end - 1]
    title = root.head
    if root.dep_ != "appos" or title.pos_ != "NOUN" or title.i >= m.start:
        return []
    if ctx.mention_for(title) is not None:
        return []
    return [t for t in ctx.doc[title.left_edge.i : title.i + 1] if t.dep_ != "det"]


def _titles_in(ctx: ArticleContext, words: str, kind: str) -> list[str]:
    found = []
    for title in sorted(ctx.patterns["titles"][kind], key=len, reverse=True):
        padded = f" {words} "
        if f" {title} " in padded:
            found.append(title)
            words = padded.replace(f" {title} ", "  ").strip()
    return found


def _apply_title(
    ctx: ArticleContext, m: Mention, window: list[Token], possessive_first: bool
) -> None:
    words = " ".join(t.lower_ for t in window if not ctx.mention_for(t))
    leader = _titles_in(ctx, words, "leader")
    member = _titles_in(ctx, words, "member")
    qualifiers = set(ctx.patterns["titles"]["member_qualifiers"])
    if leader and qualifiers & set(words.split()):
        member, leader = member + leader, []  # 'senior Hamas leader', 'deputy head': one of many
    if not leader and not member:
        return
    phrase = " ".join(t.text for t in window).replace(" \u2019s", "\u2019s").replace(" 's", "'s")
    ctx.entities[m.entity_id].roles.append(phrase)
    orgs = _window_actors(ctx, window)
    possessed = [o for o, poss in orgs if poss]
    if possessive_first and possessed:
        # 'Britain's MI6 chief' leads MI6; 'Al Jazeera's White House correspondent' works for
        # Al Jazeera alone
        after = [o for o in orgs if o[0].start > possessed[-1].start] if leader else []
        orgs = [(possessed[-1], True), *after]
    targets = [o for o, _ in orgs]
    if leader and targets:
        target = targets[-1]
        heads_state = set(leader) & set(ctx.patterns["titles"]["state_leader"])
        if target.type is EntityType.COUNTRY and not heads_state:
            # 'Egypt's intelligence chief Abbas Kamel', 'Britain's MI6 head': the chief of a
            # body of the country, not the country's leader
            bodies = [o for o in targets if o.type is EntityType.ORGANIZATION]
            if not bodies:
                return
            target = bodies[-1]
        ctx.relate(m.entity_id, Predicate.LEADS, target.entity_id, m.sent, target.confidence)
        return
    if leader:
        actor = ctx.actor(m.entity_id)
        if actor and actor.leads and any(t.lower() in words for t in actor.titles):
            _ensure_entity(ctx, actor.leads[0], m.sent)
            ctx.relate(m.entity_id, Predicate.LEADS, actor.leads[0], m.sent, 0.7)
        return
    for org in targets:
        if org.type is EntityType.ORGANIZATION:
            ctx.relate(m.entity_id, Predicate.MEMBER_OF, org.entity_id, m.sent, org.confidence)


def _window_actors(ctx: ArticleContext, window: list[Token]) -> list[tuple[Mention, bool]]:
    out: list[tuple[Mention, bool]] = []
    for tok in window:
        other = ctx.mention_for(tok)
        if other is None or other.type not in (EntityType.ORGANIZATION, EntityType.COUNTRY):
            continue
        if out and out[-1][0] is other:
            continue
        nxt = ctx.doc[other.end] if other.end < len(ctx.doc) else None
        out.append((other, bool(nxt is not None and nxt.text in ("\u2019s", "'s"))))
    return out


def _of_organization(ctx: ArticleContext, m: Mention) -> None:
    """'David Barnea of Mossad' makes the person a member of the organization."""
    doc = ctx.doc
    if m.end + 1 >= len(doc) or doc[m.end].lower_ != "of":
        return
    other = ctx.mention_for(doc[m.end + 1])
    if other is None and doc[m.end + 1].lower_ == "the" and m.end + 2 < len(doc):
        other = ctx.mention_for(doc[m.end + 2])
    if other is not None and other.type is EntityType.ORGANIZATION:
        ctx.relate(m.entity_id, Predicate.MEMBER_OF, other.entity_id, m.sent, other.confidence)


def _ensure_entity(ctx: ArticleContext, entity_id: str, sent: int) -> None:
    actor = ctx.actor(entity_id)
    if actor is not None and entity_id not in ctx.entities:
        draft = ctx.add_entity(entity_id, actor.type, actor.name, sent, DICTIONARY_CONFIDENCE)
        draft.roles.extend(actor.roles)
