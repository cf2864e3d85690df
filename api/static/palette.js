// Colours and shapes shared by the graph, the timeline and their legends.

export const EVENT_KINDS = {
  talks: "#1f6fb4",
  killing: "#d62728",
  attack: "#f07c7c",
  military_operation: "#ff7f0e",
  withdrawal: "#8c564b",
  proposal: "#2ca02c",
  agreement: "#17a2b8",
  statement: "#7f7f7f",
  hostage_release: "#e377c2",
  prisoner_release: "#b5b512",
  arms_transfer: "#9467bd",
  aid: "#5fbf5f",
  election: "#6b8fd6",
  other: "#a9a9a9",
};

/** Node types of the graph: colour, cytoscape shape and a CSS clip-path for the legend. */
export const NODE_TYPES = {
  Person: { color: "#4e79a7", shape: "ellipse", clip: "circle(50%)" },
  Organization: { color: "#f28e2b", shape: "round-rectangle", clip: "inset(10% round 25%)" },
  Country: { color: "#59a14f", shape: "hexagon", clip: "polygon(25% 5%,75% 5%,100% 50%,75% 95%,25% 95%,0 50%)" },
  Delegation: { color: "#b07aa1", shape: "barrel", clip: "inset(5% round 20%/45%)" },
  Place: { color: "#76b7b2", shape: "round-triangle", clip: "polygon(50% 0,100% 100%,0 100%)" },
  Event: { color: "#555555", shape: "diamond", clip: "polygon(50% 0,100% 50%,50% 100%,0 50%)" },
  Issue: { color: "#c9a227", shape: "tag", clip: "polygon(0 0,75% 0,100% 50%,75% 100%,0 100%)" },
  Article: { color: "#9d9d9d", shape: "rectangle", clip: "inset(10%)" },
};

/** The legend type of a node of /graph/neighbourhood: its entity type, or its node label. */
export function nodeType(node) {
  return node.node === "Entity" ? node.type || "Person" : node.node;
}

/** The fill colour of a node. */
export function nodeColor(node) {
  if (node.node === "Event") return EVENT_KINDS[node.kind] || EVENT_KINDS.other;
  return (NODE_TYPES[nodeType(node)] || NODE_TYPES.Article).color;
}

/** A kind or predicate as words: "military_operation" -> "military operation". */
export function humanize(value) {
  return String(value || "").replaceAll("_", " ").toLowerCase();
}
