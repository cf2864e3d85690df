// Lays the graph out in a web worker (a d3 force simulation) and moves the nodes to the result;
// falls back to cytoscape's fcose on the main thread when workers are not available.

const TICKS_FRESH = 300;
const TICKS_STEP = 120;
const ANIMATE_UP_TO = 60;  // nodes; past it the nodes jump, which costs far less

let worker = null;
let asked = 0;
const waiting = new Map();

function layoutWorker() {
  if (worker || typeof Worker === "undefined") return worker;
  worker = new Worker("/static/layout-worker.js");
  worker.onmessage = ({ data }) => {
    const resolve = waiting.get(data.id);
    waiting.delete(data.id);
    resolve?.(data);
  };
  worker.onerror = () => { for (const resolve of waiting.values()) resolve(null); waiting.clear(); worker = null; };
  return worker;
}

/** Lays out `eles` (the visible elements) of `cy`; pinned nodes stay where they are. Resolves
 * with {ms, where} once the nodes have moved: `ms` is the time the layout itself took. */
export async function runLayout(cy, eles, { fresh }) {
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
  const answer = await new Promise((resolve) => { waiting.set(id, resolve); w.postMessage(message); });
  if (!answer) return runFcose(eles, fresh);
  if (id !== asked) return { ms: answer.ms, where: "worker", stale: true };
  await place(cy, nodes, answer.positions, !fresh);
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

function runFcose(eles, fresh) {
  const started = performance.now();
  const run = eles.layout({
    name: window.cytoscapeFcose ? "fcose" : "cose", randomize: fresh, animate: false, fit: false,
    nodeRepulsion: () => 16000, idealEdgeLength: () => 130, nodeSeparation: 100, packComponents: true, numIter: 2500,
  });
  const done = run.promiseOn("layoutstop").then(() => ({ ms: performance.now() - started, where: "main" }));
  run.run();
  return done;
}
