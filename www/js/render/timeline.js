// The timeline: a <canvas> with one lane per element. Only the lanes in the
// viewport and the spans/markers inside the visible time range are drawn, so
// 100,000 lanes stay smooth. Redraws are batched with requestAnimationFrame.
import { h, clipped } from "../dom.js";
import { PHASES, fmtTime, fmtDuration, fmtTick, fmtNum, fmtDate, tzLabel, tzOffsetMs, phaseClass, bilingual, START_SOURCES } from "../fmt.js";

const LANE_H = 22;
const BAR_H = 14;
const AXIS_H = 30;
const OV_H = 34;
const RIGHT_PAD = 14;
const MIN_RANGE = 2; // ms
/** A tooltip shows at most this many characters of a value (dom.js clipped()). */
const TIP_CHARS = 400;
const FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const FONT_SMALL = "10px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5,
  36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5, 2592e6, 7776e6, 31536e6];

function rgba(color, a) {
  const c = color.trim();
  let r = 128, g = 128, b = 128;
  let m;
  if ((m = /^#([0-9a-f]{3})$/i.exec(c))) {
    r = parseInt(m[1][0] + m[1][0], 16); g = parseInt(m[1][1] + m[1][1], 16); b = parseInt(m[1][2] + m[1][2], 16);
  } else if ((m = /^#([0-9a-f]{6})/i.exec(c))) {
    r = parseInt(m[1].slice(0, 2), 16); g = parseInt(m[1].slice(2, 4), 16); b = parseInt(m[1].slice(4, 6), 16);
  } else if ((m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/i.exec(c))) {
    r = +m[1]; g = +m[2]; b = +m[3];
  }
  return "rgba(" + r + "," + g + "," + b + "," + a + ")";
}

export const KIND_LABEL = { start: "start", success: "success", failure: "failure", other: "event" };
export { LANE_H, BAR_H, AXIS_H, RIGHT_PAD, FONT, FONT_SMALL, rgba };

export class TimelineView {
  /**
   * opts: {onSelect(lane|null), onViewChange([t0,t1]), onFilterText(text)}
   */
  constructor(opts) {
    this.opts = opts || {};
    this.tl = { start: null, end: null, lanes: [] };
    this.lanes = [];
    this.vis = new Int32Array(0);
    this.visPos = null;
    this.phases = new Set();
    this.text = "";
    this.mode = "utc";
    this.lang = "both";
    this.base = null;
    this.v0 = 0; this.v1 = 1;
    this.selected = -1;
    this.hover = -1;
    this.labelCache = new Map();
    this.labelCacheW = 0;
    this.frame = 0;
    this.colors = null;
    this.drag = null;

    this.canvas = h("canvas", { class: "tl-canvas", tabindex: "0", role: "img", "data-testid": "timeline-canvas" });
    this.spacer = h("div", { class: "tl-spacer" });
    this.scroll = h("div", { class: "tl-scroll" }, this.canvas, this.spacer);
    this.tip = h("div", { class: "tl-tip", role: "tooltip", "data-testid": "timeline-tooltip", hidden: true });
    this.filterInput = h("input", { type: "search", class: "input small", placeholder: "Filter lanes…", "aria-label": "Filter lanes by name",
      "data-testid": "lane-filter", oninput: () => { this.setTextFilter(this.filterInput.value); this.opts.onFilterText && this.opts.onFilterText(this.filterInput.value); } });
    this.countEl = h("span", { class: "muted small", "data-testid": "lane-count" });
    this.rangeEl = h("span", { class: "muted small mono-num tl-range", "data-testid": "timeline-range" });
    const btn = (label, title, fn, testid) => h("button", { type: "button", class: "btn small", title, "aria-label": title, "data-testid": testid, onclick: fn }, label);
    this.toolbar = h("div", { class: "tl-toolbar" },
      h("div", { class: "btn-group" },
        btn("−", "Zoom out (− or S)", () => this.zoomBy(1.6), "zoom-out"),
        btn("+", "Zoom in (+ or W)", () => this.zoomBy(1 / 1.6), "zoom-in"),
        btn("Fit", "Fit the whole run (F or 0)", () => this.fit(), "zoom-fit")),
      this.filterInput, this.countEl, h("span", { class: "spacer" }), this.rangeEl,
      h("span", { class: "muted small tl-hint" }, "Wheel: zoom · Shift+wheel or wheel over names: scroll · Drag: pan · Click: details"));
    this.legend = h("div", { class: "tl-legend", "aria-label": "Legend" },
      ...PHASES.map((p) => h("span", { class: "lg" }, h("span", { class: ["sw", phaseClass(p)] }), p)),
      h("span", { class: "lg" }, h("span", { class: "sw sw-inferred" }), "inferred start"),
      h("span", { class: "lg" }, h("span", { class: "sw sw-open" }), "still open"),
      h("span", { class: "lg" }, h("span", { class: "mk mk-start" }), "start"),
      h("span", { class: "lg" }, h("span", { class: "mk mk-success" }), "success"),
      h("span", { class: "lg" }, h("span", { class: "mk mk-failure" }), "failure"),
      h("span", { class: "lg" }, h("span", { class: "mk mk-other" }), "other event"));
    this.ov = h("canvas", { class: "tl-ov", "data-testid": "timeline-overview", title: "Overview of the whole run: drag the window to move, drag elsewhere to pick a range, click to center" });
    this.body = h("div", { class: "tl-body" }, this.ov, this.scroll, this.tip);
    this.el = h("div", { class: "timeline", "data-testid": "timeline" }, this.toolbar, this.body, this.legend);

    this.scroll.addEventListener("scroll", () => { this.hideTip(); this.invalidate(); }, { passive: true });
    this.canvas.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    this.canvas.addEventListener("pointerdown", (e) => this.onDown(e));
    this.canvas.addEventListener("pointermove", (e) => this.onMove(e));
    this.canvas.addEventListener("pointerup", (e) => this.onUp(e));
    this.canvas.addEventListener("pointercancel", () => { this.drag = null; });
    this.canvas.addEventListener("pointerleave", () => { if (!this.drag) { this.hover = -1; this.hoverRow = -1; this.hoverPos = null; this.hideTip(); this.invalidate(); } });
    this.canvas.addEventListener("dblclick", (e) => this.onDbl(e));
    this.ov.addEventListener("pointerdown", (e) => this.onOvDown(e));
    this.ov.addEventListener("pointermove", (e) => this.onOvMove(e));
    this.ov.addEventListener("pointerup", (e) => this.onOvUp(e));
    this.ov.addEventListener("pointercancel", () => { this.ovDrag = null; });
    this.ro = new ResizeObserver(() => this.layout());
    this.ro.observe(this.body);
    this.onWinResize = () => this.layout();
    window.addEventListener("resize", this.onWinResize);
  }

  destroy() {
    this.ro.disconnect();
    window.removeEventListener("resize", this.onWinResize);
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  // ---- data ---------------------------------------------------------------------------

  /** tl: Timeline; o: {mode, base, phases:Set, text, lane, view:[t0,t1]|null} */
  setData(tl, o = {}) {
    this.tl = tl;
    this.lanes = tl.lanes || [];
    this.index = new Map();
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < this.lanes.length; i++) {
      const l = this.lanes[i];
      if (!this.index.has(l.id)) this.index.set(l.id, i);
      for (const s of l.spans) {
        if (s.start < lo) lo = s.start;
        if (s.start > hi) hi = s.start;
        if (s.end != null && s.end > hi) hi = s.end;
      }
      for (const m of l.markers) {
        if (m.at < lo) lo = m.at;
        if (m.at > hi) hi = m.at;
      }
    }
    if (tl.start != null) lo = Math.min(lo, tl.start);
    if (tl.end != null) hi = Math.max(hi, tl.end);
    this.hasTime = isFinite(lo);
    this.dataMin = this.hasTime ? lo : 0;
    this.dataMax = this.hasTime ? Math.max(hi, lo) : 1;
    this.openEnd = tl.end != null ? Math.max(tl.end, this.dataMax) : this.dataMax;
    const r = Math.max(this.dataMax - this.dataMin, 1000);
    this.ovLo = this.dataMin - r * 0.03;
    this.ovHi = this.dataMin + r * 1.03;
    this.mode = o.mode || this.mode;
    this.base = o.base ?? tl.start ?? this.dataMin;
    this.phases = o.phases || new Set();
    this.text = o.text || "";
    this.filterInput.value = this.text;
    this.selected = -1;
    this.hover = -1;
    this.labelCache.clear();
    this.refilter();
    if (o.view && isFinite(o.view[0]) && isFinite(o.view[1]) && o.view[1] > o.view[0]) this.setView(o.view[0], o.view[1], true);
    else this.fit(true);
    if (o.lane) this.select(o.lane, { scroll: true, notify: false });
    this.canvas.setAttribute("aria-label", "Timeline of " + fmtNum(this.lanes.length) + " elements");
    this.layout();
  }

  refilter() {
    const n = this.lanes.length;
    const ph = this.phases;
    const q = this.text.trim().toLowerCase();
    if (!ph.size && !q) {
      this.vis = new Int32Array(n);
      for (let i = 0; i < n; i++) this.vis[i] = i;
    } else {
      const out = new Int32Array(n);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const l = this.lanes[i];
        if (ph.size && !ph.has(l.phase)) continue;
        if (q && !(l.label.toLowerCase().includes(q) || l.id.toLowerCase().includes(q) || (l.type && l.type.toLowerCase().includes(q)))) continue;
        out[k++] = i;
      }
      this.vis = out.slice(0, k);
    }
    this.visPos = null;
    this.ovHist = null;
    this.countEl.textContent = this.vis.length === n ? fmtNum(n) + (n === 1 ? " lane" : " lanes") : fmtNum(this.vis.length) + " of " + fmtNum(n) + " lanes";
    this.layout();
  }

  setPhaseFilter(set) { this.phases = set; this.refilter(); }
  setTextFilter(text) { this.text = text || ""; if (this.filterInput.value !== this.text) this.filterInput.value = this.text; this.refilter(); }
  setMode(mode, base) { this.mode = mode; if (base != null) this.base = base; this.updateRange(); this.invalidate(); }
  refreshTheme() { this.colors = null; this.invalidate(); }

  isVisible(id) {
    const i = this.index ? this.index.get(id) : undefined;
    return i != null && this.posOf(i) >= 0;
  }

  posOf(laneIdx) {
    if (!this.visPos) {
      this.visPos = new Map();
      for (let k = 0; k < this.vis.length; k++) this.visPos.set(this.vis[k], k);
    }
    const p = this.visPos.get(laneIdx);
    return p == null ? -1 : p;
  }

  selectedLane() { return this.selected >= 0 ? this.lanes[this.selected] : null; }

  /** Select a lane by id. o: {scroll, at (ms to bring into view), notify} */
  select(id, o = {}) {
    const i = id == null ? -1 : (this.index.get(id) ?? -1);
    this.selected = i;
    if (i >= 0 && o.scroll) this.scrollToLane(i);
    if (i >= 0 && o.at != null && (o.at < this.v0 || o.at > this.v1)) {
      const r = this.v1 - this.v0;
      this.setView(o.at - r / 2, o.at + r / 2);
    }
    this.invalidate();
    if (o.notify !== false && this.opts.onSelect) this.opts.onSelect(i >= 0 ? this.lanes[i] : null);
    return i >= 0;
  }

  /** Move the selection by `d` visible lanes. */
  step(d) {
    if (!this.vis.length) return;
    let p = this.selected >= 0 ? this.posOf(this.selected) : -1;
    p = p < 0 ? (d > 0 ? 0 : this.vis.length - 1) : Math.max(0, Math.min(this.vis.length - 1, p + d));
    this.select(this.lanes[this.vis[p]].id, { scroll: true });
  }

  scrollToLane(i) {
    const p = this.posOf(i);
    if (p < 0) return;
    const top = p * LANE_H;
    const viewH = this.H - AXIS_H;
    const st = this.scroll.scrollTop;
    if (top < st || top + LANE_H > st + viewH) this.scroll.scrollTop = Math.max(0, top - viewH / 2 + LANE_H / 2);
  }

  // ---- view ---------------------------------------------------------------------------

  getView() { return [this.v0, this.v1]; }

  setView(t0, t1, silent) {
    const fitR = Math.max(1000, this.dataMax - this.dataMin);
    let r = Math.max(MIN_RANGE, Math.min(t1 - t0, fitR * 200));
    const c = (t0 + t1) / 2;
    this.v0 = c - r / 2;
    this.v1 = c + r / 2;
    this.updateRange();
    this.invalidate();
    if (!silent && this.opts.onViewChange) this.opts.onViewChange([Math.round(this.v0), Math.round(this.v1)]);
  }

  fit(silent) {
    if (!this.hasTime) { this.v0 = 0; this.v1 = 1; this.updateRange(); this.invalidate(); return; }
    const r = Math.max(this.dataMax - this.dataMin, 1000);
    const pad = r * 0.03;
    this.setView(this.dataMin - pad, this.dataMin + r + pad, silent);
    if (!silent && this.opts.onViewChange) this.opts.onViewChange(null);
  }

  zoomBy(f, anchorX) {
    if (!this.hasTime) return;
    const x0 = this.plotX0, w = this.plotW;
    const ax = anchorX == null ? x0 + w / 2 : Math.max(x0, Math.min(x0 + w, anchorX));
    const ta = this.v0 + ((ax - x0) / w) * (this.v1 - this.v0);
    const r = Math.max(MIN_RANGE, (this.v1 - this.v0) * f);
    const t0 = ta - ((ax - x0) / w) * r;
    this.setView(t0, t0 + r);
  }

  panBy(fraction) {
    const r = this.v1 - this.v0;
    this.setView(this.v0 + r * fraction, this.v1 + r * fraction);
  }

  updateRange() {
    if (!this.hasTime) { this.rangeEl.textContent = "no times in this payload"; return; }
    this.rangeEl.textContent = fmtTime(this.v0, this.mode, this.base) + " → " + fmtTime(this.v1, this.mode, this.base) + "  (" + fmtDuration(this.v1 - this.v0) + ")";
  }

  // ---- layout / drawing -----------------------------------------------------------------

  layout() {
    const W = Math.max(200, this.body.clientWidth || 800);
    const content = AXIS_H + this.count() * LANE_H + 6;
    const maxH = Math.max(220, Math.min(Math.round(window.innerHeight * 0.62), 720));
    const H = Math.max(AXIS_H + LANE_H * 3 + 6, Math.min(content, maxH));
    this.W = W;
    this.H = H;
    this.scroll.style.height = H + "px";
    this.spacer.style.height = Math.max(0, content - H) + "px";
    const cw = this.scroll.clientWidth || W;
    this.W = cw;
    this.labelW = Math.round(Math.max(130, Math.min(300, cw * 0.24)));
    this.plotX0 = this.labelW + 1;
    this.plotW = Math.max(50, cw - this.plotX0 - RIGHT_PAD);
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = cw + "px";
    this.canvas.style.height = H + "px";
    const pw = Math.round(cw * dpr), ph = Math.round(H * dpr);
    if (this.canvas.width !== pw || this.canvas.height !== ph) {
      this.canvas.width = pw;
      this.canvas.height = ph;
    }
    this.dpr = dpr;
    this.ov.style.width = cw + "px";
    this.ov.style.height = OV_H + "px";
    const ow = Math.round(cw * dpr), oh = Math.round(OV_H * dpr);
    if (this.ov.width !== ow || this.ov.height !== oh) { this.ov.width = ow; this.ov.height = oh; this.ovHist = null; }
    this.invalidate();
  }

  // ---- overview -----------------------------------------------------------------------

  ovX(t) { return this.plotX0 + ((t - this.ovLo) / (this.ovHi - this.ovLo)) * this.plotW; }
  ovT(x) { return this.ovLo + ((x - this.plotX0) / this.plotW) * (this.ovHi - this.ovLo); }

  /** Per pixel column and phase: how many visible spans are active (difference arrays, O(lanes + columns)). */
  overviewHist() {
    if (this.ovHist && this.ovHist.w === Math.round(this.plotW)) return this.ovHist;
    const w = Math.max(1, Math.round(this.plotW));
    const cols = {};
    for (const p of PHASES) cols[p] = new Float64Array(w + 2);
    const span = this.ovHi - this.ovLo;
    const col = (t) => Math.max(0, Math.min(w - 1, Math.floor(((t - this.ovLo) / span) * w)));
    for (let k = 0; k < this.vis.length; k++) {
      const lane = this.lanes[this.vis[k]];
      for (const s of lane.spans) {
        const d = cols[s.phase] || cols.Unknown;
        const a = col(s.start), b = col(this.spanEnd(s));
        d[a] += 1;
        d[b + 1] -= 1;
      }
    }
    let max = 0;
    const tot = new Float64Array(w);
    for (const p of PHASES) {
      const d = cols[p];
      let run = 0;
      for (let x = 0; x < w; x++) { run += d[x]; d[x] = run; tot[x] += run; }
    }
    for (let x = 0; x < w; x++) if (tot[x] > max) max = tot[x];
    this.ovHist = { w, cols, max };
    return this.ovHist;
  }

  drawOverview() {
    const ctx = this.ov.getContext("2d");
    if (!ctx) return;
    const C = this.colors;
    const W = this.W, H = OV_H;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = C.axisBg;
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = C.border;
    ctx.fillRect(0, H - 1, W, 1);
    ctx.fillRect(this.labelW, 0, 1, H);
    ctx.fillStyle = C.muted;
    ctx.font = FONT_SMALL;
    ctx.textBaseline = "middle";
    ctx.fillText("OVERVIEW", 10, H / 2);
    if (!this.hasTime) return;
    const hist = this.overviewHist();
    const x0 = this.plotX0;
    const top = 4, hh = H - 9;
    if (hist && hist.max > 0) {
      // Stacked per phase, failures on top so they stay visible.
      const order = ["Succeeded", "Skipped", "Cancelled", "Pending", "Unknown", "Running", "Failed"];
      const scale = hh / Math.sqrt(hist.max);
      for (let x = 0; x < hist.w; x++) {
        let total = 0;
        for (const p of order) total += hist.cols[p][x];
        if (!total) continue;
        const height = Math.max(1, Math.sqrt(total) * scale);
        let y = top + hh;
        for (const p of order) {
          const n = hist.cols[p][x];
          if (!n) continue;
          const part = Math.max(n > 0 ? 0.6 : 0, (n / total) * height);
          ctx.fillStyle = C.ph[p];
          ctx.fillRect(x0 + x, y - part, 1, part);
          y -= part;
        }
      }
    }
    // The visible window: the rest dimmed.
    const a = Math.max(x0, this.ovX(this.v0)), b = Math.min(x0 + this.plotW, this.ovX(this.v1));
    ctx.fillStyle = C.ovDim;
    if (a > x0) ctx.fillRect(x0, 0, a - x0, H - 1);
    if (b < x0 + this.plotW + RIGHT_PAD) ctx.fillRect(Math.max(x0, b), 0, x0 + this.plotW + RIGHT_PAD - Math.max(x0, b), H - 1);
    ctx.strokeStyle = C.accent;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(Math.round(Math.min(a, b)) + 0.75, 1.5, Math.max(2, b - a) - 1.5, H - 4);
    ctx.lineWidth = 1;
    if (this.ovDrag && this.ovDrag.mode === "brush" && this.ovDrag.moved) {
      const l = Math.min(this.ovDrag.x, this.ovDrag.cx), r = Math.max(this.ovDrag.x, this.ovDrag.cx);
      ctx.fillStyle = C.sel;
      ctx.fillRect(l, 0, r - l, H - 1);
    }
  }

  ovPos(e) {
    const r = this.ov.getBoundingClientRect();
    return e.clientX - r.left;
  }

  onOvDown(e) {
    if (!this.hasTime || e.button !== 0) return;
    const x = this.ovPos(e);
    const a = this.ovX(this.v0), b = this.ovX(this.v1);
    const inside = x >= a - 2 && x <= b + 2;
    this.ovDrag = { mode: inside ? "move" : "brush", x, cx: x, v0: this.v0, v1: this.v1, moved: false };
    try { this.ov.setPointerCapture(e.pointerId); } catch (_) { /* synthetic */ }
    e.preventDefault();
  }

  onOvMove(e) {
    const d = this.ovDrag;
    if (!d) return;
    const x = this.ovPos(e);
    d.cx = x;
    if (Math.abs(x - d.x) > 3) d.moved = true;
    if (!d.moved) return;
    if (d.mode === "move") {
      const dt = this.ovT(x) - this.ovT(d.x);
      this.setView(d.v0 + dt, d.v1 + dt);
    } else this.invalidate();
  }

  onOvUp(e) {
    const d = this.ovDrag;
    this.ovDrag = null;
    if (!d) return;
    const x = this.ovPos(e);
    if (d.mode === "brush" && d.moved) {
      const t0 = this.ovT(Math.min(d.x, x)), t1 = this.ovT(Math.max(d.x, x));
      this.setView(t0, t1);
    } else if (!d.moved) {
      const t = this.ovT(x), r = this.v1 - this.v0;
      this.setView(t - r / 2, t + r / 2);
    }
    this.invalidate();
  }

  invalidate() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  readColors() {
    const cs = getComputedStyle(this.el);
    const v = (n, d) => (cs.getPropertyValue(n) || "").trim() || d;
    const ph = {};
    for (const p of PHASES) ph[p] = v("--ph-" + p.toLowerCase(), "#888");
    this.colors = {
      ph,
      bg: v("--tl-bg", "#fff"), zebra: v("--tl-zebra", "#f6f8fa"), grid: v("--tl-grid", "#e5e7eb"),
      axisBg: v("--tl-axis-bg", "#f6f8fa"), gutterBg: v("--tl-gutter-bg", "#fbfcfd"), border: v("--border", "#d0d7de"),
      fg: v("--fg", "#1f2328"), muted: v("--muted", "#656d76"), sel: v("--tl-sel", "rgba(9,105,218,.12)"),
      hover: v("--tl-hover", "rgba(0,0,0,.04)"), accent: v("--accent", "#0969da"), barText: v("--tl-bar-text", "#fff"),
      endLine: v("--tl-endline", "#8c959f"), ovDim: v("--tl-ov-dim", "rgba(0,0,0,.08)"),
    };
  }

  x(t) { return this.plotX0 + ((t - this.v0) / (this.v1 - this.v0)) * this.plotW; }
  t(x) { return this.v0 + ((x - this.plotX0) / this.plotW) * (this.v1 - this.v0); }

  ticks() {
    const msPerPx = (this.v1 - this.v0) / this.plotW;
    const want = msPerPx * 110;
    let step = STEPS[STEPS.length - 1];
    for (const s of STEPS) if (s >= want) { step = s; break; }
    let origin = 0;
    if (this.mode === "rel") origin = this.base || 0;
    else if (this.mode === "local") origin = -tzOffsetMs(this.v0);
    const first = origin + Math.ceil((this.v0 - origin) / step) * step;
    const out = [];
    for (let t = first; t <= this.v1 && out.length < 400; t += step) out.push(t);
    return { step, list: out };
  }

  label(i, maxW, ctx) {
    if (this.labelCacheW !== maxW) { this.labelCache.clear(); this.labelCacheW = maxW; }
    let s = this.labelCache.get(i);
    if (s != null) return s;
    const full = this.lanes[i].label;
    s = full;
    if (ctx.measureText(s).width > maxW) {
      let lo = 0, hi = full.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.measureText(full.slice(0, mid) + "…").width <= maxW) lo = mid; else hi = mid - 1;
      }
      s = full.slice(0, lo) + "…";
    }
    if (this.labelCache.size > 5000) this.labelCache.clear();
    this.labelCache.set(i, s);
    return s;
  }

  draw() {
    const ctx = this.canvas.getContext("2d");
    if (!ctx || !this.W) return;
    if (!this.colors) this.readColors();
    const C = this.colors;
    const W = this.W, H = this.H, dpr = this.dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = C.bg;
    ctx.fillRect(0, 0, W, H);
    ctx.font = FONT;
    ctx.textBaseline = "middle";

    const st = this.scroll.scrollTop;
    const first = Math.max(0, Math.floor(st / LANE_H));
    const last = Math.min(this.count() - 1, Math.floor((st + H - AXIS_H) / LANE_H));
    const x0 = this.plotX0, x1 = this.plotX0 + this.plotW;
    const ticks = this.hasTime ? this.ticks() : { step: 0, list: [] };

    // lane backgrounds
    for (let p = first; p <= last; p++) {
      const y = AXIS_H + p * LANE_H - st;
      if (this.isSel(p)) { ctx.fillStyle = C.sel; ctx.fillRect(0, y, W, LANE_H); }
      else if (this.isHover(p)) { ctx.fillStyle = C.hover; ctx.fillRect(0, y, W, LANE_H); }
      else if (p % 2 === 1) { ctx.fillStyle = C.zebra; ctx.fillRect(0, y, W, LANE_H); }
    }

    // grid
    ctx.strokeStyle = C.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const t of ticks.list) {
      const x = Math.round(this.x(t)) + 0.5;
      ctx.moveTo(x, AXIS_H); ctx.lineTo(x, H);
    }
    ctx.stroke();

    // spans and markers, clipped to the plot area
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, AXIS_H, x1 - x0 + RIGHT_PAD, H - AXIS_H);
    ctx.clip();
    if (this.hasTime) {
      // run start / end
      ctx.setLineDash([3, 3]);
      ctx.strokeStyle = C.endLine;
      ctx.beginPath();
      for (const t of [this.tl.start, this.tl.end]) {
        if (t == null || t < this.v0 || t > this.v1) continue;
        const x = Math.round(this.x(t)) + 0.5;
        ctx.moveTo(x, AXIS_H); ctx.lineTo(x, H);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      this.drawRows(ctx, first, last, st);
    }
    ctx.restore();

    // label gutter
    ctx.fillStyle = C.gutterBg;
    ctx.fillRect(0, AXIS_H, this.labelW, H - AXIS_H);
    for (let p = first; p <= last; p++) {
      const y = AXIS_H + p * LANE_H - st;
      if (this.isSel(p)) { ctx.fillStyle = C.sel; ctx.fillRect(0, y, this.labelW, LANE_H); }
      else if (this.isHover(p)) { ctx.fillStyle = C.hover; ctx.fillRect(0, y, this.labelW, LANE_H); }
      this.drawGutterRow(ctx, p, y);
    }
    ctx.fillStyle = C.border;
    ctx.fillRect(this.labelW, 0, 1, H);

    // axis
    ctx.fillStyle = C.axisBg;
    ctx.fillRect(0, 0, W, AXIS_H);
    ctx.fillStyle = C.border;
    ctx.fillRect(0, AXIS_H - 1, W, 1);
    ctx.fillStyle = C.muted;
    ctx.font = FONT_SMALL;
    ctx.textBaseline = "alphabetic";
    ctx.fillText(this.mode === "rel" ? "RELATIVE TO START" : this.mode === "local" ? "LOCAL TIME" : "UTC", 10, 12);
    ctx.fillStyle = C.fg;
    ctx.font = FONT;
    const zoneLine = this.mode === "rel"
      ? (this.base != null ? "0 = " + fmtTime(this.base, "utc") : "")
      : this.mode === "local" ? tzLabel("local").replace(/^Local · /, "") + (this.hasTime ? " · " + fmtDate(this.v0, "local") : "")
        : (this.hasTime ? fmtDate(this.v0, "utc") : "");
    ctx.fillText(this.labelFit(ctx, zoneLine, this.labelW - 16), 10, 25);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, 0, x1 - x0 + RIGHT_PAD, AXIS_H);
    ctx.clip();
    ctx.strokeStyle = C.muted;
    ctx.beginPath();
    for (const t of ticks.list) {
      const x = Math.round(this.x(t)) + 0.5;
      ctx.moveTo(x, AXIS_H - 6); ctx.lineTo(x, AXIS_H - 1);
    }
    ctx.stroke();
    ctx.fillStyle = C.fg;
    ctx.textAlign = "center";
    for (const t of ticks.list) {
      const x = this.x(t);
      const s = fmtTick(t, ticks.step, this.mode, this.base);
      const w = ctx.measureText(s).width;
      const cx = Math.max(x0 + w / 2 + 2, Math.min(x1 + RIGHT_PAD - w / 2 - 2, x));
      ctx.fillText(s, cx, 18);
    }
    ctx.textAlign = "left";
    ctx.restore();
    ctx.fillStyle = C.border;
    ctx.fillRect(this.labelW, 0, 1, AXIS_H);

    if (!this.hasTime || !this.count()) {
      ctx.fillStyle = C.muted;
      ctx.font = FONT;
      ctx.textAlign = "center";
      const msg = !this.total() ? "This run has no elements to draw."
        : !this.count() ? "No lane matches the filters."
          : "No element in this payload carries a time: lanes are listed without bars.";
      ctx.fillText(msg, x0 + this.plotW / 2, AXIS_H + Math.min(H - AXIS_H, 80) / 2 + 12);
      ctx.textAlign = "left";
    }
    if (this.highlight) this.dimRows(ctx, first, last, st);
    ctx.textBaseline = "alphabetic";
    this.drawOverview();
  }

  // ---- highlight (the dependency graph's root cause or critical path) ----------------------

  /** Lanes whose id is not in `ids` are drawn dimmed; null: none is. */
  setHighlight(ids) {
    this.highlight = ids && ids.size ? ids : null;
    this.invalidate();
  }

  /** (Lanes drawn from frames carry no id here: not dimmed.) */
  dimRows(ctx, first, last, st) {
    if (!this.lanes.length) return;
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, AXIS_H, this.W, this.H - AXIS_H);
    ctx.clip();
    ctx.globalAlpha = 0.62;
    ctx.fillStyle = this.colors.bg;
    for (let p = first; p <= last; p++) {
      const lane = this.lanes[this.vis[p]];
      if (lane && !this.highlight.has(lane.id)) ctx.fillRect(0, AXIS_H + p * LANE_H - st, this.W, LANE_H);
    }
    ctx.restore();
  }

  // ---- hooks (FrameTimelineView in frames.js draws from the core's frames instead) ----------

  /** Visible lanes. */
  count() { return this.vis.length; }
  /** All lanes. */
  total() { return this.lanes.length; }
  isSel(p) { return this.vis[p] === this.selected; }
  isHover(p) { return this.vis[p] === this.hover; }

  drawRows(ctx, first, last, st) {
    for (let p = first; p <= last; p++) {
      const i = this.vis[p];
      const y = AXIS_H + p * LANE_H - st;
      this.drawLane(ctx, this.lanes[i], y, i === this.selected);
    }
  }

  drawGutterRow(ctx, p, y) {
    const C = this.colors;
    const i = this.vis[p];
    const l = this.lanes[i];
    ctx.fillStyle = C.ph[l.phase] || C.ph.Unknown;
    ctx.beginPath();
    ctx.arc(12, y + LANE_H / 2, 4, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = C.fg;
    ctx.font = i === this.selected ? "600 " + FONT : FONT;
    ctx.fillText(this.label(i, this.labelW - 30, ctx), 22, y + LANE_H / 2 + 0.5);
    ctx.font = FONT;
    if (!l.spans.length && !l.markers.length && this.hasTime) {
      ctx.fillStyle = C.muted;
      ctx.font = FONT_SMALL;
      ctx.fillText("no time in the payload", this.plotX0 + 6, y + LANE_H / 2);
      ctx.font = FONT;
    }
  }

  /** Whether a lane with this id exists (visible or not). */
  hasLane(id) { return !!this.index && this.index.has(id); }

  labelFit(ctx, s, w) {
    if (ctx.measureText(s).width <= w) return s;
    let lo = 0, hi = s.length;
    while (lo < hi) { const m = (lo + hi + 1) >> 1; if (ctx.measureText(s.slice(0, m) + "…").width <= w) lo = m; else hi = m - 1; }
    return s.slice(0, lo) + "…";
  }

  spanEnd(s) {
    return s.end != null ? s.end : Math.max(this.openEnd, s.start);
  }

  drawLane(ctx, lane, y, selected) {
    const C = this.colors;
    const x0 = this.plotX0, x1 = this.plotX0 + this.plotW + RIGHT_PAD;
    const by = y + (LANE_H - BAR_H) / 2;
    for (const s of lane.spans) {
      const e = this.spanEnd(s);
      if (e < this.v0 || s.start > this.v1) continue;
      const col = C.ph[s.phase] || C.ph.Unknown;
      const sx = this.x(s.start), ex = this.x(e);
      const a = Math.max(x0 - 4, sx);
      const b = Math.min(x1 + 4, ex);
      let w = Math.max(s.end == null ? 24 : 2, b - a);
      const left = a, right = left + w;
      const fade = Math.min(26, w * 0.45);
      const open = s.end == null;
      // body
      const solidL = s.startInferred && sx >= x0 - 4 ? left + fade : left;
      const solidR = open && ex <= x1 + 4 ? right - fade : right;
      ctx.fillStyle = col;
      if (solidR > solidL) ctx.fillRect(solidL, by, solidR - solidL, BAR_H);
      if (solidL > left) {
        const g = ctx.createLinearGradient(left, 0, solidL, 0);
        g.addColorStop(0, rgba(col, 0.08));
        g.addColorStop(1, col);
        ctx.fillStyle = g;
        ctx.fillRect(left, by, solidL - left, BAR_H);
        // dotted edge: "the payload has no start for it"
        ctx.strokeStyle = rgba(col, 0.9);
        ctx.setLineDash([2, 2]);
        ctx.beginPath();
        ctx.moveTo(Math.round(left) + 0.5, by); ctx.lineTo(Math.round(left) + 0.5, by + BAR_H);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      if (right > solidR) {
        const g = ctx.createLinearGradient(solidR, 0, right, 0);
        g.addColorStop(0, col);
        g.addColorStop(1, rgba(col, 0.2));
        ctx.fillStyle = g;
        ctx.fillRect(solidR, by, right - solidR, BAR_H);
        // arrow: still open
        ctx.fillStyle = col;
        ctx.beginPath();
        ctx.moveTo(right + 1, by + 1);
        ctx.lineTo(right + 7, y + LANE_H / 2);
        ctx.lineTo(right + 1, by + BAR_H - 1);
        ctx.closePath();
        ctx.fill();
      }
      if (selected) {
        ctx.strokeStyle = C.fg;
        ctx.lineWidth = 1.5;
        ctx.strokeRect(left + 0.5, by - 0.5, w - 1, BAR_H + 1);
        ctx.lineWidth = 1;
      }
      // duration text inside wide bars
      if (w > 70 && !lane.markers.length) {
        const txt = open ? "open · " + fmtDuration(e - s.start) : fmtDuration(e - s.start);
        ctx.font = FONT_SMALL;
        const tw = ctx.measureText(txt).width;
        if (tw + 12 < w) {
          ctx.fillStyle = C.barText;
          const tx = Math.max(left + 6, Math.min(right - tw - 6, Math.max(x0 + 6, left + 6)));
          ctx.fillText(txt, tx, y + LANE_H / 2 + 0.5);
        }
        ctx.font = FONT;
      }
    }
    // markers (one per pixel column and kind)
    if (lane.markers.length) {
      const cy = y + LANE_H / 2;
      let lastX = -1e9, lastKind = "";
      for (const m of lane.markers) {
        if (m.at < this.v0 || m.at > this.v1) continue;
        const mx = Math.round(this.x(m.at));
        if (mx === lastX && m.kind === lastKind) continue;
        lastX = mx; lastKind = m.kind;
        this.drawMarker(ctx, m.kind, mx + 0.5, cy);
        if (m.count > 1) {
          ctx.font = FONT_SMALL;
          ctx.fillStyle = C.fg;
          ctx.fillText("×" + m.count, mx + 6, cy - 5);
          ctx.font = FONT;
        }
      }
    }
  }

  drawMarker(ctx, kind, x, y) {
    const C = this.colors;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = C.bg;
    ctx.beginPath();
    if (kind === "failure") {
      ctx.moveTo(x, y - 5); ctx.lineTo(x + 5, y); ctx.lineTo(x, y + 5); ctx.lineTo(x - 5, y); ctx.closePath();
      ctx.fillStyle = C.ph.Failed;
      ctx.fill(); ctx.stroke();
    } else if (kind === "success") {
      ctx.arc(x, y, 4, 0, Math.PI * 2);
      ctx.fillStyle = C.ph.Succeeded;
      ctx.fill(); ctx.stroke();
    } else if (kind === "start") {
      ctx.arc(x, y, 3.5, 0, Math.PI * 2);
      ctx.fillStyle = C.bg;
      ctx.fill();
      ctx.strokeStyle = C.ph.Running;
      ctx.stroke();
    } else {
      ctx.lineWidth = 1;
      ctx.rect(x - 3.5, y - 3.5, 7, 7);
      ctx.fillStyle = C.ph.Unknown;
      ctx.fill(); ctx.stroke();
    }
    ctx.lineWidth = 1;
  }

  // ---- interaction ---------------------------------------------------------------------

  pos(e) {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  laneAtY(y) {
    if (y < AXIS_H) return -1;
    const p = Math.floor((y - AXIS_H + this.scroll.scrollTop) / LANE_H);
    return p >= 0 && p < this.vis.length ? this.vis[p] : -1;
  }

  hit(x, y) {
    const i = this.laneAtY(y);
    if (i < 0) return null;
    const lane = this.lanes[i];
    const res = { lane, index: i, span: null, marker: null };
    if (x < this.plotX0 || !this.hasTime) return res;
    let best = 6;
    for (const m of lane.markers) {
      if (m.at < this.v0 || m.at > this.v1) continue;
      const d = Math.abs(this.x(m.at) - x);
      if (d < best) { best = d; res.marker = m; }
    }
    const t = this.t(x);
    const tol = (this.v1 - this.v0) / this.plotW * 2;
    for (const s of lane.spans) {
      if (t >= s.start - tol && t <= this.spanEnd(s) + tol) { res.span = s; break; }
    }
    return res;
  }

  onWheel(e) {
    e.preventDefault();
    const { x } = this.pos(e);
    const overGutter = x < this.plotX0;
    if (e.shiftKey || overGutter) {
      this.scroll.scrollTop += (e.shiftKey && !e.deltaY ? e.deltaX : e.deltaY);
      return;
    }
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      this.panBy(e.deltaX / this.plotW);
      return;
    }
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
    this.zoomBy(Math.pow(1.0018, Math.max(-300, Math.min(300, dy))), x);
  }

  onDown(e) {
    if (e.button !== 0) return;
    const p = this.pos(e);
    this.drag = { x: p.x, y: p.y, v0: this.v0, v1: this.v1, st: this.scroll.scrollTop, moved: false, id: e.pointerId };
    try { this.canvas.setPointerCapture(e.pointerId); } catch (_) { /* synthetic */ }
  }

  onMove(e) {
    const p = this.pos(e);
    if (this.drag) {
      const dx = p.x - this.drag.x, dy = p.y - this.drag.y;
      if (!this.drag.moved && Math.abs(dx) + Math.abs(dy) > 4) { this.drag.moved = true; this.hideTip(); this.canvas.classList.add("grabbing"); }
      if (this.drag.moved) {
        if (this.hasTime && this.drag.x >= this.plotX0) {
          const ms = (dx / this.plotW) * (this.drag.v1 - this.drag.v0);
          this.setView(this.drag.v0 - ms, this.drag.v1 - ms);
        }
        this.scroll.scrollTop = this.drag.st - dy;
      }
      return;
    }
    this.hoverAt(p);
  }

  hoverAt(p) {
    const hit = this.hit(p.x, p.y);
    const hi = hit ? hit.index : -1;
    if (hi !== this.hover) { this.hover = hi; this.invalidate(); }
    this.canvas.style.cursor = hit ? "pointer" : "default";
    if (hit && (hit.span || hit.marker || p.x < this.plotX0)) this.showTip(hit, p);
    else this.hideTip();
  }

  onUp(e) {
    const d = this.drag;
    this.drag = null;
    this.canvas.classList.remove("grabbing");
    if (!d || d.moved) return;
    const p = this.pos(e);
    this.clickAt(p);
    this.canvas.focus({ preventScroll: true });
  }

  clickAt(p) {
    const i = this.laneAtY(p.y);
    if (i >= 0) this.select(this.lanes[i].id, {});
  }

  async onDbl(e) {
    const p = this.pos(e);
    const hit = await this.hit(p.x, p.y);
    if (hit && hit.span) {
      const s = hit.span.start, en = this.spanEnd(hit.span);
      const r = Math.max(en - s, 50);
      this.setView(s - r * 0.1, s + r * 1.1);
    } else this.zoomBy(0.5, p.x);
  }

  hideTip() { this.tip.hidden = true; }

  showTip(hit, p) {
    const { lane, span, marker } = hit;
    const rows = [];
    const row = (k, v, cls) => h("div", { class: "tip-row" }, h("span", { class: "tip-k" }, k), h("span", { class: ["tip-v", cls || ""] }, clipped(v, TIP_CHARS)));
    const head = h("div", { class: "tip-head" },
      h("span", { class: "tip-title" }, clipped(lane.label, TIP_CHARS)),
      h("span", { class: ["badge", "small", phaseClass(span ? span.phase : lane.phase)] }, h("span", { class: "dot" }), span ? span.phase : lane.phase));
    rows.push(head);
    if (lane.type || lane.action) rows.push(h("div", { class: "tip-sub" }, clipped([lane.type, lane.action ? "action " + lane.action : null].filter(Boolean).join(" · "), TIP_CHARS)));
    if (marker) {
      rows.push(row("Event", marker.text + (marker.count > 1 ? "  ×" + marker.count : "")));
      rows.push(row("Kind", KIND_LABEL[marker.kind] || marker.kind));
      rows.push(row("At", fmtTime(marker.at, this.mode, this.base), "mono-num"));
    } else if (span) {
      rows.push(row("Start", fmtTime(span.start, this.mode, this.base) + (span.startInferred ? "  (inferred: run start)" : ""), "mono-num"));
      if (span.source && START_SOURCES[span.source]) rows.push(row("Start from", START_SOURCES[span.source].text, "tip-src src-" + span.source));
      rows.push(row("End", span.end == null ? "open — still running" : fmtTime(span.end, this.mode, this.base), "mono-num"));
      rows.push(row("Duration", fmtDuration((span.end ?? this.openEnd) - span.start) + (span.end == null ? " so far" : ""), "mono-num"));
    } else {
      const s = lane.spans[0];
      if (s) rows.push(row("Start", fmtTime(s.start, this.mode, this.base), "mono-num"));
      rows.push(row("Spans", String(lane.spans.length)));
      if (lane.markers.length) rows.push(row("Events", fmtNum(lane.markers.length)));
    }
    if (lane.reason) rows.push(row("Reason", bilingual(lane.reasonBi, this.lang) || lane.reason));
    if (lane.message) rows.push(h("div", { class: "tip-msg" }, clipped(bilingual(lane.messageBi, this.lang) || lane.message, TIP_CHARS)));
    this.tip.replaceChildren(...rows);
    this.tip.hidden = false;
    const bw = this.body.clientWidth, bh = this.body.clientHeight;
    const tw = this.tip.offsetWidth, th = this.tip.offsetHeight;
    const oy = this.ov.offsetHeight;
    let lx = p.x + 14, ly = p.y + oy + 14;
    if (lx + tw > bw - 4) lx = Math.max(4, p.x - tw - 14);
    if (ly + th > bh - 4) ly = Math.max(4, p.y + oy - th - 10);
    this.tip.style.transform = "translate(" + Math.round(lx) + "px," + Math.round(ly) + "px)";
  }
}

