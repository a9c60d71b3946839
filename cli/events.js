// @ts-check
// --events: the event table, one row per event in the payload's order: when,
// type, element, reason (× count), message, fitted to the width (plain) or as a
// Markdown table.

import { eventText } from "./text.js";
import { clock, zoneLabel } from "./time.js";

import { oneLine, pad, printable, width, wrap } from "./width.js";
import { md } from "./markdown.js";

/** @typedef {import("execscope").Event} Event */
/** @typedef {import("./style.js").Style} Style */
/** @typedef {import("./text.js").Lang} Lang */

/**
 * @typedef {object} EventsOptions
 * @property {number} width
 * @property {Style} style
 * @property {boolean} utc
 * @property {Lang} lang
 */

/** @param {Event[]} events */
function firstTime(events) {
  for (const e of events) if (e.firstTimestamp != null) return e.firstTimestamp;
  return null;
}

/**
 * The table's lines, produced lazily (a 100 MB event list has a million rows).
 * The message wraps inside its column, and with --lang both its Chinese and
 * English halves take a line each, so nothing is cut; the other columns are cut
 * with "…" to leave the message room.
 * @param {Event[]} events
 * @param {EventsOptions} o
 * @returns {Generator<string>}
 */
export function* eventLines(events, o) {
  const st = o.style;
  const base = firstTime(events);
  const sample = events.slice(0, 2000);
  const when = (/** @type {Event} */ e) => clock(e.firstTimestamp, base, o.utc);
  // The reason's halves a line each (like the message's), the count after the first.
  const reasonLines = (/** @type {Event} */ e) => {
    const h = halves(e.reason, o.lang).map(oneLine);
    if (e.count > 1) h[0] = `${h[0] ?? ""} ×${e.count}`;
    return h;
  };
  const natural = (/** @type {(e: Event) => string[]} */ f, /** @type {string} */ head) =>
    Math.max(width(head), ...sample.flatMap((e) => f(e).map(width)));
  const timeW = natural((e) => [when(e)], "Time");
  const typeW = natural((e) => [oneLine(e.type ?? "")], "Type");
  const avail = Math.max(30, o.width - timeW - typeW - 8);
  const elemW = Math.min(natural((e) => [oneLine(e.element ?? "")], "Element"), 28, Math.max(8, Math.floor(avail * 0.3)));
  const reasonW = Math.min(natural(reasonLines, "Reason"), 28, Math.max(8, Math.floor(avail * 0.3)));
  const msgW = Math.max(16, o.width - (timeW + typeW + elemW + reasonW + 8));
  const blankLeft = " ".repeat(timeW + typeW + elemW + 6);
  yield st.bold(`${pad("Time", timeW)}  ${pad("Type", typeW)}  ${pad("Element", elemW)}  ${pad("Reason", reasonW)}  Message`);
  for (const e of events) {
    const type = oneLine(e.type ?? "");
    const paint = e.kind === "failure" ? st.red : type === "Warning" ? st.yellow : (/** @type {string} */ x) => x;
    const msg = halves(e.message, o.lang).flatMap((h) => wrap(printable(h), msgW));
    const reason = reasonLines(e);
    const left = `${pad(when(e), timeW)}  ${pad(type, typeW)}  ${pad(oneLine(e.element ?? ""), elemW)}  `;
    const n = Math.max(1, msg.length, reason.length);
    for (let i = 0; i < n; i++) {
      yield paint(`${i === 0 ? left : blankLeft}${pad(reason[i] ?? "", reasonW)}  ${msg[i] ?? ""}`.trimEnd());
    }
  }
}

/**
 * The halves of an event text (reason, message) to show (the core split it already).
 * @param {import("execscope").Bilingual} b
 * @param {Lang} lang
 */
function halves(b, lang) {
  if (b.zh == null && b.en == null) return b.raw ? [b.raw] : [];
  if (lang === "zh") return [b.zh ?? b.en ?? b.raw];
  if (lang === "en") return [b.en ?? b.zh ?? b.raw];
  return [b.zh, b.en].filter((x) => x != null);
}

/**
 * The table as Markdown lines (lazily).
 * @param {Event[]} events
 * @param {{ utc: boolean, lang: Lang }} o
 * @returns {Generator<string>}
 */
export function* eventMarkdown(events, o) {
  const base = firstTime(events);
  yield `| Time (${zoneLabel(base, o.utc)}) | Type | Element | Reason | Count | Message |`;
  yield "| --- | --- | --- | --- | --- | --- |";
  for (const e of events) {
    yield `| ${clock(e.firstTimestamp, base, o.utc)} | ${md(e.type)} | ${md(e.element)} | ${md(eventText(e.reason, o.lang))} | ${e.count} | ${md(eventText(e.message, o.lang))} |`;
  }
}
