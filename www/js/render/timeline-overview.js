// @ts-check
// The overview strip above the lanes: the whole run's density per phase
// (stacked, failures on top) asked of the lane source, the visible window
// outlined and the rest dimmed. Drag the window to move it, drag elsewhere to
// pick a range, click to centre.
import { h } from "../dom.js";
import { FONT_SMALL, RIGHT_PAD } from "./timeline-style.js";
import { later } from "./later.js";

/** @import { LaneSource, Phase } from "../types.js" */
/** @import { Viewport } from "./timeline-viewport.js" */
/** @import { Colors } from "./timeline-style.js" */
/** @import { Messages } from "../i18n/index.js" */

export const OV_H = 34;
/** Stacked bottom to top: failures last, so they stay visible. @type {Phase[]} */
const ORDER = ["Succeeded", "Skipped", "Cancelled", "Pending", "Unknown", "Running", "Failed"];

/**
 * What the overview needs of its timeline.
 * @typedef {object} OverviewHost
 * @property {Viewport} vp
 * @property {(t0: number, t1: number) => void} setView
 * @property {() => void} invalidate
 * @property {Messages} m  the interface's words
 */

export class Overview {
  /** @param {OverviewHost} host */
  constructor(host) {
    this.host = host;
    this.canvas = h("canvas", { class: "tl-ov", "data-testid": "timeline-overview", title: host.m.t("tl.overviewTitle") });
    /** The density for the current filter and width. @type {{w: number, gen: number, cols: Record<Phase, ArrayLike<number>>, max: number} | null} */
    this.data = null;
    this.pending = "";
    /** @type {{mode: "move" | "brush", x: number, cx: number, v0: number, v1: number, moved: boolean} | null} */
    this.drag = null;
    const c = this.canvas;
    c.addEventListener("pointerdown", (e) => this.onDown(e));
    c.addEventListener("pointermove", (e) => this.onMove(e));
    c.addEventListener("pointerup", (e) => this.onUp(e));
    c.addEventListener("pointercancel", () => { this.drag = null; });
  }

  /** The canvas's size in CSS px (and its backing store's). @param {number} w @param {number} dpr */
  size(w, dpr) {
    this.canvas.style.width = w + "px";
    this.canvas.style.height = OV_H + "px";
    const ow = Math.round(w * dpr), oh = Math.round(OV_H * dpr);
    if (this.canvas.width !== ow || this.canvas.height !== oh) { this.canvas.width = ow; this.canvas.height = oh; this.data = null; }
  }

  /**
   * The density of filter generation `gen` at width w: cached, else asked of the source (drawn when it comes).
   * @param {LaneSource} source @param {number} gen @param {number} w
   */
  density(source, gen, w) {
    const d = this.data;
    if (d && d.w === w && d.gen === gen) return d;
    const key = w + ":" + gen;
    if (this.pending === key) return null;
    this.pending = key;
    let sync = true;
    const vp = this.host.vp;
    later(source.overview(vp.ovLo, vp.ovHi, w), (cols) => {
      if (this.pending !== key) return;
      this.pending = "";
      let max = 0;
      for (let x = 0; x < w; x++) {
        let tot = 0;
        for (const p of ORDER) tot += cols[p][x];
        if (tot > max) max = tot;
      }
      this.data = { w, gen, cols, max };
      if (!sync) this.host.invalidate();
    }, () => { if (this.pending === key) this.pending = ""; });
    sync = false;
    return this.data && this.data.gen === gen && this.data.w === w ? this.data : null;
  }

  /**
   * @param {{W: number, dpr: number, labelW: number, C: Colors, count: number, gen: number}} s
   * @param {LaneSource | null} source
   */
  draw(s, source) {
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const { C, W } = s;
    const vp = this.host.vp;
    const H = OV_H;
    ctx.setTransform(s.dpr, 0, 0, s.dpr, 0, 0);
    ctx.fillStyle = C.axisBg;
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = C.border;
    ctx.fillRect(0, H - 1, W, 1);
    ctx.fillRect(s.labelW, 0, 1, H);
    ctx.fillStyle = C.muted;
    ctx.font = FONT_SMALL;
    ctx.textBaseline = "middle";
    ctx.fillText(this.host.m.t("tl.overview"), 10, H / 2);
    if (!vp.hasTime) return;
    const x0 = vp.plotX0;
    const w = Math.max(1, Math.round(vp.plotW));
    const hist = source && s.count ? this.density(source, s.gen, w) : null;
    const top = 4, hh = H - 9;
    if (hist && hist.max > 0) {
      const scale = hh / Math.sqrt(hist.max);
      for (let x = 0; x < hist.w; x++) {
        let total = 0;
        for (const p of ORDER) total += hist.cols[p][x];
        if (!total) continue;
        const height = Math.max(1, Math.sqrt(total) * scale);
        let y = top + hh;
        for (const p of ORDER) {
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
    const a = Math.max(x0, vp.ovX(vp.v0)), b = Math.min(x0 + vp.plotW, vp.ovX(vp.v1));
    const end = x0 + vp.plotW + RIGHT_PAD;
    ctx.fillStyle = C.ovDim;
    if (a > x0) ctx.fillRect(x0, 0, a - x0, H - 1);
    if (b < end) ctx.fillRect(Math.max(x0, b), 0, end - Math.max(x0, b), H - 1);
    ctx.strokeStyle = C.accent;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(Math.round(Math.min(a, b)) + 0.75, 1.5, Math.max(2, b - a) - 1.5, H - 4);
    ctx.lineWidth = 1;
    const d = this.drag;
    if (d && d.mode === "brush" && d.moved) {
      const l = Math.min(d.x, d.cx), r = Math.max(d.x, d.cx);
      ctx.fillStyle = C.sel;
      ctx.fillRect(l, 0, r - l, H - 1);
    }
  }

  /** @param {PointerEvent} e */
  posX(e) {
    return e.clientX - this.canvas.getBoundingClientRect().left;
  }

  /** @param {PointerEvent} e */
  onDown(e) {
    const vp = this.host.vp;
    if (!vp.hasTime || e.button !== 0) return;
    const x = this.posX(e);
    const a = vp.ovX(vp.v0), b = vp.ovX(vp.v1);
    const inside = x >= a - 2 && x <= b + 2;
    this.drag = { mode: inside ? "move" : "brush", x, cx: x, v0: vp.v0, v1: vp.v1, moved: false };
    try { this.canvas.setPointerCapture(e.pointerId); } catch (_) { /* synthetic */ }
    e.preventDefault();
  }

  /** @param {PointerEvent} e */
  onMove(e) {
    const d = this.drag;
    if (!d) return;
    const vp = this.host.vp;
    const x = this.posX(e);
    d.cx = x;
    if (Math.abs(x - d.x) > 3) d.moved = true;
    if (!d.moved) return;
    if (d.mode === "move") {
      const dt = vp.ovT(x) - vp.ovT(d.x);
      this.host.setView(d.v0 + dt, d.v1 + dt);
    } else this.host.invalidate();
  }

  /** @param {PointerEvent} e */
  onUp(e) {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    const vp = this.host.vp;
    const x = this.posX(e);
    if (d.mode === "brush" && d.moved) {
      this.host.setView(vp.ovT(Math.min(d.x, x)), vp.ovT(Math.max(d.x, x)));
    } else if (!d.moved) {
      const [t0, t1] = vp.centred(vp.ovT(x));
      this.host.setView(t0, t1);
    }
    this.host.invalidate();
  }
}
