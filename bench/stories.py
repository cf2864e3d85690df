"""What an article says about each kind of event: the slots behind every template."""

from __future__ import annotations

from bench.compose import ArticleWriter, Slot, _Pending
from bench.world import WorldEvent
from graph.models import EventKind, Predicate


def _talks_place(w: ArticleWriter, talks: WorldEvent) -> Slot:
    return w.place_slot(talks)


def say_talks(w: ArticleWriter, ev: WorldEvent, dated: bool = True) -> list[str]:
    """A round of talks, past or upcoming, with its delegations now and then."""
    future = ev.date > w.published
    slots = {
        "parties": w.role_slot(ev, "attendee", Predicate.ATTENDED),
        "mediators": w.role_slot(ev, "mediator", Predicate.MEDIATED),
        "host": w.role_slot(ev, "host"),
        "place": w.place_slot(ev),
        "date": w.date_slot(ev),
    }
    sentences = [w.write("talks_future" if future else "talks_past", slots, dated)]
    parties = list(ev.delegations)
    w.rng.shuffle(parties)
    for party in parties[: w.rng.choice((0, 1, 1, 2))]:
        sentences.append(say_delegation(w, ev, party, future))
    return sentences


def say_delegation(w: ArticleWriter, ev: WorldEvent, party: str, future: bool) -> str:
    """Who a party sent to a round of talks (the first person leads it when a wording says so)."""
    people = ev.delegations[party]
    did = f"{party}-delegation-{ev.id}"

    def delegation(pending: _Pending) -> str:
        return w.delegation(party, ev, pending)[1]

    def members_of(ids: tuple[str, ...]) -> Slot:
        def fill(pending: _Pending) -> str:
            for pid in ids:
                pending.relations.append((pid, Predicate.MEMBER_OF, did, None))
                pending.relations.append((pid, Predicate.ATTENDED, ev.id, None))
            return w.names(ids, pending)

        return fill

    def leader(pending: _Pending) -> str:
        pending.relations.append((people[0], Predicate.LEADS, did, None))
        pending.relations.append((people[0], Predicate.ATTENDED, ev.id, None))
        return w.name(people[0], pending)

    led = len(people) >= 3 and w.rng.random() < 0.5
    slots = {
        "delegation": delegation,
        "place": w.place_slot(ev),
        "leader": leader,
        "members": members_of(people[1:] if led else people),
    }
    kind = "delegation_future" if future else "delegation_past"
    return w.write(kind, slots, only="{leader}" if led else None, without="" if led else "{leader}")


def say_killing(w: ArticleWriter, ev: WorldEvent, dated: bool = True) -> list[str]:
    """A killing: who killed whom, where and when."""
    victim = ev.roles["victim"][0]
    slots = {
        "perp": w.role_slot(ev, "perpetrator", Predicate.KILLED, target=victim),
        "victim": w.role_slot(ev, "victim"),
        "place": w.place_slot(ev),
        "date": w.date_slot(ev),
    }
    return [w.write("killing", slots, dated)]


def say_cause(w: ArticleWriter, cause: WorldEvent, effect: WorldEvent) -> list[str] | None:
    """One sentence stating that `cause` led to `effect`, when a wording exists for the pair."""
    pair = (cause.kind, effect.kind)
    kinds = {
        (EventKind.KILLING, EventKind.WITHDRAWAL): "killing_withdrawal",
        (EventKind.ATTACK, EventKind.MILITARY_OPERATION): "attack_operation",
        (EventKind.PROPOSAL, EventKind.TALKS): "proposal_talks",
        (EventKind.AGREEMENT, EventKind.HOSTAGE_RELEASE): "agreement_release",
    }
    kind = kinds.get(pair)
    if kind is None:
        return None

    def caused(slot: Slot) -> Slot:
        def fill(pending: _Pending) -> str:
            pending.relations.append((cause.id, Predicate.CAUSED, effect.id, None))
            return slot(pending)

        return fill

    slots: dict[str, Slot] = {"date": w.date_slot(cause)}
    if kind == "killing_withdrawal":
        talks = w.world.by_id[effect.talks or ""]
        slots |= {
            "perp": w.role_slot(
                cause, "perpetrator", Predicate.KILLED, target=cause.roles["victim"][0]
            ),
            "victim": w.role_slot(cause, "victim"),
            "actor": caused(w.role_slot(effect, "actor", Predicate.WITHDREW_FROM, target=talks.id)),
            "talks_place": _talks_place(w, talks),
        }
    elif kind == "attack_operation":
        slots |= {
            "perp": w.role_slot(cause, "perpetrator"),
            "place": w.place_slot(cause),
            "military": caused(w.role_slot(effect, "perpetrator")),
            "op_place": w.place_slot(effect),
        }
    elif kind == "proposal_talks":
        slots |= {
            "plan": w.text_slot(cause.detail),
            "proposer": w.role_slot(cause, "proposer", Predicate.PROPOSED),
            "talks_place": caused(w.place_slot(effect)),
        }
    else:
        slots |= {
            "plan": w.text_slot(cause.detail),
            "parties": w.role_slot(cause, "actor"),
            "actor": caused(w.role_slot(effect, "actor")),
            "number": w.text_slot(str(effect.number)),
        }
    return [w.write(kind, slots)]


def say_event(w: ArticleWriter, ev: WorldEvent, dated: bool = True) -> list[str]:
    """The plain report of any event."""
    if ev.kind is EventKind.TALKS:
        return say_talks(w, ev, dated)
    if ev.kind is EventKind.KILLING:
        return say_killing(w, ev, dated)
    slots: dict[str, Slot] = {"date": w.date_slot(ev)}
    if ev.kind is EventKind.WITHDRAWAL:
        talks = w.world.by_id[ev.talks or ""]
        slots |= {
            "actor": w.role_slot(ev, "actor", Predicate.WITHDREW_FROM, target=talks.id),
            "talks_place": _talks_place(w, talks),
        }
    elif ev.kind is EventKind.ATTACK:
        slots |= {
            "perp": w.role_slot(ev, "perpetrator"),
            "place": w.place_slot(ev),
            "number": w.text_slot(str(ev.number)),
        }
    elif ev.kind is EventKind.MILITARY_OPERATION:
        slots |= {"military": w.role_slot(ev, "perpetrator"), "place": w.place_slot(ev)}
    elif ev.kind is EventKind.PROPOSAL:
        slots |= {
            "proposer": w.role_slot(ev, "proposer", Predicate.PROPOSED),
            "plan": w.text_slot(ev.detail),
        }
    elif ev.kind is EventKind.ARMS_TRANSFER:
        slots |= {
            "supplier": w.role_slot(ev, "actor"),
            "recipient": w.role_slot(ev, "target"),
            "weapons": w.text_slot(ev.detail),
        }
    elif ev.kind in (EventKind.HOSTAGE_RELEASE, EventKind.PRISONER_RELEASE):
        slots |= {"actor": w.role_slot(ev, "actor"), "number": w.text_slot(str(ev.number))}
    elif ev.kind is EventKind.AGREEMENT:
        slots |= {
            "parties": w.role_slot(ev, "actor"),
            "mediators": w.role_slot(ev, "mediator", Predicate.MEDIATED),
            "plan": w.text_slot(ev.detail),
        }
    return [w.write(ev.kind.value, slots, dated)]


def say_rejection(w: ArticleWriter, ev: WorldEvent) -> str:
    """A party turning down a proposal."""
    slots = {
        "rejecter": w.role_slot(ev, "target", Predicate.REJECTED, ids=ev.rejected_by),
        "proposer": w.role_slot(ev, "proposer", Predicate.PROPOSED),
        "plan": w.text_slot(ev.detail),
    }
    return w.write("rejection", slots)


def say_preceded(w: ArticleWriter, earlier: WorldEvent, later: WorldEvent) -> str:
    """That an earlier round of talks came before this one."""

    def prev_place(pending: _Pending) -> str:
        pending.relations.append((earlier.id, Predicate.PRECEDED, later.id, None))
        pending.events.append((later, [], None, None))
        return w.place_slot(earlier)(pending)

    return w.write("preceded", {"prev_place": prev_place, "prev_date": w.date_slot(earlier)})
