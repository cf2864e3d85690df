"""Events named by trigger words of patterns.json: proposals, operations, attacks, transfers..."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from graph.models import DatePrecision, EntityType, EventKind, Predicate, Role
from loaders.extract.context import ArticleContext, EventDraft, Mention
from loaders.extract.dates import starts_a_span
from loaders.extract.mediation import mediators_of
from loaders.extract.phrases import party_of, resolve_pronoun
from loaders.extract.syntax import (
    clause_dates,
    event_date,
    is_perfect,
    lede_sentence,
    reports_now,
)
from loaders.nlp import lexicon_words

# Kinds handled elsewhere (talks, killings, withdrawals, releases have their own modules).
GENERIC_KINDS = (
    EventKind.PROPOSAL,
    EventKind.AGREEMENT,
    EventKind.MILITARY_OPERATION,
    EventKind.ATTACK,
    EventKind.ARMS_TRANSFER,
    EventKind.STATEMENT,
    EventKind.AID,
    EventKind.ELECTION,
    EventKind.OTHER,
)
_PARTIES = (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.PERSON, EntityType.DELEGATION)
_MODIFIERS = {"poss", "amod", "compound", "nmod"}
_TARGET_PREPS = {"on", "against", "to", "toward", "towards", "into"}
_PLACE_PREPS = {"in", "at", "into", "to", "on"}


def noun_matches(tok: Token, phrases: list[str]) -> bool:
    """Whether a noun ends one of the phrases ('arms sale' matches 'sale' after 'arms')."""
    for phrase in phrases:
        words = phrase.split()
        if tok.lower_ != words[-1] and tok.lemma_ != words[-1]:
            continue
        before = [t.lower_ for t in tok.doc[max(tok.i - len(words) + 1, 0) : tok.i]]
        if before == words[:-1]:
            return True
    return False


def _mentions(ctx: ArticleContext, toks: list[Token]) -> list[Mention]:
    """Mentions these tokens (and their conjuncts, 'of/from' objects, appositions) name."""
    out: list[Mention] = []
    for tok in toks:
        for t in [tok, *tok.conjuncts]:
            cands = [t, *(c for c in t.children if c.dep_ in ("appos", "compound"))]
            cands += [p for c in t.children if c.lower_ in ("of", "from") for p in c.children]
            # "Netanyahu's office said", "Israel's cabinet approved": it is their principal's
            if t.lower_ in ctx.patterns["events"]["acting_for"]:
                cands += [c for c in t.children if c.dep_ == "poss"]
            for cand in cands:
                m = ctx.mention_for(cand)
                if m is None and (
                    cand.dep_ in ("nsubj", "nsubjpass") or (cand.dep_ == "poss" and t is tok)
                ):
                    m = resolve_pronoun(ctx, cand)  # 'it said', 'its answer
                if m is None and cand.dep_ == "pobj" and cand.head.dep_ == "agent":
                    m = party_of(ctx, cand)  # 'announced by Egypt's foreign minister'
                if m is not None and m not in out:
                    out.append(m)
    return out


def _subject(verb: Token) -> list[Token]:
    """The subject of a verb, inherited through 'prompting X to ask' and participle clauses."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    if subj or agent:
        return subj + agent
    if verb.dep_ == "xcomp":
        obj = [c for c in verb.head.children if c.dep_ == "dobj"]
        return obj or _subject(verb.head)
    if verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
        return _subject(verb.head)
    if _main_verb_read_as_participle(verb):
        return [verb.head]  # 'The Brigades, armed wing of Hamas, announced ...'
    return []


def _main_verb_read_as_participle(verb: Token) -> bool:
    """Whether a verb the parser hung under a noun as a participle is that noun's verb.

    'The Brigades, armed wing of Hamas, announced on Saturday that it delays ...': a participle
    modifying a noun takes no clause with a subject of its own, a verb of speech does.
    """
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ not in ("ROOT", "nsubj") or head.pos_ != "PROPN":
        return False
    return any(
        c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in verb.children
    )


def _objects(tok: Token, preps: set[str]) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    out += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children]
    return out


class _Found:
    """Participants and places of one trigger."""

    def __init__(self) -> None:
        self.first: list[Mention] = []
        self.targets: list[Mention] = []
        self.places: list[Mention] = []
        self.content = False

    def add(self, mentions: list[Mention], first: bool) -> None:
        for m in mentions:
            if m.type is EntityType.PLACE:
                self.places.append(m)
            elif m.type in _PARTIES:
                (self.first if first else self.targets).append(m)


def _participants(ctx: ArticleContext, tok: Token, cfg: dict[str, Any]) -> _Found | None:
    found = _Found()
    if tok.pos_ == "VERB":
        if any(
            c.dep_ == "mark" and c.lower_ in lexicon_words("grammar", "condition_marks")
            for c in tok.children
        ):
            return None  # 'until all hostages are released': a condition, not a happening
        if tok.dep_ == "pcomp" and tok.head.lower_ in lexicon_words("grammar", "negating_preps"):
            return None  # 'stalled without reaching an agreement'
        if _attempted(tok):
            return None  # 'worked to reach an agreement', 'attempts to reach an agreement'
        if tok.dep_ == "pcomp" and any(c.dep_ == "dobj" and c.tag_ == "WP" for c in tok.children):
            return None  # 'struck in what Israel described as strikes': a naming, not news
        objs = _objects(tok, _TARGET_PREPS | _PLACE_PREPS)
        need = cfg.get("verbs_need_object", [])
        wanted = cfg.get("verb_objects", cfg["nouns"])  # what the object must be, if not a trigger
        heads = objs + [p for o in objs for c in o.children if c.lower_ == "of" for p in c.children]
        # 'was named head of the bureau', 'named him as envoy'
        heads += [c for c in tok.children if c.dep_ in ("oprd", "attr")]
        heads += [p for c in tok.children if c.lower_ == "as" for p in c.children]
        # 'named Sinwar to succeed him', 'picked him to run the agency'
        clauses = cfg.get("verb_clauses", ())
        fills = any(c.dep_ in ("xcomp", "ccomp") and c.lemma_ in clauses for c in tok.children)
        if tok.lemma_ in need and not fills and not any(noun_matches(o, wanted) for o in heads):
            return None
        if tok.lemma_ in cfg.get("verbs_need_clause", ()) and not any(
            c.dep_ == "ccomp" for c in tok.children
        ):
            return None  # 'Netanyahu wrote that ...' is said; 'wrote a memoir' is not
        unsaid = cfg.get("verbs_not_with", {}).get(tok.lemma_, ())
        if any(c.lower_ in unsaid for c in tok.children if c.dep_ in ("prep", "prt")):
            return None  # 'spoke with Netanyahu' is a call, 'called back its team' a recall
        if tok.lemma_ in cfg.get("verbs_without_object", ()) and any(
            c.dep_ == "dobj" for c in tok.children
        ):
            return None  # 'speaks Arabic'
        if tok.lemma_ in cfg.get("verbs_need_for", ()) and not _asks_for_talks(ctx, tok):
            return None  # 'pushed for talks' is a request; 'pushed for a resolution' is not news
        if tok.lemma_ in cfg.get("verbs_need_target", ()) and not any(
            ctx.mention_for(o) is not None for o in objs
        ):
            return None  # 'struck southern Lebanon' is an attack; 'struck a deal' is not
        found.add(_mentions(ctx, _subject(tok)), first=True)
        if _moved(tok, cfg):  # 'entered on Friday through Rafah': where it passed
            found.add(_mentions(ctx, _objects(tok, {"through", "via"})), first=False)
        if not found.first:  # 'Israeli warplanes struck': the side the forces serve
            forces = lexicon_words("grammar", "force_nouns")
            sides = [c for s in _subject(tok) if s.lower_ in forces for c in s.children]
            found.add(_mentions(ctx, [c for c in sides if c.dep_ in _MODIFIERS]), first=True)
        if tok.lemma_ in cfg.get("verbs_need_target", ()) and not found.first:
            return None  # 'the storm hit Gaza'; 'strikes hit Rafah' is the strikes' own event
        if cfg.get("between_are_parties"):  # 'a deal was reached between Israel and Hamas'
            found.add(_between(ctx, [tok, *objs]), first=True)
        found.add(_mentions(ctx, [o for o in objs if not noun_matches(o, cfg["nouns"])]), False)
        return found
    mods = [c for c in tok.children if c.dep_ in _MODIFIERS]
    # 'the Hamas-led attack', 'a US-drafted plan': the party before the hyphen acts
    mods += [
        g
        for c in tok.children
        if c.dep_ == "amod" and c.tag_ == "VBN"
        for g in c.children
        if g.dep_ in ("npadvmod", "compound", "nmod")
    ]
    by = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
    # 'aid provided by X to Y': the participle's agent gives, its 'to' object receives
    parts = [c for c in [tok, *tok.conjuncts] for c in c.children if c.dep_ == "acl"]
    cues = set(ctx.patterns["talks"]["mediator_cues"])  # 'brokered by X': X mediates
    cues |= set(ctx.patterns["talks"]["speech_verbs"])  # 'announced by Egypt': Egypt tells of it
    by += [
        p
        for a in parts
        if a.lemma_ not in cues
        for c in a.children
        if c.dep_ == "agent"
        for p in c.children
    ]
    found.add([m for m in _mentions(ctx, mods + by) if m.type is not EntityType.PLACE], True)
    if cfg.get("between_are_parties"):  # 'the agreement reached between Israel and Hamas'
        found.add(_between(ctx, [tok, *parts]), first=True)
    found.add(_mentions(ctx, _objects(tok, _TARGET_PREPS | _PLACE_PREPS)), first=False)
    for other in [*tok.conjuncts, *parts]:
        found.add(_mentions(ctx, _objects(other, _TARGET_PREPS | _PLACE_PREPS)), first=False)
    content = (
        tok.head
        if tok.dep_ == "nsubj" and tok.head.lemma_ in cfg.get("content_verbs", ())
        else None
    )
    if content is not None:
        named = _content_parties(ctx, content, tok)
        found.content = len({m.entity_id for m in named}) >= 2
        found.add(named, first=False)
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    found.places += [m for m in _mentions(ctx, of) if m.type is EntityType.PLACE]
    if cfg.get("of_is_actor"):  # 'a joint statement of Biden, Sisi and Emir Tamim'
        found.add([m for m in _mentions(ctx, of) if m.type is not EntityType.PLACE], True)
    verb = tok.head
    rel_cfg = ctx.patterns["relations"]
    linking = set(rel_cfg["precede_verbs"] + rel_cfg["causal_verbs"])
    speech = set(ctx.patterns["events"]["statement"]["verbs"])
    if tok.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_ not in linking:
        # 'Egypt welcomes the agreement': who speaks of an event takes no part in it
        if not found.first and verb.lemma_ not in speech:
            found.add(_mentions(ctx, _subject(verb)), first=True)
        found.add(_mentions(ctx, _objects(verb, _TARGET_PREPS | _PLACE_PREPS)), first=False)
    by_place = cfg.get("anchor") == "place" and found.places
    if cfg.get("noun_needs_actor") and not (found.first or by_place or found.content):
        return None
    return found


def _between(ctx: ArticleContext, toks: list[Token]) -> list[Mention]:
    """The parties 'between X and Y' names on any of these tokens."""
    objects = [o for t in toks for o in _objects(t, {"between"}) if o.dep_ == "pobj"]
    return [m for m in _mentions(ctx, objects) if m.type is not EntityType.PLACE]


def _announcers(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """Who a participle of speech says told of an event ('the deal, announced by Egypt')."""
    speech = set(ctx.patterns["talks"]["speech_verbs"])
    told = [c for c in noun.children if c.dep_ == "acl" and c.lemma_ in speech]
    agents = [p for a in told for c in a.children if c.dep_ == "agent" for p in c.children]
    return [m for m in _mentions(ctx, agents) if m.type in _PARTIES]


def _urged_to(ctx: ArticleContext, verb: Token) -> bool:
    """Whether a verb is what another verb presses a party to do ('urged Hamas to accept').

    A verb of causing is not pressing: 'prompting the US to ask for talks' reports the asking.
    """
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.i == verb.i or head.lemma_ in ctx.patterns["relations"]["causal_verbs"]:
        return False
    pressed = [c for c in head.children if c.dep_ == "dobj"]
    pressed += [
        p for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
    ]
    return any((m := ctx.mention_for(t)) is not None and m.type in _PARTIES for t in pressed)


def _attempted(verb: Token) -> bool:
    """Whether a verb names what someone tries to do, not what happened: an infinitive after a
    noun ('attempts to reach a deal') or a verb of trying ('sought to seal', 'worked to reach')."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return True  # 'attempts to reach', 'a bid to seal'
    trying = verb.head.lemma_ in lexicon_words("grammar", "attempt_verbs")
    return verb.dep_ in ("xcomp", "advcl") and trying  # not 'used a speech to call for'


def _asks_for_talks(ctx: ArticleContext, verb: Token) -> bool:
    """Whether a verb's 'for' object names talks ('pushed for negotiations')."""
    talks = set(ctx.patterns["talks"]["nouns"])
    return any(
        p.lower_ in talks
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children
    )


def _means_of_killing(ctx: ArticleContext, tok: Token) -> bool:
    """Whether an attack noun is how a killing was done ('killed X in a strike')."""
    verbs = set(ctx.patterns["events"]["killing"]["verbs"])
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in ("in", "during") and prep.head.lemma_ in verbs


def _since(ctx: ArticleContext, sent: int, tok: Token) -> bool:
    """Whether the trigger's clause is dated by 'since <date>' (an ongoing activity)."""
    span = ctx.sents[sent]
    return any(starts_a_span(span.text, d) for d in clause_dates(ctx, sent, tok, spans=True))


def _starts(tok: Token, cfg: dict[str, Any]) -> bool:
    """'The war began on 7 October': the noun is the subject of a verb of starting."""
    return tok.dep_ == "nsubj" and tok.head.lemma_ in cfg.get("start_verbs", ())


def _campaign(ctx: ArticleContext, sent: int, tok: Token, cfg: dict[str, Any]) -> bool:
    """Attacks that are a sustained campaign: plural and ongoing since a date ('airstrikes since
    October'), or renewed ('resumed heavy strikes across Gaza', 'intensified its bombing')."""
    if tok.tag_ == "NNS" and _since(ctx, sent, tok):
        return True
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    return verb.lemma_ in cfg.get("campaign_verbs", ())


def _content_parties(ctx: ArticleContext, verb: Token, noun: Token) -> list[Mention]:
    """Parties a plan's content names ('the plan includes the release of 40 hostages by X')."""
    inside = {t.i for t in noun.subtree}
    out: list[Mention] = []
    for t in verb.subtree:
        m = ctx.mention_for(t)
        if t.i not in inside and m is not None and m.type in _PARTIES and m not in out:
            out.append(m)
    return out


def _date_of(
    ctx: ArticleContext, sent: int, tok: Token, spans: bool
) -> tuple[str, DatePrecision, float] | None:
    """When the trigger's event happened; with `spans`, 'since <date>' gives its start."""
    continuing = set(ctx.patterns["events"]["continuation_verbs"])
    if tok.dep_ == "dobj" and tok.head.lemma_ in continuing:
        return None  # 'intensified its operations': the operation began before that verb
    if tok.pos_ == "VERB":
        return event_date(ctx, sent, tok, spans)
    dates = clause_dates(ctx, sent, tok, spans)
    if dates:
        return dates[0].date, dates[0].precision, 0.8
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        return event_date(ctx, sent, tok.head, spans)
    return None


def _refers_back(tok: Token, cfg: dict[str, Any]) -> bool:
    """Whether a noun names an event that happened elsewhere ('accepted the proposal').

    Only the kinds whose frame lists `dating_verbs`: the noun dates its event only as the object
    or subject of one of them ('announced its plan on Monday', 'the plan unveiled on Monday').
    """
    dating = cfg.get("dating_verbs")
    if not dating or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    verbs = set(dating) | set(cfg["verbs"])
    if tok.head.pos_ == "VERB" and tok.head.lemma_ in verbs:
        return False
    return not any(c.dep_ in ("acl", "amod") and c.lemma_ in verbs for c in tok.children)


def _attributes_an_event(ctx: ArticleContext, verb: Token) -> bool:
    """Whether a verb of speech only gives the source of an event the sentence reports.

    'Biden spoke with Netanyahu today, the White House says': the news is the call, and the
    White House is where it comes from, not a statement of its own.
    """
    if verb.pos_ != "VERB":
        return False
    triggers = {
        i for d in ctx.events.values() if d.kind is not EventKind.STATEMENT for i in d.triggers
    }
    if verb.dep_ in ("parataxis", "ccomp") and verb.i > verb.head.i:  # '..., X says.'
        clause = verb.head
        return clause.i in triggers or any(t.i in triggers for t in clause.subtree if t.i < verb.i)
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i in triggers:
        return True  # 'Gantz quit the government, accusing Netanyahu of ...': the news is the exit
    content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if any(c.i in triggers for c in content):
        return True
    # 'the health ministry said 274 Palestinians were killed': a toll reported, not a stance
    reports = set(ctx.patterns["events"]["killing"]["verbs"])
    return any(t.pos_ == "VERB" and t.lemma_ in reports for c in content for t in c.subtree)


def _dated_statement(
    tok: Token, cfg: dict[str, Any], when: tuple[str, DatePrecision, float] | None
) -> bool:
    """Whether a reporting verb is a dated statement, not a standing position.

    A statement needs a day, from its clause or from a later link; a position verb ('insists',
    'rejects') in the present tense states where a party stands, not something it said that day,
    unless a date phrase says when.
    """
    if when is None:
        return True  # kept until a link ('prompting X to ask') dates it, dropped after if not
    if when[1] is not DatePrecision.DAY:
        return False
    return when[2] >= 0.8 or tok.tag_ not in ("VBZ", "VBP") or tok.lemma_ not in cfg["positions"]


def _moved(tok: Token, cfg: dict[str, Any]) -> bool:
    """Whether a verb of movement tells of the kind by what moves: '600 trucks of aid crossed
    into Gaza', 'the convoy entered through Rafah'."""
    if tok.lemma_ not in cfg.get("subject_verbs", ()):
        return False
    nouns = set(cfg.get("subject_nouns", ()))
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    subjects += [p for s in subjects for c in s.children if c.lower_ == "of" for p in c.children]
    return any(s.lemma_ in nouns or s.lower_ in nouns for s in subjects)


def _is_trigger(tok: Token, cfg: dict[str, Any]) -> bool:
    if tok.pos_ == "VERB":
        return tok.lemma_ in cfg["verbs"] or _moved(tok, cfg)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if cfg.get("verbs_only"):
        # 'the deal, announced on Tuesday': a noun with the participle that makes it news
        participles = set(cfg.get("noun_participles", ()))
        acl = [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        return noun_matches(tok, cfg["nouns"]) and any(c.lemma_ in participles for c in acl)
    if tok.head.pos_ == "VERB" and tok.head.lemma_ in cfg["verbs"] and tok.dep_ == "dobj":
        return False  # 'introduced a proposal': the verb is the trigger
    if noun_matches(tok, cfg.get("not_nouns", [])):
        return False  # 'a nationwide strike' is no air strike
    if tok.lower_ in cfg.get("delivered_nouns", ()):
        # 'Hamas delivered its reply', 'the response was handed over': a reply made, not the
        # 'response to the killing' or 'in response to'
        dating = cfg.get("dating_verbs", ())
        handed = tok.head.pos_ == "VERB" and tok.head.lemma_ in dating
        # 'its answer, handed to the mediators on Tuesday, ...': the participle hands it over
        participle = any(
            c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in dating for c in tok.children
        )
        return (handed and tok.dep_ in ("dobj", "nsubjpass")) or participle
    return noun_matches(tok, cfg["nouns"])


def collect_occurrences(ctx: ArticleContext) -> None:
    """Events of the generic kinds, one per kind, key participant (or place) and date."""
    cfgs: dict[str, Any] = ctx.patterns["events"]
    kinds = [(kind, cfgs[str(kind)]) for kind in GENERIC_KINDS if str(kind) in cfgs]
    # the words a trigger can end in, to pass over most tokens at once
    words = {w for _, cfg in kinds for w in [*cfg["verbs"], *cfg.get("subject_verbs", [])]}
    words |= {phrase.split()[-1] for _, cfg in kinds for phrase in cfg["nouns"]}
    words |= {w for _, cfg in kinds for w in cfg.get("delivered_nouns", [])}
    for sent, span in enumerate(ctx.sents):
        for tok in span:
            if tok.lemma_ not in words and tok.lower_ not in words:
                continue
            for kind, cfg in kinds:
                if kind is EventKind.STATEMENT and sent in ctx.headlines:
                    continue  # 'Hamas says ...' over a story: the story tells what was said
                if _is_trigger(tok, cfg):
                    _record(ctx, kind, cfg, sent, tok)


def _record(
    ctx: ArticleContext, kind: EventKind, cfg: dict[str, Any], sent: int, tok: Token
) -> None:
    if kind is EventKind.ATTACK and _means_of_killing(ctx, tok):
        return  # 'killed X in a raid': the killing is the event
    if noun_matches(tok, cfg.get("since_only_nouns", [])) and not (
        _since(ctx, sent, tok) or _starts(tok, cfg)
    ):
        return  # 'end the war' names the war under way; 'the war since October 7' dates it
    found = _participants(ctx, tok, cfg)
    brokers: list[Mention] = []
    if found is not None and kind is EventKind.AGREEMENT and not found.first:
        # 'the agreement, brokered by Qatar': the mediators place it, they are not its parties
        brokers = [m for m in mediators_of(ctx, sent) if m not in found.targets]
        # 'the deal, announced by Egypt's foreign minister on Tuesday': who tells of it
        brokers = brokers or _announcers(ctx, tok)
        found.first = brokers
    if found is None or not (found.first or found.places or found.content):
        return
    if kind is EventKind.STATEMENT and (not found.first or _attributes_an_event(ctx, tok)):
        return
    participle = tok.dep_ == "acl" and tok.tag_ == "VBN" and not _main_verb_read_as_participle(tok)
    if kind is EventKind.STATEMENT and participle:
        return  # 'the plan announced by Trump on 29 September': the plan's day, not a statement
    if kind is EventKind.STATEMENT and _urged_to(ctx, tok):
        return  # 'to press Hamas to accept': what a party is pressed to say is not said yet
    if kind is EventKind.ATTACK and _campaign(ctx, sent, tok, cfg):
        kind = EventKind.MILITARY_OPERATION  # 'airstrikes since October': a sustained campaign
        cfg = ctx.patterns["events"][str(kind)]
    when = _date_of(ctx, sent, tok, spans=kind is EventKind.MILITARY_OPERATION)
    published = ctx.article.published
    lede = kind is EventKind.STATEMENT and sent == lede_sentence(ctx)
    if lede and when and when[2] < 0.8 and published and (is_perfect(tok) or reports_now(tok)):
        when = (published, DatePrecision.DAY, 0.8)  # a lede's 'has announced', 'welcomes': news
    if kind is EventKind.STATEMENT and not _dated_statement(tok, cfg, when):
        return
    by_place = cfg.get("anchor") == "place" and bool(found.places)
    reference = _refers_back(tok, cfg) and not found.content
    if reference:
        when = None  # 'accepted Trump's plan': the plan is dated where it was put forward
    provisional = when is None and not (found.first and found.targets) and not found.content
    if reference:
        provisional = True  # kept only to merge into the dated event of the same proposer
    elif provisional and cfg.get("needs_date"):
        provisional = False  # kept until links may date it; dropped after them if still undated
    elif provisional and not by_place:
        return
    places: list[Mention | None] = list(found.places)
    if cfg.get("anchor") != "place":
        places = places[:1]
    for place in places or [None]:
        named = [*found.first, *found.targets, *([place] if place else [])]
        anchor = place if cfg.get("anchor") == "place" and place else None
        anchor = anchor or (named[0] if named else None)
        if anchor is None:
            continue
        date, precision, confidence = when if when else (None, None, 0.6)
        key = f"{kind}|{anchor.entity_id}|{date or ''}"
        draft = ctx.events.get(key)
        if draft is None:
            label = f"{kind.replace('_', ' ').capitalize()}: {anchor.text}"
            draft = EventDraft(key, kind, label, sent, 0.6 * confidence / 0.8, date, precision)
            draft.anchor = anchor.entity_id
            draft.place = place.entity_id if place else None
            draft.provisional = provisional
            ctx.events[key] = draft
        draft.sents.append(sent)
        draft.triggers.append(tok.i)
        role = Role(cfg.get("first_role", "actor"))
        # mediators are linked by link_mediators; announcers only name the deal
        for m in [] if brokers else found.first:
            draft.participants.setdefault((m.entity_id, role), sent)
            if kind is EventKind.PROPOSAL:
                ctx.relate(m.entity_id, Predicate.PROPOSED, key, sent, 0.7, obj_is_event=True)
        for m in found.targets:
            if m not in found.first:
                draft.participants.setdefault((m.entity_id, Role.TARGET), sent)
