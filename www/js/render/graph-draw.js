// @ts-check
// Draws the core's laid-out graph on a <canvas>: only the boxes and edge
// segments in the visible part of the drawing (graph-model.js visibleIn), boxes
// coloured by phase with the element's name, short type and phase icon, arrows
// along the edges' routes, what is not lit (hover, highlight) faded. Text is
// drawn only when it is large enough to read. No state: the view passes what
// to draw.
import { PHASES } from "../fmt.js";
import { visibleIn, shortType } from "./graph-model.js";
import { PHASE_ICONS } from "./phase-marks.js";

/** @import { GraphModel } from "./graph-model.js" */
/** @import { Phase } from "../types.js" */

export const FONT_NAME = "600 12px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const FONT_TYPE = "11px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const FONT_ICON = "700 14px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/** Below this zoom, boxes are drawn without text (it would be under 5 px). */
export const TEXT_ZOOM = 0.4;
/** Alpha of what is not lit. */
const DIM = 0.16;

/**
 * @typedef {object} GraphColors
 * @property {Record<Phase, string>} ph
 * @property {string} bg
 * @property {string} surface
 * @property {string} fg
 * @property {string} muted
 * @property {string} edge
 * @property {string} accent
 */

/** The theme's colours (custom properties of style.css), read from `el`. @param {Element} el @returns {GraphColors} */
export function readColors(el) {
  const cs = getComputedStyle(el);
  const v = (/** @type {string} */ n, /** @type {string} */ d) => (cs.getPropertyValue(n) || "").trim() || d;
  /** @type {Record<string, string>} */
  const ph = {};
  for (const p of PHASES) ph[p] = v("--ph-" + p.toLowerCase(), "#888");
  return {
    ph: /** @type {Record<Phase, string>} */ (ph),
    bg: v("--tl-bg", "#fff"), surface: v("--surface", "#fff"), fg: v("--fg", "#1f2328"), muted: v("--muted", "#656d76"),
    edge: v("--muted", "#8c959f"), accent: v("--accent", "#0969da"),
  };
}

/**
 * A node's name and short type cut to fit its box, measured once (the font is in
 * graph units, so the zoom does not change them).
 */
export class Labels {
  constructor() {
    /** @type {Map<number, {name: string, type: string}>} */
    this.cache = new Map();
  }

  /** @param {CanvasRenderingContext2D} ctx @param {GraphModel} m @param {number} i */
  get(ctx, m, i) {
    let l = this.cache.get(i);
    if (l) return l;
    const nd = m.nodes[i];
    const room = nd.width - 34;
    ctx.font = FONT_NAME;
    const name = cut(ctx, nd.id, room);
    ctx.font = FONT_TYPE;
    const type = cut(ctx, shortType(nd.type) ?? "", room);
    l = { name, type };
    this.cache.set(i, l);
    return l;
  }
}

/** @param {CanvasRenderingContext2D} ctx @param {string} s @param {number} w */
function cut(ctx, s, w) {
  // (a name of thousands of characters is measured on its first 200 only)
  const t = s.length > 200 ? s.slice(0, 200) : s;
  if (ctx.measureText(t).width <= w && t === s) return s;
  let lo = 0, hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(t.slice(0, mid) + "…").width <= w) lo = mid; else hi = mid - 1;
  }
  return t.slice(0, lo) + "…";
}

/**
 * @typedef {object} DrawState
 * @property {number} W              CSS pixels
 * @property {number} H
 * @property {number} dpr
 * @property {{x: number, y: number, k: number}} view   screen = graph × k + (x, y)
 * @property {GraphColors} colors
 * @property {number} sel            selected node, -1 none
 * @property {number} focus          keyboard focus, -1 none
 * @property {Set<number> | null} lit  nodes drawn in full (the rest faded); null: all
 * @property {boolean} strong        lit edges drawn in the accent colour (a highlight, not a hover)
 * @property {Labels} labels
 */

/**
 * Draw the visible part of the graph. Returns how many nodes and edges were drawn.
 * @param {CanvasRenderingContext2D} ctx @param {GraphModel} m @param {DrawState} st
 */
export function drawGraph(ctx, m, st) {
  const { W, H, dpr, view, colors: C } = st;
  const k = view.k;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = C.bg;
  ctx.fillRect(0, 0, W, H);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * view.x, dpr * view.y);
  const x0 = -view.x / k, y0 = -view.y / k, x1 = (W - view.x) / k, y1 = (H - view.y) / k;
  const vis = visibleIn(m, x0, y0, x1, y1);
  const lit = st.lit;
  const edges = m.graph.edges;
  /** @param {number} e */
  const edgeLit = (e) => !lit || (has(m, lit, edges[e].from) && has(m, lit, edges[e].to));
  // faded edges first, lit ones over them
  for (const pass of [false, true]) {
    for (const e of vis.edges) {
      const on = edgeLit(e);
      if (on !== pass) continue;
      const strong = on && !!lit && st.strong;
      drawEdge(ctx, edges[e].points, edges[e].kind === "reference", {
        color: strong ? C.accent : C.edge, alpha: on ? 1 : DIM, width: (strong ? 2.2 : 1.3) / Math.max(k, 0.5), head: k >= 0.2,
      });
    }
  }
  const text = k >= TEXT_ZOOM;
  for (const i of vis.nodes) drawNode(ctx, m, i, st, text, !lit || lit.has(i));
  ctx.globalAlpha = 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { nodes: vis.nodes.length, edges: vis.edges.length };
}

/** @param {GraphModel} m @param {Set<number>} lit @param {string} id */
function has(m, lit, id) {
  const i = m.index.get(id);
  return i != null && lit.has(i);
}

/**
 * @param {CanvasRenderingContext2D} ctx @param {{x: number, y: number}[]} p @param {boolean} dashed
 * @param {{color: string, alpha: number, width: number, head: boolean}} o
 */
function drawEdge(ctx, p, dashed, o) {
  if (p.length < 2) return;
  ctx.globalAlpha = o.alpha;
  ctx.strokeStyle = o.color;
  ctx.fillStyle = o.color;
  ctx.lineWidth = o.width;
  ctx.setLineDash(dashed ? [5, 4] : []);
  ctx.beginPath();
  ctx.moveTo(p[0].x, p[0].y);
  for (let j = 1; j < p.length; j++) ctx.lineTo(p[j].x, p[j].y);
  ctx.stroke();
  ctx.setLineDash([]);
  if (!o.head) return;
  const a = p[p.length - 2], b = p[p.length - 1];
  const ang = Math.atan2(b.y - a.y, b.x - a.x);
  const L = 8;
  ctx.beginPath();
  ctx.moveTo(b.x, b.y);
  ctx.lineTo(b.x - L * Math.cos(ang - 0.42), b.y - L * Math.sin(ang - 0.42));
  ctx.lineTo(b.x - L * Math.cos(ang + 0.42), b.y - L * Math.sin(ang + 0.42));
  ctx.closePath();
  ctx.fill();
}

/**
 * @param {CanvasRenderingContext2D} ctx @param {GraphModel} m @param {number} i @param {DrawState} st
 * @param {boolean} text @param {boolean} on
 */
function drawNode(ctx, m, i, st, text, on) {
  const C = st.colors;
  const nd = m.nodes[i];
  const col = nd.phase ? C.ph[nd.phase] : C.muted;
  const { x, y, width: w, height: hgt } = nd;
  ctx.globalAlpha = on ? 1 : DIM;
  if (!text) {
    // far out: solid boxes in the phase colour
    ctx.fillStyle = col;
    ctx.fillRect(x, y, w, hgt);
  } else {
    ctx.beginPath();
    ctx.roundRect(x, y, w, hgt, 6);
    ctx.fillStyle = C.surface;
    ctx.fill();
    ctx.globalAlpha = (on ? 1 : DIM) * 0.16;
    ctx.fillStyle = col;
    ctx.fill();
    ctx.globalAlpha = on ? 1 : DIM;
    ctx.fillRect(x, y + 3, 4, hgt - 6);
    ctx.strokeStyle = col;
    ctx.lineWidth = 1.3;
    if (!nd.phase) ctx.setLineDash([4, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
    const l = st.labels.get(ctx, m, i);
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    ctx.fillStyle = C.fg;
    ctx.font = FONT_NAME;
    ctx.fillText(l.name, x + 12, y + 16);
    ctx.fillStyle = C.muted;
    ctx.font = FONT_TYPE;
    ctx.fillText(l.type, x + 12, y + 31);
    ctx.fillStyle = col;
    ctx.font = FONT_ICON;
    ctx.textAlign = "center";
    ctx.fillText(PHASE_ICONS[nd.phase || "none"], x + w - 13, y + hgt / 2);
    ctx.textAlign = "left";
  }
  if (i === st.sel) {
    ctx.globalAlpha = 1;
    ctx.strokeStyle = C.fg;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.roundRect(x - 2, y - 2, w + 4, hgt + 4, 7);
    ctx.stroke();
  }
  if (i === st.focus) {
    ctx.globalAlpha = 1;
    ctx.strokeStyle = C.accent;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 3]);
    ctx.beginPath();
    ctx.roundRect(x - 6, y - 6, w + 12, hgt + 12, 9);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}
