"""Rounds of talks from trigger words over the parse: venues, dates, parties, delegations, hosts."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from graph.calendar_names import MONTHS, WEEKDAYS
from graph.models import DatePrecision, EntityType, EventKind, Predicate, Role, slugify
from loaders.extract.context import ArticleContext, EventDraft, Mention
from loaders.extract.delegations import current_talks, delegation_countries, delegation_entity
from loaders.extract.lists import listed
from loaders.extract.mediation import is_media, mediators_of, mentions_at
from loaders.extract.sequence import earlier_round
from loaders.extract.syntax import clause_dates, event_date, governing_verb, is_errand, path_deps
from loaders.extract.triggers import is_talks_trigger
from loaders.resolve import date_key

_ACTORS = (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.DELEGATION)
_ATTENDEES = (*_ACTORS, EntityType.PERSON)
_PATH_OK = {
    "xcomp",
    "advcl",
    "attr",
    "dobj",
    "prep",
    "pcomp",
    "pobj",
    "acomp",
    "appos",
    "nsubj",
    "ccomp",
    "conj",
    "amod",
    "compound",
    "poss",
    "nmod",
}
_PARTY_PREPS = {"between", "with", "among", "to"}


def collect_rounds(ctx: ArticleContext) -> None:
    """Rounds of talks sentence by sentence, with their venue, date, parties and mediators.

    A sentence that names an earlier round ('the meeting follows talks in X on D') makes it its
    own event that PRECEDED the round under way. Writes `ctx.talks_sents`.
    """
    talks_sents = ctx.talks_sents
    for sent in range(len(ctx.sents)):
        earlier = earlier_round(ctx, sent)
        later = current_talks(ctx, sent, talks_sents) if earlier is not None else None
        key = _talks_in_sentence(ctx, sent, earlier)
        if key and later and key != later:
            if _in_order(ctx.events[key], ctx.events[later]):
                ctx.relate(
                    key,
                    Predicate.PRECEDED,
                    later,
                    sent,
                    0.6,
                    subject_is_event=True,
                    obj_is_event=True,
                )
        elif key:
            talks_sents[sent] = key


def collect_delegations(ctx: ArticleContext) -> None:
    """Delegations and mediators of the round each sentence belongs to."""
    for sent in range(len(ctx.sents)):
        _delegations_in_sentence(ctx, sent, ctx.talks_sents)
        _mediators_in_sentence(ctx, sent, ctx.talks_sents)


def _in_order(first: EventDraft, then: EventDraft) -> bool:
    """Whether a named earlier round really lies before the round it is said to precede."""
    a, b = first.partial_date, then.partial_date
    return a is None or b is None or a.before(b)


def days_in(ctx: ArticleContext, trigger: Token) -> int:
    """Days a date lies after a round's first day, by the round's count of days.

    'After a second day of meetings on Thursday': Thursday is the second day; 'two days of
    talks ended on Friday': Friday is the last of two. The round is dated by its first day.
    """
    day = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
    if day is None or day.lemma_ != "day":
        return 0
    grammar = ctx.patterns["grammar"]
    for c in day.children:
        if c.dep_ == "amod" and c.lower_ in grammar["ordinals"]:
            return int(grammar["ordinals"][c.lower_]) - 1
    count = next((c for c in day.children if c.dep_ == "nummod"), None)
    verb = day.head if day.dep_ in ("nsubj", "nsubjpass") else None
    if count is None or verb is None or verb.lemma_ not in grammar["ending_verbs"]:
        return 0
    n = grammar["counted_references"].get(count.lower_)
    return n - 1 if n else (int(count.text) - 1 if count.text.isdigit() else 0)


def _talks_in_sentence(ctx: ArticleContext, sent: int, earlier: Token | None) -> str | None:
    triggers = [
        t
        for t in ctx.sents[sent]
        if is_talks_trigger(ctx, t)
        and t.i not in ctx.meeting_triggers
        and not _requested(ctx, t)
        and not _names_a_team(ctx, t)
    ]
    if not triggers:
        return None
    trigger = earlier if earlier is not None else _dated_trigger(ctx, sent, triggers)
    place = venue_of(ctx, sent, trigger)
    found = event_date(ctx, sent, trigger)
    if found is None or (earlier is not None and found[2] < 0.8):
        return None  # an earlier round is its own event only with a date of its own
    iso, precision, confidence = found
    if precision is DatePrecision.DAY:
        iso = (dt.date.fromisoformat(iso) - dt.timedelta(days=days_in(ctx, trigger))).isoformat()
    actors = {m.entity_id for m in ctx.mentions_in(sent) if m.type in _ACTORS}
    if confidence < 0.8 and place is None and len(actors) < 2 and not _joined(ctx, trigger):
        return None
    if earlier is None and precision is DatePrecision.DAY and _dated_by_another_event(ctx, trigger):
        # 'pulled its negotiators from the talks on Thursday': Thursday is the pull-out's day;
        # the round was under way that month
        iso, precision = iso[:8] + "01", DatePrecision.MONTH
    key = f"talks|{date_key(iso, str(precision))}"
    draft = ctx.events.get(key)
    if draft is None:
        draft = EventDraft(
            key, EventKind.TALKS, "Round of talks", sent, 0.7 * confidence / 0.8, iso, precision
        )
        ctx.events[key] = draft
    draft.sents.append(sent)
    draft.triggers.append(trigger.i)
    if place and (draft.place is None or _is_city(ctx, place)):
        draft.place = place
    mediators = mediators_of(ctx, sent)
    for m in ctx.mentions_in(sent):
        if m.type not in _ATTENDEES or m.entity_id == place or is_media(ctx, m):
            continue
        if m not in mediators and not _takes_part(ctx, m, trigger):
            continue  # a mediator the sentence names mediates its round wherever it stands
        if m.type is EntityType.PERSON and not _person_takes_part(ctx, m, trigger):
            continue
        if m.type is EntityType.ORGANIZATION and _in_title(ctx, m):
            continue  # 'CIA director Bill Burns': Burns attends, the CIA is his title
        role = Role.MEDIATOR if m in mediators else Role.ATTENDEE
        draft.participants.setdefault((m.entity_id, role), sent)
        pred = Predicate.MEDIATED if role is Role.MEDIATOR else Predicate.ATTENDED
        ctx.relate(m.entity_id, pred, key, sent, m.confidence * 0.9, obj_is_event=True)
    return key


def _dated_trigger(ctx: ArticleContext, sent: int, triggers: list[Token]) -> Token:
    """The talks word of a sentence that its own date phrase dates, else the first one.

    'Where the talks stand: negotiators met in Cairo on Saturday and Sunday': the meeting
    dates the round, not the talks of the label.
    """
    return next((t for t in triggers if clause_dates(ctx, sent, t)), triggers[0])


def _names_a_team(ctx: ArticleContext, tok: Token) -> bool:
    """'its negotiating team', 'the negotiation delegation': the word describes the team."""
    nouns = ctx.patterns["delegation"]["nouns"]
    return tok.dep_ in ("amod", "compound") and tok.head.lower_ in nouns


def _joined(ctx: ArticleContext, trigger: Token) -> bool:
    """Whether named parties are said to take part in the talks ('X and Y have joined the
    talks'): the round under way, whatever else the sentence lacks."""
    verb = trigger.head
    if trigger.dep_ != "dobj" or verb.lemma_ not in ctx.patterns["talks"]["attend_verbs"]:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(ctx.mention_for(t) is not None for s in subjects for t in s.subtree)


def _dated_by_another_event(ctx: ArticleContext, trigger: Token) -> bool:
    """Whether a talks noun takes its date from a verb that is not about holding talks.

    'held talks on Sunday', 'the talks that opened on Sunday' date the round; 'withdrew from
    the talks on Thursday' or 'agreed to a pause yesterday in talks' date something else.
    """
    if trigger.pos_ != "NOUN":
        return False
    verb = governing_verb(trigger)
    if verb.i == trigger.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    dating = set(ctx.patterns["talks"]["dating_verbs"]) | set(ctx.patterns["talks"]["verbs"])
    if verb.lemma_ in dating:
        return False
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.i == verb.i:
        return False  # 'will travel to Cairo on Thursday for talks': the trip is for the round
    if days_in(ctx, trigger) or (trigger.head.lower_ == "of" and trigger.head.head.lemma_ == "day"):
        return False  # 'after a second day of meetings on Thursday': the day is the round's
    own = [t for t in trigger.subtree if t.pos_ in ("VERB", "AUX") and t.lemma_ in dating]
    return not own


def _requested(ctx: ArticleContext, tok: Token) -> bool:
    """Whether talks are only asked for ('urged X to re-engage in talks'), not held."""
    verbs = set(ctx.patterns["relations"]["talks_request_verbs"])
    return any(a.lemma_ in verbs and a.pos_ == "VERB" for a in list(tok.ancestors)[:4])


def _takes_part(ctx: ArticleContext, m: Mention, trigger: Token) -> bool:
    """Whether a mention is a party in the trigger's clause (not a source quoted about it)."""
    root = ctx.doc[m.end - 1]
    speech = set(ctx.patterns["talks"]["speech_verbs"])
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in speech:
        return False
    return root in trigger.subtree or governing_verb(root).i == governing_verb(trigger).i


_PERSON_PART_DEPS = ("nsubj", "nsubjpass", "appos", "conj", "dobj", "attr", "dep", "npadvmod")


def _in_title(ctx: ArticleContext, m: Mention) -> bool:
    """Whether a mention is part of a person's title ('CIA director Bill Burns')."""
    tok = ctx.doc[m.end - 1]
    for _ in range(3):
        if tok.dep_ not in ("compound", "poss", "amod", "nmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
        other = ctx.mention_for(tok)
        if other is not None and other is not m:
            return other.type is EntityType.PERSON
    return False


def _person_takes_part(ctx: ArticleContext, m: Mention, trigger: Token) -> bool:
    """Whether a person sits at the talks: a subject, object or 'with' partner of its verb.

    A person named in passing ('since Sinwar's killing', 'hostages held by Hamas') does not.
    """
    root = ctx.doc[m.end - 1]
    while root.dep_ in ("appos", "conj", "compound") and root.head.i != root.i:
        root = root.head  # 'Burns, Barnea, Kamel and ...': the list's head
    if root.dep_ == "poss":
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ in _PARTY_PREPS and root.head.head.i in (trigger.i, trigger.head.i)
    if root.dep_ not in _PERSON_PART_DEPS:
        return False
    verb = governing_verb(root)
    if verb.i == governing_verb(trigger).i:
        return True
    # 'met in Doha on July 10, where Burns, Barnea ... worked through a list': the clause on the
    # round's place or day
    return verb.dep_ in ("relcl", "advcl") and verb.head in trigger.head.subtree


def _is_city(ctx: ArticleContext, entity_id: str) -> bool:
    actor = ctx.actor(entity_id)
    return bool(actor and actor.city)


_NAMING = ("compound", "nmod")


def venue_of(ctx: ArticleContext, sent: int, trigger: Token) -> str | None:
    """The venue: 'in/at <place>' attached to the talks word or to the verb it is the object of."""
    verb = governing_verb(trigger)
    attached = trigger.i == verb.i or trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
    # 'hosted the delegations in Sharm El-Sheikh for talks': the verb's place is the round's
    purpose = trigger.dep_ == "pobj" and trigger.head.head.i == verb.i
    attached = attached or purpose
    # 'will travel to Cairo on Thursday for talks': where one goes for talks, they are held
    preps = ("in", "at", "to") if purpose and trigger.head.lower_ == "for" else ("in", "at")
    errand = attached and trigger.i != verb.i and is_errand(verb)
    if errand:
        preps = ("in", "at", "to")
    found: list[str] = []
    for m in ctx.mentions_in(sent):
        if m.type not in (EntityType.PLACE, EntityType.COUNTRY):
            continue
        root = ctx.doc[m.end - 1]
        if root.head.i == trigger.i and root.dep_ in _NAMING and _is_city(ctx, m.entity_id):
            found.append(m.entity_id)  # 'the Paris meeting', 'the Cairo talks': named by place
            continue
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in preps:
            continue
        if prep in trigger.subtree or (attached and prep.head.i == verb.i):
            found.append(m.entity_id)
        elif errand and prep.head.i == verb.head.i:
            found.append(m.entity_id)  # 'arrived in Doha on Monday to hold a fresh round'

    cities = [p for p in found if _is_city(ctx, p)]
    return next(iter(cities or found), None) or _unnamed_venue(ctx, sent, trigger, attached, verb)


def _unnamed_venue(
    ctx: ArticleContext, sent: int, trigger: Token, attached: bool, verb: Token
) -> str | None:
    """A venue the recogniser did not name: 'the talks in Meridan', a capitalised name the
    round's own 'in' or 'at' governs. The frame types it: a round is held in a place."""
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
    if attached:
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
    for prep in preps:
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            name = [t for t in ctx.doc[pobj.left_edge.i : pobj.i + 1] if t.pos_ == "PROPN"]
            if not name or name[-1].i != pobj.i or pobj.ent_type_ in ("DATE", "TIME"):
                continue
            if any(ctx.mention_for(t) is not None for t in name) or _is_date_word(pobj):
                continue
            start, end = name[0].i, pobj.i + 1
            text = ctx.doc[start:end].text
            mention = Mention(slugify(text), EntityType.PLACE, text, start, end, sent, 0.6)
            ctx.add_mention(mention, None)
            return mention.entity_id
    return None


def _is_date_word(tok: Token) -> bool:
    """'in July', 'on Monday': a month or weekday name is a time, not a venue."""
    word = tok.lower_.rstrip(".")
    return word in MONTHS or word in WEEKDAYS


def _mediators_in_sentence(ctx: ArticleContext, sent: int, talks_sents: dict[int, str]) -> None:
    if sent in talks_sents:
        return
    mediators = mediators_of(ctx, sent)
    key = current_talks(ctx, sent, talks_sents) if mediators else None
    if key is None:
        return
    for m in mediators:
        ctx.events[key].participants.setdefault((m.entity_id, Role.MEDIATOR), sent)
        ctx.relate(
            m.entity_id, Predicate.MEDIATED, key, sent, m.confidence * 0.8, obj_is_event=True
        )


def _delegations_in_sentence(ctx: ArticleContext, sent: int, talks_sents: dict[int, str]) -> None:
    cfg = ctx.patterns["delegation"]
    for noun in ctx.sents[sent]:
        if noun.lower_ not in cfg["nouns"] or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        countries = delegation_countries(ctx, noun)
        if noun.lower_ in cfg["needs_negotiating"] and not countries:
            continue  # 'the team' alone is anyone's; 'Hamas's team', 'the Israeli side' are not
        talks = talks_sents.get(sent) or current_talks(ctx, sent, talks_sents)
        if talks is None:
            continue
        for country in countries:
            deleg = delegation_entity(ctx, country, noun, talks, sent)
            ctx.events[talks].participants.setdefault((deleg, Role.ATTENDEE), sent)
            ctx.events[talks].participants.setdefault((country.entity_id, Role.ATTENDEE), sent)
            ctx.relate(deleg, Predicate.ATTENDED, talks, sent, 0.7, obj_is_event=True)
            ctx.relate(country.entity_id, Predicate.ATTENDED, talks, sent, 0.7, obj_is_event=True)
            _delegation_members(ctx, noun, deleg, talks, sent, single=len(countries) == 1)


def _delegation_members(
    ctx: ArticleContext, noun: Token, deleg: str, talks: str, sent: int, single: bool
) -> None:
    attend = set(ctx.patterns["talks"]["attend_verbs"])
    verb = governing_verb(noun)
    for m in ctx.mentions_in(sent):
        if m.type is not EntityType.PERSON:
            continue
        root = ctx.doc[m.end - 1]
        if _leads_noun(ctx, root, noun):
            ctx.relate(m.entity_id, Predicate.LEADS, deleg, sent, 0.75)
            ctx.relate(m.entity_id, Predicate.ATTENDED, talks, sent, 0.75, obj_is_event=True)
            ctx.events[talks].participants.setdefault((m.entity_id, Role.ATTENDEE), sent)
            continue
        if not single or verb.lemma_ not in attend:
            continue
        path = path_deps(verb, root)
        if path is None or any(t.dep_ == "prep" and t.lower_ != "of" for t in path):
            continue
        if any(_has_subject(t) for t in path if t.pos_ in ("VERB", "AUX")):
            continue  # 'Burns flew in, and ...; the Israeli side was headed by X': another clause
        _member(ctx, m, deleg, talks, sent)
    if single:
        for m in _listed_members(ctx, verb, sent):
            _member(ctx, m, deleg, talks, sent)


def _member(ctx: ArticleContext, m: Mention, deleg: str, talks: str, sent: int) -> None:
    ctx.relate(m.entity_id, Predicate.MEMBER_OF, deleg, sent, 0.75)
    ctx.relate(m.entity_id, Predicate.ATTENDED, talks, sent, 0.75, obj_is_event=True)
    ctx.events[talks].participants.setdefault((m.entity_id, Role.ATTENDEE), sent)


def _listed_members(ctx: ArticleContext, verb: Token, sent: int) -> list[Mention]:
    """The persons a delegation's verb of membership lists ('was headed by X and included ...')."""
    cfg = ctx.patterns["attendance"]
    out: list[Mention] = []
    for v in (verb, *(c for c in verb.conjuncts if not _has_subject(c))):
        particles = {c.lower_ for c in v.children if c.dep_ == "prt"}
        phrasal = particles & set(cfg["member_phrasal"].get(v.lemma_, ()))
        if v.lemma_ in cfg["member_verbs"] or phrasal:
            out += listed(ctx, v, ctx.sents[sent], (EntityType.PERSON,))
    return out


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _leads_noun(ctx: ArticleContext, person: Token, noun: Token) -> bool:
    """Whether a person heads a delegation noun: 'the team (was) led by X', 'X headed the team'."""
    verbs = set(ctx.patterns["delegation"]["lead_verbs"])
    while person.dep_ in ("appos", "conj") and person.head.i != person.i:
        person = person.head
    if person.dep_ == "pobj" and person.head.dep_ == "agent":
        led = person.head.head
        passive_subject = noun.dep_ == "nsubjpass" and noun.head.i == led.i
        return led.lemma_ in verbs and (led.head.i == noun.i or passive_subject)
    if person.dep_ == "nsubj" and person.head.lemma_ in verbs:
        return noun.dep_ == "dobj" and noun.head.i == person.head.i
    return False


def _explicit_host(ctx: ArticleContext, sent: int) -> Mention | None:
    """'hosted by X' / 'X hosted the talks' in a sentence of the round."""
    cues = set(ctx.patterns["talks"]["host_cues"])
    for tok in ctx.sents[sent]:
        if tok.lemma_ not in cues or tok.pos_ != "VERB":
            continue
        toks = [p for c in tok.children if c.dep_ == "agent" for p in c.children]
        toks += [c for c in tok.children if c.dep_ == "nsubj" and tok.tag_ != "VBN"]
        for m in mentions_at(ctx, toks):
            if m.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
                return m
    return None


def _add_host(ctx: ArticleContext, d: EventDraft) -> None:
    """The host of a round: named ('hosted by X'), else the country of its venue city."""
    found = next((m for s in [d.sent, *d.sents] if (m := _explicit_host(ctx, s))), None)
    host, sent = (found.entity_id, found.sent) if found else (None, d.sent)
    actor = ctx.actor(d.place) if d.place else None
    if host is None and actor is not None and actor.city and actor.country:
        host = actor.country
        country = ctx.actor(host)
        if country is not None and host not in ctx.entities:
            ctx.add_entity(host, country.type, country.name, d.sent, 0.7)
    parties = {e for e, role in d.participants if role is Role.ATTENDEE}
    if found is not None and host in parties:
        # 'Kastel will host talks between Norland and Vesmar': the host is not a party to them
        del d.participants[(host, Role.ATTENDEE)]
        ctx.relations = [
            r
            for r in ctx.relations
            if not (r.subject == host and r.predicate is Predicate.ATTENDED and r.obj == d.key)
        ]
        parties.discard(host)
    if host is not None and host not in parties:
        d.participants.setdefault((host, Role.HOST), sent)


def _mediating_states(ctx: ArticleContext, d: EventDraft) -> None:
    """A state the dictionary knows as a mediator, at a round between other parties, mediates it.

    'Qatar, Egypt and the US sat down with the Israeli team in Doha': the mediators are at the
    round to bring the parties together, whether or not the sentence says 'mediate'. They
    still attended it.
    """
    attending = [e for e, role in d.participants if role is Role.ATTENDEE]
    mediating = {e for e in attending if (a := ctx.actor(e)) is not None and a.mediator}
    if not mediating or len(mediating) == len(attending):
        return
    for e in mediating:
        d.participants.setdefault((e, Role.MEDIATOR), d.participants[(e, Role.ATTENDEE)])
    for rel in list(ctx.relations):
        to_round = rel.obj_is_event and rel.obj == d.key and not rel.subject_is_event
        if to_round and rel.predicate is Predicate.ATTENDED and rel.subject in mediating:
            ctx.relate(
                rel.subject, Predicate.MEDIATED, d.key, rel.sent, rel.confidence, obj_is_event=True
            )


def finish_talks(ctx: ArticleContext) -> None:
    """Hosts of the rounds (named, else the country of the venue) and their labels."""
    for d in ctx.events.values():
        if d.kind is EventKind.TALKS and not d.meeting:
            _mediating_states(ctx, d)
            _add_host(ctx, d)
        if d.kind is EventKind.TALKS and d.place and not d.meeting:
            name = ctx.entities[d.place].name if d.place in ctx.entities else d.place
            d.label = f"Talks in {name}"
