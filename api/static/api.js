// Calls to the public API of this server.

const ahead = new Map();  // url -> {at, answer}: documents asked for before the page needs them
const AHEAD_MS = 30000;   // a prefetched answer is used within this long, else asked again
const AHEAD_MAX = 48;

function urlOf(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  return url.href;
}

/** Asks for a document the page is likely to need next (the story's next step): a later
 * getJSON of the same path and parameters takes this answer instead of asking again. */
export function prefetchJSON(path, params = {}) {
  const url = urlOf(path, params);
  const kept = ahead.get(url);
  if (kept && performance.now() - kept.at < AHEAD_MS) return;
  const answer = request(url);
  answer.catch(() => ahead.delete(url));
  ahead.set(url, { at: performance.now(), answer });
  while (ahead.size > AHEAD_MAX) ahead.delete(ahead.keys().next().value);
}

/** GET a JSON document; throws an Error carrying the API's `detail` when the answer is not 2xx. */
export async function getJSON(path, params = {}) {
  const url = urlOf(path, params);
  const kept = ahead.get(url);
  if (kept) {
    ahead.delete(url);
    if (performance.now() - kept.at < AHEAD_MS) return kept.answer;
  }
  return request(url);
}

async function request(url) {
  const response = await fetch(url);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

/** Every item of a paged list ({items, next_cursor, total}), following the cursor to the end. */
export async function fetchAll(path, params = {}) {
  const items = [];
  let cursor = null;
  do {
    const page = await getJSON(path, { ...params, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/** Every event of the timeline, following the cursor from page to page. */
export const fetchAllEvents = () => fetchAll("/timeline", { limit: 500 });

export const searchEntities = (q, limit = 8) => getJSON("/entities", { q, limit }).then((page) => page.items);
// A profile's lists are first pages; the page shows their items.
export const fetchEntity = (id) => getJSON(`/entities/${encodeURIComponent(id)}`).then((e) => ({
  ...e, relations: e.relations.items, events: e.events.items, articles: e.articles.items,
}));
export const fetchEvent = (id) => getJSON(`/events/${encodeURIComponent(id)}`).then((e) => ({ ...e, relations: e.relations.items }));
export const fetchChain = (id) => getJSON(`/events/${encodeURIComponent(id)}/chain`, { depth: 2 });
export const fetchArticle = (id) => getJSON(`/articles/${encodeURIComponent(id)}`);
export const fetchRounds = () => fetchAll("/rounds", { limit: 1000 });
export const fetchRollCall = (id) => getJSON(`/rounds/${encodeURIComponent(id)}/attendees`);
export const fetchNeighbourhood = (id, limit = 100, types = null) =>
  getJSON("/graph/neighbourhood", { id, depth: 1, limit, types });
