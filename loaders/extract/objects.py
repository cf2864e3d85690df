"""What a demand, a rejection or a proposal is about: free-text objects and named proposals."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EventKind, Predicate, Role
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.phrases import clause_text, coordinated, party_of, phrase_text
from loaders.nlp import lexicon_words

_FREE_TEXT_CONFIDENCE = 0.7
_PROPOSER_ROLES = (Role.PROPOSER, Role.ACTOR)


def relate_text(
    ctx: ArticleContext, who: Mention, pred: Predicate, head: Token, text: str, sent: int
) -> None:
    """A free-text relation, or one to the proposal the object names ('Biden's deal')."""
    event = proposal_named(ctx, head)
    confidence = who.confidence * _FREE_TEXT_CONFIDENCE
    if event is not None:
        ctx.relate(who.entity_id, pred, event, sent, confidence, obj_is_event=True)
    elif text:
        ctx.relate(who.entity_id, pred, None, sent, confidence, text=text)


def proposal_named(ctx: ArticleContext, head: Token) -> str | None:
    """The proposal event a noun phrase names through its proposer ('X's plan', 'the plan by X')."""
    nouns = ctx.patterns["events"]["proposal"]["nouns"] + ["deal"]
    if head.lemma_ not in nouns and head.lower_ not in nouns:
        return None
    owners: list[Mention] = []
    for child in head.children:
        toks = [child] if child.dep_ == "poss" else []
        if child.dep_ == "acl":
            toks = [p for c in child.children if c.dep_ == "agent" for p in c.children]
        owners += [m for m in (party_of(ctx, t) for t in toks) if m is not None]
    for d in ctx.events.values():
        if d.kind is EventKind.PROPOSAL and any(
            (m.entity_id, role) in d.participants for m in owners for role in _PROPOSER_ROLES
        ):
            return d.key
    return None


def object_heads(
    verb: Token, preps: tuple[str, ...], direct: bool = True
) -> list[tuple[Token, str]]:
    """(head, text) pairs for the things a verb asks for or turns down, one per conjunct."""
    out: list[tuple[Token, str]] = []
    for child in verb.children:
        if child.dep_ == "dobj" and direct:
            out += [(c, phrase_text(c)) for c in coordinated(child)]
        elif child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out += [(c, phrase_text(c)) for c in coordinated(pobj)]
                elif pobj.dep_ == "pcomp":
                    out += clause_objects(pobj)
        elif child.dep_ in ("ccomp", "xcomp") and direct and _is_object_clause(verb, child):
            out += clause_objects(child)
    return out


def _is_object_clause(verb: Token, clause: Token) -> bool:
    """A clause that says what is asked ('insists that X'), not a remark on the object."""
    if clause.pos_ not in ("VERB", "AUX") or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT" for c in clause.children)


def clause_objects(verb: Token) -> list[tuple[Token, str]]:
    """What a demanded clause asks for: 'must include Y and Z', 'until Y', else the clause."""
    until = [c for c in verb.children if c.dep_ == "advcl" and _has_mark(c, "until")]
    if until:
        return [(v, clause_text(v)) for u in until for v in [u, *u.conjuncts]]
    if verb.lemma_ in lexicon_words("stances", "clause_object_verbs"):
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if objs:
            return [(c, phrase_text(c)) for c in coordinated(objs[0])]
    objs = [c for c in verb.children if c.dep_ in ("dobj", "pobj")]
    preps = [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    named = [h for h in objs + preps if h.pos_ in ("NOUN", "PROPN")]
    return [(named[0] if named else verb, clause_text(verb))]


def _has_mark(verb: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in verb.children)
