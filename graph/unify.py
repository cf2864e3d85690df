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

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.cypher import catalog
from graph.dates import DatePrecision, PartialDate, finer
from graph.models import ArticleFacts, Event, EventKind

_OWN_IDS = frozenset({EventKind.STATEMENT})
_ONE_A_DAY = frozenset({EventKind.AGREEMENT.value})
MAX_DAY_GAP = 1
_TALKS_WITHOUT_VENUE = 2  # parties in common that place a round reported without its venue


@dataclass
class KnownEvent:
    """What the index keeps of an event: enough to compare it with a new mention."""

    id: str
    kind: str
    when: PartialDate | None
    place: str | None = None
    participants: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, event: Event) -> KnownEvent:
        return cls(
            event.id,
            str(event.kind),
            event.when,
            event.place_id,
            {p.entity_id for p in event.participants},
        )

    def absorb(self, other: KnownEvent) -> None:
        """Take what a new mention adds: a finer date, a place, more participants."""
        if finer(other.when, self.when):
            self.when = other.when
        self.place = self.place or other.place
        self.participants |= other.participants


def _restore(k: KnownEvent, when: PartialDate | None, place: str | None, parts: set[str]) -> None:
    k.when, k.place, k.participants = when, place, parts


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}-01"


def _known_row(row: dict[str, Any]) -> KnownEvent:
    places = [p for p in row["places"] if p]
    return KnownEvent(
        row["id"],
        row["kind"],
        PartialDate.of(row["date"], row["date_precision"]),
        places[0] if places else None,
        {p for p in row["participants"] if p},
    )


def dates_agree(a: KnownEvent, b: KnownEvent) -> bool:
    """Two dates that can name one happening (see the module's rules)."""
    if a.when is None or b.when is None:
        return False
    if DatePrecision.YEAR in (a.when.precision, b.when.precision):
        return False  # a year says too little to join two mentions
    if a.when.precision is b.when.precision is DatePrecision.DAY:
        return a.when.days_from(b.when) <= MAX_DAY_GAP
    return a.when.overlaps(b.when)  # a day inside the month, or the same month


def _is_day(k: KnownEvent) -> bool:
    return k.when is not None and k.when.precision is DatePrecision.DAY


def _shared(a: KnownEvent, b: KnownEvent) -> int:
    """How much two mentions share; 0 when they cannot be one event."""
    common = len(a.participants & b.participants)
    days = _is_day(a) and _is_day(b)
    if a.kind == EventKind.TALKS.value:
        if a.place and b.place:
            return 2 + common if a.place == b.place else 0
        # a round reported without its venue is known by its day and the parties it names
        return common if days and common >= _TALKS_WITHOUT_VENUE else 0
    same_place = int(bool(a.place) and a.place == b.place)
    # one negotiation reaches one agreement a day: reports of that day with no party in common
    # name it by its parties in one, by its mediators in another
    same_day = int(a.kind in _ONE_A_DAY and days and a.when == b.when)
    return 2 * same_place + common + same_day


class EventIndex:
    """The events known so far, by kind and month, and the renaming of new mentions.

    The graph's events are looked up inside the write that unifies with them (`look_up`), so
    two writers cannot both miss the other's new event: a write first takes its turn on the
    graph's state node, and the windows it read before are read again when someone else wrote
    since its last write. A write transaction the driver retries starts from the index as it
    was: `begin` opens a journal of what the index learns, `rollback` undoes it (at the start
    of each attempt, and when the write fails), `commit` keeps it.
    """

    def __init__(self, known: Iterable[KnownEvent] = ()) -> None:
        self._by_month: dict[tuple[str, str], list[KnownEvent]] = {}
        self._by_id: dict[str, KnownEvent] = {}
        self._journal: list[Callable[[], object]] | None = None
        for k in known:
            self._remember(k)

        self._read: set[tuple[str, str]] = set()  # (kind, month) windows read from the graph
        self._revision: str | None = None  # the graph's revision after this index's last write

    def __len__(self) -> int:
        return len(self._by_id)

    def begin(self) -> None:
        """Start noting what the index learns, so that `rollback` can undo it."""
        self._journal = []

    def rollback(self) -> None:
        """Forget what was learnt since `begin` (the write that learnt it was not committed)."""
        while self._journal:
            self._journal.pop()()

    def commit(self) -> None:
        """Keep what was learnt since `begin` (its write is committed)."""
        self._journal = None

    def _undo(self, step: Callable[[], object]) -> None:
        if self._journal is not None:
            self._journal.append(step)

    def look_up(self, tx: ManagedTransaction, batch: Sequence[ArticleFacts]) -> None:
        """In the write transaction `tx`, before it writes: take the writer's turn, then know
        the graph's events of the kinds and months `batch` mentions (each window once while no
        one else writes)."""
        turn = tx.run(catalog.render("take_write_turn")).single()
        seen = turn["revision"] if turn is not None else None
        if seen != self._revision:  # another writer wrote since: what was read may be stale
            read, self._read = self._read, set()
            self._undo(lambda: setattr(self, "_read", read))
        wanted = sorted(
            {
                (str(e.kind), e.when.month)
                for f in batch
                for e in f.events
                if e.when is not None and e.kind not in _OWN_IDS
            }
            - self._read
        )
        if not wanted:
            return
        self._read.update(wanted)
        self._undo(lambda: self._read.difference_update(wanted))
        windows = [{"kind": k, "lo": f"{m}-01", "hi": _next_month(m)} for k, m in wanted]
        for row in tx.run(catalog.render("read_event_candidates"), windows=windows):
            self._remember(_known_row(row.data()))

    def wrote(self, tx: ManagedTransaction) -> None:
        """Note the graph's revision once the write in `tx` is done: the mark of its turn."""
        row = tx.run(catalog.render("read_revision")).single()
        previous, self._revision = self._revision, row["revision"] if row is not None else None
        self._undo(lambda: setattr(self, "_revision", previous))

    def _remember(self, k: KnownEvent) -> None:
        found = self._by_id.get(k.id)
        if found is not None:
            old_month = found.when.month if found.when else None
            before = (found.when, found.place, set(found.participants))
            found.absorb(k)
            self._undo(lambda: _restore(found, *before))
            if found.when and found.when.month != old_month:
                self._file(found, found.when.month)
            return
        self._by_id[k.id] = k
        self._undo(lambda: self._by_id.pop(k.id))
        if k.when:
            self._file(k, k.when.month)

    def _file(self, k: KnownEvent, month: str) -> None:
        listed = self._by_month.setdefault((k.kind, month), [])
        listed.append(k)
        self._undo(listed.pop)

    def match(self, mention: KnownEvent) -> str | None:
        """The id of the known event `mention` names, or None."""
        if mention.when is None or mention.kind in _OWN_IDS or mention.id in self._by_id:
            return None
        scored = sorted(
            (
                (s, k)
                for k in self._by_month.get((mention.kind, mention.when.month), [])
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
    if finer(second.when, first.when):
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
