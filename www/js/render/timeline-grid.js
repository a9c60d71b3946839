// @ts-check
// The timeline's lanes as an ARIA grid, for screen readers and the keyboard:
// per lane its name, phase, start, end, duration and event markers, in the
// rows the canvas shows (the same lane source, filter and order) with the
// canvas's selection. Virtualized: the grid says how many rows there are
// (aria-rowcount) and only the rows near its scroll position are in the DOM,
// each with its aria-rowindex, so 100,000 lanes cost what 30 do. The lanes are
// asked of the source row by row (ObjectLanes answers at once, FrameLanes with
// an engine call each: the rows show "…" until their lane comes); it scrolls
// with the canvas, and to the selection when that moves. Built only
// while its <details> is open. Keys on the grid: ↑ ↓ (and Page Up / Down,
// Home, End) move the selection, Enter opens the details.
import { h, clear, clipped } from "../dom.js";
import { fmtTime, fmtDuration, fmtNum, phaseClass, phaseName } from "../fmt.js";
import { later } from "./later.js";

/** @import { Lane, TimeMode, Later } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/** A row's height (px), the header's, and the rows shown at most without scrolling. */
const ROW_H = 26;
const HEAD_H = 26;
const VIEW_ROWS = 12;
/** Rows kept in the DOM beyond those in view. */
const OVERSCAN = 8;
/** Lanes kept (beyond, the cache starts again). */
const MAX_CACHED = 2000;
/** A name shows at most this many characters. */
const NAME_CHARS = 300;

/**
 * What the grid needs of its timeline.
 * @typedef {object} GridHost
 * @property {Messages} m
 * @property {(row: number) => Later<Lane | null>} lane   the lane of a visible row
 * @property {(row: number) => void} selectRow            select a row (and bring it into view on the canvas)
 * @property {(d: number) => void} step                   move the selection by d rows
 * @property {() => void} open                            open the selected lane's details
 */

export class LaneGrid {
  /** @param {GridHost} host */
  constructor(host) {
    this.host = host;
    const m = host.m;
    this.m = m;
    this.count = 0;
    /** Bumps with every set of rows (a filter, a source): lanes of older ones are dropped. */
    this.gen = 0;
    this.sel = -1;
    /** @type {TimeMode} */
    this.mode = "utc";
    /** @type {number | null} */
    this.base = null;
    this.openEnd = 1;
    /** @type {Map<number, Lane | null>} */
    this.lanes = new Map();
    this.first = -1;
    this.last = -1;
    this.frame = 0;
    this.idBase = "lg" + Math.random().toString(36).slice(2, 8) + "-";
    const col = (/** @type {string} */ cls, /** @type {string} */ text) => h("div", { class: ["lg-c", cls], role: "columnheader" }, text);
    this.head = h("div", { class: "lg-row lg-head", role: "row", "aria-rowindex": "1" },
      col("lg-name", m.t("tl.col.name")), col("lg-phase", m.t("tl.col.phase")), col("lg-t", m.t("det.start")),
      col("lg-t", m.t("det.end")), col("lg-d", m.t("tl.duration")), col("lg-n", m.t("tl.col.markers")));
    this.inner = h("div", { class: "lg-inner" });
    // The grid is the focusable scroller (its header row sticks); the rows are
    // placed inside .lg-inner (no role: the rowgroup owns the rows).
    this.grid = h("div", {
      class: "lg-grid lg-scroll", role: "grid", tabindex: "0", "aria-label": m.t("tl.grid.label"), "aria-colcount": "6", "aria-rowcount": "1",
      "data-testid": "lane-grid", onkeydown: (/** @type {KeyboardEvent} */ e) => this.onKey(e),
    }, h("div", { class: "lg-headgroup", role: "rowgroup" }, this.head), h("div", { role: "rowgroup" }, this.inner));
    this.scroller = this.grid;
    this.summary = h("summary", null, m.t("tl.grid.title", { n: 0 }));
    this.el = /** @type {HTMLDetailsElement} */ (h("details", { class: "lg-box", "data-testid": "lane-grid-box" }, this.summary,
      h("p", { class: "muted small" }, m.t("tl.grid.hint")), this.grid));
    this.el.addEventListener("toggle", () => { if (this.el.open) this.render(true); else clear(this.inner); });
    this.scroller.addEventListener("scroll", () => this.invalidate(), { passive: true });
  }

  destroy() { if (this.frame) cancelAnimationFrame(this.frame); this.frame = 0; }

  /** The rows changed (a source, a filter): n rows now. @param {number} n */
  setRows(n) {
    this.count = n;
    this.gen++;
    this.lanes.clear();
    this.summary.textContent = this.m.t("tl.grid.title", { n });
    this.grid.setAttribute("aria-rowcount", String(n + 1));
    this.inner.style.height = n * ROW_H + "px";
    this.scroller.style.height = HEAD_H + 2 + Math.max(1, Math.min(n, VIEW_ROWS)) * ROW_H + "px";
    this.render(true);
  }

  /** @param {TimeMode} mode @param {number | null} base @param {number} openEnd */
  setMode(mode, base, openEnd) {
    this.mode = mode;
    this.base = base;
    this.openEnd = openEnd;
    this.render(true);
  }

  /** The canvas's selected row (-1: none, or filtered out); `scroll` brings it into the grid's view. @param {number} row @param {boolean} [scroll] */
  setSelected(row, scroll) {
    this.sel = row;
    if (scroll && row >= 0 && this.el.open) this.reveal(row);
    this.render(true);
  }

  /**
   * The canvas scrolled to rows first..last: the grid shows them too (while
   * open) — the selected row when it is among them, else from the first.
   * @param {number} first @param {number} last
   */
  follow(first, last) {
    if (!this.el.open) return;
    if (this.sel >= first && this.sel <= last) { this.reveal(this.sel); return; }
    const top = Math.max(0, first) * ROW_H;
    if (Math.abs(this.scroller.scrollTop - top) >= ROW_H) this.scroller.scrollTop = top;
  }

  /** Row r into the grid's view (if it is not). @param {number} r */
  reveal(r) {
    const top = r * ROW_H, st = this.scroller.scrollTop, vh = this.scroller.clientHeight - HEAD_H;
    if (top < st || top + ROW_H > st + vh) this.scroller.scrollTop = Math.max(0, top - vh / 2 + ROW_H / 2);
  }

  invalidate() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(false); });
  }

  /** The rows near the scroll position, and the selected one's id for aria-activedescendant. @param {boolean} force */
  render(force) {
    if (!this.el.open) return;
    const st = this.scroller.scrollTop;
    const vh = (this.scroller.clientHeight - HEAD_H) || VIEW_ROWS * ROW_H;
    const first = Math.max(0, Math.floor(st / ROW_H) - OVERSCAN);
    const last = Math.min(this.count - 1, Math.ceil((st + vh) / ROW_H) + OVERSCAN);
    if (!force && first === this.first && last === this.last) return;
    this.first = first;
    this.last = last;
    const frag = document.createDocumentFragment();
    for (let r = first; r <= last; r++) frag.appendChild(this.row(r));
    this.inner.replaceChildren(frag);
    const selIn = this.sel >= first && this.sel <= last;
    if (selIn) this.grid.setAttribute("aria-activedescendant", this.idBase + this.sel);
    else this.grid.removeAttribute("aria-activedescendant");
  }

  /** Row r: its cells when its lane is known, else asked of the source ("…" until it comes). @param {number} r */
  row(r) {
    const el = h("div", {
      class: ["lg-row", r === this.sel ? "sel" : ""], role: "row", "aria-rowindex": String(r + 2), "aria-selected": String(r === this.sel),
      "data-testid": "lane-grid-row", "data-row": String(r), style: { top: r * ROW_H + "px" },
      onclick: () => this.host.selectRow(r),
    });
    if (this.lanes.has(r)) this.fill(el, r, this.lanes.get(r) ?? null);
    else {
      this.fill(el, r, null);
      const gen = this.gen;
      later(this.host.lane(r), (lane) => {
        if (gen !== this.gen) return;
        if (this.lanes.size > MAX_CACHED) this.lanes.clear();
        this.lanes.set(r, lane);
        this.fill(el, r, lane); // (at once for ObjectLanes, before the row is placed; later for frames)
      }, () => {});
    }
    return el;
  }

  /** A row's cells from its lane (null: not known yet). @param {HTMLElement} el @param {number} r @param {Lane | null} lane */
  fill(el, r, lane) {
    const m = this.m;
    /** @param {string} cls @param {import("../types.js").Child} v @param {string | null} [id] */
    const cell = (cls, v, id) => h("div", { class: ["lg-c", cls], role: "gridcell", id: id || null }, v);
    if (!lane) {
      el.replaceChildren(cell("lg-name", "…", this.idBase + r), cell("lg-phase", ""), cell("lg-t", ""), cell("lg-t", ""), cell("lg-d", ""), cell("lg-n", ""));
      el.dataset.loaded = "false";
      return;
    }
    const t = laneTimes(lane, this.openEnd);
    const time = (/** @type {number | null} */ ms) => (ms == null ? "—" : fmtTime(ms, this.mode, this.base, m));
    const end = t.start == null ? "—" : t.open ? m.t("tl.stillOpen") : time(t.end);
    const dur = t.start == null ? "—" : t.open ? m.t("det.soFar", { d: fmtDuration(t.end - t.start, m) }) : fmtDuration(t.end - t.start, m);
    el.replaceChildren(
      cell("lg-name mono", clipped(lane.label, NAME_CHARS, false, m), this.idBase + r),
      cell("lg-phase", h("span", { class: ["badge", "small", phaseClass(lane.phase)], "data-phase": lane.phase }, h("span", { class: "dot", "aria-hidden": "true" }), phaseName(lane.phase, m))),
      cell("lg-t mono-num", time(t.start)),
      cell("lg-t mono-num", end),
      cell("lg-d mono-num", dur),
      cell("lg-n mono-num", lane.markers.length ? fmtNum(lane.markers.length, m) : "—"));
    el.dataset.loaded = "true";
    el.dataset.id = lane.id;
  }

  /** @param {KeyboardEvent} e */
  onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const n = this.count;
    const k = e.key;
    if (k === "ArrowDown" || k === "ArrowUp") this.host.step(k === "ArrowDown" ? 1 : -1);
    else if (k === "PageDown" || k === "PageUp") this.host.step(k === "PageDown" ? VIEW_ROWS : -VIEW_ROWS);
    else if (k === "Home" && n) this.host.selectRow(0);
    else if (k === "End" && n) this.host.selectRow(n - 1);
    else if (k === "Enter") this.host.open();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }
}

/**
 * A lane's start (its earliest span's), end (its latest, or the open end while a span is open) and whether it is open.
 * @param {Lane} lane @param {number} openEnd @returns {{start: number | null, end: number, open: boolean}}
 */
export function laneTimes(lane, openEnd) {
  let start = Infinity, end = -Infinity, open = false;
  for (const s of lane.spans) {
    if (s.start < start) start = s.start;
    if (s.end == null) open = true;
    else if (s.end > end) end = s.end;
  }
  if (!lane.spans.length) return { start: null, end: 0, open: false };
  return { start, end: open ? Math.max(openEnd, end, start) : end, open };
}
