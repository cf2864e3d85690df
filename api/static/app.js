// The analyst's page: wires the search, the views and the details panel, and keeps the URL in step.

import { formatDate } from "./dates.js";
import { prefetchEvent, showDetails } from "./details.js";
import { h, replaceChildren } from "./dom.js";
import { createGraph } from "./graphview.js";
import { NODE_TYPES } from "./palette.js";
import { predicatePhrase } from "./words.js";
import { closeReader, configureReader, openReader, readerOpen } from "./reader.js";
import { createRounds } from "./rounds.js";
import { createSearch } from "./search.js";
import { createEventStore } from "./timedata.js";
import { createTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const VIEWS = ["graph", "timeline", "rounds"];
const state = { view: "graph", sel: null, round: null, from: "", to: "", hideKinds: new Set(), hideTypes: new Set(), read: null };
let events = [];  // those of the date range in view
const store = createEventStore();
let rangeTicket = 0;
let graph = null;
let timeline = null;
let rounds = null;

/** A selection as it appears in the URL: "event:<id>", "entity:<id>", "edge:<source>|<target>". */
function encodeSelection(sel) {
  if (!sel) return "";
  return sel.kind === "edge" ? `edge:${sel.source}|${sel.target}` : `${sel.kind}:${sel.id}`;
}

function decodeSelection(text) {
  const cut = text.indexOf(":");
  if (cut < 1) return null;
  const [kind, id] = [text.slice(0, cut), text.slice(cut + 1)];
  if (kind === "edge") {
    const [source, target] = id.split("|");
    return source && target ? { kind, id, source, target } : null;
  }
  return ["entity", "event", "article", "issue"].includes(kind) && id ? { kind, id } : null;
}

/** The article open in the reader as it appears in the URL: "<article id>@<start>-<end>". */
function encodeRead(read) {
  return read ? `${read.article}@${read.start ?? ""}-${read.end ?? ""}` : "";
}

function decodeRead(text) {
  const cut = text.lastIndexOf("@");
  if (cut < 1) return text ? { article: text, start: null, end: null } : null;
  const [start, end] = text.slice(cut + 1).split("-").map((x) => (/^\d+$/.test(x || "") ? Number(x) : null));
  return { article: text.slice(0, cut), start, end };
}

/** Opens or closes the reader to match state.read (a URL that was shared, or Back and Forward). */
function applyRead() {
  if (!state.read) return closeReader();
  if (readerOpen(state.read.article)) return null;
  return openReader({ article: { id: state.read.article }, start: state.read.start, end: state.read.end }, $("details"));
}

function readHash() {
  const p = new URLSearchParams(window.location.hash.slice(1));
  state.view = VIEWS.includes(p.get("view")) ? p.get("view") : "graph";
  state.sel = decodeSelection(p.get("sel") || "");
  state.round = p.get("round") || null;
  state.from = p.get("from") || "";
  state.to = p.get("to") || "";
  state.hideKinds = new Set((p.get("hide") || "").split(",").filter(Boolean));
  state.hideTypes = new Set((p.get("types") || "").split(",").filter(Boolean));
  state.read = decodeRead(p.get("read") || "");
}

function writeHash(push) {
  const p = new URLSearchParams();
  p.set("view", state.view);
  if (state.sel) p.set("sel", encodeSelection(state.sel));
  if (state.round) p.set("round", state.round);
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  if (state.hideKinds.size) p.set("hide", [...state.hideKinds].join(","));
  if (state.hideTypes.size) p.set("types", [...state.hideTypes].join(","));
  if (state.read) p.set("read", encodeRead(state.read));
  const hash = `#${p}`;
  if (hash !== window.location.hash) window.history[push ? "pushState" : "replaceState"](null, "", hash);
}

/** Selects a node, an edge, an event or an article: details, graph highlight and URL follow. */
async function select(sel, push = true, { centre = false } = {}) {
  if (sel?.kind === "edge" && !sel.types && graph) {
    await graph.expand(sel.source).catch(() => null);
    sel = graph.edge(sel.id) || sel;
  }
  state.sel = sel;
  writeHash(push);
  timeline?.update({ selected: sel?.kind === "event" ? sel.id : null });
  if (sel?.kind === "edge" && !sel.types) {
    replaceChildren($("details"), h("p", { class: "error" }, `No edge ${sel.id} in the graph.`));
  } else if (!sel) {
    showDetails($("details"), null, () => null);
    showHome();
  } else {
    showDetails($("details"), sel, (next) => select(next));
  }
  if (graph && state.view === "graph") await (centre ? graph.centreOn(sel.id) : graph.select(sel)).catch(notify);
}

function showView(view) {
  state.view = view;
  $("story").hidden = view === "rounds";
  for (const name of VIEWS) {
    $(`view-${name}`).hidden = name !== view;
    $(`tab-${name}`).setAttribute("aria-selected", String(name === view));
    $(`tab-${name}`).tabIndex = name === view ? 0 : -1;
  }
  if (view === "graph" && graph) {
    graph.resize();
    if (state.sel) graph.select(state.sel).catch(notify);
    else if (graph.isEmpty()) seedGraph();
  }
  if (view === "timeline") timeline.render();
  if (view === "rounds") rounds.show(state.round).catch(notify);
}

/** Starts an empty graph from the round of talks in range with the longest roll call (from the
 * timeline in view, else from the rounds list). */
let seeding = null;
function seedGraph() {
  seeding ||= (async () => {
    const talks = events.filter((e) => e.kind === "talks").sort((a, b) => b.participants.length - a.participants.length);
    const busiest = talks[0] || [...(rounds?.list() || [])].sort((a, b) => b.attendee_count - a.attendee_count)[0];
    if (busiest && graph.isEmpty()) await graph.expand(busiest.id).catch(notify);
  })().finally(() => { seeding = null; });
  return seeding;
}

/** The details panel with nothing selected: the latest rounds of talks and the latest events. */
function showHome() {
  const latest = (items) => [...items].filter((x) => x.date).sort((a, b) => b.date.localeCompare(a.date)).slice(0, 5);
  const item = (e, note) => h("li", {}, h("span", { class: "date" }, formatDate(e.date, e.date_precision)), " ",
    h("a", { href: "#", onclick: (ev) => { ev.preventDefault(); select({ kind: "event", id: e.id }); } }, e.label), " ",
    h("span", { class: "muted" }, note));
  const roundsList = latest(rounds?.list() || []);
  const recent = latest(events);
  replaceChildren($("details"), h("article", { class: "card home" },
    h("p", { class: "hint" }, "Select a node, an edge, an event or a search result to see what the sources say about it."),
    roundsList.length ? h("section", { class: "card-section" }, h("h3", {}, "Latest rounds of talks"),
      h("ul", { class: "plain events-mini" }, roundsList.map((r) => item(r, [r.place?.name, `${r.attendee_count} attending`].filter(Boolean).join(" · "))))) : null,
    recent.length ? h("section", { class: "card-section" }, h("h3", {}, "Latest events"),
      h("ul", { class: "plain events-mini" }, recent.map((e) => item(e, e.kind.replaceAll("_", " "))))) : null));
}

/** "" or a real day as YYYY-MM-DD; null for anything else. */
function isoOrNull(text) {
  const value = text.trim();
  if (!value) return "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value ? null : value;
}

function readRangeInput(input, final) {
  const value = isoOrNull(input.value);
  const bad = value === null && (final || input.value.trim().length >= 10);
  input.setAttribute("aria-invalid", String(bad));
  if (value === null) return;
  const [from, to] = input.id === "range-from" ? [value, state.to] : [state.from, value];
  if (from !== state.from || to !== state.to) setRange(from, to);
}

function setRange(from, to) {
  [state.from, state.to] = [from, to];
  $("range-from").value = from;
  $("range-to").value = to;
  writeHash(false);
  graph?.setFilters({ from, to });
  loadRange(from, to).catch(notify);
  rounds?.load(from, to).catch(notify);
}

/** Asks for the events of [from, to] and shows them (the last range asked for wins). */
async function loadRange(from, to) {
  const mine = ++rangeTicket;
  timeline?.update({ from, to, note: "Loading the events of this range…" });
  const answer = await store.range(from, to);
  if (mine !== rangeTicket) return;
  showRange(answer);
}

function showRange({ events: inView, complete }) {
  events = inView;
  const note = complete ? "" : `Showing the first ${inView.length.toLocaleString("en")} events of this range: narrow it to see the rest.`;
  timeline?.update({ events, from: state.from, to: state.to, note, extent: store.extent(), overview: store.all() });
  document.body.dataset.events = String(events.length);
}

/** Steps the story to the next (delta 1) or previous (-1) event of the timeline in view: the
 * details show its sources and the graph centres on it and its participants. */
async function step(delta) {
  const list = timeline.visible().filter((e) => e.date);
  if (!list.length) return;
  const at = state.sel?.kind === "event" ? list.findIndex((e) => e.id === state.sel.id) : -1;
  const next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : at + delta;
  if (next < 0 || next >= list.length) {
    $("story-pos").textContent = next < 0 ? "At the first event in view" : "At the last event in view";
    return;
  }
  const e = list[next];
  $("story-pos").textContent = `${next + 1} of ${list.length}: ${formatDate(e.date, e.date_precision)}, ${e.label}`;
  timeline.reveal(e.id);
  await select({ kind: "event", id: e.id }, true, { centre: true });
  // once it has landed, the next steps either way are asked for while the analyst reads this one
  for (const near of [next + delta, next - delta]) {
    if (near === at || !list[near]) continue;
    prefetchEvent(list[near].id);
    graph?.prefetch(list[near].id);
  }
}

function renderTypeChips() {
  replaceChildren($("graph-types"), Object.entries(NODE_TYPES).map(([type, spec]) => h("button", {
    class: "chip", "aria-pressed": String(!state.hideTypes.has(type)), dataset: { type },
    onclick: () => {
      state.hideTypes.has(type) ? state.hideTypes.delete(type) : state.hideTypes.add(type);
      renderTypeChips();
      graph?.setFilters({ hiddenTypes: new Set(state.hideTypes) });
      writeHash(false);
    },
  }, h("span", { class: "swatch", style: { background: spec.color, clipPath: spec.clip } }), type)));
}

function showGraphStatus({ nodes, shown, edges, hidden, pinned, folded, more, history }) {
  const parts = [`${nodes} nodes`, shown < nodes ? `${shown} shown` : null, `${edges} edges`,
    hidden ? `${hidden} hidden` : null, pinned ? `${pinned} pinned` : null, folded ? `${folded} folded into delegations` : null,
    more.length ? null : "double-click a node (or Enter) to add its neighbours"];
  $("graph-counts").textContent = parts.filter(Boolean).join(" · ");
  replaceChildren($("graph-more"), more.map((m) => h("button", {
    class: "more", dataset: { id: m.id, count: String(m.count) },
    onclick: () => graph.showMore(m.id).catch(notify),
  }, `Show ${m.count}${m.capped ? "+" : ""} more around ${m.name}`)));
  $("graph-undo").disabled = history === 0;
}

function fillExpandTypes() {
  const types = ["ATTENDED", "MEDIATED", "MEMBER_OF", "LEADS", "DEMANDED", "PROPOSED", "REJECTED", "ACCUSED", "KILLED",
    "WITHDREW_FROM", "CAUSED", "PRECEDED", "HELD_IN"];
  $("graph-expand-type").append(...types.map((t) => h("option", { value: t }, predicatePhrase(t))));
}

function notify(error) {
  const box = $("notice");
  box.textContent = error instanceof Error ? error.message : String(error);
  box.hidden = false;
}

function wireControls() {
  for (const name of VIEWS) $(`tab-${name}`).addEventListener("click", () => { showView(name); writeHash(true); });
  document.querySelector("[role=tablist]").addEventListener("keydown", (e) => {
    const at = VIEWS.indexOf(state.view);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: VIEWS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const view = VIEWS[(next + VIEWS.length) % VIEWS.length];
    showView(view);
    writeHash(true);
    $(`tab-${view}`).focus();
  });
  for (const id of ["range-from", "range-to"]) {
    $(id).addEventListener("input", (e) => readRangeInput(e.target, false));
    $(id).addEventListener("change", (e) => readRangeInput(e.target, true));
    $(id).addEventListener("keydown", (e) => { if (e.key === "Enter") readRangeInput(e.target, true); });
  }
  $("details-toggle").addEventListener("click", () => {
    const open = $("details").hidden;
    $("details").hidden = !open;
    $("details-toggle").setAttribute("aria-expanded", String(open));
  });
  $("range-clear").addEventListener("click", () => { setRange("", ""); $("range-from").removeAttribute("aria-invalid"); $("range-to").removeAttribute("aria-invalid"); });
  const selectedNode = () => graph?.selectedId();
  $("graph-expand").addEventListener("click", () => {
    const types = $("graph-expand-type").value || null;
    const id = selectedNode() || (state.sel && !["edge", "article"].includes(state.sel.kind) ? state.sel.id : null);
    if (id) graph.expand(id, { types, direction: $("graph-expand-dir").value }).catch(notify);
  });
  $("graph-hide").addEventListener("click", () => { const id = selectedNode(); if (id) { graph.hide(id); select(null); } });
  $("graph-pin").addEventListener("click", () => { const id = selectedNode(); if (id) graph.togglePin(id); });
  $("graph-undo").addEventListener("click", () => graph?.undo());
  $("graph-fold").addEventListener("click", (e) => {
    const on = e.currentTarget.getAttribute("aria-pressed") !== "true";
    e.currentTarget.setAttribute("aria-pressed", String(on));
    graph?.setFolded(on);
  });
  $("graph-layout").addEventListener("click", () => graph?.relayout());
  $("graph-fit").addEventListener("click", () => graph?.fit());
  $("graph-zoom-in").addEventListener("click", () => graph?.zoom(1.25));
  $("graph-zoom-out").addEventListener("click", () => graph?.zoom(0.8));
  $("graph-clear").addEventListener("click", () => graph?.clear());
  window.addEventListener("popstate", () => { readHash(); applyState(); applyRead(); loadRange(state.from, state.to).catch(notify); });
  configureReader({
    onOpen: (read) => { state.read = read; writeHash(false); },
    onClose: () => { state.read = null; writeHash(false); },
  });
  $("story-prev").addEventListener("click", () => step(-1).catch(notify));
  $("story-next").addEventListener("click", () => step(1).catch(notify));
  const arrows = (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    step(e.key === "ArrowRight" ? 1 : -1).catch(notify);
  };
  $("story").addEventListener("keydown", arrows);
  $("timeline-chart").addEventListener("keydown", (e) => {
    arrows(e);
    if (e.key === "Enter" && state.sel) select(state.sel);
  });
}

function applyState() {
  $("range-from").value = state.from;
  $("range-to").value = state.to;
  timeline.update({ from: state.from, to: state.to, hidden: state.hideKinds });
  graph?.setFilters({ from: state.from, to: state.to, hiddenTypes: new Set(state.hideTypes) });
  renderTypeChips();
  showView(state.view);
  select(state.sel, false);
}

async function main() {
  readHash();
  fillExpandTypes();
  wireControls();
  try {
    graph = createGraph($("graph-canvas"), {
      onSelect: (sel) => select(sel), onChange: showGraphStatus,
      onAnnounce: (text) => { $("graph-focus").textContent = text; },
      precisionOf: (id) => store.get(id)?.date_precision,
    });
  } catch (error) {
    notify(error);
  }
  timeline = createTimeline({ chart: $("timeline-chart"), list: $("timeline-list"), wrap: $("timeline-wrap"), kinds: $("timeline-kinds") }, {
    onSelect: (sel) => select(sel),
    onRange: (from, to) => setRange(from, to),
    onKinds: (hidden) => { state.hideKinds = hidden; writeHash(false); timeline.update({ hidden }); },
  });
  rounds = createRounds({ list: $("rounds-list"), rollcall: $("rollcall") }, {
    onSelect: (sel) => select(sel),
    onRound: (id) => { state.round = id; writeHash(true); rounds.show(id).catch(notify); },
  });
  createSearch($("search-input"), $("search-results"), { events: () => store.all(), onSelect: (sel) => select(sel) });
  try {
    await store.span();
    if (state.from || state.to) {
      await Promise.all([loadRange(state.from, state.to), rounds.load(state.from, state.to)]);
    } else {
      const first = await store.opening();
      [state.from, state.to] = [first.from, first.to];
      writeHash(false);
      // the rounds are asked for beside the timeline's pages, and the graph grows from the
      // busiest round of the range while they come
      const roundsLoaded = rounds.load(state.from, state.to);
      showRange(await first.loaded);
      if (graph && state.view === "graph" && !state.sel && graph.isEmpty()) {
        graph.setFilters({ from: state.from, to: state.to, hiddenTypes: new Set(state.hideTypes) });
        seedGraph();
      }
      await roundsLoaded;
    }
  } catch (error) {
    notify(error);
  }
  applyState();
  applyRead();
  document.body.dataset.ready = "true";
}

main();
