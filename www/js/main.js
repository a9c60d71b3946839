// Wiring: the header, tabs, the view of the active payload, keyboard shortcuts,
// the URL hash. Parsing and wasm calls live in load.js; drawing in render/*.
import { h, clear, downloadText } from "./dom.js";
import * as load from "./load.js";
import { readHash, writeHash } from "./state.js";
import { PHASES, FORMAT_LABELS, TIME_MODES, phaseClass, fmtBytes, fmtTime } from "./fmt.js";
import { renderSummary } from "./render/summary.js";
import { renderPhaseChips } from "./render/phases.js";
import { TimelineView } from "./render/timeline.js";
import { renderDetails } from "./render/details.js";
import { EventsView } from "./render/events.js";
import { renderObjectData } from "./render/objectdata.js";
import { renderRaw } from "./render/rawtree.js";
import { renderError, renderWarnings } from "./render/errors.js";
import { renderHelp } from "./render/help.js";
import { renderComparison } from "./render/compare.js";

const $ = (id) => document.getElementById(id);

const app = {
  docs: [],
  active: -1,
  tm: "utc",
  theme: "",
  lang: "both",
  view: null, // the live DocView of the active payload
  samples: [],
  pasteN: 0,
  ready: false,
};

// ---- helpers ---------------------------------------------------------------------------

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function toast(msg, bad) {
  const t = $("toast");
  t.textContent = msg;
  t.className = "toast" + (bad ? " bad" : "");
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 3500);
}

function setBusy(msg) {
  let b = document.querySelector(".busy");
  if (!msg) { if (b) b.remove(); return; }
  if (!b) { b = h("div", { class: "busy", role: "status", "data-testid": "busy" }); document.body.appendChild(b); }
  b.replaceChildren(h("span", { class: "spinner", "aria-hidden": "true" }), msg);
}

function newView() {
  return { run: "", phases: new Set(), type: "", el: "", q: "", sort: "asc", lane: "", z: null, laneText: "", cmp: null };
}

function activeDoc() {
  return app.active >= 0 ? app.docs[app.active] : null;
}

function newestRunId(summary) {
  let best = null;
  for (const r of summary.runs) {
    if (!best || (r.startedAt ?? -Infinity) > (best.startedAt ?? -Infinity)) best = r;
  }
  return best ? best.id : "";
}

function selectedRun(doc) {
  const s = doc.summary;
  if (!s || !s.runs.length) return null;
  if (s.kind === "workflow-executions") {
    return s.runs.find((r) => r.id === doc.view.run) || s.runs.find((r) => r.id === newestRunId(s)) || s.runs[0];
  }
  return s.runs[0];
}

// ---- hash --------------------------------------------------------------------------------

function sync() {
  const doc = activeDoc();
  const st = {
    s: app.docs.filter((d) => d.source.startsWith("sample:")).map((d) => d.source.slice(7)),
    tab: app.active > 0 ? app.active : "",
    tm: app.tm !== "utc" ? app.tm : "",
    theme: app.theme,
    lang: app.lang !== "both" ? app.lang : "",
  };
  if (doc && doc.view) {
    const v = doc.view;
    Object.assign(st, {
      run: doc.summary && doc.summary.kind === "workflow-executions" ? v.run : "",
      ph: [...v.phases],
      type: v.type, el: v.el, q: v.q, sort: v.sort !== "asc" ? v.sort : "",
      lane: v.lane, z: v.z ? v.z.join(",") : "",
    });
    const other = v.cmp ? app.docs.findIndex((d) => d.id === v.cmp.docId) : -1;
    if (other >= 0) { st.cmp = String(other); st.cmprun = v.cmp.run || ""; }
  }
  writeHash(st);
}

function viewFromHash(st) {
  const v = newView();
  if (st.run) v.run = st.run;
  if (st.ph) v.phases = new Set(st.ph.split(",").filter((p) => PHASES.includes(p)));
  if (st.type) v.type = st.type;
  if (st.el) v.el = st.el;
  if (st.q) v.q = st.q;
  if (st.sort) v.sort = st.sort;
  if (st.lane) v.lane = st.lane;
  if (st.cmp != null && /^\d+$/.test(st.cmp)) v.cmpTab = { tab: Number(st.cmp), run: st.cmprun || "" };
  if (st.z) {
    const z = st.z.split(",").map(Number);
    if (z.length === 2 && z.every(isFinite) && z[1] > z[0]) v.z = z;
  }
  return v;
}

function applyGlobal(st) {
  if (st.tm && TIME_MODES.some((m) => m.id === st.tm)) app.tm = st.tm;
  if (st.theme === "dark" || st.theme === "light") app.theme = st.theme;
  if (st.lang === "zh" || st.lang === "en" || st.lang === "both") app.lang = st.lang;
}

// ---- theme & time mode ---------------------------------------------------------------------

const THEME_ICON = { "": "◐", dark: "☾", light: "☀" };
const THEME_NAME = { "": "auto (system)", dark: "dark", light: "light" };

function applyTheme() {
  const root = document.documentElement;
  if (app.theme) root.dataset.theme = app.theme; else delete root.dataset.theme;
  const b = $("theme-toggle");
  b.textContent = THEME_ICON[app.theme];
  b.title = "Theme: " + THEME_NAME[app.theme] + " — click for " + THEME_NAME[app.theme === "" ? "dark" : app.theme === "dark" ? "light" : ""] + " (T)";
  b.setAttribute("aria-label", b.title);
  if (app.view && app.view.timeline) app.view.timeline.refreshTheme();
}

function cycleTheme() {
  app.theme = app.theme === "" ? "dark" : app.theme === "dark" ? "light" : "";
  applyTheme();
  sync();
}

function renderTimeMode() {
  const seg = $("time-mode");
  clear(seg);
  for (const m of TIME_MODES) {
    seg.appendChild(h("button", { type: "button", role: "radio", "aria-checked": String(app.tm === m.id), class: app.tm === m.id ? "on" : "",
      title: m.title + " (U)", "data-mode": m.id, onclick: () => setTimeMode(m.id) }, m.label));
  }
}

function setTimeMode(mode) {
  app.tm = mode;
  renderTimeMode();
  if (app.view) app.view.setMode(mode);
  sync();
}

// ---- tabs --------------------------------------------------------------------------------

function renderTabs() {
  const nav = $("tabs");
  clear(nav);
  nav.hidden = app.docs.length === 0;
  app.docs.forEach((doc, i) => {
    const run = doc.summary && doc.summary.runs.length ? selectedRun(doc) : null;
    const status = doc.error ? h("span", { class: "tab-err", title: "cannot be read: " + doc.error.code }, "!")
      : doc.summary && doc.summary.apiError ? h("span", { class: "tab-err", title: "API error" }, doc.summary.apiError.httpCode ?? "!")
        : run ? h("span", { class: ["dot", phaseClass(run.phase)], title: run.phase }) : null;
    const fmt = doc.format ? (FORMAT_LABELS[doc.format] || doc.format) : "unreadable";
    const tab = h("div", { class: ["tab", i === app.active ? "on" : ""], "data-testid": "tab", role: "presentation" },
      h("button", { type: "button", class: "tab-main", role: "tab", "aria-selected": String(i === app.active),
        title: doc.name + " — " + fmt + " — " + fmtBytes(doc.size) + (i < 9 ? " (" + (i + 1) + ")" : ""),
        onclick: () => activate(i) },
      status,
      h("span", { class: "tab-name" }, doc.name),
      h("span", { class: ["fmt", doc.error ? "fmt-bad" : ""], "data-testid": "tab-format" }, fmt)),
      h("button", { type: "button", class: "tab-x", title: "Close (X)", "aria-label": "Close " + doc.name, onclick: () => closeDoc(i) }, "✕"));
    nav.appendChild(tab);
  });
}

function activate(i) {
  if (i < 0 || i >= app.docs.length) return;
  app.active = i;
  renderTabs();
  renderActive();
  sync();
}

function closeDoc(i) {
  const [doc] = app.docs.splice(i, 1);
  if (doc) load.dispose(doc);
  if (app.active >= app.docs.length) app.active = app.docs.length - 1;
  else if (i < app.active) app.active--;
  renderTabs();
  renderActive();
  sync();
}

// ---- opening -----------------------------------------------------------------------------

async function openInputs(items, opts = {}) {
  if (!items.length) return;
  try {
    await load.start();
  } catch (e) {
    fatal(e);
    return;
  }
  let first = -1;
  for (const it of items) {
    setBusy("Reading " + it.name + " (" + fmtBytes(typeof it.input === "string" ? it.input.length : it.input.byteLength) + ")…");
    await nextFrame();
    const doc = load.openPayload(it.name, it.input, it.source);
    doc.view = opts.view && items.length === 1 ? opts.view : newView();
    app.docs.push(doc);
    if (first < 0) first = app.docs.length - 1;
  }
  setBusy(null);
  if (opts.noActivate) return;
  app.active = first;
  renderTabs();
  renderActive();
  sync();
}

async function openFiles(files) {
  const items = [];
  for (const f of files) {
    try {
      items.push({ name: f.name, input: await load.readFile(f), source: "file:" + f.name });
    } catch (e) {
      toast("Cannot read " + f.name + ": " + (e.message || e), true);
    }
  }
  await openInputs(items);
}

async function openSample(file, opts) {
  try {
    setBusy("Loading sample " + file + "…");
    const bytes = await load.fetchSample(file);
    const meta = app.samples.find((s) => s.file === file);
    await openInputs([{ name: (meta && meta.title) || file, input: bytes, source: "sample:" + file }], opts);
  } catch (e) {
    setBusy(null);
    toast(e.message || String(e), true);
  }
}

function openPasted(text) {
  if (!text || !text.trim()) { toast("Nothing to open: the paste box is empty.", true); return; }
  app.pasteN++;
  $("paste-panel").hidden = true;
  $("paste-input").value = "";
  openInputs([{ name: "pasted " + app.pasteN, input: text, source: "paste" }]);
}

// ---- the view of one payload ------------------------------------------------------------

function section(id, title, testid, ...extra) {
  const head = h("header", { class: "panel-head" }, h("h3", null, title), ...extra);
  const body = h("div", { class: "panel-body" });
  const el = h("section", { class: "panel", id, "data-testid": testid }, head, body);
  return { el, head, body };
}

class DocView {
  constructor(doc, root) {
    this.doc = doc;
    this.root = root;
    this.timeline = null;
    this.events = null;
    this.rawTree = null;
    this.dead = false;
    this.queue = Promise.resolve();
    this.build();
  }

  /** Run fn after the browser has painted what is built so far (big payloads stay responsive). */
  later(msg, fn) {
    this.queue = this.queue.then(async () => {
      if (this.dead) return;
      if (msg) setBusy(msg);
      await nextFrame();
      if (this.dead) return;
      try { fn(); } finally { if (msg) setBusy(null); }
    });
    return this.queue;
  }

  destroy() {
    this.dead = true;
    if (this.timeline) this.timeline.destroy();
    if (this.events) this.events.destroy();
  }

  base() {
    const run = this.run;
    return (run && run.startedAt) ?? (this.tl && this.tl.start) ?? null;
  }

  build() {
    const doc = this.doc;
    const root = this.root;
    clear(root);
    const fmt = doc.format ? (FORMAT_LABELS[doc.format] || doc.format) : "not readable";
    root.appendChild(h("div", { class: "doc-head" },
      h("h1", { class: "doc-name", title: doc.name }, doc.name),
      h("span", { class: ["fmt", "big", doc.error ? "fmt-bad" : ""], "data-testid": "format" }, fmt),
      h("span", { class: "muted small" }, fmtBytes(doc.size)),
      h("span", { class: "muted small" }, doc.source.startsWith("sample:") ? "sample" : doc.source === "paste" ? "pasted" : "local file"),
      h("span", { class: "spacer" }),
      doc.error ? null : this.compareMenu(),
      doc.error ? null : this.exportMenu(),
      h("button", { type: "button", class: "btn small", title: "Close this payload (X)", onclick: () => closeDoc(app.docs.indexOf(doc)) }, "Close")));

    if (doc.error) {
      root.appendChild(renderError(doc.error));
      if (doc.error.code !== "invalid_json" && doc.error.code !== "too_large") this.buildRaw(root, false);
      this.markLoaded();
      return;
    }
    const s = doc.summary;
    if (s.warnings.length) root.appendChild(renderWarnings(s.warnings, { onReveal: (p) => this.revealRaw(p) }));
    this.summaryHost = h("div");
    root.appendChild(this.summaryHost);
    this.compareHost = h("div", { class: "compare-host" });
    root.appendChild(this.compareHost);
    this.runHost = h("div", { class: "run-host" });
    root.appendChild(this.runHost);
    this.eventsHost = h("div", { class: "events-host" });
    root.appendChild(this.eventsHost);
    this.buildRun();
    if (s.kind === "execution-events") this.later("Reading the events…", () => this.buildEvents(this.eventsHost));
    this.buildRaw(root, false);
    this.markLoaded();
  }

  /** data-loaded="true" on the view once everything queued is drawn (tests wait for it). */
  markLoaded() {
    this.root.dataset.loaded = "false";
    const q = this.queue;
    q.then(() => { if (!this.dead && this.queue === q) this.root.dataset.loaded = "true"; });
  }

  /** Everything that depends on the selected run. */
  buildRun() {
    const doc = this.doc;
    const s = doc.summary;
    this.run = selectedRun(doc);
    if (this.run && s.kind === "workflow-executions") doc.view.run = this.run.id;
    this.tl = null;
    clear(this.summaryHost);
    clear(this.runHost);
    if (this.timeline) { this.timeline.destroy(); this.timeline = null; }
    this.summaryHost.appendChild(renderSummary({
      summary: s, run: this.run, mode: app.tm, lang: app.lang, newestId: newestRunId(s),
      onPickRun: (id) => this.pickRun(id),
      onJumpFailure: (ff) => this.jumpToFailure(ff),
    }));
    if (!this.run || s.apiError) return;
    const run = this.run;
    if (doc.view.cmp) this.later(big0(doc) ? "Comparing…" : null, () => this.buildCompare());
    const big = doc.size > 2e6;
    this.later(big ? "Building the timeline…" : null, () => {
      if (this.run !== run) return;
      const t = load.getTimeline(doc, s.kind === "workflow-executions" ? run.id : undefined);
      if (t.error) this.runHost.prepend(renderError(t.error, { title: "The timeline cannot be drawn" }));
      else { this.tl = t.value; this.buildTimeline(); }
      if (run.objectData != null || run.changedObjectData != null || s.kind === "aos-execution" || s.kind === "gcs-execution") {
        this.buildObjectData();
      }
      if (this.events) this.events.setMode(app.tm, this.base());
    });
  }

  /** The run id to pass to the core for this doc (workflow histories only). */
  runArg() {
    return this.doc.summary && this.doc.summary.kind === "workflow-executions" && this.run ? this.run.id : undefined;
  }

  exportMenu() {
    const kinds = [
      ["json", "exportJson", "Model (JSON)", "summary, timeline, elements and events per run"],
      ["csv", "exportCsv", "Elements (CSV)", "one row per element of every run"],
      ["trace", "exportTrace", "Trace (JSON)", "Chrome Trace Event format, for Perfetto or chrome://tracing"],
    ].filter((k) => load.has(k[1]));
    if (!kinds.length || !this.doc.summary || this.doc.summary.apiError) return null;
    const pop = h("div", { class: "menu-pop right", role: "menu" });
    const menu = h("details", { class: "menu", "data-testid": "export-menu" },
      h("summary", { class: "btn small", title: "Download what the core read (nothing leaves the page)" }, "Export"), pop);
    for (const [kind, , label, desc] of kinds) {
      pop.appendChild(h("button", { type: "button", class: "menu-item", role: "menuitem", "data-export": kind, onclick: () => {
        menu.open = false;
        const r = load.exportDoc(this.doc, kind);
        if (r.error) { toast("Export failed: " + r.error.message, true); return; }
        const base = (this.doc.name || "payload").replace(/\.json$/i, "").replace(/[^\w.-]+/g, "_");
        downloadText(r.value.text, base + "." + r.value.ext, r.value.type);
      } }, h("span", { class: "menu-title" }, label), h("span", { class: "menu-desc" }, desc)));
    }
    return menu;
  }

  compareMenu() {
    if (!load.has("compare") || !this.doc.summary || !this.doc.summary.runs.length || this.doc.summary.apiError) return null;
    const pop = h("div", { class: "menu-pop right", role: "menu" });
    const menu = h("details", { class: "menu", "data-testid": "compare-menu" },
      h("summary", { class: "btn small", title: "Compare this run with another open payload or run" }, "Compare"), pop);
    menu.addEventListener("toggle", () => {
      if (!menu.open) return;
      clear(pop);
      const items = [];
      const me = this.doc;
      for (const d of app.docs) {
        if (d.error || !d.summary || !d.summary.runs.length || d.summary.apiError) continue;
        if (d.summary.kind === "workflow-executions") {
          const runs = d.summary.runs.slice().sort((x, y) => (y.startedAt ?? -Infinity) - (x.startedAt ?? -Infinity)).slice(0, 30);
          for (const r of runs) {
            if (d === me && this.run && r.id === this.run.id) continue;
            items.push({ doc: d, run: r.id, title: (d === me ? "Run " : d.name + " · run ") + r.id, phase: r.phase, sub: fmtTimeShort(r.startedAt) });
          }
        } else if (d !== me) {
          const r = d.summary.runs[0];
          items.push({ doc: d, run: "", title: d.name, phase: r.phase, sub: FORMAT_LABELS[d.summary.kind] || d.summary.kind });
        }
      }
      if (!items.length) {
        pop.appendChild(h("div", { class: "menu-empty muted small" }, "Open another payload (or pick a workflow history with several runs) to compare."));
        return;
      }
      pop.appendChild(h("div", { class: "menu-empty muted small" }, "Compare this run (B) with… (A)"));
      for (const it of items) {
        pop.appendChild(h("button", { type: "button", class: "menu-item", role: "menuitem", "data-testid": "compare-item", onclick: () => {
          menu.open = false;
          this.doc.view.cmp = { docId: it.doc.id, run: it.run };
          this.buildCompare();
          sync();
          const sec = document.getElementById("sec-compare");
          if (sec) sec.scrollIntoView({ behavior: "smooth", block: "start" });
        } }, h("span", { class: "menu-title" }, h("span", { class: ["dot", phaseClass(it.phase)] }), it.title), h("span", { class: "menu-desc" }, it.sub)));
      }
    });
    return menu;
  }

  buildCompare() {
    const host = this.compareHost;
    if (!host) return;
    clear(host);
    const c = this.doc.view.cmp;
    if (!c) return;
    const other = app.docs.find((d) => d.id === c.docId);
    if (!other) { this.doc.view.cmp = null; return; }
    const res = load.compareDocs(other, c.run || undefined, this.doc, this.runArg());
    if (res.error) { host.appendChild(renderError(res.error, { title: "The runs cannot be compared" })); return; }
    const name = (d, runId, run) => (d === this.doc ? "" : d.name + " · ") + (runId || run.name || run.id);
    host.appendChild(renderComparison(res.value, {
      labelA: name(other, c.run, res.value.a),
      labelB: name(this.doc, this.runArg(), res.value.b),
      onClose: () => { this.doc.view.cmp = null; clear(host); sync(); },
      onSelect: (id) => {
        if (this.timeline && this.timeline.select(id, { scroll: true })) {
          document.getElementById("sec-timeline").scrollIntoView({ behavior: "smooth", block: "start" });
        }
      },
    }));
  }

  pickRun(id) {
    if (id === this.doc.view.run) return;
    Object.assign(this.doc.view, { run: id, lane: "", z: null });
    if (this.doc.view.cmp && this.doc.view.cmp.docId === this.doc.id && this.doc.view.cmp.run === id) this.doc.view.cmp = null;
    this.buildRun();
    this.markLoaded();
    renderTabs();
    sync();
  }

  buildTimeline() {
    const v = this.doc.view;
    const chipsHost = h("div", { class: "chips-host" });
    const sec = section("sec-timeline", "Timeline", "timeline-panel", chipsHost);
    this.runHost.querySelectorAll("#sec-timeline").forEach((x) => x.remove());
    this.chipsHost = chipsHost;
    this.renderChips();
    this.timeline = new TimelineView({
      onSelect: (lane) => this.onLane(lane),
      onViewChange: (z) => { v.z = z; sync(); },
      onFilterText: (t) => { v.laneText = t; },
    });
    this.detailsHost = h("div", { class: "tl-side", hidden: true });
    sec.body.appendChild(h("div", { class: "tl-layout" }, this.timeline.el, this.detailsHost));
    this.runHost.appendChild(sec.el);
    this.timeline.lang = app.lang;
    this.timeline.setData(this.tl, {
      mode: app.tm, base: this.base(), phases: v.phases, text: v.laneText, view: v.z, lane: null,
    });
    if (v.lane && this.timeline.select(v.lane, { scroll: true, notify: false })) this.onLane(this.timeline.selectedLane(), true);
  }

  renderChips() {
    if (!this.chipsHost || !this.run) return;
    clear(this.chipsHost);
    this.chipsHost.appendChild(renderPhaseChips(this.run.phases, this.doc.view.phases, (set) => this.setPhases(set)));
  }

  setPhases(set) {
    this.doc.view.phases = set;
    this.renderChips();
    if (this.timeline) this.timeline.setPhaseFilter(set);
    if (this.events) this.events.setPhaseFilter(set);
    sync();
  }

  onLane(lane, quiet) {
    const v = this.doc.view;
    v.lane = lane ? lane.id : "";
    if (this.events) this.events.setSelected(lane ? lane.id : null);
    const host = this.detailsHost;
    if (!host) return;
    clear(host);
    host.hidden = !lane;
    host.parentElement.classList.toggle("with-side", !!lane);
    if (lane) {
      const evs = this.eventList ? this.eventList.filter((e) => e.element === lane.id) : null;
      host.appendChild(renderDetails(lane, {
        mode: app.tm, base: this.base(), openEnd: this.timeline.openEnd, events: evs, lang: app.lang,
        onClose: () => this.timeline.select(null),
        onShowEvents: (el) => {
          this.events.showElement(el);
          document.getElementById("sec-events").scrollIntoView({ behavior: "smooth", block: "start" });
        },
      }));
    }
    if (this.timeline) this.timeline.layout();
    if (!quiet) sync();
  }

  jumpToFailure(ff) {
    if (!this.timeline) { this.later(null, () => this.timeline && this.jumpToFailure(ff)); return; }
    let id = ff.element;
    if (!this.timeline.index.has(id)) {
      const byLabel = this.tl.lanes.find((l) => l.label === ff.element);
      if (byLabel) id = byLabel.id;
    }
    if (!this.timeline.isVisible(id)) {
      if (this.doc.view.phases.size) this.setPhases(new Set());
      if (this.timeline.text) { this.timeline.setTextFilter(""); this.doc.view.laneText = ""; }
    }
    const ok = this.timeline.select(id, { scroll: true, at: ff.at });
    document.getElementById("sec-timeline").scrollIntoView({ behavior: "smooth", block: "start" });
    if (!ok) toast("The failed element " + ff.element + " has no lane in the timeline.", true);
    else this.timeline.canvas.focus({ preventScroll: true });
  }

  buildEvents(root) {
    const r = load.getEvents(this.doc);
    if (r.error) { root.appendChild(renderError(r.error, { title: "The events cannot be read" })); return; }
    this.eventList = r.value;
    if (!r.value.length && this.doc.summary.kind !== "execution-events") return;
    const v = this.doc.view;
    const sec = section("sec-events", "Events", "events-panel");
    this.events = new EventsView({
      onSelectElement: (el) => {
        if (this.timeline && this.timeline.select(el, { scroll: true })) return;
        this.events.setSelected(el);
      },
      onChange: (f) => {
        Object.assign(v, { type: f.type, el: f.el, q: f.q, sort: f.sort });
        if (f.lang !== app.lang) { setLang(f.lang); return; }
        sync();
      },
    });
    sec.body.appendChild(this.events.el);
    root.appendChild(sec.el);
    this.events.setData(r.value, { mode: app.tm, base: this.base(), type: v.type, el: v.el, q: v.q, lang: app.lang, sort: v.sort, phases: v.phases });
    if (v.lane) this.events.setSelected(v.lane);
  }

  buildObjectData() {
    const run = this.run;
    const item = (label, raw) => {
      if (raw == null) return { label, raw: null };
      const decoded = load.decode(raw);
      const pretty = decoded.value && decoded.value.format === "json" ? load.prettyJson(decoded.value.json) : null;
      return { label, raw, decoded, pretty };
    };
    const sec = section("sec-objectdata", "objectData", "object-data",
      h("span", { class: "muted small" }, "spec.objectData and spec.changedObjectData of " + (run.name ?? run.id), ", decoded"));
    sec.body.appendChild(renderObjectData([item("objectData", run.objectData), item("changedObjectData", run.changedObjectData)], { runName: run.name || run.id }));
    this.runHost.appendChild(sec.el);
  }

  buildRaw(root, open) {
    const doc = this.doc;
    const det = h("details", { class: "panel raw-panel", id: "sec-raw", "data-testid": "raw", open: !!open },
      h("summary", { class: "panel-head" }, h("h3", null, "Raw payload"),
        h("span", { class: "muted small" }, "the whole payload, unknown fields included — click to expand")));
    const body = h("div", { class: "panel-body" });
    det.appendChild(body);
    const build = () => {
      if (this.rawTree !== null || !det.open) return;
      setBusy("Reading the raw payload…");
      const res = load.getRaw(doc);
      this.rawTree = renderRaw(body, res, { size: fmtBytes(doc.size) }) || false;
      setBusy(null);
    };
    det.addEventListener("toggle", build);
    this.rawDetails = det;
    this.rawBuild = build;
    root.appendChild(det);
    if (open) build();
  }

  revealRaw(path) {
    if (!this.rawDetails) return;
    this.rawDetails.open = true;
    this.rawBuild();
    if (this.rawTree) this.rawTree.reveal(path);
  }

  setMode(mode) {
    if (this.summaryHost && this.doc.summary) {
      clear(this.summaryHost);
      this.summaryHost.appendChild(renderSummary({
        summary: this.doc.summary, run: this.run, mode, lang: app.lang, newestId: newestRunId(this.doc.summary),
        onPickRun: (id) => this.pickRun(id), onJumpFailure: (ff) => this.jumpToFailure(ff),
      }));
    }
    if (this.timeline) {
      this.timeline.setMode(mode, this.base());
      const lane = this.timeline.selectedLane();
      if (lane) this.onLane(lane, true);
    }
    if (this.events) this.events.setMode(mode, this.base());
  }

  setLang(lang) {
    if (this.events) this.events.update({ lang }, true);
    if (this.timeline) this.timeline.lang = lang;
    this.setMode(app.tm);
    const lane = this.timeline && this.timeline.selectedLane();
    if (lane) this.onLane(lane, true);
  }
}

function fmtTimeShort(ms) {
  return ms == null ? "" : fmtTime(ms, app.tm, ms);
}

function big0(doc) {
  return doc.size > 2e6;
}

function renderActive() {
  const main = $("main");
  if (app.view) { app.view.destroy(); app.view = null; }
  clear(main);
  const doc = activeDoc();
  if (!doc) { renderWelcome(main); return; }
  const root = h("div", { class: "doc", "data-testid": "doc" });
  main.appendChild(root);
  app.view = new DocView(doc, root);
}

// ---- welcome & samples --------------------------------------------------------------------

function renderWelcome(main) {
  const cards = h("div", { class: "sample-cards" });
  fillSampleCards(cards);
  main.appendChild(h("div", { class: "welcome", "data-testid": "welcome" },
    h("div", { class: "welcome-drop" },
      h("div", { class: "welcome-icon", "aria-hidden": "true" }, h("span"), h("span"), h("span")),
      h("h1", null, "See an orchestration run"),
      h("p", { class: "lead" }, "Open the JSON a Huawei Cloud orchestration API returned — an AOS stack execution, a GCS execution, execution events, an AOM/COC workflow execution history or an API error body — and see the run: its phases, timeline, events and data."),
      h("div", { class: "welcome-actions" },
        h("button", { type: "button", class: "btn primary", onclick: () => $("file-input").click() }, "Open files…"),
        h("button", { type: "button", class: "btn", onclick: () => togglePaste(true) }, "Paste JSON"),
        h("span", { class: "muted" }, "or drop files anywhere on this page")),
      h("p", { class: "muted small privacy" }, "Everything is read in this page by a WebAssembly core. Nothing is uploaded; no request leaves the page.")),
    h("div", { class: "welcome-samples" }, h("h2", null, "Samples"), cards)));
}

function fillSampleCards(host) {
  clear(host);
  if (!app.samples.length) {
    host.appendChild(h("p", { class: "muted small" }, app.samplesLoaded ? "No samples in this build." : "Loading samples…"));
    return;
  }
  for (const s of app.samples) {
    host.appendChild(h("button", { type: "button", class: "sample-card", "data-testid": "sample-card", "data-file": s.file, onclick: () => openSample(s.file) },
      h("span", { class: "sample-title" }, s.title || s.file),
      s.format ? h("span", { class: "fmt" }, FORMAT_LABELS[s.format] || s.format) : null,
      s.description ? h("span", { class: "sample-desc" }, s.description) : null));
  }
}

function renderSamplesMenu() {
  const list = $("samples-list");
  clear(list);
  if (!app.samples.length) {
    list.appendChild(h("div", { class: "menu-empty muted small" }, app.samplesLoaded ? "No samples available." : "Loading…"));
    return;
  }
  for (const s of app.samples) {
    list.appendChild(h("button", { type: "button", role: "menuitem", class: "menu-item", "data-testid": "sample-item", "data-file": s.file,
      onclick: () => { $("samples-menu").open = false; openSample(s.file); } },
    h("span", { class: "menu-title" }, s.title || s.file, s.format ? h("span", { class: "fmt" }, FORMAT_LABELS[s.format] || s.format) : null),
    s.description ? h("span", { class: "menu-desc" }, s.description) : null));
  }
}

// ---- paste panel, drop, keyboard -----------------------------------------------------------

function togglePaste(show) {
  const p = $("paste-panel");
  p.hidden = show === undefined ? !p.hidden : !show;
  if (!p.hidden) $("paste-input").focus();
}

function closeOverlays() {
  let did = false;
  if (!$("help-overlay").hidden) { $("help-overlay").hidden = true; did = true; }
  for (const m of document.querySelectorAll("details.menu[open]")) { m.open = false; did = true; }
  if (!$("paste-panel").hidden) { $("paste-panel").hidden = true; did = true; }
  return did;
}

function toggleHelp(show) {
  const o = $("help-overlay");
  const next = show === undefined ? o.hidden : show;
  if (next) {
    o.replaceChildren(renderHelp(() => toggleHelp(false)));
    o.hidden = false;
    const btn = o.querySelector("button");
    if (btn) btn.focus();
  } else o.hidden = true;
}

function isTyping(t) {
  return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
}

function onKey(e) {
  if (e.key === "Escape") {
    if (closeOverlays()) { e.preventDefault(); return; }
    if (isTyping(e.target)) { e.target.blur(); return; }
    const tl = app.view && app.view.timeline;
    if (tl && tl.selectedLane()) { tl.select(null); e.preventDefault(); }
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (isTyping(e.target)) return;
  if (!$("help-overlay").hidden && e.key !== "?") return;
  const view = app.view;
  const tl = view && view.timeline;
  const k = e.key;
  let handled = true;
  switch (k) {
    case "?": toggleHelp(); break;
    case "o": case "O": $("file-input").click(); break;
    case "p": case "P": togglePaste(true); break;
    case "m": case "M": { const m = $("samples-menu"); m.open = !m.open; if (m.open) { const b = m.querySelector(".menu-item"); if (b) b.focus(); } break; }
    case "t": case "T": cycleTheme(); break;
    case "u": case "U": setTimeMode(TIME_MODES[(TIME_MODES.findIndex((m) => m.id === app.tm) + 1) % TIME_MODES.length].id); break;
    case "l": case "L": { const order = ["zh", "en", "both"]; setLang(order[(order.indexOf(app.lang) + 1) % 3]); break; }
    case "[": if (app.docs.length) activate((app.active - 1 + app.docs.length) % app.docs.length); break;
    case "]": if (app.docs.length) activate((app.active + 1) % app.docs.length); break;
    case "x": case "X": if (app.active >= 0) closeDoc(app.active); break;
    case "/": if (view && view.events) { view.events.focusSearch(); } else handled = false; break;
    case "e": case "E": if (view && view.run && view.run.firstFailure) view.jumpToFailure(view.run.firstFailure); else handled = false; break;
    default: handled = false;
  }
  if (!handled && /^[1-9]$/.test(k)) { const i = Number(k) - 1; if (i < app.docs.length) { activate(i); handled = true; } }
  if (!handled && tl && !(k.startsWith("Arrow") && document.activeElement !== tl.canvas)) {
    handled = true;
    switch (k) {
      case "w": case "W": case "+": case "=": tl.zoomBy(1 / 1.6); break;
      case "s": case "S": case "-": case "_": tl.zoomBy(1.6); break;
      case "a": case "A": case "ArrowLeft": tl.panBy(-0.2); break;
      case "d": case "D": case "ArrowRight": tl.panBy(0.2); break;
      case "f": case "F": case "0": tl.fit(); break;
      case "j": case "J": case "ArrowDown": tl.step(1); break;
      case "k": case "K": case "ArrowUp": tl.step(-1); break;
      case "Enter": { const l = tl.selectedLane(); if (l) view.onLane(l); else handled = false; break; }
      default: handled = false;
    }
  }
  if (handled) e.preventDefault();
}

function setLang(lang) {
  app.lang = lang;
  if (app.view) app.view.setLang(lang);
  sync();
}

function fatal(e) {
  setBusy(null);
  const main = $("main");
  clear(main);
  main.appendChild(renderError({ code: (e && e.code) || "wasm_unavailable", message: "The WebAssembly core could not be loaded: " + ((e && e.message) || e) + (load.isSingleFile() ? "" : " — build it with `make demo` (it copies pkg/ to www/pkg/).") }, { title: "execscope cannot start" }));
}

// ---- start ---------------------------------------------------------------------------------

async function main() {
  const st = readHash();
  applyGlobal(st);
  applyTheme();
  renderTimeMode();
  renderSamplesMenu();
  renderActive();

  $("file-input").addEventListener("change", (e) => {
    const files = Array.from(e.target.files || []);
    e.target.value = "";
    if (files.length) openFiles(files);
  });
  $("paste-toggle").addEventListener("click", () => togglePaste());
  $("paste-cancel").addEventListener("click", () => togglePaste(false));
  $("paste-open").addEventListener("click", () => openPasted($("paste-input").value));
  $("paste-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); openPasted($("paste-input").value); }
  });
  $("help-toggle").addEventListener("click", () => toggleHelp());
  $("theme-toggle").addEventListener("click", cycleTheme);
  $("help-overlay").addEventListener("click", (e) => { if (e.target === $("help-overlay")) toggleHelp(false); });
  document.addEventListener("click", (e) => {
    for (const m of document.querySelectorAll("details.menu[open]")) if (!m.contains(e.target)) m.open = false;
  });
  load.installDrop(document.body, $("drop-overlay"), openFiles);
  document.addEventListener("keydown", onKey);
  document.addEventListener("paste", (e) => {
    if (isTyping(e.target)) return;
    const dt = e.clipboardData;
    if (!dt) return;
    const files = Array.from(dt.files || []);
    if (files.length) { e.preventDefault(); openFiles(files); return; }
    const text = dt.getData("text/plain");
    if (text && text.trim()) { e.preventDefault(); openPasted(text); }
  });
  // A hand-edited hash (or back/forward) re-applies the view; our own writes use replaceState and fire nothing.
  window.addEventListener("hashchange", () => {
    const next = readHash();
    applyGlobal(next);
    if (!next.theme) app.theme = "";
    if (!next.tm) app.tm = "utc";
    if (!next.lang) app.lang = "both";
    applyTheme();
    renderTimeMode();
    const tab = Number(next.tab) || 0;
    if (tab !== app.active && tab < app.docs.length) app.active = tab;
    const doc = activeDoc();
    if (doc) doc.view = viewFromHash(next);
    renderTabs();
    renderActive();
  });
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => { if (app.view && app.view.timeline) app.view.timeline.refreshTheme(); });

  try {
    const v = await load.start();
    $("version").textContent = "v" + v;
    app.ready = true;
  } catch (e) {
    fatal(e);
    return;
  }
  app.samples = await load.listSamples();
  app.samplesLoaded = true;
  renderSamplesMenu();
  if (!app.docs.length) renderActive();

  // Restore the samples named in the hash, then the view of the active one.
  if (st.s) {
    const files = st.s.split(",").filter(Boolean);
    const tab = Math.min(Number(st.tab) || 0, files.length - 1);
    for (let i = 0; i < files.length; i++) {
      await openSample(files[i], { noActivate: true, view: i === tab ? viewFromHash(st) : undefined });
    }
    if (app.docs.length) {
      app.active = Math.max(0, Math.min(tab, app.docs.length - 1));
      const v = app.docs[app.active].view;
      if (v.cmpTab && app.docs[v.cmpTab.tab]) v.cmp = { docId: app.docs[v.cmpTab.tab].id, run: v.cmpTab.run };
      renderTabs();
      renderActive();
      sync();
    }
  }
  document.documentElement.dataset.ready = "true";
}

main();
