// The graph's force layout, run off the main thread so that the page stays responsive.
// In: {id, nodes: [{id, x, y, fixed, size}], edges: [{source, target}], ticks, fresh}.
// Out: {id, positions: {nodeId: [x, y]}, ms}.
/* global importScripts */

importScripts("/vendor/d3/dist/d3.min.js");

self.onmessage = (message) => {
  const { id, nodes, edges, ticks, fresh } = message.data;
  const started = performance.now();
  const d3 = self.d3;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const degree = new Map();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) || 0) + 1);
    degree.set(e.target, (degree.get(e.target) || 0) + 1);
  }
  for (const n of nodes) {
    if (n.fixed) [n.fx, n.fy] = [n.x, n.y];
  }
  const links = edges.filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => ({ ...e }));
  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id)
      .distance((l) => 70 + 8 * Math.sqrt(Math.min(degree.get(l.source.id) || 1, degree.get(l.target.id) || 1)))
      .strength((l) => 1 / Math.min(degree.get(l.source.id) || 1, degree.get(l.target.id) || 1)))
    .force("charge", d3.forceManyBody().strength(-420).distanceMax(900).theta(0.9))
    .force("collide", d3.forceCollide((n) => (n.size || 28) / 2 + 22))
    .force("x", d3.forceX(0).strength(0.03))
    .force("y", d3.forceY(0).strength(0.03))
    .alpha(fresh ? 0.7 : 0.4)
    .alphaDecay(fresh ? 0.03 : 0.045)
    .stop();
  for (let i = 0; i < ticks; i++) simulation.tick();
  const positions = {};
  for (const n of nodes) positions[n.id] = [n.x, n.y];
  self.postMessage({ id, positions, ms: performance.now() - started });
};
