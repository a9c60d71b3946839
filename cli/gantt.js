// @ts-check
// The Gantt chart of a run in Unicode blocks: one row per element, sized to the
// terminal. It draws from the core's TimelineView (the same per-column raster the
// page draws from, docs/reference.md#payload-and-timelineview): two raster cells per
// terminal column, so bars end on half columns (▌ ▐), and a million-element run
// costs what the rows on screen cost.
//
//   shop-api-deployment  ✗ ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░█✗
//
// - █ the element ran (its start is in the payload);
// - ░ its start is not in the payload, so the bar starts at the run's start
//   (the core's startInferred): what is known is the end;
// - ✗ after the bar: the element failed; ✗ inside a bar: a failure event;
// - ▸ after the bar: still running at the payload's last update.
// The mark before the bar (✓ ✗ ↻ ⊘ ↷ ◌ ?) tells the phase without colour.
import { frameBits } from "execscope";
import { PHASES } from "./style.js";
import { clock, duration, zoneLabel } from "./time.js";
import { oneLine, pad, width, wrap } from "./width.js";

/** @typedef {import("execscope").Phase} Phase */
/** @typedef {import("./style.js").Style} Style */

/**
 * What the chart needs of the core's TimelineView (tests may pass their own).
 * @typedef {object} ViewLike
 * @property {number | undefined} start
 * @property {number | undefined} end
 * @property {number} visibleCount
 * @property {(from: number, to: number) => string[]} labels
 * @property {(from: number, to: number) => Uint8Array} lanePhases
 * @property {(t0: number, t1: number, columns: number, from: number, to: number) => Uint8Array} frame
 */

/** What a frame cell's bits mean, from the core (frameBits(), docs/reference.md#payload-and-timelineview). */
const BITS = frameBits();
/** The core's phase index order (TimelineView.lanePhases, frame bits 0–2 minus one). */
export const PHASE_INDEX = BITS.phases;
const FAILED = PHASE_INDEX.indexOf("Failed");
const PHASE = BITS.phase;
const INFERRED = BITS.inferred;
const OPEN = BITS.open;
const FAILURE = BITS.failure;

/**
 * @typedef {object} GanttOptions
 * @property {number} width       columns of the whole chart
 * @property {Style} style
 * @property {boolean} utc
 * @property {number} lanes       most rows to draw
 * @property {boolean} failedFirst  Failed elements first, then the rest in time order
 */

/**
 * The chart's lines (without a trailing newline), or [] when there is nothing to draw.
 * @param {ViewLike} view
 * @param {GanttOptions} o
 * @returns {string[]}
 */
export function gantt(view, o) {
  const n = view.visibleCount;
  const st = o.style;
  if (n === 0) return [];
  const t0 = view.start;
  const t1 = view.end;
  const phases = view.lanePhases(0, n);
  let order = [...Array(n).keys()];
  if (o.failedFirst) order = [...order.filter((i) => phases[i] === FAILED), ...order.filter((i) => phases[i] !== FAILED)];
  const shown = order.slice(0, Math.max(1, o.lanes));
  const labels = shown.map((i) => oneLine(view.labels(i, i + 1)[0] ?? ""));

  const labelW = Math.max(4, Math.min(Math.max(...labels.map(width)), 40, Math.floor(o.width * 0.35)));
  // label, space, mark, space, bar, one column for the mark after the bar.
  const barW = Math.max(4, o.width - labelW - 4);
  const lines = [];
  const head = `Timeline, ${n.toLocaleString("en-US")} element${n === 1 ? "" : "s"}`;
  if (t0 == null || t1 == null) {
    lines.push(...wrap(`${st.bold(head)}: no element has a time`, o.width));
  } else {
    // Times only when the chart spans one day, else dates too (on both ends).
    const left = clock(t0, t1, o.utc);
    const right = clock(t1, t0, o.utc);
    lines.push(...wrap(`${st.bold(head)}: ${left} → ${right} ${zoneLabel(t0, o.utc)} (${duration(t1 - t0)})`, o.width));
    if (width(left) + width(right) + 2 <= barW) {
      lines.push(" ".repeat(labelW + 3) + "┊" + left + " ".repeat(barW - width(left) - width(right) - 2) + right + "┊");
    }
  }
  const a = t0 ?? 0;
  const b = t1 != null && t1 > a ? t1 : a + 1;
  const used = { inferred: false, failed: false, open: false, ran: false };
  for (const [k, i] of shown.entries()) {
    const phase = PHASE_INDEX[phases[i]] ?? "Unknown";
    const mark = st.phase(phase, (PHASES[phase] ?? PHASES.Unknown).mark);
    const cells = t0 == null ? new Uint8Array(0) : view.frame(a, b, barW * 2, i, i + 1);
    const row = bar(cells, barW, phase, st, used);
    lines.push(`${pad(labels[k], labelW)} ${mark} ${row}`.trimEnd());
  }
  if (n > shown.length) {
    const hidden = order.slice(shown.length);
    const failed = hidden.filter((i) => phases[i] === FAILED).length;
    let note = `… ${(n - shown.length).toLocaleString("en-US")} more (--lanes N shows more`;
    if (failed > 0 && !o.failedFirst) note += `; ${failed.toLocaleString("en-US")} of them failed: --failed shows those first`;
    lines.push(st.dim(note + ")"));
  }
  const legend = [];
  if (used.ran) legend.push("█ ran");
  if (used.inferred) legend.push("░ no start in the payload");
  if (used.failed) legend.push("✗ failed");
  if (used.open) legend.push("▸ still running");
  // The legend, wrapped between its items.
  let line = "";
  for (const item of legend) {
    if (line && width(line) + 2 + width(item) > o.width) {
      lines.push(st.dim(line));
      line = "";
    }
    line = line ? `${line}  ${item}` : item;
  }
  if (line) lines.push(st.dim(line));
  return lines;
}

/**
 * One row: barW columns from 2·barW raster cells, then the mark after the bar.
 * @param {Uint8Array} cells
 * @param {number} barW
 * @param {Phase} lanePhase
 * @param {Style} st
 * @param {{inferred: boolean, failed: boolean, open: boolean, ran: boolean}} used
 */
function bar(cells, barW, lanePhase, st, used) {
  /** @type {string[]} */
  const out = [];
  let last = -1;
  let lastOpen = false;
  let lastCross = false;
  for (let c = 0; c < barW; c++) {
    const l = cells[2 * c] ?? 0;
    const r = cells[2 * c + 1] ?? 0;
    if ((l & PHASE) === 0 && (r & PHASE) === 0) {
      out.push(" ");
      continue;
    }
    const cell = (r & PHASE) !== 0 ? r : l;
    const phase = PHASE_INDEX[(cell & PHASE) - 1] ?? "Unknown";
    const inferred = ((l | r) & INFERRED) !== 0;
    let glyph;
    if ((l & FAILURE) !== 0 || (r & FAILURE) !== 0) {
      glyph = "✗";
      used.failed = true;
    } else if (inferred) {
      glyph = "░";
      used.inferred = true;
    } else {
      glyph = (l & PHASE) === 0 ? "▐" : (r & PHASE) === 0 ? "▌" : "█";
      used.ran = true;
    }
    out.push(st.phase(phase, glyph, inferred && glyph === "░"));
    last = c;
    lastOpen = (cell & OPEN) !== 0;
    lastCross = glyph === "✗";
  }
  let tail = "";
  if (lanePhase === "Failed" && !lastCross) {
    tail = st.phase("Failed", "✗");
    used.failed = true;
  } else if (lastOpen) {
    tail = st.phase(lanePhase, "▸");
    used.open = true;
  }
  if (tail) {
    // Right after the bar's last cell (or at its start when it has none).
    const at = last + 1;
    if (at < out.length && out[at] === " ") out[at] = tail;
    else out.push(tail);
  }
  return out.join("").trimEnd();
}
