// The timeline: events of the date range in view on a time axis, in lanes by kind whose rows
// never overlap, labelled where a label fits; truce eras shaded; a brush over the whole span;
// wheel and drag to zoom and pan (which asks for the new range); the virtualised list below.

import { formatDate, isoDay, spanOf } from "./dates.js";
import { h, replaceChildren } from "./dom.js";
import { EVENT_KINDS, humanize } from "./palette.js";
import { createEventList } from "./timelist.js";

const ROW = 20;
const MAX_ROWS = 4;
const CONTEXT = 46;
const LABEL_MAX = 26;

/** An event sources only announce or expect: drawn hollow and dashed, tagged "planned". */
export function planned(e) {
  return e.standing === "expected";
}

/** The timeline view; `onSelect(sel)` on a click, `onRange(from, to)` when the range changes
 * (brush, wheel, drag) and `onKinds(hidden)` on the kind chips. */
export function createTimeline({ chart, list, wrap, kinds }, { onSelect, onRange, onKinds }) {
  let state = { events: [], overview: [], extent: null, from: "", to: "", hidden: new Set(), selected: null, note: "" };
  const table = createEventList(list, wrap, { onSelect, planned });
  let stale = true;

  function update(next) {
    const onlySelection = Object.keys(next).length === 1 && "selected" in next;
    state = { ...state, ...next };
    if (onlySelection) return showSelected();
    renderKinds();
    renderList();
    // the chart is drawn when it can be seen: a hidden view is only marked out of date
    if (chart.offsetParent === null) stale = true;
    else renderChart();
  }

  /** The events of the range in view that the kind chips let through, in date order. */
  function visible() {
    return state.events.filter((e) => !state.hidden.has(e.kind));
  }

  function renderKinds() {
    const counts = new Map();
    for (const e of state.events) counts.set(e.kind, (counts.get(e.kind) || 0) + 1);  // the range's own
    const present = Object.keys(EVENT_KINDS).filter((k) => counts.has(k) || state.hidden.has(k));
    replaceChildren(kinds, h("span", { class: "chips-title" }, "Kinds"), present.map((kind) => h("button", {
      class: "chip", "aria-pressed": String(!state.hidden.has(kind)), dataset: { kind },
      onclick: () => {
        const hidden = new Set(state.hidden);
        hidden.has(kind) ? hidden.delete(kind) : hidden.add(kind);
        onKinds(hidden);
      },
    }, h("span", { class: "swatch", style: { background: EVENT_KINDS[kind] } }), `${humanize(kind)} (${counts.get(kind) || 0})`)));
  }

  function renderChart() {
    stale = false;
    const d3 = window.d3;
    const dated = visible().filter((e) => e.date);
    const pad = parseFloat(getComputedStyle(chart).paddingLeft) + parseFloat(getComputedStyle(chart).paddingRight);
    const width = Math.max(chart.clientWidth - pad, 300);
    const margin = { top: 8, right: 16, bottom: 24, left: width < 600 ? 84 : 140 };
    const innerW = width - margin.left - margin.right;
    const full = state.extent ? state.extent.map((d) => new Date(`${d}T00:00Z`)) : d3.extent(dated.flatMap((e) => spanOf(e.date, e.date_precision)));
    const overall = d3.scaleUtc().domain(full[0] ? full : [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2025, 0, 1))]).nice(d3.utcMonth).range([0, innerW]);
    const focusDomain = [state.from ? new Date(`${state.from}T00:00Z`) : overall.domain()[0],
      state.to ? d3.utcDay.offset(new Date(`${state.to}T00:00Z`), 1) : overall.domain()[1]];
    const x = d3.scaleUtc().domain(focusDomain).range([0, innerW]);
    const lanes = placeMarks(dated, x, innerW);
    const focusH = Math.max(1, lanes.reduce((sum, l) => sum + l.rows, 0)) * ROW + 4;
    const height = margin.top + focusH + margin.bottom + CONTEXT;

    const svg = d3.create("svg").attr("width", width).attr("height", height).attr("class", "timeline-svg").attr("aria-hidden", "true");
    svg.append("defs").append("clipPath").attr("id", "tl-clip").append("rect").attr("width", innerW).attr("height", focusH);
    const focus = svg.append("g").attr("class", "focus").attr("transform", `translate(${margin.left},${margin.top})`);
    const background = focus.append("rect").attr("class", "zoom-area").attr("width", innerW).attr("height", focusH).attr("fill", "transparent");
    let top = 0;
    for (const lane of lanes) { lane.top = top; top += lane.rows * ROW; }
    focus.append("g").attr("class", "lanes").selectAll("rect").data(lanes).join("rect")
      .attr("x", 0).attr("width", innerW).attr("y", (l) => l.top).attr("height", (l) => l.rows * ROW)
      .attr("fill", (_, i) => (i % 2 ? "#f7f8fa" : "#fff")).attr("pointer-events", "none");
    const inner = focus.append("g").attr("clip-path", "url(#tl-clip)");
    const moving = inner.append("g").attr("class", "moving");
    drawEras(moving, eras(visible(), focusDomain), x, focusH);
    focus.append("g").attr("class", "lane-labels").selectAll("text").data(lanes).join("text")
      .attr("x", -8).attr("y", (l) => l.top + ROW / 2).attr("dy", "0.35em").attr("text-anchor", "end")
      .text((l) => humanize(l.kind));
    focus.append("g").attr("class", "axis").attr("transform", `translate(0,${focusH})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(innerW / 90))));

    const placed = lanes.flatMap((l) => l.items.map((it) => ({ ...it, y: l.top + it.row * ROW })));
    const marks = moving.selectAll("g.mark").data(placed).join("g")
      .attr("class", "mark").attr("data-id", (p) => p.e.id).attr("data-row", (p) => p.row)
      .classed("selected", (p) => p.e.id === state.selected).classed("planned", (p) => planned(p.e))
      .attr("data-standing", (p) => p.e.standing || "")
      .on("click", (_, p) => onSelect({ kind: "event", id: p.e.id }));
    marks.append("title").text((p) => `${p.e.label} · ${formatDate(p.e.date, p.e.date_precision)}${planned(p.e) ? " · planned, not yet reported as held" : ""}`);
    marks.filter((p) => p.e.date_precision !== "day").append("rect")
      .attr("x", (p) => p.x0).attr("y", (p) => p.y + 3).attr("width", (p) => p.x1 - p.x0).attr("height", ROW - 6).attr("rx", 4)
      .attr("fill", (p) => EVENT_KINDS[p.e.kind]).attr("opacity", 0.35);
    marks.filter((p) => p.e.date_precision === "day").append("circle")
      .attr("cx", (p) => p.x0 + 5).attr("cy", (p) => p.y + ROW / 2).attr("r", 5)
      .attr("fill", (p) => (planned(p.e) ? "#fff" : EVENT_KINDS[p.e.kind])).attr("stroke", (p) => (planned(p.e) ? EVENT_KINDS[p.e.kind] : "#fff"))
      .attr("stroke-width", (p) => (planned(p.e) ? 2.5 : 1)).attr("stroke-dasharray", (p) => (planned(p.e) ? "3 2" : null));
    marks.filter((p) => p.label).append("text").attr("class", "mark-label")
      .attr("x", (p) => p.x1 + 3).attr("y", (p) => p.y + ROW / 2).attr("dy", "0.35em").text((p) => p.label);

    // wheel to zoom and drag to pan the range in view; the new range is asked for at the end
    const zoom = d3.zoom().scaleExtent([1 / 64, 512]).translateExtent([[-innerW * 50, 0], [innerW * 51, focusH]])
      .filter((ev) => !ev.button && ev.type !== "dblclick")
      .on("zoom", (ev) => { moving.attr("transform", `translate(${ev.transform.x},0) scale(${ev.transform.k},1)`); })
      .on("end", (ev) => {
        if (!ev.sourceEvent || (ev.transform.k === 1 && Math.abs(ev.transform.x) < 2)) return;
        const [a, b] = ev.transform.rescaleX(x).domain();
        onRange(isoDay(d3.utcDay.floor(a)), isoDay(d3.utcDay.offset(d3.utcDay.ceil(b), -1)));
      });
    focus.call(zoom).on("dblclick.zoom", null);
    background.lower();

    const context = svg.append("g").attr("class", "context").attr("transform", `translate(${margin.left},${margin.top + focusH + margin.bottom})`);
    context.append("rect").attr("width", innerW).attr("height", CONTEXT - 20).attr("fill", "#eef1f5");
    const seen = (state.overview.length ? state.overview : dated).filter((e) => e.date);
    context.append("g").selectAll("line").data(seen.length > 4000 ? d3.shuffle([...seen]).slice(0, 4000) : seen).join("line")
      .attr("class", "tick-ev").attr("x1", (e) => overall(spanOf(e.date, e.date_precision)[0])).attr("x2", (e) => overall(spanOf(e.date, e.date_precision)[0]))
      .attr("y1", 3).attr("y2", CONTEXT - 23).attr("stroke", (e) => EVENT_KINDS[e.kind]).attr("stroke-width", 1.5);
    context.append("g").attr("class", "axis").attr("transform", `translate(0,${CONTEXT - 20})`)
      .call(d3.axisBottom(overall).ticks(Math.max(2, Math.floor(innerW / 70))).tickFormat(d3.utcFormat("%b %y")));
    svg.append("text").attr("x", margin.left - 8).attr("y", margin.top + focusH + margin.bottom + 16)
      .attr("text-anchor", "end").attr("class", "brush-label").text("drag to pick dates");
    const brush = d3.brushX().extent([[0, 0], [innerW, CONTEXT - 20]]).on("end", (event) => {
      if (!event.sourceEvent) return;
      if (!event.selection) return onRange("", "");
      const [a, b] = event.selection.map(overall.invert);
      onRange(isoDay(d3.utcDay.round(a)), isoDay(d3.utcDay.offset(d3.utcDay.round(b), -1)));
    });
    const brushG = context.append("g").attr("class", "brush").call(brush);
    if (state.from || state.to) brushG.call(brush.move, focusDomain.map((d) => Math.max(0, Math.min(innerW, overall(d)))));
    replaceChildren(chart, svg.node());
    chart.dataset.marks = String(placed.length);
    chart.dataset.labelled = String(placed.filter((p) => p.label).length);
  }

  /** A new selection: marks and rows change class, nothing is drawn again. */
  function showSelected() {
    chart.querySelectorAll(".mark.selected").forEach((m) => m.classList.remove("selected"));
    if (state.selected) chart.querySelector(`.mark[data-id="${CSS.escape(state.selected)}"]`)?.classList.add("selected");
    renderList();
  }

  function renderList() {
    const rows = visible();
    table.update(rows, state.selected);
    list.caption?.remove();
    if (state.note) list.createCaption().textContent = state.note;
  }

  window.addEventListener("resize", () => { if (chart.offsetParent !== null) renderChart(); else stale = true; });
  return {
    update, visible,
    render: () => { if (stale || !chart.firstChild) renderChart(); },
    reveal: (id) => table.reveal(id),
  };
}

/** Marks in lanes by kind, each lane in as few rows as keep marks and labels from overlapping:
 * a mark takes the first row where it and its label fit, else the first where it fits without
 * its label; a lane grows to MAX_ROWS rows, then marks share the row that ends first. */
export function placeMarks(events, x, innerW) {
  const byKind = new Map();
  for (const e of events) {
    if (!byKind.has(e.kind)) byKind.set(e.kind, []);
    byKind.get(e.kind).push(e);
  }
  const lanes = [];
  for (const kind of Object.keys(EVENT_KINDS)) {
    const items = (byKind.get(kind) || []).map((e) => {
      const [a, b] = spanOf(e.date, e.date_precision);
      const x0 = x(a);
      const x1 = e.date_precision === "day" ? x0 + 10 : Math.max(x(b), x0 + 4);
      return { e, x0, x1 };
    }).filter((it) => it.x1 >= 0 && it.x0 <= innerW).sort((p, q) => p.x0 - q.x0);
    if (!items.length) continue;
    const ends = [];
    for (const it of items) {
      const text = it.e.label.length > LABEL_MAX ? `${it.e.label.slice(0, LABEL_MAX - 1)}…` : it.e.label;
      const withLabel = it.x1 + 6 + text.length * 6.1;
      let row = ends.findIndex((end) => end + 3 <= it.x0 && withLabel <= innerW + 40);
      if (row >= 0) { it.label = text; ends[row] = withLabel; } else {
        row = ends.findIndex((end) => end + 2 <= it.x0);
        if (row < 0 && ends.length < MAX_ROWS) {
          row = ends.length;
          ends.push(0);
          if (withLabel <= innerW + 40) it.label = text;
        }
        if (row < 0) row = ends.indexOf(Math.min(...ends));
        ends[row] = Math.max(ends[row], it.label ? withLabel : it.x1);
      }
      it.row = row;
    }
    lanes.push({ kind, rows: ends.length, items });
  }
  return lanes;
}

const TRUCE = /truce|ceasefire|cease-fire|pause|deal|hudna/i;
const RESUMED = new Set(["military_operation", "attack", "killing"]);

/** Truce eras: from an agreement on a truce to the next attack, operation or killing. */
export function eras(events, [start, end]) {
  const dated = events.filter((e) => e.date).sort((a, b) => a.date.localeCompare(b.date));
  const out = [];
  for (let i = 0; i < dated.length; i++) {
    const e = dated[i];
    if (e.kind !== "agreement" || !TRUCE.test(e.label)) continue;
    if (out.length && out[out.length - 1].to === null) continue;
    const stop = dated.slice(i + 1).find((n) => RESUMED.has(n.kind) && n.date > e.date);
    out.push({ from: e, to: stop || null });
  }
  return out.map(({ from, to }) => ({
    label: `truce from ${formatDate(from.date, from.date_precision)}`,
    a: spanOf(from.date, from.date_precision)[0], b: to ? spanOf(to.date, to.date_precision)[0] : end,
  })).filter((era) => era.b > start && era.a < end);
}

function drawEras(group, list, x, height) {
  const g = group.append("g").attr("class", "eras").attr("pointer-events", "none");
  g.selectAll("rect").data(list).join("rect").attr("class", "era").attr("x", (e) => x(e.a)).attr("width", (e) => Math.max(2, x(e.b) - x(e.a)))
    .attr("y", 0).attr("height", height);
  g.selectAll("text").data(list).join("text").attr("class", "era-label").attr("x", (e) => x(e.a) + 3).attr("y", height - 4).text((e) => e.label);
}
