// The reader: an article's cleaned text (GET /articles/{id}/text) in a modal dialog, with the
// quoted sentence marked and scrolled into view. Escape or the close button shuts it and the
// focus goes back to the control that opened it.

import * as api from "./api.js";
import { formatDate } from "./dates.js";
import { h, replaceChildren } from "./dom.js";

const texts = new Map();  // article id -> Promise of its text, fetched once per page
let dialog = null;
let opener = null;
let ticket = 0;
let hooks = { onOpen: () => {}, onClose: () => {} };

/** `onOpen({article, start, end})` and `onClose()` tell the caller (the URL keeps the reader). */
export function configureReader(next) {
  hooks = { ...hooks, ...next };
}

/** A "Read in context" button for quote `q` of article `article` ({id, title, ...}), or null
 * when the quote names no article. */
export function readButton(q, article = q.article) {
  if (!article?.id) return null;
  const title = article.title || "the article";
  return h("button", {
    type: "button", class: "read-context", dataset: { article: article.id, start: q.start ?? "", end: q.end ?? "" },
    title: `Read ${title} with this sentence highlighted`,
    "aria-label": `Read in context: ${title}`,
    onclick: (event) => { openReader({ article, start: q.start, end: q.end, sentence: q.sentence }, event.currentTarget); },
  }, "Read in context");
}

/** Where the quote is in `text`: its offsets when they hold the sentence, else the first place
 * the sentence occurs; null when it is not there at all. */
export function locate(text, { start, end, sentence }) {
  const same = (a, b) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length) {
    if (!sentence || same(text.slice(start, end), sentence)) return { start, end, how: "offsets" };
  }
  if (!sentence) return null;
  const at = text.indexOf(sentence);
  return at < 0 ? null : { start: at, end: at + sentence.length, how: "search" };
}

function textOf(id) {
  if (!texts.has(id)) {
    const request = api.getJSON(`/articles/${encodeURIComponent(id)}/text`);
    request.catch(() => texts.delete(id));
    texts.set(id, request);
  }
  return texts.get(id);
}

function ensureDialog() {
  if (dialog) return dialog;
  dialog = h("dialog", { id: "reader", class: "reader", "aria-labelledby": "reader-title" },
    h("header", { class: "reader-head" },
      h("div", { class: "reader-heading" }, h("h2", { id: "reader-title" }, "Article"), h("p", { id: "reader-meta", class: "muted" })),
      h("button", { type: "button", id: "reader-close", class: "ghost", "aria-label": "Close the article", title: "Close (Escape)",
        onclick: () => dialog.close() }, "\u00d7")),
    h("div", { class: "reader-bar" },
      h("span", { id: "reader-note", class: "muted", "aria-live": "polite" }),
      h("button", { type: "button", id: "reader-goto", onclick: () => revealMark() }, "Go to the sentence")),
    h("div", { id: "reader-text", class: "reader-text", tabindex: 0, role: "region", "aria-label": "Article text" }));
  dialog.addEventListener("close", () => {
    ticket++;
    dialog.dataset.state = "closed";
    const back = opener;
    opener = null;
    hooks.onClose();
    if (back?.isConnected) back.focus();
  });
  // Tab and Shift+Tab cycle inside the dialog rather than leave it for the browser's own controls
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Tab") return;
    const stops = [...dialog.querySelectorAll("button, [tabindex='0']")].filter((el) => !el.hidden && !el.disabled);
    if (!stops.length) return;
    // the marked sentence (focused on opening) counts as the text around it
    const at = stops.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
    const next = at < 0 ? 0 : (at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
    event.preventDefault();
    stops[next].focus();
  });
  // a click on the backdrop (outside the dialog's box) closes it too
  dialog.addEventListener("click", (event) => {
    if (event.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    const inside = event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
    if (!inside) dialog.close();
  });
  document.body.append(dialog);
  return dialog;
}

function revealMark() {
  const mark = dialog?.querySelector("#reader-text mark");
  if (!mark) return;
  mark.scrollIntoView({ block: "center", inline: "nearest" });
  mark.focus({ preventScroll: true });
}

/** Opens article `ref.article` ({id, title?, source?, published?}) with [ref.start, ref.end)
 * (or the first occurrence of `ref.sentence`) marked; `from` gets the focus back on close. */
export async function openReader(ref, from = document.activeElement) {
  const box = ensureDialog();
  const mine = ++ticket;
  opener = from instanceof HTMLElement && from !== document.body ? from : opener;
  const article = ref.article;
  box.dataset.article = article.id;
  box.dataset.state = "loading";
  box.setAttribute("aria-busy", "true");
  box.querySelector("#reader-title").textContent = article.title || "Article";
  box.querySelector("#reader-meta").textContent = "";
  box.querySelector("#reader-note").textContent = "Loading the article\u2026";
  box.querySelector("#reader-goto").hidden = true;
  replaceChildren(box.querySelector("#reader-text"));
  if (!box.open) box.showModal();
  hooks.onOpen({ article: article.id, start: ref.start, end: ref.end });
  let doc;
  try {
    doc = await textOf(article.id);
  } catch (error) {
    if (mine !== ticket) return;
    box.querySelector("#reader-note").textContent = `Could not load the article: ${error.message}`;
    box.dataset.state = "error";
    box.removeAttribute("aria-busy");
    return;
  }
  if (mine !== ticket) return;
  const text = doc.text || "";
  const found = locate(text, ref);
  box.querySelector("#reader-title").textContent = doc.title || article.title || "(untitled article)";
  box.querySelector("#reader-meta").textContent = [doc.source || "unknown outlet", doc.published ? formatDate(doc.published, "day") : null]
    .filter(Boolean).join(" \u00b7 ");
  const body = box.querySelector("#reader-text");
  if (found) {
    replaceChildren(body, text.slice(0, found.start),
      h("mark", { id: "reader-mark", tabindex: -1 }, text.slice(found.start, found.end)),
      text.slice(found.end));
  } else {
    replaceChildren(body, text);
  }
  box.querySelector("#reader-note").textContent = found ? "The quoted sentence is highlighted."
    : ref.sentence || ref.start != null ? "The quoted sentence was not found in this text." : "";
  box.querySelector("#reader-goto").hidden = !found;
  box.dataset.found = found ? found.how : "none";
  box.dataset.state = "ready";
  box.removeAttribute("aria-busy");
  if (found) revealMark();
  else body.focus({ preventScroll: true });
}

/** Closes the reader if it is open (its close handler gives the focus back). */
export function closeReader() {
  if (dialog?.open) dialog.close();
}

/** True while the reader shows article `id` (any article when `id` is omitted). */
export function readerOpen(id) {
  return Boolean(dialog?.open && (id === undefined || dialog.dataset.article === id));
}
