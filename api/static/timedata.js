// The timeline's events, asked of the API for the date range in view (a few pages at most) and
// kept by id, so that panning back costs nothing and the rest of the page can look them up.

import { getJSON } from "./api.js";

const PAGE = 500;
const MAX_PAGES = 4;   // past 2,000 events the range is too wide to read: the page narrows it
const PROBE = 100;     // events of the first look at the timeline: its start, and how many in all
const OPENING = 400;   // about how many events the first view shows: one page of them
const LADDER = [1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8];  // the stretches counted for it, against a first guess
const DAY = 86400000;

/** The first and last day an event's date covers, as YYYY-MM-DD ("2024-10" is a month). */
export function daysOf(e) {
  if (e.date_start && e.date_end) return [e.date_start, e.date_end];
  const d = String(e.date);
  if (d.length === 4) return [`${d}-01-01`, `${d}-12-31`];
  if (d.length === 7) return [`${d}-01`, `${d}-${new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).getUTCDate()}`];
  return [d, d];
}

const itemsOf = (page) => page.items ?? page.events ?? (Array.isArray(page) ? page : []);

/** The store of events seen so far. */
export function createEventStore() {
  const byId = new Map();
  const windows = new Map();  // "from|to" -> {events, complete}
  let extent = null;
  let probing = null;

  function keep(events) {
    for (const e of events) byId.set(e.id, e);
    for (const e of events) {
      if (!e.date || !extent) continue;
      const [first, last] = daysOf(e);
      if (first < extent[0]) extent[0] = first;
      if (last > extent[1]) extent[1] = last;
    }
  }

  /** The events dated within [from, to] ("" for an open end), in date order; `complete` is false
   * when there were more than MAX_PAGES pages of them. */
  async function range(from, to) {
    const key = `${from}|${to}`;
    if (windows.has(key)) return windows.get(key);
    const events = [];
    let cursor = null;
    let pages = 0;
    do {
      const page = await getJSON("/timeline", { from, to, limit: PAGE, cursor });
      events.push(...itemsOf(page));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < MAX_PAGES);
    const answer = { events, complete: !cursor };
    keep(events);
    windows.set(key, answer);
    return answer;
  }

  /** The first and last day of the graph's events: the first event of the timeline (from a
   * short first page, which opening() reads again for its count) and the newest article;
   * events dated later, such as planned rounds, widen it when they are loaded. */
  async function span() {
    probing = getJSON("/timeline", { limit: PROBE });  // asked now, read by opening()
    const [first, articles] = await Promise.all([probing, getJSON("/articles", { limit: 1 })]);
    const dated = itemsOf(first).find((e) => e.date);
    const start = dated ? daysOf(dated)[0] : null;
    const newest = itemsOf(articles)[0]?.published;
    const end = [newest, start].filter(Boolean).sort().pop();
    extent = start && end ? [start, end] : null;
    return extent;
  }

  /** The range to open on: all of it when it fits one page, else the latest stretch of about
   * OPENING events that does (sized by counts, see below). {from, to, loaded}: `loaded`
   * resolves with its events ({events, complete}). */
  async function opening() {
    if (!extent) return { from: "", to: "", loaded: range("", "") };
    const probe = await (probing || getJSON("/timeline", { limit: PROBE }));
    if (!probe.next_cursor) {
      const all = { events: itemsOf(probe), complete: true };
      keep(all.events);
      windows.set("|", all);
      return { from: "", to: "", loaded: Promise.resolve(all) };
    }
    const count = probe.total ?? Infinity;
    if (count <= PAGE) return { from: "", to: "", loaded: range("", "") };
    // the events' density: over the whole span from the count, else over the probe's own days
    const dated = itemsOf(probe).filter((e) => e.date);
    const [days0, events0] = Number.isFinite(count)
      ? [(Date.parse(extent[1]) - Date.parse(extent[0])) / DAY, count]
      : [(Date.parse(daysOf(dated[dated.length - 1])[0]) - Date.parse(daysOf(dated[0])[0])) / DAY, dated.length];
    // events are seldom spread evenly: stretches from an eighth of that guess to eight times it
    // are counted at once (one-event pages cost little), and the widest that fits one page is taken
    const whole = Math.max(1, (Date.parse(extent[1]) - Date.parse(extent[0])) / DAY);
    const to = extent[1];
    const fromOf = (d) => new Date(Date.parse(to) - d * DAY).toISOString().slice(0, 10);
    const guess = Math.max(1, days0) * OPENING / Math.max(1, events0);
    const ladder = [...new Set(LADDER.map((f) => Math.min(Math.ceil(whole), Math.max(1, Math.round(guess * f)))))];
    const counts = await Promise.all(ladder.map((d) => getJSON("/timeline", { from: fromOf(d), to, limit: 1 })
      .then((page) => page.total ?? (page.next_cursor ? Infinity : itemsOf(page).length))));
    const fitting = ladder.filter((_, i) => counts[i] <= PAGE);
    const days = fitting.length ? fitting[fitting.length - 1] : ladder[0];
    const from = fromOf(days);
    return { from, to, loaded: range(from, to) };
  }

  return {
    range, span, opening,
    get: (id) => byId.get(id),
    all: () => [...byId.values()],
    extent: () => extent,
  };
}
