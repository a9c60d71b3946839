// The polling replay (replay.html): a recorded series of snapshots of one
// execution (samples/polling/) replayed as if a console polled it every N
// seconds. Each poll adds the next snapshot to a Workspace (load.js → the
// engine); the page shows the run growing: its summary, the progress over time
// (progressHistory), what changed at each poll (changes) and the timeline, whose
// starts come from the snapshots.
//
// Hash: #series=<name>&at=<snapshots added>&every=<ms>&tm=utc|local|rel&theme=dark|light
// Keys: Space play/pause, → / N step, ← / B back, Home reset, T theme, U time,
//       and the timeline's W S A D F J K.
import { h, clear } from "./dom.js";
import * as load from "./load.js";
import { TIME_MODES, fmtTime, fmtIso, plural, fmtNum } from "./fmt.js";
import { renderSummary } from "./render/summary.js";
import { renderTimeModeSwitch, nextTimeMode } from "./render/timemode.js";
import { TimelineView } from "./render/timeline.js";
import { renderDetails } from "./render/details.js";
import { renderError } from "./render/errors.js";
import { ProgressChart } from "./render/progress.js";
import { renderChanges } from "./render/changes.js";
import { renderStartSources, countStartSources } from "./render/join.js";

const $ = (id) => document.getElementById(id);
const SPEEDS = [
  { ms: 500, label: "0.5 s" },
  { ms: 1000, label: "1 s" },
  { ms: 2000, label: "2 s" },
  { ms: 5000, label: "5 s" },
  { ms: 10000, label: "10 s" },
];

const st = {
  list: [],
  series: null,
  space: null,
  added: 0, // snapshots added so far
  every: 2000,
  playing: false,
  timer: 0,
  tick: 0,
  due: 0,
  busy: Promise.resolve(),
  runId: null,
  tm: "utc",
  theme: "",
  z: null,
  lane: "",
  ui: null,
};

function toast(msg, bad) {
  const t = $("toast");
  t.textContent = msg;
  t.className = "toast" + (bad ? " bad" : "");
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 3500);
}

// ---- hash ---------------------------------------------------------------------------------

function readHash() {
  const p = new URLSearchParams(location.hash.replace(/^#/, ""));
  const o = {};
  for (const k of ["series", "at", "every", "tm", "theme"]) { const v = p.get(k); if (v) o[k] = v; }
  return o;
}

function writeHash() {
  clearTimeout(writeHash.t);
  writeHash.t = setTimeout(() => {
    const p = new URLSearchParams();
    if (st.series) p.set("series", st.series.name);
    if (st.added) p.set("at", String(st.added));
    if (st.every !== 2000) p.set("every", String(st.every));
    if (st.tm !== "utc") p.set("tm", st.tm);
    if (st.theme) p.set("theme", st.theme);
    const s = p.toString();
    try { history.replaceState(null, "", s ? "#" + s : location.pathname + location.search); } catch (_) { /* file:// */ }
  }, 120);
}

// ---- theme & time -----------------------------------------------------------------------------

const THEME_ICON = { "": "◐", dark: "☾", light: "☀" };

function applyTheme() {
  const root = document.documentElement;
  if (st.theme) root.dataset.theme = st.theme; else delete root.dataset.theme;
  $("theme-toggle").textContent = THEME_ICON[st.theme];
  if (st.ui) {
    if (st.ui.timeline) st.ui.timeline.refreshTheme();
    st.ui.chart.draw();
  }
}

function renderTimeMode() {
  renderTimeModeSwitch($("time-mode"), st.tm, setTimeMode);
}

function setTimeMode(mode) {
  st.tm = mode;
  renderTimeMode();
  render();
  writeHash();
}

// ---- the replay -----------------------------------------------------------------------------

/** Serialise workspace work: one poll at a time. */
function task(fn) {
  st.busy = st.busy.then(fn).catch((e) => { toast((e && e.message) || String(e), true); });
  return st.busy;
}

async function resetSpace() {
  if (st.space) await st.space.free();
  st.space = await load.Space.create();
  st.added = 0;
  st.runId = null;
  st.snap = null;
}

/** Add the next snapshot (one poll). */
async function poll() {
  const s = st.series;
  if (!s || st.added >= s.snapshots.length) return false;
  const file = s.snapshots[st.added];
  const bytes = await load.fetchPolling(file);
  const r = await st.space.add(bytes, file);
  if (r.error) throw new Error(file + ": " + r.error.message);
  st.added++;
  st.runId = r.value.runs[0] || st.runId;
  await refresh();
  return true;
}

/** Re-read the workspace: summary, timeline, changes. */
async function refresh() {
  if (!st.runId) { st.snap = null; render(); return; }
  const [sum, tl, ch] = await Promise.all([
    st.space.summary(st.runId),
    st.space.timeline(st.runId, "objects"),
    st.space.changes(st.runId, 0),
  ]);
  st.snap = {
    summary: sum.value || null, error: sum.error || tl.error || ch.error || null,
    tl: tl.value && tl.value.kind === "objects" ? tl.value.value : null,
    changes: ch.value || [],
  };
  render();
}

function step() { return task(async () => { if (!(await poll())) stop(); }); }

function back() {
  stop();
  const want = Math.max(0, st.added - 1);
  return goTo(want);
}

function goTo(n) {
  return task(async () => {
    const target = Math.max(0, Math.min(n, st.series ? st.series.snapshots.length : 0));
    await resetSpace();
    // Added one by one, as polled (the workspace orders them by their last update anyway).
    while (st.added < target) {
      const file = st.series.snapshots[st.added];
      const r = await st.space.add(await load.fetchPolling(file), file);
      if (r.error) throw new Error(file + ": " + r.error.message);
      st.runId = r.value.runs[0] || st.runId;
      st.added++;
    }
    await refresh();
  });
}

function play() {
  if (!st.series) return;
  if (st.added >= st.series.snapshots.length) goTo(0);
  st.playing = true;
  schedule();
  renderControls();
}

function stop() {
  st.playing = false;
  clearTimeout(st.timer);
  clearInterval(st.tick);
  st.due = 0;
  renderControls();
}

function schedule() {
  clearTimeout(st.timer);
  clearInterval(st.tick);
  if (!st.playing) return;
  st.due = performance.now() + st.every;
  st.timer = setTimeout(async () => {
    await step();
    if (st.playing && st.added < st.series.snapshots.length) schedule();
    else stop();
  }, st.every);
  st.tick = setInterval(renderCountdown, 100);
  renderCountdown();
}

function setSpeed(ms) {
  st.every = ms;
  if (st.playing) schedule();
  renderControls();
  writeHash();
}

// ---- rendering ------------------------------------------------------------------------------

function build() {
  const main = $("main");
  clear(main);
  const root = h("div", { class: "doc replay", "data-testid": "replay" });
  main.appendChild(root);
  const ui = {};
  ui.seriesSel = h("select", { class: "input small", "aria-label": "Recorded series", "data-testid": "replay-series",
    onchange: () => { const s = st.list.find((x) => x.name === ui.seriesSel.value); if (s) { stop(); st.series = s; st.z = null; goTo(0); renderControls(); writeHash(); } } });
  for (const s of st.list) ui.seriesSel.appendChild(h("option", { value: s.name }, s.title || s.name));
  const btn = (label, title, testid, fn, cls) => h("button", { type: "button", class: ["btn", cls || ""], title, "aria-label": title, "data-testid": testid, onclick: fn }, label);
  ui.reset = btn("Reset", "Reset: no snapshot (Home)", "replay-reset", () => { stop(); goTo(0); });
  ui.back = btn("◀ Back", "Back one poll (← or B)", "replay-back", () => back());
  ui.play = btn("▶ Play", "Play: poll at the chosen interval (Space)", "replay-play", () => (st.playing ? stop() : play()), "primary");
  ui.step = btn("Step ▶", "Next poll (→ or N)", "replay-step", () => { stop(); step(); });
  ui.speed = h("div", { class: "seg small", role: "radiogroup", "aria-label": "Poll every", "data-testid": "replay-speed" });
  ui.status = h("span", { class: "replay-status mono-num", "data-testid": "replay-status", "aria-live": "polite" });
  ui.countdown = h("span", { class: "muted small mono-num", "data-testid": "replay-countdown" });
  ui.dots = h("div", { class: "replay-dots", "data-testid": "replay-dots" });
  ui.desc = h("p", { class: "muted small replay-desc" });
  root.appendChild(h("section", { class: "card replay-controls", "data-testid": "replay-controls" },
    h("div", { class: "replay-row" },
      h("div", { class: "kicker" }, "Recorded polling"), st.list.length > 1 ? ui.seriesSel : h("strong", { class: "replay-title" }, st.series ? st.series.title || st.series.name : "")),
    ui.desc,
    h("div", { class: "replay-row" },
      h("div", { class: "btn-group" }, ui.reset, ui.back), ui.play, ui.step,
      h("span", { class: "muted small" }, "Poll every"), ui.speed,
      h("span", { class: "spacer" }), ui.status, ui.countdown),
    ui.dots));
  ui.summaryHost = h("div");
  root.appendChild(ui.summaryHost);
  ui.chart = new ProgressChart();
  ui.changesHost = h("div", { class: "history-changes" });
  root.appendChild(h("section", { class: "panel", id: "sec-history", "data-testid": "history-panel" },
    h("header", { class: "panel-head" }, h("h3", null, "Progress and changes"),
      h("span", { class: "muted small" }, "every poll adds a snapshot: the progress it reported, and what changed since the one before")),
    h("div", { class: "panel-body" },
      h("div", { class: "history" },
        h("div", { class: "history-chart" }, h("div", { class: "sub-title" }, "Progress over time"), ui.chart.el,
          h("div", { class: "pc-legend" }, h("span", null, h("span", { class: "pc-key" }), "reported"), h("span", null, h("span", { class: "pc-key derived" }), "derived from the elements"),
            h("span", null, "dots: one per snapshot, in the run's phase"))),
        ui.changesHost))));
  ui.tlHead = h("div", { class: "tl-head" });
  ui.detailsHost = h("div", { class: "tl-side", hidden: true });
  ui.timeline = new TimelineView({
    onSelect: (lane) => showLane(lane),
    onViewChange: (z) => { st.z = z; },
  });
  ui.layout = h("div", { class: "tl-layout" }, ui.timeline.el, ui.detailsHost);
  root.appendChild(h("section", { class: "panel", id: "sec-timeline", "data-testid": "timeline-panel" },
    h("header", { class: "panel-head" }, h("h3", null, "Timeline"), h("span", { class: "muted small" }, "grows with every poll; starts come from the snapshots")),
    h("div", { class: "panel-body" }, ui.tlHead, ui.layout)));
  st.ui = ui;
  renderControls();
  render();
}

function showLane(lane) {
  const ui = st.ui;
  st.lane = lane ? lane.id : "";
  clear(ui.detailsHost);
  ui.detailsHost.hidden = !lane;
  ui.layout.classList.toggle("with-side", !!lane);
  if (lane) {
    ui.detailsHost.appendChild(renderDetails(lane, {
      mode: st.tm, base: base(), openEnd: ui.timeline.openEnd, events: null, lang: "both",
      onClose: () => ui.timeline.select(null),
    }));
  }
  ui.timeline.layout();
}

function base() {
  const s = st.snap && st.snap.summary;
  return (s && s.run.startedAt) ?? (st.snap && st.snap.tl && st.snap.tl.start) ?? null;
}

function renderControls() {
  const ui = st.ui;
  if (!ui) return;
  const s = st.series;
  const n = s ? s.snapshots.length : 0;
  if (s) ui.seriesSel.value = s.name;
  ui.desc.textContent = s ? s.description || "" : "No recorded series in this build.";
  ui.play.textContent = st.playing ? "❚❚ Pause" : "▶ Play";
  ui.play.setAttribute("aria-pressed", String(st.playing));
  ui.play.disabled = !s;
  ui.step.disabled = !s || st.added >= n;
  ui.back.disabled = !st.added;
  ui.reset.disabled = !st.added;
  clear(ui.speed);
  for (const sp of SPEEDS) {
    ui.speed.appendChild(h("button", { type: "button", role: "radio", "aria-checked": String(st.every === sp.ms), class: st.every === sp.ms ? "on" : "",
      "data-ms": String(sp.ms), onclick: () => setSpeed(sp.ms) }, sp.label));
  }
  ui.status.textContent = "Snapshot " + st.added + " of " + n;
  ui.status.dataset.added = String(st.added);
  clear(ui.dots);
  for (let i = 0; i < n; i++) {
    ui.dots.appendChild(h("button", { type: "button", class: ["rdot", i < st.added ? "on" : "", i === st.added - 1 ? "last" : ""],
      title: "Go to snapshot " + (i + 1) + " (" + s.snapshots[i] + ")", "aria-label": "Go to snapshot " + (i + 1),
      onclick: () => { stop(); goTo(i + 1); } }, String(i + 1)));
  }
  renderCountdown();
  document.title = "execscope — polling replay" + (s ? " · " + st.added + "/" + n : "");
}

function renderCountdown() {
  const ui = st.ui;
  if (!ui) return;
  if (!st.playing || !st.due) {
    ui.countdown.textContent = st.series && st.added >= st.series.snapshots.length ? "recording ended" : "";
    return;
  }
  const left = Math.max(0, st.due - performance.now());
  ui.countdown.textContent = "next poll in " + (left / 1000).toFixed(1) + " s";
}

function render() {
  const ui = st.ui;
  if (!ui) return;
  const snap = st.snap;
  clear(ui.summaryHost);
  clear(ui.tlHead);
  if (!snap) {
    ui.summaryHost.appendChild(h("section", { class: "card", "data-testid": "replay-empty" },
      h("p", { class: "muted" }, "No snapshot yet. Press ", h("kbd", null, "Space"), " to play, or ", h("kbd", null, "→"), " to poll once.")));
    ui.chart.setData([], { mode: st.tm });
    clear(ui.changesHost);
    ui.changesHost.appendChild(h("div", { class: "sub-title" }, "What changed"));
    ui.changesHost.appendChild(renderChanges([], {}));
    ui.timeline.setData({ start: null, end: null, lanes: [] }, { mode: st.tm });
    showLane(null);
    renderControls();
    writeHash();
    return;
  }
  if (snap.error) ui.summaryHost.appendChild(renderError(snap.error, { title: "A snapshot cannot be read" }));
  if (snap.summary) {
    const run = snap.summary.run;
    ui.summaryHost.appendChild(renderSummary({
      summary: { kind: st.series.format || "aos-execution", runs: [run], apiError: null, warnings: [] },
      run, mode: st.tm, lang: "both", newestId: null, onPickRun: () => {},
      onJumpFailure: (ff) => ui.timeline.select(ff.element, { scroll: true, at: ff.at }),
    }));
    const hist = snap.summary.progressHistory;
    ui.chart.setData(hist, { mode: st.tm, base: base() });
    ui.chart.el.dataset.last = hist.length ? String(hist[hist.length - 1].reported ?? hist[hist.length - 1].derived ?? "") : "";
  }
  clear(ui.changesHost);
  ui.changesHost.appendChild(h("div", { class: "sub-title" }, "What changed", h("span", { class: "muted small" }, " — " + plural(snap.changes.length, "change") + " over " + plural(Math.max(0, st.added - 1), "poll"))));
  ui.changesHost.appendChild(renderChanges(snap.changes, {
    mode: st.tm, base: base(), latest: st.added - 1,
    onSelect: (el) => ui.timeline.select(el, { scroll: true }),
  }));
  if (snap.tl) {
    const selected = st.lane;
    ui.timeline.setData(snap.tl, { mode: st.tm, base: base(), view: st.z });
    const starts = renderStartSources(countStartSources(snap.tl));
    if (starts) ui.tlHead.appendChild(starts);
    if (selected) ui.timeline.select(selected, { notify: true });
    else showLane(null);
  }
  renderControls();
  writeHash();
}

// ---- keys ---------------------------------------------------------------------------------

function isTyping(t) {
  return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
}

function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
  const tl = st.ui && st.ui.timeline;
  const onCanvas = tl && document.activeElement === tl.canvas;
  let handled = true;
  switch (e.key) {
    case " ": if (document.activeElement && document.activeElement.tagName === "BUTTON") { handled = false; break; } st.playing ? stop() : play(); break;
    case "ArrowRight": if (onCanvas) tl.panBy(0.2); else { stop(); step(); } break;
    case "n": case "N": stop(); step(); break;
    case "ArrowLeft": if (onCanvas) tl.panBy(-0.2); else back(); break;
    case "b": case "B": back(); break;
    case "Home": stop(); goTo(0); break;
    case "t": case "T": st.theme = st.theme === "" ? "dark" : st.theme === "dark" ? "light" : ""; applyTheme(); writeHash(); break;
    case "u": case "U": setTimeMode(nextTimeMode(st.tm)); break;
    case "Escape": if (tl && tl.selectedLane()) tl.select(null); else handled = false; break;
    default: handled = false;
  }
  if (!handled && tl) {
    handled = true;
    switch (e.key) {
      case "w": case "W": case "+": case "=": tl.zoomBy(1 / 1.6); break;
      case "s": case "S": case "-": tl.zoomBy(1.6); break;
      case "a": case "A": tl.panBy(-0.2); break;
      case "d": case "D": tl.panBy(0.2); break;
      case "f": case "F": case "0": st.z = null; tl.fit(); break;
      case "j": case "J": case "ArrowDown": if (e.key === "ArrowDown" && !onCanvas) { handled = false; break; } tl.step(1); break;
      case "k": case "K": case "ArrowUp": if (e.key === "ArrowUp" && !onCanvas) { handled = false; break; } tl.step(-1); break;
      default: handled = false;
    }
  }
  if (handled) e.preventDefault();
}

// ---- start ----------------------------------------------------------------------------------

async function main() {
  const hs = readHash();
  if (hs.theme === "dark" || hs.theme === "light") st.theme = hs.theme;
  if (TIME_MODES.some((m) => m.id === hs.tm)) st.tm = hs.tm;
  if (hs.every && SPEEDS.some((s) => String(s.ms) === hs.every)) st.every = Number(hs.every);
  applyTheme();
  renderTimeMode();
  const home = $("home-link");
  home.href = load.isSingleFile() ? "execscope.html" : "index.html";
  $("theme-toggle").addEventListener("click", () => { st.theme = st.theme === "" ? "dark" : st.theme === "dark" ? "light" : ""; applyTheme(); writeHash(); });
  document.addEventListener("keydown", onKey);
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => applyTheme());
  try {
    const v = await load.start();
    $("version").textContent = "v" + v;
    document.documentElement.dataset.engine = load.engineKind();
  } catch (e) {
    clear($("main"));
    $("main").appendChild(renderError({ code: "wasm_unavailable", message: "The WebAssembly core could not be loaded: " + ((e && e.message) || e) }, { title: "The replay cannot start" }));
    return;
  }
  st.list = await load.listPolling();
  st.series = st.list.find((s) => s.name === hs.series) || st.list[0] || null;
  await resetSpace();
  build();
  if (st.series && hs.at && /^\d+$/.test(hs.at)) await goTo(Number(hs.at));
  document.documentElement.dataset.ready = "true";
}

main();
