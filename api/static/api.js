// Calls to the public API of this server.

/** GET a JSON document; throws an Error carrying the API's `detail` when the answer is not 2xx. */
export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

/** Every event of the timeline, following the cursor from page to page. */
export async function fetchAllEvents() {
  const events = [];
  let cursor = null;
  do {
    const page = await getJSON("/timeline", { limit: 500, cursor });
    events.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor);
  return events;
}

export const searchEntities = (q, limit = 8) => getJSON("/entities", { q, limit });
export const fetchEntity = (id) => getJSON(`/entities/${encodeURIComponent(id)}`);
export const fetchEvent = (id) => getJSON(`/events/${encodeURIComponent(id)}`);
export const fetchChain = (id) => getJSON(`/events/${encodeURIComponent(id)}/chain`, { depth: 2 });
export const fetchArticle = (id) => getJSON(`/articles/${encodeURIComponent(id)}`);
export const fetchRounds = () => getJSON("/rounds");
export const fetchRollCall = (id) => getJSON(`/rounds/${encodeURIComponent(id)}/attendees`);
export const fetchNeighbourhood = (id, limit = 100) =>
  getJSON("/graph/neighbourhood", { id, depth: 1, limit });
