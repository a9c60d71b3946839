// @ts-check
// Pure formatting helpers shared by the render modules (no DOM, no parsing).
// Each takes the interface's Messages (i18n/index.js) last; without one it
// writes English (render/timeline-*.js and graph*.js until their words move to the catalogs).

import { EN } from "./i18n/index.js";

/** @import { Phase, Format, TimeMode, Lang, Bilingual, MessageKey } from "./types.js" */
/** @import { Messages } from "./i18n/index.js" */

/** @type {Phase[]} */
export const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Cancelled", "Skipped", "Unknown"];

/** A format's name in the interface's language. @param {Format | string} f @param {Messages} m */
export function formatLabel(f, m) {
  return (/** @type {string[]} */ (FORMATS)).includes(f) ? m.t(/** @type {MessageKey} */ ("format." + f)) : f;
}

/** @type {Format[]} */
export const FORMATS = ["aos-execution", "gcs-execution", "execution-events", "workflow-executions", "rfs-stack-events", "api-error"];

/** A phase's name in the interface's language (the payload's own spelling stays in data-phase). @param {Phase | string} p @param {Messages} m */
export function phaseName(p, m) {
  return (/** @type {string[]} */ (PHASES)).includes(p) ? m.t(/** @type {MessageKey} */ ("phase." + p)) : p;
}

/** @typedef {NonNullable<import("./types.d.ts").Span["source"]>} StartSource */

/** Where a span's start came from (the core's span.source): its label and what it means. @param {StartSource} k @param {Messages} m */
export function startSource(k, m) {
  return { label: m.t(/** @type {MessageKey} */ ("source." + k)), text: m.t(/** @type {MessageKey} */ ("source." + k + ".text")) };
}

/** The same in English, for the timeline until its words move to the catalogs. @type {Record<StartSource, {label: string, text: string}>} */
export const START_SOURCES = {
  status: startSource("status", EN), events: startSource("events", EN), snapshot: startSource("snapshot", EN),
  dependencies: startSource("dependencies", EN), inferred: startSource("inferred", EN),
};

/** @param {string | null | undefined} phase */
export function phaseClass(phase) {
  return "ph-" + String(phase || "Unknown").toLowerCase();
}

/** @param {number | null | undefined} n @param {Messages} [m] */
export function fmtNum(n, m = EN) {
  return m.num(n);
}

/** A size in B, KiB, MiB, GiB (the units as written everywhere; the number in the language). @param {number | null | undefined} n @param {Messages} [m] */
export function fmtBytes(n, m = EN) {
  if (n == null) return "—";
  if (n < 1024) return m.num(n) + " B";
  if (n < 1024 * 1024) return m.dec(n / 1024, n < 10240 ? 1 : 0) + " KiB";
  if (n < 1024 * 1024 * 1024) return m.dec(n / 1048576, 1) + " MiB";
  return m.dec(n / 1073741824, 2) + " GiB";
}

const pad2 = (/** @type {number} */ n) => String(n).padStart(2, "0");
const pad3 = (/** @type {number} */ n) => String(n).padStart(3, "0");

/** A duration in ms as "850 ms", "12.4 s", "3m 05s", "2h 04m", "3d 02h" (zh-CN: "3 分 05 秒"…). */
/** @param {number | null | undefined} ms @param {Messages} [m] */
export function fmtDuration(ms, m = EN) {
  if (ms == null || !isFinite(ms)) return "—";
  const neg = ms < 0;
  let a = Math.abs(ms);
  let out;
  if (a < 1000) out = m.t("dur.ms", { n: Math.round(a) });
  else if (a < 60000) out = m.t("dur.s", { n: Number((a / 1000).toFixed(a < 10000 ? 2 : 1)) });
  else if (a < 3600000) out = m.t("dur.m", { m: String(Math.floor(a / 60000)), s: pad2(Math.floor((a % 60000) / 1000)) });
  else if (a < 86400000) out = m.t("dur.h", { h: String(Math.floor(a / 3600000)), m: pad2(Math.floor((a % 3600000) / 60000)) });
  else out = m.t("dur.d", { d: m.num(Math.floor(a / 86400000)), h: pad2(Math.floor((a % 86400000) / 3600000)) });
  return (neg ? "−" : "") + out;
}

/** Relative offset in compact form: "+0s", "+1m30s", "+2h05m", "−4s". */
/** @param {number | null | undefined} ms @param {boolean} [withMs] @param {Messages} [m] */
export function fmtRel(ms, withMs, m = EN) {
  if (ms == null || !isFinite(ms)) return "—";
  const sign = ms < 0 ? "−" : "+";
  let a = Math.abs(ms);
  const d = Math.floor(a / 86400000); a -= d * 86400000;
  const hh = Math.floor(a / 3600000); a -= hh * 3600000;
  const mm = Math.floor(a / 60000); a -= mm * 60000;
  const ss = Math.floor(a / 1000); const mss = Math.round(a - ss * 1000);
  let s = "";
  if (d) s += d + m.t("rel.d");
  if (hh || (d && (mm || ss))) s += (s ? pad2(hh) : hh) + m.t("rel.h");
  if (mm || ((d || hh) && ss)) s += (s ? pad2(mm) : mm) + m.t("rel.m");
  if (ss || !s || (withMs && mss)) s += (s ? pad2(ss) : ss) + (withMs && mss ? "." + pad3(mss) : "") + m.t("rel.s");
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

/** @param {number} ms @param {TimeMode} mode @param {Messages} [m] */
export function fmtDate(ms, mode, m = EN) {
  if (m.dates === "intl") return intlDates(m, mode, false, false).format(ms);
  const p = parts(ms, mode);
  return p.y + "-" + pad2(p.mo) + "-" + pad2(p.d);
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const dateFormats = new Map();

/** A language's own numeric date and time (Intl), in UTC or the browser's zone. @param {Messages} m @param {TimeMode} mode @param {boolean} time @param {boolean} millis */
function intlDates(m, mode, time, millis) {
  const key = m.locale + "|" + mode + "|" + time + "|" + millis;
  let f = dateFormats.get(key);
  if (!f) {
    /** @type {Intl.DateTimeFormatOptions} */
    const o = { year: "numeric", month: "2-digit", day: "2-digit", timeZone: mode === "local" ? undefined : "UTC" };
    if (time) Object.assign(o, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    if (millis) o.fractionalSecondDigits = 3;
    f = new Intl.DateTimeFormat(m.locale, o);
    dateFormats.set(key, f);
  }
  return f;
}

/**
 * A point in time in the chosen mode (English; a language whose dates are
 * "intl" writes its own: zh-CN "2024/03/14 08:00:05 UTC"):
 *  utc   → "2024-03-14 08:00:05Z"
 *  local → "2024-03-14 09:00:05"   (the zone is named by tzLabel)
 *  rel   → "+5s" from `base`
 * @param {number | null | undefined} ms @param {TimeMode} mode @param {number | null} [base] @param {Messages} [m]
 */
export function fmtTime(ms, mode, base, m = EN) {
  if (ms == null || !isFinite(ms)) return "—";
  if (mode === "rel") return fmtRel(ms - (base ?? ms), true, m);
  if (m.dates === "intl") {
    const s = intlDates(m, mode, true, new Date(ms).getUTCMilliseconds() !== 0).format(ms);
    return mode === "local" ? s : s + " UTC";
  }
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

/** The browser's zone: its name (in a language other than English, also Intl's own name of it) and offset. @param {Messages} [m] */
export function localZone(m = EN) {
  let name = "";
  try { name = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (_) { name = ""; }
  if (m.locale !== "en") {
    try {
      const long = new Intl.DateTimeFormat(m.locale, { timeZoneName: "long" }).formatToParts(new Date()).find((x) => x.type === "timeZoneName");
      if (long && long.value) name = long.value + (name ? " · " + name : "");
    } catch (_) { /* the IANA name alone */ }
  }
  const off = -new Date().getTimezoneOffset();
  const sign = off < 0 ? "−" : "+";
  const a = Math.abs(off);
  const utc = "UTC" + sign + pad2(Math.floor(a / 60)) + ":" + pad2(a % 60);
  return name ? name + " (" + utc + ")" : utc;
}

/** What the times are in ("Local · Asia/Shanghai (UTC+08:00)", "本地 · 中国标准时间 · Asia/Shanghai (UTC+08:00)"). @param {TimeMode} mode @param {Messages} [m] */
export function tzLabel(mode, m = EN) {
  if (mode === "local") return m.t("time.zoneLocal", { zone: localZone(m) });
  if (mode === "rel") return m.t("time.zoneRel");
  return m.t("time.zoneUtc");
}

/** The time modes, and the keys of their labels and titles. @type {{id: TimeMode, label: MessageKey, title: MessageKey}[]} */
export const TIME_MODES = [
  { id: "utc", label: "time.utc", title: "time.utcTitle" },
  { id: "local", label: "time.local", title: "time.localTitle" },
  { id: "rel", label: "time.rel", title: "time.relTitle" },
];

/** Axis tick label for time `t` with step `step` ms. @param {number} t @param {number} step @param {TimeMode} mode @param {number} base @param {Messages} [m] */
export function fmtTick(t, step, mode, base, m = EN) {
  if (mode === "rel") return fmtRel(t - base, step < 1000, m);
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

/**
 * The language of what bilingual(b, lang) shows, as the core split it: "zh" or
 * "en" when it is one half (or a text the core put whole in one half), null
 * when it is both halves or nothing is known.
 * @param {Bilingual | null | undefined} b @param {Lang} lang @returns {"zh" | "en" | null}
 */
export function bilingualLang(b, lang) {
  if (!b) return null;
  const zh = b.zh != null && b.zh !== "", en = b.en != null && b.en !== "";
  if (!b.raw.includes("##")) return zh && !en ? "zh" : en && !zh ? "en" : null;
  if (lang === "zh") return zh ? "zh" : en ? "en" : null;
  if (lang === "en") return en ? "en" : zh ? "zh" : null;
  return zh && en ? null : zh ? "zh" : en ? "en" : null;
}
