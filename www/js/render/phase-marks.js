// @ts-check
// What tells the phases apart besides their colour (WCAG 1.4.1, "use of colour"):
// an icon per phase (the graph's boxes, the timeline's lane labels) and a stripe
// pattern on the bars of the two phases that end an element badly, Failed and
// Cancelled, in opposite directions. Without them a reader who cannot tell red
// from green sees a failed bar and a succeeded bar alike (checked on a
// simulated deuteranopia screenshot: tests/page/a11y.test.mjs). The DOM's chips
// and badges carry their glyphs through CSS (style.css, --ph-glyph).

/** @import { Phase } from "../types.js" */

/** The icon drawn for each phase (none: a template element the run does not report). @type {Record<Phase | "none", string>} */
export const PHASE_ICONS = {
  Pending: "…", Running: "▶", Succeeded: "✓", Failed: "✕", Cancelled: "⊘", Skipped: "↷", Unknown: "?", none: "○",
};

/** The stripes' direction per phase: 1 falls to the right (╲), -1 rises (╱); other phases are plain. @type {Partial<Record<Phase, number>>} */
const STRIPES = { Failed: 1, Cancelled: -1 };
const TILE = 6;

/** @type {WeakMap<CanvasRenderingContext2D, Map<string, CanvasPattern | null>>} */
const made = new WeakMap();

/**
 * The stripe pattern to lay over a bar of this phase, or null for a plain bar.
 * Made once per canvas and phase (light stripes: they read on every phase colour
 * in both themes).
 * @param {CanvasRenderingContext2D} ctx @param {Phase | string} phase
 * @returns {CanvasPattern | null}
 */
export function barPattern(ctx, phase) {
  const dir = STRIPES[/** @type {Phase} */ (phase)];
  if (!dir) return null;
  let byPhase = made.get(ctx);
  if (!byPhase) { byPhase = new Map(); made.set(ctx, byPhase); }
  if (byPhase.has(phase)) return byPhase.get(phase) || null;
  let pattern = null;
  try {
    const tile = document.createElement("canvas");
    tile.width = tile.height = TILE;
    const t = tile.getContext("2d");
    if (t) {
      t.strokeStyle = "rgba(255, 255, 255, 0.55)";
      t.lineWidth = 1.6;
      t.beginPath();
      // The diagonal and its two corner pieces, so that tiles join into unbroken stripes.
      for (const k of [-TILE, 0, TILE]) {
        if (dir > 0) { t.moveTo(k, 0); t.lineTo(k + TILE, TILE); } else { t.moveTo(k, TILE); t.lineTo(k + TILE, 0); }
      }
      t.stroke();
      pattern = ctx.createPattern(tile, "repeat");
    }
  } catch (_) {
    pattern = null;
  }
  byPhase.set(phase, pattern);
  return pattern;
}

/**
 * Lay the phase's stripes over a rectangle already filled with its colour.
 * @param {CanvasRenderingContext2D} ctx @param {Phase | string} phase @param {number} x @param {number} y @param {number} w @param {number} h
 */
export function stripeBar(ctx, phase, x, y, w, h) {
  const p = w >= 3 ? barPattern(ctx, phase) : null;
  if (!p) return;
  ctx.fillStyle = p;
  ctx.fillRect(x, y, w, h);
}
