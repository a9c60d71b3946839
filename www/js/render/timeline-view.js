// @ts-check
// The timeline: one <canvas> with a lane per element, drawn from a lane source
// (types.d.ts LaneSource): ObjectLanes, a timeline held in the page, or
// FrameLanes, the core's TimelineView in the engine, drawn per pixel column.
// Either way only the rows on screen are drawn, redraws are batched with
// requestAnimationFrame, and what the source has not answered yet is drawn from
// its last answer (a frame scaled and shifted to the current window).
//
// This module holds the state (the source, the filter, the selection, the hover,
// the highlight) and composes the parts: timeline-toolbar.js, -viewport.js (the
// maths), -windows.js (the source's answers kept), -draw.js and -bars.js (the
// canvas), -overview.js, -input.js, -tip.js, -grid.js (the lanes as an ARIA
// grid in step with the canvas: the same rows, filter and selection);
// every word comes from the catalogs (www/js/i18n/), in the language of opts.m.
import { h } from "../dom.js";
import { fmtTime, fmtDuration } from "../fmt.js";
import { EN } from "../i18n/index.js";
import { later } from "./later.js";
import { Viewport } from "./timeline-viewport.js";
import { LANE_H, AXIS_H, RIGHT_PAD, readColors } from "./timeline-style.js";
import { Windows } from "./timeline-windows.js";
import { drawTimeline } from "./timeline-draw.js";
import { makeToolbar, fillLegend } from "./timeline-toolbar.js";
import { Overview } from "./timeline-overview.js";
import { installInput } from "./timeline-input.js";
import { tipRows, showTip } from "./timeline-tip.js";
import { LaneGrid } from "./timeline-grid.js";

/** @import { LaneSource, Lane, Phase, TimeMode, Lang, Hit, Later } from "../types.js" */
/** @import { Colors } from "./timeline-style.js" */
/** @import { Messages } from "../i18n/index.js" */

/** How near (px) the pointer must be to a span or marker for its tooltip. */
const HIT_PX = 4;

/**
 * @typedef {object} TimelineOptions
 * @property {(lane: Lane | null) => void} [onSelect]  a lane was selected (or none)
 * @property {(view: [number, number] | null) => void} [onViewChange]  the window moved (null: fit)
 * @property {(text: string) => void} [onFilterText]  the lane filter was typed in
 * @property {Messages} [m]  the interface's words, numbers and dates (default English)
 */

/**
 * How to show a source: o.mode and o.base (time display), o.phases and o.text
 * (the filter), o.view (the window, else fit), o.lane (select it).
 * @typedef {{mode?: TimeMode, base?: number | null, phases?: ReadonlySet<Phase>, text?: string, view?: [number, number] | null, lane?: string | null}} SourceOptions
 */

export class TimelineView {
  /** @param {TimelineOptions} [opts] */
  constructor(opts) {
    this.opts = opts || {};
    /** The interface's words (a new language mounts a new view, and with it a new timeline). */
    this.m = this.opts.m || EN;
    /** @type {LaneSource | null} */
    this.source = null;
    /** Bumps with every source and filter: answers of older ones are dropped. */
    this.gen = 0;
    /** Visible lanes (the last filter's answer). */
    this.count = 0;
    /** @type {ReadonlySet<Phase>} */
    this.phases = new Set();
    this.text = "";
    /** @type {TimeMode} */
    this.mode = "utc";
    /** @type {Lang} */
    this.lang = "both";
    /** @type {number | null} */
    this.base = null;
    this.vp = new Viewport();
    /** The selected lane (kept while the filter hides it), and its row (-1: hidden). @type {Lane | null} */
    this.sel = null;
    this.selRow = -1;
    /** The row under the pointer, the pointer, and whether a hit question is on its way. @type {{row: number, pos: {x: number, y: number} | null, busy: boolean}} */
    this.hover = { row: -1, pos: null, busy: false };
    /** Lanes drawn at full strength (null: all). @type {ReadonlySet<string> | null} */
    this.highlight = null;
    /** @type {Later<unknown>} */
    this.filtering = undefined;
    /** @type {Colors | null} */
    this.colors = null;
    this.frame = 0;
    this.dead = false;
    this.W = 0; this.H = 0; this.dpr = 1; this.labelW = 130;

    this.canvas = h("canvas", { class: "tl-canvas", tabindex: "0", role: "img", "data-testid": "timeline-canvas" });
    this.windows = new Windows(this.canvas, () => this.invalidate());
    this.spacer = h("div", { class: "tl-spacer" });
    this.scroll = h("div", { class: "tl-scroll" }, this.canvas, this.spacer);
    this.tip = h("div", { class: "tl-tip", role: "tooltip", "data-testid": "timeline-tooltip", hidden: true });
    this.bar = makeToolbar({
      zoomOut: () => this.zoomBy(1.6), zoomIn: () => this.zoomBy(1 / 1.6), fit: () => this.fit(),
      filter: (text) => { this.setTextFilter(text); if (this.opts.onFilterText) this.opts.onFilterText(text); },
    }, this.m);
    this.legend = h("div", { class: "tl-legend", "aria-label": this.m.t("tl.legend") });
    fillLegend(this.legend, "objects", this.m);
    this.overview = new Overview({ vp: this.vp, setView: (t0, t1) => this.setView(t0, t1), invalidate: () => this.invalidate(), m: this.m });
    this.body = h("div", { class: "tl-body" }, this.overview.canvas, this.scroll, this.tip);
    this.grid = new LaneGrid({
      m: this.m,
      lane: (row) => (this.source ? this.source.lane(row) : null),
      selectRow: (row) => { this.selectRow(row, { scroll: true }); },
      step: (d) => this.step(d),
      open: () => { if (this.sel && this.opts.onSelect) this.opts.onSelect(this.sel); },
    });
    this.el = h("div", { class: "timeline", "data-testid": "timeline" }, this.bar.el, this.body, this.legend, this.grid.el);

    this.scroll.addEventListener("scroll", () => {
      this.hideTip();
      this.invalidate();
      const first = Math.floor(this.scroll.scrollTop / LANE_H);
      this.grid.follow(first, first + Math.floor((this.H - AXIS_H) / LANE_H));
    }, { passive: true });
    this.input = installInput({
      canvas: this.canvas, scroll: this.scroll, vp: this.vp,
      zoomBy: (f, x) => this.zoomBy(f, x), panBy: (f) => this.panBy(f), setView: (t0, t1) => this.setView(t0, t1),
      hoverAt: (p) => this.hoverAt(p), clickAt: (p) => this.clickAt(p), dblAt: (p) => this.dblAt(p),
      hideTip: () => this.hideTip(),
      leave: () => { this.hover.row = -1; this.hover.pos = null; this.hideTip(); this.invalidate(); },
    });
    this.ro = new ResizeObserver(() => this.layout());
    this.ro.observe(this.body);
    this.onWinResize = () => this.layout();
    window.addEventListener("resize", this.onWinResize);
  }

  destroy() {
    this.dead = true;
    this.grid.destroy();
    this.ro.disconnect();
    window.removeEventListener("resize", this.onWinResize);
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  // ---- the source and its filter ----------------------------------------------------------

  /** Draw from `source`. @param {LaneSource} source @param {SourceOptions} [o] */
  setSource(source, o = {}) {
    this.source = source;
    this.count = source.count;
    this.vp.setData(source.range);
    this.mode = o.mode || this.mode;
    this.base = o.base ?? source.start ?? this.vp.dataMin;
    this.phases = o.phases || new Set();
    this.text = o.text || "";
    this.bar.filterInput.value = this.text;
    this.sel = null;
    this.selRow = -1;
    this.hover.row = -1;
    this.el.dataset.mode = source.kind;
    this.el.classList.toggle("tl-frames", source.kind === "frames");
    fillLegend(this.legend, source.kind, this.m);
    this.canvas.setAttribute("aria-label", this.m.t(source.kind === "frames" ? "tl.canvasLabelFrames" : "tl.canvasLabel", { n: source.total }));
    this.grid.setMode(this.mode, this.base, source.openEnd);
    this.grid.setSelected(-1);
    this.refilter();
    if (o.view && isFinite(o.view[0]) && isFinite(o.view[1]) && o.view[1] > o.view[0]) this.setView(o.view[0], o.view[1], true);
    else this.fit(true);
    if (o.lane) this.select(o.lane, { scroll: true, notify: false });
  }

  /** Ask the source to filter; the lanes are drawn again when it answers. */
  refilter() {
    const src = this.source;
    if (!src) return;
    const gen = ++this.gen;
    this.filtering = later(src.filter(this.phases, this.text.trim()), (n) => {
      if (gen !== this.gen || this.dead) return;
      this.count = n;
      const sel = this.sel;
      return later(sel ? src.find(sel.id) : null, (f) => {
        if (gen !== this.gen) return;
        this.selRow = f ? f.row : -1;
        this.grid.setRows(n);
        this.grid.setSelected(this.selRow, true);
        this.bar.countEl.textContent = n === src.total ? this.m.t("tl.lanes", { n }) : this.m.t("tl.lanesOf", { shown: n, n: src.total });
        this.el.dataset.filtered = String(gen);
        this.layout();
      });
    }, () => {});
  }

  /** @param {ReadonlySet<Phase>} set */
  setPhaseFilter(set) { this.phases = set; this.refilter(); }
  /** @param {string} text */
  setTextFilter(text) { this.text = text || ""; if (this.bar.filterInput.value !== this.text) this.bar.filterInput.value = this.text; this.refilter(); }
  /** @param {TimeMode} mode @param {number | null} [base] */
  setMode(mode, base) { this.mode = mode; if (base != null) this.base = base; this.updateRange(); this.grid.setMode(mode, this.base, this.openEnd ?? 1); this.invalidate(); }
  refreshTheme() { this.colors = null; this.invalidate(); }

  /** Draw the lanes not in `ids` dimmed (null: none dimmed). @param {ReadonlySet<string> | null} ids */
  setHighlight(ids) { this.highlight = ids; this.invalidate(); }

  /** Where open spans are drawn up to (the details panel's durations). */
  get openEnd() { return this.source ? this.source.openEnd : null; }

  // ---- selection ------------------------------------------------------------------------

  selectedLane() { return this.sel; }

  /** Whether a lane with this id exists (ObjectLanes: also when filtered out). @param {string} id */
  hasLane(id) { return this.found(id, (f) => f != null); }
  /** Whether the lane with this id is shown. @param {string} id */
  isVisible(id) { return this.found(id, (f) => f != null && f.row >= 0); }

  /**
   * @template T
   * @param {string} id @param {(f: {lane: Lane, row: number} | null) => T} fn
   */
  found(id, fn) {
    return later(this.filtering, () => this.source ? later(this.source.find(id), fn) : fn(null));
  }

  /**
   * Select a lane by id (none: null); answers whether it was found. o.scroll
   * brings it on screen, o.at (ms) into the window; o.notify false: no onSelect.
   * @param {string | null} id @param {{scroll?: boolean, at?: number | null, notify?: boolean}} [o]
   * @returns {Later<boolean>}
   */
  select(id, o = {}) {
    if (id == null) return this.selectFound(null, o);
    return this.found(id, (f) => this.selectFound(f, o));
  }

  /** Select the lane of a row. @param {number} row @param {{scroll?: boolean, notify?: boolean}} [o] */
  selectRow(row, o = {}) {
    const src = this.source;
    if (!src || row < 0 || row >= this.count) return this.selectFound(null, o);
    const gen = this.gen;
    return later(src.lane(row), (lane) => gen === this.gen && !this.dead && this.selectFound(lane ? { lane, row } : null, o));
  }

  /** @param {{lane: Lane, row: number} | null} f @param {{scroll?: boolean, at?: number | null, notify?: boolean}} o */
  selectFound(f, o) {
    this.sel = f ? f.lane : null;
    this.selRow = f ? f.row : -1;
    this.grid.setSelected(this.selRow, true);
    if (f && f.row >= 0 && o.scroll) this.scrollToRow(f.row);
    if (f && o.at != null && (o.at < this.vp.v0 || o.at > this.vp.v1)) {
      const [t0, t1] = this.vp.centred(o.at);
      this.setView(t0, t1);
    }
    this.invalidate();
    if (o.notify !== false && this.opts.onSelect) this.opts.onSelect(this.sel);
    return f != null;
  }

  /** Move the selection by `d` visible lanes. @param {number} d */
  step(d) {
    const n = this.count;
    if (!n) return;
    const p = this.selRow < 0 ? (d > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, this.selRow + d));
    this.selectRow(p, { scroll: true });
  }

  /** @param {number} p */
  scrollToRow(p) {
    const top = p * LANE_H;
    const viewH = this.H - AXIS_H;
    const st = this.scroll.scrollTop;
    if (top < st || top + LANE_H > st + viewH) this.scroll.scrollTop = Math.max(0, top - viewH / 2 + LANE_H / 2);
  }

  // ---- the window in time ---------------------------------------------------------------

  /** @returns {[number, number]} */
  getView() { return [this.vp.v0, this.vp.v1]; }

  /** @param {number} t0 @param {number} t1 @param {boolean} [silent] no onViewChange */
  setView(t0, t1, silent) {
    this.vp.set(t0, t1);
    this.updateRange();
    this.invalidate();
    if (!silent && this.opts.onViewChange) this.opts.onViewChange([Math.round(this.vp.v0), Math.round(this.vp.v1)]);
  }

  /** Show the whole run. @param {boolean} [silent] */
  fit(silent) {
    if (!this.vp.hasTime) { this.vp.v0 = 0; this.vp.v1 = 1; this.updateRange(); this.invalidate(); return; }
    const [t0, t1] = this.vp.fitRange();
    this.setView(t0, t1, silent);
    if (!silent && this.opts.onViewChange) this.opts.onViewChange(null);
  }

  /** @param {number} f @param {number} [anchorX] */
  zoomBy(f, anchorX) {
    if (!this.vp.hasTime) return;
    const [t0, t1] = this.vp.zoomed(f, anchorX);
    this.setView(t0, t1);
  }

  /** @param {number} fraction */
  panBy(fraction) {
    const [t0, t1] = this.vp.panned(fraction);
    this.setView(t0, t1);
  }

  updateRange() {
    const vp = this.vp;
    const m = this.m;
    this.bar.rangeEl.textContent = !vp.hasTime ? m.t("tl.noTimes")
      : m.t("tl.range", { from: fmtTime(vp.v0, this.mode, this.base, m), to: fmtTime(vp.v1, this.mode, this.base, m), duration: fmtDuration(vp.v1 - vp.v0, m) });
  }

  // ---- layout and drawing -----------------------------------------------------------------

  layout() {
    const W = Math.max(200, this.body.clientWidth || 800);
    const content = AXIS_H + this.count * LANE_H + 6;
    const maxH = Math.max(220, Math.min(Math.round(window.innerHeight * 0.62), 720));
    const H = Math.max(AXIS_H + LANE_H * 3 + 6, Math.min(content, maxH));
    this.H = H;
    this.scroll.style.height = H + "px";
    this.spacer.style.height = Math.max(0, content - H) + "px";
    const cw = this.scroll.clientWidth || W;
    this.W = cw;
    this.labelW = Math.round(Math.max(130, Math.min(300, cw * 0.24)));
    this.vp.plotX0 = this.labelW + 1;
    this.vp.plotW = Math.max(50, cw - this.vp.plotX0 - RIGHT_PAD);
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = cw + "px";
    this.canvas.style.height = H + "px";
    const pw = Math.round(cw * dpr), ph = Math.round(H * dpr);
    if (this.canvas.width !== pw || this.canvas.height !== ph) {
      this.canvas.width = pw;
      this.canvas.height = ph;
    }
    this.dpr = dpr;
    this.overview.size(cw, dpr);
    this.invalidate();
  }

  invalidate() {
    if (this.frame || this.dead) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  draw() {
    const ctx = this.canvas.getContext("2d");
    if (!ctx || !this.W) return;
    const t = performance.now();
    if (!this.colors) this.colors = readColors(this.el);
    const st = this.scroll.scrollTop;
    const first = Math.max(0, Math.floor(st / LANE_H));
    const last = Math.min(this.count - 1, Math.floor((st + this.H - AXIS_H) / LANE_H));
    const src = this.source;
    if (src) this.windows.ensure(src, this.gen, this.vp, this.count, first, last);
    const win = this.windows.current(this.gen);
    drawTimeline(ctx, {
      W: this.W, H: this.H, dpr: this.dpr, labelW: this.labelW, st, first, last, vp: this.vp, C: this.colors,
      mode: this.mode, m: this.m, base: this.base, count: this.count, total: src ? src.total : 0,
      start: src ? src.start : null, end: src ? src.end : null, openEnd: src ? src.openEnd : 1,
      selRow: this.selRow, hoverRow: this.hover.row, win, highlight: this.highlight,
      fitLabel: (c, row, label, maxW) => this.windows.fitLabel(this.gen, c, row, label, maxW),
    });
    this.overview.draw({ W: this.W, dpr: this.dpr, labelW: this.labelW, C: this.colors, count: this.count, gen: this.gen }, src);
    this.windows.drawn(t);
  }

  // ---- pointer ------------------------------------------------------------------------------

  /** The row under canvas y (-1: none). @param {number} y */
  rowAtY(y) {
    if (y < AXIS_H) return -1;
    const p = Math.floor((y - AXIS_H + this.scroll.scrollTop) / LANE_H);
    return p >= 0 && p < this.count ? p : -1;
  }

  /** What is at canvas x in a row: over the names, its lane; over the plot, the source's hit. @param {number} x @param {number} row @returns {Later<Hit | null>} */
  hitAt(x, row) {
    const src = this.source;
    if (!src || row < 0) return null;
    if (x < this.vp.plotX0 || !this.vp.hasTime) return later(src.lane(row), (lane) => (lane ? { lane, span: null, marker: null } : null)) ?? null;
    return src.hit(row, this.vp.t(x), this.vp.msPerPx() * HIT_PX);
  }

  /** Hover: the row's background, and the tooltip of what is under the pointer (one question at a time; the latest position wins). @param {{x: number, y: number}} p */
  hoverAt(p) {
    const row = this.rowAtY(p.y);
    if (row !== this.hover.row) { this.hover.row = row; this.invalidate(); }
    this.canvas.style.cursor = row >= 0 ? "pointer" : "default";
    if (row < 0) { this.hideTip(); return; }
    this.hover.pos = p;
    if (this.hover.busy) return;
    this.hover.busy = true;
    later(this.hitAt(p.x, row), (hit) => {
      this.hover.busy = false;
      if (this.dead || this.input.dragging) return;
      const now = this.hover.pos;
      if (now !== p) { if (now) this.hoverAt(now); return; }
      if (this.hover.row !== row) return;
      if (hit && (hit.span || hit.marker || p.x < this.vp.plotX0)) this.showTip(hit, p);
      else this.hideTip();
    }, () => { this.hover.busy = false; });
  }

  /** @param {{x: number, y: number}} p */
  clickAt(p) {
    const row = this.rowAtY(p.y);
    if (row >= 0) this.selectRow(row);
  }

  /** A double click zooms into the span under the pointer, else about it. @param {{x: number, y: number}} p */
  dblAt(p) {
    later(this.hitAt(p.x, this.rowAtY(p.y)), (hit) => {
      if (hit && hit.span && this.source) {
        const s = hit.span.start, en = hit.span.end ?? Math.max(this.source.openEnd, s);
        const r = Math.max(en - s, 50);
        this.setView(s - r * 0.1, s + r * 1.1);
      } else this.zoomBy(0.5, p.x);
    });
  }

  hideTip() { this.tip.hidden = true; }

  /** @param {Hit} hit @param {{x: number, y: number}} p */
  showTip(hit, p) {
    const rows = tipRows(hit, { mode: this.mode, base: this.base, openEnd: this.source ? this.source.openEnd : 1, lang: this.lang, m: this.m });
    showTip(this.tip, rows, p, this.body, this.overview.canvas.offsetHeight);
  }
}
