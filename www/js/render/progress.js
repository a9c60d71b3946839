// @ts-check
// A small chart of a run's progress over its polled snapshots (the core's
// progressHistory): reported progress as a step line, derived progress dashed,
// a dot per snapshot in the phase's colour. A <canvas>, redrawn on resize, theme
// and time-mode changes; hovering a snapshot shows its figures.
import { h } from "../dom.js";
import { PHASES, fmtTime, fmtTick, fmtIso } from "../fmt.js";
import { phaseBadge } from "./summary.js";

/** @import { ProgressPoint, TimeMode } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */
/** A snapshot with a time (the chart leaves out those without). @typedef {ProgressPoint & {at: number}} Point */

const H = 150;
const PAD_L = 40, PAD_R = 14, PAD_T = 12, PAD_B = 24;
const FONT_SMALL = "10px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const STEPS = [1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 216e5, 864e5];

export class ProgressChart {
  /** @param {Messages} m the interface's words */
  constructor(m) {
    this.m = m;
    /** @type {Point[]} */
    this.points = [];
    /** @type {TimeMode} */
    this.mode = "utc";
    /** @type {number | null} */
    this.base = null;
    /** @type {[number, number] | null} */
    this.range = null;
    this.W = 400;
    this.hover = -1;
    this.canvas = h("canvas", { class: "pc-canvas", role: "img", "aria-label": m.t("pc.label") });
    this.tip = h("div", { class: "pc-tip", hidden: true, "data-testid": "progress-chart-tip" });
    this.el = h("div", { class: "pc", "data-testid": "progress-chart" }, this.canvas, this.tip);
    this.canvas.addEventListener("pointermove", (e) => this.onMove(e));
    this.canvas.addEventListener("pointerleave", () => { this.hover = -1; this.tip.hidden = true; this.draw(); });
    this.ro = new ResizeObserver(() => this.draw());
    this.ro.observe(this.el);
  }

  destroy() { this.ro.disconnect(); }

  /**
   * points: [{snapshot, at, phase, reported, derived}]; o: {mode, base, range: [t0, t1] (the
   * x axis; default the points' own span: a replay passes the whole recording so the line grows)}
   * @param {readonly ProgressPoint[] | null} points @param {{mode?: TimeMode, base?: number | null, range?: [number, number] | null}} [o]
   */
  setData(points, o = {}) {
    this.points = /** @type {Point[]} */ ((points || []).filter((p) => p.at != null));
    this.mode = o.mode || this.mode;
    this.base = o.base ?? this.base;
    this.range = o.range || null;
    this.el.dataset.points = String(this.points.length);
    const last = this.points[this.points.length - 1];
    this.canvas.setAttribute("aria-label", this.m.t("pc.labelOf", { n: this.points.length }) +
      (last ? this.m.t("pc.last", { pct: last.reported ?? last.derived ?? "—" }) : ""));
    this.draw();
  }

  /** @param {TimeMode} mode @param {number | null} [base] */
  setMode(mode, base) { this.mode = mode; if (base != null) this.base = base; this.draw(); }

  colors() {
    const cs = getComputedStyle(this.el);
    const v = (/** @type {string} */ n, /** @type {string} */ d) => (cs.getPropertyValue(n) || "").trim() || d;
    /** @type {Record<string, string>} */
    const ph = {};
    for (const p of PHASES) ph[p] = v("--ph-" + p.toLowerCase(), "#888");
    return { ph, fg: v("--fg", "#1f2328"), muted: v("--muted", "#656d76"), grid: v("--tl-grid", "#e5e7eb"),
      bg: v("--surface", "#fff"), accent: v("--accent", "#0969da"), border: v("--border", "#d0d7de") };
  }

  /** @returns {[number, number]} */
  span() {
    const ts = this.points.map((p) => p.at);
    let t0 = this.range ? this.range[0] : Math.min(...ts);
    let t1 = this.range ? this.range[1] : Math.max(...ts);
    if (!isFinite(t0) || !isFinite(t1)) return [0, 1];
    if (t1 - t0 < 1000) { t1 = t0 + 1000; }
    const pad = (t1 - t0) * 0.02;
    return [t0 - pad, t1 + pad];
  }

  /** @param {number} t */
  x(t) { const [a, b] = this.span(); return PAD_L + ((t - a) / (b - a)) * (this.W - PAD_L - PAD_R); }
  /** @param {number} pct */
  y(pct) { return PAD_T + (1 - pct / 100) * (H - PAD_T - PAD_B); }

  draw() {
    const W = Math.max(200, this.el.clientWidth || 400);
    this.W = W;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = W + "px";
    this.canvas.style.height = H + "px";
    if (this.canvas.width !== Math.round(W * dpr)) this.canvas.width = Math.round(W * dpr);
    if (this.canvas.height !== Math.round(H * dpr)) this.canvas.height = Math.round(H * dpr);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const C = this.colors();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.font = FONT_SMALL;
    ctx.textBaseline = "middle";
    // grid: 0, 25, 50, 75, 100 %
    for (const pct of [0, 25, 50, 75, 100]) {
      const y = Math.round(this.y(pct)) + 0.5;
      ctx.strokeStyle = C.grid;
      ctx.beginPath(); ctx.moveTo(PAD_L, y); ctx.lineTo(W - PAD_R, y); ctx.stroke();
      ctx.fillStyle = C.muted;
      ctx.textAlign = "right";
      ctx.fillText(pct + "%", PAD_L - 6, y);
    }
    ctx.textAlign = "left";
    if (!this.points.length) {
      ctx.fillStyle = C.muted;
      ctx.textAlign = "center";
      ctx.fillText(this.m.t("pc.none"), (PAD_L + W - PAD_R) / 2, H / 2);
      ctx.textAlign = "left";
      return;
    }
    // time ticks
    const [a, b] = this.span();
    const want = ((b - a) / (W - PAD_L - PAD_R)) * 90;
    const step = STEPS.find((s) => s >= want) || STEPS[STEPS.length - 1];
    const origin = this.mode === "rel" ? (this.base || 0) : this.mode === "local" ? new Date(a).getTimezoneOffset() * 60000 : 0;
    ctx.fillStyle = C.muted;
    ctx.textAlign = "center";
    for (let t = origin + Math.ceil((a - origin) / step) * step, k = 0; t <= b && k < 50; t += step, k++) {
      const x = Math.round(this.x(t)) + 0.5;
      ctx.strokeStyle = C.grid;
      ctx.beginPath(); ctx.moveTo(x, PAD_T); ctx.lineTo(x, H - PAD_B); ctx.stroke();
      ctx.fillText(fmtTick(t, step, this.mode, this.base ?? 0, this.m), x, H - PAD_B + 12);
    }
    ctx.textAlign = "left";
    const line = (/** @type {"reported" | "derived"} */ key, /** @type {string} */ color, /** @type {number[]} */ dash) => {
      const pts = this.points.filter((p) => p[key] != null);
      if (!pts.length) return;
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      pts.forEach((p, i) => {
        const x = this.x(p.at), y = this.y(p[key] ?? 0);
        if (i === 0) ctx.moveTo(x, y);
        else { ctx.lineTo(x, this.y(pts[i - 1][key] ?? 0)); ctx.lineTo(x, y); }
      });
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.lineWidth = 1;
    };
    line("derived", C.muted, [4, 3]);
    line("reported", C.accent, []);
    this.points.forEach((p, i) => {
      const v = p.reported ?? p.derived;
      if (v == null) return;
      const x = this.x(p.at), y = this.y(v);
      const last = i === this.points.length - 1;
      ctx.fillStyle = C.ph[p.phase] || C.ph.Unknown;
      ctx.strokeStyle = C.bg;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, last || i === this.hover ? 5.5 : 4, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.lineWidth = 1;
      if (last) {
        ctx.fillStyle = C.fg;
        ctx.font = "600 " + FONT_SMALL;
        const label = v + "%";
        const tw = ctx.measureText(label).width;
        ctx.fillText(label, Math.min(x + 8, W - PAD_R - tw), Math.max(PAD_T + 6, y - 10));
        ctx.font = FONT_SMALL;
      }
    });
  }

  /** @param {PointerEvent} e */
  onMove(e) {
    if (!this.points.length) return;
    const r = this.canvas.getBoundingClientRect();
    const mx = e.clientX - r.left;
    let best = -1, bd = 24;
    this.points.forEach((p, i) => { const d = Math.abs(this.x(p.at) - mx); if (d < bd) { bd = d; best = i; } });
    if (best !== this.hover) { this.hover = best; this.draw(); }
    if (best < 0) { this.tip.hidden = true; return; }
    const p = this.points[best];
    const m = this.m;
    this.tip.replaceChildren(
      h("div", { class: "tip-head" }, h("span", { class: "tip-title" }, m.t("pc.snapshot", { k: p.snapshot + 1 })),
        phaseBadge(p.phase, m, { small: true })),
      h("div", { class: "tip-row" }, h("span", { class: "tip-k" }, m.t("pc.at")), h("span", { class: "tip-v mono-num", title: fmtIso(p.at) }, fmtTime(p.at, this.mode, this.base, m))),
      h("div", { class: "tip-row" }, h("span", { class: "tip-k" }, m.t("pc.reported")), h("span", { class: "tip-v mono-num" }, p.reported != null ? p.reported + "%" : "—")),
      h("div", { class: "tip-row" }, h("span", { class: "tip-k" }, m.t("pc.derived")), h("span", { class: "tip-v mono-num" }, p.derived != null ? p.derived + "%" : "—")));
    this.tip.hidden = false;
    const x = this.x(p.at);
    const tw = this.tip.offsetWidth;
    this.tip.style.transform = "translate(" + Math.round(Math.max(0, Math.min(this.W - tw, x + 10))) + "px, 4px)";
  }
}
