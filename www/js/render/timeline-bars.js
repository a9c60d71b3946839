// @ts-check
// The bars and markers of the rows on screen, from what the lane source gave
// (a LaneWindow): lanes drawn span by span (fades for inferred starts, arrows
// for open spans, durations inside wide bars, a shape per marker kind), or the
// cells of a frame drawn column run by column run (the meaning of their bits
// comes from the core: FrameBits). A frame made for an older window is drawn
// scaled and shifted to the current one.
import { fmtDuration } from "../fmt.js";
import { LANE_H, BAR_H, AXIS_H, RIGHT_PAD, FONT, FONT_SMALL, DIM_ALPHA, rgba } from "./timeline-style.js";
import { stripeBar } from "./phase-marks.js";

/** @import { Lane, LaneWindow, MarkerKind, Phase } from "../types.js" */
/** @import { Scene } from "./timeline-draw.js" */
/** @import { Colors } from "./timeline-style.js" */

/** Row p's id, label and phase, if the window has it. @param {LaneWindow} win @param {number} p @returns {{id: string, label: string, phase: Phase} | null} */
export function windowRow(win, p) {
  if (p < win.from || p >= win.to) return null;
  if (win.kind === "lanes") {
    const l = win.lanes[p - win.from];
    return l ? { id: l.id, label: l.label, phase: l.phase } : null;
  }
  const k = p - win.from;
  return k < win.rows.ids.length ? { id: win.rows.ids[k], label: win.rows.labels[k], phase: win.rows.phases[k] } : null;
}

/** Whether row p is drawn dimmed (a highlight is set and its lane is not in it). @param {Scene} s @param {number} p */
export function dimmed(s, p) {
  if (!s.highlight || !s.win) return false;
  const r = windowRow(s.win, p);
  return r != null && !s.highlight.has(r.id);
}

/** @param {CanvasRenderingContext2D} ctx @param {LaneWindow} win @param {Scene} s */
export function drawBars(ctx, win, s) {
  const from = Math.max(s.first, win.from), to = Math.min(s.last, win.to - 1);
  for (let p = from; p <= to; p++) {
    const y = AXIS_H + p * LANE_H - s.st;
    const dim = dimmed(s, p);
    if (dim) ctx.globalAlpha = DIM_ALPHA;
    if (win.kind === "lanes") drawLane(ctx, win.lanes[p - win.from], y, p === s.selRow, s);
    else drawCells(ctx, win, p, y, s);
    if (dim) ctx.globalAlpha = 1;
  }
}

/** One lane's spans and markers. @param {CanvasRenderingContext2D} ctx @param {Lane} lane @param {number} y @param {boolean} selected @param {Scene} s */
function drawLane(ctx, lane, y, selected, s) {
  const { C, vp } = s;
  const x0 = vp.plotX0, x1 = vp.plotX0 + vp.plotW + RIGHT_PAD;
  const by = y + (LANE_H - BAR_H) / 2;
  if (!lane.spans.length && !lane.markers.length) {
    ctx.fillStyle = C.muted;
    ctx.font = FONT_SMALL;
    ctx.fillText(s.m.t("tl.laneWithoutTime"), x0 + 6, y + LANE_H / 2);
    ctx.font = FONT;
    return;
  }
  for (const sp of lane.spans) {
    const e = sp.end != null ? sp.end : Math.max(s.openEnd, sp.start);
    if (e < vp.v0 || sp.start > vp.v1) continue;
    const col = C.ph[sp.phase] || C.ph.Unknown;
    const sx = vp.x(sp.start), ex = vp.x(e);
    const a = Math.max(x0 - 4, sx);
    const b = Math.min(x1 + 4, ex);
    const w = Math.max(sp.end == null ? 24 : 2, b - a);
    const left = a, right = left + w;
    const fade = Math.min(26, w * 0.45);
    const open = sp.end == null;
    // body
    const solidL = sp.startInferred && sx >= x0 - 4 ? left + fade : left;
    const solidR = open && ex <= x1 + 4 ? right - fade : right;
    ctx.fillStyle = col;
    if (solidR > solidL) { ctx.fillRect(solidL, by, solidR - solidL, BAR_H); stripeBar(ctx, sp.phase, solidL, by, solidR - solidL, BAR_H); }
    if (solidL > left) {
      const g = ctx.createLinearGradient(left, 0, solidL, 0);
      g.addColorStop(0, rgba(col, 0.08));
      g.addColorStop(1, col);
      ctx.fillStyle = g;
      ctx.fillRect(left, by, solidL - left, BAR_H);
      inferredEdge(ctx, col, left, by);
    }
    if (right > solidR) {
      const g = ctx.createLinearGradient(solidR, 0, right, 0);
      g.addColorStop(0, col);
      g.addColorStop(1, rgba(col, 0.2));
      ctx.fillStyle = g;
      ctx.fillRect(solidR, by, right - solidR, BAR_H);
      openArrow(ctx, col, right, y, by);
    }
    if (selected) {
      ctx.strokeStyle = C.fg;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(left + 0.5, by - 0.5, w - 1, BAR_H + 1);
      ctx.lineWidth = 1;
    }
    // duration text inside wide bars
    if (w > 70 && !lane.markers.length) {
      const txt = open ? s.m.t("tl.openBar", { d: fmtDuration(e - sp.start, s.m) }) : fmtDuration(e - sp.start, s.m);
      ctx.font = FONT_SMALL;
      const tw = ctx.measureText(txt).width;
      if (tw + 12 < w) {
        ctx.fillStyle = C.barText;
        const tx = Math.max(left + 6, Math.min(right - tw - 6, Math.max(x0 + 6, left + 6)));
        ctx.fillText(txt, tx, y + LANE_H / 2 + 0.5);
      }
      ctx.font = FONT;
    }
  }
  // markers (one per pixel column and kind)
  if (lane.markers.length) {
    const cy = y + LANE_H / 2;
    let lastX = -1e9, lastKind = "";
    for (const m of lane.markers) {
      if (m.at < vp.v0 || m.at > vp.v1) continue;
      const mx = Math.round(vp.x(m.at));
      if (mx === lastX && m.kind === lastKind) continue;
      lastX = mx; lastKind = m.kind;
      drawMarker(ctx, C, m.kind, mx + 0.5, cy);
      if (m.count > 1) {
        ctx.font = FONT_SMALL;
        ctx.fillStyle = C.fg;
        ctx.fillText(s.m.t("tl.times", { n: m.count }), mx + 6, cy - 5);
        ctx.font = FONT;
      }
    }
  }
}

/** One row of a frame: runs of equal cells as bars, a tick per column with an event, a diamond where one is a failure. @param {CanvasRenderingContext2D} ctx @param {LaneWindow & {kind: "cells"}} win @param {number} p @param {number} y @param {Scene} s */
function drawCells(ctx, win, p, y, s) {
  const fd = win.frame;
  if (!fd) return;
  const { C, vp } = s;
  const bits = win.bits;
  /** The bits that make a run of cells one bar: the phase, inferred, open. */
  const same = bits.phase | bits.inferred | bits.open;
  const cols = fd.columns;
  const dt = (fd.t1 - fd.t0) / cols;
  const bytes = fd.bytes;
  // Columns of the frame inside the window (drawn scaled when the window moved since).
  const xa0 = vp.plotX0 - 4, xa1 = vp.plotX0 + vp.plotW + 18;
  const c0 = Math.max(0, Math.floor((vp.t(xa0) - fd.t0) / dt));
  const c1 = Math.min(cols, Math.ceil((vp.t(xa1) - fd.t0) / dt) + 1);
  const pxPerCol = vp.plotW / ((vp.v1 - vp.v0) / dt);
  if (p < fd.from || p >= fd.to) return;
  const by = y + (LANE_H - BAR_H) / 2;
  const row = (p - fd.from) * cols;
  let c = c0;
  while (c < c1) {
    const b = bytes[row + c];
    const ph = b & bits.phase;
    if (!ph) { c++; continue; }
    const key = b & same;
    let e = c + 1;
    while (e < c1 && (bytes[row + e] & same) === key) e++;
    const xa = vp.x(fd.t0 + c * dt);
    const xb = Math.max(xa + 1, vp.x(fd.t0 + e * dt));
    const col = C.ph[bits.phases[ph - 1]] || C.ph.Unknown;
    const inferred = (b & bits.inferred) !== 0;
    ctx.fillStyle = inferred ? rgba(col, 0.42) : col;
    ctx.fillRect(xa, by, xb - xa, BAR_H);
    stripeBar(ctx, bits.phases[ph - 1], xa, by, xb - xa, BAR_H);
    if (inferred && (c === 0 || (bytes[row + c - 1] & same) !== key)) inferredEdge(ctx, col, xa, by);
    if ((b & bits.open) && (e >= cols || !(bytes[row + e] & bits.phase))) openArrow(ctx, col, xb, y, by);
    c = e;
  }
  const cy = y + LANE_H / 2;
  let lastX = -1e9;
  for (let k = c0; k < c1; k++) {
    const b = bytes[row + k];
    if (!(b & bits.marker)) continue;
    const mx = Math.round(vp.x(fd.t0 + (k + 0.5) * dt));
    if (b & bits.failure) { drawMarker(ctx, C, "failure", mx + 0.5, cy); lastX = mx; continue; }
    if (mx - lastX < 3 && pxPerCol < 3) continue;
    lastX = mx;
    ctx.fillStyle = C.fg;
    ctx.fillRect(mx, by - 2, 1.5, BAR_H + 4);
  }
}

/** The dotted left edge of a bar whose start no source has. @param {CanvasRenderingContext2D} ctx @param {string} col @param {number} x @param {number} by */
function inferredEdge(ctx, col, x, by) {
  ctx.strokeStyle = rgba(col, 0.9);
  ctx.setLineDash([2, 2]);
  ctx.beginPath();
  ctx.moveTo(Math.round(x) + 0.5, by); ctx.lineTo(Math.round(x) + 0.5, by + BAR_H);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** The arrow after a bar still open. @param {CanvasRenderingContext2D} ctx @param {string} col @param {number} x @param {number} y @param {number} by */
function openArrow(ctx, col, x, y, by) {
  ctx.fillStyle = col;
  ctx.beginPath();
  ctx.moveTo(x + 1, by + 1);
  ctx.lineTo(x + 7, y + LANE_H / 2);
  ctx.lineTo(x + 1, by + BAR_H - 1);
  ctx.closePath();
  ctx.fill();
}

/** A marker's shape: diamond failure, dot success, ring start, square other. @param {CanvasRenderingContext2D} ctx @param {Colors} C @param {MarkerKind} kind @param {number} x @param {number} y */
function drawMarker(ctx, C, kind, x, y) {
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = C.bg;
  ctx.beginPath();
  if (kind === "failure") {
    ctx.moveTo(x, y - 5); ctx.lineTo(x + 5, y); ctx.lineTo(x, y + 5); ctx.lineTo(x - 5, y); ctx.closePath();
    ctx.fillStyle = C.ph.Failed;
    ctx.fill(); ctx.stroke();
  } else if (kind === "success") {
    ctx.arc(x, y, 4, 0, Math.PI * 2);
    ctx.fillStyle = C.ph.Succeeded;
    ctx.fill(); ctx.stroke();
  } else if (kind === "start") {
    ctx.arc(x, y, 3.5, 0, Math.PI * 2);
    ctx.fillStyle = C.bg;
    ctx.fill();
    ctx.strokeStyle = C.ph.Running;
    ctx.stroke();
  } else {
    ctx.lineWidth = 1;
    ctx.rect(x - 3.5, y - 3.5, 7, 7);
    ctx.fillStyle = C.ph.Unknown;
    ctx.fill(); ctx.stroke();
  }
  ctx.lineWidth = 1;
}
