// Wiring: the header, tabs, the view of the active payload (or of a run joined
// from several payloads), keyboard shortcuts, the URL hash. Parsing and wasm
// calls live in load.js (and the engine it drives, in a worker); drawing in render/*.
import { h, clear, downloadText } from "./dom.js";
import * as load from "./load.js";
import { readHash, writeHash } from "./state.js";
import { PHASES, FORMAT_LABELS, TIME_MODES, phaseClass, fmtBytes, fmtTime, fmtNum, plural } from "./fmt.js";
import { renderSummary } from "./render/summary.js";
import { renderTimeModeSwitch, nextTimeMode } from "./render/timemode.js";
import { renderPhaseChips } from "./render/phases.js";
import { TimelineView } from "./render/timeline.js";
import { FrameTimelineView } from "./render/frames.js";
import { renderSources, renderConflicts, renderStartSources, countStartSources } from "./render/join.js";
import { ProgressChart } from "./render/progress.js";
import { renderChanges } from "./render/changes.js";
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
  joins: [], // runs the core's Workspace joined from several open payloads: tabs after the payloads
  active: -1, // index into tabs(): payloads, then joined runs
  tm: "utc",
  theme: "",
  lang: "both",
  view: null, // the live DocView of the active payload
  samples: [],
  pasteN: 0,
  ready: false,
  space: null, // load.Space: every readable payload, joined by run
  spaceQueue: Promise.resolve(),
  dismissed: new Set(), // joined runs whose tab was closed (key: run id + sources)
  joinSeq: 0,
};

/** The timeline drawing mode: ?timeline=frames|objects forces one (default: frames above 20,000 lanes + events). */
const TL_MODE = (() => {
  try { const m = new URLSearchParams(location.search).get("timeline"); return m === "frames" || m === "objects" ? m : "auto"; } catch (_) { return "auto"; }
})();

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

/**
 * The busy note. Several tasks may be busy at once (a payload being read while
 * another tab's timeline is built): busy(msg) starts one and returns end(),
 * which ends it (once; later calls do nothing), with end.update(msg) to change
 * its text. The newest running task's text shows; the note goes when none runs.
 */
const busyTasks = [];
function busy(msg) {
  const task = { msg };
  busyTasks.push(task);
  showBusy();
  const end = () => {
    const i = busyTasks.indexOf(task);
    if (i >= 0) { busyTasks.splice(i, 1); showBusy(); }
  };
  end.update = (m) => { task.msg = m; showBusy(); };
  return end;
}

function showBusy() {
  let b = document.querySelector(".busy");
  const top = busyTasks[busyTasks.length - 1];
  if (!top) { if (b) b.remove(); return; }
  if (!b) { b = h("div", { class: "busy", role: "status", "data-testid": "busy" }); document.body.appendChild(b); }
  b.replaceChildren(h("span", { class: "spinner", "aria-hidden": "true" }), top.msg);
}

function newView() {
  return { run: "", phases: new Set(), type: "", el: "", q: "", sort: "asc", lane: "", z: null, laneText: "", cmp: null };
}

/** Tabs: the open payloads, then the joined runs. */
function tabs() {
  return app.docs.concat(app.joins);
}

function activeDoc() {
  return app.active >= 0 ? tabs()[app.active] || null : null;
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
  if (!s || !s.runs || !s.runs.length) return null;
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
      run: doc.kind !== "join" && doc.summary && doc.summary.kind === "workflow-executions" ? v.run : "",
      ph: [...v.phases],
      type: v.type, el: v.el, q: v.q, sort: v.sort !== "asc" ? v.sort : "",
      lane: v.lane, z: v.z ? v.z.join(",") : "",
    });
    const other = v.cmp && doc.kind !== "join" ? app.docs.findIndex((d) => d.id === v.cmp.docId) : -1;
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
  renderTimeModeSwitch($("time-mode"), app.tm, setTimeMode);
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
  const all = tabs();
  nav.hidden = all.length === 0;
  all.forEach((doc, i) => {
    if (doc.kind === "join") { nav.appendChild(joinTab(doc, i)); return; }
    const run = doc.summary && doc.summary.runs.length ? selectedRun(doc) : null;
    const status = doc.error ? h("span", { class: "tab-err", title: "cannot be read: " + doc.error.code }, "!")
      : doc.summary && doc.summary.apiError ? h("span", { class: "tab-err", title: "API error" }, doc.summary.apiError.httpCode ?? "!")
        : run ? h("span", { class: ["dot", phaseClass(run.phase)], title: run.phase }) : null;
    const fmt = doc.format ? (FORMAT_LABELS[doc.format] || doc.format) : "unreadable";
    const tab = h("div", { class: ["tab", i === app.active ? "on" : ""], "data-testid": "tab", "data-kind": "payload", role: "presentation" },
      h("button", { type: "button", class: "tab-main", role: "tab", "aria-selected": String(i === app.active),
        title: doc.name + " — " + fmt + " — " + fmtBytes(doc.size) + (i < 9 ? " (" + (i + 1) + ")" : ""),
        onclick: () => activate(i) },
      status,
      h("span", { class: "tab-name" }, doc.name),
      h("span", { class: ["fmt", doc.error ? "fmt-bad" : ""], "data-testid": "tab-format" }, fmt)),
      h("button", { type: "button", class: "tab-x", title: "Close (X)", "aria-label": "Close " + doc.name, onclick: () => closeTab(i) }, "✕"));
    nav.appendChild(tab);
  });
}

function joinTab(join, i) {
  const what = join.snapshots > 1 && join.sources.every((s) => s.role === "status")
    ? join.snapshots + " snapshots" : join.sources.length + " sources";
  return h("div", { class: ["tab", "tab-join", i === app.active ? "on" : ""], "data-testid": "tab", "data-kind": "join", role: "presentation" },
    h("button", { type: "button", class: "tab-main", role: "tab", "aria-selected": String(i === app.active),
      title: "One run joined from " + join.sources.map((s) => s.name).join(" + ") + (i < 9 ? " (" + (i + 1) + ")" : ""),
      onclick: () => activate(i) },
    h("span", { class: ["dot", phaseClass(join.phase)], title: join.phase }),
    h("span", { class: "join-icon", "aria-hidden": "true" }, "⋈"),
    h("span", { class: "tab-name" }, join.name || join.runId),
    h("span", { class: "fmt fmt-join", "data-testid": "tab-format" }, "Joined · " + what)),
    h("button", { type: "button", class: "tab-x", title: "Close (X): the payloads stay open", "aria-label": "Close the joined run " + (join.name || join.runId), onclick: () => closeTab(i) }, "✕"));
}

function activate(i) {
  if (i < 0 || i >= tabs().length) return;
  app.active = i;
  renderTabs();
  renderActive();
  sync();
}

function closeTab(i) {
  const item = tabs()[i];
  if (!item) return;
  if (item.kind === "join") {
    app.dismissed.add(item.key);
    app.joins = app.joins.filter((j) => j !== item);
  } else {
    app.docs = app.docs.filter((d) => d !== item);
    load.dispose(item);
    // The payloads joined with it no longer are: the workspace is rebuilt without it.
    if (item.inSpace) rebuildSpace();
    const before = app.joins.length;
    app.joins = app.joins.filter((j) => !j.sources.some((s) => s.docId === item.id));
    if (app.joins.length !== before && app.active >= app.docs.length + app.joins.length) app.active = app.docs.length + app.joins.length - 1;
  }
  const n = tabs().length;
  if (app.active >= n) app.active = n - 1;
  else if (i < app.active) app.active--;
  renderTabs();
  renderActive();
  sync();
}

// ---- joining: the core's Workspace over every open payload -----------------------------------

function spaceTask(fn) {
  app.spaceQueue = app.spaceQueue.then(fn).catch(() => {});
  return app.spaceQueue;
}

function joinable(doc) {
  return !doc.error && doc.summary && !doc.summary.apiError && doc.summary.runs.length > 0 && load.has("Workspace");
}

/** The ids and names of a doc's runs (what the core's join keys start from). */
function runKeys(doc) {
  if (!doc._keys) {
    doc._keys = new Set();
    for (const r of doc.summary.runs.slice(0, 2000)) {
      if (r.id) doc._keys.add(r.id);
      if (r.name) doc._keys.add(r.name);
    }
  }
  return doc._keys;
}

/**
 * Whether a doc may join another open one: they share a run id or name (an
 * execution and its events, snapshots of one execution). Adding a payload to
 * the workspace reads it once more in the worker: only done when it may join.
 */
function mayJoin(doc) {
  if (!joinable(doc)) return false;
  const keys = runKeys(doc);
  return app.docs.some((d) => d !== doc && joinable(d) && [...runKeys(d)].some((k) => keys.has(k)));
}

/** Waits until the active view has drawn what it queued (joining never delays a first paint); at most 10 s. */
async function idle() {
  const limit = new Promise((r) => setTimeout(r, 10000));
  for (let k = 0; k < 50; k++) {
    const q = app.view && app.view.queue;
    if (!q) return;
    if (await Promise.race([q.then(() => false), limit.then(() => true)])) return;
    if (!app.view || app.view.queue === q) return;
  }
}

function uniqueName(name) {
  const used = new Set(app.docs.filter((d) => d.inSpace).map((d) => d.wsName));
  let n = name || "payload";
  for (let k = 2; used.has(n); k++) n = name + " (" + k + ")";
  return n;
}

async function addDocToSpace(doc, space) {
  if (doc.closed || doc.inSpace || !mayJoin(doc)) return;
  if (!space && !app.space) app.space = await load.Space.create();
  doc.wsName = uniqueName(doc.name);
  const r = await (space || app.space).add(doc, doc.wsName);
  doc.inSpace = !r.error;
}

/**
 * Add payloads (and the open ones they may join) to the workspace in the
 * background, then show the runs they join. how: refreshJoins'.
 */
function joinDocs(docs, how) {
  return spaceTask(async () => {
    const todo = new Set(docs.filter(mayJoin));
    if (!todo.size) return;
    for (const d of app.docs) if (!todo.has(d) && mayJoin(d)) todo.add(d);
    await idle();
    for (const d of app.docs) if (todo.has(d)) await addDocToSpace(d);
    await refreshJoins(how);
  });
}

/** A payload was closed: a new workspace of the others replaces the old one (no remove in the core). */
function rebuildSpace() {
  spaceTask(async () => {
    const old = app.space;
    const next = await load.Space.create();
    for (const d of app.docs) d.inSpace = false;
    for (const d of app.docs) await addDocToSpace(d, next);
    app.space = next;
    if (old) await old.free();
    await refreshJoins("notify");
  });
}

/**
 * Re-read the workspace's runs: a tab per run that two or more open payloads
 * joined. how: "quiet" (the caller shows it), "notify" (a toast names a new one).
 */
async function refreshJoins(how) {
  if (!app.space) return;
  const r = await app.space.runs();
  if (r.error) return;
  const activeItem = activeDoc();
  const next = [];
  for (const run of r.value) {
    const sources = run.sources.map((s) => {
      const d = app.docs.find((x) => x.inSpace && x.wsName === s.name);
      return d ? { ...s, docId: d.id, doc: d } : null;
    });
    if (sources.some((s) => !s)) continue;
    if (new Set(sources.map((s) => s.docId)).size < 2) continue;
    const key = sources.map((s) => s.docId).sort((a, b) => a - b).join(",");
    if (app.dismissed.has(key)) continue;
    const old = app.joins.find((j) => j.key === key) || app.joins.find((j) => j.runId === run.id);
    next.push({
      kind: "join", id: old ? old.id : "join-" + (++app.joinSeq), key, runId: run.id, name: run.name, phase: run.phase,
      sources, snapshots: run.snapshots, view: old ? old.view : newView(), isNew: !old, changed: !old || old.key !== key,
      size: sources.reduce((a, s) => a + (s.doc.size || 0), 0), summary: null,
    });
  }
  const activeJoinChanged = activeItem && activeItem.kind === "join" && !next.some((j) => j.id === activeItem.id && !j.changed);
  app.joins = next;
  const fresh = next.find((j) => j.isNew);
  if (activeItem) {
    const same = activeItem.kind === "join" ? next.find((j) => j.id === activeItem.id) : activeItem;
    app.active = same ? tabs().indexOf(same) : Math.min(app.active, tabs().length - 1);
  }
  renderTabs();
  if (activeJoinChanged) renderActive();
  if (fresh && how === "notify") toast("Joined into one run: " + fresh.sources.map((s) => s.name).join(" + ") + " — see the ⋈ tab");
  sync();
}

// ---- opening -----------------------------------------------------------------------------

function sizeOfInput(input) {
  return typeof input === "string" ? input.length : input instanceof Blob ? input.size : input.byteLength;
}

async function openInputs(items, opts = {}) {
  if (!items.length) return [];
  try {
    await load.start();
  } catch (e) {
    fatal(e);
    return [];
  }
  const added = [];
  let total = 0;
  const reading = busy("Reading…");
  try {
    for (const it of items) {
      total += sizeOfInput(it.input);
      reading.update("Reading " + it.name + " (" + fmtBytes(sizeOfInput(it.input)) + ")…");
      const doc = await load.openPayload(it.name, it.input, it.source);
      doc.kind = "doc";
      doc.view = opts.view && items.length === 1 ? opts.view : newView();
      app.docs.push(doc);
      added.push(doc);
    }
  } finally {
    reading();
  }
  if (opts.noActivate) return added;
  // Small payloads that join an open one (an execution and its events): show the
  // joined run at once. Large ones: show the payload first, the joined tab when ready.
  const small = total < 8 * 1024 * 1024;
  if (small && added.some(mayJoin)) {
    await joinDocs(added, "quiet");
    const fresh = app.joins.find((j) => j.isNew && j.sources.some((s) => added.includes(s.doc)));
    if (fresh) {
      app.active = tabs().indexOf(fresh);
      renderTabs();
      renderActive();
      sync();
      toast("One run from " + fresh.sources.length + " payloads: " + fresh.sources.map((s) => s.name).join(" + "));
      return added;
    }
  }
  app.active = app.docs.indexOf(added[0]);
  renderTabs();
  renderActive();
  sync();
  if (added.some((d) => mayJoin(d) && !d.inSpace)) joinDocs(added, "notify");
  return added;
}

async function openFiles(files) {
  // The engine reads the files (in the worker): nothing big is copied on this thread.
  await openInputs(files.map((f) => ({ name: f.name, input: f, source: "file:" + f.name })));
}

async function openSample(file, opts) {
  const loading = busy("Loading sample " + file + "…");
  try {
    const bytes = await load.fetchSample(file);
    const meta = app.samples.find((s) => s.file === file);
    return await openInputs([{ name: (meta && meta.title) || file, input: bytes, source: "sample:" + file }], opts);
  } catch (e) {
    toast(e.message || String(e), true);
    return [];
  } finally {
    loading();
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
      // (ended in `finally`: also when the view is closed during the wait — a
      // note left behind by a closed tab would never go)
      const end = msg ? busy(msg) : null;
      this.busyNote = end;
      try {
        await nextFrame();
        if (this.dead) return;
        await fn();
      } catch (e) {
        toast("Something went wrong: " + ((e && e.message) || e), true);
        console.error(e);
      } finally {
        this.busyNote = null;
        if (end) end();
      }
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
      h("button", { type: "button", class: "btn small", title: "Close this payload (X)", onclick: () => closeTab(tabs().indexOf(doc)) }, "Close")));

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
    if (s.kind === "execution-events") this.later(doc.size > 2e6 ? "Reading the events…" : null, () => this.buildEvents(this.eventsHost));
    this.buildRaw(root, false);
    this.markLoaded();
  }

  /** The timeline of a run (load.getTimeline): {value: {kind: objects|frames, …}} or {error}. */
  fetchTimeline(run) {
    return load.getTimeline(this.doc, this.doc.summary.kind === "workflow-executions" ? run.id : undefined, TL_MODE);
  }

  /** The events shown in the table: {value: Event[]} or {error}. */
  fetchEvents(onProgress) {
    return load.getEvents(this.doc, onProgress);
  }

  /** data-loaded="true" on the view once everything queued is drawn (tests wait for it). */
  markLoaded() {
    this.root.dataset.loaded = "false";
    const check = () => {
      const q = this.queue;
      q.then(() => {
        if (this.dead) return;
        if (this.queue === q) this.root.dataset.loaded = "true";
        else check(); // more was queued meanwhile
      });
    };
    check();
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
    this.summaryHost.appendChild(this.summaryCard(app.tm));
    if (!this.run || s.apiError) return;
    const run = this.run;
    if (doc.view.cmp) this.later(big0(doc) ? "Comparing…" : null, () => this.buildCompare());
    const big = doc.size > 2e6;
    this.later(big ? "Building the timeline…" : null, async () => {
      if (this.run !== run) return;
      const t = await this.fetchTimeline(run);
      if (this.dead || this.run !== run) return;
      if (t.error) this.runHost.prepend(renderError(t.error, { title: "The timeline cannot be drawn" }));
      else {
        this.tlr = t.value;
        this.tl = t.value.kind === "frames" ? { start: t.value.view.start, end: t.value.view.end, lanes: [] } : t.value.value;
        await this.buildTimeline();
      }
      if (run.objectData != null || run.changedObjectData != null || s.kind === "aos-execution" || s.kind === "gcs-execution" || s.kind === "joined") {
        await this.buildObjectData();
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
      pop.appendChild(h("button", { type: "button", class: "menu-item", role: "menuitem", "data-export": kind, onclick: async () => {
        menu.open = false;
        const r = await load.exportDoc(this.doc, kind);
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

  async buildCompare() {
    const host = this.compareHost;
    if (!host) return;
    const c = this.doc.view.cmp;
    if (!c) { clear(host); return; }
    const other = app.docs.find((d) => d.id === c.docId);
    if (!other) { clear(host); this.doc.view.cmp = null; return; }
    const res = await load.compareDocs(other, c.run || undefined, this.doc, this.runArg());
    if (this.dead || this.doc.view.cmp !== c) return;
    clear(host);
    if (res.error) { host.appendChild(renderError(res.error, { title: "The runs cannot be compared" })); return; }
    const name = (d, runId, run) => (d === this.doc ? "" : d.name + " · ") + (runId || run.name || run.id);
    host.appendChild(renderComparison(res.value, {
      labelA: name(other, c.run, res.value.a),
      labelB: name(this.doc, this.runArg(), res.value.b),
      onClose: () => { this.doc.view.cmp = null; clear(host); sync(); },
      onSelect: async (id) => {
        if (this.timeline && await this.timeline.select(id, { scroll: true })) {
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

  async buildTimeline() {
    const v = this.doc.view;
    const chipsHost = h("div", { class: "chips-host" });
    const frames = this.tlr && this.tlr.kind === "frames";
    const sec = section("sec-timeline", "Timeline", "timeline-panel", chipsHost,
      frames ? h("span", { class: "pill", "data-testid": "timeline-frames", title: "A large timeline: it stays in the core (in the worker) and is drawn from frames of one byte per pixel column" }, "large · drawn from frames") : null);
    this.runHost.querySelectorAll("#sec-timeline").forEach((x) => x.remove());
    this.chipsHost = chipsHost;
    this.renderChips();
    const opts = {
      onSelect: (lane) => this.onLane(lane),
      onViewChange: (z) => { v.z = z; sync(); },
      onFilterText: (t) => { v.laneText = t; },
    };
    this.timeline = frames ? new FrameTimelineView(opts) : new TimelineView(opts);
    this.detailsHost = h("div", { class: "tl-side", hidden: true });
    this.timelineHead = h("div", { class: "tl-head" });
    sec.body.appendChild(this.timelineHead);
    sec.body.appendChild(h("div", { class: "tl-layout" }, this.timeline.el, this.detailsHost));
    this.runHost.prepend(sec.el);
    this.timeline.lang = app.lang;
    this.timeline.setData(frames ? this.tlr.view : this.tl, {
      mode: app.tm, base: this.base(), phases: v.phases, text: v.laneText, view: v.z, lane: null,
    });
    if (v.lane && await this.timeline.select(v.lane, { scroll: true, notify: false })) this.onLane(this.timeline.selectedLane(), true);
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
    // Opening or closing the details narrows or widens the timeline, and its
    // toolbar may wrap: keep the lanes where they were on screen (the lane just
    // clicked stays under the pointer).
    const canvasTop = () => (this.timeline ? this.timeline.canvas.getBoundingClientRect().top : 0);
    const anchor = canvasTop();
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
    if (this.timeline) {
      this.timeline.layout();
      const moved = canvasTop() - anchor;
      if (!quiet && Math.abs(moved) >= 1) window.scrollBy(0, moved);
    }
    if (!quiet) sync();
  }

  async jumpToFailure(ff) {
    if (!this.timeline) { this.later(null, () => this.timeline && this.jumpToFailure(ff)); return; }
    let id = ff.element;
    if (!(await this.timeline.hasLane(id)) && this.tl) {
      const byLabel = this.tl.lanes.find((l) => l.label === ff.element);
      if (byLabel) id = byLabel.id;
    }
    if (!(await this.timeline.isVisible(id))) {
      if (this.doc.view.phases.size) this.setPhases(new Set());
      if (this.timeline.text) { this.timeline.setTextFilter(""); this.doc.view.laneText = ""; }
    }
    const ok = await this.timeline.select(id, { scroll: true, at: ff.at });
    document.getElementById("sec-timeline").scrollIntoView({ behavior: "smooth", block: "start" });
    if (!ok) toast("The failed element " + ff.element + " has no lane in the timeline.", true);
    else this.timeline.canvas.focus({ preventScroll: true });
  }

  async buildEvents(root, title) {
    const big = this.doc.size > 2e6;
    const note = this.busyNote; // (the task of later() this runs in, when it shows one)
    const r = await this.fetchEvents(big && note ? (done, total) => note.update("Reading the events… " + fmtNum(done) + " of " + fmtNum(total)) : null);
    if (this.dead) return;
    if (r.error) { root.appendChild(renderError(r.error, { title: "The events cannot be read" })); return; }
    this.eventList = r.value;
    if (!r.value.length && this.doc.summary.kind !== "execution-events" && this.doc.kind !== "join") return;
    const v = this.doc.view;
    const sec = section("sec-events", "Events", "events-panel", title ? h("span", { class: "muted small" }, title) : null);
    this.events = new EventsView({
      onSelectElement: async (el) => {
        if (this.timeline && await this.timeline.select(el, { scroll: true })) return;
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
    this.events.setData(r.value, { mode: app.tm, base: this.base(), type: v.type, el: v.el, q: v.q, lang: app.lang, sort: v.sort, phases: v.phases, stats: r.stats });
    if (v.lane) this.events.setSelected(v.lane);
  }

  async buildObjectData() {
    const run = this.run;
    const item = async (label, raw) => {
      if (raw == null) return { label, raw: null };
      const decoded = await load.decode(raw);
      const pretty = decoded.value && decoded.value.format === "json" ? load.prettyJson(decoded.value.json) : null;
      return { label, raw, decoded, pretty };
    };
    const items = [await item("objectData", run.objectData), await item("changedObjectData", run.changedObjectData)];
    if (this.dead || this.run !== run) return;
    const sec = section("sec-objectdata", "objectData", "object-data",
      h("span", { class: "muted small" }, "spec.objectData and spec.changedObjectData of " + (run.name ?? run.id), ", decoded"));
    sec.body.appendChild(renderObjectData(items, { runName: run.name || run.id }));
    this.runHost.appendChild(sec.el);
  }

  buildRaw(root, open) {
    const doc = this.doc;
    const det = h("details", { class: "panel raw-panel", id: "sec-raw", "data-testid": "raw", open: !!open },
      h("summary", { class: "panel-head" }, h("h3", null, "Raw payload"),
        h("span", { class: "muted small" }, "the whole payload, unknown fields included — click to expand")));
    const body = h("div", { class: "panel-body" });
    det.appendChild(body);
    const build = async () => {
      if (this.rawTree !== null || !det.open) return this.rawTree;
      if (this.rawBuilding) return this.rawBuilding;
      const reading = busy("Reading the raw payload…");
      this.rawBuilding = load.getRaw(doc).finally(reading).then((res) => {
        if (this.dead) return null;
        this.rawTree = renderRaw(body, res, { size: fmtBytes(doc.size) }) || false;
        return this.rawTree;
      });
      return this.rawBuilding;
    };
    det.addEventListener("toggle", build);
    this.rawDetails = det;
    this.rawBuild = build;
    root.appendChild(det);
    if (open) build();
  }

  async revealRaw(path) {
    if (!this.rawDetails) return;
    this.rawDetails.open = true;
    await this.rawBuild();
    if (this.rawTree) this.rawTree.reveal(path);
  }

  summaryCard(mode) {
    return renderSummary({
      summary: this.doc.summary, run: this.run, mode, lang: app.lang, newestId: newestRunId(this.doc.summary),
      onPickRun: (id) => this.pickRun(id), onJumpFailure: (ff) => this.jumpToFailure(ff),
    });
  }

  setMode(mode) {
    if (this.summaryHost && this.doc.summary) {
      clear(this.summaryHost);
      this.summaryHost.appendChild(this.summaryCard(mode));
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

/**
 * One run joined from several payloads (the core's Workspace): an execution and
 * its events, or snapshots of one execution. One summary, the conflicts the
 * sources have, one timeline whose spans say where their start came from, the
 * events of the run; the payload tabs stay open to see each source alone.
 */
class JoinView extends DocView {
  build() {
    const join = this.doc;
    const root = this.root;
    clear(root);
    root.appendChild(h("div", { class: "doc-head" },
      h("span", { class: "join-icon big", "aria-hidden": "true" }, "⋈"),
      h("h1", { class: "doc-name", title: join.name || join.runId }, join.name || join.runId),
      h("span", { class: "fmt big fmt-join", "data-testid": "format" }, FORMAT_LABELS.joined),
      h("span", { class: "muted small" }, plural(join.sources.length, "payload") + " · " + fmtBytes(join.size)),
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "btn small", title: "Close the joined view (X); its payloads stay open", onclick: () => closeTab(tabs().indexOf(join)) }, "Close")));
    this.sourcesHost = h("div");
    this.summaryHost = h("div");
    this.conflictsHost = h("div", { class: "conflicts-host" });
    this.historyHost = h("div", { class: "history-host" });
    this.compareHost = h("div", { class: "compare-host" });
    this.runHost = h("div", { class: "run-host" });
    this.eventsHost = h("div", { class: "events-host" });
    root.append(this.sourcesHost, this.summaryHost, this.conflictsHost, this.historyHost, this.runHost, this.eventsHost);
    this.sourcesHost.appendChild(renderSources(join.sources, {
      runId: join.runId, snapshots: join.snapshots,
      onOpen: (docId) => { const i = tabs().findIndex((t) => t.id === docId && t.kind !== "join"); if (i >= 0) activate(i); },
    }));
    this.later(null, async () => {
      const r = app.space ? await app.space.summary(join.runId) : { error: { code: "closed", message: "the joined payloads were closed" } };
      if (this.dead) return;
      if (r.error) { this.summaryHost.appendChild(renderError(r.error, { title: "The joined run cannot be read" })); return; }
      this.ws = r.value;
      join.summary = { kind: "joined", runs: [r.value.run], apiError: null, warnings: [] };
      this.renderConflicts();
      if (this.ws.snapshots > 1) await this.buildHistory();
      this.buildRun();
      const ev = this.eventsSource();
      if (ev) this.later(null, () => this.buildEvents(this.eventsHost, "from " + ev.name));
    });
    this.markLoaded();
  }

  destroy() {
    super.destroy();
    if (this.tlr && this.tlr.kind === "frames") this.tlr.view.free();
    if (this.chart) this.chart.destroy();
  }

  /** The event list the core refined the run with (the last one added). */
  eventsSource() {
    const list = this.doc.sources.filter((s) => s.role === "events");
    return list.length ? list[list.length - 1] : null;
  }

  renderConflicts() {
    clear(this.conflictsHost);
    const roles = new Set(this.doc.sources.map((s) => s.role));
    const el = renderConflicts(this.ws.conflicts, {
      mode: app.tm, base: this.base(), both: roles.has("status") && roles.has("events"),
      onSelect: async (el) => {
        if (this.timeline && await this.timeline.select(el, { scroll: true })) {
          document.getElementById("sec-timeline").scrollIntoView({ behavior: "smooth", block: "start" });
        }
      },
    });
    if (el) this.conflictsHost.appendChild(el);
  }

  async buildHistory() {
    const ch = await app.space.changes(this.doc.runId, 0);
    if (this.dead) return;
    clear(this.historyHost);
    const sec = section("sec-history", "Polling history", "history-panel",
      h("span", { class: "muted small" }, plural(this.ws.snapshots, "snapshot") + " of this run, ordered by their last update"));
    this.chart = new ProgressChart();
    sec.body.appendChild(h("div", { class: "history" },
      h("div", { class: "history-chart" }, h("div", { class: "sub-title" }, "Progress per snapshot"), this.chart.el),
      h("div", { class: "history-changes" }, h("div", { class: "sub-title" }, "What changed"),
        ch.error ? renderError(ch.error) : renderChanges(ch.value, { mode: app.tm, base: this.base(), onSelect: (el) => this.timeline && this.timeline.select(el, { scroll: true }) }))));
    this.historyHost.appendChild(sec.el);
    this.chart.setData(this.ws.progressHistory, { mode: app.tm, base: this.base() });
  }

  fetchTimeline(run) {
    const events = this.doc.sources.filter((s) => s.role === "events").reduce((a, s) => a + ((s.doc.summary && s.doc.summary.runs[0] && s.doc.summary.runs[0].eventCount) || 0), 0);
    return app.space.timeline(this.doc.runId, TL_MODE, (run.elementCount || 0) + events);
  }

  fetchEvents(onProgress) {
    const ev = this.eventsSource();
    return ev ? load.getEvents(ev.doc, onProgress) : Promise.resolve({ value: [] });
  }

  async buildTimeline() {
    await super.buildTimeline();
    const starts = this.tl && this.tl.lanes.length && this.timelineHead ? renderStartSources(countStartSources(this.tl)) : null;
    if (starts) this.timelineHead.appendChild(starts);
  }

  summaryCard(mode) {
    return renderSummary({
      summary: this.doc.summary, run: this.run, mode, lang: app.lang, newestId: null,
      onPickRun: () => {}, onJumpFailure: (ff) => this.jumpToFailure(ff),
    });
  }

  setMode(mode) {
    super.setMode(mode);
    if (this.ws) this.renderConflicts();
    if (this.chart) this.chart.setMode(mode, this.base());
  }

  runArg() { return undefined; }
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
  const root = h("div", { class: ["doc", doc.kind === "join" ? "doc-join" : ""], "data-testid": "doc", "data-kind": doc.kind === "join" ? "join" : "payload" });
  main.appendChild(root);
  app.view = doc.kind === "join" ? new JoinView(doc, root) : new DocView(doc, root);
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
    h("div", { class: "welcome-samples" }, h("h2", null, "Samples"), cards,
      h("p", { class: "muted small replay-hint" }, "Open an execution together with its events (or several snapshots of one execution) and they are joined into one run. ",
        h("a", { class: "linkbtn", href: load.isSingleFile() ? "execscope-replay.html" : "replay.html", "data-testid": "welcome-replay" }, "Replay a recorded polling series →")))));
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
    case "u": case "U": setTimeMode(nextTimeMode(app.tm)); break;
    case "l": case "L": { const order = ["zh", "en", "both"]; setLang(order[(order.indexOf(app.lang) + 1) % 3]); break; }
    case "[": { const n = tabs().length; if (n) activate((app.active - 1 + n) % n); break; }
    case "]": { const n = tabs().length; if (n) activate((app.active + 1) % n); break; }
    case "x": case "X": if (app.active >= 0) closeTab(app.active); break;
    case "/": if (view && view.events) { view.events.focusSearch(); } else handled = false; break;
    case "e": case "E": if (view && view.run && view.run.firstFailure) view.jumpToFailure(view.run.firstFailure); else handled = false; break;
    default: handled = false;
  }
  if (!handled && /^[1-9]$/.test(k)) { const i = Number(k) - 1; if (i < tabs().length) { activate(i); handled = true; } }
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
  busyTasks.length = 0;
  showBusy();
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
  $("replay-link").href = load.isSingleFile() ? "execscope-replay.html" : "replay.html";
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
    if (tab !== app.active && tab < tabs().length) app.active = tab;
    const doc = activeDoc();
    if (doc) doc.view = viewFromHash(next);
    renderTabs();
    renderActive();
  });
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => { if (app.view && app.view.timeline) app.view.timeline.refreshTheme(); });

  try {
    const v = await load.start();
    $("version").textContent = "v" + v;
    $("version").title = load.engineKind() === "worker" ? "payloads are read in a Web Worker" : "payloads are read on the page's main thread (no worker could start)";
    document.documentElement.dataset.engine = load.engineKind();
    app.ready = true;
  } catch (e) {
    fatal(e);
    return;
  }
  app.samples = await load.listSamples();
  app.samplesLoaded = true;
  renderSamplesMenu();
  if (!app.docs.length) renderActive();

  // Restore the samples named in the hash (and the runs they join), then the view of the active tab.
  if (st.s) {
    const files = st.s.split(",").filter(Boolean);
    for (let i = 0; i < files.length; i++) await openSample(files[i], { noActivate: true });
    if (app.docs.length) {
      if (app.docs.some(mayJoin)) await joinDocs(app.docs, "quiet");
      const tab = Math.max(0, Math.min(Number(st.tab) || 0, tabs().length - 1));
      app.active = tab;
      const item = tabs()[tab];
      item.view = viewFromHash(st);
      const v = item.view;
      if (item.kind !== "join" && v.cmpTab && app.docs[v.cmpTab.tab]) v.cmp = { docId: app.docs[v.cmpTab.tab].id, run: v.cmpTab.run };
      renderTabs();
      renderActive();
      sync();
      if (app.docs.some((d) => mayJoin(d) && !d.inSpace)) joinDocs(app.docs, "notify");
    }
  }
  document.documentElement.dataset.ready = "true";
}

main();
