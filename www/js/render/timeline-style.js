// @ts-check
// The timeline's look: sizes, fonts, the theme's colours (CSS custom
// properties), and labels cut to a width.
import { PHASES } from "../fmt.js";

/** @import { Phase } from "../types.js" */

export const LANE_H = 22;
export const BAR_H = 14;
export const AXIS_H = 30;
export const RIGHT_PAD = 14;
const FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const FONT = "12px " + FAMILY;
export const FONT_SMALL = "10px " + FAMILY;
/** How opaque a lane outside the highlighted set is drawn. */
export const DIM_ALPHA = 0.25;

/**
 * The theme's colours, read from CSS custom properties.
 * @typedef {{ph: Record<Phase, string>, bg: string, zebra: string, grid: string, axisBg: string, gutterBg: string,
 *   border: string, fg: string, muted: string, sel: string, hover: string, accent: string, barText: string,
 *   endLine: string, ovDim: string}} Colors
 */

/** A CSS colour with alpha a (#rgb, #rrggbb, rgb(), rgba(); anything else grey). @param {string} color @param {number} a */
export function rgba(color, a) {
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

/** The theme's colours as they apply to `el`. @param {Element} el @returns {Colors} */
export function readColors(el) {
  const cs = getComputedStyle(el);
  /** @param {string} n @param {string} d */
  const v = (n, d) => (cs.getPropertyValue(n) || "").trim() || d;
  const ph = /** @type {Record<Phase, string>} */ ({});
  for (const p of /** @type {Phase[]} */ (PHASES)) ph[p] = v("--ph-" + p.toLowerCase(), "#888");
  return {
    ph,
    bg: v("--tl-bg", "#fff"), zebra: v("--tl-zebra", "#f6f8fa"), grid: v("--tl-grid", "#e5e7eb"),
    axisBg: v("--tl-axis-bg", "#f6f8fa"), gutterBg: v("--tl-gutter-bg", "#fbfcfd"), border: v("--border", "#d0d7de"),
    fg: v("--fg", "#1f2328"), muted: v("--muted", "#656d76"), sel: v("--tl-sel", "rgba(9,105,218,.12)"),
    hover: v("--tl-hover", "rgba(0,0,0,.04)"), accent: v("--accent", "#0969da"), barText: v("--tl-bar-text", "#fff"),
    endLine: v("--tl-endline", "#8c959f"), ovDim: v("--tl-ov-dim", "rgba(0,0,0,.08)"),
  };
}

/** `s` cut with an ellipsis to fit `w` px in the context's font. @param {CanvasRenderingContext2D} ctx @param {string} s @param {number} w */
export function labelFit(ctx, s, w) {
  if (ctx.measureText(s).width <= w) return s;
  let lo = 0, hi = s.length;
  while (lo < hi) { const m = (lo + hi + 1) >> 1; if (ctx.measureText(s.slice(0, m) + "…").width <= w) lo = m; else hi = m - 1; }
  return s.slice(0, lo) + "…";
}
