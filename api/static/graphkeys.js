// The graph by keyboard: arrow keys move to the neighbour that lies that way, Enter expands,
// H hides, P pins, U undoes, F fits, + and - zoom, Escape clears the selection.

const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** Wires the keys of the focusable graph `container` to `view`. */
export function wireGraphKeys(container, view, { onSelect, nodeSelection, onAnnounce }) {
  const { cy } = view;
  const visible = () => cy.nodes().not(".filtered, .hidden, .folded");

  container.addEventListener("keydown", (e) => {
    if (e.altKey || e.metaKey) return;
    const id = view.selectedId();
    const node = id ? cy.getElementById(id) : null;
    const key = e.key;
    if (DIRECTIONS[key]) {
      e.preventDefault();
      const next = node ? toward(node, DIRECTIONS[key]) : start();
      if (next) onSelect(nodeSelection(next));
      else if (node) onAnnounce(`no node that way from ${node.data("name")}`);
    } else if (key === "Enter" && node) {
      e.preventDefault();
      view.expand(id).catch((err) => onAnnounce(err.message));
    } else if ((key === "h" || key === "Delete") && node) {
      view.hide(id);
      onSelect(null);
    } else if (key === "p" && node) {
      onAnnounce(`${node.data("name")} ${view.togglePin(id) ? "pinned" : "unpinned"}`);
    } else if (key === "u" || (key === "z" && e.ctrlKey)) {
      e.preventDefault();
      onAnnounce(view.undo() ? "undone" : "nothing to undo");
    } else if (key === "f") {
      view.fit();
    } else if (key === "+" || key === "=") {
      view.zoom(1.25);
    } else if (key === "-") {
      view.zoom(0.8);
    } else if (key === "Escape") {
      onSelect(null);
    }
  });

  /** The first node to visit: the centre of the last expansion, else the most connected. */
  function start() {
    const nodes = visible();
    if (!nodes.length) return null;
    const centre = nodes.filter("[?centre]");
    return centre.length ? centre[0] : nodes.max((n) => n.degree(false)).ele;
  }

  /** The neighbour of `node` best placed in direction [dx, dy]; any visible node when none is. */
  function toward(node, [dx, dy]) {
    const from = node.position();
    const score = (other) => {
      const p = other.position();
      const [vx, vy] = [p.x - from.x, p.y - from.y];
      const length = Math.hypot(vx, vy) || 1;
      const cos = (vx * dx + vy * dy) / length;
      return cos > 0.35 ? length * (2 - cos) : Infinity;
    };
    const best = (nodes) => {
      let pick = null;
      let low = Infinity;
      nodes.forEach((n) => { const s = score(n); if (s < low) [low, pick] = [s, n]; });
      return pick;
    };
    return best(node.neighborhood("node").not(".filtered, .hidden, .folded")) || best(visible().not(node));
  }
}
