// The timeline's table of events, virtualised: only the rows in (and near) the scrolled window
// are in the DOM, between two spacer rows that keep the scroll height of the whole list.

import { formatDate } from "./dates.js";
import { h, replaceChildren } from "./dom.js";
import { EVENT_KINDS, humanize } from "./palette.js";
import { roleNoun } from "./words.js";

export const ROW_HEIGHT = 34;
const OVERSCAN = 12;

/** The table `list` inside its scrolling `wrap`; `onSelect(sel)` on a click or Enter. */
export function createEventList(list, wrap, { onSelect, planned }) {
  let rows = [];
  let selected = null;
  let frame = 0;
  wrap.addEventListener("scroll", () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(draw); });
  window.addEventListener("resize", () => draw());

  function update(nextRows, nextSelected) {
    const signature = (r) => `${r.length}|${r[0]?.id}|${r[r.length - 1]?.id}`;
    if (signature(nextRows) !== signature(rows)) wrap.scrollTop = 0;  // another range or filter
    rows = nextRows;
    selected = nextSelected;
    list.dataset.count = String(rows.length);
    draw();
  }

  /** Scrolls the row of event `id` into view. */
  function reveal(id) {
    const at = rows.findIndex((e) => e.id === id);
    if (at < 0) return;
    const top = at * ROW_HEIGHT;
    const head = list.tHead?.offsetHeight || 0;
    if (top < wrap.scrollTop || top + ROW_HEIGHT > wrap.scrollTop + wrap.clientHeight - head) {
      wrap.scrollTop = Math.max(0, top - wrap.clientHeight / 3);
    }
    draw();
  }

  function draw() {
    const body = list.tBodies[0];
    if (!rows.length) {
      replaceChildren(body, h("tr", {}, h("td", { colspan: 5, class: "muted" }, "No event in this range.")));
      return;
    }
    const height = wrap.clientHeight || 600;
    const first = Math.max(0, Math.floor(wrap.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(rows.length, Math.ceil((wrap.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    const spacer = (n) => (n > 0 ? h("tr", { class: "spacer", "aria-hidden": "true" }, h("td", { colspan: 5, style: { height: `${n * ROW_HEIGHT}px`, padding: 0 } })) : null);
    replaceChildren(body, spacer(first), rows.slice(first, last).map((e, i) => row(e, first + i)), spacer(rows.length - last));
    list.dataset.rendered = String(last - first);
  }

  function row(e, index) {
    return h("tr", {
      dataset: { id: e.id, date: e.date || "" }, class: e.id === selected ? "selected" : "", tabindex: 0,
      "aria-rowindex": String(index + 2), style: { height: `${ROW_HEIGHT}px` },
      onclick: () => onSelect({ kind: "event", id: e.id }),
      onkeydown: (ev) => { if (ev.key === "Enter") onSelect({ kind: "event", id: e.id }); },
    },
    h("td", { class: "date" }, formatDate(e.date, e.date_precision)),
    h("td", { class: "kind" }, h("span", { class: "dot", style: { background: EVENT_KINDS[e.kind] || EVENT_KINDS.other } }), humanize(e.kind)),
    h("td", { class: "label", title: e.label }, planned(e) ? h("span", { class: "planned-tag", title: "announced or expected; no source yet reports it held" }, "planned") : null,
      e.label, e.place ? h("span", { class: "muted" }, ` · ${e.place.name}`) : null),
    h("td", { class: "who", title: e.participants.map((p) => p.name).join(", ") },
      e.participants.slice(0, 6).map((p) => `${p.name} (${roleNoun(p.role)})`).join(", "),
      e.participants.length > 6 ? ` +${e.participants.length - 6}` : ""),
    h("td", { class: "sources" }, sourceLinks(e.articles, onSelect)));
  }

  return { update, reveal };
}

/** One link per outlet (to its first article), with the count of its articles. */
function sourceLinks(articles, onSelect) {
  const outlets = new Map();
  for (const a of articles) {
    const name = a.source || a.title || a.id;
    if (!outlets.has(name)) outlets.set(name, { first: a, n: 0 });
    outlets.get(name).n += 1;
  }
  return [...outlets].flatMap(([name, { first, n }], i) => [i ? ", " : "", h("a", {
    href: "#", class: "source-link", dataset: { article: first.id },
    onclick: (ev) => { ev.preventDefault(); ev.stopPropagation(); onSelect({ kind: "article", id: first.id }); },
    onkeydown: (ev) => ev.stopPropagation(),
  }, n > 1 ? `${name} (${n})` : name)]);
}
