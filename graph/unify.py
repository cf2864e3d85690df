"""One event per real-world event across articles.

Each article's extraction names its events on its own (`loaders.resolve.event_id`: kind,
anchor, date), so two articles reporting one round often give it two ids: one knows the day,
the other only the month; one anchors it on its place, the other on a party. `EventIndex`
remembers the events already written (seeded from the graph, then every article it unifies)
and renames an article's event to a known one when they are the same happening:

- the same kind (statements keep their own ids: a speaker says many things on one day);
- compatible dates: two days at most one day apart (a round of talks spans days), a day
  inside a month, or the same month; undated mentions are left to the article's own merge;
- the same place, or a participant in common (an agreement: or the same day); talks need
  the same venue when both name one (two rounds in one month in different cities stay two),
  else the day and two parties.

Of several candidates the one sharing most wins; a tie is left alone, so a month mention of one
of two rounds at one venue that month joins neither.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.cypher import catalog
from graph.models import ArticleFacts, DatePrecision, Event, EventKind
from graph.store import GraphStore

_OWN_IDS = frozenset({EventKind.STATEMENT})
_ONE_A_DAY = frozenset({EventKind.AGREEMENT.value})
MAX_DAY_GAP = 1
_TALKS_WITHOUT_VENUE = 2  # parties in common that place a round reported without its venue


@dataclass
class KnownEvent:
    """What the index keeps of an event: enough to compare it with a new mention."""

    id: str
    kind: str
    date: str | None
    precision: DatePrecision | None
    place: str | None = None
    participants: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, event: Event) -> KnownEvent:
        return cls(
            event.id,
            str(event.kind),
            event.date,
            event.date_precision,
            event.place_id,
            {p.entity_id for p in event.participants},
        )

    def absorb(self, other: KnownEvent) -> None:
        """Take what a new mention adds: a finer date, a place, more participants."""
        if other.date and _rank(other.precision) < _rank(self.precision):
            self.date, self.precision = other.date, other.precision
        self.place = self.place or other.place
        self.participants |= other.participants


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}-01"


def _known_row(row: dict[str, Any]) -> KnownEvent:
    places = [p for p in row["places"] if p]
    return KnownEvent(
        row["id"],
        row["kind"],
        row["date"],
        DatePrecision(row["date_precision"]) if row["date_precision"] else None,
        places[0] if places else None,
        {p for p in row["participants"] if p},
    )


def _rank(precision: DatePrecision | None) -> int:
    """The precision's rank (lower is finer); an unknown date is coarser than any."""
    return precision.rank if precision is not None else len(DatePrecision)


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def dates_agree(a: KnownEvent, b: KnownEvent) -> bool:
    """Two dates that can name one happening (see the module's rules)."""
    if a.date is None or b.date is None:
        return False
    coarse = max(_rank(a.precision), _rank(b.precision))
    if coarse == DatePrecision.DAY.rank:
        return abs((_day(a.date) - _day(b.date)).days) <= MAX_DAY_GAP
    if coarse == DatePrecision.MONTH.rank:
        return a.date[:7] == b.date[:7]
    return False  # a year says too little to join two mentions


def _shared(a: KnownEvent, b: KnownEvent) -> int:
    """How much two mentions share; 0 when they cannot be one event."""
    common = len(a.participants & b.participants)
    days = a.precision is b.precision is DatePrecision.DAY
    if a.kind == EventKind.TALKS.value:
        if a.place and b.place:
            return 2 + common if a.place == b.place else 0
        # a round reported without its venue is known by its day and the parties it names
        return common if days and common >= _TALKS_WITHOUT_VENUE else 0
    same_place = int(bool(a.place) and a.place == b.place)
    # one negotiation reaches one agreement a day: reports of that day with no party in common
    # name it by its parties in one, by its mediators in another
    same_day = int(a.kind in _ONE_A_DAY and days and a.date == b.date)
    return 2 * same_place + common + same_day


class EventIndex:
    """The events known so far, by kind and month, and the renaming of new mentions."""

    def __init__(self, known: Iterable[KnownEvent] = ()) -> None:
        self._by_month: dict[tuple[str, str], list[KnownEvent]] = {}
        self._by_id: dict[str, KnownEvent] = {}
        for k in known:
            self._remember(k)

        self._read: set[tuple[str, str]] = set()  # (kind, month) windows read from the graph

    def __len__(self) -> int:
        return len(self._by_id)

    def read_from(self, store: GraphStore, batch: Sequence[ArticleFacts]) -> None:
        """Know the graph's events of the kinds and months `batch` mentions (each window once)."""
        wanted = sorted(
            {
                (str(e.kind), e.date[:7])
                for f in batch
                for e in f.events
                if e.date is not None and e.kind not in _OWN_IDS
            }
            - self._read
        )
        if not wanted:
            return
        self._read.update(wanted)
        windows = [{"kind": k, "lo": f"{m}-01", "hi": _next_month(m)} for k, m in wanted]
        for row in store.read(catalog.render("read_event_candidates"), windows=windows):
            self._remember(_known_row(row))

    def _remember(self, k: KnownEvent) -> None:
        found = self._by_id.get(k.id)
        if found is not None:
            old_month = found.date[:7] if found.date else None
            found.absorb(k)
            if found.date and found.date[:7] != old_month:
                self._by_month.setdefault((found.kind, found.date[:7]), []).append(found)
            return
        self._by_id[k.id] = k
        if k.date:
            self._by_month.setdefault((k.kind, k.date[:7]), []).append(k)

    def match(self, mention: KnownEvent) -> str | None:
        """The id of the known event `mention` names, or None."""
        if mention.date is None or mention.kind in _OWN_IDS or mention.id in self._by_id:
            return None
        scored = sorted(
            (
                (s, k)
                for k in self._by_month.get((mention.kind, mention.date[:7]), [])
                if dates_agree(k, mention) and (s := _shared(k, mention)) > 0
            ),
            key=lambda sk: (-sk[0], sk[1].id),
        )
        if not scored:
            return None
        best, *rest = scored
        if rest and rest[0][0] == best[0]:
            return None  # two known happenings fit as well: not ours to choose
        return best[1].id

    def unify(self, facts: ArticleFacts) -> ArticleFacts:
        """The article's facts with its events renamed to the known ones they name."""
        renames = {
            e.id: target
            for e in facts.events
            if (target := self.match(KnownEvent.of(e))) is not None and target != e.id
        }
        for e in facts.events:
            known = KnownEvent.of(e)
            known.id = renames.get(e.id, e.id)
            self._remember(known)
        if not renames:
            return facts
        return renamed(facts, renames)


def renamed(facts: ArticleFacts, renames: dict[str, str]) -> ArticleFacts:
    """`facts` with event ids replaced; two events renamed to one are joined."""
    events: dict[str, Event] = {}
    for e in facts.events:
        new_id = renames.get(e.id, e.id)
        e = e.model_copy(update={"id": new_id})
        if new_id in events:
            e = _joined(events[new_id], e)
        events[new_id] = e
    relations = []
    seen = set()
    for r in facts.relations:
        r = r.model_copy(
            update={
                "subject_id": renames.get(r.subject_id, r.subject_id),
                "object_id": renames.get(r.object_id, r.object_id) if r.object_id else None,
            }
        )
        if r.object_id is not None and r.object_id == r.subject_id:
            continue  # two mentions of one event do not precede each other
        if r.key in seen:
            continue
        seen.add(r.key)
        relations.append(r)
    return facts.model_copy(
        update={"events": tuple(events.values()), "relations": tuple(relations)}
    )


def _joined(first: Event, second: Event) -> Event:
    """One event from two mentions of it in one article: the finer date, every participant."""
    date, precision = first.date, first.date_precision
    if second.date and _rank(second.date_precision) < _rank(precision):
        date, precision = second.date, second.date_precision
    have = {(p.entity_id, p.role) for p in first.participants}
    more = tuple(p for p in second.participants if (p.entity_id, p.role) not in have)
    return first.model_copy(
        update={
            "date": date,
            "date_precision": precision,
            "place_id": first.place_id or second.place_id,
            "participants": first.participants + more,
            "evidence": first.evidence + second.evidence,
        }
    )


def unify_all(
    facts: Iterable[ArticleFacts], index: EventIndex | None = None
) -> Iterator[ArticleFacts]:
    """Every article's facts unified against those before it (and `index`'s events)."""
    index = index if index is not None else EventIndex()
    for f in facts:
        yield index.unify(f)
