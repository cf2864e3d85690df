// The graph view: cytoscape over /graph/neighbourhood, grown by expanding nodes, with one edge
// per pair of nodes counting its facts, hide / pin / undo, "show N more", delegations that fold
// into one node, labels chosen by zoom and importance, and the layout in a web worker.

import { getJSON, prefetchJSON } from "./api.js";
import { formatDate, inRange } from "./dates.js";
import { runLayout, warmLayout } from "./graphlayout.js";
import { wireGraphKeys } from "./graphkeys.js";
import { NODE_TYPES, nodeColor, nodeType } from "./palette.js";
import { factPhrase } from "./words.js";

const MAX_FIT_ZOOM = 1.4;
const BATCH = 40;         // new nodes one expansion adds; the rest wait behind "show N more"
const FETCH_LIMIT = 500;  // the API's cap
const HISTORY = 40;
const RING = 150;         // px between the rings new neighbours are placed on
const SLOT = 62;          // px of a ring each of them takes
const LABEL_REST_MS = 90;
const STRUCTURE = new Set(["PARTICIPATED_IN", "HELD_IN", "MENTIONS"]);

const STYLE = [
  { selector: "node", style: {
    "background-color": "data(color)", shape: "data(shape)", width: "data(size)", height: "data(size)",
    label: "data(label)", "font-size": 10, "font-family": "system-ui, sans-serif", color: "#222",
    "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 130,
    "text-background-color": "#fff", "text-background-opacity": 0.75, "text-background-padding": 1,
    "border-width": 1, "border-color": "#fff", "min-zoomed-font-size": 6,
  } },
  { selector: "node.nolabel", style: { label: "" } },
  { selector: "node[?centre]", style: { "border-width": 3, "border-color": "#333" } },
  { selector: "node.pinned", style: { "border-width": 3, "border-style": "dashed", "border-color": "#1f6fb4" } },
  { selector: "node[?folded]", style: { "border-width": 3, "border-style": "double", "border-color": "#6b4c8a" } },
  { selector: "edge", style: {
    width: "data(width)", "line-color": "#b8bec6", "target-arrow-color": "#b8bec6", "target-arrow-shape": "triangle",
    "arrow-scale": 0.8, "curve-style": "bezier", label: "", "font-size": 8, color: "#555",
    "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.85,
    "text-background-padding": 1, "min-zoomed-font-size": 7,
  } },
  { selector: "edge.labelled", style: { label: "data(label)" } },
  { selector: "edge[?fact]", style: { "line-color": "#7d8794", "target-arrow-color": "#7d8794" } },
  { selector: "edge[type = 'KILLED'], edge[type = 'ACCUSED']", style: { "line-color": "#d62728", "target-arrow-color": "#d62728" } },
  { selector: "edge[type = 'MEDIATED']", style: { "line-color": "#17a2b8", "target-arrow-color": "#17a2b8" } },
  { selector: "edge[?derived]", style: { "line-style": "dashed", "line-dash-pattern": [6, 4], "line-color": "#8a6d3b", "target-arrow-color": "#8a6d3b" } },
  { selector: ".faded", style: { opacity: 0.25 } },
  { selector: "edge.faded", style: { label: "" } },
  { selector: ".filtered, .hidden, .folded", style: { display: "none" } },
  { selector: ":selected", style: { "border-width": 4, "border-color": "#ffbf00", "line-color": "#ffbf00", "target-arrow-color": "#ffbf00" } },
];

/** The graph view in `container`; `onSelect(sel)` hears taps, `onChange(state)` every change,
 * `precisionOf(id)` gives an event's date precision when the page knows it. */
export function createGraph(container, { onSelect, onChange, onAnnounce = () => {}, precisionOf = () => null }) {
  if (!window.cytoscape) throw new Error("the graph library did not load: run `npm ci` in the repo root");
  warmLayout();
  // while the view pans or zooms, cytoscape moves a picture of the graph rather than draw it anew
  const cy = window.cytoscape({ container, style: STYLE, minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3, textureOnViewport: true });
  const filters = { hiddenTypes: new Set(), from: "", to: "" };
  const pending = new Map();  // centre id -> {name, nodes, edges, capped}: what "show more" adds
  const history = [];
  let foldDelegations = false;
  let current = null;
  let settled = Promise.resolve();  // the last layout, done
  let settling = 0;
  let selecting = 0;
  let lastLayout = null;
  let intent = { fit: true };  // what the view shows after a layout: the whole graph, or a step's event

  cy.on("tap", "node", (e) => onSelect(nodeSelection(e.target)));
  cy.on("tap", "edge", (e) => onSelect(edgeSelection(e.target)));
  cy.on("dbltap", "node", (e) => expand(e.target.id()));
  cy.on("tap", (e) => { if (e.target === cy) onSelect(null); });
  // labels are chosen again once the view rests, not on every frame of a zoom or an animation
  let labelTimer = 0;
  cy.on("zoom pan resize", () => { clearTimeout(labelTimer); labelTimer = setTimeout(updateLabels, LABEL_REST_MS); });

  /** Adds the neighbours of node `id` (of edge types `types`, in `direction`: "both", "out",
   * "in"), at most BATCH new ones; the others wait behind showMore(id). */
  async function expand(id, { types = null, direction = "both", animate = true, keepView = false } = {}) {
    if (!keepView) intent = { fit: true };
    const hood = await getJSON("/graph/neighbourhood", { id, depth: 1, limit: FETCH_LIMIT, types });
    remember();
    const edges = hood.edges.filter((e) => direction === "both" || (direction === "out" ? e.source === id : e.target === id)
      || (e.source !== id && e.target !== id));
    const reached = new Set([id]);
    for (const e of edges) if (e.source === id || e.target === id) reached.add(e.source === id ? e.target : e.source);
    const nodes = hood.nodes.filter((n) => reached.has(n.id) || direction === "both");
    const centre = nodes.find((n) => n.id === id);
    pending.set(id, { name: centre?.name || id, nodes: nodes.filter((n) => !cy.getElementById(n.id).length), edges, capped: hood.truncated });
    const fresh = cy.nodes().length === 0;
    if (centre && !cy.getElementById(id).length) addNode(centre, { x: 0, y: 0 });
    cy.nodes().forEach((n) => n.data("centre", n.id() === id));
    await addBatch(id, fresh, animate);
  }

  /** Adds the next batch of what the last expansion of `id` left out. */
  async function showMore(id) {
    if (!pending.has(id)) return;
    intent = { fit: true };
    remember();
    await addBatch(id, false);
  }

  /** Adds the next batch of `id`'s neighbours on rings around it, facing away from the rest of
   * the graph, and shows them at once; the force layout then tidies the graph in the worker and
   * moves the nodes there. Resolves once the batch is drawn: `settled` once the layout is done. */
  async function addBatch(id, fresh, animate = true) {
    const entry = pending.get(id);
    const anchor = cy.getElementById(id);
    const origin = anchor.length ? anchor.position() : { x: 0, y: 0 };
    const waitingNodes = entry.nodes.filter((n) => !cy.getElementById(n.id).length);
    const batch = waitingNodes.slice(0, BATCH);
    entry.nodes = waitingNodes.slice(BATCH);
    const slots = ringSlots(origin, batch.length, fresh ? null : awayFrom(origin));
    cy.batch(() => {
      batch.forEach((node, i) => addNode(node, slots[i]));
      for (const edge of entry.edges) addEdge(edge);
    });
    if (!entry.nodes.length && !entry.capped) pending.delete(id);
    applyFilters();
    highlight();
    showIntent(false);
    updateLabels();
    container.dataset.drawn = String(Number(container.dataset.drawn || 0) + 1);
    emit();
    const mine = ++settling;
    container.dataset.settling = "true";
    settled = layout(fresh, animate).then(emit).finally(() => {
      if (mine === settling) delete container.dataset.settling;
    });
  }

  /** The direction from the middle of the graph towards `origin` (null when they meet). */
  function awayFrom(origin) {
    const others = cy.nodes().not(".filtered, .hidden, .folded");
    if (others.length < 2) return null;
    const bb = others.boundingBox();
    const [dx, dy] = [origin.x - (bb.x1 + bb.x2) / 2, origin.y - (bb.y1 + bb.y2) / 2];
    return Math.hypot(dx, dy) < 1 ? null : Math.atan2(dy, dx);
  }

  /** `count` places on rings around `origin`, about SLOT apart; with a `facing` angle the first
   * places are those on that side. */
  function ringSlots(origin, count, facing) {
    const places = [];
    for (let ring = 1; places.length < count; ring++) {
      const radius = RING * ring;
      const room = Math.max(6, Math.floor((2 * Math.PI * radius) / SLOT));
      const here = Math.min(room, count - places.length);
      const step = (2 * Math.PI) / (facing === null ? here : room);
      for (let i = 0; i < here; i++) {
        // from the facing side outwards, one each way in turn, so that a part ring faces away
        const k = facing === null ? i : (i % 2 ? -1 : 1) * Math.ceil(i / 2);
        const angle = (facing ?? -Math.PI / 2) + k * step + (ring % 2 ? 0 : step / 2);
        places.push({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
      }
    }
    return places;
  }

  function addNode(node, place) {
    if (cy.getElementById(node.id).length) return;
    const type = nodeType(node);
    const spec = NODE_TYPES[type] || NODE_TYPES.Article;
    const name = node.name || node.id;
    const precision = node.date_precision || precisionOf(node.id) || "month";
    const label = node.node === "Event" && node.date ? `${name}\n${formatDate(node.date, precision)}` : name;
    cy.add({
      group: "nodes",
      data: { id: node.id, label, baseLabel: label, name, kind: node.node, type, eventKind: node.node === "Event" ? node.kind : null,
        date: node.date, precision, color: nodeColor(node), shape: spec.shape, size: node.node === "Event" ? 30 : 26 },
      position: { x: place.x, y: place.y },
    });
  }

  function addEdge(edge) {
    if (!cy.getElementById(edge.source).length || !cy.getElementById(edge.target).length) return;
    const id = `${edge.source}|${edge.target}`;
    const existing = cy.getElementById(id);
    const parts = existing.length ? [...existing.data("parts")] : [];
    if (parts.some((p) => p.type === edge.predicate && p.role === (edge.role || null))) return;
    parts.push({ type: edge.predicate, role: edge.role || null, basis: edge.basis || "stated" });
    const types = [...new Set(parts.map((p) => p.type))];
    const role = parts.find((p) => p.role)?.role || null;
    // one fact per phrase: ATTENDED and PARTICIPATED_IN as attendee are the same fact
    const phrases = [...new Set(parts.filter((p) => !STRUCTURE.has(p.type) || p.role).map((p) => factPhrase(p.type, p.role)))];
    const shown = phrases.length ? phrases : [factPhrase(types[0], role)];
    const inferred = parts.every((p) => p.basis === "derived");  // dashed unless an article states it
    const base = shown.length > 2 ? `${shown[0]} · ${shown[1]} +${shown.length - 2}` : shown.join(" · ");
    const facts = types.filter((t) => !STRUCTURE.has(t));
    const data = { id, source: edge.source, target: edge.target, types, role, parts, phrases: shown, count: shown.length,
      label: inferred ? `inferred: ${base}` : base, fact: facts.length > 0, type: facts[0] || types[0], derived: inferred,
      width: 1.2 + 0.8 * Math.min(shown.length, 4), standing: edge.standing };
    if (existing.length) existing.data(data);
    else cy.add({ group: "edges", data });
  }

  async function layout(fresh, animate = true) {
    const visible = cy.elements().not(".filtered, .hidden, .folded");
    let moved = false;
    const result = await runLayout(cy, visible, { fresh, animate, onPositions: (positions) => { moved = true; return showIntent(animate, positions); } });
    if (result.stale) return;
    lastLayout = result;
    container.dataset.layoutMs = String(Math.round(result.ms));
    container.dataset.layouts = String(Number(container.dataset.layouts || 0) + 1);
    container.dataset.layoutWhere = result.where;
    if (!moved) showIntent(false);  // the main thread's fallback moved the nodes itself
    updateLabels();
  }

  /** Fits the whole graph, or centres a story step's event and its participants; with
   * `positions` ({id: [x, y]}), as they will be once the nodes have moved there. */
  function showIntent(animated, positions = null) {
    const node = intent.centre ? cy.getElementById(intent.centre) : null;
    const eles = node?.length ? node.closedNeighborhood().not(".filtered, .hidden, .folded") : cy.elements().not(".filtered, .hidden, .folded");
    if (!eles.length) return null;
    const zoom = Math.min(MAX_FIT_ZOOM, fitZoom(eles, positions));
    const bb = boxOf(eles, positions);
    const pan = { x: cy.width() / 2 - zoom * (bb.x1 + bb.x2) / 2, y: cy.height() / 2 - zoom * (bb.y1 + bb.y2) / 2 };
    cy.stop();
    if (!animated) return cy.viewport({ zoom, pan });
    return cy.animation({ zoom, pan, duration: 150 }).play().promise().catch(() => null);
  }

  function applyFilters() {
    const ranged = Boolean(filters.from || filters.to);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const isEvent = n.data("kind") === "Event";
        const out = filters.hiddenTypes.has(n.data("type")) || (isEvent && !inRange(n.data("date"), filters, n.data("precision")));
        n.toggleClass("filtered", out);
      });
      // with a date range, what is linked only to events outside it goes too
      if (ranged) {
        cy.nodes().filter((n) => n.data("kind") !== "Event" && !n.hasClass("filtered")).forEach((n) => {
          const events = n.neighborhood("node[kind = 'Event']");
          if (events.length && events.filter((e) => !e.hasClass("filtered")).length === 0) n.addClass("filtered");
        });
      }
      foldMembers();
    });
  }

  /** Delegations folded: members whose every link is to the delegation or its events are hidden. */
  function foldMembers() {
    cy.nodes().removeClass("folded");
    cy.nodes("[type = 'Delegation']").forEach((d) => {
      let count = 0;
      if (foldDelegations) {
        const around = d.closedNeighborhood("node");
        d.incomers("edge").forEach((e) => {
          const member = e.source();
          if (!e.data("types").includes("MEMBER_OF") || member.data("type") === "Delegation") return;
          if (member.neighborhood("node").every((n) => around.contains(n))) { member.addClass("folded"); count++; }
        });
      }
      d.data({ folded: count > 0, label: count ? `${d.data("baseLabel")} (+${count})` : d.data("baseLabel") });
    });
  }

  /** Labels for the most important nodes whose labels do not collide on screen at this zoom:
   * the selection, its neighbours, then the most connected. */
  function updateLabels() {
    const visible = cy.nodes().not(".filtered, .hidden, .folded");
    const [w, h] = [cy.width(), cy.height()];
    const z = cy.zoom();
    const focus = current && current.kind !== "edge" ? cy.getElementById(current.id) : cy.collection();
    const near = focus.length ? focus.closedNeighborhood("node") : cy.collection();
    const rank = (n) => (n.same(focus) ? 1e9 : 0) + (n.data("centre") ? 1e8 : 0) + (near.contains(n) ? 1e6 : 0) + n.degree(false);
    const boxes = [];
    const keep = new Set();
    const onScreen = visible.filter((n) => { const p = n.renderedPosition(); return p.x > -50 && p.x < w + 50 && p.y > -50 && p.y < h + 50; });
    for (const n of onScreen.sort((a, b) => rank(b) - rank(a) || a.id().localeCompare(b.id()))) {
      const p = n.renderedPosition();
      const text = String(n.data("label"));
      const lines = text.split("\n");
      const width = Math.min(130, Math.max(...lines.map((l) => l.length)) * 5.6) * z;
      const height = Math.ceil(text.length * 5.6 / 130 + lines.length - 1) * 12 * z + 4;
      const top = p.y + (n.data("size") / 2) * z + 2;
      const box = [p.x - width / 2, top, p.x + width / 2, top + height];
      const free = !boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
      if (free || n.same(focus)) { boxes.push(box); keep.add(n.id()); }
    }
    cy.batch(() => {
      visible.forEach((n) => n.toggleClass("nolabel", !keep.has(n.id())));
      const edgesShown = cy.edges().not(".filtered, .hidden, .folded");
      const few = z >= 0.9 && edgesShown.length <= 80;
      edgesShown.forEach((e) => e.toggleClass("labelled", few || (focus.length > 0 && (e.source().same(focus) || e.target().same(focus)) && near.length <= 25)));
    });
    container.dataset.labelled = String(keep.size);
  }

  function emit() {
    const shown = cy.nodes().not(".filtered, .hidden, .folded");
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.shown = String(shown.length);
    container.dataset.edges = String(cy.edges().length);
    container.dataset.history = String(history.length);
    const inferred = cy.edges("[?derived]");  // what the page draws for edges no article states
    container.dataset.inferred = String(inferred.length);
    container.dataset.inferredStyle = [...new Set(inferred.map((e) => e.style("line-style")))].join(",");
    container.dataset.inferredLabels = inferred.map((e) => e.data("label")).join("|");
    const more = [...pending].filter(([id]) => cy.getElementById(id).length)
      .map(([id, p]) => ({ id, name: p.name, count: p.nodes.filter((n) => !cy.getElementById(n.id).length).length, capped: p.capped }))
      .filter((m) => m.count > 0);
    onChange({ nodes: cy.nodes().length, shown: shown.length, edges: cy.edges().length, hidden: cy.nodes(".hidden").length,
      pinned: cy.nodes(".pinned").length, folded: cy.nodes(".folded").length, more, history: history.length, layout: lastLayout });
  }

  /** Keeps the graph as it is now, for undo. */
  function remember() {
    history.push({ els: cy.elements().jsons(), pending: new Map([...pending].map(([k, v]) => [k, { ...v, nodes: [...v.nodes] }])), fold: foldDelegations });
    if (history.length > HISTORY) history.shift();
  }

  function undo() {
    const last = history.pop();
    if (!last) return false;
    cy.batch(() => { cy.elements().remove(); cy.add(last.els); });
    pending.clear();
    for (const [k, v] of last.pending) pending.set(k, v);
    foldDelegations = last.fold;
    cy.nodes(".pinned").lock();
    applyFilters();
    highlight();
    updateLabels();
    emit();
    return true;
  }

  function hide(id) {
    const node = cy.getElementById(id);
    if (!node.length) return;
    remember();
    node.addClass("hidden");
    if (current?.id === id) current = null;
    highlight();
    updateLabels();
    emit();
  }

  function togglePin(id) {
    const node = cy.getElementById(id);
    if (!node.length) return;
    remember();
    const pinned = !node.hasClass("pinned");
    node.toggleClass("pinned", pinned);
    if (pinned) node.lock(); else node.unlock();
    emit();
    return pinned;
  }

  /** Marks `sel` as selected, fading what is not next to it; adds the node when missing. */
  async function select(sel, { pan = true, animate = true, keepView = false } = {}) {
    const mine = ++selecting;
    current = sel;
    if (sel && sel.kind !== "edge" && sel.kind !== "article" && !cy.getElementById(sel.id).length) await expand(sel.id, { animate, keepView });
    if (mine !== selecting) return;
    const node = sel && sel.kind !== "edge" ? cy.getElementById(sel.id) : null;
    if (node?.hasClass("hidden")) node.removeClass("hidden");
    highlight();
    updateLabels();
    if (pan && node?.length && !inView(node.position())) cy.animate({ center: { eles: node }, duration: 150 });
    if (node?.length) onAnnounce(describe(node));
  }

  /** Selects event `id` and fits the view to it and its participants. */
  async function centreOn(id) {
    intent = { centre: id };
    // at once, not animated: a story step is read as soon as it lands (the layout that tidies
    // the graph afterwards moves it smoothly)
    await select({ kind: "event", id }, { pan: false, keepView: true });
    if (!cy.getElementById(id).length) return;
    showIntent(false);
    updateLabels();
    container.dataset.centred = id;
  }

  /** The model box of `eles`' nodes (with their size), at `positions` where given. */
  function boxOf(eles, positions) {
    if (!positions) return eles.boundingBox();
    const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    eles.nodes().forEach((n) => {
      const [x, y] = positions[n.id()] || [n.position("x"), n.position("y")];
      const r = n.width() / 2;
      [box.x1, box.y1, box.x2, box.y2] = [Math.min(box.x1, x - r), Math.min(box.y1, y - r), Math.max(box.x2, x + r), Math.max(box.y2, y + r + 14)];
    });
    return { ...box, w: box.x2 - box.x1, h: box.y2 - box.y1 };
  }

  function fitZoom(eles, positions = null) {
    const bb = boxOf(eles, positions);
    return Math.min((cy.width() - 80) / Math.max(bb.w, 1), (cy.height() - 80) / Math.max(bb.h, 1));
  }

  function describe(node) {
    const neighbours = node.neighborhood("node").not(".filtered, .hidden, .folded").length;
    return `${node.data("name")}, ${node.data("kind") === "Event" ? "event" : node.data("type")}, ${neighbours} neighbour${neighbours === 1 ? "" : "s"} shown${node.hasClass("pinned") ? ", pinned" : ""}`;
  }

  function highlight() {
    cy.elements().unselect().removeClass("faded");
    if (!current) return;
    if (current.kind === "edge") {
      cy.getElementById(`${current.source}|${current.target}`).select();
      return;
    }
    const node = cy.getElementById(current.id);
    if (!node.length) return;
    node.select();
    cy.elements().not(node.closedNeighborhood()).addClass("faded");
  }

  function inView({ x, y }) {
    const e = cy.extent();
    return x > e.x1 && x < e.x2 && y > e.y1 && y < e.y2;
  }

  function fit() {
    intent = { fit: true };
    showIntent(false);
  }

  /** Asks ahead for what centring on node `id` will need (the story's next step). */
  function prefetch(id) {
    if (!cy.getElementById(id).length) prefetchJSON("/graph/neighbourhood", { id, depth: 1, limit: FETCH_LIMIT });
  }

  const view = {
    expand, prefetch, showMore, select, centreOn, hide, togglePin, undo, fit,
    setFilters(next) { Object.assign(filters, next); applyFilters(); updateLabels(); emit(); },
    setFolded(on) { remember(); foldDelegations = on; applyFilters(); updateLabels(); emit(); },
    zoom(factor) { cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); },
    relayout() { intent = { fit: true }; return layout(true).then(emit); },
    settled: () => settled,
    clear() { remember(); cy.elements().remove(); pending.clear(); current = null; emit(); },
    resize() { cy.resize(); },
    isEmpty() { return cy.nodes().length === 0; },
    edge(id) { const e = cy.getElementById(id); return e.length && e.isEdge() ? edgeSelection(e) : null; },
    selectedId() { return current && current.kind !== "edge" && cy.getElementById(current.id).length ? current.id : null; },
    cy,
  };
  wireGraphKeys(container, view, { onSelect, nodeSelection, describe, onAnnounce });
  return view;
}

export function nodeSelection(node) {
  const kind = { Entity: "entity", Event: "event", Article: "article", Issue: "issue" }[node.data("kind")] || "entity";
  return { kind, id: node.id(), name: node.data("name") };
}

function edgeSelection(edge) {
  const [s, t] = [edge.source(), edge.target()];
  return {
    kind: "edge", id: edge.id(), source: s.id(), target: t.id(), types: edge.data("types"), role: edge.data("role"),
    sourceLabel: s.data("kind"), targetLabel: t.data("kind"), sourceName: s.data("name"), targetName: t.data("name"),
  };
}
