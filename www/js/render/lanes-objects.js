// @ts-check
// A lane source over a timeline held in the page (the engine sent it whole):
// every answer is there at once. It filters and hit-tests by the same rules as
// the core's TimelineView (src/view.rs), so a run looks and answers the same
// whichever source draws it (tests/page/lanes.test.mjs).
import { PHASES } from "../fmt.js";

/** @import { LaneSource, Timeline, Lane, Phase, LaneAsk, LaneWindow, Hit, PhaseColumns } from "../types.js" */

/** ASCII letters lowercased, nothing else (Rust's to_ascii_lowercase, as the core filters). @param {string} s */
const asciiLower = (s) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** @implements {LaneSource} */
export class ObjectLanes {
  /** @param {Timeline} tl */
  constructor(tl) {
    this.kind = /** @type {const} */ ("objects");
    this.lanes = tl.lanes;
    this.start = tl.start;
    this.end = tl.end;
    /** id → index of its first lane */
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
    this.range = isFinite(lo) ? { min: lo, max: Math.max(hi, lo) } : null;
    const dataMax = this.range ? this.range.max : 1;
    this.openEnd = tl.end != null ? Math.max(tl.end, dataMax) : dataMax;
    this.total = this.lanes.length;
    /** The visible lanes, in order (row → lane). @type {readonly Lane[]} */
    this.visible = this.lanes;
    /** Lane index → row, built when first asked. @type {Map<number, number> | null} */
    this.rowOfIndex = null;
  }

  get count() { return this.visible.length; }

  /** @param {ReadonlySet<Phase>} phases @param {string} text */
  filter(phases, text) {
    const q = asciiLower(text.trim());
    const has = (/** @type {string | null | undefined} */ s) => s != null && asciiLower(s).includes(q);
    if (!phases.size && !q) this.visible = this.lanes;
    else {
      this.visible = this.lanes.filter((l) => (!phases.size || phases.has(l.phase)) &&
        (!q || has(l.id) || has(l.label) || has(l.type) || has(l.reason) || has(l.message)));
    }
    this.rowOfIndex = null;
    return this.visible.length;
  }

  /** Every visible lane, good at any time and zoom. @param {LaneAsk} _ask @returns {LaneWindow} */
  window(_ask) {
    return { kind: "lanes", from: 0, to: this.visible.length, t0: -Infinity, t1: Infinity, perColumn: 0, ms: 0, lanes: this.visible };
  }

  /** @param {number} row */
  lane(row) { return this.visible[row] ?? null; }

  /** @param {string} id */
  find(id) {
    const i = this.index.get(id);
    if (i == null) return null;
    if (!this.rowOfIndex) {
      this.rowOfIndex = new Map();
      if (this.visible === this.lanes) for (let k = 0; k < this.lanes.length; k++) this.rowOfIndex.set(k, k);
      else {
        const at = new Map(this.lanes.map((l, k) => [l, k]));
        this.visible.forEach((l, row) => { const k = at.get(l); if (k != null) /** @type {Map<number, number>} */ (this.rowOfIndex).set(k, row); });
      }
    }
    return { lane: this.lanes[i], row: this.rowOfIndex.get(i) ?? -1 };
  }

  /** The core's rule (view.rs View::hit): the latest span covering t ± tolerance, the nearest marker within it. @param {number} row @param {number} t @param {number} tolerance @returns {Hit | null} */
  hit(row, t, tolerance) {
    const lane = this.visible[row];
    if (!lane) return null;
    let marker = null, best = Infinity;
    for (const m of lane.markers) {
      const d = Math.abs(m.at - t);
      if (d <= tolerance && d < best) { best = d; marker = m; }
    }
    let span = null;
    for (let k = lane.spans.length - 1; k >= 0; k--) {
      const s = lane.spans[k];
      if (s.start - tolerance <= t && t <= this.spanEnd(s) + tolerance) { span = s; break; }
    }
    return { lane, span, marker };
  }

  /** Where a span is drawn up to. @param {{start: number, end: number | null}} s */
  spanEnd(s) { return s.end != null ? s.end : Math.max(this.openEnd, s.start); }

  /** Per phase and column, the visible spans running there (difference arrays: O(spans + columns)). @param {number} t0 @param {number} t1 @param {number} columns */
  overview(t0, t1, columns) {
    const w = Math.max(1, columns);
    const cols = /** @type {Record<Phase, Float64Array>} */ ({});
    for (const p of /** @type {Phase[]} */ (PHASES)) cols[p] = new Float64Array(w + 2);
    const span = t1 - t0;
    const col = (/** @type {number} */ t) => Math.max(0, Math.min(w - 1, Math.floor(((t - t0) / span) * w)));
    for (const lane of this.visible) {
      for (const s of lane.spans) {
        const d = cols[s.phase] || cols.Unknown;
        d[col(s.start)] += 1;
        d[col(this.spanEnd(s)) + 1] -= 1;
      }
    }
    for (const p of /** @type {Phase[]} */ (PHASES)) {
      const d = cols[p];
      let run = 0;
      for (let x = 0; x < w; x++) { run += d[x]; d[x] = run; }
    }
    /** @type {PhaseColumns} */
    const out = cols;
    return out;
  }
}
