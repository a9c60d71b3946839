// @ts-check
// Every text the timeline shows, in one place (the Chinese interface swaps this
// object for its catalog). Numbers, times and durations come formatted.
import { fmtNum } from "../fmt.js";

/** @import { MarkerKind, TimeMode } from "../types.js" */

/** @param {number} n */
const lanes = (n) => fmtNum(n) + (n === 1 ? " lane" : " lanes");

export const TEXT = {
  // toolbar
  filterPlaceholder: "Filter lanes…",
  filterLabel: "Filter lanes by name",
  zoomOut: "−",
  zoomOutTitle: "Zoom out (− or S)",
  zoomIn: "+",
  zoomInTitle: "Zoom in (+ or W)",
  fit: "Fit",
  fitTitle: "Fit the whole run (F or 0)",
  hint: "Wheel: zoom · Shift+wheel or wheel over names: scroll · Drag: pan · Click: details",
  /** @param {number} shown @param {number} total */
  laneCount: (shown, total) => (shown === total ? lanes(total) : fmtNum(shown) + " of " + lanes(total)),
  /** @param {string} from @param {string} to @param {string} duration */
  range: (from, to, duration) => from + " → " + to + "  (" + duration + ")",
  noTimes: "no times in this payload",

  // legend
  legend: "Legend",
  /** @param {string} phase */
  phase: (phase) => phase,
  inferredStart: "inferred start",
  stillOpen: "still open",
  /** @type {Record<MarkerKind, string>} */
  markerLegend: { start: "start", success: "success", failure: "failure", other: "other event" },
  anyEvent: "event (any)",

  // the canvas
  /** @param {number} n @param {"objects" | "frames"} kind */
  canvasLabel: (n, kind) => "Timeline of " + fmtNum(n) + " elements" + (kind === "frames" ? " (drawn from frames)" : ""),
  /** @type {Record<TimeMode, string>} */
  axisMode: { utc: "UTC", local: "LOCAL TIME", rel: "RELATIVE TO START" },
  /** @param {string} start */
  relZero: (start) => "0 = " + start,
  noElements: "This run has no elements to draw.",
  noMatch: "No lane matches the filters.",
  noTimesAtAll: "No element in this payload carries a time: lanes are listed without bars.",
  laneWithoutTime: "no time in the payload",
  /** @param {string} duration */
  openBar: (duration) => "open · " + duration,
  /** @param {number} n */
  times: (n) => "×" + n,
  overview: "OVERVIEW",
  overviewTitle: "Overview of the whole run: drag the window to move, drag elsewhere to pick a range, click to center",

  // the tooltip
  /** @type {Record<MarkerKind, string>} */
  kind: { start: "start", success: "success", failure: "failure", other: "event" },
  /** @param {string} action */
  action: (action) => "action " + action,
  event: "Event",
  kindKey: "Kind",
  at: "At",
  start: "Start",
  inferredRunStart: "  (inferred: run start)",
  startFrom: "Start from",
  end: "End",
  openStillRunning: "open — still running",
  duration: "Duration",
  soFar: " so far",
  spans: "Spans",
  events: "Events",
  reason: "Reason",

  // the panel around it (views/run-panel.js)
  title: "Timeline",
  framesPill: "large · drawn from frames",
  framesPillTitle: "A large timeline: it stays in the core (in the worker) and is drawn from frames of one byte per pixel column",
  /** @param {string} element */
  noLaneFor: (element) => "The failed element " + element + " has no lane in the timeline.",
};
