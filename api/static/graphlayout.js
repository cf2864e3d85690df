// Lays the graph out in a web worker (a d3 force simulation) and moves the nodes to the result;
// falls back to cytoscape's fcose on the main thread when workers are not available (its three
// scripts are loaded then, not on every page load).

// New nodes start on rings around the node they were reached from, near where they end up:
// a short, gentle run tidies them (the worker's time grows with nodes times ticks)
const TICKS_FRESH = 160;
const TICKS_STEP = 70;
const ANIMATE_UP_TO = 60;  // nodes; past it the nodes jump, which costs far less

let worker = null;
let asked = 0;
const waiting = new Map();
let busy = false;      // a layout is running in the worker
let queued = null;     // the newest one asked for meanwhile: [message, resolve]; older ones are dropped

/** Starts the worker before the first layout, so that loading d3 in it is not on the way. */
export function warmLayout() {
  layoutWorker();
}

function layoutWorker() {
  if (worker || typeof Worker === "undefined") return worker;
  worker = new Worker("/static/layout-worker.js");
  worker.onmessage = ({ data }) => {
    const resolve = waiting.get(data.id);
    waiting.delete(data.id);
    busy = false;
    resolve?.(data);
    if (queued) send(...queued);
  };
  worker.onerror = () => {
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
    queued?.[1](null);
    [worker, busy, queued] = [null, false, null];
  };
  return worker;
}

/** Posts a layout to the worker, or keeps it until the running one ends (a newer one asked for
 * meanwhile replaces it: its caller hears that it is stale). */
function send(message, resolve) {
  if (busy) {
    queued?.[1]({ id: queued[0].id, ms: 0, stale: true });
    queued = [message, resolve];
    return;
  }
  queued = null;
  busy = true;
  waiting.set(message.id, resolve);
  worker.postMessage(message);
}

/** Lays out `eles` (the visible elements) of `cy`; pinned nodes stay where they are. Resolves
 * with {ms, where} once the nodes have moved: `ms` is the time the layout itself took.
 * `onPositions(positions)` hears where they will go before they move (it may return a promise
 * the layout then waits for too). */
export async function runLayout(cy, eles, { fresh, animate = true, onPositions = () => null }) {
  const nodes = eles.nodes();
  if (nodes.length === 0) return { ms: 0, where: "none" };
  const w = layoutWorker();
  if (!w) return runFcose(eles, fresh);
  const id = ++asked;
  const message = {
    id, fresh, ticks: fresh ? TICKS_FRESH : TICKS_STEP,
    nodes: nodes.map((n) => ({ id: n.id(), x: n.position("x"), y: n.position("y"), fixed: n.locked() || n.hasClass("pinned"), size: n.width() })),
    edges: eles.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
  };
  const answer = await new Promise((resolve) => send(message, resolve));
  if (!answer) return runFcose(eles, fresh);
  if (answer.stale || id !== asked) return { ms: answer.ms, where: "worker", stale: true };
  // the view moves to where the nodes are going while they go: one animation, not two
  const view = onPositions(answer.positions);
  await Promise.all([place(cy, nodes, answer.positions, animate), view]);
  return { ms: answer.ms, where: "worker" };
}

function place(cy, nodes, positions, animate) {
  const movable = nodes.filter((n) => !n.locked() && positions[n.id()]);
  if (!animate || movable.length > ANIMATE_UP_TO) {
    cy.batch(() => movable.forEach((n) => n.position({ x: positions[n.id()][0], y: positions[n.id()][1] })));
    return Promise.resolve();
  }
  const run = movable.layout({
    name: "preset", animate: true, animationDuration: 150, fit: false,
    positions: (n) => ({ x: positions[n.id()][0], y: positions[n.id()][1] }),
  });
  const done = run.promiseOn("layoutstop");
  run.run();
  return done;
}

const FCOSE = ["/vendor/layout-base/layout-base.js", "/vendor/cose-base/cose-base.js", "/vendor/cytoscape-fcose/cytoscape-fcose.js"];
let fcose = null;

/** Loads fcose and its two bases in order and registers it with cytoscape; null when it fails. */
function loadFcose() {
  fcose ||= FCOSE.reduce((before, src) => before.then(() => new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  })), Promise.resolve()).then(() => { window.cytoscape.use(window.cytoscapeFcose); }).catch(() => null);
  return fcose;
}

async function runFcose(eles, fresh) {
  await loadFcose();
  const started = performance.now();
  const run = eles.layout({
    name: window.cytoscapeFcose ? "fcose" : "cose", randomize: fresh, animate: false, fit: false,
    nodeRepulsion: () => 16000, idealEdgeLength: () => 130, nodeSeparation: 100, packComponents: true, numIter: 2500,
  });
  const done = run.promiseOn("layoutstop").then(() => ({ ms: performance.now() - started, where: "main" }));
  run.run();
  return done;
}
