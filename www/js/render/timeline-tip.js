// @ts-check
// The timeline's tooltip: what is under the pointer (a marker, a span, or a
// lane's name), its times in the current time mode, where an inferred start
// came from, the reason and message in the chosen language. Payload strings are
// text only, clipped (dom.js clipped()).
import { h, clipped } from "../dom.js";
import { fmtTime, fmtDuration, fmtNum, phaseClass, phaseName, bilingual, bilingualLang, startSource } from "../fmt.js";

/** @import { Hit, TimeMode, Lang, MessageKey } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/** A tooltip shows at most this many characters of a value. */
const TIP_CHARS = 400;

/** The names of marker kinds. @type {Record<string, MessageKey>} */
const KIND = { start: "marker.start", success: "marker.success", failure: "marker.failure", other: "marker.other" };

/**
 * The tooltip's rows for a hit, in the interface's language (m); the payload's
 * bilingual texts in the half picked (lang), marked with their language.
 * @param {Hit} hit @param {{mode: TimeMode, base: number | null, openEnd: number, lang: Lang, m: Messages}} o
 */
export function tipRows(hit, o) {
  const { lane, span, marker } = hit;
  const { mode, base, m } = o;
  /** @type {HTMLElement[]} */
  const rows = [];
  /** @param {string} k @param {string} v @param {string} [cls] @param {"zh" | "en" | null} [lang] */
  const row = (k, v, cls, lang) => h("div", { class: "tip-row" }, h("span", { class: "tip-k" }, k), h("span", { class: ["tip-v", cls || ""], lang: lang || null }, clipped(v, TIP_CHARS, false, m)));
  const time = (/** @type {number} */ t) => fmtTime(t, mode, base, m);
  const phase = span ? span.phase : lane.phase;
  rows.push(h("div", { class: "tip-head" },
    h("span", { class: "tip-title" }, clipped(lane.label, TIP_CHARS, false, m)),
    h("span", { class: ["badge", "small", phaseClass(phase)] }, h("span", { class: "dot" }), phaseName(phase, m))));
  if (lane.type || lane.action) rows.push(h("div", { class: "tip-sub" }, clipped([lane.type, lane.action ? m.t("tl.action", { action: lane.action }) : null].filter(Boolean).join(" · "), TIP_CHARS, false, m)));
  if (marker) {
    rows.push(row(m.t("tl.event"), marker.text + (marker.count > 1 ? "  " + m.t("tl.times", { n: marker.count }) : "")));
    rows.push(row(m.t("tl.kind"), KIND[marker.kind] ? m.t(KIND[marker.kind]) : marker.kind));
    rows.push(row(m.t("tl.at"), time(marker.at), "mono-num"));
  } else if (span) {
    rows.push(row(m.t("det.start"), span.startInferred ? m.t("tl.inferredRunStart", { time: time(span.start) }) : time(span.start), "mono-num"));
    if (span.source) rows.push(row(m.t("tl.startFrom"), startSource(span.source, m).text, "tip-src src-" + span.source));
    rows.push(row(m.t("det.end"), span.end == null ? m.t("det.open") : time(span.end), "mono-num"));
    const d = fmtDuration((span.end ?? o.openEnd) - span.start, m);
    rows.push(row(m.t("tl.duration"), span.end == null ? m.t("det.soFar", { d }) : d, "mono-num"));
  } else {
    const s = lane.spans[0];
    if (s) rows.push(row(m.t("det.start"), time(s.start), "mono-num"));
    rows.push(row(m.t("tl.spans"), fmtNum(lane.spans.length, m)));
    if (lane.markers.length) rows.push(row(m.t("tl.events"), fmtNum(lane.markers.length, m)));
  }
  if (lane.reason) rows.push(row(m.t("det.reason"), bilingual(lane.reasonBi, o.lang) || lane.reason, "", bilingualLang(lane.reasonBi, o.lang)));
  if (lane.message) rows.push(h("div", { class: "tip-msg", lang: bilingualLang(lane.messageBi, o.lang) }, clipped(bilingual(lane.messageBi, o.lang) || lane.message, TIP_CHARS, false, m)));
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
