"""How a sentence presents what its trigger word says happened: stated, planned, doubted,
denied or hypothetical.

Read from the parse around the trigger, with the cue words of patterns.json "status":
- hypothetical: the trigger's clause, or a clause it depends on, is a condition ('if Hamas
  agrees, the teams would meet');
- denied: the trigger (or the verb it is the object of) is negated ('did not attend', 'never
  met'), or it sits under a verb of denial ('denied that a delegation had travelled');
- doubted: it sits under a cue of doubt ('it is unclear whether', 'is still in doubt');
- planned: future tense or a verb of scheduling ('will meet', 'is due to', 'is expected to').
A trigger with none of these cues is stated.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from graph.models import ClaimStatus, EventKind, fact_key
from loaders.extract.context import ArticleContext, EventDraft
from loaders.extract.syntax import tense

STATED = ClaimStatus.STATED
PLANNED = ClaimStatus.PLANNED
DOUBTED = ClaimStatus.DOUBTED
DENIED = ClaimStatus.DENIED
HYPOTHETICAL = ClaimStatus.HYPOTHETICAL
# How far up the parse a cue may sit above the trigger (trigger -> its verb -> the verb above).
_CLIMB = 4
# Which status wins when one fact has mentions of several: a fact stated once is stated.
RANK = {STATED: 0, PLANNED: 1, DOUBTED: 2, HYPOTHETICAL: 3, DENIED: 4}


def _chain(tok: Token) -> list[Token]:
    """The trigger and the words above it, up to a few clause heads."""
    out = [tok]
    cur = tok
    for _ in range(_CLIMB):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def _negated(tok: Token, cfg: dict[str, Any]) -> bool:
    negators = set(cfg["negators"])
    return any(c.dep_ == "neg" or c.lower_ in negators for c in tok.children)


def _conditional(chain: list[Token], cfg: dict[str, Any]) -> bool:
    marks = set(cfg["condition_marks"])
    for t in chain:
        if any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
            return True
        # the consequence of a condition: 'if X agrees, the teams would meet'
        advcl = [c for c in t.children if c.dep_ == "advcl"]
        if any(m.dep_ == "mark" and m.lower_ in marks for a in advcl for m in a.children):
            aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
            if aux & set(cfg["conditional_aux"]):
                return True
    return False


def _stays_away(tok: Token, cfg: dict[str, Any]) -> bool:
    """A verb of absence: 'boycott', 'skip', or a phrasal one such as 'stay away'."""
    if tok.pos_ != "VERB":
        return False
    needs = cfg["absence_verbs"].get(tok.lemma_)
    if needs is None:
        return False
    return not needs or any(c.lower_ in needs for c in tok.children)


def claim_status(tok: Token, patterns: dict[str, Any], party: bool = False) -> ClaimStatus:
    """The status a sentence gives to the event or fact a trigger word names.

    With `party`, the status of a party's part in it: 'Israel stayed away from the round' denies
    that Israel attended, not that the round took place.
    """
    cfg = patterns["status"]
    chain = _chain(tok)
    # A noun under a preposition is presupposed ('if they come out of the meeting with a deal'):
    # only the clause it is the subject or object of can be a condition.
    own = chain[:1] if tok.dep_ == "pobj" else chain[:3]
    if _conditional(own, cfg):
        return HYPOTHETICAL
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), tok)
    governed = verb.i != tok.i and tok.dep_ in ("dobj", "xcomp", "nsubj", "nsubjpass")
    # 'Hamas did not attend the talks': the talks took place, Hamas's part in them is denied
    attending = verb.lemma_ in patterns["talks"]["attend_verbs"] and tok.dep_ == "dobj"
    # 'the death of Sinwar was not the end of the war': what is said of an event presupposes it
    described = tok.dep_ == "nsubj" and verb.lemma_ == "be"
    negated_verb = governed and _negated(verb, cfg) and not described
    if _negated(tok, cfg) or (negated_verb and (party or not attending)):
        return DENIED
    above = chain[1:]
    if party and any(_stays_away(t, cfg) for t in above):
        return DENIED  # 'Israel stayed away from the round', 'boycotted the talks'
    if tok.dep_ == "pcomp" and tok.head.lower_ in cfg["negating_preps"]:
        return DENIED  # 'without reaching an agreement'
    # 'denied that Israel had signed off on the text Hamas accepted': a clause on a noun is
    # presupposed, the denial reaches no further than that noun
    reach = above[
        : next((k for k, t in enumerate(chain) if t.dep_ in ("relcl", "acl")), len(chain))
    ]
    if any(t.lemma_ in cfg["denial_verbs"] and t.pos_ == "VERB" for t in reach):
        return DENIED
    doubt = set(cfg["doubt_cues"])
    for t in chain:
        words = {t.lower_, t.lemma_}
        words |= {c.lower_ for c in t.children if c.dep_ in ("acomp", "mark")}
        words |= {p.lower_ for c in t.children if c.dep_ == "prep" for p in c.children}
        if words & doubt:
            return DOUBTED
    if tense(tok) == "future" or any(t.lemma_ in cfg["plan_verbs"] for t in above):
        return PLANNED
    return STATED


def most_certain(statuses: list[ClaimStatus]) -> ClaimStatus:
    """The status of one fact from several of its mentions: a fact stated once is stated."""
    return min(statuses, key=RANK.__getitem__) if statuses else STATED


def trigger_status(ctx: ArticleContext, event: EventDraft, i: int) -> ClaimStatus:
    """The status one trigger word gives its event. A statement of a stance stays a statement
    when negated: 'Hamas would not accept new conditions' is Hamas stating a refusal."""
    status = claim_status(ctx.doc[i], ctx.patterns)
    positions = ctx.patterns["events"]["statement"]["positions"]
    stance = event.kind is EventKind.STATEMENT and ctx.doc[i].lemma_ in positions
    return STATED if stance and status is DENIED else status


def mark_claims(ctx: ArticleContext) -> None:
    """Give each event and relation draft the status its sentences give it.

    An event takes the most certain status of its trigger words; a relation to an event takes
    the status of that event's trigger in the relation's sentence, else the event's own.
    """
    for d in ctx.events.values():
        d.status = most_certain([trigger_status(ctx, d, i) for i in d.triggers])
    for r in ctx.relations:
        key = r.obj if r.obj_is_event else r.subject if r.subject_is_event else None
        event = ctx.events.get(key) if key is not None else None
        if event is None:
            continue
        here = [i for i in event.triggers if ctx.sent_of[i] == r.sent]
        found = [claim_status(ctx.doc[i], ctx.patterns, party=True) for i in here]
        r.status = most_certain(found) if found else event.status


def sentence_statuses(
    ctx: ArticleContext, final_ids: dict[str, str]
) -> dict[str, dict[int, ClaimStatus]]:
    """The status each sentence gives each fact it states, by fact key and sentence index.

    An event's sentence takes the most certain status of the event's triggers in it; a relation's
    the status of its draft from that sentence. A fact stated in one sentence and doubted in
    another has each sentence's own (`final_ids` maps draft keys to event ids).
    """
    out: dict[str, dict[int, list[ClaimStatus]]] = {}
    # A doubt or denial of a party's part is not one of the event: 'whether Hamas will be part
    # of these discussions is still in doubt' doubts Hamas's place, not the discussions.
    parties = {
        (r.obj, r.sent, r.status)
        for r in ctx.relations
        if r.obj_is_event and not r.subject_is_event and r.status is not STATED
    }
    for key, d in ctx.events.items():
        eid = final_ids.get(key)
        if eid is None:
            continue
        for i in d.triggers:
            status = trigger_status(ctx, d, i)
            if (key, ctx.sent_of[i], status) in parties:
                continue
            out.setdefault(eid, {}).setdefault(ctx.sent_of[i], []).append(status)
    for r in ctx.relations:
        subject = final_ids.get(r.subject) if r.subject_is_event else r.subject
        obj = final_ids.get(r.obj) if r.obj_is_event and r.obj is not None else r.obj
        if subject is None or obj is None:
            continue
        key = fact_key(subject, str(r.predicate), obj)
        out.setdefault(key, {}).setdefault(r.sent, []).append(r.status)
    return {k: {s: most_certain(v) for s, v in by.items()} for k, by in out.items()}
