// The graph view: cytoscape over /graph/neighbourhood, grown by expanding nodes.

import { fetchNeighbourhood } from "./api.js";
import { formatDate, inRange } from "./dates.js";
import { NODE_TYPES, nodeColor, nodeType } from "./palette.js";
import { factPhrase } from "./words.js";

const MAX_FIT_ZOOM = 1.4;
const STRUCTURE = new Set(["PARTICIPATED_IN", "HELD_IN", "MENTIONS"]);

const STYLE = [
  { selector: "node", style: {
    "background-color": "data(color)", shape: "data(shape)", width: 26, height: 26,
    label: "data(label)", "font-size": 10, "font-family": "system-ui, sans-serif", color: "#222",
    "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 130,
    "text-background-color": "#fff", "text-background-opacity": 0.75, "text-background-padding": 1,
    "border-width": 1, "border-color": "#fff", "min-zoomed-font-size": 7,
  } },
  { selector: "node[kind = 'Event']", style: { width: 30, height: 30 } },
  { selector: "node[?centre]", style: { "border-width": 3, "border-color": "#333" } },
  { selector: "edge", style: {
    width: 1.4, "line-color": "#b8bec6", "target-arrow-color": "#b8bec6", "target-arrow-shape": "triangle",
    "arrow-scale": 0.8, "curve-style": "bezier", label: "data(label)", "font-size": 8, color: "#555",
    "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.85,
    "text-background-padding": 1, "min-zoomed-font-size": 8,
  } },
  { selector: "edge[?fact]", style: { "line-color": "#7d8794", "target-arrow-color": "#7d8794", width: 1.8 } },
  { selector: "edge[type = 'KILLED'], edge[type = 'ACCUSED']", style: { "line-color": "#d62728", "target-arrow-color": "#d62728" } },
  { selector: "edge[type = 'MEDIATED']", style: { "line-color": "#17a2b8", "target-arrow-color": "#17a2b8" } },
  { selector: "edge[?derived]", style: { "line-style": "dashed", "line-dash-pattern": [6, 4], "line-color": "#8a6d3b", "target-arrow-color": "#8a6d3b" } },
  { selector: ".faded", style: { opacity: 0.25 } },
  { selector: "edge.faded", style: { label: "" } },
  { selector: ".filtered", style: { display: "none" } },
  { selector: ":selected", style: { "border-width": 4, "border-color": "#ffbf00", "line-color": "#ffbf00", "target-arrow-color": "#ffbf00" } },
];

/** The graph view in `container`; `onSelect(sel)` hears taps, `onChange(counts)` every change. */
export function createGraph(container, { onSelect, onChange }) {
  if (!window.cytoscape) throw new Error("the graph library did not load: run `npm ci` in the repo root");
  if (window.cytoscapeFcose && !createGraph.registered) {
    window.cytoscape.use(window.cytoscapeFcose);
    createGraph.registered = true;
  }
  const cy = window.cytoscape({ container, style: STYLE, minZoom: 0.08, maxZoom: 4 });
  const filters = { hiddenTypes: new Set(), from: "", to: "" };
  let truncated = false;
  let current = null;
  let selecting = 0;

  cy.on("tap", "node", (e) => onSelect(nodeSelection(e.target)));
  cy.on("tap", "edge", (e) => onSelect(edgeSelection(e.target)));
  cy.on("dbltap", "node", (e) => expand(e.target.id()));
  cy.on("tap", (e) => { if (e.target === cy) onSelect(null); });

  /** Adds the neighbours of node `id` around it and lays the graph out again. */
  async function expand(id) {
    const hood = await fetchNeighbourhood(id);
    truncated = hood.truncated;
    const fresh = cy.nodes().length === 0;
    const anchor = cy.getElementById(id);
    const origin = anchor.length ? anchor.position() : { x: 0, y: 0 };
    cy.batch(() => {
      for (const node of hood.nodes) addNode(node, origin);
      for (const edge of hood.edges) addEdge(edge);
    });
    cy.nodes().forEach((n) => n.data("centre", n.id() === id));
    applyFilters();
    highlight();
    await layout(fresh);
    emit();
  }

  function addNode(node, origin) {
    if (cy.getElementById(node.id).length) return;
    const type = nodeType(node);
    const spec = NODE_TYPES[type] || NODE_TYPES.Article;
    const name = node.name || node.id;
    const label = node.label === "Event" && node.date ? `${name}\n${formatDate(node.date, "month")}` : name;
    cy.add({
      group: "nodes",
      data: { id: node.id, label, name, kind: node.label, type, eventKind: node.label === "Event" ? node.type : null,
        date: node.date, color: nodeColor(node), shape: spec.shape },
      position: { x: origin.x + (Math.random() - 0.5) * 80, y: origin.y + (Math.random() - 0.5) * 80 },
    });
  }

  function addEdge(edge) {
    if (!cy.getElementById(edge.source).length || !cy.getElementById(edge.target).length) return;
    const id = `${edge.source}|${edge.target}`;
    const existing = cy.getElementById(id);
    const types = existing.length ? existing.data("types") : [];
    if (!types.includes(edge.type)) types.push(edge.type);
    const role = edge.role || (existing.length ? existing.data("role") : null);
    const facts = types.filter((t) => !STRUCTURE.has(t));
    const bases = existing.length ? existing.data("bases") : [];
    bases.push(edge.basis || "stated");
    const inferred = bases.every((b) => b === "derived");  // drawn dashed unless an article states it
    const base = facts.length ? [...new Set(facts.map((t) => factPhrase(t)))].join(" · ") : factPhrase(types[0], role);
    const label = inferred ? `inferred: ${base}` : base;
    const data = { id, source: edge.source, target: edge.target, types, role, label, fact: facts.length > 0, type: facts[0] || types[0],
      derived: inferred, bases, standing: edge.standing };
    if (existing.length) existing.data(data);
    else cy.add({ group: "edges", data });
  }

  function layout(randomize) {
    const visible = cy.elements().not(".filtered");
    if (visible.length === 0) return Promise.resolve();
    const name = window.cytoscapeFcose ? "fcose" : "cose";
    const run = visible.layout({
      name, randomize, animate: !randomize, animationDuration: 350, fit: true, padding: 40,
      quality: "default", nodeRepulsion: () => 16000, idealEdgeLength: () => 130, nodeSeparation: 100,
      packComponents: true, numIter: 2500,
    });
    const done = run.promiseOn("layoutstop").then(fit);
    run.run();
    return done;
  }

  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const hidden = filters.hiddenTypes.has(n.data("type")) || !inRange(n.data("date"), filters);
        n.toggleClass("filtered", hidden);
      });
    });
  }

  function emit() {
    const shown = cy.nodes().not(".filtered");
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    const inferred = cy.edges("[?derived]");  // what the page draws for edges no article states
    container.dataset.inferred = String(inferred.length);
    container.dataset.inferredStyle = [...new Set(inferred.map((e) => e.style("line-style")))].join(",");
    container.dataset.inferredLabels = inferred.map((e) => e.data("label")).join("|");
    onChange({ nodes: cy.nodes().length, shown: shown.length, edges: cy.edges().length, truncated });
  }

  /** Marks `sel` as selected, fading what is not next to it; adds the node when missing. */
  async function select(sel) {
    const mine = ++selecting;
    current = sel;
    if (sel && sel.kind !== "edge" && sel.kind !== "article" && !cy.getElementById(sel.id).length) await expand(sel.id);
    if (mine !== selecting) return;
    highlight();
    const node = sel && sel.kind !== "edge" ? cy.getElementById(sel.id) : null;
    if (node?.length && !inView(node.position())) cy.animate({ center: { eles: node }, duration: 250 });
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
    const visible = cy.elements().not(".filtered");
    cy.fit(visible, 40);
    if (cy.zoom() > MAX_FIT_ZOOM) { cy.zoom(MAX_FIT_ZOOM); cy.center(visible); }
  }

  return {
    expand, select,
    setFilters(next) { Object.assign(filters, next); applyFilters(); emit(); },
    fit,
    zoom(factor) { cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); },
    relayout() { return layout(true); },
    clear() { cy.elements().remove(); truncated = false; current = null; emit(); },
    resize() { cy.resize(); },
    isEmpty() { return cy.nodes().length === 0; },
    edge(id) { const e = cy.getElementById(id); return e.length && e.isEdge() ? edgeSelection(e) : null; },
  };
}

function nodeSelection(node) {
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
