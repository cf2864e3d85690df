"""Relations from verbs over the parse: DEMANDED and REJECTED (free-text objects), ACCUSED."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EventKind, Predicate, Role
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.phrases import (
    clause_text,
    coordinated,
    party_of,
    phrase_text,
    similar_texts,
    span_text,
    subject_party,
)
from loaders.extract.stances import collect_stances

_CLAUSE_OBJECT_VERBS = {"include", "require", "guarantee", "involve", "ensure", "see"}
_PREPS_OF = {"demand": ("on", "for"), "reject": ()}
_FREE_TEXT_CONFIDENCE = 0.7
_PROPOSER_ROLES = (Role.PROPOSER, Role.ACTOR)


def collect_relations(ctx: ArticleContext) -> None:
    """DEMANDED, REJECTED and ACCUSED edges from verbs, nouns and evaluations of each sentence."""
    cfg = ctx.patterns["relations"]
    for sent, span in enumerate(ctx.sents):
        if sent in ctx.headlines:
            continue
        for tok in span:
            if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
                continue
            if tok.lemma_ in cfg["accuse_verbs"]:
                _accused(ctx, tok, sent)
            elif tok.lemma_ in cfg["demand_verbs"] or tok.lemma_ in cfg["request_verbs"]:
                _demanded(ctx, tok, sent)
            elif is_reject_verb(tok, cfg["reject_verbs"]):
                _rejected(ctx, tok, sent)
    collect_stances(ctx)
    merge_similar_objects(ctx)


def is_reject_verb(tok: Token, verbs: list[str]) -> bool:
    """Whether a verb rejects: 'reject', 'refuse', or a phrasal verb such as 'rule out'."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return tok.lemma_ in verbs or (particle is not None and f"{tok.lemma_} {particle}" in verbs)


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
    if verb.lemma_ in _CLAUSE_OBJECT_VERBS:
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if objs:
            return [(c, phrase_text(c)) for c in coordinated(objs[0])]
    objs = [c for c in verb.children if c.dep_ in ("dobj", "pobj")]
    preps = [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    named = [h for h in objs + preps if h.pos_ in ("NOUN", "PROPN")]
    return [(named[0] if named else verb, clause_text(verb))]


def _has_mark(verb: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in verb.children)


def _demanded(ctx: ArticleContext, verb: Token, sent: int) -> None:
    subject = subject_party(ctx, verb)
    if subject is None:
        return
    cfg = ctx.patterns["relations"]
    if verb.lemma_ in cfg["request_verbs"] or _calls_on(verb):
        _requested(ctx, subject, verb, sent)
        return
    if verb.lemma_ in cfg["demand_verbs_need_for"]:
        heads = object_heads(verb, ("for",), direct=False)  # 'called for X', not 'called X Y'
    else:
        heads = object_heads(verb, _PREPS_OF["demand"])
    for head, text in heads:
        relate_text(ctx, subject, Predicate.DEMANDED, head, text, sent)


def _calls_on(verb: Token) -> bool:
    """'called on X to do Y': a request, not a call for something."""
    return verb.lemma_ == "call" and any(
        c.dep_ == "prep" and c.lower_ == "on" for c in verb.children
    )


def _requested(ctx: ArticleContext, subject: Mention, verb: Token, sent: int) -> None:
    """'X asked/urged Y to do Z': X demanded 'Y do Z'."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:  # 'called on both sides to resume talks'
        objs = [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
        ]
    rest = [c for c in verb.children if c.dep_ in ("xcomp", "prep") and objs and c.i > objs[0].i]
    rest += [x for o in objs for x in o.children if x.dep_ == "xcomp"]  # 'on X to do Y'
    rest = [c for c in rest if c.lower_ != "on"]
    if not objs or not any(c.dep_ == "xcomp" for c in rest):
        return
    relate_text(ctx, subject, Predicate.DEMANDED, verb, span_text(objs[0], rest), sent)


def _rejected(ctx: ArticleContext, verb: Token, sent: int) -> None:
    subject = subject_party(ctx, verb)
    if subject is None:
        return
    for head, text in object_heads(verb, _PREPS_OF["reject"]):
        relate_text(ctx, subject, Predicate.REJECTED, head, text, sent)


def _accused(ctx: ArticleContext, verb: Token, sent: int) -> None:
    subject = subject_party(ctx, verb)
    if subject is None:
        return
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        for target in coordinated(child):
            m = party_of(ctx, target)
            if m is not None and m.entity_id != subject.entity_id:
                ctx.relate(
                    subject.entity_id,
                    Predicate.ACCUSED,
                    m.entity_id,
                    sent,
                    min(subject.confidence, m.confidence) * 0.8,
                )


def merge_similar_objects(ctx: ArticleContext) -> None:
    """One free-text relation per actor, predicate and demand: near-duplicate texts merge."""
    kept: list[int] = []
    for i, r in enumerate(ctx.relations):
        if r.text is None:
            kept.append(i)
            continue
        same = next(
            (
                n
                for n, j in enumerate(kept)
                if ctx.relations[j].text is not None
                and ctx.relations[j].subject == r.subject
                and ctx.relations[j].predicate is r.predicate
                and similar_texts(ctx.relations[j].text or "", r.text)
            ),
            None,
        )
        if same is None:
            kept.append(i)
        elif len(r.text) > len(ctx.relations[kept[same]].text or ""):
            kept[same] = i  # the fuller statement of the same demand wins
    ctx.relations = [ctx.relations[i] for i in kept]
