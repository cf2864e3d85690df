// The timeline: events on a time axis in lanes by kind, a brush for the date range, and a list.

import { formatDate, inRange, isoDay, spanOf } from "./dates.js";
import { h, replaceChildren } from "./dom.js";
import { EVENT_KINDS, humanize } from "./palette.js";
import { roleNoun } from "./words.js";

const LANE = 24;
const MARGIN = { top: 8, right: 24, bottom: 24, left: 150 };
const CONTEXT = 46;

/** An event sources only announce or expect: drawn hollow and dashed, tagged "planned". */
function planned(e) {
  return e.standing === "expected";
}

/** The timeline view; `onSelect(sel)` on a click, `onRange(from, to)` and `onKinds(hidden)` on filters. */
export function createTimeline({ chart, list, kinds }, { onSelect, onRange, onKinds }) {
  let state = { events: [], from: "", to: "", hidden: new Set(), selected: null };

  function update(next) {
    state = { ...state, ...next };
    renderKinds();
    renderChart();
    renderList();
  }

  function visible() {
    const ranged = Boolean(state.from || state.to);
    return state.events.filter((e) => !state.hidden.has(e.kind)
      && (e.date ? inRange(e.date, state, e.date_precision) : !ranged));
  }

  function renderKinds() {
    const counts = new Map();
    for (const e of state.events) counts.set(e.kind, (counts.get(e.kind) || 0) + 1);
    const present = Object.keys(EVENT_KINDS).filter((k) => counts.has(k));
    replaceChildren(kinds, h("span", { class: "chips-title" }, "Kinds"), present.map((kind) => h("button", {
      class: "chip", "aria-pressed": String(!state.hidden.has(kind)), dataset: { kind },
      onclick: () => {
        const hidden = new Set(state.hidden);
        hidden.has(kind) ? hidden.delete(kind) : hidden.add(kind);
        onKinds(hidden);
      },
    }, h("span", { class: "swatch", style: { background: EVENT_KINDS[kind] } }), `${humanize(kind)} (${counts.get(kind)})`)));
  }

  function renderChart() {
    const d3 = window.d3;
    const dated = state.events.filter((e) => e.date && !state.hidden.has(e.kind));
    const lanes = Object.keys(EVENT_KINDS).filter((k) => dated.some((e) => e.kind === k));
    const width = Math.max(chart.clientWidth, 480);
    const innerW = width - MARGIN.left - MARGIN.right;
    const focusH = Math.max(lanes.length, 1) * LANE;
    const height = MARGIN.top + focusH + MARGIN.bottom + CONTEXT;
    const spans = dated.map((e) => spanOf(e.date, e.date_precision));
    const full = spans.length ? [d3.min(spans, (s) => s[0]), d3.max(spans, (s) => s[1])] : [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2025, 0, 1))];
    const overall = d3.scaleUtc().domain(full).nice(d3.utcMonth).range([0, innerW]);
    const focusDomain = [state.from ? new Date(`${state.from}T00:00Z`) : overall.domain()[0],
      state.to ? d3.utcDay.offset(new Date(`${state.to}T00:00Z`), 1) : overall.domain()[1]];
    const x = d3.scaleUtc().domain(focusDomain).range([0, innerW]);
    const y = d3.scaleBand().domain(lanes).range([0, focusH]).padding(0.2);

    const svg = d3.create("svg").attr("width", width).attr("height", height).attr("class", "timeline-svg");
    svg.append("defs").append("clipPath").attr("id", "tl-clip").append("rect").attr("width", innerW).attr("height", focusH);
    const focus = svg.append("g").attr("transform", `translate(${MARGIN.left},${MARGIN.top})`);
    focus.append("g").attr("class", "lanes").selectAll("rect").data(lanes).join("rect")
      .attr("x", 0).attr("width", innerW).attr("y", (k) => y(k) - y.step() * y.padding() / 2).attr("height", y.step())
      .attr("fill", (_, i) => (i % 2 ? "#f7f8fa" : "#fff"));
    focus.append("g").attr("class", "lane-labels").selectAll("text").data(lanes).join("text")
      .attr("x", -10).attr("y", (k) => y(k) + y.bandwidth() / 2).attr("dy", "0.35em").attr("text-anchor", "end")
      .text((k) => humanize(k));
    focus.append("g").attr("class", "axis").attr("transform", `translate(0,${focusH})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(innerW / 90))));
    const marks = focus.append("g").attr("clip-path", "url(#tl-clip)").selectAll("g").data(dated).join("g")
      .attr("class", "mark").attr("data-id", (e) => e.id).attr("tabindex", 0).attr("role", "button")
      .classed("selected", (e) => e.id === state.selected)
      .on("click", (_, e) => onSelect({ kind: "event", id: e.id }))
      .on("keydown", (ev, e) => { if (ev.key === "Enter") onSelect({ kind: "event", id: e.id }); });
    marks.classed("planned", planned).attr("data-standing", (e) => e.standing || "");
    marks.append("title").text((e) => `${e.label} · ${formatDate(e.date, e.date_precision)}${planned(e) ? " · planned, not yet reported as held" : ""}`);
    marks.filter((e) => e.date_precision !== "day").append("rect")
      .attr("x", (e) => x(spanOf(e.date, e.date_precision)[0])).attr("y", (e) => y(e.kind) + 3)
      .attr("width", (e) => Math.max(3, x(spanOf(e.date, e.date_precision)[1]) - x(spanOf(e.date, e.date_precision)[0])))
      .attr("height", y.bandwidth() - 6).attr("rx", 4).attr("fill", (e) => EVENT_KINDS[e.kind]).attr("opacity", 0.35);
    marks.filter((e) => e.date_precision === "day").append("circle")
      .attr("cx", (e) => x(spanOf(e.date, "day")[0])).attr("cy", (e) => y(e.kind) + y.bandwidth() / 2).attr("r", 6)
      .attr("fill", (e) => (planned(e) ? "#fff" : EVENT_KINDS[e.kind])).attr("stroke", (e) => (planned(e) ? EVENT_KINDS[e.kind] : "#fff"))
      .attr("stroke-width", (e) => (planned(e) ? 2.5 : 1)).attr("stroke-dasharray", (e) => (planned(e) ? "3 2" : null));

    const context = svg.append("g").attr("transform", `translate(${MARGIN.left},${MARGIN.top + focusH + MARGIN.bottom})`);
    context.append("rect").attr("width", innerW).attr("height", CONTEXT - 20).attr("fill", "#eef1f5");
    context.selectAll("line.tick-ev").data(dated).join("line").attr("class", "tick-ev")
      .attr("x1", (e) => overall(spanOf(e.date, e.date_precision)[0])).attr("x2", (e) => overall(spanOf(e.date, e.date_precision)[0]))
      .attr("y1", 3).attr("y2", CONTEXT - 23).attr("stroke", (e) => EVENT_KINDS[e.kind]).attr("stroke-width", 2);
    context.append("g").attr("class", "axis").attr("transform", `translate(0,${CONTEXT - 20})`)
      .call(d3.axisBottom(overall).ticks(d3.utcMonth.every(innerW > 900 ? 1 : 3)).tickFormat(d3.utcFormat("%b %y")));
    svg.append("text").attr("x", MARGIN.left - 10).attr("y", MARGIN.top + focusH + MARGIN.bottom + 16)
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
  }

  function renderList() {
    const rows = visible();
    const undated = state.events.filter((e) => !e.date).length;
    list.dataset.count = String(rows.length);
    replaceChildren(list.tBodies[0], rows.length ? rows.map((e) => h("tr", {
      dataset: { id: e.id, date: e.date || "" }, class: e.id === state.selected ? "selected" : "", tabindex: 0,
      onclick: () => onSelect({ kind: "event", id: e.id }),
      onkeydown: (ev) => { if (ev.key === "Enter") onSelect({ kind: "event", id: e.id }); },
    },
    h("td", { class: "date" }, formatDate(e.date, e.date_precision)),
    h("td", {}, h("span", { class: "dot", style: { background: EVENT_KINDS[e.kind] || EVENT_KINDS.other } }), humanize(e.kind)),
    h("td", { class: "label" }, planned(e) ? h("span", { class: "planned-tag", title: "announced or expected; no source yet reports it held" }, "planned") : null,
      e.label, e.place ? h("span", { class: "muted" }, ` · ${e.place.name}`) : null),
    h("td", { class: "who" }, e.participants.slice(0, 6).map((p) => `${p.name} (${roleNoun(p.role)})`).join(", "),
      e.participants.length > 6 ? ` +${e.participants.length - 6}` : ""),
    h("td", { class: "sources" }, sourceLinks(e.articles, onSelect)),
    )) : h("tr", {}, h("td", { colspan: 5, class: "muted" }, "No event in this range.")));
    list.caption?.remove();
    if (undated && (state.from || state.to)) list.createCaption().textContent = `${undated} undated event(s) are left out by the date range.`;
  }

  window.addEventListener("resize", () => renderChart());
  return { update, render: renderChart };
}

/** One link per outlet (to its first article), with the count of its articles. */
function sourceLinks(articles, onSelect) {
  const outlets = new Map();
  for (const a of articles) {
    const name = a.source || a.title || a.id;
    if (!outlets.has(name)) outlets.set(name, { first: a, n: 0 });
    outlets.get(name).n += 1;
  }
  return [...outlets].flatMap(([name, { first, n }], i) => [i ? ", " : "", h("a", {
    href: "#", class: "source-link", dataset: { article: first.id },
    onclick: (ev) => { ev.preventDefault(); ev.stopPropagation(); onSelect({ kind: "article", id: first.id }); },
    onkeydown: (ev) => ev.stopPropagation(),
  }, n > 1 ? `${name} (${n})` : name)]);
}
