// @ts-check
// The timeline's viewport maths, without the DOM: the visible time window
// (v0..v1), the plot's pixels (plotX0, plotW), the overview's whole-run scale,
// fitting, zooming about a point, panning, and the axis ticks.
import { tzOffsetMs } from "../fmt.js";

/** @import { TimeMode } from "../types.js" */

/** The narrowest window, ms. */
const MIN_RANGE = 2;
/** Tick steps, ms: the first at least 110 px apart is used. */
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5,
  36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5, 2592e6, 7776e6, 31536e6];

export class Viewport {
  constructor() {
    this.v0 = 0;
    this.v1 = 1;
    this.hasTime = false;
    this.dataMin = 0;
    this.dataMax = 1;
    /** The overview's scale: the whole run with 3% margins. */
    this.ovLo = 0;
    this.ovHi = 1;
    this.plotX0 = 1;
    this.plotW = 50;
  }

  /** The data's time range (null: nothing has a time). @param {{min: number, max: number} | null} range */
  setData(range) {
    this.hasTime = range != null;
    this.dataMin = range ? range.min : 0;
    this.dataMax = range ? Math.max(range.max, range.min) : 1;
    const r = Math.max(this.dataMax - this.dataMin, 1000);
    this.ovLo = this.dataMin - r * 0.03;
    this.ovHi = this.dataMin + r * 1.03;
  }

  /** Set the window (clamped: at least 2 ms, at most 200 whole runs), keeping its centre. @param {number} t0 @param {number} t1 */
  set(t0, t1) {
    const fitR = Math.max(1000, this.dataMax - this.dataMin);
    const r = Math.max(MIN_RANGE, Math.min(t1 - t0, fitR * 200));
    const c = (t0 + t1) / 2;
    this.v0 = c - r / 2;
    this.v1 = c + r / 2;
  }

  /** The window that shows the whole run (3% margins). @returns {[number, number]} */
  fitRange() {
    const r = Math.max(this.dataMax - this.dataMin, 1000);
    const pad = r * 0.03;
    return [this.dataMin - pad, this.dataMin + r + pad];
  }

  /** The window zoomed by `f` about pixel `anchorX` (default: the middle). @param {number} f @param {number} [anchorX] @returns {[number, number]} */
  zoomed(f, anchorX) {
    const x0 = this.plotX0, w = this.plotW;
    const ax = anchorX == null ? x0 + w / 2 : Math.max(x0, Math.min(x0 + w, anchorX));
    const ta = this.v0 + ((ax - x0) / w) * (this.v1 - this.v0);
    const r = Math.max(MIN_RANGE, (this.v1 - this.v0) * f);
    const t0 = ta - ((ax - x0) / w) * r;
    return [t0, t0 + r];
  }

  /** The window moved by a fraction of its width. @param {number} fraction @returns {[number, number]} */
  panned(fraction) {
    const r = this.v1 - this.v0;
    return [this.v0 + r * fraction, this.v1 + r * fraction];
  }

  /** The window of the same width centred on t. @param {number} t @returns {[number, number]} */
  centred(t) {
    const r = this.v1 - this.v0;
    return [t - r / 2, t + r / 2];
  }

  /** @param {number} t */
  x(t) { return this.plotX0 + ((t - this.v0) / (this.v1 - this.v0)) * this.plotW; }
  /** @param {number} x */
  t(x) { return this.v0 + ((x - this.plotX0) / this.plotW) * (this.v1 - this.v0); }
  msPerPx() { return (this.v1 - this.v0) / this.plotW; }

  /** @param {number} t */
  ovX(t) { return this.plotX0 + ((t - this.ovLo) / (this.ovHi - this.ovLo)) * this.plotW; }
  /** @param {number} x */
  ovT(x) { return this.ovLo + ((x - this.plotX0) / this.plotW) * (this.ovHi - this.ovLo); }

  /** The axis ticks: round steps in the time mode's zone (relative: from base). @param {TimeMode} mode @param {number | null} base */
  ticks(mode, base) {
    const want = this.msPerPx() * 110;
    let step = STEPS[STEPS.length - 1];
    for (const s of STEPS) if (s >= want) { step = s; break; }
    let origin = 0;
    if (mode === "rel") origin = base || 0;
    else if (mode === "local") origin = -tzOffsetMs(this.v0);
    const first = origin + Math.ceil((this.v0 - origin) / step) * step;
    /** @type {number[]} */
    const list = [];
    for (let t = first; t <= this.v1 && list.length < 400; t += step) list.push(t);
    return { step, list };
  }
}
