// @ts-check
// The timeline's tooltip: what is under the pointer (a marker, a span, or a
// lane's name), its times in the current time mode, where an inferred start
// came from, the reason and message in the chosen language. Payload strings are
// text only, clipped (dom.js clipped()).
import { h, clipped } from "../dom.js";
import { fmtTime, fmtDuration, fmtNum, phaseClass, bilingual, START_SOURCES } from "../fmt.js";
import { TEXT } from "./timeline-text.js";

/** @import { Hit, TimeMode, Lang } from "../types.js" */

/** A tooltip shows at most this many characters of a value. */
const TIP_CHARS = 400;

/**
 * The tooltip's rows for a hit.
 * @param {Hit} hit @param {{mode: TimeMode, base: number | null, openEnd: number, lang: Lang}} o
 */
export function tipRows(hit, o) {
  const { lane, span, marker } = hit;
  const { mode, base } = o;
  /** @type {HTMLElement[]} */
  const rows = [];
  /** @param {string} k @param {string} v @param {string} [cls] */
  const row = (k, v, cls) => h("div", { class: "tip-row" }, h("span", { class: "tip-k" }, k), h("span", { class: ["tip-v", cls || ""] }, clipped(v, TIP_CHARS)));
  const phase = span ? span.phase : lane.phase;
  rows.push(h("div", { class: "tip-head" },
    h("span", { class: "tip-title" }, clipped(lane.label, TIP_CHARS)),
    h("span", { class: ["badge", "small", phaseClass(phase)] }, h("span", { class: "dot" }), phase)));
  if (lane.type || lane.action) rows.push(h("div", { class: "tip-sub" }, clipped([lane.type, lane.action ? TEXT.action(lane.action) : null].filter(Boolean).join(" · "), TIP_CHARS)));
  if (marker) {
    rows.push(row(TEXT.event, marker.text + (marker.count > 1 ? "  " + TEXT.times(marker.count) : "")));
    rows.push(row(TEXT.kindKey, TEXT.kind[marker.kind] || marker.kind));
    rows.push(row(TEXT.at, fmtTime(marker.at, mode, base), "mono-num"));
  } else if (span) {
    rows.push(row(TEXT.start, fmtTime(span.start, mode, base) + (span.startInferred ? TEXT.inferredRunStart : ""), "mono-num"));
    const src = span.source ? START_SOURCES[span.source] : null;
    if (src) rows.push(row(TEXT.startFrom, src.text, "tip-src src-" + span.source));
    rows.push(row(TEXT.end, span.end == null ? TEXT.openStillRunning : fmtTime(span.end, mode, base), "mono-num"));
    rows.push(row(TEXT.duration, fmtDuration((span.end ?? o.openEnd) - span.start) + (span.end == null ? TEXT.soFar : ""), "mono-num"));
  } else {
    const s = lane.spans[0];
    if (s) rows.push(row(TEXT.start, fmtTime(s.start, mode, base), "mono-num"));
    rows.push(row(TEXT.spans, String(lane.spans.length)));
    if (lane.markers.length) rows.push(row(TEXT.events, fmtNum(lane.markers.length)));
  }
  if (lane.reason) rows.push(row(TEXT.reason, bilingual(lane.reasonBi, o.lang) || lane.reason));
  if (lane.message) rows.push(h("div", { class: "tip-msg" }, clipped(bilingual(lane.messageBi, o.lang) || lane.message, TIP_CHARS)));
  return rows;
}

/**
 * Fill and show the tooltip near pointer p (canvas coordinates), inside the body.
 * @param {HTMLElement} tip @param {HTMLElement[]} rows @param {{x: number, y: number}} p
 * @param {HTMLElement} body @param {number} top  the canvas's offset in the body (the overview's height)
 */
export function showTip(tip, rows, p, body, top) {
  tip.replaceChildren(...rows);
  tip.hidden = false;
  const bw = body.clientWidth, bh = body.clientHeight;
  const tw = tip.offsetWidth, th = tip.offsetHeight;
  let lx = p.x + 14, ly = p.y + top + 14;
  if (lx + tw > bw - 4) lx = Math.max(4, p.x - tw - 14);
  if (ly + th > bh - 4) ly = Math.max(4, p.y + top - th - 10);
  tip.style.transform = "translate(" + Math.round(lx) + "px," + Math.round(ly) + "px)";
}
