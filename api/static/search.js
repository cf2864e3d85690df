// The search box: entities from the API's search and events from the timeline, keyboard-driven.

import { searchEntities } from "./api.js";
import { formatDate } from "./dates.js";
import { h, replaceChildren } from "./dom.js";
import { EVENT_KINDS, NODE_TYPES, humanize } from "./palette.js";

const DELAY_MS = 150;
const MAX_EVENTS = 6;

/** Wires the combobox; `events()` gives the events to search, `onSelect(sel)` hears a pick. */
export function createSearch(input, listbox, { events, onSelect }) {
  let options = [];
  let active = -1;
  let ticket = 0;
  let timer = null;

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value.trim()), DELAY_MS);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (listbox.hidden && input.value.trim()) return run(input.value.trim());
      move(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!listbox.hidden) return pick(active >= 0 ? active : 0);
      clearTimeout(timer);
      run(input.value.trim()).then(() => pick(0));
    } else if (e.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  document.addEventListener("keydown", (e) => {
    if (e.key === "/" && document.activeElement !== input && !/input|textarea|select/i.test(document.activeElement?.tagName)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });

  async function run(q) {
    const mine = ++ticket;
    if (!q) return close();
    const [found, failed] = await searchEntities(q).then((r) => [r, null], (err) => [[], err]);
    if (mine !== ticket) return;
    const needle = fold(q);
    const matched = events().filter((e) => fold(`${e.label} ${e.place?.name || ""} ${e.participants.map((p) => p.name).join(" ")}`).includes(needle))
      .slice(0, MAX_EVENTS);
    options = [
      ...found.map((e) => ({ sel: { kind: "entity", id: e.id }, title: e.name, note: [e.type, e.roles[0]].filter(Boolean).join(" · "), color: NODE_TYPES[e.type]?.color, clip: NODE_TYPES[e.type]?.clip })),
      ...matched.map((e) => ({ sel: { kind: "event", id: e.id }, title: e.label, note: `${humanize(e.kind)} · ${formatDate(e.date, e.date_precision)}`, color: EVENT_KINDS[e.kind], clip: NODE_TYPES.Event.clip })),
    ];
    render(failed);
  }

  function render(failed) {
    active = options.length ? 0 : -1;
    const items = options.map((o, i) => h("li", {
      id: `search-opt-${i}`, role: "option", class: "option", "aria-selected": String(i === active), dataset: { kind: o.sel.kind, id: o.sel.id },
      onmousedown: (e) => { e.preventDefault(); pick(i); },
    }, h("span", { class: "swatch", style: { background: o.color || "#999", clipPath: o.clip } }),
    h("span", { class: "option-title" }, o.title), h("span", { class: "option-note" }, o.note)));
    const empty = h("li", { class: "option muted", role: "presentation" }, failed ? `Search failed: ${failed.message}` : "Nothing found.");
    replaceChildren(listbox, items.length ? items : empty);
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight();
  }

  function move(step) {
    if (!options.length) return;
    active = (active + step + options.length) % options.length;
    highlight();
  }

  function highlight() {
    [...listbox.querySelectorAll("[role=option]")].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", `search-opt-${active}`);
      listbox.querySelector(`#search-opt-${active}`)?.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  function pick(i) {
    const option = options[i];
    if (!option || listbox.hidden) return;
    close();
    input.value = option.title;
    onSelect(option.sel);
  }

  function close() {
    ticket++;
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
}

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
