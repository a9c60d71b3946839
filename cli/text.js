// @ts-check
// What the plain and Markdown reports share: format names, the bilingual halves
// to show (split by the core), progress in words, the failed and cancelled elements.

import { core } from "./report.js";

/** @typedef {import("execscope").Format} Format */
/** @typedef {import("execscope").Run} Run */
/** @typedef {import("execscope").Lane} Lane */
/** @typedef {import("execscope").Bilingual} Bilingual */
/** @typedef {import("execscope").TimelineView} TimelineView */
/** @typedef {"zh" | "en" | "both"} Lang */

/** @type {Record<Format, string>} */
export const FORMAT_NAMES = {
  "aos-execution": "AOS execution",
  "gcs-execution": "GCS execution",
  "execution-events": "execution events",
  "workflow-executions": "AOM workflow history",
  "rfs-stack-events": "RFS stack events",
  "api-error": "API error response",
};

/** @param {string} f */
export const formatName = (f) => FORMAT_NAMES[/** @type {Format} */ (f)] ?? f;

/**
 * The halves of a bilingual text to show, split by the core (splitBilingual):
 * one for zh or en (falling back to the other half, then the raw text), both
 * (Chinese first) for both.
 * @param {string | null | undefined} text
 * @param {Lang} lang
 * @returns {string[]}
 */
export function halves(text, lang) {
  if (text == null || text === "") return [];
  /** @type {Bilingual} */
  const b = core.splitBilingual(text);
  if (b.zh == null && b.en == null) return [b.raw];
  if (lang === "zh") return [b.zh ?? b.en ?? b.raw];
  if (lang === "en") return [b.en ?? b.zh ?? b.raw];
  return [b.zh, b.en].filter((x) => x != null);
}

/** The same on one line: "中文 · English" for both. @param {string | null | undefined} text @param {Lang} lang */
export function oneHalf(text, lang) {
  return halves(text, lang).join(" · ");
}

/** An event's Bilingual the same way. @param {Bilingual} b @param {Lang} lang */
export function eventText(b, lang) {
  if (b.zh == null && b.en == null) return b.raw;
  if (lang === "zh") return b.zh ?? b.en ?? b.raw;
  if (lang === "en") return b.en ?? b.zh ?? b.raw;
  return [b.zh, b.en].filter((x) => x != null).join(" · ");
}

/**
 * Progress in words: "62% · 10 of 16 elements succeeded", with a note when the
 * payload's own figure and the elements disagree, or when it has none.
 * @param {Run} run
 */
export function progressText(run) {
  const p = run.progress;
  const of = `${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")} element${p.total === 1 ? "" : "s"} succeeded`;
  if (p.reported == null && p.derived == null) return "— (no elements)";
  if (p.reported == null) return `${p.derived}% · ${of} (the payload reports no progress)`;
  if (p.derived == null) return `${p.reported}% reported (no elements to count)`;
  if (p.reported === p.derived) return `${p.reported}% · ${of}`;
  return `${p.reported}% reported, ${p.derived}% derived · ${of}: the payload's figure and its elements disagree`;
}

/** Phase bits for TimelineView.filter (index order Pending, Running, Succeeded, Failed, Cancelled, Skipped, Unknown). */
const FAILED = 1 << 3;
const CANCELLED = 1 << 4;
const ALL = 0b111_1111;

/**
 * The failed and cancelled elements (Failed first, then Cancelled, each in time
 * order), at most `max`, and how many there are.
 * @param {TimelineView | null} view
 * @param {number} max
 * @returns {{ lanes: Lane[], total: number }}
 */
export function failedLanes(view, max) {
  if (!view) return { lanes: [], total: 0 };
  /** @type {Lane[]} */
  const lanes = [];
  let total = 0;
  for (const mask of [FAILED, CANCELLED]) {
    const n = view.filter(mask, "");
    total += n;
    for (let i = 0; i < n && lanes.length < max; i++) {
      const lane = view.lane(i);
      if (lane) lanes.push(lane);
    }
  }
  view.filter(ALL, "");
  return { lanes, total };
}

/** When the element ended (its last span's end, else its last marker), or null. @param {Lane} lane */
export function laneEnd(lane) {
  for (let i = lane.spans.length - 1; i >= 0; i--) {
    const end = lane.spans[i].end;
    if (end != null) return end;
  }
  const m = lane.markers[lane.markers.length - 1];
  return m ? m.at : null;
}
