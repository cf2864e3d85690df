// The details panel: what the graph says about the selected node or edge, with its quotes.

import * as api from "./api.js";
import { formatDate } from "./dates.js";
import { h, replaceChildren } from "./dom.js";
import { EVENT_KINDS, NODE_TYPES, humanize } from "./palette.js";
import { readButton } from "./reader.js";
import { dedupeFacts, factPhrase, linkPhrases, predicatePhrase, quoteKey, roleNoun } from "./words.js";

let shown = 0;

/** Shows the selection `sel` ({kind, id, ...}) in `panel`; `open(sel)` selects another thing. */
export async function showDetails(panel, sel, open) {
  const ticket = ++shown;
  if (!sel) {
    replaceChildren(panel, h("p", { class: "hint" }, "Select a node, an edge, an event or a search result to see what the sources say about it."));
    return;
  }
  panel.setAttribute("aria-busy", "true");
  try {
    const view = await RENDERERS[sel.kind](sel, open);
    if (ticket === shown) replaceChildren(panel, view);
  } catch (error) {
    if (ticket === shown) replaceChildren(panel, h("p", { class: "error" }, `Could not load ${sel.id}: ${error.message}`));
  } finally {
    if (ticket === shown) panel.removeAttribute("aria-busy");
  }
}

const RENDERERS = { entity: renderEntity, event: renderEvent, article: renderArticle, issue: renderIssue, edge: renderEdge };

async function renderEntity(sel, open) {
  const e = await api.getJSON(`/entities/${encodeURIComponent(sel.id)}`);
  const base = `/entities/${encodeURIComponent(e.id)}`;
  return h("article", { class: "card", "data-id": e.id },
    heading(e.name, typeBadge(e.type), e.confidence),
    e.aliases.length ? field("Also called", e.aliases.join(", ")) : null,
    e.roles.length ? section("Roles", h("ul", { class: "plain" }, e.roles.map((r) => h("li", {}, r)))) : null,
    byPredicate(e.memberships).map(([predicate, refs]) => section(capital(predicatePhrase(predicate)), refList(refs, open))),
    byPredicate(e.members).map(([predicate, refs]) => section(MEMBERS_TITLE[predicate] || capital(predicatePhrase(predicate, true)), refList(refs, open))),
    e.events.total ? pagedSection("Events", e.events, `${base}/events`, "ul", "plain events-mini",
      (ev) => eventItem(ev, open, linkPhrases(ev.links).join(", "))) : null,
    e.relations.total ? pagedSection("Relations", e.relations, `${base}/relations`, "div", "relations", (r) => relationBlock(r, open)) : null,
    pagedSection("Articles", e.articles, `${base}/articles`, "ul", "plain", (a) => h("li", {}, citation(a, open))),
  );
}

/** A section over one page of a list ({items, next_cursor, total}); "Show N more" asks for
 * the next page at `path` and appends it, so a hub's profile stays light. */
function pagedSection(title, page, path, tag, cls, render) {
  const body = h(tag, { class: cls }, page.items.map(render));
  const count = h("span", { class: "count" });
  const more = h("button", { class: "more", dataset: { path } });
  let cursor = page.next_cursor;
  let shown = page.items.length;
  const refresh = () => {
    count.textContent = shown < page.total ? ` (${shown} of ${page.total})` : ` (${page.total})`;
    more.hidden = !cursor;
    more.textContent = `Show ${Math.min(PAGE, page.total - shown)} more`;
  };
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const next = await api.getJSON(path, { cursor, limit: PAGE });
      body.append(...next.items.map(render));
      shown += next.items.length;
      cursor = next.next_cursor;
    } finally {
      more.disabled = false;
      refresh();
    }
  });
  refresh();
  return h("section", { class: "card-section" }, h("h3", {}, title, count), body, more);
}

const PAGE = 50;

/** Asks ahead for what the details of event `id` will show (the story's next step). */
export function prefetchEvent(id) {
  api.prefetchJSON(`/events/${encodeURIComponent(id)}`);
  api.prefetchJSON(`/events/${encodeURIComponent(id)}/chain`, { depth: 2 });
}

async function renderEvent(sel, open) {
  // the chain is asked for beside the event but drawn when it comes: the card does not wait
  const chained = api.fetchChain(sel.id).catch(() => null);
  const e = await api.getJSON(`/events/${encodeURIComponent(sel.id)}`);
  const chainSlot = h("div", { class: "chain-slot" });
  chained.then((chain) => {
    if (chain && chain.events.length > 1) {
      replaceChildren(chainSlot, section("Chain of events", eventList(
        chain.events.filter((c) => c.id !== e.id), open, (c) => (c.distance < 0 ? "led to it" : "followed"))));
    }
  });
  // each sentence once, with what it supports: the event itself and the participants it names
  const quotes = new Map();
  for (const q of e.evidence) {
    const key = quoteKey(q);
    if (!quotes.has(key)) quotes.set(key, { n: quotes.size + 1, q, event: false, supports: [] });
    const entry = quotes.get(key);
    const who = String(q.fact || "").split(" ")[0];  // "<entity id> <role>", or "event"
    if (q.fact === "event") entry.event = true;
    else if (who && !entry.supports.includes(who)) entry.supports.push(who);
  }
  const names = new Map(e.participants.map((p) => [p.id, p]));
  const refsOf = (id) => [...quotes.values()].filter((x) => x.supports.includes(id)).map((x) => h("a", {
    href: "#", class: "quote-ref", dataset: { quote: String(x.n) }, title: x.q.sentence,
    onclick: (ev) => { ev.preventDefault(); showEventQuote(ev.currentTarget, x.n); } }, `[${x.n}]`));
  return h("article", { class: "card", "data-id": e.id },
    heading(e.label, kindBadge(e.kind), e.confidence),
    field("Date", formatDate(e.date, e.date_precision)),
    field("Standing", standingBadge(e.standing, `\u00b7 ${e.sources} independent source${e.sources === 1 ? "" : "s"}`)),
    e.place ? field("Place", refLink(e.place, open)) : null,
    section(`Participants (${e.participants.length})`, h("ul", { class: "plain participants" }, e.participants.map((p) =>
      h("li", { dataset: { id: p.id } }, h("span", { class: "role" }, roleNoun(p.role)), " ", refLink(p, open), " ", refsOf(p.id))))),
    section(`What the sources say (${quotes.size})`, quotes.size ? h("ol", { class: "plain" }, [...quotes.values()].map((x) =>
      h("li", { class: "rc-quote", dataset: { quote: String(x.n) }, tabindex: -1 }, h("span", { class: "quote-n" }, `[${x.n}]`), quoteBlock(x.q, open),
        h("p", { class: "supports" }, h("span", { class: "muted" }, "Supports: "),
          [x.event ? "the event itself" : null, ...x.supports.map((id) => names.get(id)?.name || id)].filter(Boolean).join(", ")))))
      : h("p", { class: "muted" }, "No quote recorded for this event.")),
    e.relations.total ? pagedSection("Linked events and relations", e.relations, `/events/${encodeURIComponent(e.id)}/relations`, "div", "relations",
      (r) => relationBlock(r, open)) : null,
    chainSlot,
    section(`Articles (${e.articles.length})`, h("ul", { class: "plain" }, e.articles.map((a) => h("li", {}, citation(a, open))))),
  );
}

async function renderArticle(sel, open) {
  const a = await api.fetchArticle(sel.id);
  const mentioned = [...a.entities.map((x) => ({ ...x, kind: "entity" })), ...a.events.map((x) => ({ ...x, kind: "event" }))];
  return h("article", { class: "card", "data-id": a.id },
    heading(a.title || "(untitled article)", h("span", { class: "badge" }, "article")),
    field("Outlet", a.source || "unknown"),
    field("Published", formatDate(a.published, "day")),
    a.author ? field("Author", a.author) : null,
    a.url ? field("Address", h("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" }, a.url)) : null,
    factsSection(dedupeFacts(a.relations), open, a),
    section(`Mentions (${mentioned.length})`, h("ul", { class: "plain" }, mentioned.map((m) =>
      h("li", {}, h("a", { href: "#", onclick: go(open, { kind: m.kind, id: m.id }) }, m.name || m.id))))),
  );
}

async function renderIssue(sel) {
  return h("article", { class: "card", "data-id": sel.id },
    heading(sel.name || sel.id, h("span", { class: "badge" }, "issue")),
    h("p", { class: "muted" }, "An issue raised in the talks. Select its edges in the graph to read who demanded or rejected it, and the quotes."));
}

async function renderEdge(sel, open) {
  const { source, target, types } = sel;
  const quotes = [];
  const derived = [];
  // the claims behind the facts from source to target, whatever the size of either's profile
  const claims = await api.getJSON("/claims", { subject: source, object: target }).catch(() => ({ facts: [] }));
  for (const fact of claims.facts) {
    quotes.push(...fact.claims);
    if (fact.basis === "derived" && fact.derivation) derived.push(fact.derivation);
  }
  if (sel.targetLabel === "Event" && types.includes("PARTICIPATED_IN") && !quotes.length) {
    const event = await api.getJSON(`/events/${encodeURIComponent(target)}`);
    quotes.push(...event.evidence.filter((q) => String(q.fact || "").split(" ")[0] === source));
  }
  const labels = types.map((t) => factPhrase(t, t === "PARTICIPATED_IN" ? sel.role : null));
  return h("article", { class: "card", "data-id": `${source}|${target}` },
    heading([...new Set(labels)].join(" · "), h("span", { class: "badge" }, "edge")),
    h("p", { class: "fact" }, h("a", { href: "#", onclick: go(open, { kind: kindOf(sel.sourceLabel), id: source }) }, sel.sourceName || source),
      " → ", h("a", { href: "#", onclick: go(open, { kind: kindOf(sel.targetLabel), id: target }) }, sel.targetName || target)),
    derived.length ? section("How it is known", derived.map((d) => derivationBlock(d, open))) : null,
    section("What the sources say", quotes.length ? sideBySide(dedupeQuotes(quotes), open) || dedupeQuotes(quotes).map((q) => quoteBlock(q, open))
      : h("p", { class: "muted" }, derived.length ? "No article states this link: it is inferred." : "No quote recorded for this edge.")),
  );
}

/** The selection kind of a node label (a node reference's `node`). */
export function kindOf(label) {
  return { Entity: "entity", Event: "event", Article: "article", Issue: "issue" }[label] || "entity";
}

function heading(title, badge, confidence) {
  return h("header", { class: "card-head" },
    h("h2", {}, title), badge,
    confidence != null ? h("span", { class: "confidence", title: "extraction confidence" }, `${Math.round(confidence * 100)}%`) : null);
}

function typeBadge(type) {
  const style = NODE_TYPES[type] ? { background: NODE_TYPES[type].color } : {};
  return h("span", { class: "badge", style }, type);
}

function kindBadge(kind) {
  return h("span", { class: "badge", style: { background: EVENT_KINDS[kind] || EVENT_KINDS.other } }, humanize(kind));
}

function field(name, ...value) {
  return h("div", { class: "field" }, h("span", { class: "field-name" }, name), h("span", {}, ...value));
}

function section(title, ...content) {
  return h("section", { class: "card-section" }, h("h3", {}, title), ...content);
}

function go(open, sel) {
  return (event) => { event.preventDefault(); open(sel); };
}

function refLink(ref, open) {
  return h("a", { href: "#", class: "ref", onclick: go(open, { kind: "entity", id: ref.id }) }, ref.name || ref.id);
}

function endLink(end, open) {
  const kind = end.node === "Issue" ? "issue" : end.node === "Event" ? "event" : "entity";
  return h("a", { href: "#", onclick: go(open, { kind, id: end.id, name: end.name }) }, end.name || end.id);
}

function refList(refs, open) {
  return h("ul", { class: "plain" }, refs.map((r) => h("li", {}, refLink(r, open))));
}

const MEMBERS_TITLE = { MEMBER_OF: "Members", LEADS: "Headed by" };

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** [predicate, refs] pairs in the order the predicates first appear. */
function byPredicate(refs) {
  const groups = new Map();
  for (const r of refs) {
    if (!groups.has(r.predicate)) groups.set(r.predicate, []);
    groups.get(r.predicate).push(r);
  }
  return [...groups];
}

/** An article's facts, one per subject, phrase and object, each quote shown once. */
function factsSection(facts, open, article) {
  return section(`Facts stated (${facts.length})`, facts.map((r) => h("div", { class: "relation", dataset: { fact: `${r.subject.id}|${r.phrase}|${r.object.id}` } },
    h("div", { class: "fact" }, endLink(r.subject, open), " ", h("span", { class: "pred" }, r.phrase), " ", endLink(r.object, open), " ", standingBadge(r.standing)),
    r.evidence.map((q) => h("figure", { class: "evidence" }, h("blockquote", { class: "quote" }, q.sentence),
      h("figcaption", {}, readButton(q, article)))))));
}

function eventList(events, open, note) {
  return h("ul", { class: "plain events-mini" }, events.map((ev) => eventItem(ev, open, note(ev))));
}

function eventItem(ev, open, note) {
  return h("li", {},
    h("span", { class: "dot", style: { background: EVENT_KINDS[ev.kind] || EVENT_KINDS.other } }),
    h("span", { class: "date" }, formatDate(ev.date, ev.date_precision)), " ",
    h("a", { href: "#", onclick: go(open, { kind: "event", id: ev.id }) }, ev.label), " ",
    h("span", { class: "muted" }, note));
}

function relationBlock(r, open) {
  const other = h("a", { href: "#", onclick: go(open, { kind: kindOf(r.other.node), id: r.other.id, name: r.other.name }) }, r.other.name || r.other.id);
  const mark = standingBadge(r.standing);
  const phrase = predicatePhrase(r.predicate, r.direction !== "out");
  const fact = h("div", { class: "fact" }, h("span", { class: "pred" }, phrase), " ", other, " ", mark);
  const quotes = dedupeQuotes(r.evidence);
  return h("div", { class: `relation${r.basis === "derived" ? " derived" : ""}`, dataset: { basis: r.basis || "stated" } }, fact,
    r.basis === "derived" ? derivationBlock(r.derivation, open)
      : r.standing === "contested" ? sideBySide(quotes, open) || quotes.map((q) => quoteBlock(q, open))
        : quotes.map((q) => quoteBlock(q, open)));
}

function showEventQuote(from, n) {
  const card = from.closest(".card");
  card.querySelectorAll(".rc-quote.current").forEach((el) => el.classList.remove("current"));
  const target = card.querySelector(`.rc-quote[data-quote="${n}"]`);
  target?.classList.add("current");
  target?.scrollIntoView({ block: "nearest" });
  target?.focus({ preventScroll: true });
}

/** A quoted sentence, the article it comes from (title, outlet, date), and on whose word. */
export function quoteBlock(q, open) {
  return h("figure", { class: "evidence", dataset: { status: q.status || "" } },
    h("blockquote", { class: "quote" }, q.sentence),
    h("figcaption", {}, citation(q.article, open), readButton(q), claimLine(q)));
}

const SAYS = { stated: "says it happened", planned: "says it will happen", doubted: "doubts it",
  denied: "denies it", hypothetical: "puts it as a condition" };

/** "Reuters, quoting an unnamed Egyptian official: says it happened". */
export function claimLine(q) {
  if (!q.status && !q.claimant) return null;
  return h("span", { class: "claim" }, `${whoSays(q)}: ${SAYS[q.status] || q.status || "says so"}`);
}

/** The outlet, and the claimant it quotes unless it speaks in its own voice. */
export function whoSays(q) {
  const outlet = q.article?.source || "unknown outlet";
  const c = q.claimant;
  if (!c || c.kind === "outlet") return `${outlet}, in its own voice`;
  return `${outlet}, quoting ${c.name || "an unnamed source"}${c.via && c.via !== outlet ? ` (via ${c.via})` : ""}`;
}

const STANDING_MARK = { confirmed: "\u2714", expected: "\u2026", contested: "\u21c4", unconfirmed: "?", denied: "\u2716" };

/** A standing badge: a symbol and the word, styled per standing (never by colour alone). */
export function standingBadge(standing, extra) {
  if (!standing) return null;
  return h("span", { class: `standing standing-${standing}`, dataset: { standing }, title: `standing: ${standing}` },
    h("span", { class: "standing-mark", "aria-hidden": "true" }, STANDING_MARK[standing] || ""), ` ${standing}`, extra ? ` ${extra}` : "");
}

/** A contested fact's claims side by side: those that affirm it beside those that doubt or deny it. */
export function sideBySide(quotes, open) {
  const affirm = quotes.filter((q) => q.status === "stated" || q.status === "planned");
  const dispute = quotes.filter((q) => q.status === "doubted" || q.status === "denied");
  if (!affirm.length || !dispute.length) return null;
  const column = (title, items) => h("div", { class: "side" }, h("h4", {}, title), items.map((q) => quoteBlock(q, open)));
  return h("div", { class: "sides", "aria-label": "sources that disagree" },
    column("Says it happened or will", affirm), column("Doubts or denies it", dispute));
}

/** What a derived edge rests on: its rule and the dated quotes of both ends. */
export function derivationBlock(d, open) {
  if (!d) return null;
  return h("div", { class: "derivation" },
    h("p", {}, h("span", { class: "inferred" }, "inferred"), ` by the rule \u201c${d.rule}\u201d: no article states this link.`),
    d.ends.map((end) => h("div", { class: "end" },
      h("strong", {}, end.label || end.id), " ", h("span", { class: "muted" }, formatDate(end.date, end.date_precision)),
      end.evidence.map((q) => quoteBlock(q, open)))));
}

function citation(a, open) {
  return h("span", { class: "cite" },
    h("a", { href: "#", class: "article-title", onclick: go(open, { kind: "article", id: a.id }) }, a.title || "(untitled article)"),
    h("span", { class: "outlet" }, a.source || "unknown outlet"),
    h("span", { class: "date" }, formatDate(a.published, "day")));
}

function dedupeQuotes(quotes) {
  const seen = new Set();
  return quotes.filter((q) => {
    const key = `${q.fact || ""}|${quoteKey(q)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
