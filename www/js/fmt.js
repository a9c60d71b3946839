// @ts-check
// Pure formatting helpers shared by the render modules (no DOM, no parsing).

/** @import { Phase, Format, TimeMode, Lang, Bilingual } from "./types.js" */

/** @type {Phase[]} */
export const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Cancelled", "Skipped", "Unknown"];

/** @type {Record<Format, string>} */
export const FORMAT_LABELS = {
  "aos-execution": "AOS execution",
  "gcs-execution": "GCS execution",
  "execution-events": "Execution events",
  "workflow-executions": "Workflow history",
  "rfs-stack-events": "RFS stack events",
  "api-error": "API error",
};

/** What a joined run's tab and view call it (a run, not a format). */
export const JOINED_LABEL = "Joined run";

/** Where a span's start came from in a joined run (the core's span.source). */
/** @type {Record<NonNullable<import("./types.d.ts").Span["source"]>, {label: string, text: string}>} */
export const START_SOURCES = {
  status: { label: "status", text: "the status payload (its own start time)" },
  events: { label: "events", text: "the events (the element's first start event)" },
  snapshot: { label: "snapshot", text: "polling: the first snapshot where it had left Pending" },
  dependencies: { label: "dependencies", text: "no source has it: it starts when the elements it depends on (the template) had ended" },
  inferred: { label: "inferred", text: "no source has it: the run start is used" },
};

/** @param {string | null | undefined} phase */
export function phaseClass(phase) {
  return "ph-" + String(phase || "Unknown").toLowerCase();
}

/** @param {number | null | undefined} n */
export function fmtNum(n) {
  if (n == null || !isFinite(n)) return "—";
  return Number(n).toLocaleString("en-US");
}

/** @param {number | null | undefined} n */
export function fmtBytes(n) {
  if (n == null) return "—";
  if (n < 1024) return n + " B";
  if (n < 1024 * 1024) return (n / 1024).toFixed(n < 10240 ? 1 : 0) + " KiB";
  if (n < 1024 * 1024 * 1024) return (n / 1048576).toFixed(1) + " MiB";
  return (n / 1073741824).toFixed(2) + " GiB";
}

const pad2 = (/** @type {number} */ n) => String(n).padStart(2, "0");
const pad3 = (/** @type {number} */ n) => String(n).padStart(3, "0");

/** A duration in ms as "850 ms", "12.4 s", "3m 05s", "2h 04m", "3d 02h". */
/** @param {number | null | undefined} ms */
export function fmtDuration(ms) {
  if (ms == null || !isFinite(ms)) return "—";
  const neg = ms < 0;
  let a = Math.abs(ms);
  let out;
  if (a < 1000) out = Math.round(a) + " ms";
  else if (a < 60000) out = (a / 1000).toFixed(a < 10000 ? 2 : 1).replace(/\.?0+$/, "") + " s";
  else if (a < 3600000) { const m = Math.floor(a / 60000); out = m + "m " + pad2(Math.floor((a % 60000) / 1000)) + "s"; }
  else if (a < 86400000) { const hh = Math.floor(a / 3600000); out = hh + "h " + pad2(Math.floor((a % 3600000) / 60000)) + "m"; }
  else { const d = Math.floor(a / 86400000); out = d + "d " + pad2(Math.floor((a % 86400000) / 3600000)) + "h"; }
  return (neg ? "−" : "") + out;
}

/** Relative offset in compact form: "+0s", "+1m30s", "+2h05m", "−4s". */
/** @param {number | null | undefined} ms @param {boolean} [withMs] */
export function fmtRel(ms, withMs) {
  if (ms == null || !isFinite(ms)) return "—";
  const sign = ms < 0 ? "−" : "+";
  let a = Math.abs(ms);
  const d = Math.floor(a / 86400000); a -= d * 86400000;
  const hh = Math.floor(a / 3600000); a -= hh * 3600000;
  const mm = Math.floor(a / 60000); a -= mm * 60000;
  const ss = Math.floor(a / 1000); const mss = Math.round(a - ss * 1000);
  let s = "";
  if (d) s += d + "d";
  if (hh || (d && (mm || ss))) s += (s ? pad2(hh) : hh) + "h";
  if (mm || ((d || hh) && ss)) s += (s ? pad2(mm) : mm) + "m";
  if (ss || !s || (withMs && mss)) s += (s ? pad2(ss) : ss) + (withMs && mss ? "." + pad3(mss) : "") + "s";
  return sign + s;
}

/** @param {number} ms @param {TimeMode} mode */
function parts(ms, mode) {
  const d = new Date(ms);
  if (mode === "local") {
    return { y: d.getFullYear(), mo: d.getMonth() + 1, d: d.getDate(), h: d.getHours(), mi: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds() };
  }
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds() };
}

/** @param {number} ms @param {TimeMode} mode */
export function fmtDate(ms, mode) {
  const p = parts(ms, mode);
  return p.y + "-" + pad2(p.mo) + "-" + pad2(p.d);
}

/**
 * A point in time in the chosen mode:
 *  utc   → "2024-03-14 08:00:05Z"
 *  local → "2024-03-14 09:00:05"   (the zone is named by tzLabel)
 *  rel   → "+5s" from `base`
 * @param {number | null | undefined} ms @param {TimeMode} mode @param {number | null} [base]
 */
export function fmtTime(ms, mode, base) {
  if (ms == null || !isFinite(ms)) return "—";
  if (mode === "rel") return fmtRel(ms - (base ?? ms), true);
  const p = parts(ms, mode);
  let s = p.y + "-" + pad2(p.mo) + "-" + pad2(p.d) + " " + pad2(p.h) + ":" + pad2(p.mi) + ":" + pad2(p.s);
  if (p.ms) s += "." + pad3(p.ms);
  return mode === "local" ? s : s + "Z";
}

/** Full, unambiguous ISO time (tooltips / titles). @param {number | null | undefined} ms */
export function fmtIso(ms) {
  if (ms == null || !isFinite(ms)) return "";
  return new Date(ms).toISOString();
}

export function localZone() {
  let name = "";
  try { name = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (_) { name = ""; }
  const off = -new Date().getTimezoneOffset();
  const sign = off < 0 ? "−" : "+";
  const a = Math.abs(off);
  const utc = "UTC" + sign + pad2(Math.floor(a / 60)) + ":" + pad2(a % 60);
  return name ? name + " (" + utc + ")" : utc;
}

/** @param {TimeMode} mode */
export function tzLabel(mode) {
  if (mode === "local") return "Local · " + localZone();
  if (mode === "rel") return "Relative to run start";
  return "UTC";
}

/** @type {{id: TimeMode, label: string, title: string}[]} */
export const TIME_MODES = [
  { id: "utc", label: "UTC", title: "Times in UTC" },
  { id: "local", label: "Local", title: "Times in this browser's zone" },
  { id: "rel", label: "Relative", title: "Times relative to the run start" },
];

/** Axis tick label for time `t` with step `step` ms. @param {number} t @param {number} step @param {TimeMode} mode @param {number} base */
export function fmtTick(t, step, mode, base) {
  if (mode === "rel") return fmtRel(t - base, step < 1000);
  const p = parts(t, mode);
  if (step >= 86400000) return p.y + "-" + pad2(p.mo) + "-" + pad2(p.d);
  if (!p.h && !p.mi && !p.s && !p.ms) return pad2(p.mo) + "-" + pad2(p.d);
  if (step >= 60000) return pad2(p.h) + ":" + pad2(p.mi);
  if (step >= 1000) return pad2(p.h) + ":" + pad2(p.mi) + ":" + pad2(p.s);
  return pad2(p.h) + ":" + pad2(p.mi) + ":" + pad2(p.s) + "." + pad3(p.ms);
}

/** @param {number} t */
export function tzOffsetMs(t) {
  return -new Date(t).getTimezoneOffset() * 60000;
}

/** "1 run", "3 runs". @param {number} n @param {string} one @param {string} [many] */
export function plural(n, one, many) {
  return fmtNum(n) + " " + (n === 1 ? one : (many || one + "s"));
}

/**
 * Text of a Bilingual {raw, zh, en} in the chosen language: "zh" | "en" | "both".
 * The core splits every bilingual text (Event.reason, Run.reasonBi, Lane.reasonBi…); this only picks.
 * @param {Bilingual | null | undefined} b @param {Lang} lang
 */
export function bilingual(b, lang) {
  if (!b) return "";
  // Without a "##" the text has one half, the whole text: shown exactly as given.
  if ((b.zh == null && b.en == null) || !b.raw.includes("##")) return b.raw || "";
  if (lang === "zh") return b.zh ?? b.en ?? b.raw;
  if (lang === "en") return b.en ?? b.zh ?? b.raw;
  if (b.zh && b.en) return b.zh + " · " + b.en;
  return b.zh ?? b.en ?? b.raw;
}
