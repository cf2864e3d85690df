// The roll-call view: pick a round of talks, see who attended for whom, who mediated, and the sources.

import * as api from "./api.js";
import { formatDate } from "./dates.js";
import { quoteBlock, sideBySide, standingBadge } from "./details.js";
import { h, replaceChildren } from "./dom.js";
import { NODE_TYPES } from "./palette.js";
import { attendancePhrases, quoteKey } from "./words.js";

const PAGE = 200;

/** The rounds view; `onSelect(sel)` opens an attendee, `onRound(id)` reports the round picked. */
export function createRounds({ list, rollcall }, { onSelect, onRound }) {
  let rounds = [];
  let current = null;
  let range = { from: "", to: "" };
  let next = null;
  let total = 0;

  /** The first page of the rounds of [from, to] (the date range in view); more on demand. */
  async function load(from = "", to = "") {
    range = { from, to };
    const page = await api.getJSON("/rounds", { from, to, limit: PAGE });
    if (range.from !== from || range.to !== to) return;
    [rounds, next, total] = [page.items, page.next_cursor, page.total ?? page.items.length];
    renderList();
  }

  async function more() {
    const page = await api.getJSON("/rounds", { ...range, limit: PAGE, cursor: next });
    rounds = [...rounds, ...page.items];
    next = page.next_cursor;
    renderList();
  }

  function renderList() {
    const items = rounds.map((r) => h("li", {},
      h("button", {
        class: `round${r.id === current ? " current" : ""}`, dataset: { id: r.id }, "aria-current": r.id === current ? "true" : null,
        onclick: () => onRound(r.id),
      },
      h("span", { class: "round-date" }, formatDate(r.date, r.date_precision)),
      h("span", { class: "round-label" }, r.label),
      h("span", { class: "muted" }, [r.place?.name, `${r.attendee_count} attending`].filter(Boolean).join(" · ")))));
    const tail = next ? h("li", {}, h("button", { class: "more", onclick: () => more() }, `Show ${Math.min(PAGE, total - rounds.length)} more of ${total}`)) : null;
    replaceChildren(list, items.length ? [items, tail] : h("li", { class: "muted" }, range.from || range.to ? "No round of talks in this date range." : "No round of talks in the graph."));
  }

  /** Shows the roll call of round `id`. */
  async function show(id) {
    current = id;
    renderList();
    if (!id) return replaceChildren(rollcall, h("p", { class: "hint" }, "Pick a round of talks to see its roll call."));
    const call = await api.fetchRollCall(id);
    const summary = rounds.find((r) => r.id === id);
    const open = (sel) => onSelect(sel);
    const delegations = call.attendees.filter((a) => a.type === "Delegation");
    const members = (d) => call.attendees.filter((a) => a.delegation?.id === d.id);
    const others = call.attendees.filter((a) => a.type !== "Delegation" && !a.delegation);
    const stray = call.attendees.filter((a) => a.delegation && !delegations.some((d) => d.id === a.delegation.id));
    const quotes = collectQuotes(call.attendees);
    const cells = { open, quotes };
    replaceChildren(rollcall, h("article", { class: "card", "data-id": id },
      h("header", { class: "card-head" },
        h("h2", {}, h("a", { href: "#", onclick: (e) => { e.preventDefault(); open({ kind: "event", id }); } }, call.round.label)),
        h("span", { class: "badge" }, formatDate(call.round.date, call.round.date_precision)),
        call.place ? h("span", { class: "muted" }, call.place.name) : null),
      summary ? h("p", { class: "mediators" },
        h("strong", {}, "Mediated by: "), names(summary.mediators, open) || "nobody recorded",
        summary.hosts.length ? [h("strong", {}, "  Hosted by: "), names(summary.hosts, open)] : null) : null,
      h("table", { class: "roll" },
        h("thead", {}, h("tr", {}, h("th", {}, "Attendee"), h("th", {}, "Standing"), h("th", {}, "Roles"), h("th", {}, "Why listed"), h("th", {}, "Sources"))),
        delegations.map((d) => h("tbody", { class: "group" },
          groupRow(d, cells), members(d).map((m) => row(m, cells, true, false)))),
        stray.length ? h("tbody", { class: "group" }, stray.map((m) => row(m, cells, false, true))) : null,
        others.length ? h("tbody", { class: "group" }, h("tr", { class: "group-head" }, h("th", { colspan: 5 }, "Parties and others attending")),
          others.map((m) => row(m, cells, false, false))) : null),
      quoteList(quotes, open),
    ));
  }

  return { load, show, list: () => rounds };
}

function names(refs, open) {
  if (!refs.length) return null;
  return refs.flatMap((r, i) => [i ? ", " : "", link(r, open)]);
}

function link(ref, open) {
  return h("a", { href: "#", class: "ref", onclick: (e) => { e.preventDefault(); open({ kind: "entity", id: ref.id }); } }, ref.name || ref.id);
}

function swatch(type) {
  const spec = NODE_TYPES[type] || NODE_TYPES.Article;
  return h("span", { class: "swatch", style: { background: spec.color, clipPath: spec.clip }, title: type });
}

function groupRow(d, cells) {
  return h("tr", { class: "group-head", dataset: { id: d.id, standing: d.standing } },
    h("th", {}, swatch(d.type), link(d, cells.open), h("span", { class: "muted" }, " — delegation")),
    h("td", {}, standingCell(d)), h("td", {}),
    h("td", {}, attendancePhrases(d.links).join(", ")), h("td", {}, sources(d, cells)));
}

function standingCell(a) {
  const note = a.basis === "derived" ? "(inferred: member of an attending delegation)" : `\u00b7 ${a.sources} source${a.sources === 1 ? "" : "s"}`;
  return standingBadge(a.standing, note);
}

function row(a, cells, indented, showDelegation) {
  return h("tr", { dataset: { id: a.id, standing: a.standing }, class: indented ? "member" : "" },
    h("td", {}, swatch(a.type), link(a, cells.open), showDelegation ? h("span", { class: "muted" }, ` for ${a.delegation.name}`) : null),
    h("td", {}, standingCell(a)),
    h("td", {}, a.roles.join("; ")),
    h("td", {}, attendancePhrases(a.links, a.delegation?.name).join(", ")),
    h("td", {}, sources(a, cells)));
}

/** Every distinct quote of the roll call, numbered, with the attendees it supports. */
function collectQuotes(attendees) {
  const quotes = new Map();
  for (const a of attendees) {
    for (const q of a.evidence) {
      const key = quoteKey(q);
      if (!quotes.has(key)) quotes.set(key, { n: quotes.size + 1, q, supports: [] });
      const entry = quotes.get(key);
      if (!entry.supports.some((s) => s.id === a.id)) entry.supports.push(a);
    }
  }
  return quotes;
}

function uniqueQuotes(a) {
  const seen = new Set();
  return a.evidence.filter((q) => { const k = quoteKey(q); return seen.has(k) ? false : (seen.add(k), true); });
}

/** An attendee's sources: links to the numbered quotes below the table (each quote is shown
 * once), or both sides of a contested fact in the row itself. */
function sources(a, { open, quotes }) {
  const mine = uniqueQuotes(a);
  if (!mine.length) return h("span", { class: "muted" }, [...new Set(a.articles.map((x) => x.source || x.id))].join(", "));
  const sides = a.standing === "contested" ? sideBySide(mine, open) : null;
  if (sides) return sides;
  return h("span", { class: "quote-refs" }, mine.map((q) => {
    const { n } = quotes.get(quoteKey(q));
    return h("a", { href: `#rc-quote-${n}`, class: "quote-ref", dataset: { quote: String(n) }, title: q.sentence,
      onclick: (e) => { e.preventDefault(); showQuote(n); } }, `[${n}] ${q.article.source || "unknown outlet"}`);
  }));
}

function showQuote(n) {
  const target = document.getElementById(`rc-quote-${n}`);
  if (!target) return;
  document.querySelectorAll(".rc-quote.current").forEach((el) => el.classList.remove("current"));
  target.classList.add("current");
  target.scrollIntoView({ block: "nearest" });
  target.focus({ preventScroll: true });
}

/** The roll call's quotes, each once, with the attendees it names. */
function quoteList(quotes, open) {
  if (!quotes.size) return null;
  return h("section", { class: "card-section rc-quotes" }, h("h3", {}, `What the sources say (${quotes.size})`),
    h("ol", { class: "plain" }, [...quotes.values()].map(({ n, q, supports }) => h("li", { id: `rc-quote-${n}`, class: "rc-quote", tabindex: -1, dataset: { quote: String(n) } },
      h("span", { class: "quote-n" }, `[${n}]`), quoteBlock(q, open),
      h("p", { class: "supports" }, h("span", { class: "muted" }, "Supports: "), names(supports, open))))));
}
