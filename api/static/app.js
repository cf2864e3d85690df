// The analyst's page: wires the search, the views and the details panel, and keeps the URL in step.

import { fetchAllEvents } from "./api.js";
import { showDetails } from "./details.js";
import { h, replaceChildren } from "./dom.js";
import { createGraph } from "./graphview.js";
import { NODE_TYPES } from "./palette.js";
import { createRounds } from "./rounds.js";
import { createSearch } from "./search.js";
import { createTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const VIEWS = ["graph", "timeline", "rounds"];
const state = { view: "graph", sel: null, round: null, from: "", to: "", hideKinds: new Set(), hideTypes: new Set() };
let events = [];
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

function readHash() {
  const p = new URLSearchParams(window.location.hash.slice(1));
  state.view = VIEWS.includes(p.get("view")) ? p.get("view") : "graph";
  state.sel = decodeSelection(p.get("sel") || "");
  state.round = p.get("round") || null;
  state.from = p.get("from") || "";
  state.to = p.get("to") || "";
  state.hideKinds = new Set((p.get("hide") || "").split(",").filter(Boolean));
  state.hideTypes = new Set((p.get("types") || "").split(",").filter(Boolean));
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
  const hash = `#${p}`;
  if (hash !== window.location.hash) window.history[push ? "pushState" : "replaceState"](null, "", hash);
}

/** Selects a node, an edge, an event or an article: details, graph highlight and URL follow. */
async function select(sel, push = true) {
  if (sel?.kind === "edge" && !sel.types && graph) {
    await graph.expand(sel.source).catch(() => null);
    sel = graph.edge(sel.id) || sel;
  }
  state.sel = sel;
  writeHash(push);
  timeline?.update({ selected: sel?.kind === "event" ? sel.id : null });
  if (sel?.kind === "edge" && !sel.types) {
    replaceChildren($("details"), h("p", { class: "error" }, `No edge ${sel.id} in the graph.`));
  } else {
    showDetails($("details"), sel, (next) => select(next));
  }
  if (graph && state.view === "graph") await graph.select(sel).catch(notify);
}

function showView(view) {
  state.view = view;
  for (const name of VIEWS) {
    $(`view-${name}`).hidden = name !== view;
    $(`tab-${name}`).setAttribute("aria-selected", String(name === view));
  }
  if (view === "graph" && graph) {
    graph.resize();
    if (state.sel) graph.select(state.sel).catch(notify);
    else if (graph.isEmpty()) seedGraph();
  }
  if (view === "timeline") timeline.render();
  if (view === "rounds") rounds.show(state.round).catch(notify);
}

/** Starts an empty graph from the round of talks with the longest roll call. */
async function seedGraph() {
  const busiest = [...events].filter((e) => e.kind === "talks").sort((a, b) => b.participants.length - a.participants.length)[0];
  if (busiest) await graph.expand(busiest.id).catch(notify);
}

function setRange(from, to) {
  [state.from, state.to] = [from, to];
  $("range-from").value = from;
  $("range-to").value = to;
  writeHash(false);
  timeline.update({ from, to });
  graph?.setFilters({ from, to });
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

function showGraphStatus({ nodes, shown, edges, truncated }) {
  const parts = [`${nodes} nodes`, shown < nodes ? `${shown} shown` : null, `${edges} edges`,
    truncated ? "last expansion cut at 100 nodes" : null, "double-click a node (or Expand) to add its neighbours"];
  $("graph-status").textContent = parts.filter(Boolean).join(" · ");
}

function notify(error) {
  const box = $("notice");
  box.textContent = error instanceof Error ? error.message : String(error);
  box.hidden = false;
}

function wireControls() {
  for (const name of VIEWS) $(`tab-${name}`).addEventListener("click", () => { showView(name); writeHash(true); });
  $("range-from").addEventListener("change", (e) => setRange(e.target.value, state.to));
  $("range-to").addEventListener("change", (e) => setRange(state.from, e.target.value));
  $("range-clear").addEventListener("click", () => setRange("", ""));
  const selectedNode = () => (state.sel && state.sel.kind !== "edge" ? state.sel.id : null);
  $("graph-expand").addEventListener("click", () => selectedNode() && graph?.expand(selectedNode()).catch(notify));
  $("graph-layout").addEventListener("click", () => graph?.relayout());
  $("graph-fit").addEventListener("click", () => graph?.fit());
  $("graph-zoom-in").addEventListener("click", () => graph?.zoom(1.25));
  $("graph-zoom-out").addEventListener("click", () => graph?.zoom(0.8));
  $("graph-clear").addEventListener("click", () => graph?.clear());
  window.addEventListener("popstate", () => { readHash(); applyState(); });
}

function applyState() {
  $("range-from").value = state.from;
  $("range-to").value = state.to;
  timeline.update({ events, from: state.from, to: state.to, hidden: state.hideKinds });
  graph?.setFilters({ from: state.from, to: state.to, hiddenTypes: new Set(state.hideTypes) });
  renderTypeChips();
  showView(state.view);
  select(state.sel, false);
}

async function main() {
  readHash();
  wireControls();
  try {
    graph = createGraph($("graph-canvas"), { onSelect: (sel) => select(sel), onChange: showGraphStatus });
  } catch (error) {
    notify(error);
  }
  timeline = createTimeline({ chart: $("timeline-chart"), list: $("timeline-list"), kinds: $("timeline-kinds") }, {
    onSelect: (sel) => select(sel),
    onRange: (from, to) => setRange(from, to),
    onKinds: (hidden) => { state.hideKinds = hidden; writeHash(false); timeline.update({ hidden }); },
  });
  rounds = createRounds({ list: $("rounds-list"), rollcall: $("rollcall") }, {
    onSelect: (sel) => select(sel),
    onRound: (id) => { state.round = id; writeHash(true); rounds.show(id).catch(notify); },
  });
  createSearch($("search-input"), $("search-results"), { events: () => events, onSelect: (sel) => select(sel) });
  try {
    [events] = await Promise.all([fetchAllEvents(), rounds.load()]);
  } catch (error) {
    notify(error);
  }
  applyState();
  document.body.dataset.ready = "true";
}

main();
