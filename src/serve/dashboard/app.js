// parley dashboard: a timeline by QuadClass, a dyad matrix, an event list and an evidence view,
// all from the JSON API of the same server (docs/api.md). The filters live in the page's URL,
// so a view can be shared. Every text from the articles is set with textContent (never parsed
// as HTML), so an article that contains markup shows it as text.
"use strict";

const FILTERS = ["from", "to", "actor", "root", "quad", "text"];
const PAGE = 25;
const QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const ROOTS = ["make public statement", "appeal", "express intent to cooperate", "consult",
  "engage in diplomatic cooperation", "engage in material cooperation", "provide aid", "yield",
  "investigate", "demand", "disapprove", "reject", "threaten", "protest",
  "exhibit force posture", "reduce relations", "coerce", "assault", "fight",
  "use unconventional mass violence"];

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else if (k.startsWith("data-")) node.setAttribute(k, v); else node[k] = v;
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

// ---- state in the URL ----

function state() {
  const q = new URLSearchParams(location.search);
  const s = {};
  for (const k of FILTERS) if (q.get(k)) s[k] = q.get(k);
  s.offset = Math.max(0, parseInt(q.get("offset") || "0", 10) || 0);
  if (q.get("event")) s.event = q.get("event");
  return s;
}

function setState(s, replace) {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (s[k]) q.set(k, s[k]);
  if (s.offset) q.set("offset", s.offset);
  if (s.event) q.set("event", s.event);
  const url = location.pathname + (q.toString() ? "?" + q : "");
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  render();
}

function filterQuery(s, extra) {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (s[k]) q.set(k, s[k]);
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q.toString();
}

async function api(path) {
  const r = await fetch(path, {headers: {Accept: "application/json"}});
  const body = await r.json().catch(() => ({error: "not JSON (" + r.status + ")"}));
  if (!r.ok) throw new Error(body.error || "HTTP " + r.status);
  return body;
}

function showStatus(text, isError) {
  const st = $("#status");
  st.textContent = text;
  st.classList.toggle("error", !!isError);
}

// ---- timeline ----

function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) { m = 1; y++; }
    if (out.length > 600) break;
  }
  return out;
}

function lastDay(month) {
  const [y, m] = month.split("-").map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

// The months to draw: all of them, except that a long span drops its sparse ends (at most 0.5% of
// the events), such as the odd event dated decades earlier by a historical date in its sentence,
// which would otherwise squeeze every bar into a pixel. Returns [first, last, events left out].
function shownRange(rows) {
  const perMonth = new Map();
  for (const r of rows) perMonth.set(r.month, (perMonth.get(r.month) || 0) + r.events);
  const list = [...perMonth.entries()];
  let first = 0, last = list.length - 1, out = 0;
  if (monthsBetween(list[0][0], list[last][0]).length > 24) {
    const total = list.reduce((a, e) => a + e[1], 0), cut = Math.floor(total * 0.005);
    while (first < last && out + list[first][1] <= cut) out += list[first++][1];
    while (last > first && out + list[last][1] <= cut) out += list[last--][1];
  }
  return [list[first][0], list[last][0], out];
}

let lastTimeline = null;

function drawTimeline(rows, s) {
  lastTimeline = [rows, s];
  const box = $("#timeline");
  box.replaceChildren();
  $("#timeline-note").textContent = "";
  if (!rows.length) { box.append(el("p", {class: "hint"}, "No events for these filters.")); return; }
  const [firstMonth, lastMonth, hidden] = shownRange(rows);
  if (hidden) $("#timeline-note").textContent = `${hidden} event(s) dated outside ${firstMonth} – ${lastMonth} are not drawn`;
  rows = rows.filter((r) => r.month >= firstMonth && r.month <= lastMonth);
  const counts = {};
  for (const r of rows) (counts[r.month] ||= {})[r.quad_class] = r.events;
  const months = monthsBetween(firstMonth, lastMonth);
  const max = Math.max(...months.map((m) => Object.values(counts[m] || {}).reduce((a, b) => a + b, 0)));
  // drawn at the box's own width, so that text is never stretched (redrawn on resize)
  const W = Math.max(300, Math.round(box.clientWidth) || 1000), H = 220, left = 36, bottom = 22, top = 8;
  const bw = (W - left) / months.length;
  const chart = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": "events per month by QuadClass"});
  for (const t of [0, Math.ceil(max / 2), max]) {
    const y = H - bottom - (t / max) * (H - bottom - top);
    chart.append(svg("line", {x1: left, x2: W, y1: y, y2: y, stroke: "#e3e7ee"}));
    const label = svg("text", {x: left - 4, y: y + 3, "text-anchor": "end"});
    label.textContent = t;
    chart.append(label);
  }
  const every = Math.ceil(months.length / Math.max(2, Math.floor(W / 80)));
  months.forEach((m, i) => {
    let y = H - bottom;
    const c = counts[m] || {};
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    for (const q of [1, 2, 3, 4]) {
      if (!c[q]) continue;
      const h = (c[q] / max) * (H - bottom - top);
      y -= h;
      const rect = svg("rect", {x: left + i * bw + bw * 0.1, y, width: Math.max(1, bw * 0.8), height: h,
        fill: `var(--q${q})`, class: "bar", "data-month": m, "data-quad": q, "data-count": c[q]});
      const tip = svg("title");
      tip.textContent = `${m}: ${c[q]} ${QUADS[q]} (${total} in all)`;
      rect.append(tip);
      rect.addEventListener("click", () => setState({...s, from: `${m}-01`, to: lastDay(m), offset: 0, event: ""}));
      chart.append(rect);
    }
    if (i % every === 0) {
      const label = svg("text", {x: left + i * bw + bw / 2, y: H - 6, "text-anchor": "middle"});
      label.textContent = m;
      chart.append(label);
    }
  });
  box.append(chart);
}

function drawLegend() {
  $("#legend").replaceChildren(...[1, 2, 3, 4].map((q) => el("li", {class: `q${q}`}, `${q} ${QUADS[q]}`)));
}

// ---- dyads ----

function drawDyads(rows, s) {
  const box = $("#dyads");
  box.replaceChildren();
  rows = rows.filter((r) => r.source && r.target);
  if (!rows.length) { box.append(el("p", {class: "hint"}, "No source-target pairs for these filters.")); return; }
  const total = (key) => {
    const t = {};
    for (const r of rows) t[r[key]] = (t[r[key]] || 0) + r.events;
    return Object.entries(t).sort((a, b) => b[1] - a[1]).slice(0, 10).map((e) => e[0]);
  };
  const sources = total("source"), targets = total("target");
  const cell = {};
  for (const r of rows) cell[r.source + "|" + r.target] = r;
  const max = Math.max(...rows.map((r) => r.events));
  const head = el("tr", {}, el("th", {}, "source \\ target"), ...targets.map((t) => el("th", {}, t)));
  const body = sources.map((src) => el("tr", {}, el("th", {class: "row"}, src), ...targets.map((t) => {
    const r = cell[src + "|" + t];
    const td = el("td", {class: r ? "cell" : ""}, r ? r.events : "");
    if (r) {
      td.style.background = `rgba(43, 131, 186, ${0.12 + 0.7 * (r.events / max)})`;
      td.title = `${src} → ${t}: ${r.events} events, Goldstein sum ${r.goldstein_sum}`;
      td.addEventListener("click", () => setState({...s, actor: src, offset: 0, event: ""}));
    }
    return td;
  })));
  box.append(el("table", {}, el("thead", {}, head), el("tbody", {}, ...body)));
}

// ---- quotes ----

const QUOTE_FILTERS = ["from", "to", "actor", "text"];

function quoteItem(q) {
  return el("li", {}, el("span", {class: "speaker"}, q.speaker || "unknown speaker"),
    q.speaker_code ? ` (${q.speaker_code})` : "", ": “", q.text, "”",
    q.date ? el("span", {class: "meta"}, ` ${q.date}`) : "");
}

function quoteQuery(s) {
  const q = new URLSearchParams({limit: 12});
  for (const k of QUOTE_FILTERS) if (s[k]) q.set(k, s[k]);
  return q.toString();
}

function drawQuotes(page) {
  const list = $("#latest-quotes");
  list.replaceChildren(...page.quotes.map(quoteItem));
  if (!page.quotes.length) list.append(el("li", {class: "hint"}, "No quotes for these filters."));
}

// ---- events and evidence ----

function drawEvents(page, s) {
  const tbody = $("#events tbody");
  tbody.replaceChildren();
  for (const e of page.events) {
    const tr = el("tr", {"data-id": e.id, "data-testid": "event-row"},
      el("td", {}, e.date),
      el("td", {title: e.source_text || ""}, e.source || "—"),
      el("td", {}, "→"),
      el("td", {title: e.target_text || ""}, e.target || "—"),
      el("td", {class: "code"}, el("span", {class: `quad q${e.quad_class}`, title: QUADS[e.quad_class]}), e.code),
      el("td", {}, e.plover || ""),
      el("td", {}, e.verb_text || ""));
    if (String(e.id) === String(s.event)) tr.classList.add("selected");
    tr.addEventListener("click", async () => {
      setState({...s, event: String(e.id)}, true);
      await rendered;
      $("#detail").scrollIntoView({block: "start", behavior: "smooth"});
    });
    tbody.append(tr);
  }
  const first = page.count ? page.offset + 1 : 0;
  $("#events-count").textContent = page.count ? `${first}–${page.offset + page.count}` : "none";
  $("#prev").disabled = page.offset === 0;
  $("#next").disabled = page.next_offset === null;
  $("#prev").onclick = () => setState({...s, offset: Math.max(0, page.offset - PAGE), event: ""});
  $("#next").onclick = () => setState({...s, offset: page.next_offset, event: ""});
}

function evidence(m) {
  const p = el("p", {class: "evidence", "data-testid": "evidence"});
  for (const part of m.evidence_parts || [{text: m.evidence}])
    p.append(part.role ? el("mark", {class: part.role, title: part.role}, part.text) : document.createTextNode(part.text));
  return p;
}

async function drawDetail(id) {
  const box = $("#detail");
  if (!id) { box.hidden = true; return; }
  const d = await api(`/api/events/${encodeURIComponent(id)}`);
  const e = d.event;
  const body = $("#detail-body");
  body.replaceChildren(
    el("p", {class: "meta"}, `${e.date} · ${e.source || "—"} → ${e.target || "—"} · CAMEO ${e.code} ${e.plover || ""} · Goldstein ${e.goldstein} · ${e.num_mentions} mention(s) in ${e.num_articles} article(s)`));
  for (const m of d.mentions.slice(0, 10)) {
    const div = el("div", {class: "mention"},
      el("div", {class: "meta"}, `${m.title || m.doc} · ${m.article_date || ""} · ${m.outlet || ""} · sentence ${m.sentence}` +
        (m.reported_by ? ` · reported by ${m.reported_by}` : "") + (m.modality ? ` · ${m.modality}` : "")),
      evidence(m));
    body.append(div);
  }
  if (d.quotes.length) {
    body.append(el("h3", {}, "Quotes in the article"));
    body.append(el("ul", {class: "quotes", "data-testid": "quotes"}, ...d.quotes.map(quoteItem)));
  }
  box.hidden = false;
}

// ---- the page ----

function fillForm(s) {
  const f = $("#filters");
  for (const k of FILTERS) f.elements[k].value = s[k] || "";
}

let generation = 0;
let rendered = Promise.resolve();
function render() {
  rendered = load();
  return rendered;
}

async function load() {
  const s = state();
  const mine = ++generation;
  fillForm(s);
  showStatus("Loading…");
  try {
    const [series, dyads, page, quotes] = await Promise.all([
      api(`/api/series?${filterQuery(s, {by: "month-quad"})}`),
      api(`/api/series?${filterQuery(s, {by: "dyad", limit: 400})}`),
      api(`/api/events?${filterQuery(s, {limit: PAGE, offset: s.offset})}`),
      api(`/api/quotes?${quoteQuery(s)}`),
    ]);
    if (mine !== generation) return;
    drawTimeline(series.rows, s);
    drawDyads(dyads.rows, s);
    drawQuotes(quotes);
    drawEvents(page, s);
    await drawDetail(s.event);
    const n = series.rows.reduce((a, r) => a + r.events, 0);
    showStatus(`${n} events`);
  } catch (err) {
    if (mine === generation) showStatus(err.message, true);
  }
}

function init() {
  const root = $("#filters").elements.root;
  ROOTS.forEach((name, i) => {
    const code = String(i + 1).padStart(2, "0");
    root.append(el("option", {value: code}, `${code} ${name}`));
  });
  drawLegend();
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = ev.target.elements, s = {offset: 0};
    for (const k of FILTERS) if (f[k].value.trim()) s[k] = f[k].value.trim();
    setState(s);
  });
  $("#reset").addEventListener("click", () => setState({offset: 0}));
  $("#close-detail").addEventListener("click", () => setState({...state(), event: ""}, true));
  window.addEventListener("popstate", render);
  let resizing = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { if (lastTimeline) drawTimeline(...lastTimeline); }, 150);
  });
  api("/api/actors?limit=200").then((a) => {
    $("#actor-list").replaceChildren(...a.actors.map((x) => el("option", {value: x.code, label: x.text})));
  }).catch(() => {});
  render();
}

document.addEventListener("DOMContentLoaded", init);
