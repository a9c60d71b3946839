// @ts-check
// Drawing the timeline's canvas from a Scene (what timeline-view.js knows at the
// moment of a frame): lane backgrounds, the grid, the run's start and end, the
// bars (timeline-bars.js), the label gutter, the time axis and the notes when
// there is nothing to draw. No state: everything comes in the Scene.
import { fmtTime, fmtTick, fmtDate, localZone } from "../fmt.js";
import { LANE_H, AXIS_H, RIGHT_PAD, FONT, FONT_SMALL, DIM_ALPHA, labelFit } from "./timeline-style.js";
import { drawBars, windowRow, dimmed } from "./timeline-bars.js";
import { PHASE_ICONS } from "./phase-marks.js";

/** @import { LaneWindow, TimeMode } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */
/** @import { Viewport } from "./timeline-viewport.js" */
/** @import { Colors } from "./timeline-style.js" */

/**
 * What one frame of the canvas draws.
 * @typedef {object} Scene
 * @property {number} W      canvas width, CSS px
 * @property {number} H      canvas height
 * @property {number} dpr
 * @property {number} labelW the label gutter's width
 * @property {number} st     the lanes' scroll offset
 * @property {number} first  the first row on screen
 * @property {number} last   the last row on screen
 * @property {Viewport} vp
 * @property {Colors} C
 * @property {TimeMode} mode
 * @property {Messages} m  the interface's words and numbers
 * @property {number | null} base  what relative times count from
 * @property {number} count  visible lanes
 * @property {number} total  all lanes
 * @property {number | null} start  the run's start and end (dashed lines)
 * @property {number | null} end
 * @property {number} openEnd where open spans are drawn up to
 * @property {number} selRow  the selected row (-1: none on screen)
 * @property {number} hoverRow
 * @property {LaneWindow | null} win  what the lane source gave to draw
 * @property {ReadonlySet<string> | null} highlight  lanes drawn at full strength (null: all)
 * @property {(ctx: CanvasRenderingContext2D, row: number, label: string, maxW: number) => string} fitLabel  a row's label cut to a width (cached)
 */

/** The axis's words per time mode. @type {Record<TimeMode, import("../types.js").MessageKey>} */
const AXIS_MODE = { utc: "tl.axis.utc", local: "tl.axis.local", rel: "tl.axis.rel" };

/** Draw the whole canvas. @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawTimeline(ctx, s) {
  const { C, W, H, vp, st, first, last } = s;
  ctx.setTransform(s.dpr, 0, 0, s.dpr, 0, 0);
  ctx.fillStyle = C.bg;
  ctx.fillRect(0, 0, W, H);
  ctx.font = FONT;
  ctx.textBaseline = "middle";
  const x0 = vp.plotX0, x1 = vp.plotX0 + vp.plotW;
  const ticks = vp.hasTime ? vp.ticks(s.mode, s.base) : { step: 0, list: [] };

  // lane backgrounds
  for (let p = first; p <= last; p++) {
    const y = AXIS_H + p * LANE_H - st;
    if (p === s.selRow) { ctx.fillStyle = C.sel; ctx.fillRect(0, y, W, LANE_H); }
    else if (p === s.hoverRow) { ctx.fillStyle = C.hover; ctx.fillRect(0, y, W, LANE_H); }
    else if (p % 2 === 1) { ctx.fillStyle = C.zebra; ctx.fillRect(0, y, W, LANE_H); }
  }

  // grid
  ctx.strokeStyle = C.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of ticks.list) {
    const x = Math.round(vp.x(t)) + 0.5;
    ctx.moveTo(x, AXIS_H); ctx.lineTo(x, H);
  }
  ctx.stroke();

  // spans and markers, clipped to the plot area
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, AXIS_H, x1 - x0 + RIGHT_PAD, H - AXIS_H);
  ctx.clip();
  if (vp.hasTime) {
    // run start / end
    ctx.setLineDash([3, 3]);
    ctx.strokeStyle = C.endLine;
    ctx.beginPath();
    for (const t of [s.start, s.end]) {
      if (t == null || t < vp.v0 || t > vp.v1) continue;
      const x = Math.round(vp.x(t)) + 0.5;
      ctx.moveTo(x, AXIS_H); ctx.lineTo(x, H);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (s.win) drawBars(ctx, s.win, s);
  }
  ctx.restore();

  drawGutter(ctx, s);
  drawAxis(ctx, s, ticks);

  if (!vp.hasTime || !s.count) {
    ctx.fillStyle = C.muted;
    ctx.font = FONT;
    ctx.textAlign = "center";
    const msg = s.m.t(!s.total ? "tl.noElements" : !s.count ? "tl.noMatch" : "tl.noTimesAtAll");
    ctx.fillText(msg, x0 + vp.plotW / 2, AXIS_H + Math.min(H - AXIS_H, 80) / 2 + 12);
    ctx.textAlign = "left";
  }
  ctx.textBaseline = "alphabetic";
}

const ICON_FONT = "700 11px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The label gutter: the phase's icon and the label per row (a grey bar while its label is on its way). @param {CanvasRenderingContext2D} ctx @param {Scene} s */
function drawGutter(ctx, s) {
  const { C, H, labelW, st } = s;
  ctx.fillStyle = C.gutterBg;
  ctx.fillRect(0, AXIS_H, labelW, H - AXIS_H);
  for (let p = s.first; p <= s.last; p++) {
    const y = AXIS_H + p * LANE_H - st;
    if (p === s.selRow) { ctx.fillStyle = C.sel; ctx.fillRect(0, y, labelW, LANE_H); }
    else if (p === s.hoverRow) { ctx.fillStyle = C.hover; ctx.fillRect(0, y, labelW, LANE_H); }
    const r = s.win && windowRow(s.win, p);
    if (!r) {
      ctx.fillStyle = C.grid;
      ctx.fillRect(22, y + LANE_H / 2 - 3, Math.min(120, labelW - 40), 6);
      continue;
    }
    if (dimmed(s, p)) ctx.globalAlpha = DIM_ALPHA;
    // The phase as its icon in its colour: told apart by shape too (phase-marks.js).
    ctx.fillStyle = C.ph[r.phase] || C.ph.Unknown;
    ctx.font = ICON_FONT;
    ctx.textAlign = "center";
    ctx.fillText(PHASE_ICONS[/** @type {keyof typeof PHASE_ICONS} */ (r.phase)] || PHASE_ICONS.Unknown, 12, y + LANE_H / 2 + 0.5);
    ctx.textAlign = "left";
    ctx.fillStyle = C.fg;
    ctx.font = p === s.selRow ? "600 " + FONT : FONT;
    ctx.fillText(s.fitLabel(ctx, p, r.label, labelW - 30), 22, y + LANE_H / 2 + 0.5);
    ctx.font = FONT;
    ctx.globalAlpha = 1;
  }
  ctx.fillStyle = C.border;
  ctx.fillRect(labelW, 0, 1, H);
}

/** The time axis: the mode and zone on the left, ticks over the plot. @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {{step: number, list: number[]}} ticks */
function drawAxis(ctx, s, ticks) {
  const { C, W, vp, mode, base, labelW } = s;
  const x0 = vp.plotX0, x1 = vp.plotX0 + vp.plotW;
  ctx.fillStyle = C.axisBg;
  ctx.fillRect(0, 0, W, AXIS_H);
  ctx.fillStyle = C.border;
  ctx.fillRect(0, AXIS_H - 1, W, 1);
  ctx.fillStyle = C.muted;
  ctx.font = FONT_SMALL;
  ctx.textBaseline = "alphabetic";
  ctx.fillText(s.m.t(AXIS_MODE[mode]), 10, 12);
  ctx.fillStyle = C.fg;
  ctx.font = FONT;
  const zoneLine = mode === "rel"
    ? (base != null ? s.m.t("tl.relZero", { start: fmtTime(base, "utc", null, s.m) }) : "")
    : mode === "local" ? localZone(s.m) + (vp.hasTime ? " · " + fmtDate(vp.v0, "local", s.m) : "")
      : (vp.hasTime ? fmtDate(vp.v0, "utc", s.m) : "");
  ctx.fillText(labelFit(ctx, zoneLine, labelW - 16), 10, 25);
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, 0, x1 - x0 + RIGHT_PAD, AXIS_H);
  ctx.clip();
  ctx.strokeStyle = C.muted;
  ctx.beginPath();
  for (const t of ticks.list) {
    const x = Math.round(vp.x(t)) + 0.5;
    ctx.moveTo(x, AXIS_H - 6); ctx.lineTo(x, AXIS_H - 1);
  }
  ctx.stroke();
  ctx.fillStyle = C.fg;
  ctx.textAlign = "center";
  for (const t of ticks.list) {
    const x = vp.x(t);
    const label = fmtTick(t, ticks.step, mode, base ?? 0, s.m);
    const w = ctx.measureText(label).width;
    const cx = Math.max(x0 + w / 2 + 2, Math.min(x1 + RIGHT_PAD - w / 2 - 2, x));
    ctx.fillText(label, cx, 18);
  }
  ctx.textAlign = "left";
  ctx.restore();
  ctx.fillStyle = C.border;
  ctx.fillRect(labelW, 0, 1, AXIS_H);
}
