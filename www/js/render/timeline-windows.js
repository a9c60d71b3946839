// @ts-check
// What the timeline keeps of its lane source's answers between frames: the last
// window (rows and bars, asked again only when the screen leaves what it covers,
// one question at a time) and the labels cut to the gutter's width. The
// canvas's data-asked / data-frames / data-drawn / data-round-trip /
// data-compute / data-draw are what the measurements read (www/README.md).
import { later } from "./later.js";
import { labelFit } from "./timeline-style.js";

/** @import { LaneSource, LaneWindow } from "../types.js" */
/** @import { Viewport } from "./timeline-viewport.js" */

/** Rows above and below the screen asked for with each window. */
const OVERSCAN_ROWS = 24;

export class Windows {
  /** @param {HTMLCanvasElement} canvas @param {() => void} invalidate  draw again (an answer came) */
  constructor(canvas, invalidate) {
    this.canvas = canvas;
    this.invalidate = invalidate;
    /** The last window and the filter generation it answers. @type {(LaneWindow & {gen: number}) | null} */
    this.win = null;
    this.asking = false;
    this.stats = { asked: 0, windows: 0, roundTrip: 0, compute: 0 };
    /** @type {LaneWindow | null} */
    this.drawnWin = null;
    /** Labels cut to the gutter's width, per row. @type {Map<number, string>} */
    this.labels = new Map();
    this.labelsKey = "";
  }

  /** The window to draw for generation gen, if any. @param {number} gen */
  current(gen) { return this.win && this.win.gen === gen ? this.win : null; }

  /**
   * Ask the source for rows first..last unless the last window covers them at
   * this zoom (a frame is good from half to 1.05 times its resolution).
   * @param {LaneSource} src @param {number} gen @param {Viewport} vp @param {number} count @param {number} first @param {number} last
   */
  ensure(src, gen, vp, count, first, last) {
    if (last < first) return;
    const w = this.current(gen);
    const perPx = vp.msPerPx();
    if (w && w.from <= first && w.to > last && w.t0 <= vp.v0 && w.t1 >= vp.v1 &&
      (w.perColumn === 0 || (w.perColumn <= perPx * 1.05 && w.perColumn >= perPx / 2.5))) return;
    if (this.asking) return; // when it answers, the next frame asks again
    const r = vp.v1 - vp.v0;
    const ask = {
      from: Math.max(0, first - OVERSCAN_ROWS), to: Math.min(count, last + 1 + OVERSCAN_ROWS),
      t0: vp.v0 - r * 0.5, t1: vp.v1 + r * 0.5, columns: vp.hasTime ? Math.max(16, Math.min(16384, Math.round(vp.plotW * 2))) : 0,
    };
    const asked = performance.now();
    this.asking = true;
    this.canvas.dataset.asked = String(++this.stats.asked);
    let sync = true;
    later(src.window(ask), (got) => {
      this.asking = false;
      this.win = { ...got, gen };
      this.stats.windows++;
      this.stats.roundTrip = performance.now() - asked;
      this.stats.compute = got.ms;
      this.canvas.dataset.frames = String(this.stats.windows);
      if (!sync) this.invalidate();
    }, () => { this.asking = false; });
    sync = false;
  }

  /** After a draw that began at t: the first draw of a window received is measured. @param {number} t */
  drawn(t) {
    const w = this.win;
    if (!w || this.drawnWin === w) return;
    this.drawnWin = w;
    const c = this.canvas.dataset;
    c.drawn = String(this.stats.windows);
    c.roundTrip = this.stats.roundTrip.toFixed(2);
    c.compute = this.stats.compute.toFixed(2);
    c.draw = (performance.now() - t).toFixed(2);
  }

  /** A row's label cut to maxW (cached per generation and width). @param {number} gen @param {CanvasRenderingContext2D} ctx @param {number} row @param {string} label @param {number} maxW */
  fitLabel(gen, ctx, row, label, maxW) {
    const key = gen + ":" + maxW;
    if (this.labelsKey !== key) { this.labels.clear(); this.labelsKey = key; }
    let s = this.labels.get(row);
    if (s == null) {
      s = labelFit(ctx, label, maxW);
      if (this.labels.size > 5000) this.labels.clear();
      this.labels.set(row, s);
    }
    return s;
  }
}
